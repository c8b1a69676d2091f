//! Sending the open article outside folio: `y`/`Y` to the clipboard, `e`
//! to `$PAGER`, `E` to `$EDITOR`, `o` its link to a browser. `App` says what
//! to send as an `Effect`; the event loop runs the program, with the
//! terminal given to it, or writes the copy.

use crate::clipboard::Copy;
use crate::corpus::{Article, View};
use crate::shown;

use super::{App, Effect};

/// What the event loop is asked to hand to another program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Handoff {
    /// Show `text` in `$PAGER` (or `less`), at line `line` (from 1) where
    /// the pager is less.
    Page { text: String, line: usize },
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

/// What `Y` copies: the title and the path, a line each. Escaped: a name
/// holding `\e[201~` must not end a bracketed paste where it is pasted.
pub fn title_and_path(article: &Article, _: View) -> String {
    format!("{}\n{}", shown::escape(&article.title), shown::escape(&article.source))
}

impl App {
    /// Asks the event loop to put what `text` makes of the open article on
    /// the clipboard, and says what was copied and how.
    pub(super) fn copy(&mut self, what: &str, text: impl FnOnce(&Article, View) -> String) {
        let Some(article) = self.selected_article() else {
            self.overlay.notice = Some("Nothing to copy: no article is open".into());
            return;
        };
        let text = text(article, self.reader.view);
        let route = self.settings.clipboard_route;
        let characters = text.chars().count();
        self.overlay.notice = Some(crate::clipboard::sent_notice(what, characters, route));
        self.effects.push(Effect::Copy(Copy { text, route }));
    }

    pub(super) fn hand_off(&mut self, make: impl FnOnce(&Article, View) -> Result<Handoff, String>) {
        let Some(article) = self.selected_article() else {
            self.overlay.notice = Some("No article is open".into());
            return;
        };
        match make(article, self.reader.view) {
            Ok(handoff) => self.effects.push(Effect::HandOff(handoff)),
            Err(why) => self.overlay.notice = Some(why),
        }
    }
}

impl App {
    /// `e`: the article wrapped to the terminal's width, as `--print
    /// --width` writes it, opened at the line the reader shows at its top.
    pub(super) fn page_article(&mut self) {
        let Some(article) = self.selected_article() else {
            self.overlay.notice = Some("No article is open".into());
            return;
        };
        // A column spare: a line exactly as wide as the terminal makes
        // some terminals wrap it.
        let width = usize::from(self.window.area.width).saturating_sub(1).max(MIN_PAGER_WIDTH);
        let anchor = self.memory.positions.get(article.id).copied().unwrap_or_default();
        let at = anchor.paragraph().map(|paragraph| (paragraph, anchor.offset));
        let (text, line) = crate::print::paged(article, self.reader.view, width, at);
        self.effects.push(Effect::HandOff(Handoff::Page { text, line }));
    }
}

/// The pager never gets text narrower than this, whatever the terminal.
const MIN_PAGER_WIDTH: usize = 20;

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
