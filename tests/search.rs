//! Search as a user relies on it: on the seeds, and as properties over a
//! synthetic corpus and arbitrary queries.

mod common;

use std::sync::{Arc, OnceLock};

use folio::corpus::{Article, Corpus, View, load_bundled};
use folio::search::marks::Marks;
use folio::search::{Query, Searcher, body_texts, matches_slowly};
use folio::synth::Generator;
use proptest::prelude::*;

fn seeds() -> Arc<Corpus> {
    Arc::new(load_bundled().corpus)
}

fn ids(searcher: &mut Searcher, query: &str) -> Vec<usize> {
    searcher.search(&Query::parse(query), View::Clean).iter().map(|h| h.article).collect()
}

/// The text search reads in an article, lowercased: its title and the
/// paragraphs the clean view shows.
fn searched_text(article: &Article) -> String {
    let text = article.text();
    let body: Vec<&str> = body_texts(&text, View::Clean).map(|(_, p)| p).collect();
    format!("{} {}", article.title, body.join(" ")).to_lowercase()
}

#[test]
fn uranium_finds_exactly_the_seeds_that_mention_uranium() {
    let corpus = seeds();
    let mentioning: Vec<usize> =
        corpus.articles().iter().filter(|a| searched_text(a).contains("uranium")).map(|a| a.id).collect();
    assert_eq!(mentioning.len(), 2, "the seeds have two such articles");
    let mut found = ids(&mut Searcher::new(corpus), "uranium");
    found.sort_unstable();
    assert_eq!(found, mentioning);
}

#[test]
fn a_short_term_does_not_match_through_scattered_letters() {
    // "ur" appears inside many words; as a scattered subsequence ("u...r")
    // it would appear in nearly every article.
    let corpus = seeds();
    let mut searcher = Searcher::new(Arc::clone(&corpus));
    for article in ids(&mut searcher, "ur") {
        let text = searched_text(corpus.get(article).expect("article"));
        assert!(
            text.split(|c: char| !c.is_alphanumeric()).any(|w| w.contains("ur") || has_one_gap(w, "ur")),
            "article {article} matched without a close match"
        );
    }
}

fn has_one_gap(word: &str, term: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    let t: Vec<char> = term.chars().collect();
    chars.windows(t.len() + 1).any(|w| w[0] == t[0] && w[t.len()] == t[t.len() - 1])
}

#[test]
fn phrases_and_fields_on_the_seeds() {
    let corpus = seeds();
    let mut searcher = Searcher::new(Arc::clone(&corpus));
    let mentioning: Vec<usize> = corpus
        .articles()
        .iter()
        .filter(|a| body_texts(&a.text(), View::Clean).any(|(_, p)| p.to_lowercase().contains("drone base")))
        .map(|a| a.id)
        .collect();
    assert_eq!(ids(&mut searcher, "\"drone base\""), mentioning);
    let mut titled = ids(&mut searcher, "t:pentagon");
    titled.sort_unstable();
    assert_eq!(titled, [0, 3], "titles that name the Pentagon");
    assert_eq!(ids(&mut searcher, "t:pentagon !resumptions"), [3]);
}

/// One searcher over the synthetic corpus, shared by the cases, so its
/// memory of earlier terms is exercised too.
fn shared_searcher() -> std::sync::MutexGuard<'static, Searcher> {
    static SEARCHER: OnceLock<std::sync::Mutex<Searcher>> = OnceLock::new();
    let searcher = SEARCHER.get_or_init(|| std::sync::Mutex::new(Searcher::new(Arc::clone(&synthetic().0))));
    // A case that failed while holding it poisons nothing worth guarding.
    searcher.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A small synthetic corpus, built once for all the properties.
fn synthetic() -> &'static (Arc<Corpus>, Vec<String>) {
    static CORPUS: OnceLock<(Arc<Corpus>, Vec<String>)> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let articles: Vec<Article> = Generator::new(11)
            .articles(120)
            .enumerate()
            .map(|(i, (name, text))| Article::from_text(i, name, &text))
            .collect();
        let corpus = Corpus::new(articles);
        let mut words: Vec<String> = corpus
            .articles()
            .iter()
            .flat_map(|a| {
                let words: Vec<String> = a.text().paragraphs[1]
                    .text
                    .split_whitespace()
                    .map(|w| w.trim_matches('.').to_lowercase())
                    .collect();
                words
            })
            .filter(|w| w.len() >= 2)
            .collect();
        words.sort();
        words.dedup();
        (Arc::new(corpus), words)
    })
}

/// A term built from a real word of the corpus: cut, with a letter dropped
/// (a typo), or with an operator.
fn term() -> impl Strategy<Value = String> {
    let words = &synthetic().1;
    (0..words.len(), 0..6usize, 1..7usize).prop_map(move |(i, op, len)| {
        let word: String = words[i].chars().take(len.max(1)).collect();
        match op {
            0 => format!("'{word}"),
            1 => format!("^{word}"),
            2 => format!("{word}$"),
            3 => format!("!{word}"),
            4 if word.chars().count() > 2 => {
                word.chars().enumerate().filter(|(n, _)| *n != 1).map(|(_, c)| c).collect()
            }
            _ => word,
        }
    })
}

fn query() -> impl Strategy<Value = String> {
    prop::collection::vec(term(), 1..4)
        .prop_flat_map(|terms| {
            let n = terms.len();
            (Just(terms), prop::collection::vec(prop::bool::weighted(0.2), n))
        })
        .prop_map(|(terms, ors)| {
            let mut query = String::new();
            for (term, or) in terms.iter().zip(ors) {
                if !query.is_empty() {
                    query.push_str(if or { " | " } else { " " });
                }
                query.push_str(term);
            }
            query
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Every result satisfies the query read the slow, obvious way, and every
    /// article that satisfies it is a result.
    #[test]
    fn results_are_exactly_the_articles_that_satisfy_the_query(text in query(), raw in any::<bool>()) {
        let (corpus, _) = synthetic();
        let view = if raw { View::Raw } else { View::Clean };
        let query = Query::parse(&text);
        let mut found: Vec<usize> =
            shared_searcher().search(&query, view).iter().map(|h| h.article).collect();
        found.sort_unstable();
        let missing: Vec<(usize, usize)> = corpus
            .articles()
            .iter()
            .filter_map(|a| matches_slowly(a, &query, view).map(|missing| (a.id, missing)))
            .collect();
        // Articles lacking words of a plain query are listed only when few
        // have them all; a word most articles have is never counted as
        // lacking, which reading one article cannot tell. So: every result
        // satisfies the query, every article with all its words is one,
        // and when few satisfy it at all, every one that does is.
        let complete: Vec<usize> =
            missing.iter().filter(|(_, m)| *m == 0).map(|(id, _)| *id).collect();
        let satisfying: Vec<usize> = missing.iter().map(|(id, _)| *id).collect();
        prop_assert!(found.iter().all(|id| satisfying.contains(id)), "query {:?}: {:?}", text, found);
        prop_assert!(complete.iter().all(|id| found.contains(id)), "query {:?}: {:?}", text, found);
        if satisfying.len() < folio::search::rank::FEW {
            prop_assert_eq!(found, satisfying, "query {:?}", text);
        }
    }

    /// `--filter`'s scan without an index finds the same articles with the
    /// same scores, in the same order, as the index.
    #[test]
    fn the_scan_and_the_index_agree(text in query()) {
        let (corpus, _) = synthetic();
        let query = Query::parse(&text);
        let indexed = shared_searcher().search(&query, View::Clean);
        let scanned = folio::search::scan::scan(corpus, &query, View::Clean);
        prop_assert_eq!(scanned, indexed, "query {:?}", text);
    }

    /// Typing an AND-only query of operators one key at a time never brings
    /// back an article an earlier key had ruled out. (Plain words may: soft
    /// AND lists articles lacking a word when few have them all, and a
    /// word of 5 or 9 letters gains a typo.)
    #[test]
    fn a_growing_query_never_gains_results(
        words in prop::collection::vec((0..2usize, "[a-z]{1,6}"), 1..4)
    ) {
        let text = words
            .iter()
            .map(|(op, w)| if *op == 0 { format!("'{w}") } else { format!("^{w}") })
            .collect::<Vec<_>>()
            .join(" ");
        let mut searcher = shared_searcher();
        searcher.forget();
        let mut previous: Option<Vec<usize>> = None;
        for end in text.char_indices().map(|(i, c)| i + c.len_utf8()) {
            let typed = &text[..end];
            let now = ids(&mut searcher, typed);
            if let Some(before) = &previous {
                prop_assert!(now.iter().all(|id| before.contains(id)), "{:?} gained results", typed);
            }
            previous = Some(now);
        }
    }

    /// Any text at all is a query: it parses, searches, highlights and cuts
    /// snippets without a panic.
    #[test]
    fn any_unicode_query_is_safe(text in "\\PC{0,24}") {
        let (corpus, _) = synthetic();
        let query = Query::parse(&text);
        let hits = shared_searcher().search(&query, View::Clean);
        let marks = Marks::new(&query);
        for hit in hits.iter().take(5) {
            let article = corpus.get(hit.article).expect("a hit is an article");
            for range in marks.in_title(&article.title) {
                prop_assert!(article.title.get(range).is_some(), "marks fall on character boundaries");
            }
            let _ = marks.snippet(article, 40, View::Clean);
        }
    }
}

/// The whole app with a Unicode query typed into the filter bar and the
/// reader's find: every frame draws.
#[test]
fn unicode_queries_draw_in_the_app() {
    for query in ["日本語", "e\u{301}", "👩‍👩‍👧", "ن", "\"a", "'", "!", "t:", "a | | b", "ß$", "^İ"]
    {
        let mut app = common::app(80, 24);
        common::press(&mut app, &format!("/{query}<Enter><Enter>/{query}"));
        let area = app.screen();
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(area.width, area.height))
                .expect("test backend");
        terminal.draw(|frame| folio::ui::render(&app, frame)).expect("draws");
    }
}

/// The case that found fuzzy-matcher keeping state between calls: "2000s"
/// scored 55 for `000` alone and 67 after words had been scored for `'a`.
#[test]
fn scores_do_not_depend_on_what_was_scored_before() {
    let (corpus, _) = synthetic();
    for text in ["'a 000", "000 'a", "aam", "'a"] {
        let query = Query::parse(text);
        let indexed = Searcher::new(Arc::clone(corpus)).search(&query, View::Clean);
        let scanned = folio::search::scan::scan(corpus, &query, View::Clean);
        assert_eq!(scanned, indexed, "{text}");
    }
}
