//! The per-corpus word index, built once: every distinct word with a letter
//! mask (the cheap pre-check) and its postings (which articles hold it, how
//! often in the title and in the body). A query term is checked against
//! each distinct word once, not against every occurrence in every article.

use rustc_hash::FxHashMap;

use rayon::prelude::*;

use super::matcher::{fold_char, letter_mask, skim_score, words_of};
use crate::corpus::{Article, Corpus, View};

/// One article that holds a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    pub article: u32,
    /// Occurrences in the title.
    pub title: u16,
    /// Occurrences in the body.
    pub body: u16,
}

#[derive(Debug, Clone, Default)]
pub struct Index {
    words: Vec<Box<str>>,
    masks: Vec<u64>,
    /// All postings, word after word, each word's sorted by article;
    /// word `w` has `postings[offsets[w]..offsets[w + 1]]`. One flat array
    /// keeps a scan over many words sequential in memory.
    offsets: Vec<u32>,
    postings: Vec<Posting>,
    /// For each case-folded character, the words holding it with the skim
    /// score of that one-letter query. A first keystroke matches most of
    /// the vocabulary; scoring it here, once, keeps that keystroke fast.
    single_letters: FxHashMap<char, Box<[(u32, i64)]>>,
}

impl Index {
    /// The index of what `view` shows: site furniture is searched only in
    /// the raw view. Slices of the corpus are indexed on all cores, then
    /// merged in article order.
    pub fn build(corpus: &Corpus, view: View) -> Index {
        let slices: Vec<Slice<'_>> = corpus
            .articles()
            .par_chunks(BUILD_SLICE_ARTICLES)
            .map(|articles| Slice::build(articles, view))
            .collect();
        let mut index = Index::default();
        let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
        let mut per_word: Vec<Vec<Posting>> = Vec::new();
        for slice in slices {
            for (word, postings) in slice.words.into_iter().zip(slice.postings) {
                let id = *ids.entry(word).or_insert_with(|| {
                    per_word.push(Vec::new());
                    index.add_word(word)
                });
                // Slices come in article order, so each word's postings stay sorted.
                per_word[id as usize].extend(postings);
            }
        }
        index.offsets.reserve(per_word.len() + 1);
        index.offsets.push(0);
        for postings in per_word {
            index.postings.extend(postings);
            index.offsets.push(u32::try_from(index.postings.len()).unwrap_or(u32::MAX));
        }
        index.single_letters = single_letters(&index.words);
        index
    }

    fn add_word(&mut self, word: &str) -> u32 {
        self.words.push(word.into());
        self.masks.push(letter_mask(word.chars()));
        u32::try_from(self.words.len() - 1).unwrap_or(u32::MAX)
    }

    /// How many distinct words (case kept: "Niger" and "niger" are two).
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    pub fn word(&self, id: u32) -> &str {
        &self.words[id as usize]
    }

    pub fn mask(&self, id: u32) -> u64 {
        self.masks[id as usize]
    }

    /// The postings of a word for articles in `range`.
    pub fn postings_in(&self, id: u32, range: std::ops::Range<usize>) -> &[Posting] {
        let id = id as usize;
        let all = &self.postings[self.offsets[id] as usize..self.offsets[id + 1] as usize];
        let start = all.partition_point(|p| (p.article as usize) < range.start);
        let end = all.partition_point(|p| (p.article as usize) < range.end);
        &all[start..end]
    }

    /// The words holding `letter` (case-folded) with their scores for the
    /// one-letter query `letter`.
    pub fn single_letter(&self, letter: char) -> Option<&[(u32, i64)]> {
        self.single_letters.get(&letter).map(|words| &words[..])
    }
}

fn single_letters(words: &[Box<str>]) -> FxHashMap<char, Box<[(u32, i64)]>> {
    // Scoring is the costly part and independent per word.
    let scored: Vec<Vec<(char, i64)>> = words
        .par_iter()
        .map(|word| {
            let mut seen: Vec<(char, i64)> = Vec::new();
            for letter in word.chars().map(fold_char) {
                if seen.iter().any(|(c, _)| *c == letter) {
                    continue;
                }
                let mut pattern = [0u8; 4];
                let score = skim_score(word, letter.encode_utf8(&mut pattern)).unwrap_or(1).max(1);
                seen.push((letter, score));
            }
            seen
        })
        .collect();
    let mut letters: FxHashMap<char, Vec<(u32, i64)>> = FxHashMap::default();
    for (id, word_letters) in scored.into_iter().enumerate() {
        for (letter, score) in word_letters {
            letters.entry(letter).or_default().push((id as u32, score));
        }
    }
    letters.into_iter().map(|(letter, words)| (letter, words.into_boxed_slice())).collect()
}

/// Articles indexed by one task before the slices are merged: enough that
/// merging (once per distinct word per slice) stays cheap.
const BUILD_SLICE_ARTICLES: usize = 2_048;

/// The index of a run of consecutive articles, with its own word ids.
struct Slice<'a> {
    words: Vec<&'a str>,
    postings: Vec<Vec<Posting>>,
}

impl<'a> Slice<'a> {
    fn build(articles: &'a [Article], view: View) -> Self {
        let mut slice = Slice { words: Vec::new(), postings: Vec::new() };
        let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
        let mut counts: FxHashMap<u32, (u16, u16)> = FxHashMap::default();
        for article in articles {
            counts.clear();
            for (field, text) in fields(article, view) {
                for (_, word) in words_of(text) {
                    let id = *ids.entry(word).or_insert_with(|| {
                        slice.words.push(word);
                        slice.postings.push(Vec::new());
                        u32::try_from(slice.words.len() - 1).unwrap_or(u32::MAX)
                    });
                    let entry = counts.entry(id).or_default();
                    match field {
                        InTitle => entry.0 = entry.0.saturating_add(1),
                        InBody => entry.1 = entry.1.saturating_add(1),
                    }
                }
            }
            let article_id = u32::try_from(article.id).unwrap_or(u32::MAX);
            for (&id, &(title, body)) in &counts {
                slice.postings[id as usize].push(Posting { article: article_id, title, body });
            }
        }
        slice
    }
}

#[derive(Clone, Copy)]
enum FieldOf {
    InTitle,
    InBody,
}
use FieldOf::{InBody, InTitle};

/// The title, then each paragraph of the body.
fn fields(article: &Article, view: View) -> impl Iterator<Item = (FieldOf, &str)> {
    let body = super::body_texts(article, view).map(|(_, text)| (InBody, text));
    std::iter::once((InTitle, article.title.as_str())).chain(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_count_title_and_body_occurrences() {
        let corpus = Corpus::new(vec![
            Article::from_text(0, "a", "Drone Base Grows\n\nThe drone flew. Another drone."),
            Article::from_text(1, "b", "Markets Rise Again\n\nNo drones here."),
        ]);
        let index = Index::build(&corpus, View::Clean);
        let id = (0..index.word_count() as u32).find(|&id| index.word(id) == "drone").expect("indexed");
        assert_eq!(index.postings_in(id, 0..2), [Posting { article: 0, title: 0, body: 2 }]);
        let cap = (0..index.word_count() as u32).find(|&id| index.word(id) == "Drone").expect("indexed");
        assert_eq!(index.postings_in(cap, 0..2), [Posting { article: 0, title: 1, body: 0 }]);
        assert!(index.postings_in(id, 1..2).is_empty());
    }
}
