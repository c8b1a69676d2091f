//! The cache as a user relies on it: a second start reads the cache and
//! finds the same articles; a changed file is never served stale; a damaged
//! or deleted cache is passed over and written again.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use folio::corpus::{Batch, Corpus, View};
use folio::library::{self, Sink};
use folio::search::worker::IndexedTask;
use folio::search::{Index, Query, Searcher};

/// What the reader's event loop and search thread would do with a load:
/// gather the batches, take an index from the cache, run the tasks once
/// everything is indexed.
#[derive(Default)]
struct Collect {
    batches: Vec<Batch>,
    adopted: Option<Index>,
    tasks: Vec<(usize, IndexedTask)>,
}

impl Sink for Collect {
    fn batch(&mut self, batch: Batch) -> bool {
        self.batches.push(batch);
        true
    }

    fn index(&mut self, index: Index) {
        self.adopted = Some(index);
    }

    fn when_indexed(&mut self, articles: usize, task: IndexedTask) {
        self.tasks.push((articles, task));
    }
}

impl Collect {
    /// Finishes the load as the search thread would; returns the corpus.
    fn finish(self) -> (Arc<Corpus>, bool) {
        let articles = self.batches.into_iter().flat_map(|b| b.articles).collect();
        let corpus = Arc::new(Corpus::new(articles));
        let from_cache = self.adopted.is_some();
        let index = Arc::new(self.adopted.unwrap_or_else(|| Index::build(corpus.articles(), View::Clean)));
        for (articles, task) in self.tasks {
            assert_eq!(articles, corpus.len(), "the task waits for every article");
            task(Arc::clone(&corpus), Arc::clone(&index));
        }
        (corpus, from_cache)
    }
}

struct Setup {
    _dir: tempfile::TempDir,
    corpus: PathBuf,
    cache: PathBuf,
}

impl Setup {
    fn new() -> Setup {
        let dir = tempfile::tempdir().expect("temp dir");
        let corpus = dir.path().join("articles");
        fs::create_dir(&corpus).expect("creates");
        let setup = Setup { cache: dir.path().join("cache"), corpus, _dir: dir };
        for i in 0..40 {
            let topic = if i % 10 == 3 { "uranium" } else { "markets" };
            setup
                .write(&format!("{i:02}.txt"), &format!("Report Number {i} Today\n\nA story about {topic}."));
        }
        setup
            .write("feed.jsonl", "{\"title\": \"Feed One Story\", \"body\": \"From the feed.\"}\nnot json\n");
        setup
    }

    /// Writes a file dated an hour ago: a file changed within the last
    /// seconds is never trusted to the cache (its time may not have ticked).
    fn write(&self, name: &str, text: &str) {
        self.write_dated(name, text, Duration::from_secs(3600));
    }

    fn write_dated(&self, name: &str, text: &str, ago: Duration) {
        let path = self.corpus.join(name);
        fs::write(&path, text).expect("writes");
        let file = File::options().write(true).open(&path).expect("opens");
        file.set_modified(SystemTime::now() - ago).expect("dates");
    }

    fn paths(&self) -> Vec<PathBuf> {
        vec![self.corpus.clone()]
    }

    fn cache_file(&self) -> PathBuf {
        library::cache_file(&self.paths(), Some(&self.cache)).expect("a cache file")
    }

    /// A reader's start: the corpus, and whether it came from the cache.
    fn start(&self) -> (Arc<Corpus>, bool) {
        let mut sink = Collect::default();
        library::stream(&self.paths(), Some(&self.cache_file()), &mut sink).expect("loads");
        sink.finish()
    }

    /// `--filter`'s load: articles, skipped reasons and whether the cache
    /// gave an index.
    fn load(&self) -> (folio::corpus::Loaded, Option<Index>) {
        let whole = library::load(&self.paths(), Some(&self.cache_file()), true, false).expect("loads");
        assert_eq!(whole.from_cache, whole.index.is_some(), "an index without writing: from the cache");
        (whole.loaded, whole.index)
    }
}

fn texts(corpus: &Corpus) -> Vec<(String, String, Vec<String>)> {
    corpus
        .articles()
        .iter()
        .map(|a| {
            (a.source.clone(), a.title.clone(), a.text().paragraphs.into_iter().map(|p| p.text).collect())
        })
        .collect()
}

#[test]
fn a_second_start_reads_the_cache_and_finds_the_same_articles() {
    let setup = Setup::new();
    let (first, from_cache) = setup.start();
    assert!(!from_cache, "nothing cached yet");
    assert!(setup.cache_file().is_file(), "written once everything was indexed");

    let (second, from_cache) = setup.start();
    assert!(from_cache, "the second start reads the cache");
    assert_eq!(texts(&second), texts(&first));

    let (loaded, index) = setup.load();
    let index = index.expect("the cache's index");
    assert_eq!(texts(&loaded.corpus), texts(&first));
    assert_eq!(loaded.skipped.len(), 1, "the feed's bad line is still reported: {:?}", loaded.skipped);
    let corpus = Arc::new(loaded.corpus);
    let found =
        Searcher::with_index(Arc::clone(&corpus), index).search(&Query::parse("uranium"), View::Clean);
    assert_eq!(found.len(), 4);
}

#[test]
fn a_load_that_writes_leaves_the_cache_the_reader_would() {
    let setup = Setup::new();
    let paths = setup.paths();
    let whole = library::load(&paths, Some(&setup.cache_file()), false, true).expect("loads");
    assert!(whole.index.is_some() && !whole.from_cache, "parsed, and indexed to be written");
    let parsed = whole.loaded;
    let (again, index) = setup.load();
    assert!(index.is_some(), "read back from the cache");
    assert_eq!(texts(&again.corpus), texts(&parsed.corpus));
    let (corpus, from_cache) = setup.start();
    assert!(from_cache, "and the reader takes it");
    assert_eq!(texts(&corpus), texts(&parsed.corpus));
}

#[test]
fn a_changed_file_is_never_served_stale() {
    let setup = Setup::new();
    setup.start();
    // Same size, another time: only the stamp tells.
    setup.write_dated("05.txt", "Report Number 5 Later\n\nA story about mergers.", Duration::from_secs(7200));
    setup.write("41.txt", "A Brand New Report Here\n\nJust added.");

    let (loaded, index) = setup.load();
    assert!(index.is_none(), "files changed: parsed again");
    let titles: Vec<&str> = loaded.corpus.articles().iter().map(|a| a.title.as_str()).collect();
    assert!(titles.contains(&"Report Number 5 Later") && titles.contains(&"A Brand New Report Here"));

    let (corpus, from_cache) = setup.start();
    assert!(!from_cache);
    let fifth = corpus.articles().iter().find(|a| a.source.ends_with("05.txt")).expect("there");
    assert_eq!(fifth.text().paragraphs[1].text, "A story about mergers.");
    assert_eq!(corpus.len(), 42, "40 reports, the new one and the feed's good line");
    assert_eq!(texts(&corpus), texts(&loaded.corpus), "unchanged files from the cache, as if parsed");

    let (again, from_cache) = setup.start();
    assert!(from_cache, "written again with the change");
    assert_eq!(texts(&again), texts(&corpus));
}

#[test]
fn a_file_changed_just_now_is_parsed_rather_than_trusted() {
    let setup = Setup::new();
    setup.start();
    setup.write_dated("07.txt", "Report Number 7 Edited\n\nA story about markets.", Duration::ZERO);
    let (loaded, _) = setup.load();
    assert!(loaded.corpus.articles().iter().any(|a| a.title == "Report Number 7 Edited"));
}

#[test]
fn a_damaged_or_deleted_cache_is_passed_over_and_written_again() {
    let setup = Setup::new();
    let (first, _) = setup.start();
    let cache = setup.cache_file();
    let mut bytes = fs::read(&cache).expect("reads");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x55;
    fs::write(&cache, bytes).expect("writes");

    let (loaded, index) = setup.load();
    assert!(index.is_none(), "the damaged cache is not used");
    assert_eq!(texts(&loaded.corpus), texts(&first));
    let (corpus, from_cache) = setup.start();
    assert!(!from_cache);
    assert_eq!(texts(&corpus), texts(&first));
    assert!(setup.start().1, "rewritten whole");

    fs::remove_file(&cache).expect("deletes");
    let (corpus, from_cache) = setup.start();
    assert!(!from_cache);
    assert_eq!(texts(&corpus), texts(&first));
}

#[test]
fn standard_input_and_no_cache_folder_mean_no_cache() {
    let dir = Path::new("somewhere");
    assert_eq!(library::cache_file(&[PathBuf::from("-")], Some(dir)), None);
    assert_eq!(library::cache_file(&[PathBuf::from("articles")], None), None);
    assert_ne!(
        library::cache_file(&[PathBuf::from("a")], Some(dir)),
        library::cache_file(&[PathBuf::from("b")], Some(dir)),
        "each set of folders has its own"
    );
}
