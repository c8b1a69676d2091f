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

use crate::corpus::{Article, Text, View};
use rank::Plan;

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
