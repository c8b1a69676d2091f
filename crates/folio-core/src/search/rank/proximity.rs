//! The second phase: the best articles are read for terms in their lead
//! (the title, headings and the body's first words) and for terms of the
//! query side by side, in the query's order.

use std::sync::Arc;

use super::Ranking;
use super::bm25::to_score;
use crate::corpus::paragraph::Kind as Block;
use crate::corpus::{Article, View};
use crate::search::Hit;
use crate::search::index::WordIds;
use crate::search::matcher::words_of;

/// How many of the best articles are read for the lead and proximity.
pub const RERANK: usize = 50;
/// The body's first words that make its lead.
pub const LEAD_WORDS: usize = 40;
/// A term in the lead: this times its rarity and quality.
pub const LEAD_WEIGHT: f64 = 0.6;
/// Two terms of the query side by side, in order: this times their rarity.
pub const PAIR_WEIGHT: f64 = 0.6;

impl Ranking {
    /// The second phase, on the best of `ranked` hits (best first): the
    /// lead and proximity bonuses, read from each article's text.
    pub fn rerank(&self, ranked: &mut [Hit], article: impl Fn(usize) -> Option<Arc<Article>>, view: View) {
        let top = ranked.len().min(RERANK);
        if self.plan.groups.is_empty() {
            return;
        }
        // Words recur from article to article: each is matched once.
        let mut memo = Memo::default();
        for hit in &mut ranked[..top] {
            if let Some(article) = article(hit.article) {
                let bonus = self.bonus_with(&article, view, &mut memo);
                hit.score += to_score(bonus.lead + bonus.proximity);
            }
        }
        // Those below stay below: a bonus is never negative.
        ranked[..top].sort_by_key(|hit| std::cmp::Reverse(hit.score));
    }

    /// Each group's rarity: its rarest term's.
    fn group_idf(&self) -> Vec<f64> {
        self.plan.groups.iter().map(|g| self.idf[g.clone()].iter().copied().fold(0.0, f64::max)).collect()
    }

    /// What the lead and terms side by side add to an article's score.
    pub fn bonus(&self, article: &Article, view: View) -> Bonus {
        self.bonus_with(article, view, &mut Memo::default())
    }

    fn bonus_with(&self, article: &Article, view: View, memo: &mut Memo) -> Bonus {
        let groups = self.plan.groups.len();
        let text = article.text();
        let mut lead = vec![0u32; groups];
        let mut pairs = vec![0u32; groups.saturating_sub(1)];
        let mut body_words = 0;
        let titles = crate::search::title_texts(article);
        let title = titles.iter().map(|text| (None, text.as_ref()));
        let body =
            text.body(view).filter(|(_, p)| p.is_prose()).map(|(_, p)| (Some(&p.kind), p.text.as_str()));
        for (kind, paragraph) in title.chain(body) {
            let heading = matches!(kind, Some(Block::Heading(_)));
            // One group has no pairs: past the lead, only headings count.
            if groups == 1 && !heading && body_words > LEAD_WORDS {
                continue;
            }
            let mut before: Option<usize> = None;
            for (_, word) in words_of(paragraph) {
                let at = memo.slot(word, |word, out| self.group_qualities(word, out));
                let found = memo.qualities(at, groups);
                // The title leads too: a term there is worth no less.
                body_words += usize::from(kind.is_some());
                if heading || kind.is_none() || body_words <= LEAD_WORDS {
                    for (best, &q) in lead.iter_mut().zip(found) {
                        *best = (*best).max(q);
                    }
                }
                if let Some(before) = before.map(|b| memo.qualities(b, groups)) {
                    for (g, pair) in pairs.iter_mut().enumerate() {
                        *pair = (*pair).max(before[g].min(found[g + 1]));
                    }
                }
                before = Some(at);
            }
        }
        let idf = self.group_idf();
        let lead: f64 = lead
            .iter()
            .zip(&idf)
            .zip(&self.plan.repeats)
            .filter(|(_, repeats)| !**repeats)
            .map(|((&q, idf), _)| LEAD_WEIGHT * idf * f64::from(q) / 1000.0)
            .sum();
        let proximity: f64 = pairs
            .iter()
            .enumerate()
            .map(|(g, &q)| PAIR_WEIGHT * (idf[g] + idf[g + 1]) / 2.0 * f64::from(q) / 1000.0)
            // Not `sum`, which starts from -0.0 and would show it.
            .fold(0.0, |a, b| a + b);
        Bonus { lead, proximity }
    }

    /// How well `word` matches each group (its best positive term), 0 for
    /// not at all.
    fn group_qualities(&self, word: &str, out: &mut Vec<u32>) {
        out.extend(self.plan.groups.iter().map(|g| {
            self.plan.terms[g.clone()]
                .iter()
                .filter(|t| !t.term.negated)
                .map(|t| t.score_word(word))
                .max()
                .unwrap_or(0)
        }));
    }
}

/// Each distinct word's qualities for each group, found once: `seen`
/// gives a word's slot, and slot `s`'s qualities are the `groups` numbers
/// of `qualities` from `s * groups`. Words are looked up as the index
/// looks them up, with no allocation for most.
#[derive(Default)]
struct Memo {
    seen: WordIds,
    slots: u32,
    qualities: Vec<u32>,
}

impl Memo {
    /// `word`'s slot, its qualities written by `find` the first time.
    fn slot(&mut self, word: &str, find: impl FnOnce(&str, &mut Vec<u32>)) -> usize {
        if let Some(slot) = self.seen.get(word) {
            return slot as usize;
        }
        find(word, &mut self.qualities);
        self.seen.insert(word, self.slots);
        self.slots += 1;
        self.slots as usize - 1
    }

    fn qualities(&self, slot: usize, groups: usize) -> &[u32] {
        &self.qualities[slot * groups..(slot + 1) * groups]
    }
}

/// What the second phase adds: terms in the lead, terms side by side.
#[derive(Debug, Clone, Copy, Default)]
pub struct Bonus {
    pub lead: f64,
    pub proximity: f64,
}
