//! The reading pane: the open article's title, metadata and wrapped body,
//! scrolled to the saved position, with a scrollbar and the share read.
//! Only the visible slice of the pre-wrapped document is drawn.

use ratatui::Frame;
use ratatui::layout::{Alignment, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, Wrap};

use super::{layout::Panes, theme};
use crate::app::{App, Focus};
use crate::document::{DocLine, Document, LineKind};

pub fn render(app: &App, frame: &mut Frame, panes: &Panes) {
    let area = panes.reader;
    let focused = app.focus() == Focus::Reader;
    let block = Block::bordered()
        .border_style(theme::border(focused))
        .title(Span::styled(" Reader ", theme::PANE_TITLE));

    let Some(doc) = app.document() else {
        frame.render_widget(block, area);
        render_empty(frame, panes.reader_text());
        return;
    };
    let text_area = panes.reader_text();
    let height = usize::from(text_area.height);
    let top = app.reader_top();
    let block = block.title_bottom(
        Line::from(format!(" {}% ", percent_read(doc, top, height))).alignment(Alignment::Right),
    );
    frame.render_widget(block, area);

    let visible: Vec<Line> = doc.lines.iter().skip(top).take(height).map(styled_line).collect();
    frame.render_widget(Paragraph::new(visible), text_area);

    if doc.len() > height {
        let mut state = ScrollbarState::new(doc.len().saturating_sub(height))
            .position(top)
            .viewport_content_length(height);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_style(theme::BORDER)
            .thumb_style(theme::border(focused));
        frame.render_stateful_widget(bar, area.inner(Margin::new(0, 1)), &mut state);
    }
}

/// How much of the article has been on screen, as a whole percentage.
pub fn percent_read(doc: &Document, top: usize, height: usize) -> usize {
    if doc.len() <= height {
        return 100;
    }
    ((top + height) * 100 / doc.len()).min(100)
}

/// One line of the document, its inline styles laid over its kind's.
fn styled_line(line: &DocLine) -> Line<'_> {
    let base = if line.furniture { style_of(line.kind).patch(theme::FURNITURE) } else { style_of(line.kind) };
    let mut spans = Vec::with_capacity(line.spans.len() * 2 + 1);
    let mut at = 0;
    for span in &line.spans {
        let Some(styled) = line.text.get(span.range.clone()) else { continue };
        if let Some(plain) = line.text.get(at..span.range.start).filter(|p| !p.is_empty()) {
            spans.push(Span::raw(plain));
        }
        spans.push(Span::styled(styled, theme::inline(span.style)));
        at = span.range.end;
    }
    if let Some(rest) = line.text.get(at..).filter(|r| !r.is_empty()) {
        spans.push(Span::raw(rest));
    }
    Line::from(spans).style(base)
}

fn style_of(kind: LineKind) -> Style {
    match kind {
        LineKind::Title => theme::ARTICLE_TITLE,
        LineKind::Meta => theme::META,
        LineKind::Heading => theme::ARTICLE_HEADING,
        LineKind::Quote => theme::QUOTE,
        LineKind::Code => theme::CODE,
        LineKind::Reference => theme::REFERENCE,
        LineKind::Blank | LineKind::Body => Style::new(),
    }
}

fn render_empty(frame: &mut Frame, area: Rect) {
    let text = Line::styled("Nothing to read: no article matches the filter.", theme::DIM);
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}
