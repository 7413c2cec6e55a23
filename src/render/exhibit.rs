//! What a sequence that shows earlier work (a gallery) puts on its walls, and so how its
//! groups go round: the pieces the latest sequence that fed it left (the front pages, one
//! per table that made one), and a station more for each objective it is said to serve
//! that an earlier sequence worked on and the pieces do not (the morning's review beside
//! the afternoon's front pages: the gallery labelled « Faire le bilan » visits it too). A
//! walk that serves none of the objectives asked, there to prepare the plan, shows what the
//! day gave each of them.
//!
//! The groups are the tables that made the pieces, and each group visits every station but
//! its own: five front pages and the review make five groups and five visits, not the
//! seven visits of four minutes that the minutes alone would give.

use super::variant;
use crate::agenda::{Agenda, Slot};
use crate::catalogue::Catalogue;
use crate::clock::ClockTime;
use crate::method::{Method, Step};

/// The stations of a sequence that shows earlier work.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Exhibit<'c> {
    /// The latest earlier sequence that gave what the method takes, and when its last part
    /// began: where what it leaves was made (a forum ouvert's proposals are chosen after
    /// lunch, not at its opening circle).
    pub source: (&'c Method, ClockTime),
    /// The pieces it left, one per group that made one (`None` when its file does not
    /// count them, or when the method goes round no stations).
    pub pieces: Option<u32>,
    /// The earlier sequences shown as one station more each, with when they began.
    pub more: Vec<(&'c Method, ClockTime)>,
    /// For a method that goes round no stations (a plan of action), what the earlier arcs
    /// of the session concluded ([`crate::score::new_subjects`]): the morning's common
    /// rules beside the afternoon's chosen ideas, with when they began.
    pub concluded: Vec<(&'c Method, ClockTime)>,
}

impl Exhibit<'_> {
    /// The stations: the pieces, and one for each earlier sequence shown beside them.
    pub fn stations(&self) -> Option<u32> {
        Some(self.pieces? + self.more.len() as u32)
    }

    /// The groups that go round, one per piece: those who made it together.
    pub fn groups(&self) -> Option<u32> {
        self.pieces.filter(|pieces| *pieces > 0)
    }

    /// The visits of each group: every station but its own.
    pub fn visits(&self) -> Option<u32> {
        Some(self.stations()?.saturating_sub(1).max(1))
    }
}

/// What `method`, starting with `first`, shows: `None` when it takes nothing an earlier
/// sequence gave.
pub(super) fn exhibit<'c>(
    method: &Method,
    first: &Slot,
    agenda: &Agenda,
    catalogue: &'c Catalogue,
) -> Option<Exhibit<'c>> {
    let before: Vec<(&Slot, &'c Method)> = agenda
        .method_slots()
        .take_while(|slot| slot.start < first.start)
        .filter(|slot| slot.part.is_none())
        .filter_map(|slot| Some((slot, catalogue.get(slot.method.as_ref()?.as_str())?)))
        .filter(|(_, earlier)| earlier.id != method.id)
        .collect();
    let feeds = |earlier: &Method| earlier.gives.iter().any(|p| method.builds_on(*p));
    let (source_slot, source) = before.iter().rev().find(|(_, earlier)| feeds(earlier)).copied()?;
    let made = made_at(source_slot, first, agenda);
    // Only a method that counts its materials per piece goes round stations (a gallery);
    // a plan of action after it works on the chosen cards at its own tables.
    if !method.materials.iter().any(|m| m.per_piece.is_some()) {
        // What an earlier arc concluded is a plan's to take up, not new ideas' (25/10).
        let plans = method.gives.contains(&crate::vocabulary::Product::Actions);
        let concluded =
            if plans { concluded(first, source_slot, &before, agenda, catalogue) } else { Vec::new() };
        return Some(Exhibit { source: (source, made), pieces: None, more: Vec::new(), concluded });
    }
    let pieces = pieces_left(source, agenda);
    // A walk there to prepare what follows (it serves none of the objectives asked: a
    // gallery of the front pages before the plan) shows what the day gave every objective
    // asked, so that the plan starts from the morning's review as well as from the dream.
    let objectives = if agenda.serves_asked(first) { &first.objectives } else { &agenda.objectives };
    let mut more = also_shown(objectives, source_slot, &before, &feeds);
    // Beyond as many stations as the walk has visits at most, the method's own tip splits
    // the walk into two circuits: the earlier work is not added to an exhibition that
    // already fills one.
    let most = method.steps.iter().find_map(|step| step.rounds).map_or(u32::MAX, |rounds| rounds.max);
    more.truncate(most.saturating_sub(pieces.unwrap_or(most)) as usize);
    Some(Exhibit { source: (source, made), pieces, more, concluded: Vec::new() })
}

/// For each arc of the session before the one `source` belongs to, its last content
/// sequence: what that arc concluded (it converged, [`crate::score::opens_new_subject`]),
/// whatever it gave.
fn concluded<'c>(
    first: &Slot,
    source: &Slot,
    before: &[(&Slot, &'c Method)],
    agenda: &Agenda,
    catalogue: &Catalogue,
) -> Vec<(&'c Method, ClockTime)> {
    let arcs = crate::score::new_subjects(agenda, catalogue);
    let ends = arcs.iter().filter(|start| **start <= source.start && **start < first.start);
    let content = |slot: &Slot| slot.phase.is_some_and(|phase| !phase.frames());
    let mut concluded: Vec<(&'c Method, ClockTime)> = Vec::new();
    for end in ends {
        let last = before.iter().rev().find(|(slot, _)| slot.start < *end && content(slot));
        if let Some((slot, earlier)) = last.filter(|(slot, _)| slot.start != source.start) {
            concluded.push((earlier, made_at(slot, first, agenda)));
        }
    }
    concluded
}

/// When the last part of the sequence that begins with `source` began, before `first`.
fn made_at(source: &Slot, first: &Slot, agenda: &Agenda) -> ClockTime {
    let parts = agenda.method_slots().filter(|slot| slot.method == source.method);
    let earlier = parts.filter(|slot| slot.start >= source.start && slot.start < first.start);
    earlier.map(|slot| slot.start).max().unwrap_or(source.start)
}

/// The pieces `source` leaves, one per group that worked together: as many as the groups
/// of its last share-out by group (1-2-4-All's fours, La Une's tables), else as many as
/// its items made for a group (one tablecloth per café table: the largest `per` above
/// one). Never one per person, nor one per breakout room of a pair: a sheet each is no
/// poster.
fn pieces_left(source: &Method, agenda: &Agenda) -> Option<u32> {
    let participants = agenda.participants;
    let by_group = |step: &&Step| step.group.is_some_and(|group| group > 1 && group < participants);
    let steps = variant::steps(source, agenda);
    let groups = steps.iter().rev().find(by_group).map(|step| step.sharing(participants).0);
    let per_group =
        variant::materials(source, agenda).into_iter().filter(|m| m.per.is_some_and(|per| per > 1));
    groups.or_else(|| per_group.max_by_key(|m| m.per).and_then(|m| m.quantity_for(participants)))
}

/// For each of `objectives` that the source does not serve, the latest earlier sequence
/// that served it and left something the method takes.
fn also_shown<'c>(
    objectives: &[crate::vocabulary::Objective],
    source: &Slot,
    before: &[(&Slot, &'c Method)],
    feeds: &dyn Fn(&Method) -> bool,
) -> Vec<(&'c Method, ClockTime)> {
    let mut more: Vec<(&'c Method, ClockTime)> = Vec::new();
    for objective in objectives.iter().filter(|o| !source.objectives.contains(o)) {
        let served = before.iter().rev().find(|(slot, earlier)| {
            slot.start < source.start && slot.objectives.contains(objective) && feeds(earlier)
        });
        if let Some((slot, earlier)) = served
            && !more.iter().any(|(known, _)| known.id == earlier.id)
        {
            more.push((earlier, slot.start));
        }
    }
    more
}
