//! Reader-mode cleanup: finds the site furniture that scraped web text
//! carries (menus, share bars, newsletter and membership pitches, comment
//! threads, "Read Next" cards, link farms, image credits, bylines) and marks
//! those paragraphs. Nothing is deleted: the reader hides what is marked and
//! the raw view shows it all. The rules are the README's "Reader-mode
//! cleanup" section; each names the kind of furniture it finds.
//!
//! Every rule is linear in the text, and the line rules only look at short
//! paragraphs: a long paragraph is the reporting itself. The rules here go
//! by wording; [`body`] then finds the page around the article by the shape
//! of its lines. Neither ever takes a section heading for furniture.

mod body;

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::paragraph::{Furniture, Kind, Paragraph};
use super::text::count_words;

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
/// shape of its lines, once the title is known: see [`body`].
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

/// Code and gathered references are the author's, never the site's.
fn can_be_furniture(paragraph: &Paragraph) -> bool {
    !matches!(paragraph.kind, Kind::Code | Kind::Reference)
}

/// Short enough to be furniture: `words` is the text's word count.
fn is_short(text: &str, words: usize) -> bool {
    text.len() <= MAX_FURNITURE_BYTES && words <= MAX_FURNITURE_WORDS
}

/// The furniture a paragraph is by its own wording, if any.
fn classify(text: &str, words: usize) -> Option<Furniture> {
    if !is_short(text, words) {
        return None;
    }
    // Most paragraphs are prose that every rule turns down; each rule first
    // asks a cheap question that its match needs, and only then is the
    // normalised text made (once).
    let norm = std::cell::OnceCell::new();
    let norm = || norm.get_or_init(|| normalize(text)).as_str();
    // Both stop reading as soon as the answer is no.
    let short_enough =
        text.chars().filter(|c| c.is_alphanumeric()).take(*LONGEST_PHRASE + 1).count() <= *LONGEST_PHRASE;
    let two_words =
        || text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(3).count() == 2;
    // A button or a menu item is a bare label: "--login" is an option in
    // a manual, and "search." the end of a sentence wrapped onto its line.
    let bare_label = || !text.starts_with('-') && !text.ends_with('.');
    if short_enough
        && bare_label()
        && let Some(kind) = PHRASE_KINDS.get(norm())
    {
        return Some(*kind);
    }
    if two_words() && is_comment_count(norm()) {
        Some(Furniture::Comments)
    } else if labelled_link(text).is_some() {
        Some(Furniture::Related)
    } else if words <= MAX_CREDIT_WORDS && is_credit(text, norm) {
        Some(Furniture::ImageCredit)
    } else if byline_name(text).is_some() {
        Some(Furniture::Byline)
    } else if PROMPT_KEYS.is_match(text) && has_prompt_words(norm()) {
        Some(Furniture::Prompt)
    } else if is_trail(text) {
        Some(Furniture::Navigation)
    } else {
        None
    }
}

/// Lower case, words of letters and digits only, one space between them:
/// "Hi, what are you looking for?" becomes "hi what are you looking for".
pub fn normalize(text: &str) -> String {
    normalized_chars(text).collect()
}

/// The characters of [`normalize`]`(text)`, made as they are read.
fn normalized_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).enumerate().flat_map(|(i, word)| {
        (i > 0).then_some(' ').into_iter().chain(word.chars().flat_map(char::to_lowercase))
    })
}

/// [`PHRASES`] as a map: most paragraphs are checked against all of them.
static PHRASE_KINDS: LazyLock<HashMap<&str, Furniture>> = LazyLock::new(|| PHRASES.iter().copied().collect());

/// [`PROMPT_WORDS`] as one automaton, so a paragraph is read once for all
/// of them rather than once for each.
static PROMPT_FINDER: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(PROMPT_WORDS).expect("a fixed list of short phrases always builds"));

/// The longest [`PHRASES`] entry, in letters and digits: a paragraph with
/// more cannot be one (lowercasing never makes fewer characters).
static LONGEST_PHRASE: LazyLock<usize> = LazyLock::new(|| {
    PHRASES.iter().map(|(p, _)| p.chars().filter(|c| c.is_alphanumeric()).count()).max().unwrap_or(0)
});

/// The longest word of each [`PROMPT_WORDS`] entry, found in any case in
/// the raw text: a paragraph without one cannot hold the phrase.
static PROMPT_KEYS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let keys = PROMPT_WORDS.iter().filter_map(|phrase| phrase.split(' ').max_by_key(|w| w.len()));
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(keys)
        .expect("a fixed list of short words always builds")
});

/// Whether any of [`PROMPT_WORDS`] occurs in `norm` as whole words.
fn has_prompt_words(norm: &str) -> bool {
    PROMPT_FINDER.find_overlapping_iter(norm).any(|found| is_whole_words(norm, found.start(), found.end()))
}

/// Whether `norm[start..end]` starts and ends at word boundaries.
fn is_whole_words(norm: &str, start: usize, end: usize) -> bool {
    let before = start == 0 || norm.as_bytes()[start - 1] == b' ';
    let after = end == norm.len() || norm.as_bytes()[end] == b' ';
    before && after
}

/// "22 Comments", "3 responses".
fn is_comment_count(norm: &str) -> bool {
    let mut parts = norm.split(' ');
    let count = parts.next().is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()));
    let noun = parts.next().is_some_and(|w| matches!(w, "comment" | "comments" | "responses" | "replies"));
    count && noun && parts.next().is_none()
}

/// The link of a "Read Next: <headline>" paragraph, normalised.
fn labelled_link(text: &str) -> Option<String> {
    let (label, link) = text.split_once(':')?;
    let label = normalize(label);
    let link = normalize(link);
    (RELATED_LABELS.contains(&label.as_str()) && !link.is_empty()).then_some(link)
}

fn is_credit<'a>(text: &str, norm: impl Fn() -> &'a str) -> bool {
    let labelled = |part: &str| {
        part.split_once(':').is_some_and(|(label, _)| CREDIT_LABELS.contains(&normalize(label).as_str()))
    };
    let trailing = text
        .trim_end()
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once('('))
        .is_some_and(|(_, inside)| labelled(inside));
    // Every opening starts with "i" or "p".
    let may_open = text.trim_start_matches(|c: char| !c.is_alphanumeric()).starts_with(['i', 'I', 'p', 'P']);
    labelled(text) || trailing || may_open && CREDIT_OPENINGS.iter().any(|o| norm().starts_with(o))
}

fn is_trail(text: &str) -> bool {
    // Every separator holds one of these bytes ('›' ends in 0xBA, '»' in
    // 0xBB); prose seldom does, and then no split is needed. memchr looks
    // for them many bytes at a time: a byte at a time, this check was a
    // hundredth of a cold load's work.
    let bytes = text.as_bytes();
    if memchr::memchr3(b'/', b'>', b'|', bytes).is_none() && memchr::memchr2(0xBA, 0xBB, bytes).is_none() {
        return false;
    }
    // Each step is a name ("World", "Africa"): a step in lower case or
    // opening with a digit or a sign is a table's cell, a shell pipeline or
    // a command's synopsis.
    let named = |s: &str| s.trim().chars().next().is_some_and(|c| c.is_uppercase() || is_uncased_letter(c));
    TRAIL_SEPARATORS.iter().any(|sep| {
        let segments: Vec<&str> = text.split(sep).collect();
        segments.len() >= 3
            && segments.iter().all(|s| (1..=MAX_TRAIL_SEGMENT_WORDS).contains(&count_words(s)) && named(s))
    })
}

/// A letter of a script without capitals (Chinese, Arabic, Hindi...).
fn is_uncased_letter(c: char) -> bool {
    c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase()
}

/// `1. Home`, `2. West Africa`, `3. Niger`: a numbered list that opens with
/// "Home" is a breadcrumb trail, each step its own paragraph.
fn mark_breadcrumb_runs(paragraphs: &mut [Paragraph]) {
    let mut in_run = false;
    for paragraph in paragraphs.iter_mut() {
        let step = numbered_step(&paragraph.text);
        in_run = match step {
            Some(rest) if normalize(rest) == "home" => true,
            Some(rest) => in_run && count_words(rest) <= MAX_TRAIL_SEGMENT_WORDS,
            None => false,
        };
        if in_run && paragraph.furniture.is_none() {
            paragraph.furniture = Some(Furniture::Navigation);
        }
    }
}

fn numbered_step(text: &str) -> Option<&str> {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    (digits > 0).then(|| text[digits..].strip_prefix(". ")).flatten()
}

/// A "Read Next: X" line comes with a card that repeats X as a headline.
fn mark_link_cards(paragraphs: &mut [Paragraph], words: &[usize]) {
    for i in 0..paragraphs.len() {
        if !is_short(&paragraphs[i].text, words[i]) {
            continue;
        }
        let Some(target) = labelled_link(&paragraphs[i].text) else { continue };
        let near = i.saturating_sub(LINK_CARD_REACH)..(i + LINK_CARD_REACH + 1).min(paragraphs.len());
        for j in near {
            let card = &mut paragraphs[j];
            if card.furniture.is_none() && is_short(&card.text, words[j]) && normalize(&card.text) == target {
                card.furniture = Some(Furniture::Related);
            }
        }
    }
}

/// Under "You May Also Like", each teaser ends in an ellipsis, cut off
/// mid-sentence; the list ends at the first paragraph that does not.
fn mark_teasers(paragraphs: &mut [Paragraph]) {
    let mut in_list = false;
    for paragraph in paragraphs.iter_mut() {
        let teaser = paragraph.text.trim_end().ends_with("...") || paragraph.text.trim_end().ends_with('…');
        if in_list && teaser && paragraph.furniture.is_none() {
            paragraph.furniture = Some(Furniture::Related);
        } else {
            in_list = paragraph.furniture == Some(Furniture::Related);
        }
    }
}

/// Fills the gaps of a pitch box: the short paragraphs between two prompts
/// ("DAWNS Digest has been the trusted morning read…") are the pitch too.
fn mark_prompt_boxes(paragraphs: &mut [Paragraph], words: &[usize]) {
    let prompts: Vec<usize> = paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.furniture == Some(Furniture::Prompt))
        .map(|(i, _)| i)
        .collect();
    for pair in prompts.windows(2) {
        let gap = pair[0] + 1..pair[1];
        let boxed = gap.len() <= MAX_PROMPT_BOX_GAP
            && paragraphs[gap.clone()]
                .iter()
                .zip(&words[gap.clone()])
                .all(|(p, &count)| can_be_furniture(p) && count <= MAX_PROMPT_BOX_WORDS);
        if boxed {
            for paragraph in &mut paragraphs[gap] {
                paragraph.furniture = paragraph.furniture.or(Some(Furniture::Prompt));
            }
        }
    }
}

/// Comments come last on a page: from the comment section's first line to
/// the end is the thread, whatever the commenters wrote. Only wording that
/// a thread alone uses opens one ("22 Comments", "Leave a reply"), and only
/// after a story; a thread that would take more than a quarter of the
/// words must look like one too, or only its opening line goes.
fn mark_comment_thread(paragraphs: &mut [Paragraph], words: &[usize]) {
    let mut story_words = 0;
    let mut start = None;
    for (i, paragraph) in paragraphs.iter().enumerate() {
        let opens =
            paragraph.furniture == Some(Furniture::Comments) && opens_thread(&paragraph.text, words[i]);
        if opens && story_words >= MIN_WORDS_BEFORE_COMMENTS {
            start = Some(i);
            break;
        }
        if paragraph.furniture.is_none() && words[i] >= MIN_STORY_PARAGRAPH_WORDS {
            story_words += words[i];
        }
    }
    let Some(start) = start.or_else(|| signed_posts(paragraphs, words)) else { return };
    let thread = start..paragraphs.len();
    let total: usize = paragraphs.iter().zip(words).filter(|(p, _)| p.is_prose()).map(|(_, w)| w).sum();
    let taken: usize = thread.clone().filter(|&i| paragraphs[i].furniture.is_none()).map(|i| words[i]).sum();
    let (posts, post_words) = (&paragraphs[start + 1..], &words[start + 1..]);
    // Sections after the opener are the document's, not posts.
    let sections = posts.iter().any(|p| matches!(p.kind, Kind::Heading(_)));
    if sections || taken as f32 > LARGE_THREAD_SHARE * total as f32 && !looks_like_thread(post_words) {
        return;
    }
    for paragraph in &mut paragraphs[thread] {
        if can_be_furniture(paragraph) {
            paragraph.furniture = paragraph.furniture.or(Some(Furniture::Comments));
        }
    }
}

/// Without an opener, a thread is known by its posts' signatures: at least
/// [`MIN_SIGNED_POSTS`] lines such as "Milan on September 12, 2018 at 4:47
/// pm said:" after a story. The thread starts at the first, or at the line
/// before it when that names the section ("Comments", "Responses").
fn signed_posts(paragraphs: &[Paragraph], words: &[usize]) -> Option<usize> {
    let mut story_words = 0;
    let mut first = None;
    let mut signed = 0;
    for (i, paragraph) in paragraphs.iter().enumerate() {
        if words[i] <= MAX_SIGNATURE_WORDS && is_signature(&paragraph.text) {
            if story_words >= MIN_WORDS_BEFORE_COMMENTS {
                first = first.or(Some(i));
                signed += 1;
            }
        } else if first.is_none() && paragraph.furniture.is_none() && words[i] >= MIN_STORY_PARAGRAPH_WORDS {
            story_words += words[i];
        }
    }
    let first = first.filter(|_| signed >= MIN_SIGNED_POSTS)?;
    let named = first.checked_sub(1).filter(|&before| {
        paragraphs[before].kind == Kind::Text
            && matches!(normalize(&paragraphs[before].text).as_str(), "comments" | "responses" | "replies")
    });
    Some(named.unwrap_or(first))
}

/// A post's signature is short...
const MAX_SIGNATURE_WORDS: usize = 15;
/// ...and a thread has a few.
const MIN_SIGNED_POSTS: usize = 2;

/// "Name on <date> at <time> said:", "Name says:": a dated line that ends
/// by introducing what its writer said.
fn is_signature(text: &str) -> bool {
    let text = text.trim_end();
    let lower = text.get(text.len().saturating_sub(6)..).unwrap_or_default().to_ascii_lowercase();
    let introduces = ["said:", "says:", "wrote:"].iter().any(|end| lower.ends_with(end));
    introduces && text.bytes().any(|b| b.is_ascii_digit())
}

/// Wording only a comment section uses: a count of comments, or a
/// comment widget's own phrase (the [`PHRASES`] of comments; a bare
/// "Comments" is a section heading as often as a thread's).
fn opens_thread(text: &str, words: usize) -> bool {
    if words > MAX_THREAD_OPENER_WORDS {
        return false;
    }
    let norm = normalize(text);
    is_comment_count(&norm) || PHRASE_KINDS.get(norm.as_str()) == Some(&Furniture::Comments)
}

/// "Leave a Reply Cancel reply" is the longest opener.
const MAX_THREAD_OPENER_WORDS: usize = 6;

/// Posts: mostly short paragraphs.
fn looks_like_thread(words: &[usize]) -> bool {
    let short = words.iter().filter(|&&w| w <= MAX_FURNITURE_WORDS).count();
    short * 4 >= words.len() * 3
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
