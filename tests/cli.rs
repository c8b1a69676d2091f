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

fn folio_with_input(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("folio runs");
    child.stdin.take().expect("stdin").write_all(input).expect("write stdin");
    child.wait_with_output().expect("folio ends")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn check_reports_what_loaded_and_exits_0_when_everything_did() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.txt"), "A Fine Article Title\n\nBody.").expect("write");
    std::fs::write(dir.path().join("b.md"), "# Another Fine Title\n\nBody.").expect("write");
    let output = folio(&["--check", dir.path().to_str().expect("utf-8 temp path")]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "2 loaded, 0 skipped\n");
}

#[test]
fn check_lists_each_skipped_file_and_exits_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.txt"), "A Fine Article Title\n\nBody.").expect("write");
    std::fs::write(dir.path().join("empty.txt"), "").expect("write");
    std::fs::write(dir.path().join("latin1.txt"), b"Caf\xe9 Society Reopens\n\nBody.").expect("write");
    let output = folio(&["--check", dir.path().to_str().expect("utf-8 temp path")]);
    assert_eq!(output.status.code(), Some(1));
    let report = stdout(&output);
    assert!(report.starts_with("2 loaded, 1 skipped\n"), "{report}");
    assert!(report.contains("empty.txt: empty (no text)"), "{report}");
    assert!(report.contains("latin1.txt: invalid UTF-8 replaced"), "{report}");
}

#[test]
fn check_of_the_bundled_articles_and_a_missing_path() {
    let output = folio(&["--check"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), "5 loaded, 0 skipped\n");
    assert_eq!(folio(&["--check", "no/such/folder"]).status.code(), Some(2));
}

#[test]
fn a_dash_reads_articles_from_standard_input() {
    let lines = b"{\"title\": \"One\", \"body\": \"Text.\"}\n{\"title\": \"Two\"}\n";
    let output = folio_with_input(&["--check", "-"], lines);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "1 loaded, 1 skipped\nskipped stdin:2: no body, content or text field\n");
    let one = folio_with_input(&["--check", "-"], b"Just One Piped Article\n\nBody.");
    assert_eq!(stdout(&one), "1 loaded, 0 skipped\n");
}

#[test]
fn sort_takes_one_of_four_orders() {
    assert_eq!(folio(&["--check", "--sort", "date"]).status.code(), Some(0));
    let wrong = folio(&["--sort", "size"]);
    assert_eq!(wrong.status.code(), Some(2));
    let message = stderr(&wrong);
    assert!(message.contains("name, date, title, length"), "{message}");
}
