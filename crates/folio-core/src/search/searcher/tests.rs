//! Searches as a user runs them, held to what reading every article finds.

use super::*;
use crate::corpus::Article;
use crate::search::{matches_slowly, scan};

fn searcher(texts: &[&str]) -> Searcher {
    let corpus = Arc::new(Corpus::new(
        texts.iter().enumerate().map(|(i, t)| Article::from_text(i, format!("{i}.txt"), t)).collect(),
    ));
    Searcher::new(corpus)
}

fn ids(s: &mut Searcher, query: &str) -> Vec<usize> {
    s.search(&Query::parse(query), View::Clean).iter().map(|h| h.article).collect()
}

#[test]
fn empty_query_lists_everything_in_order() {
    let mut s = searcher(&["One Headline Here", "Two Headline Here"]);
    assert_eq!(ids(&mut s, "  "), [0, 1]);
}

#[test]
fn every_group_must_match_and_bars_give_alternatives() {
    let mut s = searcher(&[
        "Niger Talks Continue Today\n\nThe uranium deal was discussed.",
        "Niger Talks Continue Today\n\nRussia was mentioned.",
        "Markets Rise Again Today\n\nNothing here.",
    ]);
    assert_eq!(ids(&mut s, "niger 'uranium"), [0], "an operator is strict");
    let mut either = ids(&mut s, "niger uranium | russia");
    either.sort_unstable();
    assert_eq!(either, [0, 1]);
    assert!(ids(&mut s, "niger 'zzzz").is_empty());
}

#[test]
fn negation_excludes_and_alone_keeps_the_rest_in_order() {
    let mut s = searcher(&[
        "Niger Talks Continue Today\n\nThe coup leaders spoke.",
        "Niger Talks Continue Today\n\nRussia was mentioned.",
        "Markets Rise Again Today\n\nNothing here.",
    ]);
    assert_eq!(ids(&mut s, "niger !coup"), [1]);
    assert_eq!(ids(&mut s, "!coup"), [1, 2]);
    assert_eq!(ids(&mut s, "!^cou"), [1, 2]);
}

#[test]
fn title_matches_rank_above_body_matches_and_more_mentions_rank_higher() {
    let mut s = searcher(&[
        "Markets Open Higher Today\n\nA drone flew over.",
        "Markets Open Higher Today\n\nA drone, a drone, another drone, drone after drone.",
        "Drone Base Expansion Planned\n\nText.",
    ]);
    assert_eq!(ids(&mut s, "drone"), [2, 1, 0]);
}

#[test]
fn fields_scope_terms() {
    let mut s = searcher(&["Drone Base Expansion Planned\n\nText.", "Markets Open Higher Today\n\nA drone."]);
    assert_eq!(ids(&mut s, "title:drone"), [0]);
    assert_eq!(ids(&mut s, "b:drone"), [1]);
    assert_eq!(ids(&mut s, "!t:drone"), [1]);
}

#[test]
fn phrases_need_the_words_in_order() {
    let mut s = searcher(&[
        "Story One Headline\n\nThe drone base was built.",
        "Story Two Headline\n\nThe base had a drone.",
    ]);
    assert_eq!(ids(&mut s, "\"drone base\""), [0]);
    assert_eq!(ids(&mut s, "\"drone ba"), [0]);
    assert_eq!(ids(&mut s, "!\"drone base\""), [1]);
}

/// Each word of a phrase was a pass over the vocabulary: 3,000 words
/// over a vocabulary of 30,000 were 10^8 word matches. Quadratic, this
/// test would take minutes.
#[test]
fn a_long_phrase_is_found_without_a_pass_over_the_vocabulary_per_word() {
    let words: Vec<String> = (0..30_000).map(|i| format!("w{i}")).collect();
    let body = words.join(" ");
    let mut s = searcher(&[&format!("Many Words Here\n\n{body}"), "Other Story Here\n\nw1 w2 w3."]);
    assert_eq!(ids(&mut s, &format!("\"{}\"", words[100..3_100].join(" "))), [0]);
    assert!(ids(&mut s, &format!("\"{} w1\"", words[100..3_100].join(" "))).is_empty());
    let mut both = ids(&mut s, "\"w1 w2 w3\"");
    both.sort_unstable();
    assert_eq!(both, [0, 1]);
}

#[test]
fn a_growing_term_reuses_and_agrees_with_a_fresh_search() {
    let texts = ["Uranium Deal Talks\n\nuranium uranus urban", "Other News Today\n\nurn uranium"];
    let mut warm = searcher(&texts);
    let mut results = Vec::new();
    for query in ["u", "ur", "ura", "uran", "urani"] {
        results.push(ids(&mut warm, query));
    }
    let mut cold = searcher(&texts);
    assert_eq!(ids(&mut cold, "urani"), *results.last().expect("ran"));
    for pair in results.windows(2) {
        assert!(pair[1].iter().all(|id| pair[0].contains(id)), "{pair:?}");
    }
}

/// The memory of terms' words forgets the least recently used past its
/// limit: a user who has typed hundreds of terms still gets what a fresh
/// search gives, the terms still remembered and the forgotten ones alike.
#[test]
fn past_the_memory_of_terms_results_agree_with_a_fresh_search() {
    let texts = ["Uranium Deal Talks\n\nuranium uranus urban w7 w300", "Other News Today\n\nurn uranium w12"];
    let mut warm = searcher(&texts);
    let mut cold = searcher(&texts);
    ids(&mut warm, "ura");
    for i in 0..400 {
        let query = format!("w{i}");
        assert_eq!(ids(&mut warm, &query), ids(&mut cold, &query), "{query}");
        cold.forget();
    }
    for query in ["ura", "uran", "urani", "w3", "w30"] {
        let fresh = ids(&mut cold, query);
        cold.forget();
        assert_eq!(ids(&mut warm, query), fresh, "{query}");
    }
}

#[test]
fn only_a_clean_index_that_covers_the_corpus_is_handed_out() {
    let corpus = Corpus::new(vec![Article::from_text(0, "a", "Menu\n\nDrone Base Grows\n\nText.")]);
    let mut s = Searcher::new(Arc::new(corpus.clone()));
    assert!(s.clean_index().is_some());
    s.search(&Query::parse("menu"), View::Raw);
    assert!(s.clean_index().is_some(), "kept aside while the raw view is searched");
    let more = corpus.extended(vec![Article::from_text(0, "b", "Other Story Here\n\nMore.")]);
    s.grow(Arc::new(more));
    assert!(s.clean_index().is_none(), "grown in the raw view only: no clean index of it all");
    s.search(&Query::parse("menu"), View::Clean);
    assert_eq!(s.clean_index().map(|index| index.articles()), Some(2));
}

#[test]
fn one_letter_queries_read_off_the_tables_score_as_reading_every_article_does() {
    let corpus = Arc::new(crate::corpus::load_bundled().corpus);
    let mut searcher = Searcher::new(Arc::clone(&corpus));
    for letter in ('a'..='z').chain('0'..='9') {
        for query in [letter.to_string(), format!("'{letter}"), format!("t:{letter}"), format!("!{letter}")] {
            let query = Query::parse(&query);
            let fast = searcher.search(&query, View::Clean);
            assert_eq!(fast, scan::scan(&corpus, &query, View::Clean), "{query:?}");
        }
    }
}

#[test]
fn the_index_agrees_with_reading_every_article() {
    let texts = [
        "Niger Talks Continue Today\n\nThe uranium deal, U.S. troops and the drone base.",
        "US Military Kicked Out\n\nRussia and Iran; Bazoum was ousted in July.",
        "Markets Rise Again Today\n\nNothing about Niger here at all.",
    ];
    let mut s = searcher(&texts);
    for query in [
        "niger",
        "Niger",
        "uranum",
        "^baz",
        "ium$",
        "'ran",
        "\"drone base\"",
        "u.s.",
        "t:niger",
        "b:niger !russia",
        "iran | uranium",
        "!niger",
        "july bazum",
    ] {
        let q = Query::parse(query);
        let fast = ids(&mut s, query);
        let slow: Vec<usize> = (0..texts.len())
            .filter(|&i| matches_slowly(s.corpus().get(i).expect("article"), &q, View::Clean).is_some())
            .collect();
        let mut sorted = fast.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, slow, "{query}");
    }
}
