//! An article laid out as lines for one text width: the title, a metadata
//! line and the wrapped body. Built once per (article, width) and then only
//! sliced, so scrolling never re-wraps. Knows nothing of the terminal.

use std::ops::Range;

mod table;
mod wrap;

pub use table::{
    Part as TablePart, SEPARATOR as TABLE_SEPARATOR, Segment, TableLine, layout as layout_table,
};
use wrap::{cut_lines, wrap};

use crate::corpus::{Article, Kind, Paragraph, Span, View};

/// Most readers lose their place in lines much longer than this.
pub const MAX_TEXT_WIDTH: u16 = 100;

/// Drawn before each line of a quote.
const QUOTE_PREFIX: &str = "│ ";
/// Code is set in from the text around it, where there is room.
const CODE_INDENT: &str = "  ";
/// A definition is set in under its term.
const DEFINITION_INDENT: &str = "    ";
/// Drawn before the later pieces of a code line cut to fit.
const CONTINUED: &str = "↪ ";
/// A thematic break is a rule at most this wide.
const RULE_WIDTH: usize = 40;
/// Each level of a nested list is set in this much further.
const LIST_INDENT: usize = 2;
/// Prefixes are dropped below this many columns of text, so even a deeply
/// nested item keeps room for a word.
const MIN_TEXT_COLUMNS: usize = 8;

/// What a line is, so the UI can style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Title,
    Meta,
    Blank,
    Body,
    /// A section heading and its level, 1 to 6.
    Heading(u8),
    Quote,
    Code,
    Reference,
    /// A table's header row, one of its other rows, and the rule under the
    /// header (or the gap between the blocks of a table too wide to draw).
    TableHeader,
    TableRow,
    TableRule,
    /// A definition list's term.
    Term,
    /// A thematic break.
    Rule,
}

/// A place in the article that does not depend on the width: a block of
/// text and a byte offset into it. Block 0 is the title, block 1 the
/// metadata lines, block `2 + n` paragraph `n`. Scroll positions are kept as
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
    /// What is drawn, a quote bar or list marker included.
    pub text: String,
    pub kind: LineKind,
    /// Where in the text this line starts: after the prefix, `text` is the
    /// block's text from `anchor.offset` on.
    pub anchor: Anchor,
    /// Bytes of quote bar, list marker or indent before the text.
    pub prefix: usize,
    /// Inline styles over byte ranges of `text`.
    pub spans: Vec<Span>,
    /// Site furniture, drawn only in the raw view.
    pub furniture: bool,
    /// For a line of a table: where each piece of the block's text is on
    /// it (the text of a table's line is not one run of the block's).
    /// Empty for every other line.
    pub segments: Vec<Segment>,
}

impl DocLine {
    fn new(text: String, kind: LineKind, anchor: Anchor) -> Self {
        DocLine { text, kind, anchor, prefix: 0, spans: Vec::new(), furniture: false, segments: Vec::new() }
    }
}

/// Whether `next` follows `previous` with no blank line between: the
/// items of a list, and a term's definition.
fn runs_on(previous: Option<&Kind>, next: &Kind) -> bool {
    match (previous, next) {
        (Some(Kind::ListItem { .. }), Kind::ListItem { marker, .. }) => !marker.is_empty(),
        (Some(Kind::Term), Kind::Definition) => true,
        _ => false,
    }
}

/// The lines of one article at one width, in one view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub article: usize,
    pub width: u16,
    pub view: View,
    pub lines: Vec<DocLine>,
}

impl Document {
    /// Wraps `article` to `width` columns (at least 2, the width of one
    /// CJK character or emoji), furniture hidden unless `view` is raw.
    pub fn layout(article: &Article, width: u16, view: View) -> Self {
        let width = width.max(2);
        let mut lines = Vec::new();
        let title = Paragraph::plain(article.title.as_str());
        push_paragraph(&mut lines, &title, usize::from(width), LineKind::Title, TITLE_BLOCK);
        let meta = Paragraph::plain(meta_text(article, view));
        push_paragraph(&mut lines, &meta, usize::from(width), LineKind::Meta, META_BLOCK);
        // The gap before a paragraph is anchored at the end of the block
        // before it: after that block's last line, before the next block.
        let mut gap = Anchor { block: META_BLOCK, offset: meta.text.len() };
        let text = article.text();
        let mut previous = None;
        for (index, paragraph) in text.body(view) {
            if !runs_on(previous, &paragraph.kind) {
                lines.push(DocLine::new(String::new(), LineKind::Blank, gap));
            }
            previous = Some(&paragraph.kind);
            let block = FIRST_PARAGRAPH_BLOCK + index;
            let first = lines.len();
            push_paragraph(&mut lines, paragraph, usize::from(width), line_kind(&paragraph.kind), block);
            for line in &mut lines[first..] {
                line.furniture = paragraph.is_furniture();
            }
            // A rule has no text: its gap still comes after its line.
            gap = Anchor { block, offset: paragraph.text.len().max(1) };
        }
        Document { article: article.id, width, view, lines }
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

    /// Maps byte ranges of one block's text (its title or a paragraph),
    /// sorted and not overlapping as `find_in_text` gives them, to the lines
    /// that show them; a range across a line break gives a mark on each
    /// line. Lines and ranges are walked together: checking every range on
    /// every line took 1.7 s for a 1 MB paragraph.
    pub fn mark(&self, block: usize, ranges: &[Range<usize>]) -> Vec<LineMark> {
        if ranges.is_empty() {
            return Vec::new();
        }
        let first = self.lines.partition_point(|l| l.anchor.block < block);
        let end = self.lines.partition_point(|l| l.anchor.block <= block);
        let mut marks = Vec::new();
        let mut from = 0;
        for (line, text) in self.lines[first..end].iter().enumerate() {
            if matches!(text.kind, LineKind::TableHeader | LineKind::TableRow | LineKind::TableRule) {
                marks.extend(
                    mark_segments(&text.segments, ranges).map(|range| LineMark { line: first + line, range }),
                );
                continue;
            }
            let start = text.anchor.offset;
            let stop = start + text.text.len() - text.prefix;
            // Ranges that end before this line end before every later one.
            from += ranges[from..].iter().take_while(|r| r.end <= start).count();
            for range in ranges[from..].iter().take_while(|r| r.start < stop).filter(|r| r.end > start) {
                let shift = |at: usize| at - start + text.prefix;
                let range = shift(range.start.max(start))..shift(range.end.min(stop));
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

/// The header under the title, one line per kind of fact:
/// "Example News · Jane Doe · 2024-03-18", the address, and
/// "seeds/001.txt · 812 words · 4 min read".
pub fn meta_text(article: &Article, view: View) -> String {
    let meta = &article.meta;
    let byline: Vec<String> =
        [meta.site.clone(), meta.author.clone(), meta.date_label()].into_iter().flatten().collect();
    let mut facts = vec![
        crate::shown::escape(&article.source).into_owned(),
        format!("{} words", article.words),
        format!("{} min read", article.reading_minutes()),
    ];
    if article.lossy {
        facts.push("invalid UTF-8 replaced".into());
    }
    if article.capped {
        facts.push(crate::corpus::paragraph::capped_note());
    }
    match (view, article.hidden()) {
        (View::Clean, 0) => {}
        (View::Clean, n) => facts.push(format!("{n} hidden (r shows)")),
        (View::Raw, _) => facts.push("raw (r hides furniture)".into()),
    }
    // No-break spaces keep each fact on one line when the header wraps.
    let file = facts
        .iter()
        .skip(1)
        .fold(facts[0].clone(), |line, fact| format!("{line} · {}", fact.replace(' ', "\u{a0}")));
    let lines = [(!byline.is_empty()).then(|| byline.join(" · ")), meta.url.clone(), Some(file)];
    lines.into_iter().flatten().collect::<Vec<_>>().join("\n")
}

/// `ranges` of a block's text as byte ranges of a table's line, through
/// the line's segments.
fn mark_segments<'a>(
    segments: &'a [Segment],
    ranges: &'a [Range<usize>],
) -> impl Iterator<Item = Range<usize>> + 'a {
    segments.iter().flat_map(move |seg| {
        let from = ranges.partition_point(|r| r.end <= seg.range.start);
        ranges[from..].iter().take_while(move |r| r.start < seg.range.end).map(move |r| {
            let shift = |at: usize| at - seg.range.start + seg.at;
            shift(r.start.max(seg.range.start))..shift(r.end.min(seg.range.end))
        })
    })
}

fn line_kind(kind: &Kind) -> LineKind {
    match kind {
        Kind::Text | Kind::ListItem { .. } | Kind::Definition => LineKind::Body,
        Kind::Heading(level) => LineKind::Heading(*level),
        Kind::Quote => LineKind::Quote,
        Kind::Code => LineKind::Code,
        Kind::Reference => LineKind::Reference,
        Kind::Table { .. } => LineKind::TableRow,
        Kind::Term => LineKind::Term,
        Kind::Rule => LineKind::Rule,
    }
}

/// The prefix of a paragraph's first line and of the lines after it.
fn prefixes(kind: &Kind) -> (String, String) {
    match kind {
        Kind::Quote => (QUOTE_PREFIX.to_owned(), QUOTE_PREFIX.to_owned()),
        Kind::Code => (CODE_INDENT.to_owned(), CODE_INDENT.to_owned()),
        Kind::ListItem { depth, marker } => {
            let indent = " ".repeat(usize::from(*depth) * LIST_INDENT);
            // Continuation lines, and an item's later paragraphs, hang
            // under the text, past the marker.
            let hang = format!("{indent}{}", " ".repeat(marker.chars().count().max(1) + 1));
            let first = if marker.is_empty() { hang.clone() } else { format!("{indent}{marker} ") };
            (first, hang)
        }
        Kind::Definition => (DEFINITION_INDENT.to_owned(), DEFINITION_INDENT.to_owned()),
        // Levels below the first are told apart by their marks, as
        // Markdown writes them (and glow draws them).
        Kind::Heading(level @ 2..) => {
            let marks = usize::from(*level) + 1;
            (format!("{} ", "#".repeat(marks - 1)), " ".repeat(marks))
        }
        _ => (String::new(), String::new()),
    }
}

fn push_paragraph(
    lines: &mut Vec<DocLine>,
    paragraph: &Paragraph,
    width: usize,
    kind: LineKind,
    block: usize,
) {
    match paragraph.kind {
        Kind::Table { header } => return push_table(lines, paragraph, header, width, block),
        Kind::Rule => {
            let rule = "─".repeat(width.min(RULE_WIDTH));
            return lines.push(DocLine::new(rule, kind, Anchor { block, offset: 0 }));
        }
        _ => {}
    }
    let (mut first, mut rest) = prefixes(&paragraph.kind);
    let prefix_width = first.chars().count();
    if width < prefix_width + MIN_TEXT_COLUMNS {
        (first, rest) = (String::new(), String::new());
    }
    let inner = width - first.chars().count();
    let pieces = if paragraph.kind == Kind::Code {
        cut_lines(&paragraph.text, inner)
    } else {
        wrap(&paragraph.text, inner).into_iter().map(|(at, piece)| (at, piece, false)).collect()
    };
    let mut spans = paragraph.spans.iter().peekable();
    for (i, (offset, piece, continued)) in pieces.into_iter().enumerate() {
        let prefix = match (i, continued) {
            (_, true) if !rest.is_empty() => CONTINUED,
            (0, _) => &first,
            _ => &rest,
        };
        let mut text = String::with_capacity(prefix.len() + piece.len());
        text.push_str(prefix);
        text.push_str(piece);
        let mut line = DocLine::new(text, kind, Anchor { block, offset });
        line.prefix = prefix.len();
        let end = offset + piece.len();
        // Spans are in order: those that ended before this line are done.
        while spans.next_if(|s| s.range.end <= offset).is_some() {}
        for span in spans.clone().take_while(|s| s.range.start < end) {
            let start = span.range.start.max(offset) - offset + prefix.len();
            let stop = span.range.end.min(end) - offset + prefix.len();
            line.spans.push(Span { range: start..stop, style: span.style });
        }
        lines.push(line);
    }
}

/// A table's lines (see [`table`]), with the paragraph's inline styles
/// carried through each line's segments.
fn push_table(lines: &mut Vec<DocLine>, paragraph: &Paragraph, header: bool, width: usize, block: usize) {
    for table_line in table::layout(&paragraph.text, header, width) {
        let kind = match table_line.part {
            TablePart::Header => LineKind::TableHeader,
            TablePart::Row | TablePart::Label => LineKind::TableRow,
            TablePart::Rule => LineKind::TableRule,
        };
        let mut line = DocLine::new(table_line.text, kind, Anchor { block, offset: table_line.offset });
        if let Some(label) = table_line.label {
            let style = crate::corpus::Inline { strong: true, ..Default::default() };
            line.spans.push(Span { range: label, style });
        }
        for seg in &table_line.segments {
            let from = paragraph.spans.partition_point(|s| s.range.end <= seg.range.start);
            for span in paragraph.spans[from..].iter().take_while(|s| s.range.start < seg.range.end) {
                let shift = |at: usize| at - seg.range.start + seg.at;
                let range =
                    shift(span.range.start.max(seg.range.start))..shift(span.range.end.min(seg.range.end));
                line.spans.push(Span { range, style: span.style });
            }
        }
        line.spans.sort_by_key(|s| s.range.start);
        line.segments = table_line.segments;
        lines.push(line);
    }
}

#[cfg(test)]
mod tests;
