//! Named styles, in one place, on the terminal's own 16-colour palette so
//! they read on dark and light backgrounds alike. Every state that matters
//! (selection, focus, a match) also carries a modifier, so it stays visible
//! where colours are mapped oddly.

use ratatui::style::{Color, Modifier, Style};

use crate::corpus::Inline;

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

pub const ARTICLE_HEADING: Style = Style::new().add_modifier(Modifier::BOLD);
pub const QUOTE: Style = Style::new().add_modifier(Modifier::ITALIC);
pub const CODE: Style = Style::new().fg(Color::Green);
pub const REFERENCE: Style = Style::new().fg(Color::DarkGray);
/// Site furniture in the raw view: there, but out of the way.
pub const FURNITURE: Style = Style::new().fg(Color::DarkGray);
/// A link's text: underlined, as everywhere.
pub const LINK: Style = Style::new().add_modifier(Modifier::UNDERLINED);

/// The style of inline emphasis, over the style of its line.
pub fn inline(inline: Inline) -> Style {
    let mut style = Style::new();
    if inline.emphasis {
        style = style.add_modifier(Modifier::ITALIC);
    }
    if inline.strong {
        style = style.add_modifier(Modifier::BOLD);
    }
    if inline.code {
        style = style.patch(CODE);
    }
    if inline.link {
        style = style.patch(LINK);
    }
    if inline.reference_mark {
        style = style.patch(DIM);
    }
    style
}

pub fn border(focused: bool) -> Style {
    if focused { BORDER_FOCUSED } else { BORDER }
}
