//! A load streaming in while the reader runs: on a thread of its own, it
//! hands batches of articles to the loop and the index to the search
//! thread, never more than two batches ahead of the indexing.

use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

use anyhow::{Context as _, Result};

use crate::corpus::Batch;
use crate::library::Sink;
use crate::search::Index;
use crate::search::worker::{Feeder, IndexedTask};

use super::Message;

/// A load to stream in while the reader runs, called on a thread of its
/// own: batches go to the event loop, an index read from the cache and
/// work for once everything is indexed go to the search thread.
pub type Loader = Box<dyn FnOnce(&mut dyn Sink) + Send>;

/// Where the load thread hands what it finds.
struct LoadSink {
    loop_inbox: Sender<Message>,
    search: Feeder,
    /// Articles handed over so far, and before the last batch.
    delivered: usize,
    delivered_before: usize,
}

/// The longest a batch waits for the ones before it to be indexed: the
/// search thread may be busy with a long search, or indexing the raw view.
const INDEX_WAIT_LIMIT: Duration = Duration::from_secs(1);

impl Sink for LoadSink {
    fn batch(&mut self, batch: Batch) -> bool {
        // Parsing and indexing share the cores. Left alone, parsing raced
        // ahead and the index fell half a corpus behind: the list was full
        // seconds before a search covered it. A batch now waits until all
        // but the last one handed over are indexed: the index is never more
        // than two batches behind, and the load ends searchable. (Waiting
        // for the last one too left a core idle while it was indexed.)
        self.search.wait_until_indexed(self.delivered_before, INDEX_WAIT_LIMIT);
        self.delivered_before = self.delivered;
        self.delivered += batch.articles.len();
        // A closed channel means the loop has ended: the load stops.
        self.loop_inbox.send(Message::Loaded(batch)).is_ok()
    }

    fn index(&mut self, index: Index) {
        self.search.adopt(index);
    }

    fn when_indexed(&mut self, articles: usize, task: IndexedTask) {
        self.search.when_indexed(articles, task);
    }
}

/// Starts `load` on a thread of its own. Not joined: when folio quits, the
/// next batch finds nobody waiting and the load stops there.
pub(super) fn spawn(load: Loader, loop_inbox: Sender<Message>, search: Feeder) -> Result<()> {
    let mut sink = LoadSink { loop_inbox, search, delivered: 0, delivered_before: 0 };
    thread::Builder::new()
        .name("folio-load".into())
        .spawn(move || load(&mut sink))
        .context("cannot start loading")?;
    Ok(())
}
