//! Output for scripts: `folio --filter QUERY` prints the ranked matches as
//! lines or JSON lines, for a pipe as much as for a terminal.

use serde::Serialize;
use std::io::{self, BufWriter, Write};

use crate::corpus::{Corpus, View};
use crate::search::Query;
use crate::search::marks::Marks;
use crate::search::scan::scan;

/// How `--filter` prints each match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `title<TAB>path`, like grep -l with a title.
    Lines,
    /// One JSON object a line.
    JsonLines,
}

/// Width of the snippet in JSON output, in characters.
const SNIPPET_WIDTH: usize = 80;

#[derive(Serialize)]
struct JsonMatch<'a> {
    path: &'a str,
    title: &'a str,
    score: i64,
    snippet: Option<String>,
}

/// Prints the matches of `query` to stdout, best first. Returns whether
/// anything matched.
pub fn matches(corpus: Corpus, query: &str, format: Format) -> io::Result<bool> {
    let query = Query::parse(query);
    // One query: reading each article once beats building an index.
    let hits = scan(&corpus, &query, View::Clean);
    let marks = Marks::new(&query);
    let mut out = BufWriter::new(io::stdout().lock());
    for hit in &hits {
        let Some(article) = corpus.get(hit.article) else { continue };
        match format {
            // Tabs and newlines never reach a title: sanitising removed them.
            Format::Lines => writeln!(out, "{}\t{}", article.title, article.source)?,
            Format::JsonLines => {
                let line = JsonMatch {
                    path: &article.source,
                    title: &article.title,
                    score: hit.score,
                    snippet: marks.snippet(article, SNIPPET_WIDTH, View::Clean).map(|s| s.text),
                };
                serde_json::to_writer(&mut out, &line)?;
                out.write_all(b"\n")?;
            }
        }
    }
    out.flush()?;
    Ok(!hits.is_empty())
}
