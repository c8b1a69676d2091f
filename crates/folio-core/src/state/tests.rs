//! Tests of reading state: keys old and new, moves, merges, older files.

use super::*;

fn article(source: &str, text: &str) -> Article {
    Article::from_text(0, source, text)
}

#[test]
fn the_state_folder_follows_xdg() {
    assert_eq!(default_dir(Some("/s"), Some("/home/u")), Some(PathBuf::from("/s/folio")));
    assert_eq!(default_dir(None, Some("/home/u")), Some(PathBuf::from("/home/u/.local/state/folio")));
    assert_eq!(default_dir(Some("relative"), Some("/h")), Some(PathBuf::from("/h/.local/state/folio")));
    assert_eq!(default_dir(None, None), None);
}

#[test]
fn a_moved_file_keeps_its_state_and_copies_stay_apart() {
    let mut state = ReadingState::default();
    let a = article("old/a.txt", "Same Story Title Here\n\nBody.");
    state.set(&a, ArticleState { paragraph: 3, ..Default::default() });
    let moved = article("new/a.txt", "Same Story Title Here\n\nBody.");
    assert_eq!(state.get(&moved).map(|s| s.paragraph), Some(3));
    let other = article("x.txt", "Different Story Title\n\nBody.");
    assert!(state.get(&other).is_none());
}

/// What folio saved before state version 2: keys of the FNV-1a
/// fingerprint, as that folio wrote them.
fn saved_by_version_1(article: &Article, state: ArticleState) -> ReadingState {
    let hash =
        crate::fsutil::fnv1a(article.text().paragraphs.iter().flat_map(|p| p.text.bytes().chain([b'\n'])));
    let mut saved = ReadingState { version: 1, ..ReadingState::default() };
    saved.articles.insert(
        format!("{hash:016x} {}", article.source),
        ArticleState { path: article.source.clone(), ..state },
    );
    saved.last_article = Some(format!("{hash:016x} {}", article.source));
    saved
}

#[test]
fn what_an_older_folio_saved_is_found_for_the_same_file_and_text() {
    let a = article("a.txt", "Same Story Title Here\n\nBody.");
    let mut saved = saved_by_version_1(&a, ArticleState { paragraph: 3, read: true, ..Default::default() });
    assert!(saved.get(&a).is_none(), "today's key is another");
    assert_eq!(saved.legacy_paths(), HashSet::from(["a.txt".to_owned()]));
    assert!(names(saved.last_article.as_deref().unwrap_or_default(), &a));
    let adopted = saved.adopt_legacy(&a).map(|s| (s.paragraph, s.read));
    assert_eq!(adopted, Some((3, true)));
    assert_eq!(saved.get(&a).map(|s| s.paragraph), Some(3), "now under today's key too");
    assert_eq!(saved.articles.len(), 2, "the old entry stays, for the older folio");

    let edited = article("a.txt", "Same Story Title Here\n\nBody, edited.");
    let mut saved = saved_by_version_1(&a, ArticleState { paragraph: 3, ..Default::default() });
    assert!(saved.adopt_legacy(&edited).is_none(), "another text at the same path");
    assert!(!names(saved.last_article.as_deref().unwrap_or_default(), &edited));
    let elsewhere = article("b/a.txt", "Same Story Title Here\n\nBody.");
    assert!(!names(saved.last_article.as_deref().unwrap_or_default(), &elsewhere));
}

#[test]
fn keys_are_of_the_fingerprint_that_never_changes() {
    // Keys are kept on disk: the fingerprint of a text must be the same
    // in every version of folio. These are the values version 2 wrote.
    let a = article("a.txt", "Same Story Title Here\n\nBody.");
    assert_eq!(key(&a), format!("2:{:016x} a.txt", a.fingerprint));
    let paragraphs =
        |texts: &[&str]| texts.iter().map(|t| crate::corpus::Paragraph::plain(*t)).collect::<Vec<_>>();
    let fingerprint = |texts: &[&str]| crate::corpus::fingerprint(&paragraphs(texts));
    assert_eq!(fingerprint(&[]), FINGERPRINT_OF_NOTHING);
    assert_eq!(fingerprint(&["Héadline — 日本語", "A body of more than eight bytes."]), FINGERPRINT_OF_TWO);
    // Where paragraphs end is part of the text.
    assert_ne!(fingerprint(&["ab", "c"]), fingerprint(&["a", "bc"]));
    assert_ne!(fingerprint(&["a"]), fingerprint(&["a\0"]), "padding is not text");
}

const FINGERPRINT_OF_NOTHING: u64 = 0xcbf2_9ce4_8422_2325;
const FINGERPRINT_OF_TWO: u64 = 0xedcd_0b10_7c9e_51b4;

#[test]
fn a_file_without_the_newer_fields_loads_and_unknown_fields_are_passed_over() {
    // As folio wrote version 2 before it kept a query history or sort.
    let older = r#"{"version": 2, "articles": {}, "last_query": "uranium", "last_article": null}"#;
    let state: ReadingState = serde_json::from_str(older).expect("an older file loads");
    assert_eq!(state.last_query, "uranium");
    assert!(state.query_history.is_empty());
    assert_eq!(state.sort, None);
    let newer = r#"{"version": 2, "query_history": ["niger"], "sort": "date", "pinned": [1, 2]}"#;
    let state: ReadingState = serde_json::from_str(newer).expect("a field not known is passed over");
    assert_eq!((state.query_history, state.sort), (vec!["niger".to_owned()], Some("date".to_owned())));
}

#[test]
fn a_merge_keeps_the_newer_entry_and_both_sides_entries() {
    let (a, b) = (article("a.txt", "Alpha Story Title Here"), article("b.txt", "Beta Story Title Here"));
    let mut ours = ReadingState::default();
    ours.set(&a, ArticleState { paragraph: 1, ..Default::default() });
    let mut theirs = ReadingState::default();
    theirs.set(&b, ArticleState { paragraph: 2, ..Default::default() });
    let mut newer = ArticleState { paragraph: 9, ..Default::default() };
    newer.changed = u64::MAX;
    newer.path = "a.txt".into();
    theirs.articles.insert(key(&a), newer);
    let merged = ours.merged_with(theirs);
    assert_eq!(merged.get(&a).map(|s| s.paragraph), Some(9));
    assert_eq!(merged.get(&b).map(|s| s.paragraph), Some(2));
}
