//! The déroulé a facilitator prints: header, timeline, table of slots, each method in
//! detail with its steps on the clock, materials to bring, room setups, and why each
//! choice was made.

use super::document::{Block, Document, Line, Row, Segment, Span, labelled, plain};
use super::exhibit::{Exhibit, exhibit};
use super::objective_labels;
use super::session::Setting;
use super::steps::{
    Place, TimedStep, ask_rounds, steps_at_stations, steps_for_users, steps_in_place, timed_steps,
};
use super::variant;
use super::{plan_b, team, typography, wording};
use crate::agenda::{Agenda, Role, Slot, SlotKind};
use crate::analysis::{Question, ResolvedObjective, UNSURE_BELOW};
use crate::catalogue::Catalogue;
use crate::clock::ClockTime;
use crate::craft::CraftReport;
use crate::method::{Called, Frame, Method, Occasion, Step};
use crate::planner::{Plan, Reason};
use crate::request::Requester;
use crate::text::Localize;
use crate::text::{Lang, Text};
use crate::vocabulary::{Condition, Format, Grouping, Objective, Phase, Product};

/// The network's ground rules, said at every welcome.
pub const GROUND_RULES: [&str; 5] =
    ["Disponibilité", "Ouverture", "Responsabilité", "Écoute", "Équivalence 1 = 1"];

/// What each ground rule asks of everyone, in French and English.
const GROUND_RULE_MEANINGS: [(&str, &str); 5] = [
    ("être pleinement présent, téléphone en silencieux", "be fully present, phone on silent"),
    ("accueillir les idées des autres sans les juger", "welcome other people's ideas without judging them"),
    (
        "chacun est responsable de sa participation et de ce qu'il en retire",
        "everyone is responsible for how they take part and what they take away",
    ),
    (
        "une personne parle à la fois, on écoute pour comprendre",
        "one person speaks at a time; listen to understand",
    ),
    (
        "chaque voix compte autant, quels que soient le grade et la fonction",
        "every voice counts the same, whatever the rank or role",
    ),
];

/// The place of Équivalence 1 = 1 among [`GROUND_RULES`].
const EQUIVALENCE: usize = 4;

/// Équivalence 1 = 1 in the words of a room where service users sit with professionals:
/// grade and function mean nothing to them.
const EQUIVALENCE_WITH_USERS: (&str, &str) = (
    "ici, la parole d'une personne accompagnée compte autant que celle d'un agent, d'un encadrant ou d'un partenaire",
    "here, the word of a person supported counts as much as that of staff, a manager or a partner",
);

/// What the welcome promises service users before they speak: what they say changes
/// nothing to their file, and is noted without names.
const PROMISE_TO_USERS: (&str, &str) = (
    "ce que vous direz aujourd'hui n'aura aucun effet sur votre dossier ni sur vos droits ; les notes sont prises sans nom ; chacun peut passer son tour à tout moment.",
    "what you say today will have no effect on your file or your rights; notes are taken without names; anyone may pass at any time.",
);

/// The déroulé of a plan: everything the agenda says, plus the requester's words, the
/// participants' profiles, the reasons of each choice and the questions to ask back.
///
/// ```
/// use facilitation::{render, Catalogue, Lang, Planner, Request};
/// let catalogue = Catalogue::builtin();
/// let request = Request::builder("Atelier").time("14:00", "16:00").participants(20)
///     .objective("share-practices").build()?;
/// let plan = Planner::new(catalogue).plan(&request)?;
/// let text = render::deroule(&plan, catalogue, Lang::Fr).to_markdown();
/// assert!(text.contains("14\u{a0}h") && text.contains("Pourquoi ces choix") && text.contains("Plan B"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn deroule(plan: &Plan, catalogue: &Catalogue, lang: Lang) -> Document {
    build(&plan.agenda, catalogue, lang, Some(plan))
}

/// The déroulé of an agenda read from a file (a trainee's, say): the same document
/// without what only the planner knows (reasons, questions, the requester's words).
pub fn agenda_document(agenda: &Agenda, catalogue: &Catalogue, lang: Lang) -> Document {
    build(agenda, catalogue, lang, None)
}

impl Plan {
    /// The déroulé as Markdown.
    pub fn to_markdown(&self, catalogue: &Catalogue, lang: Lang) -> String {
        deroule(self, catalogue, lang).to_markdown()
    }

    /// The déroulé as one self-contained HTML page.
    pub fn to_html(&self, catalogue: &Catalogue, lang: Lang) -> String {
        deroule(self, catalogue, lang).to_html()
    }
}

impl Agenda {
    /// The déroulé as Markdown.
    pub fn to_markdown(&self, catalogue: &Catalogue, lang: Lang) -> String {
        agenda_document(self, catalogue, lang).to_markdown()
    }

    /// The déroulé as one self-contained HTML page.
    pub fn to_html(&self, catalogue: &Catalogue, lang: Lang) -> String {
        agenda_document(self, catalogue, lang).to_html()
    }
}

/// A shorthand for the language's wording.
fn t(lang: Lang, fr: &'static str, en: &'static str) -> &'static str {
    lang.pick(fr, en)
}

fn build(agenda: &Agenda, catalogue: &Catalogue, lang: Lang, plan: Option<&Plan>) -> Document {
    let mut doc = Document::new(lang, &agenda.title);
    doc.push(Block::List(header(agenda, lang, plan)));
    objectives(&mut doc, agenda, lang, plan);
    if let Some(plan) = plan {
        to_settle(&mut doc, plan, catalogue, lang);
    }
    doc.heading(2, t(lang, "Déroulé", "Agenda"));
    doc.push(Block::Timeline(segments(agenda, catalogue, lang)));
    doc.push(table(agenda, catalogue, lang));
    doc.heading(2, t(lang, "Déroulé détaillé", "Step by step"));
    for block in details(agenda, catalogue, lang, plan) {
        doc.push(block);
    }
    plan_b(&mut doc, agenda, catalogue, lang, users(plan).unwrap_or(false));
    materials_and_setups(&mut doc, agenda, catalogue, lang);
    if let Some(plan) = plan {
        questions(&mut doc, &plan.questions, &plan.craft, catalogue, lang);
        technical_note(&mut doc, plan, catalogue, lang);
    } else if let Some(seed) = agenda.seed {
        doc.heading(2, t(lang, "Note technique", "Technical note"));
        doc.push(Block::Paragraph(seed_line(seed, lang)));
    }
    typography::typeset_document(&mut doc);
    doc
}

/// The steps of a sequence as the déroulé writes them, and their times part by part: the
/// steps kept in its place, for service users or not (`users`), at its `stations` (groups
/// and visits), timed once the room has moved (`moving` minutes into the first part).
fn laid_out(
    method: &Method,
    parts: &[&Slot],
    (moving, stations): (u32, Option<(u32, u32)>),
    agenda: &Agenda,
    users: bool,
) -> (Vec<Step>, Vec<Vec<TimedStep>>) {
    let in_place = steps_in_place(variant::steps(method, agenda), place(parts, agenda));
    let said = steps_for_users(&in_place, users);
    let said = match stations {
        Some((groups, visits)) => steps_at_stations(&said, groups, visits, agenda.participants),
        None => said,
    };
    let mut settled = parts[0].clone();
    settled.start = settled.start.plus(moving).unwrap_or(settled.start);
    settled.minutes -= moving;
    let timed_parts: Vec<&Slot> = std::iter::once(&settled).chain(parts[1..].iter().copied()).collect();
    let timed = timed_steps(method, &said, &timed_parts, agenda.participants);
    (said, timed)
}

/// Which steps of a sequence give the `minutes` plan B takes from its part `slot`, as the
/// déroulé numbers them in that part: « : l'étape 2 passe de 17 min à 12 min et l'étape 4
/// passe de 11 min à 6 min ». None when the steps would not keep their lines (a step left out, a round
/// fewer) or the minutes would move across parts: the plan then names only the sequence.
fn steps_giving(
    agenda: &Agenda,
    catalogue: &Catalogue,
    (slot, minutes): (&Slot, u32),
    users: bool,
    lang: Lang,
) -> Option<String> {
    let id = slot.method.as_ref()?;
    let method = catalogue.get(id.as_str())?;
    let parts: Vec<&Slot> = agenda.method_slots().filter(|s| s.method.as_ref() == Some(id)).collect();
    let part = parts.iter().position(|p| p.start == slot.start)?;
    let moving = moving_into(agenda, catalogue, method, &parts);
    let stations = exhibit(method, parts[0], agenda, catalogue).and_then(|w| w.groups().zip(w.visits()));
    let (_, before) = laid_out(method, &parts, (moving, stations), agenda, users);
    let mut shorter = parts[part].clone();
    shorter.minutes = shorter.minutes.checked_sub(minutes)?;
    shorter.end = shorter.start.plus(shorter.minutes)?;
    let mut cut = parts.clone();
    cut[part] = &shorter;
    let (_, after) = laid_out(method, &cut, (moving, stations), agenda, users);
    // The same lines, the same rounds: only the minutes move.
    let same = |b: &TimedStep, a: &TimedStep| b.step == a.step && b.rounds == a.rounds;
    let kept = |p: usize| {
        before[p].len() == after[p].len() && before[p].iter().zip(&after[p]).all(|(b, a)| same(b, a))
    };
    let elsewhere = (0..parts.len())
        .any(|p| p != part && before[p].iter().zip(&after[p]).any(|(b, a)| b.minutes != a.minutes));
    if before.len() != after.len() || !(0..parts.len()).all(kept) || elsewhere {
        return None;
    }
    let given: Vec<String> = before[part]
        .iter()
        .zip(&after[part])
        .enumerate()
        .filter(|(_, (b, a))| a.minutes < b.minutes)
        .map(|(line, (b, a))| step_given(line + 1, (b, a), lang))
        .collect();
    let given: Vec<&str> = given.iter().map(String::as_str).collect();
    (!given.is_empty()).then(|| colon(lang, &typography::and_list(&given, lang)))
}

/// One step's part of a shortening: « l'étape 2 passe de 17 min à 12 min ».
fn step_given(line: usize, (before, after): (&TimedStep, &TimedStep), lang: Lang) -> String {
    let (from, to) = (typography::duration(before.minutes, lang), typography::duration(after.minutes, lang));
    match lang {
        Lang::Fr => format!("l'étape {line} passe de {from} à {to}"),
        Lang::En => format!("step {line} goes from {from} to {to}"),
    }
}

/// The method of the sequence before the one that starts with `first`, and whether a pause
/// came between them: the room may change ([`room_change`]).
fn before_sequence<'c>(
    agenda: &Agenda,
    catalogue: &'c Catalogue,
    first: &Slot,
) -> Option<(&'c Method, bool)> {
    let earlier: Vec<&Slot> = agenda.slots.iter().take_while(|slot| slot.start < first.start).collect();
    let (at, method) = earlier.iter().enumerate().rev().find_map(|(at, slot)| {
        let method = slot.method.as_ref().filter(|_| slot.kind == SlotKind::Method)?;
        Some((at, catalogue.get(method.as_str())?))
    })?;
    let pause = earlier[at + 1..].iter().any(|slot| matches!(slot.kind, SlotKind::Break | SlotKind::Lunch));
    Some((method, pause))
}

/// The minutes the group spends moving the furniture at the start of the sequence of
/// `method` whose parts are `parts` ([`room_change`]).
fn moving_into(agenda: &Agenda, catalogue: &Catalogue, method: &Method, parts: &[&Slot]) -> u32 {
    let before = before_sequence(agenda, catalogue, parts[0]);
    let moving = before
        .and_then(|(previous, pause)| moving_minutes(previous, method, (pause, parts[0]), agenda.format));
    moving.unwrap_or(0)
}

/// What to shorten or drop, in order, when the session runs 15 or 30 minutes late.
fn plan_b(doc: &mut Document, agenda: &Agenda, catalogue: &Catalogue, lang: Lang, users: bool) {
    doc.heading(2, t(lang, "Plan B : si la séance prend du retard", "Plan B: if the session runs late"));
    doc.push(Block::Paragraph(plain(t(
        lang,
        "Ce qui rattrape le retard au fil de la séance, en commençant par ce qui compte le moins ; la clôture n'est jamais sacrifiée, et la séance finit à l'heure tant que le retard peut être rattrapé (sinon, le plan dit de combien elle déborde, à annoncer au groupe).",
        "What makes up the delay as the session goes, starting with what matters least; the closing is never cut, and the session ends on time as long as the delay can be made up (otherwise the plan says by how much it runs over, to be announced to the group).",
    ))));
    if agenda.slots.iter().any(|slot| slot.kind == SlotKind::Lunch) {
        doc.push(Block::Paragraph(plain(t(
            lang,
            "Le déjeuner ne bouge pas : le retard du matin se rattrape d'abord avant lui.",
            "Lunch does not move: the morning's delay is made up before it first.",
        ))));
    }
    for late in plan_b::DELAYS {
        let title = match lang {
            Lang::Fr => format!("{} de retard", typography::duration(late, lang)),
            Lang::En => format!("{} late", typography::duration(late, lang)),
        };
        doc.push(delay_made_up((agenda, agenda), catalogue, (late, users), title, lang));
    }
    // A group late back from lunch: the afternoon makes it up on its own slots, the
    // morning's measures having run already.
    if let Some(afternoon) = plan_b::afternoon(agenda) {
        let late = plan_b::DELAYS[0];
        let title = match lang {
            Lang::Fr => format!("{} de retard au retour du déjeuner", typography::duration(late, lang)),
            Lang::En => format!("{} late back from lunch", typography::duration(late, lang)),
        };
        doc.push(delay_made_up((&afternoon, agenda), catalogue, (late, users), title, lang));
    }
}

/// The measures that make up `late` minutes in `agenda` (the whole session's, or its
/// afternoon), under `title`, and what is still missing; the steps a shortened sequence
/// gives are those of the déroulé (`whole`, the session's agenda).
fn delay_made_up(
    (agenda, whole): (&Agenda, &Agenda),
    catalogue: &Catalogue,
    (late, users): (u32, bool),
    title: String,
    lang: Lang,
) -> Block {
    let (measures, missing) = plan_b::measures(agenda, catalogue, late, users);
    let said = |m: &plan_b::Measure| {
        let slot = &agenda.slots[m.slot];
        let giving =
            if m.shortens() { steps_giving(whole, catalogue, (slot, m.minutes), users, lang) } else { None };
        let name = slot_name(slot, catalogue, lang);
        plain(plan_b::say(m, agenda, (&name, giving.as_deref().unwrap_or_default()), lang))
    };
    let mut lines: Vec<Line> = measures.iter().map(said).collect();
    if missing > 0 {
        lines.push(plain(plan_b::say_missing(agenda, missing, lang)));
    }
    Block::Keep(vec![Block::Heading { level: 3, text: title }, Block::Numbered(lines)])
}

/// The seed, to plan the same agenda again.
fn seed_line(seed: u64, lang: Lang) -> Line {
    // The flag that passes a seed belongs to whichever tool calls the planner: name none.
    let again =
        t(lang, "la même graine redonne ce même déroulé", "the same seed plans this same agenda again");
    labelled(t(lang, "Graine", "Seed"), colon(lang, &format!("{seed} ({again})")))
}

/// For the facilitators only, at the end (not for the project lead, who reads the
/// déroulé up to the materials): how the request's words were read, why each choice, and
/// the seed.
fn technical_note(doc: &mut Document, plan: &Plan, catalogue: &Catalogue, lang: Lang) {
    doc.heading(2, t(lang, "Note technique", "Technical note"));
    doc.push(Block::Paragraph(plain(t(
        lang,
        "Pour l'équipe d'animation seulement : retirez cette note du déroulé que vous envoyez au porteur de projet.",
        "For the facilitators only: remove this note from the agenda you send to the project lead.",
    ))));
    words_read(doc, &plan.analysis.lines, lang);
    reasons(doc, plan, catalogue, lang);
    if let Some(seed) = plan.agenda.seed {
        doc.push(Block::Paragraph(seed_line(seed, lang)));
    }
}

fn header(agenda: &Agenda, lang: Lang, plan: Option<&Plan>) -> Vec<Line> {
    let mut lines = Vec::new();
    if let Some(date) = &agenda.date {
        lines.push(labelled("Date", colon(lang, &day(date, lang))));
    }
    lines.push(labelled(t(lang, "Horaires", "Time"), colon(lang, &times(agenda, lang))));
    if let Some(requester) = plan.and_then(|plan| plan.request.requester.as_ref()) {
        let who = requester_line(requester);
        lines.push(labelled(t(lang, "Porteur de projet", "Project lead"), colon(lang, &who)));
    }
    let mut people = colon(lang, &agenda.participants.to_string());
    if let Some(profiles) = plan.map(|plan| &plan.request.profiles).filter(|p| !p.is_empty()) {
        let labels: Vec<&str> = profiles.iter().map(|profile| profile.label(lang)).collect();
        people += &format!(" ({})", labels.join(", "));
    }
    lines.push(labelled("Participants", people));
    lines.push(labelled("Format", colon(lang, agenda.format.label(lang))));
    let names = team::names(agenda, requested_names(plan));
    let team = if names.is_empty() { facilitator_count(agenda.facilitators, lang) } else { names.join(", ") };
    lines.push(labelled(t(lang, "Équipe", "Team"), colon(lang, &team)));
    lines
}

/// « 3 facilitateurs », « 1 facilitator ».
pub(super) fn facilitator_count(n: u32, lang: Lang) -> String {
    let (one, many) = lang.pick(("facilitateur", "facilitateurs"), ("facilitator", "facilitators"));
    typography::count(n, one, many, lang)
}

/// The date in words, or as written when it is not a date.
pub(super) fn day(date: &str, lang: Lang) -> String {
    typography::date(date, lang).unwrap_or_else(|| date.to_string())
}

/// « 9 h 30 – 12 h 30 (3 h) ».
pub(super) fn times(agenda: &Agenda, lang: Lang) -> String {
    format!(
        "{} ({})",
        typography::span(agenda.start, agenda.end, lang),
        typography::duration(agenda.minutes(), lang)
    )
}

/// The project lead and their service on one line.
pub(super) fn requester_line(requester: &Requester) -> String {
    [requester.name.as_str(), requester.service.as_str()]
        .iter()
        .filter(|part| !part.trim().is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ")
}

/// The facilitators the request names (none for an agenda read from a file).
fn requested_names(plan: Option<&Plan>) -> &[String] {
    plan.map_or(&[], |plan| &plan.request.facilitator_names[..])
}

fn objectives(doc: &mut Document, agenda: &Agenda, lang: Lang, plan: Option<&Plan>) {
    doc.heading(2, t(lang, "Objectifs", "Objectives"));
    let lines: Vec<Line> = match plan {
        Some(plan) if !plan.analysis.lines.is_empty() => plan
            .analysis
            .lines
            .iter()
            .map(|line| {
                let read = objective_labels(&line.objectives, lang);
                // The lead's own words, when they already are the label, need no reading.
                let same = typography::uncapitalised(line.text.trim()) == typography::uncapitalised(&read);
                let mut spans = if line.exact || same {
                    plain(read)
                } else {
                    vec![
                        Span::Emphasis(typography::quoted(&line.text, lang)),
                        Span::Plain(format!(" → {read}")),
                    ]
                };
                for question in line.objectives.iter().filter_map(|o| plan.request.question(*o)) {
                    spans.push(Span::Plain(format!(
                        " — {}",
                        colon_after(lang, t(lang, "question d'appel", "calling question"))
                    )));
                    spans.push(Span::Emphasis(typography::quoted(question, lang)));
                }
                spans
            })
            .collect(),
        _ => agenda.objectives.iter().map(|objective| plain(objective.label(lang))).collect(),
    };
    doc.push(Block::List(lines));
}

/// What to settle with the project lead before the day, first of all (the network's
/// « analyse et clarification »): the calling questions the request does not give, with a
/// first wording each; what the planner could not settle from the request alone; then the
/// network's own questions (who decides, what is negotiable, the room, accessibility).
fn to_settle(doc: &mut Document, plan: &Plan, catalogue: &Catalogue, lang: Lang) {
    let mut lines: Vec<Line> = plan
        .agenda
        .method_slots()
        .filter(|s| asks_a_question(s, catalogue))
        .filter(|slot| calling_questions(plan, catalogue, slot).is_empty())
        .filter_map(|slot| {
            let proposed = proposed_wording(plan, catalogue, slot, lang)?;
            let question = typography::quoted(&proposed, lang);
            let name = slot_name(slot, catalogue, lang);
            let at = typography::clock(slot.start, lang);
            let why = no_question(asked_earlier(plan, slot), lang);
            let words = in_subject_words(plan, &proposed, (", dans les mots du sujet", ", in the subject's own words"), lang);
            Some(plain(match lang {
                Lang::Fr => format!("☐ La question d'appel de « {name} » ({at}) : {why} À écrire avec le porteur{words} ; une première piste : {question}."),
                Lang::En => format!("☐ The calling question of \"{name}\" ({at}): {why} To write with the project lead{words}; a first draft: {question}."),
            }))
        })
        .collect();
    lines.extend(left_over(plan, catalogue, lang));
    lines.extend(prepared_beforehand(plan, catalogue, lang));
    let asked = plan.questions.iter().filter(|q| q.is_for_the_lead());
    lines.extend(asked.map(|q| plain(format!("☐ {}", q.text(lang)))));
    lines.extend(wording::checklist(&plan.request).map(|item| plain(format!("☐ {}", item.get(lang)))));
    doc.heading(
        3,
        t(
            lang,
            "À régler avec le porteur de projet avant le jour",
            "To settle with the project lead before the day",
        ),
    );
    doc.push(Block::List(lines));
}

/// The request's questions that no sequence asks, each with the first sequence that serves
/// its objective and already holds a calling question of its own ([`calling_questions`]):
/// a photo answers one question, a forum ouvert opens on one; the facilitators and the
/// project lead fold the two into one before the day, rather than read two questions aloud
/// for one answer.
fn left_over(plan: &Plan, catalogue: &Catalogue, lang: Lang) -> Vec<Line> {
    let slots: Vec<&Slot> = plan.agenda.method_slots().filter(|s| asks_a_question(s, catalogue)).collect();
    let asked: Vec<&str> = slots
        .iter()
        .flat_map(|slot| {
            let method = method_of(catalogue, slot);
            method.map_or_else(Vec::new, |method| round_questions(plan, catalogue, method, slot))
        })
        .collect();
    let mut lines = Vec::new();
    for objective in &plan.agenda.objectives {
        let Some(question) = plan.request.question(*objective).filter(|q| !asked.contains(q)) else {
            continue;
        };
        let Some(slot) =
            slots.iter().find(|slot| content_sequence(slot) && slot.objectives.contains(objective))
        else {
            continue;
        };
        let Some(own) = calling_questions(plan, catalogue, slot).first().copied() else { continue };
        let (name, at) = (slot_name(slot, catalogue, lang), typography::clock(slot.start, lang));
        let (question, own) = (typography::quoted(question, lang), typography::quoted(own, lang));
        lines.push(plain(match lang {
            Lang::Fr => format!(
                "☐ La question {question} : « {name} » ({at}) sert aussi « {} », mais pose une seule question, {own}. Avec le porteur, fondez les deux en une question d'appel, ou dites laquelle la séance laisse de côté.",
                objective.label(lang)
            ),
            Lang::En => format!(
                "☐ The question {question}: \"{name}\" ({at}) also serves \"{}\", but asks one question, {own}. With the project lead, fold the two into one calling question, or say which one the session leaves aside.",
                objective.label(lang)
            ),
        }));
    }
    lines
}

/// What each sequence needs prepared with the project lead before the day (its method's
/// `beforehand`), named with the sequence and when it starts: the stand holders of a Shift
/// & Share, the options of a decision grid.
fn prepared_beforehand(plan: &Plan, catalogue: &Catalogue, lang: Lang) -> Vec<Line> {
    let prepared = sequences_saying(&plan.agenda, catalogue, |method| method.beforehand.as_ref(), lang);
    prepared
        .into_iter()
        .map(|(name, at, what)| {
            plain(match lang {
                Lang::Fr => format!("☐ « {name} » ({at}) : {what}"),
                Lang::En => format!("☐ \"{name}\" ({at}): {what}"),
            })
        })
        .collect()
}

/// Each sequence whose method says `what` (what to prepare, how it decides), in the order
/// of the day: its name, when it starts, and what its method says.
fn sequences_saying<'c>(
    agenda: &Agenda,
    catalogue: &'c Catalogue,
    what: impl Fn(&'c Method) -> Option<&'c Text>,
    lang: Lang,
) -> Vec<(&'c str, String, &'c str)> {
    let first_parts = agenda.method_slots().filter(|slot| slot.part.is_none());
    first_parts
        .filter_map(|slot| {
            let method = method_of(catalogue, slot)?;
            let said = what(method)?.get(lang);
            Some((method.name.get(lang), typography::clock(slot.start, lang), said))
        })
        .collect()
}

/// How the requester's sentences were read: for each, the objectives, the words that led to
/// each and, when it is low, the confidence. Objective ids need no such account.
fn words_read(doc: &mut Document, lines: &[ResolvedObjective], lang: Lang) {
    let read: Vec<Line> =
        lines.iter().filter(|line| !line.exact).map(|line| sentence_read(line, lang)).collect();
    if read.is_empty() {
        return;
    }
    doc.heading(3, t(lang, "Comment vos mots ont été lus", "How your words were read"));
    doc.push(Block::List(read));
}

/// « trancher entre deux options » : Décider ensemble (d'après « trancher »).
fn sentence_read(line: &ResolvedObjective, lang: Lang) -> Line {
    let readings: Vec<String> = line
        .readings
        .iter()
        .map(|reading| {
            let words: Vec<String> =
                reading.words.iter().map(|word| typography::quoted(word, lang)).collect();
            let mut why = format!("{} {}", t(lang, "d'après", "from"), words.join(", "));
            if reading.confidence < UNSURE_BELOW {
                let percent = (reading.confidence * 100.0).round();
                why += &match lang {
                    Lang::Fr => format!(" ; lecture incertaine à {percent} %, à vérifier"),
                    Lang::En => format!("; unsure reading at {percent}%, to check"),
                };
            }
            format!("{} ({why})", reading.objective.label(lang))
        })
        .collect();
    vec![
        Span::Emphasis(typography::quoted(&line.text, lang)),
        Span::Plain(colon(lang, &readings.join(" ; "))),
    ]
}

/// What a slot is called in the table, the timeline and the details.
/// A later part of a split method, as the agenda names it: « World Café (partie 2) ».
fn part_name(name: &str, part: u32, lang: Lang) -> String {
    format!("{name} ({} {part})", t(lang, "partie", "part"))
}

pub(super) fn slot_name(slot: &Slot, catalogue: &Catalogue, lang: Lang) -> String {
    match slot.kind {
        SlotKind::Welcome => t(lang, "Accueil et cadre", "Welcome and ground rules").to_string(),
        SlotKind::Break => t(lang, "Pause", "Break").to_string(),
        SlotKind::Lunch => t(lang, "Déjeuner", "Lunch").to_string(),
        SlotKind::Talk => {
            let title = slot.title.as_deref().unwrap_or(SlotKind::Talk.label(lang));
            slot.who.as_ref().map_or_else(|| title.to_string(), |who| format!("{title} ({who})"))
        }
        _ => {
            let id = slot.method.as_ref().map_or("?", |id| id.as_str());
            let name = catalogue.get(id).map_or(id, |method| method.name.get(lang));
            match slot.part {
                Some(part) => part_name(name, part, lang),
                None => name.to_string(),
            }
        }
    }
}

fn segments(agenda: &Agenda, catalogue: &Catalogue, lang: Lang) -> Vec<Segment> {
    agenda
        .slots
        .iter()
        .map(|slot| Segment {
            start: typography::clock(slot.start, lang),
            label: slot_name(slot, catalogue, lang),
            minutes: slot.minutes,
            phase: slot.phase,
        })
        .collect()
}

fn table(agenda: &Agenda, catalogue: &Catalogue, lang: Lang) -> Block {
    let head = [
        t(lang, "Horaire", "Time"),
        "Min",
        "Phase",
        t(lang, "Séquence", "Sequence"),
        t(lang, "Objectifs servis", "Objectives served"),
        t(lang, "Configuration", "Grouping"),
        t(lang, "Matériel", "Materials"),
    ];
    let rows = agenda
        .slots
        .iter()
        .map(|slot| {
            let method = slot.method.as_ref().and_then(|id| catalogue.get(id.as_str()));
            let grouping = match (slot.kind, method) {
                (SlotKind::Welcome, _) => Grouping::Plenary.label(lang).to_string(),
                (_, Some(method)) => super::grouping_labels(variant::groupings(method, agenda), lang),
                _ => String::new(),
            };
            // A later part uses what the first part brought.
            let materials = match (method, slot.part) {
                (Some(method), None) => {
                    material_names(method, agenda, pieces_shown(method, slot, agenda, catalogue), lang)
                }
                _ => String::new(),
            };
            Row {
                cells: vec![
                    typography::span(slot.start, slot.end, lang),
                    slot.minutes.to_string(),
                    slot.phase.map(|phase| phase_words(method, phase, lang)).unwrap_or_default(),
                    slot_name(slot, catalogue, lang),
                    served_words(slot, agenda, lang),
                    grouping,
                    materials,
                ],
                phase: slot.phase,
            }
        })
        .collect();
    Block::Table { head: head.iter().map(|h| h.to_string()).collect(), rows }
}

/// A method's materials with their quantities for the group (so many per piece of work
/// on display, for a method that shows `pieces`), on one line.
fn material_names(method: &Method, agenda: &Agenda, pieces: Option<u32>, lang: Lang) -> String {
    variant::materials(method, agenda)
        .iter()
        .map(|m| {
            let (name, quantity) = variant::material_line(m, method, agenda, pieces, lang);
            with_quantity(&name, quantity)
        })
        .collect::<Vec<_>>()
        .join(t(lang, " ; ", "; "))
}

fn with_quantity(name: &str, quantity: Option<u32>) -> String {
    match quantity {
        Some(quantity) => format!("{name} × {quantity}"),
        None => name.to_string(),
    }
}

/// One block per slot, in order: the welcome, each method with all its parts together
/// (what to say, who does what, the steps on the clock), and each pause with what to
/// announce.
fn details(agenda: &Agenda, catalogue: &Catalogue, lang: Lang, plan: Option<&Plan>) -> Vec<Block> {
    let names = requested_names(plan);
    let mut blocks = Vec::new();
    let mut done: Vec<&str> = Vec::new();
    let mut sequence = 0;
    // The transitions said so far: no two sequences open with the same words.
    let mut said: Vec<String> = Vec::new();
    for (i, slot) in agenda.slots.iter().enumerate() {
        match (slot.kind, &slot.method) {
            (SlotKind::Welcome, _) => {
                let requester = plan.and_then(|plan| plan.request.requester.as_ref());
                let users = users(plan) == Some(true);
                // A forum ouvert opens on its own circle, where the project lead speaks.
                let circle = agenda
                    .method_slots()
                    .next()
                    .filter(|first| method_of(catalogue, first).is_some_and(|method| method.opens_itself));
                let circle = circle.map(|first| first.start);
                let mut welcomed = welcome(slot, agenda, (names, requester, users), circle, lang);
                if let Block::Keep(blocks) = &mut welcomed {
                    // Right after the ground rules (heading, lead's word, rules).
                    let notes =
                        [confidentiality(agenda, plan, lang), decision_rules(agenda, catalogue, lang)];
                    for (at, note) in (3..).zip(notes.into_iter().flatten()) {
                        blocks.insert(at, note);
                    }
                }
                blocks.push(welcomed);
            }
            (SlotKind::Method, Some(id)) if !done.contains(&id.as_str()) => {
                done.push(id.as_str());
                let parts: Vec<&Slot> =
                    agenda.method_slots().filter(|s| s.method.as_ref() == Some(id)).collect();
                match catalogue.get(id.as_str()) {
                    Some(method) => {
                        let before = before_sequence(agenda, catalogue, parts[0]);
                        let change = before.and_then(|(previous, pause)| {
                            room_change(previous, method, (pause, parts[0]), agenda.format, lang)
                        });
                        let moving = change.as_ref().map_or(0, |(_, minutes)| *minutes);
                        let sequence_at = Sequence { parts: &parts, index: sequence, names, moving };
                        let mut detail =
                            method_detail(method, &sequence_at, (agenda, catalogue), (lang, &mut said), plan);
                        if let (Some((change, _)), Block::Keep(inner)) = (change, &mut detail) {
                            // After the summary: what to move before anything is said.
                            inner.insert(2.min(inner.len()), change);
                        }
                        blocks.push(detail);
                    }
                    None => blocks.push(Block::Paragraph(labelled(
                        id.as_str(),
                        t(lang, " : méthode absente du catalogue.", ": method not in the catalogue."),
                    ))),
                }
                sequence += 1;
            }
            // Written among the steps of the method it cuts.
            (SlotKind::Break | SlotKind::Lunch, _) if within_method(agenda, i) => {}
            (SlotKind::Break | SlotKind::Lunch, _) => {
                let next = agenda.slots.get(i + 1).map(|next| slot_name(next, catalogue, lang));
                blocks.push(pause(slot, next, lang));
            }
            _ => {}
        }
    }
    blocks
}

/// Whether the pause at `index` falls between two parts of one method.
fn within_method(agenda: &Agenda, index: usize) -> bool {
    let pause = |slot: &&Slot| matches!(slot.kind, SlotKind::Break | SlotKind::Lunch);
    let before = agenda.slots[..index].iter().rev().find(|slot| !pause(slot));
    let after = agenda.slots.get(index + 1..).unwrap_or_default().iter().find(|slot| !pause(slot));
    match (before, after) {
        (Some(before), Some(after)) => {
            before.kind == SlotKind::Method && before.method.is_some() && before.method == after.method
        }
        _ => false,
    }
}

/// The minutes a room change takes at the start of the next method when no pause comes
/// between: the group moves the furniture itself, at the facilitator's word, and the steps
/// start once it is done.
const ROOM_CHANGE_MINUTES: u32 = 3;

/// The minutes the group spends moving the furniture when `method` follows `previous`
/// (`pause`: a pause came between them) and starts with `first`: `None` when the room does
/// not change (they share a layout, or the session is by video); 0 when the facilitators
/// reset it during the pause, or the slot is too short to lose the minutes (the group
/// moves while the first instruction is given).
fn moving_minutes(
    previous: &Method,
    method: &Method,
    (pause, first): (bool, &Slot),
    format: Format,
) -> Option<u32> {
    let shared = previous.room.iter().any(|layout| method.room.contains(layout));
    if format == Format::Remote || previous.room.is_empty() || method.room.is_empty() || shared {
        return None;
    }
    Some(if pause || first.minutes < 4 * ROOM_CHANGE_MINUTES { 0 } else { ROOM_CHANGE_MINUTES })
}

/// What to say when `method` needs a room laid out unlike the one `previous` used: the
/// layouts, and when to change (during the pause, or in the first minutes of its slot
/// `first`, which its steps then leave free), with the minutes taken from the slot.
/// Nothing by video, or when either method runs wherever the group sits.
fn room_change(
    previous: &Method,
    method: &Method,
    (pause, first): (bool, &Slot),
    format: Format,
    lang: Lang,
) -> Option<(Block, u32)> {
    let moving = moving_minutes(previous, method, (pause, first), format)?;
    let (from, to) = (previous.room[0].label(lang), method.room[0].label(lang));
    let ready = first.start.plus(moving).unwrap_or(first.start);
    let span = typography::span(first.start, ready, lang);
    let when = match (lang, pause, moving) {
        (Lang::Fr, true, _) => "les facilitateurs réinstallent la salle pendant la pause.".to_string(),
        (Lang::En, true, _) => "the facilitators reset the room during the break.".to_string(),
        (Lang::Fr, false, 0) => {
            "le groupe déplace le mobilier pendant que vous donnez la première consigne.".to_string()
        }
        (Lang::En, false, 0) => {
            "the group moves the furniture while you give the first instruction.".to_string()
        }
        (Lang::Fr, false, _) => format!(
            "{span}, avant la première étape : annoncez-le et faites déplacer le mobilier par le groupe."
        ),
        (Lang::En, false, _) => {
            format!("{span}, before the first step: announce it and have the group move the furniture.")
        }
    };
    let text = match lang {
        Lang::Fr => format!("avant, {from} ; maintenant, {to} ; {when}"),
        Lang::En => format!("before, {from}; now, {to}; {when}"),
    };
    let block =
        Block::Paragraph(labelled(t(lang, "Changement d'installation", "Room change"), colon(lang, &text)));
    Some((block, moving))
}

/// A method's slots and its place among the sequences.
struct Sequence<'a> {
    parts: &'a [&'a Slot],
    index: usize,
    names: &'a [String],
    /// The minutes the group spends moving the furniture before the first step.
    moving: u32,
}

/// A pause and what to announce before it.
fn pause(slot: &Slot, next: Option<String>, lang: Lang) -> Block {
    let name = slot_name_kind(slot.kind, lang);
    let title = format!(
        "{} · {name} ({})",
        typography::span(slot.start, slot.end, lang),
        typography::duration(slot.minutes, lang)
    );
    Block::Keep(vec![
        Block::Heading { level: 3, text: title },
        Block::Paragraph(vec![
            Span::Strong(t(lang, "À annoncer", "To announce").to_string()),
            Span::Plain(colon(lang, "")),
            Span::Emphasis(pause_said(slot, next, lang)),
        ]),
    ])
}

/// A pause between two parts of one method, where it falls among the steps: « 10 h 55 –
/// 11 h 10 · Pause — À annoncer : … ».
fn pause_within(slot: &Slot, next: String, lang: Lang) -> Block {
    let name = slot_name_kind(slot.kind, lang);
    Block::Paragraph(vec![
        Span::Strong(format!("{} · {name}", typography::span(slot.start, slot.end, lang))),
        Span::Plain(" — ".into()),
        Span::Strong(t(lang, "À annoncer", "To announce").to_string()),
        Span::Plain(colon(lang, "")),
        Span::Emphasis(pause_said(slot, Some(next), lang)),
    ])
}

/// What to announce before a pause: its length, and when and with what the group starts
/// again.
fn pause_said(slot: &Slot, next: Option<String>, lang: Lang) -> String {
    let name = slot_name_kind(slot.kind, lang);
    let back = typography::clock(slot.end, lang);
    match (lang, next) {
        (Lang::Fr, Some(next)) => format!(
            "{name} de {} : nous reprenons à {back} précises avec « {next} ».",
            typography::duration(slot.minutes, lang)
        ),
        (Lang::Fr, None) => format!(
            "{name} de {} : nous reprenons à {back} précises.",
            typography::duration(slot.minutes, lang)
        ),
        (Lang::En, Some(next)) => format!(
            "A {}-minute {}: we start again at {back} sharp with “{next}”.",
            slot.minutes,
            name.to_lowercase()
        ),
        (Lang::En, None) => {
            format!("A {}-minute {}: we start again at {back} sharp.", slot.minutes, name.to_lowercase())
        }
    }
}

fn slot_name_kind(kind: SlotKind, lang: Lang) -> &'static str {
    match kind {
        SlotKind::Lunch => t(lang, "Déjeuner", "Lunch"),
        _ => t(lang, "Pause", "Break"),
    }
}

/// The welcome: the project lead opens when the request names one, else the facilitators
/// (« nous »), never a lead nobody named; when the first sequence opens on its own circle
/// (`circle`, its start: a forum ouvert, where the lead says why the forum and what will
/// become of it), the lead speaks there, not twice.
/// The welcome: the lead's word, the frame (said for service users in their own terms when
/// they take part, with what their words will and will not change), who does what.
fn welcome(
    slot: &Slot,
    agenda: &Agenda,
    who: (&[String], Option<&Requester>, bool),
    circle: Option<crate::clock::ClockTime>,
    lang: Lang,
) -> Block {
    let (names, requester, users) = who;
    let lead = requester.map(|r| r.name.trim()).filter(|name| !name.is_empty());
    let in_circle = |lead: &str, at: crate::clock::ClockTime| {
        let presents = typography::capitalised(&who_presents(names, lang));
        let at = typography::clock(at, lang);
        match lang {
            Lang::Fr => format!(
                "Nous accueillons le groupe ; {lead}, qui porte le projet, dira pourquoi il est réuni dans le cercle d'ouverture, à {at}. {presents} le déroulé de la séance et le cadre de travail du réseau, que chacun accepte avant de commencer :"
            ),
            Lang::En => format!(
                "We welcome the group; {lead}, who leads the project, will say why it is gathered in the opening circle, at {at}. {presents} the agenda and the network's ground rules, which everyone agrees to before starting:"
            ),
        }
    };
    let rules = GROUND_RULES
        .iter()
        .zip(GROUND_RULE_MEANINGS)
        .enumerate()
        .map(|(i, (rule, (fr, en)))| {
            let (fr, en) = if users && i == EQUIVALENCE { EQUIVALENCE_WITH_USERS } else { (fr, en) };
            let meaning = lang.pick(fr, en);
            labelled(*rule, format!(" — {meaning}"))
        })
        .collect();
    let mut blocks = vec![
        Block::Heading {
            level: 3,
            text: format!(
                "{} · {} ({})",
                typography::span(slot.start, slot.end, lang),
                t(lang, "Accueil et cadre", "Welcome and ground rules"),
                typography::duration(slot.minutes, lang)
            ),
        },
        Block::Paragraph(plain(match (lead, circle, lang) {
            (Some(lead), Some(at), _) => in_circle(lead, at),
            (Some(lead), None, Lang::Fr) => format!(
                "{lead}, qui porte le projet, souhaite la bienvenue et rappelle pourquoi le groupe est réuni ; {} les objectifs, le déroulé de la séance et le cadre de travail du réseau, que chacun accepte avant de commencer :",
                who_presents(names, lang)
            ),
            (Some(lead), None, Lang::En) => format!(
                "{lead}, who leads the project, welcomes everyone and recalls why the group is gathered; {} the objectives, the agenda and the network's ground rules, which everyone agrees to before starting:",
                who_presents(names, lang)
            ),
            (None, ..) => t(
                lang,
                "Nous souhaitons la bienvenue, rappelons pourquoi le groupe est réuni et présentons les objectifs, le déroulé de la séance et le cadre de travail du réseau, que chacun accepte avant de commencer :",
                "We welcome everyone, recall why the group is gathered and present the objectives, the agenda and the network's ground rules, which everyone agrees to before starting:",
            )
            .to_string(),
        })),
        Block::List(rules),
    ];
    if users {
        let (fr, en) = PROMISE_TO_USERS;
        blocks.push(Block::Paragraph(labelled(
            t(lang, "Aux personnes accompagnées", "To the people supported"),
            colon(lang, t(lang, fr, en)),
        )));
    }
    who_does_what(&mut blocks, &team::cast(agenda, names, 0), lang);
    Block::Keep(blocks)
}

/// The reminder of confidentiality, when the title or the calling questions touch on
/// people's situations (child protection, reports), or when the objectives ask people to
/// risk a word ([`wording::confidentiality`]).
fn confidentiality(agenda: &Agenda, plan: Option<&Plan>, lang: Lang) -> Option<Block> {
    let questions = plan.into_iter().flat_map(|plan| plan.request.questions.values());
    let subject: String =
        std::iter::once(&agenda.title).chain(questions).map(|text| format!("{text} ")).collect();
    let reminder = wording::confidentiality(&subject, &agenda.objectives)?;
    let label = t(lang, "Confidentialité", "Confidentiality");
    Some(Block::Paragraph(labelled(label, colon(lang, reminder.get(lang)))))
}

/// How each choice of the day will be settled (its method's `decides_by`), said at the
/// welcome with the sequence and its time: a rule announced when the group is about to
/// choose reads as one made up for the result.
fn decision_rules(agenda: &Agenda, catalogue: &Catalogue, lang: Lang) -> Option<Block> {
    let rules: Vec<String> = sequences_saying(agenda, catalogue, |method| method.decides_by.as_ref(), lang)
        .into_iter()
        .map(|(name, at, rule)| match lang {
            Lang::Fr => format!("à « {name} » ({at}), {rule}"),
            Lang::En => format!("at \"{name}\" ({at}), {rule}"),
        })
        .collect();
    if rules.is_empty() {
        return None;
    }
    let said = match rules.len() {
        1 => t(
            lang,
            "Annoncez cette règle maintenant, pas au moment de choisir : elle paraîtrait alors faite pour le résultat.",
            "Announce this rule now, not when the time comes to choose: it would then look made for the result.",
        ),
        _ => t(
            lang,
            "Annoncez ces règles maintenant, pas au moment de choisir : elles paraîtraient alors faites pour le résultat.",
            "Announce these rules now, not when the time comes to choose: they would then look made for the result.",
        ),
    };
    let text = format!("{}. {said}", rules.join("; "));
    let label = t(lang, "Comment le groupe choisira", "How the group will choose");
    Some(Block::Paragraph(labelled(label, colon(lang, &text))))
}

/// Who presents the frame, with its verb: the facilitators by name when the request names
/// them (« Jeanne présente », « Maëlle et Théo présentent »), else the team (no plural for
/// a facilitator who runs the session alone, no gender guessed from a title).
fn who_presents(names: &[String], lang: Lang) -> String {
    let named: Vec<&str> = names.iter().map(|name| name.trim()).filter(|name| !name.is_empty()).collect();
    match (named.len(), lang) {
        (0, _) => t(lang, "l'équipe d'animation présente", "the facilitation team presents").to_string(),
        (1, Lang::Fr) => format!("{} présente", named[0]),
        (1, Lang::En) => format!("{} presents", named[0]),
        (_, Lang::Fr) => format!("{} présentent", typography::and_list(&named, lang)),
        (_, Lang::En) => format!("{} present", typography::and_list(&named, lang)),
    }
}

/// « Qui fait quoi : Camille anime ; Sacha garde le temps. », when the names are known.
fn who_does_what(blocks: &mut Vec<Block>, cast: &[team::Cast], lang: Lang) {
    if !cast.is_empty() {
        let who = team::sentence(cast, lang);
        blocks.push(Block::Paragraph(labelled(t(lang, "Qui fait quoi", "Who does what"), colon(lang, &who))));
    }
}

/// The words that move the group into the sequence: a word of return after a break or
/// lunch, or before the last content sequence a word that the closing comes next; then the
/// move itself. The first sequence opens the work whatever its phase (a forum ouvert opens
/// itself); a later one of the opening phase gets the group going again, never « pour
/// commencer »; the first content sequence that does not open up gets into the subject;
/// one in the same phase as the one before carries on (unless a lead is said: « nous
/// reprenons » is enough); another content sequence says what
/// its method does (its main product), so that a method listing irritants is not announced
/// as a time to choose; the others say the move into their phase.
/// A group that knows itself (only agents and managers: a team) is not asked to get to
/// know each other; a session that opens on a content sequence (a forum ouvert and its own
/// circle) goes straight into the subject.
///
/// Each part comes with its variants in order: [`choose`] says the first not said yet.
fn transition(
    method: &Method,
    sequence: &Sequence,
    agenda: &Agenda,
    (known, new_subject, develops): (bool, bool, bool),
) -> (&'static [Text], Vec<&'static Text>) {
    let Some(first) = sequence.parts.first() else { return (&[], Vec::new()) };
    let content = |phase: Option<Phase>| phase.is_some_and(|p| !p.frames());
    let earlier: Vec<&Slot> = agenda.method_slots().take_while(|slot| *slot != *first).collect();
    let earlier_content = earlier.iter().any(|slot| content(slot.phase));
    let previous = earlier.last().and_then(|slot| slot.phase);
    let one = |text: Option<&'static Text>| text.into_iter().collect::<Vec<_>>();
    let lead = lead(sequence, agenda, content(first.phase), new_subject);
    let moves: Vec<&'static Text> = match first.phase {
        // A forum ouvert that opens the session brings its own opening circle.
        _ if sequence.index == 0 && content(first.phase) => vec![wording::straight_in()],
        _ if sequence.index == 0 && known => vec![wording::known_group()],
        _ if sequence.index == 0 => one(wording::phase(Phase::Opening).map(|w| &w.transition)),
        Some(Phase::Opening) => wording::reopen().all().iter().collect(),
        // Back from a pause or right before the closing, the lead says enough: a group
        // that stays in its phase needs no « poursuivons » on top of « nous reprenons ».
        phase if phase.is_some() && phase == previous && !lead.is_empty() => Vec::new(),
        phase if phase.is_some() && phase == previous => wording::carry_on().all().iter().collect(),
        Some(phase) if content(Some(phase)) && phase != Phase::Divergence && !earlier_content => {
            wording::into_work().all().iter().collect()
        }
        // Six hats on the ideas a brainwriting just wrote: the group takes them up, it
        // does not look for ideas again.
        Some(phase) if content(Some(phase)) && develops => vec![wording::takes_up()],
        Some(phase) if content(Some(phase)) => {
            let announced = match announced(method, phase) {
                Some(product) => wording::starts(product),
                None if phase.converges() && method.opens_up() => Some(wording::opens_then_keeps()),
                None => None,
            };
            one(announced.or(wording::phase(phase).map(|w| &w.transition)))
        }
        phase => one(phase.and_then(wording::phase).map(|w| &w.transition)),
    };
    (lead, moves)
}

/// The word said first, by where the sequence stands: back from lunch, back from a break,
/// or the last of several content sequences, right before the closing; a sequence that
/// opens a new subject says that what was settled stays on the wall
/// ([`crate::score::new_subjects`]), so that nobody takes the afternoon for the morning's
/// thread picked up again.
fn lead(sequence: &Sequence, agenda: &Agenda, content: bool, new_subject: bool) -> &'static [Text] {
    let (Some(first), Some(last)) = (sequence.parts.first(), sequence.parts.last()) else { return &[] };
    let content_before = agenda
        .method_slots()
        .take_while(|slot| *slot != *first)
        .any(|slot| slot.phase.is_some_and(|phase| !phase.frames()));
    let before = agenda.slots.iter().take_while(|slot| *slot != *first).last().map(|slot| slot.kind);
    let after = agenda.slots.iter().skip_while(|slot| *slot != *last).skip(1);
    let mut after = after;
    let next_work = after.find(|slot| !matches!(slot.kind, SlotKind::Break | SlotKind::Lunch));
    let closing_next = next_work.is_some_and(|slot| slot.phase == Some(Phase::Closing));
    match before {
        Some(SlotKind::Lunch) if new_subject => wording::new_subject_after_lunch().all(),
        _ if new_subject => wording::new_subject().all(),
        Some(SlotKind::Lunch) => wording::back_from_lunch().all(),
        Some(SlotKind::Break) => wording::back_from_break().all(),
        _ if content && closing_next && content_before => wording::last_before_closing().all(),
        _ => &[],
    }
}

/// The transition said: the first variant of the lead and of the move that the déroulé has
/// not said yet (`said` keeps what it said), so that no two sequences open with the same
/// words; when every variant was said, the first.
fn choose(leads: &[Text], moves: &[&Text], said: &mut Vec<String>, lang: Lang) -> Option<String> {
    let mut pick = |variants: Vec<&Text>| -> Option<String> {
        let words: Vec<String> = variants.iter().map(|text| text.get(lang).to_string()).collect();
        let chosen = words.iter().find(|w| !said.contains(w)).or(words.first()).cloned()?;
        said.push(chosen.clone());
        Some(chosen)
    };
    let lead = pick(leads.iter().collect());
    let words = pick(moves.to_vec());
    match (lead, words) {
        (Some(lead), Some(words)) => Some(format!("{lead} {words}")),
        (lead, words) => lead.or(words),
    }
}

/// What a sequence is announced by: what its method gives first, or, placed to converge,
/// the first result it gives (a decision grid is a time to choose). A method that runs a
/// whole arc of its own (three products or more: résolution des irritants lists, chooses,
/// then plans) starts where its arc starts.
///
/// Placed to converge, a method whose own steps first open up on ideas or experiences is
/// announced by none: 25/10 first has everyone write a bold idea, then keeps the ones the
/// group rates best, so « il est temps de choisir » would contradict its first step, and
/// « on ne trie pas encore » the slot, which is there to choose (the caller says that it
/// opens, then keeps). Irritants are still named first.
fn announced(method: &Method, phase: Phase) -> Option<Product> {
    let result = |product: &&Product| product.stage() >= Product::Priorities.stage();
    let whole_arc = method.runs_whole_arc();
    let opens_up = |product: &Product| matches!(product, Product::Ideas | Product::Experiences);
    let opens_first = method.opens_up() && method.main_product().is_some_and(|product| opens_up(&product));
    let converging = (phase.converges() && !whole_arc && !opens_first)
        .then(|| method.gives.iter().find(result).copied())
        .flatten();
    match converging.or(method.main_product()) {
        Some(product) if phase.converges() && opens_up(&product) => None,
        product => product,
    }
}

/// Whether a content sequence of another method follows `slot` in the session.
fn work_after(agenda: &Agenda, slot: &Slot) -> bool {
    let content = |s: &&Slot| s.phase.is_some_and(|phase| !phase.frames());
    agenda.method_slots().filter(content).any(|s| s.start > slot.start && s.method != slot.method)
}

/// The questions a sequence asks: its calling questions, and for a method whose rounds ask
/// `{question}`, then the request's other questions in priority order (those of objectives
/// no other sequence serves), one round after the other, as many as its fewest rounds:
/// a World Café takes stock in its first round and looks ahead in the next ones, unless a
/// later sequence looks ahead (La Une du magazine): a question is worked on once, and the
/// café's rounds then deepen its own question.
fn round_questions<'p>(plan: &'p Plan, catalogue: &Catalogue, method: &Method, slot: &Slot) -> Vec<&'p str> {
    let mut questions = calling_questions(plan, catalogue, slot);
    let rounds = method
        .steps
        .iter()
        .filter(|step| step.asks_each_round())
        .filter_map(|step| step.rounds.map(|rounds| rounds.min as usize))
        .max();
    let (Some(rounds), false) = (rounds, questions.is_empty()) else { return questions };
    let content = |s: &&Slot| s.phase.is_some_and(|phase| !phase.frames());
    let others: Vec<&Slot> =
        plan.agenda.method_slots().filter(content).filter(|s| s.method != slot.method).collect();
    for objective in &plan.agenda.objectives {
        let served = others.iter().any(|s| s.objectives.contains(objective));
        match plan.request.question(*objective) {
            Some(q) if !served && !questions.contains(&q) && questions.len() < rounds => questions.push(q),
            _ => {}
        }
    }
    questions
}

/// The calling questions of a content sequence: the first of its objectives' questions that
/// no earlier sequence has asked, else the first of them (each question is posed once,
/// then the next; a later sequence on the same objective asks it again); then, when its
/// method's rounds each take a question of their own (a World Café's tours) or it runs a
/// whole arc (résolution des irritants, then its plan), the questions
/// of its other objectives that no sequence has asked and none after it serves, so that
/// every question of the request is asked once. A sequence whose method answers one question
/// (one photo, one forum's opening circle) holds one: a question left over is settled with
/// the project lead beforehand ([`left_over`]). An opening or a closing asks its own
/// question (the weather, a word to finish): read aloud before it, the request's question
/// would never be worked on.
pub(super) fn calling_questions<'p>(plan: &'p Plan, catalogue: &Catalogue, slot: &Slot) -> Vec<&'p str> {
    let slots: Vec<&Slot> = plan.agenda.method_slots().filter(|s| asks_a_question(s, catalogue)).collect();
    let mut asked: Vec<&str> = Vec::new();
    // The questions of the sequence before.
    let mut before: Vec<&str> = Vec::new();
    let asks = |slot: &Slot| -> Vec<(crate::vocabulary::Objective, &'p str)> {
        slot.objectives.iter().filter_map(|o| Some((*o, plan.request.question(*o)?))).collect()
    };
    for (i, earlier) in slots.iter().enumerate() {
        let mut questions = asks(earlier);
        // A method that prepares the next one's work works on its question (C15), or on
        // the question of the one the chain of preparations leads to.
        let mut chain = i;
        while let Some(next) =
            slots.get(chain + 1).filter(|next| prepares(plan, catalogue, slots[chain], next))
        {
            questions = asks(next);
            chain += 1;
        }
        let later = &slots[i + 1..];
        // The question of an objective a later plan of action serves is that plan's to ask:
        // a forum ouvert before the plan opens up on the ideas' question, not the actions'.
        let left_to_plan = |objective: &Objective| {
            let plans = |s: &&Slot| s.phase == Some(Phase::Action) && s.objectives.contains(objective);
            earlier.phase != Some(Phase::Action) && later.iter().any(plans)
        };
        let fresh = || questions.iter().filter(|(_, q)| !asked.contains(q));
        let new = fresh().find(|(o, _)| !left_to_plan(o)).or_else(|| fresh().next()).map(|(_, q)| *q);
        // Right after a vision, a sequence that opens up does not ask again a question the
        // group already worked on: it turns the vision into work ([`after_vision`]).
        let again = new.is_none() && after_vision(plan, catalogue, earlier);
        let pick = new.or(questions.first().map(|(_, q)| *q)).filter(|_| !again);
        // A World Café's tours, or the stages of a method that runs a whole arc (the
        // irritants, then the plan), each take a question of their own.
        let holds_several = method_of(catalogue, earlier).is_some_and(Method::holds_several_questions);
        let last_chance = questions
            .iter()
            .filter(|(o, q)| {
                Some(*q) != pick && !asked.contains(q) && !later.iter().any(|s| s.objectives.contains(o))
            })
            .map(|(_, q)| *q)
            .filter(|_| holds_several);
        let mut picks: Vec<&str> = pick.into_iter().chain(last_chance).collect();
        // A choice made right after rounds that turned, after their pause, to a later
        // question (a café on the review, then on the actions) works on that question: it
        // chooses among what the tables said last.
        let converges = earlier.phase.is_some_and(Phase::converges);
        if let Some(turned) =
            i.checked_sub(1).filter(|_| converges).and_then(|j| turned_to(plan, catalogue, slots[j], &before))
        {
            picks = vec![turned];
        }
        if *earlier == slot {
            return picks;
        }
        asked.extend(picks.iter().copied());
        before = picks;
    }
    Vec::new()
}

/// The later question that the rounds of `slot` turn to after their pause ([`bridged`]),
/// when its method has rounds with angles and a pause cuts it; `picks` are its own questions.
fn turned_to<'p>(plan: &'p Plan, catalogue: &Catalogue, slot: &Slot, picks: &[&str]) -> Option<&'p str> {
    let method = method_of(catalogue, slot)?;
    let rounds = method.steps.iter().any(Step::angled);
    let last = plan.agenda.method_slots().filter(|s| s.method == slot.method && s.part.is_some()).last()?;
    match (rounds, picks) {
        (true, [_]) => next_question(plan, last, picks),
        _ => None,
    }
}

/// The objectives a slot serves, as the facilitator reads them: a content sequence that
/// serves none of the request's objectives is there to prepare the next one (C15: a gallery
/// of the front pages before the plan), and says so with the next one's objectives, rather
/// than an objective nobody asked for (`Some` of them, or `None` for its own).
fn prepared<'a>(slot: &Slot, agenda: &'a Agenda) -> Option<&'a [Objective]> {
    let asked = |slot: &Slot| agenda.serves_asked(slot);
    // A later part of a split method reads as its first part.
    if slot.phase.is_none_or(Phase::frames) || asked(slot) {
        return None;
    }
    let mut later = agenda.method_slots().skip_while(|other| *other != slot).skip(1);
    later.find(|other| content_sequence(other) && asked(other)).map(|next| &next.objectives[..])
}

/// Whether `slot` converges to prepare the next sequence ([`prepared`]): a vote among the
/// café's ideas before the plan of action.
fn chooses_for_next(slot: &Slot, agenda: &Agenda) -> bool {
    slot.phase.is_some_and(Phase::converges) && prepared(slot, agenda).is_some()
}

/// The table's cell of objectives served: « Prépare : … » for a sequence that prepares the
/// next one ([`prepared`]).
fn served_words(slot: &Slot, agenda: &Agenda, lang: Lang) -> String {
    match prepared(slot, agenda) {
        Some(next) => format!("{}{}", t(lang, "Prépare : ", "Prepares: "), objective_labels(next, lang)),
        None => objective_labels(&shown_objectives(slot, agenda), lang),
    }
}

/// The objectives a slot names, as the déroulé shows them: an opening or a closing shows
/// only those the request asks (a round of commitments is no « Évaluer la séance » that
/// nobody asked for: it closes).
fn shown_objectives(slot: &Slot, agenda: &Agenda) -> Vec<Objective> {
    let frames = slot.phase.is_some_and(Phase::frames);
    slot.objectives.iter().copied().filter(|o| !frames || agenda.objectives.contains(o)).collect()
}

/// Whether `slot` serves none of the request's objectives and prepares what `next` works
/// on ([`crate::rules::prepares`]).
fn prepares(plan: &Plan, catalogue: &Catalogue, slot: &Slot, next: &Slot) -> bool {
    let method = |slot: &Slot| method_of(catalogue, slot);
    let (Some(m), Some(n), Some(p), Some(q)) = (method(slot), method(next), slot.phase, next.phase) else {
        return false;
    };
    let serves = |method: &Method| plan.agenda.objectives.iter().any(|o| method.serves(*o));
    !serves(m) && crate::rules::prepares(m, p, n, q)
}

/// The time the group has, as said aloud: « Nous avons 40 min, jusqu'à 12 h 20. », or for
/// a sequence cut by pauses, when it ends and where the pauses fall (the minutes of work
/// alone would not match the clock the group sees): « Nous avons jusqu'à 11 h 40, avec une
/// pause à 10 h 55. »
fn time_given(parts: &[&Slot], agenda: &Agenda, minutes: u32, lang: Lang) -> String {
    let Some(last) = parts.last() else { return String::new() };
    let end = typography::clock(last.end, lang);
    if parts.len() < 2 {
        let minutes = typography::duration(minutes, lang);
        return match lang {
            Lang::Fr => format!("Nous avons {minutes}, jusqu'à {end}."),
            Lang::En => format!("We have {minutes}, until {end}."),
        };
    }
    let pauses: Vec<String> = parts[..parts.len() - 1]
        .iter()
        .map(|part| {
            let lunch = agenda.slots.iter().any(|s| s.start == part.end && s.kind == SlotKind::Lunch);
            let at = typography::clock(part.end, lang);
            match (lunch, lang) {
                (true, Lang::Fr) => format!("le déjeuner à {at}"),
                (true, Lang::En) => format!("lunch at {at}"),
                (false, Lang::Fr) => format!("une pause à {at}"),
                (false, Lang::En) => format!("a break at {at}"),
            }
        })
        .collect();
    let pauses = typography::and_list(&pauses.iter().map(String::as_str).collect::<Vec<_>>(), lang);
    match lang {
        Lang::Fr => format!("Nous avons jusqu'à {end}, avec {pauses}."),
        Lang::En => format!("We have until {end}, with {pauses}."),
    }
}

/// The words to say aloud when the sequence starts: the move into its phase, the calling
/// question, the time the group has and what it will leave with.
fn consigne(
    method: &Method,
    sequence: &Sequence,
    agenda: &Agenda,
    (lang, said_before): (Lang, &mut Vec<String>),
    planned: Option<(&Plan, &Catalogue)>,
) -> Vec<Block> {
    let plan = planned.map(|(plan, _)| plan);
    let parts = sequence.parts;
    let Some(first) = parts.first() else { return Vec::new() };
    let minutes: u32 = parts.iter().map(|slot| slot.minutes).sum();
    let content = first.phase.is_some_and(|phase| !matches!(phase, Phase::Opening | Phase::Closing));
    let mut said: Vec<String> = Vec::new();
    let new_subject = planned
        .is_some_and(|(_, catalogue)| crate::score::new_subjects(agenda, catalogue).contains(&first.start));
    let develops = planned.is_some_and(|(_, catalogue)| develops_previous(agenda, catalogue, first));
    let (leads, moves) = transition(method, sequence, agenda, (knows_itself(plan), new_subject, develops));
    said.extend(choose(leads, &moves, said_before, lang));
    let questions =
        planned.map(|(plan, catalogue)| round_questions(plan, catalogue, method, first)).unwrap_or_default();
    // Only a method that opens on its own circle posts its question at the centre of it.
    let together = method.opens_itself;
    match staged_question(method, parts, agenda, &questions) {
        Some(_) => said.extend(asking(&questions[..1], together, lang).map(|first| {
            let later = t(
                lang,
                " ; la seconde viendra au moment du plan d'action.",
                "; the second will come when we plan the actions.",
            );
            format!("{first}{later}")
        })),
        // A convergence there to prepare the next sequence chooses among what is on the
        // wall: the question it reads is the next one's to answer.
        None if chooses_for_next(first, agenda) && questions.len() == 1 => {
            let quoted = typography::quoted(questions[0], lang);
            said.push(wording::chooses_for().get(lang).replace("{question}", &quoted));
        }
        None => said.extend(asking(&questions, together, lang).map(|asked| {
            let later = plan.and_then(|plan| question_to_come(plan, parts, &questions));
            let ahead = |question: &str| {
                let quoted = typography::quoted(question, lang);
                match lang {
                    Lang::Fr => format!(" ; ce que nous en retiendrons nous servira ensuite à répondre à une seconde question : {quoted}"),
                    Lang::En => format!("; what we keep from it will then help us answer a second question: {quoted}"),
                }
            };
            format!("{asked}{}", later.map(ahead).unwrap_or_default())
        })),
    }
    let say = match (&method.say_with_users, users(plan)) {
        (Some(say), Some(true)) => Some(say),
        _ => method.say.as_ref(),
    };
    let setting = Setting::of(agenda).looking_to(plan.map(|plan| &plan.request));
    said.extend(say.map(|say| setting.fill(say).get(lang).to_string()));
    said.push(time_given(parts, agenda, minutes, lang));
    if content {
        let promised = |o: &&Objective| wording::promises(**o, &method.gives);
        // A sequence that prepares the next one, or works on a later sequence's question,
        // promises what it gives, not an objective nobody asked for or one it left.
        let its_own = |question: &&str| {
            plan.is_some_and(|plan| {
                first.objectives.iter().any(|o| plan.request.question(*o) == Some(*question))
            })
        };
        let elsewhere = !questions.is_empty() && !questions.iter().any(its_own);
        let chooses = planned.is_some_and(|(plan, catalogue)| chooses_among_vision(plan, catalogue, first));
        let own: &[Objective] =
            if prepared(first, agenda).is_some() || elsewhere || chooses { &[] } else { &first.objectives };
        let mut produces: Vec<&str> = match (&method.promises, own.is_empty()) {
            (Some(promise), false) => vec![promise.get(lang)],
            _ => own
                .iter()
                .filter(promised)
                .filter_map(|o| wording::produces(*o))
                .map(|text| text.get(lang))
                .collect(),
        };
        // Two results said aloud at most: a third turns the promise into a list nobody
        // hears (the first objectives, in the request's order of priority).
        produces.truncate(2);
        // What the method gives, when it can promise none of the results asked of it.
        if produces.is_empty() {
            produces.extend(method.main_product().map(|product| product.label(lang)));
        }
        if !produces.is_empty() {
            let end = typography::and_list(&produces, lang);
            said.push(format!("{}{end}.", t(lang, "À la fin, nous aurons ", "At the end, we will have ")));
        }
    }
    let mut blocks = vec![Block::Paragraph(vec![
        Span::Strong(t(lang, "À dire", "To say").to_string()),
        Span::Plain(colon(lang, "")),
        Span::Emphasis(said.join(" ")),
    ])];
    let asks = planned.is_some_and(|(_, catalogue)| asks_a_question(first, catalogue));
    if let (true, Some((plan, catalogue)), true) = (asks, planned, questions.is_empty()) {
        let question = proposed_wording(plan, catalogue, first, lang);
        let earlier = asked_earlier(plan, first);
        blocks.extend(question.map(|question| {
            let asked = (", mettez-la dans les mots du sujet", ", put it in the subject's own words");
            let words = in_subject_words(plan, &question, asked, lang);
            Block::Paragraph(plain(proposed_question(&question, (&words, earlier), agenda.format, lang)))
        }));
    }
    blocks
}

/// The objective whose draft question a sequence without a calling question proposes: the
/// first of its objectives that no earlier such sequence proposed, so that a second sequence
/// on irritants moves on to the plan of action rather than ask the same question again;
/// none when all were proposed (the group goes on with the question on the wall). A
/// sequence there to prepare the next one ([`prepared`]) proposes the objective of what it
/// gives.
fn proposed_for(plan: &Plan, catalogue: &Catalogue, slot: &Slot) -> Option<crate::vocabulary::Objective> {
    // A sequence there to prepare the next one asks for what it gives (a gallery that
    // ranks asks what counts most), not for an objective nobody asked for.
    let gives = method_of(catalogue, slot).and_then(Method::main_product);
    if let Some(result) =
        gives.filter(|_| prepared(slot, &plan.agenda).is_some()).and_then(wording::result_of)
    {
        return Some(result);
    }
    let mut proposed = Vec::new();
    for earlier in plan.agenda.method_slots().filter(|s| asks_a_question(s, catalogue)) {
        let asks = !calling_questions(plan, catalogue, earlier).is_empty();
        let pick = earlier.objectives.iter().copied().find(|o| !asks && !proposed.contains(o));
        if earlier == slot {
            return pick;
        }
        proposed.extend(pick);
    }
    None
}

/// The calling question proposed for a sequence the request gives none: the draft of the
/// objective it proposes ([`proposed_for`]), or the method's own when its steps need one of
/// their kind (`question`). It is worded as it will be asked, a plain question; the note
/// around it names the subject to put it in ([`subject_words`]).
fn proposed_wording(plan: &Plan, catalogue: &Catalogue, slot: &Slot, lang: Lang) -> Option<String> {
    // A convergence on the vision just built chooses among it, whatever it counts for.
    if chooses_among_vision(plan, catalogue, slot) {
        let shows_earlier = method_of(catalogue, slot)
            .and_then(|method| exhibit(method, slot, &plan.agenda, catalogue))
            .is_some_and(|shown| !shown.more.is_empty());
        let among = if shows_earlier { wording::among_vision_and_earlier() } else { wording::among_vision() };
        return Some(among.get(lang).to_string());
    }
    // A sequence whose objectives earlier ones already asked about still gets a question:
    // after a vision, the one that turns it into work; otherwise its first objective's.
    let fresh = proposed_for(plan, catalogue, slot);
    // Six hats on the brainwriting's ideas go on under its question, already on the wall.
    if fresh.is_none() && develops_previous(&plan.agenda, catalogue, slot) {
        return None;
    }
    let objective = fresh.or_else(|| slot.objectives.first().copied())?;
    let first = plan.agenda.method_slots().find(|earlier| content_sequence(earlier)) == Some(slot);
    let acts_later =
        plan.agenda.method_slots().any(|s| s.start > slot.start && s.phase == Some(Phase::Action));
    let draft = wording::draft_question_first(objective)
        .filter(|_| first)
        .or_else(|| wording::draft_question_before_action(objective).filter(|_| acts_later))
        .or_else(|| wording::draft_question(objective))?;
    let own = method_of(catalogue, slot).and_then(|method| method.question.as_ref());
    let vision =
        after_vision(plan, catalogue, slot) || (fresh.is_none() && follows_vision(plan, catalogue, slot));
    Some(match (own, vision) {
        // Its own question, led by the vision just built: the rounds start from it.
        (Some(own), true) => {
            let lead = wording::after_vision_lead().get(lang);
            format!("{lead}{}", colon(lang, &typography::uncapitalised(own.get(lang))))
        }
        (Some(own), false) => led(plan, (catalogue, slot), own.get(lang), lang),
        (None, true) => wording::after_vision().get(lang).to_string(),
        (None, false) => led(plan, (catalogue, slot), draft.get(lang), lang),
    })
}

/// `question` led by the request's subject when it opens with an infinitive or a
/// preposition ([`wording::subject_lead`]): « Pour harmoniser l'instruction des aides
/// facultatives, sur quoi devons-nous… ? ». Only the day's first question (`slot` is the
/// first sequence of the session that asks one): the subject is set once, and the same
/// words at the head of every question read as a stuck prefix. Not a question that
/// already opens on a frame of its own ([`wording::framed`]: a horizon, « Parmi… ») or
/// speaks to the group as « vous » under a lead that says « nos » ([`wording::clashes`]),
/// and only in French, the titles' language.
fn led(plan: &Plan, (catalogue, slot): (&Catalogue, &Slot), question: &str, lang: Lang) -> String {
    let first = plan.agenda.method_slots().find(|earlier| asks_a_question(earlier, catalogue));
    let lead = wording::subject_lead(&plan.request.title).filter(|_| lang == Lang::Fr && first == Some(slot));
    let fits = |lead: &String| !wording::framed(question) && !wording::clashes(lead, question);
    match lead.filter(fits) {
        Some(lead) => format!("{lead}, {}", typography::uncapitalised(question)),
        None => question.to_string(),
    }
}

/// The clause of a note that asks to put a proposed `question` in the subject's words
/// (`asked`: the clause in French and English, followed by [`subject_words`]); none when
/// the question already speaks of the subject ([`led`]).
fn in_subject_words(plan: &Plan, question: &str, asked: (&'static str, &'static str), lang: Lang) -> String {
    let lead = wording::subject_lead(&plan.request.title);
    if lead.is_some_and(|lead| question.starts_with(&format!("{lead}, "))) {
        return String::new();
    }
    format!("{}{}", t(lang, asked.0, asked.1), subject_words(plan, lang))
}

/// Whether the method of `slot` `develops` what the content sequence right before it gave
/// (six hats on the ideas a brainwriting just wrote): it works on them, under the same
/// calling question.
fn develops_previous(agenda: &Agenda, catalogue: &Catalogue, slot: &Slot) -> bool {
    let before = content_before(agenda, slot).and_then(|before| method_of(catalogue, before));
    let gives = before.map_or(&[][..], |before| &before.gives[..]);
    method_of(catalogue, slot).is_some_and(|method| gives.iter().any(|p| method.develops.contains(p)))
}

/// Whether `slot` opens up right after a sequence that built a vision, and builds none
/// itself.
fn after_vision(plan: &Plan, catalogue: &Catalogue, slot: &Slot) -> bool {
    let opens = slot.phase.is_some_and(|phase| !phase.frames() && !phase.converges());
    opens && follows_vision(plan, catalogue, slot)
}

/// Whether `slot` converges right after a sequence that built a vision, and works on it (a
/// gallery that visits the front pages just drawn): it chooses among what was imagined,
/// whatever objective it counts for, and promises what it gives (priorities), not a review.
fn chooses_among_vision(plan: &Plan, catalogue: &Catalogue, slot: &Slot) -> bool {
    let converges = slot.phase.is_some_and(Phase::converges);
    let takes = method_of(catalogue, slot).is_some_and(|method| method.takes.contains(&Product::Vision));
    converges && takes && follows_vision(plan, catalogue, slot)
}

/// Whether `slot` comes right after a sequence that built a vision, and builds none itself.
fn follows_vision(plan: &Plan, catalogue: &Catalogue, slot: &Slot) -> bool {
    let gives_vision = |s: &Slot| method_of(catalogue, s).is_some_and(|m| m.gives.contains(&Product::Vision));
    !gives_vision(slot) && content_before(&plan.agenda, slot).is_some_and(gives_vision)
}

/// The content sequence right before `slot`, if any.
fn content_before<'a>(agenda: &'a Agenda, slot: &Slot) -> Option<&'a Slot> {
    agenda.method_slots().filter(|s| content_sequence(s)).take_while(|s| s.start < slot.start).last()
}

/// Whether the request gives a calling question for one of the objectives of `slot`: when
/// the slot asks none all the same, an earlier sequence worked on it and the slot, right
/// after a vision, proposes one of its own (see [`calling_questions`]).
fn asked_earlier(plan: &Plan, slot: &Slot) -> bool {
    slot.objectives.iter().any(|o| plan.request.question(*o).is_some())
}

/// The subject a proposed question is to be put in, as the note says it (« (« Remettre à
/// plat l'accueil ») »), when the request's title names one ([`wording::subject`]). The
/// question itself stays a plain question: a poster that reads « Subject: question » reads
/// like a form, and the facilitator says it in the group's own words.
fn subject_words(plan: &Plan, lang: Lang) -> String {
    let Some(subject) = wording::subject(&plan.request.title) else { return String::new() };
    format!(" ({})", typography::quoted(&typography::capitalised(subject), lang))
}

/// The note for a sequence whose request gives no calling question: a first wording to
/// check with the project lead, and where to show it.
fn proposed_question(draft: &str, (words, earlier): (&str, bool), format: Format, lang: Lang) -> String {
    let quoted = typography::quoted(draft, lang);
    let show = match format {
        Format::Onsite => t(lang, "écrivez-la en grand au mur", "write it large on the wall"),
        _ => t(lang, "affichez-la sur le support partagé", "show it on the shared board"),
    };
    let why = typography::capitalised(no_question(earlier, lang));
    match lang {
        Lang::Fr => format!(
            "{why} Nous proposons {quoted} : vérifiez-la avec le porteur de projet avant le jour{words}, puis {show}."
        ),
        Lang::En => format!(
            "{why} We propose {quoted}: check it with the project lead before the day{words}, then {show}."
        ),
    }
}

/// Why a content sequence gets a proposed calling question: the request gives none for it,
/// or the one it gives was worked on `earlier` and the sequence follows a vision.
fn no_question(earlier: bool, lang: Lang) -> &'static str {
    match earlier {
        false => t(
            lang,
            "la saisine ne donne pas de question d'appel pour cette séquence.",
            "the request gives no calling question for this sequence.",
        ),
        true => t(
            lang,
            "la question de la saisine a été travaillée plus tôt ; après la vision, la séquence part de ce qui a été imaginé.",
            "the request's question was worked on earlier; after the vision, the sequence starts from what was imagined.",
        ),
    }
}

/// The calling questions as said aloud: « Notre question : ... », or, for several (the
/// tours of a World Café), one after the other; posted at the centre of the circle when
/// the method's rounds take topics of the group's own (`together`: a forum ouvert's
/// sessions, under one calling question).
fn asking(questions: &[&str], together: bool, lang: Lang) -> Option<String> {
    let quoted: Vec<String> = questions.iter().map(|q| typography::quoted(q, lang)).collect();
    match quoted.as_slice() {
        [] => None,
        [one] if together => Some(format!(
            "{}{one}",
            t(
                lang,
                "Notre question d'appel, affichée au centre du cercle : ",
                "Our calling question, posted at the centre of the circle: "
            )
        )),
        [one] => Some(format!("{}{one}", t(lang, "Notre question : ", "Our question: "))),
        [first, rest @ ..] => Some(format!(
            "{}{first}{}{}",
            t(lang, "Nos questions, l'une après l'autre : ", "Our questions, one after the other: "),
            t(lang, " ; puis ", "; then "),
            rest.join(t(lang, " ; puis ", "; then "))
        )),
    }
}

/// The question a method that runs a whole arc (résolution des irritants: list, choose,
/// then plan) reads where its plan begins, its first step framed for action, rather than
/// with the first in its announcement: the second of `questions`, when the method keeps
/// such a step in this place. A group hearing both at once has forgotten the second by the
/// time it plans.
fn staged_question<'q>(
    method: &Method,
    parts: &[&Slot],
    agenda: &Agenda,
    questions: &[&'q str],
) -> Option<&'q str> {
    let [_, second, ..] = questions else { return None };
    let staged = method.runs_whole_arc() && !method.steps.iter().any(Step::asks_each_round);
    let kept = steps_in_place(variant::steps(method, agenda), place(parts, agenda));
    let acts = kept.iter().any(|step| step.frame == Some(Frame::Action));
    (staged && acts).then_some(*second)
}

/// What the sequence works on, as it hangs on the wall: what the latest earlier sequence
/// that gave one of the things it `takes` produced (craft rule C13's thread, made visible),
/// and the earlier work shown beside it as stations of their own, so that the facilitator
/// knows what to point at before giving the instructions. By video the work is on the
/// shared board, never on a wall (craft rule C6).
fn on_the_wall(method: &Method, shown: &Exhibit, format: Format, lang: Lang) -> Block {
    let (source, start) = shown.source;
    let remote = format == Format::Remote;
    // Each product's label may hold an « et » of its own: they are listed apart.
    let given: Vec<&str> =
        source.gives.iter().filter(|p| method.builds_on(**p)).map(|p| p.label(lang)).collect();
    let (name, at) = (source.name.get(lang), typography::clock(start, lang));
    let leaves = match remote {
        true => source.remote.as_ref().and_then(|remote| remote.leaves.as_ref()),
        false => source.leaves.as_ref(),
    };
    let mut text = match (leaves, lang) {
        (Some(leaves), _) => {
            format!("{} ({})", typography::capitalised(leaves.get(lang)), quoted(name, at, lang))
        }
        (None, Lang::Fr) => format!("ce que « {name} » ({at}) a produit : {}", given.join(" ; ")),
        (None, Lang::En) => format!("what \"{name}\" ({at}) produced: {}", given.join(" ; ")),
    };
    for (earlier, start) in &shown.more {
        text.push_str(&station_more(earlier, *start, remote, lang));
    }
    // What an earlier arc concluded is the plan's too: the morning's rules beside the
    // afternoon's ideas, named in a few words (its wall is described where it was made).
    for (earlier, start) in &shown.concluded {
        let (name, at) = (earlier.name.get(lang), typography::clock(*start, lang));
        text.push_str(&match lang {
            Lang::Fr => format!(" ; à côté, ce qu'a arrêté le sujet précédent (« {name} », {at}), que le plan reprend aussi : sa mise en œuvre a sa table d'office, en plus de ce qui vient d'être retenu"),
            Lang::En => format!("; beside it, what the previous subject settled (\"{name}\", {at}), which the plan takes up too: putting it into practice has a table of its own, besides what has just been chosen"),
        });
    }
    let from = match leaves.is_some() || !shown.more.is_empty() || !shown.concluded.is_empty() {
        true => t(
            lang,
            ". C'est de là que la séquence part : montrez-les avant la consigne.",
            ". The sequence starts from there: point at them before the instructions.",
        ),
        false => t(
            lang,
            ". C'est de là que la séquence part : montrez-le avant la consigne.",
            ". The sequence starts from there: point at it before the instructions.",
        ),
    };
    text.push_str(from);
    let label = match remote {
        true => t(lang, "Sur le tableau blanc", "On the whiteboard"),
        false => t(lang, "Au mur", "On the wall"),
    };
    Block::Paragraph(labelled(label, colon(lang, &text)))
}

/// An earlier sequence shown as one station more: one poster that sums it up, not its
/// tablecloths, as a group reads a station in a few minutes (by video, one zone of the
/// shared board).
fn station_more(earlier: &Method, start: ClockTime, remote: bool, lang: Lang) -> String {
    let (name, at) = (earlier.name.get(lang), typography::clock(start, lang));
    match (lang, remote) {
        (Lang::Fr, false) => format!(
            " ; et, comme une station de plus, une affiche qui résume en cinq ou six lignes ce qu'a fait ressortir « {name} » ({at}), préparée pendant la pause qui précède à partir de ce qui est resté au mur"
        ),
        (Lang::En, false) => format!(
            "; and, as one more station, a poster summing up in five or six lines what \"{name}\" ({at}) brought out, prepared during the break before from what stayed on the wall"
        ),
        (Lang::Fr, true) => format!(
            " ; et, dans une zone de plus du tableau blanc, un résumé en cinq ou six lignes de ce qu'a fait ressortir « {name} » ({at}), préparé avant la séquence"
        ),
        (Lang::En, true) => format!(
            "; and, in one more zone of the whiteboard, a five- or six-line summary of what \"{name}\" ({at}) brought out, prepared before the sequence"
        ),
    }
}

/// « « La Une du magazine », séquence de 11 h 45 », as the wall names a sequence: the
/// time that finds it in the déroulé, said as such (readers took a bare time for the moment
/// of a forum's vote, which comes at the end of the part that starts then).
fn quoted(name: &str, at: String, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("« {name} », séquence de {at}"),
        Lang::En => format!("\"{name}\", the sequence at {at}"),
    }
}

/// The pieces of work on display when `method` shows what an earlier sequence left (a
/// gallery of the café's ten tablecloths): so many stations, not one per four visitors.
fn pieces_shown(method: &Method, first: &Slot, agenda: &Agenda, catalogue: &Catalogue) -> Option<u32> {
    exhibit(method, first, agenda, catalogue)?.stations()
}

/// The phase of a slot as the facilitator reads it: a method placed to converge whose own
/// steps open up first (1-2-4-All, a forum ouvert) reads « Divergence → convergence », from
/// its first phase that opens up, so that nobody takes its first steps for a vote.
fn phase_words(method: Option<&Method>, phase: Phase, lang: Lang) -> String {
    let opens = method.filter(|_| phase.converges()).and_then(Method::first_opening_phase);
    match opens {
        Some(first) => format!("{} → {}", first.label(lang), phase.label(lang).to_lowercase()),
        None => phase.label(lang).to_string(),
    }
}

fn method_detail(
    method: &Method,
    sequence: &Sequence,
    (agenda, catalogue): (&Agenda, &Catalogue),
    (lang, said): (Lang, &mut Vec<String>),
    plan: Option<&Plan>,
) -> Block {
    let planned = plan.map(|plan| (plan, catalogue));
    let parts = sequence.parts;
    let first = parts[0];
    let last = parts[parts.len() - 1];
    let minutes: u32 = parts.iter().map(|slot| slot.minutes).sum();
    let phase =
        first.phase.map(|phase| format!(" — {}", phase_words(Some(method), phase, lang))).unwrap_or_default();
    let title = format!(
        "{} · {} ({}){phase}",
        typography::span(first.start, last.end, lang),
        method.name.get(lang),
        typography::duration(minutes, lang)
    );
    let mut blocks =
        vec![Block::Heading { level: 3, text: title }, Block::Paragraph(plain(method.summary.get(lang)))];
    blocks.extend(consigne(method, sequence, agenda, (lang, said), planned));
    // What it shows of the earlier work, read once for the wall, the steps and the kit.
    let walls = exhibit(method, first, agenda, catalogue);
    if let Some(walls) = walls.as_ref().filter(|_| plan.is_some()) {
        blocks.push(on_the_wall(method, walls, agenda.format, lang));
    }
    let shown = shown_objectives(first, agenda);
    if !shown.is_empty() {
        let (label, served) = match prepared(first, agenda) {
            Some(next) => (t(lang, "Prépare", "Prepares"), objective_labels(next, lang)),
            None => (t(lang, "Objectifs servis", "Objectives served"), objective_labels(&shown, lang)),
        };
        blocks.push(Block::Paragraph(labelled(label, colon(lang, &served))));
    }
    for (room, setup) in variant::setups(method, agenda) {
        let label = t(lang, "Installation", "Setup");
        let label =
            room.map_or(label.to_string(), |room| format!("{label} ({})", room.get(lang).to_lowercase()));
        blocks.push(Block::Paragraph(labelled(label, colon(lang, setup.get(lang)))));
    }
    let questions =
        planned.map(|(plan, catalogue)| round_questions(plan, catalogue, method, first)).unwrap_or_default();
    let next = plan.and_then(|plan| next_question(plan, last, &questions));
    let stations = walls.as_ref().and_then(|walls| walls.groups().zip(walls.visits()));
    let with = (users(plan) == Some(true), &questions[..], next);
    // One source for who does what: the roles name the cast when it is known, and the
    // steps name who records.
    let cast = team::cast(agenda, sequence.names, sequence.index);
    let recorder = (agenda.facilitators > 1)
        .then(|| cast.iter().find(|member| member.role != Role::Lead))
        .flatten()
        .map(|member| member.name.as_str());
    let setting = Setting::of(agenda).recorded_by(recorder).looking_to(plan.map(|plan| &plan.request));
    steps(&mut blocks, method, (parts, sequence.moving, stations), (agenda, &setting), lang, with);
    let roles = if cast.len() > 1 && method.roles.is_empty() {
        t(lang, "Qui fait quoi :", "Who does what:")
    } else {
        who_does_what(&mut blocks, &cast, lang);
        match agenda.facilitators {
            1 => t(lang, "Votre rôle :", "Your role:"),
            _ => t(lang, "Rôles des facilitateurs :", "Facilitators' roles:"),
        }
    };
    blocks.push(Block::Paragraph(plain(roles)));
    blocks.push(Block::List(variant::roles(method, agenda, &cast, lang)));
    if !variant::materials(method, agenda).is_empty() {
        blocks.push(Block::Paragraph(labelled(
            t(lang, "Matériel", "Materials"),
            colon(lang, &material_names(method, agenda, walls.as_ref().and_then(Exhibit::stations), lang)),
        )));
    }
    let occasion = Occasion {
        format: agenda.format,
        users: users(plan),
        start: first.start,
        work_after: Some(work_after(agenda, first)),
        hierarchy: plan.map(|plan| plan.request.with_hierarchy()),
        participants: agenda.participants,
        objectives: &agenda.objectives,
    };
    let tips: Vec<Line> =
        method.tips.iter().filter(|tip| tip.applies(&occasion)).map(|tip| plain(tip.get(lang))).collect();
    if !tips.is_empty() {
        blocks.push(Block::Paragraph(plain(t(lang, "Conseils :", "Tips:"))));
        blocks.push(Block::List(tips));
    }
    Block::Keep(blocks)
}

pub(super) fn colon(lang: Lang, text: &str) -> String {
    format!("{}{text}", t(lang, " : ", ": "))
}

/// A label followed by its colon: « question d'appel : ».
fn colon_after(lang: Lang, label: &str) -> String {
    format!("{label}{}", t(lang, " : ", ": "))
}

/// Whether the group knows itself ([`Condition::KnownGroup`]): the request says who comes,
/// and they are only agents and managers, no partner, user or elected member.
fn knows_itself(plan: Option<&Plan>) -> bool {
    plan.is_some_and(|plan| Condition::KnownGroup.met_by(&plan.request.profiles, false))
}

/// Whether service users take part, when the request says who comes.
fn users(plan: Option<&Plan>) -> Option<bool> {
    plan.map(|plan| plan.request.with_users())
}

/// Where the method sits: whether its first part opens the session (nothing but pauses
/// before it), whether its last part closes it (no sequence after it), whether an action
/// method comes after it, whether an earlier sequence named an objective that looks
/// ahead ([`Objective::looks_ahead`]), and whether it counts for new ideas itself.
fn place(parts: &[&Slot], agenda: &Agenda) -> Place {
    let work = |slot: &&Slot| !matches!(slot.kind, SlotKind::Break | SlotKind::Lunch);
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else { return Place::ALONE };
    let earlier = || agenda.slots.iter().take_while(|slot| *slot != *first);
    let before = earlier().any(|slot| work(&slot));
    let after_ahead = earlier().any(|slot| slot.objectives.iter().any(|objective| objective.looks_ahead()));
    let mut after = agenda.slots.iter().skip_while(|slot| *slot != *last).skip(1);
    let later: Vec<&Slot> = after.by_ref().filter(work).collect();
    let converges = |slot: &&&Slot| matches!(slot.phase, Some(Phase::Convergence | Phase::Action));
    let result_after = later.iter().filter(|slot| slot.kind == SlotKind::Method).any(|slot| converges(&slot));
    let seeks_ideas = first.objectives.contains(&Objective::GenerateIdeas);
    Place { opens: !before, closes: later.is_empty(), result_after, after_ahead, seeks_ideas }
}

/// The steps on the clock, part by part for a split method, as said to this audience
/// (`with`: whether service users take part, the questions the rounds take in order, and
/// the question of the next sequence, which the rounds after a pause take up
/// ([`bridged`])), and for a method that shows earlier work, its `stations` (groups and
/// visits, [`steps_at_stations`]). A step that goes on in a later part is not written out
/// again: the line says which rounds and which question it takes up. The steps start
/// `moving` minutes into the first part, once the group has moved the furniture.
fn steps(
    blocks: &mut Vec<Block>,
    method: &Method,
    (parts, moving, stations): (&[&Slot], u32, Option<(u32, u32)>),
    (agenda, setting): (&Agenda, &Setting),
    lang: Lang,
    with: (bool, &[&str], Option<&str>),
) {
    let (said, mut timed) = laid_out(method, parts, (moving, stations), agenda, with.0);
    let bridged = bridged(&said, &timed, with.1, with.2);
    let with = (with.0, &bridged[..]);
    ask_rounds(&said, &mut timed, with.1, agenda.participants);
    for line in timed.iter_mut().flatten() {
        line.text = setting.fill(&line.text);
    }
    if let Some(question) = staged_question(method, parts, agenda, with.1) {
        let acts =
            |line: &&mut TimedStep| said.get(line.step).is_some_and(|s| s.frame == Some(Frame::Action));
        if let Some(line) = timed.iter_mut().flatten().find(acts) {
            line.text = read_first(question, &line.text);
        }
    }
    // Where each step was first written out: (step, part, line), numbered from 1.
    let mut seen: Vec<(usize, usize, usize)> = Vec::new();
    for (p, part) in timed.iter_mut().enumerate() {
        for (l, line) in part.iter_mut().enumerate() {
            match seen.iter().find(|(step, ..)| *step == line.step) {
                Some(&(_, part, at)) => {
                    let step = said.get(line.step);
                    // Sessions on the group's own topics take up no question of the request.
                    let asked = if step.is_some_and(Step::asks_each_round) { with.1 } else { &[] };
                    line.text = taken_up(line, (part, at), asked, step);
                }
                None => seen.push((line.step, p + 1, l + 1)),
            }
        }
    }
    for (i, (slot, steps)) in parts.iter().zip(&timed).enumerate() {
        if parts.len() > 1 {
            let part = format!(
                "{} {} ({})",
                t(lang, "Partie", "Part"),
                i + 1,
                typography::span(slot.start, slot.end, lang)
            );
            blocks.push(Block::Paragraph(vec![Span::Strong(part)]));
        }
        blocks.push(Block::Numbered(steps.iter().map(|step| step_line(step, lang)).collect()));
        if let Some(next) = parts.get(i + 1) {
            let pauses = agenda.slots.iter().filter(|s| matches!(s.kind, SlotKind::Break | SlotKind::Lunch));
            for pause in pauses.filter(|s| s.start >= slot.end && s.end <= next.start) {
                let name = part_name(method.name.get(lang), next.part.unwrap_or(i as u32 + 2), lang);
                blocks.push(pause_within(pause, name, lang));
            }
        }
    }
}

/// The questions of the rounds of a method split by a pause: with rounds of conversation
/// on one question of its own (a step with `angles`, as a World Café's) and a `next`
/// sequence asking another, the rounds after the pause take up the next question (the
/// review before the break, the actions after it), so that the conversation leads to the
/// next sequence's work instead of going on with angles that do not fit the first question;
/// otherwise the `questions` as they are. A forum ouvert's sessions keep their own topics.
fn bridged<'q>(
    steps: &[Step],
    timed: &[Vec<TimedStep>],
    questions: &[&'q str],
    next: Option<&'q str>,
) -> Vec<&'q str> {
    if !steps.iter().any(Step::angled) {
        return questions.to_vec();
    }
    let rounds_in = |part: &Vec<TimedStep>| {
        part.iter().filter_map(|line| Some(line.first_round? + line.rounds? - 1)).max()
    };
    let before = timed.first().and_then(rounds_in);
    let after = timed.iter().skip(1).filter_map(rounds_in).max();
    match (questions, next, before, after) {
        ([first], Some(next), Some(before), Some(after)) if after > before && before > 0 => {
            std::iter::repeat_n(*first, before as usize).chain([next]).collect()
        }
        _ => questions.to_vec(),
    }
}

/// The question of a result that this sequence works towards but asks later, in a
/// sequence of its own (a forum ouvert on the ideas' question, whose priorities the plan of
/// action takes up after it on the actions' question): said with its own question, so that
/// the group knows from the start where its proposals lead. `None` when the sequence asks
/// no question, or counts for no result whose question comes later.
fn question_to_come<'p>(plan: &'p Plan, parts: &[&Slot], questions: &[&str]) -> Option<&'p str> {
    let (first, last) = (parts.first()?, parts.last()?);
    let later = next_question(plan, last, questions)?;
    let serves_it = first.objectives.iter().any(|o| plan.request.question(*o) == Some(later));
    (!questions.is_empty() && serves_it).then_some(later)
}

/// The request's question for an objective that calls for a result, served by a content
/// sequence after `last`, the first not among `questions`: what the rounds of a method split
/// by a pause lead to ([`bridged`]). A vision is left whole to the sequence made for it.
fn next_question<'p>(plan: &'p Plan, last: &Slot, questions: &[&str]) -> Option<&'p str> {
    let later = plan.agenda.method_slots().filter(|slot| slot.start >= last.end && content_sequence(slot));
    later
        .flat_map(|slot| slot.objectives.iter().filter(|o| o.calls_for_result()))
        .filter_map(|objective| plan.request.question(*objective))
        .find(|question| !questions.contains(question))
}

/// A step taken up after a pause, in a few words that point to where it is written out:
/// « Tour 3 (20 min) sur la question « … » : même consigne qu'aux tours 1 et 2. »
/// With one question and the step's `angles`, each round taken up says its angle.
fn taken_up(
    line: &TimedStep,
    from: (usize, usize),
    questions: &[&str],
    step: Option<&Step>,
) -> crate::text::Text {
    let (part, at) = from;
    let angles = step.map_or(&[][..], |step| &step.angles[..]);
    let words = |lang: Lang| step.map_or(Called::usual(lang), |s| s.round_words(lang));
    let one = |lang: Lang| match (line.first_round, line.rounds) {
        (Some(first), Some(rounds)) => {
            let numbers: Vec<String> = (first..first + rounds).map(|n| n.to_string()).collect();
            let numbers: Vec<&str> = numbers.iter().map(String::as_str).collect();
            let (one, many) = words(lang);
            let word = typography::capitalised(if rounds > 1 { many } else { one });
            let each = typography::duration(line.minutes / rounds.max(1), lang);
            let length = if rounds > 1 { format!(" ({rounds} × {each})") } else { format!(" ({each})") };
            let asked = questions
                .get((first as usize).saturating_sub(1).min(questions.len().saturating_sub(1)))
                .map(|q| {
                    // A question the earlier rounds did not take is read out as new.
                    let new = questions.first() != Some(q);
                    let on = match new {
                        true => t(
                            lang,
                            " sur une nouvelle question, lue au retour : ",
                            " on a new question, read out on return: ",
                        ),
                        false => t(lang, " sur la question ", " on the question "),
                    };
                    format!("{on}{}", typography::quoted(q, lang))
                })
                .unwrap_or_default();
            let angled = match (questions.len(), angles.is_empty()) {
                (0 | 1, false) => {
                    format!(" ({})", super::steps::angles_of(first..first + rounds, angles, lang))
                }
                _ => String::new(),
            };
            // The rounds before, by their numbers: what the facilitator has just run.
            let before: Vec<String> = (1..first).map(|n| n.to_string()).collect();
            let before: Vec<&str> = before.iter().map(String::as_str).collect();
            let (one, many) = words(lang);
            let same = match (lang, before.len()) {
                (Lang::Fr, 0) => format!("même consigne qu'à l'étape {at} de la partie {part}"),
                (Lang::En, 0) => format!("same instructions as step {at} of part {part}"),
                (Lang::Fr, 1) => format!("même consigne qu'au {one} 1"),
                (Lang::En, 1) => format!("same instructions as {one} 1"),
                (Lang::Fr, _) => {
                    format!("même consigne qu'aux {many} {}", typography::and_list(&before, lang))
                }
                (Lang::En, _) => {
                    format!("same instructions as {many} {}", typography::and_list(&before, lang))
                }
            };
            let numbers = typography::and_list(&numbers, lang);
            // One round with its own angle on the one question: the angle first, as said.
            let angle = (rounds == 1 && questions.len() <= 1)
                .then(|| angles.get((first as usize).saturating_sub(1)).or(angles.last()))
                .flatten();
            if let Some(angle) = angle {
                let angle = angle.get(lang);
                let on = match questions.first().map(|question| typography::quoted(question, lang)) {
                    Some(question) => lang.pick(
                        format!(" sur la question {question},"),
                        format!(" on the question {question},"),
                    ),
                    None => ",".to_string(),
                };
                // Said aloud on return, as written: where each goes, then a new angle that
                // builds on what the first rounds said; the question stays on the wall.
                return match lang {
                    Lang::Fr => format!(
                        "{word} {numbers}{length}{on} sous un nouvel angle. À annoncer au retour : « Les hôtes reprennent leur table ; les autres vont à une table où ils ne sont pas encore allés. À partir de ce que vous avez entendu, notre angle maintenant : {angle}. » Puis {same}."
                    ),
                    Lang::En => format!(
                        "{word} {numbers}{length}{on} from a new angle. To announce on return: \"Hosts go back to their table; the others go to a table they have not been to yet. Building on what you have heard, our angle now: {angle}.\" Then {same}."
                    ),
                };
            }
            format!("{word} {numbers}{length}{asked}{angled}{} {same}.", lang.pick(" :", ":"))
        }
        _ => match lang {
            Lang::Fr => format!(
                "Suite de l'étape {at} de la partie {part}, même consigne : elle reprend où la pause l'a laissée."
            ),
            Lang::En => format!(
                "Step {at} of part {part} goes on, same instructions: it resumes where the break left it."
            ),
        },
    };
    crate::text::Text { fr: one(Lang::Fr), en: Some(one(Lang::En)) }
}

/// `text` preceded by the reading of `question`, written up on the wall.
fn read_first(question: &str, text: &Text) -> Text {
    let one = |lang: Lang, text: &str| {
        let question = typography::quoted(question, lang);
        match lang {
            Lang::Fr => format!("Vous lisez la seconde question, {question}, et l'écrivez au mur. {text}"),
            Lang::En => format!("Read the second question, {question}, and write it on the wall. {text}"),
        }
    };
    Text { fr: one(Lang::Fr, &text.fr), en: text.en.as_deref().map(|en| one(Lang::En, en)) }
}

fn step_line(step: &TimedStep, lang: Lang) -> Line {
    let text = step.text.get(lang);
    let when = format!(
        "{} ({})",
        typography::span(step.start, step.end, lang),
        typography::duration(step.minutes, lang)
    );
    labelled(when, format!(" — {text}"))
}

/// Every item to bring once, with the largest quantity any method needs (items are used
/// again from one method to the next), and the room setup of each method.
fn materials_and_setups(doc: &mut Document, agenda: &Agenda, catalogue: &Catalogue, lang: Lang) {
    let methods = methods_in_order(agenda, catalogue);
    let mut items: Vec<(String, Option<u32>, Vec<&str>)> = Vec::new();
    for method in &methods {
        let first = agenda.method_slots().find(|slot| slot.method.as_ref() == Some(&method.id));
        let pieces = first.and_then(|first| pieces_shown(method, first, agenda, catalogue));
        for material in variant::materials(method, agenda) {
            let (name, quantity) = variant::material_line(material, method, agenda, pieces, lang);
            let name = name.as_str();
            let used_by = method.name.get(lang);
            match items.iter_mut().find(|(known, ..)| known.to_lowercase() == name.to_lowercase()) {
                Some((_, known, users)) => {
                    *known = (*known).max(quantity);
                    users.push(used_by);
                }
                None => items.push((name.to_string(), quantity, vec![used_by])),
            }
        }
    }
    doc.heading(2, t(lang, "Matériel à prévoir", "Materials to bring"));
    if items.is_empty() {
        doc.push(Block::Paragraph(plain(t(lang, "Aucun matériel particulier.", "No special materials."))));
    } else {
        let lines = items
            .iter()
            .map(|(name, quantity, users)| {
                vec![
                    Span::Plain(with_quantity(name, *quantity)),
                    Span::Emphasis(format!(" ({})", users.join(", "))),
                ]
            })
            .collect();
        doc.push(Block::List(lines));
    }
    doc.heading(2, t(lang, "Installation des salles", "Room setup"));
    let setups = methods
        .iter()
        .flat_map(|m| variant::setups(m, agenda).into_iter().map(move |(room, setup)| (m, room, setup)))
        .map(|(m, room, setup)| {
            let name = room.map_or(m.name.get(lang).to_string(), |room| {
                format!("{} ({})", m.name.get(lang), room.get(lang).to_lowercase())
            });
            labelled(name, colon(lang, setup.get(lang)))
        })
        .collect();
    doc.push(Block::List(setups));
}

fn methods_in_order<'c>(agenda: &Agenda, catalogue: &'c Catalogue) -> Vec<&'c Method> {
    let mut methods: Vec<&Method> = Vec::new();
    for id in agenda.method_slots().filter_map(|slot| slot.method.as_ref()) {
        if let Some(method) = catalogue.get(id.as_str()) {
            if !methods.iter().any(|known| known.id == method.id) {
                methods.push(method);
            }
        }
    }
    methods
}

fn reasons(doc: &mut Document, plan: &Plan, catalogue: &Catalogue, lang: Lang) {
    doc.heading(3, t(lang, "Pourquoi ces choix", "Why these choices"));
    let lines = plan.reasons.iter().map(|reason| reason_line(reason, plan, catalogue, lang)).collect();
    // The score is the planner's measure, not the facilitator's: it stays out of the sheet.
    doc.push(Block::List(lines));
}

fn reason_line(reason: &Reason, plan: &Plan, catalogue: &Catalogue, lang: Lang) -> Line {
    let method = catalogue.get(reason.method.as_str());
    let name = method.map_or(reason.method.as_str(), |m| m.name.get(lang));
    let n = plan.agenda.participants;
    // The phase as the table and the heading write it (« divergence → convergence »).
    let phase = phase_words(method, reason.phase, lang).to_lowercase();
    let mut text = match lang {
        Lang::Fr => format!("phase « {phase} »"),
        Lang::En => format!("{phase} phase"),
    };
    // One reading of what a sequence serves, here as in the table (« Prépare : … »).
    let slot = plan.agenda.method_slots().find(|slot| slot.method.as_ref() == Some(&reason.method));
    match slot.and_then(|slot| prepared(slot, &plan.agenda)) {
        Some(next) => {
            text += &format!("{}{}", t(lang, " ; prépare : ", "; prepares: "), objective_labels(next, lang))
        }
        None => {
            let shown =
                slot.map_or_else(|| reason.objectives.clone(), |slot| shown_objectives(slot, &plan.agenda));
            if !shown.is_empty() {
                text += &format!("{}{}", t(lang, " ; sert : ", "; serves: "), objective_labels(&shown, lang));
            }
        }
    }
    if let Some(method) = method {
        let (min, max) = (method.participants.min, method.participants.max);
        text += &match lang {
            Lang::Fr => format!(". Convient à {n} participants (de {min} à {max})"),
            Lang::En => format!(". Suits {n} participants ({min} to {max})"),
        };
    }
    text += &match lang {
        Lang::Fr => format!(" ; {} min, dans sa plage de {} pour ce groupe.", reason.minutes, reason.range),
        Lang::En => format!("; {} min, within its {} range for this group.", reason.minutes, reason.range),
    };
    if reason.included {
        text += t(lang, " Demandée dans la saisine.", " Requested in the saisine.");
    }
    if reason.suits_users {
        text += t(lang, " Sans écrit : adaptée aux usagers.", " No writing: suits service users.");
    }
    vec![Span::Strong(name.to_string()), Span::Plain(format!(" — {text}"))]
}

/// A message with the methods named as the facilitator knows them: `world-cafe` (an id,
/// for the tools) becomes « World Café ».
fn method_names(text: &str, catalogue: &Catalogue, lang: Lang) -> String {
    let mut parts = text.split('`');
    let mut named = parts.next().unwrap_or_default().to_string();
    for (i, part) in parts.enumerate() {
        let id = i % 2 == 0;
        match catalogue.get(part).filter(|_| id) {
            Some(method) => named += &typography::quoted(method.name.get(lang), lang),
            None => named += part,
        }
    }
    named
}

/// The questions for the project lead, then the points to watch: the request's and the
/// craft rules the agenda had to break.
fn questions(
    doc: &mut Document,
    questions: &[Question],
    craft: &CraftReport,
    catalogue: &Catalogue,
    lang: Lang,
) {
    // The questions for the project lead open the déroulé ([`to_settle`]).
    let warnings = questions.iter().filter(|q| !q.is_for_the_lead());
    let mut watch: Vec<String> = warnings.map(|q| q.text(lang)).collect();
    watch.extend(craft.points.iter().map(|point| method_names(&point.text(lang), catalogue, lang)));
    if !watch.is_empty() {
        doc.heading(3, t(lang, "Points d'attention", "Points to watch"));
        doc.push(Block::List(watch.into_iter().map(plain).collect()));
    }
}

/// The method of `slot` in `catalogue`.
fn method_of<'c>(catalogue: &'c Catalogue, slot: &Slot) -> Option<&'c Method> {
    catalogue.get(slot.method.as_ref()?.as_str())
}

/// Whether `slot` works on a calling question: a content sequence (its first part), or an
/// opening that serves an objective of its own with a method whose steps read the calling
/// question (a Photolangage where each picks the photo that answers it): « notre question »
/// must then be written somewhere.
fn asks_a_question(slot: &Slot, catalogue: &Catalogue) -> bool {
    let reads = |method: &Method| {
        let reads = |text: &str| text.contains("{question}") || text.contains("question d'appel");
        method.steps.iter().any(|step| reads(&step.text.fr))
    };
    let opening = slot.phase == Some(Phase::Opening) && slot.part.is_none() && !slot.objectives.is_empty();
    let method = method_of(catalogue, slot);
    let on_subject = method.is_none_or(|method| !method.practice);
    (content_sequence(slot) && on_subject) || (opening && method.is_some_and(reads))
}

/// Whether `slot` holds a content sequence (neither opening nor closing), or its first part.
fn content_sequence(slot: &Slot) -> bool {
    slot.part.is_none() && slot.phase.is_some_and(|phase| !phase.frames())
}
