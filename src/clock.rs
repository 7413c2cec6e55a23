//! Clock times of a day, written `HH:MM`.

use crate::text::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A time of day in whole minutes since midnight, from `00:00` to `24:00` (the end of the
/// day, so that a session may end at midnight but never past it).
///
/// ```
/// use facilitation::ClockTime;
/// let start: ClockTime = "09:30".parse().unwrap();
/// assert_eq!(start.minutes(), 570);
/// assert_eq!(start.plus(45).unwrap().to_string(), "10:15");
/// assert!("25:00".parse::<ClockTime>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ClockTime(u16);

/// The error of a clock time that is not `HH:MM` within a day.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a time of day; write it as HH:MM between 00:00 and 24:00, like \"09:30\"")]
pub struct InvalidClockTime(pub String);

impl ClockTime {
    /// The end of the day, `24:00`.
    pub const END_OF_DAY: ClockTime = ClockTime(24 * 60);

    /// A time written in the code, like `ClockTime::at(12, 30)`, for constants.
    ///
    /// # Panics
    /// When `hours:minutes` is not a time of the day (at compile time in a constant). For
    /// times read from input use [`ClockTime::hm`] or `parse`, which never panic.
    pub const fn at(hours: u32, minutes: u32) -> ClockTime {
        assert!(minutes < 60 && hours * 60 + minutes <= 24 * 60, "not a time of the day");
        ClockTime((hours * 60 + minutes) as u16)
    }

    /// A time from minutes since midnight, if within the day.
    pub fn from_minutes(minutes: u32) -> Option<ClockTime> {
        (minutes <= 24 * 60).then_some(ClockTime(minutes as u16))
    }

    /// A time from hours and minutes, if within the day.
    pub fn hm(hours: u32, minutes: u32) -> Option<ClockTime> {
        if minutes < 60 {
            ClockTime::from_minutes(hours.checked_mul(60)?.checked_add(minutes)?)
        } else {
            None
        }
    }

    /// Minutes since midnight.
    pub const fn minutes(self) -> u32 {
        self.0 as u32
    }

    /// The time `minutes` later, if still within the day.
    pub fn plus(self, minutes: u32) -> Option<ClockTime> {
        ClockTime::from_minutes(self.minutes().checked_add(minutes)?)
    }

    /// Minutes from `earlier` to `self` (zero when `earlier` is later).
    pub fn since(self, earlier: ClockTime) -> u32 {
        self.minutes().saturating_sub(earlier.minutes())
    }

    /// As written in running text: « 9 h 30 », « 14 h » in French (no-break spaces);
    /// « 9:30 » in English.
    pub fn written(self, lang: Lang) -> String {
        let (hours, minutes) = (self.minutes() / 60, self.minutes() % 60);
        match (lang, minutes) {
            (Lang::Fr, 0) => format!("{hours}\u{a0}h"),
            (Lang::Fr, _) => format!("{hours}\u{a0}h\u{a0}{minutes:02}"),
            (Lang::En, _) => format!("{hours}:{minutes:02}"),
        }
    }
}

impl FromStr for ClockTime {
    type Err = InvalidClockTime;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let invalid = || InvalidClockTime(s.to_string());
        let (hours, minutes) = s.trim().split_once([':', 'h', 'H']).ok_or_else(invalid)?;
        let digits = |part: &str| {
            (!part.is_empty() && part.len() <= 2 && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse::<u32>().ok())
                .flatten()
        };
        let minutes = if minutes.is_empty() { Some(0) } else { digits(minutes) };
        match (digits(hours), minutes) {
            (Some(h), Some(m)) => ClockTime::hm(h, m).ok_or_else(invalid),
            _ => Err(invalid()),
        }
    }
}

impl TryFrom<String> for ClockTime {
    type Error = InvalidClockTime;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        value.parse()
    }
}

impl From<ClockTime> for String {
    fn from(time: ClockTime) -> Self {
        time.to_string()
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}
