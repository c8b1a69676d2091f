//! Where keys go: the pane with focus and the overlay, if any, that has
//! taken the keys over. Read by the key table (`keys`) to pick an action and
//! held by `App`; here so that neither has to import the other.

/// Which part of the screen keys go to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Focus {
    #[default]
    List,
    Reader,
    /// Typing the list's filter query.
    Filter,
    /// Typing a search inside the open article.
    Find,
}

impl Focus {
    /// Whether keys are typed into a query rather than read as commands.
    pub fn is_typing(self) -> bool {
        matches!(self, Focus::Filter | Focus::Find)
    }
}

/// Whether an overlay has taken over the keys.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Mode {
    #[default]
    Normal,
    Help,
    /// The list of files that were skipped, and why.
    Skipped,
    /// The articles most like the selected one (`R`).
    Related,
    /// The stories: one row per story, expanded to its articles.
    Stories,
    /// What the takes on a story agree and disagree on (`c`).
    Compare,
    /// The open article's headings and links (`T`).
    Contents,
    /// A question in the status line waits for y or n.
    Confirm,
}

impl Mode {
    /// Every mode, for checks over all of them.
    pub const ALL: [Mode; 8] = [
        Mode::Normal,
        Mode::Help,
        Mode::Skipped,
        Mode::Related,
        Mode::Stories,
        Mode::Compare,
        Mode::Contents,
        Mode::Confirm,
    ];

    /// Whether this is one of the stories' panels, whose keys the stories
    /// part answers.
    pub fn is_stories(self) -> bool {
        matches!(self, Mode::Related | Mode::Stories | Mode::Compare)
    }
}
