//! Bytes to text. Tells a binary file from a text file with a stray control
//! byte in it, decodes UTF-8, UTF-16 with a byte-order mark and, for text
//! that is not UTF-8, Windows-1252 (Latin-1's superset: Western European
//! text as older Windows editors saved it); drops NULs.
//!
//! The rule for text that is not valid UTF-8: when it holds well-formed
//! multi-byte UTF-8 characters, at least as many as broken sequences, it is
//! UTF-8 with damage, decoded with replacement characters (which the
//! article then says); otherwise it is Windows-1252, in which every byte is
//! a character. "Caf\xe9" is then "Café", and a UTF-8 file cut in the
//! middle of a character keeps its "é"s.

use std::borrow::Cow;

/// How much of a file is looked at to call it binary.
const SNIFF_BYTES: usize = 8192;

/// Text holds almost no control bytes (tab, newline, carriage return, form
/// feed and escape aside); binary formats are full of them. A file is binary
/// when more than one byte in this many of its head is one: a single NUL in
/// an article does not make it binary, an executable or image always is.
const CONTROL_BYTE_RATIO: usize = 20;

/// File signatures that say "binary" whatever follows.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "zip archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
];

/// Decoded text, and whether bad bytes had to be replaced with U+FFFD.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub lossy: bool,
}

/// Decodes a file's bytes, or says why they are not text.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, String> {
    if let Some(decoded) = utf16(bytes) {
        return Ok(decoded);
    }
    if let Some((_, what)) = SIGNATURES.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Err(format!("binary file ({what})"));
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let controls = head.iter().filter(|&&b| is_binary_control(b)).count();
    if controls * CONTROL_BYTE_RATIO > head.len() {
        return Err("binary file".into());
    }
    let (text, lossy) = match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), false),
        Err(_) if mostly_utf8(bytes) => (String::from_utf8_lossy(bytes), true),
        Err(_) => (encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0, false),
    };
    // A NUL would end a C string downstream and means nothing in prose.
    let text = if text.contains('\0') { Cow::Owned(text.replace('\0', "")) } else { text };
    Ok(Decoded { text, lossy })
}

/// Whether bytes that are not valid UTF-8 hold well-formed multi-byte
/// characters, at least as many as broken sequences. Windows-1252 text almost never forms
/// one: a letter like "é" (0xE9) would have to be followed by exactly two
/// bytes from 0x80 to 0xBF, which are symbols and punctuation in it.
fn mostly_utf8(mut bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    loop {
        match std::str::from_utf8(bytes) {
            Ok(rest) => return utf8_wins(good + rest.chars().filter(|c| !c.is_ascii()).count(), bad),
            Err(err) => {
                let (valid, after) = bytes.split_at(err.valid_up_to());
                // Valid up to here: counted from the raw bytes, as the
                // slice is known to be UTF-8.
                good += valid.iter().filter(|&&b| b >= 0xc0).count();
                match err.error_len() {
                    Some(len) => bytes = &after[len..],
                    // Cut short at the end: a truncated file, no evidence.
                    None => return utf8_wins(good, bad),
                }
                bad += 1;
            }
        }
    }
}

fn utf8_wins(good: usize, bad: usize) -> bool {
    good > 0 && good >= bad
}

fn is_binary_control(byte: u8) -> bool {
    (byte < 0x20 && !matches!(byte, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)) || byte == 0x7f
}

/// Text saved as UTF-16 ("Unicode" in some editors) starts with a BOM.
fn utf16(bytes: &[u8]) -> Option<Decoded<'static>> {
    let little_endian = match bytes {
        [0xff, 0xfe, ..] => true,
        [0xfe, 0xff, ..] => false,
        _ => return None,
    };
    let units = bytes[2..].chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little_endian { u16::from_le_bytes(pair) } else { u16::from_be_bytes(pair) }
    });
    let mut lossy = !bytes.len().is_multiple_of(2);
    let text: String = char::decode_utf16(units)
        .map(|c| {
            c.unwrap_or_else(|_| {
                lossy = true;
                char::REPLACEMENT_CHARACTER
            })
        })
        .filter(|&c| c != '\0')
        .collect();
    Some(Decoded { text: Cow::Owned(text), lossy })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_files_are_refused_by_signature_or_control_bytes() {
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0").unwrap_err(), "binary file (PNG image)");
        assert_eq!(decode(b"\x7fELF\x02\x01\x01\0\0\0").unwrap_err(), "binary file (executable)");
        assert_eq!(decode(b"ab\x01\x02\x03\0cd").unwrap_err(), "binary file");
    }

    #[test]
    fn a_stray_nul_in_text_is_removed_not_fatal() {
        let text = format!("{}\0{}", "A line of prose. ".repeat(3), "More prose.");
        let decoded = decode(text.as_bytes()).expect("text");
        assert!(!decoded.text.contains('\0'));
        assert!(decoded.text.contains("prose. More prose."));
        assert!(!decoded.lossy);
    }

    #[test]
    fn windows_1252_text_is_read_as_such() {
        let decoded = decode(b"Caf\xe9 au lait \x96 \x93na\xefve\x94, 5 \x80, \xa9 Se\xf1or").expect("text");
        assert_eq!(decoded.text, "Café au lait – “naïve”, 5 €, © Señor");
        assert!(!decoded.lossy, "every byte is a character in Windows-1252");
    }

    #[test]
    fn damaged_utf8_is_replaced_and_flagged() {
        // "Café déjà vu" in UTF-8, a byte lost from the last "à", and cut
        // in the middle of a character at the end.
        let decoded = decode(b"Caf\xc3\xa9 d\xc3\xa9j\xc3 vu \xe2\x82").expect("text");
        assert_eq!(decoded.text, "Café déj\u{fffd} vu \u{fffd}");
        assert!(decoded.lossy);
    }

    #[test]
    fn utf16_with_a_bom_is_decoded() {
        let mut bytes = vec![0xff, 0xfe];
        bytes.extend("Hé!".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&bytes).expect("text").text, "Hé!");
        let mut big = vec![0xfe, 0xff];
        big.extend("Hé!".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&big).expect("text").text, "Hé!");
    }
}
