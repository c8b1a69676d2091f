//! Tests of the parent module.
use super::*;

#[test]
fn runs_of_white_space_collapse_and_styles_cover_their_words() {
    let mut b = Builder::default();
    b.start_paragraph();
    b.text("  Hello \n ");
    b.strong(true);
    b.text("bold");
    b.strong(false);
    b.text(" world  ");
    let paragraphs = b.finish();
    assert_eq!(paragraphs.len(), 1);
    let p = &paragraphs[0];
    assert_eq!(p.text, "Hello bold world");
    assert_eq!(p.spans.len(), 1);
    assert_eq!(&p.text[p.spans[0].range.clone()], "bold");
}

#[test]
fn links_are_numbered_once_and_listed_at_the_end() {
    let mut b = Builder::default();
    b.start_link("https://a.example");
    b.text("first");
    b.end_link();
    b.text(" and ");
    b.start_link("https://a.example");
    b.text("again");
    b.end_link();
    b.start_link("#top");
    b.text(" local");
    b.end_link();
    let texts: Vec<String> = b.finish().into_iter().map(|p| p.text).collect();
    assert_eq!(texts, ["first[1] and again[1] local", "Links", "[1] https://a.example"]);
}

/// Numbering looked each address up in the list of those before it:
/// 200,000 links took 30 s. Quadratic, this test would take minutes.
#[test]
fn many_links_are_numbered_in_linear_time() {
    let mut b = Builder::default();
    b.start_paragraph();
    for i in 0..200_000 {
        b.start_link(&format!("https://example.org/{}", i % 150_000));
        b.text("x");
        b.end_link();
    }
    let paragraphs = b.finish();
    assert_eq!(paragraphs.len(), 2 + 150_000, "the text, \"Links\" and one line per address");
    assert!(paragraphs[0].text.ends_with("x[50000]"), "a repeated address keeps its number");
    assert_eq!(paragraphs[150_001].text, "[150000] https://example.org/149999");
}

#[test]
fn list_items_carry_their_marker_and_depth() {
    let mut b = Builder::default();
    b.start_list(Some(3));
    b.start_item();
    b.text("three");
    b.start_list(None);
    b.start_item();
    b.text("inner");
    b.end_item();
    b.end_list();
    b.end_item();
    b.start_item();
    b.text("four");
    b.end_item();
    b.end_list();
    let kinds: Vec<Kind> = b.finish().into_iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [
            Kind::ListItem { depth: 0, marker: "3.".into() },
            Kind::ListItem { depth: 1, marker: "•".into() },
            Kind::ListItem { depth: 0, marker: "4.".into() },
        ]
    );
}
