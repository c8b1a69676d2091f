//! Ranking: how well an article answers a query, as search engines weigh
//! it (figures and what was tried: BENCHMARKS.md, issue 16).
//!
//! Two phases. Every matching article gets a BM25 score from the index:
//! per term, its rarity (inverse document frequency) times a saturating
//! function of how often it occurs, normalised by the article's length,
//! times how well its best word matched (exact beats prefix beats fuzzy,
//! see [`quality`](super::matcher::quality)); a title occurrence counts as
//! [`TITLE_OCCURRENCES`] body ones; `a | b` takes the better; a word the
//! query says again scores nothing more (see [`Plan`]). Then the best
//! [`RERANK`] are read, and terms in the lead (the title, headings and the
//! first [`LEAD_WORDS`] words of the body, where a man page's NAME line and
//! a README's opening paragraph are) and query terms side by side in the
//! query's order score more.
//!
//! Soft AND: a plain query (words with no operator) also lists articles
//! that lack some of its words when few have them all, below those that
//! do (Meilisearch's word dropping). An article has a word when it
//! matches one of its words as a word ([`Raw::has_word`]); a word in more
//! than [`COMMON`] of the articles is never counted as lacking. Operators
//! stay strict.
//!
//! Split by what each part owns: the weights of a query over a corpus
//! (here), the first phase's BM25 points and field weights (`bm25`), the
//! soft AND tiers (`tiers`, with the query's shape in `plan`), the second
//! phase's lead and proximity (`proximity`), the articles found so far
//! (`found`), matches read from an article's text (`read`), and a score in
//! parts (`explain`).

mod bm25;
mod explain;
mod found;
mod plan;
mod proximity;
mod read;
mod tiers;

use std::sync::Arc;

pub use bm25::{B, K1, TITLE_OCCURRENCES};
pub use explain::{Explanation, TermPart};
pub use found::Found;
use plan::MASK_TERMS;
pub use plan::Plan;
pub use proximity::{Bonus, LEAD_WEIGHT, LEAD_WORDS, PAIR_WEIGHT, RERANK};
pub use read::{phrase_raw, raws_of, raws_with};
pub use tiers::{COMMON, FEW, HAS_WORD, MISSING_WORD};

/// One term's raw match in one article: the quality of its best title word
/// and best body word (0 for none), and how often body words match.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Raw {
    pub title: u32,
    pub body: u32,
    pub occurrences: u32,
}

impl Raw {
    pub fn matched(&self) -> bool {
        self.title > 0 || self.body > 0
    }

    /// Whether the term matched a word as a word: the whole of it, its
    /// start, or the whole with a letter missing (not inside a word, nor
    /// with a wrong letter). Soft AND counts only these: "safe" inside
    /// "unsafe" scores, but a plain query's article with all its words
    /// has "safe" itself.
    pub fn has_word(&self) -> bool {
        self.title.max(self.body) >= HAS_WORD
    }
}

/// A query's weights over one corpus: each term's rarity, and the average
/// article length. Explains a score in parts.
#[derive(Debug, Clone)]
pub struct Ranking {
    plan: Arc<Plan>,
    idf: Vec<f64>,
    average_length: f64,
    /// Per term, what its points are multiplied by: rarity times BM25's
    /// `k1 + 1`, per mille of quality; 0 for a negated term and for a
    /// word the query said before. Every listed article is scored with
    /// these, so nothing is worked out again.
    weights: Vec<f64>,
    /// The plain words (their terms' bits) whose lack counts: those in at
    /// most [`COMMON`] of the articles.
    telling: u32,
}

impl Ranking {
    /// The weights from `found`, scaled to `articles` when it has seen only
    /// some of them (results so far).
    pub fn new(plan: Arc<Plan>, found: &Found, articles: usize) -> Ranking {
        let seen = found.seen.max(1) as f64;
        let scale = articles.max(found.seen) as f64 / seen;
        let n = articles.max(found.seen) as f64;
        let idf = found
            .df
            .iter()
            .map(|&df| {
                let df = f64::from(df) * scale;
                (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
            })
            .collect();
        let average_length = (found.words as f64 / seen).max(1.0);
        let mut weights: Vec<f64> = plan
            .terms
            .iter()
            .zip(&idf)
            .map(|(term, idf)| if term.term.negated { 0.0 } else { idf * (K1 + 1.0) / 1000.0 })
            .collect();
        for (group, _) in plan.groups.iter().zip(&plan.repeats).filter(|(_, repeats)| **repeats) {
            weights[group.clone()].fill(0.0);
        }
        let telling = found
            .df
            .iter()
            .enumerate()
            .take(MASK_TERMS)
            .filter(|(_, df)| f64::from(**df) * scale <= n * COMMON)
            .fold(0, |bits, (t, _)| bits | 1 << t);
        Ranking { plan, idf, average_length, weights, telling }
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }
}
