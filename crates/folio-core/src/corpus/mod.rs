//! The articles folio reads: what an article is, and how a corpus is loaded
//! from the bundled seeds or from files and folders. Knows nothing of the UI.

pub mod cleanup;
mod decode;
mod formats;
pub mod frontmatter;
mod load;
pub mod meta;
mod packed;
pub mod paragraph;
mod plain;
pub mod reading;
pub mod sort;
pub mod text;
pub mod title;

pub use formats::Format;
pub use load::{
    Batch, FileJob, Found, LoadError, Loaded, Parsed, Progress, Skipped, check_paths, find, load_bundled,
    load_bytes, load_paths, load_reader, parse_file, stream_files, stream_paths,
};
pub use meta::Meta;
pub use packed::Packed;
pub use paragraph::{Furniture, Inline, Kind, Paragraph, Span};
pub use sort::SortKey;

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::stories::signature::Signature;

pub use reading::WORDS_PER_MINUTE;

/// The reading view: whether site furniture is hidden (clean, the
/// default) or shown (raw, `r`). In folio's code "view" means only this;
/// which articles the list shows is the app's `ListScope`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum View {
    #[default]
    Clean,
    Raw,
}

/// One article, cleaned and ready to show. What the list needs (title,
/// source, metadata, counts) is kept as is; the paragraphs are packed,
/// and [`Article::text`] unpacks them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Position in the corpus, which is also its place in file-name order.
    pub id: usize,
    /// Where it came from, as the user would name it (a path or a seed name;
    /// `feed.jsonl:12` for one line of a JSON Lines file).
    pub source: String,
    pub title: String,
    /// The paragraph shown as the title, left out of the body in the reader.
    pub title_paragraph: Option<usize>,
    pub meta: Meta,
    /// Words of the cleaned text: furniture, link lists and code do not
    /// count, and each Chinese or Japanese character is one (see [`reading`]).
    pub words: usize,
    /// Minutes to read the cleaned text, by script, code included.
    pub minutes: usize,
    /// The file was not valid UTF-8; bad bytes became U+FFFD.
    pub lossy: bool,
    /// It had more than [`paragraph::MAX_PARAGRAPHS`] paragraphs: the rest
    /// of its text is one paragraph, behind a note that says so.
    pub capped: bool,
    /// A hash of the text (see [`fingerprint`]), which keys the reading
    /// state: computed once, as the text is packed.
    pub fingerprint: u64,
    /// What grouping into stories needs of the text, taken as it is
    /// packed so that grouping never unpacks it. The cache keeps it
    /// apart, as it does the text: a load from the cache that has the
    /// stories too needs neither.
    #[serde(skip)]
    pub signature: Signature,
    /// How many paragraphs cleanup hides.
    hidden: usize,
    /// Every paragraph of the text, furniture included (and marked):
    /// nothing is dropped. The cache keeps it apart from the rest, which a
    /// search from the cache can do without.
    #[serde(skip)]
    packed: Packed,
}

/// An article's paragraphs, unpacked for reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub paragraphs: Vec<Paragraph>,
    /// The paragraph shown as the title.
    pub title_paragraph: Option<usize>,
}

impl Text {
    /// The paragraphs the reader shows under the title, with their indices:
    /// furniture only in the raw view.
    pub fn body(&self, view: View) -> impl Iterator<Item = (usize, &Paragraph)> {
        self.paragraphs.iter().enumerate().filter(move |(i, p)| {
            Some(*i) != self.title_paragraph && (view == View::Raw || !p.is_furniture())
        })
    }

    /// The text that search looks in: every paragraph of prose, title
    /// included, and furniture only in the raw view.
    pub fn searchable(&self, view: View) -> impl Iterator<Item = &str> {
        self.paragraphs
            .iter()
            .filter(move |p| p.is_prose() && (view == View::Raw || !p.is_furniture()))
            .map(|p| p.text.as_str())
    }
}

/// What a format loader makes of a file before `Article::from_draft`
/// finds its title, marks its furniture and counts its words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    /// A title the source states (front matter, `<title>`, a JSON field).
    pub title: Option<String>,
    pub meta: Meta,
    pub paragraphs: Vec<Paragraph>,
    /// The first paragraph stood alone on the text's first line, a blank
    /// line after it: the author's title, however few its words.
    pub lead: bool,
}

impl Draft {
    /// Plain text: sanitized and laid out (see `corpus::plain`); a man page
    /// states its title in its NAME line.
    pub fn from_text(raw: &str) -> Self {
        // `col -b` writes a man page's indentation with tabs at every
        // eighth column, as terminals set them.
        let raw = match plain::is_man_page(raw) {
            true => std::borrow::Cow::Owned(text::expand_tabs_to(raw, plain::MAN_TAB_STOP)),
            false => std::borrow::Cow::Borrowed(raw),
        };
        let layout = plain::read(&text::sanitize(&raw));
        Draft { title: layout.title, paragraphs: layout.paragraphs, lead: layout.lead, ..Draft::default() }
    }

    /// Whether there is any text to read at all.
    pub fn is_blank(&self) -> bool {
        self.paragraphs.iter().all(|p| p.text.trim().is_empty())
    }
}

impl Article {
    /// Builds an article from plain text, which may hold anything.
    pub fn from_text(id: usize, source: impl Into<String>, raw: &str) -> Self {
        Article::from_draft(id, source, Draft::from_text(raw))
    }

    /// Finishes a draft: marks the furniture, picks the title, fills the
    /// author from a byline and counts the words of the cleaned text.
    pub fn from_draft(id: usize, source: impl Into<String>, draft: Draft) -> Self {
        let source = source.into();
        let mut paragraphs = draft.paragraphs;
        let capped = paragraph::cap(&mut paragraphs);
        let counts = cleanup::mark(&mut paragraphs);
        let stated = draft.title.map(|t| text::one_line(&t)).filter(|t| !t.is_empty());
        let title = match stated {
            Some(text) => {
                let wanted = cleanup::normalize(&text);
                let paragraph = paragraphs
                    .iter()
                    .take(title::SEARCH_DEPTH)
                    .position(|p| p.text.len() <= text.len() * 2 && cleanup::normalize(&p.text) == wanted);
                title::Title { text, paragraph }
            }
            None => title::find(&paragraphs, &source, draft.lead),
        };
        let after_title = title.paragraph.map_or(0, |i| i + 1);
        cleanup::mark_repeated_title(&mut paragraphs, &title.text, after_title);
        cleanup::mark_page(&mut paragraphs, &counts, title.paragraph);
        let byline = paragraphs
            .iter()
            .filter(|p| p.furniture == Some(Furniture::Byline))
            .find_map(|p| cleanup::byline_name(&p.text).map(str::to_owned));
        let meta = clean_meta(draft.meta).or(Meta { author: byline, ..Meta::default() });
        let counted = paragraphs.iter().zip(counts).filter(|(p, _)| p.is_prose() && !p.is_furniture());
        let reading = reading::measure(counted);
        Article {
            capped,
            minutes: reading.minutes,
            ..Article::assemble(id, source, title, meta, reading.words, paragraphs)
        }
    }

    fn assemble(
        id: usize,
        source: String,
        title: title::Title,
        meta: Meta,
        words: usize,
        paragraphs: Vec<Paragraph>,
    ) -> Self {
        Article {
            id,
            source,
            title: title.text,
            title_paragraph: title.paragraph,
            meta,
            words,
            minutes: words.div_ceil(WORDS_PER_MINUTE).max(1),
            lossy: false,
            capped: false,
            fingerprint: fingerprint(&paragraphs),
            signature: Signature::of(
                paragraphs.iter().filter(|p| p.is_prose() && !p.is_furniture()).map(|p| p.text.as_str()),
            ),
            hidden: paragraphs.iter().filter(|p| p.is_furniture()).count(),
            packed: Packed::pack(&paragraphs),
        }
    }

    /// The paragraphs, unpacked.
    pub fn text(&self) -> Text {
        Text { paragraphs: self.packed.unpack(), title_paragraph: self.title_paragraph }
    }

    /// The paragraphs as packed, for the cache.
    pub fn packed(&self) -> &Packed {
        &self.packed
    }

    /// Puts back the paragraphs the cache kept apart.
    pub fn restore(&mut self, packed: Packed) {
        self.packed = packed;
    }

    /// Minutes to read, by script (see [`reading`]), rounded up; never zero.
    pub fn reading_minutes(&self) -> usize {
        self.minutes.max(1)
    }

    /// How many paragraphs cleanup hides.
    pub fn hidden(&self) -> usize {
        self.hidden
    }
}

/// A hash of the paragraphs' text, eight bytes at a time: each
/// paragraph's bytes as little-endian words (the last one padded with
/// zeros), then its length, each xored in, multiplied by an odd constant
/// and rotated. It keys the reading state on disk, so it must give the
/// same number in every version of folio and of its dependencies: it is
/// written out here, not taken from a crate. Every article loaded is
/// hashed; [`legacy_fingerprint`], a byte at a time, was about 6% of a
/// cold load's CPU.
pub fn fingerprint(paragraphs: &[Paragraph]) -> u64 {
    const MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |word: u64| hash = (hash ^ word).wrapping_mul(MULTIPLIER).rotate_left(29);
    for paragraph in paragraphs {
        let bytes = paragraph.text.as_bytes();
        let mut from = 0;
        while from < bytes.len() {
            let (word, len) = crate::lanes::read(&bytes[from..]);
            mix(word);
            from += len;
        }
        mix(bytes.len() as u64);
    }
    hash
}

/// FNV-1a over the paragraphs' text, each ended by a newline: what keyed
/// the reading state before state version 2, still computed for the
/// articles an older folio saved state for, to find it.
pub fn legacy_fingerprint(paragraphs: &[Paragraph]) -> u64 {
    crate::fsutil::fnv1a(paragraphs.iter().flat_map(|p| p.text.bytes().chain([b'\n'])))
}

fn clean_meta(meta: Meta) -> Meta {
    let clean = |field: Option<String>| field.map(|f| text::one_line(&f)).filter(|f| !f.is_empty());
    Meta { site: clean(meta.site), author: clean(meta.author), date: clean(meta.date), url: clean(meta.url) }
}

/// The loaded articles, in file-name order. Articles are shared, so a
/// corpus that grows as a load streams in is a cheap new snapshot for the
/// app and the search thread alike.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Corpus {
    articles: Vec<Arc<Article>>,
}

impl Corpus {
    /// Builds a corpus, renumbering the articles in the order given.
    pub fn new(articles: Vec<Article>) -> Self {
        Corpus::default().extended(articles)
    }

    /// This corpus with `more` after it, numbered on from its last article.
    pub fn extended(&self, more: Vec<Article>) -> Self {
        let mut articles = Vec::with_capacity(self.articles.len() + more.len());
        articles.extend(self.articles.iter().cloned());
        for (id, mut article) in (self.articles.len()..).zip(more) {
            article.id = id;
            articles.push(Arc::new(article));
        }
        Corpus { articles }
    }

    pub fn articles(&self) -> &[Arc<Article>] {
        &self.articles
    }

    pub fn get(&self, id: usize) -> Option<&Article> {
        self.articles.get(id).map(|a| &**a)
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

    /// 60 MB of one-letter paragraphs took 3 GB: each paragraph past the
    /// cap now joins the last, in plain text and in Markdown alike.
    #[test]
    fn paragraphs_past_the_cap_join_into_one_behind_a_note() {
        let count = paragraph::MAX_PARAGRAPHS + 20_000;
        for (name, text) in [
            ("a.txt", format!("Many Short Paragraphs\n\n{}", "x\n\n".repeat(count))),
            ("a.txt", format!("Many Short Lines\n\n{}", "x\n".repeat(count))),
            ("a.md", format!("# Many Short Paragraphs\n\n{}", "x\n\n".repeat(count))),
        ] {
            let draft = formats::parse(Format::of_path(name.as_ref()).expect("known"), name, &text);
            let (_, draft) = draft.into_iter().next().expect("one").expect("loads");
            assert_eq!(draft.paragraphs.len(), paragraph::MAX_PARAGRAPHS + 1, "{name}: bounded as read");
            let article = Article::from_draft(0, name, draft);
            assert!(article.capped);
            let paragraphs = article.text().paragraphs;
            assert_eq!(paragraphs.len(), paragraph::MAX_PARAGRAPHS + 2);
            let note = &paragraphs[paragraph::MAX_PARAGRAPHS];
            assert!(
                note.text.contains("the rest of the text follows as one") && !note.is_prose(),
                "{note:?}"
            );
            let joined = paragraphs.last().expect("the rest");
            let xs = |p: &Paragraph| p.text.split(' ').filter(|w| *w == "x").count();
            let kept: usize = paragraphs.iter().map(xs).sum();
            assert_eq!(kept, count, "{name}: no text is lost");
            assert!(xs(joined) > 20_000, "{name}");
            assert_eq!(article.words, count + 3, "{name}: every word still counts");
        }
        assert!(!Article::from_text(0, "b.txt", &"x\n\n".repeat(1000)).capped);
    }

    #[test]
    fn counts_words_and_rounds_reading_time_up() {
        let article = Article::from_text(0, "a.txt", &"word ".repeat(231));
        assert_eq!(article.words, 231);
        assert_eq!(article.reading_minutes(), 2);
        assert_eq!(Article::from_text(0, "b.txt", "").reading_minutes(), 1);
    }

    #[test]
    fn body_leaves_out_the_headline_and_hides_furniture_unless_raw() {
        let article = Article::from_text(0, "a.txt", "Menu\n\nA Headline Here\n\nFirst paragraph.");
        assert_eq!(article.title, "A Headline Here");
        let text = article.text();
        let body = |view| text.body(view).map(|(_, p)| p.text.as_str()).collect::<Vec<_>>();
        assert_eq!(body(View::Clean), ["First paragraph."]);
        assert_eq!(body(View::Raw), ["Menu", "First paragraph."]);
        assert_eq!(article.hidden(), 1);
    }

    #[test]
    fn a_stated_title_hides_its_heading_and_a_byline_gives_the_author() {
        let draft = Draft {
            title: Some("The \x1b[31mStated\n Title".into()),
            ..Draft::from_text("The Stated Title\n\nBody of the story.\n\nBy Jane Doe")
        };
        let article = Article::from_draft(0, "a.md", draft);
        assert_eq!(article.title, "The Stated Title", "sanitized to one line");
        assert_eq!(article.title_paragraph, Some(0));
        assert_eq!(article.meta.author.as_deref(), Some("Jane Doe"));
        assert_eq!(article.words, 7, "the title counts, the byline does not");
    }
}
