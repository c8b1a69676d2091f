//! Finds an article's title in scraped text: the first line that reads like a
//! headline, past site furniture and navigation (which `cleanup` marks);
//! failing that, the opening sentence, shortened.

use unicode_width::UnicodeWidthChar;

use super::paragraph::{Kind, Paragraph};

/// How far into an article a headline may stand before we stop looking:
/// scraped pages open with a menu or two, not with pages of furniture.
pub const SEARCH_DEPTH: usize = 12;

/// A headline is a short line: at most this many characters...
const HEADLINE_MAX_CHARS: usize = 150;
/// ...and this many words, and at least `HEADLINE_MIN_WORDS` ("Home",
/// "Menu" and "Sign in" are not headlines).
const HEADLINE_MAX_WORDS: usize = 25;
const HEADLINE_MIN_WORDS: usize = 3;
/// The same floor for text without spaces, in wide (CJK) characters.
const HEADLINE_MIN_WIDE_CHARS: usize = 4;

/// A title made from an opening sentence is cut at a word boundary to fit.
const SENTENCE_TITLE_MAX_CHARS: usize = 80;

/// Where an article's title came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    pub text: String,
    /// The paragraph that is the headline itself, which the reader shows as
    /// the title rather than again in the body. `None` when the title was
    /// made from a sentence that stays in the body.
    pub paragraph: Option<usize>,
}

/// Picks a title for an article from its paragraphs, once `cleanup` has
/// marked the furniture, falling back to `fallback` (the file name) for an
/// article with no text at all. With `lead` (the text opened with a line
/// of its own), that first line is the title if it is short and not
/// furniture, whatever its word count: "Introduction", "Chapter 1".
pub fn find(paragraphs: &[Paragraph], fallback: &str, lead: bool) -> Title {
    if let Some(first) = paragraphs.first().filter(|p| lead && !p.is_furniture() && is_running_text(p))
        && is_headline(&first.text)
        && word_count(&first.text) > 0
    {
        return Title { text: first.text.clone(), paragraph: Some(0) };
    }
    let opening = paragraphs
        .iter()
        .enumerate()
        .take(SEARCH_DEPTH)
        .find(|(_, p)| !p.is_furniture() && is_running_text(p) && !is_too_short(&p.text));
    match opening {
        Some((index, line)) if is_headline(&line.text) => {
            Title { text: line.text.clone(), paragraph: Some(index) }
        }
        Some((_, prose)) => {
            Title { text: shorten(first_sentence(&prose.text), SENTENCE_TITLE_MAX_CHARS), paragraph: None }
        }
        None => Title {
            text: paragraphs
                .iter()
                .find(|p| is_running_text(p) && !p.text.trim().is_empty())
                .map(|p| shorten(&p.text, SENTENCE_TITLE_MAX_CHARS))
                .unwrap_or_else(|| fallback.to_owned()),
            paragraph: None,
        },
    }
}

/// Code keeps its line breaks and references are addresses: neither is a
/// headline or an opening sentence.
fn is_running_text(paragraph: &Paragraph) -> bool {
    !matches!(paragraph.kind, Kind::Code | Kind::Reference)
}

/// Too few words for a headline. Chinese and Japanese put no spaces between
/// words, so there a line of several wide characters is long enough.
fn is_too_short(line: &str) -> bool {
    let wide = line.chars().filter(|c| c.width() == Some(2)).take(HEADLINE_MIN_WIDE_CHARS).count();
    word_count(line) < HEADLINE_MIN_WORDS && wide < HEADLINE_MIN_WIDE_CHARS
}

/// Short, and one sentence at most: a line of two sentences is prose.
fn is_headline(line: &str) -> bool {
    line.chars().count() <= HEADLINE_MAX_CHARS
        && word_count(line) <= HEADLINE_MAX_WORDS
        && first_sentence(line).len() == line.len()
}

fn word_count(text: &str) -> usize {
    super::text::count_words(text)
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "col", "dr", "gen", "gov", "jr", "lt", "maj", "mr", "mrs", "ms", "no", "prof", "rep", "sen", "sgt", "sr",
    "st", "vs",
];

/// The text up to the first full stop, question or exclamation mark that is
/// followed by a new sentence. Initials such as "U.S." do not end one.
fn first_sentence(text: &str) -> &str {
    let mut words = text.split_inclusive(' ').peekable();
    let mut end = 0;
    while let Some(word) = words.next() {
        end += word.len();
        let token = word.trim_end();
        let next_starts_sentence = words
            .peek()
            .and_then(|w| w.chars().next())
            .is_some_and(|c| c.is_uppercase() || "\"“‘'".contains(c));
        if ends_sentence(token) && next_starts_sentence {
            break;
        }
    }
    text[..end].trim_end()
}

fn ends_sentence(token: &str) -> bool {
    let bare = token.trim_end_matches(['"', '”', '’', '\'', ')']);
    if bare.ends_with(['!', '?']) {
        return true;
    }
    let Some(stem) = bare.strip_suffix('.') else {
        return false;
    };
    let stem = stem.trim_start_matches(|c: char| !c.is_alphanumeric());
    let is_initials = stem.split('.').all(|part| part.chars().count() <= 1);
    !is_initials && !ABBREVIATIONS.contains(&stem.to_lowercase().as_str())
}

/// Cuts `text` to at most `max` characters at a word boundary, ending in an
/// ellipsis when anything was cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        // One column stays free for the ellipsis.
        let needed = out.chars().count() + usize::from(!out.is_empty()) + word.chars().count();
        if needed > max - 1 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        // A single word longer than the limit: cut inside it.
        out = text.chars().take(max - 1).collect();
    }
    let trimmed = out.trim_end_matches([',', ';', ':', '-', '–', '—']);
    format!("{trimmed}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title_of(lines: &[&str]) -> Title {
        let mut paragraphs: Vec<Paragraph> = lines.iter().map(|l| Paragraph::plain(*l)).collect();
        super::super::cleanup::mark(&mut paragraphs);
        find(&paragraphs, "file.txt", false)
    }

    #[test]
    fn a_headline_without_spaces_is_still_a_headline() {
        let t = title_of(&[
            "東京の新しい展望台が開業",
            "東京都庁の展望台は無料で入場できます。多くの観光客が訪れます。",
        ]);
        assert_eq!(t.text, "東京の新しい展望台が開業");
        assert_eq!(t.paragraph, Some(0));
        assert_eq!(title_of(&["Home", "A Proper Headline Here"]).text, "A Proper Headline Here");
    }

    #[test]
    fn skips_site_furniture_and_breadcrumbs() {
        let t = title_of(&[
            "Connect with us",
            "Hi, what are you looking for?",
            "1. Home",
            "2. West Africa",
            "Home / World / Africa",
            "Junta orders troops out",
            "Body text follows here.",
        ]);
        assert_eq!(t.text, "Junta orders troops out");
        assert_eq!(t.paragraph, Some(5));
    }

    #[test]
    fn prose_opening_gives_its_first_sentence() {
        let t = title_of(&["Officials met on Monday. They talked for hours about the base."]);
        assert_eq!(t.text, "Officials met on Monday.");
        assert_eq!(t.paragraph, None);
    }

    #[test]
    fn initials_and_abbreviations_do_not_end_a_sentence() {
        let prose = "Gen. Langley said U.S. troops in the region would stay for now. More later in a long paragraph that is surely not a headline at all, because it keeps going well past any headline length that a sensible editor would ever choose to print.";
        let t = title_of(&[prose]);
        assert_eq!(t.text, "Gen. Langley said U.S. troops in the region would stay for now.");
    }

    #[test]
    fn long_sentences_are_cut_at_a_word_with_an_ellipsis() {
        let cut = shorten("one two three four five six", 14);
        assert_eq!(cut, "one two three…");
        assert!(cut.chars().count() <= 14);
        assert_eq!(shorten("short", 14), "short");
        assert_eq!(shorten("Supercalifragilistic", 8), "Superca…");
    }

    #[test]
    fn code_is_never_the_title() {
        let code = Paragraph { kind: Kind::Code, ..Paragraph::plain("let x =\n  1;") };
        let t = find(&[code, Paragraph::plain("Opening words of the story.")], "file.txt", false);
        assert_eq!(t.text, "Opening words of the story.");
    }

    #[test]
    fn empty_article_falls_back_to_the_file_name() {
        assert_eq!(title_of(&[]).text, "file.txt");
    }
}
