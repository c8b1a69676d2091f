//! An article's paragraphs kept compactly: encoded with postcard and
//! compressed with LZ4, so a corpus holds well under its text's size in
//! memory. Unpacking takes microseconds, and happens only when the reader,
//! a snippet, a copy or a phrase search needs the words themselves.

use std::fmt;

use bytes::Bytes;
use serde::{Deserialize, Serialize};

use super::Paragraph;

/// Paragraphs, packed. The bytes may be a slice of a bigger buffer that
/// many articles share: all the bodies read from the cache in one go.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Packed(Bytes);

impl Packed {
    pub fn pack(paragraphs: &[Paragraph]) -> Packed {
        // Encoding plain owned data into a Vec cannot fail; an empty result
        // would only lose the text, never crash.
        let encoded = postcard::to_allocvec(paragraphs).unwrap_or_default();
        // LZ4 writes into room for its worst case, and `Bytes` would keep
        // all of it (and a header of its own) for as long as the article
        // lives: a quarter more memory than the packed text at 100,000
        // articles. Trimmed to the bytes written, nothing is kept spare.
        let packed = lz4_flex::compress_prepend_size(&encoded).into_boxed_slice();
        Packed(Bytes::from(packed))
    }

    /// Every packed text of a sequence encoded (with postcard) in `all`,
    /// each a slice of it: no text is copied. `None` if `all` is not such
    /// a sequence.
    pub fn all_in(all: Bytes) -> Option<Vec<Packed>> {
        let parts: Vec<&[u8]> = postcard::from_bytes(&all).ok()?;
        Some(parts.into_iter().map(|part| Packed(all.slice_ref(part))).collect())
    }

    /// The paragraphs back. Only bytes `pack` wrote are ever unpacked (the
    /// cache checks its sections before handing them over), so a failure
    /// here is a bug; it shows as an empty text rather than a crash.
    pub fn unpack(&self) -> Vec<Paragraph> {
        lz4_flex::decompress_size_prepended(&self.0)
            .ok()
            .and_then(|encoded| postcard::from_bytes(&encoded).ok())
            .unwrap_or_default()
    }

    /// Bytes held.
    pub fn size(&self) -> usize {
        self.0.len()
    }
}

impl fmt::Debug for Packed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Packed({} bytes)", self.0.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Furniture, Inline, Kind, Span};

    #[test]
    fn paragraphs_come_back_as_they_went_in_and_smaller() {
        let mut quote = Paragraph::plain("A quoted line with *style*.");
        quote.kind = Kind::ListItem { depth: 1, marker: "3.".into() };
        quote.spans = vec![Span { range: 18..25, style: Inline { emphasis: true, ..Inline::default() } }];
        quote.furniture = Some(Furniture::Share);
        let long = Paragraph::plain("The junta said the uranium deal would stand. ".repeat(40));
        let paragraphs = vec![Paragraph::plain("Héadline — 日本語"), quote, long];
        let packed = Packed::pack(&paragraphs);
        assert_eq!(packed.unpack(), paragraphs);
        let text: usize = paragraphs.iter().map(|p| p.text.len()).sum();
        assert!(packed.size() < text / 2, "{} bytes for {text} of text", packed.size());
    }

    #[test]
    fn damaged_bytes_unpack_to_nothing_rather_than_crash() {
        let packed = Packed::pack(&[Paragraph::plain("Some text here.")]);
        let mut bytes = packed.0.to_vec();
        bytes.truncate(bytes.len() / 2);
        assert!(Packed(Bytes::from(bytes)).unpack().is_empty());
        assert!(Packed(Bytes::from_static(&[0xff; 9])).unpack().is_empty());
    }

    #[test]
    fn a_sequence_of_packed_texts_is_read_back_sharing_one_buffer() {
        let texts: Vec<Packed> =
            ["One.", "Two, longer.", ""].iter().map(|t| Packed::pack(&[Paragraph::plain(*t)])).collect();
        let all = Bytes::from(postcard::to_allocvec(&texts).expect("encodes"));
        let back = Packed::all_in(all.clone()).expect("decodes");
        assert_eq!(back, texts);
        assert!(back.iter().all(|p| all.as_ptr_range().contains(&p.0.as_ptr())), "slices, not copies");
        assert_eq!(Packed::all_in(Bytes::from_static(&[5, 1])), None, "cut short");
    }
}
