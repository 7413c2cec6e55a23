//! Rendering for people: method cards and planned agendas as Markdown.
//!
//! Rendering never plans or checks anything: it reads a method or an agenda and writes
//! text in the language asked.

mod agenda;
mod card;

pub use agenda::{GROUND_RULES, plan_markdown};
pub use card::method_card;

use crate::text::Lang;
use crate::vocabulary::{Format, Grouping, Objective, Phase};

/// Joins the labels of vocabulary words with commas.
pub(crate) fn labels<T: Copy>(words: &[T], lang: Lang, label: impl Fn(T, Lang) -> &'static str) -> String {
    words.iter().map(|word| label(*word, lang)).collect::<Vec<_>>().join(", ")
}

/// Labels of phases, joined.
pub(crate) fn phase_labels(phases: &[Phase], lang: Lang) -> String {
    labels(phases, lang, Phase::label)
}

/// Labels of objectives, joined.
pub(crate) fn objective_labels(objectives: &[Objective], lang: Lang) -> String {
    labels(objectives, lang, Objective::label)
}

/// Labels of formats, joined.
pub(crate) fn format_labels(formats: &[Format], lang: Lang) -> String {
    labels(formats, lang, Format::label)
}

/// Labels of groupings, joined.
pub(crate) fn grouping_labels(groupings: &[Grouping], lang: Lang) -> String {
    labels(groupings, lang, Grouping::label)
}

/// Keeps a text on one line of a Markdown table.
pub(crate) fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}
