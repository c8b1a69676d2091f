//! Why a cache file was not written or not read.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use super::{FOLIO_VERSION, FORMAT};

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

pub(super) fn io_error(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> CacheError {
    let path = path.to_owned();
    move |error| CacheError::Io { action, path, error }
}
