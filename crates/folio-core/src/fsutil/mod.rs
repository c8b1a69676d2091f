//! What the files folio keeps for itself share: where they live (the XDG
//! folders, created privately) and a hash that stays the same on disk from
//! one version of folio, Rust or a dependency to the next. How they are
//! replaced is in `atomic`, how outside files are opened in `open`.

mod atomic;
mod open;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

pub use atomic::{AtomicFile, sweep_temporaries, write_atomically};
pub use open::{not_regular, open_nonblocking, open_regular, read_regular};

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
