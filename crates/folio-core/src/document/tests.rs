//! Tests of the parent module.
use super::*;
use unicode_width::UnicodeWidthStr;

fn article(text: &str) -> Article {
    Article::from_text(0, "a.txt", text)
}

fn layout(article: &Article, width: u16) -> Document {
    Document::layout(article, width, View::Clean)
}

#[test]
fn no_line_is_wider_than_the_width() {
    let a = article(
        "A Short Headline Here\n\nSupercalifragilisticexpialidocious 東京都庁の展望台 words that go on and on",
    );
    for width in [2u16, 5, 12, 40] {
        let doc = layout(&a, width);
        for line in &doc.lines {
            assert!(line.text.width() <= usize::from(width), "{width}: {:?}", line.text);
        }
    }
}

#[test]
fn every_word_of_the_body_is_kept_in_order() {
    let text = "Title Of Some Story\n\nOne two three four five six seven eight nine ten.\n\nEleven twelve.";
    let doc = layout(&article(text), 12);
    let body: Vec<&str> = doc
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::Body)
        .flat_map(|l| l.text.split_whitespace())
        .collect();
    assert_eq!(body.join(" "), "One two three four five six seven eight nine ten. Eleven twelve.");
}

#[test]
fn an_anchor_finds_the_same_words_at_another_width() {
    let text = format!("Head Line Text\n\n{}\n\n{}", "alpha ".repeat(50), "omega ".repeat(50));
    let a = article(&text);
    let wide = layout(&a, 60);
    let narrow = layout(&a, 20);
    let line = wide.lines.iter().position(|l| l.text.starts_with("omega")).unwrap() + 1;
    let anchor = wide.anchor_at(line);
    let there = &narrow.lines[narrow.line_of(anchor)];
    assert_eq!(there.anchor.paragraph(), anchor.paragraph());
    assert!(there.anchor.offset <= anchor.offset);
    assert!(there.text.starts_with("omega"));
}

#[test]
fn marks_land_on_the_lines_that_show_them() {
    let text = "Head Line Text\n\nalpha beta gamma delta epsilon";
    let a = article(text);
    let doc = layout(&a, 11);
    let paragraph = &a.text().paragraphs[1].text;
    let gamma = paragraph.find("gamma").unwrap();
    // "beta gamma" spans a line break at width 11.
    let beta = paragraph.find("beta").unwrap();
    let marks = doc.mark(paragraph_block(1), std::slice::from_ref(&(beta..gamma + 5)));
    let shown: Vec<&str> = marks.iter().map(|m| &doc.lines[m.line].text[m.range.clone()]).collect();
    assert_eq!(shown, ["beta", "gamma"]);
    let title = doc.mark(TITLE_BLOCK, std::slice::from_ref(&(5..9)));
    assert_eq!(&doc.lines[title[0].line].text[title[0].range.clone()], "Line");
}

/// Every word of a long paragraph marked: checking every range on
/// every line made this 2.4 * 10^10 steps (100,000 words took 11 s
/// here). Quadratic, it would take minutes.
#[test]
fn marks_over_a_long_paragraph_are_placed_in_linear_time() {
    let words = 400_000;
    let text = format!("Head Line Text\n\n{}", "ab cd ".repeat(words / 2));
    let a = article(&text);
    let doc = layout(&a, 20);
    let paragraph = &a.text().paragraphs[1].text;
    let ranges: Vec<Range<usize>> = (0..words).map(|i| i * 3..i * 3 + 2).collect();
    let marks = doc.mark(paragraph_block(1), &ranges);
    assert_eq!(marks.len(), words);
    assert!(marks.windows(2).all(|m| m[0].line <= m[1].line), "in reading order");
    let shown: Vec<&str> = marks.iter().map(|m| &doc.lines[m.line].text[m.range.clone()]).collect();
    assert!(shown.iter().step_by(2).all(|s| *s == "ab") && shown[1] == "cd", "{:?}", &shown[..4]);
    assert_eq!(paragraph.len(), words * 3 - 1);
}

#[test]
fn marks_skip_a_quote_bar() {
    let a = Article::from_draft(
        0,
        "a.md",
        crate::corpus::Draft {
            paragraphs: vec![
                Paragraph::plain("Head Line Text Here"),
                Paragraph { kind: Kind::Quote, ..Paragraph::plain("quoted words here") },
            ],
            ..Default::default()
        },
    );
    let doc = layout(&a, 40);
    let marks = doc.mark(paragraph_block(1), std::slice::from_ref(&(7..12)));
    assert_eq!(&doc.lines[marks[0].line].text[marks[0].range.clone()], "words");
}

#[test]
fn every_line_round_trips_through_its_anchor() {
    let text = format!("A Title Long Enough To Wrap Twice\n\n{}\n\nEnd.", "word ".repeat(30));
    let doc = layout(&article(&text), 14);
    for line in 0..doc.len() {
        assert_eq!(doc.line_of(doc.anchor_at(line)), line);
    }
    assert_eq!(doc.line_of(Anchor::default()), 0);
}

fn table_article(text: &str) -> Article {
    Article::from_draft(
        0,
        "t.md",
        crate::corpus::Draft {
            paragraphs: vec![
                Paragraph::plain("Head Line Text Here"),
                Paragraph { kind: Kind::Table { header: true }, ..Paragraph::plain(text) },
            ],
            ..Default::default()
        },
    )
}

#[test]
fn a_match_in_a_table_cell_is_marked_on_the_cell() {
    let a = table_article("Name\tSize\nknob\t1 byte\ndial\t4 bytes");
    let doc = layout(&a, 40);
    let text = &a.text().paragraphs[1].text;
    let at = text.find("4 bytes").expect("in the text");
    let marks = doc.mark(paragraph_block(1), std::slice::from_ref(&(at..at + 7)));
    let shown: Vec<&str> = marks.iter().map(|m| &doc.lines[m.line].text[m.range.clone()]).collect();
    assert_eq!(shown, ["4 bytes"]);
}

proptest::proptest! {
    /// Whatever its cells and the width, a table's lines fit the width
    /// (or fall back to blocks that do), each line has an anchor of its own
    /// in reading order, and every mark lands inside its line.
    #[test]
    fn any_table_fits_and_keeps_its_anchors_in_order(
        cells in proptest::collection::vec("[a-z東 ]{0,14}", 1..12),
        columns in 1usize..4,
        width in 2u16..60,
    ) {
        let rows: Vec<String> = cells.chunks(columns).map(|row| row.join("\t")).collect();
        let a = table_article(&rows.join("\n"));
        let doc = layout(&a, width);
        for pair in doc.lines.windows(2) {
            proptest::prop_assert!(pair[0].anchor < pair[1].anchor, "{:?}", doc.lines);
        }
        for line in doc.lines.iter().filter(|l| l.kind != LineKind::Title) {
            proptest::prop_assert!(line.text.width() <= usize::from(width).max(2) || line.text.trim().chars().count() <= 2, "{:?}", line.text);
        }
        let len = a.text().paragraphs[1].text.len();
        for mark in doc.mark(paragraph_block(1), std::slice::from_ref(&(0..len))) {
            proptest::prop_assert!(doc.lines[mark.line].text.get(mark.range.clone()).is_some());
        }
    }
}
