//! How well a folded word matches a term: the kind of match (whole,
//! start, inside, a letter missing, a typo, a number) and its [`quality`].
//! Kept apart from the term so that the word-level rules can be read, and
//! tuned, in one place.

use std::ops::Range;

use super::{Kind, MAX_SKIPPED_LETTERS, TermMatcher, WordMatch, quality};

/// What matching needs of a character of a folded word or term.
pub(super) trait Unit: PartialEq + Copy {
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
    /// `matches` on a folded word: characters, or the bytes of ASCII.
    pub(super) fn match_folded<T: Unit>(&self, word: &[T], term: &[T]) -> Option<WordMatch> {
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
            Kind::Fuzzy if self.starts_only() => None,
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
