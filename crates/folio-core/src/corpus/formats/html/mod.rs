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
//! hundred deep; tags nested deeper than [`nesting::MAX_DEPTH`] are dropped (their
//! text kept) before parsing, so no page can stall the load.

mod nesting;
mod walk;

use scraper::{ElementRef, Html};

use crate::corpus::cleanup::normalize;
use crate::corpus::paragraph::{Furniture, Kind, Paragraph};
use crate::corpus::{Draft, Meta};
use nesting::limit_nesting;
use walk::read_body;
pub use walk::walk_fragment;

/// Elements whose content is never the article.
pub const DROPPED: &[&str] = &[
    "aside", "button", "canvas", "dialog", "footer", "form", "iframe", "input", "menu", "nav", "noscript",
    "object", "script", "select", "style", "svg", "template", "textarea",
];

/// Landmark roles of the same furniture.
pub const DROPPED_ROLES: &[&str] = &["banner", "complementary", "contentinfo", "navigation", "search"];

/// What a page's `<title>` puts between its own title and the site's name.
const SITE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " · ", " :: ", " » ", " : "];

/// `<h1>`s kept to choose a title from.
const MAX_H1: usize = 8;

/// A paragraph this much link text is a link, not prose...
const LINK_LIST_SHARE: f32 = 0.8;
/// ...and this many of them in a row are a list of links.
const MIN_LINK_LIST_RUN: usize = 2;

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
    Draft { title: head.title(), meta: head.meta, paragraphs, lead: false }
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
    let is_link = |p: &Paragraph| {
        p.kind != Kind::Reference
            && p.kind != Kind::Code
            && !matches!(p.kind, Kind::Table { .. })
            && link_share(p) >= LINK_LIST_SHARE
    };
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
    /// The page's first few `<h1>`s: a menu bar's may come before the
    /// article's (mdBook puts the book's name in one).
    h1: Vec<String>,
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
            "h1" if self.h1.len() < MAX_H1 => {
                let text = crate::corpus::text::one_line(&node.text());
                if !text.is_empty() {
                    self.h1.push(text);
                }
            }
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
    ///
    /// `<title>` without the site's name ("Getting Started - The Rust
    /// Programming Language", with the book's name in the site name or in
    /// a menu's `<h1>`) is the part left; a `<title>` that is only the
    /// site's name gives way to the first other `<h1>`.
    fn title(&self) -> Option<String> {
        let page = self.title_tag.as_ref().or(self.og_title.as_ref());
        let Some(page) = page else { return self.h1.first().cloned() };
        let wanted = normalize(page);
        let matching = self.h1.iter().filter(|h1| !normalize(h1).is_empty());
        if let Some(h1) = matching.clone().find(|h1| wanted.starts_with(&normalize(h1)) && !self.is_site(h1))
        {
            return Some(h1.clone());
        }
        if let Some(h1) = matching.clone().find(|h1| wanted.ends_with(&normalize(h1)) && !self.is_site(h1)) {
            return Some(h1.clone());
        }
        if self.is_site(page) {
            return matching.clone().find(|h1| !self.is_site(h1)).cloned().or(Some(page.clone()));
        }
        for separator in SITE_SEPARATORS {
            if let Some((before, after)) = page.rsplit_once(separator)
                && self.is_site(after)
                && !before.trim().is_empty()
            {
                return Some(before.trim().to_owned());
            }
            if let Some((before, after)) = page.split_once(separator)
                && self.is_site(before)
                && !after.trim().is_empty()
            {
                return Some(after.trim().to_owned());
            }
        }
        Some(page.clone())
    }

    /// Whether `text` names the site: its `og:site_name`, or an `<h1>`
    /// that `<title>` only ends with (a book's or a blog's name).
    fn is_site(&self, text: &str) -> bool {
        let text = normalize(text);
        let names = self.meta.site.iter().chain(self.h1.iter().filter(|h1| {
            let page = self.title_tag.as_deref().map(normalize).unwrap_or_default();
            page != normalize(h1) && page.ends_with(&normalize(h1))
        }));
        !text.is_empty() && names.map(|n| normalize(n)).any(|n| n == text)
    }
}

#[cfg(test)]
mod tests;
