//! A reaction's move as a number, for a bar chart: the first figure in what the source
//! reported (`+0.8%`, `-1.2 points`, `down 3%`), signed, with its unit; the direction gives
//! the sign when the figure has none. Terminal-free.

use serde::{Deserialize, Serialize};

use super::At;
use crate::model::{Briefing, Direction, ItemRef, Kind};

/// A move read as a number and its unit (`%`, `points`, or empty).
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub value: f64,
    pub unit: String,
}

/// The move `text` reports, if it holds a figure.
pub fn of(text: &str, direction: Option<Direction>) -> Option<Figure> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let end = text[start..].find(|c: char| !(c.is_ascii_digit() || c == '.')).map_or(text.len(), |e| start + e);
    let mut value: f64 = text[start..end].trim_end_matches('.').parse().ok()?;
    let before = text[..start].trim_end();
    let negative = before.ends_with('-') || before.ends_with('−') || before.to_lowercase().ends_with("down");
    let positive = before.ends_with('+') || before.to_lowercase().ends_with("up");
    if negative || (!positive && direction == Some(Direction::Down)) {
        value = -value;
    }
    let unit = text[end..].split_whitespace().next().unwrap_or("").trim_matches(|c: char| !c.is_alphanumeric() && c != '%');
    Some(Figure { value, unit: unit.to_string() })
}

/// A reaction as the library's chart lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reacted {
    pub at: At,
    pub market: String,
    pub movement: Option<String>,
    pub direction: Option<Direction>,
    /// The move in thousandths of its unit, when it holds a figure.
    pub milli: Option<i64>,
    pub unit: String,
}

/// Every reaction of a briefing, in file order.
pub fn reactions(b: &Briefing, file: &str) -> Vec<Reacted> {
    b.reactions
        .iter()
        .enumerate()
        .map(|(index, r)| {
            let figure = r.movement.as_deref().and_then(|m| of(m, r.direction));
            Reacted {
                at: At::of(b, file, ItemRef { kind: Kind::Reaction, index }),
                market: r.market.clone(),
                movement: r.movement.clone(),
                direction: r.direction,
                milli: figure.as_ref().map(|f| (f.value * 1000.0).round() as i64),
                unit: figure.map(|f| f.unit).unwrap_or_default(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_read_signed_with_their_unit() {
        assert_eq!(of("+0.8%", None), Some(Figure { value: 0.8, unit: "%".into() }));
        assert_eq!(of("-1.2 points", None), Some(Figure { value: -1.2, unit: "points".into() }));
        assert_eq!(of("−3%", None), Some(Figure { value: -3.0, unit: "%".into() }));
        assert_eq!(of("down 2%", None).map(|f| f.value), Some(-2.0));
        assert_eq!(of("2%", Some(Direction::Down)).map(|f| f.value), Some(-2.0));
        assert_eq!(of("2.", None).map(|f| f.value), Some(2.0));
        assert_eq!(of("mixed", Some(Direction::Volatile)), None);
    }
}
