//! Where a text's matches are, as byte ranges: what highlights and
//! snippets mark, and what a phrase needs (its words in order), as a
//! phrase never matches a single word.

use std::ops::Range;

use super::{Kind, TermMatcher, fold_char, words_of};

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
pub(super) fn find_phrase(words: &[(usize, &str)], term: &TermMatcher) -> Vec<Range<usize>> {
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
pub(super) fn byte_of(word: &str, index: usize) -> usize {
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
