//! Mobilisation: the team of volunteers a request needs, chosen exactly under a
//! documented score, with the reasons of each choice, or why no team exists.
//!
//! **Hard rules** (a proposed team never breaks one):
//! - *quota*: nobody exceeds their yearly days; an intervention costs every member its
//!   [day share and preparation](cost_quarters);
//! - *transversality*: nobody intervenes in the requester's own sub-directorate;
//! - *availability*: nobody is unavailable on the request's date;
//! - *format*: everyone can run the request's format (remote, hybrid, on site);
//! - *level*: the lead can run every method of the agenda (by level or by name).
//!
//! **Score** (higher is better; [`Allocator::score`]), the sum of:
//! - *fairness*: one point per quarter day each member has left before the intervention
//!   (those with the most days left are preferred, spreading days across the network);
//! - *pairing*: [`PAIRING`] points when the team pairs a newer promotion with an earlier
//!   one, worth more than any difference of days, so that it holds whenever possible;
//! - *seniority*: [`SENIOR_LEAD`] points when the lead comes from the team's earliest promotion;
//! - *level*: [`LEVEL_MARGIN`] points per level the lead has beyond the agenda's hardest method;
//! - *diversity*: [`DIVERSITY`] points per sub-directorate of the team beyond the first.
//!
//! The search is exact: a branch and bound over the eligible facilitators, sorted by days
//! left, that never discards a team that could beat the best found (the tests compare it
//! with the enumeration of every team on small instances). Ties go to the earlier
//! facilitators in (days left, roster order).
//!
//! ```
//! use facilitation::mobilise::{Allocator, Need, Usage};
//! use facilitation::roster::Roster;
//! use facilitation::Request;
//! let roster = Roster::from_yaml("roster.yaml", r#"
//! year: 2027
//! facilitators:
//!   - {id: f01, name: Camille, service: "Bureau du RSA", promotion: 2023, level: advanced}
//!   - {id: f02, name: Sacha, service: "Mission santé mentale", promotion: 2025}
//!   - {id: f03, name: Noé, service: "Bureau de la formation", promotion: 2023}
//! "#)?;
//! let request = Request::from_yaml("request.yaml", r#"
//! title: Séminaire
//! requester: {service: "Sous-direction de l'autonomie"}
//! date: 2027-05-20
//! start: "09:30"
//! end: "12:00"
//! participants: 20
//! facilitators: 2
//! objectives: [review]
//! "#)?;
//! let need = Need::from_request(&request, roster.year)?;
//! let allocation = Allocator::new(&roster, &Usage::default(), &need).allocate()?;
//! let ids: Vec<&str> = allocation.team.iter().map(|m| m.id.as_str()).collect();
//! assert_eq!(ids, ["f01", "f02"]); // a 2023 lead paired with the 2025 promotion
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod explain;
mod search;

pub use explain::{Exclusion, Explanation, Shortfall};

use crate::agenda::{Agenda, Role, TeamMember};
use crate::catalogue::Catalogue;
use crate::directorate::Directorate;
use crate::method::MethodId;
use crate::request::Request;
use crate::roster::{Facilitator, Roster};
use crate::text::{Lang, Localize};
use crate::vocabulary::{Format, Level};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Points for a team that pairs a newer promotion with an earlier one.
pub const PAIRING: i64 = 100;
/// Points when the lead comes from the team's earliest promotion.
pub const SENIOR_LEAD: i64 = 8;
/// Points per level the lead has beyond the hardest method of the agenda.
pub const LEVEL_MARGIN: i64 = 2;
/// Points per sub-directorate of the team beyond the first.
pub const DIVERSITY: i64 = 4;
/// A session up to this many minutes counts half a day; longer, a full day.
pub const HALF_DAY_MINUTES: u32 = 240;
/// Quarter days of preparation per half day of session.
pub const PREPARATION_QUARTERS: u32 = 1;

/// What an intervention costs each member, in quarter days: its day share (half a day
/// per started [`HALF_DAY_MINUTES`]) plus [`PREPARATION_QUARTERS`] per half day.
///
/// ```
/// use facilitation::mobilise::cost_quarters;
/// assert_eq!(cost_quarters(180), 3); // a half-day workshop: 0.5 + 0.25 of preparation
/// assert_eq!(cost_quarters(420), 6); // a full day: 1 + 0.5 of preparation
/// ```
pub fn cost_quarters(minutes: u32) -> u32 {
    minutes.div_ceil(HALF_DAY_MINUTES).max(1) * (2 + PREPARATION_QUARTERS)
}

/// Quarter days as days, for output (`2.5`).
pub fn days(quarters: u32) -> f64 {
    f64::from(quarters) / 4.0
}

/// Days already used per facilitator in the year, in quarter days.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Usage {
    used: BTreeMap<String, u32>,
}

impl Usage {
    /// Quarter days used by a facilitator.
    pub fn quarters(&self, id: &str) -> u32 {
        self.used.get(id).copied().unwrap_or(0)
    }

    /// Counts `quarters` more for a facilitator.
    pub fn add(&mut self, id: &str, quarters: u32) {
        *self.used.entry(id.to_string()).or_insert(0) += quarters;
    }

    /// Quarter days a facilitator has left under their quota.
    pub fn left(&self, facilitator: &Facilitator) -> u32 {
        facilitator.quota_quarters().saturating_sub(self.quarters(&facilitator.id))
    }
}

/// What a request asks of the network: the team's size and the rules it must keep.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Need {
    /// The request's title.
    pub title: String,
    /// The session's date, when known.
    pub date: Option<String>,
    /// The year whose days it uses.
    pub year: u32,
    /// The session's format.
    pub format: Format,
    /// How many facilitators (the request's `facilitators`).
    pub size: usize,
    /// The requester's sub-directorate (id), when the request names one.
    pub subdirectorate: Option<String>,
    /// Methods the lead must be able to run, with their level.
    pub methods: Vec<(MethodId, Level)>,
    /// What it costs each member, in quarter days.
    pub cost: u32,
}

impl Need {
    /// The need of a request, for a roster of `year`. A requester's service that no
    /// sub-directorate holds is a question; a date in another year is refused.
    pub fn from_request(request: &Request, year: u32) -> Result<Need, MobiliseError> {
        let service = request.requester.as_ref().map(|r| r.service.trim()).filter(|s| !s.is_empty());
        let subdirectorate = match service {
            Some(service) => match Directorate::builtin().find(service) {
                Some(sub) => Some(sub.id.clone()),
                None => return Err(MobiliseError::UnknownService { service: service.to_string() }),
            },
            None => None,
        };
        let date_year = request.date.as_deref().and_then(|d| d.get(..4)).and_then(|y| y.parse().ok());
        if let (Some(date), Some(other)) = (&request.date, date_year.filter(|&y| y != year)) {
            return Err(MobiliseError::OtherYear { date: date.clone(), year, other });
        }
        Ok(Need {
            title: request.title.clone(),
            date: request.date.clone(),
            year,
            format: request.format,
            size: request.facilitators as usize,
            subdirectorate,
            methods: vec![],
            cost: cost_quarters(request.minutes()),
        })
    }

    /// Adds the agenda's methods, which the lead must be able to run.
    pub fn with_agenda(mut self, agenda: &Agenda, catalogue: &Catalogue) -> Need {
        for slot in agenda.method_slots() {
            let known = slot.method.as_ref().and_then(|id| catalogue.get(id.as_str()));
            if let Some(method) = known.filter(|m| !self.methods.iter().any(|(id, _)| *id == m.id)) {
                self.methods.push((method.id.clone(), method.level));
            }
        }
        self
    }

    /// The hardest level among the methods (beginner when none).
    pub fn hardest(&self) -> Level {
        self.methods.iter().map(|(_, level)| *level).max().unwrap_or(Level::Beginner)
    }
}

/// A proposed team: who, in which role, why, and its score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Allocation {
    /// The team, lead first.
    pub team: Vec<TeamMember>,
    /// Why each member, and the team as a whole.
    pub reasons: Vec<Explanation>,
    /// Its score (see the module docs).
    pub score: i64,
    /// What it costs each member, in quarter days.
    pub cost: u32,
}

/// Why a team cannot be proposed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum MobiliseError {
    /// The requester's service belongs to no known sub-directorate.
    #[error(
        "which sub-directorate does \"{service}\" belong to? Transversality needs it: write the sub-directorate's name in `requester.service`"
    )]
    UnknownService {
        /// The service as written.
        service: String,
    },
    /// The request's date is in another year than the roster's.
    #[error(
        "the request is dated {date}, in {other}, but the roster is for {year}: use the roster of {other}"
    )]
    OtherYear {
        /// The request's date.
        date: String,
        /// The roster's year.
        year: u32,
        /// The date's year.
        other: u32,
    },
    /// No team keeps every hard rule.
    #[error("{}", .0.text(Lang::En))]
    NoTeam(Shortfall),
}

impl Localize for MobiliseError {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (MobiliseError::NoTeam(shortfall), lang) => shortfall.text(lang),
            (_, Lang::En) => self.to_string(),
            (MobiliseError::UnknownService { service }, Lang::Fr) => format!(
                "À quelle sous-direction « {service} » appartient-il ? La transversalité en dépend : écrivez le nom de la sous-direction dans `requester.service` (parmi : {}).",
                Directorate::builtin().names().join(" ; ")
            ),
            (MobiliseError::OtherYear { date, year, other }, Lang::Fr) => format!(
                "La demande est datée du {date}, en {other}, mais le tableau des facilitateurs est celui de {year} : utilisez celui de {other}."
            ),
        }
    }
}

/// Chooses the team of one request from a roster, given the days already used.
#[derive(Debug, Clone, Copy)]
pub struct Allocator<'a> {
    roster: &'a Roster,
    usage: &'a Usage,
    need: &'a Need,
}

impl<'a> Allocator<'a> {
    /// An allocator for `need`, from `roster`, with the days of `usage` already used.
    pub fn new(roster: &'a Roster, usage: &'a Usage, need: &'a Need) -> Self {
        Allocator { roster, usage, need }
    }

    /// The hard rules a facilitator breaks as a member of this team (empty: eligible).
    pub fn exclusions(&self, facilitator: &Facilitator) -> Vec<Exclusion> {
        let mut broken = Vec::new();
        if self.need.subdirectorate.is_some()
            && facilitator.subdirectorate() == self.need.subdirectorate.as_deref()
        {
            broken.push(Exclusion::OwnSubdirectorate);
        }
        if self.usage.left(facilitator) < self.need.cost {
            broken.push(Exclusion::Quota);
        }
        if self.need.date.as_deref().is_some_and(|date| !facilitator.available_on(date)) {
            broken.push(Exclusion::Unavailable);
        }
        if !facilitator.formats.contains(&self.need.format) {
            broken.push(Exclusion::Format);
        }
        broken
    }

    /// Whether a facilitator can lead every method of the need.
    pub fn can_lead(&self, facilitator: &Facilitator) -> bool {
        self.need.methods.iter().all(|(id, level)| facilitator.can_lead(id, *level))
    }

    /// The score of a team (see the module docs), or `None` when it breaks a hard rule:
    /// wrong size, unknown or repeated member, an ineligible member, not exactly one lead,
    /// or a lead who cannot run the methods.
    pub fn score(&self, team: &[TeamMember]) -> Option<i64> {
        let members: Vec<&Facilitator> =
            team.iter().map(|m| self.roster.get(&m.id)).collect::<Option<_>>()?;
        let mut ids: Vec<&str> = team.iter().map(|m| m.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        let leads: Vec<&Facilitator> =
            team.iter().zip(&members).filter(|(m, _)| m.role == Role::Lead).map(|(_, f)| *f).collect();
        let fits = ids.len() == team.len()
            && team.len() == self.need.size
            && members.iter().all(|f| self.exclusions(f).is_empty())
            && leads.len() == 1
            && leads.iter().all(|lead| self.can_lead(lead));
        fits.then(|| search::team_score(self, &members, leads[0]))
    }

    /// The best team under the score, or why none exists and what would make one.
    pub fn allocate(&self) -> Result<Allocation, MobiliseError> {
        let eligible: Vec<&Facilitator> =
            self.roster.facilitators.iter().filter(|f| self.exclusions(f).is_empty()).collect();
        let Some((members, lead, score)) = search::best(self, &eligible) else {
            return Err(MobiliseError::NoTeam(explain::shortfall(self, &eligible)));
        };
        let team = roles(&members, lead, self.need.format);
        let reasons = explain::reasons(self, &team);
        Ok(Allocation { team, reasons, score, cost: self.need.cost })
    }

    fn roster(&self) -> &Roster {
        self.roster
    }

    fn need(&self) -> &Need {
        self.need
    }

    fn usage(&self) -> &Usage {
        self.usage
    }
}

/// The roles: the lead first, then a host for remote participants (remote or hybrid),
/// a co-facilitator, a time-keeper, and more co-facilitators.
fn roles(members: &[&Facilitator], lead: &Facilitator, format: Format) -> Vec<TeamMember> {
    let mut order: Vec<Role> = Vec::new();
    if format != Format::Onsite {
        order.push(Role::RemoteHost);
    }
    order.extend([Role::CoFacilitator, Role::TimeKeeper]);
    let others = members.iter().filter(|f| f.id != lead.id);
    let roles = others.enumerate().map(|(i, f)| (f, order.get(i).copied().unwrap_or(Role::CoFacilitator)));
    let member = |f: &Facilitator, role| TeamMember { id: f.id.clone(), name: f.name.clone(), role };
    std::iter::once(member(lead, Role::Lead)).chain(roles.map(|(f, role)| member(f, role))).collect()
}

/// Who leads each method slot of an agenda (by index in `agenda.slots`): the lead opens
/// and closes; the sequences between go in turn to the lead and the co-facilitators, so
/// that everyone leads a part.
pub fn sequence_leads<'t>(agenda: &Agenda, team: &'t [TeamMember]) -> Vec<(usize, &'t TeamMember)> {
    let Some(lead) = team.iter().find(|m| m.role == Role::Lead) else {
        return vec![];
    };
    let turn: Vec<&TeamMember> =
        team.iter().filter(|m| matches!(m.role, Role::Lead | Role::CoFacilitator)).collect();
    let methods: Vec<usize> =
        agenda.slots.iter().enumerate().filter(|(_, s)| s.is_method()).map(|(i, _)| i).collect();
    let last = methods.len().saturating_sub(1);
    let mut next = 0;
    methods
        .iter()
        .enumerate()
        .map(|(n, &slot)| {
            let continued = agenda.slots[slot].part.is_some();
            if n == 0 || n == last {
                (slot, lead)
            } else {
                if !continued {
                    next += 1;
                }
                (slot, turn[next % turn.len()])
            }
        })
        .collect()
}
