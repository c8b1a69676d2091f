//! Loading real folders: what is picked up, in what order, and how broken
//! files are skipped with a reason while the rest still load.

use std::fs;
use std::path::{Path, PathBuf};

use folio::corpus::{LoadError, Loaded, load_paths};

fn write(dir: &Path, name: &str, contents: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
    fs::write(&path, contents).expect("write");
    path
}

fn load(paths: &[PathBuf]) -> Loaded {
    load_paths(paths).expect("paths exist")
}

fn titles(loaded: &Loaded) -> Vec<&str> {
    loaded.corpus.articles().iter().map(|a| a.title.as_str()).collect()
}

fn reasons(loaded: &Loaded) -> Vec<(String, String)> {
    loaded
        .skipped
        .iter()
        .map(|s| {
            let name = Path::new(&s.path).file_name().map(|n| n.to_string_lossy().into_owned());
            (name.unwrap_or_default(), s.reason.clone())
        })
        .collect()
}

#[test]
fn folders_load_recursively_in_file_name_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "b.txt", b"Second Story Title\n\nBody.");
    write(dir.path(), "a/z.md", b"First Story Title\n\nBody.");
    write(dir.path(), "c/d/e.markdown", b"Third Story Title\n\nBody.");
    write(dir.path(), "notes.jpg", b"Not An Article At All\n\nBody.");
    let loaded = load(&[dir.path().to_owned()]);
    assert_eq!(titles(&loaded), ["First Story Title", "Second Story Title", "Third Story Title"]);
    assert!(loaded.skipped.is_empty());
    let ids: Vec<usize> = loaded.corpus.articles().iter().map(|a| a.id).collect();
    assert_eq!(ids, [0, 1, 2]);
}

#[test]
fn a_file_named_on_the_command_line_loads_whatever_its_ending() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = write(dir.path(), "story.log", b"Plain Text Story Here\n\nBody.");
    assert_eq!(titles(&load(&[file])), ["Plain Text Story Here"]);
}

#[test]
fn broken_files_are_skipped_with_a_reason_and_the_rest_load() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "good.txt", b"A Good Article Title\n\nBody text.");
    write(dir.path(), "binary.txt", b"\x7fELF\x02\x01\x00\x00binary");
    write(dir.path(), "empty.txt", b"");
    write(dir.path(), "blank.md", b"  \n\t\r\n  ");
    write(dir.path(), "latin1.txt", b"Caf\xe9 Society Reopens Today\n\nBody.");
    let loaded = load(&[dir.path().to_owned()]);
    assert_eq!(titles(&loaded), ["A Good Article Title", "Caf\u{fffd} Society Reopens Today"]);
    assert!(loaded.corpus.articles()[1].lossy, "the lossy decode is marked");
    let mut skipped = reasons(&loaded);
    skipped.sort();
    assert_eq!(
        skipped,
        [
            ("binary.txt".to_owned(), "binary file (executable)".to_owned()),
            ("blank.md".to_owned(), "empty (no text)".to_owned()),
            ("empty.txt".to_owned(), "empty (no text)".to_owned()),
        ]
    );
}

#[test]
fn a_missing_path_is_an_error_that_names_it() {
    let err = load_paths(&[PathBuf::from("/definitely/not/here")]).expect_err("missing");
    assert!(matches!(err, LoadError::NotFound { .. }));
    assert!(err.to_string().contains("/definitely/not/here"), "{err}");
}

#[test]
fn the_same_file_named_twice_loads_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = write(dir.path(), "a.txt", b"Only Once Please Title\n\nBody.");
    assert_eq!(load(&[file.clone(), file]).corpus.len(), 1);
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_reported_not_followed_forever() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "sub/a.txt", b"Article In The Loop\n\nBody.");
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/back")).expect("symlink");
    let loaded = load(&[dir.path().to_owned()]);
    assert_eq!(titles(&loaded), ["Article In The Loop"]);
    assert_eq!(loaded.skipped.len(), 1, "{:?}", loaded.skipped);
    assert!(loaded.skipped[0].reason.contains("loops back"), "{:?}", loaded.skipped);
}

#[cfg(unix)]
#[test]
fn a_fifo_is_never_opened() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success());
    // Opening a FIFO with no writer would block: finishing at all is the test.
    let loaded = load(&[fifo, dir.path().to_owned()]);
    assert!(loaded.corpus.is_empty());
    assert_eq!(reasons(&loaded), [("pipe.txt".to_owned(), "not a regular file (never opened)".to_owned())]);
}
