//! What a request says of participants whose disability the session must be run with:
//! the words that name one (`care.yaml`, data a facilitator reviews, embedded in the crate).
//! The planner gives such a day a pause at least every hour when it can hold it
//! ([`crate::rules::CARE_STRETCH`]); the déroulé asks the project lead for everyone's needs.

use crate::request::Request;
use serde::Deserialize;

/// The words file, as written by the network.
const SOURCE: &str = include_str!("care.yaml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    disability: Vec<String>,
}

fn parse(source: &str) -> Result<Vec<String>, serde_yaml::Error> {
    serde_yaml::from_str::<File>(source).map(|file| file.disability)
}

/// The words that name a disability, lower case.
fn disability_words() -> &'static [String] {
    static WORDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    // The file is part of the crate and a test parses it: no words is the safe reading if
    // it were ever broken (the request is planned as any other).
    WORDS.get_or_init(|| parse(SOURCE).unwrap_or_default())
}

/// Whether the request's title, objective sentences or calling questions name a disability
/// (« plusieurs participants sont en fauteuil », « Journée handicap et inclusion »).
///
/// ```
/// use facilitation::{analysis, Request};
/// let request = Request::builder("Journée handicap et inclusion")
///     .time("09:30", "16:30")
///     .participants(30)
///     .objective("vision")
///     .build()?;
/// assert!(analysis::names_a_disability(&request));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn names_a_disability(request: &Request) -> bool {
    let texts = std::iter::once(&request.title).chain(&request.objectives).chain(request.questions.values());
    let said: String = texts.map(|text| format!("{} ", text.to_lowercase())).collect();
    disability_words().iter().any(|word| said.contains(word.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_file_parses_and_names_words_in_lower_case() {
        let words = parse(SOURCE).unwrap();
        assert!(words.len() >= 10);
        assert!(words.iter().all(|word| *word == word.to_lowercase()), "{words:?}");
    }
}
