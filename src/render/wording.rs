//! The kit's wording that follows the vocabulary (transitions per phase and per product,
//! plain words per phase,
//! what each objective produces, a first wording of its calling question, the questions to
//! settle with the project lead), kept as
//! data in `wording.yaml`.

use crate::text::Text;
use crate::vocabulary::{Objective, Phase, Product};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

const SOURCE: &str = include_str!("wording.yaml");

/// What is said about one phase.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PhaseWords {
    /// Said aloud when the group moves into the phase.
    pub transition: Text,
    /// What the group does in it, in plain words.
    pub does: Text,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Wording {
    into_work: Text,
    carry_on: Text,
    known_group: Text,
    products: BTreeMap<String, Text>,
    phases: BTreeMap<String, PhaseWords>,
    objectives: BTreeMap<String, Text>,
    questions: BTreeMap<String, Text>,
    checklist: Vec<Text>,
}

/// The embedded wording; a test checks that it reads and covers the whole vocabulary, so
/// the empty fallback is never what a user sees.
fn wording() -> &'static Wording {
    static WORDING: OnceLock<Wording> = OnceLock::new();
    WORDING.get_or_init(|| serde_yaml::from_str(SOURCE).unwrap_or_default())
}

/// The words of `phase`.
pub(super) fn phase(phase: Phase) -> Option<&'static PhaseWords> {
    wording().phases.get(phase.id())
}

/// Said when a content sequence whose method gives `product` first moves into a new phase.
pub(super) fn starts(product: Product) -> Option<&'static Text> {
    wording().products.get(product.id())
}

/// Said when the first content sequence does not open up.
pub(super) fn into_work() -> &'static Text {
    &wording().into_work
}

/// Said to open the work of a group that knows itself (a team), instead of the opening
/// phase's « faisons connaissance ».
pub(super) fn known_group() -> &'static Text {
    &wording().known_group
}

/// Said when a sequence stays in the phase of the one before it.
pub(super) fn carry_on() -> &'static Text {
    &wording().carry_on
}

/// What the group leaves with for `objective`, in plain words.
pub(super) fn produces(objective: Objective) -> Option<&'static Text> {
    wording().objectives.get(objective.id())
}

/// A first wording of the calling question for `objective`, proposed when the request
/// gives none.
pub(super) fn draft_question(objective: Objective) -> Option<&'static Text> {
    wording().questions.get(objective.id())
}

/// The questions to settle with the project lead before the day.
pub(super) fn checklist() -> &'static [Text] {
    &wording().checklist
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wording_reads_and_covers_every_phase_and_objective() {
        let read: Wording = serde_yaml::from_str(SOURCE).expect("wording.yaml reads");
        for phase in Phase::ALL {
            let words = read.phases.get(phase.id()).expect("every phase has words");
            assert!(words.transition.has_english() && words.does.has_english(), "{phase}");
        }
        for product in Product::ALL {
            assert!(read.products.get(product.id()).is_some_and(Text::has_english), "{product}");
        }
        for objective in Objective::ALL {
            assert!(read.objectives.get(objective.id()).is_some_and(Text::has_english), "{objective}");
            assert!(read.questions.get(objective.id()).is_some_and(Text::has_english), "{objective}");
        }
        assert!(read.checklist.len() >= 5 && read.into_work.has_english() && read.carry_on.has_english());
        assert!(read.known_group.has_english());
    }
}
