//! Turning files into articles, the bulk of a cold load (issue 7): 1,000
//! synthetic articles parsed one after another on one core, as each of the
//! loader's threads does, from plain text to a packed article (cleanup,
//! title, word counts, packing). Criterion prints the time and bytes per
//! second. `cargo bench --bench parse`. `parse/signatures` times the part
//! of it that takes each article's paragraph signature for grouping
//! (issue 18), on the same articles' clean paragraphs.

#[path = "support.rs"]
mod support;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use folio::corpus::Article;
use folio::stories::signature::Signature;
use folio::synth::Generator;

const ARTICLES: usize = 1_000;

fn parse(c: &mut Criterion) {
    let texts: Vec<(String, String)> = Generator::new(support::SEED).articles(ARTICLES).collect();
    let bytes: usize = texts.iter().map(|(_, text)| text.len()).sum();
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("1000_articles", |b| {
        // The articles are kept, as a load keeps them: dropping them is
        // not part of the time.
        b.iter_with_large_drop(|| {
            texts
                .iter()
                .enumerate()
                .map(|(id, (name, text))| Article::from_text(id, name.as_str(), text))
                .collect::<Vec<Article>>()
        })
    });
    let articles: Vec<Article> = texts
        .iter()
        .enumerate()
        .map(|(id, (name, text))| Article::from_text(id, name.as_str(), text))
        .collect();
    let clean: Vec<Vec<String>> = articles
        .iter()
        .map(|a| {
            let paragraphs = a.text().paragraphs.into_iter();
            paragraphs.filter(|p| p.is_prose() && !p.is_furniture()).map(|p| p.text).collect()
        })
        .collect();
    group.throughput(Throughput::Bytes(clean.iter().flatten().map(|p| p.len() as u64).sum()));
    group.bench_function("signatures", |b| {
        b.iter_with_large_drop(|| {
            clean.iter().map(|ps| Signature::of(ps.iter().map(String::as_str))).collect::<Vec<Signature>>()
        })
    });
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
