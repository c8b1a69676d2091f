//! The list's share of `App`: running the filter and taking its results,
//! the sort and the views that order and thin the list, choosing rows, and
//! the highlights and snippets of the rows on screen.

use crate::corpus::{SortKey, View};
use crate::search::Hit;
use crate::search::marks::Marks;
use crate::search::worker::{Request, Results};

use super::{App, Focus, ListView, RowMarks};
use crate::line_edit::Edit;

impl App {
    /// Shows or hides site furniture, in the reader and in search alike.
    pub(super) fn toggle_raw(&mut self) {
        self.reading = match self.reading {
            View::Clean => View::Raw,
            View::Raw => View::Clean,
        };
        if !self.filter.parsed.is_empty() {
            self.rerun_filter();
        }
    }

    /// Runs the same filter again (the view changed, or what it searches),
    /// keeping the selected article selected.
    pub(super) fn rerun_filter(&mut self) {
        let current = self.selected_article().map(|a| a.id);
        self.refilter();
        self.keep_selected = current;
    }

    /// After a flag changed: a view that shows only some articles is
    /// brought up to date.
    pub(super) fn apply_list_view(&mut self) {
        if self.memory.view != ListView::All {
            self.rerun_filter();
        }
    }

    /// Re-orders the list, keeping the selected article selected.
    pub(super) fn set_sort(&mut self, sort: SortKey) {
        let current = self.selected_article().map(|a| a.id);
        self.sort = sort;
        self.ranks = sort.ranks(&self.corpus);
        self.order_view();
        if let Some(index) = current.and_then(|id| self.view.iter().position(|hit| hit.article == id)) {
            self.selected = index;
        }
    }

    /// Best match first; among equals, the chosen sort order.
    /// Leaves out what the list's view hides (`u`, `B`).
    pub(super) fn order_view(&mut self) {
        let ranks = &self.ranks;
        self.view.sort_by_key(|hit| (std::cmp::Reverse(hit.score), ranks.get(hit.article).copied()));
        let view = std::mem::take(&mut self.view);
        self.view = view.into_iter().filter(|hit| self.in_list_view(hit.article)).collect();
    }

    /// The user picked a row: results still on their way must not move
    /// the selection back to the best match.
    pub(super) fn choose(&mut self, index: usize) {
        self.select(index);
        self.navigation.moved = true;
        // The user's choice wins over the article remembered from last time.
        self.memory.last_article = None;
        if self.searching {
            self.keep_selected = self.selected_article().map(|a| a.id);
        }
    }

    pub(super) fn select(&mut self, index: usize) {
        let before = self.selected_article().map(|a| a.id);
        self.selected = index.min(self.view.len().saturating_sub(1));
        if self.selected_article().map(|a| a.id) != before {
            // A search inside an article belongs to that article (its
            // history stays for the next).
            self.find.clear();
        }
    }

    /// Edits the query being typed; a changed filter is searched again,
    /// and its best match selected until the user moves.
    pub(super) fn edit_query(&mut self, edit: Edit) {
        match self.focus {
            Focus::Find => {
                if self.find.edit(edit) {
                    self.jump_to_find_match();
                }
            }
            _ => {
                if self.filter.edit(edit) {
                    self.navigation.moved = false;
                    self.refilter();
                }
            }
        }
    }

    pub(super) fn leave_input(&mut self, clear: bool) {
        match self.focus {
            Focus::Find => {
                if clear {
                    self.find.clear();
                } else {
                    self.find.line.remember();
                }
                self.focus = Focus::Reader;
            }
            _ => {
                if clear {
                    self.clear_filter();
                } else {
                    self.filter.line.remember();
                }
                self.focus = Focus::List;
            }
        }
    }

    /// Esc in the list or the filter bar: every article again.
    pub(super) fn clear_filter(&mut self) {
        if !self.filter.text().is_empty() {
            self.filter.clear();
            self.refilter();
        }
    }

    /// Asks for the new filter's results. An empty filter needs no search:
    /// every article, in order, and the one that was selected stays.
    pub(super) fn refilter(&mut self) {
        self.generation += 1;
        self.keep_selected = None;
        if self.filter.parsed.is_empty() {
            self.mark_results();
            let current = self.selected_article().map(|a| a.id);
            self.view = (0..self.corpus.len()).map(|article| Hit { article, score: 0 }).collect();
            self.order_view();
            let index = current.and_then(|id| self.view.iter().position(|hit| hit.article == id));
            self.selected = index.unwrap_or(0);
            self.pending = None;
            self.searching = false;
        } else {
            let query = self.filter.text().to_owned();
            self.pending = Some(Request { generation: self.generation, query, view: self.reading });
            self.searching = true;
        }
    }

    /// Takes results for the latest query (older ones are dropped). While
    /// typing, the best match is selected, as in fzf; when the same query
    /// ran again, the selected article stays selected.
    pub(super) fn show_results(&mut self, results: Results) {
        if results.generation != self.generation {
            return;
        }
        if self.marked_generation != self.generation {
            // This query's first results: from now on its marks are shown.
            self.mark_results();
        }
        self.view = results.hits;
        self.order_view();
        self.searching = !results.complete;
        let kept = self.keep_selected.and_then(|id| self.view.iter().position(|hit| hit.article == id));
        if kept.is_none() {
            self.list_offset = 0;
        }
        // The rows' marks depend on the query, not on which results came:
        // those of the first results stand for the complete ones.
        self.select(kept.unwrap_or(0));
    }

    /// Marks rows and reader with the current query. Until then they keep
    /// the marks of the results on screen: marking those rows with the new
    /// query would be work thrown away when its results come, and it would
    /// hold up the search on a small machine.
    fn mark_results(&mut self) {
        self.filter_marks = Marks::new(&self.filter.parsed);
        self.marked_query = self.filter.text().to_owned();
        self.marked_generation = self.generation;
        self.rows.clear();
    }

    pub(super) fn mark_visible_rows(&mut self, items: usize) {
        if self.filter_marks.is_empty() {
            return;
        }
        let width = self.panes().map_or(40, |p| usize::from(p.list.width.saturating_sub(4)));
        let snippets = self.snippets_shown();
        let end = (self.list_offset + items).min(self.view.len());
        for hit in &self.view[self.list_offset..end] {
            let Some(article) = self.corpus.get(hit.article) else { continue };
            self.rows.entry(article.id).or_insert_with(|| RowMarks {
                title: self.filter_marks.in_title(&article.title),
                snippet: if snippets {
                    self.filter_marks.snippet(article, width, self.reading)
                } else {
                    None
                },
            });
        }
    }
}
