//! The reading-state file as a user relies on it: what is saved comes back,
//! a corrupt file is moved aside and never stops folio, two folios do not
//! lose each other's updates, and a kill at any instant leaves a file that
//! parses.

use std::process::{Command, Stdio};
use std::time::Duration;

use folio::corpus::Article;
use folio::state::{ArticleState, ReadingState, StateProblem, Store};

fn article(source: &str, title: &str) -> Article {
    Article::from_text(0, source, &format!("{title}\n\nA body paragraph of the story."))
}

fn position(paragraph: usize) -> ArticleState {
    ArticleState { paragraph, offset: 7, read: true, bookmarked: true, ..Default::default() }
}

#[test]
fn what_is_saved_comes_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::new(dir.path().join("nested/folio"));
    let (empty, problem) = store.load();
    assert!(problem.is_none(), "no file yet is no problem");
    assert_eq!(empty, ReadingState::default());

    let a = article("a.txt", "The First Story Title");
    let mut state = ReadingState { last_query: "uranium".into(), ..Default::default() };
    state.set(&a, position(4));
    state.last_article = Some(folio::state::key(&a));
    store.save(&state).expect("saves");

    let (loaded, problem) = store.load();
    assert!(problem.is_none());
    let got = loaded.get(&a).expect("remembered");
    assert_eq!((got.paragraph, got.offset, got.read, got.bookmarked), (4, 7, true, true));
    assert_eq!(loaded.last_query, "uranium");
    assert_eq!(loaded.last_article, state.last_article);
}

#[test]
fn a_corrupt_file_is_moved_aside_with_a_notice() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::new(dir.path());
    std::fs::write(store.path(), "{ this is not json").expect("write");
    let (state, problem) = store.load();
    assert_eq!(state, ReadingState::default());
    let Some(StateProblem::Corrupt { moved_to, .. }) = problem else { panic!("expected a corrupt notice") };
    assert_eq!(std::fs::read_to_string(&moved_to).expect("kept"), "{ this is not json", "nothing is lost");
    assert!(!store.path().exists());
    let notice = StateProblem::Corrupt { reason: "x".into(), moved_to }.to_string();
    assert!(notice.contains("moved it to"), "{notice}");
}

#[test]
fn two_folios_saving_keep_each_others_updates() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::new(dir.path());
    let (a, b) = (article("a.txt", "The Alpha Story Title"), article("b.txt", "The Beta Story Title"));
    let mut first = ReadingState::default();
    first.set(&a, position(1));
    let mut second = ReadingState::default();
    second.set(&b, position(2));
    store.save(&first).expect("first saves");
    store.save(&second).expect("second saves");
    let (loaded, _) = store.load();
    assert_eq!(loaded.get(&a).map(|s| s.paragraph), Some(1), "the first folio's update survived");
    assert_eq!(loaded.get(&b).map(|s| s.paragraph), Some(2));
}

/// Run as a child by the test below (ignored otherwise): saves a growing
/// state as fast as it can until killed.
#[test]
#[ignore = "a child process of a_kill_at_any_moment_leaves_a_file_that_parses"]
fn child_that_saves_until_killed() {
    let Some(dir) = std::env::var_os("FOLIO_STATE_CHILD_DIR") else { return };
    let store = Store::new(dir);
    let mut state = ReadingState::default();
    for round in 0.. {
        let a = article(&format!("{round}.txt"), &format!("Story Number {round} Title"));
        state.set(&a, position(round));
        state.last_query = "x".repeat(round % 500);
        let _ = store.save(&state);
    }
}

#[test]
fn a_kill_at_any_moment_leaves_a_file_that_parses() {
    let dir = tempfile::tempdir().expect("temp dir");
    let exe = std::env::current_exe().expect("the test binary");
    for round in 0..40u64 {
        let mut child = Command::new(&exe)
            .args(["--exact", "child_that_saves_until_killed", "--ignored", "--nocapture"])
            .env("FOLIO_STATE_CHILD_DIR", dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("child starts");
        // A different moment each round, from a few to some tens of ms.
        std::thread::sleep(Duration::from_millis(3 + (round * 7919) % 60));
        child.kill().expect("kill");
        child.wait().expect("reaped");
        let store = Store::new(dir.path());
        if store.path().exists() {
            let text = std::fs::read_to_string(store.path()).expect("readable");
            serde_json::from_str::<ReadingState>(&text)
                .unwrap_or_else(|err| panic!("round {round}: torn state file: {err}"));
        }
    }
    assert!(Store::new(dir.path()).path().exists(), "the child got to save at least once");
}
