//! Signals: SIGTERM, SIGHUP and SIGINT end folio through the loop (or, if
//! the loop is stuck in work, after a deadline without it); SIGTSTP and
//! SIGCONT suspend and resume it as Ctrl-z does.

use std::io::{self, Write as _};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender};
use std::thread;
use std::time::Duration;

use anyhow::{Context as _, Result};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

use super::session::{HANDED_OFF, TAKEN, restore};
use super::{Exit, Message};

/// How long a failed terminal read waits for the signal that explains it.
const SIGNAL_GRACE: Duration = Duration::from_millis(200);

/// How long the loop has to take a terminating signal before folio gives
/// the terminal back and exits without it (and without saving where the
/// reader was): no work on the loop's thread, however long, keeps a SIGTERM
/// or a hang-up waiting. Before this a 50 MB article still held one off 14
/// minutes later.
const SIGNAL_DEADLINE: Duration = Duration::from_secs(2);

/// Set once the loop has taken a terminating signal and is ending on it.
static SIGNAL_TAKEN: AtomicBool = AtomicBool::new(false);

/// After a hang-up, reading the terminal fails just as SIGHUP arrives: the
/// signal is the real reason to stop, so it wins over the error if it comes
/// within a moment.
pub(super) fn signal_behind(err: io::Error, inbox: &Receiver<Message>) -> Result<Exit> {
    while let Ok(message) = inbox.recv_timeout(SIGNAL_GRACE) {
        if let Message::Signal(signal) = message {
            return Ok(took_signal(signal));
        }
    }
    Err(err).context("cannot read the terminal")
}

pub(super) fn took_signal(signal: i32) -> Exit {
    SIGNAL_TAKEN.store(true, Ordering::SeqCst);
    Exit::Signal(signal)
}

/// Forwards terminating signals, and those that stop and continue folio,
/// to the loop until dropped. If the loop has not taken a terminating one
/// by `SIGNAL_DEADLINE` while folio holds the terminal, gives the terminal
/// back and exits. (While an editor or pager has the terminal, the loop
/// waits for it, and takes the signal when it ends.)
pub(super) struct SignalThread {
    handle: signal_hook::iterator::Handle,
}

impl SignalThread {
    pub fn spawn(sender: Sender<Message>) -> io::Result<SignalThread> {
        let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGTSTP, SIGCONT])?;
        let handle = signals.handle();
        thread::Builder::new().name("folio-signals".into()).spawn(move || {
            for signal in signals.forever() {
                let message = match signal {
                    // A pager stopped with Ctrl-z stops its whole job, folio
                    // with it, as it would without the handler: the terminal
                    // is the pager's, and folio has nothing to give back.
                    SIGTSTP if HANDED_OFF.load(Ordering::SeqCst) => {
                        let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
                        continue;
                    }
                    SIGTSTP => Message::Stop,
                    SIGCONT => Message::Continued,
                    signal => Message::Signal(signal),
                };
                let terminating = matches!(message, Message::Signal(_));
                if sender.send(message).is_err() {
                    break;
                }
                if terminating {
                    // Its own thread, so a stop or continue still gets through.
                    thread::spawn(move || stop_unless_taken(signal));
                }
            }
        })?;
        Ok(SignalThread { handle })
    }
}

/// Gives the terminal back and exits if, `SIGNAL_DEADLINE` after `signal`
/// came, the loop has not taken it and folio still holds the terminal.
fn stop_unless_taken(signal: i32) {
    thread::sleep(SIGNAL_DEADLINE);
    if !SIGNAL_TAKEN.load(Ordering::SeqCst) && TAKEN.load(Ordering::SeqCst) {
        restore();
        // After a hang-up there may be nowhere to say it.
        let _ = writeln!(io::stderr(), "folio: stopped by signal {signal} while busy; nothing saved");
        std::process::exit(128 + signal);
    }
}

impl Drop for SignalThread {
    fn drop(&mut self) {
        self.handle.close();
    }
}
