//! The reader's share of `App`: the open article laid out for the width,
//! scrolling by anchors, the matches of the active query in it, `n`/`N`,
//! and searching inside the article without touching the list's filter.

use std::num::NonZeroUsize;

use lru::LruCache;

use crate::corpus::View;
use crate::document::{Document, LineMark, TITLE_BLOCK, paragraph_block};
use crate::search::body_texts;
use crate::search::marks::Marks;

use super::{App, Focus, QueryText};

/// Wrapped documents kept at once. A resize back and forth, or moving
/// through the list, reuses them; past this many the one read longest ago
/// is dropped.
const DOCUMENT_CACHE_LIMIT: NonZeroUsize = NonZeroUsize::new(64).expect("not zero");

/// Lines of context kept when paging, so the reader sees where they were.
const PAGE_OVERLAP: usize = 2;

/// Lines shown above a match the reader jumps to.
const MATCH_CONTEXT: usize = 2;

/// The matches shown in the reader, for one article, width and query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReaderMarks {
    /// What they were found for: article, text width, view, and the query
    /// (with whether it is the search inside the article).
    key: Option<(usize, u16, View, bool, String)>,
    /// In reading order.
    pub marks: Vec<LineMark>,
    /// The match `n`/`N` last went to.
    pub current: Option<usize>,
}

#[derive(Debug)]
pub(super) struct Reader {
    /// Whether site furniture is hidden (clean) or shown (raw), in the
    /// reader and in search alike.
    pub view: View,
    /// The search inside the open article, if any.
    pub find: QueryText,
    /// Where the reader was when the search inside it began.
    pub find_origin: usize,
    pub marks: ReaderMarks,
    /// Articles laid out, by article, text width and view.
    pub documents: LruCache<(usize, u16, View), Document>,
}

impl Default for Reader {
    fn default() -> Self {
        Reader {
            view: View::default(),
            find: QueryText::default(),
            find_origin: 0,
            marks: ReaderMarks::default(),
            documents: LruCache::new(DOCUMENT_CACHE_LIMIT),
        }
    }
}

impl App {
    pub(super) fn scroll_by(&mut self, delta: isize) {
        let top = self.reader_top();
        self.scroll_to(top.saturating_add_signed(delta));
    }

    /// Puts line `line` at the top of the reader, or as near as the end of
    /// the article allows.
    pub(super) fn scroll_to(&mut self, line: usize) {
        let page = self.page_lines().unsigned_abs();
        let Some(doc) = self.document() else { return };
        let target = line.min(doc.len().saturating_sub(page));
        let (article, anchor) = (doc.article, doc.anchor_at(target));
        if let Some(position) = self.memory.positions.get_mut(article) {
            *position = anchor;
        }
        self.note_progress();
    }

    /// Lines of text the reader shows at once.
    pub(super) fn page_lines(&self) -> isize {
        self.panes().map_or(1, |p| p.reader_text().height.max(1) as isize)
    }

    pub(super) fn page_step(&self) -> isize {
        (self.page_lines() - PAGE_OVERLAP as isize).max(1)
    }

    /// Focuses the reader; with a filter active, on its first match.
    pub(super) fn open_article(&mut self) {
        if self.list.hits.is_empty() {
            return;
        }
        self.window.focus = Focus::Reader;
        self.wrap_selected();
        self.mark_reader();
        if !self.reader.marks.marks.is_empty() {
            self.go_to_match(0);
        }
    }

    pub(super) fn start_find(&mut self) {
        self.window.focus = Focus::Find;
        self.reader.find.clear();
        self.reader.find_origin = self.reader_top();
    }

    /// As a search inside the article is typed, shows its first match at or
    /// after where the search began; with no match, goes back there.
    pub(super) fn jump_to_find_match(&mut self) {
        self.mark_reader();
        let marks = &self.reader.marks.marks;
        match marks
            .iter()
            .position(|m| m.line >= self.reader.find_origin)
            .or((!marks.is_empty()).then_some(0))
        {
            Some(index) => self.go_to_match(index),
            None => {
                self.reader.marks.current = None;
                self.scroll_to(self.reader.find_origin);
            }
        }
    }

    /// `n` and `N`: the next or previous match, wrapping around the article.
    /// From a match off screen, they start at the first one on screen.
    pub(super) fn step_match(&mut self, forward: bool) {
        let count = self.reader.marks.marks.len();
        if count == 0 {
            self.overlay.notice = Some("No matches in this article".into());
            return;
        }
        let (top, bottom) = (self.reader_top(), self.reader_top() + self.page_lines().unsigned_abs());
        let on_screen = |line: usize| line >= top && line < bottom;
        let marks = &self.reader.marks.marks;
        let next = match self.reader.marks.current.filter(|&i| on_screen(marks[i].line)) {
            Some(i) if forward => (i + 1) % count,
            Some(i) => (i + count - 1) % count,
            None if forward => marks.iter().position(|m| m.line >= top).unwrap_or(0),
            None => marks.iter().rposition(|m| m.line < bottom).unwrap_or(count - 1),
        };
        self.go_to_match(next);
    }

    fn go_to_match(&mut self, index: usize) {
        let Some(line) = self.reader.marks.marks.get(index).map(|m| m.line) else { return };
        self.reader.marks.current = Some(index);
        let top = self.reader_top();
        if line < top || line >= top + self.page_lines().unsigned_abs() {
            self.scroll_to(line.saturating_sub(MATCH_CONTEXT));
        }
    }

    /// Finds the active query's matches in the open article, when the
    /// article, the width or the query changed.
    pub(super) fn mark_reader(&mut self) {
        let Some(doc) = self.document() else {
            self.reader.marks = ReaderMarks::default();
            return;
        };
        let finding = !self.reader.find.parsed.is_empty();
        let text = if finding { self.reader.find.text() } else { self.filter.marked_query.as_str() };
        let key = Some((doc.article, doc.width, doc.view, finding, text.to_owned()));
        if key == self.reader.marks.key {
            return;
        }
        let same_search = self.reader.marks.key.as_ref().is_some_and(|(article, _, _, was_finding, old)| {
            *article == doc.article && *was_finding == finding && old == text
        });
        let marks = if finding { Marks::new(&self.reader.find.parsed) } else { self.filter.marks.clone() };
        let mut found = Vec::new();
        // With nothing to find, reading every paragraph's words is wasted: a
        // 1 MB article has thousands of paragraphs.
        if let Some(article) = self.corpus.get(doc.article).filter(|_| !marks.is_empty()) {
            found.extend(doc.mark(TITLE_BLOCK, &marks.in_title(&article.title)));
            let text = article.text();
            for (index, paragraph) in body_texts(&text, doc.view) {
                found.extend(doc.mark(paragraph_block(index), &marks.in_body(paragraph)));
            }
        }
        // After a resize the same matches are numbered the same.
        let current = if same_search { self.reader.marks.current } else { None };
        self.reader.marks = ReaderMarks { key, marks: found, current };
    }

    /// The first line of the document on screen.
    /// The saved place may be further down than the text now allows (saved
    /// at another size, or the window grew): the last line then sits on the
    /// bottom row.
    pub fn reader_top(&self) -> usize {
        let page = self.page_lines().unsigned_abs();
        self.document().zip(self.selected_article()).map_or(0, |(doc, article)| {
            crate::viewport::reader_top(doc.line_of(self.memory.positions[article.id]), doc.len(), page)
        })
    }

    /// The matches in the open article.
    pub fn reader_marks(&self) -> &ReaderMarks {
        &self.reader.marks
    }

    pub(super) fn wrap_selected(&mut self) {
        let Some(width) = self.text_width() else { return };
        // By field, not `selected_article`, so the documents can change
        // while the article is borrowed.
        let Some(article) = self.list.selected_hit().and_then(|hit| self.corpus.get(hit.article)) else {
            return;
        };
        let key = (article.id, width, self.reader.view);
        // Found, it becomes the most recently read.
        if self.reader.documents.promote(&key) {
            return;
        }
        let document = Document::layout(article, width, self.reader.view);
        self.reader.documents.put(key, document);
    }

    fn text_width(&self) -> Option<u16> {
        self.panes().map(|p| p.reader_text().width).filter(|&w| w > 0)
    }

    /// The selected article laid out at the current width.
    pub fn document(&self) -> Option<&Document> {
        let article = self.selected_article()?;
        self.reader.documents.peek(&(article.id, self.text_width()?, self.reader.view))
    }

    /// The search inside the open article.
    pub fn find(&self) -> &QueryText {
        &self.reader.find
    }

    /// Whether site furniture is hidden (`r` flips it).
    pub fn reading_view(&self) -> View {
        self.reader.view
    }
}
