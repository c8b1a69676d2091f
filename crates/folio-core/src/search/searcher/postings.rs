//! Scoring a chunk of articles from the index's postings, term by term,
//! on the machine's cores, into the articles found so far.

use rayon::prelude::*;

use super::Searcher;
use super::words::{Prepared, single_letter_of};
use crate::search::query::Kind;
use crate::search::rank::{self, Found, Plan, Raw};

/// Below this many articles a chunk is scored on one thread: starting
/// threads would cost more than it saves.
const PARALLEL_MIN_ARTICLES: usize = 2_048;

impl Searcher {
    /// Scores a chunk of articles, split across the machine's cores when it
    /// is big enough to be worth a thread.
    pub(super) fn score_chunk(
        &self,
        groups: &[Vec<Prepared>],
        plan: &Plan,
        range: std::ops::Range<usize>,
        found: &mut Found,
    ) {
        let threads = rayon::current_num_threads().min(range.len() / PARALLEL_MIN_ARTICLES);
        if threads < 2 {
            self.score_range(groups, plan, range, found);
            return;
        }
        // Not a thread started, nor the system asked for its cores (which
        // reads cgroup files), on every step: the pool's threads are
        // ready, and it knows how many there are.
        let step = range.len().div_ceil(threads);
        let starts: Vec<usize> = (range.start..range.end).step_by(step).collect();
        let parts: Vec<Found> = starts
            .into_par_iter()
            .map(|start| {
                let mut part = Found::new(plan.terms.len());
                self.score_range(groups, plan, start..(start + step).min(range.end), &mut part);
                part
            })
            .collect();
        for part in parts {
            found.append(part);
        }
    }

    fn score_range(
        &self,
        groups: &[Vec<Prepared>],
        plan: &Plan,
        range: std::ops::Range<usize>,
        found: &mut Found,
    ) {
        let scored: Vec<TermScores> =
            groups.iter().flatten().map(|term| self.score_term(term, range.clone())).collect();
        if plan.tabulated() {
            self.keep_tabulated(plan, &scored, range, found);
            return;
        }
        let mut raws = vec![Raw::default(); scored.len()];
        for (offset, article) in range.enumerate() {
            for (raw, scores) in raws.iter_mut().zip(&scored) {
                *raw = scores.at[offset];
            }
            found.add(plan, article, self.index.length(article), &raws);
        }
    }

    /// Counts and keeps a range's articles by the plan's table of outcomes:
    /// each article's matched terms as the bits of a number, found term by
    /// term in one pass over each term's scores, then looked up. Reading
    /// every term's raws for every article and walking the groups cost
    /// more than the postings did (BENCHMARKS.md, "Keystroke and
    /// `--filter` after issue 16").
    fn keep_tabulated(
        &self,
        plan: &Plan,
        scored: &[TermScores],
        range: std::ops::Range<usize>,
        found: &mut Found,
    ) {
        // Each article's matched terms, and its terms matched as words.
        let mut masks = vec![(0u32, 0u32); range.len()];
        for (t, scores) in scored.iter().enumerate() {
            for (mask, raw) in masks.iter_mut().zip(&scores.at) {
                mask.0 |= u32::from(raw.matched()) << t;
                mask.1 |= u32::from(raw.has_word()) << t;
            }
        }
        let lengths = self.index.lengths(range.clone());
        found.looked_at(range.len(), lengths.iter().map(|&l| u64::from(l)).sum());
        for (offset, &(matched, words)) in masks.iter().enumerate() {
            found.matched(matched);
            if let Some(missing) = plan.outcome(matched, words) {
                let length = lengths.get(offset).copied().unwrap_or(0);
                found.keep(range.start + offset, length, missing, scored.iter().map(|s| s.at[offset]));
            }
        }
    }

    fn score_term(&self, term: &Prepared, range: std::ops::Range<usize>) -> TermScores {
        let mut scores = TermScores::new(range.len());
        let field = term.matcher.term.field;
        if term.matcher.term.kind == Kind::Phrase {
            self.score_phrase(term, range, &mut scores);
            return scores;
        }
        let (in_title, in_body) = (field.includes_title(), field.includes_body());
        if let Some(table) = single_letter_of(&term.matcher.term).and_then(|c| self.index.letter_table(c)) {
            // The same scores the words' postings give, read off the table.
            for (at, article) in range.enumerate() {
                if in_title {
                    scores.at[at].title = u32::from(table.title[article]);
                }
                if in_body {
                    scores.at[at].body = u32::from(table.body[article]);
                    scores.at[at].occurrences = table.occurrences[article];
                }
            }
            return scores;
        }
        let Some(words) = term.words.first() else { return scores };
        for &(id, score) in words.iter() {
            let score = points(score);
            self.index.for_each_posting(id, range.clone(), |posting| {
                let at = posting.article as usize - range.start;
                if in_title && posting.title > 0 {
                    scores.at[at].title = scores.at[at].title.max(score);
                }
                if in_body && posting.body > 0 {
                    scores.at[at].body = scores.at[at].body.max(score);
                    scores.at[at].occurrences += u32::from(posting.body);
                }
            });
        }
        scores
    }

    fn score_phrase(&self, term: &Prepared, range: std::ops::Range<usize>, scores: &mut TermScores) {
        // Articles that hold every word of the phrase somewhere...
        let mut candidates: Option<Vec<bool>> = None;
        for words in &term.words {
            let mut has = vec![false; range.len()];
            for &(id, _) in words.iter() {
                self.index.for_each_posting(id, range.clone(), |posting| {
                    has[posting.article as usize - range.start] = true;
                });
            }
            candidates = Some(match candidates {
                Some(so_far) => so_far.iter().zip(&has).map(|(a, b)| *a && *b).collect(),
                None => has,
            });
        }
        let Some(candidates) = candidates else { return };
        // ...are read to find the phrase itself.
        for (offset, _) in candidates.iter().enumerate().filter(|(_, c)| **c) {
            let Some(article) = self.corpus.get(range.start + offset) else { continue };
            scores.at[offset] = rank::phrase_raw(article, &term.matcher, self.view);
        }
    }
}

/// One term's raw matches for each article of a chunk, by position in it.
/// Side by side and four bytes each: a search updates them for millions of
/// postings, one cache line a posting, and a step's scores stay in the
/// core's cache.
struct TermScores {
    at: Vec<Raw>,
}

/// A word's quality as [`Raw`] keeps it.
fn points(score: i64) -> u32 {
    u32::try_from(score.max(0)).unwrap_or(u32::MAX)
}

impl TermScores {
    fn new(len: usize) -> Self {
        TermScores { at: vec![Raw::default(); len] }
    }
}
