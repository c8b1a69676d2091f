//! Everything the stories need of a loaded corpus, found once it is all
//! indexed, off the UI thread: the corpus and its index, how rare each
//! word is (for related lists), and the stories (grouped then, or read
//! from the cache with the index).

use std::sync::Arc;

use super::group::{Story, find_stories};
use super::terms::Rarity;
use crate::corpus::Corpus;
use crate::search::Index;

/// A corpus analysed for stories.
#[derive(Debug)]
pub struct Analysis {
    pub corpus: Arc<Corpus>,
    pub index: Arc<Index>,
    pub rarity: Rarity,
    pub stories: Vec<Story>,
}

impl Analysis {
    /// Groups the corpus into stories.
    pub fn of(corpus: Arc<Corpus>, index: Arc<Index>) -> Analysis {
        let rarity = Rarity::new(&index);
        let stories = find_stories(&corpus, &index, &rarity);
        Analysis { corpus, index, rarity, stories }
    }

    /// With the stories found before (read from the cache).
    pub fn with_stories(corpus: Arc<Corpus>, index: Arc<Index>, stories: Vec<Story>) -> Analysis {
        let rarity = Rarity::new(&index);
        Analysis { corpus, index, rarity, stories }
    }

    /// The story `article` is in, if any.
    pub fn story_of(&self, article: usize) -> Option<&Story> {
        self.stories.iter().find(|s| s.articles.contains(&article))
    }
}

/// Where an analysis goes once made.
pub type AnalysisTo = Box<dyn FnOnce(Arc<Analysis>) + Send>;
