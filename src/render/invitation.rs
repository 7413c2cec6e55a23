//! The participants' invitation: a short text to paste into an email or print (why, when,
//! where, what to bring). When service users take part it is written the FALC way (facile
//! à lire et à comprendre): short sentences, one idea per line, no abbreviation, and the
//! kit prints it in large type.

use super::deroule::{colon, day};
use super::document::{Block, Document, Line, Span, labelled, plain};
use super::{typography, wording};
use crate::planner::Plan;
use crate::text::Lang;
use crate::vocabulary::{Format, Phase};

/// The invitation to send to the participants.
///
/// ```
/// use facilitation::{render, Catalogue, Lang, Planner, Request};
/// use facilitation::vocabulary::Profile;
/// let request = Request::builder("Atelier").time("14:00", "16:00").participants(20)
///     .profile(Profile::Users).objective("share-practices").build()?;
/// let plan = Planner::new(Catalogue::builtin()).plan(&request)?;
/// assert!(render::invitation(&plan, Lang::Fr).to_markdown().contains("Votre avis compte"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn invitation(plan: &Plan, lang: Lang) -> Document {
    let mut doc =
        Document::new(lang, format!("{}{}", lang.pick("Invitation : ", "Invitation: "), plan.agenda.title));
    if is_easy_to_read(plan) {
        easy_to_read(&mut doc, plan, lang);
    } else {
        ordinary(&mut doc, plan, lang);
    }
    typography::typeset_document(&mut doc);
    doc
}

/// Whether the invitation is written the FALC way: when service users take part.
pub fn is_easy_to_read(plan: &Plan) -> bool {
    plan.request.with_users()
}

fn when(plan: &Plan, lang: Lang) -> String {
    let agenda = &plan.agenda;
    let (start, end) = (typography::clock(agenda.start, lang), typography::clock(agenda.end, lang));
    match (&agenda.date, lang) {
        (Some(date), Lang::Fr) => format!("le {}, de {start} à {end}", day(date, lang)),
        (Some(date), Lang::En) => format!("on {}, from {start} to {end}", day(date, lang)),
        (None, Lang::Fr) => format!("de {start} à {end} (la date vous sera confirmée)"),
        (None, Lang::En) => format!("from {start} to {end} (the date will be confirmed)"),
    }
}

/// What the group will leave with, in plain words, one per objective.
fn outcomes(plan: &Plan, lang: Lang) -> Vec<Line> {
    plan.agenda
        .objectives
        .iter()
        .filter(|o| {
            plan.agenda.method_slots().any(|s| s.objectives.contains(o) && s.phase != Some(Phase::Closing))
        })
        .filter_map(|o| wording::produces(*o))
        .map(|text| plain(text.get(lang)))
        .collect()
}

/// Where, as the invitation can say it.
fn place(format: Format, lang: Lang) -> &'static str {
    match format {
        Format::Remote => lang.pick(
            "en visioconférence (le lien de connexion est joint)",
            "by video call (the link is attached)",
        ),
        Format::Hybrid => lang.pick(
            "en salle ou en visioconférence, au choix (l'adresse et le lien sont joints)",
            "in the room or by video call, as you prefer (address and link attached)",
        ),
        _ => lang.pick("à l'adresse jointe à ce message", "at the address attached to this message"),
    }
}

fn bring(format: Format, lang: Lang) -> &'static str {
    match format {
        Format::Remote => lang.pick(
            "un ordinateur ou une tablette avec caméra et micro, dans un endroit calme ; le lien de connexion arrive avec ce message",
            "a computer or tablet with camera and microphone, in a quiet place; the link comes with this message",
        ),
        _ => lang.pick(
            "rien de particulier, le matériel est fourni ; venez avec votre expérience",
            "nothing special, materials are provided; bring your experience",
        ),
    }
}

fn ordinary(doc: &mut Document, plan: &Plan, lang: Lang) {
    let agenda = &plan.agenda;
    doc.push(Block::Paragraph(plain(lang.pick("Bonjour,", "Hello,"))));
    let text = match lang {
        Lang::Fr => format!(
            "Nous vous invitons à la séance de travail « {} », {}, {}.",
            agenda.title,
            when(plan, lang),
            place(agenda.format, lang)
        ),
        Lang::En => format!(
            "You are invited to the working session “{}”, {}, {}.",
            agenda.title,
            when(plan, lang),
            place(agenda.format, lang)
        ),
    };
    doc.push(Block::Paragraph(plain(text)));
    doc.push(Block::Paragraph(plain(lang.pick(
        "La séance est animée par des facilitateurs du réseau Facilit'Ensemble de la Ville de Paris : chacun y a la parole, et ensemble nous repartirons avec :",
        "It is facilitated by the City of Paris's Facilit'Ensemble network: everyone has a say, and together we will leave with:",
    ))));
    doc.push(Block::List(outcomes(plan, lang)));
    doc.push(Block::Paragraph(labelled(
        lang.pick("À apporter", "What to bring"),
        colon(lang, &format!("{}.", bring(agenda.format, lang))),
    )));
    doc.push(Block::Paragraph(plain(reply(plan, lang))));
}

fn reply(plan: &Plan, lang: Lang) -> String {
    let who = plan.request.requester.as_ref().map(|r| r.name.trim()).filter(|name| !name.is_empty());
    match (who, lang) {
        (Some(name), Lang::Fr) => format!("Merci de confirmer votre venue auprès de {name}, et de lui signaler tout besoin d'accessibilité (accès, audition, vue, langue)."),
        (Some(name), Lang::En) => format!("Please confirm to {name} that you will come, and tell them of any accessibility need (access, hearing, sight, language)."),
        (None, Lang::Fr) => "Merci de confirmer votre venue en répondant à ce message, et de nous signaler tout besoin d'accessibilité (accès, audition, vue, langue).".to_string(),
        (None, Lang::En) => "Please confirm that you will come by replying to this message, and tell us of any accessibility need (access, hearing, sight, language).".to_string(),
    }
}

/// The FALC way: one idea per line, a question as each heading, the same words each time.
fn easy_to_read(doc: &mut Document, plan: &Plan, lang: Lang) {
    let agenda = &plan.agenda;
    let say = |doc: &mut Document, fr: &str, en: &str| doc.push(Block::Paragraph(plain(lang.pick(fr, en))));
    say(doc, "Bonjour,", "Hello,");
    say(doc, "Nous vous invitons à une réunion de travail.", "We invite you to a working meeting.");
    say(
        doc,
        "Votre avis compte autant que celui des professionnels.",
        "Your view counts as much as the professionals' views.",
    );
    doc.heading(2, lang.pick("Quand ?", "When?"));
    let date = agenda.date.as_deref().map(|d| day(d, lang));
    if let Some(date) = date {
        doc.push(Block::Paragraph(plain(format!("{} {date}.", lang.pick("Le", "On")))));
    }
    let hours = match lang {
        Lang::Fr => {
            format!("De {} à {}.", typography::clock(agenda.start, lang), typography::clock(agenda.end, lang))
        }
        Lang::En => format!(
            "From {} to {}.",
            typography::clock(agenda.start, lang),
            typography::clock(agenda.end, lang)
        ),
    };
    doc.push(Block::Paragraph(plain(hours)));
    if agenda.slots.iter().any(|slot| slot.kind.is_pause()) {
        say(doc, "Il y a une pause.", "There is a break.");
    }
    doc.heading(2, lang.pick("Où ?", "Where?"));
    let where_ = match agenda.format {
        Format::Remote => lang.pick(
            "Sur internet, en vidéo. Vous recevrez un lien pour vous connecter.",
            "On the internet, by video. You will receive a link to join.",
        ),
        _ => lang.pick(
            "L'adresse vous sera donnée avec cette invitation.",
            "The address comes with this invitation.",
        ),
    };
    say(doc, where_, where_);
    doc.heading(2, lang.pick("Pourquoi ?", "Why?"));
    doc.push(Block::Paragraph(plain(together(plan, lang))));
    say(doc, "À la fin, nous aurons :", "At the end, we will have:");
    doc.push(Block::List(outcomes(plan, lang)));
    doc.heading(2, lang.pick("Comment ?", "How?"));
    say(doc, "Nous parlons en petits groupes et tous ensemble.", "We talk in small groups and all together.");
    say(doc, "Vous n'avez rien à préparer.", "You do not need to prepare anything.");
    say(doc, "Vous n'aurez presque rien à écrire.", "You will hardly need to write anything.");
    doc.heading(2, lang.pick("Vous avez une question ?", "Do you have a question?"));
    let help = lang.pick(
        "Vous avez besoin d'aide pour venir ? Vous entendez mal, vous voyez mal, vous êtes en fauteuil ? Dites-le-nous.",
        "Do you need help to come? Do you have trouble hearing or seeing, or use a wheelchair? Tell us.",
    );
    doc.push(Block::Paragraph(vec![Span::Strong(help.to_string())]));
    doc.push(Block::Paragraph(plain(reply(plan, lang))));
}

/// « Pour travailler ensemble : agents, partenaires et usagers. »
fn together(plan: &Plan, lang: Lang) -> String {
    let who: Vec<String> = plan.request.profiles.iter().map(|p| p.label(lang).to_lowercase()).collect();
    let who: Vec<&str> = who.iter().map(String::as_str).collect();
    let lead = lang.pick("Pour travailler ensemble", "To work together");
    if who.is_empty() {
        format!("{lead}.")
    } else {
        format!("{lead}{}{}.", colon(lang, ""), typography::and_list(&who, lang))
    }
}
