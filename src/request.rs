//! The request (saisine): what a project lead asks of the network.

use crate::catalogue::Catalogue;
use crate::clock::ClockTime;
use crate::error::{Problem, ProblemKind, RequestError};
use crate::load::{locate, read_source, read_yaml};
use crate::method::MethodId;
use crate::vocabulary::{Format, Level, Objective, Profile};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// The shortest `max_stretch` accepted: below it no method could run between breaks.
pub const LEAST_STRETCH: u32 = 20;

/// Who files the request.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requester {
    /// The project lead's name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Their service.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub service: String,
}

/// A request: the session asked for, its participants and its objectives.
///
/// Read it from a file with [`Request::from_yaml`], or build it in code:
///
/// ```
/// use facilitation::Request;
/// let request = Request::builder("Semaine du management : résoudre les irritants")
///     .time("14:00", "16:00")
///     .participants(24)
///     .facilitators(2)
///     .objective("resolve-irritants")
///     .objective("construire un plan d'action")
///     .build()
///     .unwrap();
/// assert_eq!(request.minutes(), 120);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Request {
    /// The session's title.
    #[serde(deserialize_with = "crate::load::title")]
    pub title: String,
    /// Who asks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requester: Option<Requester>,
    /// The session's date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// When it starts.
    pub start: ClockTime,
    /// When it ends (or give `duration`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<ClockTime>,
    /// How long it lasts in minutes (or give `end`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<u32>,
    /// How many people take part.
    pub participants: u32,
    /// Who they are.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub profiles: Vec<Profile>,
    /// Where it takes place.
    #[serde(default)]
    pub format: Format,
    /// How many facilitators are available.
    pub facilitators: u32,
    /// The most advanced method level the facilitators can run.
    #[serde(default)]
    pub level: Level,
    /// The objectives in priority order: objective ids or free sentences.
    pub objectives: Vec<String>,
    /// Whether separate sub-group spaces are available.
    #[serde(default)]
    pub breakout_rooms: bool,
    /// The longest stretch of work without a break, in minutes.
    #[serde(default = "default_stretch")]
    pub max_stretch: u32,
    /// Methods that must appear.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<MethodId>,
    /// Methods that must not appear.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude: Vec<MethodId>,
    /// The calling question per objective id, said aloud in the consignes.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub questions: BTreeMap<String, String>,
    /// The facilitators' names, to fill the roles of each sequence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facilitator_names: Vec<String>,
    /// Moments the project lead fixes: the planner plans around them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fixed: Vec<Fixed>,
}

/// What a fixed moment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum FixedKind {
    /// A speech, a presentation or a testimony: `start`, `minutes` and `title` required.
    Talk,
    /// A break at a fixed time: `start` and `minutes` required.
    Break,
    /// Lunch at a fixed time: `start` and `minutes` required.
    Lunch,
    /// The welcome's length (`minutes`); it always opens the session.
    Welcome,
    /// A method (`method`) at a fixed time (`start`), with fixed minutes (`minutes`), or
    /// both; the kind may be left out when `method` is given.
    Method,
}

/// A moment the project lead fixes (`fixed:` in a request):
///
/// ```yaml
/// fixed:
///   - {kind: talk, start: "10:00", minutes: 15, title: "Mot de la directrice", who: "La directrice"}
///   - {kind: lunch, start: "12:30", minutes: 60}
///   - {method: world-cafe, minutes: 90}            # start optional
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fixed {
    /// What it is; `method` when left out and `method` is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<FixedKind>,
    /// The method, for a fixed method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<MethodId>,
    /// When it starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<ClockTime>,
    /// How long it lasts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    /// For a talk: what is said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// For a talk: who speaks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub who: Option<String>,
}

impl Fixed {
    /// What it is: its kind, or `method` when it names a method.
    pub fn kind(&self) -> FixedKind {
        self.kind.unwrap_or(FixedKind::Method)
    }

    /// When it ends, when its start and minutes are fixed.
    pub fn end(&self) -> Option<ClockTime> {
        self.start?.plus(self.minutes?)
    }

    /// The fields it needs and misses, as field names.
    fn missing(&self) -> Vec<&'static str> {
        let mut missing = Vec::new();
        let kind = self.kind();
        if matches!(kind, FixedKind::Talk | FixedKind::Break | FixedKind::Lunch) && self.start.is_none() {
            missing.push("start");
        }
        let timed = self.start.is_some() && kind == FixedKind::Method;
        if kind != FixedKind::Method && self.minutes.is_none() || !timed && self.minutes.is_none() {
            missing.push("minutes");
        }
        if kind == FixedKind::Talk && self.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
            missing.push("title");
        }
        if kind == FixedKind::Method && self.method.is_none() {
            missing.push("method");
        }
        missing
    }
}

fn default_stretch() -> u32 {
    90
}

impl Request {
    /// Starts building a request in code.
    pub fn builder(title: impl Into<String>) -> RequestBuilder {
        RequestBuilder::new(title)
    }

    /// Reads and checks a request from YAML; `file` names it in problems.
    pub fn from_yaml(file: &str, source: &str) -> Result<Request, RequestError> {
        let request: Request =
            read_yaml(file, source).map_err(|problem| RequestError::Invalid(vec![problem]))?;
        let problems: Vec<Problem> = request
            .field_problems()
            .into_iter()
            .map(|(field, kind)| Problem {
                file: file.to_string(),
                location: locate(source, &field),
                field,
                kind,
            })
            .collect();
        if problems.is_empty() { Ok(request) } else { Err(RequestError::Invalid(problems)) }
    }

    /// Reads and checks a request file.
    pub fn from_file(path: impl AsRef<Path>) -> Result<Request, RequestError> {
        let path = path.as_ref();
        let source = read_source(
            path,
            |source| RequestError::Io { path: path.to_path_buf(), source },
            |problem| RequestError::Invalid(vec![problem]),
        )?;
        Request::from_yaml(&path.display().to_string(), &source)
    }

    /// Checks the fields that need no catalogue; every problem is listed.
    pub fn validate(&self) -> Result<(), RequestError> {
        let problems = self.field_problems();
        if problems.is_empty() {
            return Ok(());
        }
        let as_problem = |(field, kind): (String, ProblemKind)| Problem {
            file: "request".to_string(),
            location: None,
            field,
            kind,
        };
        Err(RequestError::Invalid(problems.into_iter().map(as_problem).collect()))
    }

    /// Checks that `include` and `exclude` name methods of `catalogue`.
    pub fn validate_methods(&self, catalogue: &Catalogue) -> Result<(), RequestError> {
        let mut problems = Vec::new();
        let named = self
            .include
            .iter()
            .map(|id| ("include", id))
            .chain(self.exclude.iter().map(|id| ("exclude", id)))
            .chain(self.fixed.iter().filter_map(|fixed| Some(("fixed", fixed.method.as_ref()?))));
        for (field, id) in named {
            if catalogue.get(id.as_str()).is_none() {
                let suggestions = close_ids(catalogue, id.as_str());
                problems.push(Problem {
                    file: "request".to_string(),
                    location: None,
                    field: field.to_string(),
                    kind: ProblemKind::UnknownMethod { id: id.to_string(), suggestions },
                });
            }
        }
        if problems.is_empty() { Ok(()) } else { Err(RequestError::Invalid(problems)) }
    }

    /// When the session ends.
    pub fn end_time(&self) -> Option<ClockTime> {
        match (self.end, self.duration) {
            (Some(end), None) => Some(end),
            (None, Some(minutes)) => self.start.plus(minutes),
            _ => None,
        }
    }

    /// The session's length in minutes (zero when the times are wrong).
    pub fn minutes(&self) -> u32 {
        self.end_time().map_or(0, |end| end.since(self.start))
    }

    /// Whether service users take part.
    pub fn with_users(&self) -> bool {
        self.profiles.contains(&Profile::Users)
    }

    /// Whether managers take part with agents: a line of authority in the room.
    pub fn with_hierarchy(&self) -> bool {
        Profile::hierarchy_among(&self.profiles)
    }

    fn field_problems(&self) -> Vec<(String, ProblemKind)> {
        let mut problems = Vec::new();
        let mut add = |field: &str, kind: ProblemKind| problems.push((field.to_string(), kind));
        if self.title.trim().is_empty() {
            add("title", ProblemKind::BlankText);
        }
        if let Some(date) = &self.date {
            if !is_date(date) {
                add("date", ProblemKind::InvalidDate { date: date.clone() });
            }
        }
        self.time_problems(&mut add);
        if self.participants == 0 {
            add("participants", ProblemKind::NotPositive { value: "0".into() });
        }
        if self.facilitators == 0 {
            add("facilitators", ProblemKind::NotPositive { value: "0".into() });
        }
        if self.objectives.is_empty() {
            add("objectives", ProblemKind::EmptyList);
        }
        for (i, objective) in self.objectives.iter().enumerate() {
            if objective.trim().is_empty() {
                add(&format!("objectives[{i}]"), ProblemKind::BlankText);
            }
        }
        if self.max_stretch < LEAST_STRETCH {
            add(
                "max_stretch",
                ProblemKind::StretchTooShort { minutes: self.max_stretch, least: LEAST_STRETCH },
            );
        }
        for id in self.include.iter().filter(|id| self.exclude.contains(id)) {
            add("include", ProblemKind::IncludedAndExcluded { id: id.to_string() });
        }
        self.document_problems(&mut add);
        self.fixed_problems(&mut add);
        problems
    }

    /// The calling questions name known objectives and say something; each facilitator
    /// is named once.
    fn document_problems(&self, add: &mut impl FnMut(&str, ProblemKind)) {
        for (id, question) in &self.questions {
            if id.parse::<Objective>().is_err() {
                let expected = Objective::IDS.iter().map(|id| id.to_string()).collect();
                add(&format!("questions.{id}"), ProblemKind::UnknownValue { value: id.clone(), expected });
            } else if question.trim().is_empty() {
                add(&format!("questions.{id}"), ProblemKind::BlankText);
            }
        }
        for (i, name) in self.facilitator_names.iter().enumerate() {
            if name.trim().is_empty() {
                add(&format!("facilitator_names[{i}]"), ProblemKind::BlankText);
            } else if self.facilitator_names[..i].iter().any(|other| other.trim() == name.trim()) {
                add(&format!("facilitator_names[{i}]"), ProblemKind::RepeatedValue { value: name.clone() });
            }
        }
    }

    /// Every fixed moment has what its kind needs, lies within the session and overlaps
    /// no other.
    fn fixed_problems(&self, add: &mut impl FnMut(&str, ProblemKind)) {
        let end = self.end_time().unwrap_or(ClockTime::END_OF_DAY);
        let session = (self.start.to_string(), end.to_string());
        for (i, fixed) in self.fixed.iter().enumerate() {
            for field in fixed.missing() {
                add(&format!("fixed[{i}].{field}"), ProblemKind::MissingField { field: field.into() });
            }
            if fixed.minutes == Some(0) {
                add(&format!("fixed[{i}].minutes"), ProblemKind::NotPositive { value: "0".into() });
            }
            if fixed.method.is_some() && fixed.kind() != FixedKind::Method {
                let expected = ["kind", "start", "minutes", "title", "who"].map(String::from).to_vec();
                add(
                    &format!("fixed[{i}].method"),
                    ProblemKind::UnknownField { field: "method".into(), expected },
                );
            }
            let Some(start) = fixed.start else { continue };
            let finish = fixed.end().unwrap_or(start);
            let welcome_late = fixed.kind() == FixedKind::Welcome && start != self.start;
            if start < self.start || finish > end || welcome_late {
                let moment = (start.to_string(), finish.to_string());
                add(
                    &format!("fixed[{i}].start"),
                    ProblemKind::FixedOutside { moment, session: session.clone() },
                );
            }
            let overlaps =
                |other: &Fixed| other.start.is_some_and(|s| s < finish && start < other.end().unwrap_or(s));
            if let Some(other) = self.fixed[..i].iter().position(overlaps) {
                add(&format!("fixed[{i}].start"), ProblemKind::FixedOverlap { other });
            }
        }
    }

    /// The calling question for `objective`, when the request gives one.
    pub fn question(&self, objective: Objective) -> Option<&str> {
        self.questions.get(objective.id()).map(|question| question.trim()).filter(|q| !q.is_empty())
    }

    fn time_problems(&self, add: &mut impl FnMut(&str, ProblemKind)) {
        match (self.end, self.duration) {
            (Some(end), None) if end <= self.start => add(
                "end",
                ProblemKind::EndBeforeStart { start: self.start.to_string(), end: end.to_string() },
            ),
            (None, Some(0)) => add("duration", ProblemKind::NotPositive { value: "0".into() }),
            (None, Some(minutes)) if self.start.plus(minutes).is_none() => {
                add("duration", ProblemKind::PastMidnight)
            }
            (Some(_), None) | (None, Some(_)) => {}
            _ => add("end", ProblemKind::EndOrDuration),
        }
    }
}

pub(crate) fn is_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let number = |part: &str, len: usize| {
        (part.len() == len && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    match parts.as_slice() {
        [y, m, d] => match (number(y, 4), number(m, 2), number(d, 2)) {
            (Some(year), Some(month), Some(day)) => {
                (1..=12).contains(&month) && day >= 1 && day <= days_in(year, month)
            }
            _ => false,
        },
        _ => false,
    }
}

fn days_in(year: u32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Ids of `catalogue` that share a word with `id`, to suggest a correction.
pub(crate) fn close_ids(catalogue: &Catalogue, id: &str) -> Vec<String> {
    catalogue
        .iter()
        .map(|method| method.id.to_string())
        .filter(|other| id.split('-').filter(|word| word.len() > 2).any(|word| other.contains(word)))
        .take(3)
        .collect()
}

/// Builds a [`Request`] in code, for tools that do not read files.
#[derive(Debug, Clone)]
pub struct RequestBuilder {
    request: Request,
    times: Result<(), String>,
}

impl RequestBuilder {
    fn new(title: impl Into<String>) -> Self {
        let request = Request {
            title: title.into(),
            requester: None,
            date: None,
            start: ClockTime::hm(9, 30).unwrap_or(ClockTime::END_OF_DAY),
            end: None,
            duration: Some(180),
            participants: 12,
            profiles: vec![],
            format: Format::Onsite,
            facilitators: 1,
            level: Level::Advanced,
            objectives: vec![],
            breakout_rooms: false,
            max_stretch: default_stretch(),
            include: vec![],
            exclude: vec![],
            questions: BTreeMap::new(),
            facilitator_names: vec![],
            fixed: vec![],
        };
        RequestBuilder { request, times: Ok(()) }
    }

    /// Sets the start and the end, as `HH:MM`.
    pub fn time(mut self, start: &str, end: &str) -> Self {
        match (start.parse::<ClockTime>(), end.parse::<ClockTime>()) {
            (Ok(start), Ok(end)) => {
                self.request.start = start;
                self.request.end = Some(end);
                self.request.duration = None;
            }
            (Err(error), _) | (_, Err(error)) => self.times = Err(error.to_string()),
        }
        self
    }

    /// Sets the start (`HH:MM`) and the length in minutes.
    pub fn start_for(mut self, start: &str, minutes: u32) -> Self {
        match start.parse::<ClockTime>() {
            Ok(start) => {
                self.request.start = start;
                self.request.end = None;
                self.request.duration = Some(minutes);
            }
            Err(error) => self.times = Err(error.to_string()),
        }
        self
    }

    /// Sets the date, `YYYY-MM-DD`.
    pub fn date(mut self, date: impl Into<String>) -> Self {
        self.request.date = Some(date.into());
        self
    }

    /// Sets the number of participants.
    pub fn participants(mut self, participants: u32) -> Self {
        self.request.participants = participants;
        self
    }

    /// Adds a participant profile.
    pub fn profile(mut self, profile: Profile) -> Self {
        self.request.profiles.push(profile);
        self
    }

    /// Sets the format.
    pub fn format(mut self, format: Format) -> Self {
        self.request.format = format;
        self
    }

    /// Sets the number of available facilitators.
    pub fn facilitators(mut self, facilitators: u32) -> Self {
        self.request.facilitators = facilitators;
        self
    }

    /// Sets the most advanced method level the facilitators can run.
    pub fn level(mut self, level: Level) -> Self {
        self.request.level = level;
        self
    }

    /// Adds an objective, as an id or a free sentence, after those already given.
    pub fn objective(mut self, objective: impl Into<String>) -> Self {
        self.request.objectives.push(objective.into());
        self
    }

    /// Says whether separate sub-group spaces are available.
    pub fn breakout_rooms(mut self, available: bool) -> Self {
        self.request.breakout_rooms = available;
        self
    }

    /// Sets the longest stretch of work without a break.
    pub fn max_stretch(mut self, minutes: u32) -> Self {
        self.request.max_stretch = minutes;
        self
    }

    /// Requires a method.
    pub fn include(mut self, id: MethodId) -> Self {
        self.request.include.push(id);
        self
    }

    /// Fixes a moment (a talk, a lunch, a method at a time or with its minutes).
    pub fn fixed(mut self, fixed: Fixed) -> Self {
        self.request.fixed.push(fixed);
        self
    }

    /// Forbids a method.
    pub fn exclude(mut self, id: MethodId) -> Self {
        self.request.exclude.push(id);
        self
    }

    /// Sets the calling question of an objective (its id), said aloud in the consignes.
    pub fn question(mut self, objective: impl Into<String>, question: impl Into<String>) -> Self {
        self.request.questions.insert(objective.into(), question.into());
        self
    }

    /// Names a facilitator, after those already named.
    pub fn facilitator_name(mut self, name: impl Into<String>) -> Self {
        self.request.facilitator_names.push(name.into());
        self
    }

    /// Checks the request and returns it.
    pub fn build(self) -> Result<Request, RequestError> {
        if let Err(message) = self.times {
            let kind = ProblemKind::WrongType { message };
            let problem = Problem { file: "request".into(), location: None, field: "start".into(), kind };
            return Err(RequestError::Invalid(vec![problem]));
        }
        self.request.validate()?;
        Ok(self.request)
    }
}
