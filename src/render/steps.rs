//! A method's steps stretched or shrunk to the minutes the planner gave it, each with its
//! own clock times, and cut across the parts of a split method.

use crate::agenda::Slot;
use crate::clock::ClockTime;
use crate::method::{Method, Step};
use serde::{Deserialize, Serialize};

/// One step as it will run on the day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimedStep {
    /// The index of the step in the method file.
    pub step: usize,
    /// When it starts.
    pub start: ClockTime,
    /// When it ends.
    pub end: ClockTime,
    /// Its minutes (`end - start`).
    pub minutes: u32,
    /// Whether it carries on a step begun before a break.
    pub continued: bool,
}

/// The steps of `method` over its slots (one slot, or the parts of a split method in
/// order): one list per slot, whose minutes add up to that slot's minutes.
///
/// A split method's steps are cut between its parts at the step boundaries that best match
/// the parts' lengths, so that no round is broken by a pause; each part's minutes are then
/// shared among its steps in proportion to their typical minutes (largest remainders, so
/// the sum is exact). With fewer steps than parts, the last steps run on across the
/// pause, marked as continued.
///
/// ```
/// use facilitation::{render, Catalogue, Slot, SlotKind, ClockTime};
/// let cafe = Catalogue::builtin().get("world-cafe").unwrap();
/// let mut slot = Slot::new(SlotKind::Method, "10:00".parse()?, "12:00".parse()?);
/// slot.method = Some(cafe.id.clone());
/// let steps = &render::timed_steps(cafe, &[&slot])[0];
/// assert_eq!(steps.iter().map(|s| s.minutes).sum::<u32>(), 120);
/// assert_eq!(steps[0].start.to_string(), "10:00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn timed_steps(method: &Method, slots: &[&Slot]) -> Vec<Vec<TimedStep>> {
    if method.steps.len() < slots.len() {
        return run_on(method, slots);
    }
    let cuts = cuts(&method.steps, slots);
    slots
        .iter()
        .zip(cuts.windows(2))
        .map(|(slot, range)| {
            let steps = &method.steps[range[0]..range[1]];
            let mut clock = slot.start;
            share(steps, slot.minutes)
                .into_iter()
                .enumerate()
                .filter(|(_, minutes)| *minutes > 0)
                .map(|(i, minutes)| {
                    let start = clock;
                    clock = clock.plus(minutes).unwrap_or(slot.end);
                    TimedStep { step: range[0] + i, start, end: clock, minutes, continued: false }
                })
                .collect()
        })
        .collect()
}

/// Where each part begins in the list of steps (plus the end): the step boundary closest
/// to the share of the method's time that precedes the part, each part keeping at least
/// one step.
fn cuts(steps: &[Step], slots: &[&Slot]) -> Vec<usize> {
    let weights: Vec<f64> = steps.iter().map(|step| f64::from(step.minutes.max(1))).collect();
    let weight: f64 = weights.iter().sum();
    let total: f64 = slots.iter().map(|slot| f64::from(slot.minutes)).sum::<f64>().max(1.0);
    let mut cuts = vec![0];
    let mut before = 0.0;
    for (j, slot) in slots.iter().enumerate().take(slots.len() - 1) {
        before += f64::from(slot.minutes);
        let target = before / total * weight;
        let lowest = cuts[j] + 1;
        let highest = steps.len() - (slots.len() - 1 - j);
        let best = (lowest..=highest)
            .min_by(|&a, &b| {
                let at = |cut: usize| (weights[..cut].iter().sum::<f64>() - target).abs();
                at(a).total_cmp(&at(b))
            })
            .unwrap_or(lowest);
        cuts.push(best);
    }
    cuts.push(steps.len());
    cuts
}

/// Shares the method's minutes over all its parts as one run, cutting steps at the pauses.
fn run_on(method: &Method, slots: &[&Slot]) -> Vec<Vec<TimedStep>> {
    let total: u32 = slots.iter().map(|slot| slot.minutes).sum();
    let mut shares = share(&method.steps, total).into_iter().enumerate().peekable();
    let mut carried: Option<(usize, u32)> = None;
    let mut parts = Vec::with_capacity(slots.len());
    for slot in slots {
        let mut part = Vec::new();
        let mut clock = slot.start;
        let mut room = slot.minutes;
        while room > 0 {
            let (step, left, continued) = match carried.take() {
                Some((step, left)) => (step, left, true),
                None => match shares.next() {
                    Some((step, minutes)) => (step, minutes, false),
                    None => break,
                },
            };
            let minutes = left.min(room);
            if left > minutes {
                carried = Some((step, left - minutes));
            }
            if minutes > 0 {
                let end = clock.plus(minutes).unwrap_or(slot.end);
                part.push(TimedStep { step, start: clock, end, minutes, continued });
                clock = end;
                room -= minutes;
            }
        }
        parts.push(part);
    }
    parts
}

/// Shares `total` minutes among steps in proportion to their minutes; the shares add up
/// to `total` exactly (Hamilton's largest-remainder method).
fn share(steps: &[Step], total: u32) -> Vec<u32> {
    let weight: u64 = steps.iter().map(|step| u64::from(step.minutes)).sum();
    if steps.is_empty() {
        return Vec::new();
    }
    if weight == 0 {
        let mut shares = vec![0; steps.len()];
        shares[0] = total;
        return shares;
    }
    let exact: Vec<u64> = steps.iter().map(|step| u64::from(step.minutes) * u64::from(total)).collect();
    let mut shares: Vec<u32> = exact.iter().map(|e| u32::try_from(e / weight).unwrap_or(u32::MAX)).collect();
    let given: u32 = shares.iter().sum();
    let mut by_remainder: Vec<usize> = (0..steps.len()).collect();
    // Largest remainder first; ties go to the earlier step, so the result is stable.
    by_remainder.sort_by_key(|&i| std::cmp::Reverse(exact[i] % weight));
    for &i in by_remainder.iter().cycle().take(total.saturating_sub(given) as usize) {
        shares[i] += 1;
    }
    shares
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Text;

    fn steps(minutes: &[u32]) -> Vec<Step> {
        minutes.iter().map(|&minutes| Step { minutes, text: Text::fr("étape") }).collect()
    }

    #[test]
    fn shares_add_up_to_the_total() {
        for total in [1, 7, 59, 60, 61, 120, 333] {
            let shares = share(&steps(&[15, 25, 25, 25, 30]), total);
            assert_eq!(shares.iter().sum::<u32>(), total, "{total}");
        }
    }

    #[test]
    fn doubling_the_time_doubles_every_step() {
        assert_eq!(share(&steps(&[15, 25, 20]), 120), vec![30, 50, 40]);
    }
}
