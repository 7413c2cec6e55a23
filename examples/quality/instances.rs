//! Small random planning instances: a sub-catalogue of 10 to 14 built-in methods and a
//! request of 1 to 3 hours on the five-minute grain, without lunch.

use facilitation::{Catalogue, Method, Objective, Phase, Request};
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, RngCore};

/// One instance.
pub struct Instance {
    /// The request.
    pub request: Request,
    /// The methods it may use.
    pub catalogue: Catalogue,
}

/// A random instance; at least two methods of the sub-catalogue can open and two can close
/// for the group, so that most instances are feasible.
pub fn instance(rng: &mut impl RngCore) -> Instance {
    let participants = *[8u32, 12, 16, 20, 25, 30].choose(rng).unwrap_or(&12);
    let all: Vec<&Method> = Catalogue::builtin().iter().collect();
    let fits = |m: &&Method| m.participants.contains(participants) && m.facilitators_for(participants) <= 2;
    let mut chosen: Vec<&Method> = Vec::new();
    for phase in [Phase::Opening, Phase::Closing] {
        let framing: Vec<&Method> = all.iter().copied().filter(fits).filter(|m| m.has_phase(phase)).collect();
        chosen.extend(framing.choose_multiple(rng, 2));
    }
    let size: usize = rng.random_range(10..=14);
    let mut rest: Vec<&Method> =
        all.iter().copied().filter(|m| !chosen.iter().any(|c| c.id == m.id)).collect();
    rest.shuffle(rng);
    chosen.extend(rest.into_iter().take(size.saturating_sub(chosen.len())));
    let mut catalogue = Catalogue::default();
    for method in &chosen {
        catalogue.insert((*method).clone());
    }
    let mut served: Vec<Objective> =
        chosen.iter().copied().filter(fits).flat_map(|m| m.objectives.iter().copied()).collect();
    served.sort();
    served.dedup();
    let count = rng.random_range(1..=3).min(served.len());
    let objectives: Vec<&Objective> = served.choose_multiple(rng, count).collect();
    let minutes = 60 + 15 * rng.random_range(0..=8);
    let start = if rng.random_bool(0.5) { "09:00" } else { "14:00" };
    let mut builder =
        Request::builder("Instance").start_for(start, minutes).participants(participants).facilitators(2);
    for objective in objectives {
        builder = builder.objective(objective.id());
    }
    Instance { request: builder.build().expect("instances are valid requests"), catalogue }
}
