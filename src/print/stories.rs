//! Output of the stories commands: `--related` as `--filter` prints
//! (title, tab, path; JSON with the score and reason), `--stories` a
//! group a paragraph (JSON a line each), and `--compare` the facts agreed
//! and disputed, each variant with the articles and sentences saying it.

use std::io::{self, BufWriter, Write};

use serde::Serialize;

use super::{Format, write_json_line};
use crate::corpus::{Article, Corpus, text};
use crate::shown;
use crate::stories::compare::{Comparison, Fact};
use crate::stories::{Related, Story};

#[derive(Serialize)]
struct JsonRelated<'a> {
    path: &'a str,
    title: &'a str,
    score: f32,
    reason: String,
    shared: &'a [String],
}

/// Prints related articles, best first.
pub fn related(corpus: &Corpus, found: &[Related], format: Format) -> io::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    for hit in found {
        let Some(article) = corpus.get(hit.article) else { continue };
        match format {
            Format::Lines => writeln!(out, "{}\t{}", article.title, shown::escape(&article.source))?,
            Format::JsonLines => {
                let shared: Vec<String> = hit.shared.iter().map(|w| text::one_line(w)).collect();
                let line = JsonRelated {
                    path: &article.source,
                    title: &article.title,
                    score: hit.score,
                    reason: hit.reason(),
                    shared: &shared,
                };
                write_json_line(&mut out, &line)?;
            }
        }
    }
    out.flush()
}

#[derive(Serialize)]
struct JsonStory<'a> {
    title: &'a str,
    articles: Vec<&'a str>,
    reports: usize,
    reprints: Vec<[&'a str; 2]>,
}

/// Prints each story: in text a line "title · N reports", then a line per
/// article (title, tab, path), a blank line between stories.
pub fn stories(corpus: &Corpus, stories: &[Story], format: Format) -> io::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    let source = |id: usize| corpus.get(id).map_or("", |a| a.source.as_str());
    for (n, story) in stories.iter().enumerate() {
        match format {
            Format::Lines => {
                if n > 0 {
                    writeln!(out)?;
                }
                writeln!(out, "{}", heading(story))?;
                for &id in &story.articles {
                    let Some(article) = corpus.get(id) else { continue };
                    let reprint = story.reprints.iter().any(|&(r, _)| r == id);
                    let mark = if reprint { " (reprint)" } else { "" };
                    writeln!(out, "{}{mark}\t{}", article.title, shown::escape(&article.source))?;
                }
            }
            Format::JsonLines => {
                let line = JsonStory {
                    title: &story.title,
                    articles: story.articles.iter().map(|&id| source(id)).collect(),
                    reports: story.reports,
                    reprints: story.reprints.iter().map(|&(r, o)| [source(r), source(o)]).collect(),
                };
                write_json_line(&mut out, &line)?;
            }
        }
    }
    out.flush()
}

/// "US troops in Niger · 5 reports".
pub fn heading(story: &Story) -> String {
    let plural = if story.reports == 1 { "report" } else { "reports" };
    format!("{} · {} {plural}", story.title, story.reports)
}

/// Prints a comparison: agreed facts, then disputed ones with each
/// variant, the articles saying it and where (paragraph, byte offset), and
/// the sentence. JSON: one object.
pub fn comparison(articles: &[&Article], comparison: &Comparison, format: Format) -> io::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    if format == Format::JsonLines {
        let json = serde_json::json!({
            "articles": articles.iter().map(|a| a.source.as_str()).collect::<Vec<_>>(),
            "agreed": comparison.agreed,
            "disputed": comparison.disputed,
        });
        write_json_line(&mut out, &json)?;
        return out.flush();
    }
    writeln!(out, "Agreed by all {}:", articles.len())?;
    for fact in &comparison.agreed {
        write_fact(&mut out, articles, fact)?;
    }
    if comparison.agreed.is_empty() {
        writeln!(out, "  (nothing)")?;
    }
    writeln!(out, "\nTold differently:")?;
    for fact in &comparison.disputed {
        write_fact(&mut out, articles, fact)?;
    }
    if comparison.disputed.is_empty() {
        writeln!(out, "  (nothing)")?;
    }
    out.flush()
}

/// A fact: its kind and subject, then each variant's text, the articles
/// that say it and, indented, the first sentence saying it.
fn write_fact(out: &mut impl Write, articles: &[&Article], fact: &Fact) -> io::Result<()> {
    writeln!(out, "  {} · {}", fact.kind.label(), text::one_line(&fact.about))?;
    for variant in &fact.variants {
        let sources: Vec<String> = variant
            .places
            .iter()
            .map(|p| {
                let source = articles.get(p.article).map_or("".into(), |a| shown::escape(&a.source));
                format!("{source} ¶{}", p.paragraph + 1)
            })
            .collect();
        writeln!(out, "    {}\t{}", text::one_line(&variant.text), sources.join(", "))?;
        if let Some(place) = variant.places.first() {
            writeln!(out, "      “{}”", text::one_line(&place.sentence))?;
        }
    }
    Ok(())
}
