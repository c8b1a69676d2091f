//! End to end: the real `folio` binary in a real terminal (tmux), driven by
//! keys and read off the screen, as a person would use it. Every wait polls
//! the screen until the expected text appears, with a generous deadline, so
//! nothing depends on how fast this machine is.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use common::tmux::{DEADLINE, POLL, Tmux, is_running};

/// `word` right after a style change and followed by one: how a
/// highlighted word shows in `capture-pane -e`.
fn marked(word: &str) -> String {
    format!("m{word}\x1b[")
}

fn folio() -> &'static str {
    env!("CARGO_BIN_EXE_folio")
}

#[test]
fn find_the_uranium_article_read_it_to_the_end_and_quit() {
    let Some(tmux) = Tmux::start(80, 24) else { return };
    tmux.type_line(&format!("{}; echo EXIT=$?", folio()));
    let screen = tmux.wait_for("1/5");
    assert!(screen.contains("US military kicked out of"), "{screen}");

    // Filter by keyword: the list narrows as each key is typed.
    tmux.keys(&["/"]);
    tmux.text("uranium");
    let screen = tmux.wait_for("2 of 5 match");
    assert!(screen.contains("U.S. Wants to Keep Troops"), "{screen}");
    assert!(screen.contains("US Looking To Stay in"), "{screen}");
    assert!(!screen.contains("US military kicked out"), "non-matching articles are gone:\n{screen}");

    // Each title has a snippet of its match under it, the keyword marked.
    assert!(screen.contains("…supply uranium to Iran"), "{screen}");
    assert!(tmux.styled_screen().contains(&marked("uranium")), "the keyword is highlighted");

    // Keep the filter, pick the second match and open it: the reader opens
    // on the match.
    tmux.keys(&["Enter", "j", "Enter"]);
    let screen = tmux.wait_for("match 1/1");
    assert!(screen.contains("vast uranium reserves"), "the reader is on the match:\n{screen}");

    // From the top, scroll a page at a time to the end of the article.
    tmux.keys(&["g"]);
    tmux.wait_for("004_73e098508302a61c.txt");
    tmux.keys(&["Space"]);
    tmux.wait_until("the reader to scroll", |s| !s.contains("004_73e098508302a61c.txt"));
    tmux.keys(&["G"]);
    let screen = tmux.wait_for("100%");
    assert!(screen.contains("lifted harsh sanctions"), "the last paragraph shows:\n{screen}");
    assert!(!screen.contains("Dave DeCamp is the news editor"), "the author's bio is hidden:\n{screen}");

    // The raw text has the bio the cleanup hid.
    tmux.keys(&["r", "G"]);
    let screen = tmux.wait_for("Dave DeCamp is the news editor");
    assert!(screen.contains("100%"), "{screen}");

    tmux.keys(&["q"]);
    tmux.wait_for("EXIT=0");
    tmux.assert_shell_is_sane();
}

#[test]
fn on_a_terminal_with_no_keyboard_it_refuses_plainly_and_into_a_pipe_it_prints() {
    let Some(tmux) = Tmux::start(80, 24) else { return };
    tmux.type_line(&format!("{} < /dev/null; echo EXIT=$?", folio()));
    let screen = tmux.wait_for("EXIT=2");
    assert!(screen.contains("the reader needs a terminal, but stdin is not one"), "{screen}");
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/004_73e098508302a61c.txt");
    tmux.type_line(&format!("{} {seed} | head -1; echo PIPED=$?", folio()));
    let screen = tmux.wait_for("PIPED=0");
    assert!(screen.contains("US Looking To Stay in Niger Despite Order To Leave\nPIPED=0"), "{screen}");
    tmux.assert_shell_is_sane();
}

#[test]
fn articles_piped_in_are_read_while_keys_come_from_the_terminal() {
    let Some(tmux) = Tmux::start(80, 24) else { return };
    let lines = r#"{"title": "Piped First Story", "body": "One."}\n{"title": "Piped Second Story", "body": "Two."}\n"#;
    tmux.type_line(&format!("printf '{lines}' | {} -; echo EXIT=$?", folio()));
    let screen = tmux.wait_for("1/2");
    assert!(screen.contains("Piped First Story"), "{screen}");
    tmux.keys(&["j"]);
    tmux.wait_for("2/2");
    tmux.keys(&["q"]);
    tmux.wait_for("EXIT=0");
    tmux.assert_shell_is_sane();
}

#[test]
fn narrow_window_shows_one_pane_at_a_time() {
    let Some(tmux) = Tmux::start(50, 16) else { return };
    tmux.type_line(&format!("{}; echo EXIT=$?", folio()));
    let screen = tmux.wait_for("1/5");
    assert!(!screen.contains("Reader"), "only the list at 50 columns:\n{screen}");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Reader");
    assert!(!screen.contains("Articles"), "only the reader now:\n{screen}");
    tmux.keys(&["Escape"]);
    tmux.wait_for("Articles");
    tmux.run(&["resize-window", "-t", "e2e", "-x", "20", "-y", "6"]);
    tmux.wait_for("too small");
    tmux.run(&["resize-window", "-t", "e2e", "-x", "100", "-y", "30"]);
    let screen = tmux.wait_for("Reader");
    assert!(screen.contains("Articles"), "side by side again:\n{screen}");
    tmux.keys(&["C-c"]);
    tmux.wait_for("EXIT=0");
    tmux.assert_shell_is_sane();
}

/// Starts folio in a shell that records its pid, for signal tests.
fn start_with_pid(tmux: &Tmux) -> String {
    let pid_file = tmux.dir.path().join("pid");
    tmux.type_line(&format!("sh -c 'echo $$ > {}; exec {}'; echo EXIT=$?", pid_file.display(), folio()));
    tmux.wait_for("1/5");
    read_pid(&pid_file)
}

fn read_pid(path: &Path) -> String {
    std::fs::read_to_string(path).expect("pid file").trim().to_owned()
}

fn send_signal(signal: &str, pid: &str) {
    // The shell's own kill, so the test needs no procps.
    let status = Command::new("sh").arg("-c").arg(format!("kill -{signal} {pid}")).status().expect("sh runs");
    assert!(status.success());
}

#[test]
fn sigterm_and_sighup_give_the_terminal_back() {
    for (signal, code) in [("TERM", 143), ("HUP", 129)] {
        let Some(tmux) = Tmux::start(80, 24) else { return };
        let pid = start_with_pid(&tmux);
        tmux.keys(&["/"]);
        tmux.text("niger");
        tmux.wait_for("5 of 5 match");
        send_signal(signal, &pid);
        tmux.wait_for(&format!("EXIT={code}"));
        tmux.assert_shell_is_sane();
    }
}

/// One article of a single paragraph of about `bytes` bytes, where every
/// seventh word is "uranium".
fn one_long_paragraph(bytes: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let words = ["the", "deal", "was", "signed", "after", "troops", "uranium"];
    let body: Vec<&str> = words.iter().copied().cycle().take(bytes / 5).collect();
    let text = format!("One Long Paragraph\n\n{}\n", body.join(" "));
    std::fs::write(dir.path().join("long.txt"), text).expect("writes");
    dir
}

/// Highlighting the matches of a 4 MB paragraph took over a minute a key on
/// the loop's thread (it was quadratic), and a SIGTERM waited behind it.
#[test]
fn sigterm_while_searching_a_long_paragraph_exits_promptly_and_gives_the_terminal_back() {
    let Some(tmux) = Tmux::start(100, 30) else { return };
    let dir = one_long_paragraph(4_000_000);
    let pid_file = tmux.dir.path().join("pid");
    let folio_on_dir = format!("{} {}", folio(), dir.path().display());
    tmux.type_line(&format!("sh -c 'echo $$ > {}; exec {folio_on_dir}'; echo EXIT=$?", pid_file.display()));
    tmux.wait_for(" 1/1 ");
    let pid = read_pid(&pid_file);
    tmux.keys(&["Enter", "/"]);
    tmux.wait_for("find:");
    tmux.text("urani");
    tmux.wait_for("match 1/");
    // The last key and the signal at once: the signal comes while the
    // matches of "uranium" are found and placed.
    tmux.text("u");
    send_signal("TERM", &pid);
    tmux.wait_for("EXIT=143");
    tmux.assert_shell_is_sane();
}

// FOLIO_TEST_BUSY is read by debug builds only.
#[cfg(debug_assertions)]
#[test]
fn a_signal_while_the_loop_is_stuck_in_work_still_gives_the_terminal_back() {
    let Some(tmux) = Tmux::start(80, 24) else { return };
    let pid_file = tmux.dir.path().join("pid");
    tmux.type_line(&format!(
        "FOLIO_TEST_BUSY=1 sh -c 'echo $$ > {}; exec {}'; echo EXIT=$?",
        pid_file.display(),
        folio()
    ));
    // After its first frame the loop is busy for a minute: the signal
    // comes during it.
    tmux.wait_for("1/5");
    let pid = read_pid(&pid_file);
    send_signal("TERM", &pid);
    let screen = tmux.wait_for("EXIT=143");
    assert!(screen.contains("stopped by signal 15 while busy"), "{screen}");
    tmux.assert_shell_is_sane();
}

/// Nine lines of YAML aliases that stand for 9^9 strings took 48 s and
/// 10 GB to load, and a few bytes more aborted folio with the terminal raw.
#[test]
fn an_alias_bomb_in_front_matter_loads_at_once_beside_the_good_articles() {
    let Some(tmux) = Tmux::start(100, 30) else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    let mut bomb = vec!["---".to_owned(), "a0: &a0 [lol,lol,lol,lol,lol,lol,lol,lol,lol]".to_owned()];
    for level in 1..12 {
        bomb.push(format!("a{level}: &a{level} [{}]", vec![format!("*a{}", level - 1); 9].join(",")));
    }
    bomb.extend(["---".to_owned(), "The body of the bomb.".to_owned()]);
    std::fs::write(dir.path().join("bomb.md"), bomb.join("\n")).expect("writes");
    for name in ["a", "b"] {
        let text = format!("Good Article {name}\n\nAbout uranium.");
        std::fs::write(dir.path().join(format!("{name}.txt")), text).expect("writes");
    }
    tmux.type_line(&format!("{} {}; echo EXIT=$?", folio(), dir.path().display()));
    let screen = tmux.wait_for(" 1/3 ");
    assert!(screen.contains("Good Article a") && screen.contains("Good Article b"), "{screen}");
    tmux.keys(&["q"]);
    tmux.wait_for("EXIT=0");
    tmux.assert_shell_is_sane();
}

// FOLIO_TEST_PANIC is read by debug builds only.
#[cfg(debug_assertions)]
#[test]
fn a_panic_gives_the_terminal_back_and_its_message_stays_readable() {
    let Some(tmux) = Tmux::start(80, 24) else { return };
    // No backtrace: the message must fit the screen.
    tmux.type_line(&format!("FOLIO_TEST_PANIC=1 RUST_BACKTRACE=0 {}; echo EXIT=$?", folio()));
    tmux.wait_for("1/5");
    tmux.keys(&["j"]);
    let screen = tmux.wait_for("EXIT=101");
    // The message's first line too: nothing was written over it.
    for part in ["thread 'main'", "a panic, as asked"] {
        assert!(screen.contains(part), "the message is on the shell's screen whole:\n{screen}");
    }
    tmux.assert_shell_is_sane();
}

#[test]
fn search_inside_an_article_and_step_through_matches_with_n() {
    let Some(tmux) = Tmux::start(80, 24) else { return };
    tmux.type_line(&format!("{}; echo EXIT=$?", folio()));
    tmux.wait_for("1/5");
    tmux.keys(&["G", "Enter", "/"]);
    tmux.wait_for("find:");
    tmux.text("niger");
    let screen = tmux.wait_for("match 1/");
    assert!(tmux.styled_screen().contains(&marked("Niger")), "matches are highlighted:\n{screen}");
    assert!(screen.contains("5/5"), "the list's filter is untouched:\n{screen}");
    let total = screen
        .split("match 1/")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("a match count")
        .to_owned();
    tmux.keys(&["Enter", "n"]);
    tmux.wait_for(&format!("match 2/{total}"));
    tmux.keys(&["N", "N"]);
    tmux.wait_for(&format!("match {total}/{total}"));
    // The list's filter was not touched. Escape and q sent together arrive
    // as Alt-q, which folio reads as the two keys they were.
    tmux.keys(&["Escape", "q"]);
    let screen = tmux.wait_for("EXIT=0");
    assert!(!screen.contains("match"), "{screen}");
}

#[test]
fn a_dropped_connection_ends_folio() {
    let Some(tmux) = Tmux::start(80, 24) else { return };
    let pid = start_with_pid(&tmux);
    // Killing the server closes the pane's terminal, as a dropped SSH link
    // closes the remote one: folio gets SIGHUP and reads end-of-file.
    tmux.run(&["kill-server"]);
    let proc_dir = Path::new("/proc").join(&pid);
    let start = Instant::now();
    while is_running(&proc_dir) {
        assert!(start.elapsed() < DEADLINE, "folio (pid {pid}) is still running after its terminal closed");
        std::thread::sleep(POLL);
    }
}

/// The parameters of every SGR sequence (`ESC [ ... m`) in `styled`.
fn sgr_parameters(styled: &str) -> Vec<u16> {
    styled
        .split("\x1b[")
        .skip(1)
        .filter_map(|rest| rest.find('m').map(|end| &rest[..end]))
        .filter(|params| params.chars().all(|c| c.is_ascii_digit() || c == ';'))
        .flat_map(|params| params.split(';').filter_map(|p| p.parse().ok()).collect::<Vec<u16>>())
        .collect()
}

#[test]
fn no_color_draws_without_colour_and_keeps_the_selection_visible() {
    let Some(tmux) = Tmux::start(80, 24) else { return };
    tmux.type_line(&format!("NO_COLOR=1 {}; echo EXIT=$?", folio()));
    tmux.wait_for("1/5");
    tmux.keys(&["/"]);
    tmux.text("uranium");
    tmux.wait_for("2 of 5 match");
    let styled = tmux.styled_screen();
    let parameters = sgr_parameters(&styled);
    // 30-38 and 40-48 set colours (38 and 48 the 256 and RGB ones), as do
    // 90-97 and 100-107; 39 and 49 only go back to the defaults.
    let colour = |p: &u16| matches!(p, 30..=38 | 40..=48 | 90..=97 | 100..=107);
    assert!(!parameters.iter().any(colour), "a colour was drawn: {parameters:?}\n{styled:?}");
    assert!(parameters.contains(&7), "the selection is reverse video: {styled:?}");
    assert!(parameters.contains(&4), "the matches are underlined: {styled:?}");
    tmux.keys(&["Escape", "q"]);
    tmux.wait_for("EXIT=0");
    tmux.assert_shell_is_sane();
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_brings_folio_back() {
    let Some(tmux) = Tmux::start(80, 24) else { return };
    tmux.type_line(folio());
    tmux.wait_for("1/5");
    tmux.keys(&["j", "C-z"]);
    // The shell says the job stopped and prompts again, on the main screen.
    let screen = tmux.wait_until("the shell prompt", |s| s.contains("Stopped") && !s.contains("1/5"));
    assert_eq!(tmux.query("#{alternate_on}"), "0", "the shell is back on the main screen:\n{screen}");
    tmux.type_line("fg; echo EXIT=$?");
    // Redrawn in full, where it was: the second article still selected.
    let screen = tmux.wait_for("2/5");
    assert!(screen.contains("Articles") && screen.contains("Reader"), "{screen}");
    assert!(!screen.contains("Stopped"), "nothing of the shell shows through:\n{screen}");
    tmux.keys(&["j"]);
    tmux.wait_for("3/5");
    tmux.keys(&["q"]);
    tmux.wait_for("EXIT=0");
    tmux.assert_shell_is_sane();
}

#[test]
fn e_reads_the_article_in_the_pager_and_comes_back() {
    let Some(tmux) = Tmux::start(80, 24) else { return };
    tmux.type_line(&format!("PAGER=less {}; echo EXIT=$?", folio()));
    tmux.wait_for("1/5");
    tmux.keys(&["e"]);
    // less has the screen, and the keyboard: its q ends less, not folio.
    // Wait for less's own text: folio leaving the screen comes a moment
    // before less draws, and a loaded machine shows that moment.
    tmux.wait_until("less to show the article", |s| {
        !s.contains("Articles") && s.contains("After weeks of halted operations")
    });
    tmux.keys(&["q"]);
    let screen = tmux.wait_for("1/5");
    assert!(screen.contains("Articles"), "folio is redrawn in full:\n{screen}");
    tmux.keys(&["j"]);
    tmux.wait_for("2/5");
    tmux.keys(&["q"]);
    tmux.wait_for("EXIT=0");
    tmux.assert_shell_is_sane();
}

#[test]
fn mouse_capture_is_on_only_with_mouse_and_released_on_quit() {
    let Some(tmux) = Tmux::start(80, 24) else { return };
    tmux.type_line(&format!("{}; echo EXIT=$?", folio()));
    tmux.wait_for("1/5");
    assert_eq!(
        tmux.query("#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}"),
        "000",
        "off by default"
    );
    tmux.keys(&["q"]);
    tmux.wait_for("EXIT=0");
    tmux.type_line(&format!("clear; {} --mouse; echo EXIT=$?", folio()));
    tmux.wait_for("1/5");
    assert_ne!(
        tmux.query("#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}"),
        "000",
        "on with --mouse"
    );
    tmux.keys(&["q"]);
    tmux.wait_for("EXIT=0");
    assert_eq!(tmux.query("#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}"), "000", "released");
    tmux.assert_shell_is_sane();
}

#[test]
fn scrolling_full_screen_with_the_terminal_shows_what_a_redraw_shows() {
    let Some(tmux) = Tmux::start(80, 24) else { return };
    tmux.type_line(&format!("{}; echo EXIT=$?", folio()));
    tmux.wait_for("1/5");
    tmux.keys(&["z"]);
    tmux.wait_until("the full-screen view", |s| !s.contains("Articles"));
    // Down ten lines and back three, each a scroll of the terminal's own,
    // then the help key twice: keys are handled in order, so the screen is
    // settled once the help has come and gone.
    for key in ["j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "k", "k", "k", "?"] {
        tmux.keys(&[key]);
    }
    tmux.wait_for(" Keys ");
    tmux.keys(&["?"]);
    // The box is erased top to bottom in one frame, and a capture can land
    // mid-frame: the frame is whole once none of its border is left.
    let scrolled = tmux.wait_until("the help to close", |s| !s.contains(" Keys ") && !s.contains(['│', '┘']));
    // A resize makes folio draw everything afresh.
    tmux.run(&["resize-window", "-t", "e2e", "-x", "81", "-y", "24"]);
    tmux.wait_until("the wider frame", |s| s != scrolled);
    tmux.run(&["resize-window", "-t", "e2e", "-x", "80", "-y", "24"]);
    let redrawn = tmux.wait_until("the frame at 80 again", |s| s == scrolled);
    assert_eq!(redrawn, scrolled);
    tmux.keys(&["q"]);
    tmux.wait_for("EXIT=0");
}

/// A folder of `count` short articles; the last one alone mentions a
/// zeppelin.
fn folder_of(count: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for i in 0..count {
        let extra = if i + 1 == count { " A zeppelin flew over." } else { "" };
        let text = format!("Dispatch Number {i} From The Field\n\nThe report for day {i}.{extra}");
        std::fs::write(dir.path().join(format!("{i:05}.txt")), text).expect("writes");
    }
    dir
}

#[test]
fn a_big_folder_loads_in_the_background_and_its_last_file_is_searchable() {
    let Some(tmux) = Tmux::start(100, 30) else { return };
    let dir = folder_of(3_000);
    tmux.type_line(&format!("{} {}; echo EXIT=$?", folio(), dir.path().display()));
    // The first screen comes up before the load ends; once it has, every
    // article is in the list.
    let screen = tmux.wait_for(" 1/3000 ");
    assert!(screen.contains("Dispatch Number 0 From The Field"), "{screen}");
    assert!(!screen.contains("loading"), "the progress goes once all is in:\n{screen}");
    tmux.keys(&["/"]);
    tmux.text("zeppelin");
    let screen = tmux.wait_for("1 of 3000 match");
    assert!(screen.contains("Dispatch Number 2999 From The Field"), "{screen}");
    tmux.keys(&["Escape", "q"]);
    tmux.wait_for("EXIT=0");
    tmux.assert_shell_is_sane();
}

#[test]
fn quitting_while_a_load_streams_in_exits_at_once() {
    let Some(tmux) = Tmux::start(100, 30) else { return };
    let dir = folder_of(20_000);
    tmux.type_line(&format!("{} {}; echo EXIT=$?", folio(), dir.path().display()));
    tmux.wait_for(" Articles ");
    tmux.keys(&["q"]);
    tmux.wait_for("EXIT=0");
    tmux.assert_shell_is_sane();
}

#[test]
fn a_folder_with_nothing_readable_says_why_after_giving_the_terminal_back() {
    let Some(tmux) = Tmux::start(100, 30) else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("blank.txt"), "  \n\n  ").expect("writes");
    tmux.type_line(&format!("{} {}; echo EXIT=$?", folio(), dir.path().display()));
    let screen = tmux.wait_for("EXIT=1");
    assert!(screen.contains("no readable articles found"), "{screen}");
    assert!(screen.contains("blank.txt: empty (no text)"), "{screen}");
    tmux.assert_shell_is_sane();
}

#[test]
fn the_cache_the_first_start_writes_serves_check_and_the_second_start() {
    let Some(tmux) = Tmux::start(100, 30) else { return };
    let dir = folder_of(500);
    // Files changed in the last seconds are never trusted to the cache.
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for entry in std::fs::read_dir(dir.path()).expect("lists") {
        let file = std::fs::File::options().write(true).open(entry.expect("entry").path()).expect("opens");
        file.set_modified(hour_ago).expect("dates");
    }
    let cache_dir = tmux.dir.path().join("cache/folio");
    let written = || {
        std::fs::read_dir(&cache_dir)
            .into_iter()
            .flatten()
            .flatten()
            .find(|e| e.file_name().to_string_lossy().ends_with(".cache"))
            .and_then(|e| e.metadata().ok()?.modified().ok())
    };
    let run = |mark: &str| format!("{} {}; echo {mark}=$?", folio(), dir.path().display());
    tmux.type_line(&run("FIRST"));
    tmux.wait_for(" 1/500 ");
    let start = Instant::now();
    let first = loop {
        if let Some(time) = written() {
            break time;
        }
        assert!(start.elapsed() < DEADLINE, "no cache written in {:?}", cache_dir);
        std::thread::sleep(POLL);
    };
    tmux.keys(&["q"]);
    tmux.wait_for("FIRST=0");
    tmux.type_line(&format!("{} --check {}", folio(), dir.path().display()));
    tmux.wait_for("500 loaded, 0 skipped (from the cache)");

    tmux.type_line(&run("SECOND"));
    let screen = tmux.wait_for(" 1/500 ");
    assert!(screen.contains("Dispatch Number 0 From The Field"), "{screen}");
    tmux.keys(&["/"]);
    tmux.text("zeppelin");
    tmux.wait_for("1 of 500 match");
    tmux.keys(&["Escape", "q"]);
    tmux.wait_for("SECOND=0");
    assert_eq!(written(), Some(first), "nothing changed: the cache was read, not written again");
}

/// The screen once `done` holds of it and it has stayed the same for half
/// a second of polling.
fn wait_until_still(tmux: &Tmux, done: impl Fn(&str) -> bool) -> String {
    let mut last = tmux.wait_until("a settled screen", &done);
    let mut still = 0;
    while still < 20 {
        std::thread::sleep(common::tmux::POLL);
        let now = tmux.wait_until("a settled screen", &done);
        still = if now == last { still + 1 } else { 0 };
        last = now;
    }
    last
}

/// `kill -TSTP` from outside stops folio as Ctrl-z does: the shell gets
/// its screen, cursor and cooked mode back; `fg` brings folio back in raw
/// mode (a single key acts at once) and redrawn.
#[test]
fn an_outside_sigtstp_suspends_cleanly_and_fg_brings_folio_back() {
    let Some(tmux) = Tmux::start(80, 24) else { return };
    let pid = start_with_pid(&tmux);
    tmux.keys(&["j"]);
    tmux.wait_for("2/5");
    send_signal("TSTP", &pid);
    tmux.wait_until("the shell prompt", |s| s.contains("Stopped") && !s.contains("2/5"));
    tmux.assert_shell_is_sane();
    tmux.type_line("clear; fg; echo EXIT=$?");
    let screen = tmux.wait_for("2/5");
    assert!(screen.contains("Articles") && screen.contains("Reader"), "redrawn in full:\n{screen}");
    // Raw mode again: one key, with no Enter, moves the selection.
    tmux.keys(&["j"]);
    tmux.wait_for("3/5");
    tmux.keys(&["q"]);
    tmux.wait_for("EXIT=0");
    tmux.assert_shell_is_sane();
}

/// Scrolling full screen while the window is resized again and again ends
/// on the screen a fresh draw gives.
#[test]
fn resizes_in_the_middle_of_full_screen_scrolling_leave_a_whole_screen() {
    let Some(tmux) = Tmux::start(80, 24) else { return };
    tmux.type_line(&format!("{}; echo EXIT=$?", folio()));
    tmux.wait_for("1/5");
    tmux.keys(&["z"]);
    tmux.wait_until("the full-screen view", |s| !s.contains("Articles"));
    for round in 0..12u16 {
        let (width, height) = ((78 + round % 4).to_string(), (22 + round % 3).to_string());
        tmux.run(&["resize-window", "-t", "e2e", "-x", &width, "-y", &height]);
        tmux.keys(&["j", "j", "j", "k"]);
    }
    tmux.run(&["resize-window", "-t", "e2e", "-x", "80", "-y", "24"]);
    // tmux passes the sizes on to the terminal in its own time: the screen
    // is settled once it fills the window and has not changed for a while.
    let settled = wait_until_still(&tmux, |s| s.lines().nth(23).is_some_and(|l| l.contains("% read")));
    // A resize there and back draws the same place afresh.
    tmux.run(&["resize-window", "-t", "e2e", "-x", "81", "-y", "24"]);
    tmux.wait_until("the wider frame", |s| s != settled);
    tmux.run(&["resize-window", "-t", "e2e", "-x", "80", "-y", "24"]);
    let start = std::time::Instant::now();
    let mut redrawn = tmux.screen();
    while redrawn != settled && start.elapsed() < std::time::Duration::from_secs(5) {
        std::thread::sleep(std::time::Duration::from_millis(50));
        redrawn = tmux.screen();
    }
    assert_eq!(redrawn, settled, "SETTLED:\n{settled}\nREDRAWN:\n{redrawn}");
    tmux.keys(&["q"]);
    tmux.wait_for("EXIT=0");
}
