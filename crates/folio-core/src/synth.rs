//! A synthetic corpus for benchmarks and tests: news-like articles with a
//! realistic vocabulary (the seeds' words plus made-up ones, drawn with
//! Zipf frequencies) and realistic lengths, the same for the same seed.
//!
//! The random generator is a few lines of SplitMix64 rather than a crate,
//! so the corpus for a seed never changes when a dependency is upgraded and
//! benchmark figures stay comparable over time.

use std::fs;
use std::io;
use std::path::Path;

use crate::corpus::load_bundled;
use crate::search::matcher::words_of;

/// Distinct words in the vocabulary, like a few years of one news site.
const VOCABULARY: usize = 40_000;

/// The exponent of the Zipf law word frequencies follow in English.
const ZIPF_EXPONENT: f64 = 1.07;

const SYLLABLES: &[&str] = &[
    "ba", "ko", "ri", "tal", "men", "sho", "vi", "dra", "gen", "lu", "mar", "ne", "pol", "qui", "sta", "ter",
    "un", "wey", "xan", "zor", "el", "am", "ist", "ion", "ar", "ca", "de", "fi", "go", "hu",
];

/// SplitMix64: small, fast, and fixed forever.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Between `low` and `high`, leaning towards the low end, as article and
    /// paragraph lengths do.
    fn skewed(&mut self, low: usize, high: usize) -> usize {
        let u = self.unit();
        low + ((high - low) as f64 * u * u) as usize
    }
}

/// Generates articles: `(file name, text)`, deterministic for `seed`.
pub struct Generator {
    rng: Rng,
    words: Vec<String>,
    /// Cumulative Zipf weights, for sampling by bisection.
    cumulative: Vec<f64>,
}

impl Generator {
    pub fn new(seed: u64) -> Self {
        let mut rng = Rng(seed);
        let mut words: Vec<String> = seed_words();
        while words.len() < VOCABULARY {
            let syllables = 2 + rng.below(3);
            let word: String = (0..syllables).map(|_| SYLLABLES[rng.below(SYLLABLES.len())]).collect();
            words.push(word);
        }
        let mut total = 0.0;
        let cumulative = (1..=words.len())
            .map(|rank| {
                total += 1.0 / (rank as f64).powf(ZIPF_EXPONENT);
                total
            })
            .collect();
        Generator { rng, words, cumulative }
    }

    fn word(&mut self) -> &str {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let target = self.rng.unit() * total;
        let rank = self.cumulative.partition_point(|&c| c < target).min(self.words.len() - 1);
        &self.words[rank]
    }

    fn sentence(&mut self, words: usize) -> String {
        let mut text = String::new();
        for i in 0..words {
            let word = self.word().to_owned();
            if i == 0 {
                let mut chars = word.chars();
                text.extend(chars.next().map(|c| c.to_ascii_uppercase()));
                text.push_str(chars.as_str());
            } else {
                text.push(' ');
                text.push_str(&word);
            }
        }
        text.push('.');
        text
    }

    /// One article: a headline, then paragraphs of sentences; about 2.5 KB
    /// on average, from a few hundred bytes to about 20 KB.
    pub fn article(&mut self) -> String {
        let title_words = 4 + self.rng.below(8);
        let title: Vec<String> = (0..title_words).map(|_| capitalized(self.word())).collect();
        let mut text = title.join(" ");
        let paragraphs = self.rng.skewed(2, 40);
        for _ in 0..paragraphs {
            text.push_str("\n\n");
            let sentences = 1 + self.rng.below(4);
            let body: Vec<String> = (0..sentences)
                .map(|_| {
                    let words = 8 + self.rng.below(18);
                    self.sentence(words)
                })
                .collect();
            text.push_str(&body.join(" "));
        }
        text.push('\n');
        text
    }

    /// `count` articles named `00000.txt`, `00001.txt`, ...
    pub fn articles(mut self, count: usize) -> impl Iterator<Item = (String, String)> {
        (0..count).map(move |i| (format!("{i:05}.txt"), self.article()))
    }
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// The distinct lowercase words of the bundled seeds, most common first, so
/// real words such as "uranium" and "junta" have realistic frequencies.
fn seed_words() -> Vec<String> {
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for article in load_bundled().corpus.articles() {
        for paragraph in &article.text().paragraphs {
            for (_, word) in words_of(&paragraph.text) {
                *counts.entry(word.to_lowercase()).or_default() += 1;
            }
        }
    }
    let mut words: Vec<(String, usize)> = counts.into_iter().collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    words.into_iter().map(|(word, _)| word).collect()
}

/// Writes `count` articles as files into `dir`, and the same text with one
/// article per line into `flat` (what `fzf --filter` reads).
pub fn write_corpus(dir: &Path, flat: &Path, count: usize, seed: u64) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    let mut lines = io::BufWriter::new(fs::File::create(flat)?);
    for (name, text) in Generator::new(seed).articles(count) {
        fs::write(dir.join(&name), &text)?;
        let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
        io::Write::write_all(&mut lines, format!("{name} {line}\n").as_bytes())?;
    }
    io::Write::flush(&mut lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_corpus() {
        let a: Vec<_> = Generator::new(7).articles(3).collect();
        let b: Vec<_> = Generator::new(7).articles(3).collect();
        assert_eq!(a, b);
        assert_ne!(a, Generator::new(8).articles(3).collect::<Vec<_>>());
    }

    #[test]
    fn articles_have_news_like_sizes_and_words() {
        let articles: Vec<_> = Generator::new(1).articles(400).collect();
        let mean = articles.iter().map(|(_, t)| t.len()).sum::<usize>() / articles.len();
        assert!((1_500..4_000).contains(&mean), "mean size {mean}");
        let all: String = articles.iter().map(|(_, t)| t.as_str()).collect();
        assert!(all.contains(" the "), "common words are common");
    }
}
