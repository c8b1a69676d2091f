//! Turns untrusted file contents into clean paragraphs: no escape sequences,
//! no control characters, tabs expanded, line ends normalised.

use super::paragraph::{MAX_PARAGRAPHS, join_text, push_capped};
use crate::lanes;

/// Columns between tab stops when a tab is expanded.
const TAB_STOP: usize = 4;

/// Hard-wrapped prose has its lines filled close to one width; a block whose
/// lines are all at least this share of its longest line is read as one
/// paragraph. Scraped text instead has one paragraph (or one menu item) a line.
const FILLED_LINE_SHARE: f32 = 0.5;

/// A block whose longest line is shorter than this is a list of short items
/// (menus, breadcrumbs, comment widgets), never a hard-wrapped paragraph.
const MIN_WRAPPED_LINE: usize = 40;

/// Editors wrap at 72 to 100 columns; a longer line is a whole paragraph.
const MAX_WRAPPED_LINE: usize = 120;

/// Makes article text safe to draw: a byte-order mark, ANSI/OSC escape
/// sequences and every control character but the newline are removed, CR and
/// CRLF become LF, and tabs are expanded to spaces.
pub fn sanitize(raw: &str) -> String {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    if is_plain(raw) {
        return raw.to_owned();
    }
    let unified =
        if raw.contains('\r') { raw.replace("\r\n", "\n").replace('\r', "\n") } else { raw.to_owned() };
    // Tabs go first: the escape stripper below drops them otherwise.
    let expanded = expand_tabs(&unified);
    // Escape sequences all start with ESC or a C1 control (U+009B is CSI);
    // text with neither, nearly all of it, needs no parser.
    let stripped = if expanded.contains(|c: char| c == '\x1b' || ('\u{80}'..='\u{9f}').contains(&c)) {
        strip_ansi_escapes::strip_str(&expanded)
    } else {
        expanded
    };
    // The stripper parses escape sequences; what it lets through may still
    // hold C1 controls (U+0080..U+009F) or DEL, which some terminals obey.
    stripped.chars().filter(|&c| c == '\n' || !c.is_control()).collect()
}

/// Text with no byte that any step below would change: no control byte but
/// the newline (so no tab, CR or ESC), no DEL, and no U+0080..U+009F (all
/// of which, in UTF-8, start with 0xC2 0x80..0x9F).
fn is_plain(text: &str) -> bool {
    let bytes = text.as_bytes();
    !bytes.iter().enumerate().any(|(i, &b)| {
        (b < 0x20 && b != b'\n') || b == 0x7f || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| *n < 0xa0))
    })
}

fn expand_tabs(text: &str) -> String {
    expand_tabs_to(text, TAB_STOP)
}

/// `text` with its tabs made spaces up to the next multiple of `stop`.
pub fn expand_tabs_to(text: &str, stop: usize) -> String {
    const { assert!(TAB_STOP > 0) };
    let stop = stop.max(1);
    if !text.contains('\t') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut column = 0;
    for c in text.chars() {
        match c {
            '\t' => {
                let pad = stop - column % stop;
                out.extend(std::iter::repeat_n(' ', pad));
                column += pad;
            }
            '\n' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    out
}

/// Splits sanitized text into paragraphs.
///
/// Blank lines always separate paragraphs. Inside a block, lines are joined
/// when they look hard-wrapped (filled to a similar width); otherwise each
/// line is its own paragraph, as in text scraped from the web.
/// Past `MAX_PARAGRAPHS`, the rest joins the last paragraph (see
/// [`push_capped`]); a block of more lines than that is split.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut block: Vec<&str> = Vec::new();
    for line in text.lines().chain(std::iter::once("")) {
        let line = line.trim();
        if line.is_empty() || block.len() == MAX_PARAGRAPHS {
            flush_block(&block, &mut out);
            block.clear();
        }
        if !line.is_empty() {
            block.push(line);
        }
    }
    out
}

pub fn flush_block(block: &[&str], out: &mut Vec<String>) {
    if block.is_empty() {
        return;
    }
    let mut push = |text: String| push_capped(out, text, |last, more| join_text(last, &more));
    if looks_hard_wrapped(block) {
        push(join_wrapped(block));
    } else {
        block.iter().for_each(|line| push(collapse_spaces(line)));
    }
}

/// Hyphens a typesetter puts where it breaks a word at a line's end: the
/// hyphen groff writes in man pages (U+2010), and the soft hyphen.
const BREAK_HYPHENS: [char; 2] = ['\u{2010}', '\u{ad}'];

/// The lines of a hard-wrapped paragraph as one line: joined with a space,
/// but a word a typesetter broke with a hyphen ("fol‐" / "lowing") made
/// whole again.
pub fn join_wrapped(block: &[&str]) -> String {
    if !block.iter().any(|line| line.ends_with(BREAK_HYPHENS)) {
        return collapse_spaces(&block.join(" "));
    }
    let mut out = String::new();
    for line in block.iter().map(|line| line.trim()) {
        // "fol‐" / "lowing", and "SIM‐" / "PLE_BACKUP" in capitals.
        let before = out.trim_end_matches(BREAK_HYPHENS).chars().next_back();
        let capitals = before.is_some_and(char::is_uppercase) && line.starts_with(char::is_uppercase);
        let rejoin = (line.starts_with(char::is_lowercase) || capitals) && out.ends_with(BREAK_HYPHENS);
        if rejoin {
            out.pop();
        } else if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(line);
    }
    collapse_spaces(&out)
}

pub fn looks_hard_wrapped(block: &[&str]) -> bool {
    let widths: Vec<usize> = block.iter().map(|l| l.chars().count()).collect();
    let longest = widths.iter().copied().max().unwrap_or(0);
    if block.len() < 2 || !(MIN_WRAPPED_LINE..=MAX_WRAPPED_LINE).contains(&longest) {
        return false;
    }
    let floor = (longest as f32 * FILLED_LINE_SHARE) as usize;
    let filled = widths[..widths.len() - 1].iter().all(|&w| w >= floor);
    filled && !block.iter().any(|line| starts_list_item(line))
}

/// `- item`, `* item`, `1. item`, `2) item`: each starts its own paragraph.
pub fn starts_list_item(line: &str) -> bool {
    if let Some(rest) = line.strip_prefix(['-', '*', '•']) {
        return rest.starts_with(' ');
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && (line[digits..].starts_with(". ") || line[digits..].starts_with(") "))
}

/// `line` with every run of white space made one space, and none at
/// either end.
pub fn collapse_spaces(line: &str) -> String {
    // Nearly every line is collapsed already: found with scans that read
    // many bytes at a step, it is copied as it is. Splitting it at white
    // space a character at a time was a tenth of parsing a file.
    if is_collapsed(line) {
        return line.to_owned();
    }
    let mut out = String::with_capacity(line.len());
    for word in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether `line` has no white space but single ASCII spaces between
/// other characters.
fn is_collapsed(line: &str) -> bool {
    let bytes = line.as_bytes();
    let ends_clean = !(bytes.first() == Some(&b' ') || bytes.last() == Some(&b' '));
    ends_clean
        && memchr::memmem::find(bytes, b"  ").is_none()
        && memchr::memchr3(b'\t', b'\n', b'\r', bytes).is_none()
        && memchr::memchr2(0x0b, 0x0c, bytes).is_none()
        // Beyond ASCII, white space is rare enough to look for one
        // character at a time, in the lines that have any such character.
        && (line.is_ascii() || !line.chars().any(|c| !c.is_ascii() && c.is_whitespace()))
}

/// Text for one line of a header: sanitized, with every run of white space
/// (newlines included) made one space.
pub fn one_line(raw: &str) -> String {
    collapse_spaces(&sanitize(raw))
}

/// Words as a reader counts them: runs of characters between white space
/// that hold at least one letter or digit (a lone dash is not a word).
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric))
}

/// How many [`words`] `text` has, eight bytes at a time: every paragraph
/// of every article loaded is counted, and a byte at a time this was a
/// twentieth of a cold load's work.
///
/// A word is counted at its first letter or digit: at a letter or digit
/// whose nearest letter or digit before it, if any, is before a space.
/// Each byte is a lane of a number, 0xff when it is no letter or digit,
/// and a space adds 1 to its lane; added up, the carry from a space runs
/// through the lanes of the non-letters after it and stops at the next
/// letter or digit, which it marks. A stretch with no space carries
/// nothing. Across the number's top the carry goes on, as in long
/// addition, and the text's start carries in as a space would.
///
/// ASCII is classified eight bytes at once; a number holding any other
/// byte has its characters decoded (news text is mostly ASCII, but curly
/// quotes and dashes put some other character in nearly every paragraph).
pub fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut carry = 1;
    let mut from = 0;
    while from < bytes.len() {
        let (word, len) = lanes::read(&bytes[from..]);
        let (alnum, space) = if lanes::is_ascii(word) { ascii_lanes(word) } else { wide_lanes(text, from) };
        let others = (!alnum & lanes::LOW) * 0xff;
        let (sum, over) = others.overflowing_add(space);
        let (sum, more) = sum.overflowing_add(carry);
        count += (sum & alnum).count_ones() as usize;
        carry = u64::from(over | more);
        from += len;
    }
    count
}

/// Eight ASCII bytes' letters and digits, and spaces, as 1 in their lanes.
fn ascii_lanes(word: u64) -> (u64, u64) {
    (lanes::alnum(word) >> 7, lanes::space(word) >> 7)
}

/// [`ascii_lanes`] of the eight bytes of `text` from `from`, characters
/// decoded: a character's class is in its first byte's lane; the rest of
/// it, or of one begun earlier, is neither.
#[cold]
fn wide_lanes(text: &str, from: usize) -> (u64, u64) {
    let (mut alnum, mut space) = (0, 0);
    for (lane, &byte) in text.as_bytes().get(from..).unwrap_or_default().iter().take(8).enumerate() {
        let (is_alnum, is_space) = if byte.is_ascii() {
            (byte.is_ascii_alphanumeric(), is_ascii_space(byte))
        } else if byte < 0xc0 {
            (false, false)
        } else {
            text.get(from + lane..)
                .and_then(|rest| rest.chars().next())
                .map_or((false, false), |c| (c.is_alphanumeric(), c.is_whitespace()))
        };
        alnum |= u64::from(is_alnum) << (8 * lane);
        space |= u64::from(is_space) << (8 * lane);
    }
    (alnum, space)
}

/// What `char::is_whitespace` says of an ASCII byte (`u8::is_ascii_whitespace`
/// leaves out the vertical tab).
const fn is_ascii_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_controls_never_survive() {
        let hostile = "Title\x1b[2J\x1b]0;pwned\x07 text\x1b[31mred\x1b[0m\x00\x08\x7f\u{9b}31m end";
        let clean = sanitize(hostile);
        assert!(!clean.chars().any(|c| c.is_control()), "{clean:?}");
        assert!(clean.starts_with("Title text"), "{clean:?}");
        assert!(clean.contains("red"));
        assert!(!clean.contains("pwned"), "the OSC payload is dropped: {clean:?}");
    }

    #[test]
    fn plain_text_passes_through_and_c1_controls_do_not() {
        let plain = "Plain text, «quoted», 100°, café\nand a second line.";
        assert_eq!(sanitize(plain), plain);
        assert_eq!(sanitize("a\u{85}b\u{9b}c"), "abc");
    }

    #[test]
    fn tabs_expand_to_the_next_stop() {
        assert_eq!(sanitize("a\tb\n\tc"), "a   b\n    c");
    }

    #[test]
    fn line_ends_and_bom_are_normalised() {
        assert_eq!(sanitize("\u{feff}one\r\ntwo\rthree"), "one\ntwo\nthree");
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        let paras = paragraphs("First  para.\n\n\n  Second para.  \n");
        assert_eq!(paras, ["First para.", "Second para."]);
    }

    #[test]
    fn hard_wrapped_lines_join_into_one_paragraph() {
        let text = "This paragraph was wrapped by an editor at seventy\n\
                    columns, so its lines are all about the same width\n\
                    and end where the editor chose.";
        assert_eq!(paragraphs(text).len(), 1);
        assert!(paragraphs(text)[0].contains("seventy columns"));
    }

    #[test]
    fn scraped_lines_stay_separate_paragraphs() {
        let menu = "Click to comment\nNotify of\nInline Feedbacks";
        assert_eq!(paragraphs(menu), ["Click to comment", "Notify of", "Inline Feedbacks"]);
        let crumbs = "1. Home\n  2. West Africa\n  3. Niger";
        assert_eq!(paragraphs(crumbs), ["1. Home", "2. West Africa", "3. Niger"]);
        let long = format!("{}\n{}", "word ".repeat(40), "Short reply.");
        assert_eq!(paragraphs(&long).len(), 2);
    }

    #[test]
    fn words_skip_punctuation_runs() {
        assert_eq!(words("Hello – world, 1,000 troops").count(), 4);
        for text in ["Hello – world, 1,000 troops", " a  -- b\tc\n", "", "   ", "x", "é a"] {
            assert_eq!(count_words(text), words(text).count(), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn words_are_counted_as_words_counts_them(
            text in "[a-zA-Z0-9 \t\n\r\x0b\x0c\x00\x7f@\\[`{.,’—é\u{a0}\u{3000}日-]{0,80}"
        ) {
            proptest::prop_assert_eq!(count_words(&text), words(&text).count());
        }

        /// The fast check never keeps a line that splitting at white space
        /// would change.
        #[test]
        fn collapsing_keeps_only_lines_already_collapsed(
            line in "[a ’.-]{0,6}(  |\u{a0}|\u{2003}|\t|\r|\n|\x0b|\x0c)?[a ’.-]{0,6}"
        ) {
            let split: Vec<&str> = line.split_whitespace().collect();
            proptest::prop_assert_eq!(collapse_spaces(&line), split.join(" "));
        }
    }
}
