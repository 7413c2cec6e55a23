//! What a calling question asks of each one: to tell something lived (« Racontez un moment
//! où… »), or to say what they need from the others (« De quoi avez-vous besoin des
//! autres… »). The words that say so are data a facilitator reviews (`stories.yaml`,
//! `needs.yaml`), embedded in the crate. A story is told in a method that gathers
//! experiences, not in one that draws a vision or votes; what each needs from the others
//! is settled in a method where the group agrees how it works together, not in a
//! consultation in trios.

use super::wordlist;
use std::sync::OnceLock;

/// The words that ask for a story, lower case.
fn story_words() -> &'static [String] {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    wordlist::cached(&WORDS, include_str!("stories.yaml"), "story")
}

/// The words that ask what each one needs from the others, lower case.
fn needs_words() -> &'static [String] {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    wordlist::cached(&WORDS, include_str!("needs.yaml"), "needs")
}

/// Whether `question` holds any of `words`, read in lower case with plain apostrophes.
fn asks(question: &str, words: &[String]) -> bool {
    wordlist::holds_any(&question.to_lowercase().replace('’', "'"), words)
}

/// Whether a calling question asks each one to tell something lived.
///
/// ```
/// use facilitation::analysis;
/// assert!(analysis::asks_for_a_story("Racontez un moment où votre travail a compté"));
/// assert!(!analysis::asks_for_a_story("Que ferons-nous d'ici la rentrée ?"));
/// ```
pub fn asks_for_a_story(question: &str) -> bool {
    asks(question, story_words())
}

/// Whether a calling question asks what each one needs from the others: the group then
/// settles how it works together.
///
/// ```
/// use facilitation::analysis;
/// assert!(analysis::asks_what_each_needs("De quoi avez-vous besoin des autres pour travailler sereinement ?"));
/// assert!(!analysis::asks_what_each_needs("De quoi avez-vous besoin pour réussir ce projet ?"));
/// ```
pub fn asks_what_each_needs(question: &str) -> bool {
    asks(question, needs_words())
}
