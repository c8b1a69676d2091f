//! The whole screen rendered into ratatui's TestBackend, as a user would see
//! it, at a wide, a standard and a narrow size. Snapshots live in
//! tests/snapshots and are reviewed like code.

mod common;

use common::{app, press};
use folio::app::App;
use folio::corpus::{Article, Corpus, Skipped, load_paths};
use folio::keys::Action;
use folio::ui;
use folio::ui::colour::Depth;
use folio::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (40, 12)];

fn draw(app: &App) -> Terminal<TestBackend> {
    let area = app.screen();
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).expect("test backend");
    terminal.draw(|frame| ui::render(app, frame)).expect("draw");
    terminal
}

fn screen_after(width: u16, height: u16, keys: &str) -> Terminal<TestBackend> {
    let mut app = app(width, height);
    press(&mut app, keys);
    draw(&app)
}

fn text_of(buffer: &Buffer) -> String {
    let area = buffer.area;
    (0..area.height)
        // A no-break space looks like any other space.
        .map(|y| (0..area.width).map(|x| buffer[(x, y)].symbol().replace('\u{a0}', " ")).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn start_screen() {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("start_{w}x{h}"), screen_after(w, h, "").backend());
    }
}

#[test]
fn reading_an_article_scrolled_down() {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("reading_{w}x{h}"), screen_after(w, h, "jjj<Enter><C-d>").backend());
    }
}

#[test]
fn filtering_for_uranium() {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("filter_uranium_{w}x{h}"), screen_after(w, h, "/uranium").backend());
    }
}

#[test]
fn no_match_is_said_plainly() {
    let terminal = screen_after(80, 24, "/zzqqxx<Enter>");
    let text = text_of(terminal.backend().buffer());
    assert!(text.contains("No article matches “zzqqxx”."), "{text}");
    assert!(text.contains("Nothing to read"), "{text}");
    insta::assert_snapshot!("no_match_80x24", terminal.backend());
}

#[test]
fn help_overlay_lists_the_keys() {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("help_{w}x{h}"), screen_after(w, h, "?").backend());
    }
}

#[test]
fn too_small_says_so() {
    let terminal = screen_after(24, 6, "");
    let text = text_of(terminal.backend().buffer());
    assert!(text.contains("Terminal too small: 24×6"), "{text}");
    insta::assert_snapshot!("too_small_24x6", terminal.backend());
}

#[test]
fn the_help_overlay_names_every_binding() {
    let help: String = ui::help_lines(&Theme::default(), &folio::keys::Keymap::default(), 80)
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n");
    for binding in folio::keys::BINDINGS {
        assert!(help.contains(binding.help), "help is missing {:?}", binding.help);
        for key in binding.keys {
            // The ten digits of a count show as one range.
            let digit = key.to_string().chars().all(|c| c.is_ascii_digit());
            let shown = if digit { "0-9".to_owned() } else { key.to_string() };
            assert!(help.contains(&shown), "help is missing the key {key}");
        }
    }
}

#[test]
fn selection_and_title_matches_are_styled() {
    let texts = ["Drone Base Grows\n\nBody.", "Markets Rise Again\n\nBody.", "Drone Pilots Train\n\nBody."];
    let articles =
        texts.iter().enumerate().map(|(i, t)| Article::from_text(i, format!("{i}.txt"), t)).collect();
    let mut app = App::new(Corpus::new(articles), &[]);
    app.update(Action::Resize { width: 120, height: 40 });
    press(&mut app, "/drone");
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let row = |y: u16| (3..21).map(|x| &buffer[(x, y)]).collect::<Vec<_>>();
    let text_of_row = |y: u16| row(y).iter().map(|c| c.symbol()).collect::<String>();
    assert!(text_of_row(1).starts_with("Drone Base"), "the first match is first: {:?}", text_of_row(1));
    let second = (2..10).find(|&y| text_of_row(y).starts_with("Drone Pilots")).expect("second match listed");
    assert!(row(1).iter().all(|c| c.bg == app.theme().selected_focused.bg.expect("a background")));
    let marked: String = row(second)
        .iter()
        .filter(|c| c.modifier.contains(app.theme().match_highlight.add_modifier))
        .map(|c| c.symbol())
        .collect();
    assert_eq!(marked, "Drone", "matched title characters are highlighted");
}

#[test]
fn without_colour_selection_and_matches_show_through_modifiers_alone() {
    let texts = [
        "Drone Base Grows\n\nA drone flew.",
        "Markets Rise Again\n\nBody.",
        "Drone Pilots Train\n\nThey flew all week.",
    ];
    let articles =
        texts.iter().enumerate().map(|(i, t)| Article::from_text(i, format!("{i}.txt"), t)).collect();
    let theme = Theme::named("default", Depth::None).expect("the default theme");
    let mut app = App::new(Corpus::new(articles), &[]).with_theme(theme);
    app.update(Action::Resize { width: 120, height: 40 });
    press(&mut app, "/drone<Enter>");
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let uncoloured =
        |buffer: &Buffer| buffer.content().iter().all(|c| c.fg == Color::Reset && c.bg == Color::Reset);
    assert!(uncoloured(buffer), "no cell has a colour");
    let (x, y) = find(buffer, "Drone Base Grows");
    assert!(buffer[(x, y)].modifier.contains(Modifier::REVERSED | Modifier::BOLD), "the selected row");
    assert!(buffer[(x, y)].modifier.contains(Modifier::UNDERLINED), "its matched word");
    let (x, y) = find(buffer, "Drone Pilots Train");
    assert!(
        buffer[(x, y)].modifier.contains(Modifier::BOLD | Modifier::UNDERLINED),
        "a match in another row"
    );
    assert!(!buffer[(x + 6, y)].modifier.contains(Modifier::REVERSED), "only the selected row is reversed");

    press(&mut app, "<Enter>");
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    assert!(uncoloured(buffer), "no cell has a colour in the reader either");
    // The reader's text, not the list's snippet of it.
    let (x, y) = find(buffer, "│ A drone flew");
    let x = x + 4;
    let cell = &buffer[(x, y)];
    assert!(cell.modifier.contains(Modifier::BOLD | Modifier::UNDERLINED), "a match in the text");
    assert!(!cell.modifier.contains(Modifier::REVERSED), "it is not the current match yet");
    press(&mut app, "n");
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let current = Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED;
    assert!(buffer[(x, y)].modifier.contains(current), "the current match stands out");
}

#[test]
fn hostile_text_never_reaches_the_screen_as_control_codes() {
    let hostile = "Evil \x1b[2J\x1b]52;c;cGF5bG9hZA==\x07Title Here\n\n\x1b[31mred\x1b[0m body\x07 \u{9b}6n with\ttabs\x00.";
    let corpus = Corpus::new(vec![Article::from_text(0, "evil.txt", hostile)]);
    let mut app = App::new(corpus, &[]);
    app.update(Action::Resize { width: 80, height: 24 });
    let terminal = draw(&app);
    let text = text_of(terminal.backend().buffer());
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text:?}");
    assert!(text.contains("Evil Title Here"), "{text}");
    assert!(text.contains("red body"), "{text}");
    assert!(text.contains("with tabs."), "tabs become spaces: {text}");
}

#[test]
fn the_reader_shows_the_share_read_and_reaches_100_percent() {
    let start = text_of(screen_after(80, 24, "<Enter>").backend().buffer());
    assert!(start.contains(" 12% "), "{start}");
    let end = text_of(screen_after(80, 24, "<Enter>G").backend().buffer());
    assert!(end.contains(" 100% "), "{end}");
}

/// An app over files written to a temporary folder, on a `width` x `height`
/// screen.
fn app_over(files: &[(&str, &str)], width: u16, height: u16) -> App {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    let loaded = load_paths(&[dir.path().to_owned()]).expect("loads");
    // Named by file, not by the temporary folder, so screens are the same
    // on every run.
    let articles =
        loaded.corpus.articles().iter().map(|article| Article::clone(article)).map(|mut article| {
            article.source = article.source.rsplit('/').next().unwrap_or_default().to_owned();
            article
        });
    let mut app = App::new(Corpus::new(articles.collect()), &loaded.skipped);
    app.update(Action::Resize { width, height });
    app
}

/// The row of the screen that shows `needle`, and the column it starts at.
fn find(buffer: &Buffer, needle: &str) -> (u16, u16) {
    let text = text_of(buffer);
    let (y, line) = text.lines().enumerate().find(|(_, l)| l.contains(needle)).expect("on screen");
    let x = line[..line.find(needle).expect("in line")].chars().count();
    (x as u16, y as u16)
}

#[test]
fn markdown_is_drawn_with_its_styles() {
    let md = "# Troops Stay in Niger\n\nThe *Pentagon* said **no**, citing [a report](https://example.org/r).\n\n\
              > We are in talks.\n\n- first point\n- second point\n\n```\nlet x = 1;\n```\n";
    let mut app = app_over(&[("story.md", md)], 80, 24);
    press(&mut app, "<Enter>");
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let text = text_of(buffer);
    for shown in
        ["│ We are in talks.", "• first point", "• second point", "let x = 1;", "[1] https://example.org/r"]
    {
        assert!(text.contains(shown), "{shown:?} missing:\n{text}");
    }
    let (x, y) = find(buffer, "Pentagon");
    assert!(buffer[(x, y)].modifier.contains(ratatui::style::Modifier::ITALIC), "emphasis");
    let (x, y) = find(buffer, "a report[1]");
    assert!(buffer[(x, y)].modifier.contains(app.theme().link.add_modifier), "link text");
    assert!(!text.contains("# Troops"), "no Markdown syntax on screen");
    insta::assert_snapshot!("markdown_80x24", terminal.backend());
}

#[test]
fn r_shows_the_furniture_dimmed_and_hides_it_again() {
    let clean = text_of(screen_after(80, 24, "j").backend().buffer());
    assert!(!clean.contains("Connect with us"), "{clean}");
    let terminal = screen_after(80, 24, "jr");
    let buffer = terminal.backend().buffer();
    let (x, y) = find(buffer, "Connect with us");
    assert_eq!(buffer[(x, y)].fg, Theme::default().furniture.fg.expect("a colour"), "furniture is dimmed");
    assert!(text_of(buffer).contains("raw (r hides furniture)"));
    let again = text_of(screen_after(80, 24, "jrr").backend().buffer());
    assert!(!again.contains("Connect with us"), "{again}");
}

#[test]
fn bang_lists_the_skipped_files_with_their_reasons() {
    let skipped = [
        Skipped { path: "photos/cover.jpg".into(), reason: "binary file (JPEG image)".into() },
        Skipped { path: "notes/empty.txt".into(), reason: "empty (no text)".into() },
    ];
    let mut app = App::new(folio::corpus::load_bundled().corpus, &skipped);
    app.update(Action::Resize { width: 80, height: 24 });
    let start = text_of(draw(&app).backend().buffer());
    assert!(start.contains("5 loaded, 2 skipped (! lists them)"), "{start}");
    press(&mut app, "!");
    let terminal = draw(&app);
    let text = text_of(terminal.backend().buffer());
    assert!(text.contains("Skipped files"), "{text}");
    assert!(text.contains("binary file (JPEG image)"), "{text}");
    insta::assert_snapshot!("skipped_80x24", terminal.backend());
    press(&mut app, "<Esc>");
    assert!(!text_of(draw(&app).backend().buffer()).contains("Skipped files"));
}

#[test]
fn metadata_shows_in_the_header_and_where_it_fits_in_the_list() {
    let feed = concat!(
        r#"{"title": "Troops Stay in Niger", "body": "Text.", "source": "Wire", "author": "Jane Doe", "#,
        r#""date": "2024-03-18T09:00:00Z", "url": "https://example.org/t"}"#,
        "\n",
        r#"{"title": "Older Story Here", "body": "Text.", "date": "March 2, 2024"}"#,
        "\n"
    );
    let app = app_over(&[("feed.jsonl", feed)], 120, 40);
    let text = text_of(draw(&app).backend().buffer());
    assert!(text.contains("Wire · Jane Doe · 2024-03-18"), "{text}");
    assert!(text.contains("https://example.org/t"), "{text}");
    assert!(text.contains("2024-03-18 · 1 w · 1 min"), "the date fits in a wide list:\n{text}");
    assert!(text.contains("2024-03-02 · 1 w · 1 min"), "{text}");
    let single_pane = app_over(&[("feed.jsonl", feed)], 60, 20);
    let text = text_of(draw(&single_pane).backend().buffer());
    assert!(text.contains("Wire · 2024-03-18 · 1 w"), "a full-width list has room:\n{text}");
    let split = app_over(&[("feed.jsonl", feed)], 80, 24);
    let text = text_of(draw(&split).backend().buffer());
    assert!(!text.contains("2024-03-18 ·"), "no room in a narrow list pane:\n{text}");
}

#[test]
fn z_reads_full_screen_in_a_centred_column() {
    let terminal = screen_after(120, 40, "jz");
    let text = text_of(terminal.backend().buffer());
    assert!(!text.contains("Articles"), "the list is hidden:\n{text}");
    assert!(!text.contains("type / to filter"), "the filter bar is hidden:\n{text}");
    assert!(text.contains("% read"), "the status line says how much was read:\n{text}");
    let body: Vec<&str> = text.lines().take(39).filter(|l| !l.trim().is_empty()).collect();
    let left = body.iter().map(|l| l.len() - l.trim_start().len()).min().unwrap_or(0);
    let right = body.iter().map(|l| l.chars().count() - l.trim_end().chars().count()).min().unwrap_or(0);
    assert!(left >= 20, "the text column is centred, {left} columns in:\n{text}");
    assert!(120 - left - right <= 80, "and at most 80 columns wide:\n{text}");
    insta::assert_snapshot!("full_screen_120x40", terminal.backend());
}

#[test]
fn the_find_bar_says_how_many_matches_the_article_has() {
    let text = text_of(screen_after(80, 24, "<Enter>/niger").backend().buffer());
    assert!(text.contains("find: niger") && text.contains("matches"), "{text}");
    let text = text_of(screen_after(80, 24, "<Enter>/qqzz").backend().buffer());
    assert!(text.contains("no match in this article"), "{text}");
}

/// Every cell row of the screen is exactly as wide as the screen, and the
/// pane borders stand in their columns: wide and combining characters,
/// emoji sequences and right-to-left text shift nothing.
#[test]
fn unicode_never_misaligns_the_panes() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/unicode");
    let loaded = folio::corpus::load_paths(&[folder]).expect("fixtures load");
    assert_eq!(loaded.corpus.len(), 4, "{:?}", loaded.skipped);
    for (w, h) in [(120, 40), (80, 24), (40, 12), (31, 9)] {
        for keys in ["", "<Enter>", "j<Enter>G", "jj<Enter>", "G<Enter>", "/te<Enter>"] {
            let mut app = App::new(loaded.corpus.clone(), &[]);
            app.update(Action::Resize { width: w, height: h });
            press(&mut app, keys);
            let terminal = draw(&app);
            let buffer = terminal.backend().buffer();
            for y in 0..h {
                // Walk the row as a terminal draws it: a wide character
                // covers the cell after it. The walk must end exactly at
                // the edge, or something was pushed out of place.
                let mut x = 0;
                while x < w {
                    let symbol = buffer[(x, y)].symbol();
                    x += u16::try_from(unicode_width::UnicodeWidthStr::width(symbol).max(1)).unwrap_or(1);
                }
                assert_eq!(x, w, "{w}x{h} {keys:?}: row {y} runs past the edge");
            }
            let text = text_of(buffer);
            let first = text.lines().next().unwrap_or_default();
            assert!(first.starts_with('┌'), "{w}x{h} {keys:?}: the frame's corner is in place:\n{text}");
            // Side by side, the list's right border stands in one column.
            if let Some(panes) = app.panes().filter(|p| p.split) {
                let edge = panes.list.right() - 1;
                for y in panes.list.top() + 1..panes.list.bottom() - 1 {
                    assert_eq!(buffer[(edge, y)].symbol(), "│", "{w}x{h} {keys:?} row {y}:\n{text}");
                }
            }
        }
    }
}

#[test]
fn a_wide_screen_gives_the_list_what_the_text_leaves() {
    let terminal = screen_after(200, 50, "<Enter>");
    let text = text_of(terminal.backend().buffer());
    let title = "U.S. Wants to Keep Troops in Niger Despite Ally’s Claim of Illegality";
    assert!(text.contains(title), "the whole title fits in the list:\n{text}");
    // The list ends where the reader's 100-column text and its frame
    // begin: no band of blank columns right of the text, as there was with
    // a 56-column list.
    let top: Vec<char> = text.lines().next().unwrap_or_default().chars().collect();
    let list_width = top.iter().position(|&c| c == '┐').map(|at| at + 1);
    assert_eq!(list_width, Some(96), "{text}");
    insta::assert_snapshot!("reading_200x50", terminal.backend());
}

#[test]
fn at_40_columns_the_hints_keep_help_and_quit() {
    for keys in ["", "<Enter>"] {
        let text = text_of(screen_after(40, 12, keys).backend().buffer());
        let status = text.lines().last().unwrap_or_default().trim_end();
        assert!(status.ends_with("? help · q quit"), "{keys:?}: {status:?}");
    }
}

/// An app over the bundled seeds in plain mode, after `keys`.
fn plain_after(width: u16, height: u16, keys: &str) -> (App, Terminal<TestBackend>) {
    let loaded = folio::corpus::load_bundled();
    let mut app = App::new(loaded.corpus, &loaded.skipped)
        .with_theme(Theme::named("default", Depth::None).expect("theme"))
        .in_plain_mode();
    app.update(Action::Resize { width, height });
    press(&mut app, keys);
    let mut terminal = draw(&app);
    // The cursor the frame asked for, as ratatui leaves it on the backend.
    terminal.show_cursor().expect("shown");
    (app, terminal)
}

fn no_box_drawing(text: &str) -> bool {
    !text.chars().any(|c| ('\u{2500}'..='\u{259f}').contains(&c))
}

#[test]
fn plain_mode_is_a_numbered_list_with_the_cursor_on_the_selected_row() {
    let (_, mut terminal) = plain_after(80, 24, "jj");
    let text = text_of(terminal.backend().buffer());
    assert!(no_box_drawing(&text), "no borders, no scrollbar:\n{text}");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("  1. "), "{text}");
    assert!(lines[2].starts_with("> 3. "), "the selected row is marked:\n{text}");
    assert!(lines[0].contains("words") && lines[0].contains("unread"), "flags in words:\n{text}");
    assert!(lines[23].contains("article 3 of 5"), "the status says where the list is:\n{text}");
    let cursor = terminal.get_cursor_position().expect("a cursor");
    assert_eq!((cursor.x, cursor.y), (0, 2), "the hardware cursor is on the selected row");
    insta::assert_snapshot!("plain_list_80x24", terminal.backend());
}

#[test]
fn plain_mode_reads_the_article_as_text() {
    let (app, mut terminal) = plain_after(80, 24, "j<Enter><C-d>");
    let text = text_of(terminal.backend().buffer());
    assert!(no_box_drawing(&text), "{text}");
    let top = app.reader_top();
    let doc = app.document().expect("an open article");
    let first = text.lines().next().unwrap_or_default().trim_end();
    assert_eq!(first, doc.lines[top].text.trim_end(), "the text from the top-left corner");
    assert!(text.lines().last().unwrap_or_default().contains("% read"), "{text}");
    let cursor = terminal.get_cursor_position().expect("a cursor");
    assert_eq!((cursor.x, cursor.y), (0, 0), "the cursor is on the first line read");
    insta::assert_snapshot!("plain_reading_80x24", terminal.backend());
}

#[test]
fn plain_mode_filters_and_shows_help_as_text() {
    let (_, mut terminal) = plain_after(80, 24, "/uranium");
    let text = text_of(terminal.backend().buffer());
    assert!(no_box_drawing(&text), "{text}");
    assert!(text.contains("/ uranium  2 of 5 match"), "{text}");
    let cursor = terminal.get_cursor_position().expect("a cursor");
    assert_eq!(cursor.y, 22, "the cursor is where the query is typed");
    insta::assert_snapshot!("plain_filter_80x24", terminal.backend());
    let (_, terminal) = plain_after(80, 24, "?");
    let text = text_of(terminal.backend().buffer());
    assert!(no_box_drawing(&text) && text.starts_with("List"), "{text}");
}

/// The SGR parameters in `bytes`, each sequence's joined by `;`.
fn sgr_sequences(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    text.split("\x1b[")
        .skip(1)
        .filter_map(|s| s.split_once('m').map(|(p, _)| p.to_owned()))
        .filter(|p| p.chars().all(|c| c.is_ascii_digit() || c == ';'))
        .collect()
}

/// Bytes written, kept where the test can read them after the backend
/// has written them.
#[derive(Clone, Default)]
struct Written(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Written {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_sixteen_colour_terminal_gets_sixteen_colour_codes() {
    use folio::ansi16::Ansi16;
    use ratatui::backend::CrosstermBackend;
    for theme in folio::ui::theme::NAMES {
        let loaded = folio::corpus::load_bundled();
        let mut app = App::new(loaded.corpus, &loaded.skipped)
            .with_theme(Theme::named(theme, Depth::Ansi16).expect("theme"));
        app.update(Action::Resize { width: 80, height: 24 });
        press(&mut app, "/uranium<Enter>");
        let written = Written::default();
        let backend = CrosstermBackend::new(Ansi16::new(written.clone()));
        let viewport = ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, 80, 24));
        let mut terminal = Terminal::with_options(backend, ratatui::TerminalOptions { viewport })
            .expect("a terminal over bytes");
        terminal.draw(|frame| ui::render(&app, frame)).expect("drawn");
        let bytes = written.0.borrow().clone();
        let sequences = sgr_sequences(&bytes);
        let colours: Vec<u16> = sequences
            .iter()
            .flat_map(|s| s.split(';').filter_map(|p| p.parse().ok()).collect::<Vec<u16>>())
            .filter(|&p| (30..=49).contains(&p) || (90..=107).contains(&p))
            .collect();
        assert!(!colours.is_empty(), "{theme}: some colour is drawn");
        for sequence in &sequences {
            assert!(
                !sequence.contains("38;5") && !sequence.contains("48;5"),
                "{theme}: 256-colour {sequence:?}"
            );
            assert!(
                !sequence.contains("38;2") && !sequence.contains("48;2"),
                "{theme}: true colour {sequence:?}"
            );
        }
    }
}
