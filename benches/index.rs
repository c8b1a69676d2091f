//! Indexing as a cold load does it (issue 7): the search thread grows the
//! index a batch at a time while the rest still parses, and at 100,000
//! articles this is half the CPU a load takes. The step timed: an index of
//! 10,000 synthetic articles grows by the next 1,024 (its words looked up,
//! their postings added, new words scored for one-letter queries, the
//! letter tables extended). `cargo bench --bench index`.

#[path = "support.rs"]
mod support;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use folio::corpus::View;
use folio::search::Index;

const BEFORE: usize = 10_000;
const BATCH: usize = 1_024;

fn index(c: &mut Criterion) {
    let corpus = support::corpus(BEFORE + BATCH);
    let (before, batch) = corpus.articles().split_at(BEFORE);
    let base = Index::build(before, View::Clean);
    let mut group = c.benchmark_group("index");
    group.throughput(Throughput::Elements(BATCH as u64));
    group.bench_function("extend_10000_by_1024", |b| {
        // Each run grows its own copy, made and dropped outside the time.
        b.iter_batched(
            || base.clone(),
            |mut index| {
                index.extend(batch, View::Clean);
                index
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, index);
criterion_main!(benches);
