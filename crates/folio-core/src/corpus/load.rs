//! Loads articles from the bundled seeds or from the files and folders on the
//! command line. A file that cannot be read is skipped with a reason; the
//! rest still load. Only a path that does not exist at all is an error.

use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;

use rayon::prelude::*;
use walkdir::WalkDir;

use super::decode::decode;
use super::formats::{self, Format};
use super::{Article, Corpus};
use crate::{fsutil, shown};

mod gather;
mod walk;

use gather::*;
use walk::*;

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled_seeds.rs"));
}

/// A bigger file is not an article but a dump or a disk image; reading it
/// whole would only stall the start. (A 10 MB article still loads.)
const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The path that names standard input.
const STDIN: &str = "-";

/// A file that was passed over, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", crate::shown::escape(&self.path), self.reason)
    }
}

/// The outcome of a load: the articles, and the files that were skipped.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub corpus: Corpus,
    pub skipped: Vec<Skipped>,
}

/// A load that cannot go on: the user named something that is not there.
/// The message names the path; why it cannot be opened is the source, so
/// a caller printing the chain says each once.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot open '{}'", crate::shown::path(path))]
    NotFound { path: PathBuf, source: io::Error },
}

/// The articles compiled into the binary from `seeds/`.
pub fn load_bundled() -> Loaded {
    let mut out = Gathered::default();
    for (name, bytes) in bundled::SEEDS {
        out.add_bytes(name, bytes, Format::of_path(Path::new(name)).unwrap_or(Format::Text));
    }
    out.finish()
}

/// Loads every article under `paths`: files as given, folders recursively
/// (the endings `Format` knows), all in file-name order; `-` reads standard
/// input first.
pub fn load_paths(paths: &[PathBuf]) -> Result<Loaded, LoadError> {
    let mut out = Gathered::default();
    stream_paths(paths, &mut |batch| {
        out.articles.extend(batch.articles);
        out.skipped.extend(batch.skipped);
        true
    })?;
    Ok(out.finish())
}

/// Fails, as a load would, if a path named on the command line is not
/// there at all (`-`, standard input, always is).
pub fn check_paths(paths: &[PathBuf]) -> Result<(), LoadError> {
    for path in paths.iter().filter(|p| p.as_os_str() != STDIN) {
        fs::metadata(path).map_err(|source| LoadError::NotFound { path: path.to_owned(), source })?;
    }
    Ok(())
}

/// A part of a load, handed over as soon as it is parsed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Batch {
    /// The next articles, in file-name order after those handed over before.
    pub articles: Vec<Article>,
    pub skipped: Vec<Skipped>,
    pub progress: Progress,
}

/// How far a load has got, in files.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub files_done: usize,
    /// Zero until the folders have been walked.
    pub files_total: usize,
    pub finished: bool,
}

/// Files parsed for the first batch: few, so the first articles are on
/// screen at once; then bigger batches, so handing them over stays cheap,
/// but no bigger than the index builds at a time (one slice): with two
/// slices at once, a load of 100,000 articles peaked over 1.5 times the
/// corpus.
const FIRST_BATCH_FILES: usize = 256;
const BATCH_FILES: usize = 1_024;

/// [`load_paths`], handing the articles over a batch at a time as they are
/// parsed (on all cores, in file-name order), so a reader can show and
/// search the first ones while the rest load. `deliver` returns false to
/// stop (nobody is waiting any more). The last batch says it is finished.
/// Only a path named in `paths` that does not exist stops the load.
pub fn stream_paths(paths: &[PathBuf], deliver: &mut dyn FnMut(Batch) -> bool) -> Result<(), LoadError> {
    let found = find(paths)?;
    let jobs = found.files.into_iter().map(|(path, meta)| FileJob::Parse(path, meta.len())).collect();
    stream_files(found.first, jobs, &mut |files, progress| deliver(Batch::of(files, progress)));
    Ok(())
}

/// What a load has to do, found before any file is read: the files to
/// parse, in file-name order, with what `stat` said of each; and what was
/// skipped on the way or read already (standard input).
#[derive(Debug, Default)]
pub struct Found {
    pub files: Vec<(PathBuf, fs::Metadata)>,
    pub first: Parsed,
}

/// The articles of one file, and what of it was skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    pub articles: Vec<Article>,
    pub skipped: Vec<Skipped>,
}

/// One file of a load: to be parsed, or parsed already (from a cache).
pub enum FileJob {
    /// A file to read, with its size when it was found.
    Parse(PathBuf, u64),
    Ready(Parsed),
}

/// Walks `paths` (reading standard input for `-`) and stats every file
/// found, without reading any.
pub fn find(paths: &[PathBuf]) -> Result<Found, LoadError> {
    let mut files = Vec::new();
    let mut first = Gathered::default();
    for path in paths.iter().filter(|p| p.as_os_str() != STDIN) {
        collect(path, &mut files, &mut first.skipped)?;
    }
    if paths.iter().any(|p| p.as_os_str() == STDIN) {
        first.add_reader("stdin", io::stdin().lock());
    }
    files.sort_by_cached_key(|path| order_key(path));
    files.dedup();
    // A FIFO named on the command line inside a folder that is also walked
    // is met twice; it is reported once.
    let mut reported = HashSet::new();
    first.skipped.retain(|s| reported.insert(s.path.clone()));
    // A stat per file is most of the time a start from the cache takes:
    // spread over the cores.
    let stats: Vec<(PathBuf, io::Result<fs::Metadata>)> =
        files.into_par_iter().map(|path| (path.clone(), fs::metadata(&path))).collect();
    let mut seen = HashSet::new();
    let files =
        stats.into_iter().filter_map(|(path, meta)| first.check_file(path, meta, &mut seen)).collect();
    Ok(Found { files, first: Parsed { articles: first.articles, skipped: first.skipped } })
}

/// A key whose bytes order paths as `Path` orders them, component by
/// component. Sorting 100,000 paths by comparing their components cost a
/// start 20 to 35 ms of CPU before any file could be read; keys compare as
/// plain bytes. Each component is its kind (in the order of
/// `Component`'s variants), its bytes, and a zero, which no byte of a
/// component is below: a component that is a prefix of another sorts
/// first, as it does in `Path`.
fn order_key(path: &Path) -> Vec<u8> {
    let mut key = Vec::with_capacity(path.as_os_str().len() + 8);
    for component in path.components() {
        let kind = match component {
            Component::Prefix(_) => 0,
            Component::RootDir => 1,
            Component::CurDir => 2,
            Component::ParentDir => 3,
            Component::Normal(_) => 4,
        };
        key.push(kind);
        key.extend_from_slice(component.as_os_str().as_encoded_bytes());
        key.push(0);
    }
    key
}

/// Reads and parses one file; `size` is what it held when found.
pub fn parse_file(path: &Path, size: u64) -> Parsed {
    let mut out = Gathered::default();
    out.add_file(path, size);
    Parsed { articles: out.articles, skipped: out.skipped }
}

/// Hands `first`, then the files of `jobs` in order, to `deliver` a batch
/// at a time (each file's own `Parsed`), parsing on all cores. `deliver`
/// returns false to stop.
pub fn stream_files(
    first: Parsed,
    jobs: Vec<FileJob>,
    deliver: &mut dyn FnMut(Vec<Parsed>, Progress) -> bool,
) {
    let mut progress = Progress { files_done: 0, files_total: jobs.len(), finished: jobs.is_empty() };
    if !deliver(vec![first], progress) || progress.finished {
        return;
    }
    let mut jobs = jobs.into_iter();
    while progress.files_done < progress.files_total {
        let size = if progress.files_done == 0 { FIRST_BATCH_FILES } else { BATCH_FILES };
        let batch: Vec<FileJob> = jobs.by_ref().take(size).collect();
        progress.files_done += batch.len();
        progress.finished = progress.files_done == progress.files_total;
        // Reading and parsing are independent per file: spread them over
        // the cores, and gather in file-name order.
        let parse = || -> Vec<Parsed> {
            batch
                .into_par_iter()
                .map(|job| match job {
                    FileJob::Parse(path, size) => parse_file(&path, size),
                    FileJob::Ready(parsed) => parsed,
                })
                .collect()
        };
        let files = match loader_pool() {
            Some(pool) => pool.install(parse),
            None => parse(),
        };
        if !deliver(files, progress) {
            return;
        }
    }
}

/// The threads that parse, apart from rayon's global pool, which indexes.
/// Sharing one pool, the index's work queued behind a whole batch of
/// parsing each time it asked for the cores. None if the threads could
/// not be started: the global pool parses then.
fn loader_pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: OnceLock<Option<rayon::ThreadPool>> = OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new().thread_name(|i| format!("folio-load-{i}")).build().ok()
    })
    .as_ref()
}

impl Batch {
    /// One batch of the files' articles, in their order.
    pub fn of(files: Vec<Parsed>, progress: Progress) -> Batch {
        let mut batch = Batch { progress, ..Batch::default() };
        for file in files {
            batch.articles.extend(file.articles);
            batch.skipped.extend(file.skipped);
        }
        batch
    }
}

/// Loads what `reader` holds (standard input, in folio): one article, or
/// many when it is JSON Lines or a JSON array.
pub fn load_reader(name: &str, reader: impl Read) -> Loaded {
    let mut out = Gathered::default();
    out.add_reader(name, reader);
    out.finish()
}

/// Loads the articles in `bytes`, read as `format`; `name` names them.
pub fn load_bytes(name: &str, bytes: &[u8], format: Format) -> Loaded {
    let mut out = Gathered::default();
    out.add_bytes(name, bytes, format);
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_seeds_load_in_file_name_order() {
        let loaded = load_bundled();
        assert!(loaded.skipped.is_empty());
        let sources: Vec<&str> = loaded.corpus.articles().iter().map(|a| a.source.as_str()).collect();
        let mut sorted = sources.clone();
        sorted.sort();
        assert_eq!(sources, sorted);
        assert_eq!(sources.len(), 5);
    }

    #[test]
    fn binary_and_empty_input_is_refused_with_a_reason() {
        let load =
            |bytes: &[u8]| load_reader("x", bytes).skipped.into_iter().map(|s| s.reason).collect::<Vec<_>>();
        assert_eq!(load(b"\x01\x02\x03\0\0def"), ["binary file"]);
        assert_eq!(load(b"  \n\t\n"), ["empty (no text)"]);
        assert_eq!(load(b""), ["empty (no text)"]);
    }

    #[test]
    fn standard_input_may_hold_one_article_or_json_lines() {
        let one = load_reader("stdin", &b"A Piped Headline Here\n\nBody."[..]);
        assert_eq!(one.corpus.articles()[0].title, "A Piped Headline Here");
        let many = load_reader(
            "stdin",
            &b"{\"title\": \"A\", \"body\": \"x\"}\n{\"title\": \"B\", \"body\": \"y\"}\n"[..],
        );
        let sources: Vec<&str> = many.corpus.articles().iter().map(|a| a.source.as_str()).collect();
        assert_eq!(sources, ["stdin:1", "stdin:2"]);
    }

    #[test]
    fn damaged_utf8_is_decoded_and_marked_and_latin1_is_read() {
        let loaded = load_reader("x", &b"Caf\xc3\xa9 culture in the \xc3 city centre"[..]);
        let article = &loaded.corpus.articles()[0];
        assert!(article.lossy);
        assert!(article.title.contains('\u{fffd}'));
        let loaded = load_reader("x", &b"Caf\xe9 culture in the city centre"[..]);
        let article = &loaded.corpus.articles()[0];
        assert_eq!((article.title.as_str(), article.lossy), ("Café culture in the city centre", false));
    }

    #[test]
    fn a_file_is_read_whole_whatever_size_it_was_found_at() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("grew.txt");
        fs::write(&path, "A Headline That Grew\n\nMore text than when it was found.").expect("written");
        for found_at in [0, 5, 1_000] {
            let text = read_file(&path, found_at).expect("read");
            assert!(text.ends_with(b"when it was found."), "found at {found_at} bytes");
        }
    }

    proptest::proptest! {
        /// Sorting by the byte key gives `Path`'s own order: separators,
        /// dots, dashes and characters below '/' included.
        #[test]
        fn paths_sort_by_their_key_as_paths_sort(
            names in proptest::collection::vec("(/|\\./)?[a!. /-]{0,6}[ab]", 0..30)
        ) {
            let paths: Vec<PathBuf> = names.iter().map(PathBuf::from).collect();
            let mut by_key = paths.clone();
            by_key.sort_by_cached_key(|path| order_key(path));
            let mut by_path = paths;
            by_path.sort();
            proptest::prop_assert_eq!(by_key, by_path);
        }
    }
}
