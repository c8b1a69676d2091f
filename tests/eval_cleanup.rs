//! scripts/eval-cleanup, which scores `folio --print --json` against a
//! person's judgement: its measure on hand-made pages, and a whole run of
//! the real binary over a two-page dataset it writes.

use std::process::Command;

#[test]
fn the_scoring_script_measures_as_the_dataset_readme_says() {
    let python = Command::new("python3").arg("--version").output();
    if !python.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: no python3 to run scripts/eval-cleanup");
        return;
    }
    let output = Command::new("python3")
        .args(["scripts/eval-cleanup", "--self-test", "--folio", env!("CARGO_BIN_EXE_folio")])
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("folio's bodies are read"),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
}
