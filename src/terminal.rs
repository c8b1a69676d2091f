//! The terminal session and the event loop. Raw mode and the alternate
//! screen are taken on the way in and always given back: on quit, on error
//! (the guard's `Drop`), on panic (the hook), on SIGTERM, SIGHUP and
//! SIGINT, and for as long as Ctrl-z suspends folio. Keys, resizes, search
//! results, articles from a load streaming in and signals all arrive as
//! messages on one channel, so the loop sleeps until something happens.

use std::io::{self, BufWriter, IsTerminal as _, Stdout, Write as _, stdout};
use std::mem::ManuallyDrop;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Duration;

use anyhow::{Context as _, Result};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use ratatui::crossterm::{cursor, execute};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

use crate::app::{App, Effect, Handoff};
use crate::clipboard::{Copy, Route};
use crate::corpus::Batch;
use crate::keys::Action;
use crate::library::Sink;
use crate::scroll::Painter;
use crate::search::Index;
use crate::search::worker::{Feeder, IndexedTask, Results, Worker};

/// The terminal as folio draws on it. Standard output writes a kilobyte at
/// a time, so a frame went out in dozens of writes; through this buffer it
/// goes in one: over SSH, fewer packets, and a terminal is less likely to
/// show half a frame.
type Screen = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// Room for a full frame of a large window with colours, so that only the
/// flush at the end of a frame writes.
const FRAME_BUFFER_BYTES: usize = 1 << 18;

/// How often the input thread looks up from waiting to see if it should stop.
const INPUT_CHECK_INTERVAL: Duration = Duration::from_millis(100);
/// How often the terminal is looked at for a hang-up (see `InputThread`).
const HANGUP_CHECK_INTERVAL: Duration = Duration::from_millis(250);

/// How often a held input thread looks whether it may read again.
const HOLD_CHECK_INTERVAL: Duration = Duration::from_millis(10);

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

/// A load to stream in while the reader runs, called on a thread of its
/// own: batches go to the event loop, an index read from the cache and
/// work for once everything is indexed go to the search thread.
pub type Loader = Box<dyn FnOnce(&mut dyn Sink) + Send>;

/// Where the load thread hands what it finds.
struct LoadSink {
    loop_inbox: Sender<Message>,
    search: Feeder,
    /// Articles handed over so far, and before the last batch.
    delivered: usize,
    delivered_before: usize,
}

/// The longest a batch waits for the ones before it to be indexed: the
/// search thread may be busy with a long search, or indexing the raw view.
const INDEX_WAIT_LIMIT: Duration = Duration::from_secs(1);

impl Sink for LoadSink {
    fn batch(&mut self, batch: Batch) -> bool {
        // Parsing and indexing share the cores. Left alone, parsing raced
        // ahead and the index fell half a corpus behind: the list was full
        // seconds before a search covered it. A batch now waits until all
        // but the last one handed over are indexed: the index is never more
        // than two batches behind, and the load ends searchable. (Waiting
        // for the last one too left a core idle while it was indexed.)
        self.search.wait_until_indexed(self.delivered_before, INDEX_WAIT_LIMIT);
        self.delivered_before = self.delivered;
        self.delivered += batch.articles.len();
        // A closed channel means the loop has ended: the load stops.
        self.loop_inbox.send(Message::Loaded(batch)).is_ok()
    }

    fn index(&mut self, index: Index) {
        self.search.adopt(index);
    }

    fn when_indexed(&mut self, articles: usize, task: IndexedTask) {
        self.search.when_indexed(articles, task);
    }
}

/// Runs the interactive reader until the user quits or a signal arrives,
/// with `load` (if any) streaming articles in meanwhile. `on_exit` runs as
/// soon as the loop ends, before the terminal is given back: after a
/// hang-up, what comes after may not get to run.
pub fn run(app: &mut App, mouse: bool, load: Option<Loader>, on_exit: impl FnOnce(&App)) -> Result<Exit> {
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
    let mut session = Session::enter().context("cannot set up the terminal")?;
    if mouse {
        execute!(stdout(), EnableMouseCapture).context("cannot turn the mouse on")?;
    }
    if let Some(load) = load {
        let mut sink = LoadSink {
            loop_inbox: sender.clone(),
            search: worker.feeder(),
            delivered: 0,
            delivered_before: 0,
        };
        // Not joined: when folio quits, the next batch finds nobody waiting
        // and the load stops there.
        thread::Builder::new()
            .name("folio-load".into())
            .spawn(move || load(&mut sink))
            .context("cannot start loading")?;
    }
    let input = InputThread::spawn(sender).context("cannot start reading keys")?;
    let outcome = event_loop(&mut session.terminal, app, &inbox, &worker, &input, mouse);
    on_exit(app);
    outcome
}

fn event_loop(
    terminal: &mut Screen,
    app: &mut App,
    inbox: &Receiver<Message>,
    worker: &Worker,
    input: &InputThread,
    mouse: bool,
) -> Result<Exit> {
    let size = terminal.size()?;
    app.update(Action::Resize { width: size.width, height: size.height });
    let mut painter = Painter::default();
    // A query restored from the last run is searched before any key.
    run_effects(app, terminal, worker, input, &mut painter, mouse)?;
    loop {
        painter.draw(terminal, app)?;
        #[cfg(debug_assertions)]
        busy_if_asked();
        let mut redraw = false;
        // Wait for one message, then take whatever else has queued up, so a
        // burst of keys (a paste, key repeat over a slow link) costs a frame.
        let first = inbox.recv().context("all event sources stopped")?;
        for message in std::iter::once(first).chain(inbox.try_iter()) {
            match message {
                Message::Signal(signal) => return Ok(took_signal(signal)),
                Message::Stop => {
                    suspend(terminal, mouse).context("cannot suspend")?;
                    redraw = true;
                }
                Message::Continued => {
                    retake(terminal, mouse).context("cannot take the terminal back")?;
                    redraw = true;
                }
                Message::Input(Err(err)) => return signal_behind(err, inbox),
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
                    redraw = true;
                }
                Message::Input(Ok(Event::Mouse(mouse))) => app.handle_mouse(mouse),
                Message::Input(Ok(_)) => {}
                Message::Results(results) => app.update(Action::ShowResults(results)),
                Message::Loaded(batch) => app.update(Action::Loaded(batch)),
            }
            redraw |= run_effects(app, terminal, worker, input, &mut painter, mouse)?;
            if app.should_quit() {
                return Ok(Exit::Quit);
            }
        }
        if redraw {
            painter.forget();
            clear(terminal)?;
            // The window may have changed size while folio was stopped.
            let size = terminal.size()?;
            app.update(Action::Resize { width: size.width, height: size.height });
        }
    }
}

/// Runs what the app asked for since the last time, in the order it asked:
/// the one place effects leave `App`. Says whether the screen must be
/// redrawn whole (folio was suspended).
fn run_effects(
    app: &mut App,
    terminal: &mut Screen,
    worker: &Worker,
    input: &InputThread,
    painter: &mut Painter,
    mouse: bool,
) -> Result<bool> {
    let mut redraw = false;
    for effect in app.drain_effects() {
        match effect {
            Effect::Grown(corpus) => worker.grow(corpus),
            Effect::Search(request) => worker.submit(request),
            Effect::Copy(copy) => send_to_terminal(&copy.sequence())?,
            Effect::HandOff(handoff) => {
                let report =
                    hand_off(terminal, input, &handoff, mouse).context("cannot hand the article over")?;
                // The screen was another program's: nothing on it can be reused.
                painter.forget();
                app.update(Action::Report(report));
            }
            Effect::Suspend => {
                suspend(terminal, mouse).context("cannot suspend")?;
                redraw = true;
            }
        }
    }
    Ok(redraw)
}

/// Clears the screen and has the next frame drawn whole. Not ratatui's
/// `Terminal::clear`, which first asks the terminal where its cursor is
/// and fails (after two seconds) when the terminal does not answer, as
/// some do not: folio quit after `e` or Ctrl-z on such a terminal.
fn clear<B: ratatui::backend::Backend>(terminal: &mut Terminal<B>) -> Result<(), B::Error> {
    let size = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
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
        thread::sleep(Duration::from_secs(60));
    }
}

/// Writes an escape sequence straight to the terminal, between frames, so
/// it never lands in the middle of one.
fn send_to_terminal(sequence: &str) -> Result<()> {
    let mut out = stdout();
    out.write_all(sequence.as_bytes()).and_then(|()| out.flush()).context("cannot write to the terminal")
}

/// Ctrl-z: gives the terminal back to the shell and stops, as the shell
/// expects of a job; on `fg` (SIGCONT) takes the terminal again and has the
/// next frame drawn in full, as the shell has drawn over the screen.
fn suspend(terminal: &mut Screen, mouse: bool) -> io::Result<()> {
    restore();
    // SIGTSTP's own action, which stops the process until SIGCONT.
    signal_hook::low_level::emulate_default_handler(SIGTSTP)?;
    retake(terminal, mouse)
}

/// Takes the terminal back after another program had it, and has the next
/// frame drawn in full.
/// The mouse goes back on when it was on before (`--mouse`).
fn retake(terminal: &mut Screen, mouse: bool) -> io::Result<()> {
    take()?;
    if mouse {
        execute!(stdout(), EnableMouseCapture)?;
    }
    clear(terminal)
}

/// `e`, `E`, `o`: runs the pager or editor with the terminal given to it,
/// or opens a browser; says how it went.
fn hand_off(
    terminal: &mut Screen,
    input: &InputThread,
    handoff: &Handoff,
    mouse: bool,
) -> io::Result<String> {
    let (program, default, target) = match handoff {
        Handoff::Browse { url } => return Ok(browse(url)),
        Handoff::Page { text, .. } => ("PAGER", "less", Target::Copy(text)),
        Handoff::Edit { source, text } if crate::shown::path_of(source).is_file() => {
            ("EDITOR", "vi", Target::File(crate::shown::path_of(source)))
        }
        Handoff::Edit { text, .. } => ("EDITOR", "vi", Target::Copy(text)),
    };
    let command =
        std::env::var(program).ok().filter(|c| !c.trim().is_empty()).unwrap_or_else(|| default.into());
    // The copy lives until the program has ended, and is removed with it.
    let (path, _copy) = match target {
        Target::File(source) => (source, None),
        Target::Copy(text) => match write_copy(text) {
            Ok(copy) => (copy.path().to_owned(), Some(copy)),
            // A full disk, an unwritable $TMPDIR: said, and folio goes on.
            Err(err) => return Ok(format!("cannot write a copy for {command}: {err}")),
        },
    };
    // The program reads the keyboard now: folio's reader must not.
    input.hold();
    restore();
    // `sh -c` so that a PAGER or EDITOR with options ("less -R") works.
    HANDED_OFF.store(true, Ordering::SeqCst);
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{command}{} \"$1\"", pager_start(handoff, &command)))
        .arg("folio")
        .arg(&path)
        .status();
    HANDED_OFF.store(false, Ordering::SeqCst);
    retake(terminal, mouse)?;
    input.resume();
    Ok(match status {
        Ok(status) if status.success() => String::new(),
        Ok(status) => format!("{command} ended with {status}"),
        Err(err) => format!("cannot run {command}: {err}"),
    })
}

/// Where less opens the text of `e`: at the line the reader was showing
/// (`+N` goes to line N). Other pagers open at the top.
fn pager_start(handoff: &Handoff, command: &str) -> String {
    let program = command.split_whitespace().next().unwrap_or("");
    let is_less = Path::new(program).file_name().is_some_and(|name| name == "less");
    match handoff {
        Handoff::Page { line, .. } if is_less && *line > 1 => format!(" +{line}"),
        _ => String::new(),
    }
}

enum Target<'a> {
    File(PathBuf),
    Copy(&'a str),
}

/// Writes `text` to a file of its own for a pager or editor to open: a
/// new file under an unpredictable name in `$TMPDIR`, created exclusively
/// (a link or folder another user planted there is never written through)
/// and readable by the user alone (0600). Removed when dropped.
fn write_copy(text: &str) -> io::Result<tempfile::NamedTempFile> {
    let mut copy = tempfile::Builder::new().prefix("folio-").suffix(".txt").tempfile()?;
    copy.write_all(text.as_bytes())?;
    copy.flush()?;
    Ok(copy)
}

/// Opens `url` with `$BROWSER`, or `xdg-open` under a desktop session;
/// elsewhere (over SSH) copies it with OSC 52 instead, and says which.
fn browse(url: &str) -> String {
    let var = |name| std::env::var(name).ok().filter(|v: &String| !v.is_empty());
    let desktop = var("DISPLAY").or_else(|| var("WAYLAND_DISPLAY")).is_some();
    let browser = var("BROWSER").or_else(|| desktop.then(|| "xdg-open".to_owned()));
    if let Some(browser) = browser {
        let spawned = Command::new("sh")
            .arg("-c")
            .arg(format!("{browser} \"$1\""))
            .arg("folio")
            .arg(url)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        if spawned.is_ok() {
            return format!("Opened {url} with {browser}");
        }
    }
    let copy = Copy { text: url.to_owned(), route: Route::from_env() };
    match send_to_terminal(&copy.sequence()) {
        Ok(()) => format!("No browser here: copied {url} with {}", copy.route.describe()),
        Err(_) => format!("No browser here, and the link could not be copied: {url}"),
    }
}

/// After a hang-up, reading the terminal fails just as SIGHUP arrives: the
/// signal is the real reason to stop, so it wins over the error if it comes
/// within a moment.
fn signal_behind(err: io::Error, inbox: &Receiver<Message>) -> Result<Exit> {
    while let Ok(message) = inbox.recv_timeout(SIGNAL_GRACE) {
        if let Message::Signal(signal) = message {
            return Ok(took_signal(signal));
        }
    }
    Err(err).context("cannot read the terminal")
}

fn took_signal(signal: i32) -> Exit {
    SIGNAL_TAKEN.store(true, Ordering::SeqCst);
    Exit::Signal(signal)
}

/// Forwards terminating signals, and those that stop and continue folio,
/// to the loop until dropped. If the loop has not taken a terminating one
/// by `SIGNAL_DEADLINE` while folio holds the terminal, gives the terminal
/// back and exits. (While an editor or pager has the terminal, the loop
/// waits for it, and takes the signal when it ends.)
struct SignalThread {
    handle: signal_hook::iterator::Handle,
}

impl SignalThread {
    fn spawn(sender: Sender<Message>) -> io::Result<SignalThread> {
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

/// Reads the terminal on its own thread, so the loop can also wait for
/// search results. Told to stop when dropped, before the terminal is given
/// back, so it does not read keys meant for the shell.
///
/// It is not joined: after a hang-up the terminal reads end-of-file
/// forever and crossterm keeps retrying inside `read`, so the thread may
/// never come back. The process exits without it.
struct InputThread {
    stop: Arc<AtomicBool>,
    /// Asked to stop reading for a while (another program has the keyboard)...
    hold: Arc<AtomicBool>,
    /// ...and its answer that it has.
    held: Arc<AtomicBool>,
}

impl InputThread {
    fn spawn(sender: Sender<Message>) -> io::Result<InputThread> {
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
    fn hold(&self) {
        self.hold.store(true, Ordering::SeqCst);
        while !self.held.load(Ordering::SeqCst) {
            thread::sleep(HOLD_CHECK_INTERVAL);
        }
    }

    fn resume(&self) {
        self.hold.store(false, Ordering::SeqCst);
    }
}

impl Drop for InputThread {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Owns the terminal while folio runs; dropping it gives the terminal back,
/// whichever way the loop ended.
struct Session {
    /// Never dropped: ratatui's `Terminal` shows the cursor when dropped and
    /// prints to stderr if it cannot, and printing to a hung-up terminal
    /// panics. `restore` below does the same work, ignoring the errors.
    terminal: ManuallyDrop<Screen>,
}

impl Session {
    fn enter() -> io::Result<Session> {
        // The terminal is restored before a panic message is printed, so
        // the message stays readable.
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            hook(info);
        }));
        let taken = take().and_then(|()| {
            Terminal::new(CrosstermBackend::new(BufWriter::with_capacity(FRAME_BUFFER_BYTES, stdout())))
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
static HANDED_OFF: AtomicBool = AtomicBool::new(false);

/// Whether folio holds the terminal: raw mode and the alternate screen.
static TAKEN: AtomicBool = AtomicBool::new(false);

/// Raw mode and the alternate screen, for folio.
fn take() -> io::Result<()> {
    // Set first: a failure half-way still has something to undo.
    TAKEN.store(true, Ordering::SeqCst);
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen)
}

/// Leaves raw mode and the alternate screen and shows the cursor, once:
/// a panic restores in its hook and again as it unwinds, and leaving the
/// alternate screen a second time puts the cursor back where folio
/// started, so the shell wrote over the panic's message. Errors are
/// ignored: after a hang-up there is no terminal left to restore.
fn restore() {
    if !TAKEN.swap(false, Ordering::SeqCst) {
        return;
    }
    // Harmless when it was never on; essential when it was, or the shell
    // gets mouse reports for typing.
    let _ = execute!(stdout(), DisableMouseCapture);
    let _ = ratatui::try_restore();
    let _ = execute!(stdout(), cursor::Show);
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

    #[cfg(unix)]
    #[test]
    fn a_copy_for_the_pager_is_private_and_never_at_a_name_known_before() {
        use std::os::unix::fs::PermissionsExt;
        let (one, two) = (write_copy("Title\n\nBody.").expect("written"), write_copy("x").expect("written"));
        assert_ne!(one.path(), two.path());
        let mode = std::fs::metadata(one.path()).expect("stat").permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "readable by the user alone");
        assert_eq!(std::fs::read_to_string(one.path()).expect("read"), "Title\n\nBody.");
        let name = one.path().file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        assert!(name.starts_with("folio-") && name.len() > "folio-.txt".len() + 4, "{name}");
        let path = one.path().to_owned();
        drop(one);
        assert!(!path.exists(), "removed once the program has ended");
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
