//! The skipped-files overlay (`!`): how many articles loaded, and each file
//! that did not, with the reason.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::fit;
use super::help::{Overlay, overlay_width, render_overlay};
use crate::app::App;

/// The overlay's text for a box `width` columns wide.
pub fn skipped_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let room = usize::from(width.saturating_sub(4));
    let skipped = app.skipped();
    let theme = app.theme();
    let summary = format!("{} loaded, {} skipped", app.corpus().len(), skipped.len());
    let mut lines = vec![Line::styled(summary, theme.heading)];
    if skipped.is_empty() {
        lines.push(Line::from("Every file loaded; nothing was skipped."));
    }
    for file in skipped {
        lines.push(Line::styled(fit(&crate::shown::escape(&file.path), room), theme.key));
        lines.push(Line::from(format!("  {}", fit(&file.reason, room.saturating_sub(2)))));
    }
    lines
}

pub fn render(app: &App, frame: &mut Frame, screen: Rect) {
    let width = overlay_width(screen);
    let lines = skipped_lines(app, width);
    let overlay = Overlay { title: " Skipped files ", closes: "! or Esc closes", width };
    render_overlay(app.theme(), frame, screen, &overlay, lines, app.help_scroll());
}
