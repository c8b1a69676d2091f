//! The terminal as folio holds it: raw mode and the alternate screen taken
//! on the way in and given back on every way out (the guard's `Drop`, the
//! panic hook, a signal, a suspend), and the few writes made between frames.

use std::io::{self, BufWriter, Stdout, Write as _, stdout};
use std::mem::ManuallyDrop;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context as _, Result};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use signal_hook::consts::SIGTSTP;

use crate::ansi16::Ansi16;

/// The terminal as folio draws on it. Standard output writes a kilobyte at
/// a time, so a frame went out in dozens of writes; through this buffer it
/// goes in one: over SSH, fewer packets, and a terminal is less likely to
/// show half a frame. On a 16-colour terminal the colours are rewritten on
/// their way into the buffer.
pub(super) type Screen = Terminal<CrosstermBackend<Ansi16<BufWriter<Stdout>>>>;

/// How the screen is drawn, decided once at start-up.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Setup {
    /// `--mouse`: the wheel scrolls, a click selects.
    pub mouse: bool,
    /// Plain mode (`--plain`, TERM=dumb): the normal screen, not the
    /// alternate one, so what was read stays in the scrollback.
    pub plain: bool,
    /// The terminal shows 16 colours: colours go out as SGR 30-37/90-97.
    pub sixteen_colours: bool,
}

/// Room for a full frame of a large window with colours, so that only the
/// flush at the end of a frame writes.
const FRAME_BUFFER_BYTES: usize = 1 << 18;

/// Owns the terminal while folio runs; dropping it gives the terminal back,
/// whichever way the loop ended.
pub(super) struct Session {
    /// Never dropped: ratatui's `Terminal` shows the cursor when dropped and
    /// prints to stderr if it cannot, and printing to a hung-up terminal
    /// panics. `restore` below does the same work, ignoring the errors.
    pub terminal: ManuallyDrop<Screen>,
}

impl Session {
    pub fn enter(setup: Setup) -> io::Result<Session> {
        PLAIN.store(setup.plain, Ordering::SeqCst);
        // The terminal is restored before a panic message is printed, so
        // the message stays readable.
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            hook(info);
        }));
        let taken = take().and_then(|()| {
            let buffered = BufWriter::with_capacity(FRAME_BUFFER_BYTES, stdout());
            Terminal::new(CrosstermBackend::new(Ansi16::when(setup.sixteen_colours, buffered)))
        });
        match taken {
            Ok(terminal) => Ok(Session { terminal: ManuallyDrop::new(terminal) }),
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

/// Whether another program (the pager, the editor) has the terminal.
pub(super) static HANDED_OFF: AtomicBool = AtomicBool::new(false);

/// Whether folio holds the terminal: raw mode and the alternate screen.
pub(super) static TAKEN: AtomicBool = AtomicBool::new(false);

/// Whether folio draws in plain mode, on the normal screen.
static PLAIN: AtomicBool = AtomicBool::new(false);

/// Raw mode and the alternate screen (in plain mode, the normal one), for folio.
pub(super) fn take() -> io::Result<()> {
    // Set first: a failure half-way still has something to undo.
    TAKEN.store(true, Ordering::SeqCst);
    enable_raw_mode()?;
    if PLAIN.load(Ordering::SeqCst) {
        // What the shell showed scrolls up into the scrollback, as output
        // does, and folio starts on a blank screen.
        let rows = ratatui::crossterm::terminal::size().map_or(24, |(_, rows)| rows);
        let mut out = stdout();
        out.write_all("\r\n".repeat(usize::from(rows)).as_bytes())?;
        return execute!(out, Clear(ClearType::All), cursor::MoveTo(0, 0));
    }
    execute!(stdout(), EnterAlternateScreen)
}

/// Leaves raw mode and the alternate screen and shows the cursor, once:
/// a panic restores in its hook and again as it unwinds, and leaving the
/// alternate screen a second time puts the cursor back where folio
/// started, so the shell wrote over the panic's message. Errors are
/// ignored: after a hang-up there is no terminal left to restore.
pub(super) fn restore() {
    if !TAKEN.swap(false, Ordering::SeqCst) {
        return;
    }
    // Harmless when it was never on; essential when it was, or the shell
    // gets mouse reports for typing.
    let _ = execute!(stdout(), DisableMouseCapture);
    if PLAIN.load(Ordering::SeqCst) {
        // The last screen stays, as a plain program's output does; the
        // shell's prompt comes on a line of its own under it.
        let _ = disable_raw_mode();
        let rows = ratatui::crossterm::terminal::size().map_or(1, |(_, rows)| rows);
        let _ = execute!(stdout(), cursor::MoveTo(0, rows.saturating_sub(1)), cursor::Show);
        let _ = writeln!(stdout());
        return;
    }
    let _ = ratatui::try_restore();
    let _ = execute!(stdout(), cursor::Show);
}

/// Ctrl-z: gives the terminal back to the shell and stops, as the shell
/// expects of a job; on `fg` (SIGCONT) takes the terminal again and has the
/// next frame drawn in full, as the shell has drawn over the screen.
pub(super) fn suspend(terminal: &mut Screen, mouse: bool) -> io::Result<()> {
    restore();
    // SIGTSTP's own action, which stops the process until SIGCONT.
    signal_hook::low_level::emulate_default_handler(SIGTSTP)?;
    retake(terminal, mouse)
}

/// Takes the terminal back after another program had it, and has the next
/// frame drawn in full.
/// The mouse goes back on when it was on before (`--mouse`).
pub(super) fn retake(terminal: &mut Screen, mouse: bool) -> io::Result<()> {
    take()?;
    if mouse {
        execute!(stdout(), EnableMouseCapture)?;
    }
    clear(terminal)
}

/// Writes an escape sequence straight to the terminal, between frames, so
/// it never lands in the middle of one.
pub(super) fn send_to_terminal(sequence: &str) -> Result<()> {
    let mut out = stdout();
    out.write_all(sequence.as_bytes()).and_then(|()| out.flush()).context("cannot write to the terminal")
}

/// Clears the screen and has the next frame drawn whole. Not ratatui's
/// `Terminal::clear`, which first asks the terminal where its cursor is
/// and fails (after two seconds) when the terminal does not answer, as
/// some do not: folio quit after `e` or Ctrl-z on such a terminal.
pub(super) fn clear<B: ratatui::backend::Backend>(terminal: &mut Terminal<B>) -> Result<(), B::Error> {
    let size = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::{Backend, ClearType, TestBackend, WindowSize};
    use ratatui::buffer::Cell;
    use ratatui::layout::{Position, Size};
    use ratatui::widgets::Paragraph;

    /// A terminal that never answers where its cursor is, as some do not.
    struct Mute(TestBackend);

    fn ok<T>(result: Result<T, std::convert::Infallible>) -> io::Result<T> {
        result.map_err(|never| match never {})
    }

    impl Backend for Mute {
        type Error = io::Error;
        fn draw<'a, I: Iterator<Item = (u16, u16, &'a Cell)>>(&mut self, content: I) -> io::Result<()> {
            ok(self.0.draw(content))
        }
        fn hide_cursor(&mut self) -> io::Result<()> {
            ok(self.0.hide_cursor())
        }
        fn show_cursor(&mut self) -> io::Result<()> {
            ok(self.0.show_cursor())
        }
        fn get_cursor_position(&mut self) -> io::Result<Position> {
            Err(io::Error::other("the cursor position could not be read within a normal duration"))
        }
        fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
            ok(self.0.set_cursor_position(position))
        }
        fn clear(&mut self) -> io::Result<()> {
            ok(self.0.clear())
        }
        fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
            ok(self.0.clear_region(clear_type))
        }
        fn size(&self) -> io::Result<Size> {
            ok(self.0.size())
        }
        fn window_size(&mut self) -> io::Result<WindowSize> {
            ok(self.0.window_size())
        }
        fn flush(&mut self) -> io::Result<()> {
            ok(Backend::flush(&mut self.0))
        }
        fn scroll_region_up(&mut self, region: std::ops::Range<u16>, amount: u16) -> io::Result<()> {
            ok(self.0.scroll_region_up(region, amount))
        }
        fn scroll_region_down(&mut self, region: std::ops::Range<u16>, amount: u16) -> io::Result<()> {
            ok(self.0.scroll_region_down(region, amount))
        }
    }

    #[test]
    fn the_screen_is_cleared_and_redrawn_without_asking_the_terminal_anything() {
        let mut terminal = Terminal::new(Mute(TestBackend::new(20, 3))).expect("terminal");
        let draw = |terminal: &mut Terminal<Mute>| {
            terminal.draw(|f| f.render_widget(Paragraph::new("folio"), f.area())).map(|_| ())
        };
        draw(&mut terminal).expect("drawn");
        assert!(terminal.clear().is_err(), "ratatui's clear asks, and fails");
        clear(&mut terminal).expect("cleared without asking");
        assert_eq!(terminal.backend().0.buffer()[(0, 0)].symbol(), " ", "the screen is blank");
        draw(&mut terminal).expect("drawn");
        assert_eq!(terminal.backend().0.buffer()[(0, 0)].symbol(), "f", "and drawn whole again");
    }
}
