//! A file's stamp: what it was when it was read (size, times, inode), and
//! whether what was cached from it is still valid.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};

use super::RACY;
use super::bulk::{self, Flat};

/// What a file was when it was read: what was cached from it is valid only
/// while it still matches (see [`Stamp::matches`], which, unlike `==`, never
/// trusts a stamp without a modification time).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub path: PathBuf,
    pub size: u64,
    /// Nanoseconds since 1970 (negative before). `None` when unknown: the
    /// platform does not say, or the file changed within [`RACY`] of being
    /// stamped, or its time is in the future.
    pub modified_ns: Option<i128>,
    /// The inode and the status change time (ctime, in nanoseconds since
    /// 1970), where the platform has them: an edit that keeps the size and
    /// puts the modification time back (`touch -d`, `rsync -t`, `cp -p`)
    /// still moves the ctime, which no program can set; a file replaced by
    /// another has another inode.
    pub inode: u64,
    pub changed_ns: Option<i128>,
}

impl Stamp {
    /// The stamp of the file at `path`, from its metadata taken before it
    /// was read.
    pub fn of(path: &Path, meta: &fs::Metadata) -> Stamp {
        Stamp::at(path, meta, SystemTime::now())
    }

    fn at(path: &Path, meta: &fs::Metadata, now: SystemTime) -> Stamp {
        let settled = |modified: &SystemTime| now.duration_since(*modified).is_ok_and(|age| age >= RACY);
        let modified_ns =
            meta.modified().ok().filter(settled).map(|modified| match modified.duration_since(UNIX_EPOCH) {
                Ok(after) => after.as_nanos() as i128,
                Err(before) => -(before.duration().as_nanos() as i128),
            });
        let (inode, changed_ns) = identity(meta);
        Stamp { path: path.to_owned(), size: meta.len(), modified_ns, inode, changed_ns }
    }

    /// Whether `now` is the same file, unchanged since `self` was taken.
    pub fn matches(&self, now: &Stamp) -> bool {
        self.modified_ns.is_some() && self == now
    }
}

#[cfg(unix)]
fn identity(meta: &fs::Metadata) -> (u64, Option<i128>) {
    use std::os::unix::fs::MetadataExt;
    (meta.ino(), Some(i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec())))
}

#[cfg(not(unix))]
fn identity(_meta: &fs::Metadata) -> (u64, Option<i128>) {
    (0, None)
}

/// Whether a cache still describes exactly these files: the same files in
/// the same order, each unchanged.
pub fn unchanged(cached: &[Stamp], now: &[Stamp]) -> bool {
    cached.len() == now.len() && cached.iter().zip(now).all(|(cached, now)| cached.matches(now))
}

/// For each file of `now`, where the same unchanged file is in `cached`:
/// what was cached from it can be reused; `None` means read it again.
pub fn reusable(cached: &[Stamp], now: &[Stamp]) -> Vec<Option<usize>> {
    let by_path: HashMap<&Path, usize> =
        cached.iter().enumerate().map(|(at, stamp)| (stamp.path.as_path(), at)).collect();
    now.iter()
        .map(|stamp| by_path.get(stamp.path.as_path()).copied().filter(|&at| cached[at].matches(stamp)))
        .collect()
}

/// Every file's stamp, as the cache stores them: a column per field (the
/// paths laid end to end, the numbers as bytes; see [`bulk`]), so that a
/// start reads the stamps of 100,000 files as a few copies rather than
/// five varints and an `Option` each (BENCHMARKS.md, "`--filter` from
/// the cache, decoded in bulk").
pub(super) struct Stamps<'a>(pub(super) Cow<'a, [Stamp]>);

/// The columns of [`Stamps`]. A time not known is 0 in its column, and
/// `known` says which are: bit 0 the modification time, bit 1 the
/// status change time.
#[derive(Serialize, Deserialize)]
struct Columns<'a> {
    #[serde(borrow)]
    paths: Flat<'a>,
    #[serde(with = "bulk::numbers")]
    sizes: Vec<u64>,
    #[serde(with = "bulk::numbers")]
    inodes: Vec<u64>,
    #[serde(with = "serde_bytes")]
    known: Vec<u8>,
    #[serde(with = "bulk::numbers")]
    modified_ns: Vec<i128>,
    #[serde(with = "bulk::numbers")]
    changed_ns: Vec<i128>,
}

const MODIFIED_KNOWN: u8 = 1;
const CHANGED_KNOWN: u8 = 2;

impl Serialize for Stamps<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let stamps = &*self.0;
        let paths: Result<Vec<&[u8]>, _> = stamps.iter().map(|s| path_bytes(&s.path)).collect();
        let paths = paths.map_err(serde::ser::Error::custom)?;
        let known = |s: &Stamp| {
            (if s.modified_ns.is_some() { MODIFIED_KNOWN } else { 0 })
                | (if s.changed_ns.is_some() { CHANGED_KNOWN } else { 0 })
        };
        Columns {
            paths: Flat::of(paths.into_iter()).map_err(serde::ser::Error::custom)?,
            sizes: stamps.iter().map(|s| s.size).collect(),
            inodes: stamps.iter().map(|s| s.inode).collect(),
            known: stamps.iter().map(known).collect(),
            modified_ns: stamps.iter().map(|s| s.modified_ns.unwrap_or(0)).collect(),
            changed_ns: stamps.iter().map(|s| s.changed_ns.unwrap_or(0)).collect(),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Stamps<'static> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let columns = Columns::deserialize(deserializer)?;
        let paths = columns.paths.map(path_from)?;
        let count = paths.len();
        let lengths = [columns.sizes.len(), columns.inodes.len(), columns.known.len()];
        let times = [columns.modified_ns.len(), columns.changed_ns.len()];
        if lengths.into_iter().chain(times).any(|len| len != count) {
            return Err(de::Error::custom("the stamps' columns differ in length"));
        }
        let when = |known: u8, bit: u8, ns: i128| (known & bit != 0).then_some(ns);
        let stamps = paths
            .into_iter()
            .enumerate()
            .map(|(i, path)| {
                let known = columns.known[i];
                Stamp {
                    path,
                    size: columns.sizes[i],
                    modified_ns: when(known, MODIFIED_KNOWN, columns.modified_ns[i]),
                    inode: columns.inodes[i],
                    changed_ns: when(known, CHANGED_KNOWN, columns.changed_ns[i]),
                }
            })
            .collect();
        Ok(Stamps(Cow::Owned(stamps)))
    }
}

/// A path as its bytes where the platform allows it, so that a file name
/// that is not UTF-8 does not stop the whole corpus from being cached;
/// elsewhere as UTF-8, or not at all.
#[cfg(unix)]
fn path_bytes(path: &Path) -> Result<&[u8], &'static str> {
    use std::os::unix::ffi::OsStrExt;
    Ok(path.as_os_str().as_bytes())
}

#[cfg(unix)]
fn path_from<E: de::Error>(bytes: &[u8]) -> Result<PathBuf, E> {
    use std::os::unix::ffi::OsStringExt;
    Ok(PathBuf::from(std::ffi::OsString::from_vec(bytes.to_vec())))
}

#[cfg(not(unix))]
fn path_bytes(path: &Path) -> Result<&[u8], &'static str> {
    path.to_str().map(str::as_bytes).ok_or("a path that is not UTF-8")
}

#[cfg(not(unix))]
fn path_from<E: de::Error>(bytes: &[u8]) -> Result<PathBuf, E> {
    std::str::from_utf8(bytes).map(PathBuf::from).map_err(de::Error::custom)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(stamps: &[Stamp]) -> Vec<Stamp> {
        let bytes = postcard::to_allocvec(&Stamps(Cow::Borrowed(stamps))).expect("encodes");
        postcard::from_bytes::<Stamps>(&bytes).expect("decodes").0.into_owned()
    }

    #[test]
    fn stamps_come_back_as_stored_known_or_not() {
        let stamp = |path: &str, modified_ns, changed_ns| Stamp {
            path: PathBuf::from(path),
            size: 1 << 40,
            modified_ns,
            inode: u64::MAX,
            changed_ns,
        };
        let stamps = [
            stamp("a.txt", Some(1_733_550_000_000_000_000), Some(-5)),
            stamp("", None, Some(0)),
            stamp("dir/Zürich.md", Some(0), None),
            stamp("b", None, None),
        ];
        assert_eq!(round_trip(&stamps), stamps);
        assert_eq!(round_trip(&[]), []);
    }

    #[cfg(unix)]
    #[test]
    fn a_path_that_is_not_utf8_comes_back_byte_for_byte() {
        use std::os::unix::ffi::OsStrExt;
        let path = PathBuf::from(std::ffi::OsStr::from_bytes(b"caf\xe9.txt"));
        let stamps = [Stamp { path, size: 3, modified_ns: Some(1), inode: 2, changed_ns: Some(3) }];
        assert_eq!(round_trip(&stamps), stamps);
    }

    #[test]
    fn columns_of_different_lengths_are_refused() {
        let mut columns = Columns {
            paths: Flat::of([&b"a"[..], b"b"].into_iter()).expect("stores"),
            sizes: vec![1, 2],
            inodes: vec![1, 2],
            known: vec![0, 0],
            modified_ns: vec![0, 0],
            changed_ns: vec![0, 0],
        };
        let decoded = |columns: &Columns| {
            postcard::from_bytes::<Stamps>(&postcard::to_allocvec(columns).expect("encodes"))
                .map(|s| s.0.len())
        };
        assert_eq!(decoded(&columns), Ok(2));
        columns.changed_ns.pop();
        assert!(decoded(&columns).is_err());
    }
}
