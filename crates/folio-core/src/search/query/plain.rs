//! How a plain query of several words is read as a person means it: the
//! capitals of a sentence or a title are not names, and a word joined by
//! punctuation is its phrase or, failing that, its parts.

use super::{Field, Kind, Query, Term};

/// The least letters a part of a joined word needs to be looked for on its
/// own (see [`Query::widen_joined_words`]): "s" of "compiler's" is not.
const JOINED_PART_LETTERS: usize = 3;

impl Query {
    /// In a query of several words, a word with punctuation inside
    /// (`case-insensitive`, `serialization/deserialization`) is its phrase,
    /// or failing that any of its words of three letters or more, as a
    /// search engine splits it (Meilisearch reads a hyphen as a space): an
    /// article with the phrase scores more (it is rarer), one with a part
    /// of it still scores. A word of its own (`U.S.`, `al-qaeda`) stays
    /// the phrase. README dev MRR unchanged, man-typo dev +0.002
    /// (BENCHMARKS.md, "Issue 16, fourth session").
    pub(super) fn widen_joined_words(&mut self) {
        if self.groups.len() < 2 {
            return;
        }
        for group in &mut self.groups {
            let [term] = group.as_slice() else { continue };
            if !term.joined || term.field != Field::Any || term.negated {
                continue;
            }
            let term = term.clone();
            for word in term.text.split(' ').filter(|w| w.chars().count() >= JOINED_PART_LETTERS) {
                let case_sensitive = term.case_sensitive && word.chars().any(char::is_uppercase);
                group.push(Term { text: word.to_owned(), kind: Kind::Fuzzy, case_sensitive, ..term.clone() });
            }
        }
    }

    /// A query of several words typed as a sentence or a title ("Date and
    /// time library", "API for Locale Fallback") has capitals that start a
    /// sentence or a title's words, not names: every plain word whose only
    /// capital is its first letter ignores case (an
    /// article that writes the word with that capital ranks a little
    /// higher: see [`crate::search::matcher::quality::CASE_DIFFERS`]). A capital
    /// inside a word (`NASA`, `iPhone`), an operator, or a query of one
    /// word keeps the case exact.
    pub(super) fn read_sentence_case(&mut self) {
        if self.groups.len() < 2 {
            return;
        }
        let title_case = |text: &str| text.chars().skip(1).all(|c| !c.is_uppercase());
        for group in &mut self.groups {
            if let [term] = group.as_mut_slice()
                && (term.kind == Kind::Fuzzy || term.joined)
                && term.field == Field::Any
                && !term.negated
                && title_case(&term.text)
            {
                term.case_sensitive = false;
            }
        }
    }
}
