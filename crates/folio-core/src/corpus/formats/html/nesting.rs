//! Keeps html5ever's time linear: tags nested deeper than [`MAX_DEPTH`]
//! are dropped (their text kept) before the page is parsed.

use std::borrow::Cow;

/// Elements nested deeper than this lose their tags, not their text.
pub const MAX_DEPTH: usize = 256;

/// Elements that never have a closing tag, so they never nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
    "wbr",
];

/// Elements whose content is text, whatever `<` it holds.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title"];

/// `text` with the tags nested deeper than [`MAX_DEPTH`] removed, found by
/// a linear scan of the tags (not a parse: unclosed tags count as open, so
/// the estimate errs deep). Pages within the limit come back as they are.
pub fn limit_nesting(text: &str) -> Cow<'_, str> {
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
