//! The exact oracle of `examples/quality`: its optimum is a valid agenda, its cuts never
//! lose the optimum, and the planner comes close to it on small instances.

#[path = "../examples/quality/instances.rs"]
mod instances;
#[path = "../examples/quality/oracle.rs"]
mod oracle;

use facilitation::{Catalogue, Planner, Request, check, score};
use instances::Instance;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// Small random instances of `minutes` minutes (shorter than the quality run's, so that
/// the tests stay quick in a debug build), with their optimum.
fn solved(seed: u64, count: usize, minutes: u32) -> Vec<(Instance, oracle::Best)> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut solved = Vec::new();
    for _ in 0..200 {
        if solved.len() == count {
            break;
        }
        let mut instance = instances::instance(&mut rng);
        instance.request.end = None;
        instance.request.duration = Some(minutes);
        if let Some(best) = oracle::best(&instance.request, &instance.catalogue) {
            solved.push((instance, best));
        }
    }
    assert_eq!(solved.len(), count, "too few feasible instances");
    solved
}

fn total(agenda: &facilitation::Agenda, request: &Request, catalogue: &Catalogue) -> f64 {
    score::score(agenda, &agenda.objectives, request.with_users(), catalogue).total()
}

#[test]
fn the_optimum_is_an_agenda_the_checker_accepts_with_the_score_claimed() {
    for (instance, best) in solved(1, 4, 75) {
        let report = check(&best.agenda, &instance.request, &instance.catalogue);
        assert!(report.is_valid(), "{:?}", report.violations);
        let rescored = total(&best.agenda, &instance.request, &instance.catalogue);
        assert!((rescored - best.score).abs() < 1e-9);
        assert_eq!(best.agenda.minutes(), 75);
    }
}

#[test]
fn the_cuts_never_lose_the_optimum() {
    for (instance, best) in solved(2, 3, 90) {
        let every = oracle::best_without_cuts(&instance.request, &instance.catalogue).unwrap();
        assert!((every.score - best.score).abs() < 1e-9, "{} against {}", best.score, every.score);
        assert!(every.timings >= best.timings && best.sequences > 0);
    }
}

#[test]
fn the_planner_comes_within_five_percent_of_the_optimum() {
    for (instance, best) in solved(3, 4, 90) {
        let plan = Planner::new(&instance.catalogue).plan(&instance.request).unwrap();
        let planned = total(&plan.agenda, &instance.request, &instance.catalogue);
        assert!(planned >= 0.95 * best.score, "planner {planned:.2}, optimum {:.2}", best.score);
    }
}

#[test]
fn a_request_needing_lunch_is_outside_the_oracle_space() {
    let request =
        Request::builder("Journée").time("09:00", "16:00").participants(20).objective("review").build();
    assert!(oracle::best(&request.unwrap(), Catalogue::builtin()).is_none());
}
