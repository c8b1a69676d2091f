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
//! Typos, by the length of the term (as Meilisearch publishes them): none
//! up to 4 letters, one from 5, two from 9. A typo is a wrong, extra or
//! swapped letter against the start of a word; a wrong first letter counts
//! as two. Numbers (terms of digits) are never fuzzy: they match a number
//! in a word, or the start of one, and nothing else.
//!
//! Accents: a term without accents matches words with or without them
//! (`cafe` finds "café", composed or written as e plus a combining
//! accent); a term with an accent matches only that accent.

use std::ops::Range;

// What a word is lives with the query, which reads words too; named here as
// before.
use super::query::{Kind, Term};
pub use super::query::{is_mark, is_word_char};
use crate::lanes;

/// How many letters a fuzzy match may skip inside a word.
pub const MAX_SKIPPED_LETTERS: usize = 1;

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
    /// A term of digits only: matched as a number.
    number: bool,
    /// A plain word of at least 4 letters ending in one `s` (not `ss`):
    /// it also finds the word without the `s` ("bits" finds "bit").
    plural: bool,
    /// A term typed with a first capital whose case is ignored: a word
    /// without that capital matches a little less well.
    capital: bool,
}

/// How words are folded before comparing them with a term: lower case
/// unless the term has a capital; accents dropped unless it has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Folding {
    case_sensitive: bool,
    keep_accents: bool,
}

impl Folding {
    /// `word` folded, each character with the index of the character of
    /// `word` it came from (an accented letter may become two).
    fn fold(self, word: &str) -> (Vec<char>, Vec<usize>) {
        let mut chars = Vec::with_capacity(word.len());
        let mut from = Vec::with_capacity(word.len());
        for (at, c) in word.chars().enumerate() {
            let c = if self.case_sensitive { c } else { fold_char(c) };
            if is_mark(c) {
                if self.keep_accents {
                    chars.push(c);
                    from.push(at);
                }
            } else if let Some((base, mark)) = decompose(c) {
                chars.push(base);
                from.push(at);
                if self.keep_accents {
                    chars.push(mark);
                    from.push(at);
                }
            } else {
                chars.push(c);
                from.push(at);
            }
        }
        (chars, from)
    }
}

/// What matching needs of a character of a folded word or term.
trait Unit: PartialEq + Copy {
    fn is_digit(self) -> bool;
}

impl Unit for u8 {
    fn is_digit(self) -> bool {
        self.is_ascii_digit()
    }
}

impl Unit for char {
    fn is_digit(self) -> bool {
        self.is_ascii_digit()
    }
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
        let typos = match term.kind {
            Kind::Fuzzy if !number => typo_budget(term.text.chars().filter(|c| !is_mark(*c)).count()),
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
    /// a longer term is allowed more typos, or is read as another kind.
    pub fn covers(&self, longer: &TermMatcher) -> bool {
        self.typos == longer.typos && self.number == longer.number && self.folding == longer.folding
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

    /// `matches` on a folded word: characters, or the bytes of ASCII.
    fn match_folded<T: Unit>(&self, word: &[T], term: &[T]) -> Option<WordMatch> {
        if term.is_empty() {
            return None;
        }
        let (n, m) = (term.len(), word.len());
        let spread = |q: u32| q + quality::SPREAD * n as u32 / m.max(1) as u32;
        let found = |range: Range<usize>, quality: u32| Some(WordMatch { range, quality });
        if self.number && matches!(self.term.kind, Kind::Fuzzy | Kind::Exact) {
            return match_number(word, term);
        }
        if word == term {
            return found(0..n, quality::EXACT);
        }
        let starts = word.starts_with(term);
        match self.term.kind {
            Kind::Prefix => starts.then(|| WordMatch { range: 0..n, quality: spread(quality::PREFIX) }),
            Kind::Suffix => {
                word.ends_with(term).then(|| WordMatch { range: m - n..m, quality: spread(quality::SUFFIX) })
            }
            Kind::Phrase => None,
            _ if starts => found(0..n, spread(quality::PREFIX)),
            Kind::Exact => word
                .windows(n)
                .position(|w| w == term)
                .map(|at| WordMatch { range: at..at + n, quality: spread(quality::INFIX) }),
            Kind::Fuzzy if self.plural && word == &term[..n - 1] => found(0..m, quality::PLURAL),
            Kind::Fuzzy => {
                let inside = word.windows(n).position(|w| w == term);
                let floor = match inside {
                    Some(at) => found(at..at + n, spread(quality::INFIX)),
                    None => tight_subsequence(word, term).map(|range| {
                        let quality = match (range.start, range.end) {
                            (0, end) if end == m => quality::MISSING_WHOLE,
                            (0, _) => quality::MISSING_START,
                            _ => quality::MISSING_INSIDE,
                        };
                        WordMatch { range, quality }
                    }),
                };
                let typo = (self.typos > 0).then(|| typo_prefix(word, term, self.typos)).flatten();
                match (floor, typo) {
                    (Some(f), Some(t)) => Some(if t.quality > f.quality { t } else { f }),
                    (f, t) => f.or(t),
                }
            }
        }
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

/// A number term in a word: it must start a run of digits there (so `650`
/// is not found in "1650", nor `2024` in "2025").
fn match_number<T: Unit>(word: &[T], term: &[T]) -> Option<WordMatch> {
    let n = term.len();
    let mut best: Option<WordMatch> = None;
    for at in 0..word.len() {
        let starts_run = word[at].is_digit() && (at == 0 || !word[at - 1].is_digit());
        if !starts_run || !word[at..].starts_with(term) {
            continue;
        }
        let whole_run = word.get(at + n).is_none_or(|next| !next.is_digit());
        let quality = match (whole_run, at == 0 && at + n == word.len()) {
            (_, true) => quality::EXACT,
            (true, false) => quality::NUMBER,
            (false, _) => quality::PREFIX,
        };
        if best.as_ref().is_none_or(|b| quality > b.quality) {
            best = Some(WordMatch { range: at..at + n, quality });
        }
    }
    best
}

/// The fewest typos (wrong, extra or swapped letters; a wrong first letter
/// counts two) that turn `term` into the start of `word`, when at most
/// `budget`: the optimal string alignment distance to the best prefix.
fn typo_prefix<T: Unit>(word: &[T], term: &[T], budget: usize) -> Option<WordMatch> {
    let n = term.len();
    let m = word.len().min(n + budget);
    if m + 1 > TYPO_COLUMNS {
        return None;
    }
    // Three rows of the table over the term (the one before the one before,
    // for a swap), columns over the word's prefix: on the stack, as every
    // word that passes the letter mask comes here.
    let mut rows = [[0u8; TYPO_COLUMNS]; 3];
    for (j, cell) in rows[0].iter_mut().enumerate().take(m + 1) {
        *cell = j as u8;
    }
    for i in 1..=n {
        let (this, before, before_that) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[this][0] = i.min(255) as u8;
        let mut least = rows[this][0];
        for j in 1..=m {
            let wrong = if i == 1 && j == 1 { 2 } else { 1 };
            let swap = if term[i - 1] == word[j - 1] { 0 } else { wrong };
            let mut cell = (rows[before][j] + 1).min(rows[this][j - 1] + 1).min(rows[before][j - 1] + swap);
            if i > 1 && j > 1 && term[i - 1] == word[j - 2] && term[i - 2] == word[j - 1] {
                cell = cell.min(rows[before_that][j - 2] + 1);
            }
            rows[this][j] = cell;
            least = least.min(cell);
        }
        if usize::from(least) > budget {
            return None;
        }
    }
    let last = &rows[n % 3];
    let (end, cost) =
        (1..=m).map(|j| (j, usize::from(last[j]))).min_by_key(|&(j, cost)| (cost, j.abs_diff(n)))?;
    if cost == 0 || cost > budget {
        return None;
    }
    let whole = end == word.len();
    let quality = if whole { quality::TYPO_WHOLE[cost] } else { quality::TYPO_START[cost] };
    Some(WordMatch { range: 0..end, quality })
}

/// Columns of the typo table: words compared with a term are cut to the
/// term's length and two, and terms of more than 60 letters get no typos.
const TYPO_COLUMNS: usize = 64;

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

/// Latin letters with an accent, by accent: (the combining accent, the
/// accented letters, their plain letters).
const ACCENTED: [(char, &str, &str); 13] = [
    ('\u{300}', "àèìòùǹẁỳ", "aeiounwy"),
    ('\u{301}', "áéíóúýćńśźĺŕǵḱḿṕẃ", "aeiouycnszlrgkmpw"),
    ('\u{302}', "âêîôûĉĝĥĵŝŵŷẑ", "aeioucghjswyz"),
    ('\u{303}', "ãẽĩõũñỹ", "aeiouny"),
    ('\u{304}', "āēīōūȳ", "aeiouy"),
    ('\u{306}', "ăĕĭŏŭğ", "aeioug"),
    ('\u{307}', "ċėġżȧ", "cegza"),
    ('\u{308}', "äëïöüÿẅẍ", "aeiouywx"),
    ('\u{30a}', "åů", "au"),
    ('\u{30b}', "őű", "ou"),
    ('\u{30c}', "ǎčďěǐňǒřšťǔž", "acdeinorstuz"),
    ('\u{327}', "çşţģķļņŗȩ", "cstgklnre"),
    ('\u{328}', "ąęįų", "aeiu"),
];

/// An accented Latin letter as its plain letter and accent (the case
/// kept), or `None`.
pub fn decompose(c: char) -> Option<(char, char)> {
    if c.is_ascii() {
        return None;
    }
    let lower = fold_char(c);
    for (mark, accented, plain) in ACCENTED {
        if let Some(at) = accented.chars().position(|a| a == lower) {
            let base = plain.chars().nth(at)?;
            let base = if lower == c { base } else { base.to_ascii_uppercase() };
            return Some((base, mark));
        }
    }
    None
}

/// Lower case for one character, keeping one character (so positions in a
/// folded word are positions in the original).
pub fn fold_char(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// A 64-bit summary of which letters a word holds, case-folded: one bit per
/// ASCII letter and digit (an accented letter sets its plain letter's), and
/// one shared bit for every character that is not ASCII. If a
/// term's bits are not all in a word's bits, the term cannot match it.
pub fn letter_mask(chars: impl Iterator<Item = char>) -> u64 {
    chars.fold(0, |mask, c| {
        let c = fold_char(c);
        // An accented letter holds its plain letter too: `cafe` may match
        // "café".
        let plain = decompose(c).map_or(c, |(base, _)| base);
        let bit = |c: char| match c {
            'a'..='z' => c as u32 - 'a' as u32,
            '0'..='9' => 26 + (c as u32 - '0' as u32),
            _ => 63,
        };
        let other = if c.is_ascii() { 0 } else { 1 << 63 };
        mask | (1 << bit(plain)) | other
    })
}

/// Words of at most this many bytes (so at most this many characters) are
/// matched without an allocation.
const SHORT_WORD: usize = 32;

/// The words of a text: runs of letters and digits (`char::is_alphanumeric`)
/// and the combining accents on them, with their byte offsets. Every word of every article passes through
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
    text.chars().next().map_or((false, 1), |c| (is_word_char(c), c.len_utf8()))
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
    /// Matching reads a term against a word in time that grows with their
    /// lengths, never their product past the typo table: a 1 MB "word"
    /// is matched at once.
    fn long_words_are_matched_at_once() {
        let word = "ab".repeat(500_000);
        assert!(matcher("abab").score_word(&word) > 0);
        assert!(matcher("abxab").score_word(&word) > 0, "a typo against its start");
        assert_eq!(matcher("abab").score_word("abab"), quality::EXACT);
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
        /// splitting at every character that is not a letter, digit or
        /// accent finds:
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
                .split(|c: char| !is_word_char(c))
                .filter(|w| !w.is_empty())
                .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
                .collect();
            let read: Vec<(usize, &str)> = words_of(&text).collect();
            proptest::prop_assert_eq!(read, split);
        }
    }
}
