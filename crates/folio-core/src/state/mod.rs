//! Remembering where the reader was: per article, the reading position, read
//! or unread, and a bookmark; and the last query and article. Stored as JSON
//! under the XDG state folder, written atomically (a temporary file, fsync,
//! rename), and merged with what another folio wrote meanwhile, under a lock
//! so that two saving at once cannot both miss the other's. A corrupt file
//! is moved aside, never trusted and never lost; a newer folio's file is
//! never rewritten. Knows nothing of the UI.

mod store;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::corpus::Article;
use crate::fsutil;

pub use store::{StateProblem, Store};

/// Bumped when the file's meaning changes; a newer file is left alone.
/// Version 2 keys articles by [`fingerprint`](crate::corpus::fingerprint);
/// version 1 keyed them by what is now
/// [`legacy_fingerprint`](crate::corpus::legacy_fingerprint).
const VERSION: u32 = 2;

/// What every key since version 2 starts with; keys without it are an
/// older folio's.
const KEY_PREFIX: &str = "2:";

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
