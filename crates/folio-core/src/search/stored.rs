//! How the index's arrays are stored in the cache: numbers as their
//! little-endian bytes, and many short lists as one array of bytes with
//! their lengths. postcard would write each number as a varint and each
//! list with its own length, and read them back one at a time; a start
//! from the cache (`--filter`, the reader) decodes the whole index, and
//! read this way it is mostly copies. BENCHMARKS.md, "`--filter` from the
//! cache, decoded in bulk", has the figures.
//!
//! Every reader here refuses bytes that do not add up (a length that is
//! not whole numbers, lists longer than their bytes) with an error, never
//! a panic; the cache's checksums make that a file of another layout.

use std::borrow::Cow;
use std::marker::PhantomData;

use bytemuck::Pod;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// A number that can be stored as its bytes.
pub trait Fixed: Pod {
    /// The number with its bytes in little-endian order: swapped on a
    /// big-endian machine, as it is; the swap undoes itself, so this both
    /// writes and reads.
    fn little_endian(self) -> Self;
}

macro_rules! fixed {
    ($($t:ty),*) => {$(
        impl Fixed for $t {
            fn little_endian(self) -> Self {
                self.to_le()
            }
        }
    )*};
}

fixed!(u16, u32, u64);

/// The numbers stored in `bytes`, or `None` when they are not whole
/// numbers.
fn numbers_from<T: Fixed>(bytes: &[u8]) -> Option<Vec<T>> {
    let size = size_of::<T>();
    if !bytes.len().is_multiple_of(size) {
        return None;
    }
    // One pass that writes each number once (no zeroed buffer first); the
    // chunks need not be aligned for `T`.
    Some(
        bytes
            .chunks_exact(size)
            .map(|chunk| bytemuck::pod_read_unaligned::<T>(chunk).little_endian())
            .collect(),
    )
}

/// `Vec<T>` of numbers as one run of little-endian bytes
/// (`#[serde(with = "stored::numbers")]`).
pub mod numbers {
    use super::*;

    pub fn serialize<T: Fixed, S: Serializer>(values: &[T], serializer: S) -> Result<S::Ok, S::Error> {
        if cfg!(target_endian = "little") {
            return serializer.serialize_bytes(bytemuck::cast_slice(values));
        }
        let swapped: Vec<T> = values.iter().map(|v| v.little_endian()).collect();
        serializer.serialize_bytes(bytemuck::cast_slice(&swapped))
    }

    pub fn deserialize<'de, T: Fixed, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<T>, D::Error> {
        deserializer.deserialize_bytes(Numbers(PhantomData))
    }

    struct Numbers<T>(PhantomData<T>);

    impl<T: Fixed> Visitor<'_> for Numbers<T> {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("numbers as little-endian bytes")
        }

        // Borrowed and owned bytes come here too (serde's defaults): read
        // straight from the cache's buffer, never copied first.
        fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Vec<T>, E> {
            numbers_from(bytes).ok_or_else(|| E::custom("a table's bytes are not whole numbers"))
        }
    }
}

/// Many short byte lists (`Vec<Vec<u8>>`) as their lengths and one array
/// of their bytes (`#[serde(with = "stored::byte_lists")]`).
pub mod byte_lists {
    use super::*;

    pub fn serialize<S: Serializer>(lists: &[Vec<u8>], serializer: S) -> Result<S::Ok, S::Error> {
        let lengths = lengths_of(lists.iter().map(Vec::len)).map_err(serde::ser::Error::custom)?;
        Flat { lengths, bytes: Cow::Owned(lists.concat()) }.serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Vec<u8>>, D::Error> {
        let Flat { lengths, bytes } = Flat::deserialize(deserializer)?;
        let mut rest = &bytes[..];
        let mut lists = Vec::with_capacity(lengths.len());
        for length in lengths {
            let (list, after) = rest.split_at_checked(length as usize).ok_or_else(too_short::<D::Error>)?;
            lists.push(list.to_vec());
            rest = after;
        }
        if rest.is_empty() { Ok(lists) } else { Err(too_long()) }
    }
}

/// Many short strings (`Vec<Box<str>>`) as their lengths and one string
/// of them all (`#[serde(with = "stored::strs")]`): one UTF-8 check for
/// all of them, not one each.
pub mod strs {
    use super::*;

    pub fn serialize<S: Serializer>(strs: &[Box<str>], serializer: S) -> Result<S::Ok, S::Error> {
        let lengths = lengths_of(strs.iter().map(|s| s.len())).map_err(serde::ser::Error::custom)?;
        let text: String = strs.iter().map(|s| &**s).collect();
        Flat { lengths, bytes: Cow::Owned(text.into_bytes()) }.serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Box<str>>, D::Error> {
        let Flat { lengths, bytes } = Flat::deserialize(deserializer)?;
        let text = std::str::from_utf8(&bytes).map_err(de::Error::custom)?;
        let mut rest = text;
        let mut strs = Vec::with_capacity(lengths.len());
        for length in lengths {
            // Cut inside a character, or past the end: not what was stored.
            let (one, after) = rest.split_at_checked(length as usize).ok_or_else(too_short::<D::Error>)?;
            strs.push(Box::from(one));
            rest = after;
        }
        if rest.is_empty() { Ok(strs) } else { Err(too_long()) }
    }
}

/// The words holding each letter, with the letter's score in each
/// (`FxHashMap<char, Vec<(u32, i64)>>`): per letter, the word ids and the
/// scores as two arrays of numbers. A score is a match quality, which is
/// a `u32`, so it is stored as one.
pub mod letter_lists {
    use super::*;
    use rustc_hash::FxHashMap;

    type Lists = FxHashMap<char, Vec<(u32, i64)>>;

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
            let scores: Result<Vec<u32>, _> = list.iter().map(|&(_, score)| u32::try_from(score)).collect();
            let scores =
                scores.map_err(|_| serde::ser::Error::custom("a letter's score is not a quality"))?;
            out.push(Out { letter, words: list.iter().map(|&(word, _)| word).collect(), scores });
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
                let list = words.zip(scores).map(|(w, s)| (number(w), i64::from(number(s)))).collect();
                lists.insert(letter, list);
            }
            Ok(lists)
        }
    }
}

/// Lists laid end to end: each one's length, then all their bytes.
#[derive(Serialize, Deserialize)]
struct Flat<'a> {
    #[serde(with = "numbers")]
    lengths: Vec<u32>,
    #[serde(borrow, with = "serde_bytes")]
    bytes: Cow<'a, [u8]>,
}

fn lengths_of(lengths: impl Iterator<Item = usize>) -> Result<Vec<u32>, &'static str> {
    lengths.map(|len| u32::try_from(len).map_err(|_| "a list too long to store")).collect()
}

fn too_short<E: de::Error>() -> E {
    E::custom("lists longer than their bytes")
}

fn too_long<E: de::Error>() -> E {
    E::custom("bytes left over after the lists")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustc_hash::FxHashMap;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Stored {
        #[serde(with = "numbers")]
        wide: Vec<u64>,
        #[serde(with = "byte_lists")]
        lists: Vec<Vec<u8>>,
        #[serde(with = "strs")]
        words: Vec<Box<str>>,
    }

    fn stored() -> Stored {
        Stored {
            wide: vec![0, 1, u64::MAX, 1 << 40],
            lists: vec![vec![1, 2, 3], vec![], vec![255]],
            words: vec!["uranium".into(), "".into(), "Zürich".into(), "é".into()],
        }
    }

    #[test]
    fn arrays_come_back_as_stored() {
        let bytes = postcard::to_allocvec(&stored()).expect("encodes");
        assert_eq!(postcard::from_bytes::<Stored>(&bytes).expect("decodes"), stored());
        let empty = Stored { wide: vec![], lists: vec![], words: vec![] };
        let bytes = postcard::to_allocvec(&empty).expect("encodes");
        assert_eq!(postcard::from_bytes::<Stored>(&bytes).expect("decodes"), empty);
    }

    #[test]
    fn numbers_are_little_endian_bytes() {
        #[derive(Serialize)]
        struct Two(#[serde(with = "numbers")] Vec<u32>);
        let bytes = postcard::to_allocvec(&Two(vec![1, 0x0102_0304])).expect("encodes");
        assert_eq!(bytes, [8, 1, 0, 0, 0, 4, 3, 2, 1]);
    }

    /// Lengths that do not add up to the bytes, or cut a character in
    /// two, are errors, whatever the checksum let through.
    #[test]
    fn lists_that_do_not_add_up_are_refused() {
        #[derive(Serialize)]
        struct Raw(#[serde(with = "numbers")] Vec<u32>, #[serde(with = "serde_bytes")] Vec<u8>);
        #[derive(Deserialize)]
        struct Lists(#[serde(with = "byte_lists")] Vec<Vec<u8>>);
        #[derive(Deserialize)]
        struct Words(#[serde(with = "strs")] Vec<Box<str>>);
        let raw = |lengths: Vec<u32>, bytes: &[u8]| {
            postcard::to_allocvec(&Raw(lengths, bytes.to_vec())).expect("encodes")
        };
        let lists = |bytes: Vec<u8>| postcard::from_bytes::<Lists>(&bytes).map(|lists| lists.0);
        let words = |bytes: Vec<u8>| postcard::from_bytes::<Words>(&bytes).map(|words| words.0);
        assert!(lists(raw(vec![2, 2], b"abc")).is_err(), "longer");
        assert!(lists(raw(vec![1, 1], b"abc")).is_err(), "shorter");
        assert!(lists(raw(vec![u32::MAX], b"abc")).is_err(), "far longer");
        assert_eq!(lists(raw(vec![2, 0, 1], b"abc")), Ok(vec![b"ab".to_vec(), vec![], b"c".to_vec()]));
        assert!(words(raw(vec![1, 1], "é".as_bytes())).is_err(), "inside a character");
        assert!(words(raw(vec![1], &[0xff])).is_err(), "not UTF-8");
        assert_eq!(words(raw(vec![2, 1], "éa".as_bytes())), Ok(vec!["é".into(), "a".into()]));
        // Five bytes are not whole u32s.
        #[derive(Deserialize)]
        struct Narrow(#[serde(with = "numbers")] Vec<u32>);
        let five = [&[5u8][..], &[1, 2, 3, 4, 5]].concat();
        assert!(postcard::from_bytes::<Narrow>(&five).map(|n| n.0).is_err());
    }

    #[test]
    fn letter_lists_come_back_and_refuse_words_without_scores() {
        #[derive(Debug, PartialEq, Serialize, Deserialize)]
        struct Letters(#[serde(with = "letter_lists")] FxHashMap<char, Vec<(u32, i64)>>);
        let letters = Letters(FxHashMap::from_iter([('a', vec![(0, 900), (7, 1_000)]), ('ü', vec![])]));
        let bytes = postcard::to_allocvec(&letters).expect("encodes");
        assert_eq!(postcard::from_bytes::<Letters>(&bytes).expect("decodes"), letters);
        // One letter, 'a', with two words and one score.
        #[derive(Serialize)]
        struct Raw(char, #[serde(with = "numbers")] Vec<u32>, #[serde(with = "numbers")] Vec<u32>);
        let unpaired = postcard::to_allocvec(&[Raw('a', vec![0, 7], vec![900])]).expect("encodes");
        assert!(postcard::from_bytes::<Letters>(&unpaired).is_err());
        let negative = Letters(FxHashMap::from_iter([('a', vec![(0, -1)])]));
        assert!(postcard::to_allocvec(&negative).is_err(), "a score is a quality, never below 0");
    }
}
