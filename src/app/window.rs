//! The window's share of `App`: how big the screen is, which pane has the
//! keys, whether the reader fills the screen (`z`), and plain mode.

use ratatui::layout::Rect;

use super::{App, Focus};

#[derive(Debug, Default)]
pub(super) struct Window {
    /// Nothing is laid out until the terminal says how big it is.
    pub area: Rect,
    pub focus: Focus,
    /// The full-screen reading view (`z`); only while the reader has focus.
    pub full_screen: bool,
    /// Plain mode (`--plain`, TERM=dumb): text without boxes, one pane at a
    /// time, for screen readers and dumb terminals.
    pub plain: bool,
}

impl Window {
    /// With no article to read, keys go to the list; and the list is
    /// hidden in the full-screen view, so going to it leaves that view.
    pub fn keep_focus_on_something(&mut self, has_articles: bool) {
        if !has_articles && matches!(self.focus, Focus::Reader | Focus::Find) {
            self.focus = Focus::List;
        }
        self.full_screen &= matches!(self.focus, Focus::Reader | Focus::Find);
    }
}

impl App {
    /// Into the full-screen view, opening the selected article if the list
    /// had focus; or back to the panes.
    pub(super) fn toggle_full_screen(&mut self) {
        if self.window.full_screen || self.list.hits.is_empty() {
            self.window.full_screen = false;
            return;
        }
        // First, so the article is wrapped for the full-screen column.
        self.window.full_screen = true;
        if self.window.focus == Focus::List {
            self.open_article();
        }
    }

    pub(super) fn toggle_focus(&mut self) {
        self.window.focus = match self.window.focus {
            Focus::List if !self.list.hits.is_empty() => Focus::Reader,
            _ => Focus::List,
        };
    }

    pub fn is_full_screen(&self) -> bool {
        self.window.full_screen
    }

    /// The same app drawn in plain mode: no boxes, one pane at a time.
    pub fn in_plain_mode(mut self) -> Self {
        self.window.plain = true;
        self.sync();
        self
    }

    /// Whether the screen is drawn in plain mode.
    pub fn is_plain(&self) -> bool {
        self.window.plain
    }

    pub fn screen(&self) -> Rect {
        self.window.area
    }
}
