//! Refusals that name the fixed moment at fault and say what would work: the moment whose
//! removal lets the request plan is the one to blame, and the nearest starts that work
//! are what to propose.

use super::{Planner, context::Context};
use crate::analysis::Analysis;
use crate::clock::ClockTime;
use crate::craft::CraftSet;
use crate::request::Request;
use crate::rules::GRAIN;
use crate::vocabulary::Phase;

use super::error::{FixedTrouble, PlanError};

/// How far, in five-minute steps, a moment is tried earlier and later: an hour and a half
/// each way is what a project lead can still move a speech by.
const STEPS: u32 = 18;

/// The refusal naming the fixed moment without which the request plans, if there is one.
pub(super) fn blame(planner: &Planner, request: &Request, analysis: &Analysis) -> Option<PlanError> {
    let index = (0..request.fixed.len()).find(|&i| {
        let mut without = request.clone();
        without.fixed.remove(i);
        planner.feasible(&without, analysis)
    })?;
    let moment = request.fixed[index].clone();
    let trouble = trouble(planner, request, analysis, index);
    let shifted = |step: i64| {
        let start = moment.start?;
        let at = ClockTime::from_minutes(u32::try_from(i64::from(start.minutes()) + step).ok()?)?;
        let mut moved = request.clone();
        moved.fixed[index].start = Some(at);
        (moved.validate().is_ok() && planner.feasible(&moved, analysis)).then_some(at)
    };
    let grain = i64::from(GRAIN);
    let earlier = (1..=i64::from(STEPS)).find_map(|k| shifted(-k * grain));
    let later = (1..=i64::from(STEPS)).find_map(|k| shifted(k * grain));
    Some(PlanError::Fixed { index, moment, trouble, earlier, later })
}

/// What the moment crowds out: the welcome and the shortest opening before it, the
/// shortest closing after it, or else the rest.
fn trouble(planner: &Planner, request: &Request, analysis: &Analysis, index: usize) -> FixedTrouble {
    let moment = &request.fixed[index];
    let context = Context::new(request, analysis, planner.catalogue, CraftSet::NONE);
    let shortest = |phase: Phase| {
        context.candidates.iter().filter(|c| c.method.has_phase(phase)).map(|c| c.range.min).min()
    };
    let (Some(start), Some(end)) = (moment.start, moment.end()) else { return FixedTrouble::Rest };
    let before = start.since(request.start);
    let after = request.end_time().map_or(0, |e| e.since(end));
    let welcome = crate::rules::WELCOME.min;
    if shortest(Phase::Opening).is_some_and(|least| before < welcome + least) {
        FixedTrouble::Opening
    } else if shortest(Phase::Closing).is_some_and(|least| after < least) {
        FixedTrouble::Closing
    } else {
        FixedTrouble::Rest
    }
}
