//! The planner: from a request to a valid agenda.
//!
//! The search runs in two stages. First a beam search over sequences of methods that move
//! through the phases (opening, divergence, emergence, convergence, action, closing),
//! ranked by the [scoring function](crate::score) applied to the unfinished sequence.
//! Then, for the best sequences, a dynamic programme over time sets the welcome, each
//! method's minutes, the breaks and the lunch so that the session is filled to the minute
//! and every rule of the [checker](crate::check()) holds. The timed agendas are scored in
//! full; seed 0 (the default) takes the best, and any other seed draws one among those
//! within [`NEAR_BEST`] points of the best, with a portable random generator (ChaCha8), so
//! a seed gives the same agenda on every machine.
//!
//! The search first keeps every craft rule ([`crate::craft`]). When it finds no agenda that
//! does, it runs again, wider: four times the sequences timed when it left some out, then,
//! if that is not enough, a beam five times as wide (at once when it timed every sequence
//! it found or found none), and only then gives the rules up one by one, the
//! later-numbered first. A sequence that no timing fits is remembered and not timed again
//! at the next levels, as long as they keep the craft rules the timing reads.
//!
//! A refusal comes quickly. Before any search, a fixed or included method that cannot run
//! for the request (the group, the team, the format, the rooms, a fixed length outside its
//! range) is refused with why. For a request with fixed moments, the level that gives
//! every craft rule up runs before the levels in between: when even it finds no agenda,
//! no level between would, and the planner says which moment to move, and where, without
//! timing the same sequences at every level.

mod context;
mod error;
mod fixed;
mod replan;
mod skeleton;
mod timing;

use crate::agenda::{Agenda, Slot, SlotKind};
use crate::analysis::{Analysis, Question};
use crate::catalogue::Catalogue;
use crate::check::check_analysed;
use crate::clock::ClockTime;
use crate::craft::{self, CraftReport, CraftRule, CraftSet};
use crate::method::{MethodId, MinuteRange};
use crate::request::Request;
use crate::rules;
use crate::score::{self, Component, Score, scored};
use crate::vocabulary::{Objective, Phase};
use context::Context;
pub use error::{FixedTrouble, PlanError};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
pub use replan::{Change, Distance, DropReason, METHOD_WEIGHT, ORDER_WEIGHT, Replan, with_locks};
use serde::{Deserialize, Serialize};
use skeleton::{Item, Skeleton};
use timing::{Segment, TimedMethod};

/// A timed agenda with its score, the reasons of its choices and its craft review.
type Timed = (Agenda, Score, Vec<Reason>, CraftReport);

/// How many points (out of 100) below the best an agenda may score and still be drawn by
/// a seed.
pub const NEAR_BEST: f64 = 1.5;

/// How far below the best timed agenda a sequence's estimate may fall and still be timed.
const ESTIMATE_SLACK: f64 = 3.0;

/// The widest beam the search keeps: wider costs time and memory and finds nothing more.
pub const MAX_BEAM_WIDTH: usize = 5_000;

/// The most other orders of a sequence timed when its own order cannot keep the rules:
/// enough for two phases of two methods or one of three, and a refusal stays quick.
const MAX_REORDERINGS: usize = 8;

/// How many times wider the beam of a second strict search is, when the first found too few
/// sequences.
const DEEPER_BEAM: usize = 5;

/// The most finished sequences timed in full.
pub const MAX_ALTERNATIVES: usize = 200;

/// Settings of the search. Figures out of range are brought within it: a beam width or a
/// number of alternatives of 0 counts as 1, and neither goes beyond [`MAX_BEAM_WIDTH`] and
/// [`MAX_ALTERNATIVES`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct PlanOptions {
    /// Picks a variant among near-best agendas: 0, the default, the best one; the same seed
    /// gives the same agenda.
    pub seed: u64,
    /// How many unfinished sequences the beam search keeps at each step.
    pub beam_width: usize,
    /// How many finished sequences are timed and scored in full.
    pub alternatives: usize,
}

impl Default for PlanOptions {
    fn default() -> Self {
        PlanOptions { seed: 0, beam_width: 200, alternatives: 6 }
    }
}

impl PlanOptions {
    /// The search run again before any craft rule is given up: four times as many
    /// sequences timed (the beam already holds them; the best ones only failed to time
    /// cleanly).
    fn wider(&self) -> PlanOptions {
        PlanOptions { alternatives: self.alternatives.saturating_mul(4), ..self.clone() }
    }

    /// The search run again when the first timed every sequence it found and none kept
    /// every craft rule: a beam DEEPER_BEAM times as wide, to find sequences the first
    /// beam let go.
    fn deeper(&self) -> PlanOptions {
        // A beam of 0 is searched as one: the deeper search widens that one.
        PlanOptions { beam_width: self.beam_width.max(1).saturating_mul(DEEPER_BEAM), ..self.clone() }
    }
}

/// Why a method was chosen: the facts the déroulé's « Pourquoi ces choix » is written from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Reason {
    /// The index in the agenda of its first slot.
    pub slot: usize,
    /// The method.
    pub method: MethodId,
    /// The phase it serves.
    pub phase: Phase,
    /// The request's objectives it serves.
    pub objectives: Vec<Objective>,
    /// The minutes it was given, all parts together.
    pub minutes: u32,
    /// The minutes it can take for this group.
    pub range: MinuteRange,
    /// Whether the request asked for it (`include`).
    pub included: bool,
    /// Whether service users take part and it asks for no writing.
    pub suits_users: bool,
    /// Whether it is one of the network's own methods, chosen because it fits (C11).
    #[serde(default)]
    pub network: bool,
}

/// A planned agenda with its explanations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Plan {
    /// The request it answers.
    pub request: Request,
    /// The agenda, in the shape of the [design notes](crate::design).
    pub agenda: Agenda,
    /// How the objectives were understood.
    pub analysis: Analysis,
    /// Questions to ask the requester (none of them blocks planning).
    pub questions: Vec<Question>,
    /// Why each method was chosen.
    pub reasons: Vec<Reason>,
    /// The agenda's score.
    pub score: Score,
    /// The craft rules the agenda breaks because no agenda could keep them all (empty
    /// when it keeps every one): points to watch for the facilitator.
    pub craft: CraftReport,
}

/// Plans agendas from requests with the methods of a catalogue.
///
/// ```
/// use facilitation::{Catalogue, Planner, Request};
/// let request = Request::builder("Forum RSA : bilan et perspectives")
///     .time("09:30", "12:30")
///     .participants(60)
///     .facilitators(3)
///     .objective("review")
///     .objective("co-construire des perspectives avec les partenaires")
///     .build()
///     .unwrap();
/// let plan = Planner::new(Catalogue::builtin()).seed(42).plan(&request).unwrap();
/// assert_eq!(plan.agenda.slots.first().unwrap().start.to_string(), "09:30");
/// assert_eq!(plan.agenda.slots.last().unwrap().end.to_string(), "12:30");
/// ```
#[derive(Debug, Clone)]
pub struct Planner<'a> {
    catalogue: &'a Catalogue,
    options: PlanOptions,
    /// Minutes to aim each method at instead of its typical length (a re-plan aims at
    /// the previous agenda's).
    aim: Vec<(MethodId, u32)>,
}

impl<'a> Planner<'a> {
    /// A planner drawing on `catalogue`, with default options.
    pub fn new(catalogue: &'a Catalogue) -> Self {
        Planner { catalogue, options: PlanOptions::default(), aim: Vec::new() }
    }

    /// Sets every option.
    pub fn with_options(mut self, options: PlanOptions) -> Self {
        self.options = options;
        self
    }

    /// Sets the seed.
    pub fn seed(mut self, seed: u64) -> Self {
        self.options.seed = seed;
        self
    }

    /// Plans an agenda for `request`, or says why none can be built.
    pub fn plan(&self, request: &Request) -> Result<Plan, PlanError> {
        // A day that names a disability gets a pause at least every hour, when an agenda
        // that keeps every craft rule holds them; otherwise the pauses the request asks for.
        let care = crate::analysis::names_a_disability(request) && request.max_stretch > rules::CARE_STRETCH;
        if care {
            let cared = Request { max_stretch: rules::CARE_STRETCH, ..request.clone() };
            if let Some(plan) = self.plan_as_asked(&cared).ok().filter(|plan| plan.craft.is_clean()) {
                return Ok(Plan { request: request.clone(), ..plan });
            }
        }
        self.plan_as_asked(request)
    }

    /// Plans `request` with the pauses it asks for (see [`Planner::plan`]).
    fn plan_as_asked(&self, request: &Request) -> Result<Plan, PlanError> {
        request.validate()?;
        request.validate_methods(self.catalogue)?;
        let minutes = request.minutes();
        if minutes > rules::LONGEST_SESSION {
            return Err(PlanError::TooLong { minutes, most: rules::LONGEST_SESSION });
        }
        let analysis = request.analyse();
        let questions = analysis.questions(request, self.catalogue);
        if questions.iter().any(Question::blocks_planning) {
            return Err(PlanError::Unclear {
                questions: questions.into_iter().filter(Question::blocks_planning).collect(),
            });
        }
        let strict = Context::new(request, &analysis, self.catalogue, CraftSet::NONE);
        if least_minutes(request, self.catalogue).is_some_and(|least| least > minutes) {
            return Err(self.too_short(request, &analysis));
        }
        match diagnose_content(&strict, self.catalogue) {
            // A method serves it, only not in so short a session: time is the cause.
            Err(PlanError::NoMethod { objective: Some(objective), .. })
                if self.catalogue.iter().any(|m| m.serves(objective) && runs_for(m, request)) =>
            {
                return Err(self.too_short(request, &analysis));
            }
            other => other?,
        }
        // Every craft rule first; then give them up one by one, the later-numbered first.
        // A fixed moment is what most often leaves no agenda at all: then the level that
        // gives every rule up runs before those in between, and when it finds none the
        // request is refused at once, rather than after timing the same sequences, and
        // failing, at every level.
        let untimed = Untimed::default();
        let level = |relaxed: CraftSet| {
            let mut context = Context::new(request, &analysis, self.catalogue, relaxed);
            context.aim = self.aim.clone();
            self.pick(&context, &untimed)
        };
        let found = level(CraftSet::NONE).or_else(|| {
            if request.fixed.is_empty() {
                return CraftSet::relaxations().find_map(&level);
            }
            let loosest = all_relaxed();
            let loosest_found = level(loosest)?;
            let mut between = CraftSet::relaxations().filter(|relaxed| *relaxed != loosest);
            Some(between.find_map(&level).unwrap_or(loosest_found))
        });
        let Some((agenda, score, reasons, craft)) = found else {
            return Err(
                fixed::blame(self, request, &analysis).unwrap_or_else(|| self.too_short(request, &analysis))
            );
        };
        let questions = questions.into_iter().filter(|q| !q.blocks_planning()).collect();
        Ok(Plan { request: request.clone(), agenda, analysis, questions, reasons, score, craft })
    }

    /// Whether some agenda keeps every hard rule for `request`, whatever the craft rules.
    /// One agenda is enough: only the best sequences are timed, so that the answer stays
    /// quick when it is no (a refusal asks it for every start it proposes).
    fn feasible(&self, request: &Request, analysis: &Analysis) -> bool {
        let context = Context::new(request, analysis, self.catalogue, all_relaxed());
        let options = PlanOptions { alternatives: 1, ..self.options.clone() };
        !self.timed_agendas(&context, &options, &Untimed::default()).0.is_empty()
    }

    /// The seed's pick among the near-best agendas.
    fn pick(&self, context: &Context, untimed: &Untimed) -> Option<Timed> {
        let mut timed = self.near_best(context, untimed);
        let pick = drawn(self.options.seed, timed.len())?;
        Some(timed.swap_remove(pick))
    }

    /// The agendas a seed may draw, best first. Before any craft rule is given up, a search
    /// that finds no agenda keeping them all is run again: with more of the sequences
    /// timed when it left some out (the best may all fail to time cleanly while a few
    /// ranks down one keeps every rule), with a wider beam when it timed all it found, found
    /// none, or when timing more was not enough (the beam let go of sequences of the same
    /// shape: a long method that serves the first objective crowds out the chains of
    /// shorter ones, until no unfinished sequence in the beam can be finished).
    fn near_best(&self, context: &Context, untimed: &Untimed) -> Vec<Timed> {
        let (mut timed, found) = self.timed_agendas(context, &self.options, untimed);
        if timed.is_empty() {
            let again = match found {
                Found::More => vec![self.options.wider(), self.options.deeper()],
                Found::All | Found::None => vec![self.options.deeper()],
            };
            for options in again {
                timed = self.timed_agendas(context, &options, untimed).0;
                if !timed.is_empty() {
                    break;
                }
            }
        }
        timed.sort_by(|a, b| b.1.total().total_cmp(&a.1.total()));
        let best = timed.first().map_or(0.0, |t| t.1.total());
        timed.retain(|(_, score, _, _)| score.total() >= best - NEAR_BEST);
        timed
    }

    /// Up to `count` clearly different near-best plans, the most different first after
    /// the best, each with the seed that plans it again (`plan --seed`). Fewer when the
    /// request leaves fewer near-best agendas.
    pub fn variants(&self, request: &Request, count: usize) -> Result<Vec<Plan>, PlanError> {
        let best = self.plan(request)?;
        let analysis = best.analysis.clone();
        let relaxed = std::iter::once(CraftSet::NONE).chain(CraftSet::relaxations());
        let untimed = Untimed::default();
        let timed = relaxed
            .map(|relaxed| {
                self.near_best(&Context::new(request, &analysis, self.catalogue, relaxed), &untimed)
            })
            .find(|timed| !timed.is_empty())
            .unwrap_or_default();
        // The first seed that draws each agenda.
        let mut seeds: Vec<(usize, u64)> = Vec::new();
        for seed in 0..SEEDS_TRIED {
            let Some(index) = drawn(seed, timed.len()) else { break };
            if !seeds.iter().any(|(known, _)| *known == index) {
                seeds.push((index, seed));
            }
        }
        let mut chosen: Vec<Plan> = vec![best];
        while chosen.len() < count {
            let farthest = seeds
                .iter()
                .filter(|(index, _)| chosen.iter().all(|plan| plan.agenda.slots != timed[*index].0.slots))
                .max_by_key(|(index, _)| {
                    chosen.iter().map(|plan| Distance::between(&plan.agenda, &timed[*index].0).total()).min()
                });
            let Some(&(index, seed)) = farthest else { break };
            let (mut agenda, score, reasons, craft) = timed[index].clone();
            agenda.seed = Some(seed);
            let questions = chosen[0].questions.clone();
            chosen.push(Plan {
                request: request.clone(),
                agenda,
                analysis: analysis.clone(),
                questions,
                reasons,
                score,
                craft,
            });
        }
        Ok(chosen)
    }

    /// The best finished sequences, timed, checked, reviewed and scored: only agendas that
    /// keep every hard rule and every craft rule the context keeps.
    ///
    /// Sequences come best estimate first. The timing can add at most the weights of
    /// `time_share`, `timing_fit` and `pace` to a sequence's exact part, so a sequence whose part
    /// plus those weights falls below the best agenda found (less the margin a seed may
    /// draw from) cannot matter and is not timed.
    ///
    /// Also says what the search found of the finished sequences: a wider search would
    /// find the same when it found them all.
    fn timed_agendas(
        &self,
        context: &Context,
        options: &PlanOptions,
        untimed: &Untimed,
    ) -> (Vec<Timed>, Found) {
        let beam_width = options.beam_width.clamp(1, MAX_BEAM_WIDTH);
        let alternatives = options.alternatives.clamp(1, MAX_ALTERNATIVES);
        let keep = alternatives.saturating_mul(64);
        let skeletons = skeleton::search(context, beam_width, keep);
        let mut timed = Vec::new();
        let mut best = f64::NEG_INFINITY;
        let reach = Component::clock_reach();
        for skeleton in &skeletons {
            if timed.len() >= alternatives {
                break;
            }
            // The estimate is close enough to the timed score that a sequence estimated
            // well below the best timed one is not worth the timing.
            if skeleton.sequence_score + reach < best - NEAR_BEST || skeleton.estimate < best - ESTIMATE_SLACK
            {
                continue;
            }
            let Some((agenda, craft)) = self.time(context, skeleton, untimed) else { continue };
            let with_users = context.request.with_users();
            let score = scored(&agenda, &context.objectives, (context.masks, with_users), self.catalogue);
            best = best.max(score.total());
            let reasons = reasons(context, skeleton, &agenda);
            timed.push((agenda, score, reasons, craft));
        }
        let found = match skeletons.len() {
            0 => Found::None,
            n if n < keep => Found::All,
            _ => Found::More,
        };
        (timed, found)
    }

    /// Times a sequence into an agenda that keeps every hard rule and the craft rules the
    /// context keeps, in its order or, failing that, with the methods of a phase in
    /// another order ([`Skeleton::reorderings`]): which methods share a run of work
    /// decides whether the pauses fall at natural points (C3).
    /// A sequence that no order times within the hard rules is remembered in `untimed`, and
    /// not timed again when a later level gives up a rule the timing does not read.
    fn time(
        &self,
        context: &Context,
        skeleton: &Skeleton,
        untimed: &Untimed,
    ) -> Option<(Agenda, CraftReport)> {
        let key = untimed.key(context, skeleton);
        if untimed.knows(key) {
            return None;
        }
        let mut missed_craft = false;
        let others = skeleton.reorderings();
        let orders = std::iter::once(skeleton).chain(others.iter().take(MAX_REORDERINGS));
        for order in orders {
            match self.time_in_order(context, order) {
                Ok(timed) => return Some(timed),
                Err(Miss::Craft) => missed_craft = true,
                Err(Miss::Timing) => {}
            }
        }
        if !missed_craft {
            untimed.remember(key);
        }
        None
    }

    /// Times a sequence in its order: the timing keeps the first objective's share (C5)
    /// itself, so the best timing under it is the one returned.
    fn time_in_order(&self, context: &Context, skeleton: &Skeleton) -> Result<(Agenda, CraftReport), Miss> {
        let (pieces, _) = timing::time(context, &blocks(context, skeleton)).ok_or(Miss::Timing)?;
        let agenda = self.assemble(context, skeleton, &pieces);
        // The checker is the judge: an agenda that breaks a rule is never returned.
        if !check_analysed(&agenda, context.request, context.analysis, self.catalogue).is_valid() {
            return Err(Miss::Timing);
        }
        let craft = craft::review_wanting(&agenda, context.request, self.catalogue, &context.wanted);
        if craft.rules().within(context.relaxed) { Ok((agenda, craft)) } else { Err(Miss::Craft) }
    }

    fn assemble(&self, context: &Context, skeleton: &Skeleton, pieces: &[Segment]) -> Agenda {
        let request = context.request;
        let mut slots = Vec::new();
        let mut clock = context.start;
        let mut parts_seen = vec![0u32; skeleton.items().len()];
        for piece in pieces {
            let (kind, minutes) = match piece {
                Segment::Welcome(m) => (SlotKind::Welcome, *m),
                Segment::Break(m) => (SlotKind::Break, *m),
                Segment::Lunch(m) => (SlotKind::Lunch, *m),
                Segment::Part(_, m) => (SlotKind::Method, *m),
                Segment::Talk(_, m) => (SlotKind::Talk, *m),
            };
            let end = clock.plus(minutes).unwrap_or(ClockTime::END_OF_DAY);
            let mut slot = Slot::new(kind, clock, end);
            if let Segment::Talk(index, _) = piece {
                let fixed = request.fixed.get(*index);
                slot.title = fixed.and_then(|fixed| fixed.title.clone());
                slot.who = fixed.and_then(|fixed| fixed.who.clone());
            }
            if let Segment::Part(index, _) = piece {
                let item = skeleton.items()[*index];
                let candidate = &context.candidates[item.candidate];
                parts_seen[*index] += 1;
                slot.method = Some(candidate.method.id.clone());
                slot.phase = Some(item.phase);
                slot.objectives = slot_objectives(context, skeleton.items(), *index);
                slot.part = (parts_seen[*index] > 1).then_some(parts_seen[*index]);
            }
            slots.push(slot);
            clock = end;
        }
        Agenda {
            title: request.title.clone(),
            date: request.date.clone(),
            start: context.start,
            end: clock,
            participants: request.participants,
            facilitators: request.facilitators,
            format: request.format,
            breakout_rooms: request.breakout_rooms,
            objectives: context.objectives.clone(),
            seed: Some(self.options.seed),
            slots,
            team: Vec::new(),
        }
    }

    /// The refusal of a request whose content fits the catalogue but not the time: how
    /// much longer the session would need to be, or, when more time does not help, the
    /// longest session the methods that fit can fill.
    fn too_short(&self, request: &Request, analysis: &Analysis) -> PlanError {
        let minutes = request.minutes();
        let objectives = analysis.objectives();
        // A few widening tries from the least a welcome, an opening and a closing take:
        // enough to tell a facilitator roughly how long, and cheap.
        let base = least_minutes(request, self.catalogue).unwrap_or(0).max(minutes);
        let longer = [0, 15, 30, 60, 90, 120, 180, 240].map(|extra| base.saturating_add(extra));
        for longer in longer.into_iter().filter(|longer| *longer > minutes) {
            if let Some(end) = self.plans_in(request, analysis, longer) {
                return PlanError::TooShort { minutes, needed: Some(longer), end: Some(end), objectives };
            }
        }
        // Quarter-hour steps: the longest session they fill, to the nearest quarter hour.
        for less in (1..=16).map(|quarters| quarters * 15).chain([300, 360, 420]) {
            let Some(shorter) = minutes.checked_sub(less).filter(|m| *m >= rules::WELCOME.min) else { break };
            if let Some(end) = self.plans_in(request, analysis, shorter) {
                let (participants, format) = (request.participants, request.format);
                return PlanError::CannotFill { minutes, most: shorter, end, participants, format };
            }
        }
        PlanError::TooShort { minutes, needed: None, end: None, objectives }
    }

    /// The end of the same session lasting `minutes`, if the planner finds an agenda for
    /// it with every craft rule that may be given up given up.
    fn plans_in(&self, request: &Request, analysis: &Analysis, minutes: u32) -> Option<ClockTime> {
        let end = request.start.plus(minutes)?;
        let mut retimed = request.clone();
        retimed.end = Some(end);
        retimed.duration = None;
        let context = Context::new(&retimed, analysis, self.catalogue, all_relaxed());
        (!self.timed_agendas(&context, &self.options, &Untimed::default()).0.is_empty()).then_some(end)
    }
}

/// The objectives the slot of the `index`th method serves: its own for the request, or,
/// for a method that serves none of them and prepares the next one's work (C15,
/// [`rules::prepares`]), what it is made for (its first objective: the ideas that a vote
/// will rank), rather than what it might do for the group. A method that counts only for
/// the review once the group has looked ahead (a gallery that visits the front pages
/// drawn before lunch, which C13 lets through because it takes them up) is read as it
/// runs: it chooses among what was drawn for the plan to come, it does not take stock.
fn slot_objectives(context: &Context, items: &[Item], index: usize) -> Vec<Objective> {
    let item = items[index];
    let candidate = &context.candidates[item.candidate];
    let serves = if reviews_after_looking_ahead(context, items, index) { 0 } else { candidate.serves };
    let prepares = items.get(index + 1).is_some_and(|next| {
        let next_candidate = &context.candidates[next.candidate];
        serves == 0
            && !item.phase.frames()
            && rules::prepares(candidate.method, item.phase, next_candidate.method, next.phase)
    });
    match candidate.method.objectives.first() {
        Some(own) if prepares => vec![*own],
        _ => context.slot_objectives(candidate, item.phase),
    }
}

/// Whether the `index`th method counts for nothing but the review ([`ArcMasks::stock`],
/// manners of working aside) after an earlier one turned the group towards the future
/// ([`score::looks_ahead`]).
///
/// [`ArcMasks::stock`]: crate::score::ArcMasks::stock
fn reviews_after_looking_ahead(context: &Context, items: &[Item], index: usize) -> bool {
    let masks = context.masks;
    let counted = |item: &Item| context.serves_in(&context.candidates[item.candidate], item.phase);
    let subject = counted(&items[index]) & !masks.manner;
    let looked_ahead = items[..index].iter().any(|item| {
        let method = context.candidates[item.candidate].method;
        score::looks_ahead(method, item.phase, counted(item), masks)
    });
    subject != 0 && subject & !masks.stock == 0 && looked_ahead
}

/// What a search found of the finished sequences it was asked for.
enum Found {
    /// None: the beam finished no sequence that keeps the craft rules the search keeps
    /// (there may be none, or the beam let them all go on the way).
    None,
    /// Fewer than asked: all the beam holds.
    All,
    /// As many as asked, and more were left out.
    More,
}

/// Why a sequence was not timed in one order.
enum Miss {
    /// No timing keeps the hard rules and the craft rules the timing reads.
    Timing,
    /// The timed agenda breaks a craft rule the search keeps.
    Craft,
}

/// The craft rules the timing reads (the minutes of openings and closings, the runs and
/// the parts, the five-minute marks, the first objective's share, the lunch) and through
/// the objectives counted, the arc (C1). A sequence that cannot be timed while these are
/// kept cannot be timed when only others are given up.
const TIMING_RULES: [CraftRule; 7] =
    [CraftRule::C1, CraftRule::C2, CraftRule::C3, CraftRule::C4, CraftRule::C5, CraftRule::C7, CraftRule::C8];

/// The sequences no timing fits, over the levels of one search: the relaxation runs the
/// search again for each rule given up, and from C15 to C9 the same sequences would be
/// timed, and fail, again.
#[derive(Default)]
struct Untimed(std::cell::RefCell<rustc_hash::FxHashSet<u64>>);

impl Untimed {
    /// A sequence's methods, phases and fresh starts after lunch, with the timing rules the
    /// level keeps: what its timing depends on.
    fn key(&self, context: &Context, skeleton: &Skeleton) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = rustc_hash::FxHasher::default();
        for rule in TIMING_RULES {
            context.keeps(rule).hash(&mut hasher);
        }
        for item in skeleton.items() {
            context.candidates[item.candidate].method.id.hash(&mut hasher);
            (item.phase, item.reopens).hash(&mut hasher);
        }
        hasher.finish()
    }

    fn knows(&self, key: u64) -> bool {
        self.0.borrow().contains(&key)
    }

    fn remember(&self, key: u64) {
        self.0.borrow_mut().insert(key);
    }
}

/// Whether `method` can run for `request` whatever the time: the group, the team, the
/// format, the rooms and the request's `exclude` allow it.
fn runs_for(method: &crate::method::Method, request: &Request) -> bool {
    why_unfit(method, request).is_none() && !request.exclude.contains(&method.id)
}

/// Why `method` cannot run for `request` whatever the time: the hard rules on the group,
/// the team, the format and the level, or sub-groups that a session by video without
/// breakout rooms cannot give (C6, never given up).
fn why_unfit(method: &crate::method::Method, request: &Request) -> Option<crate::check::Breach> {
    let breach = crate::check::unfit(method, request).into_iter().next().map(|(_, breach)| breach);
    breach.or_else(|| {
        craft::lacks_subgroups(method, request.format, request.breakout_rooms, request.participants)
            .then(|| crate::check::Breach::Breakout { id: method.id.clone() })
    })
}

/// The shortest session that could hold a welcome, an opening and a closing for this
/// group, with the methods that can run for it; `None` when no method opens or closes.
fn least_minutes(request: &Request, catalogue: &Catalogue) -> Option<u32> {
    let shortest = |phase: Phase| {
        catalogue
            .iter()
            .filter(|m| {
                runs_for(m, request) && (m.has_phase(phase) || (phase == Phase::Opening && m.opens_itself))
            })
            .map(|m| m.minutes_for(request.participants).min)
            .min()
    };
    let (opening, closing) = (shortest(Phase::Opening)?, shortest(Phase::Closing)?);
    Some(rules::WELCOME.min.saturating_add(opening).saturating_add(closing))
}

/// How many seeds are tried to find the one that draws each near-best agenda.
const SEEDS_TRIED: u64 = 256;

/// The index a seed draws among `count` near-best agendas, best first: seed 0, the
/// default, takes the best one (who asks for nothing gets the planner's best); any other
/// seed draws among them all.
fn drawn(seed: u64, count: usize) -> Option<usize> {
    match seed {
        _ if count == 0 => None,
        0 => Some(0),
        _ => Some(ChaCha8Rng::seed_from_u64(seed).random_range(0..count)),
    }
}

/// Every craft rule that may be given up.
fn all_relaxed() -> CraftSet {
    CraftSet::relaxations().last().unwrap_or(CraftSet::NONE)
}

/// Each method of the sequence as a block to time, within the lengths the craft rules
/// the context keeps allow: a short opening and welcome (C2), a short closing (C7).
fn blocks(context: &Context, skeleton: &Skeleton) -> Vec<TimedMethod> {
    let minutes = context.minutes;
    skeleton
        .items()
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let c = &context.candidates[item.candidate];
            let first_opening = index == 0 && item.phase == Phase::Opening && context.keeps(CraftRule::C2);
            let serves_first = context.serves_in(c, item.phase) & 1 != 0;
            let most = context.most_in(c, item.phase, item.reopens);
            let parts = c.method.split.then(|| rules::split_parts(c.method, context.request.participants));
            let (first_part, last_part) = parts.flatten().unwrap_or((0, 0));
            TimedMethod {
                min: c.range.min,
                max: most,
                typical: context.aim_of(c).unwrap_or(c.typical).clamp(c.range.min, most),
                split: c.method.split,
                phase: item.phase,
                energy: c.method.energy,
                after_lunch: item.reopens,
                until: if first_opening { rules::frame_cap(minutes) } else { u32::MAX },
                lead: timing::lead_per_minute(context, !item.phase.frames(), serves_first),
                at: context.pin_of(c.method).and_then(|pin| pin.at),
                first_part,
                last_part,
                first_gap: (c.method.split && context.keeps(CraftRule::C3))
                    .then(|| rules::first_part_gap(c.method, context.request.participants))
                    .flatten(),
                balance: (c.method.split && context.keeps(CraftRule::C3))
                    .then(|| rules::RoundsBalance::of(c.method))
                    .flatten(),
                cut_freely: !context.keeps(CraftRule::C3) || rules::may_cut(c.method, 1, true),
                breaks_flow: rules::pause_breaks_flow(c.method),
                opens_itself: c.method.opens_itself,
            }
        })
        .collect()
}

/// Says why the catalogue cannot serve the request whatever the time: a fixed or an
/// included method that cannot run, a phase or an objective no fitting method serves.
fn diagnose_content(context: &Context, catalogue: &Catalogue) -> Result<(), PlanError> {
    let request = context.request;
    for (index, fixed) in request.fixed.iter().enumerate() {
        let Some(method) = fixed.method.as_ref().and_then(|id| catalogue.get(id.as_str())) else { continue };
        let range = method.minutes_for(request.participants);
        let out_of_range = fixed
            .minutes
            .filter(|minutes| !range.contains(*minutes))
            .map(|minutes| crate::check::Breach::MinutesOutOfRange { id: method.id.clone(), minutes, range });
        if let Some(breach) = why_unfit(method, request).or(out_of_range) {
            return Err(PlanError::FixedUnfit { index, id: method.id.clone(), breach });
        }
    }
    for id in &request.include {
        let Some(method) = catalogue.get(id.as_str()) else { continue };
        if let Some(breach) = why_unfit(method, request) {
            return Err(PlanError::IncludeUnfit { id: id.clone(), breach });
        }
        let needed = method.minutes_for(request.participants).min;
        let least = needed.saturating_add(10);
        if least > context.minutes {
            let end = request.start.plus(least);
            return Err(PlanError::IncludeTooLong { id: id.clone(), needed, minutes: context.minutes, end });
        }
    }
    for phase in [Phase::Opening, Phase::Closing] {
        if !context.has_phase(phase) {
            return Err(PlanError::NoMethod {
                phase: Some(phase),
                objective: None,
                participants: request.participants,
                format: request.format,
            });
        }
    }
    for (rank, objective) in context.objectives.iter().enumerate() {
        if !context.candidates.iter().any(|c| c.serves & (1 << rank) != 0) {
            return Err(PlanError::NoMethod {
                phase: None,
                objective: Some(*objective),
                participants: request.participants,
                format: request.format,
            });
        }
    }
    Ok(())
}

/// Why each method was chosen.
fn reasons(context: &Context, skeleton: &Skeleton, agenda: &Agenda) -> Vec<Reason> {
    let mut reasons: Vec<Reason> = Vec::new();
    for (i, slot) in agenda.slots.iter().enumerate() {
        let Some(id) = &slot.method else { continue };
        if reasons.iter().any(|reason| reason.method == *id) {
            continue;
        }
        let Some(item) =
            skeleton.items().iter().find(|item| context.candidates[item.candidate].method.id == *id)
        else {
            continue;
        };
        let c = &context.candidates[item.candidate];
        reasons.push(Reason {
            slot: i,
            method: id.clone(),
            phase: item.phase,
            objectives: slot.objectives.clone(),
            minutes: agenda.slots.iter().filter(|s| s.method.as_ref() == Some(id)).map(|s| s.minutes).sum(),
            network: c.network,
            range: c.range,
            included: c.included,
            suits_users: context.request.with_users() && c.method.writing == crate::vocabulary::Writing::None,
        });
    }
    reasons
}
