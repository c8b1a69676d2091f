//! Scroll arithmetic for the list and the reader, as plain functions of
//! numbers: where the first visible row goes so the selection shows without
//! rows left empty, where the reader's top line may be so the text never
//! scrolls off past its last line, and where a count before `G` or `%`
//! lands. Kept apart from `App` so each rule is checked on its own.

/// The first list item on screen, from the one there now (`offset`), for
/// `selected` to show among `visible` rows of a list of `len` items. The
/// list scrolls only as far as the selection needs, and never so far that
/// rows stay empty at the bottom while items above are hidden (a restart,
/// or a window grown taller, with the last items selected).
pub fn list_offset(offset: usize, selected: usize, visible: usize, len: usize) -> usize {
    let visible = visible.max(1);
    let lowest = (selected + 1).saturating_sub(visible);
    let highest = selected.min(len.saturating_sub(visible));
    offset.clamp(lowest, highest.max(lowest))
}

/// The reader's first line for text of `len` lines in a page of `page`
/// rows, when the saved place says `wanted`: the last line may sit on the
/// bottom row, never higher (a place saved at another size, or a window
/// grown taller, would otherwise open mid-article with blank rows below).
pub fn reader_top(wanted: usize, len: usize, page: usize) -> usize {
    wanted.min(len.saturating_sub(page.max(1)))
}

/// The item `1200G` goes to in a list of `len`: counts start at 1, and one
/// past the end means the last.
pub fn item_of_count(count: usize, len: usize) -> usize {
    count.saturating_sub(1).min(len.saturating_sub(1))
}

/// The item `50%` goes to in a list of `len` (as vim's `N%`: rounded up,
/// so `1%` of a short list is its first item and `100%` the last).
pub fn item_of_percent(percent: usize, len: usize) -> usize {
    let percent = percent.min(100);
    item_of_count((percent * len).div_ceil(100), len)
}

/// A number typed before a command (`50` in `50%`), digit by digit; `None`
/// once it would not fit, so a held key cannot overflow it.
pub fn push_digit(count: Option<usize>, digit: u32) -> Option<usize> {
    count.unwrap_or(0).checked_mul(10)?.checked_add(digit as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_scrolls_only_as_far_as_the_selection_needs() {
        // Moving down past the bottom row scrolls by one.
        assert_eq!(list_offset(0, 20, 20, 100), 1);
        // Moving within the page does not scroll.
        assert_eq!(list_offset(5, 10, 20, 100), 5);
        // Moving above the top row scrolls up to it.
        assert_eq!(list_offset(5, 3, 20, 100), 3);
    }

    #[test]
    fn a_restart_with_the_second_of_two_selected_shows_both() {
        // The offset was worked out before the window's size was known
        // (one row): with 20 rows, the first item comes back into view.
        assert_eq!(list_offset(1, 1, 20, 2), 0);
        // Growing the window at the end of a long list fills it.
        assert_eq!(list_offset(90, 99, 20, 100), 80);
        // A list shorter than the pane never scrolls.
        assert_eq!(list_offset(3, 4, 20, 5), 0);
    }

    #[test]
    fn the_list_never_scrolls_the_selection_out_of_view() {
        for len in 1..30 {
            for visible in 1..12 {
                for selected in 0..len {
                    for offset in 0..len + 3 {
                        let new = list_offset(offset, selected, visible, len);
                        assert!(new <= selected && selected < new + visible, "{offset} {selected} {visible}");
                        let empty_rows = (new + visible).saturating_sub(len);
                        assert!(empty_rows == 0 || new == 0, "rows left empty with items above");
                    }
                }
            }
        }
    }

    #[test]
    fn the_reader_stops_with_the_last_line_on_the_bottom_row() {
        assert_eq!(reader_top(95, 100, 20), 80, "a place saved at a smaller size");
        assert_eq!(reader_top(10, 100, 20), 10);
        assert_eq!(reader_top(10, 15, 20), 0, "a short text starts at its top");
        assert_eq!(reader_top(usize::MAX, 100, 0), 99, "no page: the last line");
    }

    #[test]
    fn counts_and_percentages_land_inside_the_list() {
        assert_eq!(item_of_count(1200, 100_000), 1199);
        assert_eq!(item_of_count(1200, 50), 49, "past the end: the last");
        assert_eq!(item_of_count(0, 50), 0);
        assert_eq!(item_of_count(5, 0), 0);
        assert_eq!(item_of_percent(50, 100_000), 49_999);
        assert_eq!(item_of_percent(100, 7), 6);
        assert_eq!(item_of_percent(1, 7), 0);
        assert_eq!(item_of_percent(0, 7), 0);
        assert_eq!(item_of_percent(250, 7), 6);
    }

    #[test]
    fn digits_make_a_count_that_cannot_overflow() {
        let count = [1, 2, 0, 0].iter().fold(None, |count, &d| push_digit(count, d));
        assert_eq!(count, Some(1200));
        assert_eq!(push_digit(Some(usize::MAX / 2), 9), None);
    }
}
