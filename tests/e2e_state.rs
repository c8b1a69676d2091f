//! End to end: folio remembers where the reader was. Read half an article,
//! quit, start again, and the same article is open at the same paragraph;
//! the last query comes back too. State goes to a private XDG folder.

mod common;

use common::tmux::Tmux;

/// The first line of text in the reader pane (right of the list), trimmed.
fn reader_top_line(screen: &str) -> String {
    let line = screen.lines().nth(1).unwrap_or_default();
    let reader = line.split("││").nth(1).unwrap_or_default();
    reader.trim_end_matches(['│', '║', '█', ' ']).trim().to_owned()
}

/// The folder state goes to, and the command line that runs folio with it.
fn folio_keeping_state_in(tmux: &Tmux) -> (std::path::PathBuf, String) {
    let state = tmux.dir.path().join("state");
    let run = format!("XDG_STATE_HOME={} {}; echo EXIT=$?", state.display(), env!("CARGO_BIN_EXE_folio"));
    (state, run)
}

#[test]
fn quit_and_start_again_on_the_same_paragraph() {
    let Some(tmux) = Tmux::start(100, 30) else { return };
    let (state, run) = folio_keeping_state_in(&tmux);
    tmux.type_line(&run);
    tmux.wait_for("1/5");
    // Keys are handled in order: once the help shows, the scrolling before
    // it is done.
    tmux.keys(&["j", "j", "Enter", "C-d", "C-d", "j", "?"]);
    tmux.wait_for(" Keys ");
    tmux.keys(&["?"]);
    let screen = tmux.wait_until("the help to close", |s| !s.contains(" Keys "));
    let top = reader_top_line(&screen);
    assert!(!top.is_empty(), "{screen}");
    tmux.keys(&["q"]);
    tmux.wait_for("EXIT=0");

    tmux.type_line(&format!("clear; {run}"));
    let screen = tmux.wait_for("3/5");
    assert_eq!(reader_top_line(&screen), top, "back on the same line:\n{screen}");
    assert!(state.join("folio/state.json").exists());
    tmux.keys(&["q"]);
}

#[test]
fn the_last_query_comes_back() {
    let Some(tmux) = Tmux::start(100, 30) else { return };
    let (_, run) = folio_keeping_state_in(&tmux);
    tmux.type_line(&run);
    tmux.wait_for("1/5");
    tmux.keys(&["/"]);
    tmux.text("uranium");
    tmux.wait_for("2 of 5 match");
    tmux.keys(&["Enter", "j"]);
    tmux.wait_for("2/2");
    tmux.keys(&["q"]);
    tmux.wait_for("EXIT=0");
    tmux.type_line(&format!("clear; {run}"));
    let screen = tmux.wait_for("2 of 5 match");
    assert!(screen.contains("2/2"), "the same article is selected:\n{screen}");
    tmux.keys(&["q"]);
}

#[test]
fn no_state_reads_without_writing() {
    let Some(tmux) = Tmux::start(100, 30) else { return };
    let state = tmux.dir.path().join("state");
    tmux.type_line(&format!(
        "XDG_STATE_HOME={} {} --no-state; echo EXIT=$?",
        state.display(),
        env!("CARGO_BIN_EXE_folio")
    ));
    tmux.wait_for("1/5");
    tmux.keys(&["Enter", "C-d", "q"]);
    tmux.wait_for("EXIT=0");
    assert!(!state.exists(), "--no-state wrote nothing");
}

#[test]
fn the_config_file_rebinds_keys_and_says_what_it_could_not_use() {
    let Some(tmux) = Tmux::start(100, 30) else { return };
    let config = tmux.dir.path().join("config");
    std::fs::create_dir_all(config.join("folio")).expect("mkdir");
    std::fs::write(config.join("folio/config.toml"), "theme = \"neon\"\n[keys]\nquit = [\"Q\"]\n")
        .expect("write");
    tmux.type_line(&format!(
        "XDG_CONFIG_HOME={} {} --no-state; echo EXIT=$?",
        config.display(),
        env!("CARGO_BIN_EXE_folio")
    ));
    let screen = tmux.wait_for("1/5");
    assert!(screen.contains("config line 1, `theme`: must be one of"), "{screen}");
    // q no longer quits: Q does. Keys are handled in order, so once j has
    // moved the selection, q has been read and ignored.
    tmux.keys(&["q", "j"]);
    tmux.wait_for("2/5");
    tmux.keys(&["Q"]);
    tmux.wait_for("EXIT=0");
}

/// A save that cannot be written (a file stands where the state folder
/// goes) is said on the shell's screen once folio has given it back, and
/// folio exits 2.
#[test]
fn a_failed_save_is_said_after_the_terminal_is_back_and_exits_2() {
    let Some(tmux) = Tmux::start(100, 30) else { return };
    let blocked = tmux.dir.path().join("blocked");
    std::fs::write(&blocked, "").expect("a file where a folder should be");
    tmux.type_line(&format!(
        "XDG_STATE_HOME={} {}; echo EXIT=$?",
        blocked.join("state").display(),
        env!("CARGO_BIN_EXE_folio")
    ));
    tmux.wait_for("1/5");
    tmux.keys(&["j", "q"]);
    let screen = tmux.wait_for("EXIT=2");
    assert!(screen.contains("folio: the reading state was not saved"), "{screen}");
    tmux.assert_shell_is_sane();
}
