//! One test per class of bad input of issue 15: each is refused or handled with the right
//! cause, place and French text, and nothing panics (overflow checks are on in tests).

use facilitation::limits::{MAX_ALIASES, MAX_DEPTH};
use facilitation::{
    Agenda, Breach, Catalogue, Lang, Localize, PlanError, PlanOptions, Planner, Problem, ProblemKind,
    Question, Request, check,
};
use std::path::PathBuf;
#[path = "support/repo.rs"]
mod repo;

const MORNING: &str = r#"title: "Atelier test"
start: "09:00"
end: "11:30"
participants: 20
facilitators: 2
objectives: [share-practices, prioritize]
"#;

fn request(yaml: &str) -> Request {
    Request::from_yaml("demande.yaml", yaml).unwrap()
}

/// The only problem of a request that must be refused.
fn refusal(yaml: &str) -> Problem {
    let error = Request::from_yaml("demande.yaml", yaml).unwrap_err();
    assert_eq!(error.problems().len(), 1, "{}", error.text(Lang::Fr));
    error.problems()[0].clone()
}

fn planned(request: &Request) -> Agenda {
    Planner::new(Catalogue::builtin()).plan(request).unwrap().agenda
}

fn breaches(agenda: &Agenda, request: &Request) -> Vec<(u8, Breach)> {
    check(agenda, request, Catalogue::builtin()).violations.into_iter().map(|v| (v.rule, v.breach)).collect()
}

/// A file of the system's temporary folder, unique to this test.
fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("facilitation-limits-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

// 1. Nesting and aliases.

#[test]
fn deep_flow_nesting_is_refused_at_its_place_before_parsing() {
    let problem = refusal(&format!("title: x\nobjectives: {}", "[".repeat(100_000)));
    assert_eq!(problem.kind, ProblemKind::TooDeep { limit: MAX_DEPTH });
    assert_eq!(problem.location.map(|at| at.line), Some(2));
    assert!(problem.text(Lang::Fr).contains("imbriqués sur plus de 128 niveaux"));
}

#[test]
fn deep_json_nesting_in_an_agenda_is_refused() {
    let source = format!("{{\"slots\": {}{}}}", "[".repeat(50_000), "]".repeat(50_000));
    let problem = Agenda::from_yaml("agenda.json", &source).unwrap_err();
    assert_eq!(problem.kind, ProblemKind::TooDeep { limit: MAX_DEPTH });
    assert_eq!(problem.file, "agenda.json");
}

#[test]
fn deep_block_nesting_is_refused() {
    let source = format!("title: x\nobjectives:\n{}x\n", "- ".repeat(MAX_DEPTH + 5));
    assert_eq!(refusal(&source).kind, ProblemKind::TooDeep { limit: MAX_DEPTH });
}

#[test]
fn many_aliases_to_a_long_text_are_refused() {
    let long = "bilan ".repeat(16_000);
    let aliases = vec!["*long"; 10_000].join(", ");
    let source = format!("{MORNING}requester: {{name: &long \"{long}\"}}\nprofiles: [{aliases}]\n");
    let problem = refusal(&source);
    assert!(matches!(problem.kind, ProblemKind::TooManyAliases { limit, .. } if limit < MAX_ALIASES));
    assert!(problem.text(Lang::Fr).contains("recopiez les valeurs"));
}

#[test]
fn an_anchor_on_a_list_is_refused_so_aliases_cannot_multiply() {
    let source = "title: x\nobjectives: &a [review, review]\nexclude: [*a, *a]\n";
    let problem = refusal(source);
    assert_eq!(problem.kind, ProblemKind::AnchorOnCollection);
    assert_eq!(problem.location.map(|at| at.line), Some(2));
}

#[test]
fn a_few_aliases_to_single_values_still_read() {
    let source =
        MORNING.replace("title: \"Atelier test\"", "title: &t \"Atelier test\"\nrequester: {name: *t}");
    let request = request(&source);
    assert_eq!(request.requester.map(|r| r.name).as_deref(), Some("Atelier test"));
}

// 2. One long objective sentence.

#[test]
fn a_long_objective_sentence_is_read_without_failing() {
    let sentence = "partager les pratiques des équipes ".repeat(7_000);
    let source = MORNING.replace("[share-practices, prioritize]", &format!("[\"{sentence}\"]"));
    let request = request(&source);
    assert!(!request.analyse().objectives().is_empty());
}

// 4. Files that are not files.

#[test]
fn a_fifo_is_refused_without_being_opened() {
    let path = temp("tube.yaml");
    let _ = std::fs::remove_file(&path);
    let made = std::process::Command::new("mkfifo").arg(&path).status();
    if !made.is_ok_and(|status| status.success()) {
        return; // no mkfifo on this system: the device test below covers the same branch
    }
    let error = Request::from_file(&path).unwrap_err();
    assert_eq!(error.problems()[0].kind, ProblemKind::NotAFile);
    assert!(error.text(Lang::Fr).contains("n'est pas un fichier ordinaire"));
}

#[test]
fn dev_zero_is_refused_as_not_a_file() {
    let error = Agenda::from_file("/dev/zero").unwrap_err();
    assert!(error.text(Lang::Fr).contains("n'est pas un fichier ordinaire"), "{}", error.text(Lang::Fr));
}

#[test]
fn a_huge_file_is_refused_by_its_size_before_reading() {
    let path = temp("enorme.yaml");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(100 * 1024 * 1024).unwrap(); // sparse: nothing is written
    let error = Request::from_file(&path).unwrap_err();
    assert!(
        matches!(error.problems()[0].kind, ProblemKind::TooLarge { bytes, .. } if bytes == 100 * 1024 * 1024)
    );
    let text = error.text(Lang::Fr);
    assert!(text.contains("la demande") && !text.contains("fiche"), "{text}");
    let _ = std::fs::remove_file(&path);
}

// 5. Integer overflow, one test per place.

#[test]
fn a_huge_team_does_not_wrap_into_a_question_about_too_few_facilitators() {
    let request = request(&MORNING.replace("facilitators: 2", "facilitators: 107374183"));
    let questions = request.analyse().questions(&request, Catalogue::builtin());
    assert!(!questions.iter().any(|q| matches!(q, Question::FewFacilitators { .. })));
}

#[test]
fn a_huge_max_stretch_plans_without_panicking() {
    let request = request(&format!("{MORNING}max_stretch: 4294967295\n"));
    let agenda = planned(&request);
    assert!(breaches(&agenda, &request).is_empty());
}

#[test]
fn huge_slot_minutes_do_not_wrap_the_stretch_sum() {
    let request = request(MORNING);
    let mut agenda = planned(&request);
    for slot in agenda.slots.iter_mut().filter(|slot| slot.is_method()).take(2) {
        slot.minutes = u32::MAX;
    }
    let found = breaches(&agenda, &request);
    assert!(found.iter().any(|(rule, breach)| *rule == 8 && matches!(breach, Breach::Stretch { .. })));
}

#[test]
fn huge_parts_of_a_split_method_do_not_wrap_their_sum() {
    let request = request(&MORNING.replace("participants: 20", "participants: 40"));
    let mut agenda = planned(&request);
    let i = agenda.slots.iter().position(|slot| slot.is_method()).unwrap() + 1;
    let mut part = agenda.slots[i].clone();
    part.method = Some("world-cafe".parse().unwrap());
    part.minutes = u32::MAX;
    agenda.slots[i] = part.clone();
    part.part = Some(2);
    agenda.slots.insert(i + 1, part);
    assert!(breaches(&agenda, &request).iter().any(|(rule, _)| *rule == 4));
}

fn trainer_method(duration: &str) -> Result<Catalogue, facilitation::LoadError> {
    let source = facilitation_roti().replace(
        "duration: {min: 3, typical: 5, max: 10, per_participant: 0}",
        &format!("duration: {duration}"),
    );
    Catalogue::from_files([("methods/roti.yaml", source.as_str())])
}

fn facilitation_roti() -> String {
    std::fs::read_to_string(repo::file("methods/roti.yaml")).unwrap()
}

#[test]
fn a_huge_per_participant_saturates_and_is_refused_at_its_field() {
    let error = trainer_method("{min: 3, typical: 5, max: 10, per_participant: 1e300}").unwrap_err();
    let problem = &error.problems()[0];
    assert_eq!(problem.field, "steps");
    assert!(matches!(problem.kind, ProblemKind::StepsFillLess { .. } | ProblemKind::StepsNeedMore { .. }));
}

#[test]
fn a_huge_max_saturates_and_is_refused_at_the_steps() {
    let error = trainer_method("{min: 3, typical: 5, max: 4294967294, per_participant: 1}").unwrap_err();
    assert!(error.problems().iter().all(|p| !p.text(Lang::Fr).is_empty()));
    assert!(matches!(error.problems()[0].kind, ProblemKind::StepsFillLess { .. }));
}

#[test]
fn extreme_search_options_are_brought_within_range() {
    let request = request(MORNING);
    for (beam_width, alternatives) in [(0, 0), (usize::MAX, 1), (1, usize::MAX)] {
        let mut options = PlanOptions::default();
        options.beam_width = beam_width;
        options.alternatives = alternatives;
        let plan = Planner::new(Catalogue::builtin()).with_options(options).plan(&request);
        if let Ok(plan) = plan {
            assert!(breaches(&plan.agenda, &request).is_empty());
        }
    }
    let mut options = PlanOptions::default();
    options.beam_width = 0;
    assert!(Planner::new(Catalogue::builtin()).with_options(options).plan(&request).is_ok());
}

// 6. Loopholes of the checker.

#[test]
fn zero_minute_lunches_are_not_pauses() {
    let request = request(&format!("{MORNING}max_stretch: 60\n"));
    let mut agenda = planned(&request);
    let at = agenda.slots[2].start;
    let mut lunch = facilitation::Slot::new(facilitation::SlotKind::Lunch, at, at);
    lunch.minutes = 0;
    agenda.slots.retain(|slot| !slot.kind.is_pause());
    agenda.slots.insert(2, lunch.clone());
    agenda.slots.insert(2, lunch);
    let found = breaches(&agenda, &request);
    assert!(
        found.iter().any(|(rule, breach)| *rule == 8 && matches!(breach, Breach::ShortLunch { minutes: 0 }))
    );
}

#[test]
fn a_header_that_disagrees_with_the_request_is_reported() {
    let request = request(MORNING);
    let mut agenda = planned(&request);
    agenda.participants = 5;
    agenda.facilitators = 99;
    agenda.format = facilitation::Format::Remote;
    let found = breaches(&agenda, &request);
    let fields: Vec<&str> = found
        .iter()
        .filter_map(|(_, breach)| match breach {
            Breach::HeaderDiffers { field, .. } => Some(field.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(fields, ["participants", "facilitators", "format"]);
    let text =
        Breach::HeaderDiffers { field: "participants".into(), agenda: "5".into(), request: "20".into() };
    assert!(
        text.text(Lang::Fr).contains("l'en-tête de l'agenda indique `participants: 5` mais la demande 20")
    );
}

#[test]
fn part_zero_is_refused() {
    let request = request(MORNING);
    let mut agenda = planned(&request);
    let i = agenda.slots.iter().position(|slot| slot.is_method()).unwrap();
    agenda.slots[i].part = Some(0);
    assert!(breaches(&agenda, &request).contains(&(10, Breach::BadPart { part: 0 })));
}

// 7. Misleading refusals.

fn refusal_of(start: &str, end_or_duration: &str) -> PlanError {
    let source = MORNING
        .replace("start: \"09:00\"\nend: \"11:30\"", &format!("start: \"{start}\"\n{end_or_duration}"));
    Planner::new(Catalogue::builtin()).plan(&request(&source)).unwrap_err()
}

#[test]
fn a_session_longer_than_a_workshop_day_is_too_long() {
    for (start, end) in [("06:00", "end: \"23:00\""), ("00:00", "end: \"24:00\"")] {
        let error = refusal_of(start, end);
        assert!(matches!(error, PlanError::TooLong { .. }), "{error}");
        assert!(error.text(Lang::Fr).contains("plus longue qu'une journée d'atelier"));
    }
}

#[test]
fn a_one_minute_session_is_too_short_with_the_real_minimum() {
    let error = refusal_of("09:00", "duration: 1");
    let PlanError::TooShort { minutes: 1, needed: Some(needed), .. } = error else { panic!("{error}") };
    assert!(error.text(Lang::Fr).contains(&format!("il faudrait environ {needed} minutes")));
    // The minimum is real: a session of that length plans.
    let enough = MORNING.replace("end: \"11:30\"", &format!("duration: {needed}"));
    assert!(Planner::new(Catalogue::builtin()).plan(&request(&enough)).is_ok());
}

#[test]
fn a_ten_minute_session_is_too_short_not_without_a_method() {
    let source = MORNING
        .replace("end: \"11:30\"", "duration: 10")
        .replace("[share-practices, prioritize]", "[review]");
    let error = Planner::new(Catalogue::builtin()).plan(&request(&source)).unwrap_err();
    assert!(matches!(error, PlanError::TooShort { minutes: 10, .. }), "{error}");
}

#[test]
fn a_session_too_long_for_the_methods_that_fit_says_so() {
    let source = MORNING
        .replace("end: \"11:30\"", "duration: 261")
        // Hybrid without rooms, above the size of every method's plenary variant by video.
        .replace("participants: 20", "participants: 110\nformat: hybrid")
        .replace("[share-practices, prioritize]", "[build-trust]")
        .replace("facilitators: 2", "facilitators: 3\nmax_stretch: 73");
    let error = Planner::new(Catalogue::builtin()).plan(&request(&source)).unwrap_err();
    let PlanError::CannotFill { minutes: 261, most, .. } = error else { panic!("{error}") };
    assert!(most < 261);
    assert!(error.text(Lang::Fr).contains("ne suffisent pas à remplir 261 minutes"));
}

// 8. Wrong places in errors.

#[test]
fn a_byte_order_mark_is_dropped() {
    assert_eq!(request(&format!("\u{feff}{MORNING}")).title, "Atelier test");
}

#[test]
fn a_bad_time_is_reported_at_its_field_and_line() {
    let problem = refusal(&MORNING.replace("end: \"11:30\"", "end: \"25:00\""));
    assert_eq!(problem.kind, ProblemKind::InvalidTime { value: "25:00".into() });
    assert_eq!((problem.field.as_str(), problem.location.map(|at| at.line)), ("end", Some(3)));
    assert!(problem.text(Lang::Fr).contains("`25:00` n'est pas une heure de la journée"));
}

#[test]
fn a_bad_time_in_an_agenda_slot_is_reported_at_that_slot() {
    let request = request(MORNING);
    let yaml = planned(&request).to_yaml();
    let lines: Vec<&str> = yaml.lines().collect();
    let slots = lines.iter().position(|line| *line == "slots:").unwrap();
    let at = slots + lines[slots..].iter().position(|line| line.trim_start().starts_with("end:")).unwrap();
    let mut bad: Vec<String> = lines.iter().map(|line| line.to_string()).collect();
    bad[at] = "  end: \"9h99\"".to_string();
    let bad = bad.join("\n");
    let problem = Agenda::from_yaml("agenda.yaml", &bad).unwrap_err();
    assert!(problem.field.starts_with("slots["), "{}", problem.field);
    let line = bad.lines().position(|line| line.contains("9h99")).unwrap() + 1;
    assert_eq!(problem.location.map(|at| at.line), Some(line));
}

#[test]
fn a_bad_method_id_in_include_is_reported_at_its_entry() {
    let problem = refusal(&format!("{MORNING}include: [World Café]\n"));
    assert_eq!(problem.field, "include[0]");
    assert_eq!(problem.kind, ProblemKind::InvalidId { id: "World Café".into() });
    assert_eq!(problem.location.map(|at| at.line), Some(7));
}

#[test]
fn a_bad_method_id_in_a_slot_is_reported_at_the_slot() {
    let request = request(MORNING);
    let agenda = planned(&request);
    let id = agenda.slots[1].method.clone().unwrap().to_string();
    let bad = agenda.to_yaml().replacen(&format!("method: {id}"), "method: Bad Id", 1);
    let problem = Agenda::from_yaml("agenda.yaml", &bad).unwrap_err();
    assert_eq!(problem.field, "slots[1].method");
}

#[test]
fn json_with_a_surrogate_pair_is_read() {
    let json = r#"{"title": "Atelier \ud83d\ude00", "start": "09:00", "end": "11:30", "participants": 20,
        "facilitators": 2, "objectives": ["share-practices"]}"#;
    assert_eq!(request(json).title, "Atelier 😀");
}

#[test]
fn a_null_title_is_refused() {
    for title in ["null", "~", ""] {
        let problem = refusal(&MORNING.replace("\"Atelier test\"", title));
        assert_eq!((problem.field.as_str(), &problem.kind), ("title", &ProblemKind::NullText));
        assert!(problem.text(Lang::Fr).contains("le texte est vide"));
    }
}

#[test]
fn a_yaml_tag_is_refused() {
    let problem = refusal(&MORNING.replace("participants: 20", "participants: !!str 20"));
    assert_eq!(problem.kind, ProblemKind::Tag { tag: "!!str".into() });
    assert_eq!(problem.location.map(|at| at.line), Some(4));
}

// 9. Output fidelity.

fn hostile_plan() -> facilitation::Plan {
    let title = "Atelier \u{1b}[31m\u{7}\u{0} <img src=x onerror=alert(1)> [x](javascript:alert(1))";
    let request = Request::builder(title)
        .time("09:00", "11:30")
        .participants(20)
        .facilitators(2)
        .objective("share-practices")
        .build()
        .unwrap();
    Planner::new(Catalogue::builtin()).plan(&request).unwrap()
}

#[test]
fn control_characters_never_reach_markdown_or_html() {
    let plan = hostile_plan();
    for text in
        [plan.to_markdown(Catalogue::builtin(), Lang::Fr), plan.to_html(Catalogue::builtin(), Lang::Fr)]
    {
        assert!(!text.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
    }
}

#[test]
fn html_escapes_the_title_element() {
    let html = hostile_plan().to_html(Catalogue::builtin(), Lang::Fr);
    let title = html.split("<title>").nth(1).and_then(|rest| rest.split("</title>").next()).unwrap();
    assert!(!title.contains('<') && title.contains("&lt;img"));
}

#[test]
fn markdown_neutralises_raw_html_and_links_from_the_title() {
    let markdown = hostile_plan().to_markdown(Catalogue::builtin(), Lang::Fr);
    let raw: Vec<&str> = markdown.lines().filter(|line| line.contains("<img")).collect();
    assert!(raw.iter().all(|line| line.contains("\\<img")) && !raw.is_empty(), "{raw:?}");
    assert!(!markdown.contains("[x](javascript") && markdown.contains("\\[x\\](javascript"));
}

#[test]
fn yaml_output_quotes_times_and_ambiguous_words() {
    let request = request(&format!("{}date: 2027-03-18\n", MORNING.replace("\"Atelier test\"", "\"yes\"")));
    let yaml = planned(&request).to_yaml();
    let plain = |line: &str| {
        let value = line.split_once(": ").map_or("", |(_, value)| value);
        let digits =
            value.split([':', '-']).all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()));
        value == "yes" || (digits && value.contains([':', '-']))
    };
    assert!(!yaml.lines().any(plain), "{yaml}");
    assert_eq!(Agenda::from_yaml("agenda.yaml", &yaml).unwrap(), planned(&request));
}

#[test]
fn a_roster_path_that_is_a_device_is_refused() {
    let error = facilitation::roster::Roster::from_file("/dev/zero").unwrap_err();
    assert!(error.text(Lang::Fr).contains("n'est pas un fichier ordinaire"), "{}", error.text(Lang::Fr));
}
