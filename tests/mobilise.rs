//! Allocation: every team keeps the hard rules, the search is exact (checked against the
//! enumeration of every team), and a refusal says why.

use facilitation::mobilise::{Allocator, MobiliseError, Need, Usage};
use facilitation::roster::{Facilitator, Roster};
use facilitation::{Format, Lang, Level, Localize, MethodId, Request, Requester, Role, TeamMember};
use proptest::prelude::*;

const SERVICES: [&str; 4] = ["autonomie", "enfance", "insertion", "sante"];

fn facilitator(i: usize, service: &str, promotion: u32, level: Level, formats: Vec<Format>) -> Facilitator {
    Facilitator {
        id: format!("f{i:02}"),
        name: format!("Personne {i}"),
        service: service.to_string(),
        promotion,
        days: 6.0,
        level,
        methods: vec![],
        formats,
        unavailable: vec![],
    }
}

fn need(service: &str, size: u32, format: Format, minutes: u32) -> Need {
    let mut request = Request::builder("Atelier")
        .start_for("09:30", minutes)
        .date("2027-04-01")
        .participants(20)
        .facilitators(size)
        .format(format)
        .objective("review")
        .build()
        .unwrap();
    request.requester = Some(Requester { name: String::new(), service: service.to_string() });
    Need::from_request(&request, 2027).unwrap()
}

/// Every hard rule, restated from the issue, for a team proposed for `need`.
fn keeps_hard_rules(roster: &Roster, usage: &Usage, need: &Need, team: &[TeamMember]) -> bool {
    let members: Vec<&Facilitator> = team.iter().map(|m| roster.get(&m.id).unwrap()).collect();
    let lead = team.iter().position(|m| m.role == Role::Lead).map(|i| members[i]);
    team.len() == need.size
        && members.iter().all(|f| {
            usage.quarters(&f.id) + need.cost <= f.quota_quarters()
                && f.subdirectorate() != need.subdirectorate.as_deref()
                && need.date.as_deref().is_none_or(|d| !f.unavailable.iter().any(|u| u == d))
                && f.formats.contains(&need.format)
        })
        && lead.is_some_and(|lead| {
            need.methods.iter().all(|(id, level)| lead.methods.contains(id) || *level <= lead.level)
        })
}

/// The best score over every team of `need.size` and every choice of lead.
fn brute_force(roster: &Roster, usage: &Usage, need: &Need) -> Option<i64> {
    let allocator = Allocator::new(roster, usage, need);
    let n = roster.facilitators.len();
    let mut best = None;
    for mask in 0u32..(1 << n) {
        if mask.count_ones() as usize != need.size {
            continue;
        }
        let chosen: Vec<&Facilitator> =
            (0..n).filter(|i| mask & (1 << i) != 0).map(|i| &roster.facilitators[i]).collect();
        for lead in 0..chosen.len() {
            let team: Vec<TeamMember> = chosen
                .iter()
                .enumerate()
                .map(|(i, f)| TeamMember {
                    id: f.id.clone(),
                    name: f.name.clone(),
                    role: if i == lead { Role::Lead } else { Role::CoFacilitator },
                })
                .collect();
            best = best.max(allocator.score(&team));
        }
    }
    best
}

fn small_instance() -> impl Strategy<Value = (Roster, Usage, Need)> {
    let person = (
        0..4usize,
        prop::sample::select(vec![2023u32, 2025, 2026]),
        0..3usize,
        any::<bool>(),
        0..25u32,
        any::<bool>(),
    );
    (prop::collection::vec(person, 1..9), 1..4u32, 0..4usize, any::<bool>(), 0..3usize).prop_map(
        |(people, size, requester, remote, hardest)| {
            let mut usage = Usage::default();
            let facilitators = people
                .iter()
                .enumerate()
                .map(|(i, &(service, promotion, level, remote_ok, used, away))| {
                    let formats =
                        if remote_ok { vec![Format::Onsite, Format::Remote] } else { vec![Format::Onsite] };
                    let mut f = facilitator(i, SERVICES[service], promotion, Level::ALL[level], formats);
                    if away {
                        f.unavailable.push("2027-04-01".into());
                    }
                    usage.add(&f.id, used);
                    f
                })
                .collect();
            let format = if remote { Format::Remote } else { Format::Onsite };
            let mut need = need(SERVICES[requester], size, format, 180);
            need.methods.push((MethodId::new("world-cafe").unwrap(), Level::ALL[hardest]));
            (Roster { year: 2027, facilitators }, usage, need)
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_allocated_team_is_the_best_of_all_teams_and_keeps_every_hard_rule((roster, usage, need) in small_instance()) {
        let allocator = Allocator::new(&roster, &usage, &need);
        let best = brute_force(&roster, &usage, &need);
        match allocator.allocate() {
            Ok(allocation) => {
                prop_assert_eq!(Some(allocation.score), best);
                prop_assert_eq!(allocator.score(&allocation.team), Some(allocation.score));
                prop_assert!(keeps_hard_rules(&roster, &usage, &need, &allocation.team));
            }
            Err(MobiliseError::NoTeam(_)) => prop_assert_eq!(best, None),
            Err(other) => prop_assert!(false, "unexpected {other}"),
        }
    }
}

#[test]
fn a_newer_promotion_is_paired_with_an_earlier_one_even_with_fewer_days_left() {
    let roster = Roster {
        year: 2027,
        facilitators: vec![
            facilitator(1, "enfance", 2023, Level::Advanced, vec![Format::Onsite]),
            facilitator(2, "insertion", 2023, Level::Advanced, vec![Format::Onsite]),
            facilitator(3, "sante", 2026, Level::Beginner, vec![Format::Onsite]),
        ],
    };
    let mut usage = Usage::default();
    usage.add("f03", 8);
    let need = need("autonomie", 2, Format::Onsite, 180);
    let allocation = Allocator::new(&roster, &usage, &need).allocate().unwrap();
    let ids: Vec<&str> = allocation.team.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["f01", "f03"]);
    assert_eq!(allocation.team[0].role, Role::Lead);
}

#[test]
fn no_team_says_how_few_are_left_outside_the_requesters_subdirectorate_and_what_would_help() {
    let mut facilitators: Vec<Facilitator> =
        (1..=4).map(|i| facilitator(i, "autonomie", 2023, Level::Advanced, vec![Format::Onsite])).collect();
    facilitators.push(facilitator(5, "sante", 2025, Level::Beginner, vec![Format::Onsite]));
    let roster = Roster { year: 2027, facilitators };
    let need = need("Sous-direction de l'autonomie", 2, Format::Onsite, 180);
    let error = Allocator::new(&roster, &Usage::default(), &need).allocate().unwrap_err();
    let french = error.text(Lang::Fr);
    assert!(
        french.contains("seulement 1 facilitateur(s) hors de la Sous-direction de l'autonomie"),
        "{french}"
    );
    assert!(french.contains("4 sont de la sous-direction du demandeur"), "{french}");
    assert!(french.contains("demandez 1 facilitateur(s)"), "{french}");
}

#[test]
fn an_unknown_requester_service_is_a_question_not_a_crash() {
    let mut request = Request::builder("Atelier").objective("review").build().unwrap();
    request.requester = Some(Requester { name: String::new(), service: "Service des espaces verts".into() });
    let error = Need::from_request(&request, 2027).unwrap_err();
    assert!(error.text(Lang::Fr).starts_with("À quelle sous-direction"), "{}", error.text(Lang::Fr));
}
