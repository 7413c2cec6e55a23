//! The questionnaire derived from a request: one or two statements per objective, the
//! network's ground rules, the ROTI and two open questions; or the project lead's
//! follow-up two to three months later.

use super::bank::{Bank, bank, wording};
use crate::request::Request;
use crate::text::{Lang, Text};
use crate::vocabulary::Objective;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// What an item measures; written `action-plan`, `frame:ecoute`, `roti`, `open` or
/// `follow-up:actions` in files.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Measure {
    /// One of the request's objectives.
    Objective(Objective),
    /// One of the network's ground rules (`disponibilite`, `ouverture`, `responsabilite`,
    /// `ecoute`, `equivalence`).
    Frame(String),
    /// The return on time invested.
    Roti,
    /// An open question.
    Open,
    /// A point of the follow-up (`actions`, `practices`, `results`, `again`).
    FollowUp(String),
}

/// How an item is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ItemKind {
    /// A statement on the five-point agreement scale.
    Agreement,
    /// The ROTI, from 1 to 5.
    Roti,
    /// Free text.
    Open,
}

/// One item of a questionnaire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// Its column in answer files: `q1`, `q2`... in the questionnaire's order.
    pub id: String,
    /// Its fixed key in the item bank (`action-plan.1`): the same wording everywhere, so
    /// that results compare across interventions.
    pub key: String,
    /// The statement or question, as printed.
    pub text: Text,
    /// What it measures.
    pub measures: Measure,
    /// How it is answered.
    pub kind: ItemKind,
    /// The answers offered, from 1 to 5 (none for an open question).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Text>,
    /// Kirkpatrick's level (3 behaviour, 4 results), for the follow-up's items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
}

/// Who answers a questionnaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Audience {
    /// The participants, at the end of the session.
    Participants,
    /// The project lead, two to three months later.
    ProjectLead,
}

/// A questionnaire: its items in order, as a form definition.
///
/// Serialized as the form definition of the [design notes](crate::design):
/// `{"items": [{"id": "q1", "text": {...}, "measures": "action-plan"}, ...]}`, with the
/// optional fields `key`, `kind`, `choices`, `level` on each item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Questionnaire {
    /// The session it evaluates.
    pub title: String,
    /// Who answers it.
    pub audience: Audience,
    /// Whether the wording is the easy-to-read one (service users take part).
    pub falc: bool,
    /// The items, in order.
    pub items: Vec<Item>,
}

impl Questionnaire {
    /// The participants' questionnaire: per objective of the request (in priority order)
    /// its statements, then one statement per ground rule, the ROTI and two open
    /// questions. With service users among the profiles, the easy-to-read wording.
    pub fn for_request(request: &Request) -> Questionnaire {
        let bank = bank();
        let easy = request.with_users();
        let mut items = Vec::new();
        for objective in request.analyse().objectives() {
            for statement in bank.objectives.get(&objective).into_iter().flatten() {
                let text = wording(&statement.text, &statement.falc, easy);
                items.push(agreement(bank, &statement.key, text, Measure::Objective(objective)));
            }
        }
        for rule in &bank.frame {
            let text = wording(&rule.text, &rule.falc, easy);
            items.push(agreement(bank, &rule.key, text, Measure::Frame(rule.rule.clone())));
        }
        let roti = &bank.roti;
        items.push(Item {
            choices: roti.scale.clone(),
            kind: ItemKind::Roti,
            ..agreement(bank, &roti.key, wording(&roti.text, &roti.falc, easy), Measure::Roti)
        });
        for question in &bank.open {
            items.push(open(&question.key, wording(&question.text, &question.falc, easy)));
        }
        numbered(request, Audience::Participants, easy, items)
    }

    /// The project lead's follow-up, two to three months after the session
    /// (Kirkpatrick's levels 3 and 4): actions carried out, practices changed, results,
    /// whether they would call the network again.
    pub fn follow_up(request: &Request) -> Questionnaire {
        let bank = bank();
        let items = bank
            .follow_up
            .iter()
            .map(|entry| {
                let item = if entry.measures == "open" {
                    open(&entry.key, &entry.text)
                } else {
                    agreement(bank, &entry.key, &entry.text, Measure::FollowUp(entry.measures.clone()))
                };
                Item { level: Some(entry.level), ..item }
            })
            .collect();
        numbered(request, Audience::ProjectLead, false, items)
    }

    /// The item answering to a column name: its id (`q3`) or its key, case and spaces
    /// ignored.
    pub fn item_named(&self, name: &str) -> Option<usize> {
        let name = name.trim();
        self.items
            .iter()
            .position(|item| item.id.eq_ignore_ascii_case(name) || item.key.eq_ignore_ascii_case(name))
    }

    /// The form definition as JSON (the shape of the [design notes](crate::design)).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).map(|json| json + "\n").unwrap_or_default()
    }

    /// The form definition as CSV for a form tool's import: one row per item with its id,
    /// kind, text in `lang`, choices joined by `|`, and what it measures.
    pub fn to_csv(&self, lang: Lang) -> String {
        let mut out = String::from("id,kind,question,choices,measures,key\n");
        for item in &self.items {
            let choices: Vec<&str> = item.choices.iter().map(|choice| choice.get(lang)).collect();
            let kind = serde_json::to_value(item.kind).ok();
            let cells = [
                item.id.as_str(),
                kind.as_ref().and_then(|kind| kind.as_str()).unwrap_or_default(),
                item.text.get(lang),
                &choices.join("|"),
                &item.measures.to_string(),
                &item.key,
            ];
            out.push_str(&cells.iter().map(|cell| csv_cell(cell)).collect::<Vec<_>>().join(","));
            out.push('\n');
        }
        out
    }

    /// The header line of an empty answer file for this questionnaire.
    pub fn answer_template(&self) -> String {
        let ids: Vec<&str> = self.items.iter().map(|item| item.id.as_str()).collect();
        ids.join(";") + "\n"
    }
}

/// The five agreement labels, from « Pas du tout d'accord » to « Tout à fait d'accord ».
pub fn agreement_scale() -> Vec<Text> {
    bank().scale.iter().map(|point| point.label.clone()).collect()
}

fn agreement(bank: &Bank, key: &str, text: &Text, measures: Measure) -> Item {
    Item {
        id: String::new(),
        key: key.to_string(),
        text: text.clone(),
        measures,
        kind: ItemKind::Agreement,
        choices: bank.scale.iter().map(|point| point.label.clone()).collect(),
        level: None,
    }
}

fn open(key: &str, text: &Text) -> Item {
    Item {
        id: String::new(),
        key: key.to_string(),
        text: text.clone(),
        measures: Measure::Open,
        kind: ItemKind::Open,
        choices: Vec::new(),
        level: None,
    }
}

fn numbered(request: &Request, audience: Audience, falc: bool, items: Vec<Item>) -> Questionnaire {
    let items = items.into_iter().enumerate().map(|(i, item)| Item { id: format!("q{}", i + 1), ..item });
    Questionnaire { title: request.title.clone(), audience, falc, items: items.collect() }
}

/// Quotes a CSV cell when it holds a separator, a quote or a line break.
pub(crate) fn csv_cell(text: &str) -> String {
    if text.contains([',', ';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

impl fmt::Display for Measure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Measure::Objective(objective) => f.write_str(objective.id()),
            Measure::Frame(rule) => write!(f, "frame:{rule}"),
            Measure::Roti => f.write_str("roti"),
            Measure::Open => f.write_str("open"),
            Measure::FollowUp(point) => write!(f, "follow-up:{point}"),
        }
    }
}

impl FromStr for Measure {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.split_once(':') {
            Some(("frame", rule)) if !rule.is_empty() => Ok(Measure::Frame(rule.to_string())),
            Some(("follow-up", point)) if !point.is_empty() => Ok(Measure::FollowUp(point.to_string())),
            None if s == "roti" => Ok(Measure::Roti),
            None if s == "open" => Ok(Measure::Open),
            None => s.parse().map(Measure::Objective).map_err(|error| error.to_string()),
            Some(_) => Err(format!("`{s}` is not something an item measures")),
        }
    }
}

impl Serialize for Measure {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Measure {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}
