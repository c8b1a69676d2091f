//! Reading tables (Markdown's pipes, HTML's `<table>`) into one paragraph
//! of [`Kind::Table`](crate::corpus::Kind::Table): where a table is in its
//! rows and cells, and whether an HTML table holds data or only lays out
//! a page.

use scraper::ElementRef;

/// Where the builder is in a table.
#[derive(Debug, Default)]
pub struct TableState {
    rows: usize,
    cells: usize,
    /// The first row names the columns.
    header: bool,
}

impl TableState {
    pub fn has_rows(&self) -> bool {
        self.rows > 0
    }

    pub fn header(&self) -> bool {
        self.header
    }

    /// Opens a row.
    pub fn start_row(&mut self, header: bool) {
        self.rows += 1;
        self.cells = 0;
        if self.rows == 1 {
            self.header = header;
        }
    }

    /// Opens a cell of the current row; whether it is the row's first.
    pub fn start_cell(&mut self, header: bool) -> bool {
        self.cells += 1;
        if self.rows == 1 && header {
            self.header = true;
        }
        self.cells == 1
    }
}

/// Elements in a cell that make a table a page's layout rather than data:
/// a grid of paragraphs, lists or other tables reads better as blocks.
const LAYOUT_INSIDE: &[&str] = &[
    "table",
    "p",
    "div",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "article",
    "section",
];

/// Whether `table` holds data: rows of at least two cells, none of which
/// holds a block of its own.
pub fn is_data_table(table: ElementRef<'_>) -> bool {
    let mut widest = 0;
    for node in table.descendants().skip(1) {
        let Some(el) = ElementRef::wrap(node) else { continue };
        let name = el.value().name();
        if LAYOUT_INSIDE.contains(&name) {
            return false;
        }
        if name == "tr" {
            let cells = el
                .children()
                .filter_map(ElementRef::wrap)
                .filter(|c| matches!(c.value().name(), "td" | "th"));
            widest = widest.max(cells.count());
        }
    }
    widest >= 2
}
