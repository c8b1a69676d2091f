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
//! - the stamps: their length (`u64`), CRC-32 (`u32`), and the stamps in
//!   columns (postcard; see `stamp::Stamps`);
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
//! and the bytes, rather than decoding them one number at a time. Big
//! arrays of numbers, and many short lists, are best stored through
//! `bulk`, for the same reason.
//!
//! A stamp of a file changed in the last [`RACY`] has no modification time
//! and never matches: tests that want a file served from the cache must date
//! it back (`File::set_modified`).

pub(crate) mod bulk;
mod error;
mod read;
mod stamp;
mod write;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::fsutil;

pub use error::CacheError;
pub use read::Reader;
pub use stamp::{Stamp, reusable, unchanged};
pub use write::Writer;

/// The first and the last bytes of every cache file.
pub const MAGIC: [u8; 8] = *b"folio\0c\x01";

/// The layout of the file *and of every type stored in it*. Bump it whenever
/// either changes: the layout in this module and its children, or any type
/// a caller stores in a section (postcard does not describe its data, so an
/// old file would fail to decode or, worse, decode into other values). A file of another
/// format, or written by another version of folio, is not read.
// 7: the page rule's marks (issue 21); 8: article lengths in the index
// for BM25 (issue 16); 9: each article's story signature and the
// stories (issue 18); 10: tables, terms, definitions, rules and struck
// text in paragraphs, reading time by script (issue 19); 11 to 13: the
// index's arrays and the stamps stored as bytes (cache::bulk), the
// index's words in one string; 14: a file's name indexed with its title
// (issue 16).
pub const FORMAT: u32 = 14;

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

/// Where a section is in the file, and its checksum.
#[derive(Serialize, Deserialize, Debug)]
struct Entry {
    name: String,
    offset: u64,
    len: u64,
    crc: u32,
}
