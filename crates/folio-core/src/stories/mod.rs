//! Stories: related articles (`related`), the takes on one event grouped
//! (`group`), and what those takes agree and disagree on (`compare`).
//! Plain data and functions over the corpus and its word index (`terms`
//! holds how rare each word is); nothing here knows of the terminal.

pub mod compare;
pub mod group;
pub mod related;
pub mod terms;

pub use compare::{Comparison, compare};
pub use group::{Story, find_stories};
pub use related::{Related, related};
pub use terms::Rarity;
