//! The query language: what a user typed, read into terms. Never fails:
//! a piece that means nothing is ignored, and the parse records which parts
//! of the text were used and which were ignored, so the filter bar can show
//! how the query was read.
//!
//! ```text
//! uranium          fuzzy: words with these letters in order (one may be missing)
//! 'ran             exact: words containing "ran"
//! ^nig             prefix: words starting with "nig"
//! ium$             suffix: words ending in "ium"
//! "drone base"     phrase: these words, in this order
//! !coup            exclude articles with a word containing "coup"
//! iran | russia    either (binds tighter than the spaces between terms)
//! title:niger      only in the title or file name (also t:); body:niger (also b:) only in the body
//! ```
//!
//! Every space-separated group must match (AND). Smart case: a term with a
//! capital letter matches case exactly; an all-lowercase one ignores case.

mod plain;

use std::ops::Range;

/// How a term is compared with a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Letters in order, at most one extra letter inside the match.
    Fuzzy,
    /// A substring of a word.
    Exact,
    /// The start of a word.
    Prefix,
    /// The end of a word.
    Suffix,
    /// Whole words in sequence; the last may be a prefix, so a phrase
    /// matches while it is still being typed.
    Phrase,
}

/// Which part of an article a term looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Any,
    Title,
    Body,
}

impl Field {
    pub fn includes_title(self) -> bool {
        matches!(self, Field::Any | Field::Title)
    }

    pub fn includes_body(self) -> bool {
        matches!(self, Field::Any | Field::Body)
    }
}

/// One term of a query, ready to match.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Term {
    /// The text to look for, without operators; for a phrase, its words
    /// separated by single spaces.
    pub text: String,
    pub kind: Kind,
    pub field: Field,
    pub negated: bool,
    /// Smart case: true when the text has a capital letter.
    pub case_sensitive: bool,
    /// A phrase made of one typed word with punctuation inside (`U.S.`,
    /// `full-featured`), not a quoted one: a plain query may do without it.
    /// On a fuzzy term: one of that phrase's words, in its group (see
    /// `query::plain`, where a plain query's words are read).
    pub joined: bool,
}

/// Terms any one of which may match (`a | b`).
pub type Group = Vec<Term>;

/// How one stretch of the query text was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Part of a term.
    Term,
    /// An operator that joins terms (`|`).
    Operator,
    /// Meant nothing, and was left out.
    Ignored,
}

/// A parsed query: groups that must all match, and a reading of the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub groups: Vec<Group>,
    /// Byte ranges of the query text with how each was read, in order;
    /// white space between pieces is not listed.
    pub pieces: Vec<(Range<usize>, Role)>,
}

impl Query {
    pub fn parse(text: &str) -> Query {
        let mut query = Query::default();
        let mut pending: Group = Vec::new();
        let mut expect_alternative = false;
        for (range, token) in tokenize(text) {
            if token == "|" {
                if pending.is_empty() || expect_alternative {
                    // A `|` with nothing before it joins nothing.
                    query.pieces.push((range, Role::Ignored));
                } else {
                    query.pieces.push((range, Role::Operator));
                    expect_alternative = true;
                }
                continue;
            }
            let Some(term) = parse_term(token) else {
                query.pieces.push((range, Role::Ignored));
                continue;
            };
            query.pieces.push((range, Role::Term));
            if !expect_alternative && !pending.is_empty() {
                query.groups.push(std::mem::take(&mut pending));
            }
            pending.push(term);
            expect_alternative = false;
        }
        if expect_alternative {
            // A trailing `|` joins nothing: show it as ignored.
            if let Some(last) = query.pieces.iter_mut().rev().find(|(_, role)| *role == Role::Operator) {
                last.1 = Role::Ignored;
            }
        }
        if !pending.is_empty() {
            query.groups.push(pending);
        }
        query.read_sentence_case();
        query.widen_joined_words();
        query
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Whether a term is a phrase, which is checked against the text itself.
    pub fn has_phrase(&self) -> bool {
        self.groups.iter().flatten().any(|term| term.kind == Kind::Phrase)
    }

    /// The terms that say what to find (not what to exclude).
    pub fn positive_terms(&self) -> impl Iterator<Item = &Term> {
        self.groups.iter().flatten().filter(|t| !t.negated)
    }
}

/// Splits on white space, keeping a double-quoted phrase (closed or still
/// open at the end) as one token, with byte ranges. A `|` outside quotes
/// is a token of its own, spaces or not (`iran|russia`).
fn tokenize(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let mut in_quotes = false;
        let mut end = start;
        if c == '|' {
            chars.next();
            tokens.push((start..start + 1, &text[start..start + 1]));
            continue;
        }
        while let Some(&(at, c)) = chars.peek() {
            if (c.is_whitespace() || c == '|') && !in_quotes {
                break;
            }
            if c == '"' {
                in_quotes = !in_quotes;
            }
            end = at + c.len_utf8();
            chars.next();
        }
        tokens.push((start..end, &text[start..end]));
    }
    tokens
}

/// Reads one token into a term, or `None` when it holds nothing to find.
fn parse_term(token: &str) -> Option<Term> {
    let (negated, rest) = strip(token, "!");
    let (field, rest) = parse_field(rest);
    // `t:!word` reads as well as `!t:word`.
    let (negated_after_field, rest) = strip(rest, "!");
    let negated = negated || negated_after_field;

    let (kind, text) = if let Some(inner) = rest.strip_prefix('"') {
        (Kind::Phrase, inner.strip_suffix('"').unwrap_or(inner).to_owned())
    } else if let Some(inner) = rest.strip_prefix('\'') {
        (Kind::Exact, inner.to_owned())
    } else if let Some(inner) = rest.strip_prefix('^') {
        (Kind::Prefix, inner.to_owned())
    } else if let Some(inner) = rest.strip_suffix('$').filter(|i| !i.is_empty()) {
        (Kind::Suffix, inner.to_owned())
    } else if negated {
        // fzf reads `!word` as "no exact match": excluding by a fuzzy match
        // would drop articles for words that merely share letters.
        (Kind::Exact, rest.to_owned())
    } else {
        (Kind::Fuzzy, rest.to_owned())
    };
    // Articles are searched as words (runs of letters and digits), so the
    // term is too: "U.S." or "al-Qaeda" becomes a phrase of its words.
    let words: Vec<&str> = text.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty()).collect();
    let (kind, text, joined) = match (kind, words.as_slice()) {
        (_, []) => return None,
        (Kind::Phrase, _) => (Kind::Phrase, words.join(" "), false),
        (_, [_, _, ..]) => (Kind::Phrase, words.join(" "), kind == Kind::Fuzzy),
        (kind, [word]) => (kind, (*word).to_owned(), false),
    };
    let case_sensitive = text.chars().any(char::is_uppercase);
    Some(Term { text, kind, field, negated, case_sensitive, joined })
}

fn strip<'a>(text: &'a str, prefix: &str) -> (bool, &'a str) {
    match text.strip_prefix(prefix) {
        Some(rest) => (true, rest),
        None => (false, text),
    }
}

fn parse_field(text: &str) -> (Field, &str) {
    for (name, field) in
        [("title:", Field::Title), ("t:", Field::Title), ("body:", Field::Body), ("b:", Field::Body)]
    {
        if let Some(rest) = text.strip_prefix(name) {
            return (field, rest);
        }
    }
    (Field::Any, text)
}

/// Whether `c` is a combining accent (U+0300 to U+036F), which belongs to
/// the letter before it: "e" and U+0301 are one "é".
#[inline]
pub fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// A character of a word: a letter, a digit, or an accent on one.
#[inline]
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(text: &str, kind: Kind) -> Term {
        Term {
            text: text.into(),
            kind,
            field: Field::Any,
            negated: false,
            case_sensitive: text.chars().any(char::is_uppercase),
            joined: false,
        }
    }

    fn single(query: &str) -> Term {
        let q = Query::parse(query);
        assert_eq!(q.groups.len(), 1, "{query}: {q:?}");
        assert_eq!(q.groups[0].len(), 1, "{query}: {q:?}");
        q.groups[0][0].clone()
    }

    #[test]
    fn each_operator_reads_as_documented() {
        assert_eq!(single("uranium"), term("uranium", Kind::Fuzzy));
        assert_eq!(single("'ran"), term("ran", Kind::Exact));
        assert_eq!(single("^nig"), term("nig", Kind::Prefix));
        assert_eq!(single("ium$"), term("ium", Kind::Suffix));
        assert_eq!(single("\"drone   base\""), term("drone base", Kind::Phrase));
        assert_eq!(single("\"drone ba"), term("drone ba", Kind::Phrase), "an open phrase still reads");
        let not = single("!coup");
        assert!(not.negated);
        assert_eq!(not.kind, Kind::Exact);
        assert_eq!(single("!^co").kind, Kind::Prefix);
    }

    #[test]
    fn fields_scope_terms_in_either_order_with_negation() {
        for text in ["title:niger", "t:niger"] {
            assert_eq!(single(text).field, Field::Title);
        }
        for text in ["body:niger", "b:niger"] {
            assert_eq!(single(text).field, Field::Body);
        }
        for text in ["!t:niger", "t:!niger"] {
            let t = single(text);
            assert!(t.negated && t.field == Field::Title, "{text}");
        }
        assert_eq!(single("t:^nig").kind, Kind::Prefix);
        let unknown = single("other:word");
        assert_eq!((unknown.kind, unknown.text.as_str()), (Kind::Phrase, "other word"), "not a field");
    }

    #[test]
    fn punctuation_inside_a_term_makes_a_phrase_of_its_words() {
        assert_eq!(single("U.S."), Term { joined: true, ..term("U S", Kind::Phrase) });
        assert_eq!(single("al-qaeda"), Term { joined: true, ..term("al qaeda", Kind::Phrase) });
        assert_eq!(single("\"U.S. troops\""), term("U S troops", Kind::Phrase));
        assert_eq!(single("niger,"), term("niger", Kind::Fuzzy));
    }

    #[test]
    fn smart_case() {
        assert!(single("Niger").case_sensitive);
        assert!(!single("niger").case_sensitive);
        let cases = |query: &str| -> Vec<bool> {
            Query::parse(query).groups.iter().map(|g| g[0].case_sensitive).collect()
        };
        assert_eq!(
            cases("Date and Time library"),
            [false; 4],
            "capitals that start a title's words are no names"
        );
        assert_eq!(cases("NASA budget iPhone"), [true, false, true], "a capital inside a word is");
        assert_eq!(
            cases("'Niger ^Coup t:Niamey !Iran Mali-Niger Self-driven"),
            [true, true, true, true, true, false]
        );
        assert_eq!(cases("Niger"), [true], "a query of one word keeps its case");
    }

    #[test]
    fn spaces_are_and_and_bars_are_or() {
        let q = Query::parse("niger iran | russia coup");
        let texts: Vec<Vec<&str>> =
            q.groups.iter().map(|g| g.iter().map(|t| t.text.as_str()).collect()).collect();
        assert_eq!(texts, [vec!["niger"], vec!["iran", "russia"], vec!["coup"]]);
    }

    #[test]
    fn malformed_pieces_are_ignored_and_shown_as_such() {
        let text = "| ! ^ ' $ t: \"\" niger || iran |";
        let q = Query::parse(text);
        let texts: Vec<Vec<&str>> =
            q.groups.iter().map(|g| g.iter().map(|t| t.text.as_str()).collect()).collect();
        // `||` reads as a bar and a stray one.
        assert_eq!(texts, [vec!["niger", "iran"]]);
        let ignored: Vec<&str> =
            q.pieces.iter().filter(|(_, r)| *r == Role::Ignored).map(|(r, _)| &text[r.clone()]).collect();
        assert_eq!(ignored, ["|", "!", "^", "'", "$", "t:", "\"\"", "|", "|"]);
    }

    #[test]
    fn a_bar_between_two_terms_is_an_operator() {
        let text = "iran | russia";
        let roles: Vec<Role> = Query::parse(text).pieces.iter().map(|(_, r)| *r).collect();
        assert_eq!(roles, [Role::Term, Role::Operator, Role::Term]);
    }

    #[test]
    fn a_bar_needs_no_spaces_around_it() {
        assert_eq!(Query::parse("iran|russia").groups, Query::parse("iran | russia").groups);
        assert_eq!(Query::parse("niger iran|russia").groups, Query::parse("niger iran | russia").groups);
        let quoted = Query::parse("\"a|b\"");
        assert_eq!(quoted.groups.len(), 1, "inside quotes a bar is part of the phrase");
    }

    #[test]
    fn empty_and_blank_queries_have_no_groups() {
        assert!(Query::parse("").is_empty());
        assert!(Query::parse("   ").is_empty());
    }
}
