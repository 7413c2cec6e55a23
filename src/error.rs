//! Errors: what went wrong, where (file, line, field), and what would fix it.

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

/// What is wrong with one field of one method file.
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
    #[error("`{field}` is not a field of a method file; check the spelling (known fields: {})", .expected.join(", "))]
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
