//! Ranking: how well an article answers a query, as search engines weigh
//! it (figures and what was tried: BENCHMARKS.md, issue 16).
//!
//! Two phases. Every matching article gets a BM25 score from the index:
//! per term, its rarity (inverse document frequency) times a saturating
//! function of how often it occurs, normalised by the article's length,
//! times how well its best word matched (exact beats prefix beats fuzzy,
//! see [`quality`](super::matcher::quality)); a title occurrence counts as
//! [`TITLE_OCCURRENCES`] body ones; `a | b` takes the better. Then the best
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

use std::sync::Arc;

use serde::Serialize;

use super::body_texts;
use super::index::WordIds;
use super::matcher::{TermMatcher, words_of};
use super::query::{Field, Kind, Query};
use crate::corpus::paragraph::Kind as Block;
use crate::corpus::{Article, View};

/// BM25's saturation of term frequency, and its length normalisation.
pub const K1: f64 = 1.2;
pub const B: f64 = 0.75;
/// A term in the title counts as this many occurrences in the body.
pub const TITLE_OCCURRENCES: f64 = 5.0;
/// How many of the best articles are read for the lead and proximity.
pub const RERANK: usize = 50;
/// The body's first words that make its lead.
pub const LEAD_WORDS: usize = 40;
/// A term in the lead: this times its rarity and quality.
pub const LEAD_WEIGHT: f64 = 0.6;
/// Two terms of the query side by side, in order: this times their rarity.
pub const PAIR_WEIGHT: f64 = 0.6;
/// Below this many articles with every word, those with most follow.
pub const FEW: usize = 20;
/// The least quality of a match that counts as having the word, for soft
/// AND: a prefix, a whole number, a whole word with a letter missing.
pub const HAS_WORD: u32 = super::matcher::quality::MISSING_WHOLE;

/// A word in more than this share of the articles, most of them, says
/// little about any ("a", "for", "library" among READMEs): an article
/// without it is not counted as lacking a word. A lower share did better
/// on the dev split only by turning the tiers off in small corpora
/// (BENCHMARKS.md, "Issue 16, second session").
pub const COMMON: f64 = 0.5;

/// Score units per point of BM25 (scores are whole numbers).
const SCALE: f64 = 1000.0;
/// An article lacking a word of the query ranks below every article with
/// one word more: a word missing costs this much of its score.
pub const MISSING_WORD: i64 = 1_000_000_000;

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

    fn quality(&self) -> f64 {
        f64::from(self.title.max(self.body)) / 1000.0
    }
}

/// A query's shape for ranking: its terms in one list, group by group.
#[derive(Debug)]
pub struct Plan {
    pub terms: Vec<TermMatcher>,
    /// Each group's terms, as a range of `terms`.
    groups: Vec<std::ops::Range<usize>>,
    /// Whether a group is a plain word, which may be missing (soft AND).
    soft: Vec<bool>,
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
const MASK_TERMS: usize = 32;

impl Plan {
    pub fn new(query: &Query) -> Plan {
        let mut terms = Vec::new();
        let mut groups = Vec::new();
        for group in &query.groups {
            let start = terms.len();
            terms.extend(group.iter().map(TermMatcher::new));
            groups.push(start..terms.len());
        }
        let soft: Vec<bool> =
            query.groups.iter().map(|g| matches!(g.as_slice(), [t] if is_plain(t))).collect();
        let plain = soft.iter().filter(|s| **s).count();
        let plain_terms = groups
            .iter()
            .zip(&soft)
            .filter(|(g, soft)| **soft && g.start < MASK_TERMS)
            .fold(0, |bits, (g, _)| bits | 1 << g.start);
        let mut plan =
            Plan { terms, groups, soft, need: words_needed(plain), listed: Vec::new(), plain_terms };
        if plan.terms.len() <= TABLE_TERMS {
            plan.listed = (0..1u32 << plan.terms.len())
                .map(|mask| plan.missing_of(|t| mask & (1 << t) != 0, |_| true).is_some())
                .collect();
        }
        plan
    }

    /// For a plan with a table (at most [`TABLE_TERMS`] terms), given the
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

/// A word with no operator, looked for anywhere: the terms soft AND may
/// drop.
fn is_plain(term: &super::query::Term) -> bool {
    (term.kind == Kind::Fuzzy || term.joined) && term.field == Field::Any && !term.negated
}

/// Of `plain` words, how many an article needs: one, as Meilisearch drops
/// words down to the last one when too few articles have them all (its
/// "last" matching strategy). Articles lacking words rank below all with
/// more of them (see [`MISSING_WORD`]), so this only adds to the end of
/// the list. Half the words (rounded up) left 9 of 112 dev README queries
/// out of the first 100 (BENCHMARKS.md, "Issue 16, third session").
fn words_needed(plain: usize) -> usize {
    plain.min(1)
}

/// Articles that may be listed, with their terms' raw matches, found in
/// article order; and the counts that give each term its rarity.
#[derive(Debug, Default)]
pub struct Found {
    /// Article id, length in words, the plain words it lacks (their
    /// terms' bits, see [`Plan::lacking`]).
    pub articles: Vec<(u32, u32, u32)>,
    /// `terms` raws per article, in the order of `articles`.
    pub raws: Vec<Raw>,
    /// For each term, the articles it matched (listed or not).
    pub df: Vec<u32>,
    /// Articles looked at, and their words.
    pub seen: usize,
    pub words: u64,
}

impl Found {
    pub fn new(terms: usize) -> Found {
        Found { df: vec![0; terms], ..Found::default() }
    }

    /// Counts one article looked at, with its terms' raws, and keeps it if
    /// `plan` lists it.
    pub fn add(&mut self, plan: &Plan, article: usize, length: u32, raws: &[Raw]) {
        self.seen += 1;
        self.words += u64::from(length);
        for (df, raw) in self.df.iter_mut().zip(raws) {
            *df += u32::from(raw.matched());
        }
        if let Some(lacking) = plan.lacking(raws) {
            self.keep(article, length, lacking, raws.iter().copied());
        }
    }

    /// Counts `articles` looked at, of `words` words in all, whose matches
    /// are counted and kept with [`Found::matched`] and [`Found::keep`].
    pub fn looked_at(&mut self, articles: usize, words: u64) {
        self.seen += articles;
        self.words += words;
    }

    /// Counts one article's matched terms (bit `t` for term `t`) into their
    /// document frequencies.
    #[inline]
    pub fn matched(&mut self, mut mask: u32) {
        while mask != 0 {
            self.df[mask.trailing_zeros() as usize] += 1;
            mask &= mask - 1;
        }
    }

    /// Keeps a listed article with its terms' raws.
    #[inline]
    pub fn keep(&mut self, article: usize, length: u32, lacking: u32, raws: impl Iterator<Item = Raw>) {
        let id = u32::try_from(article).unwrap_or(u32::MAX);
        self.articles.push((id, length, lacking));
        self.raws.extend(raws);
    }

    /// Adds another part's finds, which follow this one's in article order.
    pub fn append(&mut self, other: Found) {
        self.articles.extend(other.articles);
        self.raws.extend(other.raws);
        for (df, more) in self.df.iter_mut().zip(other.df) {
            *df += more;
        }
        self.seen += other.seen;
        self.words += other.words;
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
    /// `k1 + 1`, per mille of quality; 0 for a negated term. Every listed
    /// article is scored with these, so nothing is worked out again.
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
        let weights = plan
            .terms
            .iter()
            .zip(&idf)
            .map(|(term, idf)| if term.term.negated { 0.0 } else { idf * (K1 + 1.0) / 1000.0 })
            .collect();
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

    /// Each term's BM25 points in an article of `length` words.
    fn term_points<'a>(&'a self, raws: &'a [Raw], length: u32) -> impl Iterator<Item = f64> + 'a {
        let norm = K1 * (1.0 - B + B * f64::from(length) / self.average_length);
        raws.iter().zip(&self.idf).zip(&self.plan.terms).map(move |((raw, idf), term)| {
            if !raw.matched() || term.term.negated {
                return 0.0;
            }
            let tf = if raw.title > 0 { TITLE_OCCURRENCES } else { 0.0 } + f64::from(raw.occurrences);
            idf * raw.quality() * tf * (K1 + 1.0) / (tf + norm)
        })
    }

    /// The first phase's score: per group, its best term's points. Every
    /// listed article is scored, so nothing is allocated here.
    fn points(&self, raws: &[Raw], length: u32) -> f64 {
        let norm = K1 * (1.0 - B + B * f64::from(length) / self.average_length);
        let mut total = 0.0;
        for group in &self.plan.groups {
            let mut best: f64 = 0.0;
            for t in group.clone() {
                let raw = &raws[t];
                let quality = raw.title.max(raw.body);
                if quality > 0 {
                    let tf = if raw.title > 0 { TITLE_OCCURRENCES } else { 0.0 } + f64::from(raw.occurrences);
                    best = best.max(self.weights[t] * f64::from(quality) * tf / (tf + norm));
                }
            }
            total += best;
        }
        total
    }

    /// The listed articles of `found` with their first-phase scores, in
    /// article order. When enough have every word, only those.
    pub fn hits(&self, found: &Found) -> Vec<super::Hit> {
        let stride = self.plan.terms.len();
        let missing = |lacking: u32| (lacking & self.telling).count_ones();
        let complete = found.articles.iter().filter(|(_, _, lacking)| missing(*lacking) == 0).count();
        let with_missing = complete < FEW;
        found
            .articles
            .iter()
            .zip(found.raws.chunks(stride.max(1)))
            .filter(|((_, _, lacking), _)| with_missing || missing(*lacking) == 0)
            .map(|(&(article, length, lacking), raws)| super::Hit {
                article: article as usize,
                score: to_score(self.points(raws, length)) - i64::from(missing(lacking)) * MISSING_WORD,
            })
            .collect()
    }

    /// The second phase, on the best of `ranked` hits (best first): the
    /// lead and proximity bonuses, read from each article's text.
    pub fn rerank(
        &self,
        ranked: &mut [super::Hit],
        article: impl Fn(usize) -> Option<Arc<Article>>,
        view: View,
    ) {
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
        let title = std::iter::once((None, article.title.as_str()));
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
        let lead: f64 =
            lead.iter().zip(&idf).map(|(&q, idf)| LEAD_WEIGHT * idf * f64::from(q) / 1000.0).sum();
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

    /// An article's score in parts, read from its text: what `--json`
    /// shows. The parts add up to the score search gave it (when it was
    /// among the [`RERANK`] best; below, without the bonuses).
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

/// A score in parts, for `--json`.
#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    pub terms: Vec<TermPart>,
    /// The article's length in words.
    pub length: u32,
    pub lead: f64,
    pub proximity: f64,
    /// For a plain query of several words: how many of them it has, of how
    /// many (each one missing costs [`MISSING_WORD`]).
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

/// Points as a whole score. Not `f64::round`, a call into the maths
/// library for every listed article: points are never negative.
fn to_score(points: f64) -> i64 {
    (points * SCALE + 0.5) as i64
}

/// Each term's raw match in `article`, read from its text, and its length
/// in words: what the index records, the slow way.
pub fn raws_of(article: &Article, terms: &[TermMatcher], view: View) -> (Vec<Raw>, u32) {
    raws_with(article, terms, view, |word, qualities| {
        for (term, quality) in terms.iter().zip(qualities) {
            *quality = match term.term.kind {
                Kind::Phrase => 0,
                _ => term.score_word(word),
            };
        }
    })
}

/// Each term's raw match in `article` and its length in words, with each
/// word's qualities (one a term, 0 for a phrase) written by `qualities`:
/// matched afresh, or remembered across articles as `--filter`'s scan does.
pub fn raws_with(
    article: &Article,
    terms: &[TermMatcher],
    view: View,
    mut qualities: impl FnMut(&str, &mut [u32]),
) -> (Vec<Raw>, u32) {
    let mut raws = vec![Raw::default(); terms.len()];
    let mut found = vec![0; terms.len()];
    let mut length = 0u32;
    let text = article.text();
    let body = body_texts(&text, view).flat_map(|(_, paragraph)| words_of(paragraph));
    let words = words_of(&article.title).map(|w| (true, w)).chain(body.map(|w| (false, w)));
    for (in_title, (_, word)) in words {
        length = length.saturating_add(1);
        qualities(word, &mut found);
        for ((term, raw), &quality) in terms.iter().zip(&mut raws).zip(&found) {
            record(raw, term, in_title, quality);
        }
    }
    for (term, raw) in terms.iter().zip(&mut raws) {
        if term.term.kind == Kind::Phrase {
            *raw = phrase_raw(article, term, view);
        }
    }
    (raws, length)
}

/// Counts one word's match of `term` (of `quality`, 0 for none) into `raw`.
#[inline]
fn record(raw: &mut Raw, term: &TermMatcher, in_title: bool, quality: u32) {
    if quality == 0 {
        return;
    }
    if in_title && term.term.field.includes_title() {
        raw.title = raw.title.max(quality);
    } else if !in_title && term.term.field.includes_body() {
        raw.body = raw.body.max(quality);
        raw.occurrences += 1;
    }
}

/// A phrase's raw match, found by reading the article.
pub fn phrase_raw(article: &Article, term: &TermMatcher, view: View) -> Raw {
    let mut raw = Raw::default();
    let matchers = std::slice::from_ref(term);
    let exact = super::matcher::quality::EXACT;
    if term.term.field.includes_title() && !super::matcher::find_in_text(&article.title, matchers).is_empty()
    {
        raw.title = exact;
    }
    if term.term.field.includes_body() {
        let text = article.text();
        let found: usize =
            body_texts(&text, view).map(|(_, p)| super::matcher::find_in_text(p, matchers).len()).sum();
        if found > 0 {
            raw.body = exact;
            raw.occurrences = u32::try_from(found).unwrap_or(u32::MAX);
        }
    }
    raw
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
