//! Free-sentence objectives are read in French and English, accents, case and inflections
//! ignored; a sentence naming two objectives stands for both.

use facilitation::Objective::*;
use facilitation::analysis::resolve;

#[test]
fn reads_co_construire_le_bilan_as_review() {
    assert_eq!(resolve("Co-construire le bilan").objectives, [Review]);
}

#[test]
fn reads_redonner_du_sens_as_remobilize() {
    assert_eq!(resolve("redonner du sens à nos missions").objectives, [Remobilize]);
}

#[test]
fn reads_a_sentence_naming_two_objectives_as_both() {
    let read = resolve("co-construire des pistes d'action avec les partenaires");
    assert_eq!(read.objectives, [ActionPlan, NetworkPartners]);
    assert!(!read.exact);
}

#[test]
fn ignores_accents_and_case() {
    assert_eq!(resolve("HARMONISER LES PRATIQUES").objectives, [HarmonizePractices]);
    assert_eq!(resolve("Évaluer la séance").objectives, [Feedback]);
}

#[test]
fn reads_english_sentences() {
    assert_eq!(resolve("Build an action plan with our partners").objectives, [ActionPlan, NetworkPartners]);
}

#[test]
fn takes_an_objective_id_as_is() {
    let read = resolve("resolve-irritants");
    assert_eq!(read.objectives, [ResolveIrritants]);
    assert!(read.exact);
}

#[test]
fn a_sentence_naming_nothing_maps_to_nothing() {
    assert!(resolve("que tout le monde soit content").objectives.is_empty());
}
