//! A fair greedy baseline, in the manner of the best open agenda tools (SessionLab's
//! templates, Retromat's phase-by-phase plans): fill the phases in order with the
//! best-fitting method, stretch the methods to fill the session, insert breaks and the
//! lunch where the clock asks for them. It knows the hard rules a template tool knows (the
//! group, the format, the facilitators, the methods' ranges, the longest stretch, the
//! lunch) and is made valid where a simple repair can: never the craft rules.

use facilitation::rules::{GRAIN, needs_lunch, usual_welcome};
use facilitation::score::{USUAL_LUNCH, usual_break};
use facilitation::{Agenda, Catalogue, ClockTime, Method, Objective, Phase, Request, Slot, SlotKind};

/// The greedy agenda for `request`, or `None` when some phase finds no method at all.
/// When the methods cannot all fit, the last working method picked is dropped, and so on.
pub fn greedy(request: &Request, catalogue: &Catalogue) -> Option<Agenda> {
    let objectives = request.analyse().objectives();
    let mut picks = pick(request, catalogue, &objectives)?;
    loop {
        let agenda = settle(request, &objectives, &picks);
        let fits = request.end_time().is_some_and(|end| agenda.end <= end);
        let working = picks.iter().rposition(|(_, phase)| !phase.frames());
        match working {
            Some(index) if !fits => {
                picks.remove(index);
            }
            _ => return Some(agenda),
        }
    }
}

/// The breaks depend on the lengths and the lengths on the breaks: settle in a few turns.
fn settle(request: &Request, objectives: &[Objective], picks: &[(&Method, Phase)]) -> Agenda {
    let mut breaks = 0;
    let mut agenda = lay_out(request, objectives, picks, &stretch(request, picks, breaks));
    for _ in 0..4 {
        let laid_breaks = agenda.slots.iter().filter(|s| s.kind == SlotKind::Break).count() as u32;
        if laid_breaks == breaks {
            break;
        }
        breaks = laid_breaks;
        agenda = lay_out(request, objectives, picks, &stretch(request, picks, breaks));
    }
    agenda
}

/// One method per phase, in the diamond's order: the one serving most of what is still
/// unserved (priority-weighted), the closest to an equal share of the time breaking ties;
/// a working phase is skipped when no method adds anything. Objectives still unserved then
/// get the best method serving them, in its phase.
fn pick<'a>(
    request: &Request,
    catalogue: &'a Catalogue,
    objectives: &[Objective],
) -> Option<Vec<(&'a Method, Phase)>> {
    let n = request.participants;
    let usable: Vec<&Method> = catalogue
        .iter()
        .filter(|m| {
            m.fits(n, request.format, request.level, request.breakout_rooms)
                && m.facilitators_for(n) <= request.facilitators
                && !request.exclude.contains(&m.id)
                && (m.split || m.minutes_for(n).min <= request.max_stretch)
        })
        .collect();
    let gain = |m: &Method, served: &[Objective]| -> usize {
        let k = objectives.len();
        objectives
            .iter()
            .enumerate()
            .filter(|(_, o)| m.serves(**o) && !served.contains(o))
            .map(|(r, _)| k - r)
            .sum()
    };
    let mut picks: Vec<(&Method, Phase)> = Vec::new();
    let mut served: Vec<Objective> = Vec::new();
    for phase in Phase::ALL.iter().copied() {
        let open = |m: &&&Method| m.has_phase(phase) && !picks.iter().any(|(p, _)| p.id == m.id);
        let best = usable
            .iter()
            .filter(open)
            .max_by_key(|m| (gain(m, &served), std::cmp::Reverse(m.typical_minutes_for(n))));
        let framing = matches!(phase, Phase::Opening | Phase::Closing);
        match best {
            Some(m) if framing || gain(m, &served) > 0 => {
                served.extend(objectives.iter().copied().filter(|o| m.serves(*o)));
                picks.push((m, phase));
            }
            None if framing => return None,
            _ => {}
        }
    }
    for objective in objectives.iter().copied() {
        if served.contains(&objective) {
            continue;
        }
        let serving =
            usable.iter().filter(|m| m.serves(objective) && !picks.iter().any(|(p, _)| p.id == m.id));
        let Some(method) =
            serving.filter(|m| m.phases.iter().any(|p| !p.frames())).max_by_key(|m| gain(m, &served))
        else {
            continue;
        };
        let phase = method.phases.iter().copied().find(|p| !p.frames()).unwrap_or(Phase::Divergence);
        let at = picks.iter().position(|(_, p)| *p > phase).unwrap_or(picks.len());
        picks.insert(at, (method, phase));
        served.extend(objectives.iter().copied().filter(|o| method.serves(*o)));
    }
    Some(picks)
}

/// Each method's minutes: its typical length, scaled to fill what the welcome, the lunch
/// and `breaks` usual breaks leave, kept within its range on the five-minute marks; the
/// rounding goes to the methods that still have room.
fn stretch(request: &Request, picks: &[(&Method, Phase)], breaks: u32) -> Vec<u32> {
    let n = request.participants;
    let minutes = request.minutes();
    let lunch = if lunch_day(request) { USUAL_LUNCH } else { 0 };
    let room = minutes
        .saturating_sub(usual_welcome(minutes) + lunch + breaks * usual_break(minutes, request.with_users()));
    let typical: u32 = picks.iter().map(|(m, _)| m.typical_minutes_for(n).max(1)).sum();
    let mut lengths: Vec<u32> = picks
        .iter()
        .map(|(m, _)| {
            let range = m.minutes_for(n);
            let scaled =
                u64::from(room) * u64::from(m.typical_minutes_for(n).max(1)) / u64::from(typical.max(1));
            let (least, most) = (range.min.div_ceil(GRAIN) * GRAIN, range.max / GRAIN * GRAIN);
            (scaled as u32 / GRAIN * GRAIN).min(most).max(least).max(GRAIN)
        })
        .collect();
    let mut left = i64::from(room) - lengths.iter().map(|l| i64::from(*l)).sum::<i64>();
    let step = i64::from(GRAIN);
    while left != 0 {
        let grow = left > 0;
        let slack = picks.iter().zip(&lengths).position(|((m, _), l)| {
            let range = m.minutes_for(n);
            if grow { *l + GRAIN <= range.max } else { *l >= range.min + GRAIN && *l > GRAIN }
        });
        let Some(i) = slack else { break };
        if grow {
            lengths[i] += GRAIN;
            left -= step;
        } else {
            lengths[i] -= GRAIN;
            left += step;
        }
        if left.abs() < step {
            lengths[i] = (i64::from(lengths[i]) + left).max(1) as u32;
            left = 0;
        }
    }
    lengths
}

fn lunch_day(request: &Request) -> bool {
    request.end_time().is_some_and(|end| needs_lunch(request.start, end))
}

/// The slots: the welcome, then each method, a usual break before one that would run past
/// the longest stretch, the lunch before the first method that would end after 12:30;
/// the last method absorbs what is left so that the session ends on time.
fn lay_out(
    request: &Request,
    objectives: &[Objective],
    picks: &[(&Method, Phase)],
    lengths: &[u32],
) -> Agenda {
    let minutes = request.minutes();
    let end = request.start.minutes() + minutes;
    let mut clock = request.start;
    let welcome = usual_welcome(minutes);
    let mut slots = vec![slot(SlotKind::Welcome, &mut clock, welcome)];
    let mut stretch = welcome;
    let mut lunch_left = lunch_day(request);
    for (i, ((method, phase), minutes)) in picks.iter().zip(lengths).enumerate() {
        let last = i + 1 == picks.len();
        if lunch_left && clock.minutes() + minutes > 12 * 60 + 30 && clock.minutes() >= 11 * 60 + 45 {
            slots.push(slot(SlotKind::Lunch, &mut clock, USUAL_LUNCH));
            stretch = 0;
            lunch_left = false;
        } else if stretch + minutes > request.max_stretch && stretch > 0 && i > 0 {
            slots.push(slot(
                SlotKind::Break,
                &mut clock,
                usual_break(request.minutes(), request.with_users()),
            ));
            stretch = 0;
        }
        let minutes = if last { end.saturating_sub(clock.minutes()).max(1) } else { *minutes };
        let mut s = slot(SlotKind::Method, &mut clock, minutes);
        s.method = Some(method.id.clone());
        s.phase = Some(*phase);
        s.objectives = objectives.iter().copied().filter(|o| method.serves(*o)).collect();
        slots.push(s);
        stretch += minutes;
    }
    Agenda {
        title: request.title.clone(),
        date: None,
        start: request.start,
        end: clock,
        participants: request.participants,
        facilitators: request.facilitators,
        format: request.format,
        breakout_rooms: request.breakout_rooms,
        objectives: objectives.to_vec(),
        seed: None,
        slots,
        team: Vec::new(),
    }
}

fn slot(kind: SlotKind, clock: &mut ClockTime, minutes: u32) -> Slot {
    let start = *clock;
    *clock = clock.plus(minutes).unwrap_or(ClockTime::END_OF_DAY);
    Slot::new(kind, start, *clock)
}
