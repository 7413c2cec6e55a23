//! Errors: what went wrong, where (file, line, field), and what would fix it.

use crate::text::{Lang, Localize};
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
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ProblemKind {
    /// The file is not readable YAML.
    Syntax {
        /// The parser's words.
        message: String,
    },
    /// A field the method format does not know, often a typo.
    UnknownField {
        /// The field as written.
        field: String,
        /// The fields allowed there.
        expected: Vec<String>,
    },
    /// A word that is not in the vocabulary.
    UnknownValue {
        /// The word as written.
        value: String,
        /// The words allowed there.
        expected: Vec<String>,
    },
    /// A required field is missing.
    MissingField {
        /// The missing field.
        field: String,
    },
    /// A value of the wrong kind (a text where a number is expected...).
    WrongType {
        /// The parser's words.
        message: String,
    },
    /// An id that is not kebab-case ASCII.
    InvalidId {
        /// The id as written.
        id: String,
    },
    /// The id differs from the file name.
    IdMismatch {
        /// The id in the file.
        id: String,
        /// The file's stem.
        stem: String,
    },
    /// Two files define the same id.
    DuplicateId {
        /// The repeated id.
        id: String,
        /// The file that defined it first.
        other_file: String,
    },
    /// The durations are out of order.
    DurationOrder {
        /// `duration.min`.
        min: u32,
        /// `duration.typical`.
        typical: u32,
        /// `duration.max`.
        max: u32,
    },
    /// A number that must be positive is not.
    NotPositive {
        /// The value as read.
        value: String,
    },
    /// The participant range is upside down.
    ParticipantsOrder {
        /// `participants.min`.
        min: u32,
        /// `participants.max`.
        max: u32,
    },
    /// The steps do not add up to the typical duration.
    StepsSum {
        /// The steps' total.
        sum: u32,
        /// `duration.typical`.
        typical: u32,
    },
    /// The steps need more time than the method's declared minimum gives them.
    StepsNeedMore {
        /// The group size where it shows.
        participants: u32,
        /// The steps' fewest minutes.
        need: u32,
        /// The declared minimum for that size.
        min: u32,
    },
    /// The steps cannot fill the method's declared maximum.
    StepsFillLess {
        /// The group size where it shows.
        participants: u32,
        /// The steps' most minutes.
        most: u32,
        /// The declared maximum for that size.
        max: u32,
    },
    /// A step lacks what its shape needs.
    StepShape {
        /// The step's shape.
        shape: String,
        /// The missing field.
        field: String,
    },
    /// A step marked as the method's own welcome (or closing) that is not among its first
    /// (or last) steps, or a method whose every step is a frame.
    FrameOrder {
        /// The frame as written (`welcome`, `closing`, `action`).
        frame: String,
    },
    /// A list that must not be empty is empty.
    EmptyList,
    /// A value appears twice in a list.
    RepeatedValue {
        /// The repeated value.
        value: String,
    },
    /// A text that must not be blank is blank.
    BlankText,
    /// A plenary variant by video (`remote.plenary`) whose size lies outside the method's
    /// participant range.
    PlenarySize {
        /// `remote.plenary.up_to`.
        up_to: u32,
        /// `participants.min`.
        min: u32,
        /// `participants.max`.
        max: u32,
    },
    /// A plenary variant by video (`remote.plenary`) that uses sub-groups, which need
    /// breakout rooms.
    PlenarySubgroups {
        /// The grouping as written.
        grouping: String,
    },
    /// `per` and `count` both given for one material.
    TwoQuantities,
    /// The file is larger than any file of the crate (method, request, agenda) can be.
    TooLarge {
        /// The file's size.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// The file is not UTF-8 text.
    NotText,
    /// The path names a folder, a pipe or a device, not a file.
    NotAFile,
    /// A session that ends before it starts.
    EndBeforeStart {
        /// The start, as written.
        start: String,
        /// The end, as written.
        end: String,
    },
    /// A session that would run past midnight.
    PastMidnight,
    /// Both `end` and `duration` given, or neither.
    EndOrDuration,
    /// A date that is not `YYYY-MM-DD`.
    InvalidDate {
        /// The date as written.
        date: String,
    },
    /// A method id that the catalogue does not hold.
    UnknownMethod {
        /// The id as written.
        id: String,
        /// Close ids of the catalogue.
        suggestions: Vec<String>,
    },
    /// A method that opens the session (an `opening` phase, or `opens_itself`) yet
    /// `takes` something: nothing comes before it to give it.
    TakesAtStart,
    /// A method that lists one product both in `takes` (it cannot run without it) and in
    /// `develops` (it takes it up when it is there).
    TakesAndDevelops {
        /// The product, as written.
        product: String,
    },
    /// A method both included and excluded.
    IncludedAndExcluded {
        /// The method id.
        id: String,
    },
    /// Lists and maps nested deeper than a file may nest them.
    TooDeep {
        /// The deepest nesting allowed.
        limit: usize,
    },
    /// More aliases (`*name`) than the file's size allows: their expansion could fill memory.
    TooManyAliases {
        /// How many aliases the file has, counted up to the first one refused.
        count: usize,
        /// The most this file may have.
        limit: usize,
    },
    /// An anchor (`&name`) on a list, a map or a value spread over lines: only a value on
    /// its own line may be anchored, so that no alias expands into more aliases.
    AnchorOnCollection,
    /// A YAML tag (`!name`), which the crate's files never need and the reader would ignore.
    Tag {
        /// The tag as written.
        tag: String,
    },
    /// A clock time that is not `HH:MM` within a day.
    InvalidTime {
        /// The time as written.
        value: String,
    },
    /// A text that is empty or `null`.
    NullText,
    /// A longest stretch too short to run anything.
    StretchTooShort {
        /// `max_stretch` as written.
        minutes: u32,
        /// The least accepted.
        least: u32,
    },
    /// A fixed moment (`fixed:`) that does not lie within the session.
    FixedOutside {
        /// When it starts and ends.
        moment: (String, String),
        /// When the session starts and ends.
        session: (String, String),
    },
    /// Two fixed moments at the same time.
    FixedOverlap {
        /// The other moment's place in `fixed` (from 0).
        other: usize,
    },
}

/// One problem found in one file (a method, a request or an agenda).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
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

impl Localize for Problem {
    fn text(&self, lang: Lang) -> String {
        let mut text = self.file.clone();
        if let Some(at) = self.location {
            text += &lang.pick(
                format!(", ligne {}, colonne {}", at.line, at.column),
                format!(", line {}, column {}", at.line, at.column),
            );
        }
        if !self.field.is_empty() {
            text += &lang.pick(format!(", champ `{}`", self.field), format!(", field `{}`", self.field));
        }
        text + lang.pick(" : ", ": ") + &self.kind.text(lang)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for Problem {}

/// Why a catalogue could not be loaded.
#[derive(Debug)]
#[non_exhaustive]
pub enum LoadError {
    /// One or more method files are wrong; every problem of every file is listed.
    Invalid(Vec<Problem>),
    /// A folder or file could not be read.
    Io {
        /// The path.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
    },
    /// A folder holds more method files than a catalogue accepts.
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

/// Every problem, one a line, after a count.
fn list(lang: Lang, problems: &[Problem], what: (&str, &str)) -> String {
    let count = problems.len();
    let head = lang.pick(
        format!("{count} problème{} dans {}", if count > 1 { "s" } else { "" }, what.0),
        format!("{count} problem{} in {}", if count > 1 { "s" } else { "" }, what.1),
    );
    let lines: Vec<String> = problems.iter().map(|problem| format!("  - {}", problem.text(lang))).collect();
    format!("{head}{}\n{}", lang.pick(" :", ":"), lines.join("\n"))
}

/// A file that cannot be read, and the fix.
fn unreadable(lang: Lang, path: &std::path::Path, source: &std::io::Error) -> String {
    lang.pick(
        format!(
            "impossible de lire {} : {source} ; vérifiez que le chemin existe et qu'il est lisible",
            path.display()
        ),
        format!("cannot read {}: {source}; check that the path exists and is readable", path.display()),
    )
}

impl Localize for LoadError {
    fn text(&self, lang: Lang) -> String {
        match self {
            LoadError::Invalid(problems) => list(lang, problems, ("les fiches méthodes", "the method files")),
            LoadError::Io { path, source } => unreadable(lang, path, source),
            LoadError::TooManyFiles { path, count, limit } => lang.pick(
                format!("{} contient {count} fiches méthodes, plus que les {limit} qu'un catalogue accepte ; répartissez-les dans des dossiers plus petits", path.display()),
                format!("{} holds {count} method files, more than the {limit} a catalogue accepts; split it into smaller folders", path.display()),
            ),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for LoadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            LoadError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl Localize for RequestError {
    fn text(&self, lang: Lang) -> String {
        match self {
            RequestError::Invalid(problems) => list(lang, problems, ("la demande", "the request")),
            RequestError::Io { path, source } => unreadable(lang, path, source),
        }
    }
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for RequestError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RequestError::Io { source, .. } => Some(source),
            RequestError::Invalid(_) => None,
        }
    }
}

/// Why an agenda file cannot be read.
#[derive(Debug)]
#[non_exhaustive]
pub enum AgendaError {
    /// The agenda's fields are wrong; every problem is listed.
    Invalid(Vec<Problem>),
    /// The agenda file could not be read.
    Io {
        /// The path.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
    },
}

impl Localize for AgendaError {
    fn text(&self, lang: Lang) -> String {
        match self {
            AgendaError::Invalid(problems) => list(lang, problems, ("l'agenda", "the agenda")),
            AgendaError::Io { path, source } => unreadable(lang, path, source),
        }
    }
}

impl fmt::Display for AgendaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for AgendaError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            AgendaError::Io { source, .. } => Some(source),
            AgendaError::Invalid(_) => None,
        }
    }
}

/// Why a request cannot be used: every problem, each with its field.
#[derive(Debug)]
#[non_exhaustive]
pub enum RequestError {
    /// The request's fields are wrong; every problem is listed.
    Invalid(Vec<Problem>),
    /// The request file could not be read.
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

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for ProblemKind {}

impl Localize for ProblemKind {
    fn text(&self, lang: Lang) -> String {
        use ProblemKind as K;
        match self {
            K::Syntax { message } => lang.pick(
                format!("le YAML est illisible ({message}) ; vérifiez l'indentation et mettez entre guillemets les textes qui contiennent `:` ou `#`"),
                format!("the YAML cannot be read ({message}); check the indentation and quote texts that contain `:` or `#`"),
            ),
            K::UnknownField { field, expected } => lang.pick(
                format!("`{field}` n'est pas un champ connu ici ; vérifiez l'orthographe (champs connus : {})", expected.join(", ")),
                format!("`{field}` is not a known field here; check the spelling (known fields: {})", expected.join(", ")),
            ),
            K::UnknownValue { value, expected } => lang.pick(
                format!("`{value}` n'est pas une valeur connue ; utilisez l'une de : {}", expected.join(", ")),
                format!("`{value}` is not a known value; use one of: {}", expected.join(", ")),
            ),
            K::MissingField { field } => {
                lang.pick(format!("le champ `{field}` manque ; ajoutez-le"), format!("the field `{field}` is missing; add it"))
            }
            K::WrongType { message } => lang.pick(
                format!("la valeur n'est pas du type attendu ({message})"),
                format!("the value is not of the expected kind ({message})"),
            ),
            K::InvalidId { id } => lang.pick(
                format!("`{id}` n'est pas un identifiant de méthode valide ; utilisez des minuscules, des chiffres et des tirets, comme `world-cafe`"),
                format!("`{id}` is not a valid method id; use lowercase letters, digits and hyphens, like `world-cafe`"),
            ),
            K::IdMismatch { id, stem } => lang.pick(
                format!("l'identifiant `{id}` diffère du nom du fichier `{stem}.yaml` ; renommez le fichier en `{id}.yaml` ou écrivez `id: {stem}`"),
                format!("the id `{id}` differs from the file name `{stem}.yaml`; rename the file to `{id}.yaml` or set `id: {stem}`"),
            ),
            K::DuplicateId { id, other_file } => lang.pick(
                format!("l'identifiant `{id}` est déjà défini par {other_file} ; donnez un autre identifiant à l'un des deux"),
                format!("the id `{id}` is already defined by {other_file}; give one of them another id"),
            ),
            K::DurationOrder { min, typical, max } => lang.pick(
                format!("les durées doivent respecter 0 < min <= typical <= max, or min vaut {min}, typical {typical} et max {max} ; remettez-les dans l'ordre"),
                format!("the durations must satisfy 0 < min <= typical <= max, but min is {min}, typical {typical} and max {max}; reorder them"),
            ),
            K::NotPositive { value } => lang.pick(
                format!("la valeur {value} doit être supérieure à zéro"),
                format!("the value {value} must be greater than zero"),
            ),
            K::ParticipantsOrder { min, max } => lang.pick(
                format!("le nombre minimal de participants ({min}) dépasse le maximal ({max}) ; inversez-les"),
                format!("the minimum number of participants ({min}) is larger than the maximum ({max}); swap them"),
            ),
            K::StepsSum { sum, typical } => lang.pick(
                format!("les étapes totalisent {sum} minutes mais la durée typique est de {typical} ; ajustez une étape ou `duration.typical`"),
                format!("the steps add up to {sum} minutes but the typical duration is {typical}; adjust a step or `duration.typical`"),
            ),
            K::StepsNeedMore { participants, need, min } => lang.pick(
                format!("pour {participants} participants, les étapes demandent au moins {need} minutes mais la méthode peut n'en recevoir que {min} ; augmentez `duration.min` ou `duration.per_participant`, ou baissez le `floor`, le `each` ou le `rounds.min` d'une étape"),
                format!("for {participants} participants the steps need at least {need} minutes but the method may be given {min}; raise `duration.min` or `duration.per_participant`, or lower a step's `floor`, `each` or `rounds.min`"),
            ),
            K::StepsFillLess { participants, most, max } => lang.pick(
                format!("pour {participants} participants, les étapes durent au plus {most} minutes mais la méthode peut en recevoir {max} ; baissez `duration.max` ou augmentez le `ceiling` ou le `rounds.max` d'une étape"),
                format!("for {participants} participants the steps last at most {most} minutes but the method may be given {max}; lower `duration.max` or raise a step's `ceiling` or `rounds.max`"),
            ),
            K::StepShape { shape, field } => lang.pick(
                format!("une étape de forme `{shape}` a besoin de `{field}` ; ajoutez-le"),
                format!("a `{shape}` step needs `{field}`; add it"),
            ),
            K::FrameOrder { frame } => lang.pick(
                format!("une étape `frame: {frame}` doit venir avant (accueil) ou après (clôture) toutes les étapes sans `frame`, ou après la première d'entre elles (action), et au moins une étape doit rester sans `frame` ; déplacez l'étape ou retirez `frame`"),
                format!("a `frame: {frame}` step must come before (welcome) or after (closing) every step without `frame`, or after the first of them (action), and at least one step must have none; move the step or remove `frame`"),
            ),
            K::EmptyList => lang.pick("la liste est vide ; donnez au moins une valeur", "the list is empty; give at least one value").to_string(),
            K::RepeatedValue { value } => lang.pick(
                format!("`{value}` apparaît deux fois dans la liste ; gardez-en une"),
                format!("`{value}` appears twice in the list; keep one"),
            ),
            K::BlankText => lang.pick("le texte est vide ; écrivez-le", "the text is blank; write it").to_string(),
            K::PlenarySize { up_to, min, max } => lang.pick(
                format!("la variante en plénière vaut jusqu'à {up_to} participants, hors de la plage de la méthode ({min} à {max}) ; donnez un nombre entre {min} et {max}"),
                format!("the plenary variant holds up to {up_to} participants, outside the method's range ({min} to {max}); give a number from {min} to {max}"),
            ),
            K::PlenarySubgroups { grouping } => lang.pick(
                format!("`{grouping}` demande des salles de sous-groupes, que la variante en plénière n'a pas ; gardez `alone` et `plenary`"),
                format!("`{grouping}` needs breakout rooms, which the plenary variant does not have; keep `alone` and `plenary`"),
            ),
            K::TwoQuantities => lang.pick(
                "un matériel prend soit `per` (un pour N participants), soit `count` (un nombre fixe), pas les deux ; gardez-en un",
                "a material takes either `per` (one per N participants) or `count` (a fixed number), not both; keep one",
            ).to_string(),
            K::TooLarge { bytes, limit } => lang.pick(
                format!("le fichier fait {bytes} octets, plus que les {limit} permis ; est-ce bien le bon fichier ?"),
                format!("the file is {bytes} bytes, more than the {limit} allowed; is it the right file?"),
            ),
            K::NotText => lang.pick(
                "le fichier n'est pas du texte UTF-8 ; enregistrez-le en UTF-8",
                "the file is not UTF-8 text; save it as UTF-8",
            ).to_string(),
            K::NotAFile => lang.pick(
                "ce chemin n'est pas un fichier ordinaire (dossier, tube ou périphérique) ; donnez le chemin d'un fichier",
                "this path is not a regular file (a folder, a pipe or a device); give the path of a file",
            ).to_string(),
            K::EndBeforeStart { start, end } => lang.pick(
                format!("la séance finit à {end}, avant de commencer à {start} ; corrigez `start` ou `end`"),
                format!("the session ends at {end}, before it starts at {start}; correct `start` or `end`"),
            ),
            K::PastMidnight => lang.pick(
                "la séance finirait après minuit ; raccourcissez-la ou commencez plus tôt",
                "the session would end past midnight; shorten it or start earlier",
            ).to_string(),
            K::EndOrDuration => lang.pick(
                "donnez la longueur de la séance soit par `end: \"HH:MM\"`, soit par `duration: MINUTES`, l'un des deux exactement",
                "give the session's length either as `end: \"HH:MM\"` or as `duration: MINUTES`, exactly one of the two",
            ).to_string(),
            K::InvalidDate { date } => lang.pick(
                format!("`{date}` n'est pas une date ; écrivez-la AAAA-MM-JJ, comme 2027-03-18"),
                format!("`{date}` is not a date; write it as YYYY-MM-DD, like 2027-03-18"),
            ),
            K::UnknownMethod { id, suggestions } => {
                let close = suggestions.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>();
                let hint = if close.is_empty() {
                    lang.pick(
                        "; listez les méthodes avec `cargo run --example catalogue`".to_string(),
                        "; list the methods with `cargo run --example catalogue`".to_string(),
                    )
                } else {
                    lang.pick(
                        format!(" ; vouliez-vous dire {} ?", close.join(" ou ")),
                        format!("; did you mean {}?", close.join(" or ")),
                    )
                };
                lang.pick(
                    format!("aucune méthode du catalogue n'a l'identifiant `{id}`{hint}"),
                    format!("no method of the catalogue has the id `{id}`{hint}"),
                )
            }
            K::TakesAtStart => lang.pick(
                "une méthode qui peut ouvrir la séance (phase `opening` ou `opens_itself`) ne peut rien reprendre d'une séquence précédente : videz `takes` ou retirez l'ouverture",
                "a method that may open the session (phase `opening` or `opens_itself`) cannot take anything from a sequence before it: empty `takes` or remove the opening",
            ).to_string(),
            K::TakesAndDevelops { product } => lang.pick(
                format!("`{product}` est à la fois dans `takes` (la méthode ne peut pas s'en passer) et dans `develops` (elle le reprend quand il est là) ; gardez-le dans un seul des deux"),
                format!("`{product}` is both in `takes` (the method cannot run without it) and in `develops` (it takes it up when it is there); keep it in one of them"),
            ),
            K::IncludedAndExcluded { id } => lang.pick(
                format!("`{id}` est à la fois dans `include` et dans `exclude` ; gardez-la dans un seul des deux"),
                format!("`{id}` is both in `include` and in `exclude`; keep it in one of them"),
            ),
            K::TooDeep { limit } => lang.pick(
                format!("les listes et les tableaux sont imbriqués sur plus de {limit} niveaux ; un fichier de la boîte à outils n'en a jamais besoin : vérifiez les crochets `[` et accolades `{{`"),
                format!("lists and maps are nested more than {limit} levels deep; no file of the toolkit needs that: check the brackets `[` and braces `{{`"),
            ),
            K::TooManyAliases { count, limit } => lang.pick(
                format!("le fichier utilise au moins {count} alias (`*nom`), plus que les {limit} permis pour sa taille ; recopiez les valeurs au lieu de les référencer"),
                format!("the file uses at least {count} aliases (`*name`), more than the {limit} allowed for its size; copy the values instead of referring to them"),
            ),
            K::AnchorOnCollection => lang.pick(
                "une ancre (`&nom`) ne peut marquer qu'une valeur écrite sur sa ligne, pas une liste ni un tableau ; recopiez la liste au lieu de la référencer",
                "an anchor (`&name`) may mark only a value written on its line, not a list or a map; copy the list instead of referring to it",
            ).to_string(),
            K::Tag { tag } => lang.pick(
                format!("l'étiquette YAML `{tag}` n'est pas acceptée ; retirez-la, ou mettez le texte entre guillemets s'il commence par `!`"),
                format!("the YAML tag `{tag}` is not accepted; remove it, or quote the text if it starts with `!`"),
            ),
            K::InvalidTime { value } => lang.pick(
                format!("`{value}` n'est pas une heure de la journée ; écrivez-la HH:MM entre 00:00 et 24:00, entre guillemets, comme \"09:30\""),
                format!("`{value}` is not a time of day; write it as HH:MM between 00:00 and 24:00, in quotes, like \"09:30\""),
            ),
            K::NullText => lang.pick(
                "le texte est vide (`null`, `~` ou rien) ; écrivez-le, entre guillemets s'il le faut",
                "the text is empty (`null`, `~` or nothing); write it, in quotes if need be",
            ).to_string(),
            K::StretchTooShort { minutes, least } => lang.pick(
                format!("une plage de travail de {minutes} minutes au plus sans pause est trop courte ; permettez au moins {least}"),
                format!("a longest stretch of {minutes} minutes without a break is too short; allow at least {least}"),
            ),
            K::FixedOutside { moment, session } => lang.pick(
                format!("ce moment ({}–{}) sort de la séance ({}–{}) ; placez-le entre le début et la fin", moment.0, moment.1, session.0, session.1),
                format!("this moment ({}–{}) lies outside the session ({}–{}); place it between its start and end", moment.0, moment.1, session.0, session.1),
            ),
            K::FixedOverlap { other } => lang.pick(
                format!("ce moment chevauche `fixed[{other}]` ; décalez l'un des deux"),
                format!("this moment overlaps `fixed[{other}]`; move one of them"),
            ),
        }
    }
}
