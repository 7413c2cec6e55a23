//! A facilitation method, as written in `methods/<id>.yaml`, and the questions a planner
//! asks of it: how long for this group, how many facilitators, does it fit here.

use crate::clock::ClockTime;
use crate::text::{Lang, Text};
use crate::vocabulary::{
    Condition, Energy, Format, Grouping, Level, Objective, Phase, Product, Profile, Writing,
};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The identifier of a method: kebab-case ASCII (`world-cafe`, `1-2-4-all`), equal to the
/// stem of its file.
///
/// ```
/// use facilitation::MethodId;
/// assert!(MethodId::new("world-cafe").is_ok());
/// assert!(MethodId::new("World Café").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct MethodId(String);

/// The error of a method id that is not kebab-case ASCII.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{0}` is not a valid method id: use lowercase letters, digits and single hyphens, like `world-cafe`"
)]
pub struct InvalidMethodId(pub String);

impl MethodId {
    /// Checks that `id` is kebab-case ASCII: lowercase letters and digits in words joined
    /// by single hyphens.
    pub fn new(id: impl Into<String>) -> Result<Self, InvalidMethodId> {
        let id = id.into();
        let well_formed = !id.is_empty()
            && id.len() <= 64
            && id.split('-').all(|word| {
                !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            });
        if well_formed { Ok(MethodId(id)) } else { Err(InvalidMethodId(id)) }
    }

    /// The id as written in files.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for MethodId {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "MethodId".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "The method's id: lowercase letters and digits in words joined by single hyphens, equal to the file name without `.yaml` (`world-cafe`).",
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "maxLength": 64
        })
    }
}

impl TryFrom<String> for MethodId {
    type Error = InvalidMethodId;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        MethodId::new(value)
    }
}

impl From<MethodId> for String {
    fn from(id: MethodId) -> Self {
        id.0
    }
}

impl fmt::Display for MethodId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for MethodId {
    type Err = InvalidMethodId;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        MethodId::new(s)
    }
}

// The id's order, equality and hash are its text's, so that maps keyed by `MethodId` can be
// searched with a plain `&str`, without allocating or validating it again.
impl std::borrow::Borrow<str> for MethodId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for MethodId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for MethodId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for MethodId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

/// Where a method comes from.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Origin {
    /// Its authors, as usually cited.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// The year it was first published or practised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
}

/// How many people a method works with (inclusive).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participants {
    /// The fewest people it works with.
    pub min: u32,
    /// The most people it works with.
    pub max: u32,
}

impl Participants {
    /// Whether `n` people lie within the range.
    pub fn contains(&self, n: u32) -> bool {
        self.min <= n && n <= self.max
    }
}

/// How long a method lasts, in minutes: a fixed part plus, for methods where everyone
/// speaks in turn, some minutes per participant.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DurationRange {
    /// The shortest useful run, fixed part.
    pub min: u32,
    /// The usual run, fixed part; the method's steps add up to it.
    pub typical: u32,
    /// The longest sensible run, fixed part.
    pub max: u32,
    /// Minutes added per participant (a tour de table of 40 takes longer than one of 8).
    #[serde(default)]
    pub per_participant: f64,
    /// The group size beyond which no more minutes are added (a large plenary switches to
    /// a show of cards and a few volunteers); absent: no limit. It caps only groups larger
    /// than [`EVERYONE_SPEAKS_UP_TO`]: in a smaller one everybody speaks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_participant_up_to: Option<u32>,
}

/// A range of whole minutes (inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MinuteRange {
    /// The fewest minutes.
    pub min: u32,
    /// The most minutes.
    pub max: u32,
}

impl MinuteRange {
    /// Whether `minutes` lie within the range.
    pub fn contains(&self, minutes: u32) -> bool {
        self.min <= minutes && minutes <= self.max
    }
}

impl fmt::Display for MinuteRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.min == self.max {
            write!(f, "{} min", self.min)
        } else {
            write!(f, "{}–{} min", self.min, self.max)
        }
    }
}

impl DurationRange {
    /// The minutes added for `participants` people, before rounding.
    fn scaling(&self, participants: u32) -> f64 {
        let cap = self.per_participant_up_to.filter(|_| participants > EVERYONE_SPEAKS_UP_TO);
        let counted = cap.map_or(participants, |cap| participants.min(cap));
        self.per_participant.max(0.0) * f64::from(counted)
    }

    /// Rounds up a fixed part plus the scaling, saturating instead of overflowing.
    fn scaled(&self, fixed: u32, participants: u32) -> u32 {
        let minutes = (f64::from(fixed) + self.scaling(participants)).ceil();
        if minutes.is_finite() && minutes < f64::from(u32::MAX) { minutes as u32 } else { u32::MAX }
    }
}

/// How many facilitators a method needs: `max(min, ceil(n / per))`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Facilitators {
    /// Facilitators needed whatever the size.
    #[serde(default = "one")]
    pub min: u32,
    /// One facilitator for every `per` participants, when the method needs more for
    /// bigger groups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per: Option<u32>,
}

fn one() -> u32 {
    1
}

impl Default for Facilitators {
    fn default() -> Self {
        Facilitators { min: 1, per: None }
    }
}

/// How a step's minutes follow the time a method is given and the size of the group.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Shape {
    /// A discussion: absorbs the stretch, between its `floor` and its `ceiling`.
    #[default]
    Elastic,
    /// An instruction, a vote: its minutes never change.
    Fixed,
    /// A share-out: its minutes plus `each` minutes for every group of `group` people
    /// (every participant when `group` is 1), at most `most` of them.
    Share,
    /// Repeated per round (World Café, forum ouvert): rounds keep at least `floor`
    /// minutes; when time is short there are fewer rounds, not shorter ones.
    Rounds,
}

/// How many rounds a repeated step runs.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoundCount {
    /// The fewest rounds that still make sense.
    pub min: u32,
    /// The rounds at the method's typical duration (the step's `minutes` cover them).
    pub typical: u32,
    /// The most rounds worth running.
    pub max: u32,
}

/// The least minutes one person needs to speak in a step where each member of a pair or a
/// small group speaks in turn (Liberating Structures time 1-2-4-All's pairs at 2 minutes
/// and its fours at 4): a step whose groups have `speakers` people lasts at least
/// `speakers` times this, and a method is never given fewer minutes than its steps need.
/// The `rules` module shows it with the other figures.
pub const TURN_MINUTES: u32 = 1;

/// In a group of this many people or fewer, a round where each person speaks leaves nobody
/// out (Équivalence 1 = 1): a share-out's `most` and a duration's `per_participant_up_to`
/// cap only larger groups, where a show of cards and a few volunteers take over. Sixteen
/// people at a workshop with service users all say their sentence at the close, and so do
/// the twenty-four managers who will carry the actions: facilitators hear a full round of
/// twenty-five short sentences, and find ten voices out of twenty-four a cut.
pub const EVERYONE_SPEAKS_UP_TO: u32 = 25;

/// One step of a method, at its typical duration.
///
/// Its text may name the real figures of the day: `{count}` (groups or people who share,
/// for a share-out), `{groups}` (groups formed), `{each}` (minutes each), `{rounds}` (rounds
/// run), `{minutes}` (minutes of one round, or of the step) and `{question}` (the question
/// each round works on: the request's calling questions in order, one round after the
/// other, in the déroulé; « la question du tour » where they are not known; a step that is
/// not a round takes the sequence's calling question). It may also name the session
/// ([`Method::SESSION_PLACEHOLDERS`]).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Its minutes at the method's typical duration (for a share-out: without the shares;
    /// for rounds: all the typical rounds).
    pub minutes: u32,
    /// What the facilitator says and does, and what the group produces.
    pub text: Text,
    /// How its minutes change; a step without a shape stretches in proportion.
    #[serde(default, skip_serializing_if = "is_default")]
    pub shape: Shape,
    /// The fewest minutes of an elastic step, or of one round. Default: in proportion to
    /// the method's `duration.min`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floor: Option<u32>,
    /// The most minutes of an elastic step, or of one round, before the other steps
    /// stretch. Default: no limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ceiling: Option<u32>,
    /// A share-out's minutes for each group (or each participant).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub each: Option<f64>,
    /// People per group (default 1): the unit of a share-out, and for any step the size
    /// behind `{groups}` (one wheel for every 20 people: `{groups}` wheels).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<u32>,
    /// At most this many groups share (drawn by lot, the others display their work). When
    /// each person shares alone, everyone does in a group of [`EVERYONE_SPEAKS_UP_TO`] or
    /// fewer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub most: Option<u32>,
    /// The rounds of a repeated step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rounds: Option<RoundCount>,
    /// For rounds on one calling question: the angle each round takes on it, one per
    /// round in order, the last for the rounds left (a World Café's « ce qui marche »,
    /// « ce qui manque », « ce qui compte le plus pour la suite »), so that the
    /// conversation moves on instead of going round in circles. Rounds given a question
    /// each by the request take those instead.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub angles: Vec<Text>,
    /// The angles its rounds take instead once an earlier sequence has turned the group
    /// towards the future (it drew a vision, new ideas, the will to go on): from that
    /// future back to what must change and who can help, not again to what works and what
    /// is missing (craft rule C13: a café after the front pages does not redo the
    /// morning's diagnosis). Absent: the rounds keep their `angles`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub angles_ahead: Vec<Text>,
    /// The angles its rounds take when the sequence itself looks for new ideas and no
    /// earlier one has looked ahead: from what blocks today to the ideas that would lift it
    /// and the one to try first, not what works and what to keep (a café on new ideas is
    /// no review). Absent: the rounds keep their `angles`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub angles_ideas: Vec<Text>,
    /// For a share-out where each of the groups of `group` people speaks in turn: what the
    /// facilitator does instead when there are too many groups to hear them all (more than
    /// `rules::SHARE_ROUND_MOST`): a gallery walk, two groups drawn by lot and then only
    /// what is new. The déroulé says it instead of `text` ([`render::step_text`]).
    ///
    /// [`render::step_text`]: ../render/fn.step_text.html
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crowded: Option<Text>,
    /// Whether it is the method's own welcome or closing: said only when the method opens
    /// (or closes) the session. In the middle of a session, after its welcome or before
    /// its closing method, the step is left out and its minutes go to the other steps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frame: Option<Frame>,
    /// How many people speak in turn in each of its pairs or small groups (a pair: 2, a
    /// four: 4): the step, or each of its rounds, never lasts less than that many times
    /// [`TURN_MINUTES`], so that nobody is cut short.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speakers: Option<u32>,
    /// The size of the groups its pairs or small groups later join into, two by two (the
    /// pairs of a 1-2-4-All become fours): the groups fall so that they can, and the
    /// déroulé announces them so (45 people: 18 pairs and 3 trios, then 9 fours and the 3
    /// trios, not 21 pairs and a trio that no count of fours follows from).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joins_into: Option<u32>,
    /// What the step says instead of `text` when service users take part (a closing where
    /// the institution commits and users say what they expect, not « dès lundi »).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub with_users: Option<Text>,
    /// What one of its rounds is called when the déroulé numbers them: a forum ouvert's
    /// sessions run in time slots, « Créneau 2 », not « Tour 2 ». Default: « tour »,
    /// « tours » ([`Step::round_words`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub called: Option<Called>,
}

/// What a round of a repeated step is called, in lower case, in the singular and the
/// plural. The French noun is masculine, as « tour » is (« qu'au créneau 1 »).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Called {
    /// One round: « tour », « créneau ».
    pub one: Text,
    /// Several: « tours », « créneaux ».
    pub many: Text,
}

impl Called {
    /// What a round is called unless its step says otherwise: « tour », « tours ».
    pub fn usual(lang: Lang) -> (&'static str, &'static str) {
        lang.pick(("tour", "tours"), ("round", "rounds"))
    }
}

/// The part of a session a method's step stands in for when the method opens or closes it.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Frame {
    /// Welcoming the group (« accueil », the method's purpose and arrival instructions):
    /// first steps only, left out when something comes before the method.
    Welcome,
    /// Closing the session (a last round, thanks): last steps only, left out when another
    /// method follows.
    Closing,
    /// Turning the method's results into actions (action groups, a lead, a deadline, names
    /// under workstreams): after its first step of work, left out when a convergence or
    /// action method comes later in the session (the forum ouvert's action groups, when a
    /// QQOQCP plan comes after it): the group neither writes its plan twice nor acts
    /// before it has chosen.
    Action,
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

impl Step {
    /// Whether it runs rounds that each take an angle on one question (a World Café's).
    pub fn angled(&self) -> bool {
        self.rounds.is_some() && !self.angles.is_empty()
    }

    /// Whether it runs rounds that each take a calling question of their own (its text
    /// names `{question}`: a World Café's tours); a forum ouvert's sessions take the topics
    /// posted at the marketplace instead, under one calling question read at the opening.
    pub fn asks_each_round(&self) -> bool {
        self.rounds.is_some() && self.text.fr.contains("{question}")
    }

    /// The figures a step's text may name between braces, filled in for the day.
    pub const PLACEHOLDERS: [&'static str; 6] = ["count", "groups", "each", "rounds", "minutes", "question"];

    /// An elastic step that stretches in proportion, as written in a file with only
    /// minutes and a text.
    pub fn new(minutes: u32, text: Text) -> Self {
        Step {
            minutes,
            text,
            shape: Shape::Elastic,
            floor: None,
            ceiling: None,
            each: None,
            group: None,
            most: None,
            rounds: None,
            angles: Vec::new(),
            angles_ahead: Vec::new(),
            angles_ideas: Vec::new(),
            crowded: None,
            frame: None,
            speakers: None,
            joins_into: None,
            with_users: None,
            called: None,
        }
    }

    /// What one of its rounds and several are called in `lang`, in lower case: « tour »
    /// and « tours » unless the file says otherwise ([`Step::called`]).
    pub fn round_words(&self, lang: Lang) -> (&str, &str) {
        match &self.called {
            Some(called) => (called.one.get(lang), called.many.get(lang)),
            None => Called::usual(lang),
        }
    }

    /// The groups (or people) formed for a share-out of `participants` people, and how
    /// many of them share.
    pub fn sharing(&self, participants: u32) -> (u32, u32) {
        let alone = self.group.unwrap_or(1) <= 1;
        let groups = participants.div_ceil(self.group.unwrap_or(1).max(1));
        if alone && participants <= EVERYONE_SPEAKS_UP_TO {
            return (groups, groups);
        }
        (groups, self.most.map_or(groups, |most| groups.min(most)))
    }

    /// The minutes the shares of a share-out take for `participants` people (rounded up).
    pub fn share_minutes(&self, participants: u32) -> u32 {
        let each = self.each.filter(|each| each.is_finite() && *each > 0.0).unwrap_or(0.0);
        let minutes = (each * f64::from(self.sharing(participants).1)).ceil();
        if minutes < f64::from(u32::MAX) { minutes as u32 } else { u32::MAX }
    }

    /// The fewest minutes of one round of a repeated step: its `floor` (else its typical
    /// round), and never less than its speakers need.
    pub fn round_floor(&self) -> u32 {
        self.floor.unwrap_or_else(|| self.round_minutes()).max(self.turns_floor())
    }

    /// The typical minutes of one round of a repeated step.
    pub fn round_minutes(&self) -> u32 {
        let typical = self.rounds.map_or(1, |rounds| rounds.typical.max(1));
        (self.minutes / typical).max(1)
    }

    /// The fewest minutes the step (or one of its rounds) needs for everyone in its groups
    /// to speak: its `speakers` times [`TURN_MINUTES`].
    pub fn turns_floor(&self) -> u32 {
        self.speakers.unwrap_or(0).saturating_mul(TURN_MINUTES)
    }

    /// The fewest and the most minutes this step can take for `participants` people in a
    /// method whose declared range is `duration` (`None`: no upper bound).
    pub fn range(&self, duration: &DurationRange, participants: u32) -> (u32, Option<u32>) {
        let in_proportion = |to: u32| {
            (f64::from(self.minutes) * f64::from(to) / f64::from(duration.typical.max(1))).floor() as u32
        };
        match self.shape {
            Shape::Fixed => {
                let minutes = self.minutes.max(self.turns_floor());
                (minutes, Some(minutes))
            }
            Shape::Share => {
                let minutes = self.minutes.saturating_add(self.share_minutes(participants));
                (minutes, Some(minutes))
            }
            Shape::Elastic => {
                let floor = self.floor.unwrap_or_else(|| in_proportion(duration.min)).max(self.turns_floor());
                (floor, self.ceiling)
            }
            Shape::Rounds => {
                let rounds = self.rounds.unwrap_or(RoundCount { min: 1, typical: 1, max: 1 });
                let floor = self.round_floor();
                let ceiling = self.ceiling.map(|ceiling| ceiling.saturating_mul(rounds.max));
                (floor.saturating_mul(rounds.min), ceiling)
            }
        }
    }
}

/// Something to bring: a localized name, with a quantity when it depends on the group.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Material {
    /// The French name.
    pub fr: String,
    /// The English name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    /// One item for every `per` participants (one tablecloth per table of 5: `per: 5`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per: Option<u32>,
    /// A fixed number of items for the whole session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// This many items for each piece of work on display, when the method shows what an
    /// earlier sequence left (a gallery's stations: one per tablecloth or front page, two
    /// proposal cards per station); `per` counts them when nothing earlier is shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_piece: Option<u32>,
}

impl Material {
    /// The name in `lang`, falling back to French.
    pub fn name(&self, lang: Lang) -> &str {
        match (lang, &self.en) {
            (Lang::En, Some(en)) if !en.trim().is_empty() => en,
            _ => &self.fr,
        }
    }

    /// How many items `participants` people need, when the file says; with `pieces` of
    /// work on display (see `per_piece`), so many per piece.
    pub fn quantity_with(&self, participants: u32, pieces: Option<u32>) -> Option<u32> {
        match (self.per_piece, pieces) {
            (Some(each), Some(pieces)) => Some(each * pieces),
            _ => self.quantity_for(participants),
        }
    }

    /// How many items `participants` people need, when the file says.
    pub fn quantity_for(&self, participants: u32) -> Option<u32> {
        match (self.per, self.count) {
            (Some(per), _) if per > 0 => Some(participants.div_ceil(per)),
            (_, Some(count)) => Some(count),
            _ => None,
        }
    }
}

/// What the methods of a sequence gave so far: the thread that the next method may take
/// up (see [`Method::fed_by`]). A small set, copied without allocating.
///
/// ```
/// use facilitation::{Catalogue, method::Given};
/// let catalogue = Catalogue::builtin();
/// let vote = catalogue.get("vote-par-gommettes").unwrap();
/// assert!(!vote.fed_by(Given::default()));
/// let given = Given::default().with(catalogue.get("world-cafe").unwrap());
/// assert!(vote.fed_by(given));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Given(u32);

impl Given {
    /// The set with what `method` gives added.
    pub fn with(self, method: &Method) -> Given {
        Given(method.gives.iter().fold(self.0, |bits, product| bits | Given::bit(*product)))
    }

    /// How far down the thread the products given lie: the furthest [`Product::stage`].
    pub fn furthest(self) -> Option<u8> {
        Product::ALL.iter().filter(|product| self.has(**product)).map(|product| product.stage()).max()
    }

    /// Whether `product` was given.
    pub fn has(self, product: Product) -> bool {
        self.0 & Given::bit(product) != 0
    }

    fn bit(product: Product) -> u32 {
        1 << (product as u32 % 32)
    }
}

/// A facilitation method: one file of the catalogue.
///
/// ```
/// use facilitation::{Catalogue, Format, Level};
/// let catalogue = Catalogue::builtin();
/// let cafe = catalogue.get("world-cafe").unwrap();
/// assert!(cafe.fits(40, Format::Onsite, Level::Advanced, false));
/// assert!(!cafe.fits(6, Format::Onsite, Level::Advanced, false));
/// assert!(cafe.minutes_for(40).contains(120));
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Method {
    /// Its id, equal to its file stem.
    pub id: MethodId,
    /// Its name.
    pub name: Text,
    /// Other names it goes by.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// What it is, in two sentences.
    pub summary: Text,
    /// Who devised it, and when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
    /// The phases it can serve.
    pub phases: Vec<Phase>,
    /// The objectives it serves.
    pub objectives: Vec<Objective>,
    /// The group sizes it works with.
    pub participants: Participants,
    /// How long it lasts.
    pub duration: DurationRange,
    /// How many facilitators it needs.
    #[serde(default)]
    pub facilitators: Facilitators,
    /// Where it can run.
    pub formats: Vec<Format>,
    /// How much energy it asks of the group.
    pub energy: Energy,
    /// The facilitation experience it asks for.
    pub level: Level,
    /// Whether it needs separate sub-group spaces.
    #[serde(default)]
    pub breakout: bool,
    /// Whether it runs in rounds that breaks may separate.
    #[serde(default)]
    pub split: bool,
    /// Whether it is a main event that brings its own opening circle (the forum ouvert):
    /// it may then be the session's first method, and only convergence, action and
    /// closing methods follow it (craft rule C9).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub opens_itself: bool,
    /// Whether it is one of the network's own methods (`resolution-irritants`): the planner
    /// uses it whenever it fits (craft rule C11).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub network: bool,
    /// Whether it practises a way of working (how one helps a colleague) rather than
    /// working on the request's subject: no calling question fits it, so the déroulé reads
    /// none, and it counts for no objective the request gives a question of its own
    /// ([`crate::score::one_question`]): the team's needs of one another are not answered
    /// by trying four ways of helping.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub practice: bool,
    /// Its conditions of use: what the group must be for it to run at all (a team and its
    /// manager, a public at ease with confrontation). The planner never proposes it to a
    /// group that does not meet them (craft rule C12).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<Condition>,
    /// What its work leaves the group with (ideas, irritants, priorities, actions...), the
    /// first being its main product.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gives: Vec<Product>,
    /// What it works on, when it cannot start from a blank page: it must follow a method
    /// that gives one of these (craft rule C13). Empty: it starts from the calling question.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub takes: Vec<Product>,
    /// What it can also work on when the sequence right before it left it, though it can
    /// start from the calling question too: the six hats examine from six angles the ideas
    /// a brainwriting just wrote. It then takes them up rather than doing that job again
    /// (craft rule C13), and the déroulé shows them on the wall before its instructions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub develops: Vec<Product>,
    /// It converges on options settled with the project lead before the day (the decision
    /// grid's two to four options), not on a blank page: placed right after a sequence that
    /// produced something it neither takes nor develops, it leaves that work behind (the
    /// six hats' ten options, then a grid of four others; see [`Method::skips`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub prepared_options: bool,
    /// What its work leaves on the wall for the sequences after it, as the facilitator
    /// points at it before their instructions (« les nappes des tables, une par table,
    /// avec leurs idées entourées »). Absent: the déroulé names what it `gives`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leaves: Option<Text>,
    /// What its sequence promises aloud (« À la fin, nous aurons… ») in place of the words
    /// of the objectives it serves, when they would promise something else: working
    /// agreements serve trust, and the group leaves with agreements it can keep, not
    /// with « un groupe qui se connaît mieux ». Absent: the objectives' words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promises: Option<Text>,
    /// What the facilitators settle or prepare with the project lead before the day so that
    /// it can run (the teams that will hold a stand, the options a decision grid compares):
    /// a line of the déroulé's « À régler avec le porteur de projet avant le jour », named
    /// with the sequence and its time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beforehand: Option<Text>,
    /// How its choice is settled (adopted when nobody raises a reasoned objection, the
    /// project lead deciding otherwise): said at the welcome, so that nobody discovers the
    /// rule when the time comes to choose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decides_by: Option<Text>,
    /// Methods built the same way, whatever they give (the ORID conversation and What? So
    /// what? Now what?: facts, meaning, then what to do): one session never runs both
    /// (craft rule C13). Either method naming the other is enough.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alike: Vec<MethodId>,
    /// The group configurations it uses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groupings: Vec<Grouping>,
    /// How much reading and writing it asks of participants.
    #[serde(default)]
    pub writing: Writing,
    /// The layouts of the room it works in (any of them); empty: it runs wherever the
    /// group sits. Two methods in a row whose layouts share none mean the room changes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub room: Vec<Layout>,
    /// How to arrange the room.
    pub setup: Text,
    /// What to bring.
    #[serde(default)]
    pub materials: Vec<Material>,
    /// How it runs, at its typical duration.
    pub steps: Vec<Step>,
    /// Advice from practice, each with the sessions it applies to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tips: Vec<Tip>,
    /// Where its figures and description come from.
    #[serde(default)]
    pub sources: Vec<String>,
    /// What the facilitator says aloud to launch it, in the words of the network: the
    /// instruction the group hears (printed under « À dire » in the déroulé, after the
    /// calling question). Written so that it holds on site and by video, in any session:
    /// it may name the session ([`Method::SESSION_PLACEHOLDERS`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub say: Option<Text>,
    /// The calling question proposed, when the request gives none, for a method whose steps
    /// need a question of a kind of their own (a story to tell, rounds each turning the
    /// question over from an angle); otherwise the draft of the objective it serves. The
    /// request's subject heads it on the wall.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<Text>,
    /// What is said aloud instead of `say` when service users take part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub say_with_users: Option<Text>,
    /// How it runs by video, when it can: what differs from onsite.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote: Option<Remote>,
    /// What the facilitators do, when the usual roles (one leads, the others support the
    /// groups) do not fit: a method that runs itself says what they do instead. The first
    /// line is the lead's; the others are printed when there are other facilitators.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Text>,
}

/// How the room is laid out for a method.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Layout {
    /// One circle of chairs, everyone seeing everyone.
    Circle,
    /// Chairs in pairs, threes or small circles, without tables.
    Clusters,
    /// Small tables to write on.
    Tables,
    /// A cleared space to stand and move about.
    Open,
    /// Groups standing at walls, posters or flip charts.
    Walls,
    /// An audience seated in an arc, facing a stage or a board.
    Audience,
}

impl Layout {
    /// The layout in words, for the déroulé.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Layout::Circle => lang.pick("un cercle de chaises", "a circle of chairs"),
            Layout::Clusters => lang
                .pick("des chaises par petits groupes, sans table", "chairs in small groups, without tables"),
            Layout::Tables => lang.pick("des tables de travail", "work tables"),
            Layout::Open => lang.pick("un espace dégagé, debout", "a cleared space, standing"),
            Layout::Walls => lang.pick(
                "des groupes debout aux murs ou aux paperboards",
                "groups standing at walls or flip charts",
            ),
            Layout::Audience => lang.pick(
                "le public en arc de cercle face à la scène ou au tableau",
                "the audience in an arc facing the stage or the board",
            ),
        }
    }
}

/// A piece of advice from practice, and when it applies.
///
/// ```
/// use facilitation::method::{Occasion, Tip, When};
/// use facilitation::{ClockTime, Format};
/// let tip = Tip {
///     fr: "À distance, ...".into(),
///     en: None,
///     when: vec![When::Remote, When::Hybrid],
///     beyond: None,
///     asked: vec![],
/// };
/// let morning = Occasion {
///     format: Format::Onsite,
///     users: Some(false),
///     start: ClockTime::at(9, 45),
///     work_after: None,
///     hierarchy: Some(false),
///     participants: 12,
///     objectives: &[],
/// };
/// assert!(!tip.applies(&morning));
/// assert!(tip.applies(&Occasion { format: Format::Hybrid, ..morning }));
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tip {
    /// The French text.
    pub fr: String,
    /// The English text, when translated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    /// The sessions it applies to; empty: every session. Conditions of one kind (formats,
    /// audience, time of day) are alternatives, and each kind named must be met:
    /// `[remote, hybrid]` is a tip for any session held by video, `[onsite, with-users]` a
    /// tip for service users in the room.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub when: Vec<When>,
    /// A tip for big groups: it applies only when more than this many people take part
    /// (« au-delà d'une trentaine de personnes » is no advice for a team of nine).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beyond: Option<u32>,
    /// A tip for a purpose: it applies only when the session asks one of these objectives
    /// (how to harmonise practices is no advice for a day on a plan of action); empty: for
    /// any purpose.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub asked: Vec<Objective>,
}

/// A condition on the session that a tip applies to.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum When {
    /// Everyone in one room.
    Onsite,
    /// Everyone by video.
    Remote,
    /// Some in the room, some by video.
    Hybrid,
    /// Service users take part.
    WithUsers,
    /// No service user takes part (a tip for staff only).
    WithoutUsers,
    /// The method starts before noon.
    Morning,
    /// The method starts after lunch (from [`AFTERNOON`]).
    Afternoon,
    /// Other work follows the method in the session (a tip that points to the rest of the
    /// session, as « keep the covers on display: they give the workstreams to prioritise »).
    WorkAfter,
    /// Managers take part with agents (a tip on who hosts a table, who speaks first).
    WithHierarchy,
}

/// When the afternoon begins, for tips about the time of day (« idéal après le déjeuner »).
pub const AFTERNOON: ClockTime = ClockTime::at(13, 0);

/// What a tip's conditions are checked against: the session's format and audience and the
/// time the method starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occasion<'a> {
    /// The session's format.
    pub format: Format,
    /// Whether service users take part; `None` when unknown (an agenda read from a file):
    /// the audience's tips are then all shown.
    pub users: Option<bool>,
    /// When the method starts.
    pub start: ClockTime,
    /// Whether a content sequence follows the method; `None` when unknown: the tips about
    /// the rest of the session are then shown.
    pub work_after: Option<bool>,
    /// Whether managers take part with agents; `None` when unknown: the tips about a line
    /// of authority in the room are then shown.
    pub hierarchy: Option<bool>,
    /// How many people take part.
    pub participants: u32,
    /// What the session asks for, for the tips made for a purpose (`asked`).
    pub objectives: &'a [Objective],
}

impl When {
    /// The kind of condition (format, audience, time of day): one of each kind named must
    /// hold.
    fn kind(self) -> u8 {
        match self {
            When::Onsite | When::Remote | When::Hybrid => 0,
            When::WithUsers | When::WithoutUsers => 1,
            When::Morning | When::Afternoon => 2,
            When::WorkAfter => 3,
            When::WithHierarchy => 4,
        }
    }

    /// Whether the condition holds on `occasion`.
    pub fn holds(self, occasion: &Occasion) -> bool {
        match self {
            When::Onsite => occasion.format == Format::Onsite,
            When::Remote => occasion.format == Format::Remote,
            When::Hybrid => occasion.format == Format::Hybrid,
            When::WithUsers => occasion.users != Some(false),
            When::WithoutUsers => occasion.users != Some(true),
            When::Morning => occasion.start < ClockTime::at(12, 0),
            When::Afternoon => occasion.start >= AFTERNOON,
            When::WorkAfter => occasion.work_after != Some(false),
            When::WithHierarchy => occasion.hierarchy != Some(false),
        }
    }
}

impl Tip {
    /// The text in `lang`, falling back to French.
    pub fn get(&self, lang: Lang) -> &str {
        crate::text::in_lang(&self.fr, self.en.as_deref(), lang)
    }

    /// Whether an English version is given and not blank.
    pub fn has_english(&self) -> bool {
        crate::text::english(self.en.as_deref()).is_some()
    }

    /// Whether it applies on `occasion`: for each kind of condition it names, one holds,
    /// the group is bigger than its `beyond`, and the session asks one of its `asked`.
    pub fn applies(&self, occasion: &Occasion) -> bool {
        let big_enough = self.beyond.is_none_or(|most| occasion.participants > most);
        let asked = self.asked.is_empty() || self.asked.iter().any(|o| occasion.objectives.contains(o));
        big_enough
            && asked
            && self.when.iter().all(|when| {
                self.when
                    .iter()
                    .filter(|other| other.kind() == when.kind())
                    .any(|other| other.holds(occasion))
            })
    }
}

/// How a method runs by video: its own setup, materials and, where they differ, steps.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Remote {
    /// The group configurations it needs by video (pairs or small groups need breakout
    /// rooms); empty: the onsite ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groupings: Vec<Grouping>,
    /// How to prepare the video call and the shared boards.
    pub setup: Text,
    /// What to prepare (digital whiteboard, breakout rooms, chat, polls).
    #[serde(default)]
    pub materials: Vec<Material>,
    /// The steps by video, when they differ from onsite; they add up to the typical
    /// duration too.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Step>,
    /// What its work leaves on the shared board for the sequences after it, by video, when
    /// the onsite [`Method::leaves`] speaks of walls and paper; absent: a remote déroulé
    /// names what it gives instead, kept on the shared board.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leaves: Option<Text>,
    /// How it runs by video without breakout rooms, when a facilitator would run its work
    /// in plenary for a group small enough; absent: without rooms, it cannot run when it
    /// needs sub-groups (craft rule C6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plenary: Option<Plenary>,
}

/// How a method runs by video without breakout rooms: everyone stays in the one call and
/// the work that needs sub-groups elsewhere is done in plenary (turns of speech, the chat,
/// a shared board or document, pictures shown on screen), up to a group size where the
/// turns still fit.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plenary {
    /// The most participants for whom it still runs in plenary; a larger group needs
    /// breakout rooms.
    pub up_to: u32,
    /// The group configurations it uses in plenary: none that needs sub-groups.
    pub groupings: Vec<Grouping>,
    /// How to prepare the video call without rooms.
    pub setup: Text,
    /// What to prepare (shared board, chat, pictures on screen).
    #[serde(default)]
    pub materials: Vec<Material>,
    /// The steps in plenary, at the typical duration.
    pub steps: Vec<Step>,
}

impl Method {
    /// The words of the session that a step's text and what is said aloud may name between
    /// braces, filled in for the day: `{session}` (« cette séance », « cette matinée », « cet
    /// après-midi », « cette journée », by the session's length and time) and `{scribe}`
    /// (who takes the notes, after « par »: the recorder's name, « l'autre facilitateur »,
    /// or « vous-même » when one facilitator leads alone) and `{heard}` (how many voices a
    /// round hears: « nous les entendrons toutes » in a group where everyone speaks,
    /// [`EVERYONE_SPEAKS_UP_TO`], « nous en entendrons le plus possible » beyond) and `{kept}` (what the session kept, to read aloud
    /// at the close: « le plan d'action… », « la décision prise… », by the results its
    /// sequences serve) and `{commit}` (what each one says at the close, in the first person:
    /// « Ce que je retiens, et ce que je ferai… », or after a decision « Ce que cette
    /// décision change pour moi… ») and `{settled}` (what a sequence comparing options
    /// settles at its end: a decision, or the order of the options when the session
    /// prioritises) and `{horizon}` (the date a vision is set at, from the request's
    /// date and the horizon its questions name: « dans un an » asked on 18 March 2027 is
    /// « en mars 2028 »; else « à la date écrite en haut du gabarit »).
    pub const SESSION_PLACEHOLDERS: [&'static str; 7] =
        ["session", "scribe", "heard", "kept", "commit", "settled", "horizon"];

    /// The fewest and the most minutes its `steps` can take for `participants` people
    /// (`None`: no upper bound). The declared range must lie within it.
    pub fn steps_range(&self, steps: &[Step], participants: u32) -> (u32, Option<u32>) {
        steps.iter().map(|step| step.range(&self.duration, participants)).fold(
            (0u32, Some(0u32)),
            |(min, max), (step_min, step_max)| {
                (min.saturating_add(step_min), max.zip(step_max).map(|(a, b)| a.saturating_add(b)))
            },
        )
    }

    /// The minutes it needs for `participants` people (rounded up to whole minutes).
    pub fn minutes_for(&self, participants: u32) -> MinuteRange {
        MinuteRange {
            min: self.duration.scaled(self.duration.min, participants),
            max: self.duration.scaled(self.duration.max, participants),
        }
    }

    /// Its usual length for `participants` people.
    pub fn typical_minutes_for(&self, participants: u32) -> u32 {
        self.duration.scaled(self.duration.typical, participants)
    }

    /// The facilitators it needs for `participants` people.
    pub fn facilitators_for(&self, participants: u32) -> u32 {
        let scaled = match self.facilitators.per {
            Some(per) if per > 0 => participants.div_ceil(per),
            _ => 0,
        };
        self.facilitators.min.max(scaled)
    }

    /// Whether it can run for `participants` people, in `format`, by facilitators of
    /// `level`, with or without separate sub-group spaces.
    pub fn fits(&self, participants: u32, format: Format, level: Level, breakout_rooms: bool) -> bool {
        self.participants.contains(participants)
            && self.formats.contains(&format)
            && self.level <= level
            && (breakout_rooms || !self.breakout)
    }

    /// The group configurations it needs in `format`.
    /// Remote and hybrid sessions use what its `remote` block says it needs by video, when
    /// it says; otherwise, and on site, its own `groupings`.
    pub fn groupings_for(&self, format: Format) -> &[Grouping] {
        match &self.remote {
            Some(remote) if format != Format::Onsite && !remote.groupings.is_empty() => &remote.groupings,
            _ => &self.groupings,
        }
    }

    /// How it runs in plenary by video, when a session in `format` without breakout rooms
    /// has `participants` people and its remote block says it can run so for them.
    pub fn plenary_by_video(
        &self,
        format: Format,
        breakout_rooms: bool,
        participants: u32,
    ) -> Option<&Plenary> {
        let plenary = self.remote.as_ref()?.plenary.as_ref()?;
        (format != Format::Onsite && !breakout_rooms && participants <= plenary.up_to).then_some(plenary)
    }

    /// The group configurations it needs in a session of `participants` people in `format`,
    /// with or without breakout rooms: those of its plenary variant when it runs so,
    /// otherwise those of [`Method::groupings_for`].
    pub fn groupings_in(&self, format: Format, breakout_rooms: bool, participants: u32) -> &[Grouping] {
        match self.plenary_by_video(format, breakout_rooms, participants) {
            Some(plenary) => &plenary.groupings,
            None => self.groupings_for(format),
        }
    }

    /// Whether its own steps open up (it has a divergence or emergence phase): placed to
    /// converge, it still opens what it converges on.
    pub fn opens_up(&self) -> bool {
        self.first_opening_phase().is_some()
    }

    /// The earliest of its phases that open up (divergence, emergence), if any.
    pub fn first_opening_phase(&self) -> Option<Phase> {
        self.phases
            .iter()
            .copied()
            .filter(|phase| matches!(phase, Phase::Divergence | Phase::Emergence))
            .min()
    }

    /// Whether its work leaves the group with commitments: a closing that keeps C14.
    pub fn commits(&self) -> bool {
        self.gives.contains(&Product::Commitments)
    }

    /// The conditions of use that a group of `profiles`, asking for `objectives`, does not
    /// meet (craft rule C12), when the request `named` the method or not: naming it is
    /// what agrees to a format prepared beforehand ([`Condition::AgreedBeforehand`]) and
    /// asks for its purpose ([`Condition::AskedPurpose`]); it brings no passers-by and
    /// prepares no service users.
    pub fn unmet_needs(&self, profiles: &[Profile], objectives: &[Objective], named: bool) -> Vec<Condition> {
        let own_asked = self.objectives.first().is_some_and(|own| objectives.contains(own));
        let purpose_asked = named || self.objectives.iter().any(|own| objectives.contains(own));
        let met = |need: Condition| match need {
            Condition::AgreedBeforehand => named,
            Condition::AskedPurpose => purpose_asked,
            _ => need.met_by(profiles, own_asked),
        };
        self.needs.iter().copied().filter(|need| !met(*need)).collect()
    }

    /// Whether it can work on what the methods before it gave: it takes nothing, or one of
    /// the things it takes is in `given` (craft rule C13).
    pub fn fed_by(&self, given: Given) -> bool {
        self.takes.is_empty() || self.takes.iter().any(|product| given.has(*product))
    }

    /// Whether, placed in `phase` after content methods that `made` their products, the
    /// last of them in `previous` (its phase and main product), it would do a job already
    /// done or go back up the thread: its main product (the first it `gives`) is already
    /// there (1-2-4-All after 25/10, a vote after a vote) and it does not `develop` the
    /// last one's (six hats right after a brainwriting), comes before the last one's or
    /// before anything already reached (ideas after a decision, a vision after a forum's
    /// priorities, see [`Product::stage`]), it plans actions right after another action
    /// method, or it opens up again after the last one converged (after lunch) on a blank
    /// page, taking up nothing made before it (a troïka between the morning's priorities and
    /// the afternoon's plan).
    pub fn repeats(&self, phase: Phase, made: Given, previous: Option<(Phase, Option<Product>)>) -> bool {
        let main = self.gives.first().copied();
        let (previous_phase, previous_main) = previous.unzip();
        // Six hats right after a brainwriting examine its ideas: they do not write them again.
        let develops_last = previous_main.flatten().is_some_and(|last| self.develops.contains(&last));
        let same_product = main.is_some_and(|main| made.has(main)) && !develops_last;
        // Back up the thread: before the last method's main product, or before anything an
        // earlier content method already reached (a vision after the priorities of a forum).
        let reached = previous_main.flatten().map(Product::stage).max(made.furthest());
        let back = main.zip(reached).is_some_and(|(main, reached)| main.stage() < reached);
        let two_plans = phase == Phase::Action && previous_phase == Some(Phase::Action);
        // An afternoon may open up again, but on what the morning chose (the causes of the
        // irritants it voted on), not on a new subject that drops the thread.
        let blank_reopening = previous_phase.is_some_and(|previous| phase < previous) && !self.takes_up(made);
        same_product || back || two_plans || blank_reopening
    }

    /// Whether it works on something in `given`: one of the things it `takes` or
    /// `develops`.
    pub fn takes_up(&self, given: Given) -> bool {
        self.takes.iter().chain(&self.develops).any(|product| given.has(*product))
    }

    /// Whether, placed to converge in `phase` right after a content method that gave
    /// `last`, it would work on something older and leave that method's product behind: a
    /// vote on the morning's ideas after a vision built in between. A convergence takes up
    /// what the sequence just before it produced (craft rule C13); one that works on
    /// `prepared_options` leaves behind whatever that sequence produced and it does not
    /// take or develop.
    pub fn skips(&self, phase: Phase, last: Option<Given>) -> bool {
        let older = |last: Given| !self.takes.is_empty() && !self.fed_by(last);
        let prepared =
            |last: Given| self.prepared_options && last != Given::default() && !self.takes_up(last);
        phase.converges() && last.is_some_and(|last| older(last) || prepared(last))
    }

    /// Whether it is built like `other` (either names the other in `alike`), so that a
    /// session runs only one of them (craft rule C13).
    pub fn alike_to(&self, other: &Method) -> bool {
        self.alike.contains(&other.id) || other.alike.contains(&self.id)
    }

    /// Its main product: the first it gives.
    pub fn main_product(&self) -> Option<Product> {
        self.gives.first().copied()
    }

    /// Whether it runs a whole arc of its own (three products or more: résolution des
    /// irritants lists, chooses, then plans), so that each of its stages may take a
    /// question of its own.
    pub fn runs_whole_arc(&self) -> bool {
        self.gives.len() >= 3
    }

    /// Whether it takes several calling questions in one sequence: a World Café's tours
    /// each take one, and so does each stage of a method that runs a whole arc (the
    /// irritants, then the plan). Any other method answers one question: a photo chosen
    /// for two questions leaves the group unsure which to answer.
    pub fn holds_several_questions(&self) -> bool {
        self.runs_whole_arc() || self.steps.iter().any(Step::asks_each_round)
    }

    /// Whether it works on `product` when an earlier sequence left it on the wall: what it
    /// `takes` or `develops`, and, for a method that brings out new ideas, a vision drawn before it (the
    /// front pages an idea then brings closer), which it does not need to run.
    pub fn builds_on(&self, product: Product) -> bool {
        let vision_for_ideas = product == Product::Vision && self.gives.contains(&Product::Ideas);
        self.takes.contains(&product) || self.develops.contains(&product) || vision_for_ideas
    }

    /// Whether it can serve `phase`.
    pub fn has_phase(&self, phase: Phase) -> bool {
        self.phases.contains(&phase)
    }

    /// Whether it serves `objective`.
    pub fn serves(&self, objective: Objective) -> bool {
        self.objectives.contains(&objective)
    }
}
