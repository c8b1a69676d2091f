//! The reading pane: the open article's title, metadata and wrapped body,
//! scrolled to the saved position, with a scrollbar and the share read.
//! Only the visible slice of the pre-wrapped document is drawn.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::{Alignment, Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, Wrap};

use super::theme::Theme;
use super::{layout::Panes, styled_spans};
use crate::app::{App, Focus};
use crate::document::{DocLine, Document, LineKind};

pub fn render(app: &App, frame: &mut Frame, panes: &Panes) {
    let area = panes.reader;
    let focused = app.focus() == Focus::Reader;
    let theme = app.theme();
    let block = Block::bordered()
        .border_style(theme.border(focused))
        .title(Span::styled(" Reader ", theme.pane_title));

    let Some(doc) = app.document() else {
        frame.render_widget(block, area);
        render_empty(theme, frame, panes.reader_text());
        return;
    };
    let text_area = panes.reader_text();
    let height = usize::from(text_area.height);
    let top = app.reader_top();
    let block = block.title_bottom(
        Line::from(format!(" {}% ", percent_read(doc, top, height))).alignment(Alignment::Right),
    );
    frame.render_widget(block, area);

    render_text(app, frame, doc, text_area);

    if doc.len() > height {
        let mut state = ScrollbarState::new(doc.len().saturating_sub(height))
            .position(top)
            .viewport_content_length(height);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_style(theme.border)
            .thumb_style(theme.border(focused));
        frame.render_stateful_widget(bar, area.inner(Margin::new(0, 1)), &mut state);
    }
}

/// The full-screen view: the text alone, no border; the status line says
/// how much has been read.
pub fn render_full_screen(app: &App, frame: &mut Frame, panes: &Panes) {
    if let Some(doc) = app.document() {
        render_text(app, frame, doc, panes.reader_text());
    }
}

/// The lines of `doc` that fit in `area` from the reader's scroll position,
/// with the matches marked.
fn render_text(app: &App, frame: &mut Frame, doc: &Document, area: Rect) {
    let theme = app.theme();
    let top = app.reader_top();
    let marks = app.reader_marks();
    let visible: Vec<Line> = doc
        .lines
        .iter()
        .enumerate()
        .skip(top)
        .take(usize::from(area.height))
        .map(|(number, line)| {
            // Marks are in reading order: the ones on this line are a run.
            let first = marks.marks.partition_point(|m| m.line < number);
            let on_line = marks.marks[first..].iter().take_while(|m| m.line == number).enumerate();
            let matches = on_line.map(|(i, m)| {
                let current = marks.current == Some(first + i);
                (m.range.clone(), if current { theme.match_current } else { theme.match_highlight })
            });
            styled_line(theme, line, matches)
        })
        .collect();
    frame.render_widget(Paragraph::new(visible), area);
}

/// How much of the article has been on screen, as a whole percentage.
pub fn percent_read(doc: &Document, top: usize, height: usize) -> usize {
    if doc.len() <= height {
        return 100;
    }
    ((top + height) * 100 / doc.len()).min(100)
}

/// One line of the document: its kind's style, its inline styles (emphasis,
/// code, links) over that, and the search matches over both.
fn styled_line<'a>(
    theme: &Theme,
    line: &'a DocLine,
    matches: impl Iterator<Item = (Range<usize>, Style)>,
) -> Line<'a> {
    let base = if line.furniture {
        style_of(theme, line.kind).patch(theme.furniture)
    } else {
        style_of(theme, line.kind)
    };
    let inline = line.spans.iter().map(|span| (span.range.clone(), theme.inline(span.style)));
    let layers: Vec<(Range<usize>, Style)> = inline.chain(matches).collect();
    Line::from(styled_spans(&line.text, &layers, base))
}

fn style_of(theme: &Theme, kind: LineKind) -> Style {
    match kind {
        LineKind::Title => theme.article_title,
        LineKind::Meta => theme.meta,
        // The first level underlined, the deepest in italics: levels stay
        // apart without colour, with the marks `##` the layout draws.
        LineKind::Heading(1) => theme.article_heading.add_modifier(Modifier::UNDERLINED),
        LineKind::Heading(level) if level >= 4 => theme.article_heading.add_modifier(Modifier::ITALIC),
        LineKind::Heading(_) | LineKind::Term | LineKind::TableHeader => theme.article_heading,
        LineKind::Quote => theme.quote,
        LineKind::Code => theme.code,
        LineKind::Reference => theme.reference,
        LineKind::TableRule | LineKind::Rule => theme.dim,
        LineKind::Blank | LineKind::Body | LineKind::TableRow => Style::new(),
    }
}

fn render_empty(theme: &Theme, frame: &mut Frame, area: Rect) {
    let text = Line::styled("Nothing to read: no article matches the filter.", theme.dim);
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}
