//! Writing a cache file: the head and stamps, then each section streamed
//! straight to disk with its checksum, then the table and the trailer.

use std::borrow::Cow;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::error::io_error;
use super::stamp::Stamps;
use super::{CacheError, Entry, FOLIO_VERSION, FORMAT, MAGIC, Stamp};
use crate::fsutil::AtomicFile;

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
        // The head gives the stamps' length and checksum before them: they
        // are encoded twice, once to measure them and once to the file,
        // rather than into a buffer of their own (over 10 MB for 100,000
        // files, at the peak of a cold load: BENCHMARKS.md, "Memory at
        // 100,000 articles, ninth session").
        let stamps = Stamps(Cow::Borrowed(stamps));
        let (len, crc) = encode(path, "(stamps)", &stamps, io::sink())?;
        let mut head = MAGIC.to_vec();
        head.extend(FORMAT.to_le_bytes());
        head.push(FOLIO_VERSION.len() as u8);
        head.extend(FOLIO_VERSION.as_bytes());
        head.extend(len.to_le_bytes());
        head.extend(crc.to_le_bytes());
        writer.put(&head)?;
        if writer.stream("(stamps)", &stamps)? != (len, crc) {
            return Err(writer.encoding("(stamps)", "encoded twice, they differ".into()));
        }
        Ok(writer)
    }

    /// Adds the section `name`, holding `value`. A name is used once.
    pub fn section<T: Serialize + ?Sized>(mut self, name: &str, value: &T) -> Result<Writer, CacheError> {
        if self.table.iter().any(|entry| entry.name == name) {
            return Err(self.encoding(name, "the name is used twice".into()));
        }
        let offset = self.written;
        let (len, crc) = self.stream(name, value)?;
        self.table.push(Entry { name: name.to_owned(), offset, len, crc });
        Ok(self)
    }

    /// Encodes `value` straight to the file; says how many bytes and their
    /// CRC-32.
    fn stream<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) -> Result<(u64, u32), CacheError> {
        let (len, crc) = encode(&self.path, name, value, &mut self.file)?;
        self.written += len;
        Ok((len, crc))
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
        encoding(&self.path, section, reason)
    }
}

/// Encodes `value` into `out`; says how many bytes and their CRC-32.
fn encode<T: Serialize + ?Sized>(
    path: &Path,
    name: &str,
    value: &T,
    out: impl Write,
) -> Result<(u64, u32), CacheError> {
    let checked = Checked { inner: out, crc: crc32fast::Hasher::new(), len: 0, error: None };
    // Buffered before the checksum, as postcard writes a byte at a time.
    let mut buffered = BufWriter::with_capacity(1 << 16, checked);
    let encoded = postcard::to_io(value, &mut buffered).map(drop);
    let flushed = buffered.flush();
    let (Checked { crc, len, error, .. }, _) = buffered.into_parts();
    if let Some(error) = error {
        return Err(CacheError::Io { action: "write", path: path.to_owned(), error });
    }
    encoded.map_err(|error| encoding(path, name, error.to_string()))?;
    flushed.map_err(io_error("write", path))?;
    Ok((len, crc.finalize()))
}

fn encoding(path: &Path, section: &str, reason: String) -> CacheError {
    CacheError::Encoding { path: path.to_owned(), section: section.to_owned(), reason }
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
