//! Effects that only read, run off the loop or for a test: a saved copy read for the passage
//! view, and a briefing checked against its saved copies (a large copy takes seconds, and the
//! reader must go on answering keys meanwhile).

use std::path::Path;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::action::Action;
use crate::model::Briefing;
use crate::tui::passage::Request;

/// Reads the saved copy a passage request names.
pub fn read_passage(request: Request) -> Action {
    let text =
        crate::load::read_bytes(&request.path).map(|bytes| String::from_utf8_lossy(&bytes).into_owned()).map_err(|why| why.message(""));
    Action::PassageRead(Box::new(request), text)
}

/// Checks a briefing against its saved copies in `folder`, answering the request numbered.
pub fn check(b: &Briefing, folder: &Path, request: u64) -> Action {
    Action::Verified(b.id.clone(), request, Box::new(crate::archive::verify(b, folder)))
}

/// Checks running on threads of their own, and their answers.
pub struct Jobs {
    done: Sender<Action>,
    answers: Receiver<Action>,
}

impl Default for Jobs {
    fn default() -> Jobs {
        let (done, answers) = channel();
        Jobs { done, answers }
    }
}

impl Jobs {
    /// Starts a check of `b` (a copy of it: the library may change meanwhile).
    pub fn check(&self, b: Briefing, folder: std::path::PathBuf, request: u64) {
        let done = self.done.clone();
        // A check that panics only loses its answer: the briefing shows without marks.
        std::thread::spawn(move || done.send(check(&b, &folder, request)));
    }

    /// The answers that have come in.
    pub fn finished(&self) -> Vec<Action> {
        self.answers.try_iter().collect()
    }
}
