//! HTML pages in the shapes of real ones (a news story in all its site
//! furniture, a documentation page, a story laid out in bare `<div>`s):
//! what the reader shows of each, and what it leaves out (issue 21).

use std::path::Path;

use folio::corpus::{Article, Format, Kind, View, load_bytes};

fn load(name: &str) -> Article {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html").join(name);
    let bytes = std::fs::read(&path).expect("fixture");
    let loaded = load_bytes(name, &bytes, Format::Html);
    loaded.corpus.articles().first().expect("one article").as_ref().clone()
}

/// The text the reader shows under the title, links list left out.
fn shown(article: &Article) -> String {
    let text = article.text();
    let body: Vec<String> = text
        .body(View::Clean)
        .filter(|(_, p)| p.kind != Kind::Reference)
        .map(|(_, p)| p.text.clone())
        .collect();
    body.join("\n")
}

#[test]
fn a_news_page_shows_its_story_and_none_of_the_sites_furniture() {
    let article = load("news.html");
    assert_eq!(article.title, "Council Approves New Bridge Over the Harbour");
    assert_eq!(article.meta.site.as_deref(), Some("Riverside Gazette"));
    assert_eq!(article.meta.author.as_deref(), Some("Maria Lopez"));
    assert_eq!(article.meta.date.as_deref(), Some("2026-03-02T08:30:00Z"));
    assert_eq!(
        article.meta.url.as_deref(),
        Some("https://gazette.example/2026/03/02/council-approves-bridge")
    );
    let body = shown(&article);
    for kept in [
        "The city council voted eight to three",
        "Years of argument",
        "This is the day the two halves of the city finally meet",
        "Construction is due to start in the spring of 2027.",
        "The council will publish the final design",
    ] {
        assert!(body.contains(kept), "lost {kept:?} from:\n{body}");
    }
    for furniture in [
        "We use cookies",
        "Sport",
        "Facebook",
        "Ferry fares rise",
        "Related stories",
        "morning briefing",
        "12 Comments",
        "waste of money",
        "Most read",
        "Storm warning",
        "All rights reserved",
        "Privacy policy",
    ] {
        assert!(!body.contains(furniture), "kept {furniture:?} in:\n{body}");
    }
    // The headline is the title, never a line of the body too.
    assert!(!body.contains("Council Approves New Bridge"), "{body}");
    // Styles survive: the section heading, the quote and the list.
    let text = article.text();
    let kind_of =
        |start: &str| text.paragraphs.iter().find(|p| p.text.starts_with(start)).map(|p| p.kind.clone());
    assert_eq!(kind_of("Years of argument"), Some(Kind::Heading(2)));
    assert!(matches!(kind_of("\"This is the day"), Some(Kind::Quote)));
    assert!(matches!(kind_of("Construction is due"), Some(Kind::ListItem { .. })));
}

#[test]
fn a_documentation_page_keeps_every_section_and_its_code() {
    let article = load("docs.html");
    let body = shown(&article);
    for kept in [
        "tidyfs reads its settings from ~/.config/tidyfs/config.toml",
        "Contents",
        "Each section names a folder.",
        "keep = \"30d\"",
        "How long files stay before they are removed.",
        "Comments",
        "A line that starts with # is a comment",
        "See also",
        "Writing rules",
        "Frequently asked questions",
    ] {
        assert!(body.contains(kept), "lost {kept:?} from:\n{body}");
    }
    assert_eq!(article.hidden(), 0, "{body}");
    for furniture in ["Quick search", "tidyfs 2.4 documentation »"] {
        assert!(!body.contains(furniture), "kept {furniture:?} in:\n{body}");
    }
}

#[test]
fn a_story_in_bare_divs_is_found_among_the_link_boxes() {
    let article = load("divs.html");
    let body = shown(&article);
    for kept in [
        "After a gap of almost twenty years",
        "The service will leave the central station",
        "Fares will start at 49 euros",
        "The old sleeper service was stopped in 2007",
    ] {
        assert!(body.contains(kept), "lost {kept:?} from:\n{body}");
    }
    for furniture in ["Log in", "Mayor opens the new library", "Advertise with us", "Copyright 2026"] {
        assert!(!body.contains(furniture), "kept {furniture:?} in:\n{body}");
    }
}
