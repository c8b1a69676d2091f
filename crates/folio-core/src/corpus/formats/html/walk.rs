//! Reads a parsed HTML tree into styled paragraphs: elements open and close
//! blocks, lists, tables, definition lists and inline styles of a
//! [`Builder`]. The page reader and Markdown's raw HTML blocks share it.

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::node::Element;
use scraper::{ElementRef, Html, Node};

use super::super::styled::Builder;
use super::super::table::is_data_table;
use super::{DROPPED, DROPPED_ROLES};
use crate::corpus::paragraph::Paragraph;

/// Elements that end a paragraph before and after them.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "body",
    "br",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "hr",
    "main",
    "p",
    "section",
    "summary",
    "table",
    "tr",
];

/// Walks the tree without recursion, so no nesting depth overflows the stack.
pub fn read_body(root: NodeRef<'_, Node>, drop_headers: bool) -> Vec<Paragraph> {
    let mut b = Builder::default();
    walk(&mut b, root, drop_headers);
    b.finish()
}

/// Reads an HTML fragment (a Markdown file's raw HTML block) into `b`.
/// Its nesting is limited first, as a page's is (see [`super::nesting`]).
pub fn walk_fragment(b: &mut Builder, html: &str) {
    let fragment = Html::parse_fragment(&super::nesting::limit_nesting(html));
    walk(b, *fragment.root_element(), false);
}

fn walk(b: &mut Builder, root: NodeRef<'_, Node>, drop_headers: bool) {
    // One entry per open <table>: whether it is read as a table of data.
    let mut tables = Vec::new();
    let mut skipping = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) if skipping.is_none() => match node.value() {
                Node::Text(text) => b.text(text),
                Node::Element(el) if is_dropped(el, drop_headers) => skipping = Some(node.id()),
                Node::Element(el) => open(b, el, node, &mut tables),
                _ => {}
            },
            Edge::Open(_) => {}
            Edge::Close(node) => {
                if skipping.is_some() {
                    if skipping == Some(node.id()) {
                        skipping = None;
                    }
                } else if let Node::Element(el) = node.value() {
                    close(b, el, &mut tables);
                }
            }
        }
    }
}

fn is_dropped(el: &Element, drop_headers: bool) -> bool {
    let name = el.name();
    let role = el.attr("role").unwrap_or("");
    DROPPED.contains(&name)
        || (drop_headers && name == "header")
        || DROPPED_ROLES.iter().any(|r| r.eq_ignore_ascii_case(role))
        || el.attr("hidden").is_some()
        || el.attr("aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true"))
        // mdBook's hidden lines of a Rust example (`# fn main() {`), which
        // its pages only show on request.
        || (name == "span" && el.attr("class").is_some_and(|c| c.split_whitespace().any(|c| c == "boring")))
}

/// Whether the innermost open table is read as data.
fn in_data_table(tables: &[bool]) -> bool {
    tables.last() == Some(&true)
}

fn open(b: &mut Builder, el: &Element, node: NodeRef<'_, Node>, tables: &mut Vec<bool>) {
    let data = in_data_table(tables);
    match el.name() {
        "table" => {
            let is_data = !data && ElementRef::wrap(node).is_some_and(is_data_table);
            tables.push(is_data);
            if is_data { b.start_table() } else { b.start_paragraph() }
        }
        "tr" if data => b.start_row(is_header_row(node)),
        "td" | "th" if data => b.start_cell(false),
        "hr" => b.rule(),
        "dt" | "dd" => b.start_definition_part(el.name() == "dt"),
        name if BLOCKS.contains(&name) => b.start_paragraph(),
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => b.start_heading(heading_level(el.name())),
        "blockquote" => b.start_quote(),
        "pre" => b.start_code_block(),
        "ul" => b.start_list(None),
        "ol" => b.start_list(Some(el.attr("start").and_then(|s| s.trim().parse().ok()).unwrap_or(1))),
        "li" => b.start_item(),
        "em" | "i" | "cite" => b.emphasis(true),
        "strong" | "b" => b.strong(true),
        "del" | "s" | "strike" => b.strike(true),
        "sup" => b.script(Some(true)),
        "sub" => b.script(Some(false)),
        "code" | "kbd" | "samp" | "tt" => b.inline_code(true),
        "a" => b.start_link(el.attr("href").unwrap_or("")),
        "td" | "th" => b.text(" "),
        _ => {}
    }
}

fn close(b: &mut Builder, el: &Element, tables: &mut Vec<bool>) {
    match el.name() {
        "table" => {
            if tables.pop() == Some(true) {
                b.end_table()
            } else {
                b.end_block()
            }
        }
        "dt" | "dd" => b.end_definition_part(),
        name if BLOCKS.contains(&name) => b.end_block(),
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => b.end_heading(),
        "blockquote" => b.end_quote(),
        "pre" => b.end_code_block(),
        "ul" | "ol" => b.end_list(),
        "li" => b.end_item(),
        "em" | "i" | "cite" => b.emphasis(false),
        "strong" | "b" => b.strong(false),
        "del" | "s" | "strike" => b.strike(false),
        "sup" | "sub" => b.script(None),
        "code" | "kbd" | "samp" | "tt" => b.inline_code(false),
        "a" => b.end_link(),
        _ => {}
    }
}

/// A row in `<thead>`, or one of `<th>` cells only, names the columns.
fn is_header_row(row: NodeRef<'_, Node>) -> bool {
    let in_head = row.parent().and_then(|p| p.value().as_element().map(|e| e.name() == "thead"));
    let mut cells = row.children().filter_map(|c| c.value().as_element().map(Element::name)).peekable();
    in_head == Some(true) || (cells.peek().is_some() && cells.all(|name| name == "th"))
}

fn heading_level(name: &str) -> u8 {
    name.strip_prefix('h').and_then(|n| n.parse().ok()).unwrap_or(2)
}
