//! A load gathered whole, for `--filter`, `--check` and `--stories`: the
//! same stream the reader takes, collected, with the index and stories.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::{Bodies, Sink, stream_reading};
use crate::corpus::{Batch, Corpus, LoadError, Loaded, Skipped, View};
use crate::search::Index;
use crate::search::worker::IndexedTask;
use crate::stories::{Analysis, AnalysisTo, Story};

/// Loads `paths` at once, for `--filter` and `--check`: what
/// `stream` would hand over, gathered, with the index when the cache
/// held it (the articles' text only if `bodies`). With `write`, a load
/// that had to parse files builds the index and writes the cache, as the
/// reader does once everything is in.
pub fn load(
    paths: &[PathBuf],
    cache_path: Option<&Path>,
    bodies: bool,
    write: bool,
) -> Result<Whole, LoadError> {
    load_with(paths, cache_path, bodies, write, false)
}

/// [`load`] with the texts, writing the cache, and with the stories (read
/// from the cache, or grouped): for `--stories`.
pub fn load_with_stories(paths: &[PathBuf], cache_path: Option<&Path>) -> Result<Whole, LoadError> {
    load_with(paths, cache_path, true, true, true)
}

fn load_with(
    paths: &[PathBuf],
    cache_path: Option<&Path>,
    bodies: bool,
    write: bool,
    stories: bool,
) -> Result<Whole, LoadError> {
    let mut gathered = Gathered {
        building: (write || stories).then(Index::default),
        stories: stories.then(Default::default),
        ..Gathered::default()
    };
    // A load that keeps the cache up to date checks all of it.
    let bodies = match (bodies, write) {
        (true, _) => Bodies::Read,
        (false, true) => Bodies::Check,
        (false, false) => Bodies::Skip,
    };
    stream_reading(paths, cache_path, bodies, &mut gathered)?;
    let corpus = Arc::new(gathered.corpus);
    let from_cache = gathered.cached.is_some();
    let index = match (gathered.cached, gathered.building) {
        (Some(cached), _) if gathered.tasks.is_empty() => Some(cached),
        (Some(index), _) | (None, Some(index)) if !gathered.tasks.is_empty() => {
            // Everything is in: the room the index grew into is not needed.
            let mut index = index;
            index.shrink_to_fit();
            let index = Arc::new(index);
            for (_, task) in gathered.tasks {
                task(Arc::clone(&corpus), Arc::clone(&index));
            }
            // The tasks have run: nothing else holds the index now.
            Some(Arc::unwrap_or_clone(index))
        }
        _ => None,
    };
    let corpus = Arc::unwrap_or_clone(corpus);
    let stories = gathered.stories.and_then(|slot| slot.lock().ok().and_then(|mut s| s.take()));
    Ok(Whole { loaded: Loaded { corpus, skipped: gathered.skipped }, index, from_cache, stories })
}

/// A load gathered whole.
pub struct Whole {
    pub loaded: Loaded,
    /// The clean view's index, when the cache held it or it was built to
    /// be written.
    pub index: Option<Index>,
    /// Whether every article came from the cache: no file was parsed.
    pub from_cache: bool,
    /// The stories, when asked for ([`load_with_stories`]).
    pub stories: Option<Vec<Story>>,
}

/// A whole load, gathered.
#[derive(Default)]
struct Gathered {
    corpus: Corpus,
    skipped: Vec<Skipped>,
    /// The index read from the cache.
    cached: Option<Index>,
    /// The index being built, batch by batch as the reader's search thread
    /// does (memory freed by parsing a batch is reused by indexing it).
    building: Option<Index>,
    tasks: Vec<(usize, IndexedTask)>,
    /// Where the stories land, when they are wanted.
    stories: Option<Arc<Mutex<Option<Vec<Story>>>>>,
}

impl Sink for Gathered {
    fn batch(&mut self, batch: Batch) -> bool {
        let first = self.corpus.len();
        self.corpus = self.corpus.extended(batch.articles);
        if let Some(index) = &mut self.building
            && let Some(new) = self.corpus.articles().get(first..)
        {
            index.extend(new, View::Clean);
        }
        self.skipped.extend(batch.skipped);
        true
    }

    fn index(&mut self, index: Index) {
        self.cached = Some(index);
    }

    fn when_indexed(&mut self, articles: usize, task: IndexedTask) {
        self.tasks.push((articles, task));
    }

    fn analysis_to(&mut self) -> Option<AnalysisTo> {
        let slot = Arc::clone(self.stories.as_ref()?);
        Some(Box::new(move |analysis: Arc<Analysis>| {
            if let Ok(mut slot) = slot.lock() {
                *slot = Some(analysis.stories.clone());
            }
        }))
    }
}
