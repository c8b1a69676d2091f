//! Fuzzy filtering of the corpus: which articles match a query, how well, and
//! which characters of each title to highlight. Knows nothing of the UI.
//!
//! A query is words separated by spaces, and every word must match. A word
//! matches an article when it fuzzy-matches the title or one *word* of the
//! body. Matching whole bodies letter by letter would let almost any query
//! match a long article through letters scattered across the page.

use std::collections::BTreeSet;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::corpus::{Corpus, View, text};

/// Title matches count for more than body matches: a title says what an
/// article is about, a body word may be a passing mention.
const TITLE_WEIGHT: i64 = 2;

/// The distinct words of each article, built once per corpus so a keystroke
/// scores each word once, not each of its occurrences.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    words: Vec<Vec<String>>,
}

impl SearchIndex {
    /// The index over the cleaned text: site furniture is not searched.
    pub fn build(corpus: &Corpus) -> Self {
        SearchIndex::build_for(corpus, View::Clean)
    }

    /// The index over what `view` shows: the raw view searches furniture too.
    pub fn build_for(corpus: &Corpus, view: View) -> Self {
        let words = corpus
            .articles()
            .iter()
            .map(|article| {
                let distinct: BTreeSet<&str> = article
                    .searchable(view)
                    .flat_map(text::words)
                    .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                    .collect();
                distinct.into_iter().map(str::to_owned).collect()
            })
            .collect();
        SearchIndex { words }
    }
}

/// One article that matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub article: usize,
    pub score: i64,
    /// Character positions in the title to highlight, ascending.
    pub title_positions: Vec<usize>,
}

impl Hit {
    fn unranked(article: usize) -> Self {
        Hit { article, score: 0, title_positions: Vec::new() }
    }
}

/// The articles matching `query`, best first; ties keep corpus order. An
/// empty query matches everything, in corpus order.
pub fn filter(corpus: &Corpus, index: &SearchIndex, query: &str) -> Vec<Hit> {
    let terms: Vec<&str> = query.split_whitespace().collect();
    if terms.is_empty() {
        return (0..corpus.len()).map(Hit::unranked).collect();
    }
    // Smart case: a term with a capital letter matches case-sensitively.
    let matcher = SkimMatcherV2::default().smart_case();
    let mut hits: Vec<Hit> = corpus
        .articles()
        .iter()
        .filter_map(|article| {
            let words = index.words.get(article.id).map_or(&[][..], Vec::as_slice);
            score_article(&matcher, &article.title, words, &terms).map(|(score, positions)| Hit {
                article: article.id,
                score,
                title_positions: positions,
            })
        })
        .collect();
    // A stable sort keeps corpus order among equal scores.
    hits.sort_by_key(|hit| std::cmp::Reverse(hit.score));
    hits
}

fn score_article(
    matcher: &SkimMatcherV2,
    title: &str,
    words: &[String],
    terms: &[&str],
) -> Option<(i64, Vec<usize>)> {
    let mut total = 0;
    let mut positions = BTreeSet::new();
    for term in terms {
        let in_title = matcher.fuzzy_indices(title, term);
        let in_body = words.iter().filter_map(|w| matcher.fuzzy_match(w, term)).max();
        let title_score = in_title.as_ref().map(|(s, _)| s * TITLE_WEIGHT);
        total += title_score.max(in_body)?;
        if let Some((_, at)) = in_title {
            positions.extend(at);
        }
    }
    Some((total, positions.into_iter().collect()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Article;

    fn corpus(texts: &[&str]) -> Corpus {
        Corpus::new(
            texts.iter().enumerate().map(|(i, t)| Article::from_text(i, format!("{i}.txt"), t)).collect(),
        )
    }

    fn ids(hits: &[Hit]) -> Vec<usize> {
        hits.iter().map(|h| h.article).collect()
    }

    #[test]
    fn empty_query_lists_everything_in_order() {
        let c = corpus(&["One Headline Here", "Two Headline Here"]);
        assert_eq!(ids(&filter(&c, &SearchIndex::build(&c), "  ")), [0, 1]);
    }

    #[test]
    fn every_term_must_match() {
        let c = corpus(&[
            "Niger Talks Continue Today\n\nThe uranium deal was discussed.",
            "Niger Talks Continue Today\n\nNothing about that here.",
        ]);
        let index = SearchIndex::build(&c);
        assert_eq!(ids(&filter(&c, &index, "niger uranium")), [0]);
        assert!(filter(&c, &index, "niger zzzz").is_empty());
    }

    #[test]
    fn title_matches_rank_above_body_matches_and_are_highlighted() {
        let c = corpus(&[
            "Markets Open Higher Today\n\nA drone flew over.",
            "Drone Base Expansion Planned\n\nText.",
        ]);
        let hits = filter(&c, &SearchIndex::build(&c), "drone");
        assert_eq!(ids(&hits), [1, 0]);
        assert_eq!(hits[0].title_positions, [0, 1, 2, 3, 4]);
        assert!(hits[1].title_positions.is_empty());
    }

    #[test]
    fn a_capital_makes_the_term_case_sensitive() {
        let c = corpus(&["Story About Something\n\nthe niger river", "Story About Something\n\nNiger state"]);
        let index = SearchIndex::build(&c);
        assert_eq!(ids(&filter(&c, &index, "Niger")), [1]);
        assert_eq!(filter(&c, &index, "niger").len(), 2);
    }
}
