//! Draws the screen from `App`. A pure function of state: no I/O, no
//! parsing, no wrapping; each pane has its own module.

mod bars;
mod contents;
mod help;
mod list;
mod plain;
mod reader;
mod skipped;
mod stories;

// Shared with `App` (page sizes, the chosen theme), so they live outside
// `ui`; re-exported so the renderers name them as before.
pub use crate::layout;
pub use crate::theme::{self, colour};

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

pub use help::help_lines;
use layout::{MIN_HEIGHT, MIN_WIDTH, Panes};
pub use skipped::skipped_lines;

use crate::app::App;
use crate::focus::{Focus, Mode};

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    let screen = frame.area();
    let Some(panes) = Panes::for_screen(screen, app.is_full_screen(), app.is_plain())
        .map(|p| p.with_text_width(app.text_width_cap()))
    else {
        render_too_small(frame, screen);
        return;
    };
    if panes.plain {
        plain::render(app, frame, &panes);
        return;
    }
    if panes.full {
        render_full_screen(app, frame, &panes);
    } else {
        render_panes(app, frame, &panes);
    }
    match app.mode() {
        Mode::Help => help::render(app, frame, screen),
        Mode::Skipped => skipped::render(app, frame, screen),
        Mode::Related | Mode::Stories | Mode::Compare => stories::render(app, frame, screen),
        Mode::Contents => contents::render(app, frame, screen),
        Mode::Normal | Mode::Confirm => {}
    }
}

/// The list and the reader (side by side, or whichever has focus), the
/// filter bar and the status line.
fn render_panes(app: &App, frame: &mut Frame, panes: &Panes) {
    let reading = app.focus() == Focus::Reader;
    if panes.split || !reading {
        list::render(app, frame, panes.list);
    }
    if panes.split || reading {
        reader::render(app, frame, panes);
    }
    bars::render_filter(app, frame, panes.filter);
    bars::render_status(app, frame, panes.status);
}

/// Only the text, and one line under it: the status, or the search being
/// typed.
fn render_full_screen(app: &App, frame: &mut Frame, panes: &Panes) {
    reader::render_full_screen(app, frame, panes);
    if app.focus() == Focus::Find {
        bars::render_filter(app, frame, panes.filter);
    } else {
        bars::render_status(app, frame, panes.status);
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

/// `text` as spans in `base` style, with each byte range's style laid over
/// it; where ranges overlap, later ones win. A range that does not fall on
/// character boundaries is skipped rather than trusted.
pub fn styled_spans<'a>(text: &'a str, ranges: &[(Range<usize>, Style)], base: Style) -> Vec<Span<'a>> {
    let valid: Vec<&(Range<usize>, Style)> =
        ranges.iter().filter(|(r, _)| r.start < r.end && text.get(r.clone()).is_some()).collect();
    let mut cuts: Vec<usize> = valid.iter().flat_map(|(r, _)| [r.start, r.end]).collect();
    cuts.extend([0, text.len()]);
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .filter_map(|cut| {
            let (start, end) = (cut[0], cut[1]);
            let style = valid
                .iter()
                .filter(|(r, _)| r.start <= start && end <= r.end)
                .fold(base, |style, (_, layer)| style.patch(*layer));
            text.get(start..end).map(|piece| Span::styled(piece, style))
        })
        .collect()
}

/// `text` cut to at most `width` columns, ending in an ellipsis if cut.
/// Cut between graphemes, so an accent stays on its letter and an emoji
/// sequence (a family, a flag) is kept whole or dropped whole.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for grapheme in text.graphemes(true) {
        let w = grapheme.width();
        // One column stays free for the ellipsis.
        if used + w + 1 > width {
            break;
        }
        out.push_str(grapheme);
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

    #[test]
    fn fit_never_splits_a_grapheme() {
        let family = "👩\u{200d}👩\u{200d}👧";
        let cut = fit(&format!("ab{family}cd"), 4);
        assert!(cut == "ab…" || cut.starts_with(&format!("ab{family}")), "{cut:?}");
        assert_eq!(fit("e\u{301}e\u{301}e\u{301}xyz", 3), "e\u{301}e\u{301}…");
        let flags = fit("🇯🇵🇫🇷🇩🇪", 5);
        assert_eq!(
            flags.chars().filter(|c| *c != '…').count() % 2,
            0,
            "regional indicators in pairs: {flags:?}"
        );
        assert!(fit("مرحبا بالعالم", 6).width() <= 6);
    }
}
