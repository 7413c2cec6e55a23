//! Re-times the rest of a session on the day, so that it still ends on time.
//!
//! ```text
//! cargo run --example retime -- AGENDA.yaml --request REQUEST.yaml --now 10:50 --next 4
//! ```
//! Slots before the `--next`-th (1-based) are done and it is `--now`: prints a card the
//! facilitator reads in one glance (how late, what changes, the rest of the session), or
//! the remaining slots as YAML or JSON.

mod common;

use clap::{Parser, ValueEnum};
use facilitation::{ClockTime, Localize, retime::retime};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, ValueEnum)]
enum Output {
    Markdown,
    Yaml,
    Json,
}

/// Re-times the rest of a session from now to its planned end.
#[derive(Parser)]
#[command(about)]
struct Args {
    /// The agenda being run (YAML or JSON).
    agenda: PathBuf,
    /// The request it was planned for.
    #[arg(long, value_name = "REQUEST")]
    request: PathBuf,
    /// The time it is now, HH:MM.
    #[arg(long)]
    now: ClockTime,
    /// The slot about to start (1-based): the slots before it are done.
    #[arg(long)]
    next: usize,
    /// Output: the card (markdown) or the remaining slots (yaml, json).
    #[arg(long, value_enum, default_value = "markdown")]
    format: Output,
    #[command(flatten)]
    shared: common::Shared,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let lang = args.shared.lang;
    let (catalogue, request, agenda) = match args.shared.catalogue_request_agenda(&args.request, &args.agenda)
    {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let retimed = match retime(&agenda, &request, &catalogue, args.now, args.next) {
        Ok(retimed) => retimed,
        Err(error) => return common::fail(&error.text(lang), 1),
    };
    let printed = match args.format {
        Output::Markdown => Ok(retimed.card(&catalogue, lang)),
        Output::Yaml => serde_yaml::to_string(&retimed.slots).map_err(|e| e.to_string()),
        Output::Json => {
            serde_json::to_string_pretty(&retimed.slots).map(|json| json + "\n").map_err(|e| e.to_string())
        }
    };
    match printed {
        Ok(text) => common::print(&text),
        Err(error) => common::fail(&error, 1),
    }
}
