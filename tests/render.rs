//! The printed déroulé and method cards: pinned by snapshots, complete (every clock time,
//! every method, every step on the clock) and self-contained as HTML.

use facilitation::render::{self, timed_steps, typography};
use facilitation::{
    Catalogue, ClockTime, Frame, Lang, Method, Objective, Phase, Plan, Planner, Request, Slot, SlotKind,
};
use proptest::prelude::*;

#[path = "support/physical.rs"]
mod physical;
#[path = "support/repo.rs"]
mod repo;

use repo::SAMPLES;

fn request(name: &str) -> Request {
    let path = repo::file("examples/requests").join(name);
    Request::from_file(path).unwrap()
}

fn plan(name: &str) -> Plan {
    Planner::new(Catalogue::builtin()).plan(&request(name)).unwrap()
}

/// The SPDA's day with its practices shared on stands (Shift & Share), as a project lead
/// who asked for them would have it.
fn spda_on_stands() -> Plan {
    let mut request = request("spda-lancement.yaml");
    request.include.push(facilitation::MethodId::new("shift-and-share").unwrap());
    Planner::new(Catalogue::builtin()).plan(&request).unwrap()
}

/// A test request of `tests/data/requests`.
fn test_request(name: &str) -> Request {
    Request::from_file(repo::file("tests/data/requests").join(name)).unwrap()
}

/// A test request of `tests/data/requests` and its plan with the default seed.
fn test_plan(name: &str) -> (Request, Plan) {
    let request = test_request(name);
    let plan = Planner::new(Catalogue::builtin()).plan(&request).unwrap();
    (request, plan)
}

/// The part of a déroulé a facilitator follows: the detail, the materials and the setups.
fn detail(text: &str) -> &str {
    let from = text.find("## Déroulé détaillé").unwrap();
    let to = text.find("## Pourquoi ces choix").unwrap_or(text.len());
    &text[from..to]
}

/// The first slot that runs `id` in `plan`.
fn slot_running<'p>(plan: &'p Plan, id: &str) -> Option<&'p Slot> {
    plan.agenda.method_slots().find(|slot| slot.method.as_ref().is_some_and(|m| m.as_str() == id))
}

fn method(slot: &Slot) -> &'static Method {
    Catalogue::builtin().get(slot.method.as_ref().unwrap().as_str()).unwrap()
}

macro_rules! snapshot_sample {
    ($name:ident, $file:literal, $lang:expr) => {
        #[test]
        fn $name() {
            let plan = plan($file);
            let catalogue = Catalogue::builtin();
            insta::assert_snapshot!(concat!(stringify!($name), "_md"), plan.to_markdown(catalogue, $lang));
            insta::assert_snapshot!(concat!(stringify!($name), "_html"), plan.to_html(catalogue, $lang));
        }
    };
}

snapshot_sample!(forum_rsa_in_french, "forum-rsa.yaml", Lang::Fr);
snapshot_sample!(forum_rsa_in_english, "forum-rsa.yaml", Lang::En);
snapshot_sample!(irritants_in_french, "irritants-semaine-management.yaml", Lang::Fr);
snapshot_sample!(irritants_in_english, "irritants-semaine-management.yaml", Lang::En);
snapshot_sample!(ehpad_full_day_in_french, "forum-ouvert-ehpad.yaml", Lang::Fr);
snapshot_sample!(ehpad_full_day_in_english, "forum-ouvert-ehpad.yaml", Lang::En);

#[test]
fn every_clock_time_and_method_name_is_printed() {
    let catalogue = Catalogue::builtin();
    for sample in SAMPLES {
        let plan = plan(sample);
        for lang in [Lang::Fr, Lang::En] {
            for (format, text) in
                [("md", plan.to_markdown(catalogue, lang)), ("html", plan.to_html(catalogue, lang))]
            {
                for slot in &plan.agenda.slots {
                    let span = typography::span(slot.start, slot.end, lang);
                    assert!(text.contains(&span), "{sample} {format} {lang:?}: no {span}");
                }
                for slot in plan.agenda.method_slots() {
                    let name = typography::typeset(method(slot).name.get(lang), lang);
                    let name = if format == "html" {
                        name.replace('&', "&amp;").replace('\'', "&#39;").replace('"', "&quot;")
                    } else {
                        name
                    };
                    assert!(text.contains(&name), "{sample} {format} {lang:?}: no {name}");
                }
            }
        }
    }
}

#[test]
fn step_times_add_up_to_each_slot_and_follow_each_other() {
    for sample in SAMPLES {
        let plan = plan(sample);
        for slot in plan.agenda.method_slots().filter(|slot| slot.part.is_none()) {
            let parts: Vec<&Slot> =
                plan.agenda.method_slots().filter(|other| other.method == slot.method).collect();
            let timed = timed_steps(method(slot), &method(slot).steps, &parts, plan.agenda.participants);
            for (part, steps) in parts.iter().zip(&timed) {
                assert_eq!(steps.iter().map(|s| s.minutes).sum::<u32>(), part.minutes, "{sample}");
                assert_eq!(steps.first().map(|s| s.start), Some(part.start), "{sample}");
                assert_eq!(steps.last().map(|s| s.end), Some(part.end), "{sample}");
                assert!(steps.windows(2).all(|pair| pair[0].end == pair[1].start), "{sample}");
            }
        }
    }
}

#[test]
fn a_split_world_cafe_keeps_its_rounds_whole_across_the_break() {
    let cafe = Catalogue::builtin().get("world-cafe").unwrap();
    let first = method_slot("world-cafe", "10:00", "11:00", None);
    let second = method_slot("world-cafe", "11:15", "12:15", Some(2));
    let timed = timed_steps(cafe, &cafe.steps, &[&first, &second], 40);
    assert!(timed.iter().flatten().all(|step| !step.continued));
    let mut steps: Vec<usize> = timed.iter().flatten().map(|step| step.step).collect();
    assert!(steps.windows(2).all(|pair| pair[0] <= pair[1]), "{steps:?}");
    steps.dedup();
    assert_eq!(steps, (0..cafe.steps.len()).collect::<Vec<_>>());
    let rounds = timed.iter().flatten().filter_map(|step| step.rounds.map(|rounds| step.minutes / rounds));
    assert!(rounds.clone().count() == 2 && rounds.into_iter().all(|minutes| minutes >= 20));
}

#[test]
fn a_world_cafe_on_one_question_gives_each_round_its_angle() {
    let cafe = Catalogue::builtin().get("world-cafe").unwrap();
    let rounds = cafe.steps.iter().find(|step| step.rounds.is_some()).unwrap();
    let slot = method_slot("world-cafe", "10:00", "11:30", None);
    let mut timed = timed_steps(cafe, &cafe.steps, &[&slot], 40);
    render::ask_rounds(&cafe.steps, &mut timed, &["Qu'est-ce qui a changé ?"], 40);
    let line = timed[0].iter().find(|line| line.rounds == Some(3)).expect("three rounds");
    for (round, angle) in rounds.angles.iter().take(3).enumerate() {
        let said = format!("tour {} : {}", round + 1, angle.fr);
        assert!(line.text.fr.contains(&said), "{said} in {}", line.text.fr);
    }
    // Rounds the request gives a question each take those, not the angles.
    let mut two = timed_steps(cafe, &cafe.steps, &[&slot], 40);
    render::ask_rounds(&cafe.steps, &mut two, &["Q1 ?", "Q2 ?"], 40);
    let line = two[0].iter().find(|line| line.rounds.is_some()).unwrap();
    assert!(!line.text.fr.contains(&rounds.angles[0].fr), "{}", line.text.fr);
}

#[test]
fn a_world_cafe_given_half_an_hour_more_runs_longer_rounds_never_a_fourth_and_shortens_nothing() {
    let cafe = Catalogue::builtin().get("world-cafe").unwrap();
    let usual = timed_steps(cafe, &cafe.steps, &[&method_slot("world-cafe", "10:00", "11:30", None)], 40);
    let long = timed_steps(cafe, &cafe.steps, &[&method_slot("world-cafe", "10:00", "12:00", None)], 40);
    let rounds = |timed: &[Vec<render::TimedStep>]| timed[0].iter().find_map(|step| step.rounds);
    // At the third round the tables start to go round in circles: time beyond goes to
    // longer rounds and a fuller harvest.
    assert_eq!((rounds(&usual), rounds(&long)), (Some(3), Some(3)));
    for (usual, long) in usual[0].iter().zip(&long[0]) {
        assert!(long.minutes >= usual.minutes, "step {}", usual.step);
    }
}

#[test]
fn a_remote_deroule_names_no_physical_material_or_gesture() {
    let plan = plan("equipe-a-distance.yaml");
    let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
    assert!(text.contains("Conseils\u{a0}:"));
    let physical: Vec<&str> = detail(&text)
        .lines()
        .filter(|line| !physical::physical_words(line).is_empty() && !is_tip(&text, line))
        .collect();
    assert!(physical.is_empty(), "{physical:#?}");
}

#[test]
fn every_remote_request_plans_a_deroule_whose_walls_are_the_shared_board() {
    let remote = [
        "accueil-a-distance.yaml",
        "distanciel-sans-salles.yaml",
        "visio-60-explorer.yaml",
        "visio-sans-salles.yaml",
    ];
    let requests = remote.iter().map(|name| test_request(name)).chain([request("equipe-a-distance.yaml")]);
    for request in requests {
        for seed in 0..4 {
            let plan = Planner::new(Catalogue::builtin()).seed(seed).plan(&request).unwrap();
            let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
            let physical: Vec<&str> = detail(&text)
                .lines()
                .filter(|line| !physical::physical_words(line).is_empty() && !is_tip(&text, line))
                .collect();
            assert!(physical.is_empty(), "{} (seed {seed}): {physical:#?}", request.title);
        }
    }
}

/// Whether `line` is one of the method tips, which may compare with the room.
fn is_tip(text: &str, line: &str) -> bool {
    text.split("Conseils\u{a0}:").skip(1).any(|after| {
        let list = after.split("\n\n").find(|block| block.trim_start().starts_with("- ")).unwrap_or("");
        list.contains(line)
    })
}

#[test]
fn a_hybrid_deroule_covers_both_rooms_and_who_looks_after_the_people_connected() {
    let mut request = request("equipe-a-distance.yaml");
    request.format = facilitation::Format::Hybrid;
    let plan = Planner::new(Catalogue::builtin()).plan(&request).unwrap();
    let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
    assert!(text.contains("**Installation (dans la salle)**"), "no room setup");
    assert!(text.contains("**Installation (à distance)**"), "no remote setup");
    assert!(text.contains("relais des personnes connectées"), "nobody looks after the people connected");
}

#[test]
fn roles_are_written_for_the_facilitators_available() {
    let plan = plan("equipe-a-distance.yaml");
    assert_eq!(plan.agenda.facilitators, 1);
    let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
    assert!(!text.contains("Les autres circulent") && !text.contains("L'autre circule"));
    // One facilitator reads « Votre rôle », not the roles of a team that is not there.
    assert!(text.contains("Votre rôle\u{a0}:") && !text.contains("Rôles des facilitateurs"));
    let forum = plan_with_one_facilitator("forum-ouvert-ehpad.yaml");
    let forum = forum.to_markdown(Catalogue::builtin(), Lang::Fr);
    assert!(forum.contains("vous ne dirigez aucune session"));
    assert!(!forum.contains("Les autres facilitateurs accueillent"));
}

fn plan_with_one_facilitator(name: &str) -> Plan {
    let mut request = request(name);
    request.facilitators = 1;
    Planner::new(Catalogue::builtin()).plan(&request).unwrap()
}

#[test]
fn no_developer_note_reaches_the_facilitator() {
    for sample in SAMPLES {
        let text = plan(sample).to_markdown(Catalogue::builtin(), Lang::Fr);
        for note in ["La fiche annonce", "en totalisent", "nous retenons"] {
            assert!(!text.contains(note), "{sample}: {note}");
        }
    }
}

#[test]
fn html_is_one_self_contained_page() {
    let catalogue = Catalogue::builtin();
    let html = plan("forum-rsa.yaml").to_html(catalogue, Lang::Fr);
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    assert!(html.contains("<html lang=\"fr\">") && html.contains("@page { size: A4"));
    for outside in ["<script", "<link", "src=", "http://", "https://", "@import", "url("] {
        assert!(!html.contains(outside), "the page reaches outside: {outside}");
    }
    assert!(html.contains("class=\"timeline\""));
}

#[test]
fn html_escapes_what_a_method_file_says() {
    let mut method = Catalogue::builtin().get("roti").unwrap().clone();
    method.name = facilitation::Text::fr("<script>alert(1)</script> & co");
    let html = method.card_html(Lang::Fr);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
    assert!(!html.contains("<script>"));
}

#[test]
fn cards_exist_in_markdown_and_html_in_both_languages() {
    let cafe = Catalogue::builtin().get("world-cafe").unwrap();
    insta::assert_snapshot!("world_cafe_card_html_en", cafe.card_html(Lang::En));
    let card = render::card(cafe, Lang::Fr);
    assert_eq!(card.to_markdown(), cafe.card_markdown(Lang::Fr));
    assert!(card.to_html().contains("<h2>Déroulement</h2>"));
}

#[test]
fn an_agenda_read_from_a_file_renders_without_the_planner() {
    let catalogue = Catalogue::builtin();
    let plan = plan("irritants-semaine-management.yaml");
    let agenda = facilitation::Agenda::from_yaml("agenda.yaml", &plan.agenda.to_yaml()).unwrap();
    let text = agenda.to_markdown(catalogue, Lang::Fr);
    assert!(text.contains("## Déroulé détaillé") && text.contains("Équivalence 1 = 1"));
    assert!(!text.contains("Pourquoi ces choix"), "only a plan knows its reasons");
}

#[test]
fn the_materials_list_gives_quantities_for_the_group() {
    let catalogue = Catalogue::builtin();
    let plan = plan("forum-rsa.yaml");
    let text = plan.to_markdown(catalogue, Lang::Fr);
    let list = text.split("## Matériel à prévoir").nth(1).unwrap().split("\n## ").next().unwrap();
    for slot in plan.agenda.method_slots() {
        for material in &method(slot).materials {
            let name = typography::typeset(material.fr.trim(), Lang::Fr);
            let line = list.lines().find(|line| line.contains(&name));
            let line = line.unwrap_or_else(|| panic!("{} is not in the list", material.fr));
            if let Some(quantity) = material.quantity_for(plan.agenda.participants) {
                // The list keeps the largest quantity among the methods that use the item.
                let listed: u32 = line
                    .split("× ")
                    .nth(1)
                    .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
                    .and_then(|digits| digits.parse().ok())
                    .unwrap_or_else(|| panic!("no quantity in {line}"));
                assert!(listed >= quantity, "{line}: {listed} < {quantity}");
            }
        }
    }
}

fn method_slot(id: &str, start: &str, end: &str, part: Option<u32>) -> Slot {
    let start: ClockTime = start.parse().unwrap();
    let end: ClockTime = end.parse().unwrap();
    let mut slot = Slot::new(SlotKind::Method, start, end);
    slot.method = Some(id.parse().unwrap());
    slot.part = part;
    slot
}

proptest! {
    #[test]
    fn steps_fill_any_split_of_any_method_exactly(
        index in 0usize..60,
        parts in prop::collection::vec(1u32..120, 1..4),
    ) {
        let catalogue = Catalogue::builtin();
        let method = catalogue.iter().nth(index % catalogue.len()).unwrap();
        let mut clock: ClockTime = "08:00".parse().unwrap();
        let mut slots = Vec::new();
        for (i, minutes) in parts.iter().enumerate() {
            let end = clock.plus(*minutes).unwrap();
            let mut slot = Slot::new(SlotKind::Method, clock, end);
            slot.part = (i > 0).then_some(i as u32 + 1);
            slots.push(slot);
            clock = end.plus(15).unwrap();
        }
        let refs: Vec<&Slot> = slots.iter().collect();
        let timed = timed_steps(method, &method.steps, &refs, 30);
        prop_assert_eq!(timed.len(), slots.len());
        for (slot, steps) in slots.iter().zip(&timed) {
            prop_assert_eq!(steps.iter().map(|s| s.minutes).sum::<u32>(), slot.minutes);
        }
    }
}

/// A planned agenda whose slots are replaced by `slots` (a welcome, then methods).
fn agenda_of(slots: Vec<Slot>) -> facilitation::Agenda {
    let mut agenda = plan("forum-rsa.yaml").agenda;
    agenda.start = slots[0].start;
    agenda.end = slots[slots.len() - 1].end;
    agenda.slots = slots;
    agenda
}

fn welcome_slot(start: &str, end: &str) -> Slot {
    Slot::new(SlotKind::Welcome, start.parse().unwrap(), end.parse().unwrap())
}

#[test]
fn a_method_in_the_middle_of_a_session_leaves_out_its_own_welcome_and_closing_steps() {
    let catalogue = Catalogue::builtin();
    let agenda = agenda_of(vec![
        welcome_slot("09:30", "10:00"),
        method_slot("world-cafe", "10:00", "12:00", None),
        method_slot("resolution-irritants", "12:00", "13:30", None),
        method_slot("roti", "13:30", "13:40", None),
    ]);
    let text = agenda.to_markdown(catalogue, Lang::Fr);
    for id in ["world-cafe", "resolution-irritants"] {
        let method = catalogue.get(id).unwrap();
        let framed: Vec<&facilitation::Step> = method
            .steps
            .iter()
            .filter(|s| matches!(s.frame, Some(Frame::Welcome | Frame::Closing)))
            .collect();
        assert!(!framed.is_empty(), "{id} marks its own welcome or closing");
        for step in framed {
            let said = typography::typeset(&step.text.fr, Lang::Fr);
            assert!(!text.contains(&said), "{id}: {said}");
        }
    }
    assert!(text.contains("Consignes du café"), "the café's instructions stay");
}

#[test]
fn a_method_that_opens_and_closes_the_session_keeps_its_own_welcome_and_closing() {
    let catalogue = Catalogue::builtin();
    let agenda = agenda_of(vec![method_slot("resolution-irritants", "14:00", "15:30", None)]);
    let text = agenda.to_markdown(catalogue, Lang::Fr);
    let method = catalogue.get("resolution-irritants").unwrap();
    for step in method.steps.iter().filter(|s| s.frame.is_some()) {
        assert!(text.contains(&typography::typeset(&step.text.fr, Lang::Fr)), "{}", step.text.fr);
    }
}

#[test]
fn the_steps_of_a_method_in_the_middle_still_fill_its_slot() {
    let cafe = Catalogue::builtin().get("world-cafe").unwrap();
    let slot = method_slot("world-cafe", "10:00", "11:45", None);
    let inside = render::steps_in_place(&cafe.steps, render::Place::INSIDE);
    let timed = &timed_steps(cafe, &inside, &[&slot], 40)[0];
    assert_eq!(timed.iter().map(|step| step.minutes).sum::<u32>(), 105);
    assert!(timed.iter().all(|step| inside[step.step].frame.is_none()));
}

#[test]
fn only_the_tips_that_apply_to_the_session_are_printed() {
    let catalogue = Catalogue::builtin();
    for sample in SAMPLES {
        let plan = plan(sample);
        let text = plan.to_markdown(catalogue, Lang::Fr);
        let users = plan.request.profiles.contains(&facilitation::Profile::Users);
        for slot in plan.agenda.method_slots().filter(|slot| slot.part.is_none()) {
            let occasion = facilitation::method::Occasion {
                format: plan.agenda.format,
                users: Some(users),
                start: slot.start,
                work_after: Some(plan.agenda.method_slots().any(|later| {
                    later.start > slot.start
                        && later.method != slot.method
                        && later.phase.is_some_and(|phase| !phase.frames())
                })),
                hierarchy: Some(plan.request.with_hierarchy()),
                participants: plan.agenda.participants,
                objectives: &plan.agenda.objectives,
            };
            for tip in &method(slot).tips {
                let printed = text.contains(&typography::typeset(&tip.fr, Lang::Fr));
                assert_eq!(printed, tip.applies(&occasion), "{sample}: {}", tip.fr);
            }
        }
    }
}

#[test]
fn a_tip_for_the_afternoon_is_not_printed_in_the_morning() {
    let catalogue = Catalogue::builtin();
    let afternoon = |start: &str, end: &str| {
        let agenda =
            agenda_of(vec![welcome_slot("09:00", start), method_slot("points-communs", start, end, None)]);
        agenda.to_markdown(catalogue, Lang::Fr).contains("Idéal après le déjeuner")
    };
    assert!(!afternoon("09:45", "09:55"));
    assert!(afternoon("14:00", "14:10"));
}

#[test]
fn a_method_is_announced_by_what_it_does_not_by_the_phase_of_its_slot() {
    let catalogue = Catalogue::builtin();
    let mut opening = method_slot("meteo", "09:55", "10:10", None);
    opening.phase = Some(facilitation::Phase::Opening);
    let mut cafe = method_slot("world-cafe", "10:10", "12:10", None);
    cafe.phase = Some(facilitation::Phase::Divergence);
    let mut irritants = method_slot("resolution-irritants", "12:10", "13:30", None);
    irritants.phase = Some(facilitation::Phase::Convergence);
    let agenda = agenda_of(vec![welcome_slot("09:30", "09:55"), opening, cafe, irritants]);
    let text = agenda.to_markdown(catalogue, Lang::Fr);
    assert!(!text.contains("Il est temps de choisir"), "neither lists nor ideas are a time to choose");
    assert!(
        text.contains("ce qui nous freine") && text.contains("toutes les idées sont bienvenues"),
        "{text}"
    );
}

#[test]
fn when_the_facilitators_are_named_the_roles_are_theirs_and_say_what_who_does_what_says() {
    let plan = plan("irritants-semaine-management.yaml");
    assert!(plan.request.facilitator_names.len() > 1);
    let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
    for generic in ["Un facilitateur mène", "L'autre circule", "l'autre note"] {
        assert!(!detail(&text).contains(generic), "{generic}");
    }
    for name in &plan.request.facilitator_names {
        assert!(text.contains(&format!("- {name} anime")), "{name} leads a sequence");
        assert!(text.contains(&format!("- {name} garde le temps")), "{name} keeps time in another");
    }
}

#[test]
fn a_change_of_room_layout_between_two_methods_is_said_with_its_minutes_before_the_first_step_or_its_pause() {
    let catalogue = Catalogue::builtin();
    let game = method_slot("points-communs", "09:45", "09:55", None);
    let cafe = method_slot("world-cafe", "09:55", "11:55", None);
    let text =
        agenda_of(vec![welcome_slot("09:30", "09:45"), game.clone(), cafe]).to_markdown(catalogue, Lang::Fr);
    let said = text.split("Changement d'installation").nth(1).expect("the room change is said");
    assert!(said.contains("un cercle de chaises") && said.contains("des tables de travail"), "{said}");
    // The group moves the furniture from 9:55 to 9:58; the café's steps start after it.
    let line = said.split('\n').next().unwrap();
    let moving = typography::span("09:55".parse().unwrap(), "09:58".parse().unwrap(), Lang::Fr);
    assert!(line.contains(&format!("{moving}, avant la première étape")), "{line}");
    let first_step = format!("1. **{}", typography::clock("09:58".parse().unwrap(), Lang::Fr));
    assert!(said.contains(&first_step), "{said}");
    let pause = Slot::new(SlotKind::Break, "09:55".parse().unwrap(), "10:10".parse().unwrap());
    let cafe = method_slot("world-cafe", "10:10", "12:10", None);
    let text =
        agenda_of(vec![welcome_slot("09:30", "09:45"), game, pause, cafe]).to_markdown(catalogue, Lang::Fr);
    assert!(text.contains("réinstallent la salle pendant la pause"));
    let same = agenda_of(vec![
        welcome_slot("09:30", "09:45"),
        method_slot("world-cafe", "09:45", "11:45", None),
        method_slot("plan-action-qqoqcp", "11:45", "12:30", None),
    ]);
    assert!(!same.to_markdown(catalogue, Lang::Fr).contains("Changement d'installation"));
}

/// The sections of a French déroulé's detail, each from its `### ` heading.
/// The section of `markdown` whose heading names `heading` (« · World Café »).
fn section<'t>(markdown: &'t str, heading: &str) -> &'t str {
    let named = format!("· {heading}");
    sections(markdown)
        .into_iter()
        .find(|s| s.contains(&named))
        .unwrap_or_else(|| panic!("no section {named}"))
}

fn sections(markdown: &str) -> Vec<&str> {
    // Each ends where the next heading of either level begins.
    markdown.split("\n### ").skip(1).map(|section| section.split("\n## ").next().unwrap_or(section)).collect()
}

#[test]
fn an_opening_or_a_closing_reads_none_of_the_requests_calling_questions() {
    for name in ["equipe-a-distance.yaml", "forum-rsa.yaml", "irritants-semaine-management.yaml"] {
        let plan = plan(name);
        let markdown = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
        let framing = sections(&markdown)
            .into_iter()
            .filter(|section| {
                section.lines().next().is_some_and(|h| h.ends_with("Ouverture") || h.ends_with("Clôture"))
            })
            .collect::<Vec<_>>();
        assert!(!framing.is_empty(), "{name}: no opening or closing section");
        for section in framing {
            let asks = section.contains("Notre question") || section.contains("Nos questions");
            assert!(!asks, "{name}: {}", section.lines().next().unwrap_or(""));
        }
        assert!(
            markdown.contains("Notre question") || markdown.contains("Nos questions"),
            "{name}: the content sequences ask the request's questions"
        );
    }
}

#[test]
fn every_calling_question_of_an_objective_a_content_sequence_serves_is_asked_or_settled_beforehand() {
    for name in [
        "equipe-a-distance.yaml",
        "forum-rsa.yaml",
        "irritants-semaine-management.yaml",
        "spda-lancement.yaml",
    ] {
        let plan = plan(name);
        let markdown = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
        let content = |slot: &&facilitation::Slot| slot.phase.is_some_and(|phase| !phase.frames());
        let served: Vec<facilitation::Objective> =
            plan.agenda.method_slots().filter(content).flat_map(|slot| slot.objectives.clone()).collect();
        for objective in served {
            let Some(question) = plan.request.question(objective) else { continue };
            // Typography (apostrophes, narrow spaces) aside: the letters of the question.
            let letters = |text: &str| text.chars().filter(|c| c.is_alphanumeric()).collect::<String>();
            let asked = markdown.split("**À dire**").skip(1).any(|said_aloud| {
                letters(said_aloud.lines().next().unwrap_or("")).contains(&letters(question))
            });
            // Or read where the plan of a whole arc begins (résolution des irritants).
            let read = markdown.lines().any(|line| {
                line.contains("Vous lisez la seconde question") && letters(line).contains(&letters(question))
            });
            let asked = asked || read;
            // A sequence that holds one question already: the two are folded with the lead.
            let settle = &markdown[..markdown.find("## Déroulé").unwrap()];
            let folded = settle.lines().any(|line| {
                letters(line).starts_with(&format!("{}{}", letters("La question"), letters(question)))
            });
            assert!(asked ^ folded, "{name}: « {question} » ({objective}) asked {asked}, folded {folded}");
        }
    }
}

#[test]
fn a_sequence_that_answers_one_question_reads_one_and_a_whole_arc_reads_its_second_where_it_plans() {
    // A forum ouvert opening on two questions: the readers could not say which one to
    // answer. Followed by a plan of action, it opens on the ideas' question and leaves the
    // actions' to the plan, which reads it; nothing is left to fold with the lead.
    let forum = request("forum-ouvert-ehpad.yaml");
    let text = plan("forum-ouvert-ehpad.yaml").to_markdown(Catalogue::builtin(), Lang::Fr);
    assert!(!text.contains("Nos questions, l'une après l'autre"), "{text}");
    assert!(!text.contains("- ☐ La question «"), "{text}");
    let section = |name: &str| text.split("\n### ").find(|s| s.contains(name)).unwrap_or_default();
    let said = |name: &str| said_aloud(section(name)).join(" ");
    let asked = |objective| typography::typeset(forum.question(objective).unwrap(), Lang::Fr);
    assert!(said("· Forum ouvert").contains(&asked(facilitation::Objective::GenerateIdeas)), "{text}");
    assert!(said("· Plan d'action QQOQCP").contains(&asked(facilitation::Objective::ActionPlan)), "{text}");
    // A team asked two questions by video (a moment its work mattered, what each needs
    // from the others): one photo no longer answers both; each gets a sequence of its own.
    let team = plan("equipe-a-distance.yaml");
    let text = team.to_markdown(Catalogue::builtin(), Lang::Fr);
    assert!(!text.contains("- ☐ La question «"), "{text}");
    let content = team.agenda.method_slots().filter(|slot| slot.phase.is_some_and(|phase| !phase.frames()));
    let served: Vec<&[facilitation::Objective]> = content.map(|slot| &slot.objectives[..]).collect();
    assert!(served.len() >= 2 && served.iter().all(|objectives| objectives.len() == 1), "{served:?}");
    // Résolution des irritants runs a whole arc: its plan takes the plan's own question,
    // read where the plan begins, not with the first in the announcement.
    let request = request("irritants-semaine-management.yaml");
    let text = plan("irritants-semaine-management.yaml").to_markdown(Catalogue::builtin(), Lang::Fr);
    assert!(!text.contains("Nos questions, l'une après l'autre"), "{text}");
    assert!(!text.contains("- ☐ La question «"), "{text}");
    let second = request.questions.values().find(|q| q.contains("rentrée")).expect("the plan's question");
    let at = text
        .find(&typography::typeset("Vous lisez la seconde question", Lang::Fr))
        .expect("read at the plan");
    let step = &text[text[..at].rfind("\n").unwrap()..at + text[at..].find('\n').unwrap()];
    assert!(step.contains("QQOQCP") && step.contains(&typography::typeset(second, Lang::Fr)), "{step}");
    assert!(
        text.contains(&typography::typeset("; la seconde viendra au moment du plan d'action.", Lang::Fr))
    );
}

#[test]
fn a_content_sequence_without_a_calling_question_gets_one_proposed_for_its_objective() {
    // The held-apart partners' plan of action gives no calling question at all.
    let path = repo::file("tests/data/requests/plan-action-partenaires.yaml");
    let plan = Planner::new(Catalogue::builtin()).plan(&Request::from_file(path).unwrap()).unwrap();
    assert!(plan.request.questions.is_empty());
    for (lang, propose) in [(Lang::Fr, "Nous proposons «"), (Lang::En, "We propose “")] {
        let markdown = plan.to_markdown(Catalogue::builtin(), lang);
        let proposals = markdown.matches(propose).count();
        let content = plan.agenda.method_slots().filter(|slot| slot.phase.is_some_and(|p| !p.frames()));
        assert!(proposals >= 1 && proposals <= content.count(), "{lang:?}: {proposals} proposals");
        assert!(!markdown.contains("formulez-la avec le porteur"), "{lang:?}: a question left to word");
    }
}

#[test]
fn a_proposed_question_is_a_plain_question_whose_note_names_the_subject_and_never_proposed_twice() {
    let path = repo::file("tests/data/requests/plan-action-partenaires.yaml");
    let plan = Planner::new(Catalogue::builtin()).plan(&Request::from_file(path).unwrap()).unwrap();
    let markdown = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
    let notes: Vec<&str> = markdown.split("Nous proposons «").skip(1).collect();
    assert!(!notes.is_empty(), "{markdown}");
    let subject = typography::typeset(
        "dans les mots du sujet (« Plan d'action partenarial de l'insertion »)",
        Lang::Fr,
    );
    let mut proposed = Vec::new();
    for note in &notes {
        let (question, rest) = note.split_once('»').unwrap();
        let question = question.trim();
        // Said as it will be asked: no « Subject : » in front of it.
        assert!(!question.contains("insertion") && !question.contains(" :"), "{question}");
        assert!(rest.lines().next().unwrap_or_default().contains(&subject), "{rest}");
        proposed.push(question);
    }
    let mut once = proposed.clone();
    once.dedup();
    assert_eq!(once.len(), proposed.len(), "a question proposed twice: {proposed:?}");
}

#[test]
fn a_subject_that_opens_with_an_infinitive_leads_the_proposed_question_and_needs_no_rewording() {
    // « Harmoniser les pratiques d'évaluation des demandes »: the question proposed speaks
    // of it in one sentence; the note does not ask to put it in the subject's words again.
    let plan = test_plan("harmoniser-journee.yaml").1;
    let markdown = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
    let led = typography::typeset("« Pour harmoniser les pratiques d'évaluation des demandes, ", Lang::Fr);
    let notes: Vec<&str> = markdown.lines().filter(|line| line.contains("Nous proposons «")).collect();
    assert!(!notes.is_empty(), "{markdown}");
    for note in notes.iter().filter(|note| note.contains(&led)) {
        assert!(!note.contains("dans les mots du sujet"), "{note}");
    }
    assert!(notes.iter().any(|note| note.contains(&led)), "{notes:#?}");
}

/// A day from 9:30 to 16:30 with service users, agents and partners and three
/// facilitators, that asks for the users' taking part and then `objectives`.
fn day_with_users(title: &str, participants: u32, objectives: [&str; 2]) -> facilitation::RequestBuilder {
    let builder = Request::builder(title)
        .time("09:30", "16:30")
        .participants(participants)
        .facilitators(3)
        .profile(facilitation::Profile::Users)
        .profile(facilitation::Profile::Agents)
        .profile(facilitation::Profile::Partners)
        .objective("user-participation");
    objectives.into_iter().fold(builder, |builder, objective| builder.objective(objective))
}

#[test]
fn a_gallery_after_the_front_pages_chooses_among_them_visits_every_station_but_its_own_and_shows_the_review()
{
    // A day with service users: the review in the morning's World Café, the front pages
    // of the vision after lunch, then a gallery that visits them.
    let request =
        day_with_users("Forum RSA : la parole des allocataires", 40, ["review", "vision"]).build().unwrap();
    let mut seen = 0;
    for (seed, plan) in seeded_plans(&request) {
        let ids = method_ids(&plan);
        let une = ids.iter().position(|id| *id == "la-une-du-magazine");
        if une.is_none_or(|at| ids.get(at + 1) != Some(&"gallery-walk")) {
            continue;
        }
        seen += 1;
        let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
        let gallery = &text[text.find("· Galerie (vernissage)").unwrap()..];
        let gallery = &gallery[..gallery[3..].find("\n### ").map_or(gallery.len(), |at| at + 3)];
        assert!(gallery.contains("nous aurons des priorités"), "seed {seed}: {gallery}");
        assert!(!gallery.contains("un bilan partagé"), "seed {seed}: {gallery}");
        // Its stations: one front page per table, and the morning's review beside them
        // when the gallery is said to serve it, or serves nothing asked (it prepares what
        // follows); each table visits every station but its own.
        let slot = slot_running(&plan, "gallery-walk").unwrap();
        let asked = |o: &Objective| plan.agenda.objectives.contains(o);
        let reviews = slot.objectives.contains(&Objective::Review) || !slot.objectives.iter().any(asked);
        let tables =
            number_after(&text, "Gabarit de une en grand format, sur papier de paperboard (un par table) × ");
        // No more stations than the walk has visits at most: beyond, its tip makes two circuits.
        let walk = Catalogue::builtin().get("gallery-walk").unwrap();
        let most = walk.steps.iter().find_map(|step| step.rounds).unwrap().max;
        let review_shown = reviews && tables < most;
        assert_eq!(gallery.contains("comme une station de plus"), review_shown, "seed {seed}: {gallery}");
        // It chooses among the front pages, and among what was shared before when it shows it.
        let among = match review_shown {
            true => "De ce que nous avons mis en commun plus tôt à ce que nous venons d'imaginer",
            false => "Parmi ce que nous venons d'imaginer",
        };
        assert!(gallery.contains(&typography::typeset(among, Lang::Fr)), "seed {seed}: {gallery}");
        let visits = number_after(gallery, "La visite, ");
        assert_eq!(visits, (tables + u32::from(review_shown) - 1).min(most), "seed {seed}: {gallery}");
    }
    assert!(seen > 0, "no seed puts the gallery after the front pages");
}

#[test]
fn a_plan_of_action_after_a_gallery_keeps_its_own_tables_and_every_spokesperson() {
    // Twenty-two people: four grids, each presented by its spokesperson. The gallery's
    // stations are the gallery's; the plan after it has its own tables.
    let plans = plans_running("annee-difficile.yaml", ["gallery-walk", "plan-action-qqoqcp"]);
    assert!(!plans.is_empty(), "no seed plans the grids right after the gallery");
    for (seed, plan) in plans {
        let ids = method_ids(&plan);
        let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
        let from = text.find("· Plan d'action QQOQCP").unwrap();
        let section = &text[from..];
        assert!(section.contains("un porte-parole la présente"), "seed {seed}: {section}");
        assert!(!section.contains("chacun en visite au moins"), "seed {seed}: {section}");
        // The gallery before it, said to serve the review, shows the morning's review as
        // one station more beside the front pages: five tables visit five stations each.
        let gallery =
            plan.agenda.method_slots().find(|s| s.method.as_ref().unwrap() == "gallery-walk").unwrap();
        if gallery.objectives.contains(&facilitation::Objective::Review)
            && ids.contains(&"la-une-du-magazine")
        {
            let tables = number_after(
                &text,
                "Gabarit de une en grand format, sur papier de paperboard (un par table) × ",
            );
            let walk = &text[text.find("· Galerie (vernissage)").unwrap()..from];
            assert!(walk.contains("comme une station de plus"), "seed {seed}: {walk}");
            assert_eq!(number_after(walk, "La visite, "), tables, "seed {seed}: {walk}");
        }
    }
}

#[test]
fn a_gallery_of_what_fours_left_has_one_station_per_four_not_per_breakout_room_of_two() {
    // Fourteen people by video: 1-2-4-All leaves four frames (two fours, two trios); the
    // gallery after it goes round those four, three visits each.
    let plans = plans_running("accueil-a-distance.yaml", ["1-2-4-all", "gallery-walk"]);
    assert!(!plans.is_empty(), "no seed runs the gallery after 1-2-4-All");
    for (seed, plan) in plans {
        let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
        let walk = &text[text.find("· Galerie (vernissage)").unwrap()..];
        assert_eq!(number_after(walk, "La visite, "), 3, "seed {seed}: {walk}");
        let debrief = typography::typeset("Débriefing en plénière : ", Lang::Fr);
        assert_eq!(number_after(walk, &debrief), 4, "seed {seed}: {walk}");
    }
}

/// The plans of the test request `name`, seeds 0 to 3, that run the two methods of `pair`
/// one right after the other, with their seeds.
fn plans_running(name: &str, pair: [&str; 2]) -> Vec<(u64, Plan)> {
    let request = test_request(name);
    let runs = |plan: &Plan| {
        let ids = method_ids(plan);
        ids.windows(2).any(|two| two == pair)
    };
    seeded_plans(&request).filter(|(_, plan)| runs(plan)).collect()
}

/// The plans of `request` with seeds 0 to 3, with their seeds.
fn seeded_plans(request: &Request) -> impl Iterator<Item = (u64, Plan)> + '_ {
    (0..4).map(|seed| (seed, Planner::new(Catalogue::builtin()).seed(seed).plan(request).unwrap()))
}

/// The ids of the plan's methods, slot by slot.
fn method_ids(plan: &Plan) -> Vec<&str> {
    plan.agenda.method_slots().filter_map(|s| s.method.as_ref()).map(|m| m.as_str()).collect()
}

/// The number written right after the first `before` in `text`.
fn number_after(text: &str, before: &str) -> u32 {
    let at = text.find(before).unwrap_or_else(|| panic!("no « {before} » in {text}")) + before.len();
    let digits: String = text[at..].chars().take_while(char::is_ascii_digit).collect();
    digits.parse().unwrap_or_else(|_| panic!("no number after « {before} »"))
}

/// The plan B section of a déroulé.
fn plan_b_section(text: &str) -> &str {
    let plan_b = &text[text.find("## Plan B").unwrap()..];
    &plan_b[..plan_b[3..].find("\n## ").map_or(plan_b.len(), |at| at + 3)]
}

#[test]
fn plan_b_takes_a_long_pause_down_to_ten_minutes_before_the_work_but_never_with_service_users() {
    // The rentrée seminar's pauses last a quarter of an hour: the first gives five minutes
    // before any sequence of the work does.
    let (_, seminar) = test_plan("seminaire-rentree.yaml");
    let text = seminar.to_markdown(Catalogue::builtin(), Lang::Fr);
    let late = plan_b_section(&text);
    // Among the fifteen minutes' measures already: the pause gives before the work has to.
    let fifteen = &late[..late.find("### 30").unwrap()];
    let pause = fifteen.lines().find(|line| line.contains("raccourcir") && line.contains("Pause"));
    assert!(pause.is_some_and(|line| line.contains("(10\u{a0}min au lieu de 15\u{a0}min)")), "{late}");
    // The RSA forum, with service users: its pause keeps its quarter of an hour.
    let text = plan("forum-rsa.yaml").to_markdown(Catalogue::builtin(), Lang::Fr);
    assert!(!plan_b_section(&text).contains("Pause"), "{text}");
}

#[test]
fn plan_b_makes_up_the_morning_delay_before_a_lunch_that_does_not_move() {
    let request = Request::from_file(repo::file("tests/data/requests/seminaire-rentree.yaml")).unwrap();
    for seed in 0..3 {
        let plan = Planner::new(Catalogue::builtin()).seed(seed).plan(&request).unwrap();
        let lunch = plan.agenda.slots.iter().find(|s| s.kind == SlotKind::Lunch).expect("a day with lunch");
        let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
        let plan_b = &text[text.find("## Plan B").unwrap()..];
        let plan_b = &plan_b[..plan_b[3..].find("\n## ").map_or(plan_b.len(), |at| at + 3)];
        assert!(plan_b.contains(&typography::typeset("Le déjeuner ne bouge pas", Lang::Fr)), "{plan_b}");
        // Every measure of the 30-minute delay is taken before lunch: this morning can.
        let at = |line: &str| -> Option<String> {
            Some(line.split(", ").next()?.strip_prefix("À ")?.to_string())
        };
        let late = &plan_b[plan_b.find("### 30").unwrap()..];
        // Up to the afternoon's own plan B, for a group late back from lunch.
        let late = &late[..late[3..].find("\n### ").map_or(late.len(), |at| at + 3)];
        let lunch_at = typography::clock(lunch.start, Lang::Fr);
        for line in late.lines().filter(|line| line.contains(". À ")) {
            let when = at(line.split_once(". ").unwrap().1).unwrap();
            let before = plan
                .agenda
                .slots
                .iter()
                .any(|s| s.start < lunch.start && typography::clock(s.start, Lang::Fr) == when);
            assert!(before, "seed {seed}: {line} comes after lunch at {lunch_at}");
        }
    }
}

#[test]
fn a_world_cafe_leaves_the_vision_to_the_later_sequence_made_for_it() {
    use facilitation::Objective;
    let mut request = request("forum-rsa.yaml");
    request.include.push(facilitation::MethodId::new("world-cafe").unwrap());
    let vision = request.question(Objective::Vision).unwrap().to_string();
    let mut seen = 0;
    for seed in 1..=6 {
        let plan = Planner::new(Catalogue::builtin()).seed(seed).plan(&request).unwrap();
        let other = |slot: &&Slot| slot.method.as_ref().is_some_and(|id| id != "world-cafe");
        if !plan.agenda.method_slots().filter(other).any(|slot| slot.objectives.contains(&Objective::Vision))
        {
            continue;
        }
        seen += 1;
        let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
        let cafe = cafe_section(&text);
        assert!(!cafe.contains(&typography::typeset(&vision, Lang::Fr)), "seed {seed}: {cafe}");
    }
    assert!(seen > 0, "no seed gives the vision to another method");
}

/// The RSA forum with its World Café asked for by name, and a calling question for the
/// partners' network, which the café serves besides the review (the vision goes to a
/// method made for it).
fn forum_rsa_with_cafe() -> Plan {
    let mut request = request("forum-rsa.yaml");
    request.include.push(facilitation::MethodId::new("world-cafe").unwrap());
    let partners = "Que pouvons-nous faire ensemble, allocataires, agents et partenaires, pour que le RSA accompagne mieux ?";
    request.questions.insert("network-partners".into(), partners.into());
    Planner::new(Catalogue::builtin()).plan(&request).unwrap()
}

/// The World Café section of a déroulé.
fn cafe_section(text: &str) -> &str {
    let from = text.find("· World Café").unwrap();
    let to = text[from..].find("Qui fait quoi").map_or(text.len(), |to| from + to);
    &text[from..to]
}

#[test]
fn a_world_cafe_cut_by_the_pause_turns_to_the_action_question_after_it() {
    use facilitation::Objective;
    let path = repo::file("tests/data/requests/bilan-puis-actions.yaml");
    let request = Request::from_file(path).unwrap();
    let (review, actions) =
        (request.question(Objective::Review).unwrap(), request.question(Objective::ActionPlan).unwrap());
    let mut cut = 0;
    for seed in 0..=3 {
        let plan = Planner::new(Catalogue::builtin()).seed(seed).plan(&request).unwrap();
        let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
        let cafe = cafe_section(&text);
        // A café run in one stretch has no « after the pause ».
        let Some((before, after)) = cafe.split_once("**Partie 2") else { continue };
        cut += 1;
        let quoted = |question: &str| typography::typeset(&format!("« {question} »"), Lang::Fr);
        assert!(
            before.contains(&quoted(review)) && !before.contains(&quoted(actions)),
            "seed {seed}: {before}"
        );
        assert!(
            before.contains("sous l'angle de son tour"),
            "the review's rounds keep their angles: {before}"
        );
        let new = typography::typeset("sur une nouvelle question, lue au retour", Lang::Fr);
        assert!(after.contains(&new) && after.contains(&quoted(actions)), "seed {seed}: {after}");
    }
    assert!(cut > 0, "no seed cuts the café by a pause");
}

#[test]
fn world_cafe_rounds_take_the_requests_questions_in_order() {
    use facilitation::Objective;
    let plan = forum_rsa_with_cafe();
    let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
    let cafe = cafe_section(&text);
    let review = plan.request.question(Objective::Review).unwrap();
    let partners = plan.request.question(Objective::NetworkPartners).unwrap();
    let first = typography::typeset(&format!("tour 1 : « {review} »"), Lang::Fr);
    let next = typography::typeset(&format!("tours 2 et 3 : « {partners} »"), Lang::Fr);
    assert!(cafe.contains(&first), "{cafe}");
    assert!(cafe.contains(&next), "{cafe}");
    let said = typography::typeset(&format!("« {review} » ; puis « {partners} »"), Lang::Fr);
    assert!(cafe.contains(&said), "the café announces both questions: {cafe}");
}

#[test]
fn a_split_world_cafe_takes_up_its_rounds_after_the_pause_without_repeating_them() {
    use facilitation::Objective;
    // The partners' day runs its café over the morning, cut once by a pause (C3).
    let mut request = test_request("plan-action-partenaires.yaml");
    let partners = "Que pouvons-nous faire ensemble pour les parcours d'insertion ?";
    request.questions.insert("network-partners".into(), partners.into());
    request.include.push(facilitation::MethodId::new("world-cafe").unwrap());
    let plan = Planner::new(Catalogue::builtin()).plan(&request).unwrap();
    let cafe = |slot: &&facilitation::Slot| slot.method.as_ref().is_some_and(|id| id == "world-cafe");
    assert!(plan.agenda.slots.iter().filter(cafe).count() > 1, "the day splits the café");
    let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
    let cafe = cafe_section(&text);
    let partners = plan.request.question(Objective::NetworkPartners).unwrap();
    // The third round alone, or the third and fourth together.
    let line = cafe
        .lines()
        .find(|line| line.contains("— Tour 3 (") || line.contains("— Tours 3 et"))
        .unwrap_or_default();
    let asked = typography::typeset(&format!(" sur la question « {partners} »"), Lang::Fr);
    assert!(line.contains(&asked), "the round taken up says its question: {cafe}");
    assert!(
        line.contains("même consigne qu'aux tours 1 et 2") || line.contains("même consigne qu'au tour 1"),
        "and which rounds it repeats: {cafe}"
    );
    assert_eq!(cafe.matches("Tours de café").count(), 1, "the rounds' consigne is written once: {cafe}");
}

#[test]
fn with_service_users_the_welcome_says_their_words_change_nothing_to_their_file() {
    let plan_of = |name: &str| {
        let request = Request::from_file(repo::file("tests/data/requests").join(name)).unwrap();
        let plan = Planner::new(Catalogue::builtin()).plan(&request).unwrap();
        plan.to_markdown(Catalogue::builtin(), Lang::Fr)
    };
    let promise = typography::typeset("aucun effet sur votre dossier ni sur vos droits", Lang::Fr);
    let rank = "quels que soient le grade et la fonction";
    let users = plan_of("usagers-atelier.yaml");
    assert!(users.contains(&promise), "the promise to service users is missing");
    assert!(!users.contains(rank), "grade and function mean nothing to service users");
    let staff = plan_of("reunion-45-trancher.yaml");
    assert!(staff.contains(rank) && !staff.contains(&promise));
}

#[test]
fn with_service_users_everyone_gets_one_instruction_and_the_institution_says_what_follows() {
    // « Vous, personnes accompagnées… nous, professionnels… » splits the room in two,
    // against Équivalence 1 = 1: one instruction for all, and the institution's answer
    // comes in the next step, from the facilitators and the sponsor.
    let catalogue = Catalogue::builtin();
    let monday = typography::typeset(
        "« Ce que je retiens, et ce que je ferai dans les jours qui viennent »",
        Lang::Fr,
    );
    let with_users = plan("forum-rsa.yaml");
    assert!(with_users.request.profiles.contains(&facilitation::Profile::Users));
    let text = with_users.to_markdown(catalogue, Lang::Fr);
    assert!(!detail(&text).contains(&monday), "no personal commitment asked of service users");
    let one = typography::typeset("Vous donnez une seule consigne, la même pour tous", Lang::Fr);
    assert!(detail(&text).contains(&one));
    let institution = typography::typeset("vous dites ce que l'institution fera de la parole", Lang::Fr);
    assert!(detail(&text).contains(&institution));
    assert!(!text.contains("nous, professionnels") && !text.contains("Vous, personnes accompagnées"));
    let staff = plan("irritants-semaine-management.yaml").to_markdown(catalogue, Lang::Fr);
    let part = typography::typeset("« Mon premier pas pour faire avancer ce plan", Lang::Fr);
    assert!(detail(&staff).contains(&part), "staff among themselves still commit themselves");
}

#[test]
fn a_team_is_greeted_as_a_team_and_a_mixed_group_as_people_meeting() {
    let catalogue = Catalogue::builtin();
    let (again, arrive) = ("nous retrouver", "prenons un premier temps pour nous mettre en route");
    for team in ["equipe-a-distance.yaml", "irritants-semaine-management.yaml"] {
        let text = plan(team).to_markdown(catalogue, Lang::Fr);
        assert!(text.contains(again) && !text.contains(arrive), "{team}");
    }
    let mixed = plan("forum-rsa.yaml").to_markdown(catalogue, Lang::Fr);
    assert!(mixed.contains(arrive) && !mixed.contains(again), "agents, partners and users arrive");
    assert!(!mixed.contains("faire connaissance"), "a weather check-in is no introduction round");
}

#[test]
fn the_welcome_names_the_project_lead_only_when_the_request_names_one() {
    let catalogue = Catalogue::builtin();
    let nobody = plan("irritants-semaine-management.yaml");
    assert!(nobody.request.requester.is_none());
    let text = nobody.to_markdown(catalogue, Lang::Fr);
    assert!(!text.contains("Le porteur de projet souhaite"), "no lead the request does not name");
    assert!(text.contains("Nous souhaitons la bienvenue"));
    let named = plan("forum-rsa.yaml").to_markdown(catalogue, Lang::Fr);
    assert!(named.contains("Camille Martin, qui porte le projet, souhaite la bienvenue"));
}

#[test]
fn the_welcome_says_who_presents_the_frame_by_name_with_the_verb_agreeing() {
    // « les facilitateurs présentent » read aloud by the one facilitator of a team meeting,
    // or « porteur du projet » said of a woman, are the first words a group hears.
    let catalogue = Catalogue::builtin();
    let three = plan("forum-rsa.yaml").to_markdown(catalogue, Lang::Fr);
    assert!(three.contains("Maëlle, Théo et Inès présentent les objectifs"), "{three}");
    let mut alone = request("forum-rsa.yaml");
    alone.facilitators = 1;
    alone.facilitator_names = vec!["Jeanne".to_string()];
    let alone = Planner::new(catalogue).plan(&alone).unwrap().to_markdown(catalogue, Lang::Fr);
    assert!(alone.contains("; Jeanne présente les objectifs"));
    assert!(!alone.contains("porteur du projet") && !alone.contains("les facilitateurs présentent"));
}

#[test]
fn the_facilitators_sheet_carries_no_score_and_no_method_id() {
    let catalogue = Catalogue::builtin();
    for sample in SAMPLES {
        for lang in [Lang::Fr, Lang::En] {
            let text = plan(sample).to_markdown(catalogue, lang);
            assert!(!text.contains("Note du déroulé") && !text.contains("Agenda score"), "{sample}");
            assert!(!text.contains('`'), "{sample} {lang:?}: an id in backticks");
        }
    }
}

#[test]
fn a_share_out_of_three_tables_then_a_vote_gets_ten_minutes() {
    let method = Catalogue::builtin().get("resolution-irritants").unwrap();
    let mut slot = Slot::new(SlotKind::Method, ClockTime::at(14, 20), ClockTime::at(15, 35));
    slot.method = Some(method.id.clone());
    let steps = &timed_steps(method, &method.steps, &[&slot], 18)[0];
    let share = steps.iter().find(|step| step.sharing.is_some()).unwrap();
    assert_eq!(share.sharing, Some(3));
    assert!(share.minutes >= 10, "{} min", share.minutes);
}

/// What is said to launch `id`, placed to converge after a World Café that opens up: the
/// words before its setup.
fn said_placed_to_converge(id: &str, heading: &str) -> String {
    let mut open = method_slot("impromptu-networking", "09:45", "10:00", None);
    open.phase = Some(facilitation::Phase::Opening);
    let mut share = method_slot("world-cafe", "10:00", "10:15", None);
    share.phase = Some(facilitation::Phase::Emergence);
    let mut choose = method_slot(id, "10:15", "10:45", None);
    choose.phase = Some(facilitation::Phase::Convergence);
    let mut close = method_slot("roti", "10:45", "10:55", None);
    close.phase = Some(facilitation::Phase::Closing);
    let agenda = agenda_of(vec![welcome_slot("09:30", "09:45"), open, share, choose, close]);
    let text = agenda.to_markdown(Catalogue::builtin(), Lang::Fr);
    let section = &text[text.find(heading).unwrap()..];
    section[..section.find("**Installation**").unwrap()].to_string()
}

#[test]
fn a_sequence_placed_to_choose_is_not_announced_as_a_time_not_to_sort() {
    let said = said_placed_to_converge("1-2-4-all", "· 1-2-4");
    assert!(!said.contains("on ne trie pas encore"), "{said}");
    // It looks for ideas, then keeps the strongest, which the method's own steps then do:
    // « il est temps de choisir » before « d'abord une minute seul, pour noter vos idées »
    // would contradict them.
    assert!(said.contains("Cherchons d'abord des idées, puis gardons ensemble les plus fortes"), "{said}");
}

#[test]
fn a_sequence_that_rates_the_ideas_it_first_asks_for_is_announced_as_opening_then_keeping() {
    // 25/10 placed to converge: everyone first writes a bold idea, then the cards are rated;
    // « il est temps de choisir » would contradict its first step.
    let said = said_placed_to_converge("25-10-crowd-sourcing", "· 25/10");
    assert!(!said.contains("Il est temps de choisir"), "{said}");
    assert!(said.contains("Cherchons d'abord des idées, puis gardons ensemble les plus fortes"), "{said}");
}

/// Every sample request and every held-apart request, planned.
fn every_plan() -> Vec<(String, Plan)> {
    let held = std::fs::read_dir(repo::file("tests/data/requests")).unwrap();
    let mut held: Vec<_> = held.map(|entry| entry.unwrap().path()).collect();
    held.sort();
    let samples = SAMPLES.iter().map(|name| repo::file("examples/requests").join(name));
    samples
        .chain(held)
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            (name, Planner::new(Catalogue::builtin()).plan(&Request::from_file(&path).unwrap()).unwrap())
        })
        .collect()
}

/// What is said aloud to launch each sequence, in order.
fn said_aloud(markdown: &str) -> Vec<&str> {
    let said = markdown.split("**À dire**").skip(1).map(|said| said.lines().next().unwrap_or(""));
    said.map(|line| line.split_once('*').map_or(line, |(_, said)| said)).collect()
}

/// The first sentence of what is said.
fn first_sentence(said: &str) -> &str {
    said.find(['.', '?', '!', ';']).map_or(said, |end| &said[..end])
}

#[test]
fn no_two_sequences_of_a_deroule_open_with_the_same_words() {
    for (name, plan) in every_plan() {
        let markdown = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
        let openings: Vec<&str> = said_aloud(&markdown).into_iter().map(first_sentence).collect();
        for (i, opening) in openings.iter().enumerate() {
            assert!(!openings[..i].contains(opening), "{name}: « {opening} » twice");
        }
    }
}

#[test]
fn only_the_first_sequence_is_told_to_begin_and_the_one_after_lunch_is_welcomed_back() {
    for (name, plan) in every_plan() {
        let markdown = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
        let said = said_aloud(&markdown);
        assert!(said.len() >= 2, "{name}");
        for said in said.iter().skip(1) {
            assert!(!said.starts_with("Pour commencer"), "{name}: {said}");
        }
        let lunch = plan.agenda.slots.iter().position(|slot| slot.kind == SlotKind::Lunch);
        let after = lunch.and_then(|at| plan.agenda.slots.get(at + 1));
        // A method begun before lunch goes on after it: its words were said in the morning.
        if let Some(after) = after.filter(|slot| slot.part.is_none()) {
            let section =
                markdown.split("\n### ").find(|s| s.starts_with(&typography::clock(after.start, Lang::Fr)));
            let said = said_aloud(section.unwrap_or_default()).first().copied().unwrap_or_default();
            assert!(said.contains("déjeuner"), "{name}: back from lunch, {said}");
        }
    }
}

#[test]
fn a_session_is_called_by_its_length_and_time_of_day_and_no_placeholder_is_left() {
    for (name, plan) in every_plan() {
        let markdown = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
        let lunch = plan.agenda.slots.iter().any(|slot| slot.kind == SlotKind::Lunch);
        if !lunch {
            assert!(!markdown.contains("cette journée"), "{name}: not a day");
        }
        for word in ["{session}", "{scribe}", "{question}", "{groups}", "{count}"] {
            assert!(!markdown.contains(word), "{name}: {word} left");
        }
    }
}

#[test]
fn the_words_said_hold_whatever_the_weekday_and_the_team() {
    for (name, plan) in every_plan() {
        let markdown = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
        let detail = detail(&markdown);
        for fixed in
            ["dès lundi", "dès demain", "si vous êtes deux", "relevé des actions", "quarante personnes"]
        {
            assert!(!detail.contains(fixed), "{name}: « {fixed} »");
        }
        if plan.agenda.format == facilitation::Format::Remote {
            assert!(!detail.contains("d'un geste"), "{name}: a gesture by video");
        }
    }
}

#[test]
fn the_commitments_are_noted_by_the_named_recorder_or_by_the_one_who_leads_alone() {
    let catalogue = Catalogue::builtin();
    let team = plan("forum-rsa.yaml").to_markdown(catalogue, Lang::Fr);
    // The team is named: the notes are taken by the facilitator « Qui fait quoi » names
    // after the lead, not by « un autre facilitateur » the reader must work out.
    assert!(!team.contains("par un autre facilitateur"), "{team}");
    let closing = &team[team.find("· Tour d'engagements").unwrap()..];
    let closing = &closing[..closing.find("\n### ").unwrap_or(closing.len())];
    let recorder = closing
        .lines()
        .find(|line| line.starts_with("- ") && line.contains("note les apports"))
        .and_then(|line| line[2..].split(' ').next())
        .expect("a recorder in the closing");
    assert!(closing.contains(&format!("pour le compte rendu par {recorder}.")), "{closing}");
    let alone = plan_with_one_facilitator("forum-rsa.yaml").to_markdown(catalogue, Lang::Fr);
    // Alone, the facilitator leads: a volunteer notes (readers found « par vous-même » odd).
    assert!(alone.contains("par un participant volontaire") && !alone.contains("par un autre facilitateur"));
}

#[test]
fn the_callers_of_a_pro_action_cafe_are_counted_for_the_group() {
    let catalogue = Catalogue::builtin();
    let cafe = catalogue.get("pro-action-cafe").unwrap();
    let slot = method_slot("pro-action-cafe", "13:30", "16:30", None);
    for (people, callers) in [(40, "10 appelants"), (60, "15 appelants"), (90, "23 appelants")] {
        let said: Vec<String> =
            timed_steps(cafe, &cafe.steps, &[&slot], people)[0].iter().map(|s| s.text.fr.clone()).collect();
        assert!(said.iter().any(|text| text.contains(callers)), "{people}: {said:?}");
    }
}

#[test]
fn a_sequence_promises_only_the_results_its_method_gives() {
    use facilitation::{Objective, Phase};
    let ideas = serving(("1-2-4-all", "10:00", "10:30"), Phase::Convergence, Objective::Prioritize);
    let vote = serving(("vote-par-gommettes", "10:30", "10:50"), Phase::Convergence, Objective::Prioritize);
    let said = said_after_a_welcome(vec![ideas, vote]);
    let promises: Vec<&str> = said.lines().filter(|line| line.contains("des priorités classées")).collect();
    assert_eq!(promises.len(), 1, "only the vote promises ranked priorities: {said}");
    assert!(said.lines().next().unwrap_or_default().contains("des idées et des pistes"), "{said}");
}

#[test]
fn a_method_that_promises_its_own_result_says_it_instead_of_its_objectives_words() {
    use facilitation::{Objective, Phase};
    let stories = serving(("conversation-cafe", "10:00", "10:50"), Phase::Divergence, Objective::BuildTrust);
    let agreements = serving(("accords-equipe", "10:50", "11:20"), Phase::Convergence, Objective::BuildTrust);
    let said = said_after_a_welcome(vec![stories, agreements]);
    let last = said.lines().last().unwrap_or_default();
    assert!(last.contains("nous aurons trois à sept accords d'équipe que chacun peut tenir"), "{said}");
    assert!(!last.contains("un groupe qui se connaît mieux"), "{last}");
    // The café, which has no promise of its own, still says the objective's words.
    assert!(said.lines().next().unwrap_or_default().contains("un groupe qui se connaît mieux"), "{said}");
}

#[test]
fn plan_b_runs_a_sequence_a_little_shorter_rather_than_lose_the_vision() {
    // The RSA forum's World Café is at its shortest: 30 minutes late, the front pages give
    // five minutes under their shortest rather than the vision's sequence going
    // (rules::PLAN_B_SQUEEZE).
    let plan = plan("forum-rsa.yaml");
    let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
    assert!(!text.contains("Il manque encore"), "plan B ends late");
    let postponed = typography::typeset("plutôt que finir en retard", Lang::Fr);
    assert!(!text.contains(&postponed), "{text}");
    let late = &text[text.find("### 30\u{a0}min de retard").unwrap()..];
    let shorten = typography::typeset("raccourcir « La Une du magazine »", Lang::Fr);
    let une = late.lines().find(|line| line.contains(&shorten)).unwrap();
    let shortest = Catalogue::builtin().get("la-une-du-magazine").unwrap().minutes_for(60).min;
    let (_, after) = une.split_once(" (").unwrap();
    let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
    let minutes: u32 = digits.parse().unwrap();
    assert!(minutes < shortest && minutes + 5 >= shortest, "{une}: shortest {shortest}");
}

#[test]
fn plan_b_never_takes_from_a_pause_with_service_users_or_without() {
    let plan_b = |request: &Request| {
        let text = Planner::new(Catalogue::builtin())
            .plan(request)
            .unwrap()
            .to_markdown(Catalogue::builtin(), Lang::Fr);
        let from = text.find("## Plan B").unwrap();
        let to = text[from + 3..].find("\n## ").map_or(text.len(), |at| from + 3 + at);
        text[from..to].to_string()
    };
    let path = repo::file("tests/data/requests/usagers-atelier.yaml");
    let with_users = Request::from_file(&path).unwrap();
    let pause = typography::typeset("raccourcir « Pause »", Lang::Fr);
    assert!(!plan_b(&with_users).contains(&pause), "{}", plan_b(&with_users));
    // The same workshop among agents only: a group does not come back from its pause
    // faster because the clock says so either.
    let mut agents = with_users.clone();
    agents.profiles.retain(|profile| *profile != facilitation::Profile::Users);
    let text = plan_b(&agents);
    assert!(text.contains("raccourcir") && !text.contains(&pause), "{text}");
}

#[test]
fn plan_b_of_a_short_meeting_asked_to_decide_runs_its_closing_bare_then_settles_rather_than_runs_over() {
    // Nine agents, 45 minutes, three scenarios to choose from: nothing is left to drop but
    // the opening, and the agents go back to the front desk after it.
    let request = Request::builder("Réunion d'équipe")
        .time("14:00", "14:45")
        .participants(9)
        .facilitators(1)
        .objective("decide")
        .build()
        .unwrap();
    let text = Planner::new(Catalogue::builtin())
        .plan(&request)
        .unwrap()
        .to_markdown(Catalogue::builtin(), Lang::Fr);
    let from = text.find("## Plan B").unwrap();
    let plan_b = &text[from..];
    let settles =
        typography::typeset("le porteur de projet tranche à partir de ce que le groupe a posé", Lang::Fr);
    assert!(plan_b.contains(&settles), "{plan_b}");
    // Before that, the closing runs bare: the decision and who does what, without a round.
    let bare = typography::typeset("sans tour de parole, vous rappelez ce que la séance a produit", Lang::Fr);
    let late = &plan_b[plan_b.find("### 30").unwrap()..];
    let (bare_at, settles_at) = (late.find(&bare), late.find(&settles));
    assert!(bare_at.is_some() && bare_at < settles_at, "{late}");
    let dropped = plan_b.lines().find(|line| line.contains("supprimer")).unwrap_or_default();
    assert!(!dropped.contains("un mot de chacun"), "the opening's words are not said again: {dropped}");
}

#[test]
fn plan_b_leaves_a_sequence_for_another_time_rather_than_end_late() {
    // A steering committee of an hour, to decide, then share practices: 30 minutes late,
    // its sequences have no minute to give; only leaving the least important objective's
    // sequence for another time keeps the end.
    let text = test_plan("reunion-60-decider.yaml").1.to_markdown(Catalogue::builtin(), Lang::Fr);
    assert!(!text.contains("Il manque encore"), "plan B ends late");
    let postponed = typography::typeset("plutôt que finir en retard", Lang::Fr);
    assert!(text.contains(&postponed), "{text}");
}

/// A day whose World Café a pause cuts between its rounds: the team after a difficult
/// year reviews it all morning, with a lunch fixed at a quarter to one.
fn cafe_cut_by_a_pause() -> Plan {
    test_plan("annee-difficile.yaml").1
}

/// The parts of a World Café, which its pause cuts in two.
fn cafe_parts(plan: &Plan) -> Vec<&Slot> {
    let cafe = |slot: &&Slot| slot.method.as_ref().is_some_and(|id| id == "world-cafe");
    let parts: Vec<&Slot> = plan.agenda.method_slots().filter(cafe).collect();
    assert!(parts.len() > 1, "the café is cut by its pause");
    parts
}

#[test]
fn a_sequence_cut_by_a_pause_says_when_it_ends_and_where_the_pause_falls() {
    let plan = cafe_cut_by_a_pause();
    let cafe = cafe_parts(&plan);
    let (first, last) = (cafe[0], cafe[cafe.len() - 1]);
    let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
    let section = cafe_section(&text);
    let said = format!(
        "Nous avons jusqu'à {}, avec une pause à {}",
        typography::clock(last.end, Lang::Fr),
        typography::clock(first.end, Lang::Fr)
    );
    assert!(section.contains(&typography::typeset(&said, Lang::Fr)), "{said}: {section}");
}

#[test]
fn a_pause_that_cuts_a_method_is_announced_among_its_steps_in_clock_order() {
    let plan = cafe_cut_by_a_pause();
    let cafe = cafe_parts(&plan);
    let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
    let section = cafe_section(&text);
    let pause = plan.agenda.slots.iter().find(|slot| slot.start == cafe[0].end).unwrap();
    let span = typography::span(pause.start, pause.end, Lang::Fr);
    let first_part = section.find(&typography::span(cafe[0].start, cafe[0].end, Lang::Fr)).unwrap();
    let second_part = section.find(&typography::span(cafe[1].start, cafe[1].end, Lang::Fr)).unwrap();
    let announced = section.find(&format!("{span} · Pause")).expect("the pause among the café's steps");
    assert!(first_part < announced && announced < second_part, "{section}");
    assert!(!text.contains(&format!("### {span} · Pause")), "the pause is not written again after the café");
}

#[test]
fn no_question_is_asked_aloud_just_before_the_calling_question() {
    // « Projetons-nous : à quoi ressemblerait la réussite ? Notre question : « … » » asks
    // two questions in a row: the group does not know which one to work on.
    for (name, plan) in every_plan() {
        let markdown = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
        for said in said_aloud(&markdown) {
            let Some((before, _)) = said.split_once("Notre question") else { continue };
            assert!(!before.contains('?'), "{name}: {said}");
        }
    }
}

fn phased(mut slot: Slot, phase: Phase) -> Slot {
    slot.phase = Some(phase);
    slot
}

/// What is said aloud, one sequence per line, in a session of `slots` after a welcome at 9:30.
fn said_after_a_welcome(slots: Vec<Slot>) -> String {
    let agenda = agenda_of([vec![welcome_slot("09:30", "10:00")], slots].concat());
    said_aloud(&agenda.to_markdown(Catalogue::builtin(), Lang::Fr)).join("\n")
}

/// A slot of method `id` from `start` to `end`, placed in `phase` and serving `objective`.
fn serving((id, start, end): (&str, &str, &str), phase: Phase, objective: facilitation::Objective) -> Slot {
    let mut slot = phased(method_slot(id, start, end, None), phase);
    slot.objectives = vec![objective];
    slot
}

/// The French text of the steps of `id` that carry `frame`, as the déroulé prints them.
fn framed_texts(id: &str, frame: facilitation::Frame) -> Vec<String> {
    let method = Catalogue::builtin().get(id).unwrap();
    let framed = method.steps.iter().filter(|step| step.frame == Some(frame));
    framed.map(|step| typography::typeset(&step.text.fr, Lang::Fr)).collect()
}

#[test]
fn a_forum_ouvert_followed_by_an_action_plan_leaves_it_the_action_groups_and_the_closing() {
    // Two action plans and two closing rounds in one afternoon: the group would write its
    // plan twice and say goodbye twice.
    let agenda = agenda_of(vec![
        welcome_slot("09:00", "09:15"),
        phased(method_slot("forum-ouvert", "09:15", "12:15", None), Phase::Emergence),
        phased(method_slot("plan-action-qqoqcp", "12:15", "13:00", None), Phase::Action),
        phased(method_slot("tour-engagements", "13:00", "13:15", None), Phase::Closing),
    ]);
    let text = agenda.to_markdown(Catalogue::builtin(), Lang::Fr);
    let dropped = [framed_texts("forum-ouvert", Frame::Action), framed_texts("forum-ouvert", Frame::Closing)];
    for said in dropped.iter().flatten() {
        assert!(!text.contains(said.as_str()), "{said}");
    }
    assert!(
        text.contains(&typography::typeset("Convergence : les propositions, regroupées par thème", Lang::Fr)),
        "the forum still chooses its proposals"
    );
}

#[test]
fn a_forum_ouvert_that_ends_the_work_forms_its_own_action_groups() {
    let agenda = agenda_of(vec![
        welcome_slot("09:00", "09:15"),
        phased(method_slot("forum-ouvert", "09:15", "12:15", None), Phase::Emergence),
        phased(method_slot("tour-engagements", "12:15", "12:30", None), Phase::Closing),
    ]);
    let text = agenda.to_markdown(Catalogue::builtin(), Lang::Fr);
    for said in framed_texts("forum-ouvert", Frame::Action) {
        assert!(text.contains(&said), "{said}");
    }
    for said in framed_texts("forum-ouvert", Frame::Closing) {
        assert!(!text.contains(&said), "the session's closing closes: {said}");
    }
}

#[test]
fn the_last_vision_before_the_closing_ends_on_names_under_workstreams_and_not_before_a_choice() {
    let last = agenda_of(vec![
        welcome_slot("09:00", "09:15"),
        phased(method_slot("la-une-du-magazine", "09:15", "10:15", None), Phase::Emergence),
        phased(method_slot("tour-engagements", "10:15", "10:30", None), Phase::Closing),
    ]);
    let before_a_choice = agenda_of(vec![
        welcome_slot("09:00", "09:15"),
        phased(method_slot("la-une-du-magazine", "09:15", "10:15", None), Phase::Emergence),
        phased(method_slot("matrice-impact-effort", "10:15", "11:00", None), Phase::Convergence),
        phased(method_slot("tour-engagements", "11:00", "11:15", None), Phase::Closing),
    ]);
    let signing = framed_texts("la-une-du-magazine", Frame::Action);
    assert_eq!(signing.len(), 1);
    assert!(last.to_markdown(Catalogue::builtin(), Lang::Fr).contains(&signing[0]));
    assert!(!before_a_choice.to_markdown(Catalogue::builtin(), Lang::Fr).contains(&signing[0]));
}

#[test]
fn a_method_that_brings_the_options_of_a_decision_works_on_the_decisions_question() {
    // The ideas round before the vote serves nothing asked but the decision (C15): it asks
    // the decision's question, not a brainstorm of its own that the vote would not rank.
    // Without the decision grid, which brings its options itself.
    let path = repo::file("tests/data/requests/reunion-45-trancher.yaml");
    let mut request = Request::from_file(path).unwrap();
    request.exclude.push(facilitation::MethodId::new("grille-de-decision").unwrap());
    let plan = Planner::new(Catalogue::builtin()).plan(&request).unwrap();
    let markdown = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
    let decision = request.question(facilitation::Objective::Decide).unwrap();
    // Its words before the first punctuation, which typesetting leaves as they are.
    let words = decision.split([',', '?']).next().unwrap();
    let ideas = sections(&markdown).into_iter().find(|s| s.contains("1-2-4-Tous")).expect("an ideas round");
    assert!(ideas.contains(words), "{ideas}");
    assert!(!ideas.contains("ne donne pas de question d'appel"), "{ideas}");
}

#[test]
fn a_tip_for_big_groups_is_left_out_for_a_team_of_nine() {
    let path = repo::file("tests/data/requests/reunion-45-trancher.yaml");
    let mut request = Request::from_file(path).unwrap();
    request.exclude.push(facilitation::MethodId::new("grille-de-decision").unwrap());
    let plan = Planner::new(Catalogue::builtin()).plan(&request).unwrap();
    let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
    let ideas = Catalogue::builtin().get("1-2-4-all").unwrap();
    let big = ideas.tips.iter().find(|tip| tip.beyond.is_some()).expect("a tip for big groups");
    assert!(text.contains("1-2-4-Tous"));
    assert!(!text.contains(&typography::typeset(&big.fr, Lang::Fr)), "9 people: {}", big.fr);
    let occasion = |participants| facilitation::method::Occasion {
        format: facilitation::Format::Onsite,
        users: Some(false),
        start: ClockTime::at(10, 0),
        work_after: None,
        hierarchy: None,
        participants,
        objectives: &[],
    };
    assert!(!big.applies(&occasion(9)) && big.applies(&occasion(40)));
}

#[test]
fn a_deroule_opens_on_what_to_settle_with_the_project_lead_before_the_day() {
    // The partners' day gives no calling question: each is to be written with the lead.
    let (request, plan) = test_plan("plan-action-partenaires.yaml");
    assert!(request.questions.is_empty());
    let markdown = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
    let settle = markdown.find("### À régler avec le porteur de projet avant le jour").expect("the section");
    let agenda = markdown.find("\n## Déroulé\n").unwrap();
    assert!(settle < agenda, "it comes before the agenda");
    let section = &markdown[settle..agenda];
    let question = typography::typeset("La question d'appel de « Plan d'action QQOQCP »", Lang::Fr);
    assert!(section.contains(&question), "{section}");
    assert!(section.contains("L'accessibilité"), "the network's own questions follow: {section}");
}

#[test]
fn a_plan_of_action_points_at_the_priorities_on_the_wall_before_its_instructions() {
    let (_, plan) = test_plan("plan-action-partenaires.yaml");
    let markdown = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
    let grid = section(&markdown, "Plan d'action QQOQCP");
    let wall = grid.lines().find(|line| line.starts_with("**Au mur**")).expect("what hangs on the wall");
    let sequences = sections(&markdown);
    // « … (« Vote par gommettes », 14 h 25). »: the source is named last, after what it left.
    let source = wall.rsplit("(«").next().and_then(|rest| rest.split('»').next()).unwrap().trim();
    let method = Catalogue::builtin().iter().find(|m| m.name.get(Lang::Fr) == source).expect("a method");
    let left = method.leaves.as_ref().expect("the vote says what it leaves").get(Lang::Fr);
    let left = typography::typeset(&left.chars().skip(1).collect::<String>(), Lang::Fr);
    assert!(wall.contains(&left), "the wall shows what the vote left, not a kind of product: {wall}");
    // Readers took a bare time for the moment the vote was held: the time finds the section.
    assert!(wall.contains(&typography::typeset("», séquence de ", Lang::Fr)), "{wall}");
    let earlier = sequences.iter().position(|s| s.contains(&format!("· {source}"))).expect("the source");
    let here = sequences.iter().position(|s| s.contains("· Plan d'action QQOQCP")).unwrap();
    assert!(earlier < here, "the source comes before: {source}");
}

#[test]
fn a_method_placed_to_converge_that_opens_up_first_reads_from_its_first_phase() {
    let agenda = agenda_of(vec![
        welcome_slot("09:00", "09:10"),
        phased(method_slot("1-2-4-all", "09:10", "09:30", None), Phase::Convergence),
        phased(method_slot("vote-par-gommettes", "09:30", "09:45", None), Phase::Convergence),
    ]);
    let text = agenda.to_markdown(Catalogue::builtin(), Lang::Fr);
    let row = |name: &str| text.lines().find(|line| line.starts_with('|') && line.contains(name)).unwrap();
    assert!(row("1-2-4-Tous").contains("| Divergence → convergence |"), "{}", row("1-2-4-Tous"));
    assert!(row("Vote par gommettes").contains("| Convergence |"), "a vote only converges");
    let heading = text.lines().find(|line| line.starts_with("### ") && line.contains("1-2-4-Tous")).unwrap();
    assert!(heading.ends_with("Divergence → convergence"), "{heading}");
}

/// The hybrid session on shared criteria: stories, then 1-2-4-All, then the one sequence
/// that converges on the criteria; `shared` is the phase 1-2-4-All is placed in.
fn criteria_session(shared: Phase) -> facilitation::Agenda {
    use facilitation::Objective;
    let with = |slot: Slot, phase: Phase, objectives: &[Objective]| {
        let mut slot = phased(slot, phase);
        slot.objectives = objectives.to_vec();
        slot
    };
    let (share, harmonize) = (Objective::SharePractices, Objective::HarmonizePractices);
    let mut agenda = agenda_of(vec![
        welcome_slot("14:00", "14:10"),
        with(method_slot("un-mot-pour-commencer", "14:10", "14:15", None), Phase::Opening, &[]),
        with(method_slot("appreciative-interviews", "14:15", "15:05", None), Phase::Emergence, &[share]),
        Slot::new(SlotKind::Break, "15:05".parse().unwrap(), "15:15".parse().unwrap()),
        with(method_slot("1-2-4-all", "15:15", "15:30", None), shared, &[share, harmonize]),
        with(method_slot("start-stop-continue", "15:30", "15:50", None), Phase::Convergence, &[harmonize]),
        with(method_slot("tour-engagements", "15:50", "16:00", None), Phase::Closing, &[]),
    ]);
    agenda.participants = 26;
    agenda.objectives = vec![share, harmonize];
    agenda
}

#[test]
fn plan_b_keeps_the_only_sequence_that_converges_and_never_drops_twenty_minutes_for_ten() {
    let dropped = typography::typeset("supprimer « Commencer, arrêter, continuer »", Lang::Fr);
    let plan_b = |agenda: &facilitation::Agenda| {
        let text = agenda.to_markdown(Catalogue::builtin(), Lang::Fr);
        let from = text.find("## Plan B").unwrap();
        let to = text[from..].find("### 30").map_or(text.len(), |at| from + at);
        (text[from..to].to_string(), text[from..].to_string())
    };
    // 1-2-4-All gathers ideas: the choice of criteria is made nowhere else.
    let (_, both) = plan_b(&criteria_session(Phase::Divergence));
    assert!(!both.contains(&dropped), "{both}");
    // 1-2-4-All converges too, but fifteen minutes late leaves ten to find, not twenty.
    let (fifteen, _) = plan_b(&criteria_session(Phase::Convergence));
    assert!(!fifteen.contains(&dropped), "{fifteen}");
    assert!(fifteen.contains("Un mot pour commencer"), "the opening goes first: {fifteen}");
}

#[test]
fn plan_b_never_drops_fifty_minutes_of_the_core_for_five_and_keeps_its_pause() {
    // Thirty minutes late, once the welcome, the opening, the sequences and the closing
    // have given, five minutes are missing: the interviews (50 min), which 1-2-4-All
    // would serve too, stay; the session ends five minutes late, told so in advance.
    let text = criteria_session(Phase::Convergence).to_markdown(Catalogue::builtin(), Lang::Fr);
    let thirty = &text[text.find("### 30").unwrap()..];
    let thirty = &thirty[..thirty.find("\n## ").unwrap_or(thirty.len())];
    let measure = |words: &str| typography::typeset(words, Lang::Fr);
    assert!(!thirty.contains(&measure("supprimer « Entretiens appréciatifs »")), "{thirty}");
    assert!(thirty.contains(&measure("supprimer « Un mot pour commencer »")), "{thirty}");
    assert!(!thirty.contains(&measure("supprimer « Commencer, arrêter, continuer »")), "{thirty}");
    assert!(!thirty.contains(&measure("raccourcir « Pause »")), "{thirty}");
    assert!(thirty.contains("finissez à 16"), "{thirty}");
}

#[test]
fn the_closing_says_who_sends_the_record_of_what_the_session_kept_without_rereading_it() {
    let next_step = |name: &str| {
        let request = Request::from_file(repo::file("tests/data/requests").join(name)).unwrap();
        let plan = Planner::new(Catalogue::builtin()).plan(&request).unwrap();
        let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
        let said = text.lines().find(|line| line.contains("— La suite")).map(str::to_string);
        said.unwrap_or_else(|| panic!("{name}: no next step read aloud\n{text}"))
    };
    let decision = next_step("reunion-60-decider.yaml");
    assert!(decision.contains("qui en envoie le relevé (la décision prise, ses conditions"), "{decision}");
    let plan = next_step("seminaire-rentree.yaml");
    assert!(plan.contains("qui en envoie le relevé (les actions du plan, qui les porte"), "{plan}");
    assert!(plan.contains("on ne le relit pas"), "the plan was confirmed grid by grid: {plan}");
}

#[test]
fn a_session_on_child_protection_reminds_confidentiality_at_the_welcome_and_no_other_does() {
    let catalogue = Catalogue::builtin();
    let mut agenda = agenda_of(vec![
        welcome_slot("14:00", "14:10"),
        method_slot("1-2-4-all", "14:10", "14:30", None),
        method_slot("tour-engagements", "14:30", "14:40", None),
    ]);
    let reminder =
        typography::typeset("**Confidentialité** : les situations évoquées restent anonymes", Lang::Fr);
    agenda.title = "Harmoniser l'évaluation des Informations préoccupantes".into();
    assert!(agenda.to_markdown(catalogue, Lang::Fr).contains(&reminder));
    agenda.title = "Remobiliser l'équipe d'accueil".into();
    assert!(!agenda.to_markdown(catalogue, Lang::Fr).contains("Confidentialité"));
}

#[test]
fn a_round_taken_up_after_the_pause_is_announced_in_words_to_say_with_its_new_angle() {
    // The difficult year's café runs two rounds, a pause, then the third on what the year
    // taught.
    let text = cafe_cut_by_a_pause().to_markdown(Catalogue::builtin(), Lang::Fr);
    let line = text.lines().find(|line| line.contains("— Tour 3 (")).expect("the café is cut by the pause");
    let said = typography::typeset(
        "À annoncer au retour : « Les hôtes reprennent leur table ; les autres vont à une table où ils ne sont pas encore allés.",
        Lang::Fr,
    );
    assert!(line.contains(&said), "{line}");
    let angle = typography::typeset(
        "notre angle maintenant : ce que nous en apprenons, ce qu'il faut garder. »",
        Lang::Fr,
    );
    assert!(line.contains(&angle), "{line}");
    // The question is named for the facilitator before the words to say, not inside them.
    let announced = &line[line.find("À annoncer").unwrap()..];
    assert!(!announced.contains("question"), "{line}");
}

#[test]
fn a_sequence_serving_no_objective_asked_names_the_objectives_it_prepares() {
    let mut seen = 0;
    let requests = ["plan-action-partenaires", "seminaire-rentree", "hybride-plan-action"];
    let plans = requests.iter().flat_map(|name| {
        let path = repo::file(format!("tests/data/requests/{name}.yaml"));
        let request = Request::from_file(path).unwrap();
        (1..=3).map(move |seed| (seed, request.clone()))
    });
    for (seed, request) in plans {
        let plan = Planner::new(Catalogue::builtin()).seed(seed).plan(&request).unwrap();
        let agenda = &plan.agenda;
        let content = |slot: &&Slot| slot.part.is_none() && slot.phase.is_some_and(|phase| !phase.frames());
        let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
        for slot in agenda.method_slots().filter(content) {
            if slot.objectives.iter().any(|o| agenda.objectives.contains(o)) {
                continue;
            }
            seen += 1;
            let name = method(slot).name.fr.clone();
            let row = text.lines().find(|line| line.starts_with("| ") && line.contains(&name)).unwrap();
            assert!(row.contains(&typography::typeset("| Prépare : ", Lang::Fr)), "seed {seed}: {row}");
            // Its proposed calling question asks for what it gives, not how the day went.
            let settle =
                text.lines().find(|line| line.contains("La question d'appel de") && line.contains(&name));
            let settle = settle.unwrap_or_default();
            assert!(!settle.contains("vous a apporté"), "seed {seed}: {settle}");
        }
    }
    assert!(seen > 0, "no sequence there only to prepare the next one");
}

#[test]
fn a_sequence_that_opens_up_right_after_a_vision_proposes_to_turn_it_into_workstreams() {
    let path = repo::file("tests/data/requests/plan-action-partenaires.yaml");
    let mut request = Request::from_file(path).unwrap();
    // Without the gallery that would converge on the front pages, nor the requests between
    // partners that would settle them, the work goes on opening up; without the World Café,
    // whose own question its angles turn over, in another sequence.
    for id in ["gallery-walk", "world-cafe", "what-i-need-from-you"] {
        request.exclude.push(facilitation::MethodId::new(id).unwrap());
    }
    let after_vision = "ce que nous venons d'imaginer devienne vrai, quels chantiers lançons-nous ensemble";
    let mut opened = 0;
    for seed in 1..=3 {
        let plan = Planner::new(Catalogue::builtin()).seed(seed).plan(&request).unwrap();
        let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
        let sections: Vec<&str> = text.split("\n### ").collect();
        let vision =
            sections.iter().position(|s| s.contains("· La Une du magazine")).expect("a vision is built");
        let proposes = |section: &str| section.contains(after_vision);
        // The next sequence, past the pause or lunch that may come between; one that
        // converges on the vision (a gallery of the front pages) has its own words.
        let next = vision + 1 + sections[vision + 1..].iter().position(|s| s.contains("**À dire**")).unwrap();
        let heading = sections[next].lines().next().unwrap_or_default();
        let opens_up = ["Divergence", "Émergence"].iter().any(|phase| heading.ends_with(phase));
        opened += usize::from(opens_up);
        assert!(!opens_up || proposes(sections[next]), "seed {seed}: {}", sections[next]);
        let sequences = sections.iter().enumerate().filter(|(_, s)| s.contains("**À dire**"));
        let elsewhere = sequences.filter(|(i, s)| *i != next && proposes(s)).count();
        assert_eq!(elsewhere, 0, "seed {seed}: only the sequence right after the vision");
    }
    assert!(opened > 0, "no seed opens up right after the vision");
}

#[test]
fn what_is_said_aloud_never_promises_every_voice_when_the_round_hears_a_few() {
    // Sixty people: the round of commitments hears ten voices and the weather check-in
    // a few; the words said to launch them do not promise everyone the floor.
    let text = plan("forum-rsa.yaml").to_markdown(Catalogue::builtin(), Lang::Fr);
    let said: Vec<&str> = text.lines().filter(|line| line.starts_with("**À dire**")).collect();
    assert!(!said.is_empty());
    for line in said {
        for promise in ["Chacun dit en une phrase", "On écoute chacun"] {
            assert!(!line.contains(promise), "{line}");
        }
    }
}

#[test]
fn with_service_users_the_words_said_aloud_ask_nobody_to_write() {
    // 1-2-4-All's minute alone is a minute to think: a person uneasy with writing is not
    // asked to note ideas in front of the others; someone in the group writes for all.
    let path = repo::file("tests/data/requests/usagers-atelier.yaml");
    let request = Request::from_file(&path).unwrap();
    let text = Planner::new(Catalogue::builtin())
        .plan(&request)
        .unwrap()
        .to_markdown(Catalogue::builtin(), Lang::Fr);
    let said: Vec<&str> = text.lines().filter(|line| line.starts_with("**À dire**")).collect();
    assert!(said.iter().any(|line| line.contains("inutile d'écrire")), "the 1-2-4-All is said for users");
    assert!(said.iter().all(|line| !line.contains("pour noter vos idées")), "{said:?}");
}

#[test]
fn a_world_cafe_without_a_question_in_the_request_still_gives_each_round_its_angle() {
    // Three rounds on the same words go round in circles, whoever writes the question.
    let (request, plan) = test_plan("plan-action-partenaires.yaml");
    assert!(request.questions.is_empty());
    let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
    let cafe = cafe_section(&text);
    let angled = typography::typeset(
        "sur la question d'appel, sous l'angle de son tour (tour 1 : ce qui marche déjà",
        Lang::Fr,
    );
    assert!(cafe.contains(&angled), "{cafe}");
    assert!(!cafe.contains("la question du tour"), "{cafe}");
    // The question proposed is one the angles can turn over: the café's own, not the draft
    // of the objective it serves (« qu'est-ce que chacun apporte au réseau »).
    let own = Catalogue::builtin().get("world-cafe").unwrap().question.clone().unwrap();
    assert!(cafe.contains(&typography::typeset(&own.fr[1..], Lang::Fr)), "{cafe}");
}

#[test]
fn a_hybrid_session_counts_no_breakout_rooms_for_the_people_in_the_room() {
    // Twenty-six people, some of them online: rooms « one per five participants » for all
    // twenty-six would be as many rooms as if everyone were at a distance.
    let request = test_request("hybride-plan-action.yaml");
    assert_eq!(request.format, facilitation::Format::Hybrid);
    let text = Planner::new(Catalogue::builtin())
        .plan(&request)
        .unwrap()
        .to_markdown(Catalogue::builtin(), Lang::Fr);
    let rooms: Vec<&str> = text.lines().filter(|line| line.contains("Salles de sous-groupes")).collect();
    assert!(!rooms.is_empty());
    for line in rooms {
        let at = line.find("Salles de sous-groupes").unwrap();
        let item = line[at..].split([';', '*']).next().unwrap();
        assert!(item.contains("pour les personnes à distance") && !item.contains('×'), "{item}");
    }
}

#[test]
fn a_tip_made_for_harmonising_practices_is_printed_only_when_the_session_asks_it() {
    let gallery = Catalogue::builtin().get("gallery-walk").unwrap();
    let tip = gallery.tips.iter().find(|tip| !tip.asked.is_empty()).expect("a tip for a purpose");
    let harmonise = [facilitation::Objective::HarmonizePractices];
    let plan_of_action = [facilitation::Objective::ActionPlan];
    let occasion = |objectives| facilitation::method::Occasion {
        format: facilitation::Format::Onsite,
        users: Some(false),
        start: ClockTime::at(14, 0),
        work_after: None,
        hierarchy: None,
        participants: 40,
        objectives,
    };
    assert!(tip.applies(&occasion(&harmonise)));
    assert!(!tip.applies(&occasion(&plan_of_action)));
}

#[test]
fn a_closing_shows_no_objective_the_request_did_not_ask() {
    // The round of commitments closes; it is no « Évaluer la séance » nobody asked for.
    let plan = plan("forum-rsa.yaml");
    assert!(!plan.request.objectives.iter().any(|o| o.contains("feedback")));
    let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
    assert!(!text.contains("Évaluer la séance"), "{text}");
}

#[test]
fn a_gallery_has_one_station_per_piece_of_work_it_shows_not_one_per_four_visitors() {
    // Fifty partners, the World Café's ten tablecloths on the wall: ten stations and twenty
    // proposal cards, not thirteen stations for ten posters.
    let (request, plan) = test_plan("bilan-puis-actions.yaml");
    assert_eq!(request.participants, 50);
    assert!(plan.agenda.method_slots().any(|slot| slot.method.as_ref().unwrap() == "gallery-walk"));
    let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
    let from = text.find("· Galerie (vernissage)").unwrap();
    let gallery = &text[from..from + text[from..].find("\n### ").unwrap()];
    let materials = gallery.lines().find(|line| line.starts_with("**Matériel**")).unwrap();
    assert!(materials.contains("séquence précédente) × 10"), "{materials}");
    assert!(materials.contains("(deux par groupe) × 20"), "{materials}");
}

#[test]
fn a_choice_right_after_a_cafe_that_turned_to_the_actions_works_on_the_actions() {
    use facilitation::Objective;
    let request = test_request("bilan-puis-actions.yaml");
    let actions = request.question(Objective::ActionPlan).unwrap();
    let quoted = typography::typeset(&format!("« {actions} »"), Lang::Fr);
    let mut checked = 0;
    for seed in 0..=3 {
        let plan = Planner::new(Catalogue::builtin()).seed(seed).plan(&request).unwrap();
        let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
        let sections: Vec<&str> = text.split("\n### ").collect();
        let Some(cafe) = sections.iter().position(|s| s.contains("· World Café") && s.contains("**Partie 2"))
        else {
            continue;
        };
        let next = cafe + 1 + sections[cafe + 1..].iter().position(|s| s.contains("**À dire**")).unwrap();
        if !sections[next].lines().next().unwrap_or_default().ends_with("Convergence") {
            continue;
        }
        checked += 1;
        let said = sections[next].lines().find(|line| line.starts_with("**À dire**")).unwrap();
        assert!(said.contains(&quoted), "seed {seed}: {said}");
        assert!(!said.contains("bilan partagé"), "seed {seed}: it chooses, it makes no review: {said}");
    }
    assert!(checked > 0, "no seed converges right after a café cut by the pause");
}

#[test]
fn a_world_cafe_right_after_a_vision_starts_its_own_question_from_the_vision() {
    // The rentrée seminar: La Une before lunch, the café after it. Its rounds turn over its
    // own question, led by the front pages just made, not a fresh page.
    let (_, plan) = test_plan("seminaire-rentree.yaml");
    let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
    let cafe = cafe_section(&text);
    let led = typography::typeset(
        "Pour que ce que nous venons d'imaginer devienne vrai : où en sommes-nous",
        Lang::Fr,
    );
    assert!(cafe.contains(&led), "{cafe}");
}

#[test]
fn a_hybrid_session_run_by_two_asks_the_project_lead_for_a_third_person() {
    // One leads the room, one relays the people online: nobody is left for the technique.
    let team_item = "L'équipe en hybride";
    let (_, three) = test_plan("hybride-plan-action.yaml");
    assert_eq!(three.request.facilitators, 3);
    assert!(!three.to_markdown(Catalogue::builtin(), Lang::Fr).contains(team_item));
    let mut request = test_request("hybride-plan-action.yaml");
    request.facilitators = 2;
    let two = Planner::new(Catalogue::builtin()).plan(&request).unwrap();
    let text = two.to_markdown(Catalogue::builtin(), Lang::Fr);
    let settle = &text[text.find("À régler avec le porteur").unwrap()..text.find("## Déroulé").unwrap()];
    assert!(settle.contains(team_item), "{settle}");
    request.format = facilitation::Format::Onsite;
    let onsite = Planner::new(Catalogue::builtin()).plan(&request).unwrap();
    assert!(!onsite.to_markdown(Catalogue::builtin(), Lang::Fr).contains(team_item));
}

#[test]
fn in_a_remote_session_the_plenary_is_recorded_on_the_shared_board_not_on_a_wall() {
    // Two facilitators by video: the one who does not lead records the plenary.
    let request = Request::from_file(repo::file("tests/data/requests/visio-60-explorer.yaml")).unwrap();
    let plan = Planner::new(Catalogue::builtin()).plan(&request).unwrap();
    for (lang, wall, board) in [
        (Lang::Fr, "au mur ou sur le support partagé", "apports de la plénière sur le support partagé"),
        (Lang::En, "on the wall or the shared board", "plenary's contributions on the shared board"),
    ] {
        let text = plan.to_markdown(Catalogue::builtin(), lang);
        assert!(!text.contains(wall), "{lang}: a wall in a remote session\n{text}");
        assert!(text.contains(board), "{lang}: who records the plenary\n{text}");
    }
    // Unnamed, the team reads the same.
    let mut unnamed = request.clone();
    unnamed.facilitator_names.clear();
    let plan = Planner::new(Catalogue::builtin()).plan(&unnamed).unwrap();
    let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
    assert!(!text.contains("au mur ou sur le support partagé"), "{text}");
    assert!(text.contains("note les apports sur le support partagé"), "{text}");
}

#[test]
fn every_content_sequence_of_a_request_without_questions_gets_a_proposed_one() {
    // Two sequences on the same objective, or one after a vision, are no reason to leave
    // the second without a question to settle with the project lead.
    for sample in SAMPLES {
        let mut request = request(sample);
        request.questions.clear();
        let plan = Planner::new(Catalogue::builtin()).plan(&request).unwrap();
        let content =
            plan.agenda.method_slots().filter(|s| s.part.is_none() && s.phase.is_some_and(|p| !p.frames()));
        let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
        let proposed = text.lines().filter(|line| line.starts_with("- ☐ La question d'appel de")).count();
        assert_eq!(proposed, content.count(), "{sample}\n{text}");
    }
}

#[test]
fn a_sequence_right_after_a_vision_does_not_ask_again_a_question_worked_on_before_it() {
    let question = "Chez vous, au quotidien, qu'est-ce qui vous aide le plus, et qu'est-ce qui vous manque ?";
    let title = "Journée participative : la vie à domicile des personnes en situation de handicap";
    let request = day_with_users(title, 30, ["vision", "generate-ideas"])
        .question("user-participation", question)
        .build()
        .unwrap();
    let asked = typography::typeset(question, Lang::Fr);
    let mut seen = 0;
    for (seed, plan) in seeded_plans(&request) {
        let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
        let sections: Vec<&str> = text.split("\n### ").collect();
        let Some(vision) = sections.iter().position(|s| s.contains("· La Une du magazine")) else {
            continue;
        };
        let asked_before = sections[..vision].iter().any(|s| s.contains(&asked));
        let next = sections[vision + 1..].iter().find(|s| s.contains("**À dire**")).unwrap();
        let heading = next.lines().next().unwrap_or_default();
        let opens_up = ["Divergence", "Émergence"].iter().any(|phase| heading.ends_with(phase));
        if !(asked_before && opens_up) {
            continue;
        }
        seen += 1;
        assert!(!next.contains(&asked), "seed {seed}: asked again after the vision\n{next}");
        assert!(next.contains("travaillée plus tôt"), "seed {seed}: {next}");
    }
    assert!(seen > 0, "no seed opens up after a vision on a question asked before it");
}

#[test]
fn a_world_cafe_after_the_front_pages_turns_its_rounds_towards_them() {
    // The rentrée seminar draws its front pages before its World Café: the rounds ask what
    // must change to get there and where to start, not again what works and what is hard.
    let request = test_request("seminaire-rentree.yaml");
    let mut seen = 0;
    for (seed, plan) in seeded_plans(&request) {
        let ids = method_ids(&plan);
        let une = ids.iter().position(|id| *id == "la-une-du-magazine");
        if une.is_none_or(|at| !ids[at..].contains(&"world-cafe")) {
            continue;
        }
        seen += 1;
        let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
        let cafe = cafe_section(&text);
        assert!(cafe.contains("par quoi commencer, dès cette année"), "seed {seed}: {cafe}");
        assert!(!cafe.contains("ce qui marche déjà"), "seed {seed}: {cafe}");
    }
    assert!(seen > 0, "no seed runs the World Café after the front pages");
    // A café that opens the work takes stock first.
    let (_, plan) = test_plan("usagers-bilan.yaml");
    let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
    assert!(cafe_section(&text).contains("ce qui marche déjà"), "{text}");
}

#[test]
fn a_closing_round_hears_everyone_up_to_twenty_five_and_twelve_voices_beyond() {
    let mut request = test_request("irritants-court.yaml");
    for (participants, voices) in [(18, 18), (25, 25), (26, 12), (40, 12)] {
        request.participants = participants;
        let plan = Planner::new(Catalogue::builtin()).plan(&request).unwrap();
        let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
        // The step on the clock: « Le tour : 12 personnes disent leur engagement… ».
        let lead = "Le tour\u{a0}: ";
        let step = text
            .match_indices(lead)
            .map(|(at, _)| &text[at..])
            .find(|rest| rest[lead.len()..].starts_with(|c: char| c.is_ascii_digit()));
        assert_eq!(number_after(step.unwrap(), lead), voices, "{participants} participants");
    }
}

#[test]
fn a_forum_ouvert_of_a_day_runs_sessions_of_about_an_hour() {
    let text = plan("forum-ouvert-ehpad.yaml").to_markdown(Catalogue::builtin(), Lang::Fr);
    // One slot before the pause says its minutes alone, not « 1 × 60 minutes ».
    let sessions = typography::typeset("Sessions en parallèle, ", Lang::Fr);
    assert!(!text.contains("Sessions en parallèle, 1 ×"), "{text}");
    let minutes = number_after(&text, &sessions);
    assert!((50..=75).contains(&minutes), "{minutes} minutes: {text}");
}

#[test]
fn a_retrospective_followed_by_a_closing_leaves_the_next_step_to_the_closing() {
    // The director's speech, taken up by the teams: start, stop, continue names the owners,
    // and the closing round says what comes next; the retrospective's own ending is not
    // said twice.
    let before_a_closing = |ids: &[&str], at: usize| at + 1 < ids.len();
    let title = "Commencer, arrêter, continuer";
    let request = request("discours-directrice.yaml");
    let sections = sections_where(&request, "start-stop-continue", title, before_a_closing);
    assert!(!sections.is_empty(), "no seed runs the retrospective before a closing");
    for (seed, section) in sections {
        assert!(!section.contains("photographier le mur"), "seed {seed}: {section}");
    }
}

/// For each seed from 0 to 3 whose plan of the sample `file` runs the method `id` where
/// `keep` holds (the plan's method ids, the method's place among them), the seed and the
/// déroulé's section titled `title`.
fn sections_where(
    request: &Request,
    id: &str,
    title: &str,
    keep: impl Fn(&[&str], usize) -> bool,
) -> Vec<(u64, String)> {
    let mut sections = Vec::new();
    for (seed, plan) in seeded_plans(request) {
        let ids = method_ids(&plan);
        let Some(_) = ids.iter().position(|m| *m == id).filter(|&at| keep(&ids, at)) else { continue };
        let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
        let from = text.find(&format!("· {title}")).unwrap();
        let end = text[from..].find("\n### ").map_or(text.len(), |end| from + end);
        sections.push((seed, text[from..end].to_string()));
    }
    sections
}

#[test]
fn a_forum_ouvert_reads_its_calling_question_once_and_its_later_sessions_take_no_new_one() {
    let text = plan("forum-ouvert-ehpad.yaml").to_markdown(Catalogue::builtin(), Lang::Fr);
    let said = typography::typeset("Notre question d'appel, affichée au centre du cercle : ", Lang::Fr);
    assert!(text.contains(&said), "{text}");
    assert!(!text.contains("l'une après l'autre"), "{text}");
    let forum = &text[text.find("· Forum ouvert").unwrap()..];
    // Its sessions run in time slots, as the agenda wall says: « créneau », not « tour ».
    assert!(
        forum.contains("— Créneau 2") && !forum.contains("— Tour 2"),
        "the forum runs over a pause: {forum}"
    );
    assert!(forum.contains("qu'au créneau 1") || forum.contains("qu'aux créneaux 1"), "{forum}");
    assert!(!forum.contains("nouvelle question"), "{forum}");
}

#[test]
fn an_objective_written_in_the_words_of_its_label_is_not_read_back_with_an_arrow() {
    // The SPDA's lead wrote « faire émerger des idées nouvelles », the label itself.
    let text = plan("spda-lancement.yaml").to_markdown(Catalogue::builtin(), Lang::Fr);
    let objectives = &text[text.find("## Objectifs").unwrap()..text.find("### ").unwrap()];
    let line = objectives.lines().find(|line| line.contains("idées nouvelles")).unwrap();
    assert!(!line.contains('→'), "{line}");
    assert!(line.starts_with("- Faire émerger des idées nouvelles"), "{line}");
}

#[test]
fn a_choice_that_opens_the_work_is_not_proposed_to_choose_among_what_came_out() {
    // A 45-minute meeting to prioritise the quarter's workstreams starts with its choice:
    // nothing has come out yet.
    let (_, meeting) = test_plan("reunion-45-minutes.yaml");
    let text = meeting.to_markdown(Catalogue::builtin(), Lang::Fr);
    assert!(!text.contains("Parmi tout ce qui est sorti"), "{text}");
    assert!(text.contains("Parmi ce qui est sur la table"), "{text}");
}

#[test]
fn what_hangs_on_the_wall_is_dated_from_the_part_that_made_it() {
    // The forum ouvert chooses its proposals in its last part, after lunch: the plan of
    // action that starts from them says so, not the time of the opening circle.
    let plan = plan("forum-ouvert-ehpad.yaml");
    let forum: Vec<&Slot> =
        plan.agenda.method_slots().filter(|s| s.method.as_ref().unwrap() == "forum-ouvert").collect();
    assert!(forum.len() > 1, "the forum runs in parts");
    let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
    let qqoqcp = &text[text.find("· Plan d'action QQOQCP").unwrap()..];
    let wall = qqoqcp.lines().find(|line| line.starts_with("**Au mur**")).unwrap();
    let last = typography::clock(forum.last().unwrap().start, Lang::Fr);
    assert!(wall.contains(&last), "{wall}");
    assert!(!wall.contains(&typography::clock(forum[0].start, Lang::Fr)), "{wall}");
}

#[test]
fn a_remote_session_is_not_asked_for_the_rooms_sound_and_a_hybrid_one_is() {
    let (_, remote) = test_plan("visio-60-explorer.yaml");
    let text = remote.to_markdown(Catalogue::builtin(), Lang::Fr);
    assert!(!text.contains("son de la salle") && !text.contains("salle connectée"), "{text}");
    assert!(!text.contains("accueille les participants à distance"), "{text}");
    let (_, hybrid) = test_plan("hybride-plan-action.yaml");
    let text = hybrid.to_markdown(Catalogue::builtin(), Lang::Fr);
    assert!(text.contains("La salle connectée"), "{text}");
}

#[test]
fn one_person_facilitating_by_video_is_asked_to_find_a_co_organiser_for_the_technique() {
    let alone = |name: &str| {
        let text = plan(name).to_markdown(Catalogue::builtin(), Lang::Fr);
        text.contains("Une seule personne à l'animation en visio")
    };
    assert!(alone("equipe-a-distance.yaml"), "the remote team has one facilitator");
    assert!(!alone("forum-rsa.yaml"), "three facilitators in a room");
    let mut two = request("equipe-a-distance.yaml");
    two.facilitators = 2;
    let plan = Planner::new(Catalogue::builtin()).plan(&two).unwrap();
    let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
    assert!(!text.contains("Une seule personne à l'animation en visio"), "two share the technique");
}

#[test]
fn an_afternoon_on_a_new_subject_says_so_and_the_plan_takes_up_both_subjects() {
    // Common practices settled in the morning, new ideas in the afternoon: the front pages
    // announce another subject, and the plan of action shows the morning's rules beside
    // the afternoon's ideas.
    for (seed, plan) in seeded_plans(&request("spda-lancement.yaml")) {
        let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
        let sections: Vec<&str> = text.split("\n### ").collect();
        let new_subject = "Ce que nous avons arrêté ce matin reste sous nos yeux";
        let announced: Vec<&&str> = sections.iter().filter(|s| s.contains(new_subject)).collect();
        assert_eq!(announced.len(), 1, "seed {seed}");
        assert!(announced[0].contains("Rebonjour à toutes et à tous"), "seed {seed}: {}", announced[0]);
        let plan_section = sections.iter().find(|s| s.contains("· Plan d'action QQOQCP")).unwrap();
        let wall = plan_section.lines().find(|line| line.starts_with("**Au mur**")).unwrap();
        assert!(wall.contains("ce qu'a arrêté le sujet précédent"), "seed {seed}: {wall}");
        assert!(wall.contains("Spécifications minimales"), "seed {seed}: {wall}");
        // The morning's rules are put into practice whatever the vote keeps.
        let own_table = typography::typeset(
            "sa mise en œuvre a sa table d'office, en plus de ce qui vient d'être retenu",
            Lang::Fr,
        );
        assert!(wall.contains(&own_table), "seed {seed}: {wall}");
    }
}

#[test]
fn what_a_sequence_needs_prepared_is_settled_with_the_lead_before_the_day() {
    // The stand holders of a Shift & Share, the options of a decision grid: each is a line
    // of « À régler », named with its sequence; a sequence that needs nothing adds none.
    let plans = [plan("spda-lancement.yaml"), test_plan("reunion-45-minutes.yaml").1];
    for plan in plans {
        let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
        let from = text.find("### À régler avec le porteur de projet avant le jour").unwrap();
        let settle = &text[from..from + text[from..].find("\n## ").unwrap()];
        let mut prepared = 0;
        for slot in plan.agenda.method_slots().filter(|slot| slot.part.is_none()) {
            let method = Catalogue::builtin().get(slot.method.as_ref().unwrap().as_str()).unwrap();
            let named = typography::typeset(&format!("☐ « {} » (", method.name.fr), Lang::Fr);
            assert_eq!(settle.contains(&named), method.beforehand.is_some(), "{}: {settle}", method.id);
            prepared += usize::from(method.beforehand.is_some());
        }
        assert!(prepared > 0, "{settle}");
    }
}

/// Asserts that the decision grid of `plan` settles `what` (« Le classement »), not « La
/// décision ».
fn grid_settles(plan: &Plan, what: &str) {
    assert!(slot_running(plan, "grille-de-decision").is_some(), "{:?}", method_ids(plan));
    let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
    assert!(text.contains(&format!("{what}, selon le mode annoncé")), "{text}");
    assert!(!text.contains("La décision, selon le mode annoncé"), "{text}");
}

#[test]
fn a_decision_grid_ranks_the_options_when_the_session_prioritises() {
    // A team ranking its quarter's workstreams leaves with an order, not one amended option.
    grid_settles(&test_plan("reunion-45-minutes.yaml").1, "Le classement");
}

#[test]
fn a_decision_grid_that_prepares_a_plan_of_action_keeps_one_option_per_table_of_the_plan() {
    // The grid names `decide`, which nobody asked, to prepare the plan: what it settles
    // follows the request (several options for the plan's tables), not that label. The
    // hybrid plan's lead asks for the grid by name (on its own, the plan votes).
    let mut request = test_request("hybride-plan-action.yaml");
    request.include.push(facilitation::MethodId::new("grille-de-decision").unwrap());
    let plan = Planner::new(Catalogue::builtin()).plan(&request).unwrap();
    let grid = slot_running(&plan, "grille-de-decision");
    assert!(grid.is_some_and(|grid| !plan.agenda.objectives.iter().any(|o| grid.objectives.contains(o))));
    grid_settles(&plan, "Les options retenues");
}

#[test]
fn the_welcome_announces_how_each_choice_of_the_day_will_be_settled() {
    // The decision grid reads « selon le mode annoncé à l'accueil »: the welcome says that
    // rule, with the sequence and its time; a session that chooses nothing hears none.
    let (_, chooses) = test_plan("reunion-45-minutes.yaml");
    let text = chooses.to_markdown(Catalogue::builtin(), Lang::Fr);
    let welcome = text.split("\n### ").find(|s| s.contains("· Accueil et cadre")).unwrap();
    let rule = welcome.lines().find(|line| line.starts_with("**Comment le groupe choisira**")).unwrap();
    let grid = slot_running(&chooses, "grille-de-decision");
    let at = typography::clock(grid.unwrap().start, Lang::Fr);
    assert!(
        rule.contains(&typography::typeset(&format!("à « Grille de décision » ({at})"), Lang::Fr)),
        "{rule}"
    );
    assert!(rule.contains("objection argumentée"), "{rule}");
    let explores = plan("journee-actions-collectives.yaml");
    let chosen_by_rule = explores
        .agenda
        .method_slots()
        .filter_map(|slot| Catalogue::builtin().get(slot.method.as_ref()?.as_str())?.decides_by.as_ref());
    assert_eq!(chosen_by_rule.count(), 0, "{:?}", method_ids(&explores));
    let text = explores.to_markdown(Catalogue::builtin(), Lang::Fr);
    assert!(!text.contains("Comment le groupe choisira"), "{text}");
}

#[test]
fn in_a_hybrid_session_the_people_connected_make_a_group_of_their_own_while_the_room_works_in_groups() {
    // Not an audience listening to the tables: one more group, on the shared board, in
    // breakout rooms when the session has them; a sequence in plenary needs no such line.
    let (_, plan) = test_plan("hybride-plan-action.yaml");
    assert!(plan.agenda.breakout_rooms);
    let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
    let own_group = "les personnes connectées travaillent entre elles, en un groupe de plus";
    let mut grouped = 0;
    for slot in plan.agenda.method_slots().filter(|slot| slot.part.is_none()) {
        let method = Catalogue::builtin().get(slot.method.as_ref().unwrap().as_str()).unwrap();
        let in_groups = method.groupings.iter().any(|g| {
            matches!(
                g,
                facilitation::Grouping::Pairs
                    | facilitation::Grouping::Trios
                    | facilitation::Grouping::SmallGroups
            )
        });
        let section = section(&text, &format!("{} (", method.name.fr));
        assert_eq!(section.contains(own_group), in_groups, "{}: {section}", method.id);
        assert_eq!(section.contains("en salles de sous-groupes si elles sont assez nombreuses"), in_groups);
        grouped += usize::from(in_groups);
    }
    assert!(grouped > 0, "{:?}", method_ids(&plan));
}

#[test]
fn the_project_lead_speaks_once_in_the_opening_circle_of_a_forum_ouvert_not_also_at_the_welcome() {
    // The forum's circle opens with the lead saying why the forum and what will become of
    // it: the welcome announces that word instead of giving it first.
    let forum = plan("forum-ouvert-ehpad.yaml");
    let lead = forum.request.requester.as_ref().unwrap().name.clone();
    let text = forum.to_markdown(Catalogue::builtin(), Lang::Fr);
    let welcome = section(&text, "Accueil et cadre");
    assert!(!welcome.contains("souhaite la bienvenue"), "{welcome}");
    assert!(welcome.contains(&format!("{lead}, qui porte le projet, dira pourquoi")), "{welcome}");
    assert!(welcome.contains("dans le cercle d'ouverture"), "{welcome}");
    // Any other session with a named lead: the lead welcomes the group.
    let text = plan("forum-rsa.yaml").to_markdown(Catalogue::builtin(), Lang::Fr);
    let welcome = section(&text, "Accueil et cadre");
    assert!(welcome.contains("qui porte le projet, souhaite la bienvenue"), "{welcome}");
}

#[test]
fn plan_b_says_how_the_afternoon_makes_up_a_group_late_back_from_lunch() {
    // The morning's measures have run by then: the afternoon gives from its own slots.
    let day = plan("spda-lancement.yaml");
    let lunch = day.agenda.slots.iter().find(|s| s.kind == SlotKind::Lunch).unwrap().end;
    let text = day.to_markdown(Catalogue::builtin(), Lang::Fr);
    let plan_b = plan_b_section(&text);
    let from = plan_b.find("de retard au retour du déjeuner").expect("an afternoon plan B");
    let afternoon: Vec<&str> =
        plan_b[from..].lines().filter(|line| line.starts_with(char::is_numeric)).collect();
    assert!(!afternoon.is_empty(), "{plan_b}");
    for line in afternoon {
        let at = day
            .agenda
            .slots
            .iter()
            .filter(|s| s.start >= lunch)
            .any(|s| line.contains(&format!("À {},", typography::clock(s.start, Lang::Fr))));
        assert!(at, "{line}");
    }
    let short = test_plan("reunion-45-minutes.yaml").1.to_markdown(Catalogue::builtin(), Lang::Fr);
    assert!(!short.contains("au retour du déjeuner"));
}

#[test]
fn a_sequence_that_only_shares_practices_does_not_promise_the_common_practices_a_later_one_settles() {
    // Shift & Share shows how each team works; the minimum specifications settle what all
    // will do: only the latter promises « des pratiques communes ».
    let day = spda_on_stands();
    let text = day.to_markdown(Catalogue::builtin(), Lang::Fr);
    let promise = |heading: &str| {
        let section = sections(&text).into_iter().find(|s| s.contains(heading)).unwrap();
        let said = section.lines().find(|line| line.starts_with("**À dire**")).unwrap().to_string();
        said.contains("nous aurons des pratiques communes")
    };
    assert!(method_ids(&day).contains(&"shift-and-share"), "{:?}", method_ids(&day));
    assert!(!promise("· Partager et faire bouger"));
    assert!(promise("· Spécifications minimales"));
}

#[test]
fn a_team_building_trust_closes_on_what_each_will_bring_the_others() {
    // Not only « ce que je retiens »: the round of commitments works on the trust asked,
    // one thing each, said in twenty seconds.
    let text = plan("equipe-a-distance.yaml").to_markdown(Catalogue::builtin(), Lang::Fr);
    let closing = section(&text, "Tour d'engagements");
    assert!(closing.contains("Ce que j'apporterai à l'équipe"), "{closing}");
    // A plan of action keeps its own: each one's part in the plan.
    let text = plan("spda-lancement.yaml").to_markdown(Catalogue::builtin(), Lang::Fr);
    assert!(!text.contains("Ce que j'apporterai à l'équipe"), "{text}");
}

#[test]
fn only_a_forum_ouvert_posts_its_calling_question_at_the_centre_of_a_circle() {
    // Shift & Share runs rounds at stands, with no circle to post a question in.
    let text = spda_on_stands().to_markdown(Catalogue::builtin(), Lang::Fr);
    let stands = section(&text, "Partager et faire bouger");
    assert!(!stands.contains("au centre du cercle"), "{stands}");
    assert!(stands.contains(&typography::typeset("Notre question : ", Lang::Fr)), "{stands}");
}

#[test]
fn new_ideas_after_the_front_pages_start_from_them_and_leave_the_morning_to_the_plan() {
    // A reader found 25/10 starting afresh after La Une: its ideas now take up the vision
    // on the wall, and only the plan takes up what the morning settled. (La Une draws a
    // vision, not ideas: the launch is asked for one too.)
    let after_the_covers = |ids: &[&str], at: usize| at > 0 && ids[at - 1] == "la-une-du-magazine";
    let mut launch = request("spda-lancement.yaml");
    launch.objectives.insert(1, "vision".to_string());
    let sections = sections_where(&launch, "25-10-crowd-sourcing", "25/10", after_the_covers);
    assert!(!sections.is_empty(), "no seed runs 25/10 right after La Une");
    for (seed, section) in sections {
        let wall =
            section.lines().find(|line| line.starts_with("**Au mur**")).expect("the covers on the wall");
        assert!(wall.contains("Les unes affichées"), "seed {seed}: {wall}");
        assert!(!wall.contains("que le plan reprend aussi"), "seed {seed}: {wall}");
    }
}

#[test]
fn a_method_that_practises_a_way_of_working_reads_no_calling_question() {
    // Trying four ways of helping does not answer « what do you need from the others? »:
    // a facilitator's version of the team's agenda with it reads no question there, and
    // proposes none to write.
    let mut plan = plan("equipe-a-distance.yaml");
    let trust = plan
        .agenda
        .slots
        .iter()
        .position(|slot| {
            slot.objectives == [facilitation::Objective::BuildTrust] && !slot.phase.unwrap().frames()
        })
        .expect("a sequence for trust");
    plan.agenda.slots[trust].method = Some(facilitation::MethodId::new("helping-heuristics").unwrap());
    let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
    let from = text.find("· Heuristiques d'aide").unwrap();
    let section = &text[from..from + text[from..].find("\n### ").unwrap()];
    assert!(!section.contains("Notre question") && !section.contains("Nous proposons"), "{section}");
    assert!(!text.contains("☐ La question d'appel de « Heuristiques d'aide »"), "{text}");
}

#[test]
fn the_technical_note_says_it_stays_with_the_facilitators() {
    // Readers took the reasons and the seed for part of what goes to the project lead.
    let text = plan("forum-rsa.yaml").to_markdown(Catalogue::builtin(), Lang::Fr);
    let note = &text[text.find("## Note technique").expect("a technical note")..];
    let first = note.lines().nth(2).unwrap_or_default();
    assert!(first.starts_with("Pour l'équipe d'animation seulement"), "{note}");
}

#[test]
fn front_pages_that_end_the_work_turn_into_workstreams_with_a_first_step_each() {
    // The RSA forum's perspectives end on La Une: the partners leave with workstreams, each
    // with a first step and the names of those who carry it, not only a list of names.
    let request = request("forum-rsa.yaml");
    let last = |ids: &[&str], at: usize| ids.get(at + 1) == Some(&"tour-engagements");
    let sections = sections_where(&request, "la-une-du-magazine", "La Une du magazine", last);
    assert!(!sections.is_empty(), "the front pages end the work on some seed");
    for (seed, section) in sections {
        let turn = typography::typeset("Des unes aux chantiers : ", Lang::Fr);
        assert!(section.contains(&turn), "seed {seed}: {section}");
        assert!(
            section.contains("un premier pas qu'il peut faire d'ici trois mois"),
            "seed {seed}: {section}"
        );
        // With service users at the tables, a professional carries each first step.
        assert!(section.contains("quel professionnel le porte"), "seed {seed}: {section}");
        // Readers: eight minutes for sixty people to gather, write and sign was too short.
        let line = section.lines().find(|line| line.contains(&turn)).unwrap();
        let minutes: u32 =
            line.split(" (").nth(1).and_then(|rest| rest.split('\u{a0}').next()).unwrap().parse().unwrap();
        assert!(minutes >= 12, "seed {seed}: {line}");
    }
    // Before a plan of action, the plan writes the steps: the front pages stop at the vision.
    let day = test_request("plan-action-partenaires.yaml");
    let before_plan = |ids: &[&str], at: usize| ids[at + 1..].contains(&"plan-action-qqoqcp");
    let sections = sections_where(&day, "la-une-du-magazine", "La Une du magazine", before_plan);
    assert!(!sections.is_empty(), "the day draws its front pages before its plan on some seed");
    for (seed, section) in sections {
        assert!(!section.contains("premier pas"), "seed {seed}: {section}");
    }
}

#[test]
fn a_gallery_of_the_front_pages_after_the_review_reads_as_preparing_the_plan_not_as_a_review() {
    // After a difficult year: the year reviewed in the morning, its front pages drawn before
    // lunch; the gallery after lunch chooses among them for the plan. The table says what
    // it prepares, not « Faire le bilan » a second time.
    let request = test_request("annee-difficile.yaml");
    let mut seen = 0;
    for (seed, plan) in seeded_plans(&request) {
        let ids = method_ids(&plan);
        let (Some(une), Some(gallery)) = (
            ids.iter().position(|m| *m == "la-une-du-magazine"),
            ids.iter().position(|m| *m == "gallery-walk"),
        ) else {
            continue;
        };
        if gallery < une {
            continue;
        }
        seen += 1;
        let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
        let row = text.lines().find(|line| line.starts_with("| ") && line.contains("| Galerie")).unwrap();
        let prepares = typography::typeset("Prépare : Construire un plan d'action", Lang::Fr);
        assert!(row.contains(&prepares), "seed {seed}: {row}");
        assert!(!row.contains("Faire le bilan"), "seed {seed}: {row}");
    }
    assert!(seen > 0, "a seed draws front pages, then visits them");
}

#[test]
fn a_forum_on_the_ideas_question_announces_the_actions_question_its_proposals_lead_to() {
    // The EHPAD forum opens on what nobody dares propose yet; the plan of action comes after
    // it on its own question. The circle hears from the start where its proposals lead.
    let request = request("forum-ouvert-ehpad.yaml");
    let actions = request.question(facilitation::Objective::ActionPlan).unwrap().to_string();
    let ideas = request.question(facilitation::Objective::GenerateIdeas).unwrap().to_string();
    for (seed, plan) in seeded_plans(&request) {
        let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
        let forum = section(&text, "Forum ouvert (");
        let said = forum.lines().find(|line| line.starts_with("**À dire**")).unwrap();
        let asked = typography::typeset(&format!("« {ideas} »"), Lang::Fr);
        let second =
            typography::typeset(&format!("à répondre à une seconde question : « {actions} »"), Lang::Fr);
        assert!(said.contains(&asked) && said.contains(&second), "seed {seed}: {said}");
    }
    // A sequence whose own question is the last asked announces none.
    let rsa = plan("forum-rsa.yaml").to_markdown(Catalogue::builtin(), Lang::Fr);
    assert!(!rsa.contains("une seconde question"), "{rsa}");
}

#[test]
fn front_pages_are_set_at_the_date_written_on_each_template_and_ticked_with_the_tables_markers() {
    // Readers could not say « l'horizon que nous nous donnons » aloud: the date agreed with the
    // project lead is on the template, and the words point at it.
    let text = plan("forum-rsa.yaml").to_markdown(Catalogue::builtin(), Lang::Fr);
    let settle = text
        .lines()
        .find(|line| line.contains(&typography::typeset("☐ « La Une du magazine »", Lang::Fr)))
        .expect("the date to fix");
    assert!(settle.contains(&typography::typeset("en haut de chaque gabarit", Lang::Fr)), "{settle}");
    let front = section(&text, "La Une du magazine");
    let say = front.lines().find(|line| line.starts_with("**À dire**")).unwrap();
    assert!(say.contains("en mars 2028"), "{say}");
    // A vision question with no horizon of its own: the date the template carries.
    let (_, year) = test_plan("annee-difficile.yaml");
    let year = year.to_markdown(Catalogue::builtin(), Lang::Fr);
    let une = section(&year, "La Une du magazine");
    assert!(une.contains(&typography::typeset("à la date écrite en haut du gabarit", Lang::Fr)), "{une}");
    assert!(!front.contains(&typography::typeset("horizon que nous nous donnons", Lang::Fr)), "{front}");
    // Sixty people tick the covers: with what they already hold, not with a pen nobody brought.
    assert!(front.contains(&typography::typeset("chacun prend un feutre de sa table", Lang::Fr)), "{front}");
}

#[test]
fn a_remote_team_chooses_its_agreements_with_dots_placed_all_at_once_in_its_own_rooms() {
    // Twelve thumbnails of fingers cannot be counted, and a vote proposal by proposal ran
    // out of time: every proposal gets its dot at once, and only those with red are taken
    // up. The rooms are the café's two rooms of six: one facilitator does not rebuild them.
    let text = plan("equipe-a-distance.yaml").to_markdown(Catalogue::builtin(), Lang::Fr);
    let has = |hay: &str, needle: &str| hay.contains(&typography::typeset(needle, Lang::Fr));
    let Some(section) = sections(&text).into_iter().find(|s| has(s, "· Accords d'équipe")) else {
        panic!("the remote team writes its agreements: {text}")
    };
    assert!(has(section, "toutes les propositions à la fois"), "{section}");
    assert!(has(section, "vous ne reprenez que les propositions qui portent du rouge"), "{section}");
    assert!(!has(section, "à la caméra"), "{section}");
    let materials = section.lines().find(|line| line.starts_with("**Matériel**")).unwrap();
    assert!(has(materials, "Salles de sous-groupes (une pour 6 participants) × 2"), "{materials}");
    let cafe = sections(&text).into_iter().find(|s| has(s, "· Conversation Café")).unwrap();
    assert!(has(cafe, "Salles de sous-groupes (une pour 6 participants) × 2"), "{cafe}");
}

#[test]
fn the_conversation_cafe_announces_the_rounds_it_runs_before_the_conversation_opens() {
    // It runs two rounds without replies, then the open conversation, then a last round.
    let cafe = Catalogue::builtin().get("conversation-cafe").unwrap();
    let rounds = cafe
        .steps
        .iter()
        .filter(|step| step.text.get(Lang::Fr).contains(&typography::typeset(" tour", Lang::Fr)))
        .count();
    assert!(rounds >= 2, "the café's own steps");
    let say = cafe.say.as_ref().unwrap().get(Lang::Fr);
    assert!(
        say.contains(&typography::typeset("Deux tours de parole sans réponse ni débat", Lang::Fr)),
        "{say}"
    );
}

#[test]
fn the_decision_grids_tally_is_announced_at_the_welcome_before_anyone_places_a_dot() {
    let (_, plan) = test_plan("reunion-45-minutes.yaml");
    let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
    let welcome = sections(&text)
        .into_iter()
        .find(|s| s.contains(&typography::typeset("· Accueil et cadre", Lang::Fr)))
        .unwrap();
    let rule = welcome.lines().find(|line| line.starts_with("**Comment le groupe choisira**")).unwrap();
    assert!(rule.contains(&typography::typeset("vert vaut 2 points, orange 1, rouge 0", Lang::Fr)), "{rule}");
}

#[test]
fn stands_on_practices_bring_out_where_the_services_differ_for_the_sequences_after() {
    // The SPDA harmonises its practices: the stands' plenary keeps the gaps apart, which the
    // minimum specifications then settle.
    let text = spda_on_stands().to_markdown(Catalogue::builtin(), Lang::Fr);
    let section = sections(&text)
        .into_iter()
        .find(|s| s.contains(&typography::typeset("· Partager et faire bouger", Lang::Fr)));
    let section = section.expect("the SPDA shares its practices on stands");
    assert!(
        section.contains(&typography::typeset(
            "Où nos façons de faire diffèrent-elles d'un stand à l'autre ?",
            Lang::Fr
        )),
        "{section}"
    );
    assert!(section.contains(&typography::typeset("un par tour de visite", Lang::Fr)), "{section}");
    assert!(!section.contains(&typography::typeset("quatre à huit stands", Lang::Fr)), "{section}");
}

#[test]
fn six_hats_on_the_ideas_just_written_take_them_up_under_the_same_question() {
    // Half a day of new ideas for eight: a brainwriting, then the six hats on its sheets.
    let request = test_request("idees-demi-journee.yaml");
    let plan = Planner::new(Catalogue::builtin()).plan(&request).unwrap();
    let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
    let hats = section(&text, "Les six chapeaux de Bono");
    let said = hats.lines().find(|line| line.starts_with("**À dire**")).unwrap();
    assert!(said.contains("examinons-le de plus près"), "{said}");
    assert!(!said.contains("Cherchons d'abord des idées"), "{said}");
    let wall = hats.lines().find(|line| line.starts_with("**Au mur**")).unwrap();
    assert!(wall.contains("Brainwriting 6-3-5"), "{wall}");
    // One question to write with the project lead, the brainwriting's, not a second one.
    assert_eq!(text.matches(&typography::typeset("☐ La question d'appel de", Lang::Fr)).count(), 1, "{text}");
    assert!(!hats.contains("Nous proposons"), "{hats}");
}

#[test]
fn a_world_cafe_on_new_ideas_turns_its_rounds_from_what_blocks_to_what_to_try_first() {
    // The SPDA's afternoon looks for new ideas after a morning on practices: its rounds do
    // not take stock of what works and what to keep.
    let day = plan("spda-lancement.yaml");
    let text = day.to_markdown(Catalogue::builtin(), Lang::Fr);
    let cafe = section(&text, "World Café");
    let says = |needle: &str| cafe.contains(&typography::typeset(needle, Lang::Fr));
    assert!(says("tour 1 : ce qui bloque ou complique les choses"), "{cafe}");
    assert!(says("tour 3 : celle que nous aimerions essayer en premier"), "{cafe}");
    assert!(!cafe.contains("ce qui nous fait tenir"), "{cafe}");
    // A café that takes stock keeps its own angles.
    let review = plan("forum-rsa.yaml").to_markdown(Catalogue::builtin(), Lang::Fr);
    let cafe = section(&review, "World Café");
    assert!(cafe.contains("ce qui nous fait tenir"), "{cafe}");
}

#[test]
fn the_front_pages_are_set_at_the_date_the_vision_question_names() {
    // « Dans un an », asked for a forum on 18 March 2027: the tables imagine March 2028.
    let text = plan("forum-rsa.yaml").to_markdown(Catalogue::builtin(), Lang::Fr);
    let une = section(&text, "La Une du magazine");
    assert!(une.contains("nous voilà en mars 2028"), "{une}");
    assert!(une.contains("Imaginons que nous sommes en mars 2028"), "{une}");
    assert!(!une.contains("{horizon}"), "{une}");
}

#[test]
fn managers_who_come_alone_are_asked_about_whether_they_make_one_team() {
    // Eighteen managers on « nos irritants »: one team's, or several services'? The plan
    // of action depends on it; a team with its agents is not asked.
    let text = plan("irritants-semaine-management.yaml").to_markdown(Catalogue::builtin(), Lang::Fr);
    let asked = typography::typeset("Les encadrants présents forment-ils une même équipe", Lang::Fr);
    assert!(text.contains(&asked), "{text}");
    let team = plan("equipe-a-distance.yaml").to_markdown(Catalogue::builtin(), Lang::Fr);
    assert!(!team.contains(&asked));
}

#[test]
fn a_vote_that_prepares_the_plan_chooses_among_the_wall_and_leaves_the_plans_question_to_it() {
    let plan = plan("spda-lancement.yaml");
    let markdown = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
    let vote = section(&markdown, "Vote par gommettes");
    let question = plan.request.question(Objective::ActionPlan).unwrap();
    let leaves = format!(
        "Nous ne répondons pas encore à « {question} » : nous gardons d'abord, parmi ce qui est au mur"
    );
    assert!(vote.contains(&typography::typeset(&leaves, Lang::Fr)), "{vote}");
    assert!(
        !vote.contains(&typography::typeset(&format!("Notre question : « {question} »"), Lang::Fr)),
        "{vote}"
    );
    // The plan itself still asks it.
    let qqoqcp = section(&markdown, "Plan d'action QQOQCP");
    assert!(qqoqcp.contains(&typography::typeset(&format!("Notre question : « {question} »"), Lang::Fr)));
}

#[test]
fn the_welcome_announces_every_rule_by_which_the_group_will_choose() {
    let markdown = plan("spda-lancement.yaml").to_markdown(Catalogue::builtin(), Lang::Fr);
    let welcome = section(&markdown, "Accueil et cadre");
    let rules = welcome.split("Comment le groupe choisira").nth(1).unwrap();
    for name in ["Spécifications minimales", "Vote par gommettes"] {
        assert!(rules.contains(&typography::typeset(&format!("à « {name} » ("), Lang::Fr)), "{rules}");
    }
    assert!(rules.contains("Annoncez ces règles maintenant"), "{rules}");
}

#[test]
fn a_gallery_there_to_prepare_the_plan_shows_the_mornings_review_beside_the_front_pages() {
    // A team after a hard year: a World Café on the year, La Une, then a gallery that serves
    // nothing asked and prepares the plan. Its choice draws on the year as well as the dream.
    let plans = plans_running("annee-difficile.yaml", ["la-une-du-magazine", "gallery-walk"]);
    assert!(!plans.is_empty(), "no seed plans the gallery right after the front pages");
    for (seed, plan) in plans {
        let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
        let gallery = section(&text, "Galerie (vernissage)");
        let wall = gallery.lines().find(|line| line.starts_with("**Au mur**")).unwrap();
        let cafe = typography::typeset("« World Café »", Lang::Fr);
        assert!(wall.contains("comme une station de plus") && wall.contains(&cafe), "seed {seed}: {wall}");
        let among = "De ce que nous avons mis en commun plus tôt à ce que nous venons d'imaginer";
        assert!(gallery.contains(&typography::typeset(among, Lang::Fr)), "seed {seed}: {gallery}");
        // The station no group made is taken up by volunteers, not read by a facilitator.
        assert!(gallery.contains("est reprise par un volontaire de chaque groupe"), "seed {seed}: {gallery}");
    }
}

#[test]
fn a_world_cafe_with_managers_and_their_staff_gives_the_hosts_role_to_a_staff_member() {
    let hosts = "Quand des encadrants sont là avec leurs agents, confiez le rôle d'hôte à un agent";
    let (_, year) = test_plan("annee-difficile.yaml");
    let text = year.to_markdown(Catalogue::builtin(), Lang::Fr);
    let cafe = section(&text, "World Café");
    assert!(cafe.contains(&typography::typeset(hosts, Lang::Fr)), "{cafe}");
    // Agents and partners: no line of authority at the tables.
    let spda = plan("spda-lancement.yaml").to_markdown(Catalogue::builtin(), Lang::Fr);
    let cafe = section(&spda, "World Café");
    assert!(!cafe.contains(&typography::typeset(hosts, Lang::Fr)), "{cafe}");
}

#[test]
fn plan_b_names_the_steps_that_give_their_minutes_as_the_deroule_numbers_them() {
    let mut named = 0;
    for sample in SAMPLES {
        let text = plan(sample).to_markdown(Catalogue::builtin(), Lang::Fr);
        let plan_b = &text[text.find("## Plan B").unwrap()..];
        let plan_b = &plan_b[..plan_b.find("\n## Matériel").unwrap_or(plan_b.len())];
        for line in plan_b.lines().filter(|line| line.contains("l'étape ")) {
            let name = line.split('«').nth(1).and_then(|rest| rest.split('»').next()).unwrap().trim();
            let section = section(&text, &format!("{name} ("));
            // Only the steps of one part are numbered from 1: a method in parts is left aside.
            if section.contains("Partie 2") || section.contains("partie 2") {
                continue;
            }
            for given in line.split("l'étape ").skip(1) {
                let number: usize = given.split(' ').next().unwrap().parse().unwrap();
                let from = given.split("passe de ").nth(1).unwrap().split(" à ").next().unwrap();
                let step = section.lines().find(|l| l.starts_with(&format!("{number}. **"))).unwrap();
                assert!(step.contains(&format!("({from})")), "{sample}: {line}\n{step}");
                named += 1;
            }
        }
    }
    assert!(named > 0, "no plan B names a step");
}

#[test]
fn an_exploration_before_a_plan_of_action_proposes_a_question_that_opens_onto_acting() {
    // The hybrid seminar asks no question: its exploration comes before a plan of action.
    let (_, plan) = test_plan("hybride-plan-action.yaml");
    let text = plan.to_markdown(Catalogue::builtin(), Lang::Fr);
    // Either as it stands or led by the subject's words (« Pour comprendre …, qu'est-ce… »).
    let toward = "se joue vraiment ici, et par où pourrions-nous agir ?";
    let plain = "se joue vraiment ici, et que ne voyons-nous pas encore ?";
    assert!(text.contains(&typography::typeset(toward, Lang::Fr)), "{text}");
    assert!(!text.contains(&typography::typeset(plain, Lang::Fr)), "{text}");
    // Without a plan of action, the exploration proposes the plain question.
    let request = Request::builder("Comprendre le non-recours aux droits")
        .start_for("14:00", 90)
        .participants(16)
        .facilitators(1)
        .objective("explore-issue")
        .build()
        .unwrap();
    let explored = Planner::new(Catalogue::builtin()).plan(&request).unwrap();
    assert!(!explored.agenda.method_slots().any(|s| s.phase == Some(Phase::Action)));
    let text = explored.to_markdown(Catalogue::builtin(), Lang::Fr);
    assert!(text.contains(&typography::typeset(plain, Lang::Fr)), "{text}");
}
