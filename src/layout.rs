//! Where each pane goes for a terminal size. Pure geometry, shared by the
//! renderer and by `App`, which needs page sizes and the text width.

use ratatui::layout::{Constraint, Layout, Margin, Rect};

use crate::document::MAX_TEXT_WIDTH;

/// Below this, there is no room to read: folio says so instead.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;

/// The full-screen reading view's text column is at most this wide, so a
/// line stays easy to follow in a wide pane.
pub const FULL_SCREEN_TEXT_WIDTH: u16 = 80;

/// From this width up, the list and the reader stand side by side.
pub const SPLIT_MIN_WIDTH: u16 = 80;

/// The list takes this share of a split screen, within these bounds.
const LIST_SHARE_PERCENT: u16 = 40;
const LIST_MIN_WIDTH: u16 = 28;
const LIST_MAX_WIDTH: u16 = 56;

/// The screen's regions. When the screen is narrow, `list` and `reader` are
/// the same rectangle and only one of them is drawn. In the full-screen
/// reading view there is no list, and the filter bar takes the status line's
/// place while a search is typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    pub list: Rect,
    pub reader: Rect,
    pub filter: Rect,
    pub status: Rect,
    pub split: bool,
    pub full: bool,
    /// The widest the reader's text column may be (the config's
    /// `text_width`); the full-screen view is narrower still.
    pub text_width: u16,
}

/// Whether there is room to read at all.
fn usable(area: Rect) -> bool {
    area.width >= MIN_WIDTH && area.height >= MIN_HEIGHT
}

impl Panes {
    /// The regions for `area`, or `None` when it is too small to use.
    pub fn of(area: Rect) -> Option<Panes> {
        if !usable(area) {
            return None;
        }
        let [main, filter, status] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1), Constraint::Length(1)]).areas(area);
        let split = area.width >= SPLIT_MIN_WIDTH;
        let (list, reader) = if split {
            let list_width = (area.width * LIST_SHARE_PERCENT / 100).clamp(LIST_MIN_WIDTH, LIST_MAX_WIDTH);
            let [list, reader] =
                Layout::horizontal([Constraint::Length(list_width), Constraint::Fill(1)]).areas(main);
            (list, reader)
        } else {
            (main, main)
        };
        Some(Panes { list, reader, filter, status, split, full: false, text_width: MAX_TEXT_WIDTH })
    }

    /// The regions for `area`, in the full-screen reading view or not.
    pub fn new(area: Rect, full: bool) -> Option<Panes> {
        if full { Panes::full(area) } else { Panes::of(area) }
    }

    /// The full-screen reading view (`z`): the text and a status line.
    pub fn full(area: Rect) -> Option<Panes> {
        if !usable(area) {
            return None;
        }
        let [reader, status] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
        let list = Rect { width: 0, height: 0, ..reader };
        Some(Panes {
            list,
            reader,
            filter: status,
            status,
            split: false,
            full: true,
            text_width: MAX_TEXT_WIDTH,
        })
    }

    /// The same regions with the text column capped at `width`.
    pub fn with_text_width(self, width: u16) -> Panes {
        Panes { text_width: width, ..self }
    }

    /// How many list rows are visible inside the list's border.
    pub fn list_rows(&self) -> usize {
        usize::from(self.list.height.saturating_sub(2))
    }

    /// The reader's text column: inside the border, a space of padding on
    /// each side, and no wider than is comfortable to read.
    pub fn reader_text(&self) -> Rect {
        let inner = self.reader.inner(Margin::new(2, 1));
        if self.full {
            let width = inner.width.min(FULL_SCREEN_TEXT_WIDTH).min(self.text_width);
            return Rect { x: inner.x + (inner.width - width) / 2, width, ..inner };
        }
        Rect { width: inner.width.min(self.text_width), ..inner }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_screens_split_and_narrow_ones_do_not() {
        let wide = Panes::of(Rect::new(0, 0, 120, 40)).unwrap();
        assert!(wide.split);
        assert_eq!(wide.list.width + wide.reader.width, 120);
        let narrow = Panes::of(Rect::new(0, 0, 79, 24)).unwrap();
        assert!(!narrow.split);
        assert_eq!(narrow.list, narrow.reader);
    }

    #[test]
    fn the_text_column_is_capped_for_readability() {
        let huge = Panes::of(Rect::new(0, 0, 300, 60)).unwrap();
        assert_eq!(huge.reader_text().width, MAX_TEXT_WIDTH);
    }

    #[test]
    fn the_full_screen_text_is_a_centred_column() {
        let full = Panes::full(Rect::new(0, 0, 120, 40)).unwrap();
        let text = full.reader_text();
        assert_eq!(text.width, FULL_SCREEN_TEXT_WIDTH);
        assert_eq!(text.x, 20, "as much room on the left as on the right");
        assert_eq!(full.status.y, 39);
        let narrow = Panes::full(Rect::new(0, 0, 50, 20)).unwrap();
        assert_eq!(narrow.reader_text().width, 46, "a narrow pane keeps its margins");
    }

    #[test]
    fn too_small_is_refused() {
        assert!(Panes::of(Rect::new(0, 0, MIN_WIDTH - 1, 24)).is_none());
        assert!(Panes::of(Rect::new(0, 0, 80, MIN_HEIGHT - 1)).is_none());
        assert!(Panes::of(Rect::new(0, 0, MIN_WIDTH, MIN_HEIGHT)).is_some());
    }
}
