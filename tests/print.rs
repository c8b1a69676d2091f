//! `folio --print` and `folio` into a pipe, from the outside: the cleaned
//! text a script or a pager gets, as text and as JSON lines.

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn folio(args: &[&str]) -> Output {
    folio_with_input(args, None)
}

/// The real binary with stdout piped, never the user's configuration.
fn folio_with_input(args: &[&str], input: Option<&[u8]>) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .env("XDG_CACHE_HOME", "/nonexistent")
        .env("XDG_STATE_HOME", "/nonexistent")
        .stdin(if input.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("folio runs");
    if let Some(input) = input {
        child.stdin.take().expect("stdin").write_all(input).expect("write stdin");
    }
    child.wait_with_output().expect("folio ends")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn path(path: &Path) -> &str {
    path.to_str().expect("utf-8 temp path")
}

fn json_lines(output: &Output) -> Vec<serde_json::Value> {
    stdout(output).lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect()
}

const STORY: &str = "Harbour Lights Return\n\
    \n\
    The lights along the harbour wall came back on last night after two months of repairs.\n\
    \n\
    Fishermen said the darkness had made the evening return slower and more dangerous.\n\
    \n\
    Share this article\n";

const MARKDOWN: &str = "# Building A Bird Feeder\n\
    \n\
    Start with a clean board of cedar, which stands up to the rain for years.\n\
    \n\
    > Measure twice, cut once.\n\
    \n\
    - A saw\n\
    - Four screws\n\
    \n\
    ```\n\
    cut -l 30cm board\n\
    drill  --hole 8mm\n\
    ```\n\
    \n\
    Read the [full plans](https://example.org/plans) before you begin.\n";

const HTML: &str = "<!doctype html><html><head><title>Tide Tables Move Online</title></head><body>\
    <nav><a href=\"/\">Home</a></nav><article><h1>Tide Tables Move Online</h1>\
    <p>The printed tide tables end this year, and the <a href=\"https://example.org/tides\">new \
    site</a> takes their place for every port on the coast.</p>\
    <p>Harbour masters will keep a printed copy in each office for the summer.</p>\
    </article></body></html>";

const FEED: &str = "{\"title\": \"Rail Strike Ends\", \"body\": \"Trains ran again on Monday after the \
    union accepted the offer.\\n\\nCommuters returned to crowded platforms.\"}\n\
    {\"title\": \"Ferry Timetable Changes\", \"body\": \"The winter timetable starts next week.\"}\n";

#[test]
fn a_text_file_prints_its_title_a_blank_line_and_its_clean_paragraphs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("story.txt");
    std::fs::write(&file, STORY).expect("write");
    let output = folio(&["--print", path(&file)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "Harbour Lights Return\n\
         \n\
         The lights along the harbour wall came back on last night after two months of repairs.\n\
         \n\
         Fishermen said the darkness had made the evening return slower and more dangerous.\n"
    );
}

#[test]
fn raw_prints_the_furniture_that_cleanup_hides() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("story.txt");
    std::fs::write(&file, STORY).expect("write");
    let raw = stdout(&folio(&["--raw", path(&file)]));
    assert!(raw.ends_with("more dangerous.\n\nShare this article\n"), "{raw}");
    let seed = stdout(&folio(&["--print", "seeds/004_73e098508302a61c.txt"]));
    let seed_raw = stdout(&folio(&["--print", "--raw", "seeds/004_73e098508302a61c.txt"]));
    assert!(seed.starts_with("US Looking To Stay in Niger Despite Order To Leave\n\n"), "{seed}");
    assert!(seed.contains("\n\nThe Pentagon is looking to stay in Niger despite an order"), "{seed}");
    assert!(!seed.contains("Dave DeCamp is the news editor"), "the bio is hidden:\n{seed}");
    assert!(seed_raw.contains("Dave DeCamp is the news editor"), "{seed_raw}");
}

#[test]
fn markdown_keeps_code_lines_lists_and_quotes_and_lists_its_links_last() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("feeder.md");
    std::fs::write(&file, MARKDOWN).expect("write");
    let output = folio(&["--print", path(&file)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("Building A Bird Feeder\n\nStart with a clean board"), "{text}");
    assert!(text.contains("\n\n> Measure twice, cut once.\n\n"), "{text}");
    assert!(text.contains("\n\n• A saw\n• Four screws\n\n"), "{text}");
    assert!(text.contains("\n\ncut -l 30cm board\ndrill  --hole 8mm\n\n"), "code keeps its lines:\n{text}");
    assert!(text.contains("Read the full plans[1] before you begin."), "{text}");
    assert!(text.ends_with("[1] https://example.org/plans\n"), "{text}");
}

#[test]
fn html_prints_the_article_not_the_menu() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("tides.html");
    std::fs::write(&file, HTML).expect("write");
    let text = stdout(&folio(&["--print", path(&file)]));
    assert!(text.starts_with("Tide Tables Move Online\n\nThe printed tide tables end this year"), "{text}");
    assert!(text.contains("\n\nHarbour masters will keep a printed copy"), "{text}");
    assert!(!text.contains("Home"), "{text}");
}

#[test]
fn json_gives_the_body_without_title_or_links_and_each_hidden_paragraph_with_its_reason() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.txt"), STORY).expect("write");
    std::fs::write(dir.path().join("b.html"), HTML).expect("write");
    let output = folio(&["--print", "--json", path(dir.path())]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 2);
    let story = &lines[0];
    assert!(story["path"].as_str().is_some_and(|p| p.ends_with("a.txt")), "{story}");
    assert_eq!(story["title"], "Harbour Lights Return");
    assert_eq!(
        story["body"],
        "The lights along the harbour wall came back on last night after two months of repairs.\n\n\
         Fishermen said the darkness had made the evening return slower and more dangerous."
    );
    assert_eq!(story["hidden"], serde_json::json!([{"reason": "share", "text": "Share this article"}]));
    // The title's words count, as in the list: 3 + 16 + 13.
    assert_eq!(story["words"], 32);
    assert_eq!(story["minutes"], 1);
    // No "[1]" mark, no list of links: only the words of the article.
    let html = lines[1]["body"].as_str().expect("body");
    assert!(html.starts_with("The printed tide tables end this year, and the new site takes"), "{html}");
    assert!(!html.contains("[1]") && !html.contains("https://"), "{html}");
    // --json alone prints articles; with --filter it still prints matches.
    assert_eq!(json_lines(&folio(&["--json", path(dir.path())])).len(), 2);
    let matches = json_lines(&folio(&["--json", "--filter", "tide", path(dir.path())]));
    assert!(matches.iter().all(|m| m.get("score").is_some()), "{matches:?}");
}

#[test]
fn every_hidden_reason_is_a_stable_snake_case_name() {
    let output = folio(&["--json", "seeds"]);
    let mut reasons: Vec<String> = json_lines(&output)
        .iter()
        .flat_map(|article| article["hidden"].as_array().cloned().unwrap_or_default())
        .filter_map(|hidden| hidden["reason"].as_str().map(str::to_owned))
        .collect();
    reasons.sort();
    reasons.dedup();
    assert_eq!(reasons, ["byline", "comments", "image_credit", "navigation", "prompt", "related", "share"]);
}

#[test]
fn json_lines_files_print_one_article_a_record() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("feed.jsonl");
    std::fs::write(&file, FEED).expect("write");
    let lines = json_lines(&folio(&["--json", path(&file)]));
    let paths: Vec<&str> = lines.iter().filter_map(|l| l["path"].as_str()).collect();
    assert_eq!(paths, [format!("{}:1", path(&file)), format!("{}:2", path(&file))]);
    assert_eq!(
        lines[0]["body"],
        "Trains ran again on Monday after the union accepted the offer.\n\nCommuters returned to crowded platforms."
    );
    let text = stdout(&folio(&["--print", path(&file)]));
    assert!(text.starts_with(&format!("==> {}:1 <==\nRail Strike Ends\n\n", path(&file))), "{text}");
    assert!(
        text.contains(&format!("platforms.\n\n==> {}:2 <==\nFerry Timetable Changes\n", path(&file))),
        "{text}"
    );
}

#[test]
fn width_wraps_running_text_and_leaves_code_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("feeder.md");
    std::fs::write(&file, MARKDOWN.replace("cut -l 30cm board", "cut -l 30cm board along the grain, slowly"))
        .expect("write");
    let wide = stdout(&folio(&["--print", path(&file)]));
    let narrow = stdout(&folio(&["--width", "24", path(&file)]));
    let code = "cut -l 30cm board along the grain, slowly";
    for line in narrow.lines().filter(|l| *l != code && !l.contains("https://")) {
        assert!(line.chars().count() <= 24, "{line:?} in\n{narrow}");
    }
    assert!(narrow.contains(&format!("\n{code}\n")), "{narrow}");
    assert!(narrow.contains("\n> Measure twice, cut\n> once.\n"), "a quote keeps its bar:\n{narrow}");
    let words =
        |text: &str| text.split_whitespace().filter(|w| *w != ">").map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(words(&wide), words(&narrow), "wrapping loses no word");
    assert!(wide.contains("Start with a clean board of cedar, which stands up to the rain for years.\n"));
    assert_eq!(folio(&["--width", "0", path(&file)]).status.code(), Some(2));
}

#[test]
fn into_a_pipe_folio_prints_as_print_does() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("story.txt");
    std::fs::write(&file, STORY).expect("write");
    let piped = folio(&[path(&file)]);
    assert_eq!(piped.status.code(), Some(0), "{}", stderr(&piped));
    assert_eq!(stdout(&piped), stdout(&folio(&["--print", path(&file)])));
    let from_stdin = folio_with_input(&["-"], Some(STORY.as_bytes()));
    assert_eq!(stdout(&from_stdin), stdout(&piped), "{}", stderr(&from_stdin));
    // No path: the bundled articles, each under its own header.
    let bundled = stdout(&folio(&[]));
    assert_eq!(bundled.lines().filter(|l| l.starts_with("==> ") && l.ends_with(" <==")).count(), 5);
    assert!(bundled.contains("==> 004_73e098508302a61c.txt <==\nUS Looking To Stay in Niger"), "{bundled}");
}

#[test]
fn a_broken_file_is_skipped_with_its_reason_and_the_rest_still_print() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.txt"), STORY).expect("write");
    std::fs::write(dir.path().join("empty.txt"), "").expect("write");
    let output = folio(&["--print", path(dir.path())]);
    assert_eq!(output.status.code(), Some(1), "as --check: something was skipped");
    assert!(stdout(&output).starts_with("Harbour Lights Return\n\n"), "{}", stdout(&output));
    assert!(stderr(&output).contains("empty.txt: empty (no text)"), "{}", stderr(&output));
    let missing = folio(&["--print", "no/such/folder"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("cannot open 'no/such/folder'"), "{}", stderr(&missing));
}

#[test]
fn a_file_name_with_an_escape_never_reaches_the_output_raw() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("red\x1b[31mtext.txt"), STORY).expect("write");
    std::fs::write(dir.path().join("plain.txt"), STORY).expect("write");
    std::fs::write(dir.path().join("bad\x07.txt"), "").expect("write");
    let output = folio(&["--print", path(dir.path())]);
    assert!(!output.stdout.contains(&0x1b), "{:?}", stdout(&output));
    assert!(!output.stderr.iter().any(|b| *b == 0x1b || *b == 0x07), "{:?}", stderr(&output));
    assert!(stdout(&output).contains("text.txt <==\n"), "{}", stdout(&output));
}
