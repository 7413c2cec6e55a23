//! The shared vocabulary of method files, requests and agendas: phases, objectives,
//! formats, energy, levels, participant profiles, group configurations, writing load.
//!
//! Every value is written in kebab-case in files and on the command line, and has a French
//! and an English label for rendering.

use crate::text::Lang;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// The error of parsing a vocabulary word that does not exist.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{word}` is not a known {kind}; use one of: {}", .expected.join(", "))]
pub struct UnknownWord {
    /// What kind of word was expected (`phase`, `objective`...).
    pub kind: &'static str,
    /// The word as written.
    pub word: String,
    /// The accepted words.
    pub expected: &'static [&'static str],
}

macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident, $kind:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $id:literal, $fr:literal, $en:literal; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in the order of the vocabulary.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The kebab-case ids, in the order of [`Self::ALL`].
            pub const IDS: &'static [&'static str] = &[$($id),+];

            /// The kebab-case id used in files.
            pub fn id(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }

            /// The label in `lang`.
            pub fn label(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $( ($name::$variant, Lang::Fr) => $fr, ($name::$variant, Lang::En) => $en, )+
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.id())
            }
        }

        impl FromStr for $name {
            type Err = UnknownWord;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($id => Ok($name::$variant),)+
                    _ => Err(UnknownWord { kind: $kind, word: s.to_string(), expected: Self::IDS }),
                }
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.id())
            }
        }

        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            // One `const` per word, titled with its labels, so that editors show what
            // each word means while completing.
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                let words: Vec<schemars::Schema> = Self::ALL
                    .iter()
                    .map(|word| schemars::json_schema!({
                        "const": word.id(),
                        "title": word.label(Lang::Fr),
                        "description": word.label(Lang::En),
                    }))
                    .collect();
                schemars::json_schema!({ "description": concat!("A ", $kind, "."), "oneOf": words })
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct WordVisitor;
                impl Visitor<'_> for WordVisitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        write!(f, "a {} ({})", $kind, $name::IDS.join(", "))
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> Result<$name, E> {
                        v.parse().map_err(|_| E::unknown_variant(v, $name::IDS))
                    }
                }
                deserializer.deserialize_str(WordVisitor)
            }
        }
    };
}

vocabulary! {
    /// A phase of a session, in the order an agenda moves through them (Kaner's diamond
    /// with an opening and a close).
    Phase, "phase" {
        /// Inclusion, check-in, ice-breaker.
        Opening = "opening", "Ouverture", "Opening";
        /// Open up: share, generate.
        Divergence = "divergence", "Divergence", "Divergence";
        /// Make sense: cluster, deepen.
        Emergence = "emergence", "Émergence", "Emergence";
        /// Prioritise, decide.
        Convergence = "convergence", "Convergence", "Convergence";
        /// Commit: who does what.
        Action = "action", "Passage à l'action", "Action";
        /// Evaluate, check-out.
        Closing = "closing", "Clôture", "Closing";
    }
}

vocabulary! {
    /// What a request wants a session to achieve, and what a method serves.
    #[non_exhaustive]
    Objective, "objective" {
        /// Share practices and experience.
        SharePractices = "share-practices", "Partager les pratiques et les expériences", "Share practices and experience";
        /// Generate new ideas.
        GenerateIdeas = "generate-ideas", "Faire émerger des idées nouvelles", "Generate new ideas";
        /// Explore a complex question.
        ExploreIssue = "explore-issue", "Explorer une question complexe", "Explore a complex question";
        /// Surface and resolve irritants.
        ResolveIrritants = "resolve-irritants", "Identifier et résoudre les irritants", "Surface and resolve irritants";
        /// Prioritise.
        Prioritize = "prioritize", "Prioriser", "Prioritise";
        /// Decide together.
        Decide = "decide", "Décider ensemble", "Decide together";
        /// Build an action plan.
        ActionPlan = "action-plan", "Construire un plan d'action", "Build an action plan";
        /// Build trust and cohesion.
        BuildTrust = "build-trust", "Favoriser la confiance et la cohésion", "Build trust and cohesion";
        /// Remobilise, restore meaning.
        Remobilize = "remobilize", "Remobiliser, redonner du sens", "Remobilise, restore meaning";
        /// Take stock, review.
        Review = "review", "Faire le bilan", "Take stock, review";
        /// Build a shared vision.
        Vision = "vision", "Construire une vision, des perspectives", "Build a shared vision";
        /// Harmonise practices.
        HarmonizePractices = "harmonize-practices", "Harmoniser les pratiques", "Harmonise practices";
        /// Engage a partner network.
        NetworkPartners = "network-partners", "Animer un réseau partenarial", "Engage a partner network";
        /// Involve service users.
        UserParticipation = "user-participation", "Faire participer les usagers", "Involve service users";
        /// Spread facilitation techniques.
        LearnFacilitation = "learn-facilitation", "Diffuser des techniques d'animation", "Spread facilitation techniques";
        /// Evaluate the session.
        Feedback = "feedback", "Évaluer la séance", "Evaluate the session";
    }
}

vocabulary! {
    /// Where the session takes place.
    #[non_exhaustive]
    #[derive(Default)]
    Format, "format" {
        /// Everyone in the same room.
        #[default]
        Onsite = "onsite", "Présentiel", "On site";
        /// Everyone connected from a distance.
        Remote = "remote", "Distanciel", "Remote";
        /// Some in the room, some connected.
        Hybrid = "hybrid", "Hybride", "Hybrid";
    }
}

vocabulary! {
    /// How much energy a method asks of the group.
    Energy, "energy" {
        /// Calm, seated, reflective.
        Low = "low", "Calme", "Low";
        /// Active conversation.
        Medium = "medium", "Modérée", "Medium";
        /// Movement, play, pace.
        High = "high", "Dynamique", "High";
    }
}

vocabulary! {
    /// The facilitation experience a method asks for, from the formation-action's first
    /// days to seasoned facilitators.
    #[derive(Default)]
    Level, "level" {
        /// Runnable after the first days of training.
        Beginner = "beginner", "Débutant", "Beginner";
        /// Needs some practice.
        Intermediate = "intermediate", "Intermédiaire", "Intermediate";
        /// Needs a seasoned facilitator (the default: no limit).
        #[default]
        Advanced = "advanced", "Confirmé", "Advanced";
    }
}

vocabulary! {
    /// Who takes part in a session.
    #[non_exhaustive]
    Profile, "profile" {
        /// DSol agents.
        Agents = "agents", "Agents", "Staff";
        /// Managers.
        Managers = "managers", "Encadrants", "Managers";
        /// Partner organisations.
        Partners = "partners", "Partenaires", "Partners";
        /// Service users (usagers).
        Users = "users", "Usagers", "Service users";
        /// Elected officials.
        Elected = "elected", "Élus", "Elected officials";
    }
}

vocabulary! {
    /// How participants are grouped during a method.
    #[non_exhaustive]
    Grouping, "grouping" {
        /// Each person alone.
        Alone = "alone", "Seul", "Alone";
        /// In pairs.
        Pairs = "pairs", "En binômes", "In pairs";
        /// In threes.
        Trios = "trios", "En trios", "In threes";
        /// In small groups.
        SmallGroups = "small-groups", "En petits groupes", "In small groups";
        /// All together.
        Plenary = "plenary", "En plénière", "In plenary";
        /// Walking about: milling, stations, changing tables.
        Moving = "moving", "En mouvement", "Moving about";
    }
}

vocabulary! {
    /// How much reading and writing a method asks of participants (service users often
    /// have little of either).
    #[derive(Default)]
    Writing, "writing load" {
        /// Spoken, drawn or moved: no reading or writing.
        None = "none", "Aucune écriture", "No writing";
        /// A few words on a card (the default).
        #[default]
        Light = "light", "Peu d'écriture", "Light writing";
        /// Reading and writing are central.
        Heavy = "heavy", "Écriture importante", "Heavy writing";
    }
}

vocabulary! {
    /// What a method's work leaves the group with, and what a method works on: the thread
    /// that makes a sequence feed the next one (irritants listed, then their causes, then
    /// actions).
    #[non_exhaustive]
    Product, "product" {
        /// Experiences, practices and stories told.
        Experiences = "experiences", "des expériences et des pratiques racontées", "experiences and practices told";
        /// Ideas, proposals, options: a list to sort.
        Ideas = "ideas", "des idées et des pistes", "ideas and options";
        /// Irritants or problems named.
        Irritants = "irritants", "des irritants ou des problèmes nommés", "named irritants or problems";
        /// Causes understood.
        Causes = "causes", "des causes comprises", "understood causes";
        /// A short list chosen among many.
        Priorities = "priorities", "des priorités", "priorities";
        /// Decisions taken.
        Decisions = "decisions", "des décisions", "decisions";
        /// Actions: who does what, by when.
        Actions = "actions", "des actions (qui fait quoi, quand)", "actions (who does what, by when)";
        /// A shared picture of the future or of the purpose.
        Vision = "vision", "une vision partagée", "a shared vision";
        /// Personal commitments and the next step, said aloud at the close (« ce que je
        /// fais lundi »): what a closing leaves when the session expects a result.
        Commitments = "commitments", "des engagements personnels et la suite", "personal commitments and the next step";
    }
}

vocabulary! {
    /// What a method needs of the group to be run at all: its conditions of use.
    #[non_exhaustive]
    Condition, "condition" {
        /// A team and its own manager in the room (delegation poker): agents and managers,
        /// and nobody from outside the team.
        TeamAndManager = "team-and-manager", "une équipe et son encadrant", "a team and its manager";
        /// A public at ease with confrontation and probing questions (débat mouvant, nine
        /// whys), or with putting its own practices on trial (TRIZ: « what do we already do
        /// that looks like the worst? »): never service users, a public the network protects,
        /// before whom the agents' practices would be judged.
        PublicAtEase = "public-at-ease", "un public à l'aise avec la confrontation", "a public at ease with confrontation";
        /// The objective it is made for (its first) among the request's: a method built
        /// around one subject (the resolution of irritants) is not run for its other
        /// objectives when nobody asked about that subject.
        OwnObjective = "own-objective", "que la demande porte sur ce pour quoi elle est faite (son premier objectif)", "the request to be about what it is made for (its first objective)";
        /// A group that already knows itself, only agents and managers of the house
        /// (heard, seen, respected): intimate stories are not asked of partners or service
        /// users met that morning; nor are they asked what « the team » should start, stop
        /// and continue (start, stop, continue), a team's look at its own practices.
        KnownGroup = "known-group", "un groupe qui se connaît (agents et encadrants seulement)", "a group that knows itself (only agents and managers)";
        /// Peers who may play client and helper to one another (helping heuristics): no
        /// service users, for whom the roles replay the asymmetry between helper and helped
        /// that the session wants to undo.
        PeerRoles = "peer-roles", "des pairs qui peuvent jouer aidant et aidé (pas d'usagers)", "peers who may play helper and helped (no service users)";
        /// A public that may be asked to write facts about itself and have them read by
        /// others (Kicéki): no service users, who would put their life, their work or the
        /// lack of it on a card before the professionals who follow them.
        SelfDisclosure = "self-disclosure", "un public à qui l'on peut demander d'écrire des faits sur soi (pas d'usagers)", "a public that may be asked to write facts about itself (no service users)";
        /// Speakers at the centre who chose to be watched (fishbowls): professionals, or
        /// service users prepared beforehand, which only the request can say by naming the
        /// method (`include`).
        ChosenExposure = "chosen-exposure", "un public qui a choisi de s'exposer (pas d'usagers sans préparation)", "a public that chose to be exposed (no unprepared service users)";
        /// A public at ease with a physical game, rushing for chairs (le grand vent
        /// souffle): colleagues of the house, not service users, among whom older or
        /// disabled people may be, nor partners or elected members, to whom a chair game
        /// at nine in the morning reads as childish.
        PhysicalGame = "physical-game", "un public à l'aise avec un jeu physique (des collègues de la maison : ni usagers, ni partenaires, ni élus)", "a public at ease with a physical game (colleagues of the house: no service users, partners or elected members)";
        /// Passers-by to stop in a hall, a waiting room, a market or a forum's entrance
        /// (porteur de parole): no closed workshop brings them, so only the request can say
        /// the place is one of passage, by naming the method (`include`).
        PassersBy = "passers-by", "des passants à interpeller (un hall, un marché, l'entrée d'un forum)", "passers-by to approach (a hall, a market, a forum's entrance)";
        /// A format agreed with the project lead before the day (a scene written and
        /// rehearsed with actors for the forum theatre; a day whose agenda the participants
        /// write, for the forum ouvert): the request agrees to it by naming the method
        /// (`include`, or its name in the request's words), and no group of participants
        /// brings it otherwise.
        AgreedBeforehand = "agreed-beforehand", "un format convenu avec le porteur de projet avant le jour (à nommer dans la demande)", "a format agreed with the project lead before the day (to name in the request)";
        /// Peers who may bring a difficulty of their own to one another (codevelopment): no
        /// managers with their agents in the room, who would consult or be consulted by
        /// their own hierarchy, and no service users among professionals.
        Peers = "peers", "des pairs, sans lien hiérarchique (pas d'encadrants avec leurs agents, ni d'usagers parmi des professionnels)", "peers with no line of authority between them (no managers with their staff, nor service users among professionals)";
        /// A public at ease with an abstract grid of analysis (the agreement-certainty
        /// matrix: agreement, certainty about causes and effects, « complex » and
        /// « chaotic »): not service users, who would keep silent before an axis they cannot
        /// make their own.
        AbstractFrame = "abstract-frame", "un public à l'aise avec une grille d'analyse abstraite (pas d'usagers)", "a public at ease with an abstract grid of analysis (no service users)";
        /// A session that asks for one of the things the method is for (impromptu
        /// networking, Kicéki: getting to know each other, meeting partners, sharing
        /// practices): a team back from a difficult year, asked to remobilise, first says how
        /// it arrives; it is not sent off to find someone it rarely talks to. Judged by
        /// [`crate::method::Method::unmet_needs`], which knows the objectives asked (or the
        /// request names the method).
        AskedPurpose = "asked-purpose", "une séance qui demande l'un des objectifs que la méthode sert (faire connaissance, rencontrer des partenaires, partager des pratiques)", "a session that asks for one of the objectives the method serves (getting to know each other, meeting partners, sharing practices)";
        /// A group that came to share feelings as well as work (the wheel of emotions): not
        /// a room of managers or elected members only, who came to work on a subject and for
        /// whom stickers on a wheel of feelings read as a gadget; nor service users among
        /// professionals, who would show their anger or fear to the institutions they
        /// depend on; nor partners, who came from their own structures to work together;
        /// and a session that asks for what the method serves (trust, a word on how each
        /// one feels): in a morning on a procedure, a wheel of fear and disgust before the
        /// hierarchy is out of place.
        FeelingsWelcome = "feelings-welcome", "un groupe venu aussi pour dire ses ressentis, pour un objectif que la méthode sert (pas seulement des encadrants ou des élus, ni des partenaires, ni des usagers parmi des professionnels)", "a group that came to share feelings too, for an objective the method serves (not managers or elected members only, nor partners, nor service users among professionals)";
    }
}

impl Profile {
    /// Whether `profiles` put managers in the room with agents: a line of authority
    /// (codevelopment's peers are not there; a café's host is an agent).
    pub fn hierarchy_among(profiles: &[Profile]) -> bool {
        profiles.contains(&Profile::Managers) && profiles.contains(&Profile::Agents)
    }
}

impl Product {
    /// How far down the thread of a session the product lies: what was lived and told,
    /// then what is brought out (ideas, irritants, a vision), understood (causes), chosen
    /// (priorities), decided, and finally acted on. A sequence moves down the thread, not
    /// back up it.
    pub const fn stage(self) -> u8 {
        match self {
            Product::Experiences => 0,
            Product::Ideas | Product::Irritants | Product::Vision => 1,
            Product::Causes => 2,
            Product::Priorities => 3,
            Product::Decisions => 4,
            Product::Actions => 5,
            Product::Commitments => 6,
        }
    }
}

impl Condition {
    /// Whether a group of `profiles`, for a request that asks (`own_asked`) or not the
    /// objective the method is made for, meets the condition. An unstated profile meets no
    /// condition that needs one: the planner does not guess that a team and its manager
    /// are in the room.
    pub fn met_by(self, profiles: &[Profile], own_asked: bool) -> bool {
        let has = |profile: Profile| profiles.contains(&profile);
        let users_among_staff = has(Profile::Users) && profiles.iter().any(|p| *p != Profile::Users);
        match self {
            Condition::TeamAndManager => {
                has(Profile::Agents)
                    && has(Profile::Managers)
                    && profiles.iter().all(|p| matches!(p, Profile::Agents | Profile::Managers))
            }
            Condition::PublicAtEase
            | Condition::PeerRoles
            | Condition::SelfDisclosure
            | Condition::ChosenExposure
            | Condition::AbstractFrame => !has(Profile::Users),
            Condition::PhysicalGame => {
                !has(Profile::Users) && !has(Profile::Partners) && !has(Profile::Elected)
            }
            Condition::KnownGroup => {
                !profiles.is_empty()
                    && profiles.iter().all(|p| matches!(p, Profile::Agents | Profile::Managers))
            }
            Condition::Peers => !Profile::hierarchy_among(profiles) && !users_among_staff,
            Condition::OwnObjective => own_asked,
            Condition::PassersBy | Condition::AgreedBeforehand | Condition::AskedPurpose => false,
            Condition::FeelingsWelcome => {
                let working = profiles.iter().any(|p| !matches!(p, Profile::Managers | Profile::Elected));
                let public =
                    (profiles.is_empty() || working) && !users_among_staff && !has(Profile::Partners);
                public && own_asked
            }
        }
    }
}

impl Objective {
    /// Whether the objective calls for a result the group leaves with (a decision, an order
    /// of priorities, a plan, solved irritants, one shared practice): craft rule C1 asks
    /// for a convergence or action method serving it before the closing.
    pub const fn calls_for_result(self) -> bool {
        matches!(
            self,
            Objective::Decide
                | Objective::Prioritize
                | Objective::ActionPlan
                | Objective::ResolveIrritants
                | Objective::HarmonizePractices
        )
    }

    /// Whether the objective's result takes up whatever the session opened rather than a
    /// subject of its own: an order of priorities, a decision, a plan of action come at the
    /// end of the work they conclude. Solved irritants and one shared practice settle a
    /// subject of their own, after which a day may open another
    /// ([`crate::score::opens_new_subject`]).
    pub const fn concludes_all(self) -> bool {
        matches!(self, Objective::Decide | Objective::Prioritize | Objective::ActionPlan)
    }
}

impl Objective {
    /// Whether the objective looks back on the session itself (evaluate it): only a
    /// closing serves it, never an opening, before anything has taken place.
    pub const fn looks_back(self) -> bool {
        matches!(self, Objective::Feedback)
    }

    /// Whether the objective asks the group to open up (share, generate, explore): craft
    /// rule C1's other half, served in divergence or emergence, never by a method placed
    /// to converge.
    pub const fn opens_up(self) -> bool {
        matches!(self, Objective::SharePractices | Objective::GenerateIdeas | Objective::ExploreIssue)
    }

    /// Whether an opening or a closing alone may serve the objective (craft rule C5): trust,
    /// which an icebreaker builds, and the look back on the session, which the closing
    /// takes. Any other objective the request asks for gets a content sequence of its own:
    /// twenty minutes of nine whys as the opening is no work on a vision.
    pub const fn served_by_frames(self) -> bool {
        matches!(self, Objective::BuildTrust) || self.looks_back()
    }

    /// Whether the objective is learned by practising ways of working (facilitation
    /// techniques tried): a method that practises one serves it, whatever its question
    /// ([`crate::score::one_question`]).
    pub const fn is_learned_by_practice(self) -> bool {
        matches!(self, Objective::LearnFacilitation)
    }

    /// Whether the objective says how the session works rather than what it works on:
    /// service users taking part is served by every sequence they can join, not by a share
    /// of the clock. The score's time share leaves it aside and shares the time among the
    /// other objectives, in their order: a workshop « with users, to generate ideas, then
    /// prioritise » gives its longest sequence to the ideas.
    pub const fn is_manner(self) -> bool {
        matches!(self, Objective::UserParticipation)
    }

    /// Whether the objective turns the group towards the future (a vision, new ideas, the
    /// will to go on): once it has looked ahead, a sequence does not go back to taking
    /// stock (craft rule C13). A team after a difficult year names what weighed before it
    /// is asked what makes it want to go on.
    pub const fn looks_ahead(self) -> bool {
        matches!(self, Objective::Vision | Objective::GenerateIdeas | Objective::Remobilize)
    }

    /// Whether the objective takes stock of what was done (the review): a look back on the
    /// work, which comes before the group looks ahead (craft rule C13).
    pub const fn takes_stock(self) -> bool {
        matches!(self, Objective::Review)
    }
}

impl Phase {
    /// Whether a method in this phase brings the group to a result (convergence, action).
    pub const fn converges(self) -> bool {
        matches!(self, Phase::Convergence | Phase::Action)
    }

    /// Whether the phase frames the session (opening, closing) rather than holding its
    /// content.
    pub const fn frames(self) -> bool {
        matches!(self, Phase::Opening | Phase::Closing)
    }
}

impl Grouping {
    /// Whether participants work apart in sub-groups, which needs breakout rooms by video.
    pub const fn needs_subgroups(self) -> bool {
        matches!(self, Grouping::Pairs | Grouping::Trios | Grouping::SmallGroups)
    }
}
