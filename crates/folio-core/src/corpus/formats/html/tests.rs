//! The HTML reader on pages written in the shape of real ones: what is
//! kept, what is furniture, and input that once broke it.

use super::nesting::MAX_DEPTH;
use super::*;
use crate::corpus::paragraph::Kind;
use std::borrow::Cow;

const PAGE: &str = r#"<!doctype html><html><head>
        <title>Troops Stay in Niger | Example News</title>
        <meta property="og:site_name" content="Example News">
        <meta name="author" content="Jane Doe">
        <meta property="article:published_time" content="2024-03-18T09:00:00Z">
        <link rel="canonical" href="https://example.org/troops">
        <style>p { color: red }</style><script>alert("x")</script>
      </head><body>
        <header><a href="/">Home</a> <a href="/world">World</a></header>
        <nav><ul><li>Politics</li><li>Sport</li></ul></nav>
        <h1>Troops Stay in Niger</h1>
        <p>The <em>Pentagon</em> said on <a href="https://example.org/monday">Monday</a>
           that   troops would stay.</p>
        <blockquote><p>We are in talks.</p></blockquote>
        <ol start="2"><li>Second point</li><li>Third point</li></ol>
        <pre>  keep
    spacing</pre>
        <aside>Most read: something else</aside>
        <footer>© Example News. All rights reserved.</footer>
      </body></html>"#;

#[test]
fn a_link_left_open_across_paragraphs_with_wide_letters_still_parses() {
    // Found by tests/fuzz.rs: the link opened 21 bytes into one
    // paragraph and closed in a later one, where byte 21 fell inside a
    // three-byte character.
    let page = "`Title Here`Read Next: 1. Home22 Comments`# \u{feff}`Read Next: é</div></nav>`# # \
                    ...</<p>\nAuthor: Jane Doe<a href=\"x\"></p>You May Also Like# Read Next: \
                    [[[Share this articlebecome a member`Share this article\u{feff}\n";
    let draft = parse(page);
    let text: Vec<&str> = draft.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert!(text.iter().any(|t| t.contains("Author: Jane Doe")), "{text:?}");
    assert!(text.iter().any(|t| t.contains("You May Also Like")), "{text:?}");
}

#[test]
fn a_page_becomes_its_article() {
    let draft = parse(PAGE);
    assert_eq!(draft.title.as_deref(), Some("Troops Stay in Niger"));
    assert_eq!(draft.meta.site.as_deref(), Some("Example News"));
    assert_eq!(draft.meta.author.as_deref(), Some("Jane Doe"));
    assert_eq!(draft.meta.date.as_deref(), Some("2024-03-18T09:00:00Z"));
    assert_eq!(draft.meta.url.as_deref(), Some("https://example.org/troops"));
    let got: Vec<(Kind, &str)> = draft.paragraphs.iter().map(|p| (p.kind.clone(), p.text.as_str())).collect();
    assert_eq!(
        got,
        [
            // The headline is the title, shown above the body, not in it.
            (Kind::Text, "The Pentagon said on Monday[1] that troops would stay."),
            (Kind::Quote, "We are in talks."),
            (Kind::ListItem { depth: 0, marker: "2.".into() }, "Second point"),
            (Kind::ListItem { depth: 0, marker: "3.".into() }, "Third point"),
            (Kind::Code, "  keep\n    spacing"),
            (Kind::Reference, "Links"),
            (Kind::Reference, "[1] https://example.org/monday"),
        ]
    );
}

#[test]
fn the_pages_furniture_elements_are_left_out() {
    let page = "<html><body><header><a href=/>Home</a></header><nav>Menu text</nav>\
                    <article><header><h2>Head Line</h2></header><p>Story.</p></article>\
                    <aside>Most read</aside><div role=contentinfo>Footer text</div></body></html>";
    let texts: Vec<String> = parse(page).paragraphs.into_iter().map(|p| p.text).collect();
    assert_eq!(texts, ["Head Line", "Story."]);
}

#[test]
fn deep_nesting_neither_overflows_the_stack_nor_takes_quadratic_time() {
    let page = format!("{}deep{}", "<div><span>".repeat(20_000), "</span></div>".repeat(20_000));
    let handle = std::thread::Builder::new().stack_size(256 * 1024).spawn(move || parse(&page).paragraphs);
    let paragraphs = handle.expect("thread").join().expect("no overflow");
    let texts: Vec<&str> = paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["deep"]);
}

#[test]
fn attributes_and_self_closing_tags_do_not_hide_nesting_from_the_limit() {
    // html5ever opens a <div> whatever its attributes say and however
    // its tag ends: 100,000 of them nested would take it minutes.
    for tag in [r#"<div title="/>">"#, r#"<div title='a > b'>"#, "<div/>", r#"<div data-x="<div>">"#] {
        let page = format!("{}deep{}", tag.repeat(100_000), "</div>".repeat(100_000));
        let limited = limit_nesting(&page);
        assert_eq!(limited.matches(tag).count(), MAX_DEPTH, "{tag}");
        let texts: Vec<String> = parse(&page).paragraphs.into_iter().map(|p| p.text).collect();
        assert!(texts.iter().any(|t| t.ends_with("deep")), "{tag}: {texts:?}");
    }
    // In an SVG drawing, "/>" does close: its shapes never nest.
    let drawing = format!("<svg>{}</svg><div>after</div>", "<path d='M0 0'/>".repeat(MAX_DEPTH * 2));
    assert!(matches!(limit_nesting(&drawing), Cow::Borrowed(_)));
}

#[test]
fn nesting_is_only_limited_past_the_limit() {
    let normal = "<div><p>a<br>b<img src=x><br/></p><script>if (a<b) {}</script><!-- <div> --></div>";
    assert!(matches!(limit_nesting(normal), Cow::Borrowed(_)));
    let deep = format!("{}x{}", "<div>".repeat(MAX_DEPTH + 3), "</div>".repeat(MAX_DEPTH + 3));
    let limited = limit_nesting(&deep);
    assert_eq!(limited.matches("<div>").count(), MAX_DEPTH);
    assert_eq!(limited.matches("</div>").count(), MAX_DEPTH);
}
