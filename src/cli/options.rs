//! The command line and the config file, checked once into `Options`: the
//! rest of folio never sees raw strings.

use std::path::{Path, PathBuf};

use clap::{Parser, ValueEnum};

use crate::cache;
use crate::config::{self, Config};
use crate::corpus::{SortKey, View};
use crate::document::MAX_TEXT_WIDTH;
use crate::keys::Keymap;
use crate::print;
use crate::shown;
use crate::state::{self, Store};
use crate::theme;
use crate::theme::colour::ColourChoice;

/// Read a folder of articles in the terminal: browse, filter by keyword, read.
///
/// With no PATH, folio opens the articles bundled with it.
#[derive(Debug, Parser)]
#[command(name = "folio", version, about, long_about)]
pub(super) struct Cli {
    /// Files and folders to read. Folders are searched recursively for
    /// .txt, .md, .markdown, .html, .htm, .jsonl and .json files; a file
    /// named here is read whatever its ending. `-` reads standard input
    /// (one article, or JSON Lines).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

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
    /// [default: the order last used, else name]
    #[arg(long, value_enum)]
    sort: Option<SortArg>,

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

    /// Plain mode, for screen readers and simple terminals (also when
    /// TERM=dumb): no alternate screen, no box drawing, the cursor on the
    /// selected row, a numbered list and the article as text. Keys as usual.
    #[arg(long)]
    plain: bool,

    /// Print a commented configuration file with the defaults, and exit.
    /// It belongs in $XDG_CONFIG_HOME/folio/config.toml (or
    /// ~/.config/folio/config.toml).
    #[arg(long, exclusive = true)]
    pub print_default_config: bool,
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
    /// `--sort` was given: it wins over the order last used.
    pub sort_given: bool,
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
    /// `--plain`, or a terminal that says it is dumb.
    pub plain: bool,
    /// What was wrong with the config file, to be said once folio is up.
    pub config_problems: Vec<config::Problem>,
}

impl Options {
    /// The command line over the config file over the defaults.
    pub(super) fn new(cli: Cli, config: Config, config_problems: Vec<config::Problem>) -> Self {
        Options {
            source: source(&cli, &config),
            sort: cli.sort.map(SortKey::from).unwrap_or_default(),
            sort_given: cli.sort.is_some(),
            state: (!cli.no_state).then(state_store).flatten(),
            cache: (!cli.no_cache).then(cache_dir).flatten(),
            colour: cli.color.map(ColourChoice::from).or(config.colour).unwrap_or_default(),
            theme: cli.theme.clone().or(config.theme).unwrap_or_else(|| theme::NAMES[0].to_owned()),
            text_width: config.text_width.unwrap_or(MAX_TEXT_WIDTH),
            keys: config.keys,
            mouse: cli.mouse || config.mouse.unwrap_or(false),
            plain: cli.plain || std::env::var("TERM").is_ok_and(|term| term == "dumb"),
            run: run(cli),
            config_problems,
        }
    }

    /// Whether the articles come in on standard input (`-`).
    pub(super) fn reads_stdin(&self) -> bool {
        matches!(&self.source, Source::Paths(paths) if paths.iter().any(|p| p.as_os_str() == "-"))
    }
}

/// The paths named, else the config's, else the bundled articles.
fn source(cli: &Cli, config: &Config) -> Source {
    match (cli.paths.is_empty(), config.paths.is_empty()) {
        (false, _) => Source::Paths(cli.paths.clone()),
        (true, false) => Source::Paths(config.paths.iter().map(|p| expand_home(p)).collect()),
        (true, true) => Source::Bundled,
    }
}

/// What the flags ask for; `--raw`, `--width` and `--json` (without
/// `--filter`) each imply `--print`.
fn run(cli: Cli) -> Run {
    let format = if cli.json { print::Format::JsonLines } else { print::Format::Lines };
    let printing = print::Printing {
        format,
        view: if cli.raw { View::Raw } else { View::Clean },
        width: cli.width.map(usize::from),
    };
    let print = cli.print || cli.json || cli.raw || cli.width.is_some();
    match (cli.filter, cli.check, print) {
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
    }
}

/// The folder of cache files, from the environment.
fn cache_dir() -> Option<PathBuf> {
    let var = |name| std::env::var(name).ok();
    cache::default_dir(var("XDG_CACHE_HOME").as_deref(), var("HOME").as_deref())
}

/// Where reading state is kept, from the environment.
fn state_store() -> Option<Store> {
    let var = |name| std::env::var(name).ok();
    state::default_dir(var("XDG_STATE_HOME").as_deref(), var("HOME").as_deref()).map(Store::new)
}

/// The config file, if there is one; a missing file is the defaults.
pub(super) fn read_config() -> (Config, Vec<config::Problem>) {
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
