//! Evaluates related articles (issue 18) on documentation: for each page
//! whose file name starts with one of the family prefixes, the share of
//! its five most related pages from the same family (git's pages for a git
//! page). `scripts/eval-related` renders man pages and runs this.
//!
//!     cargo run --release --example related-eval -- DIR PREFIX...

use std::path::{Path, PathBuf};
use std::time::Instant;

use folio::corpus::View;
use folio::library;
use folio::search::Index;
use folio::stories::{Rarity, related};

const TOP: usize = 5;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((dir, prefixes)) = args.split_first().filter(|(_, p)| !p.is_empty()) else {
        eprintln!("usage: related-eval DIR PREFIX...");
        std::process::exit(2);
    };
    let corpus = match library::load(&[PathBuf::from(dir)], None, true, false) {
        Ok(whole) => whole.loaded.corpus,
        Err(err) => {
            eprintln!("related-eval: {err}");
            std::process::exit(2);
        }
    };
    let family = |source: &str| -> Option<&String> {
        let name = Path::new(source).file_name()?.to_str()?;
        prefixes.iter().find(|p| name.starts_with(p.as_str()))
    };
    let index = Index::build(corpus.articles(), View::Clean);
    let rarity = Rarity::new(&index);
    println!("{} pages; top {TOP} related of each page of a family", corpus.len());
    println!("{:>10} {:>6} {:>14} {:>16}", "family", "pages", "same family", "pages mostly so");
    let (mut all_same, mut all_listed, mut all_mostly, mut all_pages) = (0, 0, 0, 0);
    let mut slowest = 0f64;
    for prefix in prefixes {
        let (mut same, mut listed, mut mostly, mut pages) = (0, 0, 0, 0);
        for article in corpus.articles().iter().filter(|a| family(&a.source) == Some(prefix)) {
            let started = Instant::now();
            let found = related(&index, &rarity, article, Some(article.id), TOP);
            slowest = slowest.max(started.elapsed().as_secs_f64());
            let hits = found
                .iter()
                .filter(|r| corpus.get(r.article).and_then(|a| family(&a.source)) == Some(prefix));
            let hits = hits.count();
            same += hits;
            listed += found.len();
            mostly += usize::from(hits * 2 > TOP);
            pages += 1;
        }
        let share = 100.0 * same as f64 / listed.max(1) as f64;
        let most = 100.0 * mostly as f64 / pages.max(1) as f64;
        println!("{prefix:>10} {pages:>6} {share:>13.1}% {most:>15.1}%");
        (all_same, all_listed, all_mostly, all_pages) =
            (all_same + same, all_listed + listed, all_mostly + mostly, all_pages + pages);
    }
    let share = 100.0 * all_same as f64 / all_listed.max(1) as f64;
    let most = 100.0 * all_mostly as f64 / all_pages.max(1) as f64;
    println!("{:>10} {all_pages:>6} {share:>13.1}% {most:>15.1}%", "all");
    println!("slowest related list: {:.1} ms", slowest * 1000.0);
}
