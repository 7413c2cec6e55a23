//! The evaluation: questionnaires cover every objective and the frame, answer files (messy
//! ones too) give figures right to the decimal against a computation done apart, files
//! that do not match are refused with a located message, pages are self-contained.

use facilitation::evaluate::{
    AnswerProblemKind, Answers, AnswersError, ItemKind, Measure, Network, Questionnaire, Report, read_results,
};
use facilitation::{Lang, Localize, Request};
use proptest::prelude::*;
use std::path::{Path, PathBuf};
#[path = "support/repo.rs"]
mod repo;

const FRAME_RULES: [&str; 5] = ["disponibilite", "ouverture", "responsabilite", "ecoute", "equivalence"];
const WORDS_FR: [&str; 5] = [
    "Pas du tout d'accord",
    "Plutôt pas d'accord",
    "Ni d'accord ni pas d'accord",
    "Plutôt d'accord",
    "Tout à fait d'accord",
];
const WORDS_EN: [&str; 5] =
    ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"];

fn sample_requests() -> Vec<(PathBuf, Request)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(repo::file("examples/requests"))
        .expect("the sample requests")
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let request = Request::from_file(&path).expect("a valid sample request");
            (path, request)
        })
        .collect()
}

fn request(name: &str) -> Request {
    Request::from_file(repo::file(format!("examples/requests/{name}.yaml"))).expect("a sample request")
}

#[test]
fn every_sample_questionnaire_covers_every_objective_and_the_frame() {
    for (path, request) in sample_requests() {
        let questionnaire = Questionnaire::for_request(&request);
        let measures: Vec<String> =
            questionnaire.items.iter().map(|item| item.measures.to_string()).collect();
        for objective in request.analyse().objectives() {
            let count = measures.iter().filter(|m| *m == objective.id()).count();
            assert!((1..=2).contains(&count), "{}: {count} items for {objective}", path.display());
        }
        for rule in FRAME_RULES {
            assert!(measures.contains(&format!("frame:{rule}")), "{}: no item for {rule}", path.display());
        }
        assert_eq!(measures.iter().filter(|m| *m == "roti").count(), 1);
        assert_eq!(measures.iter().filter(|m| *m == "open").count(), 2);
        assert_eq!(questionnaire.falc, request.with_users(), "{}", path.display());
        for (i, item) in questionnaire.items.iter().enumerate() {
            assert_eq!(item.id, format!("q{}", i + 1));
            assert!(!item.text.fr.trim().is_empty() && item.text.has_english(), "{}", item.key);
        }
    }
}

#[test]
fn users_get_the_easy_wording_and_others_the_plain_one() {
    let with_users = Questionnaire::for_request(&request("forum-rsa"));
    let without = Questionnaire::for_request(&request("spda-lancement"));
    let rule = |q: &Questionnaire| {
        q.items
            .iter()
            .find(|item| item.measures == Measure::Frame("equivalence".into()))
            .map(|i| i.text.fr.clone())
    };
    assert_eq!(
        rule(&without).as_deref(),
        Some("Chacun a pu s'exprimer autant que les autres, quel que soit son statut.")
    );
    assert_ne!(rule(&with_users), rule(&without));
    let key = |q: &Questionnaire| q.items.iter().map(|item| item.key.clone()).collect::<Vec<_>>();
    assert!(key(&with_users).contains(&"frame.equivalence.1".to_string()), "same key, so results compare");
}

#[test]
fn the_follow_up_asks_the_lead_about_actions_practices_results_and_calling_again() {
    let follow_up = Questionnaire::follow_up(&request("forum-rsa"));
    let measures: Vec<String> = follow_up.items.iter().map(|item| item.measures.to_string()).collect();
    for point in ["actions", "practices", "results", "again"] {
        assert!(measures.contains(&format!("follow-up:{point}")), "{point}");
    }
    assert!(follow_up.items.iter().all(|item| matches!(item.level, Some(1 | 3 | 4))));
}

#[test]
fn the_form_definition_has_the_json_shape_of_design() {
    let questionnaire = Questionnaire::for_request(&request("irritants-semaine-management"));
    let json: serde_json::Value = serde_json::from_str(&questionnaire.to_json()).expect("JSON");
    let items = json["items"].as_array().expect("items");
    assert_eq!(items[0]["id"], "q1");
    assert_eq!(items[0]["measures"], "resolve-irritants");
    assert!(items[0]["text"]["fr"].is_string());
    assert!(items.iter().any(|item| item["measures"] == "frame:ecoute"));
    assert!(items.iter().any(|item| item["measures"] == "roti"));
    let csv = questionnaire.to_csv(Lang::Fr);
    assert_eq!(csv.lines().count(), questionnaire.items.len() + 1);
    assert!(csv.lines().nth(1).is_some_and(|line| line.starts_with("q1,agreement,")));
}

/// How a generated answer is written in the file.
#[derive(Debug, Clone, Copy)]
enum Style {
    Number,
    French,
    English,
    Both,
    Decimal,
}

fn cell(value: Option<u8>, style: Style, blank_word: bool) -> String {
    match value {
        None if blank_word => "Sans avis".into(),
        None => String::new(),
        Some(v) => {
            let i = usize::from(v - 1);
            match style {
                Style::Number => v.to_string(),
                Style::French => WORDS_FR[i].replace('\'', "’"),
                Style::English => WORDS_EN[i].to_uppercase(),
                Style::Both => format!("\"{v} - {}\"", WORDS_FR[i]),
                Style::Decimal => format!("\"{v},0\""),
            }
        }
    }
}

/// The mean and agree share of a list of answers, computed apart and rounded to two
/// decimals as the report does.
fn expected(values: &[u8]) -> (Option<f64>, Option<f64>) {
    if values.is_empty() {
        return (None, None);
    }
    let n = values.len() as f64;
    let mean = values.iter().map(|v| f64::from(*v)).sum::<f64>() / n;
    let agree = values.iter().filter(|v| **v >= 4).count() as f64 / n;
    let round = |x: f64| (x * 100.0).round() / 100.0;
    (Some(round(mean)), Some(round(agree)))
}

fn style() -> impl Strategy<Value = Style> {
    prop_oneof![
        Just(Style::Number),
        Just(Style::French),
        Just(Style::English),
        Just(Style::Both),
        Just(Style::Decimal)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn generated_answers_give_the_figures_computed_apart(
        rows in prop::collection::vec(
            prop::collection::vec((prop::option::weighted(0.85, 1u8..=5), style(), any::<bool>()), 16),
            1..30,
        ),
        semicolon in any::<bool>(),
        bom in any::<bool>(),
    ) {
        let request = request("irritants-semaine-management");
        let questionnaire = Questionnaire::for_request(&request);
        let scored: Vec<usize> = (0..questionnaire.items.len())
            .filter(|i| questionnaire.items[*i].kind != ItemKind::Open)
            .collect();
        let separator = if semicolon { ";" } else { "," };
        let mut csv = if bom { "\u{feff}".to_string() } else { String::new() };
        csv.push_str(&questionnaire.items.iter().map(|item| item.id.as_str()).collect::<Vec<_>>().join(separator));
        csv.push_str("\r\n");
        let mut truth: Vec<Vec<Option<u8>>> = Vec::new();
        for row in &rows {
            let mut values = vec![None; questionnaire.items.len()];
            let cells: Vec<String> = (0..questionnaire.items.len()).map(|i| {
                match scored.iter().position(|s| *s == i) {
                    Some(k) => {
                        let (value, style, blank_word) = row[k % row.len()];
                        values[i] = value;
                        cell(value, style, blank_word)
                    }
                    None => "\"Un avis ; sur deux\nlignes\"".to_string(),
                }
            }).collect();
            csv.push_str(&cells.join(separator));
            csv.push('\n');
            truth.push(values);
        }
        let answers = Answers::read(&questionnaire, "generated.csv", &csv).expect("a readable file");
        let report = Report::new(&request, &questionnaire, &answers);
        prop_assert_eq!(report.respondents, rows.len());
        for result in &report.objectives {
            let columns: Vec<usize> = questionnaire.items.iter().enumerate()
                .filter(|(_, item)| item.measures == Measure::Objective(result.objective))
                .map(|(i, _)| i)
                .collect();
            let values: Vec<u8> = truth.iter().flat_map(|row| columns.iter().filter_map(|c| row[*c])).collect();
            let responses = truth.iter().filter(|row| columns.iter().any(|c| row[*c].is_some())).count();
            let (mean, agree) = expected(&values);
            prop_assert_eq!(result.summary.mean, mean);
            prop_assert_eq!(result.summary.agree_share, agree);
            prop_assert_eq!(result.summary.responses, responses);
            prop_assert_eq!(result.summary.answers, values.len());
        }
        let roti_column = questionnaire.items.iter().position(|item| item.measures == Measure::Roti).expect("a ROTI");
        let roti: Vec<u8> = truth.iter().filter_map(|row| row[roti_column]).collect();
        prop_assert_eq!(report.roti.as_ref().and_then(|r| r.mean), expected(&roti).0);
        prop_assert_eq!(report.caution, rows.len() < 10);
    }
}

#[test]
fn a_messy_export_is_read_right_to_the_decimal() {
    let request = request("irritants-semaine-management");
    let questionnaire = Questionnaire::for_request(&request);
    // q1, q2: resolve-irritants; q3, q4: action-plan; q5: feedback; q6-q10: frame; q11:
    // ROTI; q12, q13: open. A form tool's timestamp, a BOM, a blank line, a curly
    // apostrophe, « 4,0 », « Sans avis », an upper-case header, a quoted line break.
    let csv = "\u{feff}Horodatage;Q1;q2;q3;q4;q5;q6;q7;q8;q9;q10;q11;q12;q13\r\n\
        2027-06-08 16:01;Tout à fait d’accord;4;\"4,0\";;5;5;4;4;4;4;5;\"Les solutions ; enfin\nconcrètes\";\r\n\
        \r\n\
        2027-06-08 16:02;2;Sans avis;plutôt d'accord;1;3;3;3;3;3;3;2;\"les solutions ; enfin  concrètes\";Plus de temps\r\n\
        2027-06-08 16:03;;;;;;;;;;;;;\r\n\
        2027-06-08 16:04;3;5;5;5;4;4;4;4;4;5;4;;Merci à Yanis\r\n";
    let answers = Answers::read(&questionnaire, "export.csv", csv).expect("a readable export");
    assert_eq!(answers.respondents.len(), 3, "the blank row is no respondent");
    let report = Report::new(&request, &questionnaire, &answers);
    let irritants = &report.objectives[0];
    // 5, 4, 2, 3, 5 → mean 3.8, agree 3/5.
    assert_eq!((irritants.summary.mean, irritants.summary.agree_share), (Some(3.8), Some(0.6)));
    assert_eq!(irritants.summary.distribution, [0, 1, 1, 1, 2]);
    let action = &report.objectives[1];
    // 4, 4, 1, 5, 5 → mean 3.8, agree 4/5, three respondents.
    assert_eq!(
        (action.summary.mean, action.summary.agree_share, action.summary.responses),
        (Some(3.8), Some(0.8), 3)
    );
    assert_eq!(report.roti.as_ref().and_then(|roti| roti.mean), Some(3.67));
    let first = &report.open[0].answers[0];
    assert_eq!(first.count, 2, "the same answer, case and spaces aside");
    assert!(
        report.open[1].answers.iter().any(|answer| answer.names_person && answer.text == "Merci à Yanis")
    );
}

fn problems(error: AnswersError) -> Vec<facilitation::evaluate::AnswerProblem> {
    match error {
        AnswersError::Invalid(problems) => problems,
        other => panic!("expected problems, got {other}"),
    }
}

#[test]
fn the_answers_of_another_request_are_refused_in_french_by_default() {
    let questionnaire = Questionnaire::for_request(&request("forum-rsa"));
    let error =
        Answers::from_file(&questionnaire, repo::file("examples/answers/irritants-semaine-management.csv"))
            .expect_err("the answers of another request");
    let message = error.text(Lang::Fr);
    assert!(message.contains("examples/answers/irritants-semaine-management.csv, ligne 1"), "{message}");
    assert!(message.contains("il manque les colonnes q14"), "{message}");
    assert!(message.contains("est-ce bien le fichier de réponses de cette demande"), "{message}");
    assert!(error.text(Lang::En).contains("are missing"));
}

#[test]
fn a_column_that_is_no_item_is_refused_with_its_name() {
    let questionnaire = Questionnaire::for_request(&request("equipe-a-distance"));
    let mut header: Vec<String> = questionnaire.items.iter().map(|item| item.id.clone()).collect();
    header.push("Service".into());
    let csv = format!("{}\n", header.join(","));
    let found = problems(Answers::read(&questionnaire, "a.csv", &csv).expect_err("an unknown column"));
    assert!(matches!(&found[0].kind, AnswerProblemKind::UnknownColumn { name, .. } if name == "Service"));
    assert_eq!(found[0].column.as_deref(), Some("Service"));
}

#[test]
fn a_value_off_the_scale_is_located_by_line_and_column() {
    let questionnaire = Questionnaire::for_request(&request("equipe-a-distance"));
    let ids: Vec<&str> = questionnaire.items.iter().map(|item| item.id.as_str()).collect();
    let good = vec!["4"; ids.len()].join(";");
    let bad = ids.iter().map(|id| if *id == "q2" { "6" } else { "3" }).collect::<Vec<_>>().join(";");
    let csv = format!("{}\n{good}\n{bad}\n", ids.join(";"));
    let found = problems(Answers::read(&questionnaire, "b.csv", &csv).expect_err("a 6"));
    assert_eq!((found[0].line, found[0].column.as_deref()), (Some(3), Some("q2")));
    assert!(found[0].text(Lang::Fr).contains("« 6 » n'est pas une réponse de l'échelle"));
}

#[test]
fn a_column_of_names_is_refused_because_answers_are_anonymous() {
    let questionnaire = Questionnaire::for_request(&request("equipe-a-distance"));
    let mut header: Vec<String> = questionnaire.items.iter().map(|item| item.id.clone()).collect();
    header.insert(0, "Prénom".into());
    let found = problems(Answers::read(&questionnaire, "c.csv", &header.join(";")).expect_err("names"));
    assert!(matches!(found[0].kind, AnswerProblemKind::NameColumn { .. }));
}

#[test]
fn an_empty_file_and_an_unclosed_quote_are_refused() {
    let questionnaire = Questionnaire::for_request(&request("equipe-a-distance"));
    let empty = problems(Answers::read(&questionnaire, "d.csv", "\u{feff}\n\n").expect_err("empty"));
    assert_eq!(empty[0].kind, AnswerProblemKind::Empty);
    let csv = format!("{}\n\"open\n", questionnaire.answer_template().trim());
    let unclosed = problems(Answers::read(&questionnaire, "e.csv", &csv).expect_err("a quote"));
    assert_eq!((unclosed[0].kind.clone(), unclosed[0].line), (AnswerProblemKind::UnclosedQuote, Some(2)));
}

fn self_contained(html: &str) {
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.contains("<script"), "no script");
    let without_namespace = html.replace("http://www.w3.org/2000/svg", "");
    for link in ["http://", "https://", "src=", "<link", "url("] {
        assert!(!without_namespace.contains(link), "links out with {link}");
    }
}

#[test]
fn the_html_report_is_self_contained_with_charts_and_their_tables() {
    let request = request("forum-rsa");
    let questionnaire = Questionnaire::for_request(&request);
    let answers =
        Answers::from_file(&questionnaire, repo::file("examples/answers/forum-rsa.csv")).expect("the sample");
    let html = Report::new(&request, &questionnaire, &answers).to_html(Lang::Fr);
    self_contained(&html);
    assert_eq!(html.matches("<svg").count(), 3, "objectives, frame, ROTI");
    assert!(html.matches("<table>").count() >= 5, "every chart has its table");
    assert!(html.contains("role=\"img\" aria-label="));
    let form = questionnaire.to_html(Lang::Fr);
    self_contained(&form);
    assert!(form.contains("font-size: 15pt"), "large type");
}

#[test]
fn the_sample_answer_files_match_their_requests_and_stored_results() {
    for name in ["forum-rsa", "irritants-semaine-management", "spda-lancement"] {
        let request = request(name);
        let questionnaire = Questionnaire::for_request(&request);
        let answers = Answers::from_file(&questionnaire, repo::file(format!("examples/answers/{name}.csv")))
            .expect("a sample");
        let report = Report::new(&request, &questionnaire, &answers);
        let stored = std::fs::read_to_string(repo::file(format!("examples/answers/results/{name}.json")))
            .expect("stored");
        let stored: Report = serde_json::from_str(&stored).expect("a result file");
        assert_eq!(report.objectives, stored.objectives, "{name}: regenerate examples/answers/results");
        assert_eq!(report.roti, stored.roti);
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("facilitation-evaluate-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}

fn report_of(name: &str, rows: usize, date: &str) -> Report {
    let mut request = request(name);
    request.date = Some(date.to_string());
    let questionnaire = Questionnaire::for_request(&request);
    let row = vec!["4"; questionnaire.items.len()].join(";");
    let csv = format!("{}{}", questionnaire.answer_template(), format!("{row}\n").repeat(rows));
    let answers = Answers::read(&questionnaire, "f.csv", &csv).expect("answers");
    Report::new(&request, &questionnaire, &answers)
}

#[test]
fn across_interventions_no_group_under_five_respondents_is_shown() {
    let dir = temp_dir("network");
    std::fs::write(dir.join("a.json"), report_of("spda-lancement", 12, "2027-02-04").to_json())
        .expect("write");
    std::fs::write(dir.join("b.json"), report_of("spda-lancement", 3, "2027-05-04").to_json())
        .expect("write");
    let network = Network::of(&read_results(&dir).expect("result files"));
    assert_eq!((network.interventions, network.respondents), (2, 15));
    let quarters: Vec<(&str, bool)> =
        network.periods.iter().map(|group| (group.group.as_str(), group.summary.is_some())).collect();
    assert_eq!(quarters, vec![("2027-T1", true), ("2027-T2", false)]);
    let harmonize = network.objectives.iter().find(|g| g.group == "harmonize-practices").expect("pooled");
    assert_eq!(harmonize.summary.as_ref().and_then(|s| s.mean), Some(4.0));
    assert_eq!(harmonize.respondents, 15);
    assert!(
        network.series.values().all(|points| points.len() == 1),
        "the session of three is not shown alone"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_file_that_is_not_a_result_is_refused_with_its_place() {
    let dir = temp_dir("bad");
    std::fs::write(dir.join("x.json"), "{\"objectives\": 3}").expect("write");
    let error = read_results(&dir).expect_err("not a result");
    assert!(error.text(Lang::Fr).contains("x.json, ligne 1"), "{}", error.text(Lang::Fr));
    let _ = std::fs::remove_dir_all(Path::new(&dir));
}
