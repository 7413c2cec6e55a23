//! Answers in: a CSV export with one row per respondent and one column per item, read
//! against the questionnaire it answers. The usual mess is tolerated (byte-order mark,
//! `;` or `,`, blank cells, « Tout à fait d'accord » or 1–5, quoted cells); a file whose
//! columns do not match the questionnaire is refused, every problem located.

use super::bank::bank;
use super::csv::{self, Record};
use super::questionnaire::{ItemKind, Questionnaire};
use crate::text::{Lang, Localize};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::{Path, PathBuf};

/// The largest answer file read: 50,000 respondents fit in far less.
pub const MAX_ANSWERS_BYTES: u64 = 16 * 1024 * 1024;

/// Columns that form tools add and that carry no answer: they are ignored.
const IGNORED_COLUMNS: &[&str] = &[
    "horodatage",
    "timestamp",
    "date",
    "heure",
    "time",
    "date de soumission",
    "submitted at",
    "submission date",
    "n°",
    "numero",
    "no",
    "respondent",
    "repondant",
    "id reponse",
    "response id",
];

/// Columns that would name respondents: answer files are anonymous by design.
const NAME_COLUMNS: &[&str] = &[
    "nom",
    "prenom",
    "nom prenom",
    "prenom nom",
    "name",
    "first name",
    "last name",
    "full name",
    "email",
    "e-mail",
    "courriel",
    "mail",
    "adresse mail",
    "adresse e-mail",
    "telephone",
    "phone",
];

/// One answer of one respondent to one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Answer {
    /// A blank cell, or « sans avis ».
    Blank,
    /// A point of the scale, from 1 to 5.
    Scale(u8),
    /// The text of an open answer.
    Text(String),
}

/// One respondent's answers, in the order of the questionnaire's items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Respondent {
    /// The line of the file their answers start on.
    pub line: usize,
    /// Their answers, one per item.
    pub answers: Vec<Answer>,
}

/// The answers to one questionnaire, read from one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers {
    /// The file, as named in problems.
    pub file: String,
    /// The respondents who answered at least one item.
    pub respondents: Vec<Respondent>,
}

/// What is wrong with an answer file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AnswerProblemKind {
    /// No header line.
    #[error("the file is empty; export the answers with one column per item (q1, q2...)")]
    Empty,
    /// Not UTF-8.
    #[error("the file is not UTF-8 text; export it as CSV UTF-8")]
    NotText,
    /// A folder, a pipe or a device, not a file.
    #[error("this path is not a regular file (a folder, a pipe or a device); give the path of the CSV file")]
    NotAFile,
    /// Too large to be an answer file.
    #[error("the file is {bytes} bytes, more than the {limit} an answer file may have")]
    TooLarge {
        /// Its size.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// A quoted cell never closes.
    #[error("a quoted cell opens here and never closes; add the closing `\"`")]
    UnclosedQuote,
    /// Items of the questionnaire have no column.
    #[error("the columns {} of the questionnaire are missing; is this the answer file of this request?", .ids.join(", "))]
    MissingColumns {
        /// The ids without a column.
        ids: Vec<String>,
    },
    /// A column that is no item of the questionnaire.
    #[error("the column `{name}` is not an item of this questionnaire (expected: {}); is this the answer file of this request?", .expected.join(", "))]
    UnknownColumn {
        /// The header as written.
        name: String,
        /// The questionnaire's ids.
        expected: Vec<String>,
    },
    /// Two columns for one item.
    #[error("two columns answer the item `{id}`; keep one")]
    RepeatedColumn {
        /// The item's id.
        id: String,
    },
    /// A column that would name the respondents.
    #[error("the column `{name}` would identify respondents; answer files are anonymous: delete the column")]
    NameColumn {
        /// The header as written.
        name: String,
    },
    /// More cells than columns.
    #[error("the row has {found} cells but the header {expected}; check the separators and quotes")]
    CellCount {
        /// Cells in the row.
        found: usize,
        /// Columns in the header.
        expected: usize,
    },
    /// A value that is not a point of the scale.
    #[error(
        "`{value}` is not an answer of the scale; write 1 to 5 or the scale's words (« Tout à fait d'accord »...)"
    )]
    NotOnScale {
        /// The value as written.
        value: String,
    },
}

/// One problem of an answer file, located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerProblem {
    /// The file.
    pub file: String,
    /// The line, from 1, when known.
    pub line: Option<usize>,
    /// The column's header, when the problem is in one column.
    pub column: Option<String>,
    /// What is wrong and what would fix it.
    pub kind: AnswerProblemKind,
}

/// Why an answer file cannot be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AnswersError {
    /// The file does not match the questionnaire or holds wrong values; every problem is listed.
    #[error("{} problem(s) in the answer file:\n{}", .0.len(), list(.0, Lang::En))]
    Invalid(Vec<AnswerProblem>),
    /// The file cannot be read.
    #[error("cannot read {}: {source}; check that the path exists and is readable", .path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
    },
}

impl Answers {
    /// Reads answers to `questionnaire` from CSV text; `file` names it in problems.
    pub fn read(questionnaire: &Questionnaire, file: &str, source: &str) -> Result<Answers, AnswersError> {
        let problem = |line, column, kind| AnswerProblem { file: file.to_string(), line, column, kind };
        if source.len() as u64 > MAX_ANSWERS_BYTES {
            let kind = AnswerProblemKind::TooLarge { bytes: source.len() as u64, limit: MAX_ANSWERS_BYTES };
            return Err(AnswersError::Invalid(vec![problem(None, None, kind)]));
        }
        let records = csv::records(source).map_err(|unclosed| {
            AnswersError::Invalid(vec![problem(Some(unclosed.line), None, AnswerProblemKind::UnclosedQuote)])
        })?;
        let Some((header, rows)) = records.split_first() else {
            return Err(AnswersError::Invalid(vec![problem(None, None, AnswerProblemKind::Empty)]));
        };
        let columns = columns(questionnaire, header).map_err(|problems| invalid(file, problems))?;
        let mut problems = Vec::new();
        let mut respondents = Vec::new();
        for row in rows {
            match respondent(questionnaire, &columns, header, row) {
                Ok(Some(respondent)) => respondents.push(respondent),
                Ok(None) => {}
                Err(found) => problems.extend(found),
            }
        }
        if problems.is_empty() {
            Ok(Answers { file: file.to_string(), respondents })
        } else {
            Err(invalid(file, problems))
        }
    }

    /// Reads an answer file.
    pub fn from_file(questionnaire: &Questionnaire, path: impl AsRef<Path>) -> Result<Answers, AnswersError> {
        let path = path.as_ref();
        let file = path.display().to_string();
        let io = |source| AnswersError::Io { path: path.to_path_buf(), source };
        let metadata = std::fs::metadata(path).map_err(io)?;
        if !metadata.is_file() {
            return Err(invalid(&file, vec![(None, None, AnswerProblemKind::NotAFile)]));
        }
        let size = metadata.len();
        if size > MAX_ANSWERS_BYTES {
            let kind = AnswerProblemKind::TooLarge { bytes: size, limit: MAX_ANSWERS_BYTES };
            return Err(invalid(&file, vec![(None, None, kind)]));
        }
        let mut bytes = Vec::new();
        // Bounded: the file may grow between the size check and the read.
        std::io::Read::read_to_end(
            &mut std::io::Read::take(std::fs::File::open(path).map_err(io)?, MAX_ANSWERS_BYTES + 1),
            &mut bytes,
        )
        .map_err(io)?;
        if bytes.len() as u64 > MAX_ANSWERS_BYTES {
            let kind = AnswerProblemKind::TooLarge { bytes: bytes.len() as u64, limit: MAX_ANSWERS_BYTES };
            return Err(invalid(&file, vec![(None, None, kind)]));
        }
        match String::from_utf8(bytes) {
            Ok(source) => Answers::read(questionnaire, &file, &source),
            Err(_) => Err(invalid(&file, vec![(None, None, AnswerProblemKind::NotText)])),
        }
    }
}

type Found = (Option<usize>, Option<String>, AnswerProblemKind);

fn invalid(file: &str, problems: Vec<Found>) -> AnswersError {
    AnswersError::Invalid(
        problems
            .into_iter()
            .map(|(line, column, kind)| AnswerProblem { file: file.to_string(), line, column, kind })
            .collect(),
    )
}

/// For each cell of the header, the item it answers (`None` for an ignored column).
fn columns(questionnaire: &Questionnaire, header: &Record) -> Result<Vec<Option<usize>>, Vec<Found>> {
    let mut problems = Vec::new();
    let mut columns = Vec::new();
    let at = |name: &str| (Some(header.line), Some(name.trim().to_string()));
    let expected: Vec<String> = questionnaire.items.iter().map(|item| item.id.clone()).collect();
    for name in &header.cells {
        let folded = fold(name);
        let item = questionnaire.item_named(name);
        match item {
            Some(index) if columns.contains(&Some(index)) => {
                let id = questionnaire.items[index].id.clone();
                problems.push(at_kind(at(name), AnswerProblemKind::RepeatedColumn { id }));
            }
            Some(_) => {}
            None if NAME_COLUMNS.contains(&folded.as_str()) => {
                problems.push(at_kind(at(name), AnswerProblemKind::NameColumn { name: name.trim().into() }));
            }
            None if folded.is_empty() || IGNORED_COLUMNS.contains(&folded.as_str()) => {}
            None => {
                let kind =
                    AnswerProblemKind::UnknownColumn { name: name.trim().into(), expected: expected.clone() };
                problems.push(at_kind(at(name), kind));
            }
        }
        columns.push(item);
    }
    let missing: Vec<String> = (0..questionnaire.items.len())
        .filter(|index| !columns.contains(&Some(*index)))
        .map(|index| questionnaire.items[index].id.clone())
        .collect();
    if !missing.is_empty() {
        problems.push((Some(header.line), None, AnswerProblemKind::MissingColumns { ids: missing }));
    }
    if problems.is_empty() { Ok(columns) } else { Err(problems) }
}

fn at_kind((line, column): (Option<usize>, Option<String>), kind: AnswerProblemKind) -> Found {
    (line, column, kind)
}

/// One row read; `None` when every answer is blank (not a respondent).
fn respondent(
    questionnaire: &Questionnaire,
    columns: &[Option<usize>],
    header: &Record,
    row: &Record,
) -> Result<Option<Respondent>, Vec<Found>> {
    let extra = row.cells.iter().skip(columns.len()).any(|cell| !cell.trim().is_empty());
    if extra {
        let kind = AnswerProblemKind::CellCount { found: row.cells.len(), expected: columns.len() };
        return Err(vec![(Some(row.line), None, kind)]);
    }
    let mut answers = vec![Answer::Blank; questionnaire.items.len()];
    let mut problems = Vec::new();
    for ((cell, column), name) in row.cells.iter().zip(columns).zip(&header.cells) {
        let Some(index) = *column else { continue };
        match read_cell(questionnaire.items[index].kind, cell) {
            Ok(answer) => answers[index] = answer,
            Err(kind) => problems.push((Some(row.line), Some(name.trim().to_string()), kind)),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let answered = answers.iter().any(|answer| *answer != Answer::Blank);
    Ok(answered.then_some(Respondent { line: row.line, answers }))
}

/// One cell, read for an item of `kind`.
fn read_cell(kind: ItemKind, cell: &str) -> Result<Answer, AnswerProblemKind> {
    let text = cell.trim();
    let folded = fold(text);
    if folded.is_empty() || bank().no_answer.iter().any(|word| fold(word) == folded) {
        return Ok(Answer::Blank);
    }
    if kind == ItemKind::Open {
        return Ok(Answer::Text(text.to_string()));
    }
    scale_value(kind, &folded)
        .map(Answer::Scale)
        .ok_or_else(|| AnswerProblemKind::NotOnScale { value: text.to_string() })
}

/// The point of the scale a folded cell means: a number from 1 to 5 (`4`, `4,0`,
/// `4 - Plutôt d'accord`) or the words of a point.
fn scale_value(kind: ItemKind, folded: &str) -> Option<u8> {
    if let Ok(number) = folded.replace(',', ".").parse::<f64>() {
        return (number.fract() == 0.0 && (1.0..=5.0).contains(&number)).then_some(number as u8);
    }
    let mut chars = folded.chars();
    if let (Some(digit @ '1'..='5'), Some(next)) = (chars.next(), chars.next()) {
        if !next.is_alphanumeric() {
            return digit.to_digit(10).map(|d| d as u8);
        }
    }
    let bank = bank();
    let words = bank.scale.iter().flat_map(|point| {
        let labels = Lang::ALL.map(|lang| fold(point.label.get(lang)));
        point.words.iter().map(|word| fold(word)).chain(labels).map(move |word| (point.value, word))
    });
    let roti = bank.roti.scale.iter().zip(1..).flat_map(|(text, value)| {
        Lang::ALL.map(|lang| (value, fold(text.get(lang)).split_once(": ").map(|(_, w)| w.to_string())))
    });
    let mut found = words.filter(|(_, word)| word == folded).map(|(value, _)| value);
    let agreement = found.next();
    if kind == ItemKind::Roti {
        let roti_word =
            roti.filter_map(|(value, word)| (word.as_deref() == Some(folded)).then_some(value)).next();
        return roti_word.or(agreement);
    }
    agreement
}

/// Lowercase, without accents, curly apostrophes or repeated spaces, and without a final
/// full stop: how cells and words are compared.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().trim_end_matches('.').chars().flat_map(char::to_lowercase) {
        let plain = match c {
            'à' | 'â' | 'ä' => "a",
            'é' | 'è' | 'ê' | 'ë' => "e",
            'î' | 'ï' => "i",
            'ô' | 'ö' => "o",
            'ù' | 'û' | 'ü' => "u",
            'ç' => "c",
            'œ' => "oe",
            '’' | '`' | '´' => "'",
            c if c.is_whitespace() || c == '_' => " ",
            _ => {
                out.push(c);
                continue;
            }
        };
        if !(plain == " " && (out.is_empty() || out.ends_with(' '))) {
            out.push_str(plain);
        }
    }
    out.trim_end().to_string()
}

impl Localize for AnswerProblemKind {
    fn text(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            AnswerProblemKind::Empty => {
                "le fichier est vide ; exportez les réponses avec une colonne par question (q1, q2...)".into()
            }
            AnswerProblemKind::NotText => {
                "le fichier n'est pas du texte UTF-8 ; exportez-le en « CSV UTF-8 »".into()
            }
            AnswerProblemKind::NotAFile => {
                "ce chemin n'est pas un fichier ordinaire (dossier, tube ou périphérique) ; donnez le chemin du fichier CSV".into()
            }
            AnswerProblemKind::TooLarge { bytes, limit } => {
                format!(
                    "le fichier fait {bytes} octets, plus que les {limit} permis pour un fichier de réponses"
                )
            }
            AnswerProblemKind::UnclosedQuote => {
                "une cellule entre guillemets s'ouvre ici et ne se ferme pas ; ajoutez le « \" » fermant"
                    .into()
            }
            AnswerProblemKind::MissingColumns { ids } => format!(
                "il manque les colonnes {} du questionnaire ; est-ce bien le fichier de réponses de cette demande ?",
                ids.join(", ")
            ),
            AnswerProblemKind::UnknownColumn { name, expected } => format!(
                "la colonne « {name} » n'est pas une question de ce questionnaire (attendu : {}) ; est-ce bien le fichier de réponses de cette demande ?",
                expected.join(", ")
            ),
            AnswerProblemKind::RepeatedColumn { id } => {
                format!("deux colonnes répondent à la question « {id} » ; gardez-en une")
            }
            AnswerProblemKind::NameColumn { name } => format!(
                "la colonne « {name} » permettrait d'identifier les répondants ; les réponses sont anonymes : supprimez cette colonne"
            ),
            AnswerProblemKind::CellCount { found, expected } => format!(
                "la ligne a {found} cellules mais l'en-tête en a {expected} ; vérifiez les séparateurs et les guillemets"
            ),
            AnswerProblemKind::NotOnScale { value } => format!(
                "« {value} » n'est pas une réponse de l'échelle ; écrivez un chiffre de 1 à 5 ou les mots de l'échelle (« Tout à fait d'accord »...)"
            ),
        }
    }
}

impl Localize for AnswerProblem {
    fn text(&self, lang: Lang) -> String {
        let mut out = self.file.clone();
        if let Some(line) = self.line {
            out.push_str(&format!("{} {line}", lang.pick(", ligne", ", line")));
        }
        if let Some(column) = &self.column {
            out.push_str(&format!("{} « {column} »", lang.pick(", colonne", ", column")));
        }
        format!("{out}{}{}", lang.pick(" : ", ": "), self.kind.text(lang))
    }
}

impl fmt::Display for AnswerProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for AnswerProblem {}

impl Localize for AnswersError {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (AnswersError::Invalid(problems), Lang::Fr) => {
                format!(
                    "{} problème(s) dans le fichier de réponses :\n{}",
                    problems.len(),
                    list(problems, lang)
                )
            }
            (AnswersError::Io { path, source }, Lang::Fr) => format!(
                "impossible de lire {} : {source} ; vérifiez que le chemin existe et peut être lu",
                path.display()
            ),
        }
    }
}

fn list(problems: &[AnswerProblem], lang: Lang) -> String {
    problems.iter().map(|problem| format!("  - {}", problem.text(lang))).collect::<Vec<_>>().join("\n")
}
