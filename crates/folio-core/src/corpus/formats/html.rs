//! HTML (`.html`, `.htm`) turned into readable styled paragraphs. The
//! page is parsed once (html5ever, as browsers parse); the title comes from
//! `<h1>` or `<title>`, metadata from `<meta>` tags, `<link rel=canonical>`
//! and `<time>`. Navigation, headers, footers, asides, forms, scripts and
//! hidden elements go first; then dom_smoothie (a port of Mozilla's
//! Readability) finds the main content by the text and link density of its
//! blocks and their class names, and that is read with scraper into
//! paragraphs, where runs of link-only paragraphs are marked as related
//! links. A page with no content found is read whole, as before.
//!
//! html5ever checks each tag against every element still open, so its time
//! grows with the square of the nesting depth. Real pages nest well under a
//! hundred deep; tags nested deeper than [`MAX_DEPTH`] are dropped (their
//! text kept) before parsing, so no page can stall the load.

use std::borrow::Cow;

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::node::Element;
use scraper::{ElementRef, Html, Node};

use super::styled::Builder;
use crate::corpus::cleanup::normalize;
use crate::corpus::paragraph::{Furniture, Kind, Paragraph};
use crate::corpus::{Draft, Meta};

/// Elements whose content is never the article.
const DROPPED: &[&str] = &[
    "aside", "button", "canvas", "dialog", "footer", "form", "iframe", "input", "menu", "nav", "noscript",
    "object", "script", "select", "style", "svg", "template", "textarea",
];

/// Landmark roles of the same furniture.
const DROPPED_ROLES: &[&str] = &["banner", "complementary", "contentinfo", "navigation", "search"];

/// Elements that end a paragraph before and after them.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "body",
    "br",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "hr",
    "main",
    "p",
    "section",
    "summary",
    "table",
    "tr",
];

/// A paragraph this much link text is a link, not prose...
const LINK_LIST_SHARE: f32 = 0.8;
/// ...and this many of them in a row are a list of links.
const MIN_LINK_LIST_RUN: usize = 2;

/// Elements nested deeper than this lose their tags, not their text.
const MAX_DEPTH: usize = 256;

/// Elements that never have a closing tag, so they never nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
    "wbr",
];

/// Elements whose content is text, whatever `<` it holds.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title"];

pub fn parse(text: &str) -> Draft {
    let limited = limit_nesting(text);
    let document = dom_query::Document::from(limited.as_ref());
    let head = Head::read(&document);
    prune(&document);
    // Only a page that says it is an article is cut down to its main
    // content: documentation, an index or a form is read whole.
    let extracted = if head.is_article { extract(document) } else { None };
    let paragraphs = match extracted {
        Some(article) => read_fragment(&article),
        None => read_page(&limited),
    };
    Draft { title: head.title(), meta: head.meta, paragraphs }
}

/// The HTML of the page's main content, as dom_smoothie (a port of
/// Mozilla's Readability) finds it: blocks scored by their text, commas and
/// link density, boilerplate class names weighed down, the best container
/// and its like siblings kept. `None` when it finds no article, and the
/// whole page is read instead. BENCHMARKS.md, "Issue 21: extraction", has
/// why this crate and not another.
fn extract(document: dom_query::Document) -> Option<String> {
    let mut readability = dom_smoothie::Readability::with_document(document, None, None).ok()?;
    let article = readability.parse().ok()?;
    Some(article.content.to_string())
}

/// Takes out what the page's own markup says is not the article, before
/// the article is looked for: furniture elements and landmarks, and the
/// page's `<header>` (an article's own holds its headline).
fn prune(document: &dom_query::Document) {
    let mut doomed = Vec::new();
    for node in document.root().descendants_it() {
        let Some(name) = node.node_name() else { continue };
        let attr = |name: &str| node.attr(name);
        let role = attr("role").map(|r| r.to_ascii_lowercase()).unwrap_or_default();
        let furniture = DROPPED.contains(&name.as_ref())
            || DROPPED_ROLES.contains(&role.as_str())
            || attr("hidden").is_some()
            || attr("aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true"))
            || (&*name == "header"
                && !node.ancestors_it(None).any(|a| a.node_name().as_deref() == Some("article")));
        if furniture {
            doomed.push(node);
        }
    }
    for node in &doomed {
        node.remove_from_parent();
    }
}

/// The extracted article: every block of it is the story's.
fn read_fragment(html: &str) -> Vec<Paragraph> {
    let fragment = Html::parse_fragment(html);
    let mut paragraphs = read_body(*fragment.root_element(), false);
    mark_link_lists(&mut paragraphs);
    paragraphs
}

/// Marks runs of paragraphs that are each nothing but a link: the "More
/// on this story" lists and teaser rails that sit inside an article's
/// container. A link the prose makes is a few words of a sentence; a local
/// table of contents ("#section" links) is not styled as a link at all.
fn mark_link_lists(paragraphs: &mut [Paragraph]) {
    let is_link =
        |p: &Paragraph| p.kind != Kind::Reference && p.kind != Kind::Code && link_share(p) >= LINK_LIST_SHARE;
    let mut at = 0;
    while at < paragraphs.len() {
        let run = paragraphs[at..].iter().take_while(|p| is_link(p)).count();
        if run >= MIN_LINK_LIST_RUN {
            for paragraph in &mut paragraphs[at..at + run] {
                paragraph.furniture = paragraph.furniture.or(Some(Furniture::Related));
            }
        }
        at += run.max(1);
    }
}

/// The share of a paragraph's letters and digits that are link text.
fn link_share(paragraph: &Paragraph) -> f32 {
    let counted = |text: &str| text.chars().filter(|c| c.is_alphanumeric()).count();
    let total = counted(&paragraph.text);
    if total == 0 {
        return 0.0;
    }
    let linked: usize = paragraph
        .spans
        .iter()
        .filter(|span| span.style.link)
        .filter_map(|span| paragraph.text.get(span.range.clone()))
        .map(counted)
        .sum();
    linked as f32 / total as f32
}

/// A page with no article found: its `<article>` (or `<main>`, or
/// `<body>`) with the page's furniture elements left out.
fn read_page(text: &str) -> Vec<Paragraph> {
    let document = Html::parse_document(text);
    let mut article = None;
    let mut main = None;
    let mut body = None;
    for element in document.root_element().descendants().filter_map(ElementRef::wrap) {
        let slot = match element.value().name() {
            "article" => &mut article,
            "main" => &mut main,
            "body" => &mut body,
            _ => continue,
        };
        slot.get_or_insert(element);
    }
    // A page's own <header> holds its masthead and menu; an article's holds
    // its headline, so it is only dropped when there is no <article>.
    let (root, drop_headers) = match (article, main, body) {
        (Some(article), _, _) => (article, false),
        (None, Some(main), _) => (main, false),
        (None, None, Some(body)) => (body, true),
        (None, None, None) => (document.root_element(), true),
    };
    read_body(*root, drop_headers)
}

/// What the whole page says about itself, gathered in one pass.
#[derive(Default)]
struct Head {
    title_tag: Option<String>,
    og_title: Option<String>,
    h1: Option<String>,
    meta: Meta,
    /// The page says it is a story: `og:type` "article", a publication
    /// time, JSON-LD of an article or blog post, or an `<article>`.
    is_article: bool,
}

impl Head {
    fn read(document: &dom_query::Document) -> Self {
        let mut head = Head::default();
        for node in document.root().descendants_it() {
            if let Some(name) = node.node_name() {
                head.note(&name, &node);
            }
        }
        head
    }

    fn note(&mut self, name: &str, node: &dom_query::NodeRef<'_>) {
        let attr = |name: &str| node.attr(name).map(|v| v.to_string());
        let first = |slot: &mut Option<String>, value: Option<String>| {
            if slot.is_none() {
                *slot = value.filter(|v| !v.trim().is_empty());
            }
        };
        if !self.is_article && attr("itemprop").is_some_and(|v| v.eq_ignore_ascii_case("datePublished")) {
            self.is_article = true;
        }
        match name {
            "title" => first(&mut self.title_tag, Some(node.text().to_string())),
            "article" => self.is_article = true,
            "script" if attr("type").is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) => {
                let json = node.text();
                self.is_article |= ["Article\"", "Posting\""].iter().any(|kind| json.contains(kind));
            }
            "h1" if self.h1.is_none() => first(&mut self.h1, Some(node.text().to_string())),
            "time" => first(&mut self.meta.date, attr("datetime")),
            "link" if attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                first(&mut self.meta.url, attr("href"));
            }
            "meta" => {
                let key = attr("property").or_else(|| attr("name")).unwrap_or_default().to_ascii_lowercase();
                let content = attr("content");
                match key.as_str() {
                    "author" | "byl" | "dc.creator" => first(&mut self.meta.author, content),
                    "og:site_name" | "application-name" => first(&mut self.meta.site, content),
                    "article:published_time" => {
                        self.is_article = true;
                        first(&mut self.meta.date, content);
                    }
                    "date" | "pubdate" | "dc.date" => first(&mut self.meta.date, content),
                    "og:type" => {
                        self.is_article |= content.is_some_and(|c| c.eq_ignore_ascii_case("article"))
                    }
                    "og:url" => first(&mut self.meta.url, content),
                    "og:title" => first(&mut self.og_title, content),
                    _ => {}
                }
            }
            _ => {}
        }
    }

    /// The `<h1>` when `<title>` is that headline plus the site's name
    /// ("Troops Stay | Example News"), else `<title>`, `og:title`, `<h1>`.
    fn title(&self) -> Option<String> {
        let page = self.title_tag.as_ref().or(self.og_title.as_ref());
        match (page, &self.h1) {
            (Some(page), Some(h1)) if normalize(page).starts_with(&normalize(h1)) => Some(h1.clone()),
            (Some(page), _) => Some(page.clone()),
            (None, h1) => h1.clone(),
        }
    }
}

/// `text` with the tags nested deeper than [`MAX_DEPTH`] removed, found by
/// a linear scan of the tags (not a parse: unclosed tags count as open, so
/// the estimate errs deep). Pages within the limit come back as they are.
fn limit_nesting(text: &str) -> Cow<'_, str> {
    let mut out: Option<String> = None;
    // One entry per open tag: whether it was kept.
    let mut open: Vec<bool> = Vec::new();
    // Open <svg> and <math> elements, as depths in `open`: only inside
    // them does "/>" close a tag, as it does for html5ever.
    let mut foreign: Vec<usize> = Vec::new();
    let mut copied = 0;
    let mut at = 0;
    while let Some(found) = text[at..].find('<') {
        let start = at + found;
        let Some(tag) = Tag::at(&text[start..]) else {
            at = start + 1;
            continue;
        };
        let end = start + tag.len;
        let self_closed = tag.self_closing && !foreign.is_empty();
        let keep = match &tag.kind {
            TagKind::Open(name) if !VOID.contains(&name.as_str()) && !self_closed => {
                if name == "svg" || name == "math" {
                    foreign.push(open.len());
                }
                let keep = open.len() < MAX_DEPTH;
                open.push(keep);
                keep
            }
            TagKind::Close => {
                let keep = open.pop().unwrap_or(true);
                if foreign.last() == Some(&open.len()) {
                    foreign.pop();
                }
                keep
            }
            TagKind::Open(_) | TagKind::Other => true,
        };
        if !keep {
            let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
            out.push_str(&text[copied..start]);
            copied = end;
        }
        at = match &tag.kind {
            TagKind::Open(name) if RAW_TEXT.contains(&name.as_str()) => {
                let closer = format!("</{name}");
                find_ascii_case_insensitive(&text[end..], &closer).map_or(text.len(), |i| end + i)
            }
            _ => end,
        };
    }
    match out {
        Some(mut out) => {
            out.push_str(&text[copied..]);
            Cow::Owned(out)
        }
        None => Cow::Borrowed(text),
    }
}

enum TagKind {
    /// An opening tag and its lower-case name.
    Open(String),
    Close,
    /// A comment, doctype or processing instruction.
    Other,
}

struct Tag {
    kind: TagKind,
    self_closing: bool,
    /// Bytes from `<` to `>` inclusive.
    len: usize,
}

impl Tag {
    /// The tag at the start of `text`, if `text` starts with one.
    fn at(text: &str) -> Option<Tag> {
        let rest = &text[1..];
        if rest.starts_with("!--") {
            let len = rest.find("-->").map_or(text.len(), |i| i + 4);
            return Some(Tag { kind: TagKind::Other, self_closing: false, len });
        }
        let (kind, name_from) = match rest.as_bytes().first()? {
            b'/' => (TagKind::Close, 2),
            b'!' | b'?' => (TagKind::Other, 1),
            c if c.is_ascii_alphabetic() => (TagKind::Open(String::new()), 1),
            _ => return None,
        };
        let len = tag_end(text).map_or(text.len(), |i| i + 1);
        let inside = &text[name_from..len];
        let kind = match kind {
            TagKind::Open(_) => {
                let name = inside
                    .split(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
                    .next()
                    .unwrap_or("");
                TagKind::Open(name.to_ascii_lowercase())
            }
            other => other,
        };
        Some(Tag { kind, self_closing: inside.trim_end_matches('>').ends_with('/'), len })
    }
}

/// Where the `>` that ends the tag at the start of `text` is: not one
/// inside a quoted attribute value (`<div title="a > b">`).
fn tag_end(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = 1;
    let mut after_equals = false;
    while at < bytes.len() {
        match bytes[at] {
            b'>' => return Some(at),
            quote @ (b'"' | b'\'') if after_equals => {
                at += memchr::memchr(quote, &bytes[at + 1..])? + 1;
                after_equals = false;
            }
            b'=' => after_equals = true,
            c if c.is_ascii_whitespace() => {}
            _ => after_equals = false,
        }
        at += 1;
    }
    None
}

fn find_ascii_case_insensitive(haystack: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    haystack.as_bytes().windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}

/// Walks the tree without recursion, so no nesting depth overflows the stack.
fn read_body(root: NodeRef<'_, Node>, drop_headers: bool) -> Vec<Paragraph> {
    let mut b = Builder::default();
    let mut skipping = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) if skipping.is_none() => match node.value() {
                Node::Text(text) => b.text(text),
                Node::Element(el) if is_dropped(el, drop_headers) => skipping = Some(node.id()),
                Node::Element(el) => open(&mut b, el),
                _ => {}
            },
            Edge::Open(_) => {}
            Edge::Close(node) => {
                if skipping.is_some() {
                    if skipping == Some(node.id()) {
                        skipping = None;
                    }
                } else if let Node::Element(el) = node.value() {
                    close(&mut b, el);
                }
            }
        }
    }
    b.finish()
}

fn is_dropped(el: &Element, drop_headers: bool) -> bool {
    let name = el.name();
    let role = el.attr("role").unwrap_or("");
    DROPPED.contains(&name)
        || (drop_headers && name == "header")
        || DROPPED_ROLES.iter().any(|r| r.eq_ignore_ascii_case(role))
        || el.attr("hidden").is_some()
        || el.attr("aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true"))
}

fn open(b: &mut Builder, el: &Element) {
    match el.name() {
        name if BLOCKS.contains(&name) => b.start_paragraph(),
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => b.start_heading(heading_level(el.name())),
        "blockquote" => b.start_quote(),
        "pre" => b.start_code_block(),
        "ul" => b.start_list(None),
        "ol" => b.start_list(Some(el.attr("start").and_then(|s| s.trim().parse().ok()).unwrap_or(1))),
        "li" => b.start_item(),
        "em" | "i" | "cite" => b.emphasis(true),
        "strong" | "b" => b.strong(true),
        "code" | "kbd" | "samp" | "tt" => b.inline_code(true),
        "a" => b.start_link(el.attr("href").unwrap_or("")),
        "td" | "th" => b.text(" "),
        _ => {}
    }
}

fn close(b: &mut Builder, el: &Element) {
    match el.name() {
        name if BLOCKS.contains(&name) => b.end_block(),
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => b.end_heading(),
        "blockquote" => b.end_quote(),
        "pre" => b.end_code_block(),
        "ul" | "ol" => b.end_list(),
        "li" => b.end_item(),
        "em" | "i" | "cite" => b.emphasis(false),
        "strong" | "b" => b.strong(false),
        "code" | "kbd" | "samp" | "tt" => b.inline_code(false),
        "a" => b.end_link(),
        _ => {}
    }
}

fn heading_level(name: &str) -> u8 {
    name.strip_prefix('h').and_then(|n| n.parse().ok()).unwrap_or(2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::paragraph::Kind;

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
    fn a_page_becomes_its_article() {
        let draft = parse(PAGE);
        assert_eq!(draft.title.as_deref(), Some("Troops Stay in Niger"));
        assert_eq!(draft.meta.site.as_deref(), Some("Example News"));
        assert_eq!(draft.meta.author.as_deref(), Some("Jane Doe"));
        assert_eq!(draft.meta.date.as_deref(), Some("2024-03-18T09:00:00Z"));
        assert_eq!(draft.meta.url.as_deref(), Some("https://example.org/troops"));
        let got: Vec<(Kind, &str)> =
            draft.paragraphs.iter().map(|p| (p.kind.clone(), p.text.as_str())).collect();
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
        let handle =
            std::thread::Builder::new().stack_size(256 * 1024).spawn(move || parse(&page).paragraphs);
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
}
