//! Negotiating the déroulé: fixed moments planned around (and refused with what would
//! work), re-planning with the least change, locked slots kept, re-timing on the day.

use facilitation::planner::{Distance, with_locks};
use facilitation::retime::retime;
use facilitation::rules::{LUNCH_WINDOW, MIN_BREAK, MIN_LUNCH, MIN_PART};
use facilitation::{
    Agenda, Catalogue, ClockTime, Fixed, FixedKind, Format, Lang, Localize, PlanError, Planner, Request,
    SlotKind, check,
};
use proptest::prelude::*;
#[path = "support/repo.rs"]
mod repo;

fn sample(name: &str) -> Request {
    Request::from_file(repo::file("examples/requests").join(name)).unwrap()
}

fn at(time: &str) -> ClockTime {
    time.parse().unwrap()
}

fn talk(start: &str, minutes: u32) -> Fixed {
    Fixed {
        kind: Some(FixedKind::Talk),
        method: None,
        start: Some(at(start)),
        minutes: Some(minutes),
        title: Some("Mot de la directrice".into()),
        who: None,
    }
}

#[test]
fn a_fixed_speech_is_planned_around_at_its_time() {
    let request = sample("discours-directrice.yaml");
    let plan = Planner::new(Catalogue::builtin()).plan(&request).unwrap();
    assert!(check(&plan.agenda, &request, Catalogue::builtin()).is_valid());
    let talk = plan.agenda.slots.iter().find(|s| s.kind == SlotKind::Talk).unwrap();
    assert_eq!((talk.start, talk.minutes), (at("10:00"), 15));
    assert_eq!(talk.title.as_deref(), Some("Mot de la directrice"));
}

#[test]
fn a_fixed_lunch_and_a_pinned_method_keep_their_times() {
    let lunch = Fixed { kind: Some(FixedKind::Lunch), title: None, ..talk("12:30", 60) };
    let request = Request::builder("Journée")
        .time("09:30", "16:30")
        .participants(30)
        .facilitators(2)
        .breakout_rooms(true)
        .objective("share-practices")
        .objective("action-plan")
        .fixed(lunch)
        .build()
        .unwrap();
    let plan = Planner::new(Catalogue::builtin()).plan(&request).unwrap();
    let lunch = plan.agenda.slots.iter().find(|s| s.kind == SlotKind::Lunch).unwrap();
    assert_eq!((lunch.start, lunch.minutes), (at("12:30"), 60));
    assert!(check(&plan.agenda, &request, Catalogue::builtin()).is_valid());
}

#[test]
fn a_talk_at_the_very_start_is_refused_with_a_time_that_works() {
    let mut request = sample("discours-directrice.yaml");
    request.fixed = vec![talk("09:30", 15)];
    let error = Planner::new(Catalogue::builtin()).plan(&request).unwrap_err();
    let PlanError::Fixed { index, later, .. } = &error else { panic!("{error}") };
    assert_eq!(*index, 0);
    let later = later.expect("a later start that works");
    let text = error.text(Lang::Fr);
    assert!(text.contains("Mot de la directrice") && text.contains(&later.to_string()), "{text}");
    let mut moved = request.clone();
    moved.fixed[0].start = Some(later);
    assert!(Planner::new(Catalogue::builtin()).plan(&moved).is_ok());
}

#[test]
fn a_fixed_method_that_cannot_run_here_is_refused_with_why_before_any_search() {
    // Kicéki's pairs need breakout rooms by video: a remote session without them cannot
    // hold it, at 09:15 or at any other time.
    let kiceki =
        Fixed { kind: None, method: Some("kiceki".parse().unwrap()), title: None, ..talk("09:15", 20) };
    let request = Request::builder("Atelier à distance")
        .time("09:00", "13:30")
        .participants(15)
        .facilitators(2)
        .format(Format::Remote)
        .objective("share-practices")
        .objective("build-trust")
        .fixed(kiceki)
        .build()
        .unwrap();
    let error = Planner::new(Catalogue::builtin()).plan(&request).unwrap_err();
    assert!(
        matches!(&error, PlanError::FixedUnfit { index: 0, id, .. } if id.as_str() == "kiceki"),
        "{error}"
    );
    assert_eq!(
        error.text(Lang::Fr),
        "La méthode placée dans `fixed[0]` ne peut pas être utilisée ici : `kiceki` demande des salles de sous-groupes que la demande n'a pas (`breakout_rooms`)."
    );
    let mut with_rooms = request.clone();
    with_rooms.breakout_rooms = true;
    assert!(Planner::new(Catalogue::builtin()).plan(&with_rooms).is_ok());
}

#[test]
fn a_fixed_method_given_fewer_minutes_than_its_group_needs_is_refused_with_its_range() {
    let vote = Fixed {
        kind: None,
        method: Some("vote-par-gommettes".parse().unwrap()),
        title: None,
        ..talk("10:40", 20)
    };
    let request = Request::builder("Journée de choix")
        .time("09:00", "13:00")
        .participants(66)
        .facilitators(2)
        .breakout_rooms(true)
        .objective("decide")
        .fixed(vote)
        .build()
        .unwrap();
    let error = Planner::new(Catalogue::builtin()).plan(&request).unwrap_err();
    assert!(matches!(&error, PlanError::FixedUnfit { index: 0, .. }), "{error}");
    let text = error.text(Lang::Fr);
    assert!(
        text.contains("`vote-par-gommettes` dure 20 minutes mais demande 24–47 min pour ce groupe"),
        "{text}"
    );
}

#[test]
fn a_moment_outside_the_session_is_a_located_request_error() {
    let source = "title: T\nstart: \"09:30\"\nend: \"11:30\"\nparticipants: 12\nfacilitators: 1\nobjectives: [review]\nfixed:\n  - {kind: talk, start: \"11:20\", minutes: 20, title: Mot}\n  - {kind: break, minutes: 10}\n";
    let error = Request::from_yaml("r.yaml", source).unwrap_err();
    let text = error.text(Lang::Fr);
    assert!(text.contains("fixed[0].start") && text.contains("fixed[1].start"), "{text}");
}

#[test]
fn replanning_an_unchanged_request_changes_nothing() {
    let catalogue = Catalogue::builtin();
    let request = sample("forum-rsa.yaml");
    let previous = Planner::new(catalogue).plan(&request).unwrap().agenda;
    let replan = Planner::new(catalogue).replan(&previous, &request).unwrap();
    assert_eq!(replan.distance.total(), 0);
    assert!(replan.changes.is_empty());
    assert_eq!(replan.plan.agenda.slots, previous.slots);
}

#[test]
fn a_session_cut_by_thirty_minutes_keeps_the_methods_agreed() {
    let catalogue = Catalogue::builtin();
    // A day with room to give: the three-hour RSA forum has none once its World Café (90
    // minutes at least) and its vision have their shortest runs.
    let agreed = sample("spda-lancement.yaml");
    let previous = Planner::new(catalogue).plan(&agreed).unwrap().agenda;
    let mut cut = agreed.clone();
    cut.end = cut.end.map(|end| ClockTime::from_minutes(end.minutes() - 30).unwrap());
    let replan = Planner::new(catalogue).replan(&previous, &cut).unwrap();
    assert!(check(&replan.plan.agenda, &cut, catalogue).is_valid());
    // Every content method agreed stays; at most the opening gives way to a shorter one,
    // so that the session still closes on commitments (craft rule C14).
    let dropped: Vec<&facilitation::MethodId> = replan
        .changes
        .iter()
        .filter_map(|change| match change {
            facilitation::planner::Change::Dropped { method, .. } => Some(method),
            _ => None,
        })
        .collect();
    let opening = |id: &facilitation::MethodId| {
        previous
            .method_slots()
            .any(|slot| slot.method.as_ref() == Some(id) && slot.phase == Some(facilitation::Phase::Opening))
    };
    assert!(dropped.iter().all(|id| opening(id)), "{:?}", replan.changes);
    assert!(replan.distance.dropped <= 1 && replan.distance.added <= 1, "{:?}", replan.changes);
}

#[test]
fn a_method_with_fixed_minutes_gets_them() {
    let mut request = sample("forum-rsa.yaml");
    let world_cafe = Fixed {
        kind: None,
        method: Some("world-cafe".parse().unwrap()),
        start: None,
        minutes: Some(90),
        title: None,
        who: None,
    };
    request.fixed.push(world_cafe);
    let plan = Planner::new(Catalogue::builtin()).plan(&request).unwrap();
    let minutes: u32 = plan
        .agenda
        .method_slots()
        .filter(|s| s.method.as_ref().is_some_and(|m| m == "world-cafe"))
        .map(|s| s.minutes)
        .sum();
    assert_eq!(minutes, 90);
    assert!(check(&plan.agenda, &request, Catalogue::builtin()).is_valid());
}

#[test]
fn variants_differ_and_their_seeds_plan_them_again() {
    let catalogue = Catalogue::builtin();
    let request = sample("forum-rsa.yaml");
    let variants = Planner::new(catalogue).variants(&request, 3).unwrap();
    assert!(variants.len() >= 2);
    for (i, variant) in variants.iter().enumerate() {
        assert!(variants[..i].iter().all(|other| other.agenda.slots != variant.agenda.slots));
        let again = Planner::new(catalogue).seed(variant.agenda.seed.unwrap()).plan(&request).unwrap();
        assert_eq!(again.agenda.slots, variant.agenda.slots);
    }
}

#[test]
fn twenty_minutes_late_at_the_first_break_still_ends_on_time() {
    let catalogue = Catalogue::builtin();
    let request = sample("spda-lancement.yaml");
    let agenda = Planner::new(catalogue).plan(&request).unwrap().agenda;
    let first_break = agenda.slots.iter().position(|s| s.kind == SlotKind::Break).unwrap();
    let now = agenda.slots[first_break].start.plus(20).unwrap();
    let retimed = retime(&agenda, &request, catalogue, now, first_break + 1).unwrap();
    assert_eq!(retimed.late_by, 20);
    assert_eq!(retimed.slots.last().unwrap().end, agenda.end);
    assert_eq!(retimed.slots[0].minutes, MIN_BREAK, "the break is shortened first");
    assert!(retimed.card(catalogue, Lang::Fr).contains("20 min de retard"));
}

#[test]
fn with_service_users_a_late_start_after_the_break_keeps_the_break_whole() {
    let catalogue = Catalogue::builtin();
    let path = repo::file("tests/data/requests/usagers-atelier.yaml");
    let request = Request::from_file(path).unwrap();
    assert!(request.with_users());
    let agenda = Planner::new(catalogue).plan(&request).unwrap().agenda;
    let first_break = agenda.slots.iter().position(|s| s.kind == SlotKind::Break).unwrap();
    assert!(agenda.slots[first_break].minutes > MIN_BREAK, "a break that could give minutes");
    let now = agenda.slots[first_break].start.plus(5).unwrap();
    let retimed = retime(&agenda, &request, catalogue, now, first_break + 1).unwrap();
    assert_eq!(retimed.slots[0].minutes, agenda.slots[first_break].minutes, "the break keeps its length");
    assert_eq!(retimed.slots.last().unwrap().end, agenda.end, "the sequences give the five minutes");
}

/// A feasible request drawn at random: its times, group, format and objectives.
fn requests() -> impl Strategy<Value = Request> {
    let objectives = prop::sample::subsequence(
        vec!["share-practices", "generate-ideas", "review", "vision", "action-plan", "decide", "build-trust"],
        1..=3,
    );
    (prop::sample::select(vec!["09:00", "09:30", "14:00"]), 8u32..=20, 10u32..=40, objectives, any::<bool>())
        .prop_map(|(start, quarters, participants, objectives, rooms)| {
            let mut builder = Request::builder("Atelier")
                .start_for(start, quarters * 15)
                .participants(participants)
                .facilitators(2)
                .breakout_rooms(rooms);
            for objective in objectives {
                builder = builder.objective(objective);
            }
            builder.build().unwrap()
        })
}

/// The changes a project lead asks for.
#[derive(Debug, Clone)]
enum Change {
    Nothing,
    Length(i32),
    AddObjective(&'static str),
    DropObjective,
    DoubleParticipants,
    Hybrid,
    ExcludeOne,
}

fn changes() -> impl Strategy<Value = Change> {
    prop_oneof![
        Just(Change::Nothing),
        prop::sample::select(vec![-30, -15, 15, 30, 60]).prop_map(Change::Length),
        prop::sample::select(vec!["decide", "network-partners", "generate-ideas"])
            .prop_map(Change::AddObjective),
        Just(Change::DropObjective),
        Just(Change::DoubleParticipants),
        Just(Change::Hybrid),
        Just(Change::ExcludeOne),
    ]
}

fn apply(change: &Change, request: &Request, previous: &Agenda) -> Request {
    let mut changed = request.clone();
    match change {
        Change::Nothing => {}
        Change::Length(delta) => {
            let minutes = request.minutes() as i32 + delta;
            changed.duration = Some(minutes.max(60) as u32);
        }
        Change::AddObjective(objective) => changed.objectives.push(objective.to_string()),
        Change::DropObjective if changed.objectives.len() > 1 => {
            changed.objectives.pop();
        }
        Change::DropObjective => {}
        Change::DoubleParticipants => changed.participants *= 2,
        Change::Hybrid => changed.format = Format::Hybrid,
        Change::ExcludeOne => {
            let content = previous.method_slots().filter(|s| s.phase.is_some_and(|p| !p.frames()));
            changed.exclude.extend(content.filter_map(|s| s.method.clone()).take(1));
        }
    }
    changed
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// For random feasible requests and random changes, the re-plan keeps every rule and
    /// every locked slot, is never farther from the previous agenda than planning from
    /// scratch, and is zero away when nothing changed.
    #[test]
    fn replan_keeps_locks_and_changes_no_more_than_planning_afresh(
        request in requests(),
        change in changes(),
        lock in any::<prop::sample::Index>(),
    ) {
        let catalogue = Catalogue::builtin();
        let planner = Planner::new(catalogue);
        let Ok(plan) = planner.plan(&request) else { return Ok(()) };
        let mut previous = plan.agenda;
        // Lock one pause or one method run in a single part.
        let lockable: Vec<usize> = (0..previous.slots.len())
            .filter(|&i| {
                let slot = &previous.slots[i];
                let parts = previous.slots.iter().filter(|s| s.is_method() && s.method == slot.method).count();
                slot.kind.is_pause() || (slot.is_method() && parts == 1)
            })
            .collect();
        let locked = lockable.get(lock.index(lockable.len().max(1))).copied();
        let changed = apply(&change, &request, &previous);
        if let (Some(i), false) = (locked, matches!(change, Change::Nothing)) {
            previous.slots[i].locked = true;
        }
        let pinned = with_locks(&previous, &changed);
        let Ok(scratch) = planner.plan(&pinned) else { return Ok(()) };
        let replan = planner.replan(&previous, &changed).unwrap();
        let agenda = &replan.plan.agenda;
        let report = check(agenda, &pinned, catalogue);
        prop_assert!(report.is_valid(), "{:?}", report.violations);
        for slot in previous.slots.iter().filter(|s| s.locked) {
            prop_assert!(agenda.slots.iter().any(|s| s.same_moment(slot)), "locked {slot:?} lost");
        }
        let afresh = Distance::between(&previous, &scratch.agenda).total();
        prop_assert!(replan.distance.total() <= afresh, "{} > {afresh}", replan.distance.total());
        if matches!(change, Change::Nothing) {
            prop_assert_eq!(replan.distance.total(), 0);
        }
    }

    /// Running late or early at any slot, the rest of the session still ends at the
    /// planned end, from now, with every hard rule over the remaining time.
    #[test]
    fn retime_keeps_the_rules_and_the_end(
        request in requests(),
        slot in any::<prop::sample::Index>(),
        late in -15i32..=45,
    ) {
        let catalogue = Catalogue::builtin();
        let Ok(plan) = Planner::new(catalogue).plan(&request) else { return Ok(()) };
        let agenda = plan.agenda;
        let next = 1 + slot.index(agenda.slots.len() - 1).max(1);
        let planned = agenda.slots[next - 1].start.minutes() as i32;
        let now = ClockTime::from_minutes((planned + late).max(agenda.start.minutes() as i32) as u32).unwrap();
        prop_assume!(now < agenda.end);
        let Ok(retimed) = retime(&agenda, &request, catalogue, now, next) else {
            // Refused only when running late.
            prop_assert!(late > 0);
            return Ok(());
        };
        let rest = &retimed.slots;
        prop_assert_eq!(rest.first().map(|s| s.start), now.plus(retimed.wait));
        // The group waits long only when early, or for lunch at the earliest it may start.
        let for_lunch = rest.first().is_some_and(|s| s.kind == SlotKind::Lunch && s.start == LUNCH_WINDOW.0);
        prop_assert!(retimed.wait < MIN_BREAK || late < 0 || for_lunch, "waits {} min", retimed.wait);
        prop_assert_eq!(rest.last().map(|s| s.end), Some(agenda.end));
        for pair in rest.windows(2) {
            prop_assert_eq!(pair[0].end, pair[1].start);
        }
        let last = rest.last().unwrap();
        prop_assert!(last.is_method() && last.phase == Some(facilitation::Phase::Closing));
        let done = &agenda.slots[..next - 1];
        // The work done since the last pause, shorter by what was gained when early.
        let done_run: u32 = done.iter().rev().take_while(|s| !s.kind.is_pause()).map(|s| s.minutes).sum();
        let mut stretch = done_run.saturating_sub(u32::try_from(-late).unwrap_or(0));
        for slot in rest {
            prop_assert_eq!(slot.minutes, slot.end.since(slot.start));
            match slot.kind {
                SlotKind::Break => { prop_assert!(slot.minutes >= MIN_BREAK); stretch = 0; }
                SlotKind::Lunch => {
                    prop_assert!(slot.minutes >= MIN_LUNCH);
                    prop_assert!(slot.start >= LUNCH_WINDOW.0 && slot.start <= LUNCH_WINDOW.1, "lunch at {}", slot.start);
                    stretch = 0;
                }
                _ => {
                    stretch += slot.minutes;
                    prop_assert!(stretch <= request.max_stretch, "stretch {stretch}");
                }
            }
            if let Some(id) = slot.method.as_ref().filter(|_| slot.is_method()) {
                let method = catalogue.get(id.as_str()).unwrap();
                let all: Vec<_> = done.iter().chain(rest).filter(|s| s.is_method() && s.method.as_ref() == Some(id)).collect();
                let total: u32 = all.iter().map(|s| s.minutes).sum();
                prop_assert!(method.minutes_for(request.participants).contains(total), "{id}: {total} min");
                if all.len() > 1 {
                    prop_assert!(slot.minutes >= MIN_PART);
                }
            }
        }
    }
}
