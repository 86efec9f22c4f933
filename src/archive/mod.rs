//! Saved copies of the articles a briefing cites, and where a citation's place is in them:
//! what `brief verify` checks claims against. Terminal-free.

pub mod article;
pub mod place;

pub use article::{Article, Block, Role};
pub use place::{Missing, Place, resolve};
