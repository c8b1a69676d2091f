//! Soft AND's tiers: articles that lack some words of a plain query are
//! listed below those that have them all, and only when few have them
//! all; among them the score decides, not how many words each lacks; a
//! word most articles hold is never counted as lacking.

use super::bm25::to_score;
use super::{Found, Ranking};
use crate::search::Hit;

/// Below this many articles with every word, those with most follow.
pub const FEW: usize = 20;
/// The least quality of a match that counts as having the word, for soft
/// AND: a prefix, a whole number, a whole word with a letter missing.
pub const HAS_WORD: u32 = crate::search::matcher::quality::MISSING_WHOLE;

/// A word in more than this share of the articles, most of them, says
/// little about any ("a", "for", "library" among READMEs): an article
/// without it is not counted as lacking a word. A lower share did better
/// on the dev split only by turning the tiers off in small corpora
/// (BENCHMARKS.md, "Issue 16, second session").
pub const COMMON: f64 = 0.5;

/// An article lacking words of the query ranks below every article with
/// all of them: lacking any costs this much of its score, however many.
/// Below that line the score decides, as in BM25: one rare word says more
/// than two common ones. Counting the words lacking as tiers of their own
/// (Meilisearch's rule) put a README with the description's two rare
/// words below every README with three of its common ones: README dev
/// MRR 0.830 with those tiers, 0.864 without (BENCHMARKS.md, "Issue 16,
/// fourth session").
pub const MISSING_WORD: i64 = 1_000_000_000;

impl Ranking {
    /// The listed articles of `found` with their first-phase scores, in
    /// article order. When enough have every word, only those.
    pub fn hits(&self, found: &Found) -> Vec<Hit> {
        let stride = self.plan.terms.len();
        let missing = |lacking: u32| (lacking & self.telling).count_ones();
        let complete = found.articles.iter().filter(|(_, _, lacking)| missing(*lacking) == 0).count();
        let with_missing = complete < FEW;
        found
            .articles
            .iter()
            .zip(found.raws.chunks(stride.max(1)))
            .filter(|((_, _, lacking), _)| with_missing || missing(*lacking) == 0)
            .map(|(&(article, length, lacking), raws)| Hit {
                article: article as usize,
                score: to_score(self.points(raws, length)) - i64::from(missing(lacking) > 0) * MISSING_WORD,
            })
            .collect()
    }
}
