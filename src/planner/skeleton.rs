//! The first stage of the search: which methods, in which phases, in which order. A beam
//! search over sequences that move through the phases, ranked by the scoring function
//! applied to the unfinished sequence at typical durations.

use super::context::{Candidate, Context};
use crate::craft::{CraftRule, too_much_writing};
use crate::rules::{self, CRAFT_LUNCH, MIN_BREAK, MIN_LUNCH, WELCOME};
use crate::score::{Component, Tally, USUAL_LUNCH, usual_break};
use crate::vocabulary::Phase;
use std::collections::HashSet;
use std::collections::hash_map::Entry;

/// The search's maps: small integer keys made by the planner itself, never by an
/// adversary, so a fast non-cryptographic hash (SipHash was a tenth of the planning time).
type QuickMap<K, V> = rustc_hash::FxHashMap<K, V>;

const W_COVERAGE: f64 = Component::Coverage.weight();
const W_SHARE: f64 = Component::TimeShare.weight();
const W_FIT: f64 = Component::TimingFit.weight();
const W_PACE: f64 = Component::Pace.weight();

/// Candidates kept per phase, best first, so that the search grows linearly with the
/// catalogue.
const PER_PHASE: usize = 9;
/// The most methods in one agenda.
const MAX_METHODS: usize = 12;

/// How many methods one phase may hold: one opening and one closing frame the session;
/// the working phases may chain a few.
fn most_in_phase(phase: Phase) -> usize {
    match phase {
        Phase::Opening | Phase::Closing => 1,
        _ => 3,
    }
}

/// One method of a skeleton, in a phase; `reopens` for the method right after lunch that
/// starts the afternoon from an earlier phase (an energiser, or a new subject's opening up).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Item {
    pub candidate: usize,
    pub phase: Phase,
    pub reopens: bool,
}

/// A sequence of methods, not yet timed. Fixed-size and `Copy`, so that growing one
/// allocates nothing.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Skeleton<'a> {
    items: [Item; MAX_METHODS],
    len: usize,
    /// The methods used, as bits over their places in the pool.
    used: u128,
    /// The score of the sequence so far, at typical lengths.
    tally: Tally<'a>,
    /// The score's part that only the sequence decides.
    pub sequence_score: f64,
    /// `sequence_score` plus an estimate of the parts the timing decides.
    pub estimate: f64,
    covered: u32,
    /// The objectives served by a content method (neither opening nor closing).
    worked: u32,
    /// The objectives served by a convergence or action method.
    converged: u32,
    min_minutes: u32,
    max_minutes: u32,
    typical: u32,
    longest: u32,
}

impl<'a> Skeleton<'a> {
    fn empty(context: &Context) -> Self {
        let request = context.request;
        Skeleton {
            items: [Item { candidate: 0, phase: Phase::Opening, reopens: false }; MAX_METHODS],
            len: 0,
            used: 0,
            tally: Tally::new(&context.objectives, request.participants, request.with_users())
                .with_masks(context.masks)
                .with_session(context.minutes),
            sequence_score: 0.0,
            estimate: 0.0,
            covered: 0,
            worked: 0,
            converged: 0,
            min_minutes: 0,
            max_minutes: 0,
            typical: 0,
            longest: 1,
        }
    }

    /// Its methods, in order.
    pub fn items(&self) -> &[Item] {
        &self.items[..self.len]
    }

    fn phase(&self) -> Option<Phase> {
        self.items().last().map(|item| item.phase)
    }

    /// The content of the sequence: its content methods (neither opening nor closing) in
    /// order, with their phases and where lunch falls among them (after the energiser
    /// that reopens the afternoon). Sequences that differ only by their opening or
    /// closing time alike; the same methods in another order, or around lunch otherwise,
    /// do not (the thread, C13, and the runs, C3).
    fn content_key(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = rustc_hash::FxHasher::default();
        for item in self.items().iter().filter(|item| !item.phase.frames() || item.reopens) {
            (item.candidate, item.phase, item.reopens).hash(&mut hasher);
        }
        hasher.finish()
    }

    /// The same sequence with the methods of each working phase in every other order (at
    /// most three a phase, so at most 215 others): orders that the search merged as
    /// growing alike, but that time differently (which method shares a run of work with
    /// which, C3 and C5).
    pub fn reorderings(&self) -> Vec<Skeleton<'a>> {
        let mut all = vec![*self];
        let mut from = 0;
        while from < self.len {
            let item = self.items[from];
            let to = (from..self.len)
                .find(|&i| self.items[i].phase != item.phase || self.items[i].reopens)
                .unwrap_or(self.len);
            if to - from > 1 && !item.phase.frames() {
                all = all.iter().flat_map(|skeleton| skeleton.permuted(from, to)).collect();
            }
            from = to.max(from + 1);
        }
        all.retain(|skeleton| skeleton.items() != self.items());
        all
    }

    /// Every order of the items from `from` to `to` (excluded).
    fn permuted(&self, from: usize, to: usize) -> Vec<Skeleton<'a>> {
        let mut out = Vec::new();
        let mut items = self.items;
        heap_permutations(&mut items[from..to], to - from, &mut |order| {
            let mut skeleton = *self;
            skeleton.items[from..to].copy_from_slice(order);
            out.push(skeleton);
        });
        out
    }

    /// Which phase each method serves, whatever their order: the same methods in other
    /// phases count other objectives and shape another arc.
    /// What two sequences of the same methods must share to grow and time alike: each
    /// method's phase and whether it comes after lunch (the energiser that reopens the
    /// afternoon sets where lunch falls), whatever the order within those, and the last
    /// method (the thread goes on from it, C13).
    fn phases_key(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut afternoon = false;
        let key = self.items().iter().fold(0, |key, item| {
            afternoon |= item.reopens;
            let mut hasher = rustc_hash::FxHasher::default();
            (item.candidate, item.phase, item.reopens, afternoon).hash(&mut hasher);
            key ^ hasher.finish()
        });
        let mut hasher = rustc_hash::FxHasher::default();
        (key, self.items().last().map(|item| item.candidate)).hash(&mut hasher);
        hasher.finish()
    }

    fn reopened(&self) -> bool {
        self.items().iter().any(|item| item.reopens)
    }
}

/// Calls `visit` with every order of `items[..k]` (Heap's algorithm).
fn heap_permutations(items: &mut [Item], k: usize, visit: &mut dyn FnMut(&[Item])) {
    if k <= 1 {
        visit(items);
        return;
    }
    for i in 0..k {
        heap_permutations(items, k - 1, visit);
        let j = if k % 2 == 0 { i } else { 0 };
        items.swap(j, k - 1);
    }
}

/// One entry of the pool: a candidate in a phase, and the candidate's bit.
#[derive(Debug, Clone, Copy)]
struct PoolEntry {
    candidate: usize,
    phase: Phase,
    bit: u128,
}

/// The pool of (candidate, phase) pairs the search draws from: the included methods and
/// the most relevant few of each phase, at most 128 methods in all.
fn pool(context: &Context) -> Vec<PoolEntry> {
    let mut pool: Vec<PoolEntry> = Vec::new();
    let mut bits: Vec<usize> = Vec::new();
    for phase in Phase::ALL.iter().copied() {
        let mut ranked: Vec<(usize, f64)> = context
            .candidates
            .iter()
            .enumerate()
            .filter(|(_, c)| c.method.has_phase(phase))
            .map(|(i, c)| (i, relevance(context, c)))
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let required = |i: usize| context.candidates[i].included || context.candidates[i].network;
        let included = ranked.iter().filter(|(i, _)| required(*i)).map(|(i, _)| *i);
        // Near-duplicates (the same method under other ids) would crowd out what the
        // request needs: the pool keeps one of each kind.
        let mut kinds = HashSet::new();
        let best = ranked
            .iter()
            .filter(|(i, _)| kinds.insert(kind(context, &context.candidates[*i], phase)))
            .take(PER_PHASE)
            .map(|(i, _)| *i);
        let mut seen = HashSet::new();
        for candidate in included.chain(best).filter(|i| seen.insert(*i)) {
            let bit = match bits.iter().position(|known| *known == candidate) {
                Some(at) => at,
                None if bits.len() < 128 => {
                    bits.push(candidate);
                    bits.len() - 1
                }
                None => continue,
            };
            pool.push(PoolEntry { candidate, phase, bit: 1 << bit });
        }
    }
    pool
}

/// What makes two candidates interchangeable for the search: what they serve, how long
/// they take, how they group people, their energy and writing.
fn kind(context: &Context, c: &Candidate, phase: Phase) -> impl Eq + std::hash::Hash {
    let m = c.method;
    let groupings: Vec<_> = m.groupings.iter().map(|g| g.id()).collect();
    (
        context.serves_in(c, phase),
        c.range.min,
        c.range.max,
        c.typical,
        groupings,
        m.energy.id(),
        m.writing.id(),
        m.split,
        m.opens_itself,
    )
}

/// A static estimate of how much a candidate can bring, to keep the pool small.
fn relevance(context: &Context, candidate: &Candidate) -> f64 {
    let weight = context.priority(candidate);
    let users = if context.request.with_users() {
        match candidate.method.writing {
            crate::vocabulary::Writing::None => 1.0,
            crate::vocabulary::Writing::Light => 0.5,
            crate::vocabulary::Writing::Heavy => -2.0,
        }
    } else {
        0.0
    };
    // Short methods leave a meeting room for the others; a day needs methods close to a
    // sequence's share of it, long ones as much as short ones.
    let share = if context.lunch { context.minutes / (context.objectives.len() as u32 + 2) } else { 0 };
    let fit =
        1.0 - (f64::from(candidate.typical.abs_diff(share)) / f64::from(context.minutes.max(1))).min(1.0);
    // A method that serves nothing asked may still prepare what a method that serves the
    // request works on (C15): it competes with the others of its phase that serve nothing.
    let prepares = if candidate.prepares { 1.0 } else { 0.0 };
    // A closing on commitments stays in the pool when the session calls for one (C14).
    let commits =
        candidate.method.commits() && rules::closing_commits(&context.objectives, &context.request.profiles);
    weight * 3.0
        + users
        + fit
        + prepares
        + if candidate.included || candidate.network || commits { 100.0 } else { 0.0 }
}

/// Finds up to `keep` complete skeletons, best first.
pub(crate) fn search<'a>(context: &Context<'a>, beam_width: usize, keep: usize) -> Vec<Skeleton<'a>> {
    let pool = pool(context);
    let overhead = Overhead::of(context);
    let closings: Vec<u32> = pool
        .iter()
        .filter(|choice| choice.phase == Phase::Closing)
        .map(|choice| context.candidates[choice.candidate].serves)
        .collect();
    let mut beam = vec![Skeleton::empty(context)];
    let mut finished: Vec<Skeleton> = Vec::new();
    // Sequences of the same methods in the same phases time alike: keep one of each.
    let mut seen_finished: QuickMap<(u128, u64), usize> = QuickMap::default();
    for _ in 0..MAX_METHODS {
        let mut next: Vec<Skeleton> = Vec::new();
        // The same methods in the same phases, ending in the same phase, grow alike: keep
        // the better order.
        let mut seen: QuickMap<(u128, u64, Option<Phase>), usize> = QuickMap::default();
        for skeleton in &beam {
            for choice in &pool {
                let Some(grown) = grow(context, &overhead, &closings, skeleton, choice) else { continue };
                if grown.phase() == Some(Phase::Closing) {
                    // Nothing follows a closing: a finished sequence leaves the beam.
                    if is_complete(context, &overhead, &grown) {
                        let key = (grown.used, grown.phases_key());
                        keep_better(&mut finished, &mut seen_finished, key, grown);
                    }
                    continue;
                }
                keep_better(&mut next, &mut seen, (grown.used, grown.phases_key(), grown.phase()), grown);
            }
        }
        if next.is_empty() {
            break;
        }
        beam = keep_diverse(next, beam_width);
    }
    let mut order: Vec<usize> = (0..finished.len()).collect();
    order.sort_by(|&a, &b| finished[b].estimate.total_cmp(&finished[a].estimate));
    // The same content between other openings and closings times alike: a few of each
    // content leave room for other contents, which the timing may accept when the best
    // content cannot keep every rule.
    let mut per_content: QuickMap<u64, usize> = QuickMap::default();
    let mut kept = Vec::with_capacity(keep);
    for i in order {
        let count = per_content.entry(finished[i].content_key()).or_insert(0);
        *count += 1;
        if *count <= SAME_CONTENT {
            kept.push(finished[i]);
        }
        if kept.len() == keep {
            break;
        }
    }
    kept
}

/// How many finished sequences with the same content methods are timed at most.
const SAME_CONTENT: usize = 3;

/// Adds `grown` to `list` unless a sequence with the same `key` is there; replaces that
/// one if `grown` is better.
fn keep_better<'a, K: Eq + std::hash::Hash>(
    list: &mut Vec<Skeleton<'a>>,
    index: &mut QuickMap<K, usize>,
    key: K,
    grown: Skeleton<'a>,
) {
    match index.entry(key) {
        Entry::Occupied(at) if list[*at.get()].estimate >= grown.estimate => {}
        Entry::Occupied(at) => list[*at.get()] = grown,
        Entry::Vacant(at) => {
            at.insert(list.len());
            list.push(grown);
        }
    }
}

/// The best `width` sequences, at most a third of them behind the same opening: an
/// opening that serves an objective scores early and would otherwise crowd out openings
/// whose sequences only pay off later.
fn keep_diverse<'a>(next: Vec<Skeleton<'a>>, width: usize) -> Vec<Skeleton<'a>> {
    // Skeletons are a few hundred bytes: sort their places, not them.
    let mut order: Vec<usize> = (0..next.len()).collect();
    order.sort_by(|&a, &b| next[b].estimate.total_cmp(&next[a].estimate));
    let cap = (width / 3).max(1);
    let mut per_opening: Vec<(usize, usize)> = Vec::new();
    let mut kept = Vec::with_capacity(width);
    for i in order {
        if kept.len() == width {
            break;
        }
        let opening = next[i].items[0].candidate;
        let count = match per_opening.iter_mut().find(|(candidate, _)| *candidate == opening) {
            Some((_, count)) => count,
            None => {
                per_opening.push((opening, 0));
                &mut per_opening.last_mut().expect("just pushed").1
            }
        };
        if *count < cap {
            *count += 1;
            kept.push(next[i]);
        }
    }
    kept
}

/// Minutes needed beside the methods: welcome, lunch, breaks.
struct Overhead {
    least: u32,
    welcome_most: u32,
    lunch_most: u32,
    shortest_run: u32,
}

/// The longest break the timing gives.
const LONGEST_BREAK: u32 = 20;

impl Overhead {
    /// Whether methods of at most `work` minutes in all can fill the session: with the
    /// welcome, the lunch and as many breaks as runs of the shortest length allow, and as
    /// there are places for them (`places`: between two methods, or inside one that splits).
    fn can_fill(&self, context: &Context, work: u32, places: u32) -> bool {
        let work = work + self.welcome_most + context.fixed_minutes();
        let pauses = (work / self.shortest_run).saturating_sub(1).min(places);
        let breaks = pauses.saturating_sub(u32::from(context.lunch));
        work + self.lunch_most + LONGEST_BREAK * breaks >= context.minutes
    }
}

impl Overhead {
    /// Within the craft rules the context keeps: the welcome's range (C2), a real lunch
    /// (C8), and no run of work shorter than [`rules::MIN_RUN`] between pauses (C3).
    fn of(context: &Context) -> Self {
        let minutes = context.minutes;
        let welcome = match context.welcome {
            Some(fixed) => crate::method::MinuteRange { min: fixed, max: fixed },
            None if context.keeps(CraftRule::C2) => rules::welcome_range(minutes),
            None => WELCOME,
        };
        let longest_lunch = if context.keeps(CraftRule::C8) { CRAFT_LUNCH.max } else { 90 };
        let fixed_lunch = context.moments.iter().find(|m| m.kind == super::context::MomentKind::Lunch);
        let lunch = match fixed_lunch {
            Some(lunch) => (lunch.minutes, lunch.minutes),
            None if context.lunch => (MIN_LUNCH, longest_lunch),
            None => (0, 0),
        };
        let work = minutes.saturating_sub(lunch.0);
        let stretch = context.request.max_stretch.max(1);
        let breaks_needed = (work.saturating_sub(stretch)).div_ceil(stretch.saturating_add(15));
        let shortest_run = if context.keeps(CraftRule::C3) { rules::MIN_RUN } else { 30 };
        let breaks_needed = breaks_needed.saturating_sub(u32::from(context.lunch));
        Overhead {
            least: welcome.min + lunch.0 + MIN_BREAK * breaks_needed + context.fixed_minutes(),
            welcome_most: welcome.max,
            lunch_most: lunch.1,
            shortest_run,
        }
    }
}

fn grow<'a>(
    context: &Context<'a>,
    overhead: &Overhead,
    closings: &[u32],
    skeleton: &Skeleton<'a>,
    choice: &PoolEntry,
) -> Option<Skeleton<'a>> {
    let PoolEntry { candidate, phase, bit } = *choice;
    let c = &context.candidates[candidate];
    if skeleton.used & bit != 0 || skeleton.len == MAX_METHODS {
        return None;
    }
    if !craft_allows(context, skeleton, c, phase) {
        return None;
    }
    let reopens = match skeleton.phase() {
        // A main event brings its own opening (its phases hold no opening).
        None => {
            if phase != Phase::Opening && !c.method.opens_itself {
                return None;
            }
            false
        }
        Some(last) if phase >= last => false,
        Some(last) => {
            // Any opening may reopen the afternoon: `energy_after_lunch` prefers a lively one,
            // but a calm check-in may be what lets the day keep every craft rule. So may a
            // method that opens up a subject the morning left alone: a new arc.
            let new_subject = skeleton.tally.opens_new_subject(c.method, phase, c.serves);
            if !(context.lunch
                && !context.lunch_fixed()
                && (phase == Phase::Opening || new_subject)
                && !skeleton.reopened()
                && last != Phase::Closing)
            {
                return None;
            }
            true
        }
    };
    let energiser = reopens && phase == Phase::Opening;
    if energiser && context.keeps(CraftRule::C2) && c.range.min > rules::energiser_cap(context.minutes) {
        return None;
    }
    let in_phase = skeleton.items().iter().filter(|item| item.phase == phase && !item.reopens).count();
    if !reopens && in_phase >= most_in_phase(phase) {
        return None;
    }
    let min_minutes = skeleton.min_minutes + c.range.min;
    if min_minutes + overhead.least > context.minutes {
        return None;
    }
    let mut grown = *skeleton;
    grown.items[grown.len] = Item { candidate, phase, reopens };
    grown.len += 1;
    grown.used |= bit;
    let serves = context.serves_in(c, phase);
    grown.covered |= serves;
    if !phase.frames() {
        grown.worked |= serves;
    }
    grown.min_minutes = min_minutes;
    grown.max_minutes = skeleton.max_minutes.saturating_add(context.most_in(c, phase, reopens));
    grown.typical = grown.typical.saturating_add(c.typical);
    grown.longest = grown.longest.max(c.typical);
    if phase.converges() {
        grown.converged |= serves;
    }
    grown.tally.push(c.method, phase, c.serves, c.typical, reopens);
    (grown.sequence_score, grown.estimate) = value(context, closings, &grown);
    Some(grown)
}

/// Whether the craft rules the search keeps let `c` come next in `phase`.
fn craft_allows(context: &Context, skeleton: &Skeleton, c: &Candidate, phase: Phase) -> bool {
    let m = c.method;
    let minutes = context.minutes;
    // A main event may only open the session; after it, only conclusions (C9).
    if m.opens_itself && (skeleton.len > 0 || phase.frames()) {
        return false;
    }
    let after_event =
        skeleton.items().iter().any(|item| context.candidates[item.candidate].method.opens_itself);
    if after_event && context.keeps(CraftRule::C9) && !(phase.converges() || phase == Phase::Closing) {
        return false;
    }
    let welcome = rules::welcome_range(minutes).min;
    let opening_fits =
        c.range.min <= rules::opening_cap(minutes) && c.range.min + welcome <= rules::frame_cap(minutes);
    if phase == Phase::Opening && context.keeps(CraftRule::C2) && !opening_fits {
        return false;
    }
    if phase == Phase::Closing && context.keeps(CraftRule::C7) && c.range.min > rules::closing_cap(minutes) {
        return false;
    }
    if context.keeps(CraftRule::C13) && !skeleton.tally.keeps_thread(m, phase, c.serves) {
        return false;
    }
    if context.keeps(CraftRule::C15) && !serves_or_prepares(context, skeleton, c, phase) {
        return false;
    }
    let twin = || skeleton.items().iter().any(|item| context.candidates[item.candidate].method.alike_to(m));
    if context.keeps(CraftRule::C13) && twin() {
        return false;
    }
    !(context.keeps(CraftRule::C10) && too_much_writing(m, phase, context.request.with_users()))
}

/// Content time goes to what was asked for (C15): `c` serves the request, or may prepare
/// what the next method works on; and a method that prepared is followed by one it
/// prepared ([`rules::prepares`]), which serves the request or prepares in turn (the ideas
/// a vote ranks, before the plan that details what it retained).
fn serves_or_prepares(context: &Context, skeleton: &Skeleton, c: &Candidate, phase: Phase) -> bool {
    let may_prepare = rules::prepares_in(phase) && c.prepares;
    if !phase.frames() && c.serves == 0 && !may_prepare {
        return false;
    }
    let Some(last) = skeleton.items().last() else { return true };
    let before = &context.candidates[last.candidate];
    let prepared = last.phase.frames() || before.serves != 0;
    prepared || rules::prepares(before.method, last.phase, c.method, phase)
}

fn is_complete(context: &Context, overhead: &Overhead, skeleton: &Skeleton) -> bool {
    let uses = |i: usize| skeleton.items().iter().any(|item| item.candidate == i);
    let required = |c: &Candidate| c.included || (c.network && context.keeps(CraftRule::C11));
    let included = context.candidates.iter().enumerate().filter(|(_, c)| required(c)).all(|(i, _)| uses(i));
    let arc = !context.keeps(CraftRule::C1) || context.masks.results == 0 || {
        let work = skeleton.items().iter().rev().find(|item| item.phase != Phase::Closing);
        skeleton.converged & context.masks.results == context.masks.results
            && work.is_some_and(|item| item.phase.converges())
    };
    let worked = !context.keeps(CraftRule::C5) || context.masks.need_content & !skeleton.worked == 0;
    arc && worked
        && closes_on_commitments(context, skeleton)
        && first_can_lead(context, skeleton)
        && skeleton.phase() == Some(Phase::Closing)
        && skeleton.covered == context.all_objectives()
        && included
        && (!skeleton.reopened() || context.lunch)
        && overhead.can_fill(
            context,
            skeleton.max_minutes,
            pause_places(context, skeleton.items(), overhead.shortest_run, overhead.welcome_most),
        )
        && halves_can_fill(context, overhead, skeleton)
}

/// C14: when the session should close on commitments, its last method gives them. Kept in
/// the search rather than left to the timing: among closings that score alike, the beam
/// would otherwise time only those that do not commit.
fn closes_on_commitments(context: &Context, skeleton: &Skeleton) -> bool {
    let calls = context.keeps(CraftRule::C14)
        && rules::closing_commits(&context.objectives, &context.request.profiles);
    let last = skeleton.items().last().map(|item| context.candidates[item.candidate].method);
    !calls || last.is_some_and(|method| method.commits())
}

/// Whether, in a sequence that starts afresh after lunch (an energiser), the methods before
/// it can reach the earliest lunch, and the methods from it on can reach from the latest
/// end of lunch to the end of the session: each at its longest, with the breaks they leave
/// places for. Filling the day in total is not enough when all the long methods sit on one
/// side of lunch.
fn halves_can_fill(context: &Context, overhead: &Overhead, skeleton: &Skeleton) -> bool {
    let items = skeleton.items();
    let Some(at) = items.iter().position(|item| item.reopens) else { return true };
    if context.lunch_fixed() {
        return true;
    }
    let start = context.start.minutes();
    let end = start + context.minutes;
    let latest =
        if context.keeps(CraftRule::C8) { rules::CRAFT_LUNCH_WINDOW.1 } else { rules::LUNCH_WINDOW.1 };
    let earliest_lunch = rules::LUNCH_WINDOW.0.minutes().saturating_sub(start);
    let afternoon = end.saturating_sub(latest.minutes() + overhead.lunch_most);
    let reach = |items: &[Item], lead: u32| {
        let work: u32 = items
            .iter()
            .map(|item| context.most_in(&context.candidates[item.candidate], item.phase, item.reopens))
            .sum();
        let work = work + lead + context.fixed_minutes();
        let places = pause_places(context, items, overhead.shortest_run, lead);
        work + LONGEST_BREAK * (work / overhead.shortest_run).saturating_sub(1).min(places)
    };
    reach(&items[..at], overhead.welcome_most) >= earliest_lunch && reach(&items[at..], 0) >= afternoon
}

/// Where a pause can fall in a sequence: before a method (after the `lead` minutes of a
/// welcome, or between two methods) where the work on either side, at its longest, makes
/// a run of `shortest_run` (no pause right after the welcome or before a ten-minute
/// closing while C3 holds); inside a method that splits, once per part after its first;
/// on either side of a fixed moment.
fn pause_places(context: &Context, items: &[Item], shortest_run: u32, lead: u32) -> u32 {
    let splits = items.iter().filter(|item| context.candidates[item.candidate].method.split).count();
    let longest: Vec<u32> = items
        .iter()
        .map(|item| context.most_in(&context.candidates[item.candidate], item.phase, item.reopens))
        .collect();
    let total: u32 = longest.iter().sum::<u32>() + lead;
    let mut before = lead;
    let mut between = 0;
    for (index, minutes) in longest.iter().enumerate() {
        let boundary = index > 0 || lead > 0;
        if boundary && before >= shortest_run && total - before >= shortest_run {
            between += 1;
        }
        before += minutes;
    }
    let fixed = 2 * context.moments.len();
    let inner = splits * (super::timing::MAX_PARTS - 1);
    u32::try_from(between as usize + inner + fixed).unwrap_or(u32::MAX)
}

/// Whether the methods serving the first objective can, at their longest, take its share
/// of the content time against the others at their shortest (C5).
fn first_can_lead(context: &Context, skeleton: &Skeleton) -> bool {
    let count = context.objectives.len();
    if count < 2 || !context.keeps(CraftRule::C5) {
        return true;
    }
    let (first, others) = first_and_others(context, skeleton, |c| c.range.min);
    first >= rules::FIRST_OBJECTIVE_SHARE / count as f64 * (first + others)
}

/// The sequence's score, split into the part the timing cannot change and an estimate of
/// the rest. `part` is exact: every component but `time_share`, `timing_fit` and `pace` depends on
/// the sequence alone. `value` adds `time_share` at typical lengths, the `timing_fit` the
/// session's length allows (see [`fit_estimate`]) and, until the sequence closes, the
/// coverage the best closing could still add: every sequence ends with one, and without
/// that hope an opening that serves an objective early would crowd out the others.
fn value(context: &Context, closings: &[u32], skeleton: &Skeleton) -> (f64, f64) {
    let score = skeleton.tally.score(skeleton.reopened());
    let part = score.sequence_part();
    let hope = match skeleton.phase() {
        Some(Phase::Closing) => 0.0,
        _ => closings.iter().map(|serves| context.weight_of(serves & !skeleton.covered)).fold(0.0, f64::max),
    };
    // Any sequence can keep a good pace: it does not rank them.
    let estimate =
        W_SHARE * score.time_share + W_FIT * fit_estimate(context, skeleton) + W_PACE + W_COVERAGE * hope;
    (part, part + estimate - W_SHARE * first_deficit(context, skeleton))
}

/// How far, between 0 and 1, the methods serving the first objective fall short of its
/// share (C5) at their longest against the others at their typical length: a sequence
/// that will hardly give the first objective its time should not crowd the beam.
fn first_deficit(context: &Context, skeleton: &Skeleton) -> f64 {
    let count = context.objectives.len();
    if count < 2 || !context.keeps(CraftRule::C5) {
        return 0.0;
    }
    let (first, others) = first_and_others(context, skeleton, |c| c.typical);
    let need = rules::FIRST_OBJECTIVE_SHARE / count as f64 * (first + others);
    if first >= need || need == 0.0 { 0.0 } else { 1.0 - first / need }
}

/// The most minutes the content methods serving the first objective can take, and the
/// minutes (`others`: fewest or typical) the other content methods take.
fn first_and_others(
    context: &Context,
    skeleton: &Skeleton,
    others_take: fn(&Candidate) -> u32,
) -> (f64, f64) {
    let (mut first, mut others) = (0.0, 0.0);
    for item in skeleton.items().iter().filter(|item| !item.phase.frames()) {
        let c = &context.candidates[item.candidate];
        if context.serves_in(c, item.phase) & 1 != 0 {
            first += f64::from(c.range.max.min(context.minutes));
        } else {
            others += f64::from(others_take(c));
        }
    }
    (first, others)
}

/// The best `timing_fit` the session's length seems to allow: the welcome, breaks and
/// lunch absorb what they can of the gap between the session and the methods' typical
/// lengths, at their usual lengths when the methods are too short (a twenty-minute welcome
/// and a twenty-minute break to fill a morning cost pace, and a method stretched to its
/// longest costs fit: either way, the sequence is short of work); what is left must
/// stretch or shrink the methods, at best the longest one.
fn fit_estimate(context: &Context, skeleton: &Skeleton) -> f64 {
    let k = skeleton.len.max(1);
    let (typical, longest) = (skeleton.typical, skeleton.longest.max(1));
    let lunch = u32::from(context.lunch);
    let gaps = (k as u32).saturating_sub(1 + lunch);
    let segments = typical.saturating_add(WELCOME.min).div_ceil(context.request.max_stretch.max(1));
    let breaks = segments.saturating_sub(1 + lunch).min(gaps);
    let least = WELCOME.min + lunch * MIN_LUNCH + breaks * MIN_BREAK;
    let usual_break = usual_break(context.minutes, context.request.with_users());
    let most = rules::usual_welcome(context.minutes) + lunch * USUAL_LUNCH + gaps * usual_break;
    let gap = context.minutes.saturating_sub(typical);
    let excess = if context.minutes < typical.saturating_add(least) {
        typical.saturating_add(least) - context.minutes
    } else {
        gap.saturating_sub(most)
    };
    1.0 - (f64::from(excess) / f64::from(longest)).min(k as f64) / k as f64
}
