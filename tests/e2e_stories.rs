//! End to end (issue 18): the real `folio` in tmux opens the stories,
//! compares the takes on one, and goes from a sentence of the comparison
//! to the article that says it; `R` lists related articles with why. Every
//! wait polls the screen (see tests/e2e_tmux.rs) until everything a step
//! expects is on it: a frame can be captured half drawn, so waiting for one
//! part and then asserting the rest fails on a loaded machine.

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
    tmux.wait_until("the one story of five reports", |s| s.contains("· 5 reports") && s.contains("▸ "));
    tmux.keys(&["Enter"]);
    tmux.wait_until("the story open, its articles listed", |s| {
        s.contains("▾ ") && s.contains("    US military kicked out of Niger")
    });

    // Compare them: 1,000 troops against 650, each with where it is said.
    tmux.keys(&["c"]);
    tmux.wait_until("the comparison of five takes, numbers and names", |s| {
        s.contains("Comparing 5 takes")
            && s.contains("650 troops")
            && s.contains("1,000 troops")
            && s.contains("Mahamoud Bazoum")
            && s.contains("Mohamed Bazoum")
    });

    // From the first sentence down to the one that says 650, and into
    // that article: the comparison closes and the reader shows it there.
    tmux.keys(&["j", "j", "Enter"]);
    tmux.wait_until("the reader open at the sentence, its article selected", |s| {
        !s.contains("Comparing")
            && s.contains("650 troops in Niger as of December")
            && (s.contains("3/5") || s.contains("4/5"))
    });

    // `R` from the reader: the other takes, each with the words it shares.
    tmux.keys(&["R"]);
    tmux.wait_until("related articles, each with the words it shares", |s| {
        s.contains("shares ") && s.contains("Like “")
    });
    tmux.keys(&["Escape", "q"]);
    tmux.wait_for("EXIT=0");
    tmux.assert_shell_is_sane();
}
