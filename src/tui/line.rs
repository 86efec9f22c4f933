//! A one-line text field that edits as shells and editors do: a cursor that moves by character
//! and by word, deletes to either side, and text that can be selected whole so the next key
//! typed replaces it (the search line reopened on the last query). Terminal-free.

/// A change asked of the line: the keys readline and most terminal programs give them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Left, ctrl-b.
    Left,
    /// Right, ctrl-f.
    Right,
    /// alt-b, ctrl-left: to the start of this word or the one before.
    WordLeft,
    /// alt-f, ctrl-right: to the end of this word or the one after.
    WordRight,
    /// Home, ctrl-a.
    Start,
    /// End, ctrl-e.
    End,
    /// Backspace.
    DeleteBack,
    /// Delete, ctrl-d.
    DeleteForward,
    /// ctrl-w: back to the whitespace before the word behind the cursor.
    DeleteWordBack,
    /// alt-d: to the end of the word ahead.
    DeleteWordForward,
    /// ctrl-u: everything before the cursor.
    DeleteToStart,
    /// ctrl-k: everything from the cursor on.
    DeleteToEnd,
}

/// The text, where the cursor is in it (a byte offset on a character boundary), and whether
/// the whole text is selected.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Field {
    text: String,
    cursor: usize,
    selected: bool,
}

impl Field {
    /// A field holding `text`, the cursor at its end; `selected` selects it whole.
    pub fn new(text: &str, selected: bool) -> Field {
        Field { text: text.to_string(), cursor: text.len(), selected: selected && !text.is_empty() }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn selected(&self) -> bool {
        self.selected
    }

    /// Text typed or pasted at the cursor; over a selection, in its place.
    pub fn insert(&mut self, text: &str) {
        if std::mem::take(&mut self.selected) {
            self.text.clear();
            self.cursor = 0;
        }
        self.text.insert_str(self.cursor, text);
        self.cursor += text.len();
    }

    /// Applies an edit; true when the text changed (and a search should run again).
    pub fn apply(&mut self, edit: Edit) -> bool {
        let before = self.text.len();
        if std::mem::take(&mut self.selected) {
            match edit {
                // A deletion over the selection removes it, as in any text field.
                Edit::DeleteBack
                | Edit::DeleteForward
                | Edit::DeleteWordBack
                | Edit::DeleteWordForward
                | Edit::DeleteToStart
                | Edit::DeleteToEnd => {
                    self.text.clear();
                    self.cursor = 0;
                    return before > 0;
                }
                // Left and Start leave the selection at its start, the rest at its end.
                Edit::Left | Edit::Start | Edit::WordLeft => {
                    self.cursor = 0;
                    return false;
                }
                _ => {}
            }
        }
        let at = self.cursor;
        match edit {
            Edit::Left => self.cursor = self.prev_char(at),
            Edit::Right => self.cursor = self.next_char(at),
            Edit::WordLeft => self.cursor = self.word_start(at),
            Edit::WordRight => self.cursor = self.word_end(at),
            Edit::Start => self.cursor = 0,
            Edit::End => self.cursor = self.text.len(),
            Edit::DeleteBack => self.remove(self.prev_char(at), at),
            Edit::DeleteForward => self.remove(at, self.next_char(at)),
            Edit::DeleteWordBack => {
                // unix-word-rubout: the spaces behind the cursor, then the non-spaces before them.
                let mut start = at;
                let mut seen_word = false;
                for (i, c) in self.text[..at].char_indices().rev() {
                    if c.is_whitespace() && seen_word {
                        break;
                    }
                    seen_word |= !c.is_whitespace();
                    start = i;
                }
                self.remove(start, at);
            }
            Edit::DeleteWordForward => self.remove(at, self.word_end(at)),
            Edit::DeleteToStart => self.remove(0, at),
            Edit::DeleteToEnd => self.remove(at, self.text.len()),
        }
        self.text.len() != before
    }

    fn remove(&mut self, start: usize, end: usize) {
        self.text.replace_range(start..end, "");
        self.cursor = start;
    }

    fn prev_char(&self, at: usize) -> usize {
        self.text[..at].char_indices().next_back().map_or(0, |(i, _)| i)
    }

    fn next_char(&self, at: usize) -> usize {
        self.text[at..].chars().next().map_or(at, |c| at + c.len_utf8())
    }

    /// The start of the word at or before `at`: words are runs of letters and digits, as
    /// readline's alt-b sees them.
    fn word_start(&self, at: usize) -> usize {
        let mut start = at;
        let mut seen_word = false;
        for (i, c) in self.text[..at].char_indices().rev() {
            if !c.is_alphanumeric() && seen_word {
                break;
            }
            seen_word |= c.is_alphanumeric();
            start = i;
        }
        if seen_word { start } else { 0 }
    }

    /// The end of the word at or after `at`.
    fn word_end(&self, at: usize) -> usize {
        let mut seen_word = false;
        for (i, c) in self.text[at..].char_indices() {
            if !c.is_alphanumeric() && seen_word {
                return at + i;
            }
            seen_word |= c.is_alphanumeric();
        }
        self.text.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, cursor: usize) -> Field {
        Field { text: text.into(), cursor, selected: false }
    }

    /// The field drawn with `|` at the cursor.
    fn shown(f: &Field) -> String {
        format!("{}|{}", &f.text[..f.cursor], &f.text[f.cursor..])
    }

    #[test]
    fn moves_by_character_and_word_over_multibyte_text() {
        let mut f = Field::new("zölle auf stahl", false);
        f.apply(Edit::WordLeft);
        assert_eq!(shown(&f), "zölle auf |stahl");
        f.apply(Edit::WordLeft);
        f.apply(Edit::WordLeft);
        assert_eq!(shown(&f), "|zölle auf stahl");
        f.apply(Edit::WordLeft);
        assert_eq!(shown(&f), "|zölle auf stahl", "stops at the start");
        f.apply(Edit::Right);
        f.apply(Edit::Right);
        assert_eq!(shown(&f), "zö|lle auf stahl");
        f.apply(Edit::Left);
        assert_eq!(shown(&f), "z|ölle auf stahl");
        f.apply(Edit::WordRight);
        assert_eq!(shown(&f), "zölle| auf stahl");
        f.apply(Edit::WordRight);
        assert_eq!(shown(&f), "zölle auf| stahl");
        f.apply(Edit::End);
        assert_eq!(shown(&f), "zölle auf stahl|");
        f.apply(Edit::Right);
        assert_eq!(shown(&f), "zölle auf stahl|", "stops at the end");
        f.apply(Edit::Start);
        assert_eq!(shown(&f), "|zölle auf stahl");
    }

    #[test]
    fn deletes_like_readline() {
        let mut f = at("kind:reaction \"rare earths\"  ", 29);
        assert!(f.apply(Edit::DeleteWordBack));
        assert_eq!(shown(&f), "kind:reaction \"rare |");
        f.apply(Edit::DeleteWordBack);
        assert_eq!(shown(&f), "kind:reaction |");
        f.apply(Edit::DeleteWordBack);
        assert_eq!(shown(&f), "|");
        assert!(!f.apply(Edit::DeleteWordBack), "nothing left to delete");

        let mut f = at("lutnick commerce", 7);
        f.apply(Edit::DeleteToEnd);
        assert_eq!(shown(&f), "lutnick|");
        f.insert(" greer");
        f.apply(Edit::WordLeft);
        f.apply(Edit::DeleteToStart);
        assert_eq!(shown(&f), "|greer");
        f.apply(Edit::DeleteForward);
        assert_eq!(shown(&f), "|reer");
        f.apply(Edit::DeleteWordForward);
        assert_eq!(shown(&f), "|");
        assert!(!f.apply(Edit::DeleteBack));
    }

    #[test]
    fn a_selection_is_replaced_by_typing_and_removed_by_deleting() {
        let mut f = Field::new("lithium", true);
        f.insert("y");
        assert_eq!((shown(&f), f.selected()), ("y|".into(), false));

        let mut f = Field::new("lithium", true);
        assert!(f.apply(Edit::DeleteBack));
        assert_eq!(shown(&f), "|");

        let mut f = Field::new("lithium", true);
        assert!(!f.apply(Edit::End));
        f.insert(" yttrium");
        assert_eq!(shown(&f), "lithium yttrium|", "moving keeps the text and drops the selection");

        let mut f = Field::new("lithium", true);
        f.apply(Edit::Start);
        f.insert("-");
        assert_eq!(shown(&f), "-|lithium");
        assert!(!Field::new("", true).selected(), "nothing to select");
    }
}
