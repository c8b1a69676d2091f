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
