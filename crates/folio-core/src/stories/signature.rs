//! What grouping needs of an article's text, taken once as the article is
//! parsed and kept in the cache with it: the hash and length of each clean
//! paragraph (a site's furniture and reprints are paragraphs several
//! articles hold) and a sketch of its runs of words (near-duplicates share
//! most of them). Grouping 100,000 articles spent 3 s of 4.9 s unpacking
//! every text to take these (BENCHMARKS.md, "Issue 18"). Knows nothing of
//! articles: it is handed the paragraphs' text.

use serde::{Deserialize, Serialize};

/// Words a shingle is long.
const SHINGLE: usize = 4;

/// Buckets of the sketch (one-permutation min-hashing): the error of its
/// estimate of how alike two texts are is about `0.5 / sqrt(BUCKETS)`.
const BUCKETS: usize = 32;

/// An empty bucket: no shingle fell in it.
const EMPTY: u16 = u16::MAX;

/// An article's paragraphs as hashes and its shingles as a sketch.
///
/// Every article of a load keeps one, so it is stored tightly: the
/// paragraphs as three `u32`s each in a slice of their exact length (a
/// `Vec<(u64, u32)>` grown by pushing took 16 bytes a paragraph, padding
/// included, and up to twice the room it used), the sketch in place
/// rather than behind a pointer of its own. The cache stores the same
/// values as before (`Stored`). BENCHMARKS.md, "Memory at 100,000
/// articles, ninth session", has the figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "Stored", try_from = "Stored")]
pub struct Signature {
    /// Each clean paragraph with words: its hash (low half, high half)
    /// and how many words.
    paragraphs: Box<[[u32; 3]]>,
    /// The least hash of the shingles in each bucket, or [`EMPTY`].
    sketch: [u16; BUCKETS],
}

/// A signature as the cache stores it.
#[derive(Serialize, Deserialize)]
struct Stored {
    paragraphs: Vec<(u64, u32)>,
    sketch: Vec<u16>,
}

impl Default for Signature {
    /// No paragraphs and no shingles: alike to nothing.
    fn default() -> Self {
        Signature { paragraphs: Box::default(), sketch: [EMPTY; BUCKETS] }
    }
}

impl From<Signature> for Stored {
    fn from(signature: Signature) -> Stored {
        Stored { paragraphs: signature.paragraphs().collect(), sketch: signature.sketch.to_vec() }
    }
}

impl TryFrom<Stored> for Signature {
    type Error = &'static str;

    fn try_from(stored: Stored) -> Result<Signature, Self::Error> {
        let sketch: [u16; BUCKETS] = stored.sketch.try_into().map_err(|_| "a sketch of another size")?;
        Ok(Signature::compact(&stored.paragraphs, &sketch))
    }
}

impl Signature {
    /// The signature of an article whose clean paragraphs (title included,
    /// furniture left out) are `paragraphs`.
    pub fn of<'a>(paragraphs: impl IntoIterator<Item = &'a str>) -> Signature {
        let mut hashed = Vec::new();
        let mut sketch = vec![EMPTY; BUCKETS];
        let mut window = [0u64; SHINGLE];
        let mut seen = 0usize;
        for text in paragraphs {
            let words = text.split_ascii_whitespace().count() as u32;
            if words == 0 {
                continue;
            }
            hashed.push((hash_paragraph(text), words));
            for word in word_hashes(text) {
                window[seen % SHINGLE] = word;
                seen += 1;
                if seen >= SHINGLE {
                    let shingle = mix(rotated(&window, seen));
                    let bucket = (shingle >> 59) as usize;
                    let value = (shingle >> 16) as u16 & (EMPTY - 1);
                    sketch[bucket] = sketch[bucket].min(value);
                }
            }
        }
        Signature::compact(&hashed, &sketch)
    }

    /// A signature of these paragraphs' hashes and word counts and this
    /// sketch, stored tightly.
    fn compact(paragraphs: &[(u64, u32)], sketch: &[u16]) -> Signature {
        let mut compact = Signature::default();
        compact.sketch.iter_mut().zip(sketch).for_each(|(to, &from)| *to = from);
        compact.paragraphs =
            paragraphs.iter().map(|&(hash, words)| [hash as u32, (hash >> 32) as u32, words]).collect();
        compact
    }

    /// Each clean paragraph with words: its hash and how many words.
    pub fn paragraphs(&self) -> impl ExactSizeIterator<Item = (u64, u32)> + '_ {
        self.paragraphs.iter().map(|&[low, high, words]| (u64::from(high) << 32 | u64::from(low), words))
    }

    /// The words of its clean text.
    pub fn words(&self) -> u32 {
        self.paragraphs.iter().map(|&[_, _, words]| words).sum()
    }

    /// An estimate of the share of shingles two texts have in common
    /// (Jaccard): equal buckets among those either filled.
    pub fn likeness(&self, other: &Signature) -> f32 {
        let (mut filled, mut equal) = (0u32, 0u32);
        for (&a, &b) in self.sketch.iter().zip(&other.sketch) {
            if a != EMPTY || b != EMPTY {
                filled += 1;
                equal += u32::from(a == b);
            }
        }
        if filled == 0 { 0.0 } else { equal as f32 / filled as f32 }
    }
}

/// The window's words, each rotated by its place in the shingle (oldest
/// first), folded into one number.
fn rotated(window: &[u64; SHINGLE], seen: usize) -> u64 {
    (0..SHINGLE).fold(0, |h, k| h ^ window[(seen + k) % SHINGLE].rotate_left(13 * k as u32 + 7))
}

/// A paragraph's hash: its bytes, trimmed (sanitising made its white
/// space single spaces already).
pub fn hash_paragraph(text: &str) -> u64 {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(text.trim().as_bytes());
    hasher.finish()
}

/// The hashes of a text's words, case folded: runs of letters and digits
/// (any byte outside ASCII counts as a letter, so no text is split inside
/// a character).
fn word_hashes(text: &str) -> impl Iterator<Item = u64> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() && !is_word_byte(bytes[at]) {
            at += 1;
        }
        if at == bytes.len() {
            return None;
        }
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        while at < bytes.len() && is_word_byte(bytes[at]) {
            hash = (hash ^ u64::from(bytes[at].to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3);
            at += 1;
        }
        Some(hash)
    })
}

fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte >= 0x80
}

/// A final mix (splitmix64's), so that every bit of the result depends on
/// every bit of the input.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &[&str] = &[
        "The Harwick bridge closed on Tuesday after inspectors found cracks in two of its piers.",
        "Engineers said repairs would take at least six weeks and cost about 4 million pounds.",
        "Commuters were told to use the ferry, which will run every twenty minutes from Wednesday.",
        "The council said the bridge, built in 1962, had passed its last inspection in March.",
    ];

    #[test]
    fn a_reprint_with_a_line_added_is_nearly_the_same_text() {
        let original = Signature::of(WIRE.iter().copied());
        let reprint =
            Signature::of(std::iter::once("By the Northern Wire Service").chain(WIRE.iter().copied()));
        assert!(original.likeness(&reprint) >= 0.7, "{}", original.likeness(&reprint));
        let shared = reprint.paragraphs().filter(|p| original.paragraphs().any(|o| o == *p)).count();
        assert_eq!(shared, WIRE.len(), "every paragraph of the wire text is found again");
    }

    #[test]
    fn another_take_on_the_same_event_is_not_a_near_duplicate() {
        let other = Signature::of([
            "Cracks in two piers have shut the Harwick bridge, the council announced on Tuesday.",
            "Repairs are expected to last six weeks; a ferry service will replace the crossing.",
            "The 1962 bridge carries about 30,000 vehicles a day, according to the council.",
        ]);
        let original = Signature::of(WIRE.iter().copied());
        assert!(original.likeness(&other) < 0.2, "{}", original.likeness(&other));
    }

    #[test]
    fn case_and_punctuation_do_not_change_the_words_but_their_order_does() {
        let a = Signature::of(["Troops will stay in Niger until the end of the year, officials said."]);
        let b = Signature::of(["troops WILL stay in niger until the end of the year officials said"]);
        assert_eq!(a.likeness(&b), 1.0);
        let shuffled = Signature::of(["the year officials said troops will stay until the end of niger in"]);
        assert!(a.likeness(&shuffled) < 0.5, "{}", a.likeness(&shuffled));
        assert_eq!(a.words(), 13);
    }

    #[test]
    fn the_cache_keeps_the_paragraphs_and_sketch_as_it_did_before_they_were_packed() {
        let signature = Signature::of(WIRE.iter().copied());
        let bytes = postcard::to_allocvec(&signature).expect("encodes");
        let (paragraphs, sketch): (Vec<(u64, u32)>, Vec<u16>) =
            postcard::from_bytes(&bytes).expect("old layout");
        let hashes: Vec<(u64, u32)> =
            WIRE.iter().map(|p| (hash_paragraph(p), p.split_ascii_whitespace().count() as u32)).collect();
        assert_eq!(paragraphs, hashes);
        assert_eq!(sketch, signature.sketch);
        assert!(paragraphs.iter().any(|&(hash, _)| hash >> 32 != 0), "both halves of a hash are kept");
        assert_eq!(postcard::from_bytes::<Signature>(&bytes).expect("decodes"), signature);
        let short = postcard::to_allocvec(&(paragraphs, vec![EMPTY; BUCKETS - 1])).expect("encodes");
        assert!(postcard::from_bytes::<Signature>(&short).is_err(), "a sketch of another size is refused");
    }

    #[test]
    fn empty_paragraphs_are_left_out() {
        let signature = Signature::of(["", "   ", "One line."]);
        assert_eq!(signature.paragraphs().len(), 1);
        assert_eq!(Signature::of([""]).likeness(&Signature::of([""])), 0.0);
    }
}
