//! Reader-mode cleanup: finds the site furniture that scraped web text
//! carries (menus, share bars, newsletter and membership pitches, comment
//! threads, "Read Next" cards, link farms, image credits, bylines) and marks
//! those paragraphs. Nothing is deleted: the reader hides what is marked and
//! the raw view shows it all. The rules are the README's "Reader-mode
//! cleanup" section; each names the kind of furniture it finds.
//!
//! Every rule is linear in the text, and the line rules only look at short
//! paragraphs: a long paragraph is the reporting itself. The rules here go
//! by wording; `body` then finds the page around the article by the shape
//! of its lines. Neither ever takes a section heading for furniture.

mod body;
mod runs;
mod threads;
mod wording;

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::paragraph::{Furniture, Kind, Paragraph};
use super::text::count_words;
use runs::*;
use threads::*;
pub use wording::normalize;
use wording::*;

/// A paragraph longer than this many words is never furniture by its own
/// wording: prompts, buttons and credits are short.
const MAX_FURNITURE_WORDS: usize = 60;
/// ...and no paragraph longer than this many bytes is looked at word by word.
const MAX_FURNITURE_BYTES: usize = 1_000;

/// A comment section hides everything after it only when at least this many
/// words of the story come before it, so a "Leave a comment" link at the
/// top of a page cannot hide the whole article...
const MIN_WORDS_BEFORE_COMMENTS: usize = 100;
/// ...counting only paragraphs of at least this many words: a menu's
/// words are not a story's.
const MIN_STORY_PARAGRAPH_WORDS: usize = 12;
/// A thread that would take more than this share of an article's words
/// must have the shape of one: mostly short posts, and no section headings.
const LARGE_THREAD_SHARE: f32 = 0.25;

/// A membership or newsletter pitch is a box of a few short paragraphs, and
/// only some of them say "newsletter" or "become a member". Up to this many
/// paragraphs between two prompts belong to the same box...
const MAX_PROMPT_BOX_GAP: usize = 3;
/// ...when none of them is longer than this many words.
const MAX_PROMPT_BOX_WORDS: usize = 40;

/// A "Read Next" card repeats its target's headline this many paragraphs
/// before or after the "Read Next: …" line at most.
const LINK_CARD_REACH: usize = 2;

/// Whole paragraphs that are furniture, compared in [`normalize`]d form.
const PHRASES: &[(&str, Furniture)] = &[
    ("advertisement", Furniture::Navigation),
    ("back to top", Furniture::Navigation),
    ("breaking news", Furniture::Navigation),
    ("close", Furniture::Navigation),
    ("connect with us", Furniture::Navigation),
    ("follow us", Furniture::Navigation),
    ("hi what are you looking for", Furniture::Navigation),
    ("home", Furniture::Navigation),
    ("latest news", Furniture::Navigation),
    ("load more", Furniture::Navigation),
    ("log in", Furniture::Navigation),
    ("login", Furniture::Navigation),
    ("main menu", Furniture::Navigation),
    ("menu", Furniture::Navigation),
    ("open menu", Furniture::Navigation),
    ("search", Furniture::Navigation),
    ("sign in", Furniture::Navigation),
    ("sign up", Furniture::Navigation),
    ("skip to content", Furniture::Navigation),
    ("skip to main content", Furniture::Navigation),
    ("subscribe", Furniture::Navigation),
    ("toggle navigation", Furniture::Navigation),
    ("what are you looking for", Furniture::Navigation),
    ("copy link", Furniture::Share),
    ("email", Furniture::Share),
    ("facebook", Furniture::Share),
    ("linkedin", Furniture::Share),
    ("print", Furniture::Share),
    ("share", Furniture::Share),
    ("share on facebook", Furniture::Share),
    ("share on twitter", Furniture::Share),
    ("share this", Furniture::Share),
    ("share this article", Furniture::Share),
    ("share this post", Furniture::Share),
    ("share this story", Furniture::Share),
    ("share via email", Furniture::Share),
    ("tweet", Furniture::Share),
    ("twitter", Furniture::Share),
    ("whatsapp", Furniture::Share),
    ("add a comment", Furniture::Comments),
    ("click to comment", Furniture::Comments),
    ("inline feedbacks", Furniture::Comments),
    ("join the conversation", Furniture::Comments),
    ("leave a comment", Furniture::Comments),
    ("leave a reply", Furniture::Comments),
    ("leave a reply cancel reply", Furniture::Comments),
    ("post a comment", Furniture::Comments),
    ("notify of", Furniture::Comments),
    ("show comments", Furniture::Comments),
    ("view all comments", Furniture::Comments),
    ("also read", Furniture::Related),
    ("more from", Furniture::Related),
    ("more stories", Furniture::Related),
    ("most popular", Furniture::Related),
    ("most read", Furniture::Related),
    ("read more", Furniture::Related),
    ("read next", Furniture::Related),
    ("recommended", Furniture::Related),
    ("recommended for you", Furniture::Related),
    ("related", Furniture::Related),
    ("related articles", Furniture::Related),
    ("related posts", Furniture::Related),
    ("related stories", Furniture::Related),
    ("trending", Furniture::Related),
    ("trending now", Furniture::Related),
    ("you may also like", Furniture::Related),
    ("you might also like", Furniture::Related),
];

/// "Read Next: <headline>" and friends: a label, a colon, a link.
const RELATED_LABELS: &[&str] =
    &["also read", "read also", "read more", "read next", "recommended", "related", "you may also like"];

/// "Photo: …", "… (Credits: Yahoo)": a caption's credit.
const CREDIT_LABELS: &[&str] =
    &["credit", "credits", "image", "image credit", "photo", "photo credit", "photograph", "picture"];
/// "Photo by …" needs no colon.
const CREDIT_OPENINGS: &[&str] =
    &["image by", "image courtesy", "photo by", "photo courtesy", "photograph by"];
/// Credits are a caption's last line, never a paragraph of prose.
const MAX_CREDIT_WORDS: usize = 30;

/// "Author: Dave DeCamp", "By Jane Doe".
const BYLINE_OPENINGS: &[&str] = &["author", "by", "posted by", "words by", "written by"];
/// Names are a few words, each capitalised but for these.
const MAX_NAME_WORDS: usize = 5;
const NAME_PARTICLES: &[&str] =
    &["al", "and", "bin", "da", "de", "del", "der", "di", "la", "le", "van", "von"];

/// Wording only a pitch uses. Matched as whole words inside short paragraphs.
const PROMPT_WORDS: &[&str] = &[
    "become a member",
    "become a subscriber",
    "donate now",
    "follow her on",
    "follow him on",
    "follow me on",
    "follow them on",
    "follow us on",
    "in your inbox",
    "join our community",
    "join our mailing list",
    "join our newsletter",
    "make a donation",
    "our newsletter",
    "sign up for our",
    "sign up now",
    "subscribe now",
    "subscribe to our",
    "subscribe today",
    "support independent journalism",
    "support our journalism",
    "support our work",
    "to your inbox",
];

/// Breadcrumb trails: `Home / World / Africa`.
const TRAIL_SEPARATORS: &[&str] = &[" / ", " > ", " › ", " » ", " | "];
const MAX_TRAIL_SEGMENT_WORDS: usize = 4;

/// Marks the furniture in `paragraphs`: first each paragraph by its own
/// wording, then the blocks that only their neighbours give away. Returns
/// each paragraph's word count, which the rules needed anyway.
pub fn mark(paragraphs: &mut [Paragraph]) -> Vec<usize> {
    // Several rules weigh a paragraph by its words: counted once, here.
    let words: Vec<usize> = paragraphs.iter().map(|p| count_words(&p.text)).collect();
    let sections = section_names(paragraphs);
    for (paragraph, &count) in paragraphs.iter_mut().zip(&words).filter(|(p, _)| can_be_furniture(p)) {
        // A section heading is the author's, whatever it is called
        // ("COMMENTS" in bash(1), "## Related" in a README), and so is an
        // entry of the table of contents that names one; a heading opens
        // a comment thread only if a thread follows it (see
        // `mark_comment_thread`).
        let names_section = || !sections.is_empty() && sections.contains(&normalize(&paragraph.text));
        if matches!(paragraph.kind, Kind::Heading(_)) || names_section() {
            continue;
        }
        paragraph.furniture = paragraph.furniture.or_else(|| classify(&paragraph.text, count));
    }
    mark_breadcrumb_runs(paragraphs);
    mark_link_cards(paragraphs, &words);
    mark_teasers(paragraphs);
    mark_prompt_boxes(paragraphs, &words);
    mark_comment_thread(paragraphs, &words);
    words
}

/// The [`normalize`]d text of every section heading.
fn section_names(paragraphs: &[Paragraph]) -> Vec<String> {
    paragraphs.iter().filter(|p| matches!(p.kind, Kind::Heading(_))).map(|p| normalize(&p.text)).collect()
}

/// Marks the page around the article (menus, teaser lists, footers) by the
/// shape of its lines, once the title is known: see `body`.
pub fn mark_page(paragraphs: &mut [Paragraph], words: &[usize], title: Option<usize>) {
    body::mark(paragraphs, words, title);
}

/// Marks later copies of the headline: an image's alt text or a share card
/// repeats it, the reporting never does.
pub fn mark_repeated_title(paragraphs: &mut [Paragraph], title: &str, title_paragraph: usize) {
    let title = normalize(title);
    for paragraph in paragraphs.iter_mut().skip(title_paragraph + 1).filter(|p| can_be_furniture(p)) {
        // Compared as they are normalised: most differ at the first letter.
        let repeats = || normalized_chars(&paragraph.text).eq(title.chars());
        if paragraph.furniture.is_none()
            && repeats()
            && is_short(&paragraph.text, count_words(&paragraph.text))
        {
            paragraph.furniture = Some(Furniture::ImageCredit);
        }
    }
}

/// The name in a byline paragraph ("Author: Dave DeCamp" gives "Dave DeCamp").
pub fn byline_name(text: &str) -> Option<&str> {
    let text = text.trim();
    // Every opening starts with one of these letters, capitalised: a line
    // that starts "by ..." goes on a sentence wrapped above it.
    if !text.starts_with(['A', 'B', 'P', 'W']) {
        return None;
    }
    let lower = text.to_lowercase();
    let opening = BYLINE_OPENINGS.iter().find(|o| {
        lower.starts_with(*o) && lower[o.len()..].starts_with([' ', ':']) && lower.len() == text.len()
    })?;
    let name = text[opening.len()..].trim_start_matches([' ', ':']).trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitalised = |w: &&str| {
        w.chars().next().is_some_and(char::is_uppercase)
            || NAME_PARTICLES.contains(&w.to_lowercase().as_str())
    };
    let looks_like_name = (1..=MAX_NAME_WORDS).contains(&words.len())
        && words.iter().all(capitalised)
        && !name.ends_with(['.', '!', '?', ',']);
    looks_like_name.then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(lines: &[&str]) -> Vec<Option<Furniture>> {
        let mut paragraphs: Vec<Paragraph> = lines.iter().map(|l| Paragraph::plain(*l)).collect();
        mark(&mut paragraphs);
        paragraphs.iter().map(|p| p.furniture).collect()
    }

    fn story(words: usize) -> String {
        format!("{}ended.", "The reporting goes on here ".repeat(words / 5))
    }

    #[test]
    fn buttons_and_menus_are_known_by_their_words() {
        assert_eq!(
            marks(&["Share this article", "Connect with us", "Hi, what are you looking for?", "Tweet"]),
            [
                Some(Furniture::Share),
                Some(Furniture::Navigation),
                Some(Furniture::Navigation),
                Some(Furniture::Share)
            ]
        );
    }

    #[test]
    fn prose_that_mentions_a_keyword_is_not_furniture() {
        assert_eq!(marks(&["--login", "search.", "Print"]), [None, None, Some(Furniture::Share)]);
        let lines = [
            "The junta said it would share intelligence with Russia.",
            "Agents began to follow him through the market.",
            "Readers who subscribe to the agency's wire see it first.",
            "By the numbers",
            "Related reporting from Niamey shows the same thing, officials said.",
        ];
        assert_eq!(marks(&lines), [None; 5]);
    }

    #[test]
    fn labelled_links_and_their_cards() {
        let lines = [
            "Troops Leave Niger Base",
            "Read Next: Troops Leave Niger Base",
            "Earlier this month, officials met.",
        ];
        assert_eq!(marks(&lines), [Some(Furniture::Related), Some(Furniture::Related), None]);
    }

    #[test]
    fn credits_bylines_and_prompts() {
        assert_eq!(
            marks(&[
                "Protesters in Niamey (Credits: Reuters)",
                "Photo: AFP",
                "Author: Dave DeCamp",
                "By Jane van Doe",
                "Get the latest news directly to your inbox.",
                "Dave is an editor; follow him on Twitter @dave.",
            ]),
            [
                Some(Furniture::ImageCredit),
                Some(Furniture::ImageCredit),
                Some(Furniture::Byline),
                Some(Furniture::Byline),
                Some(Furniture::Prompt),
                Some(Furniture::Prompt),
            ]
        );
        assert_eq!(byline_name("Author: Dave DeCamp"), Some("Dave DeCamp"));
        assert_eq!(byline_name("By then it was over."), None);
    }

    #[test]
    fn a_comment_section_hides_the_thread_under_it_but_not_at_the_top() {
        let story = story(120);
        let lines = [story.as_str(), "3 Comments", "Great piece!", "I disagree entirely."];
        assert_eq!(
            marks(&lines),
            [None, Some(Furniture::Comments), Some(Furniture::Comments), Some(Furniture::Comments)]
        );
        let top = ["Leave a comment", story.as_str()];
        assert_eq!(marks(&top), [Some(Furniture::Comments), None], "nothing before it: not a thread");
    }

    #[test]
    fn a_pitch_box_takes_its_short_sentences_along() {
        let long = story(50);
        let lines = [
            "Become a member today.",
            "It is the perfect way to start your day.",
            "Support our journalism.",
            long.as_str(),
            "Sign up now.",
        ];
        assert_eq!(
            marks(&lines),
            [
                Some(Furniture::Prompt),
                Some(Furniture::Prompt),
                Some(Furniture::Prompt),
                None,
                Some(Furniture::Prompt)
            ]
        );
    }

    #[test]
    fn teasers_follow_their_header_and_breadcrumbs_their_home() {
        let lines = ["You May Also Like", "A star was born...", "Another story…", "Back to the reporting."];
        assert_eq!(
            marks(&lines),
            [Some(Furniture::Related), Some(Furniture::Related), Some(Furniture::Related), None]
        );
        let crumbs = ["1. Home", "2. West Africa", "3. Niger", "1. First point of the plan"];
        let nav = Some(Furniture::Navigation);
        assert_eq!(marks(&crumbs), [nav, nav, nav, None]);
        let trails = ["Home / World / Africa", "Home > World > Africa", "Home › World › Africa"];
        for trail in trails.into_iter().chain(["Home » World » Africa", "Home | World | Africa"]) {
            assert_eq!(marks(&[trail]), [nav], "{trail}");
        }
        assert_eq!(marks(&["Home, World and Africa"]), [None]);
        // A manual's synopsis of keywords is grammar, not a trail.
        let synopses =
            ["DISCARD { ALL | PLANS | SEQUENCES | TEMP }", "OPTIONS ( [ ADD | SET | DROP ] option )"];
        assert_eq!(marks(&synopses), [None, None]);
    }

    #[test]
    fn a_repeated_headline_is_an_image_caption() {
        let mut paragraphs: Vec<Paragraph> = ["Troops Stay In Niger", "Body.", "Troops Stay in Niger"]
            .iter()
            .map(|l| Paragraph::plain(*l))
            .collect();
        mark_repeated_title(&mut paragraphs, "Troops Stay In Niger", 0);
        let found: Vec<_> = paragraphs.iter().map(|p| p.furniture).collect();
        assert_eq!(found, [None, None, Some(Furniture::ImageCredit)]);
    }
}
