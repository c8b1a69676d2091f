//! Documents read as their authors wrote them (issue 19): a table, a man
//! page, a Markdown feature sheet, an HTML chapter and a Chinese article,
//! each written here in the shape of the real thing (tests/fixtures/
//! fidelity), drawn by the reader at 80x24 and 120x40 and printed by
//! `--print`. The machine's own man pages and READMEs are measured by
//! `scripts/bench-docs`.

mod common;

use common::press;
use folio::app::{App, Handoff};
use folio::corpus::{Article, Corpus, load_paths};
use folio::keys::Action;
use folio::print::article_text;
use folio::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fidelity").join(name)
}

fn article(name: &str) -> Article {
    let loaded = load_paths(&[fixture(name)]).expect("loads");
    assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
    let mut article = Article::clone(&loaded.corpus.articles()[0]);
    article.source = name.to_owned();
    article
}

/// The reader, full screen (`z`), opened on one fixture.
fn reader(name: &str, width: u16, height: u16, keys: &str) -> Terminal<TestBackend> {
    let mut app = App::new(Corpus::new(vec![article(name)]), &[]);
    app.update(Action::Resize { width, height });
    press(&mut app, "<Enter>");
    press(&mut app, keys);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal.draw(|frame| ui::render(&app, frame)).expect("draw");
    terminal
}

fn text_of(buffer: &Buffer) -> String {
    let area = buffer.area;
    (0..area.height)
        .map(|y| (0..area.width).map(|x| buffer[(x, y)].symbol().replace('\u{a0}', " ")).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

fn printed(name: &str, width: Option<usize>) -> String {
    article_text(&article(name), folio::corpus::View::Clean, width)
}

#[test]
fn a_table_is_drawn_with_aligned_columns_and_a_header_rule() {
    for (w, h) in SIZES {
        let terminal = reader("table.md", w, h, "z");
        let text = text_of(terminal.backend().buffer());
        assert!(text.contains("Length  │ Signed │ Unsigned"), "{text}");
        assert!(text.contains("────────┼────────┼─────────"), "{text}");
        assert!(text.contains("128-bit │ i128   │ u128"), "{text}");
        insta::assert_snapshot!(format!("table_{w}x{h}"), terminal.backend());
    }
    let print = printed("table.md", Some(60));
    assert!(print.contains("Parser     │ Time per file │ Notes"), "a short column keeps its width:\n{print}");
    assert!(
        print.contains("quickparse │ 1.2 ms        │ streams the input"),
        "cells wrap in their column:\n{print}"
    );
    assert!(print.contains("           │               │ builds a tree, so memory stays"), "{print}");
}

#[test]
fn a_table_wider_than_the_pane_becomes_one_block_per_row() {
    let print = printed("table.md", Some(24));
    for line in
        ["Parser: quickparse", "Time per file:\n  1.2 ms", "Notes: streams the input", "Length: 128-bit"]
    {
        assert!(print.contains(line), "{line:?} in:\n{print}");
    }
    assert!(!print.contains('│'), "{print}");
}

#[test]
fn a_man_page_is_titled_by_its_name_line_with_sections_as_headings() {
    let man = article("man.txt");
    assert_eq!(man.title, "frob — adjust the settings of a widget");
    let print = printed("man.txt", Some(80));
    for shown in [
        "SYNOPSIS\n\nfrob [-v] [-n count] widget ...\nfrob --reset widget",
        "command line, following\nthe order",
        "-v, --verbose\n    Say what is being changed, one line per setting.",
        "-q\n    Print nothing but errors.",
        "    The count applies to the widgets in the order given.",
        "frob -v left-panel right-panel\nfrob -n 1 *.widget",
    ] {
        assert!(print.contains(shown), "{shown:?} in:\n{print}");
    }
    assert!(!print.contains("FROB(1)"), "header and footer lines go:\n{print}");
    assert!(!print.contains('\u{2010}'), "no word is left split:\n{print}");
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("man_{w}x{h}"), reader("man.txt", w, h, "z").backend());
    }
}

#[test]
fn a_markdown_feature_sheet_renders_as_glow_would() {
    let sheet = article("features.md");
    assert_eq!(sheet.title, "widgetry", "a raw <h1> header is the title; badges are not");
    let print = printed("features.md", None);
    for shown in [
        "• fast\n• small\n  • no allocation on the hot path\n• documented",
        "2¹⁶ parts, and H₂O",
        "Why another widget crate?",
        "Because the others draw widgets one pixel at a time.",
        "[^deps] Only serde, and that is optional.",
        "────",
    ] {
        assert!(print.contains(shown), "{shown:?} in:\n{print}");
    }
    assert!(!print.contains("fn main"), "mdBook's hidden lines are hidden:\n{print}");
    assert!(!print.contains("Build Status"), "badges are not text:\n{print}");
    for (w, h) in SIZES {
        let terminal = reader("features.md", w, h, "z");
        let text = text_of(terminal.backend().buffer());
        assert!(text.contains("## Install") && text.contains("### Features"), "{text}");
        insta::assert_snapshot!(format!("features_{w}x{h}"), terminal.backend());
    }
    let narrow = text_of(reader("features.md", 80, 24, "z<C-d>").backend().buffer());
    assert!(narrow.contains("↪ "), "a cut code line is marked:\n{narrow}");
}

#[test]
fn a_chinese_article_counts_characters_and_reads_at_their_pace() {
    let cjk = article("cjk.txt");
    assert_eq!(cjk.title, "城市里的夜跑");
    assert_eq!(cjk.words, 204, "each character a word, punctuation none");
    assert_eq!(cjk.reading_minutes(), 1);
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("cjk_{w}x{h}"), reader("cjk.txt", w, h, "").backend());
    }
}

#[test]
fn an_html_chapter_is_titled_by_its_h1_and_keeps_its_table() {
    let chapter = article("chapter.html");
    assert_eq!(chapter.title, "Data Types", "not the book's name, nor the <title> with it");
    let print = printed("chapter.html", None);
    for shown in [
        "Name   │ Size    │ Example",
        "dial   │ 4 bytes │ Dial::new(0.5)",
        "knob\n    A setting from 0 to 10.",
    ] {
        assert!(print.contains(shown), "{shown:?} in:\n{print}");
    }
}

/// An app over several fixtures, named by file as a folder load names them.
fn app_over(names: &[&str], width: u16, height: u16) -> App {
    let mut app = App::new(Corpus::new(names.iter().map(|n| article(n)).collect()), &[]);
    app.update(Action::Resize { width, height });
    app
}

#[test]
fn e_pages_the_text_wrapped_to_the_terminal_and_less_opens_at_the_line_being_read() {
    let mut app = app_over(&["man.txt"], 60, 20);
    press(&mut app, "<Enter>jjjjjjjjjjjj");
    let top = app.document().expect("open").lines[app.reader_top()].text.trim().to_owned();
    let effects = press(&mut app, "e");
    let handoffs = common::handoffs(&effects);
    let [Handoff::Page { text, line }] = handoffs.as_slice() else {
        panic!("expected the pager: {effects:?}")
    };
    assert!(text.lines().all(|l| l.chars().count() <= 59), "wrapped to the terminal:\n{text}");
    let shown = text.lines().nth(line - 1).expect("the line is in the text").trim();
    // The pager is wider than the reader's pane, so its lines break
    // elsewhere: its line holds the words the reader's top line starts with.
    let first_word = top.split_whitespace().next().expect("a word");
    assert!(shown.contains(first_word), "line {line} is {shown:?}, the reader showed {top:?}");
    assert!(*line > 10, "{line}");
}

#[test]
fn capital_t_lists_the_headings_and_jumps_to_one() {
    let mut app = app_over(&["man.txt"], 80, 24);
    press(&mut app, "<Enter>T");
    let entries: Vec<String> = app.contents().into_iter().map(|e| e.text).collect();
    assert_eq!(entries, ["SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXAMPLES", "Exit status", "SEE ALSO"]);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test backend");
    terminal.draw(|frame| ui::render(&app, frame)).expect("draw");
    let screen = text_of(terminal.backend().buffer());
    assert!(screen.contains("Contents") && screen.contains("  Exit status"), "{screen}");
    press(&mut app, "jj<Enter>");
    let doc = app.document().expect("open");
    assert_eq!(doc.lines[app.reader_top()].text, "OPTIONS", "the reader jumped to the heading");
    assert_eq!(app.mode(), folio::app::Mode::Normal, "and the contents closed");
    // A heading on the last page is shown there: the text never scrolls
    // past the point where its last line sits on the bottom row.
    press(&mut app, "Tjjj<Enter>");
    let doc = app.document().expect("open");
    let top = app.reader_top();
    // What is left from the top fits the 24-row screen, so it is all shown.
    let shown: Vec<&str> = doc.lines[top..].iter().map(|l| l.text.as_str()).collect();
    assert!(top > 0 && shown.len() < 24, "at the end of the text: {top} of {}", doc.len());
    assert!(shown.contains(&"EXAMPLES"), "the heading is on the page: {shown:?}");
}

#[test]
fn a_link_to_another_loaded_page_opens_it() {
    let mut app = app_over(&["chapter.html", "table.md"], 120, 40);
    // The chapter links to "intro.html": no such page is loaded, so the
    // link goes to the browser...
    press(&mut app, "<Enter>T");
    let links: Vec<String> = app.contents().into_iter().map(|e| e.text).collect();
    assert_eq!(links, ["[1] intro.html"], "the headline is the title, not an entry");
    let effects = press(&mut app, "G<Enter>");
    assert!(
        matches!(common::handoffs(&effects).as_slice(), [Handoff::Browse { url }] if url == "intro.html")
    );
    // ...while a page that is loaded opens in the reader.
    let mut linked = article("chapter.html");
    linked.source = "book/types.html".into();
    let mut intro = article("table.md");
    intro.source = "book/intro.html".into();
    let mut app = App::new(Corpus::new(vec![intro, linked]), &[]);
    app.update(Action::Resize { width: 120, height: 40 });
    press(&mut app, "j<Enter>TG<Enter>");
    assert_eq!(app.selected_article().map(|a| a.source.as_str()), Some("book/intro.html"));
    assert_eq!(app.focus(), folio::app::Focus::Reader);
}
