//! The harvest sheet (compte rendu): per sequence, room for what the group produced; an
//! action table (qui, quoi, quand) when the objectives call for a result; the follow-up.
//! Filled in by hand on the printed page or in a text editor on the Markdown.

use super::deroule::{colon, day, slot_name, times};
use super::document::{Block, Document, Line, Row, labelled};
use super::typography;
use crate::catalogue::Catalogue;
use crate::planner::Plan;
use crate::text::Lang;
use crate::vocabulary::Phase;

/// Empty rows left for the group's production in each sequence.
const PRODUCTION_ROWS: usize = 4;
/// Empty rows left in the action table.
const ACTION_ROWS: usize = 6;
/// What a blank to fill in looks like on paper and in a text editor.
const BLANK: &str = "……………………";

/// The harvest sheet of a plan.
///
/// ```
/// use facilitation::{render, Catalogue, Lang, Planner, Request};
/// let request = Request::builder("Atelier").time("14:00", "16:00").participants(20)
///     .objective("action-plan").build()?;
/// let catalogue = Catalogue::builtin();
/// let plan = Planner::new(catalogue).plan(&request)?;
/// let sheet = render::harvest(&plan, catalogue, Lang::En).to_markdown();
/// assert!(sheet.contains("| Who | What | By when |"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn harvest(plan: &Plan, catalogue: &Catalogue, lang: Lang) -> Document {
    let agenda = &plan.agenda;
    let mut doc =
        Document::new(lang, format!("{}{}", lang.pick("Compte rendu : ", "Harvest: "), agenda.title));
    let mut facts: Vec<Line> = Vec::new();
    if let Some(date) = &agenda.date {
        facts.push(labelled("Date", colon(lang, &day(date, lang))));
    }
    facts.push(labelled(lang.pick("Horaires", "Time"), colon(lang, &times(agenda, lang))));
    facts.push(labelled(lang.pick("Personnes présentes", "People present"), colon(lang, BLANK)));
    facts.push(labelled(lang.pick("Rédigé par", "Written by"), colon(lang, BLANK)));
    doc.push(Block::List(facts));
    for slot in agenda.method_slots().filter(|slot| slot.part.is_none()) {
        let mut blocks = vec![Block::Heading {
            level: 2,
            text: format!(
                "{} · {}",
                typography::span(slot.start, last_end(plan, slot), lang),
                slot_name(slot, catalogue, lang)
            ),
        }];
        for question in super::deroule::calling_questions(plan, catalogue, slot) {
            blocks.push(Block::Paragraph(labelled(
                lang.pick("Question travaillée", "Question worked on"),
                colon(lang, &typography::quoted(question, lang)),
            )));
        }
        let head = match slot.phase {
            Some(Phase::Closing) => [
                lang.pick(
                    "Ce que les participants ont dit de la séance",
                    "What the participants said of the session",
                ),
                lang.pick("Combien", "How many"),
            ],
            _ => [
                lang.pick("Ce que le groupe a produit", "What the group produced"),
                lang.pick("Remarques", "Notes"),
            ],
        };
        blocks.push(blank_table(&head, PRODUCTION_ROWS, slot.phase));
        doc.push(Block::Keep(blocks));
    }
    if plan.agenda.objectives.iter().any(|o| o.calls_for_result()) {
        doc.heading(2, lang.pick("Plan d'action", "Action plan"));
        doc.push(blank_table(
            &[lang.pick("Qui", "Who"), lang.pick("Quoi", "What"), lang.pick("Quand", "By when")],
            ACTION_ROWS,
            None,
        ));
    }
    doc.heading(2, lang.pick("Suites", "Follow-up"));
    doc.push(Block::List(vec![
        labelled(lang.pick("Date du point de suivi", "Follow-up date"), colon(lang, BLANK)),
        labelled(
            lang.pick("Compte rendu envoyé aux participants le", "Harvest sent to the participants on"),
            colon(lang, BLANK),
        ),
        labelled(
            lang.pick("Ce qui est remonté au porteur de projet", "What goes up to the project lead"),
            colon(lang, BLANK),
        ),
    ]));
    typography::typeset_document(&mut doc);
    doc
}

/// Where a method ends, all its parts together.
fn last_end(plan: &Plan, slot: &crate::agenda::Slot) -> crate::clock::ClockTime {
    plan.agenda.method_slots().filter(|s| s.method == slot.method).map(|s| s.end).max().unwrap_or(slot.end)
}

fn blank_table(head: &[&str], rows: usize, phase: Option<Phase>) -> Block {
    Block::Table {
        head: head.iter().map(|h| h.to_string()).collect(),
        rows: (0..rows).map(|_| Row { cells: vec![String::new(); head.len()], phase }).collect(),
    }
}
