//! Stories: the articles about one event, grouped. Two articles are one
//! story when their rare words overlap (cosine of tf-idf vectors over the
//! words no more than a few articles hold) *and* they share at least
//! [`SHARED_NAMES`] rare names or numbers, and their dates (when both are
//! known) are close: a shared topic alone, or a shared site's furniture,
//! is not enough. Reprints of one text (word shingles nearly all shared)
//! count once.

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::terms::{Rarity, article_words, is_content};
use crate::corpus::{Article, Corpus, View};
use crate::search::Index;
use crate::search::matcher::words_of;

/// Pairs at least this alike (cosine) may be one story. Chosen on the
/// story corpora of `examples/stories-eval.rs` (BENCHMARKS.md, "Issue 18").
pub const SAME_STORY: f32 = 0.22;

/// Rare names or numbers (see [`Rarity::is_specific`]) two takes on one
/// event must share.
pub const SHARED_NAMES: usize = 2;

/// Takes whose dates are further apart than this are not one story.
const MAX_DAYS_APART: i32 = 4;

/// Reprints share at least this share of their word shingles.
pub const REPRINT: f32 = 0.5;

/// A paragraph repeated in more articles than this is a site's furniture,
/// not a reprint.
const SITE_WIDE: usize = 8;

/// Words a shingle is long.
const SHINGLE: usize = 4;

/// A word held by more articles than this says what kind of article it
/// is, not what happened: it is left out of the vectors.
fn common_above(articles: usize) -> u32 {
    (articles / 200).max(64) as u32
}

/// An article's few most telling words that look for its partners.
const SEED_TERMS: usize = 10;

/// One story: two or more articles about the same event.
#[derive(Debug, Clone, PartialEq)]
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

/// An article's vector: (term, weight) by term id, unit length.
type Vector = Vec<(u32, f32)>;

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

/// Titles sharing this many rare words are one story at a lower cosine
/// ([`TITLED_STORY`]): a short or badly extracted body still has its
/// title.
const SHARED_TITLE_WORDS: usize = 2;
const TITLED_STORY: f32 = 0.15;

/// Below this many articles, how many hold a word says nothing of its
/// rarity: every word weighs the same (stopwords still left out).
const FEW_ARTICLES: usize = 20;

/// What grouping knows of each article, computed once.
struct Features {
    vectors: Vec<Vector>,
    specific: Vec<bool>,
    titles: Vec<Vec<u32>>,
    /// The numbers in each title: "13-inch" against "16-inch" is two
    /// models of one product line, not one story.
    title_numbers: Vec<Vec<String>>,
    reprinted: Vec<(u32, u32)>,
    /// Pairs that share a paragraph another article also repeats, or
    /// name the same site: one site's pages, whose likeness is the site's.
    same_site: FxHashSet<(u32, u32)>,
}

impl Features {
    fn of(corpus: &Corpus, index: &Index, rarity: &Rarity) -> Features {
        let scans: Vec<Scan> = corpus.articles().par_iter().map(|a| Scan::of(a)).collect();
        let mut repeated = repeated_paragraphs(&scans);
        let (reprinted, same_site) = shared_paragraph_pairs(&scans, &repeated);
        // A reprint's paragraphs are its text, not furniture: kept in the
        // vectors, so the reprints still meet the other takes.
        let reprint_set: FxHashSet<Pair> = reprinted.iter().copied().collect();
        repeated.retain(|_, list| {
            list.iter()
                .enumerate()
                .any(|(i, &a)| list[i + 1..].iter().any(|&b| !reprint_set.contains(&(a, b))))
        });
        let mut same_site: FxHashSet<(u32, u32)> = same_site.into_iter().collect();
        same_site.extend(same_site_by_meta(corpus));
        let vectors = vectors(corpus, index, rarity, &scans, &repeated);
        Features {
            vectors,
            specific: (0..rarity.term_count() as u32).map(|t| rarity.is_specific(t)).collect(),
            titles: title_terms(corpus, rarity, index.articles()),
            title_numbers: corpus.articles().iter().map(|a| title_numbers(&a.title)).collect(),
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
    let pairs = candidates(&features.vectors, &features.titles);
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
    let mut stories: Vec<Story> =
        groups.into_values().filter(|g| g.len() >= 2).map(|g| story(corpus, g, &centrality)).collect();
    stories.sort_by(|a, b| b.articles.len().cmp(&a.articles.len()).then(a.articles[0].cmp(&b.articles[0])));
    stories
}

/// Pairs of one site by what the articles say of themselves: the same
/// site name, or addresses on the same host.
fn same_site_by_meta(corpus: &Corpus) -> Vec<(u32, u32)> {
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

/// A site with more pages than this is not checked page against page
/// (quadratic); its furniture is still left out of the vectors.
const SITE_PAIRS_MAX: usize = 2_000;

/// An article's paragraphs as hashes with their word counts.
struct Scan {
    paragraphs: Vec<(u64, u32)>,
    words: u32,
}

impl Scan {
    fn of(article: &Article) -> Scan {
        let text = article.text();
        let paragraphs: Vec<(u64, u32)> = text
            .searchable(View::Clean)
            .map(|p| (hash_paragraph(p), p.split_ascii_whitespace().count() as u32))
            .filter(|&(_, words)| words > 0)
            .collect();
        let words = paragraphs.iter().map(|&(_, w)| w).sum();
        Scan { paragraphs, words }
    }
}

/// A paragraph's hash: its bytes, trimmed (sanitising made its white
/// space single spaces already).
fn hash_paragraph(text: &str) -> u64 {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(text.trim().as_bytes());
    hasher.finish()
}

/// Paragraphs more than one article holds, with the articles holding
/// them: a site's furniture, or a reprint's text. Sorted rather than
/// hashed: a map of every paragraph of 100,000 articles took 1.4 s
/// (BENCHMARKS.md, "Issue 18").
fn repeated_paragraphs(scans: &[Scan]) -> FxHashMap<u64, Vec<u32>> {
    let mut all: Vec<(u64, u32)> = scans
        .iter()
        .enumerate()
        .flat_map(|(article, scan)| scan.paragraphs.iter().map(move |&(hash, _)| (hash, article as u32)))
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
fn shared_paragraph_pairs(scans: &[Scan], repeated: &FxHashMap<u64, Vec<u32>>) -> (Vec<Pair>, Vec<Pair>) {
    let mut shared: FxHashMap<(u32, u32), u32> = FxHashMap::default();
    for (article, scan) in scans.iter().enumerate() {
        for &(hash, words) in &scan.paragraphs {
            let Some(list) = repeated.get(&hash).filter(|l| l.len() <= SITE_WIDE) else { continue };
            for &other in list.iter().filter(|&&o| o as usize > article) {
                *shared.entry((article as u32, other)).or_default() += words;
            }
        }
    }
    let (mut reprints, mut sites): (Vec<Pair>, Vec<Pair>) = (Vec::new(), Vec::new());
    for ((a, b), words) in shared {
        let least = scans[a as usize].words.min(scans[b as usize].words).max(1);
        if words as f32 >= REPRINT * least as f32 { reprints.push((a, b)) } else { sites.push((a, b)) }
    }
    reprints.sort_unstable();
    (reprints, sites)
}

/// Each article's vector over the terms that are neither common nor
/// stopwords, read from the index's postings (reading the text again took
/// three times as long: BENCHMARKS.md, "Issue 18"), less the words of
/// paragraphs other articles repeat (a site's furniture would make two
/// pages of one site look alike).
fn vectors(
    corpus: &Corpus,
    index: &Index,
    rarity: &Rarity,
    scans: &[Scan],
    repeated: &FxHashMap<u64, Vec<u32>>,
) -> Vec<Vector> {
    let articles = index.articles();
    let cap = common_above(articles);
    let mut vectors: Vec<Vector> = vec![Vec::new(); articles];
    for term in 0..rarity.term_count() as u32 {
        if rarity.df(term) > cap || !is_content(rarity.term(term)) {
            continue;
        }
        for &word in rarity.spellings(term) {
            index.for_each_posting(word, 0..articles, |p| {
                let tf = f32::from(p.title) + f32::from(p.body);
                let vector = &mut vectors[p.article as usize];
                // A term's spellings come one after another: "Niger" adds to
                // "niger" in the same article.
                match vector.last_mut() {
                    Some((t, w)) if *t == term => *w += tf,
                    _ => vector.push((term, tf)),
                }
            });
        }
    }
    let few = rarity.articles() < FEW_ARTICLES;
    vectors.par_iter_mut().enumerate().for_each(|(article, vector)| {
        let furnished =
            scans.get(article).is_some_and(|s| s.paragraphs.iter().any(|(h, _)| repeated.contains_key(h)));
        if furnished && let Some(article) = corpus.get(article) {
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
    });
    vectors
}

/// Takes the words of `article`'s repeated paragraphs out of its counts.
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

/// The rare words of each article's title, as sorted term ids.
fn title_terms(corpus: &Corpus, rarity: &Rarity, indexed: usize) -> Vec<Vec<u32>> {
    let cap = common_above(indexed);
    corpus
        .articles()
        .iter()
        .map(|article| {
            let mut terms: Vec<u32> = words_of(&article.title)
                .filter_map(|(_, w)| {
                    let folded = w.to_lowercase();
                    rarity.id(&folded).filter(|&t| is_content(&folded) && rarity.df(t) <= cap)
                })
                .collect();
            terms.sort_unstable();
            terms.dedup();
            terms
        })
        .collect()
}

/// A title's model numbers: words mixing letters and digits ("X200",
/// "9to5Mac") and numbers joined to a word by a hyphen ("13-inch").
fn title_numbers(title: &str) -> Vec<String> {
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
fn common(a: &[u32], b: &[u32]) -> usize {
    a.iter().filter(|t| b.binary_search(t).is_ok()).count()
}

/// Pairs worth comparing: an article with each later article holding two
/// of its [`SEED_TERMS`] most telling words, or a rare word of its title.
/// Words more than [`SEED_HOLDERS`] articles hold find no partners. On
/// 100,000 articles of random text, one shared word made a hundred million
/// pairs (BENCHMARKS.md, "Issue 18"); two make few.
fn candidates(vectors: &[Vector], titles: &[Vec<u32>]) -> Vec<Pair> {
    let mut holders: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for (article, vector) in vectors.iter().enumerate() {
        for &(term, _) in vector {
            holders.entry(term).or_default().push(article as u32);
        }
    }
    let mut title_holders: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for (article, title) in titles.iter().enumerate() {
        for &term in title {
            title_holders.entry(term).or_default().push(article as u32);
        }
    }
    let per_article: Vec<Vec<Pair>> = (0..vectors.len() as u32)
        .into_par_iter()
        .map(|a| {
            let mut best: Vec<&(u32, f32)> = vectors[a as usize].iter().collect();
            best.sort_by(|x, y| y.1.total_cmp(&x.1));
            let mut shared: FxHashMap<u32, u32> = FxHashMap::default();
            let seeds = best.iter().take(SEED_TERMS).filter_map(|&&(term, _)| holders.get(&term));
            for list in seeds.filter(|l| l.len() <= SEED_HOLDERS) {
                for &b in list.iter().filter(|&&b| b > a) {
                    *shared.entry(b).or_default() += 1;
                }
            }
            let titled = titles[a as usize].iter().filter_map(|term| title_holders.get(term));
            for list in titled.filter(|l| l.len() <= SEED_HOLDERS) {
                for &b in list.iter().filter(|&&b| b > a) {
                    *shared.entry(b).or_default() += 2;
                }
            }
            let mut pairs: Vec<Pair> =
                shared.into_iter().filter(|&(_, n)| n >= 2).map(|(b, _)| (a, b)).collect();
            pairs.sort_unstable();
            pairs
        })
        .collect();
    per_article.into_iter().flatten().collect()
}

/// See [`candidates`].
const SEED_HOLDERS: usize = 50;

/// The cosine of two vectors and how many names or numbers they share.
fn overlap(a: &Vector, b: &Vector, specific: &[bool]) -> (f32, usize) {
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
fn story(corpus: &Corpus, mut group: Vec<usize>, centrality: &[f32]) -> Story {
    let central: Vec<f32> = group.iter().map(|&a| centrality[a]).collect();
    let first =
        (0..group.len()).max_by(|&i, &j| central[i].total_cmp(&central[j]).then(j.cmp(&i))).unwrap_or(0);
    let head = group.remove(first);
    group.sort_unstable();
    group.insert(0, head);
    let reprints = reprints(corpus, &group);
    let title = corpus.get(head).map(|a| a.title.clone()).unwrap_or_default();
    Story { title, reports: group.len() - reprints.len(), articles: group, reprints }
}

/// Within a story, the articles that reprint an earlier one (in the
/// story's order), each with the one it reprints.
fn reprints(corpus: &Corpus, group: &[usize]) -> Vec<(usize, usize)> {
    let shingles: Vec<FxHashSet<u64>> =
        group.iter().map(|&id| corpus.get(id).map(shingles_of).unwrap_or_default()).collect();
    let mut found = Vec::new();
    for i in 1..group.len() {
        if let Some(j) = (0..i).find(|&j| {
            !found.iter().any(|&(r, _)| r == group[j]) && jaccard(&shingles[i], &shingles[j]) >= REPRINT
        }) {
            found.push((group[i], group[j]));
        }
    }
    found
}

/// The hashes of an article's runs of [`SHINGLE`] words, case folded.
pub fn shingles_of(article: &crate::corpus::Article) -> FxHashSet<u64> {
    use std::hash::{Hash, Hasher};
    let words: Vec<String> = article_words(article).iter().map(|w| w.to_lowercase()).collect();
    words
        .windows(SHINGLE)
        .map(|window| {
            let mut hasher = rustc_hash::FxHasher::default();
            window.hash(&mut hasher);
            hasher.finish()
        })
        .collect()
}

/// The share of shingles two sets have in common.
pub fn jaccard(a: &FxHashSet<u64>, b: &FxHashSet<u64>) -> f32 {
    let union = a.len() + b.len();
    if union == 0 {
        return 0.0;
    }
    let common = a.intersection(b).count();
    common as f32 / (union - common) as f32
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

/// For evaluation: every pair grouping looks at.
pub fn candidate_pairs(corpus: &Corpus, index: &Index, rarity: &Rarity) -> Vec<(usize, usize)> {
    let features = Features::of(corpus, index, rarity);
    candidates(&features.vectors, &features.titles)
        .into_iter()
        .map(|(a, b)| (a as usize, b as usize))
        .collect()
}

/// For evaluation: how alike each pair is (cosine, shared names, shared
/// title words, whether one site's) and the names they share, rarest first.
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
