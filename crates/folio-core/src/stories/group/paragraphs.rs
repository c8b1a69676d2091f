//! Paragraphs several articles hold, from the articles' signatures: a
//! site's furniture (its pages are not one story for sharing it) or one
//! text printed twice (a reprint, which counts once). And pages that say
//! they are of one site.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::Pair;
use crate::corpus::Corpus;
use crate::stories::signature::Signature;

/// A paragraph repeated in more articles than this is a site's furniture,
/// not a reprint.
const SITE_WIDE: usize = 8;

/// Reprints have at least this share of the shorter one's words in
/// paragraphs both hold, or share this share of their shingles.
pub const REPRINT: f32 = 0.5;

/// A site with more pages than this is not checked page against page
/// (quadratic); its furniture is still left out of the vectors.
const SITE_PAIRS_MAX: usize = 2_000;

/// Paragraphs more than one article holds, with the articles holding
/// them. Sorted rather than hashed: a map of every paragraph of 100,000
/// articles took 1.4 s (BENCHMARKS.md, "Issue 18").
pub fn repeated(signatures: &[&Signature]) -> FxHashMap<u64, Vec<u32>> {
    let mut all: Vec<(u64, u32)> = signatures
        .iter()
        .enumerate()
        .flat_map(|(article, s)| s.paragraphs().map(move |(hash, _)| (hash, article as u32)))
        .collect();
    all.par_sort_unstable();
    all.dedup();
    let mut holders: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    for run in all.chunk_by(|a, b| a.0 == b.0).filter(|run| run.len() >= 2) {
        holders.insert(run[0].0, run.iter().map(|&(_, article)| article).collect());
    }
    holders
}

/// Pairs of articles that share paragraphs no more than [`SITE_WIDE`]
/// articles hold: reprints when most of their words are in them (one text
/// printed twice), else pages of one site (its furniture).
pub fn shared_pairs(
    signatures: &[&Signature],
    repeated: &FxHashMap<u64, Vec<u32>>,
) -> (Vec<Pair>, Vec<Pair>) {
    let mut shared: FxHashMap<Pair, u32> = FxHashMap::default();
    for (article, signature) in signatures.iter().enumerate() {
        for (hash, words) in signature.paragraphs() {
            let Some(list) = repeated.get(&hash).filter(|l| l.len() <= SITE_WIDE) else { continue };
            for &other in list.iter().filter(|&&o| o as usize > article) {
                *shared.entry((article as u32, other)).or_default() += words;
            }
        }
    }
    let (mut reprints, mut sites): (Vec<Pair>, Vec<Pair>) = (Vec::new(), Vec::new());
    for ((a, b), words) in shared {
        let least = signatures[a as usize].words().min(signatures[b as usize].words()).max(1);
        if words as f32 >= REPRINT * least as f32 { reprints.push((a, b)) } else { sites.push((a, b)) }
    }
    reprints.sort_unstable();
    (reprints, sites)
}

/// Pairs of one site by what the articles say of themselves: the same
/// site name, or addresses on the same host.
pub fn same_site_by_meta(corpus: &Corpus) -> Vec<Pair> {
    let mut by_site: FxHashMap<String, Vec<u32>> = FxHashMap::default();
    for article in corpus.articles() {
        let host =
            article.meta.url.as_deref().and_then(|u| u.split("//").nth(1)).and_then(|r| r.split('/').next());
        let site = article.meta.site.as_deref().or(host).map(|s| s.trim_start_matches("www.").to_lowercase());
        if let Some(site) = site.filter(|s| !s.is_empty()) {
            by_site.entry(site).or_default().push(article.id as u32);
        }
    }
    let mut pairs = Vec::new();
    for list in by_site.values().filter(|l| l.len() <= SITE_PAIRS_MAX) {
        for (i, &a) in list.iter().enumerate() {
            pairs.extend(list[i + 1..].iter().map(|&b| (a.min(b), a.max(b))));
        }
    }
    pairs
}
