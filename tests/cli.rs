//! The binary from the outside, without a terminal: flags, exit codes and
//! the messages a user gets when something is wrong.

use std::process::{Command, Output, Stdio};

fn folio(args: &[&str]) -> Output {
    // Never the user's own configuration.
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .env("XDG_CACHE_HOME", "/nonexistent")
        .stdin(Stdio::null())
        .output()
        .expect("folio runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn version_and_help() {
    let version = folio(&["--version"]);
    assert!(version.status.success());
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("folio {}", env!("CARGO_PKG_VERSION"))
    );

    let help = folio(&["--help"]);
    assert!(help.status.success());
    let text = String::from_utf8_lossy(&help.stdout);
    assert!(text.contains("Usage: folio [OPTIONS] [PATH]..."), "{text}");
    assert!(text.contains("--filter <QUERY>"), "{text}");
    assert!(text.contains("bundled"), "{text}");
}

#[test]
fn a_path_that_does_not_exist_exits_2_and_names_it() {
    let output = folio(&["no/such/folder"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("cannot open 'no/such/folder'"), "{message}");
    assert!(message.contains("No such file or directory"), "{message}");
}

#[test]
fn paths_with_nothing_readable_exit_1_and_say_why() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("empty.txt"), "").expect("write");
    std::fs::write(dir.path().join("image.txt"), b"\x89PNG\r\n\x1a\n\x00\x00").expect("write");
    let output = folio(&[dir.path().to_str().expect("utf-8 temp path")]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.contains("no readable articles"), "{message}");
    assert!(message.contains("empty.txt: empty (no text)"), "{message}");
    assert!(message.contains("image.txt: binary file"), "{message}");
}

#[test]
fn into_a_pipe_it_prints_text_instead_of_drawing_the_reader() {
    // stdout is a pipe here: the articles' text, as --print gives it, and
    // never a screen's escape sequences.
    let output = folio(&[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(!output.stdout.contains(&0x1b), "nothing was drawn into the pipe");
    assert_eq!(output.stdout, folio(&["--print"]).stdout);
}

#[test]
fn an_unknown_flag_is_a_usage_error() {
    let output = folio(&["--frobnicate"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--frobnicate"));
}

fn folio_with_input(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .env("XDG_CACHE_HOME", "/nonexistent")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("folio runs");
    child.stdin.take().expect("stdin").write_all(input).expect("write stdin");
    child.wait_with_output().expect("folio ends")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn filter_prints_ranked_matches_as_title_tab_path_and_exits_0() {
    let output = folio(&["--filter", "uranium"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "U.S. Wants to Keep Troops in Niger Despite Ally’s Claim of Illegality\t001_619b3976b39de8ca.txt\n\
         US Looking To Stay in Niger Despite Order To Leave\t004_73e098508302a61c.txt\n"
    );
}

#[test]
fn filter_with_no_match_exits_1_and_prints_nothing() {
    let output = folio(&["--filter", "zzqqxx"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
}

#[test]
fn filter_json_gives_path_title_score_and_snippet() {
    let output = folio(&["--filter", "uranium iran", "--json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<serde_json::Value> =
        text.lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect();
    assert_eq!(lines.len(), 2, "{text}");
    for line in &lines {
        assert!(line["path"].as_str().is_some_and(|p| p.ends_with(".txt")), "{line}");
        assert!(line["title"].as_str().is_some(), "{line}");
        assert!(line["score"].as_i64().is_some_and(|s| s > 0), "{line}");
        assert!(line["snippet"].as_str().is_some_and(|s| s.to_lowercase().contains("iran")), "{line}");
    }
    let scores: Vec<i64> = lines.iter().filter_map(|l| l["score"].as_i64()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "best first: {scores:?}");
}

#[test]
fn filter_reads_paths_and_reports_a_missing_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.txt"), "Drone Base Grows\n\nThe drone flew.").expect("write");
    let output = folio(&["--filter", "^dro", dir.path().to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).starts_with("Drone Base Grows\t"), "{}", stdout(&output));
    assert_eq!(folio(&["--filter", "x", "no/such/dir"]).status.code(), Some(2));
}

#[test]
fn json_goes_with_filter_or_print_but_not_check() {
    assert_eq!(folio(&["--json", "--check"]).status.code(), Some(2));
    assert_eq!(folio(&["--raw", "--json"]).status.code(), Some(2));
    assert_eq!(folio(&["--print", "--filter", "x"]).status.code(), Some(2));
}

#[test]
fn filter_and_check_do_not_go_together() {
    assert_eq!(folio(&["--filter", "x", "--check"]).status.code(), Some(2));
}

#[test]
fn check_reports_what_loaded_and_exits_0_when_everything_did() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.txt"), "A Fine Article Title\n\nBody.").expect("write");
    std::fs::write(dir.path().join("b.md"), "# Another Fine Title\n\nBody.").expect("write");
    let output = folio(&["--check", dir.path().to_str().expect("utf-8 temp path")]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "2 loaded, 0 skipped\n");
}

#[test]
fn check_lists_each_skipped_file_and_exits_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.txt"), "A Fine Article Title\n\nBody.").expect("write");
    std::fs::write(dir.path().join("empty.txt"), "").expect("write");
    std::fs::write(dir.path().join("latin1.txt"), b"Caf\xe9 Society Reopens\n\nBody.").expect("write");
    std::fs::write(dir.path().join("mangled.txt"), b"Caf\xc3\xa9 Soci\xc3t\xc3\xa9\n\nBody.").expect("write");
    let output = folio(&["--check", dir.path().to_str().expect("utf-8 temp path")]);
    assert_eq!(output.status.code(), Some(1));
    let report = stdout(&output);
    assert!(report.starts_with("3 loaded, 1 skipped\n"), "{report}");
    assert!(report.contains("empty.txt: empty (no text)"), "{report}");
    assert!(report.contains("mangled.txt: invalid UTF-8 replaced"), "{report}");
    assert!(!report.contains("latin1.txt"), "Windows-1252 is read without loss: {report}");
}

#[test]
fn check_says_when_an_article_had_its_paragraphs_past_the_cap_joined() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("letters.txt"), format!("Letters\n\n{}", "a\n\n".repeat(60_000)))
        .expect("write");
    let output = folio(&["--check", "--no-cache", dir.path().to_str().expect("utf-8 temp path")]);
    assert_eq!(output.status.code(), Some(0), "it loaded: nothing was skipped");
    let report = stdout(&output);
    assert!(report.contains("letters.txt: paragraphs past 50000 joined into one"), "{report}");
}

#[test]
fn check_of_the_bundled_articles_and_a_missing_path() {
    let output = folio(&["--check"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), "5 loaded, 0 skipped\n");
    assert_eq!(folio(&["--check", "no/such/folder"]).status.code(), Some(2));
}

#[test]
fn a_dash_reads_articles_from_standard_input() {
    let lines = b"{\"title\": \"One\", \"body\": \"Text.\"}\n{\"title\": \"Two\"}\n";
    let output = folio_with_input(&["--check", "-"], lines);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "1 loaded, 1 skipped\nskipped stdin:2: no body, content or text field\n");
    let one = folio_with_input(&["--check", "-"], b"Just One Piped Article\n\nBody.");
    assert_eq!(stdout(&one), "1 loaded, 0 skipped\n");
}

#[test]
fn sort_takes_one_of_four_orders() {
    assert_eq!(folio(&["--check", "--sort", "date"]).status.code(), Some(0));
    let wrong = folio(&["--sort", "size"]);
    assert_eq!(wrong.status.code(), Some(2));
    let message = stderr(&wrong);
    assert!(message.contains("name, date, title, length"), "{message}");
}

#[test]
fn an_unknown_theme_exits_2_and_lists_the_themes() {
    let output = folio(&["--theme", "solarised"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("solarised"), "{message}");
    assert!(message.contains("default, light, high-contrast"), "{message}");
}

#[test]
fn print_default_config_prints_a_config_that_reads_cleanly() {
    let output = folio(&["--print-default-config"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    let (config, problems) = folio::config::parse(&text);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(config.text_width, Some(100));
    assert!(text.lines().filter(|l| l.starts_with('#')).count() > 5, "it is commented:\n{text}");
}

/// `--check` with a cache whose bodies are damaged: the damage is found,
/// the files parsed afresh (so not "from the cache"), and the cache
/// written whole again.
#[test]
fn check_finds_and_repairs_damaged_bodies_in_the_cache() {
    let dir = tempfile::tempdir().expect("temp dir");
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).expect("mkdir");
    let marker = "!#%&()*+,-./:;<=>?@[]^_{|}~";
    for name in ["a.txt", "b.txt"] {
        let path = articles.join(name);
        std::fs::write(&path, format!("A Headline For {name}\n\nThe body holds {marker} in it."))
            .expect("write");
        let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        let file = std::fs::File::options().write(true).open(&path).expect("open");
        file.set_modified(an_hour_ago).expect("dated back, so the cache trusts it");
    }
    let check = || {
        let output = Command::new(env!("CARGO_BIN_EXE_folio"))
            .arg("--check")
            .arg(&articles)
            .env("XDG_CONFIG_HOME", "/nonexistent")
            .env("XDG_CACHE_HOME", dir.path().join("cache"))
            .output()
            .expect("folio runs");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    assert_eq!(check(), "2 loaded, 0 skipped\n", "parsed, and the cache written");
    assert_eq!(check(), "2 loaded, 0 skipped (from the cache)\n");
    let cache = std::fs::read_dir(dir.path().join("cache/folio"))
        .expect("the cache folder")
        .flatten()
        .map(|e| e.path())
        .find(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
        .expect("a cache file");
    let mut bytes = std::fs::read(&cache).expect("read");
    let at = bytes.windows(marker.len()).position(|w| w == marker.as_bytes()).expect("the bodies' text");
    bytes[at + 3] ^= 0x20;
    std::fs::write(&cache, &bytes).expect("damaged");
    assert_eq!(check(), "2 loaded, 0 skipped\n", "not from a damaged cache");
    assert_eq!(check(), "2 loaded, 0 skipped (from the cache)\n", "repaired");
}
