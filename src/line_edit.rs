//! A one-line editor that edits as a shell line does: a cursor moved by
//! the arrow keys, Home/End and Ctrl-a/e, words by Alt-b/f, Ctrl-u/k/w to
//! cut, and earlier lines recalled with Up/Down. Reopened on an old line it
//! holds the whole line selected: typing replaces it, any editing key keeps
//! it. Plain data, no terminal: the filter bar's state.

use unicode_segmentation::UnicodeSegmentation;

/// Lines kept for Up/Down; the oldest go first.
pub const HISTORY_LIMIT: usize = 100;

/// One edit of the line, as a key asks for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// Type a character at the cursor (replacing the line when it is
    /// selected).
    Insert(char),
    /// Delete the character before the cursor.
    Backspace,
    /// Delete the character under the cursor.
    Delete,
    Left,
    Right,
    /// To the start of the line (Home, Ctrl-a).
    Home,
    /// To the end of the line (End, Ctrl-e).
    End,
    /// Back to the start of the word (Alt-b).
    WordLeft,
    /// On past the end of the word (Alt-f).
    WordRight,
    /// Delete from the start of the line to the cursor (Ctrl-u).
    KillToStart,
    /// Delete from the cursor to the end of the line (Ctrl-k).
    KillToEnd,
    /// Delete the word before the cursor (Ctrl-w).
    KillWord,
    /// The line before in the history (Up).
    Older,
    /// The line after in the history, or back to what was being typed (Down).
    Newer,
}

/// The line, where the cursor is, whether the whole line is selected, and
/// the lines entered before.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEditor {
    text: String,
    /// A byte offset into `text`, always on a grapheme boundary.
    cursor: usize,
    /// The whole line is selected: the next typed character replaces it.
    selected: bool,
    /// Oldest first.
    history: Vec<String>,
    /// Which history line is shown, while Up/Down walk it.
    recalled: Option<usize>,
    /// What was being typed before Up, given back by Down past the newest.
    draft: String,
}

impl LineEditor {
    /// An editor with `history` (oldest first) to recall.
    pub fn with_history(history: Vec<String>) -> Self {
        let mut editor = LineEditor { history, ..LineEditor::default() };
        editor.trim_history();
        editor
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor as a byte offset into the text.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn is_selected(&self) -> bool {
        self.selected
    }

    /// Oldest first.
    pub fn history(&self) -> &[String] {
        &self.history
    }

    /// Puts `text` in the line, the cursor at its end (a restored query).
    pub fn set_text(&mut self, text: &str) {
        self.text = text.to_owned();
        self.cursor = self.text.len();
        self.selected = false;
        self.recalled = None;
    }

    /// Empties the line.
    pub fn clear(&mut self) {
        self.set_text("");
    }

    /// Opening the bar again: the old line stays, selected, so typing
    /// replaces it and an editing key keeps it.
    pub fn reopen(&mut self) {
        self.cursor = self.text.len();
        self.selected = !self.text.is_empty();
        self.recalled = None;
    }

    /// Keeps the line in the history (leaving the bar with Enter). An empty
    /// line, or the same as the newest, adds nothing.
    pub fn remember(&mut self) {
        let line = self.text.trim();
        if !line.is_empty() && self.history.last().map(String::as_str) != Some(line) {
            self.history.retain(|old| old != line);
            self.history.push(line.to_owned());
            self.trim_history();
        }
        self.selected = false;
        self.recalled = None;
    }

    /// Applies `edit`; says whether the text changed (so a search is due).
    pub fn apply(&mut self, edit: Edit) -> bool {
        let before = self.text.clone();
        if std::mem::take(&mut self.selected) && matches!(edit, Edit::Insert(_)) {
            self.text.clear();
            self.cursor = 0;
        }
        self.edit(edit);
        self.text != before
    }

    fn edit(&mut self, edit: Edit) {
        match edit {
            Edit::Insert(c) => self.insert(c),
            Edit::Backspace => {
                let start = self.previous_boundary(self.cursor);
                self.cut(start..self.cursor);
            }
            Edit::Delete => {
                let end = self.next_boundary(self.cursor);
                self.cut(self.cursor..end);
            }
            Edit::Left => self.cursor = self.previous_boundary(self.cursor),
            Edit::Right => self.cursor = self.next_boundary(self.cursor),
            Edit::Home => self.cursor = 0,
            Edit::End => self.cursor = self.text.len(),
            Edit::WordLeft => self.cursor = self.word_start_before(self.cursor),
            Edit::WordRight => self.cursor = self.word_end_after(self.cursor),
            Edit::KillToStart => self.cut(0..self.cursor),
            Edit::KillToEnd => self.cut(self.cursor..self.text.len()),
            Edit::KillWord => {
                // As a shell's Ctrl-w: back over spaces, then over the word.
                let before = &self.text[..self.cursor];
                let word_end = before.trim_end().len();
                let start = before[..word_end].rfind(char::is_whitespace).map_or(0, |at| at + 1);
                self.cut(start..self.cursor);
            }
            Edit::Older => self.recall(true),
            Edit::Newer => self.recall(false),
        }
    }

    fn insert(&mut self, c: char) {
        // Control characters never enter a query (a paste with a tab, say).
        let c = if c.is_control() { ' ' } else { c };
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
        self.recalled = None;
    }

    fn cut(&mut self, range: std::ops::Range<usize>) {
        if range.is_empty() {
            return;
        }
        self.cursor = range.start;
        self.text.replace_range(range, "");
        self.recalled = None;
    }

    /// Up (`older`) and Down walk the history; Down past the newest line
    /// gives back what was being typed.
    fn recall(&mut self, older: bool) {
        let next = match (self.recalled, older) {
            // The newest line that differs from the one shown: a query kept
            // with Enter is in the bar and the history both.
            (None, true) => self.history.iter().rposition(|line| *line != self.text),
            (None, false) => return,
            (Some(i), true) => Some(i.saturating_sub(1)),
            (Some(i), false) if i + 1 < self.history.len() => Some(i + 1),
            (Some(_), false) => None,
        };
        if self.recalled.is_none() {
            if next.is_none() {
                return;
            }
            self.draft = self.text.clone();
        }
        let line = next.and_then(|i| self.history.get(i)).cloned().unwrap_or_else(|| self.draft.clone());
        self.text = line;
        self.cursor = self.text.len();
        self.recalled = next;
    }

    fn previous_boundary(&self, at: usize) -> usize {
        self.text[..at].grapheme_indices(true).next_back().map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self, at: usize) -> usize {
        self.text[at..].graphemes(true).next().map_or(at, |g| at + g.len())
    }

    /// The start of the word the cursor is in or after (Alt-b).
    fn word_start_before(&self, at: usize) -> usize {
        let before = &self.text[..at];
        let word_end = before.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
        before[..word_end]
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(0, |(i, c)| i + c.len_utf8())
    }

    /// The end of the word the cursor is in or before (Alt-f).
    fn word_end_after(&self, at: usize) -> usize {
        let after = &self.text[at..];
        let word_start = after.len() - after.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
        after[word_start..]
            .char_indices()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(self.text.len(), |(i, _)| at + word_start + i)
    }

    fn trim_history(&mut self) {
        let excess = self.history.len().saturating_sub(HISTORY_LIMIT);
        self.history.drain(..excess);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> LineEditor {
        let mut editor = LineEditor::default();
        for c in text.chars() {
            editor.apply(Edit::Insert(c));
        }
        editor
    }

    /// The line with `|` where the cursor is.
    fn shown(editor: &LineEditor) -> String {
        format!("{}|{}", &editor.text()[..editor.cursor()], &editor.text()[editor.cursor()..])
    }

    fn after(editor: &mut LineEditor, edits: &[Edit]) -> String {
        for &edit in edits {
            editor.apply(edit);
        }
        shown(editor)
    }

    #[test]
    fn the_cursor_moves_and_typing_goes_where_it_is() {
        let mut line = typed("uranium iran");
        assert_eq!(after(&mut line, &[Edit::Home, Edit::Insert('\'')]), "'|uranium iran");
        assert_eq!(
            after(&mut line, &[Edit::End, Edit::Left, Edit::Left, Edit::Insert('X')]),
            "'uranium irX|an"
        );
        assert_eq!(after(&mut line, &[Edit::Backspace, Edit::Delete]), "'uranium ir|n");
        assert_eq!(after(&mut line, &[Edit::Right, Edit::Right, Edit::Right]), "'uranium irn|");
    }

    #[test]
    fn words_are_jumped_and_cut_as_a_shell_does() {
        let mut line = typed("niger uranium deal");
        assert_eq!(after(&mut line, &[Edit::WordLeft]), "niger uranium |deal");
        assert_eq!(after(&mut line, &[Edit::WordLeft, Edit::WordLeft]), "|niger uranium deal");
        assert_eq!(after(&mut line, &[Edit::WordRight]), "niger| uranium deal");
        assert_eq!(after(&mut line, &[Edit::WordRight]), "niger uranium| deal");
        assert_eq!(after(&mut line, &[Edit::KillWord]), "niger | deal");
        assert_eq!(after(&mut line, &[Edit::KillToEnd]), "niger |");
        assert_eq!(after(&mut line, &[Edit::Insert('x'), Edit::Left, Edit::KillToStart]), "|x");
        let mut spaced = typed("iran   ");
        assert_eq!(after(&mut spaced, &[Edit::KillWord]), "|", "Ctrl-w goes back over spaces first");
    }

    #[test]
    fn accents_and_emoji_are_stepped_over_whole() {
        let mut line = typed("cafe\u{301}👩\u{200d}👩\u{200d}👧");
        assert_eq!(after(&mut line, &[Edit::Left]), "cafe\u{301}|👩\u{200d}👩\u{200d}👧");
        assert_eq!(after(&mut line, &[Edit::Backspace]), "caf|👩\u{200d}👩\u{200d}👧");
    }

    #[test]
    fn a_reopened_line_is_replaced_by_typing_and_kept_by_editing_keys() {
        let mut line = typed("uranium");
        line.reopen();
        assert!(line.is_selected());
        line.apply(Edit::Insert('b'));
        assert_eq!(shown(&line), "b|", "typing replaces the old query");
        let mut line = typed("uranium");
        line.reopen();
        assert_eq!(
            after(&mut line, &[Edit::Left, Edit::Insert('X')]),
            "uraniuX|m",
            "an editing key keeps it"
        );
        let mut line = typed("uranium");
        line.reopen();
        assert_eq!(after(&mut line, &[Edit::Backspace]), "uraniu|", "Backspace edits it too");
        let mut empty = LineEditor::default();
        empty.reopen();
        assert!(!empty.is_selected(), "nothing to select");
    }

    #[test]
    fn up_and_down_recall_earlier_lines_and_give_the_draft_back() {
        let mut line = LineEditor::with_history(vec!["niger".into(), "uranium".into()]);
        for c in "ba".chars() {
            line.apply(Edit::Insert(c));
        }
        assert_eq!(after(&mut line, &[Edit::Older]), "uranium|");
        assert_eq!(after(&mut line, &[Edit::Older]), "niger|");
        assert_eq!(after(&mut line, &[Edit::Older]), "niger|", "the oldest stays");
        assert_eq!(after(&mut line, &[Edit::Newer]), "uranium|");
        assert_eq!(after(&mut line, &[Edit::Newer]), "ba|", "back to what was typed");
        assert_eq!(after(&mut line, &[Edit::Newer]), "ba|");
        assert!(!line.apply(Edit::Newer), "nothing changes");
        let mut kept = LineEditor::with_history(vec!["niger".into(), "uranium".into()]);
        kept.set_text("uranium");
        kept.reopen();
        assert_eq!(after(&mut kept, &[Edit::Older]), "niger|", "the line shown is not recalled again");
    }

    #[test]
    fn the_history_keeps_each_line_once_newest_last_and_not_too_many() {
        let mut line = LineEditor::default();
        for query in ["niger", "uranium", "niger", " ", "niger"] {
            line.set_text(query);
            line.remember();
        }
        assert_eq!(line.history(), ["uranium", "niger"]);
        let long = LineEditor::with_history((0..HISTORY_LIMIT + 5).map(|n| n.to_string()).collect());
        assert_eq!(long.history().len(), HISTORY_LIMIT);
        assert_eq!(long.history()[0], "5", "the oldest went first");
    }

    #[test]
    fn control_characters_never_enter_the_line() {
        let line = typed("a\tb\x1bc");
        assert_eq!(line.text(), "a b c");
    }

    #[test]
    fn apply_says_whether_the_text_changed() {
        let mut line = typed("abc");
        assert!(!line.apply(Edit::Left));
        assert!(line.apply(Edit::Backspace));
        assert!(line.apply(Edit::KillToStart));
        assert!(!line.apply(Edit::KillToStart), "nothing before the cursor now");
    }
}
