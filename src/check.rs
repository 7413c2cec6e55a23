//! The checker: the hard rules of the [design notes](crate::design) ("A valid agenda"), applied to any agenda,
//! planned or written by hand in the formation-action.

use crate::agenda::{Agenda, Slot, SlotKind};
use crate::analysis::Analysis;
use crate::catalogue::Catalogue;
use crate::clock::ClockTime;
use crate::method::{Method, MethodId, MinuteRange};
use crate::request::{Fixed, FixedKind, Request};
use crate::rules::{self, MIN_BREAK, MIN_LUNCH, MIN_PART, WELCOME};
use crate::text::{Lang, Localize};
use crate::vocabulary::{Format, Level, Objective, Phase};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One broken rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Violation {
    /// The rule's number in the design notes (1 to 11).
    pub rule: u8,
    /// The slot concerned (index from 0), when the problem is in one slot.
    pub slot: Option<usize>,
    /// What is wrong.
    pub breach: Breach,
}

/// What is wrong, with what a trainee needs to correct it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "breach", rename_all = "kebab-case")]
#[non_exhaustive]
#[allow(missing_docs)] // the fields are named after what they hold
pub enum Breach {
    /// The agenda has no slot.
    NoSlots,
    /// The agenda's start or end differs from the request's.
    SessionTimes { agenda: (ClockTime, ClockTime), request: (ClockTime, ClockTime) },
    /// The agenda's header says another figure than the request (participants,
    /// facilitators, format): the agenda is checked against the request's.
    HeaderDiffers { field: String, agenda: String, request: String },
    /// A part number below 2 (the first part has none).
    BadPart { part: u32 },
    /// A slot does not start where the previous one ended.
    Gap { expected: ClockTime, found: ClockTime },
    /// A slot's minutes differ from its clock times.
    WrongMinutes { minutes: u32, clock: u32 },
    /// The slots do not reach the end of the session, or go past it.
    EndsAt { last: ClockTime, end: ClockTime },
    /// The first slot is not a welcome.
    FirstNotWelcome,
    /// The welcome is too short or too long.
    WelcomeLength { minutes: u32 },
    /// The first method slot is not an opening.
    FirstMethodNotOpening { phase: Option<Phase> },
    /// The last slot is not a closing method.
    LastNotClosing,
    /// A method slot names no method, or no phase.
    Incomplete,
    /// A method slot names a method the catalogue does not hold.
    UnknownMethod { id: MethodId },
    /// The slot's phase is not one of the method's.
    PhaseNotOfMethod { id: MethodId, phase: Phase },
    /// The slot's objective is not one of the method's.
    ObjectiveNotOfMethod { id: MethodId, objective: Objective },
    /// The method's minutes lie outside its range for the group.
    MinutesOutOfRange { id: MethodId, minutes: u32, range: MinuteRange },
    /// A part of a split method is too short.
    PartTooShort { id: MethodId, minutes: u32 },
    /// The group is too small or too large for the method.
    Participants { id: MethodId, participants: u32, min: u32, max: u32 },
    /// The method needs more facilitators than available.
    Facilitators { id: MethodId, needed: u32, available: u32 },
    /// The method does not run in the request's format.
    Format { id: MethodId, format: Format },
    /// The method needs sub-group spaces the request does not have.
    Breakout { id: MethodId },
    /// The method asks for more experience than the facilitators have.
    Level { id: MethodId, level: Level, allowed: Level },
    /// Too long without a break.
    Stretch { minutes: u32, max: u32 },
    /// A break too short to count.
    ShortBreak { minutes: u32 },
    /// No lunch although the session runs through midday.
    NoLunch,
    /// A lunch too short.
    ShortLunch { minutes: u32 },
    /// A lunch that starts outside 11:45–13:30.
    LunchTime { start: ClockTime },
    /// A method that appears twice.
    Repeated { id: MethodId },
    /// Parts of a split method separated by something else than breaks.
    PartsApart { id: MethodId },
    /// A method of `include` that is missing.
    MissingInclude { id: MethodId },
    /// A method of `exclude` that appears.
    Excluded { id: MethodId },
    /// An objective of the request that no method slot serves.
    NotServed { objective: Objective },
    /// An objective sentence of the request that names no objective.
    Unclear { text: String },
    /// A talk slot without a title.
    UntitledTalk,
    /// A moment the request fixes (`fixed[index]`) that the agenda moves or leaves out.
    FixedNotKept { index: usize, what: String, start: Option<ClockTime>, minutes: Option<u32> },
}

impl Violation {
    /// The violation as one sentence in `lang`, with its rule and slot.
    pub fn message(&self, lang: Lang, agenda: &Agenda) -> String {
        let slot = self.slot.and_then(|i| agenda.slots.get(i).map(|slot| (i, slot)));
        let place = match slot {
            Some((i, slot)) => {
                format!("{} {} ({}–{})", lang.pick("créneau", "slot"), i + 1, slot.start, slot.end)
            }
            None => lang.pick("agenda", "agenda").to_string(),
        };
        format!("{} {}, {place} : {}", lang.pick("Règle", "Rule"), self.rule, self.breach.text(lang))
            .replace(" : ", lang.pick(" : ", ": "))
    }
}

impl Localize for Breach {
    /// What is wrong and how to fix it, in `lang`.
    fn text(&self, lang: Lang) -> String {
        match self {
            Breach::NoSlots => lang.pick( "l'agenda n'a aucun créneau.".into(), "the agenda has no slot.".into()),
            Breach::SessionTimes { agenda, request } => lang.pick(
                format!("l'agenda va de {} à {} mais la demande de {} à {} ; alignez les horaires.", agenda.0, agenda.1, request.0, request.1),
                format!("the agenda runs {}–{} but the request {}–{}; align the times.", agenda.0, agenda.1, request.0, request.1),
            ),
            Breach::HeaderDiffers { field, agenda, request } => lang.pick(
                format!("l'en-tête de l'agenda indique `{field}: {agenda}` mais la demande {request} ; l'agenda est vérifié pour la demande : corrigez l'en-tête."),
                format!("the agenda's header says `{field}: {agenda}` but the request {request}; the agenda is checked for the request: correct the header."),
            ),
            Breach::BadPart { part } => lang.pick(
                format!("`part: {part}` n'est pas un numéro de partie ; la première partie n'en porte pas, les suivantes portent 2, 3…"),
                format!("`part: {part}` is not a part number; the first part has none, the later ones 2, 3…"),
            ),
            Breach::Gap { expected, found } => lang.pick(
                format!("commence à {found} alors que le créneau précédent finit à {expected} ; les créneaux doivent se suivre sans trou ni chevauchement."),
                format!("starts at {found} but the previous slot ends at {expected}; slots must follow each other with no gap or overlap."),
            ),
            Breach::WrongMinutes { minutes, clock } => lang.pick(
                format!("indique {minutes} minutes mais ses horaires en font {clock} ; corrigez `minutes`."),
                format!("says {minutes} minutes but its clock times make {clock}; correct `minutes`."),
            ),
            Breach::EndsAt { last, end } => lang.pick(
                format!("le dernier créneau finit à {last} mais la séance à {end} ; les créneaux doivent couvrir toute la séance."),
                format!("the last slot ends at {last} but the session at {end}; the slots must cover the whole session."),
            ),
            Breach::FirstNotWelcome => lang.pick(
                "le premier créneau doit être l'accueil (`kind: welcome`) : arrivée, objectifs et règles du cadre.".into(),
                "the first slot must be the welcome (`kind: welcome`): arrival, goals and ground rules.".into(),
            ),
            Breach::WelcomeLength { minutes } => lang.pick(
                format!("l'accueil dure {minutes} minutes ; prévoyez entre 5 et 30 minutes."),
                format!("the welcome lasts {minutes} minutes; allow 5 to 30 minutes."),
            ),
            Breach::FirstMethodNotOpening { phase } => lang.pick(
                format!("la première méthode est en phase {} ; commencez par une méthode d'ouverture (inclusion, météo, brise-glace).", phase_name(*phase, lang)),
                format!("the first method is in phase {}; start with an opening method (check-in, ice-breaker).", phase_name(*phase, lang)),
            ),
            Breach::LastNotClosing => lang.pick(
                "le dernier créneau doit être une méthode de clôture (évaluation, tour de sortie).".into(),
                "the last slot must be a closing method (evaluation, check-out).".into(),
            ),
            Breach::Incomplete => lang.pick(
                "un créneau de méthode doit indiquer `method` et `phase`.".into(),
                "a method slot must give `method` and `phase`.".into(),
            ),
            Breach::UnknownMethod { id } => lang.pick(
                format!("la méthode `{id}` n'est pas au catalogue ; vérifiez son identifiant."),
                format!("the method `{id}` is not in the catalogue; check its id."),
            ),
            Breach::PhaseNotOfMethod { id, phase } => lang.pick(
                format!("`{id}` ne sert pas la phase {} ; choisissez une de ses phases ou une autre méthode.", phase.label(lang)),
                format!("`{id}` does not serve the {} phase; pick one of its phases or another method.", phase.label(lang)),
            ),
            Breach::ObjectiveNotOfMethod { id, objective } => lang.pick(
                format!("`{id}` ne sert pas l'objectif « {} » ; retirez-le de ce créneau.", objective.label(lang)),
                format!("`{id}` does not serve the objective \"{}\"; remove it from this slot.", objective.label(lang)),
            ),
            Breach::MinutesOutOfRange { id, minutes, range } => lang.pick(
                format!("`{id}` dure {minutes} minutes mais demande {range} pour ce groupe ; ajustez sa durée."),
                format!("`{id}` lasts {minutes} minutes but needs {range} for this group; adjust its length."),
            ),
            Breach::PartTooShort { id, minutes } => lang.pick(
                format!("cette partie de `{id}` dure {minutes} minutes ; chaque partie doit durer au moins 20 minutes."),
                format!("this part of `{id}` lasts {minutes} minutes; each part must last at least 20 minutes."),
            ),
            Breach::Participants { id, participants, min, max } => lang.pick(
                format!("`{id}` fonctionne de {min} à {max} participants, pas pour {participants} ; choisissez une autre méthode."),
                format!("`{id}` works for {min} to {max} participants, not {participants}; pick another method."),
            ),
            Breach::Facilitators { id, needed, available } => lang.pick(
                format!("`{id}` demande {needed} facilitateurs pour ce groupe, or {available} sont disponibles ; mobilisez-en d'autres ou changez de méthode."),
                format!("`{id}` needs {needed} facilitators for this group but {available} are available; mobilise more or change method."),
            ),
            Breach::Format { id, format } => lang.pick(
                format!("`{id}` ne se pratique pas en {} ; choisissez une méthode adaptée.", format.label(lang).to_lowercase()),
                format!("`{id}` does not run {}; pick a suitable method.", format.label(lang).to_lowercase()),
            ),
            Breach::Breakout { id } => lang.pick(
                format!("`{id}` demande des salles de sous-groupes que la demande n'a pas (`breakout_rooms`)."),
                format!("`{id}` needs sub-group rooms that the request does not have (`breakout_rooms`)."),
            ),
            Breach::Level { id, level, allowed } => lang.pick(
                format!("`{id}` est de niveau {} alors que l'équipe anime au niveau {} ; choisissez une méthode plus simple.", level.label(lang).to_lowercase(), allowed.label(lang).to_lowercase()),
                format!("`{id}` is {} level but the team runs {} level; pick a simpler method.", level.label(lang).to_lowercase(), allowed.label(lang).to_lowercase()),
            ),
            Breach::Stretch { minutes, max } => lang.pick(
                format!("{minutes} minutes de travail sans pause, au-delà de {max} ; insérez une pause avant ce créneau."),
                format!("{minutes} minutes of work without a break, over {max}; insert a break before this slot."),
            ),
            Breach::ShortBreak { minutes } => lang.pick(
                format!("une pause de {minutes} minutes est trop courte ; prévoyez au moins 10 minutes."),
                format!("a {minutes}-minute break is too short; allow at least 10 minutes."),
            ),
            Breach::NoLunch => lang.pick(
                "la séance couvre 12:00–13:30 sans déjeuner ; prévoyez au moins 45 minutes commençant entre 11:45 et 13:30.".into(),
                "the session covers 12:00–13:30 with no lunch; allow at least 45 minutes starting between 11:45 and 13:30.".into(),
            ),
            Breach::ShortLunch { minutes } => lang.pick(
                format!("le déjeuner dure {minutes} minutes ; prévoyez-en au moins 45."),
                format!("lunch lasts {minutes} minutes; allow at least 45."),
            ),
            Breach::LunchTime { start } => lang.pick(
                format!("le déjeuner commence à {start} ; il doit commencer entre 11:45 et 13:30."),
                format!("lunch starts at {start}; it must start between 11:45 and 13:30."),
            ),
            Breach::Repeated { id } => lang.pick(
                format!("`{id}` apparaît deux fois ; seule une méthode en plusieurs parties peut revenir, après une pause."),
                format!("`{id}` appears twice; only a split method may come back, after a break."),
            ),
            Breach::PartsApart { id } => lang.pick(
                format!("les parties de `{id}` ne doivent être séparées que par des pauses ou le déjeuner."),
                format!("the parts of `{id}` may be separated only by breaks or lunch."),
            ),
            Breach::MissingInclude { id } => lang.pick(
                format!("la demande exige `{id}`, absente de l'agenda."),
                format!("the request requires `{id}`, missing from the agenda."),
            ),
            Breach::Excluded { id } => lang.pick(
                format!("la demande exclut `{id}`, présente dans l'agenda."),
                format!("the request excludes `{id}`, present in the agenda."),
            ),
            Breach::NotServed { objective } => lang.pick(
                format!("aucune méthode ne sert l'objectif « {} » ; ajoutez-en une.", objective.label(lang)),
                format!("no method serves the objective \"{}\"; add one.", objective.label(lang)),
            ),
            Breach::UntitledTalk => lang.pick(
                "une intervention (`kind: talk`) doit avoir un titre (`title`).".into(),
                "a talk (`kind: talk`) needs a title (`title`).".into(),
            ),
            Breach::FixedNotKept { index, what, start, minutes } => {
                let at = start.map(|s| lang.pick(format!(" à {s}"), format!(" at {s}"))).unwrap_or_default();
                let long = minutes.map(|m| format!(", {m} min")).unwrap_or_default();
                lang.pick(
                    format!("la demande fixe « {what} »{at}{long} (`fixed[{index}]`) : l'agenda doit le garder tel quel."),
                    format!("the request fixes \"{what}\"{at}{long} (`fixed[{index}]`): the agenda must keep it as is."),
                )
            }
            Breach::Unclear { text } => lang.pick(
                format!("l'objectif « {text} » ne correspond à aucun objectif connu ; reformulez-le dans la demande."),
                format!("the objective \"{text}\" matches no known objective; rephrase it in the request."),
            ),
        }
    }
}

fn phase_name(phase: Option<Phase>, lang: Lang) -> String {
    phase.map_or_else(|| "?".to_string(), |phase| phase.label(lang).to_lowercase())
}

/// Why `method` cannot run for `request` (rules 5, 6 and 7), empty when it can.
pub(crate) fn unfit(method: &Method, request: &Request) -> Vec<(u8, Breach)> {
    let id = method.id.clone();
    let n = request.participants;
    let mut found = Vec::new();
    if !method.participants.contains(n) {
        let (min, max) = (method.participants.min, method.participants.max);
        found.push((5, Breach::Participants { id: id.clone(), participants: n, min, max }));
    }
    let needed = method.facilitators_for(n);
    if needed > request.facilitators {
        found.push((6, Breach::Facilitators { id: id.clone(), needed, available: request.facilitators }));
    }
    if !method.formats.contains(&request.format) {
        found.push((7, Breach::Format { id: id.clone(), format: request.format }));
    }
    if method.breakout && !request.breakout_rooms {
        found.push((7, Breach::Breakout { id: id.clone() }));
    }
    if method.level > request.level {
        found.push((7, Breach::Level { id, level: method.level, allowed: request.level }));
    }
    found
}

/// Whether `slots` keep the fixed moment: a slot of its kind at its start and length (a
/// talk with its title); a method's first part at its start, all parts its minutes; the
/// welcome its minutes.
pub fn kept(fixed: &Fixed, slots: &[Slot]) -> bool {
    let kind = match fixed.kind() {
        FixedKind::Talk => SlotKind::Talk,
        FixedKind::Break => SlotKind::Break,
        FixedKind::Lunch => SlotKind::Lunch,
        FixedKind::Welcome => return slots.first().is_some_and(|s| Some(s.minutes) == fixed.minutes),
        _ => return method_kept(fixed, slots),
    };
    slots.iter().any(|slot| {
        slot.kind == kind
            && Some(slot.start) == fixed.start
            && Some(slot.minutes) == fixed.minutes
            && (kind != SlotKind::Talk || slot.title == fixed.title)
    })
}

fn method_kept(fixed: &Fixed, slots: &[Slot]) -> bool {
    let parts: Vec<&Slot> =
        slots.iter().filter(|s| s.is_method() && s.method.is_some() && s.method == fixed.method).collect();
    let Some(first) = parts.first() else { return false };
    let minutes: u32 = parts.iter().map(|s| s.minutes).sum();
    fixed.start.is_none_or(|start| first.start == start) && fixed.minutes.is_none_or(|m| m == minutes)
}

/// The checker's verdict: every broken rule, in slot order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Report {
    /// The broken rules.
    pub violations: Vec<Violation>,
}

impl Report {
    /// Whether the agenda keeps every rule.
    pub fn is_valid(&self) -> bool {
        self.violations.is_empty()
    }

    /// The rule numbers broken, sorted, without repeats.
    pub fn rules(&self) -> Vec<u8> {
        let mut rules: Vec<u8> = self.violations.iter().map(|v| v.rule).collect();
        rules.sort_unstable();
        rules.dedup();
        rules
    }

    /// Every violation, one sentence a line, in `lang`.
    pub fn to_text(&self, agenda: &Agenda, lang: Lang) -> String {
        self.violations.iter().map(|v| format!("- {}\n", v.message(lang, agenda))).collect()
    }
}

/// Checks `agenda` against the hard rules of the [design notes](crate::design) for `request`, with the methods of
/// `catalogue`. Every broken rule is reported.
///
/// ```
/// use facilitation::{check, Catalogue, Planner, Request};
/// let catalogue = Catalogue::builtin();
/// let request = Request::builder("Atelier")
///     .time("14:00", "16:00")
///     .participants(20)
///     .objective("share-practices")
///     .build()
///     .unwrap();
/// let plan = Planner::new(catalogue).plan(&request).unwrap();
/// assert!(check(&plan.agenda, &request, catalogue).is_valid());
/// ```
pub fn check(agenda: &Agenda, request: &Request, catalogue: &Catalogue) -> Report {
    check_analysed(agenda, request, &Analysis::of(request), catalogue)
}

/// [`check()`] with the request's analysis already made, so that a caller checking many
/// agendas for one request (the planner) reads its sentences once.
pub fn check_analysed(
    agenda: &Agenda,
    request: &Request,
    analysis: &Analysis,
    catalogue: &Catalogue,
) -> Report {
    let mut checker = Checker { agenda, request, analysis, catalogue, violations: Vec::new() };
    checker.run();
    checker.violations.sort_by_key(|v| (v.slot.unwrap_or(usize::MAX), v.rule));
    Report { violations: checker.violations }
}

struct Checker<'a> {
    agenda: &'a Agenda,
    request: &'a Request,
    analysis: &'a Analysis,
    catalogue: &'a Catalogue,
    violations: Vec<Violation>,
}

impl Checker<'_> {
    fn add(&mut self, rule: u8, slot: Option<usize>, breach: Breach) {
        self.violations.push(Violation { rule, slot, breach });
    }

    fn run(&mut self) {
        if self.agenda.slots.is_empty() {
            self.add(1, None, Breach::NoSlots);
            return;
        }
        self.header();
        self.contiguity();
        self.shape();
        self.methods();
        self.durations();
        self.stretches();
        self.lunch();
        self.repeats();
        self.fixed();
        self.objectives();
    }

    /// Rules 5, 6 and 7 read the request's figures: a header that says others would
    /// mislead whoever reads the agenda.
    fn header(&mut self) {
        let (agenda, request) = (self.agenda, self.request);
        let differences = [
            (5, "participants", agenda.participants.to_string(), request.participants.to_string()),
            (6, "facilitators", agenda.facilitators.to_string(), request.facilitators.to_string()),
            (7, "format", agenda.format.to_string(), request.format.to_string()),
        ];
        for (rule, field, agenda, request) in differences.into_iter().filter(|(_, _, a, r)| a != r) {
            self.add(rule, None, Breach::HeaderDiffers { field: field.to_string(), agenda, request });
        }
    }

    /// Rule 10 for fixed moments: each one is in the agenda, at its time and length; and
    /// every talk has a title (rule 3).
    fn fixed(&mut self) {
        for (i, slot) in self.agenda.slots.iter().enumerate() {
            if slot.kind == SlotKind::Talk && slot.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
                self.add(3, Some(i), Breach::UntitledTalk);
            }
        }
        for (index, fixed) in self.request.fixed.iter().enumerate() {
            if !kept(fixed, &self.agenda.slots) {
                let what = fixed.title.clone().or_else(|| fixed.method.as_ref().map(|m| m.to_string()));
                let what = what.unwrap_or_else(|| format!("{:?}", fixed.kind()).to_lowercase());
                let breach = Breach::FixedNotKept { index, what, start: fixed.start, minutes: fixed.minutes };
                self.add(10, None, breach);
            }
        }
    }

    /// Rule 1.
    fn contiguity(&mut self) {
        let (start, end) = (self.agenda.start, self.agenda.end);
        if let Some(request_end) = self.request.end_time() {
            if (start, end) != (self.request.start, request_end) {
                self.add(
                    1,
                    None,
                    Breach::SessionTimes { agenda: (start, end), request: (self.request.start, request_end) },
                );
            }
        }
        let mut cursor = start;
        for (i, slot) in self.agenda.slots.iter().enumerate() {
            if slot.start != cursor {
                self.add(1, Some(i), Breach::Gap { expected: cursor, found: slot.start });
            }
            let clock = slot.end.since(slot.start);
            if slot.minutes != clock || slot.end < slot.start {
                self.add(1, Some(i), Breach::WrongMinutes { minutes: slot.minutes, clock });
            }
            cursor = slot.end;
        }
        if cursor != end {
            self.add(1, None, Breach::EndsAt { last: cursor, end });
        }
    }

    /// Rule 2.
    fn shape(&mut self) {
        let slots = &self.agenda.slots;
        match slots.first() {
            Some(first) if first.kind == SlotKind::Welcome => {
                if !WELCOME.contains(first.minutes) {
                    self.add(2, Some(0), Breach::WelcomeLength { minutes: first.minutes });
                }
            }
            _ => self.add(2, Some(0), Breach::FirstNotWelcome),
        }
        if let Some((i, first)) = slots.iter().enumerate().find(|(_, slot)| slot.is_method()) {
            let opens_itself = first
                .method
                .as_ref()
                .and_then(|id| self.catalogue.get(id.as_str()))
                .is_some_and(|method| method.opens_itself);
            if first.phase != Some(Phase::Opening) && !opens_itself {
                self.add(2, Some(i), Breach::FirstMethodNotOpening { phase: first.phase });
            }
        }
        let last = slots.len() - 1;
        if !(slots[last].is_method() && slots[last].phase == Some(Phase::Closing)) {
            self.add(2, Some(last), Breach::LastNotClosing);
        }
    }

    /// Rules 3, 5, 6 and 7, slot by slot.
    fn methods(&mut self) {
        for (i, slot) in self.agenda.slots.iter().enumerate().filter(|(_, slot)| slot.is_method()) {
            let (Some(id), Some(phase)) = (&slot.method, slot.phase) else {
                self.add(3, Some(i), Breach::Incomplete);
                continue;
            };
            let Some(method) = self.catalogue.get(id.as_str()) else {
                self.add(3, Some(i), Breach::UnknownMethod { id: id.clone() });
                continue;
            };
            let id = id.clone();
            if !method.has_phase(phase) {
                self.add(3, Some(i), Breach::PhaseNotOfMethod { id: id.clone(), phase });
            }
            for objective in slot.objectives.iter().filter(|o| !method.serves(**o)) {
                self.add(3, Some(i), Breach::ObjectiveNotOfMethod { id: id.clone(), objective: *objective });
            }
            self.fit(i, method);
        }
    }

    /// Rules 5, 6 and 7 for one method slot.
    fn fit(&mut self, i: usize, method: &Method) {
        for (rule, breach) in unfit(method, self.request) {
            self.add(rule, Some(i), breach);
        }
    }

    /// Rule 4: minutes within range, a split method's parts summed.
    fn durations(&mut self) {
        for (id, slots) in self.method_occurrences() {
            let Some(method) = self.catalogue.get(id.as_str()) else { continue };
            let range = method.minutes_for(self.request.participants);
            if method.split {
                let total =
                    slots.iter().fold(0u32, |total, &i| total.saturating_add(self.agenda.slots[i].minutes));
                if !range.contains(total) {
                    self.add(
                        4,
                        Some(slots[0]),
                        Breach::MinutesOutOfRange { id: id.clone(), minutes: total, range },
                    );
                }
                for &i in slots.iter().filter(|_| slots.len() > 1) {
                    let minutes = self.agenda.slots[i].minutes;
                    if minutes < MIN_PART {
                        self.add(4, Some(i), Breach::PartTooShort { id: id.clone(), minutes });
                    }
                }
            } else {
                for &i in &slots {
                    let minutes = self.agenda.slots[i].minutes;
                    if !range.contains(minutes) {
                        self.add(4, Some(i), Breach::MinutesOutOfRange { id: id.clone(), minutes, range });
                    }
                }
            }
        }
    }

    /// The slots of each method, by id.
    fn method_occurrences(&self) -> BTreeMap<MethodId, Vec<usize>> {
        let mut occurrences: BTreeMap<MethodId, Vec<usize>> = BTreeMap::new();
        for (i, slot) in self.agenda.slots.iter().enumerate() {
            if let (true, Some(id)) = (slot.is_method(), &slot.method) {
                occurrences.entry(id.clone()).or_default().push(i);
            }
        }
        occurrences
    }

    /// Rule 8.
    fn stretches(&mut self) {
        let max = self.request.max_stretch;
        let mut stretch: u32 = 0;
        let mut reported = false;
        for (i, slot) in self.agenda.slots.iter().enumerate() {
            if slot.kind.is_pause() {
                let least = if slot.kind == SlotKind::Lunch { MIN_LUNCH } else { MIN_BREAK };
                if slot.minutes >= least {
                    stretch = 0;
                    reported = false;
                } else if slot.kind == SlotKind::Break {
                    self.add(8, Some(i), Breach::ShortBreak { minutes: slot.minutes });
                } else {
                    self.add(8, Some(i), Breach::ShortLunch { minutes: slot.minutes });
                }
                continue;
            }
            stretch = stretch.saturating_add(slot.minutes);
            if stretch > max && !reported {
                reported = true;
                self.add(8, Some(i), Breach::Stretch { minutes: stretch, max });
            }
        }
    }

    /// Rule 9.
    fn lunch(&mut self) {
        if !rules::needs_lunch(self.agenda.start, self.agenda.end) {
            return;
        }
        let lunches: Vec<(usize, &Slot)> =
            self.agenda.slots.iter().enumerate().filter(|(_, slot)| slot.kind == SlotKind::Lunch).collect();
        let in_window = |slot: &Slot| rules::lunch_may_start(slot.start);
        if lunches.iter().any(|(_, slot)| in_window(slot) && slot.minutes >= MIN_LUNCH) {
            return;
        }
        match lunches.first() {
            None => self.add(9, None, Breach::NoLunch),
            Some((i, slot)) if !in_window(slot) => {
                self.add(9, Some(*i), Breach::LunchTime { start: slot.start })
            }
            Some((i, slot)) => self.add(9, Some(*i), Breach::ShortLunch { minutes: slot.minutes }),
        }
    }

    /// Rule 10.
    fn repeats(&mut self) {
        let parts =
            self.agenda.slots.iter().enumerate().filter_map(|(i, slot)| slot.part.map(|part| (i, part)));
        for (i, part) in parts.filter(|(_, part)| *part < 2).collect::<Vec<_>>() {
            self.add(10, Some(i), Breach::BadPart { part });
        }
        for (id, slots) in self.method_occurrences() {
            let split = self.catalogue.get(id.as_str()).is_some_and(|method| method.split);
            if slots.len() > 1 && !split {
                self.add(10, Some(slots[1]), Breach::Repeated { id: id.clone() });
            }
            if split {
                for pair in slots.windows(2) {
                    let between = &self.agenda.slots[pair[0] + 1..pair[1]];
                    if between.iter().any(|slot| !slot.kind.is_pause()) {
                        self.add(10, Some(pair[1]), Breach::PartsApart { id: id.clone() });
                    }
                }
            }
        }
        let present =
            |id: &str| self.agenda.method_slots().any(|slot| slot.method.as_ref().is_some_and(|m| m == id));
        let missing: Vec<MethodId> =
            self.request.include.iter().filter(|id| !present(id.as_str())).cloned().collect();
        let excluded: Vec<MethodId> =
            self.request.exclude.iter().filter(|id| present(id.as_str())).cloned().collect();
        for id in missing {
            self.add(10, None, Breach::MissingInclude { id });
        }
        for id in excluded {
            self.add(10, None, Breach::Excluded { id });
        }
    }

    /// Rule 11.
    fn objectives(&mut self) {
        let analysis = self.analysis;
        for text in analysis.unmapped() {
            self.add(11, None, Breach::Unclear { text: text.to_string() });
        }
        for objective in analysis.objectives() {
            if !self.agenda.method_slots().any(|slot| slot.objectives.contains(&objective)) {
                self.add(11, None, Breach::NotServed { objective });
            }
        }
    }
}
