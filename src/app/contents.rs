//! The open article's contents (`T`): its headings, to jump to, and its
//! links, numbered as in the text, to follow. A link to another article of
//! the loaded corpus (a relative link between two pages of a folder, as a
//! book's chapters make) opens that article; any other opens the browser.
//! The overlay's state is the overlay part's (its mode and selection).

use std::path::{Component, Path, PathBuf};

use crate::corpus::{Article, Corpus, Kind, View};
use crate::document::{Anchor, paragraph_block};

use super::{App, Effect, Focus, Handoff, Mode};

/// What one line of the contents leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryKind {
    /// A heading of this level, at the start of this paragraph.
    Heading { level: u8, paragraph: usize },
    /// Link number `number` and its address.
    Link { number: usize, address: String },
}

/// One line of the contents, as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub text: String,
    pub kind: EntryKind,
}

/// The headings shown in `view`, then the links gathered at the end.
pub fn entries(article: &Article, view: View) -> Vec<Entry> {
    let text = article.text();
    let mut out = Vec::new();
    for (index, paragraph) in text.body(view) {
        match &paragraph.kind {
            Kind::Heading(level) => out.push(Entry {
                text: paragraph.text.clone(),
                kind: EntryKind::Heading { level: *level, paragraph: index },
            }),
            Kind::Reference => {
                let Some((number, address)) = reference(&paragraph.text) else { continue };
                out.push(Entry { text: paragraph.text.clone(), kind: EntryKind::Link { number, address } });
            }
            _ => {}
        }
    }
    out
}

/// "[3] https://…" as its number and address.
fn reference(line: &str) -> Option<(usize, String)> {
    let (number, address) = line.strip_prefix('[')?.split_once("] ")?;
    Some((number.parse().ok()?, address.trim().to_owned()))
}

/// The article of `corpus` a relative `address` in `from` points to: the
/// address without its `#section` or `?query`, taken from `from`'s folder.
pub fn linked_article(corpus: &Corpus, from: &Article, address: &str) -> Option<usize> {
    if address.contains("://") || address.starts_with("mailto:") {
        return None;
    }
    let path = address.split(['#', '?']).next().filter(|p| !p.is_empty())?;
    let folder = Path::new(&from.source).parent().unwrap_or(Path::new(""));
    let wanted = normal(&folder.join(path));
    corpus.articles().iter().find(|a| a.id != from.id && normal(Path::new(&a.source)) == wanted).map(|a| a.id)
}

/// `path` with `.` and `..` worked out, as far as the text of it allows.
fn normal(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir if out.file_name().is_some() => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

impl App {
    /// `T`: the contents of the open article, if it has any.
    pub(super) fn open_contents(&mut self) {
        let Some(article) = self.selected_article() else { return };
        if entries(article, self.reader.view).is_empty() {
            self.overlay.notice = Some("This article has no headings or links".into());
            return;
        }
        self.overlay.open(Mode::Contents);
    }

    /// The contents of the open article, for the overlay.
    pub fn contents(&self) -> Vec<Entry> {
        self.selected_article().map(|a| entries(a, self.reader.view)).unwrap_or_default()
    }

    /// The entry the contents has chosen.
    pub fn contents_choice(&self) -> usize {
        self.overlay.scroll
    }

    /// Keeps the choice on an entry as the selection moves past the end.
    pub(super) fn keep_contents_choice(&mut self) {
        if self.overlay.mode == Mode::Contents {
            let last = self.contents().len().saturating_sub(1);
            self.overlay.scroll = self.overlay.scroll.min(last);
        }
    }

    /// Enter in the contents: jumps to the heading, or follows the link.
    pub(super) fn follow_entry(&mut self) {
        let Some(entry) = self.contents().into_iter().nth(self.overlay.scroll) else { return };
        self.overlay.mode = Mode::Normal;
        let Some(article) = self.selected_article() else { return };
        let id = article.id;
        match entry.kind {
            EntryKind::Heading { paragraph, .. } => {
                self.memory.positions[id] = Anchor { block: paragraph_block(paragraph), offset: 0 };
                self.window.focus = Focus::Reader;
            }
            EntryKind::Link { address, .. } => match linked_article(&self.corpus, article, &address) {
                Some(target) => match self.list.hits.iter().position(|hit| hit.article == target) {
                    Some(row) => {
                        self.choose(row);
                        self.open_article();
                    }
                    None => {
                        self.overlay.notice =
                            Some("The linked article is not in the list (a filter hides it)".into())
                    }
                },
                None => self.effects.push(Effect::HandOff(Handoff::Browse { url: address })),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links_are_resolved_from_the_linking_page() {
        let page = |id: usize, source: &str| {
            let mut a = Article::from_text(id, source, "A Page Title\n\nSome text here.");
            a.id = id;
            a
        };
        let corpus =
            Corpus::new(vec![page(0, "book/ch1.html"), page(1, "book/ch2.html"), page(2, "other/ch2.html")]);
        let from = corpus.get(0).expect("first");
        assert_eq!(linked_article(&corpus, from, "ch2.html#types"), Some(1));
        assert_eq!(linked_article(&corpus, from, "./../other/ch2.html"), Some(2));
        assert_eq!(linked_article(&corpus, from, "https://example.org/ch2.html"), None);
        assert_eq!(linked_article(&corpus, from, "#top"), None);
        assert_eq!(reference("[12] intro.html"), Some((12, "intro.html".into())));
    }
}
