//! JSON Lines (`.jsonl`, one object a line) and JSON (`.json`, an array of
//! objects), read with serde_json: each object is one article with a title,
//! a body (`body`, `content` or `text`) and optionally `url`, `author`,
//! `date` and `source`. A bad line or object is skipped with its own reason;
//! the rest of the file still loads.

use serde_json::{Map, Value};

use super::Record;
use crate::corpus::{Draft, Meta, Skipped};

const TITLE_FIELDS: &[&str] = &["title", "headline"];
const BODY_FIELDS: &[&str] = &["body", "content", "text"];

/// One article per non-blank line, named `file.jsonl:LINE`.
pub fn lines(name: &str, text: &str) -> Vec<Record> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            let source = format!("{name}:{}", i + 1);
            let parsed = serde_json::from_str::<Value>(line).map_err(|err| format!("not JSON ({err})"));
            to_record(source, parsed)
        })
        .collect()
}

/// One article per element of a top-level array, named `file.json#N`.
pub fn array(name: &str, text: &str) -> Vec<Record> {
    let items = match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(items)) => items,
        Ok(Value::Object(object)) => vec![Value::Object(object)],
        Ok(_) => return vec![Err(skipped(name, "not a JSON array of objects".into()))],
        Err(err) => return vec![Err(skipped(name, format!("not JSON ({err})")))],
    };
    items.into_iter().enumerate().map(|(i, item)| to_record(format!("{name}#{}", i + 1), Ok(item))).collect()
}

fn to_record(source: String, parsed: Result<Value, String>) -> Record {
    match parsed.and_then(draft) {
        Ok(draft) => Ok((source, draft)),
        Err(reason) => Err(skipped(&source, reason)),
    }
}

fn skipped(path: &str, reason: String) -> Skipped {
    Skipped { path: path.to_owned(), reason }
}

fn draft(value: Value) -> Result<Draft, String> {
    let Value::Object(object) = value else { return Err("not a JSON object".into()) };
    let body = field(&object, BODY_FIELDS).ok_or("no body, content or text field")?;
    let mut draft = super::text_or_html(&body);
    draft.title = field(&object, TITLE_FIELDS);
    draft.meta = Meta {
        site: field(&object, &["source", "site"]),
        author: field(&object, &["author", "authors", "byline"]),
        date: field(&object, &["date", "published", "published_at"]),
        url: field(&object, &["url", "link"]),
    };
    Ok(draft)
}

/// The first of `names` that holds text: a string, a number, a list of
/// strings (authors) or an object with a `name` (`{"name": "Reuters"}`).
fn field(object: &Map<String, Value>, names: &[&str]) -> Option<String> {
    names.iter().filter_map(|name| object.get(*name)).find_map(as_text)
}

fn as_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(as_text).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        Value::Object(object) => object.get("name").and_then(as_text),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_line_is_an_article_and_bad_lines_are_skipped_alone() {
        let text = concat!(
            r#"{"title": "One", "body": "First body.", "author": ["Ada", "Grace"], "source": {"name": "Wire"}}"#,
            "\n\n",
            "{not json\n",
            r#"{"title": "No body here"}"#,
            "\n",
            r#"{"headline": "Three", "text": "Third body.", "date": "2024-03-18", "url": "https://e.org/3"}"#,
            "\n[1, 2]\n",
        );
        let records = lines("feed.jsonl", text);
        let ok: Vec<(&str, Option<&str>)> =
            records.iter().flatten().map(|(s, d)| (s.as_str(), d.title.as_deref())).collect();
        assert_eq!(ok, [("feed.jsonl:1", Some("One")), ("feed.jsonl:5", Some("Three"))]);
        let first = &records[0].as_ref().expect("loads").1;
        assert_eq!(first.meta.author.as_deref(), Some("Ada, Grace"));
        assert_eq!(first.meta.site.as_deref(), Some("Wire"));
        let bad: Vec<String> =
            records.iter().filter_map(|r| r.as_ref().err()).map(ToString::to_string).collect();
        assert_eq!(bad.len(), 3);
        assert!(bad[0].starts_with("feed.jsonl:3: not JSON"), "{bad:?}");
        assert_eq!(bad[1], "feed.jsonl:4: no body, content or text field");
        assert_eq!(bad[2], "feed.jsonl:6: not a JSON object");
    }

    #[test]
    fn an_array_gives_one_article_per_object() {
        let records = array("a.json", r#"[{"title": "A", "content": "<p>Body <b>bold</b></p>"}, 7]"#);
        let (source, draft) = records[0].as_ref().expect("loads");
        assert_eq!(source, "a.json#1");
        assert_eq!(draft.paragraphs[0].text, "Body bold", "HTML bodies are read as HTML");
        assert_eq!(records[1].as_ref().unwrap_err().to_string(), "a.json#2: not a JSON object");
        assert!(array("b.json", "[1,").first().is_some_and(Result::is_err));
    }
}
