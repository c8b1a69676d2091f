//! Encodings for big arrays stored in a cache section: numbers as their
//! little-endian bytes, and many short lists as their lengths and one
//! array of all their bytes. postcard writes each number as a varint and
//! each list with its own length, and reads them back one at a time; a
//! start from the cache (`--filter`, the reader) decodes the whole index
//! and every file's stamp, and read this way they are mostly copies.
//! BENCHMARKS.md, "`--filter` from the cache, decoded in bulk", has the
//! figures.
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

fixed!(u16, u32, u64, i128);

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
/// (`#[serde(with = "cache::bulk::numbers")]`).
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

/// Many short byte lists (`Vec<Vec<u8>>`) laid end to end (see
/// [`Flat`]; `#[serde(with = "cache::bulk::byte_lists")]`).
pub mod byte_lists {
    use super::*;

    pub fn serialize<S: Serializer>(lists: &[Vec<u8>], serializer: S) -> Result<S::Ok, S::Error> {
        Flat::of(lists.iter().map(Vec::as_slice)).map_err(serde::ser::Error::custom)?.serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Vec<u8>>, D::Error> {
        Flat::deserialize(deserializer)?.map(|list| Ok(list.to_vec()))
    }
}

/// Byte lists laid end to end: each one's length, then all their bytes,
/// read in place from the cache's buffer.
#[derive(Serialize, Deserialize)]
pub struct Flat<'a> {
    #[serde(with = "numbers")]
    lengths: Vec<u32>,
    #[serde(borrow, with = "serde_bytes")]
    bytes: Cow<'a, [u8]>,
}

impl Flat<'_> {
    /// `lists`, to be stored; an error for a list too long to store.
    pub fn of<'b>(lists: impl Iterator<Item = &'b [u8]> + Clone) -> Result<Flat<'static>, &'static str> {
        let lengths: Result<Vec<u32>, _> = lists.clone().map(|list| u32::try_from(list.len())).collect();
        let lengths = lengths.map_err(|_| "a list too long to store")?;
        Ok(Flat { lengths, bytes: Cow::Owned(lists.flatten().copied().collect()) })
    }

    /// Each list made into a `T` by `one`, in order; an error unless the
    /// lengths cover the bytes exactly.
    pub fn map<T, E: de::Error>(&self, mut one: impl FnMut(&[u8]) -> Result<T, E>) -> Result<Vec<T>, E> {
        let mut made = Vec::with_capacity(self.lengths.len());
        let mut rest = &self.bytes[..];
        for &length in &self.lengths {
            let (list, after) = rest.split_at_checked(length as usize).ok_or_else(cut)?;
            made.push(one(list)?);
            rest = after;
        }
        if rest.is_empty() { Ok(made) } else { Err(left_over()) }
    }
}

fn cut<E: de::Error>() -> E {
    E::custom("lists longer than their bytes")
}

fn left_over<E: de::Error>() -> E {
    E::custom("bytes left over after the lists")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Stored {
        #[serde(with = "numbers")]
        wide: Vec<u64>,
        #[serde(with = "byte_lists")]
        lists: Vec<Vec<u8>>,
    }

    fn stored() -> Stored {
        Stored { wide: vec![0, 1, u64::MAX, 1 << 40], lists: vec![vec![1, 2, 3], vec![], vec![255]] }
    }

    #[test]
    fn arrays_come_back_as_stored() {
        let bytes = postcard::to_allocvec(&stored()).expect("encodes");
        assert_eq!(postcard::from_bytes::<Stored>(&bytes).expect("decodes"), stored());
        let empty = Stored { wide: vec![], lists: vec![] };
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

    /// Lengths that do not add up to the bytes are errors, whatever the
    /// checksum let through.
    #[test]
    fn lists_that_do_not_add_up_are_refused() {
        #[derive(Serialize)]
        struct Raw(#[serde(with = "numbers")] Vec<u32>, #[serde(with = "serde_bytes")] Vec<u8>);
        #[derive(Deserialize)]
        struct Lists(#[serde(with = "byte_lists")] Vec<Vec<u8>>);
        let raw = |lengths: Vec<u32>, bytes: &[u8]| {
            postcard::to_allocvec(&Raw(lengths, bytes.to_vec())).expect("encodes")
        };
        let lists = |bytes: Vec<u8>| postcard::from_bytes::<Lists>(&bytes).map(|lists| lists.0);
        assert!(lists(raw(vec![2, 2], b"abc")).is_err(), "longer");
        assert!(lists(raw(vec![1, 1], b"abc")).is_err(), "shorter");
        assert!(lists(raw(vec![u32::MAX], b"abc")).is_err(), "far longer");
        assert_eq!(lists(raw(vec![2, 0, 1], b"abc")), Ok(vec![b"ab".to_vec(), vec![], b"c".to_vec()]));
        // Five bytes are not whole u32s.
        #[derive(Deserialize)]
        struct Narrow(#[serde(with = "numbers")] Vec<u32>);
        let five = [&[5u8][..], &[1, 2, 3, 4, 5]].concat();
        assert!(postcard::from_bytes::<Narrow>(&five).map(|n| n.0).is_err());
    }
}
