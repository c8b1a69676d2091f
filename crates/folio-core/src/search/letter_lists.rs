//! How the index's words by letter are stored in the cache: for each
//! letter, the ids of the words holding it and their scores as two arrays
//! of numbers (see `cache::bulk`), rather than a varint pair per word.
//! `#[serde(with = "letter_lists")]` on `FxHashMap<char, Vec<(u32, u32)>>`
//! (a score is a match quality, a `u32`).
//! BENCHMARKS.md, "`--filter` from the cache, decoded in bulk", has the
//! figures.

use std::borrow::Cow;

use rustc_hash::FxHashMap;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::cache::bulk::{Fixed, numbers};

type Lists = FxHashMap<char, Vec<(u32, u32)>>;

#[derive(Serialize)]
struct Out {
    letter: char,
    #[serde(with = "numbers")]
    words: Vec<u32>,
    #[serde(with = "numbers")]
    scores: Vec<u32>,
}

/// What `Out` wrote, read from the cache's buffer in place.
#[derive(Deserialize)]
struct In<'a> {
    letter: char,
    #[serde(borrow, with = "serde_bytes")]
    words: Cow<'a, [u8]>,
    #[serde(borrow, with = "serde_bytes")]
    scores: Cow<'a, [u8]>,
}

pub fn serialize<S: Serializer>(lists: &Lists, serializer: S) -> Result<S::Ok, S::Error> {
    let mut out = Vec::with_capacity(lists.len());
    for (&letter, list) in lists {
        let (words, scores) = list.iter().copied().unzip();
        out.push(Out { letter, words, scores });
    }
    serializer.collect_seq(out)
}

pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Lists, D::Error> {
    deserializer.deserialize_seq(Letters)
}

struct Letters;

impl<'de> Visitor<'de> for Letters {
    type Value = Lists;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("each letter's words and scores")
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Lists, A::Error> {
        let mut lists = Lists::default();
        while let Some(In { letter, words, scores }) = seq.next_element()? {
            let words = words.chunks_exact(4);
            let scores = scores.chunks_exact(4);
            let whole = words.remainder().is_empty() && scores.remainder().is_empty();
            if !whole || words.len() != scores.len() {
                return Err(de::Error::custom("a letter's words and scores do not pair up"));
            }
            let number = |chunk: &[u8]| bytemuck::pod_read_unaligned::<u32>(chunk).little_endian();
            let list = words.zip(scores).map(|(w, s)| (number(w), number(s))).collect();
            lists.insert(letter, list);
        }
        Ok(lists)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_lists_come_back_and_refuse_words_without_scores() {
        #[derive(Debug, PartialEq, Serialize, Deserialize)]
        struct Letters(#[serde(with = "super")] FxHashMap<char, Vec<(u32, u32)>>);
        let letters = Letters(FxHashMap::from_iter([('a', vec![(0, 900), (7, 1_000)]), ('ü', vec![])]));
        let bytes = postcard::to_allocvec(&letters).expect("encodes");
        assert_eq!(postcard::from_bytes::<Letters>(&bytes).expect("decodes"), letters);
        // One letter, 'a', with two words and one score.
        #[derive(Serialize)]
        struct Raw(char, #[serde(with = "numbers")] Vec<u32>, #[serde(with = "numbers")] Vec<u32>);
        let unpaired = postcard::to_allocvec(&[Raw('a', vec![0, 7], vec![900])]).expect("encodes");
        assert!(postcard::from_bytes::<Letters>(&unpaired).is_err());
    }
}
