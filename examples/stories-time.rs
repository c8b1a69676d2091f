//! Times story grouping on a synthetic corpus, once, with its parts: the
//! criterion bench (`cargo bench --bench stories`) is too slow to iterate
//! on. `cargo run --release --example stories-time -- [ARTICLES]`.

use std::time::Instant;

use folio::corpus::{Article, Corpus, View};
use folio::search::Index;
use folio::stories::{Rarity, find_stories};
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
}
