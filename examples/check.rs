//! Checks an agenda (déroulé) against the rules of the network, for the request it answers.
//!
//! ```text
//! cargo run --example plan -- --format yaml > /tmp/agenda.yaml
//! cargo run --example check -- /tmp/agenda.yaml --request examples/requests/forum-rsa.yaml
//! ```

use clap::Parser;
use facilitation::{Agenda, Catalogue, Lang, Request, check};
use std::path::PathBuf;
use std::process::ExitCode;

/// Checks an agenda against every rule; exits 0 when it keeps them all, 1 otherwise.
#[derive(Parser)]
#[command(about)]
struct Args {
    /// The agenda file (YAML or JSON).
    agenda: PathBuf,
    /// The request the agenda answers (YAML).
    #[arg(long)]
    request: PathBuf,
    /// Language of the report (fr or en).
    #[arg(long, default_value = "fr")]
    lang: Lang,
    /// A folder of method files to add to the built-in catalogue (repeatable).
    #[arg(long = "methods", value_name = "DIR")]
    methods: Vec<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let catalogue = match Catalogue::builtin_with_dirs(&args.methods) {
        Ok(catalogue) => catalogue,
        Err(error) => return fail(&error.to_string()),
    };
    let request = match Request::from_file(&args.request) {
        Ok(request) => request,
        Err(error) => return fail(&error.to_string()),
    };
    let name = args.agenda.display().to_string();
    let agenda = match std::fs::read_to_string(&args.agenda) {
        Ok(source) => Agenda::from_yaml(&name, &source),
        Err(error) => return fail(&format!("cannot read {name}: {error}")),
    };
    let agenda = match agenda {
        Ok(agenda) => agenda,
        Err(problem) => return fail(&problem.to_string()),
    };
    let report = check(&agenda, &request, &catalogue);
    if report.is_valid() {
        println!(
            "{}",
            args.lang.pick("L'agenda respecte toutes les règles.", "The agenda keeps every rule.")
        );
        return ExitCode::SUCCESS;
    }
    let count = report.violations.len();
    println!("{count} {}", args.lang.pick("règle(s) non respectée(s) :", "broken rule(s):"));
    print!("{}", report.to_text(&agenda, args.lang));
    ExitCode::from(1)
}

fn fail(message: &str) -> ExitCode {
    eprintln!("{message}");
    ExitCode::from(2)
}
