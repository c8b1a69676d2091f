//! An article laid out as lines for one text width: the title, a metadata
//! line and the wrapped body. Built once per (article, width) and then only
//! sliced, so scrolling never re-wraps. Knows nothing of the terminal.

use std::ops::Range;

use crate::corpus::Article;

/// Most readers lose their place in lines much longer than this.
pub const MAX_TEXT_WIDTH: u16 = 100;

/// What a line is, so the UI can style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Title,
    Meta,
    Blank,
    Body,
}

/// A place in the article that does not depend on the width: a block of
/// text and a byte offset into it. Block 0 is the title, block 1 the
/// metadata line, block `2 + n` paragraph `n`. Scroll positions are kept as
/// anchors, so a re-wrap after a resize lands on the same words.
///
/// Every line of a document starts at a different anchor, and anchors grow
/// down the page, so lines and anchors convert both ways by bisection.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Anchor {
    pub block: usize,
    pub offset: usize,
}

pub const TITLE_BLOCK: usize = 0;
const META_BLOCK: usize = 1;
const FIRST_PARAGRAPH_BLOCK: usize = 2;

impl Anchor {
    /// The paragraph this anchor points into, if it is in the body.
    pub fn paragraph(self) -> Option<usize> {
        self.block.checked_sub(FIRST_PARAGRAPH_BLOCK)
    }
}

/// The block that holds paragraph `index` of an article.
pub fn paragraph_block(index: usize) -> usize {
    FIRST_PARAGRAPH_BLOCK + index
}

/// A stretch of one line to highlight: a byte range of the line's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineMark {
    pub line: usize,
    pub range: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLine {
    pub text: String,
    pub kind: LineKind,
    /// Where in the text this line starts.
    pub anchor: Anchor,
}

/// The lines of one article at one width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub article: usize,
    pub width: u16,
    pub lines: Vec<DocLine>,
}

impl Document {
    /// Wraps `article` to `width` columns (at least 2, the width of one
    /// CJK character or emoji).
    pub fn layout(article: &Article, width: u16) -> Self {
        let width = width.max(2);
        let mut lines = Vec::new();
        push_wrapped(&mut lines, &article.title, width, LineKind::Title, TITLE_BLOCK);
        let meta = meta_line(article);
        push_wrapped(&mut lines, &meta, width, LineKind::Meta, META_BLOCK);
        // The gap before a paragraph is anchored at the end of the block
        // before it: after that block's last line, before the next block.
        let mut gap = Anchor { block: META_BLOCK, offset: meta.len() };
        for (index, paragraph) in article.body() {
            lines.push(DocLine { text: String::new(), kind: LineKind::Blank, anchor: gap });
            let block = FIRST_PARAGRAPH_BLOCK + index;
            push_wrapped(&mut lines, paragraph, width, LineKind::Body, block);
            gap = Anchor { block, offset: paragraph.len() };
        }
        Document { article: article.id, width, lines }
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The line that shows the text at `anchor`.
    pub fn line_of(&self, anchor: Anchor) -> usize {
        self.lines.partition_point(|l| l.anchor <= anchor).saturating_sub(1)
    }

    /// Maps byte ranges of one block's text (its title or a paragraph) to
    /// the lines that show them; a range across a line break gives a mark
    /// on each line.
    pub fn mark(&self, block: usize, ranges: &[Range<usize>]) -> Vec<LineMark> {
        let first = self.lines.partition_point(|l| l.anchor.block < block);
        let end = self.lines.partition_point(|l| l.anchor.block <= block);
        let mut marks = Vec::new();
        for (line, text) in self.lines[first..end].iter().enumerate() {
            let start = text.anchor.offset;
            let stop = start + text.text.len();
            for range in ranges.iter().filter(|r| r.start < stop && r.end > start) {
                let range = range.start.max(start) - start..range.end.min(stop) - start;
                marks.push(LineMark { line: first + line, range });
            }
        }
        marks
    }

    /// The anchor of the line at `index`, clamped to the document.
    pub fn anchor_at(&self, index: usize) -> Anchor {
        self.lines
            .get(index.min(self.lines.len().saturating_sub(1)))
            .map_or_else(Anchor::default, |l| l.anchor)
    }
}

/// "seeds/001.txt · 812 words · 4 min read".
pub fn meta_line(article: &Article) -> String {
    let mut meta =
        format!("{} · {} words · {} min read", article.source, article.words, article.reading_minutes());
    if article.lossy {
        meta.push_str(" · invalid UTF-8 replaced");
    }
    meta
}

fn push_wrapped(lines: &mut Vec<DocLine>, text: &str, width: u16, kind: LineKind, block: usize) {
    // First fit fills each line greedily, as `less` and `fmt` readers expect,
    // and costs linear time however long the paragraph.
    let options = textwrap::Options::new(usize::from(width))
        .break_words(true)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    let mut cursor = 0;
    for piece in textwrap::wrap(text, options) {
        // wrap() hands back slices of `text` in order; finding each from the
        // cursor recovers its offset without relying on how it was produced.
        let offset = text[cursor..].find(piece.as_ref()).map_or(cursor, |at| cursor + at);
        cursor = offset + piece.len();
        let anchor = Anchor { block, offset };
        lines.push(DocLine { text: piece.into_owned(), kind, anchor });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    fn article(text: &str) -> Article {
        Article::from_text(0, "a.txt", text)
    }

    #[test]
    fn no_line_is_wider_than_the_width() {
        let a = article(
            "A Short Headline Here\n\nSupercalifragilisticexpialidocious 東京都庁の展望台 words that go on and on",
        );
        for width in [2u16, 5, 12, 40] {
            let doc = Document::layout(&a, width);
            for line in &doc.lines {
                assert!(line.text.width() <= usize::from(width), "{width}: {:?}", line.text);
            }
        }
    }

    #[test]
    fn every_word_of_the_body_is_kept_in_order() {
        let text =
            "Title Of Some Story\n\nOne two three four five six seven eight nine ten.\n\nEleven twelve.";
        let doc = Document::layout(&article(text), 12);
        let body: Vec<&str> = doc
            .lines
            .iter()
            .filter(|l| l.kind == LineKind::Body)
            .flat_map(|l| l.text.split_whitespace())
            .collect();
        assert_eq!(body.join(" "), "One two three four five six seven eight nine ten. Eleven twelve.");
    }

    #[test]
    fn an_anchor_finds_the_same_words_at_another_width() {
        let text = format!("Head Line Text\n\n{}\n\n{}", "alpha ".repeat(50), "omega ".repeat(50));
        let a = article(&text);
        let wide = Document::layout(&a, 60);
        let narrow = Document::layout(&a, 20);
        let line = wide.lines.iter().position(|l| l.text.starts_with("omega")).unwrap() + 1;
        let anchor = wide.anchor_at(line);
        let there = &narrow.lines[narrow.line_of(anchor)];
        assert_eq!(there.anchor.paragraph(), anchor.paragraph());
        assert!(there.anchor.offset <= anchor.offset);
        assert!(there.text.starts_with("omega"));
    }

    #[test]
    fn marks_land_on_the_lines_that_show_them() {
        let text = "Head Line Text\n\nalpha beta gamma delta epsilon";
        let a = article(text);
        let doc = Document::layout(&a, 11);
        let paragraph = &a.paragraphs[1];
        let gamma = paragraph.find("gamma").unwrap();
        // "beta gamma" spans a line break at width 11.
        let beta = paragraph.find("beta").unwrap();
        let marks = doc.mark(paragraph_block(1), std::slice::from_ref(&(beta..gamma + 5)));
        let shown: Vec<&str> = marks.iter().map(|m| &doc.lines[m.line].text[m.range.clone()]).collect();
        assert_eq!(shown, ["beta", "gamma"]);
        let title = doc.mark(TITLE_BLOCK, std::slice::from_ref(&(5..9)));
        assert_eq!(&doc.lines[title[0].line].text[title[0].range.clone()], "Line");
    }

    #[test]
    fn every_line_round_trips_through_its_anchor() {
        let text = format!("A Title Long Enough To Wrap Twice\n\n{}\n\nEnd.", "word ".repeat(30));
        let doc = Document::layout(&article(&text), 14);
        for line in 0..doc.len() {
            assert_eq!(doc.line_of(doc.anchor_at(line)), line);
        }
        assert_eq!(doc.line_of(Anchor::default()), 0);
    }
}
