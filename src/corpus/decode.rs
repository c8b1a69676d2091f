//! Bytes to text. Tells a binary file from a text file with a stray control
//! byte in it, decodes UTF-8 (lossily when it is not valid, which the
//! article then says) and UTF-16 with a byte-order mark, and drops NULs.

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
        Err(_) => (String::from_utf8_lossy(bytes), true),
    };
    // A NUL would end a C string downstream and means nothing in prose.
    let text = if text.contains('\0') { Cow::Owned(text.replace('\0', "")) } else { text };
    Ok(Decoded { text, lossy })
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
    fn invalid_utf8_is_replaced_and_flagged() {
        let decoded = decode(b"Caf\xe9 au lait").expect("text");
        assert_eq!(decoded.text, "Caf\u{fffd} au lait");
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
