//! Stories: the articles about one event, grouped. Two articles are one
//! story when their rare words overlap (cosine of tf-idf vectors over the
//! words no more than a few articles hold) *and* they share at least
//! [`SHARED_NAMES`] rare names or numbers, and their dates (when both are
//! known) are close: a shared topic alone, or a shared site's furniture,
//! is not enough. Reprints of one text (most paragraphs or word shingles
//! shared) count once. What is read of the text was taken when it was
//! parsed (`signature`): grouping reads the index and those.

mod explain;
mod paragraphs;
mod vectors;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use super::signature::Signature;
use super::terms::Rarity;
use crate::corpus::Corpus;
use crate::search::Index;
pub use explain::{Explained, candidate_pairs, explain};
pub use paragraphs::REPRINT;
use vectors::{Vector, candidates, common, overlap, title_numbers};

/// Pairs at least this alike (cosine) may be one story. Chosen on the
/// story corpora of `examples/stories-eval.rs` (BENCHMARKS.md, "Issue 18").
pub const SAME_STORY: f32 = 0.22;

/// Rare names or numbers (see [`Rarity::is_specific`]) two takes on one
/// event must share.
pub const SHARED_NAMES: usize = 2;

/// Takes whose dates are further apart than this are not one story.
const MAX_DAYS_APART: i32 = 4;

/// Titles sharing this many rare words are one story at a lower cosine
/// ([`TITLED_STORY`]): a short or badly extracted body still has its
/// title.
const SHARED_TITLE_WORDS: usize = 2;
const TITLED_STORY: f32 = 0.15;

/// One story: two or more articles about the same event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// The title of its most central take.
    pub title: String,
    /// Article ids, the most central first, then in corpus order.
    pub articles: Vec<usize>,
    /// Distinct takes: reprints of one text count once.
    pub reports: usize,
    /// `(reprint, original)` pairs of article ids.
    pub reprints: Vec<(usize, usize)>,
}

/// Two article ids, the lower first.
type Pair = (u32, u32);

/// How alike two takes must be to be one story.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// The least cosine of the two articles' rare-word vectors.
    pub same_story: f32,
    /// The least number of rare names and numbers they share.
    pub shared_names: usize,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { same_story: SAME_STORY, shared_names: SHARED_NAMES }
    }
}

/// What grouping knows of each article, computed once.
struct Features {
    vectors: Vec<Vector>,
    specific: Vec<bool>,
    titles: Vec<Vec<u32>>,
    /// The numbers in each title: "13-inch" against "16-inch" is two
    /// models of one product line, not one story.
    title_numbers: Vec<Vec<String>>,
    /// Pairs most of whose words are paragraphs both hold.
    reprinted: Vec<Pair>,
    /// Pairs that share a paragraph another article also repeats, or
    /// name the same site: one site's pages, whose likeness is the site's.
    same_site: FxHashSet<Pair>,
}

impl Features {
    fn of(corpus: &Corpus, index: &Index, rarity: &Rarity) -> Features {
        let signatures: Vec<&Signature> = corpus.articles().iter().map(|a| &a.signature).collect();
        let mut repeated = paragraphs::repeated(&signatures);
        let (reprinted, same_site) = paragraphs::shared_pairs(&signatures, &repeated);
        // A reprint's paragraphs are its text, not furniture: kept in the
        // vectors, so the reprints still meet the other takes.
        let reprint_set: FxHashSet<Pair> = reprinted.iter().copied().collect();
        repeated.retain(|_, list| {
            list.iter()
                .enumerate()
                .any(|(i, &a)| list[i + 1..].iter().any(|&b| !reprint_set.contains(&(a, b))))
        });
        let mut same_site: FxHashSet<Pair> = same_site.into_iter().collect();
        same_site.extend(paragraphs::same_site_by_meta(corpus));
        let furnished: Vec<bool> =
            signatures.iter().map(|s| s.paragraphs().any(|(hash, _)| repeated.contains_key(&hash))).collect();
        let (vectors, titles) = vectors::vectors(corpus, index, rarity, &furnished, &repeated);
        Features {
            vectors,
            specific: (0..rarity.term_count() as u32).map(|t| rarity.is_specific(t)).collect(),
            titles,
            title_numbers: corpus.articles().par_iter().map(|a| title_numbers(&a.title)).collect(),
            reprinted,
            same_site,
        }
    }

    /// How alike `a` and `b` are: cosine, shared names, shared title words.
    fn likeness(&self, a: usize, b: usize) -> (f32, usize, usize) {
        let (cos, names) = overlap(&self.vectors[a], &self.vectors[b], &self.specific);
        (cos, names, common(&self.titles[a], &self.titles[b]))
    }

    /// Whether `a` and `b` (a < b) tell one story, and how alike they are.
    fn same_story(&self, corpus: &Corpus, a: usize, b: usize, limits: Thresholds) -> Option<f32> {
        let (na, nb) = (&self.title_numbers[a], &self.title_numbers[b]);
        let other_model = !na.is_empty() && !nb.is_empty() && !na.iter().any(|n| nb.contains(n));
        if other_model || self.same_site.contains(&(a as u32, b as u32)) || !dates_close(corpus, a, b) {
            return None;
        }
        let (cos, names, title) = self.likeness(a, b);
        let alike = cos >= limits.same_story && names >= limits.shared_names;
        let titled = title >= SHARED_TITLE_WORDS && cos >= TITLED_STORY;
        (alike || titled).then_some(cos)
    }
}

/// The stories of `corpus` (indexed as `index`), largest first.
pub fn find_stories(corpus: &Corpus, index: &Index, rarity: &Rarity) -> Vec<Story> {
    find_stories_with(corpus, index, rarity, Thresholds::default())
}

/// [`find_stories`] with other thresholds: for evaluation.
pub fn find_stories_with(corpus: &Corpus, index: &Index, rarity: &Rarity, limits: Thresholds) -> Vec<Story> {
    let features = Features::of(corpus, index, rarity);
    let articles = features.vectors.len();
    let mut links = DisjointSets::new(articles);
    let mut centrality = vec![0f32; articles];
    for &(a, b) in &features.reprinted {
        links.join(a as usize, b as usize);
    }
    let pairs = candidates(&features.vectors, &features.titles, rarity.term_count());
    let linked: Vec<(usize, usize, f32)> = pairs
        .par_iter()
        .filter_map(|&(a, b)| {
            let (a, b) = (a as usize, b as usize);
            features.same_story(corpus, a, b, limits).map(|cos| (a, b, cos))
        })
        .collect();
    for (a, b, cos) in linked {
        links.join(a, b);
        centrality[a] += cos;
        centrality[b] += cos;
    }
    let mut groups: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for article in 0..articles {
        groups.entry(links.root(article)).or_default().push(article);
    }
    let mut stories: Vec<Story> = groups
        .into_values()
        .filter(|g| g.len() >= 2)
        .map(|g| story(corpus, g, &centrality, &features.reprinted))
        .collect();
    stories.sort_by(|a, b| b.articles.len().cmp(&a.articles.len()).then(a.articles[0].cmp(&b.articles[0])));
    stories
}

/// Whether two articles' dates allow one event: unknown dates do.
fn dates_close(corpus: &Corpus, a: usize, b: usize) -> bool {
    let date = |id| corpus.get(id).and_then(|article: &crate::corpus::Article| article.meta.date());
    match (date(a), date(b)) {
        (Some(x), Some(y)) => {
            let days = |d: crate::corpus::meta::Date| {
                i32::from(d.year) * 372 + i32::from(d.month) * 31 + i32::from(d.day)
            };
            (days(x) - days(y)).abs() <= MAX_DAYS_APART
        }
        _ => true,
    }
}

/// A group made a story: ordered, titled, its reprints found.
fn story(corpus: &Corpus, mut group: Vec<usize>, centrality: &[f32], reprinted: &[Pair]) -> Story {
    let central: Vec<f32> = group.iter().map(|&a| centrality[a]).collect();
    let first =
        (0..group.len()).max_by(|&i, &j| central[i].total_cmp(&central[j]).then(j.cmp(&i))).unwrap_or(0);
    let head = group.remove(first);
    group.sort_unstable();
    group.insert(0, head);
    let reprints = reprints(corpus, &group, reprinted);
    let title = corpus.get(head).map(|a| a.title.clone()).unwrap_or_default();
    Story { title, reports: group.len() - reprints.len(), articles: group, reprints }
}

/// Within a story, the articles that reprint an earlier one (in the
/// story's order), each with the one it reprints: most of its words in
/// paragraphs both hold, or most of its word shingles shared.
fn reprints(corpus: &Corpus, group: &[usize], reprinted: &[Pair]) -> Vec<(usize, usize)> {
    let signature = |id: usize| corpus.get(id).map(|a| &a.signature);
    let alike = |a: usize, b: usize| {
        let pair = (a.min(b) as u32, a.max(b) as u32);
        reprinted.binary_search(&pair).is_ok()
            || signature(a).zip(signature(b)).is_some_and(|(x, y)| x.likeness(y) >= REPRINT)
    };
    let mut found: Vec<(usize, usize)> = Vec::new();
    for i in 1..group.len() {
        let original =
            (0..i).find(|&j| !found.iter().any(|&(r, _)| r == group[j]) && alike(group[i], group[j]));
        if let Some(j) = original {
            found.push((group[i], group[j]));
        }
    }
    found
}

/// Union-find over article ids, for the stories the links make.
struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    fn new(len: usize) -> Self {
        DisjointSets { parent: (0..len).collect() }
    }

    fn root(&mut self, mut at: usize) -> usize {
        while self.parent[at] != at {
            self.parent[at] = self.parent[self.parent[at]];
            at = self.parent[at];
        }
        at
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        if a != b {
            self.parent[a.max(b)] = a.min(b);
        }
    }
}
