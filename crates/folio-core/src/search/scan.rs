//! Searching without an index, for one query over a corpus that will not be
//! searched again (`folio --filter`): each article is read once, on all
//! cores, and scored exactly as the index would score it. Building an index
//! only pays off when many queries follow.

use std::sync::Arc;

use rayon::prelude::*;

use super::Hit;
use super::hits::rank;
use super::index::WordIds;
use super::matcher::TermMatcher;
use super::query::{Kind, Query};
use super::rank::{Found, Plan, Ranking, Raw, raws_with};
use crate::corpus::{Article, Corpus, View};

/// Articles one thread scans with one memory of words.
const SCAN_PIECE_ARTICLES: usize = 4_096;

/// The ranked matches of `query` in `view`: the same hits, with the same
/// scores, as `Searcher::search`.
pub fn scan(corpus: &Corpus, query: &Query, view: View) -> Vec<Hit> {
    scan_ranked(corpus, query, view).0
}

/// [`scan`], with the weights that explain its scores (none for an empty
/// query).
pub fn scan_ranked(corpus: &Corpus, query: &Query, view: View) -> (Vec<Hit>, Option<Ranking>) {
    if query.is_empty() {
        return ((0..corpus.len()).map(|article| Hit { article, score: 0 }).collect(), None);
    }
    let plan = Arc::new(Plan::new(query));
    let terms = &plan.terms;
    let found = corpus
        .articles()
        .par_chunks(SCAN_PIECE_ARTICLES)
        // Each piece of work starts with an empty memory of words: pieces
        // big enough that scoring a word again is rare.
        .map(|articles| {
            let mut seen = Seen::default();
            let mut found = Found::new(terms.len());
            for article in articles {
                let (raws, length) = score_terms(article, terms, view, &mut seen);
                found.add(&plan, article.id, length, &raws);
            }
            found
        })
        .reduce(
            || Found::new(terms.len()),
            |mut a, b| {
                a.append(b);
                a
            },
        );
    let ranking = Ranking::new(Arc::clone(&plan), &found, corpus.len());
    let mut hits = ranking.hits(&found);
    rank(&mut hits);
    ranking.rerank(&mut hits, |id| corpus.articles().get(id).cloned(), view);
    (hits, Some(ranking))
}

/// Each word met so far on one thread, with each term's quality for it:
/// most words recur, and are matched against the terms only once.
#[derive(Default)]
struct Seen {
    ids: WordIds,
    /// The terms' qualities for word `id` at `id * terms..(id + 1) * terms`.
    scores: Vec<u32>,
}

impl Seen {
    fn scores(&mut self, word: &str, terms: &[TermMatcher]) -> &[u32] {
        let id = match self.ids.get(word) {
            Some(id) => id as usize,
            None => {
                let id = self.scores.len() / terms.len().max(1);
                self.ids.insert(word, u32::try_from(id).unwrap_or(u32::MAX));
                self.scores.extend(terms.iter().map(|t| match t.term.kind {
                    Kind::Phrase => 0,
                    _ => t.score_word(word),
                }));
                id
            }
        };
        &self.scores[id * terms.len()..(id + 1) * terms.len()]
    }
}

/// Each term's raw match in one article, and its length in words.
fn score_terms(article: &Article, terms: &[TermMatcher], view: View, seen: &mut Seen) -> (Vec<Raw>, u32) {
    raws_with(article, terms, view, |word, qualities| {
        qualities.copy_from_slice(seen.scores(word, terms));
    })
}
