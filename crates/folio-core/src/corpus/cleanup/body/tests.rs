//! Tests of finding the story by the shape of its lines.

use super::*;

/// Which lines the whole cleanup hides as the page around the story.
fn page(lines: &[&str]) -> Vec<bool> {
    let mut paragraphs: Vec<Paragraph> = lines.iter().map(|l| Paragraph::plain(*l)).collect();
    let words = super::super::mark(&mut paragraphs);
    mark(&mut paragraphs, &words, None);
    paragraphs.iter().map(|p| p.furniture == Some(Furniture::Page)).collect()
}

const MENU: [&str; 9] =
    ["Home", "World", "Politics", "Business", "Sports", "Weather", "Opinion", "Video", "Share"];

const PROSE: &str = "The council voted on Tuesday to close the old bridge for repairs, and the work is \
                     expected to take most of the winter, according to the engineers who inspected it \
                     and who said that it should have been done years ago.";
const MORE: &str = "Engineers said the steel under the deck had rusted through in places, and that \
                    the closure could not wait for the spring as the council had first hoped it would, \
                    since a lorry could go through it at any time.";

#[test]
fn a_menu_before_the_story_and_teasers_after_it_are_the_page() {
    let mut lines = MENU.to_vec();
    lines.extend([PROSE, MORE, "Most Popular", "Bridge closes for winter", "Mayor opens new park"]);
    let got = page(&lines);
    // "Home" and "Share" are furniture by their wording already.
    let expected = [false, true, true, true, true, true, true, true, false, false, false, false, true, true];
    assert_eq!(got, expected);
}

#[test]
fn a_short_line_between_paragraphs_of_the_story_is_the_story() {
    let mut lines = MENU.to_vec();
    lines.extend([PROSE, "What happens next", MORE, "Terms of Use"]);
    let got = page(&lines);
    assert_eq!(&got[MENU.len()..], [false, false, false, true]);
    assert_eq!(got[1..MENU.len() - 1], [true; 7]);
}

#[test]
fn text_without_a_page_around_it_is_left_alone() {
    // The same shape, but no furniture by wording: a list of notes.
    let notes = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Later"];
    let mut lines = notes.to_vec();
    lines.extend([PROSE, MORE, "Next week"]);
    assert!(page(&lines).iter().all(|h| !h));
}

#[test]
fn hard_wrapped_text_is_a_document_not_a_page() {
    // One kind of furniture ("Home") and a run of short lines: a page,
    // were its prose not wrapped at a width.
    let mut lines = MENU[..MENU.len() - 1].to_vec();
    lines.extend(["Culture", "Travel"]);
    lines.extend([
        "The council voted on Tuesday to close the old bridge for",
        "repairs, and the work is expected to take most of the",
        "winter, according to the engineers who inspected it and",
        "who said that it should have been done years ago.",
        "OPTIONS",
    ]);
    assert!(page(&lines).iter().all(|h| !h));
}

#[test]
fn hiding_much_prose_takes_more_than_a_menu() {
    // Two stories of equal weight, each of two long paragraphs, split
    // by a long list: the heaviest run is one story, but hiding the
    // other would take half the words, most of them prose.
    let para = |topic: &str| {
        format!(
            "The {topic} committee met on Tuesday and agreed that the plan should go ahead in the \
             spring, although several members said that the money for it had not yet been found \
             and that the work could slip into the summer."
        )
    };
    let (a, b, c, d) = (para("roads"), para("schools"), para("parks"), para("housing"));
    let mut lines = MENU.to_vec();
    lines.extend([a.as_str(), b.as_str()]);
    let list = ["One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"];
    lines.extend(list.iter().chain(&list).chain(&list).chain(&list));
    lines.extend([c.as_str(), d.as_str()]);
    let got = page(&lines);
    assert!(got.iter().all(|h| !h), "nothing hidden: {got:?}");
}

#[test]
fn stop_words_are_counted_in_any_case() {
    assert_eq!(stop_words("The Bridge AND the river"), (3, 5));
    assert_eq!(stop_words("Это был мост"), (2, 3));
}
