//! The binary from the outside, without a terminal: flags, exit codes and
//! the messages a user gets when something is wrong.

use std::process::{Command, Output, Stdio};

fn folio(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio")).args(args).stdin(Stdio::null()).output().expect("folio runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn version_and_help() {
    let version = folio(&["--version"]);
    assert!(version.status.success());
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("folio {}", env!("CARGO_PKG_VERSION"))
    );

    let help = folio(&["--help"]);
    assert!(help.status.success());
    let text = String::from_utf8_lossy(&help.stdout);
    assert!(text.contains("Usage: folio [OPTIONS] [PATH]..."), "{text}");
    assert!(text.contains("bundled"), "{text}");
}

#[test]
fn a_path_that_does_not_exist_exits_2_and_names_it() {
    let output = folio(&["no/such/folder"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("cannot open 'no/such/folder'"), "{message}");
    assert!(message.contains("No such file or directory"), "{message}");
}

#[test]
fn paths_with_nothing_readable_exit_1_and_say_why() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("empty.txt"), "").expect("write");
    std::fs::write(dir.path().join("image.txt"), b"\x89PNG\r\n\x1a\n\x00\x00").expect("write");
    let output = folio(&[dir.path().to_str().expect("utf-8 temp path")]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.contains("no readable articles"), "{message}");
    assert!(message.contains("empty.txt: empty (no text)"), "{message}");
    assert!(message.contains("image.txt: binary file"), "{message}");
}

#[test]
fn without_a_terminal_it_refuses_plainly_instead_of_garbling_output() {
    let output = folio(&[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("needs a terminal"), "{}", stderr(&output));
    assert!(output.stdout.is_empty(), "nothing was drawn into the pipe");
}

#[test]
fn an_unknown_flag_is_a_usage_error() {
    let output = folio(&["--frobnicate"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--frobnicate"));
}
