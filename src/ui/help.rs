//! The help overlay: every binding from the key table, grouped by where it
//! applies. Generated from `keys::BINDINGS`, so it cannot drift from them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::theme;
use crate::app::App;
use crate::keys::{BINDINGS, Context};

/// Order of the sections; `Help` comes last as it is what closes the box.
const SECTIONS: &[Context] =
    &[Context::List, Context::Reader, Context::Browse, Context::Filter, Context::Anywhere, Context::Help];

const KEYS_COLUMN: usize = 18;
const MAX_WIDTH: u16 = 64;

pub fn help_lines() -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for &context in SECTIONS {
        if !lines.is_empty() {
            lines.push(Line::from(""));
        }
        lines.push(Line::styled(context.heading(), theme::HEADING));
        for binding in BINDINGS.iter().filter(|b| b.context == context) {
            let keys: Vec<String> = binding.keys.iter().map(ToString::to_string).collect();
            let keys = keys.join(" ");
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<KEYS_COLUMN$}"), theme::KEY),
                Span::raw(binding.help),
            ]));
        }
    }
    lines
}

pub fn render(app: &App, frame: &mut Frame, screen: Rect) {
    let lines = help_lines();
    let width = MAX_WIDTH.min(screen.width.saturating_sub(2));
    let height = (lines.len() as u16 + 2).min(screen.height.saturating_sub(2));
    let [area] = Layout::horizontal([Constraint::Length(width)]).flex(Flex::Center).areas(screen);
    let [area] = Layout::vertical([Constraint::Length(height)]).flex(Flex::Center).areas(area);

    let visible = usize::from(height.saturating_sub(2));
    let scroll = app.help_scroll().min(lines.len().saturating_sub(visible));
    let more = if scroll + visible < lines.len() { " j/↓ more · " } else { " " };
    let block = Block::bordered()
        .border_style(theme::BORDER_FOCUSED)
        .title(Span::styled(" Keys ", theme::PANE_TITLE))
        .title_bottom(Line::from(format!("{more}? or Esc closes ")).right_aligned());
    let body: Vec<Line> = lines.into_iter().skip(scroll).take(visible).collect();
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(body).block(block), area);
}
