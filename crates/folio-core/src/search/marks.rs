//! What to highlight for a query: matched characters of titles, matches in
//! body text, and the one-line snippet of an article's best match shown
//! under its title in the list.

use std::ops::Range;

use super::matcher::{TermMatcher, find_in_text};
use super::query::Query;
use crate::corpus::{Article, View};

/// The positive terms of a query, split by the field they look at.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    title: Vec<TermMatcher>,
    body: Vec<TermMatcher>,
}

/// A line of text around a match, with the matches in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    /// Byte ranges of `text` to highlight.
    pub marks: Vec<Range<usize>>,
}

impl Marks {
    pub fn new(query: &Query) -> Self {
        let terms: Vec<TermMatcher> = query.positive_terms().map(TermMatcher::new).collect();
        Marks {
            title: terms.iter().filter(|t| t.term.field.includes_title()).cloned().collect(),
            body: terms.into_iter().filter(|t| t.term.field.includes_body()).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.title.is_empty() && self.body.is_empty()
    }

    /// Byte ranges to highlight in a title.
    pub fn in_title(&self, title: &str) -> Vec<Range<usize>> {
        find_in_text(title, &self.title)
    }

    /// Byte ranges to highlight in a paragraph of the body.
    pub fn in_body(&self, text: &str) -> Vec<Range<usize>> {
        find_in_text(text, &self.body)
    }

    /// About `width` characters of the paragraph with the most matches,
    /// around its first match; `None` when the body holds no match.
    pub fn snippet(&self, article: &Article, width: usize, view: View) -> Option<Snippet> {
        let text = article.text();
        let mut best: Option<(&str, Vec<Range<usize>>)> = None;
        for (_, paragraph) in super::body_texts(&text, view) {
            let marks = self.in_body(paragraph);
            // Strictly more, so the first of equally good paragraphs wins.
            if marks.len() > best.as_ref().map_or(0, |(_, b)| b.len()) {
                best = Some((paragraph, marks));
            }
        }
        let (paragraph, marks) = best?;
        Some(cut_around(paragraph, &marks, width.max(8)))
    }
}

/// The stretch of `text` that puts the first mark about a third of the way
/// in, cut at spaces, with ellipses where text was left out.
fn cut_around(text: &str, marks: &[Range<usize>], width: usize) -> Snippet {
    let first = &marks[0];
    let start = start_before(text, first.start, width / 3);
    let mut end = text[start..].char_indices().nth(width).map_or(text.len(), |(at, _)| start + at);
    // A match longer than the snippet is cut with it.
    if end < text.len() && end > first.end {
        // End on a word boundary, unless that would cut off the match.
        if let Some(space) = text[first.end..end].rfind(' ') {
            end = first.end + space;
        }
    }
    let lead = if start > 0 { "…" } else { "" };
    let tail = if end < text.len() { "…" } else { "" };
    let shift = lead.len();
    let marks = marks
        .iter()
        .filter(|m| m.start >= start && m.start < end)
        .map(|m| m.start - start + shift..m.end.min(end) - start + shift)
        .collect();
    Snippet { text: format!("{lead}{}{tail}", &text[start..end]), marks }
}

/// Where to start so that about `context` characters come before `at`,
/// moved forward to the start of a word.
fn start_before(text: &str, at: usize, context: usize) -> usize {
    let Some((back, _)) = text[..at].char_indices().rev().nth(context) else { return 0 };
    text[back..at].find(' ').map_or(back, |space| back + space + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(body: &str) -> Article {
        Article::from_text(0, "a.txt", &format!("A Headline For Testing\n\n{body}"))
    }

    #[test]
    fn the_snippet_shows_the_match_with_context_and_marks_it() {
        let body = "The opening of this long paragraph talks about other things for a while before the uranium deal is finally mentioned and then it goes on for much longer than any screen could show.";
        let marks = Marks::new(&Query::parse("uranium"));
        let snippet = marks.snippet(&article(body), 40, View::Clean).expect("a match");
        assert!(snippet.text.starts_with('…') && snippet.text.ends_with('…'), "{snippet:?}");
        assert!(snippet.text.chars().count() <= 42, "{snippet:?}");
        let marked: Vec<&str> = snippet.marks.iter().map(|m| &snippet.text[m.clone()]).collect();
        assert_eq!(marked, ["uranium"]);
    }

    #[test]
    fn the_paragraph_with_most_matches_wins() {
        let body = "One drone.\n\nA drone base, and a drone pilot near the drone.";
        let snippet =
            Marks::new(&Query::parse("drone")).snippet(&article(body), 80, View::Clean).expect("a match");
        assert_eq!(snippet.marks.len(), 3, "{snippet:?}");
        assert!(!snippet.text.contains('…'), "a short paragraph is shown whole: {snippet:?}");
    }

    #[test]
    fn a_match_longer_than_the_snippet_is_cut_with_it() {
        let body = "the ".repeat(100);
        let phrase = format!("\"{}\"", "the ".repeat(50).trim_end());
        let snippet =
            Marks::new(&Query::parse(&phrase)).snippet(&article(&body), 40, View::Clean).expect("a match");
        assert!(snippet.text.starts_with("the the") && snippet.text.ends_with('…'), "{snippet:?}");
        assert_eq!(
            snippet.marks,
            std::slice::from_ref(&(0..snippet.text.len() - '…'.len_utf8())),
            "marked to the cut"
        );
    }

    #[test]
    fn title_only_terms_give_no_snippet() {
        let marks = Marks::new(&Query::parse("t:headline"));
        assert!(marks.snippet(&article("Body text with headline."), 40, View::Clean).is_none());
        assert_eq!(marks.in_title("A Headline"), std::slice::from_ref(&(2..10)));
    }

    #[test]
    fn negated_terms_are_not_highlighted() {
        assert!(Marks::new(&Query::parse("!coup")).is_empty());
    }
}
