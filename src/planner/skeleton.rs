//! The first stage of the search: which methods, in which phases, in which order. A beam
//! search over sequences that move through the phases, ranked by the scoring function
//! applied to the unfinished sequence at typical durations.

use super::context::{Candidate, Context};
use crate::score::{Scored, score_slots};
use crate::vocabulary::{Energy, Objective, Phase};
use std::collections::HashSet;

/// Candidates kept per phase, best first, so that the search grows linearly with the
/// catalogue.
const PER_PHASE: usize = 9;
/// The most methods in one agenda.
const MAX_METHODS: usize = 12;

/// How many methods one phase may hold: one opening and one closing frame the session;
/// the working phases may chain a few.
fn most_in_phase(phase: Phase) -> usize {
    match phase {
        Phase::Opening | Phase::Closing => 1,
        _ => 3,
    }
}

/// One method of a skeleton, in a phase; `reopens` for an energiser right after lunch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Item {
    pub candidate: usize,
    pub phase: Phase,
    pub reopens: bool,
}

/// A sequence of methods, not yet timed.
#[derive(Debug, Clone)]
pub(crate) struct Skeleton {
    pub items: Vec<Item>,
    pub value: f64,
    covered: u32,
    min_minutes: u32,
    max_minutes: u32,
}

impl Skeleton {
    fn empty() -> Self {
        Skeleton { items: Vec::new(), value: 0.0, covered: 0, min_minutes: 0, max_minutes: 0 }
    }

    fn phase(&self) -> Option<Phase> {
        self.items.last().map(|item| item.phase)
    }

    fn uses(&self, candidate: usize) -> bool {
        self.items.iter().any(|item| item.candidate == candidate)
    }

    fn reopened(&self) -> bool {
        self.items.iter().any(|item| item.reopens)
    }
}

/// The pool of (candidate, phase) pairs the search draws from.
fn pool(context: &Context) -> Vec<(usize, Phase)> {
    let mut pool = Vec::new();
    for phase in Phase::ALL.iter().copied() {
        let mut ranked: Vec<(usize, f64)> = context
            .candidates
            .iter()
            .enumerate()
            .filter(|(_, c)| c.method.has_phase(phase))
            .map(|(i, c)| (i, relevance(context, c)))
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let included = ranked.iter().filter(|(i, _)| context.candidates[*i].included).map(|(i, _)| *i);
        let best = ranked.iter().take(PER_PHASE).map(|(i, _)| *i);
        let chosen: Vec<usize> = included.chain(best).collect();
        let mut seen = HashSet::new();
        pool.extend(chosen.into_iter().filter(|i| seen.insert(*i)).map(|i| (i, phase)));
    }
    pool
}

/// A static estimate of how much a candidate can bring, to keep the pool small.
fn relevance(context: &Context, candidate: &Candidate) -> f64 {
    let weight = context.priority(candidate);
    let users = if context.request.with_users() {
        match candidate.method.writing {
            crate::vocabulary::Writing::None => 1.0,
            crate::vocabulary::Writing::Light => 0.5,
            crate::vocabulary::Writing::Heavy => -2.0,
        }
    } else {
        0.0
    };
    let fit = 1.0 - (f64::from(candidate.typical) / f64::from(context.minutes.max(1))).min(1.0);
    weight * 3.0 + users + fit + if candidate.included { 100.0 } else { 0.0 }
}

/// Finds up to `keep` complete skeletons, best first.
pub(crate) fn search(context: &Context, beam_width: usize, keep: usize) -> Vec<Skeleton> {
    let pool = pool(context);
    let overhead = Overhead::of(context);
    let mut beam = vec![Skeleton::empty()];
    let mut finished: Vec<Skeleton> = Vec::new();
    // Sequences of the same methods in other phases time alike: keep one of each set.
    let mut seen_finished: HashSet<Vec<usize>> = HashSet::new();
    for _ in 0..MAX_METHODS {
        let mut next: Vec<Skeleton> = Vec::new();
        let mut seen: HashSet<(Vec<usize>, Option<Phase>)> = HashSet::new();
        for skeleton in &beam {
            for &(candidate, phase) in &pool {
                let Some(grown) = grow(context, &overhead, skeleton, candidate, phase) else { continue };
                if !seen.insert((method_set(&grown), grown.phase())) {
                    continue;
                }
                if is_complete(context, &overhead, &grown) && seen_finished.insert(method_set(&grown)) {
                    finished.push(grown.clone());
                }
                next.push(grown);
            }
        }
        if next.is_empty() {
            break;
        }
        next.sort_by(|a, b| b.value.total_cmp(&a.value));
        next.truncate(beam_width);
        beam = next;
    }
    finished.sort_by(|a, b| b.value.total_cmp(&a.value));
    finished.truncate(keep);
    finished
}

/// The sorted candidates of a sequence.
fn method_set(skeleton: &Skeleton) -> Vec<usize> {
    let mut set: Vec<usize> = skeleton.items.iter().map(|item| item.candidate).collect();
    set.sort_unstable();
    set
}

/// Minutes needed beside the methods: welcome, lunch, breaks.
struct Overhead {
    least: u32,
    most: u32,
}

impl Overhead {
    fn of(context: &Context) -> Self {
        let lunch = if context.lunch { (45, 90) } else { (0, 0) };
        let work = context.minutes.saturating_sub(lunch.0);
        let stretch = context.request.max_stretch.max(1);
        let breaks_needed = (work.saturating_sub(stretch)).div_ceil(stretch + 15);
        let breaks_most = work / 30;
        let breaks_needed = breaks_needed.saturating_sub(u32::from(context.lunch));
        Overhead { least: 5 + lunch.0 + 10 * breaks_needed, most: 30 + lunch.1 + 20 * breaks_most }
    }
}

fn grow(
    context: &Context,
    overhead: &Overhead,
    skeleton: &Skeleton,
    candidate: usize,
    phase: Phase,
) -> Option<Skeleton> {
    let c = &context.candidates[candidate];
    if skeleton.uses(candidate) {
        return None;
    }
    let reopens = match skeleton.phase() {
        None => {
            if phase != Phase::Opening {
                return None;
            }
            false
        }
        Some(last) if phase >= last => false,
        Some(last) => {
            let energiser = phase == Phase::Opening && c.method.energy == Energy::High;
            if !(context.lunch && energiser && !skeleton.reopened() && last != Phase::Closing) {
                return None;
            }
            true
        }
    };
    let in_phase = skeleton.items.iter().filter(|item| item.phase == phase && !item.reopens).count();
    if !reopens && in_phase >= most_in_phase(phase) {
        return None;
    }
    let min_minutes = skeleton.min_minutes + c.range.min;
    if min_minutes + overhead.least > context.minutes {
        return None;
    }
    let mut items = skeleton.items.clone();
    items.push(Item { candidate, phase, reopens });
    let mut grown = Skeleton {
        items,
        value: 0.0,
        covered: skeleton.covered | c.serves,
        min_minutes,
        max_minutes: skeleton.max_minutes.saturating_add(c.range.max),
    };
    grown.value = value(context, &grown);
    Some(grown)
}

fn is_complete(context: &Context, overhead: &Overhead, skeleton: &Skeleton) -> bool {
    let included =
        context.candidates.iter().enumerate().filter(|(_, c)| c.included).all(|(i, _)| skeleton.uses(i));
    skeleton.phase() == Some(Phase::Closing)
        && skeleton.covered == context.all_objectives()
        && included
        && (!skeleton.reopened() || context.lunch)
        && skeleton.max_minutes + overhead.most >= context.minutes
}

/// The score of the sequence at typical durations.
fn value(context: &Context, skeleton: &Skeleton) -> f64 {
    let objectives: Vec<Vec<Objective>> = skeleton
        .items
        .iter()
        .map(|item| context.slot_objectives(&context.candidates[item.candidate], item.phase))
        .collect();
    let slots: Vec<Scored> = skeleton
        .items
        .iter()
        .zip(&objectives)
        .map(|(item, objectives)| {
            let c = &context.candidates[item.candidate];
            Scored {
                method: c.method,
                phase: item.phase,
                objectives,
                minutes: c.typical,
                after_lunch: item.reopens,
            }
        })
        .collect();
    let with_users = context.request.with_users();
    let score = score_slots(
        &slots,
        &context.objectives,
        with_users,
        skeleton.reopened(),
        context.request.participants,
    );
    // Typical durations that overrun or underfill the session will be stretched or
    // shrunk: rank sequences whose typical length fits the session higher.
    let typical: u32 = slots.iter().map(|slot| slot.minutes).sum();
    let room = f64::from(context.minutes.saturating_sub(20).max(1));
    let fill = (f64::from(typical) / room).min(1.0);
    score.total() - 11.0 * score.timing_fit + 11.0 * fill
}
