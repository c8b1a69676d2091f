//! Getting around (issue 20), key by key: restarts and resizes that keep
//! the view sane, the list paged and jumped through, the filter bar edited
//! as a shell line, and the reader's next and previous article.

mod common;

use common::{press, search_now, selected_source};
use folio::app::{App, Focus};
use folio::corpus::load_bundled;
use folio::keys::Action;

/// folio as it starts: the app built and given its saved state before the
/// terminal has said how big it is; then the size.
fn restarted(state: folio::state::ReadingState, width: u16, height: u16) -> App {
    let loaded = load_bundled();
    let mut app = App::new(loaded.corpus, &loaded.skipped).remembering(state);
    app.update(Action::Resize { width, height });
    search_now(&mut app);
    app
}

#[test]
fn after_a_restart_the_list_shows_the_rows_above_the_selection() {
    let mut app = common::app(80, 24);
    press(&mut app, "/uranium<Enter>j<Enter>q");
    let chosen = selected_source(&app);
    let again = restarted(app.reading_state(), 80, 24);
    assert_eq!(again.view().len(), 2);
    assert_eq!(selected_source(&again), chosen, "the second match is selected again");
    assert_eq!(again.selected(), 1);
    assert_eq!(again.list_offset(), 0, "both matches show, not the second alone over empty rows");
}

#[test]
fn after_a_restart_in_a_bigger_window_the_reader_ends_on_the_bottom_row() {
    let mut app = common::app(80, 24);
    press(&mut app, "<Enter>G");
    let state = app.reading_state();
    for (width, height) in [(80, 40), (120, 60), (200, 50)] {
        let again = restarted(state.clone(), width, height);
        let doc = again.document().expect("the article is open");
        let page = usize::from(again.panes().expect("room").reader_text().height);
        assert!(doc.len() > page, "{width}x{height}: the article is longer than the page");
        assert_eq!(again.reader_top(), doc.len() - page, "{width}x{height}: the last line on the bottom row");
    }
    // Growing the window does the same.
    let mut app = common::app(80, 24);
    press(&mut app, "<Enter>G");
    app.update(Action::Resize { width: 80, height: 60 });
    let page = usize::from(app.panes().expect("room").reader_text().height);
    let len = app.document().expect("open").len();
    assert_eq!(app.reader_top(), len.saturating_sub(page));
    assert_eq!(app.focus(), Focus::Reader);
}
