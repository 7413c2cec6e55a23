//! What the planner knows of a request: its resolved objectives, the session's times, and
//! the methods that can run in it.

use crate::catalogue::Catalogue;
use crate::clock::ClockTime;
use crate::method::{Method, MinuteRange};
use crate::request::Request;
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
}

/// The request as the planner sees it.
#[derive(Debug, Clone)]
pub(crate) struct Context<'a> {
    pub request: &'a Request,
    pub objectives: Vec<Objective>,
    pub start: ClockTime,
    pub minutes: u32,
    pub lunch: bool,
    pub candidates: Vec<Candidate<'a>>,
}

/// Whether a session covers the whole of 12:00–13:30 and so needs a lunch.
pub(crate) fn needs_lunch(start: ClockTime, end: ClockTime) -> bool {
    start.minutes() <= 12 * 60 && end.minutes() >= 13 * 60 + 30
}

impl<'a> Context<'a> {
    pub fn new(request: &'a Request, objectives: Vec<Objective>, catalogue: &'a Catalogue) -> Self {
        let start = request.start;
        let end = request.end_time().unwrap_or(start);
        let mut context = Context {
            request,
            objectives,
            start,
            minutes: end.since(start),
            lunch: needs_lunch(start, end),
            candidates: Vec::new(),
        };
        context.candidates = catalogue.iter().filter_map(|method| context.candidate(method)).collect();
        context
    }

    /// The method as a candidate, if it can run in this session.
    pub fn candidate(&self, method: &'a Method) -> Option<Candidate<'a>> {
        let request = self.request;
        let n = request.participants;
        let fits = method.fits(n, request.format, request.level, request.breakout_rooms)
            && method.facilitators_for(n) <= request.facilitators
            && !request.exclude.contains(&method.id);
        let range = method.minutes_for(n);
        let placeable = method.split || range.min <= request.max_stretch;
        if !fits || !placeable || range.min > self.minutes {
            return None;
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
            included: request.include.contains(&method.id),
        })
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
        let served: Vec<Objective> = self.objectives.iter().copied().filter(|o| method.serves(*o)).collect();
        if !served.is_empty() {
            return served;
        }
        let framing = match phase {
            Phase::Closing => [Objective::Feedback, Objective::Review],
            _ => [Objective::BuildTrust, Objective::SharePractices],
        };
        let framing = framing.into_iter().find(|o| method.serves(*o));
        framing.or_else(|| method.objectives.first().copied()).into_iter().collect()
    }
}
