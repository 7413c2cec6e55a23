//! The roster: the network's volunteer facilitators for one year, as the coordinator
//! keeps them (`roster.yaml`, the [design notes](crate::design) "Roster file").
//!
//! It holds only what mobilisation needs (RGPD): an id, a display name, a service, a
//! promotion, a yearly quota of days, what they can lead, the formats they run, and the
//! dates they are unavailable, without any reason. Unknown fields are refused, so a
//! phone number or a note cannot slip in. Every problem of a file is reported at once,
//! with its line and field, in French by default ([`Localize`]).
//!
//! ```
//! use facilitation::roster::Roster;
//! let roster = Roster::from_yaml("roster.yaml", r#"
//! year: 2027
//! facilitators:
//!   - {id: f07, name: "Camille", service: "Sous-direction de l'autonomie", promotion: 2023,
//!      level: advanced, formats: [onsite, remote], unavailable: [2027-03-18]}
//! "#)?;
//! assert_eq!(roster.facilitators[0].days, 6.0);
//! assert_eq!(roster.facilitators[0].subdirectorate(), Some("autonomie"));
//! # Ok::<(), facilitation::roster::RosterError>(())
//! ```

use crate::directorate::Directorate;
use crate::error::{Location, Problem, ProblemKind};
use crate::load::read_yaml;
use crate::method::MethodId;
use crate::request::is_date;
use crate::text::{Lang, Localize};
use crate::vocabulary::{Format, Level};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

/// The days per year a volunteer is missioned for, when the roster does not say.
pub const DEFAULT_DAYS: f64 = 6.0;
/// The most days per year a roster may give one volunteer: a larger number is a typo.
pub const MAX_DAYS: f64 = 60.0;
/// The first promotion a roster may name: the network was founded after it.
pub const FIRST_PROMOTION: u32 = 2000;

fn default_days() -> f64 {
    DEFAULT_DAYS
}

fn default_formats() -> Vec<Format> {
    vec![Format::Onsite]
}

/// One volunteer facilitator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Facilitator {
    /// A stable id (`f07`), the only key the register stores.
    pub id: String,
    /// The name shown in proposals (a first name is enough).
    pub name: String,
    /// Their service or sub-directorate, as written; see [`Facilitator::subdirectorate`].
    pub service: String,
    /// The year of their training promotion.
    pub promotion: u32,
    /// Days per year they are missioned for (default 6), in quarter days.
    #[serde(default = "default_days")]
    pub days: f64,
    /// The most advanced method level they can lead (default beginner).
    #[serde(default = "Facilitator::default_level")]
    pub level: Level,
    /// Methods they can lead whatever their level (optional).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub methods: Vec<MethodId>,
    /// The formats they can run (default on site only).
    #[serde(default = "default_formats")]
    pub formats: Vec<Format>,
    /// Dates they are unavailable (`YYYY-MM-DD`), never why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unavailable: Vec<String>,
}

impl Facilitator {
    fn default_level() -> Level {
        Level::Beginner
    }

    /// The id of their sub-directorate in the built-in organisation.
    pub fn subdirectorate(&self) -> Option<&'static str> {
        Directorate::builtin().find(&self.service).map(|sub| sub.id.as_str())
    }

    /// Their yearly quota in quarter days.
    pub fn quota_quarters(&self) -> u32 {
        (self.days.clamp(0.0, MAX_DAYS) * 4.0).round() as u32
    }

    /// Whether they can lead `method` of that level: named in `methods`, or within
    /// their level.
    pub fn can_lead(&self, method: &MethodId, level: Level) -> bool {
        self.methods.contains(method) || level <= self.level
    }

    /// Whether they are free on `date` (`YYYY-MM-DD`).
    pub fn available_on(&self, date: &str) -> bool {
        !self.unavailable.iter().any(|day| day == date)
    }
}

/// The roster of one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Roster {
    /// The year the quotas are for.
    pub year: u32,
    /// The facilitators.
    pub facilitators: Vec<Facilitator>,
}

impl Roster {
    /// Reads and checks a roster from YAML; `file` names it in problems.
    pub fn from_yaml(file: &str, source: &str) -> Result<Roster, RosterError> {
        let roster: Roster =
            read_yaml(file, source).map_err(|problem| RosterError::Invalid(vec![problem.into()]))?;
        let problems: Vec<RosterProblem> = roster
            .field_problems()
            .into_iter()
            .map(|(index, key, kind)| RosterProblem {
                file: file.to_string(),
                location: locate_item(source, index, key),
                field: format!("facilitators[{index}].{key}"),
                kind,
            })
            .collect();
        if problems.is_empty() { Ok(roster) } else { Err(RosterError::Invalid(problems)) }
    }

    /// Reads and checks a roster file.
    pub fn from_file(path: impl AsRef<Path>) -> Result<Roster, RosterError> {
        let path = path.as_ref();
        let source = crate::load::read_source(
            path,
            |source| RosterError::Io { path: path.to_path_buf(), source },
            |problem| RosterError::Invalid(vec![problem.into()]),
        )?;
        Roster::from_yaml(&path.display().to_string(), &source)
    }

    /// The facilitator of that id.
    pub fn get(&self, id: &str) -> Option<&Facilitator> {
        self.facilitators.iter().find(|f| f.id == id)
    }

    /// Every rule the YAML types alone do not enforce: (index, key, problem).
    fn field_problems(&self) -> Vec<(usize, &'static str, RosterProblemKind)> {
        let mut problems = Vec::new();
        let mut ids = HashSet::new();
        for (i, f) in self.facilitators.iter().enumerate() {
            let mut add = |key: &'static str, kind: RosterProblemKind| problems.push((i, key, kind));
            let mut read = |key: &'static str, kind: ProblemKind| add(key, RosterProblemKind::Read(kind));
            if f.id.trim().is_empty() {
                read("id", ProblemKind::BlankText);
            } else if !ids.insert(f.id.as_str()) {
                read("id", ProblemKind::RepeatedValue { value: f.id.clone() });
            }
            if f.name.trim().is_empty() {
                read("name", ProblemKind::BlankText);
            }
            if f.formats.is_empty() {
                read("formats", ProblemKind::EmptyList);
            }
            for value in repeated(&f.formats) {
                read("formats", ProblemKind::RepeatedValue { value });
            }
            for value in repeated(&f.methods) {
                read("methods", ProblemKind::RepeatedValue { value });
            }
            for value in repeated(&f.unavailable) {
                read("unavailable", ProblemKind::RepeatedValue { value });
            }
            for date in f.unavailable.iter().filter(|date| !is_date(date)) {
                read("unavailable", ProblemKind::InvalidDate { date: date.clone() });
            }
            if f.subdirectorate().is_none() {
                add("service", RosterProblemKind::UnknownService { service: f.service.clone() });
            }
            if !(FIRST_PROMOTION..=self.year).contains(&f.promotion) {
                add("promotion", RosterProblemKind::Promotion { promotion: f.promotion, year: self.year });
            }
            if !(f.days > 0.0 && f.days <= MAX_DAYS && (f.days * 4.0).fract() == 0.0) {
                add("days", RosterProblemKind::Days { days: f.days });
            }
        }
        problems
    }
}

fn repeated<T: fmt::Display + Eq + std::hash::Hash>(values: &[T]) -> impl Iterator<Item = String> + '_ {
    let mut seen = HashSet::new();
    values.iter().filter(move |value| !seen.insert(*value)).map(ToString::to_string)
}

fn unknown_service(service: &str, lang: Lang) -> String {
    let known = Directorate::builtin().names().join(" ; ");
    lang.pick(
        "« {s} » n'est rattaché à aucune sous-direction connue : à quelle sous-direction ce service appartient-il ? Écrivez son nom (parmi : {k}) ou ajoutez le service à src/directorate.yaml",
        "\"{s}\" belongs to no known sub-directorate: which sub-directorate is it part of? Write its name (one of: {k}) or add the service to src/directorate.yaml",
    )
    .replace("{s}", service)
    .replace("{k}", &known)
}

fn promotion_range(promotion: u32, year: u32, lang: Lang) -> String {
    lang.pick(
        "la promotion {p} doit être une année entre {f} et l'année du tableau ({y})",
        "the promotion {p} must be a year from {f} to the roster's year ({y})",
    )
    .replace("{p}", &promotion.to_string())
    .replace("{f}", &FIRST_PROMOTION.to_string())
    .replace("{y}", &year.to_string())
}

fn days_range(days: f64, lang: Lang) -> String {
    lang.pick(
        "{d} jours : le quota annuel est un nombre de jours entre 0,25 et {m}, par quarts de journée (6, 5.5, 4.75)",
        "{d} days: the yearly quota is a number of days from 0.25 to {m}, in quarter days (6, 5.5, 4.75)",
    )
    .replace("{d}", &days.to_string())
    .replace("{m}", &MAX_DAYS.to_string())
}

/// Finds the line of `key` in the `index`-th item of the top-level `facilitators` list,
/// whether items are written in block or flow style; `None` when not found.
fn locate_item(source: &str, index: usize, key: &str) -> Option<Location> {
    let lines: Vec<&str> = source.lines().collect();
    let top = lines.iter().position(|line| line.starts_with("facilitators:"))?;
    let items: Vec<usize> =
        (top + 1..lines.len()).filter(|&n| lines[n].trim_start().starts_with("- ")).collect();
    let first = *items.get(index)?;
    let last = items.get(index + 1).copied().unwrap_or(lines.len());
    let pattern = format!("{key}:");
    (first..last)
        .find_map(|n| lines[n].find(&pattern).map(|column| Location { line: n + 1, column: column + 1 }))
        .or(Some(Location { line: first + 1, column: 1 }))
}

/// What is wrong with one field of a roster.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum RosterProblemKind {
    /// A problem any input file can have (YAML, unknown field, blank text, date...).
    #[error(transparent)]
    Read(ProblemKind),
    /// A service that no sub-directorate holds: a question for the coordinator.
    #[error("{}", unknown_service(.service, Lang::En))]
    UnknownService {
        /// The service as written.
        service: String,
    },
    /// A promotion before the network or after the roster's year.
    #[error("{}", promotion_range(*.promotion, *.year, Lang::En))]
    Promotion {
        /// The promotion as written.
        promotion: u32,
        /// The roster's year.
        year: u32,
    },
    /// A yearly quota that is not a positive number of quarter days.
    #[error("{}", days_range(*.days, Lang::En))]
    Days {
        /// The days as written.
        days: f64,
    },
}

/// One problem of a roster file: where (file, line, field) and what.
#[derive(Debug, Clone, PartialEq)]
pub struct RosterProblem {
    /// The file, as given to the reader.
    pub file: String,
    /// Where in the file, when known.
    pub location: Option<Location>,
    /// The field path (`facilitators[3].service`), empty for the whole file.
    pub field: String,
    /// What is wrong and how to fix it.
    pub kind: RosterProblemKind,
}

impl From<Problem> for RosterProblem {
    fn from(problem: Problem) -> Self {
        RosterProblem {
            file: problem.file,
            location: problem.location,
            field: problem.field,
            kind: RosterProblemKind::Read(problem.kind),
        }
    }
}

impl fmt::Display for RosterProblem {
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

impl Localize for RosterProblem {
    fn text(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        let mut text = self.file.clone();
        if let Some(at) = self.location {
            text += &format!(", ligne {}, colonne {}", at.line, at.column);
        }
        if !self.field.is_empty() {
            text += &format!(", champ `{}`", self.field);
        }
        text + " : " + &self.kind.text(lang)
    }
}

impl Localize for RosterProblemKind {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (RosterProblemKind::Read(kind), lang) => read(kind, lang),
            (RosterProblemKind::UnknownService { service }, lang) => unknown_service(service, lang),
            (RosterProblemKind::Promotion { promotion, year }, lang) => {
                promotion_range(*promotion, *year, lang)
            }
            (RosterProblemKind::Days { days }, lang) => days_range(*days, lang),
        }
    }
}

/// The problems a roster shares with other files, with the roster's own word on unknown
/// fields: it keeps only what mobilisation needs.
fn read(kind: &ProblemKind, lang: Lang) -> String {
    match kind {
        ProblemKind::UnknownField { field, expected } => lang.pick(
            format!(
                "`{field}` n'est pas un champ connu : le tableau ne garde que ce qu'exige la mobilisation (champs possibles : {})",
                expected.join(", ")
            ),
            format!(
                "`{field}` is not a known field: the roster keeps only what mobilisation needs (possible fields: {})",
                expected.join(", ")
            ),
        ),
        other => other.text(lang),
    }
}

/// Why a roster cannot be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RosterError {
    /// The roster's fields are wrong; every problem is listed.
    #[error("{} problem(s) in the roster:\n{}", .0.len(), .0.iter().map(|p| format!("  - {p}")).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<RosterProblem>),
    /// The roster file could not be read.
    #[error("cannot read {}: {source}; check that the path exists and is readable", .path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
    },
}

impl RosterError {
    /// The problems found in the roster (empty for I/O errors).
    pub fn problems(&self) -> &[RosterProblem] {
        match self {
            RosterError::Invalid(problems) => problems,
            RosterError::Io { .. } => &[],
        }
    }
}

impl Localize for RosterError {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (RosterError::Io { path, source }, Lang::Fr) => {
                format!(
                    "Impossible de lire {} : {source} ; vérifiez le chemin et les droits.",
                    path.display()
                )
            }
            (RosterError::Invalid(problems), Lang::Fr) => {
                let lines: Vec<String> =
                    problems.iter().map(|p| format!("  - {}", p.text(Lang::Fr))).collect();
                format!(
                    "{} problème(s) dans le tableau des facilitateurs :\n{}",
                    problems.len(),
                    lines.join("\n")
                )
            }
        }
    }
}
