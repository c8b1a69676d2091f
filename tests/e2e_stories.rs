//! End to end (issue 18): the real `folio` in tmux opens the stories,
//! compares the takes on one, and goes from a sentence of the comparison
//! to the article that says it; `R` lists related articles with why. Every
//! wait polls the screen (see tests/e2e_tmux.rs).

mod common;

use common::tmux::Tmux;

fn folio() -> &'static str {
    env!("CARGO_BIN_EXE_folio")
}

#[test]
fn open_a_story_compare_its_takes_and_read_one_at_the_sentence() {
    let Some(tmux) = Tmux::start(100, 30) else { return };
    tmux.type_line(&format!("{}; echo EXIT=$?", folio()));
    tmux.wait_for("1/5");

    // The stories: the five seeds are one, and opening it lists them.
    tmux.keys(&["t"]);
    let screen = tmux.wait_for("· 5 reports");
    assert!(screen.contains("▸ "), "{screen}");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("▾ ");
    assert!(screen.contains("    US military kicked out of Niger"), "the story's articles:\n{screen}");

    // Compare them: 1,000 troops against 650, each with where it is said.
    tmux.keys(&["c"]);
    let screen = tmux.wait_for("650 troops");
    assert!(screen.contains("Comparing 5 takes"), "{screen}");
    assert!(screen.contains("1,000 troops"), "{screen}");
    assert!(screen.contains("Mahamoud Bazoum") && screen.contains("Mohamed Bazoum"), "{screen}");

    // From the first sentence down to the one that says 650, and into
    // that article: the comparison closes and the reader shows it there.
    tmux.keys(&["j", "j", "Enter"]);
    let screen = tmux.wait_until("the reader to open at the sentence", |s| !s.contains("Comparing"));
    assert!(screen.contains("650 troops in Niger as of December"), "{screen}");
    assert!(screen.contains("3/5") || screen.contains("4/5"), "that article is selected:\n{screen}");

    // `R` from the reader: the other takes, each with the words it shares.
    tmux.keys(&["R"]);
    let screen = tmux.wait_for("shares ");
    assert!(screen.contains("Like “"), "{screen}");
    tmux.keys(&["Escape", "q"]);
    tmux.wait_for("EXIT=0");
    tmux.assert_shell_is_sane();
}
