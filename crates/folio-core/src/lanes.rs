//! Eight bytes at once: a `u64` read from text, each byte a lane, and
//! which lanes hold an ASCII letter or digit, or white space. Counting
//! words and splitting text into words read every byte of a load; eight at
//! a time, with no branch per byte, counting takes about half the time and
//! splitting a fifth less (BENCHMARKS.md, "Scale (issue 7)", "Fifth
//! session": "Counting words" and "Splitting text into words").

/// The low and the high bit of every lane.
pub const LOW: u64 = 0x0101_0101_0101_0101;
pub const HIGH: u64 = LOW << 7;

/// Up to eight bytes from the front of `bytes` as lanes, padded with NULs
/// (neither letters nor space), and how many were real.
#[inline]
pub fn read(bytes: &[u8]) -> (u64, usize) {
    if let Some(eight) = bytes.first_chunk::<8>() {
        return (u64::from_le_bytes(*eight), 8);
    }
    let mut lanes = [0; 8];
    let len = bytes.len().min(8);
    lanes[..len].copy_from_slice(&bytes[..len]);
    (u64::from_le_bytes(lanes), len)
}

/// Whether every lane is ASCII (below 0x80): the tests below hold then.
#[inline]
pub fn is_ascii(word: u64) -> bool {
    word & HIGH == 0
}

/// The high bit of each ASCII lane that is a letter or digit.
#[inline]
pub fn alnum(word: u64) -> u64 {
    let digit = between(word, b'0', b'9');
    // Setting 0x20 lowers the case of letters and makes no other byte one.
    let letter = between(word | (LOW * 0x20), b'a', b'z');
    digit | letter
}

/// The high bit of each ASCII lane that `char::is_whitespace` holds.
#[inline]
pub fn space(word: u64) -> u64 {
    between(word, 0x09, 0x0d) | between(word, b' ', b' ')
}

/// The high bit of each ASCII lane that `u8::is_ascii_whitespace` holds
/// (what `str::split_ascii_whitespace` splits at): [`space`] but for the
/// vertical tab.
#[inline]
pub fn ascii_space(word: u64) -> u64 {
    between(word, 0x09, 0x0a) | between(word, 0x0c, 0x0d) | between(word, b' ', b' ')
}

/// The bits of the lanes before lane `n`: all of them from 8 on.
#[inline]
pub fn below(n: usize) -> u64 {
    if n >= 8 { !0 } else { (1 << (8 * n)) - 1 }
}

/// The high bit of each lane from `low` to `high`; every lane below 0x80.
#[inline]
fn between(word: u64, low: u8, high: u8) -> u64 {
    at_least(word, low) & !at_least(word, high + 1)
}

/// The high bit of each lane at least `n`: a lane below 0x80 plus
/// `0x80 - n` reaches 0x80 just when it is, and never carries out.
#[inline]
fn at_least(word: u64, n: u8) -> u64 {
    word.wrapping_add(LOW * u64::from(0x80 - n)) & HIGH
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every ASCII byte, in every lane, is classed as `char` classes it.
    #[test]
    fn lanes_agree_with_char_for_every_ascii_byte() {
        for byte in 0u8..0x80 {
            for lane in 0..8 {
                let mut bytes = [b'.'; 8];
                bytes[lane] = byte;
                let (word, len) = read(&bytes);
                assert_eq!(len, 8);
                assert!(is_ascii(word));
                let bit = HIGH & (0xff << (8 * lane));
                let c = char::from(byte);
                assert_eq!(alnum(word) & bit != 0, c.is_alphanumeric(), "{byte:#x} in lane {lane}");
                assert_eq!(space(word) & bit != 0, c.is_whitespace(), "{byte:#x} in lane {lane}");
                assert_eq!(
                    ascii_space(word) & bit != 0,
                    byte.is_ascii_whitespace(),
                    "{byte:#x} in lane {lane}"
                );
            }
        }
    }

    #[test]
    fn below_keeps_the_lanes_before_the_one_named() {
        assert_eq!(below(0), 0);
        assert_eq!(below(1), 0xff);
        assert_eq!(below(7), 0x00ff_ffff_ffff_ffff);
        assert_eq!(below(8), !0);
    }

    #[test]
    fn a_short_read_is_padded_with_neither() {
        let (word, len) = read(b"a b");
        assert_eq!(len, 3);
        assert_eq!(alnum(word), 0x80 | 0x80 << 16);
        assert_eq!(space(word), 0x80 << 8);
    }
}
