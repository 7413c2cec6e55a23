//! Errors: what went wrong, where (file, line, field), and what would fix it.

use crate::text::Localize;
use std::fmt;
use std::path::PathBuf;

/// A position in a file, counted from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Location {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1.
    pub column: usize,
}

/// What is wrong with one field of one file (a method, a request or an agenda).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProblemKind {
    /// The file is not readable YAML.
    #[error(
        "the YAML cannot be read ({message}); check the indentation and quote texts that contain `:` or `#`"
    )]
    Syntax {
        /// The parser's words.
        message: String,
    },
    /// A field the method format does not know, often a typo.
    #[error("`{field}` is not a known field here; check the spelling (known fields: {})", .expected.join(", "))]
    UnknownField {
        /// The field as written.
        field: String,
        /// The fields allowed there.
        expected: Vec<String>,
    },
    /// A word that is not in the vocabulary.
    #[error("`{value}` is not a known value; use one of: {}", .expected.join(", "))]
    UnknownValue {
        /// The word as written.
        value: String,
        /// The words allowed there.
        expected: Vec<String>,
    },
    /// A required field is missing.
    #[error("the field `{field}` is missing; add it")]
    MissingField {
        /// The missing field.
        field: String,
    },
    /// A value of the wrong kind (a text where a number is expected...).
    #[error("the value is not of the expected kind ({message})")]
    WrongType {
        /// The parser's words.
        message: String,
    },
    /// An id that is not kebab-case ASCII.
    #[error("`{id}` is not a valid method id; use lowercase letters, digits and hyphens, like `world-cafe`")]
    InvalidId {
        /// The id as written.
        id: String,
    },
    /// The id differs from the file name.
    #[error(
        "the id `{id}` differs from the file name `{stem}.yaml`; rename the file to `{id}.yaml` or set `id: {stem}`"
    )]
    IdMismatch {
        /// The id in the file.
        id: String,
        /// The file's stem.
        stem: String,
    },
    /// Two files define the same id.
    #[error("the id `{id}` is already defined by {other_file}; give one of them another id")]
    DuplicateId {
        /// The repeated id.
        id: String,
        /// The file that defined it first.
        other_file: String,
    },
    /// The durations are out of order.
    #[error(
        "the durations must satisfy 0 < min <= typical <= max, but min is {min}, typical {typical} and max {max}; reorder them"
    )]
    DurationOrder {
        /// `duration.min`.
        min: u32,
        /// `duration.typical`.
        typical: u32,
        /// `duration.max`.
        max: u32,
    },
    /// A number that must be positive is not.
    #[error("the value {value} must be greater than zero")]
    NotPositive {
        /// The value as read.
        value: String,
    },
    /// The participant range is upside down.
    #[error("the minimum number of participants ({min}) is larger than the maximum ({max}); swap them")]
    ParticipantsOrder {
        /// `participants.min`.
        min: u32,
        /// `participants.max`.
        max: u32,
    },
    /// The steps do not add up to the typical duration.
    #[error(
        "the steps add up to {sum} minutes but the typical duration is {typical}; adjust a step or `duration.typical`"
    )]
    StepsSum {
        /// The steps' total.
        sum: u32,
        /// `duration.typical`.
        typical: u32,
    },
    /// A list that must not be empty is empty.
    #[error("the list is empty; give at least one value")]
    EmptyList,
    /// A value appears twice in a list.
    #[error("`{value}` appears twice in the list; keep one")]
    RepeatedValue {
        /// The repeated value.
        value: String,
    },
    /// A text that must not be blank is blank.
    #[error("the text is blank; write it")]
    BlankText,
    /// `per` and `count` both given for one material.
    #[error(
        "a material takes either `per` (one per N participants) or `count` (a fixed number), not both; keep one"
    )]
    TwoQuantities,
    /// The file is larger than a method file can be.
    #[error(
        "the file is {bytes} bytes, more than the {limit} a method file may have; is it really a method file?"
    )]
    TooLarge {
        /// The file's size.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// The file is not UTF-8 text.
    #[error("the file is not UTF-8 text; save it as UTF-8")]
    NotText,
    /// A session that ends before it starts.
    #[error("the session ends at {end}, before it starts at {start}; correct `start` or `end`")]
    EndBeforeStart {
        /// The start, as written.
        start: String,
        /// The end, as written.
        end: String,
    },
    /// A session that would run past midnight.
    #[error("the session would end past midnight; shorten it or start earlier")]
    PastMidnight,
    /// Both `end` and `duration` given, or neither.
    #[error(
        "give the session's length either as `end: \"HH:MM\"` or as `duration: MINUTES`, exactly one of the two"
    )]
    EndOrDuration,
    /// A date that is not `YYYY-MM-DD`.
    #[error("`{date}` is not a date; write it as YYYY-MM-DD, like 2027-03-18")]
    InvalidDate {
        /// The date as written.
        date: String,
    },
    /// A method id that the catalogue does not hold.
    #[error("no method of the catalogue has the id `{id}`{}", suggest(.suggestions))]
    UnknownMethod {
        /// The id as written.
        id: String,
        /// Close ids of the catalogue.
        suggestions: Vec<String>,
    },
    /// A method both included and excluded.
    #[error("`{id}` is both in `include` and in `exclude`; keep it in one of them")]
    IncludedAndExcluded {
        /// The method id.
        id: String,
    },
    /// A longest stretch too short to run anything.
    #[error("a longest stretch of {minutes} minutes without a break is too short; allow at least {least}")]
    StretchTooShort {
        /// `max_stretch` as written.
        minutes: u32,
        /// The least accepted.
        least: u32,
    },
}

fn suggest(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        "; list the methods with `cargo run --example catalogue`".to_string()
    } else {
        format!(
            "; did you mean {}?",
            suggestions.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(" or ")
        )
    }
}

/// One problem found in one method file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file, as given to the loader (`methods/world-cafe.yaml`).
    pub file: String,
    /// Where in the file, when known.
    pub location: Option<Location>,
    /// The field path (`duration.min`, `steps[2].minutes`), empty for the whole file.
    pub field: String,
    /// What is wrong and how to fix it.
    pub kind: ProblemKind,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(at) = self.location {
            write!(f, ", line {}, column {}", at.line, at.column)?;
        }
        if !self.field.is_empty() {
            write!(f, ", field `{}`", self.field)?;
        }
        write!(f, ": {}", self.kind)
    }
}

impl std::error::Error for Problem {}

/// Why a catalogue could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// One or more method files are wrong; every problem of every file is listed.
    #[error("{} problem(s) in the method files:\n{}", .0.len(), list(.0))]
    Invalid(Vec<Problem>),
    /// A folder or file could not be read.
    #[error("cannot read {}: {source}; check that the path exists and is readable", .path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
    },
    /// A folder holds more method files than a catalogue accepts.
    #[error("{} holds {count} method files, more than the {limit} a catalogue accepts; split it into smaller folders", .path.display())]
    TooManyFiles {
        /// The folder.
        path: PathBuf,
        /// How many files it holds.
        count: usize,
        /// The limit.
        limit: usize,
    },
}

impl LoadError {
    /// The problems found in method files (empty for I/O errors).
    pub fn problems(&self) -> &[Problem] {
        match self {
            LoadError::Invalid(problems) => problems,
            _ => &[],
        }
    }
}

fn list(problems: &[Problem]) -> String {
    problems.iter().map(|problem| format!("  - {problem}")).collect::<Vec<_>>().join("\n")
}

/// Why a request cannot be used: every problem, each with its field.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RequestError {
    /// The request's fields are wrong; every problem is listed.
    #[error("{} problem(s) in the request:\n{}", .0.len(), list(.0))]
    Invalid(Vec<Problem>),
    /// The request file could not be read.
    #[error("cannot read {}: {source}; check that the path exists and is readable", .path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
    },
}

impl RequestError {
    /// The problems found in the request (empty for I/O errors).
    pub fn problems(&self) -> &[Problem] {
        match self {
            RequestError::Invalid(problems) => problems,
            RequestError::Io { .. } => &[],
        }
    }
}

/// Why no agenda can be planned for a request, and what would make it possible.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PlanError {
    /// The request itself is wrong.
    #[error(transparent)]
    Request(#[from] RequestError),
    /// An objective sentence must be clarified first.
    #[error("the request must be clarified before planning: {}", question_list(.questions))]
    Unclear {
        /// The questions to answer.
        questions: Vec<crate::analysis::Question>,
    },
    /// A method of `include` cannot run for this request.
    #[error("`{id}` is required by `include` but cannot run here: {}", .breach.text(crate::text::Lang::En))]
    IncludeUnfit {
        /// The method.
        id: String,
        /// Why.
        breach: crate::check::Breach,
    },
    /// A method of `include` needs more time than the session has.
    #[error("`{id}` needs at least {needed} minutes but the session lasts {minutes}: {}drop it from `include`", end_hint(.end))]
    IncludeTooLong {
        /// The method.
        id: String,
        /// Its minimum for this group.
        needed: u32,
        /// The session's minutes.
        minutes: u32,
        /// An end that would leave room for it.
        end: Option<crate::clock::ClockTime>,
    },
    /// No method of the catalogue that can run here serves a phase or an objective.
    #[error("no method of the catalogue serves {} for {participants} participants {}; add a method file for it or change the request", need(.phase, .objective), .format.label(crate::text::Lang::En).to_lowercase())]
    NoMethod {
        /// The phase without a method.
        phase: Option<crate::vocabulary::Phase>,
        /// The objective without a method.
        objective: Option<crate::vocabulary::Objective>,
        /// The participants.
        participants: u32,
        /// The format.
        format: crate::vocabulary::Format,
    },
    /// The session is too short for its objectives.
    #[error("{minutes} minutes are not enough to serve {} with a welcome, an opening, breaks and a closing: {}", objectives_list(.objectives), longer(.needed, .end))]
    TooShort {
        /// The session's minutes.
        minutes: u32,
        /// Minutes that would be enough, when found.
        needed: Option<u32>,
        /// The end that would be enough, when found.
        end: Option<crate::clock::ClockTime>,
        /// The objectives asked for.
        objectives: Vec<crate::vocabulary::Objective>,
    },
}

impl PlanError {
    /// The refusal in `lang`, as one message a facilitator can act on.
    pub fn message(&self, lang: crate::text::Lang) -> String {
        use crate::text::Lang;
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (PlanError::Request(error), Lang::Fr) => format!("La demande est incorrecte :\n{error}"),
            (PlanError::Unclear { questions }, Lang::Fr) => format!(
                "La demande doit être clarifiée avant de construire le déroulé :\n{}",
                questions.iter().map(|q| format!("- {}", q.text(Lang::Fr))).collect::<Vec<_>>().join("\n")
            ),
            (PlanError::IncludeUnfit { id, breach }, Lang::Fr) => {
                format!(
                    "`{id}` est demandée dans `include` mais ne peut pas être utilisée ici : {}",
                    breach.text(Lang::Fr)
                )
            }
            (PlanError::IncludeTooLong { id, needed, minutes, end }, Lang::Fr) => format!(
                "`{id}` demande au moins {needed} minutes mais la séance en dure {minutes} : {}ou retirez-la de `include`.",
                end.map(|end| format!("prolongez la séance jusqu'à {end} ")).unwrap_or_default()
            ),
            (PlanError::NoMethod { phase, objective, participants, format }, Lang::Fr) => format!(
                "Aucune méthode du catalogue ne sert {} pour {participants} participants en {} : ajoutez une fiche méthode ou modifiez la demande.",
                match (phase, objective) {
                    (Some(phase), _) => format!("la phase {}", phase.label(Lang::Fr).to_lowercase()),
                    (_, Some(objective)) => format!("l'objectif « {} »", objective.label(Lang::Fr)),
                    _ => "la demande".to_string(),
                },
                format.label(Lang::Fr).to_lowercase()
            ),
            (PlanError::TooShort { minutes, needed, end, objectives }, Lang::Fr) => format!(
                "{minutes} minutes ne suffisent pas pour servir {} avec un accueil, une ouverture, des pauses et une clôture : {}",
                objectives
                    .iter()
                    .map(|o| format!("« {} »", o.label(Lang::Fr)))
                    .collect::<Vec<_>>()
                    .join(", "),
                match (needed, end) {
                    (Some(needed), Some(end)) =>
                        format!("il faudrait environ {needed} minutes (fin à {end}), ou moins d'objectifs."),
                    _ => "retirez des objectifs ou des méthodes imposées.".to_string(),
                }
            ),
        }
    }
}

fn question_list(questions: &[crate::analysis::Question]) -> String {
    questions.iter().map(|q| q.text(crate::text::Lang::En)).collect::<Vec<_>>().join(" ")
}

fn end_hint(end: &Option<crate::clock::ClockTime>) -> String {
    end.map(|end| format!("extend the session to {end} or ")).unwrap_or_default()
}

fn need(
    phase: &Option<crate::vocabulary::Phase>,
    objective: &Option<crate::vocabulary::Objective>,
) -> String {
    match (phase, objective) {
        (Some(phase), _) => format!("the {} phase", phase.label(crate::text::Lang::En).to_lowercase()),
        (_, Some(objective)) => format!("the objective \"{}\"", objective.label(crate::text::Lang::En)),
        _ => "the request".to_string(),
    }
}

fn objectives_list(objectives: &[crate::vocabulary::Objective]) -> String {
    objectives
        .iter()
        .map(|o| format!("\"{}\"", o.label(crate::text::Lang::En)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn longer(needed: &Option<u32>, end: &Option<crate::clock::ClockTime>) -> String {
    match (needed, end) {
        (Some(needed), Some(end)) => {
            format!("about {needed} minutes would be needed (ending at {end}), or fewer objectives")
        }
        _ => "drop objectives or required methods".to_string(),
    }
}
