//! Growing the index as articles stream in: runs of articles indexed on
//! all cores (`Slice`), merged in article order into the open segment,
//! which is sealed when full; each new word's letters are scored, and the
//! letter tables grow by the new articles.

use std::sync::Arc;

use rayon::prelude::*;

use super::letters::{LETTER_SLOTS, LetterTable, letter_scores, letter_slot};
use super::postings::write_posting;
use super::words::{WordIds, Words, span};
use super::{Index, Open, Posting, SEGMENT_ARTICLES, Sealed};
use crate::corpus::{Article, View};
use crate::search::matcher::{letter_mask, words_of};

impl Index {
    /// The index of `articles` (the whole corpus, in order) as `view`
    /// shows them: site furniture is searched only in the raw view.
    pub fn build(articles: &[Arc<Article>], view: View) -> Index {
        let mut index = Index::default();
        index.extend(articles, view);
        index
    }

    /// Adds the articles that follow those indexed, which must be next in
    /// the corpus. Runs of them are indexed on all cores, then merged in
    /// article order.
    pub fn extend(&mut self, articles: &[Arc<Article>], view: View) {
        if !articles.is_empty() {
            self.look_up_words();
        }
        let mut rest = articles;
        while !rest.is_empty() {
            // A segment is filled from slices of one piece at a time, so a
            // word's postings never straddle two segments.
            let room = SEGMENT_ARTICLES - self.open.len as usize;
            let (piece, after) = rest.split_at(room.min(rest.len()));
            let slices: Vec<Slice> =
                piece.par_chunks(BUILD_SLICE_ARTICLES).map(|chunk| Slice::build(chunk, view)).collect();
            let first_new_word = self.words.len();
            let ids: Vec<Vec<u32>> = slices.iter().map(|slice| self.merge(slice)).collect();
            self.score_single_letters(first_new_word);
            // Slices cover consecutive articles: their tables are built on
            // all cores and appended in order.
            let parts: Vec<Vec<LetterTable>> =
                slices.par_iter().zip(&ids).map(|(slice, ids)| self.letter_tables(slice, ids)).collect();
            self.letters.resize_with(LETTER_SLOTS, LetterTable::default);
            for part in parts {
                for (table, more) in self.letters.iter_mut().zip(part) {
                    table.title.extend(more.title);
                    table.body.extend(more.body);
                    table.occurrences.extend(more.occurrences);
                }
            }
            for slice in &slices {
                self.lengths.extend_from_slice(&slice.lengths);
            }
            self.open.len += piece.len() as u32;
            if self.open.len as usize == SEGMENT_ARTICLES {
                self.seal();
            }
            rest = after;
        }
    }

    /// Adds a slice's postings; says the word id of each of its words.
    fn merge(&mut self, slice: &Slice) -> Vec<u32> {
        let mut ids = Vec::with_capacity(slice.words.len());
        for w in 0..slice.words.len() {
            let word = slice.words.get(w);
            let id = match self.ids.get(word) {
                Some(id) => id,
                None => self.add_word(word),
            };
            ids.push(id);
            let postings = slice.postings(w);
            let (Some(first), Some(last)) = (postings.first(), postings.last()) else { continue };
            let list = &mut self.open.lists[id as usize];
            let before = &mut self.open.last[id as usize];
            // Slices come in article order, so gaps are never negative. Only
            // the first posting's gap depends on the slices before; the rest
            // were written by the slice, on its own core.
            write_posting(list, first.article - *before, *first);
            list.extend_from_slice(slice.encoded(w));
            *before = last.article;
        }
        ids
    }

    /// The letter tables of a slice's articles; `ids` are its words' ids.
    fn letter_tables(&self, slice: &Slice, ids: &[u32]) -> Vec<LetterTable> {
        let empty = LetterTable {
            title: vec![0; slice.articles],
            body: vec![0; slice.articles],
            occurrences: vec![0; slice.articles],
        };
        let mut tables = vec![empty; LETTER_SLOTS];
        for (w, &id) in ids.iter().enumerate() {
            let postings = slice.postings(w);
            for (slot, score) in self.word_letters.of(id) {
                let table = &mut tables[usize::from(slot)];
                for posting in postings {
                    let at = (posting.article - slice.start) as usize;
                    if posting.title > 0 {
                        table.title[at] = table.title[at].max(score);
                    }
                    if posting.body > 0 {
                        table.body[at] = table.body[at].max(score);
                        table.occurrences[at] += u32::from(posting.body);
                    }
                }
            }
        }
        tables
    }

    fn add_word(&mut self, word: &str) -> u32 {
        let id = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
        self.masks.push(letter_mask(word.chars()));
        self.ids.insert(word, id);
        self.words.push(word);
        self.open.lists.push(Vec::new());
        self.open.last.push(self.open.start);
        id
    }

    /// Closes the open segment: its lists become one flat array.
    fn seal(&mut self) {
        let start = self.open.start;
        let mut sealed =
            Sealed { start, offsets: Vec::with_capacity(self.words.len() + 1), bytes: Vec::new() };
        sealed.bytes.reserve(self.open.lists.iter().map(Vec::len).sum());
        sealed.offsets.push(0);
        for list in &self.open.lists {
            sealed.bytes.extend_from_slice(list);
            sealed.offsets.push(u32::try_from(sealed.bytes.len()).unwrap_or(u32::MAX));
        }
        self.sealed.push(sealed);
        let next = start + self.open.len;
        self.open = Open {
            start: next,
            len: 0,
            lists: vec![Vec::new(); self.words.len()],
            last: vec![next; self.words.len()],
        };
    }

    /// The word ids by word, for adding articles: the cache does not
    /// store them, so after a load from it they are built here, once.
    fn look_up_words(&mut self) {
        if self.ids.len() == self.words.len() {
            return;
        }
        self.ids = WordIds::default();
        for id in 0..self.words.len() {
            self.ids.insert(self.words.get(id), id as u32);
        }
    }

    /// Scores the words from `first` on for every letter they hold.
    fn score_single_letters(&mut self, first: usize) {
        // Scoring is the costly part and independent per word.
        let scored: Vec<Vec<(char, i64)>> =
            (first..self.words.len()).into_par_iter().map(|id| letter_scores(self.words.get(id))).collect();
        for (offset, letters) in scored.into_iter().enumerate() {
            let id = (first + offset) as u32;
            let slots = letters.iter().filter_map(|&(letter, score)| {
                let slot = u8::try_from(letter_slot(letter)?).ok()?;
                Some((slot, u16::try_from(score).unwrap_or(u16::MAX)))
            });
            self.word_letters.push(slots);
            for (letter, score) in letters {
                // A score is a match quality, which is a `u32`.
                let score = u32::try_from(score).unwrap_or(0);
                self.single_letters.entry(letter).or_default().push((id, score));
            }
        }
    }
}

/// Articles indexed by one task before the slices are merged: enough that
/// merging (once per distinct word per slice) stays cheap.
const BUILD_SLICE_ARTICLES: usize = 1_024;

/// The index of a run of consecutive articles, with its own word ids.
struct Slice {
    /// The first article's id, and how many articles.
    start: u32,
    articles: usize,
    words: Words,
    /// Word `w`'s postings are `postings[ends[w - 1]..ends[w]]` (from 0 for
    /// the first word), in article order: one array, not one per word.
    postings: Vec<Posting>,
    ends: Vec<u32>,
    /// Each word's postings after its first, written as its list in the
    /// index continues (gaps from the posting before): `encoded_ends`
    /// bounds them as `ends` does the postings. Merging then copies bytes.
    encoded: Vec<u8>,
    encoded_ends: Vec<u32>,
    /// Each article's length in words.
    lengths: Vec<u32>,
}

impl Slice {
    fn build(articles: &[Arc<Article>], view: View) -> Self {
        let start = articles.first().map_or(0, |a| u32::try_from(a.id).unwrap_or(u32::MAX));
        let mut words = Words::default();
        let mut ids = WordIds::default();
        // Per word of the slice: its counts in the current article; and the
        // words the current article touched, to reset and record them.
        let mut counts: Vec<(u16, u16)> = Vec::new();
        let mut touched: Vec<u32> = Vec::new();
        // Every posting with its word, in article order; sorted by word below.
        let mut found: Vec<(u32, Posting)> = Vec::new();
        let mut lengths = Vec::with_capacity(articles.len());
        for article in articles {
            let mut length = 0u32;
            let text = article.text();
            let body = crate::search::body_texts(&text, view).map(|(_, text)| (false, text));
            let titles = crate::search::title_texts(article);
            for (in_title, field) in titles.iter().map(|text| (true, text.as_ref())).chain(body) {
                for (_, word) in words_of(field) {
                    length = length.saturating_add(1);
                    let id = match ids.get(word) {
                        Some(id) => id,
                        None => {
                            let id = words.len() as u32;
                            ids.insert(word, id);
                            words.push(word);
                            counts.push((0, 0));
                            id
                        }
                    };
                    let count = &mut counts[id as usize];
                    if *count == (0, 0) {
                        touched.push(id);
                    }
                    let field = if in_title { &mut count.0 } else { &mut count.1 };
                    *field = field.saturating_add(1);
                }
            }
            lengths.push(length);
            let article_id = u32::try_from(article.id).unwrap_or(u32::MAX);
            for id in touched.drain(..) {
                let (title, body) = std::mem::take(&mut counts[id as usize]);
                found.push((id, Posting { article: article_id, title, body }));
            }
        }
        // A counting sort by word keeps each word's postings in article order.
        let mut ends = vec![0u32; words.len()];
        for &(id, _) in &found {
            ends[id as usize] += 1;
        }
        let mut next = 0;
        for end in &mut ends {
            let count = *end;
            *end = next;
            next += count;
        }
        let mut postings = vec![Posting { article: 0, title: 0, body: 0 }; found.len()];
        for (id, posting) in found {
            let at = &mut ends[id as usize];
            postings[*at as usize] = posting;
            *at += 1;
        }
        let mut encoded = Vec::with_capacity(postings.len() * 2);
        let mut encoded_ends = Vec::with_capacity(words.len());
        let mut from = 0;
        for &end in &ends {
            for pair in postings[from..end as usize].windows(2) {
                write_posting(&mut encoded, pair[1].article - pair[0].article, pair[1]);
            }
            encoded_ends.push(u32::try_from(encoded.len()).unwrap_or(u32::MAX));
            from = end as usize;
        }
        Slice { start, articles: articles.len(), words, postings, ends, encoded, encoded_ends, lengths }
    }

    /// Word `w`'s postings.
    fn postings(&self, w: usize) -> &[Posting] {
        &self.postings[span(&self.ends, w)]
    }

    /// Word `w`'s postings after its first, encoded.
    fn encoded(&self, w: usize) -> &[u8] {
        &self.encoded[span(&self.encoded_ends, w)]
    }
}
