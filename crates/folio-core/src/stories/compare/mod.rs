//! Compare: what several takes on one story all report, and where they
//! differ. Four kinds of fact are read from each sentence: numbers with
//! what they count ("1,000 troops"), names (the same surname with first
//! names spelled nearly alike is one person spelled two ways), dates, and
//! quotations with who said them. Each variant keeps the sentences that
//! state it, so a reader can go to them.

mod prune;
mod read;

use std::collections::{BTreeMap, BTreeSet};

use crate::corpus::Article;
pub use read::sentences;
use read::{lone_names, read_sentence};

/// What a fact is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Number,
    Name,
    Date,
    Quote,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::Number => "number",
            Kind::Name => "name",
            Kind::Date => "date",
            Kind::Quote => "quote",
        }
    }
}

/// Where a variant is said: the article (its place among those compared),
/// the paragraph, the sentence's byte offset in it, and the sentence.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Place {
    pub article: usize,
    pub paragraph: usize,
    pub offset: usize,
    pub sentence: String,
}

/// One way a fact is told, and where.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Variant {
    pub text: String,
    pub places: Vec<Place>,
}

impl Variant {
    /// The articles that say it (places among those compared), in order.
    pub fn articles(&self) -> Vec<usize> {
        let mut articles: Vec<usize> = self.places.iter().map(|p| p.article).collect();
        articles.dedup();
        articles
    }
}

/// A fact and the ways it is told.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Fact {
    pub kind: Kind,
    /// What it is about: the noun a number counts, a surname, a month, the
    /// speaker of a quote.
    pub about: String,
    pub variants: Vec<Variant>,
}

/// What the takes agree on, and what they tell differently.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Comparison {
    /// Told one way by every article compared.
    pub agreed: Vec<Fact>,
    /// Told two or more ways.
    pub disputed: Vec<Fact>,
}

/// One fact as one sentence states it.
struct Mention {
    kind: Kind,
    key: String,
    /// The variant as shown; `value` is what tells variants apart.
    text: String,
    value: String,
    place: Place,
}

/// Compares `articles`: what all of them report, and what they tell in
/// different ways.
pub fn compare(articles: &[&Article]) -> Comparison {
    let mut mentions = Vec::new();
    let mut alone: BTreeSet<String> = BTreeSet::new();
    for (n, article) in articles.iter().enumerate() {
        let text = article.text();
        for (paragraph, p) in text.paragraphs.iter().enumerate() {
            if p.is_furniture() || !p.is_prose() {
                continue;
            }
            for (offset, sentence) in sentences(&p.text) {
                let place = Place { article: n, paragraph, offset, sentence: sentence.to_owned() };
                mentions.extend(read_sentence(sentence, &place));
                alone.extend(lone_names(sentence).into_iter().map(str::to_owned));
            }
        }
    }
    let mut facts: BTreeMap<(Kind, String), Vec<Mention>> = BTreeMap::new();
    for mention in mentions {
        facts.entry((mention.kind, mention.key.clone())).or_default().push(mention);
    }
    let mut comparison = Comparison::default();
    for ((kind, about), mentions) in facts {
        let variants = variants(mentions);
        let told_by: Vec<usize> = {
            let mut all: Vec<usize> = variants.iter().flat_map(Variant::articles).collect();
            all.sort_unstable();
            all.dedup();
            all
        };
        // A name is a person's when the surname also stands alone.
        if told_by.len() < 2 || kind == Kind::Name && !alone.contains(&about) {
            continue;
        }
        let fact = Fact { kind, about, variants };
        if fact.variants.len() >= 2 {
            comparison.disputed.push(fact);
        } else if told_by.len() == articles.len() {
            comparison.agreed.push(fact);
        }
    }
    comparison.disputed =
        comparison.disputed.into_iter().filter_map(prune::dispute).filter(kept_dispute).collect();
    comparison
}

/// Mentions grouped by value into variants; the most told first.
fn variants(mentions: Vec<Mention>) -> Vec<Variant> {
    let mut by_value: BTreeMap<String, Variant> = BTreeMap::new();
    for m in mentions {
        let variant = by_value.entry(m.value).or_insert_with(|| Variant { text: m.text, places: Vec::new() });
        // "Air Base 101 ... Air Base 201": one sentence is one place.
        if !variant.places.contains(&m.place) {
            variant.places.push(m.place);
        }
    }
    let mut variants: Vec<Variant> = by_value.into_values().collect();
    variants.sort_by(|a, b| b.articles().len().cmp(&a.articles().len()).then(a.text.cmp(&b.text)));
    variants
}

/// A dispute is worth showing when two *articles* differ: one article
/// using two numbers for one noun ("650 troops ... 1,000 troops" of
/// different dates) is not a disagreement between takes. Names differ only
/// when spelled nearly alike (two Bidens are two people).
fn kept_dispute(fact: &Fact) -> bool {
    let sets: Vec<Vec<usize>> = fact.variants.iter().map(Variant::articles).collect();
    let differ = sets.iter().enumerate().any(|(i, a)| {
        sets[i + 1..].iter().any(|b| a.iter().any(|x| !b.contains(x)) && b.iter().any(|y| !a.contains(y)))
    });
    if !differ {
        return false;
    }
    match fact.kind {
        Kind::Name => {
            let firsts: Vec<&str> =
                fact.variants.iter().map(|v| v.text.split(' ').next().unwrap_or_default()).collect();
            firsts.iter().enumerate().all(|(i, a)| firsts[i + 1..].iter().all(|b| nearly_same(a, b)))
        }
        _ => true,
    }
}

/// Two spellings of one name: the same first letter and an edit distance
/// of at most half the longer.
pub fn nearly_same(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) =
        (a.to_lowercase().chars().collect(), b.to_lowercase().chars().collect());
    a.first() == b.first() && edit_distance(&a, &b) * 2 <= a.len().max(b.len())
}

fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (diagonal + usize::from(ca != cb)).min(row[j] + 1).min(row[j + 1] + 1);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

impl Comparison {
    /// Whether nothing was found to set side by side.
    pub fn is_empty(&self) -> bool {
        self.agreed.is_empty() && self.disputed.is_empty()
    }
}
