//! The load's cache file: its sections, read whole or a file at a time,
//! and written once a load is indexed.

use std::path::Path;
use std::sync::Arc;

use bytes::Bytes;
use serde::ser::{SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};

use super::Bodies;
use crate::cache::{CacheError, Reader, Stamp, Writer};
use crate::corpus::{Article, Packed, Parsed, Skipped};
use crate::search::Index;
use crate::stories::signature::Signature;
use crate::stories::{Analysis, Story};

const FILES: &str = "files";
const ARTICLES: &str = "articles";
const BODIES: &str = "bodies";
const INDEX: &str = "index";
const SIGNATURES: &str = "signatures";
const STORIES: &str = "stories";

/// What a cached file gave.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct FileRecord {
    pub(super) articles: u32,
    pub(super) skipped: Vec<Skipped>,
}

/// The cache file, if there is one that this folio can read.
pub(super) fn open_cache(path: &Path) -> Option<Reader> {
    // Any problem (another version, a damaged file) means parsing afresh
    // and writing a new one: the cache is a copy, never the only one.
    Reader::open(path).ok().flatten()
}

/// Everything a cache holds.
pub(super) struct Cached {
    pub(super) files: Vec<FileRecord>,
    pub(super) articles: Vec<Article>,
    pub(super) index: Index,
    pub(super) stories: Vec<Story>,
}

/// Everything the cache holds, for when no file changed; `None` when a
/// section cannot be read or the sections disagree.
pub(super) fn read_whole(reader: &mut Reader, bodies: Bodies) -> Option<Cached> {
    // The index first: decoding it holds its bytes and the index at once
    // (100 MB each at 100,000 articles), which is better done before the
    // bodies (300 MB) are in than on top of them (BENCHMARKS.md, "Memory
    // at 100,000 articles, ninth session").
    let index: Index = reader.section(INDEX).ok()?;
    let stories: Vec<Story> = reader.section(STORIES).ok()?;
    let (files, articles) = read_articles(reader, bodies, false)?;
    let within = stories.iter().flat_map(|s| &s.articles).all(|&a| a < articles.len());
    (index.articles() == articles.len() && within).then_some(Cached { files, articles, index, stories })
}

/// The files' records and their articles, with their text as `bodies`
/// says, and their signatures if `signatures`.
fn read_articles(
    reader: &mut Reader,
    bodies: Bodies,
    signatures: bool,
) -> Option<(Vec<FileRecord>, Vec<Article>)> {
    let files: Vec<FileRecord> = reader.section(FILES).ok()?;
    let mut articles: Vec<Article> = reader.section(ARTICLES).ok()?;
    let counted: usize = files.iter().map(|f| f.articles as usize).sum();
    if counted != articles.len() {
        return None;
    }
    if bodies == Bodies::Check {
        reader.check_section(BODIES).ok()?;
    }
    if bodies == Bodies::Read {
        let packed = Packed::all_in(Bytes::from(reader.section_bytes(BODIES).ok()?))?;
        if packed.len() != articles.len() {
            return None;
        }
        for (article, packed) in articles.iter_mut().zip(packed) {
            article.restore(packed);
        }
    }
    if signatures {
        let read: Vec<Signature> = reader.section(SIGNATURES).ok()?;
        if read.len() != articles.len() {
            return None;
        }
        for (article, signature) in articles.iter_mut().zip(read) {
            article.signature = signature;
        }
    }
    Some((files, articles))
}

/// Each cached file's articles and skipped files, in the cache's order.
pub(super) fn read_files(reader: &mut Reader) -> Option<Vec<Option<Parsed>>> {
    let (files, articles) = read_articles(reader, Bodies::Read, true)?;
    let mut articles = articles.into_iter();
    Some(
        files
            .into_iter()
            .map(|file| {
                let articles = articles.by_ref().take(file.articles as usize).collect();
                Some(Parsed { articles, skipped: file.skipped })
            })
            .collect(),
    )
}

/// Writes the cache of a whole load.
pub(super) fn write(
    path: &Path,
    stamps: &[Stamp],
    files: &[FileRecord],
    analysis: &Analysis,
) -> Result<(), CacheError> {
    let articles = analysis.corpus.articles();
    Writer::create(path, stamps)?
        .section(FILES, files)?
        .section(ARTICLES, &Each { articles, part: Part::Article })?
        .section(BODIES, &Each { articles, part: Part::Body })?
        .section(SIGNATURES, &Each { articles, part: Part::Signature })?
        .section(INDEX, &*analysis.index)?
        .section(STORIES, &analysis.stories)?
        .finish()
}

/// The shared articles as one sequence, written without copying them out
/// of their `Arc`s: everything but the text and signature, or only one
/// of those.
struct Each<'a> {
    articles: &'a [Arc<Article>],
    part: Part,
}

#[derive(Clone, Copy)]
enum Part {
    Article,
    Body,
    Signature,
}

impl Serialize for Each<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.articles.len()))?;
        for article in self.articles {
            match self.part {
                Part::Article => seq.serialize_element(&**article)?,
                Part::Body => seq.serialize_element(article.packed())?,
                Part::Signature => seq.serialize_element(&article.signature)?,
            }
        }
        seq.end()
    }
}
