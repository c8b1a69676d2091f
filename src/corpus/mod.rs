//! The articles folio reads: what an article is, and how a corpus is loaded
//! from the bundled seeds or from files and folders. Knows nothing of the UI.

mod load;
pub mod text;
pub mod title;

pub use load::{LoadError, Loaded, Skipped, load_bundled, load_paths};

/// Reading speed behind the minutes shown for each article.
pub const WORDS_PER_MINUTE: usize = 230;

/// One article, cleaned and ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Position in the corpus, which is also its place in file-name order.
    pub id: usize,
    /// Where it came from, as the user would name it (a path or a seed name).
    pub source: String,
    pub title: String,
    /// The paragraph shown as the title, left out of the body in the reader.
    pub title_paragraph: Option<usize>,
    /// Every paragraph of the text, furniture included: nothing is dropped.
    pub paragraphs: Vec<String>,
    pub words: usize,
    /// The file was not valid UTF-8; bad bytes became U+FFFD.
    pub lossy: bool,
}

impl Article {
    /// Builds an article from raw file contents, which may hold anything.
    pub fn from_text(id: usize, source: impl Into<String>, raw: &str) -> Self {
        let source = source.into();
        let paragraphs = text::paragraphs(&text::sanitize(raw));
        let title = title::find(&paragraphs, &source);
        let words = paragraphs.iter().map(|p| text::words(p).count()).sum();
        Article {
            id,
            source,
            title: title.text,
            title_paragraph: title.paragraph,
            paragraphs,
            words,
            lossy: false,
        }
    }

    /// Minutes to read at [`WORDS_PER_MINUTE`], rounded up; never zero.
    pub fn reading_minutes(&self) -> usize {
        self.words.div_ceil(WORDS_PER_MINUTE).max(1)
    }

    /// The paragraphs the reader shows under the title, with their indices.
    pub fn body(&self) -> impl Iterator<Item = (usize, &str)> {
        self.paragraphs
            .iter()
            .enumerate()
            .filter(move |(i, _)| Some(*i) != self.title_paragraph)
            .map(|(i, p)| (i, p.as_str()))
    }
}

/// The loaded articles, in file-name order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Corpus {
    articles: Vec<Article>,
}

impl Corpus {
    /// Builds a corpus, renumbering the articles in the order given.
    pub fn new(mut articles: Vec<Article>) -> Self {
        for (id, article) in articles.iter_mut().enumerate() {
            article.id = id;
        }
        Corpus { articles }
    }

    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    pub fn get(&self, id: usize) -> Option<&Article> {
        self.articles.get(id)
    }

    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_and_rounds_reading_time_up() {
        let article = Article::from_text(0, "a.txt", &"word ".repeat(231));
        assert_eq!(article.words, 231);
        assert_eq!(article.reading_minutes(), 2);
        assert_eq!(Article::from_text(0, "b.txt", "").reading_minutes(), 1);
    }

    #[test]
    fn body_leaves_out_the_headline_but_keeps_everything_else() {
        let article = Article::from_text(0, "a.txt", "Menu\n\nA Headline Here\n\nFirst paragraph.");
        assert_eq!(article.title, "A Headline Here");
        let body: Vec<&str> = article.body().map(|(_, p)| p).collect();
        assert_eq!(body, ["Menu", "First paragraph."]);
    }
}
