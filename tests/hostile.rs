//! The binary against hostile folders and outputs: file names made of
//! escape sequences, newlines and bytes that are not UTF-8, in every way
//! folio prints a name; and outputs that fail (`/dev/full`, a closed pipe).
#![cfg(unix)]

use std::ffi::OsStr;
use std::fs;
use std::io::{BufRead, BufReader};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use folio::shown;

fn folio() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_folio"));
    command
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .env("XDG_CACHE_HOME", "/nonexistent")
        .env("XDG_STATE_HOME", "/nonexistent")
        .stdin(Stdio::null());
    command
}

fn run(args: &[&OsStr]) -> Output {
    folio().args(args).output().expect("folio runs")
}

/// Names that do harm when printed raw: a title change (OSC 0), a
/// clipboard write (OSC 52), a screen and scrollback wipe, a C1 CSI, a
/// bracketed-paste end, a newline and a tab; and bytes that are not UTF-8.
const HOSTILE: &[&[u8]] = &[
    b"\x1b]0;PWNED\x07.txt",
    b"\x1b]52;c;cm0gLXJmIH4=\x07.txt",
    b"\x1b[2J\x1b[3Jwipe.txt",
    "\u{9b}31mred.txt".as_bytes(),
    b"paste\x1b[201~; echo owned.txt",
    b"two\nlines.txt",
    b"a\ttab.txt",
    b"caf\xe9 \xff.txt",
];

/// A folder holding an article under each hostile name.
fn hostile_folder() -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let paths: Vec<PathBuf> = HOSTILE
        .iter()
        .map(|name| {
            let path = dir.path().join(OsStr::from_bytes(name));
            fs::write(&path, "A Headline About Uranium Mines\n\nThe uranium story, in a body.")
                .expect("write");
            path
        })
        .collect();
    (dir, paths)
}

/// No escape sequence, no control character but the line ends and the
/// separator a format asks for, and no C1 control in what was printed.
fn assert_inert(bytes: &[u8], allowed: &[u8]) {
    for (at, &b) in bytes.iter().enumerate() {
        let control = b < 0x20 || b == 0x7f;
        assert!(!control || allowed.contains(&b), "a raw control byte {b:#04x} at {at}: {:?}", show(bytes));
    }
    let text = String::from_utf8_lossy(bytes);
    assert!(!text.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)), "a C1 control: {text:?}");
}

fn show(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).escape_debug().to_string()
}

#[test]
fn filter_lines_are_one_a_match_and_give_back_each_exact_name() {
    let (dir, paths) = hostile_folder();
    let output = run(&[OsStr::new("--filter"), OsStr::new("uranium"), dir.path().as_os_str()]);
    assert_eq!(output.status.code(), Some(0), "{}", show(&output.stderr));
    assert_inert(&output.stdout, b"\t\n");
    let lines: Vec<&[u8]> = output.stdout.split(|&b| b == b'\n').filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), HOSTILE.len(), "one line a match: {}", show(&output.stdout));
    let mut named: Vec<PathBuf> = lines
        .iter()
        .map(|line| {
            let text = std::str::from_utf8(line).expect("escaped lines are UTF-8");
            let (title, path) = text.split_once('\t').expect("title<TAB>path");
            assert_eq!(title, "A Headline About Uranium Mines");
            assert!(!path.contains('\t'), "one tab a line: {text:?}");
            shown::path_from(shown::unescape(path).expect("a well-formed escape"))
        })
        .collect();
    named.sort();
    let mut expected = paths;
    expected.sort();
    assert_eq!(named, expected, "each name unescapes to the file, which a script can open");
    assert!(named.iter().all(|p| p.is_file()));
}

#[test]
fn filter_json_holds_each_exact_name_and_no_raw_control() {
    let (dir, paths) = hostile_folder();
    let args = [OsStr::new("--filter"), OsStr::new("uranium"), OsStr::new("--json"), dir.path().as_os_str()];
    let output = run(&args);
    assert_eq!(output.status.code(), Some(0), "{}", show(&output.stderr));
    assert_inert(&output.stdout, b"\n");
    let mut named: Vec<PathBuf> = BufReader::new(&output.stdout[..])
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(&line.expect("a line")).expect("JSON");
            match value.get("path_bytes") {
                Some(bytes) => {
                    let bytes: Vec<u8> = serde_json::from_value(bytes.clone()).expect("bytes");
                    shown::path_from(bytes)
                }
                None => PathBuf::from(value["path"].as_str().expect("a path")),
            }
        })
        .collect();
    named.sort();
    let mut expected = paths;
    expected.sort();
    assert_eq!(named, expected);
}

#[test]
fn check_and_the_nothing_readable_report_escape_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in HOSTILE {
        fs::write(dir.path().join(OsStr::from_bytes(name)), "").expect("an empty file");
    }
    let check = run(&[OsStr::new("--check"), dir.path().as_os_str()]);
    assert_eq!(check.status.code(), Some(1));
    assert_inert(&check.stdout, b"\n");
    assert_eq!(check.stdout.iter().filter(|&&b| b == b'\n').count(), 1 + HOSTILE.len());
    let text = String::from_utf8_lossy(&check.stdout);
    assert!(text.contains("\\x1b]0;PWNED\\x07.txt: empty (no text)"), "{text}");
    assert!(text.contains("caf\\xe9 \\xff.txt: empty"), "{text}");
    assert!(text.contains("two\\nlines.txt: empty"), "{text}");

    // With no terminal, folio says nothing is readable on its own.
    let report = run(&[dir.path().as_os_str()]);
    assert_eq!(report.status.code(), Some(1));
    assert_inert(&report.stderr, b"\n");
    let text = String::from_utf8_lossy(&report.stderr);
    assert!(text.contains("no readable articles"), "{text}");
    assert!(text.contains("\\x1b[2J\\x1b[3Jwipe.txt"), "{text}");
}

#[test]
fn a_missing_path_is_named_escaped() {
    let output = run(&[OsStr::from_bytes(b"/nonexistent/\x1b]0;PWNED\x07")]);
    assert_eq!(output.status.code(), Some(2));
    assert_inert(&output.stderr, b"\n");
    let text = String::from_utf8_lossy(&output.stderr);
    assert!(text.contains("cannot open '/nonexistent/\\x1b]0;PWNED\\x07'"), "{text}");
}

fn many_articles(count: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for n in 0..count {
        fs::write(dir.path().join(format!("{n:04}.txt")), "").expect("write");
    }
    dir
}

/// `/dev/full` fails every write with "No space left on device".
fn to_dev_full(args: &[&OsStr]) -> Output {
    let full = fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full");
    folio().args(args).stdout(full).stderr(Stdio::piped()).output().expect("folio runs")
}

#[test]
fn a_full_disk_is_an_error_not_a_panic() {
    if !Path::new("/dev/full").exists() {
        eprintln!("skipped: this system has no /dev/full");
        return;
    }
    let dir = many_articles(3);
    for args in [
        vec![OsStr::new("--print-default-config")],
        vec![OsStr::new("--check"), dir.path().as_os_str()],
        vec![OsStr::new("--filter"), OsStr::new("uranium"), OsStr::new("--no-cache")],
        vec![OsStr::new("--print")],
    ] {
        let output = to_dev_full(&args);
        let message = show(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {message}");
        assert!(message.contains("cannot write the"), "{args:?}: {message}");
        assert!(message.contains("No space left on device"), "{args:?}: {message}");
        assert!(!message.contains("panicked"), "{args:?}: {message}");
    }
}

#[test]
fn a_closed_pipe_ends_quietly() {
    // Thousands of lines: far more than a pipe holds, so folio is still
    // writing when the reader has gone.
    let dir = many_articles(3_000);
    for args in
        [vec![OsStr::new("--check"), dir.path().as_os_str()], vec![OsStr::new("--print-default-config")]]
    {
        let mut child =
            folio().args(&args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("folio runs");
        let mut out = BufReader::new(child.stdout.take().expect("stdout"));
        let mut first = String::new();
        out.read_line(&mut first).expect("a first line");
        drop(out);
        let output = child.wait_with_output().expect("folio ends");
        let message = show(&output.stderr);
        assert!(!message.contains("panicked"), "{args:?}: {message}");
        assert_ne!(output.status.code(), Some(101), "{args:?}: {message}");
        assert!(message.is_empty(), "{args:?}: a closed pipe is a normal end: {message}");
    }
}

/// Runs folio, killing it if it has not ended within `limit`: a hang is a
/// failure, not a test that never ends.
fn run_within(command: &mut Command, limit: std::time::Duration) -> Output {
    let mut child = command.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("folio runs");
    let started = std::time::Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("folio was still running after {limit:?}: blocked");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

/// A FIFO where folio's config or cache file goes, or a config that is a
/// link to `/dev/zero`: folio neither blocks nor reads without end.
#[test]
fn a_fifo_or_device_in_place_of_config_or_cache_does_not_block() {
    let dir = tempfile::tempdir().expect("temp dir");
    let articles = dir.path().join("articles");
    fs::create_dir(&articles).expect("mkdir");
    fs::write(articles.join("a.txt"), "A Headline Here\n\nBody.").expect("write");
    let (config, cache) = (dir.path().join("config/folio"), dir.path().join("cache/folio"));
    fs::create_dir_all(&config).expect("mkdir");
    fs::create_dir_all(&cache).expect("mkdir");
    let cache_file =
        folio::library::cache_file(std::slice::from_ref(&articles), Some(&cache)).expect("a cache file name");
    for fifo in [config.join("config.toml"), cache_file] {
        assert!(Command::new("mkfifo").arg(&fifo).status().expect("mkfifo").success());
    }
    let check = || {
        let mut command = Command::new(env!("CARGO_BIN_EXE_folio"));
        command
            .arg("--check")
            .arg(&articles)
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .env("XDG_CACHE_HOME", dir.path().join("cache"))
            .stdin(Stdio::null());
        run_within(&mut command, std::time::Duration::from_secs(20))
    };
    let output = check();
    assert_eq!(String::from_utf8_lossy(&output.stdout), "1 loaded, 0 skipped\n", "{}", show(&output.stderr));
    fs::remove_file(config.join("config.toml")).expect("rm");
    std::os::unix::fs::symlink("/dev/zero", config.join("config.toml")).expect("symlink");
    let output = check();
    assert_eq!(output.status.code(), Some(0), "{}", show(&output.stderr));
}

/// An error to tell when stderr is gone (a hung-up terminal, a closed
/// pipe): folio still exits with its code, rather than panicking (101).
#[test]
fn an_error_with_nowhere_to_say_it_is_still_an_exit_code_not_a_panic() {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let status =
        folio().arg("/nonexistent/folder").stdout(Stdio::null()).stderr(writer).status().expect("folio runs");
    assert_eq!(status.code(), Some(2));
}

#[test]
fn print_names_each_article_escaped_and_its_json_exactly() {
    let (dir, paths) = hostile_folder();
    let text = run(&[OsStr::new("--print"), dir.path().as_os_str()]);
    assert_eq!(text.status.code(), Some(0), "{}", show(&text.stderr));
    assert_inert(&text.stdout, b"\n");
    let mut named: Vec<PathBuf> = String::from_utf8_lossy(&text.stdout)
        .lines()
        .filter_map(|line| line.strip_prefix("==> ")?.strip_suffix(" <=="))
        .map(|shown_name| shown::path_from(shown::unescape(shown_name).expect("a well-formed escape")))
        .collect();
    named.sort();
    let mut expected = paths;
    expected.sort();
    assert_eq!(named, expected, "one header a file, naming it exactly");

    let json = run(&[OsStr::new("--print"), OsStr::new("--json"), dir.path().as_os_str()]);
    assert_eq!(json.status.code(), Some(0), "{}", show(&json.stderr));
    assert_inert(&json.stdout, b"\n");
    let mut named: Vec<PathBuf> = BufReader::new(&json.stdout[..])
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(&line.expect("a line")).expect("JSON");
            match value.get("path_bytes") {
                Some(bytes) => shown::path_from(serde_json::from_value(bytes.clone()).expect("bytes")),
                None => PathBuf::from(value["path"].as_str().expect("a path")),
            }
        })
        .collect();
    named.sort();
    assert_eq!(named, expected);
}
