//! Colours by role, as `config.toml` names them. Terminal-free: the reader maps [`Color`] onto
//! its terminal library's colours.

use toml::de::DeValue;

use crate::diag::{Code, Sink};
use crate::load::reader::{self, Table};

/// A colour: the terminal's default, one of the 16 ANSI colours (so a 16-colour terminal shows
/// it as the user's palette intends), a 256-colour index, or RGB.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Color {
    Default,
    Ansi(u8),
    Indexed(u8),
    Rgb(u8, u8, u8),
}

/// The 16 ANSI colour names, by index.
pub const ANSI_NAMES: [&str; 16] = [
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "gray",
    "darkgray",
    "lightred",
    "lightgreen",
    "lightyellow",
    "lightblue",
    "lightmagenta",
    "lightcyan",
    "white",
];

impl Color {
    /// Parses a name (`cyan`, `light-red`, `default`) or `#rrggbb`.
    pub fn parse(s: &str) -> Option<Color> {
        let name: String = s.chars().filter(|c| *c != '-' && *c != '_' && *c != ' ').collect::<String>().to_lowercase();
        if name == "default" || name == "reset" {
            return Some(Color::Default);
        }
        let name = name.replace("bright", "light").replace("grey", "gray");
        if let Some(i) = ANSI_NAMES.iter().position(|n| *n == name) {
            return Some(Color::Ansi(i as u8));
        }
        let hex = s.strip_prefix('#').filter(|h| h.len() == 6 && h.bytes().all(|b| b.is_ascii_hexdigit()))?;
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Color::Rgb(byte(0)?, byte(2)?, byte(4)?))
    }
}

macro_rules! theme {
    ($($(#[doc = $doc:literal])+ $field:ident = $default:expr;)*) => {
        /// Colours by role.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct Theme { $($(#[doc = $doc])+ pub $field: Color,)* }

        impl Default for Theme {
            fn default() -> Self {
                Theme { $($field: $default,)* }
            }
        }

        impl Theme {
            /// The role names `[theme]` accepts.
            pub const ROLES: &[&str] = &[$(stringify!($field),)*];

            fn slot(&mut self, role: &str) -> Option<&mut Color> {
                match role { $(stringify!($field) => Some(&mut self.$field),)* _ => None }
            }
        }
    };
}

const fn ansi(name_index: u8) -> Color {
    Color::Ansi(name_index)
}

theme! {
    /// Borders and headings of the focused pane, keys in the help.
    accent = ansi(6);
    /// Secondary text: dates, counts, ids, unfocused borders.
    muted = ansi(8);
    /// Text of the selected row.
    selection_fg = ansi(0);
    /// Background of the selected row.
    selection_bg = ansi(6);
    /// Search matches: a colour no mark or status uses, so a match never reads as a warning.
    highlight = ansi(5);
    /// Errors.
    error = ansi(1);
    /// Warnings, single-source marks and discrepancy marks.
    warning = ansi(3);
    /// Status `proposed`.
    proposed = ansi(4);
    /// Status `agreed`.
    agreed = ansi(2);
    /// Status `pending`.
    pending = ansi(3);
    /// Status `in-force`.
    in_force = ansi(10);
    /// Status `disputed`.
    disputed = ansi(1);
    /// Status `withdrawn`.
    withdrawn = ansi(8);
    /// Reactions going up.
    up = ansi(2);
    /// Reactions going down.
    down = ansi(1);
    /// Reactions flat or volatile.
    flat = ansi(3);
}

impl Theme {
    /// Reads `[theme]`: each key a role, each value a colour.
    pub fn parse(sink: &mut Sink, t: &Table<'_, '_>) -> Theme {
        t.check_keys(sink, Theme::ROLES);
        let mut theme = Theme::default();
        for (key, value) in t.table.iter() {
            let Some(slot) = theme.slot(key.get_ref()) else { continue };
            match value.get_ref() {
                DeValue::String(s) => match Color::parse(s) {
                    Some(color) => *slot = color,
                    None => {
                        let d = sink.report(Code::BadValue, value.span(), format!("`{}` is not a colour", crate::text::visible(s, false)));
                        d.with_label("unknown colour").with_help(format!(
                            "a colour is `default`, an ANSI name ({}), `#rrggbb`, or a number 0–255",
                            crate::text::list_words(ANSI_NAMES, 16)
                        ));
                    }
                },
                DeValue::Integer(i) => match u8::from_str_radix(i.as_str(), i.radix()) {
                    Ok(n) => *slot = Color::Indexed(n),
                    Err(_) => {
                        sink.report(Code::BadValue, value.span(), "colour index out of range").with_help("a colour index is 0–255");
                    }
                },
                _ => reader::wrong_type(
                    sink,
                    key.get_ref(),
                    value,
                    "a colour",
                    "write a colour name in quotes, `\"#rrggbb\"`, or a number 0–255",
                ),
            }
        }
        theme
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse() {
        assert_eq!(Color::parse("cyan"), Some(Color::Ansi(6)));
        assert_eq!(Color::parse("Light-Red"), Some(Color::Ansi(9)));
        assert_eq!(Color::parse("bright_blue"), Some(Color::Ansi(12)));
        assert_eq!(Color::parse("dark grey"), Some(Color::Ansi(8)));
        assert_eq!(Color::parse("#ff8000"), Some(Color::Rgb(255, 128, 0)));
        assert_eq!(Color::parse("default"), Some(Color::Default));
        assert_eq!(Color::parse("#ff80"), None);
        assert_eq!(Color::parse("mauve"), None);
    }
}
