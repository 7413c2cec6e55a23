//! The coordinator's register: the network's year, interventions held, backups, RGPD.
//!
//! ```text
//! cargo run --features register --example register -- --db registre.db report --year 2027
//! cargo run --features register --example register -- --db registre.db report --format json
//! cargo run --features register --example register -- --db registre.db held 12 --on 2027-03-18
//! cargo run --features register --example register -- --db registre.db export > sauvegarde.yaml
//! cargo run --features register --example register -- --db nouveau.db import sauvegarde.yaml
//! cargo run --features register --example register -- --db registre.db person f07     # right of access
//! cargo run --features register --example register -- --db registre.db erase f07      # right to erasure
//! ```
//!
//! Exit codes: 0 done; 1 the register refused (unknown request or person, not empty);
//! 2 the file cannot be read or written.

mod common;

use clap::{Parser, Subcommand, ValueEnum};
use facilitation::register::{Export, Register, RegisterError, YearReport};
use facilitation::{Lang, Localize};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, ValueEnum)]
enum Output {
    Markdown,
    Json,
}

/// The register of the network's mobilisations.
#[derive(Parser)]
#[command(about)]
struct Args {
    /// The register's file (created, readable by its owner only, when missing).
    #[arg(long)]
    db: PathBuf,
    /// Language of the output (fr or en).
    #[arg(long, default_value = "fr", global = true)]
    lang: Lang,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// The network's year: days used and left, interventions per sub-directorate, requests waiting.
    Report {
        /// The year (default: the current year of the register's latest request).
        #[arg(long)]
        year: Option<u32>,
        /// Output format.
        #[arg(long, value_enum, default_value = "markdown")]
        format: Output,
    },
    /// Records that a staffed request's intervention took place.
    Held {
        /// The request's number (given by `mobilise --confirm`).
        request: i64,
        /// The date it took place (YYYY-MM-DD).
        #[arg(long)]
        on: String,
    },
    /// Prints everything in the register as YAML (backup).
    Export,
    /// Restores a YAML backup into an empty register.
    Import {
        /// The backup file.
        file: PathBuf,
    },
    /// Prints everything held about one facilitator (right of access), as YAML.
    Person {
        /// The facilitator's id.
        id: String,
    },
    /// Erases a facilitator; their past interventions stay, anonymised.
    Erase {
        /// The facilitator's id.
        id: String,
    },
}

fn main() -> ExitCode {
    let args = Args::parse();
    let lang = args.lang;
    let result = Register::open(&args.db).and_then(|mut register| run(&mut register, &args.command, lang));
    match result {
        Ok(text) => common::print(&text),
        Err(error) => {
            common::fail(&error.text(lang), 0);
            match error {
                RegisterError::NotFound { .. } | RegisterError::NotEmpty | RegisterError::Export(_) => {
                    ExitCode::FAILURE
                }
                _ => ExitCode::from(2),
            }
        }
    }
}

fn run(register: &mut Register, command: &Command, lang: Lang) -> Result<String, RegisterError> {
    match command {
        Command::Report { year, format } => {
            let year = match year {
                Some(year) => *year,
                None => latest_year(register)?,
            };
            let report = register.report(year)?;
            Ok(match format {
                Output::Json => serde_json::to_string_pretty(&report).unwrap_or_default() + "\n",
                Output::Markdown => markdown(&report, lang),
            })
        }
        Command::Held { request, on } => {
            register.held(*request, on)?;
            Ok(lang
                .pick(
                    "Intervention n° {n} enregistrée comme tenue.\n",
                    "Intervention #{n} recorded as held.\n",
                )
                .replace("{n}", &request.to_string()))
        }
        Command::Export => Ok(register.export()?.to_yaml()),
        Command::Import { file } => {
            let source =
                read_backup(file).map_err(|source| RegisterError::Io { path: file.clone(), source })?;
            register.import(&Export::from_yaml(&source)?)?;
            Ok(lang.pick("Sauvegarde importée.\n", "Backup imported.\n").to_string())
        }
        Command::Person { id } => Ok(serde_yaml::to_string(&register.person(id)?).unwrap_or_default()),
        Command::Erase { id } => {
            let pseudonym = register.erase(id)?;
            Ok(lang
                .pick(
                    "{id} effacé ; ses interventions passées restent sous « {p} ».\n",
                    "{id} erased; their past interventions remain as \"{p}\".\n",
                )
                .replace("{id}", id)
                .replace("{p}", &pseudonym))
        }
    }
}

/// The year of the latest request recorded, or of the roster's quotas.
fn latest_year(register: &Register) -> Result<u32, RegisterError> {
    let export = register.export()?;
    let years = export.requests.iter().map(|r| r.year).chain(export.quotas.iter().map(|q| q.year));
    Ok(years.max().unwrap_or(2027))
}

fn markdown(report: &YearReport, lang: Lang) -> String {
    let mut text = format!("# {} {}\n\n", lang.pick("Le réseau en", "The network in"), report.year);
    text += &format!("## {}\n\n", lang.pick("Jours par facilitateur", "Days per facilitator"));
    text += lang.pick(
        "| id | nom | sous-direction | quota | utilisés | restants | interventions |\n",
        "| id | name | sub-directorate | quota | used | left | interventions |\n",
    );
    text += "| --- | --- | --- | ---: | ---: | ---: | ---: |\n";
    for f in &report.facilitators {
        text += &format!(
            "| {} | {} | {} | {} | {} | {} | {} |\n",
            f.id, f.name, f.subdirectorate, f.days, f.days_used, f.days_left, f.interventions
        );
    }
    text += &format!(
        "\n## {}\n\n",
        lang.pick("Interventions par sous-direction", "Interventions per sub-directorate")
    );
    for sub in &report.subdirectorates {
        let name = if sub.subdirectorate.is_empty() {
            lang.pick("(non précisée)", "(not given)")
        } else {
            &sub.subdirectorate
        };
        text += &lang
            .pick("- {s} : {h} tenue(s), {p} à venir\n", "- {s}: {h} held, {p} to come\n")
            .replace("{s}", name)
            .replace("{h}", &sub.held.to_string())
            .replace("{p}", &sub.staffed.to_string());
    }
    text += &format!("\n## {}\n\n", lang.pick("Demandes en attente", "Requests waiting"));
    if report.waiting.is_empty() {
        text += lang.pick("Aucune.\n", "None.\n");
    }
    for waiting in &report.waiting {
        text += &format!("- n° {} {} {}\n", waiting.id, waiting.date, waiting.title);
    }
    text
}

/// The largest backup `import` reads: the register of a network of volunteers is far
/// smaller; anything larger is not one of its exports.
const MAX_BACKUP_BYTES: u64 = 16 * 1024 * 1024;

/// Reads a backup file, refusing a pipe, a device or a file too large to be an export.
fn read_backup(path: &std::path::Path) -> std::io::Result<String> {
    use std::io::{Error, ErrorKind, Read};
    let metadata = std::fs::metadata(path)?;
    if !metadata.is_file() || metadata.len() > MAX_BACKUP_BYTES {
        return Err(Error::new(
            ErrorKind::InvalidInput,
            "not a register export (a regular file of at most 16 MiB)",
        ));
    }
    let mut source = String::new();
    std::fs::File::open(path)?.take(MAX_BACKUP_BYTES).read_to_string(&mut source)?;
    Ok(source)
}
