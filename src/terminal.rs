//! The terminal session and the event loop. Raw mode and the alternate
//! screen are taken on the way in and always given back: on quit, on error
//! (the guard's `Drop`), on panic (the hook) and on SIGTERM, SIGHUP and
//! SIGINT (checked between events).

use std::io::{self, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use anyhow::{Context as _, Result};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};
use ratatui::crossterm::{cursor, execute};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

use crate::app::App;
use crate::keys::{self, Action};
use crate::ui;

/// How long the loop waits for input before it checks for signals again.
const SIGNAL_CHECK_INTERVAL: Duration = Duration::from_millis(100);

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// A signal asked folio to stop; the conventional exit code is 128 + it.
    Signal(i32),
}

/// Runs the interactive reader until the user quits or a signal arrives.
pub fn run(app: &mut App) -> Result<Exit> {
    // Handlers first: a signal during start-up must still find the terminal
    // restored by the guard below rather than kill the process mid-setup.
    let signals = Signals::register().context("cannot install signal handlers")?;
    let mut session = Session::enter().context("cannot set up the terminal")?;
    event_loop(&mut session.terminal, app, &signals)
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, signals: &Signals) -> Result<Exit> {
    let size = terminal.size()?;
    app.update(Action::Resize { width: size.width, height: size.height });
    let mut dirty = true;
    loop {
        if let Some(signal) = signals.caught() {
            return Ok(Exit::Signal(signal));
        }
        if app.should_quit() {
            return Ok(Exit::Quit);
        }
        if dirty {
            terminal.draw(|frame| ui::render(app, frame))?;
            dirty = false;
        }
        // After a hang-up, reading the terminal fails as the signal arrives:
        // the signal is the real reason to stop, so it wins over the error.
        let ready = event::poll(SIGNAL_CHECK_INTERVAL);
        let event = match ready {
            Ok(false) => continue,
            Ok(true) => event::read(),
            Err(err) => Err(err),
        };
        let event = match (event, signals.caught()) {
            (_, Some(signal)) => return Ok(Exit::Signal(signal)),
            (event, None) => event?,
        };
        let action = match event {
            Event::Key(key) => keys::action_for(app.focus(), app.mode(), key),
            Event::Resize(width, height) => Some(Action::Resize { width, height }),
            _ => None,
        };
        if let Some(action) = action {
            app.update(action);
            dirty = true;
        }
    }
}

/// Owns the terminal while folio runs; dropping it gives the terminal back,
/// whichever way the loop ended.
struct Session {
    terminal: DefaultTerminal,
}

impl Session {
    fn enter() -> io::Result<Session> {
        // ratatui's init installs a panic hook that restores the terminal
        // before the panic message is printed, so the message stays readable.
        match ratatui::try_init() {
            Ok(terminal) => Ok(Session { terminal }),
            Err(err) => {
                restore();
                Err(err)
            }
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// Leaves raw mode and the alternate screen and shows the cursor. Errors are
/// ignored: after a hang-up there is no terminal left to restore.
fn restore() {
    let _ = ratatui::try_restore();
    let _ = execute!(stdout(), cursor::Show);
}

/// Records the last terminating signal so the loop can exit cleanly.
struct Signals {
    caught: Arc<AtomicUsize>,
}

impl Signals {
    fn register() -> io::Result<Signals> {
        let caught = Arc::new(AtomicUsize::new(0));
        for signal in [SIGTERM, SIGHUP, SIGINT] {
            signal_hook::flag::register_usize(signal, Arc::clone(&caught), signal as usize)?;
        }
        Ok(Signals { caught })
    }

    fn caught(&self) -> Option<i32> {
        match self.caught.load(Ordering::Relaxed) {
            0 => None,
            signal => i32::try_from(signal).ok(),
        }
    }
}
