//! The help overlay: every binding from the key table, grouped by where it
//! applies, then the query language. Generated from `keys::BINDINGS`, so it
//! cannot drift from them. The box grows with the terminal, up to the width
//! of its longest line, so the action names a config file rebinds by show.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::theme::Theme;
use crate::app::App;
use crate::keys::{BINDINGS, Context, Key, Keymap};

/// Order of the sections, as the README's key table has them.
const SECTIONS: &[Context] = crate::keys::CONTEXTS;

/// The skipped-files box is at most this wide.
const MAX_WIDTH: u16 = 64;

/// The query language, as the README's Searching table gives it: what to
/// type, and what it finds.
pub const QUERY_LANGUAGE: &[(&str, &str)] = &[
    ("uranium", "these letters in order, or with a typo or two"),
    ("'ran", "words containing exactly \"ran\""),
    ("^nig", "words starting with \"nig\""),
    ("ium$", "words ending in \"ium\""),
    ("\"drone base\"", "these words, in this order"),
    ("!coup", "leaves out articles with a word containing \"coup\""),
    ("iran | russia", "either"),
    ("title:niger t:niger", "only in titles and file names"),
    ("body:niger b:niger", "only in bodies"),
    ("Niger", "a capital matches case exactly"),
];

/// Below this width, a binding's description goes on the line under its
/// keys instead of beside them.
const TWO_COLUMN_MIN_WIDTH: u16 = 50;

/// The overlay's text for a box `width` columns wide.
pub fn help_lines(theme: &Theme, keymap: &Keymap, width: u16) -> Vec<Line<'static>> {
    let rows: Vec<(Context, String, &str, String)> = SECTIONS
        .iter()
        .flat_map(|&context| BINDINGS.iter().filter(move |b| b.context == context))
        .map(|b| (b.context, keys_text(keymap.keys_of(b)), b.help, b.action.name().unwrap_or_default()))
        .collect();
    let keys_column = rows.iter().map(|(_, keys, _, _)| keys.chars().count()).max().unwrap_or(0) + 2;
    let two_columns = width >= TWO_COLUMN_MIN_WIDTH;
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
        if two_columns {
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
    lines.push(Line::from(""));
    lines.push(Line::styled("Searching (type / then a query)", theme.heading));
    for (typed, finds) in QUERY_LANGUAGE {
        if two_columns {
            lines.push(Line::from(vec![
                Span::styled(format!("  {typed:<keys_column$}"), theme.key),
                Span::raw(*finds),
            ]));
        } else {
            lines.push(Line::styled(format!("  {typed}"), theme.key));
            lines.push(Line::from(format!("      {finds}")));
        }
    }
    lines
}

/// The keys of a binding as the help shows them: the ten digits of a
/// count as `0-9`, so they do not widen the keys column for every row.
fn keys_text(keys: &[Key]) -> String {
    let names: Vec<String> = keys.iter().map(ToString::to_string).collect();
    let digits: Vec<String> = (0..10).map(|d| d.to_string()).collect();
    if names == digits { "0-9".to_owned() } else { names.join(" ") }
}

pub fn render(app: &App, frame: &mut Frame, screen: Rect) {
    let width = help_width(app.keymap(), screen);
    let lines = help_lines(app.theme(), app.keymap(), width);
    let overlay = Overlay { title: " Keys ", closes: "? or Esc closes", width };
    render_overlay(app.theme(), frame, screen, &overlay, lines, app.help_scroll());
}

/// The help box's width on `screen`: as wide as its longest line and its
/// border need, within the screen.
fn help_width(keymap: &Keymap, screen: Rect) -> u16 {
    let widest = help_lines(&Theme::default(), keymap, u16::MAX).iter().map(Line::width).max().unwrap_or(0);
    let needed = u16::try_from(widest).unwrap_or(u16::MAX).saturating_add(2);
    needed.min(screen.width.saturating_sub(2))
}

/// How wide an overlay box is on `screen`.
pub(super) fn overlay_width(screen: Rect) -> u16 {
    MAX_WIDTH.min(screen.width.saturating_sub(2))
}

/// A box over the screen: its title, how to close it (said at its
/// bottom), and its width.
pub(super) struct Overlay<'a> {
    pub title: &'a str,
    pub closes: &'a str,
    pub width: u16,
}

/// `overlay` centred over the screen holding `lines` from `scroll` on.
pub(super) fn render_overlay(
    theme: &Theme,
    frame: &mut Frame,
    screen: Rect,
    overlay: &Overlay,
    lines: Vec<Line<'_>>,
    scroll: usize,
) {
    let Overlay { title, closes, width } = *overlay;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_box_grows_with_the_terminal_to_show_the_action_names() {
        let keymap = Keymap::default();
        let wide = help_width(&keymap, Rect::new(0, 0, 200, 50));
        assert!(wide > MAX_WIDTH, "wider than the old fixed box: {wide}");
        let lines = help_lines(&Theme::default(), &keymap, wide);
        let widest = lines.iter().map(Line::width).max().unwrap_or(0);
        assert_eq!(usize::from(wide), widest + 2, "every line whole, with the border");
        let names = lines.iter().any(|l| l.to_string().ends_with("toggle_full_screen"));
        assert!(names, "the names a config file rebinds by show whole");
        assert_eq!(help_width(&keymap, Rect::new(0, 0, 60, 24)), 58, "within a small screen");
    }

    #[test]
    fn the_help_has_a_searching_section_with_the_query_language() {
        let text: Vec<String> =
            help_lines(&Theme::default(), &Keymap::default(), 120).iter().map(ToString::to_string).collect();
        let at = text.iter().position(|l| l.starts_with("Searching")).expect("a Searching section");
        for (typed, finds) in QUERY_LANGUAGE {
            assert!(
                text[at..].iter().any(|l| l.contains(typed) && l.contains(finds)),
                "{typed} is not explained"
            );
        }
    }
}
