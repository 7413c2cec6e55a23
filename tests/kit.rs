//! The workshop kit (issue 16): every sample request's kit holds each document with what
//! its reader needs, keeps the score and the seed away from the project lead and the
//! participants, and follows French (or English) typography everywhere.

use facilitation::render::{self, KitFile};
use facilitation::{Catalogue, Lang, Plan, Planner, ProblemKind, Request, RequestError};
#[path = "support/repo.rs"]
mod repo;

use repo::SAMPLES;

const NBSP: char = '\u{a0}';
const NNBSP: char = '\u{202f}';

fn plan(name: &str) -> Plan {
    let path = repo::file("examples/requests").join(name);
    let request = Request::from_file(path).unwrap();
    Planner::new(Catalogue::builtin()).plan(&request).unwrap()
}

fn kits() -> Vec<(String, Lang, Plan, Vec<KitFile>)> {
    let mut kits = Vec::new();
    for name in SAMPLES {
        let plan = plan(name);
        for lang in [Lang::Fr, Lang::En] {
            let files = render::kit(&plan, Catalogue::builtin(), lang);
            kits.push((name.to_string(), lang, plan.clone(), files));
        }
    }
    kits
}

fn file<'a>(files: &'a [KitFile], name: &str) -> &'a str {
    &files.iter().find(|file| file.name == name).unwrap_or_else(|| panic!("no {name}")).contents
}

#[test]
fn every_kit_holds_each_document_in_markdown_and_html_with_the_agenda_and_an_index() {
    for (name, lang, plan, files) in kits() {
        let names: Vec<String> = files.iter().map(|file| file.name.clone()).collect();
        assert_eq!(names, render::kit_file_names(), "{name} {lang}");
        for file in &files {
            assert!(!file.contents.trim().is_empty(), "{name} {lang}: {} is empty", file.name);
            if file.name.ends_with(".html") {
                assert!(file.contents.starts_with("<!DOCTYPE html>"), "{}", file.name);
                assert!(
                    !file.contents.contains("<script") && !file.contents.contains("http"),
                    "{}",
                    file.name
                );
            }
        }
        let agenda = facilitation::Agenda::from_yaml("agenda.yaml", file(&files, "agenda.yaml")).unwrap();
        assert_eq!(agenda, plan.agenda);
        for stem in ["deroule", "programme", "invitation", "compte-rendu"] {
            let index = file(&files, "index.html");
            assert!(
                index.contains(&format!("href=\"{stem}.html\""))
                    && index.contains(&format!("href=\"{stem}.md\""))
            );
        }
    }
}

#[test]
fn the_deroule_says_the_consignes_the_roles_by_name_and_plan_b_and_ends_with_the_seed_not_the_score() {
    for (name, lang, plan, files) in kits() {
        let deroule = file(&files, "deroule.md");
        let say = lang.pick("**À dire**", "**To say**");
        let methods = plan.agenda.method_slots().filter(|slot| slot.part.is_none()).count();
        assert_eq!(deroule.matches(say).count(), methods, "{name} {lang}: one consigne per sequence");
        // Typography sets the spaces before « : » and « ? » by language: compare without them.
        let plain = |text: &str| text.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        for question in plan.request.questions.values() {
            assert!(
                plain(deroule).contains(&plain(question.trim_end_matches([' ', '?']))),
                "{name}: calling question {question}"
            );
        }
        for person in &plan.request.facilitator_names {
            assert!(
                deroule.contains(&format!("{person} {}", lang.pick("anime", "leads"))),
                "{name}: {person} leads"
            );
        }
        let plan_b = deroule.find("## Plan B").unwrap_or_else(|| panic!("{name} {lang}: no plan B"));
        for late in render::DELAYS {
            assert!(
                deroule[plan_b..].contains(&format!("### {late}{}min", lang.pick(NBSP, ' '))),
                "{name} {late}"
            );
        }
        let note = deroule.find(lang.pick("## Note technique", "## Technical note")).unwrap();
        let seed = deroule.find(lang.pick("Graine", "Seed")).unwrap();
        assert!(!deroule.contains("--seed"), "{name} {lang}: the library names no flag of a tool");
        assert!(!deroule.contains("/ 100"), "{name} {lang}: the planner's score is not the facilitator's");
        assert!(seed > note, "{name} {lang}: the seed only in the closing note");
    }
}

#[test]
fn the_lead_and_the_participants_see_no_score_seed_or_developer_note() {
    for (name, lang, _, files) in kits() {
        for stem in ["programme", "invitation", "index"] {
            for ext in ["md", "html"] {
                let Some(file) = files.iter().find(|f| f.name == format!("{stem}.{ext}")) else { continue };
                let text = &file.contents;
                for word in [
                    "/ 100",
                    "--seed",
                    "Graine",
                    "Seed",
                    "score",
                    "Note technique",
                    "Technical note",
                    "TODO",
                    "{",
                    "Pourquoi ces choix",
                ] {
                    let body = text.split("</style>").last().unwrap_or(text);
                    assert!(!body.contains(word), "{name} {lang} {}: says {word:?}", file.name);
                }
            }
        }
    }
}

#[test]
fn the_programme_fits_the_lead_and_lists_the_questions_to_settle() {
    for (name, lang, plan, files) in kits() {
        let programme = file(&files, "programme.md");
        let settle = [
            lang.pick("Qui décide", "Who decides"),
            lang.pick("négociable", "open to discussion"),
            lang.pick("des résultats", "the results"),
            lang.pick("L'accessibilité", "Accessibility"),
        ];
        for item in settle {
            assert!(programme.contains(item), "{name} {lang}: checklist lacks {item}");
        }
        // The room is asked of a session held in one, the online tools of one held by video.
        let room = lang.pick("La salle et le matériel", "Room and equipment");
        let online = lang.pick("Les outils en ligne", "The online tools");
        let format = plan.request.format;
        assert_eq!(programme.contains(room), format != facilitation::Format::Remote, "{name} {lang}");
        assert_eq!(programme.contains(online), format != facilitation::Format::Onsite, "{name} {lang}");
        // Childcare and travel expenses are asked for service users, and only for them.
        let for_users = lang.pick("Pour les personnes accompagnées", "For service users");
        assert_eq!(programme.contains(for_users), plan.request.with_users(), "{name} {lang}");
        // Who invites is asked of a wider group, never of a team among colleagues.
        let invites = lang.pick("Qui invite les participants", "Who invites the participants");
        let team = facilitation::rules::among_colleagues(&plan.request.profiles, plan.request.participants);
        assert_eq!(programme.contains(invites), !team, "{name} {lang}");
        // The technical test is asked when some take part by video, and only then.
        let technical = lang.pick("La technique :", "The technical side:");
        let video = plan.request.format != facilitation::Format::Onsite;
        assert_eq!(programme.contains(&render::typography::typeset(technical, lang)), video, "{name} {lang}");
        for slot in plan.agenda.method_slots() {
            let method = Catalogue::builtin().get(slot.method.as_ref().unwrap().as_str()).unwrap();
            let named = method.name.get(lang);
            let in_title = plan.agenda.title.to_lowercase().contains(&named.to_lowercase());
            assert!(in_title || !programme.contains(named), "{name}: jargon {}", method.id);
        }
        assert!(programme.lines().count() < 45, "{name} {lang}: one page");
    }
}

#[test]
fn the_invitation_says_when_and_what_to_bring_and_is_easy_to_read_with_service_users() {
    for (name, lang, plan, files) in kits() {
        let invitation = file(&files, "invitation.md");
        if let Some(date) = &plan.agenda.date {
            let words = render::typography::date(date, lang).unwrap();
            assert!(invitation.contains(&words), "{name} {lang}: date");
        }
        assert!(invitation.contains(&render::typography::clock(plan.agenda.start, lang)));
        if plan.request.with_users() {
            assert!(invitation.contains(lang.pick("## Quand\u{202f}?", "## When?")), "{name}");
            let longest = invitation
                .lines()
                .filter(|l| !l.starts_with('#'))
                .map(|l| l.split_whitespace().count())
                .max();
            assert!(longest.unwrap() <= 25, "{name} {lang}: FALC sentences are short");
            assert!(file(&files, "invitation.html").contains("font-size: 15pt"), "{name}: large type");
        } else {
            assert!(invitation.contains(lang.pick("À apporter", "What to bring")), "{name}");
        }
    }
}

#[test]
fn the_harvest_sheet_has_a_frame_per_sequence_an_action_table_when_called_for_and_a_follow_up() {
    for (name, lang, plan, files) in kits() {
        let sheet = file(&files, "compte-rendu.md");
        let sequences = plan.agenda.method_slots().filter(|slot| slot.part.is_none()).count();
        assert_eq!(
            sheet.matches("\n## ").count(),
            sequences + 1 + usize::from(has_actions(&plan)),
            "{name} {lang}"
        );
        let actions = lang.pick("| Qui | Quoi | Quand |", "| Who | What | By when |");
        assert_eq!(sheet.contains(actions), has_actions(&plan), "{name} {lang}: action table");
        assert!(sheet.contains(lang.pick("Date du point de suivi", "Follow-up date")));
    }
}

fn has_actions(plan: &Plan) -> bool {
    plan.agenda.objectives.iter().any(|objective| objective.calls_for_result())
}

/// The text a reader sees: Markdown as is; HTML without its style and tags.
fn visible(file: &KitFile) -> String {
    if !file.name.ends_with(".html") {
        return file.contents.clone();
    }
    let body = file.contents.split("</style>").last().unwrap_or("");
    let mut out = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&")
}

/// Every typography fault of `text` in `lang`, with its surroundings.
fn faults(text: &str, lang: Lang) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let around = |i: usize| chars[i.saturating_sub(20)..(i + 20).min(chars.len())].iter().collect::<String>();
    for (i, &c) in chars.iter().enumerate() {
        let before = if i > 0 { chars[i - 1] } else { '\n' };
        let after = chars.get(i + 1).copied().unwrap_or('\n');
        let ends = after.is_whitespace() || matches!(after, '*' | ')' | '»' | '|');
        let fault = match (lang, c) {
            (Lang::Fr, ':') => ends && before != NBSP && !before.is_ascii_digit() && before != '\n',
            (Lang::Fr, ';' | '!' | '?') => ends && !matches!(before, NNBSP | '?' | '!' | '\n'),
            (Lang::Fr, '«') => after != NNBSP,
            (Lang::Fr, '»') => before != NNBSP,
            (Lang::En, ':' | ';' | '!' | '?') => matches!(before, ' ' | NBSP | NNBSP),
            (Lang::En, '«' | '»') => true,
            _ => false,
        };
        if fault {
            found.push(around(i));
        }
    }
    if text.contains("(s)") {
        found.push("a plural written (s)".to_string());
    }
    if lang == Lang::Fr {
        let clock = chars.windows(5).position(|w| {
            w[0].is_ascii_digit()
                && w[1].is_ascii_digit()
                && w[2] == ':'
                && w[3].is_ascii_digit()
                && w[4].is_ascii_digit()
        });
        if let Some(i) = clock {
            found.push(format!("a time written HH:MM: {}", around(i)));
        }
    }
    found
}

#[test]
fn french_and_english_typography_hold_on_every_document_of_every_kit() {
    for (name, lang, _, files) in kits() {
        for file in files.iter().filter(|file| file.name != "agenda.yaml") {
            let faults = faults(&visible(file), lang);
            assert!(faults.is_empty(), "{name} {lang} {}: {faults:#?}", file.name);
        }
    }
}

#[test]
fn the_typography_scan_finds_what_it_looks_for() {
    assert_eq!(faults("Note : oui", Lang::Fr).len(), 1);
    assert_eq!(faults("« oui »", Lang::Fr).len(), 2);
    assert_eq!(faults("à 09:30", Lang::Fr).len(), 1);
    assert_eq!(faults("facilitateur(s)", Lang::Fr).len(), 1);
    assert_eq!(faults("Note : “oui” « non »", Lang::En).len(), 3);
    assert!(faults("Note\u{a0}: «\u{202f}oui\u{202f}»\u{202f}?", Lang::Fr).is_empty());
}

fn problems(yaml: &str) -> Vec<(String, ProblemKind, usize)> {
    match Request::from_yaml("r.yaml", yaml) {
        Err(RequestError::Invalid(problems)) => problems
            .into_iter()
            .map(|p| (p.field.clone(), p.kind.clone(), p.location.map_or(0, |l| l.line)))
            .collect(),
        other => panic!("expected problems, got {other:?}"),
    }
}

const BASE: &str =
    "title: T\nstart: \"09:00\"\nend: \"10:00\"\nparticipants: 10\nfacilitators: 2\nobjectives: [review]\n";

#[test]
fn calling_questions_must_name_an_objective_and_say_something() {
    let found = problems(&format!("{BASE}questions:\n  bilan: \"Quoi ?\"\n  review: \"  \"\n"));
    assert!(
        matches!(&found[..], [(a, ProblemKind::UnknownValue { .. }, 8), (b, ProblemKind::BlankText, 9)]
        if a == "questions.bilan" && b == "questions.review"),
        "{found:?}"
    );
}

#[test]
fn each_facilitator_is_named_once_and_not_blank() {
    let found = problems(&format!("{BASE}facilitator_names: [Aline, \" \", Aline]\n"));
    let fields: Vec<&str> = found.iter().map(|(field, ..)| field.as_str()).collect();
    assert_eq!(fields, ["facilitator_names[1]", "facilitator_names[2]"]);
    assert!(matches!(found[1].1, ProblemKind::RepeatedValue { .. }));
}
