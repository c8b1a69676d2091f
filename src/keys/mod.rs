//! Keys and what they do: the `Action` enum, the one key table that both the
//! event loop and the help overlay read, and the pure function from a key
//! press to an action.

use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::focus::{Focus, Mode};

mod action;

pub use action::Action;

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

const fn alt(c: char) -> Key {
    Key { code: KeyCode::Char(c), modifiers: KeyModifiers::ALT }
}

/// The digits, each the start or the next digit of a count.
const DIGITS: &[Key] =
    &[ch('0'), ch('1'), ch('2'), ch('3'), ch('4'), ch('5'), ch('6'), ch('7'), ch('8'), ch('9')];

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
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
            KeyCode::Delete => f.write_str("Delete"),
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
        if let Some(rest) = text.strip_prefix("Alt-").filter(|r| r.chars().count() == 1) {
            return Ok(alt(rest.chars().next().unwrap_or_default()));
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
            "Delete" | "Del" => KeyCode::Delete,
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

use Context::{
    Anywhere, Browse, Compare, Confirm, Contents, Filter, Help, Input, List, Reader, Related, Skipped,
    Stories,
};

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
    // A question swallows keys too: only an answer goes on.
    hinted(Confirm, &[ch('y')], Action::Confirm, "yes", "yes"),
    hinted(Confirm, &[ch('n'), key(KeyCode::Esc)], Action::Cancel, "no", "no"),
    bind(Related, &[ch('j'), key(KeyCode::Down)], Action::PanelNext, "next related article"),
    bind(Related, &[ch('k'), key(KeyCode::Up)], Action::PanelPrev, "previous related article"),
    bind(Related, &[key(KeyCode::Enter), ch('l')], Action::PanelOpen, "read it"),
    bind(Related, &[key(KeyCode::Esc), ch('R'), ch('q'), ch('h')], Action::PanelClose, "close this list"),
    bind(Stories, &[ch('j'), key(KeyCode::Down)], Action::PanelNext, "next row"),
    bind(Stories, &[ch('k'), key(KeyCode::Up)], Action::PanelPrev, "previous row"),
    bind(
        Stories,
        &[key(KeyCode::Enter), ch('l')],
        Action::PanelOpen,
        "show a story's articles (again: hide), or read the article",
    ),
    bind(Stories, &[ch('c')], Action::Compare, "compare the story's takes"),
    bind(Stories, &[key(KeyCode::Esc), ch('t'), ch('q'), ch('h')], Action::PanelClose, "back to the list"),
    bind(Compare, &[ch('j'), key(KeyCode::Down)], Action::PanelNext, "next sentence"),
    bind(Compare, &[ch('k'), key(KeyCode::Up)], Action::PanelPrev, "previous sentence"),
    bind(Compare, &[key(KeyCode::Enter), ch('l')], Action::PanelOpen, "read the article at this sentence"),
    bind(
        Compare,
        &[key(KeyCode::Esc), ch('c'), ch('q'), ch('h')],
        Action::PanelClose,
        "close the comparison",
    ),
    hinted(List, &[ch('j'), key(KeyCode::Down)], Action::SelectNext, "next article", "move"),
    bind(List, &[ch('k'), key(KeyCode::Up)], Action::SelectPrev, "previous article"),
    bind(List, &[ch('g'), key(KeyCode::Home)], Action::SelectFirst, "first article"),
    bind(List, &[ch('G'), key(KeyCode::End)], Action::SelectLast, "last article (1200G: the 1200th)"),
    hinted(
        List,
        &[key(KeyCode::Enter), ch('l'), key(KeyCode::Right)],
        Action::OpenArticle,
        "read the selected article",
        "read",
    ),
    hinted(List, &[ch('/')], Action::FocusFilter, "filter the list", "filter"),
    bind(List, &[key(KeyCode::Esc)], Action::ClearFilter, "clear the filter"),
    bind(List, &[ch('S')], Action::ToggleSnippets, "show or hide match snippets"),
    hinted(List, &[ch(' '), key(KeyCode::PageDown)], Action::ListPageDown, "down a page of articles", "page"),
    bind(List, &[key(KeyCode::PageUp)], Action::ListPageUp, "up a page of articles"),
    bind(List, &[ctrl('d')], Action::ListHalfPageDown, "down half a page of articles"),
    bind(List, &[ctrl('u')], Action::ListHalfPageUp, "up half a page of articles"),
    bind(List, &[ch('U')], Action::MarkAllRead, "mark every article listed read (asks first)"),
    hinted(Reader, &[ch('j'), key(KeyCode::Down)], Action::ScrollDown, "scroll down a line", "scroll"),
    bind(Reader, &[ch('k'), key(KeyCode::Up)], Action::ScrollUp, "scroll up a line"),
    bind(Reader, &[ch('g'), key(KeyCode::Home)], Action::ScrollTop, "go to the top"),
    bind(Reader, &[ch('G'), key(KeyCode::End)], Action::ScrollBottom, "go to the end (120G: line 120)"),
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
    bind(Reader, &[ctrl('d')], Action::HalfPageDown, "down half a page"),
    bind(Reader, &[ctrl('u')], Action::HalfPageUp, "up half a page"),
    hinted(
        Reader,
        &[ch(' ')],
        Action::PageOrNextUnread,
        "down a page; at the end, the next unread article",
        "page",
    ),
    bind(Reader, &[key(KeyCode::PageDown)], Action::PageDown, "down a page"),
    bind(Reader, &[key(KeyCode::PageUp)], Action::PageUp, "up a page"),
    bind(Reader, &[ch(']')], Action::NextArticle, "read the next article in the list"),
    bind(Reader, &[ch('[')], Action::PrevArticle, "read the previous article in the list"),
    bind(Browse, DIGITS, Action::CountDigit, "a count for G or % (1200G, 50%)"),
    bind(Browse, &[ch('%')], Action::JumpPercent, "go that far through the list or article (50%)"),
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
    bind(Browse, &[ch('R')], Action::ShowRelated, "list the articles most like this one"),
    bind(Browse, &[ch('t')], Action::ToggleStories, "show the stories (takes on one event)"),
    bind(Browse, &[ch('m')], Action::MarkForCompare, "mark the article to compare, or unmark it"),
    bind(Browse, &[ch('c')], Action::Compare, "compare the marked articles (or this one's story)"),
    hinted(Browse, &[ch('?')], Action::ToggleHelp, "show this help", "help"),
    hinted(Browse, &[ch('q')], Action::Quit, "quit", "quit"),
    hinted(Input, &[key(KeyCode::Enter)], Action::AcceptQuery, "keep the query, leave the bar", "keep"),
    hinted(Input, &[key(KeyCode::Esc)], Action::ClearQuery, "clear the query, leave the bar", "clear"),
    bind(Input, &[key(KeyCode::Left)], Action::CursorLeft, "cursor left"),
    bind(Input, &[key(KeyCode::Right)], Action::CursorRight, "cursor right"),
    bind(Input, &[key(KeyCode::Home), ctrl('a')], Action::CursorHome, "cursor to the start"),
    bind(Input, &[key(KeyCode::End), ctrl('e')], Action::CursorEnd, "cursor to the end"),
    bind(Input, &[alt('b')], Action::WordLeft, "cursor back a word"),
    bind(Input, &[alt('f')], Action::WordRight, "cursor on a word"),
    bind(Input, &[key(KeyCode::Backspace)], Action::DeleteChar, "delete the character before the cursor"),
    bind(Input, &[key(KeyCode::Delete)], Action::DeleteForward, "delete the character under the cursor"),
    bind(Input, &[ctrl('w')], Action::DeleteWord, "delete the word before the cursor"),
    bind(Input, &[ctrl('u')], Action::KillToStart, "delete to the start"),
    bind(Input, &[ctrl('k')], Action::KillToEnd, "delete to the end"),
    bind(Input, &[key(KeyCode::Up)], Action::OlderQuery, "an earlier query"),
    bind(Input, &[key(KeyCode::Down)], Action::NewerQuery, "a later query (or back to yours)"),
    bind(Filter, &[ctrl('n')], Action::SelectNext, "next match"),
    bind(Filter, &[ctrl('p')], Action::SelectPrev, "previous match"),
];

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
        for mode in Mode::ALL {
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
            .map(|b| match (&b.action, pressed.code) {
                // A digit's binding stands for all ten: the key says which.
                (Action::CountDigit, KeyCode::Char(c)) => Action::Count(c.to_digit(10).unwrap_or(0) as u8),
                (action, _) => action.clone(),
            });
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
/// are for typing, Ctrl-c and Ctrl-z work everywhere, the overlays close
/// the way they say they do, and a count is made of digits.
fn rebindable(binding: &Binding) -> bool {
    matches!(binding.context, Browse | List | Reader) && binding.action != Action::CountDigit
}

/// The action a key press asks for with the default keys.
pub fn action_for(focus: Focus, mode: Mode, event: KeyEvent) -> Option<Action> {
    Keymap::default().action_for(focus, mode, event)
}

/// The key presses behind one event, where focus is and in `mode`.
/// Terminals send Esc as a lone escape byte, so Esc followed quickly by a
/// key (typing fast, or a slow SSH link delivering both at once) reaches
/// us as Alt and that key. Where no Alt key is bound (everywhere but the
/// filter bar's Alt-b and Alt-f), Alt+key is read as Esc, then the key.
pub fn presses(focus: Focus, mode: Mode, event: KeyEvent) -> Vec<KeyEvent> {
    let bound = || {
        let pressed = normalize(event);
        BINDINGS.iter().any(|b| b.applies(focus, mode) && b.keys.contains(&pressed))
    };
    match event.code {
        KeyCode::Char(_) if event.modifiers == KeyModifiers::ALT && !bound() => {
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
mod tests;
