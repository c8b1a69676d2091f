//! What grouping needs of an article's text, taken once as the article is
//! parsed and kept in the cache with it: the hash and length of each clean
//! paragraph (a site's furniture and reprints are paragraphs several
//! articles hold) and a sketch of its runs of words (near-duplicates share
//! most of them). Grouping 100,000 articles spent 3 s of 4.9 s unpacking
//! every text to take these (BENCHMARKS.md, "Issue 18"). Knows nothing of
//! articles: it is handed the paragraphs' text.

use serde::{Deserialize, Serialize};

use crate::lanes;

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
    ///
    /// Taken for every article of a cold load, so each paragraph is read
    /// once, 64 bytes at a time: its words found, counted and hashed in
    /// the same pass, the shingle moved on a word at a time rather than
    /// folded again (BENCHMARKS.md, "Paragraph signatures, faster").
    pub fn of<'a>(paragraphs: impl IntoIterator<Item = &'a str>) -> Signature {
        let mut hashed = Vec::new();
        let mut shingles = Shingles::default();
        let mut lower = Vec::new();
        for text in paragraphs {
            let words =
                scan(text.as_bytes(), &mut lower, |text, from, to| shingles.push(word_hash(text, from, to)));
            if words > 0 {
                hashed.push((hash_paragraph(text), words));
            }
        }
        Signature::compact(&hashed, &shingles.sketch)
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

/// The last [`SHINGLE`] words, across paragraphs, and the sketch of the
/// shingles seen so far.
struct Shingles {
    window: [u64; SHINGLE],
    seen: usize,
    /// The window's words, each rotated by its place in the shingle (the
    /// oldest by 7 bits, each newer one 13 more), folded by XOR.
    folded: u64,
    sketch: [u16; BUCKETS],
}

impl Default for Shingles {
    fn default() -> Self {
        Shingles { window: [0; SHINGLE], seen: 0, folded: 0, sketch: [EMPTY; BUCKETS] }
    }
}

impl Shingles {
    /// Moves the window on by `word` and puts the shingle it then holds in
    /// the sketch.
    #[inline]
    fn push(&mut self, word: u64) {
        let slot = self.seen % SHINGLE;
        let oldest = std::mem::replace(&mut self.window[slot], word);
        self.seen += 1;
        // Out goes the oldest word (at 7 bits), the rest turn back one
        // place, the newest comes in at the last place: the same number as
        // folding the window afresh.
        let newest = 13 * (SHINGLE as u32 - 1) + 7;
        self.folded = (self.folded ^ oldest.rotate_left(7)).rotate_right(13) ^ word.rotate_left(newest);
        if self.seen >= SHINGLE {
            let shingle = mix(self.folded);
            let bucket = (shingle >> 59) as usize;
            let value = (shingle >> 16) as u16 & (EMPTY - 1);
            self.sketch[bucket] = self.sketch[bucket].min(value);
        }
    }
}

/// A paragraph's hash: its bytes, trimmed (sanitising made its white
/// space single spaces already).
pub fn hash_paragraph(text: &str) -> u64 {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(text.trim().as_bytes());
    hasher.finish()
}

/// Hands `word` each of a paragraph's words in order, as the paragraph in
/// lower case and where the word starts and ends: runs of letters and
/// digits (any byte outside ASCII counts as a letter, so no text is split
/// inside a character). Returns how many words `split_ascii_whitespace`
/// finds in it, the count paragraphs are weighed by. `lower` is room for
/// the paragraph in lower case.
fn scan(bytes: &[u8], lower: &mut Vec<u8>, mut word: impl FnMut(&[u8], usize, usize)) -> u32 {
    lower.clear();
    let (full, tail) = bytes.as_chunks::<64>();
    let mut padded = [0; 64];
    padded[..tail.len()].copy_from_slice(tail);
    let last = (!tail.is_empty()).then_some((&padded, (1u64 << tail.len()) - 1));
    let blocks = full.iter().map(|block| (block, !0u64)).chain(last);
    let mut count = 0;
    // Whether the byte before the block was in a word, or not white space.
    let (mut in_word, mut in_token) = (0u64, 0u64);
    let mut start = None;
    for ((block, real), base) in blocks.zip((0..).step_by(64)) {
        let (words, tokens) = block_bits(block, lower);
        let (words, tokens) = (words & real, tokens & real);
        count += (tokens & !(tokens << 1 | in_token)).count_ones();
        // Each bit where a word starts or has just ended.
        let mut edges = words ^ (words << 1 | in_word);
        while edges != 0 {
            let at = base + edges.trailing_zeros() as usize;
            match start.take() {
                None => start = Some(at),
                Some(from) => word(lower, from, at),
            }
            edges &= edges - 1;
        }
        (in_word, in_token) = (words >> 63, tokens >> 63);
    }
    if let Some(from) = start {
        word(lower, from, bytes.len());
    }
    count
}

/// A bit for each of 64 bytes: whether it is in a word (see [`scan`]),
/// and whether it is not ASCII white space; the bytes in lower case go
/// onto `lower`.
#[inline]
fn block_bits(block: &[u8; 64], lower: &mut Vec<u8>) -> (u64, u64) {
    let (mut words, mut tokens) = (0, 0);
    for (chunk, shift) in block.as_chunks::<8>().0.iter().zip((0..).step_by(8)) {
        let lanes = u64::from_le_bytes(*chunk);
        // The lane tests hold for ASCII: they are made on the low seven
        // bits, and a lane outside ASCII is a letter and never a space.
        let wide = lanes & lanes::HIGH;
        let ascii = lanes & !lanes::HIGH;
        let alnum = lanes::alnum(ascii) & !wide;
        // 0x20 lowers the case of a letter and is in every digit already.
        lower.extend_from_slice(&(lanes | alnum >> 2).to_le_bytes());
        words |= gather(alnum | wide) << shift;
        tokens |= gather(!(lanes::ascii_space(ascii) & !wide) & lanes::HIGH) << shift;
    }
    (words, tokens)
}

/// The high bits of eight lanes as the low eight bits, lane 0 lowest: each
/// lane's bit lands in the top byte at its own place and nowhere else.
#[inline]
fn gather(high: u64) -> u64 {
    (high >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// The hash (FNV-1a) of the word `text[from..to]`. Eight bytes a step,
/// each byte's turn of the hash kept or not by the word's length, rather
/// than a loop whose end the processor guesses wrong for nearly every
/// word: 8% off `parse/signatures`.
#[inline]
fn word_hash(text: &[u8], from: usize, to: usize) -> u64 {
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut at = from;
    while let Some(eight) = text.get(at..).and_then(|rest| rest.first_chunk::<8>()) {
        let n = (to - at).min(8);
        let lanes = u64::from_le_bytes(*eight);
        for i in 0..8 {
            let next = (hash ^ ((lanes >> (8 * i)) & 0xff)).wrapping_mul(PRIME);
            hash = if i < n { next } else { hash };
        }
        at += 8;
        if at >= to {
            return hash;
        }
    }
    text[at..to].iter().fold(hash, |hash, &byte| (hash ^ u64::from(byte)).wrapping_mul(PRIME))
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

    /// The signature as first written, a byte at a time: words counted in
    /// one pass, hashed in another, the window folded afresh for each
    /// shingle. The one-pass [`Signature::of`] must give the same numbers,
    /// so that caches and grouping stay as they were.
    fn reference<'a>(paragraphs: impl IntoIterator<Item = &'a str>) -> Signature {
        let is_word_byte = |byte: u8| byte.is_ascii_alphanumeric() || byte >= 0x80;
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
            let words = text.as_bytes().split(|&b| !is_word_byte(b)).filter(|w| !w.is_empty());
            for word in words {
                let lower = word.iter().map(u8::to_ascii_lowercase);
                window[seen % SHINGLE] = lower
                    .fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
                seen += 1;
                if seen >= SHINGLE {
                    let folded = (0..SHINGLE)
                        .fold(0, |h, k| h ^ window[(seen + k) % SHINGLE].rotate_left(13 * k as u32 + 7));
                    let shingle = mix(folded);
                    let bucket = (shingle >> 59) as usize;
                    sketch[bucket] = sketch[bucket].min((shingle >> 16) as u16 & (EMPTY - 1));
                }
            }
        }
        Signature::compact(&hashed, &sketch)
    }

    #[test]
    fn the_one_pass_signature_is_the_reference_on_generated_articles() {
        for (name, text) in crate::synth::Generator::new(7).articles(200) {
            let paragraphs: Vec<&str> = text.split("\n\n").collect();
            let fast = Signature::of(paragraphs.iter().copied());
            assert_eq!(fast, reference(paragraphs.iter().copied()), "{name}");
            assert!(fast.sketch.iter().any(|&v| v != EMPTY), "{name}");
        }
    }

    #[test]
    fn words_across_a_block_of_64_bytes_are_hashed_whole() {
        let long = "x".repeat(63) + "Yz " + &"w".repeat(130) + " q\u{e9}" + &"\u{e9}".repeat(40);
        for text in [long.as_str(), &long[1..], &long[2..], "  leading and trailing  "] {
            assert_eq!(Signature::of([text, "one two three four"]), reference([text, "one two three four"]));
        }
    }

    proptest::proptest! {
        #[test]
        fn the_one_pass_signature_is_the_reference(
            paragraphs in proptest::collection::vec(
                "[a-zA-Z0-9 \t\n\r\x0b\x0c\x00\x7f@\\[`{.,\u{2019}\u{2014}\u{e9}\u{a0}\u{3000}\u{65e5}-]{0,150}",
                0..6,
            )
        ) {
            let fast = Signature::of(paragraphs.iter().map(String::as_str));
            proptest::prop_assert_eq!(fast, reference(paragraphs.iter().map(String::as_str)));
        }
    }
}
