//! Re-planning with the least change: the new agenda keeps as many of the previous
//! methods, in the same order and close to the same times, as the new request allows.
//!
//! The distance between two agendas counts what a project lead notices: each method
//! dropped or added ([`METHOD_WEIGHT`]), each pair of kept methods whose order is swapped
//! ([`ORDER_WEIGHT`]), and the minutes moved (for each kept method, how far its start
//! moves plus how much its length changes). A re-plan chooses, among the agenda planned
//! from scratch, the previous agenda itself when it still keeps every rule, and agendas
//! steered to keep the previous methods at their previous lengths, the one at the least
//! distance: never farther than planning from scratch, and zero when nothing changed.

use super::{Plan, PlanError, Planner, Reason};
use crate::agenda::{Agenda, Slot, SlotKind};
use crate::catalogue::Catalogue;
use crate::check::{Breach, check, unfit};
use crate::clock::ClockTime;
use crate::craft;
use crate::method::MethodId;
use crate::request::{Fixed, FixedKind, Request};
use crate::score::for_request;
use crate::text::{Lang, Localize};
use serde::{Deserialize, Serialize};

/// The distance of a method dropped or added, in minutes moved.
pub const METHOD_WEIGHT: u32 = 60;
/// The distance of two kept methods run in the other order, in minutes moved.
pub const ORDER_WEIGHT: u32 = 30;

/// How far an agenda lies from a previous one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Distance {
    /// Previous methods no longer in the agenda.
    pub dropped: u32,
    /// Methods new to the agenda.
    pub added: u32,
    /// Pairs of kept methods whose order is swapped.
    pub reordered: u32,
    /// For the kept methods: minutes their start moved plus minutes their length changed.
    pub minutes: u32,
}

impl Distance {
    /// The distance from `previous` to `next`.
    ///
    /// ```
    /// use facilitation::{Catalogue, Planner, Request, planner::Distance};
    /// let request = Request::builder("Atelier").participants(20).objective("share-practices").build()?;
    /// let plan = Planner::new(Catalogue::builtin()).plan(&request)?;
    /// assert_eq!(Distance::between(&plan.agenda, &plan.agenda).total(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn between(previous: &Agenda, next: &Agenda) -> Distance {
        let (before, after) = (timed_methods(previous), timed_methods(next));
        let kept: Vec<&(MethodId, ClockTime, u32)> =
            before.iter().filter(|(id, ..)| after.iter().any(|(other, ..)| other == id)).collect();
        let place = |id: &MethodId| after.iter().position(|(other, ..)| other == id).unwrap_or(0);
        let mut reordered = 0;
        for (i, a) in kept.iter().enumerate() {
            reordered += kept[i + 1..].iter().filter(|b| place(&b.0) < place(&a.0)).count() as u32;
        }
        let minutes = kept
            .iter()
            .filter_map(|(id, start, minutes)| {
                let (_, new_start, new_minutes) = after.iter().find(|(other, ..)| other == id)?;
                Some(start.minutes().abs_diff(new_start.minutes()) + minutes.abs_diff(*new_minutes))
            })
            .sum();
        Distance {
            dropped: (before.len() - kept.len()) as u32,
            added: (after.len() - kept.len()) as u32,
            reordered,
            minutes,
        }
    }

    /// The distance as one number, in minutes moved.
    pub fn total(&self) -> u32 {
        METHOD_WEIGHT * (self.dropped + self.added) + ORDER_WEIGHT * self.reordered + self.minutes
    }
}

/// Each method of `agenda` once, in order: its first start and its minutes, all parts
/// together.
fn timed_methods(agenda: &Agenda) -> Vec<(MethodId, ClockTime, u32)> {
    let mut methods: Vec<(MethodId, ClockTime, u32)> = Vec::new();
    for slot in agenda.method_slots() {
        let Some(id) = &slot.method else { continue };
        match methods.iter_mut().find(|(other, ..)| other == id) {
            Some((_, _, minutes)) => *minutes += slot.minutes,
            None => methods.push((id.clone(), slot.start, slot.minutes)),
        }
    }
    methods
}

/// What changed from the previous agenda, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
#[non_exhaustive]
#[allow(missing_docs)] // the fields are named after what they hold
pub enum Change {
    /// A previous method is gone.
    Dropped { method: MethodId, why: DropReason },
    /// A method is new.
    Added { method: MethodId },
    /// A kept method moved or changed length.
    Retimed { method: MethodId, from: (ClockTime, u32), to: (ClockTime, u32) },
}

/// Why a previous method is gone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "why", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum DropReason {
    /// The request now excludes it.
    Excluded,
    /// It can no longer run for the request (group size, format, facilitators, level).
    Unfit {
        /// What it breaks.
        breach: Breach,
    },
    /// The new request leaves it no room, or other methods serve it better.
    NoRoom,
}

impl Localize for Change {
    fn text(&self, lang: Lang) -> String {
        match self {
            Change::Dropped { method, why } => {
                let why = match why {
                    DropReason::Excluded => {
                        lang.pick("la demande l'exclut", "the request excludes it").to_string()
                    }
                    DropReason::Unfit { breach } => breach.text(lang),
                    DropReason::NoRoom => lang
                        .pick(
                            "la nouvelle demande ne lui laisse pas de place",
                            "the new request leaves it no room",
                        )
                        .to_string(),
                };
                lang.pick(format!("`{method}` retirée : {why}"), format!("`{method}` dropped: {why}"))
            }
            Change::Added { method } => lang.pick(
                format!("`{method}` ajoutée pour servir la nouvelle demande"),
                format!("`{method}` added to serve the new request"),
            ),
            Change::Retimed { method, from, to } => lang.pick(
                format!("`{method}` : {} ({} min) → {} ({} min)", from.0, from.1, to.0, to.1),
                format!("`{method}`: {} ({} min) → {} ({} min)", from.0, from.1, to.0, to.1),
            ),
        }
    }
}

/// A re-planned agenda, its distance to the previous one and what changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Replan {
    /// The new plan.
    pub plan: Plan,
    /// Its distance to the previous agenda.
    pub distance: Distance,
    /// What changed, and why.
    pub changes: Vec<Change>,
}

/// `request` with the locked slots of `previous` as fixed moments: a locked talk, break
/// or lunch at its time and length, a locked welcome at its length, a locked method at
/// its start with its minutes (all its parts together). Moments the request already
/// fixes stay as they are.
pub fn with_locks(previous: &Agenda, request: &Request) -> Request {
    let mut request = request.clone();
    for slot in previous.slots.iter().filter(|slot| slot.locked) {
        let fixed = lock(previous, slot);
        if !request.fixed.contains(&fixed) {
            request.fixed.push(fixed);
        }
    }
    request.fixed.dedup();
    request
}

fn lock(previous: &Agenda, slot: &Slot) -> Fixed {
    let mut fixed = Fixed {
        kind: None,
        method: None,
        start: Some(slot.start),
        minutes: Some(slot.minutes),
        title: slot.title.clone(),
        who: slot.who.clone(),
    };
    match slot.kind {
        SlotKind::Talk => fixed.kind = Some(FixedKind::Talk),
        SlotKind::Break => fixed.kind = Some(FixedKind::Break),
        SlotKind::Lunch => fixed.kind = Some(FixedKind::Lunch),
        SlotKind::Method => {
            let parts = previous.method_slots().filter(|s| s.method == slot.method);
            let first = previous.method_slots().find(|s| s.method == slot.method).unwrap_or(slot);
            fixed.start = Some(first.start);
            fixed.minutes = Some(parts.map(|s| s.minutes).sum());
            fixed.method = slot.method.clone();
        }
        _ => {
            fixed.kind = Some(FixedKind::Welcome);
            fixed.start = Some(previous.start);
        }
    }
    fixed
}

impl Planner<'_> {
    /// Re-plans `request` with the least change from `previous` (see [`Distance`]): never
    /// farther than planning from scratch, the previous agenda itself when it still keeps
    /// every rule, and every slot marked `locked: true` kept exactly.
    pub fn replan(&self, previous: &Agenda, request: &Request) -> Result<Replan, PlanError> {
        let request = with_locks(previous, request);
        let scratch = self.plan(&request)?;
        let mut candidates = Vec::new();
        if let Some(as_is) = self.as_is(previous, &request, &scratch) {
            candidates.push(as_is);
        }
        candidates.extend(self.steered(previous, &request));
        let kept = |plan: &Plan| {
            let locked = previous.slots.iter().filter(|slot| slot.locked);
            check(&plan.agenda, &request, self.catalogue).is_valid()
                && plan.craft.rules().within(scratch.craft.rules())
                && locked.clone().all(|slot| plan.agenda.slots.iter().any(|s| s.same_moment(slot)))
        };
        let plan = candidates
            .into_iter()
            .filter(kept)
            .chain(std::iter::once(scratch.clone()))
            .min_by_key(|plan| Distance::between(previous, &plan.agenda).total())
            .unwrap_or(scratch);
        let distance = Distance::between(previous, &plan.agenda);
        let changes = changes(previous, &plan.agenda, &request, self.catalogue);
        Ok(Replan { plan, distance, changes })
    }

    /// The previous agenda under the new request's header, if it keeps every rule.
    fn as_is(&self, previous: &Agenda, request: &Request, scratch: &Plan) -> Option<Plan> {
        let mut agenda = scratch.agenda.clone();
        agenda.slots = previous.slots.clone();
        agenda.seed = previous.seed;
        agenda.team = previous.team.clone();
        check(&agenda, request, self.catalogue).is_valid().then(|| self.explained(request, scratch, agenda))
    }

    /// A plan for an agenda not found by the search: its score, craft review and reasons.
    fn explained(&self, request: &Request, scratch: &Plan, agenda: Agenda) -> Plan {
        let score = for_request(&agenda, request, &agenda.objectives, self.catalogue);
        let craft = craft::review(&agenda, request, self.catalogue);
        let reasons = reasons_of(&agenda, request, self.catalogue);
        Plan { agenda, score, craft, reasons, ..scratch.clone() }
    }

    /// Plans steered to keep the previous methods at their previous minutes: all those
    /// that can still run, then fewer, the least useful to the new request dropped first.
    fn steered(&self, previous: &Agenda, request: &Request) -> Option<Plan> {
        let objectives = request.analyse().objectives();
        let mut keep: Vec<(MethodId, ClockTime, u32)> = timed_methods(previous)
            .into_iter()
            .filter(|(id, ..)| {
                self.catalogue.get(id.as_str()).is_some_and(|m| unfit(m, request).is_empty())
                    && !request.exclude.contains(id)
            })
            .collect();
        // The least useful last: those serving fewer of the request's objectives.
        let serves = |id: &MethodId| {
            self.catalogue.get(id.as_str()).map_or(0, |m| objectives.iter().filter(|o| m.serves(**o)).count())
        };
        keep.sort_by_key(|(id, ..)| std::cmp::Reverse(serves(id)));
        let mut steer =
            Planner { aim: keep.iter().map(|(id, _, m)| (id.clone(), *m)).collect(), ..self.clone() };
        while !keep.is_empty() {
            let mut steered = request.clone();
            for (id, ..) in &keep {
                if !steered.include.contains(id) {
                    steered.include.push(id.clone());
                }
            }
            if let Ok(mut plan) = steer.plan(&steered) {
                plan.request = request.clone();
                return Some(plan);
            }
            keep.pop();
            steer.aim = keep.iter().map(|(id, _, m)| (id.clone(), *m)).collect();
        }
        None
    }
}

/// Why each method of `agenda` is there, read from the agenda itself.
fn reasons_of(agenda: &Agenda, request: &Request, catalogue: &Catalogue) -> Vec<Reason> {
    let mut reasons = Vec::new();
    let said = crate::analysis::Said::of(request);
    for (id, _, minutes) in timed_methods(agenda) {
        let first = agenda.slots.iter().position(|s| s.is_method() && s.method.as_ref() == Some(&id));
        let (Some(slot), Some(method)) = (first, catalogue.get(id.as_str())) else { continue };
        let first = &agenda.slots[slot];
        reasons.push(Reason {
            slot,
            phase: first.phase.unwrap_or(crate::vocabulary::Phase::Divergence),
            objectives: first.objectives.clone(),
            minutes,
            range: method.minutes_for(request.participants),
            included: request.include.contains(&id),
            suits_users: request.with_users() && method.writing == crate::vocabulary::Writing::None,
            network: craft::wanted_method_fits(method, request, &agenda.objectives, &said),
            method: id,
        });
    }
    reasons
}

/// What changed from `previous` to `next`, and why.
fn changes(previous: &Agenda, next: &Agenda, request: &Request, catalogue: &Catalogue) -> Vec<Change> {
    let (before, after) = (timed_methods(previous), timed_methods(next));
    let mut changes = Vec::new();
    for (id, start, minutes) in &before {
        match after.iter().find(|(other, ..)| other == id) {
            Some((_, to_start, to_minutes)) if (to_start, to_minutes) != (start, minutes) => {
                changes.push(Change::Retimed {
                    method: id.clone(),
                    from: (*start, *minutes),
                    to: (*to_start, *to_minutes),
                });
            }
            Some(_) => {}
            None => {
                let breach = catalogue.get(id.as_str()).and_then(|m| unfit(m, request).into_iter().next());
                let why = match breach {
                    _ if request.exclude.contains(id) => DropReason::Excluded,
                    Some((_, breach)) => DropReason::Unfit { breach },
                    None => DropReason::NoRoom,
                };
                changes.push(Change::Dropped { method: id.clone(), why });
            }
        }
    }
    for (id, ..) in after.iter().filter(|(id, ..)| !before.iter().any(|(other, ..)| other == id)) {
        changes.push(Change::Added { method: id.clone() });
    }
    changes
}
