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

/// The list takes this share of a split screen, within these bounds...
const LIST_SHARE_PERCENT: u16 = 40;
const LIST_MIN_WIDTH: u16 = 28;
const LIST_MAX_WIDTH: u16 = 56;

/// ...or, on a wide screen, what the reader's capped text column leaves,
/// up to this: past it a row is too long to take in at a glance, and the
/// reader's column is centred in the room that is left.
const LIST_MAX_WIDE: u16 = 120;

/// Columns the reader's pane takes around its text: a border and a space
/// of padding on each side.
const READER_FRAME: u16 = 4;

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
    /// Plain mode (`--plain`, TERM=dumb): no borders, no padding; the list
    /// and the reader are the same rectangle, as on a narrow screen.
    pub plain: bool,
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
        let (list, reader) = if split { split_main(main, MAX_TEXT_WIDTH) } else { (main, main) };
        Some(Panes {
            list,
            reader,
            filter,
            status,
            split,
            full: false,
            plain: false,
            text_width: MAX_TEXT_WIDTH,
        })
    }

    /// Plain mode: the list or the article from the top row down, no
    /// borders, then the filter bar and the status line.
    pub fn plain(area: Rect) -> Option<Panes> {
        let panes = Panes::of(area)?;
        let main = panes.list.union(panes.reader);
        Some(Panes { list: main, reader: main, split: false, plain: true, ..panes })
    }

    /// The regions for `area`, in the full-screen reading view or not.
    pub fn new(area: Rect, full: bool) -> Option<Panes> {
        if full { Panes::full(area) } else { Panes::of(area) }
    }

    /// The regions for `area` in the view asked for: plain mode has one
    /// borderless pane (and no full-screen view: it is one already).
    pub fn for_screen(area: Rect, full: bool, plain: bool) -> Option<Panes> {
        if plain { Panes::plain(area) } else { Panes::new(area, full) }
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
            plain: false,
            text_width: MAX_TEXT_WIDTH,
        })
    }

    /// The same regions with the text column capped at `width`: side by
    /// side, the list takes what the narrower text leaves.
    pub fn with_text_width(self, width: u16) -> Panes {
        let (list, reader) = if self.split {
            split_main(self.list.union(self.reader), width)
        } else {
            (self.list, self.reader)
        };
        Panes { list, reader, text_width: width, ..self }
    }

    /// How many list rows are visible inside the list's border.
    pub fn list_rows(&self) -> usize {
        let border = if self.plain { 0 } else { 2 };
        usize::from(self.list.height.saturating_sub(border))
    }

    /// The reader's text column: inside the border, a space of padding on
    /// each side, no wider than is comfortable to read, and centred in a
    /// pane wider than that. Plain mode has no border and keeps the text
    /// at the left edge, where a screen reader starts a line.
    pub fn reader_text(&self) -> Rect {
        if self.plain {
            return Rect { width: self.reader.width.min(self.text_width), ..self.reader };
        }
        let inner = self.reader.inner(Margin::new(2, 1));
        let cap = if self.full { FULL_SCREEN_TEXT_WIDTH.min(self.text_width) } else { self.text_width };
        let width = inner.width.min(cap);
        Rect { x: inner.x + (inner.width - width) / 2, width, ..inner }
    }
}

/// The list and the reader side by side in `main`, the reader's text at
/// most `text_width` wide: the list takes its share, or on a wide screen
/// whatever the text leaves (up to [`LIST_MAX_WIDE`]).
fn split_main(main: Rect, text_width: u16) -> (Rect, Rect) {
    let share = (main.width * LIST_SHARE_PERCENT / 100).clamp(LIST_MIN_WIDTH, LIST_MAX_WIDTH);
    let left_by_text = main.width.saturating_sub(text_width.saturating_add(READER_FRAME));
    let list_width = share.max(left_by_text.min(LIST_MAX_WIDE));
    let [list, reader] =
        Layout::horizontal([Constraint::Length(list_width), Constraint::Fill(1)]).areas(main);
    (list, reader)
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
    fn on_a_wide_screen_the_list_takes_what_the_text_leaves() {
        let wide = Panes::of(Rect::new(0, 0, 200, 50)).unwrap();
        assert_eq!(wide.reader_text().width, MAX_TEXT_WIDTH);
        assert_eq!(wide.list.width, 96, "not 56 with 44 columns of the reader empty");
        assert_eq!(wide.reader.width, MAX_TEXT_WIDTH + READER_FRAME);
        let narrow_text = wide.with_text_width(60);
        assert_eq!(narrow_text.list.width, LIST_MAX_WIDE, "a narrower text leaves more, up to a cap");
        let text = narrow_text.reader_text();
        let inner = narrow_text.reader.inner(Margin::new(2, 1));
        assert_eq!(text.width, 60);
        assert_eq!(text.x - inner.x, inner.right() - text.right(), "centred as in z");
        let standard = Panes::of(Rect::new(0, 0, 120, 40)).unwrap();
        assert_eq!(standard.list.width, 48, "at 120 columns the share stands");
    }

    #[test]
    fn plain_mode_has_one_borderless_pane() {
        let plain = Panes::plain(Rect::new(0, 0, 120, 40)).unwrap();
        assert!(plain.plain && !plain.split);
        assert_eq!(plain.list, Rect::new(0, 0, 120, 38));
        assert_eq!(plain.list_rows(), 38);
        assert_eq!(plain.reader_text(), Rect::new(0, 0, MAX_TEXT_WIDTH, 38));
    }

    #[test]
    fn too_small_is_refused() {
        assert!(Panes::of(Rect::new(0, 0, MIN_WIDTH - 1, 24)).is_none());
        assert!(Panes::of(Rect::new(0, 0, 80, MIN_HEIGHT - 1)).is_none());
        assert!(Panes::of(Rect::new(0, 0, MIN_WIDTH, MIN_HEIGHT)).is_some());
    }
}
