//! Related articles: those most like a given one by the words they share,
//! each shared word weighted by its rarity (BM25 over the word index, the
//! article's own rarest words as the query), best first, with the shared
//! rare words as the reason.

use rustc_hash::FxHashMap;

use super::terms::{Rarity, article_words, is_content};
use crate::corpus::Article;
use crate::search::Index;

/// The article's words that make the query: its most telling ones. More
/// make the list slower (each reads its postings) and hardly better.
const QUERY_TERMS: usize = 32;

/// BM25's saturation and length normalisation, at their usual values.
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// Shared words given as the reason.
const REASON_WORDS: usize = 4;

/// One related article.
#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    /// Its id in the corpus.
    pub article: usize,
    pub score: f32,
    /// The words it shares with the article asked about that weigh most
    /// there (often and rare), spelled as that article spells them.
    pub shared: Vec<String>,
}

impl Related {
    /// The one-line reason: "shares Bazoum, junta, Agadez".
    pub fn reason(&self) -> String {
        format!("shares {}", self.shared.join(", "))
    }
}

/// A query term: its id, weight and the article's own spelling.
struct QueryTerm {
    id: u32,
    weight: f32,
    spelling: String,
}

/// The articles of the indexed corpus most like `of`, best first, at most
/// `limit`; `skip` (the article itself, when it is in the corpus) is left
/// out. Reads the postings of `of`'s `QUERY_TERMS` most telling words.
pub fn related(
    index: &Index,
    rarity: &Rarity,
    of: &Article,
    skip: Option<usize>,
    limit: usize,
) -> Vec<Related> {
    let query = query_terms(rarity, of, skip.is_some());
    let articles = index.articles();
    let mut scores = vec![0f32; articles];
    // Which query terms each article holds, a bit a term: the reason.
    let mut held = vec![0u32; articles];
    let mean = rarity.mean_length();
    for (bit, term) in query.iter().enumerate() {
        let idf = rarity.idf(term.id);
        for &word in rarity.spellings(term.id) {
            index.for_each_posting(word, 0..articles, |p| {
                let at = p.article as usize;
                let tf = f32::from(p.title) + f32::from(p.body);
                let norm = 1.0 - B + B * rarity.length(at) as f32 / mean;
                scores[at] += term.weight * idf * tf * (K1 + 1.0) / (tf + K1 * norm);
                held[at] |= 1 << bit;
            });
        }
    }
    let mut ranked: Vec<usize> = (0..articles).filter(|&a| scores[a] > 0.0 && Some(a) != skip).collect();
    ranked.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    ranked.truncate(limit);
    ranked
        .into_iter()
        .map(|article| {
            let shared = query
                .iter()
                .enumerate()
                .filter(|(bit, _)| held[article] & (1 << bit) != 0)
                .take(REASON_WORDS)
                .map(|(_, term)| term.spelling.clone())
                .collect();
            Related { article, score: scores[article], shared }
        })
        .collect()
}

/// `of`'s most telling words, rarest-weighted first: tf-idf, with words
/// only `of` holds left out (they can be shared with nothing).
fn query_terms(rarity: &Rarity, of: &Article, in_corpus: bool) -> Vec<QueryTerm> {
    let mut counts: FxHashMap<String, (u32, String)> = FxHashMap::default();
    for word in article_words(of) {
        let folded = word.to_lowercase();
        if is_content(&folded) {
            counts.entry(folded).or_insert((0, word)).0 += 1;
        }
    }
    let mut terms: Vec<QueryTerm> = counts
        .into_iter()
        .filter_map(|(folded, (tf, spelling))| {
            let id = rarity.id(&folded)?;
            let others = rarity.df(id).saturating_sub(u32::from(in_corpus));
            (others > 0).then(|| QueryTerm { id, weight: 1.0 + (tf as f32).ln(), spelling })
        })
        .collect();
    terms.sort_by(|a, b| {
        (b.weight * rarity.idf(b.id)).total_cmp(&(a.weight * rarity.idf(a.id))).then(a.id.cmp(&b.id))
    });
    // The reason lists them in this order: what the article dwells on
    // and few others say.
    terms.truncate(QUERY_TERMS);
    terms
}
