//! What folio writes to the terminal, counted under the real crossterm
//! backend: an unchanged frame sends (almost) nothing, and a small change
//! sends a small part of a frame. Over a slow link, this is the lag.

mod common;

use common::counter::Counter;
use common::{app, press};
use folio::app::App;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

/// Bytes sent to draw `app`, on a terminal that already shows the last frame.
fn sent(terminal: &mut Terminal<CrosstermBackend<Counter>>, counter: &Counter, app: &App) -> usize {
    let before = counter.total();
    terminal.draw(|frame| folio::ui::render(app, frame)).expect("draw");
    counter.total() - before
}

fn terminal(width: u16, height: u16) -> (Terminal<CrosstermBackend<Counter>>, Counter) {
    let counter = Counter::default();
    let backend = CrosstermBackend::new(counter.clone());
    let viewport = ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, width, height));
    let terminal = Terminal::with_options(backend, ratatui::TerminalOptions { viewport }).expect("terminal");
    (terminal, counter)
}

#[test]
fn an_unchanged_frame_sends_nothing_and_a_small_change_little() {
    let (mut terminal, counter) = terminal(80, 24);
    let mut app = app(80, 24);
    let first = sent(&mut terminal, &counter, &app);
    assert!(first > 1_000, "the first frame draws the screen: {first} bytes");
    let again = sent(&mut terminal, &counter, &app);
    assert!(again < 32, "nothing changed, so next to nothing is sent: {again} bytes");
    press(&mut app, "j");
    let moved = sent(&mut terminal, &counter, &app);
    assert!(moved < first / 2, "moving the selection re-sends only what changed: {moved} of {first} bytes");
}

#[test]
fn reading_on_full_screen_sends_a_line_not_a_screen() {
    let (mut terminal, counter) = terminal(80, 24);
    let mut app = app(80, 24);
    let mut painter = folio::painter::Painter::default();
    press(&mut app, "z");
    painter.draw(&mut terminal, &app).expect("draw");
    let mut total = 0;
    for _ in 0..20 {
        press(&mut app, "j");
        let before = counter.total();
        painter.draw(&mut terminal, &app).expect("draw");
        total += counter.total() - before;
    }
    // A redraw of the text would be some 2,400 bytes a line (see
    // BENCHMARKS.md); with the scroll region it is the new line and the
    // share read.
    assert!(total / 20 < 250, "a one-line scroll costs {} bytes on average", total / 20);
}
