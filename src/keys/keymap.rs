//! The keys in force (the table, with a config file's changes) and the
//! pure function from a key press to an action.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::key::normalize;
use super::{Action, BINDINGS, Binding, Context, Key};
use crate::focus::{Focus, Mode};

/// The keys in force: the table, with the keys a config file gave
/// some actions instead of theirs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keymap {
    overrides: Vec<(Action, Vec<Key>)>,
}

impl Keymap {
    /// Binds `action` to `keys` instead of its own keys in the list and the
    /// reader (see `rebindable`). Says
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
            .filter(|b| b.applies(focus, Mode::Normal) && b.context != Context::Anywhere)
            .filter_map(|b| Some((self.keys_of(b).first()?.to_string(), b.hint?)))
            .collect()
    }
}

/// Only the list's and the reader's keys change: the filter bar's letters
/// are for typing, Ctrl-c and Ctrl-z work everywhere, the overlays close
/// the way they say they do, and a count is made of digits.
fn rebindable(binding: &Binding) -> bool {
    matches!(binding.context, Context::Browse | Context::List | Context::Reader)
        && binding.action != Action::CountDigit
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

fn is_typing(modifiers: KeyModifiers) -> bool {
    !modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}
