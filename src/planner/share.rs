//! Craft rule C5 (time follows priority), after the timing.
//!
//! The dynamic programme over the clock keeps every method close to its typical length; it
//! does not count minutes per objective. When the first objective ends up with less than
//! its share, minutes move, five at a time, from a content method that does not serve it
//! to one that does: within the same run of work first (the run keeps its length, so the
//! pauses, the stretches and every other rule stay as the timing set them), else across
//! breaks, when both runs stay between the shortest run (C3) and the longest stretch and
//! no lunch or fixed moment lies between them (the pauses move, their lengths do not);
//! and last from a welcome or a break longer than its least, whose minutes become content.

use super::context::Context;
use super::skeleton::Skeleton;
use super::timing::{Segment, TimedMethod};
use crate::rules::{FIRST_OBJECTIVE_SHARE, GRAIN, MIN_BREAK, MIN_RUN};

/// Aims the content methods that serve the first objective at their longest, and with
/// `others_short` the other content methods at their shortest, for another timing when
/// the first gave the first objective less than its share.
pub(crate) fn aim_long(
    context: &Context,
    skeleton: &Skeleton,
    blocks: &mut [TimedMethod],
    others_short: bool,
) {
    for (item, block) in skeleton.items().iter().zip(blocks.iter_mut()) {
        if item.phase.frames() || block.pinned {
            continue;
        }
        let serves = context.serves_in(&context.candidates[item.candidate], item.phase);
        if serves & 1 != 0 {
            block.typical = block.max;
        } else if others_short {
            block.typical = block.min;
        }
    }
}

/// Moves minutes towards the first objective until it has its share, or no move is left.
pub(crate) fn favour_first(
    context: &Context,
    skeleton: &Skeleton,
    blocks: &[TimedMethod],
    pieces: &mut [Segment],
) {
    let count = context.objectives.len();
    if count < 2 {
        return;
    }
    let items = skeleton.items();
    let content = |i: usize| !items[i].phase.frames();
    let serves_first =
        |i: usize| context.serves_in(&context.candidates[items[i].candidate], items[i].phase) & 1 != 0;
    let mut minutes = vec![0u32; items.len()];
    for piece in pieces.iter() {
        if let Segment::Part(i, m) = piece {
            minutes[*i] += m;
        }
    }
    let total: u32 = (0..items.len()).filter(|&i| content(i)).map(|i| minutes[i]).sum();
    let served: u32 = (0..items.len()).filter(|&i| content(i) && serves_first(i)).map(|i| minutes[i]).sum();
    let (mut total, mut served) = (total, served);
    let need = |total: u32, served: u32| {
        let least = (f64::from(total) / count as f64 * FIRST_OBJECTIVE_SHARE).ceil() as u32;
        least > served
    };
    let runs = run_of_each(pieces, blocks);
    let mut run_minutes = vec![0u32; runs.last().map_or(0, |r| r + 1)];
    for (piece, run) in pieces.iter().zip(&runs) {
        if !matches!(piece, Segment::Break(_) | Segment::Lunch(_)) {
            run_minutes[*run] += minutes_of(piece);
        }
    }
    let welcome_least = match context.keeps(crate::craft::CraftRule::C2) {
        true => crate::rules::welcome_range(context.minutes).min,
        false => crate::rules::WELCOME.min,
    };
    let shortest = if context.keeps(crate::craft::CraftRule::C3) { MIN_RUN } else { GRAIN };
    let longest = context.request.max_stretch;
    while need(total, served) {
        let movable = |at: usize, gives: bool| match pieces[at] {
            Segment::Part(i, m)
                if content(i) && !blocks[i].split && !blocks[i].pinned && serves_first(i) != gives =>
            {
                if gives { m >= blocks[i].min + GRAIN } else { m + GRAIN <= blocks[i].max }
            }
            _ => false,
        };
        let pairs = || {
            (0..pieces.len())
                .filter(|&taker| movable(taker, false))
                .flat_map(|taker| (0..pieces.len()).map(move |giver| (taker, giver)))
                .filter(|&(_, giver)| movable(giver, true))
        };
        let across = |(taker, giver): (usize, usize)| {
            let (from, to) = (taker.min(giver), taker.max(giver));
            pieces[from + 1..to].iter().all(|piece| matches!(piece, Segment::Part(..) | Segment::Break(_)))
                && run_minutes[runs[giver]] >= shortest + GRAIN
                && run_minutes[runs[taker]] + GRAIN <= longest
        };
        let within = pairs().find(|&(taker, giver)| runs[taker] == runs[giver]);
        if let Some((taker, giver)) = within.or_else(|| pairs().find(|&pair| across(pair))) {
            pieces[taker] = retime(pieces[taker], minutes_of(&pieces[taker]) + GRAIN);
            pieces[giver] = retime(pieces[giver], minutes_of(&pieces[giver]) - GRAIN);
            run_minutes[runs[taker]] += GRAIN;
            run_minutes[runs[giver]] -= GRAIN;
            served += GRAIN;
            continue;
        }
        // Else from a long welcome or break: the content grows by what the frame gives.
        let frame = |at: usize| match pieces[at] {
            Segment::Welcome(m) => m >= welcome_least + GRAIN && run_minutes[runs[at]] >= shortest + GRAIN,
            Segment::Break(m) => m >= MIN_BREAK + GRAIN,
            _ => false,
        };
        let grows = |taker: usize, giver: usize| {
            let same_run = matches!(pieces[giver], Segment::Welcome(_)) && runs[taker] == runs[giver];
            let (from, to) = (taker.min(giver), taker.max(giver));
            same_run
                || (pieces[from + 1..to]
                    .iter()
                    .all(|piece| matches!(piece, Segment::Part(..) | Segment::Break(_)))
                    && run_minutes[runs[taker]] + GRAIN <= longest)
        };
        let pair = (0..pieces.len())
            .filter(|&taker| movable(taker, false))
            .flat_map(|taker| (0..pieces.len()).map(move |giver| (taker, giver)))
            .find(|&(taker, giver)| frame(giver) && grows(taker, giver));
        let Some((taker, giver)) = pair else { return };
        if runs[taker] != runs[giver] || !matches!(pieces[giver], Segment::Welcome(_)) {
            run_minutes[runs[taker]] += GRAIN;
            if matches!(pieces[giver], Segment::Welcome(_)) {
                run_minutes[runs[giver]] -= GRAIN;
            }
        }
        pieces[taker] = retime(pieces[taker], minutes_of(&pieces[taker]) + GRAIN);
        pieces[giver] = retime(pieces[giver], minutes_of(&pieces[giver]) - GRAIN);
        (served, total) = (served + GRAIN, total + GRAIN);
    }
}

/// For each piece, the number of the run of work it belongs to. Pauses count up, and so
/// do fixed moments (talks, pinned methods), which minutes moving around would shift.
fn run_of_each(pieces: &[Segment], blocks: &[TimedMethod]) -> Vec<usize> {
    let mut run = 0;
    let fixed = |piece: &Segment| match piece {
        Segment::Talk(..) => true,
        Segment::Part(i, _) => blocks.get(*i).is_some_and(|block| block.pinned),
        _ => false,
    };
    pieces
        .iter()
        .map(|piece| {
            if matches!(piece, Segment::Break(_) | Segment::Lunch(_)) || fixed(piece) {
                run += 1;
            }
            let this = run;
            if fixed(piece) {
                run += 1;
            }
            this
        })
        .collect()
}

/// The minutes a piece takes.
fn minutes_of(piece: &Segment) -> u32 {
    match *piece {
        Segment::Welcome(m)
        | Segment::Break(m)
        | Segment::Lunch(m)
        | Segment::Part(_, m)
        | Segment::Talk(_, m) => m,
    }
}

fn retime(piece: Segment, minutes: u32) -> Segment {
    match piece {
        Segment::Part(i, _) => Segment::Part(i, minutes),
        Segment::Welcome(_) => Segment::Welcome(minutes),
        Segment::Break(_) => Segment::Break(minutes),
        other => other,
    }
}
