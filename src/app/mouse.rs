//! The mouse, when `--mouse` asks for it: the wheel scrolls the pane under
//! it, and a click selects a row of the list or focuses the reader.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use crate::keys::Action;

use super::{App, Focus};

/// Lines the reader moves for one notch of the wheel, as terminals do.
const WHEEL_LINES: isize = 3;

impl App {
    /// One mouse event from the terminal: the wheel and left clicks; the
    /// rest of what a mouse does is left alone.
    pub fn handle_mouse(&mut self, mouse: MouseEvent) {
        let (column, row) = (mouse.column, mouse.row);
        let action = match mouse.kind {
            MouseEventKind::ScrollDown => Action::Wheel { column, row, down: true },
            MouseEventKind::ScrollUp => Action::Wheel { column, row, down: false },
            MouseEventKind::Down(MouseButton::Left) => Action::Click { column, row },
            _ => return,
        };
        self.update(action);
    }

    pub(super) fn wheel(&mut self, column: u16, row: u16, down: bool) {
        let Some(panes) = self.panes() else { return };
        if self.shows_list(panes.list) && panes.list.contains(Position::new(column, row)) {
            let next = if down {
                self.list.selected.saturating_add(1)
            } else {
                self.list.selected.saturating_sub(1)
            };
            self.choose(next);
        } else {
            self.scroll_by(if down { WHEEL_LINES } else { -WHEEL_LINES });
        }
    }

    pub(super) fn click(&mut self, column: u16, row: u16) {
        let Some(panes) = self.panes() else { return };
        let at = Position::new(column, row);
        if self.shows_list(panes.list) && panes.list.contains(at) {
            let inner = panes.list.inner(ratatui::layout::Margin::new(1, 1));
            if inner.contains(at) {
                let item = usize::from(row - inner.y) / self.item_height();
                self.choose(self.list.offset + item);
                self.window.focus = Focus::List;
            }
        } else if panes.reader.contains(at) && !self.list.hits.is_empty() {
            self.window.focus = Focus::Reader;
        }
    }

    /// Whether the list is on screen (side by side, or alone when narrow).
    fn shows_list(&self, list: Rect) -> bool {
        list.area() > 0 && (self.panes().is_some_and(|p| p.split) || self.window.focus != Focus::Reader)
    }
}
