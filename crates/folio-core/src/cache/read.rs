//! Reading a cache file: the head, stamps and table checked on opening,
//! each section read, checked and decoded only when asked for.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use super::error::io_error;
use super::stamp::Stamps;
use super::{CacheError, Entry, FOLIO_VERSION, FORMAT, MAGIC, Stamp, TRAILER_LEN};
use crate::fsutil;

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
        let Stamps(stamps) = reader.checked_value("(stamps)", stamps_at + 12, stamps_len, stamps_crc)?;
        reader.stamps = stamps.into_owned();
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
