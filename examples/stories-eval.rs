//! Evaluates story grouping (issue 18): pair precision and recall against
//! a person's labels, at the shipped thresholds and over a sweep.
//!
//!     cargo run --release --example stories-eval -- DIR LABELS
//!
//! DIR is a folder of articles (read as folio reads it). LABELS has a line
//! per story: the file names (or unique prefixes of them) of its articles,
//! separated by spaces; a line starting with `?` lists articles whose
//! pairs are left out of the count either way (a judgement call); `#`
//! starts a comment. Every pair not in a story is a pair that must not be
//! grouped.

use std::path::{Path, PathBuf};

use folio::corpus::View;
use folio::library;
use folio::search::Index;
use folio::stories::Rarity;
use folio::stories::group::{Thresholds, explain, find_stories_with};
use rustc_hash::FxHashSet;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, labels] = args.as_slice() else {
        eprintln!("usage: stories-eval DIR LABELS");
        std::process::exit(2);
    };
    let loaded = match library::load(&[PathBuf::from(dir)], None, true, false) {
        Ok(whole) => whole.loaded,
        Err(err) => {
            eprintln!("stories-eval: {err}");
            std::process::exit(2);
        }
    };
    let corpus = loaded.corpus;
    let names: Vec<String> = corpus
        .articles()
        .iter()
        .map(|a| {
            Path::new(&a.source).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
        })
        .collect();
    let text = std::fs::read_to_string(labels).unwrap_or_else(|err| {
        eprintln!("stories-eval: cannot read {labels}: {err}");
        std::process::exit(2);
    });
    let find = |prefix: &str| -> usize {
        let found: Vec<usize> = (0..names.len()).filter(|&i| names[i].starts_with(prefix)).collect();
        match found.as_slice() {
            [one] => *one,
            _ => {
                eprintln!("stories-eval: '{prefix}' names {} articles, not one", found.len());
                std::process::exit(2);
            }
        }
    };
    let (mut same, mut unsure) = (FxHashSet::default(), FxHashSet::default());
    for line in text.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty()) {
        let (set, line) = match line.strip_prefix('?') {
            Some(rest) => (&mut unsure, rest),
            None => (&mut same, line),
        };
        let ids: Vec<usize> = line.split_whitespace().map(find).collect();
        for (i, &a) in ids.iter().enumerate() {
            for &b in &ids[i + 1..] {
                set.insert((a.min(b), a.max(b)));
            }
        }
    }
    let index = Index::build(corpus.articles(), View::Clean);
    let rarity = Rarity::new(&index);
    println!(
        "{} articles, {} same-story pairs labelled, {} left out as unsure",
        corpus.len(),
        same.len(),
        unsure.len()
    );
    println!(
        "{:>10} {:>6} {:>9} {:>7} {:>6} {:>5}",
        "same_story", "names", "precision", "recall", "found", "wrong"
    );
    let shipped = Thresholds::default();
    let mut sweep = vec![shipped];
    for cos in [0.10, 0.15, 0.2, 0.25, 0.3, 0.4] {
        for names in [1, 2, 3, 4] {
            sweep.push(Thresholds { same_story: cos, shared_names: names });
        }
    }
    if std::env::var_os("STORIES_EVAL_ALL").is_some() {
        let pairs = folio::stories::group::candidate_pairs(&corpus, &index, &rarity);
        for (&(a, b), why) in pairs.iter().zip(explain(&corpus, &index, &rarity, &pairs)) {
            let key = (a.min(b), a.max(b));
            let label = if same.contains(&key) {
                "SAME"
            } else if unsure.contains(&key) {
                "unsure"
            } else {
                "-"
            };
            if why.cos >= 0.1 || why.title >= 1 {
                let short = |i: usize| names[i].chars().take(8).collect::<String>();
                println!(
                    "PAIR {label:6} {:.3} {:3} {} {} {} ~ {}",
                    why.cos,
                    why.names,
                    why.title,
                    why.same_site,
                    short(a),
                    short(b)
                );
            }
        }
    }
    for (n, limits) in sweep.into_iter().enumerate() {
        let stories = find_stories_with(&corpus, &index, &rarity, limits);
        let mut found = FxHashSet::default();
        for story in &stories {
            for (i, &a) in story.articles.iter().enumerate() {
                for &b in &story.articles[i + 1..] {
                    found.insert((a.min(b), a.max(b)));
                }
            }
        }
        let counted: Vec<&(usize, usize)> =
            found.iter().filter(|p| same.contains(*p) || !unsure.contains(*p)).collect();
        let right = counted.iter().filter(|p| same.contains(**p)).count();
        let precision = if counted.is_empty() { 1.0 } else { right as f64 / counted.len() as f64 };
        let recall = right as f64 / same.len().max(1) as f64;
        let mark = if n == 0 { "  <- shipped" } else { "" };
        println!(
            "{:>10.2} {:>6} {:>8.1}% {:>6.1}% {:>6} {:>5}{mark}",
            limits.same_story,
            limits.shared_names,
            precision * 100.0,
            recall * 100.0,
            counted.len(),
            counted.len() - right
        );
        if n == 0 && std::env::var_os("STORIES_EVAL_VERBOSE").is_some() {
            let mut pairs: Vec<(&str, usize, usize)> = counted
                .iter()
                .map(|&&(a, b)| (if same.contains(&(a, b)) { "right" } else { "WRONG" }, a, b))
                .collect();
            pairs.extend(same.iter().filter(|p| !found.contains(*p)).map(|&(a, b)| ("MISSED", a, b)));
            let plain: Vec<(usize, usize)> = pairs.iter().map(|&(_, a, b)| (a, b)).collect();
            for ((verdict, a, b), why) in pairs.iter().zip(explain(&corpus, &index, &rarity, &plain)) {
                let short = |i: usize| names[i].chars().take(8).collect::<String>();
                println!(
                    "  {verdict:6} {} ~ {} cos {:.2} names {:3} title {} site {} {}",
                    short(*a),
                    short(*b),
                    why.cos,
                    why.names,
                    why.title,
                    why.same_site,
                    why.shared.join(" ")
                );
            }
        }
    }
}
