//! What the files folio keeps for itself share: where they live (the XDG
//! folders), how they are replaced (atomically, so a reader or a crash never
//! sees half a file), and a hash that stays the same on disk from one version
//! of folio, Rust or a dependency to the next.

use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// folio's folder under an XDG base folder: `$XDG_…_HOME/folio`, else
/// `~/<under_home>/folio`. A relative XDG variable is ignored, as the
/// specification says. `None` when neither variable says.
pub fn xdg_dir(xdg_home: Option<&str>, home: Option<&str>, under_home: &str) -> Option<PathBuf> {
    match (xdg_home.filter(|d| Path::new(d).is_absolute()), home) {
        (Some(base), _) => Some(Path::new(base).join("folio")),
        (None, Some(home)) if !home.is_empty() => Some(Path::new(home).join(under_home).join("folio")),
        _ => None,
    }
}

/// FNV-1a over `bytes`: small, and the same in every version of folio and of
/// its dependencies, as a hash kept on disk must be (std's `DefaultHasher`
/// is not).
pub fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes.into_iter().fold(OFFSET, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(PRIME))
}

/// Creates `dir` and its missing parents, readable by the user alone (0700,
/// as the XDG specification asks: what folio keeps says what one reads).
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// A file that replaces `path` only when committed: it is written beside it
/// under a temporary name, flushed to disk and renamed over it, so a reader
/// sees the old file or the new one and a crash leaves the old one. Dropped
/// uncommitted, it removes its temporary file.
#[derive(Debug)]
pub struct AtomicFile {
    path: PathBuf,
    temporary: PathBuf,
    file: Option<BufWriter<File>>,
}

impl AtomicFile {
    /// Starts replacing `path`, creating its folder (privately) if missing.
    pub fn create(path: &Path) -> io::Result<AtomicFile> {
        // Unique per process and per call, so two threads or two folios
        // writing the same file never share a temporary file.
        static COUNT: AtomicU64 = AtomicU64::new(0);
        let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        create_private_dir(dir)?;
        let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
        let count = COUNT.fetch_add(1, Ordering::Relaxed);
        let temporary = dir.join(format!(".{name}.{}.{count}.tmp", std::process::id()));
        let file = BufWriter::new(File::create(&temporary)?);
        Ok(AtomicFile { path: path.to_owned(), temporary, file: Some(file) })
    }

    /// Makes the new file the one at `path`. If that fails (a full disk,
    /// a folder gone read-only), the temporary file is removed: nothing is
    /// left behind.
    pub fn commit(mut self) -> io::Result<()> {
        let Some(file) = self.file.take() else { return Ok(()) };
        let renamed = file
            .into_inner()
            .map_err(io::IntoInnerError::into_error)
            .and_then(|file| file.sync_all())
            .and_then(|()| fs::rename(&self.temporary, &self.path));
        if let Err(err) = renamed {
            let _ = fs::remove_file(&self.temporary);
            return Err(err);
        }
        // The rename itself is durable once the folder is synced.
        if let Some(dir) = self.path.parent().and_then(|dir| File::open(dir).ok()) {
            let _ = dir.sync_all();
        }
        Ok(())
    }

    fn file(&mut self) -> io::Result<&mut BufWriter<File>> {
        self.file.as_mut().ok_or_else(|| io::Error::other("the file was already committed"))
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file()?.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.file()?.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file()?.flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = fs::remove_file(&self.temporary);
        }
    }
}

/// Opens `path` for reading only if it is a regular file, checked on the
/// file opened (not on a name that could be swapped meanwhile): a FIFO,
/// a device or a socket in its place is an error, never a read that
/// blocks forever or never ends (`/dev/zero`). The open itself does not
/// block: it is non-blocking, which changes nothing for a regular file.
pub fn open_regular(path: &Path) -> io::Result<File> {
    let file = open_nonblocking(path)?;
    if file.metadata()?.is_file() { Ok(file) } else { Err(not_regular()) }
}

/// Opens `path` for reading without blocking, whatever it is: a FIFO with
/// no writer opens at once and reads as empty, one that has nothing to
/// give fails with `WouldBlock`, never a wait. For the load's hot path,
/// which checks the type only when a read gives nothing (see
/// `corpus::load`), sparing a `stat` per file.
pub fn open_nonblocking(path: &Path) -> io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    options.open(path)
}

/// The error for what [`open_regular`] refuses.
pub fn not_regular() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, "not a regular file (never read)")
}

/// The whole of the regular file at `path` (see [`open_regular`]), if it
/// holds at most `limit` bytes; a bigger one is an error, read no further.
pub fn read_regular(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    open_regular(path)?.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(io::Error::new(io::ErrorKind::InvalidData, format!("larger than {limit} bytes")));
    }
    Ok(bytes)
}

/// Removes from `dir` the temporary files [`AtomicFile`] left for `name`
/// that are older than `age`: their writer was killed mid-write. Files of
/// a write still going on are younger.
pub fn sweep_temporaries(dir: &Path, name: &str, age: std::time::Duration) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        if !(file_name.starts_with(&prefix) && file_name.ends_with(".tmp")) {
            continue;
        }
        // Only files (never a folder or what a link points to), and only old.
        let meta = entry.metadata().ok().filter(fs::Metadata::is_file);
        let old =
            meta.and_then(|m| m.modified().ok()).and_then(|m| m.elapsed().ok()).is_some_and(|a| a > age);
        if old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Replaces `path` with `bytes`, atomically (see [`AtomicFile`]).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = AtomicFile::create(path)?;
    file.write_all(bytes)?;
    file.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_folders_follow_xdg() {
        assert_eq!(xdg_dir(Some("/s"), Some("/home/u"), ".cache"), Some(PathBuf::from("/s/folio")));
        assert_eq!(xdg_dir(None, Some("/home/u"), ".cache"), Some(PathBuf::from("/home/u/.cache/folio")));
        assert_eq!(xdg_dir(Some("rel"), Some("/h"), ".cache"), Some(PathBuf::from("/h/.cache/folio")));
        assert_eq!(xdg_dir(None, Some(""), ".cache"), None);
        assert_eq!(xdg_dir(None, None, ".cache"), None);
    }

    #[test]
    fn the_hash_is_fnv1a() {
        // Published FNV-1a 64 test vectors: a change here would orphan every
        // file named or keyed by it.
        assert_eq!(fnv1a(*b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(*b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(*b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn a_file_is_replaced_whole_and_leaves_nothing_beside_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("new/folder/f");
        write_atomically(&path, b"old").expect("write");
        let mut file = AtomicFile::create(&path).expect("create");
        file.write_all(b"new").expect("write");
        assert_eq!(fs::read(&path).expect("read"), b"old", "not replaced before the commit");
        file.commit().expect("commit");
        assert_eq!(fs::read(&path).expect("read"), b"new");
        let mut abandoned = AtomicFile::create(&path).expect("create");
        abandoned.write_all(b"half").expect("write");
        drop(abandoned);
        assert_eq!(fs::read(&path).expect("read"), b"new");
        let names: Vec<_> = fs::read_dir(path.parent().expect("parent")).expect("ls").collect();
        assert_eq!(names.len(), 1, "only the file itself: {names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn only_regular_files_are_read_and_never_past_the_limit() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
        assert!(made.success());
        // Opening a FIFO for reading with no writer would block forever.
        let err = read_regular(&fifo, 100).expect_err("a FIFO is refused");
        assert!(err.to_string().contains("not a regular file"), "{err}");
        let err = read_regular(Path::new("/dev/zero"), 100).expect_err("a device is refused");
        assert!(err.to_string().contains("not a regular file"), "{err}");
        let file = dir.path().join("f");
        fs::write(&file, b"0123456789").expect("write");
        assert_eq!(read_regular(&file, 10).expect("read"), b"0123456789");
        assert!(read_regular(&file, 9).is_err(), "over the limit");
    }

    #[test]
    fn a_commit_that_fails_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("f");
        let mut file = AtomicFile::create(&path).expect("create");
        file.write_all(b"new").expect("write");
        // The rename fails: a folder stands where the file goes.
        fs::create_dir(&path).expect("mkdir");
        assert!(file.commit().is_err());
        let names: Vec<_> = fs::read_dir(dir.path()).expect("ls").flatten().map(|e| e.file_name()).collect();
        assert_eq!(names, [std::ffi::OsString::from("f")], "only the folder");
    }

    #[cfg(unix)]
    #[test]
    fn a_new_folder_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        create_private_dir(&dir.path().join("a/b")).expect("mkdir");
        for sub in ["a", "a/b"] {
            let mode = fs::metadata(dir.path().join(sub)).expect("stat").permissions().mode();
            assert_eq!(mode & 0o777, 0o700, "{sub}");
        }
    }
}
