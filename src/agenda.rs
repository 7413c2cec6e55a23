//! The agenda (déroulé): the planner's output, and the checker's input.

use crate::clock::ClockTime;
use crate::method::MethodId;
use crate::vocabulary::{Format, Objective, Phase};
use serde::{Deserialize, Serialize};

/// What a slot of the agenda is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum SlotKind {
    /// Arrival, goals, and the ground rules of the network.
    Welcome,
    /// A facilitation method.
    Method,
    /// A break.
    Break,
    /// Lunch.
    Lunch,
    /// A speech, a presentation or a testimony fixed by the project lead (`title`, and
    /// `who` when known): work for the stretch rule (8), serving no objective, never
    /// moved by the planner.
    Talk,
}

impl SlotKind {
    /// Its name in `lang`.
    pub fn label(self, lang: crate::text::Lang) -> &'static str {
        match self {
            SlotKind::Welcome => lang.pick("Accueil", "Welcome"),
            SlotKind::Method => lang.pick("Séquence", "Sequence"),
            SlotKind::Break => lang.pick("Pause", "Break"),
            SlotKind::Lunch => lang.pick("Déjeuner", "Lunch"),
            SlotKind::Talk => lang.pick("Intervention", "Talk"),
        }
    }

    /// Whether the slot is a pause (break or lunch) that ends a stretch of work.
    pub fn is_pause(self) -> bool {
        matches!(self, SlotKind::Break | SlotKind::Lunch)
    }
}

/// One slot of the agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Slot {
    /// When it starts.
    pub start: ClockTime,
    /// When it ends.
    pub end: ClockTime,
    /// How long it lasts (`end - start`).
    pub minutes: u32,
    /// What it is.
    pub kind: SlotKind,
    /// The method run, for a method slot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<MethodId>,
    /// The phase it serves, for a method slot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<Phase>,
    /// The objectives it serves, for a method slot.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<Objective>,
    /// For the later parts of a split method: 2, 3...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<u32>,
    /// For a talk: what is said (« Mot de la directrice »).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// For a talk: who speaks, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub who: Option<String>,
    /// Set by hand in an agenda file: a re-plan keeps this slot exactly (same times, same
    /// kind, same method).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub locked: bool,
}

impl Slot {
    /// A slot of `kind` from `start` to `end`; a method slot's method, phase and
    /// objectives are set afterwards.
    pub fn new(kind: SlotKind, start: ClockTime, end: ClockTime) -> Slot {
        Slot {
            start,
            end,
            minutes: end.since(start),
            kind,
            method: None,
            phase: None,
            objectives: vec![],
            part: None,
            title: None,
            who: None,
            locked: false,
        }
    }

    /// Whether the slot runs a method.
    pub fn is_method(&self) -> bool {
        self.kind == SlotKind::Method
    }

    /// Whether `other` is this slot kept exactly: the same times, kind, method and part
    /// (what a re-plan owes a locked slot).
    pub fn same_moment(&self, other: &Slot) -> bool {
        (self.start, self.end, self.kind, &self.method, self.part, &self.title)
            == (other.start, other.end, other.kind, &other.method, other.part, &other.title)
    }
}

/// A facilitator's role in a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Role {
    /// Leads the session: opens, frames each sequence, closes.
    Lead,
    /// Runs sequences and sub-groups with the lead.
    CoFacilitator,
    /// Keeps the time of each sequence and signals the transitions.
    TimeKeeper,
    /// Looks after the participants who join by video and the technology (remote or hybrid
    /// sessions): in a remote session everyone joins so, and nobody is « hosted » apart.
    RemoteHost,
}

impl Role {
    /// The role's label in `lang`.
    pub fn label(self, lang: crate::text::Lang) -> &'static str {
        match self {
            Role::Lead => lang.pick("anime", "leads"),
            Role::CoFacilitator => lang.pick("co-anime", "co-facilitates"),
            Role::TimeKeeper => lang.pick("garde le temps", "keeps time"),
            Role::RemoteHost => lang.pick(
                "s'occupe des participants connectés et de la technique",
                "looks after the people online and the technology",
            ),
        }
    }
}

/// One facilitator of the session's team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamMember {
    /// Their roster id (`f07`).
    pub id: String,
    /// Their display name, when known.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Their role.
    pub role: Role,
}

/// An agenda: a session from `start` to `end`, cut into contiguous slots.
///
/// Its YAML and JSON shape is the one of the [design notes](crate::design) ("Agenda"), read and written as is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agenda {
    /// The session's title.
    #[serde(deserialize_with = "crate::load::title")]
    pub title: String,
    /// The session's date (`YYYY-MM-DD`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// When it starts.
    pub start: ClockTime,
    /// When it ends.
    pub end: ClockTime,
    /// How many people take part.
    pub participants: u32,
    /// How many facilitators run it.
    pub facilitators: u32,
    /// Where it takes place.
    #[serde(default)]
    pub format: Format,
    /// Whether a session by video has breakout rooms (the request's `breakout_rooms`):
    /// without them, a method that can runs in plenary (its `remote.plenary` variant).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub breakout_rooms: bool,
    /// The request's objectives, resolved to ids, in priority order.
    #[serde(default)]
    pub objectives: Vec<Objective>,
    /// The seed that produced it, to plan it again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
    /// The slots, in order.
    pub slots: Vec<Slot>,
    /// The facilitators and their roles, when the team is known (see `mobilise`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub team: Vec<TeamMember>,
}

impl Agenda {
    /// The session's length in minutes.
    pub fn minutes(&self) -> u32 {
        self.end.since(self.start)
    }

    /// The method slots, in order.
    pub fn method_slots(&self) -> impl Iterator<Item = &Slot> {
        self.slots.iter().filter(|slot| slot.is_method())
    }

    /// Whether `slot` serves one of the objectives the session was asked for: one that
    /// serves none is a warm-up, or there to prepare what follows (a gallery before the plan).
    pub fn serves_asked(&self, slot: &Slot) -> bool {
        slot.objectives.iter().any(|o| self.objectives.contains(o))
    }

    /// Reads an agenda from YAML (or JSON, which is YAML too); `file` names it in errors.
    pub fn from_yaml(file: &str, source: &str) -> Result<Agenda, crate::error::Problem> {
        crate::load::read_yaml(file, source)
    }

    /// Reads an agenda file (YAML or JSON), bounded in size like every file of the crate.
    pub fn from_file(path: impl AsRef<std::path::Path>) -> Result<Agenda, crate::error::AgendaError> {
        use crate::error::AgendaError;
        let path = path.as_ref();
        let source = crate::load::read_source(
            path,
            |source| AgendaError::Io { path: path.to_path_buf(), source },
            |problem| AgendaError::Invalid(vec![problem]),
        )?;
        Agenda::from_yaml(&path.display().to_string(), &source)
            .map_err(|problem| AgendaError::Invalid(vec![problem]))
    }

    /// Writes the agenda as YAML that any reader reads back as written: clock times, dates
    /// and the words YAML 1.1 takes for booleans (`yes`, `no`, `on`, `off`) are quoted, so
    /// that `end: 12:30` never reads as the number 750.
    pub fn to_yaml(&self) -> String {
        quote_ambiguous(&serde_yaml::to_string(self).unwrap_or_default())
    }
}

/// Quotes the plain values of `yaml` that a YAML 1.1 reader would take for a number of
/// minutes or a boolean; block scalars (`|`, `>`) are left as they are.
fn quote_ambiguous(yaml: &str) -> String {
    const WORDS: [&str; 16] =
        ["y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF"];
    // `12:30` (base 60) and `2027-03-18` (a timestamp) are numbers and dates in YAML 1.1.
    let numeric = |value: &str, separator: char| {
        let mut parts = value.split(separator);
        value.contains(separator)
            && parts.all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
    };
    let mut out = String::with_capacity(yaml.len() + 64);
    let mut block: Option<usize> = None;
    for line in yaml.lines() {
        let indent = line.len() - line.trim_start().len();
        if block.is_some_and(|parent| line.trim().is_empty() || indent > parent) {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        block = None;
        let (head, value) = match line.rsplit_once(": ") {
            Some((head, value)) if !head.contains(['"', '\'', '#']) => (format!("{head}: "), value),
            _ => match line.trim_start().strip_prefix("- ") {
                Some(value) => (format!("{}- ", &line[..indent]), value),
                None => (String::new(), line),
            },
        };
        if value.starts_with(['|', '>']) {
            block = Some(indent);
        }
        if !head.is_empty() && (WORDS.contains(&value) || numeric(value, ':') || numeric(value, '-')) {
            out.push_str(&format!("{head}\"{value}\"\n"));
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}
