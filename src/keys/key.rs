//! One key with its modifiers: how the table writes it, how a config file
//! names it, and how a terminal's key event is read as one.

use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key with its modifiers, as it appears in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

pub(super) const fn key(code: KeyCode) -> Key {
    Key { code, modifiers: KeyModifiers::NONE }
}

pub(super) const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

pub(super) const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), modifiers: KeyModifiers::CONTROL }
}

pub(super) const fn alt(c: char) -> Key {
    Key { code: KeyCode::Char(c), modifiers: KeyModifiers::ALT }
}

/// The digits, each the start or the next digit of a count.
pub(super) const DIGITS: &[Key] =
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

/// Shift is already in the character ('G' not 'g'), so it is dropped from
/// character keys to match the table.
pub(super) fn normalize(event: KeyEvent) -> Key {
    let modifiers = match event.code {
        KeyCode::Char(_) => event.modifiers - KeyModifiers::SHIFT,
        _ => event.modifiers,
    };
    Key { code: event.code, modifiers }
}
