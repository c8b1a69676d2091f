//! The terminal session and the event loop. Raw mode and the alternate
//! screen are taken on the way in and always given back: on quit, on error
//! (the guard's `Drop`), on panic (the hook), on SIGTERM, SIGHUP and
//! SIGINT, and for as long as Ctrl-z suspends folio. Keys, resizes, search
//! results, articles from a load streaming in and signals all arrive as
//! messages on one channel, so the loop sleeps until something happens.
//!
//! Its parts: `session` (taking and giving back the terminal), `input`
//! (the thread reading keys), `signals`, `load` (a load streaming in) and
//! `handoff` (the pager, editor or browser); this file holds the loop and
//! the one place where `App`'s effects are run.

mod handoff;
mod input;
mod load;
mod session;
mod signals;

use std::io::{self, stdout};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};

use anyhow::{Context as _, Result};
use ratatui::crossterm::event::{EnableMouseCapture, Event};
use ratatui::crossterm::execute;

use crate::app::{App, Effect};
use crate::corpus::Batch;
use crate::keys::Action;
use crate::painter::Painter;
use crate::search::worker::{Results, Worker};

use input::InputThread;
pub use load::Loader;
pub use session::Setup;
use session::{Screen, Session, clear, retake, send_to_terminal, suspend};
use signals::{SignalThread, signal_behind, took_signal};

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// A signal asked folio to stop; the conventional exit code is 128 + it.
    Signal(i32),
}

/// Everything the loop waits for.
enum Message {
    Input(io::Result<Event>),
    Results(Results),
    Loaded(Batch),
    Signal(i32),
    /// SIGTSTP from outside (`kill -TSTP`; Ctrl-z itself arrives as a key
    /// in raw mode): suspend as Ctrl-z does.
    Stop,
    /// SIGCONT: folio was stopped by something it could not catch
    /// (SIGSTOP), and the shell may have reset the terminal meanwhile.
    Continued,
}

/// Runs the interactive reader until the user quits or a signal arrives,
/// with `load` (if any) streaming articles in meanwhile. `on_exit` runs as
/// soon as the loop ends, before the terminal is given back: after a
/// hang-up, what comes after may not get to run.
pub fn run(app: &mut App, setup: Setup, load: Option<Loader>, on_exit: impl FnOnce(&App)) -> Result<Exit> {
    let mouse = setup.mouse;
    let (sender, inbox) = mpsc::channel();
    // Signals first: one during start-up must still find the terminal
    // restored by the guard below rather than kill the process mid-setup.
    let _signals = SignalThread::spawn(sender.clone()).context("cannot install signal handlers")?;
    let results = sender.clone();
    let worker = Worker::spawn(Arc::clone(app.corpus()), move |found| {
        // A closed channel means the loop has ended; nothing is waiting.
        let _ = results.send(Message::Results(found));
    })
    .context("cannot start the search thread")?;
    let mut session = Session::enter(setup).context("cannot set up the terminal")?;
    if mouse {
        execute!(stdout(), EnableMouseCapture).context("cannot turn the mouse on")?;
    }
    if let Some(load) = load {
        load::spawn(load, sender.clone(), worker.feeder())?;
    }
    let input = InputThread::spawn(sender).context("cannot start reading keys")?;
    let mut driver = Driver {
        terminal: &mut session.terminal,
        worker: &worker,
        input: &input,
        painter: Painter::default(),
        mouse,
    };
    let outcome = driver.event_loop(app, &inbox);
    on_exit(app);
    outcome
}

/// What the loop drives besides the app: the terminal it draws on, the
/// search thread, the input thread, and whether the mouse is on.
struct Driver<'a> {
    terminal: &'a mut Screen,
    worker: &'a Worker,
    input: &'a InputThread,
    painter: Painter,
    mouse: bool,
}

/// What one message asks of the loop beyond the app's own effects.
enum Next {
    Go,
    /// Draw the next frame whole, on a cleared screen.
    Redraw,
    End(Exit),
}

impl Driver<'_> {
    fn event_loop(&mut self, app: &mut App, inbox: &Receiver<Message>) -> Result<Exit> {
        self.resize(app)?;
        // A query restored from the last run is searched before any key.
        self.run_effects(app)?;
        loop {
            self.painter.draw(self.terminal, app)?;
            #[cfg(debug_assertions)]
            busy_if_asked();
            let mut redraw = false;
            // Wait for one message, then take whatever else has queued up, so a
            // burst of keys (a paste, key repeat over a slow link) costs a frame.
            let first = inbox.recv().context("all event sources stopped")?;
            for message in std::iter::once(first).chain(inbox.try_iter()) {
                match self.take(app, message, inbox)? {
                    Next::End(exit) => return Ok(exit),
                    Next::Redraw => redraw = true,
                    Next::Go => {}
                }
                redraw |= self.run_effects(app)?;
                if app.should_quit() {
                    return Ok(Exit::Quit);
                }
            }
            if redraw {
                self.painter.forget();
                clear(self.terminal)?;
                // The window may have changed size while folio was stopped.
                self.resize(app)?;
            }
        }
    }

    /// One message: the app's input, or the terminal's business.
    fn take(&mut self, app: &mut App, message: Message, inbox: &Receiver<Message>) -> Result<Next> {
        match message {
            Message::Signal(signal) => return Ok(Next::End(took_signal(signal))),
            Message::Stop => {
                suspend(self.terminal, self.mouse).context("cannot suspend")?;
                return Ok(Next::Redraw);
            }
            Message::Continued => {
                retake(self.terminal, self.mouse).context("cannot take the terminal back")?;
                return Ok(Next::Redraw);
            }
            Message::Input(Err(err)) => return signal_behind(err, inbox).map(Next::End),
            Message::Input(Ok(Event::Key(key))) => {
                #[cfg(debug_assertions)]
                panic_if_asked();
                app.handle_key(key);
            }
            Message::Input(Ok(Event::Resize(width, height))) => {
                app.update(Action::Resize { width, height });
                // A resize may land between a scroll of the screen and
                // the frame that follows it: the next frame is drawn
                // whole on a cleared screen, not as a difference.
                return Ok(Next::Redraw);
            }
            Message::Input(Ok(Event::Mouse(mouse))) => app.handle_mouse(mouse),
            Message::Input(Ok(_)) => {}
            Message::Results(results) => app.update(Action::ShowResults(results)),
            Message::Loaded(batch) => app.update(Action::Loaded(batch)),
        }
        Ok(Next::Go)
    }

    /// Runs what the app asked for since the last time, in the order it
    /// asked: the one place effects leave `App`. Says whether the screen
    /// must be redrawn whole (folio was suspended).
    fn run_effects(&mut self, app: &mut App) -> Result<bool> {
        let mut redraw = false;
        for effect in app.drain_effects() {
            match effect {
                Effect::Grown(corpus) => self.worker.grow(corpus),
                Effect::Search(request) => self.worker.submit(request),
                Effect::Copy(copy) => send_to_terminal(&copy.sequence())?,
                Effect::HandOff(handoff) => {
                    let report = handoff::hand_off(self.terminal, self.input, &handoff, self.mouse)
                        .context("cannot hand the article over")?;
                    // The screen was another program's: nothing on it can be reused.
                    self.painter.forget();
                    app.update(Action::Report(report));
                }
                Effect::Suspend => {
                    suspend(self.terminal, self.mouse).context("cannot suspend")?;
                    redraw = true;
                }
            }
        }
        Ok(redraw)
    }

    /// Tells the app the terminal's size as it is now.
    fn resize(&mut self, app: &mut App) -> Result<()> {
        let size = self.terminal.size()?;
        app.update(Action::Resize { width: size.width, height: size.height });
        Ok(())
    }
}

/// A debug build panics at a key press when `FOLIO_TEST_PANIC` is set:
/// the tests' way to see a panic give the terminal back.
#[cfg(debug_assertions)]
fn panic_if_asked() {
    if std::env::var_os("FOLIO_TEST_PANIC").is_some() {
        panic!("FOLIO_TEST_PANIC is set: a panic, as asked");
    }
}

/// A debug build stays busy for a minute after each frame when
/// `FOLIO_TEST_BUSY` is set: the tests' way to send a signal while the loop
/// is certainly stuck in work.
#[cfg(debug_assertions)]
fn busy_if_asked() {
    if std::env::var_os("FOLIO_TEST_BUSY").is_some() {
        std::thread::sleep(std::time::Duration::from_secs(60));
    }
}
