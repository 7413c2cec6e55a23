//! What a request says of participants whose disability the session must be run with:
//! the words that name one (`care.yaml`, data a facilitator reviews, embedded in the crate).
//! The planner gives such a day a pause at least every hour when it can hold it
//! ([`crate::rules::CARE_STRETCH`]); the déroulé asks the project lead for everyone's needs.

use super::wordlist;
use crate::request::Request;

/// The words file, as written by the network.
const SOURCE: &str = include_str!("care.yaml");

/// The words that name a disability, lower case.
fn disability_words() -> &'static [String] {
    static WORDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    wordlist::cached(&WORDS, SOURCE, "disability")
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
    wordlist::holds_any(&said, disability_words())
}
