//! Evaluating impact, the last step of the network's mode d'emploi: a questionnaire
//! derived from the request, the answers read from a form tool's CSV export, the impact
//! measured per objective, and compared across interventions.
//!
//! ```
//! use facilitation::Request;
//! use facilitation::evaluate::{Answers, Measure, Questionnaire, Report};
//!
//! let request = Request::builder("Semaine du management : résoudre les irritants")
//!     .time("14:00", "16:00")
//!     .participants(18)
//!     .objective("resolve-irritants")
//!     .objective("construire un plan d'action")
//!     .build()?;
//! let questionnaire = Questionnaire::for_request(&request);
//! assert!(questionnaire.items.iter().any(|item| item.measures.to_string() == "action-plan"));
//! assert!(questionnaire.items.iter().any(|item| item.measures == Measure::Roti));
//!
//! // One row per respondent, one column per item; words or numbers, blanks allowed.
//! let mut csv = questionnaire.answer_template();
//! let row: Vec<&str> = questionnaire.items.iter().map(|item| match item.measures {
//!     Measure::Open => "Plus de temps pour les actions",
//!     _ => "Tout à fait d'accord",
//! }).collect();
//! csv.push_str(&row.join(";"));
//! let answers = Answers::read(&questionnaire, "reponses.csv", &csv)?;
//! let report = Report::new(&request, &questionnaire, &answers);
//! assert_eq!(report.objectives[0].summary.mean, Some(5.0));
//! assert!(report.caution, "one respondent: the report says to read it with care");
//! assert!(report.to_html(facilitation::Lang::Fr).contains("<svg"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! - [`Questionnaire::for_request`]: per objective of the request one or two statements
//!   on a five-point agreement scale, one per ground rule of the network (Disponibilité,
//!   Ouverture, Responsabilité, Écoute, Équivalence 1 = 1), the ROTI and two open
//!   questions; the easy-to-read (FALC) wording when service users take part.
//!   [`Questionnaire::follow_up`]: the project lead's, two to three months later
//!   (Kirkpatrick's levels 3 and 4). Items are data (`src/evaluate/items.yaml`), in fixed
//!   wording so that answers compare across interventions (OECD, 2021).
//! - Exports: printable Markdown and large-type HTML, the form definition as JSON
//!   (the shape of the [design notes](crate::design)) or CSV for a form tool's import.
//! - [`Answers::read`]: one row per respondent, one column per item (`q1`... or the
//!   item's key); byte-order mark, `;` or `,`, quoted cells, blank cells, « Tout à fait
//!   d'accord » or 1–5 are all read; a file that does not match the questionnaire is
//!   refused with every problem located ([`AnswersError`], in French or English).
//! - [`Report`]: per objective, ground rule and follow-up point the responses, mean,
//!   distribution and share agreeing, with a caution under [`CAUTION_BELOW`]
//!   respondents; the ROTI; open answers grouped, flagged when they seem to name a person.
//! - [`Network`]: the reports of a folder ([`read_results`]) pooled per objective type,
//!   ground rule, method, sub-directorate, quarter and follow-up point; no group of fewer
//!   than [`BREAKDOWN_BELOW`] respondents is shown.
//! - Charts (SVG, drawn with `plotters`): a diverging stacked bar per statement, the ROTI
//!   histogram, small multiples per objective across interventions, each with a table
//!   that says the same.

mod answers;
mod bank;
mod chart;
mod csv;
mod network;
mod print;
mod questionnaire;
mod report;

pub use answers::{
    Answer, AnswerProblem, AnswerProblemKind, Answers, AnswersError, MAX_ANSWERS_BYTES, Respondent,
};
pub use network::{Group, MAX_RESULT_BYTES, Network, NetworkError, Point, read_results};
pub use print::{measure_name, network_document, questionnaire_document, report_document};
pub use questionnaire::{Audience, Item, ItemKind, Measure, Questionnaire, agreement_scale};
pub use report::{
    BREAKDOWN_BELOW, CAUTION_BELOW, Intervention, ItemResult, ObjectiveResult, OpenAnswer, OpenResult,
    PointResult, Report, Summary, names_person,
};

use crate::text::Lang;

impl Questionnaire {
    /// The form to print, as Markdown.
    pub fn to_markdown(&self, lang: Lang) -> String {
        questionnaire_document(self, lang).to_markdown()
    }

    /// The form to print, as one self-contained HTML page in large type.
    pub fn to_html(&self, lang: Lang) -> String {
        questionnaire_document(self, lang).to_large_html()
    }
}

impl Report {
    /// The report, as Markdown (the charts' tables, without the charts).
    pub fn to_markdown(&self, lang: Lang) -> String {
        report_document(self, lang).to_markdown()
    }

    /// The report, as one self-contained HTML page with its charts.
    pub fn to_html(&self, lang: Lang) -> String {
        report_document(self, lang).to_html()
    }
}
