//! The comment thread at the end of a story, found by the wording that
//! opens one and the shape of signed posts after it.

#[allow(clippy::wildcard_imports)]
use super::*;

/// Comments come last on a page: from the comment section's first line to
/// the end is the thread, whatever the commenters wrote. Only wording that
/// a thread alone uses opens one ("22 Comments", "Leave a reply"), and only
/// after a story; a thread that would take more than a quarter of the
/// words must look like one too, or only its opening line goes.
pub(super) fn mark_comment_thread(paragraphs: &mut [Paragraph], words: &[usize]) {
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
pub(super) fn signed_posts(paragraphs: &[Paragraph], words: &[usize]) -> Option<usize> {
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
pub(super) const MAX_SIGNATURE_WORDS: usize = 15;
/// ...and a thread has a few.
pub(super) const MIN_SIGNED_POSTS: usize = 2;

/// "Name on <date> at <time> said:", "Name says:": a dated line that ends
/// by introducing what its writer said.
pub(super) fn is_signature(text: &str) -> bool {
    let text = text.trim_end();
    let lower = text.get(text.len().saturating_sub(6)..).unwrap_or_default().to_ascii_lowercase();
    let introduces = ["said:", "says:", "wrote:"].iter().any(|end| lower.ends_with(end));
    introduces && text.bytes().any(|b| b.is_ascii_digit())
}

/// Wording only a comment section uses: a count of comments, or a
/// comment widget's own phrase (the [`PHRASES`] of comments; a bare
/// "Comments" is a section heading as often as a thread's).
pub(super) fn opens_thread(text: &str, words: usize) -> bool {
    if words > MAX_THREAD_OPENER_WORDS {
        return false;
    }
    let norm = normalize(text);
    is_comment_count(&norm) || PHRASE_KINDS.get(norm.as_str()) == Some(&Furniture::Comments)
}

/// "Leave a Reply Cancel reply" is the longest opener.
pub(super) const MAX_THREAD_OPENER_WORDS: usize = 6;

/// Posts: mostly short paragraphs.
pub(super) fn looks_like_thread(words: &[usize]) -> bool {
    let short = words.iter().filter(|&&w| w <= MAX_FURNITURE_WORDS).count();
    short * 4 >= words.len() * 3
}
