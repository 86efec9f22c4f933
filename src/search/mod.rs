//! Search across the library: a query language, folding for case and accents, a matcher with
//! ranking and snippets, an index for the reader and a file scan for the command line.
//! Nothing here knows about terminals.

pub mod fold;
pub mod folded;
pub mod index;
pub mod matcher;
pub mod query;
pub mod scan;

pub use index::Index;
pub use matcher::{Hit, Place, Snippet};
pub use query::{Query, QueryError, parse};
