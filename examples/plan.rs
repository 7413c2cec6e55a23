//! Plans a déroulé from a request (saisine).
//!
//! ```text
//! cargo run --example plan                       # the built-in sample: the Forum RSA
//! cargo run --example plan -- examples/requests/irritants-semaine-management.yaml --seed 7
//! cargo run --example plan -- REQUEST.yaml --format yaml --lang en --methods my-methods/
//! cargo run --example plan -- --format html > deroule.html   # to print from a browser
//! cargo run --example plan -- examples/requests/forum-rsa.yaml --kit kit-forum/   # every document
//! ```

mod common;
mod negotiate;

use clap::{Parser, ValueEnum};
use facilitation::{Lang, Localize, Planner, Request, render};
use std::path::Path;
use std::path::PathBuf;
use std::process::ExitCode;

/// The sample request planned when no file is given: the network's Forum RSA.
const SAMPLE: &str = include_str!("requests/forum-rsa.yaml");

#[derive(Clone, Copy, ValueEnum)]
enum Output {
    Markdown,
    Html,
    Yaml,
    Json,
}

/// Plans an agenda (déroulé) from a request file (saisine).
#[derive(Parser)]
#[command(about)]
struct Args {
    /// The request file (YAML); without it, the built-in Forum RSA sample.
    request: Option<PathBuf>,
    /// Output: the printable déroulé (markdown, html) or the agenda file (yaml, json).
    #[arg(long, value_enum, default_value = "markdown")]
    format: Output,
    /// Picks a variant among near-best agendas (0, the default: the best one); the same seed gives the same agenda.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Writes the workshop's kit into this folder (déroulé, programme, invitation, harvest
    /// sheet, agenda, index); refuses a non-empty folder that is not a previous kit.
    #[arg(long, value_name = "DIR")]
    kit: Option<PathBuf>,
    /// The agenda agreed before: re-plans with the least change from it.
    #[arg(long, value_name = "AGENDA")]
    previous: Option<PathBuf>,
    /// Prints N clearly different near-best agendas side by side.
    #[arg(long, value_name = "N")]
    variants: Option<usize>,
    #[command(flatten)]
    shared: common::Shared,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let lang = args.shared.lang;
    let catalogue = match args.shared.catalogue() {
        Ok(catalogue) => catalogue,
        Err(code) => return code,
    };
    let request = match &args.request {
        Some(path) => common::request(path, lang),
        None => Request::from_yaml("examples/requests/forum-rsa.yaml", SAMPLE)
            .map_err(|error| common::fail(&error.text(lang), 2)),
    };
    let request = match request {
        Ok(request) => request,
        Err(code) => return code,
    };
    if let Some(count) = args.variants {
        return match Planner::new(&catalogue).seed(args.seed).variants(&request, count) {
            Ok(plans) => common::print(&negotiate::side_by_side(&plans, &catalogue, lang)),
            Err(error) => common::fail(&error.text(lang), 1),
        };
    }
    if let Some(path) = &args.previous {
        let previous = match facilitation::Agenda::from_file(path) {
            Ok(previous) => previous,
            Err(error) => return common::fail(&error.text(lang), 2),
        };
        return match Planner::new(&catalogue).seed(args.seed).replan(&previous, &request) {
            Ok(replan) => match args.format {
                Output::Markdown => common::print(
                    &(negotiate::changes(&replan, lang) + &replan.plan.to_markdown(&catalogue, lang)),
                ),
                Output::Html => common::print(&replan.plan.to_html(&catalogue, lang)),
                Output::Yaml => common::print(&replan.plan.agenda.to_yaml()),
                Output::Json => common::print(
                    &(serde_json::to_string_pretty(&replan.plan.agenda).unwrap_or_default() + "\n"),
                ),
            },
            Err(error) => common::fail(&error.text(lang), 1),
        };
    }
    let plan = match Planner::new(&catalogue).seed(args.seed).plan(&request) {
        Ok(plan) => plan,
        Err(error) => return common::fail(&error.text(lang), 1),
    };
    if let Some(dir) = &args.kit {
        return write_kit(dir, &render::kit(&plan, &catalogue, lang), lang);
    }
    let printed = match args.format {
        Output::Markdown => Ok(plan.to_markdown(&catalogue, args.shared.lang)),
        Output::Html => Ok(plan.to_html(&catalogue, args.shared.lang)),
        Output::Yaml => Ok(plan.agenda.to_yaml()),
        Output::Json => {
            serde_json::to_string_pretty(&plan.agenda).map(|json| json + "\n").map_err(|e| e.to_string())
        }
    };
    match printed {
        Ok(text) => common::print(&text),
        Err(error) => common::fail(&error, 1),
    }
}

/// Writes the kit's files into `dir`, created if missing. A folder holding anything but a
/// previous kit's files is left untouched: the user's own files are never overwritten.
fn write_kit(dir: &Path, files: &[render::KitFile], lang: Lang) -> ExitCode {
    let ours = render::kit_file_names();
    if let Ok(entries) = std::fs::read_dir(dir) {
        let foreign: Vec<String> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .filter(|name| !ours.contains(name))
            .collect();
        if !foreign.is_empty() {
            let message = match lang {
                Lang::Fr => format!(
                    "{} n'est pas vide et ne contient pas un dossier de séance ({}) : choisissez un dossier vide ou nouveau.",
                    dir.display(),
                    foreign.join(", ")
                ),
                Lang::En => format!(
                    "{} is not empty and holds more than a session kit ({}): choose an empty or new folder.",
                    dir.display(),
                    foreign.join(", ")
                ),
            };
            return common::fail(&message, 2);
        }
    } else if let Err(error) = std::fs::create_dir_all(dir) {
        return common::fail(&format!("{}: {error}", dir.display()), 74);
    }
    for file in files {
        let path = dir.join(&file.name);
        if let Err(error) = std::fs::write(&path, &file.contents) {
            return common::fail(&format!("{}: {error}", path.display()), 74);
        }
    }
    let done = lang.pick("Dossier écrit", "Kit written");
    let colon = lang.pick("\u{a0}: ", ": ");
    common::print(&format!("{done}{colon}{}\n", dir.join(render::KIT_MARK).display()))
}
