//! Plain text laid out as its author set it: blocks between blank lines,
//! read by their indentation. A block set in deeper than the text around
//! it is preformatted (code, an example); a short line with the lines under
//! it set in further is a term and its definition (an option list); lines
//! of a paragraph are joined, and a word hyphenated at a line's end made
//! whole. A man page as `man` prints it (its header line, NAME and SYNOPSIS)
//! is titled by its NAME line, its sections are headings, and its header
//! and footer lines go.

use super::paragraph::{Kind, Paragraph, push_capped};
use super::text::{self, flush_block, join_wrapped, looks_hard_wrapped};

/// Set in this much deeper than the text, a block is preformatted...
const PREFORMATTED_INDENT: usize = 4;
/// ...and a definition under its term at least this much (man pages use 7).
const DEFINITION_INDENT: usize = 2;
/// A term is a short line.
const MAX_TERM_CHARS: usize = 60;

/// Where `col -b` sets tab stops in a man page.
pub const MAN_TAB_STOP: usize = 8;

/// Whether `raw` opens with a man page's header line (checked before
/// tabs are expanded, which a man page needs at [`MAN_TAB_STOP`]).
pub fn is_man_page(raw: &str) -> bool {
    raw.trim_start().lines().next().is_some_and(|line| header_page(line).is_some())
}

/// The page a man page's header line names at both of its ends
/// ("CP(1)", "ALTER SCHEMA(7)"), if `line` is one. A name too long for
/// the line is cut short at the start, where groff writes over it
/// ("GCLOUD_ALPHA_AGCLOUD_ALPHA_…_UPDATE(1)"): the start must only begin
/// as the end does.
fn header_page(line: &str) -> Option<&str> {
    let line = line.trim();
    let first = &line[..=line.find(')')?];
    if first.contains('(') && !first.starts_with('(') && line.len() > first.len() * 2 && line.ends_with(first)
    {
        return Some(first);
    }
    let open = line.rfind('(')?;
    let start = line[..open].rfind(char::is_whitespace).map_or(0, |at| at + 1);
    let page = &line[start..];
    let named = page.ends_with(')') && open > start && line.len() > page.len();
    let prefix: String = page.chars().take(6).collect();
    (named && line.starts_with(&prefix)).then_some(page)
}

/// A plain text's paragraphs, and what its layout says of its title.
#[derive(Debug, Default)]
pub struct Layout {
    pub paragraphs: Vec<Paragraph>,
    /// A man page's NAME line, "cp — copy files and directories".
    pub title: Option<String>,
    /// The first paragraph is one line with a blank line after it: a title,
    /// whatever its length in words.
    pub lead: bool,
}

/// One line of a block: its indentation and its text.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    indent: usize,
    text: &'a str,
}

/// Reads sanitized plain text.
pub fn read(text: &str) -> Layout {
    let lead = text.lines().skip_while(|l| l.trim().is_empty()).nth(1).is_some_and(|l| l.trim().is_empty());
    let indented = text.starts_with(' ') || memchr::memmem::find(text.as_bytes(), b"\n ").is_some();
    if !indented {
        let paragraphs = text::paragraphs(text).into_iter().map(Paragraph::plain).collect();
        return Layout { paragraphs, title: None, lead };
    }
    let lines: Vec<&str> = text.lines().collect();
    let man = man_page(&lines);
    let body = match man {
        Some((from, to)) => &lines[from..to],
        None => &lines[..],
    };
    // A man page's text stands where its NAME line does (option lists set
    // in deeper can outnumber it); other text where most of its lines do.
    let base = match man {
        Some(_) => body.iter().map(|l| l.len() - l.trim_start().len()).find(|&i| i > 0 && i < 16),
        None => None,
    };
    let mut reader =
        Reader { man: man.is_some(), base: base.unwrap_or_else(|| base_indent(body)), ..Reader::default() };
    let mut block = Vec::new();
    for line in body.iter().chain(std::iter::once(&"")) {
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            reader.block(&block);
            block.clear();
        } else {
            block.push(Line { indent: line.len() - trimmed.len(), text: trimmed.trim_end() });
        }
    }
    let title = reader.name.take().filter(|_| reader.man);
    let lead = lead && title.is_none();
    Layout { paragraphs: reader.out, title, lead }
}

/// Where a man page's body is, between its header and footer lines: the
/// header is `NAME(SECTION)` at both ends ("CP(1)  User Commands  CP(1)"),
/// and a section heading (NAME, or its translation) follows.
fn man_page(lines: &[&str]) -> Option<(usize, usize)> {
    let header = lines.iter().position(|l| !l.trim().is_empty())?;
    let page = header_page(lines[header])?;
    // Then a section heading at the margin (NAME, or NOM, BEZEICHNUNG in a
    // translated page) with its text set in under it.
    let mut rest = lines[header + 1..].iter().filter(|l| !l.trim().is_empty());
    let heading = rest.next().is_some_and(|l| !l.starts_with(' '));
    if !heading || !rest.next().is_some_and(|l| l.starts_with(' ')) {
        return None;
    }
    let last = lines.iter().rposition(|l| !l.trim().is_empty())?;
    let footer = lines[last].trim_end().ends_with(page) && last > header;
    Some((header + 1, if footer { last } else { lines.len() }))
}

/// The indentation most lines have: the text's own left margin.
fn base_indent(lines: &[&str]) -> usize {
    let mut counts = [0usize; 17];
    for line in lines {
        let trimmed = line.trim_start();
        if !trimmed.is_empty() {
            counts[(line.len() - trimmed.len()).min(16)] += 1;
        }
    }
    (0..counts.len()).max_by_key(|&i| (counts[i], usize::MAX - i)).unwrap_or(0)
}

#[derive(Default)]
struct Reader {
    man: bool,
    base: usize,
    out: Vec<Paragraph>,
    /// In a man page, how many sections have begun, and the NAME line.
    sections: usize,
    name: Option<String>,
    /// The indentation of the definition last read: a block as deep after
    /// it is more of that definition.
    definition: Option<usize>,
}

impl Reader {
    fn push(&mut self, kind: Kind, text: String) {
        if !text.is_empty() {
            push_capped(&mut self.out, Paragraph { kind, ..Paragraph::plain(text) }, |last, more| {
                super::paragraph::join_text(&mut last.text, &more.text)
            });
        }
    }

    fn block(&mut self, block: &[Line<'_>]) {
        let mut rest = block;
        // A man page's section headings stand at the margin, its
        // subsections a little in, each on a line of its own.
        while self.man && rest.first().is_some_and(|l| l.indent < self.base) {
            let heading = rest[0];
            let level = if heading.indent == 0 { 1 } else { 2 };
            self.sections += usize::from(level == 1);
            self.definition = None;
            // The NAME line is the title, shown above the body.
            if self.sections > 1 || level > 1 {
                self.push(Kind::Heading(level), text::collapse_spaces(heading.text));
            }
            rest = &rest[1..];
        }
        if rest.is_empty() {
            return;
        }
        // The first section names the page, whatever its language calls it.
        if self.man && self.sections == 1 && self.name.is_none() {
            // "bzip2, bunzip2 - …" / "bzcat - …": a line for each name, the
            // first the page's own; else one NAME line, wrapped.
            let entries = rest.len() > 1 && rest[0].text.contains(" - ") && rest[1].text.contains(" - ");
            let name = if entries { rest[0].text.to_owned() } else { join_wrapped(&texts(rest)) };
            self.name = Some(match name.split_once(" - ") {
                Some((names, what)) => format!("{names} — {what}"),
                None => name.clone(),
            });
            if entries {
                return rest.iter().for_each(|l| self.push(Kind::Text, text::collapse_spaces(l.text)));
            }
        }
        if self.definition_list(rest) {
            return;
        }
        let indent = rest.iter().map(|l| l.indent).min().unwrap_or(0);
        let even = rest.iter().all(|l| l.indent == indent)
            || (rest.len() > 1 && rest[1..].iter().all(|l| l.indent == indent));
        match self.definition {
            Some(deep) if indent >= deep && even && reads_as_prose(rest) => {
                return self.push(Kind::Definition, join_wrapped(&texts(rest)));
            }
            _ => {}
        }
        if indent >= self.base + PREFORMATTED_INDENT || (!even && indent > self.base) {
            self.definition = None;
            return self.push(Kind::Code, preformatted(rest, indent));
        }
        self.definition = None;
        let mut lines = Vec::new();
        if self.man && rest.len() > 1 && !looks_hard_wrapped(&texts(rest)) && !reads_as_prose(rest) {
            // A synopsis: each line a form of the command, as set.
            return self.push(Kind::Code, preformatted(rest, indent));
        }
        flush_block(&texts(rest), &mut lines);
        lines.into_iter().for_each(|line| self.push(Kind::Text, line));
    }

    /// A term and its definition: a short line, then lines set in further
    /// ("-c, --check" / "Only report..."), or the definition on the term's
    /// own line after a gap ("-q     Print no messages.").
    fn definition_list(&mut self, block: &[Line<'_>]) -> bool {
        let first = block[0];
        let deeper = first.indent + if self.man { DEFINITION_INDENT } else { PREFORMATTED_INDENT };
        let under = block.get(1).map(|l| l.indent);
        let hangs = under.is_some_and(|u| u >= deeper && block[1..].iter().all(|l| l.indent == u));
        let gap = first.text.find("  ").filter(|&at| {
            let after = first.text[at..].trim_start();
            let column = first.indent + first.text.len() - after.len();
            under.map_or(self.man && column >= deeper + 2, |u| u == column) && !after.is_empty()
        });
        let (term, definition_start) = match gap {
            Some(at) if first.indent >= self.base => (&first.text[..at], Some(first.text[at..].trim_start())),
            _ if hangs && first.text.chars().count() <= MAX_TERM_CHARS && first.indent >= self.base => {
                (first.text, None)
            }
            _ => return false,
        };
        if !hangs && block.len() > 1 || text::starts_list_item(first.text) && !self.man {
            return false;
        }
        let mut lines: Vec<&str> = definition_start.into_iter().collect();
        lines.extend(block[1..].iter().map(|l| l.text));
        self.push(Kind::Term, text::collapse_spaces(term));
        self.push(Kind::Definition, join_wrapped(&lines));
        self.definition = Some(under.unwrap_or(first.indent + DEFINITION_INDENT));
        true
    }
}

fn texts<'a>(block: &[Line<'a>]) -> Vec<&'a str> {
    block.iter().map(|l| l.text).collect()
}

/// Whether a block reads as sentences rather than code: it ends a sentence
/// and holds mostly letters and spaces.
fn reads_as_prose(block: &[Line<'_>]) -> bool {
    let last = block.last().map_or("", |l| l.text);
    let (mut letters, mut all) = (0, 0);
    for c in block.iter().flat_map(|l| l.text.chars()) {
        all += 1;
        letters += usize::from(c.is_alphabetic() || c == ' ');
    }
    last.ends_with(['.', ':', ')', ',', ';']) && letters * 10 >= all * 8
}

/// A block's lines as they stand, less the indentation they share.
fn preformatted(block: &[Line<'_>], indent: usize) -> String {
    let lines: Vec<String> =
        block.iter().map(|l| format!("{}{}", " ".repeat(l.indent - indent), l.text)).collect();
    lines.join("\n")
}
