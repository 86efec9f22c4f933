//! Calendar dates as briefings use them: whole days, and the partial dates of a timeline.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar day. TOML has already checked that it exists when it comes from a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        Date::new(digits(&s[0..4])?, digits(&s[5..7])? as u8, digits(&s[8..10])? as u8)
    }
}

impl Date {
    /// Today in the local time zone (in UTC where the zone cannot be read safely: a process
    /// already running threads may not ask).
    pub fn today() -> Date {
        let now = time::OffsetDateTime::now_local().unwrap_or_else(|_| time::OffsetDateTime::now_utc());
        Date { year: now.year().clamp(0, 9999) as u16, month: u8::from(now.month()), day: now.day() }
    }
}

fn digits(s: &str) -> Option<u16> {
    s.bytes().all(|b| b.is_ascii_digit()).then(|| s.parse().ok()).flatten()
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse(&text).ok_or_else(|| serde::de::Error::custom(format!("`{text}` is not a date (YYYY-MM-DD)")))
    }
}

/// The date of a timeline event: a day, or only the month or year when that is all that is known.
///
/// Ordering puts a partial date before the days it covers (`2025` < `2025-05` < `2025-05-12`),
/// so a timeline reads from the vaguer to the more precise within the same period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    /// Parses the string forms `YYYY-MM` and `YYYY`.
    pub fn parse(s: &str) -> Option<PartialDate> {
        match s.len() {
            4 => Some(PartialDate { year: digits(s)?, month: None, day: None }),
            7 if s.as_bytes()[4] == b'-' => {
                let month = digits(&s[5..7])? as u8;
                (1..=12).contains(&month).then_some(PartialDate { year: digits(&s[0..4])?, month: Some(month), day: None })
            }
            _ => None,
        }
    }

    /// The whole day, when the date is that precise.
    pub fn as_date(&self) -> Option<Date> {
        Date::new(self.year, self.month?, self.day?)
    }
}

impl From<Date> for PartialDate {
    fn from(d: Date) -> Self {
        PartialDate { year: d.year, month: Some(d.month), day: Some(d.day) }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<PartialDate, D::Error> {
        let text = String::deserialize(d)?;
        PartialDate::parse(&text)
            .or_else(|| Date::parse(&text).map(PartialDate::from))
            .ok_or_else(|| serde::de::Error::custom(format!("`{text}` is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")))
    }
}

/// A commitment's deadline: a day, or words such as "within 30 days". Kept (in the store) with
/// its kind named, so words that look like a date stay words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Due {
    Date(Date),
    Text(String),
}

impl fmt::Display for Due {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Due::Date(d) => d.fmt(f),
            Due::Text(t) => f.write_str(t),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_and_print() {
        assert_eq!(Date::parse("2025-06-09").unwrap().to_string(), "2025-06-09");
        assert_eq!(Date::parse("2024-02-29").map(|d| d.day), Some(29));
        assert_eq!(Date::parse("2025-02-29"), None);
        assert_eq!(Date::parse("2025-6-9"), None);
        assert_eq!(Date::parse("2025-13-01"), None);
    }

    #[test]
    fn partial_dates_sort_before_their_days() {
        let year = PartialDate::parse("2025").unwrap();
        let month = PartialDate::parse("2025-05").unwrap();
        let day = PartialDate::from(Date::parse("2025-05-12").unwrap());
        let later = PartialDate::parse("2025-06").unwrap();
        let mut v = vec![later, day, month, year];
        v.sort();
        assert_eq!(v, vec![year, month, day, later]);
        assert_eq!(PartialDate::parse("2025-00"), None);
        assert_eq!(PartialDate::parse("25"), None);
        assert_eq!(month.to_string(), "2025-05");
    }
}
