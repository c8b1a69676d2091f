//! The key table: every key folio knows, where it applies, what it does
//! and what the help overlay and the status line say of it.

use ratatui::crossterm::event::KeyCode;

use super::key::{DIGITS, alt, ch, ctrl, key};
use super::{Action, Binding, Context, Key};

const fn bind(context: Context, keys: &'static [Key], action: Action, help: &'static str) -> Binding {
    Binding { context, keys, action, help, hint: None }
}

const fn hinted(
    context: Context,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    hint: &'static str,
) -> Binding {
    Binding { context, keys, action, help, hint: Some(hint) }
}

use Context::{
    Anywhere, Browse, Compare, Confirm, Contents, Filter, Help, Input, List, Reader, Related, Skipped,
    Stories,
};

/// Every key folio knows. Looked up in order: the first binding whose context
/// applies and whose key matches wins.
pub const BINDINGS: &[Binding] = &[
    bind(Anywhere, &[ctrl('c')], Action::Quit, "quit"),
    bind(Anywhere, &[ctrl('z')], Action::Suspend, "suspend to the shell (fg comes back)"),
    // The help overlay swallows keys so nothing moves behind it.
    bind(Help, &[ch('?'), key(KeyCode::Esc), ch('q')], Action::ToggleHelp, "close this help"),
    bind(Help, &[ch('j'), key(KeyCode::Down)], Action::ScrollDown, "scroll this help down"),
    bind(Help, &[ch('k'), key(KeyCode::Up)], Action::ScrollUp, "scroll this help up"),
    bind(Skipped, &[ch('!'), key(KeyCode::Esc), ch('q')], Action::ToggleSkipped, "close this list"),
    bind(Skipped, &[ch('j'), key(KeyCode::Down)], Action::ScrollDown, "scroll this list down"),
    bind(Skipped, &[ch('k'), key(KeyCode::Up)], Action::ScrollUp, "scroll this list up"),
    bind(Contents, &[ch('T'), key(KeyCode::Esc), ch('q')], Action::ToggleContents, "close the contents"),
    bind(Contents, &[ch('j'), key(KeyCode::Down)], Action::ScrollDown, "next heading or link"),
    bind(Contents, &[ch('k'), key(KeyCode::Up)], Action::ScrollUp, "previous heading or link"),
    bind(Contents, &[key(KeyCode::Enter)], Action::FollowEntry, "go to the heading, or open the link"),
    // A question swallows keys too: only an answer goes on.
    hinted(Confirm, &[ch('y')], Action::Confirm, "yes", "yes"),
    hinted(Confirm, &[ch('n'), key(KeyCode::Esc)], Action::Cancel, "no", "no"),
    bind(Related, &[ch('j'), key(KeyCode::Down)], Action::PanelNext, "next related article"),
    bind(Related, &[ch('k'), key(KeyCode::Up)], Action::PanelPrev, "previous related article"),
    bind(Related, &[key(KeyCode::Enter), ch('l')], Action::PanelOpen, "read it"),
    bind(Related, &[key(KeyCode::Esc), ch('R'), ch('q'), ch('h')], Action::PanelClose, "close this list"),
    bind(Stories, &[ch('j'), key(KeyCode::Down)], Action::PanelNext, "next row"),
    bind(Stories, &[ch('k'), key(KeyCode::Up)], Action::PanelPrev, "previous row"),
    bind(
        Stories,
        &[key(KeyCode::Enter), ch('l')],
        Action::PanelOpen,
        "show a story's articles (again: hide), or read the article",
    ),
    bind(Stories, &[ch('c')], Action::Compare, "compare the story's takes"),
    bind(Stories, &[key(KeyCode::Esc), ch('t'), ch('q'), ch('h')], Action::PanelClose, "back to the list"),
    bind(Compare, &[ch('j'), key(KeyCode::Down)], Action::PanelNext, "next sentence"),
    bind(Compare, &[ch('k'), key(KeyCode::Up)], Action::PanelPrev, "previous sentence"),
    bind(Compare, &[key(KeyCode::Enter), ch('l')], Action::PanelOpen, "read the article at this sentence"),
    bind(
        Compare,
        &[key(KeyCode::Esc), ch('c'), ch('q'), ch('h')],
        Action::PanelClose,
        "close the comparison",
    ),
    hinted(List, &[ch('j'), key(KeyCode::Down)], Action::SelectNext, "next article", "move"),
    bind(List, &[ch('k'), key(KeyCode::Up)], Action::SelectPrev, "previous article"),
    bind(List, &[ch('g'), key(KeyCode::Home)], Action::SelectFirst, "first article"),
    bind(List, &[ch('G'), key(KeyCode::End)], Action::SelectLast, "last article (1200G: the 1200th)"),
    hinted(
        List,
        &[key(KeyCode::Enter), ch('l'), key(KeyCode::Right)],
        Action::OpenArticle,
        "read the selected article",
        "read",
    ),
    hinted(List, &[ch('/')], Action::FocusFilter, "filter the list", "filter"),
    bind(List, &[key(KeyCode::Esc)], Action::ClearFilter, "clear the filter"),
    bind(List, &[ch('S')], Action::ToggleSnippets, "show or hide match snippets"),
    hinted(List, &[ch(' '), key(KeyCode::PageDown)], Action::ListPageDown, "down a page of articles", "page"),
    bind(List, &[key(KeyCode::PageUp)], Action::ListPageUp, "up a page of articles"),
    bind(List, &[ctrl('d')], Action::ListHalfPageDown, "down half a page of articles"),
    bind(List, &[ctrl('u')], Action::ListHalfPageUp, "up half a page of articles"),
    bind(List, &[ch('U')], Action::MarkAllRead, "mark every article listed read (asks first)"),
    hinted(Reader, &[ch('j'), key(KeyCode::Down)], Action::ScrollDown, "scroll down a line", "scroll"),
    bind(Reader, &[ch('k'), key(KeyCode::Up)], Action::ScrollUp, "scroll up a line"),
    bind(Reader, &[ch('g'), key(KeyCode::Home)], Action::ScrollTop, "go to the top"),
    bind(Reader, &[ch('G'), key(KeyCode::End)], Action::ScrollBottom, "go to the end (120G: line 120)"),
    hinted(
        Reader,
        &[ch('h'), key(KeyCode::Esc), key(KeyCode::Left)],
        Action::FocusList,
        "back to the list",
        "back",
    ),
    hinted(Reader, &[ch('/')], Action::FocusFind, "search in this article", "find"),
    hinted(Reader, &[ch('n')], Action::NextMatch, "next match", "next"),
    bind(Reader, &[ch('N')], Action::PrevMatch, "previous match"),
    bind(Reader, &[ch('T')], Action::ToggleContents, "contents: headings and links"),
    bind(Reader, &[ctrl('d')], Action::HalfPageDown, "down half a page"),
    bind(Reader, &[ctrl('u')], Action::HalfPageUp, "up half a page"),
    hinted(
        Reader,
        &[ch(' ')],
        Action::PageOrNextUnread,
        "down a page; at the end, the next unread article",
        "page",
    ),
    bind(Reader, &[key(KeyCode::PageDown)], Action::PageDown, "down a page"),
    bind(Reader, &[key(KeyCode::PageUp)], Action::PageUp, "up a page"),
    bind(Reader, &[ch(']')], Action::NextArticle, "read the next article in the list"),
    bind(Reader, &[ch('[')], Action::PrevArticle, "read the previous article in the list"),
    bind(Browse, DIGITS, Action::CountDigit, "a count for G or % (1200G, 50%)"),
    bind(Browse, &[ch('%')], Action::JumpPercent, "go that far through the list or article (50%)"),
    bind(
        Browse,
        &[key(KeyCode::Tab), key(KeyCode::BackTab)],
        Action::ToggleFocus,
        "switch between list and reader",
    ),
    bind(Browse, &[ch('r')], Action::ToggleRaw, "show or hide site furniture (raw text)"),
    bind(Browse, &[ch('s')], Action::CycleSort, "sort by name, date, title, length"),
    bind(Browse, &[ch('z')], Action::ToggleFullScreen, "read full screen, or go back"),
    bind(Browse, &[ch('y')], Action::CopyText, "copy the article's text (OSC 52)"),
    bind(Browse, &[ch('Y')], Action::CopyTitle, "copy the article's title and path"),
    bind(Browse, &[ch('e')], Action::OpenInPager, "read the article in $PAGER"),
    bind(Browse, &[ch('E')], Action::OpenInEditor, "open the article's file in $EDITOR"),
    bind(Browse, &[ch('o')], Action::OpenLink, "open the article's link (or copy it)"),
    bind(Browse, &[ch('!')], Action::ToggleSkipped, "list the files that were skipped"),
    bind(Browse, &[ch('b')], Action::ToggleBookmark, "bookmark the article, or unbookmark it"),
    bind(Browse, &[ch('M')], Action::ToggleRead, "mark the article read or unread"),
    bind(Browse, &[ch('u')], Action::ShowUnread, "list only unread articles (again: all)"),
    bind(Browse, &[ch('B')], Action::ShowBookmarks, "list only bookmarks (again: all)"),
    bind(Browse, &[ch('R')], Action::ShowRelated, "list the articles most like this one"),
    bind(Browse, &[ch('t')], Action::ToggleStories, "show the stories (takes on one event)"),
    bind(Browse, &[ch('m')], Action::MarkForCompare, "mark the article to compare, or unmark it"),
    bind(Browse, &[ch('c')], Action::Compare, "compare the marked articles (or this one's story)"),
    hinted(Browse, &[ch('?')], Action::ToggleHelp, "show this help", "help"),
    hinted(Browse, &[ch('q')], Action::Quit, "quit", "quit"),
    hinted(Input, &[key(KeyCode::Enter)], Action::AcceptQuery, "keep the query, leave the bar", "keep"),
    hinted(Input, &[key(KeyCode::Esc)], Action::ClearQuery, "clear the query, leave the bar", "clear"),
    bind(Input, &[key(KeyCode::Left)], Action::CursorLeft, "cursor left"),
    bind(Input, &[key(KeyCode::Right)], Action::CursorRight, "cursor right"),
    bind(Input, &[key(KeyCode::Home), ctrl('a')], Action::CursorHome, "cursor to the start"),
    bind(Input, &[key(KeyCode::End), ctrl('e')], Action::CursorEnd, "cursor to the end"),
    bind(Input, &[alt('b')], Action::WordLeft, "cursor back a word"),
    bind(Input, &[alt('f')], Action::WordRight, "cursor on a word"),
    bind(Input, &[key(KeyCode::Backspace)], Action::DeleteChar, "delete the character before the cursor"),
    bind(Input, &[key(KeyCode::Delete)], Action::DeleteForward, "delete the character under the cursor"),
    bind(Input, &[ctrl('w')], Action::DeleteWord, "delete the word before the cursor"),
    bind(Input, &[ctrl('u')], Action::KillToStart, "delete to the start"),
    bind(Input, &[ctrl('k')], Action::KillToEnd, "delete to the end"),
    bind(Input, &[key(KeyCode::Up)], Action::OlderQuery, "an earlier query"),
    bind(Input, &[key(KeyCode::Down)], Action::NewerQuery, "a later query (or back to yours)"),
    bind(Filter, &[ctrl('n')], Action::SelectNext, "next match"),
    bind(Filter, &[ctrl('p')], Action::SelectPrev, "previous match"),
];
