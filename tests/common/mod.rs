//! Helpers shared by the integration tests: an app over the bundled corpus,
//! and key presses written the way a person would describe them.

#![allow(dead_code)] // Each test crate uses its own subset.

pub mod counter;
pub mod tmux;

use folio::app::{App, Effect, Handoff};
use folio::clipboard::Copy;
use folio::corpus::load_bundled;
use std::sync::Arc;

use folio::keys::Action;
use folio::search::{Searcher, worker};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// An app over the bundled seeds on a `width` x `height` screen.
pub fn app(width: u16, height: u16) -> App {
    let loaded = load_bundled();
    let mut app = App::new(loaded.corpus, &loaded.skipped);
    app.update(Action::Resize { width, height });
    app
}

/// Presses keys as the event loop does, through `App::handle_key`:
/// `"jj<Enter><C-d>"`. Plain characters are typed one by one; `<Name>` is a
/// special key and `<C-x>` is Ctrl with a letter. Searches run at once;
/// the other effects the keys asked for are returned, in order.
pub fn press(app: &mut App, keys_typed: &str) -> Vec<Effect> {
    let mut asked = Vec::new();
    for event in parse_keys(keys_typed) {
        app.handle_key(event);
        asked.extend(search_now(app));
    }
    asked
}

/// Drains the app's effects as the event loop would, running the searches
/// on this thread as the worker would; returns the other effects.
pub fn search_now(app: &mut App) -> Vec<Effect> {
    let mut rest = Vec::new();
    for effect in app.drain_effects() {
        match effect {
            Effect::Search(request) => {
                let mut searcher = Searcher::new(Arc::clone(app.corpus()));
                app.update(Action::ShowResults(worker::run_now(&mut searcher, &request)));
            }
            other => rest.push(other),
        }
    }
    rest
}

/// The copies among `effects`.
pub fn copies(effects: &[Effect]) -> Vec<Copy> {
    effects
        .iter()
        .filter_map(|e| if let Effect::Copy(copy) = e { Some(copy.clone()) } else { None })
        .collect()
}

/// The hand-offs among `effects`.
pub fn handoffs(effects: &[Effect]) -> Vec<Handoff> {
    effects
        .iter()
        .filter_map(|e| if let Effect::HandOff(handoff) = e { Some(handoff.clone()) } else { None })
        .collect()
}

pub fn parse_keys(text: &str) -> Vec<KeyEvent> {
    let mut events = Vec::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '<' {
            events.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
            continue;
        }
        let name: String = chars.by_ref().take_while(|&c| c != '>').collect();
        events.push(named_key(&name));
    }
    events
}

fn named_key(name: &str) -> KeyEvent {
    if let Some(letter) = name.strip_prefix("C-") {
        let c = letter.chars().next().expect("a letter after C-");
        return KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    }
    if let Some(letter) = name.strip_prefix("A-") {
        let c = letter.chars().next().expect("a letter after A-");
        return KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT);
    }
    let code = match name {
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" => KeyCode::Tab,
        "BS" => KeyCode::Backspace,
        "Down" => KeyCode::Down,
        "Up" => KeyCode::Up,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "PgDn" => KeyCode::PageDown,
        "PgUp" => KeyCode::PageUp,
        "Del" => KeyCode::Delete,
        "Space" => KeyCode::Char(' '),
        other => panic!("unknown key <{other}> in a test"),
    };
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// The source file of the selected article, the way the list names it.
pub fn selected_source(app: &App) -> String {
    app.selected_article().map(|a| a.source.clone()).unwrap_or_default()
}

/// The sources of the articles in the filtered view, in list order.
pub fn view_sources(app: &App) -> Vec<String> {
    app.listed().iter().filter_map(|hit| app.corpus().get(hit.article)).map(|a| a.source.clone()).collect()
}
