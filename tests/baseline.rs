//! The greedy baseline of `examples/quality`: a whole agenda that fills the session, in
//! the diamond's order, that the checker accepts when its methods' ranges allow.

#[path = "../examples/quality/baseline.rs"]
mod baseline;
#[path = "../examples/quality/instances.rs"]
mod instances;

use facilitation::{Catalogue, Phase, Request, SlotKind, check};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

#[test]
fn the_greedy_agenda_fills_the_session_without_gaps_in_phase_order() {
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    for _ in 0..40 {
        let instance = instances::instance(&mut rng, instances::REALISTIC).expect("an instance");
        let Some(agenda) = baseline::greedy(&instance.request, &instance.catalogue) else { continue };
        assert_eq!(agenda.slots.first().map(|s| s.start), Some(instance.request.start));
        assert_eq!(agenda.slots.last().map(|s| s.end), instance.request.end_time());
        assert!(agenda.slots.windows(2).all(|pair| pair[0].end == pair[1].start));
        let phases: Vec<Phase> = agenda.slots.iter().filter_map(|s| s.phase).collect();
        assert!(phases.windows(2).all(|pair| pair[0] <= pair[1]), "{phases:?}");
    }
}

#[test]
fn a_plain_morning_gets_a_valid_greedy_agenda_with_its_breaks() {
    let request = Request::builder("Bilan")
        .time("09:00", "12:00")
        .participants(24)
        .facilitators(2)
        .objective("review")
        .objective("action-plan")
        .build()
        .unwrap();
    let catalogue = Catalogue::builtin();
    let agenda = baseline::greedy(&request, catalogue).expect("the catalogue opens and closes");
    let report = check(&agenda, &request, catalogue);
    assert!(report.is_valid(), "{:?}", report.violations);
    assert!(agenda.slots.iter().any(|s| s.kind == SlotKind::Break));
}
