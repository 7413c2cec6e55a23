//! Who does what among the facilitators, by name: the agenda's `team` when the
//! mobilisation fixed it, otherwise the request's `facilitator_names`, the lead passing
//! from one to the next at each sequence so that everyone leads something; by video, one
//! of them hosts the people online all session long and leads nothing.

use crate::agenda::{Agenda, Role};
use crate::text::Lang;
use crate::vocabulary::Format;

/// One facilitator and their role in a sequence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Cast {
    /// Their name (or roster id when no name is known).
    pub name: String,
    /// Their role.
    pub role: Role,
}

/// The names the kit can use: the team's, else the request's.
pub(super) fn names(agenda: &Agenda, requested: &[String]) -> Vec<String> {
    if agenda.team.is_empty() {
        requested.iter().map(|name| name.trim().to_string()).filter(|name| !name.is_empty()).collect()
    } else {
        agenda.team.iter().map(|member| member_name(&member.name, &member.id)).collect()
    }
}

fn member_name(name: &str, id: &str) -> String {
    if name.trim().is_empty() { id.to_string() } else { name.trim().to_string() }
}

/// The roles of sequence number `index` (0 for the first method).
pub(super) fn cast(agenda: &Agenda, requested: &[String], index: usize) -> Vec<Cast> {
    if !agenda.team.is_empty() {
        let mut cast: Vec<Cast> = agenda
            .team
            .iter()
            .map(|member| Cast { name: member_name(&member.name, &member.id), role: member.role })
            .collect();
        cast.sort_by_key(|member| member.role);
        return cast;
    }
    let mut names = names(agenda, requested);
    if names.is_empty() {
        return Vec::new();
    }
    // By video, the people online keep one host all session long (the last name), who never
    // leads at the same time: the lead passes among the others.
    let host = (agenda.format != Format::Onsite && names.len() > 1).then(|| names.pop()).flatten();
    let lead = index % names.len();
    let others = names.iter().cycle().skip(lead + 1).take(names.len() - 1);
    let mut cast = vec![Cast { name: names[lead].clone(), role: Role::Lead }];
    cast.extend(host.map(|name| Cast { name, role: Role::RemoteHost }));
    for (i, name) in others.enumerate() {
        let role = if i == 0 { Role::TimeKeeper } else { Role::CoFacilitator };
        cast.push(Cast { name: name.clone(), role });
    }
    cast
}

/// « Camille anime ; Sacha garde le temps. »
pub(super) fn sentence(cast: &[Cast], lang: Lang) -> String {
    let parts: Vec<String> =
        cast.iter().map(|member| format!("{} {}", member.name, member.role.label(lang))).collect();
    format!("{}.", parts.join(lang.pick(" ; ", "; ")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::Agenda;

    fn agenda(format: Format) -> Agenda {
        Agenda {
            title: "x".into(),
            date: None,
            start: "09:00".parse().unwrap(),
            end: "10:00".parse().unwrap(),
            participants: 10,
            facilitators: 3,
            format,
            breakout_rooms: false,
            objectives: vec![],
            seed: None,
            slots: vec![],
            team: vec![],
        }
    }

    #[test]
    fn the_lead_passes_from_one_facilitator_to_the_next() {
        let names = vec!["Aline".to_string(), "Bastien".to_string(), "Chloé".to_string()];
        let leads: Vec<String> =
            (0..4).map(|i| cast(&agenda(Format::Onsite), &names, i)[0].name.clone()).collect();
        assert_eq!(leads, ["Aline", "Bastien", "Chloé", "Aline"]);
        let second = cast(&agenda(Format::Hybrid), &names, 1);
        assert_eq!(
            second.iter().map(|c| (c.name.as_str(), c.role)).collect::<Vec<_>>(),
            [("Bastien", Role::Lead), ("Chloé", Role::RemoteHost), ("Aline", Role::TimeKeeper)]
        );
    }

    #[test]
    fn by_video_one_facilitator_hosts_the_people_online_all_session_and_leads_nothing() {
        let names = vec!["Agathe".to_string(), "Hugo".to_string()];
        for index in 0..4 {
            let cast = cast(&agenda(Format::Hybrid), &names, index);
            let roles: Vec<(&str, Role)> = cast.iter().map(|c| (c.name.as_str(), c.role)).collect();
            assert_eq!(roles, [("Agathe", Role::Lead), ("Hugo", Role::RemoteHost)], "sequence {index}");
        }
    }
}
