//! A score in parts, read from an article's text: what `--json` shows.

use serde::Serialize;

use super::Ranking;
use super::proximity::Bonus;
use super::read::raws_of;
use crate::corpus::{Article, View};

impl Ranking {
    /// An article's score in parts, read from its text: what `--json`
    /// shows. The parts add up to the score search gave it (when it was
    /// among the [`RERANK`](super::RERANK) best; below, without the bonuses).
    pub fn explain(&self, article: &Article, view: View, reranked: bool) -> Explanation {
        let (raws, length) = raws_of(article, &self.plan.terms, view);
        let terms = self
            .plan
            .terms
            .iter()
            .zip(&raws)
            .zip(self.term_points(&raws, length))
            .zip(&self.idf)
            .map(|(((term, raw), points), idf)| TermPart {
                term: term.term.text.clone(),
                quality: raw.title.max(raw.body),
                in_title: raw.title > 0,
                occurrences: raw.occurrences,
                idf: round(*idf),
                points: round(points),
            })
            .collect();
        let bonus = if reranked { self.bonus(article, view) } else { Bonus::default() };
        let missing =
            self.plan.lacking(&raws).map_or(0, |lacking| (lacking & self.telling).count_ones() as usize);
        let plain = self.plan.soft.iter().filter(|s| **s).count();
        Explanation {
            terms,
            length,
            lead: round(bonus.lead),
            proximity: round(bonus.proximity),
            words_matched: (plain > 1).then_some([plain - missing, plain]),
        }
    }
}

/// A score in parts, for `--json`.
#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    pub terms: Vec<TermPart>,
    /// The article's length in words.
    pub length: u32,
    pub lead: f64,
    pub proximity: f64,
    /// For a plain query of several words: how many of them it has, of how
    /// many (lacking any costs [`MISSING_WORD`](super::MISSING_WORD)).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words_matched: Option<[usize; 2]>,
}

/// One term's part of a score.
#[derive(Debug, Clone, Serialize)]
pub struct TermPart {
    pub term: String,
    /// Its best word's match quality, per mille (0: not found).
    pub quality: u32,
    pub in_title: bool,
    pub occurrences: u32,
    pub idf: f64,
    pub points: f64,
}

fn round(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}
