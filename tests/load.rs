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
    write(dir.path(), "mangled.txt", b"Caf\xc3\xa9 Soci\xc3t\xc3\xa9 Reopens\n\nBody.");
    let loaded = load(&[dir.path().to_owned()]);
    assert_eq!(
        titles(&loaded),
        ["A Good Article Title", "Café Society Reopens Today", "Café Soci\u{fffd}té Reopens"]
    );
    let lossy: Vec<bool> = loaded.corpus.articles().iter().map(|a| a.lossy).collect();
    assert_eq!(lossy, [false, false, true], "Windows-1252 is read whole; damaged UTF-8 is marked");
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

#[test]
fn a_nul_inside_text_is_removed_and_the_article_loads() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "nul.txt", b"A Title With A Hole\n\nBefore\0after the hole.");
    let loaded = load(&[dir.path().to_owned()]);
    assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
    let article = &loaded.corpus.articles()[0];
    assert_eq!(article.text().paragraphs[1].text, "Beforeafter the hole.");
}

#[test]
fn crlf_line_ends_and_a_byte_order_mark_are_handled() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        dir.path(),
        "win.txt",
        b"\xef\xbb\xbfWindows Made This Title\r\n\r\nFirst line\r\nof the body.\r\n",
    );
    let loaded = load(&[dir.path().to_owned()]);
    let article = &loaded.corpus.articles()[0];
    assert_eq!(article.title, "Windows Made This Title");
    assert!(article.text().paragraphs.iter().all(|p| !p.text.contains(['\r', '\u{feff}'])));
}

#[test]
fn a_5000_character_first_line_gives_a_short_title() {
    let dir = tempfile::tempdir().expect("temp dir");
    let line = "word ".repeat(1000);
    write(dir.path(), "long.txt", format!("{line}\n\nSecond paragraph.").as_bytes());
    let loaded = load(&[dir.path().to_owned()]);
    let article = &loaded.corpus.articles()[0];
    assert!(article.title.chars().count() <= 80 && article.title.ends_with('…'), "{}", article.title);
    assert_eq!(article.words, 1002);
}

#[test]
fn every_format_in_a_folder_loads_and_a_bad_record_skips_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "a.md", b"---\ntitle: Markdown Story\nauthor: Ada\n---\n# Heading\n\nBody *text*.");
    write(dir.path(), "b.html", b"<title>Html Story</title><nav>Menu</nav><p>Body text.</p>");
    write(dir.path(), "c.jsonl", b"{\"title\": \"Json Story\", \"body\": \"Text.\"}\n{oops\n");
    write(dir.path(), "d.json", b"[{\"title\": \"Array Story\", \"content\": \"Text.\"}]");
    write(dir.path(), "e.txt", b"+++\ntitle = \"Toml Story\"\n+++\nBody.");
    let loaded = load(&[dir.path().to_owned()]);
    assert_eq!(titles(&loaded), ["Markdown Story", "Html Story", "Json Story", "Array Story", "Toml Story"]);
    assert_eq!(loaded.corpus.articles()[0].meta.author.as_deref(), Some("Ada"));
    assert_eq!(reasons(&loaded).len(), 1);
    assert!(loaded.skipped[0].path.ends_with("c.jsonl:2"), "{:?}", loaded.skipped);
    assert!(loaded.skipped[0].reason.starts_with("not JSON"), "{:?}", loaded.skipped);
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_skipped_with_permission_denied() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "ok.txt", b"A Readable Article Here\n\nBody.");
    let locked = write(dir.path(), "locked.txt", b"A Locked Article Here\n\nBody.");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod");
    if fs::read(&locked).is_ok() {
        // Root reads through any permission bits, so there is nothing to test.
        eprintln!("skipping: running as root, a chmod 000 file is still readable");
        return;
    }
    let loaded = load(&[dir.path().to_owned()]);
    assert_eq!(titles(&loaded), ["A Readable Article Here"]);
    assert_eq!(reasons(&loaded), [("locked.txt".to_owned(), "permission denied".to_owned())]);
}

#[cfg(unix)]
#[test]
fn sockets_and_devices_are_never_opened() {
    let dir = tempfile::tempdir().expect("temp dir");
    let _listener = std::os::unix::net::UnixListener::bind(dir.path().join("sock.txt")).expect("socket");
    write(dir.path(), "ok.txt", b"A Readable Article Here\n\nBody.");
    let loaded = load(&[dir.path().to_owned(), PathBuf::from("/dev/null"), PathBuf::from("/dev/zero")]);
    assert_eq!(titles(&loaded), ["A Readable Article Here"]);
    let mut skipped = reasons(&loaded);
    skipped.sort();
    let never = "not a regular file (never opened)".to_owned();
    assert_eq!(
        skipped,
        [
            ("null".to_owned(), never.clone()),
            ("sock.txt".to_owned(), never.clone()),
            ("zero".to_owned(), never)
        ]
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_that_points_at_itself_is_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "ok.txt", b"A Readable Article Here\n\nBody.");
    std::os::unix::fs::symlink("b.txt", dir.path().join("a.txt")).expect("symlink");
    std::os::unix::fs::symlink("a.txt", dir.path().join("b.txt")).expect("symlink");
    let loaded = load(&[dir.path().to_owned()]);
    assert_eq!(titles(&loaded), ["A Readable Article Here"]);
    assert_eq!(loaded.skipped.len(), 2, "{:?}", loaded.skipped);
}

#[cfg(unix)]
#[test]
fn two_folders_linked_into_each_other_load_each_file_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "a/one.txt", b"First Linked Article\n\nBody.");
    write(dir.path(), "b/two.txt", b"Second Linked Article\n\nBody.");
    std::os::unix::fs::symlink("../b", dir.path().join("a/to_b")).expect("symlink");
    std::os::unix::fs::symlink("../a", dir.path().join("b/to_a")).expect("symlink");
    let loaded = load(&[dir.path().to_owned()]);
    let mut found = titles(&loaded);
    found.sort();
    assert_eq!(found, ["First Linked Article", "Second Linked Article"]);
    assert!(loaded.skipped.iter().all(|s| s.reason.contains("loops back")), "{:?}", loaded.skipped);
}

#[test]
fn folders_nested_50_deep_load() {
    let dir = tempfile::tempdir().expect("temp dir");
    let deep: PathBuf = (0..50).map(|i| format!("d{i}")).collect();
    write(&dir.path().join(&deep), "bottom.txt", b"At The Very Bottom\n\nBody.");
    let loaded = load(&[dir.path().to_owned()]);
    assert_eq!(titles(&loaded), ["At The Very Bottom"]);
}

#[test]
fn a_10_mb_single_line_loads_and_wraps_in_linear_time() {
    use folio::corpus::View;
    use folio::document::Document;
    use std::time::Instant;
    let dir = tempfile::tempdir().expect("temp dir");
    let line = "All work and no play makes a very long line. ".repeat(10 * 1024 * 1024 / 46);
    write(dir.path(), "huge.txt", line.as_bytes());
    let started = Instant::now();
    let loaded = load(&[dir.path().to_owned()]);
    let loading = started.elapsed();
    let article = &loaded.corpus.articles()[0];
    assert_eq!(article.title, "All work and no play makes a very long line.");
    let started = Instant::now();
    let doc = Document::layout(article, 100, View::Clean);
    let wrapping = started.elapsed();
    assert!(doc.len() > 100_000, "{} lines", doc.len());
    assert!(doc.lines.iter().all(|l| l.text.len() <= 100));
    eprintln!("10 MB one-line file: loaded in {loading:?}, wrapped in {wrapping:?}");
}

#[test]
fn a_100_000_file_folder_loads() {
    use std::time::Instant;
    let dir = tempfile::tempdir().expect("temp dir");
    for i in 0..100_000 {
        fs::write(dir.path().join(format!("{i:06}.txt")), format!("Article Number {i} Here\n\nBody {i}."))
            .expect("write");
    }
    let started = Instant::now();
    let loaded = load(&[dir.path().to_owned()]);
    eprintln!("100,000 files: loaded in {:?}", started.elapsed());
    assert_eq!(loaded.corpus.len(), 100_000);
    assert!(loaded.skipped.is_empty());
    assert_eq!(loaded.corpus.articles()[99_999].title, "Article Number 99999 Here");
}

#[cfg(unix)]
#[test]
fn links_to_the_root_and_into_system_folders_are_not_followed() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "ok.txt", b"A Readable Article Here\n\nBody.");
    for (name, target) in [("root", "/"), ("proc", "/proc"), ("sys", "/sys/kernel"), ("dev", "/dev")] {
        std::os::unix::fs::symlink(target, dir.path().join(name)).expect("symlink");
    }
    // An endless walk would never come back: this one ends at once.
    let started = std::time::Instant::now();
    let loaded = load(&[dir.path().to_owned()]);
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    assert_eq!(titles(&loaded), ["A Readable Article Here"]);
    let mut said: Vec<(String, String)> = reasons(&loaded);
    said.sort();
    let names: Vec<&str> = said.iter().map(|(name, _)| name.as_str()).collect();
    assert!(names.contains(&"root") && names.contains(&"proc"), "{said:?}");
    assert!(said.iter().all(|(_, why)| why.contains("not followed")), "{said:?}");
}

#[cfg(unix)]
#[test]
fn a_file_swapped_for_a_fifo_after_the_walk_is_skipped_not_waited_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), "swapped.txt", b"A Readable Article Here\n\nBody.");
    let found = folio::corpus::find(&[dir.path().to_owned()]).expect("found");
    assert_eq!(found.files.len(), 1);
    // Swapped between the walk and the read.
    fs::remove_file(&path).expect("rm");
    let made = std::process::Command::new("mkfifo").arg(&path).status().expect("mkfifo runs");
    assert!(made.success());
    let parsed = folio::corpus::parse_file(&path, 31);
    assert!(parsed.articles.is_empty());
    assert_eq!(parsed.skipped.len(), 1);
    assert!(parsed.skipped[0].reason.contains("not a regular file"), "{:?}", parsed.skipped);
}
