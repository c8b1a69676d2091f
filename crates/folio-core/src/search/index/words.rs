//! The index's vocabulary: its distinct words in one string with their
//! ends (`Words`), as the cache stores them, and the lookup from a word to
//! its id (`WordIds`) that every word of every article goes through.

use std::ops::Range;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::cache::bulk;

/// Part `w` of an array cut at `ends` (each part's end; the first starts
/// at 0).
pub(super) fn span(ends: &[u32], w: usize) -> Range<usize> {
    let from = if w == 0 { 0 } else { ends[w - 1] as usize };
    from..ends[w] as usize
}

/// Distinct words, in one buffer: tens of thousands of them are found in
/// every slice, and nearly all are known to the index already; the index
/// holds hundreds of thousands, which a start from the cache reads as
/// two copies rather than an allocation each.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(try_from = "StoredWords")]
pub(super) struct Words {
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
    pub(super) fn push(&mut self, word: &str) {
        self.text.push_str(word);
        self.ends.push(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
    }

    pub(super) fn get(&self, w: usize) -> &str {
        &self.text[span(&self.ends, w)]
    }

    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    pub(super) fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

/// Word ids by word. Nearly every word fits in sixteen bytes, most in
/// eight: those are keys of their own as a number, hashed and compared in
/// one step; the rest are looked up as text. Every word of every article
/// is looked up here.
#[derive(Debug, Clone, Default)]
pub(in crate::search) struct WordIds {
    short: FxHashMap<u64, u32>,
    medium: FxHashMap<u128, u32>,
    long: FxHashMap<Box<str>, u32>,
}

impl WordIds {
    pub(in crate::search) fn get(&self, word: &str) -> Option<u32> {
        match Key::of(word) {
            Key::Short(key) => self.short.get(&key).copied(),
            Key::Medium(key) => self.medium.get(&key).copied(),
            Key::Long => self.long.get(word).copied(),
        }
    }

    /// How many words it holds.
    pub(super) fn len(&self) -> usize {
        self.short.len() + self.medium.len() + self.long.len()
    }

    pub(in crate::search) fn insert(&mut self, word: &str, id: u32) {
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
