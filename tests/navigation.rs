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
    assert_eq!(again.listed().len(), 2);
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

/// An app over `count` made-up articles, named so that file-name order is
/// their number order, on a `width` x `height` screen.
fn numbered(count: usize, width: u16, height: u16) -> App {
    let articles = (0..count)
        .map(|i| {
            let text = format!("Article Number {i:05}\n\nParagraph one of article {i}.\n\nParagraph two.");
            folio::corpus::Article::from_text(i, format!("{i:05}.txt"), &text)
        })
        .collect();
    let mut app = App::new(folio::corpus::Corpus::new(articles), &[]);
    app.update(Action::Resize { width, height });
    app
}

#[test]
fn the_page_keys_move_a_big_list_and_counts_jump() {
    let mut app = numbered(100_000, 80, 24);
    let rows = app.panes().expect("room").list_rows();
    press(&mut app, "<PgDn>");
    assert_eq!(app.selected(), rows, "a page down");
    press(&mut app, "<Space>");
    assert_eq!(app.selected(), 2 * rows, "Space pages too");
    press(&mut app, "<C-d>");
    assert_eq!(app.selected(), 2 * rows + rows / 2, "half a page");
    press(&mut app, "<C-u><PgUp>");
    assert_eq!(app.selected(), rows, "and back");
    assert_eq!(app.focus(), Focus::List);
    assert_eq!(app.list_offset(), app.selected(), "scrolled up only as far as the selection needs");

    press(&mut app, "1200G");
    assert_eq!(app.selected(), 1199, "1200G: the 1200th article");
    press(&mut app, "50%");
    assert_eq!(app.selected(), 49_999, "50%: half way");
    press(&mut app, "100%");
    assert_eq!(app.selected(), 99_999);
    press(&mut app, "g");
    assert_eq!(app.selected(), 0);
    press(&mut app, "999999999G");
    assert_eq!(app.selected(), 99_999, "past the end: the last");
    press(&mut app, "12");
    assert_eq!(app.pending_count(), Some(12), "the count waits for its command");
    press(&mut app, "j");
    assert_eq!(app.pending_count(), None, "any other key drops it");
    press(&mut app, "%");
    assert!(app.notice().is_some_and(|n| n.contains("50%")), "a % with no count says what it wants");
}

#[test]
fn the_reader_keeps_its_own_page_keys_and_takes_counts() {
    let mut app = common::app(80, 24);
    press(&mut app, "<Enter><PgDn>");
    assert_eq!(app.selected(), 0);
    assert!(app.reader_top() > 0, "PgDn scrolls the article in the reader");
    press(&mut app, "5G");
    assert_eq!(app.reader_top(), 4, "5G: line 5 at the top");
    press(&mut app, "50%");
    let len = app.document().expect("open").len();
    assert_eq!(app.reader_top(), folio::viewport::item_of_percent(50, len));
}

#[test]
fn brackets_open_the_next_and_previous_article_from_the_reader() {
    let mut app = common::app(80, 24);
    press(&mut app, "<Enter>]");
    assert_eq!((app.selected(), app.focus()), (1, Focus::Reader));
    press(&mut app, "]]");
    assert_eq!(app.selected(), 3);
    press(&mut app, "[");
    assert_eq!(app.selected(), 2);
    press(&mut app, "G]]]]");
    assert_eq!(app.selected(), 4);
    assert_eq!(app.notice(), Some("This is the last article in the list"));
}

#[test]
fn space_at_the_end_of_an_article_opens_the_next_unread() {
    let mut app = common::app(80, 24);
    // The second article is read already: Space skips it.
    press(&mut app, "jMk<Enter>");
    assert!(app.is_read(1));
    let pages = app.document().expect("open").len();
    for _ in 0..pages {
        if app.selected() != 0 {
            break;
        }
        press(&mut app, "<Space>");
    }
    assert_eq!(app.selected(), 2, "past the end of the first, the next unread: the third");
    assert_eq!(app.focus(), Focus::Reader);
    assert_eq!(app.reader_top(), 0, "from its top");
    assert!(app.is_read(0), "the first was read to its end");
}

#[test]
fn capital_u_asks_before_marking_the_whole_view_read() {
    let mut app = common::app(80, 24);
    press(&mut app, "/uranium<Enter>U");
    assert_eq!(app.question().map(|q| q.text()), Some("Mark all 2 articles listed read? y/n".to_owned()));
    press(&mut app, "jq");
    assert!(!app.should_quit(), "a question takes only y or n");
    press(&mut app, "n");
    assert!(app.question().is_none());
    assert!(app.listed().iter().all(|hit| !app.is_read(hit.article)), "no: nothing is marked");
    press(&mut app, "Uy");
    assert!(app.listed().iter().all(|hit| app.is_read(hit.article)), "yes: the two are read");
    assert_eq!(app.notice(), Some("Marked 2 articles read"));
    press(&mut app, "<Esc>");
    let unread = app.listed().iter().filter(|hit| !app.is_read(hit.article)).count();
    assert_eq!(unread, 3, "only the articles listed were marked");
}

#[test]
fn the_filter_bar_edits_like_a_shell_line() {
    let mut app = common::app(80, 24);
    press(&mut app, "/uranium<Enter>");
    press(&mut app, "/b");
    assert_eq!(app.query(), "b", "reopened, typing replaces the old query");
    press(&mut app, "<Esc>/uranium<Enter>/<Left>X");
    assert_eq!(app.query(), "uraniuXm", "an editing key keeps it");
    press(&mut app, "<BS><Home>'");
    assert_eq!(app.query(), "'uranium");
    press(&mut app, "<End> niger<C-a><Del><C-e><C-w>");
    assert_eq!(app.query(), "uranium ");
    press(&mut app, "iran deal<A-b><A-b><C-k>");
    assert_eq!(app.query(), "uranium ");
    press(&mut app, "x<A-b><A-f><C-u>");
    assert_eq!(app.query(), "", "Ctrl-u deletes to the start");
    assert_eq!(app.focus(), Focus::Filter);
    let cursor = app.filter().line.cursor();
    assert_eq!(cursor, 0);
}

#[test]
fn up_and_down_recall_queries_and_the_history_outlives_a_restart() {
    let mut app = common::app(80, 24);
    press(&mut app, "/uranium<Enter>/niger<Enter>/<Up>");
    assert_eq!(app.query(), "uranium", "the query before the one shown");
    press(&mut app, "<Down>");
    assert_eq!(app.query(), "niger", "and back");
    press(&mut app, "<Enter>");
    let state = app.reading_state();
    assert_eq!(state.query_history, ["uranium", "niger"]);
    let mut again = restarted(state, 80, 24);
    assert_eq!(again.query(), "niger");
    press(&mut again, "/<Up>");
    assert_eq!(again.query(), "uranium", "recalled after a restart");
}

#[test]
fn esc_in_the_list_clears_the_filter() {
    let mut app = common::app(80, 24);
    press(&mut app, "/uranium<Enter>");
    assert_eq!(app.listed().len(), 2);
    press(&mut app, "j<Esc>");
    assert_eq!(app.query(), "");
    assert_eq!(app.listed().len(), 5);
    assert_eq!(app.focus(), Focus::List);
}

#[test]
fn the_sort_order_is_remembered_unless_one_is_given() {
    let mut app = common::app(80, 24);
    press(&mut app, "s");
    assert_eq!(app.sort(), folio::corpus::SortKey::Date);
    let state = app.reading_state();
    assert_eq!(state.sort.as_deref(), Some("date"));
    assert_eq!(restarted(state.clone(), 80, 24).sort(), folio::corpus::SortKey::Date);
    let loaded = load_bundled();
    let given = App::new(loaded.corpus, &[]).sorted_by(folio::corpus::SortKey::Length).remembering(state);
    assert_eq!(given.sort(), folio::corpus::SortKey::Length, "--sort wins over the order last used");
}

fn batch(articles: Vec<folio::corpus::Article>, done: usize, total: usize) -> folio::corpus::Batch {
    let progress = folio::corpus::Progress { files_done: done, files_total: total, finished: done == total };
    folio::corpus::Batch { articles, skipped: Vec::new(), progress }
}

/// The bundled seeds in two loads: all but `late` first, then `late`.
fn loading_with_late(late: &str) -> (App, Vec<folio::corpus::Article>) {
    let seeds: Vec<folio::corpus::Article> =
        load_bundled().corpus.articles().iter().map(|a| folio::corpus::Article::clone(a)).collect();
    let (last, first): (Vec<_>, Vec<_>) = seeds.into_iter().partition(|a| a.source == late);
    let mut app = App::new(folio::corpus::Corpus::default(), &[]).streaming();
    app.update(Action::Resize { width: 120, height: 40 });
    app.update(Action::Loaded(batch(first, 4, 5)));
    (app, last)
}

#[test]
fn while_loading_the_selection_follows_the_best_match_until_the_user_moves() {
    // The best "uranium" match comes last.
    let best = "004_73e098508302a61c.txt";
    let (mut app, late) = loading_with_late(best);
    press(&mut app, "/uranium<Enter>");
    assert_eq!(selected_source(&app), "001_619b3976b39de8ca.txt", "the only match so far");
    app.update(Action::Loaded(batch(late.clone(), 5, 5)));
    search_now(&mut app);
    assert_eq!(app.selected(), 0);
    assert_eq!(selected_source(&app), best, "rank 1 stays selected as better matches arrive");

    // Once the user moves, their choice stays.
    let (mut app, late) = loading_with_late(best);
    press(&mut app, "/uranium<Enter>jk");
    app.update(Action::Loaded(batch(late, 5, 5)));
    search_now(&mut app);
    assert_eq!(selected_source(&app), "001_619b3976b39de8ca.txt", "the user's row stays");
}
