//! folio: a terminal reader for a corpus of text articles.
//!
//! The corpus, document and search modules are plain data and functions; the
//! app, keys and ui modules are the interactive reader built on them (with
//! focus, layout and theme shared between them, so none imports another
//! back); the terminal module owns the terminal; cli turns arguments into a
//! run.

#![forbid(unsafe_code)]

pub mod app;
pub mod cache;
pub mod cli;
pub mod clipboard;
pub mod config;
pub mod corpus;
pub mod document;
pub mod focus;
pub mod fsutil;
pub mod keys;
pub mod lanes;
pub mod layout;
pub mod library;
pub mod print;
pub mod scroll;
pub mod search;
pub mod shown;
pub mod state;
pub mod stories;
pub mod synth;
pub mod terminal;
pub mod theme;
pub mod ui;
