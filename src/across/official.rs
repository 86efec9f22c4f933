//! One official across the library: every briefing that lists them, oldest first, with the
//! name, role and side given there, what they said or did, the commitments they announced and
//! the sources behind it. A role that changes between briefings shows as a change; a name
//! given differently for the same id is a warning, as `brief check` says.

use serde::Serialize;

use super::{At, cited_titles};
use crate::model::{Briefing, ItemRef, Kind, Status};

/// An official's page.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Page {
    pub id: String,
    /// Every name the official is given, in the order they first appear.
    pub names: Vec<String>,
    /// Every role they are given, in the order they first appear.
    pub roles: Vec<String>,
    /// Oldest briefing first.
    pub appearances: Vec<Appearance>,
}

/// The official in one briefing.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Appearance {
    pub at: At,
    pub title: String,
    pub name: String,
    pub role: Option<String>,
    pub side: Option<String>,
    pub notes: Option<String>,
    /// The role differs from the one in the appearance before.
    pub role_changed: bool,
    /// The commitments they announced there.
    pub announced: Vec<Announced>,
    /// The titles of the sources cited for them there, each once.
    pub sources: Vec<String>,
}

/// A commitment an official announced.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Announced {
    pub id: String,
    pub index: usize,
    pub status: Status,
    pub text: String,
}

/// The page of the official `id` from the briefings that list them, in any order; None when
/// none does. `file` names a briefing's file below the folder.
pub fn page<'a>(id: &str, briefings: impl IntoIterator<Item = &'a Briefing>, file: impl Fn(&Briefing) -> String) -> Option<Page> {
    let mut found: Vec<&Briefing> = briefings.into_iter().filter(|b| b.officials.iter().any(|o| o.id == id)).collect();
    found.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
    let mut page = Page { id: id.to_string(), names: Vec::new(), roles: Vec::new(), appearances: Vec::new() };
    let mut last_role: Option<Option<String>> = None;
    for b in found {
        let Some(index) = b.officials.iter().position(|o| o.id == id) else { continue };
        let o = &b.officials[index];
        let item = ItemRef { kind: Kind::Official, index };
        let announced = b
            .commitments
            .iter()
            .enumerate()
            .filter(|(_, c)| c.announced_by.iter().any(|a| a == id))
            .map(|(index, c)| Announced { id: c.id.clone(), index, status: c.status, text: c.text.clone() })
            .collect();
        if !page.names.contains(&o.name) {
            page.names.push(o.name.clone());
        }
        if let Some(role) = &o.role
            && !page.roles.contains(role)
        {
            page.roles.push(role.clone());
        }
        let role_changed = last_role.as_ref().is_some_and(|r| r != &o.role);
        last_role = Some(o.role.clone());
        page.appearances.push(Appearance {
            at: At::of(b, &file(b), item),
            title: b.title.clone(),
            name: o.name.clone(),
            role: o.role.clone(),
            side: o.side.clone(),
            notes: o.notes.clone(),
            role_changed,
            announced,
            sources: cited_titles(b, item),
        });
    }
    (!page.appearances.is_empty()).then_some(page)
}
