//! The one-line bars under the panes: the filter bar with the query, and the
//! status line with a notice or the keys that matter where focus is.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme;
use crate::app::{App, Focus};
use crate::keys;

pub fn render_filter(app: &App, frame: &mut Frame, area: Rect) {
    let editing = app.focus() == Focus::Filter;
    let query = app.query();
    let mut spans = vec![Span::styled(" / ", theme::PROMPT)];
    if query.is_empty() && !editing {
        spans.push(Span::styled("type / to filter by keyword", theme::DIM));
    } else {
        spans.push(Span::raw(query));
    }
    if !query.is_empty() {
        let count = match app.view().len() {
            0 => "  no match".to_owned(),
            n => format!("  {n} of {} match", app.corpus().len()),
        };
        spans.push(Span::styled(count, theme::DIM));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    if editing {
        let typed = unicode_width::UnicodeWidthStr::width(query) as u16;
        let x = area.x.saturating_add(3).saturating_add(typed);
        frame.set_cursor_position(Position::new(x.min(area.right().saturating_sub(1)), area.y));
    }
}

pub fn render_status(app: &App, frame: &mut Frame, area: Rect) {
    let line = match app.notice() {
        Some(notice) => Line::from(Span::styled(format!(" {notice}"), theme::NOTICE)),
        None => hint_line(app.focus(), usize::from(area.width)),
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// As many hints as fit whole in `width`, most important first.
fn hint_line(focus: Focus, width: usize) -> Line<'static> {
    const SEPARATOR: &str = " · ";
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for (key, hint) in keys::hints(focus) {
        let label = format!(" {hint}");
        let gap = if used > 1 { SEPARATOR.chars().count() } else { 0 };
        let needed = gap + key.chars().count() + label.chars().count();
        if used + needed > width {
            break;
        }
        if gap > 0 {
            spans.push(Span::styled(SEPARATOR, theme::DIM));
        }
        spans.push(Span::styled(key, theme::KEY));
        spans.push(Span::raw(label));
        used += needed;
    }
    Line::from(spans)
}
