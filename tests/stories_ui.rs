//! The stories in the reader (issue 18), driven by key events as the event
//! loop drives them: the stories panel, related articles, marks and the
//! comparison, and where Enter takes the reader. The work asked for off
//! the UI thread is run here on the test's thread; the screens are insta
//! snapshots of a TestBackend.

mod common;

use std::sync::Arc;

use common::{app, press};
use folio::app::{App, Effect};
use folio::corpus::View;
use folio::focus::{Focus, Mode};
use folio::keys::Action;
use folio::search::Index;
use folio::stories::Analysis;
use folio::stories::answer::StoriesAnswer;
use folio::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// An app over the seeds whose stories have been found, as the loop hands
/// them over once the corpus is indexed.
fn analysed(width: u16, height: u16) -> App {
    let mut app = app(width, height);
    let corpus = Arc::clone(app.corpus());
    let index = Arc::new(Index::build(corpus.articles(), View::Clean));
    app.update(Action::Stories(StoriesAnswer::Analysed(Arc::new(Analysis::of(corpus, index)))));
    app
}

/// Presses keys, then does the stories' work they asked for and hands the
/// answers back, as the loop's threads would; returns the other effects.
fn press_and_answer(app: &mut App, keys: &str) -> Vec<Effect> {
    let mut rest = Vec::new();
    for effect in press(app, keys) {
        match effect {
            Effect::Stories(job) => app.update(Action::Stories(job.run())),
            other => rest.push(other),
        }
    }
    rest
}

fn selected_source(app: &App) -> String {
    app.selected_article().map(|a| a.source.clone()).unwrap_or_default()
}

fn screen(app: &App) -> Terminal<TestBackend> {
    let area = app.screen();
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).expect("test backend");
    terminal.draw(|frame| ui::render(app, frame)).expect("draw");
    terminal
}

#[test]
fn before_the_stories_are_found_r_says_so_and_t_shows_them_once_they_are() {
    let mut app = app(100, 30);
    let asked = press(&mut app, "R");
    assert!(asked.is_empty() && app.mode() == Mode::Normal);
    assert!(app.notice().is_some_and(|n| n.contains("still being found")), "{:?}", app.notice());
    press(&mut app, "t");
    assert_eq!(app.mode(), Mode::Normal);
    let corpus = Arc::clone(app.corpus());
    let index = Arc::new(Index::build(corpus.articles(), View::Clean));
    app.update(Action::Stories(StoriesAnswer::Analysed(Arc::new(Analysis::of(corpus, index)))));
    assert_eq!(app.mode(), Mode::Stories, "the stories show as soon as they are found");
}

#[test]
fn the_stories_panel_opens_a_story_and_enter_reads_one_of_its_articles() {
    let mut app = analysed(100, 30);
    press(&mut app, "t");
    assert_eq!(app.mode(), Mode::Stories);
    press(&mut app, "<Enter>");
    assert!(app.expanded_stories().contains(&0), "Enter shows the story's articles");
    // The story's rows: the story, then its five articles, the most
    // central first; the second article row is read.
    press(&mut app, "jj<Enter>");
    assert_eq!((app.mode(), app.focus()), (Mode::Normal, Focus::Reader));
    let story = &app.analysis().expect("analysed").stories[0];
    assert_eq!(app.selected_article().map(|a| a.id), Some(story.articles[1]));
    press(&mut app, "t<Esc>");
    assert_eq!(app.mode(), Mode::Normal, "Esc goes back to the list");
}

#[test]
fn r_lists_the_other_takes_with_the_words_they_share_and_enter_reads_one() {
    let mut app = analysed(100, 30);
    let of = app.selected_article().map(|a| a.id).expect("an article");
    press_and_answer(&mut app, "R");
    assert_eq!(app.mode(), Mode::Related);
    let (asked, found) = app.related().expect("the list arrived");
    assert_eq!(asked, of);
    assert_eq!(found.len(), 4, "the other four seeds");
    assert!(found.iter().all(|r| r.article != of && !r.shared.is_empty()));
    let second = found[1].article;
    press(&mut app, "j<Enter>");
    assert_eq!(app.selected_article().map(|a| a.id), Some(second));
    assert_eq!(app.focus(), Focus::Reader);
}

#[test]
fn two_marked_articles_are_compared_and_enter_reads_at_the_sentence() {
    let mut app = analysed(100, 30);
    // 002 and 003: the third and fourth articles by name.
    press(&mut app, "jjmjm");
    assert_eq!(app.marked().len(), 2);
    press_and_answer(&mut app, "c");
    assert_eq!(app.mode(), Mode::Compare);
    let (ids, comparison) = app.comparison().expect("compared");
    assert_eq!(ids.len(), 2);
    let troops = comparison.disputed.iter().find(|f| f.about == "troops").expect("troops disputed");
    assert_eq!(troops.variants.len(), 2);
    // The first row that opens is the first sentence of what differs:
    // 1,000 troops, in 002; the next is 650, in 003.
    press(&mut app, "j<Enter>");
    assert_eq!((app.mode(), app.focus()), (Mode::Normal, Focus::Reader));
    assert!(selected_source(&app).starts_with("003_"), "{}", selected_source(&app));
    assert!(app.reader_top() > 0, "the reader is at the sentence, not the top");
}

#[test]
fn c_with_nothing_marked_compares_the_selected_articles_story() {
    let mut app = analysed(100, 30);
    press_and_answer(&mut app, "c");
    assert_eq!(app.comparison().map(|(ids, _)| ids.len()), Some(5));
}

#[test]
fn snapshots_of_the_stories_the_related_list_and_the_comparison() {
    for (w, h) in [(100, 30), (60, 20)] {
        let mut app = analysed(w, h);
        press(&mut app, "t<Enter>");
        insta::assert_snapshot!(format!("stories_{w}x{h}"), screen(&app).backend());
        press(&mut app, "<Esc>");
        press_and_answer(&mut app, "R");
        insta::assert_snapshot!(format!("related_{w}x{h}"), screen(&app).backend());
        press(&mut app, "<Esc>jjmjm");
        press_and_answer(&mut app, "c");
        insta::assert_snapshot!(format!("compare_{w}x{h}"), screen(&app).backend());
    }
}
