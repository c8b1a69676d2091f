//! Matching one term against words and text: the match-quality floor, smart
//! case, and where in a text the matches are (for highlights and snippets).
//!
//! The floor: a fuzzy term matches a word only when the word holds the
//! term's letters in order within a stretch at most one letter longer than
//! the term. So `uranum` finds "uranium" and `bazum` finds "Bazoum", while
//! `us` does not match "uranium's" through a `u` here and an `s` there.
//! Adding letters to a term can only narrow what it matches, which keeps
//! results stable as a query is typed.

use std::ops::Range;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::query::{Kind, Term};
use crate::lanes;

/// How many letters a fuzzy match may skip inside a word.
pub const MAX_SKIPPED_LETTERS: usize = 1;

/// A term prepared for matching.
#[derive(Debug, Clone)]
pub struct TermMatcher {
    pub term: Term,
    /// The term's characters, case-folded unless the term is case-sensitive.
    chars: Vec<char>,
    /// For a phrase, each word's characters, folded the same way.
    phrase: Vec<Vec<char>>,
    mask: u64,
    /// `chars` as bytes, when they are all ASCII: an ASCII word is then
    /// matched byte by byte, with no decoding or Unicode case folding.
    ascii: Option<Vec<u8>>,
}

impl TermMatcher {
    pub fn new(term: &Term) -> Self {
        let fold = |text: &str| -> Vec<char> {
            text.chars().map(|c| if term.case_sensitive { c } else { fold_char(c) }).collect()
        };
        let chars = fold(&term.text);
        let phrase = match term.kind {
            Kind::Phrase => term.text.split(' ').map(fold).collect(),
            _ => Vec::new(),
        };
        let mask = match term.kind {
            // Every word of a phrase is checked on its own.
            Kind::Phrase => 0,
            _ => letter_mask(term.text.chars()),
        };
        let ascii = chars.iter().all(char::is_ascii).then(|| chars.iter().map(|&c| c as u8).collect());
        TermMatcher { term: term.clone(), chars, phrase, mask, ascii }
    }

    /// A cheap test that rules out most words before `match_word`: the word
    /// must contain every letter of the term (see [`letter_mask`]).
    pub fn could_match(&self, word_mask: u64) -> bool {
        word_mask & self.mask == self.mask
    }

    /// Where the term matches inside `word`, as a range of characters, or
    /// `None`. Phrases never match a single word: see [`find_in_text`].
    pub fn match_word(&self, word: &str) -> Option<Range<usize>> {
        // Every word of every snippet and scan comes through here: the
        // common short word is folded on the stack, not in an allocation,
        // and an ASCII one a byte at a time.
        if let Some(term) = &self.ascii
            && word.is_ascii()
            && word.len() <= SHORT_WORD
        {
            if word.len() < term.len() {
                return None;
            }
            let mut folded = [0u8; SHORT_WORD];
            let folded = &mut folded[..word.len()];
            folded.copy_from_slice(word.as_bytes());
            if !self.term.case_sensitive {
                folded.make_ascii_lowercase();
            }
            return self.match_folded(folded, term);
        }
        let fold = |c| if self.term.case_sensitive { c } else { fold_char(c) };
        let mut short = ['\0'; SHORT_WORD];
        let long: Vec<char>;
        let word: &[char] = if word.len() <= SHORT_WORD {
            let mut len = 0;
            for (slot, c) in short.iter_mut().zip(word.chars()) {
                *slot = fold(c);
                len += 1;
            }
            &short[..len]
        } else {
            long = word.chars().map(fold).collect();
            &long
        };
        self.match_folded(word, &self.chars)
    }

    /// `match_word` on a folded word: characters, or the bytes of ASCII.
    fn match_folded<T: PartialEq>(&self, word: &[T], term: &[T]) -> Option<Range<usize>> {
        if term.is_empty() || term.len() > word.len() {
            return None;
        }
        match self.term.kind {
            Kind::Prefix => word.starts_with(term).then_some(0..term.len()),
            Kind::Suffix => word.ends_with(term).then(|| word.len() - term.len()..word.len()),
            Kind::Exact => word.windows(term.len()).position(|w| w == term).map(|at| at..at + term.len()),
            Kind::Fuzzy => tight_subsequence(word, term),
            Kind::Phrase => None,
        }
    }

    /// The skim score of this term against a word it matches: higher for
    /// closer matches, matches at word starts and whole-word matches.
    pub fn score_word(&self, word: &str) -> i64 {
        // A word the floor accepted is a skim match too; the minimum of 1
        // keeps any match above no match. Skim's work is the product of
        // the two lengths: a phrase of 60 KB scored against itself took
        // seconds, so both are scored on their first characters only.
        skim_score(first_chars(word), first_chars(&self.term.text)).unwrap_or(1).max(1)
    }

    /// The phrase's words, for looking them up in an index.
    pub fn phrase_words(&self) -> &[Vec<char>] {
        &self.phrase
    }

    pub fn is_case_sensitive(&self) -> bool {
        self.term.case_sensitive
    }
}

/// The skim score of `pattern` in `word`, and nothing else: fuzzy-matcher
/// 0.3.7 keeps its score matrix between calls and can read cells left over
/// from the call before, so a shared matcher gives a word a score that
/// depends on the word scored before it. A matcher per call costs a few
/// hundred nanoseconds and makes a score a function of its two inputs.
/// (One shared matcher with `use_cache(false)` would be cheaper, but in
/// 0.3.7 it panics: it empties its matrix while still borrowing it.)
pub fn skim_score(word: &str, pattern: &str) -> Option<i64> {
    SkimMatcherV2::default().fuzzy_match(word, pattern)
}

/// Characters of a word or term that scoring reads: no real word is longer.
const SCORED_CHARS: usize = 256;

fn first_chars(text: &str) -> &str {
    text.char_indices().nth(SCORED_CHARS).map_or(text, |(at, _)| &text[..at])
}

/// The shortest stretch of `word` that holds `term` in order, if it is at
/// most `MAX_SKIPPED_LETTERS` longer than the term.
fn tight_subsequence<T: PartialEq>(word: &[T], term: &[T]) -> Option<Range<usize>> {
    let longest = term.len() + MAX_SKIPPED_LETTERS;
    let mut best: Option<Range<usize>> = None;
    for start in (0..word.len()).filter(|&i| word[i] == term[0]) {
        let mut next = 1;
        let mut end = start + 1;
        while next < term.len() && end < word.len() && end - start < longest {
            if word[end] == term[next] {
                next += 1;
            }
            end += 1;
        }
        if next == term.len() && best.as_ref().is_none_or(|b| end - start < b.len()) {
            best = Some(start..end);
        }
    }
    best
}

/// Lower case for one character, keeping one character (so positions in a
/// folded word are positions in the original).
pub fn fold_char(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// A 64-bit summary of which letters a word holds, case-folded: one bit per
/// ASCII letter and digit, and one shared bit for everything else. If a
/// term's bits are not all in a word's bits, the term cannot match it.
pub fn letter_mask(chars: impl Iterator<Item = char>) -> u64 {
    chars.fold(0, |mask, c| {
        let c = fold_char(c);
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            '0'..='9' => 26 + (c as u32 - '0' as u32),
            _ => 63,
        };
        mask | (1 << bit)
    })
}

/// Words of at most this many bytes (so at most this many characters) are
/// matched without an allocation.
const SHORT_WORD: usize = 32;

/// The words of a text: runs of letters and digits (`char::is_alphanumeric`),
/// with their byte offsets. Every word of every article passes through
/// here when the index is built, so ASCII is read eight bytes at a time
/// and only other characters are decoded.
pub fn words_of(text: &str) -> impl Iterator<Item = (usize, &str)> {
    Words { text, at: 0 }
}

struct Words<'a> {
    text: &'a str,
    at: usize,
}

impl Words<'_> {
    /// Moves past characters for which `is_word` differs from `want`. A
    /// byte at a time, the end of every word and of every gap was a branch
    /// the processor guessed wrong; eight ASCII bytes are classified at
    /// once and the first one that stops is found by counting zeros.
    #[inline]
    fn skip_while(&mut self, want: bool) {
        let bytes = self.text.as_bytes();
        while let Some(rest) = bytes.get(self.at..).filter(|rest| !rest.is_empty()) {
            let (word, len) = lanes::read(rest);
            // Lanes up to the first that is not ASCII; the padding past the
            // text's end stops a word and not a gap.
            let wide = word & lanes::HIGH;
            let ascii = if wide == 0 { len } else { (wide.trailing_zeros() / 8) as usize };
            let alnum = lanes::alnum(word);
            let stops = if want { !alnum & lanes::HIGH } else { alnum };
            let stops = stops & lanes::below(ascii);
            if stops != 0 {
                self.at += (stops.trailing_zeros() / 8) as usize;
                return;
            }
            self.at += ascii;
            if wide != 0 {
                let (is_word, width) = wide_char(&self.text[self.at..]);
                if is_word != want {
                    return;
                }
                self.at += width;
            }
        }
    }
}

/// Whether the character `text` starts with is a word character, and its
/// length in bytes.
#[cold]
fn wide_char(text: &str) -> (bool, usize) {
    text.chars().next().map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8()))
}

impl<'a> Iterator for Words<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        self.skip_while(false);
        if self.at >= self.text.len() {
            return None;
        }
        let start = self.at;
        self.skip_while(true);
        Some((start, &self.text[start..self.at]))
    }
}

/// Every match of `terms` in `text`, as sorted, non-overlapping byte ranges.
pub fn find_in_text(text: &str, terms: &[TermMatcher]) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    // Every paragraph of a snippet's article comes through here: its
    // words are read once, and kept only when a phrase needs windows.
    let (phrases, words): (Vec<&TermMatcher>, Vec<&TermMatcher>) =
        terms.iter().partition(|t| t.term.kind == Kind::Phrase);
    if !words.is_empty() {
        for (offset, word) in words_of(text) {
            for term in &words {
                if let Some(chars) = term.match_word(word) {
                    ranges.push(offset + byte_of(word, chars.start)..offset + byte_of(word, chars.end));
                }
            }
        }
    }
    if !phrases.is_empty() {
        let all: Vec<(usize, &str)> = words_of(text).collect();
        for term in phrases {
            ranges.extend(find_phrase(&all, term));
        }
    }
    merge(ranges)
}

/// Where the phrase `term` occurs in `words`: its words in order, the last
/// as a prefix. The text's words are folded once and the whole words of the
/// phrase found by Knuth-Morris-Pratt, so a phrase of thousands of words
/// over a paragraph of thousands costs their sum, not their product.
fn find_phrase(words: &[(usize, &str)], term: &TermMatcher) -> Vec<Range<usize>> {
    let phrase = term.phrase_words();
    let Some((last, whole)) = phrase.split_last() else { return Vec::new() };
    if phrase.len() > words.len() {
        return Vec::new();
    }
    let folded: Vec<Vec<char>> = words
        .iter()
        .map(|(_, word)| {
            word.chars().map(|c| if term.is_case_sensitive() { c } else { fold_char(c) }).collect()
        })
        .collect();
    let mut found = Vec::new();
    // The phrase's last word may be a prefix: the phrase is still being typed.
    let mut ends_well = |after: usize| {
        let end = after + whole.len();
        if folded.get(end).is_some_and(|word| word.starts_with(last)) {
            let (last_at, last_word) = words[end];
            found.push(words[after].0..last_at + byte_of(last_word, last.len()));
        }
    };
    if whole.is_empty() {
        (0..words.len()).for_each(&mut ends_well);
        return found;
    }
    let fallback = kmp_fallback(whole);
    let mut matched = 0;
    for (at, word) in folded.iter().enumerate() {
        while matched > 0 && *word != whole[matched] {
            matched = fallback[matched - 1];
        }
        if *word == whole[matched] {
            matched += 1;
        }
        if matched == whole.len() {
            ends_well(at + 1 - whole.len());
            matched = fallback[matched - 1];
        }
    }
    found
}

/// For each prefix of `pattern`, the length of its longest proper prefix
/// that is also its suffix: where a Knuth-Morris-Pratt search resumes.
fn kmp_fallback<T: PartialEq>(pattern: &[T]) -> Vec<usize> {
    let mut fallback = vec![0; pattern.len()];
    let mut matched = 0;
    for at in 1..pattern.len() {
        while matched > 0 && pattern[at] != pattern[matched] {
            matched = fallback[matched - 1];
        }
        if pattern[at] == pattern[matched] {
            matched += 1;
        }
        fallback[at] = matched;
    }
    fallback
}

/// The byte offset of character `index` in `word`.
fn byte_of(word: &str, index: usize) -> usize {
    word.char_indices().nth(index).map_or(word.len(), |(at, _)| at)
}

fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query::Query;

    fn matcher(query: &str) -> TermMatcher {
        TermMatcher::new(&Query::parse(query).groups[0][0])
    }

    fn found<'a>(text: &'a str, query: &str) -> Vec<&'a str> {
        let terms: Vec<TermMatcher> =
            Query::parse(query).groups.iter().flatten().map(TermMatcher::new).collect();
        find_in_text(text, &terms).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn typos_of_omission_match_but_scattered_letters_do_not() {
        assert_eq!(matcher("uranum").match_word("uranium"), Some(0..7));
        assert_eq!(matcher("bazum").match_word("Bazoum"), Some(0..6));
        assert_eq!(matcher("us").match_word("uranium's"), None);
        assert_eq!(matcher("ura").match_word("uxxran"), None);
        assert_eq!(matcher("ura").match_word("uxran"), Some(0..4), "one letter may be skipped");
        assert_eq!(matcher("ran").match_word("uranium"), Some(1..4));
        assert_eq!(matcher("uranium").match_word("ura"), None);
    }

    #[test]
    fn a_score_does_not_depend_on_the_word_scored_before() {
        let pairs = [("Margen", "a"), ("2000s", "000"), ("uranium", "urn"), ("1000", "000"), ("ab", "b")];
        let forward: Vec<_> = pairs.iter().map(|(w, p)| skim_score(w, p)).collect();
        let backward: Vec<_> = pairs.iter().rev().map(|(w, p)| skim_score(w, p)).collect();
        assert_eq!(forward, backward.into_iter().rev().collect::<Vec<_>>());
    }

    /// Skim scores in time and memory the product of the lengths: a 40 KB
    /// phrase scored against itself, or a term against a 1 MB "word", would
    /// take minutes here.
    #[test]
    fn scoring_reads_only_the_first_characters_of_long_words_and_terms() {
        let phrase = format!("\"{}\"", "the ".repeat(10_000).trim_end());
        let long = matcher(&phrase);
        assert!(long.score_word(&long.term.text) > 1);
        let word = "ab".repeat(500_000);
        assert!(matcher("abab").score_word(&word) > 1);
        assert_eq!(matcher("abab").score_word("abab"), skim_score("abab", "abab").expect("a match"));
    }

    #[test]
    fn the_shortest_stretch_is_found() {
        assert_eq!(matcher("ab").match_word("axbab"), Some(3..5));
    }

    #[test]
    fn smart_case_applies_to_every_kind() {
        assert!(matcher("niger").match_word("Niger").is_some());
        assert!(matcher("Niger").match_word("niger").is_none());
        assert!(matcher("^Nig").match_word("nigerien").is_none());
        assert!(matcher("^nig").match_word("Nigerien").is_some());
    }

    #[test]
    fn exact_prefix_and_suffix() {
        assert_eq!(matcher("'ran").match_word("uranium"), Some(1..4));
        assert!(matcher("'urn").match_word("uranium").is_none(), "exact allows no skipped letter");
        assert!(matcher("^ura").match_word("uranium").is_some());
        assert!(matcher("^ran").match_word("uranium").is_none());
        assert_eq!(matcher("ium$").match_word("uranium"), Some(4..7));
        assert!(matcher("ura$").match_word("uranium").is_none());
    }

    #[test]
    fn the_letter_mask_never_rules_out_a_real_match() {
        for (query, word) in [("uranum", "Uranium"), ("bazum", "BAZOUM"), ("'é", "café"), ("2023", "x2023")]
        {
            let m = matcher(query);
            assert!(m.match_word(word).is_some(), "{query} {word}");
            assert!(m.could_match(letter_mask(word.chars())), "{query} {word}");
        }
        assert!(!matcher("xyz").could_match(letter_mask("uranium".chars())));
    }

    #[test]
    fn find_in_text_gives_byte_ranges_of_each_match() {
        let text = "Niger’s uranium, the Uranium deal: Nigerien talks.";
        assert_eq!(found(text, "uranium"), ["uranium", "Uranium"]);
        assert_eq!(found(text, "^nig"), ["Nig", "Nig"]);
        assert_eq!(found(text, "\"uranium deal\""), ["Uranium deal"]);
        assert_eq!(found(text, "\"uranium de"), ["Uranium de"], "an open phrase matches as typed");
        assert!(found(text, "\"deal uranium\"").is_empty());
    }

    #[test]
    fn phrases_match_where_their_words_repeat_and_overlap() {
        let text = "a a b a a a b x a a";
        assert_eq!(found(text, "\"a a b\""), ["a a b", "a a b"]);
        assert_eq!(found(text, "\"a a\""), ["a a", "a a a", "a a"]);
        assert_eq!(found(text, "\"b x a\""), ["b x a"]);
    }

    /// A phrase was checked at every word of the text, word by word: a
    /// phrase of 4,000 words over 40,000 was 10^8 steps (and a fold of the
    /// word at each). Quadratic, this test would take minutes.
    #[test]
    fn a_long_phrase_over_a_long_text_is_found_in_linear_time() {
        let text = "the ".repeat(40_000);
        let phrase = format!("\"{}x\"", "the ".repeat(4_000));
        assert!(found(&text, &phrase).is_empty());
        let phrase = format!("\"{}\"", "the ".repeat(4_000).trim_end());
        assert_eq!(found(&text, &phrase), [text.trim_end()], "every window matches, merged");
    }

    #[test]
    fn overlapping_matches_merge() {
        assert_eq!(found("uranium", "ura ran"), ["uran"]);
    }

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        let words: Vec<(usize, &str)> = words_of("U.S.-led, 1,000 troops’").collect();
        assert_eq!(words, [(0, "U"), (2, "S"), (5, "led"), (10, "1"), (12, "000"), (16, "troops")]);
    }

    proptest::proptest! {
        /// Reading eight bytes at a time finds exactly the runs that
        /// splitting at every character that is not alphanumeric finds:
        /// across the lanes, past and up to other characters, and at the
        /// end of the text.
        /// The phrase search finds exactly the windows of words that match
        /// the phrase word by word (the last as a prefix).
        #[test]
        fn phrases_are_found_where_a_window_by_window_check_finds_them(
            text in "(a|b|ab|A|é|x)( (a|b|ab|A|é|x)){0,30}",
            phrase in "(a|b|ab|A|é)( (a|b|ab|A|é)){0,4}",
        ) {
            let term = TermMatcher::new(&Query::parse(&format!("\"{phrase}\"")).groups[0][0]);
            let words: Vec<(usize, &str)> = words_of(&text).collect();
            let fold = |w: &str| -> Vec<char> {
                w.chars().map(|c| if term.is_case_sensitive() { c } else { fold_char(c) }).collect()
            };
            let wanted = term.phrase_words();
            let naive: Vec<Range<usize>> = words
                .windows(wanted.len())
                .filter(|window| {
                    window.iter().zip(wanted).enumerate().all(|(i, ((_, w), want))| {
                        if i == wanted.len() - 1 { fold(w).starts_with(want) } else { &fold(w) == want }
                    })
                })
                .map(|window| {
                    let (at, last) = window[wanted.len() - 1];
                    window[0].0..at + byte_of(last, wanted[wanted.len() - 1].len())
                })
                .collect();
            proptest::prop_assert_eq!(find_phrase(&words, &term), naive);
        }

        #[test]
        fn words_are_what_splitting_at_other_characters_gives(
            text in "[a-zA-Z0-9 .,’é日本_\\-\u{300}\u{1F600}\u{a0}\x00\x7f@\\[`{/:]{0,80}"
        ) {
            let split: Vec<(usize, &str)> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
                .collect();
            let read: Vec<(usize, &str)> = words_of(&text).collect();
            proptest::prop_assert_eq!(read, split);
        }
    }
}
