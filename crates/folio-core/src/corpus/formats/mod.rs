//! The file formats folio reads, and which one a file is. Each loader turns
//! text into drafts (one per article; JSON Lines gives many per file) that
//! `Article::from_draft` finishes with a title, cleanup and word counts.

mod html;
mod json;
mod markdown;
mod scripts;
mod styled;
mod table;

use std::path::Path;

use super::{Draft, Skipped, frontmatter};

/// One article of a file, with the name it is shown under, or why it could
/// not be read.
pub type Record = Result<(String, Draft), Skipped>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text, with optional front matter.
    Text,
    Markdown,
    Html,
    JsonLines,
    /// A JSON array of article objects.
    Json,
}

/// File endings picked up when walking a folder, and what they hold.
const EXTENSIONS: &[(&str, Format)] = &[
    ("txt", Format::Text),
    ("md", Format::Markdown),
    ("markdown", Format::Markdown),
    ("html", Format::Html),
    ("htm", Format::Html),
    ("jsonl", Format::JsonLines),
    ("json", Format::Json),
];

impl Format {
    /// The format a file's ending names, if it is one folio reads.
    pub fn of_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?;
        EXTENSIONS.iter().find(|(e, _)| e.eq_ignore_ascii_case(extension)).map(|(_, f)| *f)
    }

    /// A guess from the text itself, for standard input: an object opens
    /// JSON Lines, an array JSON, a tag HTML; anything else is text.
    pub fn sniff(text: &str) -> Format {
        let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        let lower: String = start.chars().take(15).collect::<String>().to_ascii_lowercase();
        if start.starts_with('{') {
            Format::JsonLines
        } else if start.starts_with('[') {
            Format::Json
        } else if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
            Format::Html
        } else {
            Format::Text
        }
    }
}

/// Every article in `text`, read as `format`; `name` names the file.
pub fn parse(format: Format, name: &str, text: &str) -> Vec<Record> {
    match format {
        Format::Text => vec![Ok((name.to_owned(), plain_with_front_matter(text)))],
        Format::Markdown => vec![Ok((name.to_owned(), markdown::parse(text)))],
        Format::Html => vec![Ok((name.to_owned(), html::parse(text)))],
        Format::JsonLines => json::lines(name, text),
        Format::Json => json::array(name, text),
    }
}

fn plain_with_front_matter(text: &str) -> Draft {
    let (front, body) = frontmatter::split(text);
    let draft = Draft::from_text(body);
    Draft { title: front.title.or(draft.title), meta: front.meta, ..draft }
}

/// A JSON body: scrapers export either plain text or the page's HTML.
fn text_or_html(body: &str) -> Draft {
    let trimmed = body.trim_start();
    if trimmed.starts_with('<') && trimmed.contains("</") {
        html::parse(body)
    } else {
        Draft::from_text(body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endings_and_sniffing() {
        assert_eq!(Format::of_path(Path::new("a/b.MD")), Some(Format::Markdown));
        assert_eq!(Format::of_path(Path::new("feed.jsonl")), Some(Format::JsonLines));
        assert_eq!(Format::of_path(Path::new("photo.jpg")), None);
        assert_eq!(Format::sniff("  {\"title\": 1}"), Format::JsonLines);
        assert_eq!(Format::sniff("<!DOCTYPE html><p>"), Format::Html);
        assert_eq!(Format::sniff("Plain words."), Format::Text);
    }

    #[test]
    fn text_files_read_front_matter_too() {
        let records = parse(Format::Text, "a.txt", "---\ntitle: Given Title\n---\nBody text here.");
        let (_, draft) = records[0].as_ref().expect("loads");
        assert_eq!(draft.title.as_deref(), Some("Given Title"));
        assert_eq!(draft.paragraphs[0].text, "Body text here.");
    }
}
