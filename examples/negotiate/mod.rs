//! What the negotiation prints: variants side by side, the changes of a re-plan.

#![allow(dead_code)] // each example uses its own part of this module

use facilitation::{Catalogue, Lang, Localize, Plan, planner::Replan};

/// The plans in columns: for each, its seed and score, then its slots (times and what).
pub fn side_by_side(plans: &[Plan], catalogue: &Catalogue, lang: Lang) -> String {
    let column = |plan: &Plan| -> Vec<String> {
        plan.agenda
            .slots
            .iter()
            .map(|slot| {
                let what = match (&slot.method, &slot.title) {
                    (Some(id), _) => {
                        catalogue.get(id.as_str()).map_or(id.to_string(), |m| m.name.get(lang).to_string())
                    }
                    (_, Some(title)) => title.clone(),
                    _ => slot.kind.label(lang).to_string(),
                };
                format!("{}–{} {what}", slot.start, slot.end)
            })
            .collect()
    };
    let columns: Vec<Vec<String>> = plans.iter().map(column).collect();
    let mut text = String::from("|");
    for (i, plan) in plans.iter().enumerate() {
        let seed = plan.agenda.seed.unwrap_or(0);
        let score = format!("{:.1}", plan.score.total());
        text += &lang.pick(
            format!(" Variante {} (--seed {seed}, note {}) |", i + 1, score.replace('.', ",")),
            format!(" Variant {} (--seed {seed}, score {score}) |", i + 1),
        );
    }
    text += "\n|";
    text += &"---|".repeat(plans.len());
    text += "\n";
    let rows = columns.iter().map(Vec::len).max().unwrap_or(0);
    for row in 0..rows {
        text += "|";
        for column in &columns {
            text += &format!(" {} |", column.get(row).map_or("", String::as_str));
        }
        text += "\n";
    }
    if plans.len() > 1 {
        text += lang.pick(
            "\nPour retenir une variante : `plan DEMANDE --seed N` avec sa graine.\n",
            "\nTo keep a variant: `plan REQUEST --seed N` with its seed.\n",
        );
    }
    text
}

/// What changed from the previous agenda, as a Markdown section.
pub fn changes(replan: &Replan, lang: Lang) -> String {
    let mut text = lang.pick("## Ce qui change\n\n", "## What changes\n\n").to_string();
    if replan.changes.is_empty() {
        text += lang.pick(
            "- Rien : le déroulé convenu tient toujours.\n",
            "- Nothing: the agreed agenda still holds.\n",
        );
    }
    for change in &replan.changes {
        text += &format!("- {}\n", change.text(lang));
    }
    let d = replan.distance;
    text += &lang.pick(
        format!("\nDistance au déroulé convenu : {} (méthodes retirées {}, ajoutées {}, inversions {}, minutes déplacées {}).\n\n", d.total(), d.dropped, d.added, d.reordered, d.minutes),
        format!("\nDistance to the agreed agenda: {} (methods dropped {}, added {}, order swaps {}, minutes moved {}).\n\n", d.total(), d.dropped, d.added, d.reordered, d.minutes),
    );
    text
}
