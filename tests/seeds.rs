//! The bundled corpus as a user meets it: every seed loads, in file-name
//! order, with the title a reader would give it.

use folio::corpus::{Article, load_bundled};

fn raw(article: &Article) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds").join(&article.source);
    std::fs::read_to_string(path).expect("seed is UTF-8")
}

fn seeds() -> Vec<Article> {
    let loaded = load_bundled();
    assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
    loaded.corpus.articles().iter().map(|a| Article::clone(a)).collect()
}

#[test]
fn every_seed_has_the_title_a_reader_would_give_it() {
    let titles: Vec<(String, String)> = seeds().into_iter().map(|a| (a.source, a.title)).collect();
    let expected = [
        // A headline on the first line, ending in a full stop.
        (
            "000_dd5b303a7930cf20.txt",
            "After weeks of halted operations, The Pentagon announces resumptions of recon missions in Niger.",
        ),
        // Past "Connect with us" and "Hi, what are you looking for?".
        ("001_619b3976b39de8ca.txt", "U.S. Wants to Keep Troops in Niger Despite Ally’s Claim of Illegality"),
        // Past the breadcrumb list "1. Home / 2. West Africa / 3. Niger".
        ("002_b7761c4897ea9275.txt", "US military kicked out of Niger"),
        // Opens straight into prose: the first sentence, cut at a word.
        (
            "003_a9cbf47f8b5096a3.txt",
            "The Pentagon is working with Nigerien authorities to find a way to keep U.S.…",
        ),
        ("004_73e098508302a61c.txt", "US Looking To Stay in Niger Despite Order To Leave"),
    ];
    let expected: Vec<(String, String)> =
        expected.iter().map(|(s, t)| (s.to_string(), t.to_string())).collect();
    assert_eq!(titles, expected);
}

#[test]
fn every_file_in_the_seeds_folder_is_bundled() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut on_disk: Vec<String> = std::fs::read_dir(&folder)
        .expect("seeds/ is readable")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let bundled: Vec<String> = seeds().into_iter().map(|a| a.source).collect();
    assert_eq!(bundled, on_disk);
}

#[test]
fn word_counts_and_reading_times_count_the_cleaned_text() {
    for article in seeds() {
        let raw = raw(&article);
        let naive = raw.split_whitespace().count();
        let hidden: usize = article
            .text()
            .paragraphs
            .iter()
            .filter(|p| p.is_furniture())
            .map(|p| p.text.split_whitespace().count())
            .sum();
        // Our count skips lone dashes and bullets, so it is close to a naive
        // count of what is left once the furniture is hidden.
        let kept = naive - hidden;
        assert!(
            article.words <= kept && article.words * 100 >= kept * 95,
            "{}: {} vs {kept}",
            article.source,
            article.words
        );
        assert_eq!(article.reading_minutes(), article.words.div_ceil(230));
    }
    // The comment thread is half of seed 003; it does not count.
    let comments = seeds().into_iter().find(|a| a.source.starts_with("003_")).expect("seed 003");
    assert_eq!(comments.reading_minutes(), 2);
}

#[test]
fn no_text_is_lost_between_file_and_paragraphs() {
    for article in seeds() {
        let raw = raw(&article);
        let from_file: Vec<&str> = raw.split_whitespace().collect();
        let text = article.text();
        let texts: Vec<&str> = text.paragraphs.iter().map(|p| p.text.as_str()).collect();
        let joined = texts.join(" ");
        let from_article: Vec<&str> = joined.split_whitespace().collect();
        assert_eq!(from_article, from_file, "{}", article.source);
    }
}
