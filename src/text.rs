//! Localized text: French first, English when given.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The language an agenda, a card or a message is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French, the network's working language (the default).
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Both languages, French first.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The language code used in files and on the command line (`fr`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Picks the French or the English wording of a message: the one way the crate
    /// chooses between its two languages.
    pub fn pick<T>(self, fr: T, en: T) -> T {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "fr" | "french" | "français" => Ok(Lang::Fr),
            "en" | "english" | "anglais" => Ok(Lang::En),
            other => Err(format!("unknown language `{other}`: use `fr` or `en`")),
        }
    }
}

/// A message the crate can write in French (the default) or in English.
///
/// Every message type of the crate implements it: load and parse problems, questions to
/// the project lead, checker breaches, planning refusals. `Display` stays English, for
/// logs; what a facilitator reads goes through `text`.
///
/// ```
/// use facilitation::{Lang, Localize};
/// struct Late(u32);
/// impl Localize for Late {
///     fn text(&self, lang: Lang) -> String {
///         match lang {
///             Lang::Fr => format!("{} minutes de retard", self.0),
///             Lang::En => format!("{} minutes late", self.0),
///         }
///     }
/// }
/// assert_eq!(Late(20).text(Lang::Fr), "20 minutes de retard");
/// ```
pub trait Localize {
    /// The message in `lang`.
    fn text(&self, lang: Lang) -> String;
}

/// A text in French (required) and English (optional).
///
/// Rendering in English falls back to French when no English text is given.
///
/// ```
/// use facilitation::{Lang, Text};
/// let text = Text::fr("Tour de table");
/// assert_eq!(text.get(Lang::En), "Tour de table");
/// let text = Text::new("Tour de table", "Round");
/// assert_eq!(text.get(Lang::En), "Round");
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// The French text.
    pub fr: String,
    /// The English text, when translated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Text {
    /// A text in both languages.
    pub fn new(fr: impl Into<String>, en: impl Into<String>) -> Self {
        Text { fr: fr.into(), en: Some(en.into()) }
    }

    /// A French-only text.
    pub fn fr(fr: impl Into<String>) -> Self {
        Text { fr: fr.into(), en: None }
    }

    /// The text in `lang`, falling back to French.
    pub fn get(&self, lang: Lang) -> &str {
        in_lang(&self.fr, self.en.as_deref(), lang)
    }

    /// Whether an English version is given and not blank.
    pub fn has_english(&self) -> bool {
        english(self.en.as_deref()).is_some()
    }
}

/// The English version of a text, when given and not blank.
pub(crate) fn english(en: Option<&str>) -> Option<&str> {
    en.filter(|en| !en.trim().is_empty())
}

/// A French text or its English version in `lang`, falling back to French: every
/// bilingual text of the crate (a [`Text`], a method's tip) reads this way.
pub(crate) fn in_lang<'t>(fr: &'t str, en: Option<&'t str>, lang: Lang) -> &'t str {
    match lang {
        Lang::En => english(en).unwrap_or(fr),
        Lang::Fr => fr,
    }
}

/// A small count in words, as said aloud (« quatre », « six »), from two to ten; digits
/// otherwise.
pub(crate) fn in_words(count: u32, lang: Lang) -> String {
    const FR: [&str; 9] = ["deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"];
    const EN: [&str; 9] = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    let words = if lang == Lang::Fr { FR } else { EN };
    count.checked_sub(2).and_then(|i| words.get(i as usize)).map_or(count.to_string(), |w| w.to_string())
}
