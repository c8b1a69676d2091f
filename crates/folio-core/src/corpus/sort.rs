//! The orders the article list can be sorted in: by file name, by date
//! (newest first), by title, or by length (shortest first).

use std::cmp::Reverse;

use super::{Article, Corpus};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortKey {
    /// File-name order, the order the corpus loads in.
    #[default]
    Name,
    /// Newest first; articles without a readable date come last.
    Date,
    /// A to Z, ignoring case.
    Title,
    /// Shortest first, by the words of the cleaned text.
    Length,
}

impl SortKey {
    pub const ALL: [SortKey; 4] = [SortKey::Name, SortKey::Date, SortKey::Title, SortKey::Length];

    /// The next order in the cycle `s` steps through.
    pub fn next(self) -> SortKey {
        let at = SortKey::ALL.iter().position(|&k| k == self).unwrap_or(0);
        SortKey::ALL[(at + 1) % SortKey::ALL.len()]
    }

    /// The name the command line and the screen use.
    pub fn name(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::Date => "date",
            SortKey::Title => "title",
            SortKey::Length => "length",
        }
    }

    /// The order called `name` (as [`SortKey::name`] writes it).
    pub fn from_name(name: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|key| key.name() == name)
    }

    /// Each article's place in this order, by article id. Ties keep
    /// file-name order.
    pub fn ranks(self, corpus: &Corpus) -> Vec<usize> {
        let mut order: Vec<&Article> = corpus.articles().iter().map(|a| &**a).collect();
        match self {
            SortKey::Name => {}
            SortKey::Date => order.sort_by_cached_key(|a| Reverse(a.meta.date())),
            SortKey::Title => order.sort_by_cached_key(|a| a.title.to_lowercase()),
            SortKey::Length => order.sort_by_key(|a| a.words),
        }
        let mut ranks = vec![0; corpus.len()];
        for (rank, article) in order.iter().enumerate() {
            if let Some(slot) = ranks.get_mut(article.id) {
                *slot = rank;
            }
        }
        ranks
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Draft, Meta};

    fn article(title: &str, date: Option<&str>, words: usize) -> Article {
        let draft = Draft {
            title: Some(title.into()),
            meta: Meta { date: date.map(str::to_owned), ..Meta::default() },
            ..Draft::from_text(&"word ".repeat(words))
        };
        Article::from_draft(0, format!("{title}.txt"), draft)
    }

    #[test]
    fn each_order_ranks_as_named() {
        let corpus = Corpus::new(vec![
            article("banana", Some("2024-01-05"), 30),
            article("Apple", None, 10),
            article("cherry", Some("March 9, 2024"), 20),
        ]);
        assert_eq!(SortKey::Name.ranks(&corpus), [0, 1, 2]);
        assert_eq!(SortKey::Date.ranks(&corpus), [1, 2, 0], "newest first, undated last");
        assert_eq!(SortKey::Title.ranks(&corpus), [1, 0, 2]);
        assert_eq!(SortKey::Length.ranks(&corpus), [2, 0, 1]);
    }

    #[test]
    fn s_cycles_through_every_order() {
        let mut key = SortKey::default();
        let names: Vec<&str> = (0..5)
            .map(|_| {
                let name = key.name();
                key = key.next();
                name
            })
            .collect();
        assert_eq!(names, ["name", "date", "title", "length", "name"]);
    }
}
