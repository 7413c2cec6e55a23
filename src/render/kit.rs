//! The workshop kit: every document on the path from the request to the follow-up, for
//! its readers (the facilitators' déroulé, the project lead's programme, the participants'
//! invitation, the harvest sheet), each in Markdown and printable HTML, with the agenda as
//! YAML and an index page. The library builds the files; the `plan` example writes them.

use super::document::{Block, Document, Line, Span, plain};
use super::{deroule, harvest, invitation, programme, typography};
use crate::catalogue::Catalogue;
use crate::planner::Plan;
use crate::text::Lang;
use serde::{Deserialize, Serialize};

/// The file that marks a folder as a kit, so that writing a kit again may replace it.
pub const KIT_MARK: &str = "index.html";

/// One file of the kit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct KitFile {
    /// Its name in the kit's folder.
    pub name: String,
    /// What it holds.
    pub contents: String,
}

/// The documents of the kit: file stem, title in French and English, who reads it.
const DOCUMENTS: [(&str, &str, &str, &str, &str); 4] = [
    (
        "deroule",
        "Déroulé des facilitateurs",
        "Facilitators' agenda",
        "l'équipe d'animation",
        "the facilitation team",
    ),
    ("programme", "Programme", "Programme", "le porteur de projet", "the project lead"),
    ("invitation", "Invitation", "Invitation", "les participants", "the participants"),
    (
        "compte-rendu",
        "Compte rendu à remplir",
        "Harvest sheet to fill in",
        "la personne qui note pendant la séance",
        "whoever takes notes during the session",
    ),
];

/// The names of every file a kit holds, whatever the plan.
pub fn kit_file_names() -> Vec<String> {
    let mut names: Vec<String> =
        DOCUMENTS.iter().flat_map(|(stem, ..)| [format!("{stem}.md"), format!("{stem}.html")]).collect();
    names.push("agenda.yaml".to_string());
    names.push(KIT_MARK.to_string());
    names
}

/// Every file of the kit of `plan`, in `lang`.
///
/// ```
/// use facilitation::{render, Catalogue, Lang, Planner, Request};
/// let request = Request::builder("Atelier").time("14:00", "16:00").participants(20)
///     .objective("share-practices").build()?;
/// let catalogue = Catalogue::builtin();
/// let plan = Planner::new(catalogue).plan(&request)?;
/// let files = render::kit(&plan, catalogue, Lang::Fr);
/// let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
/// assert!(names.contains(&"programme.html") && names.contains(&"agenda.yaml"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn kit(plan: &Plan, catalogue: &Catalogue, lang: Lang) -> Vec<KitFile> {
    let documents = [
        deroule::deroule(plan, catalogue, lang),
        programme::programme(plan, lang),
        invitation::invitation(plan, lang),
        harvest::harvest(plan, catalogue, lang),
    ];
    let mut files = Vec::new();
    for ((stem, ..), document) in DOCUMENTS.iter().zip(&documents) {
        files.push(KitFile { name: format!("{stem}.md"), contents: document.to_markdown() });
        let html = match *stem {
            "invitation" if invitation::is_easy_to_read(plan) => document.to_large_html(),
            "compte-rendu" => super::html::write(document, super::html::FORM),
            _ => document.to_html(),
        };
        files.push(KitFile { name: format!("{stem}.html"), contents: html });
    }
    files.push(KitFile { name: "agenda.yaml".to_string(), contents: plan.agenda.to_yaml() });
    files.push(KitFile { name: KIT_MARK.to_string(), contents: index(plan, lang).to_html() });
    files
}

/// The index page: each document, who it is for, in both formats.
fn index(plan: &Plan, lang: Lang) -> Document {
    let title = format!("{}{}", lang.pick("Dossier de la séance : ", "Session kit: "), plan.agenda.title);
    let mut doc = Document::new(lang, title);
    let when =
        plan.agenda.date.as_deref().map(|date| typography::date(date, lang).unwrap_or(date.to_string()));
    let mut facts = when.unwrap_or_default();
    if !facts.is_empty() {
        facts.push_str(", ");
    }
    facts += &typography::span(plan.agenda.start, plan.agenda.end, lang);
    doc.push(Block::Paragraph(plain(facts)));
    let lines: Vec<Line> = DOCUMENTS
        .iter()
        .map(|(stem, fr, en, for_fr, for_en)| {
            vec![
                Span::Link { text: lang.pick(*fr, *en).to_string(), href: format!("{stem}.html") },
                Span::Plain(format!(" {} {} (", lang.pick("— pour", "— for"), lang.pick(*for_fr, *for_en))),
                Span::Link { text: "Markdown".to_string(), href: format!("{stem}.md") },
                Span::Plain(")".to_string()),
            ]
        })
        .chain(std::iter::once(vec![
            Span::Link {
                text: lang.pick("L'agenda (YAML)", "The agenda (YAML)").to_string(),
                href: "agenda.yaml".to_string(),
            },
            Span::Plain(
                lang.pick(" — pour le vérifier ou le replanifier", " — to check it or plan it again")
                    .to_string(),
            ),
        ]))
        .collect();
    doc.push(Block::List(lines));
    typography::typeset_document(&mut doc);
    doc
}
