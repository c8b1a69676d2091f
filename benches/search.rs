//! One search, from a cold start (no memory of earlier terms), for each
//! query shape over 10,000 synthetic articles: the cost of a pasted query.
//! Then the snippets of a screenful of list rows, which the UI thread finds
//! for a query's first results. `cargo bench --bench search`.

#[path = "support.rs"]
mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use folio::corpus::View;
use folio::search::marks::Marks;
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

/// A 200x50 screen shows 24 rows with snippets, each under a title.
const ROWS_ON_SCREEN: usize = 24;

fn snippets(c: &mut Criterion) {
    let corpus = support::corpus(ROWS_ON_SCREEN);
    let mut group = c.benchmark_group("snippets_24_rows");
    for query in ["n", "ni", "uranium", "uranium deal"] {
        let marks = Marks::new(&Query::parse(query));
        group.bench_function(query, |b| {
            b.iter(|| corpus.articles().iter().filter_map(|a| marks.snippet(a, 96, View::Clean)).count())
        });
    }
    group.finish();
}

criterion_group!(benches, cold_queries, snippets);
criterion_main!(benches);
