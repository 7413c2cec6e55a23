//! The agenda as a Markdown table, with the reasons of each choice and the questions to
//! ask the requester.

use super::{cell, objective_labels};
use crate::agenda::SlotKind;
use crate::catalogue::Catalogue;
use crate::planner::Plan;
use crate::text::Lang;
use std::fmt::Write;

/// The network's ground rules, said at every welcome.
pub const GROUND_RULES: [&str; 5] =
    ["Disponibilité", "Ouverture", "Responsabilité", "Écoute", "Équivalence 1 = 1"];

/// Renders a plan as a Markdown déroulé: header, table of slots, reasons, questions.
///
/// ```
/// use facilitation::{render, Catalogue, Lang, Planner, Request};
/// let catalogue = Catalogue::builtin();
/// let request = Request::builder("Atelier").time("14:00", "16:00").participants(20)
///     .objective("share-practices").build().unwrap();
/// let plan = Planner::new(catalogue).plan(&request).unwrap();
/// let text = render::plan_markdown(&plan, catalogue, Lang::Fr);
/// assert!(text.contains("14:00"));
/// ```
pub fn plan_markdown(plan: &Plan, catalogue: &Catalogue, lang: Lang) -> String {
    let agenda = &plan.agenda;
    let t = |fr: &'static str, en: &'static str| lang.pick(fr, en);
    let mut out = format!("# {}\n\n", agenda.title);
    if let Some(date) = &agenda.date {
        let _ = writeln!(out, "- {} {date}", t("**Date** :", "**Date**:"));
    }
    let _ = writeln!(out, "- {} {}–{}", t("**Horaires** :", "**Time**:"), agenda.start, agenda.end);
    let _ = writeln!(out, "- {} {}", t("**Participants** :", "**Participants**:"), agenda.participants);
    let _ = writeln!(out, "- {} {}", t("**Facilitateurs** :", "**Facilitators**:"), agenda.facilitators);
    let _ = writeln!(out, "- {} {}", t("**Format** :", "**Format**:"), agenda.format.label(lang));
    let _ = writeln!(
        out,
        "- {} {}",
        t("**Objectifs** :", "**Objectives**:"),
        objective_labels(&agenda.objectives, lang)
    );
    if let Some(seed) = agenda.seed {
        let _ = writeln!(out, "- {} {seed}", t("**Graine** :", "**Seed**:"));
    }
    let _ = writeln!(
        out,
        "\n| {} | min | {} | {} | {} |\n|---|---|---|---|---|",
        t("Horaire", "Time"),
        t("Séquence", "Sequence"),
        t("Phase", "Phase"),
        t("Objectifs servis", "Objectives served")
    );
    for slot in &agenda.slots {
        let what = match slot.kind {
            SlotKind::Welcome => format!("{} ({})", t("Accueil", "Welcome"), GROUND_RULES.join(", ")),
            SlotKind::Break => t("Pause", "Break").to_string(),
            SlotKind::Lunch => t("Déjeuner", "Lunch").to_string(),
            _ => {
                let id = slot.method.as_ref().map(|id| id.as_str()).unwrap_or("?");
                let name = catalogue.get(id).map_or(id, |method| method.name.get(lang));
                match slot.part {
                    Some(part) => format!("{name} ({} {part})", t("partie", "part")),
                    None => name.to_string(),
                }
            }
        };
        let phase = slot.phase.map(|phase| phase.label(lang)).unwrap_or_default();
        let _ = writeln!(
            out,
            "| {}–{} | {} | {} | {} | {} |",
            slot.start,
            slot.end,
            slot.minutes,
            cell(&what),
            phase,
            cell(&objective_labels(&slot.objectives, lang))
        );
    }
    reasons_and_questions(&mut out, plan, catalogue, lang);
    out
}

fn reasons_and_questions(out: &mut String, plan: &Plan, catalogue: &Catalogue, lang: Lang) {
    let _ = writeln!(out, "\n## {}\n", lang.pick("Pourquoi ces choix", "Why these choices"));
    for reason in &plan.reasons {
        let name = catalogue.get(reason.method.as_str()).map_or(reason.method.as_str(), |m| m.name.get(lang));
        let _ = writeln!(out, "- **{name}** — {}", reason.text.get(lang));
    }
    let mapped: Vec<_> = plan.analysis.lines.iter().filter(|line| !line.exact).collect();
    if !mapped.is_empty() {
        let _ =
            writeln!(out, "\n## {}\n", lang.pick("Lecture des objectifs", "How the objectives were read"));
        for line in mapped {
            let _ = writeln!(out, "- « {} » → {}", line.text, objective_labels(&line.objectives, lang));
        }
    }
    if !plan.questions.is_empty() {
        let _ = writeln!(
            out,
            "\n## {}\n",
            lang.pick("Questions au porteur de projet", "Questions for the project lead")
        );
        for question in &plan.questions {
            let _ = writeln!(out, "- {}", question.text(lang));
        }
    }
}
