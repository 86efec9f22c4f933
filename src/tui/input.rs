//! Terminal events to actions, through the active key map.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind};

use crate::action::Action;
use crate::config::KeyMap;
use crate::keys::{Key, KeyChord};

/// The chord a key event stands for, in the key map's terms.
pub fn chord(event: &KeyEvent) -> Option<KeyChord> {
    let key = match event.code {
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Delete => Key::Delete,
        KeyCode::Insert => Key::Insert,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::F(n) => Key::F(n),
        _ => return None,
    };
    let m = event.modifiers;
    // Shift is part of the character (`G`, `?`) and of back-tab, not a modifier of its own.
    let shift = m.contains(KeyModifiers::SHIFT) && !matches!(key, Key::Char(_) | Key::BackTab);
    Some(KeyChord { key, ctrl: m.contains(KeyModifiers::CONTROL), alt: m.contains(KeyModifiers::ALT), shift })
}

/// The action a terminal event asks for, if any. While `typing` into the search line, plain
/// characters are text and only a few keys keep their meaning.
pub fn action(event: &Event, keys: &KeyMap, typing: bool) -> Option<Action> {
    if typing && let Event::Key(key) = event {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        if let Some(action) = line_key(key) {
            return Some(action);
        }
    }
    match event {
        Event::Paste(text) if typing => Some(Action::Paste(text.clone())),
        Event::Key(key) if key.kind != KeyEventKind::Release => keys.action(&chord(key)?),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(mouse.column, mouse.row)),
            MouseEventKind::ScrollDown => Some(Action::ScrollDown(mouse.column, mouse.row)),
            MouseEventKind::ScrollUp => Some(Action::ScrollUp(mouse.column, mouse.row)),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize(*width, *height)),
        _ => None,
    }
}

/// What a key does in the search line, as in a shell: readline's movements and deletions, up and
/// down through earlier queries, ctrl-n and ctrl-p (and the page keys) through the results. Keys
/// it does not take (ctrl-c) keep their meaning from the key map.
fn line_key(key: &KeyEvent) -> Option<Action> {
    use crate::tui::line::Edit;
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    let edit = |e| Some(Action::EditLine(e));
    match key.code {
        KeyCode::Char(c) if !ctrl && !alt => Some(Action::Input(c)),
        KeyCode::Char('a') if ctrl => edit(Edit::Start),
        KeyCode::Char('e') if ctrl => edit(Edit::End),
        KeyCode::Char('b') if ctrl => edit(Edit::Left),
        KeyCode::Char('f') if ctrl => edit(Edit::Right),
        KeyCode::Char('b') if alt => edit(Edit::WordLeft),
        KeyCode::Char('f') if alt => edit(Edit::WordRight),
        KeyCode::Char('d') if alt => edit(Edit::DeleteWordForward),
        KeyCode::Char('d') if ctrl => edit(Edit::DeleteForward),
        // ctrl-h is what many terminals send for ctrl-backspace.
        KeyCode::Char('w' | 'h') if ctrl => edit(Edit::DeleteWordBack),
        KeyCode::Char('u') if ctrl => edit(Edit::DeleteToStart),
        KeyCode::Char('k') if ctrl => edit(Edit::DeleteToEnd),
        KeyCode::Char('n') if ctrl => Some(Action::Down),
        KeyCode::Char('p') if ctrl => Some(Action::Up),
        KeyCode::Backspace if ctrl || alt => edit(Edit::DeleteWordBack),
        KeyCode::Backspace => edit(Edit::DeleteBack),
        KeyCode::Delete => edit(Edit::DeleteForward),
        KeyCode::Left if ctrl || alt => edit(Edit::WordLeft),
        KeyCode::Right if ctrl || alt => edit(Edit::WordRight),
        KeyCode::Left => edit(Edit::Left),
        KeyCode::Right => edit(Edit::Right),
        KeyCode::Home => edit(Edit::Start),
        KeyCode::End => edit(Edit::End),
        KeyCode::Up => Some(Action::Recall(true)),
        KeyCode::Down => Some(Action::Recall(false)),
        KeyCode::Tab => Some(Action::ToResults),
        KeyCode::Enter => Some(Action::Follow),
        KeyCode::Esc => Some(Action::Close),
        KeyCode::PageUp => Some(Action::PageUp),
        KeyCode::PageDown => Some(Action::PageDown),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn action_of(event: &Event, keys: &KeyMap) -> Option<Action> {
        action(event, keys, false)
    }

    #[test]
    fn typing_makes_characters_text() {
        let keys = KeyMap::default();
        assert_eq!(action(&key(KeyCode::Char('q'), KeyModifiers::NONE), &keys, true), Some(Action::Input('q')));
        assert_eq!(action(&key(KeyCode::Char('N'), KeyModifiers::SHIFT), &keys, true), Some(Action::Input('N')));
        assert_eq!(
            action(&key(KeyCode::Backspace, KeyModifiers::NONE), &keys, true),
            Some(Action::EditLine(crate::tui::line::Edit::DeleteBack))
        );
        assert_eq!(action(&key(KeyCode::Char('c'), KeyModifiers::CONTROL), &keys, true), Some(Action::Quit));
    }

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, modifiers))
    }

    #[test]
    fn keys_map_through_the_key_map() {
        let keys = KeyMap::default();
        assert_eq!(action_of(&key(KeyCode::Char('q'), KeyModifiers::NONE), &keys), Some(Action::Quit));
        assert_eq!(action_of(&key(KeyCode::Char('c'), KeyModifiers::CONTROL), &keys), Some(Action::Quit));
        assert_eq!(action_of(&key(KeyCode::Char('G'), KeyModifiers::SHIFT), &keys), Some(Action::Bottom));
        assert_eq!(action_of(&key(KeyCode::BackTab, KeyModifiers::SHIFT), &keys), Some(Action::PrevPane));
        assert_eq!(action_of(&key(KeyCode::Left, KeyModifiers::ALT), &keys), Some(Action::Back));
        assert_eq!(action_of(&key(KeyCode::Char('Z'), KeyModifiers::SHIFT), &keys), None);
        assert_eq!(action_of(&Event::Resize(100, 40), &keys), Some(Action::Resize(100, 40)));
    }
}
