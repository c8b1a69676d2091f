//! Output for scripts and pipes: `folio --filter QUERY` prints the ranked
//! matches, and `folio --print` the articles' cleaned text, as text or as
//! JSON lines.

pub mod stories;

use serde::Serialize;
use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, BufWriter, Write};

use crate::corpus::{Article, Corpus, Kind, Paragraph, View};
use std::sync::Arc;

use crate::search::marks::Marks;
use crate::search::rank::{Explanation, RERANK};
use crate::search::scan::scan_ranked;
use crate::search::{Index, Query, Searcher};
use crate::shown;

/// How `--filter` prints each match and `--print` each article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Text for people and line tools: `title<TAB>path` for a match, like
    /// grep -l with a title; an article's title and paragraphs.
    Lines,
    /// One JSON object a line.
    JsonLines,
}

/// Width of the snippet in JSON output, in characters.
const SNIPPET_WIDTH: usize = 80;

#[derive(Serialize)]
struct JsonMatch<'a> {
    /// The file's name, exactly; escaped as the lines are when it is not
    /// UTF-8, and then its bytes are in `path_bytes`.
    path: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    path_bytes: Option<Vec<u8>>,
    title: &'a str,
    score: i64,
    snippet: Option<String>,
    /// The score in parts (see `search::rank`).
    parts: Option<Explanation>,
    /// As in `--print --json`: the words of the cleaned text (each Chinese
    /// or Japanese character one) and the minutes to read it.
    words: usize,
    minutes: usize,
}

impl<'a> JsonMatch<'a> {
    fn path(source: &'a str) -> (Cow<'a, str>, Option<Vec<u8>>) {
        match shown::raw_bytes(source) {
            Some(bytes) => (shown::escape(source), Some(bytes)),
            None => match shown::path_of(source).into_os_string().into_string() {
                Ok(exact) if exact != source => (Cow::Owned(exact), None),
                _ => (Cow::Borrowed(source), None),
            },
        }
    }
}

/// One JSON value on a line, with every control character escaped: JSON
/// escapes C0 ones itself, but lets DEL and the C1 controls (U+0080 to
/// U+009F, which some terminals obey as ESC) through raw. As `\u` escapes
/// they mean the same to a JSON reader and nothing to a terminal.
fn write_json_line(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    let json = serde_json::to_string(value)?;
    let mut line = String::with_capacity(json.len() + 1);
    for c in json.chars() {
        if c.is_control() {
            let _ = write!(line, "\\u{:04x}", u32::from(c));
        } else {
            line.push(c);
        }
    }
    line.push('\n');
    out.write_all(line.as_bytes())
}

/// Prints the matches of `query` to stdout, best first. Returns whether
/// anything matched.
/// With `index` (from the cache) the search reads it; without, one query
/// is answered by reading each article once, faster than building one.
pub fn matches(corpus: Corpus, index: Option<Index>, query: &str, format: Format) -> io::Result<bool> {
    let query = Query::parse(query);
    let corpus = Arc::new(corpus);
    let mut searcher = index.map(|index| Searcher::with_index(Arc::clone(&corpus), index));
    let (hits, ranking) = match &mut searcher {
        Some(searcher) => {
            let hits = searcher.search(&query, View::Clean);
            (hits, searcher.ranking().cloned())
        }
        None => scan_ranked(&corpus, &query, View::Clean),
    };
    // The process ends after this: its memory is given back whole, rather
    // than a hundred thousand articles and an index freed piece by piece.
    std::mem::forget(searcher);
    let marks = Marks::new(&query);
    let mut out = BufWriter::new(io::stdout().lock());
    for (at, hit) in hits.iter().enumerate() {
        let Some(article) = corpus.get(hit.article) else { continue };
        match format {
            // Tabs and newlines never reach a title (sanitising removed
            // them), nor, escaped, the path: a match is always one line.
            Format::Lines => writeln!(out, "{}\t{}", article.title, shown::escape(&article.source))?,
            Format::JsonLines => {
                let (path, path_bytes) = JsonMatch::path(&article.source);
                let line = JsonMatch {
                    path,
                    path_bytes,
                    title: &article.title,
                    score: hit.score,
                    snippet: marks.snippet(article, SNIPPET_WIDTH, View::Clean).map(|s| s.text),
                    parts: ranking.as_ref().map(|r| r.explain(article, View::Clean, at < RERANK)),
                    words: article.words,
                    minutes: article.reading_minutes(),
                };
                write_json_line(&mut out, &line)?;
            }
        }
    }
    out.flush()?;
    std::mem::forget(corpus);
    Ok(!hits.is_empty())
}

/// What `--print` writes, and how. The default is plain, clean text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Printing {
    pub format: Format,
    /// `Raw` keeps the furniture in the text (`--raw`).
    pub view: View,
    /// Wrap running text to this many columns; `None` leaves each
    /// paragraph on one line.
    pub width: Option<usize>,
}

impl Default for Printing {
    fn default() -> Self {
        Printing { format: Format::Lines, view: View::Clean, width: None }
    }
}

/// Each list level is set in this much further, as in the reader.
const LIST_INDENT: usize = 2;
/// A definition is set in under its term, as in the reader.
const DEFINITION_INDENT: &str = "    ";
/// A thematic break is a rule at most this wide.
const RULE_WIDTH: usize = 40;
/// The width a table is laid out for when nothing is wrapped.
const UNWRAPPED: usize = 100_000;

#[derive(Serialize)]
struct JsonArticle<'a> {
    /// As in `--filter --json`: the exact name, or escaped with its bytes.
    path: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    path_bytes: Option<Vec<u8>>,
    title: &'a str,
    body: String,
    hidden: Vec<Hidden>,
    words: usize,
    minutes: usize,
}

/// A paragraph cleanup hid, and the rule that hid it.
#[derive(Serialize)]
struct Hidden {
    reason: &'static str,
    text: String,
}

/// Prints the articles of `corpus` in `order` (article ids) to stdout.
/// Between articles in text, a `==> path <==` line, as `head` and `tail`
/// separate files, when there is more than one.
pub fn articles(corpus: &Corpus, order: &[usize], how: Printing) -> io::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    let many = order.len() > 1;
    for (n, article) in order.iter().filter_map(|&id| corpus.get(id)).enumerate() {
        match how.format {
            Format::Lines => {
                if n > 0 {
                    out.write_all(b"\n")?;
                }
                if many {
                    // A path may hold anything a file name can: escaped, as
                    // everywhere folio prints one.
                    writeln!(out, "==> {} <==", shown::escape(&article.source))?;
                }
                out.write_all(article_text(article, how.view, how.width).as_bytes())?;
            }
            Format::JsonLines => write_json_line(&mut out, &json_article(article))?,
        }
    }
    out.flush()
}

/// An article as `--print` shows it: the title, a blank line, and the
/// paragraphs of `view` separated by blank lines, link references last.
pub fn article_text(article: &Article, view: View, width: Option<usize>) -> String {
    let text = article.text();
    let title = Paragraph { kind: Kind::Heading(1), ..Paragraph::plain(article.title.as_str()) };
    let paragraphs = std::iter::once(&title).chain(text.body(view).map(|(_, p)| p));
    let mut out = join(paragraphs.map(|p| (p, render(p, width, true))));
    out.push('\n');
    out
}

/// What `e` hands the pager: the article as `--print --width` writes it,
/// and the line (from 1) that shows byte `offset` of paragraph `paragraph`
/// (the top of the reader), so the pager can open there.
pub fn paged(article: &Article, view: View, width: usize, at: Option<(usize, usize)>) -> (String, usize) {
    // Nothing in an article's text is a NUL (sanitizing removes controls):
    // it marks where the paragraph read starts, and goes again.
    const MARK: char = '\0';
    let text = article.text();
    let title = Paragraph { kind: Kind::Heading(1), ..Paragraph::plain(article.title.as_str()) };
    let body = text.body(view).map(|(i, p)| (Some(i), p));
    let mut within = 0;
    let blocks = std::iter::once((None, &title)).chain(body).map(|(index, p)| {
        let mut block = render(p, Some(width), true);
        if let Some((_, offset)) = at.filter(|(wanted, _)| index == Some(*wanted)) {
            within = line_within(&block, offset);
            block.insert(0, MARK);
        }
        (p, block)
    });
    let mut out = join(blocks);
    out.push('\n');
    let line = match out.find(MARK) {
        Some(at) => {
            out.remove(at);
            out[..at].matches('\n').count() + 1 + within
        }
        None => 1,
    };
    (out, line)
}

/// Which line of a wrapped paragraph shows byte `offset` of its text: the
/// lines' words laid end to end, a space between.
fn line_within(block: &str, offset: usize) -> usize {
    let mut seen = 0;
    for (line, text) in block.lines().enumerate() {
        seen += text.trim_start().len() + 1;
        if seen > offset {
            return line;
        }
    }
    block.lines().count().saturating_sub(1)
}

/// The cleaned text without the title and without the link references
/// (nor the "\[2\]" marks that point to them): what an extraction
/// benchmark compares with a person's judgement of the article.
pub fn body_text(article: &Article) -> String {
    let text = article.text();
    join(text.body(View::Clean).filter(|(_, p)| p.is_prose()).map(|(_, p)| (p, render(p, None, false))))
}

/// Blocks separated by a blank line, but the items of a list, and the
/// link references, by a line break only, as a list is written by hand.
fn join<'a>(blocks: impl Iterator<Item = (&'a Paragraph, String)>) -> String {
    let listed = |kind: &Kind| match kind {
        Kind::ListItem { .. } => 1,
        Kind::Reference => 2,
        Kind::Term => 3,
        Kind::Definition => 4,
        _ => 0,
    };
    let mut out = String::new();
    let mut last = 0;
    for (paragraph, block) in blocks.filter(|(_, block)| !block.trim().is_empty()) {
        let list = listed(&paragraph.kind);
        if !out.is_empty() {
            let runs_on = (list != 0 && list < 3 && list == last) || (last, list) == (3, 4);
            out.push_str(if runs_on { "\n" } else { "\n\n" });
        }
        out.push_str(&block);
        last = list;
    }
    out
}

fn json_article(article: &Article) -> JsonArticle<'_> {
    let hidden = article
        .text()
        .paragraphs
        .into_iter()
        .filter_map(|p| p.furniture.map(|why| Hidden { reason: why.name(), text: p.text }))
        .collect();
    let (path, path_bytes) = JsonMatch::path(&article.source);
    JsonArticle {
        path,
        path_bytes,
        title: &article.title,
        body: body_text(article),
        hidden,
        words: article.words,
        minutes: article.reading_minutes(),
    }
}

/// One paragraph as lines of text: code as it is, the rest wrapped to
/// `width` if there is one, with a quote's bar or a list item's marker.
fn render(paragraph: &Paragraph, width: Option<usize>, marks: bool) -> String {
    let text = if marks { paragraph.text.clone() } else { without_marks(paragraph) };
    let (first, rest) = match &paragraph.kind {
        Kind::Code => return text,
        Kind::Table { header } => return table_text(&text, *header, width),
        Kind::Rule if marks => return "─".repeat(width.unwrap_or(RULE_WIDTH).min(RULE_WIDTH)),
        Kind::Rule => return String::new(),
        Kind::Definition => (DEFINITION_INDENT.to_owned(), DEFINITION_INDENT.to_owned()),
        Kind::Quote => ("> ".to_owned(), "> ".to_owned()),
        Kind::ListItem { depth, marker } => {
            let indent = " ".repeat(usize::from(*depth) * LIST_INDENT);
            let hang = format!("{indent}{}", " ".repeat(marker.chars().count().max(1) + 1));
            let first = if marker.is_empty() { hang.clone() } else { format!("{indent}{marker} ") };
            (first, hang)
        }
        Kind::Text | Kind::Heading(_) | Kind::Reference | Kind::Term => (String::new(), String::new()),
    };
    match width {
        // A word longer than the line is left whole, and a reference is
        // broken only at its spaces: an address cut in two no longer opens.
        Some(width) => {
            let mut options = textwrap::Options::new(width)
                .initial_indent(&first)
                .subsequent_indent(&rest)
                .break_words(false);
            if paragraph.kind == Kind::Reference {
                options = options.word_separator(textwrap::WordSeparator::AsciiSpace);
            }
            textwrap::fill(&text, options)
        }
        None => format!("{first}{text}"),
    }
}

/// A table as the reader draws it: aligned columns and a rule under the
/// header, its cells wrapped to fit `width` (else one block per row);
/// without a width, every column as wide as its widest cell.
fn table_text(text: &str, header: bool, width: Option<usize>) -> String {
    let lines = crate::document::layout_table(text, header, width.unwrap_or(UNWRAPPED));
    lines.into_iter().map(|line| line.text).collect::<Vec<_>>().join("\n")
}

/// A paragraph's text without its "[2]" reference marks.
fn without_marks(paragraph: &Paragraph) -> String {
    let mut out = String::with_capacity(paragraph.text.len());
    let mut from = 0;
    for span in paragraph.spans.iter().filter(|s| s.style.reference_mark) {
        out.push_str(paragraph.text.get(from..span.range.start).unwrap_or_default());
        from = span.range.end;
    }
    out.push_str(paragraph.text.get(from..).unwrap_or_default());
    out
}
