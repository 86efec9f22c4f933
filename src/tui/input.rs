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
        let plain = !key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        match key.code {
            KeyCode::Char(c) if plain => return Some(Action::Input(c)),
            KeyCode::Backspace => return Some(Action::DeleteBack),
            KeyCode::Enter => return Some(Action::Follow),
            KeyCode::Esc => return Some(Action::Close),
            KeyCode::Up => return Some(Action::Up),
            KeyCode::Down => return Some(Action::Down),
            KeyCode::PageUp => return Some(Action::PageUp),
            KeyCode::PageDown => return Some(Action::PageDown),
            _ => {}
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
        assert_eq!(action(&key(KeyCode::Backspace, KeyModifiers::NONE), &keys, true), Some(Action::DeleteBack));
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
        assert_eq!(action_of(&key(KeyCode::Char('z'), KeyModifiers::NONE), &keys), None);
        assert_eq!(action_of(&Event::Resize(100, 40), &keys), Some(Action::Resize(100, 40)));
    }
}
