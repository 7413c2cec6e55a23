//! Proposes the team of volunteers for a request, and records it once confirmed.
//!
//! ```text
//! cargo run --features register --example mobilise -- examples/requests/forum-rsa.yaml --roster examples/rosters/reseau-2027.yaml
//! cargo run --features register --example mobilise -- REQUEST.yaml --roster ROSTER.yaml --db registre.db --confirm
//! cargo run --features register --example mobilise -- REQUEST.yaml --roster ROSTER.yaml --format json --lang en
//! ```
//!
//! Exit codes: 0 a team is proposed (and recorded with `--confirm`); 1 no team exists
//! (why, and what would make one, on stderr; with `--confirm` the request is recorded as
//! waiting); 2 a file or the register is wrong.

mod common;

use clap::{Parser, ValueEnum};
use facilitation::mobilise::{Allocation, Allocator, MobiliseError, Need, Usage, sequence_leads};
use facilitation::register::{Register, RegisterError};
use facilitation::roster::Roster;
use facilitation::{Agenda, Catalogue, Localize, Planner, Request};
use std::path::PathBuf;
use std::process::ExitCode;

/// How many times a confirmation is tried again when another coordinator took the days.
const RETRIES: usize = 3;

#[derive(Clone, Copy, ValueEnum)]
enum Output {
    Markdown,
    Json,
}

/// Proposes the team of facilitators for a request (saisine).
#[derive(Parser)]
#[command(about)]
struct Args {
    /// The request file (YAML).
    request: PathBuf,
    /// The roster of the network's facilitators (YAML).
    #[arg(long)]
    roster: PathBuf,
    /// The register: days already used are counted; `--confirm` records the team there.
    #[arg(long)]
    db: Option<PathBuf>,
    /// Records the proposed team in the register (its days are counted).
    #[arg(long, requires = "db")]
    confirm: bool,
    /// Output: a readable proposal (markdown) or `{"team": [...], "reasons": [...]}` (json).
    #[arg(long, value_enum, default_value = "markdown")]
    format: Output,
    #[command(flatten)]
    shared: common::Shared,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(code) => code,
        Err(message) => common::fail(&message, 2),
    }
}

fn run(args: &Args) -> Result<ExitCode, String> {
    let lang = args.shared.lang;
    let catalogue = Catalogue::builtin_with_dirs(&args.shared.methods).map_err(|e| e.text(lang))?;
    let request = Request::from_file(&args.request).map_err(|e| e.text(lang))?;
    let roster = Roster::from_file(&args.roster).map_err(|e| e.text(lang))?;
    let mut need = Need::from_request(&request, roster.year).map_err(|e| e.text(lang))?;
    let agenda = match Planner::new(&catalogue).plan(&request) {
        Ok(plan) => Some(plan.agenda),
        Err(error) => {
            let note = lang.pick(
                "Déroulé non construit, les méthodes ne sont pas vérifiées :",
                "No agenda planned, methods not checked:",
            );
            common::fail(&format!("{note} {}", error.text(lang)), 0);
            None
        }
    };
    if let Some(agenda) = &agenda {
        need = need.with_agenda(agenda, &catalogue);
    }
    let mut register = args.db.as_ref().map(Register::open).transpose().map_err(|e| e.text(lang))?;
    for _ in 0..RETRIES {
        let usage = match &register {
            Some(register) => register.usage(need.year).map_err(|e| e.text(lang))?,
            None => Usage::default(),
        };
        let allocation = match Allocator::new(&roster, &usage, &need).allocate() {
            Ok(allocation) => allocation,
            Err(error) => return no_team(args, &error, &roster, &need, register.as_mut()),
        };
        let recorded = match (&mut register, args.confirm) {
            (Some(register), true) => match register.confirm(&roster, &need, &allocation.team) {
                Ok(number) => Some(number),
                Err(RegisterError::OverQuota { .. }) => continue,
                Err(error) => return Err(error.text(lang)),
            },
            _ => None,
        };
        return Ok(common::print(&proposal(args, &allocation, agenda.as_ref(), recorded)));
    }
    Err(lang
        .pick(
            "D'autres coordinateurs confirment en même temps : relancez.",
            "Other coordinators are confirming at the same time: run it again.",
        )
        .to_string())
}

fn no_team(
    args: &Args,
    error: &MobiliseError,
    roster: &Roster,
    need: &Need,
    register: Option<&mut Register>,
) -> Result<ExitCode, String> {
    let why = error.text(args.shared.lang);
    common::fail(&why, 1);
    if let (Some(register), true) = (register, args.confirm) {
        let number = register.wait(roster, need).map_err(|e| e.text(args.shared.lang))?;
        let waiting = args
            .shared
            .lang
            .pick("Demande enregistrée en attente : n° {n}.", "Request recorded as waiting: #{n}.");
        common::fail(&waiting.replace("{n}", &number.to_string()), 1);
    }
    if let Output::Json = args.format {
        common::print(&format!("{}\n", serde_json::json!({"team": [], "reasons": [why]})));
    }
    Ok(ExitCode::FAILURE)
}

fn proposal(args: &Args, allocation: &Allocation, agenda: Option<&Agenda>, recorded: Option<i64>) -> String {
    let lang = args.shared.lang;
    let reasons: Vec<String> = allocation.reasons.iter().map(|r| r.text(lang)).collect();
    if let Output::Json = args.format {
        let team: Vec<_> =
            allocation.team.iter().map(|m| serde_json::json!({"id": m.id, "role": m.role})).collect();
        return format!("{:#}\n", serde_json::json!({"team": team, "reasons": reasons}));
    }
    let mut text = format!("# {}\n\n", lang.pick("Équipe proposée", "Proposed team"));
    text += &reasons.iter().map(|r| format!("- {r}\n")).collect::<String>();
    if let Some(agenda) = agenda {
        text += &format!("\n## {}\n\n", lang.pick("Qui anime chaque séquence", "Who leads each sequence"));
        for (slot, member) in sequence_leads(agenda, &allocation.team) {
            let slot = &agenda.slots[slot];
            let method = slot.method.as_ref().map(|m| m.as_str()).unwrap_or_default();
            text += &format!("- {}–{} {method} : {}\n", slot.start, slot.end, member.name);
        }
    }
    if let Some(number) = recorded {
        text += &format!(
            "\n{}\n",
            lang.pick(
                "Équipe enregistrée dans le registre (demande n° {n}).",
                "Team recorded in the register (request #{n})."
            )
            .replace("{n}", &number.to_string())
        );
    }
    text
}
