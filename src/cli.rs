//! The command line: arguments are parsed and checked here, once, into
//! `Options`; the rest of folio never sees raw strings.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use crate::app::App;
use crate::corpus::{self, Loaded};
use crate::print;
use crate::terminal::{self, Exit};

/// Read a folder of articles in the terminal: browse, filter by keyword, read.
///
/// With no PATH, folio opens the articles bundled with it.
#[derive(Debug, Parser)]
#[command(name = "folio", version, about, long_about)]
struct Cli {
    /// Files and folders to read. Folders are searched recursively for
    /// .txt and .md files; a file named here is read whatever its ending.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// Print the articles matching QUERY, best first, one a line (title, a
    /// tab, the path), and exit: 0 when something matched, 1 when nothing
    /// did, 2 on error. The query language is the filter bar's.
    #[arg(long, value_name = "QUERY")]
    filter: Option<String>,

    /// With --filter, print JSON lines instead: path, title, score, snippet.
    #[arg(long, requires = "filter")]
    json: bool,
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
    /// Print the matches of a query and exit.
    Filter { query: String, format: print::Format },
}

/// Everything the command line asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub source: Source,
    pub run: Run,
}

impl From<Cli> for Options {
    fn from(cli: Cli) -> Self {
        let source = if cli.paths.is_empty() { Source::Bundled } else { Source::Paths(cli.paths) };
        let format = if cli.json { print::Format::JsonLines } else { print::Format::Lines };
        let run = match cli.filter {
            Some(query) => Run::Filter { query, format },
            None => Run::Read,
        };
        Options { source, run }
    }
}

/// Exit codes, as grep and friends use them.
const EXIT_NOTHING_TO_READ: u8 = 1;
const EXIT_NO_MATCH: u8 = 1;
const EXIT_ERROR: u8 = 2;

/// Parses the command line, runs folio and says how it went.
pub fn main() -> ExitCode {
    // clap prints --help and --version itself, and exits 2 on a usage error.
    let options = Options::from(Cli::parse());
    run(&options)
}

fn run(options: &Options) -> ExitCode {
    let loaded = match load(&options.source) {
        Ok(loaded) => loaded,
        Err(err) => {
            eprintln!("folio: {err}");
            return ExitCode::from(EXIT_ERROR);
        }
    };
    if let Run::Filter { query, format } = &options.run {
        return match print::matches(loaded.corpus, query, *format) {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::from(EXIT_NO_MATCH),
            // A closed pipe (`| head`) is the reader having seen enough.
            Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(err) => {
                eprintln!("folio: cannot write the results: {err}");
                ExitCode::from(EXIT_ERROR)
            }
        };
    }
    if loaded.corpus.is_empty() {
        report_nothing_to_read(&loaded);
        return ExitCode::from(EXIT_NOTHING_TO_READ);
    }
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        eprintln!("folio: the reader needs a terminal, but stdin or stdout is not one");
        return ExitCode::from(EXIT_ERROR);
    }
    let mut app = App::new(loaded.corpus, &loaded.skipped);
    match terminal::run(&mut app) {
        Ok(Exit::Quit) => ExitCode::SUCCESS,
        Ok(Exit::Signal(signal)) => ExitCode::from(u8::try_from(128 + signal).unwrap_or(EXIT_ERROR)),
        Err(err) => {
            eprintln!("folio: {err:#}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn load(source: &Source) -> Result<Loaded, corpus::LoadError> {
    match source {
        Source::Bundled => Ok(corpus::load_bundled()),
        Source::Paths(paths) => corpus::load_paths(paths),
    }
}

fn report_nothing_to_read(loaded: &Loaded) {
    eprintln!("folio: no readable articles found (looked for .txt and .md files)");
    for skipped in &loaded.skipped {
        eprintln!("  skipped {skipped}");
    }
}
