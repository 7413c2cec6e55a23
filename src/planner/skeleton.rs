//! The first stage of the search: which methods, in which phases, in which order. A beam
//! search over sequences that move through the phases, ranked by the scoring function
//! applied to the unfinished sequence at typical durations.

use super::context::{Candidate, Context};
use crate::rules::{MIN_BREAK, MIN_LUNCH, WELCOME};
use crate::score::{Tally, WEIGHTS};
use crate::vocabulary::{Energy, Phase};
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A multiply-and-rotate hasher for the search's small integer keys: they come from the
/// planner itself, not from an adversary, and SipHash was a tenth of the planning time.
#[derive(Default)]
struct QuickHasher(u64);

impl Hasher for QuickHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.write_u64(u64::from(*byte));
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = (self.0.rotate_left(5) ^ value).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_u128(&mut self, value: u128) {
        self.write_u64(value as u64);
        self.write_u64((value >> 64) as u64);
    }

    fn write_usize(&mut self, value: usize) {
        self.write_u64(value as u64);
    }
}

type QuickMap<K, V> = HashMap<K, V, BuildHasherDefault<QuickHasher>>;

const W_COVERAGE: f64 = WEIGHTS[0];
const W_SHARE: f64 = WEIGHTS[7];
const W_FIT: f64 = WEIGHTS[8];
const W_PACE: f64 = WEIGHTS[9];

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

/// A sequence of methods, not yet timed. Fixed-size and `Copy`, so that growing one
/// allocates nothing.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Skeleton<'a> {
    items: [Item; MAX_METHODS],
    len: usize,
    /// The methods used, as bits over their places in the pool.
    used: u128,
    /// The score of the sequence so far, at typical lengths.
    tally: Tally<'a>,
    /// The score's part that only the sequence decides.
    pub part: f64,
    /// `part` plus an estimate of the parts the timing decides.
    pub value: f64,
    covered: u32,
    min_minutes: u32,
    max_minutes: u32,
    typical: u32,
    longest: u32,
}

impl<'a> Skeleton<'a> {
    fn empty(context: &Context) -> Self {
        let request = context.request;
        Skeleton {
            items: [Item { candidate: 0, phase: Phase::Opening, reopens: false }; MAX_METHODS],
            len: 0,
            used: 0,
            tally: Tally::new(context.objectives.len(), request.participants, request.with_users()),
            part: 0.0,
            value: 0.0,
            covered: 0,
            min_minutes: 0,
            max_minutes: 0,
            typical: 0,
            longest: 1,
        }
    }

    /// Its methods, in order.
    pub fn items(&self) -> &[Item] {
        &self.items[..self.len]
    }

    fn phase(&self) -> Option<Phase> {
        self.items().last().map(|item| item.phase)
    }

    fn reopened(&self) -> bool {
        self.items().iter().any(|item| item.reopens)
    }
}

/// One entry of the pool: a candidate in a phase, and the candidate's bit.
#[derive(Debug, Clone, Copy)]
struct Choice {
    candidate: usize,
    phase: Phase,
    bit: u128,
}

/// The pool of (candidate, phase) pairs the search draws from: the included methods and
/// the most relevant few of each phase, at most 128 methods in all.
fn pool(context: &Context) -> Vec<Choice> {
    let mut pool: Vec<Choice> = Vec::new();
    let mut bits: Vec<usize> = Vec::new();
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
        let mut seen = HashSet::new();
        for candidate in included.chain(best).filter(|i| seen.insert(*i)) {
            let bit = match bits.iter().position(|known| *known == candidate) {
                Some(at) => at,
                None if bits.len() < 128 => {
                    bits.push(candidate);
                    bits.len() - 1
                }
                None => continue,
            };
            pool.push(Choice { candidate, phase, bit: 1 << bit });
        }
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
pub(crate) fn search<'a>(context: &Context<'a>, beam_width: usize, keep: usize) -> Vec<Skeleton<'a>> {
    let pool = pool(context);
    let overhead = Overhead::of(context);
    let closings: Vec<u32> = pool
        .iter()
        .filter(|choice| choice.phase == Phase::Closing)
        .map(|choice| context.candidates[choice.candidate].serves)
        .collect();
    let mut beam = vec![Skeleton::empty(context)];
    let mut finished: Vec<Skeleton> = Vec::new();
    // Sequences of the same methods in other phases time alike: keep one of each set.
    let mut seen_finished: QuickMap<u128, usize> = QuickMap::default();
    for _ in 0..MAX_METHODS {
        let mut next: Vec<Skeleton> = Vec::new();
        // The same methods ending in the same phase grow alike: keep the better order.
        let mut seen: QuickMap<(u128, Option<Phase>), usize> = QuickMap::default();
        for skeleton in &beam {
            for choice in &pool {
                let Some(grown) = grow(context, &overhead, &closings, skeleton, choice) else { continue };
                if grown.phase() == Some(Phase::Closing) {
                    // Nothing follows a closing: a finished sequence leaves the beam.
                    if is_complete(context, &overhead, &grown) {
                        keep_better(&mut finished, &mut seen_finished, grown.used, grown);
                    }
                    continue;
                }
                keep_better(&mut next, &mut seen, (grown.used, grown.phase()), grown);
            }
        }
        if next.is_empty() {
            break;
        }
        beam = keep_diverse(next, beam_width);
    }
    let mut order: Vec<usize> = (0..finished.len()).collect();
    order.sort_by(|&a, &b| finished[b].value.total_cmp(&finished[a].value));
    order.into_iter().take(keep).map(|i| finished[i]).collect()
}

/// Adds `grown` to `list` unless a sequence with the same `key` is there; replaces that
/// one if `grown` is better.
fn keep_better<'a, K: Eq + std::hash::Hash>(
    list: &mut Vec<Skeleton<'a>>,
    index: &mut QuickMap<K, usize>,
    key: K,
    grown: Skeleton<'a>,
) {
    match index.entry(key) {
        Entry::Occupied(at) if list[*at.get()].value >= grown.value => {}
        Entry::Occupied(at) => list[*at.get()] = grown,
        Entry::Vacant(at) => {
            at.insert(list.len());
            list.push(grown);
        }
    }
}

/// The best `width` sequences, at most a third of them behind the same opening: an
/// opening that serves an objective scores early and would otherwise crowd out openings
/// whose sequences only pay off later.
fn keep_diverse<'a>(next: Vec<Skeleton<'a>>, width: usize) -> Vec<Skeleton<'a>> {
    // Skeletons are a few hundred bytes: sort their places, not them.
    let mut order: Vec<usize> = (0..next.len()).collect();
    order.sort_by(|&a, &b| next[b].value.total_cmp(&next[a].value));
    let cap = (width / 3).max(1);
    let mut per_opening: Vec<(usize, usize)> = Vec::new();
    let mut kept = Vec::with_capacity(width);
    for i in order {
        if kept.len() == width {
            break;
        }
        let opening = next[i].items[0].candidate;
        let count = match per_opening.iter_mut().find(|(candidate, _)| *candidate == opening) {
            Some((_, count)) => count,
            None => {
                per_opening.push((opening, 0));
                &mut per_opening.last_mut().expect("just pushed").1
            }
        };
        if *count < cap {
            *count += 1;
            kept.push(next[i]);
        }
    }
    kept
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

fn grow<'a>(
    context: &Context<'a>,
    overhead: &Overhead,
    closings: &[u32],
    skeleton: &Skeleton<'a>,
    choice: &Choice,
) -> Option<Skeleton<'a>> {
    let Choice { candidate, phase, bit } = *choice;
    let c = &context.candidates[candidate];
    if skeleton.used & bit != 0 || skeleton.len == MAX_METHODS {
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
    let in_phase = skeleton.items().iter().filter(|item| item.phase == phase && !item.reopens).count();
    if !reopens && in_phase >= most_in_phase(phase) {
        return None;
    }
    let min_minutes = skeleton.min_minutes + c.range.min;
    if min_minutes + overhead.least > context.minutes {
        return None;
    }
    let mut grown = *skeleton;
    grown.items[grown.len] = Item { candidate, phase, reopens };
    grown.len += 1;
    grown.used |= bit;
    grown.covered |= c.serves;
    grown.min_minutes = min_minutes;
    grown.max_minutes = skeleton.max_minutes.saturating_add(c.range.max);
    grown.typical += c.typical;
    grown.longest = grown.longest.max(c.typical);
    grown.tally.push(c.method, phase, c.serves, c.serves, c.typical, reopens);
    (grown.part, grown.value) = value(context, closings, &grown);
    Some(grown)
}

fn is_complete(context: &Context, overhead: &Overhead, skeleton: &Skeleton) -> bool {
    let uses = |i: usize| skeleton.items().iter().any(|item| item.candidate == i);
    let included = context.candidates.iter().enumerate().filter(|(_, c)| c.included).all(|(i, _)| uses(i));
    skeleton.phase() == Some(Phase::Closing)
        && skeleton.covered == context.all_objectives()
        && included
        && (!skeleton.reopened() || context.lunch)
        && skeleton.max_minutes + overhead.most >= context.minutes
}

/// The sequence's score, split into the part the timing cannot change and an estimate of
/// the rest. `part` is exact: every component but `time_share`, `timing_fit` and `pace` depends on
/// the sequence alone. `value` adds `time_share` at typical lengths, the `timing_fit` the
/// session's length allows (see [`fit_estimate`]) and, until the sequence closes, the
/// coverage the best closing could still add: every sequence ends with one, and without
/// that hope an opening that serves an objective early would crowd out the others.
fn value(context: &Context, closings: &[u32], skeleton: &Skeleton) -> (f64, f64) {
    let score = skeleton.tally.score(skeleton.reopened());
    let part = score.total() - W_SHARE * score.time_share - W_FIT * score.timing_fit - W_PACE * score.pace;
    let hope = match skeleton.phase() {
        Some(Phase::Closing) => 0.0,
        _ => closings.iter().map(|serves| context.weight_of(serves & !skeleton.covered)).fold(0.0, f64::max),
    };
    // Any sequence can keep a good pace: it does not rank them.
    let estimate =
        W_SHARE * score.time_share + W_FIT * fit_estimate(context, skeleton) + W_PACE + W_COVERAGE * hope;
    (part, part + estimate)
}

/// The best `timing_fit` the session's length seems to allow: the welcome, breaks and
/// lunch absorb what they can of the gap between the session and the methods' typical
/// lengths; what is left must stretch or shrink the methods, at best the longest one.
fn fit_estimate(context: &Context, skeleton: &Skeleton) -> f64 {
    let k = skeleton.len.max(1);
    let (typical, longest) = (skeleton.typical, skeleton.longest.max(1));
    let lunch = u32::from(context.lunch);
    let gaps = (k as u32).saturating_sub(1 + lunch);
    let segments = (typical + WELCOME.min).div_ceil(context.request.max_stretch.max(1));
    let breaks = segments.saturating_sub(1 + lunch).min(gaps);
    let least = WELCOME.min + lunch * MIN_LUNCH + breaks * MIN_BREAK;
    let most = WELCOME.max + lunch * 90 + gaps * 20;
    let gap = context.minutes.saturating_sub(typical);
    let excess = if context.minutes < typical + least {
        typical + least - context.minutes
    } else {
        gap.saturating_sub(most)
    };
    1.0 - (f64::from(excess) / f64::from(longest)).min(k as f64) / k as f64
}
