//! The searcher: one corpus's index in each view, and a query run over it
//! in steps, with the results so far offered after each. Finding the words
//! a term matches, and remembering them, is `words`; scoring articles from
//! the index's postings is `postings`.

mod postings;
#[cfg(test)]
mod tests;
mod words;

use std::sync::Arc;

use super::hits::{Hit, rank_in_article_order};
use super::rank::{Found, Plan, Ranking};
use super::{Index, Query};
use crate::corpus::{Corpus, View};
use words::{MatchedWords, Prepared, matched_words};

/// Articles scored by one thread in a step (one segment of the index); a
/// step scores a chunk per core. After each step, partial results are
/// reported and a newer query may cancel the rest.
pub const CHUNK_ARTICLES: usize = 16_384;

/// Runs queries over one corpus, in either view (site furniture hidden, or
/// searched too). Keeps the words matched by recent terms, so a term that
/// grows by a letter is checked only against the words its shorter form
/// matched.
pub struct Searcher {
    corpus: Arc<Corpus>,
    /// The view `index` and `matched_words` are for.
    view: View,
    /// Shared, so that the cache can be written from it on a thread of its
    /// own while searches go on.
    index: Arc<Index>,
    matched_words: MatchedWords,
    /// The other view's index and memory, once it has been asked for, kept
    /// for when `r` flips back.
    spare: Option<(View, Arc<Index>, MatchedWords)>,
    /// The weights of the last search that ran to its end, to explain it.
    ranking: Option<Ranking>,
}

impl Searcher {
    /// A searcher over `corpus`, building its index (the costly part).
    pub fn new(corpus: Arc<Corpus>) -> Self {
        let index = Arc::new(Index::build(corpus.articles(), View::Clean));
        Searcher {
            corpus,
            view: View::Clean,
            index,
            matched_words: matched_words(),
            spare: None,
            ranking: None,
        }
    }

    /// Makes `view`'s index the current one, building it the first time.
    fn use_view(&mut self, view: View) {
        if self.view == view {
            return;
        }
        let (_, index, words) =
            self.spare.take().filter(|(spare, _, _)| *spare == view).unwrap_or_else(|| {
                (view, Arc::new(Index::build(self.corpus.articles(), view)), matched_words())
            });
        let old_index = std::mem::replace(&mut self.index, index);
        let old_words = std::mem::replace(&mut self.matched_words, words);
        self.spare = Some((self.view, old_index, old_words));
        self.view = view;
    }

    /// A searcher over `corpus` with its clean view's index already built
    /// (read from the cache).
    pub fn with_index(corpus: Arc<Corpus>, index: Index) -> Self {
        let mut searcher = Searcher::new(Arc::new(Corpus::default()));
        searcher.adopt(index);
        searcher.grow(corpus);
        searcher
    }

    /// Takes a clean view's index built elsewhere (read from the cache), if
    /// nothing has been indexed here yet.
    pub fn adopt(&mut self, index: Index) {
        if self.view == View::Clean && self.index.articles() == 0 {
            self.index = Arc::new(index);
            self.matched_words.clear();
        }
    }

    /// The clean view's index, when it covers the whole corpus: not while
    /// the raw view's is the one kept up to date.
    pub fn clean_index(&self) -> Option<&Arc<Index>> {
        let index = match (&self.view, &self.spare) {
            (View::Clean, _) => &self.index,
            (View::Raw, Some((View::Clean, index, _))) => index,
            (View::Raw, _) => return None,
        };
        (index.articles() == self.corpus.len()).then_some(index)
    }

    /// Takes the corpus after it grew (a load streaming in) and indexes the
    /// new articles. New words may match earlier terms, so their memory
    /// goes; so does the other view's index, built again when asked for.
    pub fn grow(&mut self, corpus: Arc<Corpus>) {
        let indexed = self.index.articles();
        if let Some(new) = corpus.articles().get(indexed..) {
            // Copies the index only if a cache is still being written from
            // it, which a load that is still growing never asks for.
            Arc::make_mut(&mut self.index).extend(new, self.view);
        }
        self.corpus = corpus;
        self.matched_words.clear();
        self.spare = None;
    }

    /// Gives back the room the current index grew into while a load
    /// streamed in: for once the load is all in, before the index is
    /// shared with the work that waited for it.
    pub fn settle(&mut self) {
        if let Some(index) = Arc::get_mut(&mut self.index) {
            index.shrink_to_fit();
        }
    }

    /// Drops the memory of earlier terms, as for a new user.
    pub fn forget(&mut self) {
        self.matched_words.clear();
    }

    /// The ranked matches of `query`, all at once.
    pub fn search(&mut self, query: &Query, view: View) -> Vec<Hit> {
        self.search_in_steps(query, view, &mut |_| true).unwrap_or_default()
    }

    /// The ranked matches of `query`, offering the results so far after
    /// each step of [`CHUNK_ARTICLES`] articles per core. `step` returns
    /// false to stop early (a newer query arrived); then the result is
    /// `None`.
    pub fn search_in_steps(
        &mut self,
        query: &Query,
        view: View,
        step: &mut dyn FnMut(SoFar<'_>) -> bool,
    ) -> Option<Vec<Hit>> {
        self.use_view(view);
        let total = self.corpus.len();
        if query.is_empty() {
            return Some((0..total).map(|article| Hit { article, score: 0 }).collect());
        }
        let plan = Arc::new(Plan::new(query));
        let groups: Vec<Vec<Prepared>> =
            query.groups.iter().map(|g| g.iter().map(|t| self.prepare(t)).collect()).collect();
        let mut found = Found::new(plan.terms.len());
        // A step is a chunk per core, each scored whole on its own thread:
        // a thread then reads one segment's postings, and no thread
        // decodes postings only to skip them.
        let cores = rayon::current_num_threads();
        let mut start = 0;
        while start < total {
            let end = (start + CHUNK_ARTICLES * cores).min(total);
            self.score_chunk(&groups, &plan, start..end, &mut found);
            if end < total && !step(SoFar { found: &found, plan: &plan, total }) {
                return None;
            }
            start = end;
        }
        let ranking = Ranking::new(plan, &found, total);
        let mut hits = ranking.hits(&found);
        rank_in_article_order(&mut hits);
        let corpus = &self.corpus;
        ranking.rerank(&mut hits, |id| corpus.articles().get(id).cloned(), self.view);
        self.ranking = Some(ranking);
        Some(hits)
    }

    /// The weights of the last search that ran to its end: what
    /// [`Ranking::explain`] needs.
    pub fn ranking(&self) -> Option<&Ranking> {
        self.ranking.as_ref()
    }

    pub fn corpus(&self) -> &Arc<Corpus> {
        &self.corpus
    }
}

/// The results of a search so far.
pub struct SoFar<'a> {
    found: &'a Found,
    plan: &'a Arc<Plan>,
    /// Articles in the corpus, of which `found` has seen some.
    total: usize,
}

impl SoFar<'_> {
    /// The results so far, ranked by the weights so far, to show.
    pub fn ranked(&self) -> Vec<Hit> {
        let ranking = Ranking::new(Arc::clone(self.plan), self.found, self.total);
        let mut hits = ranking.hits(self.found);
        rank_in_article_order(&mut hits);
        hits
    }
}
