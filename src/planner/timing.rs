//! The second stage of the search: the clock. Given a sequence of methods, a dynamic
//! programme over time finds the welcome, the methods' minutes, the breaks and the lunch
//! that fill the session to the minute, keep every timing rule, and stay closest to each
//! method's target length.

use super::context::Context;
use crate::check::{MIN_BREAK, MIN_LUNCH, MIN_PART, WELCOME};
use crate::vocabulary::Energy;
use std::collections::BTreeMap;

/// Break lengths tried, in minutes.
const BREAKS: [u32; 3] = [MIN_BREAK, 15, 20];
/// Lunch lengths tried, in minutes.
const LUNCHES: [u32; 4] = [MIN_LUNCH, 60, 75, 90];
/// The most parts a split method is cut into.
const MAX_PARTS: usize = 4;
const LUNCH_EARLIEST: u32 = 11 * 60 + 45;
const LUNCH_LATEST: u32 = 13 * 60 + 30;
const LUNCH_IDEAL: u32 = 12 * 60 + 15;

/// One method to time.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    pub min: u32,
    pub max: u32,
    pub target: u32,
    pub typical: u32,
    pub split: bool,
    pub energy: Energy,
    /// Must come right after lunch (an energiser that reopens the afternoon).
    pub after_lunch: bool,
}

/// A piece of the timed session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Piece {
    Welcome(u32),
    Break(u32),
    Lunch(u32),
    /// A part of the block of that index.
    Part(usize, u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct State {
    time: u32,
    stretch: u32,
    lunched: bool,
}

#[derive(Debug, Clone)]
struct Reached {
    cost: f64,
    pieces: Vec<Piece>,
}

type Layer = BTreeMap<State, Reached>;

/// Times the blocks, or `None` when no timing keeps every rule.
pub(crate) fn time(context: &Context, blocks: &[Block]) -> Option<(Vec<Piece>, f64)> {
    let mut layer = welcome_layer(context);
    for (index, block) in blocks.iter().enumerate() {
        let mut next = Layer::new();
        let mut open = BTreeMap::new();
        for (state, reached) in &layer {
            for (pause_state, pause, pause_cost) in pauses(context, *state, index > 0, block.after_lunch) {
                let start = Reached {
                    cost: reached.cost + pause_cost + after_lunch_cost(block, pause),
                    pieces: extend(&reached.pieces, pause),
                };
                keep_part(&mut open, (pause_state, 0), start);
            }
        }
        place_block(context, index, block, open, &mut next);
        if next.is_empty() {
            return None;
        }
        layer = next;
    }
    layer
        .into_iter()
        .filter(|(state, _)| state.time == context.minutes && (state.lunched || !context.lunch))
        .map(|(_, reached)| (reached.pieces, reached.cost))
        .min_by(|a, b| a.1.total_cmp(&b.1))
}

fn extend(pieces: &[Piece], more: Option<Piece>) -> Vec<Piece> {
    let mut pieces = pieces.to_vec();
    pieces.extend(more);
    pieces
}

fn welcome_layer(context: &Context) -> Layer {
    let mut layer = Layer::new();
    for minutes in WELCOME.min..=WELCOME.max.min(context.minutes) {
        // Welcomes land the rest of the session on the five-minute grid when they can.
        let off_grid = (context.minutes - minutes) % 5 != 0;
        if off_grid && context.minutes >= WELCOME.min + 5 {
            continue;
        }
        let state = State { time: minutes, stretch: minutes, lunched: false };
        let cost = f64::from(minutes.abs_diff(15)) * 0.1;
        layer.insert(state, Reached { cost, pieces: vec![Piece::Welcome(minutes)] });
    }
    layer
}

/// The pauses that may come before a block: none, a break or lunch.
fn pauses(
    context: &Context,
    state: State,
    allowed: bool,
    must_lunch: bool,
) -> Vec<(State, Option<Piece>, f64)> {
    let mut options = Vec::new();
    if !must_lunch {
        options.push((state, None, 0.0));
    }
    if !allowed {
        return options;
    }
    if !must_lunch {
        for minutes in BREAKS {
            let next = State { time: state.time + minutes, stretch: 0, lunched: state.lunched };
            options.push((next, Some(Piece::Break(minutes)), 1.5 + f64::from(minutes.abs_diff(15)) * 0.1));
        }
    }
    let clock = context.start.minutes() + state.time;
    if context.lunch && !state.lunched && (LUNCH_EARLIEST..=LUNCH_LATEST).contains(&clock) {
        for minutes in LUNCHES {
            let next = State { time: state.time + minutes, stretch: 0, lunched: true };
            let cost = f64::from(minutes.abs_diff(60)) * 0.05 + f64::from(clock.abs_diff(LUNCH_IDEAL)) * 0.02;
            options.push((next, Some(Piece::Lunch(minutes)), cost));
        }
    }
    options.retain(|(state, _, _)| state.time <= context.minutes);
    options
}

/// Energy matters most right after lunch.
fn after_lunch_cost(block: &Block, pause: Option<Piece>) -> f64 {
    match (pause, block.energy) {
        (Some(Piece::Lunch(_)), Energy::Low) => 2.0,
        (Some(Piece::Lunch(_)), Energy::Medium) => 1.0,
        _ => 0.0,
    }
}

/// The lengths tried for a part: the five-minute marks within range, and the range's ends.
fn lengths(min: u32, max: u32) -> impl Iterator<Item = u32> {
    let first = min.div_ceil(5) * 5;
    let marks = (first..=max).step_by(5);
    std::iter::once(min)
        .chain(marks.filter(move |m| *m != min && *m != max))
        .chain((max != min).then_some(max))
}

/// Places a block after every way of reaching it (`open`, keyed by state and the block's
/// minutes used so far), part by part for a split block, and keeps the best way to each
/// state after it.
fn place_block(
    context: &Context,
    index: usize,
    block: &Block,
    mut open: BTreeMap<(State, u32), Reached>,
    next: &mut Layer,
) {
    let stretch_max = context.request.max_stretch;
    for parts in 0..MAX_PARTS {
        let mut more: BTreeMap<(State, u32), Reached> = BTreeMap::new();
        for ((state, used), reached) in open {
            let least = match (block.split, parts) {
                (false, _) => block.min,
                (true, 0) => block.min.min(MIN_PART),
                (true, _) => MIN_PART,
            };
            let room = (context.minutes - state.time).min(stretch_max.saturating_sub(state.stretch));
            let most = block.max.saturating_sub(used).min(room);
            if least > most {
                continue;
            }
            for minutes in lengths(least.max(1), most) {
                let total = used + minutes;
                let after = State {
                    time: state.time + minutes,
                    stretch: state.stretch + minutes,
                    lunched: state.lunched,
                };
                let pieces = extend(&reached.pieces, Some(Piece::Part(index, minutes)));
                if (block.min..=block.max).contains(&total) {
                    let cost = reached.cost + block_cost(block, total, parts + 1);
                    keep(next, after, Reached { cost, pieces: pieces.clone() });
                }
                let can_continue = block.split && total + MIN_PART <= block.max && minutes >= MIN_PART;
                if !can_continue {
                    continue;
                }
                // Between parts: the usual break or lunch only, to keep the search small.
                for (paused, pause, cost) in pauses(context, after, true, false) {
                    if matches!(pause, Some(Piece::Break(15) | Piece::Lunch(60))) {
                        let reached = Reached { cost: reached.cost + cost, pieces: extend(&pieces, pause) };
                        keep_part(&mut more, (paused, total), reached);
                    }
                }
            }
        }
        if more.is_empty() {
            break;
        }
        open = more;
    }
}

fn keep_part(open: &mut BTreeMap<(State, u32), Reached>, key: (State, u32), reached: Reached) {
    match open.get(&key) {
        Some(known) if known.cost <= reached.cost => {}
        _ => {
            open.insert(key, reached);
        }
    }
}

fn block_cost(block: &Block, minutes: u32, parts: usize) -> f64 {
    let deviation = f64::from(minutes.abs_diff(block.target)) / f64::from(block.typical.max(1));
    deviation * 10.0 + 0.5 * (parts.saturating_sub(1)) as f64
}

fn keep(layer: &mut Layer, state: State, reached: Reached) {
    match layer.get(&state) {
        Some(known) if known.cost <= reached.cost => {}
        _ => {
            layer.insert(state, reached);
        }
    }
}
