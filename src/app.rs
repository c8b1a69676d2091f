//! The one owner of folio's state: the corpus, the filtered view, selection,
//! focus, mode, scroll positions and the screen size. `App::update` is the
//! only place any of it changes.

use std::collections::HashMap;

use ratatui::layout::Rect;

use crate::corpus::{Article, Corpus, Skipped, SortKey, View};
use crate::document::{Anchor, Document};
use crate::keys::Action;
use crate::search::{self, Hit, SearchIndex};
use crate::ui::layout::Panes;

/// Which part of the screen keys go to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Focus {
    #[default]
    List,
    Reader,
    Filter,
}

/// Whether an overlay has taken over the keys.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Mode {
    #[default]
    Normal,
    Help,
    /// The list of files that were skipped, and why.
    Skipped,
}

/// Wrapped documents kept at once. A resize back and forth, or moving
/// through the list, reuses them; past this many the cache starts afresh.
const DOCUMENT_CACHE_LIMIT: usize = 64;

/// Lines of context kept when paging, so the reader sees where they were.
const PAGE_OVERLAP: usize = 2;

#[derive(Debug)]
pub struct App {
    corpus: Corpus,
    index: SearchIndex,
    query: String,
    /// The articles the filter lets through, best first.
    view: Vec<Hit>,
    /// Index into `view`.
    selected: usize,
    /// First list row on screen.
    list_offset: usize,
    focus: Focus,
    mode: Mode,
    /// Scroll of the open overlay (the help or the skipped files).
    help_scroll: usize,
    /// Whether site furniture is hidden from the reader and from search.
    reading: View,
    /// The search index for the other view, kept for when `r` flips back.
    spare_index: Option<SearchIndex>,
    sort: SortKey,
    /// Each article's place in the current sort order, by article id.
    ranks: Vec<usize>,
    skipped: Vec<Skipped>,
    /// Reading position of every article, by article id.
    positions: Vec<Anchor>,
    screen: Rect,
    documents: HashMap<(usize, u16, View), Document>,
    notice: Option<String>,
    quit: bool,
}

impl App {
    /// An app over `corpus`, with files that failed to load reported once.
    pub fn new(corpus: Corpus, skipped: &[Skipped]) -> Self {
        let index = SearchIndex::build(&corpus);
        let view = search::filter(&corpus, &index, "");
        let positions = vec![Anchor::default(); corpus.len()];
        let ranks = SortKey::default().ranks(&corpus);
        let mut app = App {
            corpus,
            index,
            query: String::new(),
            view,
            selected: 0,
            list_offset: 0,
            focus: Focus::List,
            mode: Mode::Normal,
            help_scroll: 0,
            reading: View::Clean,
            spare_index: None,
            sort: SortKey::default(),
            ranks,
            skipped: skipped.to_vec(),
            positions,
            screen: Rect::new(0, 0, 80, 24),
            documents: HashMap::new(),
            notice: None,
            quit: false,
        };
        app.notice = skipped_notice(app.corpus.len(), skipped);
        app.sync();
        app
    }

    /// The same app with the list sorted by `sort` (`--sort`).
    pub fn sorted_by(mut self, sort: SortKey) -> Self {
        self.set_sort(sort);
        self
    }

    /// Applies one action. Every change of state goes through here.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize { .. }) {
            // A notice is read once; the next thing the user does clears it.
            self.notice = None;
        }
        match (self.mode, action) {
            (_, Action::Quit) => self.quit = true,
            (Mode::Help, Action::ToggleHelp) | (Mode::Skipped, Action::ToggleSkipped) => {
                self.mode = Mode::Normal
            }
            (Mode::Help | Mode::Skipped, Action::ScrollDown) => self.help_scroll += 1,
            (Mode::Help | Mode::Skipped, Action::ScrollUp) => {
                self.help_scroll = self.help_scroll.saturating_sub(1)
            }
            (_, Action::ToggleHelp) => {
                self.mode = Mode::Help;
                self.help_scroll = 0;
            }
            (_, Action::ToggleSkipped) => {
                self.mode = Mode::Skipped;
                self.help_scroll = 0;
            }
            (_, Action::Resize { width, height }) => self.screen = Rect::new(0, 0, width, height),
            (Mode::Help | Mode::Skipped, _) => {}
            (Mode::Normal, action) => self.apply(action),
        }
        self.sync();
    }

    fn apply(&mut self, action: Action) {
        match action {
            Action::SelectNext => self.select(self.selected.saturating_add(1)),
            Action::SelectPrev => self.select(self.selected.saturating_sub(1)),
            Action::SelectFirst => self.select(0),
            Action::SelectLast => self.select(usize::MAX),
            Action::OpenArticle if !self.view.is_empty() => self.focus = Focus::Reader,
            Action::FocusList | Action::AcceptFilter => self.focus = Focus::List,
            Action::ToggleFocus => self.toggle_focus(),
            Action::FocusFilter => self.focus = Focus::Filter,
            Action::ScrollDown => self.scroll_by(1),
            Action::ScrollUp => self.scroll_by(-1),
            Action::ScrollTop => self.scroll_by(isize::MIN),
            Action::ScrollBottom => self.scroll_by(isize::MAX),
            Action::HalfPageDown => self.scroll_by(self.page_lines() / 2),
            Action::HalfPageUp => self.scroll_by(-(self.page_lines() / 2)),
            Action::PageDown => self.scroll_by(self.page_step()),
            Action::PageUp => self.scroll_by(-self.page_step()),
            Action::PushFilterChar(c) => {
                self.query.push(c);
                self.refilter();
            }
            Action::PopFilterChar => {
                self.query.pop();
                self.refilter();
            }
            Action::PopFilterWord => {
                let kept = self.query.trim_end().rfind(' ').map_or(0, |at| at + 1);
                self.query.truncate(kept);
                self.refilter();
            }
            Action::ClearFilter => {
                self.query.clear();
                self.refilter();
                self.focus = Focus::List;
            }
            Action::ToggleRaw => self.toggle_raw(),
            Action::CycleSort => self.set_sort(self.sort.next()),
            Action::OpenArticle
            | Action::Quit
            | Action::ToggleHelp
            | Action::ToggleSkipped
            | Action::Resize { .. } => {}
        }
    }

    fn toggle_focus(&mut self) {
        self.focus = match self.focus {
            Focus::List if !self.view.is_empty() => Focus::Reader,
            _ => Focus::List,
        };
    }

    fn select(&mut self, index: usize) {
        self.selected = index.min(self.view.len().saturating_sub(1));
    }

    /// Runs the query again. While typing, the best match is selected, as in
    /// fzf; when the filter is cleared, the article that was selected stays.
    fn refilter(&mut self) {
        let current = self.selected_article().map(|a| a.id);
        self.run_filter();
        self.selected = current
            .and_then(|id| self.view.iter().position(|hit| hit.article == id))
            .filter(|_| self.query.is_empty())
            .unwrap_or(0);
        self.list_offset = 0;
    }

    /// The filtered view, best match first and, among equals, in the
    /// chosen sort order.
    fn run_filter(&mut self) {
        self.view = search::filter(&self.corpus, &self.index, &self.query);
        let ranks = &self.ranks;
        self.view.sort_by_key(|hit| (std::cmp::Reverse(hit.score), ranks.get(hit.article).copied()));
    }

    /// Re-orders or re-filters the list, keeping the selected article.
    fn rerank(&mut self) {
        let current = self.selected_article().map(|a| a.id);
        self.run_filter();
        self.selected =
            current.and_then(|id| self.view.iter().position(|hit| hit.article == id)).unwrap_or(0);
    }

    fn set_sort(&mut self, sort: SortKey) {
        self.sort = sort;
        self.ranks = sort.ranks(&self.corpus);
        self.rerank();
    }

    /// Shows or hides site furniture, in the reader and in search alike.
    fn toggle_raw(&mut self) {
        self.reading = match self.reading {
            View::Clean => View::Raw,
            View::Raw => View::Clean,
        };
        let index =
            self.spare_index.take().unwrap_or_else(|| SearchIndex::build_for(&self.corpus, self.reading));
        self.spare_index = Some(std::mem::replace(&mut self.index, index));
        self.rerank();
    }

    fn scroll_by(&mut self, delta: isize) {
        let page = self.page_lines().unsigned_abs();
        let Some(doc) = self.document() else { return };
        let Some(position) = self.positions.get(doc.article) else { return };
        let top = doc.line_of(*position);
        let last_top = doc.len().saturating_sub(page);
        let target = top.saturating_add_signed(delta).min(last_top);
        let anchor = doc.anchor_at(target);
        let article = doc.article;
        self.positions[article] = anchor;
    }

    /// Lines of text the reader shows at once.
    fn page_lines(&self) -> isize {
        self.panes().map_or(1, |p| p.reader_text().height.max(1) as isize)
    }

    fn page_step(&self) -> isize {
        (self.page_lines() - PAGE_OVERLAP as isize).max(1)
    }

    /// Restores the invariants that rendering relies on: the selected row is
    /// on screen and the open article is wrapped for the current width.
    fn sync(&mut self) {
        if self.view.is_empty() && self.focus == Focus::Reader {
            self.focus = Focus::List;
        }
        self.select(self.selected);
        let rows = self.panes().map_or(1, |p| p.list_rows().max(1));
        if self.selected < self.list_offset {
            self.list_offset = self.selected;
        } else if self.selected >= self.list_offset + rows {
            self.list_offset = self.selected + 1 - rows;
        }
        self.wrap_selected();
    }

    fn wrap_selected(&mut self) {
        let Some(width) = self.text_width() else { return };
        let Some(article) = self.selected_article() else { return };
        let key = (article.id, width, self.reading);
        if self.documents.contains_key(&key) {
            return;
        }
        let document = Document::layout(article, width, self.reading);
        if self.documents.len() >= DOCUMENT_CACHE_LIMIT {
            self.documents.clear();
        }
        self.documents.insert(key, document);
    }

    fn text_width(&self) -> Option<u16> {
        self.panes().map(|p| p.reader_text().width).filter(|&w| w > 0)
    }

    // ----- read-only views for rendering and tests -----

    pub fn panes(&self) -> Option<Panes> {
        Panes::of(self.screen)
    }

    pub fn screen(&self) -> Rect {
        self.screen
    }

    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    pub fn view(&self) -> &[Hit] {
        &self.view
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn selected_article(&self) -> Option<&Article> {
        self.view.get(self.selected).and_then(|hit| self.corpus.get(hit.article))
    }

    pub fn list_offset(&self) -> usize {
        self.list_offset
    }

    pub fn focus(&self) -> Focus {
        self.focus
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    pub fn help_scroll(&self) -> usize {
        self.help_scroll
    }

    pub fn query(&self) -> &str {
        &self.query
    }

    /// Whether site furniture is hidden (`r` flips it).
    pub fn reading_view(&self) -> View {
        self.reading
    }

    pub fn sort(&self) -> SortKey {
        self.sort
    }

    /// The files that were passed over while loading, with their reasons.
    pub fn skipped(&self) -> &[Skipped] {
        &self.skipped
    }

    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The selected article laid out at the current width.
    pub fn document(&self) -> Option<&Document> {
        let article = self.selected_article()?;
        self.documents.get(&(article.id, self.text_width()?, self.reading))
    }

    /// The first line of the document on screen.
    pub fn reader_top(&self) -> usize {
        self.document()
            .zip(self.selected_article())
            .map_or(0, |(doc, article)| doc.line_of(self.positions[article.id]))
    }
}

/// "5 loaded, 2 skipped (! lists them)", said once at the start when
/// anything was skipped.
fn skipped_notice(loaded: usize, skipped: &[Skipped]) -> Option<String> {
    (!skipped.is_empty()).then(|| format!("{loaded} loaded, {} skipped (! lists them)", skipped.len()))
}
