//! For evaluation (`examples/stories-eval.rs`): every pair grouping looks
//! at, and why a pair was or was not one story.

use super::Features;
use super::vectors::candidates;
use crate::corpus::Corpus;
use crate::search::Index;
use crate::stories::terms::Rarity;

/// Every pair grouping looks at.
pub fn candidate_pairs(corpus: &Corpus, index: &Index, rarity: &Rarity) -> Vec<(usize, usize)> {
    let features = Features::of(corpus, index, rarity);
    candidates(&features.vectors, &features.titles, rarity.term_count())
        .into_iter()
        .map(|(a, b)| (a as usize, b as usize))
        .collect()
}

/// How alike each pair is (cosine, shared names, shared title words,
/// whether one site's) and the names they share, rarest first.
pub fn explain(corpus: &Corpus, index: &Index, rarity: &Rarity, pairs: &[(usize, usize)]) -> Vec<Explained> {
    let features = Features::of(corpus, index, rarity);
    pairs
        .iter()
        .map(|&(a, b)| {
            let (cos, names, title) = features.likeness(a, b);
            let (va, vb) = (&features.vectors[a], &features.vectors[b]);
            let mut shared: Vec<(f32, String)> = va
                .iter()
                .filter(|(t, _)| features.specific[*t as usize] && vb.iter().any(|(u, _)| u == t))
                .map(|&(t, _)| (rarity.idf(t), rarity.term(t).to_owned()))
                .collect();
            shared.sort_by(|x, y| y.0.total_cmp(&x.0));
            let same_site = features.same_site.contains(&(a.min(b) as u32, a.max(b) as u32));
            Explained {
                cos,
                names,
                title,
                same_site,
                shared: shared.into_iter().take(8).map(|(_, w)| w).collect(),
            }
        })
        .collect()
}

/// How alike a pair is, for evaluation.
#[derive(Debug, Clone)]
pub struct Explained {
    pub cos: f32,
    pub names: usize,
    pub title: usize,
    pub same_site: bool,
    pub shared: Vec<String>,
}
