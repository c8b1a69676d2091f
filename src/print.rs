//! Output for scripts: `folio --filter QUERY` prints the ranked matches as
//! lines or JSON lines, for a pipe as much as for a terminal.

use serde::Serialize;
use std::io::{self, BufWriter, Write};

use crate::corpus::{Corpus, View};
use std::sync::Arc;

use crate::search::marks::Marks;
use crate::search::rank::{Explanation, RERANK};
use crate::search::scan::scan_ranked;
use crate::search::{Index, Query, Searcher};

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
    /// The score in parts (see `search::rank`).
    parts: Option<Explanation>,
}

/// Prints the matches of `query` to stdout, best first. Returns whether
/// anything matched.
/// With `index` (from the cache) the search reads it; without, one query
/// is answered by reading each article once, faster than building one.
pub fn matches(corpus: Corpus, index: Option<Index>, query: &str, format: Format) -> io::Result<bool> {
    let query = Query::parse(query);
    let corpus = Arc::new(corpus);
    let mut searcher = index.map(|index| Searcher::with_index(Arc::clone(&corpus), index));
    let (hits, ranking) = match &mut searcher {
        Some(searcher) => {
            let hits = searcher.search(&query, View::Clean);
            (hits, searcher.ranking().cloned())
        }
        None => scan_ranked(&corpus, &query, View::Clean),
    };
    // The process ends after this: its memory is given back whole, rather
    // than a hundred thousand articles and an index freed piece by piece.
    std::mem::forget(searcher);
    let marks = Marks::new(&query);
    let mut out = BufWriter::new(io::stdout().lock());
    for (at, hit) in hits.iter().enumerate() {
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
                    parts: ranking.as_ref().map(|r| r.explain(article, View::Clean, at < RERANK)),
                };
                serde_json::to_writer(&mut out, &line)?;
                out.write_all(b"\n")?;
            }
        }
    }
    out.flush()?;
    std::mem::forget(corpus);
    Ok(!hits.is_empty())
}
