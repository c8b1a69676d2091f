//! Each article's rare words as a vector read from the word index, the
//! rare words of its title, and the pairs of articles worth comparing.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::Pair;
use crate::corpus::{Article, Corpus, View};
use crate::search::Index;
use crate::search::index::SEGMENT_ARTICLES;
use crate::search::matcher::words_of;
use crate::stories::signature::hash_paragraph;
use crate::stories::terms::{Rarity, is_content};

/// An article's vector: (term, weight) by term id, unit length.
pub type Vector = Vec<(u32, f32)>;

/// Below this many articles, how many hold a word says nothing of its
/// rarity: every word weighs the same (stopwords still left out).
const FEW_ARTICLES: usize = 20;

/// An article's few most telling words that look for its partners.
const SEED_TERMS: usize = 10;

/// See [`candidates`].
const SEED_HOLDERS: usize = 50;

/// A word held by more articles than this says what kind of article it
/// is, not what happened: it is left out of the vectors.
fn common_above(articles: usize) -> u32 {
    (articles / 200).max(64) as u32
}

/// Each article's vector over the terms that are neither common nor
/// stopwords, and those of them in its title (sorted), read from the
/// index's postings (reading the text again took
/// three times as long: BENCHMARKS.md, "Issue 18"), less the words of
/// `furnished` articles' paragraphs other articles repeat (a site's
/// furniture would make two pages of one site look alike).
pub fn vectors(
    corpus: &Corpus,
    index: &Index,
    rarity: &Rarity,
    furnished: &[bool],
    repeated: &FxHashMap<u64, Vec<u32>>,
) -> (Vec<Vector>, Vec<Vec<u32>>) {
    let articles = index.articles();
    let cap = common_above(articles);
    let kept: Vec<u32> = (0..rarity.term_count() as u32)
        .filter(|&term| rarity.df(term) <= cap && is_content(rarity.term(term)))
        .collect();
    let mut vectors: Vec<Vector> = vec![Vec::new(); articles];
    let mut titles: Vec<Vec<u32>> = vec![Vec::new(); articles];
    // A segment of the index at a time, in parallel: each reads only its
    // own articles' postings and fills only their vectors.
    let chunks = vectors.par_chunks_mut(SEGMENT_ARTICLES).zip(titles.par_chunks_mut(SEGMENT_ARTICLES));
    chunks.enumerate().for_each(|(segment, (chunk, titled))| {
        let start = segment * SEGMENT_ARTICLES;
        let range = start..start + chunk.len();
        for &term in &kept {
            for &word in rarity.spellings(term) {
                index.for_each_posting(word, range.clone(), |p| {
                    let tf = f32::from(p.title) + f32::from(p.body);
                    let at = p.article as usize - start;
                    // Titles' words looked up one by one took longer
                    // than all the postings (BENCHMARKS.md, "Issue 18").
                    if p.title > 0 && titled[at].last() != Some(&term) {
                        titled[at].push(term);
                    }
                    let vector = &mut chunk[at];
                    // A term's spellings come one after another: "Niger"
                    // adds to "niger" in the same article.
                    match vector.last_mut() {
                        Some((t, w)) if *t == term => *w += tf,
                        _ => vector.push((term, tf)),
                    }
                });
            }
        }
    });
    let few = rarity.articles() < FEW_ARTICLES;
    vectors.par_iter_mut().enumerate().for_each(|(article, vector)| {
        if furnished.get(article).copied().unwrap_or(false)
            && let Some(article) = corpus.get(article)
        {
            less_furniture(vector, article, rarity, repeated);
        }
        vector.retain(|&(_, tf)| tf > 0.0);
        let weight = |t: u32| if few { 1.0 } else { rarity.idf(t) };
        vector.iter_mut().for_each(|(t, tf)| *tf = (1.0 + tf.ln()) * weight(*t));
        let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            vector.iter_mut().for_each(|(_, w)| *w /= norm);
        }
        // Words only this article holds count in its length (above) but
        // can match nothing: dropped to save memory and time.
        vector.retain(|&(t, _)| rarity.df(t) >= 2);
        // Grown a posting at a time, then thinned: up to half of it spare,
        // for every article while grouping runs (BENCHMARKS.md, "Memory at
        // 100,000 articles, ninth session").
        vector.shrink_to_fit();
    });
    titles.par_iter_mut().for_each(|titled| titled.shrink_to_fit());
    (vectors, titles)
}

/// Takes the words of `article`'s repeated paragraphs out of its counts:
/// the only place grouping unpacks a text, and only for the articles
/// that hold such a paragraph.
fn less_furniture(
    counts: &mut Vector,
    article: &Article,
    rarity: &Rarity,
    repeated: &FxHashMap<u64, Vec<u32>>,
) {
    let text = article.text();
    for paragraph in text.searchable(View::Clean) {
        if !repeated.contains_key(&hash_paragraph(paragraph)) {
            continue;
        }
        for (_, word) in words_of(paragraph) {
            let Some(term) = rarity.id(&word.to_lowercase()) else { continue };
            if let Ok(at) = counts.binary_search_by_key(&term, |&(t, _)| t) {
                counts[at].1 -= 1.0;
            }
        }
    }
}

/// A title's model numbers: words mixing letters and digits ("X200",
/// "9to5Mac") and numbers joined to a word by a hyphen ("13-inch").
pub fn title_numbers(title: &str) -> Vec<String> {
    words_of(title)
        .filter(|&(at, w)| {
            let digits = w.chars().any(|c| c.is_ascii_digit());
            let letters = w.chars().any(char::is_alphabetic);
            digits && (letters || title[at + w.len()..].starts_with('-'))
        })
        .map(|(_, w)| w.to_lowercase())
        .collect()
}

/// How many of two sorted lists' terms are in both.
pub fn common(a: &[u32], b: &[u32]) -> usize {
    a.iter().filter(|t| b.binary_search(t).is_ok()).count()
}

/// Pairs worth comparing: an article with each later article holding two
/// of its [`SEED_TERMS`] most telling words, or a rare word of its title.
/// Words more than [`SEED_HOLDERS`] articles hold find no partners. On
/// 100,000 articles of random text, one shared word made a hundred million
/// pairs (BENCHMARKS.md, "Issue 18"); two make few.
pub fn candidates(vectors: &[Vector], titles: &[Vec<u32>], terms: usize) -> Vec<Pair> {
    let holders = Holders::of(vectors.iter().map(|v| v.iter().map(|&(t, _)| t)), terms);
    let title_holders = Holders::of(titles.iter().map(|t| t.iter().copied()), terms);
    let per_article: Vec<Vec<Pair>> = (0..vectors.len() as u32)
        .into_par_iter()
        .map(|a| {
            let mut best: Vec<(u32, f32)> = vectors[a as usize].clone();
            if best.len() > SEED_TERMS {
                best.select_nth_unstable_by(SEED_TERMS, |x, y| y.1.total_cmp(&x.1));
                best.truncate(SEED_TERMS);
            }
            let mut shared: Vec<u32> = Vec::new();
            for &(term, _) in &best {
                shared.extend(holders.holding(term).iter().filter(|&&b| b > a));
            }
            for &term in &titles[a as usize] {
                // A title word counts as two telling words.
                let later = title_holders.holding(term).iter().filter(|&&b| b > a);
                shared.extend(later.flat_map(|&b| [b, b]));
            }
            shared.sort_unstable();
            shared.chunk_by(|x, y| x == y).filter(|run| run.len() >= 2).map(|run| (a, run[0])).collect()
        })
        .collect();
    per_article.into_iter().flatten().collect()
}

/// The articles holding each term, for the terms no more than
/// [`SEED_HOLDERS`] articles hold (the rest hold none): flat arrays
/// rather than a map of lists, which took most of grouping's time.
struct Holders {
    start: Vec<u32>,
    articles: Vec<u32>,
}

impl Holders {
    fn of<I: Iterator<Item = u32>>(lists: impl Iterator<Item = I> + Clone, terms: usize) -> Holders {
        let mut count = vec![0u32; terms + 1];
        for term in lists.clone().flatten() {
            count[term as usize] += 1;
        }
        let mut start = vec![0u32; terms + 1];
        let mut total = 0;
        for term in 0..terms {
            start[term] = total;
            if count[term] as usize <= SEED_HOLDERS {
                total += count[term];
            }
        }
        start[terms] = total;
        let mut fill = start.clone();
        let mut articles = vec![0u32; total as usize];
        for (article, list) in lists.enumerate() {
            for term in list {
                let t = term as usize;
                if count[t] as usize <= SEED_HOLDERS {
                    articles[fill[t] as usize] = article as u32;
                    fill[t] += 1;
                }
            }
        }
        Holders { start, articles }
    }

    fn holding(&self, term: u32) -> &[u32] {
        let t = term as usize;
        match (self.start.get(t), self.start.get(t + 1)) {
            (Some(&a), Some(&b)) => &self.articles[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// The cosine of two vectors and how many names or numbers they share.
pub fn overlap(a: &Vector, b: &Vector, specific: &[bool]) -> (f32, usize) {
    let (mut i, mut j, mut cos, mut names) = (0, 0, 0.0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                cos += a[i].1 * b[j].1;
                names += usize::from(specific[a[i].0 as usize]);
                i += 1;
                j += 1;
            }
        }
    }
    (cos, names)
}
