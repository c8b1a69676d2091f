//! Remembering where the reader was: per article, the reading position, read
//! or unread, and a bookmark; and the last query and article. Stored as JSON
//! under the XDG state folder, written atomically (a temporary file, fsync,
//! rename), and merged with what another folio wrote meanwhile, under a lock
//! so that two saving at once cannot both miss the other's. A corrupt file
//! is moved aside, never trusted and never lost; a newer folio's file is
//! never rewritten. Knows nothing of the UI.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::corpus::Article;
use crate::fsutil;

/// Bumped when the file's meaning changes; a newer file is left alone.
/// Version 2 keys articles by [`fingerprint`](crate::corpus::fingerprint);
/// version 1 keyed them by what is now
/// [`legacy_fingerprint`](crate::corpus::legacy_fingerprint).
const VERSION: u32 = 2;

/// What every key since version 2 starts with; keys without it are an
/// older folio's.
const KEY_PREFIX: &str = "2:";

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

/// What folio remembers of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleState {
    /// The path it was last read under (a moved file keeps its state: the
    /// key is the content; the path tells copies of one text apart).
    pub path: String,
    /// Where the reader was: a paragraph and a byte offset into it.
    pub paragraph: usize,
    pub offset: usize,
    pub read: bool,
    pub bookmarked: bool,
    /// When this entry last changed, in seconds since 1970: on a merge the
    /// newer entry wins.
    pub changed: u64,
}

/// Everything in the state file. A field a file lacks (one an older folio
/// wrote) takes its default, and a field this folio does not know (a newer
/// one's, of the same version) is passed over, so files load both ways.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReadingState {
    pub version: u32,
    /// By [`key`]: the content's hash, then the path.
    pub articles: BTreeMap<String, ArticleState>,
    pub last_query: String,
    /// The key of the article that was selected.
    pub last_article: Option<String>,
    /// The queries the filter bar kept (Enter), oldest first, for Up/Down.
    pub query_history: Vec<String>,
    /// The order the list was sorted in (`name`, `date`, `title`,
    /// `length`), for the next start without `--sort`.
    pub sort: Option<String>,
}

impl ReadingState {
    /// The remembered state of `article`: by content and path, else by
    /// content alone (the file moved), else nothing. Entries an older folio
    /// saved are found by [`ReadingState::adopt_legacy`].
    pub fn get(&self, article: &Article) -> Option<&ArticleState> {
        let hash = article.fingerprint;
        self.articles.get(&key_of(hash, &article.source)).or_else(|| {
            let prefix = format!("{KEY_PREFIX}{hash:016x} ");
            self.articles
                .range(prefix.clone()..)
                .take_while(|(k, _)| k.starts_with(&prefix))
                .map(|(_, v)| v)
                .next()
        })
    }

    /// The paths of the entries an older folio saved (keyed by the
    /// legacy fingerprint), for [`ReadingState::adopt_legacy`].
    pub fn legacy_paths(&self) -> HashSet<String> {
        self.articles.iter().filter(|(key, _)| is_legacy(key)).map(|(_, state)| state.path.clone()).collect()
    }

    /// The entry an older folio saved for `article` (same path, same
    /// text), copied under today's key and returned. Hashing the text the
    /// old way reads all of it, so the caller asks only for articles at a
    /// path from [`ReadingState::legacy_paths`]. The old entry stays, for
    /// that older folio; a moved file's old entry is not found.
    pub fn adopt_legacy(&mut self, article: &Article) -> Option<ArticleState> {
        let state = self.articles.get(&legacy_key(article))?.clone();
        self.articles.entry(key(article)).or_insert_with(|| state.clone());
        Some(state)
    }

    /// Records `state` for `article`, stamped now.
    pub fn set(&mut self, article: &Article, mut state: ArticleState) {
        state.path = article.source.clone();
        state.changed = now();
        self.articles.insert(key(article), state);
    }

    /// `self` with what `other` (another folio's save) knows better: entries
    /// only it has, and entries it changed more recently. The last query,
    /// article, query history and sort stay ours: this process is the one
    /// saving.
    pub fn merged_with(mut self, other: ReadingState) -> ReadingState {
        for (key, theirs) in other.articles {
            match self.articles.get(&key) {
                Some(ours) if ours.changed >= theirs.changed => {}
                _ => {
                    self.articles.insert(key, theirs);
                }
            }
        }
        self
    }
}

/// The key of an article in the state file: its content's hash, a space,
/// and its path.
pub fn key(article: &Article) -> String {
    key_of(article.fingerprint, &article.source)
}

fn key_of(hash: u64, path: &str) -> String {
    format!("{KEY_PREFIX}{hash:016x} {path}")
}

/// Whether the key `saved` (a state file's last article, say) names
/// `article`, in today's form or in an older folio's.
pub fn names(saved: &str, article: &Article) -> bool {
    if is_legacy(saved) {
        // The path is compared first: the old hash reads the whole text.
        saved.strip_suffix(article.source.as_str()).is_some_and(|rest| rest.ends_with(' '))
            && saved == legacy_key(article)
    } else {
        saved == key(article)
    }
}

fn is_legacy(key: &str) -> bool {
    !key.starts_with(KEY_PREFIX)
}

/// An older folio's key for `article`.
fn legacy_key(article: &Article) -> String {
    let hash = crate::corpus::legacy_fingerprint(&article.text().paragraphs);
    format!("{hash:016x} {}", article.source)
}

fn now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// Where the state file lives: `$XDG_STATE_HOME/folio/`, or
/// `~/.local/state/folio/`. `None` when neither variable says.
pub fn default_dir(xdg_state_home: Option<&str>, home: Option<&str>) -> Option<PathBuf> {
    fsutil::xdg_dir(xdg_state_home, home, ".local/state")
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn article(source: &str, text: &str) -> Article {
        Article::from_text(0, source, text)
    }

    #[test]
    fn the_state_folder_follows_xdg() {
        assert_eq!(default_dir(Some("/s"), Some("/home/u")), Some(PathBuf::from("/s/folio")));
        assert_eq!(default_dir(None, Some("/home/u")), Some(PathBuf::from("/home/u/.local/state/folio")));
        assert_eq!(default_dir(Some("relative"), Some("/h")), Some(PathBuf::from("/h/.local/state/folio")));
        assert_eq!(default_dir(None, None), None);
    }

    #[test]
    fn a_moved_file_keeps_its_state_and_copies_stay_apart() {
        let mut state = ReadingState::default();
        let a = article("old/a.txt", "Same Story Title Here\n\nBody.");
        state.set(&a, ArticleState { paragraph: 3, ..Default::default() });
        let moved = article("new/a.txt", "Same Story Title Here\n\nBody.");
        assert_eq!(state.get(&moved).map(|s| s.paragraph), Some(3));
        let other = article("x.txt", "Different Story Title\n\nBody.");
        assert!(state.get(&other).is_none());
    }

    /// What folio saved before state version 2: keys of the FNV-1a
    /// fingerprint, as that folio wrote them.
    fn saved_by_version_1(article: &Article, state: ArticleState) -> ReadingState {
        let hash = crate::fsutil::fnv1a(
            article.text().paragraphs.iter().flat_map(|p| p.text.bytes().chain([b'\n'])),
        );
        let mut saved = ReadingState { version: 1, ..ReadingState::default() };
        saved.articles.insert(
            format!("{hash:016x} {}", article.source),
            ArticleState { path: article.source.clone(), ..state },
        );
        saved.last_article = Some(format!("{hash:016x} {}", article.source));
        saved
    }

    #[test]
    fn what_an_older_folio_saved_is_found_for_the_same_file_and_text() {
        let a = article("a.txt", "Same Story Title Here\n\nBody.");
        let mut saved =
            saved_by_version_1(&a, ArticleState { paragraph: 3, read: true, ..Default::default() });
        assert!(saved.get(&a).is_none(), "today's key is another");
        assert_eq!(saved.legacy_paths(), HashSet::from(["a.txt".to_owned()]));
        assert!(names(saved.last_article.as_deref().unwrap_or_default(), &a));
        let adopted = saved.adopt_legacy(&a).map(|s| (s.paragraph, s.read));
        assert_eq!(adopted, Some((3, true)));
        assert_eq!(saved.get(&a).map(|s| s.paragraph), Some(3), "now under today's key too");
        assert_eq!(saved.articles.len(), 2, "the old entry stays, for the older folio");

        let edited = article("a.txt", "Same Story Title Here\n\nBody, edited.");
        let mut saved = saved_by_version_1(&a, ArticleState { paragraph: 3, ..Default::default() });
        assert!(saved.adopt_legacy(&edited).is_none(), "another text at the same path");
        assert!(!names(saved.last_article.as_deref().unwrap_or_default(), &edited));
        let elsewhere = article("b/a.txt", "Same Story Title Here\n\nBody.");
        assert!(!names(saved.last_article.as_deref().unwrap_or_default(), &elsewhere));
    }

    #[test]
    fn keys_are_of_the_fingerprint_that_never_changes() {
        // Keys are kept on disk: the fingerprint of a text must be the same
        // in every version of folio. These are the values version 2 wrote.
        let a = article("a.txt", "Same Story Title Here\n\nBody.");
        assert_eq!(key(&a), format!("2:{:016x} a.txt", a.fingerprint));
        let paragraphs =
            |texts: &[&str]| texts.iter().map(|t| crate::corpus::Paragraph::plain(*t)).collect::<Vec<_>>();
        let fingerprint = |texts: &[&str]| crate::corpus::fingerprint(&paragraphs(texts));
        assert_eq!(fingerprint(&[]), FINGERPRINT_OF_NOTHING);
        assert_eq!(
            fingerprint(&["Héadline — 日本語", "A body of more than eight bytes."]),
            FINGERPRINT_OF_TWO
        );
        // Where paragraphs end is part of the text.
        assert_ne!(fingerprint(&["ab", "c"]), fingerprint(&["a", "bc"]));
        assert_ne!(fingerprint(&["a"]), fingerprint(&["a\0"]), "padding is not text");
    }

    const FINGERPRINT_OF_NOTHING: u64 = 0xcbf2_9ce4_8422_2325;
    const FINGERPRINT_OF_TWO: u64 = 0xedcd_0b10_7c9e_51b4;

    #[test]
    fn a_file_without_the_newer_fields_loads_and_unknown_fields_are_passed_over() {
        // As folio wrote version 2 before it kept a query history or sort.
        let older = r#"{"version": 2, "articles": {}, "last_query": "uranium", "last_article": null}"#;
        let state: ReadingState = serde_json::from_str(older).expect("an older file loads");
        assert_eq!(state.last_query, "uranium");
        assert!(state.query_history.is_empty());
        assert_eq!(state.sort, None);
        let newer = r#"{"version": 2, "query_history": ["niger"], "sort": "date", "pinned": [1, 2]}"#;
        let state: ReadingState = serde_json::from_str(newer).expect("a field not known is passed over");
        assert_eq!((state.query_history, state.sort), (vec!["niger".to_owned()], Some("date".to_owned())));
    }

    #[test]
    fn a_merge_keeps_the_newer_entry_and_both_sides_entries() {
        let (a, b) = (article("a.txt", "Alpha Story Title Here"), article("b.txt", "Beta Story Title Here"));
        let mut ours = ReadingState::default();
        ours.set(&a, ArticleState { paragraph: 1, ..Default::default() });
        let mut theirs = ReadingState::default();
        theirs.set(&b, ArticleState { paragraph: 2, ..Default::default() });
        let mut newer = ArticleState { paragraph: 9, ..Default::default() };
        newer.changed = u64::MAX;
        newer.path = "a.txt".into();
        theirs.articles.insert(key(&a), newer);
        let merged = ours.merged_with(theirs);
        assert_eq!(merged.get(&a).map(|s| s.paragraph), Some(9));
        assert_eq!(merged.get(&b).map(|s| s.paragraph), Some(2));
    }
}
