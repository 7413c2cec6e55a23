//! An exact oracle for planning instances: the best agenda under the planner's own scoring
//! function ([`facilitation::score::score`]), found by a branch and bound that shares no
//! search code with the planner, within a time budget.
//!
//! # The space searched
//!
//! Every agenda that the checker accepts and the craft review finds clean (C1 to C15),
//! whose slots all lie on the five-minute marks (C4, as the planner keeps them), that:
//! - opens with a welcome, then runs method slots whose phases never go back: one opening
//!   first (or a method that opens itself), working phases repeated or skipped at will,
//!   one closing, last; on a day with lunch, the afternoon may start again from an earlier
//!   phase right after the lunch, once: with one more method in `opening` (the energiser
//!   that reopens it) or with a method that opens up a subject the morning left alone once
//!   the morning settled its own ([`facilitation::score::opens_new_subject`]);
//! - labels each method slot with every objective of the request its method serves: the
//!   score counts a slot for what its method serves in its phase whatever the slot names
//!   ([`facilitation::score::counted`]), and naming more never breaks a rule (rule 11, C1
//!   and C5 ask for objectives named, none for objectives left out), so this labelling is
//!   the best of all: the optimum over it is the optimum over **any** labelling;
//! - cuts a `split` method into **any number** of parts of at least 20 minutes, separated
//!   by breaks or the lunch;
//! - puts between two slots no pause, a break of 10, 15 or 20 minutes (every length
//!   the planner uses, [`facilitation::rules::BREAKS`]), or, on a day that needs one (rule 9), the lunch: 45 to 75 minutes
//!   starting between 11:45 and 13:00 (C8).
//!
//! The planner's agendas keep every craft rule whenever one exists, and then all lie in
//! this space: their sequences follow the same phase order (with at most three methods
//! per working phase and twelve in all, a subset), relabelled they score the same and
//! keep every rule, their parts, breaks and lunches are among those enumerated.
//!
//! # Why it is exact
//!
//! The score is a weighted sum of components ([`Component`]). Seven of them depend on the
//! sequence of (method, phase) pairs; the clock parts (`time_share`,
//! `timing_fit`, `pace`) lie in [0, 1]. So the oracle:
//! 1. enumerates every sequence of the space whose shortest run fits the session and
//!    that keeps the rules a sequence alone decides (rule 11, `include`, C1, C6, C9, C10,
//!    C11, C15), and computes an upper bound `A` of its sequence part: the crate's own score of
//!    the sequence with one slot per method and no lunch (the score counts a split method
//!    once, however many parts it runs in; a lunch can only lower `energy_after_lunch`);
//! 2. for each sequence, by decreasing `A`, enumerates every timing depth first
//!    (lengths closest to the typical first), cutting a branch only when no completion can
//!    beat the best agenda found: `time_share` counted 1, `timing_fit` as if every method
//!    still to come ran at the length closest to its typical one, `pace` as if every pause
//!    still possible had the usual length. Cuts that only drop agendas the review or the
//!    checker would refuse (a pause after a run shorter than 40 minutes, C3; an opening or
//!    a closing or the energiser after lunch over its cap,
//!    C2 and C7; a welcome off its range, C2; a lunch outside its
//!    window, C8; a session that cannot be filled) lose nothing either.
//!
//! Every complete timing that survives becomes an agenda judged by the checker and by the
//! craft review, and scored by the crate's own function: the optimum is a real, valid
//! agenda that keeps every craft rule. An instance whose search outruns its budget is
//! reported as unfinished, with the best agenda found so far, never as an optimum.
//! `tests/oracle.rs` cross-checks the optimum against an enumerator written differently,
//! slot by slot over the clock, on small instances.

use facilitation::craft::{lacks_subgroups, too_much_writing};
use facilitation::rules::{
    self, CRAFT_LUNCH, CRAFT_LUNCH_WINDOW, CRAFT_PART, GRAIN, MIN_PART, MIN_RUN, closing_cap, energiser_cap,
    frame_cap, opening_cap, welcome_range,
};
use facilitation::score::{Component, break_misfit, for_request, length_misfit, method_misfit, usual_break};
use facilitation::{
    Agenda, Catalogue, ClockTime, Method, Objective, Phase, Request, Slot, SlotKind, check, craft,
};
use std::time::{Duration, Instant};

/// The break lengths of the space (the planner's).
pub const BREAKS: [u32; 3] = facilitation::rules::BREAKS;
/// The usual break, first tried.
const W_SHARE: f64 = Component::TimeShare.weight();
const W_FIT: f64 = Component::TimingFit.weight();
const W_PACE: f64 = Component::Pace.weight();
/// The most the clock can add to a sequence's part.
const CLOCK_REACH: f64 = W_SHARE + W_FIT + W_PACE;

/// What a search found.
#[derive(Debug, Clone)]
#[allow(dead_code)] // the tests read only some of it
pub struct Solved {
    /// The best agenda found and its score (out of 100), if any.
    pub best: Option<(Agenda, f64)>,
    /// Whether the search ran to its end: the best is then the optimum (and `None` means
    /// the space holds no agenda).
    pub finished: bool,
    /// Labelled sequences enumerated.
    pub sequences: usize,
    /// Complete timings judged.
    pub timings: u64,
}

/// The best agenda and its score, when the search finished and found one.
#[allow(dead_code)]
#[derive(Debug, Clone)]
pub struct Best {
    /// The optimum.
    pub agenda: Agenda,
    /// Its score (out of 100).
    pub score: f64,
}

/// The optimum for `request` with the methods of `catalogue`, without a time limit, or
/// `None` when the space holds no agenda (or the session is off the five-minute marks).
#[allow(dead_code)]
pub fn best(request: &Request, catalogue: &Catalogue) -> Option<Best> {
    let solved = solve(request, catalogue, Duration::MAX, true);
    solved.best.map(|(agenda, score)| Best { agenda, score })
}

/// [`best`] without any bound: every timing of every sequence is judged. Only for checking,
/// on tiny instances, that the bounds never lose the optimum.
#[allow(dead_code)]
pub fn best_without_cuts(request: &Request, catalogue: &Catalogue) -> Option<Best> {
    let solved = solve(request, catalogue, Duration::MAX, false);
    solved.best.map(|(agenda, score)| Best { agenda, score })
}

/// Searches within `budget`; `cuts` turns the score bounds on (the rules' cuts always
/// apply).
pub fn solve(request: &Request, catalogue: &Catalogue, budget: Duration, cuts: bool) -> Solved {
    let deadline = Instant::now().checked_add(budget);
    let mut search = Search {
        best: None,
        best_score: f64::NEG_INFINITY,
        timings: 0,
        cuts,
        deadline,
        late: false,
        steps: 0,
    };
    let Some(space) = Space::new(request, catalogue) else {
        return Solved { best: None, finished: true, sequences: 0, timings: 0 };
    };
    let mut sequences = Vec::new();
    space.sequences(&mut Vec::new(), 0, &mut sequences, &mut search);
    sequences.sort_by(|a, b| b.bound.total_cmp(&a.bound));
    let count = sequences.len();
    for sequence in &sequences {
        if search.late || (cuts && sequence.bound + CLOCK_REACH <= search.best_score) {
            break;
        }
        let fill = space.fill(sequence);
        space.time_sequence(sequence, &fill, &mut search);
    }
    Solved { best: search.best, finished: !search.late, sequences: count, timings: search.timings }
}

/// A method that can run in the session, with its figures for the group.
struct Choice<'a> {
    method: &'a Method,
    /// Its lengths (all parts together) on the five-minute marks, closest to typical first.
    lengths: Vec<u32>,
    least: u32,
    most: u32,
    typical: u32,
    /// The smallest relative distance to its typical length any of its lengths reaches.
    closest: f64,
    /// The request's objectives it serves, as bits over their ranks.
    serves: u32,
    /// A label that names none of the request's objectives (empty when all are).
    neutral: Vec<Objective>,
}

/// One method of a sequence, with its labelling.
#[derive(Clone, Copy)]
struct Item {
    choice: usize,
    phase: Phase,
    labels: u32,
}

/// A labelled sequence and the upper bound of its sequence part.
struct Sequence {
    items: Vec<Item>,
    bound: f64,
}

/// A piece of a timed session.
#[derive(Clone, Copy, Debug)]
enum Piece {
    Welcome(u32),
    Break(u32),
    Lunch(u32),
    Part(usize, u32),
}

/// Everything the search reads.
struct Space<'a> {
    request: &'a Request,
    catalogue: &'a Catalogue,
    objectives: Vec<Objective>,
    minutes: u32,
    /// The session's start, in minutes of the day.
    start: u32,
    lunch: bool,
    choices: Vec<Choice<'a>>,
}

struct Search {
    best: Option<(Agenda, f64)>,
    best_score: f64,
    timings: u64,
    cuts: bool,
    deadline: Option<Instant>,
    late: bool,
    /// Steps taken, to look at the clock now and then (it is not free).
    steps: u64,
}

impl Search {
    /// Whether the budget is spent.
    fn out_of_time(&mut self) -> bool {
        self.steps += 1;
        if !self.late && self.steps % 1024 == 0 {
            self.late = self.deadline.is_some_and(|deadline| Instant::now() > deadline);
        }
        self.late
    }
}

/// Where a timing stands.
#[derive(Clone, Copy)]
struct State {
    time: u32,
    /// Minutes of work since the last pause (the welcome counts).
    stretch: u32,
    lunched: bool,
    /// Summed distance of the finished methods to their typical length.
    deviation: f64,
    /// Summed misfit of the welcome and the pauses, and how many there are (`pace`).
    misfit: f64,
    frames: u32,
    paused: bool,
    /// Minutes of the leading openings so far (C2).
    opening: u32,
    welcome: u32,
    /// Content minutes of the slots naming the first objective, and of the others (C5).
    first: u32,
    others: u32,
}

impl<'a> Space<'a> {
    fn new(request: &'a Request, catalogue: &'a Catalogue) -> Option<Self> {
        let start = request.start.minutes();
        let minutes = request.minutes();
        if minutes % GRAIN != 0 || start % GRAIN != 0 {
            return None;
        }
        let objectives = request.analyse().objectives();
        let n = request.participants;
        let fits = |m: &&Method| {
            m.fits(n, request.format, request.level, request.breakout_rooms)
                && m.facilitators_for(n) <= request.facilitators
                && !request.exclude.contains(&m.id)
                && !lacks_subgroups(m, request.format, request.breakout_rooms, n)
        };
        let choices = catalogue
            .iter()
            .filter(fits)
            .filter_map(|method| {
                let range = method.minutes_for(n);
                let typical = method.typical_minutes_for(n).max(1);
                let mut lengths: Vec<u32> =
                    (range.min.div_ceil(GRAIN) * GRAIN..=range.max).step_by(GRAIN as usize).collect();
                if method.split {
                    lengths.retain(|m| *m >= MIN_PART);
                }
                lengths.sort_by_key(|m| m.abs_diff(typical));
                // The least misfit in any of its phases: a bound for every placement.
                let closest = lengths
                    .iter()
                    .flat_map(|m| {
                        method.phases.iter().map(move |phase| method_misfit(*m, typical, *phase, minutes))
                    })
                    .fold(f64::INFINITY, f64::min);
                let serves = mask(&objectives, &method.objectives);
                let neutral = method.objectives.iter().copied().find(|o| !objectives.contains(o));
                Some(Choice {
                    method,
                    least: *lengths.iter().min()?,
                    most: *lengths.iter().max()?,
                    lengths,
                    typical,
                    closest,
                    serves,
                    neutral: neutral.into_iter().collect(),
                })
            })
            .collect();
        let end = request.end_time()?;
        Some(Space {
            request,
            catalogue,
            objectives,
            minutes,
            start,
            lunch: rules::needs_lunch(request.start, end),
            choices,
        })
    }

    /// The fewest minutes any agenda needs besides its methods.
    fn overhead(&self) -> u32 {
        welcome_range(self.minutes).min + if self.lunch { CRAFT_LUNCH.min } else { 0 }
    }

    /// Every sequence that opens, never goes back in the phases and closes, and every
    /// labelling of it that keeps the rules a sequence decides.
    fn sequences(&self, items: &mut Vec<Item>, least: u32, out: &mut Vec<Sequence>, search: &mut Search) {
        if search.out_of_time() {
            return;
        }
        for (index, choice) in self.choices.iter().enumerate() {
            if items.iter().any(|item| item.choice == index) {
                continue;
            }
            let least = least + choice.least;
            if self.overhead() + least > self.minutes {
                continue;
            }
            for phase in choice.method.phases.iter().copied() {
                if !self.may_follow(items, choice, phase) {
                    continue;
                }
                items.push(Item { choice: index, phase, labels: 0 });
                if phase == Phase::Closing {
                    if self.complete(items) {
                        self.labelled(items, out);
                    }
                } else {
                    self.sequences(items, least, out, search);
                }
                items.pop();
            }
        }
    }

    /// Whether `choice` in `phase` may come after `items`: the phase order, C2, C7, C9,
    /// C10 and C15 (a content method serves one of the request's objectives).
    fn may_follow(&self, items: &[Item], choice: &Choice, phase: Phase) -> bool {
        let method = choice.method;
        let request = self.request;
        if too_much_writing(method, phase, request.with_users())
            || !self.serves_or_prepares(items, choice, phase)
        {
            return false;
        }
        if phase == Phase::Opening && choice.least > opening_cap(self.minutes) {
            return false;
        }
        if phase == Phase::Closing && choice.least > closing_cap(self.minutes) {
            return false;
        }
        let event = items.iter().any(|item| self.choices[item.choice].method.opens_itself);
        if event && !(phase.converges() || phase == Phase::Closing) {
            return false;
        }
        let Some(last) = items.last().map(|item| item.phase) else {
            return phase == Phase::Opening || method.opens_itself;
        };
        let in_order = phase >= last && phase != Phase::Opening;
        if in_order {
            return true;
        }
        let energiser = phase == Phase::Opening && choice.least <= energiser_cap(self.minutes);
        let new_subject = || {
            let before: Vec<_> =
                items.iter().map(|item| (self.choices[item.choice].method, item.phase)).collect();
            facilitation::score::opens_new_subject_after(&self.objectives, &before, method, phase)
        };
        self.lunch
            && !matches!(last, Phase::Opening | Phase::Closing)
            && !self.reopened(items)
            && (energiser || new_subject())
    }

    /// C15: `choice` serves one of the request's objectives or may prepare what the next
    /// method works on, and a method that prepared is followed by one it prepared, which
    /// serves or prepares in turn.
    fn serves_or_prepares(&self, items: &[Item], choice: &Choice, phase: Phase) -> bool {
        let may_prepare = facilitation::rules::prepares_in(phase) && !choice.method.gives.is_empty();
        if !phase.frames() && choice.serves == 0 && !may_prepare {
            return false;
        }
        let Some(last) = items.last() else { return true };
        let before = &self.choices[last.choice];
        let prepared = last.phase.frames() || before.serves != 0;
        prepared || facilitation::rules::prepares(before.method, last.phase, choice.method, phase)
    }

    /// Whether the afternoon already started again from an earlier phase.
    fn reopened(&self, items: &[Item]) -> bool {
        items.windows(2).any(|pair| pair[1].phase < pair[0].phase)
    }

    /// The rules the methods alone decide: every `include`, C1's last working phase, C11.
    fn complete(&self, items: &[Item]) -> bool {
        let uses =
            |id: &facilitation::MethodId| items.iter().any(|item| self.choices[item.choice].method.id == *id);
        let results = self.objectives.iter().any(|o| o.calls_for_result());
        let last_work = items.iter().rev().find(|item| item.phase != Phase::Closing);
        let said = facilitation::analysis::Said::of(self.request);
        let mut network = self
            .catalogue
            .iter()
            .filter(|m| craft::wanted_method_fits(m, self.request, &self.objectives, &said));
        self.request.include.iter().all(uses)
            && (!results || last_work.is_some_and(|item| item.phase.converges()))
            && network.all(|m| uses(&m.id))
    }

    /// The sequence with every objective of the request its methods serve named, when it
    /// names them all (rule 11), each result objective on a converging slot (C1) and each
    /// objective that needs work of its own on a content slot (C5):
    /// the score counts what a method serves whatever its slot names, and naming more
    /// never breaks a rule, so this labelling is the best of any.
    fn labelled(&self, items: &[Item], out: &mut Vec<Sequence>) {
        let full: Vec<Item> =
            items.iter().map(|item| Item { labels: self.choices[item.choice].serves, ..*item }).collect();
        if self.labelled_well(&full) {
            let bound = self.bound(&full);
            out.push(Sequence { items: full, bound });
        }
    }

    fn labelled_well(&self, items: &[Item]) -> bool {
        let named = items.iter().fold(0, |m, item| m | item.labels);
        let converged = items.iter().filter(|item| item.phase.converges()).fold(0, |m, item| m | item.labels);
        let results = self
            .objectives
            .iter()
            .enumerate()
            .filter(|(_, o)| o.calls_for_result())
            .fold(0, |m, (rank, _)| m | 1 << rank);
        // What a content slot works on, as the arc reads it (C5, as the review counts it).
        let masks = facilitation::score::ArcMasks::of(&self.objectives);
        let worked = items
            .iter()
            .filter(|item| !item.phase.frames())
            .map(|item| {
                facilitation::score::counted(self.choices[item.choice].method, item.phase, item.labels, masks)
            })
            .fold(0, |m, serves| m | serves);
        let need_content = self
            .objectives
            .iter()
            .enumerate()
            .filter(|(_, o)| !o.served_by_frames())
            .fold(0, |m, (rank, _)| m | 1 << rank);
        named == all(self.objectives.len()) && results & !converged == 0 && need_content & !worked == 0
    }

    /// The upper bound of the sequence part of any timing of `items` (see the module's
    /// docs): the score of one slot per method and no lunch.
    fn bound(&self, items: &[Item]) -> f64 {
        let pieces: Vec<Piece> = std::iter::once(Piece::Welcome(welcome_range(self.minutes).min))
            .chain(items.iter().enumerate().map(|(i, item)| Piece::Part(i, self.choices[item.choice].least)))
            .collect();
        let agenda = self.agenda(items, &pieces);
        for_request(&agenda, self.request, &self.objectives, self.catalogue).sequence_part()
    }

    fn time_sequence(&self, sequence: &Sequence, fill: &[[Vec<bool>; 2]], search: &mut Search) {
        let closest: f64 = sequence.items.iter().map(|item| self.choices[item.choice].closest).sum();
        let usual = rules::usual_welcome(self.minutes);
        let range = welcome_range(self.minutes);
        let mut welcomes: Vec<u32> = (range.min..=range.max).step_by(GRAIN as usize).collect();
        welcomes.sort_by_key(|m| m.abs_diff(usual));
        let (first_most, others_least) = self.content_left(sequence);
        for welcome in welcomes {
            let state = State {
                time: welcome,
                stretch: welcome,
                lunched: false,
                deviation: 0.0,
                misfit: length_misfit(welcome, usual),
                frames: 1,
                paused: false,
                opening: 0,
                welcome,
                first: 0,
                others: 0,
            };
            let pieces = vec![Piece::Welcome(welcome)];
            let content = (first_most.as_slice(), others_least.as_slice());
            let mut timing = Timing { sequence, pieces, closest_left: closest, fill, content };
            self.place(&mut timing, 0, state, search);
        }
    }

    /// The upper bound of any completion's total from `state`, with `closest_left` the
    /// best distance the methods still to time can reach.
    fn reach(&self, sequence: &Sequence, state: &State, closest_left: f64) -> f64 {
        let k = sequence.items.len() as f64;
        let left = self.minutes - state.time + state.stretch;
        let more_pauses = f64::from(left / MIN_RUN);
        let pace = 1.0 - state.misfit / (f64::from(state.frames) + more_pauses);
        sequence.bound + W_SHARE + W_FIT * (1.0 - (state.deviation + closest_left) / k) + W_PACE * pace
    }

    /// Whether `first` content minutes for the first objective and `others` for the rest
    /// can keep C5 (the review rounds the least share up: this test is looser).
    fn may_share(&self, first: u32, others: u32) -> bool {
        let count = self.objectives.len() as f64;
        let total = f64::from(first + others);
        count < 2.0 || f64::from(first) + 1e-9 >= total / count * rules::FIRST_OBJECTIVE_SHARE
    }

    /// See [`Timing::content`].
    fn content_left(&self, sequence: &Sequence) -> (Vec<u32>, Vec<u32>) {
        let mut first_most = vec![0; sequence.items.len() + 1];
        let mut others_least = vec![0; sequence.items.len() + 1];
        for (index, item) in sequence.items.iter().enumerate().rev() {
            let choice = &self.choices[item.choice];
            let (most, least) = match (item.phase.frames(), item.labels & 1 != 0) {
                (true, _) => (0, 0),
                (false, true) => (choice.most, 0),
                (false, false) => (0, choice.least),
            };
            first_most[index] = first_most[index + 1] + most;
            others_least[index] = others_least[index + 1] + least;
        }
        (first_most, others_least)
    }

    /// Whether the lunch, if still to come, can still start in its window (C8).
    fn can_fill(&self, state: &State) -> bool {
        let lunch_left = self.lunch && !state.lunched;
        !(lunch_left && self.start + state.time > CRAFT_LUNCH_WINDOW.1.minutes())
    }

    /// The durations each suffix of the sequence can fill (see [`Timing::fill`]).
    fn fill(&self, sequence: &Sequence) -> Vec<[Vec<bool>; 2]> {
        let size = (self.minutes / GRAIN) as usize + 1;
        let units = |m: u32| (m / GRAIN) as usize;
        let breaks: Vec<usize> = BREAKS.iter().map(|b| units(*b)).collect();
        let lunches: Vec<usize> =
            (CRAFT_LUNCH.min..=CRAFT_LUNCH.max).step_by(GRAIN as usize).map(units).collect();
        let mut empty = vec![false; size];
        empty[0] = true;
        let mut fill = vec![[empty, vec![false; size]]];
        for (index, item) in sequence.items.iter().enumerate().rev() {
            let choice = &self.choices[item.choice];
            let next = &fill[fill.len() - 1];
            let mut here = [vec![false; size], vec![false; size]];
            for (pending, set) in here.iter_mut().enumerate() {
                // What comes before the method: nothing, a break, or the lunch.
                let mut before: Vec<(usize, usize)> = vec![(0, pending)];
                if index > 0 {
                    before.extend(breaks.iter().map(|b| (*b, pending)));
                    if pending == 1 {
                        before.extend(lunches.iter().map(|l| (*l, 0)));
                    }
                }
                for (pause, after_pause) in before {
                    for (length, lunch_inside) in self.durations(choice, after_pause == 1, &breaks, &lunches)
                    {
                        let rest = &next[after_pause - usize::from(lunch_inside)];
                        for (d, reachable) in rest.iter().enumerate() {
                            let total = d + pause + length;
                            if *reachable && total < size {
                                set[total] = true;
                            }
                        }
                    }
                }
            }
            fill.push(here);
        }
        fill.reverse();
        fill
    }

    /// The durations (in five-minute steps) a method can take with the pauses between its
    /// parts, and whether the lunch is one of them (only when `lunch_left`).
    fn durations(
        &self,
        choice: &Choice,
        lunch_left: bool,
        breaks: &[usize],
        lunches: &[usize],
    ) -> Vec<(usize, bool)> {
        let units = |m: u32| (m / GRAIN) as usize;
        let mut out = Vec::new();
        for &total in &choice.lengths {
            out.push((units(total), false));
            if !choice.method.split {
                continue;
            }
            let most_pauses = (total / CRAFT_PART).saturating_sub(1) as usize;
            for pauses in 1..=most_pauses {
                // Breaks of 2 to 4 steps each: every sum between the least and the most.
                let (least, most) = (breaks[0] * pauses, breaks[breaks.len() - 1] * pauses);
                out.extend((least..=most).map(|p| (units(total) + p, false)));
                if lunch_left {
                    let (least, most) = (breaks[0] * (pauses - 1), breaks[breaks.len() - 1] * (pauses - 1));
                    for lunch in lunches {
                        out.extend((least..=most).map(|p| (units(total) + p + lunch, true)));
                    }
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Every timing of the method at `index` and those after it, depth first.
    fn place(&self, timing: &mut Timing, index: usize, state: State, search: &mut Search) {
        if search.out_of_time() {
            return;
        }
        let sequence = timing.sequence;
        if search.cuts && self.reach(sequence, &state, timing.closest_left) <= search.best_score {
            return;
        }
        if index == sequence.items.len() {
            let last_run = !state.paused || state.stretch >= MIN_RUN;
            if state.time == self.minutes && last_run && (state.lunched || !self.lunch) {
                self.judge(sequence, &timing.pieces, search);
            }
            return;
        }
        let pending = usize::from(self.lunch && !state.lunched);
        let left = ((self.minutes - state.time) / GRAIN) as usize;
        if !timing.fill[index][pending].get(left).copied().unwrap_or(false) || !self.can_fill(&state) {
            return;
        }
        if !self.may_share(state.first + timing.content.0[index], state.others + timing.content.1[index]) {
            return;
        }
        let closest = self.choices[sequence.items[index].choice].closest;
        timing.closest_left -= closest;
        let mut pauses = if index == 0 { Vec::new() } else { self.pauses(&state) };
        // The energiser that reopens the afternoon comes right after lunch, as the planner
        // places it.
        let reopens = index > 0 && sequence.items[index].phase < sequence.items[index - 1].phase;
        if reopens {
            pauses.retain(|pause| matches!(pause, Piece::Lunch(_)));
        } else {
            self.run_item(timing, index, state, 0, search);
        }
        for pause in pauses {
            timing.pieces.push(pause);
            self.run_item(timing, index, self.after_pause(state, pause), 0, search);
            timing.pieces.pop();
        }
        timing.closest_left += closest;
    }

    /// The pauses that may come now: after a run of at least 40 minutes (60 for the first
    /// of a long session, C3), a break, or the lunch when the session needs one and the
    /// clock is in its window (C8).
    fn pauses(&self, state: &State) -> Vec<Piece> {
        if state.stretch < rules::least_run(self.minutes, !state.paused) {
            return Vec::new();
        }
        let usual = usual_break(self.minutes, self.request.with_users());
        let mut pauses = vec![Piece::Break(usual)];
        pauses.extend(BREAKS.iter().filter(|b| **b != usual).map(|b| Piece::Break(*b)));
        let clock = self.start + state.time;
        let window = CRAFT_LUNCH_WINDOW.0.minutes()..=CRAFT_LUNCH_WINDOW.1.minutes();
        if self.lunch && !state.lunched && window.contains(&clock) {
            let mut lunches: Vec<u32> = (CRAFT_LUNCH.min..=CRAFT_LUNCH.max).step_by(GRAIN as usize).collect();
            lunches.sort_by_key(|m| m.abs_diff(facilitation::score::USUAL_LUNCH));
            pauses.extend(lunches.into_iter().map(Piece::Lunch));
        }
        pauses
    }

    fn after_pause(&self, state: State, pause: Piece) -> State {
        let (minutes, misfit, lunched) = match pause {
            Piece::Lunch(m) => (m, length_misfit(m, facilitation::score::USUAL_LUNCH), true),
            Piece::Break(m) => (m, break_misfit(m, self.minutes, self.request.with_users()), state.lunched),
            _ => (0, 0.0, state.lunched),
        };
        // In a clean agenda every run is at least 40 minutes: a pause's misfit is its length's.
        State {
            time: state.time + minutes,
            stretch: 0,
            lunched,
            misfit: state.misfit + misfit / 3.0,
            frames: state.frames + 1,
            paused: true,
            ..state
        }
    }

    /// Runs the method at `index`, `used` minutes of it already behind: the rest in one
    /// part, or (a split method) one more part, a pause, and what is left.
    fn run_item(&self, timing: &mut Timing, index: usize, state: State, used: u32, search: &mut Search) {
        let item = timing.sequence.items[index];
        let choice = &self.choices[item.choice];
        let lengths: Vec<u32> = if used == 0 && !choice.method.split {
            choice.lengths.clone()
        } else {
            let mut parts: Vec<u32> =
                (CRAFT_PART..=choice.most.saturating_sub(used)).step_by(GRAIN as usize).collect();
            parts.sort_by_key(|p| (used + p).abs_diff(choice.typical));
            parts
        };
        // C3: a method in rounds is cut once its rotation has begun and before its last round.
        let (first_part, last_part) = choice
            .method
            .split
            .then(|| rules::split_parts(choice.method, self.request.participants))
            .flatten()
            .unwrap_or((0, 0));
        let gap = choice
            .method
            .split
            .then(|| rules::first_part_gap(choice.method, self.request.participants))
            .flatten();
        for minutes in lengths {
            let Some(after) = self.work(state, minutes, item, index, timing) else { continue };
            timing.pieces.push(Piece::Part(index, minutes));
            let total = used + minutes;
            // C3: the rounds after the pause run no longer than those before it.
            let balanced =
                used == 0 || rules::last_part_most(choice.method, used).is_none_or(|most| minutes <= most);
            let last_holds = used == 0 || (minutes >= last_part && balanced);
            if !choice.method.split || ((choice.least..=choice.most).contains(&total) && last_holds) {
                let done = State {
                    deviation: after.deviation
                        + method_misfit(total, choice.typical, item.phase, self.minutes),
                    ..after
                };
                self.place(timing, index + 1, done, search);
            }
            let first_holds = used > 0 || (minutes >= first_part && !rules::in_gap(gap, minutes));
            if choice.method.split && first_holds && total + CRAFT_PART.max(last_part) <= choice.most {
                // C3: only a day's method resumes after lunch or takes a second pause.
                let cuts = timing
                    .pieces
                    .iter()
                    .filter(|piece| matches!(piece, Piece::Part(i, _) if *i == index))
                    .count()
                    - 1;
                let allowed = |pause: &Piece| {
                    rules::may_cut(choice.method, cuts as u32, matches!(pause, Piece::Lunch(_)))
                };
                for pause in self.pauses(&after).into_iter().filter(allowed) {
                    timing.pieces.push(pause);
                    self.run_item(timing, index, self.after_pause(after, pause), total, search);
                    timing.pieces.pop();
                }
            }
            timing.pieces.pop();
        }
    }

    /// The state after `minutes` more of the method, if the session, the stretch and the
    /// caps of the opening (C2) and the closing (C7) allow them.
    fn work(&self, state: State, minutes: u32, item: Item, index: usize, timing: &Timing) -> Option<State> {
        let time = state.time + minutes;
        let stretch = state.stretch + minutes;
        if time > self.minutes || stretch > self.request.max_stretch {
            return None;
        }
        let leading = item.phase == Phase::Opening
            && timing.sequence.items[..index].iter().all(|i| i.phase == Phase::Opening);
        let opening = state.opening + if leading { minutes } else { 0 };
        if opening > opening_cap(self.minutes) || opening + state.welcome > frame_cap(self.minutes) {
            return None;
        }
        let energiser = item.phase == Phase::Opening && !leading;
        if (item.phase == Phase::Closing && minutes > closing_cap(self.minutes))
            || (energiser && minutes > energiser_cap(self.minutes))
        {
            return None;
        }
        let content = if item.phase.frames() { 0 } else { minutes };
        let (first, others) = match item.labels & 1 != 0 {
            true => (state.first + content, state.others),
            false => (state.first, state.others + content),
        };
        Some(State { time, stretch, opening, first, others, ..state })
    }

    fn judge(&self, sequence: &Sequence, pieces: &[Piece], search: &mut Search) {
        search.timings += 1;
        let agenda = self.agenda(&sequence.items, pieces);
        let report = check(&agenda, self.request, self.catalogue);
        let review = craft::review(&agenda, self.request, self.catalogue);
        if !report.is_valid() || !review.is_clean() {
            return;
        }
        let total = for_request(&agenda, self.request, &self.objectives, self.catalogue).total();
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
                Piece::Lunch(m) => (SlotKind::Lunch, *m),
                Piece::Part(_, m) => (SlotKind::Method, *m),
            };
            let end = clock.plus(minutes).unwrap_or(ClockTime::END_OF_DAY);
            let mut slot = Slot::new(kind, clock, end);
            if let Piece::Part(i, _) = piece {
                let item = items[*i];
                let choice = &self.choices[item.choice];
                parts[*i] += 1;
                slot.method = Some(choice.method.id.clone());
                slot.phase = Some(item.phase);
                slot.objectives = ranked(&self.objectives, item.labels);
                if slot.objectives.is_empty() {
                    slot.objectives = choice.neutral.clone();
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
            breakout_rooms: self.request.breakout_rooms,
            objectives: self.objectives.clone(),
            seed: None,
            slots,
            team: Vec::new(),
        }
    }
}

/// The timing under way of one sequence.
struct Timing<'s> {
    sequence: &'s Sequence,
    pieces: Vec<Piece>,
    closest_left: f64,
    /// For each index and whether the lunch is still to come, which remaining durations
    /// (in five-minute steps) the methods from that index on can fill exactly, pauses
    /// included, whatever the stretch and the clock: a relaxation, so a cut on it loses
    /// nothing.
    fill: &'s [[Vec<bool>; 2]],
    /// For each index, the most content minutes the methods from there on can give the
    /// first objective, and the fewest they give the others (C5).
    content: (&'s [u32], &'s [u32]),
}

/// The bits, over the ranks of `objectives`, of those in `among`.
fn mask(objectives: &[Objective], among: &[Objective]) -> u32 {
    objectives.iter().enumerate().filter(|(_, o)| among.contains(o)).fold(0, |m, (rank, _)| m | 1 << rank)
}

/// The objectives whose ranks are set in `bits`, in priority order.
fn ranked(objectives: &[Objective], bits: u32) -> Vec<Objective> {
    objectives.iter().enumerate().filter(|(rank, _)| bits & (1 << rank) != 0).map(|(_, o)| *o).collect()
}

/// Every rank of `count` objectives.
fn all(count: usize) -> u32 {
    if count >= 32 { u32::MAX } else { (1u32 << count) - 1 }
}
