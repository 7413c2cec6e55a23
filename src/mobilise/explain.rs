//! Why a team, and why no team: the explanations a coordinator reads.

use super::{Allocator, days};
use crate::agenda::{Role, TeamMember};
use crate::directorate::Directorate;
use crate::method::MethodId;
use crate::roster::Facilitator;
use crate::text::{Lang, Localize};
use crate::vocabulary::{Format, Level};
use serde::{Deserialize, Serialize};

/// A hard rule that keeps a facilitator out of a team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Exclusion {
    /// From the requester's own sub-directorate (transversality).
    OwnSubdirectorate,
    /// Not enough days left in the year.
    Quota,
    /// Unavailable on the date.
    Unavailable,
    /// Does not run the request's format.
    Format,
}

/// One reason of a proposal, in French or English through [`Localize`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
#[non_exhaustive]
pub enum Explanation {
    /// Why this member, in this role.
    Member {
        /// Their name.
        name: String,
        /// Their role.
        role: Role,
        /// Their promotion.
        promotion: u32,
        /// Their sub-directorate's id.
        subdirectorate: String,
        /// Quarter days left before this intervention.
        left: u32,
        /// The methods they lead (for the lead).
        methods: Vec<MethodId>,
    },
    /// The team pairs a newer promotion with an earlier one.
    Pairing {
        /// The newest promotion of the team.
        newer: u32,
        /// The earliest.
        earlier: u32,
    },
    /// Everyone eligible comes from one promotion: no pairing was possible.
    OnePromotion {
        /// That promotion.
        promotion: u32,
    },
    /// Nobody comes from the requester's sub-directorate.
    Transversal {
        /// The requester's sub-directorate id.
        subdirectorate: String,
    },
    /// The request names no service: transversality could not be checked.
    NoService,
    /// What the intervention costs each member.
    Cost {
        /// Quarter days.
        quarters: u32,
    },
}

fn subdirectorate_name(id: &str, lang: Lang) -> String {
    Directorate::builtin().get(id).map_or_else(|| id.to_string(), |sub| sub.name.get(lang).to_string())
}

/// Days in the language's number style: `2,5` in French, `2.5` in English.
fn days_text(quarters: u32, lang: Lang) -> String {
    let text = days(quarters).to_string();
    if lang == Lang::Fr { text.replace('.', ",") } else { text }
}

impl Localize for Explanation {
    fn text(&self, lang: Lang) -> String {
        match self {
            Explanation::Member { name, role, promotion, subdirectorate, left, methods } => {
                let mut text = lang
                    .pick(
                        "{n} {r} : promotion {p}, {s}, {d} jour(s) restant(s)",
                        "{n} {r}: {p} promotion, {s}, {d} day(s) left",
                    )
                    .replace("{n}", name)
                    .replace("{r}", role.label(lang))
                    .replace("{p}", &promotion.to_string())
                    .replace("{s}", &subdirectorate_name(subdirectorate, lang))
                    .replace("{d}", &days_text(*left, lang));
                if !methods.is_empty() {
                    let list: Vec<&str> = methods.iter().map(MethodId::as_str).collect();
                    text += &lang.pick(", sait animer {m}", ", runs {m}").replace("{m}", &list.join(", "));
                }
                text
            }
            Explanation::Pairing { newer, earlier } => lang
                .pick(
                    "L'équipe associe la promotion {n} à une promotion antérieure ({e}).",
                    "The team pairs the {n} promotion with an earlier one ({e}).",
                )
                .replace("{n}", &newer.to_string())
                .replace("{e}", &earlier.to_string()),
            Explanation::OnePromotion { promotion } => lang
                .pick(
                    "Tous les facilitateurs disponibles sont de la promotion {p} : pas de binôme entre promotions possible.",
                    "Every available facilitator is from the {p} promotion: no pairing across promotions was possible.",
                )
                .replace("{p}", &promotion.to_string()),
            Explanation::Transversal { subdirectorate } => lang
                .pick(
                    "Personne n'intervient dans sa propre sous-direction ({s}).",
                    "Nobody intervenes in their own sub-directorate ({s}).",
                )
                .replace("{s}", &subdirectorate_name(subdirectorate, lang)),
            Explanation::NoService => lang
                .pick(
                    "La demande ne dit pas le service demandeur : la transversalité n'a pas pu être vérifiée.",
                    "The request names no service: transversality could not be checked.",
                )
                .to_string(),
            Explanation::Cost { quarters } => lang
                .pick(
                    "Chacun y consacre {d} jour(s), préparation comprise.",
                    "It costs each member {d} day(s), preparation included.",
                )
                .replace("{d}", &days_text(*quarters, lang)),
        }
    }
}

/// The reasons of a proposed team: one per member, then the team's.
pub(super) fn reasons(allocator: &Allocator, team: &[TeamMember]) -> Vec<Explanation> {
    let members: Vec<&Facilitator> = team.iter().filter_map(|m| allocator.roster().get(&m.id)).collect();
    let need = allocator.need();
    let mut reasons: Vec<Explanation> = team
        .iter()
        .zip(&members)
        .map(|(member, f)| Explanation::Member {
            name: f.name.clone(),
            role: member.role,
            promotion: f.promotion,
            subdirectorate: f.subdirectorate().unwrap_or_default().to_string(),
            left: allocator.usage().left(f),
            methods: if member.role == Role::Lead {
                need.methods.iter().map(|(id, _)| id.clone()).collect()
            } else {
                vec![]
            },
        })
        .collect();
    let newer = members.iter().map(|f| f.promotion).max();
    let earlier = members.iter().map(|f| f.promotion).min();
    match (newer, earlier) {
        (Some(newer), Some(earlier)) if newer > earlier => {
            reasons.push(Explanation::Pairing { newer, earlier })
        }
        (Some(promotion), _) if team.len() > 1 => reasons.push(Explanation::OnePromotion { promotion }),
        _ => {}
    }
    reasons.push(match &need.subdirectorate {
        Some(sub) => Explanation::Transversal { subdirectorate: sub.clone() },
        None => Explanation::NoService,
    });
    reasons.push(Explanation::Cost { quarters: need.cost });
    reasons
}

/// Why no team keeps every hard rule, and what would make one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Shortfall {
    /// Facilitators needed.
    pub needed: usize,
    /// Facilitators who keep every rule.
    pub eligible: usize,
    /// Of those, how many can lead the methods.
    pub leaders: usize,
    /// The roster's year.
    pub year: u32,
    /// The session's date.
    pub date: Option<String>,
    /// The format.
    pub format: Format,
    /// The requester's sub-directorate.
    pub subdirectorate: Option<String>,
    /// Quarter days each member would need.
    pub cost: u32,
    /// The methods the lead must run, and the hardest level.
    pub methods: Vec<MethodId>,
    /// The hardest level among them.
    pub level: Level,
    /// How many facilitators each rule keeps out (one may break several).
    pub excluded: Vec<(Exclusion, usize)>,
    /// How many would be eligible on another date (all the other rules kept).
    pub if_other_date: usize,
    /// How many would be eligible on site.
    pub if_onsite: usize,
}

pub(super) fn shortfall(allocator: &Allocator, eligible: &[&Facilitator]) -> Shortfall {
    let need = allocator.need();
    let all: Vec<Vec<Exclusion>> =
        allocator.roster().facilitators.iter().map(|f| allocator.exclusions(f)).collect();
    let count = |rule: Exclusion| all.iter().filter(|broken| broken.contains(&rule)).count();
    let only = |rule: Exclusion| all.iter().filter(|broken| broken.as_slice() == [rule]).count();
    let rules = [Exclusion::OwnSubdirectorate, Exclusion::Quota, Exclusion::Unavailable, Exclusion::Format];
    Shortfall {
        needed: need.size,
        eligible: eligible.len(),
        leaders: eligible.iter().filter(|f| allocator.can_lead(f)).count(),
        year: need.year,
        date: need.date.clone(),
        format: need.format,
        subdirectorate: need.subdirectorate.clone(),
        cost: need.cost,
        methods: need.methods.iter().map(|(id, _)| id.clone()).collect(),
        level: need.hardest(),
        excluded: rules.into_iter().map(|rule| (rule, count(rule))).filter(|(_, n)| *n > 0).collect(),
        if_other_date: eligible.len() + only(Exclusion::Unavailable),
        if_onsite: eligible.len() + only(Exclusion::Format),
    }
}

impl Shortfall {
    fn headline(&self, lang: Lang) -> String {
        let outside = match &self.subdirectorate {
            Some(sub) => lang
                .pick(" hors de la {s}", " outside the {s}")
                .replace("{s}", &subdirectorate_name(sub, lang)),
            None => String::new(),
        };
        if self.eligible >= self.needed && self.needed > 0 {
            return lang
                .pick(
                    "Aucune équipe possible : parmi les {e} facilitateur(s) disponibles{o}, aucun ne peut mener {m} (niveau {l}).",
                    "No team is possible: of the {e} available facilitator(s){o}, none can lead {m} (level {l}).",
                )
                .replace("{e}", &self.eligible.to_string())
                .replace("{o}", &outside)
                .replace("{m}", &self.methods.iter().map(MethodId::as_str).collect::<Vec<_>>().join(", "))
                .replace("{l}", self.level.label(lang));
        }
        lang.pick(
            "Aucune équipe de {n} possible : seulement {e} facilitateur(s){o} ont encore {c} jour(s) en {y}, sont disponibles{d} et animent en {f}.",
            "No team of {n} is possible: only {e} facilitator(s){o} still have {c} day(s) in {y}, are available{d} and run {f} sessions.",
        )
        .replace("{n}", &self.needed.to_string())
        .replace("{e}", &self.eligible.to_string())
        .replace("{o}", &outside)
        .replace("{c}", &days_text(self.cost, lang))
        .replace("{y}", &self.year.to_string())
        .replace("{d}", &self.date.as_ref().map(|d| lang.pick(" le {d}", " on {d}").replace("{d}", d)).unwrap_or_default())
        .replace("{f}", &self.format.label(lang).to_lowercase())
    }

    fn exclusion(&self, rule: Exclusion, n: usize, lang: Lang) -> String {
        let text = match rule {
            Exclusion::OwnSubdirectorate => lang.pick(
                "{n} sont de la sous-direction du demandeur",
                "{n} are from the requester's sub-directorate",
            ),
            Exclusion::Quota => {
                lang.pick("{n} n'ont plus assez de jours en {y}", "{n} have too few days left in {y}")
            }
            Exclusion::Unavailable => {
                lang.pick("{n} sont indisponibles à cette date", "{n} are unavailable on that date")
            }
            Exclusion::Format => lang.pick("{n} n'animent pas dans ce format", "{n} do not run that format"),
        };
        text.replace("{n}", &n.to_string()).replace("{y}", &self.year.to_string())
    }

    fn fixes(&self, lang: Lang) -> Vec<String> {
        let mut fixes = Vec::new();
        if self.eligible < self.needed && self.leaders > 0 {
            fixes.push(
                lang.pick("demandez {e} facilitateur(s)", "ask for {e} facilitator(s)")
                    .replace("{e}", &self.eligible.to_string()),
            );
        }
        if self.date.is_some() && self.if_other_date > self.eligible {
            fixes.push(
                lang.pick(
                    "choisissez une autre date ({n} seraient disponibles)",
                    "choose another date ({n} would be available)",
                )
                .replace("{n}", &self.if_other_date.to_string()),
            );
        }
        if self.format != Format::Onsite && self.if_onsite > self.eligible {
            fixes.push(
                lang.pick(
                    "passez en présentiel ({n} seraient disponibles)",
                    "hold it on site ({n} would be available)",
                )
                .replace("{n}", &self.if_onsite.to_string()),
            );
        }
        if self.eligible >= self.needed && self.leaders == 0 {
            fixes.push(lang.pick("excluez ces méthodes de la demande (`exclude`), ou ajoutez-les aux `methods` d'un facilitateur formé", "exclude those methods in the request, or add them to a trained facilitator's `methods`").to_string());
        }
        fixes.push(
            lang.pick(
                "mobilisez la prochaine promotion ou un facilitateur d'une autre sous-direction",
                "mobilise the next promotion or a facilitator from another sub-directorate",
            )
            .to_string(),
        );
        fixes
    }
}

impl Localize for Shortfall {
    fn text(&self, lang: Lang) -> String {
        let mut lines = vec![self.headline(lang)];
        lines.extend(self.excluded.iter().map(|(rule, n)| format!("- {}", self.exclusion(*rule, *n, lang))));
        lines.push(format!(
            "{} {}.",
            lang.pick("Pour former une équipe :", "To form a team:"),
            self.fixes(lang).join(lang.pick(" ; ou ", "; or "))
        ));
        lines.join("\n")
    }
}
