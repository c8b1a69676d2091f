//! The per-corpus word index: every distinct word once (interned, with a
//! letter mask as the cheap pre-check) and its postings (which articles
//! hold it, how often in the title and in the body). A query term is
//! checked against each distinct word once, not against every occurrence.
//!
//! The index grows as articles stream in. Postings are kept in segments of
//! [`SEGMENT_ARTICLES`] consecutive articles, the same steps search scores
//! in; each word's postings in a segment are varints (the gap from the
//! article before, then the counts), about two bytes a posting rather
//! than eight. The last segment stays open, one growable list per
//! word, until it is full.
//!
//! Growing it is `build` (with the runs of articles indexed on all cores);
//! the postings' bytes are `postings`, the vocabulary `words`, and the
//! one-letter scores and tables `letters`.

mod build;
mod letters;
mod postings;
#[cfg(test)]
mod tests;
mod words;

use std::ops::Range;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::letter_lists;
use crate::cache::bulk;
use letters::{WordLetters, letter_slot};
use postings::{Postings, read_posting};
use words::Words;

pub use letters::LetterTable;
pub(super) use words::WordIds;

/// Articles in a segment: the step search scores in, so a step reads one
/// segment's postings.
pub const SEGMENT_ARTICLES: usize = super::CHUNK_ARTICLES;

/// One article that holds a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    pub article: u32,
    /// Occurrences in the title.
    pub title: u16,
    /// Occurrences in the body.
    pub body: u16,
}

/// Stored in the cache as arrays of bytes (see `cache::bulk`), so a start
/// from the cache copies it rather than decoding it a number at a time
/// (BENCHMARKS.md, "`--filter` from the cache, decoded in bulk").
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Index {
    words: Words,
    #[serde(with = "bulk::numbers")]
    masks: Vec<u64>,
    /// Word ids by word, needed only to add articles: after a load from
    /// the cache it is built by the first [`Index::extend`], if any (a
    /// search never needs it).
    #[serde(skip)]
    ids: WordIds,
    /// Full segments, in article order.
    sealed: Vec<Sealed>,
    open: Open,
    /// For each case-folded character, the words holding it with the match
    /// quality of that one-letter query. A first keystroke matches most of
    /// the vocabulary; scoring it here, once per word, keeps it fast. A
    /// quality is a `u32`: kept as one, a word's entry takes 8 bytes, not
    /// the 16 of a score's `i64` and its padding, in the list of every
    /// letter the word holds.
    #[serde(with = "letter_lists")]
    single_letters: FxHashMap<char, Vec<(u32, u32)>>,
    /// Each word's ASCII letters and digits (as [`letter_slot`]s) with
    /// their one-letter scores, for the tables below.
    word_letters: WordLetters,
    /// For each of a–z and 0–9, what that one-letter query makes of every
    /// article. Such a query matches nearly every article through most of
    /// the vocabulary: read from here, a first keystroke over 100,000
    /// articles costs a pass over three arrays, not over every posting.
    letters: Vec<LetterTable>,
    /// Each article's length in words (title and body), by article id:
    /// BM25's length normalisation reads it.
    #[serde(with = "bulk::numbers")]
    lengths: Vec<u32>,
}

/// A full segment: word `w`'s postings are `bytes[offsets[w]..offsets[w + 1]]`
/// (words newer than the segment have none). One flat array keeps a scan
/// over many words sequential in memory.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Sealed {
    start: u32,
    #[serde(with = "bulk::numbers")]
    offsets: Vec<u32>,
    #[serde(with = "serde_bytes")]
    bytes: Vec<u8>,
}

/// The segment still being filled: a list per word, and each word's last
/// article (the base of its next gap).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Open {
    start: u32,
    /// Articles indexed so far, from `start`.
    len: u32,
    #[serde(with = "bulk::byte_lists")]
    lists: Vec<Vec<u8>>,
    #[serde(with = "bulk::numbers")]
    last: Vec<u32>,
}

impl Index {
    /// Articles indexed so far.
    pub fn articles(&self) -> usize {
        (self.open.start + self.open.len) as usize
    }

    /// What the one-letter query `letter` (case-folded) makes of every
    /// article, when it is a letter or digit with a table.
    pub fn letter_table(&self, letter: char) -> Option<&LetterTable> {
        self.letters.get(letter_slot(letter)?)
    }

    /// Article `article`'s length in words (title and body).
    pub fn length(&self, article: usize) -> u32 {
        self.lengths.get(article).copied().unwrap_or(0)
    }

    /// The lengths of the articles in `range` (fewer where it runs past
    /// those indexed).
    pub fn lengths(&self, range: Range<usize>) -> &[u32] {
        let end = range.end.min(self.lengths.len());
        self.lengths.get(range.start.min(end)..end).unwrap_or_default()
    }

    /// How many distinct words (case kept: "Niger" and "niger" are two).
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    pub fn word(&self, id: u32) -> &str {
        self.words.get(id as usize)
    }

    pub fn mask(&self, id: u32) -> u64 {
        self.masks[id as usize]
    }

    /// Calls `visit` with each of word `id`'s postings for articles in
    /// `range`, in article order. Search spends its time here, once per
    /// matched word per step, millions of postings a keystroke: a step's
    /// range covers whole segments, whose postings are decoded with no
    /// check against the range and no iterator state between them.
    #[inline]
    pub fn for_each_posting(&self, id: u32, range: Range<usize>, mut visit: impl FnMut(Posting)) {
        let indexed = self.articles();
        for segment in range.start / SEGMENT_ARTICLES..range.end.div_ceil(SEGMENT_ARTICLES) {
            let Postings { mut bytes, mut article } = self.segment_postings(segment, id);
            let start = article as usize;
            let whole = start >= range.start && (start + SEGMENT_ARTICLES).min(indexed) <= range.end;
            while let Some(posting) = read_posting(&mut bytes, &mut article) {
                if whole || range.contains(&(posting.article as usize)) {
                    visit(posting);
                }
            }
        }
    }

    /// Word `id`'s postings in segment number `segment` (none past the
    /// open one).
    fn segment_postings(&self, segment: usize, id: u32) -> Postings<'_> {
        let (start, bytes) = match self.sealed.get(segment) {
            Some(sealed) => (sealed.start, sealed.list(id)),
            None if segment == self.sealed.len() => {
                (self.open.start, self.open.lists.get(id as usize).map_or(&[][..], Vec::as_slice))
            }
            None => (0, &[][..]),
        };
        Postings { bytes, article: start }
    }

    /// The words holding `letter` (case-folded) with their scores for the
    /// one-letter query `letter`.
    pub fn single_letter(&self, letter: char) -> Option<impl ExactSizeIterator<Item = (u32, i64)> + '_> {
        let words = self.single_letters.get(&letter)?;
        Some(words.iter().map(|&(word, score)| (word, i64::from(score))))
    }
}

impl Index {
    /// Gives back the room its arrays grew into as articles streamed in
    /// (a growing array doubles: up to half of it spare), for when the
    /// load is all in. It can still grow after, at the cost of a copy.
    /// BENCHMARKS.md, "Memory at 100,000 articles, ninth session".
    pub fn shrink_to_fit(&mut self) {
        self.words.shrink_to_fit();
        self.masks.shrink_to_fit();
        self.open.lists.iter_mut().for_each(Vec::shrink_to_fit);
        self.open.last.shrink_to_fit();
        self.single_letters.values_mut().for_each(Vec::shrink_to_fit);
        self.word_letters.shrink_to_fit();
        for table in &mut self.letters {
            table.title.shrink_to_fit();
            table.body.shrink_to_fit();
            table.occurrences.shrink_to_fit();
        }
        self.lengths.shrink_to_fit();
    }
}

impl Sealed {
    fn list(&self, id: u32) -> &[u8] {
        let id = id as usize;
        match (self.offsets.get(id), self.offsets.get(id + 1)) {
            (Some(&from), Some(&to)) => self.bytes.get(from as usize..to as usize).unwrap_or_default(),
            _ => &[],
        }
    }
}
