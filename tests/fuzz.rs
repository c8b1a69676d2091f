//! Fuzzing with proptest, as cargo-fuzz cannot run in CI here: every loader,
//! the title and cleanup heuristics and the layout get arbitrary bytes and
//! markup-shaped text, and must neither panic nor take long. A case that
//! takes seconds is a blow-up (a hang would never finish), so each case is
//! timed. Case counts come from `PROPTEST_CASES` (256 when unset).

use std::time::{Duration, Instant};

use folio::corpus::cleanup;
use folio::corpus::title;
use folio::corpus::{Article, Format, Kind, Loaded, Paragraph, View, load_bytes};
use folio::document::{Document, paragraph_block};
use folio::search::Query;
use folio::search::marks::Marks;
use proptest::prelude::*;

/// Far more than any case needs, even in a debug build on a busy machine.
const CASE_BUDGET: Duration = Duration::from_secs(3);

const FORMATS: [Format; 5] = [Format::Text, Format::Markdown, Format::Html, Format::JsonLines, Format::Json];

/// Pieces of every syntax folio reads, shuffled into inputs that reach
/// deeper into the parsers than random bytes do.
const TOKENS: &[&str] = &[
    "\n",
    "\n\n",
    " ",
    "\t",
    "\r\n",
    "\u{feff}",
    "\0",
    "\x1b[31m",
    "é",
    "東京",
    "…",
    "word",
    "Title Here",
    "# ",
    "## ",
    "> ",
    "- ",
    "1. ",
    "* ",
    "```\n",
    "`",
    "*",
    "_",
    "**",
    "[",
    "](",
    ")",
    "![",
    "<",
    ">",
    "</",
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<article>",
    "<nav>",
    "</nav>",
    "<pre>",
    "<a href=\"x\">",
    "</a>",
    "<li>",
    "<ol start=9>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "&amp;",
    "---\n",
    "+++\n",
    "title: ",
    "title = \"",
    "\"",
    "[[[",
    "{",
    "}",
    "\"title\": ",
    "\"body\": ",
    ",",
    ":",
    "Read Next: ",
    "Share this article",
    "22 Comments",
    "You May Also Like",
    "Author: Jane Doe",
    "(Credits: AP)",
    "become a member",
    "...",
    "1. Home",
    "Home / World / Africa",
];

fn shaped_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..300).prop_map(|parts| parts.concat())
}

fn any_input() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..2000),
        any::<String>().prop_map(String::into_bytes),
        shaped_text().prop_map(String::into_bytes),
    ]
}

/// What every loaded article must be, whatever the input.
fn check_loaded(loaded: &Loaded) {
    for article in loaded.corpus.articles() {
        assert!(!article.title.is_empty());
        assert!(!article.title.chars().any(char::is_control), "{:?}", article.title);
        for p in &article.text().paragraphs {
            let allowed = |c: char| c == '\n' && p.kind == Kind::Code;
            assert!(!p.text.chars().any(|c| c.is_control() && !allowed(c)), "{:?}", p.text);
            for span in &p.spans {
                assert!(p.text.get(span.range.clone()).is_some(), "span {:?} in {:?}", span.range, p.text);
            }
        }
        for view in [View::Clean, View::Raw] {
            for width in [2, 7, 40] {
                let doc = Document::layout(article, width, view);
                assert!(
                    doc.lines.windows(2).all(|w| w[0].anchor < w[1].anchor),
                    "anchors grow down the page"
                );
                for line in &doc.lines {
                    assert!(line.spans.iter().all(|s| line.text.get(s.range.clone()).is_some()));
                }
            }
        }
    }
}

fn timed(what: &str, work: impl FnOnce()) {
    let started = Instant::now();
    work();
    assert!(started.elapsed() < CASE_BUDGET, "{what} took {:?}", started.elapsed());
}

proptest! {
    #[test]
    fn every_loader_takes_any_input(bytes in any_input()) {
        for format in FORMATS {
            timed(&format!("{format:?}"), || check_loaded(&load_bytes("fuzz", &bytes, format)));
        }
    }

    #[test]
    fn the_title_and_cleanup_heuristics_take_any_paragraphs(
        lines in prop::collection::vec(prop_oneof![any::<String>(), shaped_text()], 0..20),
    ) {
        timed("cleanup and title", || {
            let mut paragraphs: Vec<Paragraph> = lines.iter().map(|l| Paragraph::plain(l.as_str())).collect();
            cleanup::mark(&mut paragraphs);
            let found = title::find(&paragraphs, "fallback", false);
            assert!(!found.text.is_empty());
            if let Some(i) = found.paragraph {
                cleanup::mark_repeated_title(&mut paragraphs, &found.text, i + 1);
                assert!(!paragraphs[i].is_furniture());
            }
            for line in &lines {
                let _ = cleanup::byline_name(line);
            }
        });
    }

    #[test]
    fn shortened_titles_fit(text in any::<String>(), max in 2usize..100) {
        let short = title::shorten(&text, max);
        prop_assert!(short.chars().count() <= max, "{short:?}");
    }

    /// Anchors and aliases to them, nested and fanned out at random: most
    /// stand for far more nodes than a file holds, which must not be built.
    #[test]
    fn yaml_aliases_in_front_matter_load_at_once(levels in 1usize..40, fan_out in 1usize..16) {
        let mut lines = vec!["title: Aliased".to_owned(), "a0: &a0 [lol, lol]".to_owned()];
        for level in 1..levels {
            lines.push(format!("a{level}: &a{level} [{}]", vec![format!("*a{}", level - 1); fan_out].join(", ")));
        }
        let text = format!("---\n{}\n---\nThe body.\n", lines.join("\n"));
        timed("alias bomb", || {
            let loaded = load_bytes("bomb.md", text.as_bytes(), Format::Markdown);
            check_loaded(&loaded);
            let article = &loaded.corpus.articles()[0];
            // A sequence is a node and its items; the mapping, its keys
            // and the title are a few nodes more.
            let mut size: u128 = 3;
            let mut nodes: u128 = 3 + size + 1;
            for _ in 1..levels {
                size = (fan_out as u128).saturating_mul(size).saturating_add(1);
                nodes = nodes.saturating_add(size).saturating_add(1);
            }
            if nodes < 9_000 {
                assert_eq!(article.title, "Aliased", "small enough to be front matter");
            } else if nodes > 11_000 {
                assert_ne!(article.title, "Aliased", "too big to be front matter");
            }
        });
    }

    /// Text in Latin-1's letters (which never form UTF-8 between ASCII
    /// letters) reads back as the characters it was written in.
    #[test]
    fn latin1_text_reads_back_as_written(text in "[a-z ]{0,5}([à-ÿ][a-z ]{1,5}){1,40}") {
        let bytes: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
        let loaded = load_bytes("latin1.txt", &bytes, Format::Text);
        let article = &loaded.corpus.articles()[0];
        prop_assert!(!article.lossy);
        let read: Vec<String> = article.text().paragraphs.iter().map(|p| p.text.clone()).collect();
        let read = read.join(" ");
        prop_assert_eq!(read.split_whitespace().collect::<Vec<_>>(), text.split_whitespace().collect::<Vec<_>>());
    }

    /// Highlights over a long paragraph: in order, apart, on the text, and
    /// found and placed on lines in time linear in the paragraph.
    #[test]
    fn highlights_of_any_query_land_on_the_text(
        words in prop::collection::vec(prop::sample::select(&["a", "ab", "uranium", "Uranium", "the", "é"][..]), 1..20_000),
        query in "(\"?(a|ab|ura|the|é|x)( (a|ab|the|é|u)){0,3}\"? ?){1,3}",
    ) {
        let body = words.join(" ");
        let article = Article::from_text(0, "long.txt", &format!("A Title For Marks\n\n{body}"));
        timed("highlights", || {
            let marks = Marks::new(&Query::parse(&query));
            let text = article.text();
            let doc = Document::layout(&article, 30, View::Clean);
            for (index, paragraph) in text.body(View::Clean) {
                let found = marks.in_body(&paragraph.text);
                assert!(found.windows(2).all(|w| w[0].end < w[1].start), "sorted and apart: {query:?}");
                assert!(found.iter().all(|r| paragraph.text.get(r.clone()).is_some()));
                let placed = doc.mark(paragraph_block(index), &found);
                assert!(placed.windows(2).all(|w| w[0].line <= w[1].line));
                assert!(placed.iter().all(|m| doc.lines[m.line].text.get(m.range.clone()).is_some_and(|t| !t.is_empty())));
                assert!(placed.len() >= found.len(), "every match shows on a line");
            }
        });
    }

    #[test]
    fn front_matter_leaves_the_rest_of_the_text(text in prop_oneof![any::<String>(), shaped_text()]) {
        let (_, rest) = folio::corpus::frontmatter::split(&text);
        prop_assert!(text.ends_with(rest));
    }
}

#[test]
fn pathological_inputs_finish_quickly() {
    let cases: Vec<(&str, String)> = vec![
        ("unclosed tags", "<a".repeat(200_000)),
        ("nested quotes", ">".repeat(100_000)),
        ("nested lists", "- ".repeat(50_000)),
        ("nested brackets", "[".repeat(100_000)),
        ("nested emphasis", "*_".repeat(100_000)),
        ("nested divs", "<div>".repeat(100_000)),
        ("nested json", format!("{}{}", "[".repeat(100_000), "]".repeat(100_000))),
        ("one huge word", "x".repeat(1_000_000)),
        ("newlines", "\n".repeat(1_000_000)),
        ("breadcrumbs", "1. Home\n".repeat(50_000)),
        ("prompts", "Become a member.\nword\n".repeat(20_000)),
        // Past the cap on paragraphs.
        ("one-letter paragraphs", "a\n\n".repeat(60_000)),
        ("one-letter lines", "a\n".repeat(60_000)),
        ("markdown links", (0..5_000).map(|i| format!("[l](https://example.org/{i}) ")).collect()),
        ("one long paragraph", "the uranium deal was signed ".repeat(2_000)),
        ("an alias bomb", alias_bomb(12)),
    ];
    for (what, text) in cases {
        for format in FORMATS {
            let started = Instant::now();
            check_loaded(&load_bytes("x", text.as_bytes(), format));
            let took = started.elapsed();
            assert!(took < Duration::from_secs(20), "{what} as {format:?} took {took:?}");
        }
    }
}

/// Twelve lines of YAML, each anchor nine aliases of the one before: 9^12
/// nodes once expanded.
fn alias_bomb(levels: usize) -> String {
    let mut lines = vec!["a0: &a0 [lol,lol,lol,lol,lol,lol,lol,lol,lol]".to_owned()];
    for level in 1..levels {
        lines.push(format!("a{level}: &a{level} [{}]", vec![format!("*a{}", level - 1); 9].join(",")));
    }
    format!("---\n{}\n---\nThe body.\n", lines.join("\n"))
}

#[cfg(unix)]
proptest! {
    /// Any file name a folder can hold: the article loads, its name is
    /// shown as one line with no control character, and both the name kept
    /// and the name shown lead back to the file.
    #[test]
    fn any_file_name_is_shown_safely_and_leads_back_to_the_file(
        name in proptest::collection::vec(any::<u8>().prop_filter("a name's byte", |b| *b != b'/' && *b != 0), 1..40),
        empty in any::<bool>(),
    ) {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let mut name = name;
        name.extend_from_slice(b".txt");
        let path = dir.path().join(std::ffi::OsStr::from_bytes(&name));
        std::fs::write(&path, if empty { "" } else { "A Headline Here\n\nBody." }).expect("write");
        let loaded = folio::corpus::load_paths(&[dir.path().to_owned()]).expect("loads");
        let kept = match loaded.corpus.articles().first() {
            Some(article) => article.source.clone(),
            None => loaded.skipped.first().expect("skipped, with a reason").path.clone(),
        };
        let shown = folio::shown::escape(&kept);
        prop_assert!(!shown.chars().any(char::is_control), "{shown:?}");
        prop_assert_eq!(folio::shown::path_of(&kept), path.clone());
        let back = folio::shown::unescape(&shown).expect("well-formed");
        prop_assert_eq!(folio::shown::path_from(back), path);
    }
}
