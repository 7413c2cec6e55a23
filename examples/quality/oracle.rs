//! An exact oracle for small planning instances: the best agenda under the planner's own
//! scoring function ([`facilitation::score::score`]), found by an exhaustive branch and
//! bound that shares no search code with the planner.
//!
//! # The space searched
//!
//! Every agenda the checker accepts for the request, at a five-minute grain, that:
//! - opens with a welcome of 5 to 30 minutes and then runs method slots, each method once
//!   (a `split` method in one part, or in two parts of at least 20 minutes around a break),
//!   in the order of the phases (one opening first, one closing last, the working phases
//!   in between in the diamond's order, repeated or skipped at will);
//! - puts a break of 10, 15 or 20 minutes, or none, between two method slots;
//! - names, on each slot, every objective of the request its method serves (or, when it
//!   serves none, the method's first objective: the score only counts the request's).
//!
//! Requests that need a lunch are outside the space ([`best`] returns `None`).
//!
//! # Why it is exact
//!
//! The score is a weighted sum of components ([`Component`]). Seven of them (coverage,
//! arc, diverge-first, multi-objective, energy after lunch, variety, profile fit) depend
//! only on the sequence of (method, phase) pairs; the last three (`time_share`,
//! `timing_fit`, `pace`) depend on the clock too and lie in [0, 1]. So the oracle:
//! 1. enumerates every sequence of the space whose shortest run fits the session, and
//!    scores its sequence part `A` exactly (the full score minus the three clock parts);
//! 2. for each sequence, by decreasing `A`, enumerates every timing (welcome, minutes,
//!    parts, breaks) depth first, cutting a branch only when even a perfect completion
//!    cannot beat the best agenda found: the bound gives `time_share` and `pace` their
//!    maximum 1 and `timing_fit` the value it would have if every unassigned method ran at the minutes
//!    closest to its typical length, which no completion can exceed. Sequences whose `A`
//!    plus the largest possible clock part cannot beat the best are skipped whole.
//!
//! Every complete timing that survives is turned into an agenda, judged by the checker
//! and by the craft review (C1 to C11: the space holds only agendas a facilitator would
//! run), and scored by the crate's own function, so the oracle's optimum is a real, valid
//! agenda that keeps every craft rule. Dropping leaves only lowers the optimum, so the
//! bounds above stay admissible.

use facilitation::rules::{MIN_PART, WELCOME};
use facilitation::score::{Component, score};
use facilitation::{
    Agenda, Catalogue, ClockTime, Method, Objective, Phase, Request, Slot, SlotKind, check, craft,
};

/// The grain of every length, in minutes.
pub const GRAIN: u32 = 5;
/// The break lengths of the space.
pub const BREAKS: [u32; 3] = [10, 15, 20];
/// The weights of the three components that depend on the clock.
const W_SHARE: f64 = Component::TimeShare.weight();
const W_FIT: f64 = Component::TimingFit.weight();
const W_PACE: f64 = Component::Pace.weight();

/// The best agenda of the space and what finding it cost.
#[derive(Debug, Clone)]
pub struct Best {
    /// The optimum.
    pub agenda: Agenda,
    /// Its score (out of 100).
    pub score: f64,
    /// Sequences of (method, phase) enumerated.
    pub sequences: usize,
    /// Complete timings scored.
    pub timings: u64,
}

/// A method that can run in the session, with its figures for the group.
struct Choice<'a> {
    method: &'a Method,
    lengths: Vec<u32>,
    typical: u32,
    /// The smallest relative distance to its typical length any of its lengths reaches.
    closest: f64,
}

/// One method of a sequence.
#[derive(Clone, Copy)]
struct Item {
    choice: usize,
    phase: Phase,
}

/// A sequence with its exact sequence part.
struct Sequence {
    items: Vec<Item>,
    part: f64,
}

/// One slot of a timing under construction.
#[derive(Clone, Copy)]
enum Piece {
    Welcome(u32),
    Break(u32),
    Part(usize, u32),
}

/// Everything the search reads.
struct Space<'a> {
    request: &'a Request,
    catalogue: &'a Catalogue,
    objectives: Vec<Objective>,
    minutes: u32,
    choices: Vec<Choice<'a>>,
}

/// The best agenda for `request` with the methods of `catalogue`, or `None` when the space
/// holds no valid agenda (or the request needs a lunch, or is off the five-minute grain).
pub fn best(request: &Request, catalogue: &Catalogue) -> Option<Best> {
    search(request, catalogue, true)
}

/// [`best`] without any cut: every timing of every sequence is scored. Only for checking,
/// on tiny instances, that the cuts never lose the optimum.
#[allow(dead_code)]
pub fn best_without_cuts(request: &Request, catalogue: &Catalogue) -> Option<Best> {
    search(request, catalogue, false)
}

fn search(request: &Request, catalogue: &Catalogue, cuts: bool) -> Option<Best> {
    let space = Space::new(request, catalogue)?;
    let mut sequences = Vec::new();
    space.sequences(&mut Vec::new(), 0, &mut sequences);
    for sequence in &mut sequences {
        sequence.part = space.sequence_part(&sequence.items);
    }
    sequences.sort_by(|a, b| b.part.total_cmp(&a.part));
    let mut search = Search { best: None, best_score: f64::NEG_INFINITY, timings: 0, cuts };
    for sequence in &sequences {
        if cuts && sequence.part + W_SHARE + W_FIT + W_PACE <= search.best_score {
            break;
        }
        let closest: f64 = sequence.items.iter().map(|item| space.choices[item.choice].closest).sum();
        let k = sequence.items.len() as f64;
        if cuts && sequence.part + W_SHARE + W_PACE + W_FIT * (1.0 - closest / k) <= search.best_score {
            continue;
        }
        for welcome in (WELCOME.min..=WELCOME.max).step_by(GRAIN as usize) {
            let mut pieces = vec![Piece::Welcome(welcome)];
            let state = State { time: welcome, stretch: welcome, deviation: 0.0 };
            space.time(sequence, 0, state, closest, &mut pieces, &mut search);
        }
    }
    let (agenda, score) = search.best?;
    Some(Best { agenda, score, sequences: sequences.len(), timings: search.timings })
}

struct Search {
    best: Option<(Agenda, f64)>,
    best_score: f64,
    timings: u64,
    cuts: bool,
}

#[derive(Clone, Copy)]
struct State {
    time: u32,
    stretch: u32,
    deviation: f64,
}

impl<'a> Space<'a> {
    fn new(request: &'a Request, catalogue: &'a Catalogue) -> Option<Self> {
        let start = request.start.minutes();
        let minutes = request.minutes();
        let lunch = start <= 12 * 60 && start + minutes >= 13 * 60 + 30;
        if lunch || minutes % GRAIN != 0 {
            return None;
        }
        let n = request.participants;
        let choices = catalogue
            .iter()
            .filter(|m| {
                m.fits(n, request.format, request.level, request.breakout_rooms)
                    && m.facilitators_for(n) <= request.facilitators
                    && !request.exclude.contains(&m.id)
            })
            .filter_map(|method| {
                let range = method.minutes_for(n);
                let lengths: Vec<u32> =
                    (range.min.div_ceil(GRAIN) * GRAIN..=range.max).step_by(GRAIN as usize).collect();
                let typical = method.typical_minutes_for(n).max(1);
                let closest = lengths.iter().map(|m| deviation(*m, typical)).fold(f64::INFINITY, f64::min);
                (!lengths.is_empty()).then_some(Choice { method, lengths, typical, closest })
            })
            .collect();
        Some(Space { request, catalogue, objectives: request.analyse().objectives(), minutes, choices })
    }

    /// Every sequence that opens, moves through the phases in order and closes, serves
    /// every objective, holds every included method and can fit the session.
    fn sequences(&self, items: &mut Vec<Item>, least: u32, out: &mut Vec<Sequence>) {
        let last = items.last().map(|item| item.phase);
        for (index, choice) in self.choices.iter().enumerate() {
            if items.iter().any(|item| item.choice == index) {
                continue;
            }
            let least = least + choice.lengths[0];
            if WELCOME.min + least > self.minutes {
                continue;
            }
            for phase in choice.method.phases.iter().copied() {
                let allowed = match last {
                    None => phase == Phase::Opening,
                    Some(last) => phase != Phase::Opening && phase >= last,
                };
                if !allowed {
                    continue;
                }
                items.push(Item { choice: index, phase });
                if phase == Phase::Closing {
                    if self.complete(items) {
                        out.push(Sequence { items: items.clone(), part: 0.0 });
                    }
                } else {
                    self.sequences(items, least, out);
                }
                items.pop();
            }
        }
    }

    fn complete(&self, items: &[Item]) -> bool {
        let serves = |o: &Objective| items.iter().any(|item| self.choices[item.choice].method.serves(*o));
        let includes =
            |id: &facilitation::MethodId| items.iter().any(|item| self.choices[item.choice].method.id == *id);
        self.objectives.iter().all(serves) && self.request.include.iter().all(includes)
    }

    /// The score's sequence part: the total minus its three clock parts, at any timing.
    fn sequence_part(&self, items: &[Item]) -> f64 {
        let mut pieces = vec![Piece::Welcome(WELCOME.min)];
        pieces.extend(
            items.iter().enumerate().map(|(i, item)| Piece::Part(i, self.choices[item.choice].lengths[0])),
        );
        let agenda = self.agenda(items, &pieces);
        let s = score(&agenda, &self.objectives, self.request.with_users(), self.catalogue);
        s.sequence_part()
    }

    /// Every timing of the method at `index` and those after it, depth first.
    fn time(
        &self,
        sequence: &Sequence,
        index: usize,
        state: State,
        closest_left: f64,
        pieces: &mut Vec<Piece>,
        search: &mut Search,
    ) {
        let k = sequence.items.len() as f64;
        let bound = sequence.part + W_SHARE + W_PACE + W_FIT * (1.0 - (state.deviation + closest_left) / k);
        if search.cuts && bound <= search.best_score {
            return;
        }
        if index == sequence.items.len() {
            if state.time == self.minutes {
                self.judge(sequence, pieces, search);
            }
            return;
        }
        let choice = &self.choices[sequence.items[index].choice];
        let closest_left = closest_left - choice.closest;
        let pauses: &[u32] = if index == 0 { &[0] } else { &[0, 10, 15, 20] };
        for &pause in pauses {
            let paused = match pause {
                0 => state,
                _ => State { time: state.time + pause, stretch: 0, ..state },
            };
            if pause > 0 {
                pieces.push(Piece::Break(pause));
            }
            for &minutes in &choice.lengths {
                if let Some(after) = self.run(paused, minutes, choice) {
                    pieces.push(Piece::Part(index, minutes));
                    self.time(sequence, index + 1, after, closest_left, pieces, search);
                    pieces.pop();
                }
            }
            if choice.method.split {
                self.time_in_two_parts(sequence, index, paused, closest_left, pieces, search);
            }
            if pause > 0 {
                pieces.pop();
            }
        }
    }

    /// A split method in two parts of at least 20 minutes around a break.
    fn time_in_two_parts(
        &self,
        sequence: &Sequence,
        index: usize,
        state: State,
        closest_left: f64,
        pieces: &mut Vec<Piece>,
        search: &mut Search,
    ) {
        let choice = &self.choices[sequence.items[index].choice];
        for &total in &choice.lengths {
            for first in (MIN_PART..=total.saturating_sub(MIN_PART)).step_by(GRAIN as usize) {
                let Some(mid) = self.run(state, first, choice) else { continue };
                for pause in BREAKS {
                    let resumed = State { time: mid.time + pause, stretch: 0, deviation: state.deviation };
                    let Some(after) = self.run(resumed, total - first, choice) else { continue };
                    let after =
                        State { deviation: state.deviation + deviation(total, choice.typical), ..after };
                    pieces.extend([
                        Piece::Part(index, first),
                        Piece::Break(pause),
                        Piece::Part(index, total - first),
                    ]);
                    self.time(sequence, index + 1, after, closest_left, pieces, search);
                    pieces.truncate(pieces.len() - 3);
                }
            }
        }
    }

    /// The state after running `minutes` of a method, if the session and the stretch
    /// allow it.
    fn run(&self, state: State, minutes: u32, choice: &Choice) -> Option<State> {
        let time = state.time + minutes;
        let stretch = state.stretch + minutes;
        (time <= self.minutes && stretch <= self.request.max_stretch).then(|| State {
            time,
            stretch,
            deviation: state.deviation + deviation(minutes, choice.typical),
        })
    }

    fn judge(&self, sequence: &Sequence, pieces: &[Piece], search: &mut Search) {
        search.timings += 1;
        let agenda = self.agenda(&sequence.items, pieces);
        let valid = check(&agenda, self.request, self.catalogue).is_valid();
        if !valid || !craft::review(&agenda, self.request, self.catalogue).is_clean() {
            return;
        }
        let total = score(&agenda, &self.objectives, self.request.with_users(), self.catalogue).total();
        if total > search.best_score {
            search.best_score = total;
            search.best = Some((agenda, total));
        }
    }

    fn agenda(&self, items: &[Item], pieces: &[Piece]) -> Agenda {
        let mut clock = self.request.start;
        let mut slots = Vec::new();
        let mut parts = vec![0u32; items.len()];
        for piece in pieces {
            let (kind, minutes) = match piece {
                Piece::Welcome(m) => (SlotKind::Welcome, *m),
                Piece::Break(m) => (SlotKind::Break, *m),
                Piece::Part(_, m) => (SlotKind::Method, *m),
            };
            let end = clock.plus(minutes).unwrap_or(ClockTime::END_OF_DAY);
            let mut slot = Slot::new(kind, clock, end);
            if let Piece::Part(i, _) = piece {
                let method = self.choices[items[*i].choice].method;
                parts[*i] += 1;
                slot.method = Some(method.id.clone());
                slot.phase = Some(items[*i].phase);
                slot.objectives = self.objectives.iter().copied().filter(|o| method.serves(*o)).collect();
                if slot.objectives.is_empty() {
                    slot.objectives = method.objectives.first().copied().into_iter().collect();
                }
                slot.part = (parts[*i] > 1).then_some(parts[*i]);
            }
            slots.push(slot);
            clock = end;
        }
        Agenda {
            title: self.request.title.clone(),
            date: None,
            start: self.request.start,
            end: clock,
            participants: self.request.participants,
            facilitators: self.request.facilitators,
            format: self.request.format,
            objectives: self.objectives.clone(),
            seed: None,
            slots,
            team: Vec::new(),
        }
    }
}

/// The score's distance of a run from its typical length (see `timing_fit`).
fn deviation(minutes: u32, typical: u32) -> f64 {
    (f64::from(minutes.abs_diff(typical)) / f64::from(typical.max(1))).min(1.0)
}
