//! The questions a facilitator asks the project lead before designing the agenda.

use crate::clock::ClockTime;
use crate::text::{Lang, Localize, in_words};
use crate::vocabulary::Objective;
use serde::{Deserialize, Serialize};

/// A question the facilitator should ask the requester before planning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "question", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Question {
    /// A sentence names no objective the network works on: the planner refuses it.
    Unclear {
        /// The sentence.
        text: String,
        /// The nearest objectives, offered in the question.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        nearest: Vec<Objective>,
    },
    /// A sentence is practical organisation, no workshop objective (« réserver la
    /// salle »): the planner refuses it.
    NotAnObjective {
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
    /// A sentence was read with little confidence: the reading is shown to be checked.
    Unsure {
        /// The sentence.
        text: String,
        /// What it was read as.
        objectives: Vec<Objective>,
        /// The words that led to the reading.
        words: Vec<String>,
    },
    /// A sentence speaks of a conflict: a prior interview of each side or a mediation may
    /// suit better than (or before) a workshop.
    Conflict {
        /// The sentence.
        text: String,
    },
    /// The request only asks to inform: a workshop may not be needed.
    OnlyInform {
        /// The first sentence.
        text: String,
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
    /// The group is asked to decide: who decides, and how, must be said before the day
    /// (the group by consent, a vote, the lead after hearing the group), or a group that
    /// only advised believes it decided.
    WhoDecides,
    /// The group builds a vision with its managers in the room: the direction says its
    /// course first (the frame, the constraints, what is not negotiable), or the vision
    /// floats free of what the department can do.
    CourseFirst,
    /// A lunch fixed so late that the morning needs more pauses than it would with the
    /// lunch a little earlier (rule 8: no run of work longer than `max_stretch`).
    LateLunch {
        /// When the request fixes the lunch.
        lunch: ClockTime,
        /// The pauses the morning then needs.
        pauses: u32,
        /// The latest earlier lunch that saves one.
        earlier: ClockTime,
        /// The longest run of work, in minutes.
        stretch: u32,
    },
    /// Service users take part and an included method asks for much writing.
    WritingForUsers {
        /// The method's id.
        method: String,
    },
}

impl Question {
    /// Whether the planner must refuse the request until this is answered.
    pub fn blocks_planning(&self) -> bool {
        matches!(self, Question::Unclear { .. } | Question::NotAnObjective { .. })
    }

    /// Whether it is a question to put to the project lead before the day (what they meant,
    /// who decides), rather than a point for the facilitators to watch.
    pub fn is_for_the_lead(&self) -> bool {
        matches!(
            self,
            Question::Unclear { .. }
                | Question::Confirm { .. }
                | Question::WhoDecides
                | Question::CourseFirst
                | Question::LateLunch { .. }
        )
    }
}

impl Localize for Question {
    /// The question as a facilitator would put it.
    fn text(&self, lang: Lang) -> String {
        match self {
            Question::Unclear { text, nearest } => unclear(text, nearest, lang),
            Question::NotAnObjective { text } => lang
                .pick(
                    "« {t} » relève de l'organisation, pas d'un objectif d'atelier : retirez-le des objectifs et dites ce que la séance doit permettre (par exemple : faire le bilan, décider ensemble).",
                    "\"{t}\" is practical organisation, not a workshop objective: remove it from the objectives and say what the session should achieve (for example: review, decide together).",
                )
                .replace("{t}", text),
            Question::Confirm { text, objectives } => lang
                .pick("Nous avons compris « {t} » comme : {o}. Est-ce bien cela ?", "We read \"{t}\" as: {o}. Is that right?")
                .replace("{t}", text)
                .replace("{o}", &labels(objectives, lang).join(" ; ")),
            Question::Unsure { text, objectives, words } => lang
                .pick(
                    "Lecture incertaine : « {t} » a été lu comme {o} (d'après : {w}). À vérifier avec le porteur de projet.",
                    "Unsure reading: \"{t}\" was read as {o} (from: {w}). Check it with the project lead.",
                )
                .replace("{t}", text)
                .replace("{o}", &labels(objectives, lang).join(" ; "))
                .replace("{w}", &words.join(", ")),
            Question::Conflict { text } => lang
                .pick(
                    "« {t} » évoque un conflit : l'atelier travaillera la confiance puis les irritants, mais un entretien préalable avec chaque partie, ou une médiation, peut mieux convenir. À voir avec le porteur de projet.",
                    "\"{t}\" speaks of a conflict: the workshop will work on trust, then on irritants, but a prior interview of each side, or a mediation, may suit better. Discuss it with the project lead.",
                )
                .replace("{t}", text),
            Question::OnlyInform { text } => lang
                .pick(
                    "La demande ne fait qu'informer (« {t} ») : une réunion d'information ou une note suffit peut-être. Un atelier se justifie si les participants doivent s'approprier le sujet, poser leurs questions ou contribuer.",
                    "The request only informs (\"{t}\"): an information meeting or a note may be enough. A workshop is worth it if participants must make the subject their own, ask their questions or contribute.",
                )
                .replace("{t}", text),
            Question::FewFacilitators { participants, facilitators } => lang
                .pick(
                    "{p} participants pour {f} facilitateur(s) : pouvez-vous mobiliser d'autres facilitateurs ? Les méthodes en sous-groupes en demandent souvent un pour 30 à 40 personnes.",
                    "{p} participants for {f} facilitator(s): can more facilitators be mobilised? Sub-group methods often need one per 30 to 40 people.",
                )
                .replace("{p}", &participants.to_string())
                .replace("{f}", &facilitators.to_string()),
            Question::ShortForObjectives { minutes, objectives } => lang
                .pick(
                    "{m} minutes pour {o} objectifs : lesquels sont prioritaires ? Comptez au moins 30 minutes par objectif, ou allongez la séance.",
                    "{m} minutes for {o} objectives: which come first? Allow at least 30 minutes per objective, or lengthen the session.",
                )
                .replace("{m}", &minutes.to_string())
                .replace("{o}", &objectives.to_string()),
            Question::WhoDecides => lang
                .pick(
                    "La séance doit trancher : qui décide, et comment ? Le groupe par consentement, à la majorité d'un vote, ou vous-même après l'avoir entendu ? Dites-le avant la séance : l'équipe d'animation l'annonce à l'accueil, pour que personne ne croie décider ce qu'il ne fait que conseiller.",
                    "The session must decide: who decides, and how? The group by consent, by a majority vote, or you yourself after hearing it? Say it before the session: the facilitators announce it in the welcome, so that nobody believes they decide what they only advise on.",
                )
                .to_string(),
            Question::CourseFirst => lang
                .pick(
                    "La séance construit une vision avec l'encadrement dans la salle : la direction donne-t-elle d'abord son cap (dix minutes : le cadre, les contraintes, ce qui n'est pas négociable) ? Si oui, dites qui le donne : l'équipe d'animation le place juste avant la séquence de vision, pris sur l'accueil ou l'ouverture.",
                    "The session builds a vision with managers in the room: does the direction first give its course (ten minutes: the frame, the constraints, what is not negotiable)? If so, say who gives it: the facilitators place it right before the vision sequence, taken from the welcome or the opening.",
                )
                .to_string(),
            Question::LateLunch { lunch, pauses, earlier, stretch } => lang
                .pick(
                    "Le déjeuner fixé à {l} impose {n} pauses le matin, pour que personne ne travaille plus de {s} minutes d'affilée ; à {e}, une de moins suffirait, et la matinée serait moins hachée. Pouvez-vous avancer le déjeuner ?",
                    "Lunch fixed at {l} calls for {n} breaks in the morning, so that nobody works more than {s} minutes at a stretch; at {e}, one fewer would do, and the morning would be less broken up. Can lunch be brought forward?",
                )
                .replace("{l}", &lunch.written(lang))
                .replace("{n}", &in_words(*pauses, lang))
                .replace("{s}", &stretch.to_string())
                .replace("{e}", &earlier.written(lang)),
            Question::WritingForUsers { method } => lang
                .pick(
                    "Des usagers participent et « {m} » demande beaucoup d'écrit : faut-il la garder, ou prévoir une aide à l'écriture ?",
                    "Service users take part and \"{m}\" asks for a lot of writing: should it stay, or should writing support be planned?",
                )
                .replace("{m}", method),
        }
    }
}

/// The question for a sentence read as nothing: the nearest objectives by name.
fn unclear(text: &str, nearest: &[Objective], lang: Lang) -> String {
    let asked = lang
        .pick("Que souhaitez-vous obtenir avec « {t} » ?", "What do you want to achieve with \"{t}\"?")
        .replace("{t}", text);
    let names = labels(nearest, lang);
    let end = lang.pick(" ?", "?");
    let offer = match names.split_last() {
        None => String::new(),
        Some((last, [])) => format!(" {} {last}{end}", lang.pick("Voulez-vous dire :", "Did you mean:")),
        Some((last, first)) => format!(
            " {} {}{}{last}{end}",
            lang.pick("Voulez-vous dire :", "Did you mean:"),
            first.join(", "),
            lang.pick(", ou ", ", or "),
        ),
    };
    let rest = lang.pick(
        " Sinon, reformulez-le avec un autre objectif du réseau ou son identifiant.",
        " Otherwise, rephrase it with another of the network's objectives or give its id.",
    );
    format!("{asked}{offer}{rest}")
}

fn labels(objectives: &[Objective], lang: Lang) -> Vec<&'static str> {
    objectives.iter().map(|objective| objective.label(lang)).collect()
}
