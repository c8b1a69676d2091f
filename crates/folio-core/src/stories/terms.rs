//! How rare each word is in a corpus, read from the word index: words
//! folded to lower case (the index keeps case: "Niger" and "niger" are one
//! term here), how many articles hold each, how often it is written with a
//! capital (names and places are), and each article's length in words.

use rustc_hash::FxHashMap;

use crate::corpus::{Article, View};
use crate::search::Index;
use crate::search::matcher::words_of;

/// Common English words: they say nothing of what an article is about, and
/// in a corpus of five articles their rarity cannot be told from the
/// counts. Sorted, for a binary search.
const STOPWORDS: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
    "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
    "could", "did", "do", "does", "doing", "down", "during", "each", "even", "few", "for", "from", "further",
    "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "however", "i", "if",
    "in", "into", "is", "it", "its", "just", "like", "made", "make", "many", "may", "me", "more", "most",
    "much", "must", "my", "new", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or",
    "other", "our", "out", "over", "own", "per", "said", "same", "say", "says", "she", "should", "since",
    "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "through", "to", "too", "two", "under", "until", "up", "us", "very", "was", "we", "were",
    "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "year",
    "years", "you", "your",
];

/// Whether `folded` (lower case) is a common English word.
pub fn is_stopword(folded: &str) -> bool {
    STOPWORDS.binary_search(&folded).is_ok()
}

/// Pretend articles that hold no word: in a corpus of five, a word all five
/// hold is still worth something (every seed says "Niger", and that is
/// what they are about), while in a corpus of thousands this is noise.
const PRIOR_ARTICLES: f32 = 10.0;

/// Inverse document frequency, smoothed by `PRIOR_ARTICLES`.
pub fn idf(df: u32, articles: usize) -> f32 {
    ((articles as f32 + PRIOR_ARTICLES) / (df as f32 + 0.5)).ln().max(0.0)
}

/// The words of an article's clean text (title included) as written, in
/// order; stopwords included, as shingles need them.
pub fn article_words(article: &Article) -> Vec<String> {
    let text = article.text();
    let mut words = Vec::new();
    for paragraph in text.searchable(View::Clean) {
        words.extend(words_of(paragraph).map(|(_, w)| w.to_owned()));
    }
    words
}

/// Whether a lower-case word can say what an article is about: not a
/// stopword, not a lone letter, and not a bare number of under three
/// digits or the zeros of "1,000".
pub fn is_content(folded: &str) -> bool {
    if folded.chars().all(|c| c.is_ascii_digit()) {
        return folded.len() >= 3 && folded.bytes().any(|b| b != b'0');
    }
    folded.chars().count() >= 2 && !is_stopword(folded)
}

/// What the index says of each term, folded.
#[derive(Debug, Clone, Default)]
pub struct Rarity {
    ids: FxHashMap<Box<str>, u32>,
    terms: Vec<Box<str>>,
    /// The index's word ids of each term (its spellings by case), as ranges
    /// of `spellings`.
    spelling_start: Vec<u32>,
    spellings: Vec<u32>,
    df: Vec<u32>,
    /// Occurrences of each term, and those written with a capital.
    occurrences: Vec<u32>,
    capitalised: Vec<u32>,
    /// Each article's words, as the index counts them.
    lengths: Vec<u32>,
    articles: usize,
}

impl Rarity {
    /// One pass over the index's postings.
    pub fn new(index: &Index) -> Rarity {
        let articles = index.articles();
        let mut ids: FxHashMap<Box<str>, u32> = FxHashMap::default();
        let mut terms: Vec<Box<str>> = Vec::new();
        let mut term_of = Vec::with_capacity(index.word_count());
        for word in 0..index.word_count() as u32 {
            let folded = index.word(word).to_lowercase();
            let id = *ids.entry(folded.as_str().into()).or_insert_with(|| {
                terms.push(folded.as_str().into());
                (terms.len() - 1) as u32
            });
            term_of.push(id);
        }
        let mut spelling_start = vec![0u32; terms.len() + 1];
        for &t in &term_of {
            spelling_start[t as usize + 1] += 1;
        }
        for t in 0..terms.len() {
            spelling_start[t + 1] += spelling_start[t];
        }
        let mut fill = spelling_start.clone();
        let mut spellings = vec![0u32; term_of.len()];
        for (word, &t) in term_of.iter().enumerate() {
            spellings[fill[t as usize] as usize] = word as u32;
            fill[t as usize] += 1;
        }
        let mut df = vec![0u32; terms.len()];
        let mut occurrences = vec![0u32; terms.len()];
        let mut capitalised = vec![0u32; terms.len()];
        let mut lengths = vec![0u32; articles];
        for (word, &t) in term_of.iter().enumerate() {
            let upper = index.word(word as u32).chars().next().is_some_and(char::is_uppercase);
            let t = t as usize;
            index.for_each_posting(word as u32, 0..articles, |p| {
                let n = u32::from(p.title) + u32::from(p.body);
                // Two spellings in one article count it twice: rare, and
                // only for words written both ways, so left so.
                df[t] += 1;
                occurrences[t] += n;
                if upper {
                    capitalised[t] += n;
                }
                if let Some(length) = lengths.get_mut(p.article as usize) {
                    *length += n;
                }
            });
        }
        Rarity { ids, terms, spelling_start, spellings, df, occurrences, capitalised, lengths, articles }
    }

    pub fn articles(&self) -> usize {
        self.articles
    }

    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// The term id of a lower-case word, if the corpus holds it.
    pub fn id(&self, folded: &str) -> Option<u32> {
        self.ids.get(folded).copied()
    }

    pub fn term(&self, id: u32) -> &str {
        &self.terms[id as usize]
    }

    /// The index's word ids spelling term `id`.
    pub fn spellings(&self, id: u32) -> &[u32] {
        let (a, b) = (self.spelling_start[id as usize], self.spelling_start[id as usize + 1]);
        &self.spellings[a as usize..b as usize]
    }

    /// How many articles hold term `id`.
    pub fn df(&self, id: u32) -> u32 {
        self.df[id as usize]
    }

    pub fn idf(&self, id: u32) -> f32 {
        idf(self.df(id), self.articles)
    }

    /// Whether term `id` names something: mostly written with a capital
    /// (people, places, bodies) or holding a digit (numbers, models).
    pub fn is_specific(&self, id: u32) -> bool {
        let i = id as usize;
        self.terms[i].chars().any(|c| c.is_ascii_digit())
            || self.capitalised[i] * 10 >= self.occurrences[i] * 6 && self.occurrences[i] > 0
    }

    /// Article `article`'s length in words, as indexed.
    pub fn length(&self, article: usize) -> u32 {
        self.lengths.get(article).copied().unwrap_or(0)
    }

    /// The mean article length, at least one.
    pub fn mean_length(&self) -> f32 {
        let total: u64 = self.lengths.iter().map(|&l| u64::from(l)).sum();
        (total as f32 / self.articles.max(1) as f32).max(1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_are_sorted_for_the_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stopword("the") && !is_stopword("niger"));
    }

    #[test]
    fn a_rarer_word_weighs_more_and_every_weight_is_positive() {
        assert!(idf(1, 5) > idf(5, 5));
        assert!(idf(5, 5) > 0.0);
        assert!(idf(100_000, 100_000) >= 0.0);
    }
}
