//! Shared by the benches: synthetic corpora of a given size, built once.

#![allow(dead_code)] // Each bench uses its own subset.

use std::sync::Arc;

use folio::corpus::{Article, Corpus};
use folio::synth::Generator;

/// The seed every benchmark uses, so figures compare across runs.
pub const SEED: u64 = 2026;

pub fn corpus(articles: usize) -> Arc<Corpus> {
    let articles = Generator::new(SEED)
        .articles(articles)
        .enumerate()
        .map(|(id, (name, text))| Article::from_text(id, name, &text))
        .collect();
    Arc::new(Corpus::new(articles))
}

/// Typing sessions: 1 and 3 terms, with and without negation. Every prefix
/// of each is one keystroke.
pub const SESSIONS: &[&str] =
    &["surveillance", "uranium deal iran", "niger !coup", "troops junta !drone", "pentagon"];
