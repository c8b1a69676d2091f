//! Stories at scale (issue 18), on 100,000 synthetic articles: the list of
//! related articles (the goal: within 100 ms of the key), the term counts
//! it reads (built once per index), and grouping the whole corpus into
//! stories (the goal: at most a fifth of a cold load).
//! `cargo bench --bench stories`.

#[path = "support.rs"]
mod support;

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use folio::corpus::View;
use folio::search::Index;
use folio::stories::{Rarity, find_stories, related};

const ARTICLES: usize = 100_000;

fn stories(c: &mut Criterion) {
    let corpus = support::corpus(ARTICLES);
    let index = Index::build(corpus.articles(), View::Clean);
    let rarity = Rarity::new(&index);
    let mut group = c.benchmark_group("stories");
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    // Articles spread over the corpus, so no one article's words decide.
    let picks: Vec<usize> = (0..10).map(|i| i * ARTICLES / 10 + 7).collect();
    group.bench_function("related_100000", |b| {
        let mut n = 0;
        b.iter(|| {
            let id = picks[n % picks.len()];
            n += 1;
            let article = corpus.get(id).expect("an article");
            related(&index, &rarity, article, Some(id), 10)
        })
    });
    group.bench_function("rarity_100000", |b| b.iter(|| Rarity::new(&index)));
    group.bench_function("find_stories_100000", |b| b.iter(|| find_stories(&corpus, &index, &rarity)));
    group.finish();
}

criterion_group!(benches, stories);
criterion_main!(benches);
