//! What `App` remembers between runs: each article's reading position,
//! read or unread, and bookmark, and the last query and article. Restored
//! from a `ReadingState` at start and handed back as one to be saved; the
//! scopes that list only unread or only bookmarked articles.

use std::collections::HashSet;

use crate::corpus::SortKey;
use crate::document::{Anchor, paragraph_block};
use crate::line_edit::LineEditor;
use crate::state::{self, ArticleState, ReadingState};

use super::App;

/// An article counts as read once the reader has shown this share of it.
const READ_PERCENT: usize = 90;

/// Which articles the list shows, before any filter.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ListScope {
    #[default]
    All,
    Unread,
    Bookmarked,
}

impl ListScope {
    /// What the list's border says, when it is not every article.
    pub fn label(self) -> Option<&'static str> {
        match self {
            ListScope::All => None,
            ListScope::Unread => Some("unread"),
            ListScope::Bookmarked => Some("bookmarks"),
        }
    }
}

/// Per-article reading positions and flags, by article id, and what this
/// run changed.
#[derive(Debug, Clone, Default)]
pub(super) struct Memory {
    /// Where the reader is in each article.
    pub positions: Vec<Anchor>,
    pub read: Vec<bool>,
    pub bookmarked: Vec<bool>,
    /// Articles whose position or flags changed in this run: only these are
    /// written back, so another folio's newer updates to others survive.
    pub changed: Vec<bool>,
    pub scope: ListScope,
    /// What was loaded, kept so saving merges rather than forgets.
    pub loaded: ReadingState,
    /// The key of the article to select again when it arrives, until the
    /// user picks another.
    pub last_article: Option<String>,
    /// Paths with an entry an older folio saved, under its kind of key.
    pub legacy_paths: HashSet<String>,
    /// The sort was given for this run (`--sort`): the saved one is not used.
    pub sort_fixed: bool,
}

impl Memory {
    pub fn new(articles: usize) -> Self {
        Memory {
            positions: vec![Anchor::default(); articles],
            read: vec![false; articles],
            bookmarked: vec![false; articles],
            changed: vec![false; articles],
            ..Memory::default()
        }
    }

    /// Whether the list's scope lets article `id` through.
    pub fn in_scope(&self, id: usize) -> bool {
        match self.scope {
            ListScope::All => true,
            ListScope::Unread => !self.read.get(id).copied().unwrap_or(false),
            ListScope::Bookmarked => self.bookmarked.get(id).copied().unwrap_or(false),
        }
    }

    /// Room for the flags of `articles` in all.
    pub fn grow(&mut self, articles: usize) {
        self.positions.resize(articles, Anchor::default());
        self.read.resize(articles, false);
        self.bookmarked.resize(articles, false);
        self.changed.resize(articles, false);
    }
}

impl App {
    /// The same app, back where `state` says the reader left off: positions,
    /// read and bookmarked articles, the last query and the last article.
    /// Articles that arrive later (a load streaming in) are brought back as
    /// they come.
    pub fn remembering(mut self, state: ReadingState) -> Self {
        self.filter.query.line = LineEditor::with_history(state.query_history.clone());
        let saved_sort = state.sort.as_deref().and_then(SortKey::from_name);
        if let Some(sort) = saved_sort.filter(|_| !self.memory.sort_fixed) {
            self.set_sort(sort);
        }
        if !state.last_query.is_empty() {
            self.filter.query.set(&state.last_query);
            self.refilter();
        }
        self.memory.last_article = state.last_article.clone();
        self.memory.legacy_paths = state.legacy_paths();
        self.memory.loaded = state;
        if let Some(last) = self.remember(0..self.corpus.len()) {
            self.reselect(last);
        }
        self.sync();
        self
    }

    /// Brings back what was saved of the articles in `ids`; says which of
    /// them was the last one read, if any.
    pub(super) fn remember(&mut self, ids: std::ops::Range<usize>) -> Option<usize> {
        let mut last = None;
        for article in self.corpus.articles().get(ids).unwrap_or_default() {
            if self.memory.last_article.as_deref().is_some_and(|wanted| state::names(wanted, article)) {
                last = Some(article.id);
            }
            let saved = match self.memory.loaded.get(article) {
                Some(saved) => Some(saved.clone()),
                None if self.memory.legacy_paths.contains(&article.source) => {
                    self.memory.loaded.adopt_legacy(article)
                }
                None => None,
            };
            let Some(saved) = saved else { continue };
            let anchor = match (saved.paragraph, saved.offset) {
                (0, 0) => Anchor::default(),
                (paragraph, offset) => Anchor { block: paragraph_block(paragraph), offset },
            };
            self.memory.positions[article.id] = anchor;
            self.memory.read[article.id] = saved.read;
            self.memory.bookmarked[article.id] = saved.bookmarked;
        }
        last
    }

    /// Selects the last article read, now or when the results that hold it
    /// arrive.
    pub(super) fn reselect(&mut self, id: usize) {
        self.memory.last_article = None;
        // The article the user chose last time counts as their move.
        self.filter.moved = true;
        self.filter.keep_selected = Some(id);
        if let Some(index) = self.list.position_of(id) {
            self.select(index);
        }
    }

    /// Everything to save: what was loaded, with this run's changes.
    pub fn reading_state(&self) -> ReadingState {
        let mut state = self.memory.loaded.clone();
        for article in self.corpus.articles().iter().filter(|a| self.memory.changed[a.id]) {
            let anchor = self.memory.positions[article.id];
            let (paragraph, offset) = anchor.paragraph().map_or((0, 0), |p| (p, anchor.offset));
            let entry = ArticleState {
                paragraph,
                offset,
                read: self.memory.read[article.id],
                bookmarked: self.memory.bookmarked[article.id],
                ..ArticleState::default()
            };
            state.set(article, entry);
        }
        state.last_query = self.filter.query.text().to_owned();
        state.query_history = self.filter.query.line.history().to_vec();
        state.sort = Some(self.list.sort.name().to_owned());
        state.last_article = self.selected_article().map(state::key);
        state
    }

    pub(super) fn toggle_bookmark(&mut self) {
        if let Some(id) = self.selected_article().map(|a| a.id) {
            self.memory.bookmarked[id] = !self.memory.bookmarked[id];
            self.memory.changed[id] = true;
            self.overlay.notice =
                Some(if self.memory.bookmarked[id] { "Bookmarked" } else { "Bookmark removed" }.into());
            self.apply_scope();
        }
    }

    pub(super) fn toggle_read(&mut self) {
        if let Some(id) = self.selected_article().map(|a| a.id) {
            self.memory.read[id] = !self.memory.read[id];
            self.memory.changed[id] = true;
            self.apply_scope();
        }
    }

    /// `u` and `B`: the same scope again goes back to every article.
    pub(super) fn switch_scope(&mut self, scope: ListScope) {
        self.memory.scope = if self.memory.scope == scope { ListScope::All } else { scope };
        self.rerun_filter();
    }

    /// Notes that the open article was scrolled: its position is worth
    /// saving, and past [`READ_PERCENT`] it counts as read.
    pub(super) fn note_progress(&mut self) {
        let Some(doc) = self.document() else { return };
        let page = self.page_lines().unsigned_abs();
        let shown = (self.reader_top() + page).min(doc.len());
        let done = doc.is_empty() || shown * 100 >= doc.len() * READ_PERCENT;
        let id = doc.article;
        self.memory.changed[id] = true;
        if done {
            self.memory.read[id] = true;
        }
    }

    /// Whether article `id` has been read.
    pub fn is_read(&self, id: usize) -> bool {
        self.memory.read.get(id).copied().unwrap_or(false)
    }

    pub fn is_bookmarked(&self, id: usize) -> bool {
        self.memory.bookmarked.get(id).copied().unwrap_or(false)
    }

    pub fn list_scope(&self) -> ListScope {
        self.memory.scope
    }
}
