//! Named styles, in one place, on the terminal's own 16-colour palette so
//! they read on dark and light backgrounds alike. Every state that matters
//! (selection, focus, a match) also carries a modifier, so it stays visible
//! where colours are mapped oddly.

use ratatui::style::{Color, Modifier, Style};

pub const SELECTED_FOCUSED: Style =
    Style::new().fg(Color::Black).bg(Color::Cyan).add_modifier(Modifier::BOLD);
pub const SELECTED_UNFOCUSED: Style = Style::new().add_modifier(Modifier::REVERSED);
pub const MATCH: Style =
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED));
/// The match `n`/`N` went to.
pub const MATCH_CURRENT: Style =
    Style::new().fg(Color::Black).bg(Color::Yellow).add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED));
/// A match inside a selected row, where yellow on cyan would be unreadable.
pub const MATCH_SELECTED: Style = Style::new().add_modifier(Modifier::UNDERLINED);
pub const BORDER: Style = Style::new().fg(Color::DarkGray);
pub const BORDER_FOCUSED: Style = Style::new().fg(Color::Cyan);
pub const PANE_TITLE: Style = Style::new().add_modifier(Modifier::BOLD);
pub const DIM: Style = Style::new().fg(Color::DarkGray);
pub const ARTICLE_TITLE: Style = Style::new().add_modifier(Modifier::BOLD);
pub const META: Style = Style::new().fg(Color::DarkGray).add_modifier(Modifier::ITALIC);
pub const KEY: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
pub const NOTICE: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
pub const PROMPT: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
/// `|` in a query.
pub const OPERATOR: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
/// A piece of a query that meant nothing and was left out.
pub const IGNORED: Style = Style::new().fg(Color::DarkGray).add_modifier(Modifier::CROSSED_OUT);
pub const HEADING: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);

pub fn border(focused: bool) -> Style {
    if focused { BORDER_FOCUSED } else { BORDER }
}
