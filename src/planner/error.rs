//! Why no agenda can be planned for a request, and what would make it possible.

use crate::analysis::Question;
use crate::check::Breach;
use crate::clock::ClockTime;
use crate::error::RequestError;
use crate::method::MethodId;
use crate::request::{Fixed, FixedKind};
use crate::text::{Lang, Localize};
use crate::vocabulary::{Format, Objective, Phase};
use std::fmt;

/// Why no agenda can be planned for a request, and what would make it possible.
///
/// `Display` writes the English message, for logs; [`Localize::text`] writes it in the
/// facilitator's language.
#[derive(Debug)]
#[non_exhaustive]
pub enum PlanError {
    /// The request itself is wrong.
    Request(RequestError),
    /// An objective sentence must be clarified first.
    Unclear {
        /// The questions to answer.
        questions: Vec<Question>,
    },
    /// A method of `include` cannot run for this request.
    IncludeUnfit {
        /// The method.
        id: MethodId,
        /// Why.
        breach: Breach,
    },
    /// The method of a fixed moment (`fixed[index]`) cannot run for this request.
    FixedUnfit {
        /// Its place in the request's `fixed`.
        index: usize,
        /// The method.
        id: MethodId,
        /// Why.
        breach: Breach,
    },
    /// A method of `include` needs more time than the session has.
    IncludeTooLong {
        /// The method.
        id: MethodId,
        /// Its minimum for this group.
        needed: u32,
        /// The session's minutes.
        minutes: u32,
        /// An end that would leave room for it.
        end: Option<ClockTime>,
    },
    /// No method of the catalogue that can run here serves a phase or an objective.
    NoMethod {
        /// The phase without a method.
        phase: Option<Phase>,
        /// The objective without a method.
        objective: Option<Objective>,
        /// The participants.
        participants: u32,
        /// The format.
        format: Format,
    },
    /// The session is too short for its objectives.
    TooShort {
        /// The session's minutes.
        minutes: u32,
        /// Minutes that would be enough, when found.
        needed: Option<u32>,
        /// The end that would be enough, when found.
        end: Option<ClockTime>,
        /// The objectives asked for.
        objectives: Vec<Objective>,
    },
    /// The methods that can run here are too few to fill the session: a shorter one plans.
    CannotFill {
        /// The session's minutes.
        minutes: u32,
        /// The longest session found that they fill.
        most: u32,
        /// The end of that session.
        end: ClockTime,
        /// The participants.
        participants: u32,
        /// The format.
        format: Format,
    },
    /// A moment fixed by the request (`fixed[index]`) leaves no room for an agenda that
    /// keeps the rules; moving it to `earlier` or `later` would (when found), or dropping it.
    Fixed {
        /// Its place in the request's `fixed`.
        index: usize,
        /// The moment.
        moment: Fixed,
        /// What it crowds out.
        trouble: FixedTrouble,
        /// The latest earlier start that works, when found.
        earlier: Option<ClockTime>,
        /// The earliest later start that works, when found.
        later: Option<ClockTime>,
    },
    /// The session is longer than one day of workshop can hold.
    TooLong {
        /// The session's minutes.
        minutes: u32,
        /// The longest session the planner builds.
        most: u32,
    },
}

/// What a fixed moment crowds out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum FixedTrouble {
    /// The welcome and the opening before it.
    Opening,
    /// The closing after it.
    Closing,
    /// The methods, pauses or lunch around it.
    Rest,
}

impl From<RequestError> for PlanError {
    fn from(error: RequestError) -> Self {
        PlanError::Request(error)
    }
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for PlanError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            PlanError::Request(error) => Some(error),
            _ => None,
        }
    }
}

impl Localize for PlanError {
    fn text(&self, lang: Lang) -> String {
        match self {
            PlanError::Request(error) => error.text(lang),
            PlanError::Unclear { questions } => format!(
                "{}\n{}",
                lang.pick(
                    "La demande doit être clarifiée avant de construire le déroulé :",
                    "The request must be clarified before planning:"
                ),
                questions.iter().map(|q| format!("- {}", q.text(lang))).collect::<Vec<_>>().join("\n")
            ),
            PlanError::IncludeUnfit { id, breach } => lang.pick(
                format!("`{id}` est demandée dans `include` mais ne peut pas être utilisée ici : {}", breach.text(lang)),
                format!("`{id}` is required by `include` but cannot run here: {}", breach.text(lang)),
            ),
            PlanError::FixedUnfit { index, breach, .. } => lang.pick(
                format!("La méthode placée dans `fixed[{index}]` ne peut pas être utilisée ici : {}", breach.text(lang)),
                format!("The method placed by `fixed[{index}]` cannot run here: {}", breach.text(lang)),
            ),
            PlanError::IncludeTooLong { id, needed, minutes, end } => lang.pick(
                format!(
                    "`{id}` demande au moins {needed} minutes mais la séance en dure {minutes} : {}ou retirez-la de `include`.",
                    end.map(|end| format!("prolongez la séance jusqu'à {end} ")).unwrap_or_default()
                ),
                format!(
                    "`{id}` needs at least {needed} minutes but the session lasts {minutes}: {}drop it from `include`.",
                    end.map(|end| format!("extend the session to {end} or ")).unwrap_or_default()
                ),
            ),
            PlanError::NoMethod { phase, objective, participants, format } => {
                let what = match (phase, objective) {
                    (Some(phase), _) => {
                        lang.pick("la phase ", "the phase ").to_string() + &phase.label(lang).to_lowercase()
                    }
                    (_, Some(objective)) => quote(lang, objective.label(lang)),
                    _ => lang.pick("la demande", "the request").to_string(),
                };
                let format = format.label(lang).to_lowercase();
                lang.pick(
                    format!(
                        "Aucune méthode du catalogue ne sert {what} pour {participants} participants en {format} : ajoutez une fiche méthode, des salles de sous-groupes ou des facilitateurs, ou modifiez la demande."
                    ),
                    format!(
                        "No method of the catalogue serves {what} for {participants} participants, {format}: add a method file, breakout rooms or facilitators, or change the request."
                    ),
                )
            }
            PlanError::TooShort { minutes, needed, end, objectives } => {
                let names = objectives.iter().map(|o| quote(lang, o.label(lang))).collect::<Vec<_>>().join(", ");
                let hint = match (needed, end) {
                    (Some(needed), Some(end)) => lang.pick(
                        format!("il faudrait environ {needed} minutes (fin à {end}), ou moins d'objectifs."),
                        format!("about {needed} minutes would be needed (ending at {end}), or fewer objectives."),
                    ),
                    _ => lang
                        .pick("retirez des objectifs ou des méthodes imposées.", "drop objectives or required methods.")
                        .to_string(),
                };
                lang.pick(
                    format!("{minutes} minutes ne suffisent pas pour servir {names} avec un accueil, une ouverture, des pauses et une clôture : {hint}"),
                    format!("{minutes} minutes are not enough to serve {names} with a welcome, an opening, breaks and a closing: {hint}"),
                )
            }
            PlanError::CannotFill { minutes, most, end, participants, format } => {
                let format = format.label(lang).to_lowercase();
                lang.pick(
                    format!("Les méthodes du catalogue qui conviennent à {participants} participants en {format} ne suffisent pas à remplir {minutes} minutes ; une séance de {most} minutes (fin à {end}) peut être construite : raccourcissez la séance, ajoutez un objectif, des salles de sous-groupes ou une fiche méthode."),
                    format!("The methods of the catalogue that suit {participants} participants, {format}, cannot fill {minutes} minutes; a session of {most} minutes (ending at {end}) can be planned: shorten the session, add an objective, breakout rooms or a method file."),
                )
            }
            PlanError::Fixed { index, moment, trouble, earlier, later } => {
                let what = moment_name(moment, lang);
                let at = moment.start.map(|s| lang.pick(format!(" à {s}"), format!(" at {s}"))).unwrap_or_default();
                let why = match trouble {
                    FixedTrouble::Opening => lang.pick("ne laisse pas de place à l'accueil et à l'ouverture", "leaves no room for the welcome and the opening"),
                    FixedTrouble::Closing => lang.pick("ne laisse pas de place à la clôture", "leaves no room for the closing"),
                    FixedTrouble::Rest => lang.pick("ne laisse pas construire un déroulé qui tienne les règles", "leaves no agenda that keeps the rules"),
                };
                let fix = match (earlier, later) {
                    (Some(e), Some(l)) => lang.pick(format!("placez-le à {e} ou avant, ou à {l} ou après"), format!("move it to {e} or before, or to {l} or after")),
                    (None, Some(l)) => lang.pick(format!("placez-le à {l} ou après"), format!("move it to {l} or after")),
                    (Some(e), None) => lang.pick(format!("placez-le à {e} ou avant"), format!("move it to {e} or before")),
                    (None, None) => lang.pick("raccourcissez-le ou retirez-le", "shorten it or drop it").to_string(),
                };
                lang.pick(
                    format!("{what}{at} (`fixed[{index}]`) {why} : {fix}."),
                    format!("{what}{at} (`fixed[{index}]`) {why}: {fix}."),
                )
            }
            PlanError::TooLong { minutes, most } => lang.pick(
                format!("Une séance de {minutes} minutes est plus longue qu'une journée d'atelier ({most} minutes au plus) : répartissez-la sur plusieurs séances."),
                format!("A session of {minutes} minutes is longer than a workshop day ({most} minutes at most): spread it over several sessions."),
            ),
        }
    }
}

/// A fixed moment as the facilitator calls it: « Mot de la directrice », the lunch...
fn moment_name(moment: &Fixed, lang: Lang) -> String {
    let name = match (moment.kind(), &moment.title, &moment.method) {
        (_, Some(title), _) => title.clone(),
        (FixedKind::Method, _, Some(method)) => method.to_string(),
        (FixedKind::Lunch, ..) => lang.pick("le déjeuner", "lunch").to_string(),
        (FixedKind::Break, ..) => lang.pick("la pause", "the break").to_string(),
        _ => lang.pick("l'accueil", "the welcome").to_string(),
    };
    let name = if moment.title.is_some() || moment.method.is_some() { quote(lang, &name) } else { name };
    let mut chars = name.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// A label in the language's quotation marks.
fn quote(lang: Lang, label: &str) -> String {
    lang.pick(format!("« {label} »"), format!("\"{label}\""))
}
