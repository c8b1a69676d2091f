//! The list pane: one row per article in the filtered view, the selected one
//! highlighted, matched title characters marked, and a `3/5` count.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::{fit, theme};
use crate::app::{App, Focus};
use crate::corpus::{Article, SortKey};
use crate::search::Hit;

/// Rows show words and minutes only when the pane is at least this wide,
/// so titles keep most of the room on narrow screens.
const META_MIN_WIDTH: u16 = 44;

/// A row's date and site show only while the metadata stays within this
/// share of the row, so the title keeps most of it.
const META_MAX_SHARE_PERCENT: usize = 60;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let focused = matches!(app.focus(), Focus::List | Focus::Filter);
    let count = if app.view().is_empty() {
        format!(" 0/{} ", app.corpus().len())
    } else {
        format!(" {}/{} ", app.selected() + 1, app.view().len())
    };
    let count = match app.sort() {
        SortKey::Name => count,
        sort => format!("{count}· by {} ", sort.name()),
    };
    let block = Block::bordered()
        .border_style(theme::border(focused))
        .title(Span::styled(" Articles ", theme::PANE_TITLE))
        .title_bottom(Line::from(count).alignment(Alignment::Right));
    let inner = block.inner(area);
    frame.render_widget(block, area);

    if app.view().is_empty() {
        render_no_match(app.query(), frame, inner);
        return;
    }
    let rows = app.view().iter().enumerate().skip(app.list_offset()).take(usize::from(inner.height));
    for (offset, (index, hit)) in rows.enumerate() {
        let Some(article) = app.corpus().get(hit.article) else { continue };
        let selected = index == app.selected();
        let style = match (selected, focused) {
            (false, _) => Style::new(),
            (true, true) => theme::SELECTED_FOCUSED,
            (true, false) => theme::SELECTED_UNFOCUSED,
        };
        let y = inner.y + offset as u16;
        let row = Rect { y, height: 1, ..inner };
        frame.render_widget(Paragraph::new(row_line(article, hit, selected, inner.width)).style(style), row);
    }
}

/// " Title of the article…   Example News · 2024-03-18 · 812 w · 4 min "
fn row_line(article: &Article, hit: &Hit, selected: bool, width: u16) -> Line<'static> {
    let meta = row_meta(article, usize::from(width));
    let meta_width = meta.chars().count();
    let title_room = usize::from(width).saturating_sub(meta_width + 2);
    let mark = if selected { theme::MATCH_SELECTED } else { theme::MATCH };
    let mut spans = vec![Span::raw(" ")];
    let title = fit(&article.title, title_room);
    let used = unicode_width::UnicodeWidthStr::width(title.as_str());
    spans.extend(highlighted(&title, &hit.title_positions, mark));
    let gap = usize::from(width).saturating_sub(1 + used + meta_width);
    spans.push(Span::raw(" ".repeat(gap)));
    spans.push(Span::styled(meta, if selected { Style::new() } else { theme::DIM }));
    Line::from(spans)
}

/// The facts at the end of a row: length always (when the pane is wide
/// enough), then the date and the site while they fit.
fn row_meta(article: &Article, width: usize) -> String {
    if width < usize::from(META_MIN_WIDTH) {
        return String::new();
    }
    let mut meta = format!("{} w · {} min", article.words, article.reading_minutes());
    let room = width * META_MAX_SHARE_PERCENT / 100;
    for extra in [article.meta.date().map(|d| d.to_string()), article.meta.site.clone()].into_iter().flatten()
    {
        let longer = format!("{extra} · {meta}");
        if unicode_width::UnicodeWidthStr::width(longer.as_str()) + 2 <= room {
            meta = longer;
        }
    }
    format!(" {meta} ")
}

/// Spans of `text` with the characters at `positions` in `mark` style.
pub fn highlighted(text: &str, positions: &[usize], mark: Style) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_marked = false;
    for (i, c) in text.chars().enumerate() {
        let marked = positions.binary_search(&i).is_ok();
        if marked != run_marked && !run.is_empty() {
            spans.push(styled_run(std::mem::take(&mut run), run_marked, mark));
        }
        run_marked = marked;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(styled_run(run, run_marked, mark));
    }
    spans
}

fn styled_run(text: String, marked: bool, mark: Style) -> Span<'static> {
    if marked { Span::styled(text, mark) } else { Span::raw(text) }
}

fn render_no_match(query: &str, frame: &mut Frame, area: Rect) {
    let text = vec![
        Line::from(format!("No article matches “{query}”.")),
        Line::from(""),
        Line::styled("Backspace edits the query; Esc clears it.", theme::DIM),
    ];
    frame.render_widget(
        Paragraph::new(text).wrap(Wrap { trim: true }),
        area.inner(ratatui::layout::Margin::new(1, 1)),
    );
}
