//! A load streaming in while folio is in use: the list grows batch by
//! batch, stays usable and searchable, keeps what the user selected, and
//! brings back the remembered article when it arrives.

mod common;

use std::sync::Arc;

use common::{press, search_now, selected_source, view_sources};
use folio::app::App;
use folio::corpus::{Article, Batch, Corpus, Progress, Skipped, load_bundled, stream_paths};
use folio::keys::Action;
use folio::search::{Query, Searcher};
use folio::state::{self, ReadingState};

/// The bundled seeds, as articles to hand over.
fn seeds() -> Vec<Article> {
    load_bundled().corpus.articles().iter().map(|a| Article::clone(a)).collect()
}

fn batch(articles: Vec<Article>, done: usize, total: usize) -> Batch {
    let progress = Progress { files_done: done, files_total: total, finished: done == total };
    Batch { articles, skipped: Vec::new(), progress }
}

fn streaming_app() -> App {
    let mut app = App::new(Corpus::default(), &[]).streaming();
    app.update(Action::Resize { width: 120, height: 40 });
    app
}

#[test]
fn the_list_grows_as_batches_arrive_and_the_selection_stays() {
    let mut seeds = seeds();
    let later = seeds.split_off(2);
    let mut app = streaming_app();
    assert!(app.listed().is_empty());
    assert_eq!(app.loading(), Some(Progress::default()));

    app.update(Action::Loaded(batch(seeds, 2, 5)));
    assert_eq!(view_sources(&app), ["000_dd5b303a7930cf20.txt", "001_619b3976b39de8ca.txt"]);
    press(&mut app, "j");
    assert_eq!(selected_source(&app), "001_619b3976b39de8ca.txt");
    assert_eq!(app.loading().map(|p| (p.files_done, p.files_total)), Some((2, 5)));

    app.update(Action::Loaded(batch(later, 5, 5)));
    assert_eq!(app.listed().len(), 5);
    assert_eq!(selected_source(&app), "001_619b3976b39de8ca.txt", "the user's row stays selected");
    assert_eq!(app.loading(), None, "finished");
    assert!(!app.should_quit());
    let ids: Vec<usize> = app.corpus().articles().iter().map(|a| a.id).collect();
    assert_eq!(ids, [0, 1, 2, 3, 4], "numbered on in arrival order");
}

#[test]
fn a_filter_typed_while_loading_covers_the_articles_that_arrive_after() {
    let seeds = seeds();
    let uranium =
        |a: &Article| a.text().searchable(folio::corpus::View::Clean).any(|p| p.contains("uranium"));
    let (with, without): (Vec<Article>, Vec<Article>) = seeds.into_iter().partition(uranium);
    assert!(!with.is_empty() && !without.is_empty(), "the seeds have both");
    let total = with.len() + without.len();
    let mut app = streaming_app();
    app.update(Action::Loaded(batch(without.clone(), without.len(), total)));
    press(&mut app, "/uranium");
    assert!(app.listed().is_empty(), "nothing loaded yet mentions it");

    app.update(Action::Loaded(batch(with.clone(), total, total)));
    search_now(&mut app);
    let found = view_sources(&app);
    let expected: Vec<&str> = with.iter().map(|a| a.source.as_str()).collect();
    assert_eq!(found.len(), expected.len());
    assert!(expected.iter().all(|s| found.iter().any(|f| f == s)), "{found:?}");
}

#[test]
fn the_search_thread_indexes_a_growing_corpus() {
    let seeds = seeds();
    let first = Arc::new(Corpus::new(seeds[..2].to_vec()));
    let mut searcher = Searcher::new(Arc::clone(&first));
    let query = Query::parse("uranium");
    let before = searcher.search(&query, folio::corpus::View::Clean).len();
    searcher.grow(Arc::new(first.extended(seeds[2..].to_vec())));
    let after = searcher.search(&query, folio::corpus::View::Clean);
    let mut fresh = Searcher::new(Arc::new(Corpus::new(seeds)));
    assert_eq!(after, fresh.search(&query, folio::corpus::View::Clean), "as if built at once");
    assert!(after.len() > before);
}

#[test]
fn the_remembered_article_is_selected_when_it_arrives_unless_the_user_moved() {
    let seeds = seeds();
    let mut state = ReadingState::default();
    state.last_article = Some(state::key(&seeds[3]));
    for user_moves in [false, true] {
        let mut app = streaming_app().remembering(state.clone());
        app.update(Action::Loaded(batch(seeds[..2].to_vec(), 2, 5)));
        if user_moves {
            press(&mut app, "j");
        }
        app.update(Action::Loaded(batch(seeds[2..].to_vec(), 5, 5)));
        let expected = if user_moves { &seeds[1].source } else { &seeds[3].source };
        assert_eq!(&selected_source(&app), expected, "user moved: {user_moves}");
    }
}

#[test]
fn what_an_older_folio_saved_comes_back_as_its_articles_arrive() {
    // A state file as folio wrote it before state version 2: keys of the
    // FNV-1a hash of the text, each paragraph ended by a newline.
    let seeds = seeds();
    let old_key = |article: &Article| {
        let text = article.text();
        let hash = folio::fsutil::fnv1a(text.paragraphs.iter().flat_map(|p| p.text.bytes().chain([b'\n'])));
        format!("{hash:016x} {}", article.source)
    };
    let (read, last) = (&seeds[1], &seeds[3]);
    let json = serde_json::json!({
        "version": 1,
        "articles": {
            old_key(read): { "path": read.source, "paragraph": 0, "offset": 0, "read": true, "bookmarked": true, "changed": 1 },
        },
        "last_query": "",
        "last_article": old_key(last),
    });
    let dir = tempfile::tempdir().expect("temp dir");
    let store = folio::state::Store::new(dir.path());
    std::fs::write(store.path(), json.to_string()).expect("written");
    let (saved, problem) = store.load();
    assert!(problem.is_none());

    let mut app = streaming_app().remembering(saved);
    app.update(Action::Loaded(batch(seeds[..2].to_vec(), 2, 5)));
    app.update(Action::Loaded(batch(seeds[2..].to_vec(), 5, 5)));
    assert_eq!(&selected_source(&app), &last.source, "the last article is selected again");
    let now = app.reading_state();
    let entry = now.get(read).map(|s| (s.read, s.bookmarked));
    assert_eq!(entry, Some((true, true)), "read and bookmarked, under today's key");
    assert!(now.articles.contains_key(&old_key(read)), "the old entry stays for the older folio");
}

#[test]
fn a_load_that_finds_nothing_readable_ends_with_the_reasons_kept() {
    let mut app = streaming_app();
    let skipped = vec![Skipped { path: "a.bin".into(), reason: "binary file".into() }];
    let progress = Progress { files_done: 1, files_total: 1, finished: true };
    app.update(Action::Loaded(Batch { articles: Vec::new(), skipped: skipped.clone(), progress }));
    assert!(app.should_quit(), "nothing to read: folio says so and exits");
    assert_eq!(app.skipped(), skipped);
}

#[test]
fn skipped_files_are_reported_once_the_load_has_finished() {
    let mut app = streaming_app();
    let skipped = vec![Skipped { path: "a.bin".into(), reason: "binary file".into() }];
    let mut first = batch(seeds(), 5, 6);
    first.skipped = skipped;
    app.update(Action::Loaded(first));
    assert_eq!(app.notice(), None, "not while loading");
    app.update(Action::Loaded(batch(Vec::new(), 6, 6)));
    assert_eq!(app.notice(), Some("5 loaded, 1 skipped (! lists them)"));
}

#[test]
fn a_folder_streams_in_file_name_order_and_stops_when_nobody_waits() {
    let dir = tempfile::tempdir().expect("temp dir");
    for i in (0..600).rev() {
        std::fs::write(
            dir.path().join(format!("{i:04}.txt")),
            format!("Story Number {i} Headline\n\nBody {i}."),
        )
        .expect("writes");
    }
    std::fs::write(dir.path().join("0300.md"), [0xffu8, 0, 1, 2]).expect("writes");
    let mut batches = Vec::new();
    stream_paths(&[dir.path().to_owned()], &mut |batch| {
        batches.push(batch);
        true
    })
    .expect("loads");
    let last = batches.last().expect("batches");
    assert!(last.progress.finished && last.progress.files_done == 601 && last.progress.files_total == 601);
    assert!(batches.len() > 2, "more than one batch of files: {}", batches.len());
    let titles: Vec<String> =
        batches.iter().flat_map(|b| b.articles.iter().map(|a| a.title.clone())).collect();
    let expected: Vec<String> = (0..600).map(|i| format!("Story Number {i} Headline")).collect();
    assert_eq!(titles, expected);
    let skipped: Vec<&Skipped> = batches.iter().flat_map(|b| &b.skipped).collect();
    assert_eq!(skipped.len(), 1);
    assert!(skipped[0].path.ends_with("0300.md"), "{skipped:?}");

    let mut handed = 0;
    stream_paths(&[dir.path().to_owned()], &mut |_| {
        handed += 1;
        false
    })
    .expect("stops cleanly");
    assert_eq!(handed, 1, "nothing more once nobody waits");
}
