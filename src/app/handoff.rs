//! Handing the open article to programs outside folio: `e` to `$PAGER`,
//! `E` to `$EDITOR`, `o` its link to a browser. `App` says what to hand
//! over; the event loop runs the program, with the terminal given to it.

use crate::corpus::{Article, View};

use super::App;

/// What the event loop is asked to hand to another program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Handoff {
    /// Show `text` in `$PAGER` (or `less`).
    Page { text: String },
    /// Edit the article's file in `$EDITOR` (or `vi`): `source` when it is
    /// a file on disk, else a copy of `text`.
    Edit { source: String, text: String },
    /// Open `url` in a browser, or copy it where there is none.
    Browse { url: String },
}

/// The article as plain text: its title, then its paragraphs in `view`,
/// a blank line apart. What `y` copies and `e` pages.
pub fn article_text(article: &Article, view: View) -> String {
    let text = article.text();
    let body = text.body(view).map(|(_, p)| p.text.as_str());
    std::iter::once(article.title.as_str()).chain(body).collect::<Vec<_>>().join("\n\n")
}

impl App {
    pub(super) fn hand_off(&mut self, make: impl FnOnce(&Article, View) -> Result<Handoff, String>) {
        let Some(article) = self.selected_article() else {
            self.notice = Some("No article is open".into());
            return;
        };
        match make(article, self.reading) {
            Ok(handoff) => self.handoff = Some(handoff),
            Err(why) => self.notice = Some(why),
        }
    }

    /// What the event loop should hand to another program, if asked.
    pub fn take_handoff(&mut self) -> Option<Handoff> {
        self.handoff.take()
    }
}

/// The handoff for `e`.
pub fn page(article: &Article, view: View) -> Result<Handoff, String> {
    Ok(Handoff::Page { text: article_text(article, view) })
}

/// The handoff for `E`.
pub fn edit(article: &Article, view: View) -> Result<Handoff, String> {
    Ok(Handoff::Edit { source: article.source.clone(), text: article_text(article, view) })
}

/// The handoff for `o`: only an article with a link has one.
pub fn browse(article: &Article, _: View) -> Result<Handoff, String> {
    match &article.meta.url {
        Some(url) => Ok(Handoff::Browse { url: url.clone() }),
        None => Err("This article has no link".into()),
    }
}
