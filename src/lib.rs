//! folio: a terminal reader for a corpus of text articles.

#![forbid(unsafe_code)]

pub mod corpus;
pub mod document;
pub mod search;
