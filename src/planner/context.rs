//! What the planner knows of a request: its resolved objectives, the session's times, and
//! the methods that can run in it.

use crate::analysis::Analysis;
use crate::catalogue::Catalogue;
use crate::check::unfit;
use crate::clock::ClockTime;
use crate::craft::{self, CraftRule, CraftSet};
use crate::method::{Method, MinuteRange};
use crate::request::{FixedKind, Request};
use crate::rules;
use crate::score::ArcMasks;
use crate::vocabulary::{Objective, Phase};

/// A method that can run in the session, with its figures for this group.
#[derive(Debug, Clone)]
pub(crate) struct Candidate<'a> {
    pub method: &'a Method,
    pub range: MinuteRange,
    pub typical: u32,
    /// The request's objectives it serves, as a bit set over their ranks.
    pub serves: u32,
    pub included: bool,
    /// One of the network's own methods, or a method the request names, that fits and
    /// serves the request (C11).
    pub network: bool,
    /// It serves none of the request's objectives but may prepare what another candidate
    /// that serves one, or prepares in turn, works on (C15, `rules::prepares`).
    pub prepares: bool,
}

impl Candidate<'_> {
    /// What the search reads of it: two candidates of the same kind are interchangeable
    /// (the pool keeps one of each kind per phase, this key is finer).
    pub fn kind(&self, format: crate::vocabulary::Format) -> impl Eq + std::hash::Hash + use<> {
        let m = self.method;
        let ids =
            |groupings: &[crate::vocabulary::Grouping]| groupings.iter().map(|g| g.id()).collect::<Vec<_>>();
        let groupings = (ids(&m.groupings), ids(m.groupings_for(format)));
        let phases: Vec<Phase> = m.phases.clone();
        (
            (self.serves, self.range.min, self.range.max, self.typical),
            (phases, groupings, m.energy.id(), m.writing.id()),
            (m.split, m.opens_itself, m.network, m.level, m.breakout),
        )
    }
}

/// The request as the planner sees it.
#[derive(Debug, Clone)]
pub(crate) struct Context<'a> {
    pub request: &'a Request,
    /// How the request's sentences were read, once per plan.
    pub analysis: &'a Analysis,
    pub objectives: Vec<Objective>,
    pub start: ClockTime,
    pub minutes: u32,
    pub lunch: bool,
    pub candidates: Vec<Candidate<'a>>,
    /// The methods C11 asks for: the network's own and the named ones that fit (read once
    /// for every candidate and every agenda reviewed).
    pub wanted: Vec<&'a Method>,
    /// The craft rules this search may break.
    pub relaxed: CraftSet,
    /// The objectives the arc reads apart (results, openers, looking back).
    pub masks: ArcMasks,
    /// The moments fixed at a time (talks, breaks, lunch), by start.
    pub moments: Vec<Moment>,
    /// The welcome's minutes, when fixed.
    pub welcome: Option<u32>,
    /// The methods fixed at a time or with fixed minutes.
    pub pins: Vec<Pin>,
    /// Minutes to aim methods at instead of their typical length (a re-plan's).
    pub aim: Vec<(crate::method::MethodId, u32)>,
}

/// What a fixed moment is, for the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MomentKind {
    /// A talk: the index of its entry in the request's `fixed`.
    Talk(usize),
    Break,
    Lunch,
}

/// A moment fixed at a time: minutes from the session's start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Moment {
    pub at: u32,
    pub minutes: u32,
    pub kind: MomentKind,
}

impl Moment {
    /// Whether a piece from `from` lasting `minutes` overlaps it.
    pub fn overlaps(&self, from: u32, minutes: u32) -> bool {
        from < self.at + self.minutes && self.at < from + minutes
    }
}

/// A method fixed at a time (minutes from the session's start), with fixed minutes, or
/// both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pin {
    pub method: crate::method::MethodId,
    pub at: Option<u32>,
    pub minutes: Option<u32>,
}

impl<'a> Context<'a> {
    pub fn new(
        request: &'a Request,
        analysis: &'a Analysis,
        catalogue: &'a Catalogue,
        relaxed: CraftSet,
    ) -> Self {
        let objectives = analysis.objectives();
        let start = request.start;
        let end = request.end_time().unwrap_or(start);
        // Off-grid times cannot all be round: C4 is given up from the start.
        let off_grid = start.minutes() % rules::GRAIN != 0 || end.minutes() % rules::GRAIN != 0;
        let masks = ArcMasks::of_request(request, &objectives);
        let mut context = Context {
            request,
            analysis,
            objectives,
            start,
            minutes: end.since(start),
            lunch: rules::needs_lunch(start, end),
            candidates: Vec::new(),
            wanted: Vec::new(),
            relaxed: if off_grid { relaxed.with(CraftRule::C4) } else { relaxed },
            masks,
            moments: Vec::new(),
            welcome: None,
            pins: Vec::new(),
            aim: Vec::new(),
        };
        context.fix(request);
        // Methods alike in everything the search reads (copies under other ids) would
        // only slow it: the first of each kind stands for the others.
        let mut kinds = rustc_hash::FxHashSet::default();
        context.wanted = craft::wanted_methods(request, &context.objectives, catalogue);
        context.candidates = catalogue
            .iter()
            .filter_map(|method| context.candidate(method))
            .filter(|c| c.included || c.network || kinds.insert(c.kind(request.format)))
            .collect();
        // A chain of preparations climbs the arc (divergence, convergence, action): as many
        // passes as it has steps find every method that leads to one serving the request.
        for _ in 0..2 {
            let prepares: Vec<bool> = context
                .candidates
                .iter()
                .map(|c| {
                    let leads = |next: &Candidate| next.serves != 0 || next.prepares;
                    c.serves == 0 && context.candidates.iter().any(|next| leads(next) && may_prepare(c, next))
                })
                .collect();
            for (candidate, prepares) in context.candidates.iter_mut().zip(prepares) {
                candidate.prepares = prepares;
            }
        }
        context
    }

    /// The request's fixed moments, in the clock's terms.
    fn fix(&mut self, request: &Request) {
        let start = request.start;
        for (index, fixed) in request.fixed.iter().enumerate() {
            let at = fixed.start.map(|s| s.since(start));
            let kind = match fixed.kind() {
                FixedKind::Talk => MomentKind::Talk(index),
                FixedKind::Break => MomentKind::Break,
                FixedKind::Lunch => MomentKind::Lunch,
                FixedKind::Welcome => {
                    self.welcome = fixed.minutes;
                    continue;
                }
                _ => {
                    let Some(method) = fixed.method.clone() else { continue };
                    self.pins.push(Pin { method, at, minutes: fixed.minutes });
                    continue;
                }
            };
            if let (Some(at), Some(minutes)) = (at, fixed.minutes) {
                self.moments.push(Moment { at, minutes, kind });
            }
        }
        self.moments.sort_by_key(|moment| moment.at);
    }

    /// The minutes to aim `candidate` at, when a re-plan sets them.
    pub fn aim_of(&self, candidate: &Candidate) -> Option<u32> {
        self.aim.iter().find(|(id, _)| *id == candidate.method.id).map(|(_, minutes)| *minutes)
    }

    /// Whether lunch is fixed by the request.
    pub fn lunch_fixed(&self) -> bool {
        self.moments.iter().any(|moment| moment.kind == MomentKind::Lunch)
    }

    /// The minutes of the fixed talks and breaks: time no method can take.
    pub fn fixed_minutes(&self) -> u32 {
        self.moments.iter().filter(|m| m.kind != MomentKind::Lunch).map(|m| m.minutes).sum()
    }

    /// The fixed moment that starts at `time`, if any.
    pub fn moment_at(&self, time: u32) -> Option<Moment> {
        self.moments.iter().find(|moment| moment.at == time).copied()
    }

    /// Whether a piece from `from` lasting `minutes` leaves every fixed moment alone.
    pub fn clear_of_moments(&self, from: u32, minutes: u32) -> bool {
        !self.moments.iter().any(|moment| moment.overlaps(from, minutes))
    }

    /// The room from `time` to the next fixed moment (or the end).
    pub fn room_before_moment(&self, time: u32) -> u32 {
        let next = self.moments.iter().find(|moment| moment.at >= time).map_or(self.minutes, |m| m.at);
        next.saturating_sub(time)
    }

    /// The method's pin, if the request fixes it.
    pub fn pin_of(&self, method: &Method) -> Option<&Pin> {
        self.pins.iter().find(|pin| pin.method == method.id)
    }

    /// The method as a candidate, if it can run in this session.
    pub fn candidate(&self, method: &'a Method) -> Option<Candidate<'a>> {
        let request = self.request;
        let n = request.participants;
        let pin = self.pin_of(method);
        let included = request.include.contains(&method.id) || pin.is_some();
        // C6 is never given up: the format is real. Nor is C12 unless the request asks for
        // the method by name: a method whose conditions the group does not meet is not
        // proposed (no débat mouvant with service users).
        let fits = unfit(method, request).is_empty()
            && !craft::lacks_subgroups(method, request.format, request.breakout_rooms, request.participants)
            && !request.exclude.contains(&method.id)
            && (included
                || method.unmet_needs(&request.profiles, &self.objectives, self.wanted(method)).is_empty());
        let mut range = self.round(method.minutes_for(n), method.split);
        if let Some(minutes) = pin.and_then(|pin| pin.minutes) {
            // Fixed minutes outside the method's range make no candidate: the checker
            // refuses every agenda without it, and the refusal names the moment.
            if !range.contains(minutes) {
                return None;
            }
            range = MinuteRange { min: minutes, max: minutes };
        }
        let placeable = method.split || range.min <= request.max_stretch;
        if !fits || !placeable || range.min > self.minutes || range.min > range.max {
            return None;
        }
        if !method.split {
            // A method that runs in one piece runs within one stretch of work.
            range.max = range.max.min(request.max_stretch);
        }
        let serves = self
            .objectives
            .iter()
            .enumerate()
            .filter(|(_, objective)| method.serves(**objective))
            .fold(0u32, |mask, (rank, _)| mask | (1 << rank));
        Some(Candidate {
            method,
            range,
            typical: method.typical_minutes_for(n).clamp(range.min, range.max),
            serves,
            included,
            network: self.wanted(method),
            prepares: false,
        })
    }

    /// The minutes a method may take when every slot keeps to the five-minute marks (C4):
    /// its range narrowed to them (empty when it holds none). A split method's parts are
    /// rounded one by one, so only its total range is narrowed.
    fn round(&self, range: MinuteRange, split: bool) -> MinuteRange {
        if !self.keeps(CraftRule::C4) {
            return range;
        }
        let grain = rules::GRAIN;
        let min = range.min.div_ceil(grain) * grain;
        let max = if split { range.max } else { range.max / grain * grain };
        MinuteRange { min, max }
    }

    /// The most minutes `candidate` may take in `phase`, as an energiser after lunch when it
    /// `reopens`: a short opening and a shorter energiser (C2), a short closing (C7), when
    /// the context keeps them.
    pub fn most_in(&self, candidate: &Candidate, phase: Phase, reopens: bool) -> u32 {
        let cap = match phase {
            Phase::Opening if self.keeps(CraftRule::C2) && reopens => rules::energiser_cap(self.minutes),
            Phase::Opening if self.keeps(CraftRule::C2) => rules::opening_cap(self.minutes),
            Phase::Closing if self.keeps(CraftRule::C7) => rules::closing_cap(self.minutes),
            _ => u32::MAX,
        };
        candidate.range.max.min(cap).max(candidate.range.min)
    }

    /// Whether C11 asks for `method`: the network's own, or one the request names.
    fn wanted(&self, method: &Method) -> bool {
        self.wanted.iter().any(|wanted| std::ptr::eq(*wanted, method))
    }

    /// Whether the search must keep `rule`.
    pub fn keeps(&self, rule: CraftRule) -> bool {
        !self.relaxed.contains(rule)
    }

    /// The objectives a slot of `candidate` in `phase` serves, as bits, following the arc
    /// (C1) as the score counts them ([`crate::score::counted`]); every objective the
    /// method serves when C1 is given up.
    pub fn serves_in(&self, candidate: &Candidate, phase: Phase) -> u32 {
        if !self.keeps(CraftRule::C1) {
            return candidate.serves;
        }
        crate::score::counted(candidate.method, phase, candidate.serves, self.masks)
    }

    /// The bit set of every objective.
    pub fn all_objectives(&self) -> u32 {
        if self.objectives.len() >= 32 { u32::MAX } else { (1u32 << self.objectives.len()) - 1 }
    }

    /// The priority weight of the request's objectives that `candidate` serves (see
    /// [`crate::score::priority_weight`]).
    pub fn priority(&self, candidate: &Candidate) -> f64 {
        self.priority_of(candidate.serves)
    }

    /// The priority weight of the objectives in `mask`.
    fn priority_of(&self, mask: u32) -> f64 {
        let n = self.objectives.len();
        (0..n).filter(|rank| mask & (1 << rank) != 0).map(|rank| crate::score::priority_weight(rank, n)).sum()
    }

    /// The share of the objectives' priority weight in `mask` (as `coverage` counts it).
    pub fn weight_of(&self, mask: u32) -> f64 {
        let total = self.priority_of(self.all_objectives());
        if total > 0.0 { self.priority_of(mask) / total } else { 0.0 }
    }

    /// Whether some candidate can serve `phase`.
    pub fn has_phase(&self, phase: Phase) -> bool {
        self.candidates.iter().any(|c| c.method.has_phase(phase))
    }

    /// The objectives a slot of `candidate` serves: the request's it serves, or else what
    /// an opening or a closing does for the group (trust, evaluation) when the method does
    /// it, or else its own first objective.
    /// Only the agendas returned need them: the search works on bit sets.
    pub fn slot_objectives(&self, candidate: &Candidate, phase: Phase) -> Vec<Objective> {
        let method = candidate.method;
        let serves = self.serves_in(candidate, phase);
        let served: Vec<Objective> = self
            .objectives
            .iter()
            .enumerate()
            .filter(|(rank, _)| serves & (1 << rank) != 0)
            .map(|(_, o)| *o)
            .collect();
        if !served.is_empty() {
            return served;
        }
        // Nothing of the request: what the method does for the group, but never an
        // objective of the request that the arc keeps away from this phase.
        let framing = match phase {
            Phase::Closing => [Objective::Feedback, Objective::Review],
            _ => [Objective::BuildTrust, Objective::SharePractices],
        };
        let allowed = |o: &Objective| method.serves(*o) && !self.objectives.contains(o);
        framing.into_iter().chain(method.objectives.iter().copied()).find(allowed).into_iter().collect()
    }
}

/// Whether `c` can prepare, in one of its opening-up phases, what `next` works on in one of
/// its converging ones (C15).
fn may_prepare(c: &Candidate, next: &Candidate) -> bool {
    let phases = || Phase::ALL.iter().copied();
    phases().filter(|p| crate::rules::prepares_in(*p) && c.method.has_phase(*p)).any(|p| {
        phases().any(|q| next.method.has_phase(q) && crate::rules::prepares(c.method, p, next.method, q))
    })
}
