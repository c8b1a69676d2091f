//! Keyword search over the corpus: the query language (`query`), matching
//! words and text (`matcher`), the word index (`index`), ranking (here),
//! snippets and highlights (`marks`) and the background worker (`worker`).
//! Knows nothing of the UI.
//!
//! Ranking (`rank`): BM25-style weights from the index, then the lead and
//! proximity of the best articles read from their text. Equal scores keep
//! corpus (file-name) order.

pub mod index;
pub mod marks;
pub mod matcher;
pub mod query;
pub mod rank;
pub mod scan;
pub mod worker;

use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

pub use index::Index;
pub use query::Query;

use crate::corpus::{Article, Corpus, Text, View};
use matcher::TermMatcher;
use query::{Kind, Term};
use rank::{Found, Plan, Ranking, Raw};

/// Articles scored by one thread in a step (one segment of the index); a
/// step scores a chunk per core. After each step, partial results are
/// reported and a newer query may cancel the rest.
pub const CHUNK_ARTICLES: usize = 16_384;

/// Below this many articles a chunk is scored on one thread: starting
/// threads would cost more than it saves.
const PARALLEL_MIN_ARTICLES: usize = 2_048;

/// One article that matched, with its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub article: usize,
    pub score: i64,
}

impl Hit {
    /// Whether the article lacks some words of a plain query (soft AND):
    /// such hits score below zero, below every hit with all the words.
    pub fn lacks_words(&self) -> bool {
        self.score < 0
    }
}

/// Runs queries over one corpus, in either view (site furniture hidden, or
/// searched too). Keeps the words matched by recent terms, so a term that
/// grows by a letter is checked only against the words its shorter form
/// matched.
pub struct Searcher {
    corpus: Arc<Corpus>,
    /// The view `index` and `matched_words` are for.
    view: View,
    /// Shared, so that the cache can be written from it on a thread of its
    /// own while searches go on.
    index: Arc<Index>,
    matched_words: MatchedWords,
    /// The other view's index and memory, once it has been asked for, kept
    /// for when `r` flips back.
    spare: Option<(View, Arc<Index>, MatchedWords)>,
    /// The weights of the last search that ran to its end, to explain it.
    ranking: Option<Ranking>,
}

/// Words (ids in one index) with their scores.
type WordScores = Arc<[(u32, i64)]>;

/// What recent terms matched in the current index.
type MatchedWords = FxHashMap<Term, WordScores>;

/// The paragraphs of an article's body that search reads in `view`: those
/// the reader shows, less the numbered link lists.
pub fn body_texts(text: &Text, view: View) -> impl Iterator<Item = (usize, &str)> {
    text.body(view).filter(|(_, p)| p.is_prose()).map(|(i, p)| (i, p.text.as_str()))
}

/// Terms' matched words kept at once; past this the memory starts afresh.
const TERM_CACHE_LIMIT: usize = 256;

/// A phrase's words looked up in the index to narrow the articles read for
/// it: a few rule out nearly every article a longer phrase would.
const PHRASE_WORDS_LOOKED_UP: usize = 8;

impl Searcher {
    /// A searcher over `corpus`, building its index (the costly part).
    pub fn new(corpus: Arc<Corpus>) -> Self {
        let index = Arc::new(Index::build(corpus.articles(), View::Clean));
        Searcher {
            corpus,
            view: View::Clean,
            index,
            matched_words: FxHashMap::default(),
            spare: None,
            ranking: None,
        }
    }

    /// Makes `view`'s index the current one, building it the first time.
    fn use_view(&mut self, view: View) {
        if self.view == view {
            return;
        }
        let (_, index, words) =
            self.spare.take().filter(|(spare, _, _)| *spare == view).unwrap_or_else(|| {
                (view, Arc::new(Index::build(self.corpus.articles(), view)), FxHashMap::default())
            });
        let old_index = std::mem::replace(&mut self.index, index);
        let old_words = std::mem::replace(&mut self.matched_words, words);
        self.spare = Some((self.view, old_index, old_words));
        self.view = view;
    }

    /// A searcher over `corpus` with its clean view's index already built
    /// (read from the cache).
    pub fn with_index(corpus: Arc<Corpus>, index: Index) -> Self {
        let mut searcher = Searcher::new(Arc::new(Corpus::default()));
        searcher.adopt(index);
        searcher.grow(corpus);
        searcher
    }

    /// Takes a clean view's index built elsewhere (read from the cache), if
    /// nothing has been indexed here yet.
    pub fn adopt(&mut self, index: Index) {
        if self.view == View::Clean && self.index.articles() == 0 {
            self.index = Arc::new(index);
            self.matched_words.clear();
        }
    }

    /// The clean view's index, when it covers the whole corpus: not while
    /// the raw view's is the one kept up to date.
    pub fn clean_index(&self) -> Option<&Arc<Index>> {
        let index = match (&self.view, &self.spare) {
            (View::Clean, _) => &self.index,
            (View::Raw, Some((View::Clean, index, _))) => index,
            (View::Raw, _) => return None,
        };
        (index.articles() == self.corpus.len()).then_some(index)
    }

    /// Takes the corpus after it grew (a load streaming in) and indexes the
    /// new articles. New words may match earlier terms, so their memory
    /// goes; so does the other view's index, built again when asked for.
    pub fn grow(&mut self, corpus: Arc<Corpus>) {
        let indexed = self.index.articles();
        if let Some(new) = corpus.articles().get(indexed..) {
            // Copies the index only if a cache is still being written from
            // it, which a load that is still growing never asks for.
            Arc::make_mut(&mut self.index).extend(new, self.view);
        }
        self.corpus = corpus;
        self.matched_words.clear();
        self.spare = None;
    }

    /// Drops the memory of earlier terms, as for a new user.
    pub fn forget(&mut self) {
        self.matched_words.clear();
    }

    /// The ranked matches of `query`, all at once.
    pub fn search(&mut self, query: &Query, view: View) -> Vec<Hit> {
        self.search_in_steps(query, view, &mut |_| true).unwrap_or_default()
    }

    /// The ranked matches of `query`, offering the results so far after
    /// each step of [`CHUNK_ARTICLES`] articles per core. `step` returns
    /// false to stop early (a newer query arrived); then the result is
    /// `None`.
    pub fn search_in_steps(
        &mut self,
        query: &Query,
        view: View,
        step: &mut dyn FnMut(SoFar<'_>) -> bool,
    ) -> Option<Vec<Hit>> {
        self.use_view(view);
        let total = self.corpus.len();
        if query.is_empty() {
            return Some((0..total).map(|article| Hit { article, score: 0 }).collect());
        }
        let plan = Arc::new(Plan::new(query));
        let groups: Vec<Vec<Prepared>> =
            query.groups.iter().map(|g| g.iter().map(|t| self.prepare(t)).collect()).collect();
        let mut found = Found::new(plan.terms.len());
        // A step is a chunk per core, each scored whole on its own thread:
        // a thread then reads one segment's postings, and no thread
        // decodes postings only to skip them.
        let cores = rayon::current_num_threads();
        let mut start = 0;
        while start < total {
            let end = (start + CHUNK_ARTICLES * cores).min(total);
            self.score_chunk(&groups, &plan, start..end, &mut found);
            if end < total && !step(SoFar { found: &found, plan: &plan, total }) {
                return None;
            }
            start = end;
        }
        let ranking = Ranking::new(plan, &found, total);
        let mut hits = ranking.hits(&found);
        rank_in_article_order(&mut hits);
        let corpus = &self.corpus;
        ranking.rerank(&mut hits, |id| corpus.articles().get(id).cloned(), self.view);
        self.ranking = Some(ranking);
        Some(hits)
    }

    /// The weights of the last search that ran to its end: what
    /// [`Ranking::explain`] needs.
    pub fn ranking(&self) -> Option<&Ranking> {
        self.ranking.as_ref()
    }

    fn prepare(&mut self, term: &Term) -> Prepared {
        let matcher = TermMatcher::new(term);
        let words = match term.kind {
            Kind::Phrase => self.phrase_word_candidates(&matcher),
            _ => vec![self.words_matching(&matcher)],
        };
        Prepared { matcher, words }
    }

    /// The vocabulary words `matcher` matches, with their scores.
    fn words_matching(&mut self, matcher: &TermMatcher) -> WordScores {
        let term = &matcher.term;
        if let Some(hit) = self.matched_words.get(term) {
            return Arc::clone(hit);
        }
        let single = single_letter_of(term);
        // Scoring a word is the dear part of a short term, which
        // matches thousands of words: spread over the cores.
        let this = &*self;
        let matched: WordScores = match (single, self.narrower_than(matcher)) {
            (Some(letter), _) => self.index.single_letter(letter).unwrap_or_default().into(),
            (None, Some(parent)) => {
                let found: Vec<(u32, i64)> =
                    parent.par_iter().filter_map(|&(id, _)| this.score(matcher, id)).collect();
                found.into()
            }
            (None, _) => {
                let found: Vec<(u32, i64)> = (0..this.index.word_count() as u32)
                    .into_par_iter()
                    .filter_map(|id| this.score(matcher, id))
                    .collect();
                found.into()
            }
        };
        if self.matched_words.len() >= TERM_CACHE_LIMIT {
            self.matched_words.clear();
        }
        self.matched_words.insert(term.clone(), Arc::clone(&matched));
        matched
    }

    /// The cached words of a shorter form of `term` that matches every word
    /// `term` can match: the same kind, scope and case, typed one or more
    /// letters earlier, with the same typo rules (a term of 5 or 9 letters
    /// may match words its shorter forms do not). Suffix terms grow at the
    /// wrong end, so never.
    fn narrower_than(&self, matcher: &TermMatcher) -> Option<WordScores> {
        let term = &matcher.term;
        if !matches!(term.kind, Kind::Fuzzy | Kind::Exact | Kind::Prefix) {
            return None;
        }
        let mut shorter = term.clone();
        while shorter.text.pop().is_some() && !shorter.text.is_empty() {
            if let Some(words) = self.matched_words.get(&shorter) {
                return TermMatcher::new(&shorter).covers(matcher).then(|| Arc::clone(words));
            }
        }
        None
    }

    fn score(&self, matcher: &TermMatcher, id: u32) -> Option<(u32, i64)> {
        if !matcher.could_match(self.index.mask(id)) {
            return None;
        }
        let word = self.index.word(id);
        let quality = matcher.score_word(word);
        (quality > 0).then_some((id, i64::from(quality)))
    }

    /// For a phrase, the words that could hold it, one list per phrase word:
    /// an article must have a word from each list to be worth reading.
    /// Only the first `PHRASE_WORDS_LOOKED_UP` words and the last are looked
    /// up (each is a pass over the vocabulary): the articles are read for
    /// the whole phrase anyway, so a longer phrase costs reading, not passes.
    fn phrase_word_candidates(&mut self, matcher: &TermMatcher) -> Vec<WordScores> {
        let words = matcher.phrase_words().to_vec();
        let last = words.len().saturating_sub(1);
        let mut candidates = Vec::with_capacity(words.len());
        let looked_up = words.iter().enumerate().filter(|(i, _)| *i < PHRASE_WORDS_LOOKED_UP || *i == last);
        for (i, wanted) in looked_up {
            let text: String = wanted.iter().collect();
            // The last word may still be being typed, so it is a prefix.
            let kind = if i == last { Kind::Prefix } else { Kind::Exact };
            let part = TermMatcher::new(&Term { text, kind, ..matcher.term.clone() });
            let found = self.words_matching(&part);
            let whole_words: WordScores = if i == last {
                found
            } else {
                found
                    .iter()
                    .copied()
                    .filter(|&(id, _)| self.index.word(id).chars().count() == wanted.len())
                    .collect()
            };
            candidates.push(whole_words);
        }
        candidates
    }

    /// Scores a chunk of articles, split across the machine's cores when it
    /// is big enough to be worth a thread.
    fn score_chunk(
        &self,
        groups: &[Vec<Prepared>],
        plan: &Plan,
        range: std::ops::Range<usize>,
        found: &mut Found,
    ) {
        let threads = rayon::current_num_threads().min(range.len() / PARALLEL_MIN_ARTICLES);
        if threads < 2 {
            self.score_range(groups, plan, range, found);
            return;
        }
        // Not a thread started, nor the system asked for its cores (which
        // reads cgroup files), on every step: the pool's threads are
        // ready, and it knows how many there are.
        let step = range.len().div_ceil(threads);
        let starts: Vec<usize> = (range.start..range.end).step_by(step).collect();
        let parts: Vec<Found> = starts
            .into_par_iter()
            .map(|start| {
                let mut part = Found::new(plan.terms.len());
                self.score_range(groups, plan, start..(start + step).min(range.end), &mut part);
                part
            })
            .collect();
        for part in parts {
            found.append(part);
        }
    }

    fn score_range(
        &self,
        groups: &[Vec<Prepared>],
        plan: &Plan,
        range: std::ops::Range<usize>,
        found: &mut Found,
    ) {
        let scored: Vec<TermScores> =
            groups.iter().flatten().map(|term| self.score_term(term, range.clone())).collect();
        if plan.tabulated() {
            self.keep_tabulated(plan, &scored, range, found);
            return;
        }
        let mut raws = vec![Raw::default(); scored.len()];
        for (offset, article) in range.enumerate() {
            for (raw, scores) in raws.iter_mut().zip(&scored) {
                *raw = scores.at[offset];
            }
            found.add(plan, article, self.index.length(article), &raws);
        }
    }

    /// Counts and keeps a range's articles by the plan's table of outcomes:
    /// each article's matched terms as the bits of a number, found term by
    /// term in one pass over each term's scores, then looked up. Reading
    /// every term's raws for every article and walking the groups cost
    /// more than the postings did (BENCHMARKS.md, "Keystroke and
    /// `--filter` after issue 16").
    fn keep_tabulated(
        &self,
        plan: &Plan,
        scored: &[TermScores],
        range: std::ops::Range<usize>,
        found: &mut Found,
    ) {
        // Each article's matched terms, and its terms matched as words.
        let mut masks = vec![(0u32, 0u32); range.len()];
        for (t, scores) in scored.iter().enumerate() {
            for (mask, raw) in masks.iter_mut().zip(&scores.at) {
                mask.0 |= u32::from(raw.matched()) << t;
                mask.1 |= u32::from(raw.has_word()) << t;
            }
        }
        let lengths = self.index.lengths(range.clone());
        found.looked_at(range.len(), lengths.iter().map(|&l| u64::from(l)).sum());
        for (offset, &(matched, words)) in masks.iter().enumerate() {
            found.matched(matched);
            if let Some(missing) = plan.outcome(matched, words) {
                let length = lengths.get(offset).copied().unwrap_or(0);
                found.keep(range.start + offset, length, missing, scored.iter().map(|s| s.at[offset]));
            }
        }
    }

    fn score_term(&self, term: &Prepared, range: std::ops::Range<usize>) -> TermScores {
        let mut scores = TermScores::new(range.len());
        let field = term.matcher.term.field;
        if term.matcher.term.kind == Kind::Phrase {
            self.score_phrase(term, range, &mut scores);
            return scores;
        }
        let (in_title, in_body) = (field.includes_title(), field.includes_body());
        if let Some(table) = single_letter_of(&term.matcher.term).and_then(|c| self.index.letter_table(c)) {
            // The same scores the words' postings give, read off the table.
            for (at, article) in range.enumerate() {
                if in_title {
                    scores.at[at].title = u32::from(table.title[article]);
                }
                if in_body {
                    scores.at[at].body = u32::from(table.body[article]);
                    scores.at[at].occurrences = table.occurrences[article];
                }
            }
            return scores;
        }
        let Some(words) = term.words.first() else { return scores };
        for &(id, score) in words.iter() {
            let score = points(score);
            self.index.for_each_posting(id, range.clone(), |posting| {
                let at = posting.article as usize - range.start;
                if in_title && posting.title > 0 {
                    scores.at[at].title = scores.at[at].title.max(score);
                }
                if in_body && posting.body > 0 {
                    scores.at[at].body = scores.at[at].body.max(score);
                    scores.at[at].occurrences += u32::from(posting.body);
                }
            });
        }
        scores
    }

    fn score_phrase(&self, term: &Prepared, range: std::ops::Range<usize>, scores: &mut TermScores) {
        // Articles that hold every word of the phrase somewhere...
        let mut candidates: Option<Vec<bool>> = None;
        for words in &term.words {
            let mut has = vec![false; range.len()];
            for &(id, _) in words.iter() {
                self.index.for_each_posting(id, range.clone(), |posting| {
                    has[posting.article as usize - range.start] = true;
                });
            }
            candidates = Some(match candidates {
                Some(so_far) => so_far.iter().zip(&has).map(|(a, b)| *a && *b).collect(),
                None => has,
            });
        }
        let Some(candidates) = candidates else { return };
        // ...are read to find the phrase itself.
        for (offset, _) in candidates.iter().enumerate().filter(|(_, c)| **c) {
            let Some(article) = self.corpus.get(range.start + offset) else { continue };
            scores.at[offset] = rank::phrase_raw(article, &term.matcher, self.view);
        }
    }

    pub fn corpus(&self) -> &Arc<Corpus> {
        &self.corpus
    }
}

/// A term with the index words it can match (for a phrase, one list per
/// phrase word).
struct Prepared {
    matcher: TermMatcher,
    words: Vec<WordScores>,
}

/// One term's raw matches for each article of a chunk, by position in it.
/// Side by side and four bytes each: a search updates them for millions of
/// postings, one cache line a posting, and a step's scores stay in the
/// core's cache.
struct TermScores {
    at: Vec<Raw>,
}

/// A word's quality as [`Raw`] keeps it.
fn points(score: i64) -> u32 {
    u32::try_from(score.max(0)).unwrap_or(u32::MAX)
}

impl TermScores {
    fn new(len: usize) -> Self {
        TermScores { at: vec![Raw::default(); len] }
    }
}

/// The letter of a one-letter term whose matches are every word holding
/// it (case aside): what the index scores in advance.
fn single_letter_of(term: &Term) -> Option<char> {
    match term.kind {
        // "A" that starts a sentence-like query is not case-sensitive: it
        // looks for "a" as much as "A".
        Kind::Fuzzy | Kind::Exact if !term.case_sensitive => {
            single_char(&term.text).filter(char::is_ascii).map(|c| c.to_ascii_lowercase())
        }
        _ => None,
    }
}

/// The one character of a one-character text.
fn single_char(text: &str) -> Option<char> {
    let mut chars = text.chars();
    chars.next().filter(|_| chars.next().is_none())
}

/// The results of a search so far.
pub struct SoFar<'a> {
    found: &'a Found,
    plan: &'a Arc<Plan>,
    /// Articles in the corpus, of which `found` has seen some.
    total: usize,
}

impl SoFar<'_> {
    /// The results so far, ranked by the weights so far, to show.
    pub fn ranked(&self) -> Vec<Hit> {
        let ranking = Ranking::new(Arc::clone(self.plan), self.found, self.total);
        let mut hits = ranking.hits(self.found);
        rank_in_article_order(&mut hits);
        hits
    }
}

/// Best first; equal scores in corpus order.
fn rank(hits: &mut [Hit]) {
    hits.sort_unstable_by_key(rank_key);
}

/// The widest spread of scores that is counted into place; a wider one is
/// sorted. A query's BM25 scores, in thousandths, span far fewer values
/// than a big query has hits (an article lacking words of a plain query
/// scores far below, and sends the ranking to the sort).
const COUNTING_SORT_SPAN: i64 = 1 << 16;

/// Ranks hits that are in article order: best first, and equal scores
/// stay in article order, so the result is what [`rank`] gives. Sorting
/// and merging by comparison after every step took a third as long as the
/// scoring itself (perf, a two-letter query over 100,000 articles).
fn rank_in_article_order(hits: &mut [Hit]) {
    let (Some(best), Some(worst)) = (hits.iter().map(|h| h.score).max(), hits.iter().map(|h| h.score).min())
    else {
        return;
    };
    if best - worst >= COUNTING_SORT_SPAN {
        hits.sort_by_key(|hit| std::cmp::Reverse(hit.score));
        return;
    }
    // The slot of a score counts down from the best; `starts[slot]` ends
    // up as where that slot's hits begin.
    let slot = |hit: &Hit| (best - hit.score) as usize;
    let mut starts = vec![0; (best - worst) as usize + 2];
    for hit in hits.iter() {
        starts[slot(hit) + 1] += 1;
    }
    for at in 1..starts.len() {
        starts[at] += starts[at - 1];
    }
    // Read from a copy: the hits are written back in place.
    let unranked = hits.to_vec();
    for hit in unranked {
        let next = &mut starts[slot(&hit)];
        hits[*next] = hit;
        *next += 1;
    }
}

fn rank_key(hit: &Hit) -> (std::cmp::Reverse<i64>, usize) {
    (std::cmp::Reverse(hit.score), hit.article)
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
    use super::*;
    use crate::corpus::Article;

    fn searcher(texts: &[&str]) -> Searcher {
        let corpus = Arc::new(Corpus::new(
            texts.iter().enumerate().map(|(i, t)| Article::from_text(i, format!("{i}.txt"), t)).collect(),
        ));
        Searcher::new(corpus)
    }

    fn ids(s: &mut Searcher, query: &str) -> Vec<usize> {
        s.search(&Query::parse(query), View::Clean).iter().map(|h| h.article).collect()
    }

    #[test]
    fn empty_query_lists_everything_in_order() {
        let mut s = searcher(&["One Headline Here", "Two Headline Here"]);
        assert_eq!(ids(&mut s, "  "), [0, 1]);
    }

    #[test]
    fn every_group_must_match_and_bars_give_alternatives() {
        let mut s = searcher(&[
            "Niger Talks Continue Today\n\nThe uranium deal was discussed.",
            "Niger Talks Continue Today\n\nRussia was mentioned.",
            "Markets Rise Again Today\n\nNothing here.",
        ]);
        assert_eq!(ids(&mut s, "niger 'uranium"), [0], "an operator is strict");
        let mut either = ids(&mut s, "niger uranium | russia");
        either.sort_unstable();
        assert_eq!(either, [0, 1]);
        assert!(ids(&mut s, "niger 'zzzz").is_empty());
    }

    #[test]
    fn negation_excludes_and_alone_keeps_the_rest_in_order() {
        let mut s = searcher(&[
            "Niger Talks Continue Today\n\nThe coup leaders spoke.",
            "Niger Talks Continue Today\n\nRussia was mentioned.",
            "Markets Rise Again Today\n\nNothing here.",
        ]);
        assert_eq!(ids(&mut s, "niger !coup"), [1]);
        assert_eq!(ids(&mut s, "!coup"), [1, 2]);
        assert_eq!(ids(&mut s, "!^cou"), [1, 2]);
    }

    #[test]
    fn title_matches_rank_above_body_matches_and_more_mentions_rank_higher() {
        let mut s = searcher(&[
            "Markets Open Higher Today\n\nA drone flew over.",
            "Markets Open Higher Today\n\nA drone, a drone, another drone, drone after drone.",
            "Drone Base Expansion Planned\n\nText.",
        ]);
        assert_eq!(ids(&mut s, "drone"), [2, 1, 0]);
    }

    #[test]
    fn fields_scope_terms() {
        let mut s =
            searcher(&["Drone Base Expansion Planned\n\nText.", "Markets Open Higher Today\n\nA drone."]);
        assert_eq!(ids(&mut s, "title:drone"), [0]);
        assert_eq!(ids(&mut s, "b:drone"), [1]);
        assert_eq!(ids(&mut s, "!t:drone"), [1]);
    }

    #[test]
    fn phrases_need_the_words_in_order() {
        let mut s = searcher(&[
            "Story One Headline\n\nThe drone base was built.",
            "Story Two Headline\n\nThe base had a drone.",
        ]);
        assert_eq!(ids(&mut s, "\"drone base\""), [0]);
        assert_eq!(ids(&mut s, "\"drone ba"), [0]);
        assert_eq!(ids(&mut s, "!\"drone base\""), [1]);
    }

    /// Each word of a phrase was a pass over the vocabulary: 3,000 words
    /// over a vocabulary of 30,000 were 10^8 word matches. Quadratic, this
    /// test would take minutes.
    #[test]
    fn a_long_phrase_is_found_without_a_pass_over_the_vocabulary_per_word() {
        let words: Vec<String> = (0..30_000).map(|i| format!("w{i}")).collect();
        let body = words.join(" ");
        let mut s = searcher(&[&format!("Many Words Here\n\n{body}"), "Other Story Here\n\nw1 w2 w3."]);
        assert_eq!(ids(&mut s, &format!("\"{}\"", words[100..3_100].join(" "))), [0]);
        assert!(ids(&mut s, &format!("\"{} w1\"", words[100..3_100].join(" "))).is_empty());
        let mut both = ids(&mut s, "\"w1 w2 w3\"");
        both.sort_unstable();
        assert_eq!(both, [0, 1]);
    }

    #[test]
    fn a_growing_term_reuses_and_agrees_with_a_fresh_search() {
        let texts = ["Uranium Deal Talks\n\nuranium uranus urban", "Other News Today\n\nurn uranium"];
        let mut warm = searcher(&texts);
        let mut results = Vec::new();
        for query in ["u", "ur", "ura", "uran", "urani"] {
            results.push(ids(&mut warm, query));
        }
        let mut cold = searcher(&texts);
        assert_eq!(ids(&mut cold, "urani"), *results.last().expect("ran"));
        for pair in results.windows(2) {
            assert!(pair[1].iter().all(|id| pair[0].contains(id)), "{pair:?}");
        }
    }

    #[test]
    fn only_a_clean_index_that_covers_the_corpus_is_handed_out() {
        let corpus = Corpus::new(vec![Article::from_text(0, "a", "Menu\n\nDrone Base Grows\n\nText.")]);
        let mut s = Searcher::new(Arc::new(corpus.clone()));
        assert!(s.clean_index().is_some());
        s.search(&Query::parse("menu"), View::Raw);
        assert!(s.clean_index().is_some(), "kept aside while the raw view is searched");
        let more = corpus.extended(vec![Article::from_text(0, "b", "Other Story Here\n\nMore.")]);
        s.grow(Arc::new(more));
        assert!(s.clean_index().is_none(), "grown in the raw view only: no clean index of it all");
        s.search(&Query::parse("menu"), View::Clean);
        assert_eq!(s.clean_index().map(|index| index.articles()), Some(2));
    }

    #[test]
    fn one_letter_queries_read_off_the_tables_score_as_reading_every_article_does() {
        let corpus = Arc::new(crate::corpus::load_bundled().corpus);
        let mut searcher = Searcher::new(Arc::clone(&corpus));
        for letter in ('a'..='z').chain('0'..='9') {
            for query in
                [letter.to_string(), format!("'{letter}"), format!("t:{letter}"), format!("!{letter}")]
            {
                let query = Query::parse(&query);
                let fast = searcher.search(&query, View::Clean);
                assert_eq!(fast, scan::scan(&corpus, &query, View::Clean), "{query:?}");
            }
        }
    }

    #[test]
    fn the_index_agrees_with_reading_every_article() {
        let texts = [
            "Niger Talks Continue Today\n\nThe uranium deal, U.S. troops and the drone base.",
            "US Military Kicked Out\n\nRussia and Iran; Bazoum was ousted in July.",
            "Markets Rise Again Today\n\nNothing about Niger here at all.",
        ];
        let mut s = searcher(&texts);
        for query in [
            "niger",
            "Niger",
            "uranum",
            "^baz",
            "ium$",
            "'ran",
            "\"drone base\"",
            "u.s.",
            "t:niger",
            "b:niger !russia",
            "iran | uranium",
            "!niger",
            "july bazum",
        ] {
            let q = Query::parse(query);
            let fast = ids(&mut s, query);
            let slow: Vec<usize> = (0..texts.len())
                .filter(|&i| matches_slowly(s.corpus().get(i).expect("article"), &q, View::Clean).is_some())
                .collect();
            let mut sorted = fast.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, slow, "{query}");
        }
    }

    proptest::proptest! {
        /// Counting hits into place by score ranks them exactly as sorting
        /// does, the fallback for scores spread too wide included.
        #[test]
        fn counting_ranks_as_sorting_does(
            scores in proptest::collection::vec(proptest::prop_oneof![0i64..40, 0i64..200_000], 0..300)
        ) {
            let hits: Vec<Hit> =
                scores.iter().enumerate().map(|(article, &score)| Hit { article, score }).collect();
            let mut counted = hits.clone();
            rank_in_article_order(&mut counted);
            let mut sorted = hits;
            rank(&mut sorted);
            proptest::prop_assert_eq!(counted, sorted);
        }
    }
}
