//! Furniture that only a run of paragraphs shows: numbered breadcrumb
//! steps, link cards, teaser lists and prompt boxes.

#[allow(clippy::wildcard_imports)]
use super::*;

/// `1. Home`, `2. West Africa`, `3. Niger`: a numbered list that opens with
/// "Home" is a breadcrumb trail, each step its own paragraph.
pub(super) fn mark_breadcrumb_runs(paragraphs: &mut [Paragraph]) {
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

pub(super) fn numbered_step(text: &str) -> Option<&str> {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    (digits > 0).then(|| text[digits..].strip_prefix(". ")).flatten()
}

/// A "Read Next: X" line comes with a card that repeats X as a headline.
pub(super) fn mark_link_cards(paragraphs: &mut [Paragraph], words: &[usize]) {
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
pub(super) fn mark_teasers(paragraphs: &mut [Paragraph]) {
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
pub(super) fn mark_prompt_boxes(paragraphs: &mut [Paragraph], words: &[usize]) {
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
