//! The craft of a session: what an experienced facilitator of the network checks first,
//! beyond the hard rules (craft rules C1 to C15).
//!
//! An agenda can keep every hard rule of [`check()`](crate::check()) and still be one no
//! facilitator would run: no convergence before the end, a 45-minute opening, a break just
//! before the closing. [`review`] lists every craft rule an agenda breaks, as points to
//! watch: they do not make it invalid, they teach. The planner keeps every craft rule
//! whenever some agenda keeps them all; otherwise it breaks as few as it can, the
//! later-numbered first (C1 last), and never C6 (the format is real). C12 to C15 are the
//! crate's own, read from the method files' `needs`, `gives` and `takes`.
//!
//! | rule | what a facilitator checks |
//! |---|---|
//! | C1 | objectives calling for a result (decide, prioritise, action plan, irritants, harmonise) get a convergence or action method that settles them (it gives priorities, a decision or actions) before the closing, and the last method before the closing converges |
//! | C2 | welcome and opening together at most max(10 min, 20 %), openings alone at most max(10 min, 12 %) and 20 min, the energiser after lunch at most 10 min; the welcome scales with the session |
//! | C3 | no run of work shorter than 40 minutes between two pauses, or a pause and either end; the first run of a session of three hours or more lasts 60 minutes; a pause cuts a method only into parts of 30 minutes at least, a method in rounds only once its rotation has begun and before its last round; only a day's method (a forum ouvert) resumes after lunch or takes a second pause, and its first part is not stretched beyond its opening and marketplace |
//! | C4 | every slot starts and ends on a five-minute mark |
//! | C5 | every objective gets a content sequence of its own (trust and the look back on the session may be served by the opening or the closing alone), and the first at least 80 % of an equal share of the content minutes |
//! | C6 | remote or hybrid without breakout rooms: no pair, trio or small-group work |
//! | C7 | the closing lasts at most max(15 min, 8 %) |
//! | C8 | lunch lasts 45 to 75 minutes and starts between 11:45 and 13:00 |
//! | C9 | after a main event that opens itself (forum ouvert), only convergence, action and closing |
//! | C10 | with service users, no content method with heavy writing |
//! | C11 | when one of the network's own methods fits, it is used: a method made for one of the objectives (its first), that can run for the group and leaves room for a welcome, an opening and a closing; and so is a method the request names (« Forum ouvert : … ») that serves one of its objectives |
//! | C12 | every method's conditions of use are met (`needs`): no delegation poker without a team and its manager, no débat mouvant with service users, no resolution of irritants when nobody asked about irritants (a method made for one subject runs for it) |
//! | C13 | the sequences feed each other: a method that works on something (`takes`: irritants, ideas, priorities) follows one that gave it; no content method gives again the main product of an earlier one (`gives`), is built like an earlier one (`alike`: ORID and What? So what? Now what?) or goes back up the thread (ideas after a decision), no two action methods follow each other, and once the group has looked ahead (a vision, new ideas, the will to go on; in the opening too) no content method goes back to taking stock alone (the review) without taking up what was drawn; once a subject's own result is settled (a shared practice), a sequence opening a subject not yet worked on starts a new arc ([`score::opens_new_subject`]) |
//! | C14 | a session that expects a result (decide, prioritise, action plan, irritants, harmonise), that leads a partners' network or remobilises a team, or where partners or service users take part, closes on commitments (a closing method that gives `commitments`: « ce que je fais lundi », the next step), then a quick feedback |
//! | C15 | the content time goes to what was asked: every method between the opening and the closing serves one of the request's objectives (no 60 minutes of minimum specifications in a seminar that asked for a vision and a plan), or comes just before a convergence or action method that serves one, earlier in the arc, and works on what it gives (the options a vote then ranks, the actions a vote retains for the plan) |
//!
//! ```
//! use facilitation::{craft, Catalogue, Planner, Request};
//! let catalogue = Catalogue::builtin();
//! let request = Request::builder("Semaine du management")
//!     .time("14:00", "16:30")
//!     .participants(24)
//!     .objective("resolve-irritants")
//!     .objective("action-plan")
//!     .build()?;
//! let plan = Planner::new(catalogue).plan(&request)?;
//! assert!(craft::review(&plan.agenda, &request, catalogue).is_clean());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::agenda::{Agenda, SlotKind};
use crate::analysis::Said;
use crate::catalogue::Catalogue;
use crate::clock::ClockTime;
use crate::method::{Given, Method, MethodId};
use crate::request::Request;
use crate::rules::{
    self, CRAFT_LUNCH, CRAFT_LUNCH_WINDOW, CRAFT_PART, FIRST_OBJECTIVE_SHARE, GRAIN, MIN_RUN,
};
use crate::score;
use crate::text::{Lang, Localize};
use crate::vocabulary::{Condition, Format, Objective, Phase, Product, Writing};
use serde::{Deserialize, Serialize};

/// A craft rule, C1 to C15.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
#[allow(missing_docs)] // each variant is documented in the module's table
pub enum CraftRule {
    C1,
    C2,
    C3,
    C4,
    C5,
    C6,
    C7,
    C8,
    C9,
    C10,
    C11,
    C12,
    C13,
    C14,
    C15,
}

impl CraftRule {
    /// Every rule, C1 first.
    pub const ALL: [CraftRule; 15] = [
        CraftRule::C1,
        CraftRule::C2,
        CraftRule::C3,
        CraftRule::C4,
        CraftRule::C5,
        CraftRule::C6,
        CraftRule::C7,
        CraftRule::C8,
        CraftRule::C9,
        CraftRule::C10,
        CraftRule::C11,
        CraftRule::C12,
        CraftRule::C13,
        CraftRule::C14,
        CraftRule::C15,
    ];

    /// Its number, 1 to 15.
    pub const fn number(self) -> u8 {
        self as u8 + 1
    }

    /// Its bit in a [`CraftSet`].
    const fn bit(self) -> u16 {
        1 << self as u16
    }

    /// Its short title, in `lang`.
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            CraftRule::C1 => lang.pick("l'arc", "the arc"),
            CraftRule::C2 => lang.pick("une ouverture courte", "a short opening"),
            CraftRule::C3 => lang.pick("des pauses aux moments naturels", "pauses at natural points"),
            CraftRule::C4 => lang.pick("des horaires ronds", "round times"),
            CraftRule::C5 => lang.pick("le temps suit la priorité", "time follows priority"),
            CraftRule::C6 => lang.pick("le format est réel", "the format is real"),
            CraftRule::C7 => lang.pick("une clôture courte", "a short closing"),
            CraftRule::C8 => lang.pick("un vrai déjeuner", "a real lunch"),
            CraftRule::C9 => lang.pick("les temps forts", "main events"),
            CraftRule::C10 => lang.pick("les usagers", "service users"),
            CraftRule::C11 => lang.pick("les méthodes du réseau", "the network's own methods"),
            CraftRule::C12 => lang.pick("les conditions d'usage", "conditions of use"),
            CraftRule::C13 => lang.pick("des séquences qui s'enchaînent", "sequences that feed each other"),
            CraftRule::C14 => lang.pick("une clôture qui engage", "a closing that commits"),
            CraftRule::C15 => lang.pick("le temps va à la commande", "time goes to what was asked"),
        }
    }
}

/// A set of craft rules, as the planner relaxes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct CraftSet(u16);

impl CraftSet {
    /// No rule.
    pub const NONE: CraftSet = CraftSet(0);

    /// Whether `rule` is in the set.
    pub const fn contains(self, rule: CraftRule) -> bool {
        self.0 & rule.bit() != 0
    }

    /// The set with `rule` added.
    pub const fn with(self, rule: CraftRule) -> CraftSet {
        CraftSet(self.0 | rule.bit())
    }

    /// Whether every rule of `self` is in `other`.
    pub const fn within(self, other: CraftSet) -> bool {
        self.0 & !other.0 == 0
    }

    /// The order in which the planner gives rules up when no agenda keeps them all: the
    /// later-numbered first, C1 last, C6 never.
    pub fn relaxations() -> impl Iterator<Item = CraftSet> {
        let order = CraftRule::ALL.into_iter().rev().filter(|rule| *rule != CraftRule::C6);
        order.scan(CraftSet::NONE, |set, rule| {
            *set = set.with(rule);
            Some(*set)
        })
    }
}

impl FromIterator<CraftRule> for CraftSet {
    fn from_iter<I: IntoIterator<Item = CraftRule>>(rules: I) -> Self {
        rules.into_iter().fold(CraftSet::NONE, CraftSet::with)
    }
}

/// One broken craft rule: which, where, and what a facilitator would do instead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CraftPoint {
    /// The rule.
    pub rule: CraftRule,
    /// The slot concerned (index from 0), when the point is about one slot.
    pub slot: Option<usize>,
    /// What is wrong.
    pub issue: CraftIssue,
}

/// What breaks a craft rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "issue", rename_all = "kebab-case")]
#[non_exhaustive]
#[allow(missing_docs)] // the fields are named after what they hold
pub enum CraftIssue {
    /// C1: a result objective gets no convergence or action method.
    NoConvergence { objective: Objective },
    /// C1: the last method before the closing opens up instead of concluding.
    EndsOpen { phase: Phase },
    /// C1: a closing method comes before other work: the session closes once, at the end.
    ClosingTooEarly { id: MethodId },
    /// C2: the opening methods take too long.
    LongOpening { minutes: u32, most: u32 },
    /// C2: the energiser after lunch takes too long.
    LongEnergiser { minutes: u32, most: u32 },
    /// C2: the welcome and the opening take too long together.
    LongFrame { minutes: u32, most: u32 },
    /// C2: the welcome does not fit the session's length.
    WelcomeLength { minutes: u32, usual: u32 },
    /// C3: a run of work between pauses is too short.
    ShortRun { minutes: u32 },
    /// C3: the first pause of a long session comes before the group got into the work.
    EarlyPause { minutes: u32, least: u32 },
    /// C3: a pause cuts a method too soon after it began, or too near its end.
    ShortPart { id: MethodId, minutes: u32, least: u32 },
    /// C3: a method that is not a day's work is cut by the lunch, or by a second pause.
    CutAgain { id: MethodId, lunch: bool },
    /// C3: the first part of a method cut before its first round is longer than the steps
    /// before the rounds can hold, yet too short for a round ([`rules::first_part_gap`]).
    StretchedStart { id: MethodId, minutes: u32, most: u32 },
    /// C3: the last part of a method whose rounds build on one another runs longer than
    /// rounds as long as those before the pause and its usual ending hold
    /// ([`rules::last_part_most`]).
    UnevenRounds { id: MethodId, minutes: u32, most: u32 },
    /// C4: a slot starts off the five-minute marks.
    OffGrid { at: ClockTime },
    /// C5: only the opening or the closing serves an objective that needs work of its own.
    NoContent { objective: Objective },
    /// C5: the first objective gets too little of the time.
    FirstObjectiveShort { objective: Objective, minutes: u32, least: u32 },
    /// C6: a method needs sub-groups that the format cannot give.
    NeedsSubgroups { id: MethodId },
    /// C7: the closing takes too long.
    LongClosing { minutes: u32, most: u32 },
    /// C8: the lunch is too short or too long.
    LunchLength { minutes: u32 },
    /// C8: the lunch starts too early or too late.
    LunchStart { at: ClockTime },
    /// C9: a method opens up again after a main event.
    AfterMainEvent { id: MethodId, event: MethodId, phase: Phase },
    /// C10: a content method asks service users for heavy writing.
    HeavyWriting { id: MethodId },
    /// C11: a method of the network fits and is not used.
    NetworkMethodUnused { id: MethodId },
    /// C11: the request names a method that fits, and it is not used.
    NamedMethodUnused { id: MethodId },
    /// C12: the group does not meet a method's condition of use.
    UnmetCondition { id: MethodId, condition: Condition },
    /// C13: a method works on something no method before it gave.
    Unfed { id: MethodId, takes: Vec<Product> },
    /// C13: a method does again a job done before it, or goes back up the thread.
    SameJob { id: MethodId, previous: MethodId },
    /// C13: a method only takes stock (the review) after `ahead` turned the group towards
    /// the future.
    GoesBack { id: MethodId, ahead: MethodId },
    /// C15: a content method serves none of the request's objectives: time taken from
    /// those that were asked for.
    OffRequest { id: MethodId },
    /// C14: the session expects a result, or partners or service users take part, and its
    /// closing gathers no commitments.
    NoCommitments { id: MethodId },
}

impl Localize for CraftIssue {
    fn text(&self, lang: Lang) -> String {
        use CraftIssue as I;
        match self {
            I::NoConvergence { objective } => lang.pick(
                format!("« {} » attend un résultat mais aucune séquence de convergence ou d'action ne le sert : ajoutez-en une avant la clôture (la clôture évalue, elle ne décide pas).", objective.label(lang)),
                format!("\"{}\" calls for a result but no convergence or action sequence serves it: add one before the closing (the closing evaluates, it does not decide).", objective.label(lang)),
            ),
            I::EndsOpen { phase } => lang.pick(
                format!("la dernière séquence avant la clôture est en {} : terminez par une séquence qui tranche ou qui engage (convergence, action).", phase.label(lang).to_lowercase()),
                format!("the last sequence before the closing is in {}: end with one that decides or commits (convergence, action).", phase.label(lang).to_lowercase()),
            ),
            I::ClosingTooEarly { id } => lang.pick(
                format!("`{id}` clôt la séance alors que le travail continue après : une seule clôture, à la fin."),
                format!("`{id}` closes the session while work goes on after it: close once, at the end."),
            ),
            I::LongOpening { minutes, most } => lang.pick(
                format!("l'ouverture dure {minutes} minutes : gardez-la sous {most} minutes, le temps doit aller aux objectifs."),
                format!("the opening takes {minutes} minutes: keep it under {most}, the time belongs to the objectives."),
            ),
            I::LongEnergiser { minutes, most } => lang.pick(
                format!("la reprise après le déjeuner dure {minutes} minutes : gardez-la sous {most} minutes, elle remet le groupe en mouvement, le travail vient après."),
                format!("the energiser after lunch takes {minutes} minutes: keep it under {most}, it gets the group moving again, the work comes after."),
            ),
            I::LongFrame { minutes, most } => lang.pick(
                format!("l'accueil et l'ouverture prennent {minutes} minutes : pas plus de {most} ensemble."),
                format!("the welcome and the opening take {minutes} minutes: no more than {most} together."),
            ),
            I::WelcomeLength { minutes, usual } => lang.pick(
                format!("un accueil de {minutes} minutes ne va pas à cette séance : environ {usual} minutes suffisent."),
                format!("a {minutes}-minute welcome does not suit this session: about {usual} minutes is enough."),
            ),
            I::ShortRun { minutes } => lang.pick(
                format!("seulement {minutes} minutes de travail entre deux pauses (ou une pause et le début ou la fin) : placez les pauses aux moments naturels, après au moins {MIN_RUN} minutes."),
                format!("only {minutes} minutes of work between two pauses (or a pause and either end): put pauses at natural points, after at least {MIN_RUN} minutes."),
            ),
            I::EarlyPause { minutes, least } => lang.pick(
                format!("la première pause arrive après {minutes} minutes : dans une séance de trois heures ou plus, laissez le groupe entrer dans le travail au moins {least} minutes avant de la prendre."),
                format!("the first pause comes after {minutes} minutes: in a session of three hours or more, let the group get into the work for at least {least} minutes before it."),
            ),
            I::ShortPart { id, minutes, least } => lang.pick(
                format!("la pause coupe `{id}` sur une partie de {minutes} minutes : déplacez-la pour que chaque partie dure au moins {least} minutes, une fois la méthode vraiment lancée (le premier tour fini)."),
                format!("the pause cuts `{id}` into a part of {minutes} minutes: move it so that each part lasts at least {least}, once the method is really under way (its first round over)."),
            ),
            I::CutAgain { id, lunch: true } => lang.pick(
                format!("le déjeuner coupe `{id}` : seule une méthode d'une journée (un forum ouvert) reprend après le repas ; placez-la d'un seul tenant, ou coupée une fois par une pause courte."),
                format!("lunch cuts `{id}`: only a day's method (an open space) resumes after the meal; run it in one piece, or cut once by a short break."),
            ),
            I::CutAgain { id, lunch: false } => lang.pick(
                format!("une seconde pause coupe `{id}` : en trois parties, ce n'est plus une méthode ; gardez une seule pause en son milieu."),
                format!("a second break cuts `{id}`: in three parts it is no longer one method; keep a single break in its middle."),
            ),
            I::StretchedStart { id, minutes, most } => lang.pick(
                format!("la première partie de `{id}` dure {minutes} minutes : ce qui précède ses tours en tient {most} au plus, le reste n'allongerait que l'ouverture ; placez la pause plus tôt, ou après un premier tour."),
                format!("the first part of `{id}` lasts {minutes} minutes: what comes before its rounds holds {most} at most, the rest would only stretch its opening; move the pause earlier, or after a first round."),
            ),
            I::UnevenRounds { id, minutes, most } => lang.pick(
                format!("la dernière partie de `{id}` dure {minutes} minutes : ses tours après la pause seraient plus longs que ceux d'avant ; {most} minutes au plus (des tours de même longueur, puis la fin habituelle), ou placez la pause plus tard."),
                format!("the last part of `{id}` lasts {minutes} minutes: its rounds after the break would run longer than those before it; {most} minutes at most (rounds of the same length, then the usual ending), or move the break later."),
            ),
            I::OffGrid { at } => lang.pick(
                format!("commence à {at} : arrondissez les horaires aux cinq minutes."),
                format!("starts at {at}: round the times to five minutes."),
            ),
            I::NoContent { objective } => lang.pick(
                format!("« {} » n'est servi que par l'ouverture ou la clôture : donnez-lui une séquence de travail à lui, une mise en route ne suffit pas.", objective.label(lang)),
                format!("\"{}\" is served only by the opening or the closing: give it a working sequence of its own, a warm-up is not enough.", objective.label(lang)),
            ),
            I::FirstObjectiveShort { objective, minutes, least } => lang.pick(
                format!("le premier objectif, « {} », n'a que {minutes} minutes : donnez-lui au moins {least} minutes, c'est la priorité de la demande.", objective.label(lang)),
                format!("the first objective, \"{}\", gets only {minutes} minutes: give it at least {least}, it is the request's priority.", objective.label(lang)),
            ),
            I::NeedsSubgroups { id } => lang.pick(
                format!("`{id}` fait travailler en binômes ou en sous-groupes, impossible sans salles de sous-groupes : choisissez une méthode en plénière ou ouvrez des salles."),
                format!("`{id}` has people work in pairs or sub-groups, impossible without breakout rooms: choose a plenary method or open rooms."),
            ),
            I::LongClosing { minutes, most } => lang.pick(
                format!("la clôture dure {minutes} minutes : {most} minutes au plus, elle évalue et remercie."),
                format!("the closing takes {minutes} minutes: {most} at most, it evaluates and thanks."),
            ),
            I::LunchLength { minutes } => lang.pick(
                format!("un déjeuner de {minutes} minutes : prévoyez entre {} et {} minutes.", CRAFT_LUNCH.min, CRAFT_LUNCH.max),
                format!("a {minutes}-minute lunch: plan between {} and {} minutes.", CRAFT_LUNCH.min, CRAFT_LUNCH.max),
            ),
            I::LunchStart { at } => lang.pick(
                format!("le déjeuner commence à {at} : faites-le commencer entre {} et {}.", CRAFT_LUNCH_WINDOW.0, CRAFT_LUNCH_WINDOW.1),
                format!("lunch starts at {at}: start it between {} and {}.", CRAFT_LUNCH_WINDOW.0, CRAFT_LUNCH_WINDOW.1),
            ),
            I::AfterMainEvent { id, event, phase } => lang.pick(
                format!("`{id}` ({}) vient après `{event}`, qui a déjà ouvert et nourri le groupe : après un temps fort, on converge, on agit et on clôt.", phase.label(lang).to_lowercase()),
                format!("`{id}` ({}) comes after `{event}`, which already opened the group up: after a main event, converge, act and close.", phase.label(lang).to_lowercase()),
            ),
            I::HeavyWriting { id } => lang.pick(
                format!("`{id}` demande beaucoup d'écrit à des usagers : préférez une méthode à l'oral, en dessin ou en mouvement."),
                format!("`{id}` asks service users for much writing: prefer a spoken, drawn or moving method."),
            ),
            I::NetworkMethodUnused { id } => lang.pick(
                format!("`{id}`, méthode du réseau, convient à cette demande : utilisez-la."),
                format!("`{id}`, the network's own method, fits this request: use it."),
            ),
            I::NamedMethodUnused { id } => lang.pick(
                format!("la demande nomme `{id}`, qui convient : utilisez-la, ou dites au porteur de projet pourquoi une autre méthode."),
                format!("the request names `{id}`, which fits: use it, or tell the project lead why another method."),
            ),
            I::UnmetCondition { id, condition } => lang.pick(
                format!("`{id}` demande {} : ce n'est pas le cas ici, choisissez une autre méthode.", condition.label(lang)),
                format!("`{id}` needs {}: not so here, choose another method.", condition.label(lang)),
            ),
            I::Unfed { id, takes } => {
                let takes: Vec<&str> = takes.iter().map(|product| product.label(lang)).collect();
                lang.pick(
                    format!("`{id}` travaille sur ce qu'une séquence précédente a produit ({}), et rien avant lui ne l'a produit : faites-le précéder d'une séquence qui le fait émerger.", takes.join(", ")),
                    format!("`{id}` works on what an earlier sequence produced ({}), and nothing before it did: put a sequence that brings it out before it.", takes.join(", ")),
                )
            }
            I::SameJob { id, previous } => lang.pick(
                format!("`{id}` refait le travail déjà fait par `{previous}`, ou revient en arrière après lui : gardez-en un seul et donnez-lui le temps, ou enchaînez sur ce qu'il a produit."),
                format!("`{id}` does again the job already done by `{previous}`, or goes back after it: keep one and give it the time, or go on with what it produced."),
            ),
            I::GoesBack { id, ahead } => lang.pick(
                format!("`{id}` revient au bilan alors que `{ahead}` a déjà tourné le groupe vers l'avenir : faites le bilan d'abord, puis projetez-vous ; on regarde d'où l'on vient avant de dessiner où l'on va, et ce qui a été dessiné attend une suite, pas un retour en arrière."),
                format!("`{id}` goes back to the review after `{ahead}` already turned the group towards the future: take stock first, then look ahead; the group looks at where it comes from before drawing where it goes, and what it drew calls for a sequel, not a step back."),
            ),
            I::OffRequest { id } => lang.pick(
                format!("`{id}` ne sert aucun des objectifs de la demande : donnez son temps aux séquences qui en servent un, ou, si ce travail est voulu, ajoutez son objectif à la demande."),
                format!("`{id}` serves none of the request's objectives: give its time to the sequences that serve one, or, if this work is wanted, add its objective to the request."),
            ),
            I::NoCommitments { id } => lang.pick(
                format!("la séance attend un résultat ou réunit des partenaires ou des usagers, et `{id}` la clôt sans engagements : terminez par un tour d'engagements (« ce que je retiens, ce que je fais lundi »), annoncez la suite (qui fait quoi, quand), puis un retour rapide."),
                format!("the session expects a result or brings partners or service users together, and `{id}` closes it without commitments: end with a round of commitments (\"what I take away, what I do on Monday\"), announce the next step (who does what, by when), then a quick feedback."),
            ),
        }
    }
}

impl Localize for CraftPoint {
    fn text(&self, lang: Lang) -> String {
        format!("C{} ({}) : {}", self.rule.number(), self.rule.title(lang), self.issue.text(lang))
            .replace(" : ", lang.pick(" : ", ": "))
    }
}

/// Every craft rule an agenda breaks.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CraftReport {
    /// The broken rules, by rule then slot.
    pub points: Vec<CraftPoint>,
}

impl CraftReport {
    /// Whether the agenda keeps every craft rule.
    pub fn is_clean(&self) -> bool {
        self.points.is_empty()
    }

    /// The rules broken.
    pub fn rules(&self) -> CraftSet {
        self.points.iter().map(|point| point.rule).collect()
    }

    /// Every point, one a line, with its slot, in `lang`.
    pub fn to_text(&self, agenda: &Agenda, lang: Lang) -> String {
        let mut text = String::new();
        for point in &self.points {
            let place = point.slot.and_then(|i| agenda.slots.get(i).map(|slot| (i, slot)));
            let place = match place {
                Some((i, slot)) => {
                    format!(" [{} {}, {}–{}]", lang.pick("créneau", "slot"), i + 1, slot.start, slot.end)
                }
                None => String::new(),
            };
            text += &format!("- {}{place}\n", point.text(lang));
        }
        text
    }
}

/// Reviews `agenda` against the craft rules for `request`. Slots naming methods the
/// catalogue does not hold are passed over (the checker reports them).
pub fn review(agenda: &Agenda, request: &Request, catalogue: &Catalogue) -> CraftReport {
    let wanted = wanted_methods(request, &agenda.objectives, catalogue);
    review_wanting(agenda, request, catalogue, &wanted)
}

/// [`review`], with the methods C11 asks for already known ([`wanted_methods`] for the
/// agenda's objectives): a planner reviews many agendas of one request, and reads the
/// catalogue for them once.
pub fn review_wanting(
    agenda: &Agenda,
    request: &Request,
    catalogue: &Catalogue,
    wanted: &[&Method],
) -> CraftReport {
    let mut review = Review { agenda, request, catalogue, wanted, points: Vec::new() };
    review.arc();
    review.opening();
    review.runs();
    review.grid();
    review.priority();
    review.methods();
    review.closing();
    review.lunch();
    review.network();
    review.conditions();
    review.feeding();
    review.commitments();
    review.asked();
    review.points.sort_by_key(|point| (point.rule, point.slot));
    CraftReport { points: review.points }
}

/// Whether `method` needs sub-groups that a session of `participants` in `format` cannot
/// give without breakout rooms (C6): what it needs in plenary by video when its remote
/// block says it runs so for this group, else what it needs by video, else on site.
pub fn lacks_subgroups(method: &Method, format: Format, breakout_rooms: bool, participants: u32) -> bool {
    format != Format::Onsite
        && !breakout_rooms
        && method.groupings_in(format, breakout_rooms, participants).iter().any(|g| g.needs_subgroups())
}

/// Whether `method` asks service users for heavy writing in a content phase (C10).
pub fn too_much_writing(method: &Method, phase: Phase, with_users: bool) -> bool {
    with_users && !phase.frames() && method.writing == Writing::Heavy
}

/// Whether C11 asks for `method`: one of the network's own methods made for one of
/// `objectives` (its first objective is asked for: `resolution-irritants` for
/// `resolve-irritants`), or a method the request names ([`crate::analysis::names`]: « Forum
/// ouvert : … ») that serves one of them; in both cases one that can run for `request`
/// and leaves room for a welcome, an opening and a closing.
///
/// `said` is the request's words ([`Said::of`]), read once for a whole catalogue.
pub fn wanted_method_fits(method: &Method, request: &Request, objectives: &[Objective], said: &Said) -> bool {
    let network = method.network && method.objectives.first().is_some_and(|own| objectives.contains(own));
    let serves = method.objectives.iter().any(|o| objectives.contains(o));
    // Whether the request names the method comes first: most methods are neither the
    // network's nor named, and the request's words tell it without allocating.
    (network || (serves && said.names(method)))
        && crate::check::unfit(method, request).is_empty()
        && !lacks_subgroups(method, request.format, request.breakout_rooms, request.participants)
        && !request.exclude.contains(&method.id)
        && method.unmet_needs(&request.profiles, objectives, named_in(method, request, said)).is_empty()
        && method.minutes_for(request.participants).min.saturating_add(frame_least(request.minutes()))
            <= request.minutes()
}

/// The methods C11 asks for in a session of `request` serving `objectives`, in catalogue
/// order: each method for which [`wanted_method_fits`] holds, the request's words read once.
pub fn wanted_methods<'c>(
    request: &Request,
    objectives: &[Objective],
    catalogue: &'c Catalogue,
) -> Vec<&'c Method> {
    let said = Said::of(request);
    catalogue.iter().filter(|method| wanted_method_fits(method, request, objectives, &said)).collect()
}

/// Whether the request names `method`: in `include`, or by its name in the request's words.
fn named_in(method: &Method, request: &Request, said: &Said) -> bool {
    request.include.contains(&method.id) || said.names(method)
}

/// The fewest minutes a session of `minutes` needs besides its content: the usual
/// welcome, and five minutes each for an opening and a closing.
fn frame_least(minutes: u32) -> u32 {
    rules::usual_welcome(minutes) + 2 * rules::GRAIN
}

struct Review<'a> {
    agenda: &'a Agenda,
    request: &'a Request,
    catalogue: &'a Catalogue,
    wanted: &'a [&'a Method],
    points: Vec<CraftPoint>,
}

impl<'a> Review<'a> {
    fn add(&mut self, rule: CraftRule, slot: Option<usize>, issue: CraftIssue) {
        self.points.push(CraftPoint { rule, slot, issue });
    }

    /// The method slots with their index, method and phase.
    fn methods_in(&self) -> Vec<(usize, &'a Method, Phase)> {
        let (agenda, catalogue) = (self.agenda, self.catalogue);
        let slots = agenda.slots.iter().enumerate();
        slots
            .filter_map(|(i, slot)| {
                let method = catalogue.get(slot.method.as_ref()?.as_str())?;
                Some((i, method, slot.phase?)).filter(|_| slot.is_method())
            })
            .collect()
    }

    /// C1.
    fn arc(&mut self) {
        let methods = self.methods_in();
        let last = methods.last().map(|(i, _, _)| *i);
        let early: Vec<(usize, MethodId)> = methods
            .iter()
            .filter(|(i, method, phase)| {
                *phase == Phase::Closing && Some(*i) != last && !self.same_method_to_the_end(*i, method)
            })
            .map(|(i, method, _)| (*i, method.id.clone()))
            .collect();
        for (i, id) in early {
            self.add(CraftRule::C1, Some(i), CraftIssue::ClosingTooEarly { id });
        }
        for objective in self.agenda.objectives.iter().filter(|o| o.calls_for_result()) {
            let converges = methods.iter().any(|(i, method, phase)| {
                crate::score::settles_a_result(method, *phase)
                    && self.agenda.slots[*i].objectives.contains(objective)
            });
            if !converges {
                self.add(CraftRule::C1, None, CraftIssue::NoConvergence { objective: *objective });
            }
        }
        if !self.agenda.objectives.iter().any(|o| o.calls_for_result()) {
            return;
        }
        let last_work = self.methods_in().into_iter().rev().find(|(_, _, phase)| *phase != Phase::Closing);
        if let Some((i, _, phase)) = last_work.filter(|(_, _, phase)| !phase.converges()) {
            self.add(CraftRule::C1, Some(i), CraftIssue::EndsOpen { phase });
        }
    }

    /// Whether every method slot after `i` runs the same method (the parts of a closing).
    fn same_method_to_the_end(&self, i: usize, method: &Method) -> bool {
        self.agenda.slots[i + 1..]
            .iter()
            .filter(|slot| slot.is_method())
            .all(|slot| slot.method.as_ref() == Some(&method.id))
    }

    /// C2.
    fn opening(&mut self) {
        let session = self.agenda.minutes();
        let welcome =
            self.agenda.slots.first().filter(|slot| slot.kind == SlotKind::Welcome).map(|slot| slot.minutes);
        if let Some(minutes) = welcome.filter(|m| !rules::welcome_range(session).contains(*m)) {
            self.add(
                CraftRule::C2,
                Some(0),
                CraftIssue::WelcomeLength { minutes, usual: rules::usual_welcome(session) },
            );
        }
        // The opening methods before the content (an energiser after lunch is no opening).
        let openings: Vec<usize> = self
            .methods_in()
            .into_iter()
            .take_while(|(_, _, phase)| *phase == Phase::Opening)
            .map(|(i, _, _)| i)
            .collect();
        let opening: u32 = openings.iter().map(|&i| self.agenda.slots[i].minutes).sum();
        let first = openings.first().copied();
        if opening > rules::opening_cap(session) {
            self.add(
                CraftRule::C2,
                first,
                CraftIssue::LongOpening { minutes: opening, most: rules::opening_cap(session) },
            );
        }
        // The energiser after lunch: as short as an opening.
        let reopening = self
            .methods_in()
            .into_iter()
            .skip(openings.len())
            .filter(|(_, _, phase)| *phase == Phase::Opening);
        for (i, _, _) in reopening {
            let minutes = self.agenda.slots[i].minutes;
            if minutes > rules::energiser_cap(session) {
                self.add(
                    CraftRule::C2,
                    Some(i),
                    CraftIssue::LongEnergiser { minutes, most: rules::energiser_cap(session) },
                );
            }
        }
        let frame = opening + welcome.unwrap_or(0);
        if frame > rules::frame_cap(session) {
            self.add(
                CraftRule::C2,
                first,
                CraftIssue::LongFrame { minutes: frame, most: rules::frame_cap(session) },
            );
        }
    }

    /// C3.
    fn runs(&mut self) {
        let slots = &self.agenda.slots;
        let pauses: Vec<usize> = (0..slots.len()).filter(|&i| slots[i].kind.is_pause()).collect();
        if pauses.is_empty() {
            return;
        }
        let mut from = 0;
        for end in pauses.iter().copied().chain([slots.len()]) {
            let run: u32 = slots[from..end].iter().map(|slot| slot.minutes).fold(0, u32::saturating_add);
            let at = if end == slots.len() { from } else { end };
            let at = Some(at.min(slots.len() - 1));
            let least = rules::least_run(self.agenda.minutes(), from == 0);
            if run < MIN_RUN {
                self.add(CraftRule::C3, at, CraftIssue::ShortRun { minutes: run });
            } else if run < least {
                self.add(CraftRule::C3, at, CraftIssue::EarlyPause { minutes: run, least });
            }
            from = end + 1;
        }
        self.parts();
    }

    /// C3: each part of a method cut by a pause is a real part, and the pauses that cut it
    /// are ones it may take ([`rules::may_cut`]).
    fn parts(&mut self) {
        let slots = &self.agenda.slots;
        let methods: Vec<usize> = (0..slots.len()).filter(|&i| slots[i].is_method()).collect();
        let same = |a: usize, b: usize| slots[a].method.is_some() && slots[a].method == slots[b].method;
        let mut cuts = 0;
        for (k, &i) in methods.iter().enumerate() {
            let before = k.checked_sub(1).filter(|&j| same(methods[j], i)).map(|j| methods[j]);
            let after = methods.get(k + 1).is_some_and(|&j| same(i, j));
            let minutes = slots[i].minutes;
            let Some(id) = slots[i].method.clone() else { continue };
            if (before.is_some() || after) && minutes < CRAFT_PART {
                self.add(
                    CraftRule::C3,
                    Some(i),
                    CraftIssue::ShortPart { id: id.clone(), minutes, least: CRAFT_PART },
                );
            }
            let method = self.catalogue.get(id.as_str());
            let Some(j) = before else {
                cuts = 0;
                let gap = method.and_then(|method| rules::first_part_gap(method, self.agenda.participants));
                if let (true, Some((most, _))) = (after && rules::in_gap(gap, minutes), gap) {
                    self.add(CraftRule::C3, Some(i), CraftIssue::StretchedStart { id, minutes, most });
                }
                continue;
            };
            let most = method.and_then(|method| rules::last_part_most(method, slots[j].minutes));
            if let (false, 0, Some(most)) = (after, cuts, most.filter(|most| minutes > *most)) {
                self.add(CraftRule::C3, Some(i), CraftIssue::UnevenRounds { id: id.clone(), minutes, most });
            }
            let lunch = slots[j..i].iter().any(|slot| slot.kind == SlotKind::Lunch);
            if method.is_some_and(|method| !rules::may_cut(method, cuts, lunch)) {
                self.add(CraftRule::C3, Some(i), CraftIssue::CutAgain { id, lunch });
            }
            cuts += 1;
        }
    }

    /// C4.
    fn grid(&mut self) {
        let off: Vec<(usize, ClockTime)> = self
            .agenda
            .slots
            .iter()
            .enumerate()
            .flat_map(|(i, slot)| [(i, slot.start), (i, slot.end)])
            .filter(|(_, at)| at.minutes() % GRAIN != 0)
            .collect();
        if let Some((i, at)) = off.first() {
            self.add(CraftRule::C4, Some(*i), CraftIssue::OffGrid { at: *at });
        }
    }

    /// C5: every objective gets a content sequence (but those an opening or a closing
    /// serves), and the first its share of the time, whole slot minutes for every slot
    /// serving it.
    fn priority(&mut self) {
        // What each content method works on as the arc reads it ([`score::counted`]), as
        // the planner and its score count it, whatever its slot names.
        let objectives = &self.agenda.objectives;
        let masks = score::ArcMasks::of(objectives);
        let worked = self
            .methods_in()
            .into_iter()
            .filter(|(_, _, phase)| !phase.frames())
            .map(|(_, method, phase)| {
                score::counted(method, phase, score::mask(objectives, &method.objectives), masks)
            })
            .fold(0u32, |bits, serves| bits | serves);
        for (rank, &objective) in objectives.iter().enumerate().take(u32::BITS as usize) {
            if !objective.served_by_frames() && worked & (1 << rank) == 0 {
                self.add(CraftRule::C5, None, CraftIssue::NoContent { objective });
            }
        }
        let Some(first) = self.agenda.objectives.first().copied() else { return };
        let count = self.agenda.objectives.len() as u32;
        let content: Vec<(u32, bool)> = self
            .methods_in()
            .into_iter()
            .filter(|(_, _, phase)| !phase.frames())
            .map(|(i, _, _)| (self.agenda.slots[i].minutes, self.agenda.slots[i].objectives.contains(&first)))
            .collect();
        let total: u32 = content.iter().map(|(m, _)| m).sum();
        let minutes: u32 = content.iter().filter(|(_, serves)| *serves).map(|(m, _)| m).sum();
        let least = (f64::from(total) / f64::from(count.max(1)) * FIRST_OBJECTIVE_SHARE).ceil() as u32;
        if count > 1 && minutes < least {
            self.add(
                CraftRule::C5,
                None,
                CraftIssue::FirstObjectiveShort { objective: first, minutes, least },
            );
        }
    }

    /// C6, C9 and C10, method by method.
    fn methods(&mut self) {
        let request = self.request;
        let mut event: Option<&'a MethodId> = None;
        for (i, method, phase) in self.methods_in() {
            if lacks_subgroups(method, request.format, request.breakout_rooms, request.participants) {
                self.add(CraftRule::C6, Some(i), CraftIssue::NeedsSubgroups { id: method.id.clone() });
            }
            if too_much_writing(method, phase, request.with_users()) {
                self.add(CraftRule::C10, Some(i), CraftIssue::HeavyWriting { id: method.id.clone() });
            }
            match event {
                Some(event) if &method.id != event && !(phase.converges() || phase == Phase::Closing) => {
                    let event = event.clone();
                    self.add(
                        CraftRule::C9,
                        Some(i),
                        CraftIssue::AfterMainEvent { id: method.id.clone(), event, phase },
                    );
                }
                None if method.opens_itself => event = Some(&method.id),
                _ => {}
            }
        }
    }

    /// C7.
    fn closing(&mut self) {
        let most = rules::closing_cap(self.agenda.minutes());
        let closings: Vec<(usize, u32)> = self
            .methods_in()
            .into_iter()
            .filter(|(_, _, phase)| *phase == Phase::Closing)
            .map(|(i, _, _)| (i, self.agenda.slots[i].minutes))
            .collect();
        let minutes: u32 = closings.iter().map(|(_, m)| m).sum();
        if minutes > most {
            self.add(
                CraftRule::C7,
                closings.first().map(|(i, _)| *i),
                CraftIssue::LongClosing { minutes, most },
            );
        }
    }

    /// C8.
    fn lunch(&mut self) {
        for (i, slot) in self.agenda.slots.iter().enumerate().filter(|(_, slot)| slot.kind == SlotKind::Lunch)
        {
            if !CRAFT_LUNCH.contains(slot.minutes) {
                self.add(CraftRule::C8, Some(i), CraftIssue::LunchLength { minutes: slot.minutes });
            }
            if !(CRAFT_LUNCH_WINDOW.0..=CRAFT_LUNCH_WINDOW.1).contains(&slot.start) {
                self.add(CraftRule::C8, Some(i), CraftIssue::LunchStart { at: slot.start });
            }
        }
    }

    /// C11: a network method that can run here, serves an objective of the agenda and
    /// would fit in the session's time.
    fn network(&mut self) {
        for method in self.wanted {
            let used = self.agenda.method_slots().any(|slot| slot.method.as_ref() == Some(&method.id));
            if !used {
                let id = method.id.clone();
                let issue = if method.network {
                    CraftIssue::NetworkMethodUnused { id }
                } else {
                    CraftIssue::NamedMethodUnused { id }
                };
                self.add(CraftRule::C11, None, issue);
            }
        }
    }

    /// C12: every method's conditions of use.
    fn conditions(&mut self) {
        let (profiles, objectives) = (&self.request.profiles, &self.agenda.objectives);
        for (i, method, _) in self.methods_in() {
            // A named method that fits is among the wanted ones (C11).
            let named =
                self.request.include.contains(&method.id) || self.wanted.iter().any(|m| m.id == method.id);
            for condition in method.unmet_needs(profiles, objectives, named) {
                self.add(
                    CraftRule::C12,
                    Some(i),
                    CraftIssue::UnmetCondition { id: method.id.clone(), condition },
                );
            }
        }
    }

    /// C13: each method takes up what the ones before it gave, and none repeats the job of
    /// the one right before it. The parts of a split method are one method.
    fn feeding(&mut self) {
        let (mut given, mut made) = (Given::default(), Given::default());
        let mut earlier: Vec<(&'a Method, Phase)> = Vec::new();
        // Every method so far, framing ones too: none is built like another.
        let mut before: Vec<&'a Method> = Vec::new();
        let mut last: Option<&MethodId> = None;
        // The first content method that turned the group towards the future, and what
        // those that did gave.
        let mut ahead: Option<(&'a Method, Given)> = None;
        let objectives = &self.agenda.objectives;
        let masks = score::ArcMasks::of(objectives);
        // The objectives content methods worked on so far: a new subject starts its own arc.
        let mut worked = 0;
        for (i, method, phase) in self.methods_in() {
            if last == Some(&method.id) {
                continue;
            }
            last = Some(&method.id);
            if !method.fed_by(given) {
                let issue = CraftIssue::Unfed { id: method.id.clone(), takes: method.takes.clone() };
                self.add(CraftRule::C13, Some(i), issue);
            }
            if let Some(twin) = before.iter().find(|m| method.alike_to(m)) {
                let issue = CraftIssue::SameJob { id: method.id.clone(), previous: twin.id.clone() };
                self.add(CraftRule::C13, Some(i), issue);
            }
            before.push(method);
            given = given.with(method);
            let serves = score::counted(method, phase, score::mask(objectives, &method.objectives), masks);
            let drawn = ahead.map(|(_, drawn)| drawn);
            let goes_back = !phase.frames() && score::goes_back(method, serves, masks, drawn);
            if let Some((first, _)) = ahead.filter(|_| goes_back) {
                let issue = CraftIssue::GoesBack { id: method.id.clone(), ahead: first.id.clone() };
                self.add(CraftRule::C13, Some(i), issue);
            }
            if score::looks_ahead(method, phase, serves, masks) {
                let first = ahead.map_or(method, |(first, _)| first);
                ahead = Some((first, drawn.unwrap_or_default().with(method)));
            }
            if phase.frames() {
                continue;
            }
            let before = earlier.last().map(|(last, last_phase)| score::Before {
                phase: *last_phase,
                serves: score::counted(last, *last_phase, score::mask(objectives, &last.objectives), masks),
                made,
            });
            if score::opens_new_subject(phase, serves, worked, masks, before) {
                (made, earlier) = (Given::default(), Vec::new());
            }
            worked |= serves;
            let previous = earlier.last().map(|(m, phase)| (*phase, m.main_product()));
            if method.repeats(phase, made, previous) {
                let main = method.gives.first();
                let done = earlier.iter().rev().find(|(m, _)| main.is_some_and(|p| m.gives.contains(p)));
                if let Some((previous, _)) = done.or(earlier.last()) {
                    let issue = CraftIssue::SameJob { id: method.id.clone(), previous: previous.id.clone() };
                    self.add(CraftRule::C13, Some(i), issue);
                }
            }
            made = made.with(method);
            earlier.push((method, phase));
        }
    }

    /// C15: every content method serves one of the request's objectives, or prepares what
    /// the next one works on for them, directly or through a chain of preparations
    /// ([`rules::prepares`]). The parts of a split method are one method.
    fn asked(&mut self) {
        let methods = self.methods_in();
        let serves = |method: &Method| self.agenda.objectives.iter().any(|o| method.serves(*o));
        // Read from the end: a method is justified when it serves, or prepares one that is.
        let mut justified_next = false;
        let mut issues = Vec::new();
        for (at, &(i, method, phase)) in methods.iter().enumerate().rev() {
            let again = at > 0 && methods[at - 1].1.id == method.id;
            let next = methods[at + 1..].iter().find(|(_, next, _)| next.id != method.id);
            let prepares = next.is_some_and(|&(_, next, next_phase)| {
                justified_next && crate::rules::prepares(method, phase, next, next_phase)
            });
            let justified = phase.frames() || serves(method) || prepares;
            if !justified && !again {
                issues.push((i, method.id.clone()));
            }
            if !again {
                justified_next = justified && !phase.frames();
            }
        }
        for (i, id) in issues.into_iter().rev() {
            self.add(CraftRule::C15, Some(i), CraftIssue::OffRequest { id });
        }
    }

    /// C14: when the session should close on commitments, its closing method gives them.
    fn commitments(&mut self) {
        if !rules::closing_commits(&self.agenda.objectives, &self.request.profiles) {
            return;
        }
        let closing = self.methods_in().into_iter().rev().find(|(_, _, phase)| *phase == Phase::Closing);
        if let Some((i, method, _)) = closing.filter(|(_, method, _)| !method.commits()) {
            self.add(CraftRule::C14, Some(i), CraftIssue::NoCommitments { id: method.id.clone() });
        }
    }
}
