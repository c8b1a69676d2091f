//! The filter's share of `App`: the list's query as typed and read, asking
//! the search thread for its results and taking them in, and the marks the
//! list and reader show for the query whose results are on screen.

use crate::corpus::View;
use crate::line_edit::{Edit, LineEditor};
use crate::search::Query;
use crate::search::marks::Marks;
use crate::search::worker::{Request, Results};

use super::list::{RowMarks, every_article};
use super::{App, Effect, Focus, ListScope};

/// A query as typed (in a line editor, with its cursor and history) and
/// as read.
#[derive(Debug, Clone, Default)]
pub struct QueryText {
    pub line: LineEditor,
    pub parsed: Query,
}

impl QueryText {
    /// Applies `edit`; says whether the text changed.
    pub(super) fn edit(&mut self, edit: Edit) -> bool {
        let changed = self.line.apply(edit);
        if changed {
            self.parsed = Query::parse(self.line.text());
        }
        changed
    }

    /// Puts `text` in the line (a restored query).
    pub(super) fn set(&mut self, text: &str) {
        self.line.set_text(text);
        self.parsed = Query::parse(text);
    }

    /// Empties the line; its history stays.
    pub(super) fn clear(&mut self) {
        self.set("");
    }

    pub fn text(&self) -> &str {
        self.line.text()
    }
}

#[derive(Debug, Default)]
pub(super) struct Filter {
    pub query: QueryText,
    /// The highlights of the query whose results the list shows: until a
    /// new query's first results arrive, the list still shows the old
    /// results, marked as the old query marked them.
    pub marks: Marks,
    /// The text and generation of that query.
    pub marked_query: String,
    pub marked_generation: u64,
    /// Bumped on every edit of the filter; results for older ones are stale.
    pub generation: u64,
    /// Whether the list still waits for results of the latest query.
    pub searching: bool,
    /// The article to keep selected when those results arrive: set when
    /// the same query runs again (for `r`), not while typing.
    pub keep_selected: Option<usize>,
    /// Whether the user moved the selection since the query last changed:
    /// until then the best match stays selected as results (and articles
    /// of a load) arrive.
    pub moved: bool,
}

impl App {
    /// Shows or hides site furniture, in the reader and in search alike.
    pub(super) fn toggle_raw(&mut self) {
        self.reader.view = match self.reader.view {
            View::Clean => View::Raw,
            View::Raw => View::Clean,
        };
        if !self.filter.query.parsed.is_empty() {
            self.rerun_filter();
        }
    }

    /// Runs the same filter again (the list's scope changed, or the reading
    /// view it searches),
    /// keeping the selected article selected.
    pub(super) fn rerun_filter(&mut self) {
        let current = self.selected_article().map(|a| a.id);
        self.refilter();
        self.filter.keep_selected = current;
    }

    /// After a flag changed: a scope that lists only some articles is
    /// brought up to date.
    pub(super) fn apply_scope(&mut self) {
        if self.memory.scope != ListScope::All {
            self.rerun_filter();
        }
    }

    /// `/` in the list: the filter bar, its old query selected so typing
    /// replaces it and an editing key keeps it.
    pub(super) fn focus_filter(&mut self) {
        self.window.focus = Focus::Filter;
        self.filter.query.line.reopen();
    }

    /// Edits the query being typed; a changed filter is searched again,
    /// its best match selected until the user moves.
    pub(super) fn edit_query(&mut self, edit: Edit) {
        match self.window.focus {
            Focus::Find => {
                if self.reader.find.edit(edit) {
                    self.jump_to_find_match();
                }
            }
            _ => {
                if self.filter.query.edit(edit) {
                    self.filter.moved = false;
                    self.refilter();
                }
            }
        }
    }

    /// Enter keeps the query (and puts it in the history for Up); Esc
    /// clears it.
    pub(super) fn leave_input(&mut self, clear: bool) {
        match self.window.focus {
            Focus::Find => {
                if clear {
                    self.reader.find.clear();
                } else {
                    self.reader.find.line.remember();
                }
                self.window.focus = Focus::Reader;
            }
            _ => {
                if clear {
                    self.clear_filter();
                } else {
                    self.filter.query.line.remember();
                }
                self.window.focus = Focus::List;
            }
        }
    }

    /// Esc in the list or the filter bar: every article again.
    pub(super) fn clear_filter(&mut self) {
        if !self.filter.query.text().is_empty() {
            self.filter.query.clear();
            self.filter.moved = false;
            self.refilter();
        }
    }

    /// Asks for the new filter's results. An empty filter needs no search:
    /// every article, in order, and the one that was selected stays.
    pub(super) fn refilter(&mut self) {
        self.filter.generation += 1;
        self.filter.keep_selected = None;
        if self.filter.query.parsed.is_empty() {
            self.mark_results();
            let current = self.selected_article().map(|a| a.id);
            self.list.hits = every_article(&self.corpus);
            self.order_list();
            let index = current.and_then(|id| self.list.position_of(id));
            self.list.selected = index.unwrap_or(0);
            self.effects.cancel_search();
            self.filter.searching = false;
        } else {
            let (generation, query) = (self.filter.generation, self.filter.query.parsed.clone());
            self.effects.push(Effect::Search(Request { generation, query, view: self.reader.view }));
            self.filter.searching = true;
        }
    }

    /// Takes results for the latest query (older ones are dropped). While
    /// typing, the best match is selected, as in fzf; when the same query
    /// ran again, the selected article stays selected.
    pub(super) fn show_results(&mut self, results: Results) {
        if results.generation != self.filter.generation {
            return;
        }
        if self.filter.marked_generation != self.filter.generation {
            // This query's first results: from now on its marks are shown.
            self.mark_results();
        }
        self.list.hits = results.hits;
        self.order_list();
        self.filter.searching = !results.complete;
        let kept = self.filter.keep_selected.and_then(|id| self.list.position_of(id));
        if kept.is_none() {
            self.list.offset = 0;
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
        self.filter.marks = Marks::new(&self.filter.query.parsed);
        self.filter.marked_query = self.filter.query.text().to_owned();
        self.filter.marked_generation = self.filter.generation;
        self.list.rows.clear();
    }

    pub(super) fn mark_visible_rows(&mut self, items: usize) {
        if self.filter.marks.is_empty() {
            return;
        }
        let width = self.panes().map_or(40, |p| usize::from(p.list.width.saturating_sub(4)));
        let snippets = self.snippets_shown();
        let end = (self.list.offset + items).min(self.list.hits.len());
        for hit in &self.list.hits[self.list.offset..end] {
            let Some(article) = self.corpus.get(hit.article) else { continue };
            self.list.rows.entry(article.id).or_insert_with(|| RowMarks {
                title: self.filter.marks.in_title(&article.title),
                snippet: if snippets {
                    self.filter.marks.snippet(article, width, self.reader.view)
                } else {
                    None
                },
            });
        }
    }

    /// The list's filter query.
    pub fn filter(&self) -> &QueryText {
        &self.filter.query
    }

    pub fn query(&self) -> &str {
        self.filter.query.text()
    }

    /// True while the list waits for the results of the latest query.
    pub fn is_searching(&self) -> bool {
        self.filter.searching
    }
}
