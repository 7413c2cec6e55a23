//! The method card: everything a facilitator needs to run a method, on one page.

use super::document::{Block, Document, Line, Row, Span, labelled, plain};
use super::session::Setting;
use super::steps::timed_steps;
use super::{format_labels, grouping_labels, objective_labels, phase_labels};
use crate::agenda::{Slot, SlotKind};
use crate::clock::ClockTime;
use crate::method::{Method, Step};
use crate::text::Lang;

/// The method card: summary, key facts, setup, materials, steps with their times, tips,
/// origin and sources.
///
/// ```
/// use facilitation::{render, Catalogue, Lang};
/// let cafe = Catalogue::builtin().get("world-cafe").unwrap();
/// let card = render::card(cafe, Lang::Fr).to_markdown();
/// assert!(card.starts_with("# World Café"));
/// assert!(card.contains("## Déroulement"));
/// ```
pub fn card(method: &Method, lang: Lang) -> Document {
    let t = |fr: &'static str, en: &'static str| lang.pick(fr, en);
    let mut doc = Document::new(lang, method.name.get(lang));
    if !method.aliases.is_empty() {
        doc.push(Block::Paragraph(vec![Span::Emphasis(format!(
            "{} {}",
            t("Aussi appelé :", "Also known as:"),
            method.aliases.join(", ")
        ))]));
    }
    doc.push(Block::Paragraph(plain(method.summary.get(lang))));
    doc.push(Block::Table {
        head: vec![t("Repère", "Key fact").into(), String::new()],
        rows: facts(method, lang),
    });
    doc.heading(2, t("Installation", "Setup"));
    doc.push(Block::Paragraph(plain(method.setup.get(lang))));
    if !method.materials.is_empty() {
        doc.heading(2, t("Matériel", "Materials"));
        doc.push(Block::List(method.materials.iter().map(|m| plain(m.name(lang))).collect()));
    }
    doc.heading(2, t("Déroulement", "Steps"));
    doc.push(Block::Paragraph(vec![Span::Emphasis(for_size(method, lang))]));
    doc.push(Block::Numbered(steps(method, &method.steps, lang)));
    if let Some(remote) = &method.remote {
        doc.heading(2, t("À distance", "Remotely"));
        doc.push(Block::Paragraph(plain(remote.setup.get(lang))));
        if !remote.materials.is_empty() {
            doc.push(Block::List(remote.materials.iter().map(|m| plain(m.name(lang))).collect()));
        }
        if !remote.steps.is_empty() {
            doc.push(Block::Numbered(steps(method, &remote.steps, lang)));
        }
    }
    if let Some(plenary) = method.remote.as_ref().and_then(|remote| remote.plenary.as_ref()) {
        let up_to = plenary.up_to;
        doc.heading(
            2,
            lang.pick(
                format!("À distance sans salles de sous-groupes (jusqu'à {up_to} participants)"),
                format!("Remotely without breakout rooms (up to {up_to} participants)"),
            ),
        );
        doc.push(Block::Paragraph(plain(plenary.setup.get(lang))));
        if !plenary.materials.is_empty() {
            doc.push(Block::List(plenary.materials.iter().map(|m| plain(m.name(lang))).collect()));
        }
        doc.push(Block::Numbered(steps(method, &plenary.steps, lang)));
    }
    if !method.tips.is_empty() {
        doc.heading(2, t("Conseils", "Tips"));
        doc.push(Block::List(method.tips.iter().map(|tip| plain(tip.get(lang))).collect()));
    }
    origin_and_sources(&mut doc, method, lang);
    doc
}

/// Says which group size and length the steps below are timed for.
fn for_size(method: &Method, lang: Lang) -> String {
    let size = card_size(method);
    let minutes = method.typical_minutes_for(size);
    match lang {
        Lang::Fr => format!("Pour {size} participants et {minutes} minutes :"),
        Lang::En => format!("For {size} participants and {minutes} minutes:"),
    }
}

fn facts(method: &Method, lang: Lang) -> Vec<Row> {
    let t = |fr: &'static str, en: &'static str| lang.pick(fr, en);
    let d = &method.duration;
    let mut duration =
        format!("{}–{} min ({} {})", d.min, d.max, d.typical, t("habituellement", "typically"));
    if d.per_participant > 0.0 {
        let per = d.per_participant.to_string();
        let per = if lang == Lang::Fr { per.replace('.', ",") } else { per };
        duration += &format!(" + {per} min {}", t("par participant", "per participant"));
        if let Some(cap) = d.per_participant_up_to {
            duration += &format!(" ({} {cap})", t("jusqu'à", "up to"));
        }
    }
    let facilitators = match method.facilitators.per {
        Some(per) => {
            format!("{} ({} {per} participants)", method.facilitators.min, t("puis 1 pour", "then 1 per"))
        }
        None => method.facilitators.min.to_string(),
    };
    let yes_no =
        |flag: bool| t(if flag { "oui" } else { "non" }, if flag { "yes" } else { "no" }).to_string();
    [
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
        (t("Salles de sous-groupes", "Breakout spaces"), yes_no(method.breakout)),
        (t("En plusieurs parties", "Can be split"), yes_no(method.split)),
    ]
    .into_iter()
    .map(|(key, value)| Row { cells: vec![key.to_string(), value], phase: None })
    .collect()
}

/// The group size the card's steps are timed for: 20 people, or the nearest size the
/// method works with.
fn card_size(method: &Method) -> u32 {
    20u32.clamp(method.participants.min, method.participants.max)
}

/// The steps at the method's typical length for the card's group size, with their real
/// figures (rounds, groups that share).
fn steps(method: &Method, steps: &[Step], lang: Lang) -> Vec<Line> {
    let size = card_size(method);
    let minutes = method.typical_minutes_for(size);
    let (Some(start), Some(end)) = (ClockTime::from_minutes(0), ClockTime::from_minutes(minutes)) else {
        return Vec::new();
    };
    let slot = Slot::new(SlotKind::Method, start, end);
    let timed = timed_steps(method, steps, &[&slot], size);
    timed
        .iter()
        .flatten()
        .map(|step| {
            let (from, to) = (step.start.minutes(), step.end.minutes());
            let text = Setting::any().fill(&step.text);
            labelled(format!("{from}–{to} min"), format!(" — {}", text.get(lang)))
        })
        .collect()
}

fn origin_and_sources(doc: &mut Document, method: &Method, lang: Lang) {
    if let Some(origin) = &method.origin {
        let mut line = origin.authors.join(", ");
        if let Some(year) = origin.year {
            line = if line.is_empty() { year.to_string() } else { format!("{line} ({year})") };
        }
        if !line.is_empty() {
            doc.push(Block::Paragraph(labelled(lang.pick("Origine :", "Origin:"), format!(" {line}"))));
        }
    }
    if !method.sources.is_empty() {
        doc.heading(2, "Sources");
        doc.push(Block::List(method.sources.iter().map(plain).collect()));
    }
}
