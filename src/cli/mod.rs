//! The command line's run: `Options` (checked in `options`) decide what
//! folio does; each way of running returns a `Status` or an error, and
//! `main` alone says the error and picks the exit code, as ripgrep's does.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, anyhow};
use clap::Parser;

mod options;
mod stories;

pub use options::{Options, Run, Source};

use crate::app::App;
use crate::clipboard::Route;
use crate::config;
use crate::corpus::{self, Batch, Corpus, Loaded, Progress, Skipped, SortKey};
use crate::library::{self, Sink};
use crate::print;
use crate::search::{Index, Query};
use crate::shown;
use crate::state::{self, Store};
use crate::terminal::{self, Exit};
use crate::theme::Theme;
use crate::theme::colour::Depth;
use options::Cli;

/// Exit codes, as grep and friends use them.
const EXIT_NO_MATCH: u8 = 1;
const EXIT_ERROR: u8 = 2;

/// How a run that went to its end ended; `main` turns it into the exit code.
#[derive(Debug)]
enum Status {
    Success,
    /// As grep's 1: nothing matched, nothing to read, or a file skipped.
    Unmet,
    /// A signal ended the reader: 128 + it, as shells expect.
    Signal(i32),
}

impl Status {
    fn code(self) -> ExitCode {
        match self {
            Status::Success => ExitCode::SUCCESS,
            Status::Unmet => ExitCode::from(EXIT_NO_MATCH),
            Status::Signal(signal) => signal_code(signal),
        }
    }
}

fn signal_code(signal: i32) -> ExitCode {
    ExitCode::from(u8::try_from(128 + signal).unwrap_or(EXIT_ERROR))
}

/// The reading state could not be saved; said after the terminal is back.
/// After a signal folio still exits with the signal's code.
#[derive(Debug, thiserror::Error)]
#[error("the reading state was not saved: {problem}")]
struct NotSaved {
    problem: String,
    signal: Option<i32>,
}

/// Parses the command line, runs folio and says how it went: the one place
/// an error is said and an exit code picked.
pub fn main() -> ExitCode {
    match try_main() {
        Ok(status) => status.code(),
        Err(err) => {
            say(format_args!("{err:#}"));
            match err.downcast_ref::<NotSaved>().and_then(|not_saved| not_saved.signal) {
                Some(signal) => signal_code(signal),
                None => ExitCode::from(EXIT_ERROR),
            }
        }
    }
}

fn try_main() -> Result<Status> {
    // clap prints --help and --version, and exits 2 on a usage error; its
    // own exit would say nothing of a help it could not write (`/dev/full`).
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) if err.use_stderr() => err.exit(),
        Err(err) => return written(err.print().and_then(|()| std::io::stdout().flush()), Status::Success),
    };
    if cli.print_default_config {
        return written(write_stdout(|out| out.write_all(config::DEFAULT.as_bytes())), Status::Success);
    }
    let (config, problems) = options::read_config();
    run(&Options::new(cli, config, problems))
}

fn run(options: &Options) -> Result<Status> {
    let piped = !std::io::stdout().is_terminal();
    let run = match &options.run {
        // As bat and glow do: into a pipe or a file goes the text.
        Run::Read if piped => &Run::Print(print::Printing::default()),
        Run::Read if has_keyboard(options) => return read(options),
        Run::Related { of, format } => return stories::related(options, of, *format),
        Run::Stories { format } => return stories::stories(options, *format),
        Run::Compare { articles, format } => return stories::compare(options, articles, *format),
        run => run,
    };
    // Only a phrase, which is checked against the text, and the JSON
    // snippets need the articles' text; the rest works from the index.
    let bodies = match run {
        Run::Filter { query, format } => {
            *format == print::Format::JsonLines || Query::parse(query).has_phrase()
        }
        // --check does not read the text, but checks it is whole (see
        // library::load): a damaged cache is parsed afresh and written again.
        Run::Check => false,
        Run::Read | Run::Print(_) | Run::Related { .. } | Run::Stories { .. } | Run::Compare { .. } => true,
    };
    let library::Whole { loaded, index, from_cache, .. } = load(options, bodies)?;
    match run {
        Run::Check => check(&loaded, from_cache),
        Run::Filter { query, format } => filter(loaded, index, query, *format),
        Run::Read | Run::Print(_) if loaded.corpus.is_empty() => {
            report_nothing_to_read(&loaded.skipped);
            Ok(Status::Unmet)
        }
        Run::Print(printing) => print_articles(&loaded, options.sort, *printing),
        Run::Read => Err(anyhow!("the reader needs a terminal, but stdin is not one")),
        // Answered above, before this load.
        Run::Related { .. } | Run::Stories { .. } | Run::Compare { .. } => {
            Err(anyhow!("answered before loading"))
        }
    }
}

/// The interactive reader. Files and folders load in the background, so
/// the first screen is up at once, whatever the corpus's size.
fn read(options: &Options) -> Result<Status> {
    let (corpus, skipped, load) = match &options.source {
        Source::Bundled => {
            let loaded = corpus::load_bundled();
            (loaded.corpus, loaded.skipped, None)
        }
        Source::Paths(paths) => {
            // A path that is not there at all is a typo: said before the
            // screen is taken, rather than as one more skipped file.
            corpus::check_paths(paths)?;
            let paths = paths.clone();
            let cache = library::cache_file(&paths, options.cache.as_deref());
            let load: terminal::Loader = Box::new(move |sink| stream(&paths, cache.as_deref(), sink));
            (Corpus::default(), Vec::new(), Some(load))
        }
    };
    let depth = Depth::from_env(options.colour);
    let theme = Theme::named(&options.theme, depth)?;
    let (saved, problem) = options.state.as_ref().map(Store::load).unwrap_or_default();
    // A newer folio's file is left alone: said at the start, not saved over.
    let store =
        options.state.as_ref().filter(|_| !matches!(problem, Some(state::StateProblem::Newer { .. })));
    let mut app = App::new(corpus, &skipped);
    if load.is_some() {
        app = app.streaming();
    }
    if options.sort_given {
        app = app.sorted_by(options.sort);
    }
    let mut app = app
        .with_theme(theme)
        .copying_via(Route::from_env())
        .with_text_width(options.text_width)
        .with_keymap(options.keys.clone())
        .with_stories_shown(options.stories_shown)
        .remembering(saved);
    if options.plain {
        app = app.in_plain_mode();
    }
    if let Some(problem) = problem {
        app = app.with_notice(problem.to_string());
    }
    if let Some(first) = options.config_problems.first() {
        let more = options.config_problems.len() - 1;
        let notice = if more == 0 { first.to_string() } else { format!("{first}; and {more} more") };
        app = app.with_notice(notice);
    }
    // Saved on every way out the loop has (quitting, a signal, an error),
    // before the terminal is given back; a failure is said after it is, on
    // the screen the user comes back to, and folio exits non-zero.
    let mut failed_save = None;
    let save = |app: &App| {
        if let Some(store) = store {
            failed_save = store.save(&app.reading_state()).err();
        }
    };
    let setup = terminal::Setup {
        mouse: options.mouse,
        plain: options.plain,
        sixteen_colours: depth == Depth::Ansi16,
    };
    let outcome = terminal::run(&mut app, setup, load, save);
    if let Some(problem) = failed_save {
        let signal = match outcome {
            Ok(Exit::Signal(signal)) => Some(signal),
            _ => None,
        };
        return Err(NotSaved { problem: problem.to_string(), signal }.into());
    }
    match outcome? {
        Exit::Quit if app.corpus().is_empty() && app.loading().is_none() => {
            report_nothing_to_read(app.skipped());
            Ok(Status::Unmet)
        }
        Exit::Quit => Ok(Status::Success),
        Exit::Signal(signal) => Ok(Status::Signal(signal)),
    }
}

/// Streams `paths` in, batch by batch. A path that vanished since it was
/// checked is one more skipped file, and the load still finishes.
fn stream(paths: &[PathBuf], cache: Option<&Path>, sink: &mut dyn Sink) {
    if let Err(err) = library::stream(paths, cache, sink) {
        let corpus::LoadError::NotFound { path, source } = err;
        let skipped = vec![Skipped { path: shown::name_of(&path), reason: source.to_string() }];
        let progress = Progress { finished: true, ..Progress::default() };
        sink.batch(Batch { articles: Vec::new(), skipped, progress });
    }
}

/// `--filter`: the matches on stdout, and whether there were any.
fn filter(loaded: Loaded, index: Option<Index>, query: &str, format: print::Format) -> Result<Status> {
    match print::matches(loaded.corpus, index, query, format) {
        Ok(true) => Ok(Status::Success),
        Ok(false) => Ok(Status::Unmet),
        Err(err) => written(Err(err), Status::Success),
    }
}

/// Writes to standard output through a buffer, flushed at the end.
fn write_stdout(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    write(&mut out)?;
    out.flush()
}

/// The exit code of a run that wrote its results: `code` when they were
/// written. A closed pipe (`| head`) is the reader having seen enough, so
/// a normal end, as in grep and ripgrep; any other failure (a full disk,
/// `/dev/full`) is said, and exits 2, rather than a panic.
fn written(result: std::io::Result<()>, status: Status) -> Result<Status> {
    match result {
        Ok(()) => Ok(status),
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(status),
        Err(err) => Err(anyhow!("cannot write the results: {err}")),
    }
}

/// Says `message` on stderr. Never panics, as `eprintln!` does when stderr
/// is gone (a hung-up terminal): there is no one left to tell.
pub fn say(message: impl std::fmt::Display) {
    let _ = writeln!(std::io::stderr(), "folio: {message}");
}

/// `--print`: every article's text on stdout in the list's order, each
/// skipped file on stderr; exit codes as `--check`'s.
fn print_articles(loaded: &Loaded, sort: SortKey, printing: print::Printing) -> Result<Status> {
    let ranks = sort.ranks(&loaded.corpus);
    let mut order: Vec<usize> = (0..ranks.len()).collect();
    order.sort_by_key(|&id| ranks[id]);
    match print::articles(&loaded.corpus, &order, printing) {
        Ok(()) => {}
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => return Ok(Status::Success),
        Err(err) => return Err(anyhow!("cannot write the articles: {err}")),
    }
    // Each name is escaped (`Skipped`'s Display).
    for skipped in &loaded.skipped {
        say(format_args!("skipped {skipped}"));
    }
    Ok(if loaded.skipped.is_empty() { Status::Success } else { Status::Unmet })
}

/// Everything at once, with the index when the cache holds it.
fn load(options: &Options, bodies: bool) -> Result<library::Whole, corpus::LoadError> {
    match &options.source {
        Source::Bundled => Ok(library::Whole {
            loaded: corpus::load_bundled(),
            index: None,
            from_cache: false,
            stories: None,
        }),
        Source::Paths(paths) => {
            let cache = library::cache_file(paths, options.cache.as_deref());
            // --check keeps the cache up to date, as the reader does.
            let write = options.run == Run::Check;
            library::load(paths, cache.as_deref(), bodies, write)
        }
    }
}

/// Keys come from standard input, or from the terminal itself when the
/// articles were piped in on standard input.
fn has_keyboard(options: &Options) -> bool {
    if options.reads_stdin() {
        std::fs::File::open("/dev/tty").is_ok()
    } else {
        std::io::stdin().is_terminal()
    }
}

/// `--check`: "5 loaded, 2 skipped" ("(from the cache)" when no file had
/// to be parsed), then a line per skipped file and per article whose bytes
/// had to be replaced. Exit 0 only when every file
/// loaded and there was something to load.
fn check(loaded: &Loaded, from_cache: bool) -> Result<Status> {
    let articles = loaded.corpus.articles();
    let cached = if from_cache { " (from the cache)" } else { "" };
    let report = write_stdout(|out| {
        writeln!(out, "{} loaded, {} skipped{cached}", articles.len(), loaded.skipped.len())?;
        for skipped in &loaded.skipped {
            writeln!(out, "skipped {skipped}")?;
        }
        for article in articles.iter().filter(|a| a.lossy) {
            writeln!(out, "loaded  {}: invalid UTF-8 replaced", shown::escape(&article.source))?;
        }
        for article in articles.iter().filter(|a| a.capped) {
            let note = corpus::paragraph::capped_note();
            writeln!(out, "loaded  {}: {note}", shown::escape(&article.source))?;
        }
        Ok(())
    });
    let status =
        if loaded.skipped.is_empty() && !articles.is_empty() { Status::Success } else { Status::Unmet };
    written(report, status)
}

fn report_nothing_to_read(skipped: &[Skipped]) {
    let mut err = std::io::stderr().lock();
    // Each name is escaped (`Skipped`'s Display): this report prints on its
    // own when a folder holds nothing readable, whatever its files are named.
    let _ = writeln!(
        err,
        "folio: no readable articles found (looked for .txt, .md, .html, .jsonl and .json files)"
    );
    for skipped in skipped {
        let _ = writeln!(err, "  skipped {skipped}");
    }
}
