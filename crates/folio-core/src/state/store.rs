//! The state file on disk: loaded with its problems reported, saved
//! atomically and merged with another folio's save under a lock.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::Deserialize;

use super::{ReadingState, VERSION, now};
use crate::fsutil;

const FILE_NAME: &str = "state.json";

/// Taken (`flock`) for the whole of a save: read, merge, replace.
const LOCK_NAME: &str = "state.json.lock";

/// A save waits this long for another folio's save to end; a folio
/// stopped in the middle of one (Ctrl-z) must not stop this one quitting,
/// so after it the save goes ahead, merged, without the lock.
const LOCK_WAIT: Duration = Duration::from_secs(5);

/// A state file bigger than this is not one folio wrote (100,000 articles
/// take some 20 MB): it is never read whole into memory.
const MAX_STATE_BYTES: u64 = 256 * 1024 * 1024;

/// A temporary file of a save this old is one whose folio was killed
/// mid-save (a save takes milliseconds): removed by the next save.
const ABANDONED: Duration = Duration::from_secs(60);

/// What went wrong with the state file, said to the user as a notice.
#[derive(Debug, thiserror::Error)]
pub enum StateProblem {
    /// It did not parse: it was moved aside to `moved_to`.
    #[error(
        "reading state was unreadable ({reason}); moved it to {} and started afresh",
        crate::shown::path(moved_to)
    )]
    Corrupt { reason: String, moved_to: PathBuf },
    /// It could not be read or written.
    #[error("cannot {action} reading state {}: {error}", crate::shown::path(path))]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        error: io::Error,
    },
    /// A newer folio wrote it: it is neither read nor overwritten.
    #[error(
        "reading state {} is from a newer folio (version {version}, this one knows {VERSION}): \
         left as it is, and nothing is saved",
        crate::shown::path(path)
    )]
    Newer { version: u32, path: PathBuf },
}

/// The state file of one folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Store { dir: dir.into() }
    }

    pub fn path(&self) -> PathBuf {
        self.dir.join(FILE_NAME)
    }

    /// The saved state; nothing saved yet is an empty state. A file that
    /// does not parse is moved aside and reported, and an empty state used;
    /// so is a newer folio's, which is left where it is.
    pub fn load(&self) -> (ReadingState, Option<StateProblem>) {
        let path = self.path();
        match self.read() {
            OnDisk::Missing => (ReadingState::default(), None),
            OnDisk::State(state) => (state, None),
            OnDisk::Newer(version) => (ReadingState::default(), Some(StateProblem::Newer { version, path })),
            OnDisk::Unreadable(error) => {
                (ReadingState::default(), Some(StateProblem::Io { action: "read", path, error }))
            }
            OnDisk::Corrupt(reason) => (ReadingState::default(), Some(self.move_aside(reason))),
        }
    }

    /// Moves a state file that does not parse out of the way, kept.
    fn move_aside(&self, reason: String) -> StateProblem {
        let (path, moved_to) = (self.path(), self.dir.join(format!("{FILE_NAME}.corrupt-{}", now())));
        match fs::rename(&path, &moved_to) {
            Ok(()) => StateProblem::Corrupt { reason, moved_to },
            Err(error) => StateProblem::Io { action: "move aside", path, error },
        }
    }

    /// What the state file holds now. A FIFO or a device in its place is
    /// unreadable, never a read that blocks or does not end.
    fn read(&self) -> OnDisk {
        let bytes = match fsutil::read_regular(&self.path(), MAX_STATE_BYTES) {
            Ok(bytes) => bytes,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return OnDisk::Missing,
            Err(err) => return OnDisk::Unreadable(err),
        };
        // The version first: a newer folio's file may not parse as this
        // one's, and is not corrupt for that.
        let version = serde_json::from_slice::<Version>(&bytes).map(|v| v.version);
        if let Ok(version) = version
            && version > VERSION
        {
            return OnDisk::Newer(version);
        }
        match serde_json::from_slice::<ReadingState>(&bytes) {
            Ok(state) => OnDisk::State(state),
            Err(err) => OnDisk::Corrupt(err.to_string()),
        }
    }

    /// Saves `state`, merged with whatever another folio saved since, so
    /// neither loses the other's updates: the whole save holds a lock, so
    /// two folios saving at the same instant take turns, and the second
    /// merges the first's. A crash at any instant leaves the old file or
    /// the new one, never a mix: the new one is written beside it, flushed
    /// to disk, and renamed over it. A newer folio's file is not replaced.
    pub fn save(&self, state: &ReadingState) -> Result<(), StateProblem> {
        let io_error = |action: &'static str, path: &Path| {
            let path = path.to_owned();
            move |error| StateProblem::Io { action, path, error }
        };
        fsutil::create_private_dir(&self.dir).map_err(io_error("create the folder of", &self.dir))?;
        let _lock = self.lock().map_err(io_error("lock", &self.dir.join(LOCK_NAME)))?;
        fsutil::sweep_temporaries(&self.dir, FILE_NAME, ABANDONED);
        let mut merged = match self.read() {
            OnDisk::State(theirs) => state.clone().merged_with(theirs),
            OnDisk::Newer(version) => return Err(StateProblem::Newer { version, path: self.path() }),
            OnDisk::Missing => state.clone(),
            // Written since this folio loaded it, and damaged: kept aside,
            // as at a load, never overwritten.
            OnDisk::Corrupt(reason) => match self.move_aside(reason) {
                StateProblem::Corrupt { .. } => state.clone(),
                problem => return Err(problem),
            },
            // A FIFO or a device where the file goes is replaced; a file
            // that cannot be read is not overwritten blind.
            OnDisk::Unreadable(error) if error.kind() == io::ErrorKind::InvalidInput => state.clone(),
            OnDisk::Unreadable(error) => {
                return Err(StateProblem::Io { action: "read", path: self.path(), error });
            }
        };
        merged.version = VERSION;
        let json = serde_json::to_vec_pretty(&merged).map_err(|err| StateProblem::Io {
            action: "encode",
            path: self.path(),
            error: io::Error::other(err),
        })?;
        fsutil::write_atomically(&self.path(), &json).map_err(io_error("replace", &self.path()))
    }

    /// The lock of the state folder, held until dropped; `None` when
    /// another folio held it for all of [`LOCK_WAIT`], and the save goes
    /// ahead without it.
    fn lock(&self) -> io::Result<Option<fs::File>> {
        let path = self.dir.join(LOCK_NAME);
        let mut options = fs::OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
        let file = options.open(&path)?;
        if !file.metadata()?.is_file() {
            return Err(fsutil::not_regular());
        }
        let started = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Some(file)),
                Err(fs::TryLockError::WouldBlock) if started.elapsed() < LOCK_WAIT => {
                    std::thread::sleep(Duration::from_millis(2));
                }
                Err(fs::TryLockError::WouldBlock) => return Ok(None),
                Err(fs::TryLockError::Error(err)) => return Err(err),
            }
        }
    }
}

/// What the state file holds, as a save or a load finds it.
enum OnDisk {
    Missing,
    State(ReadingState),
    /// A newer folio's file, of this version.
    Newer(u32),
    Corrupt(String),
    Unreadable(io::Error),
}

/// Only the version of a state file, whatever else it holds.
#[derive(Deserialize)]
struct Version {
    version: u32,
}
