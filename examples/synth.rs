//! Writes a synthetic corpus: `synth ARTICLES DIR FLAT` puts ARTICLES files
//! in DIR and the same text, one article per line, in FLAT (for fzf).
//! The seed is fixed, so the same command always writes the same corpus.

use std::path::PathBuf;
use std::process::ExitCode;

/// The seed the benchmarks use.
const SEED: u64 = 2026;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [count, dir, flat] = args.as_slice() else {
        eprintln!("usage: synth ARTICLES DIR FLAT");
        return ExitCode::from(2);
    };
    let Ok(count) = count.parse::<usize>() else {
        eprintln!("synth: ARTICLES must be a whole number, not {count:?}");
        return ExitCode::from(2);
    };
    match folio::synth::write_corpus(&PathBuf::from(dir), &PathBuf::from(flat), count, SEED) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("synth: {err}");
            ExitCode::FAILURE
        }
    }
}
