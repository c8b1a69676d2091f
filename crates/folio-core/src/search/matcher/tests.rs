//! Matching words and texts as a user types terms: typos, case, kinds,
//! phrases and the word splitter.

use super::spans::{byte_of, find_phrase};
use super::*;
use crate::search::query::Query;

fn matcher(query: &str) -> TermMatcher {
    TermMatcher::new(&Query::parse(query).groups[0][0])
}

fn found<'a>(text: &'a str, query: &str) -> Vec<&'a str> {
    let terms: Vec<TermMatcher> = Query::parse(query).groups.iter().flatten().map(TermMatcher::new).collect();
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
    assert_eq!(matcher("abc").match_word("axbcabc"), Some(4..7));
    // Two letters match only where a word starts.
    assert_eq!(matcher("ab").match_word("axbab"), None);
    assert_eq!(matcher("ab").match_word("abxab"), Some(0..2));
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
    for (query, word) in [("uranum", "Uranium"), ("bazum", "BAZOUM"), ("'é", "café"), ("2023", "x2023")] {
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
