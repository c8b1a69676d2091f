//! folio: a terminal reader for a corpus of text articles.
//!
//! The corpus, document and search modules (in folio-core) are plain data
//! and functions; the app, keys and ui modules are the interactive reader
//! built on them (with focus, layout and theme shared between them, so none
//! imports another back); the terminal module owns the terminal; cli turns
//! arguments into a run.

#![forbid(unsafe_code)]

// The domain lives in folio-core, which cannot see the terminal; its
// modules are re-exported so `folio::corpus::...` and `crate::corpus::...`
// name them as before.
pub use folio_core::{cache, corpus, document, fsutil, lanes, library, search, shown, state, stories, synth};

pub mod ansi16;
pub mod app;
pub mod cli;
pub mod clipboard;
pub mod config;
pub mod focus;
pub mod keys;
pub mod layout;
pub mod line_edit;
pub mod painter;
pub mod print;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod viewport;
