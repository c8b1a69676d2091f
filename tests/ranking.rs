//! Each ranking rule pinned on a small corpus written for it: rarity,
//! exact before prefix before fuzzy, the lead, terms side by side, soft AND,
//! the typo rules by length, numbers, accents. The scan (`--filter` with no
//! cache) must rank as the index does, so every query runs through both.

use std::sync::Arc;

use folio::corpus::{Article, Corpus, View};
use folio::search::scan::scan;
use folio::search::{Query, Searcher};

/// Articles named by their number, from texts (a title line, a blank line,
/// the body).
fn corpus(texts: &[&str]) -> Arc<Corpus> {
    Arc::new(Corpus::new(
        texts.iter().enumerate().map(|(i, t)| Article::from_text(i, format!("{i}.txt"), t)).collect(),
    ))
}

/// The ids of the articles `query` lists, best first; the scan must agree.
fn ranked(texts: &[&str], query: &str) -> Vec<usize> {
    let corpus = corpus(texts);
    let query = Query::parse(query);
    let indexed = Searcher::new(Arc::clone(&corpus)).search(&query, View::Clean);
    let scanned = scan(&corpus, &query, View::Clean);
    assert_eq!(indexed, scanned, "the index and the scan rank alike");
    indexed.iter().map(|hit| hit.article).collect()
}

fn finds(texts: &[&str], query: &str) -> bool {
    !ranked(texts, query).is_empty()
}

/// Filler prose of `words` words, none of which any test looks for.
fn filler(words: usize) -> String {
    ["lorem", "ipsum", "dolor", "sit", "amet"]
        .iter()
        .cycle()
        .take(words)
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_rare_word_outweighs_a_common_one() {
    // "report" is in every article, "zebra" in two: the article with more
    // of the rare word wins, though the other has more of the common one.
    let rare = format!("Daily Notes Page\n\nzebra zebra zebra report {}", filler(20));
    let common = format!("Daily Notes Page\n\nreport report report zebra {}", filler(20));
    let others: Vec<String> = (0..8).map(|_| format!("Daily Notes Page\n\nreport {}", filler(23))).collect();
    let mut texts = vec![common.as_str(), rare.as_str()];
    texts.extend(others.iter().map(String::as_str));
    assert_eq!(ranked(&texts, "report zebra")[..2], [1, 0]);
}

#[test]
fn a_whole_word_beats_a_prefix_which_beats_a_fuzzy_match() {
    let texts = [
        &format!("Daily Notes Page\n\nthe dron was seen {}", filler(20)),
        &format!("Daily Notes Page\n\nthe drones were seen {}", filler(20)),
        &format!("Daily Notes Page\n\nthe drone was seen {}", filler(20)),
    ];
    let texts: Vec<&str> = texts.iter().map(|t| t.as_str()).collect();
    // "dron" is "drone" with a letter less: a typo, allowed from five letters.
    assert_eq!(ranked(&texts, "drone"), [2, 1, 0]);
    assert_eq!(ranked(&texts, "dron"), [0, 2, 1], "dron is whole in one, a prefix in two");
}

#[test]
fn a_term_in_the_lead_outranks_the_same_term_deep_in_the_body() {
    let early = format!("Daily Notes Page\n\nThe glacier moved. {}", filler(120));
    let late = format!("Daily Notes Page\n\n{} The glacier moved.", filler(120));
    assert_eq!(ranked(&[&late, &early], "glacier"), [1, 0]);
}

#[test]
fn a_word_the_query_says_twice_counts_once() {
    // "harbour" is in three articles, "crane" in two: the rarer word wins,
    // however often a description repeats the other ("Harbour" starts it
    // as a sentence, so its capital is not a name).
    let harbour = format!("Daily Notes Page\n\nharbour harbour harbour {}", filler(20));
    let crane = format!("Daily Notes Page\n\ncrane crane crane {}", filler(20));
    let one_harbour = format!("Daily Notes Page\n\nharbour {}", filler(22));
    let one_crane = format!("Daily Notes Page\n\ncrane {}", filler(22));
    let others: Vec<String> = (0..5).map(|_| format!("Daily Notes Page\n\n{}", filler(23))).collect();
    let mut texts = vec![
        harbour.as_str(),
        crane.as_str(),
        one_harbour.as_str(),
        one_harbour.as_str(),
        one_crane.as_str(),
    ];
    texts.extend(others.iter().map(String::as_str));
    assert_eq!(ranked(&texts, "harbour crane")[0], 1);
    assert_eq!(ranked(&texts, "harbour crane harbour")[0], 1);
    assert_eq!(ranked(&texts, "Harbour crane harbour harbour")[0], 1);
}

#[test]
fn terms_side_by_side_in_order_outrank_terms_apart() {
    // Both articles hold both words once, at the same length.
    let apart = format!("Daily Notes Page\n\n{} permission {} denied {}", filler(60), filler(10), filler(10));
    let together = format!("Daily Notes Page\n\n{} permission denied {}", filler(60), filler(20));
    assert_eq!(ranked(&[&apart, &together], "permission denied"), [1, 0]);
}

#[test]
fn soft_and_lists_articles_with_most_words_below_those_with_all() {
    let texts = [
        "Daily Notes Page\n\nalpha beta",
        "Daily Notes Page\n\nalpha",
        "Daily Notes Page\n\nalpha beta gamma",
        "Daily Notes Page\n\nnothing here",
    ];
    // One word is enough, as Meilisearch drops words down to the last;
    // below those with every word the score decides: here, with words of
    // one rarity, the more words the higher.
    assert_eq!(ranked(&texts, "alpha beta gamma"), [2, 0, 1]);
    let one_of_two = ranked(&texts, "alpha gamma");
    assert_eq!(one_of_two[0], 2);
    assert_eq!(sorted(one_of_two[1..].to_vec()), [0, 1], "one of two is enough, below both");
    let corpus = corpus(&texts);
    let hits = Searcher::new(corpus).search(&Query::parse("alpha beta gamma"), View::Clean);
    let lacking: Vec<bool> = hits.iter().map(|hit| hit.lacks_words()).collect();
    assert_eq!(lacking, [false, true, true]);
}

#[test]
fn one_word_of_a_long_plain_query_is_enough_to_be_listed_last() {
    let mut texts = vec![
        format!("Daily Notes Page\n\nzebra {}", filler(20)),
        format!("Daily Notes Page\n\nzebra walrus {}", filler(20)),
        format!("Daily Notes Page\n\nzebra walrus heron {}", filler(20)),
    ];
    texts.extend(others(20));
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    assert_eq!(ranked(&texts, "zebra walrus heron osprey"), [2, 1, 0]);
    assert_eq!(ranked(&texts, "zebra 'walrus 'heron"), [2], "operators stay strict");
}

#[test]
fn a_plural_finds_its_singular_just_below_itself() {
    let mut texts = vec![
        format!("Daily Notes Page\n\na vector of bit {}", filler(20)),
        format!("Daily Notes Page\n\na vector of bits {}", filler(20)),
        format!("Daily Notes Page\n\na vector of bitsets {}", filler(20)),
        format!("Daily Notes Page\n\nno les than {}", filler(20)),
    ];
    texts.extend(others(20));
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    assert_eq!(ranked(&texts, "bits"), [1, 0, 2], "the word, then the singular, then a longer word");
    assert_eq!(ranked(&texts, "less"), Vec::<usize>::new(), "a word ending in ss is no plural");
    assert_eq!(ranked(&texts, "'bits"), [1, 2], "an operator keeps its letters");
    assert_eq!(ranked(&texts, "bit"), [0, 1, 2]);
}

#[test]
fn a_title_s_capitals_ignore_case_and_rank_the_capital_first() {
    let mut texts = vec![
        format!("Daily Notes Page\n\nan api for locale fallback {}", filler(20)),
        format!("Daily Notes Page\n\nan api for Locale Fallback {}", filler(20)),
        format!("Daily Notes Page\n\nthe LOCALE table {}", filler(20)),
    ];
    texts.extend(others(20));
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    assert_eq!(ranked(&texts, "api for Locale Fallback")[..2], [1, 0]);
    assert_eq!(ranked(&texts, "Locale"), [1], "a query of one word keeps its case");
    assert_eq!(ranked(&texts, "'Locale fallback"), [1], "so does an operator");
    assert_eq!(ranked(&texts, "LOCALE table"), [2], "and a capital inside a word");
}

#[test]
fn operators_stay_strict() {
    let texts = ["Daily Notes Page\n\nalpha beta", "Daily Notes Page\n\nalpha beta gamma"];
    assert_eq!(ranked(&texts, "alpha beta 'gamma"), [1]);
    assert_eq!(ranked(&texts, "alpha beta ^gam"), [1]);
    assert_eq!(ranked(&texts, "alpha \"beta gamma\""), [1]);
    assert_eq!(ranked(&texts, "alpha b:gamma"), [1]);
    assert_eq!(ranked(&texts, "alpha !gamma"), [0]);
}

#[test]
fn soft_and_waits_until_few_articles_have_every_word() {
    // Thirty articles have both words: the one with only one is left out.
    // A hundred others have neither, so neither word is common.
    let mut texts: Vec<String> = (0..30).map(|_| "Daily Notes Page\n\nalpha beta".to_owned()).collect();
    texts.push("Daily Notes Page\n\nalpha".to_owned());
    texts.extend((0..100).map(|_| format!("Daily Notes Page\n\n{}", filler(5))));
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    assert_eq!(ranked(&texts, "alpha beta").len(), 30);
}

#[test]
fn typos_by_word_length() {
    let texts = ["Daily Notes Page\n\nThe house by the reactor hosted a conference on dunes."];
    // Up to four letters: none (a missing letter is always allowed).
    assert!(!finds(&texts, "dxne"));
    assert!(finds(&texts, "dne"), "one letter may be missing");
    // From five: one wrong, extra or swapped letter.
    assert!(finds(&texts, "hoyse"));
    assert!(finds(&texts, "raector"));
    assert!(finds(&texts, "reactoor"));
    assert!(!finds(&texts, "rxactxr"), "two typos in seven letters");
    // A wrong first letter counts two.
    assert!(!finds(&texts, "xeactor"));
    // From nine: two.
    assert!(finds(&texts, "confxrexce"));
    assert!(finds(&texts, "xonference"), "a wrong first letter in ten letters");
    // No scattered letters, however long the term.
    assert!(!finds(&texts, "hrcnc"));
}

#[test]
fn numbers_are_never_fuzzy() {
    let texts = [
        "Daily Notes Page\n\nIn 2025 some 650 troops and 1650 others left.",
        "Daily Notes Page\n\nThe FY2024 budget held 1,000 posts.",
    ];
    assert_eq!(ranked(&texts, "2024"), [1], "a number inside a word counts");
    assert!(!finds(&texts, "2026"));
    assert_eq!(ranked(&texts, "650"), [0]);
    assert_eq!(ranked(&texts, "1,000"), [1]);
    // Typed apart, they are two numbers: "1" starts "1650".
    assert_eq!(ranked(&texts, "1 000")[0], 1);
    assert!(!ranked(&texts, "1,000").contains(&0), "650 is not 1,000");
}

#[test]
fn a_term_without_accents_finds_accented_words_in_either_form() {
    let texts = [
        "Daily Notes Page\n\nA café in Zürich.",
        "Daily Notes Page\n\nA cafe\u{301} with my re\u{301}sume\u{301}.",
        "Daily Notes Page\n\nA cafe and a resume.",
    ];
    assert_eq!(sorted(ranked(&texts, "cafe")), [0, 1, 2]);
    assert_eq!(ranked(&texts, "zurich"), [0]);
    assert_eq!(sorted(ranked(&texts, "resume")), [1, 2]);
    // A term with an accent matches only that accent, composed or not.
    assert_eq!(sorted(ranked(&texts, "café")), [0, 1]);
    assert_eq!(sorted(ranked(&texts, "cafe\u{301}")), [0, 1]);
    assert!(!finds(&texts, "cafè"));
}

fn sorted(mut ids: Vec<usize>) -> Vec<usize> {
    ids.sort_unstable();
    ids
}

#[test]
fn the_seed_queries_still_behave() {
    let corpus = Arc::new(folio::corpus::load_bundled().corpus);
    let mut searcher = Searcher::new(Arc::clone(&corpus));
    let sources = |searcher: &mut Searcher, query: &str| -> Vec<String> {
        let mut found: Vec<String> = searcher
            .search(&Query::parse(query), View::Clean)
            .iter()
            .filter_map(|hit| corpus.get(hit.article))
            .map(|a| a.source.clone())
            .collect();
        found.sort();
        found
    };
    assert_eq!(sources(&mut searcher, "uranum"), ["001_619b3976b39de8ca.txt", "004_73e098508302a61c.txt"]);
    assert_eq!(sources(&mut searcher, "bazum"), ["000_dd5b303a7930cf20.txt", "004_73e098508302a61c.txt"]);
}

/// Articles of filler only, enough that no word of a test is common.
fn others(count: usize) -> Vec<String> {
    (0..count).map(|_| format!("Daily Notes Page\n\n{}", filler(30))).collect()
}

#[test]
fn soft_and_counts_a_word_only_where_it_is_a_word() {
    // "safe" is inside "unsafe" in the first article, which would win on
    // its title; the second has "safe" itself, deep in a long body.
    let inside = format!("Unsafe Code Guide\n\nunsafe code, unsafe code. {}", filler(20));
    let whole = format!("Daily Notes Page\n\n{} safe {} code", filler(150), filler(150));
    let mut texts = vec![inside, whole];
    texts.extend(others(20));
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    assert_eq!(ranked(&texts, "safe code"), [1, 0]);
    let corpus = corpus(&texts);
    let hits = Searcher::new(corpus).search(&Query::parse("safe code"), View::Clean);
    let lacking: Vec<bool> = hits.iter().map(|hit| hit.lacks_words()).collect();
    assert_eq!(lacking, [false, true], "an inside match is listed, as lacking the word");
}

#[test]
fn lacking_a_common_word_is_not_lacking_a_word() {
    // "library" is in most articles; "fast" in two.
    let mut texts = vec![
        format!("Fast Parser Here\n\nfast parsing. {}", filler(20)),
        format!("Daily Notes Page\n\nfast library {}", filler(20)),
    ];
    texts.extend((0..8).map(|_| format!("Daily Notes Page\n\nlibrary {}", filler(20))));
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let corpus = corpus(&texts);
    let hits = Searcher::new(corpus).search(&Query::parse("fast library"), View::Clean);
    let first: Vec<(usize, bool)> = hits.iter().take(2).map(|hit| (hit.article, hit.lacks_words())).collect();
    assert_eq!(first, [(0, false), (1, false)], "ranked by score alone: the title wins");
    assert_eq!(ranked(&texts, "fast library")[..2], [0, 1]);
}

#[test]
fn a_capital_a_that_starts_a_query_finds_the_letter_in_the_index_too() {
    let texts = [
        "toml datetime\n\nA datetime type for toml files and more.",
        "Other Things Here\n\nSomething about a type.",
    ];
    // The index and the scan agree (`ranked` checks), and "A" counts as
    // a word both articles have.
    assert_eq!(sorted(ranked(&texts, "A TOML-compatible datetime type")), [0, 1]);
}

#[test]
fn below_the_articles_with_every_word_a_rare_word_outweighs_two_common_ones() {
    // "harbor" and "weather" are in a third of the articles, "narwhal" in
    // one; nothing has all three, and one has all but "narwhal".
    let mut texts = vec![
        format!("Daily Notes Page\n\nA narwhal surfaced. {}", filler(20)),
        format!("Daily Notes Page\n\nharbor weather {}", filler(20)),
    ];
    texts.extend((0..9).map(|_| format!("Daily Notes Page\n\nharbor weather {}", filler(30))));
    texts.extend(others(20));
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let first = ranked(&texts, "narwhal harbor weather")[0];
    assert_eq!(first, 0, "the one rare word, not the two common ones, comes first");
    // With an article holding all three, that one leads all the rest.
    let mut with_all = texts.clone();
    let all = format!("Daily Notes Page\n\nharbor weather narwhal {}", filler(300));
    with_all.push(&all);
    assert_eq!(ranked(&with_all, "narwhal harbor weather")[..2], [with_all.len() - 1, 0]);
}

#[test]
fn two_letters_match_the_start_of_a_word_and_three_also_inside() {
    let texts = [
        "Daily Notes Page\n\nThe troops stayed.",
        "Daily Notes Page\n\nThe country voted.",
        "Daily Notes Page\n\nA trio played.",
    ];
    assert_eq!(sorted(ranked(&texts, "tr")), [0, 2], "not \"country\"");
    assert_eq!(ranked(&texts, "ntr"), [1], "three letters inside a word");
    assert_eq!(sorted(ranked(&texts, "'tr")), [0, 1, 2], "an operator keeps its meaning");
    // Typed one key at a time with the searcher's memory, as the filter
    // bar does: the two-letter term's words never stand in for the third
    // letter's.
    let mut searcher = Searcher::new(corpus(&texts));
    for typed in ["c", "co", "cou", "n", "nt", "ntr"] {
        let remembered: Vec<usize> =
            searcher.search(&Query::parse(typed), View::Clean).iter().map(|h| h.article).collect();
        assert_eq!(remembered, ranked(&texts, typed), "{typed}");
    }
}

#[test]
fn a_joined_word_among_others_is_its_phrase_or_failing_that_its_words() {
    let mut texts = vec![
        format!("Daily Notes Page\n\nA case-insensitive map of strings. {}", filler(20)),
        format!("Daily Notes Page\n\nStrings where case is not important. {}", filler(20)),
        format!("Daily Notes Page\n\nStrings, strings and more strings. {}", filler(20)),
    ];
    texts.extend(others(20));
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    // The phrase first; then "case" alone outweighs more "strings".
    assert_eq!(ranked(&texts, "case-insensitive strings")[..3], [0, 1, 2]);
    // A joined word alone stays its phrase, and `|` stays strict.
    assert_eq!(ranked(&texts, "case-insensitive"), [0]);
    assert_eq!(ranked(&texts, "case-insensitive|zebra map"), [0]);
}

/// The ids `query` lists over articles with the given file names and
/// texts, best first; the scan must agree.
fn ranked_named(files: &[(&str, &str)], query: &str) -> Vec<usize> {
    let corpus = Arc::new(Corpus::new(
        files.iter().enumerate().map(|(i, (name, text))| Article::from_text(i, *name, text)).collect(),
    ));
    let query = Query::parse(query);
    let indexed = Searcher::new(Arc::clone(&corpus)).search(&query, View::Clean);
    assert_eq!(indexed, scan(&corpus, &query, View::Clean), "the index and the scan rank alike");
    indexed.iter().map(|hit| hit.article).collect()
}

#[test]
fn a_file_is_found_by_its_name_as_by_its_title() {
    // One workspace README copied into three crates: only the file names
    // tell them apart, as in a folder of crate READMEs.
    let readme = format!("Rust-PHF\n\nCompile-time perfect hash maps for Rust. {}", filler(30));
    let files = [
        ("crates/phf.md", readme.as_str()),
        ("crates/phf_codegen.md", readme.as_str()),
        ("crates/phf_macros.md", readme.as_str()),
    ];
    assert_eq!(ranked_named(&files, "macros for the phf crate")[0], 2);
    assert_eq!(ranked_named(&files, "phf codegen")[0], 1);
    // The name counts as the title does: `title:` finds it, `body:` not.
    assert_eq!(ranked_named(&files, "title:macros"), [2]);
    assert!(ranked_named(&files, "body:macros").is_empty());
    // A record of a JSON Lines file, or standard input, has no name of its
    // own: every record would share the file's.
    let files = [("feed.jsonl:3", readme.as_str()), ("stdin", readme.as_str()), ("feed.md", readme.as_str())];
    assert_eq!(ranked_named(&files, "feed"), [2]);
    assert!(ranked_named(&files, "stdin").is_empty());
    // Numbers and hashes in a name are ids, not words of it.
    let files = [("2019-11-19-stadia-launch.html", readme.as_str()), ("003_73e09850.txt", readme.as_str())];
    assert_eq!(ranked_named(&files, "stadia"), [0]);
    assert!(ranked_named(&files, "2019").is_empty());
    assert!(ranked_named(&files, "73e09850").is_empty());
}
