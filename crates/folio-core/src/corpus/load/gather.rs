//! Gathering what a load finds: parsed articles in order, skipped files
//! with their reasons, and reading one file without ever blocking on it.

#[allow(clippy::wildcard_imports)]
use super::*;

/// Articles and skipped files as they are found.
#[derive(Default)]
pub(super) struct Gathered {
    pub(super) articles: Vec<Article>,
    pub(super) skipped: Vec<Skipped>,
}

impl Gathered {
    pub(super) fn finish(self) -> Loaded {
        Loaded { corpus: Corpus::new(self.articles), skipped: self.skipped }
    }

    pub(super) fn skip(&mut self, path: impl Into<String>, reason: impl Into<String>) {
        self.skipped.push(Skipped { path: path.into(), reason: reason.into() });
    }

    pub(super) fn add_reader(&mut self, name: &str, reader: impl Read) {
        let mut bytes = Vec::new();
        match reader.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes) {
            Ok(_) if bytes.len() as u64 > MAX_FILE_BYTES => self.skip(name, too_large()),
            Ok(_) => {
                let sniffed = decode(&bytes).map(|d| Format::sniff(&d.text)).unwrap_or(Format::Text);
                self.add_bytes(name, &bytes, sniffed);
            }
            Err(err) => self.skip(name, describe_io(&err)),
        }
    }

    /// A file worth reading, with its metadata: it can be looked at, it is
    /// not one already met through another path (a link into a folder that
    /// is also walked), and it is not too large. Says why when it is skipped.
    pub(super) fn check_file(
        &mut self,
        path: PathBuf,
        meta: io::Result<fs::Metadata>,
        seen: &mut HashSet<FileId>,
    ) -> Option<(PathBuf, fs::Metadata)> {
        let meta = match meta {
            Ok(meta) => meta,
            Err(err) => {
                self.skip(shown::name_of(&path), describe_io(&err));
                return None;
            }
        };
        if !seen.insert(file_id(&path, &meta)) {
            return None;
        }
        if meta.len() > MAX_FILE_BYTES {
            self.skip(shown::name_of(&path), too_large());
            return None;
        }
        Some((path, meta))
    }

    /// Reads and parses one file that `check_file` let through, `size`
    /// bytes when it was found.
    pub(super) fn add_file(&mut self, path: &Path, size: u64) {
        let name = shown::name_of(path);
        match read_file(path, size) {
            Ok(bytes) if bytes.len() as u64 > MAX_FILE_BYTES => self.skip(name, too_large()),
            Ok(bytes) => self.add_bytes(&name, &bytes, Format::of_path(path).unwrap_or(Format::Text)),
            Err(err) => self.skip(name, describe_io(&err)),
        }
    }

    /// Decodes and parses one file's bytes into its articles.
    pub(super) fn add_bytes(&mut self, name: &str, bytes: &[u8], format: Format) {
        let decoded = match decode(bytes) {
            Ok(decoded) => decoded,
            Err(reason) => return self.skip(name, reason),
        };
        for record in formats::parse(format, name, &decoded.text) {
            match record {
                Ok((source, draft)) => {
                    if draft.is_blank() {
                        self.skip(source, "empty (no text)");
                        continue;
                    }
                    let mut article = Article::from_draft(0, source, draft);
                    article.lossy = decoded.lossy;
                    self.articles.push(article);
                }
                Err(skipped) => self.skipped.push(skipped),
            }
        }
    }
}

/// The bytes of the file at `path`, up to one more than a file may hold.
/// `size` was found with the file: reading into room for it, and a byte
/// more to meet the end, spares growing the buffer and the `stat` that
/// `fs::read` makes of every file (100,000 system calls in a load of
/// 100,000 files). A file that changed since is still read whole.
///
/// The walk's look at the file may be stale: one swapped for a FIFO since
/// would block the load for ever. It is opened without blocking, and when
/// a read gives nothing, too much or fails (as a FIFO's or a device's
/// does), what was opened is looked at: anything but a regular file is
/// refused.
pub(super) fn read_file(path: &Path, size: u64) -> io::Result<Vec<u8>> {
    let room = usize::try_from(size.min(MAX_FILE_BYTES)).unwrap_or(0).saturating_add(1);
    let mut bytes = Vec::with_capacity(room);
    let file = fsutil::open_nonblocking(path)?;
    let read = (&file).take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes);
    let odd = read.is_err() || bytes.is_empty() || bytes.len() as u64 > MAX_FILE_BYTES;
    if odd && !file.metadata()?.is_file() {
        return Err(fsutil::not_regular());
    }
    read?;
    Ok(bytes)
}

/// What makes two paths the same file: its device and inode on Unix, the
/// canonical path elsewhere.
#[cfg(unix)]
pub(super) type FileId = (u64, u64);
#[cfg(not(unix))]
pub(super) type FileId = PathBuf;

#[cfg(unix)]
pub(super) fn file_id(_path: &Path, meta: &fs::Metadata) -> FileId {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

#[cfg(not(unix))]
pub(super) fn file_id(path: &Path, _meta: &fs::Metadata) -> FileId {
    fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
}

pub(super) fn too_large() -> String {
    format!("too large (over {} MiB)", MAX_FILE_BYTES / (1024 * 1024))
}
