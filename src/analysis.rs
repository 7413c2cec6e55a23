//! The analysis of a request (the network's "analyse et clarification de la demande"):
//! objective sentences mapped to objective ids, and the questions a facilitator would ask
//! back before designing the agenda.

use crate::catalogue::Catalogue;
use crate::request::Request;
use crate::text::Lang;
use crate::vocabulary::{Objective, Writing};
use serde::{Deserialize, Serialize};

/// How one line of the request's `objectives` was understood.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResolvedObjective {
    /// The line as written by the requester.
    pub text: String,
    /// The objectives it names (empty when none was recognised).
    pub objectives: Vec<Objective>,
    /// Whether the line was an objective id, not a sentence.
    pub exact: bool,
}

/// The analysis of a request's objectives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Analysis {
    /// Each line of `objectives`, as understood.
    pub lines: Vec<ResolvedObjective>,
}

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
}

/// A question the facilitator should ask the requester before planning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "question", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Question {
    /// A sentence names no objective the network works on: the planner refuses it.
    Unclear {
        /// The sentence.
        text: String,
    },
    /// A sentence was read as several objectives: confirm.
    Confirm {
        /// The sentence.
        text: String,
        /// What it was read as.
        objectives: Vec<Objective>,
    },
    /// Many participants for few facilitators.
    FewFacilitators {
        /// Participants.
        participants: u32,
        /// Facilitators.
        facilitators: u32,
    },
    /// Little time for many objectives.
    ShortForObjectives {
        /// The session's minutes.
        minutes: u32,
        /// How many objectives.
        objectives: usize,
    },
    /// Service users take part and an included method asks for much writing.
    WritingForUsers {
        /// The method's id.
        method: String,
    },
}

/// Participants per facilitator above which the request deserves a question.
const PARTICIPANTS_PER_FACILITATOR: u32 = 40;
/// Minutes per objective below which the request deserves a question.
const MINUTES_PER_OBJECTIVE: u32 = 30;

impl Question {
    /// Whether the planner must refuse the request until this is answered.
    pub fn blocks_planning(&self) -> bool {
        matches!(self, Question::Unclear { .. })
    }

    /// The question in `lang`, as a facilitator would put it.
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Question::Unclear { text }, Lang::Fr) => format!(
                "Que souhaitez-vous obtenir avec « {text} » ? Reformulez-le avec un objectif du réseau (par exemple : faire le bilan, prioriser, construire un plan d'action) ou son identifiant."
            ),
            (Question::Unclear { text }, Lang::En) => format!(
                "What do you want to achieve with \"{text}\"? Rephrase it as one of the network's objectives (for example: review, prioritise, build an action plan) or give its id."
            ),
            (Question::Confirm { text, objectives }, lang) => {
                let names: Vec<&str> = objectives.iter().map(|o| o.label(lang)).collect();
                lang.pick("Nous avons compris « {t} » comme : {o}. Est-ce bien cela ?", "We read \"{t}\" as: {o}. Is that right?")
                    .replace("{t}", text)
                    .replace("{o}", &names.join(" ; "))
            }
            (Question::FewFacilitators { participants, facilitators }, lang) => lang
                .pick(
                    "{p} participants pour {f} facilitateur(s) : pouvez-vous mobiliser d'autres facilitateurs ? Les méthodes en sous-groupes en demandent souvent un pour 30 à 40 personnes.",
                    "{p} participants for {f} facilitator(s): can more facilitators be mobilised? Sub-group methods often need one per 30 to 40 people.",
                )
                .replace("{p}", &participants.to_string())
                .replace("{f}", &facilitators.to_string()),
            (Question::ShortForObjectives { minutes, objectives }, lang) => lang
                .pick(
                    "{m} minutes pour {o} objectifs : lesquels sont prioritaires ? Comptez au moins 30 minutes par objectif, ou allongez la séance.",
                    "{m} minutes for {o} objectives: which come first? Allow at least 30 minutes per objective, or lengthen the session.",
                )
                .replace("{m}", &minutes.to_string())
                .replace("{o}", &objectives.to_string()),
            (Question::WritingForUsers { method }, lang) => lang
                .pick(
                    "Des usagers participent et « {m} » demande beaucoup d'écrit : faut-il la garder, ou prévoir une aide à l'écriture ?",
                    "Service users take part and \"{m}\" asks for a lot of writing: should it stay, or should writing support be planned?",
                )
                .replace("{m}", method),
        }
    }
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
        let analysis = self.analyse();
        let mut questions = Vec::new();
        for line in &analysis.lines {
            match line.objectives.len() {
                0 => questions.push(Question::Unclear { text: line.text.clone() }),
                1 => {}
                _ if !line.exact => questions
                    .push(Question::Confirm { text: line.text.clone(), objectives: line.objectives.clone() }),
                _ => {}
            }
        }
        if self.participants > PARTICIPANTS_PER_FACILITATOR * self.facilitators {
            questions.push(Question::FewFacilitators {
                participants: self.participants,
                facilitators: self.facilitators,
            });
        }
        let count = analysis.objectives().len();
        if count > 1 && self.minutes() < MINUTES_PER_OBJECTIVE * count as u32 {
            questions.push(Question::ShortForObjectives { minutes: self.minutes(), objectives: count });
        }
        if self.with_users() {
            for id in &self.include {
                if catalogue.get(id.as_str()).is_some_and(|method| method.writing == Writing::Heavy) {
                    questions.push(Question::WritingForUsers { method: id.to_string() });
                }
            }
        }
        questions
    }
}

/// Resolves one line: an objective id, or a sentence read through the lexicon.
pub fn resolve(text: &str) -> ResolvedObjective {
    if let Ok(objective) = text.trim().parse::<Objective>() {
        return ResolvedObjective { text: text.to_string(), objectives: vec![objective], exact: true };
    }
    ResolvedObjective { text: text.to_string(), objectives: read_sentence(text), exact: false }
}

/// Words that carry no objective.
const STOP_WORDS: &[&str] = &[
    "a", "au", "aux", "avec", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "par", "pour",
    "sur", "un", "une", "nos", "notre", "vos", "votre", "ses", "son", "sa", "leur", "leurs", "ce", "ces",
    "cette", "qui", "que", "an", "and", "for", "of", "on", "our", "the", "to", "with", "their", "its", "in",
    "co",
];

/// Phrases (word prefixes, after lowercasing and removing accents) and the objectives they
/// name, French and English. Longer phrases are tried first and consume their words, so
/// that "harmoniser les pratiques" is not also read as "partager les pratiques".
const LEXICON: &[(&[&str], &[Objective])] = {
    use Objective::*;
    &[
        (&["harmonis", "pratiqu"], &[HarmonizePractices]),
        (&["harmonis", "practic"], &[HarmonizePractices]),
        (&["partag", "pratiqu"], &[SharePractices]),
        (&["echang", "pratiqu"], &[SharePractices]),
        (&["retour", "experience"], &[SharePractices]),
        (&["share", "practic"], &[SharePractices]),
        (&["plan", "action"], &[ActionPlan]),
        (&["piste", "action"], &[ActionPlan]),
        (&["passer", "action"], &[ActionPlan]),
        (&["passage", "action"], &[ActionPlan]),
        (&["action", "plan"], &[ActionPlan]),
        (&["feuille", "route"], &[ActionPlan]),
        (&["prochain", "etape"], &[ActionPlan]),
        (&["next", "step"], &[ActionPlan]),
        (&["mise", "oeuvre"], &[ActionPlan]),
        (&["fait", "quoi"], &[ActionPlan]),
        (&["redonn", "sens"], &[Remobilize]),
        (&["donner", "sens"], &[Remobilize]),
        (&["restor", "meaning"], &[Remobilize]),
        (&["question", "complex"], &[ExploreIssue]),
        (&["complex", "question"], &[ExploreIssue]),
        (&["quick", "win"], &[ResolveIrritants]),
        (&["take", "stock"], &[Review]),
        (&["retour", "chaud"], &[Feedback]),
        (&["evalu", "seance"], &[Feedback]),
        (&["evalu", "atelier"], &[Feedback]),
        (&["evalu", "session"], &[Feedback]),
        (&["evalu", "reunion"], &[Feedback]),
        (&["technique", "animation"], &[LearnFacilitation]),
        (&["outil", "animation"], &[LearnFacilitation]),
        (&["outil", "facilitation"], &[LearnFacilitation]),
        (&["animer", "autrement"], &[LearnFacilitation]),
        (&["animer", "differemment"], &[LearnFacilitation]),
        (&["acteur", "territoire"], &[NetworkPartners]),
        (&["personne", "accompagn"], &[UserParticipation]),
        (&["parole", "usager"], &[UserParticipation]),
        (&["team", "building"], &[BuildTrust]),
        (&["esprit", "equipe"], &[BuildTrust]),
        (&["partag"], &[SharePractices]),
        (&["echang"], &[SharePractices]),
        (&["pratiqu"], &[SharePractices]),
        (&["experience"], &[SharePractices]),
        (&["share"], &[SharePractices]),
        (&["exchang"], &[SharePractices]),
        (&["idee"], &[GenerateIdeas]),
        (&["idea"], &[GenerateIdeas]),
        (&["creativ"], &[GenerateIdeas]),
        (&["innov"], &[GenerateIdeas]),
        (&["imagin"], &[GenerateIdeas]),
        (&["brainstorm"], &[GenerateIdeas]),
        (&["piste"], &[GenerateIdeas]),
        (&["explor"], &[ExploreIssue]),
        (&["comprendr"], &[ExploreIssue]),
        (&["understand"], &[ExploreIssue]),
        (&["problematiqu"], &[ExploreIssue]),
        (&["analys"], &[ExploreIssue]),
        (&["irritant"], &[ResolveIrritants]),
        (&["dysfonction"], &[ResolveIrritants]),
        (&["resoudr"], &[ResolveIrritants]),
        (&["resolu"], &[ResolveIrritants]),
        (&["resolv"], &[ResolveIrritants]),
        (&["blocage"], &[ResolveIrritants]),
        (&["priori"], &[Prioritize]),
        (&["hierarchis"], &[Prioritize]),
        (&["decid"], &[Decide]),
        (&["decision"], &[Decide]),
        (&["trancher"], &[Decide]),
        (&["arbitr"], &[Decide]),
        (&["choisir"], &[Decide]),
        (&["confianc"], &[BuildTrust]),
        (&["cohesion"], &[BuildTrust]),
        (&["trust"], &[BuildTrust]),
        (&["remobilis"], &[Remobilize]),
        (&["remobiliz"], &[Remobilize]),
        (&["mobilis"], &[Remobilize]),
        (&["motiv"], &[Remobilize]),
        (&["bilan"], &[Review]),
        (&["review"], &[Review]),
        (&["retrospect"], &[Review]),
        (&["vision"], &[Vision]),
        (&["perspectiv"], &[Vision]),
        (&["avenir"], &[Vision]),
        (&["futur"], &[Vision]),
        (&["strateg"], &[Vision]),
        (&["harmonis"], &[HarmonizePractices]),
        (&["homogen"], &[HarmonizePractices]),
        (&["harmoniz"], &[HarmonizePractices]),
        (&["partenai"], &[NetworkPartners]),
        (&["partner"], &[NetworkPartners]),
        (&["reseau"], &[NetworkPartners]),
        (&["network"], &[NetworkPartners]),
        (&["usager"], &[UserParticipation]),
        (&["beneficiair"], &[UserParticipation]),
        (&["user"], &[UserParticipation]),
        (&["facilitation"], &[LearnFacilitation]),
        (&["feedback"], &[Feedback]),
        (&["evaluat"], &[Feedback]),
    ]
};

/// Reads the objectives a sentence names, in the order they appear.
fn read_sentence(text: &str) -> Vec<Objective> {
    let words = normalise(text);
    let mut used = vec![false; words.len()];
    let mut found: Vec<(usize, Objective)> = Vec::new();
    let mut entries: Vec<&(&[&str], &[Objective])> = LEXICON.iter().collect();
    entries.sort_by_key(|(phrase, _)| std::cmp::Reverse(phrase.len()));
    for (phrase, objectives) in entries {
        while let Some(at) = find_phrase(&words, &used, phrase) {
            found.extend(objectives.iter().map(|objective| (at[0], *objective)));
            for i in at {
                used[i] = true;
            }
        }
    }
    found.sort_by_key(|(position, _)| *position);
    let mut objectives = Vec::new();
    for (_, objective) in found {
        if !objectives.contains(&objective) {
            objectives.push(objective);
        }
    }
    objectives
}

/// The positions of a phrase's words, in order (not necessarily adjacent, at most two words
/// apart), among the words not yet used.
fn find_phrase(words: &[String], used: &[bool], phrase: &[&str]) -> Option<Vec<usize>> {
    let free = |i: usize, prefix: &str| !used[i] && matches_word(&words[i], prefix);
    for first in (0..words.len()).filter(|&i| free(i, phrase[0])) {
        let mut at = vec![first];
        for prefix in &phrase[1..] {
            let last = *at.last().unwrap_or(&first);
            match (last + 1..words.len().min(last + 4)).find(|&i| free(i, prefix)) {
                Some(next) => at.push(next),
                None => break,
            }
        }
        if at.len() == phrase.len() {
            return Some(at);
        }
    }
    None
}

/// A word matches a lexicon entry by prefix; short entries must match the whole word
/// (with a plural `s` or `x`), so that "sens" does not match "sensible".
fn matches_word(word: &str, entry: &str) -> bool {
    if entry.len() >= 5 {
        word.starts_with(entry)
    } else {
        word == entry || word.strip_suffix(['s', 'x']) == Some(entry)
    }
}

/// Lowercases, removes accents and punctuation, drops stop words.
fn normalise(text: &str) -> Vec<String> {
    let ligatures = text.replace(['œ', 'Œ'], "oe").replace(['æ', 'Æ'], "ae");
    let plain: String = ligatures.chars().flat_map(char::to_lowercase).map(strip_accent).collect();
    plain
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty() && !STOP_WORDS.contains(word))
        .map(str::to_string)
        .collect()
}

fn strip_accent(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' | 'á' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' => 'i',
        'ô' | 'ö' | 'ó' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ç' => 'c',
        '’' | '\'' => ' ',
        other => other,
    }
}
