//! Where the articles come from, for the reader and for `--filter`: the
//! files, walked and parsed; or the on-disk cache, for every file that has
//! not changed since the cache was written. Once a load has been indexed,
//! the cache is written again. A changed file is always parsed afresh; a
//! cache that cannot be read is passed over, and the next write replaces it.
//!
//! The cache's sections: `files` (per file, as stamped, how many articles
//! it gave and what of it was skipped), `articles` (everything but the
//! text), `bodies` (the packed text, read only when wanted) and `index`
//! (the clean view's word index). Changing any of these types, or
//! `Article`, `Skipped` or `Index`, means bumping [`cache::FORMAT`].

use std::path::{Path, PathBuf};
use std::sync::Arc;

use bytes::Bytes;
use serde::ser::{SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};

use crate::cache::{self, CacheError, Reader, Stamp, Writer};
use crate::corpus::{
    self, Article, Batch, Corpus, FileJob, LoadError, Loaded, Packed, Parsed, Progress, Skipped, View,
};
use crate::search::Index;
use crate::search::worker::IndexedTask;

const FILES: &str = "files";
const ARTICLES: &str = "articles";
const BODIES: &str = "bodies";
const INDEX: &str = "index";

/// What a cached file gave.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct FileRecord {
    articles: u32,
    skipped: Vec<Skipped>,
}

/// Where a load hands what it finds.
pub trait Sink {
    /// The next articles; false once nobody is waiting (stop loading).
    fn batch(&mut self, batch: Batch) -> bool;
    /// The clean view's index of the articles about to arrive, read from the
    /// cache: they need no indexing.
    fn index(&mut self, index: Index);
    /// Runs `task` once `articles` articles are in and indexed.
    fn when_indexed(&mut self, articles: usize, task: IndexedTask);
}

/// The cache file for `paths` under `dir`; none for standard input, which
/// cannot be stamped, or without a cache folder.
pub fn cache_file(paths: &[PathBuf], dir: Option<&Path>) -> Option<PathBuf> {
    if paths.iter().any(|p| p.as_os_str() == "-") {
        return None;
    }
    let roots: Vec<PathBuf> = paths.iter().map(|p| p.canonicalize().unwrap_or_else(|_| p.clone())).collect();
    Some(cache::file_for(dir?, &roots))
}

/// Streams the articles under `paths` into `sink`: all at once from the
/// cache when no file changed, else a batch at a time, files that did not
/// change taken from the cache and the rest parsed; then asks for the cache
/// to be written once everything is indexed.
pub fn stream(paths: &[PathBuf], cache_path: Option<&Path>, sink: &mut dyn Sink) -> Result<(), LoadError> {
    stream_reading(paths, cache_path, Bodies::Read, sink)
}

/// What a load from the cache does with the articles' text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bodies {
    /// Reads it.
    Read,
    /// Leaves it on disk (`--filter` needs only the index and titles).
    Skip,
    /// Leaves it, but checks its checksum, so that `--check` finds a
    /// damaged cache and has it written again.
    Check,
}

/// [`stream`], with the articles' text from the cache as `bodies` says.
fn stream_reading(
    paths: &[PathBuf],
    cache_path: Option<&Path>,
    bodies: Bodies,
    sink: &mut dyn Sink,
) -> Result<(), LoadError> {
    let found = corpus::find(paths)?;
    let stamps: Vec<Stamp> = found.files.iter().map(|(path, meta)| Stamp::of(path, meta)).collect();
    let mut reader = cache_path.and_then(open_cache);
    if let Some(reader) = reader.as_mut().filter(|r| cache::unchanged(r.stamps(), &stamps))
        && let Some((files, articles, index)) = read_whole(reader, bodies)
    {
        sink.index(index);
        let total = files.len();
        let mut batch =
            Batch::of(vec![found.first], Progress { files_done: total, files_total: total, finished: true });
        batch.articles.extend(articles);
        batch.skipped.extend(files.into_iter().flat_map(|f| f.skipped));
        sink.batch(batch);
        return Ok(());
    }
    let reuse = reader.as_ref().map(|r| cache::reusable(r.stamps(), &stamps)).unwrap_or_default();
    let mut cached = match reader.as_mut() {
        Some(reader) if reuse.iter().any(Option::is_some) => read_files(reader).unwrap_or_default(),
        _ => Vec::new(),
    };
    let jobs: Vec<FileJob> = found
        .files
        .into_iter()
        .enumerate()
        .map(|(i, (path, meta))| {
            let hit =
                reuse.get(i).copied().flatten().and_then(|at| cached.get_mut(at)).and_then(Option::take);
            hit.map_or_else(|| FileJob::Parse(path, meta.len()), FileJob::Ready)
        })
        .collect();
    drop(cached);
    let files_total = jobs.len();
    let mut records = Vec::with_capacity(files_total);
    let mut articles = found.first.articles.len();
    let mut first_call = true;
    corpus::stream_files(found.first, jobs, &mut |files, progress| {
        // The first call carries what was read before any file: not a file.
        if !std::mem::take(&mut first_call) {
            for file in &files {
                let count = u32::try_from(file.articles.len()).unwrap_or(u32::MAX);
                records.push(FileRecord { articles: count, skipped: file.skipped.clone() });
                articles += file.articles.len();
            }
        }
        sink.batch(Batch::of(files, progress))
    });
    if let Some(path) = cache_path
        && records.len() == files_total
    {
        let path = path.to_owned();
        let task: IndexedTask = Box::new(move |corpus, index| {
            if let Some(dir) = path.parent() {
                cache::sweep(dir);
            }
            // A cache is only ever a copy: one that cannot be written is
            // one the next start does without.
            let _ = write(&path, &stamps, &records, &corpus, &index);
        });
        sink.when_indexed(articles, task);
    }
    Ok(())
}

/// Loads `paths` at once, for `--filter` and `--check`: what
/// [`stream`] would hand over, gathered, with the index when the cache
/// held it (the articles' text only if `bodies`). With `write`, a load
/// that had to parse files builds the index and writes the cache, as the
/// reader does once everything is in.
pub fn load(
    paths: &[PathBuf],
    cache_path: Option<&Path>,
    bodies: bool,
    write: bool,
) -> Result<Whole, LoadError> {
    let mut gathered = Gathered { building: write.then(Index::default), ..Gathered::default() };
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
        (Some(cached), _) => Some(cached),
        (None, Some(built)) if !gathered.tasks.is_empty() => {
            let built = Arc::new(built);
            for (_, task) in gathered.tasks {
                task(Arc::clone(&corpus), Arc::clone(&built));
            }
            Some(Arc::unwrap_or_clone(built))
        }
        _ => None,
    };
    let corpus = Arc::unwrap_or_clone(corpus);
    Ok(Whole { loaded: Loaded { corpus, skipped: gathered.skipped }, index, from_cache })
}

/// A load gathered whole.
pub struct Whole {
    pub loaded: Loaded,
    /// The clean view's index, when the cache held it or it was built to
    /// be written.
    pub index: Option<Index>,
    /// Whether every article came from the cache: no file was parsed.
    pub from_cache: bool,
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
}

/// The cache file, if there is one that this folio can read.
fn open_cache(path: &Path) -> Option<Reader> {
    // Any problem (another version, a damaged file) means parsing afresh
    // and writing a new one: the cache is a copy, never the only one.
    Reader::open(path).ok().flatten()
}

/// Everything the cache holds, for when no file changed; `None` when a
/// section cannot be read or the sections disagree.
fn read_whole(reader: &mut Reader, bodies: Bodies) -> Option<(Vec<FileRecord>, Vec<Article>, Index)> {
    let (files, articles) = read_articles(reader, bodies)?;
    let mut index: Index = reader.section(INDEX).ok()?;
    index.rebuild_lookup();
    (index.articles() == articles.len()).then_some((files, articles, index))
}

/// The files' records and their articles, with their text as `bodies` says.
fn read_articles(reader: &mut Reader, bodies: Bodies) -> Option<(Vec<FileRecord>, Vec<Article>)> {
    let files: Vec<FileRecord> = reader.section(FILES).ok()?;
    let mut articles: Vec<Article> = reader.section(ARTICLES).ok()?;
    let counted: usize = files.iter().map(|f| f.articles as usize).sum();
    if counted != articles.len() {
        return None;
    }
    if bodies == Bodies::Check {
        reader.check_section(BODIES).ok()?;
    }
    if bodies == Bodies::Read {
        let packed = Packed::all_in(Bytes::from(reader.section_bytes(BODIES).ok()?))?;
        if packed.len() != articles.len() {
            return None;
        }
        for (article, packed) in articles.iter_mut().zip(packed) {
            article.restore(packed);
        }
    }
    Some((files, articles))
}

/// Each cached file's articles and skipped files, in the cache's order.
fn read_files(reader: &mut Reader) -> Option<Vec<Option<Parsed>>> {
    let (files, articles) = read_articles(reader, Bodies::Read)?;
    let mut articles = articles.into_iter();
    Some(
        files
            .into_iter()
            .map(|file| {
                let articles = articles.by_ref().take(file.articles as usize).collect();
                Some(Parsed { articles, skipped: file.skipped })
            })
            .collect(),
    )
}

/// Writes the cache of a whole load.
fn write(
    path: &Path,
    stamps: &[Stamp],
    files: &[FileRecord],
    corpus: &Arc<Corpus>,
    index: &Index,
) -> Result<(), CacheError> {
    let articles = corpus.articles();
    Writer::create(path, stamps)?
        .section(FILES, files)?
        .section(ARTICLES, &Each { articles, bodies: false })?
        .section(BODIES, &Each { articles, bodies: true })?
        .section(INDEX, index)?
        .finish()
}

/// The shared articles as one sequence, written without copying them out
/// of their `Arc`s: everything but the text, or only the text.
struct Each<'a> {
    articles: &'a [Arc<Article>],
    bodies: bool,
}

impl Serialize for Each<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.articles.len()))?;
        for article in self.articles {
            if self.bodies {
                seq.serialize_element(article.packed())?;
            } else {
                seq.serialize_element(&**article)?;
            }
        }
        seq.end()
    }
}
