//! Finds the article in scraped text by the shape of its lines rather than
//! by known phrases: the largest dense region of prose is the story, and
//! what lies outside it (menus, teaser lists, link farms, footers) is the
//! page around it. Inside the region, short lines are judged by their
//! neighbours, as jusText judges short HTML blocks: a short line between
//! two paragraphs of prose is the story's, one among menu lines is not.
//!
//! Each paragraph is first classed on its own, by length, whether it ends
//! a sentence, and how many of its words are function words (stop words:
//! grammatical text has many, menus and headline lists few). Those classes
//! weigh the paragraphs, and the run of paragraphs with the greatest total
//! weight is the main text. The figures are in BENCHMARKS.md, "Issue 21:
//! extraction".

mod stop_words;
#[cfg(test)]
mod tests;

use rustc_hash::{FxHashMap, FxHashSet};

use super::super::paragraph::{Furniture, Kind, Paragraph};
use stop_words::{page_stop_share, stop_words};

/// Shorter than this many characters, a paragraph is too short to judge on
/// its own (jusText's 70).
const SHORT_CHARS: usize = 70;
/// At least this many characters of grammatical text is a paragraph of
/// prose (jusText's 200).
const LONG_CHARS: usize = 200;

/// A paragraph whose share of stop words is at least this share of the
/// page's is grammatical...
const PROSE_STOP_SHARE: f32 = 0.8;
/// ...on a page whose text has at least this share of stop words. Below
/// it, the page is in a language the list does not know (Korean, Arabic),
/// and sentence punctuation alone tells prose.
const KNOWN_LANGUAGE_STOP_SHARE: f32 = 0.12;
/// What a paragraph's own words are worth to the region: prose its words,
/// a paragraph that may be prose this share of them...
const NEAR_PROSE_WEIGHT: f32 = 0.5;
/// ...and a short line costs as much as this many words of prose.
const SHORT_LINE_COST: f32 = 2.0;
/// Furniture costs its words, and at least this many.
const MIN_FURNITURE_COST: f32 = 2.0;

/// A short line that ends a sentence and has at least this many words may
/// be the story's.
const MIN_SENTENCE_WORDS: usize = 6;

/// A paragraph that repeats elsewhere on the page with at least this many
/// words is a teaser or a menu shown twice, or the whole story again in one
/// line (a page's summary data), never the reporting as read.
const MIN_REPEATED_WORDS: usize = 3;

/// Hiding more than this share of an article's words takes strong
/// evidence: the page around the article must look like a page.
const LARGE_HIDE_SHARE: f32 = 0.25;
/// The evidence: the hidden text is mostly short lines and furniture, not
/// prose. At most this share of the hidden words may be prose...
const MAX_HIDDEN_PROSE_SHARE: f32 = 0.5;

/// The page pass runs only on text that shows a web page's furniture: by
/// wording, at least this many kinds of it (a menu item and a share
/// button, say)...
const MIN_FURNITURE_KINDS: usize = 2;
/// ...or some furniture by wording and a menu: a run of at least this many
/// short lines that are no sentences...
const MIN_MENU_RUN: usize = 8;
/// ...of at most this many words each...
const MAX_MENU_ITEM_WORDS: usize = 6;
/// ...in text that is not hard-wrapped: a document wrapped at a width (a
/// man page, a plain-text README) has lines that end mid-sentence and go
/// on in lower case on the next, and more than this many such breaks.
const MAX_WRAPPED_BREAKS: usize = 2;
/// A line that long which ends mid-sentence was wrapped.
const MIN_WRAPPED_CHARS: usize = 40;

/// How a paragraph reads on its own, before its neighbours are weighed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Long grammatical text: the story's, or a long piece of the page's.
    Prose,
    /// Medium length and a sentence, or grammatical but short.
    NearProse,
    /// Too short to tell: a heading, a menu item, a date, a caption.
    Short,
    /// Furniture by its wording, a repeat, a copyright line.
    Furniture,
}

/// Marks the paragraphs of the page around the article, and the short
/// lines inside it that only their neighbours give away. `words` holds
/// each paragraph's word count; `title` is never hidden.
pub(super) fn mark(paragraphs: &mut [Paragraph], words: &[usize], title: Option<usize>) {
    if paragraphs.len() < 3 || !looks_like_a_page(paragraphs, words) {
        return;
    }
    // Only a paragraph long enough to judge is read for its stop words.
    let judged = |p: &Paragraph| p.kind != Kind::Code && p.text.len() >= SHORT_CHARS;
    let stops: Vec<(usize, usize)> =
        paragraphs.iter().map(|p| if judged(p) { stop_words(&p.text) } else { (0, 0) }).collect();
    let page_share = page_stop_share(paragraphs, &stops);
    let repeated = repeated(paragraphs, words);
    let mut classes: Vec<Class> = (0..paragraphs.len())
        .map(|i| classify(&paragraphs[i], words[i], stops[i], page_share, repeated.contains(&i)))
        .collect();
    keep_standfirst(&mut classes, title);
    let weights: Vec<f32> = classes.iter().zip(words).map(|(&c, &w)| weight(c, w)).collect();
    let Some(region) = heaviest_run(&weights) else { return };
    let context = in_context(&classes);
    let hide: Vec<bool> = (0..paragraphs.len())
        .map(|i| {
            let keep = region.contains(&i)
                && classes[i] != Class::Furniture
                && (context[i] == Class::Prose || matches!(classes[i], Class::Prose | Class::NearProse));
            !keep && Some(i) != title && can_hide(&paragraphs[i])
        })
        .collect();
    if !enough_evidence(paragraphs, words, &classes, &hide) {
        return;
    }
    for (paragraph, _) in paragraphs.iter_mut().zip(&hide).filter(|(_, h)| **h) {
        paragraph.furniture = Some(Furniture::Page);
    }
}

/// Whether the text carries a web page's furniture, so that its shape can
/// be read as a page's: documents (man pages, READMEs, notes) never do,
/// and their short lines are headings, options and wrapped sentences.
fn looks_like_a_page(paragraphs: &[Paragraph], words: &[usize]) -> bool {
    let mut kinds: Vec<Furniture> = paragraphs.iter().filter_map(|p| p.furniture).collect();
    let furniture = kinds.len();
    kinds.sort_by_key(|k| k.describe());
    kinds.dedup();
    if kinds.len() >= MIN_FURNITURE_KINDS {
        return true;
    }
    let text = |p: &Paragraph| p.kind == Kind::Text && p.furniture.is_none();
    let wrapped_breaks = paragraphs
        .windows(2)
        .filter(|pair| {
            let (line, next) = (&pair[0], &pair[1]);
            text(line)
                && text(next)
                && line.text.len() >= MIN_WRAPPED_CHARS
                && !ends_sentence(&line.text)
                && next.text.chars().next().is_some_and(char::is_lowercase)
        })
        .count();
    let mut run = 0;
    let mut longest_run = 0;
    for (paragraph, &count) in paragraphs.iter().zip(words) {
        let menu_item = text(paragraph)
            && count <= MAX_MENU_ITEM_WORDS
            && paragraph.text.len() < SHORT_CHARS
            && !ends_sentence(&paragraph.text);
        run = if menu_item { run + 1 } else { 0 };
        longest_run = longest_run.max(run);
    }
    furniture > 0 && longest_run >= MIN_MENU_RUN && wrapped_breaks <= MAX_WRAPPED_BREAKS
}

/// The line between the headline and the story's first paragraph is its
/// standfirst ("Officials say talks go on"), however short.
fn keep_standfirst(classes: &mut [Class], title: Option<usize>) {
    let Some(title) = title else { return };
    let prose_next = classes.get(title + 2).is_some_and(|&c| matches!(c, Class::Prose | Class::NearProse));
    if let Some(line) = classes.get_mut(title + 1).filter(|c| **c == Class::Short)
        && prose_next
    {
        *line = Class::NearProse;
    }
}

/// Only running text is judged by its shape: a heading, a list item, a
/// quote or code is the author's structure, whatever its length.
fn can_hide(paragraph: &Paragraph) -> bool {
    paragraph.kind == Kind::Text && paragraph.furniture.is_none()
}

fn classify(
    paragraph: &Paragraph,
    words: usize,
    (stops, sampled): (usize, usize),
    page_share: f32,
    repeated: bool,
) -> Class {
    match paragraph.kind {
        Kind::Reference => return Class::Short,
        Kind::Code => return Class::NearProse,
        Kind::Heading(_) => return Class::Short,
        _ => {}
    }
    let text = paragraph.text.as_str();
    if paragraph.furniture.is_some() || repeated || is_copyright(text, words) {
        return Class::Furniture;
    }
    let chars = text.chars().take(LONG_CHARS).count();
    let sentence = ends_sentence(text);
    if chars < SHORT_CHARS {
        // A short sentence may close a story ("Police are still looking
        // for him."); a menu item or a headline is no sentence.
        let short_sentence = sentence && words >= MIN_SENTENCE_WORDS;
        return if short_sentence { Class::NearProse } else { Class::Short };
    }
    let long = chars >= LONG_CHARS;
    let grammatical = page_share >= KNOWN_LANGUAGE_STOP_SHARE
        && sampled > 0
        && stops as f32 / sampled as f32 >= PROSE_STOP_SHARE * page_share;
    match (sentence, grammatical, long) {
        (true, true, true) => Class::Prose,
        (true, _, true) if page_share < KNOWN_LANGUAGE_STOP_SHARE => Class::Prose,
        (true, _, _) => Class::NearProse,
        // A long grammatical text that ends without a full stop may be a
        // paragraph cut short; a shorter one is a teaser or a headline.
        (false, true, true) => Class::NearProse,
        (false, _, _) => Class::Short,
    }
}

fn weight(class: Class, words: usize) -> f32 {
    let words = words as f32;
    match class {
        Class::Prose => words,
        Class::NearProse => NEAR_PROSE_WEIGHT * words,
        Class::Short => -SHORT_LINE_COST,
        Class::Furniture => -words.max(MIN_FURNITURE_COST),
    }
}

/// The run of paragraphs whose weights add up to the most (Kadane's
/// maximum subarray), if any adds up to more than nothing.
fn heaviest_run(weights: &[f32]) -> Option<std::ops::RangeInclusive<usize>> {
    let (mut best, mut best_run) = (0.0, None);
    let (mut sum, mut start) = (0.0, 0);
    for (i, &w) in weights.iter().enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += w;
        if sum > best {
            best = sum;
            best_run = Some(start..=i);
        }
    }
    best_run
}

/// Each short or near-prose paragraph takes a class from the nearest
/// paragraphs that are sure (prose or furniture) on either side, the page's
/// edges counting as furniture: between prose, prose; between furniture,
/// furniture; between one and the other, the near-prose paragraph nearest
/// the furniture is the border, and short lines alone go with the furniture.
fn in_context(classes: &[Class]) -> Vec<Class> {
    let sure = |c: Class| matches!(c, Class::Prose | Class::Furniture);
    let mut out = classes.to_vec();
    let mut i = 0;
    while i < classes.len() {
        if sure(classes[i]) {
            i += 1;
            continue;
        }
        let end = (i..classes.len()).find(|&j| sure(classes[j])).unwrap_or(classes.len());
        let before = if i == 0 { Class::Furniture } else { classes[i - 1] };
        let after = classes.get(end).copied().unwrap_or(Class::Furniture);
        let near: Vec<usize> = (i..end).filter(|&j| classes[j] == Class::NearProse).collect();
        for (j, class) in out.iter_mut().enumerate().take(end).skip(i) {
            *class = match (before, after) {
                (Class::Prose, Class::Prose) => Class::Prose,
                (Class::Prose, _) if near.last().is_some_and(|&last| j <= last) => Class::Prose,
                (_, Class::Prose) if near.first().is_some_and(|&first| j >= first) => Class::Prose,
                _ => Class::Furniture,
            };
        }
        i = end;
    }
    out
}

/// Whether hiding what `hide` says is backed well enough: a small share of
/// the words always is; more than [`LARGE_HIDE_SHARE`] only when most of
/// what goes is short lines and furniture rather than prose. A man page or
/// a README, all prose and headings, never qualifies.
fn enough_evidence(paragraphs: &[Paragraph], words: &[usize], classes: &[Class], hide: &[bool]) -> bool {
    let total: usize = paragraphs.iter().zip(words).filter(|(p, _)| p.is_prose()).map(|(_, w)| w).sum();
    let hidden: Vec<usize> = (0..paragraphs.len()).filter(|&i| hide[i]).collect();
    let hidden_words: usize = hidden.iter().map(|&i| words[i]).sum();
    if (hidden_words as f32) <= LARGE_HIDE_SHARE * total as f32 {
        return true;
    }
    let hidden_prose: usize = hidden.iter().filter(|&&i| classes[i] == Class::Prose).map(|&i| words[i]).sum();
    (hidden_prose as f32) <= MAX_HIDDEN_PROSE_SHARE * hidden_words as f32
}

/// The paragraphs whose text occurs more than once on the page.
fn repeated(paragraphs: &[Paragraph], words: &[usize]) -> FxHashSet<usize> {
    let candidates = || {
        paragraphs.iter().enumerate().filter(|(i, p)| p.kind == Kind::Text && words[*i] >= MIN_REPEATED_WORDS)
    };
    let mut seen: FxHashMap<&str, usize> = FxHashMap::default();
    for (_, p) in candidates() {
        *seen.entry(p.text.as_str()).or_default() += 1;
    }
    candidates().filter(|(_, p)| seen.get(p.text.as_str()).is_some_and(|&n| n > 1)).map(|(i, _)| i).collect()
}

/// "© 2019 Hearst Communications", "Copyright 2024 The Times": a short
/// line naming the rights holder.
fn is_copyright(text: &str, words: usize) -> bool {
    const MAX_COPYRIGHT_WORDS: usize = 20;
    words <= MAX_COPYRIGHT_WORDS
        && (text.contains('©') || text.get(..9).is_some_and(|s| s.eq_ignore_ascii_case("copyright")))
}

/// Ends with a full stop, a question or exclamation mark, an ellipsis or a
/// colon, perhaps inside closing quotes or brackets.
fn ends_sentence(text: &str) -> bool {
    let bare = text.trim_end().trim_end_matches(['"', '”', '’', '\'', '»', ')', ']']);
    bare.ends_with(['.', '!', '?', '…', ':', '。', '！', '？'])
}
