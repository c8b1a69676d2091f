//! Markdown (`.md`, `.markdown`) read with pulldown-cmark into styled
//! paragraphs: headings, emphasis, lists, block quotes and code keep their
//! shape, and links become numbered references listed at the end.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::html::walk_fragment;
use super::styled::Builder;
use crate::corpus::frontmatter;
use crate::corpus::paragraph::Kind;
use crate::corpus::{Draft, title};

pub fn parse(text: &str) -> Draft {
    let (front, body) = frontmatter::split(text);
    let options = Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES;
    let mut reader = Reader::default();
    for event in Parser::new_ext(body, options) {
        reader.apply(event);
    }
    let paragraphs = reader.b.finish();
    // With no title in the front matter, a top-level heading opening the
    // document is the title.
    let heading = paragraphs
        .iter()
        .take(title::SEARCH_DEPTH)
        .find(|p| matches!(p.kind, Kind::Heading(_)))
        .filter(|p| p.kind == Kind::Heading(1))
        .map(|p| p.text.clone());
    Draft { title: front.title.or(heading), meta: front.meta, paragraphs, ..Draft::default() }
}

/// The parser's events read into a [`Builder`], with what Markdown needs
/// beyond it: raw HTML blocks gathered and read as HTML, code blocks
/// gathered so mdBook's hidden lines can go, images inside links (badges)
/// left out.
#[derive(Default)]
struct Reader {
    b: Builder,
    /// The lines of the raw HTML block being read.
    html: Option<String>,
    /// The code block being read, and whether it is Rust.
    code: Option<(String, bool)>,
    links: usize,
    headings: usize,
    /// A footnote's label, written before its definition's first paragraph.
    footnote: Option<String>,
    /// Inside an image that shows no words of the text (in a link or a
    /// heading: a badge, a logo).
    hidden_image: usize,
}

impl Reader {
    fn apply(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) if self.hidden_image > 0 => drop(text),
            Event::Text(text) => match self.code.as_mut() {
                Some((code, _)) => code.push_str(&text),
                None => self.b.text(&text),
            },
            Event::Code(code) => {
                self.b.inline_code(true);
                self.b.text(&code);
                self.b.inline_code(false);
            }
            Event::SoftBreak | Event::HardBreak => self.b.soft_break(),
            Event::TaskListMarker(done) => self.b.text(if done { "[x] " } else { "[ ] " }),
            Event::FootnoteReference(label) => self.b.mark(&format!("[^{label}]")),
            Event::InlineMath(math) | Event::DisplayMath(math) => self.b.text(&math),
            Event::Html(html) => match self.html.as_mut() {
                Some(block) => block.push_str(&html),
                None => walk_fragment(&mut self.b, &html),
            },
            Event::InlineHtml(tag) => inline_html(&mut self.b, &tag),
            Event::Rule => self.b.rule(),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        let b = &mut self.b;
        match tag {
            Tag::Paragraph => {
                b.start_paragraph();
                if let Some(label) = self.footnote.take() {
                    b.mark(&format!("[^{label}]"));
                    b.text(" ");
                }
            }
            Tag::Heading { level, .. } => {
                self.headings += 1;
                b.start_heading(heading_level(level))
            }
            Tag::BlockQuote(_) => b.start_quote(),
            Tag::CodeBlock(kind) => {
                b.start_code_block();
                self.code = Some((String::new(), is_rust(&kind)));
            }
            Tag::HtmlBlock => self.html = Some(String::new()),
            Tag::List(first) => b.start_list(first),
            Tag::Item => b.start_item(),
            Tag::Emphasis => b.emphasis(true),
            Tag::Strong => b.strong(true),
            Tag::Strikethrough => b.strike(true),
            Tag::Superscript => b.script(Some(true)),
            Tag::Subscript => b.script(Some(false)),
            Tag::Link { dest_url, .. } => {
                self.links += 1;
                b.start_link(&dest_url)
            }
            Tag::Image { .. } if self.links > 0 || self.headings > 0 || self.hidden_image > 0 => {
                self.hidden_image += 1
            }
            Tag::Image { dest_url, .. } => b.start_link(&dest_url),
            Tag::Table(_) => b.start_table(),
            Tag::TableHead => b.start_row(true),
            Tag::TableRow => b.start_row(false),
            Tag::TableCell => b.start_cell(false),
            Tag::FootnoteDefinition(label) => {
                b.start_paragraph();
                self.footnote = Some(label.to_string());
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        let b = &mut self.b;
        match tag {
            TagEnd::Paragraph | TagEnd::FootnoteDefinition => b.end_block(),
            TagEnd::Heading(_) => {
                self.headings = self.headings.saturating_sub(1);
                b.end_heading()
            }
            TagEnd::BlockQuote(_) => b.end_quote(),
            TagEnd::CodeBlock => {
                if let Some((code, rust)) = self.code.take() {
                    b.text(if rust { shown_rust(&code) } else { code }.trim_end_matches('\n'));
                }
                b.end_code_block()
            }
            TagEnd::HtmlBlock => {
                if let Some(html) = self.html.take() {
                    walk_fragment(b, &html);
                    b.start_paragraph();
                }
            }
            TagEnd::List(_) => b.end_list(),
            TagEnd::Item => b.end_item(),
            TagEnd::Emphasis => b.emphasis(false),
            TagEnd::Strong => b.strong(false),
            TagEnd::Strikethrough => b.strike(false),
            TagEnd::Superscript | TagEnd::Subscript => b.script(None),
            TagEnd::Link => {
                self.links = self.links.saturating_sub(1);
                b.end_link()
            }
            TagEnd::Image if self.hidden_image > 0 => self.hidden_image -= 1,
            TagEnd::Image => b.end_link(),
            TagEnd::Table => b.end_table(),
            _ => {}
        }
    }
}

/// The inline tags a README uses for what Markdown has no mark for.
fn inline_html(b: &mut Builder, tag: &str) {
    let inner = tag.trim().trim_start_matches('<').trim_end_matches('>').trim_end_matches('/');
    let (closing, name) = match inner.strip_prefix('/') {
        Some(name) => (true, name),
        None => (false, inner),
    };
    let name = name.split_whitespace().next().unwrap_or("").to_ascii_lowercase();
    match name.as_str() {
        "sup" => b.script((!closing).then_some(true)),
        "sub" => b.script((!closing).then_some(false)),
        "del" | "s" | "strike" => b.strike(!closing),
        "b" | "strong" => b.strong(!closing),
        "i" | "em" => b.emphasis(!closing),
        "code" | "kbd" | "samp" => b.inline_code(!closing),
        "br" => b.soft_break(),
        _ => {}
    }
}

/// A fenced block whose language is Rust (mdBook's `rust`, `rust,ignore`).
fn is_rust(kind: &CodeBlockKind<'_>) -> bool {
    match kind {
        CodeBlockKind::Fenced(info) => {
            let language = info.split([',', ' ']).next().unwrap_or("");
            language.eq_ignore_ascii_case("rust")
        }
        CodeBlockKind::Indented => false,
    }
}

/// Rust example code as mdBook shows it: a line that is `#` alone or starts
/// with `# ` is hidden (it makes the example compile), and `##` stands for
/// a `#` at the start of a line.
fn shown_rust(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    for line in code.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        let bare = trimmed.trim_end_matches('\n');
        if bare == "#" || bare.starts_with("# ") {
            continue;
        }
        match trimmed.strip_prefix("##") {
            Some(rest) => {
                out.push_str(indent);
                out.push('#');
                out.push_str(rest);
            }
            None => out.push_str(line),
        }
    }
    out
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
