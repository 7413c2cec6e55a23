//! The project lead's one-page programme: when, where, the objectives in the lead's own
//! words, what the group will do and produce in plain words, and the questions to settle
//! together before the day. No method names, no score, no seed.

use super::deroule::{colon, day, facilitator_count, requester_line, times};
use super::document::{Block, Document, Line, Row, labelled, plain};
use super::{typography, wording};
use crate::agenda::{Slot, SlotKind};
use crate::analysis::Question;
use crate::planner::Plan;
use crate::text::{Lang, Localize};
use crate::vocabulary::{Format, Phase};

/// The programme sent to the project lead.
///
/// ```
/// use facilitation::{render, Catalogue, Lang, Planner, Request};
/// let request = Request::builder("Atelier").time("14:00", "16:00").participants(20)
///     .objective("share-practices").build()?;
/// let plan = Planner::new(Catalogue::builtin()).plan(&request)?;
/// let page = render::programme(&plan, Lang::Fr).to_markdown();
/// assert!(page.contains("14\u{a0}h") && page.contains("À régler ensemble"));
/// assert!(!page.contains("Graine") && !page.contains("/ 100"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn programme(plan: &Plan, lang: Lang) -> Document {
    let agenda = &plan.agenda;
    let mut doc =
        Document::new(lang, format!("{}{}", lang.pick("Programme : ", "Programme: "), agenda.title));
    doc.push(Block::List(facts(plan, lang)));
    doc.heading(2, lang.pick("Objectifs", "Objectives"));
    doc.push(Block::List(objectives(plan, lang)));
    doc.heading(2, lang.pick("Le déroulé en bref", "The session at a glance"));
    let head = [
        lang.pick("Horaire", "Time"),
        lang.pick("Ce que nous ferons", "What we will do"),
        lang.pick("Ce que nous produirons", "What we will produce"),
    ];
    let rows = agenda.slots.iter().map(|slot| row(slot, lang)).collect();
    doc.push(Block::Table { head: head.iter().map(|h| h.to_string()).collect(), rows });
    doc.heading(2, lang.pick("À régler ensemble avant la séance", "To settle together before the day"));
    doc.push(Block::List(checklist(plan, lang)));
    typography::typeset_document(&mut doc);
    doc
}

fn facts(plan: &Plan, lang: Lang) -> Vec<Line> {
    let agenda = &plan.agenda;
    let mut lines = Vec::new();
    let when =
        agenda.date.as_deref().map_or(lang.pick("à fixer", "to be set").to_string(), |d| day(d, lang));
    lines.push(labelled("Date", colon(lang, &when)));
    lines.push(labelled(lang.pick("Horaires", "Time"), colon(lang, &times(agenda, lang))));
    lines.push(labelled(lang.pick("Lieu", "Place"), colon(lang, place(agenda.format, lang))));
    if let Some(requester) = &plan.request.requester {
        lines.push(labelled(
            lang.pick("Porteur de projet", "Project lead"),
            colon(lang, &requester_line(requester)),
        ));
    }
    let mut people = agenda.participants.to_string();
    if !plan.request.profiles.is_empty() {
        let labels: Vec<&str> = plan.request.profiles.iter().map(|p| p.label(lang)).collect();
        people += &format!(" ({})", labels.join(", ").to_lowercase());
    }
    lines.push(labelled("Participants", colon(lang, &people)));
    let team = facilitator_count(agenda.facilitators, lang);
    let network = lang.pick("du réseau Facilit'Ensemble", "of the Facilit'Ensemble network");
    lines.push(labelled(lang.pick("Animation", "Facilitation"), colon(lang, &format!("{team} {network}"))));
    lines
}

/// Where the session takes place, as far as the request says.
fn place(format: Format, lang: Lang) -> &'static str {
    match format {
        Format::Remote => lang.pick(
            "en visioconférence (le lien est envoyé avec l'invitation)",
            "by video call (the link comes with the invitation)",
        ),
        Format::Hybrid => lang.pick(
            "en salle et en visioconférence (salle à confirmer)",
            "in a room and by video call (room to be confirmed)",
        ),
        _ => lang.pick("salle à confirmer (voir ci-dessous)", "room to be confirmed (see below)"),
    }
}

/// The objectives as the lead wrote them, with their calling questions.
fn objectives(plan: &Plan, lang: Lang) -> Vec<Line> {
    plan.analysis
        .lines
        .iter()
        .map(|line| {
            let words = if line.exact {
                line.objectives.iter().map(|o| o.label(lang)).collect::<Vec<_>>().join(", ")
            } else {
                typography::capitalised(&line.text)
            };
            let mut spans = plain(words);
            for question in line.objectives.iter().filter_map(|o| plan.request.question(*o)) {
                spans.push(super::Span::Plain(" — ".into()));
                spans.push(super::Span::Emphasis(typography::quoted(question, lang)));
            }
            spans
        })
        .collect()
}

/// A slot in plain words: what the group does, and what it leaves with.
pub(super) fn row(slot: &Slot, lang: Lang) -> Row {
    let (does, produces) = plain_words(slot, lang);
    Row { cells: vec![typography::span(slot.start, slot.end, lang), does, produces], phase: slot.phase }
}

/// What the group does in a slot and what it produces, without the methods' names.
pub(super) fn plain_words(slot: &Slot, lang: Lang) -> (String, String) {
    let does = match slot.kind {
        SlotKind::Welcome => lang
            .pick(
                "Accueil, objectifs de la séance et règles du travail ensemble",
                "Welcome, the session's objectives and how we work together",
            )
            .to_string(),
        SlotKind::Break => lang.pick("Pause", "Break").to_string(),
        SlotKind::Lunch => lang.pick("Déjeuner", "Lunch").to_string(),
        _ => {
            let words =
                slot.phase.and_then(wording::phase).map_or(String::new(), |w| w.does.get(lang).to_string());
            match slot.part {
                Some(_) => format!("{}{words}", lang.pick("Suite : ", "Continued: ")),
                None => words,
            }
        }
    };
    let content = slot.phase.is_some_and(|p| !matches!(p, Phase::Opening | Phase::Closing));
    let produces = if content && slot.part.is_none() {
        let said: Vec<&str> =
            slot.objectives.iter().filter_map(|o| wording::produces(*o)).map(|t| t.get(lang)).collect();
        typography::capitalised(&said.join(" ; "))
    } else {
        String::new()
    };
    (does, produces)
}

/// The network's « analyse et clarification » questions, then what the planner could not
/// settle from the request alone.
fn checklist(plan: &Plan, lang: Lang) -> Vec<Line> {
    let mut lines: Vec<Line> =
        wording::checklist(&plan.request).map(|item| plain(format!("☐ {}", item.get(lang)))).collect();
    for question in plan.questions.iter().filter(|q| q.is_for_the_lead() && **q != Question::WhoDecides) {
        lines.push(plain(format!("☐ {}", question.text(lang))));
    }
    lines
}
