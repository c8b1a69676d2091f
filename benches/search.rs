//! One search, from a cold start (no memory of earlier terms), for each
//! query shape over 10,000 synthetic articles: the cost of a pasted query.
//! `cargo bench --bench search`.

#[path = "support.rs"]
mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use folio::corpus::View;
use folio::search::{Query, Searcher};

fn cold_queries(c: &mut Criterion) {
    let corpus = support::corpus(10_000);
    let mut group = c.benchmark_group("search_10k_cold");
    for query in ["s", "sur", "survei", "surveillance", "uranium deal iran", "niger !coup", "\"drone base\""]
    {
        let parsed = Query::parse(query);
        let mut searcher = Searcher::new(std::sync::Arc::clone(&corpus));
        group.bench_function(query, |b| {
            b.iter(|| {
                searcher.forget();
                searcher.search(&parsed, View::Clean)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, cold_queries);
criterion_main!(benches);
