//! The one owner of folio's state: the corpus, the filtered view, selection,
//! focus, mode, queries, scroll positions and the screen size.
//! `App::update` is the only place any of it changes. Its parts, by what
//! they do for the user: `filter` (the list: queries, results, sort, views),
//! `reader` (scrolling, matches, searching inside an article), `memory`
//! (what is remembered between runs), `handoff` (pager, editor, link) and
//! `loading` (articles arriving while the list is in use).

mod filter;
mod handoff;
mod loading;
mod memory;
mod mouse;
mod navigate;
mod reader;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use ratatui::layout::Rect;

use crate::clipboard::{Copy, Route};
use crate::corpus::{Article, Corpus, Progress, Skipped, SortKey, View};
use crate::document::{Anchor, Document};
use crate::keys::{Action, Keymap};
use crate::line_edit::{Edit, LineEditor};
use crate::search::marks::{Marks, Snippet};
use crate::search::worker::Request;
use crate::search::{Hit, Query};
use crate::shown;
use crate::ui::layout::Panes;
use crate::ui::theme::Theme;
use crate::viewport;

pub use handoff::{Handoff, article_text};
pub use memory::ListView;
pub use navigate::Question;
pub use reader::ReaderMarks;

/// Which part of the screen keys go to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Focus {
    #[default]
    List,
    Reader,
    /// Typing the list's filter query.
    Filter,
    /// Typing a search inside the open article.
    Find,
}

/// Whether an overlay has taken over the keys.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Mode {
    #[default]
    Normal,
    Help,
    /// The list of files that were skipped, and why.
    Skipped,
    /// A question in the status line waits for y or n.
    Confirm,
}

/// Wrapped documents kept at once. A resize back and forth, or moving
/// through the list, reuses them; past this many the cache starts afresh.
const DOCUMENT_CACHE_LIMIT: usize = 64;

/// Snippets are shown under titles when the list has at least this many
/// rows, so a short pane still shows a useful number of articles.
const SNIPPET_MIN_ROWS: usize = 10;

/// A query as typed (in a line editor, with its cursor and history) and
/// as read.
#[derive(Debug, Clone, Default)]
pub struct QueryText {
    pub line: LineEditor,
    pub parsed: Query,
}

impl QueryText {
    /// Applies `edit`; says whether the text changed.
    fn edit(&mut self, edit: Edit) -> bool {
        let changed = self.line.apply(edit);
        if changed {
            self.parsed = Query::parse(self.line.text());
        }
        changed
    }

    /// Puts `text` in the line (a restored query).
    fn set(&mut self, text: &str) {
        self.line.set_text(text);
        self.parsed = Query::parse(text);
    }

    /// Empties the line; its history stays.
    fn clear(&mut self) {
        self.set("");
    }

    pub fn text(&self) -> &str {
        self.line.text()
    }
}

/// What the list shows for a row beyond its title: the title's matches and
/// a snippet of the best body match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowMarks {
    /// Byte ranges of the title to highlight.
    pub title: Vec<Range<usize>>,
    pub snippet: Option<Snippet>,
}

#[derive(Debug)]
pub struct App {
    corpus: Arc<Corpus>,
    filter: QueryText,
    /// The highlights of the query whose results the list shows: until a
    /// new query's first results arrive, the list still shows the old
    /// results, marked as the old query marked them.
    filter_marks: Marks,
    /// The text and generation of that query.
    marked_query: String,
    marked_generation: u64,
    /// Bumped on every edit of the filter; results for older ones are stale.
    generation: u64,
    /// A search the driver (event loop or test) should run.
    pending: Option<Request>,
    /// Whether the view still waits for results of the latest query.
    searching: bool,
    /// The article to keep selected when those results arrive: set when
    /// the same query runs again (for `r`), not while typing.
    keep_selected: Option<usize>,
    /// The articles the filter lets through, best first.
    view: Vec<Hit>,
    /// Index into `view`.
    selected: usize,
    /// First list item on screen.
    list_offset: usize,
    show_snippets: bool,
    /// Highlights and snippets for the list rows on screen, by article.
    rows: HashMap<usize, RowMarks>,
    focus: Focus,
    mode: Mode,
    /// Scroll of the open overlay (the help or the skipped files).
    help_scroll: usize,
    /// Whether site furniture is hidden from the reader and from search.
    reading: View,
    sort: SortKey,
    /// Each article's place in the current sort order, by article id.
    ranks: Vec<usize>,
    skipped: Vec<Skipped>,
    /// Reading position of every article, by article id.
    positions: Vec<Anchor>,
    /// Read and bookmarked articles, and what to save.
    memory: memory::Memory,
    /// The search inside the open article, if any.
    find: QueryText,
    /// Where the reader was when the search inside it began.
    find_origin: usize,
    reader_marks: ReaderMarks,
    screen: Rect,
    documents: HashMap<(usize, u16, View), Document>,
    notice: Option<String>,
    quit: bool,
    /// The full-screen reading view (`z`); only while the reader has focus.
    full_screen: bool,
    /// How a copy reaches the terminal, read from the environment at start-up.
    clipboard_route: Route,
    /// Set when the user asked to suspend; the event loop does it.
    suspend: bool,
    /// A copy the event loop should send to the terminal.
    clipboard: Option<Copy>,
    /// A program the event loop should hand the article to.
    handoff: Option<Handoff>,
    /// The keys in force.
    keymap: Keymap,
    /// The widest the reader's text may be.
    text_width: u16,
    /// Chosen once at start-up (`--theme`, `--color`).
    theme: Theme,
    /// How far a load streaming in has got; `None` once it has finished.
    loading: Option<Progress>,
    /// Set when the corpus grew: the search thread must be given it.
    grown: bool,
    /// Plain mode (`--plain`, TERM=dumb): text without boxes, for screen
    /// readers and dumb terminals.
    plain: bool,
    /// Moving around a big list: a count typed before `G` or `%`, the
    /// question waiting for y or n, whether the user has moved the
    /// selection since the query changed.
    navigation: navigate::Navigation,
}

impl App {
    /// An app over `corpus`, with files that failed to load reported once.
    pub fn new(corpus: Corpus, skipped: &[Skipped]) -> Self {
        let positions = vec![Anchor::default(); corpus.len()];
        let view = (0..corpus.len()).map(|article| Hit { article, score: 0 }).collect();
        let ranks = SortKey::default().ranks(&corpus);
        let notice = skipped_notice(corpus.len(), skipped);
        let mut app = App {
            corpus: Arc::new(corpus),
            filter: QueryText::default(),
            filter_marks: Marks::default(),
            marked_query: String::new(),
            marked_generation: 0,
            generation: 0,
            pending: None,
            searching: false,
            keep_selected: None,
            view,
            selected: 0,
            list_offset: 0,
            show_snippets: true,
            rows: HashMap::new(),
            focus: Focus::List,
            mode: Mode::Normal,
            help_scroll: 0,
            reading: View::Clean,
            sort: SortKey::default(),
            ranks,
            skipped: skipped.to_vec(),
            memory: memory::Memory::new(positions.len()),
            positions,
            find: QueryText::default(),
            find_origin: 0,
            reader_marks: ReaderMarks::default(),
            // Nothing is laid out until the terminal says how big it is.
            screen: Rect::default(),
            documents: HashMap::new(),
            notice,
            quit: false,
            full_screen: false,
            clipboard_route: Route::default(),
            clipboard: None,
            handoff: None,
            keymap: Keymap::default(),
            text_width: crate::document::MAX_TEXT_WIDTH,
            suspend: false,
            theme: Theme::default(),
            loading: None,
            grown: false,
            plain: false,
            navigation: navigate::Navigation::default(),
        };
        app.sync();
        app
    }

    /// The same app with the reader's text at most `width` columns wide.
    pub fn with_text_width(mut self, width: u16) -> Self {
        self.text_width = width;
        self
    }

    /// The same app with `keymap` for keys.
    pub fn with_keymap(mut self, keymap: Keymap) -> Self {
        self.keymap = keymap;
        self
    }

    /// The widest the reader's text may be.
    pub fn text_width_cap(&self) -> u16 {
        self.text_width
    }

    /// The keys in force, for the event loop and the help.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// The same app saying `notice` first (a problem found at start-up).
    pub fn with_notice(mut self, notice: impl Into<String>) -> Self {
        self.notice = Some(notice.into());
        self
    }

    /// The same app with the list sorted by `sort` (`--sort`).
    pub fn sorted_by(mut self, sort: SortKey) -> Self {
        self.set_sort(sort);
        self.memory.sort_fixed = true;
        self
    }

    /// The same app drawn in `theme` (`--theme` at the terminal's depth).
    pub fn with_theme(mut self, theme: Theme) -> Self {
        self.theme = theme;
        self
    }

    /// The same app drawn in plain mode: no boxes, one pane at a time.
    pub fn in_plain_mode(mut self) -> Self {
        self.plain = true;
        self.sync();
        self
    }

    /// Whether the screen is drawn in plain mode.
    pub fn is_plain(&self) -> bool {
        self.plain
    }

    /// The same app sending copies by `route` (through tmux, screen, or not).
    pub fn copying_via(mut self, route: Route) -> Self {
        self.clipboard_route = route;
        self
    }

    /// Applies one action. Every change of state goes through here.
    pub fn update(&mut self, action: Action) {
        let from_user = !matches!(action, Action::Resize { .. } | Action::ShowResults(_) | Action::Loaded(_));
        if from_user {
            // A notice is read once; the next thing the user does clears it.
            self.notice = None;
        }
        // A count is for the key right after it.
        let count = if from_user { self.navigation.count.take() } else { None };
        match (self.mode, action) {
            (_, Action::Quit) => self.quit = true,
            (_, Action::Suspend) => self.suspend = true,
            (_, Action::Resize { width, height }) => self.screen = Rect::new(0, 0, width, height),
            (_, Action::ShowResults(results)) => self.show_results(results),
            (_, Action::Loaded(batch)) => self.add_batch(batch),
            (_, Action::Report(report)) => self.notice = Some(report),
            (Mode::Help, Action::ToggleHelp) | (Mode::Skipped, Action::ToggleSkipped) => {
                self.mode = Mode::Normal;
            }
            (Mode::Help | Mode::Skipped, Action::ScrollDown) => self.help_scroll += 1,
            (Mode::Help | Mode::Skipped, Action::ScrollUp) => {
                self.help_scroll = self.help_scroll.saturating_sub(1);
            }
            (Mode::Confirm, Action::Confirm) => self.answer(true),
            (Mode::Confirm, Action::Cancel) => self.answer(false),
            (Mode::Confirm, _) => {}
            (_, Action::ToggleHelp) => self.open_overlay(Mode::Help),
            (_, Action::ToggleSkipped) => self.open_overlay(Mode::Skipped),
            (Mode::Help | Mode::Skipped, _) => {}
            (Mode::Normal, Action::Count(digit)) => self.navigation.push_digit(count, digit),
            (Mode::Normal, action) => self.apply(action, count),
        }
        self.sync();
    }

    fn apply(&mut self, action: Action, count: Option<usize>) {
        match action {
            Action::SelectNext => self.choose(self.selected.saturating_add(1)),
            Action::SelectPrev => self.choose(self.selected.saturating_sub(1)),
            Action::SelectFirst => self.choose(0),
            Action::SelectLast => {
                self.choose(count.map_or(usize::MAX, |n| viewport::item_of_count(n, usize::MAX)))
            }
            Action::ListPageDown => self.page_list(1, 1),
            Action::ListPageUp => self.page_list(-1, 1),
            Action::ListHalfPageDown => self.page_list(1, 2),
            Action::ListHalfPageUp => self.page_list(-1, 2),
            Action::JumpPercent => self.jump_percent(count),
            Action::ClearFilter => self.clear_filter(),
            Action::NextArticle => self.read_neighbour(true),
            Action::PrevArticle => self.read_neighbour(false),
            Action::PageOrNextUnread => self.page_or_next_unread(),
            Action::MarkAllRead => self.ask_mark_all_read(),
            Action::OpenArticle => self.open_article(),
            Action::FocusList => self.focus = Focus::List,
            Action::ToggleFocus => self.toggle_focus(),
            Action::FocusFilter => {
                self.focus = Focus::Filter;
                // Typing replaces the old query; an editing key keeps it.
                self.filter.line.reopen();
            }
            Action::FocusFind => self.start_find(),
            Action::ToggleSnippets => self.show_snippets = !self.show_snippets,
            Action::ScrollDown => self.scroll_by(1),
            Action::ScrollUp => self.scroll_by(-1),
            Action::ScrollTop => self.scroll_by(isize::MIN),
            Action::ScrollBottom => match count {
                Some(line) => self.scroll_to(line.saturating_sub(1)),
                None => self.scroll_by(isize::MAX),
            },
            Action::HalfPageDown => self.scroll_by(self.page_lines() / 2),
            Action::HalfPageUp => self.scroll_by(-(self.page_lines() / 2)),
            Action::PageDown => self.scroll_by(self.page_step()),
            Action::PageUp => self.scroll_by(-self.page_step()),
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::TypeChar(c) => self.edit_query(Edit::Insert(c)),
            Action::DeleteChar => self.edit_query(Edit::Backspace),
            Action::DeleteWord => self.edit_query(Edit::KillWord),
            Action::DeleteForward => self.edit_query(Edit::Delete),
            Action::CursorLeft => self.edit_query(Edit::Left),
            Action::CursorRight => self.edit_query(Edit::Right),
            Action::CursorHome => self.edit_query(Edit::Home),
            Action::CursorEnd => self.edit_query(Edit::End),
            Action::WordLeft => self.edit_query(Edit::WordLeft),
            Action::WordRight => self.edit_query(Edit::WordRight),
            Action::KillToStart => self.edit_query(Edit::KillToStart),
            Action::KillToEnd => self.edit_query(Edit::KillToEnd),
            Action::OlderQuery => self.edit_query(Edit::Older),
            Action::NewerQuery => self.edit_query(Edit::Newer),
            Action::AcceptQuery => self.leave_input(false),
            Action::ClearQuery => self.leave_input(true),
            Action::ToggleRaw => self.toggle_raw(),
            Action::ToggleBookmark => self.toggle_bookmark(),
            Action::ToggleRead => self.toggle_read(),
            Action::ShowUnread => self.switch_list_view(ListView::Unread),
            Action::ShowBookmarks => self.switch_list_view(ListView::Bookmarked),
            Action::CycleSort => self.set_sort(self.sort.next()),
            Action::ToggleFullScreen => self.toggle_full_screen(),
            Action::CopyText => self.copy("the text", article_text),
            Action::OpenInPager => self.hand_off(handoff::page),
            Action::OpenInEditor => self.hand_off(handoff::edit),
            Action::OpenLink => self.hand_off(handoff::browse),
            Action::CopyTitle => {
                self.copy("the title and path", |article, _| {
                    // Escaped: a name holding `\e[201~` must not end a
                    // bracketed paste where the copy is pasted.
                    format!("{}\n{}", shown::escape(&article.title), shown::escape(&article.source))
                })
            }
            Action::Quit
            | Action::Suspend
            | Action::ToggleHelp
            | Action::ToggleSkipped
            | Action::Count(_)
            | Action::CountDigit
            | Action::Confirm
            | Action::Cancel
            | Action::Resize { .. }
            | Action::ShowResults(_)
            | Action::Loaded(_)
            | Action::Report(_) => {}
            Action::Wheel { column, row, down } => self.wheel(column, row, down),
            Action::Click { column, row } => self.click(column, row),
        }
    }

    /// Into the full-screen view, opening the selected article if the list
    /// had focus; or back to the panes.
    fn toggle_full_screen(&mut self) {
        if self.full_screen || self.view.is_empty() {
            self.full_screen = false;
            return;
        }
        // First, so the article is wrapped for the full-screen column.
        self.full_screen = true;
        if self.focus == Focus::List {
            self.open_article();
        }
    }

    /// Asks the event loop to put what `text` makes of the open article on
    /// the clipboard, and says what was copied and how.
    fn copy(&mut self, what: &str, text: impl FnOnce(&Article, View) -> String) {
        let Some(article) = self.selected_article() else {
            self.notice = Some("Nothing to copy: no article is open".into());
            return;
        };
        let text = text(article, self.reading);
        let route = self.clipboard_route;
        let characters = text.chars().count();
        self.notice = Some(crate::clipboard::sent_notice(what, characters, route));
        self.clipboard = Some(Copy { text, route });
    }

    fn open_overlay(&mut self, mode: Mode) {
        self.mode = mode;
        self.help_scroll = 0;
    }

    fn toggle_focus(&mut self) {
        self.focus = match self.focus {
            Focus::List if !self.view.is_empty() => Focus::Reader,
            _ => Focus::List,
        };
    }

    /// Restores the invariants that rendering relies on: the selected row is
    /// on screen with its marks, and the open article is wrapped for the
    /// current width with its matches found.
    fn sync(&mut self) {
        if self.view.is_empty() && matches!(self.focus, Focus::Reader | Focus::Find) {
            self.focus = Focus::List;
        }
        // The list is hidden in the full-screen view: going to it leaves.
        self.full_screen &= matches!(self.focus, Focus::Reader | Focus::Find);
        self.select(self.selected);
        let items = self.visible_items();
        self.list_offset = viewport::list_offset(self.list_offset, self.selected, items, self.view.len());
        self.mark_visible_rows(items);
        self.wrap_selected();
        self.mark_reader();
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

    /// How many list items fit: one row each, two with snippets.
    fn visible_items(&self) -> usize {
        let rows = self.panes().map_or(1, |p| p.list_rows().max(1));
        (rows / self.item_height()).max(1)
    }

    // ----- read-only views for rendering, the event loop and tests -----

    /// Whether the driver should suspend folio now (Ctrl-z); asked once.
    pub fn take_suspend(&mut self) -> bool {
        std::mem::take(&mut self.suspend)
    }

    /// What the driver should copy to the terminal's clipboard, if asked.
    pub fn take_clipboard(&mut self) -> Option<Copy> {
        self.clipboard.take()
    }

    /// The search the driver should run next, if the filter changed.
    pub fn take_search_request(&mut self) -> Option<Request> {
        self.pending.take()
    }

    pub fn panes(&self) -> Option<Panes> {
        Panes::for_screen(self.screen, self.full_screen, self.plain)
            .map(|p| p.with_text_width(self.text_width))
    }

    pub fn is_full_screen(&self) -> bool {
        self.full_screen
    }

    pub fn screen(&self) -> Rect {
        self.screen
    }

    pub fn corpus(&self) -> &Arc<Corpus> {
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

    /// Rows per list item: two when snippets are shown under titles.
    pub fn item_height(&self) -> usize {
        if self.snippets_shown() { 2 } else { 1 }
    }

    fn snippets_shown(&self) -> bool {
        let rows = self.panes().map_or(0, |p| p.list_rows());
        self.show_snippets && !self.filter_marks.is_empty() && rows >= SNIPPET_MIN_ROWS
    }

    /// Highlights and snippet of a list row, when the filter has any.
    pub fn row_marks(&self, article: usize) -> Option<&RowMarks> {
        self.rows.get(&article)
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

    /// The list's filter query.
    pub fn filter(&self) -> &QueryText {
        &self.filter
    }

    /// The search inside the open article.
    pub fn find(&self) -> &QueryText {
        &self.find
    }

    pub fn query(&self) -> &str {
        self.filter.text()
    }

    /// True while the list waits for the results of the latest query.
    pub fn is_searching(&self) -> bool {
        self.searching
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

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The selected article laid out at the current width.
    pub fn document(&self) -> Option<&Document> {
        let article = self.selected_article()?;
        self.documents.get(&(article.id, self.text_width()?, self.reading))
    }
}

/// "5 loaded, 2 skipped (! lists them)", said once at the start when
/// anything was skipped.
fn skipped_notice(loaded: usize, skipped: &[Skipped]) -> Option<String> {
    (!skipped.is_empty()).then(|| format!("{loaded} loaded, {} skipped (! lists them)", skipped.len()))
}
