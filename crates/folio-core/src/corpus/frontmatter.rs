//! Front matter: a YAML block between `---` lines or a TOML block between
//! `+++` lines at the very top of a Markdown or text file. It gives the title
//! and the metadata (author, date, url, source or site); the text after it
//! is the article. A block that does not parse is left in the text.

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::{Yaml, YamlLoader};

use super::meta::Meta;

/// Front matter is a few lines of fields; past this, the `---` at the top
/// was a rule in the text, not the start of a block.
const MAX_BYTES: usize = 16 * 1024;

/// Fields are flat. A block nested deeper than this (in brackets, dotted
/// keys or indentation) is not front matter, and parsers that recurse on
/// nesting are never handed it.
const MAX_NESTING: usize = 32;

/// Nodes a YAML block may stand for once its aliases are expanded. The
/// loader copies an anchored node for every alias to it, so nine lines of
/// aliases to aliases (an "alias bomb", 333 bytes) stand for 9^9 nodes:
/// 48 s and 10 GB before this limit, an aborted process a few bytes later.
/// Real front matter is a few dozen nodes.
const MAX_NODES: u64 = 10_000;

/// What front matter said.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub meta: Meta,
}

/// Splits `text` into its front matter and the rest. Text without a
/// well-formed block comes back whole, with empty front matter.
pub fn split(text: &str) -> (FrontMatter, &str) {
    let unmarked = text.strip_prefix('\u{feff}').unwrap_or(text);
    let found = block(unmarked, "---", &["---", "..."])
        .and_then(|(body, rest)| from_yaml(body).map(|fm| (fm, rest)))
        .or_else(|| {
            block(unmarked, "+++", &["+++"]).and_then(|(body, rest)| from_toml(body).map(|fm| (fm, rest)))
        });
    found.unwrap_or_else(|| (FrontMatter::default(), text))
}

/// The lines between an opening fence on the first line and a closing one,
/// and the text after the closing fence.
fn block<'a>(text: &'a str, open: &str, close: &[&str]) -> Option<(&'a str, &'a str)> {
    let first_end = text.find('\n')?;
    if text[..first_end].trim_end() != open {
        return None;
    }
    let body_start = first_end + 1;
    let mut at = body_start;
    for line in text[body_start..].split_inclusive('\n') {
        if at - body_start > MAX_BYTES {
            return None;
        }
        if close.contains(&line.trim_end()) {
            return Some((&text[body_start..at], &text[at + line.len()..]));
        }
        at += line.len();
    }
    None
}

fn too_nested(body: &str) -> bool {
    let mut depth = 0usize;
    let mut deepest = 0;
    for c in body.chars() {
        match c {
            '[' | '{' => depth += 1,
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        deepest = deepest.max(depth);
    }
    let dotted = body.lines().any(|l| l.matches('.').count() > MAX_NESTING && l.contains('='));
    let indented = body.lines().any(|l| l.len() - l.trim_start().len() > MAX_NESTING * 2);
    deepest > MAX_NESTING || dotted || indented
}

fn from_yaml(body: &str) -> Option<FrontMatter> {
    if too_nested(body) || expanded_nodes(body)? > MAX_NODES {
        return None;
    }
    let docs = YamlLoader::load_from_str(body).ok()?;
    let Yaml::Hash(map) = docs.into_iter().next()? else { return None };
    let field = |names: &[&str]| {
        map.iter()
            .find(|(k, _)| k.as_str().is_some_and(|k| names.contains(&k.to_lowercase().as_str())))
            .and_then(|(_, v)| yaml_text(v))
    };
    Some(fields(field))
}

/// How many nodes `body` stands for with every alias expanded, counted from
/// the parser's events without building anything: an alias counts as many
/// as its anchor's node holds. `None` when the YAML does not parse.
fn expanded_nodes(body: &str) -> Option<u64> {
    let mut parser = Parser::new_from_str(body);
    let mut anchors: std::collections::HashMap<usize, u64> = Default::default();
    // One per open sequence or mapping: its anchor and its count so far.
    let mut open: Vec<(usize, u64)> = Vec::new();
    let mut total = 0u64;
    loop {
        let (event, _) = parser.next_token().ok()?;
        let (anchor, nodes) = match event {
            Event::StreamEnd => return Some(total),
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                open.push((anchor, 1));
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => open.pop()?,
            Event::Scalar(_, _, anchor, _) => (anchor, 1),
            Event::Alias(anchor) => (0, anchors.get(&anchor).copied().unwrap_or(1)),
            _ => continue,
        };
        if anchor > 0 {
            anchors.insert(anchor, nodes);
        }
        match open.last_mut() {
            Some((_, count)) => *count = count.saturating_add(nodes),
            None => total = total.saturating_add(nodes),
        }
        // Every count is checked as it grows, so none gets far past the
        // limit, let alone near wrapping.
        if total > MAX_NODES || open.last().is_some_and(|(_, count)| *count > MAX_NODES) {
            return Some(u64::MAX);
        }
    }
}

fn yaml_text(value: &Yaml) -> Option<String> {
    match value {
        Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(n) => Some(n.to_string()),
        // `author: [Ada, Grace]`
        Yaml::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(yaml_text).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

fn from_toml(body: &str) -> Option<FrontMatter> {
    if too_nested(body) {
        return None;
    }
    let table: toml::Table = body.parse().ok()?;
    let field = |names: &[&str]| {
        table.iter().find(|(k, _)| names.contains(&k.to_lowercase().as_str())).and_then(|(_, v)| toml_text(v))
    };
    Some(fields(field))
}

fn toml_text(value: &toml::Value) -> Option<String> {
    match value {
        toml::Value::String(s) => Some(s.clone()),
        toml::Value::Datetime(d) => Some(d.to_string()),
        toml::Value::Integer(n) => Some(n.to_string()),
        toml::Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(toml_text).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

/// The fields folio reads, by the names front matter commonly gives them.
fn fields(field: impl Fn(&[&str]) -> Option<String>) -> FrontMatter {
    FrontMatter {
        title: field(&["title"]),
        meta: Meta {
            site: field(&["source", "site", "publication"]),
            author: field(&["author", "authors", "by"]),
            date: field(&["date", "published", "pubdate"]),
            url: field(&["url", "link", "canonical"]),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_front_matter_gives_title_and_metadata() {
        let text = "---\ntitle: \"Troops Stay\"\nauthor: [Ada, Grace]\ndate: 2024-03-18\nurl: https://example.org/a\nsource: Example News\ntags: [x]\n---\nBody text.\n";
        let (fm, rest) = split(text);
        assert_eq!(fm.title.as_deref(), Some("Troops Stay"));
        assert_eq!(fm.meta.author.as_deref(), Some("Ada, Grace"));
        assert_eq!(fm.meta.date.as_deref(), Some("2024-03-18"));
        assert_eq!(fm.meta.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(fm.meta.site.as_deref(), Some("Example News"));
        assert_eq!(rest, "Body text.\n");
    }

    #[test]
    fn toml_front_matter_with_crlf_and_a_datetime() {
        let text = "+++\r\ntitle = \"A Title\"\r\ndate = 2024-03-18T09:30:00Z\r\n+++\r\nBody.";
        let (fm, rest) = split(text);
        assert_eq!(fm.title.as_deref(), Some("A Title"));
        assert_eq!(fm.meta.date.as_deref(), Some("2024-03-18T09:30:00Z"));
        assert_eq!(rest, "Body.");
    }

    #[test]
    fn a_rule_or_a_broken_block_stays_in_the_text() {
        for text in
            ["---\nJust a rule above prose.\n", "---\n: [ unclosed\n---\nBody", "+++\nnot = = toml\n+++\n"]
        {
            let (fm, rest) = split(text);
            assert_eq!(fm, FrontMatter::default(), "{text:?}");
            assert_eq!(rest, text);
        }
        let deep = format!("---\nx: {}{}\n---\nBody", "[".repeat(5000), "]".repeat(5000));
        assert_eq!(split(&deep).1, deep, "too deep to be front matter");
    }

    /// Nine anchors of nine aliases each: 9^9 strings once expanded, which
    /// took 48 s and 10 GB to load (a few more bytes aborted the process).
    fn alias_bomb(levels: usize) -> String {
        let mut lines =
            vec!["title: Bomb".to_owned(), "a0: &a0 [lol,lol,lol,lol,lol,lol,lol,lol,lol]".to_owned()];
        for level in 1..levels {
            let aliases = vec![format!("*a{}", level - 1); 9].join(",");
            lines.push(format!("a{level}: &a{level} [{aliases}]"));
        }
        format!("---\n{}\n---\nThe body of the bomb.\n", lines.join("\n"))
    }

    #[test]
    fn an_alias_bomb_is_left_in_the_text_without_expanding_it() {
        for levels in [9, 12, 40] {
            let bomb = alias_bomb(levels);
            let (fm, rest) = split(&bomb);
            assert_eq!(fm, FrontMatter::default(), "{levels} levels");
            assert_eq!(rest, bomb);
        }
    }

    #[test]
    fn a_few_aliases_are_still_front_matter() {
        let text =
            "---\nauthor: &who Ada\nby: *who\ntitle: Small\ntags: &t [a, b]\nmore: [*t, *t]\n---\nBody";
        let (fm, rest) = split(text);
        assert_eq!(fm.title.as_deref(), Some("Small"));
        assert_eq!(fm.meta.author.as_deref(), Some("Ada"));
        assert_eq!(rest, "Body");
    }
}
