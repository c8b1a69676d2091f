//! The input thread: reads keys, mouse and resizes from the terminal and
//! sends them to the loop, holds off while another program has the
//! keyboard, and notices a terminal that hung up.

use std::io::{self, IsTerminal as _};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

use ratatui::crossterm::event::{self, Event};

use super::Message;

/// How often the input thread looks up from waiting to see if it should stop.
const INPUT_CHECK_INTERVAL: Duration = Duration::from_millis(100);
/// How often the terminal is looked at for a hang-up (see `InputThread`).
const HANGUP_CHECK_INTERVAL: Duration = Duration::from_millis(250);

/// How often a held input thread looks whether it may read again.
const HOLD_CHECK_INTERVAL: Duration = Duration::from_millis(10);

/// Reads the terminal on its own thread, so the loop can also wait for
/// search results. Told to stop when dropped, before the terminal is given
/// back, so it does not read keys meant for the shell.
///
/// It is not joined: after a hang-up the terminal reads end-of-file
/// forever and crossterm keeps retrying inside `read`, so the thread may
/// never come back. The process exits without it.
pub(super) struct InputThread {
    stop: Arc<AtomicBool>,
    /// Asked to stop reading for a while (another program has the keyboard)...
    hold: Arc<AtomicBool>,
    /// ...and its answer that it has.
    held: Arc<AtomicBool>,
}

impl InputThread {
    pub fn spawn(sender: Sender<Message>) -> io::Result<InputThread> {
        let stop = Arc::new(AtomicBool::new(false));
        let hold = Arc::new(AtomicBool::new(false));
        let held = Arc::new(AtomicBool::new(false));
        let (stopping, holding, holding_now) = (Arc::clone(&stop), Arc::clone(&hold), Arc::clone(&held));
        let hung_up = sender.clone();
        thread::Builder::new().name("folio-input".into()).spawn(move || {
            let mut size = ratatui::crossterm::terminal::size().ok();
            while !stopping.load(Ordering::Relaxed) {
                if holding.load(Ordering::SeqCst) {
                    holding_now.store(true, Ordering::SeqCst);
                    thread::sleep(HOLD_CHECK_INTERVAL);
                    continue;
                }
                holding_now.store(false, Ordering::SeqCst);
                let event = match event::poll(INPUT_CHECK_INTERVAL) {
                    Ok(false) => match ratatui::crossterm::terminal::size() {
                        // Under a burst of resizes a SIGWINCH can be missed,
                        // or its event carry a size already gone: folio then
                        // drew for a window it no longer had until the next
                        // resize. The size is checked whenever input is
                        // quiet, and a change is a resize.
                        Ok(now) if Some(now) != size => Ok(Event::Resize(now.0, now.1)),
                        _ => continue,
                    },
                    Ok(true) => event::read(),
                    Err(err) => Err(err),
                };
                if let Ok(Event::Resize(width, height)) = &event {
                    size = Some((*width, *height));
                }
                let failed = event.is_err();
                if sender.send(Message::Input(event)).is_err() || failed {
                    break;
                }
            }
            // A thread that reads no more is as good as held.
            holding_now.store(true, Ordering::SeqCst);
        })?;
        // A hung-up terminal reads end-of-file for ever, and crossterm's
        // `poll` (0.29, `event/source/unix/mio.rs`) reads it again in a loop
        // that never returns, so the thread above cannot notice. SIGHUP
        // usually ends folio first, but not when the session's leader
        // ignores it and stays: then only the terminal says so, by being
        // no terminal any more.
        let watching = Arc::clone(&stop);
        thread::Builder::new().name("folio-hangup".into()).spawn(move || {
            while !watching.load(Ordering::Relaxed) {
                thread::sleep(HANGUP_CHECK_INTERVAL);
                if !io::stdin().is_terminal() {
                    let _ = hung_up.send(Message::Input(Err(io::Error::other("the terminal hung up"))));
                    break;
                }
            }
        })?;
        Ok(InputThread { stop, hold, held })
    }

    /// Stops reading keys until `resume`, and returns once the thread has
    /// stopped (it finishes a wait of at most `INPUT_CHECK_INTERVAL` first).
    pub fn hold(&self) {
        self.hold.store(true, Ordering::SeqCst);
        while !self.held.load(Ordering::SeqCst) {
            thread::sleep(HOLD_CHECK_INTERVAL);
        }
    }

    pub fn resume(&self) {
        self.hold.store(false, Ordering::SeqCst);
    }
}

impl Drop for InputThread {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}
