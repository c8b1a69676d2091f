//! Replacing a file folio keeps (its state, its cache) atomically, so a
//! reader or a crash never sees half a file, and sweeping what a killed
//! writer left behind.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use super::create_private_dir;

/// A file that replaces `path` only when committed: it is written beside it
/// (same folder, so the rename cannot cross file systems) under a temporary
/// name, flushed to disk and renamed over it, so a reader sees the old file
/// or the new one and a crash leaves the old one. Dropped uncommitted, it
/// removes its temporary file.
///
/// The temporary file is `tempfile`'s: created new (`O_EXCL`, so never
/// through a link someone put in its place), readable by the user alone
/// (0600), under a random name. The name keeps the shape
/// `.<name>.<random>.tmp` that [`sweep_temporaries`] looks for.
#[derive(Debug)]
pub struct AtomicFile {
    path: PathBuf,
    file: Option<BufWriter<NamedTempFile>>,
}

impl AtomicFile {
    /// Starts replacing `path`, creating its folder (privately) if missing.
    pub fn create(path: &Path) -> io::Result<AtomicFile> {
        let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        create_private_dir(dir)?;
        let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
        let temporary =
            tempfile::Builder::new().prefix(&format!(".{name}.")).suffix(".tmp").tempfile_in(dir)?;
        Ok(AtomicFile { path: path.to_owned(), file: Some(BufWriter::new(temporary)) })
    }

    /// Makes the new file the one at `path`. If that fails (a full disk,
    /// a folder gone read-only), the temporary file is removed: nothing is
    /// left behind.
    pub fn commit(mut self) -> io::Result<()> {
        let Some(file) = self.file.take() else { return Ok(()) };
        // On any error the `NamedTempFile` is dropped, which removes it.
        let temporary = file.into_inner().map_err(io::IntoInnerError::into_error)?;
        temporary.as_file().sync_all()?;
        temporary.persist(&self.path).map_err(|err| err.error)?;
        // The rename itself is durable once the folder is synced.
        if let Some(dir) = self.path.parent().and_then(|dir| File::open(dir).ok()) {
            let _ = dir.sync_all();
        }
        Ok(())
    }

    fn file(&mut self) -> io::Result<&mut BufWriter<NamedTempFile>> {
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
    fn the_new_file_is_private_and_replaces_a_link_rather_than_its_target() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("target");
        fs::write(&target, b"untouched").expect("write");
        let path = dir.path().join("f");
        std::os::unix::fs::symlink(&target, &path).expect("symlink");
        write_atomically(&path, b"new").expect("write");
        assert_eq!(fs::read(&target).expect("read"), b"untouched", "never written through the link");
        let meta = fs::symlink_metadata(&path).expect("stat");
        assert!(meta.is_file(), "the link itself was replaced");
        assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    }

    #[test]
    fn the_temporary_name_is_what_the_sweep_looks_for() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        let mut file = AtomicFile::create(&path).expect("create");
        file.write_all(b"half").expect("write");
        file.flush().expect("flush");
        let names: Vec<String> = fs::read_dir(dir.path())
            .expect("ls")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
        assert!(names[0].starts_with(".state.json.") && names[0].ends_with(".tmp"), "{names:?}");
    }
}
