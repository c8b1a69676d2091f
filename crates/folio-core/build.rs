//! Compiles every file under `seeds/` into the binary, so `folio` with no
//! arguments opens the bundled corpus from any directory. Adding a file to
//! `seeds/` needs no code change: this script lists the folder at build time.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    // The seeds stay at the top of the repository, beside the tests that
    // read them.
    let seeds = manifest.join("../../seeds");
    // A directory here makes cargo rescan it: new, removed or edited seeds rebuild.
    println!("cargo::rerun-if-changed={}", seeds.display());

    let mut files: Vec<PathBuf> = fs::read_dir(&seeds)
        .expect("seeds/ exists at the top of the repository")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file())
        .collect();
    files.sort();

    let mut code = String::from("pub static SEEDS: &[(&str, &[u8])] = &[\n");
    for path in &files {
        let name = file_name(path);
        writeln!(code, "    ({name:?}, include_bytes!({:?})),", path.display().to_string())
            .expect("writing to a String cannot fail");
    }
    code.push_str("];\n");

    let out = PathBuf::from(env::var_os("OUT_DIR").expect("set by cargo"));
    fs::write(out.join("bundled_seeds.rs"), code).expect("OUT_DIR is writable");
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}
