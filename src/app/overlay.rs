//! The overlays that take the keys over the panes: the help (`?`) and the
//! list of skipped files (`!`), and how far each is scrolled.

use crate::keys::Action;

use super::{App, Mode};

#[derive(Debug, Default)]
pub(super) struct Overlay {
    pub mode: Mode,
    /// Scroll of the open overlay.
    pub scroll: usize,
}

impl Overlay {
    /// Takes the actions an overlay answers, and swallows the rest while
    /// one is open; with none open, hands the action back for the panes.
    pub fn update(&mut self, action: Action) -> Option<Action> {
        match (self.mode, action) {
            (Mode::Help, Action::ToggleHelp) | (Mode::Skipped, Action::ToggleSkipped) => {
                self.mode = Mode::Normal;
            }
            (Mode::Contents, Action::ToggleContents) => self.mode = Mode::Normal,
            // The contents' selection is clamped by `App`, which knows how
            // many entries there are.
            (Mode::Contents, Action::FollowEntry) => return Some(Action::FollowEntry),
            (_, Action::ScrollDown) if self.mode != Mode::Normal => self.scroll += 1,
            (_, Action::ScrollUp) if self.mode != Mode::Normal => self.scroll = self.scroll.saturating_sub(1),
            (_, Action::ToggleHelp) => self.open(Mode::Help),
            (_, Action::ToggleSkipped) => self.open(Mode::Skipped),
            (Mode::Help | Mode::Skipped | Mode::Contents, _) => {}
            (Mode::Normal, action) => return Some(action),
        }
        None
    }

    pub fn open(&mut self, mode: Mode) {
        self.mode = mode;
        self.scroll = 0;
    }
}

impl App {
    pub fn help_scroll(&self) -> usize {
        self.overlay.scroll
    }
}
