//! Wrapping a paragraph's text to a width: running text at words (with a
//! fast path for plain prose, checked against the Unicode rules), and
//! preformatted text cut where its lines are too wide.

use unicode_width::UnicodeWidthChar;

/// Running text wrapped to `width`, as (offset, piece) pairs.
pub fn wrap(text: &str, width: usize) -> Vec<(usize, &str)> {
    // First fit fills each line greedily, as `less` and `fmt` readers expect,
    // and costs linear time however long the paragraph. Finding where the
    // Unicode rules allow a break was two thirds of a re-wrap; where they
    // allow one only after spaces, splitting at spaces finds the same words.
    let separator = if breaks_only_at_spaces(text) {
        textwrap::WordSeparator::AsciiSpace
    } else {
        textwrap::WordSeparator::new()
    };
    let options = textwrap::Options::new(width)
        .break_words(true)
        .word_separator(separator)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    let mut cursor = 0;
    let mut out = Vec::new();
    for piece in textwrap::wrap(text, options) {
        // wrap() hands back slices of `text` in order: where one borrows from
        // it, its address gives the offset at once (searching for every line
        // cost a tenth of a re-wrap). Anything else is found from the cursor.
        let offset = match offset_in(text, &piece).filter(|&at| at >= cursor) {
            Some(at) => at,
            None => match text[cursor..].find(piece.as_ref()) {
                Some(at) => cursor + at,
                None => continue,
            },
        };
        cursor = offset + piece.len();
        out.push((offset, &text[offset..cursor]));
    }
    if out.is_empty() {
        out.push((0, ""));
    }
    out
}

/// Punctuation of English prose, and the no-break space, that the Unicode
/// line-breaking rules keep with the text beside it (with the exceptions
/// `fits_between` makes).
const PROSE_PUNCTUATION: &str = ".,;:?!'\"‘’“”()\u{a0}";

/// Whether the Unicode line-breaking rules (UAX #14) allow breaks in `text`
/// only after spaces and after hyphens between letters, as in most English
/// prose: then splitting at spaces, with textwrap's splitting at hyphens,
/// finds the same words. Checked against the rules themselves, exhaustively
/// on short strings, in the tests.
fn breaks_only_at_spaces(text: &str) -> bool {
    // textwrap wraps each line of a paragraph on its own.
    text.split('\n').all(|line| {
        let mut before = None;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if !fits_between(before, c, chars.peek().copied()) {
                return false;
            }
            before = Some(c);
        }
        true
    })
}

/// Whether `c`, between `before` and `after`, keeps `text` plain prose:
/// ASCII letters and digits, spaces and [`PROSE_PUNCTUATION`], but not where
/// the rules break (`.(`, `?a`), hold on across a space (`( a`, `a .`) or
/// keep a hyphen that textwrap would split at (`ten-20`).
fn fits_between(before: Option<char>, c: char, after: Option<char>) -> bool {
    let letter = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
    match c {
        // Most of the text: checked first, as this runs over every character.
        _ if c.is_ascii_alphanumeric() => !matches!(before, Some('?' | '!')),
        '-' => letter(before) && letter(after),
        // An en dash set off by spaces is a word of its own. (Two em dashes
        // with a space between hold together, so those are left out.)
        '–' => before == Some(' ') && after == Some(' '),
        '(' => before.is_none_or(|b| b == ' ' || b.is_ascii_alphanumeric()),
        ' ' => !matches!(before, Some('‘' | '“' | '(')),
        _ if before == Some(' ') => matches!(c, '\'' | '"' | '‘' | '“'),
        _ if matches!(before, Some('?' | '!')) => matches!(c, '?' | '!' | '\'' | '"' | '’' | '”' | ')'),
        _ => PROSE_PUNCTUATION.contains(c),
    }
}

/// Where `piece` starts in `text`, if it is a slice of it.
fn offset_in(text: &str, piece: &str) -> Option<usize> {
    let at = (piece.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    (text.get(at..at + piece.len()) == Some(piece)).then_some(at)
}

/// Preformatted text: each of its lines kept as it is, cut (not wrapped at
/// words) where it is wider than `width`; the pieces after a cut are marked
/// as continuing the line before.
pub fn cut_lines(text: &str, width: usize) -> Vec<(usize, &str, bool)> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        let mut start = 0;
        let mut used = 0;
        for (at, c) in line.char_indices() {
            let w = c.width().unwrap_or(0);
            if used + w > width && at > start {
                out.push((line_start + start, &line[start..at], start > 0));
                (start, used) = (at, 0);
            }
            used += w;
        }
        out.push((line_start + start, &line[start..], start > 0));
        line_start += line.len() + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::View;

    fn words_found_both_ways(text: &str) -> (Vec<textwrap::core::Word<'_>>, Vec<textwrap::core::Word<'_>>) {
        // What the wrap works from: the words, split at hyphens.
        static SPLITTER: textwrap::WordSplitter = textwrap::WordSplitter::HyphenSplitter;
        let words = |separator: textwrap::WordSeparator| {
            textwrap::word_splitters::split_words(separator.find_words(text), &SPLITTER).collect()
        };
        (words(textwrap::WordSeparator::AsciiSpace), words(textwrap::WordSeparator::UnicodeBreakProperties))
    }

    /// Every string of up to four characters from a letter, a digit, a
    /// space, a hyphen, dashes and the punctuation the fast path takes:
    /// where it is taken, it finds the words the Unicode rules find.
    #[test]
    fn breaking_at_spaces_agrees_with_the_unicode_rules_where_it_is_used() {
        let alphabet: Vec<char> = "a1 -–—".chars().chain(PROSE_PUNCTUATION.chars()).collect();
        let mut texts = vec![String::new()];
        let mut checked = 0;
        for _ in 0..4 {
            texts =
                texts.iter().flat_map(|text| alphabet.iter().map(move |c| format!("{text}{c}"))).collect();
            for text in texts.iter().filter(|t| breaks_only_at_spaces(t)) {
                let (at_spaces, by_the_rules) = words_found_both_ways(text);
                assert_eq!(at_spaces, by_the_rules, "{text:?}");
                checked += 1;
            }
        }
        assert!(checked > 10_000, "only {checked} strings took the fast path");
    }

    #[test]
    fn plain_prose_takes_the_fast_path_and_the_rest_does_not() {
        let prose =
            "He said “it’s fine,” and left; then: 3.5 miles (in 2024) – a well-known ‘odd’ case? Yes!";
        assert!(breaks_only_at_spaces(prose));
        let (at_spaces, by_the_rules) = words_found_both_ways(prose);
        assert_eq!(at_spaces, by_the_rules);
        let texts: Vec<_> =
            crate::corpus::load_bundled().corpus.articles().iter().map(|a| a.text()).collect();
        for paragraph in texts.iter().flat_map(|text| text.searchable(View::Raw)) {
            if breaks_only_at_spaces(paragraph) {
                for line in paragraph.split('\n') {
                    let (at_spaces, by_the_rules) = words_found_both_ways(line);
                    assert_eq!(at_spaces, by_the_rules, "{line:?}");
                }
            }
        }
        assert!(breaks_only_at_spaces("One line\nand another"), "each line on its own");
        for other in ["ten-20", "a/b", "why?not", "東京", "word .", "“ word", "x—y", "x — y", "x –y", "a\tb"]
        {
            assert!(!breaks_only_at_spaces(other), "{other:?}");
        }
    }
}
