//! Builds styled paragraphs from the events of a markup parser: blocks open
//! and close, text arrives in runs with emphasis, links are numbered and
//! gathered as references at the end. Markdown and HTML both feed it, so
//! both come out the same shape.

use rustc_hash::FxHashMap;

use super::table::TableState;
use crate::corpus::paragraph::{self, Inline, Kind, Paragraph, Span};
use crate::corpus::text;

/// Links that lead nowhere a reader could follow are not numbered.
const UNREFERENCED_PREFIXES: &[&str] = &["#", "javascript:", "mailto:"];

/// Nested lists deeper than this are drawn at this depth.
const MAX_LIST_DEPTH: usize = 8;

#[derive(Debug, Default)]
pub struct Builder {
    paragraphs: Vec<Paragraph>,
    open: Option<Paragraph>,
    /// A space is owed before the next word of the open paragraph.
    space: bool,
    heading: Option<u8>,
    code: bool,
    quotes: usize,
    /// One per open list: the next number of an ordered one.
    lists: Vec<Option<u64>>,
    /// The marker for the first paragraph of the item just opened.
    marker: Option<String>,
    emphasis: usize,
    strong: usize,
    strike: usize,
    /// Inside `<sup>` (true) or `<sub>` (false).
    script: Option<bool>,
    /// The table being read, if any (see [`super::table`]).
    table: Option<TableState>,
    /// The kind a paragraph opened now takes, for a term or definition.
    block: Option<Kind>,
    inline_code: usize,
    /// One per open link: its address, if it gets a reference number, and
    /// how long the open paragraph was when it opened (a link with no text,
    /// such as a badge's image, gets no number).
    links: Vec<(Option<String>, usize)>,
    references: Vec<String>,
    /// Each address met so far and its reference number: looking it up in
    /// `references` instead took 30 s over 200,000 links.
    numbers: FxHashMap<String, usize>,
}

impl Builder {
    pub fn start_paragraph(&mut self) {
        self.end_block();
    }

    pub fn end_block(&mut self) {
        // Inside a table's rows, a block in a cell is only a space.
        if self.table.as_ref().is_some_and(TableState::has_rows) {
            self.space = true;
            return;
        }
        self.close_block();
    }

    fn close_block(&mut self) {
        let Some(mut paragraph) = self.open.take() else { return };
        self.space = false;
        let kept = paragraph.text.trim_end().len();
        paragraph.text.truncate(kept);
        paragraph.spans.retain_mut(|span| {
            span.range.end = span.range.end.min(kept);
            span.range.start < span.range.end
        });
        if !paragraph.text.trim().is_empty() {
            paragraph::push_capped(&mut self.paragraphs, paragraph, |last, more| {
                paragraph::join_text(&mut last.text, &more.text)
            });
        }
    }

    pub fn start_heading(&mut self, level: u8) {
        self.end_block();
        self.heading = Some(level.clamp(1, 6));
    }

    pub fn end_heading(&mut self) {
        self.end_block();
        self.heading = None;
    }

    pub fn start_code_block(&mut self) {
        self.end_block();
        self.code = true;
    }

    pub fn end_code_block(&mut self) {
        self.end_block();
        self.code = false;
    }

    pub fn start_quote(&mut self) {
        self.end_block();
        self.quotes += 1;
    }

    pub fn end_quote(&mut self) {
        self.end_block();
        self.quotes = self.quotes.saturating_sub(1);
    }

    /// `first` is the first number of an ordered list.
    pub fn start_list(&mut self, first: Option<u64>) {
        self.end_block();
        self.lists.push(first);
    }

    pub fn end_list(&mut self) {
        self.end_block();
        self.lists.pop();
    }

    pub fn start_item(&mut self) {
        self.end_block();
        let marker = match self.lists.last_mut() {
            Some(Some(number)) => {
                let marker = format!("{number}.");
                *number = number.saturating_add(1);
                marker
            }
            _ => "•".to_owned(),
        };
        self.marker = Some(marker);
    }

    pub fn end_item(&mut self) {
        self.end_block();
        self.marker = None;
    }

    pub fn emphasis(&mut self, on: bool) {
        toggle(&mut self.emphasis, on);
    }

    pub fn strong(&mut self, on: bool) {
        toggle(&mut self.strong, on);
    }

    /// Superscript (`Some(true)`), subscript (`Some(false)`) or neither.
    pub fn script(&mut self, script: Option<bool>) {
        self.script = script;
    }

    pub fn strike(&mut self, on: bool) {
        toggle(&mut self.strike, on);
    }

    /// A thematic break: a paragraph of its own with no text.
    pub fn rule(&mut self) {
        self.end_block();
        if self.table.is_none() {
            self.paragraphs.push(Paragraph { kind: Kind::Rule, ..Paragraph::default() });
        }
    }

    /// A definition list's term (`<dt>`), or what it means (`<dd>`).
    pub fn start_definition_part(&mut self, term: bool) {
        self.end_block();
        self.block = Some(if term { Kind::Term } else { Kind::Definition });
    }

    pub fn end_definition_part(&mut self) {
        self.end_block();
        self.block = None;
    }

    /// A table opens: its rows and cells follow. Text before its first row
    /// (a caption) is a paragraph of its own.
    pub fn start_table(&mut self) {
        self.end_block();
        self.table = Some(TableState::default());
    }

    pub fn end_table(&mut self) {
        self.table = None;
        self.close_block();
    }

    /// A row opens; `header` when it names the columns (`<th>`, `<thead>`,
    /// a Markdown table's first row).
    pub fn start_row(&mut self, header: bool) {
        let Some(table) = self.table.as_mut() else { return self.start_paragraph() };
        let first = !table.has_rows();
        if first {
            self.close_block();
        }
        if let Some(table) = self.table.as_mut() {
            table.start_row(header);
        }
        let paragraph = self.open_paragraph();
        if !first {
            paragraph.text.push(paragraph::ROW);
        }
        self.space = false;
    }

    /// A cell opens in the current row.
    pub fn start_cell(&mut self, header: bool) {
        let Some(table) = self.table.as_mut() else { return self.text(" ") };
        if !table.has_rows() {
            self.start_row(header);
        }
        let Some(table) = self.table.as_mut() else { return };
        let first = table.start_cell(header);
        let paragraph = self.open_paragraph();
        if !first {
            paragraph.text.push(paragraph::CELL);
        }
        self.space = false;
    }

    pub fn inline_code(&mut self, on: bool) {
        toggle(&mut self.inline_code, on);
    }

    pub fn start_link(&mut self, address: &str) {
        let address = address.trim();
        let followable = !address.is_empty() && !UNREFERENCED_PREFIXES.iter().any(|p| address.starts_with(p));
        let at = self.open.as_ref().map_or(0, |p| p.text.len());
        self.links.push((followable.then(|| address.to_owned()), at));
    }

    /// Closes a link and writes its reference number after its text.
    pub fn end_link(&mut self) {
        let Some((Some(address), at)) = self.links.pop() else { return };
        let Some(paragraph) = self.open.as_mut() else { return };
        // The link may have opened in an earlier paragraph, where `at` was
        // measured: then this one's text is all the link's.
        let text = paragraph.text.get(at..).unwrap_or(&paragraph.text);
        if text.trim().is_empty() {
            return;
        }
        let number = match self.numbers.get(&address) {
            Some(&number) => number,
            None => {
                self.references.push(text::sanitize(&address));
                self.numbers.insert(address, self.references.len());
                self.references.len()
            }
        };
        let start = paragraph.text.len();
        paragraph.text.push_str(&format!("[{number}]"));
        let style = Inline { reference_mark: true, ..Inline::default() };
        push_span(paragraph, start..paragraph.text.len(), style);
    }

    /// folio's mark in the text (a footnote's `[^1]`): styled as a
    /// reference mark, left out of the text extraction compares.
    pub fn mark(&mut self, mark: &str) {
        let paragraph = self.open_paragraph();
        let start = paragraph.text.len();
        paragraph.text.push_str(&text::sanitize(mark));
        let style = Inline { reference_mark: true, ..Inline::default() };
        push_span(paragraph, start..paragraph.text.len(), style);
    }

    /// Text in the current style. Outside code, runs of white space become
    /// one space, as a browser shows them.
    pub fn text(&mut self, raw: &str) {
        let mut clean = text::sanitize(raw);
        if let Some(up) = self.script {
            clean = super::scripts::shift(&clean, up);
        }
        let style = self.inline();
        // A table's text keeps its rows and cells apart with line breaks
        // and tabs: code in a cell is running text there.
        let in_table = self.table.is_some();
        let code = self.code && !in_table;
        let mut space = self.space;
        let paragraph = self.open_paragraph();
        let cell_start = match in_table {
            true => paragraph.text.rfind([paragraph::CELL, paragraph::ROW]).map_or(0, |i| i + 1),
            false => 0,
        };
        let mut start = None;
        for c in clean.chars() {
            if code {
                start.get_or_insert(paragraph.text.len());
                paragraph.text.push(c);
            } else if c.is_whitespace() {
                space = true;
            } else {
                if space && paragraph.text.len() > cell_start {
                    paragraph.text.push(' ');
                }
                space = false;
                start.get_or_insert(paragraph.text.len());
                paragraph.text.push(c);
            }
        }
        if let Some(start) = start {
            push_span(paragraph, start..paragraph.text.len(), style);
        }
        self.space = space;
    }

    /// A line break inside running text reads as a space.
    pub fn soft_break(&mut self) {
        if self.code {
            self.text("\n");
        } else {
            self.space = true;
        }
    }

    /// The paragraphs, with a "Links" list at the end when there were links.
    pub fn finish(mut self) -> Vec<Paragraph> {
        self.table = None;
        self.close_block();
        if !self.references.is_empty() {
            // folio's own label, so a reference: neither counted nor searched.
            self.paragraphs.push(Paragraph { kind: Kind::Reference, ..Paragraph::plain("Links") });
            for (i, address) in self.references.iter().enumerate() {
                let text = format!("[{}] {address}", i + 1);
                self.paragraphs.push(Paragraph { kind: Kind::Reference, ..Paragraph::plain(text) });
            }
        }
        self.paragraphs
    }

    fn inline(&self) -> Inline {
        Inline {
            emphasis: self.emphasis > 0,
            strong: self.strong > 0,
            code: self.inline_code > 0,
            link: self.links.iter().any(|(address, _)| address.is_some()),
            reference_mark: false,
            strike: self.strike > 0,
        }
    }

    fn open_paragraph(&mut self) -> &mut Paragraph {
        if self.open.is_none() {
            let kind = self.kind();
            self.open = Some(Paragraph { kind, ..Paragraph::default() });
        }
        self.open.get_or_insert_with(Paragraph::default)
    }

    /// The kind of a paragraph opened now, from the blocks it is inside.
    fn kind(&mut self) -> Kind {
        if let Some(table) = self.table.as_ref().filter(|t| t.has_rows()) {
            Kind::Table { header: table.header() }
        } else if self.code {
            Kind::Code
        } else if let Some(level) = self.heading {
            Kind::Heading(level)
        } else if !self.lists.is_empty() {
            let depth = (self.lists.len() - 1).min(MAX_LIST_DEPTH) as u8;
            Kind::ListItem { depth, marker: self.marker.take().unwrap_or_default() }
        } else if let Some(kind) = self.block.clone() {
            kind
        } else if self.quotes > 0 {
            Kind::Quote
        } else {
            Kind::Text
        }
    }
}

fn toggle(count: &mut usize, on: bool) {
    *count = if on { count.saturating_add(1) } else { count.saturating_sub(1) };
}

/// Adds a style run, merged with the one before when they touch and match.
fn push_span(paragraph: &mut Paragraph, range: std::ops::Range<usize>, style: Inline) {
    if style == Inline::default() || range.is_empty() {
        return;
    }
    if let Some(last) = paragraph.spans.last_mut()
        && last.style == style
        && last.range.end == range.start
    {
        last.range.end = range.end;
        return;
    }
    paragraph.spans.push(Span { range, style });
}

#[cfg(test)]
mod tests;
