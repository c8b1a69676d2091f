//! The contents overlay (`T`): the open article's headings, set in by
//! level, then its numbered links; the chosen one highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::fit;
use super::help::{Overlay, overlay_width, render_overlay};
use crate::app::{App, EntryKind};

/// The overlay's text for a box `width` columns wide.
pub fn contents_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let room = usize::from(width.saturating_sub(4));
    let theme = app.theme();
    let choice = app.contents_choice();
    let mut lines = Vec::new();
    let mut links = false;
    for (index, entry) in app.contents().into_iter().enumerate() {
        let text = match entry.kind {
            EntryKind::Heading { level, .. } => {
                let indent = "  ".repeat(usize::from(level.saturating_sub(1)));
                fit(&format!("{indent}{}", entry.text), room)
            }
            EntryKind::Link { .. } => {
                if !links {
                    links = true;
                    lines.push(Line::styled("Links", theme.heading));
                }
                fit(&entry.text, room)
            }
        };
        let style = if index == choice { theme.selected_focused } else { ratatui::style::Style::new() };
        lines.push(Line::styled(text, style));
    }
    lines
}

pub fn render(app: &App, frame: &mut Frame, screen: Rect) {
    let width = overlay_width(screen);
    let lines = contents_lines(app, width);
    // The chosen entry stays in the box: the list scrolls under it.
    let scroll = app.contents_choice().saturating_sub(usize::from(screen.height / 2).saturating_sub(3));
    let overlay = Overlay { title: " Contents ", closes: "Enter goes · T or Esc closes", width };
    render_overlay(app.theme(), frame, screen, &overlay, lines, scroll);
}
