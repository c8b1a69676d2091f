//! Keys and what they do: the `Action` enum, the one key table that both the
//! event loop and the help overlay read, and the pure function from a key
//! press to an action.

use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use serde::{Deserialize, Serialize};

use crate::corpus::Batch;
use crate::focus::{Focus, Mode};
use crate::search::worker::Results;

/// Everything a user can ask of folio. `App::update` is the only place these
/// take effect. The snake_case names are the ones a keymap file will use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Leave folio.
    Quit,
    /// Move the list selection down one article.
    SelectNext,
    /// Move the list selection up one article.
    SelectPrev,
    /// Jump to the first article in the list.
    SelectFirst,
    /// Jump to the last article in the list.
    SelectLast,
    /// Show the selected article and move focus to the reader.
    OpenArticle,
    /// Move focus back to the article list.
    FocusList,
    /// Switch focus between the list and the reader.
    ToggleFocus,
    /// Move focus to the filter bar to type a query for the list.
    FocusFilter,
    /// Move focus to the filter bar to search inside the open article.
    FocusFind,
    /// Show or hide the overlay listing every key.
    ToggleHelp,
    /// Show or hide the line of matching text under each title.
    ToggleSnippets,
    /// Scroll the reader down one line.
    ScrollDown,
    /// Scroll the reader up one line.
    ScrollUp,
    /// Scroll the reader to the start of the article.
    ScrollTop,
    /// Scroll the reader to the end of the article.
    ScrollBottom,
    /// Scroll the reader down half a page.
    HalfPageDown,
    /// Scroll the reader up half a page.
    HalfPageUp,
    /// Scroll the reader down a whole page.
    PageDown,
    /// Scroll the reader up a whole page.
    PageUp,
    /// Go to the next match in the reader.
    NextMatch,
    /// Go to the previous match in the reader.
    PrevMatch,
    /// Add a character to the query being typed.
    TypeChar(char),
    /// Delete the last character of the query being typed.
    DeleteChar,
    /// Delete the last word of the query being typed.
    DeleteWord,
    /// Keep the query and leave the filter bar.
    AcceptQuery,
    /// Clear the query and leave the filter bar.
    ClearQuery,
    /// Show the raw text with its site furniture, or hide the furniture
    /// again, in the reader and in search.
    ToggleRaw,
    /// Sort the list by the next order: name, date, title, length.
    CycleSort,
    /// Show or hide the list of files that were skipped, and why.
    ToggleSkipped,
    /// Bookmark the selected article, or remove its bookmark.
    ToggleBookmark,
    /// Mark the selected article read, or unread again.
    ToggleRead,
    /// List only unread articles, or every article again.
    ShowUnread,
    /// List only bookmarked articles, or every article again.
    ShowBookmarks,
    /// Read full screen: hide the list and the filter bar, and centre the
    /// text in a column of comfortable width; again to go back.
    ToggleFullScreen,
    /// Give the terminal back to the shell until `fg` (Ctrl-z).
    Suspend,
    /// Copy the open article's title and text to the terminal's clipboard.
    CopyText,
    /// Copy the open article's title and path to the terminal's clipboard.
    CopyTitle,
    /// Show the article in `$PAGER`, folio waiting until it ends.
    OpenInPager,
    /// Open the article's file in `$EDITOR`, folio waiting until it ends.
    OpenInEditor,
    /// Open the article's link in a browser, or copy it where there is none.
    OpenLink,
    /// Show or hide the open article's contents: its headings, then its
    /// links, numbered as in the text.
    ToggleContents,
    /// Go to the heading chosen in the contents, or open what the chosen
    /// link points to: another loaded article, else the browser.
    FollowEntry,
    /// Say how something the event loop did went (not bound to a key).
    Report(String),
    /// The mouse wheel turned over a cell of the screen (with `--mouse`).
    Wheel { column: u16, row: u16, down: bool },
    /// The left button was pressed on a cell of the screen (with `--mouse`).
    Click { column: u16, row: u16 },
    /// The terminal changed size (not bound to a key).
    Resize { width: u16, height: u16 },
    /// Search results arrived from the worker (not bound to a key).
    #[serde(skip)]
    ShowResults(Results),
    /// More articles arrived from a load streaming in (not bound to a key).
    #[serde(skip)]
    Loaded(Batch),
}

impl Action {
    /// The name a config file rebinds this action by (`select_next`); none
    /// for actions that carry data.
    pub fn name(&self) -> Option<String> {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::String(name)) => Some(name),
            _ => None,
        }
    }
}

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
    Contents,
}

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
            Context::Contents => "Contents of the article",
        }
    }
}

/// A key with its modifiers, as it appears in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key { code, modifiers: KeyModifiers::NONE }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), modifiers: KeyModifiers::CONTROL }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            other => write!(f, "{other}"),
        }
    }
}

impl Key {
    /// Reads a key as the help overlay writes it (`j`, `G`, `Ctrl-d`,
    /// `Enter`, `PgDn`, `Space`, `↓`), or with ASCII names for arrows
    /// (`Down`) and pages (`PageDown`).
    pub fn parse(text: &str) -> Result<Key, String> {
        if let Some(rest) = text.strip_prefix("Ctrl-").filter(|r| r.chars().count() == 1) {
            let c = rest.chars().next().map(|c| c.to_ascii_lowercase()).unwrap_or_default();
            return Ok(ctrl(c));
        }
        let code = match text {
            "Space" => KeyCode::Char(' '),
            "Enter" => KeyCode::Enter,
            "Esc" | "Escape" => KeyCode::Esc,
            "Tab" => KeyCode::Tab,
            "Shift-Tab" | "BackTab" => KeyCode::BackTab,
            "Backspace" => KeyCode::Backspace,
            "Up" | "↑" => KeyCode::Up,
            "Down" | "↓" => KeyCode::Down,
            "Left" | "←" => KeyCode::Left,
            "Right" | "→" => KeyCode::Right,
            "Home" => KeyCode::Home,
            "End" => KeyCode::End,
            "PgUp" | "PageUp" => KeyCode::PageUp,
            "PgDn" | "PageDown" => KeyCode::PageDown,
            one if one.chars().count() == 1 => KeyCode::Char(one.chars().next().unwrap_or(' ')),
            other => {
                return Err(format!("{other:?} is not a key folio knows (try j, G, Ctrl-d, Enter, PgDn)"));
            }
        };
        Ok(key(code))
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

const fn bind(context: Context, keys: &'static [Key], action: Action, help: &'static str) -> Binding {
    Binding { context, keys, action, help, hint: None }
}

const fn hinted(
    context: Context,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    hint: &'static str,
) -> Binding {
    Binding { context, keys, action, help, hint: Some(hint) }
}

use Context::{Anywhere, Browse, Contents, Filter, Help, Input, List, Reader, Skipped};

/// Every key folio knows. Looked up in order: the first binding whose context
/// applies and whose key matches wins.
pub const BINDINGS: &[Binding] = &[
    bind(Anywhere, &[ctrl('c')], Action::Quit, "quit"),
    bind(Anywhere, &[ctrl('z')], Action::Suspend, "suspend to the shell (fg comes back)"),
    // The help overlay swallows keys so nothing moves behind it.
    bind(Help, &[ch('?'), key(KeyCode::Esc), ch('q')], Action::ToggleHelp, "close this help"),
    bind(Help, &[ch('j'), key(KeyCode::Down)], Action::ScrollDown, "scroll this help down"),
    bind(Help, &[ch('k'), key(KeyCode::Up)], Action::ScrollUp, "scroll this help up"),
    bind(Skipped, &[ch('!'), key(KeyCode::Esc), ch('q')], Action::ToggleSkipped, "close this list"),
    bind(Skipped, &[ch('j'), key(KeyCode::Down)], Action::ScrollDown, "scroll this list down"),
    bind(Skipped, &[ch('k'), key(KeyCode::Up)], Action::ScrollUp, "scroll this list up"),
    bind(Contents, &[ch('T'), key(KeyCode::Esc), ch('q')], Action::ToggleContents, "close the contents"),
    bind(Contents, &[ch('j'), key(KeyCode::Down)], Action::ScrollDown, "next heading or link"),
    bind(Contents, &[ch('k'), key(KeyCode::Up)], Action::ScrollUp, "previous heading or link"),
    bind(Contents, &[key(KeyCode::Enter)], Action::FollowEntry, "go to the heading, or open the link"),
    hinted(List, &[ch('j'), key(KeyCode::Down)], Action::SelectNext, "next article", "move"),
    bind(List, &[ch('k'), key(KeyCode::Up)], Action::SelectPrev, "previous article"),
    bind(List, &[ch('g'), key(KeyCode::Home)], Action::SelectFirst, "first article"),
    bind(List, &[ch('G'), key(KeyCode::End)], Action::SelectLast, "last article"),
    hinted(
        List,
        &[key(KeyCode::Enter), ch('l'), key(KeyCode::Right)],
        Action::OpenArticle,
        "read the selected article",
        "read",
    ),
    hinted(List, &[ch('/')], Action::FocusFilter, "filter the list", "filter"),
    bind(List, &[ch('S')], Action::ToggleSnippets, "show or hide match snippets"),
    hinted(Reader, &[ch('j'), key(KeyCode::Down)], Action::ScrollDown, "scroll down a line", "scroll"),
    bind(Reader, &[ch('k'), key(KeyCode::Up)], Action::ScrollUp, "scroll up a line"),
    bind(Reader, &[ch('g'), key(KeyCode::Home)], Action::ScrollTop, "go to the top"),
    bind(Reader, &[ch('G'), key(KeyCode::End)], Action::ScrollBottom, "go to the end"),
    hinted(
        Reader,
        &[ch('h'), key(KeyCode::Esc), key(KeyCode::Left)],
        Action::FocusList,
        "back to the list",
        "back",
    ),
    hinted(Reader, &[ch('/')], Action::FocusFind, "search in this article", "find"),
    hinted(Reader, &[ch('n')], Action::NextMatch, "next match", "next"),
    bind(Reader, &[ch('N')], Action::PrevMatch, "previous match"),
    bind(Reader, &[ch('T')], Action::ToggleContents, "contents: headings and links"),
    bind(Browse, &[ctrl('d')], Action::HalfPageDown, "reader down half a page"),
    bind(Browse, &[ctrl('u')], Action::HalfPageUp, "reader up half a page"),
    hinted(Browse, &[ch(' '), key(KeyCode::PageDown)], Action::PageDown, "reader down a page", "page"),
    bind(Browse, &[key(KeyCode::PageUp)], Action::PageUp, "reader up a page"),
    bind(
        Browse,
        &[key(KeyCode::Tab), key(KeyCode::BackTab)],
        Action::ToggleFocus,
        "switch between list and reader",
    ),
    bind(Browse, &[ch('r')], Action::ToggleRaw, "show or hide site furniture (raw text)"),
    bind(Browse, &[ch('s')], Action::CycleSort, "sort by name, date, title, length"),
    bind(Browse, &[ch('z')], Action::ToggleFullScreen, "read full screen, or go back"),
    bind(Browse, &[ch('y')], Action::CopyText, "copy the article's text (OSC 52)"),
    bind(Browse, &[ch('Y')], Action::CopyTitle, "copy the article's title and path"),
    bind(Browse, &[ch('e')], Action::OpenInPager, "read the article in $PAGER"),
    bind(Browse, &[ch('E')], Action::OpenInEditor, "open the article's file in $EDITOR"),
    bind(Browse, &[ch('o')], Action::OpenLink, "open the article's link (or copy it)"),
    bind(Browse, &[ch('!')], Action::ToggleSkipped, "list the files that were skipped"),
    bind(Browse, &[ch('b')], Action::ToggleBookmark, "bookmark the article, or unbookmark it"),
    bind(Browse, &[ch('M')], Action::ToggleRead, "mark the article read or unread"),
    bind(Browse, &[ch('u')], Action::ShowUnread, "list only unread articles (again: all)"),
    bind(Browse, &[ch('B')], Action::ShowBookmarks, "list only bookmarks (again: all)"),
    hinted(Browse, &[ch('?')], Action::ToggleHelp, "show this help", "help"),
    hinted(Browse, &[ch('q')], Action::Quit, "quit", "quit"),
    hinted(Input, &[key(KeyCode::Enter)], Action::AcceptQuery, "keep the query, leave the bar", "keep"),
    hinted(Input, &[key(KeyCode::Esc)], Action::ClearQuery, "clear the query, leave the bar", "clear"),
    bind(Input, &[key(KeyCode::Backspace)], Action::DeleteChar, "delete a character"),
    bind(Input, &[ctrl('w')], Action::DeleteWord, "delete a word"),
    bind(Filter, &[key(KeyCode::Down), ctrl('n')], Action::SelectNext, "next match"),
    bind(Filter, &[key(KeyCode::Up), ctrl('p')], Action::SelectPrev, "previous match"),
];

impl Binding {
    fn applies(&self, focus: Focus, mode: Mode) -> bool {
        match (mode, self.context) {
            (_, Anywhere) => true,
            (Mode::Help, context) => context == Help,
            (Mode::Skipped, context) => context == Skipped,
            (Mode::Contents, context) => context == Contents,
            (Mode::Normal, Browse) => matches!(focus, Focus::List | Focus::Reader),
            (Mode::Normal, List) => focus == Focus::List,
            (Mode::Normal, Reader) => focus == Focus::Reader,
            (Mode::Normal, Input) => matches!(focus, Focus::Filter | Focus::Find),
            (Mode::Normal, Filter) => focus == Focus::Filter,
            (Mode::Normal, Help | Skipped | Contents) => false,
        }
    }
}

/// The keys in force: the table above, with the keys a config file gave
/// some actions instead of theirs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keymap {
    overrides: Vec<(Action, Vec<Key>)>,
}

impl Keymap {
    /// Binds `action` to `keys` instead of its own keys in the list and the
    /// reader (see [`rebindable`]). Says
    /// why not, and changes nothing, when the action has no such keys or a
    /// key would then mean two things at once.
    pub fn rebind(&mut self, action: Action, keys: Vec<Key>) -> Result<(), String> {
        if !BINDINGS.iter().any(|b| b.action == action && rebindable(b)) {
            return Err("this action has no keys of its own to change".into());
        }
        let before = self.overrides.clone();
        self.overrides.retain(|(a, _)| *a != action);
        self.overrides.push((action, keys));
        match self.clash() {
            Some(clash) => {
                self.overrides = before;
                Err(clash)
            }
            None => Ok(()),
        }
    }

    /// The keys of `binding` in force.
    pub fn keys_of<'a>(&'a self, binding: &'a Binding) -> &'a [Key] {
        self.overrides
            .iter()
            .find(|(action, _)| rebindable(binding) && *action == binding.action)
            .map_or(binding.keys, |(_, keys)| keys.as_slice())
    }

    /// A key bound twice where both bindings apply, if any.
    fn clash(&self) -> Option<String> {
        for mode in [Mode::Normal, Mode::Help, Mode::Skipped, Mode::Contents] {
            for focus in [Focus::List, Focus::Reader, Focus::Filter, Focus::Find] {
                let live: Vec<&Binding> = BINDINGS.iter().filter(|b| b.applies(focus, mode)).collect();
                for (i, a) in live.iter().enumerate() {
                    for b in live[i + 1..].iter().filter(|b| b.action != a.action) {
                        if let Some(key) = self.keys_of(a).iter().find(|k| self.keys_of(b).contains(k)) {
                            return Some(format!("{key} would both {} and {}", a.help, b.help));
                        }
                    }
                }
            }
        }
        None
    }

    /// The action a key press asks for, given where focus is and the mode.
    pub fn action_for(&self, focus: Focus, mode: Mode, event: KeyEvent) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let pressed = normalize(event);
        let bound = BINDINGS
            .iter()
            .filter(|b| b.applies(focus, mode))
            .find(|b| self.keys_of(b).contains(&pressed))
            .map(|b| b.action.clone());
        if bound.is_some() {
            return bound;
        }
        // While typing a query, any key that is not a command is typed.
        let typing = matches!(focus, Focus::Filter | Focus::Find) && mode == Mode::Normal;
        match pressed.code {
            KeyCode::Char(c) if typing && is_typing(pressed.modifiers) => Some(Action::TypeChar(c)),
            _ => None,
        }
    }

    /// The status-line hints for where focus is: `("j", "move")` and so on.
    pub fn hints(&self, focus: Focus) -> Vec<(String, &'static str)> {
        BINDINGS
            .iter()
            .filter(|b| b.applies(focus, Mode::Normal) && b.context != Anywhere)
            .filter_map(|b| Some((self.keys_of(b).first()?.to_string(), b.hint?)))
            .collect()
    }
}

/// Only the list's and the reader's keys change: the filter bar's letters
/// are for typing, Ctrl-c and Ctrl-z work everywhere, and the overlays
/// close the way they say they do.
fn rebindable(binding: &Binding) -> bool {
    matches!(binding.context, Browse | List | Reader)
}

/// The action a key press asks for with the default keys.
pub fn action_for(focus: Focus, mode: Mode, event: KeyEvent) -> Option<Action> {
    Keymap::default().action_for(focus, mode, event)
}

/// The key presses behind one event. Terminals send Esc as a lone escape
/// byte, so Esc followed quickly by a key (typing fast, or a slow SSH link
/// delivering both at once) reaches us as Alt and that key. folio binds no
/// Alt keys, so Alt+key is read as Esc, then the key.
pub fn presses(event: KeyEvent) -> Vec<KeyEvent> {
    match event.code {
        KeyCode::Char(_) if event.modifiers == KeyModifiers::ALT => {
            let escape = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
            vec![escape, KeyEvent { modifiers: KeyModifiers::NONE, ..event }]
        }
        _ => vec![event],
    }
}

/// Shift is already in the character ('G' not 'g'), so it is dropped from
/// character keys to match the table.
fn normalize(event: KeyEvent) -> Key {
    let modifiers = match event.code {
        KeyCode::Char(_) => event.modifiers - KeyModifiers::SHIFT,
        _ => event.modifiers,
    };
    Key { code: event.code, modifiers }
}

fn is_typing(modifiers: KeyModifiers) -> bool {
    !modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn same_key_means_different_things_by_focus() {
        let j = press(KeyCode::Char('j'));
        assert_eq!(action_for(Focus::List, Mode::Normal, j), Some(Action::SelectNext));
        assert_eq!(action_for(Focus::Reader, Mode::Normal, j), Some(Action::ScrollDown));
        assert_eq!(action_for(Focus::Filter, Mode::Normal, j), Some(Action::TypeChar('j')));
        assert_eq!(action_for(Focus::Find, Mode::Normal, j), Some(Action::TypeChar('j')));
    }

    #[test]
    fn shifted_letters_and_control_keys_are_recognised() {
        let big_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(action_for(Focus::List, Mode::Normal, big_g), Some(Action::SelectLast));
        let ctrl_d = KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL);
        assert_eq!(action_for(Focus::Reader, Mode::Normal, ctrl_d), Some(Action::HalfPageDown));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for focus in [Focus::List, Focus::Reader, Focus::Filter, Focus::Find] {
            assert_eq!(action_for(focus, Mode::Normal, ctrl_c), Some(Action::Quit));
            assert_eq!(action_for(focus, Mode::Help, ctrl_c), Some(Action::Quit));
        }
    }

    #[test]
    fn ctrl_z_suspends_wherever_focus_is_even_while_typing() {
        let ctrl_z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL);
        for focus in [Focus::List, Focus::Reader, Focus::Filter, Focus::Find] {
            assert_eq!(action_for(focus, Mode::Normal, ctrl_z), Some(Action::Suspend));
        }
        assert_eq!(
            action_for(Focus::Filter, Mode::Normal, press(KeyCode::Char('z'))),
            Some(Action::TypeChar('z'))
        );
    }

    #[test]
    fn q_types_in_the_filter_and_closes_help_instead_of_quitting() {
        let q = press(KeyCode::Char('q'));
        assert_eq!(action_for(Focus::Filter, Mode::Normal, q), Some(Action::TypeChar('q')));
        assert_eq!(action_for(Focus::List, Mode::Help, q), Some(Action::ToggleHelp));
        assert_eq!(action_for(Focus::List, Mode::Normal, q), Some(Action::Quit));
    }

    #[test]
    fn help_swallows_unbound_keys_and_releases_are_ignored() {
        assert_eq!(action_for(Focus::List, Mode::Help, press(KeyCode::Char('l'))), None);
        let mut release = press(KeyCode::Char('j'));
        release.kind = KeyEventKind::Release;
        assert_eq!(action_for(Focus::List, Mode::Normal, release), None);
    }

    #[test]
    fn no_key_is_bound_twice_where_both_bindings_apply() {
        let focuses = [Focus::List, Focus::Reader, Focus::Filter, Focus::Find];
        for mode in [Mode::Normal, Mode::Help, Mode::Skipped, Mode::Contents] {
            for focus in focuses {
                let live: Vec<&Binding> = BINDINGS.iter().filter(|b| b.applies(focus, mode)).collect();
                for (i, a) in live.iter().enumerate() {
                    for b in &live[i + 1..] {
                        let shared = a.keys.iter().find(|k| b.keys.contains(k));
                        assert!(shared.is_none(), "{shared:?} bound twice in {focus:?}/{mode:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn alt_and_a_key_is_escape_then_the_key() {
        let alt_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::ALT);
        let codes: Vec<KeyCode> = presses(alt_q).iter().map(|e| e.code).collect();
        assert_eq!(codes, [KeyCode::Esc, KeyCode::Char('q')]);
        assert_eq!(presses(press(KeyCode::Char('q'))).len(), 1);
    }

    #[test]
    fn hints_follow_focus() {
        let labels = |focus| Keymap::default().hints(focus).into_iter().map(|(_, h)| h).collect::<Vec<_>>();
        assert!(labels(Focus::List).contains(&"read"));
        assert!(labels(Focus::Reader).contains(&"back"));
        assert!(labels(Focus::Reader).contains(&"next"));
        assert_eq!(labels(Focus::Filter), ["keep", "clear"]);
        assert_eq!(labels(Focus::Find), ["keep", "clear"]);
    }
}
