//! Checks an agenda (déroulé) against the rules of the network, for the request it answers:
//! the hard rules first (an agenda that breaks one cannot be run), then the craft rules a
//! facilitator checks (points to watch, C1 to C11).
//!
//! ```text
//! cargo run --example plan -- --format yaml > /tmp/agenda.yaml
//! cargo run --example check -- /tmp/agenda.yaml --request examples/requests/forum-rsa.yaml
//! cargo run --example check -- /tmp/agenda.yaml --request examples/requests/forum-rsa.yaml --compare
//! ```
//!
//! Exit codes: 0 when every hard rule is kept (craft points may be listed), 1 when a hard
//! rule is broken, 2 when a file cannot be read.

mod common;

use clap::Parser;
use facilitation::{Agenda, Catalogue, Lang, Localize, Planner, Request, Slot, check, craft, score};
use std::path::PathBuf;
use std::process::ExitCode;

/// Checks an agenda against every rule; exits 0 when it keeps every hard rule, 1 otherwise.
#[derive(Parser)]
#[command(about)]
struct Args {
    /// The agenda file (YAML or JSON).
    agenda: PathBuf,
    /// The request the agenda answers (YAML).
    #[arg(long)]
    request: PathBuf,
    /// Also plan the request and print the planner's agenda beside this one, with both
    /// scores (the formation-action's exercise).
    #[arg(long)]
    compare: bool,
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
    let report = check(&agenda, &request, &catalogue);
    let mut text = String::new();
    if report.is_valid() {
        text += lang.pick("L'agenda respecte toutes les règles.\n", "The agenda keeps every rule.\n");
    } else {
        let count = report.violations.len();
        text += &lang.pick(
            format!("{count} règle{} non respectée{} :\n", plural(count), plural(count)),
            format!("{count} broken rule{}:\n", plural(count)),
        );
        text += &report.to_text(&agenda, lang);
    }
    let points = craft::review(&agenda, &request, &catalogue);
    if !points.is_clean() {
        text += lang.pick(
            "\nPoints d'attention (règles du métier, ce qu'un facilitateur ferait autrement) :\n",
            "\nPoints to watch (craft rules, what a facilitator would do instead):\n",
        );
        text += &points.to_text(&agenda, lang);
    }
    if args.compare {
        text += &compare(&agenda, &request, &catalogue, lang);
    }
    let printed = common::print(&text);
    if report.is_valid() { printed } else { ExitCode::from(1) }
}

/// The trainee's agenda and the planner's, side by side, with both scores.
fn compare(agenda: &Agenda, request: &Request, catalogue: &Catalogue, lang: Lang) -> String {
    let plan = match Planner::new(catalogue).plan(request) {
        Ok(plan) => plan,
        Err(error) => {
            return lang
                .pick("\nLe planificateur ne propose rien : ", "\nThe planner proposes nothing: ")
                .to_string()
                + &error.text(lang)
                + "\n";
        }
    };
    let objectives = request.analyse().objectives();
    let components = score::for_request(agenda, request, &objectives, catalogue);
    let yours = components.total();
    let planned = plan.score.total();
    let left: Vec<String> = agenda.slots.iter().map(|slot| line(slot, lang)).collect();
    let right: Vec<String> = plan.agenda.slots.iter().map(|slot| line(slot, lang)).collect();
    let width = left.iter().map(|l| l.chars().count()).max().unwrap_or(0).max(30);
    let head = (lang.pick("Votre déroulé", "Your agenda"), lang.pick("Le planificateur", "The planner"));
    let mut text = format!("\n{:<width$}  |  {}\n", head.0, head.1);
    let yours = format!("{yours:.1} / 100");
    text += &format!("{yours:<width$}  |  {planned:.1} / 100\n");
    text += &format!("{}\n", "-".repeat(width * 2 + 5));
    for i in 0..left.len().max(right.len()) {
        let l = left.get(i).map_or("", String::as_str);
        let r = right.get(i).map_or("", String::as_str);
        text += &format!("{l:<width$}  |  {r}\n");
    }
    text + &differences(&components, &plan.score, width, lang)
}

/// The score's components on which the two agendas differ, in points out of 100: where the
/// trainee's agenda gains or loses against the planner's.
fn differences(yours: &score::Score, planned: &score::Score, width: usize, lang: Lang) -> String {
    let points =
        |score: &score::Score, component: score::Component| score.get(component) * component.weight();
    let mut text = String::new();
    for component in score::Component::ALL {
        let (mine, theirs) = (points(yours, component), points(planned, component));
        if (mine - theirs).abs() >= 0.05 {
            let label = format!("{} : {mine:.1}", component.label(lang));
            text += &format!("{label:<width$}  |  {theirs:.1}\n");
        }
    }
    if text.is_empty() {
        return text;
    }
    format!("\n{}\n", lang.pick("Où les points diffèrent :", "Where the points differ:")) + &text
}

fn line(slot: &Slot, lang: Lang) -> String {
    let what = match &slot.method {
        Some(id) => id.to_string(),
        None => slot.kind.label(lang).to_string(),
    };
    format!("{}–{} {what} ({} min)", slot.start, slot.end, slot.minutes)
}

fn plural(count: usize) -> &'static str {
    if count > 1 { "s" } else { "" }
}
