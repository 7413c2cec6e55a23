//! The second stage of the search: the clock. Given a sequence of methods, a dynamic
//! programme over time finds the welcome, the methods' minutes, the breaks and the lunch
//! that fill the session to the minute, keep every timing rule, and lose the fewest
//! points of the score's parts that depend on the clock (methods close to their typical
//! length, an energising method after lunch, the pace of the welcome and the pauses).
//!
//! A state is the time reached, whether lunch is behind, the minutes worked since the
//! last pause (the stretch) and, when craft rule C5 applies, the first objective's lead
//! ([`Share`]): the programme keeps the first objective's share itself and finds the best
//! timing under it, rather than a repair moving minutes afterwards. For a given time and
//! lunch, a state that has worked less, cost less and leads more is better, as long as
//! both have worked a usual run ([`USUAL_RUN`]): a shorter run may not end in a pause or
//! the session's end (C3) and costs more `pace` when it does. So each (time, lunch) keeps
//! only its Pareto front over (stretch, cost, lead), shorter runs than the usual one each
//! kept apart: a handful of states instead of one per stretch. Paths are kept as
//! back-pointers into one arena, never copied.

use super::context::{Context, MomentKind};
use crate::clock::ClockTime;
use crate::craft::CraftRule;
use crate::rules::{
    self, BREAKS, CRAFT_LUNCH, CRAFT_LUNCH_WINDOW, CRAFT_PART, FIRST_OBJECTIVE_SHARE, GRAIN, LUNCH_WINDOW,
    MIN_LUNCH, MIN_PART, MIN_RUN,
};
use crate::score::{
    CUT_MISFIT, Component, USUAL_LUNCH, USUAL_RUN, break_misfit, length_misfit, lunch_misfit, method_misfit,
    run_misfit,
};
use crate::vocabulary::{Energy, Phase};

/// Lunch lengths tried, in minutes: a real lunch (C8) first, then a long one.
const LUNCHES: [u32; 4] = [MIN_LUNCH, 60, CRAFT_LUNCH.max, 90];
/// The longest break tried.
const LONGEST_BREAK: u32 = longest(&BREAKS);
/// The longest lunch tried.
const LONGEST_LUNCH: u32 = longest(&LUNCHES);
/// The most parts a split method is cut into.
pub(super) const MAX_PARTS: usize = 4;
const W_FIT: f64 = Component::TimingFit.weight();
const W_ENERGY: f64 = Component::EnergyAfterLunch.weight();
const W_PACE: f64 = Component::Pace.weight();
/// The cost of a small departure from habit (one more break, lunch away from a quarter
/// past noon): far below a minute of method time, so that it only breaks ties.
const HABIT: f64 = 0.002;

/// One method to time.
#[derive(Debug, Clone)]
pub(crate) struct TimedMethod {
    pub min: u32,
    pub max: u32,
    pub typical: u32,
    pub split: bool,
    /// The phase it runs in, which weighs its time beyond the usual ([`method_misfit`]).
    pub phase: Phase,
    pub energy: Energy,
    /// Must come right after lunch (an energiser that reopens the afternoon).
    pub after_lunch: bool,
    /// The latest minute of the session at which it may end (C2 for the opening).
    pub until: u32,
    /// What each of its minutes adds to the first objective's lead (see [`Share`]).
    pub lead: i32,
    /// The minute of the session at which it must start, when the request fixes it.
    pub at: Option<u32>,
    /// The fewest minutes of its first part and of its last, when it is split and a pause
    /// cuts it only between its rounds ([`rules::split_parts`]); 0 otherwise.
    pub first_part: u32,
    /// See `first_part`.
    pub last_part: u32,
    /// The lengths its first part may not take ([`rules::first_part_gap`]).
    pub first_gap: Option<(u32, u32)>,
    /// How long its last part may run after its first, when its rounds build on one
    /// another ([`rules::last_part_most`]).
    pub balance: Option<rules::RoundsBalance>,
    /// Whether any pause may cut it, the lunch too, however many before ([`rules::may_cut`]
    /// for a day's work, or C3 given up); otherwise one short pause at most.
    pub cut_freely: bool,
    /// Whether a pause that cuts it breaks the flow of its work ([`rules::pause_breaks_flow`]),
    /// which `pace` counts ([`CUT_MISFIT`]).
    pub breaks_flow: bool,
    /// Whether it brings its own opening circle (a forum ouvert).
    pub opens_itself: bool,
}

/// A piece of the timed session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Segment {
    Welcome(u32),
    Break(u32),
    Lunch(u32),
    /// A part of the block of that index.
    Part(usize, u32),
    /// A fixed talk: its index in the request's `fixed`, its minutes.
    Talk(usize, u32),
}

/// A way of reaching a state: its stretch, its cost, and the last piece of its path;
/// `used` counts the minutes of a split block already run before a pause.
#[derive(Debug, Clone, Copy)]
struct Entry {
    used: u32,
    /// The first objective's lead so far (see [`Share`]), capped where nothing to come
    /// can take it back.
    lead: i32,
    /// Whether a pause is behind: the run since then will count for it in `pace`.
    paused: bool,
    stretch: u32,
    cost: f64,
    node: u32,
}

/// The pieces of every path, as back-pointers.
struct Arena {
    nodes: Vec<(u32, Segment)>,
}

impl Arena {
    fn push(&mut self, parent: u32, piece: Segment) -> u32 {
        self.nodes.push((parent, piece));
        (self.nodes.len() - 1) as u32
    }

    /// The pieces from the welcome to `node`.
    fn path(&self, mut node: u32) -> Vec<Segment> {
        let mut pieces = Vec::new();
        while node != u32::MAX {
            let (parent, piece) = self.nodes[node as usize];
            pieces.push(piece);
            node = parent;
        }
        pieces.reverse();
        pieces
    }
}

/// States by (time, lunch behind); for each, the Pareto front over (stretch, cost) of the
/// entries with the same `used`. Iterated in the order first reached, so that ties break
/// the same way on every run.
struct Layer {
    /// For each (time, lunch), its place in `groups`, if reached.
    group_of: Vec<u32>,
    groups: Vec<(usize, Vec<Entry>)>,
}

/// Whether a state that has worked `known` minutes since the last pause is as good as one
/// that has worked `other` (at no more cost): no longer, and at least as long up to a usual
/// run, which a pause or the end needs (C3) and `pace` rewards.
fn worked_as_well(known: u32, other: u32) -> bool {
    known <= other && known.min(USUAL_RUN) >= other.min(USUAL_RUN)
}

impl Layer {
    fn new(minutes: u32) -> Self {
        Layer { group_of: vec![u32::MAX; (minutes as usize + 1) * 2], groups: Vec::new() }
    }

    /// Keeps `entry` unless a known one has worked no more for no more cost; drops the
    /// known ones it beats that way.
    fn offer(&mut self, time: u32, lunched: bool, entry: Entry) {
        self.offer_with(time, lunched, entry, || entry.node);
    }

    /// [`Layer::offer`] for an entry whose last piece is not in the arena yet: `node`
    /// puts it there only if the entry is kept, so that the many offers a known state
    /// beats cost no memory.
    fn offer_with(&mut self, time: u32, lunched: bool, entry: Entry, node: impl FnOnce() -> u32) {
        let index = time as usize * 2 + usize::from(lunched);
        // A state past the session's end can never finish it: nothing to keep.
        let Some(&known) = self.group_of.get(index) else { return };
        let group = match known {
            u32::MAX => {
                self.group_of[index] = self.groups.len() as u32;
                self.groups.push((index, Vec::with_capacity(2)));
                self.groups.len() - 1
            }
            group => group as usize,
        };
        let front = &mut self.groups[group].1;
        // Only states in the same place of a split block and after the same kind of pause
        // compare: one that has given the block fewer minutes is not worse, only elsewhere.
        let dominates = |a: &Entry, b: &Entry| {
            a.used == b.used
                && a.paused == b.paused
                && worked_as_well(a.stretch, b.stretch)
                && a.cost <= b.cost
                && a.lead >= b.lead
        };
        if front.iter().any(|known| dominates(known, &entry)) {
            return;
        }
        front.retain(|known| !dominates(&entry, known));
        front.push(Entry { node: node(), ..entry });
    }

    /// Every entry with its time and lunch.
    fn entries(&self) -> impl Iterator<Item = (u32, bool, Entry)> + '_ {
        self.groups.iter().flat_map(|(index, front)| {
            let (time, lunched) = ((index / 2) as u32, index % 2 == 1);
            front.iter().map(move |entry| (time, lunched, *entry))
        })
    }

    /// Drops every state at a time and lunch that `keep` refuses. A whole (time, lunch)
    /// goes or stays, so the states kept and their order are those of a layer that never
    /// held the others.
    fn keep_only(&mut self, keep: impl Fn(u32, bool) -> bool) {
        for (index, front) in &mut self.groups {
            if !keep((*index / 2) as u32, *index % 2 == 1) {
                front.clear();
            }
        }
    }

    fn is_empty(&self) -> bool {
        self.groups.iter().all(|(_, front)| front.is_empty())
    }
}

/// What the blocks still to place can add to the clock, so that the states that cannot
/// end the session on time are dropped as soon as they appear. Its bounds depend only on
/// a state's time and lunch, never on its stretch or cost: a state that one drops would
/// have led to no timing, and no state it would have beaten is kept in its stead.
struct Reach {
    /// For each block, the fewest minutes it and the blocks after it take; one more,
    /// 0, past the last.
    least: Vec<u32>,
    /// For each block, the most minutes it, the blocks after it, their pauses, the lunch
    /// and the fixed moments can take; one more past the last: the fixed moments.
    most: Vec<u32>,
    /// The session's minutes.
    minutes: u32,
    /// The last minute of the session at which the planner may still start the lunch it
    /// needs (none when the session needs none, or the request fixes it).
    lunch_by: Option<u32>,
    /// The shortest part of a split block: [`CRAFT_PART`] when C3 holds, else [`MIN_PART`].
    part: u32,
}

impl Reach {
    fn of(context: &Context, blocks: &[TimedMethod], real_lunch: bool) -> Self {
        let inner_pauses = (MAX_PARTS as u32 - 1) * LONGEST_BREAK;
        let moments: u32 = context.moments.iter().map(|moment| moment.minutes).sum();
        let mut least = vec![0u32; blocks.len() + 1];
        // After the last block only fixed moments may follow; before it, a lunch too.
        let mut most = vec![moments; blocks.len() + 1];
        for (index, block) in blocks.iter().enumerate().rev() {
            least[index] = least[index + 1].saturating_add(block.min);
            let pauses = LONGEST_BREAK + if block.split { inner_pauses } else { 0 };
            let lunch = if index + 1 == blocks.len() { LONGEST_LUNCH } else { 0 };
            most[index] = most[index + 1].saturating_add(block.max).saturating_add(pauses + lunch);
        }
        let latest = if real_lunch { CRAFT_LUNCH_WINDOW.1 } else { LUNCH_WINDOW.1 };
        let lunch_by = (context.lunch && !context.lunch_fixed())
            .then(|| latest.minutes().saturating_sub(context.start.minutes()));
        let part = if context.keeps(CraftRule::C3) { CRAFT_PART } else { MIN_PART };
        Reach { least, most, minutes: context.minutes, lunch_by, part }
    }

    /// Whether a state at `time` before the block `next` may still end the session on
    /// time with every block after it placed, and lunch behind.
    fn can_end(&self, next: usize, time: u32, lunched: bool) -> bool {
        let lunch = lunched || self.lunch_by.is_none_or(|by| time <= by);
        lunch && self.fits(time, self.least[next], self.most[next])
    }

    /// [`Reach::can_end`] for a state between two parts of the block `index`: another
    /// part of at least `part` minutes follows.
    fn can_resume(&self, index: usize, time: u32, lunched: bool) -> bool {
        let lunch = lunched || self.lunch_by.is_none_or(|by| time <= by);
        lunch && self.fits(time, self.least[index + 1].saturating_add(self.part), self.most[index])
    }

    fn fits(&self, time: u32, least: u32, most: u32) -> bool {
        time.saturating_add(least) <= self.minutes && time.saturating_add(most) >= self.minutes
    }
}

/// Craft rule C5 in the programme's state. The first objective keeps its share when its
/// content minutes `F` and the others' `O` satisfy `F >= share * (F + O) / n` for `n`
/// objectives, that is `F * (n - share) - O * share >= 0`: a sum over the minutes, which
/// each state carries as its `lead` (in hundredths of the share, so that it stays whole).
/// A state whose lead the blocks to come cannot bring back to zero is dropped; a lead
/// beyond what they can still take away is as good as any larger one, so it is capped
/// there and states differing only above it merge.
struct Share {
    /// For each block, the most lead it and the blocks after it can add; 0 past the last.
    gain: Vec<i32>,
    /// For each block, the most lead it and the blocks after it can take away.
    loss: Vec<i32>,
}

impl Share {
    fn of(blocks: &[TimedMethod], minutes: u32) -> Self {
        let mut gain = vec![0i32; blocks.len() + 1];
        let mut loss = vec![0i32; blocks.len() + 1];
        for (index, block) in blocks.iter().enumerate().rev() {
            let most = block.lead * to_i32(block.max.min(minutes));
            let least = block.lead * to_i32(block.min);
            gain[index] = gain[index + 1] + most.max(least);
            loss[index] = loss[index + 1] - most.min(0);
        }
        Share { gain, loss }
    }

    /// The lead of a state before the block `next`, or `None` when no timing of the
    /// blocks from there on can keep C5.
    fn settle(&self, next: usize, lead: i32) -> Option<i32> {
        (lead + self.gain[next] >= 0).then(|| lead.min(self.loss[next]))
    }
}

/// What each minute of a content method adds to the first objective's lead (C5, see
/// [`Share`]): `n - share` when it serves the first objective, `-share` when not,
/// nothing for an opening or a closing, or when the rule does not apply.
pub(crate) fn lead_per_minute(context: &Context, content: bool, serves_first: bool) -> i32 {
    let count = context.objectives.len();
    if !content || count < 2 || !context.keeps(CraftRule::C5) {
        return 0;
    }
    let share = (FIRST_OBJECTIVE_SHARE * 100.0).round() as i32;
    if serves_first { 100 * to_i32(count as u32) - share } else { -share }
}

fn to_i32(value: u32) -> i32 {
    i32::try_from(value).unwrap_or(i32::MAX)
}

/// Everything the programme reads and writes.
struct Timetable<'c> {
    context: &'c Context<'c>,
    arena: Arena,
    reach: Reach,
    share: Share,
    /// The score's points lost per unit of relative distance to a typical length.
    per_deviation: f64,
    /// About the score's points lost per unit of misfit of the welcome or a pause: `pace`
    /// is a mean over them, and the session will hold about this many.
    per_frame: f64,
    /// Minutes that every length is a multiple of (C4), or 1.
    grain: u32,
    /// The shortest run of work between pauses (C3), or 0 when C3 is given up.
    min_run: u32,
    /// Whether lunch keeps to a real lunch's length and time (C8).
    real_lunch: bool,
    /// The closing the session usually gets at least ([`rules::usual_closing`]).
    usual_closing: Option<u32>,
}

/// Times the blocks, or `None` when no timing keeps every rule.
///
/// The first objective's share (C5) is kept in two passes: the best timing is sought
/// without the lead in the state, and only when it falls short, again with it. Most
/// sequences keep the share at their best timing anyway, and the lead multiplies the
/// states.
pub(crate) fn time(context: &Context, blocks: &[TimedMethod]) -> Option<(Vec<Segment>, f64)> {
    if blocks.iter().all(|block| block.lead == 0) {
        return time_with(context, blocks);
    }
    let unled: Vec<TimedMethod> =
        blocks.iter().map(|block| TimedMethod { lead: 0, ..block.clone() }).collect();
    let (pieces, cost) = time_with(context, &unled)?;
    let lead: i64 = pieces
        .iter()
        .map(|piece| match piece {
            Segment::Part(i, minutes) => i64::from(blocks[*i].lead) * i64::from(*minutes),
            _ => 0,
        })
        .sum();
    if lead >= 0 { Some((pieces, cost)) } else { time_with(context, blocks) }
}

/// [`time`] in one pass, with the lead in the state when a block has one.
fn time_with(context: &Context, blocks: &[TimedMethod]) -> Option<(Vec<Segment>, f64)> {
    let real_lunch = context.keeps(CraftRule::C8);
    let mut clock = Timetable {
        context,
        arena: Arena { nodes: Vec::with_capacity(1024) },
        reach: Reach::of(context, blocks, real_lunch),
        share: Share::of(blocks, context.minutes),
        per_deviation: W_FIT / blocks.len().max(1) as f64,
        per_frame: W_PACE / frame_elements(context) as f64,
        grain: if context.keeps(CraftRule::C4) { GRAIN } else { 1 },
        min_run: if context.keeps(CraftRule::C3) { MIN_RUN } else { 0 },
        real_lunch,
        usual_closing: rules::usual_closing(context.minutes, context.request.participants),
    };
    let mut layer = clock.welcome(blocks.first().is_some_and(|block| block.opens_itself));
    layer.keep_only(|time, lunched| clock.reach.can_end(0, time, lunched));
    for (index, block) in blocks.iter().enumerate() {
        let mut open = clock.pauses(&layer, index > 0, block);
        open.keep_only(|time, lunched| clock.reach.can_end(index, time, lunched));
        layer = clock.place(index, block, open);
        layer.keep_only(|time, lunched| clock.reach.can_end(index + 1, time, lunched));
        if layer.is_empty() {
            return None;
        }
    }
    let lunch = context.lunch;
    let (_, _, best) = layer
        .entries()
        .filter(|(time, lunched, _)| *time == context.minutes && (*lunched || !lunch))
        .filter(|(_, _, entry)| !entry.paused || entry.stretch >= clock.min_run)
        .filter(|(_, _, entry)| entry.lead >= 0)
        .map(|(time, lunched, entry)| {
            (time, lunched, Entry { cost: entry.cost + clock.run_after(&entry), ..entry })
        })
        .min_by(|a, b| a.2.cost.total_cmp(&b.2.cost))?;
    Some((clock.arena.path(best.node), best.cost))
}

/// The largest of `values`.
const fn longest(values: &[u32]) -> u32 {
    let (mut most, mut i) = (0, 0);
    while i < values.len() {
        if values[i] > most {
            most = values[i];
        }
        i += 1;
    }
    most
}

/// About how many elements `pace` will average over: the welcome, the breaks the stretch
/// limit calls for, and lunch.
fn frame_elements(context: &Context) -> u32 {
    let breaks = context.minutes.div_ceil(context.request.max_stretch.max(1)).saturating_sub(1);
    1 + breaks.max(u32::from(context.lunch))
}

impl Timetable<'_> {
    /// The welcome's lengths; `opens_itself`: the first block brings its own opening.
    fn welcome(&mut self, opens_itself: bool) -> Layer {
        let minutes = self.context.minutes;
        let mut layer = Layer::new(minutes);
        let range = match self.context.welcome {
            Some(fixed) => crate::method::MinuteRange { min: fixed, max: fixed },
            None if self.context.keeps(CraftRule::C2) => rules::welcome_range(minutes),
            None => rules::WELCOME,
        };
        let usual = rules::usual_welcome_before(minutes, opens_itself);
        for welcome in range.min..=range.max.min(minutes) {
            // Welcomes land the rest of the session on the five-minute grid when they can.
            let fixed = self.context.welcome.is_some();
            if !fixed && (minutes - welcome) % GRAIN != 0 && (self.grain > 1 || minutes >= range.min + GRAIN)
            {
                continue;
            }
            if !self.context.clear_of_moments(0, welcome) {
                continue;
            }
            let node = self.arena.push(u32::MAX, Segment::Welcome(welcome));
            let cost = self.per_frame * length_misfit(welcome, usual);
            layer.offer(
                welcome,
                false,
                Entry { used: 0, lead: 0, paused: false, stretch: welcome, cost, node },
            );
        }
        self.moments(layer, true)
    }

    /// The layer with the fixed moments that start where its states stand run in place:
    /// a talk adds to the stretch, a fixed break or lunch ends it (after a run of
    /// [`MIN_RUN`] when C3 holds). Inside a split method (`talks` false) a talk would part
    /// it: those states are dropped.
    fn moments(&mut self, layer: Layer, talks: bool) -> Layer {
        if self.context.moments.is_empty() {
            return layer;
        }
        let mut out = Layer::new(self.context.minutes);
        let mut pending: std::collections::VecDeque<_> = layer.entries().collect();
        while let Some((time, lunched, entry)) = pending.pop_front() {
            let Some(moment) = self.context.moment_at(time) else {
                out.offer(time, lunched, entry);
                continue;
            };
            let (piece, next) = match moment.kind {
                MomentKind::Talk(index) => {
                    let stretch = entry.stretch + moment.minutes;
                    if !talks || stretch > self.context.request.max_stretch {
                        continue;
                    }
                    (Segment::Talk(index, moment.minutes), Entry { stretch, ..entry })
                }
                kind => {
                    if entry.stretch < self.least_run(&entry) {
                        continue;
                    }
                    let piece = if kind == MomentKind::Lunch {
                        Segment::Lunch(moment.minutes)
                    } else {
                        Segment::Break(moment.minutes)
                    };
                    let cost = entry.cost + self.run_after(&entry);
                    (piece, Entry { paused: true, stretch: 0, cost, ..entry })
                }
            };
            let node = self.arena.push(entry.node, piece);
            let lunched = lunched || moment.kind == MomentKind::Lunch;
            pending.push_back((time + moment.minutes, lunched, Entry { node, ..next }));
        }
        out
    }

    /// The states a block may start from: after no pause, a break or lunch.
    fn pauses(&mut self, layer: &Layer, allowed: bool, block: &TimedMethod) -> Layer {
        let mut open = Layer::new(self.context.minutes);
        for (time, lunched, entry) in layer.entries() {
            if !block.after_lunch {
                open.offer(time, lunched, entry);
            }
            if !allowed || entry.stretch < self.least_run(&entry) {
                continue;
            }
            for (pause, cost) in self.pause_options(time, lunched, entry.stretch, block.after_lunch) {
                let minutes = match pause {
                    Segment::Break(m) | Segment::Lunch(m) => m,
                    _ => 0,
                };
                if !self.context.clear_of_moments(time, minutes) {
                    continue;
                }
                let after_lunch = matches!(pause, Segment::Lunch(_));
                let energy = if after_lunch { W_ENERGY * (1.0 - energy_value(block.energy)) } else { 0.0 };
                let cost = entry.cost + self.run_after(&entry) + cost + energy;
                let after = Entry { used: 0, paused: true, stretch: 0, cost, node: u32::MAX, ..entry };
                let arena = &mut self.arena;
                open.offer_with(time + minutes, lunched || after_lunch, after, || {
                    arena.push(entry.node, pause)
                });
            }
        }
        self.moments(open, true)
    }

    /// The pauses possible at `time` after a run of `stretch` minutes, with their cost in
    /// `pace` (the length, the run before; the run after is counted when it ends) and,
    /// for lunch, a trifle for its distance to a quarter past noon.
    fn pause_options(
        &self,
        time: u32,
        lunched: bool,
        stretch: u32,
        must_lunch: bool,
    ) -> impl Iterator<Item = (Segment, f64)> + use<> {
        let context = self.context;
        let left = context.minutes - time;
        let (session, users) = (context.minutes, context.request.with_users());
        let per_frame = self.per_frame;
        let real_lunch = self.real_lunch;
        let latest = if real_lunch { CRAFT_LUNCH_WINDOW.1 } else { LUNCH_WINDOW.1 };
        let before = run_misfit(stretch);
        let breaks = BREAKS.into_iter().filter(move |m| !must_lunch && *m <= left).map(move |minutes| {
            let misfit = break_misfit(minutes, session, users) + before;
            (Segment::Break(minutes), per_frame * misfit / 3.0 + HABIT)
        });
        let clock = context.start.minutes() + time;
        let lunch = context.lunch
            && !context.lunch_fixed()
            && !lunched
            && (LUNCH_WINDOW.0.minutes()..=latest.minutes()).contains(&clock);
        let lunches = LUNCHES
            .into_iter()
            .filter(move |m| lunch && *m <= left && (!real_lunch || CRAFT_LUNCH.contains(*m)));
        let lunches = lunches.map(move |minutes| {
            let start = ClockTime::from_minutes(clock).unwrap_or(ClockTime::END_OF_DAY);
            let misfit = lunch_misfit(minutes, start) + before;
            (Segment::Lunch(minutes), per_frame * misfit / 3.0)
        });
        breaks.chain(lunches)
    }

    /// The shortest run before a pause from `entry` (C3, when kept): longer for the first
    /// run of a long session.
    fn least_run(&self, entry: &Entry) -> u32 {
        if self.min_run == 0 { 0 } else { rules::least_run(self.context.minutes, !entry.paused) }
    }

    /// The `pace` cost of the run that ends here, for the pause before it.
    fn run_after(&self, entry: &Entry) -> f64 {
        if entry.paused { self.per_frame * run_misfit(entry.stretch) / 3.0 } else { 0.0 }
    }

    /// Places a block after every open state, part by part for a split block, and keeps
    /// the best ways to each state after it.
    fn place(&mut self, index: usize, block: &TimedMethod, mut open: Layer) -> Layer {
        let minutes = self.context.minutes;
        let mut next = Layer::new(minutes);
        // The misfit of every total the block may reach, worked out once: the inner loop
        // below meets each total many times.
        let misfits: Vec<f64> =
            (block.min..=block.max.min(minutes)).map(|total| self.misfit(block, total)).collect();
        for parts in 0..MAX_PARTS {
            let mut more = Layer::new(minutes);
            let part = self.reach.part;
            for (time, lunched, entry) in open.entries() {
                let used = entry.used;
                if parts == 0 && block.at.is_some_and(|at| at != time) {
                    continue;
                }
                let least = match (block.split, parts) {
                    (false, _) => block.min,
                    (true, 0) => block.min.min(self.reach.part),
                    (true, _) => self.reach.part,
                };
                let room = (minutes - time)
                    .min(self.context.request.max_stretch.saturating_sub(entry.stretch))
                    .min(self.context.room_before_moment(time));
                let most = block.max.saturating_sub(used).min(room).min(block.until.saturating_sub(time));
                if least > most {
                    continue;
                }
                for length in lengths(least.max(1), most, self.grain) {
                    let total = used + length;
                    let piece = Segment::Part(index, length);
                    let lead = entry.lead + block.lead * to_i32(length);
                    let after = Entry { used: total, lead, stretch: entry.stretch + length, ..entry };
                    let balanced = parts == 0 || block.balance.is_none_or(|b| length <= b.last_most(used));
                    let ends = (block.min..=block.max).contains(&total)
                        && (parts == 0 || length >= block.last_part)
                        && balanced
                        && self.reach.can_end(index + 1, time + length, lunched);
                    let run_done = entry.stretch + length >= self.least_run(&entry);
                    let first_done =
                        parts > 0 || (length >= block.first_part && !rules::in_gap(block.first_gap, length));
                    let goes_on = block.split
                        && (block.cut_freely || parts == 0)
                        && total + part.max(block.last_part) <= block.max
                        && length >= part
                        && first_done
                        && run_done;
                    let node = if goes_on { self.arena.push(entry.node, piece) } else { u32::MAX };
                    let settled = self.share.settle(index + 1, lead);
                    if let (true, Some(lead)) = (ends, settled) {
                        let known = misfits.get((total - block.min) as usize);
                        let misfit = known.map_or_else(|| self.misfit(block, total), |misfit| *misfit);
                        let cost = entry.cost + misfit + HABIT * parts as f64;
                        let done = Entry { used: 0, lead, cost, node, ..after };
                        let arena = &mut self.arena;
                        next.offer_with(time + length, lunched, done, || match node {
                            u32::MAX => arena.push(entry.node, piece),
                            node => node,
                        });
                    }
                    if goes_on {
                        let cut = if block.breaks_flow { self.per_frame * CUT_MISFIT / 3.0 } else { 0.0 };
                        let inside = Entry { node, cost: after.cost + cut, ..after };
                        self.pause_inside(&mut more, time + length, lunched, block.cut_freely, inside);
                    }
                }
            }
            let mut more = self.moments(more, false);
            more.keep_only(|time, lunched| self.reach.can_resume(index, time, lunched));
            if more.is_empty() {
                break;
            }
            open = more;
        }
        self.moments(next, true)
    }

    /// Between two parts of a split block: a break, or the lunch when `lunch` allows it
    /// (rule 10: a method in rounds may resume after lunch, as a day-long forum ouvert or
    /// appreciative inquiry; C3 keeps that for a day's work, [`rules::may_cut`]).
    fn pause_inside(&mut self, more: &mut Layer, time: u32, lunched: bool, lunch: bool, entry: Entry) {
        for (pause, cost) in self.pause_options(time, lunched, entry.stretch, false) {
            let (minutes, lunch) = match pause {
                Segment::Break(minutes) => (minutes, false),
                Segment::Lunch(minutes) if lunch && minutes == USUAL_LUNCH => (minutes, true),
                _ => continue,
            };
            if !self.context.clear_of_moments(time, minutes) {
                continue;
            }
            let after = Entry { stretch: 0, paused: true, cost: entry.cost + cost, ..entry };
            let arena = &mut self.arena;
            more.offer_with(time + minutes, lunched || lunch, after, || arena.push(entry.node, pause));
        }
    }

    /// The score's points lost by running a block `minutes` instead of its typical length
    /// (see `timing_fit`). The score counts a split method once however many parts it runs
    /// in; each part after the first costs only a trifle ([`HABIT`]), so that among
    /// timings that score alike the one with fewer parts wins.
    /// A closing shorter than the session's usual one ([`rules::usual_closing`]) also costs
    /// `pace`, as a short welcome does.
    fn misfit(&self, block: &TimedMethod, minutes: u32) -> f64 {
        let fit = self.per_deviation
            * method_misfit(minutes, block.typical.max(1), block.phase, self.context.minutes);
        match self.usual_closing.filter(|usual| block.phase == Phase::Closing && minutes < *usual) {
            Some(usual) => fit + self.per_frame * length_misfit(minutes, usual),
            None => fit,
        }
    }
}

/// The score's value of energy after lunch (see `energy_after_lunch`).
fn energy_value(energy: Energy) -> f64 {
    match energy {
        Energy::High => 1.0,
        Energy::Medium => 0.5,
        Energy::Low => 0.0,
    }
}

/// The lengths tried for a part: the five-minute marks within range, and, when lengths
/// need not be round (`grain` 1), the range's ends.
fn lengths(min: u32, max: u32, grain: u32) -> impl Iterator<Item = u32> {
    let first = min.div_ceil(GRAIN) * GRAIN;
    let marks = (first..=max).step_by(GRAIN as usize);
    let ends = grain == 1;
    (ends.then_some(min))
        .into_iter()
        .chain(marks.filter(move |m| !ends || (*m != min && *m != max)))
        .chain((ends && max != min).then_some(max))
}
