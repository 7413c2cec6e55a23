//! Which calling questions ask each one to tell something lived: the words that say so
//! (`stories.yaml`, data a facilitator reviews, embedded in the crate). A story is told in
//! a method that gathers experiences, not in one that draws a vision or votes.

use super::wordlist;

/// The words file, as written by the network.
const SOURCE: &str = include_str!("stories.yaml");

/// The words that ask for a story, lower case.
fn story_words() -> &'static [String] {
    static WORDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    // The file is part of the crate and a test parses it: no words is the safe reading if
    // it were ever broken (every question is then read as any other).
    WORDS.get_or_init(|| wordlist::parse(SOURCE, "story").unwrap_or_default())
}

/// Whether a calling question asks each one to tell something lived.
///
/// ```
/// use facilitation::analysis;
/// assert!(analysis::asks_for_a_story("Racontez un moment où votre travail a compté"));
/// assert!(!analysis::asks_for_a_story("Que ferons-nous d'ici la rentrée ?"));
/// ```
pub fn asks_for_a_story(question: &str) -> bool {
    wordlist::holds_any(&question.to_lowercase().replace('’', "'"), story_words())
}
