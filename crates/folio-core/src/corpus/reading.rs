//! Words and reading time by script: Chinese and Japanese are written
//! without spaces, so a paragraph of them is one "word" to a count made at
//! spaces; there each character is counted (as a reader of them counts),
//! and read at its own pace. Code is counted apart from the words.

use super::paragraph::{Kind, Paragraph};
use super::text;

/// Reading speed in words of a language written with spaces.
pub const WORDS_PER_MINUTE: usize = 230;
/// ... in Chinese characters and Japanese kana...
pub const CJK_PER_MINUTE: usize = 450;
/// ... and in Korean syllables (Korean has spaces, but its words are
/// long: its pace is measured in syllables).
pub const HANGUL_PER_MINUTE: usize = 500;

/// What an article asks of a reader.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reading {
    /// Words of prose, each Chinese or Japanese character one.
    pub words: usize,
    /// Words in code blocks, not among `words`.
    pub code_words: usize,
    /// Minutes to read it all, rounded up; never zero.
    pub minutes: usize,
}

/// Han ideographs, kana, and the CJK punctuation-free blocks around them.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30ff | 0x31f0..=0x31ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff
        | 0x20000..=0x2fa1f)
}

/// Whether `text` may hold a character [`is_cjk`] or [`is_hangul`] takes:
/// each is written in UTF-8 with a first byte from 0xE1 (Hangul jamo) to
/// 0xED or 0xF0 to 0xF2. Curly quotes and dashes (0xE2) are not among them,
/// so most Western paragraphs are passed over by this one scan of bytes
/// rather than read a character at a time.
fn may_hold_cjk(text: &str) -> bool {
    text.as_bytes().iter().any(|&b| matches!(b, 0xe1 | 0xe3..=0xed | 0xf0..=0xf2))
}

fn is_hangul(c: char) -> bool {
    matches!(c as u32, 0xac00..=0xd7af | 0x1100..=0x11ff | 0x3130..=0x318f)
}

/// Measures the paragraphs `counted` says to count, given each one's word
/// count at spaces (`words`, as cleanup counted them).
pub fn measure<'a>(paragraphs: impl Iterator<Item = (&'a Paragraph, usize)>) -> Reading {
    let (mut spaced, mut korean, mut cjk, mut hangul, mut code) = (0, 0, 0, 0, 0);
    for (paragraph, count) in paragraphs {
        if paragraph.kind == Kind::Code {
            code += count;
            continue;
        }
        // ASCII is told at a word a time; only the rest is scanned a byte
        // at a time (BENCHMARKS.md, "Issue 19: fidelity").
        if paragraph.text.is_ascii() || !may_hold_cjk(&paragraph.text) {
            spaced += count;
            continue;
        }
        let mut rest = count;
        for word in text::words(&paragraph.text) {
            let (c, h) = word
                .chars()
                .fold((0, 0), |(c, h), ch| (c + usize::from(is_cjk(ch)), h + usize::from(is_hangul(ch))));
            if c + h > 0 {
                rest = rest.saturating_sub(1);
                cjk += c;
                hangul += h;
                // A Korean word is still a word; Chinese characters each are.
                korean += usize::from(h > 0 && c == 0);
            }
        }
        spaced += rest;
    }
    let minutes = (spaced + code) as f64 / WORDS_PER_MINUTE as f64
        + cjk as f64 / CJK_PER_MINUTE as f64
        + hangul as f64 / HANGUL_PER_MINUTE as f64;
    Reading { words: spaced + korean + cjk, code_words: code, minutes: (minutes.ceil() as usize).max(1) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reading(texts: &[(&str, Kind)]) -> Reading {
        let paragraphs: Vec<Paragraph> =
            texts.iter().map(|(t, k)| Paragraph { kind: k.clone(), ..Paragraph::plain(*t) }).collect();
        measure(paragraphs.iter().map(|p| (p, text::count_words(&p.text))))
    }

    #[test]
    fn chinese_is_counted_by_character_and_read_at_its_pace() {
        let chinese = "东京都庁的展望台可以免费参观。".repeat(200);
        let r = reading(&[(&chinese, Kind::Text)]);
        assert_eq!(r.words, 14 * 200, "each character a word, the full stop none");
        assert_eq!(r.minutes, (14 * 200usize).div_ceil(CJK_PER_MINUTE));
        let sample = "东京都庁的展望台可以免费参观。".repeat(211);
        assert_eq!(reading(&[(&sample, Kind::Text)]).minutes, 7, "2,954 characters: 7 minutes, not 1");
    }

    #[test]
    fn english_korean_and_code_each_count_their_way() {
        let english = "word ".repeat(460);
        assert_eq!(reading(&[(&english, Kind::Text)]), Reading { words: 460, code_words: 0, minutes: 2 });
        let korean = "한국어 문장입니다 ".repeat(100);
        let r = reading(&[(&korean, Kind::Text)]);
        assert_eq!(r.words, 200, "Korean words are words");
        assert_eq!(r.minutes, 2, "800 syllables at {HANGUL_PER_MINUTE} a minute");
        let r = reading(&[("Some prose here.", Kind::Text), ("let x = 1;\nlet y = x;", Kind::Code)]);
        assert_eq!((r.words, r.code_words), (3, 6), "let, x, 1, let, y, x");
    }
}
