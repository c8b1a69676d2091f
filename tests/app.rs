//! The app state machine driven by key presses, with no terminal: what a
//! user's keys do to selection, focus, scrolling and the filter.

mod common;

use common::{app, copies, handoffs, press, search_now, selected_source, view_sources};
use folio::app::{Effect, Focus, Handoff, Mode};
use folio::clipboard::Route;
use folio::keys::Action;

#[test]
fn j_k_g_and_capital_g_move_the_selection_within_bounds() {
    let mut app = app(120, 40);
    assert_eq!(selected_source(&app), "000_dd5b303a7930cf20.txt");
    press(&mut app, "jj");
    assert_eq!(selected_source(&app), "002_b7761c4897ea9275.txt");
    press(&mut app, "G");
    assert_eq!(selected_source(&app), "004_73e098508302a61c.txt");
    press(&mut app, "j<Down>");
    assert_eq!(app.selected(), 4, "moving past the end stays on the last article");
    press(&mut app, "gk<Up>");
    assert_eq!(app.selected(), 0);
    press(&mut app, "<End>");
    assert_eq!(app.selected(), 4);
    press(&mut app, "<Home>");
    assert_eq!(app.selected(), 0);
}

#[test]
fn enter_opens_the_reader_and_h_or_esc_come_back() {
    let mut app = app(120, 40);
    press(&mut app, "j<Enter>");
    assert_eq!(app.focus(), Focus::Reader);
    assert_eq!(selected_source(&app), "001_619b3976b39de8ca.txt");
    press(&mut app, "h");
    assert_eq!(app.focus(), Focus::List);
    press(&mut app, "l");
    assert_eq!(app.focus(), Focus::Reader);
    press(&mut app, "<Esc>");
    assert_eq!(app.focus(), Focus::List);
    press(&mut app, "<Tab>");
    assert_eq!(app.focus(), Focus::Reader);
    press(&mut app, "<Tab>");
    assert_eq!(app.focus(), Focus::List);
}

#[test]
fn reader_keys_scroll_by_lines_half_pages_and_pages() {
    let mut app = app(80, 24);
    press(&mut app, "<Enter>");
    assert_eq!(app.reader_top(), 0);
    press(&mut app, "jjj");
    assert_eq!(app.reader_top(), 3);
    press(&mut app, "k");
    assert_eq!(app.reader_top(), 2);
    let page = usize::from(app.panes().expect("fits").reader_text().height);
    press(&mut app, "<C-d>");
    assert_eq!(app.reader_top(), 2 + page / 2);
    press(&mut app, "<C-u>");
    assert_eq!(app.reader_top(), 2);
    press(&mut app, "<Space>");
    assert_eq!(app.reader_top(), 2 + page - 2, "a page keeps two lines of context");
    press(&mut app, "<PgUp>");
    assert_eq!(app.reader_top(), 2);
    press(&mut app, "G");
    let doc_len = app.document().expect("wrapped").len();
    assert_eq!(app.reader_top(), doc_len - page, "the end fills the last page");
    press(&mut app, "j<PgDn>");
    assert_eq!(app.reader_top(), doc_len - page, "no scrolling past the end");
    press(&mut app, "g");
    assert_eq!(app.reader_top(), 0);
}

#[test]
fn page_keys_move_the_list_when_it_has_the_focus() {
    let mut app = app(120, 40);
    press(&mut app, "<Space>");
    assert_eq!(app.focus(), Focus::List);
    assert_eq!(app.reader_top(), 0, "the article beside the list stays where it was");
    assert_eq!(app.selected(), 4, "a page down a list of five is its end");
}

#[test]
fn each_article_keeps_its_own_scroll_position() {
    let mut app = app(120, 40);
    press(&mut app, "<Enter>jjjjj<Esc>j<Enter>");
    assert_eq!(app.reader_top(), 0, "a new article opens at the top");
    press(&mut app, "jj<Esc>k");
    assert_eq!(app.reader_top(), 5, "the first article is where it was left");
    press(&mut app, "j");
    assert_eq!(app.reader_top(), 2);
}

#[test]
fn a_resize_keeps_the_reader_on_the_same_paragraph() {
    let mut app = app(120, 40);
    press(&mut app, "<Enter><C-d><C-d>j");
    let before = app.document().expect("wrapped").lines[app.reader_top()].anchor;
    for (width, height) in [(60, 20), (200, 50), (80, 24), (31, 9)] {
        app.update(Action::Resize { width, height });
        let doc = app.document().expect("rewrapped at the new width");
        let after = doc.lines[app.reader_top()].anchor;
        assert_eq!(after.paragraph(), before.paragraph(), "at {width}x{height}");
        assert!(after.offset <= before.offset, "the words at the top are still on screen");
    }
}

#[test]
fn filtering_by_keyword_finds_the_uranium_articles() {
    let mut app = app(80, 24);
    press(&mut app, "/uranium");
    assert_eq!(app.focus(), Focus::Filter);
    assert_eq!(app.query(), "uranium");
    // The shorter article first: one mention weighs more in fewer words.
    assert_eq!(view_sources(&app), ["004_73e098508302a61c.txt", "001_619b3976b39de8ca.txt"]);
    press(&mut app, "<Enter>");
    assert_eq!(app.focus(), Focus::List, "Enter keeps the filter and returns to the list");
    assert_eq!(app.listed().len(), 2);
    press(&mut app, "j<Enter>");
    assert_eq!(selected_source(&app), "001_619b3976b39de8ca.txt");
    assert_eq!(app.focus(), Focus::Reader);
}

#[test]
fn rows_keep_their_marks_until_the_next_query_has_results() {
    let mut app = app(120, 40);
    press(&mut app, "/uranium");
    let marked = |app: &folio::app::App| -> Vec<String> {
        let mut words: Vec<String> = app
            .listed()
            .iter()
            .filter_map(|hit| app.row_marks(hit.article)?.snippet.clone())
            .flat_map(|s| s.marks.iter().map(|m| s.text[m.clone()].to_lowercase()).collect::<Vec<_>>())
            .collect();
        words.sort();
        words.dedup();
        words
    };
    assert_eq!(marked(&app), ["uranium"]);
    // Typed, but not yet answered: the list still shows the uranium
    // results, so it keeps marking what found them.
    for c in " niger".chars() {
        app.update(Action::TypeChar(c));
    }
    assert_eq!(app.query(), "uranium niger");
    assert_eq!(marked(&app), ["uranium"]);
    search_now(&mut app);
    assert!(marked(&app).contains(&"niger".to_string()), "the new query's results bring its marks");
}

#[test]
fn esc_clears_the_filter_and_backspace_edits_it() {
    let mut app = app(80, 24);
    // Three letters more than "uranium" is more than the two typos a term
    // of ten letters may have.
    press(&mut app, "/uraniumxyz");
    assert!(app.listed().is_empty(), "no article has that word");
    press(&mut app, "<BS><BS><BS>");
    assert_eq!(app.listed().len(), 2);
    press(&mut app, " tehran<C-w>");
    assert_eq!(app.query(), "uranium ");
    press(&mut app, "<Esc>");
    assert_eq!(app.query(), "");
    assert_eq!(app.listed().len(), 5);
    assert_eq!(app.focus(), Focus::List);
}

#[test]
fn no_match_leaves_nothing_to_open() {
    let mut app = app(80, 24);
    press(&mut app, "/qqqzzz<Enter><Enter>");
    assert!(app.listed().is_empty());
    assert_eq!(app.focus(), Focus::List);
    assert!(app.selected_article().is_none());
    assert!(app.document().is_none());
}

#[test]
fn letters_typed_in_the_filter_are_text_not_commands() {
    let mut app = app(80, 24);
    press(&mut app, "/jq?G");
    assert_eq!(app.query(), "jq?G");
    assert!(!app.should_quit());
    assert_eq!(app.mode(), Mode::Normal);
}

#[test]
fn help_opens_over_everything_and_holds_the_keys() {
    let mut app = app(80, 24);
    press(&mut app, "?");
    assert_eq!(app.mode(), Mode::Help);
    press(&mut app, "jG<Enter>");
    assert_eq!(app.selected(), 0, "keys behind the overlay do nothing");
    assert_eq!(app.focus(), Focus::List);
    press(&mut app, "q");
    assert_eq!(app.mode(), Mode::Normal, "q closes the help before it quits");
    assert!(!app.should_quit());
    press(&mut app, "?<Esc>");
    assert_eq!(app.mode(), Mode::Normal);
}

#[test]
fn q_and_ctrl_c_quit() {
    let mut app = app(80, 24);
    press(&mut app, "q");
    assert!(app.should_quit());
    let mut app = common::app(80, 24);
    press(&mut app, "/abc<C-c>");
    assert!(app.should_quit());
}

#[test]
fn narrow_screens_show_one_pane_and_switch_with_enter_and_esc() {
    let mut app = app(60, 20);
    assert!(!app.panes().expect("fits").split);
    press(&mut app, "<Enter>");
    assert_eq!(app.focus(), Focus::Reader);
    press(&mut app, "<Esc>");
    assert_eq!(app.focus(), Focus::List);
}

#[test]
fn a_typo_still_finds_the_name() {
    let mut app = app(80, 24);
    press(&mut app, "/bazum");
    assert_eq!(view_sources(&app), ["000_dd5b303a7930cf20.txt", "004_73e098508302a61c.txt"]);
}

#[test]
fn skipped_files_are_reported_once_in_the_status_line() {
    let corpus = folio::corpus::load_bundled().corpus;
    let skipped = [
        folio::corpus::Skipped { path: "a.bin".into(), reason: "binary file".into() },
        folio::corpus::Skipped { path: "b.txt".into(), reason: "empty (no text)".into() },
    ];
    let mut app = folio::app::App::new(corpus, &skipped);
    assert_eq!(app.notice(), Some("5 loaded, 2 skipped (! lists them)"));
    app.update(Action::Resize { width: 100, height: 30 });
    assert!(app.notice().is_some(), "a resize is not the user reading it");
    press(&mut app, "j");
    assert_eq!(app.notice(), None);
}

#[test]
fn search_ignores_furniture_until_r_shows_the_raw_text() {
    let mut app = app(80, 24);
    // "wishful" is only in a reader comment under seed 003.
    press(&mut app, "/wishful");
    assert!(app.listed().is_empty(), "comments are not searched");
    press(&mut app, "<Esc>r/wishful");
    assert_eq!(view_sources(&app), ["003_a9cbf47f8b5096a3.txt"]);
    press(&mut app, "<Esc>r/wishful");
    assert!(app.listed().is_empty(), "r again hides it");
}

#[test]
fn r_keeps_the_reader_on_the_same_paragraph() {
    let mut app = app(80, 24);
    press(&mut app, "jjj<Enter><C-d>");
    let before = app.document().expect("wrapped").lines[app.reader_top()].anchor.paragraph();
    press(&mut app, "r");
    let doc = app.document().expect("wrapped raw");
    assert_eq!(doc.view, folio::corpus::View::Raw);
    assert_eq!(doc.lines[app.reader_top()].anchor.paragraph(), before);
    assert!(doc.lines.iter().any(|l| l.text.contains("22 Comments")), "the raw text has the thread");
}

#[test]
fn s_cycles_the_sort_and_keeps_the_selected_article() {
    let mut app = app(80, 24);
    press(&mut app, "jj");
    let selected = selected_source(&app);
    press(&mut app, "s");
    assert_eq!(app.sort(), folio::corpus::SortKey::Date);
    assert_eq!(selected_source(&app), selected, "the selection follows its article");
    press(&mut app, "s");
    assert_eq!(app.sort(), folio::corpus::SortKey::Title);
    let titles: Vec<String> = app
        .listed()
        .iter()
        .filter_map(|h| app.corpus().get(h.article))
        .map(|a| a.title.to_lowercase())
        .collect();
    let mut sorted = titles.clone();
    sorted.sort();
    assert_eq!(titles, sorted);
    press(&mut app, "s");
    let words: Vec<usize> =
        app.listed().iter().filter_map(|h| app.corpus().get(h.article)).map(|a| a.words).collect();
    assert!(words.windows(2).all(|w| w[0] <= w[1]), "shortest first: {words:?}");
    press(&mut app, "s");
    assert_eq!(app.sort(), folio::corpus::SortKey::Name);
    assert_eq!(view_sources(&app)[0], "000_dd5b303a7930cf20.txt");
}

#[test]
fn bang_opens_the_skipped_list_which_holds_the_keys_until_closed() {
    let mut app = app(80, 24);
    press(&mut app, "!");
    assert_eq!(app.mode(), Mode::Skipped);
    press(&mut app, "jG<Enter>");
    assert_eq!(app.selected(), 0, "keys behind the overlay do nothing");
    press(&mut app, "q");
    assert_eq!(app.mode(), Mode::Normal, "q closes the list before it quits");
    assert!(!app.should_quit());
    press(&mut app, "!<Esc>");
    assert_eq!(app.mode(), Mode::Normal);
}

#[test]
fn r_with_a_filter_active_keeps_the_selected_article() {
    let mut app = app(120, 40);
    press(&mut app, "/niger<Enter>jj");
    let chosen = selected_source(&app);
    press(&mut app, "r");
    assert_eq!(app.reading_view(), folio::corpus::View::Raw);
    assert_eq!(selected_source(&app), chosen, "searching the raw text again kept the selection");
}

#[test]
fn bookmarks_and_read_marks_make_their_own_views() {
    let mut app = app(120, 40);
    press(&mut app, "jb");
    assert!(app.is_bookmarked(1));
    press(&mut app, "B");
    assert_eq!(view_sources(&app), ["001_619b3976b39de8ca.txt"], "only the bookmark");
    press(&mut app, "B");
    assert_eq!(app.listed().len(), 5, "B again lists everything");
    press(&mut app, "gM");
    assert!(app.is_read(0));
    press(&mut app, "u");
    assert!(!view_sources(&app).contains(&"000_dd5b303a7930cf20.txt".to_owned()), "read ones are hidden");
    assert_eq!(app.listed().len(), 4);
    press(&mut app, "u");
    assert_eq!(app.listed().len(), 5);
}

#[test]
fn reading_to_the_end_marks_an_article_read_and_state_round_trips() {
    let mut app = app(80, 24);
    press(&mut app, "<Enter>");
    assert!(!app.is_read(0));
    press(&mut app, "<C-d><C-d>");
    let top = app.reader_top();
    assert!(!app.is_read(0), "half way is not read");
    press(&mut app, "G");
    assert!(app.is_read(0), "past 90% counts as read");
    press(&mut app, "g<C-d><C-d>");
    assert_eq!(app.reader_top(), top);
    press(&mut app, "<Esc>jj");
    let state = app.reading_state();

    let mut again = common::app(80, 24).remembering(state);
    again.update(Action::Resize { width: 80, height: 24 });
    assert_eq!(again.selected(), 2, "the same article is selected");
    assert!(again.is_read(0));
    press(&mut again, "gg<Enter>");
    assert_eq!(again.reader_top(), top, "the first article is where it was left");
}

#[test]
fn z_opens_the_selected_article_full_screen_and_comes_back() {
    let mut app = app(120, 40);
    press(&mut app, "jz");
    assert!(app.is_full_screen());
    assert_eq!(app.focus(), Focus::Reader, "z from the list opens the article");
    assert_eq!(selected_source(&app), "001_619b3976b39de8ca.txt");
    let text_width = app.document().map(|d| d.width);
    assert_eq!(text_width, Some(80), "the text is wrapped for the full-screen column");
    press(&mut app, "z");
    assert!(!app.is_full_screen());
    assert_eq!(app.focus(), Focus::Reader, "back to the panes, still reading");
    press(&mut app, "z<Esc>");
    assert!(!app.is_full_screen(), "going back to the list leaves the full-screen view");
    assert_eq!(app.focus(), Focus::List);
}

#[test]
fn y_and_capital_y_ask_to_copy_the_text_and_the_title_with_its_path() {
    let mut app = app(120, 40).copying_via(Route::Tmux);
    let asked = press(&mut app, "j");
    assert_eq!(copies(&asked), vec![], "nothing is copied until asked");
    let asked = press(&mut app, "<Enter>y");
    let copy = copies(&asked).pop().expect("y copies");
    assert_eq!(copy.route, Route::Tmux);
    assert!(copy.text.starts_with("U.S. Wants to Keep Troops in Niger"), "{}", copy.text);
    assert!(copy.text.contains("\n\nDays after Niger’s military junta"), "paragraphs apart:\n{}", copy.text);
    let notice = app.notice().expect("the status line says so").to_owned();
    assert!(notice.starts_with("Sent the text ("), "{notice}");
    assert!(notice.ends_with("by OSC 52, plain and tmux-wrapped"), "{notice}");
    assert_eq!(copies(&app.drain_effects()), vec![], "taken once");

    let copy = copies(&press(&mut app, "Y")).pop().expect("Y copies");
    assert_eq!(
        copy.text,
        "U.S. Wants to Keep Troops in Niger Despite Ally’s Claim of Illegality\n001_619b3976b39de8ca.txt"
    );
    assert_eq!(
        app.notice(),
        Some("Sent the title and path (94 characters) by OSC 52, plain and tmux-wrapped")
    );
}

#[test]
fn ctrl_z_asks_the_event_loop_to_suspend_once() {
    let mut app = app(80, 24);
    let suspends = |asked: &[Effect]| asked.iter().filter(|e| matches!(e, Effect::Suspend)).count();
    assert_eq!(suspends(&app.drain_effects()), 0);
    let asked = press(&mut app, "/nig<C-z>");
    assert_eq!(suspends(&asked), 1, "even while typing a query");
    assert_eq!(suspends(&app.drain_effects()), 0, "asked once");
    assert_eq!(app.query(), "nig", "the query is untouched");
}

#[test]
fn e_and_capital_e_hand_the_article_to_a_pager_or_editor_and_o_needs_a_link() {
    let mut app = app(80, 24);
    match handoffs(&press(&mut app, "e")).as_slice() {
        [Handoff::Page { text, line }] => {
            assert!(text.starts_with("After weeks of halted operations"), "{text}");
            assert!(text.lines().all(|l| l.chars().count() <= 79), "wrapped to the terminal:\n{text}");
            assert_eq!(*line, 1, "at the top, where the reader is");
        }
        other => panic!("expected the pager: {other:?}"),
    }
    assert_eq!(handoffs(&app.drain_effects()), vec![], "asked once");
    assert!(matches!(
        handoffs(&press(&mut app, "E")).as_slice(),
        [Handoff::Edit { source, .. }] if source == "000_dd5b303a7930cf20.txt"
    ));
    assert_eq!(handoffs(&press(&mut app, "o")), vec![]);
    assert_eq!(app.notice(), Some("This article has no link"));
}

#[test]
fn the_mouse_wheel_scrolls_the_pane_under_it_and_a_click_selects() {
    let mut app = app(120, 40);
    let panes = app.panes().expect("fits");
    let (list, reader) = (panes.list, panes.reader);
    app.update(Action::Wheel { column: reader.x + 5, row: reader.y + 5, down: true });
    assert_eq!(app.reader_top(), 3, "a notch scrolls the reader three lines");
    app.update(Action::Wheel { column: list.x + 5, row: list.y + 3, down: true });
    assert_eq!(app.selected(), 1, "over the list it moves the selection");
    app.update(Action::Click { column: list.x + 5, row: list.y + 4 });
    assert_eq!(app.selected(), 3, "a click picks the row under it");
    app.update(Action::Click { column: reader.x + 10, row: reader.y + 10 });
    assert_eq!(app.focus(), Focus::Reader);
    app.update(Action::Click { column: list.x, row: list.y });
    assert_eq!(app.selected(), 3, "the border is not a row");
}

#[test]
fn capital_y_never_copies_a_raw_control_or_a_paste_end() {
    // A file named to break out of bracketed paste where the copy is pasted.
    let source = "evil\x1b[201~; echo owned\n\u{9b}.txt";
    let loaded = folio::corpus::load_reader(source, &b"A Plain Headline Here\n\nBody."[..]);
    let mut app = folio::app::App::new(loaded.corpus, &loaded.skipped);
    app.update(Action::Resize { width: 120, height: 40 });
    let copy = copies(&press(&mut app, "Y")).pop().expect("Y copies");
    assert!(!copy.text.contains('\x1b'), "{:?}", copy.text);
    let (title, path) = copy.text.split_once('\n').expect("title, a newline, the path");
    assert_eq!(title, "A Plain Headline Here");
    assert_eq!(
        path, "evil\\x1b[201~; echo owned\\n\\u{9b}.txt",
        "escaped, as everywhere folio prints a name"
    );
    assert!(!copy.sequence().contains("\x1b[201~"));
}
