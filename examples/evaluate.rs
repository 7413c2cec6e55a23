//! Evaluates the impact of a session: the questionnaire derived from the request, then the
//! report from the answers, and the network's figures across interventions.
//!
//! ```text
//! cargo run --example evaluate -- questionnaire examples/requests/forum-rsa.yaml --format html > questionnaire.html
//! cargo run --example evaluate -- questionnaire REQUEST.yaml --format json     # form definition
//! cargo run --example evaluate -- questionnaire REQUEST.yaml --follow-up       # the lead's, 3 months later
//! cargo run --example evaluate -- report examples/answers/forum-rsa.csv --request examples/requests/forum-rsa.yaml
//! cargo run --example evaluate -- report ANSWERS.csv --request REQUEST.yaml --format json > results/forum.json
//! cargo run --example evaluate -- report --folder examples/answers/results --format html > reseau.html
//! ```

mod common;

use clap::{Parser, Subcommand, ValueEnum};
use facilitation::evaluate::{Answers, Network, Questionnaire, Report, network_document, read_results};
use facilitation::{Agenda, Catalogue, Lang, Localize, Request};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum Output {
    Markdown,
    Html,
    Json,
    Csv,
}

/// Evaluates the impact of a session (questionnaire, report, network).
#[derive(Parser)]
#[command(about)]
struct Args {
    #[command(subcommand)]
    command: Command,
    /// Language of the output and of the messages (fr or en).
    #[arg(long, default_value = "fr", global = true)]
    lang: Lang,
    /// A folder of method files to add to the built-in catalogue (repeatable).
    #[arg(long = "methods", value_name = "DIR", global = true)]
    methods: Vec<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Prints the questionnaire derived from a request.
    Questionnaire {
        /// The request file (YAML).
        request: PathBuf,
        /// markdown or html to print, json or csv for a form tool.
        #[arg(long, value_enum, default_value = "markdown")]
        format: Output,
        /// The project lead's follow-up, two to three months later.
        #[arg(long)]
        follow_up: bool,
    },
    /// Prints the report of an answer file, or of a folder of result files.
    Report {
        /// The answers (CSV: one row per respondent, one column per item).
        answers: Option<PathBuf>,
        /// The request the answers are about.
        #[arg(long)]
        request: Option<PathBuf>,
        /// The agenda that was run, to compare results per method.
        #[arg(long)]
        agenda: Option<PathBuf>,
        /// The answers are the project lead's follow-up.
        #[arg(long)]
        follow_up: bool,
        /// A folder of result files (`--format json` reports): the network's figures.
        #[arg(long, conflicts_with_all = ["answers", "request"])]
        folder: Option<PathBuf>,
        /// markdown, html (with charts) or json (a result file).
        #[arg(long, value_enum, default_value = "markdown")]
        format: Output,
    },
}

fn main() -> ExitCode {
    let args = Args::parse();
    let lang = args.lang;
    let printed = match args.command {
        Command::Questionnaire { request, format, follow_up } => questionnaire(&request, format, follow_up, lang),
        Command::Report { folder: Some(folder), format, .. } => network(&folder, format, &args.methods, lang),
        Command::Report { answers: Some(answers), request: Some(request), agenda, follow_up, format, .. } => {
            report(&answers, &request, agenda.as_deref(), follow_up, format, lang)
        }
        Command::Report { .. } => Err(lang
            .pick(
                "indiquez le fichier de réponses et `--request DEMANDE.yaml`, ou `--folder DOSSIER` pour le réseau",
                "give the answer file and `--request REQUEST.yaml`, or `--folder DIR` for the network",
            )
            .to_string()),
    };
    match printed {
        Ok(text) => common::print(&text),
        Err(message) => common::fail(&message, 1),
    }
}

fn questionnaire(request: &Path, format: Output, follow_up: bool, lang: Lang) -> Result<String, String> {
    let request = Request::from_file(request).map_err(|error| error.text(lang))?;
    let questionnaire =
        if follow_up { Questionnaire::follow_up(&request) } else { Questionnaire::for_request(&request) };
    Ok(match format {
        Output::Markdown => questionnaire.to_markdown(lang),
        Output::Html => questionnaire.to_html(lang),
        Output::Json => questionnaire.to_json(),
        Output::Csv => questionnaire.to_csv(lang),
    })
}

fn report(
    answers: &Path,
    request: &Path,
    agenda: Option<&Path>,
    follow_up: bool,
    format: Output,
    lang: Lang,
) -> Result<String, String> {
    let request = Request::from_file(request).map_err(|error| error.text(lang))?;
    let questionnaire =
        if follow_up { Questionnaire::follow_up(&request) } else { Questionnaire::for_request(&request) };
    let answers = Answers::from_file(&questionnaire, answers).map_err(|error| error.text(lang))?;
    let mut report = Report::new(&request, &questionnaire, &answers);
    if let Some(path) = agenda {
        let agenda = Agenda::from_file(path).map_err(|error| error.text(lang))?;
        report = report.with_agenda(&agenda);
    }
    match format {
        Output::Markdown => Ok(report.to_markdown(lang)),
        Output::Html => Ok(report.to_html(lang)),
        Output::Json => Ok(report.to_json()),
        Output::Csv => Err(unsupported(lang)),
    }
}

fn network(folder: &Path, format: Output, methods: &[PathBuf], lang: Lang) -> Result<String, String> {
    let catalogue = Catalogue::builtin_with_dirs(methods).map_err(|error| error.text(lang))?;
    let reports = read_results(folder).map_err(|error| error.text(lang))?;
    let network = Network::of(&reports);
    let name =
        |id: &str| catalogue.get(id).map_or(id.to_string(), |method| method.name.get(lang).to_string());
    match format {
        Output::Markdown => Ok(network_document(&network, lang, name).to_markdown()),
        Output::Html => Ok(network_document(&network, lang, name).to_html()),
        Output::Json => {
            serde_json::to_string_pretty(&network).map(|json| json + "\n").map_err(|e| e.to_string())
        }
        Output::Csv => Err(unsupported(lang)),
    }
}

fn unsupported(lang: Lang) -> String {
    lang.pick("un rapport s'écrit en markdown, html ou json", "a report is written as markdown, html or json")
        .to_string()
}
