//! Stories (issue 18): grouping, reprints, related articles and the
//! comparison of takes, on the bundled seeds and on a small corpus written
//! for these tests (tests/fixtures/stories: four stories told two to four
//! ways, a wire reprint, two pages of one site about different things,
//! two reviews of one product line, and articles told once).

use std::path::{Path, PathBuf};

use folio::corpus::{Article, Corpus, View, load_bundled};
use folio::library;
use folio::search::Index;
use folio::stories::compare::Kind;
use folio::stories::{Rarity, compare, find_stories, related};

fn fixtures() -> Corpus {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stories");
    library::load(&[dir], None, true, false).expect("the fixtures load").loaded.corpus
}

fn name(article: &Article) -> String {
    Path::new(&article.source).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Each story as the sorted file names of its articles, stories sorted.
fn stories_of(corpus: &Corpus) -> Vec<Vec<String>> {
    let index = Index::build(corpus.articles(), View::Clean);
    let rarity = Rarity::new(&index);
    let mut stories: Vec<Vec<String>> = find_stories(corpus, &index, &rarity)
        .iter()
        .map(|story| {
            let mut names: Vec<String> =
                story.articles.iter().filter_map(|&id| corpus.get(id)).map(name).collect();
            names.sort();
            names
        })
        .collect();
    stories.sort();
    stories
}

fn seed(corpus: &Corpus, prefix: &str) -> Article {
    corpus
        .articles()
        .iter()
        .find(|a| a.source.starts_with(prefix))
        .map(|a| Article::clone(a))
        .expect("a seed")
}

#[test]
fn the_seeds_are_one_story_of_five_reports() {
    let corpus = load_bundled().corpus;
    let index = Index::build(corpus.articles(), View::Clean);
    let stories = find_stories(&corpus, &index, &Rarity::new(&index));
    assert_eq!(stories.len(), 1, "{stories:?}");
    assert_eq!(stories[0].articles.len(), 5);
    assert_eq!(stories[0].reports, 5);
    assert!(stories[0].title.contains("Niger"), "{}", stories[0].title);
}

#[test]
fn takes_on_one_event_are_grouped_and_decoys_are_not() {
    let stories = stories_of(&fixtures());
    let expected: Vec<Vec<&str>> = vec![
        vec!["bridge-a1-reprint.txt", "bridge-a1.txt", "bridge-a2.txt", "bridge-a3.txt"],
        vec!["fire-d1.txt", "fire-d2.txt"],
        vec!["rates-b1.txt", "rates-b2.txt"],
        vec!["transfer-c1.txt", "transfer-c2.txt", "transfer-c3.txt"],
    ];
    // Same-site pages about different things and two reviews of one
    // product line are in no story.
    assert_eq!(stories, expected);
}

#[test]
fn a_reprint_is_counted_once() {
    let corpus = fixtures();
    let index = Index::build(corpus.articles(), View::Clean);
    let stories = find_stories(&corpus, &index, &Rarity::new(&index));
    let bridge = stories.iter().find(|s| s.articles.len() == 4).expect("the bridge story");
    assert_eq!(bridge.reports, 3);
    assert_eq!(bridge.reprints.len(), 1);
    let (copy, original) = bridge.reprints[0];
    let mut pair = [name(corpus.get(copy).unwrap()), name(corpus.get(original).unwrap())];
    pair.sort();
    assert_eq!(pair, ["bridge-a1-reprint.txt", "bridge-a1.txt"]);
}

#[test]
fn related_articles_are_the_other_takes_first_with_shared_rare_words() {
    let corpus = fixtures();
    let index = Index::build(corpus.articles(), View::Clean);
    let rarity = Rarity::new(&index);
    let of = corpus.articles().iter().find(|a| name(a) == "transfer-c2.txt").unwrap();
    let found = related(&index, &rarity, of, Some(of.id), 5);
    let top: Vec<String> = found.iter().take(2).map(|r| name(corpus.get(r.article).unwrap())).collect();
    assert!(
        top.contains(&"transfer-c1.txt".to_owned()) && top.contains(&"transfer-c3.txt".to_owned()),
        "{top:?}"
    );
    assert!(found.iter().all(|r| r.article != of.id), "never itself");
    assert!(found.windows(2).all(|w| w[0].score >= w[1].score), "best first");
    let reason = found[0].reason().to_lowercase();
    assert!(
        reason.contains("brenner") || reason.contains("dorval") || reason.contains("haverkamp"),
        "{reason}"
    );
}

#[test]
fn comparing_002_and_003_sets_1000_troops_against_650() {
    let corpus = load_bundled().corpus;
    let (a, b) = (seed(&corpus, "002_"), seed(&corpus, "003_"));
    let comparison = compare(&[&a, &b]);
    let troops = comparison
        .disputed
        .iter()
        .find(|f| f.kind == Kind::Number && f.about == "troops")
        .expect("troops are disputed");
    let told: Vec<(&str, Vec<usize>)> =
        troops.variants.iter().map(|v| (v.text.as_str(), v.articles())).collect();
    assert!(told.contains(&("1,000 troops", vec![0])), "{told:?}");
    assert!(told.contains(&("650 troops", vec![1])), "{told:?}");
    // Each variant leads to the sentence that says it.
    let place = &troops.variants.iter().find(|v| v.text == "650 troops").unwrap().places[0];
    assert!(place.sentence.contains("around 650 troops"), "{}", place.sentence);
    let paragraph = &b.text().paragraphs[place.paragraph].text;
    assert!(paragraph[place.offset..].starts_with(&place.sentence), "the offset is the sentence's");
}

#[test]
fn comparing_000_and_004_finds_one_president_spelled_two_ways() {
    let corpus = load_bundled().corpus;
    let (a, b) = (seed(&corpus, "000_"), seed(&corpus, "004_"));
    let comparison = compare(&[&a, &b]);
    let bazoum = comparison
        .disputed
        .iter()
        .find(|f| f.kind == Kind::Name && f.about == "Bazoum")
        .expect("Bazoum's name is disputed");
    let names: Vec<&str> = bazoum.variants.iter().map(|v| v.text.as_str()).collect();
    assert!(names.contains(&"Mohamed Bazoum") && names.contains(&"Mahamoud Bazoum"), "{names:?}");
    // Sabrina Singh is spelled alike by both: agreed.
    assert!(comparison.agreed.iter().any(|f| f.kind == Kind::Name && f.about == "Singh"));
}

#[test]
fn comparing_takes_on_a_transfer_sets_fees_and_quotes_side_by_side() {
    let corpus = fixtures();
    let take =
        |file: &str| corpus.articles().iter().find(|a| name(a) == file).map(|a| Article::clone(a)).unwrap();
    let (c1, c2) = (take("transfer-c1.txt"), take("transfer-c2.txt"));
    let comparison = compare(&[&c1, &c2]);
    let fee = comparison.disputed.iter().find(|f| f.kind == Kind::Number && f.about == "dollars");
    let fees: Vec<&str> =
        fee.map(|f| f.variants.iter().map(|v| v.text.as_str()).collect()).unwrap_or_default();
    assert!(fees.contains(&"$45 million") && fees.contains(&"$40 million"), "{comparison:#?}");
    // Haverkamp is quoted by both, in words that differ.
    let quote = comparison.disputed.iter().find(|f| f.kind == Kind::Quote && f.about == "Haverkamp");
    assert_eq!(quote.map(|q| q.variants.len()), Some(2), "{comparison:#?}");
    // Both say 27 goals.
    assert!(comparison.agreed.iter().any(|f| f.kind == Kind::Number && f.variants[0].text == "27 goals"));
}

#[test]
fn different_first_names_are_different_people() {
    use folio::stories::compare::nearly_same;
    assert!(nearly_same("Mohamed", "Mahamoud"));
    assert!(!nearly_same("Joe", "Hunter"));
    assert!(!nearly_same("Anna", "Maria"));
}

fn folio(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .env("XDG_CACHE_HOME", "/nonexistent")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("folio runs")
}

#[test]
fn folio_stories_prints_the_seeds_as_one_story_and_json_a_line_each() {
    let text = folio(&["--stories"]);
    assert!(text.status.success());
    let out = String::from_utf8_lossy(&text.stdout);
    let first = out.lines().next().unwrap_or_default();
    assert!(first.ends_with(" · 5 reports"), "{out}");
    assert_eq!(out.lines().filter(|l| l.contains('\t')).count(), 5, "{out}");

    let json = folio(&["--stories", "--json"]);
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&json.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["articles"].as_array().map(Vec::len), Some(5));
    assert!(lines[0]["title"].is_string());
}

#[test]
fn folio_compare_names_bundled_articles_by_file_name() {
    let output = folio(&["--compare", "002_b7761c4897ea9275.txt", "003_a9cbf47f8b5096a3.txt"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let out = String::from_utf8_lossy(&output.stdout);
    let disputed = out.split("Told differently:").nth(1).unwrap_or_default();
    assert!(disputed.contains("1,000 troops\t002_b7761c4897ea9275.txt"), "{out}");
    assert!(disputed.contains("650 troops\t003_a9cbf47f8b5096a3.txt"), "{out}");

    let json = folio(&["--compare", "000_dd5b303a7930cf20.txt", "004_73e098508302a61c.txt", "--json"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("one JSON object");
    let names: Vec<&str> = value["disputed"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["about"] == "Bazoum")
        .flat_map(|f| f["variants"].as_array().into_iter().flatten())
        .filter_map(|v| v["text"].as_str())
        .collect();
    assert!(names.contains(&"Mohamed Bazoum") && names.contains(&"Mahamoud Bazoum"), "{value}");
}

#[test]
fn folio_related_prints_like_filter_and_json_gives_the_reason() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stories");
    let of = dir.join("fire-d1.txt");
    let output = folio(&["--related", of.to_str().unwrap(), dir.to_str().unwrap()]);
    assert!(output.status.success());
    let out = String::from_utf8_lossy(&output.stdout);
    let first = out.lines().next().unwrap_or_default();
    assert!(first.starts_with("Cedar Gap fire jumps Route 17 as winds rise\t"), "{out}");
    assert!(first.ends_with("fire-d2.txt"), "{out}");
    assert!(!out.contains("fire-d1.txt"), "never the article itself: {out}");

    let json = folio(&["--related", of.to_str().unwrap(), dir.to_str().unwrap(), "--json"]);
    let first: serde_json::Value =
        serde_json::from_str(String::from_utf8_lossy(&json.stdout).lines().next().unwrap_or("{}")).unwrap();
    assert!(first["score"].as_f64().is_some_and(|s| s > 0.0));
    assert!(first["reason"].as_str().is_some_and(|r| r.starts_with("shares ")), "{first}");
}

#[test]
fn a_corpus_path_that_is_not_there_exits_2_and_names_it() {
    let output = folio(&["--stories", "no/such/folder"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no/such/folder"));
}

/// Copies the story fixtures into a fresh folder, dated an hour back so
/// that the cache trusts them.
fn fixtures_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("news");
    std::fs::create_dir(&corpus).expect("creates");
    let from = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stories");
    for entry in std::fs::read_dir(from).expect("fixtures") {
        let path = entry.expect("an entry").path();
        let to = corpus.join(path.file_name().expect("a name"));
        std::fs::copy(&path, &to).expect("copies");
        date_back(&to);
    }
    (dir, corpus)
}

fn date_back(path: &Path) {
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    let file = std::fs::File::options().write(true).open(path).expect("opens");
    file.set_modified(hour_ago).expect("dates back");
}

/// The stories of a load as sorted file names, with each story's reports.
fn named_stories(whole: &library::Whole) -> Vec<(Vec<String>, usize)> {
    let corpus = &whole.loaded.corpus;
    let mut stories: Vec<(Vec<String>, usize)> = whole
        .stories
        .as_ref()
        .expect("stories asked for")
        .iter()
        .map(|s| {
            let mut names: Vec<String> =
                s.articles.iter().filter_map(|&id| corpus.get(id)).map(name).collect();
            names.sort();
            (names, s.reports)
        })
        .collect();
    stories.sort();
    stories
}

#[test]
fn stories_are_cached_with_the_index_and_found_again_when_one_file_changes() {
    let (dir, corpus) = fixtures_copy();
    let cache = dir.path().join("corpus.cache");
    let paths = [corpus.clone()];
    let cold = library::load_with_stories(&paths, Some(&cache)).expect("loads");
    assert!(!cold.from_cache);
    let expected = named_stories(&cold);
    assert_eq!(expected.len(), 4, "{expected:?}");
    assert!(expected.iter().any(|(names, reports)| names.len() == 4 && *reports == 3), "{expected:?}");

    let warm = library::load_with_stories(&paths, Some(&cache)).expect("loads");
    assert!(warm.from_cache, "the second load reads the cache");
    assert_eq!(named_stories(&warm), expected, "the cached stories are the same");

    // One file changes: it is parsed again, the others come from the
    // cache with their signatures, and grouping again finds the reprint.
    let single = corpus.join("single-museum.txt");
    let text = std::fs::read_to_string(&single).expect("reads");
    std::fs::write(&single, format!("{text}\nThe museum opens at nine.\n")).expect("writes");
    date_back(&single);
    let partly = library::load_with_stories(&paths, Some(&cache)).expect("loads");
    assert!(!partly.from_cache, "the changed file was parsed");
    assert_eq!(named_stories(&partly), expected);
}

#[test]
fn places_and_institutions_are_not_compared_as_people() {
    let corpus = load_bundled().corpus;
    let (a, b) = (seed(&corpus, "000_"), seed(&corpus, "004_"));
    let comparison = compare(&[&a, &b]);
    let names: Vec<&str> = comparison
        .agreed
        .iter()
        .chain(&comparison.disputed)
        .filter(|f| f.kind == Kind::Name)
        .map(|f| f.about.as_str())
        .collect();
    // "Air Base 101" and "the United States" are in both; Singh and Bazoum
    // are named again on their own, as people are.
    assert!(!names.contains(&"Base") && !names.contains(&"States"), "{names:?}");
    assert!(names.contains(&"Singh") && names.contains(&"Bazoum"), "{names:?}");
}
