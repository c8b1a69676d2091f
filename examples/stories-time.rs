//! Times story grouping on a synthetic corpus, once, beside what it adds
//! to (parsing and indexing), and the related list the reader shows for
//! `R` on ten articles spread over the corpus: the criterion bench
//! (`cargo bench --bench stories`) is too slow to iterate on.
//! `cargo run --release --example stories-time -- [ARTICLES]`.

use std::time::Instant;

use folio::corpus::{Article, Corpus, View};
use folio::search::Index;
use folio::stories::{Rarity, find_stories, related};
use folio::synth::Generator;

fn main() {
    let count: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(100_000);
    let started = Instant::now();
    let articles: Vec<Article> = Generator::new(2026)
        .articles(count)
        .enumerate()
        .map(|(id, (name, text))| Article::from_text(id, name, &text))
        .collect();
    let corpus = Corpus::new(articles);
    println!("{count} articles parsed: {:.2} s", started.elapsed().as_secs_f64());
    let started = Instant::now();
    let index = Index::build(corpus.articles(), View::Clean);
    println!("index built: {:.2} s", started.elapsed().as_secs_f64());
    let started = Instant::now();
    let rarity = Rarity::new(&index);
    println!("term counts (Rarity): {:.2} s", started.elapsed().as_secs_f64());
    let started = Instant::now();
    let stories = find_stories(&corpus, &index, &rarity);
    println!("stories found: {:.2} s ({} stories)", started.elapsed().as_secs_f64(), stories.len());
    let mut times: Vec<f64> = (0..10)
        .map(|i| {
            let id = i * count / 10 + 7;
            let started = Instant::now();
            if let Some(article) = corpus.get(id) {
                std::hint::black_box(related(&index, &rarity, article, Some(id), 10));
            }
            started.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!("related list (10 of {count}): median {:.1} ms, slowest {:.1} ms", times[5], times[9]);
}
