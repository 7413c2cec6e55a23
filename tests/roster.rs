//! The roster file: read, checked, every problem located and explained in French.

use facilitation::roster::{Roster, RosterProblemKind};
use facilitation::{Lang, Localize};

const SAMPLE: &str = include_str!("../examples/rosters/reseau-2027.yaml");

#[test]
fn the_sample_roster_has_45_facilitators_from_three_promotions() {
    let roster = Roster::from_yaml("reseau-2027.yaml", SAMPLE).expect("the sample roster reads");
    assert_eq!(roster.facilitators.len(), 45);
    let mut promotions: Vec<u32> = roster.facilitators.iter().map(|f| f.promotion).collect();
    promotions.sort_unstable();
    promotions.dedup();
    assert_eq!(promotions, [2023, 2025, 2026]);
    assert!(roster.facilitators.iter().all(|f| f.subdirectorate().is_some()));
}

#[test]
fn every_problem_of_a_roster_is_reported_at_once_with_its_line_and_field() {
    let source = "year: 2027
facilitators:
  - {id: f01, name: Ambre, service: \"Bureau du RSA\", promotion: 2023}
  - {id: f01, name: \" \", service: \"Service des espaces verts\", promotion: 2031,
     days: 6.1, formats: [], unavailable: [2027-02-30]}
";
    let error = Roster::from_yaml("roster.yaml", source).unwrap_err();
    let fields: Vec<&str> = error.problems().iter().map(|p| p.field.as_str()).collect();
    for field in ["id", "name", "service", "promotion", "days", "formats", "unavailable"] {
        assert!(
            fields.contains(&format!("facilitators[1].{field}").as_str()),
            "{field} missing from {fields:?}"
        );
    }
    assert!(error.problems().iter().all(|p| p.location.is_some_and(|at| at.line >= 4)));
    let service =
        error.problems().iter().find(|p| matches!(p.kind, RosterProblemKind::UnknownService { .. }));
    let french = service.expect("unknown service reported").text(Lang::Fr);
    assert!(french.contains("à quelle sous-direction"), "{french}");
    assert!(error.text(Lang::Fr).starts_with("7 problème(s)"), "{}", error.text(Lang::Fr));
}

#[test]
fn a_personal_field_is_refused_so_the_roster_holds_only_what_mobilisation_needs() {
    let source = "year: 2027
facilitators:
  - {id: f01, name: Ambre, service: \"Bureau du RSA\", promotion: 2023, phone: \"0600000000\"}
";
    let error = Roster::from_yaml("roster.yaml", source).unwrap_err();
    assert!(error.problems()[0].field.ends_with("phone"), "{error}");
    assert!(error.text(Lang::Fr).contains("n'est pas un champ connu"), "{:?}", error.problems());
}

#[test]
fn defaults_are_six_days_beginner_on_site() {
    let source =
        "year: 2027\nfacilitators:\n  - {id: f01, name: Ambre, service: autonomie, promotion: 2026}\n";
    let roster = Roster::from_yaml("roster.yaml", source).unwrap();
    let ambre = &roster.facilitators[0];
    assert_eq!((ambre.quota_quarters(), ambre.level.id(), ambre.formats.len()), (24, "beginner", 1));
}
