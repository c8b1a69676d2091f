//! How folio writes a file's name anywhere a person or a script reads it:
//! the terminal, stderr, `--filter`'s lines, the clipboard. A name is
//! whatever bytes the file system allows, escape sequences and newlines
//! included, so it is never written raw: [`escape`] turns it into one line
//! of printable text that says exactly which bytes it was, and that
//! [`unescape`] turns back.
//!
//! Inside folio a name is a `String` (an article's `source`, a skipped
//! file's `path`). A name that is not UTF-8 keeps its stray bytes there as
//! characters of a private-use block, U+EF80 to U+EFFF for the bytes 0x80
//! to 0xFF (the mapping MirBSD's OPTU-8 uses), so that it can still be
//! opened ([`path_of`]) and printed exactly ([`escape`] writes `\xNN`).

use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Where a stray byte `b` (0x80 to 0xFF) of a name not in UTF-8 is kept:
/// at `RAW_BYTE_BASE + b`.
const RAW_BYTE_BASE: u32 = 0xEF00;

/// The name of `path` as folio keeps it: the path itself when it is UTF-8
/// (nearly always), else its valid parts with each stray byte kept as a
/// private-use character. Lossless: [`path_of`] gives the path back.
pub fn name_of(path: &Path) -> String {
    let bytes = path.as_os_str().as_encoded_bytes();
    match std::str::from_utf8(bytes) {
        Ok(text) if !text.chars().any(|c| as_raw_byte(c).is_some()) => text.to_owned(),
        _ => bytes.utf8_chunks().fold(String::with_capacity(bytes.len()), |mut out, chunk| {
            for c in chunk.valid().chars() {
                // A name that holds one of the private-use characters
                // itself keeps that character's bytes as stray bytes, so
                // that it cannot be mistaken for them.
                match as_raw_byte(c) {
                    Some(_) => out.extend(c.encode_utf8(&mut [0; 4]).bytes().filter_map(raw_byte_char)),
                    None => out.push(c),
                }
            }
            out.extend(chunk.invalid().iter().filter_map(|&b| raw_byte_char(b)));
            out
        }),
    }
}

/// The path a name from [`name_of`] was made from.
pub fn path_of(name: &str) -> PathBuf {
    if !name.chars().any(|c| as_raw_byte(c).is_some()) {
        return PathBuf::from(name);
    }
    let mut bytes = Vec::with_capacity(name.len());
    for c in name.chars() {
        match as_raw_byte(c) {
            Some(b) => bytes.push(b),
            None => bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
    }
    path_from_bytes(bytes)
}

#[cfg(unix)]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
}

/// The exact bytes of the path a name stands for, when they are not UTF-8
/// (for `--json`, which cannot hold them in a string).
pub fn raw_bytes(name: &str) -> Option<Vec<u8>> {
    let path = path_of(name);
    let bytes = path.as_os_str().as_encoded_bytes();
    std::str::from_utf8(bytes).is_err().then(|| bytes.to_vec())
}

fn raw_byte_char(b: u8) -> Option<char> {
    (b >= 0x80).then(|| char::from_u32(RAW_BYTE_BASE + u32::from(b))).flatten()
}

fn as_raw_byte(c: char) -> Option<u8> {
    u32::from(c).checked_sub(RAW_BYTE_BASE).and_then(|b| u8::try_from(b).ok()).filter(|&b| b >= 0x80)
}

/// `name` as one line of printable text, escaped as a C string literal
/// would be: `\\` for a backslash, `\t` `\n` `\r` for those, `\xNN` for
/// every other control byte (C0 and DEL), and for each byte of a name that
/// is not UTF-8; `\u{NN}` for a C1 control (U+0080 to U+009F), which some
/// terminals obey as ESC. Any other character is itself, so an ordinary
/// name prints as it is. Escape sequences, newlines and tabs never survive,
/// and [`unescape`] gives the name back.
pub fn escape(name: &str) -> Cow<'_, str> {
    if !name.chars().any(needs_escape) {
        return Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len() + 8);
    for c in name.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c.is_ascii_control() => {
                let _ = write!(out, "\\x{:02x}", u32::from(c));
            }
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => match as_raw_byte(c) {
                Some(b) => {
                    let _ = write!(out, "\\x{b:02x}");
                }
                None => out.push(c),
            },
        }
    }
    Cow::Owned(out)
}

fn needs_escape(c: char) -> bool {
    c == '\\' || c.is_control() || as_raw_byte(c).is_some()
}

/// The name of `path`, escaped (see [`escape`]): for an error message.
pub fn path(path: &Path) -> String {
    escape(&name_of(path)).into_owned()
}

/// The exact bytes an [`escape`]d name stood for; `None` if it is not one
/// (a stray backslash, a bad number).
pub fn unescape(shown: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(shown.len());
    let mut chars = shown.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
            continue;
        }
        match chars.next()? {
            '\\' => out.push(b'\\'),
            't' => out.push(b'\t'),
            'n' => out.push(b'\n'),
            'r' => out.push(b'\r'),
            'x' => {
                let hex: String = chars.by_ref().take(2).collect();
                out.push(u8::from_str_radix(&hex, 16).ok().filter(|_| hex.len() == 2)?);
            }
            'u' => {
                let rest = chars.as_str().strip_prefix('{')?;
                let (hex, after) = rest.split_once('}')?;
                let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
                out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                chars = after.chars();
            }
            _ => return None,
        }
    }
    Some(out)
}

/// A path from bytes, as `unescape` gives them: for tests and scripts.
pub fn path_from(bytes: Vec<u8>) -> PathBuf {
    path_from_bytes(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ordinary_name_is_shown_as_it_is() {
        for name in ["notes/a.txt", "Café — 日本語.md", "with space.html", "-dash.txt"] {
            assert!(matches!(escape(name), Cow::Borrowed(_)), "{name}");
        }
    }

    #[test]
    fn controls_escapes_and_separators_are_escaped_and_come_back() {
        let hostile = "\x1b]0;PWNED\x07\tname\n\r\\\u{9b}31m\x7f.txt";
        let shown = escape(hostile);
        assert_eq!(shown, "\\x1b]0;PWNED\\x07\\tname\\n\\r\\\\\\u{9b}31m\\x7f.txt");
        assert!(!shown.chars().any(char::is_control), "{shown:?}");
        assert_eq!(unescape(&shown).as_deref(), Some(hostile.as_bytes()));
    }

    #[cfg(unix)]
    #[test]
    fn a_name_that_is_not_utf8_is_kept_exactly() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let raw = Path::new(OsStr::from_bytes(b"dir/Caf\xe9 \xff\x1b.txt"));
        let name = name_of(raw);
        assert_eq!(path_of(&name), raw, "the name opens the same file");
        let shown = escape(&name);
        assert_eq!(shown, "dir/Caf\\xe9 \\xff\\x1b.txt");
        assert_eq!(unescape(&shown), Some(raw.as_os_str().as_bytes().to_vec()));
        assert_eq!(raw_bytes(&name), Some(raw.as_os_str().as_bytes().to_vec()));
        assert_eq!(raw_bytes("plain.txt"), None);
    }

    proptest::proptest! {
        /// Whatever a name holds, it is shown on one line of printable
        /// characters, and the bytes come back.
        #[test]
        fn every_name_comes_back(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..40)) {
            let path = path_from(bytes.clone());
            let shown = super::path(&path);
            proptest::prop_assert!(!shown.chars().any(char::is_control));
            proptest::prop_assert_eq!(unescape(&shown), Some(bytes.clone()));
            proptest::prop_assert_eq!(path_of(&name_of(&path)), path);
        }

        /// A name holding the private-use characters stray bytes are kept
        /// as is not mistaken for stray bytes.
        #[test]
        fn private_use_names_come_back(prefix in "[a-z\u{ef7e}-\u{f002}]{0,6}") {
            let path = PathBuf::from(&prefix);
            proptest::prop_assert_eq!(unescape(&super::path(&path)), Some(prefix.into_bytes()));
            proptest::prop_assert_eq!(path_of(&name_of(&path)), path);
        }
    }
}
