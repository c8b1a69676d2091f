//! Why a cache file was not written or not read.

use std::io;
use std::path::{Path, PathBuf};

use super::{FOLIO_VERSION, FORMAT};

/// Why a cache file was not written or not read, in plain words. Whatever
/// it is, the cache is simply rebuilt.
#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    /// The file could not be read or written; why is the source.
    #[error("cannot {action} cache {}", crate::shown::path(path))]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        error: io::Error,
    },
    /// It does not start as a folio cache does.
    #[error("{} is not a folio cache file", crate::shown::path(path))]
    NotACache { path: PathBuf },
    /// Another layout, or another version of folio, wrote it.
    #[error(
        "cache {} is from {found}, not folio {FOLIO_VERSION} (format {FORMAT})",
        crate::shown::path(path)
    )]
    OtherVersion { path: PathBuf, found: String },
    /// It is damaged: truncated, a checksum that fails, a length that
    /// cannot be.
    #[error("cache {} is damaged: {reason}", crate::shown::path(path))]
    Corrupt { path: PathBuf, reason: String },
    /// It has no section by this name.
    #[error("cache {} has no section \"{name}\"", crate::shown::path(path))]
    NoSection { path: PathBuf, name: String },
    /// A value could not be encoded, or a sound section decoded (the caller
    /// asked for another type than was stored).
    #[error("cache {} section \"{section}\": {reason}", crate::shown::path(path))]
    Encoding { path: PathBuf, section: String, reason: String },
}

pub(super) fn io_error(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> CacheError {
    let path = path.to_owned();
    move |error| CacheError::Io { action, path, error }
}
