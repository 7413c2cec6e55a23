//! The planner: sample requests plan, every plan keeps every rule, the same seed gives the
//! same agenda, nonsense gives an error and never a panic, refusals say what to change.

use facilitation::craft::CraftRule;
use facilitation::{Catalogue, Format, Level, PlanError, Planner, Profile, Request, check};
use proptest::prelude::*;
#[path = "support/repo.rs"]
mod repo;

fn sample(name: &str) -> Request {
    let path = repo::file("examples/requests").join(name);
    Request::from_file(path).unwrap()
}

#[test]
fn every_sample_request_plans_a_valid_agenda() {
    let dir = repo::file("examples/requests");
    let catalogue = Catalogue::builtin();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let request = Request::from_file(&path).unwrap();
        let plan =
            Planner::new(catalogue).plan(&request).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let report = check(&plan.agenda, &request, catalogue);
        assert!(report.is_valid(), "{}: {:?}", path.display(), report.violations);
        assert_eq!(plan.reasons.len(), {
            let mut ids: Vec<_> = plan.agenda.method_slots().filter_map(|s| s.method.clone()).collect();
            ids.dedup();
            ids.sort();
            ids.dedup();
            ids.len()
        });
    }
}

#[test]
fn the_forum_rsa_maps_its_sentence_to_vision_and_partners() {
    let plan = Planner::new(Catalogue::builtin()).plan(&sample("forum-rsa.yaml")).unwrap();
    let ids: Vec<&str> = plan.agenda.objectives.iter().map(|o| o.id()).collect();
    assert_eq!(ids, ["review", "vision", "network-partners"]);
}

#[test]
fn a_full_day_has_a_lunch() {
    let plan = Planner::new(Catalogue::builtin()).plan(&sample("spda-lancement.yaml")).unwrap();
    assert!(plan.agenda.slots.iter().any(|s| s.kind == facilitation::SlotKind::Lunch));
}

#[test]
fn refuses_a_sentence_that_names_no_objective_with_the_question_to_ask() {
    let request = Request::builder("Atelier").objective("que tout le monde soit content").build().unwrap();
    let error = Planner::new(Catalogue::builtin()).plan(&request).unwrap_err();
    assert!(matches!(error, PlanError::Unclear { .. }));
    assert!(
        facilitation::Localize::text(&error, facilitation::Lang::Fr)
            .contains("que tout le monde soit content")
    );
}

#[test]
fn refuses_an_included_forum_ouvert_in_thirty_minutes_and_says_how_long() {
    let request = Request::builder("Court")
        .start_for("10:00", 30)
        .participants(40)
        .breakout_rooms(true)
        .objective("generate-ideas")
        .include("forum-ouvert".parse().unwrap())
        .build()
        .unwrap();
    let error = Planner::new(Catalogue::builtin()).plan(&request).unwrap_err();
    assert!(matches!(error, PlanError::IncludeTooLong { .. }), "{error}");
    assert!(error.to_string().contains("extend the session to"));
}

#[test]
fn refuses_five_objectives_in_forty_five_minutes_and_says_how_much_longer() {
    let mut builder = Request::builder("Trop court").start_for("10:00", 45).participants(20);
    for objective in ["review", "vision", "decide", "action-plan", "resolve-irritants"] {
        builder = builder.objective(objective);
    }
    let error = Planner::new(Catalogue::builtin()).plan(&builder.build().unwrap()).unwrap_err();
    assert!(matches!(error, PlanError::TooShort { .. }), "{error}");
}

#[test]
fn refuses_a_request_with_an_unknown_included_method() {
    let request = Request::builder("X")
        .objective("review")
        .include("danse-de-la-pluie".parse().unwrap())
        .build()
        .unwrap();
    let error = Planner::new(Catalogue::builtin()).plan(&request).unwrap_err();
    assert!(error.to_string().contains("danse-de-la-pluie"));
}

fn arbitrary_request() -> impl Strategy<Value = Request> {
    let objectives = prop::sample::subsequence(facilitation::Objective::IDS.to_vec(), 1..4);
    (
        (7u32 * 60..17 * 60).prop_map(|m| m - m % 5),
        prop::sample::select(vec![60u32, 90, 120, 150, 180, 240, 300, 420]),
        prop::sample::select(vec![4u32, 8, 12, 20, 35, 60, 120, 300]),
        1u32..5,
        objectives,
        prop::sample::select(vec![Format::Onsite, Format::Remote, Format::Hybrid]),
        prop::sample::select(vec![Level::Beginner, Level::Intermediate, Level::Advanced]),
        any::<bool>(),
    )
        .prop_map(|(start, minutes, participants, facilitators, objectives, format, level, rooms)| {
            let start = format!("{:02}:{:02}", start / 60, start % 60);
            let mut builder = Request::builder("Propriété")
                .start_for(&start, minutes)
                .participants(participants)
                .facilitators(facilitators)
                .format(format)
                .level(level)
                .breakout_rooms(rooms);
            for objective in objectives {
                builder = builder.objective(objective);
            }
            builder.build().unwrap()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// Ordinary on-site workshops of one and a half to three hours, in a morning or an
    /// afternoon, for groups the catalogue serves well, always plan and keep every craft
    /// rule: a refusal or a broken rule here is a planner failure, not a hard request.
    #[test]
    fn ordinary_workshops_always_plan_a_valid_agenda_that_keeps_the_craft(
        start in prop::sample::select(vec![480u32, 495, 510, 525, 540, 810, 840, 855, 870, 900]),
        minutes in prop::sample::select(vec![90u32, 120, 150, 180]),
        participants in 8u32..40,
        objective in prop::sample::select(vec!["share-practices", "generate-ideas", "review", "build-trust"]),
        seed in any::<u64>(),
    ) {
        let catalogue = Catalogue::builtin();
        let start = format!("{:02}:{:02}", start / 60, start % 60);
        let request = Request::builder("Atelier").start_for(&start, minutes).participants(participants)
            .facilitators(2).objective(objective).build().unwrap();
        let plan = Planner::new(catalogue).seed(seed).plan(&request);
        let plan = plan.map_err(|e| TestCaseError::fail(e.to_string()))?;
        let report = check(&plan.agenda, &request, catalogue);
        prop_assert!(report.is_valid(), "{:?}", report.violations);
        prop_assert!(plan.craft.is_clean(), "{:?}", plan.craft.points);
    }

    /// Whatever the request, an agenda the planner returns keeps every hard rule, and the
    /// craft rules it breaks are the ones it reports.
    #[test]
    fn any_plan_keeps_the_hard_rules_and_reports_its_craft(request in arbitrary_request(), seed in any::<u64>()) {
        let catalogue = Catalogue::builtin();
        if let Ok(plan) = Planner::new(catalogue).seed(seed).plan(&request) {
            let report = check(&plan.agenda, &request, catalogue);
            prop_assert!(report.is_valid(), "{:?}", report.violations);
            prop_assert_eq!(&facilitation::craft::review(&plan.agenda, &request, catalogue), &plan.craft);
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_agenda(request in arbitrary_request(), seed in any::<u64>()) {
        let catalogue = Catalogue::builtin();
        let first = Planner::new(catalogue).seed(seed).plan(&request).map(|plan| plan.agenda).ok();
        let second = Planner::new(catalogue).seed(seed).plan(&request).map(|plan| plan.agenda).ok();
        prop_assert_eq!(first, second);
    }

    #[test]
    fn nonsense_requests_never_panic(source in "[a-z_: \\n\\[\\]\"0-9-]{0,200}") {
        if let Ok(request) = Request::from_yaml("fuzz.yaml", &source) {
            let _ = Planner::new(Catalogue::builtin()).plan(&request);
        }
    }
}

#[test]
fn a_twelve_hour_day_plans_a_valid_agenda_with_lunch() {
    let request = Request::builder("Journée longue")
        .time("08:00", "20:00")
        .participants(50)
        .facilitators(3)
        .objective("share-practices")
        .objective("generate-ideas")
        .objective("action-plan")
        .build()
        .unwrap();
    let catalogue = Catalogue::builtin();
    let plan = Planner::new(catalogue).plan(&request).unwrap();
    let report = check(&plan.agenda, &request, catalogue);
    assert!(report.is_valid(), "{:?}", report.violations);
    assert_eq!(plan.agenda.end.to_string(), "20:00");
    assert!(plan.agenda.slots.iter().any(|slot| slot.kind == facilitation::SlotKind::Lunch));
}

/// A sub-catalogue of built-in methods.
fn methods(ids: &[&str]) -> Catalogue {
    let mut catalogue = Catalogue::default();
    for id in ids {
        catalogue.insert(Catalogue::builtin().get(id).unwrap().clone());
    }
    catalogue
}

#[test]
fn the_timing_gives_the_first_objective_its_share_where_moving_minutes_afterwards_could_not() {
    // The first objective's only method is at its longest: its share is kept by shortening
    // the others and lengthening a break, which only a timing that counts it can find.
    let request = Request::builder("Remobiliser et prioriser")
        .time("14:00", "16:15")
        .participants(120)
        .profile(Profile::Agents)
        .profile(Profile::Managers)
        .facilitators(3)
        .objective("remobilize")
        .objective("prioritize")
        .build()
        .unwrap();
    let catalogue = methods(&[
        "1-2-4-all",
        "meteo",
        "matrice-impact-effort",
        "nine-whys",
        "roue-des-emotions",
        "tour-engagements",
    ]);
    let plan = Planner::new(&catalogue).plan(&request).unwrap();
    assert!(check(&plan.agenda, &request, &catalogue).is_valid());
    // The sub-catalogue fills the afternoon only with 1-2-4-All, which serves neither
    // objective: the planner gives up C15 and nothing else, C5 least of all.
    let broken = plan.craft.rules();
    assert!(
        CraftRule::ALL.iter().all(|rule| *rule == CraftRule::C15 || !broken.contains(*rule)),
        "{:?}",
        plan.craft.points
    );
}

#[test]
fn a_method_in_rounds_resumes_after_lunch_when_only_that_keeps_every_craft_rule() {
    let request = Request::builder("Journée à distance")
        .time("09:00", "15:30")
        .participants(16)
        .profile(Profile::Agents)
        .profile(Profile::Managers)
        .facilitators(3)
        .format(Format::Remote)
        .breakout_rooms(true)
        .level(Level::Advanced)
        .objective("remobilize")
        .objective("share-practices")
        .objective("feedback")
        .objective("action-plan")
        .build()
        .unwrap();
    let catalogue = methods(&[
        "enquete-appreciative",
        "helping-heuristics",
        "nine-whys",
        "photolangage",
        "tour-de-table",
        "tour-engagements",
    ]);
    let plan = Planner::new(&catalogue).plan(&request).unwrap();
    assert!(check(&plan.agenda, &request, &catalogue).is_valid());
    assert!(plan.craft.is_clean(), "{:?}", plan.craft.points);
    let slots = &plan.agenda.slots;
    let lunch = slots.iter().position(|slot| slot.kind == facilitation::SlotKind::Lunch).unwrap();
    let method = |at: usize| slots.get(at).and_then(|slot| slot.method.clone());
    assert!(method(lunch - 1).is_some() && method(lunch - 1) == method(lunch + 1), "{slots:?}");
}

#[test]
fn a_split_method_is_timed_when_only_the_shortest_welcome_leaves_it_room() {
    // 120 people: the forum ouvert needs 135 minutes, cut by a pause (90 minutes at most in
    // a stretch). Welcome 10, the forum's two parts, break 10 and closing 10 fill 165
    // minutes exactly; a timing that let a state with more of the forum behind it drop one
    // with less lost this day and refused the forum.
    let request = Request::builder("Forum ouvert du matin")
        .time("09:30", "12:15")
        .participants(120)
        .profile(Profile::Agents)
        .facilitators(3)
        .objective("action-plan")
        .include(facilitation::MethodId::new("forum-ouvert").unwrap())
        .breakout_rooms(true)
        .build()
        .unwrap();
    let catalogue = methods(&["forum-ouvert", "tour-engagements", "meteo"]);
    let plan = Planner::new(&catalogue).plan(&request).unwrap();
    let forum: u32 = plan
        .agenda
        .method_slots()
        .filter(|slot| slot.method.as_ref().is_some_and(|id| id == "forum-ouvert"))
        .map(|slot| slot.minutes)
        .sum();
    assert_eq!(forum, 135, "{:?}", plan.agenda.slots);
    assert!(plan.craft.is_clean(), "{:?}", plan.craft.points);
}

#[test]
fn the_default_seed_takes_the_best_agenda_and_the_others_draw_near_it() {
    let catalogue = Catalogue::builtin();
    for name in ["forum-rsa.yaml", "irritants-semaine-management.yaml", "spda-lancement.yaml"] {
        let request = sample(name);
        let best = Planner::new(catalogue).plan(&request).unwrap().score.total();
        for seed in 1..=8 {
            let drawn = Planner::new(catalogue).seed(seed).plan(&request).unwrap().score.total();
            assert!(drawn <= best + 1e-9, "{name}, seed {seed}: {drawn} above the default's {best}");
            assert!(drawn >= best - facilitation::planner::NEAR_BEST - 1e-9, "{name}, seed {seed}: {drawn}");
        }
    }
}

/// The longest run of work between two pauses (or a pause and either end), welcome included.
fn longest_run(agenda: &facilitation::Agenda) -> u32 {
    let mut longest = 0;
    let mut run = 0;
    for slot in &agenda.slots {
        if matches!(slot.kind, facilitation::SlotKind::Break | facilitation::SlotKind::Lunch) {
            run = 0;
        } else {
            run += slot.minutes;
            longest = longest.max(run);
        }
    }
    longest
}

#[test]
fn a_day_that_names_a_disability_gets_a_pause_at_least_every_hour() {
    let day = |question: &str| {
        Request::builder("Journée participative : la vie à domicile")
            .time("09:30", "16:30")
            .participants(30)
            .facilitators(3)
            .profile(Profile::Users)
            .profile(Profile::Agents)
            .objective("user-participation")
            .objective("vision")
            .objective("action-plan")
            .question("vision", question)
            .build()
            .unwrap()
    };
    let named = day("Plusieurs participants sont en fauteuil : dans trois ans, qu'est-ce qui aura changé ?");
    let unnamed = day("Dans trois ans, qu'est-ce qui aura changé dans votre vie à domicile ?");
    for seed in 0..3 {
        let cared = Planner::new(Catalogue::builtin()).seed(seed).plan(&named).unwrap();
        assert!(cared.craft.is_clean(), "seed {seed}: {:?}", cared.craft.points);
        let run = longest_run(&cared.agenda);
        assert!(run <= facilitation::rules::CARE_STRETCH, "seed {seed}: {run} minutes without a pause");
        assert_eq!(cared.request, named, "the plan keeps the request as asked");
        let usual = Planner::new(Catalogue::builtin()).seed(seed).plan(&unnamed).unwrap();
        assert!(
            longest_run(&usual.agenda) > facilitation::rules::CARE_STRETCH,
            "seed {seed}: the words make the pauses"
        );
    }
}

#[test]
fn a_day_closes_in_a_quarter_of_an_hour() {
    // A preference of the score (`pace`), not a rule: a packed half-day may close in ten.
    let requests = [
        Request::from_file(repo::file("tests/data/requests/seminaire-rentree.yaml")).unwrap(),
        sample("forum-ouvert-ehpad.yaml"),
    ];
    for request in &requests {
        let usual = facilitation::rules::usual_closing(request.minutes(), request.participants);
        let usual = usual.unwrap_or_else(|| panic!("{}: no usual closing", request.title));
        for seed in 0..3 {
            let plan = Planner::new(Catalogue::builtin()).seed(seed).plan(request).unwrap();
            let closing =
                plan.agenda.slots.iter().rev().find(|s| s.phase == Some(facilitation::Phase::Closing));
            let minutes = closing.map(|slot| slot.minutes).unwrap_or_default();
            assert!(minutes >= usual, "{} seed {seed}: a closing of {minutes} minutes", request.title);
        }
    }
    // A team meeting of an hour and a half closes well in ten minutes: no floor.
    assert_eq!(facilitation::rules::usual_closing(90, 12), None);
}

#[test]
fn the_pause_of_a_three_hour_forum_falls_between_its_sequences_not_inside_its_world_cafe() {
    // The RSA forum: 60 people, one pause. A café sent back to its tables after the coffee
    // loses the thread; the review runs whole, the pause follows, and the front pages get
    // the time to turn into workstreams.
    let request = sample("forum-rsa.yaml");
    for seed in 0..4 {
        let plan = Planner::new(Catalogue::builtin()).seed(seed).plan(&request).unwrap();
        let cafe: Vec<_> = plan
            .agenda
            .method_slots()
            .filter(|s| s.method.as_ref().is_some_and(|m| m == "world-cafe"))
            .collect();
        assert_eq!(cafe.len(), 1, "seed {seed}: the café runs in one piece");
        let une =
            plan.agenda.method_slots().find(|s| s.method.as_ref().is_some_and(|m| m == "la-une-du-magazine"));
        assert!(une.is_some_and(|une| une.minutes >= 55), "seed {seed}: {une:?}");
    }
}

#[test]
fn a_pause_inside_a_method_costs_pace_unless_the_method_is_a_days_work() {
    use facilitation::score;
    // The same minutes and the same pause, once between the café and the front pages, once
    // inside the café.
    let request = sample("forum-rsa.yaml");
    let plan = Planner::new(Catalogue::builtin()).plan(&request).unwrap();
    let between = plan.agenda.clone();
    let mut inside = between.clone();
    let at = inside.slots.iter().position(|s| s.method.as_ref().is_some_and(|m| m == "world-cafe")).unwrap();
    let pause = at + 1;
    assert!(inside.slots[pause].kind.is_pause());
    // Move 30 minutes of the café after the pause, as its second part.
    let mut second = inside.slots[at].clone();
    inside.slots[at].minutes -= 30;
    let end = inside.slots[at].end.minutes() - 30;
    inside.slots[at].end = facilitation::ClockTime::from_minutes(end).unwrap();
    let pause_minutes = inside.slots[pause].minutes;
    inside.slots[pause].start = inside.slots[at].end;
    inside.slots[pause].end = inside.slots[pause].start.plus(pause_minutes).unwrap();
    second.minutes = 30;
    second.start = inside.slots[pause].end;
    second.part = Some(2);
    inside.slots[at].part = Some(1);
    inside.slots.insert(pause + 1, second);
    let objectives = &between.objectives;
    let pace = |agenda| score::score(agenda, objectives, true, Catalogue::builtin()).pace;
    assert!(pace(&inside) < pace(&between), "{} vs {}", pace(&inside), pace(&between));
    assert!(facilitation::rules::pause_breaks_flow(Catalogue::builtin().get("world-cafe").unwrap()));
    assert!(!facilitation::rules::pause_breaks_flow(Catalogue::builtin().get("forum-ouvert").unwrap()));
}

#[test]
fn a_day_that_reviews_remobilises_and_plans_gives_each_a_real_share_on_every_seed() {
    // After a difficult year: review first, then remobilise, then plan. A morning of review
    // and a plan of action squeezed into three quarters of an hour after lunch is a day a
    // facilitator would not run, however close each method is to its usual length.
    let request = Request::from_file(repo::file("tests/data/requests/annee-difficile.yaml")).unwrap();
    for seed in 0..4 {
        let plan = Planner::new(Catalogue::builtin()).seed(seed).plan(&request).unwrap();
        let minutes = |id: &str| -> u32 {
            plan.agenda
                .method_slots()
                .filter(|s| s.method.as_ref().is_some_and(|m| m == id))
                .map(|s| s.minutes)
                .sum()
        };
        assert!(minutes("plan-action-qqoqcp") >= 60, "seed {seed}: {:#?}", plan.agenda.slots);
        assert!(
            minutes("frise-chronologique") + minutes("world-cafe") <= 150,
            "seed {seed}: {:#?}",
            plan.agenda.slots
        );
    }
}
