//! The command line: arguments are parsed and checked here, once, into
//! `Options`; the rest of folio never sees raw strings.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, ValueEnum};

mod stories;

use crate::app::App;
use crate::cache;
use crate::clipboard::Route;
use crate::config::{self, Config};
use crate::corpus::{self, Batch, Corpus, Loaded, Progress, Skipped, SortKey, View};
use crate::document::MAX_TEXT_WIDTH;
use crate::keys::Keymap;
use crate::library::{self, Sink};
use crate::print;
use crate::search::{Index, Query};
use crate::shown;
use crate::state::{self, Store};
use crate::terminal::{self, Exit};
use crate::theme::colour::{ColourChoice, Depth};
use crate::theme::{self, Theme};

/// Read a folder of articles in the terminal: browse, filter by keyword, read.
///
/// With no PATH, folio opens the articles bundled with it.
#[derive(Debug, Parser)]
#[command(name = "folio", version, about, long_about)]
struct Cli {
    /// Files and folders to read. Folders are searched recursively for
    /// .txt, .md, .markdown, .html, .htm, .jsonl and .json files; a file
    /// named here is read whatever its ending. `-` reads standard input
    /// (one article, or JSON Lines).
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// Print the articles matching QUERY, best first, one a line (title, a
    /// tab, the path), and exit: 0 when something matched, 1 when nothing
    /// did, 2 on error. The query language is the filter bar's.
    #[arg(long, value_name = "QUERY")]
    filter: Option<String>,

    /// Print the articles most like PATH (a file, or a bundled article's
    /// name such as 002_b7761c4897ea9275.txt), best first, as --filter
    /// prints; the PATHs are the corpus to look in. With --json: score
    /// and the shared rare words as the reason.
    #[arg(long, value_name = "PATH", conflicts_with_all = ["filter", "print", "check", "stories", "compare"])]
    related: Option<PathBuf>,

    /// Print each story told by two or more articles of the corpus: a
    /// line "title · N reports", then its articles (title, tab, path).
    /// Reprints of one text count once. With --json: a story a line,
    /// {"title", "articles": [paths], "reports", "reprints"}.
    #[arg(long, conflicts_with_all = ["filter", "print", "check", "compare"])]
    stories: bool,

    /// Compare two or more articles (files, or bundled articles' names):
    /// what all of them report and what they tell differently (numbers,
    /// names, dates, quotations), with the paragraph each comes from.
    #[arg(long, value_name = "ARTICLE", num_args = 2.., conflicts_with_all = ["filter", "print", "check"])]
    compare: Option<Vec<PathBuf>>,

    /// Print each article's cleaned text and exit: the title, a blank
    /// line, then the paragraphs separated by blank lines; a `==> PATH <==`
    /// line before each article when there are several. This is also what
    /// folio does when standard output is not a terminal. Exit 0 when
    /// everything loaded, 1 when a file was skipped (named on stderr, the
    /// rest still printed), 2 on error.
    #[arg(long, conflicts_with_all = ["filter", "check"])]
    print: bool,

    /// Print JSON lines instead. With --filter: path, title, score,
    /// snippet. Otherwise (it implies --print) an article a line: path,
    /// title, body (the cleaned text without the title or the link
    /// references), hidden (each paragraph cleanup hid, with the reason),
    /// words and minutes.
    #[arg(long, conflicts_with = "check")]
    json: bool,

    /// Print the furniture too: the text as it came, nothing hidden.
    /// Implies --print.
    #[arg(long, conflicts_with_all = ["filter", "check", "json"])]
    raw: bool,

    /// Wrap printed text to N columns (by default each paragraph is one
    /// line). Implies --print.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..),
          conflicts_with_all = ["filter", "check", "json"])]
    width: Option<u16>,

    /// Only load: print how many articles loaded and each file skipped
    /// with its reason, then exit 0 if everything loaded and 1 if not.
    #[arg(long, conflicts_with = "filter")]
    check: bool,

    /// Sort the list by file name, date (newest first), title, or length
    /// (shortest first). `s` changes it while reading.
    #[arg(long, value_enum, default_value_t = SortArg::Name)]
    sort: SortArg,

    /// Read without remembering: no reading state is loaded or saved.
    #[arg(long)]
    no_state: bool,

    /// Neither read nor write the cache of parsed articles and their index
    /// (kept under $XDG_CACHE_HOME/folio; deleting it is always safe).
    #[arg(long)]
    no_cache: bool,

    /// Use colour: auto (as TERM, COLORTERM and NO_COLOR say), always, or
    /// never. Without colour, selection and matches show as reverse video,
    /// bold and underline.
    /// [default: the config's, else auto]
    #[arg(long, value_enum, value_name = "WHEN")]
    color: Option<ColorArg>,

    /// The colour theme. [default: the config's, else default]
    #[arg(long, value_name = "NAME", value_parser = clap::builder::PossibleValuesParser::new(theme::NAMES))]
    theme: Option<String>,

    /// Turn the mouse on: the wheel scrolls, a click selects. Off by
    /// default, so the terminal's own selection (copying text) works.
    #[arg(long)]
    mouse: bool,

    /// Print a commented configuration file with the defaults, and exit.
    /// It belongs in $XDG_CONFIG_HOME/folio/config.toml (or
    /// ~/.config/folio/config.toml).
    #[arg(long, exclusive = true)]
    print_default_config: bool,
}

/// `--color` as clap reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

impl From<ColorArg> for ColourChoice {
    fn from(arg: ColorArg) -> Self {
        match arg {
            ColorArg::Auto => ColourChoice::Auto,
            ColorArg::Always => ColourChoice::Always,
            ColorArg::Never => ColourChoice::Never,
        }
    }
}

/// `--sort` as clap reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SortArg {
    Name,
    Date,
    Title,
    Length,
}

impl From<SortArg> for SortKey {
    fn from(arg: SortArg) -> Self {
        match arg {
            SortArg::Name => SortKey::Name,
            SortArg::Date => SortKey::Date,
            SortArg::Title => SortKey::Title,
            SortArg::Length => SortKey::Length,
        }
    }
}

/// What to read, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Bundled,
    Paths(Vec<PathBuf>),
}

/// What to do with what was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Run {
    /// The interactive reader.
    Read,
    /// Print the matches of a query and exit (`--filter`).
    Filter { query: String, format: print::Format },
    /// Report what loads and exit, without the reader (`--check`).
    Check,
    /// Print the articles' text and exit (`--print`, or stdout not a
    /// terminal).
    Print(print::Printing),
    /// Print the articles most like one (`--related`).
    Related { of: PathBuf, format: print::Format },
    /// Print the stories (`--stories`).
    Stories { format: print::Format },
    /// Print what two or more articles agree and disagree on (`--compare`).
    Compare { articles: Vec<PathBuf>, format: print::Format },
}

/// Everything the command line asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub source: Source,
    pub run: Run,
    pub sort: SortKey,
    /// Where reading state is kept; `None` with `--no-state` (or no home).
    pub state: Option<Store>,
    /// The folder of cache files; `None` with `--no-cache` (or no home).
    pub cache: Option<PathBuf>,
    pub colour: ColourChoice,
    /// One of `theme::NAMES`.
    pub theme: String,
    pub text_width: u16,
    pub keys: Keymap,
    pub mouse: bool,
    /// What was wrong with the config file, to be said once folio is up.
    pub config_problems: Vec<config::Problem>,
}

impl Options {
    /// The command line over the config file over the defaults.
    fn new(cli: Cli, config: Config, config_problems: Vec<config::Problem>) -> Self {
        let source = match (cli.paths.is_empty(), config.paths.is_empty()) {
            (false, _) => Source::Paths(cli.paths),
            (true, false) => Source::Paths(config.paths.iter().map(|p| expand_home(p)).collect()),
            (true, true) => Source::Bundled,
        };
        let format = if cli.json { print::Format::JsonLines } else { print::Format::Lines };
        let printing = print::Printing {
            format,
            view: if cli.raw { View::Raw } else { View::Clean },
            width: cli.width.map(usize::from),
        };
        let print = cli.print || cli.json || cli.raw || cli.width.is_some();
        let run = match (cli.filter, cli.check, print) {
            _ if cli.related.is_some() || cli.stories || cli.compare.is_some() => {
                match (cli.related, cli.compare) {
                    (Some(of), _) => Run::Related { of, format },
                    (None, Some(articles)) => Run::Compare { articles, format },
                    (None, None) => Run::Stories { format },
                }
            }
            (Some(query), _, _) => Run::Filter { query, format },
            (None, true, _) => Run::Check,
            (None, false, true) => Run::Print(printing),
            (None, false, false) => Run::Read,
        };
        let var = |name| std::env::var(name).ok();
        let cache = if cli.no_cache {
            None
        } else {
            cache::default_dir(var("XDG_CACHE_HOME").as_deref(), var("HOME").as_deref())
        };
        let state = if cli.no_state {
            None
        } else {
            let var = |name| std::env::var(name).ok();
            state::default_dir(var("XDG_STATE_HOME").as_deref(), var("HOME").as_deref()).map(Store::new)
        };
        Options {
            source,
            run,
            sort: cli.sort.into(),
            state,
            cache,
            colour: cli.color.map(ColourChoice::from).or(config.colour).unwrap_or_default(),
            theme: cli.theme.or(config.theme).unwrap_or_else(|| theme::NAMES[0].to_owned()),
            text_width: config.text_width.unwrap_or(MAX_TEXT_WIDTH),
            keys: config.keys,
            mouse: cli.mouse || config.mouse.unwrap_or(false),
            config_problems,
        }
    }

    /// Whether the articles come in on standard input (`-`).
    fn reads_stdin(&self) -> bool {
        matches!(&self.source, Source::Paths(paths) if paths.iter().any(|p| p.as_os_str() == "-"))
    }
}

/// Exit codes, as grep and friends use them.
const EXIT_NOTHING_TO_READ: u8 = 1;
/// `--check` found a file it had to skip.
const EXIT_SOMETHING_SKIPPED: u8 = 1;
/// `--filter` found nothing.
const EXIT_NO_MATCH: u8 = 1;
const EXIT_ERROR: u8 = 2;

/// Parses the command line, runs folio and says how it went.
pub fn main() -> ExitCode {
    // clap prints --help and --version, and exits 2 on a usage error; its
    // own exit would say nothing of a help it could not write (`/dev/full`).
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) if err.use_stderr() => err.exit(),
        Err(err) => return written(err.print().and_then(|()| std::io::stdout().flush()), ExitCode::SUCCESS),
    };
    if cli.print_default_config {
        return written(write_stdout(|out| out.write_all(config::DEFAULT.as_bytes())), ExitCode::SUCCESS);
    }
    let (config, problems) = read_config();
    run(&Options::new(cli, config, problems))
}

/// The config file, if there is one; a missing file is the defaults.
fn read_config() -> (Config, Vec<config::Problem>) {
    let var = |name| std::env::var(name).ok();
    let Some(path) = config::default_path(var("XDG_CONFIG_HOME").as_deref(), var("HOME").as_deref()) else {
        return (Config::default(), Vec::new());
    };
    // Only a regular file, and only so much of it: a config that is a link
    // to a FIFO or `/dev/zero` neither blocks nor fills the memory.
    let text = crate::fsutil::read_regular(&path, config::MAX_BYTES)
        .and_then(|bytes| String::from_utf8(bytes).map_err(std::io::Error::other));
    match text {
        Ok(text) => config::parse(&text),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => (Config::default(), Vec::new()),
        Err(err) => {
            let message = format!("cannot read {}: {err}", shown::path(&path));
            (Config::default(), vec![config::Problem { line: None, field: "(file)".into(), message }])
        }
    }
}

/// `~/articles` as the shell would read it.
fn expand_home(path: &Path) -> PathBuf {
    match (path.strip_prefix("~"), std::env::var_os("HOME")) {
        (Ok(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => path.to_owned(),
    }
}

fn run(options: &Options) -> ExitCode {
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
    let library::Whole { loaded, index, from_cache } = match load(options, bodies) {
        Ok(loaded) => loaded,
        Err(err) => {
            say(&err);
            return ExitCode::from(EXIT_ERROR);
        }
    };
    match run {
        Run::Check => check(&loaded, from_cache),
        Run::Filter { query, format } => filter(loaded, index, query, *format),
        Run::Read | Run::Print(_) if loaded.corpus.is_empty() => {
            report_nothing_to_read(&loaded.skipped);
            ExitCode::from(EXIT_NOTHING_TO_READ)
        }
        Run::Print(printing) => print_articles(&loaded, options.sort, *printing),
        Run::Read => {
            say("the reader needs a terminal, but stdin is not one");
            ExitCode::from(EXIT_ERROR)
        }
        // Answered above, before this load.
        Run::Related { .. } | Run::Stories { .. } | Run::Compare { .. } => ExitCode::from(EXIT_ERROR),
    }
}

/// The interactive reader. Files and folders load in the background, so
/// the first screen is up at once, whatever the corpus's size.
fn read(options: &Options) -> ExitCode {
    let (corpus, skipped, load) = match &options.source {
        Source::Bundled => {
            let loaded = corpus::load_bundled();
            (loaded.corpus, loaded.skipped, None)
        }
        Source::Paths(paths) => {
            // A path that is not there at all is a typo: said before the
            // screen is taken, rather than as one more skipped file.
            if let Err(err) = corpus::check_paths(paths) {
                say(&err);
                return ExitCode::from(EXIT_ERROR);
            }
            let paths = paths.clone();
            let cache = library::cache_file(&paths, options.cache.as_deref());
            let load: terminal::Loader = Box::new(move |sink| stream(&paths, cache.as_deref(), sink));
            (Corpus::default(), Vec::new(), Some(load))
        }
    };
    let theme = match Theme::named(&options.theme, Depth::from_env(options.colour)) {
        Ok(theme) => theme,
        Err(err) => {
            say(&err);
            return ExitCode::from(EXIT_ERROR);
        }
    };
    let (saved, problem) = options.state.as_ref().map(Store::load).unwrap_or_default();
    // A newer folio's file is left alone: said at the start, not saved over.
    let store =
        options.state.as_ref().filter(|_| !matches!(problem, Some(state::StateProblem::Newer { .. })));
    let mut app = App::new(corpus, &skipped);
    if load.is_some() {
        app = app.streaming();
    }
    let mut app = app
        .sorted_by(options.sort)
        .with_theme(theme)
        .copying_via(Route::from_env())
        .with_text_width(options.text_width)
        .with_keymap(options.keys.clone())
        .remembering(saved);
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
    let outcome = terminal::run(&mut app, options.mouse, load, save);
    if let Some(problem) = failed_save {
        say(format_args!("the reading state was not saved: {problem}"));
        return match outcome {
            Ok(Exit::Signal(signal)) => ExitCode::from(u8::try_from(128 + signal).unwrap_or(EXIT_ERROR)),
            _ => ExitCode::from(EXIT_ERROR),
        };
    }
    match outcome {
        Ok(Exit::Quit) if app.corpus().is_empty() && app.loading().is_none() => {
            report_nothing_to_read(app.skipped());
            ExitCode::from(EXIT_NOTHING_TO_READ)
        }
        Ok(Exit::Quit) => ExitCode::SUCCESS,
        Ok(Exit::Signal(signal)) => ExitCode::from(u8::try_from(128 + signal).unwrap_or(EXIT_ERROR)),
        Err(err) => {
            say(format_args!("{err:#}"));
            ExitCode::from(EXIT_ERROR)
        }
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
fn filter(loaded: Loaded, index: Option<Index>, query: &str, format: print::Format) -> ExitCode {
    match print::matches(loaded.corpus, index, query, format) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(EXIT_NO_MATCH),
        Err(err) => written(Err(err), ExitCode::SUCCESS),
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
fn written(result: std::io::Result<()>, code: ExitCode) -> ExitCode {
    match result {
        Ok(()) => code,
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => code,
        Err(err) => {
            say(format_args!("cannot write the results: {err}"));
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// Says `message` on stderr. Never panics, as `eprintln!` does when stderr
/// is gone (a hung-up terminal): there is no one left to tell.
pub fn say(message: impl std::fmt::Display) {
    let _ = writeln!(std::io::stderr(), "folio: {message}");
}

/// `--print`: every article's text on stdout in the list's order, each
/// skipped file on stderr; exit codes as `--check`'s.
fn print_articles(loaded: &Loaded, sort: SortKey, printing: print::Printing) -> ExitCode {
    let ranks = sort.ranks(&loaded.corpus);
    let mut order: Vec<usize> = (0..ranks.len()).collect();
    order.sort_by_key(|&id| ranks[id]);
    match print::articles(&loaded.corpus, &order, printing) {
        Ok(()) => {}
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => return ExitCode::SUCCESS,
        Err(err) => {
            say(format_args!("cannot write the articles: {err}"));
            return ExitCode::from(EXIT_ERROR);
        }
    }
    // Each name is escaped (`Skipped`'s Display).
    for skipped in &loaded.skipped {
        say(format_args!("skipped {skipped}"));
    }
    if loaded.skipped.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(EXIT_SOMETHING_SKIPPED) }
}

/// Everything at once, with the index when the cache holds it.
fn load(options: &Options, bodies: bool) -> Result<library::Whole, corpus::LoadError> {
    match &options.source {
        Source::Bundled => {
            Ok(library::Whole { loaded: corpus::load_bundled(), index: None, from_cache: false })
        }
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
fn check(loaded: &Loaded, from_cache: bool) -> ExitCode {
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
    let code = if loaded.skipped.is_empty() && !articles.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_SOMETHING_SKIPPED)
    };
    written(report, code)
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
