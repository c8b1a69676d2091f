//! The stories' work for the reader, done off the UI thread: a job asked
//! for (a related list, a comparison) and the answer that comes back, with
//! the analysis of the corpus when it is ready. Shared data travels in
//! `Arc`s; two values are equal when they share it.

use std::sync::Arc;

use super::{Analysis, Comparison, Related, compare, related};
use crate::corpus::Article;

/// How many related articles the reader lists.
pub const RELATED_SHOWN: usize = 10;

/// Something to work out for the reader.
#[derive(Debug, Clone)]
pub enum StoriesJob {
    /// The articles most like `article`.
    Related { analysis: Arc<Analysis>, article: usize },
    /// What `articles` (their ids, the articles themselves) agree and
    /// disagree on.
    Compare { ids: Vec<usize>, articles: Vec<Arc<Article>> },
}

/// What comes back.
#[derive(Debug, Clone)]
pub enum StoriesAnswer {
    /// The corpus analysed: its stories, and what related lists read.
    Analysed(Arc<Analysis>),
    Related {
        of: usize,
        found: Arc<Vec<Related>>,
    },
    Compared {
        ids: Vec<usize>,
        comparison: Arc<Comparison>,
    },
}

impl StoriesJob {
    /// Does the work, on whatever thread calls it.
    pub fn run(self) -> StoriesAnswer {
        match self {
            StoriesJob::Related { analysis, article } => {
                let found = match analysis.corpus.get(article) {
                    Some(of) => related(&analysis.index, &analysis.rarity, of, Some(article), RELATED_SHOWN),
                    None => Vec::new(),
                };
                StoriesAnswer::Related { of: article, found: Arc::new(found) }
            }
            StoriesJob::Compare { ids, articles } => {
                let refs: Vec<&Article> = articles.iter().map(|a| &**a).collect();
                StoriesAnswer::Compared { ids, comparison: Arc::new(compare(&refs)) }
            }
        }
    }
}

impl PartialEq for StoriesJob {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (
                StoriesJob::Related { analysis: a, article: x },
                StoriesJob::Related { analysis: b, article: y },
            ) => Arc::ptr_eq(a, b) && x == y,
            (StoriesJob::Compare { ids: a, .. }, StoriesJob::Compare { ids: b, .. }) => a == b,
            _ => false,
        }
    }
}

impl PartialEq for StoriesAnswer {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (StoriesAnswer::Analysed(a), StoriesAnswer::Analysed(b)) => Arc::ptr_eq(a, b),
            (StoriesAnswer::Related { of: x, found: a }, StoriesAnswer::Related { of: y, found: b }) => {
                x == y && Arc::ptr_eq(a, b)
            }
            (
                StoriesAnswer::Compared { ids: x, comparison: a },
                StoriesAnswer::Compared { ids: y, comparison: b },
            ) => x == y && Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl Eq for StoriesAnswer {}
