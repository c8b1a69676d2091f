//! folio-core: the articles, their text and layout, search, stories and
//! the state kept between runs; everything of folio that does not touch
//! the terminal. It cannot see ratatui or crossterm (they are not among its
//! dependencies), so the domain stays plain data and functions that the
//! reader, `--print`, `--filter` and the benches share.

#![forbid(unsafe_code)]

pub mod cache;
pub mod corpus;
pub mod document;
pub mod fsutil;
pub mod lanes;
pub mod library;
pub mod search;
pub mod shown;
pub mod state;
pub mod stories;
pub mod synth;
