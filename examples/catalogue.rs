//! Browse the catalogue of methods: list, filter, or print one method card.
//!
//! ```text
//! cargo run --example catalogue
//! cargo run --example catalogue -- --phase opening --participants 40 --format remote
//! cargo run --example catalogue -- --card world-cafe --lang en
//! cargo run --example catalogue -- --card world-cafe --format html > world-cafe.html
//! cargo run --example catalogue -- --methods my-methods/
//! ```

mod common;

use clap::Parser;
use facilitation::{Catalogue, Format, Lang, Level, Method, Objective, Phase, Query};
use std::process::ExitCode;

/// Lists the methods of the catalogue, or prints one method card.
#[derive(Parser)]
#[command(about)]
struct Args {
    /// Keep methods that serve this phase (opening, divergence, emergence, convergence, action, closing).
    #[arg(long)]
    phase: Option<Phase>,
    /// Keep methods that serve this objective (share-practices, prioritize, ...).
    #[arg(long)]
    objective: Option<Objective>,
    /// Keep methods that work with this many participants.
    #[arg(long)]
    participants: Option<u32>,
    /// Keep methods that can run within this many minutes.
    #[arg(long)]
    minutes: Option<u32>,
    /// Without --card: keep methods that run in this format (onsite, remote, hybrid).
    /// With --card: how to print the card (markdown, the default, or html).
    #[arg(long)]
    format: Option<String>,
    /// Keep methods that facilitators of this level can run (beginner, intermediate, advanced).
    #[arg(long)]
    level: Option<Level>,
    /// Print the card of this method.
    #[arg(long, value_name = "ID")]
    card: Option<String>,
    #[command(flatten)]
    shared: common::Shared,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let catalogue = match args.shared.catalogue() {
        Ok(catalogue) => catalogue,
        Err(code) => return code,
    };
    if let Some(id) = &args.card {
        return match args.format.as_deref() {
            None | Some("markdown") => print_card(&catalogue, id, args.shared.lang, Method::card_markdown),
            Some("html") => print_card(&catalogue, id, args.shared.lang, Method::card_html),
            Some(other) => usage(&format!("with --card, --format is `markdown` or `html`, not `{other}`")),
        };
    }
    let format = match args.format.as_deref().map(str::parse::<Format>).transpose() {
        Ok(format) => format,
        Err(error) => return usage(&error.to_string()),
    };
    let mut query = Query::new();
    query.phase = args.phase;
    query.objective = args.objective;
    query.participants = args.participants;
    query.minutes = args.minutes;
    query.format = format;
    query.level = args.level;
    let found: Vec<&Method> = catalogue.query(&query).collect();
    common::print(&list(&found, args.shared.lang))
}

fn usage(message: &str) -> ExitCode {
    common::fail(message, 2)
}

fn print_card(catalogue: &Catalogue, id: &str, lang: Lang, write: fn(&Method, Lang) -> String) -> ExitCode {
    match catalogue.get(id) {
        Some(method) => common::print(&write(method, lang)),
        None => {
            let close: Vec<&str> =
                catalogue.iter().map(|m| m.id.as_str()).filter(|other| shares_word(id, other)).collect();
            let mut message = lang.pick(
                format!("Aucune méthode n'a l'identifiant `{id}`."),
                format!("No method has the id `{id}`."),
            );
            if !close.is_empty() {
                message += &lang.pick(
                    format!("\nVouliez-vous dire : {} ?", close.join(", ")),
                    format!("\nDid you mean: {}?", close.join(", ")),
                );
            }
            message += lang.pick(
                "\nLancez l'exemple sans --card pour lister tous les identifiants.",
                "\nRun the example without --card to list every id.",
            );
            common::fail(&message, 1)
        }
    }
}

fn shares_word(id: &str, other: &str) -> bool {
    id.split('-').filter(|word| word.len() > 2).any(|word| other.contains(word))
}

fn list(methods: &[&Method], lang: Lang) -> String {
    let header = [lang.pick("id", "id"), lang.pick("nom", "name"), "phases", "participants", "minutes"];
    let rows: Vec<[String; 5]> = methods
        .iter()
        .map(|method| {
            let d = &method.duration;
            let per = if d.per_participant > 0.0 {
                format!(" +{}/pers.", d.per_participant)
            } else {
                String::new()
            };
            [
                method.id.to_string(),
                method.name.get(lang).to_string(),
                method.phases.iter().map(|phase| phase.id()).collect::<Vec<_>>().join(","),
                format!("{}-{}", method.participants.min, method.participants.max),
                format!("{}-{}{per}", d.min, d.max),
            ]
        })
        .collect();
    let mut widths = header.map(|title| title.chars().count());
    for row in &rows {
        for (width, value) in widths.iter_mut().zip(row) {
            *width = (*width).max(value.chars().count());
        }
    }
    let line = |values: [&str; 5]| {
        let cells: Vec<String> =
            values.iter().zip(widths).map(|(value, width)| format!("{value:<width$}")).collect();
        cells.join("  ").trim_end().to_string() + "\n"
    };
    let mut text = line(header);
    for row in &rows {
        text += &line([&row[0], &row[1], &row[2], &row[3], &row[4]]);
    }
    let count = rows.len();
    let plural = if count > 1 { "s" } else { "" };
    text + &lang.pick(format!("\n{count} méthode{plural}\n"), format!("\n{count} method{plural}\n"))
}
