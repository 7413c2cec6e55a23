//! Each rule of the checker has a test that breaks exactly that rule in a valid agenda.

use facilitation::{Agenda, Breach, Catalogue, ClockTime, Planner, Request, Slot, SlotKind, check};

fn request(yaml: &str) -> Request {
    Request::from_yaml("request.yaml", yaml).unwrap()
}

const MORNING: &str = r#"
title: "Atelier test"
start: "09:00"
end: "11:30"
participants: 20
facilitators: 2
objectives: [share-practices, prioritize]
"#;

fn planned(request: &Request) -> Agenda {
    Planner::new(Catalogue::builtin()).plan(request).unwrap().agenda
}

fn rules(agenda: &Agenda, request: &Request) -> Vec<u8> {
    check(agenda, request, Catalogue::builtin()).rules()
}

fn clock(text: &str) -> ClockTime {
    text.parse().unwrap()
}

fn method_index(agenda: &Agenda) -> usize {
    agenda
        .slots
        .iter()
        .position(|slot| slot.is_method() && slot.phase != Some(facilitation::Phase::Opening))
        .unwrap()
}

#[test]
fn a_planned_agenda_keeps_every_rule() {
    let request = request(MORNING);
    assert!(rules(&planned(&request), &request).is_empty());
}

#[test]
fn rule_1_rejects_a_gap_between_slots() {
    let request = request(MORNING);
    let mut agenda = planned(&request);
    agenda.slots[1].start = agenda.slots[1].start.plus(1).unwrap();
    agenda.slots[1].minutes -= 1;
    assert!(rules(&agenda, &request).contains(&1));
}

#[test]
fn rule_1_rejects_minutes_that_disagree_with_the_clock() {
    let request = request(MORNING);
    let mut agenda = planned(&request);
    // Fewer minutes than the clock says: only rule 1 can notice (more could also
    // lengthen a stretch past rule 8's limit).
    agenda.slots[0].minutes -= 5;
    assert_eq!(rules(&agenda, &request), [1]);
}

#[test]
fn rule_1_rejects_an_agenda_that_stops_early() {
    let request = request(MORNING);
    let mut agenda = planned(&request);
    agenda.slots.pop();
    assert!(rules(&agenda, &request).contains(&1));
}

#[test]
fn rule_2_rejects_an_agenda_without_welcome() {
    let request = request(MORNING);
    let mut agenda = planned(&request);
    agenda.slots[0].kind = SlotKind::Break;
    assert!(rules(&agenda, &request).contains(&2));
}

#[test]
fn rule_2_rejects_a_forty_minute_welcome() {
    let request = request(MORNING);
    let mut agenda = planned(&request);
    agenda.slots[0] = Slot::new(SlotKind::Welcome, clock("09:00"), clock("09:40"));
    let found = check(&agenda, &request, Catalogue::builtin());
    assert!(
        found
            .violations
            .iter()
            .any(|v| v.rule == 2 && matches!(v.breach, Breach::WelcomeLength { minutes: 40 }))
    );
}

#[test]
fn rule_2_rejects_an_agenda_that_ends_without_closing() {
    let request = request(MORNING);
    let mut agenda = planned(&request);
    let last = agenda.slots.len() - 1;
    agenda.slots[last].kind = SlotKind::Break;
    agenda.slots[last].method = None;
    agenda.slots[last].phase = None;
    agenda.slots[last].objectives.clear();
    assert!(rules(&agenda, &request).contains(&2));
}

#[test]
fn rule_3_rejects_an_unknown_method() {
    let request = request(MORNING);
    let mut agenda = planned(&request);
    let i = method_index(&agenda);
    agenda.slots[i].method = Some("danse-de-la-pluie".parse().unwrap());
    assert_eq!(rules(&agenda, &request), [3]);
}

#[test]
fn rule_3_rejects_a_phase_the_method_does_not_serve() {
    let request = request(MORNING);
    let mut agenda = planned(&request);
    let last = agenda.slots.len() - 1;
    agenda.slots[last].method = Some("impromptu-networking".parse().unwrap());
    agenda.slots[last].objectives = vec![facilitation::Objective::BuildTrust];
    assert!(rules(&agenda, &request).contains(&3));
}

#[test]
fn rule_4_rejects_a_method_stretched_past_its_range() {
    let request = request(MORNING);
    let mut agenda = planned(&request);
    let last = agenda.slots.len() - 1;
    let roti = &mut agenda.slots[last];
    roti.method = Some("roti".parse().unwrap());
    roti.objectives = vec![facilitation::Objective::Feedback];
    // Take 40 minutes from the slot before to give ROTI 40 more.
    let extra = 30;
    roti.start = ClockTime::from_minutes(roti.start.minutes() - extra).unwrap();
    roti.minutes = roti.end.since(roti.start);
    let before = &mut agenda.slots[last - 1];
    before.end = ClockTime::from_minutes(before.end.minutes() - extra).unwrap();
    before.minutes = before.end.since(before.start);
    assert!(rules(&agenda, &request).contains(&4));
}

#[test]
fn rejects_world_cafe_for_six_people() {
    let request = request(&MORNING.replace("participants: 20", "participants: 6"));
    let mut agenda = planned(&request);
    let i = method_index(&agenda);
    agenda.slots[i].method = Some("world-cafe".parse().unwrap());
    agenda.slots[i].phase = Some(facilitation::Phase::Divergence);
    agenda.slots[i].objectives = vec![facilitation::Objective::SharePractices];
    assert!(rules(&agenda, &request).contains(&5));
}

#[test]
fn rule_6_rejects_a_method_that_needs_more_facilitators() {
    let request = request(&MORNING.replace("facilitators: 2", "facilitators: 1"));
    let mut agenda = planned(&request);
    let i = method_index(&agenda);
    agenda.slots[i].method = Some("croisement-des-savoirs".parse().unwrap());
    agenda.slots[i].phase = Some(facilitation::Phase::Emergence);
    agenda.slots[i].objectives = vec![facilitation::Objective::SharePractices];
    assert!(rules(&agenda, &request).contains(&6));
}

#[test]
fn rule_7_rejects_an_onsite_only_method_in_a_remote_session() {
    let request = request(&format!("{MORNING}format: remote\n"));
    let mut agenda = planned(&request);
    let i = method_index(&agenda);
    agenda.slots[i].method = Some("shift-and-share".parse().unwrap());
    agenda.slots[i].phase = Some(facilitation::Phase::Divergence);
    agenda.slots[i].objectives = vec![facilitation::Objective::SharePractices];
    assert!(rules(&agenda, &request).contains(&7));
}

#[test]
fn rule_8_rejects_two_hours_without_a_break() {
    let request = request(MORNING);
    let mut agenda = planned(&request);
    for slot in agenda.slots.iter_mut().filter(|slot| slot.kind == SlotKind::Break) {
        slot.kind = SlotKind::Welcome;
    }
    assert!(rules(&agenda, &request).contains(&8));
}

#[test]
fn rule_8_rejects_a_five_minute_break() {
    let request = request(MORNING);
    let mut agenda = planned(&request);
    let i = agenda.slots.iter().position(|slot| slot.kind == SlotKind::Break).expect("a break");
    let short = agenda.slots[i].start.plus(5).unwrap();
    agenda.slots[i].end = short;
    agenda.slots[i].minutes = 5;
    agenda.slots.insert(i + 1, Slot::new(SlotKind::Break, short, agenda.slots[i + 1].start));
    let found = check(&agenda, &request, Catalogue::builtin());
    assert!(found.violations.iter().any(|v| matches!(v.breach, Breach::ShortBreak { minutes: 5 })));
}

const DAY: &str = r#"
title: "Séminaire"
start: "09:30"
end: "16:30"
participants: 40
facilitators: 3
objectives: [vision, action-plan]
"#;

#[test]
fn rule_9_rejects_a_day_without_lunch() {
    let request = request(DAY);
    let mut agenda = planned(&request);
    for slot in agenda.slots.iter_mut().filter(|slot| slot.kind == SlotKind::Lunch) {
        slot.kind = SlotKind::Break;
    }
    let found = check(&agenda, &request, Catalogue::builtin());
    assert!(found.violations.iter().any(|v| v.rule == 9 && v.breach == Breach::NoLunch));
}

#[test]
fn rule_10_rejects_a_method_twice() {
    let request = request(MORNING);
    let mut agenda = planned(&request);
    let first = agenda.slots[1].method.clone();
    let last = agenda.slots.len() - 1;
    agenda.slots[last].method = first;
    assert!(rules(&agenda, &request).contains(&10));
}

#[test]
fn rule_10_rejects_a_missing_include_and_a_present_exclude() {
    let base = planned(&request(MORNING));
    let opening = base.slots[1].method.clone().unwrap();
    let strict = request(&format!("{MORNING}include: [forum-ouvert]\nexclude: [{opening}]\n"));
    let found = check(&base, &strict, Catalogue::builtin());
    assert!(
        found
            .violations
            .iter()
            .any(|v| matches!(&v.breach, Breach::MissingInclude { id } if id == "forum-ouvert"))
    );
    assert!(found.violations.iter().any(|v| matches!(&v.breach, Breach::Excluded { .. })));
}

#[test]
fn rule_11_rejects_an_objective_no_slot_serves() {
    let request = request(MORNING);
    let mut agenda = planned(&request);
    for slot in &mut agenda.slots {
        slot.objectives.retain(|o| *o != facilitation::Objective::Prioritize);
    }
    let found = check(&agenda, &request, Catalogue::builtin());
    assert!(found.violations.iter().any(|v| v.rule == 11));
}

#[test]
fn the_report_explains_each_rule_in_french_and_english() {
    let request = request(MORNING);
    let mut agenda = planned(&request);
    agenda.slots[0].minutes += 5;
    let report = check(&agenda, &request, Catalogue::builtin());
    assert!(report.to_text(&agenda, facilitation::Lang::Fr).contains("Règle 1, créneau 1"));
    assert!(report.to_text(&agenda, facilitation::Lang::En).contains("Rule 1, slot 1"));
}
