//! The first phase: every listed article's BM25 points from the index,
//! per term its rarity times a saturating function of how often it
//! occurs, normalised by the article's length, times how well its best
//! word matched; a title occurrence counts as several body ones.

use super::{Ranking, Raw};

/// BM25's saturation of term frequency, and its length normalisation.
pub const K1: f64 = 1.2;
pub const B: f64 = 0.75;
/// A term in the title counts as this many occurrences in the body.
pub const TITLE_OCCURRENCES: f64 = 5.0;

/// Score units per point of BM25 (scores are whole numbers).
const SCALE: f64 = 1000.0;

impl Ranking {
    /// Each term's BM25 points in an article of `length` words.
    pub(super) fn term_points<'a>(&'a self, raws: &'a [Raw], length: u32) -> impl Iterator<Item = f64> + 'a {
        let norm = K1 * (1.0 - B + B * f64::from(length) / self.average_length);
        raws.iter().zip(&self.weights).map(move |(raw, &weight)| points_of(raw, weight, norm))
    }

    /// The first phase's score: per group, its best term's points. Every
    /// listed article is scored, so nothing is allocated here.
    pub(super) fn points(&self, raws: &[Raw], length: u32) -> f64 {
        let norm = K1 * (1.0 - B + B * f64::from(length) / self.average_length);
        let mut total = 0.0;
        for group in &self.plan.groups {
            let mut best: f64 = 0.0;
            for t in group.clone() {
                best = best.max(points_of(&raws[t], self.weights[t], norm));
            }
            total += best;
        }
        total
    }
}

/// One term's points: its `weight` (see `Ranking`) times its quality and
/// saturated frequency, `norm` being BM25's length normalisation.
#[inline]
fn points_of(raw: &Raw, weight: f64, norm: f64) -> f64 {
    let quality = raw.title.max(raw.body);
    if quality == 0 {
        return 0.0;
    }
    let tf = if raw.title > 0 { TITLE_OCCURRENCES } else { 0.0 } + f64::from(raw.occurrences);
    weight * f64::from(quality) * tf / (tf + norm)
}

/// Points as a whole score. Not `f64::round`, a call into the maths
/// library for every listed article: points are never negative.
pub(super) fn to_score(points: f64) -> i64 {
    (points * SCALE + 0.5) as i64
}
