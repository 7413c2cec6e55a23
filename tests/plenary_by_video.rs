//! Remote sessions without breakout rooms: a method whose `remote.plenary` variant holds
//! the group runs in plenary by video (C6 accepts it, the déroulé shows its plenary
//! steps); above its size, or without that variant, it still needs rooms.

use facilitation::craft;
use facilitation::{Catalogue, Format, Lang, Localize, Planner, ProblemKind, Request, check};
#[path = "support/repo.rs"]
mod repo;

fn held_out() -> Request {
    Request::from_file(repo::file("tests/data/requests/visio-sans-salles.yaml")).unwrap()
}

#[test]
fn a_video_team_meeting_without_rooms_plans_and_keeps_every_craft_rule_with_seeds_1_to_3() {
    let catalogue = Catalogue::builtin();
    let request = held_out();
    for seed in 1..=3 {
        let plan =
            Planner::new(catalogue).seed(seed).plan(&request).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
        assert!(check(&plan.agenda, &request, catalogue).is_valid(), "seed {seed}");
        let report = craft::review(&plan.agenda, &request, catalogue);
        assert!(report.is_clean(), "seed {seed}:\n{}", report.to_text(&plan.agenda, Lang::En));
        let deroule = plan.to_markdown(catalogue, Lang::Fr);
        for rooms in ["en salles", "Salles de sous-groupes", "En petits groupes", "En binômes"] {
            assert!(!deroule.contains(rooms), "seed {seed}: « {rooms} » without rooms:\n{deroule}");
        }
    }
}

#[test]
fn a_method_runs_in_plenary_by_video_up_to_its_size_and_needs_rooms_above() {
    let method = Catalogue::builtin().get("photolangage").unwrap();
    let up_to = method.remote.as_ref().and_then(|r| r.plenary.as_ref()).map(|p| p.up_to).unwrap();
    for format in [Format::Remote, Format::Hybrid] {
        assert!(!craft::lacks_subgroups(method, format, false, up_to), "{format:?}");
        assert!(craft::lacks_subgroups(method, format, false, up_to + 1), "{format:?}");
        assert!(!craft::lacks_subgroups(method, format, true, up_to + 1), "rooms: {format:?}");
    }
    assert!(method.plenary_by_video(Format::Onsite, false, up_to).is_none());
    assert!(method.plenary_by_video(Format::Remote, true, up_to).is_none(), "with rooms, the rooms' steps");
}

#[test]
fn the_deroule_follows_the_plenary_steps_without_rooms_and_the_rooms_steps_with_them() {
    let catalogue = Catalogue::builtin();
    let request = held_out();
    let plenary = Planner::new(catalogue).plan(&request).unwrap();
    let mut with_rooms = request.clone();
    with_rooms.breakout_rooms = true;
    with_rooms.include.push("photolangage".parse().unwrap());
    let rooms = Planner::new(catalogue).plan(&with_rooms).unwrap();
    assert!(!plenary.agenda.breakout_rooms && rooms.agenda.breakout_rooms);
    let (plenary, rooms) = (plenary.to_markdown(catalogue, Lang::Fr), rooms.to_markdown(catalogue, Lang::Fr));
    assert!(plenary.contains("Tour de parole en plénière"), "{plenary}");
    assert!(rooms.contains("Tour de parole en salles de six"), "{rooms}");
}

const METHOD: &str = r#"id: tour-visio
name: {fr: "Tour en visio", en: "Video round"}
summary: {fr: "Chacun parle à son tour.", en: "Everyone speaks in turn."}
phases: [divergence]
objectives: [share-practices]
participants: {min: 4, max: 30}
duration: {min: 20, typical: 30, max: 40, per_participant: 0}
formats: [onsite, remote]
energy: low
level: beginner
groupings: [pairs, plenary]
setup: {fr: "En binômes.", en: "In pairs."}
steps:
  - {minutes: 30, text: {fr: "Les binômes échangent.", en: "The pairs talk."}}
sources: ["Pratique du réseau"]
remote:
  setup: {fr: "Salles de deux.", en: "Rooms of two."}
  plenary:
    up_to: 12
    groupings: [alone, plenary]
    setup: {fr: "Tout le monde dans la même réunion.", en: "Everyone in the same meeting."}
    steps:
      - {minutes: 30, text: {fr: "Chacun parle à son tour.", en: "Everyone speaks in turn."}}
"#;

fn only_problem(source: &str) -> facilitation::Problem {
    let error = Catalogue::from_files([("methods/tour-visio.yaml", source)]).unwrap_err();
    assert_eq!(error.problems().len(), 1, "{}", error.text(Lang::En));
    error.problems()[0].clone()
}

#[test]
fn a_valid_plenary_variant_loads() {
    let catalogue = Catalogue::from_files([("methods/tour-visio.yaml", METHOD)]).unwrap();
    let method = catalogue.get("tour-visio").unwrap();
    assert!(!craft::lacks_subgroups(method, Format::Remote, false, 12));
    assert!(craft::lacks_subgroups(method, Format::Remote, false, 13));
}

#[test]
fn a_plenary_size_outside_the_methods_range_is_refused_with_its_line_and_fix() {
    let problem = only_problem(&METHOD.replace("up_to: 12", "up_to: 40"));
    assert_eq!(problem.kind, ProblemKind::PlenarySize { up_to: 40, min: 4, max: 30 });
    assert_eq!(
        problem.text(Lang::Fr),
        "methods/tour-visio.yaml, ligne 19, colonne 5, champ `remote.plenary.up_to` : la variante en plénière vaut jusqu'à 40 participants, hors de la plage de la méthode (4 à 30) ; donnez un nombre entre 4 et 30"
    );
    assert_eq!(
        problem.to_string(),
        "methods/tour-visio.yaml, line 19, column 5, field `remote.plenary.up_to`: the plenary variant holds up to 40 participants, outside the method's range (4 to 30); give a number from 4 to 30"
    );
}

#[test]
fn sub_groups_in_a_plenary_variant_are_refused() {
    let problem = only_problem(&METHOD.replace("groupings: [alone, plenary]", "groupings: [trios, plenary]"));
    assert_eq!(problem.field, "remote.plenary.groupings");
    assert_eq!(
        problem.to_string(),
        "methods/tour-visio.yaml, line 20, column 5, field `remote.plenary.groupings`: `trios` needs breakout rooms, which the plenary variant does not have; keep `alone` and `plenary`"
    );
}

#[test]
fn plenary_steps_must_add_up_to_the_typical_duration() {
    let problem = only_problem(
        &METHOD.replace("{minutes: 30, text: {fr: \"Chacun", "{minutes: 25, text: {fr: \"Chacun"),
    );
    assert_eq!(problem.field, "remote.plenary.steps");
    assert!(matches!(problem.kind, ProblemKind::StepsSum { sum: 25, typical: 30 }));
}

proptest::proptest! {
    /// Without rooms, a built-in method needs sub-groups exactly when its plenary variant
    /// does not hold the group and what it needs by video does; with rooms or on site,
    /// never.
    #[test]
    fn c6_without_rooms_follows_the_plenary_size(index in 0usize..200, participants in 1u32..120) {
        let methods: Vec<_> = Catalogue::builtin().iter().collect();
        let method = methods[index % methods.len()];
        let by_video = method.groupings_for(Format::Remote).iter().any(|g| g.needs_subgroups());
        let plenary = method.remote.as_ref().and_then(|r| r.plenary.as_ref());
        let held = plenary.is_some_and(|p| participants <= p.up_to);
        proptest::prop_assert_eq!(craft::lacks_subgroups(method, Format::Remote, false, participants), by_video && !held);
        proptest::prop_assert!(!craft::lacks_subgroups(method, Format::Remote, true, participants));
        proptest::prop_assert!(!craft::lacks_subgroups(method, Format::Onsite, false, participants));
        if let Some(plenary) = plenary {
            proptest::prop_assert!(plenary.groupings.iter().all(|g| !g.needs_subgroups()));
        }
    }
}
