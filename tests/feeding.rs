//! Conditions of use and sequences that feed each other (craft rules C12 and C13), read
//! from the method files' `needs`, `gives` and `takes`; share-outs whose form changes when
//! the groups are too many; what to say, from the method files.

use facilitation::craft::{self, CraftIssue, CraftRule};
use facilitation::method::Given;
use facilitation::{
    Agenda, Catalogue, Condition, Lang, Localize, Method, MethodId, Objective, Phase, Planner, ProblemKind,
    Product, Profile, Request, Shape, Slot, SlotKind, render, rules, score,
};

#[path = "support/repo.rs"]
mod repo;

fn catalogue() -> &'static Catalogue {
    Catalogue::builtin()
}

fn request(name: &str) -> Request {
    Request::from_file(repo::file(name)).unwrap()
}

/// A plain agenda of `methods` (id and phase), 30 minutes each after a 10-minute welcome.
fn agenda_of(request: &Request, methods: &[(&str, Phase)]) -> Agenda {
    let mut agenda = Planner::new(catalogue()).plan(request).unwrap().agenda;
    let start = agenda.slots[0].start;
    let mut clock = start.plus(10).unwrap();
    let mut slots = vec![Slot::new(SlotKind::Welcome, start, clock)];
    for (id, phase) in methods {
        let end = clock.plus(30).unwrap();
        let mut slot = Slot::new(SlotKind::Method, clock, end);
        slot.method = Some(MethodId::new(*id).unwrap());
        slot.phase = Some(*phase);
        slots.push(slot);
        clock = end;
    }
    agenda.slots = slots;
    agenda
}

fn c13(agenda: &Agenda, request: &Request) -> Vec<CraftIssue> {
    let report = craft::review(agenda, request, catalogue());
    report.points.into_iter().filter(|p| p.rule == CraftRule::C13).map(|p| p.issue).collect()
}

#[test]
fn confrontation_and_probing_methods_are_never_planned_with_service_users() {
    let users = ["examples/requests/forum-rsa.yaml", "tests/data/requests/usagers-atelier.yaml"];
    for name in users.into_iter().chain(["tests/data/requests/usagers-bilan.yaml"]) {
        let request = request(name);
        for seed in 1..=3 {
            let plan = Planner::new(catalogue()).seed(seed).plan(&request).unwrap();
            for slot in plan.agenda.method_slots() {
                let method = catalogue().get(slot.method.as_ref().unwrap().as_str()).unwrap();
                assert!(
                    method.unmet_needs(&request.profiles, &plan.agenda.objectives, false).is_empty(),
                    "{name} seed {seed}: {}",
                    method.id
                );
            }
        }
    }
}

#[test]
fn a_public_at_ease_excludes_service_users_and_a_team_needs_its_manager() {
    assert!(!Condition::PublicAtEase.met_by(&[Profile::Agents, Profile::Users], true));
    assert!(Condition::PublicAtEase.met_by(&[Profile::Agents, Profile::Partners], true));
    assert!(Condition::TeamAndManager.met_by(&[Profile::Agents, Profile::Managers], true));
    assert!(!Condition::TeamAndManager.met_by(&[Profile::Managers], true));
    assert!(
        !Condition::TeamAndManager.met_by(&[Profile::Agents, Profile::Managers, Profile::Partners], true)
    );
    assert!(!Condition::TeamAndManager.met_by(&[], true), "an unstated team is not assumed");
}

#[test]
fn c12_names_a_method_asked_for_by_name_whose_condition_the_group_does_not_meet() {
    let poker = MethodId::new("delegation-poker").unwrap();
    let request = Request::builder("Codir")
        .time("14:00", "16:00")
        .participants(10)
        .profile(Profile::Managers)
        .objective("decide")
        .include(poker.clone())
        .build()
        .unwrap();
    let plan = Planner::new(catalogue()).plan(&request).unwrap();
    assert!(plan.agenda.method_slots().any(|slot| slot.method.as_ref() == Some(&poker)));
    let point = plan.craft.points.iter().find(|p| p.rule == CraftRule::C12).expect("C12 named");
    assert!(point.text(Lang::Fr).contains("une équipe et son encadrant"), "{}", point.text(Lang::Fr));
}

#[test]
fn c13_notices_five_whys_before_any_irritant_was_named() {
    let request = request("examples/requests/irritants-semaine-management.yaml");
    let agenda = agenda_of(&request, &[("meteo", Phase::Opening), ("cinq-pourquoi", Phase::Emergence)]);
    let issues = c13(&agenda, &request);
    assert!(matches!(&issues[..], [CraftIssue::Unfed { id, .. }] if id == "cinq-pourquoi"), "{issues:?}");
    let fed = agenda_of(
        &request,
        &[("meteo", Phase::Opening), ("speed-boat", Phase::Divergence), ("cinq-pourquoi", Phase::Emergence)],
    );
    assert!(c13(&fed, &request).is_empty());
}

/// Whether C13's only issue is `id` doing again the job of `previous`.
fn only_same_job(issues: &[CraftIssue], id: &str, previous: &str) -> bool {
    matches!(issues, [CraftIssue::SameJob { id: got, previous: before }] if got == id && before == previous)
}

#[test]
fn c13_notices_two_methods_doing_the_same_job() {
    let request = request("tests/data/requests/reunion-45-minutes.yaml");
    let twice = [
        ("meteo", Phase::Opening),
        ("25-10-crowd-sourcing", Phase::Convergence),
        ("1-2-4-all", Phase::Convergence),
    ];
    let issues = c13(&agenda_of(&request, &twice), &request);
    assert!(only_same_job(&issues, "1-2-4-all", "25-10-crowd-sourcing"), "{issues:?}");
    let plans = [("meteo", Phase::Opening), ("15-percent-solutions", Phase::Action), ("triz", Phase::Action)];
    let issues = c13(&agenda_of(&request, &plans), &request);
    assert!(issues.iter().any(|issue| matches!(issue, CraftIssue::SameJob { id, .. } if id == "triz")));
}

#[test]
fn six_hats_right_after_a_brainwriting_examine_its_ideas_but_a_brainwriting_after_them_writes_again() {
    // The six hats `develop` ideas: they take up the sheets the brainwriting just filled.
    let request = request("tests/data/requests/reunion-45-minutes.yaml");
    let examined = [
        ("meteo", Phase::Opening),
        ("brainwriting-635", Phase::Divergence),
        ("six-chapeaux", Phase::Emergence),
    ];
    assert_eq!(c13(&agenda_of(&request, &examined), &request), vec![]);
    let again = [
        ("meteo", Phase::Opening),
        ("six-chapeaux", Phase::Divergence),
        ("brainwriting-635", Phase::Emergence),
    ];
    let issues = c13(&agenda_of(&request, &again), &request);
    assert!(only_same_job(&issues, "brainwriting-635", "six-chapeaux"), "{issues:?}");
}

#[test]
fn a_three_hour_workshop_for_new_ideas_examines_them_with_the_six_hats() {
    // Half a day for ideas alone, and a small group: ideas written, then examined, with
    // nothing planned that the request did not ask for.
    let request = request("tests/data/requests/idees-demi-journee.yaml");
    let plan = Planner::new(catalogue()).plan(&request).unwrap();
    assert!(plan.craft.is_clean(), "{:?}", plan.craft.points);
    let ids: Vec<&str> =
        plan.agenda.slots.iter().filter_map(|s| s.method.as_ref()).map(|m| m.as_str()).collect();
    let (written, examined) = (
        ids.iter().position(|id| *id == "brainwriting-635"),
        ids.iter().position(|id| *id == "six-chapeaux"),
    );
    assert!(written.zip(examined).is_some_and(|(w, e)| w < e), "{ids:?}");
}

#[test]
fn the_loader_refuses_a_method_that_both_takes_and_develops_a_product() {
    let source = OPENING
        .replace("phases: [opening]", "phases: [divergence]")
        .replace("takes: [ideas]", "takes: [ideas]\ndevelops: [ideas]");
    let error = Catalogue::from_files([("m/accueil-repris.yaml", source.as_str())]).unwrap_err();
    let problem = &error.problems()[0];
    assert_eq!(problem.kind, ProblemKind::TakesAndDevelops { product: "ideas".into() });
    assert_eq!(problem.field, "develops");
    assert_eq!(
        problem.kind.text(Lang::Fr),
        "`ideas` est à la fois dans `takes` (la méthode ne peut pas s'en passer) et dans `develops` (elle le reprend quand il est là) ; gardez-le dans un seul des deux"
    );
}

#[test]
fn c13_notices_an_afternoon_that_opens_a_blank_page_between_the_priorities_and_the_plan() {
    // The seminar's morning chose its priorities; a troïka after the lunch's energiser takes
    // up nothing of them, while a plan of action details them.
    let request = request("tests/data/requests/seminaire-rentree.yaml");
    let morning = [
        ("impromptu-networking", Phase::Opening),
        ("1-2-4-all", Phase::Divergence),
        ("vote-par-gommettes", Phase::Convergence),
        ("un-mot-pour-commencer", Phase::Opening),
    ];
    let blank = [&morning[..], &[("troika-consulting", Phase::Emergence)]].concat();
    let issues = c13(&agenda_of(&request, &blank), &request);
    assert!(
        matches!(&issues[..], [CraftIssue::SameJob { id, previous }] if id == "troika-consulting" && previous == "vote-par-gommettes"),
        "{issues:?}"
    );
    let taken_up = [&morning[..], &[("plan-action-qqoqcp", Phase::Action)]].concat();
    assert!(c13(&agenda_of(&request, &taken_up), &request).is_empty());
}

#[test]
fn a_vision_is_not_voted_on_nor_a_troika_prioritised() {
    let given = |id: &str| Given::default().with(catalogue().get(id).unwrap());
    for ranking in ["vote-par-gommettes", "matrice-impact-effort"] {
        let ranking = catalogue().get(ranking).unwrap();
        assert!(
            !ranking.fed_by(given("la-une-du-magazine")),
            "{}: a vision is built on, not ranked",
            ranking.id
        );
        assert!(
            !ranking.fed_by(given("troika-consulting")),
            "{}: a troïka's advice is the client's",
            ranking.id
        );
        assert!(ranking.fed_by(given("1-2-4-all")));
    }
}

#[test]
fn what_a_method_takes_is_given_by_an_earlier_one() {
    let vote = catalogue().get("vote-par-gommettes").unwrap();
    assert!(!vote.fed_by(Given::default()));
    assert!(vote.fed_by(Given::default().with(catalogue().get("brainwriting-635").unwrap())));
    let roti = catalogue().get("roti").unwrap();
    assert!(roti.fed_by(Given::default()), "a method that takes nothing starts from a blank page");
}

#[test]
fn a_planned_sample_keeps_its_thread_and_feeds_counts_only_what_serves_nothing() {
    for name in ["examples/requests/irritants-semaine-management.yaml", "examples/requests/forum-rsa.yaml"] {
        let request = request(name);
        let plan = Planner::new(catalogue()).plan(&request).unwrap();
        assert!(c13(&plan.agenda, &request).is_empty(), "{name}");
        // Kept thread: only content methods serving none of the request's objectives count.
        let objectives = &plan.agenda.objectives;
        let mut content: Vec<(&MethodId, bool)> = Vec::new();
        for slot in plan.agenda.method_slots().filter(|slot| slot.phase.is_some_and(|p| !p.frames())) {
            let id = slot.method.as_ref().unwrap();
            let serves = slot.objectives.iter().any(|o| objectives.contains(o));
            if content.last().is_none_or(|(last, _)| *last != id) {
                content.push((id, serves));
            }
        }
        let serving = content.iter().filter(|(_, serves)| *serves).count() as f64;
        let score = score::score(&plan.agenda, objectives, request.with_users(), catalogue());
        assert_eq!(score.feeds, serving / content.len() as f64, "{name}: {content:?}");
    }
}

#[test]
fn a_vote_right_after_a_vision_skips_it_and_the_score_counts_the_dropped_thread() {
    let get = |id: &str| catalogue().get(id).unwrap();
    let given = |id: &str| Some(Given::default().with(get(id)));
    let vote = get("vote-par-gommettes");
    assert!(
        vote.skips(Phase::Convergence, given("la-une-du-magazine")),
        "the morning's ideas, not the vision"
    );
    assert!(!vote.skips(Phase::Convergence, given("pro-action-cafe")));
    assert!(!vote.skips(Phase::Convergence, None), "nothing came before");
    assert!(!vote.skips(Phase::Divergence, given("la-une-du-magazine")), "only a convergence takes up");
    let request = request("tests/data/requests/plan-action-partenaires.yaml");
    let feeds = |order: [&str; 2]| {
        let methods = [
            (order[0], Phase::Emergence),
            (order[1], Phase::Emergence),
            ("vote-par-gommettes", Phase::Convergence),
            ("plan-action-qqoqcp", Phase::Action),
        ];
        let agenda = agenda_of(&request, &methods);
        score::score(&agenda, &agenda.objectives, request.with_users(), catalogue()).feeds
    };
    let backwards = feeds(["pro-action-cafe", "la-une-du-magazine"]);
    let forwards = feeds(["la-une-du-magazine", "pro-action-cafe"]);
    assert!(forwards > backwards, "vision, then the projects the vote ranks: {forwards} against {backwards}");
}

#[test]
fn a_decision_grid_on_prepared_options_leaves_behind_the_ideas_just_made_but_takes_up_a_vote() {
    // The grid compares two to four options settled before the day: right after the six
    // hats' ten options it drops them; after a vote it compares what the vote kept.
    let get = |id: &str| catalogue().get(id).unwrap();
    let given = |id: &str| Some(Given::default().with(get(id)));
    let grid = get("grille-de-decision");
    assert!(grid.prepared_options);
    assert!(grid.skips(Phase::Convergence, given("six-chapeaux")));
    assert!(!grid.skips(Phase::Convergence, given("vote-par-gommettes")));
    assert!(!grid.skips(Phase::Convergence, None), "a meeting that opens on the grid");
    // The hybrid managers' morning: the six hats' options go to a vote, then to the plan.
    let request = request("tests/data/requests/hybride-plan-action.yaml");
    for seed in 0..4 {
        let plan = Planner::new(catalogue()).seed(seed).plan(&request).unwrap();
        let ids: Vec<&str> =
            plan.agenda.method_slots().filter_map(|s| s.method.as_ref()).map(|m| m.as_str()).collect();
        let hats = ids.iter().position(|id| *id == "six-chapeaux");
        let next = hats.and_then(|i| ids.get(i + 1));
        assert!(next.is_some_and(|id| *id != "grille-de-decision"), "seed {seed}: {ids:?}");
    }
}

#[test]
fn a_day_asked_for_a_vision_and_a_plan_converges_on_what_the_sequence_before_gave() {
    let request = request("tests/data/requests/plan-action-partenaires.yaml");
    for seed in 1..=3 {
        let plan = Planner::new(catalogue()).seed(seed).plan(&request).unwrap();
        let mut last: Option<Given> = None;
        let mut vision = false;
        for slot in plan.agenda.method_slots().filter(|slot| slot.phase.is_some_and(|p| !p.frames())) {
            let method = catalogue().get(slot.method.as_ref().unwrap().as_str()).unwrap();
            assert!(!method.skips(slot.phase.unwrap(), last), "seed {seed}: {} at {}", method.id, slot.start);
            last = Some(Given::default().with(method));
            vision |= method.gives.contains(&Product::Vision);
        }
        assert!(vision, "seed {seed}: the vision asked for is built");
    }
}

const OPENING: &str = r#"id: accueil-repris
name: {fr: Accueil repris}
summary: {fr: "Un accueil."}
phases: [opening]
objectives: [build-trust]
participants: {min: 2, max: 30}
duration: {min: 5, typical: 10, max: 15}
formats: [onsite]
energy: low
level: beginner
takes: [ideas]
setup: {fr: "En cercle."}
steps:
  - minutes: 10
    text: {fr: "Chacun dit un mot."}
sources: [essai]
"#;

#[test]
fn the_loader_refuses_a_method_that_opens_yet_takes_something() {
    let error = Catalogue::from_files([("m/accueil-repris.yaml", OPENING)]).unwrap_err();
    let problem = &error.problems()[0];
    assert_eq!(problem.kind, ProblemKind::TakesAtStart);
    assert_eq!(problem.field, "takes");
    assert!(problem.location.is_some_and(|at| at.line == 11), "{:?}", problem.location);
}

#[test]
fn the_loader_refuses_a_crowded_consigne_without_its_group_size() {
    let source = OPENING.replace("takes: [ideas]\n", "").replace(
        "    text: {fr: \"Chacun dit un mot.\"}",
        "    text: {fr: \"Chacun dit un mot.\"}\n    crowded: {fr: \"Deux groupes tirés au sort.\"}",
    );
    let error = Catalogue::from_files([("m/accueil-repris.yaml", source.as_str())]).unwrap_err();
    assert!(error.problems().iter().any(|p| p.field == "steps[0].group"), "{error}");
}

#[test]
fn a_share_out_of_too_many_groups_changes_its_form() {
    let cover = catalogue().get("la-une-du-magazine").unwrap();
    let step = cover.steps.iter().find(|step| step.crowded.is_some()).unwrap();
    let group = step.group.unwrap();
    // As many tables as may speak, one by one: beyond the step's `most` (or the rule's
    // ceiling), the tables that speak are drawn by lot.
    let few = group * step.most.unwrap_or(rules::SHARE_ROUND_MOST).min(rules::SHARE_ROUND_MOST);
    assert_eq!(render::step_text(step, few), &step.text);
    assert_eq!(render::step_text(step, few + 1).fr, step.crowded.as_ref().unwrap().fr);
    let mut slot = Slot::new(SlotKind::Method, "10:00".parse().unwrap(), "10:50".parse().unwrap());
    slot.method = Some(cover.id.clone());
    let lines = &render::timed_steps(cover, &cover.steps, &[&slot], 80)[0];
    let text: Vec<&str> = lines.iter().map(|line| line.text.fr.as_str()).collect();
    let covers = format!("Les {} unes sont affichées", 80u32.div_ceil(group));
    assert!(text.iter().any(|t| t.contains(&covers)), "{text:#?}");
    assert!(!text.iter().any(|t| t.contains("chaque table présente la sienne")), "{text:#?}");
}

#[test]
fn every_method_says_in_its_own_words_how_it_starts() {
    for method in catalogue().iter() {
        let say = method.say.as_ref().unwrap_or_else(|| panic!("{} says nothing", method.id));
        assert!(!say.fr.trim().is_empty() && say.en.as_ref().is_some_and(|en| !en.trim().is_empty()));
    }
    let request = request("examples/requests/irritants-semaine-management.yaml");
    let plan = Planner::new(catalogue()).plan(&request).unwrap();
    let text = render::deroule(&plan, catalogue(), Lang::Fr).to_markdown();
    let irritants = catalogue().get("resolution-irritants").unwrap();
    assert!(text.contains(&irritants.say.as_ref().unwrap().fr), "the déroulé says the method's own words");
}

#[test]
fn a_method_made_for_one_subject_runs_only_when_that_subject_is_asked() {
    let resolution = catalogue().get("resolution-irritants").unwrap();
    assert_eq!(
        resolution.unmet_needs(&[Profile::Agents], &[Objective::Prioritize, Objective::ActionPlan], false),
        vec![Condition::OwnObjective],
        "no resolution of irritants to prioritise a vision"
    );
    assert!(resolution.unmet_needs(&[Profile::Agents], &[Objective::ResolveIrritants], false).is_empty());
    let request = request("tests/data/requests/seminaire-rentree.yaml");
    for seed in 1..=3 {
        let plan = Planner::new(catalogue()).seed(seed).plan(&request).unwrap();
        let used =
            plan.agenda.method_slots().any(|slot| slot.method.as_ref().unwrap() == "resolution-irritants");
        assert!(!used, "seed {seed}: trust, vision, priorities and a plan, and nobody asked about irritants");
    }
}

#[test]
fn methods_built_alike_never_run_in_one_session() {
    let orid = catalogue().get("conversation-orid").unwrap();
    let what = catalogue().get("what-so-what-now-what").unwrap();
    assert!(orid.alike_to(what) && what.alike_to(orid), "either naming the other is enough");
    let request = request("tests/data/requests/hybride-plan-action.yaml");
    let mut agenda = Planner::new(catalogue()).plan(&request).unwrap().agenda;
    let content: Vec<usize> = (0..agenda.slots.len())
        .filter(|&i| agenda.slots[i].phase.is_some_and(|phase| !phase.frames()))
        .collect();
    let (first, second) = (content[0], content[content.len() - 1]);
    agenda.slots[first].method = Some(orid.id.clone());
    agenda.slots[first].phase = Some(Phase::Convergence);
    agenda.slots[second].method = Some(what.id.clone());
    agenda.slots[second].phase = Some(Phase::Action);
    let issues = c13(&agenda, &request);
    let same = CraftIssue::SameJob { id: what.id.clone(), previous: orid.id.clone() };
    assert!(issues.contains(&same), "{issues:?}");
}

#[test]
fn role_play_fishbowls_chair_games_and_intimate_stories_are_kept_from_whom_they_hurt() {
    let with_users = [Profile::Agents, Profile::Users];
    let staff = [Profile::Agents, Profile::Partners];
    let conditions = [Condition::PeerRoles, Condition::ChosenExposure, Condition::AbstractFrame];
    for condition in conditions {
        assert!(!condition.met_by(&with_users, true), "{condition} with service users");
        assert!(condition.met_by(&staff, true), "{condition} among professionals");
    }
    // A chair game is for colleagues of the house: childish to partners met that morning.
    assert!(Condition::PhysicalGame.met_by(&[Profile::Agents, Profile::Managers], true));
    for guests in [&with_users[..], &staff, &[Profile::Agents, Profile::Elected]] {
        assert!(!Condition::PhysicalGame.met_by(guests, true), "a chair game with {guests:?}");
    }
    assert!(Condition::KnownGroup.met_by(&[Profile::Agents, Profile::Managers], true));
    assert!(Condition::KnownGroup.met_by(&[Profile::Agents], true));
    assert!(!Condition::KnownGroup.met_by(&staff, true), "partners met that morning");
    assert!(!Condition::KnownGroup.met_by(&with_users, true));
    assert!(!Condition::KnownGroup.met_by(&[], true), "an unstated group is not assumed to know itself");
    let needs = |id: &str| catalogue().get(id).unwrap().needs.clone();
    assert_eq!(needs("helping-heuristics"), vec![Condition::PeerRoles]);
    assert_eq!(needs("fishbowl"), vec![Condition::ChosenExposure]);
    assert_eq!(needs("user-experience-fishbowl"), vec![Condition::ChosenExposure]);
    assert_eq!(needs("points-communs"), vec![Condition::PhysicalGame, Condition::AskedPurpose]);
    assert_eq!(needs("agreement-certainty-matrix"), vec![Condition::AbstractFrame]);
    assert_eq!(needs("codeveloppement"), vec![Condition::Peers]);
    // A trio where an agent brings a difficulty to two colleagues, one of them their manager,
    // is no peer help (the seminar of a sub-directorate).
    assert_eq!(needs("troika-consulting"), vec![Condition::Peers]);
    let seminar = [Profile::Managers, Profile::Agents];
    assert!(!Condition::Peers.met_by(&seminar, true), "agents consulting their own managers");
    assert!(Condition::Peers.met_by(&[Profile::Managers], true));
    assert!(Condition::Peers.met_by(&staff, true));
    assert!(!Condition::Peers.met_by(&with_users, true));
    assert_eq!(needs("heard-seen-respected"), vec![Condition::KnownGroup]);
}

#[test]
fn a_team_that_must_settle_between_known_scenarios_weighs_them_instead_of_inventing_more() {
    let request = request("tests/data/requests/reunion-45-trancher.yaml");
    for seed in 1..=3 {
        let plan = Planner::new(catalogue()).seed(seed).plan(&request).unwrap();
        let methods: Vec<&str> =
            plan.agenda.method_slots().map(|slot| slot.method.as_ref().unwrap().as_str()).collect();
        assert!(methods.contains(&"grille-de-decision"), "seed {seed}: {methods:?}");
        let opens_up = plan
            .agenda
            .method_slots()
            .any(|slot| matches!(slot.phase, Some(Phase::Divergence | Phase::Emergence)));
        assert!(
            !opens_up,
            "seed {seed}: new ideas brainstormed when three scenarios wait to be weighed: {methods:?}"
        );
    }
}

#[test]
fn a_partners_day_never_opens_on_stories_of_disrespect() {
    let request = request("tests/data/requests/plan-action-partenaires.yaml");
    for seed in 1..=3 {
        let plan = Planner::new(catalogue()).seed(seed).plan(&request).unwrap();
        let used =
            plan.agenda.method_slots().any(|slot| slot.method.as_ref().unwrap() == "heard-seen-respected");
        assert!(!used, "seed {seed}: intimate stories asked of 50 agents and partners");
    }
}

#[test]
fn a_fishbowl_with_service_users_asked_for_by_name_is_named_under_c12() {
    let fishbowl = MethodId::new("fishbowl").unwrap();
    let request = Request::builder("Atelier usagers")
        .time("14:00", "16:30")
        .participants(16)
        .profile(Profile::Users)
        .profile(Profile::Agents)
        .objective("share-practices")
        .include(fishbowl.clone())
        .build()
        .unwrap();
    let plan = Planner::new(catalogue()).plan(&request).unwrap();
    assert!(plan.agenda.method_slots().any(|slot| slot.method.as_ref() == Some(&fishbowl)));
    let point = plan.craft.points.iter().find(|p| p.rule == CraftRule::C12).expect("C12 named");
    assert!(point.text(Lang::Fr).contains("choisi de s'exposer"), "{}", point.text(Lang::Fr));
}

/// What the published facts (`methods-facts.md`, the Liberating Structures cards) say a
/// method does not do: paradoxes build no vision, 1-2-4-All and min specs rank nothing,
/// STAR looks at a working relationship rather than a programme, the Pro Action Café and
/// What, So What, Now What leave individual next steps rather than a group's plan.
#[test]
fn methods_serve_only_the_objectives_the_published_facts_give_them() {
    let not_for = [
        ("wicked-questions", Objective::Vision),
        ("nine-whys", Objective::Vision),
        ("1-2-4-all", Objective::Prioritize),
        ("min-specs", Objective::Prioritize),
        ("generative-relationships-star", Objective::Review),
        ("pro-action-cafe", Objective::ActionPlan),
        ("what-so-what-now-what", Objective::ActionPlan),
        ("arbre-a-problemes", Objective::ActionPlan),
        ("heard-seen-respected", Objective::UserParticipation),
    ];
    for (id, objective) in not_for {
        assert!(
            !catalogue().get(id).unwrap().objectives.contains(&objective),
            "{id} does not serve {objective}"
        );
    }
    assert_eq!(catalogue().get("la-une-du-magazine").unwrap().objectives.first(), Some(&Objective::Vision));
}

/// A plan of action is the group's (who does what, by when): every method that serves it
/// leaves actions, except a main event that brings its own sequences (the forum ouvert,
/// whose action groups are planned by the methods after it).
#[test]
fn every_method_serving_an_action_plan_leaves_actions() {
    for method in catalogue().iter() {
        if method.objectives.contains(&Objective::ActionPlan) && !method.opens_itself {
            assert!(method.gives.contains(&Product::Actions), "{} serves action-plan", method.id);
        }
    }
}

#[test]
fn a_vision_for_sixty_is_built_by_a_method_made_for_it() {
    let request = request("tests/data/requests/seminaire-rentree.yaml");
    for seed in 1..=3 {
        let plan = Planner::new(catalogue()).seed(seed).plan(&request).unwrap();
        for slot in plan.agenda.method_slots().filter(|slot| slot.objectives.contains(&Objective::Vision)) {
            let method = catalogue().get(slot.method.as_ref().unwrap().as_str()).unwrap();
            assert_eq!(method.objectives.first(), Some(&Objective::Vision), "seed {seed}: {}", method.id);
        }
    }
}

/// Every profile the vocabulary knows, one by one and all together.
fn groups_of_profiles() -> Vec<Vec<Profile>> {
    let all = [Profile::Agents, Profile::Managers, Profile::Partners, Profile::Users, Profile::Elected];
    let mut groups: Vec<Vec<Profile>> = all.iter().map(|profile| vec![*profile]).collect();
    groups.push(all.to_vec());
    groups.push(Vec::new());
    groups
}

fn planned_ids(request: &Request, seeds: std::ops::RangeInclusive<u64>) -> Vec<String> {
    let mut ids = Vec::new();
    for seed in seeds {
        let plan = Planner::new(catalogue()).seed(seed).plan(request).unwrap();
        ids.extend(
            plan.agenda.method_slots().filter_map(|slot| slot.method.as_ref()).map(|id| id.to_string()),
        );
    }
    ids
}

#[test]
fn a_forum_ouvert_or_a_forum_theatre_is_planned_only_where_the_request_names_it() {
    // Both are agreed with the project lead before the day: a scene rehearsed with actors,
    // an agenda handed to the participants. Naming the method is that agreement.
    for id in ["forum-ouvert", "theatre-forum"] {
        let method = catalogue().get(id).unwrap();
        assert_eq!(method.needs, [Condition::AgreedBeforehand], "{id}");
        for profiles in groups_of_profiles() {
            let objectives = &method.objectives;
            assert!(!method.unmet_needs(&profiles, objectives, false).is_empty(), "{id} {profiles:?}");
            assert!(method.unmet_needs(&profiles, objectives, true).is_empty(), "{id} {profiles:?}");
        }
    }
    let partners = request("tests/data/requests/plan-action-partenaires.yaml");
    assert!(!planned_ids(&partners, 0..=3).iter().any(|id| id == "forum-ouvert"));
    let named = request("tests/data/requests/forum-ouvert-nomme.yaml");
    assert!(named.include.is_empty(), "named by its title only");
    let plan = Planner::new(catalogue()).plan(&named).unwrap();
    assert!(
        plan.agenda.method_slots().any(|slot| slot.method.as_ref().is_some_and(|id| id == "forum-ouvert"))
    );
    assert!(!plan.craft.points.iter().any(|point| point.rule == CraftRule::C12), "{:?}", plan.craft.points);
}

#[test]
fn the_porteur_de_parole_is_planned_only_where_the_request_names_it() {
    // It is made to stop passers-by in a hall or a market (Les Lézards Politiques,
    // sanstransition.org): no group of participants brings them.
    for profiles in groups_of_profiles() {
        assert!(!Condition::PassersBy.met_by(&profiles, true), "{profiles:?}");
    }
    let workshop = request("tests/data/requests/usagers-atelier.yaml");
    assert!(!planned_ids(&workshop, 0..=5).iter().any(|id| id == "porteur-de-parole"));
    let mut named = workshop.clone();
    named.include.push(MethodId::new("porteur-de-parole").unwrap());
    let plan = Planner::new(catalogue()).plan(&named).unwrap();
    let issue = CraftIssue::UnmetCondition {
        id: MethodId::new("porteur-de-parole").unwrap(),
        condition: Condition::PassersBy,
    };
    assert!(plan.craft.points.iter().any(|point| point.rule == CraftRule::C12 && point.issue == issue));
}

#[test]
fn the_emotion_wheel_is_not_proposed_to_a_room_of_managers() {
    assert!(!Condition::FeelingsWelcome.met_by(&[Profile::Managers], false));
    assert!(!Condition::FeelingsWelcome.met_by(&[Profile::Managers, Profile::Elected], false));
    assert!(Condition::FeelingsWelcome.met_by(&[Profile::Managers, Profile::Agents], true));
    assert!(Condition::FeelingsWelcome.met_by(&[], true));
    let managers = request("examples/requests/irritants-semaine-management.yaml");
    assert_eq!(managers.profiles, [Profile::Managers]);
    assert!(!planned_ids(&managers, 0..=5).iter().any(|id| id == "roue-des-emotions"));
}

#[test]
fn the_emotion_wheel_opens_only_a_session_that_asks_for_what_it_serves() {
    // Agents and their managers harmonising a procedure and deciding: no wheel of fear and
    // disgust before the hierarchy; the same team building trust may start with it.
    let team = [Profile::Agents, Profile::Managers];
    assert!(!Condition::FeelingsWelcome.met_by(&team, false));
    assert!(Condition::FeelingsWelcome.met_by(&team, true));
    let mut procedure = request("tests/data/requests/harmoniser-journee.yaml");
    procedure.profiles = team.to_vec();
    assert!(!planned_ids(&procedure, 0..=5).iter().any(|id| id == "roue-des-emotions"));
}

#[test]
fn the_emotion_wheel_is_not_proposed_to_partners_come_to_work_together() {
    assert!(!Condition::FeelingsWelcome.met_by(&[Profile::Agents, Profile::Partners], false));
    let partners = request("tests/data/requests/plan-action-partenaires.yaml");
    assert!(partners.profiles.contains(&Profile::Partners));
    assert!(!planned_ids(&partners, 0..=5).iter().any(|id| id == "roue-des-emotions"));
}

#[test]
fn the_emotion_wheel_is_not_proposed_to_service_users_among_professionals() {
    let forum = [Profile::Agents, Profile::Partners, Profile::Users];
    assert!(!Condition::FeelingsWelcome.met_by(&forum, false));
    assert!(!Condition::FeelingsWelcome.met_by(&[Profile::Users, Profile::Agents], false));
    assert!(Condition::FeelingsWelcome.met_by(&[Profile::Users], true), "residents among themselves");
    let rsa = request("examples/requests/forum-rsa.yaml");
    assert!(!planned_ids(&rsa, 0..=5).iter().any(|id| id == "roue-des-emotions"));
}

#[test]
fn lean_coffee_and_drawing_together_serve_what_they_are_made_for() {
    // Lean Coffee orders a discussion's topics (leancoffee.org): it ranks no list of
    // improvements. Drawing Together reveals what words miss (liberatingstructures.fr): it
    // is no way to collect ideas for a service.
    let lean = catalogue().get("lean-coffee").unwrap();
    assert!(!lean.objectives.contains(&Objective::Prioritize) && !lean.gives.contains(&Product::Priorities));
    assert!(!lean.phases.contains(&Phase::Convergence));
    let drawing = catalogue().get("drawing-together").unwrap();
    assert!(!drawing.objectives.contains(&Objective::GenerateIdeas));
    let users = request("tests/data/requests/usagers-atelier.yaml");
    for seed in 0..=5 {
        let plan = Planner::new(catalogue()).seed(seed).plan(&users).unwrap();
        for slot in plan.agenda.method_slots() {
            let id = slot.method.as_ref().unwrap().as_str();
            let serves = |objective| slot.objectives.contains(&objective);
            assert!(!(id == "lean-coffee" && serves(Objective::Prioritize)), "seed {seed}");
            assert!(!(id == "drawing-together" && serves(Objective::GenerateIdeas)), "seed {seed}");
        }
    }
}

#[test]
fn methods_go_by_the_names_french_facilitators_use_and_answer_to_the_old_ones() {
    for (id, name, old) in [
        ("lean-coffee", "Lean Coffee", "Café Lean"),
        ("impromptu-networking", "Réseautage impromptu", "Mise en réseau improvisée"),
        ("drawing-together", "Dessiner ensemble", "Dessinons ensemble"),
    ] {
        let method = catalogue().get(id).unwrap();
        assert_eq!(method.name.fr, name);
        let request = Request::builder(format!("{old} avec l'équipe"))
            .time("14:00", "16:00")
            .participants(12)
            .objective("share-practices")
            .build()
            .unwrap();
        assert!(facilitation::analysis::names(&request, method), "{old}");
    }
}

#[test]
fn everyone_speaks_in_a_round_of_commitments_of_twenty_five_and_twelve_speak_in_a_bigger_group() {
    // Twelve voices leave the shortest closing two minutes to say, with service users, what
    // the institution will do with what they said.
    let round = catalogue().get("tour-engagements").unwrap();
    let share = round.steps.iter().find(|step| step.shape == Shape::Share).unwrap();
    assert_eq!(share.sharing(10), (10, 10));
    assert_eq!(share.sharing(25), (25, 25));
    assert_eq!(share.sharing(40).1, 12);
    // Everyone's twenty seconds fit the method's shortest run at 10.
    assert!(round.minutes_for(10).min >= share.minutes + share.share_minutes(10));
}

#[test]
fn share_outs_of_the_reviewed_sequences_grow_with_the_groups() {
    // Each of these steps heard every group in a fixed time: 15 groups in 10 minutes, 9
    // topics announced by 90 people, 5 presentations of two minutes in 5 minutes.
    for (id, small, large) in [
        ("appreciative-interviews", 8, 60),
        ("la-une-du-magazine", 10, 60),
        ("plan-action-qqoqcp", 16, 90),
        ("forum-ouvert", 20, 90),
        ("enquete-appreciative", 12, 60),
        ("arbre-a-problemes", 10, 30),
        ("diagramme-causes-effets", 10, 30),
        ("carte-empathie", 10, 30),
    ] {
        let method = catalogue().get(id).unwrap();
        let share = method.steps.iter().find(|step| step.shape == Shape::Share).unwrap();
        assert!(share.share_minutes(large) > share.share_minutes(small), "{id}");
        assert!(method.minutes_for(large).min > method.minutes_for(small).min, "{id}");
    }
    let forum = catalogue().get("forum-ouvert").unwrap();
    let market = forum.steps.iter().find(|step| step.shape == Shape::Share).unwrap();
    assert!((20..=30).contains(&market.sharing(90).1), "topics at 90: {:?}", market.sharing(90));
}

#[test]
fn a_crowded_share_out_hears_fewer_groups_than_there_are() {
    // « Les 8 grilles… chacun en visite au moins 8 autres » cannot be done: when the
    // groups are too many to hear, only some of them share.
    for method in catalogue().iter() {
        let remote = method.remote.iter().flat_map(|remote| remote.steps.iter());
        for step in method.steps.iter().chain(remote) {
            if step.shape != Shape::Share || step.crowded.is_none() {
                continue;
            }
            let sizes = method.participants.min..=method.participants.max.min(400);
            for n in sizes {
                let (groups, sharing) = step.sharing(n);
                if groups > rules::SHARE_ROUND_MOST {
                    assert!(sharing < groups, "{} at {n}: {sharing} of {groups} groups", method.id);
                }
            }
        }
    }
}

#[test]
fn a_full_day_turns_its_vision_into_options_with_a_sequence_of_its_size_before_the_vote() {
    // Eight hours for trust, a vision, priorities and a plan: the afternoon draws the
    // workstreams out of the vision (a World Café), not a twenty-minute role play on
    // another subject.
    let request = request("tests/data/requests/seminaire-rentree.yaml");
    for seed in 1..=3 {
        let plan = Planner::new(catalogue()).seed(seed).plan(&request).unwrap();
        let content: Vec<(&Method, u32)> = plan
            .agenda
            .method_slots()
            .filter(|slot| slot.phase.is_some_and(|p| !p.frames()))
            .map(|slot| (catalogue().get(slot.method.as_ref().unwrap().as_str()).unwrap(), slot.minutes))
            .collect();
        let at = |product: Product| content.iter().position(|(m, _)| m.gives.contains(&product));
        let (vision, vote) = (at(Product::Vision).unwrap(), at(Product::Priorities).unwrap());
        let between = &content[vision + 1..vote];
        assert!(!between.is_empty(), "seed {seed}: the vision is built on before the vote");
        let minutes: u32 = between.iter().map(|(_, minutes)| minutes).sum();
        assert!(minutes >= 45, "seed {seed}: {minutes} minutes to turn a vision into options");
        assert!(between.iter().all(|(m, _)| m.id != "improv-prototyping"), "seed {seed}");
    }
}

#[test]
fn a_plan_of_action_is_built_together_not_from_each_ones_first_step() {
    // 15 % Solutions asks each person what they can do alone from tomorrow: a good
    // complement to a plan, never the plan of action of a sub-directorate (who does what,
    // with whom, by when).
    let request = request("tests/data/requests/seminaire-rentree.yaml");
    for seed in 1..=3 {
        let plan = Planner::new(catalogue()).seed(seed).plan(&request).unwrap();
        let planned: Vec<&str> = plan
            .agenda
            .method_slots()
            .filter(|slot| slot.objectives.contains(&Objective::ActionPlan))
            .filter_map(|slot| slot.method.as_ref().map(MethodId::as_str))
            .collect();
        assert!(!planned.is_empty(), "seed {seed}: the plan of action is planned");
        assert!(!planned.contains(&"15-percent-solutions"), "seed {seed}: {planned:?}");
    }
}

#[test]
fn c13_notices_a_review_after_the_group_looked_ahead_unless_it_chooses_among_what_was_drawn() {
    // The RSA forum: a review, then perspectives with the partners.
    let request = request("examples/requests/forum-rsa.yaml");
    let goes_back = |methods: &[(&str, Phase)]| {
        let agenda = agenda_of(&request, methods);
        let issues = c13(&agenda, &request);
        let back = issues.into_iter().find_map(|issue| match issue {
            CraftIssue::GoesBack { id, ahead } => Some((id.to_string(), ahead.to_string())),
            _ => None,
        });
        let feeds = score::score(&agenda, &agenda.objectives, request.with_users(), catalogue()).feeds;
        (back, feeds)
    };
    let (back, feeds) = goes_back(&[
        ("meteo", Phase::Opening),
        ("la-une-du-magazine", Phase::Emergence),
        ("what-so-what-now-what", Phase::Emergence),
    ]);
    let expected = ("what-so-what-now-what".to_string(), "la-une-du-magazine".to_string());
    assert_eq!(back, Some(expected), "the review after the front pages");
    assert!(feeds < 1.0, "the score counts it too: {feeds}");
    // A World Café that reviews the year with the partners it brings together still looks
    // back: serving the network too does not make the review a sequel of the front pages.
    let (back, feeds) = goes_back(&[
        ("meteo", Phase::Opening),
        ("la-une-du-magazine", Phase::Emergence),
        ("world-cafe", Phase::Emergence),
    ]);
    let expected = ("world-cafe".to_string(), "la-une-du-magazine".to_string());
    assert_eq!(back, Some(expected), "the café's review after the front pages");
    assert!(feeds < 1.0, "the score counts it too: {feeds}");
    // The review first, then the vision: the order a facilitator runs.
    let (back, _) = goes_back(&[
        ("meteo", Phase::Opening),
        ("frise-chronologique", Phase::Divergence),
        ("la-une-du-magazine", Phase::Emergence),
    ]);
    assert_eq!(back, None);
    // A gallery that visits the front pages just drawn chooses among them: no look back.
    let (back, feeds) = goes_back(&[
        ("meteo", Phase::Opening),
        ("la-une-du-magazine", Phase::Emergence),
        ("gallery-walk", Phase::Convergence),
    ]);
    assert_eq!((back, feeds), (None, 1.0));
}

#[test]
fn the_rsa_forum_reviews_the_year_before_it_draws_the_next_on_every_seed() {
    // The sample the README runs: 3 hours with one pause, where the vision method fits
    // before the World Café as well as after it; the review comes first all the same.
    let request = request("examples/requests/forum-rsa.yaml");
    for seed in 0..4 {
        let plan = Planner::new(catalogue()).seed(seed).plan(&request).unwrap();
        let first = |objective: Objective| {
            plan.agenda.slots.iter().position(|slot| slot.objectives.contains(&objective)).unwrap()
        };
        assert!(first(Objective::Review) < first(Objective::Vision), "seed {seed}");
    }
}

#[test]
fn c13_counts_an_opening_that_asks_what_makes_the_team_want_to_go_on_before_its_review() {
    // After a difficult year: the team names what weighed before it is asked what makes it
    // want to go on. A photolangage of the will to go on, then the year's timeline, goes back.
    let request = request("tests/data/requests/annee-difficile.yaml");
    let agenda =
        agenda_of(&request, &[("photolangage", Phase::Opening), ("frise-chronologique", Phase::Divergence)]);
    let expected = CraftIssue::GoesBack {
        id: MethodId::new("frise-chronologique").unwrap(),
        ahead: MethodId::new("photolangage").unwrap(),
    };
    assert_eq!(c13(&agenda, &request), [expected]);
    // The review first, then the will to go on: the order a facilitator runs.
    let agenda =
        agenda_of(&request, &[("meteo", Phase::Opening), ("frise-chronologique", Phase::Divergence)]);
    assert_eq!(c13(&agenda, &request), []);
}

#[test]
fn the_agreement_certainty_matrix_sorts_difficulties_not_the_ideas_of_the_six_hats() {
    // The prevention plan: its hats leave options, which the matrix of difficulties does not
    // sort (a facilitator chooses among them instead); after named irritants it is fed.
    let request = request("tests/data/requests/hybride-plan-action.yaml");
    let hats = agenda_of(
        &request,
        &[("six-chapeaux", Phase::Divergence), ("agreement-certainty-matrix", Phase::Convergence)],
    );
    let unfed = |issue: &CraftIssue| matches!(issue, CraftIssue::Unfed { id, .. } if id == "agreement-certainty-matrix");
    assert!(c13(&hats, &request).iter().any(unfed), "{:?}", c13(&hats, &request));
    let irritants = agenda_of(
        &request,
        &[("speed-boat", Phase::Divergence), ("agreement-certainty-matrix", Phase::Convergence)],
    );
    assert!(!c13(&irritants, &request).iter().any(unfed), "{:?}", c13(&irritants, &request));
}

#[test]
fn kiceki_asks_no_service_user_to_write_facts_about_themselves_before_their_referents() {
    let kiceki = catalogue().get("kiceki").unwrap();
    let objectives = [Objective::BuildTrust];
    let with_users = [Profile::Users, Profile::Agents, Profile::Partners];
    assert_eq!(kiceki.unmet_needs(&with_users, &objectives, false), [Condition::SelfDisclosure]);
    assert!(kiceki.unmet_needs(&[Profile::Agents, Profile::Partners], &objectives, false).is_empty());
}

/// The SPDA day in two arcs: the stands and the minimum specifications settle the common
/// practices, then the front pages and 25/10 draw new ideas before the plan of action.
const TWO_SUBJECTS: [(&str, Phase); 6] = [
    ("meteo", Phase::Opening),
    ("shift-and-share", Phase::Divergence),
    ("min-specs", Phase::Convergence),
    ("la-une-du-magazine", Phase::Divergence),
    ("25-10-crowd-sourcing", Phase::Convergence),
    ("plan-action-qqoqcp", Phase::Action),
];

/// The launch of the SPDA asked for a vision too: its afternoon then opens on the front
/// pages (La Une draws a vision, not ideas).
fn launch_with_vision() -> Request {
    let mut launch = request("examples/requests/spda-lancement.yaml");
    launch.objectives.insert(1, "vision".to_string());
    launch
}

#[test]
fn a_day_that_settles_one_subject_may_open_another_after_it_but_not_after_its_priorities() {
    // The morning settles the common practices; the afternoon's front pages start an arc of
    // their own, not a step back up the morning's thread.
    let request = launch_with_vision();
    let settled = &TWO_SUBJECTS[..5];
    assert!(c13(&agenda_of(&request, settled), &request).is_empty());
    // Priorities conclude the whole day: front pages after them go back up the thread.
    let request = self::request("tests/data/requests/seminaire-rentree.yaml");
    let ranked = [
        ("impromptu-networking", Phase::Opening),
        ("1-2-4-all", Phase::Divergence),
        ("vote-par-gommettes", Phase::Convergence),
        ("la-une-du-magazine", Phase::Divergence),
    ];
    let issues = c13(&agenda_of(&request, &ranked), &request);
    assert!(
        matches!(&issues[..], [CraftIssue::SameJob { id, .. }] if id == "la-une-du-magazine"),
        "{issues:?}"
    );
}

#[test]
fn the_new_subject_of_an_afternoon_is_read_where_it_begins_and_only_there() {
    let request = launch_with_vision();
    let two_arcs = TWO_SUBJECTS;
    let agenda = agenda_of(&request, &two_arcs);
    let starts = score::new_subjects(&agenda, catalogue());
    let la_une = agenda.method_slots().find(|s| s.method.as_ref().unwrap() == "la-une-du-magazine").unwrap();
    assert_eq!(starts, vec![la_une.start]);
    // Without the convergence of the morning, the front pages open a second subject in the
    // same arc.
    let unsettled = [two_arcs[0], two_arcs[1], two_arcs[3], two_arcs[4], two_arcs[5]];
    assert!(score::new_subjects(&agenda_of(&request, &unsettled), catalogue()).is_empty());
}

#[test]
fn a_convergence_on_a_subject_right_after_another_subjects_work_breaks_the_thread() {
    // The gallery that should settle the practices the stands showed visits the front
    // pages just drawn for another question: the score's thread counts it broken.
    let request = launch_with_vision();
    let feeds = |methods: &[(&str, Phase)]| {
        let agenda = agenda_of(&request, methods);
        score::score(&agenda, &agenda.objectives, false, catalogue()).feeds
    };
    let opening = ("meteo", Phase::Opening);
    let (stands, pages) = (("shift-and-share", Phase::Divergence), ("la-une-du-magazine", Phase::Divergence));
    let gallery = ("gallery-walk", Phase::Convergence);
    // Three content sequences, one break: the gallery's.
    let crossed = feeds(&[opening, stands, pages, gallery]);
    assert!((crossed - 2.0 / 3.0).abs() < 1e-9, "{crossed}");
    // When nothing opened the practices before, the gallery works on the front pages alone.
    assert_eq!(feeds(&[opening, pages, gallery]), 1.0);
}

#[test]
fn a_team_asked_what_each_needs_from_the_others_agrees_on_it_rather_than_consults_in_trios() {
    // « De quoi avez-vous besoin des autres membres de l'équipe… » is settled by working
    // agreements (or another method where the group agrees how it works), never left to
    // a Troïka consultation.
    let request = request("examples/requests/equipe-a-distance.yaml");
    for seed in 0..=3 {
        let plan = Planner::new(catalogue()).seed(seed).plan(&request).unwrap();
        let trust = plan
            .agenda
            .method_slots()
            .filter(|slot| slot.phase.is_some_and(|phase| !phase.frames()))
            .find(|slot| slot.objectives.contains(&facilitation::Objective::BuildTrust))
            .expect("a content sequence for the team's needs");
        let method = catalogue().get(trust.method.as_ref().unwrap().as_str()).unwrap();
        assert!(method.gives.contains(&facilitation::Product::Decisions), "seed {seed}: {}", method.id);
    }
}

#[test]
fn a_mixer_runs_when_the_session_asks_what_it_is_for_or_names_it() {
    // A team back from a difficult year first says how it arrives: it is not sent to find
    // someone it rarely talks to, nor to a chair game, when it asked for neither trust,
    // partners nor practices.
    use facilitation::Objective as O;
    let team = [Profile::Agents, Profile::Managers];
    let year = [O::Review, O::Remobilize, O::ActionPlan];
    for id in ["impromptu-networking", "kiceki", "points-communs"] {
        let method = Catalogue::builtin().get(id).unwrap();
        assert!(method.unmet_needs(&team, &year, false).contains(&Condition::AskedPurpose), "{id}");
        assert!(method.unmet_needs(&team, &year, true).is_empty(), "{id} named by the request");
        assert!(method.unmet_needs(&team, &[O::BuildTrust, O::ActionPlan], false).is_empty(), "{id}");
    }
    let check_in = Catalogue::builtin().get("meteo").unwrap();
    assert!(check_in.unmet_needs(&team, &year, false).is_empty());
}
