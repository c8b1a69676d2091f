//! The stories' panels, each a box over the panes: the articles related
//! to the selected one with why (`R`), the stories one row each with
//! their articles under them when opened (`t`), and a comparison (`c`):
//! what the takes tell differently and what they agree on, a row for each
//! sentence that says it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::theme::Theme;
use crate::app::{App, CompareRow, StoryRow, compare_rows, story_rows};
use crate::focus::Mode;

/// The widest a panel gets: comparisons quote whole sentences.
const MAX_WIDTH: u16 = 100;

/// Draws the open stories panel, if one is.
pub fn render(app: &App, frame: &mut Frame, screen: Rect) {
    let theme = app.theme();
    let (title, closes, lines) = match app.mode() {
        Mode::Related => (related_title(app), "Enter reads · Esc closes", related_lines(app, theme)),
        Mode::Stories => {
            (" Stories ".to_owned(), "Enter opens · c compares · Esc closes", story_lines(app, theme))
        }
        Mode::Compare => (compare_title(app), "Enter reads there · Esc closes", compare_lines(app, theme)),
        _ => return,
    };
    let lines =
        if app.panel_waiting() { vec![(Line::styled("working…", theme.dim), false)] } else { lines };
    render_box(theme, frame, screen, &title, lines, closes);
}

fn related_title(app: &App) -> String {
    let of = app.related().and_then(|(of, _)| app.corpus().get(of));
    of.map_or_else(|| " Related ".to_owned(), |a| format!(" Like “{}” ", a.title))
}

fn compare_title(app: &App) -> String {
    let count = app.comparison().map_or(0, |(ids, _)| ids.len());
    format!(" Comparing {count} takes ")
}

/// A selectable row's style.
fn row_style(theme: &Theme, selected: bool) -> Style {
    if selected { theme.selected_focused } else { Style::default() }
}

/// Each related article: its title, then the shared words that make it so.
fn related_lines<'a>(app: &'a App, theme: &Theme) -> Vec<(Line<'a>, bool)> {
    let Some((_, found)) = app.related() else { return Vec::new() };
    if found.is_empty() {
        return vec![(Line::styled("no article shares its telling words", theme.dim), false)];
    }
    let mut lines = Vec::new();
    for (n, related) in found.iter().enumerate() {
        let selected = n == app.panel_selected();
        let title = app.corpus().get(related.article).map_or("", |a| a.title.as_str());
        lines.push((Line::styled(format!("{}. {title}", n + 1), row_style(theme, selected)), selected));
        lines.push((Line::styled(format!("   {}", related.reason()), theme.dim), false));
    }
    lines
}

/// "US troops in Niger · 5 reports", with its articles under it when open.
fn story_lines<'a>(app: &'a App, theme: &Theme) -> Vec<(Line<'a>, bool)> {
    let Some(analysis) = app.analysis() else { return Vec::new() };
    if analysis.stories.is_empty() {
        return vec![(Line::styled("no story is told by two articles or more", theme.dim), false)];
    }
    let expanded = app.expanded_stories();
    story_rows(analysis, expanded)
        .into_iter()
        .enumerate()
        .map(|(n, row)| {
            let selected = n == app.panel_selected();
            let text = match row {
                StoryRow::Story(s) => {
                    let story = &analysis.stories[s];
                    let arrow = if expanded.contains(&s) { '▾' } else { '▸' };
                    let reports = if story.reports == 1 { "report".to_owned() } else { "reports".to_owned() };
                    format!("{arrow} {} · {} {reports}", story.title, story.reports)
                }
                StoryRow::Article(id) => {
                    let title = app.corpus().get(id).map_or("", |a| a.title.as_str());
                    let reprint = analysis.stories.iter().flat_map(|s| &s.reprints).any(|&(r, _)| r == id);
                    format!("    {title}{}", if reprint { " (reprint)" } else { "" })
                }
            };
            (Line::styled(text, row_style(theme, selected)), selected)
        })
        .collect()
}

/// Headings, facts, and under each variant a row per sentence saying it:
/// the variant, the article's title and the paragraph.
fn compare_lines<'a>(app: &'a App, theme: &Theme) -> Vec<(Line<'a>, bool)> {
    let Some((ids, comparison)) = app.comparison() else { return Vec::new() };
    let rows = compare_rows(comparison);
    if comparison.is_empty() {
        return vec![(
            Line::styled("no number, name, date or quotation told by two of them", theme.dim),
            false,
        )];
    }
    rows.iter()
        .enumerate()
        .map(|(n, row)| {
            let selected = n == app.panel_selected();
            let line = match row {
                CompareRow::Heading(heading) => Line::styled(*heading, theme.heading),
                CompareRow::Fact(fact) => {
                    Line::styled(format!("  {} · {}", fact.kind.label(), fact.about), theme.key)
                }
                CompareRow::Place { variant, place } => {
                    let title =
                        ids.get(place.article).and_then(|&id| app.corpus().get(id)).map_or("", |a| &a.title);
                    Line::from(vec![
                        Span::styled(format!("    {variant}"), row_style(theme, selected)),
                        Span::styled(format!("  {title} ¶{}: ", place.paragraph + 1), theme.dim),
                        Span::raw(place.sentence.as_str()),
                    ])
                }
            };
            (line, selected)
        })
        .collect()
}

/// A box over most of the screen, scrolled so the selected line shows.
fn render_box(
    theme: &Theme,
    frame: &mut Frame,
    screen: Rect,
    title: &str,
    lines: Vec<(Line<'_>, bool)>,
    closes: &str,
) {
    let width = MAX_WIDTH.min(screen.width.saturating_sub(2));
    let height = (lines.len() as u16 + 2).clamp(3, screen.height.saturating_sub(2).max(3));
    let [area] = Layout::horizontal([Constraint::Length(width)]).flex(Flex::Center).areas(screen);
    let [area] = Layout::vertical([Constraint::Length(height)]).flex(Flex::Center).areas(area);
    let visible = usize::from(height.saturating_sub(2)).max(1);
    let selected = lines.iter().position(|(_, s)| *s).unwrap_or(0);
    // The selected line and the one under it (a related article's reason).
    let scroll = (selected + 2).saturating_sub(visible).min(lines.len().saturating_sub(visible));
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Span::styled(title.to_owned(), theme.pane_title))
        .title_bottom(Line::from(format!(" {closes} ")).right_aligned());
    let body: Vec<Line> = lines.into_iter().skip(scroll).take(visible).map(|(line, _)| line).collect();
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(body).block(block), area);
}
