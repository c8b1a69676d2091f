//! Folding words before they are compared with a term: case, and accents
//! (an accented Latin letter as its plain letter and its accent), and the
//! letter mask that rules a word out before it is compared at all.

use super::is_mark;

/// How words are folded before comparing them with a term: lower case
/// unless the term has a capital; accents dropped unless it has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Folding {
    pub(super) case_sensitive: bool,
    pub(super) keep_accents: bool,
}

impl Folding {
    /// `word` folded, each character with the index of the character of
    /// `word` it came from (an accented letter may become two).
    pub(super) fn fold(self, word: &str) -> (Vec<char>, Vec<usize>) {
        let mut chars = Vec::with_capacity(word.len());
        let mut from = Vec::with_capacity(word.len());
        for (at, c) in word.chars().enumerate() {
            let c = if self.case_sensitive { c } else { fold_char(c) };
            if is_mark(c) {
                if self.keep_accents {
                    chars.push(c);
                    from.push(at);
                }
            } else if let Some((base, mark)) = decompose(c) {
                chars.push(base);
                from.push(at);
                if self.keep_accents {
                    chars.push(mark);
                    from.push(at);
                }
            } else {
                chars.push(c);
                from.push(at);
            }
        }
        (chars, from)
    }
}

/// Latin letters with an accent, by accent: (the combining accent, the
/// accented letters, their plain letters).
const ACCENTED: [(char, &str, &str); 13] = [
    ('\u{300}', "àèìòùǹẁỳ", "aeiounwy"),
    ('\u{301}', "áéíóúýćńśźĺŕǵḱḿṕẃ", "aeiouycnszlrgkmpw"),
    ('\u{302}', "âêîôûĉĝĥĵŝŵŷẑ", "aeioucghjswyz"),
    ('\u{303}', "ãẽĩõũñỹ", "aeiouny"),
    ('\u{304}', "āēīōūȳ", "aeiouy"),
    ('\u{306}', "ăĕĭŏŭğ", "aeioug"),
    ('\u{307}', "ċėġżȧ", "cegza"),
    ('\u{308}', "äëïöüÿẅẍ", "aeiouywx"),
    ('\u{30a}', "åů", "au"),
    ('\u{30b}', "őű", "ou"),
    ('\u{30c}', "ǎčďěǐňǒřšťǔž", "acdeinorstuz"),
    ('\u{327}', "çşţģķļņŗȩ", "cstgklnre"),
    ('\u{328}', "ąęįų", "aeiu"),
];

/// An accented Latin letter as its plain letter and accent (the case
/// kept), or `None`.
pub fn decompose(c: char) -> Option<(char, char)> {
    if c.is_ascii() {
        return None;
    }
    let lower = fold_char(c);
    for (mark, accented, plain) in ACCENTED {
        if let Some(at) = accented.chars().position(|a| a == lower) {
            let base = plain.chars().nth(at)?;
            let base = if lower == c { base } else { base.to_ascii_uppercase() };
            return Some((base, mark));
        }
    }
    None
}

/// Lower case for one character, keeping one character (so positions in a
/// folded word are positions in the original).
pub fn fold_char(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// A 64-bit summary of which letters a word holds, case-folded: one bit per
/// ASCII letter and digit (an accented letter sets its plain letter's), and
/// one shared bit for every character that is not ASCII. If a
/// term's bits are not all in a word's bits, the term cannot match it.
pub fn letter_mask(chars: impl Iterator<Item = char>) -> u64 {
    chars.fold(0, |mask, c| {
        let c = fold_char(c);
        // An accented letter holds its plain letter too: `cafe` may match
        // "café".
        let plain = decompose(c).map_or(c, |(base, _)| base);
        let bit = |c: char| match c {
            'a'..='z' => c as u32 - 'a' as u32,
            '0'..='9' => 26 + (c as u32 - '0' as u32),
            _ => 63,
        };
        let other = if c.is_ascii() { 0 } else { 1 << 63 };
        mask | (1 << bit(plain)) | other
    })
}
