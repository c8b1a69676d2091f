//! Output for scripts: `folio --filter QUERY` prints the ranked matches as
//! lines or JSON lines, for a pipe as much as for a terminal.

use serde::Serialize;
use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, BufWriter, Write};

use crate::corpus::{Corpus, View};
use std::sync::Arc;

use crate::search::marks::Marks;
use crate::search::scan::scan;
use crate::search::{Index, Query, Searcher};
use crate::shown;

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
    /// The file's name, exactly; escaped as the lines are when it is not
    /// UTF-8, and then its bytes are in `path_bytes`.
    path: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    path_bytes: Option<Vec<u8>>,
    title: &'a str,
    score: i64,
    snippet: Option<String>,
}

impl<'a> JsonMatch<'a> {
    fn path(source: &'a str) -> (Cow<'a, str>, Option<Vec<u8>>) {
        match shown::raw_bytes(source) {
            Some(bytes) => (shown::escape(source), Some(bytes)),
            None => match shown::path_of(source).into_os_string().into_string() {
                Ok(exact) if exact != source => (Cow::Owned(exact), None),
                _ => (Cow::Borrowed(source), None),
            },
        }
    }
}

/// One JSON value on a line, with every control character escaped: JSON
/// escapes C0 ones itself, but lets DEL and the C1 controls (U+0080 to
/// U+009F, which some terminals obey as ESC) through raw. As `\u` escapes
/// they mean the same to a JSON reader and nothing to a terminal.
fn write_json_line(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    let json = serde_json::to_string(value)?;
    let mut line = String::with_capacity(json.len() + 1);
    for c in json.chars() {
        if c.is_control() {
            let _ = write!(line, "\\u{:04x}", u32::from(c));
        } else {
            line.push(c);
        }
    }
    line.push('\n');
    out.write_all(line.as_bytes())
}

/// Prints the matches of `query` to stdout, best first. Returns whether
/// anything matched.
/// With `index` (from the cache) the search reads it; without, one query
/// is answered by reading each article once, faster than building one.
pub fn matches(corpus: Corpus, index: Option<Index>, query: &str, format: Format) -> io::Result<bool> {
    let query = Query::parse(query);
    let corpus = Arc::new(corpus);
    let mut searcher = index.map(|index| Searcher::with_index(Arc::clone(&corpus), index));
    let hits = match &mut searcher {
        Some(searcher) => searcher.search(&query, View::Clean),
        None => scan(&corpus, &query, View::Clean),
    };
    // The process ends after this: its memory is given back whole, rather
    // than a hundred thousand articles and an index freed piece by piece.
    std::mem::forget(searcher);
    let marks = Marks::new(&query);
    let mut out = BufWriter::new(io::stdout().lock());
    for hit in &hits {
        let Some(article) = corpus.get(hit.article) else { continue };
        match format {
            // Tabs and newlines never reach a title (sanitising removed
            // them), nor, escaped, the path: a match is always one line.
            Format::Lines => writeln!(out, "{}\t{}", article.title, shown::escape(&article.source))?,
            Format::JsonLines => {
                let (path, path_bytes) = JsonMatch::path(&article.source);
                let line = JsonMatch {
                    path,
                    path_bytes,
                    title: &article.title,
                    score: hit.score,
                    snippet: marks.snippet(article, SNIPPET_WIDTH, View::Clean).map(|s| s.text),
                };
                write_json_line(&mut out, &line)?;
            }
        }
    }
    out.flush()?;
    std::mem::forget(corpus);
    Ok(!hits.is_empty())
}
