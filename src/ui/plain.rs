//! Plain mode (`--plain`, and TERM=dumb): the screen as text a screen reader
//! or a dumb terminal can follow. No borders or box drawing, no scrollbar,
//! one pane at a time from the top-left corner; the list numbered, one
//! article a line, with its flags in words; the article as its lines of
//! text; and the hardware cursor on the selected row (or the first line of
//! text, or where the query is typed), which is where a screen reader reads.
//! The keys are the usual ones.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::bars;
use super::layout::Panes;
use super::{fit, help};
use crate::app::{App, EntryKind, Focus, Mode};

/// Draws the whole screen in plain mode.
pub fn render(app: &App, frame: &mut Frame, panes: &Panes) {
    match app.mode() {
        Mode::Help => {
            let lines = help::help_lines(app.theme(), app.keymap(), panes.reader.width);
            render_lines(frame, panes.reader, lines, app.help_scroll());
            render_status(frame, panes.status, "Keys. ? or Esc closes, j and k scroll");
            return;
        }
        Mode::Skipped => {
            let lines = super::skipped_lines(app, panes.reader.width);
            render_lines(frame, panes.reader, lines, app.help_scroll());
            render_status(frame, panes.status, "Skipped files. ! or Esc closes, j and k scroll");
            return;
        }
        Mode::Related | Mode::Stories | Mode::Compare => {
            // Not yet plain: the stories' panels keep their box, drawn
            // over the whole screen so nothing else competes with it.
            let area = frame.area();
            super::stories::render(app, frame, area);
            return;
        }
        Mode::Contents => {
            render_contents(app, frame, panes.reader);
            render_status(frame, panes.status, "Contents. Enter goes, T or Esc closes, j and k move");
            return;
        }
        Mode::Normal | Mode::Confirm => {}
    }
    match app.focus() {
        Focus::List | Focus::Filter => render_list(app, frame, panes.list),
        Focus::Reader | Focus::Find => render_article(app, frame, panes),
    }
    bars::render_filter(app, frame, panes.filter);
    bars::render_status(app, frame, panes.status);
}

/// `  12. Title of the article · 812 words · 4 min · unread`, the selected
/// row marked `>` and holding the cursor.
fn render_list(app: &App, frame: &mut Frame, area: Rect) {
    if app.listed().is_empty() {
        let text = if app.is_searching() {
            "Searching…".to_owned()
        } else {
            format!("No article matches “{}”. Backspace edits the query; Esc clears it.", app.query())
        };
        frame.render_widget(Paragraph::new(text), area);
        frame.set_cursor_position(Position::new(area.x, area.y));
        return;
    }
    let digits = app.listed().len().to_string().len();
    let rows = app.listed().iter().enumerate().skip(app.list_offset()).take(usize::from(area.height));
    let mut lines = Vec::new();
    for (index, hit) in rows {
        let Some(article) = app.corpus().get(hit.article) else { continue };
        let selected = index == app.selected();
        let mut facts =
            vec![format!("{} words", article.words), format!("{} min", article.reading_minutes())];
        if app.is_bookmarked(article.id) {
            facts.push("bookmarked".into());
        }
        if !app.is_read(article.id) {
            facts.push("unread".into());
        }
        let marker = if selected { ">" } else { " " };
        let number = format!("{marker} {:>digits$}. ", index + 1);
        let facts = format!(" · {}", facts.join(" · "));
        let room = usize::from(area.width).saturating_sub(number.chars().count() + facts.chars().count());
        let line = format!("{number}{}{facts}", fit(&article.title, room.max(10)));
        lines.push(Line::from(fit(&line, usize::from(area.width))));
        if selected {
            let row = u16::try_from(lines.len() - 1).unwrap_or(0);
            frame.set_cursor_position(Position::new(area.x, area.y.saturating_add(row)));
        }
    }
    frame.render_widget(Paragraph::new(lines).style(Style::new()), area);
}

/// The open article's headings, then its links, one a line; the chosen
/// one marked `>` and holding the cursor, kept on the screen.
fn render_contents(app: &App, frame: &mut Frame, area: Rect) {
    let entries = app.contents();
    if entries.is_empty() {
        frame.render_widget(Paragraph::new("This article has no headings or links."), area);
        frame.set_cursor_position(Position::new(area.x, area.y));
        return;
    }
    let choice = app.contents_choice();
    let height = usize::from(area.height).max(1);
    let top = choice.saturating_sub(height - 1);
    let lines: Vec<Line> = entries
        .iter()
        .enumerate()
        .skip(top)
        .take(height)
        .map(|(index, entry)| {
            let marker = if index == choice { ">" } else { " " };
            let text = match entry.kind {
                EntryKind::Heading { level, .. } => {
                    format!("{marker} {}{}", "  ".repeat(usize::from(level.saturating_sub(1))), entry.text)
                }
                EntryKind::Link { .. } => format!("{marker} link {}", entry.text),
            };
            Line::from(fit(&text, usize::from(area.width)))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
    let row = u16::try_from(choice - top).unwrap_or(0);
    frame.set_cursor_position(Position::new(area.x, area.y.saturating_add(row)));
}

/// The open article's lines from where the reader is, as text.
fn render_article(app: &App, frame: &mut Frame, panes: &Panes) {
    let area = panes.reader_text();
    let Some(doc) = app.document() else {
        frame.render_widget(Paragraph::new("Nothing to read: no article matches the filter."), area);
        return;
    };
    let lines: Vec<Line> = doc
        .lines
        .iter()
        .skip(app.reader_top())
        .take(usize::from(area.height))
        .map(|line| Line::from(line.text.as_str()))
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
    if app.focus() == Focus::Reader {
        frame.set_cursor_position(Position::new(area.x, area.y));
    }
}

fn render_lines(frame: &mut Frame, area: Rect, lines: Vec<Line<'static>>, scroll: usize) {
    let scroll = scroll.min(lines.len().saturating_sub(usize::from(area.height)));
    let visible: Vec<Line> = lines.into_iter().skip(scroll).take(usize::from(area.height)).collect();
    frame.render_widget(Paragraph::new(visible), area);
    frame.set_cursor_position(Position::new(area.x, area.y));
}

fn render_status(frame: &mut Frame, area: Rect, text: &str) {
    frame.render_widget(Paragraph::new(Line::from(Span::raw(format!(" {text}")))), area);
}
