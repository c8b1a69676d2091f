//! Each term's raw match in an article read from its text, the slow way:
//! what the index records, for `--filter`'s scan, for phrases (which the
//! index cannot hold) and for explaining a score.

use super::Raw;
use crate::corpus::{Article, View};
use crate::search::matcher::{TermMatcher, words_of};
use crate::search::query::Kind;
use crate::search::{body_texts, title_texts};

/// Each term's raw match in `article`, read from its text, and its length
/// in words: what the index records, the slow way.
pub fn raws_of(article: &Article, terms: &[TermMatcher], view: View) -> (Vec<Raw>, u32) {
    raws_with(article, terms, view, |word, qualities| {
        for (term, quality) in terms.iter().zip(qualities) {
            *quality = match term.term.kind {
                Kind::Phrase => 0,
                _ => term.score_word(word),
            };
        }
    })
}

/// Each term's raw match in `article` and its length in words, with each
/// word's qualities (one a term, 0 for a phrase) written by `qualities`:
/// matched afresh, or remembered across articles as `--filter`'s scan does.
pub fn raws_with(
    article: &Article,
    terms: &[TermMatcher],
    view: View,
    mut qualities: impl FnMut(&str, &mut [u32]),
) -> (Vec<Raw>, u32) {
    let mut raws = vec![Raw::default(); terms.len()];
    let mut found = vec![0; terms.len()];
    let mut length = 0u32;
    let text = article.text();
    let body = body_texts(&text, view).flat_map(|(_, paragraph)| words_of(paragraph));
    let titles = title_texts(article);
    let title = titles.iter().flat_map(|text| words_of(text));
    let words = title.map(|w| (true, w)).chain(body.map(|w| (false, w)));
    for (in_title, (_, word)) in words {
        length = length.saturating_add(1);
        qualities(word, &mut found);
        for ((term, raw), &quality) in terms.iter().zip(&mut raws).zip(&found) {
            record(raw, term, in_title, quality);
        }
    }
    for (term, raw) in terms.iter().zip(&mut raws) {
        if term.term.kind == Kind::Phrase {
            *raw = phrase_raw(article, term, view);
        }
    }
    (raws, length)
}

/// Counts one word's match of `term` (of `quality`, 0 for none) into `raw`.
#[inline]
fn record(raw: &mut Raw, term: &TermMatcher, in_title: bool, quality: u32) {
    if quality == 0 {
        return;
    }
    if in_title && term.term.field.includes_title() {
        raw.title = raw.title.max(quality);
    } else if !in_title && term.term.field.includes_body() {
        raw.body = raw.body.max(quality);
        raw.occurrences += 1;
    }
}

/// A phrase's raw match, found by reading the article.
pub fn phrase_raw(article: &Article, term: &TermMatcher, view: View) -> Raw {
    let mut raw = Raw::default();
    let matchers = std::slice::from_ref(term);
    let exact = crate::search::matcher::quality::EXACT;
    if term.term.field.includes_title()
        && title_texts(article)
            .iter()
            .any(|title| !crate::search::matcher::find_in_text(title, matchers).is_empty())
    {
        raw.title = exact;
    }
    if term.term.field.includes_body() {
        let text = article.text();
        let found: usize = body_texts(&text, view)
            .map(|(_, p)| crate::search::matcher::find_in_text(p, matchers).len())
            .sum();
        if found > 0 {
            raw.body = exact;
            raw.occurrences = u32::try_from(found).unwrap_or(u32::MAX);
        }
    }
    raw
}
