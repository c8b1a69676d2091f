//! A query's shape for ranking: its terms in one list, group by group,
//! which articles are listed at all, and which plain words each lacks
//! (what soft AND's tiers are made of).

use super::Raw;
use crate::search::matcher::TermMatcher;
use crate::search::query::{Field, Kind, Query, Term};

/// A query's shape for ranking: its terms in one list, group by group.
#[derive(Debug)]
pub struct Plan {
    pub terms: Vec<TermMatcher>,
    /// Each group's terms, as a range of `terms`.
    pub(super) groups: Vec<std::ops::Range<usize>>,
    /// Whether a group is a plain word, which may be missing (soft AND).
    pub(super) soft: Vec<bool>,
    /// Whether a group says again what an earlier one said ("library" in
    /// "Date and time library ... the standard library"): it scores
    /// nothing of its own (see [`Plan::new`]).
    pub(super) repeats: Vec<bool>,
    /// Plain words an article must have to be listed at all.
    need: usize,
    /// For a query of at most [`TABLE_TERMS`] terms, whether an article
    /// that matches the terms whose bits are set (bit `t` for term `t`)
    /// is listed: a search asks it of every article, and a look-up costs
    /// less than walking the groups (BENCHMARKS.md, "Keystroke and
    /// `--filter` after issue 16").
    listed: Vec<bool>,
    /// The bits of the plain words' terms (each is a group of its own).
    plain_terms: u32,
}

/// Terms up to which [`Plan`] tabulates what it lists (1,024 entries).
const TABLE_TERMS: usize = 10;
/// Terms that have a bit in a mask of terms: a plain word past these is
/// never counted as lacking.
pub(super) const MASK_TERMS: usize = 32;

impl Plan {
    pub fn new(query: &Query) -> Plan {
        let mut terms = Vec::new();
        let mut groups = Vec::new();
        for group in &query.groups {
            let start = terms.len();
            terms.extend(group.iter().map(TermMatcher::new));
            groups.push(start..terms.len());
        }
        let soft: Vec<bool> = query.groups.iter().map(|g| is_soft(g)).collect();
        // A description names its subject twice because sentences do, not
        // because it matters twice as much: textbook BM25 scores each
        // distinct query word once. README dev MRR 0.868 -> 0.877, man
        // unchanged (BENCHMARKS.md, "Issue 16, ninth session").
        let repeats = (0..query.groups.len())
            .map(|g| query.groups[..g].iter().any(|earlier| same_group(earlier, &query.groups[g])))
            .collect();
        let plain = soft.iter().filter(|s| **s).count();
        let plain_terms = groups
            .iter()
            .zip(&soft)
            .filter(|(g, soft)| **soft && g.start < MASK_TERMS)
            .fold(0, |bits, (g, _)| bits | 1 << g.start);
        let mut plan =
            Plan { terms, groups, soft, repeats, need: words_needed(plain), listed: Vec::new(), plain_terms };
        if plan.terms.len() <= TABLE_TERMS {
            plan.listed = (0..1u32 << plan.terms.len())
                .map(|mask| plan.missing_of(|t| mask & (1 << t) != 0, |_| true).is_some())
                .collect();
        }
        plan
    }

    /// For a plan with a table (at most `TABLE_TERMS` terms), given the
    /// terms an article matches and those it has as words (bit `t` for
    /// term `t`, see [`Raw::has_word`]): the plain words it lacks (their
    /// terms' bits), or `None` when it is not listed. [`Plan::lacking`] in
    /// two look-ups.
    #[inline]
    pub fn outcome(&self, matched: u32, words: u32) -> Option<u32> {
        self.listed.get(matched as usize).copied().unwrap_or(false).then_some(self.plain_terms & !words)
    }

    /// Whether [`Plan::outcome`] answers for this plan.
    pub fn tabulated(&self) -> bool {
        !self.listed.is_empty()
    }

    /// How many plain words of the query the article lacks as words (see
    /// [`Raw::has_word`]), or `None` when it is not listed: a strict group
    /// fails, or no plain word matches at all.
    pub fn missing(&self, raw: &[Raw]) -> Option<usize> {
        self.missing_of(|t| raw[t].matched(), |t| raw[t].has_word())
    }

    /// [`Plan::missing`] as the bits of the plain words' terms.
    pub fn lacking(&self, raw: &[Raw]) -> Option<u32> {
        self.missing(raw)?;
        Some(
            (0..raw.len().min(MASK_TERMS)).fold(0, |bits, t| bits | u32::from(!raw[t].has_word()) << t)
                & self.plain_terms,
        )
    }

    /// [`Plan::missing`], given whether each term (by its place) matched,
    /// and whether it has a word.
    fn missing_of(&self, matched: impl Fn(usize) -> bool, word: impl Fn(usize) -> bool) -> Option<usize> {
        let mut unmatched = 0;
        let mut missing = 0;
        let mut plain = 0;
        for (group, &soft) in self.groups.iter().zip(&self.soft) {
            let matches = group.clone().any(|t| matched(t) != self.terms[t].term.negated);
            match (matches, soft) {
                (true, true) if !word(group.start) => missing += 1,
                (true, _) => {}
                (false, true) => unmatched += 1,
                (false, false) => return None,
            }
            plain += usize::from(soft);
        }
        (plain - unmatched >= self.need.min(plain)).then_some(missing + unmatched)
    }
}

/// A group soft AND may drop: a plain word, or a joined word with its
/// parts (see `Query::widen_joined_words`), which has the word only where
/// the phrase is. A `|` of plain words stays strict.
fn is_soft(group: &[Term]) -> bool {
    match group {
        [term] => is_plain(term),
        [first, parts @ ..] => {
            first.joined && is_plain(first) && parts.iter().all(|t| t.joined && t.kind == Kind::Fuzzy)
        }
        [] => false,
    }
}

/// Whether two groups look for the same thing: the same terms, of the same
/// kind, in the same place, case aside where it is ignored.
fn same_group(a: &[Term], b: &[Term]) -> bool {
    let same = |a: &Term, b: &Term| {
        let text = if a.case_sensitive || b.case_sensitive {
            a.text == b.text
        } else {
            a.text.to_lowercase() == b.text.to_lowercase()
        };
        text && a.kind == b.kind && a.field == b.field && a.negated == b.negated
    };
    a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b))
}

/// A word with no operator, looked for anywhere: the terms soft AND may
/// drop.
fn is_plain(term: &Term) -> bool {
    (term.kind == Kind::Fuzzy || term.joined) && term.field == Field::Any && !term.negated
}

/// Of `plain` words, how many an article needs: one, as Meilisearch drops
/// words down to the last one when too few articles have them all (its
/// "last" matching strategy). Articles lacking words rank below all with
/// every word (see [`MISSING_WORD`](super::MISSING_WORD)), so this only
/// adds to the end of the list. Half the words (rounded up) left 9 of 112 dev README queries
/// out of the first 100 (BENCHMARKS.md, "Issue 16, third session").
fn words_needed(plain: usize) -> usize {
    plain.min(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_word_of_a_plain_query_is_enough_to_be_listed() {
        let needed: Vec<usize> = (0..=7).map(words_needed).collect();
        assert_eq!(needed, [0, 1, 1, 1, 1, 1, 1, 1]);
    }
}
