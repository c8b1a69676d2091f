//! The furniture a short paragraph is by its own wording: phrases, prompts,
//! credits, labelled links and breadcrumb trails, each found in one pass.

#[allow(clippy::wildcard_imports)]
use super::*;

/// Code and gathered references are the author's, never the site's.
pub(super) fn can_be_furniture(paragraph: &Paragraph) -> bool {
    !matches!(paragraph.kind, Kind::Code | Kind::Reference)
}

/// Short enough to be furniture: `words` is the text's word count.
pub(super) fn is_short(text: &str, words: usize) -> bool {
    text.len() <= MAX_FURNITURE_BYTES && words <= MAX_FURNITURE_WORDS
}

/// The furniture a paragraph is by its own wording, if any.
pub(super) fn classify(text: &str, words: usize) -> Option<Furniture> {
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
pub(super) fn normalized_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).enumerate().flat_map(|(i, word)| {
        (i > 0).then_some(' ').into_iter().chain(word.chars().flat_map(char::to_lowercase))
    })
}

/// [`PHRASES`] as a map: most paragraphs are checked against all of them.
pub(super) static PHRASE_KINDS: LazyLock<HashMap<&str, Furniture>> =
    LazyLock::new(|| PHRASES.iter().copied().collect());

/// [`PROMPT_WORDS`] as one automaton, so a paragraph is read once for all
/// of them rather than once for each.
pub(super) static PROMPT_FINDER: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(PROMPT_WORDS).expect("a fixed list of short phrases always builds"));

/// The longest [`PHRASES`] entry, in letters and digits: a paragraph with
/// more cannot be one (lowercasing never makes fewer characters).
pub(super) static LONGEST_PHRASE: LazyLock<usize> = LazyLock::new(|| {
    PHRASES.iter().map(|(p, _)| p.chars().filter(|c| c.is_alphanumeric()).count()).max().unwrap_or(0)
});

/// The longest word of each [`PROMPT_WORDS`] entry, found in any case in
/// the raw text: a paragraph without one cannot hold the phrase.
pub(super) static PROMPT_KEYS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let keys = PROMPT_WORDS.iter().filter_map(|phrase| phrase.split(' ').max_by_key(|w| w.len()));
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(keys)
        .expect("a fixed list of short words always builds")
});

/// Whether any of [`PROMPT_WORDS`] occurs in `norm` as whole words.
pub(super) fn has_prompt_words(norm: &str) -> bool {
    PROMPT_FINDER.find_overlapping_iter(norm).any(|found| is_whole_words(norm, found.start(), found.end()))
}

/// Whether `norm[start..end]` starts and ends at word boundaries.
pub(super) fn is_whole_words(norm: &str, start: usize, end: usize) -> bool {
    let before = start == 0 || norm.as_bytes()[start - 1] == b' ';
    let after = end == norm.len() || norm.as_bytes()[end] == b' ';
    before && after
}

/// "22 Comments", "3 responses".
pub(super) fn is_comment_count(norm: &str) -> bool {
    let mut parts = norm.split(' ');
    let count = parts.next().is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()));
    let noun = parts.next().is_some_and(|w| matches!(w, "comment" | "comments" | "responses" | "replies"));
    count && noun && parts.next().is_none()
}

/// The link of a "Read Next: <headline>" paragraph, normalised.
pub(super) fn labelled_link(text: &str) -> Option<String> {
    let (label, link) = text.split_once(':')?;
    let label = normalize(label);
    let link = normalize(link);
    (RELATED_LABELS.contains(&label.as_str()) && !link.is_empty()).then_some(link)
}

pub(super) fn is_credit<'a>(text: &str, norm: impl Fn() -> &'a str) -> bool {
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

/// A breadcrumb trail on one line (`Home / World / Africa`). The memchr
/// pre-check is the hot path that BENCHMARKS.md's "Fifth session",
/// "Breadcrumb separators", measured.
pub(super) fn is_trail(text: &str) -> bool {
    // Every separator holds one of these bytes ('›' ends in 0xBA, '»' in
    // 0xBB); prose seldom does, and then no split is needed. memchr looks
    // for them many bytes at a time: a byte at a time, this check was a
    // hundredth of a cold load's work.
    let bytes = text.as_bytes();
    if memchr::memchr3(b'/', b'>', b'|', bytes).is_none() && memchr::memchr2(0xBA, 0xBB, bytes).is_none() {
        return false;
    }
    // Braces and brackets are a synopsis's grammar (`DISCARD { ALL | PLANS
    // }`, `[ ADD | SET | DROP ]`), never a trail's: SQL's manual pages
    // lost their synopsis to this rule (BENCHMARKS.md, "Issue 21").
    if memchr::memchr3(b'{', b'[', b']', bytes).is_some() {
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
pub(super) fn is_uncased_letter(c: char) -> bool {
    c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase()
}
