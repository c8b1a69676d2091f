//! Searching without an index, for one query over a corpus that will not be
//! searched again (`folio --filter`): each article is read once, on all
//! cores, and scored exactly as the index would score it. Building an index
//! only pays off when many queries follow.

use rayon::prelude::*;

use super::index::WordIds;
use super::matcher::{TermMatcher, words_of};
use super::query::{Kind, Query};
use super::{Hit, TermScores, body_texts, group_total, points, rank};
use crate::corpus::{Article, Corpus, View};

/// Articles one thread scans with one memory of words.
const SCAN_PIECE_ARTICLES: usize = 4_096;

/// The ranked matches of `query` in `view`: the same hits, with the same
/// scores, as `Searcher::search`.
pub fn scan(corpus: &Corpus, query: &Query, view: View) -> Vec<Hit> {
    if query.is_empty() {
        return (0..corpus.len()).map(|article| Hit { article, score: 0 }).collect();
    }
    let groups: Vec<Vec<TermMatcher>> =
        query.groups.iter().map(|g| g.iter().map(TermMatcher::new).collect()).collect();
    let terms: Vec<&TermMatcher> = groups.iter().flatten().collect();
    let mut hits: Vec<Hit> = corpus
        .articles()
        .par_iter()
        // Each piece of work starts with an empty memory of words: pieces
        // big enough that scoring a word again is rare.
        .with_min_len(SCAN_PIECE_ARTICLES)
        .map_init(Seen::default, |seen, article| {
            let scores = score_terms(article, &terms, view, seen);
            let mut scores = scores.into_iter();
            let per_group: Vec<Vec<TermScores>> =
                groups.iter().map(|g| scores.by_ref().take(g.len()).collect()).collect();
            group_total(&groups, &per_group, 0).map(|score| Hit { article: article.id, score })
        })
        .flatten()
        .collect();
    rank(&mut hits);
    hits
}

/// Each word met so far on one thread, with each term's score for it:
/// most words recur, and are matched against the terms only once.
#[derive(Default)]
struct Seen {
    ids: WordIds,
    /// The terms' scores for word `id` at `id * terms..(id + 1) * terms`.
    scores: Vec<i64>,
}

impl Seen {
    fn scores(&mut self, word: &str, terms: &[&TermMatcher]) -> &[i64] {
        let id = match self.ids.get(word) {
            Some(id) => id as usize,
            None => {
                let id = self.scores.len() / terms.len().max(1);
                self.ids.insert(word, u32::try_from(id).unwrap_or(u32::MAX));
                self.scores.extend(terms.iter().map(|t| match t.term.kind {
                    Kind::Phrase => 0,
                    _ => t.match_word(word).map_or(0, |_| t.score_word(word)),
                }));
                id
            }
        };
        &self.scores[id * terms.len()..(id + 1) * terms.len()]
    }
}

/// Each term's title and body scores for one article.
fn score_terms(article: &Article, terms: &[&TermMatcher], view: View, seen: &mut Seen) -> Vec<TermScores> {
    let mut scores: Vec<TermScores> = terms.iter().map(|_| TermScores::new(1)).collect();
    let text = article.text();
    let body = body_texts(&text, view).flat_map(|(_, paragraph)| words_of(paragraph));
    let words = words_of(&article.title).map(|w| (true, w)).chain(body.map(|w| (false, w)));
    for (in_title, (_, word)) in words {
        let found = seen.scores(word, terms);
        for ((term, score), &found) in terms.iter().zip(&mut scores).zip(found) {
            let found = points(found);
            if found == 0 {
                continue;
            }
            if in_title && term.term.field.includes_title() {
                score.at[0].title = score.at[0].title.max(found);
            } else if !in_title && term.term.field.includes_body() {
                score.at[0].body = score.at[0].body.max(found);
                score.at[0].occurrences += 1;
            }
        }
    }
    for (term, score) in terms.iter().zip(&mut scores) {
        if term.term.kind == Kind::Phrase {
            *score = score_phrase(article, term, view);
        }
    }
    scores
}

fn score_phrase(article: &Article, term: &TermMatcher, view: View) -> TermScores {
    let mut score = TermScores::new(1);
    score.set_phrase(0, article, term, view, term.score_word(&term.term.text));
    score
}
