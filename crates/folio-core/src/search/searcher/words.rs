//! The words of the index a term matches, with their scores, and the
//! memory of recent terms' words, so that a term that grows by a letter is
//! checked only against the words its shorter form matched.

use std::num::NonZeroUsize;
use std::sync::Arc;

use lru::LruCache;
use rayon::prelude::*;
use rustc_hash::FxBuildHasher;

use super::Searcher;
use crate::search::matcher::TermMatcher;
use crate::search::query::{Kind, Term};

/// Words (ids in one index) with their scores.
pub(super) type WordScores = Arc<[(u32, i64)]>;

/// What recent terms matched in the current index.
pub(super) type MatchedWords = LruCache<Term, WordScores, FxBuildHasher>;

/// Terms' matched words kept at once; past this the least recently used
/// are forgotten.
const TERM_CACHE_LIMIT: NonZeroUsize = NonZeroUsize::new(256).expect("not zero");

/// An empty memory of terms' words.
pub(super) fn matched_words() -> MatchedWords {
    LruCache::with_hasher(TERM_CACHE_LIMIT, FxBuildHasher)
}

/// A phrase's words looked up in the index to narrow the articles read for
/// it: a few rule out nearly every article a longer phrase would.
const PHRASE_WORDS_LOOKED_UP: usize = 8;

impl Searcher {
    pub(super) fn prepare(&mut self, term: &Term) -> Prepared {
        let matcher = TermMatcher::new(term);
        let words = match term.kind {
            Kind::Phrase => self.phrase_word_candidates(&matcher),
            _ => vec![self.words_matching(&matcher)],
        };
        Prepared { matcher, words }
    }

    /// The vocabulary words `matcher` matches, with their scores.
    fn words_matching(&mut self, matcher: &TermMatcher) -> WordScores {
        let term = &matcher.term;
        if let Some(hit) = self.matched_words.get(term) {
            return Arc::clone(hit);
        }
        let single = single_letter_of(term);
        // Scoring a word is the dear part of a short term, which
        // matches thousands of words: spread over the cores.
        let this = &*self;
        let matched: WordScores = match (single, self.narrower_than(matcher)) {
            (Some(letter), _) => match self.index.single_letter(letter) {
                Some(words) => words.collect(),
                None => WordScores::default(),
            },
            (None, Some(parent)) => {
                let found: Vec<(u32, i64)> =
                    parent.par_iter().filter_map(|&(id, _)| this.score(matcher, id)).collect();
                found.into()
            }
            (None, _) => {
                let found: Vec<(u32, i64)> = (0..this.index.word_count() as u32)
                    .into_par_iter()
                    .filter_map(|id| this.score(matcher, id))
                    .collect();
                found.into()
            }
        };
        self.matched_words.put(term.clone(), Arc::clone(&matched));
        matched
    }

    /// The cached words of a shorter form of `term` that matches every word
    /// `term` can match: the same kind, scope and case, typed one or more
    /// letters earlier, with the same typo rules (a term of 5 or 9 letters
    /// may match words its shorter forms do not). Suffix terms grow at the
    /// wrong end, so never.
    fn narrower_than(&self, matcher: &TermMatcher) -> Option<WordScores> {
        let term = &matcher.term;
        if !matches!(term.kind, Kind::Fuzzy | Kind::Exact | Kind::Prefix) {
            return None;
        }
        let mut shorter = term.clone();
        while shorter.text.pop().is_some() && !shorter.text.is_empty() {
            if let Some(words) = self.matched_words.peek(&shorter) {
                return TermMatcher::new(&shorter).covers(matcher).then(|| Arc::clone(words));
            }
        }
        None
    }

    fn score(&self, matcher: &TermMatcher, id: u32) -> Option<(u32, i64)> {
        if !matcher.could_match(self.index.mask(id)) {
            return None;
        }
        let word = self.index.word(id);
        let quality = matcher.score_word(word);
        (quality > 0).then_some((id, i64::from(quality)))
    }

    /// For a phrase, the words that could hold it, one list per phrase word:
    /// an article must have a word from each list to be worth reading.
    /// Only the first `PHRASE_WORDS_LOOKED_UP` words and the last are looked
    /// up (each is a pass over the vocabulary): the articles are read for
    /// the whole phrase anyway, so a longer phrase costs reading, not passes.
    fn phrase_word_candidates(&mut self, matcher: &TermMatcher) -> Vec<WordScores> {
        let words = matcher.phrase_words().to_vec();
        let last = words.len().saturating_sub(1);
        let mut candidates = Vec::with_capacity(words.len());
        let looked_up = words.iter().enumerate().filter(|(i, _)| *i < PHRASE_WORDS_LOOKED_UP || *i == last);
        for (i, wanted) in looked_up {
            let text: String = wanted.iter().collect();
            // The last word may still be being typed, so it is a prefix.
            let kind = if i == last { Kind::Prefix } else { Kind::Exact };
            let part = TermMatcher::new(&Term { text, kind, ..matcher.term.clone() });
            let found = self.words_matching(&part);
            let whole_words: WordScores = if i == last {
                found
            } else {
                found
                    .iter()
                    .copied()
                    .filter(|&(id, _)| self.index.word(id).chars().count() == wanted.len())
                    .collect()
            };
            candidates.push(whole_words);
        }
        candidates
    }
}

/// A term with the index words it can match (for a phrase, one list per
/// phrase word).
pub(super) struct Prepared {
    pub(super) matcher: TermMatcher,
    pub(super) words: Vec<WordScores>,
}

/// The letter of a one-letter term whose matches are every word holding
/// it (case aside): what the index scores in advance.
pub(super) fn single_letter_of(term: &Term) -> Option<char> {
    match term.kind {
        // "A" that starts a sentence-like query is not case-sensitive: it
        // looks for "a" as much as "A".
        Kind::Fuzzy | Kind::Exact if !term.case_sensitive => {
            single_char(&term.text).filter(char::is_ascii).map(|c| c.to_ascii_lowercase())
        }
        _ => None,
    }
}

/// The one character of a one-character text.
fn single_char(text: &str) -> Option<char> {
    let mut chars = text.chars();
    chars.next().filter(|_| chars.next().is_none())
}
