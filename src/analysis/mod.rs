//! The analysis of a request (the network's "analyse et clarification de la demande"):
//! the project lead's objective sentences read as objective ids, with the words that led
//! to each and how surely, and the questions a facilitator would ask back before
//! designing the agenda.
//!
//! ```
//! use facilitation::analysis::resolve;
//! use facilitation::Objective;
//! let line = resolve("mobiliser les partenaires du territoire");
//! assert_eq!(line.objectives, [Objective::NetworkPartners]);
//! assert_eq!(line.readings[0].words, ["mobiliser", "partenaires", "territoire"]);
//! ```
//!
//! The reading uses a lexicon kept as data (`src/analysis/lexicon.yaml`, reviewed by a
//! facilitator): French and English Snowball stems, accents and elisions folded, typos one
//! letter off corrected, negations and framing phrases set aside. Where the lexicon has no
//! cue, the sentence is compared with labelled examples (`src/analysis/examples.yaml`, the
//! development set: sentences as project leads write them, with what a facilitator read),
//! and the objectives of the most alike are read, to be checked. A sentence is read on its
//! first [`reader::MOST_WORDS`] words.

mod asks;
mod care;
mod learned;
mod lexicon;
mod question;
pub mod reader;
mod wordlist;
mod words;

pub use asks::{asks_for_a_story, asks_what_each_needs};
pub use care::names_a_disability;
pub use learned::{Example, examples};
pub use question::Question;
pub use reader::Reader;

use crate::catalogue::Catalogue;
use crate::clock::ClockTime;
use crate::method::Method;
use crate::request::{FixedKind, Request};
use crate::rules;
use crate::vocabulary::{Objective, Profile, Writing};
use serde::{Deserialize, Serialize};

/// The fewest letters of a method's name or alias that [`names`] reads in a request.
pub const NAMED_LEAST: usize = 5;

/// Whether the project lead names `method` in the request's title or an objective
/// sentence: its French or English name, or one of its aliases, as whole words, accents
/// and case aside (« Forum ouvert : l'accompagnement des jeunes majeurs »). Names shorter
/// than [`NAMED_LEAST`] letters (« OST », « STAR ») are too ambiguous to count.
///
/// ```
/// use facilitation::{analysis, Catalogue, Request};
/// let request = Request::builder("Forum ouvert : les jeunes majeurs")
///     .time("09:00", "17:00")
///     .participants(90)
///     .objective("explore-issue")
///     .build()?;
/// assert!(analysis::names(&request, Catalogue::builtin().get("forum-ouvert").unwrap()));
/// assert!(!analysis::names(&request, Catalogue::builtin().get("world-cafe").unwrap()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn names(request: &Request, method: &Method) -> bool {
    Said::of(request).names(method)
}

/// The words of a request where its project lead may name a method: the title and the
/// objective sentences, read once and then asked of every method of a catalogue
/// ([`names`] reads them for one method).
#[derive(Debug, Clone, Default)]
pub struct Said {
    texts: Vec<Vec<String>>,
    /// Each word's [`word_key`]: a method's name is checked against them before anything
    /// is allocated.
    words: rustc_hash::FxHashSet<u64>,
}

impl Said {
    /// The words of `request`.
    pub fn of(request: &Request) -> Self {
        let texts: Vec<Vec<String>> = std::iter::once(&request.title)
            .chain(&request.objectives)
            .map(|text| folded_words(text))
            .collect();
        let words = texts.iter().flatten().map(|word| word_key(word.chars())).collect();
        Said { texts, words }
    }

    /// Whether they name `method` (see [`names`]).
    pub fn names(&self, method: &Method) -> bool {
        let names = std::iter::once(method.name.fr.as_str()).chain(method.name.en.as_deref());
        names.chain(method.aliases.iter().map(String::as_str)).any(|name| self.holds(name))
    }

    fn holds(&self, name: &str) -> bool {
        // Most names share no word with the request: their first word tells at once.
        let first = name.chars().take_while(|c| c.is_alphanumeric()).flat_map(char::to_lowercase);
        if !self.words.contains(&word_key(first.map(words::fold_char))) {
            return false;
        }
        let name = folded_words(name);
        let letters: usize = name.iter().map(|word| word.chars().count()).sum();
        letters >= NAMED_LEAST
            && !name.is_empty()
            && self.texts.iter().any(|text| text.windows(name.len()).any(|words| words == name.as_slice()))
    }
}

/// A key for a folded word, read from its letters: equal words have equal keys (and the
/// rare equal keys of different words are told apart by the full check that follows).
fn word_key(letters: impl Iterator<Item = char>) -> u64 {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    letters.for_each(|letter| hasher.write_u32(u32::from(letter)));
    hasher.finish()
}

/// The words of `text`, lowercased, accents removed.
fn folded_words(text: &str) -> Vec<String> {
    let lower = words::fold(&text.to_lowercase());
    lower.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()).map(str::to_owned).collect()
}

/// Below this confidence a reading is shown to the facilitator as a point to watch.
pub const UNSURE_BELOW: f32 = 0.75;

/// One objective read in a sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Reading {
    /// The objective read.
    pub objective: Objective,
    /// The words of the sentence that led to it, as written.
    pub words: Vec<String>,
    /// How surely, from 0 to 1: 1 for an objective id or a clear wording.
    pub confidence: f32,
}

/// What a sentence says beyond its objectives, when it calls for another answer than an
/// ordinary workshop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Situation {
    /// A conflict between teams or people: a prior interview of each side or a mediation
    /// may suit better than a workshop.
    Conflict,
    /// Only informing (« présenter la réforme »): a workshop may not be needed.
    Inform,
    /// Practical organisation (« réserver la salle »): no workshop objective.
    Logistics,
}

/// How one line of the request's `objectives` was understood.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResolvedObjective {
    /// The line as written by the requester.
    pub text: String,
    /// The objectives it names (empty when none was recognised).
    pub objectives: Vec<Objective>,
    /// Whether the line was an objective id, not a sentence.
    pub exact: bool,
    /// Each objective read, with the words that led to it and a confidence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<Reading>,
    /// What the sentence says beyond its objectives, if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub situation: Option<Situation>,
    /// For a sentence read as nothing: the nearest objectives, to offer in the question.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nearest: Vec<Objective>,
}

impl ResolvedObjective {
    /// Whether some objective was read with a confidence below [`UNSURE_BELOW`].
    pub fn unsure(&self) -> bool {
        self.readings.iter().any(|reading| reading.confidence < UNSURE_BELOW)
    }
}

/// The analysis of a request's objectives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Each line of `objectives`, as understood.
    pub lines: Vec<ResolvedObjective>,
}

/// Participants per facilitator above which the request deserves a question.
const PARTICIPANTS_PER_FACILITATOR: u32 = 40;
/// Minutes per objective below which the request deserves a question.
const MINUTES_PER_OBJECTIVE: u32 = 30;

impl Analysis {
    /// Analyses the request's objectives.
    pub fn of(request: &Request) -> Analysis {
        Analysis { lines: request.objectives.iter().map(|text| resolve(text)).collect() }
    }

    /// The objective ids named, without repeats, in priority order.
    pub fn objectives(&self) -> Vec<Objective> {
        let mut ids = Vec::new();
        for objective in self.lines.iter().flat_map(|line| &line.objectives) {
            if !ids.contains(objective) {
                ids.push(*objective);
            }
        }
        ids
    }

    /// The lines that name no known objective.
    pub fn unmapped(&self) -> impl Iterator<Item = &str> {
        self.lines.iter().filter(|line| line.objectives.is_empty()).map(|line| line.text.as_str())
    }

    /// The questions a facilitator would ask back about `request`, of which this is the
    /// analysis (see [`Request::clarify`]).
    pub fn questions(&self, request: &Request, catalogue: &Catalogue) -> Vec<Question> {
        let mut questions: Vec<Question> = self.lines.iter().filter_map(line_question).collect();
        questions.extend(
            self.lines
                .iter()
                .filter(|line| line.situation == Some(Situation::Conflict))
                .map(|line| Question::Conflict { text: line.text.clone() }),
        );
        if let Some(text) = self.only_informs() {
            questions.push(Question::OnlyInform { text });
        }
        if self.objectives().contains(&Objective::Decide) {
            questions.push(Question::WhoDecides);
        }
        if self.objectives().contains(&Objective::Vision) && request.profiles.contains(&Profile::Managers) {
            questions.push(Question::CourseFirst);
        }
        if request.participants > PARTICIPANTS_PER_FACILITATOR.saturating_mul(request.facilitators) {
            questions.push(Question::FewFacilitators {
                participants: request.participants,
                facilitators: request.facilitators,
            });
        }
        let count = self.objectives().len();
        if count > 1
            && request.minutes()
                < MINUTES_PER_OBJECTIVE.saturating_mul(u32::try_from(count).unwrap_or(u32::MAX))
        {
            questions.push(Question::ShortForObjectives { minutes: request.minutes(), objectives: count });
        }
        questions.extend(late_lunch(request));
        if request.with_users() {
            for id in &request.include {
                if catalogue.get(id.as_str()).is_some_and(|method| method.writing == Writing::Heavy) {
                    questions.push(Question::WritingForUsers { method: id.to_string() });
                }
            }
        }
        questions
    }

    /// The first line, when every line but the session's own evaluation only informs.
    fn only_informs(&self) -> Option<String> {
        let mut asked = self.lines.iter().filter(|line| line.objectives != [Objective::Feedback]).peekable();
        asked.peek()?;
        let texts: Vec<&ResolvedObjective> = asked.collect();
        texts.iter().all(|line| line.situation == Some(Situation::Inform)).then(|| texts[0].text.clone())
    }
}

/// The lunch the request fixes, when it comes so late that the morning needs two pauses or
/// more, and a lunch a little earlier (still a real lunch, craft rule C8) would spare the day
/// one of them: a facilitator asks the lead before planning around it.
fn late_lunch(request: &Request) -> Option<Question> {
    let lunch = request.fixed.iter().find(|fixed| fixed.kind() == FixedKind::Lunch)?;
    if request.fixed.iter().any(|fixed| fixed.kind() == FixedKind::Break) {
        return None;
    }
    let (at, minutes, end) = (lunch.start?, lunch.minutes?, request.end_time()?);
    let stretch = request.max_stretch;
    let morning = |at: ClockTime| rules::pauses_needed(at.since(request.start), stretch);
    let day = |at: ClockTime| {
        morning(at) + at.plus(minutes).map_or(0, |back| rules::pauses_needed(end.since(back), stretch))
    };
    let pauses = morning(at);
    if pauses < 2 {
        return None;
    }
    let (earliest, as_fixed) = (rules::CRAFT_LUNCH_WINDOW.0.minutes(), day(at));
    let earlier = (1..)
        .map_while(|grains| at.minutes().checked_sub(grains * rules::GRAIN).filter(|m| *m >= earliest))
        .filter_map(ClockTime::from_minutes)
        .find(|earlier| day(*earlier) < as_fixed)?;
    Some(Question::LateLunch { lunch: at, pauses, earlier, stretch })
}

/// The question one line calls for, if any.
fn line_question(line: &ResolvedObjective) -> Option<Question> {
    let text = line.text.clone();
    if line.objectives.is_empty() {
        return Some(match line.situation {
            Some(Situation::Logistics) => Question::NotAnObjective { text },
            _ => Question::Unclear { text, nearest: line.nearest.clone() },
        });
    }
    if line.situation == Some(Situation::Inform) {
        return None;
    }
    if line.unsure() {
        let words = line.readings.iter().flat_map(|r| r.words.iter().cloned()).collect();
        return Some(Question::Unsure { text, objectives: line.objectives.clone(), words });
    }
    (line.objectives.len() > 1 && !line.exact)
        .then(|| Question::Confirm { text, objectives: line.objectives.clone() })
}

impl Request {
    /// Analyses the request's objectives.
    pub fn analyse(&self) -> Analysis {
        Analysis::of(self)
    }

    /// The questions a facilitator would ask back before designing the agenda.
    ///
    /// ```
    /// use facilitation::{Catalogue, Question, Request};
    /// let request = Request::builder("Forum")
    ///     .time("09:30", "10:15")
    ///     .participants(120)
    ///     .objective("faire le bilan")
    ///     .objective("que tout le monde soit content")
    ///     .build()
    ///     .unwrap();
    /// let questions = request.clarify(Catalogue::builtin());
    /// assert!(questions.iter().any(|q| matches!(q, Question::Unclear { .. })));
    /// assert!(questions.iter().any(|q| matches!(q, Question::FewFacilitators { .. })));
    /// ```
    pub fn clarify(&self, catalogue: &Catalogue) -> Vec<Question> {
        self.analyse().questions(self, catalogue)
    }
}

/// Resolves one line with the built-in reader: an objective id, or a sentence read through
/// the lexicon and the examples (see [`Reader`]).
pub fn resolve(text: &str) -> ResolvedObjective {
    Reader::builtin().resolve(text)
}

#[cfg(test)]
mod tests {
    use super::lexicon::{Lexicon, SOURCE};

    #[test]
    fn the_lexicon_file_is_valid() {
        assert!(Lexicon::parse(SOURCE).is_ok(), "{:?}", Lexicon::parse(SOURCE).err());
    }

    #[test]
    fn every_objective_has_cues_of_its_own() {
        let lexicon = Lexicon::parse(SOURCE).expect("the lexicon parses");
        assert_eq!(lexicon.thin_objectives(8), []);
    }

    #[test]
    fn no_cue_is_made_only_of_stop_words() {
        assert_eq!(Lexicon::empty_phrases(SOURCE).expect("the lexicon parses"), Vec::<String>::new());
    }
}
