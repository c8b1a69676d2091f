//! What is chosen once at start-up (options, config file, environment) and
//! stays for the run: the keys, the theme, the widest text, and how a copy
//! reaches the terminal.

use crate::clipboard::Route;
use crate::corpus::SortKey;
use crate::keys::Keymap;
use crate::theme::Theme;

use super::App;

#[derive(Debug)]
pub(super) struct Settings {
    pub keymap: Keymap,
    /// The widest the reader's text may be.
    pub text_width: u16,
    /// Chosen once at start-up (`--theme`, `--color`).
    pub theme: Theme,
    /// How a copy reaches the terminal, read from the environment at start-up.
    pub clipboard_route: Route,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            keymap: Keymap::default(),
            text_width: crate::document::MAX_TEXT_WIDTH,
            theme: Theme::default(),
            clipboard_route: Route::default(),
        }
    }
}

impl App {
    /// The same app with the reader's text at most `width` columns wide.
    pub fn with_text_width(mut self, width: u16) -> Self {
        self.settings.text_width = width;
        self
    }

    /// The same app with `keymap` for keys.
    pub fn with_keymap(mut self, keymap: Keymap) -> Self {
        self.settings.keymap = keymap;
        self
    }

    /// The same app with the list sorted by `sort` (`--sort`).
    pub fn sorted_by(mut self, sort: SortKey) -> Self {
        self.set_sort(sort);
        // Given for this run (`--sort`): the order saved last time is not used.
        self.memory.sort_fixed = true;
        self
    }

    /// The same app drawn in `theme` (`--theme` at the terminal's depth).
    pub fn with_theme(mut self, theme: Theme) -> Self {
        self.settings.theme = theme;
        self
    }

    /// The same app sending copies by `route` (through tmux, screen, or not).
    pub fn copying_via(mut self, route: Route) -> Self {
        self.settings.clipboard_route = route;
        self
    }

    /// The widest the reader's text may be.
    pub fn text_width_cap(&self) -> u16 {
        self.settings.text_width
    }

    /// The keys in force, for the event loop and the help.
    pub fn keymap(&self) -> &Keymap {
        &self.settings.keymap
    }

    pub fn theme(&self) -> &Theme {
        &self.settings.theme
    }
}
