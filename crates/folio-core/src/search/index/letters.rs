//! One-letter queries scored ahead: each word's letters and digits with
//! the score a one-letter query gives them, and for each of a–z and 0–9
//! what that query makes of every article, so a first keystroke reads a
//! table rather than every posting.

use serde::{Deserialize, Serialize};

use super::words::span;
use crate::cache::bulk;
use crate::search::matcher::{self, TermMatcher, quality};
use crate::search::query::{Field, Kind, Term};

/// One letter's scores for every article, by article id: the best score
/// of a title word and of a body word holding the letter, and how often
/// body words holding it occur.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct LetterTable {
    #[serde(with = "bulk::numbers")]
    pub title: Vec<u16>,
    #[serde(with = "bulk::numbers")]
    pub body: Vec<u16>,
    #[serde(with = "bulk::numbers")]
    pub occurrences: Vec<u32>,
}

/// Each word's letters and digits with their scores, every word's in
/// one array: word `w`'s are `slots[span(ends, w)]`, scored by
/// `scores[span(ends, w)]`. Flat, the cache stores it as three copies.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(super) struct WordLetters {
    #[serde(with = "serde_bytes")]
    slots: Vec<u8>,
    #[serde(with = "bulk::numbers")]
    scores: Vec<u16>,
    #[serde(with = "bulk::numbers")]
    ends: Vec<u32>,
}

impl WordLetters {
    pub(super) fn shrink_to_fit(&mut self) {
        self.slots.shrink_to_fit();
        self.scores.shrink_to_fit();
        self.ends.shrink_to_fit();
    }

    pub(super) fn push(&mut self, letters: impl Iterator<Item = (u8, u16)>) {
        for (slot, score) in letters {
            self.slots.push(slot);
            self.scores.push(score);
        }
        self.ends.push(u32::try_from(self.slots.len()).unwrap_or(u32::MAX));
    }

    /// Word `id`'s letter slots and scores (none for a word it lacks, as
    /// from a cache that does not add up).
    pub(super) fn of(&self, id: u32) -> impl Iterator<Item = (u8, u16)> + '_ {
        let id = id as usize;
        let range = if id < self.ends.len() { span(&self.ends, id) } else { 0..0 };
        let slots = self.slots.get(range.clone()).unwrap_or_default();
        let scores = self.scores.get(range).unwrap_or_default();
        slots.iter().copied().zip(scores.iter().copied())
    }
}

/// The letters and digits that have a [`LetterTable`].
pub(super) const LETTER_SLOTS: usize = 36;

/// Where `letter` (already case-folded) has its table, if it has one.
pub(super) fn letter_slot(letter: char) -> Option<usize> {
    match letter {
        'a'..='z' => Some(letter as usize - 'a' as usize),
        '0'..='9' => Some(26 + letter as usize - '0' as usize),
        _ => None,
    }
}

/// Each distinct letter of `word`, case-folded and without its accent,
/// with the quality of the one-letter query's match (see
/// [`TermMatcher::score_word`]).
pub(super) fn letter_scores(word: &str) -> Vec<(char, i64)> {
    if word.is_ascii() {
        return ascii_letter_scores(word.as_bytes());
    }
    let mut seen: Vec<(char, i64)> = Vec::new();
    for letter in word.chars().filter_map(plain_letter) {
        if seen.iter().any(|(c, _)| *c == letter) {
            continue;
        }
        let score = one_letter_score(letter, word);
        if score > 0 {
            seen.push((letter, i64::from(score)));
        }
    }
    seen
}

/// How well the one-letter query `letter` matches `word`, as the matcher
/// scores it.
fn one_letter_score(letter: char, word: &str) -> u32 {
    let term = Term {
        text: letter.to_string(),
        kind: Kind::Fuzzy,
        field: Field::Any,
        negated: false,
        case_sensitive: false,
        joined: false,
    };
    TermMatcher::new(&term).score_word(word)
}

/// A character as a one-letter query that matches it would be typed: lower
/// case, without its accent; none for an accent on its own.
fn plain_letter(c: char) -> Option<char> {
    let c = matcher::fold_char(c);
    match matcher::decompose(c) {
        Some((base, _)) => Some(base),
        None if matcher::is_mark(c) => None,
        None => Some(c),
    }
}

/// [`letter_scores`] of an ASCII word in one pass: every new word of a load
/// is scored for each of its letters. A letter's best match is its first:
/// the whole word, else the start, else inside. A digit matches only where
/// a number starts (see the matcher's number rule). A proptest holds this
/// equal to the matcher's own quality.
fn ascii_letter_scores(word: &[u8]) -> Vec<(char, i64)> {
    let m = word.len() as u32;
    let spread = |q: u32| i64::from(q + quality::SPREAD / m.max(1));
    let mut seen: Vec<(char, i64)> = Vec::new();
    for (at, &byte) in word.iter().enumerate() {
        let letter = byte.to_ascii_lowercase();
        let score = if byte.is_ascii_digit() {
            if at > 0 && word[at - 1].is_ascii_digit() {
                continue;
            }
            let whole_run = word.get(at + 1).is_none_or(|next| !next.is_ascii_digit());
            match (whole_run, m == 1) {
                (_, true) => i64::from(quality::EXACT),
                (true, false) => i64::from(quality::NUMBER),
                (false, _) => i64::from(quality::PREFIX),
            }
        } else if m == 1 {
            i64::from(quality::EXACT)
        } else if at == 0 {
            spread(quality::PREFIX)
        } else {
            spread(quality::INFIX)
        };
        match seen.iter_mut().find(|(c, _)| *c == char::from(letter)) {
            Some((_, best)) => *best = (*best).max(score),
            None => seen.push((char::from(letter), score)),
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_tables_round_trip_as_bytes_and_refuse_a_broken_length() {
        let table = LetterTable {
            title: vec![0, 7, u16::MAX],
            body: vec![1, 2, 3],
            occurrences: vec![0, 70_000, u32::MAX],
        };
        let bytes = postcard::to_allocvec(&table).expect("encodes");
        let back: LetterTable = postcard::from_bytes(&bytes).expect("decodes");
        assert_eq!((back.title, back.body, back.occurrences), (table.title, table.body, table.occurrences));
        // The title's bytes, one short: 5 bytes are not whole u16s.
        let broken = [&[5u8][..], &[1, 2, 3, 4, 5], &[0], &[0]].concat();
        assert!(postcard::from_bytes::<LetterTable>(&broken).is_err());
    }

    proptest::proptest! {
        /// The one-pass scores of an ASCII word are the matcher's own,
        /// letter by letter.
        #[test]
        fn ascii_letter_scores_are_the_matchers(word in "[a-zA-Z0-9]{1,12}") {
            let by_matcher: Vec<(char, i64)> = {
                let mut seen: Vec<(char, i64)> = Vec::new();
                for letter in word.chars().map(|c| c.to_ascii_lowercase()) {
                    if !seen.iter().any(|(c, _)| *c == letter) {
                        let score = one_letter_score(letter, &word);
                        if score > 0 {
                            seen.push((letter, i64::from(score)));
                        }
                    }
                }
                seen
            };
            let mut one_pass = ascii_letter_scores(word.as_bytes());
            let mut by_matcher = by_matcher;
            one_pass.sort_unstable();
            by_matcher.sort_unstable();
            proptest::prop_assert_eq!(one_pass, by_matcher);
        }
    }
}
