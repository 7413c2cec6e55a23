//! Re-timing on the day: it is now `now`, the slots before the `next`-th are done; the
//! rest of the session is fitted into the time left so that it still ends on time.
//!
//! Running late, time is found in this order: breaks and lunch shortened to their minimum
//! (10 and 45 minutes), then methods shortened to the least their range allows for the
//! group, the lowest-priority first (the priority of a method is that of the first
//! objective it serves), then the lowest-priority method dropped. The closing, talks and
//! locked slots are never touched, and a method that is the only one serving an
//! objective is dropped only when there is no other way. Running early, the methods
//! serving the first objectives get the time back, up to their longest, then the breaks.
//! Every hard rule holds over the remaining time: pauses stay long enough, no stretch of
//! work grows, each method keeps within its range.
//!
//! ```
//! use facilitation::{Catalogue, ClockTime, Planner, Request, retime::retime};
//! let catalogue = Catalogue::builtin();
//! let request = Request::builder("Atelier").time("09:30", "12:30").participants(24)
//!     .objective("share-practices").objective("action-plan").build()?;
//! let agenda = Planner::new(catalogue).plan(&request)?.agenda;
//! let second = &agenda.slots[1];
//! let now = second.start.plus(10).unwrap();
//! let retimed = retime(&agenda, &request, catalogue, now, 2)?;
//! assert_eq!(retimed.slots.last().unwrap().end, agenda.end);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::agenda::{Agenda, Slot, SlotKind};
use crate::catalogue::Catalogue;
use crate::clock::ClockTime;
use crate::method::{MethodId, MinuteRange};
use crate::request::Request;
use crate::rules::{GRAIN, LUNCH_WINDOW, MIN_BREAK, MIN_LUNCH, MIN_PART};
use crate::text::{Lang, Localize};
use crate::vocabulary::{Objective, Phase};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The longest a break grows when the session runs early.
const LONGEST_BREAK: u32 = 20;

/// The rest of a session, re-timed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Retimed {
    /// When the rest starts.
    pub now: ClockTime,
    /// Minutes behind the plan (negative when ahead).
    pub late_by: i32,
    /// Running early with nothing that may grow (no pause, every run at its longest):
    /// minutes to wait before the rest starts, at `now` plus these.
    #[serde(default)]
    pub wait: u32,
    /// The remaining slots, from `now` to the planned end.
    pub slots: Vec<Slot>,
    /// What changed, slot by slot.
    pub changes: Vec<Retouch>,
}

/// One change to the rest of the session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Retouch {
    /// What the slot is: its method, the talk's title, or its kind.
    pub what: String,
    /// Its planned minutes.
    pub from: u32,
    /// Its minutes now (0: dropped).
    pub to: u32,
}

/// Why the rest of a session cannot be re-timed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RetimeError {
    /// `next` names no slot of the agenda.
    NoSlot {
        /// The slot asked for (1-based).
        next: usize,
        /// How many slots the agenda has.
        slots: usize,
    },
    /// `now` is past the session's end.
    PastEnd {
        /// The session's end.
        end: ClockTime,
    },
    /// Even the shortest rest (closing, talks and locked slots kept) does not fit.
    NoRoom {
        /// The minutes still missing.
        missing: u32,
    },
}

impl Localize for RetimeError {
    fn text(&self, lang: Lang) -> String {
        match self {
            RetimeError::NoSlot { next, slots } => lang.pick(
                format!("le créneau {next} n'existe pas : le déroulé en compte {slots}."),
                format!("slot {next} does not exist: the agenda has {slots}."),
            ),
            RetimeError::PastEnd { end } => lang.pick(
                format!("la séance finit à {end} : il n'y a plus rien à réorganiser."),
                format!("the session ends at {end}: nothing is left to re-time."),
            ),
            RetimeError::NoRoom { missing } => lang.pick(
                format!("il manque {missing} minutes même en ne gardant que la clôture, les interventions et les créneaux verrouillés : prolongez la séance ou reportez une partie."),
                format!("{missing} minutes are missing even with only the closing, the talks and the locked slots kept: extend the session or postpone part of it."),
            ),
        }
    }
}

impl fmt::Display for RetimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for RetimeError {}

/// Fits the rest of `agenda` (from its `next`-th slot, 1-based) between `now` and its end.
pub fn retime(
    agenda: &Agenda,
    request: &Request,
    catalogue: &Catalogue,
    now: ClockTime,
    next: usize,
) -> Result<Retimed, RetimeError> {
    let first = next.checked_sub(1).filter(|&k| k < agenda.slots.len());
    let first = first.ok_or(RetimeError::NoSlot { next, slots: agenda.slots.len() })?;
    if now >= agenda.end {
        return Err(RetimeError::PastEnd { end: agenda.end });
    }
    let planned = agenda.slots[first].start;
    let late_by = now.minutes() as i32 - planned.minutes() as i32;
    let early = u32::try_from(-late_by).unwrap_or(0);
    let mut rest = Rest::new(agenda, request, catalogue, first, early);
    let left = agenda.end.since(now);
    let total: u32 = rest.minutes.iter().sum();
    if total > left {
        rest.cut(total - left)?;
    } else {
        rest.stretch(left - total);
    }
    rest.lunch_in_window(now);
    rest.break_for_wait();
    Ok(rest.finish(now, late_by))
}

/// The remaining slots and their new minutes (0: dropped).
struct Rest<'a> {
    agenda: &'a Agenda,
    first: usize,
    slots: Vec<Slot>,
    minutes: Vec<u32>,
    /// Each slot's method range for the group (all parts together), for method slots.
    ranges: Vec<Option<MinuteRange>>,
    max_stretch: u32,
    /// Service users take part: their pauses keep their length (as in plan B).
    users: bool,
    /// Minutes nothing could take: the rest starts that much later.
    wait: u32,
    /// The work already done since the last pause (less when running early: it went
    /// faster).
    done_stretch: u32,
}

impl<'a> Rest<'a> {
    fn new(agenda: &'a Agenda, request: &Request, catalogue: &Catalogue, first: usize, early: u32) -> Self {
        let slots = agenda.slots[first..].to_vec();
        let ranges = slots
            .iter()
            .map(|slot| {
                let id = slot.method.as_ref().filter(|_| slot.is_method())?;
                catalogue.get(id.as_str()).map(|m| m.minutes_for(request.participants))
            })
            .collect();
        let done = &agenda.slots[..first];
        let since_pause = done.iter().rev().take_while(|s| !s.kind.is_pause());
        Rest {
            agenda,
            first,
            minutes: slots.iter().map(|s| s.minutes).collect(),
            slots,
            ranges,
            max_stretch: request.max_stretch,
            users: request.with_users(),
            wait: 0,
            done_stretch: since_pause.map(|s| s.minutes).sum::<u32>().saturating_sub(early),
        }
    }

    /// Minutes of `id` in the whole session, done parts as planned.
    fn method_total(&self, id: &MethodId) -> u32 {
        let done =
            self.agenda.slots[..self.first].iter().filter(|s| s.is_method() && s.method.as_ref() == Some(id));
        let done: u32 = done.map(|s| s.minutes).sum();
        let rest = self
            .slots
            .iter()
            .zip(&self.minutes)
            .filter(|(s, _)| s.is_method() && s.method.as_ref() == Some(id));
        done + rest.map(|(_, m)| *m).sum::<u32>()
    }

    /// The least minutes slot `i` can take without being dropped.
    fn least(&self, i: usize) -> u32 {
        let slot = &self.slots[i];
        match slot.kind {
            SlotKind::Break => MIN_BREAK.min(slot.minutes),
            SlotKind::Lunch => MIN_LUNCH.min(slot.minutes),
            SlotKind::Method => {
                let (Some(range), Some(id)) = (self.ranges[i], &slot.method) else { return self.minutes[i] };
                let others = self.method_total(id) - self.minutes[i];
                let parted = self.parts(id) > 1;
                let least = range.min.saturating_sub(others).max(if parted { MIN_PART } else { 1 });
                least.min(self.minutes[i])
            }
            _ => self.minutes[i],
        }
    }

    fn parts(&self, id: &MethodId) -> usize {
        self.agenda.slots.iter().filter(|s| s.is_method() && s.method.as_ref() == Some(id)).count()
    }

    /// The most minutes method slot `i` can take.
    fn most(&self, i: usize) -> u32 {
        let slot = &self.slots[i];
        let (Some(range), Some(id)) = (self.ranges[i], &slot.method) else { return self.minutes[i] };
        let others = self.method_total(id) - self.minutes[i];
        range.max.saturating_sub(others).max(self.minutes[i])
    }

    /// The priority rank of slot `i`: that of the first request objective it serves (the
    /// lowest rank first); slots serving none rank last.
    fn rank(&self, i: usize) -> usize {
        let objectives = &self.agenda.objectives;
        let ranks = self.slots[i].objectives.iter().filter_map(|o| objectives.iter().position(|x| x == o));
        ranks.min().unwrap_or(objectives.len())
    }

    /// The closing slots that may change length.
    fn closings(&self) -> Vec<usize> {
        let closing = |s: &Slot| s.is_method() && s.phase == Some(Phase::Closing) && !s.locked;
        (0..self.slots.len()).filter(|&i| closing(&self.slots[i]) && self.minutes[i] > 0).collect()
    }

    /// Whether slot `i` may be shortened or dropped at all.
    fn movable(&self, i: usize) -> bool {
        let slot = &self.slots[i];
        !slot.locked && slot.is_method() && slot.phase != Some(Phase::Closing) && self.minutes[i] > 0
    }

    /// Whether slot `i` runs the only method serving one of the request's objectives.
    fn only_method(&self, i: usize) -> bool {
        let here = &self.slots[i];
        let served_elsewhere = |objective: &Objective| {
            let done = self.agenda.slots[..self.first].iter().map(|s| (s, 1));
            let rest = self.slots.iter().zip(self.minutes.iter().copied());
            done.chain(rest)
                .any(|(s, m)| m > 0 && s.method != here.method && s.objectives.contains(objective))
        };
        here.objectives.iter().filter(|o| self.agenda.objectives.contains(o)).any(|o| !served_elsewhere(o))
    }

    /// Whether the method of slot `i` may go without breaking its range: nothing of it is
    /// done yet, or what is done already reaches its least.
    fn may_drop(&self, i: usize) -> bool {
        let (Some(range), Some(id)) = (self.ranges[i], &self.slots[i].method) else { return true };
        let done =
            self.agenda.slots[..self.first].iter().filter(|s| s.is_method() && s.method.as_ref() == Some(id));
        let done: u32 = done.map(|s| s.minutes).sum();
        done == 0 || done >= range.min
    }

    /// Finds `need` minutes, the cheapest way first; the pauses of service users give none.
    fn cut(&mut self, mut need: u32) -> Result<(), RetimeError> {
        let pauses: Vec<usize> = (0..self.slots.len())
            .filter(|&i| self.slots[i].kind.is_pause() && !self.slots[i].locked && !self.users)
            .collect();
        need = self.shorten(&pauses, need);
        let mut methods: Vec<usize> = (0..self.slots.len()).filter(|&i| self.movable(i)).collect();
        methods.sort_by_key(|&i| (std::cmp::Reverse(self.rank(i)), i));
        need = self.shorten(&methods, need);
        for only in [false, true] {
            if only {
                // Before an objective loses its only method, the closing gives what it can.
                need = self.shorten(&self.closings(), need);
            }
            for &i in &methods {
                if need == 0 {
                    return Ok(());
                }
                let last_resort = self.only_method(i) || !self.may_drop(i);
                if self.minutes[i] > 0 && last_resort == only {
                    need = self.drop_method(i, need);
                }
            }
        }
        if need > 0 { Err(RetimeError::NoRoom { missing: need }) } else { Ok(()) }
    }

    /// Shortens `order`'s slots towards their least, in five-minute steps while `need`
    /// allows, then by the last minutes; returns what is still needed.
    fn shorten(&mut self, order: &[usize], mut need: u32) -> u32 {
        for exact in [false, true] {
            for &i in order {
                let room = self.minutes[i].saturating_sub(self.least(i));
                let take = if exact { room.min(need) } else { room.min(need) / GRAIN * GRAIN };
                self.minutes[i] -= take;
                need -= take;
            }
        }
        need
    }

    /// Drops the method of slot `i` (all its remaining parts) and merges the pauses it
    /// leaves side by side; returns what is still needed (negative needs go to the pause).
    fn drop_method(&mut self, i: usize, need: u32) -> u32 {
        let id = self.slots[i].method.clone();
        let mut freed = 0;
        for j in 0..self.slots.len() {
            if self.slots[j].is_method() && self.slots[j].method == id {
                freed += self.minutes[j];
                self.minutes[j] = 0;
            }
        }
        freed += self.merge_pauses();
        if freed >= need {
            // What is freed beyond the need goes to the nearest pause, else the method
            // that follows.
            self.give(freed - need);
            0
        } else {
            need - freed
        }
    }

    /// Two pauses side by side (what lies between them dropped): the second goes, the
    /// first keeps the longer length; returns the minutes freed.
    fn merge_pauses(&mut self) -> u32 {
        let mut freed = 0;
        let mut last_pause: Option<usize> = None;
        for j in 0..self.slots.len() {
            if self.minutes[j] == 0 {
                continue;
            }
            if !self.slots[j].kind.is_pause() || self.slots[j].locked {
                last_pause = None;
                continue;
            }
            match last_pause {
                Some(p) if !self.slots[p].locked => {
                    let keep = self.minutes[p].max(self.minutes[j]);
                    if self.slots[j].kind == SlotKind::Lunch {
                        self.slots[p].kind = SlotKind::Lunch;
                    }
                    freed += self.minutes[p] + self.minutes[j] - keep;
                    self.minutes[p] = keep;
                    self.minutes[j] = 0;
                }
                _ => last_pause = Some(j),
            }
        }
        freed
    }

    /// Gives `extra` minutes back: to the methods serving the first objectives, up to
    /// their longest and within the stretch, then to the breaks.
    fn stretch(&mut self, extra: u32) {
        let mut methods: Vec<usize> = (0..self.slots.len()).filter(|&i| self.movable(i)).collect();
        methods.sort_by_key(|&i| (self.rank(i), i));
        let extra = self.lengthen(&methods, extra, |rest, i| rest.most(i));
        self.give(extra);
    }

    /// Puts `extra` minutes into the methods (up to their longest, the first objectives
    /// first: a method dropped gives its time to the work left, not to a longer pause),
    /// the breaks (up to [`LONGEST_BREAK`]), then the breaks whatever their length; else
    /// the group waits.
    fn give(&mut self, extra: u32) {
        let breaks: Vec<usize> = (0..self.slots.len())
            .filter(|&i| self.slots[i].kind.is_pause() && !self.slots[i].locked && self.minutes[i] > 0)
            .collect();
        let mut methods: Vec<usize> = (0..self.slots.len()).filter(|&i| self.movable(i)).collect();
        methods.sort_by_key(|&i| (self.rank(i), i));
        let extra = self.lengthen(&methods, extra, |rest, i| rest.most(i));
        let extra = self.lengthen(&breaks, extra, |rest, i| LONGEST_BREAK.max(rest.minutes[i]));
        let extra = self.lengthen(&breaks, extra, |_, _| u32::MAX);
        let extra = self.lengthen(&self.closings(), extra, |rest, i| rest.most(i));
        self.wait += extra;
    }

    /// Lengthens `order`'s slots up to `most`, without a stretch over the limit; returns
    /// the minutes left over.
    fn lengthen(&mut self, order: &[usize], mut extra: u32, most: impl Fn(&Self, usize) -> u32) -> u32 {
        for exact in [false, true] {
            for &i in order {
                let room = most(self, i).saturating_sub(self.minutes[i]);
                let room = if self.slots[i].kind.is_pause() { room } else { room.min(self.stretch_room(i)) };
                let give = if exact { room.min(extra) } else { room.min(extra) / GRAIN * GRAIN };
                self.minutes[i] += give;
                extra -= give;
            }
        }
        extra
    }

    /// How many more minutes the run of work holding slot `i` may take.
    fn stretch_room(&self, i: usize) -> u32 {
        let pause = |j: usize| self.slots[j].kind.is_pause() && self.minutes[j] > 0;
        let start = (0..i).rev().find(|&j| pause(j)).map_or(0, |j| j + 1);
        let end = (i..self.slots.len()).find(|&j| pause(j)).unwrap_or(self.slots.len());
        let before = if start == 0 { self.done_stretch } else { 0 };
        let run: u32 = before + self.minutes[start..end].iter().sum::<u32>();
        self.max_stretch.saturating_sub(run)
    }

    /// A method dropped with nothing left to take its time: rather than wait, the group
    /// takes a break where it was.
    fn break_for_wait(&mut self) {
        // Before the lunch, if any, so that the lunch keeps its start.
        let lunch =
            (0..self.slots.len()).find(|&i| self.slots[i].kind == SlotKind::Lunch && self.minutes[i] > 0);
        let dropped = (0..lunch.unwrap_or(self.slots.len()))
            .find(|&i| self.slots[i].is_method() && self.minutes[i] == 0);
        if let Some(i) = dropped.filter(|_| self.wait >= MIN_BREAK) {
            let at = self.slots[i].start;
            self.slots.insert(i + 1, Slot::new(SlotKind::Break, at, at));
            self.minutes.insert(i + 1, self.wait);
            self.ranges.insert(i + 1, None);
            self.wait = 0;
        }
    }

    /// Moves the lunch's start back into its window (rule 9) when the re-timing pushed it
    /// out: minutes move between the slots before it and the lunch itself, so that
    /// nothing after the lunch moves.
    fn lunch_in_window(&mut self, now: ClockTime) {
        let Some(lunch) =
            (0..self.slots.len()).find(|&i| self.slots[i].kind == SlotKind::Lunch && self.minutes[i] > 0)
        else {
            return;
        };
        let start = now.minutes() + self.wait + self.minutes[..lunch].iter().sum::<u32>();
        let (open, close) = (LUNCH_WINDOW.0.minutes(), LUNCH_WINDOW.1.minutes());
        let before: Vec<usize> = (0..lunch).filter(|&i| self.minutes[i] > 0).collect();
        let pauses: Vec<usize> = before
            .iter()
            .copied()
            .filter(|&i| self.slots[i].kind.is_pause() && !self.slots[i].locked)
            .collect();
        let methods: Vec<usize> = before.iter().copied().filter(|&i| self.movable(i)).collect();
        if start < open {
            // Before lunch the slots grow, or else the group waits; lunch and what follows
            // give the minutes back.
            let early = open - start;
            let left = self.lengthen(&pauses, early, |_, _| u32::MAX);
            let left = self.lengthen(&methods, left, |rest, i| rest.most(i));
            self.wait += left;
            let from_lunch = early.min(self.minutes[lunch].saturating_sub(MIN_LUNCH));
            self.minutes[lunch] -= from_lunch;
            let after: Vec<usize> = (lunch + 1..self.slots.len()).filter(|&i| self.minutes[i] > 0).collect();
            let after_pauses: Vec<usize> = after
                .iter()
                .copied()
                .filter(|&i| self.slots[i].kind.is_pause() && !self.slots[i].locked)
                .collect();
            let after_methods: Vec<usize> = after.iter().copied().filter(|&i| self.movable(i)).collect();
            let left = self.shorten(&after_pauses, early - from_lunch);
            self.shorten(&after_methods, left);
        } else if start > close {
            let late = start - close;
            let left = self.shorten(&pauses, late);
            let left = self.shorten(&methods, left);
            self.minutes[lunch] += late - left;
        }
    }

    /// The re-timed slots from `now`, and what changed.
    fn finish(self, now: ClockTime, late_by: i32) -> Retimed {
        let mut clock = now.plus(self.wait).unwrap_or(now);
        let mut slots = Vec::new();
        let mut changes = Vec::new();
        for (slot, minutes) in self.slots.into_iter().zip(self.minutes) {
            if minutes != slot.minutes {
                changes.push(Retouch { what: name(&slot), from: slot.minutes, to: minutes });
            }
            if minutes == 0 {
                continue;
            }
            let end = clock.plus(minutes).unwrap_or(ClockTime::END_OF_DAY);
            slots.push(Slot { start: clock, end, minutes, ..slot });
            clock = end;
        }
        Retimed { now, late_by, wait: self.wait, slots, changes }
    }
}

/// What a slot is, for the card: its method, the talk's title, or its kind.
fn name(slot: &Slot) -> String {
    match (&slot.method, &slot.title) {
        (Some(id), _) => id.to_string(),
        (_, Some(title)) => title.clone(),
        _ => slot.kind.label(Lang::Fr).to_lowercase(),
    }
}

impl Retimed {
    /// The card the facilitator reads in one glance: how late, what changes, the rest.
    pub fn card(&self, catalogue: &Catalogue, lang: Lang) -> String {
        let named =
            |what: &str| catalogue.get(what).map_or(what.to_string(), |m| m.name.get(lang).to_string());
        let late = match self.late_by {
            0 => lang.pick("à l'heure".to_string(), "on time".to_string()),
            m if m > 0 => lang.pick(format!("{m} min de retard"), format!("{m} min late")),
            m => lang.pick(format!("{} min d'avance", -m), format!("{} min early", -m)),
        };
        let end = self.slots.last().map_or(self.now, |s| s.end);
        let mut card = lang.pick(
            format!("Il est {} : {late}. Fin tenue à {end}.\n\n", self.now),
            format!("It is {}: {late}. Still ending at {end}.\n\n", self.now),
        );
        if let Some(first) = self.slots.first().filter(|_| self.wait > 0) {
            card += &lang.pick(
                format!("Rien ne peut s'allonger : reprenez à {} comme prévu.\n\n", first.start),
                format!("Nothing can grow: resume at {} as planned.\n\n", first.start),
            );
        }
        if !self.changes.is_empty() {
            card += lang.pick("Ce qui change :\n", "What changes:\n");
            for change in &self.changes {
                card += &match change.to {
                    0 => lang.pick(
                        format!("- {} : retirée ({} min)\n", named(&change.what), change.from),
                        format!("- {}: dropped ({} min)\n", named(&change.what), change.from),
                    ),
                    to => lang.pick(
                        format!("- {} : {} → {to} min\n", named(&change.what), change.from),
                        format!("- {}: {} → {to} min\n", named(&change.what), change.from),
                    ),
                };
            }
            card += "\n";
        }
        card += lang.pick("La suite :\n", "Next:\n");
        for slot in &self.slots {
            let what = if slot.is_method() || slot.kind == SlotKind::Talk {
                named(&name(slot))
            } else {
                slot.kind.label(lang).to_string()
            };
            card += &format!("{}–{}  {what} ({} min)\n", slot.start, slot.end, slot.minutes);
        }
        card
    }
}
