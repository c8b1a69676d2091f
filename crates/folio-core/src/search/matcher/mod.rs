//! Matching one term against words and text: the match-quality floor, the
//! typo rules, smart case, accents, and where in a text the matches are
//! (for highlights and snippets). Each match has a quality (per mille):
//! exact beats prefix beats fuzzy, which ranking weighs.
//!
//! The floor: a fuzzy term matches a word when the word holds the term's
//! letters in order within a stretch at most one letter longer than the
//! term. So `uranum` finds "uranium" and `bazum` finds "Bazoum", while
//! `us` does not match "uranium's" through a `u` here and an `s` there.
//!
//! Two letters are a word's start: a fuzzy term of two letters matches
//! only words that start with them (`tr` finds "troops", not "country").
//! Two letters inside a word are in nearly every article, so they rank
//! nothing and cost the most: keystroke p99 (BENCHMARKS.md, "Two-letter
//! terms at the start of words").
//!
//! Typos, by the length of the term (as Meilisearch publishes them): none
//! up to 4 letters, one from 5, two from 9. A typo is a wrong, extra or
//! swapped letter against the start of a word; a wrong first letter counts
//! as two. Numbers (terms of digits) are never fuzzy: they match a number
//! in a word, or the start of one, and nothing else.
//!
//! Accents: a term without accents matches words with or without them
//! (`cafe` finds "café", composed or written as e plus a combining
//! accent); a term with an accent matches only that accent.
//!
//! Split by what each part owns: the term and its kinds of match (here),
//! how well a folded word matches (`score`), folding case and accents
//! (`fold`), splitting text into words (`words`), and where a text's
//! matches are, for highlights and snippets (`spans`).

mod fold;
mod score;
mod spans;
#[cfg(test)]
mod tests;
mod words;

use std::ops::Range;

// What a word is lives with the query, which reads words too; named here as
// before.
use super::query::{Kind, Term};
pub use super::query::{is_mark, is_word_char};
use fold::Folding;
pub use fold::{decompose, fold_char, letter_mask};
pub use spans::find_in_text;
pub use words::words_of;

/// How many letters a fuzzy match may skip inside a word.
pub const MAX_SKIPPED_LETTERS: usize = 1;

/// A fuzzy term of at most this many letters matches only at the start
/// of a word (see the module's doc); one letter is read from the index's
/// tables, which match it anywhere.
pub const START_ONLY_LETTERS: usize = 2;

/// Match qualities, per mille: what a matched word is worth to its term
/// before rarity and counts. Tuned on the dev split of
/// `scripts/bench-relevance` (BENCHMARKS.md, issue 16).
pub mod quality {
    /// The whole word, as typed.
    pub const EXACT: u32 = 1000;
    /// The start of a longer word: this plus a share of [`SPREAD`] by how
    /// much of the word the term covers.
    pub const PREFIX: u32 = 700;
    /// A number that is a whole number inside a word ("2024" in "FY2024").
    pub const NUMBER: u32 = 900;
    /// Inside a word, or at its end.
    pub const INFIX: u32 = 300;
    pub const SUFFIX: u32 = 450;
    pub const SPREAD: u32 = 200;
    /// One letter missing from the term: the whole word, its start, inside.
    pub const MISSING_WHOLE: u32 = 600;
    pub const MISSING_START: u32 = 450;
    pub const MISSING_INSIDE: u32 = 250;
    /// A word that is the term without its plural `s` ("bit" for `bits`):
    /// near the whole word, above any start of a longer one.
    pub const PLURAL: u32 = 900;
    /// What a match is worth, per mille of its quality, when the term was
    /// typed with a first capital whose case is ignored (a title's words,
    /// see `Query::read_sentence_case`) and the word starts in lower case.
    pub const CASE_DIFFERS: u32 = 900;
    /// Typos against the whole word, or against the start of a longer one.
    pub const TYPO_WHOLE: [u32; 3] = [0, 500, 350];
    pub const TYPO_START: [u32; 3] = [0, 400, 300];
}

/// Typos allowed in a term of `letters` letters.
pub fn typo_budget(letters: usize) -> usize {
    match letters {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// A word matched by a term: where (characters of the word) and how well.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordMatch {
    pub range: Range<usize>,
    pub quality: u32,
}

/// A term prepared for matching.
#[derive(Debug, Clone)]
pub struct TermMatcher {
    pub term: Term,
    /// The term's characters, folded (see [`Folding`]).
    chars: Vec<char>,
    /// For a phrase, each word's characters, folded the same way.
    phrase: Vec<Vec<char>>,
    mask: u64,
    /// `chars` as bytes, when they are all ASCII: an ASCII word is then
    /// matched byte by byte, with no decoding or Unicode case folding.
    ascii: Option<Vec<u8>>,
    folding: Folding,
    /// Typos allowed (by length; none for numbers and operators).
    typos: usize,
    /// The term's letters (accents written apart not counted).
    letters: usize,
    /// A term of digits only: matched as a number.
    number: bool,
    /// A plain word of at least 4 letters ending in one `s` (not `ss`):
    /// it also finds the word without the `s` ("bits" finds "bit").
    plural: bool,
    /// A term typed with a first capital whose case is ignored: a word
    /// without that capital matches a little less well.
    capital: bool,
}

impl TermMatcher {
    pub fn new(term: &Term) -> Self {
        let folding = Folding {
            case_sensitive: term.case_sensitive,
            keep_accents: term.text.chars().any(|c| is_mark(c) || decompose(c).is_some()),
        };
        let fold = |text: &str| folding.fold(text).0;
        let chars = fold(&term.text);
        let phrase = match term.kind {
            Kind::Phrase => term.text.split(' ').map(fold).collect(),
            _ => Vec::new(),
        };
        let ascii = chars.iter().all(char::is_ascii).then(|| chars.iter().map(|&c| c as u8).collect());
        let number = !chars.is_empty() && chars.iter().all(char::is_ascii_digit);
        let plural = term.kind == Kind::Fuzzy
            && chars.len() >= 4
            && chars.ends_with(&['s'])
            && !chars.ends_with(&['s', 's']);
        let mask = match term.kind {
            // Every word of a phrase is checked on its own.
            Kind::Phrase => 0,
            // The word without the plural's `s` may lack that letter.
            _ if plural => letter_mask(chars[..chars.len() - 1].iter().copied()),
            _ => letter_mask(term.text.chars()),
        };
        let letters = term.text.chars().filter(|c| !is_mark(*c)).count();
        let typos = match term.kind {
            Kind::Fuzzy if !number => typo_budget(letters),
            _ => 0,
        };
        // A one-letter term is scored from the index's tables, which know no
        // case: "A" that starts a sentence is the letter.
        let capital = !term.case_sensitive
            && chars.len() > 1
            && term.text.chars().next().is_some_and(char::is_uppercase);
        TermMatcher {
            term: term.clone(),
            chars,
            phrase,
            mask,
            ascii,
            folding,
            typos,
            letters,
            number,
            plural,
            capital,
        }
    }

    /// A cheap test that rules out most words before `match_word`: the word
    /// must contain every letter of the term (see [`letter_mask`]), less
    /// one per typo allowed.
    pub fn could_match(&self, word_mask: u64) -> bool {
        (self.mask & !word_mask).count_ones() as usize <= self.typos
    }

    /// Whether every word this term matches, `longer` (the same term with
    /// letters added) may match too: so the words of this one can stand
    /// for the vocabulary when looking for those of `longer`. False where
    /// a longer term is allowed more typos, or is read as another kind, or
    /// may match inside words where this one matched only their starts.
    pub fn covers(&self, longer: &TermMatcher) -> bool {
        self.typos == longer.typos
            && self.number == longer.number
            && self.folding == longer.folding
            && self.starts_only() == longer.starts_only()
    }

    /// A fuzzy term of two letters: it matches only the start of a word.
    pub(super) fn starts_only(&self) -> bool {
        self.term.kind == Kind::Fuzzy && !self.number && (2..=START_ONLY_LETTERS).contains(&self.letters)
    }

    /// Where the term matches inside `word`, as a range of characters, or
    /// `None`. Phrases never match a single word: see [`find_in_text`].
    pub fn match_word(&self, word: &str) -> Option<Range<usize>> {
        self.matches(word).map(|m| m.range)
    }

    /// How well the term matches `word` (a [`quality`]), 0 for not at all.
    pub fn score_word(&self, word: &str) -> u32 {
        self.matches(word).map_or(0, |m| m.quality)
    }

    /// Where and how well the term matches `word`, if it does.
    pub fn matches(&self, word: &str) -> Option<WordMatch> {
        let found = self.matches_folded(word)?;
        if self.capital && !word.chars().next().is_some_and(char::is_uppercase) {
            return Some(WordMatch { quality: found.quality * quality::CASE_DIFFERS / 1000, ..found });
        }
        Some(found)
    }

    fn matches_folded(&self, word: &str) -> Option<WordMatch> {
        // Every word of every snippet and scan comes through here: the
        // common short ASCII word is folded on the stack, a byte at a time.
        if let Some(term) = &self.ascii
            && word.is_ascii()
            && word.len() <= SHORT_WORD
        {
            let mut folded = [0u8; SHORT_WORD];
            let folded = &mut folded[..word.len()];
            folded.copy_from_slice(word.as_bytes());
            if !self.term.case_sensitive {
                folded.make_ascii_lowercase();
            }
            return self.match_folded(folded, term);
        }
        let (chars, from) = self.folding.fold(word);
        let found = self.match_folded(&chars, &self.chars)?;
        // Back to characters of the word as written.
        let start = from.get(found.range.start).copied().unwrap_or(0);
        let end = found.range.end.checked_sub(1).and_then(|last| from.get(last)).map_or(start, |&at| at + 1);
        Some(WordMatch { range: start..end, quality: found.quality })
    }

    /// The phrase's words, for looking them up in an index.
    pub fn phrase_words(&self) -> &[Vec<char>] {
        &self.phrase
    }

    pub fn is_case_sensitive(&self) -> bool {
        self.term.case_sensitive
    }

    /// A word of text folded as this term folds words, for comparing with
    /// [`phrase_words`](Self::phrase_words).
    pub fn fold_word(&self, word: &str) -> Vec<char> {
        self.folding.fold(word).0
    }
}

/// Words of at most this many bytes (so at most this many characters) are
/// matched without an allocation.
const SHORT_WORD: usize = 32;
