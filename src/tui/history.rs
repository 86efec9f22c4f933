//! One jump list across panes and briefings, like a browser's: every jump records where it
//! came from; back and forward move along it.

use crate::tui::app::Screen;

#[derive(Clone, Debug, Default)]
pub struct History {
    back: Vec<Screen>,
    forward: Vec<Screen>,
}

/// Jumps kept at most; the oldest are dropped first.
const LIMIT: usize = 200;

impl History {
    /// Records a jump away from `from`; a new jump forgets the way forward.
    pub fn record(&mut self, from: Screen) {
        if self.back.last() != Some(&from) {
            self.back.push(from);
        }
        if self.back.len() > LIMIT {
            self.back.remove(0);
        }
        self.forward.clear();
    }

    /// The screen to go back to, given the current one (which becomes the way forward).
    pub fn back(&mut self, current: Screen) -> Option<Screen> {
        let previous = self.back.pop()?;
        self.forward.push(current);
        Some(previous)
    }

    /// The screen to go forward to, given the current one (which becomes the way back).
    pub fn forward(&mut self, current: Screen) -> Option<Screen> {
        let next = self.forward.pop()?;
        self.back.push(current);
        Some(next)
    }

    pub fn can_go_back(&self) -> bool {
        !self.back.is_empty()
    }

    pub fn can_go_forward(&self) -> bool {
        !self.forward.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::app::{Cursor, View};

    fn lib(n: usize) -> Screen {
        Screen::Library(Cursor { selected: n, offset: 0 })
    }

    #[test]
    fn back_and_forward_walk_the_jumps() {
        let mut h = History::default();
        h.record(lib(0));
        h.record(lib(1));
        let current = Screen::Briefing(View::new("x"));
        assert_eq!(h.back(current.clone()), Some(lib(1)));
        assert_eq!(h.back(lib(1)), Some(lib(0)));
        assert_eq!(h.back(lib(0)), None);
        assert_eq!(h.forward(lib(0)), Some(lib(1)));
        assert_eq!(h.forward(lib(1)), Some(current));
        assert!(!h.can_go_forward());
    }

    #[test]
    fn a_new_jump_forgets_the_way_forward() {
        let mut h = History::default();
        h.record(lib(0));
        assert_eq!(h.back(lib(1)), Some(lib(0)));
        h.record(lib(0));
        assert!(!h.can_go_forward());
        assert!(h.can_go_back());
    }
}
