//! Keystroke to results: types each query of `support::SESSIONS` one key at
//! a time over 10,000 and 100,000 synthetic articles, searching after every
//! key as the worker does (with its memory of the previous terms), and
//! prints the p50, p99 and worst latency, overall and by query length: to
//! the first results the worker hands the screen (after its first step of
//! `CHUNK_ARTICLES` articles; the list shows them, marked "searching…"),
//! and to all of them. Also the CPU time of each keystroke, all threads
//! together: on a machine other work is loading, it moves far less than
//! the latency does, so builds compare by it.
//!
//! `cargo bench --bench keystroke` (add `-- 10000` for one size only).

#[path = "support.rs"]
mod support;

use std::time::{Duration, Instant};

use folio::corpus::View;
use folio::search::{Query, Searcher};

fn main() {
    let sizes: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() { vec![10_000, 100_000] } else { sizes };
    for size in sizes {
        let started = Instant::now();
        let corpus = support::corpus(size);
        let built = Instant::now();
        let mut searcher = Searcher::new(corpus);
        println!("{size} articles: generated in {:.1?}, indexed in {:.1?}", built - started, built.elapsed());
        let mut all = Vec::new();
        let mut first_results = Vec::new();
        let mut cpu = Vec::new();
        let mut by_length: Vec<(usize, Vec<Duration>)> =
            vec![(1, vec![]), (2, vec![]), (3, vec![]), (6, vec![]), (12, vec![])];
        // Three rounds, each with a fresh memory, as three users would type.
        for _ in 0..3 {
            for session in support::SESSIONS {
                for end in session.char_indices().map(|(i, c)| i + c.len_utf8()) {
                    let typed = &session[..end];
                    let start = Instant::now();
                    let cpu_start = cpu_time();
                    let mut first = None;
                    let hits = searcher.search_in_steps(&Query::parse(typed), View::Clean, &mut |found| {
                        // The worker ranks the first results to show them.
                        first.get_or_insert_with(|| {
                            std::hint::black_box(found.ranked());
                            start.elapsed()
                        });
                        true
                    });
                    let took = start.elapsed();
                    cpu.push(cpu_time().saturating_sub(cpu_start));
                    std::hint::black_box(hits);
                    all.push(took);
                    first_results.push(first.unwrap_or(took));
                    if let Some((_, bucket)) = by_length.iter_mut().find(|(n, _)| *n == typed.chars().count())
                    {
                        bucket.push(took);
                    }
                }
            }
            searcher.forget();
        }
        report("first results", &mut first_results);
        report("all keystrokes", &mut all);
        report("CPU, all threads", &mut cpu);
        for (length, bucket) in &mut by_length {
            report(&format!("{length}-character queries"), bucket);
        }
    }
}

fn report(label: &str, samples: &mut [Duration]) {
    samples.sort_unstable();
    let at = |q: f64| samples[((samples.len() as f64 - 1.0) * q).round() as usize];
    println!(
        "  {label:<24} n={:<4} p50 {:>9.2?}  p99 {:>9.2?}  max {:>9.2?}",
        samples.len(),
        at(0.5),
        at(0.99),
        samples[samples.len() - 1]
    );
}

/// The CPU time this process has used, all its threads.
fn cpu_time() -> Duration {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage writes the struct it is given, which is zeroed and
    // of the right type.
    let usage = unsafe {
        libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr());
        usage.assume_init()
    };
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    time(usage.ru_utime) + time(usage.ru_stime)
}
