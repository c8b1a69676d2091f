//! The frame painter: draws each frame through ratatui, and scrolls the
//! full-screen view as `less` does: the terminal moves the
//! rows of text itself (a scroll region), ratatui's idea of the screen is
//! shifted to match, and the next frame sends only the lines that are new.
//! Over a slow link a one-line scroll then costs a line, not a screen.

use std::ops::Range;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell};
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::ui;

/// A cell symbol no frame ever holds, so the next frame differs from it.
const UNKNOWN: &str = "\u{fffe}";

/// Draws frames, remembering the last one, so that reading on in the
/// full-screen view scrolls the terminal instead of redrawing the text.
#[derive(Debug, Default)]
pub struct Painter {
    /// The frame on screen, and where the full-screen text stood in it.
    last: Option<Buffer>,
    shown: Option<Reading>,
}

impl Painter {
    /// Draws `app`, sending only what changed.
    pub fn draw<B: Backend>(&mut self, terminal: &mut Terminal<B>, app: &App) -> Result<(), B::Error> {
        let now = Reading::of(app);
        if let (Some(before), Some(now), Some(last)) = (&self.shown, &now, &self.last)
            && let Some(lines) = before.scrolled_to(now)
            && last.area == terminal.get_frame().area()
        {
            let incoming = now.incoming(app, lines);
            shift_screen(terminal, last, now.rows.clone(), now.left, &incoming, lines)?;
        }
        let frame = terminal.draw(|frame| ui::render(app, frame))?;
        // Only the full-screen view scrolls what is on screen; a copy of
        // every other frame would be a copy for nothing.
        self.last = now.is_some().then(|| frame.buffer.clone());
        self.shown = now;
        Ok(())
    }

    /// Forgets the screen, when another program has drawn over it.
    pub fn forget(&mut self) {
        self.last = None;
    }
}

/// Where the text of the full-screen view stands: which document, its top
/// line, and the screen rows it fills.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Reading {
    article: usize,
    width: u16,
    top: usize,
    rows: std::ops::Range<u16>,
    left: u16,
}

impl Reading {
    fn of(app: &App) -> Option<Reading> {
        let panes = app.panes().filter(|p| p.full)?;
        let doc = app.document()?;
        let text = panes.reader_text();
        Some(Reading {
            article: doc.article,
            width: doc.width,
            top: app.reader_top(),
            rows: text.top()..text.bottom(),
            left: text.left(),
        })
    }

    /// The widths of the lines a scroll by `lines` brings onto the screen,
    /// top to bottom.
    fn incoming(&self, app: &App, lines: i32) -> Vec<u16> {
        let Some(doc) = app.document() else { return Vec::new() };
        let height = usize::from(self.rows.end - self.rows.start);
        let count = usize::try_from(lines.unsigned_abs()).unwrap_or(0);
        let first = if lines > 0 { self.top + height.saturating_sub(count) } else { self.top };
        (first..first + count)
            .map(|n| doc.lines.get(n).map_or(0, |l| u16::try_from(l.text.width()).unwrap_or(u16::MAX)))
            .collect()
    }

    /// By how many lines the same text moved up (or down), when it moved by
    /// less than a screen.
    fn scrolled_to(&self, now: &Reading) -> Option<i32> {
        let same = self.article == now.article && self.width == now.width && self.rows == now.rows;
        let lines = i32::try_from(now.top).ok()? - i32::try_from(self.top).ok()?;
        let height = i32::from(now.rows.end - now.rows.start);
        (same && lines != 0 && lines.abs() < height).then_some(lines)
    }
}

/// Moves the rows `region` of the screen by `lines` (positive: the text
/// goes up, as when reading on), both on the terminal and in the frame
/// ratatui will compare the next one with. `last` is the frame on screen;
/// the text starts at column `left`, and `incoming` are the widths of the
/// lines the scroll brings in, top to bottom.
pub fn shift_screen<B: Backend>(
    terminal: &mut Terminal<B>,
    last: &Buffer,
    region: Range<u16>,
    left: u16,
    incoming: &[u16],
    lines: i32,
) -> Result<(), B::Error> {
    let amount = u16::try_from(lines.unsigned_abs()).unwrap_or(u16::MAX);
    if lines > 0 {
        terminal.backend_mut().scroll_region_up(region.clone(), amount)?;
    } else {
        terminal.backend_mut().scroll_region_down(region.clone(), amount)?;
    }
    // The next frame is diffed against the previous buffer: make that the
    // shifted screen, by putting it in as the current buffer and swapping.
    *terminal.current_buffer_mut() = shifted(last, region, left, incoming, lines);
    terminal.swap_buffers();
    Ok(())
}

/// `buffer` with the rows of `region` moved by `lines`, and blank rows
/// where the terminal brings in blank ones, except that where an incoming
/// line's text will stand the cells are marked unknown. Then the next frame
/// sends each new line whole, spaces and all, rather than a cursor move per
/// word (its spaces would match the blank row and be skipped): fewer bytes.
fn shifted(buffer: &Buffer, region: Range<u16>, left: u16, incoming: &[u16], lines: i32) -> Buffer {
    let mut unknown = Cell::EMPTY;
    unknown.set_symbol(UNKNOWN);
    let mut out = buffer.clone();
    let area = buffer.area;
    let mut brought_in = incoming.iter();
    for y in region.clone() {
        let from = i32::from(y) + lines;
        let inside = from >= i32::from(region.start) && from < i32::from(region.end);
        let text = if inside { 0 } else { brought_in.next().copied().unwrap_or(0) };
        for x in area.left()..area.right() {
            out[(x, y)] = match u16::try_from(from) {
                Ok(from) if inside => buffer[(x, from)].clone(),
                _ if (left..left.saturating_add(text)).contains(&x) => unknown.clone(),
                _ => Cell::EMPTY,
            };
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::TestBackend;
    use ratatui::layout::Rect;
    use ratatui::widgets::Paragraph;

    fn draw(terminal: &mut Terminal<TestBackend>, from: usize) -> Buffer {
        let lines: Vec<String> = (from..from + 10).map(|n| format!("line {n}")).collect();
        let frame = terminal
            .draw(|f| {
                f.render_widget(Paragraph::new(lines.join("\n")), Rect::new(0, 0, 20, 8));
                f.render_widget(Paragraph::new(format!("status {from}")), Rect::new(0, 9, 20, 1));
            })
            .expect("draw");
        frame.buffer.clone()
    }

    #[test]
    fn a_shifted_screen_then_a_frame_shows_what_a_full_redraw_shows() {
        for lines in [1i32, 3, -1, -2] {
            let mut scrolled = Terminal::new(TestBackend::new(20, 10)).expect("terminal");
            let last = draw(&mut scrolled, 5);
            let incoming = vec![7; usize::try_from(lines.unsigned_abs()).expect("small")];
            shift_screen(&mut scrolled, &last, 0..8, 0, &incoming, lines).expect("shift");
            let start = usize::try_from(5 + lines).expect("positive");
            draw(&mut scrolled, start);
            let mut fresh = Terminal::new(TestBackend::new(20, 10)).expect("terminal");
            draw(&mut fresh, start);
            assert_eq!(scrolled.backend().buffer(), fresh.backend().buffer(), "scrolling by {lines}");
        }
    }
}
