//! The planner's scoring function: how good a valid agenda is, by the soft qualities of
//! DESIGN.md. Each component lies between 0 and 1; the total is their weighted sum, out
//! of 100.
//!
//! | component | weight | 1 means |
//! |---|---|---|
//! | `coverage` | 30 | every objective is served (weighted by priority) |
//! | `priority_order` | 10 | higher-priority objectives are served first |
//! | `multi_objective` | 8 | the content methods each serve several of the request's objectives |
//! | `diverge_first` | 10 | every objective converged on was first opened up (divergence or emergence) |
//! | `energy_after_lunch` | 5 | the first method after lunch is energising (no lunch: 1) |
//! | `variety` | 8 | consecutive methods use different group configurations |
//! | `profile_fit` | 8 | with service users, methods ask for little writing (otherwise 1) |
//! | `time_share` | 10 | time spent on each objective is proportional to its priority |
//! | `timing_fit` | 11 | methods run close to their typical duration |

use crate::agenda::{Agenda, SlotKind};
use crate::catalogue::Catalogue;
use crate::method::Method;
use crate::vocabulary::{Energy, Objective, Phase, Writing};
use serde::{Deserialize, Serialize};

/// The components of an agenda's score, each between 0 and 1.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Score {
    /// Share of the objectives' priority weight that is served.
    pub coverage: f64,
    /// Share of objective pairs served in priority order.
    pub priority_order: f64,
    /// Share of content methods serving two objectives or more of the request.
    pub multi_objective: f64,
    /// Share of converged objectives that were opened up before.
    pub diverge_first: f64,
    /// Energy of the first method after lunch.
    pub energy_after_lunch: f64,
    /// Share of consecutive methods with different group configurations.
    pub variety: f64,
    /// Fit of the methods' writing load to the participants.
    pub profile_fit: f64,
    /// Agreement between time spent per objective and priority.
    pub time_share: f64,
    /// Closeness of the methods' minutes to their typical duration.
    pub timing_fit: f64,
}

/// The weights of the components, in the order of [`Score`]'s fields.
pub const WEIGHTS: [f64; 9] = [30.0, 10.0, 8.0, 10.0, 5.0, 8.0, 8.0, 10.0, 11.0];

impl Score {
    /// The weighted total, out of 100.
    pub fn total(&self) -> f64 {
        let parts = [
            self.coverage,
            self.priority_order,
            self.multi_objective,
            self.diverge_first,
            self.energy_after_lunch,
            self.variety,
            self.profile_fit,
            self.time_share,
            self.timing_fit,
        ];
        parts.iter().zip(WEIGHTS).map(|(part, weight)| part * weight).sum()
    }
}

/// The priority weight of the objective at `rank` (0 = first) among `count`: the first
/// weighs `count`, the last 1.
pub fn priority_weight(rank: usize, count: usize) -> f64 {
    count.saturating_sub(rank).max(1) as f64
}

/// One method slot as the score sees it (the planner scores unfinished agendas too).
pub(crate) struct Scored<'a> {
    pub method: &'a Method,
    pub phase: Phase,
    pub objectives: &'a [Objective],
    pub minutes: u32,
    pub after_lunch: bool,
}

/// Scores an agenda for a request whose resolved objectives are `objectives` (priority
/// order), with `with_users` when service users take part. Slots naming methods the
/// catalogue does not hold are ignored.
///
/// ```
/// use facilitation::{score, Catalogue, Planner, Request};
/// let catalogue = Catalogue::builtin();
/// let request = Request::builder("Bilan").time("09:30", "12:00").participants(30)
///     .objective("review").objective("vision").build().unwrap();
/// let plan = Planner::new(catalogue).plan(&request).unwrap();
/// let score = score::score(&plan.agenda, &plan.agenda.objectives, false, catalogue);
/// assert_eq!(score.coverage, 1.0);
/// assert!(score.total() > 60.0);
/// ```
pub fn score(agenda: &Agenda, objectives: &[Objective], with_users: bool, catalogue: &Catalogue) -> Score {
    let mut slots = Vec::new();
    let mut after_lunch = false;
    for slot in &agenda.slots {
        if slot.kind == SlotKind::Lunch {
            after_lunch = true;
            continue;
        }
        let found = slot.method.as_ref().and_then(|id| catalogue.get(id.as_str()));
        if let (true, Some(method), Some(phase)) = (slot.is_method(), found, slot.phase) {
            slots.push(Scored {
                method,
                phase,
                objectives: &slot.objectives,
                minutes: slot.minutes,
                after_lunch,
            });
            after_lunch = false;
        }
    }
    let had_lunch = agenda.slots.iter().any(|slot| slot.kind == SlotKind::Lunch);
    score_slots(&slots, objectives, with_users, had_lunch, agenda.participants)
}

/// Scores method slots directly.
pub(crate) fn score_slots(
    slots: &[Scored],
    objectives: &[Objective],
    with_users: bool,
    had_lunch: bool,
    participants: u32,
) -> Score {
    Score {
        coverage: coverage(slots, objectives),
        priority_order: priority_order(slots, objectives),
        multi_objective: multi_objective(slots, objectives),
        diverge_first: diverge_first(slots, objectives),
        energy_after_lunch: energy_after_lunch(slots, had_lunch),
        variety: variety(slots),
        profile_fit: profile_fit(slots, with_users),
        time_share: time_share(slots, objectives),
        timing_fit: timing_fit(slots, participants),
    }
}

fn served(slots: &[Scored], objective: Objective) -> Option<usize> {
    slots.iter().position(|slot| slot.objectives.contains(&objective))
}

fn coverage(slots: &[Scored], objectives: &[Objective]) -> f64 {
    let n = objectives.len();
    if n == 0 {
        return 1.0;
    }
    let total: f64 = (0..n).map(|rank| priority_weight(rank, n)).sum();
    let got: f64 = objectives
        .iter()
        .enumerate()
        .filter(|(_, objective)| served(slots, **objective).is_some())
        .map(|(rank, _)| priority_weight(rank, n))
        .sum();
    got / total
}

fn priority_order(slots: &[Scored], objectives: &[Objective]) -> f64 {
    let firsts: Vec<usize> = objectives.iter().map(|o| served(slots, *o).unwrap_or(usize::MAX)).collect();
    let mut pairs = 0;
    let mut ordered = 0;
    for i in 0..firsts.len() {
        for j in i + 1..firsts.len() {
            pairs += 1;
            if firsts[i] <= firsts[j] {
                ordered += 1;
            }
        }
    }
    if pairs == 0 { 1.0 } else { f64::from(ordered) / f64::from(pairs) }
}

fn is_content(slot: &Scored) -> bool {
    !matches!(slot.phase, Phase::Opening | Phase::Closing)
}

fn multi_objective(slots: &[Scored], objectives: &[Objective]) -> f64 {
    if objectives.len() < 2 {
        return 1.0;
    }
    let content: Vec<&Scored> = slots.iter().filter(|slot| is_content(slot)).collect();
    if content.is_empty() {
        return 0.0;
    }
    let several = content
        .iter()
        .filter(|slot| slot.method.objectives.iter().filter(|o| objectives.contains(o)).count() >= 2)
        .count();
    several as f64 / content.len() as f64
}

fn diverge_first(slots: &[Scored], objectives: &[Objective]) -> f64 {
    let mut converged = 0;
    let mut opened_first = 0;
    for objective in objectives {
        let first_converge = slots.iter().position(|slot| {
            matches!(slot.phase, Phase::Convergence | Phase::Action) && slot.objectives.contains(objective)
        });
        if let Some(at) = first_converge {
            converged += 1;
            let opened = slots[..at].iter().any(|slot| {
                matches!(slot.phase, Phase::Divergence | Phase::Emergence)
                    && slot.objectives.contains(objective)
            });
            if opened {
                opened_first += 1;
            }
        }
    }
    if converged == 0 { 1.0 } else { f64::from(opened_first) / f64::from(converged) }
}

fn energy_after_lunch(slots: &[Scored], had_lunch: bool) -> f64 {
    if !had_lunch {
        return 1.0;
    }
    match slots.iter().find(|slot| slot.after_lunch).map(|slot| slot.method.energy) {
        Some(Energy::High) => 1.0,
        Some(Energy::Medium) => 0.5,
        _ => 0.0,
    }
}

fn variety(slots: &[Scored]) -> f64 {
    if slots.len() < 2 {
        return 1.0;
    }
    let differ = slots.windows(2).filter(|pair| pair[0].method.groupings != pair[1].method.groupings).count();
    differ as f64 / (slots.len() - 1) as f64
}

fn profile_fit(slots: &[Scored], with_users: bool) -> f64 {
    if !with_users || slots.is_empty() {
        return 1.0;
    }
    let fit: f64 = slots
        .iter()
        .map(|slot| match slot.method.writing {
            Writing::None => 1.0,
            Writing::Light => 0.7,
            Writing::Heavy => 0.0,
        })
        .sum();
    fit / slots.len() as f64
}

fn time_share(slots: &[Scored], objectives: &[Objective]) -> f64 {
    let n = objectives.len();
    if n < 2 {
        return 1.0;
    }
    let mut minutes = vec![0.0; n];
    for slot in slots.iter().filter(|slot| is_content(slot)) {
        let served: Vec<usize> = (0..n).filter(|&i| slot.objectives.contains(&objectives[i])).collect();
        for &i in &served {
            minutes[i] += f64::from(slot.minutes) / served.len() as f64;
        }
    }
    let spent: f64 = minutes.iter().sum();
    if spent == 0.0 {
        return 0.0;
    }
    let weights: f64 = (0..n).map(|rank| priority_weight(rank, n)).sum();
    let distance: f64 =
        (0..n).map(|rank| (minutes[rank] / spent - priority_weight(rank, n) / weights).abs()).sum();
    1.0 - distance / 2.0
}

fn timing_fit(slots: &[Scored], participants: u32) -> f64 {
    if slots.is_empty() {
        return 0.0;
    }
    let mut by_method: Vec<(&Method, u32)> = Vec::new();
    for slot in slots {
        match by_method.iter_mut().find(|(method, _)| method.id == slot.method.id) {
            Some((_, minutes)) => *minutes += slot.minutes,
            None => by_method.push((slot.method, slot.minutes)),
        }
    }
    let misfit: f64 = by_method
        .iter()
        .map(|(method, minutes)| {
            let typical = f64::from(method.typical_minutes_for(participants).max(1));
            ((f64::from(*minutes) - typical).abs() / typical).min(1.0)
        })
        .sum();
    1.0 - misfit / by_method.len() as f64
}
