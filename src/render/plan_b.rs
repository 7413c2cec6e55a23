//! Plan B: what to shorten or drop, in order, when the session runs late, so that it
//! still ends on time with its closing. In a day with a lunch, the morning's delay is made
//! up before the lunch, which does not move, in the order below. The welcome gives first
//! (latecomers are still arriving), then the opening down to its shortest, and then, before
//! any work gives a minute, the opening goes: a facilitator cuts the warm-up, not the heart
//! (the welcome leads straight into the work). With service users, or when the opening
//! serves one of the objectives asked for (a Photolangage where each says how the year was
//! to remobilise the team), it only runs at its shortest, for it is where the group first
//! speaks, and goes only before a sequence would.
//! Then the sequences of the objectives after the first down to their shortest length for
//! the group (those that open up before those that conclude, the least important first),
//! then the closing down to its shortest (fewer voices in its round, the same next step;
//! with service users only after the work, for their voice in it is what the institution
//! came to hear), then the first objective's sequences. A method in parts gives from its
//! longest, where its rounds or its main work run (a forum ouvert shortens its sessions,
//! not its marketplace; in a day with a lunch, its longest morning session). The pauses
//! give down to ten minutes alongside the sequences of the objectives after the first,
//! never with service users: a fragile public's pause is no reserve of minutes. If that is
//! not enough, a sequence whose objectives another sequence also
//! serves is dropped, when the delay left is about its length (a choice is served
//! elsewhere only by another sequence that converges). As a last resort, before ending
//! late, the content sequences run a little under their shortest length (a tenth at most,
//! [`rules::PLAN_B_SQUEEZE`]); then the closing runs bare, without its round
//! ([`rules::BARE_CLOSING`]; not with service users); then a sequence served elsewhere
//! goes, and if even that is not enough, the sequence of the least important objective,
//! left for another time, but never a sequence far longer than the minutes still missing
//! (fifty minutes of the core do not go for five: the session then ends a few minutes
//! late, and the plan says so; when what is still missing is a third of the session or
//! more, it suggests holding the session again instead, `rules::better_postponed`, unless
//! the session must decide: its lead then settles). The
//! closing is never dropped: the group leaves with its
//! next step said.

use super::typography::{clock, duration};
use crate::agenda::{Agenda, Slot, SlotKind};
use crate::catalogue::Catalogue;
use crate::rules;
use crate::text::Lang;
use crate::vocabulary::{Objective, Phase};

/// The delays plan B is written for, in minutes.
pub const DELAYS: [u32; 2] = [15, 30];

/// One measure: `minutes` gained by shortening (or dropping) the slot at `slot`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Measure {
    /// The slot's index in the agenda.
    pub slot: usize,
    /// Minutes gained.
    pub minutes: u32,
    /// Whether the slot is dropped rather than shortened.
    pub drop: bool,
    /// Whether its objectives are left for another time (dropped though nothing else
    /// serves them), rather than served elsewhere.
    pub postponed: bool,
    /// Whether the closing runs bare ([`rules::BARE_CLOSING`]): no round, only what the
    /// session produced and what comes next.
    pub bare: bool,
}

impl Measure {
    /// A measure that shortens `slot` by `minutes`.
    const fn shorten(slot: usize, minutes: u32) -> Self {
        Measure { slot, minutes, drop: false, postponed: false, bare: false }
    }

    /// Whether it shortens its slot, rather than drop it or run it bare.
    pub const fn shortens(&self) -> bool {
        !self.drop && !self.bare && !self.postponed
    }

    /// A measure that drops `slot`, whose `minutes` are all gained.
    const fn drop(slot: usize, minutes: u32) -> Self {
        Measure { slot, minutes, drop: true, postponed: false, bare: false }
    }
}

/// The measures that absorb `late` minutes, in the order of the day, and the minutes
/// still missing when every measure is taken; with service `users`, their first and last
/// words give only after the work.
pub(super) fn measures(
    agenda: &Agenda,
    catalogue: &Catalogue,
    late: u32,
    users: bool,
) -> (Vec<Measure>, u32) {
    let mut taken: Vec<Measure> = Vec::new();
    let mut missing = late;
    let framing = |slot: usize| {
        let slot = &agenda.slots[slot];
        slot.kind == SlotKind::Welcome || slot.phase == Some(Phase::Opening)
    };
    let mut opening_left = !users;
    for (slot, room) in room_to_shorten(agenda, catalogue, users) {
        // Before the work gives a minute, the icebreaker goes (not with service users:
        // it is where they first speak): a facilitator cuts the warm-up, not the heart.
        if opening_left && !framing(slot) && missing > 0 {
            opening_left = false;
            if let Some((opening, minutes)) = icebreaker(agenda) {
                replace(&mut taken, &mut missing, Measure::drop(opening, minutes));
            }
        }
        if missing == 0 {
            break;
        }
        let minutes = round_up(missing).min(room);
        taken.push(Measure::shorten(slot, minutes));
        missing = missing.saturating_sub(minutes);
    }
    // A sequence served elsewhere goes now only if the delay left is worth it (nearly its
    // whole length): for ten minutes, the opening and a little of each sequence go first.
    drop_served(agenda, &mut taken, &mut missing, true);
    for (slot, room) in last_resort(agenda, catalogue, users) {
        if missing == 0 {
            break;
        }
        let drop = opening_may_go(agenda, &agenda.slots[slot], users);
        let minutes = if drop { agenda.slots[slot].minutes } else { round_up(missing).min(room) };
        replace(&mut taken, &mut missing, Measure { drop, ..Measure::shorten(slot, minutes) });
    }
    // Before an objective is left for another time, the content sequences run a little
    // under their shortest length, the least important first.
    for (slot, room) in squeeze(agenda, catalogue) {
        if missing == 0 {
            break;
        }
        if taken.iter().any(|m| m.slot == slot && m.drop) {
            continue;
        }
        let room = room.saturating_sub(taken_from(&taken, slot)) / rules::GRAIN * rules::GRAIN;
        let minutes = round_up(missing).min(room);
        if minutes == 0 {
            continue;
        }
        match taken.iter_mut().find(|m| m.slot == slot) {
            Some(measure) => measure.minutes += minutes,
            None => taken.push(Measure::shorten(slot, minutes)),
        }
        missing = missing.saturating_sub(minutes);
    }
    // A short opening that serves an objective (a word each on the team's year) goes
    // before the closing loses its round: the commitments said at the end are what the
    // group leaves with. A longer one (a Photolangage) is not dropped for a few minutes.
    if !users {
        drop_opening(agenda, &mut taken, &mut missing, true);
    }
    // Rather than drop a sequence, end late or leave an objective for another time, the
    // closing runs bare: the group leaves on time knowing what comes next (not with service
    // users, whose voice in the closing round is what the institution came to hear).
    if let Some((slot, minutes)) = bare_closing(agenda).filter(|_| missing > 0 && !users) {
        replace(&mut taken, &mut missing, Measure { bare: true, ..Measure::shorten(slot, minutes) });
    }
    drop_served(agenda, &mut taken, &mut missing, false);
    // With service users, their first words go only when nothing else would keep every
    // objective: before a sequence is left for another time.
    if users {
        drop_opening(agenda, &mut taken, &mut missing, false);
    }
    // Rather than end late (service users have transport and care to keep to), the
    // sequence of the least important objective goes, left for another time.
    let in_proportion = |slot: &usize| worth_dropping(agenda.slots[*slot].minutes, missing);
    if let Some(slot) = postponable(agenda).filter(|_| missing > 0).filter(in_proportion) {
        let minutes = agenda.slots[slot].minutes;
        replace(&mut taken, &mut missing, Measure { postponed: true, ..Measure::drop(slot, minutes) });
    }
    // A sequence or a pause shortened before a later measure made it needless keeps its
    // minutes: plan B absorbs the delay, not more (the opening dropped whole may cover the
    // rest). The welcome stays short: the latecomers are why the session is late.
    let mut gained: u32 = taken.iter().map(|m| m.minutes).sum();
    taken.retain(|m| {
        let slot = &agenda.slots[m.slot];
        let kept_whole = slot.is_method() || slot.kind == SlotKind::Break;
        let needless = !m.drop && kept_whole && gained >= late + m.minutes;
        if needless {
            gained -= m.minutes;
        }
        !needless
    });
    // Chosen by priority, said in the order of the day.
    taken.sort_by_key(|measure| measure.slot);
    (taken, missing)
}

/// Drops the opening left after the icebreakers went (one that serves an objective, or
/// the service users' first words) while minutes are missing; `in_proportion`: only when
/// it is about as long as what is missing ([`worth_dropping`]).
fn drop_opening(agenda: &Agenda, taken: &mut Vec<Measure>, missing: &mut u32, in_proportion: bool) {
    let fits = |minutes: u32| !in_proportion || worth_dropping(minutes, *missing);
    if let Some((slot, minutes)) = opening(agenda).filter(|&(_, minutes)| *missing > 0 && fits(minutes)) {
        replace(taken, missing, Measure::drop(slot, minutes));
    }
}

/// Drops the sequences whose objectives others serve ([`droppable`]) while minutes are
/// missing, never one far longer than what is missing ([`worth_dropping`]); `worth_it`:
/// only one no longer than what is still missing and five minutes, and that does not
/// conclude ([`concludes`]).
fn drop_served(agenda: &Agenda, taken: &mut Vec<Measure>, missing: &mut u32, worth_it: bool) {
    for slot in droppable(agenda) {
        let minutes = agenda.slots[slot].minutes;
        let early = minutes > *missing + rules::GRAIN || concludes(&agenda.slots[slot]);
        if *missing == 0 || (worth_it && early) || !worth_dropping(minutes, *missing) {
            continue;
        }
        replace(taken, missing, Measure::drop(slot, minutes));
    }
}

/// Whether a sequence of `minutes` is worth dropping when `missing` minutes are still to
/// make up: not for a tenth of it. Fifty minutes of the session's core do not go for five;
/// the group then ends a few minutes late, told so in advance.
fn worth_dropping(minutes: u32, missing: u32) -> bool {
    minutes <= 2 * missing + rules::GRAIN
}

/// The minutes the measures already `taken` take from `slot`.
fn taken_from(taken: &[Measure], slot: usize) -> u32 {
    taken.iter().filter(|m| m.slot == slot).map(|m| m.minutes).sum()
}

/// Takes `measure` instead of any earlier one on its slot: what is `missing` drops by what
/// it gains beyond them.
fn replace(taken: &mut Vec<Measure>, missing: &mut u32, measure: Measure) {
    let before = taken_from(taken, measure.slot);
    taken.retain(|m| m.slot != measure.slot);
    *missing = missing.saturating_sub(measure.minutes - before.min(measure.minutes));
    taken.push(measure);
}

/// The minutes of the method of `slot` over all its parts.
fn method_minutes(agenda: &Agenda, slot: &Slot) -> u32 {
    agenda.method_slots().filter(|other| other.method == slot.method).map(|other| other.minutes).sum()
}

/// Delays are absorbed in whole five-minute steps, as the agenda is timed.
fn round_up(minutes: u32) -> u32 {
    minutes.div_ceil(rules::GRAIN) * rules::GRAIN
}

/// Every slot that can give minutes, with how many, in the order to ask them: the
/// welcome (latecomers are still arriving), then the opening down to its shortest, then the
/// content sequences of the objectives after the first (those that open up before those
/// that converge, the least important first), then the closing down to its shortest (with
/// service `users`, after the work), then the first objective's sequences, then those that
/// conclude on a result ([`concludes`]); in a day with a lunch, all that runs before the
/// lunch first ([`after_lunch`]). A split method gives from its longest part
/// ([`gives_for_its_method`]). A pause longer than the shortest ([`rules::MIN_BREAK`])
/// gives its extra minutes right after the opening, before any work does (« ten minutes of
/// break instead of twenty »), except with service users, whose pauses keep their length;
/// never the lunch.
fn room_to_shorten(agenda: &Agenda, catalogue: &Catalogue, users: bool) -> Vec<(usize, u32)> {
    let least_welcome = rules::welcome_range(agenda.minutes()).min;
    let mut room: Vec<(usize, usize, u32)> = (agenda.slots.iter().enumerate())
        .filter(|(_, slot)| slot.kind == SlotKind::Welcome)
        .map(|(i, slot)| (0, i, slot.minutes.saturating_sub(least_welcome)))
        .collect();
    if !users {
        let breaks = agenda.slots.iter().enumerate().filter(|(_, slot)| slot.kind == SlotKind::Break);
        room.extend(breaks.map(|(i, slot)| (2, i, slot.minutes.saturating_sub(rules::MIN_BREAK))));
    }
    let mut content: Vec<(usize, usize, u32)> = Vec::new();
    if let Some((i, slot)) = closing(agenda) {
        // The closing's round gives before the work does (fewer voices, same next step);
        // with service users only after it: their voice in it is what the institution came
        // to hear.
        let room_left = to_shortest(agenda, catalogue, slot).unwrap_or(0);
        room.push((if users { 8 } else { 4 }, i, room_left));
    }
    for (i, slot) in agenda.slots.iter().enumerate().filter(|(_, slot)| slot.is_method()) {
        if slot.phase == Some(Phase::Closing) || !gives_for_its_method(agenda, i) {
            continue;
        }
        let Some(method) = slot.method.as_ref().and_then(|id| catalogue.get(id.as_str())) else { continue };
        let parts = method_minutes(agenda, slot);
        let least = method.minutes_for(agenda.participants).min;
        let main = priority(agenda, slot) == 0;
        let converges = slot.phase.is_some_and(Phase::converges);
        // The opening, down to its shortest, gives right after the welcome: a facilitator
        // running late trims the icebreaker before the work (with service users too: it is
        // where they first speak, so it is never dropped before the work gives). A sequence
        // that concludes on a result gives after the main objective's other sequences: it
        // is what the session leaves with.
        let rank = match slot.phase {
            Some(Phase::Opening) => 1,
            _ if concludes(slot) => 7,
            _ => 2 + 3 * usize::from(main) + usize::from(converges),
        };
        // The part of a split method that gives keeps the shortest part (rule 4); a sequence
        // in one piece goes down to the method's shortest length.
        let floor = if parts > slot.minutes { rules::MIN_PART } else { least };
        content.push((rank, i, parts.saturating_sub(least).min(slot.minutes.saturating_sub(floor))));
    }
    // Least important objectives first: the higher the priority index, the sooner.
    content.sort_by_key(|&(rank, i, _)| (rank, std::cmp::Reverse(priority(agenda, &agenda.slots[i]))));
    room.extend(content);
    // The morning's delay is made up before lunch: the meal does not move (the canteen, the
    // caterer, the afternoon's speakers keep their time), so what runs before it gives first.
    room.sort_by_key(|&(rank, i, _)| (after_lunch(agenda, i), rank));
    room.into_iter()
        .map(|(_, i, minutes)| (i, minutes / rules::GRAIN * rules::GRAIN))
        .filter(|&(_, minutes)| minutes > 0)
        .collect()
}

/// The afternoon of a day with a lunch, as a session of its own: the slots after the lunch,
/// from its end. A delay that comes back from lunch is made up there, since the morning's
/// measures have run already. `None` without a lunch, or with nothing after it.
pub(super) fn afternoon(agenda: &Agenda) -> Option<Agenda> {
    let lunch = agenda.slots.iter().rposition(|slot| slot.kind == SlotKind::Lunch)?;
    let after = agenda.slots.get(lunch + 1..).filter(|after| !after.is_empty())?;
    let mut afternoon = agenda.clone();
    afternoon.start = agenda.slots[lunch].end;
    afternoon.slots = after.to_vec();
    Some(afternoon)
}

/// Whether the slot at `index` comes after the session's lunch.
fn after_lunch(agenda: &Agenda, index: usize) -> bool {
    agenda.slots[..index].iter().any(|slot| slot.kind == SlotKind::Lunch)
}

/// Whether the slot at `index` is the one of its method that gives minutes: a method in
/// one piece, or the longest part of a split method (the first among equals), where its
/// rounds or its main work run: a forum ouvert late by half an hour shortens its sessions,
/// not the marketplace where the group sets its own agenda. A method in parts on both sides
/// of the lunch gives from its longest morning part: the morning's delay is made up before
/// the meal, which does not move.
fn gives_for_its_method(agenda: &Agenda, index: usize) -> bool {
    let slot = &agenda.slots[index];
    let parts: Vec<(usize, &Slot)> = (agenda.slots.iter().enumerate())
        .filter(|(_, other)| other.is_method() && other.method == slot.method)
        .collect();
    let morning: Vec<(usize, &Slot)> =
        parts.iter().copied().filter(|&(i, _)| !after_lunch(agenda, i)).collect();
    let both_sides = !morning.is_empty() && morning.len() < parts.len();
    let pool = if both_sides { morning } else { parts };
    let longest =
        pool.into_iter().max_by_key(|&(i, other)| (other.minutes, std::cmp::Reverse(i))).map(|(i, _)| i);
    longest == Some(index)
}

/// The position of the slot's most important objective in the request (lower is more
/// important); a slot serving none comes last.
fn priority(agenda: &Agenda, slot: &Slot) -> usize {
    slot.objectives
        .iter()
        .filter_map(|objective| agenda.objectives.iter().position(|o| o == objective))
        .min()
        .unwrap_or(agenda.objectives.len())
}

/// Content sequences whose every objective another sequence also serves, those that open
/// up before those that conclude, the least important first; never the opening, the
/// closing, or a split method. A sequence that converges is served elsewhere only by
/// another that converges: a choice is not made by the sequence that gathered the ideas.
fn droppable(agenda: &Agenda) -> Vec<usize> {
    let mut found: Vec<usize> = agenda
        .slots
        .iter()
        .enumerate()
        .filter(|(_, slot)| slot.is_method() && slot.part.is_none())
        .filter(|(_, slot)| !matches!(slot.phase, Some(Phase::Opening | Phase::Closing) | None))
        .filter(|(i, slot)| {
            let single = agenda.method_slots().filter(|other| other.method == slot.method).count() == 1;
            single
                && slot.objectives.iter().all(|objective| {
                    agenda.slots.iter().enumerate().any(|(j, other)| {
                        let converges = |slot: &Slot| slot.phase.is_some_and(Phase::converges);
                        j != *i
                            && other.method != slot.method
                            && other.objectives.contains(objective)
                            && (converges(other) || !converges(slot))
                    })
                })
        })
        .map(|(i, _)| i)
        .collect();
    // What only gathers goes before what concludes, however the objectives rank.
    found.sort_by_key(|&i| {
        (concludes(&agenda.slots[i]), std::cmp::Reverse(priority(agenda, &agenda.slots[i])))
    });
    found
}

/// Whether `slot` converges on an objective that calls for a result: the criteria a
/// session came to agree on are what it leaves with, dropped only when nothing else can
/// give the minutes.
fn concludes(slot: &Slot) -> bool {
    slot.phase.is_some_and(Phase::converges) && slot.objectives.iter().any(|o| o.calls_for_result())
}

/// The content sequence, in one slot, that serves only objectives after the first and the
/// least important of them: the one plan B leaves for another time rather than end late.
/// Never one that concludes on a result ([`concludes`]): the criteria a session came to
/// agree on are not left for another day; better say how late it will end.
fn postponable(agenda: &Agenda) -> Option<usize> {
    let content = |slot: &Slot| slot.is_method() && slot.phase.is_some_and(|phase| !phase.frames());
    let single = |slot: &Slot| agenda.method_slots().filter(|other| other.method == slot.method).count() == 1;
    (0..agenda.slots.len())
        .filter(|&i| content(&agenda.slots[i]) && single(&agenda.slots[i]) && !concludes(&agenda.slots[i]))
        .filter(|&i| priority(agenda, &agenda.slots[i]) > 0)
        .max_by_key(|&i| (priority(agenda, &agenda.slots[i]), i))
}

/// The content sequences that may run under their shortest length as plan B's last
/// shortening ([`rules::PLAN_B_SQUEEZE`]), with the minutes each may give in all (counting
/// what an earlier measure already took from it), the least important first; a part keeps
/// [`rules::MIN_PART`] minutes.
fn squeeze(agenda: &Agenda, catalogue: &Catalogue) -> Vec<(usize, u32)> {
    let content = |slot: &Slot| slot.is_method() && slot.phase.is_some_and(|phase| !phase.frames());
    let mut found: Vec<(usize, u32)> = (0..agenda.slots.len())
        .filter(|&i| content(&agenda.slots[i]) && gives_for_its_method(agenda, i))
        .filter_map(|i| {
            let slot = &agenda.slots[i];
            let method = catalogue.get(slot.method.as_ref()?.as_str())?;
            let total = method_minutes(agenda, slot);
            let least = method.minutes_for(agenda.participants).min.min(total);
            let fewest = least - least / rules::PLAN_B_SQUEEZE;
            let room = total.saturating_sub(fewest).min(slot.minutes.saturating_sub(rules::MIN_PART));
            Some((i, room))
        })
        .filter(|&(_, room)| room >= rules::GRAIN)
        .collect();
    found.sort_by_key(|&(i, _)| std::cmp::Reverse(priority(agenda, &agenda.slots[i])));
    found
}

/// The last measures before ending late: the opening dropped, and an energiser after
/// lunch (with the minutes each gives). With service `users`, or when it serves one of the
/// objectives asked for, the opening only runs at its shortest: it is where the group first
/// speaks (service users before any professional does).
fn last_resort(agenda: &Agenda, catalogue: &Catalogue, users: bool) -> Vec<(usize, u32)> {
    openings(agenda)
        .filter_map(|(i, slot)| {
            Some((
                i,
                if opening_may_go(agenda, slot, users) {
                    slot.minutes
                } else {
                    to_shortest(agenda, catalogue, slot)?
                },
            ))
        })
        .filter(|&(_, room)| room > 0)
        .collect()
}

/// The whole minutes of `slot` above its method's shortest length for the group, in steps of
/// [`rules::GRAIN`]; `None` for a slot without a known method.
fn to_shortest(agenda: &Agenda, catalogue: &Catalogue, slot: &Slot) -> Option<u32> {
    let method = catalogue.get(slot.method.as_ref()?.as_str())?;
    let least = round_up(method.minutes_for(agenda.participants).min);
    Some(slot.minutes.saturating_sub(least) / rules::GRAIN * rules::GRAIN)
}

/// The opening-phase methods and their indexes: the session's opening first, then an
/// energiser after lunch.
fn openings(agenda: &Agenda) -> impl Iterator<Item = (usize, &Slot)> {
    let opening = |slot: &Slot| slot.is_method() && slot.phase == Some(Phase::Opening) && slot.part.is_none();
    agenda.slots.iter().enumerate().filter(move |(_, slot)| opening(slot))
}

/// The opening method and its minutes, when the session has one that serves none of the
/// objectives asked for: a warm-up. An opening that serves one (a Photolangage where each says how
/// the year was, to remobilise) is where the group first speaks of the subject: it only
/// runs at its shortest.
fn icebreaker(agenda: &Agenda) -> Option<(usize, u32)> {
    opening(agenda).filter(|&(i, _)| opening_may_go(agenda, &agenda.slots[i], false))
}

/// Whether an opening `slot` may go whole before ending late: a warm-up that serves none of
/// the objectives the session was asked for, without service `users` (for whom it is where
/// they first speak), in a session that asks nobody to risk a word (a tired team asked to
/// remobilise first says there how it arrives: [`super::wording::risks_a_word`]).
fn opening_may_go(agenda: &Agenda, slot: &Slot, users: bool) -> bool {
    !users && !agenda.serves_asked(slot) && !super::wording::risks_a_word(&agenda.objectives)
}

/// The opening method and its minutes, when the session has one.
fn opening(agenda: &Agenda) -> Option<(usize, u32)> {
    openings(agenda).next().map(|(i, slot)| (i, slot.minutes))
}

/// The closing, when it runs longer than [`rules::BARE_CLOSING`], with the minutes it gives
/// by running bare.
fn bare_closing(agenda: &Agenda) -> Option<(usize, u32)> {
    let (i, slot) = closing(agenda)?;
    let room = slot.minutes.checked_sub(rules::BARE_CLOSING).filter(|&room| room > 0)?;
    Some((i, room))
}

/// The closing sequence and its index: the last method slot in the closing phase.
fn closing(agenda: &Agenda) -> Option<(usize, &Slot)> {
    agenda
        .slots
        .iter()
        .enumerate()
        .rev()
        .find(|(_, slot)| slot.is_method() && slot.phase == Some(Phase::Closing))
}

/// A measure in words, for the déroulé; `giving` says, for a sequence shortened, which of
/// its steps give the minutes (« : l'étape 2 passe de 17 à 12 min »).
pub(super) fn say(measure: &Measure, agenda: &Agenda, (name, giving): (&str, &str), lang: Lang) -> String {
    let slot = &agenda.slots[measure.slot];
    let whole = duration(slot.minutes, lang);
    let at = clock(slot.start, lang);
    if measure.drop && slot.phase == Some(Phase::Opening) {
        return match lang {
            Lang::Fr => {
                format!(
                    "À {at}, supprimer « {name} » ({whole}) : l'accueil enchaîne directement sur la séquence suivante."
                )
            }
            Lang::En => {
                format!(
                    "At {at}, drop “{name}” ({whole}): the welcome leads straight into the next sequence."
                )
            }
        };
    }
    if measure.bare {
        let left = duration(slot.minutes - measure.minutes, lang);
        return match lang {
            Lang::Fr => format!(
                "À {at}, réduire « {name} » à {left} au lieu de {whole} : sans tour de parole, vous rappelez ce que la séance a produit et la suite (qui fait quoi, pour quand), puis remerciez."
            ),
            Lang::En => format!(
                "At {at}, cut “{name}” to {left} instead of {whole}: no round; recall what the session produced and what comes next (who does what, by when), then thank everyone."
            ),
        };
    }
    if measure.postponed {
        return match lang {
            Lang::Fr => format!(
                "À {at}, supprimer « {name} » ({whole}) plutôt que finir en retard : ce qu'il devait produire sera repris lors d'un prochain temps, à convenir avec le porteur de projet."
            ),
            Lang::En => format!(
                "At {at}, drop “{name}” ({whole}) rather than end late: what it was to produce will be taken up another time, to agree with the project lead."
            ),
        };
    }
    if measure.drop {
        return match lang {
            Lang::Fr => {
                format!("À {at}, supprimer « {name} » ({whole}) : ses objectifs sont servis ailleurs.")
            }
            Lang::En => format!("At {at}, drop “{name}” ({whole}): its objectives are served elsewhere."),
        };
    }
    let gained = duration(measure.minutes, lang);
    let total = method_minutes(agenda, slot);
    if slot.method.is_some() && total > slot.minutes {
        // A method in parts: its length is the whole of it, not of its first part.
        let (left, whole) = (duration(total - measure.minutes, lang), duration(total, lang));
        return match lang {
            Lang::Fr => format!(
                "À {at}, raccourcir « {name} » de {gained}{part} ({left} au lieu de {whole} en tout){giving}.",
                part = if slot.part.is_none() { " dans sa première partie" } else { "" }
            ),
            Lang::En => format!(
                "At {at}, shorten “{name}” by {gained}{part} ({left} instead of {whole} in all){giving}.",
                part = if slot.part.is_none() { " in its first part" } else { "" }
            ),
        };
    }
    let left = duration(slot.minutes - measure.minutes, lang);
    match lang {
        Lang::Fr => format!("À {at}, raccourcir « {name} » de {gained} ({left} au lieu de {whole}){giving}."),
        Lang::En => format!("At {at}, shorten “{name}” by {gained} ({left} instead of {whole}){giving}."),
    }
}

/// What to do when plan B's measures leave `missing` minutes: tell the group and end that
/// much later; in a session asked to decide, first have the project lead settle on what
/// the group has laid out (a decision is not left for after the session, nor taken late).
pub(super) fn say_missing(agenda: &Agenda, missing: u32, lang: Lang) -> String {
    let gap = duration(missing, lang);
    let end = agenda.end.plus(missing).map_or(String::new(), |end| clock(end, lang));
    // A session asked to decide has its lead settle first: postponing would leave the
    // decision hanging.
    let decides = agenda.objectives.contains(&Objective::Decide);
    if !decides && rules::better_postponed(agenda.minutes(), missing) {
        return match lang {
            Lang::Fr => format!(
                "Il manque encore {gap}, une bonne part de la séance : plutôt que de déborder d'autant, proposez au porteur de projet de la reporter à une date proche ; s'il tient à la garder, prévenez le groupe et finissez à {end}."
            ),
            Lang::En => format!(
                "{gap} are still missing, a good part of the session: rather than run over that much, suggest to the project lead to hold it again soon; if they want to keep it, tell the group and end at {end}."
            ),
        };
    }
    match (lang, decides) {
        (Lang::Fr, false) => {
            format!(
                "Il manque encore {gap} : prévenez le porteur de projet et le groupe, et finissez à {end}."
            )
        }
        (Lang::En, false) => {
            format!("{gap} are still missing: tell the project lead and the group, and end at {end}.")
        }
        (Lang::Fr, true) => format!(
            "Il manque encore {gap} : plutôt que de déborder, le porteur de projet tranche à partir de ce que le groupe a posé et dit pourquoi ; s'il ne le peut pas, prévenez le groupe et finissez à {end}."
        ),
        (Lang::En, true) => format!(
            "{gap} are still missing: rather than run over, the project lead decides on what the group has laid out and says why; if they cannot, tell the group and end at {end}."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::planner::Planner;
    use crate::request::Request;

    fn agenda(minutes: u32, objectives: &[&str]) -> Agenda {
        let mut request =
            Request::builder("Plan B").start_for("09:00", minutes).participants(24).facilitators(2);
        for objective in objectives {
            request = request.objective(*objective);
        }
        Planner::new(Catalogue::builtin()).plan(&request.build().unwrap()).unwrap().agenda
    }

    /// A request of the repository, by its path from the crate's root.
    fn request(path: &str) -> Request {
        Request::from_file(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
    }

    /// The agenda planned for the request at `path` (seed 0).
    fn planned(path: &str) -> Agenda {
        Planner::new(Catalogue::builtin()).plan(&request(path)).unwrap().agenda
    }

    /// Whether `slot` runs a part of the forum ouvert.
    fn forum(slot: &Slot) -> bool {
        slot.method.as_ref().is_some_and(|id| id.as_str() == "forum-ouvert")
    }

    #[test]
    fn plan_b_absorbs_the_delay_or_says_what_is_missing_and_never_drops_the_closing() {
        let catalogue = Catalogue::builtin();
        for (minutes, objectives) in [
            (90, &["share-practices"][..]),
            (120, &["resolve-irritants", "action-plan"][..]),
            (180, &["review", "vision", "network-partners"][..]),
            (420, &["generate-ideas", "prioritize", "action-plan"][..]),
            (120, &["share-practices", "harmonize-practices"][..]),
        ] {
            let agenda = agenda(minutes, objectives);
            for late in DELAYS {
                let (measures, missing) = measures(&agenda, catalogue, late, false);
                let gained: u32 = measures.iter().map(|m| m.minutes).sum();
                assert!(gained + missing >= late, "{minutes} min, {late} late: {measures:?}");
                for measure in measures.iter().filter(|m| !m.drop && agenda.slots[m.slot].is_method()) {
                    assert!(gained - measure.minutes < late, "a needless shortening: {measures:?}");
                }
                for measure in &measures {
                    let slot = &agenda.slots[measure.slot];
                    let closing = slot.phase == Some(Phase::Closing);
                    assert!(!(closing && measure.drop), "the closing is never dropped");
                    assert!(
                        !(measure.postponed && concludes(slot)),
                        "what the session came to agree on stays"
                    );
                    if closing && !measure.bare {
                        let method = catalogue.get(slot.method.as_ref().unwrap().as_str()).unwrap();
                        let least = method.minutes_for(agenda.participants).min;
                        assert!(slot.minutes - measure.minutes >= least, "the closing keeps its shortest");
                    }
                    assert!(measure.drop || slot.minutes - measure.minutes >= rules::WELCOME.min);
                    assert!(!measure.bare || slot.minutes - measure.minutes == rules::BARE_CLOSING);
                    assert_eq!(measure.minutes % rules::GRAIN, 0);
                }
                assert!(
                    measures.windows(2).all(|pair| pair[0].slot < pair[1].slot),
                    "in the order of the day"
                );
            }
        }
    }

    #[test]
    fn a_late_start_cuts_the_icebreaker_before_the_work_and_only_trims_it_with_service_users_or_when_it_serves_the_request()
     {
        // The hybrid managers' morning: the weather check-in, five minutes more than the
        // planner gave it (taken from the work that follows), then the work the session is for.
        let mut request = request("tests/data/requests/hybride-plan-action.yaml");
        request.include.push(crate::MethodId::new("meteo").unwrap());
        let catalogue = Catalogue::builtin();
        let mut agenda = Planner::new(catalogue).plan(&request).unwrap().agenda;
        let (opening, _) = opening(&agenda).unwrap();
        let next = opening + 1;
        agenda.slots[opening].minutes += rules::GRAIN;
        agenda.slots[opening].end = agenda.slots[opening].end.plus(rules::GRAIN).unwrap();
        agenda.slots[next].minutes -= rules::GRAIN;
        agenda.slots[next].start = agenda.slots[opening].end;
        let minutes = agenda.slots[opening].minutes;
        let method = catalogue.get(agenda.slots[opening].method.as_ref().unwrap().as_str()).unwrap();
        assert!(minutes > method.minutes_for(agenda.participants).min, "{:?}", agenda.slots[opening]);
        // Whether the icebreaker gives, dropped or not, before any work does.
        let gives_first = |agenda: &Agenda, users: bool, dropped: bool| {
            let (measures, _) = measures(agenda, catalogue, 15, users);
            let content = |m: &Measure| agenda.slots[m.slot].phase.is_some_and(|p| !p.frames());
            let first_content = measures.iter().position(content);
            let at = measures.iter().position(|m| m.slot == opening && m.drop == dropped);
            at.is_some_and(|at| first_content.is_none_or(|first| at < first))
        };
        assert!(gives_first(&agenda, false, true), "the icebreaker goes before the work");
        assert!(gives_first(&agenda, true, false), "with service users it is trimmed, not dropped");
        // The same opening, now where the group first speaks of what it came for.
        agenda.slots[opening].objectives = vec![agenda.objectives[0]];
        assert!(
            !gives_first(&agenda, false, true),
            "an opening that serves the request is not dropped first"
        );
        assert!(gives_first(&agenda, false, false), "it is trimmed to its shortest before the work gives");
    }

    #[test]
    fn a_split_method_gives_from_its_longest_part_never_from_the_marketplace() {
        let catalogue = Catalogue::builtin();
        let agenda = planned("tests/data/requests/forum-ouvert-journee.yaml");
        let longest = agenda.slots.iter().filter(|s| forum(s)).map(|s| s.minutes).max().unwrap();
        let marketplace = agenda.slots.iter().position(forum).unwrap();
        assert!(agenda.slots[marketplace].minutes < longest, "{agenda:?}");
        for late in [15, 30, 45] {
            let (measures, _) = measures(&agenda, catalogue, late, false);
            let on_forum: Vec<_> = measures.iter().filter(|m| forum(&agenda.slots[m.slot])).collect();
            assert!(on_forum.iter().all(|m| agenda.slots[m.slot].minutes == longest), "{late}: {on_forum:?}");
        }
    }

    #[test]
    fn a_short_meeting_far_too_late_is_offered_to_be_held_again_rather_than_run_over() {
        // 45 minutes, 30 late: 20 still missing; a facilitator postpones, not ends at 15:05.
        let catalogue = Catalogue::builtin();
        let agenda = planned("tests/data/requests/reunion-45-minutes.yaml");
        let (_, missing) = measures(&agenda, catalogue, 30, false);
        assert!(missing * 3 >= agenda.minutes(), "{missing} of {}", agenda.minutes());
        assert!(
            say_missing(&agenda, missing, Lang::Fr).contains("proposez au porteur de projet de la reporter")
        );
        // Five minutes over a 45-minute meeting is still told, not postponed.
        assert!(!say_missing(&agenda, 5, Lang::Fr).contains("reporter"));
    }

    #[test]
    fn a_forum_on_both_sides_of_lunch_makes_up_the_morning_delay_in_the_morning() {
        // The EHPAD forum's longest session runs after lunch: a delay at the start is still
        // made up before the meal, from a morning session, never from the marketplace.
        let catalogue = Catalogue::builtin();
        let agenda = planned("examples/requests/forum-ouvert-ehpad.yaml");
        let marketplace = agenda.slots.iter().position(forum).unwrap();
        for late in [15, 30] {
            let (measures, missing) = measures(&agenda, catalogue, late, false);
            assert_eq!(missing, 0, "{late}");
            for measure in &measures {
                assert!(!after_lunch(&agenda, measure.slot), "{late}: {measure:?}");
                assert_ne!(measure.slot, marketplace, "{late}: {measure:?}");
            }
        }
    }

    #[test]
    fn a_method_in_parts_gives_all_its_minutes_from_one_part() {
        // The management week's irritants, thirty minutes late: shortened and squeezed in
        // the same part, so that « en tout » adds up.
        let request = request("examples/requests/irritants-semaine-management.yaml");
        let catalogue = Catalogue::builtin();
        for seed in 0..4 {
            let agenda = Planner::new(catalogue).seed(seed).plan(&request).unwrap().agenda;
            for late in [15, 30, 45] {
                let (measures, _) = measures(&agenda, catalogue, late, false);
                let mut methods: Vec<_> =
                    measures.iter().filter_map(|m| agenda.slots[m.slot].method.clone()).collect();
                let count = methods.len();
                methods.sort();
                methods.dedup();
                assert_eq!(methods.len(), count, "seed {seed}, {late} late: {measures:?}");
            }
        }
    }

    #[test]
    fn a_team_asked_to_remobilise_keeps_its_check_in_when_the_day_starts_late() {
        // A team after a hard year: the weather is where each first says how they arrive.
        let catalogue = Catalogue::builtin();
        let request = request("tests/data/requests/annee-difficile.yaml");
        for seed in 0..4 {
            let agenda = Planner::new(catalogue).seed(seed).plan(&request).unwrap().agenda;
            let Some((opening, _)) = opening(&agenda) else { continue };
            for late in DELAYS {
                let (taken, _) = measures(&agenda, catalogue, late, false);
                assert!(
                    !taken.iter().any(|m| m.slot == opening && m.drop),
                    "seed {seed}, {late} min: {taken:?}"
                );
            }
        }
        // A warm-up in a session that asks nobody to risk a word still goes first.
        let warm_up = agenda(120, &["generate-ideas", "prioritize"]);
        let (opening, _) = icebreaker(&warm_up).expect("a warm-up opens the two hours");
        let (taken, _) = measures(&warm_up, catalogue, 15, false);
        assert!(taken.iter().any(|m| m.slot == opening && m.drop), "{taken:?}");
    }

    #[test]
    fn a_short_opening_that_serves_the_team_goes_before_its_closing_round_but_a_long_one_does_not() {
        // The remote team's morning, a quarter of an hour late: a word each at the start
        // goes rather than the round of commitments at the end.
        let catalogue = Catalogue::builtin();
        let mut agenda = planned("examples/requests/equipe-a-distance.yaml");
        let (opening, minutes) = opening(&agenda).unwrap();
        assert!(agenda.slots[opening].objectives.iter().any(|o| agenda.objectives.contains(o)));
        let taken = |agenda: &Agenda| measures(agenda, catalogue, 15, false).0;
        let first = taken(&agenda);
        assert!(first.iter().any(|m| m.slot == opening && m.drop), "{first:?}");
        assert!(!first.iter().any(|m| m.bare), "{first:?}");
        // Twenty minutes where each first speaks of the subject do not go for five.
        agenda.slots[opening].minutes = minutes + 15;
        let long = taken(&agenda);
        assert!(!long.iter().any(|m| m.slot == opening && m.drop), "{long:?}");
    }

    #[test]
    fn the_closing_runs_bare_before_ending_late_but_never_with_service_users() {
        let catalogue = Catalogue::builtin();
        let agenda = agenda(45, &["decide"]);
        let bare = |users: bool| {
            let (measures, _) = measures(&agenda, catalogue, 30, users);
            measures.iter().any(|m| m.bare)
        };
        assert!(bare(false), "30 minutes late in a 45-minute meeting, the closing's round goes");
        assert!(!bare(true), "with service users, their voice in the closing stays");
    }

    #[test]
    fn with_service_users_the_opening_goes_only_when_a_sequence_would_otherwise() {
        // The Forum RSA: the weather check-in is where the people supported first speak.
        let catalogue = Catalogue::builtin();
        let dropped = |agenda: &Agenda, late: u32| {
            let opening = opening(agenda).unwrap().0;
            let (measures, _) = super::measures(agenda, catalogue, late, true);
            measures.iter().any(|m| m.slot == opening && m.drop)
        };
        let forum = planned("examples/requests/forum-rsa.yaml");
        assert!(!dropped(&forum, 15), "with service users, the work gives its minutes first");
        assert!(!dropped(&forum, 30), "the front pages have minutes to give");
        // The forum half an hour shorter has none: thirty minutes late, the weather goes
        // rather than a sequence left for another time.
        let short = planned("examples/requests/forum-rsa-raccourci.yaml");
        let (measures, _) = measures(&short, catalogue, 30, true);
        assert!(measures.iter().all(|m| !m.postponed), "no sequence is left for another time: {measures:?}");
        assert!(dropped(&short, 30));
    }
}
