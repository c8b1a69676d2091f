//! Keys and what they do: the `Action` enum, the one key table that both the
//! event loop and the help overlay read, and the pure function from a key
//! press to an action.

mod action;
mod key;
mod keymap;
mod table;

use crate::focus::{Focus, Mode};

pub use action::Action;
pub use key::Key;
pub use keymap::{Keymap, action_for, presses};
pub use table::BINDINGS;

use Context::{
    Anywhere, Browse, Compare, Confirm, Contents, Filter, Help, Input, List, Reader, Related, Skipped,
    Stories,
};

/// Where a binding applies. `Browse` bindings work with either pane focused;
/// `Input` ones while typing a query, for the list or inside an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Anywhere,
    Browse,
    List,
    Reader,
    Input,
    Filter,
    Help,
    Skipped,
    Related,
    Stories,
    Compare,
    Contents,
    /// A question in the status line waits for y or n.
    Confirm,
}

/// The contexts in the order the help and the README list them; `Help`
/// comes last as it is what closes the box.
pub const CONTEXTS: &[Context] = &[
    Context::List,
    Context::Reader,
    Context::Browse,
    Context::Input,
    Context::Filter,
    Context::Confirm,
    Context::Anywhere,
    Context::Skipped,
    Context::Related,
    Context::Stories,
    Context::Compare,
    Context::Contents,
    Context::Help,
];

impl Context {
    pub fn heading(self) -> &'static str {
        match self {
            Context::Anywhere => "Anywhere",
            Context::Browse => "List and reader",
            Context::List => "List",
            Context::Reader => "Reader",
            Context::Input => "Typing a query",
            Context::Filter => "Filtering the list",
            Context::Help => "This help",
            Context::Skipped => "Skipped files list",
            Context::Related => "Related articles",
            Context::Stories => "Stories",
            Context::Compare => "Comparison",
            Context::Contents => "Contents of the article",
            Context::Confirm => "Answering a question",
        }
    }
}

/// One row of the key table.
#[derive(Debug, Clone)]
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    /// What the help overlay says the keys do.
    pub help: &'static str,
    /// A one- or two-word label for the status line, for the few bindings
    /// worth a hint there.
    pub hint: Option<&'static str>,
}

impl Binding {
    fn applies(&self, focus: Focus, mode: Mode) -> bool {
        match (mode, self.context) {
            (_, Anywhere) => true,
            (Mode::Help, context) => context == Help,
            (Mode::Skipped, context) => context == Skipped,
            (Mode::Related, context) => context == Related,
            (Mode::Stories, context) => context == Stories,
            (Mode::Compare, context) => context == Compare,
            (Mode::Contents, context) => context == Contents,
            (Mode::Confirm, context) => context == Confirm,
            (Mode::Normal, Browse) => matches!(focus, Focus::List | Focus::Reader),
            (Mode::Normal, List) => focus == Focus::List,
            (Mode::Normal, Reader) => focus == Focus::Reader,
            (Mode::Normal, Input) => matches!(focus, Focus::Filter | Focus::Find),
            (Mode::Normal, Filter) => focus == Focus::Filter,
            (Mode::Normal, Help | Skipped | Related | Stories | Compare | Confirm | Contents) => false,
        }
    }
}

#[cfg(test)]
mod tests;
