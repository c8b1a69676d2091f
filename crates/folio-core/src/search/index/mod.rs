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

use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::letter_lists;
use super::matcher::{TermMatcher, letter_mask, quality, words_of};
use super::query::{Field, Kind, Term};
use crate::cache::bulk;
use crate::corpus::{Article, View};

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
    /// the vocabulary; scoring it here, once per word, keeps it fast.
    #[serde(with = "letter_lists")]
    single_letters: FxHashMap<char, Vec<(u32, i64)>>,
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

/// One letter's scores for every article, by article id: the best score
/// of a title word and of a body word holding the letter, and how often
/// body words holding it occur.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct LetterTable {
    #[serde(with = "bulk::numbers")]
    pub title: Vec<u16>,
    #[serde(with = "bulk::numbers")]
    pub body: Vec<u16>,
    #[serde(with = "bulk::numbers")]
    pub occurrences: Vec<u32>,
}

/// Each word's letters and digits with their scores, every word's in
/// one array: word `w`'s are `slots[span(ends, w)]`, scored by
/// `scores[span(ends, w)]`. Flat, the cache stores it as three copies.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct WordLetters {
    #[serde(with = "serde_bytes")]
    slots: Vec<u8>,
    #[serde(with = "bulk::numbers")]
    scores: Vec<u16>,
    #[serde(with = "bulk::numbers")]
    ends: Vec<u32>,
}

impl WordLetters {
    fn push(&mut self, letters: impl Iterator<Item = (u8, u16)>) {
        for (slot, score) in letters {
            self.slots.push(slot);
            self.scores.push(score);
        }
        self.ends.push(u32::try_from(self.slots.len()).unwrap_or(u32::MAX));
    }

    /// Word `id`'s letter slots and scores (none for a word it lacks, as
    /// from a cache that does not add up).
    fn of(&self, id: u32) -> impl Iterator<Item = (u8, u16)> + '_ {
        let id = id as usize;
        let range = if id < self.ends.len() { span(&self.ends, id) } else { 0..0 };
        let slots = self.slots.get(range.clone()).unwrap_or_default();
        let scores = self.scores.get(range).unwrap_or_default();
        slots.iter().copied().zip(scores.iter().copied())
    }
}

/// The letters and digits that have a [`LetterTable`].
const LETTER_SLOTS: usize = 36;

/// Where `letter` (already case-folded) has its table, if it has one.
fn letter_slot(letter: char) -> Option<usize> {
    match letter {
        'a'..='z' => Some(letter as usize - 'a' as usize),
        '0'..='9' => Some(26 + letter as usize - '0' as usize),
        _ => None,
    }
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
    /// The index of `articles` (the whole corpus, in order) as `view`
    /// shows them: site furniture is searched only in the raw view.
    pub fn build(articles: &[Arc<Article>], view: View) -> Index {
        let mut index = Index::default();
        index.extend(articles, view);
        index
    }

    /// Articles indexed so far.
    pub fn articles(&self) -> usize {
        (self.open.start + self.open.len) as usize
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

    /// What the one-letter query `letter` (case-folded) makes of every
    /// article, when it is a letter or digit with a table.
    pub fn letter_table(&self, letter: char) -> Option<&LetterTable> {
        self.letters.get(letter_slot(letter)?)
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
    pub fn single_letter(&self, letter: char) -> Option<&[(u32, i64)]> {
        self.single_letters.get(&letter).map(|words| &words[..])
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
                self.single_letters.entry(letter).or_default().push((id, score));
            }
        }
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

/// Each distinct letter of `word`, case-folded and without its accent,
/// with the quality of the one-letter query's match (see
/// [`TermMatcher::score_word`]).
fn letter_scores(word: &str) -> Vec<(char, i64)> {
    if word.is_ascii() {
        return ascii_letter_scores(word.as_bytes());
    }
    let mut seen: Vec<(char, i64)> = Vec::new();
    for letter in word.chars().filter_map(plain_letter) {
        if seen.iter().any(|(c, _)| *c == letter) {
            continue;
        }
        let term = Term {
            text: letter.to_string(),
            kind: Kind::Fuzzy,
            field: Field::Any,
            negated: false,
            case_sensitive: false,
            joined: false,
        };
        let score = TermMatcher::new(&term).score_word(word);
        if score > 0 {
            seen.push((letter, i64::from(score)));
        }
    }
    seen
}

/// A character as a one-letter query that matches it would be typed: lower
/// case, without its accent; none for an accent on its own.
fn plain_letter(c: char) -> Option<char> {
    let c = super::matcher::fold_char(c);
    match super::matcher::decompose(c) {
        Some((base, _)) => Some(base),
        None if super::matcher::is_mark(c) => None,
        None => Some(c),
    }
}

/// [`letter_scores`] of an ASCII word in one pass: every new word of a load
/// is scored for each of its letters. A letter's best match is its first:
/// the whole word, else the start, else inside. A digit matches only where
/// a number starts (see the matcher's number rule). A proptest holds this
/// equal to the matcher's own quality.
fn ascii_letter_scores(word: &[u8]) -> Vec<(char, i64)> {
    let m = word.len() as u32;
    let spread = |q: u32| i64::from(q + quality::SPREAD / m.max(1));
    let mut seen: Vec<(char, i64)> = Vec::new();
    for (at, &byte) in word.iter().enumerate() {
        let letter = byte.to_ascii_lowercase();
        let score = if byte.is_ascii_digit() {
            if at > 0 && word[at - 1].is_ascii_digit() {
                continue;
            }
            let whole_run = word.get(at + 1).is_none_or(|next| !next.is_ascii_digit());
            match (whole_run, m == 1) {
                (_, true) => i64::from(quality::EXACT),
                (true, false) => i64::from(quality::NUMBER),
                (false, _) => i64::from(quality::PREFIX),
            }
        } else if m == 1 {
            i64::from(quality::EXACT)
        } else if at == 0 {
            spread(quality::PREFIX)
        } else {
            spread(quality::INFIX)
        };
        match seen.iter_mut().find(|(c, _)| *c == char::from(letter)) {
            Some((_, best)) => *best = (*best).max(score),
            None => seen.push((char::from(letter), score)),
        }
    }
    seen
}

/// The gap with a flag in its low bit for a title occurrence, the title
/// count only when flagged (most words are not in the title), then the
/// body count: two bytes for most postings.
fn write_posting(list: &mut Vec<u8>, gap: u32, posting: Posting) {
    let in_title = posting.title > 0;
    write_varint(list, gap << 1 | u32::from(in_title));
    if in_title {
        write_varint(list, u32::from(posting.title));
    }
    write_varint(list, u32::from(posting.body));
}

/// LEB128: seven bits a byte, low first, the top bit set on all but the last.
fn write_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

#[inline]
fn read_varint(bytes: &mut &[u8]) -> Option<u32> {
    // Most gaps and counts fit one byte; a search reads millions of them.
    match bytes.split_first() {
        Some((&byte, rest)) if byte < 0x80 => {
            *bytes = rest;
            Some(u32::from(byte))
        }
        _ => read_long_varint(bytes),
    }
}

fn read_long_varint(bytes: &mut &[u8]) -> Option<u32> {
    let mut value: u32 = 0;
    for shift in (0..35).step_by(7) {
        let (&byte, rest) = bytes.split_first()?;
        *bytes = rest;
        value |= u32::from(byte & 0x7f).checked_shl(shift)?;
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

/// One word's postings in one segment, encoded, and the article their
/// first gap counts from.
struct Postings<'a> {
    bytes: &'a [u8],
    article: u32,
}

/// Reads the posting at the front of `bytes`; `article` is the one before
/// it, and becomes this one.
#[inline]
fn read_posting(bytes: &mut &[u8], article: &mut u32) -> Option<Posting> {
    // Most postings are two bytes, a small gap with no title flag and a
    // small body count: read at once, they spare the varint loop its
    // branches. A search reads millions of them.
    if let &[flagged_gap, body, ref rest @ ..] = *bytes
        && (flagged_gap | body) < 0x80
        && flagged_gap & 1 == 0
    {
        *bytes = rest;
        *article = article.checked_add(u32::from(flagged_gap >> 1))?;
        return Some(Posting { article: *article, title: 0, body: u16::from(body) });
    }
    let flagged_gap = read_varint(bytes)?;
    let title = if flagged_gap & 1 == 1 { read_varint(bytes)? } else { 0 };
    let body = read_varint(bytes)?;
    *article = article.checked_add(flagged_gap >> 1)?;
    let count = |n: u32| u16::try_from(n).unwrap_or(u16::MAX);
    Some(Posting { article: *article, title: count(title), body: count(body) })
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
            let body = super::body_texts(&text, view).map(|(_, text)| (false, text));
            for (in_title, field) in std::iter::once((true, article.title.as_str())).chain(body) {
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

/// Part `w` of an array cut at `ends` (each part's end; the first starts
/// at 0).
fn span(ends: &[u32], w: usize) -> Range<usize> {
    let from = if w == 0 { 0 } else { ends[w - 1] as usize };
    from..ends[w] as usize
}

/// Distinct words, in one buffer: tens of thousands of them are found in
/// every slice, and nearly all are known to the index already; the index
/// holds hundreds of thousands, which a start from the cache reads as
/// two copies rather than an allocation each.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(try_from = "StoredWords")]
struct Words {
    text: String,
    /// Where each word ends in `text`.
    #[serde(with = "bulk::numbers")]
    ends: Vec<u32>,
}

/// [`Words`] as read from the cache, before its ends are checked.
#[derive(Deserialize)]
struct StoredWords {
    text: String,
    #[serde(with = "bulk::numbers")]
    ends: Vec<u32>,
}

impl TryFrom<StoredWords> for Words {
    type Error = &'static str;

    /// Refuses ends that go back, run past the text or cut a character,
    /// which `get` would panic on.
    fn try_from(StoredWords { text, ends }: StoredWords) -> Result<Words, &'static str> {
        let mut from = 0;
        for &end in &ends {
            let end = end as usize;
            if end < from || !text.is_char_boundary(end) {
                return Err("words that do not add up to their text");
            }
            from = end;
        }
        if from != text.len() {
            return Err("text left over after the words");
        }
        Ok(Words { text, ends })
    }
}

impl Words {
    fn push(&mut self, word: &str) {
        self.text.push_str(word);
        self.ends.push(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
    }

    fn get(&self, w: usize) -> &str {
        &self.text[span(&self.ends, w)]
    }

    fn len(&self) -> usize {
        self.ends.len()
    }
}

/// Word ids by word. Nearly every word fits in sixteen bytes, most in
/// eight: those are keys of their own as a number, hashed and compared in
/// one step; the rest are looked up as text. Every word of every article
/// is looked up here.
#[derive(Debug, Clone, Default)]
pub(super) struct WordIds {
    short: FxHashMap<u64, u32>,
    medium: FxHashMap<u128, u32>,
    long: FxHashMap<Box<str>, u32>,
}

impl WordIds {
    pub(super) fn get(&self, word: &str) -> Option<u32> {
        match Key::of(word) {
            Key::Short(key) => self.short.get(&key).copied(),
            Key::Medium(key) => self.medium.get(&key).copied(),
            Key::Long => self.long.get(word).copied(),
        }
    }

    /// How many words it holds.
    fn len(&self) -> usize {
        self.short.len() + self.medium.len() + self.long.len()
    }

    pub(super) fn insert(&mut self, word: &str, id: u32) {
        match Key::of(word) {
            Key::Short(key) => self.short.insert(key, id),
            Key::Medium(key) => self.medium.insert(key, id),
            Key::Long => self.long.insert(word.into(), id),
        };
    }
}

/// A word as a number, when it fits. Words hold no NUL (it is not
/// alphanumeric), so padding with zeros keeps every word distinct.
enum Key {
    Short(u64),
    Medium(u128),
    Long,
}

impl Key {
    #[inline]
    fn of(word: &str) -> Key {
        let bytes = word.as_bytes();
        match bytes.len() {
            0..=8 => Key::Short(pack(bytes)),
            9..=16 => Key::Medium(u128::from(pack(&bytes[..8])) | u128::from(pack(&bytes[8..])) << 64),
            _ => Key::Long,
        }
    }
}

/// Up to eight bytes as a little-endian number: a loop the compiler
/// unrolls, where copying a slice of unknown length would call `memcpy`.
#[inline]
fn pack(bytes: &[u8]) -> u64 {
    bytes.iter().take(8).enumerate().fold(0, |key, (at, &byte)| key | u64::from(byte) << (8 * at))
}

#[cfg(test)]
mod tests {
    use super::*;

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
            lines.push(format!("{letter}: {:?} {table:?}", index.single_letter(letter)));
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

    /// Words whose ends do not add up to their text would panic when
    /// read: they are refused as the cache is read.
    #[test]
    fn words_that_do_not_add_up_are_refused() {
        let words = |text: &str, ends: Vec<u32>| {
            let bytes = postcard::to_allocvec(&Words { text: text.into(), ends }).expect("encodes");
            postcard::from_bytes::<Words>(&bytes).map(|w| (0..w.len()).map(|i| w.get(i).to_owned()).collect())
        };
        assert_eq!(words("éab", vec![2, 2, 4]), Ok(vec!["é".to_owned(), String::new(), "ab".to_owned()]));
        assert_eq!(words("", vec![]), Ok(Vec::new()));
        assert!(words("éab", vec![1, 4]).is_err(), "inside a character");
        assert!(words("éab", vec![3, 2, 4]).is_err(), "going back");
        assert!(words("éab", vec![2, 5]).is_err(), "past the text");
        assert!(words("éab", vec![2]).is_err(), "text left over");
    }

    #[test]
    fn letter_tables_round_trip_as_bytes_and_refuse_a_broken_length() {
        let table = LetterTable {
            title: vec![0, 7, u16::MAX],
            body: vec![1, 2, 3],
            occurrences: vec![0, 70_000, u32::MAX],
        };
        let bytes = postcard::to_allocvec(&table).expect("encodes");
        let back: LetterTable = postcard::from_bytes(&bytes).expect("decodes");
        assert_eq!((back.title, back.body, back.occurrences), (table.title, table.body, table.occurrences));
        // The title's bytes, one short: 5 bytes are not whole u16s.
        let broken = [&[5u8][..], &[1, 2, 3, 4, 5], &[0], &[0]].concat();
        assert!(postcard::from_bytes::<LetterTable>(&broken).is_err());
    }

    #[test]
    fn varints_round_trip_at_their_edges() {
        for value in [0, 1, 127, 128, 16_383, 16_384, u32::MAX] {
            let mut bytes = Vec::new();
            write_varint(&mut bytes, value);
            let mut read = &bytes[..];
            assert_eq!(read_varint(&mut read), Some(value));
            assert!(read.is_empty());
        }
        assert_eq!(read_varint(&mut &[0x80u8, 0x80][..]), None, "cut short");
    }

    proptest::proptest! {
        /// The one-pass scores of an ASCII word are the matcher's own,
        /// letter by letter.
        #[test]
        fn ascii_letter_scores_are_the_matchers(word in "[a-zA-Z0-9]{1,12}") {
            let by_matcher: Vec<(char, i64)> = {
                let mut seen: Vec<(char, i64)> = Vec::new();
                for letter in word.chars().map(|c| c.to_ascii_lowercase()) {
                    if !seen.iter().any(|(c, _)| *c == letter) {
                        let term = Term {
                            text: letter.to_string(),
                            kind: Kind::Fuzzy,
                            field: Field::Any,
                            negated: false,
                            case_sensitive: false,
                            joined: false,
                        };
                        let score = TermMatcher::new(&term).score_word(&word);
                        if score > 0 {
                            seen.push((letter, i64::from(score)));
                        }
                    }
                }
                seen
            };
            let mut one_pass = ascii_letter_scores(word.as_bytes());
            let mut by_matcher = by_matcher;
            one_pass.sort_unstable();
            by_matcher.sort_unstable();
            proptest::prop_assert_eq!(one_pass, by_matcher);
        }
    }

    proptest::proptest! {
        /// Words of every length, short, medium and long, keep their own
        /// ids; a word never inserted has none, even when it shares its
        /// first eight or sixteen bytes with one that was.
        #[test]
        fn word_ids_tell_every_word_apart(
            words in proptest::collection::hash_set("(abcdefgh|abcdefghabcdefgh)?[ab9é]{0,10}", 2..40)
        ) {
            let words: Vec<String> = words.into_iter().filter(|w| !w.is_empty()).collect();
            let (inserted, others) = words.split_at(words.len() / 2);
            let mut ids = WordIds::default();
            for (id, word) in inserted.iter().enumerate() {
                ids.insert(word, id as u32);
            }
            for (id, word) in inserted.iter().enumerate() {
                proptest::prop_assert_eq!(ids.get(word), Some(id as u32));
            }
            for word in others {
                proptest::prop_assert_eq!(ids.get(word), None);
            }
        }
    }
}
