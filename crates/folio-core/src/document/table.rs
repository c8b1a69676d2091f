//! A table laid out for one width: columns as wide as their cells need,
//! shrunk toward their longest word when the pane is narrow, each cell
//! wrapped within its column, a rule under the header row. A table that
//! cannot fit even so becomes one block per row, each cell on a line after
//! its column's header ("Length: 8-bit"). Plain text in, plain lines out:
//! the reader and `--print` both draw from it.

use std::ops::Range;

use unicode_width::UnicodeWidthStr;

use crate::corpus::paragraph::{CELL, ROW};

/// Between two columns.
pub const SEPARATOR: &str = " │ ";
/// Under the header row, where a separator crosses it.
const RULE_CROSS: &str = "─┼─";
/// A value under a label of its own is set in this much.
const LABEL_HANG: usize = 2;
/// A column is never made narrower than this (or its longest word, if
/// shorter) before the table falls back to blocks.
const MIN_COLUMN: usize = 12;

/// What a line of a table is, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Header,
    Row,
    /// The rule under the header, or the blank line between blocks.
    Rule,
    /// A column's name before a value, in the blocks a narrow pane gets.
    Label,
}

/// Where a piece of the table's text is shown on a line: `range` of the
/// paragraph's text is drawn from byte `at` of the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub at: usize,
    pub range: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableLine {
    pub text: String,
    pub part: Part,
    /// The first byte of the paragraph this line shows (its anchor):
    /// strictly growing from line to line.
    pub offset: usize,
    pub segments: Vec<Segment>,
    /// Bytes of the line that are a label, not text of a cell.
    pub label: Option<Range<usize>>,
}

struct Cell {
    range: Range<usize>,
}

/// The rows of a table's text, each a list of cells (byte ranges of it),
/// and where each row ends.
fn rows(text: &str) -> Vec<(Vec<Cell>, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for row in text.split(ROW) {
        let mut cells = Vec::new();
        let mut at = start;
        for cell in row.split(CELL) {
            cells.push(Cell { range: at..at + cell.len() });
            at += cell.len() + CELL.len_utf8();
        }
        out.push((cells, start + row.len()));
        start += row.len() + ROW.len_utf8();
    }
    out
}

/// Lays out a table's `text` in `width` columns; `header` when its first
/// row names the columns.
pub fn layout(text: &str, header: bool, width: usize) -> Vec<TableLine> {
    let rows = rows(text);
    let columns = rows.iter().map(|(cells, _)| cells.len()).max().unwrap_or(0);
    let cell_text = |cell: &Cell| &text[cell.range.clone()];
    let mut natural = vec![0; columns];
    let mut least = vec![1; columns];
    for (cells, _) in &rows {
        for (c, cell) in cells.iter().enumerate() {
            natural[c] = natural[c].max(cell_text(cell).width());
            let longest = cell_text(cell).split(' ').map(UnicodeWidthStr::width).max().unwrap_or(0);
            least[c] = least[c].max(longest.min(MIN_COLUMN));
        }
    }
    let seps = SEPARATOR.width() * columns.saturating_sub(1);
    let fitted = (width >= seps + columns).then(|| widths(&natural, &least, width - seps)).flatten();
    let mut lines = match fitted {
        Some(widths) => grid(text, &rows, header, &widths),
        None => blocks(text, &rows, header, width),
    };
    // A label on a line of its own starts where its value does: each line
    // still needs an anchor of its own.
    for i in 1..lines.len() {
        if lines[i].offset <= lines[i - 1].offset {
            lines[i].offset = lines[i - 1].offset + 1;
        }
    }
    lines
}

/// Column widths that fit `room`: every column's natural width if they fit;
/// else the columns narrower than a fair share of the room keep theirs, and
/// the rest share what is left, each at least its least. `None` when even
/// the least do not fit.
fn widths(natural: &[usize], least: &[usize], room: usize) -> Option<Vec<usize>> {
    if natural.iter().sum::<usize>() <= room {
        return Some(natural.to_vec());
    }
    let least: Vec<usize> = least.iter().zip(natural).map(|(l, n)| (*l).min(*n).max(1)).collect();
    room.checked_sub(least.iter().sum())?;
    let mut fixed = vec![false; natural.len()];
    loop {
        let left = room - (0..natural.len()).filter(|&c| fixed[c]).map(|c| natural[c]).sum::<usize>();
        let open: Vec<usize> = (0..natural.len()).filter(|&c| !fixed[c]).collect();
        let fair = left / open.len().max(1);
        let fits: Vec<usize> = open.iter().copied().filter(|&c| natural[c] <= fair).collect();
        let needed: usize = open.iter().map(|&c| least[c]).sum();
        if fits.is_empty() || needed > left {
            break;
        }
        fits.into_iter().for_each(|c| fixed[c] = true);
    }
    let mut widths: Vec<usize> =
        (0..natural.len()).map(|c| if fixed[c] { natural[c] } else { least[c] }).collect();
    let mut left = room.checked_sub(widths.iter().sum())?;
    // The room left goes a column at a time to the one that wants most,
    // for its share of its natural width.
    while left > 0 {
        let wanting = (0..widths.len()).filter(|&c| widths[c] < natural[c]);
        let Some(c) = wanting.max_by_key(|&c| (natural[c] - widths[c]) * 1000 / natural[c].max(1)) else {
            break;
        };
        widths[c] += 1;
        left -= 1;
    }
    Some(widths)
}

/// A cell's text wrapped to `width`, as ranges of the table's text.
fn wrap_cell(text: &str, cell: &Cell, width: usize) -> Vec<Range<usize>> {
    let inner = &text[cell.range.clone()];
    let pieces = super::wrap::wrap(inner, width.max(1));
    pieces.into_iter().map(|(at, piece)| cell.range.start + at..cell.range.start + at + piece.len()).collect()
}

fn grid(text: &str, rows: &[(Vec<Cell>, usize)], header: bool, widths: &[usize]) -> Vec<TableLine> {
    let mut lines = Vec::new();
    for (r, (cells, end)) in rows.iter().enumerate() {
        let wrapped: Vec<Vec<Range<usize>>> =
            cells.iter().enumerate().map(|(c, cell)| wrap_cell(text, cell, widths[c])).collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        let part = if header && r == 0 { Part::Header } else { Part::Row };
        for k in 0..height {
            let mut line = TableLine {
                text: String::new(),
                part,
                offset: usize::MAX,
                segments: Vec::new(),
                label: None,
            };
            for (c, &width) in widths.iter().enumerate() {
                if c > 0 {
                    line.text.push_str(SEPARATOR);
                }
                let piece = wrapped.get(c).and_then(|pieces| pieces.get(k));
                let shown = piece.map_or("", |range| &text[range.clone()]);
                if let Some(range) = piece {
                    line.segments.push(Segment { at: line.text.len(), range: range.clone() });
                    line.offset = line.offset.min(range.start);
                }
                line.text.push_str(shown);
                line.text.extend(std::iter::repeat_n(' ', width.saturating_sub(shown.width())));
            }
            line.text.truncate(line.text.trim_end().len());
            // An empty cell shows nothing to mark, and may be past the end.
            line.segments.retain(|seg| !seg.range.is_empty());
            if line.offset == usize::MAX {
                line.offset = cells.first().map_or(0, |c| c.range.start);
            }
            lines.push(line);
        }
        if header && r == 0 && rows.len() > 1 {
            let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
            lines.push(TableLine {
                text: rule.join(RULE_CROSS),
                part: Part::Rule,
                offset: *end,
                segments: Vec::new(),
                label: None,
            });
        }
    }
    lines
}

/// One block per row: each cell's value after its column's header, the
/// value's later lines set in under it; a blank line between rows.
fn blocks(text: &str, rows: &[(Vec<Cell>, usize)], header: bool, width: usize) -> Vec<TableLine> {
    let names: Vec<&str> = match (header, rows.first()) {
        (true, Some((cells, _))) => cells.iter().map(|c| &text[c.range.clone()]).collect(),
        _ => Vec::new(),
    };
    let body = if header { &rows[1.min(rows.len())..] } else { rows };
    let mut lines = Vec::new();
    let mut previous_end = rows.first().map(|(_, end)| *end);
    for (r, (cells, end)) in body.iter().enumerate() {
        // A blank line between rows, at the break that ends the one before.
        if let Some(at) = previous_end.filter(|_| r > 0) {
            let gap = TableLine {
                text: String::new(),
                part: Part::Rule,
                offset: at,
                segments: Vec::new(),
                label: None,
            };
            lines.push(gap);
        }
        for (c, cell) in
            cells.iter().enumerate().filter(|(_, cell)| !text[cell.range.clone()].trim().is_empty())
        {
            let name = names.get(c).copied().unwrap_or("").trim();
            let label = if name.is_empty() { String::new() } else { format!("{name}: ") };
            // A label wider than half the line stands on lines of its own,
            // the value set in under it.
            let own_line = label.width() * 2 > width;
            let hang = if own_line { LABEL_HANG.min(width / 2) } else { label.width() };
            let pieces = wrap_cell(text, cell, width.saturating_sub(hang).max(1));
            if own_line {
                for (_, piece) in super::wrap::wrap(label.trim_end(), width.max(1)) {
                    let label = Some(0..piece.len());
                    let line = TableLine {
                        text: piece.to_owned(),
                        part: Part::Label,
                        offset: cell.range.start,
                        segments: Vec::new(),
                        label,
                    };
                    lines.push(line);
                }
            }
            for (k, range) in pieces.into_iter().enumerate() {
                let prefix = if k == 0 && !own_line { label.clone() } else { " ".repeat(hang) };
                let mut line = TableLine {
                    text: prefix.clone(),
                    part: Part::Row,
                    offset: range.start,
                    segments: vec![Segment { at: prefix.len(), range: range.clone() }],
                    label: (k == 0 && !own_line && !label.is_empty())
                        .then(|| 0..label.len().saturating_sub(1)),
                };
                if own_line && k == 0 {
                    line.offset =
                        range.start.max(cell.range.start + 1).min(range.start.max(cell.range.start));
                }
                line.text.push_str(&text[range]);
                lines.push(line);
            }
        }
        previous_end = Some(*end);
    }
    lines
}
