//! Articles arriving while folio is in use: a load streams in batch by
//! batch, and each batch grows the corpus, the list, the remembered state
//! and (through an `Effect::Grown`) the search index, with the progress
//! shown until the last file is read. Also what the load skipped.

use std::sync::Arc;

use crate::corpus::{Batch, Progress, Skipped};

use super::{App, Effect};

#[derive(Debug, Default)]
pub(super) struct Loading {
    /// How far a load streaming in has got; `None` once it has finished.
    pub progress: Option<Progress>,
    /// The files passed over so far, with their reasons.
    pub skipped: Vec<Skipped>,
}

impl Loading {
    pub fn new(skipped: &[Skipped]) -> Self {
        Loading { progress: None, skipped: skipped.to_vec() }
    }
}

/// "5 loaded, 2 skipped (! lists them)", said once at the start when
/// anything was skipped.
pub(super) fn skipped_notice(loaded: usize, skipped: &[Skipped]) -> Option<String> {
    (!skipped.is_empty()).then(|| format!("{loaded} loaded, {} skipped (! lists them)", skipped.len()))
}

impl App {
    /// The same app waiting for a load to stream its articles in.
    pub fn streaming(mut self) -> Self {
        self.loading.progress = Some(Progress::default());
        self
    }

    pub(super) fn add_batch(&mut self, batch: Batch) {
        let Batch { articles, skipped, progress } = batch;
        if !articles.is_empty() {
            let first = self.corpus.len();
            self.corpus = Arc::new(self.corpus.extended(articles));
            let len = self.corpus.len();
            self.memory.grow(len);
            self.list.ranks = self.list.sort.ranks(&self.corpus);
            // The new articles are indexed before the search that covers them.
            self.effects.push(Effect::Grown(Arc::clone(&self.corpus)));
            let last = self.remember(first..len);
            // The list takes the new articles in. What the user selected
            // stays selected; until they move, the best match is selected,
            // as better ones arrive.
            if self.filter.moved {
                self.rerun_filter();
            } else {
                self.refilter();
            }
            if let Some(last) = last {
                self.reselect(last);
            }
        }
        self.loading.skipped.extend(skipped);
        self.loading.progress = (!progress.finished).then_some(progress);
        if progress.finished {
            if self.corpus.is_empty() {
                // Nothing to read: the caller says so once the terminal is back.
                self.quit = true;
            } else if let Some(notice) = skipped_notice(self.corpus.len(), &self.loading.skipped) {
                self.overlay.notice.get_or_insert(notice);
            }
        }
    }

    /// How far a load streaming in has got; `None` when every article is in.
    pub fn loading(&self) -> Option<Progress> {
        self.loading.progress
    }

    /// The files that were passed over while loading, with their reasons.
    pub fn skipped(&self) -> &[Skipped] {
        &self.loading.skipped
    }
}
