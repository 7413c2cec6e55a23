//! What a method brings to a session of a given format, and who does what: a remote
//! session shows only the method's remote variant (no tape, chairs or sticky dots); a
//! hybrid one shows the room and the video call, with who looks after the people
//! connected; the roles are written for the facilitators actually there.

use super::document::{Line, plain};
use super::team::Cast;
use super::typography;
use crate::agenda::{Agenda, Role};
use crate::method::{Material, Method, Plenary, Step};
use crate::text::{Lang, Text};
use crate::vocabulary::{Format, Grouping};

/// Its variant in plenary by video, when the agenda's session, without breakout rooms,
/// runs it so.
fn plenary<'a>(method: &'a Method, agenda: &Agenda) -> Option<&'a Plenary> {
    method.plenary_by_video(agenda.format, agenda.breakout_rooms, agenda.participants)
}

/// The setups to describe, each with its label (`None` for onsite alone).
pub(super) fn setups<'a>(method: &'a Method, agenda: &Agenda) -> Vec<(Option<Text>, &'a Text)> {
    let remote = match plenary(method, agenda) {
        Some(plenary) => Some(&plenary.setup),
        None => method.remote.as_ref().map(|remote| &remote.setup),
    };
    match (agenda.format, remote) {
        (Format::Remote, Some(remote)) => vec![(None, remote)],
        (Format::Hybrid, Some(remote)) => vec![
            (Some(Text::new("Dans la salle", "In the room")), &method.setup),
            (Some(Text::new("À distance", "Remotely")), remote),
        ],
        _ => vec![(None, &method.setup)],
    }
}

/// The materials to prepare: the remote ones by video, both lists in hybrid.
pub(super) fn materials<'a>(method: &'a Method, agenda: &Agenda) -> Vec<&'a Material> {
    let remote = match plenary(method, agenda) {
        Some(plenary) => &plenary.materials[..],
        None => method.remote.as_ref().map_or(&[][..], |remote| &remote.materials[..]),
    };
    match agenda.format {
        Format::Remote if method.remote.is_some() => remote.iter().collect(),
        Format::Hybrid => method.materials.iter().chain(remote).collect(),
        _ => method.materials.iter().collect(),
    }
}

/// A material as the list says it, with its quantity for the group (so many for each of
/// the `pieces` of work on display, when it counts per piece). In a hybrid session the
/// remote items (breakout rooms, a whiteboard's frames) are for the people online only,
/// whose number the request does not give: they carry no count, and say for whom.
pub(super) fn material_line(
    material: &Material,
    method: &Method,
    agenda: &Agenda,
    pieces: Option<u32>,
    lang: Lang,
) -> (String, Option<u32>) {
    let name = material.name(lang).trim().to_string();
    let remote = method
        .remote
        .as_ref()
        .is_some_and(|remote| remote.materials.iter().any(|m| std::ptr::eq(m, material)));
    match agenda.format == Format::Hybrid && remote && material.per.is_some() {
        true => (
            format!("{name}{}", lang.pick(", pour les personnes à distance", ", for the people online")),
            None,
        ),
        false => (name, material.quantity_with(agenda.participants, pieces)),
    }
}

/// The steps to follow: those in plenary when the session runs it so, the remote ones by
/// video when the method has its own.
pub(super) fn steps<'a>(method: &'a Method, agenda: &Agenda) -> &'a [Step] {
    if let Some(plenary) = plenary(method, agenda) {
        return &plenary.steps;
    }
    match (agenda.format, &method.remote) {
        (Format::Remote, Some(remote)) if !remote.steps.is_empty() => &remote.steps,
        _ => &method.steps,
    }
}

/// Who does what, for the facilitators of the agenda: the method's own roles when it
/// says them (a method that runs itself), otherwise one leads and the others, if any,
/// support the groups or record; then who looks after the people connected.
///
/// When the facilitators' names are known (`cast`), the roles are theirs, one line each,
/// so that the lines say what « Qui fait quoi » says: the lead gives the instructions, the
/// others keep their role and support the groups or record.
pub(super) fn roles(method: &Method, agenda: &Agenda, cast: &[Cast], lang: Lang) -> Vec<Line> {
    let t = |fr: &'static str, en: &'static str| plain(lang.pick(fr, en));
    let team = agenda.facilitators;
    let in_groups = groupings(method, agenda)
        .iter()
        // Everyone moving to a wall (a vote, a grid) is no group work to visit.
        .any(|g| matches!(g, Grouping::Pairs | Grouping::Trios | Grouping::SmallGroups));
    if method.roles.is_empty() && cast.len() > 1 {
        let plenary = method.groupings.contains(&Grouping::Plenary);
        let remote = agenda.format == Format::Remote;
        return with_needs(named_roles(cast, in_groups, plenary, remote, lang), method, agenda, lang);
    }
    let mut lines: Vec<Line> = if method.roles.is_empty() {
        usual_roles(method, in_groups, team, agenda.format == Format::Remote, lang)
    } else {
        // The first line is the lead's; the others are for a team of two or more.
        let lines = if team <= 1 { 1 } else { method.roles.len() };
        method.roles.iter().take(lines).map(|role| plain(role.get(lang))).collect()
    };
    lines.push(match (agenda.format, team) {
        (Format::Onsite, _) => return with_needs(lines, method, agenda, lang),
        (Format::Remote, 1) if !in_groups => t(
            "À distance et seul ou seule : demandez à un participant volontaire de veiller sur la discussion écrite et de vous signaler les mains levées.",
            "Remotely and on your own: ask a volunteer participant to watch the chat and point out raised hands.",
        ),
        (Format::Remote, 1) => t(
            "À distance et seul ou seule : préparez les salles de sous-groupes avant la séance et demandez à un participant volontaire de veiller sur la discussion écrite.",
            "Remotely and on your own: set up the breakout rooms before the session and ask a volunteer participant to watch the chat.",
        ),
        (Format::Remote, _) => t(
            "À distance, un facilitateur gère les salles de sous-groupes, la discussion écrite et l'aide technique.",
            "Remotely, one facilitator runs the breakout rooms, the chat and technical help.",
        ),
        (_, team) if in_groups => hybrid_groups(team, agenda.breakout_rooms, lang),
        (_, 1) => t(
            "En hybride et seul ou seule : désignez dans la salle un participant relais des personnes connectées (son, discussion écrite, tour de parole) et donnez-leur la parole en premier à chaque tour.",
            "In hybrid and on your own: ask a participant in the room to speak for the people connected (sound, chat, turn to speak) and give them the floor first in each round.",
        ),
        _ => t(
            "En hybride, un facilitateur est le relais des personnes connectées : il suit la discussion écrite, leur donne la parole et veille au son et à l'image.",
            "In hybrid, one facilitator speaks for the people connected: follows the chat, gives them the floor and looks after sound and picture.",
        ),
    });
    with_needs(lines, method, agenda, lang)
}

/// The group configurations the method uses in this session.
pub(super) fn groupings<'a>(method: &'a Method, agenda: &Agenda) -> &'a [Grouping] {
    if let Some(plenary) = plenary(method, agenda) {
        return &plenary.groupings;
    }
    match (agenda.format, &method.remote) {
        (Format::Remote, Some(remote)) if !remote.groupings.is_empty() => &remote.groupings,
        _ => &method.groupings,
    }
}

/// Each named facilitator's line: the lead frames, the first of the others records in
/// plenary (on the shared board only, when everyone is `remote`), and all the others
/// support the groups while they work.
fn named_roles(cast: &[Cast], in_groups: bool, plenary: bool, remote: bool, lang: Lang) -> Vec<Line> {
    let board = plenary_board(remote, lang);
    let records = match lang {
        Lang::Fr => format!("note les apports de la plénière {board}"),
        Lang::En => format!("records the plenary's contributions {board}"),
    };
    let mut supporters = 0;
    cast.iter()
        .map(|member| {
            let mut duties: Vec<&str> = Vec::new();
            if member.role == Role::Lead {
                let frames = lang.pick(
                    "donne les consignes, garde le cadre et relance le groupe",
                    "gives the instructions, holds the frame and keeps the group going",
                );
                return plain(format!(
                    "{} {}{}{frames}.",
                    member.name,
                    member.role.label(lang),
                    lang.pick(" : ", ": ")
                ));
            } else {
                duties.push(member.role.label(lang));
                if in_groups {
                    duties.push(lang.pick(
                        "circule entre les groupes pour que chacun ait la parole",
                        "moves between the groups so that everyone gets to speak",
                    ));
                }
                if plenary && supporters == 0 {
                    duties.push(&records);
                }
                supporters += 1;
            }
            let and = typography::and_list(&duties, lang);
            plain(format!("{} {and}.", member.name))
        })
        .collect()
}

/// Who looks after the people connected to a hybrid session while the room works in
/// groups: they make one more group of their own (in breakout rooms, when the session has
/// them and they are enough for several), on the shared board, not an audience listening
/// to the room.
fn hybrid_groups(team: u32, breakout_rooms: bool, lang: Lang) -> Line {
    let (work, rooms) = match lang {
        Lang::Fr => (
            "les personnes connectées travaillent entre elles, en un groupe de plus",
            " (en salles de sous-groupes si elles sont assez nombreuses pour plusieurs groupes)",
        ),
        Lang::En => (
            "the people connected work together, as one more group",
            " (in breakout rooms if there are enough of them for several groups)",
        ),
    };
    let rooms = if breakout_rooms { rooms } else { "" };
    plain(match (lang, team) {
        (Lang::Fr, 1) => format!(
            "En hybride et seul ou seule : {work}{rooms}, sur le support partagé ; désignez dans la salle un participant relais (son, discussion écrite, tour de parole) et donnez-leur la parole en premier en plénière."
        ),
        (Lang::En, 1) => format!(
            "In hybrid and on your own: {work}{rooms}, on the shared board; ask a participant in the room to speak for them (sound, chat, turn to speak) and give them the floor first in plenary."
        ),
        (Lang::Fr, _) => format!(
            "En hybride, {work}{rooms}, sur le support partagé ; un facilitateur est leur relais : il les accompagne pendant le travail en groupes, leur donne la parole en premier en plénière et veille au son et à l'image."
        ),
        (Lang::En, _) => format!(
            "In hybrid, {work}{rooms}, on the shared board; one facilitator looks after them: stays with them during the group work, gives them the floor first in plenary and looks after sound and picture."
        ),
    })
}

/// Where the plenary's contributions are recorded: on the wall or the shared board, on
/// the shared board alone when everyone is `remote`.
fn plenary_board(remote: bool, lang: Lang) -> &'static str {
    match remote {
        true => lang.pick("sur le support partagé", "on the shared board"),
        false => lang.pick("au mur ou sur le support partagé", "on the wall or the shared board"),
    }
}

/// One lead, and what the others do when there are others; when everyone is `remote`,
/// the plenary is recorded on the shared board, there is no wall.
fn usual_roles(method: &Method, in_groups: bool, team: u32, remote: bool, lang: Lang) -> Vec<Line> {
    let t = |fr: &'static str, en: &'static str| plain(lang.pick(fr, en));
    if team <= 1 {
        let mut lines = vec![t(
            "Vous menez la séquence : vous donnez les consignes, tenez le temps et gardez le cadre.",
            "You lead the sequence: give the instructions, keep time and hold the frame.",
        )];
        if in_groups {
            lines.push(t(
                "Pendant le travail en groupes, passez d'un groupe à l'autre sans vous y installer.",
                "While the groups work, go from one group to the next without settling in any.",
            ));
        }
        return lines;
    }
    let mut lines = vec![t(
        "Un facilitateur mène la séquence : il donne les consignes, tient le temps et garde le cadre.",
        "One facilitator leads the sequence: gives the instructions, keeps time and holds the frame.",
    )];
    if in_groups {
        lines.push(match team {
            2 => t(
                "L'autre circule entre les groupes, reformule la consigne si besoin et veille à ce que chacun ait la parole.",
                "The other moves between the groups, restates the instructions when needed and makes sure everyone gets to speak.",
            ),
            _ => t(
                "Les autres circulent entre les groupes, reformulent la consigne si besoin et veillent à ce que chacun ait la parole.",
                "The others move between the groups, restate the instructions when needed and make sure everyone gets to speak.",
            ),
        });
    }
    if method.groupings.contains(&Grouping::Plenary) {
        let who = match team {
            2 => lang.pick("l'autre", "the other"),
            _ => lang.pick("l'un des autres", "one of the others"),
        };
        let board = plenary_board(remote, lang);
        lines.push(plain(match lang {
            Lang::Fr => format!("En plénière, {who} note les apports {board}."),
            Lang::En => format!("In plenary, {who} records the contributions {board}."),
        }));
    }
    lines
}

/// Adds how many facilitators the method needs for the group, when more than one.
fn with_needs(mut lines: Vec<Line>, method: &Method, agenda: &Agenda, lang: Lang) -> Vec<Line> {
    let needed = method.facilitators_for(agenda.participants);
    if needed > 1 {
        lines.push(plain(match lang {
            Lang::Fr => format!(
                "Pour {} participants, cette séquence demande au moins {needed} facilitateurs.",
                agenda.participants
            ),
            Lang::En => {
                format!(
                    "For {} participants, this sequence needs at least {needed} facilitators.",
                    agenda.participants
                )
            }
        }));
    }
    lines
}
