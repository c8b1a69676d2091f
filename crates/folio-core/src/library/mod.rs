//! Where the articles come from, for the reader and for `--filter`: the
//! files, walked and parsed; or the on-disk cache, for every file that has
//! not changed since the cache was written. Once a load has been indexed,
//! the cache is written again. A changed file is always parsed afresh; a
//! cache that cannot be read is passed over, and the next write replaces it.
//!
//! The cache's sections: `files` (per file, as stamped, how many articles
//! it gave and what of it was skipped), `articles` (everything but the
//! text), `bodies` (the packed text, read only when wanted), `signatures`
//! (what grouping reads of each text, read only when files changed),
//! `index` (the clean view's word index) and `stories` (the groups found
//! in it). Changing any of these types, or `Article`, `Skipped`, `Index`,
//! `Signature` or `Story`, means bumping [`cache::FORMAT`].

mod cache_file;
mod whole;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::cache::{self, Stamp};
use crate::corpus::{self, Batch, FileJob, LoadError, Progress};
use crate::search::Index;
use crate::search::worker::IndexedTask;
use crate::stories::{Analysis, AnalysisTo};

use cache_file::{Cached, FileRecord, open_cache, read_files, read_whole, write};
pub use whole::{Whole, load, load_with_stories};

/// Where a load hands what it finds.
pub trait Sink {
    /// The next articles; false once nobody is waiting (stop loading).
    fn batch(&mut self, batch: Batch) -> bool;
    /// The clean view's index of the articles about to arrive, read from the
    /// cache: they need no indexing.
    fn index(&mut self, index: Index);
    /// Runs `task` once `articles` articles are in and indexed.
    fn when_indexed(&mut self, articles: usize, task: IndexedTask);
    /// Where the corpus analysed for stories goes once everything is
    /// indexed (with the stories from the cache, or grouped before the
    /// cache is written); `None`: nowhere, and a load that writes no
    /// cache does not group.
    fn analysis_to(&mut self) -> Option<AnalysisTo> {
        None
    }
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
        && let Some(Cached { files, articles, index, stories }) = read_whole(reader, bodies)
    {
        sink.index(index);
        let total = files.len();
        let count = found.first.articles.len() + articles.len();
        let mut batch =
            Batch::of(vec![found.first], Progress { files_done: total, files_total: total, finished: true });
        batch.articles.extend(articles);
        batch.skipped.extend(files.into_iter().flat_map(|f| f.skipped));
        sink.batch(batch);
        if let Some(deliver) = sink.analysis_to() {
            let task: IndexedTask = Box::new(move |corpus, index| {
                deliver(Arc::new(Analysis::with_stories(corpus, index, stories)))
            });
            sink.when_indexed(count, task);
        }
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
    let deliver = sink.analysis_to();
    let cache = cache_path.filter(|_| records.len() == files_total).map(Path::to_owned);
    if cache.is_none() && deliver.is_none() {
        return Ok(());
    }
    let task: IndexedTask = Box::new(move |corpus, index| {
        // Grouping comes before the cache is written, as the cache keeps
        // the stories; the reader has them before the write starts.
        let analysis = Arc::new(Analysis::of(corpus, index));
        if let Some(deliver) = deliver {
            deliver(Arc::clone(&analysis));
        }
        let Some(path) = cache else { return };
        if let Some(dir) = path.parent() {
            cache::sweep(dir);
        }
        // A cache is only ever a copy: one that cannot be written is one
        // the next start does without.
        let _ = write(&path, &stamps, &records, &analysis);
    });
    sink.when_indexed(articles, task);
    Ok(())
}
