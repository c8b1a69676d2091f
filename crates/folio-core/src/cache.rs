//! An on-disk cache file: named sections of serde values (encoded with
//! postcard), kept valid only while the files they came from are unchanged.
//! It lives under the XDG cache folder and is only ever a copy: deleting it
//! is always safe, and any file that is not exactly what this folio wrote
//! (truncated, a flipped byte, another version) is an error the caller
//! answers by rebuilding and writing a new one. Knows nothing of articles.
//!
//! The file, in order (integers little-endian):
//! - [`MAGIC`], the [`FORMAT`] (`u32`), folio's version (a `u8` length and
//!   its bytes);
//! - the stamps: their length (`u64`), CRC-32 (`u32`), and a postcard
//!   `Vec<Stamp>`;
//! - the sections' bytes, one after another;
//! - the table of sections (name, offset, length, CRC-32 of each), postcard;
//! - a trailer: the table's length (`u64`) and CRC-32 (`u32`), and
//!   [`MAGIC`] again, so an unfinished or truncated file shows at once.
//!
//! The table comes last so that sections stream straight to disk as they are
//! encoded: a 300 MB section is never held twice in memory. Opening reads
//! the head, the stamps and the table; a section is read, checked and
//! decoded only when asked for, so a caller that needs the titles and the
//! index never reads the bodies.
//!
//! Big byte blobs are best stored as `serde_bytes::ByteBuf` (or a field
//! with `#[serde(with = "serde_bytes")]`): postcard then writes one length
//! and the bytes, rather than decoding them one number at a time.
//!
//! A stamp of a file changed in the last [`RACY`] has no modification time
//! and never matches: tests that want a file served from the cache must date
//! it back (`File::set_modified`).

use std::collections::HashMap;
use std::fmt;
use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::fsutil::{self, AtomicFile};

/// The first and the last bytes of every cache file.
pub const MAGIC: [u8; 8] = *b"folio\0c\x01";

/// The layout of the file *and of every type stored in it*. Bump it whenever
/// either changes: the layout in this module, or any type a caller stores in
/// a section (postcard does not describe its data, so an old file would
/// fail to decode or, worse, decode into other values). A file of another
/// format, or written by another version of folio, is not read.
// 7: the page rule's marks (issue 21); 8: article lengths in the index
// for BM25 (issue 16); 9: each article's story signature and the
// stories (issue 18); 10: tables, terms, definitions, rules and struck
// text in paragraphs, reading time by script (issue 19).
pub const FORMAT: u32 = 10;

const FOLIO_VERSION: &str = env!("CARGO_PKG_VERSION");
// The file gives the version one byte of length.
const _: () = assert!(FOLIO_VERSION.len() <= u8::MAX as usize);

/// How recent a change must be for a file's modification time to be
/// doubted: a file changed twice within one tick of its file system's clock
/// (up to 2 s on FAT, 1 s on some network file systems) keeps the first
/// time, so a stamp taken that soon could miss the second change.
pub const RACY: Duration = Duration::from_secs(2);

/// The table's length, CRC-32, and the magic again.
const TRAILER_LEN: u64 = 8 + 4 + MAGIC.len() as u64;

/// A write's temporary file left this long is one whose folio was stopped
/// mid-write (quitting right after a load, a hang-up): no write takes
/// nearly as long.
pub const ABANDONED: Duration = Duration::from_secs(10 * 60);

/// Removes the temporary files of abandoned writes from `dir`: a cache
/// file is hundreds of megabytes, and one folio cut short must not leave
/// them behind for good. Files of writes still going on are younger.
pub fn sweep(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let temporary = name.starts_with('.') && name.ends_with(".tmp");
        let abandoned = || {
            let modified = entry.metadata().and_then(|m| m.modified()).ok();
            modified.and_then(|m| m.elapsed().ok()).is_some_and(|age| age > ABANDONED)
        };
        if temporary && abandoned() {
            let _ = fs::remove_file(entry.path());
        }
    }
}

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

/// Where cache files live: `$XDG_CACHE_HOME/folio/`, or `~/.cache/folio/`.
/// `None` when neither variable says.
pub fn default_dir(xdg_cache_home: Option<&str>, home: Option<&str>) -> Option<PathBuf> {
    fsutil::xdg_dir(xdg_cache_home, home, ".cache")
}

/// The cache file in `dir` for a corpus read from `roots` (as named on the
/// command line, canonicalised; their order counts, as it orders the
/// corpus): a name hashed from them, the same in every version of folio.
pub fn file_for(dir: &Path, roots: &[PathBuf]) -> PathBuf {
    let bytes = roots.iter().flat_map(|root| root.as_os_str().as_encoded_bytes().iter().copied().chain([0]));
    dir.join(format!("corpus-{:016x}.cache", fsutil::fnv1a(bytes)))
}

/// Why a cache file was not written or not read, in plain words. Whatever
/// it is, the cache is simply rebuilt.
#[derive(Debug)]
pub enum CacheError {
    /// The file could not be read or written.
    Io { action: &'static str, path: PathBuf, error: io::Error },
    /// It does not start as a folio cache does.
    NotACache { path: PathBuf },
    /// Another layout, or another version of folio, wrote it.
    OtherVersion { path: PathBuf, found: String },
    /// It is damaged: truncated, a checksum that fails, a length that
    /// cannot be.
    Corrupt { path: PathBuf, reason: String },
    /// It has no section by this name.
    NoSection { path: PathBuf, name: String },
    /// A value could not be encoded, or a sound section decoded (the caller
    /// asked for another type than was stored).
    Encoding { path: PathBuf, section: String, reason: String },
}

impl fmt::Display for CacheError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CacheError::Io { action, path, error } => {
                write!(f, "cannot {action} cache {}: {error}", crate::shown::path(path))
            }
            CacheError::NotACache { path } => {
                write!(f, "{} is not a folio cache file", crate::shown::path(path))
            }
            CacheError::OtherVersion { path, found } => write!(
                f,
                "cache {} is from {found}, not folio {FOLIO_VERSION} (format {FORMAT})",
                crate::shown::path(path)
            ),
            CacheError::Corrupt { path, reason } => {
                write!(f, "cache {} is damaged: {reason}", crate::shown::path(path))
            }
            CacheError::NoSection { path, name } => {
                write!(f, "cache {} has no section \"{name}\"", crate::shown::path(path))
            }
            CacheError::Encoding { path, section, reason } => {
                write!(f, "cache {} section \"{section}\": {reason}", crate::shown::path(path))
            }
        }
    }
}

impl std::error::Error for CacheError {}

/// Where a section is in the file, and its checksum.
#[derive(Serialize, Deserialize, Debug)]
struct Entry {
    name: String,
    offset: u64,
    len: u64,
    crc: u32,
}

/// Writes a cache file: the stamps first, then each section as it is given,
/// straight to a temporary file that replaces the old cache only at
/// [`Writer::finish`]. Dropped unfinished, or after an error, it leaves the
/// old cache and nothing else.
///
/// ```no_run
/// # fn main() -> Result<(), folio_core::cache::CacheError> {
/// # let (path, stamps, titles, index) = (std::path::Path::new("c"), vec![], vec![String::new()], 0u32);
/// use folio_core::cache::Writer;
/// Writer::create(path, &stamps)?.section("titles", &titles)?.section("index", &index)?.finish()
/// # }
/// ```
pub struct Writer {
    path: PathBuf,
    file: AtomicFile,
    written: u64,
    table: Vec<Entry>,
}

impl Writer {
    /// Starts a new cache at `path` (its folder is created if missing).
    pub fn create(path: &Path, stamps: &[Stamp]) -> Result<Writer, CacheError> {
        let file = AtomicFile::create(path).map_err(io_error("create", path))?;
        let mut writer = Writer { path: path.to_owned(), file, written: 0, table: Vec::new() };
        let stamps =
            postcard::to_allocvec(stamps).map_err(|error| writer.encoding("(stamps)", error.to_string()))?;
        let mut head = MAGIC.to_vec();
        head.extend(FORMAT.to_le_bytes());
        head.push(FOLIO_VERSION.len() as u8);
        head.extend(FOLIO_VERSION.as_bytes());
        head.extend((stamps.len() as u64).to_le_bytes());
        head.extend(crc32fast::hash(&stamps).to_le_bytes());
        writer.put(&head)?;
        writer.put(&stamps)?;
        Ok(writer)
    }

    /// Adds the section `name`, holding `value`. A name is used once.
    pub fn section<T: Serialize + ?Sized>(mut self, name: &str, value: &T) -> Result<Writer, CacheError> {
        if self.table.iter().any(|entry| entry.name == name) {
            return Err(self.encoding(name, "the name is used twice".into()));
        }
        let checked = Checked { inner: &mut self.file, crc: crc32fast::Hasher::new(), len: 0, error: None };
        // Buffered before the checksum, as postcard writes a byte at a time.
        let mut buffered = BufWriter::with_capacity(1 << 16, checked);
        let encoded = postcard::to_io(value, &mut buffered).map(drop);
        let flushed = buffered.flush();
        let (Checked { crc, len, error, .. }, _) = buffered.into_parts();
        if let Some(error) = error {
            return Err(CacheError::Io { action: "write", path: self.path, error });
        }
        encoded.map_err(|error| self.encoding(name, error.to_string()))?;
        flushed.map_err(io_error("write", &self.path))?;
        let crc = crc.finalize();
        self.table.push(Entry { name: name.to_owned(), offset: self.written, len, crc });
        self.written += len;
        Ok(self)
    }

    /// Writes the table and puts the new cache in place of the old one.
    pub fn finish(mut self) -> Result<(), CacheError> {
        let table = postcard::to_allocvec(&self.table)
            .map_err(|error| self.encoding("(table)", error.to_string()))?;
        let mut trailer = (table.len() as u64).to_le_bytes().to_vec();
        trailer.extend(crc32fast::hash(&table).to_le_bytes());
        trailer.extend(MAGIC);
        self.put(&table)?;
        self.put(&trailer)?;
        let path = self.path;
        self.file.commit().map_err(io_error("write", &path))
    }

    fn put(&mut self, bytes: &[u8]) -> Result<(), CacheError> {
        self.file.write_all(bytes).map_err(io_error("write", &self.path))?;
        self.written += bytes.len() as u64;
        Ok(())
    }

    fn encoding(&self, section: &str, reason: String) -> CacheError {
        CacheError::Encoding { path: self.path.clone(), section: section.to_owned(), reason }
    }
}

/// Passes bytes on, counting them and summing their CRC-32; keeps the first
/// I/O error, which postcard would report only as a full buffer.
struct Checked<W> {
    inner: W,
    crc: crc32fast::Hasher,
    len: u64,
    error: Option<io::Error>,
}

impl<W: Write> Write for Checked<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self.inner.write(buf) {
            Ok(n) => {
                self.crc.update(&buf[..n]);
                self.len += n as u64;
                Ok(n)
            }
            Err(error) => {
                let kind = error.kind();
                self.error.get_or_insert(error);
                Err(kind.into())
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// An open cache file whose head, stamps and table have been checked; its
/// sections are read when asked for.
#[derive(Debug)]
pub struct Reader {
    path: PathBuf,
    file: File,
    size: u64,
    stamps: Vec<Stamp>,
    table: Vec<Entry>,
}

impl Reader {
    /// Opens the cache at `path`: `Ok(None)` when there is none (the usual
    /// first start), an error when it is not one this folio wrote whole.
    pub fn open(path: &Path) -> Result<Option<Reader>, CacheError> {
        // A FIFO or a device in its place is refused, never read.
        let file = match fsutil::open_regular(path) {
            Ok(file) => file,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(CacheError::Io { action: "open", path: path.to_owned(), error }),
        };
        let size = file.metadata().map_err(io_error("read", path))?.len();
        let mut reader = Reader { path: path.to_owned(), file, size, stamps: Vec::new(), table: Vec::new() };
        let stamps_at = reader.head()?;
        let table_end = size.checked_sub(TRAILER_LEN).filter(|&end| end >= stamps_at + 12);
        let table_end = table_end.ok_or_else(|| reader.corrupt("it is truncated"))?;
        let (table_len, table_crc) = reader.length_and_crc(table_end)?;
        if reader.read_at(table_end + 12, MAGIC.len() as u64)? != MAGIC {
            return Err(reader.corrupt("it does not end as a cache does: truncated or unfinished"));
        }
        let (stamps_len, stamps_crc) = reader.length_and_crc(stamps_at)?;
        let data_at = (stamps_at + 12).checked_add(stamps_len);
        let table_at = table_end.checked_sub(table_len).filter(|&at| data_at.is_some_and(|data| data <= at));
        let (Some(data_at), Some(table_at)) = (data_at, table_at) else {
            return Err(reader.corrupt("its lengths add up to more than its size"));
        };
        reader.stamps = reader.checked_value("(stamps)", stamps_at + 12, stamps_len, stamps_crc)?;
        reader.table = reader.checked_value("(table)", table_at, table_len, table_crc)?;
        let inside =
            |e: &Entry| e.offset >= data_at && e.offset.checked_add(e.len).is_some_and(|end| end <= table_at);
        if let Some(entry) = reader.table.iter().find(|entry| !inside(entry)) {
            return Err(reader.corrupt(&format!("section \"{}\" lies outside its sections", entry.name)));
        }
        Ok(Some(reader))
    }

    /// The files the cache was made from, as they were then.
    pub fn stamps(&self) -> &[Stamp] {
        &self.stamps
    }

    /// Reads, checks and decodes the section `name`; no other is read.
    pub fn section<T: DeserializeOwned>(&mut self, name: &str) -> Result<T, CacheError> {
        let entry = self.table.iter().find(|entry| entry.name == name);
        let Some(&Entry { offset, len, crc, .. }) = entry else {
            return Err(CacheError::NoSection { path: self.path.clone(), name: name.to_owned() });
        };
        self.checked_value(name, offset, len, crc)
    }

    /// The section `name` as stored (postcard), once its checksum passes:
    /// for a caller that decodes it borrowing from the bytes.
    pub fn section_bytes(&mut self, name: &str) -> Result<Vec<u8>, CacheError> {
        let entry = self.table.iter().find(|entry| entry.name == name);
        let Some(&Entry { offset, len, crc, .. }) = entry else {
            return Err(CacheError::NoSection { path: self.path.clone(), name: name.to_owned() });
        };
        let bytes = self.read_at(offset, len)?;
        if crc32fast::hash(&bytes) != crc {
            return Err(self.corrupt(&format!("the checksum of \"{name}\" fails")));
        }
        Ok(bytes)
    }

    /// Checks the section `name` against its checksum without keeping it:
    /// read a piece at a time, so checking a 300 MB section holds 1 MiB.
    pub fn check_section(&mut self, name: &str) -> Result<(), CacheError> {
        const PIECE: u64 = 1 << 20;
        let entry = self.table.iter().find(|entry| entry.name == name);
        let Some(&Entry { offset, len, crc, .. }) = entry else {
            return Err(CacheError::NoSection { path: self.path.clone(), name: name.to_owned() });
        };
        let mut hasher = crc32fast::Hasher::new();
        let (mut at, end) = (offset, offset.saturating_add(len));
        while at < end {
            let piece = self.read_at(at, PIECE.min(end - at))?;
            hasher.update(&piece);
            at += piece.len() as u64;
        }
        if hasher.finalize() != crc {
            return Err(self.corrupt(&format!("the checksum of \"{name}\" fails")));
        }
        Ok(())
    }

    /// Checks the magic, the format and folio's version; says where the
    /// stamps start.
    fn head(&mut self) -> Result<u64, CacheError> {
        let fixed = MAGIC.len() as u64 + 4 + 1;
        let head = if self.size >= fixed { self.read_at(0, fixed).ok() } else { None };
        let Some(head) = head.filter(|head| head[..MAGIC.len()] == MAGIC) else {
            return Err(CacheError::NotACache { path: self.path.clone() });
        };
        let format = u32::from_le_bytes([head[8], head[9], head[10], head[11]]);
        let path = self.path.clone();
        let other = |found: String| CacheError::OtherVersion { path: path.clone(), found };
        if format != FORMAT {
            return Err(other(format!("cache format {format}")));
        }
        let version = self.read_at(fixed, u64::from(head[12]))?;
        if version != FOLIO_VERSION.as_bytes() {
            return Err(other(format!("folio {}", String::from_utf8_lossy(&version))));
        }
        Ok(fixed + version.len() as u64)
    }

    /// A block's length and CRC-32, as the stamps and the trailer start.
    fn length_and_crc(&mut self, at: u64) -> Result<(u64, u32), CacheError> {
        let bytes = self.read_at(at, 12)?;
        // read_at gave exactly 12 bytes.
        let len = u64::from_le_bytes(std::array::from_fn(|i| bytes[i]));
        let crc = u32::from_le_bytes(std::array::from_fn(|i| bytes[8 + i]));
        Ok((len, crc))
    }

    /// The value stored in `len` bytes at `at`, once they pass the checksum.
    fn checked_value<T: DeserializeOwned>(
        &mut self,
        what: &str,
        at: u64,
        len: u64,
        crc: u32,
    ) -> Result<T, CacheError> {
        let bytes = self.read_at(at, len)?;
        if crc32fast::hash(&bytes) != crc {
            return Err(self.corrupt(&format!("the checksum of \"{what}\" fails")));
        }
        let encoding = |reason: String| CacheError::Encoding {
            path: self.path.clone(),
            section: what.to_owned(),
            reason,
        };
        match postcard::take_from_bytes(&bytes) {
            Ok((value, [])) => Ok(value),
            Ok((_, rest)) => {
                Err(encoding(format!("{} bytes are left over: not the type stored", rest.len())))
            }
            Err(error) => Err(encoding(error.to_string())),
        }
    }

    /// `len` bytes at `at`. The length is checked against the file's size
    /// first, so a damaged one never makes folio allocate gigabytes.
    fn read_at(&mut self, at: u64, len: u64) -> Result<Vec<u8>, CacheError> {
        if at.checked_add(len).is_none_or(|end| end > self.size) {
            return Err(self.corrupt("it is truncated"));
        }
        let mut bytes = Vec::with_capacity(len as usize);
        let read = self
            .file
            .seek(SeekFrom::Start(at))
            .and_then(|_| (&mut self.file).take(len).read_to_end(&mut bytes));
        read.map_err(io_error("read", &self.path))?;
        if bytes.len() as u64 != len {
            return Err(self.corrupt("it is truncated"));
        }
        Ok(bytes)
    }

    fn corrupt(&self, reason: &str) -> CacheError {
        CacheError::Corrupt { path: self.path.clone(), reason: reason.to_owned() }
    }
}

fn io_error(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> CacheError {
    let path = path.to_owned();
    move |error| CacheError::Io { action, path, error }
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
