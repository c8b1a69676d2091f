//! A word's postings as bytes: each posting a few varints (the gap from
//! the article before, then the counts), written as articles are indexed
//! and read back, millions a keystroke, as search steps through segments.

use super::Posting;

/// The gap with a flag in its low bit for a title occurrence, the title
/// count only when flagged (most words are not in the title), then the
/// body count: two bytes for most postings.
pub(super) fn write_posting(list: &mut Vec<u8>, gap: u32, posting: Posting) {
    let in_title = posting.title > 0;
    write_varint(list, gap << 1 | u32::from(in_title));
    if in_title {
        write_varint(list, u32::from(posting.title));
    }
    write_varint(list, u32::from(posting.body));
}

/// LEB128: seven bits a byte, low first, the top bit set on all but the last.
fn write_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

#[inline]
fn read_varint(bytes: &mut &[u8]) -> Option<u32> {
    // Most gaps and counts fit one byte; a search reads millions of them.
    match bytes.split_first() {
        Some((&byte, rest)) if byte < 0x80 => {
            *bytes = rest;
            Some(u32::from(byte))
        }
        _ => read_long_varint(bytes),
    }
}

fn read_long_varint(bytes: &mut &[u8]) -> Option<u32> {
    let mut value: u32 = 0;
    for shift in (0..35).step_by(7) {
        let (&byte, rest) = bytes.split_first()?;
        *bytes = rest;
        value |= u32::from(byte & 0x7f).checked_shl(shift)?;
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

/// One word's postings in one segment, encoded, and the article their
/// first gap counts from.
pub(super) struct Postings<'a> {
    pub(super) bytes: &'a [u8],
    pub(super) article: u32,
}

/// Reads the posting at the front of `bytes`; `article` is the one before
/// it, and becomes this one.
#[inline]
pub(super) fn read_posting(bytes: &mut &[u8], article: &mut u32) -> Option<Posting> {
    // Most postings are two bytes, a small gap with no title flag and a
    // small body count: read at once, they spare the varint loop its
    // branches. A search reads millions of them.
    if let &[flagged_gap, body, ref rest @ ..] = *bytes
        && (flagged_gap | body) < 0x80
        && flagged_gap & 1 == 0
    {
        *bytes = rest;
        *article = article.checked_add(u32::from(flagged_gap >> 1))?;
        return Some(Posting { article: *article, title: 0, body: u16::from(body) });
    }
    let flagged_gap = read_varint(bytes)?;
    let title = if flagged_gap & 1 == 1 { read_varint(bytes)? } else { 0 };
    let body = read_varint(bytes)?;
    *article = article.checked_add(flagged_gap >> 1)?;
    let count = |n: u32| u16::try_from(n).unwrap_or(u16::MAX);
    Some(Posting { article: *article, title: count(title), body: count(body) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip_at_their_edges() {
        for value in [0, 1, 127, 128, 16_383, 16_384, u32::MAX] {
            let mut bytes = Vec::new();
            write_varint(&mut bytes, value);
            let mut read = &bytes[..];
            assert_eq!(read_varint(&mut read), Some(value));
            assert!(read.is_empty());
        }
        assert_eq!(read_varint(&mut &[0x80u8, 0x80][..]), None, "cut short");
    }
}
