//! The README tells a new user the truth: its key table matches the key
//! table folio runs on, its screen is the captured one, and its test command
//! is the one CI runs.

use std::path::Path;

fn read(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(name)).expect("file is readable")
}

#[test]
fn every_binding_is_in_the_readme_key_table() {
    let readme = read("README.md");
    let rows: Vec<&str> = readme.lines().filter(|l| l.starts_with("| ")).collect();
    for binding in folio::keys::BINDINGS {
        let keys: Vec<String> = binding.keys.iter().map(|k| format!("`{k}`")).collect();
        let cells = format!("| {} | {} |", keys.join(" "), binding.help);
        assert!(rows.iter().any(|row| row.ends_with(&cells)), "README has no key row ending {cells:?}");
    }
    let key_rows = rows.iter().filter(|row| row.contains('`') && row.matches(" | ").count() == 2).count();
    assert_eq!(key_rows, folio::keys::BINDINGS.len(), "the README lists a key folio does not have");
}

/// The README's key table as the key table makes it: one row a binding,
/// in the help's order.
fn key_table() -> String {
    let mut rows = vec!["| where | keys | what they do |".to_owned(), "|---|---|---|".to_owned()];
    for &context in folio::keys::CONTEXTS {
        let place = match context.heading() {
            "This help" => "help".to_owned(),
            "Skipped files list" => "skipped files".to_owned(),
            heading => heading.to_lowercase(),
        };
        for binding in folio::keys::BINDINGS.iter().filter(|b| b.context == context) {
            let keys: Vec<String> = binding.keys.iter().map(|k| format!("`{k}`")).collect();
            rows.push(format!("| {place} | {} | {} |", keys.join(" "), binding.help));
        }
    }
    rows.join("\n")
}

#[test]
fn the_readme_key_table_is_made_from_the_key_table() {
    let table = key_table();
    assert!(read("README.md").contains(&table), "paste this key table into the README:\n{table}");
}

#[test]
fn the_readme_screen_is_the_captured_screen() {
    let capture = read("assets/screen-80x24.txt");
    assert!(read("README.md").contains(capture.trim_end()), "run scripts/capture-screen and paste it");
}

#[test]
fn ci_runs_the_test_command_the_readme_gives() {
    let readme = read("README.md");
    let command = readme
        .lines()
        .find(|l| l.trim_end().ends_with("# run every test (the end-to-end ones need tmux)"))
        .and_then(|l| l.split('#').next())
        .map(str::trim)
        .expect("the README names a test command");
    let ci = read(".ci/run");
    assert!(ci.lines().any(|l| l.trim() == command), ".ci/run does not run `{command}`");
}
