//! The déroulé a facilitator prints: header, timeline, table of slots, each method in
//! detail with its steps on the clock, materials to bring, room setups, and why each
//! choice was made.

use super::document::{Block, Document, Line, Row, Segment, Span, labelled, plain};
use super::objective_labels;
use super::steps::{TimedStep, timed_steps};
use super::variant;
use crate::agenda::{Agenda, Slot, SlotKind};
use crate::analysis::Question;
use crate::catalogue::Catalogue;
use crate::craft::CraftReport;
use crate::method::Method;
use crate::planner::{Plan, Reason};
use crate::text::Lang;
use crate::text::Localize;
use crate::vocabulary::Grouping;

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
/// assert!(text.contains("14:00") && text.contains("Pourquoi ces choix"));
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
    doc.heading(2, t(lang, "Déroulé", "Agenda"));
    doc.push(Block::Timeline(segments(agenda, catalogue, lang)));
    doc.push(table(agenda, catalogue, lang));
    doc.heading(2, t(lang, "Déroulé détaillé", "Step by step"));
    for block in details(agenda, catalogue, lang) {
        doc.push(block);
    }
    materials_and_setups(&mut doc, agenda, catalogue, lang);
    if let Some(plan) = plan {
        reasons(&mut doc, plan, catalogue, lang);
        questions(&mut doc, &plan.questions, &plan.craft, lang);
    }
    doc
}

fn header(agenda: &Agenda, lang: Lang, plan: Option<&Plan>) -> Vec<Line> {
    let mut lines = Vec::new();
    if let Some(date) = &agenda.date {
        lines.push(labelled("Date", colon(lang, date)));
    }
    let minutes = agenda.minutes();
    let span = colon(lang, &format!("{}–{} ({})", agenda.start, agenda.end, duration(minutes)));
    lines.push(labelled(t(lang, "Horaires", "Time"), span));
    if let Some(requester) = plan.and_then(|plan| plan.request.requester.as_ref()) {
        let who = [requester.name.as_str(), requester.service.as_str()]
            .iter()
            .filter(|part| !part.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        lines.push(labelled(t(lang, "Porteur de projet", "Project lead"), colon(lang, &who)));
    }
    let mut people = colon(lang, &agenda.participants.to_string());
    if let Some(profiles) = plan.map(|plan| &plan.request.profiles).filter(|p| !p.is_empty()) {
        let labels: Vec<&str> = profiles.iter().map(|profile| profile.label(lang)).collect();
        people += &format!(" ({})", labels.join(", "));
    }
    lines.push(labelled("Participants", people));
    lines.push(labelled("Format", colon(lang, agenda.format.label(lang))));
    lines.push(labelled(
        t(lang, "Facilitateurs", "Facilitators"),
        colon(lang, &agenda.facilitators.to_string()),
    ));
    if let Some(seed) = agenda.seed {
        let again = t(lang, "pour replanifier ce même déroulé", "to plan this same agenda again");
        lines.push(labelled(
            t(lang, "Graine", "Seed"),
            colon(lang, &format!("{seed} ({again}{})", colon(lang, &format!("--seed {seed}")))),
        ));
    }
    lines
}

fn duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m:02}"),
    }
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
                if line.exact {
                    plain(read)
                } else {
                    vec![Span::Emphasis(format!("« {} »", line.text)), Span::Plain(format!(" → {read}"))]
                }
            })
            .collect(),
        _ => agenda.objectives.iter().map(|objective| plain(objective.label(lang))).collect(),
    };
    doc.push(Block::List(lines));
}

/// What a slot is called in the table, the timeline and the details.
fn slot_name(slot: &Slot, catalogue: &Catalogue, lang: Lang) -> String {
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
                Some(part) => format!("{name} ({} {part})", t(lang, "partie", "part")),
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
            start: slot.start.to_string(),
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
                (_, Some(method)) => super::grouping_labels(&method.groupings, lang),
                _ => String::new(),
            };
            // A later part uses what the first part brought.
            let materials = match (method, slot.part) {
                (Some(method), None) => material_names(method, agenda, lang),
                _ => String::new(),
            };
            Row {
                cells: vec![
                    format!("{}–{}", slot.start, slot.end),
                    slot.minutes.to_string(),
                    slot.phase.map(|phase| phase.label(lang).to_string()).unwrap_or_default(),
                    slot_name(slot, catalogue, lang),
                    objective_labels(&slot.objectives, lang),
                    grouping,
                    materials,
                ],
                phase: slot.phase,
            }
        })
        .collect();
    Block::Table { head: head.iter().map(|h| h.to_string()).collect(), rows }
}

/// A method's materials with their quantities for the group, on one line.
fn material_names(method: &Method, agenda: &Agenda, lang: Lang) -> String {
    variant::materials(method, agenda.format)
        .iter()
        .map(|m| with_quantity(m.name(lang), m.quantity_for(agenda.participants)))
        .collect::<Vec<_>>()
        .join(t(lang, " ; ", "; "))
}

fn with_quantity(name: &str, quantity: Option<u32>) -> String {
    match quantity {
        Some(quantity) => format!("{name} × {quantity}"),
        None => name.to_string(),
    }
}

/// One block per slot that needs explaining: the welcome, and each method with all its
/// parts together.
fn details(agenda: &Agenda, catalogue: &Catalogue, lang: Lang) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut done: Vec<&str> = Vec::new();
    for slot in &agenda.slots {
        match (slot.kind, &slot.method) {
            (SlotKind::Welcome, _) => blocks.push(welcome(slot, lang)),
            (SlotKind::Method, Some(id)) if !done.contains(&id.as_str()) => {
                done.push(id.as_str());
                let parts: Vec<&Slot> =
                    agenda.method_slots().filter(|s| s.method.as_ref() == Some(id)).collect();
                match catalogue.get(id.as_str()) {
                    Some(method) => blocks.push(method_detail(method, &parts, agenda, lang)),
                    None => blocks.push(Block::Paragraph(labelled(
                        id.as_str(),
                        t(lang, " : méthode absente du catalogue.", ": method not in the catalogue."),
                    ))),
                }
            }
            _ => {}
        }
    }
    blocks
}

fn welcome(slot: &Slot, lang: Lang) -> Block {
    let rules = GROUND_RULES
        .iter()
        .zip(GROUND_RULE_MEANINGS)
        .map(|(rule, (fr, en))| labelled(*rule, format!(" — {}", lang.pick(fr, en))))
        .collect();
    Block::Keep(vec![
        Block::Heading {
            level: 3,
            text: format!(
                "{}–{} · {} ({} min)",
                slot.start,
                slot.end,
                t(lang, "Accueil et cadre", "Welcome and ground rules"),
                slot.minutes
            ),
        },
        Block::Paragraph(plain(t(
            lang,
            "Le porteur de projet souhaite la bienvenue et rappelle pourquoi le groupe est réuni ; les facilitateurs présentent les objectifs, le déroulé de la séance et le cadre de travail du réseau, que chacun accepte avant de commencer :",
            "The project lead welcomes everyone and recalls why the group is gathered; the facilitators present the objectives, the agenda and the network's ground rules, which everyone agrees to before starting:",
        ))),
        Block::List(rules),
    ])
}

fn method_detail(method: &Method, parts: &[&Slot], agenda: &Agenda, lang: Lang) -> Block {
    let first = parts[0];
    let last = parts[parts.len() - 1];
    let minutes: u32 = parts.iter().map(|slot| slot.minutes).sum();
    let phase = first.phase.map(|phase| format!(" — {}", phase.label(lang))).unwrap_or_default();
    let title = format!("{}–{} · {} ({minutes} min){phase}", first.start, last.end, method.name.get(lang));
    let mut blocks =
        vec![Block::Heading { level: 3, text: title }, Block::Paragraph(plain(method.summary.get(lang)))];
    if !first.objectives.is_empty() {
        let served = objective_labels(&first.objectives, lang);
        blocks.push(Block::Paragraph(labelled(
            t(lang, "Objectifs servis", "Objectives served"),
            colon(lang, &served),
        )));
    }
    for (room, setup) in variant::setups(method, agenda.format) {
        let label = t(lang, "Installation", "Setup");
        let label =
            room.map_or(label.to_string(), |room| format!("{label} ({})", room.get(lang).to_lowercase()));
        blocks.push(Block::Paragraph(labelled(label, colon(lang, setup.get(lang)))));
    }
    steps(&mut blocks, method, parts, agenda, lang);
    blocks.push(Block::Paragraph(plain(t(lang, "Rôles des facilitateurs :", "Facilitators' roles:"))));
    blocks.push(Block::List(variant::roles(method, agenda, lang)));
    if !variant::materials(method, agenda.format).is_empty() {
        blocks.push(Block::Paragraph(labelled(
            t(lang, "Matériel", "Materials"),
            colon(lang, &material_names(method, agenda, lang)),
        )));
    }
    if !method.tips.is_empty() {
        blocks.push(Block::Paragraph(plain(t(lang, "Conseils :", "Tips:"))));
        blocks.push(Block::List(method.tips.iter().map(|tip| plain(tip.get(lang))).collect()));
    }
    Block::Keep(blocks)
}

fn colon(lang: Lang, text: &str) -> String {
    format!("{}{text}", t(lang, " : ", ": "))
}

/// The steps on the clock, part by part for a split method.
fn steps(blocks: &mut Vec<Block>, method: &Method, parts: &[&Slot], agenda: &Agenda, lang: Lang) {
    let timed = timed_steps(method, variant::steps(method, agenda.format), parts, agenda.participants);
    for (i, (slot, steps)) in parts.iter().zip(&timed).enumerate() {
        if parts.len() > 1 {
            let part = format!("{} {} ({}–{})", t(lang, "Partie", "Part"), i + 1, slot.start, slot.end);
            blocks.push(Block::Paragraph(vec![Span::Strong(part)]));
        }
        blocks.push(Block::Numbered(steps.iter().map(|step| step_line(step, lang)).collect()));
    }
}

fn step_line(step: &TimedStep, lang: Lang) -> Line {
    let text = step.text.get(lang);
    let continued = if step.continued { t(lang, "(suite) ", "(continued) ") } else { "" };
    labelled(format!("{}–{} ({} min)", step.start, step.end, step.minutes), format!(" — {continued}{text}"))
}

/// Every item to bring once, with the largest quantity any method needs (items are used
/// again from one method to the next), and the room setup of each method.
fn materials_and_setups(doc: &mut Document, agenda: &Agenda, catalogue: &Catalogue, lang: Lang) {
    let methods = methods_in_order(agenda, catalogue);
    let mut items: Vec<(String, Option<u32>, Vec<&str>)> = Vec::new();
    for method in &methods {
        for material in variant::materials(method, agenda.format) {
            let name = material.name(lang).trim();
            let quantity = material.quantity_for(agenda.participants);
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
        .flat_map(|m| {
            variant::setups(m, agenda.format).into_iter().map(move |(room, setup)| (m, room, setup))
        })
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
    doc.heading(2, t(lang, "Pourquoi ces choix", "Why these choices"));
    let lines = plan.reasons.iter().map(|reason| reason_line(reason, plan, catalogue, lang)).collect();
    doc.push(Block::List(lines));
    let score = format!("{:.1}", plan.score.total());
    let score = if lang == Lang::Fr { score.replace('.', ",") } else { score };
    doc.push(Block::Paragraph(labelled(
        t(lang, "Note du déroulé", "Agenda score"),
        format!("{}{score} / 100", t(lang, " : ", ": ")),
    )));
}

fn reason_line(reason: &Reason, plan: &Plan, catalogue: &Catalogue, lang: Lang) -> Line {
    let method = catalogue.get(reason.method.as_str());
    let name = method.map_or(reason.method.as_str(), |m| m.name.get(lang));
    let n = plan.agenda.participants;
    let mut text = match lang {
        Lang::Fr => format!("phase « {} »", reason.phase.label(lang).to_lowercase()),
        Lang::En => format!("{} phase", reason.phase.label(lang).to_lowercase()),
    };
    if !reason.objectives.is_empty() {
        text +=
            &format!("{}{}", t(lang, " ; sert : ", "; serves: "), objective_labels(&reason.objectives, lang));
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

/// The questions for the project lead, then the points to watch: the request's and the
/// craft rules the agenda had to break.
fn questions(doc: &mut Document, questions: &[Question], craft: &CraftReport, lang: Lang) {
    let (to_ask, warnings): (Vec<&Question>, Vec<&Question>) =
        questions.iter().partition(|q| matches!(q, Question::Unclear { .. } | Question::Confirm { .. }));
    if !to_ask.is_empty() {
        doc.heading(3, t(lang, "Questions au porteur de projet", "Questions for the project lead"));
        doc.push(Block::List(to_ask.iter().map(|q| plain(q.text(lang))).collect()));
    }
    let mut watch: Vec<String> = warnings.iter().map(|q| q.text(lang)).collect();
    watch.extend(craft.points.iter().map(|point| point.text(lang)));
    if !watch.is_empty() {
        doc.heading(3, t(lang, "Points d'attention", "Points to watch"));
        doc.push(Block::List(watch.into_iter().map(plain).collect()));
    }
}
