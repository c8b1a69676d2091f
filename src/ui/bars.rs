//! The one-line bars under the panes: the filter bar with the query, and the
//! status line with a notice or the keys that matter where focus is.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::reader;
use super::theme::Theme;
use ratatui::style::{Modifier, Style};
use unicode_width::UnicodeWidthStr;

use crate::app::{App, Focus, QueryText};
use crate::corpus::{Progress, SortKey};
use crate::keys::Keymap;
use crate::search::query::Role;

pub fn render_filter(app: &App, frame: &mut Frame, area: Rect) {
    let finding = app.focus() == Focus::Find || !app.find().text().is_empty();
    let (prompt, query) = if finding { (" find: ", app.find()) } else { (" / ", app.filter()) };
    let editing = matches!(app.focus(), Focus::Filter | Focus::Find);
    let theme = app.theme();
    let mut spans = vec![Span::styled(prompt, theme.prompt)];
    if query.text().is_empty() && !editing {
        spans.push(Span::styled("type / to filter by keyword", theme.dim));
    } else if editing && query.line.is_selected() {
        // Reopened: the old query shows selected, as typing replaces it.
        spans.push(Span::styled(query.text(), Style::new().add_modifier(Modifier::REVERSED)));
    } else {
        spans.extend(read_query(query, theme));
    }
    if !query.text().is_empty() {
        let count = match (finding, app.is_searching(), app.listed().len()) {
            (true, _, _) => match app.reader_marks().marks.len() {
                0 => "  no match in this article".to_owned(),
                1 => "  1 match".to_owned(),
                n => format!("  {n} matches"),
            },
            (false, true, _) => "  searching…".to_owned(),
            (false, false, 0) => "  no match".to_owned(),
            (false, false, n) => match app.listed().iter().filter(|hit| hit.lacks_words()).count() {
                0 => format!("  {n} of {} match", app.corpus().len()),
                most => format!("  {} match all words, {most} most", n - most),
            },
        };
        spans.push(Span::styled(count, theme.dim));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    if editing {
        let before_cursor = query.text().get(..query.line.cursor()).unwrap_or_default();
        let typed = u16::try_from(before_cursor.width()).unwrap_or(u16::MAX);
        let x = area.x.saturating_add(prompt.width() as u16).saturating_add(typed);
        frame.set_cursor_position(Position::new(x.min(area.right().saturating_sub(1)), area.y));
    }
}

/// The query as it was read: terms plain, `|` as an operator, and the
/// pieces that meant nothing dimmed and struck through.
fn read_query<'a>(query: &'a QueryText, theme: &Theme) -> Vec<Span<'a>> {
    let text = query.text();
    let mut spans = Vec::new();
    let mut at = 0;
    for (range, role) in &query.parsed.pieces {
        if let Some(gap) = text.get(at..range.start) {
            spans.push(Span::raw(gap));
        }
        let style = match role {
            Role::Term => Style::new(),
            Role::Operator => theme.operator,
            Role::Ignored => theme.ignored,
        };
        spans.push(Span::styled(text.get(range.clone()).unwrap_or_default(), style));
        at = range.end;
    }
    spans.push(Span::raw(text.get(at..).unwrap_or_default()));
    spans
}

pub fn render_status(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme();
    let line = match (app.question(), app.notice()) {
        (Some(question), _) => Line::from(Span::styled(format!(" {}", question.text()), theme.notice)),
        (None, Some(notice)) => Line::from(Span::styled(format!(" {notice}"), theme.notice)),
        (None, None) => {
            hint_line(theme, app.keymap(), app.focus(), reading_facts(app), usize::from(area.width))
        }
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// What the status line says before the hints: how far a load streaming
/// in has got; in the full-screen view, where there is no border to show
/// it, how much of the open article has been read; then the matches.
fn reading_facts(app: &App) -> Vec<(String, bool)> {
    let loading = app.loading().map(|progress| (load_progress(progress), true));
    // Plain mode has no border to show where the list is.
    let listed = app.panes().filter(|p| p.plain && !reading(app)).map(|_| (position(app), false));
    let read = app.panes().filter(|p| p.full || (p.plain && reading(app))).zip(app.document()).map(
        |(panes, doc)| {
            let percent =
                reader::percent_read(doc, app.reader_top(), usize::from(panes.reader_text().height));
            // Plain: it changes with nearly every line read, and over a slow
            // link a styled one costs more than the line itself.
            (format!("{percent}% read"), false)
        },
    );
    let matches = match_count(app).map(|matches| (matches, true));
    // The count typed so far, as vim shows it, so `50` before `%` is seen.
    let count = app.pending_count().map(|count| (format!("{count}…"), true));
    loading.into_iter().chain(count).chain(listed).chain(read).chain(matches).collect()
}

fn reading(app: &App) -> bool {
    matches!(app.focus(), Focus::Reader | Focus::Find)
}

/// "loading 41,200 / 100,000 files", or while the folders are still being
/// walked, "finding files…".
fn load_progress(progress: Progress) -> String {
    match progress.files_total {
        0 => "finding files…".to_owned(),
        total => format!("loading {} / {} files", thousands(progress.files_done), thousands(total)),
    }
}

/// 41200 as "41,200".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// "match 3/17" while reading an article with matches; "17 matches" before
/// `n` has gone to one.
fn match_count(app: &App) -> Option<String> {
    if !matches!(app.focus(), Focus::Reader | Focus::Find) {
        return None;
    }
    let marks = app.reader_marks();
    match (marks.current, marks.marks.len()) {
        (_, 0) => None,
        (Some(current), total) => Some(format!("match {}/{total}", current + 1)),
        (None, 1) => Some("1 match".to_owned()),
        (None, total) => Some(format!("{total} matches")),
    }
}

/// Hints dropped last when the line is short: how to find every other key,
/// and how to leave.
const KEPT_TO_THE_LAST: [&str; 2] = ["help", "quit"];

/// The match count, then as many hints as fit whole in `width`, most
/// important first; `? help` and `q quit` stay at the end of the line
/// until there is no room even for them.
fn hint_line(
    theme: &Theme,
    keymap: &Keymap,
    focus: Focus,
    facts: Vec<(String, bool)>,
    width: usize,
) -> Line<'static> {
    const SEPARATOR: &str = " · ";
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for (fact, emphasised) in facts {
        used += fact.width() + SEPARATOR.len();
        spans.push(if emphasised { Span::styled(fact, theme.notice) } else { Span::raw(fact) });
        spans.push(Span::styled(SEPARATOR, theme.dim));
    }
    let (last, others): (Vec<_>, Vec<_>) =
        keymap.hints(focus).into_iter().partition(|(_, hint)| KEPT_TO_THE_LAST.contains(hint));
    let cost = |(key, hint): &(String, &str), first: bool| {
        let gap = if first { 0 } else { SEPARATOR.chars().count() };
        gap + key.width() + 1 + hint.width()
    };
    // Room for the last ones first, then the others in order while they fit.
    let mut chosen_last = Vec::new();
    for hint in last {
        let needed = cost(&hint, chosen_last.is_empty());
        if used + needed <= width {
            used += needed;
            chosen_last.push(hint);
        }
    }
    let mut chosen = Vec::new();
    for hint in others {
        // Each pays for a separator, unless it is alone on the line.
        let needed = cost(&hint, chosen.is_empty() && chosen_last.is_empty());
        if used + needed > width {
            break;
        }
        used += needed;
        chosen.push(hint);
    }
    for (i, (key, hint)) in chosen.into_iter().chain(chosen_last).enumerate() {
        if i > 0 {
            spans.push(Span::styled(SEPARATOR, theme.dim));
        }
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::raw(format!(" {hint}")));
    }
    Line::from(spans)
}

/// Where the list is, in words, for the status line: "article 2 of 5,
/// sorted by date".
fn position(app: &App) -> String {
    let place = match app.listed().len() {
        0 => "no articles".to_owned(),
        len => format!("article {} of {len}", app.selected() + 1),
    };
    match app.sort() {
        SortKey::Name => place,
        sort => format!("{place}, sorted by {}", sort.name()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_reads_as_files_done_of_files_found() {
        let progress = |done, total| Progress { files_done: done, files_total: total, finished: false };
        assert_eq!(load_progress(progress(0, 0)), "finding files…");
        assert_eq!(load_progress(progress(41_200, 100_000)), "loading 41,200 / 100,000 files");
        assert_eq!(load_progress(progress(7, 999)), "loading 7 / 999 files");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    fn hints_at(width: usize, facts: Vec<(String, bool)>) -> String {
        let line = hint_line(&Theme::default(), &Keymap::default(), Focus::Reader, facts, width);
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn help_and_quit_are_the_last_hints_to_go() {
        let wide = hints_at(200, Vec::new());
        assert!(wide.ends_with("? help · q quit"), "{wide:?}");
        assert!(wide.contains("j scroll"), "{wide:?}");
        let narrow = hints_at(38, Vec::new());
        assert!(narrow.ends_with("? help · q quit"), "{narrow:?}");
        assert!(narrow.width() <= 38, "{narrow:?}");
        let facts = vec![("match 1/1".to_owned(), true)];
        let tight = hints_at(30, facts);
        assert!(tight.contains("match 1/1") && tight.ends_with("? help · q quit"), "{tight:?}");
        assert_eq!(hints_at(10, Vec::new()).trim(), "? help", "what fits of them");
    }
}
