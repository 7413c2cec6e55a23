//! The planner's scoring function: how good a valid agenda is, beyond the rules. Each
//! component lies between 0 and 1; the total is their weighted sum, out of 100.
//!
//! | component | weight | what a facilitator would say when it is 1 |
//! |---|---|---|
//! | `coverage` | 15 | « Chaque objectif demandé est travaillé, les premiers d'abord. » (priority-weighted) |
//! | `arc` | 10 | « Quand on attend un résultat, on converge avant de clore, et la dernière séquence avant la clôture décide ou engage ; sinon, on donne du sens à ce qui a été ouvert avant de clore. » |
//! | `diverge_first` | 10 | « On ouvre avant de converger : chaque objectif tranché a d'abord été exploré (par une séquence précédente, ou par la méthode elle-même quand ses étapes ouvrent avant de trancher). » |
//! | `multi_objective` | 4 | « Chaque séquence de fond sert plusieurs objectifs de la demande ; mais deux questions d'appel ne se posent pas dans une même photo : une séquence qui répond à une question ne compte que pour l'objectif de celle-ci ([`one_question`]). » |
//! | `energy_after_lunch` | 5 | « Après le déjeuner, on remet le groupe en mouvement. » |
//! | `variety` | 8 | « On alterne les configurations : seul, à deux, en petits groupes, en plénière. » |
//! | `profile_fit` | 8 | « Avec des usagers, peu d'écrit. » |
//! | `time_share` | 10 | « Le temps suit la priorité : le premier objectif a la plus grande part, et chacun des suivants une part réelle (deux objectifs se partagent le temps à trois contre deux, [`share_weight`]) : à peu près en proportion, on ne perd presque rien, mais une part affamée (un plan d'action en trois quarts d'heure après une matinée de bilan) coûte cher ([`SHARE_STRICTNESS`]) ; faire participer les usagers ne se compte pas en minutes, cela se joue dans chaque séquence ([`Objective::is_manner`]). » |
//! | `timing_fit` | 11 | « Chaque méthode a le temps qu'il lui faut, près de sa durée habituelle ; le temps en plus va à ce qui fait converger et agir, pas à un tour de parole de plus. » ([`method_misfit`]) |
//! | `pace` | 8 | « Un accueil à la mesure de la séance, des pauses de longueur habituelle après au moins une heure de travail, un déjeuner vers midi et quart, jamais une pause juste après le début ou juste avant une courte clôture, ni au milieu d'une méthode quand elle peut tomber entre deux séquences ([`crate::rules::pause_breaks_flow`]), et un quart d'heure pour clore une journée ou un grand groupe ([`usual_closing`]). » |
//! | `feeds` | 6 | « Chaque séquence reprend ce que la précédente a produit (les irritants listés, puis leurs causes, puis les actions) et sert ce que la demande attend ; aucune ne refait le travail de celle d'avant, on ne vote pas sur les idées du matin en laissant de côté la vision construite juste avant, on ne converge pas sur un sujet à partir de ce qu'un autre vient de produire, et on ne revient pas au bilan une fois projeté. » (craft rule C13, [`goes_back`], [`crosses`]) |
//! | `commits` | 5 | « Quand on attend un résultat, quand on remobilise une équipe, ou avec des partenaires ou des usagers, on clôt sur les engagements de chacun et la suite (qui fait quoi, quand), puis un retour rapide. » (craft rule C14) |
//!
//! A slot counts for every objective of the request that its method serves in its phase
//! ([`counted`]: the arc's reading, as craft rule C1 puts it: an opening or a closing
//! serves no objective that calls for a result, a method placed to converge serves no
//! objective that asks to open up unless its own steps open up), whatever objectives the
//! slot names. Naming fewer objectives than a method serves is thus never rewarded (nor
//! punished): the score is the same for every labelling, and the planner and the quality
//! oracle search one space. A split method counts once, however many parts it runs in
//! (`multi_objective`, `profile_fit`, `timing_fit` and `variety` count methods, not slots).
//!
//! `feeds`, `commits` and the first seven depend on the sequence of methods alone ([`Component::clock`] is
//! false): the planner's beam search and the quality oracle compute them before any
//! timing ([`Score::sequence_part`]); the timing can only lower `energy_after_lunch`
//! (which method follows lunch), so that part is an upper bound of the timed agenda's. The last three depend on the clock, and the timing
//! can add at most their weights ([`Component::clock_reach`]).
//!
//! Adding a component: one [`Component`] variant with its weight and clock flag, a field
//! of [`Score`], its computation, and its row above.

use crate::agenda::{Agenda, SlotKind};
use crate::catalogue::Catalogue;
use crate::clock::ClockTime;
use crate::method::{Given, Method};
use crate::request::Request;
use crate::rules::{MIN_BREAK, MIN_RUN, usual_closing, usual_welcome_before};
use crate::text::Lang;
use crate::vocabulary::{Energy, Objective, Phase, Product, Writing};
use serde::{Deserialize, Serialize};

/// One component of the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Component {
    /// Every objective is served, weighted by priority.
    Coverage,
    /// Objectives that call for a result converge before the closing.
    Arc,
    /// Every objective converged on was first opened up.
    DivergeFirst,
    /// Content methods serve several of the request's objectives.
    MultiObjective,
    /// The first method after lunch is energising.
    EnergyAfterLunch,
    /// Consecutive methods use different group configurations.
    Variety,
    /// With service users, methods ask for little writing.
    ProfileFit,
    /// Time spent on each objective follows its priority.
    TimeShare,
    /// Methods run close to their typical length.
    TimingFit,
    /// The welcome and the pauses keep the usual rhythm of a session.
    Pace,
    // Sequences that feed each other (craft rule C13), kept apart from the components above.
    /// Each content method takes up what the ones before it gave, repeats no job done and
    /// serves an objective of the request.
    Feeds,
    // A closing that commits (craft rule C14), kept apart from the components above.
    /// The closing gathers commitments when the session calls for them.
    Commits,
}

impl Component {
    /// Every component, in the order of [`Score`]'s fields.
    pub const ALL: [Component; 12] = [
        Component::Coverage,
        Component::Arc,
        Component::DivergeFirst,
        Component::MultiObjective,
        Component::EnergyAfterLunch,
        Component::Variety,
        Component::ProfileFit,
        Component::TimeShare,
        Component::TimingFit,
        Component::Pace,
        Component::Feeds,
        Component::Commits,
    ];

    /// Its weight, out of 100 for all components together.
    pub const fn weight(self) -> f64 {
        match self {
            Component::Coverage => 15.0,
            Component::Arc | Component::DivergeFirst | Component::TimeShare => 10.0,
            Component::MultiObjective => 4.0,
            Component::EnergyAfterLunch => 5.0,
            Component::Variety | Component::ProfileFit | Component::Pace => 8.0,
            Component::TimingFit => 11.0,
            Component::Feeds => 6.0,
            Component::Commits => 5.0,
        }
    }

    /// Whether it depends on the clock (minutes, pauses), not only on the sequence.
    pub const fn clock(self) -> bool {
        matches!(self, Component::TimeShare | Component::TimingFit | Component::Pace)
    }

    /// The most the clock-dependent components can add to a sequence's part.
    pub fn clock_reach() -> f64 {
        Component::ALL.iter().filter(|c| c.clock()).map(|c| c.weight()).sum()
    }

    /// What it means, in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Component::Coverage => lang.pick("objectifs servis", "objectives served"),
            Component::Arc => lang.pick("convergence avant la clôture", "convergence before the close"),
            Component::DivergeFirst => lang.pick("ouvrir avant de converger", "open up before converging"),
            Component::MultiObjective => {
                lang.pick("séquences à plusieurs objectifs", "sequences serving several objectives")
            }
            Component::EnergyAfterLunch => lang.pick("énergie après le déjeuner", "energy after lunch"),
            Component::Variety => lang.pick("variété des configurations", "variety of group configurations"),
            Component::ProfileFit => {
                lang.pick("peu d'écrit avec des usagers", "little writing with service users")
            }
            Component::TimeShare => lang.pick("temps selon la priorité", "time by priority"),
            Component::TimingFit => lang.pick("durées habituelles", "usual durations"),
            Component::Pace => lang.pick("rythme de l'accueil et des pauses", "rhythm of welcome and pauses"),
            Component::Feeds => lang.pick("séquences qui s'enchaînent", "sequences that feed each other"),
            Component::Commits => lang.pick("clôture sur les engagements", "closing on commitments"),
        }
    }
}

/// The components of an agenda's score, each between 0 and 1.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Score {
    /// Share of the objectives' priority weight that is served.
    pub coverage: f64,
    /// Share of the result objectives that converge, and whether the last method before
    /// the closing converges (1 when no objective calls for a result).
    pub arc: f64,
    /// Share of converged objectives that were opened up before.
    pub diverge_first: f64,
    /// Share of content methods serving two objectives or more of the request.
    pub multi_objective: f64,
    /// Energy of the first method after lunch.
    pub energy_after_lunch: f64,
    /// Share of consecutive methods with different group configurations.
    pub variety: f64,
    /// Fit of the methods' writing load to the participants.
    pub profile_fit: f64,
    /// Agreement between time spent per objective and priority.
    pub time_share: f64,
    /// Closeness of the methods' minutes to their typical duration.
    pub timing_fit: f64,
    /// How well the welcome and the pauses keep the usual rhythm of a session.
    pub pace: f64,
    /// Share of content methods that take up what came before, repeat nothing and serve an
    /// objective of the request.
    pub feeds: f64,
    /// Whether the closing gathers commitments when the session calls for them (1 when it
    /// does not call for them).
    pub commits: f64,
}

pub use crate::rules::USUAL_BREAK;
/// The usual length of a lunch, in minutes (the welcome's depends on the session and on
/// what opens it: [`usual_welcome_before`]).
pub const USUAL_LUNCH: u32 = 60;

impl Score {
    /// The value of one component, between 0 and 1.
    pub fn get(&self, component: Component) -> f64 {
        match component {
            Component::Coverage => self.coverage,
            Component::Arc => self.arc,
            Component::DivergeFirst => self.diverge_first,
            Component::MultiObjective => self.multi_objective,
            Component::EnergyAfterLunch => self.energy_after_lunch,
            Component::Variety => self.variety,
            Component::ProfileFit => self.profile_fit,
            Component::TimeShare => self.time_share,
            Component::TimingFit => self.timing_fit,
            Component::Pace => self.pace,
            Component::Feeds => self.feeds,
            Component::Commits => self.commits,
        }
    }

    /// The weighted total, out of 100.
    pub fn total(&self) -> f64 {
        Component::ALL.iter().map(|&c| c.weight() * self.get(c)).sum()
    }

    /// The weighted total of the components that depend on the sequence alone.
    pub fn sequence_part(&self) -> f64 {
        Component::ALL.iter().filter(|c| !c.clock()).map(|&c| c.weight() * self.get(c)).sum()
    }
}

/// The priority weight of the objective at `rank` (0 = first) among `count`: the first
/// weighs `count`, the last 1.
pub fn priority_weight(rank: usize, count: usize) -> f64 {
    count.saturating_sub(rank).max(1) as f64
}

/// The share of the clock the objective at `rank` (0 = first) among `count` is due, in
/// parts: the first `count + 1`, the last 2. The first has the largest share, and every
/// later one a real share of its own: two objectives share the time three to two, not two
/// to one, since a second objective squeezed to its method's minimum is one the group
/// leaves unfinished.
pub fn share_weight(rank: usize, count: usize) -> f64 {
    priority_weight(rank, count) + 1.0
}

/// The request's objectives that the arc reads apart, as bits over their ranks (0 = first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ArcMasks {
    /// Those that call for a result ([`Objective::calls_for_result`]).
    pub results: u32,
    /// Those that ask to open up ([`Objective::opens_up`]).
    pub openers: u32,
    /// Those that look back on the session ([`Objective::looks_back`]).
    pub looks_back: u32,
    /// Those that need a content sequence: an opening or a closing alone does not serve
    /// them (not [`Objective::served_by_frames`], craft rule C5).
    pub need_content: u32,
    /// Those that say how the session works ([`Objective::is_manner`]): `time_share` leaves
    /// them aside.
    pub manner: u32,
    /// Those that turn the group towards the future ([`Objective::looks_ahead`]).
    pub ahead: u32,
    /// Those that take stock of what was done ([`Objective::takes_stock`]).
    pub stock: u32,
    /// Those whose result concludes the whole session ([`Objective::concludes_all`]).
    pub conclusions: u32,
    /// Those the request gives a calling question of their own ([`ArcMasks::asking`]).
    pub asked: u32,
    /// Of those, the ones whose question asks each one to tell something lived
    /// ([`crate::analysis::asks_for_a_story`]).
    pub stories: u32,
    /// Of those, the ones whose question asks what each one needs from the others
    /// ([`crate::analysis::asks_what_each_needs`]).
    pub needs: u32,
    /// Those learned by practice ([`Objective::is_learned_by_practice`]).
    pub practised: u32,
}

impl ArcMasks {
    /// The masks of `objectives`, in priority order.
    pub fn of(objectives: &[Objective]) -> Self {
        let bits = |keep: fn(Objective) -> bool| {
            let ranked = objectives.iter().take(MAX_OBJECTIVES).enumerate();
            ranked.filter(|(_, o)| keep(**o)).fold(0, |m, (rank, _)| m | 1 << rank)
        };
        ArcMasks {
            results: bits(Objective::calls_for_result),
            openers: bits(Objective::opens_up),
            looks_back: bits(Objective::looks_back),
            need_content: bits(|o| !o.served_by_frames()),
            manner: bits(Objective::is_manner),
            ahead: bits(Objective::looks_ahead),
            stock: bits(Objective::takes_stock),
            conclusions: bits(Objective::concludes_all),
            asked: 0,
            stories: 0,
            needs: 0,
            practised: bits(Objective::is_learned_by_practice),
        }
    }

    /// The masks of `request`'s resolved `objectives`, with the calling questions read: which
    /// objectives have one ([`ArcMasks::asking`]), which of those ask for a story and which
    /// ask what each one needs from the others.
    pub fn of_request(request: &Request, objectives: &[Objective]) -> Self {
        let bits = |reads: fn(&str) -> bool| {
            let kept: Vec<Objective> =
                objectives.iter().copied().filter(|o| request.question(*o).is_some_and(reads)).collect();
            mask(objectives, &kept)
        };
        ArcMasks {
            asked: bits(|_| true),
            stories: bits(crate::analysis::asks_for_a_story),
            needs: bits(crate::analysis::asks_what_each_needs),
            ..ArcMasks::of(objectives)
        }
    }

    /// The same masks, where the request gives the objectives of `asked` (bits over their
    /// ranks) a calling question of their own: a method that answers one question counts
    /// for one of them only ([`one_question`]).
    pub fn asking(self, asked: u32) -> Self {
        ArcMasks { asked, ..self }
    }
}

/// The objectives among `serves` that a method counts for when the request gives some of
/// them a calling question of their own (`masks.asked`): a method that answers one question
/// ([`Method::holds_several_questions`] false) counts for the first of them only, in
/// priority order, and for the others it serves that have no question. A photolangage
/// asked both « a moment your work mattered » and « what you need from the others » answers
/// the first; the team's needs call for a sequence of their own. A main event that brings
/// its own circle (the forum ouvert, [`Method::opens_itself`]) counts for them all: it is
/// the whole day, and the lead folds the questions into its one calling question. A method
/// that practises a way of working ([`Method::practice`]) answers none of them (but serves
/// an objective learned by practice, whatever its question); one that
/// gathers no experiences answers no question asking for a story (« Racontez un moment… »
/// is not read before drawing a magazine cover), and one that settles nothing answers no
/// question asking what each one needs from the others (a team's needs are agreed on, not
/// consulted on in trios).
pub fn one_question(method: &Method, serves: u32, masks: ArcMasks) -> u32 {
    // Most requests ask no question: the search's hot path reads no step.
    if serves & masks.asked == 0 {
        return serves;
    }
    if method.practice {
        return serves & !(masks.asked & !masks.practised);
    }
    let unanswered = |mask: u32, product: Product| if method.gives.contains(&product) { 0 } else { mask };
    let serves = serves
        & !unanswered(masks.stories, Product::Experiences)
        & !unanswered(masks.needs, Product::Decisions);
    let asked = serves & masks.asked;
    if asked.count_ones() < 2 || method.holds_several_questions() || method.opens_itself {
        return serves;
    }
    let first = asked & asked.wrapping_neg();
    (serves & !masks.asked) | first
}

/// The objectives, among `serves` (a method's, as bits over the request's ranks), that a
/// slot of `method` in `phase` counts for: the arc's reading (craft rule C1). An opening
/// or a closing frames the session and serves none of `results` (the closing evaluates,
/// it does not decide); an opening evaluates nothing yet ([`Objective::looks_back`]); a
/// method placed to converge serves none of `openers` unless its own steps open up
/// ([`Method::opens_up`]), and none of `results` unless it settles one
/// ([`settles_a_result`]); and a content method that answers one question counts for one
/// of the objectives the request gives a question of their own ([`one_question`]). The
/// masks are [`ArcMasks`] over the request's objectives.
pub fn counted(method: &Method, phase: Phase, serves: u32, masks: ArcMasks) -> u32 {
    let serves = if phase.frames() { serves } else { one_question(method, serves, masks) };
    match phase {
        Phase::Opening => serves & !masks.results & !masks.looks_back,
        _ if phase.frames() => serves & !masks.results,
        _ if phase.converges() => {
            let openers = if method.opens_up() { 0 } else { masks.openers };
            let results = if settles_a_result(method, phase) { 0 } else { masks.results };
            serves & !openers & !results
        }
        _ => serves,
    }
}

/// Whether a slot of `method` in `phase` settles what an objective calling for a result
/// asks (craft rule C1): placed to converge or act, it gives priorities, a decision or
/// actions. A 1-2-4-All placed last ends on a list of ideas: nothing is settled yet, and
/// a team asked to harmonise its practices leaves with proposals, not a common practice.
pub fn settles_a_result(method: &Method, phase: Phase) -> bool {
    phase.converges() && method.gives.iter().any(|product| product.stage() >= Product::Priorities.stage())
}

/// Whether a slot of `method` in `phase` that counts for `serves` ([`counted`]) turns the
/// group towards the future: it serves a vision, new ideas or the will to go on, or draws
/// a vision. An opening may ([`Objective::looks_ahead`]: « qu'est-ce qui vous donne envie
/// d'avancer ? » asked before the year is reviewed); the closing ends the session.
pub fn looks_ahead(method: &Method, phase: Phase, serves: u32, masks: ArcMasks) -> bool {
    phase != Phase::Closing && (serves & masks.ahead != 0 || method.gives.contains(&Product::Vision))
}

/// Whether a content slot of `method` that counts for `serves` ([`counted`]) goes back to
/// taking stock after the group has looked ahead (`ahead`: what the methods that looked
/// ahead gave, [`looks_ahead`]): it serves the review, and takes up nothing they drew.
/// Craft rule C13: a facilitator looks back on the year before drawing the next one; a
/// review after the vision reads the past in the light of a future already drawn, and
/// leaves that future without a sequel, even when the same conversation also serves
/// another objective (a World Café that reviews the year with the partners it brings
/// together). A gallery that visits the front pages just drawn takes them up: it is no
/// look back.
pub fn goes_back(method: &Method, serves: u32, masks: ArcMasks, ahead: Option<Given>) -> bool {
    let takes_up = |drawn: Given| method.takes.iter().any(|product| drawn.has(*product));
    ahead.is_some_and(|drawn| !takes_up(drawn)) && serves & masks.stock != 0
}

/// Whether a content slot placed in `phase`, counting for `serves` ([`counted`]), converges
/// on an objective the group opened up earlier (`opened`) right after a content method
/// that counted for none of its objectives (`last`): the gallery that should settle the
/// common practices the stands showed in the morning visits the sheets of ideas a
/// 1-2-4-All just gave for another question. A facilitator converges on an objective from
/// what its own divergence gave; an objective never opened up (priorities, a plan) takes
/// whatever came just before, and a method whose own steps open up first
/// ([`Method::opens_up`]) converges on what it opened. Manners of working
/// ([`ArcMasks::manner`]) are left aside.
pub fn crosses(method: &Method, phase: Phase, serves: u32, last: u32, opened: u32, masks: ArcMasks) -> bool {
    let subject = serves & !masks.manner;
    phase.converges() && !method.opens_up() && subject & opened != 0 && subject & last == 0
}

/// Whether a content slot placed in `phase`, counting for `serves` ([`counted`]), opens up
/// a subject no content method worked on before (`worked`), once the work before settled
/// a subject of its own (`before`: the last content method's phase and what it counted
/// for, and what the content methods since the last new subject made): a new arc of the
/// session begins, whose thread (C13, [`Method::repeats`]) starts afresh. A day that
/// settles its common practices in the morning may look for new ideas in the afternoon:
/// those ideas do not go back up the morning's thread, they start their own, which
/// converges in turn before the plan of action.
///
/// The work before converged on a result of a subject of its own (the shared practice,
/// the irritants solved, not [`Objective::concludes_all`]: priorities, a decision or a plan
/// conclude the whole day) and planned no action yet; the new subject is one the group
/// came for (not trust, which an opening builds, nor a manner of working).
pub fn opens_new_subject(
    phase: Phase,
    serves: u32,
    worked: u32,
    masks: ArcMasks,
    before: Option<Before>,
) -> bool {
    let subject = serves & masks.need_content & !masks.manner;
    let settled = before.is_some_and(|before| {
        let own_result = before.serves & masks.results & !masks.conclusions != 0;
        let acted = before.made.furthest().is_some_and(|stage| stage >= Product::Actions.stage());
        before.phase.converges() && own_result && !acted
    });
    settled && !phase.frames() && !phase.converges() && subject != 0 && subject & worked == 0
}

/// What [`opens_new_subject`] reads of the work before: the last content method's phase
/// and the objectives it counted for ([`counted`]), and what the content methods of the
/// current arc made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Before {
    /// The last content method's phase.
    pub phase: Phase,
    /// The objectives it counted for.
    pub serves: u32,
    /// What the content methods since the last new subject made.
    pub made: Given,
}

/// Scores an agenda for a request whose resolved objectives are `objectives` (priority
/// order), with `with_users` when service users take part. Each method slot counts for
/// the objectives its method serves in its phase ([`counted`]), not for those it names.
/// Slots naming methods the catalogue does not hold are ignored.
///
/// ```
/// use facilitation::{score, Catalogue, Planner, Request};
/// let catalogue = Catalogue::builtin();
/// let request = Request::builder("Bilan").time("09:30", "12:00").participants(30)
///     .objective("review").objective("vision").build().unwrap();
/// let plan = Planner::new(catalogue).plan(&request).unwrap();
/// let score = score::score(&plan.agenda, &plan.agenda.objectives, false, catalogue);
/// assert_eq!(score.coverage, 1.0);
/// assert!(score.total() > 60.0);
/// ```
pub fn score(agenda: &Agenda, objectives: &[Objective], with_users: bool, catalogue: &Catalogue) -> Score {
    scored(agenda, objectives, (ArcMasks::of(objectives), with_users), catalogue)
}

/// Scores an agenda for `request`, whose resolved objectives are `objectives` (priority
/// order), as [`score`] does, knowing which objectives the request gives a calling question
/// of their own and what they ask for ([`ArcMasks::of_request`]): a method that answers one
/// question counts for one of them ([`one_question`]). The planner and the checker score so.
pub fn for_request(
    agenda: &Agenda,
    request: &Request,
    objectives: &[Objective],
    catalogue: &Catalogue,
) -> Score {
    scored(agenda, objectives, (ArcMasks::of_request(request, objectives), request.with_users()), catalogue)
}

/// Scores an agenda as [`for_request`] does, with the request's `masks` already read
/// ([`ArcMasks::of_request`]): the planner reads them once per request, not once per
/// agenda it times.
pub fn scored(
    agenda: &Agenda,
    objectives: &[Objective],
    (masks, with_users): (ArcMasks, bool),
    catalogue: &Catalogue,
) -> Score {
    let mut tally = Tally::new(objectives, agenda.participants, with_users)
        .with_masks(masks)
        .with_session(agenda.minutes());
    let mut after_lunch = false;
    for slot in &agenda.slots {
        if slot.kind == SlotKind::Lunch {
            after_lunch = true;
            continue;
        }
        let found = slot.method.as_ref().and_then(|id| catalogue.get(id.as_str()));
        if let (true, Some(method), Some(phase)) = (slot.is_method(), found, slot.phase) {
            tally.push(method, phase, mask(objectives, &method.objectives), slot.minutes, after_lunch);
            after_lunch = false;
        }
    }
    let had_lunch = agenda.slots.iter().any(|slot| slot.kind == SlotKind::Lunch);
    let first = agenda.method_slots().next().and_then(|slot| catalogue.get(slot.method.as_ref()?.as_str()));
    let opens_itself = first.is_some_and(|method| method.opens_itself);
    let cuts = |slot: &crate::agenda::Slot| {
        let method = slot.method.as_ref().and_then(|id| catalogue.get(id.as_str()));
        slot.part.is_some() && method.is_some_and(crate::rules::pause_breaks_flow)
    };
    Score { pace: pace(agenda, opens_itself, with_users, cuts), ..tally.score(had_lunch) }
}

/// Whether `method` in `phase` opens a new subject ([`opens_new_subject`]) right after the
/// methods `before` (in order, with their phases, framing ones too), for a request whose
/// resolved objectives are `objectives`: what a search outside the crate (the quality
/// oracle) asks before it lets the afternoon start again from an earlier phase.
pub fn opens_new_subject_after(
    objectives: &[Objective],
    before: &[(&Method, Phase)],
    method: &Method,
    phase: Phase,
) -> bool {
    let mut tally = Tally::new(objectives, 0, false);
    for (earlier, earlier_phase) in before {
        tally.push(earlier, *earlier_phase, mask(objectives, &earlier.objectives), 0, false);
    }
    tally.opens_new_subject(method, phase, mask(objectives, &method.objectives))
}

/// The method slots of `agenda` (their start times) that open a new subject after the work
/// before settled its own ([`opens_new_subject`]): where a new arc of the session begins,
/// which the déroulé announces and whose conclusion the plan of action takes up beside
/// the last one. The parts of a split method are one method; slots naming methods the
/// catalogue does not hold are skipped.
pub fn new_subjects(agenda: &Agenda, catalogue: &Catalogue) -> Vec<ClockTime> {
    let objectives = &agenda.objectives;
    let mut tally = Tally::new(objectives, agenda.participants, false);
    let mut starts = Vec::new();
    for slot in agenda.method_slots() {
        let found = slot.method.as_ref().and_then(|id| catalogue.get(id.as_str()));
        let (Some(method), Some(phase)) = (found, slot.phase) else { continue };
        let serves = mask(objectives, &method.objectives);
        let part = tally.last.is_some_and(|last| last.id == method.id);
        if !part && tally.opens_new_subject(method, phase, serves) {
            starts.push(slot.start);
        }
        tally.push(method, phase, serves, slot.minutes, false);
    }
    starts
}

/// How far a length is from its usual value, between 0 and 1.
pub fn length_misfit(minutes: u32, usual: u32) -> f64 {
    (f64::from(minutes.abs_diff(usual)) / f64::from(usual.max(1))).min(1.0)
}

/// How far a method run `minutes` is from its `typical` length, between 0 and 1, as a
/// facilitator weighs it in `phase`: time beyond the usual length costs
/// [`OPEN_UP_STRETCH`] times more in a method that opens up (a fourth round of the same
/// conversation) and [`CONVERGE_STRETCH`] times as much in one that converges or acts (the
/// time a group most often lacks is the time to choose and to plan); time below it costs
/// the same in every phase. An opening is usually no longer than [`USUAL_OPENING`], however
/// long its method may run: twenty minutes of networking are twenty minutes the work lacks.
/// In a session of more than [`SHORT_SESSION`] minutes (`session`) it is usually that long,
/// however short its method may run: a word each is enough to open an hour's meeting, not
/// a day of a team that has been through a hard year.
pub fn method_misfit(minutes: u32, typical: u32, phase: Phase, session: u32) -> f64 {
    let usual = match phase {
        Phase::Opening if session > SHORT_SESSION => USUAL_OPENING,
        Phase::Opening => typical.min(USUAL_OPENING),
        _ => typical,
    };
    let factor = match phase {
        _ if minutes <= usual => 1.0,
        Phase::Divergence | Phase::Emergence => OPEN_UP_STRETCH,
        Phase::Convergence | Phase::Action => CONVERGE_STRETCH,
        Phase::Opening | Phase::Closing => 1.0,
    };
    (length_misfit(minutes, usual) * factor).min(1.0)
}

/// See [`method_misfit`]: the usual length of an opening, in minutes.
pub const USUAL_OPENING: u32 = 10;

/// See [`method_misfit`]: stretching a method that opens up costs double.
pub const OPEN_UP_STRETCH: f64 = 2.0;
/// See [`method_misfit`]: stretching a method that converges or acts costs half.
pub const CONVERGE_STRETCH: f64 = 0.5;

/// A run of work between two pauses is usually at least an hour: a pause 45 minutes after
/// the start feels early, though craft rule C3 only forbids runs under [`MIN_RUN`].
pub const USUAL_RUN: u32 = 60;
/// Lunch usually starts at a quarter past noon.
pub const USUAL_LUNCH_START: ClockTime = ClockTime::at(12, 15);

/// How much too short a run of work is (see [`USUAL_RUN`]), between 0 and 1.
pub fn run_misfit(minutes: u32) -> f64 {
    const _: () = assert!(USUAL_RUN >= MIN_RUN);
    f64::from(USUAL_RUN.saturating_sub(minutes)) / f64::from(USUAL_RUN)
}

/// How far a lunch of `minutes` starting at `start` is from the usual one, between 0 and 1:
/// the mean of its length's misfit and of its start's distance to a quarter past noon
/// (three quarters of an hour away counts fully).
pub fn lunch_misfit(minutes: u32, start: ClockTime) -> f64 {
    let early_or_late = f64::from(start.minutes().abs_diff(USUAL_LUNCH_START.minutes())) / 45.0;
    (length_misfit(minutes, USUAL_LUNCH) + early_or_late.min(1.0)) / 2.0
}

/// The usual length of a break in a session of `session` minutes, with service `users` or
/// not: [`MIN_BREAK`] in a session of [`SHORT_SESSION`] minutes or less (a stretch of the
/// legs; a quarter of an hour of a two-hour workshop is time its work lacks), unless
/// service users take part (fatigue, care, a cigarette: their pause is never cut short);
/// [`USUAL_BREAK`] otherwise.
pub const fn usual_break(session: u32, users: bool) -> u32 {
    if session <= SHORT_SESSION && !users { MIN_BREAK } else { USUAL_BREAK }
}

/// See [`usual_break`].
pub const SHORT_SESSION: u32 = 150;

/// How far a break of `minutes` in a session of `session` minutes, with service `users` or
/// not, is from the usual one ([`usual_break`]), between 0 and 1: a longer break costs
/// [`LONG_BREAK`] times as much as a shorter one, since three twenty-minute breaks eat an
/// hour of a day while the group waits to get back to work.
pub fn break_misfit(minutes: u32, session: u32, users: bool) -> f64 {
    let usual = usual_break(session, users);
    let factor = if minutes > usual { LONG_BREAK } else { 1.0 };
    (length_misfit(minutes, usual) * factor).min(1.0)
}

/// See [`break_misfit`].
pub const LONG_BREAK: f64 = 3.0;

/// See the `pace` component: what a pause that cuts a method in the middle of its work adds to the
/// pause's misfit, as much as a pause of the wrong length (a facilitator puts pauses
/// between sequences; [`crate::rules::pause_breaks_flow`]).
pub const CUT_MISFIT: f64 = 1.0;

/// `pace`: one minus the mean misfit of the welcome (its length) and of each pause (the
/// mean of its length's misfit, [`break_misfit`] or [`lunch_misfit`], and of the runs of
/// work before and after it, plus [`CUT_MISFIT`] when it cuts a method whose flow it
/// breaks: `cuts` says it of the part that resumes, [`crate::rules::pause_breaks_flow`]).
fn pace(
    agenda: &Agenda,
    opens_itself: bool,
    users: bool,
    cuts: impl Fn(&crate::agenda::Slot) -> bool,
) -> f64 {
    let usual_welcome = usual_welcome_before(agenda.minutes(), opens_itself);
    let mut misfits = Vec::new();
    let mut run: u32 = 0;
    let mut open: Option<f64> = None;
    for (i, slot) in agenda.slots.iter().enumerate() {
        match slot.kind {
            SlotKind::Welcome => {
                misfits.push(length_misfit(slot.minutes, usual_welcome));
                run = run.saturating_add(slot.minutes);
            }
            SlotKind::Break | SlotKind::Lunch => {
                if let Some(before) = open.take() {
                    misfits.push((before + run_misfit(run)) / 3.0);
                }
                let length = match slot.kind {
                    SlotKind::Lunch => lunch_misfit(slot.minutes, slot.start),
                    _ => break_misfit(slot.minutes, agenda.minutes(), users),
                };
                let cut = if agenda.slots.get(i + 1).is_some_and(&cuts) { CUT_MISFIT } else { 0.0 };
                open = Some(length + run_misfit(run) + cut);
                run = 0;
            }
            _ => {
                run = run.saturating_add(slot.minutes);
                let closing = slot.phase == Some(Phase::Closing);
                let usual = usual_closing(agenda.minutes(), agenda.participants);
                if let Some(usual) = usual.filter(|usual| closing && slot.minutes < *usual) {
                    misfits.push(length_misfit(slot.minutes, usual));
                }
            }
        }
    }
    if let Some(before) = open {
        misfits.push((before + run_misfit(run)) / 3.0);
    }
    if misfits.is_empty() { 1.0 } else { (1.0 - misfits.iter().sum::<f64>() / misfits.len() as f64).max(0.0) }
}

/// The most objectives a tally ranks: every objective of the vocabulary, which a request
/// lists at most once each.
pub(crate) const MAX_OBJECTIVES: usize = 16;

/// The score of a sequence of method slots, kept up to date one slot at a time, so that a
/// planner can grow sequences without scoring them again from the start. Copying it is
/// cheap; it never allocates.
///
/// Objectives are the request's, in priority order, as bit sets over their ranks. A
/// split method's consecutive parts count as one run for `timing_fit`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tally<'a> {
    objectives: usize,
    /// The objectives the arc reads apart.
    masks: ArcMasks,
    /// The phase of the last method that is not a closing.
    last_work: Option<Phase>,
    participants: u32,
    with_users: bool,
    /// Methods so far (the parts of a split method count once).
    methods: u32,
    /// The objectives served so far, as bits over their ranks.
    served: u32,
    /// Content methods (neither opening nor closing).
    content_methods: u32,
    /// Of those, the methods that serve two objectives or more of the request.
    multi_objective_methods: u32,
    opened: u32,
    converged: u32,
    converged_opened: u32,
    after_lunch: Option<Energy>,
    last: Option<&'a Method>,
    /// The phase `last` runs in.
    last_phase: Option<Phase>,
    /// Consecutive slots whose methods group people differently.
    grouping_changes: u32,
    /// Consecutive slots of different methods.
    transitions: u32,
    writing: f64,
    /// Content minutes given to each objective.
    minutes: [f64; MAX_OBJECTIVES],
    /// Timing misfit of the finished runs, and the current run's minutes.
    misfit: f64,
    runs: u32,
    run_minutes: u32,
    /// The session's minutes, when known ([`Tally::with_session`]; 0 otherwise).
    session: u32,
    thread: Thread,
    closing: Closing,
}

impl<'a> Tally<'a> {
    /// An empty sequence for a request's `objectives`, in priority order.
    pub fn new(objectives: &[Objective], participants: u32, with_users: bool) -> Self {
        Tally {
            objectives: objectives.len().min(MAX_OBJECTIVES),
            masks: ArcMasks::of(objectives),
            last_work: None,
            participants,
            with_users,
            methods: 0,
            served: 0,
            content_methods: 0,
            multi_objective_methods: 0,
            opened: 0,
            converged: 0,
            converged_opened: 0,
            after_lunch: None,
            last: None,
            last_phase: None,
            grouping_changes: 0,
            transitions: 0,
            writing: 0.0,
            minutes: [0.0; MAX_OBJECTIVES],
            misfit: 0.0,
            runs: 0,
            run_minutes: 0,
            session: 0,
            thread: Thread::default(),
            closing: Closing::of(objectives, with_users),
        }
    }

    /// The same empty sequence, reading the request's objectives with `masks` (its calling
    /// questions read: [`ArcMasks::of_request`]).
    pub fn with_masks(mut self, masks: ArcMasks) -> Self {
        self.masks = masks;
        self
    }

    /// The same empty sequence, for a session of `minutes` (the usual opening depends on
    /// it: [`method_misfit`]).
    pub fn with_session(mut self, minutes: u32) -> Self {
        self.session = minutes;
        self
    }

    /// Adds a slot of `method` in `phase` for `minutes`; `method_serves` is every request
    /// objective the method serves (the slot counts for those of [`counted`]),
    /// `after_lunch` says it is the first slot after lunch. A slot of the method just
    /// added is one more part of it.
    pub fn push(
        &mut self,
        method: &'a Method,
        phase: Phase,
        method_serves: u32,
        minutes: u32,
        after_lunch: bool,
    ) {
        let serves = counted(method, phase, method_serves, self.masks);
        let part = self.last.is_some_and(|last| last.id == method.id);
        self.served |= serves;
        if after_lunch && self.after_lunch.is_none() {
            // A main event that carries on after lunch needs no energiser: its own rhythm
            // brings the group back.
            self.after_lunch = Some(if part { Energy::High } else { method.energy });
        }
        // A method whose own steps open up (resolution des irritants: list, cluster, then
        // choose) opens what it converges on.
        if method.opens_up() && phase.converges() {
            self.opened |= serves;
        }
        self.phases(phase, serves, minutes);
        self.closing.push(method, phase);
        if part {
            self.run_minutes += minutes;
            return;
        }
        self.thread.push(method, phase, serves, self.masks);
        self.close_run();
        self.run_minutes = minutes;
        if !phase.frames() {
            self.content_methods += 1;
            if one_question(method, method_serves, self.masks).count_ones() >= 2 {
                self.multi_objective_methods += 1;
            }
        }
        self.writing += match method.writing {
            Writing::None => 1.0,
            Writing::Light => 0.7,
            Writing::Heavy => 0.0,
        };
        if let Some(last) = self.last {
            self.transitions += 1;
            if last.groupings != method.groupings {
                self.grouping_changes += 1;
            }
        }
        self.last = Some(method);
        self.last_phase = Some(phase);
        self.methods += 1;
    }

    fn phases(&mut self, phase: Phase, serves: u32, minutes: u32) {
        if phase != Phase::Closing {
            self.last_work = Some(phase);
        }
        match phase {
            Phase::Divergence | Phase::Emergence => self.opened |= serves,
            Phase::Convergence | Phase::Action => {
                let new = serves & !self.converged;
                self.converged |= new;
                self.converged_opened |= new & self.opened;
            }
            _ => {}
        }
        if phase.frames() {
            return;
        }
        // A manner of working takes no share of a sequence that also works on a subject.
        let shared = if serves & !self.masks.manner != 0 { serves & !self.masks.manner } else { serves };
        let served = ranks(shared, self.objectives).count();
        for rank in ranks(shared, self.objectives) {
            self.minutes[rank] += f64::from(minutes) / served as f64;
        }
    }

    fn close_run(&mut self) {
        if let (Some(method), Some(phase)) = (self.last, self.last_phase) {
            let typical = method.typical_minutes_for(self.participants).max(1);
            self.misfit += method_misfit(self.run_minutes, typical, phase, self.session);
            self.runs += 1;
        }
    }

    /// The score so far; `had_lunch` when the session has a lunch.
    pub fn score(&self, had_lunch: bool) -> Score {
        let mut finished = *self;
        finished.close_run();
        finished.components(had_lunch)
    }

    fn components(&self, had_lunch: bool) -> Score {
        let n = self.objectives;
        let weights: f64 = (0..n).map(|rank| priority_weight(rank, n)).sum();
        let served = |rank: usize| self.served & (1 << rank) != 0;
        let ratio = |part: u32, whole: u32, empty: f64| {
            if whole == 0 { empty } else { f64::from(part) / f64::from(whole) }
        };
        Score {
            coverage: if n == 0 {
                1.0
            } else {
                (0..n).filter(|&rank| served(rank)).map(|rank| priority_weight(rank, n)).sum::<f64>()
                    / weights
            },
            arc: self.arc(),
            multi_objective: if n < 2 {
                1.0
            } else {
                ratio(self.multi_objective_methods, self.content_methods, 0.0)
            },
            diverge_first: ratio(self.converged_opened.count_ones(), self.converged.count_ones(), 1.0),
            energy_after_lunch: match (had_lunch, self.after_lunch) {
                (false, _) => 1.0,
                (true, Some(Energy::High)) => 1.0,
                (true, Some(Energy::Medium)) => 0.5,
                _ => 0.0,
            },
            variety: ratio(self.grouping_changes, self.transitions, 1.0),
            profile_fit: if !self.with_users || self.methods == 0 {
                1.0
            } else {
                self.writing / f64::from(self.methods)
            },
            time_share: self.time_share(),
            timing_fit: if self.runs == 0 { 0.0 } else { 1.0 - self.misfit / f64::from(self.runs) },
            // The pauses are not known here: `score` sets it from the agenda.
            pace: 1.0,
            feeds: self.thread.feeds(),
            commits: self.closing.value(),
        }
    }

    /// Half for the share of result objectives converged on, half for a last work phase
    /// that converges; without result objectives, whether the work ends by making sense
    /// of what was opened up (emergence or later) rather than opening up again.
    fn arc(&self) -> f64 {
        if self.masks.results == 0 {
            return match self.last_work {
                Some(Phase::Divergence) => 0.5,
                _ => 1.0,
            };
        }
        let converged = f64::from((self.converged & self.masks.results).count_ones())
            / f64::from(self.masks.results.count_ones());
        let ends_converging = self.last_work.is_some_and(Phase::converges);
        0.5 * converged + if ends_converging { 0.5 } else { 0.0 }
    }

    /// Agreement between the minutes each objective gets and its priority weight, among
    /// the objectives that are not a manner of working ([`ArcMasks::manner`]), weighted in
    /// their own order: one less [`SHARE_STRICTNESS`] times the squared gaps.
    fn time_share(&self) -> f64 {
        let subjects = || ranks(!self.masks.manner, self.objectives);
        let n = subjects().count();
        if n < 2 {
            return 1.0;
        }
        let spent: f64 = subjects().map(|rank| self.minutes[rank]).sum();
        if spent == 0.0 {
            return 0.0;
        }
        let weights: f64 = (0..n).map(|place| share_weight(place, n)).sum();
        let squares: f64 = subjects()
            .enumerate()
            .map(|(place, rank)| (self.minutes[rank] / spent - share_weight(place, n) / weights).powi(2))
            .sum();
        (1.0 - SHARE_STRICTNESS * squares).max(0.0)
    }
}

/// How hard `time_share` holds to the due shares: the sum of the squared gaps between the
/// share each objective got and the share it is due is taken this many times. Squared, so
/// that a plan roughly in proportion loses little (ten points off two shares cost 0.08)
/// and one that starves an objective loses much (a plan of action given 45 minutes of
/// five hours, under a morning of review, costs 0.45).
pub const SHARE_STRICTNESS: f64 = 4.0;

/// The ranks set in `mask`, below `count`.
fn ranks(mask: u32, count: usize) -> impl Iterator<Item = usize> {
    (0..count).filter(move |rank| mask & (1 << rank) != 0)
}

/// The bit set, over the ranks of `objectives`, of those in `among`.
pub(crate) fn mask(objectives: &[Objective], among: &[Objective]) -> u32 {
    objectives
        .iter()
        .take(MAX_OBJECTIVES)
        .enumerate()
        .filter(|(_, o)| among.contains(o))
        .fold(0, |m, (rank, _)| m | 1 << rank)
}

/// The thread of a sequence (craft rule C13, component `feeds`): what its methods gave so
/// far (and its content methods alone), the phase and the products of the last content
/// method, and how many content methods broke the thread.
#[derive(Debug, Clone, Copy, Default)]
struct Thread {
    given: Given,
    made: Given,
    previous: Option<(Phase, Option<Product>)>,
    /// What the last content method gave.
    last: Option<Given>,
    content: u32,
    broken: u32,
    /// What the content methods that turned the group towards the future gave
    /// ([`looks_ahead`]), once one has.
    ahead: Option<Given>,
    /// The objectives the content methods opened up so far, and those the last content
    /// method counted for ([`crosses`]).
    opened: u32,
    last_serves: u32,
    /// The objectives every content method so far counted for ([`opens_new_subject`]).
    worked: u32,
}

impl Thread {
    /// Whether `method` in `phase`, counting for `serves`, would take up the thread: fed by
    /// what came before, doing no job already done (see [`Method::repeats`]) and not going
    /// back to taking stock after a look ahead ([`goes_back`]).
    fn keeps(&self, method: &Method, phase: Phase, serves: u32, masks: ArcMasks) -> bool {
        let content = !phase.frames();
        let (made, previous) = self.arc(phase, serves, masks);
        let repeats = content && method.repeats(phase, made, previous);
        method.fed_by(self.given) && !repeats && !(content && goes_back(method, serves, masks, self.ahead))
    }

    /// Adds `method` in `phase`, counting for `serves` (a content method that serves none
    /// of the request's objectives feeds nothing the group came for). Converging on
    /// something older than the last sequence's work is allowed, but drops that work (see
    /// [`Method::skips`]).
    fn push(&mut self, method: &Method, phase: Phase, serves: u32, masks: ArcMasks) {
        if looks_ahead(method, phase, serves, masks) {
            self.ahead = Some(self.ahead.unwrap_or_default().with(method));
        }
        if !phase.frames() {
            self.content += 1;
            // A fault of its own, even for a method that serves nothing asked.
            let skips = method.skips(phase, self.last);
            let crosses = crosses(method, phase, serves, self.last_serves, self.opened, masks);
            let kept = self.keeps(method, phase, serves, masks) && serves != 0;
            self.broken += u32::from(!kept) + u32::from(skips || crosses);
            let (made, _) = self.arc(phase, serves, masks);
            if !phase.converges() || method.opens_up() {
                self.opened |= serves;
            }
            self.last_serves = serves;
            self.previous = Some((phase, method.main_product()));
            self.last = Some(Given::default().with(method));
            self.made = made.with(method);
            self.worked |= serves;
        } else if !method.fed_by(self.given) {
            self.broken += 1;
        }
        self.given = self.given.with(method);
    }

    /// What the current arc made and its last content method, for a content slot in
    /// `phase` counting for `serves`: nothing yet when it opens a new subject.
    fn arc(&self, phase: Phase, serves: u32, masks: ArcMasks) -> (Given, Option<(Phase, Option<Product>)>) {
        if self.opens_new_subject(phase, serves, masks) {
            (Given::default(), None)
        } else {
            (self.made, self.previous)
        }
    }

    /// Whether a content slot in `phase` counting for `serves` starts a new arc
    /// ([`opens_new_subject`]).
    fn opens_new_subject(&self, phase: Phase, serves: u32, masks: ArcMasks) -> bool {
        let before =
            self.previous.map(|(last, _)| Before { phase: last, serves: self.last_serves, made: self.made });
        opens_new_subject(phase, serves, self.worked, masks, before)
    }

    fn feeds(&self) -> f64 {
        if self.content == 0 {
            1.0
        } else {
            1.0 - (f64::from(self.broken) / f64::from(self.content)).min(1.0)
        }
    }
}

impl<'a> Tally<'a> {
    /// Whether `method`, serving `method_serves` of the request's objectives, may come next
    /// in `phase` and keep the sequence's thread (C13).
    pub fn keeps_thread(&self, method: &Method, phase: Phase, method_serves: u32) -> bool {
        let serves = counted(method, phase, method_serves, self.masks);
        self.last.is_some_and(|last| last.id == method.id)
            || self.thread.keeps(method, phase, serves, self.masks)
    }

    /// Whether `method`, serving `method_serves` of the request's objectives, would open a
    /// new subject in `phase` after the work so far settled its own ([`opens_new_subject`]):
    /// it may start the afternoon afresh.
    pub fn opens_new_subject(&self, method: &Method, phase: Phase, method_serves: u32) -> bool {
        let serves = counted(method, phase, method_serves, self.masks);
        self.thread.opens_new_subject(phase, serves, self.masks)
    }
}

/// The closing of a sequence (craft rule C14, component `commits`): whether the session
/// calls for commitments at the close and whether its closing gathers them.
#[derive(Debug, Clone, Copy, Default)]
struct Closing {
    wanted: bool,
    commits: bool,
}

impl Closing {
    /// For a request's `objectives`, with or without service users. The sequence does not
    /// know the other profiles: partners count through the objective `network-partners`,
    /// and the craft review, which knows them, checks the rest.
    fn of(objectives: &[Objective], with_users: bool) -> Self {
        let profiles: &[crate::vocabulary::Profile] =
            if with_users { &[crate::vocabulary::Profile::Users] } else { &[] };
        Closing { wanted: crate::rules::closing_commits(objectives, profiles), commits: false }
    }

    fn push(&mut self, method: &Method, phase: Phase) {
        if phase == Phase::Closing {
            self.commits = method.commits();
        }
    }

    fn value(&self) -> f64 {
        if !self.wanted || self.commits { 1.0 } else { 0.0 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Catalogue;

    #[test]
    fn a_method_that_answers_one_question_counts_for_one_of_the_objectives_asked_apart() {
        let catalogue = Catalogue::builtin();
        let objectives = [Objective::Remobilize, Objective::BuildTrust];
        let both = mask(&objectives, &objectives);
        let masks = ArcMasks::of(&objectives).asking(both);
        let photos = catalogue.get("photolangage").unwrap();
        // The first asked, in priority order: the photo answers « a moment it mattered ».
        assert_eq!(one_question(photos, both, masks), 0b01);
        assert_eq!(counted(photos, Phase::Emergence, both, masks), 0b01);
        // Asked one question, or none, it serves both as before.
        assert_eq!(one_question(photos, both, ArcMasks::of(&objectives).asking(0b01)), both);
        assert_eq!(one_question(photos, both, ArcMasks::of(&objectives)), both);
        // A World Café's tours take a question each; a forum ouvert folds them into its own.
        for holds in ["world-cafe", "forum-ouvert"] {
            assert_eq!(one_question(catalogue.get(holds).unwrap(), both, masks), both, "{holds}");
        }
        // Trying four ways of helping answers no question asked: it counts for none of them.
        let helping = catalogue.get("helping-heuristics").unwrap();
        assert!(helping.practice);
        assert_eq!(one_question(helping, 0b10, ArcMasks::of(&objectives).asking(0b10)), 0);
        assert_eq!(one_question(helping, 0b10, ArcMasks::of(&objectives)), 0b10);
    }

    /// A team asked for a story (« a moment your work mattered »), then `second` with its own
    /// calling question.
    fn story_then(second: &str, question: &str) -> crate::request::Request {
        crate::request::Request::builder("Remobiliser l'équipe")
            .time("10:00", "11:30")
            .participants(12)
            .objective("remobilize")
            .objective(second)
            .question("remobilize", "Racontez un moment où votre travail a vraiment compté pour quelqu'un")
            .question(second, question)
            .build()
            .unwrap()
    }

    #[test]
    fn a_question_asking_for_a_story_is_answered_only_by_a_method_that_gathers_experiences() {
        let catalogue = Catalogue::builtin();
        let objectives = [Objective::Remobilize, Objective::LearnFacilitation];
        let request = story_then("learn-facilitation", "Quelle technique utiliserez-vous demain ?");
        let masks = ArcMasks::of_request(&request, &objectives);
        assert_eq!((masks.asked, masks.stories, masks.practised), (0b11, 0b01, 0b10));
        let story = |id: &str| one_question(catalogue.get(id).unwrap(), 0b01, masks);
        assert_eq!(story("conversation-cafe"), 0b01, "a café gathers what each one lived");
        assert_eq!(story("la-une-du-magazine"), 0, "a cover of the future tells no story lived");
        // Trying ways of helping still serves an objective learned by practice.
        assert_eq!(one_question(catalogue.get("helping-heuristics").unwrap(), 0b10, masks), 0b10);
    }

    #[test]
    fn a_question_asking_what_each_needs_from_the_others_is_answered_only_by_a_method_that_settles() {
        let catalogue = Catalogue::builtin();
        let objectives = [Objective::Remobilize, Objective::BuildTrust];
        let question =
            "De quoi avez-vous besoin des autres membres de l'équipe pour travailler sereinement ?";
        let request = story_then("build-trust", question);
        let masks = ArcMasks::of_request(&request, &objectives);
        assert_eq!((masks.asked, masks.stories, masks.needs), (0b11, 0b01, 0b10));
        let needs = |id: &str| one_question(catalogue.get(id).unwrap(), 0b10, masks);
        assert_eq!(needs("accords-equipe"), 0b10, "working agreements settle what each needs");
        assert_eq!(needs("troika-consulting"), 0, "a consultation in trios settles nothing");
    }

    /// The time share of a workshop with service users, to generate ideas then prioritise:
    /// `ideas` minutes of 1-2-4-All, `vote` minutes of dot voting, and `photos` minutes of
    /// photolangage before them (which serves only the users' taking part).
    fn share_with_users(photos: u32, ideas: u32, vote: u32) -> f64 {
        let objectives = [Objective::UserParticipation, Objective::GenerateIdeas, Objective::Prioritize];
        let catalogue = Catalogue::builtin();
        let mut tally = Tally::new(&objectives, 18, true);
        let mut push = |id: &str, phase: Phase, minutes: u32| {
            let method = catalogue.get(id).unwrap();
            tally.push(method, phase, mask(&objectives, &method.objectives), minutes, false);
        };
        if photos > 0 {
            push("photolangage", Phase::Divergence, photos);
        }
        push("1-2-4-all", Phase::Divergence, ideas);
        push("vote-par-gommettes", Phase::Convergence, vote);
        tally.score(false).time_share
    }

    #[test]
    fn service_users_taking_part_is_a_manner_of_working_not_a_share_of_the_clock() {
        // Ideas, the first objective asked after the users' taking part, get three fifths.
        assert!((share_with_users(0, 36, 24) - 1.0).abs() < 1e-9);
        // A sequence that serves only the users' taking part changes nothing.
        assert!((share_with_users(60, 36, 24) - share_with_users(0, 36, 24)).abs() < 1e-9);
        // The ideas squeezed behind the vote are not.
        assert!(share_with_users(60, 15, 30) < share_with_users(60, 30, 15));
    }
}
