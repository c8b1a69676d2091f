//! A file's stamp: what it was when it was read (size, times, inode), and
//! whether what was cached from it is still valid.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::RACY;

/// What a file was when it was read: what was cached from it is valid only
/// while it still matches (see [`Stamp::matches`], which, unlike `==`, never
/// trusts a stamp without a modification time).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    #[serde(with = "path_bytes")]
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

/// A path as its bytes where the platform allows it, so that a file name
/// that is not UTF-8 does not stop the whole corpus from being cached.
mod path_bytes {
    use std::path::{Path, PathBuf};

    use serde::{Deserializer, Serializer};

    #[cfg(unix)]
    pub fn serialize<S: Serializer>(path: &Path, serializer: S) -> Result<S::Ok, S::Error> {
        use std::os::unix::ffi::OsStrExt;
        serde_bytes::serialize(path.as_os_str().as_bytes(), serializer)
    }

    #[cfg(unix)]
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<PathBuf, D::Error> {
        use std::os::unix::ffi::OsStringExt;
        let bytes: Vec<u8> = serde_bytes::deserialize(deserializer)?;
        Ok(PathBuf::from(std::ffi::OsString::from_vec(bytes)))
    }

    #[cfg(not(unix))]
    pub fn serialize<S: Serializer>(path: &Path, serializer: S) -> Result<S::Ok, S::Error> {
        serde::Serialize::serialize(path, serializer)
    }

    #[cfg(not(unix))]
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<PathBuf, D::Error> {
        serde::Deserialize::deserialize(deserializer)
    }
}
