//! Reader-mode cleanup on the bundled seeds, which are real scraped
//! articles: for each, exactly which paragraphs are hidden and why, and
//! that the reader still shows every sentence of the reporting.

use folio::corpus::{Article, Furniture, View, load_bundled, text};
use folio::document::{Document, LineKind};

fn seed(name: &str) -> Article {
    let loaded = load_bundled();
    let found = loaded.corpus.articles().iter().find(|a| a.source.starts_with(name)).expect("a bundled seed");
    Article::clone(found)
}

/// Each hidden paragraph with its reason.
fn hidden(article: &Article) -> Vec<(Furniture, String)> {
    article.text().paragraphs.into_iter().filter_map(|p| p.furniture.map(|f| (f, p.text))).collect()
}

/// The hidden paragraphs are exactly these, in order: a reason and how the
/// paragraph starts.
fn assert_hidden(found: &[(Furniture, String)], expected: &[(Furniture, &str)]) {
    let matches = found.len() == expected.len()
        && found.iter().zip(expected).all(|((f, text), (g, start))| f == g && text.starts_with(start));
    assert!(matches, "hidden:\n{found:#?}\nexpected:\n{expected:#?}");
}

/// The words the clean reader shows under the header are the words of
/// every paragraph that is not furniture: no sentence of the reporting is
/// lost, and no furniture slips through.
fn assert_reporting_intact(article: &Article) {
    let doc = Document::layout(article, 60, View::Clean);
    let shown: Vec<&str> = doc
        .lines
        .iter()
        .filter(|l| !matches!(l.kind, LineKind::Title | LineKind::Meta))
        .flat_map(|l| l.text.split_whitespace())
        .collect();
    let text = article.text();
    let kept: Vec<&str> = text.body(View::Clean).flat_map(|(_, p)| p.text.split_whitespace()).collect();
    assert_eq!(shown, kept, "{}", article.source);
    assert!(doc.lines.iter().all(|l| !l.furniture), "{}", article.source);
    let kept_words: usize = article
        .text()
        .paragraphs
        .iter()
        .filter(|p| !p.is_furniture())
        .map(|p| text::words(&p.text).count())
        .sum();
    assert_eq!(article.words, kept_words, "word counts count the cleaned text");
}

#[test]
fn seed_000_hides_the_read_next_card_in_the_middle() {
    let article = seed("000_");
    let card = "France-Niger Military Talks Underway Ami";
    assert_hidden(
        &hidden(&article),
        &[(Furniture::Related, card), (Furniture::Related, "Read Next: France-Niger Military Talks U")],
    );
    assert_reporting_intact(&article);
    // The reporting right after the card is still there.
    assert!(
        article.text().body(View::Clean).any(|(_, p)| p.text.starts_with("Earlier this month, the Pentagon"))
    );
}

#[test]
fn seed_001_hides_the_search_box_image_captions_comments_and_link_farm() {
    let article = seed("001_");
    let caption = "U.S. Wants to Keep Troops in Niger Despit";
    assert_hidden(
        &hidden(&article),
        &[
            (Furniture::Navigation, "Connect with us"),
            (Furniture::Navigation, "Hi, what are you looking for?"),
            // Each photo: its alt text (the headline again), then its credit.
            (Furniture::ImageCredit, caption),
            (Furniture::ImageCredit, caption),
            (Furniture::ImageCredit, caption),
            (Furniture::ImageCredit, caption),
            (Furniture::Comments, "Click to comment"),
            (Furniture::Comments, "Notify of"),
            (Furniture::Comments, "Inline Feedbacks"),
            (Furniture::Comments, "View all comments"),
            // The site's blurb sits under the comment widget, so goes with it.
            (Furniture::Comments, "We’re dedicated to providing you the most"),
            (Furniture::Related, "You May Also Like"),
            (Furniture::Related, "Actress Emma D’Arcy is from the British r"),
            (Furniture::Related, "Jennifer Coolidge Is Pregnant: Jennifer C"),
            (Furniture::Related, "Spoilers! The demon Akaza from Kimetsu no"),
            (Furniture::Related, "The young YouTube star Emily Canham has r"),
        ],
    );
    assert_reporting_intact(&article);
    // The dek and the contributor's credit are the reporting's own.
    let text = article.text();
    let kept: Vec<&str> = text.body(View::Clean).map(|(_, p)| p.text.as_str()).collect();
    assert!(kept.contains(&"U.S. seeks to keep troops in Niger after key ally calls their presence illegal"));
    assert!(kept.contains(&"Reporting from Niamey, Niger, contributed by Omar Hama Saley."));
}

#[test]
fn seed_002_hides_the_breadcrumbs_share_bar_and_membership_pitch() {
    let article = seed("002_");
    let pitch = Furniture::Prompt;
    assert_hidden(
        &hidden(&article),
        &[
            (Furniture::Navigation, "1. Home"),
            (Furniture::Navigation, "2. West Africa"),
            (Furniture::Navigation, "3. Niger"),
            (Furniture::Share, "Share this article"),
            (pitch, "Get the day’s top headlines in your inbox"),
            (pitch, "Starting at just $5 a month, you can beco"),
            // The pitch's own sentences name no newsletter, but sit inside it.
            (pitch, "DAWNS Digest has been the trusted essenti"),
            (pitch, "Government, media, global governance orga"),
            (pitch, "It’s the perfect way to start your day."),
            (pitch, "Become a member of The New Humanitarian t"),
            (pitch, "Become a member of The New Humanitarian"),
            (pitch, "Support our journalism and become more in"),
        ],
    );
    assert_reporting_intact(&article);
    // Kept, as nothing marks it as furniture: the photo caption and the card
    // of the older story that the last paragraph points to.
    assert!(article.text().body(View::Clean).any(|(_, p)| p.text.starts_with("‘Collective punishment’")));
}

#[test]
fn seed_003_hides_the_newsletter_box_and_the_whole_comment_thread() {
    let article = seed("003_");
    let found = hidden(&article);
    assert_hidden(
        &found[..3],
        &[
            (Furniture::Prompt, "Join Our Newsletter"),
            (Furniture::Prompt, "Get the latest crime news and updates dir"),
            (Furniture::Comments, "22 Comments"),
        ],
    );
    // All 22 comments under the header, and nothing else.
    assert_eq!(found.len(), 3 + 22);
    assert!(found[3..].iter().all(|(f, _)| *f == Furniture::Comments));
    let text = article.text();
    let kept: Vec<&str> = text.body(View::Clean).map(|(_, p)| p.text.as_str()).collect();
    assert_eq!(kept.len(), 5, "the five paragraphs of reporting");
    assert!(kept[4].ends_with("in the Sahel and the broader region."));
    assert_reporting_intact(&article);
}

#[test]
fn seed_004_hides_the_byline_and_bio_and_puts_the_author_in_the_header() {
    let article = seed("004_");
    assert_hidden(
        &hidden(&article),
        &[
            (Furniture::Byline, "Author: Dave DeCamp"),
            (Furniture::Prompt, "Dave DeCamp is the news editor of, follow"),
        ],
    );
    assert_eq!(article.meta.author.as_deref(), Some("Dave DeCamp"));
    assert_reporting_intact(&article);
}

#[test]
fn the_raw_view_shows_every_paragraph_and_marks_the_furniture() {
    for article in load_bundled().corpus.articles() {
        let raw = Document::layout(article, 60, View::Raw);
        let raw_words = raw.lines.iter().filter(|l| !matches!(l.kind, LineKind::Title | LineKind::Meta));
        let shown: Vec<&str> = raw_words.flat_map(|l| l.text.split_whitespace()).collect();
        let text = article.text();
        let all: Vec<&str> = text.body(View::Raw).flat_map(|(_, p)| p.text.split_whitespace()).collect();
        assert_eq!(shown, all, "{}", article.source);
        let title = usize::from(article.title_paragraph.is_some());
        assert_eq!(
            article.text().body(View::Raw).count() + title,
            article.text().paragraphs.len(),
            "all but the title"
        );
        let furniture_lines = raw.lines.iter().filter(|l| l.furniture).count();
        assert_eq!(furniture_lines > 0, article.hidden() > 0, "{}", article.source);
    }
}
