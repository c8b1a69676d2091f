//! `Action`: everything a user can ask of folio, each variant a verb with
//! its doc, named in snake_case for the keymap file and the help.

use serde::de::IntoDeserializer as _;
use serde::{Deserialize, Serialize};

use crate::corpus::Batch;
use crate::search::worker::Results;
use crate::stories::answer::StoriesAnswer;

/// Everything a user can ask of folio. `App::update` is the only place these
/// take effect. The snake_case names are the ones a keymap file will use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Action {
    /// Leave folio.
    Quit,
    /// Move the list selection down one article.
    SelectNext,
    /// Move the list selection up one article.
    SelectPrev,
    /// Jump to the first article in the list.
    SelectFirst,
    /// Jump to the last article in the list, or with a count before it
    /// (`1200G`) to that article.
    SelectLast,
    /// Move the list selection down a page.
    ListPageDown,
    /// Move the list selection up a page.
    ListPageUp,
    /// Move the list selection down half a page.
    ListHalfPageDown,
    /// Move the list selection up half a page.
    ListHalfPageUp,
    /// Type a digit of the count for `G` or `%` (`1200G`, `50%`): the
    /// key table's name for the ten digits; a press becomes `Count`.
    CountDigit,
    /// This digit of a count (not bound to a key: `CountDigit` is).
    Count(u8),
    /// Go as far through the list, or the article, as the count says in
    /// per cent (`50%`).
    JumpPercent,
    /// Clear the list's filter and show every article again.
    ClearFilter,
    /// Read the next article in the list.
    NextArticle,
    /// Read the previous article in the list.
    PrevArticle,
    /// Mark every article the list shows read (asks first).
    MarkAllRead,
    /// Yes to the question in the status line.
    Confirm,
    /// No to the question in the status line.
    Cancel,
    /// Show the selected article and move focus to the reader.
    OpenArticle,
    /// Move focus back to the article list.
    FocusList,
    /// Switch focus between the list and the reader.
    ToggleFocus,
    /// Move focus to the filter bar to type a query for the list.
    FocusFilter,
    /// Move focus to the filter bar to search inside the open article.
    FocusFind,
    /// Show or hide the overlay listing every key.
    ToggleHelp,
    /// Show or hide the line of matching text under each title.
    ToggleSnippets,
    /// Scroll the reader down one line.
    ScrollDown,
    /// Scroll the reader up one line.
    ScrollUp,
    /// Scroll the reader to the start of the article.
    ScrollTop,
    /// Scroll the reader to the end of the article.
    ScrollBottom,
    /// Scroll the reader down half a page.
    HalfPageDown,
    /// Scroll the reader up half a page.
    HalfPageUp,
    /// Scroll the reader down a whole page.
    PageDown,
    /// Scroll the reader down a page; at the end of the article, read the
    /// next unread one.
    PageOrNextUnread,
    /// Scroll the reader up a whole page.
    PageUp,
    /// Go to the next match in the reader.
    NextMatch,
    /// Go to the previous match in the reader.
    PrevMatch,
    /// Add a character to the query being typed.
    TypeChar(char),
    /// Delete the character before the cursor in the query being typed.
    DeleteChar,
    /// Delete the word before the cursor in the query being typed.
    DeleteWord,
    /// Delete the character under the cursor.
    DeleteForward,
    /// Move the cursor left a character.
    CursorLeft,
    /// Move the cursor right a character.
    CursorRight,
    /// Move the cursor to the start of the query.
    CursorHome,
    /// Move the cursor to the end of the query.
    CursorEnd,
    /// Move the cursor back a word.
    WordLeft,
    /// Move the cursor on past the next word.
    WordRight,
    /// Delete from the start of the query to the cursor.
    KillToStart,
    /// Delete from the cursor to the end of the query.
    KillToEnd,
    /// Show the query typed before this one.
    OlderQuery,
    /// Show the query typed after this one, or what was being typed.
    NewerQuery,
    /// Keep the query and leave the filter bar.
    AcceptQuery,
    /// Clear the query and leave the filter bar.
    ClearQuery,
    /// Show the raw text with its site furniture, or hide the furniture
    /// again, in the reader and in search.
    ToggleRaw,
    /// Sort the list by the next order: name, date, title, length.
    CycleSort,
    /// Show or hide the list of files that were skipped, and why.
    ToggleSkipped,
    /// Bookmark the selected article, or remove its bookmark.
    ToggleBookmark,
    /// Mark the selected article read, or unread again.
    ToggleRead,
    /// List only unread articles, or every article again.
    ShowUnread,
    /// List only bookmarked articles, or every article again.
    ShowBookmarks,
    /// Read full screen: hide the list and the filter bar, and centre the
    /// text in a column of comfortable width; again to go back.
    ToggleFullScreen,
    /// Give the terminal back to the shell until `fg` (Ctrl-z).
    Suspend,
    /// Copy the open article's title and text to the terminal's clipboard.
    CopyText,
    /// Copy the open article's title and path to the terminal's clipboard.
    CopyTitle,
    /// Show the article in `$PAGER`, folio waiting until it ends.
    OpenInPager,
    /// Open the article's file in `$EDITOR`, folio waiting until it ends.
    OpenInEditor,
    /// Open the article's link in a browser, or copy it where there is none.
    OpenLink,
    /// List the articles most like the selected one, with why.
    ShowRelated,
    /// Show the stories (one row per story), or the list again.
    ToggleStories,
    /// Mark the selected article for a comparison, or unmark it.
    MarkForCompare,
    /// Compare the selected story, or the two or more marked articles.
    Compare,
    /// Move down a row in a stories panel.
    PanelNext,
    /// Move up a row in a stories panel.
    PanelPrev,
    /// Open the row: an article (at the sentence, from a comparison), or a
    /// story's articles.
    PanelOpen,
    /// Close the stories panel.
    PanelClose,
    /// Show or hide the open article's contents: its headings, then its
    /// links, numbered as in the text.
    ToggleContents,
    /// Go to the heading chosen in the contents, or open what the chosen
    /// link points to: another loaded article, else the browser.
    FollowEntry,
    /// Say how something the event loop did went (not bound to a key).
    Report(String),
    /// The mouse wheel turned over a cell of the screen (with `--mouse`).
    Wheel { column: u16, row: u16, down: bool },
    /// The left button was pressed on a cell of the screen (with `--mouse`).
    Click { column: u16, row: u16 },
    /// The terminal changed size (not bound to a key).
    Resize { width: u16, height: u16 },
    /// Search results arrived from the worker (not bound to a key).
    #[serde(skip)]
    ShowResults(Results),
    /// More articles arrived from a load streaming in (not bound to a key).
    #[serde(skip)]
    Loaded(Batch),
    /// The stories were found, or something asked of them answered, off
    /// the UI thread (not bound to a key).
    #[serde(skip)]
    Stories(StoriesAnswer),
}

impl Action {
    /// The name a config file rebinds this action by (`select_next`); none
    /// for actions that carry data.
    pub fn name(&self) -> Option<String> {
        let name: &'static str = self.into();
        // Only an action without data is named alone: its name reads back.
        Action::from_name(name).is_some().then(|| name.to_owned())
    }

    /// The action a config file names (`select_next`), if it is one that
    /// can be named alone.
    pub fn from_name(name: &str) -> Option<Action> {
        let read: Result<Action, serde::de::value::Error> = Action::deserialize(name.into_deserializer());
        read.ok()
    }
}
