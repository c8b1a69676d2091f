//! Draws the screen from `App`. A pure function of state: no I/O, no
//! parsing, no wrapping; each pane has its own module.

mod bars;
mod help;
pub mod layout;
mod list;
mod reader;
pub mod theme;

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthChar;

pub use help::help_lines;
use layout::{MIN_HEIGHT, MIN_WIDTH, Panes};

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
    if app.mode() == Mode::Help {
        help::render(app, frame, screen);
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

/// `text` as spans, the byte `ranges` in `mark` style and the rest in
/// `base`.
pub fn marked_spans<'a>(text: &'a str, ranges: &[Range<usize>], base: Style, mark: Style) -> Vec<Span<'a>> {
    let styled: Vec<(Range<usize>, Style)> = ranges.iter().map(|r| (r.clone(), mark)).collect();
    styled_spans(text, &styled, base)
}

/// `text` as spans, each byte range in its own style and the rest in
/// `base`. Ranges must be sorted and apart; one that does not fall on
/// character boundaries is skipped rather than trusted.
pub fn styled_spans<'a>(text: &'a str, ranges: &[(Range<usize>, Style)], base: Style) -> Vec<Span<'a>> {
    let mut spans = Vec::new();
    let mut at = 0;
    for (range, style) in ranges {
        let (Some(before), Some(marked)) = (text.get(at..range.start), text.get(range.clone())) else {
            continue;
        };
        if !before.is_empty() {
            spans.push(Span::styled(before, base));
        }
        spans.push(Span::styled(marked, base.patch(*style)));
        at = range.end;
    }
    if let Some(rest) = text.get(at..).filter(|r| !r.is_empty()) {
        spans.push(Span::styled(rest, base));
    }
    spans
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
    use super::*;

    #[test]
    fn marked_spans_split_text_at_the_marks() {
        let mark = Style::new().bold();
        let spans = marked_spans("a uranium deal", std::slice::from_ref(&(2..9)), Style::new(), mark);
        let texts: Vec<(&str, bool)> = spans.iter().map(|s| (s.content.as_ref(), s.style == mark)).collect();
        assert_eq!(texts, [("a ", false), ("uranium", true), (" deal", false)]);
        assert_eq!(
            marked_spans("é", std::slice::from_ref(&(0..1)), Style::new(), mark).len(),
            1,
            "a split character is not marked"
        );
    }

    #[test]
    fn fit_cuts_by_columns_not_bytes() {
        assert_eq!(fit("hello", 5), "hello");
        assert_eq!(fit("hello world", 6), "hello…");
        assert_eq!(fit("東京都庁", 5), "東京…");
        assert_eq!(fit("abc", 0), "");
    }
}
