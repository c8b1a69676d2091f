//! Opening files folio did not write (articles, a config, its own state
//! that anything may have replaced) so that a FIFO, a device or a socket in
//! their place is refused, never a read that blocks or never ends.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;

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

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

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
}
