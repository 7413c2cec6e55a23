//! The figures of the network's rules, each stated once.
//!
//! The checker, the craft review, the planner and the quality oracle all read them from
//! here, so that a rule changed here changes everywhere. The hard rules (numbered 1 to 11)
//! make an agenda valid or not; the craft rules (C1 to C15) are what an experienced
//! facilitator checks first (see the `craft` module and the `design` notes).
//!
//! ```
//! use facilitation::rules;
//! assert_eq!(rules::usual_welcome(45), 5);
//! assert_eq!(rules::usual_welcome(180), 15);
//! assert_eq!(rules::opening_cap(150), 18); // 12 % of two hours and a half
//! assert_eq!(rules::opening_cap(450), 20); // never more than twenty minutes
//! assert_eq!(rules::closing_cap(90), 15);
//! ```

use crate::clock::ClockTime;
use crate::method::{Frame, Method, MinuteRange, Shape};
use crate::vocabulary::{Condition, Objective, Phase, Product, Profile};

/// Rule 8: the shortest break that counts as one.
pub const MIN_BREAK: u32 = 10;
/// The usual length of a break, in minutes: a quarter of an hour.
pub const USUAL_BREAK: u32 = 15;
/// The lengths of a break, in minutes, that the planner tries and the quality oracle
/// searches: ten, the usual fifteen ([`USUAL_BREAK`]), or twenty when a day has minutes no
/// sequence can take.
pub const BREAKS: [u32; 3] = [MIN_BREAK, USUAL_BREAK, 20];
/// Rule 8, counted ahead: the usual pauses a stretch of `minutes` (its pauses included)
/// needs so that no run of work lasts more than `stretch` minutes. A morning of 3 h 45
/// under the default stretch of 90 minutes needs two; one of 3 h 15, one.
///
/// ```
/// use facilitation::rules::pauses_needed;
/// assert_eq!((pauses_needed(225, 90), pauses_needed(195, 90), pauses_needed(90, 90)), (2, 1, 0));
/// ```
pub const fn pauses_needed(minutes: u32, stretch: u32) -> u32 {
    let stretch = if stretch == 0 { 1 } else { stretch };
    let mut pauses = 0;
    while minutes.saturating_sub(pauses * USUAL_BREAK) > (pauses + 1) * stretch {
        pauses += 1;
    }
    pauses
}

/// Rules 8 and 9: the shortest lunch.
pub const MIN_LUNCH: u32 = 45;
/// Rule 2: the welcome's length range.
pub const WELCOME: MinuteRange = MinuteRange { min: 5, max: 30 };
/// The largest team among colleagues ([`among_colleagues`]): beyond it, a meeting is one
/// to invite people to, whose needs the project lead does not all know.
pub const TEAM_MOST: u32 = 20;
/// Whether a group of `profiles` and `participants` is a team among colleagues: a group
/// that knows itself ([`Condition::KnownGroup`]: only agents and managers, an unstated
/// profile not assumed to be one) of at most [`TEAM_MOST`].
pub fn among_colleagues(profiles: &[Profile], participants: u32) -> bool {
    Condition::KnownGroup.met_by(profiles, false) && participants <= TEAM_MOST
}
/// Plan B's closing run bare, its last measure before ending late: no round, only what the
/// session produced and what comes next, in this many minutes.
pub const BARE_CLOSING: u32 = 5;
/// Rule 4: the shortest part of a split method.
pub const MIN_PART: u32 = 20;
/// C3: the shortest part of a split method beside a pause, when the craft rules hold: a
/// pause comes once the method has really begun (a World Café's first round is finished),
/// and leaves a real part after it.
pub const CRAFT_PART: u32 = 30;
/// C3: how many rounds of a method in rounds run before a pause may cut it, when its
/// rounds build on one another (see [`rounds_before_pause`]): the rotation has begun, and
/// the tables have met someone new before they part.
pub const ROUNDS_BEFORE_PAUSE: u32 = 2;
/// C3: the typical minutes from which a method is a day's work (a forum ouvert, an
/// appreciative inquiry, a croisement des savoirs): it may resume after lunch and after
/// more than one pause (see [`may_cut`]).
pub const DAY_LONG: u32 = 160;
/// The longest session the planner builds: a long workshop day (twelve hours with lunch and
/// breaks). A longer one is spread over several sessions.
pub const LONGEST_SESSION: u32 = 12 * 60;
/// Plan B's last shortening before an objective is left for another time: a content
/// sequence may run up to one part in this many under its shortest length (a World Café of
/// 80 minutes runs 75: shorter rounds, not a lost sequence).
pub const PLAN_B_SQUEEZE: u32 = 10;
/// Plan B's advice to hold the session again rather than run over: when the minutes it
/// still misses are a third of the session or more (a meeting of 45 minutes that starts 30
/// late would end 20 minutes over).
pub const fn better_postponed(session: u32, missing: u32) -> bool {
    missing.saturating_mul(3) >= session
}
/// The default longest stretch of work without a pause (a request's `max_stretch`).
pub const DEFAULT_MAX_STRETCH: u32 = 90;
/// The longest stretch of work without a pause the planner gives a day whose request names
/// a disability ([`crate::analysis::names_a_disability`]), when the day can hold it: a
/// pause at least every hour (fatigue, care, an interpreter's rest).
pub const CARE_STRETCH: u32 = 60;

/// Rule 9: a session that runs through the whole of this span has a lunch.
pub const LUNCH_SPAN: (ClockTime, ClockTime) = (ClockTime::at(12, 0), ClockTime::at(13, 30));
/// Rule 9: the window in which the lunch starts.
pub const LUNCH_WINDOW: (ClockTime, ClockTime) = (ClockTime::at(11, 45), ClockTime::at(13, 30));

/// C3: the shortest run of work between two pauses, or a pause and either end.
pub const MIN_RUN: u32 = 40;
/// C3: in a session of [`FIRST_RUN_FROM`] minutes or more, the shortest first run (welcome
/// included): the group gets into the work before its first pause.
pub const FIRST_RUN: u32 = 60;
/// C3: the sessions long enough for [`FIRST_RUN`]: three hours.
pub const FIRST_RUN_FROM: u32 = 180;

/// C3: the shortest run of work before a pause in a session of `session` minutes: the
/// `first` run of a long session [`FIRST_RUN`], any other [`MIN_RUN`].
pub const fn least_run(session: u32, first: bool) -> u32 {
    if first && session >= FIRST_RUN_FROM { FIRST_RUN } else { MIN_RUN }
}
/// C4: every slot starts and ends on a multiple of this many minutes of the clock.
pub const GRAIN: u32 = 5;
/// C8: a real lunch's length.
pub const CRAFT_LUNCH: MinuteRange = MinuteRange { min: 45, max: 75 };
/// C8: the window in which a real lunch starts.
pub const CRAFT_LUNCH_WINDOW: (ClockTime, ClockTime) = (ClockTime::at(11, 45), ClockTime::at(13, 0));
/// A plenary share-out hears at most this many groups one by one (about thirty people in
/// fours: seven groups giving one idea each is ten minutes a group can follow, and a
/// workshop that asks to harmonise or to hear every voice does not silence half of them):
/// beyond, a facilitator changes its form (a gallery walk, two groups drawn by lot and
/// then only what is new, one new idea per group), and the déroulé says the step's
/// `crowded` consigne instead.
pub const SHARE_ROUND_MOST: u32 = 8;
/// C5: the first objective gets at least this share of an equal split of the content time.
pub const FIRST_OBJECTIVE_SHARE: f64 = 0.8;
/// The least minutes one person needs to speak in a step where each member of a pair or a
/// small group speaks in turn (stated with the steps it bounds, in `method`).
pub use crate::method::TURN_MINUTES;

/// C14: whether the session should close on commitments (« ce que je fais lundi », who
/// does what next) before its quick feedback: when one of its `objectives` calls for a
/// result, when service users or partners take part (`profiles`), or when it sets out to
/// lead a partners' network or to remobilise a team (a team getting going again leaves
/// with what each will do next, not with how it feels). A ROTI alone sends such a group
/// away without a next step.
pub fn closing_commits(objectives: &[Objective], profiles: &[Profile]) -> bool {
    let commits = |objective: &Objective| {
        objective.calls_for_result()
            || matches!(objective, Objective::NetworkPartners | Objective::Remobilize)
    };
    objectives.iter().any(commits)
        || profiles.iter().any(|profile| matches!(profile, Profile::Users | Profile::Partners))
}

/// Whether a session from `start` to `end` runs through midday and so needs a lunch
/// (rule 9).
pub fn needs_lunch(start: ClockTime, end: ClockTime) -> bool {
    start <= LUNCH_SPAN.0 && end >= LUNCH_SPAN.1
}

/// Whether a lunch may start at `start` (rule 9).
pub fn lunch_may_start(start: ClockTime) -> bool {
    (LUNCH_WINDOW.0..=LUNCH_WINDOW.1).contains(&start)
}

/// C2: the usual welcome for a session of `minutes`: about 5 minutes for a meeting under
/// an hour, 10 up to two hours, 15 beyond.
pub const fn usual_welcome(minutes: u32) -> u32 {
    match minutes {
        0..60 => 5,
        60..=120 => 10,
        _ => 15,
    }
}

/// C2: the usual welcome for a session of `minutes` whose first sequence brings its own
/// opening circle or not (`opens_itself`: a forum ouvert states its principles and its
/// question): then the welcome only greets and gives the frame, at the short end of
/// [`welcome_range`], so that the frame is not said twice.
pub const fn usual_welcome_before(minutes: u32, opens_itself: bool) -> u32 {
    if opens_itself { welcome_range(minutes).min } else { usual_welcome(minutes) }
}

/// C2: the welcome lengths that suit a session of `minutes`: within five minutes of the
/// usual one, and within rule 2's range.
pub const fn welcome_range(minutes: u32) -> MinuteRange {
    let usual = usual_welcome(minutes);
    let least = if usual > WELCOME.min + 5 { usual - 5 } else { WELCOME.min };
    MinuteRange { min: least, max: usual + 5 }
}

/// C2 and C7 in any session: an opening or a closing method never takes more than this,
/// whatever the session's length. DESIGN's percentages alone would allow a 50-minute
/// opening on a full day, which no facilitator of the network would run.
pub const FRAME_METHOD_MOST: u32 = 30;

/// C2: the most minutes the opening methods may take: max(10 min, 12 % of the session),
/// and never more than [`OPENING_MOST`].
pub const fn opening_cap(minutes: u32) -> u32 {
    at_most(share(minutes, 12, 10), OPENING_MOST)
}

/// C2 in any session: the opening methods never take more than twenty minutes, shorter
/// than [`FRAME_METHOD_MOST`]: on a full day, half an hour of nine whys before the work
/// starts is time the work lacks, and the welcome has already set the frame; twenty
/// minutes let eighty people meet three others.
pub const OPENING_MOST: u32 = 20;

/// C2: the most minutes an energiser after lunch may take: the opening's cap, and never more
/// than [`ENERGISER_MOST`].
pub const fn energiser_cap(minutes: u32) -> u32 {
    at_most(opening_cap(minutes), ENERGISER_MOST)
}

/// C2: an energiser after lunch gets the group moving again and hands over to the work: ten
/// minutes at most, whatever the session's length. Twenty minutes of networking at 13:40,
/// on the questions of a morning's opening, is a third round of getting to know each other,
/// not a restart.
pub const ENERGISER_MOST: u32 = 10;

/// C2: the most minutes the welcome and the opening methods may take together:
/// max(10 min, 20 % of the session).
pub const fn frame_cap(minutes: u32) -> u32 {
    share(minutes, 20, 10)
}

/// The closing a session of `minutes` for `participants` people usually gets, at least: a
/// quarter of an hour for a day (more than five hours), or for more than twenty-five people in
/// a session of three hours or more (too many for everyone to speak: the sponsor's word,
/// the next step and the cards on the wall take their time); no floor otherwise, where
/// ten minutes close well. The score's `pace` counts a shorter closing as a misfit.
pub const fn usual_closing(minutes: u32, participants: u32) -> Option<u32> {
    let day = minutes > 300;
    let crowd = participants > crate::method::EVERYONE_SPEAKS_UP_TO && minutes >= 180;
    if day || crowd { Some(15) } else { None }
}

/// C7: the most minutes the closing method may take: max(15 min, 8 % of the session), and
/// never more than [`FRAME_METHOD_MOST`].
pub const fn closing_cap(minutes: u32) -> u32 {
    at_most(share(minutes, 8, 15), FRAME_METHOD_MOST)
}

const fn at_most(value: u32, most: u32) -> u32 {
    if value < most { value } else { most }
}

/// `percent` % of `minutes`, rounded down, and at least `floor`.
const fn share(minutes: u32, percent: u32, floor: u32) -> u32 {
    let part = (minutes as u64 * percent as u64 / 100) as u32;
    if part > floor { part } else { floor }
}

/// C15's one exception: a method that serves none of the request's objectives still has its
/// place when it comes just before a convergence or action method that serves one, earlier
/// in the arc, and works on what it gives: the options a vote then ranks, in a meeting
/// asked only to decide; the vote that retains the actions a plan then details, in a day
/// asked for a plan. A convergence hands an action only a selection ([`Product::Priorities`]),
/// never a second result, and only to an action that works on a selection alone. The
/// caller checks that `next` serves the request.
///
/// ```
/// use facilitation::{rules, Catalogue, Phase};
/// let catalogue = Catalogue::builtin();
/// let get = |id| catalogue.get(id).unwrap();
/// let (ideas, vote, plan) = (get("1-2-4-all"), get("vote-par-gommettes"), get("plan-action-qqoqcp"));
/// assert!(rules::prepares(ideas, Phase::Divergence, vote, Phase::Convergence));
/// assert!(!rules::prepares(ideas, Phase::Convergence, vote, Phase::Convergence));
/// assert!(rules::prepares(vote, Phase::Convergence, plan, Phase::Action));
/// ```
pub fn prepares(method: &Method, phase: Phase, next: &Method, next_phase: Phase) -> bool {
    // What a convergence hands to an action is a selection, not a second result, and only
    // to an action that works on a selection alone (the grids of a plan detail what was
    // retained): one that can start from ideas needs no vote before it.
    let selection = || next.takes.iter().all(|product| *product == Product::Priorities);
    let handed = |product: &Product| {
        next.takes.contains(product)
            && (phase != Phase::Convergence || (*product == Product::Priorities && selection()))
    };
    prepares_in(phase) && next_phase.converges() && phase < next_phase && method.gives.iter().any(handed)
}

/// The phases in which a method may prepare a later one's work ([`prepares`]): those of
/// the content before the action.
pub const fn prepares_in(phase: Phase) -> bool {
    matches!(phase, Phase::Divergence | Phase::Emergence | Phase::Convergence)
}

/// C3: how many rounds must run before a pause may cut a method that runs at least
/// `fewest` rounds: [`ROUNDS_BEFORE_PAUSE`] when it runs more (a World Café's rounds build
/// on one another: the host sums up, the tables turn), none when it may run as few (a
/// forum ouvert's sessions are each a whole conversation: the coffee may follow the
/// marketplace).
pub const fn rounds_before_pause(fewest: u32) -> u32 {
    if fewest > ROUNDS_BEFORE_PAUSE { ROUNDS_BEFORE_PAUSE } else { 0 }
}

/// C3: how many rounds must follow the last pause that cuts a method that runs at least
/// `fewest` rounds: one when it runs more than [`ROUNDS_BEFORE_PAUSE`] (a World Café's
/// harvest follows the conversations it gathers, instead of coming back cold after the
/// coffee), none when it may run as few (a forum ouvert's sessions are each a whole
/// conversation: their reports go up on the wall during the pause, and the convergence
/// reads them after it).
pub const fn rounds_after_pause(fewest: u32) -> u32 {
    if fewest > ROUNDS_BEFORE_PAUSE { 1 } else { 0 }
}

/// C3: the lengths the first part of a split method may not take when a pause may come
/// before its first round (a forum ouvert's, after the marketplace): longer than its steps
/// before the rounds can hold, yet too short to hold a round as well. The extra minutes
/// would only stretch its opening circle. An open range of minutes, `(after, before)`;
/// `None` when the first part holds rounds anyway, or a step before them has no ceiling.
///
/// ```
/// use facilitation::{rules, Catalogue};
/// let forum = Catalogue::builtin().get("forum-ouvert").unwrap();
/// let (after, before) = rules::first_part_gap(forum, 90).unwrap();
/// assert!(after < 75 && 75 < before, "no 75-minute opening and marketplace");
/// assert!(rules::first_part_gap(Catalogue::builtin().get("world-cafe").unwrap(), 60).is_none());
/// ```
pub fn first_part_gap(method: &Method, participants: u32) -> Option<(u32, u32)> {
    let steps: Vec<_> = method.steps.iter().filter(|step| step.frame != Some(Frame::Welcome)).collect();
    let at = steps.iter().position(|step| step.shape == Shape::Rounds)?;
    if rounds_before_pause(steps[at].rounds.map_or(1, |count| count.min)) > 0 {
        return None;
    }
    let most: u32 =
        steps[..at].iter().map(|step| step.range(&method.duration, participants).1).sum::<Option<u32>>()?;
    Some((most, most + steps[at].round_floor()))
}

/// C3: the longest last part of a method whose rounds build on one another (a World
/// Café's: [`rounds_before_pause`] more than none), cut once by a pause after a first part
/// of `first` minutes: its rounds after the pause run no longer than those before it (the
/// third tour as long as the first two, not 30 minutes after two of 18), and the steps
/// after the rounds at their usual length, give or take [`GRAIN`] minutes. The first part
/// holds the steps before the rounds at their usual length and the rounds a pause waits
/// for. `None` for a method with no such rounds: its sessions are whole conversations.
///
/// ```
/// use facilitation::{rules, Catalogue};
/// let cafe = Catalogue::builtin().get("world-cafe").unwrap();
/// // Instructions and two tours of 20 before the pause: one tour of 20 and the harvest after.
/// let most = rules::last_part_most(cafe, 45).unwrap();
/// assert!((40..=45).contains(&most), "{most}");
/// assert!(rules::last_part_most(Catalogue::builtin().get("forum-ouvert").unwrap(), 90).is_none());
/// ```
pub fn last_part_most(method: &Method, first: u32) -> Option<u32> {
    RoundsBalance::of(method).map(|balance| balance.last_most(first))
}

/// What [`last_part_most`] reads of a method whose rounds build on one another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoundsBalance {
    /// The usual minutes of its steps before the rounds.
    before_rounds: u32,
    /// The rounds a pause waits for.
    rounds_before: u32,
    /// The rounds after the pause.
    rounds_after: u32,
    /// The usual minutes of its steps after the rounds.
    after_rounds: u32,
}

impl RoundsBalance {
    /// The balance of `method`'s rounds; `None` when none build on one another.
    pub fn of(method: &Method) -> Option<Self> {
        let steps: Vec<_> = method.steps.iter().filter(|step| step.frame != Some(Frame::Welcome)).collect();
        let at = steps.iter().position(|step| step.shape == Shape::Rounds)?;
        let count = steps[at].rounds?;
        let rounds_before = rounds_before_pause(count.min);
        if rounds_before == 0 {
            return None;
        }
        // Its own frames (a closing of its own) are left out: the session's take their place.
        let usual = |steps: &[&crate::method::Step]| -> u32 {
            steps.iter().filter(|step| step.frame.is_none()).map(|step| step.minutes).sum()
        };
        Some(RoundsBalance {
            before_rounds: usual(&steps[..at]),
            rounds_before,
            rounds_after: count.typical.saturating_sub(rounds_before).max(rounds_after_pause(count.min)),
            after_rounds: usual(&steps[at + 1..]),
        })
    }

    /// The longest last part after a first part of `first` minutes ([`last_part_most`]).
    pub const fn last_most(self, first: u32) -> u32 {
        let round = first.saturating_sub(self.before_rounds) / self.rounds_before;
        self.rounds_after * round + self.after_rounds + GRAIN
    }
}

/// Whether `minutes` fall inside a [`first_part_gap`].
pub fn in_gap(gap: Option<(u32, u32)>, minutes: u32) -> bool {
    gap.is_some_and(|(after, before)| after < minutes && minutes < before)
}

/// C3: whether a pause (the `lunch` or a short one) may cut `method` once `pauses` have
/// already cut it. A method of a day's work ([`DAY_LONG`] minutes or more, typically)
/// resumes after lunch and after several pauses: its sessions are whole conversations. Any
/// other is cut at most once, and by a short pause: the tables of a World Café do not go
/// to lunch between two rounds, and a method spread over three parts is no longer one.
///
/// ```
/// use facilitation::{rules, Catalogue};
/// let catalogue = Catalogue::builtin();
/// let (cafe, forum) = (catalogue.get("world-cafe").unwrap(), catalogue.get("forum-ouvert").unwrap());
/// assert!(rules::may_cut(cafe, 0, false));
/// assert!(!rules::may_cut(cafe, 0, true) && !rules::may_cut(cafe, 1, false));
/// assert!(rules::may_cut(forum, 2, true));
/// ```
pub fn may_cut(method: &Method, pauses: u32, lunch: bool) -> bool {
    method.duration.typical >= DAY_LONG || (pauses == 0 && !lunch)
}

/// Whether a pause that cuts `method` breaks the flow of its work: it does unless the method
/// is a day's work ([`DAY_LONG`]), whose sessions resume of themselves after each pause. A
/// facilitator puts the pauses between sequences: 60 people sent back to their café tables
/// after the coffee lose the thread and the minutes it takes to find them again. The
/// score's `pace` counts it as a misfit of the pause ([`crate::score`]).
///
/// ```
/// use facilitation::{rules, Catalogue};
/// let catalogue = Catalogue::builtin();
/// assert!(rules::pause_breaks_flow(catalogue.get("world-cafe").unwrap()));
/// assert!(!rules::pause_breaks_flow(catalogue.get("forum-ouvert").unwrap()));
/// ```
pub fn pause_breaks_flow(method: &Method) -> bool {
    method.duration.typical < DAY_LONG
}

/// C3: the fewest minutes of the first and of the last part of a split method in rounds
/// (one of its steps is of `shape: rounds`, as the World Café's or the forum ouvert's), for
/// `participants` people. A pause cuts such a method only once its rotation has begun
/// ([`rounds_before_pause`]) and, when it runs many, before its last round
/// ([`rounds_after_pause`]): the first part holds the steps before the rounds and those
/// rounds, the last part those rounds and the steps after it, each at its floor. Welcome steps are not
/// counted: the session's own welcome takes their place. `None` for a method with no
/// rounds: parts of [`CRAFT_PART`] minutes are enough.
///
/// ```
/// use facilitation::{rules, Catalogue};
/// let cafe = Catalogue::builtin().get("world-cafe").unwrap();
/// let (first, last) = rules::split_parts(cafe, 60).unwrap();
/// assert!(first >= 2 * 15, "instructions and two rounds before the first pause");
/// assert!(last >= 15 + 15, "a round and the harvest after the last");
/// ```
pub fn split_parts(method: &Method, participants: u32) -> Option<(u32, u32)> {
    let steps: Vec<_> = method.steps.iter().filter(|step| step.frame != Some(Frame::Welcome)).collect();
    let at = steps.iter().position(|step| step.shape == Shape::Rounds)?;
    let fewest = steps[at].rounds.map_or(1, |count| count.min);
    let floor = |step: &&crate::method::Step| step.range(&method.duration, participants).0;
    let round = steps[at].round_floor();
    let first = steps[..at].iter().map(floor).sum::<u32>() + rounds_before_pause(fewest) * round;
    let last = rounds_after_pause(fewest) * round + steps[at + 1..].iter().map(floor).sum::<u32>();
    Some((first.max(CRAFT_PART), last.max(CRAFT_PART)))
}
