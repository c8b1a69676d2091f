//! A paragraph as plain data: its text, the kind of block it is (a heading,
//! a quote, code, a list item), the inline styles over its text, and whether
//! cleanup marked it as site furniture. The UI maps all of this to styles;
//! nothing here knows a terminal.

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// Paragraphs an article keeps as they are; the text after them is one
/// paragraph more, behind a note that says so. Each paragraph costs about
/// a hundred bytes over its text, at every stage of a load: 60 MB of
/// one-letter paragraphs took 3 GB. A long book has a few tens of thousands.
pub const MAX_PARAGRAPHS: usize = 50_000;

/// What kind of block a paragraph is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    /// Running text.
    #[default]
    Text,
    /// A section heading, level 1 to 6.
    Heading(u8),
    /// Quoted text.
    Quote,
    /// Preformatted text: its line breaks and spaces are kept, never reflowed.
    Code,
    /// One item of a list, `depth` levels deep (0 at the top). `marker` is
    /// "•" or "3." for the item's first paragraph and empty for the rest.
    ListItem { depth: u8, marker: String },
    /// "\[2\] https://…": a link gathered from the text, listed at the end.
    Reference,
    /// A table: its rows are the lines of the text and its cells are
    /// separated by tabs (which sanitizing removes from any other text);
    /// `header` when the first row names the columns.
    Table { header: bool },
    /// The term of a definition list (an option of a man page, a `<dt>`),
    /// on its own line; its [`Kind::Definition`] follows it.
    Term,
    /// What a term means: running text, set in under the term.
    Definition,
    /// A thematic break (`---`, `<hr>`): no text, drawn as a rule.
    Rule,
}

/// What separates the cells of a row in a [`Kind::Table`]'s text.
pub const CELL: char = '\t';
/// What separates its rows.
pub const ROW: char = '\n';

/// Inline emphasis over part of a paragraph.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inline {
    pub emphasis: bool,
    pub strong: bool,
    pub code: bool,
    /// The text of a link; its address is in the references at the end.
    pub link: bool,
    /// The "\[2\]" after a link that points to its reference.
    pub reference_mark: bool,
    /// Struck through (`~~gone~~`, `<del>`).
    pub strike: bool,
}

/// A style over a byte range of a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub range: Range<usize>,
    pub style: Inline,
}

/// Why cleanup hides a paragraph. Each names a kind of site furniture that
/// the README's "Reader-mode cleanup" section describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Furniture {
    /// Menus, search boxes, "Skip to content", breadcrumbs.
    Navigation,
    /// "Share this article" and other share buttons.
    Share,
    /// Newsletter, membership, donation and "follow us" prompts.
    Prompt,
    /// A comment section: its widget, its header and the thread under it.
    Comments,
    /// "Read Next: …", "You May Also Like" and the teasers under them.
    Related,
    /// A photo caption's credit line, or an image's alt text.
    ImageCredit,
    /// "Author: …", "By …": the byline, which belongs in the header.
    Byline,
    /// The page around the article: menus, teaser and headline lists,
    /// footers, and short lines among them, outside the main text.
    Page,
}

impl Furniture {
    /// A few words for the raw view and the tests.
    pub fn describe(self) -> &'static str {
        match self {
            Furniture::Navigation => "navigation",
            Furniture::Share => "share buttons",
            Furniture::Prompt => "newsletter or membership prompt",
            Furniture::Comments => "comments",
            Furniture::Related => "related links",
            Furniture::ImageCredit => "image credit",
            Furniture::Byline => "byline",
            Furniture::Page => "outside the article's main text",
        }
    }

    /// The rule's name for scripts (`folio --print --json`): snake_case,
    /// and never changed once given, as scripts key on it.
    pub fn name(self) -> &'static str {
        match self {
            Furniture::Navigation => "navigation",
            Furniture::Share => "share",
            Furniture::Prompt => "prompt",
            Furniture::Comments => "comments",
            Furniture::Related => "related",
            Furniture::ImageCredit => "image_credit",
            Furniture::Byline => "byline",
            Furniture::Page => "outside_article",
        }
    }
}

/// One block of an article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// The text, with no control characters; only `Code` keeps newlines.
    pub text: String,
    pub kind: Kind,
    /// Styled byte ranges of `text`, in order and not overlapping.
    pub spans: Vec<Span>,
    /// Set when cleanup hides this paragraph; the raw view still shows it.
    pub furniture: Option<Furniture>,
}

/// What `--check` and the reader's header say of an article [`cap`] joined.
pub fn capped_note() -> String {
    format!("paragraphs past {MAX_PARAGRAPHS} joined into one")
}

/// Pushes `item` (a paragraph, or its text), unless `items` holds
/// `MAX_PARAGRAPHS` and one more already: then `join` adds it to that last
/// one. A format reader's way to keep its memory bounded whatever a file
/// holds; the article built from the paragraphs then notes where the join
/// starts (see [`cap`]).
pub fn push_capped<T>(items: &mut Vec<T>, item: T, join: impl FnOnce(&mut T, T)) {
    let full = items.len() > MAX_PARAGRAPHS;
    match items.last_mut() {
        Some(last) if full => join(last, item),
        _ => items.push(item),
    }
}

/// Joins `more` onto `text` with a space.
pub fn join_text(text: &mut String, more: &str) {
    text.push(' ');
    text.push_str(more);
}

/// Past `MAX_PARAGRAPHS`, joins the rest into one plain paragraph behind a
/// note saying so; whether it did.
pub fn cap(paragraphs: &mut Vec<Paragraph>) -> bool {
    if paragraphs.len() <= MAX_PARAGRAPHS {
        return false;
    }
    let rest: Vec<String> = paragraphs.drain(MAX_PARAGRAPHS..).map(|p| p.text).collect();
    let note = format!(
        "(folio shows an article's first {MAX_PARAGRAPHS} paragraphs as they are; the rest of the text follows as one)"
    );
    // folio's own words, as a reference is: neither counted nor searched.
    paragraphs.push(Paragraph { kind: Kind::Reference, ..Paragraph::plain(note) });
    paragraphs.push(Paragraph::plain(rest.join(" ")));
    true
}

impl Paragraph {
    /// Unstyled running text.
    pub fn plain(text: impl Into<String>) -> Self {
        Paragraph { text: text.into(), ..Paragraph::default() }
    }

    pub fn is_furniture(&self) -> bool {
        self.furniture.is_some()
    }

    /// Whether its words are the article's own: references are addresses,
    /// not prose, so they count for neither reading time nor search.
    pub fn is_prose(&self) -> bool {
        self.kind != Kind::Reference
    }
}
