//! Articles arriving while folio is in use: a load streams in batch by
//! batch, and each batch grows the corpus, the list, the remembered state
//! and (through the event loop) the search index, with the progress shown
//! until the last file is read.

use std::sync::Arc;

use crate::corpus::{Batch, Corpus, Progress};
use crate::document::Anchor;

use super::{App, skipped_notice};

impl App {
    /// The same app waiting for a load to stream its articles in.
    pub fn streaming(mut self) -> Self {
        self.loading = Some(Progress::default());
        self
    }

    pub(super) fn add_batch(&mut self, batch: Batch) {
        let Batch { articles, skipped, progress } = batch;
        if !articles.is_empty() {
            let first = self.corpus.len();
            self.corpus = Arc::new(self.corpus.extended(articles));
            let len = self.corpus.len();
            self.positions.resize(len, Anchor::default());
            self.memory.grow(len);
            self.ranks = self.sort.ranks(&self.corpus);
            self.grown = true;
            let last = self.remember(first..len);
            // The list takes the new articles in. What the user selected
            // stays selected; until they move, the best match is selected,
            // as better ones arrive.
            if self.navigation.moved {
                self.rerun_filter();
            } else {
                self.refilter();
            }
            if let Some(last) = last {
                self.reselect(last);
            }
        }
        self.skipped.extend(skipped);
        self.loading = (!progress.finished).then_some(progress);
        if progress.finished {
            if self.corpus.is_empty() {
                // Nothing to read: the caller says so once the terminal is back.
                self.quit = true;
            } else if let Some(notice) = skipped_notice(self.corpus.len(), &self.skipped) {
                self.notice.get_or_insert(notice);
            }
        }
    }

    /// The corpus, when it has grown since last asked: the search thread
    /// indexes the new articles.
    pub fn take_grown_corpus(&mut self) -> Option<Arc<Corpus>> {
        std::mem::take(&mut self.grown).then(|| Arc::clone(&self.corpus))
    }

    /// How far a load streaming in has got; `None` when every article is in.
    pub fn loading(&self) -> Option<Progress> {
        self.loading
    }
}
