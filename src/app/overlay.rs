//! What takes the keys before the panes do: the help (`?`) and the list of
//! skipped files (`!`), and how far each is scrolled; a question in the
//! status line waiting for y or n, or a notice said there once; and a
//! count typed before a command.

use crate::keys::Action;

use super::navigate::Question;
use super::{App, Mode};

#[derive(Debug, Default)]
pub(super) struct Overlay {
    pub mode: Mode,
    /// Scroll of the open overlay.
    pub scroll: usize,
    /// The question the status line asks (`Mode::Confirm`).
    pub question: Option<Question>,
    /// Said once in the status line (under a question, if one is asked);
    /// the next thing the user does clears it.
    pub notice: Option<String>,
    /// The digits typed before a command (`1200` of `1200G`), as a number.
    pub count: Option<usize>,
}

impl Overlay {
    /// No overlay open, saying `notice` if there is one (files skipped at
    /// start-up).
    pub fn saying(notice: Option<String>) -> Self {
        Overlay { notice, ..Overlay::default() }
    }

    /// The user did something: the notice has been read, and the count
    /// typed before this key is handed over for it (a count is for the key
    /// right after it).
    pub fn user_acted(&mut self) -> Option<usize> {
        self.notice = None;
        self.count.take()
    }

    /// Takes the actions an overlay answers, and swallows the rest while
    /// one is open; with none open, hands the action back for the panes.
    /// A digit adds to `count` (the count before this key); a question
    /// hands back only its answer.
    pub fn update(&mut self, action: Action, count: Option<usize>) -> Option<Action> {
        match (self.mode, action) {
            (Mode::Confirm, answer @ (Action::Confirm | Action::Cancel)) => {
                self.mode = Mode::Normal;
                return Some(answer);
            }
            (Mode::Confirm, _) => {}
            (Mode::Normal, Action::Count(digit)) => {
                // A count too large to be one is dropped.
                self.count = crate::viewport::push_digit(count, u32::from(digit));
            }
            (Mode::Help, Action::ToggleHelp) | (Mode::Skipped, Action::ToggleSkipped) => {
                self.mode = Mode::Normal;
            }
            // The stories' panels: their keys are the stories part's.
            (Mode::Related | Mode::Stories | Mode::Compare, action) => return Some(action),
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

    /// The count typed so far, if any (`12` of `12G`).
    pub fn pending_count(&self) -> Option<usize> {
        self.overlay.count
    }

    /// The question waiting for y or n, if any.
    pub fn question(&self) -> Option<Question> {
        self.overlay.question
    }
}
