//! The help overlay: every binding from the key table, grouped by where it
//! applies. Generated from `keys::BINDINGS`, so it cannot drift from them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::theme::Theme;
use crate::app::App;
use crate::keys::{BINDINGS, Context, Keymap};

/// Order of the sections; `Help` comes last as it is what closes the box.
const SECTIONS: &[Context] = &[
    Context::List,
    Context::Reader,
    Context::Browse,
    Context::Input,
    Context::Filter,
    Context::Anywhere,
    Context::Skipped,
    Context::Contents,
    Context::Help,
];

const MAX_WIDTH: u16 = 64;

/// Below this width, a binding's description goes on the line under its
/// keys instead of beside them.
const TWO_COLUMN_MIN_WIDTH: u16 = 50;

/// The overlay's text for a box `width` columns wide.
pub fn help_lines(theme: &Theme, keymap: &Keymap, width: u16) -> Vec<Line<'static>> {
    let rows: Vec<(Context, String, &str, String)> = SECTIONS
        .iter()
        .flat_map(|&context| BINDINGS.iter().filter(move |b| b.context == context))
        .map(|b| {
            let keys: Vec<String> = keymap.keys_of(b).iter().map(ToString::to_string).collect();
            (b.context, keys.join(" "), b.help, b.action.name().unwrap_or_default())
        })
        .collect();
    let keys_column = rows.iter().map(|(_, keys, _, _)| keys.chars().count()).max().unwrap_or(0) + 2;
    let mut lines = Vec::new();
    let mut section = None;
    for (context, keys, help, name) in rows {
        if section != Some(context) {
            if section.is_some() {
                lines.push(Line::from(""));
            }
            lines.push(Line::styled(context.heading(), theme.heading));
            section = Some(context);
        }
        if width >= TWO_COLUMN_MIN_WIDTH {
            // The action's name, for rebinding it in the config file.
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<keys_column$}"), theme.key),
                Span::raw(help),
                Span::styled(format!("  {name}"), theme.dim),
            ]));
        } else {
            lines.push(Line::styled(format!("  {keys}"), theme.key));
            lines.push(Line::from(format!("      {help}")));
        }
    }
    lines
}

pub fn render(app: &App, frame: &mut Frame, screen: Rect) {
    let lines = help_lines(app.theme(), app.keymap(), overlay_width(screen));
    render_overlay(app.theme(), frame, screen, " Keys ", lines, app.help_scroll(), "? or Esc closes");
}

/// How wide an overlay box is on `screen`.
pub(super) fn overlay_width(screen: Rect) -> u16 {
    MAX_WIDTH.min(screen.width.saturating_sub(2))
}

/// A box centred over the screen holding `lines` from `scroll` on, with
/// `closes` (how to close it) at the bottom.
pub(super) fn render_overlay(
    theme: &Theme,
    frame: &mut Frame,
    screen: Rect,
    title: &str,
    lines: Vec<Line<'_>>,
    scroll: usize,
    closes: &str,
) {
    let width = overlay_width(screen);
    let height = (lines.len() as u16 + 2).min(screen.height.saturating_sub(2));
    let [area] = Layout::horizontal([Constraint::Length(width)]).flex(Flex::Center).areas(screen);
    let [area] = Layout::vertical([Constraint::Length(height)]).flex(Flex::Center).areas(area);

    let visible = usize::from(height.saturating_sub(2));
    let scroll = scroll.min(lines.len().saturating_sub(visible));
    let more = if scroll + visible < lines.len() { " j/↓ more · " } else { " " };
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Span::styled(title, theme.pane_title))
        .title_bottom(Line::from(format!("{more}{closes} ")).right_aligned());
    let body: Vec<Line> = lines.into_iter().skip(scroll).take(visible).collect();
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(body).block(block), area);
}
