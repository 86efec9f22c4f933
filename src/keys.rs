//! Key chords as `config.toml` writes them (`q`, `ctrl-c`, `shift-tab`, `pagedown`, `G`), parsed
//! into a terminal-free form the reader maps onto its terminal's key events.

use std::fmt;

/// A key without modifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Insert,
    Home,
    End,
    PageUp,
    PageDown,
    Up,
    Down,
    Left,
    Right,
    F(u8),
}

/// A key with its modifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyChord {
    pub key: Key,
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

/// Named keys and the names they are written with; the first name is the one printed.
const NAMES: &[(&[&str], Key)] = &[
    (&["enter", "return"], Key::Enter),
    (&["esc", "escape"], Key::Esc),
    (&["tab"], Key::Tab),
    (&["backtab"], Key::BackTab),
    (&["backspace"], Key::Backspace),
    (&["delete", "del"], Key::Delete),
    (&["insert", "ins"], Key::Insert),
    (&["home"], Key::Home),
    (&["end"], Key::End),
    (&["pageup", "pgup"], Key::PageUp),
    (&["pagedown", "pgdn"], Key::PageDown),
    (&["up"], Key::Up),
    (&["down"], Key::Down),
    (&["left"], Key::Left),
    (&["right"], Key::Right),
    (&["space"], Key::Char(' ')),
    (&["minus"], Key::Char('-')),
];

/// Every key name a binding may use, for hints.
pub fn key_names() -> impl Iterator<Item = &'static str> {
    NAMES.iter().flat_map(|(names, _)| names.iter().copied()).chain(["f1", "f12"])
}

impl KeyChord {
    pub fn plain(key: Key) -> KeyChord {
        KeyChord { key, ctrl: false, alt: false, shift: false }
    }

    /// Parses `ctrl-c`, `alt-left`, `shift-tab`, `G`, `?`, `f5`, `space`…
    ///
    /// An upper-case letter is written as itself (`G`), not `shift-g`; `shift-tab` is `backtab`.
    pub fn parse(spec: &str) -> Result<KeyChord, String> {
        if spec.is_empty() {
            return Err("a key cannot be empty".into());
        }
        let mut chord = KeyChord::plain(Key::Esc);
        let mut rest = spec;
        // A lone "-" is the minus key, so only strip modifiers that are followed by a key.
        while let Some((modifier, tail)) = rest.split_once('-').filter(|(_, tail)| !tail.is_empty()) {
            match modifier.to_ascii_lowercase().as_str() {
                "ctrl" | "c" => chord.ctrl = true,
                "alt" | "a" | "meta" | "m" => chord.alt = true,
                "shift" | "s" => chord.shift = true,
                _ => break,
            }
            rest = tail;
        }
        chord.key = parse_key(rest)?;
        if chord.shift {
            match chord.key {
                Key::Tab => return Ok(KeyChord { key: Key::BackTab, shift: false, ..chord }),
                Key::Char(c) if c.is_ascii_alphabetic() => {
                    return Ok(KeyChord { key: Key::Char(c.to_ascii_uppercase()), shift: false, ..chord });
                }
                _ => {}
            }
        }
        Ok(chord)
    }
}

fn parse_key(name: &str) -> Result<Key, String> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Ok(Key::Char(c));
    }
    let lower = name.to_ascii_lowercase();
    if let Some((_, key)) = NAMES.iter().find(|(names, _)| names.contains(&lower.as_str())) {
        return Ok(*key);
    }
    if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()).filter(|n| (1..=24).contains(n)) {
        return Ok(Key::F(n));
    }
    let hint = match crate::text::closest(&lower, key_names()) {
        Some(near) => format!("did you mean `{near}`? "),
        None => String::new(),
    };
    Err(format!(
        "{hint}a key is one character (`q`, `G`, `?`), a name ({}, f1–f24), with optional `ctrl-`, `alt-` or `shift-` in front",
        crate::text::list_words(NAMES.iter().map(|(names, _)| names[0]), 20)
    ))
}

impl fmt::Display for KeyChord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        if self.shift {
            f.write_str("shift-")?;
        }
        match self.key {
            Key::Char(c) => match NAMES.iter().find(|(_, k)| *k == Key::Char(c)) {
                Some((names, _)) => f.write_str(names[0]),
                None => write!(f, "{c}"),
            },
            Key::F(n) => write!(f, "f{n}"),
            key => f.write_str(NAMES.iter().find(|(_, k)| *k == key).map_or("?", |(names, _)| names[0])),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chords_parse_and_print_back() {
        for spec in ["q", "ctrl-c", "alt-left", "G", "?", "pagedown", "f5", "enter", "backtab", "space", "-", "ctrl--"] {
            let chord = KeyChord::parse(spec).unwrap_or_else(|e| panic!("{spec}: {e}"));
            let printed = chord.to_string();
            assert_eq!(KeyChord::parse(&printed), Ok(chord), "{spec} printed as {printed}");
        }
    }

    #[test]
    fn shift_is_folded_into_the_key() {
        assert_eq!(KeyChord::parse("shift-tab"), KeyChord::parse("backtab"));
        assert_eq!(KeyChord::parse("shift-g"), KeyChord::parse("G"));
        assert_eq!(KeyChord::parse("pgdn"), KeyChord::parse("pagedown"));
    }

    #[test]
    fn bad_names_get_a_suggestion() {
        let err = KeyChord::parse("ctrl-entr").unwrap_err();
        assert!(err.contains("did you mean `enter`"), "{err}");
        assert!(KeyChord::parse("").is_err());
        assert!(KeyChord::parse("f99").is_err());
    }
}
