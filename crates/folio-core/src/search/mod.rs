//! Keyword search over the corpus: the query language (`query`), matching
//! words and text (`matcher`), the word index (`index`), the searcher that
//! runs queries over it (`searcher`), ranking (`rank`) and the order of
//! hits (`hits`), searching without an index (`scan`), snippets and
//! highlights (`marks`) and the background worker (`worker`).
//! Knows nothing of the UI.
//!
//! Ranking (`rank`): BM25-style weights from the index, then the lead and
//! proximity of the best articles read from their text. Equal scores keep
//! corpus (file-name) order.

mod hits;
pub mod index;
mod letter_lists;
pub mod marks;
pub mod matcher;
pub mod query;
pub mod rank;
pub mod scan;
mod searcher;
pub mod worker;

pub use hits::Hit;
pub use index::Index;
pub use query::Query;
pub use searcher::{CHUNK_ARTICLES, Searcher, SoFar};

use std::borrow::Cow;

use crate::corpus::{Article, Text, View};
use matcher::words_of;
use rank::Plan;

/// What search reads as an article's title: the title, then the words of
/// its file's name without folder or extension that the title does not
/// already hold ("macros" for `crates/phf_macros.md` titled "Rust-PHF").
/// People look for a file by its name, as they do with fzf; for crate
/// READMEs queried by their descriptions this took README dev MRR from
/// 0.877 to 0.887, man pages unchanged (BENCHMARKS.md, "Issue 16, tenth
/// session"). A word the title holds is not counted again: stories weigh
/// title words by how often they occur, and a name made from the title
/// (`us-troops-stay-in-niger.html`) would have doubled them. The second
/// is empty when the name adds nothing.
pub fn title_texts(article: &Article) -> [Cow<'_, str>; 2] {
    [Cow::Borrowed(article.title.as_str()), name_words(&article.source, &article.title)]
}

/// The words of the name of the file an article is, without folder or
/// extension, less those `title` holds (case aside) and those holding a
/// digit: numbered and hashed names (`00042.txt`, `003_73e09850.txt`) are
/// ids, and at 100,000 numbered files their words cost the index 28 MiB.
/// None for standard input and for one record of several in a file
/// (`feed.jsonl:12`, `list.json#3`), where the name is every record's and
/// says nothing of this one.
fn name_words(source: &str, title: &str) -> Cow<'static, str> {
    let last = source.rsplit(['/', '\\']).next().unwrap_or(source);
    let record = |mark: char| {
        last.rsplit_once(mark).is_some_and(|(file, n)| {
            file.contains('.') && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())
        })
    };
    if source == "stdin" || last.starts_with("stdin:") || record(':') || record('#') {
        return Cow::Borrowed("");
    }
    let stem = last.rsplit_once('.').map_or(last, |(stem, _)| stem);
    let mut seen: Vec<String> = words_of(title).map(|(_, word)| word.to_lowercase()).collect();
    let mut words: Vec<&str> = Vec::new();
    for (_, word) in words_of(stem) {
        let folded = word.to_lowercase();
        if !word.chars().any(char::is_numeric) && !seen.contains(&folded) {
            words.push(word);
            seen.push(folded);
        }
    }
    if words.is_empty() { Cow::Borrowed("") } else { Cow::Owned(words.join(" ")) }
}

/// The paragraphs of an article's body that search reads in `view`: those
/// the reader shows, less the numbered link lists.
pub fn body_texts(text: &Text, view: View) -> impl Iterator<Item = (usize, &str)> {
    text.body(view).filter(|(_, p)| p.is_prose()).map(|(i, p)| (i, p.text.as_str()))
}

/// How many plain words of `query` `article` lacks, or `None` when it does
/// not satisfy the query at all, checked the slow, obvious way by reading
/// its text. The index must agree with this; tests hold it to that.
pub fn matches_slowly(article: &Article, query: &Query, view: View) -> Option<usize> {
    let plan = Plan::new(query);
    let (raws, _) = rank::raws_of(article, &plan.terms, view);
    plan.missing(&raws)
}

#[cfg(test)]
mod tests {
    use super::name_words;

    #[test]
    fn a_name_adds_the_words_its_title_lacks() {
        assert_eq!(name_words("crates/phf_macros.md", "Rust-PHF"), "macros");
        assert_eq!(name_words("docs/Getting Started.txt", "Install"), "Getting Started");
        // A name made from the title adds nothing, case aside.
        assert_eq!(name_words("news/us-troops-stay-in-niger.html", "US Troops Stay in Niger"), "");
        // Numbers, dates and hashes are ids; records and stdin have no name.
        assert_eq!(name_words("2019-11-19-stadia-launch.html", "Review"), "stadia launch");
        assert_eq!(name_words("003_73e09850.txt", "Niger"), "");
        assert_eq!(name_words("feed.jsonl:12", "One"), "");
        assert_eq!(name_words("list.json#3", "One"), "");
        assert_eq!(name_words("stdin", "One"), "");
    }
}
