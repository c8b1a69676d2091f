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

/// Two saves at the same instant, each with an entry the other lacks: both
/// entries are on disk afterwards, round after round.
#[test]
fn two_saves_at_once_never_lose_an_entry() {
    let dir = tempfile::tempdir().expect("temp dir");
    for round in 0..200 {
        let store = Store::new(dir.path());
        let barrier = std::sync::Barrier::new(2);
        let (a, b) =
            (article(&format!("a{round}.txt"), "Alpha Title"), article(&format!("b{round}.txt"), "Beta"));
        std::thread::scope(|scope| {
            for mine in [&a, &b] {
                let (store, barrier) = (&store, &barrier);
                scope.spawn(move || {
                    // Each folio loaded the file before the other saved.
                    let (mut state, _) = store.load();
                    state.set(mine, position(round));
                    barrier.wait();
                    store.save(&state).expect("saves");
                });
            }
        });
        let (loaded, _) = store.load();
        assert!(loaded.get(&a).is_some() && loaded.get(&b).is_some(), "round {round}: an entry was lost");
    }
}

/// Run as a child by the test below (ignored otherwise): loads the state,
/// adds one entry, waits for the go file, and saves, as a folio quitting.
#[test]
#[ignore = "a child process of two_folios_saving_at_once_never_lose_an_entry"]
fn child_that_saves_one_entry_on_cue() {
    let (Some(dir), Some(name)) =
        (std::env::var_os("FOLIO_STATE_CHILD_DIR"), std::env::var("FOLIO_ENTRY").ok())
    else {
        return;
    };
    let store = Store::new(&dir);
    let (mut state, _) = store.load();
    state.set(&article(&name, "A Child's Story"), position(1));
    let go = std::path::Path::new(&dir).join("go");
    while !go.exists() {
        std::hint::spin_loop();
    }
    store.save(&state).expect("saves");
}

#[test]
fn two_folios_saving_at_once_never_lose_an_entry() {
    let dir = tempfile::tempdir().expect("temp dir");
    let exe = std::env::current_exe().expect("the test binary");
    let go = dir.path().join("go");
    for round in 0..100 {
        let _ = std::fs::remove_file(&go);
        let children: Vec<_> = ["a", "b"]
            .iter()
            .map(|side| {
                Command::new(&exe)
                    .args(["--exact", "child_that_saves_one_entry_on_cue", "--ignored", "--nocapture"])
                    .env("FOLIO_STATE_CHILD_DIR", dir.path())
                    .env("FOLIO_ENTRY", format!("{side}{round}.txt"))
                    .stdout(Stdio::null())
                    .spawn()
                    .expect("child starts")
            })
            .collect();
        // Both have loaded by now, most rounds; the go file starts both saves.
        std::thread::sleep(Duration::from_millis(30));
        std::fs::write(&go, "").expect("go");
        for mut child in children {
            assert!(child.wait().expect("reaped").success(), "round {round}: a save failed");
        }
        let (loaded, _) = Store::new(dir.path()).load();
        for side in ["a", "b"] {
            let name = format!("{side}{round}.txt");
            assert!(
                loaded.get(&article(&name, "A Child's Story")).is_some(),
                "round {round}: {name} was lost"
            );
        }
    }
}

#[test]
fn a_newer_folios_file_is_neither_read_nor_rewritten() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::new(dir.path());
    let newer = r#"{"version": 99, "articles": {"99:x": {"future": true}}, "shelves": ["kept"]}"#;
    std::fs::write(store.path(), newer).expect("write");
    let (state, problem) = store.load();
    assert_eq!(state, ReadingState::default());
    let problem = problem.expect("said");
    assert!(matches!(problem, StateProblem::Newer { version: 99, .. }), "{problem:?}");
    assert!(problem.to_string().contains("newer folio (version 99"), "{problem}");
    let mut mine = ReadingState::default();
    mine.set(&article("a.txt", "The Alpha Story Title"), position(1));
    assert!(matches!(store.save(&mine), Err(StateProblem::Newer { version: 99, .. })));
    assert_eq!(std::fs::read_to_string(store.path()).expect("read"), newer, "left exactly as it was");
}

#[test]
fn a_save_that_cannot_be_written_says_why_and_leaves_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A file where the folder should be: root can write anywhere else.
    std::fs::write(dir.path().join("blocked"), "").expect("write");
    let store = Store::new(dir.path().join("blocked/folio"));
    let mut state = ReadingState::default();
    state.set(&article("a.txt", "The Alpha Story Title"), position(1));
    let err = store.save(&state).expect_err("nowhere to save");
    assert!(err.to_string().contains("cannot create the folder of reading state"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_fifo_in_place_of_the_state_file_does_not_block() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::new(dir.path());
    assert!(Command::new("mkfifo").arg(store.path()).status().expect("mkfifo").success());
    let (state, problem) = store.load();
    assert_eq!(state, ReadingState::default());
    assert!(problem.expect("said").to_string().contains("not a regular file"));
}

#[test]
fn old_temporary_files_of_killed_saves_are_removed_and_new_ones_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::new(dir.path());
    let old = dir.path().join(".state.json.4242.0.tmp");
    let young = dir.path().join(".state.json.4243.0.tmp");
    for path in [&old, &young] {
        std::fs::write(path, "{").expect("write");
    }
    let hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::options().write(true).open(&old).expect("open").set_modified(hour_ago).expect("date back");
    store.save(&ReadingState::default()).expect("saves");
    assert!(!old.exists(), "an abandoned temporary file is removed");
    assert!(young.exists(), "one that may be another folio's save in progress is kept");
}

/// A state folder on a file system with no room: the save fails, says
/// so, and leaves the old file whole and no temporary file behind.
#[cfg(target_os = "linux")]
#[test]
fn a_full_state_folder_fails_the_save_and_keeps_the_old_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mount = dir.path().join("small");
    std::fs::create_dir(&mount).expect("mkdir");
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=16k", "tmpfs"])
        .arg(&mount)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("skipped: cannot mount a small tmpfs here (needs root)");
        return;
    }
    let store = Store::new(&mount);
    let mut state = ReadingState::default();
    state.set(&article("a.txt", "The Alpha Story Title"), position(1));
    store.save(&state).expect("a small state fits");
    let before = std::fs::read(store.path()).expect("read");
    for n in 0..400 {
        state.set(&article(&format!("{n}-a-long-name-for-a-file.txt"), "Title"), position(n));
    }
    let err = store.save(&state).expect_err("no room");
    let listing: Vec<_> = std::fs::read_dir(&mount).expect("ls").flatten().map(|e| e.file_name()).collect();
    let after = std::fs::read(store.path());
    let _ = Command::new("umount").arg(&mount).status();
    assert!(err.to_string().contains("No space left on device"), "{err}");
    assert!(!listing.iter().any(|n| n.to_string_lossy().ends_with(".tmp")), "{listing:?}");
    assert_eq!(after.ok(), Some(before), "the old state is whole");
}

#[test]
fn a_save_over_a_file_damaged_since_the_load_keeps_that_file_aside() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::new(dir.path());
    let (mut state, _) = store.load();
    std::fs::write(store.path(), "{ damaged meanwhile").expect("write");
    state.set(&article("a.txt", "The Alpha Story Title"), position(1));
    store.save(&state).expect("saves");
    let (loaded, problem) = store.load();
    assert!(problem.is_none() && loaded.get(&article("a.txt", "The Alpha Story Title")).is_some());
    let kept: Vec<String> = std::fs::read_dir(dir.path())
        .expect("ls")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("state.json.corrupt-"))
        .collect();
    assert_eq!(kept.len(), 1, "the damaged file is kept aside");
}
