//! Realistic planning instances drawn from the built-in catalogue: every format, service
//! users among the profiles, 1 to 4 facilitators, 1 to 5 objectives, groups from 8 to 120
//! people (large ones need several facilitators per method: the pool is used), sessions
//! from one hour to a full day with lunch. Each instance uses a sub-catalogue of the
//! methods that can run for its group, so that the exact oracle stays within reach.

use facilitation::craft::lacks_subgroups;
use facilitation::rules::{closing_cap, opening_cap};
use facilitation::{Catalogue, Format, Level, Method, Objective, Phase, Profile, Request};
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, RngCore};

/// One instance.
pub struct Instance {
    /// The request.
    pub request: Request,
    /// The methods it may use.
    pub catalogue: Catalogue,
}

/// How big the instances are.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// Methods in the sub-catalogue, at most.
    pub methods: usize,
    /// Methods in the sub-catalogue of a full day, at most.
    pub methods_full_day: usize,
    /// The longest session, in minutes (a full day with lunch when [`FULL_DAY`] or more).
    pub longest: u32,
}

/// The shortest full day drawn, in minutes.
pub const FULL_DAY: u32 = 390;

/// The quality run's instances: up to 14 methods (9 on a full day), up to a full day.
pub const REALISTIC: Shape = Shape { methods: 14, methods_full_day: 9, longest: 450 };

/// A random instance of `shape`: drawn again until some method of its sub-catalogue can
/// open, some can close and some content method serves an objective (`None` only if a
/// thousand draws all fail, which the built-in catalogue never lets happen).
pub fn instance(rng: &mut impl RngCore, shape: Shape) -> Option<Instance> {
    (0..1000).find_map(|_| draw(rng, shape))
}

/// Whether some method opens and some closes.
fn frames(catalogue: &Catalogue) -> bool {
    [Phase::Opening, Phase::Closing].iter().all(|p| catalogue.iter().any(|m| m.has_phase(*p)))
}

fn draw(rng: &mut impl RngCore, shape: Shape) -> Option<Instance> {
    let participants = *[8u32, 12, 16, 20, 25, 30, 40, 50, 60, 80, 120].choose(rng).unwrap_or(&12);
    let facilitators = rng.random_range(1..=4);
    let format = *[Format::Onsite, Format::Onsite, Format::Onsite, Format::Remote, Format::Hybrid]
        .choose(rng)
        .unwrap_or(&Format::Onsite);
    let breakout_rooms = rng.random_bool(if format == Format::Onsite { 0.7 } else { 0.5 });
    let (start, minutes) = session(rng, shape.longest);
    // The methods a facilitator would consider: they run for this group and format (C6),
    // and an opening or a closing keeps to its cap (C2, C7).
    let fits = |m: &&Method| {
        m.fits(participants, format, Level::Advanced, breakout_rooms)
            && m.facilitators_for(participants) <= facilitators
            && !lacks_subgroups(m, format, breakout_rooms, participants)
    };
    let fitting: Vec<&Method> = Catalogue::builtin().iter().filter(fits).collect();
    // A full day chains twice as many methods: a smaller pool keeps the oracle in reach.
    let size = if minutes >= FULL_DAY { shape.methods.min(shape.methods_full_day) } else { shape.methods };
    let catalogue = sub_catalogue(rng, &fitting, size, minutes, participants);
    if !frames(&catalogue) {
        return None;
    }
    let mut builder = Request::builder("Instance")
        .start_for(start, minutes)
        .participants(participants)
        .facilitators(facilitators)
        .format(format)
        .breakout_rooms(breakout_rooms)
        .profile(Profile::Agents);
    for (profile, chance) in [(Profile::Users, 0.3), (Profile::Partners, 0.3), (Profile::Managers, 0.2)] {
        if rng.random_bool(chance) {
            builder = builder.profile(profile);
        }
    }
    // The objectives some content method serves; about one for every 45 minutes, as
    // project leads ask.
    let content = catalogue.iter().filter(|m| m.phases.iter().any(|p| !p.frames()));
    let mut served: Vec<Objective> = content.flat_map(|m| m.objectives.iter().copied()).collect();
    served.sort();
    served.dedup();
    let most = (minutes / 45).clamp(1, 5) as usize;
    if served.is_empty() {
        return None;
    }
    let count = rng.random_range(1..=most).min(served.len());
    for objective in served.choose_multiple(rng, count) {
        builder = builder.objective(objective.id());
    }
    Some(Instance { request: builder.build().ok()?, catalogue })
}

/// Two methods that can open and two that can close within their caps (one of them on
/// commitments when one fits), then others, up to `size`.
fn sub_catalogue(
    rng: &mut impl RngCore,
    fitting: &[&Method],
    size: usize,
    minutes: u32,
    n: u32,
) -> Catalogue {
    let mut chosen: Vec<&Method> = Vec::new();
    for (phase, cap) in [(Phase::Opening, opening_cap(minutes)), (Phase::Closing, closing_cap(minutes))] {
        let short = |m: &&Method| m.has_phase(phase) && m.minutes_for(n).min <= cap;
        let framing: Vec<&Method> = fitting.iter().copied().filter(short).collect();
        // Like the built-in catalogue, a trainer's always has a closing on commitments,
        // which C14 asks for whenever a result is expected.
        let (committing, others): (Vec<&Method>, Vec<&Method>) =
            framing.iter().partition(|m| phase == Phase::Closing && m.commits());
        let picks = committing.choose(rng).into_iter().chain(others.choose_multiple(rng, 2)).take(2);
        chosen.extend(picks.filter(|m| !chosen.iter().any(|c| c.id == m.id)).collect::<Vec<_>>());
    }
    let mut rest: Vec<&Method> =
        fitting.iter().copied().filter(|m| !chosen.iter().any(|c| c.id == m.id)).collect();
    rest.shuffle(rng);
    let size = rng.random_range(size.saturating_sub(4).max(chosen.len())..=size);
    chosen.extend(rest.into_iter().take(size.saturating_sub(chosen.len())));
    let mut catalogue = Catalogue::default();
    for method in chosen {
        catalogue.insert(method.clone());
    }
    catalogue
}

/// A start and a length: a meeting, a half day, or (one time in five, when `longest`
/// allows) a full day with lunch.
fn session(rng: &mut impl RngCore, longest: u32) -> (&'static str, u32) {
    if longest >= FULL_DAY && rng.random_bool(0.2) {
        let start = *["09:00", "09:30"].choose(rng).unwrap_or(&"09:00");
        return (start, FULL_DAY + 30 * rng.random_range(0..=(longest - FULL_DAY) / 30));
    }
    let start = *["09:00", "09:30", "14:00"].choose(rng).unwrap_or(&"09:00");
    let most = longest.min(if start == "14:00" { 210 } else { 180 });
    (start, 60 + 15 * rng.random_range(0..=(most.saturating_sub(60)) / 15))
}
