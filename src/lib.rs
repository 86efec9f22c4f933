//! `brief`: a terminal reader for curated news briefings.
//!
//! The domain — [`model`], [`load`]ing and checking, [`library`] cross references, the [`live`]
//! library — knows nothing of terminals; the command line ([`cli`]) and the reader ([`tui`])
//! are front ends over it.
#![forbid(unsafe_code)]

pub mod across;
pub mod action;
pub mod archive;
pub mod cli;
pub mod config;
pub mod date;
pub mod diag;
pub mod export;
pub mod keys;
pub mod library;
pub mod links;
pub mod live;
pub mod load;
pub mod logging;
pub mod model;
pub mod output;
pub mod report;
pub mod search;
pub mod seen;
pub mod state;
pub mod store;
pub mod text;
pub mod theme;
pub mod tui;
pub mod watch;

pub use library::{Library, Loaded};
pub use model::Briefing;
