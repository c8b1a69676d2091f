//! Splitting text into words: what the index, the scans and the
//! highlights all count as a word, read eight ASCII bytes at a time.

use super::is_word_char;
use crate::lanes;

/// The words of a text: runs of letters and digits (`char::is_alphanumeric`)
/// and the combining accents on them, with their byte offsets. Every word of every article passes through
/// here when the index is built, so ASCII is read eight bytes at a time
/// and only other characters are decoded.
pub fn words_of(text: &str) -> impl Iterator<Item = (usize, &str)> {
    Words { text, at: 0 }
}

struct Words<'a> {
    text: &'a str,
    at: usize,
}

impl Words<'_> {
    /// Moves past characters for which `is_word` differs from `want`. A
    /// byte at a time, the end of every word and of every gap was a branch
    /// the processor guessed wrong; eight ASCII bytes are classified at
    /// once and the first one that stops is found by counting zeros.
    #[inline]
    fn skip_while(&mut self, want: bool) {
        let bytes = self.text.as_bytes();
        while let Some(rest) = bytes.get(self.at..).filter(|rest| !rest.is_empty()) {
            let (word, len) = lanes::read(rest);
            // Lanes up to the first that is not ASCII; the padding past the
            // text's end stops a word and not a gap.
            let wide = word & lanes::HIGH;
            let ascii = if wide == 0 { len } else { (wide.trailing_zeros() / 8) as usize };
            let alnum = lanes::alnum(word);
            let stops = if want { !alnum & lanes::HIGH } else { alnum };
            let stops = stops & lanes::below(ascii);
            if stops != 0 {
                self.at += (stops.trailing_zeros() / 8) as usize;
                return;
            }
            self.at += ascii;
            if wide != 0 {
                let (is_word, width) = wide_char(&self.text[self.at..]);
                if is_word != want {
                    return;
                }
                self.at += width;
            }
        }
    }
}

/// Whether the character `text` starts with is a word character, and its
/// length in bytes.
#[cold]
fn wide_char(text: &str) -> (bool, usize) {
    text.chars().next().map_or((false, 1), |c| (is_word_char(c), c.len_utf8()))
}

impl<'a> Iterator for Words<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        self.skip_while(false);
        if self.at >= self.text.len() {
            return None;
        }
        let start = self.at;
        self.skip_while(true);
        Some((start, &self.text[start..self.at]))
    }
}
