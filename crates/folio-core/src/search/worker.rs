//! Searching off the UI thread. The worker builds the index, grows it as a
//! load streams articles in, and answers queries in the order they come,
//! always skipping to the newest: a keystroke supersedes any search still
//! running for an older one, and large corpora report results step by
//! step as they are found.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use super::{Hit, Index, Query, Searcher, SoFar};
use crate::corpus::{Corpus, View};

/// How long a search runs before its results so far are shown. Most
/// searches of 100,000 articles end sooner on two cores, and each showing
/// takes the UI thread milliseconds (ranking, snippets, a frame) that a
/// search on a small machine has to share its cores with.
const FIRST_PARTIAL_RESULTS_AFTER: Duration = Duration::from_millis(20);

/// After that, how long before more of its results so far are shown.
const PARTIAL_RESULTS_INTERVAL: Duration = Duration::from_millis(100);

/// A query to run, parsed once where it was typed; `generation` grows with
/// every edit of the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub generation: u64,
    pub query: Query,
    /// Whether site furniture is searched too.
    pub view: View,
}

/// What a search found. `complete` is false for results so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Results {
    pub generation: u64,
    pub hits: Vec<Hit>,
    pub complete: bool,
}

/// Answers one request on the calling thread: for tests and `--filter`.
pub fn run_now(searcher: &mut Searcher, request: &Request) -> Results {
    let hits = searcher.search(&request.query, request.view);
    Results { generation: request.generation, hits, complete: true }
}

/// The handle to the search thread. Dropping it ends the thread once it has
/// finished what it is doing.
pub struct Worker {
    jobs: Sender<Job>,
    newest: Arc<AtomicU64>,
    indexed: Arc<Indexed>,
}

/// How many articles the search thread has indexed, for a loader to wait on.
#[derive(Default)]
struct Indexed {
    articles: Mutex<usize>,
    grew: Condvar,
}

impl Indexed {
    fn set(&self, articles: usize) {
        if let Ok(mut count) = self.articles.lock() {
            *count = articles;
            self.grew.notify_all();
        }
    }

    /// Whether `articles` are indexed, waiting for them at most `limit`.
    fn wait_for(&self, articles: usize, limit: Duration) -> bool {
        let Ok(count) = self.articles.lock() else { return false };
        self.grew
            .wait_timeout_while(count, limit, |count| *count < articles)
            .is_ok_and(|(_, r)| !r.timed_out())
    }
}

/// What the search thread is asked to do.
enum Job {
    /// Index the articles the corpus has gained.
    Grow(Arc<Corpus>),
    /// Take an index built elsewhere (read from the cache).
    Adopt(Box<Index>),
    /// Run a task once the corpus holds this many articles, all in the
    /// clean view's index.
    WhenIndexed(usize, IndexedTask),
    Search(Request),
}

/// Work on the whole corpus and its clean view's index (writing the
/// cache), run on a thread of its own.
pub type IndexedTask = Box<dyn FnOnce(Arc<Corpus>, Arc<Index>) + Send>;

impl Worker {
    /// Starts the thread; every result is handed to `deliver`.
    pub fn spawn(corpus: Arc<Corpus>, deliver: impl Fn(Results) + Send + 'static) -> std::io::Result<Worker> {
        let (jobs, inbox) = mpsc::channel();
        let newest = Arc::new(AtomicU64::new(0));
        let seen = Arc::clone(&newest);
        let indexed = Arc::new(Indexed::default());
        indexed.set(corpus.len());
        let counted = Arc::clone(&indexed);
        thread::Builder::new()
            .name("folio-search".into())
            .spawn(move || serve(Searcher::new(corpus), &inbox, &seen, &counted, &deliver))?;
        Ok(Worker { jobs, newest, indexed })
    }

    pub fn submit(&self, request: Request) {
        self.newest.fetch_max(request.generation, Ordering::SeqCst);
        // The thread only stops when this handle is dropped, so a failed send
        // means it died; the UI keeps working with the results it has.
        let _ = self.jobs.send(Job::Search(request));
    }

    /// Hands over the corpus after it grew; later searches cover the new
    /// articles too.
    pub fn grow(&self, corpus: Arc<Corpus>) {
        let _ = self.jobs.send(Job::Grow(corpus));
    }

    /// A handle for a loader, which may hand over an index read from the
    /// cache and ask for work once everything is indexed.
    pub fn feeder(&self) -> Feeder {
        Feeder { jobs: self.jobs.clone(), indexed: Arc::clone(&self.indexed) }
    }
}

/// What a loader may ask of the search thread.
#[derive(Clone)]
pub struct Feeder {
    jobs: Sender<Job>,
    indexed: Arc<Indexed>,
}

impl Feeder {
    /// Hands over the clean view's index of the articles about to arrive:
    /// they need no indexing. Must come before those articles do.
    pub fn adopt(&self, index: Index) {
        let _ = self.jobs.send(Job::Adopt(Box::new(index)));
    }

    /// Runs `task` on a thread of its own once the corpus holds `articles`
    /// articles, all in the clean view's index (right away if so).
    pub fn when_indexed(&self, articles: usize, task: IndexedTask) {
        let _ = self.jobs.send(Job::WhenIndexed(articles, task));
    }

    /// Waits, at most `limit`, until the corpus the search thread holds
    /// has `articles` articles, indexed; says whether it got there.
    pub fn wait_until_indexed(&self, articles: usize, limit: Duration) -> bool {
        self.indexed.wait_for(articles, limit)
    }
}

fn serve(
    mut searcher: Searcher,
    inbox: &Receiver<Job>,
    newest: &AtomicU64,
    indexed: &Indexed,
    deliver: &dyn Fn(Results),
) {
    let mut waiting: Vec<(usize, IndexedTask)> = Vec::new();
    while let Ok(job) = inbox.recv() {
        // Every growth is indexed, in order; of the searches waiting, only
        // the newest matters.
        let mut request = None;
        for job in std::iter::once(job).chain(inbox.try_iter()) {
            match job {
                Job::Grow(corpus) => searcher.grow(corpus),
                Job::Adopt(index) => searcher.adopt(*index),
                Job::WhenIndexed(articles, task) => waiting.push((articles, task)),
                Job::Search(newer) => request = Some(newer),
            }
        }
        indexed.set(searcher.corpus().len());
        // While the raw view is searched, the clean index is not kept: the
        // task waits until it is again.
        let corpus_len = searcher.corpus().len();
        if waiting.iter().any(|(articles, _)| *articles <= corpus_len) {
            // The load is in: its index grows no more.
            searcher.settle();
        }
        if let Some(index) = searcher.clean_index() {
            for (_, task) in waiting.extract_if(.., |(articles, _)| *articles <= corpus_len) {
                // Writing the cache takes half a second at 100,000 articles:
                // on this thread, the first search after a cold load waited
                // for it. A task that cannot get a thread is not run; the
                // cache it would write is only ever a copy.
                let (corpus, index) = (Arc::clone(searcher.corpus()), Arc::clone(index));
                let _ = thread::Builder::new().name("folio-cache".into()).spawn(move || task(corpus, index));
            }
        }
        let Some(request) = request else { continue };
        let generation = request.generation;
        let query = &request.query;
        let current = || newest.load(Ordering::SeqCst) == generation;
        // A slow search shows what it has found now and then; a quick one
        // only its complete results.
        let started = Instant::now();
        let mut reported: Option<Instant> = None;
        let mut report = |found: SoFar| {
            let due = match reported {
                None => started.elapsed() >= FIRST_PARTIAL_RESULTS_AFTER,
                Some(at) => at.elapsed() >= PARTIAL_RESULTS_INTERVAL,
            };
            if current() && due {
                deliver(Results { generation, hits: found.ranked(), complete: false });
                reported = Some(Instant::now());
            }
            current()
        };
        if let Some(hits) = searcher.search_in_steps(query, request.view, &mut report) {
            deliver(Results { generation, hits, complete: true });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load_bundled;
    use std::time::Duration;

    #[test]
    fn the_worker_answers_with_the_newest_generation() {
        let corpus = Arc::new(load_bundled().corpus);
        let (tx, rx) = mpsc::channel();
        let worker = Worker::spawn(corpus, move |r| {
            let _ = tx.send(r);
        })
        .expect("thread starts");
        worker.submit(Request { generation: 1, query: Query::parse("niger"), view: View::Clean });
        worker.submit(Request { generation: 2, query: Query::parse("uranium"), view: View::Clean });
        let last = loop {
            let results = rx.recv_timeout(Duration::from_secs(30)).expect("an answer");
            if results.generation == 2 && results.complete {
                break results;
            }
            assert!(results.generation <= 2);
        };
        let ids: Vec<usize> = last.hits.iter().map(|h| h.article).collect();
        assert_eq!(ids.len(), 2, "the uranium articles: {ids:?}");
    }

    #[test]
    fn a_search_is_answered_while_the_cache_is_still_being_written() {
        let corpus = Arc::new(load_bundled().corpus);
        let articles = corpus.len();
        let (tx, rx) = mpsc::channel();
        let worker = Worker::spawn(Arc::clone(&corpus), move |r| {
            let _ = tx.send(r);
        })
        .expect("thread starts");
        // The task stands for a slow cache write: it runs until released.
        let (release, released) = mpsc::channel::<()>();
        let (done, finished) = mpsc::channel();
        let task: IndexedTask = Box::new(move |corpus, index| {
            let _ = released.recv_timeout(Duration::from_secs(60));
            let _ = done.send((corpus.len(), index.articles()));
        });
        worker.feeder().when_indexed(articles, task);
        worker.submit(Request { generation: 1, query: Query::parse("uranium"), view: View::Clean });
        let answer = loop {
            let results = rx.recv_timeout(Duration::from_secs(30)).expect("an answer before the task ends");
            if results.complete {
                break results;
            }
        };
        assert_eq!(answer.hits.len(), 2, "the uranium articles");
        release.send(()).expect("the task is still waiting");
        let seen = finished.recv_timeout(Duration::from_secs(30)).expect("the task ran");
        assert_eq!(seen, (articles, articles), "the task saw the whole corpus, all indexed");
    }

    #[test]
    fn a_loader_can_wait_for_what_it_handed_over_to_be_indexed() {
        let worker = Worker::spawn(Arc::new(Corpus::default()), |_| {}).expect("thread starts");
        let feeder = worker.feeder();
        assert!(feeder.wait_until_indexed(0, Duration::ZERO), "nothing handed over, nothing to wait for");
        let corpus = Arc::new(load_bundled().corpus);
        let articles = corpus.len();
        assert!(!feeder.wait_until_indexed(articles, Duration::from_millis(50)), "not handed over yet");
        worker.grow(corpus);
        assert!(feeder.wait_until_indexed(articles, Duration::from_secs(30)), "indexed once grown");
    }
}
