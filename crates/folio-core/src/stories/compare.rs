//! Compare: what several takes on one story all report, and where they
//! differ. Four kinds of fact are read from each sentence: numbers with
//! what they count ("1,000 troops"), names (the same surname with first
//! names spelled nearly alike is one person spelled two ways), dates, and
//! quotations with who said them. Each variant keeps the sentences that
//! state it, so a reader can go to them.

use std::collections::BTreeMap;

use crate::corpus::Article;

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
    for (n, article) in articles.iter().enumerate() {
        let text = article.text();
        for (paragraph, p) in text.paragraphs.iter().enumerate() {
            if p.is_furniture() || !p.is_prose() {
                continue;
            }
            for (offset, sentence) in sentences(&p.text) {
                let place = Place { article: n, paragraph, offset, sentence: sentence.to_owned() };
                mentions.extend(read_sentence(sentence, &place));
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
        if told_by.len() < 2 {
            continue;
        }
        let fact = Fact { kind, about, variants };
        if fact.variants.len() >= 2 {
            comparison.disputed.push(fact);
        } else if told_by.len() == articles.len() {
            comparison.agreed.push(fact);
        }
    }
    comparison.disputed.retain(kept_dispute);
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

/// The sentences of a paragraph with their byte offsets: a split after
/// `.`, `!` or `?` (and any closing quote) where a capital or a quote
/// follows a space.
pub fn sentences(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for i in 0..chars.len() {
        let c = chars[i].1;
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() && matches!(chars[j].1, '"' | '”' | '’' | '\'' | ')') {
            j += 1;
        }
        let spaced = j < chars.len() && chars[j].1 == ' ';
        let next = chars.get(j + 1).map(|&(_, c)| c);
        // "U.S. troops": a capital before the stop and lower case after.
        let initial = i > 0 && chars[i - 1].1.is_uppercase() && (i < 2 || !chars[i - 2].1.is_alphanumeric());
        if spaced && next.is_some_and(|n| n.is_uppercase() || matches!(n, '"' | '“' | '‘')) && !initial {
            let end = chars.get(j).map_or(text.len(), |&(e, _)| e);
            out.push((start, text[start..end].trim()));
            start = end + 1;
        }
    }
    if start < text.len() && !text[start..].trim().is_empty() {
        out.push((start, text[start..].trim()));
    }
    out
}

/// A word of a sentence: where it starts and ends, and its text.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

/// Words as runs of letters, digits and the `,` `.` `'` `-` inside them
/// ("1,000", "U.S.", "Colonel-Major"), with a leading `$` kept.
fn words(sentence: &str) -> Vec<Word<'_>> {
    let mut words = Vec::new();
    let mut start = None;
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        let next_alnum = chars.get(i + 1).is_some_and(|&(_, n)| n.is_alphanumeric());
        let inner = matches!(c, ',' | '.' | '-' | '\'' | '’') && start.is_some() && next_alnum;
        if c.is_alphanumeric() || inner || (c == '$' && start.is_none() && next_alnum) {
            start.get_or_insert(at);
        } else if let Some(s) = start.take() {
            words.push(Word { start: s, end: at, text: &sentence[s..at] });
        }
    }
    if let Some(s) = start {
        words.push(Word { start: s, end: sentence.len(), text: &sentence[s..] });
    }
    words
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// Words that scale a number ("$100 million").
const SCALES: &[&str] = &["thousand", "million", "billion", "trillion", "percent"];

/// Words before a name that are a role, not part of it.
fn is_capital(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The facts one sentence states.
fn read_sentence(sentence: &str, place: &Place) -> Vec<Mention> {
    let words = words(sentence);
    let mut found = Vec::new();
    let mention = |kind, key: String, text: String, value: String| Mention {
        kind,
        key,
        text,
        value,
        place: place.clone(),
    };
    let mut i = 0;
    while i < words.len() {
        let word = words[i];
        if let Some(month) = MONTHS.iter().position(|m| *m == word.text) {
            if let Some((text, value)) = date_at(&words, i, month) {
                found.push(mention(Kind::Date, MONTHS[month].to_owned(), text, value));
            }
        } else if let Some((text, value, noun)) = number_at(&words, i) {
            found.push(mention(Kind::Number, noun, text, value));
        } else if is_capital(word.text) && i > 0 {
            let run = words[i..].iter().take_while(|w| is_name_word(w.text)).count();
            if run >= 2 {
                let name = &words[i + run - 2..i + run];
                let text = format!("{} {}", name[0].text, name[1].text);
                found.push(mention(Kind::Name, name[1].text.to_owned(), text.clone(), text));
                i += run;
                continue;
            }
        }
        i += 1;
    }
    found.extend(quote(sentence, &words).map(|(speaker, said)| {
        let value = said.to_lowercase();
        mention(Kind::Quote, speaker, format!("“{said}”"), value)
    }));
    found
}

/// A capitalised word that can be part of a person's name.
fn is_name_word(word: &str) -> bool {
    is_capital(word)
        && word.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
        && !MONTHS.contains(&word)
        && !WEEKDAYS.contains(&word)
        && !super::terms::is_stopword(&word.to_lowercase())
}

/// A date at `words[i]`, a month: "6 August 2023", "July 26, 2023",
/// "July 2023". A month alone is not read (every take says "in July").
fn date_at(words: &[Word], i: usize, month: usize) -> Option<(String, String)> {
    let number = |w: Option<&Word>, range: std::ops::RangeInclusive<u32>| {
        w.and_then(|w| w.text.trim_end_matches(',').parse::<u32>().ok()).filter(|n| range.contains(n))
    };
    let before = i.checked_sub(1).and_then(|b| words.get(b));
    let (day, year_at) = match (number(before, 1..=31), number(words.get(i + 1), 1..=31)) {
        (Some(d), _) => (Some(d), i + 1),
        (None, Some(d)) => (Some(d), i + 2),
        _ => (None, i + 1),
    };
    let year = number(words.get(year_at), 1900..=2100);
    if day.is_none() && year.is_none() {
        return None;
    }
    let mut text = String::new();
    if let Some(d) = day {
        text.push_str(&format!("{} {d}", MONTHS[month]));
    } else {
        text.push_str(MONTHS[month]);
    }
    if let Some(y) = year {
        text.push_str(&format!(" {y}"));
    }
    Some((text.clone(), text))
}

/// A number at `words[i]` with what it counts: "1,000 troops", "$100
/// million", "650 troops" (from "about 650 troops"). Years, numbers that
/// name something ("Air Base 201") and numbers with no noun are skipped.
fn number_at(words: &[Word], i: usize) -> Option<(String, String, String)> {
    let word = words[i].text;
    let digits = word.trim_start_matches('$');
    if !digits.starts_with(|c: char| c.is_ascii_digit())
        || !digits.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    let value: f64 = digits.replace(',', "").parse().ok()?;
    let is_year = !word.starts_with('$') && !digits.contains(',') && (1900.0..=2100.0).contains(&value);
    let names_something = i > 0 && is_capital(words[i - 1].text) && !word.starts_with('$');
    if is_year || names_something {
        return None;
    }
    let mut at = i + 1;
    let mut text = word.to_owned();
    if let Some(scale) = words.get(at).filter(|w| SCALES.contains(&w.text)) {
        text = format!("{text} {}", scale.text);
        at += 1;
    }
    let noun = words[at..]
        .iter()
        .take(3)
        .take_while(|w| w.text.chars().all(char::is_alphabetic))
        .filter(|w| !is_capital(w.text) && !super::terms::is_stopword(w.text))
        .map(|w| w.text)
        .collect::<Vec<_>>();
    let noun = noun.iter().find(|w| w.ends_with('s') && w.len() > 3).or(noun.first()).copied();
    // Sums of money are one fact whatever follows them.
    let key = match (noun, word.starts_with('$')) {
        (_, true) => "dollars".to_owned(),
        (Some(noun), false) => noun.to_lowercase(),
        (None, false) => return None,
    };
    let shown = if word.starts_with('$') { text.clone() } else { format!("{text} {key}") };
    let value = format!("{value}{}", text.split_once(' ').map_or("", |(_, s)| s));
    Some((shown, value, key))
}

/// Verbs that attribute a quotation.
const SAID: &[&str] =
    &["said", "says", "explained", "stated", "added", "told", "wrote", "insisted", "asserted"];

/// A quotation in the sentence and its speaker's surname, when a verb of
/// saying and a capitalised name stand next to each other outside it:
/// "…,” said Singh; Singh said “…”.
fn quote<'a>(sentence: &'a str, words: &[Word<'a>]) -> Option<(String, String)> {
    let open = sentence.find(['“', '"'])?;
    let after = open + sentence[open..].chars().next()?.len_utf8();
    let close = after + sentence[after..].find(['”', '"'])?;
    let said = sentence[after..close].trim().trim_end_matches([',', '.']).to_owned();
    if said.split_whitespace().count() < 4 {
        return None;
    }
    let outside: Vec<&Word> = words.iter().filter(|w| w.end <= open || w.start >= close).collect();
    let verb = outside.iter().position(|w| SAID.contains(&w.text))?;
    let near = |k: usize| outside.get(k).filter(|w| is_name_word(w.text)).map(|w| w.text.to_owned());
    // The surname: the last capitalised word soon after the verb ("said
    // Dorval manager Ilse Haverkamp"), else the word before it.
    let after_verb =
        outside[verb + 1..].iter().take(6).rfind(|w| is_name_word(w.text)).map(|w| w.text.to_owned());
    let before_verb = verb.checked_sub(1).and_then(near);
    let speaker = after_verb.or(before_verb)?;
    Some((speaker, said))
}

impl Comparison {
    /// Whether nothing was found to set side by side.
    pub fn is_empty(&self) -> bool {
        self.agreed.is_empty() && self.disputed.is_empty()
    }
}
