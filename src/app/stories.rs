//! The stories' part: the corpus analysed for stories (once it is all
//! indexed), the articles marked for a comparison, and the three panels:
//! related articles (`R`), the stories (`t`) and a comparison (`c`). What
//! takes work (a related list, a comparison) is asked for as an effect and
//! comes back as `Action::Stories`.

use std::collections::BTreeSet;
use std::sync::Arc;

use super::{App, Effect, Mode};
use crate::document::{Anchor, paragraph_block};
use crate::stories::answer::{StoriesAnswer, StoriesJob};
use crate::stories::compare::{Fact, Place};
use crate::stories::{Analysis, Comparison, Related};

#[derive(Debug, Default)]
pub(super) struct Stories {
    /// The corpus analysed; `None` until everything is loaded and indexed.
    pub analysis: Option<Arc<Analysis>>,
    /// Article ids marked (`m`) for a comparison, in the order marked.
    pub marked: Vec<usize>,
    /// The related list asked for: of which article, and once found.
    pub related: Option<(usize, Option<Arc<Vec<Related>>>)>,
    /// The comparison asked for: of which articles, and once made.
    pub comparison: Option<(Vec<usize>, Option<Arc<Comparison>>)>,
    /// The stories whose articles are shown, by place in the analysis.
    pub expanded: BTreeSet<usize>,
    /// The selected row of the open panel.
    pub selected: usize,
    /// Whether the stories panel opens as soon as they are found (`t`
    /// pressed before, or the config's `stories`).
    pub open_when_found: bool,
}

/// A row of the stories panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoryRow {
    /// A story, by its place in the analysis.
    Story(usize),
    /// One of its articles, by id.
    Article(usize),
}

/// A row of the comparison panel: a heading, a fact, or a place where a
/// variant is told (the rows that can be opened).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompareRow<'a> {
    Heading(&'static str),
    Fact(&'a Fact),
    Place { variant: &'a str, place: &'a Place },
}

/// The stories panel's rows: each story, then its articles if expanded.
pub fn story_rows(analysis: &Analysis, expanded: &BTreeSet<usize>) -> Vec<StoryRow> {
    let mut rows = Vec::new();
    for (n, story) in analysis.stories.iter().enumerate() {
        rows.push(StoryRow::Story(n));
        if expanded.contains(&n) {
            rows.extend(story.articles.iter().map(|&a| StoryRow::Article(a)));
        }
    }
    rows
}

/// The comparison panel's rows: what is told differently first (what the
/// reader is looking for), then what all agree on.
pub fn compare_rows(comparison: &Comparison) -> Vec<CompareRow<'_>> {
    let mut rows = Vec::new();
    for (heading, facts) in
        [("Told differently", &comparison.disputed), ("Agreed by all", &comparison.agreed)]
    {
        if facts.is_empty() {
            continue;
        }
        rows.push(CompareRow::Heading(heading));
        for fact in facts {
            rows.push(CompareRow::Fact(fact));
            for variant in &fact.variants {
                rows.extend(
                    variant.places.iter().map(|place| CompareRow::Place { variant: &variant.text, place }),
                );
            }
        }
    }
    rows
}

impl App {
    /// Takes an answer from off the UI thread; one no longer waited for
    /// (the panel was closed or asked again) is dropped.
    pub(super) fn receive_stories_answer(&mut self, answer: StoriesAnswer) {
        match answer {
            StoriesAnswer::Analysed(analysis) => {
                self.stories.analysis = Some(analysis);
                if std::mem::take(&mut self.stories.open_when_found) && self.overlay.mode == Mode::Normal {
                    self.open_panel(Mode::Stories);
                }
            }
            StoriesAnswer::Related { of, found } => {
                if let Some((asked, slot @ None)) = &mut self.stories.related
                    && *asked == of
                {
                    *slot = Some(found);
                }
            }
            StoriesAnswer::Compared { ids, comparison } => {
                if let Some((asked, slot @ None)) = &mut self.stories.comparison
                    && *asked == ids
                {
                    *slot = Some(comparison);
                    if self.overlay.mode == Mode::Compare {
                        // The first row is a heading: start on a sentence.
                        self.stories.selected = 0;
                        self.panel_step(true);
                    }
                }
            }
        }
    }

    /// `R`: the articles most like the selected one.
    pub(super) fn show_related(&mut self) {
        let Some(article) = self.selected_article().map(|a| a.id) else { return };
        let Some(analysis) = self.analysis_or_say() else { return };
        self.stories.related = Some((article, None));
        self.effects.push(Effect::Stories(StoriesJob::Related { analysis, article }));
        self.open_panel(Mode::Related);
    }

    /// `t`: the stories panel; before they are found, as soon as they are.
    pub(super) fn toggle_stories(&mut self) {
        if self.stories.analysis.is_some() {
            self.open_panel(Mode::Stories);
        } else {
            self.stories.open_when_found = true;
            self.overlay.notice =
                Some("stories are still being found: they show once the load is indexed".into());
        }
    }

    /// `m`: marks the selected article for a comparison, or unmarks it.
    pub(super) fn mark_for_compare(&mut self) {
        let Some(id) = self.selected_article().map(|a| a.id) else { return };
        let marked = &mut self.stories.marked;
        match marked.iter().position(|&m| m == id) {
            Some(at) => {
                marked.remove(at);
            }
            None => marked.push(id),
        }
        self.overlay.notice = Some(match marked.len() {
            0 => "no article marked".to_owned(),
            1 => "1 article marked: mark another, then c compares them".to_owned(),
            n => format!("{n} articles marked: c compares them"),
        });
    }

    /// `c`: compares the selected story (in the stories panel), the marked
    /// articles, or the selected article's story.
    pub(super) fn compare(&mut self) {
        let story_of_row = |app: &App| {
            let analysis = app.stories.analysis.as_ref()?;
            let rows = story_rows(analysis, &app.stories.expanded);
            let n = match rows.get(app.stories.selected)? {
                StoryRow::Story(n) => *n,
                StoryRow::Article(a) => analysis.stories.iter().position(|s| s.articles.contains(a))?,
            };
            Some(analysis.stories.get(n)?.articles.clone())
        };
        let selected_story = |app: &App| {
            let id = app.selected_article()?.id;
            Some(app.stories.analysis.as_ref()?.story_of(id)?.articles.clone())
        };
        let ids = match self.overlay.mode {
            Mode::Stories => story_of_row(self),
            _ if self.stories.marked.len() >= 2 => Some(self.stories.marked.clone()),
            _ => selected_story(self),
        };
        let Some(ids) = ids.filter(|ids| ids.len() >= 2) else {
            self.overlay.notice =
                Some("nothing to compare: mark two articles with m, or pick a story (t)".into());
            return;
        };
        let articles = ids.iter().filter_map(|&id| self.corpus.articles().get(id).cloned()).collect();
        self.stories.comparison = Some((ids.clone(), None));
        self.effects.push(Effect::Stories(StoriesJob::Compare { ids, articles }));
        self.open_panel(Mode::Compare);
    }

    /// How many rows the open panel has.
    fn panel_rows(&self) -> usize {
        match self.overlay.mode {
            Mode::Related => self.related().map_or(0, |(_, found)| found.len()),
            Mode::Stories => {
                self.stories.analysis.as_ref().map_or(0, |a| story_rows(a, &self.stories.expanded).len())
            }
            Mode::Compare => self.comparison().map_or(0, |(_, c)| compare_rows(c).len()),
            _ => 0,
        }
    }

    /// Moves the panel's selection by `step` rows; in a comparison, to the
    /// next row that can be opened.
    pub(super) fn panel_step(&mut self, down: bool) {
        let rows = self.panel_rows();
        let openable = |app: &App, at: usize| match app.overlay.mode {
            Mode::Compare => app
                .comparison()
                .is_some_and(|(_, c)| matches!(compare_rows(c).get(at), Some(CompareRow::Place { .. }))),
            _ => true,
        };
        let mut at = self.stories.selected;
        loop {
            let next = if down { at + 1 } else { at.wrapping_sub(1) };
            if next >= rows {
                return;
            }
            at = next;
            if openable(self, at) {
                self.stories.selected = at;
                return;
            }
        }
    }

    /// Enter in a panel.
    pub(super) fn panel_open(&mut self) {
        let at = self.stories.selected;
        match self.overlay.mode {
            Mode::Related => {
                let article = self.related().and_then(|(_, found)| found.get(at)).map(|r| r.article);
                if let Some(article) = article {
                    self.open_from_panel(article, None);
                }
            }
            Mode::Stories => {
                let Some(analysis) = self.stories.analysis.clone() else { return };
                match story_rows(&analysis, &self.stories.expanded).get(at) {
                    Some(StoryRow::Story(n)) if !self.stories.expanded.remove(n) => {
                        self.stories.expanded.insert(*n);
                    }
                    Some(StoryRow::Article(id)) => self.open_from_panel(*id, None),
                    _ => {}
                }
            }
            Mode::Compare => {
                let target = self.comparison().and_then(|(ids, c)| match compare_rows(c).get(at) {
                    Some(CompareRow::Place { place, .. }) => {
                        Some((*ids.get(place.article)?, place.paragraph))
                    }
                    _ => None,
                });
                if let Some((id, paragraph)) = target {
                    self.open_from_panel(id, Some(paragraph));
                }
            }
            _ => {}
        }
    }

    pub(super) fn panel_close(&mut self) {
        self.overlay.mode = Mode::Normal;
    }

    /// Opens article `id` in the reader (at `paragraph`), closing the panel.
    fn open_from_panel(&mut self, id: usize, paragraph: Option<usize>) {
        let Some(index) = self.list.position_of(id) else {
            self.overlay.notice =
                Some("that article is not in the list now: clear the filter or the view first".into());
            return;
        };
        self.overlay.mode = Mode::Normal;
        self.choose(index);
        if let Some(paragraph) = paragraph
            && let Some(position) = self.memory.positions.get_mut(id)
        {
            *position = Anchor { block: paragraph_block(paragraph), offset: 0 };
        }
        self.open_article();
    }

    fn open_panel(&mut self, mode: Mode) {
        self.overlay.mode = mode;
        self.stories.selected = 0;
    }

    fn analysis_or_say(&mut self) -> Option<Arc<Analysis>> {
        let analysis = self.stories.analysis.clone();
        if analysis.is_none() {
            self.overlay.notice = Some("stories are still being found: try again once loading ends".into());
        }
        analysis
    }

    /// The corpus analysed for stories, once it is.
    pub fn analysis(&self) -> Option<&Analysis> {
        self.stories.analysis.as_deref()
    }

    /// The related list shown: of which article, and the articles found
    /// (`None` while it is worked out).
    pub fn related(&self) -> Option<(usize, &[Related])> {
        let (of, found) = self.stories.related.as_ref()?;
        Some((*of, found.as_deref()?.as_slice()))
    }

    /// Whether a related list is asked for but not yet here.
    pub fn panel_waiting(&self) -> bool {
        match self.overlay.mode {
            Mode::Related => self.stories.related.as_ref().is_some_and(|(_, f)| f.is_none()),
            Mode::Compare => self.stories.comparison.as_ref().is_some_and(|(_, c)| c.is_none()),
            _ => false,
        }
    }

    /// The comparison shown: the articles compared (ids) and what it found.
    pub fn comparison(&self) -> Option<(&[usize], &Comparison)> {
        let (ids, comparison) = self.stories.comparison.as_ref()?;
        Some((ids, comparison.as_deref()?))
    }

    pub fn expanded_stories(&self) -> &BTreeSet<usize> {
        &self.stories.expanded
    }

    /// The selected row of the open stories panel.
    pub fn panel_selected(&self) -> usize {
        self.stories.selected
    }

    /// The articles marked for a comparison.
    pub fn marked(&self) -> &[usize] {
        &self.stories.marked
    }

    /// Opens the stories panel as soon as the stories are found (config).
    pub fn with_stories_shown(mut self, shown: bool) -> Self {
        self.stories.open_when_found = shown;
        self
    }
}
