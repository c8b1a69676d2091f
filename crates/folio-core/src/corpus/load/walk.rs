//! Walking the folders named on the command line: the files in them, never
//! a special folder, a link loop or a folder deeper than anyone keeps.

#[allow(clippy::wildcard_imports)]
use super::*;

pub(super) fn collect(
    path: &Path,
    files: &mut Vec<PathBuf>,
    skipped: &mut Vec<Skipped>,
) -> Result<(), LoadError> {
    let meta = fs::metadata(path).map_err(|source| LoadError::NotFound { path: path.to_owned(), source })?;
    if meta.is_file() {
        files.push(path.to_owned());
    } else if meta.is_dir() {
        walk(path, files, skipped);
    } else {
        skipped.push(not_regular(path));
    }
    Ok(())
}

/// FIFOs, sockets and devices could block forever when opened, so they
/// never are.
pub(super) fn not_regular(path: &Path) -> Skipped {
    Skipped { path: shown::name_of(path), reason: "not a regular file (never opened)".into() }
}

/// Folders are never walked deeper than this: no folder of articles is.
pub(super) const MAX_DEPTH: usize = 64;

/// Where a link inside a folder is never followed: the kernel's own file
/// systems, which are endless or change as they are read.
pub(super) const SPECIAL_FOLDERS: [&str; 3] = ["/proc", "/sys", "/dev"];

pub(super) fn walk(dir: &Path, files: &mut Vec<PathBuf>, skipped: &mut Vec<Skipped>) {
    // Following links lets a folder of symlinked articles load; walkdir
    // reports a link that loops back to an ancestor as an error, and
    // `Walk::enters` keeps links from taking the walk out of bounds.
    let mut walk = Walk::new(dir);
    let entries = WalkDir::new(dir).follow_links(true).max_depth(MAX_DEPTH).into_iter();
    for entry in entries.filter_entry(|entry| walk.enters(entry)) {
        match entry {
            Ok(entry) if entry.file_type().is_dir() => {}
            Ok(entry) if Format::of_path(entry.path()).is_none() => {}
            Ok(entry) if entry.file_type().is_file() => files.push(entry.into_path()),
            Ok(entry) => skipped.push(not_regular(entry.path())),
            Err(err) => skipped.push(Skipped {
                path: shown::name_of(err.path().unwrap_or(dir)),
                reason: describe_walk_error(&err),
            }),
        }
    }
    skipped.append(&mut walk.passed_over);
}

/// What keeps a walk that follows links finite: each folder is walked
/// once, however many links lead to it; and a link back to the folder
/// walked or to one that holds it (`/`, the home folder), or into `/proc`,
/// `/sys` or `/dev`, is not followed, and said.
pub(super) struct Walk {
    /// The folder walked and the folders above it, as links resolve.
    pub(super) above: Vec<PathBuf>,
    /// Each folder entered, by device and inode (by path elsewhere).
    pub(super) entered: HashSet<FileId>,
    pub(super) passed_over: Vec<Skipped>,
}

impl Walk {
    pub(super) fn new(dir: &Path) -> Walk {
        let real = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_owned());
        Walk {
            above: real.ancestors().map(Path::to_owned).collect(),
            entered: HashSet::new(),
            passed_over: Vec::new(),
        }
    }

    /// Whether the walk goes into `entry` (files always do).
    pub(super) fn enters(&mut self, entry: &walkdir::DirEntry) -> bool {
        if !entry.file_type().is_dir() {
            return true;
        }
        if entry.path_is_symlink() && entry.depth() > 0 {
            let target = fs::canonicalize(entry.path()).unwrap_or_else(|_| entry.path().to_owned());
            let reason = if self.above.contains(&target) {
                Some(format!("link loops back to '{}' (not followed)", shown::path(&target)))
            } else if SPECIAL_FOLDERS.iter().any(|special| target.starts_with(special)) {
                Some(format!("link to '{}', a system folder (not followed)", shown::path(&target)))
            } else {
                None
            };
            if let Some(reason) = reason {
                self.passed_over.push(Skipped { path: shown::name_of(entry.path()), reason });
                return false;
            }
        }
        // A folder reached again through another link is not walked again.
        match entry.metadata() {
            Ok(meta) => self.entered.insert(file_id(entry.path(), &meta)),
            Err(_) => true,
        }
    }
}

pub(super) fn describe_io(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => err.to_string(),
    }
}

pub(super) fn describe_walk_error(err: &walkdir::Error) -> String {
    if let Some(ancestor) = err.loop_ancestor() {
        return format!("link loops back to '{}' (not followed)", shown::path(ancestor));
    }
    err.io_error().map(describe_io).unwrap_or_else(|| err.to_string())
}
