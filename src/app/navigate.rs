//! Getting around a big list: paging it, jumping by a count (`1200G`,
//! `50%`), the next and previous article from the reader, the next unread
//! one at the end of an article, and marking the whole list read after
//! asking.

use crate::viewport;

use super::{App, Focus, Mode};

/// A question in the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// Mark the articles of the list (this many) read?
    MarkAllRead(usize),
}

impl Question {
    /// What the status line asks.
    pub fn text(self) -> String {
        match self {
            Question::MarkAllRead(1) => "Mark the 1 article listed read? y/n".to_owned(),
            Question::MarkAllRead(n) => format!("Mark all {n} articles listed read? y/n"),
        }
    }
}

impl App {
    /// Moves the list by a page (`parts` 1) or half a page (2), `direction`
    /// 1 down or -1 up.
    pub(super) fn page_list(&mut self, direction: isize, parts: usize) {
        let step = (self.visible_items() / parts).max(1);
        let target = if direction > 0 {
            self.list.selected.saturating_add(step)
        } else {
            self.list.selected.saturating_sub(step)
        };
        self.choose(target);
    }

    /// `50%`: as far through the list (or the article, in the reader).
    pub(super) fn jump_percent(&mut self, count: Option<usize>) {
        let Some(percent) = count else {
            self.overlay.notice = Some("Type a number first: 50% goes half way".into());
            return;
        };
        if self.window.focus == Focus::Reader {
            let len = self.document().map_or(0, |doc| doc.len());
            self.scroll_to(viewport::item_of_percent(percent, len));
        } else {
            self.choose(viewport::item_of_percent(percent, self.list.hits.len()));
        }
    }

    /// `]` and `[`: the next or previous article of the list, opened.
    pub(super) fn read_neighbour(&mut self, next: bool) {
        let target = if next { self.list.selected.checked_add(1) } else { self.list.selected.checked_sub(1) };
        match target.filter(|&index| index < self.list.hits.len()) {
            Some(index) => {
                self.choose(index);
                self.open_article();
            }
            None if next => self.overlay.notice = Some("This is the last article in the list".into()),
            None => self.overlay.notice = Some("This is the first article in the list".into()),
        }
    }

    /// Space in the reader: a page on, or at the end of the article, the
    /// next unread article below it in the list.
    pub(super) fn page_or_next_unread(&mut self) {
        let at_end = self
            .document()
            .is_some_and(|doc| self.reader_top() + self.page_lines().unsigned_abs() >= doc.len());
        if !at_end {
            self.scroll_by(self.page_step());
            return;
        }
        let hits = &self.list.hits;
        let next = (self.list.selected + 1..hits.len())
            .find(|&index| hits.get(index).is_some_and(|hit| !self.is_read(hit.article)));
        match next {
            Some(index) => {
                self.choose(index);
                self.open_article();
            }
            None => self.overlay.notice = Some("No unread article below this one".into()),
        }
    }

    /// `U`: asks whether to mark every article listed read.
    pub(super) fn ask_mark_all_read(&mut self) {
        if self.list.hits.is_empty() {
            self.overlay.notice = Some("No article is listed".into());
            return;
        }
        self.overlay.question = Some(Question::MarkAllRead(self.list.hits.len()));
        self.overlay.mode = Mode::Confirm;
    }

    /// The answer to the question asked.
    pub(super) fn answer(&mut self, yes: bool) {
        let Some(question) = self.overlay.question.take() else { return };
        if !yes {
            self.overlay.notice = Some("Nothing changed".into());
            return;
        }
        match question {
            Question::MarkAllRead(_) => {
                let ids: Vec<usize> = self.list.hits.iter().map(|hit| hit.article).collect();
                for &id in &ids {
                    if let Some(read) = self.memory.read.get_mut(id) {
                        *read = true;
                        self.memory.changed[id] = true;
                    }
                }
                self.overlay.notice = Some(match ids.len() {
                    1 => "Marked 1 article read".to_owned(),
                    n => format!("Marked {n} articles read"),
                });
                self.apply_scope();
            }
        }
    }
}
