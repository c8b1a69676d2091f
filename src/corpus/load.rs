//! Loads articles from the bundled seeds or from the files and folders on the
//! command line. A file that cannot be read is skipped with a reason; the
//! rest still load. Only a path that does not exist at all is an error.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::{Article, Corpus};

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled_seeds.rs"));
}

/// File endings picked up when walking a folder. A file named on the command
/// line is read whatever its ending.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown"];

/// How much of a file is looked at for NUL bytes to call it binary.
const BINARY_SNIFF_BYTES: usize = 8192;

/// A file that was passed over, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

/// The outcome of a load: the articles, and the files that were skipped.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub corpus: Corpus,
    pub skipped: Vec<Skipped>,
}

/// A load that cannot go on: the user named something that is not there.
#[derive(Debug)]
pub enum LoadError {
    NotFound { path: PathBuf, source: io::Error },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NotFound { path, source } => {
                write!(f, "cannot open '{}': {source}", path.display())
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// The articles compiled into the binary from `seeds/`.
pub fn load_bundled() -> Loaded {
    let mut skipped = Vec::new();
    let articles = bundled::SEEDS
        .iter()
        .filter_map(|(name, bytes)| match article_from_bytes(name, bytes) {
            Ok(article) => Some(article),
            Err(reason) => {
                skipped.push(Skipped { path: name.to_string(), reason });
                None
            }
        })
        .collect();
    Loaded { corpus: Corpus::new(articles), skipped }
}

/// Loads every article under `paths`: files as given, folders recursively
/// (`.txt`, `.md`, `.markdown`), all in file-name order.
pub fn load_paths(paths: &[PathBuf]) -> Result<Loaded, LoadError> {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        collect(path, &mut files, &mut skipped)?;
    }
    files.sort();
    files.dedup();

    let mut articles = Vec::with_capacity(files.len());
    for path in files {
        let name = path.display().to_string();
        match fs::read(&path) {
            Ok(bytes) => match article_from_bytes(&name, &bytes) {
                Ok(article) => articles.push(article),
                Err(reason) => skipped.push(Skipped { path: name, reason }),
            },
            Err(err) => skipped.push(Skipped { path: name, reason: describe_io(&err) }),
        }
    }
    Ok(Loaded { corpus: Corpus::new(articles), skipped })
}

fn collect(path: &Path, files: &mut Vec<PathBuf>, skipped: &mut Vec<Skipped>) -> Result<(), LoadError> {
    let meta = fs::metadata(path).map_err(|source| LoadError::NotFound { path: path.to_owned(), source })?;
    if meta.is_file() {
        files.push(path.to_owned());
    } else if meta.is_dir() {
        walk(path, files, skipped);
    } else {
        // FIFOs, sockets and devices could block forever when opened.
        skipped.push(Skipped {
            path: path.display().to_string(),
            reason: "not a regular file (never opened)".into(),
        });
    }
    Ok(())
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, skipped: &mut Vec<Skipped>) {
    // Following links lets a folder of symlinked articles load; walkdir
    // reports a link that loops back to an ancestor as an error.
    for entry in WalkDir::new(dir).follow_links(true) {
        match entry {
            Ok(entry) if entry.file_type().is_file() && has_article_extension(entry.path()) => {
                files.push(entry.into_path());
            }
            Ok(_) => {}
            Err(err) => skipped.push(Skipped {
                path: err.path().unwrap_or(dir).display().to_string(),
                reason: describe_walk_error(&err),
            }),
        }
    }
}

fn has_article_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Decodes a file into an article, or says why it is not one.
fn article_from_bytes(name: &str, bytes: &[u8]) -> Result<Article, String> {
    let head = &bytes[..bytes.len().min(BINARY_SNIFF_BYTES)];
    if head.contains(&0) {
        return Err("binary file (contains NUL bytes)".into());
    }
    let (text, lossy) = match std::str::from_utf8(bytes) {
        Ok(text) => (std::borrow::Cow::Borrowed(text), false),
        Err(_) => (String::from_utf8_lossy(bytes), true),
    };
    let mut article = Article::from_text(0, name, &text);
    if article.paragraphs.is_empty() {
        return Err("empty (no text)".into());
    }
    article.lossy = lossy;
    Ok(article)
}

fn describe_io(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => err.to_string(),
    }
}

fn describe_walk_error(err: &walkdir::Error) -> String {
    if let Some(ancestor) = err.loop_ancestor() {
        return format!("link loops back to '{}' (not followed)", ancestor.display());
    }
    err.io_error().map(describe_io).unwrap_or_else(|| err.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_seeds_load_in_file_name_order() {
        let loaded = load_bundled();
        assert!(loaded.skipped.is_empty());
        let sources: Vec<&str> = loaded.corpus.articles().iter().map(|a| a.source.as_str()).collect();
        let mut sorted = sources.clone();
        sorted.sort();
        assert_eq!(sources, sorted);
        assert_eq!(sources.len(), 5);
    }

    #[test]
    fn binary_and_empty_files_are_refused_with_a_reason() {
        assert!(article_from_bytes("x", b"abc\0def").unwrap_err().contains("binary"));
        assert!(article_from_bytes("x", b"  \n\t\n").unwrap_err().contains("empty"));
    }

    #[test]
    fn invalid_utf8_is_decoded_and_marked() {
        let article = article_from_bytes("x", b"Caf\xe9 culture in the city centre").unwrap();
        assert!(article.lossy);
        assert!(article.title.contains('\u{fffd}'));
    }
}
