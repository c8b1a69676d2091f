//! The one owner of folio's state, in parts that each feature owns:
//!
//! | part | module | holds |
//! |---|---|---|
//! | `list` | `list` | the rows shown, selection, scroll, sort, snippets |
//! | `filter` | `filter` | the list's query, its generation and marks |
//! | `reader` | `reader` | the open article's layout, matches, find |
//! | `memory` | `memory` | positions, read and bookmarks kept between runs |
//! | `overlay` | `overlay` | the help, skipped-files or contents overlay (`contents` reads the article's), a question, a notice, a count |
//! | `loading` | `loading` | a load streaming in, and what it skipped |
//! | `settings` | `settings` | keys, theme, text width, clipboard route |
//! | `window` | `window` | screen size, focus, full-screen, plain mode |
//! | `stories` | `stories` | the stories found, marks, related and compare panels |
//!
//! `App::update` is the only place any of it changes: it routes each
//! `Action` to the part it belongs to. What must happen outside (a search,
//! a copy, a hand-off, a suspend) is pushed as an `Effect` and drained by
//! the driver in one place (`drain_effects`).

mod contents;
mod effect;
mod filter;
mod handoff;
mod list;
mod loading;
mod memory;
mod mouse;
mod navigate;
mod overlay;
mod reader;
mod settings;
mod stories;
mod window;

use std::sync::Arc;

use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::corpus::{Article, Corpus, Skipped};
use crate::keys::{self, Action};
use crate::layout::Panes;
use crate::line_edit::Edit;
use crate::viewport;

pub use crate::focus::{Focus, Mode};
pub use contents::{Entry, EntryKind};
pub use effect::Effect;
pub use filter::QueryText;
pub use handoff::{Handoff, article_text};
pub use list::RowMarks;
pub use memory::ListScope;
pub use navigate::Question;
pub use reader::ReaderMarks;
pub use stories::{CompareRow, StoryRow, compare_rows, story_rows};

use effect::Effects;
use filter::Filter;
use list::List;
use loading::Loading;
use memory::Memory;
use overlay::Overlay;
use reader::Reader;
use settings::Settings;
use stories::Stories;
use window::Window;

#[derive(Debug)]
pub struct App {
    /// Every article loaded so far; shared with the search thread.
    corpus: Arc<Corpus>,
    list: List,
    filter: Filter,
    reader: Reader,
    memory: Memory,
    overlay: Overlay,
    loading: Loading,
    settings: Settings,
    window: Window,
    stories: Stories,
    quit: bool,
    effects: Effects,
}

impl App {
    /// An app over `corpus`, with files that failed to load reported once.
    pub fn new(corpus: Corpus, skipped: &[Skipped]) -> Self {
        let mut app = App {
            list: List::new(&corpus),
            memory: Memory::new(corpus.len()),
            overlay: Overlay::saying(loading::skipped_notice(corpus.len(), skipped)),
            loading: Loading::new(skipped),
            corpus: Arc::new(corpus),
            filter: Filter::default(),
            reader: Reader::default(),
            settings: Settings::default(),
            window: Window::default(),
            stories: Stories::default(),
            quit: false,
            effects: Effects::default(),
        };
        app.sync();
        app
    }

    /// The same app saying `notice` first (a problem found at start-up).
    pub fn with_notice(mut self, notice: impl Into<String>) -> Self {
        self.overlay.notice = Some(notice.into());
        self
    }

    /// One key from the terminal, as the event loop and the tests give it:
    /// read by the keymap in force for the focus and overlay, each press
    /// applied in turn (each sees the state the one before it left).
    pub fn handle_key(&mut self, key: KeyEvent) {
        for press in keys::presses(self.window.focus, self.overlay.mode, key) {
            if let Some(action) = self.settings.keymap.action_for(self.window.focus, self.overlay.mode, press)
            {
                self.update(action);
            }
        }
    }

    /// Applies one action. Every change of state goes through here.
    pub fn update(&mut self, action: Action) {
        let from_user = !matches!(
            action,
            Action::Resize { .. } | Action::ShowResults(_) | Action::Loaded(_) | Action::Stories(_)
        );
        let count = if from_user { self.overlay.user_acted() } else { None };
        match action {
            Action::Quit => self.quit = true,
            Action::Suspend => self.effects.push(Effect::Suspend),
            Action::Resize { width, height } => self.window.area = Rect::new(0, 0, width, height),
            Action::ShowResults(results) => self.show_results(results),
            Action::Loaded(batch) => self.add_batch(batch),
            Action::Report(report) => self.overlay.notice = Some(report),
            Action::Stories(answer) => self.receive_stories_answer(answer),
            action => match self.overlay.update(action, count) {
                Some(Action::Confirm) => self.answer(true),
                Some(Action::Cancel) => self.answer(false),
                Some(action) => self.apply(action, count),
                None => {}
            },
        }
        self.sync();
    }

    /// An action of the panes, with no overlay open, and the count typed
    /// before its key.
    fn apply(&mut self, action: Action, count: Option<usize>) {
        match action {
            Action::SelectNext => self.choose(self.list.selected.saturating_add(1)),
            Action::SelectPrev => self.choose(self.list.selected.saturating_sub(1)),
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
            Action::FocusList => self.window.focus = Focus::List,
            Action::ToggleFocus => self.toggle_focus(),
            Action::FocusFilter => self.focus_filter(),
            Action::FocusFind => self.start_find(),
            Action::ToggleSnippets => self.list.show_snippets = !self.list.show_snippets,
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
            Action::ShowUnread => self.switch_scope(ListScope::Unread),
            Action::ShowBookmarks => self.switch_scope(ListScope::Bookmarked),
            Action::CycleSort => self.set_sort(self.list.sort.next()),
            Action::ToggleFullScreen => self.toggle_full_screen(),
            Action::CopyText => self.copy("the text", article_text),
            Action::CopyTitle => self.copy("the title and path", handoff::title_and_path),
            Action::OpenInPager => self.page_article(),
            Action::ToggleContents => self.open_contents(),
            Action::FollowEntry => self.follow_entry(),
            Action::OpenInEditor => self.hand_off(handoff::edit),
            Action::OpenLink => self.hand_off(handoff::browse),
            Action::Wheel { column, row, down } => self.wheel(column, row, down),
            Action::Click { column, row } => self.click(column, row),
            Action::ShowRelated => self.show_related(),
            Action::ToggleStories => self.toggle_stories(),
            Action::MarkForCompare => self.mark_for_compare(),
            Action::Compare => self.compare(),
            Action::PanelNext => self.panel_step(true),
            Action::PanelPrev => self.panel_step(false),
            Action::PanelOpen => self.panel_open(),
            Action::PanelClose => self.panel_close(),
            // Taken by `update` or by the overlay before they get here.
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
            | Action::Stories(_)
            | Action::Report(_) => {}
        }
    }

    /// Restores the invariants that rendering relies on: the selected row is
    /// on screen with its marks, and the open article is wrapped for the
    /// current width with its matches found.
    fn sync(&mut self) {
        self.window.keep_focus_on_something(!self.list.hits.is_empty());
        self.select(self.list.selected);
        let items = self.visible_items();
        self.list.keep_selected_on_screen(items);
        self.mark_visible_rows(items);
        self.wrap_selected();
        self.mark_reader();
        self.keep_contents_choice();
    }

    /// Everything the driver was asked to do since it last asked, oldest
    /// first. The event loop runs them after every message; tests look.
    pub fn drain_effects(&mut self) -> Vec<Effect> {
        self.effects.drain()
    }

    // ----- read-only accessors for rendering, the event loop and tests -----

    pub fn panes(&self) -> Option<Panes> {
        Panes::for_screen(self.window.area, self.window.full_screen, self.window.plain)
            .map(|p| p.with_text_width(self.settings.text_width))
    }

    pub fn corpus(&self) -> &Arc<Corpus> {
        &self.corpus
    }

    pub fn selected_article(&self) -> Option<&Article> {
        self.list.selected_hit().and_then(|hit| self.corpus.get(hit.article))
    }

    pub fn focus(&self) -> Focus {
        self.window.focus
    }

    pub fn mode(&self) -> Mode {
        self.overlay.mode
    }

    pub fn notice(&self) -> Option<&str> {
        self.overlay.notice.as_deref()
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }
}
