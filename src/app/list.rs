//! The list's share of `App`: the articles it shows (the filter's results
//! through the unread/bookmarks scope, in sort order), the selection, the
//! first row on screen, and the highlights and snippets of the rows.

use std::collections::HashMap;
use std::ops::Range;

use crate::corpus::{Corpus, SortKey};
use crate::search::Hit;
use crate::search::marks::Snippet;

use super::App;

/// Snippets are shown under titles when the list has at least this many
/// rows, so a short pane still shows a useful number of articles.
const SNIPPET_MIN_ROWS: usize = 10;

/// What the list shows for a row beyond its title: the title's matches and
/// a snippet of the best body match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowMarks {
    /// Byte ranges of the title to highlight.
    pub title: Vec<Range<usize>>,
    pub snippet: Option<Snippet>,
}

#[derive(Debug)]
pub(super) struct List {
    /// The articles the list shows, best first.
    pub hits: Vec<Hit>,
    /// Index into `hits`.
    pub selected: usize,
    /// First item on screen.
    pub offset: usize,
    pub sort: SortKey,
    /// Each article's place in the current sort order, by article id.
    pub ranks: Vec<usize>,
    pub show_snippets: bool,
    /// Highlights and snippets for the rows on screen, by article.
    pub rows: HashMap<usize, RowMarks>,
}

impl List {
    /// Every article of `corpus`, in the default order.
    pub fn new(corpus: &Corpus) -> Self {
        List {
            hits: every_article(corpus),
            selected: 0,
            offset: 0,
            sort: SortKey::default(),
            ranks: SortKey::default().ranks(corpus),
            show_snippets: true,
            rows: HashMap::new(),
        }
    }

    pub fn selected_hit(&self) -> Option<&Hit> {
        self.hits.get(self.selected)
    }

    /// Where article `id` is in the list, if it is shown.
    pub fn position_of(&self, id: usize) -> Option<usize> {
        self.hits.iter().position(|hit| hit.article == id)
    }

    /// Best match first; among equals, the chosen sort order. Leaves out
    /// what `shown` does not let through (the unread or bookmarks scope).
    pub fn order(&mut self, shown: impl Fn(usize) -> bool) {
        let ranks = &self.ranks;
        self.hits.sort_by_key(|hit| (std::cmp::Reverse(hit.score), ranks.get(hit.article).copied()));
        self.hits.retain(|hit| shown(hit.article));
    }

    /// Scrolls so that the selected item is one of the `items` on screen,
    /// only as far as that needs, and never with rows left empty below
    /// while items above are hidden (a restart, a taller window).
    pub fn keep_selected_on_screen(&mut self, items: usize) {
        self.offset = crate::viewport::list_offset(self.offset, self.selected, items, self.hits.len());
    }
}

/// Every article, unscored, in id order: the list with no filter.
pub(super) fn every_article(corpus: &Corpus) -> Vec<Hit> {
    (0..corpus.len()).map(|article| Hit { article, score: 0 }).collect()
}

impl App {
    /// Re-orders the list, keeping the selected article selected.
    pub(super) fn set_sort(&mut self, sort: SortKey) {
        let current = self.selected_article().map(|a| a.id);
        self.list.sort = sort;
        self.list.ranks = sort.ranks(&self.corpus);
        self.order_list();
        if let Some(index) = current.and_then(|id| self.list.position_of(id)) {
            self.list.selected = index;
        }
    }

    /// Sorts the list and thins it to the unread/bookmarks scope (`u`, `B`).
    pub(super) fn order_list(&mut self) {
        let memory = &self.memory;
        self.list.order(|id| memory.in_scope(id));
    }

    /// The user picked a row: results still on their way must not move
    /// the selection back to the best match.
    pub(super) fn choose(&mut self, index: usize) {
        self.select(index);
        self.filter.moved = true;
        // The user's choice wins over the article remembered from last time.
        self.memory.last_article = None;
        if self.filter.searching {
            self.filter.keep_selected = self.selected_article().map(|a| a.id);
        }
    }

    pub(super) fn select(&mut self, index: usize) {
        let before = self.selected_article().map(|a| a.id);
        self.list.selected = index.min(self.list.hits.len().saturating_sub(1));
        if self.selected_article().map(|a| a.id) != before {
            // A search inside an article belongs to that article (its
            // history stays for the next).
            self.reader.find.clear();
        }
    }

    /// How many list items fit: one row each, two with snippets.
    pub(super) fn visible_items(&self) -> usize {
        let rows = self.panes().map_or(1, |p| p.list_rows().max(1));
        (rows / self.item_height()).max(1)
    }

    pub(super) fn snippets_shown(&self) -> bool {
        let rows = self.panes().map_or(0, |p| p.list_rows());
        self.list.show_snippets && !self.filter.marks.is_empty() && rows >= SNIPPET_MIN_ROWS
    }

    /// The articles the list shows, best first.
    pub fn listed(&self) -> &[Hit] {
        &self.list.hits
    }

    /// Index of the selected row in `listed`.
    pub fn selected(&self) -> usize {
        self.list.selected
    }

    pub fn list_offset(&self) -> usize {
        self.list.offset
    }

    /// Rows per list item: two when snippets are shown under titles.
    pub fn item_height(&self) -> usize {
        if self.snippets_shown() { 2 } else { 1 }
    }

    /// Highlights and snippet of a list row, when the filter has any.
    pub fn row_marks(&self, article: usize) -> Option<&RowMarks> {
        self.list.rows.get(&article)
    }

    pub fn sort(&self) -> SortKey {
        self.list.sort
    }
}
