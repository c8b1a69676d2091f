//! What `App` asks the world outside it to do. `update` never does I/O: it
//! pushes an `Effect`, and the event loop (or a test) drains the queue in
//! one place after each message and runs them.

use std::sync::Arc;

use crate::clipboard::Copy;
use crate::corpus::Corpus;
use crate::search::worker::Request;

use super::Handoff;

/// One thing for the driver to do, in the order it was asked.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Run this search and send its results back as `Action::ShowResults`.
    Search(Request),
    /// The corpus grew (a load streaming in): the search thread must index
    /// the new articles before it runs a search that covers them.
    Grown(Arc<Corpus>),
    /// Put this on the terminal's clipboard.
    Copy(Copy),
    /// Hand the article to a pager, an editor or a browser, and report how
    /// it went as `Action::Report`.
    HandOff(Handoff),
    /// Suspend folio (Ctrl-z), giving the terminal back to the shell.
    Suspend,
}

/// The queue of effects not yet run.
#[derive(Debug, Default)]
pub struct Effects(Vec<Effect>);

impl Effects {
    /// Queues `effect`. A search or a grown corpus replaces one of its kind
    /// still queued: only the newest can matter (older results are dropped
    /// by generation, and the newest corpus holds every article).
    pub fn push(&mut self, effect: Effect) {
        if let Some(kind) = effect.latest_only() {
            self.0.retain(|queued| queued.latest_only() != Some(kind));
        }
        self.0.push(effect);
    }

    /// Drops a search still queued: the filter was emptied before it ran.
    pub fn cancel_search(&mut self) {
        self.0.retain(|queued| !matches!(queued, Effect::Search(_)));
    }

    /// Everything queued, oldest first, leaving the queue empty.
    pub fn drain(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.0)
    }
}

impl Effect {
    /// For effects where only the newest counts, a name for their kind.
    fn latest_only(&self) -> Option<&'static str> {
        match self {
            Effect::Search(_) => Some("search"),
            Effect::Grown(_) => Some("grown"),
            _ => None,
        }
    }
}
