//! Markdown (`.md`, `.markdown`) read with pulldown-cmark into styled
//! paragraphs: headings, emphasis, lists, block quotes and code keep their
//! shape, and links become numbered references listed at the end.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::styled::Builder;
use crate::corpus::frontmatter;
use crate::corpus::paragraph::Kind;
use crate::corpus::{Draft, title};

pub fn parse(text: &str) -> Draft {
    let (front, body) = frontmatter::split(text);
    let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS;
    let mut builder = Builder::default();
    for event in Parser::new_ext(body, options) {
        apply(&mut builder, event);
    }
    let paragraphs = builder.finish();
    // With no title in the front matter, a top-level heading opening the
    // document is the title.
    let heading = paragraphs
        .iter()
        .take(title::SEARCH_DEPTH)
        .find(|p| matches!(p.kind, Kind::Heading(_)))
        .filter(|p| p.kind == Kind::Heading(1))
        .map(|p| p.text.clone());
    Draft { title: front.title.or(heading), meta: front.meta, paragraphs }
}

fn apply(b: &mut Builder, event: Event<'_>) {
    match event {
        Event::Start(tag) => start(b, tag),
        Event::End(tag) => end(b, tag),
        Event::Text(text) => b.text(&text),
        Event::Code(code) => {
            b.inline_code(true);
            b.text(&code);
            b.inline_code(false);
        }
        Event::SoftBreak | Event::HardBreak => b.soft_break(),
        Event::TaskListMarker(done) => b.text(if done { "[x] " } else { "[ ] " }),
        Event::FootnoteReference(label) => b.text(&format!("[^{label}]")),
        Event::InlineMath(math) | Event::DisplayMath(math) => b.text(&math),
        // Raw HTML in Markdown is markup, not prose; rules separate sections
        // that the blank line between paragraphs already separates.
        Event::Html(_) | Event::InlineHtml(_) | Event::Rule => {}
    }
}

fn start(b: &mut Builder, tag: Tag<'_>) {
    match tag {
        Tag::Paragraph | Tag::TableRow | Tag::TableHead | Tag::FootnoteDefinition(_) => b.start_paragraph(),
        Tag::Heading { level, .. } => b.start_heading(heading_level(level)),
        Tag::BlockQuote(_) => b.start_quote(),
        Tag::CodeBlock(_) => b.start_code_block(),
        Tag::List(first) => b.start_list(first),
        Tag::Item => b.start_item(),
        Tag::Emphasis => b.emphasis(true),
        Tag::Strong => b.strong(true),
        Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => b.start_link(&dest_url),
        Tag::TableCell => b.text(" "),
        _ => {}
    }
}

fn end(b: &mut Builder, tag: TagEnd) {
    match tag {
        TagEnd::Paragraph | TagEnd::TableRow | TagEnd::TableHead | TagEnd::FootnoteDefinition => {
            b.end_block()
        }
        TagEnd::Heading(_) => b.end_heading(),
        TagEnd::BlockQuote(_) => b.end_quote(),
        TagEnd::CodeBlock => b.end_code_block(),
        TagEnd::List(_) => b.end_list(),
        TagEnd::Item => b.end_item(),
        TagEnd::Emphasis => b.emphasis(false),
        TagEnd::Strong => b.strong(false),
        TagEnd::Link | TagEnd::Image => b.end_link(),
        _ => {}
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::paragraph::Paragraph;

    fn kinds_and_texts(draft: &Draft) -> Vec<(Kind, &str)> {
        draft.paragraphs.iter().map(|p| (p.kind.clone(), p.text.as_str())).collect()
    }

    fn styled(p: &Paragraph) -> Vec<&str> {
        p.spans.iter().map(|s| &p.text[s.range.clone()]).collect()
    }

    #[test]
    fn blocks_keep_their_shape() {
        let md = "# The Title\n\nIntro with *em* and **strong** and `code`.\n\n## Part\n\n> Quoted\n> text.\n\n- one\n- two\n\n```\nfn main() {\n    go();\n}\n```\n";
        let draft = parse(md);
        assert_eq!(draft.title.as_deref(), Some("The Title"));
        assert_eq!(
            kinds_and_texts(&draft),
            [
                (Kind::Heading(1), "The Title"),
                (Kind::Text, "Intro with em and strong and code."),
                (Kind::Heading(2), "Part"),
                (Kind::Quote, "Quoted text."),
                (Kind::ListItem { depth: 0, marker: "•".into() }, "one"),
                (Kind::ListItem { depth: 0, marker: "•".into() }, "two"),
                (Kind::Code, "fn main() {\n    go();\n}"),
            ]
        );
        assert_eq!(styled(&draft.paragraphs[1]), ["em", "strong", "code"]);
    }

    #[test]
    fn links_become_numbered_references() {
        let draft = parse("See [the report](https://example.org/r) and [again](https://example.org/r).");
        let texts: Vec<&str> = draft.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["See the report[1] and again[1].", "Links", "[1] https://example.org/r"]);
    }

    #[test]
    fn front_matter_wins_over_the_heading() {
        let draft = parse("---\ntitle: From Front Matter\nauthor: Ada\n---\n# Heading Title\n\nBody.");
        assert_eq!(draft.title.as_deref(), Some("From Front Matter"));
        assert_eq!(draft.meta.author.as_deref(), Some("Ada"));
    }
}
