//! Checks an agenda (déroulé) against the rules of the network, for the request it answers.
//!
//! ```text
//! cargo run --example plan -- --format yaml > /tmp/agenda.yaml
//! cargo run --example check -- /tmp/agenda.yaml --request examples/requests/forum-rsa.yaml
//! ```

mod common;

use clap::Parser;
use facilitation::{Agenda, Lang, Localize, check};
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
    let lang = args.lang;
    let catalogue = match common::catalogue(&args.methods, lang) {
        Ok(catalogue) => catalogue,
        Err(code) => return code,
    };
    let request = match common::request(&args.request, lang) {
        Ok(request) => request,
        Err(code) => return code,
    };
    let agenda = match Agenda::from_file(&args.agenda) {
        Ok(agenda) => agenda,
        Err(error) => return common::fail(&error.text(lang), 2),
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
