//! `--related`, `--stories` and `--compare`: the corpus is loaded whole
//! (with its index from the cache when there is one), the articles named
//! are found in it or read on their own, and the stories module answers.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{EXIT_ERROR, EXIT_NO_MATCH, Options, Source};
use crate::corpus::{self, Article, Corpus, View};
use crate::library;
use crate::print::{self, stories as out};
use crate::search::Index;
use crate::stories::{self, Rarity, Story};

/// Related articles listed.
const RELATED_LIMIT: usize = 10;

/// The corpus and its clean index, built when the cache had none; with
/// the stories (from the cache, or grouped and cached) if `stories`.
fn corpus_and_index(
    options: &Options,
    stories: bool,
) -> Result<(Corpus, Index, Option<Vec<Story>>), ExitCode> {
    let whole = match &options.source {
        Source::Bundled => {
            library::Whole { loaded: corpus::load_bundled(), index: None, from_cache: false, stories: None }
        }
        Source::Paths(paths) => {
            // A path that is not there at all is a typo, as for the reader.
            corpus::check_paths(paths).map_err(|err| {
                eprintln!("folio: {err}");
                ExitCode::from(EXIT_ERROR)
            })?;
            let cache = library::cache_file(paths, options.cache.as_deref());
            let loaded = if stories {
                library::load_with_stories(paths, cache.as_deref())
            } else {
                library::load(paths, cache.as_deref(), true, false)
            };
            loaded.map_err(|err| {
                eprintln!("folio: {err}");
                ExitCode::from(EXIT_ERROR)
            })?
        }
    };
    let corpus = whole.loaded.corpus;
    let index = whole.index.unwrap_or_else(|| Index::build(corpus.articles(), View::Clean));
    Ok((corpus, index, whole.stories))
}

/// Where `named` is in `corpus`: the same source, or a file of the same
/// name that is the same file (or a bundled seed's name).
fn find(corpus: &Corpus, named: &Path) -> Option<usize> {
    let wanted = named.to_string_lossy();
    if let Some(article) = corpus.articles().iter().find(|a| a.source == wanted) {
        return Some(article.id);
    }
    let name = named.file_name()?;
    let same = named.canonicalize().ok();
    corpus
        .articles()
        .iter()
        .filter(|a| Path::new(&a.source).file_name() == Some(name))
        .find(|a| match (&same, Path::new(&a.source).canonicalize().ok()) {
            (Some(x), Some(y)) => *x == y,
            // A seed's name: bundled articles are no files.
            (None, _) => !named.exists(),
            _ => false,
        })
        .map(|a| a.id)
}

/// An article named on the command line: from `corpus` when it is there,
/// else a bundled seed of that name, else the file read on its own.
fn resolve(corpus: &Corpus, named: &Path) -> Result<(Article, Option<usize>), ExitCode> {
    if let Some(id) = find(corpus, named)
        && let Some(article) = corpus.get(id)
    {
        return Ok((article.clone(), Some(id)));
    }
    if !named.exists() {
        let bundled = corpus::load_bundled().corpus;
        if let Some(article) = find(&bundled, named).and_then(|id| bundled.get(id)) {
            return Ok((article.clone(), None));
        }
    }
    let paths = vec![named.to_owned()];
    let loaded = library::load(&paths, None, true, false).map_err(|err| {
        eprintln!("folio: {err}");
        ExitCode::from(EXIT_ERROR)
    })?;
    match loaded.loaded.corpus.articles().first() {
        Some(article) => Ok((Article::clone(article), None)),
        None => {
            eprintln!("folio: no readable article in '{}'", named.display());
            Err(ExitCode::from(EXIT_ERROR))
        }
    }
}

/// What printing said: a closed pipe is the reader having seen enough.
fn printed(result: std::io::Result<()>, found: bool) -> ExitCode {
    match result {
        Ok(()) if found => ExitCode::SUCCESS,
        Ok(()) => ExitCode::from(EXIT_NO_MATCH),
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("folio: cannot write the results: {err}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// `--related PATH`: exit 0 when something is related, 1 when nothing.
pub fn related(options: &Options, of: &Path, format: print::Format) -> ExitCode {
    let (corpus, index, _) = match corpus_and_index(options, false) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let (article, skip) = match resolve(&corpus, of) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let rarity = Rarity::new(&index);
    let found = stories::related(&index, &rarity, &article, skip, RELATED_LIMIT);
    printed(out::related(&corpus, &found, format), !found.is_empty())
}

/// `--stories`: exit 0 when there is a story of two or more, 1 when not.
pub fn stories(options: &Options, format: print::Format) -> ExitCode {
    let (corpus, index, cached) = match corpus_and_index(options, true) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let found = cached.unwrap_or_else(|| stories::find_stories(&corpus, &index, &Rarity::new(&index)));
    printed(out::stories(&corpus, &found, format), !found.is_empty())
}

/// `--compare A B...`: the articles are looked for in the corpus (the
/// bundled one without paths), else read as files.
pub fn compare(options: &Options, named: &[PathBuf], format: print::Format) -> ExitCode {
    let corpus = match &options.source {
        Source::Bundled => corpus::load_bundled().corpus,
        Source::Paths(_) => Corpus::default(),
    };
    let mut articles = Vec::new();
    for path in named {
        match resolve(&corpus, path) {
            Ok((article, _)) => articles.push(article),
            Err(code) => return code,
        }
    }
    let refs: Vec<&Article> = articles.iter().collect();
    let comparison = stories::compare(&refs);
    let found = !comparison.is_empty();
    printed(out::comparison(&refs, &comparison, format), found)
}
