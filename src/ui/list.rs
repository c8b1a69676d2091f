//! The list pane: one item per article in the filtered list, the selected
//! one highlighted, matched title characters marked, a snippet of the best
//! body match under each title when there is room, and a `3/5` count.

use ratatui::Frame;
use ratatui::layout::{Alignment, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use super::{fit, marked_spans};
use crate::app::{App, Focus, RowMarks};
use crate::corpus::{Article, SortKey};

/// Rows show words and minutes only when the pane is at least this wide,
/// so titles keep most of the room on narrow screens.
const META_MIN_WIDTH: u16 = 44;

/// Drawn before the title of an unread article, and of a bookmarked one.
const UNREAD: &str = "•";
const BOOKMARKED: &str = "*";

/// A row's date and site show only while the metadata stays within this
/// share of the row, so the title keeps most of it.
const META_MAX_SHARE_PERCENT: usize = 60;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let focused = matches!(app.focus(), Focus::List | Focus::Filter);
    let theme = app.theme();
    let count = if app.listed().is_empty() {
        format!(" 0/{} ", app.corpus().len())
    } else {
        format!(" {}/{} ", app.selected() + 1, app.listed().len())
    };
    let count = match app.sort() {
        SortKey::Name => count,
        sort => format!("{count}· by {} ", sort.name()),
    };
    let count = match app.list_scope().label() {
        Some(scope) => format!("{count}· {scope} "),
        None => count,
    };
    let block = Block::bordered()
        .border_style(theme.border(focused))
        .title(Span::styled(" Articles ", theme.pane_title))
        .title_bottom(Line::from(count).alignment(Alignment::Right));
    let inner = block.inner(area);
    frame.render_widget(block, area);

    if app.listed().is_empty() {
        render_no_match(app, frame, inner);
        return;
    }
    let height = app.item_height();
    let items = usize::from(inner.height) / height;
    let rows = app.listed().iter().enumerate().skip(app.list_offset()).take(items);
    for (slot, (index, hit)) in rows.enumerate() {
        let Some(article) = app.corpus().get(hit.article) else { continue };
        let selected = index == app.selected();
        let style = match (selected, focused) {
            (false, _) => Style::new(),
            (true, true) => theme.selected_focused,
            (true, false) => theme.selected_unfocused,
        };
        let marks = app.row_marks(article.id);
        let flag = match (app.is_bookmarked(article.id), app.is_read(article.id)) {
            (true, _) => BOOKMARKED,
            (false, false) => UNREAD,
            (false, true) => " ",
        };
        let mut lines = vec![title_line(theme, article, marks, selected, inner.width, flag)];
        if height > 1 {
            lines.push(snippet_line(theme, marks, selected, inner.width));
        }
        let y = inner.y + (slot * height) as u16;
        let item = Rect { y, height: height as u16, ..inner };
        frame.render_widget(Paragraph::new(lines).style(style), item);
    }
}

/// " Title of the article…   Example News · 2024-03-18 · 812 w · 4 min "
fn title_line<'a>(
    theme: &Theme,
    article: &'a Article,
    marks: Option<&RowMarks>,
    selected: bool,
    width: u16,
    flag: &'static str,
) -> Line<'a> {
    let meta = row_meta(article, usize::from(width));
    let meta_width = meta.width();
    // The flag and a space before the title, a space after it.
    let title = fit(&article.title, usize::from(width).saturating_sub(meta_width + 3));
    let used = title.width();
    let mark = if selected { theme.match_selected } else { theme.match_highlight };
    let mut spans = vec![Span::raw(flag), Span::raw(" ")];
    // `fit` keeps a prefix of the title; marks past it are cut with it.
    let kept = title.strip_suffix('…').map_or(title.len(), str::len);
    let ranges: Vec<_> = marks
        .map(|m| m.title.iter().filter(|r| r.start < kept).map(|r| r.start..r.end.min(kept)).collect())
        .unwrap_or_default();
    spans.extend(marked_spans(&title, &ranges, Style::new(), mark).into_iter().map(owned));
    spans.push(Span::raw(" ".repeat(usize::from(width).saturating_sub(2 + used + meta_width))));
    spans.push(Span::styled(meta, if selected { Style::new() } else { theme.dim }));
    Line::from(spans)
}

/// "   …the uranium deal was…" under the title, dimmed, match marked.
fn snippet_line(theme: &Theme, marks: Option<&RowMarks>, selected: bool, width: u16) -> Line<'static> {
    let Some(snippet) = marks.and_then(|m| m.snippet.as_ref()) else {
        return Line::from("");
    };
    let base = if selected { Style::new() } else { theme.dim };
    let mark = if selected { theme.match_selected } else { theme.match_highlight };
    let text = fit(&snippet.text, usize::from(width).saturating_sub(4));
    let kept = text.strip_suffix('…').map_or(text.len(), str::len).min(snippet.text.len());
    let ranges: Vec<_> =
        snippet.marks.iter().filter(|r| r.start < kept).map(|r| r.start..r.end.min(kept)).collect();
    let mut spans = vec![Span::raw("   ")];
    spans.extend(marked_spans(&text, &ranges, base, mark).into_iter().map(owned));
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
        if longer.width() + 2 <= room {
            meta = longer;
        }
    }
    format!(" {meta} ")
}

fn owned(span: Span<'_>) -> Span<'static> {
    Span::styled(span.content.into_owned(), span.style)
}

fn render_no_match(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme();
    let text = if app.is_searching() {
        vec![Line::styled("Searching…", theme.dim)]
    } else {
        vec![
            Line::from(format!("No article matches “{}”.", app.query())),
            Line::from(""),
            Line::styled("Backspace edits the query; Esc clears it.", theme.dim),
        ]
    };
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area.inner(Margin::new(1, 1)));
}
