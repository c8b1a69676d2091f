//! The index as search reads it, built at once, grown in batches and read
//! back from the cache's bytes.

use std::ops::Range;
use std::sync::Arc;

use super::*;
use crate::corpus::{Article, View};

fn articles(texts: &[&str]) -> Vec<Arc<Article>> {
    texts.iter().enumerate().map(|(i, t)| Arc::new(Article::from_text(i, format!("{i}"), t))).collect()
}

fn id_of(index: &Index, word: &str) -> u32 {
    (0..index.word_count() as u32).find(|&id| index.word(id) == word).expect("indexed")
}

/// The postings of `word` for articles in `range`, as search visits them.
fn postings_of(index: &Index, word: &str, range: Range<usize>) -> Vec<Posting> {
    let mut found = Vec::new();
    index.for_each_posting(id_of(index, word), range, |posting| found.push(posting));
    found
}

#[test]
fn postings_count_title_and_body_occurrences() {
    let corpus = articles(&[
        "Drone Base Grows\n\nThe drone flew. Another drone.",
        "Markets Rise Again\n\nNo drones here.",
    ]);
    let index = Index::build(&corpus, View::Clean);
    let postings = |word, range| postings_of(&index, word, range);
    assert_eq!(postings("drone", 0..2), [Posting { article: 0, title: 0, body: 2 }]);
    assert_eq!(postings("Drone", 0..2), [Posting { article: 0, title: 1, body: 0 }]);
    assert!(postings("drone", 1..2).is_empty());
}

#[test]
fn growing_in_uneven_batches_across_segments_gives_the_index_built_at_once() {
    // Every third article mentions "rare"; "common" is in all of them,
    // with a count that grows past one varint byte.
    let texts: Vec<String> = (0..SEGMENT_ARTICLES * 2 + 300)
        .map(|i| {
            let rare = if i % 3 == 0 { " rare" } else { "" };
            format!("Headline Number {i} Here\n\n{}{rare}", "common ".repeat(i % 200 + 1))
        })
        .collect();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let corpus = articles(&texts);
    let whole = Index::build(&corpus, View::Clean);
    let mut grown = Index::default();
    for batch in corpus.chunks(5_000) {
        grown.extend(batch, View::Clean);
    }
    assert_eq!(grown.articles(), corpus.len());
    for word in ["rare", "common", "Headline"] {
        let ranges = [
            0..corpus.len(),
            100..SEGMENT_ARTICLES + 7,
            0..SEGMENT_ARTICLES,
            SEGMENT_ARTICLES..SEGMENT_ARTICLES * 2 - 1,
            SEGMENT_ARTICLES * 2..corpus.len(),
            SEGMENT_ARTICLES * 2..corpus.len() - 1,
        ];
        let all = postings_of(&whole, word, 0..corpus.len());
        for range in ranges {
            // Ranges that cut a segment are checked posting by posting.
            let wanted: Vec<Posting> =
                all.iter().copied().filter(|p| range.contains(&(p.article as usize))).collect();
            assert_eq!(postings_of(&whole, word, range.clone()), wanted, "{word} {range:?}");
            assert_eq!(postings_of(&grown, word, range.clone()), wanted, "grown: {word} {range:?}");
        }
    }
    let common = postings_of(&whole, "common", 0..corpus.len());
    assert_eq!(common.len(), corpus.len());
    let wrong = common
        .iter()
        .enumerate()
        .find(|(i, p)| p.article as usize != *i || usize::from(p.title + p.body) != i % 200 + 1);
    assert_eq!(wrong, None, "every article, with its count");
    let rare = postings_of(&whole, "rare", 0..corpus.len()).len();
    assert_eq!(rare, corpus.len().div_ceil(3));
}

/// Everything search reads of an index, word by word and letter by
/// letter, so two indexes can be compared.
fn contents(index: &Index) -> Vec<String> {
    let mut lines =
        vec![format!("{} articles, lengths {:?}", index.articles(), index.lengths(0..usize::MAX))];
    for id in 0..index.word_count() as u32 {
        let mut postings = Vec::new();
        index.for_each_posting(id, 0..index.articles(), |p| postings.push(p));
        let letters: Vec<(u8, u16)> = index.word_letters.of(id).collect();
        lines.push(format!("{} {:x} {letters:?} {postings:?}", index.word(id), index.mask(id)));
    }
    for letter in ['a', 'z', '7', 'ü', 'é'] {
        let table = index.letter_table(letter).map(|t| (&t.title, &t.body, &t.occurrences));
        let words = index.single_letter(letter).map(Vec::from_iter);
        lines.push(format!("{letter}: {words:?} {table:?}"));
    }
    lines
}

/// The cache stores the index as arrays of bytes: read back, it is the
/// index that was written, across a full segment and the open one, and
/// it grows as the index built at once does (its word lookup, which
/// the cache does not keep, is rebuilt).
#[test]
fn an_index_read_back_from_its_bytes_is_the_one_written_and_grows_alike() {
    let texts: Vec<String> = (0..SEGMENT_ARTICLES + 130)
        .map(|i| {
            let place = ["Zürich", "Niamey", "café", "Uranium"][i % 4];
            format!("{place} Report {i}\n\nWord{} and 2024 {}", i % 97, "deal ".repeat(i % 300))
        })
        .collect();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let corpus = articles(&texts);
    let (first, more) = corpus.split_at(SEGMENT_ARTICLES + 100);
    let mut written = Index::build(first, View::Clean);
    let bytes = postcard::to_allocvec(&written).expect("encodes");
    let mut read: Index = postcard::from_bytes(&bytes).expect("decodes");
    assert_eq!(read.sealed.len(), 1, "a full segment and the open one");
    assert_eq!(contents(&read), contents(&written));
    written.extend(more, View::Clean);
    read.extend(more, View::Clean);
    assert_eq!(read.word_count(), written.word_count(), "no word added twice");
    assert_eq!(contents(&read), contents(&written));
    assert_eq!(contents(&read), contents(&Index::build(&corpus, View::Clean)));
}

/// Shrunk once a load is in, the index reads the same, holds no spare
/// room in its letter tables, and still grows as the index built at once.
#[test]
fn a_shrunk_index_reads_the_same_and_still_grows() {
    let texts: Vec<String> = (0..700)
        .map(|i| format!("Report {i} From Niamey\n\nWord{} and café {}", i % 41, "deal ".repeat(i % 9)))
        .collect();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let corpus = articles(&texts);
    let (first, more) = corpus.split_at(500);
    let mut grown = Index::default();
    for batch in first.chunks(37) {
        grown.extend(batch, View::Clean);
    }
    let before = contents(&grown);
    grown.shrink_to_fit();
    assert_eq!(contents(&grown), before);
    let table = grown.letter_table('a').expect("a table");
    assert_eq!((table.title.capacity(), table.occurrences.capacity()), (500, 500), "no spare room");
    grown.extend(more, View::Clean);
    assert_eq!(contents(&grown), contents(&Index::build(&corpus, View::Clean)));
}
