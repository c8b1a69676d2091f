//! The whole screen rendered into ratatui's TestBackend, as a user would see
//! it, at a wide, a standard and a narrow size. Snapshots live in
//! tests/snapshots and are reviewed like code.

mod common;

use common::{app, press};
use folio::app::App;
use folio::corpus::{Article, Corpus};
use folio::keys::Action;
use folio::ui::{self, theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

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
        .map(|y| (0..area.width).map(|x| buffer[(x, y)].symbol()).collect::<String>())
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
    let help: String = ui::help_lines(80).iter().map(ToString::to_string).collect::<Vec<_>>().join("\n");
    for binding in folio::keys::BINDINGS {
        assert!(help.contains(binding.help), "help is missing {:?}", binding.help);
        for key in binding.keys {
            assert!(help.contains(&key.to_string()), "help is missing the key {key}");
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
    let row = |y: u16| (2..20).map(|x| &buffer[(x, y)]).collect::<Vec<_>>();
    let text_of_row = |y: u16| row(y).iter().map(|c| c.symbol()).collect::<String>();
    assert!(text_of_row(1).starts_with("Drone Base"), "the first match is first: {:?}", text_of_row(1));
    let second = (2..10).find(|&y| text_of_row(y).starts_with("Drone Pilots")).expect("second match listed");
    assert!(row(1).iter().all(|c| c.bg == theme::SELECTED_FOCUSED.bg.expect("a background")));
    let marked: String = row(second)
        .iter()
        .filter(|c| c.modifier.contains(theme::MATCH.add_modifier))
        .map(|c| c.symbol())
        .collect();
    assert_eq!(marked, "Drone", "matched title characters are highlighted");
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
    assert!(start.contains(" 11% "), "{start}");
    let end = text_of(screen_after(80, 24, "<Enter>G").backend().buffer());
    assert!(end.contains(" 100% "), "{end}");
}
