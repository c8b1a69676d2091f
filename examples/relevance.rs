//! folio's side of `scripts/bench-relevance`: `relevance DIR` loads the
//! articles under DIR once, reads queries from standard input (one a line)
//! and prints, for each, a JSON array of the paths of its best matches,
//! best first (at most [`KEEP`]). `relevance --dump DIR` prints instead each
//! article's path and the text search reads (title, file name and body,
//! in the clean view), as JSON lines, so the script's BM25 baseline reads
//! the same text.

use std::io::{self, BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use folio::corpus::{View, load_paths};
use folio::search::{Query, Searcher, body_texts, title_texts};

/// Matches printed per query: past this, a known item counts as not found.
const KEEP: usize = 100;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dump, dir) = match args.as_slice() {
        [flag, dir] if flag == "--dump" => (true, dir),
        [dir] => (false, dir),
        _ => {
            eprintln!("usage: relevance [--dump] DIR < queries");
            return ExitCode::from(2);
        }
    };
    match run(dump, PathBuf::from(dir)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("relevance: {err}");
            ExitCode::FAILURE
        }
    }
}

fn run(dump: bool, dir: PathBuf) -> Result<(), Box<dyn std::error::Error>> {
    let corpus = Arc::new(load_paths(&[dir])?.corpus);
    let mut out = io::BufWriter::new(io::stdout().lock());
    if dump {
        for article in corpus.articles() {
            let text = article.text();
            let mut all = title_texts(article).join("\n");
            for (_, paragraph) in body_texts(&text, View::Clean) {
                all.push('\n');
                all.push_str(paragraph);
            }
            serde_json::to_writer(&mut out, &serde_json::json!({ "path": article.source, "text": all }))?;
            out.write_all(b"\n")?;
        }
        return Ok(out.flush()?);
    }
    let mut searcher = Searcher::new(Arc::clone(&corpus));
    for line in io::stdin().lock().lines() {
        let hits = searcher.search(&Query::parse(&line?), View::Clean);
        let paths: Vec<&str> =
            hits.iter().take(KEEP).filter_map(|hit| corpus.get(hit.article)).map(|a| &*a.source).collect();
        serde_json::to_writer(&mut out, &paths)?;
        out.write_all(b"\n")?;
    }
    Ok(out.flush()?)
}
