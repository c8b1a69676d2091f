//! The key table read as a user presses keys.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::key::alt;
use super::*;

fn press(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn same_key_means_different_things_by_focus() {
    let j = press(KeyCode::Char('j'));
    assert_eq!(action_for(Focus::List, Mode::Normal, j), Some(Action::SelectNext));
    assert_eq!(action_for(Focus::Reader, Mode::Normal, j), Some(Action::ScrollDown));
    assert_eq!(action_for(Focus::Filter, Mode::Normal, j), Some(Action::TypeChar('j')));
    assert_eq!(action_for(Focus::Find, Mode::Normal, j), Some(Action::TypeChar('j')));
}

#[test]
fn shifted_letters_and_control_keys_are_recognised() {
    let big_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(action_for(Focus::List, Mode::Normal, big_g), Some(Action::SelectLast));
    let ctrl_d = KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL);
    assert_eq!(action_for(Focus::Reader, Mode::Normal, ctrl_d), Some(Action::HalfPageDown));
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    for focus in [Focus::List, Focus::Reader, Focus::Filter, Focus::Find] {
        assert_eq!(action_for(focus, Mode::Normal, ctrl_c), Some(Action::Quit));
        assert_eq!(action_for(focus, Mode::Help, ctrl_c), Some(Action::Quit));
    }
}

#[test]
fn ctrl_z_suspends_wherever_focus_is_even_while_typing() {
    let ctrl_z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL);
    for focus in [Focus::List, Focus::Reader, Focus::Filter, Focus::Find] {
        assert_eq!(action_for(focus, Mode::Normal, ctrl_z), Some(Action::Suspend));
    }
    assert_eq!(
        action_for(Focus::Filter, Mode::Normal, press(KeyCode::Char('z'))),
        Some(Action::TypeChar('z'))
    );
}

#[test]
fn q_types_in_the_filter_and_closes_help_instead_of_quitting() {
    let q = press(KeyCode::Char('q'));
    assert_eq!(action_for(Focus::Filter, Mode::Normal, q), Some(Action::TypeChar('q')));
    assert_eq!(action_for(Focus::List, Mode::Help, q), Some(Action::ToggleHelp));
    assert_eq!(action_for(Focus::List, Mode::Normal, q), Some(Action::Quit));
}

#[test]
fn help_swallows_unbound_keys_and_releases_are_ignored() {
    assert_eq!(action_for(Focus::List, Mode::Help, press(KeyCode::Char('l'))), None);
    let mut release = press(KeyCode::Char('j'));
    release.kind = KeyEventKind::Release;
    assert_eq!(action_for(Focus::List, Mode::Normal, release), None);
}

#[test]
fn no_key_is_bound_twice_where_both_bindings_apply() {
    let focuses = [Focus::List, Focus::Reader, Focus::Filter, Focus::Find];
    for mode in Mode::ALL {
        for focus in focuses {
            let live: Vec<&Binding> = BINDINGS.iter().filter(|b| b.applies(focus, mode)).collect();
            for (i, a) in live.iter().enumerate() {
                for b in &live[i + 1..] {
                    let shared = a.keys.iter().find(|k| b.keys.contains(k));
                    assert!(shared.is_none(), "{shared:?} bound twice in {focus:?}/{mode:?}");
                }
            }
        }
    }
}

#[test]
fn alt_and_a_key_is_escape_then_the_key() {
    let alt_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::ALT);
    let codes: Vec<KeyCode> = presses(Focus::List, Mode::Normal, alt_q).iter().map(|e| e.code).collect();
    assert_eq!(codes, [KeyCode::Esc, KeyCode::Char('q')]);
    assert_eq!(presses(Focus::List, Mode::Normal, press(KeyCode::Char('q'))).len(), 1);
    let alt_b = KeyEvent::new(KeyCode::Char('b'), KeyModifiers::ALT);
    assert_eq!(presses(Focus::Filter, Mode::Normal, alt_b), [alt_b], "Alt-b edits the query");
    assert_eq!(action_for(Focus::Filter, Mode::Normal, alt_b), Some(Action::WordLeft));
    assert_eq!(presses(Focus::List, Mode::Normal, alt_b).len(), 2, "in the list: Esc, then b");
}

#[test]
fn page_keys_move_the_list_when_it_has_the_focus_and_the_reader_keeps_its_own() {
    let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
    let ctrl_d = KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL);
    assert_eq!(action_for(Focus::List, Mode::Normal, key(KeyCode::PageDown)), Some(Action::ListPageDown));
    assert_eq!(action_for(Focus::List, Mode::Normal, key(KeyCode::Char(' '))), Some(Action::ListPageDown));
    assert_eq!(action_for(Focus::List, Mode::Normal, ctrl_d), Some(Action::ListHalfPageDown));
    assert_eq!(action_for(Focus::Reader, Mode::Normal, key(KeyCode::PageDown)), Some(Action::PageDown));
    assert_eq!(action_for(Focus::Reader, Mode::Normal, ctrl_d), Some(Action::HalfPageDown));
    assert_eq!(action_for(Focus::List, Mode::Normal, key(KeyCode::Char('7'))), Some(Action::Count(7)));
    assert_eq!(action_for(Focus::Filter, Mode::Normal, key(KeyCode::Char('7'))), Some(Action::TypeChar('7')));
    assert_eq!(action_for(Focus::List, Mode::Confirm, key(KeyCode::Char('j'))), None, "a question waits");
    assert_eq!(action_for(Focus::List, Mode::Confirm, key(KeyCode::Char('y'))), Some(Action::Confirm));
    assert_eq!(action_for(Focus::Filter, Mode::Normal, key(KeyCode::Up)), Some(Action::OlderQuery));
}

#[test]
fn alt_keys_read_and_write_as_the_help_shows_them() {
    assert_eq!(Key::parse("Alt-b"), Ok(alt('b')));
    assert_eq!(alt('f').to_string(), "Alt-f");
}

#[test]
fn hints_follow_focus() {
    let labels = |focus| Keymap::default().hints(focus).into_iter().map(|(_, h)| h).collect::<Vec<_>>();
    assert!(labels(Focus::List).contains(&"read"));
    assert!(labels(Focus::Reader).contains(&"back"));
    assert!(labels(Focus::Reader).contains(&"next"));
    assert_eq!(labels(Focus::Filter), ["keep", "clear"]);
    assert!(labels(Focus::List).contains(&"page"));
    assert_eq!(labels(Focus::Find), ["keep", "clear"]);
}
