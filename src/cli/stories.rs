//! `--related`, `--stories` and `--compare`: the corpus is loaded whole
//! (with its index from the cache when there is one), the articles named
//! are found in it or read on their own, and the stories module answers.
//! Errors go back to `cli::main`, which says them.

use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};

use super::{Options, Source, Status, written};
use crate::corpus::{self, Article, Corpus, View};
use crate::library;
use crate::print::{self, stories as out};
use crate::search::Index;
use crate::shown;
use crate::stories::{self, Rarity, Story};

/// Related articles listed.
const RELATED_LIMIT: usize = 10;

/// The corpus and its clean index, built when the cache had none; with
/// the stories (from the cache, or grouped and cached) if `stories`.
fn corpus_and_index(options: &Options, stories: bool) -> Result<(Corpus, Index, Option<Vec<Story>>)> {
    let whole = match &options.source {
        Source::Bundled => {
            library::Whole { loaded: corpus::load_bundled(), index: None, from_cache: false, stories: None }
        }
        Source::Paths(paths) => {
            // A path that is not there at all is a typo, as for the reader.
            corpus::check_paths(paths)?;
            let cache = library::cache_file(paths, options.cache.as_deref());
            let loaded = if stories {
                library::load_with_stories(paths, cache.as_deref())
            } else {
                library::load(paths, cache.as_deref(), true, false)
            };
            loaded?
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
fn resolve(corpus: &Corpus, named: &Path) -> Result<(Article, Option<usize>)> {
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
    let loaded = library::load(&paths, None, true, false)?;
    match loaded.loaded.corpus.articles().first() {
        Some(article) => Ok((Article::clone(article), None)),
        None => Err(anyhow!("no readable article in '{}'", shown::path(named))),
    }
}

/// What printing said: a closed pipe is the reader having seen enough,
/// whatever was found.
fn printed(result: std::io::Result<()>, found: bool) -> Result<Status> {
    match result {
        Ok(()) if !found => Ok(Status::Unmet),
        result => written(result, Status::Success),
    }
}

/// `--related PATH`: exit 0 when something is related, 1 when nothing.
pub(super) fn related(options: &Options, of: &Path, format: print::Format) -> Result<Status> {
    let (corpus, index, _) = corpus_and_index(options, false)?;
    let (article, skip) = resolve(&corpus, of)?;
    let rarity = Rarity::new(&index);
    let found = stories::related(&index, &rarity, &article, skip, RELATED_LIMIT);
    printed(out::related(&corpus, &found, format), !found.is_empty())
}

/// `--stories`: exit 0 when there is a story of two or more, 1 when not.
pub(super) fn stories(options: &Options, format: print::Format) -> Result<Status> {
    let (corpus, index, cached) = corpus_and_index(options, true)?;
    let found = cached.unwrap_or_else(|| stories::find_stories(&corpus, &index, &Rarity::new(&index)));
    printed(out::stories(&corpus, &found, format), !found.is_empty())
}

/// `--compare A B...`: the articles are looked for in the corpus (the
/// bundled one without paths), else read as files.
pub(super) fn compare(options: &Options, named: &[PathBuf], format: print::Format) -> Result<Status> {
    let corpus = match &options.source {
        Source::Bundled => corpus::load_bundled().corpus,
        Source::Paths(_) => Corpus::default(),
    };
    let articles: Vec<Article> =
        named.iter().map(|path| resolve(&corpus, path).map(|(article, _)| article)).collect::<Result<_>>()?;
    let refs: Vec<&Article> = articles.iter().collect();
    let comparison = stories::compare(&refs);
    let found = !comparison.is_empty();
    printed(out::comparison(&refs, &comparison, format), found)
}
