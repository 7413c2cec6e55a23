//! The method card: everything a facilitator needs to run a method, on one page.

use super::{cell, format_labels, grouping_labels, objective_labels, phase_labels};
use crate::method::Method;
use crate::text::Lang;
use std::fmt::Write;

/// Renders a method card in Markdown: summary, key facts, setup, materials, steps with
/// their times, tips, origin and sources.
///
/// ```
/// use facilitation::{render, Catalogue, Lang};
/// let cafe = Catalogue::builtin().get("world-cafe").unwrap();
/// let card = render::method_card(cafe, Lang::Fr);
/// assert!(card.starts_with("# World Café"));
/// assert!(card.contains("## Déroulement"));
/// ```
pub fn method_card(method: &Method, lang: Lang) -> String {
    let mut out = String::new();
    let t = |fr: &'static str, en: &'static str| lang.pick(fr, en);
    let _ = writeln!(out, "# {}\n", method.name.get(lang));
    if !method.aliases.is_empty() {
        let _ = writeln!(out, "*{} {}*\n", t("Aussi appelé :", "Also known as:"), method.aliases.join(", "));
    }
    let _ = writeln!(out, "{}\n", method.summary.get(lang));
    facts(&mut out, method, lang);
    let _ = writeln!(out, "## {}\n\n{}\n", t("Installation", "Setup"), method.setup.get(lang));
    if !method.materials.is_empty() {
        let _ = writeln!(out, "## {}\n", t("Matériel", "Materials"));
        for material in &method.materials {
            let _ = writeln!(out, "- {}", material.name(lang));
        }
        out.push('\n');
    }
    steps(&mut out, method, lang);
    if !method.tips.is_empty() {
        let _ = writeln!(out, "## {}\n", t("Conseils", "Tips"));
        for tip in &method.tips {
            let _ = writeln!(out, "- {}", tip.get(lang));
        }
        out.push('\n');
    }
    origin_and_sources(&mut out, method, lang);
    out
}

fn facts(out: &mut String, method: &Method, lang: Lang) {
    let t = |fr: &'static str, en: &'static str| lang.pick(fr, en);
    let d = &method.duration;
    let mut duration =
        format!("{}–{} min ({} {})", d.min, d.max, d.typical, t("habituellement", "typically"));
    if d.per_participant > 0.0 {
        let _ = write!(duration, " + {} min {}", d.per_participant, t("par participant", "per participant"));
    }
    let facilitators = match method.facilitators.per {
        Some(per) => format!(
            "{} ({} {per} {})",
            method.facilitators.min,
            t("puis 1 pour", "then 1 per"),
            t("participants", "participants")
        ),
        None => method.facilitators.min.to_string(),
    };
    let yes_no = |flag: bool| if flag { t("oui", "yes") } else { t("non", "no") };
    let rows = [
        (t("Phases", "Phases"), phase_labels(&method.phases, lang)),
        (t("Objectifs", "Objectives"), objective_labels(&method.objectives, lang)),
        (
            t("Participants", "Participants"),
            format!("{}–{}", method.participants.min, method.participants.max),
        ),
        (t("Durée", "Duration"), duration),
        (t("Facilitateurs", "Facilitators"), facilitators),
        (t("Formats", "Formats"), format_labels(&method.formats, lang)),
        (t("Configurations", "Groupings"), grouping_labels(&method.groupings, lang)),
        (t("Écriture", "Writing"), method.writing.label(lang).to_string()),
        (t("Énergie", "Energy"), method.energy.label(lang).to_string()),
        (t("Niveau", "Level"), method.level.label(lang).to_string()),
        (t("Salles de sous-groupes", "Breakout spaces"), yes_no(method.breakout).to_string()),
        (t("En plusieurs parties", "Can be split"), yes_no(method.split).to_string()),
    ];
    let _ = writeln!(out, "| | |\n|---|---|");
    for (key, value) in rows {
        let _ = writeln!(out, "| {key} | {} |", cell(&value));
    }
    out.push('\n');
}

fn steps(out: &mut String, method: &Method, lang: Lang) {
    let _ = writeln!(out, "## {}\n", lang.pick("Déroulement", "Steps"));
    let mut elapsed = 0;
    for (i, step) in method.steps.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. **{}–{} min** ({} min) — {}",
            i + 1,
            elapsed,
            elapsed + step.minutes,
            step.minutes,
            step.text.get(lang)
        );
        elapsed += step.minutes;
    }
    out.push('\n');
}

fn origin_and_sources(out: &mut String, method: &Method, lang: Lang) {
    if let Some(origin) = &method.origin {
        let mut line = origin.authors.join(", ");
        if let Some(year) = origin.year {
            line = if line.is_empty() { year.to_string() } else { format!("{line} ({year})") };
        }
        if !line.is_empty() {
            let _ = writeln!(out, "{} {line}\n", lang.pick("**Origine** :", "**Origin**:"));
        }
    }
    if !method.sources.is_empty() {
        let _ = writeln!(out, "## {}\n", lang.pick("Sources", "Sources"));
        for source in &method.sources {
            let _ = writeln!(out, "- {source}");
        }
    }
}
