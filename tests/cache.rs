//! The cache file: what is written is read back, a section is read only
//! when asked for, and any damage is an error that says what it is, never a
//! panic or a wrong value.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use folio::cache::{self, CacheError, Reader, Stamp, Writer};
use proptest::prelude::*;
use serde_bytes::ByteBuf;

fn stamp(path: &str, size: u64, modified_ns: i128) -> Stamp {
    Stamp { path: PathBuf::from(path), size, modified_ns: Some(modified_ns), inode: 7, changed_ns: Some(9) }
}

fn titles() -> Vec<String> {
    vec!["First Title".into(), "Second Title".into()]
}

fn index() -> BTreeMap<String, Vec<u32>> {
    BTreeMap::from([("alpha".into(), vec![0, 1]), ("beta".into(), vec![1])])
}

fn bodies() -> Vec<ByteBuf> {
    vec![ByteBuf::from(b"BODY-ONE body text".to_vec()), ByteBuf::from(b"BODY-TWO".to_vec())]
}

/// A cache with three sections, and its path.
fn written(dir: &Path) -> PathBuf {
    let path = dir.join("corpus.cache");
    let stamps = vec![stamp("a.txt", 10, 1), stamp("b.txt", 20, -2)];
    Writer::create(&path, &stamps)
        .and_then(|w| w.section("titles", &titles()))
        .and_then(|w| w.section("index", &index()))
        .and_then(|w| w.section("bodies", &bodies()))
        .and_then(Writer::finish)
        .expect("write the cache");
    path
}

fn open(path: &Path) -> Result<Reader, CacheError> {
    Reader::open(path).map(|reader| reader.expect("the file exists"))
}

/// Changes the file's bytes in place.
fn rewrite(path: &Path, change: impl FnOnce(&mut Vec<u8>)) {
    let mut bytes = fs::read(path).expect("read");
    change(&mut bytes);
    fs::write(path, bytes).expect("write");
}

/// Opens the cache and reads every section: the first error met.
fn read_all(path: &Path) -> Result<(), CacheError> {
    let mut reader = open(path)?;
    reader.section::<Vec<String>>("titles")?;
    reader.section::<BTreeMap<String, Vec<u32>>>("index")?;
    reader.section::<Vec<ByteBuf>>("bodies")?;
    Ok(())
}

#[test]
fn sections_come_back_as_written_in_any_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = written(dir.path());
    let mut reader = open(&path).expect("open");
    assert_eq!(reader.stamps(), [stamp("a.txt", 10, 1), stamp("b.txt", 20, -2)]);
    assert_eq!(reader.section::<Vec<ByteBuf>>("bodies").expect("bodies"), bodies());
    assert_eq!(reader.section::<Vec<String>>("titles").expect("titles"), titles());
    assert_eq!(reader.section::<BTreeMap<String, Vec<u32>>>("index").expect("index"), index());
    assert_eq!(reader.section::<Vec<String>>("titles").expect("titles again"), titles());
}

#[test]
fn no_file_is_no_cache_and_a_missing_section_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(Reader::open(&dir.path().join("none")).expect("no error").is_none());
    let mut reader = open(&written(dir.path())).expect("open");
    let err = reader.section::<u32>("nothing").expect_err("no such section");
    assert!(matches!(err, CacheError::NoSection { .. }), "{err}");
    assert!(err.to_string().contains("no section \"nothing\""), "{err}");
}

#[test]
fn a_damaged_section_does_not_stop_another_from_being_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = written(dir.path());
    rewrite(&path, |bytes| {
        let at = bytes.windows(8).position(|w| w == b"BODY-ONE").expect("the bodies are in the file");
        bytes[at] ^= 1;
    });
    let mut reader = open(&path).expect("the head is intact");
    assert_eq!(reader.section::<Vec<String>>("titles").expect("titles"), titles());
    reader.check_section("titles").expect("the titles are whole");
    let checked = reader.check_section("bodies").expect_err("checked without being read: damaged");
    assert!(checked.to_string().contains("checksum of \"bodies\" fails"), "{checked}");
    let err = reader.section::<Vec<ByteBuf>>("bodies").expect_err("bodies are damaged");
    assert!(matches!(err, CacheError::Corrupt { .. }), "{err}");
    assert!(err.to_string().contains("checksum of \"bodies\" fails"), "{err}");
}

#[test]
fn every_flipped_byte_is_caught() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = written(dir.path());
    let len = fs::metadata(&path).expect("stat").len() as usize;
    for at in 0..len {
        rewrite(&path, |bytes| bytes[at] ^= 0x10);
        assert!(read_all(&path).is_err(), "a flipped byte {at} of {len} went unnoticed");
        rewrite(&path, |bytes| bytes[at] ^= 0x10);
    }
    read_all(&path).expect("flipped back, the cache is whole again");
}

#[test]
fn every_truncation_is_caught() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = written(dir.path());
    let good = fs::read(&path).expect("read");
    for len in 0..good.len() {
        fs::write(&path, &good[..len]).expect("write");
        let err = open(&path).expect_err("truncated");
        assert!(matches!(err, CacheError::NotACache { .. } | CacheError::Corrupt { .. }), "{len}: {err}");
    }
}

#[test]
fn another_kind_of_file_or_version_is_refused_in_plain_words() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = written(dir.path());
    let good = fs::read(&path).expect("read");
    let patched = |at: usize, with: &[u8]| {
        let mut bytes = good.clone();
        bytes[at..at + with.len()].copy_from_slice(with);
        fs::write(&path, bytes).expect("write");
        open(&path).expect_err("refused").to_string()
    };
    assert!(patched(0, b"{\"json\"").contains("is not a folio cache file"));
    let format = patched(8, &(cache::FORMAT + 1).to_le_bytes());
    assert!(format.contains(&format!("is from cache format {}", cache::FORMAT + 1)), "{format}");
    let version = env!("CARGO_PKG_VERSION");
    let other: String = version.chars().map(|c| if c.is_ascii_digit() { '9' } else { c }).collect();
    let folio = patched(13, other.as_bytes());
    assert!(folio.contains(&format!("is from folio {other}, not folio {version}")), "{folio}");
    fs::write(&path, b"").expect("write");
    assert!(open(&path).expect_err("empty").to_string().contains("is not a folio cache file"));
}

#[test]
fn a_section_read_as_another_type_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut reader = open(&written(dir.path())).expect("open");
    let err = reader.section::<u8>("titles").expect_err("not a u8");
    assert!(matches!(err, CacheError::Encoding { .. }), "{err}");
}

#[test]
fn writing_replaces_the_cache_and_leaves_nothing_else() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = written(dir.path());
    written(dir.path());
    // An unfinished writer, and one that fails, leave the cache as it was.
    let unfinished = Writer::create(&path, &[]).and_then(|w| w.section("titles", &Vec::<String>::new()));
    drop(unfinished.expect("writing"));
    let twice = Writer::create(&path, &[]).and_then(|w| w.section("a", &1)).and_then(|w| w.section("a", &2));
    assert!(twice.err().expect("a name used twice").to_string().contains("used twice"));
    read_all(&path).expect("the cache as it was");
    let names: Vec<_> =
        fs::read_dir(dir.path()).expect("ls").map(|e| e.expect("entry").file_name()).collect();
    assert_eq!(names, ["corpus.cache"]);
}

#[test]
fn a_cache_is_valid_while_its_files_are_unchanged() {
    let cached = vec![stamp("a", 1, 5), stamp("b", 2, 5), stamp("c", 3, 5)];
    assert!(cache::unchanged(&cached, &cached));
    let mut now = cached.clone();
    now[1].modified_ns = Some(6);
    assert!(!cache::unchanged(&cached, &now));
    assert!(!cache::unchanged(&cached, &cached[..2]));
    let doubted = Stamp { modified_ns: None, ..cached[0].clone() };
    let doubted = [doubted];
    assert!(!cache::unchanged(&doubted, &doubted), "an unknown time is never trusted");
    // c was deleted, b changed, d is new, a moved in the order.
    let now = vec![stamp("d", 4, 5), stamp("b", 2, 6), stamp("a", 1, 5)];
    assert_eq!(cache::reusable(&cached, &now), [None, None, Some(0)]);
}

#[test]
fn a_file_stamp_comes_from_its_metadata() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.txt");
    fs::write(&path, "hello").expect("write");
    let fresh = Stamp::of(&path, &fs::metadata(&path).expect("stat"));
    assert_eq!((fresh.size, fresh.modified_ns), (5, None), "just written: too recent to trust");
    let file = fs::File::options().write(true).open(&path).expect("open");
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    file.set_modified(an_hour_ago).expect("date back");
    let settled = Stamp::of(&path, &fs::metadata(&path).expect("stat"));
    assert!(settled.modified_ns.is_some() && settled.matches(&settled.clone()));
    // An edit that keeps the size and puts the time back is still seen: the
    // status change time moved, and no program can set that back.
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::write(&path, "HELLO").expect("an edit of the same size");
    file.set_modified(an_hour_ago).expect("the time put back");
    let edited = Stamp::of(&path, &fs::metadata(&path).expect("stat"));
    assert_eq!(
        (edited.size, edited.modified_ns),
        (settled.size, settled.modified_ns),
        "size and time as before"
    );
    assert!(!settled.matches(&edited), "but the edit is seen");
    file.set_modified(an_hour_ago + std::time::Duration::from_secs(7200)).expect("date forward");
    let future = Stamp::of(&path, &fs::metadata(&path).expect("stat"));
    assert_eq!(future.modified_ns, None, "a time in the future is not trusted");
    // A file replaced by another one, size and times alike, is another.
    let other = dir.path().join("b.txt");
    fs::write(&other, "HELLO").expect("write");
    fs::rename(&other, &path).expect("replace");
    let replaced = Stamp::of(&path, &fs::metadata(&path).expect("stat"));
    assert_ne!(replaced.inode, edited.inode);
}

#[test]
fn the_cache_file_is_named_by_its_roots() {
    let dir = Path::new("/c/folio");
    let one = cache::file_for(dir, &[PathBuf::from("/home/u/articles")]);
    assert_eq!(one, cache::file_for(dir, &[PathBuf::from("/home/u/articles")]));
    assert_eq!(one.parent(), Some(dir));
    let two = [PathBuf::from("/a"), PathBuf::from("/b")];
    let swapped = [PathBuf::from("/b"), PathBuf::from("/a")];
    assert_ne!(cache::file_for(dir, &two), cache::file_for(dir, &swapped));
    assert_ne!(cache::file_for(dir, &[PathBuf::from("/ab")]), cache::file_for(dir, &two[..]));
    // Pinned: another name would orphan every cache already on disk.
    assert_eq!(one.file_name().and_then(|n| n.to_str()), Some(EXPECTED_NAME));
    assert_eq!(cache::default_dir(Some("/x"), Some("/h")), Some(PathBuf::from("/x/folio")));
    assert_eq!(cache::default_dir(None, Some("/h")), Some(PathBuf::from("/h/.cache/folio")));
}

/// FNV-1a of "/home/u/articles" and a NUL, worked out apart from folio.
const EXPECTED_NAME: &str = "corpus-a9516651001ed267.cache";

proptest! {
    #[test]
    fn any_bytes_are_an_error_or_a_cache_never_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("c");
        fs::write(&path, &bytes).expect("write");
        let _ = read_all(&path);
    }

    #[test]
    fn a_damaged_cache_is_an_error_never_a_panic(cut in 0usize..400, at in 0usize..400, xor in 1u8..=255) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = written(dir.path());
        rewrite(&path, |bytes| {
            let at = at % bytes.len();
            bytes[at] ^= xor;
            bytes.truncate(bytes.len() - cut % bytes.len());
        });
        prop_assert!(read_all(&path).is_err());
    }

    #[test]
    fn random_bytes_after_a_good_head_never_panic(tail in proptest::collection::vec(any::<u8>(), 0..400)) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = written(dir.path());
        rewrite(&path, |bytes| {
            bytes.truncate(13 + env!("CARGO_PKG_VERSION").len());
            bytes.extend(tail);
            // Ends as a cache does, so the lengths and table are read too.
            bytes.extend(cache::MAGIC);
        });
        let _ = read_all(&path);
    }
}

#[test]
fn abandoned_temporary_files_are_swept_and_nothing_else() {
    let dir = tempfile::tempdir().expect("temp dir");
    let aged = |name: &str, age: std::time::Duration| {
        let path = dir.path().join(name);
        fs::write(&path, b"x").expect("writes");
        let file = fs::File::options().write(true).open(&path).expect("opens");
        file.set_modified(std::time::SystemTime::now() - age).expect("dates");
        path
    };
    let hour = std::time::Duration::from_secs(3600);
    let abandoned = aged(".corpus-1.cache.77.0.tmp", hour);
    let writing = aged(".corpus-2.cache.78.0.tmp", std::time::Duration::ZERO);
    let cache = aged("corpus-1.cache", hour);
    cache::sweep(dir.path());
    assert!(!abandoned.exists(), "an hour-old temporary file is gone");
    assert!(writing.exists(), "a write going on now is left alone");
    assert!(cache.exists(), "cache files stay");
}
