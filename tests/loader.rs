//! Every rule of DESIGN.md "Rules, checked when a catalogue loads" has a test here that
//! fails when the rule is removed.

use facilitation::{Catalogue, LoadError, Localize, Problem, ProblemKind};

const VALID: &str = r#"id: tour-rapide
name: {fr: "Tour rapide", en: "Quick round"}
summary: {fr: "Chacun dit un mot.", en: "Everyone says a word."}
phases: [opening, closing]
objectives: [build-trust, feedback]
participants: {min: 2, max: 30}
duration: {min: 5, typical: 10, max: 20, per_participant: 0.5}
facilitators: {min: 1, per: 15}
formats: [onsite, remote]
energy: low
level: beginner
setup: {fr: "En cercle.", en: "In a circle."}
materials:
  - {fr: "Un objet de parole", en: "A talking piece"}
steps:
  - minutes: 2
    text: {fr: "Vous posez la question.", en: "You ask the question."}
  - minutes: 8
    text: {fr: "Chacun répond.", en: "Everyone answers."}
sources: ["Pratique du réseau"]
"#;

fn load(file: &str, source: &str) -> Result<Catalogue, LoadError> {
    Catalogue::from_files([(file, source)])
}

fn problems(file: &str, source: &str) -> Vec<Problem> {
    match load(file, source) {
        Ok(_) => panic!("{file} should have been refused"),
        Err(error) => error.problems().to_vec(),
    }
}

fn only_problem(source: &str) -> Problem {
    let found = problems("methods/tour-rapide.yaml", source);
    assert_eq!(found.len(), 1, "expected one problem, got {found:#?}");
    found.into_iter().next().unwrap()
}

#[test]
fn accepts_a_valid_method_file() {
    let catalogue = load("methods/tour-rapide.yaml", VALID).expect("valid file");
    let method = catalogue.get("tour-rapide").unwrap();
    assert_eq!(method.minutes_for(20).min, 15);
    assert_eq!(method.facilitators_for(30), 2);
}

#[test]
fn rejects_min_duration_above_typical() {
    let problem = only_problem(&VALID.replace("min: 5, typical: 10", "min: 12, typical: 10"));
    assert_eq!(problem.field, "duration");
    assert!(matches!(problem.kind, ProblemKind::DurationOrder { min: 12, typical: 10, max: 20 }));
    assert_eq!(problem.location.map(|at| at.line), Some(7));
}

#[test]
fn rejects_typical_duration_above_max() {
    let source = VALID.replace("typical: 10, max: 20", "typical: 10, max: 9");
    assert!(matches!(only_problem(&source).kind, ProblemKind::DurationOrder { .. }));
}

#[test]
fn rejects_zero_minimum_duration() {
    assert!(matches!(
        only_problem(&VALID.replace("min: 5,", "min: 0,")).kind,
        ProblemKind::DurationOrder { .. }
    ));
}

#[test]
fn rejects_negative_minutes_per_participant() {
    let problem = only_problem(&VALID.replace("per_participant: 0.5", "per_participant: -1"));
    assert_eq!(problem.field, "duration.per_participant");
}

#[test]
fn rejects_participants_min_above_max() {
    let problem = only_problem(&VALID.replace("{min: 2, max: 30}", "{min: 40, max: 30}"));
    assert!(matches!(problem.kind, ProblemKind::ParticipantsOrder { min: 40, max: 30 }));
}

#[test]
fn rejects_zero_participants() {
    let problem = only_problem(&VALID.replace("{min: 2, max: 30}", "{min: 0, max: 30}"));
    assert_eq!(problem.field, "participants.min");
}

#[test]
fn rejects_steps_that_do_not_add_up_to_the_typical_duration() {
    let problem = only_problem(&VALID.replace("minutes: 8", "minutes: 7"));
    assert!(matches!(problem.kind, ProblemKind::StepsSum { sum: 9, typical: 10 }));
}

#[test]
fn rejects_a_zero_minute_step() {
    let source = VALID.replace("minutes: 2", "minutes: 0").replace("minutes: 8", "minutes: 10");
    assert_eq!(only_problem(&source).field, "steps[0].minutes");
}

#[test]
fn rejects_an_unknown_field_and_names_it() {
    let problem = only_problem(&VALID.replace("energy: low", "energy: low\nenergie: basse"));
    assert!(matches!(&problem.kind, ProblemKind::UnknownField { field, .. } if field == "energie"));
    assert!(problem.to_string().contains("energie"));
    assert_eq!(problem.location.map(|at| at.line), Some(11));
}

#[test]
fn rejects_an_unknown_nested_field() {
    let problem = only_problem(&VALID.replace("per: 15}", "par: 15}"));
    assert_eq!(problem.field, "facilitators.par");
}

#[test]
fn rejects_an_unknown_phase_and_names_the_word() {
    let problem = only_problem(&VALID.replace("[opening, closing]", "[opening, cloture]"));
    assert!(matches!(&problem.kind, ProblemKind::UnknownValue { value, .. } if value == "cloture"));
    assert_eq!(problem.field, "phases[1]");
    assert!(problem.to_string().contains("cloture"));
}

#[test]
fn rejects_an_unknown_objective() {
    let problem = only_problem(&VALID.replace("feedback]", "fun]"));
    assert!(matches!(&problem.kind, ProblemKind::UnknownValue { value, .. } if value == "fun"));
}

#[test]
fn rejects_a_missing_required_field() {
    let problem = only_problem(&VALID.replace("level: beginner\n", ""));
    assert!(matches!(&problem.kind, ProblemKind::MissingField { field } if field == "level"));
}

#[test]
fn rejects_an_id_that_differs_from_the_file_name() {
    let found = problems("methods/tour-lent.yaml", VALID);
    assert!(
        matches!(&found[0].kind, ProblemKind::IdMismatch { id, stem } if id == "tour-rapide" && stem == "tour-lent")
    );
}

#[test]
fn rejects_an_id_that_is_not_kebab_case() {
    let problem = only_problem(&VALID.replace("id: tour-rapide", "id: Tour Rapide"));
    assert!(matches!(problem.kind, ProblemKind::InvalidId { .. }));
}

#[test]
fn rejects_duplicate_ids_across_files() {
    let error =
        Catalogue::from_files([("a/tour-rapide.yaml", VALID), ("b/tour-rapide.yaml", VALID)]).unwrap_err();
    let found = error.problems();
    assert_eq!(found.len(), 1);
    assert!(
        matches!(&found[0].kind, ProblemKind::DuplicateId { other_file, .. } if other_file == "a/tour-rapide.yaml")
    );
}

#[test]
fn rejects_empty_phases_objectives_and_formats() {
    let source = VALID
        .replace("[opening, closing]", "[]")
        .replace("[build-trust, feedback]", "[]")
        .replace("[onsite, remote]", "[]");
    let fields: Vec<String> =
        problems("methods/tour-rapide.yaml", &source).into_iter().map(|p| p.field).collect();
    assert_eq!(fields, ["phases", "objectives", "formats"]);
}

#[test]
fn rejects_a_repeated_phase() {
    let problem = only_problem(&VALID.replace("[opening, closing]", "[opening, opening]"));
    assert!(matches!(problem.kind, ProblemKind::RepeatedValue { .. }));
}

#[test]
fn rejects_zero_facilitators_per_group() {
    assert_eq!(only_problem(&VALID.replace("per: 15", "per: 0")).field, "facilitators.per");
}

#[test]
fn rejects_a_blank_french_text() {
    assert_eq!(only_problem(&VALID.replace("fr: \"Tour rapide\"", "fr: \"  \"")).field, "name.fr");
}

#[test]
fn rejects_a_material_with_both_quantities() {
    let source = VALID.replace("en: \"A talking piece\"}", "en: \"A talking piece\", per: 5, count: 2}");
    assert!(matches!(only_problem(&source).kind, ProblemKind::TwoQuantities));
}

#[test]
fn rejects_a_file_larger_than_the_limit() {
    let big = format!("{VALID}# {}\n", "x".repeat(facilitation::MAX_FILE_BYTES as usize));
    assert!(matches!(only_problem(&big).kind, ProblemKind::TooLarge { .. }));
}

#[test]
fn reports_a_yaml_syntax_error_with_its_line() {
    let problem = only_problem(&VALID.replace("energy: low", "energy: [low"));
    assert!(problem.location.is_some());
}

#[test]
fn reports_every_problem_of_every_file_at_once() {
    let broken = [
        ("m/a.yaml", VALID.replace("id: tour-rapide", "id: a").replace("min: 5,", "min: 50,")),
        (
            "m/b.yaml",
            VALID.replace("id: tour-rapide", "id: b").replace("energy: low", "energy: low\ncolour: red"),
        ),
        ("m/c.yaml", VALID.to_string()),
        (
            "m/d.yaml",
            VALID.replace("id: tour-rapide", "id: d").replace("[opening, closing]", "[opening, ending]"),
        ),
    ];
    let error = Catalogue::from_files(broken.iter().map(|(f, s)| (*f, s.as_str()))).unwrap_err();
    let message = error.to_string();
    for needle in ["m/a.yaml", "m/b.yaml", "m/c.yaml", "m/d.yaml", "colour", "ending"] {
        assert!(message.contains(needle), "{needle} missing from:\n{message}");
    }
    assert_eq!(error.problems().len(), 4);
}

#[test]
fn a_trainer_folder_replaces_a_builtin_method_with_the_same_id() {
    let dir = std::env::temp_dir().join(format!("facilitation-replace-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let replaced = VALID.replace("id: tour-rapide", "id: roti");
    std::fs::write(dir.join("roti.yaml"), replaced).unwrap();
    let catalogue = Catalogue::builtin_with_dirs(&[&dir]).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(catalogue.len(), Catalogue::builtin().len());
    assert_eq!(catalogue.get("roti").unwrap().name.fr, "Tour rapide");
}

#[test]
fn a_missing_folder_is_an_io_error_naming_it() {
    let error = Catalogue::from_dir("/no/such/folder").unwrap_err();
    assert!(matches!(error, LoadError::Io { .. }));
    assert!(error.to_string().contains("/no/such/folder"));
}

#[test]
fn a_file_that_is_not_utf8_is_refused_by_name() {
    let dir = std::env::temp_dir().join(format!("facilitation-utf8-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("latin1.yaml"), b"id: caf\xe9\n").unwrap();
    let error = Catalogue::from_dir(&dir).unwrap_err();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(matches!(error.problems()[0].kind, ProblemKind::NotText));
    assert!(error.to_string().contains("latin1.yaml"));
}

#[test]
fn rejects_a_misspelt_session_placeholder_in_what_is_said_with_its_line_and_the_words_allowed() {
    let source =
        format!("{VALID}say: {{fr: \"Qu'attendez-vous de {{seance}} ?\", en: \"What do you expect?\"}}\n");
    let problem = only_problem(&source);
    assert_eq!(problem.field, "say.fr");
    assert_eq!(problem.location.map(|at| at.line), Some(21));
    assert_eq!(
        problem.text(facilitation::Lang::Fr),
        "methods/tour-rapide.yaml, ligne 21, colonne 7, champ `say.fr` : `{seance}` n'est pas une valeur connue ; utilisez l'une de : {session}, {scribe}, {heard}, {kept}, {commit}, {settled}, {horizon}"
    );
}

#[test]
fn accepts_the_session_placeholders_in_a_step_and_in_what_is_said() {
    let source = VALID.replace("Chacun répond.", "Chacun répond, noté par {scribe}.")
        + "say: {fr: \"Un mot sur {session}.\", en: \"A word on {session}.\"}\n";
    load("methods/tour-rapide.yaml", &source).expect("session placeholders are known");
}

#[test]
fn rejects_a_figure_placeholder_in_what_is_said_aloud() {
    let source = format!("{VALID}say: {{fr: \"Nous formons {{groups}} groupes.\"}}\n");
    let problem = only_problem(&source);
    assert!(matches!(&problem.kind, ProblemKind::UnknownValue { value, .. } if value == "{groups}"));
}

#[test]
fn rejects_pairs_that_join_into_groups_of_another_size_than_twice_theirs() {
    let step = "  - minutes: 8\n    text: {fr: \"Chacun répond.\", en: \"Everyone answers.\"}\n";
    let joined = VALID.replace(step, &format!("{step}    speakers: 2\n    joins_into: 5\n"));
    let problem = only_problem(&joined);
    assert_eq!(problem.field, "steps[1].joins_into");
    assert_eq!(
        problem.text(facilitation::Lang::Fr),
        "methods/tour-rapide.yaml, ligne 21, colonne 5, champ `steps[1].joins_into` : `5` n'est pas une valeur connue ; utilisez l'une de : 4"
    );
    let alone = VALID.replace(step, &format!("{step}    joins_into: 4\n"));
    assert_eq!(only_problem(&alone).field, "steps[1].speakers");
}
