//! The articles a search may list, with their terms' raw matches, found
//! in article order step by step, and the counts that give each term its
//! rarity.

use super::{Plan, Raw};

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
