//! Draws the screen from `App`. A pure function of state: no I/O, no
//! parsing, no wrapping; each pane has its own module.

mod bars;
mod help;
pub mod layout;
mod list;
mod reader;
mod skipped;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthChar;

pub use help::help_lines;
use layout::{MIN_HEIGHT, MIN_WIDTH, Panes};
pub use skipped::skipped_lines;

use crate::app::{App, Focus, Mode};

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    let screen = frame.area();
    let Some(panes) = Panes::of(screen) else {
        render_too_small(frame, screen);
        return;
    };
    let reading = app.focus() == Focus::Reader;
    if panes.split || !reading {
        list::render(app, frame, panes.list);
    }
    if panes.split || reading {
        reader::render(app, frame, &panes);
    }
    bars::render_filter(app, frame, panes.filter);
    bars::render_status(app, frame, panes.status);
    match app.mode() {
        Mode::Help => help::render(app, frame, screen),
        Mode::Skipped => skipped::render(app, frame, screen),
        Mode::Normal => {}
    }
}

fn render_too_small(frame: &mut Frame, screen: Rect) {
    let text = vec![
        Line::from(format!("Terminal too small: {}×{}", screen.width, screen.height)),
        Line::from(format!("folio needs at least {MIN_WIDTH}×{MIN_HEIGHT}.")),
    ];
    let [area] = Layout::vertical([Constraint::Length(3)]).flex(Flex::Center).areas(screen);
    frame.render_widget(Paragraph::new(text).centered().wrap(Wrap { trim: true }), area);
}

/// `text` cut to at most `width` columns, ending in an ellipsis if cut.
pub fn fit(text: &str, width: usize) -> String {
    if unicode_width::UnicodeWidthStr::width(text) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        // One column stays free for the ellipsis.
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn fit_cuts_by_columns_not_bytes() {
        assert_eq!(fit("hello", 5), "hello");
        assert_eq!(fit("hello world", 6), "hello…");
        assert_eq!(fit("東京都庁", 5), "東京…");
        assert_eq!(fit("abc", 0), "");
    }
}
