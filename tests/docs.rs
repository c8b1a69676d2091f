//! Documentation is never site furniture (issue 21): a man page rendered
//! to text, READMEs whose sections are called "Comments", "Related" or
//! "Share", an HTML manual page and plain notes keep every word. The
//! fixtures are written here in the shape of the real things; the
//! machine's own documentation is measured by `scripts/bench-docs`.

use folio::corpus::{Article, Format, Furniture, View, load_bytes};

fn load(name: &str, text: &str, format: Format) -> Article {
    let loaded = load_bytes(name, text.as_bytes(), format);
    let article = loaded.corpus.articles().first().expect("one article");
    Article::clone(article)
}

/// Nothing is hidden, and the clean body holds every `wanted` line.
fn assert_all_shown(article: &Article, wanted: &[&str]) {
    let text = article.text();
    let hidden: Vec<(String, &str)> =
        text.paragraphs.iter().filter_map(|p| p.furniture.map(|f| (p.text.clone(), f.describe()))).collect();
    assert!(hidden.is_empty(), "{}: hidden {hidden:#?}", article.source);
    let body: String = text.body(View::Clean).map(|(_, p)| p.text.as_str()).collect::<Vec<_>>().join("\n");
    for line in wanted {
        assert!(body.contains(line), "{}: {line:?} is not in the body", article.source);
    }
}

/// A man page as `MANWIDTH=80 man tool | col -b` prints it: a header and a
/// footer line, sections in capitals, text indented and wrapped at the
/// width, option lists, and a COMMENTS section in the middle.
const MAN_PAGE: &str = "\
TOOL(1)                     General Commands Manual                    TOOL(1)

NAME
       tool - read and rewrite configuration files

SYNOPSIS
       tool [options] [file ...]
       tool --check file

DESCRIPTION
       tool reads each file named on the command line, or the standard input
       when there is none, and writes it back with its settings sorted and
       its spacing made regular.  Nothing is written when the file is
       already in order.

       Settings are read in the order the file gives them, and sorted by
       section and then by name; a setting that appears twice keeps its
       last value, and tool says so on the standard error unless it was
       asked to be quiet.

OPTIONS
       -c, --check
              Only report whether each file is in order; write nothing.

       -q, --quiet
              Print no messages.

       -w width
              Wrap long values at width columns.

COMMENTS
       A line whose first character is # is a comment, and is kept where it
       stands.  A comment at the end of a line belongs to the setting before
       it.  Comments between sections move with the section below them.

REDIRECTION
       Before a command is executed, its input and output may be redirected
       using a special notation interpreted by the shell.  Redirection
       allows files to be opened, closed and duplicated.

   Redirecting Input
       [n]<word

       Redirection of input causes the file whose name results from the
       expansion of word to be opened for reading.

SEE ALSO
       sort(1), printf(1)

BUGS
       Report bugs to the issue tracker.  Share your configuration when you
       do, with any secret removed.

GNU tools 1.2                     2024-03-01                            TOOL(1)
";

#[test]
fn a_man_page_keeps_its_comments_section_and_everything_after_it() {
    for format in [Format::Text, Format::Markdown] {
        let article = load("tool.1.txt", MAN_PAGE, format);
        assert_all_shown(&article, &["COMMENTS", "REDIRECTION", "Redirecting Input", "SEE ALSO", "sort(1)"]);
    }
}

const README: &str = "\
# confkit

Reads configuration files and writes them back in order.

- [Install](#install)
- [Use](#use)
- [Comments](#comments)
- [Related](#related)

## Install

```sh
cargo install confkit
```

## Use

Run `confkit FILE` and the file is rewritten in place. Nothing changes
when it is already in order.

## Comments

Lines that start with `#` are comments and stay where they are.

## Related

Other tools do part of this: `sort` orders lines, and `fmt` wraps them.

## Share

Share a configuration with others by committing it; confkit keeps the
diff small.

## Leave a comment

Open an issue to tell us what you think.

## License

MIT or Apache-2.0, at your choice.
";

#[test]
fn a_readme_with_comments_related_and_share_sections_keeps_them_all() {
    let article = load("README.md", README, Format::Markdown);
    assert_all_shown(
        &article,
        &["Comments", "stay where they are", "Related", "Share", "diff small", "Open an issue", "License"],
    );
}

const HTML_DOC: &str = "<!doctype html>
<html><head><title>confkit manual</title></head>
<body><main>
<h1>confkit manual</h1>
<p>confkit reads configuration files and writes them back in order.</p>
<h2>Comments</h2>
<p>Lines that start with a hash are comments and stay where they are.</p>
<h2>Related</h2>
<p>The sort and fmt tools each do a part of what confkit does.</p>
<h2>Share</h2>
<p>Commit a configuration to share it; the diff stays small.</p>
<h2>Options</h2>
<ul><li>--check: report only</li><li>--quiet: no messages</li></ul>
</main></body></html>
";

#[test]
fn an_html_manual_keeps_its_sections() {
    let article = load("manual.html", HTML_DOC, Format::Html);
    assert_all_shown(&article, &["Comments", "stay where they are", "Related", "Share", "diff stays small"]);
}

#[test]
fn plain_notes_with_a_comments_heading_keep_what_follows() {
    let notes = "Meeting notes\n\nWe agreed to move the release to March, since the \
                 translations are not done and the installer still fails on older systems.\n\n\
                 Comments\n\nAnna thinks March is too late for the schools, who plan their \
                 year in February.\n\nNext steps\n\nBen writes to the translators this week.\n";
    let article = load("notes.txt", notes, Format::Text);
    assert_all_shown(&article, &["Comments", "Anna thinks", "Next steps", "Ben writes"]);
}

#[test]
fn a_signed_comment_thread_under_a_story_is_still_hidden() {
    let story: String = (1..=5)
        .map(|day| {
            format!(
                "On day {day} of the works the council closed another lane of the old bridge, and \
                 the engineers said the repairs would take most of the winter.\n\n"
            )
        })
        .collect();
    let page = format!(
        "Bridge to close for the winter\n\n{story}Comments\n\n\
         Milan on September 12, 2018 at 4:47 pm said:\n\nAbout time too.\n\n\
         Ada on September 13, 2018 at 9:02 am said:\n\nWhat about the buses?\n"
    );
    let article = load("bridge.txt", &page, Format::Text);
    let text = article.text();
    let body: Vec<&str> = text.body(View::Clean).map(|(_, p)| p.text.as_str()).collect();
    assert_eq!(body.len(), 5, "the story's five paragraphs: {body:#?}");
    let hidden: Vec<_> = text.paragraphs.iter().filter_map(|p| p.furniture).collect();
    assert_eq!(hidden, [Furniture::Comments; 5], "the heading, two signatures and two posts");
}

/// A scraped news page as a scraper saves it: every visible line, one a
/// line, the site's menus, a "Most read" list and a footer around a story.
const NEWS_PAGE: &str = "\
Bridge to close for the winter - The Valley Courier

Skip to content
Menu
Home
News
Local
Politics
Business
Sports
Weather
Opinion
Obituaries
Subscribe
Bridge to close for the winter
By Jane Doe
Updated 9:14 am, Tuesday, November 19, 2019
The council voted on Tuesday night to close the old river bridge for repairs, and the work is expected to take most of the winter, according to the engineers who inspected it last month.
Engineers said the steel under the deck had rusted through in places, and that the closure could not wait for the spring, as the council had first hoped it would.
Drivers will have to use the ring road until then, which the police said would add twenty minutes to most journeys into the town centre at the morning rush.
The council will hold a meeting for residents next week.
Most Read
1
School board picks new head
2
Storm knocks out power on the coast
3
Mayor opens new park by the river
Share
Facebook
Twitter
About Us
Contact Us
Privacy Policy
Terms of Use
© 2019 Valley Courier Media
";

#[test]
fn a_scraped_news_page_shows_the_story_and_says_why_the_rest_went() {
    let article = load("courier.txt", NEWS_PAGE, Format::Text);
    let text = article.text();
    let body: Vec<&str> = text.body(View::Clean).map(|(_, p)| p.text.as_str()).collect();
    assert!(article.title.starts_with("Bridge to close for the winter"), "{}", article.title);
    assert_eq!(body.len(), 4, "the story's four paragraphs, and nothing else: {body:#?}");
    assert!(body[0].starts_with("The council voted"));
    assert_eq!(body[3], "The council will hold a meeting for residents next week.");
    let reasons: Vec<&str> =
        text.paragraphs.iter().filter_map(|p| p.furniture).map(Furniture::describe).collect();
    assert!(reasons.contains(&"outside the article's main text"), "{reasons:?}");
    assert!(text.paragraphs.iter().any(|p| p.text == "Most Read" && p.is_furniture()));
    assert!(text.paragraphs.iter().any(|p| p.text.starts_with("Storm knocks") && p.is_furniture()));
}
