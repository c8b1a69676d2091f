//! Bytes folio writes to the terminal per action, through the real
//! crossterm backend: the first frame, a one-line scroll, a page, moving
//! the list's selection, one filter keystroke, and a one-line scroll in the
//! full-screen view; at 80x24 and 200x50. `cargo bench --bench bytes`.
//! `scripts/bytes-vs-less` measures `less` on the same article.

#[path = "../tests/common/counter.rs"]
mod counter;

use counter::Counter;
use std::sync::Arc;

use folio::app::{App, Effect};
use folio::corpus::load_bundled;
use folio::keys::Action;
use folio::painter::Painter;
use folio::search::{Searcher, worker};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

struct Screen {
    app: App,
    terminal: Terminal<CrosstermBackend<Counter>>,
    counter: Counter,
    painter: Painter,
}

impl Screen {
    fn new(width: u16, height: u16) -> Screen {
        let loaded = load_bundled();
        let mut app = App::new(loaded.corpus, &[]);
        app.update(Action::Resize { width, height });
        let counter = Counter::default();
        let viewport = ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, width, height));
        let terminal = Terminal::with_options(
            CrosstermBackend::new(counter.clone()),
            ratatui::TerminalOptions { viewport },
        )
        .expect("a terminal over a counter");
        Screen { app, terminal, counter, painter: Painter::default() }
    }

    /// Runs the searches the app asked for on this thread, as the worker
    /// would, so a filter keystroke's frame shows its results.
    fn run_searches(&mut self) {
        for effect in self.app.drain_effects() {
            if let Effect::Search(request) = effect {
                let mut searcher = Searcher::new(Arc::clone(self.app.corpus()));
                self.app.update(Action::ShowResults(worker::run_now(&mut searcher, &request)));
            }
        }
    }

    /// Presses `keys` (characters, or `\n` for Enter) and returns the bytes
    /// the next frame costs.
    fn press(&mut self, keys: &str) -> usize {
        for c in keys.chars() {
            let code = if c == '\n' { KeyCode::Enter } else { KeyCode::Char(c) };
            let event = KeyEvent::new(code, KeyModifiers::NONE);
            self.app.handle_key(event);
            self.run_searches();
        }
        let before = self.counter.total();
        self.painter.draw(&mut self.terminal, &self.app).expect("draw");
        self.counter.total() - before
    }
}

fn main() {
    println!(
        "{:<10} {:>12} {:>10} {:>8} {:>12} {:>12} {:>18}",
        "size", "first frame", "line", "page", "selection", "filter key", "full-screen line"
    );
    for (width, height) in [(80, 24), (200, 50)] {
        let mut screen = Screen::new(width, height);
        let first = screen.press("");
        let selection = screen.press("j");
        screen.press("k\n");
        let line = screen.press("j");
        let page = screen.press(" ");
        screen.press("h");
        let filter = {
            screen.press("/");
            screen.press("u")
        };
        screen.press("\u{1b}");
        let mut full = Screen::new(width, height);
        full.press("z");
        let full_line = full.press("j");
        println!(
            "{:<10} {first:>12} {line:>10} {page:>8} {selection:>12} {filter:>12} {full_line:>18}",
            format!("{width}x{height}")
        );
    }
}
