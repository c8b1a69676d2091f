//! End to end for getting around (issue 20): the real `folio` binary in a
//! private tmux server, driven by keys, read off the screen, with every wait
//! polling until the expected text appears.

mod common;

use std::time::Instant;

use common::tmux::{DEADLINE, POLL, Tmux};

fn folio() -> &'static str {
    env!("CARGO_BIN_EXE_folio")
}

/// Polls tmux's newest paste buffer until it holds `needle`.
fn wait_for_buffer(tmux: &Tmux, needle: &str) -> String {
    let start = Instant::now();
    loop {
        let out = std::process::Command::new("tmux")
            .arg("-S")
            .arg(tmux.socket())
            .args(["show-buffer"])
            .output()
            .expect("tmux runs");
        let buffer = String::from_utf8_lossy(&out.stdout).into_owned();
        if buffer.contains(needle) {
            return buffer;
        }
        assert!(
            start.elapsed() < DEADLINE,
            "waited {DEADLINE:?} for {needle:?} in tmux's buffer: {buffer:?}"
        );
        std::thread::sleep(POLL);
    }
}

#[test]
fn y_reaches_tmux_with_set_clipboard_on() {
    let Some(tmux) = Tmux::start(80, 24) else { return };
    // tmux's common setting: applications may set the clipboard (and tmux
    // keeps what they send as a paste buffer). Passthrough stays off.
    tmux.run(&["set-option", "-g", "set-clipboard", "on"]);
    tmux.type_line(&format!("{}; echo EXIT=$?", folio()));
    tmux.wait_for("1/5");
    tmux.keys(&["j", "Enter"]);
    tmux.wait_for("Reader");
    tmux.keys(&["y"]);
    let screen = tmux.wait_for("Sent the text");
    assert!(screen.contains("plain and tmux-wrapped"), "the status says what was sent:\n{screen}");
    let buffer = wait_for_buffer(&tmux, "U.S. Wants to Keep Troops in Niger");
    assert!(buffer.contains("Days after Niger’s military junta"), "the text, not only the title: {buffer:?}");
    tmux.keys(&["q"]);
    tmux.wait_for("EXIT=0");
    tmux.assert_shell_is_sane();
}

/// The SGR sequences (`ESC [ ... m`) in `styled`, each its parameters.
fn sgr_sequences(styled: &str) -> Vec<String> {
    styled
        .split("\x1b[")
        .skip(1)
        .filter_map(|rest| rest.find('m').map(|end| rest[..end].to_owned()))
        .filter(|params| params.chars().all(|c| c.is_ascii_digit() || c == ';'))
        .collect()
}

#[test]
fn term_xterm_and_linux_get_sixteen_colour_codes() {
    for term in ["xterm", "linux"] {
        let Some(tmux) = Tmux::start(80, 24) else { return };
        tmux.type_line(&format!("TERM={term} {}; echo EXIT=$?", folio()));
        tmux.wait_for("1/5");
        tmux.keys(&["/"]);
        tmux.text("uranium");
        tmux.wait_for("2 of 5 match");
        let styled = tmux.styled_screen();
        let sequences = sgr_sequences(&styled);
        let sixteen = |p: &str| matches!(p.parse::<u16>(), Ok(30..=37 | 40..=47 | 90..=97 | 100..=107));
        assert!(sequences.iter().any(|s| s.split(';').any(sixteen)), "{term}: colours are drawn: {styled:?}");
        for sequence in &sequences {
            assert!(
                !sequence.contains("38;5") && !sequence.contains("48;5"),
                "{term}: 256 colours in {sequence:?}"
            );
        }
        tmux.keys(&["Escape", "q"]);
        tmux.wait_for("EXIT=0");
        tmux.assert_shell_is_sane();
    }
}

#[test]
fn plain_mode_draws_text_on_the_normal_screen_with_the_cursor_on_the_selection() {
    for command in ["TERM=dumb {folio}", "{folio} --plain"] {
        let Some(tmux) = Tmux::start(80, 24) else { return };
        tmux.type_line(&format!("{}; echo EXIT=$?", command.replace("{folio}", folio())));
        let screen = tmux.wait_for("article 1 of 5");
        assert!(
            screen.starts_with("> 1. After weeks of halted operations"),
            "{command}: numbered:\n{screen}"
        );
        assert!(screen.contains("\n  2. U.S. Wants to Keep Troops"), "{command}: numbered:\n{screen}");
        assert!(!screen.contains('│') && !screen.contains('┌'), "{command}: no box drawing:\n{screen}");
        assert_eq!(tmux.query("#{alternate_on}"), "0", "{command}: the normal screen");
        let row_of = |screen: &str, needle: &str| screen.lines().position(|l| l.starts_with(needle));
        let first = row_of(&screen, "> 1.").expect("the first row is selected");
        tmux.keys(&["j", "j"]);
        let screen = tmux.wait_for("article 3 of 5");
        let third = row_of(&screen, "> 3.").expect("the third row is selected");
        assert_eq!(third, first + 2);
        tmux.wait_until("the cursor on the selected row", |_| {
            tmux.query("#{cursor_y}") == third.to_string() && tmux.query("#{cursor_x}") == "0"
        });
        assert_eq!(tmux.query("#{cursor_flag}"), "1", "{command}: the cursor shows");
        tmux.keys(&["Enter"]);
        let screen = tmux.wait_for("% read");
        assert!(
            screen.starts_with("US military kicked out of Niger"),
            "{command}: the article as text:\n{screen}"
        );
        tmux.keys(&["q"]);
        tmux.wait_for("EXIT=0");
        tmux.assert_shell_is_sane();
    }
}

#[test]
fn after_a_restart_the_list_shows_both_matches_and_the_filter_bar_replaces_the_old_query() {
    let Some(tmux) = Tmux::start(80, 24) else { return };
    let run = format!("{}; echo EXIT=$?", folio());
    tmux.type_line(&run);
    tmux.wait_for("1/5");
    tmux.keys(&["/"]);
    tmux.text("uranium");
    tmux.wait_for("2 of 5 match");
    tmux.keys(&["Enter", "j", "Enter"]);
    tmux.wait_for("2/2");
    tmux.keys(&["q"]);
    tmux.wait_for("EXIT=0");

    tmux.type_line(&format!("clear; {run}"));
    let screen = tmux.wait_for("2/2");
    // Both matches show: the first above the selected second, not the
    // second alone over empty rows.
    assert!(screen.contains("US Looking To Stay in"), "the first match shows:\n{screen}");
    assert!(screen.contains("U.S. Wants to Keep Troops"), "the second match shows:\n{screen}");
    // `/` selects the old query: typing replaces it rather than append.
    tmux.keys(&["/"]);
    tmux.text("bazoum");
    let screen = tmux.wait_for("/ bazoum");
    assert!(!screen.contains("uraniumbazoum"), "{screen}");
    tmux.wait_until("bazoum's matches", |s| s.contains("of 5 match") && !s.contains("no match"));
    // Up recalls the query kept last time.
    tmux.keys(&["Up"]);
    tmux.wait_for("/ uranium");
    tmux.keys(&["Escape", "q"]);
    tmux.wait_for("EXIT=0");
    tmux.assert_shell_is_sane();
}

#[test]
fn in_a_taller_window_the_article_ends_on_the_bottom_row() {
    let Some(tmux) = Tmux::start(80, 24) else { return };
    let run = format!("{}; echo EXIT=$?", folio());
    tmux.type_line(&run);
    tmux.wait_for("1/5");
    tmux.keys(&["Enter", "G"]);
    tmux.wait_for("100%");
    tmux.keys(&["q"]);
    tmux.wait_for("EXIT=0");
    tmux.run(&["resize-window", "-t", "e2e", "-x", "80", "-y", "60"]);
    tmux.type_line(&format!("clear; {run}"));
    let screen = tmux.wait_for("100%");
    let rows: Vec<&str> = screen.lines().collect();
    // The reader's last text row (above its bottom border) holds text: the
    // article's end sits on the bottom row, with no blank rows under it.
    let bottom = rows.iter().rposition(|l| l.contains("100%")).expect("the reader's border");
    let last_text = rows[bottom - 1];
    let reader_part = last_text.split("││").nth(1).unwrap_or(last_text);
    let frame = |c: char| c == '│' || c == '█' || c == '║' || c.is_whitespace();
    assert!(!reader_part.trim_matches(frame).is_empty(), "blank rows at the end:\n{screen}");
    tmux.keys(&["q"]);
    tmux.wait_for("EXIT=0");
}
