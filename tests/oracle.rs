//! The exact oracle of `examples/quality`: its optimum is a valid agenda that keeps every
//! craft rule, its bounds never lose the optimum, an enumerator written differently (slot
//! by slot over the clock, judged only by the checker and the craft review) finds the same
//! optimum, and the planner never scores above it.

#[path = "../examples/quality/instances.rs"]
mod instances;
#[path = "../examples/quality/oracle.rs"]
mod oracle;

use facilitation::rules::{MIN_PART, needs_lunch};
use facilitation::{
    Agenda, Catalogue, ClockTime, Method, Objective, Phase, Planner, Request, Slot, SlotKind, check, craft,
    score,
};
use instances::{Instance, Shape};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::time::Duration;

/// Small instances, quick to solve in a debug build.
const SMALL: Shape = Shape { methods: 8, methods_full_day: 6, longest: 105 };
/// Tiny ones, for the enumerators without bounds.
const TINY: Shape = Shape { methods: 7, methods_full_day: 7, longest: 75 };

/// The first `count` instances of `shape` drawn from `seed` that the oracle solves.
fn solved(seed: u64, count: usize, shape: Shape) -> Vec<(Instance, oracle::Best)> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut solved = Vec::new();
    for _ in 0..300 {
        if solved.len() == count {
            break;
        }
        let instance = instances::instance(&mut rng, shape).expect("an instance");
        if let Some(best) = oracle::best(&instance.request, &instance.catalogue) {
            solved.push((instance, best));
        }
    }
    assert_eq!(solved.len(), count, "too few feasible instances");
    solved
}

fn total(agenda: &Agenda, request: &Request, catalogue: &Catalogue) -> f64 {
    score::score(agenda, &agenda.objectives, request.with_users(), catalogue).total()
}

#[test]
fn the_optimum_is_a_clean_valid_agenda_with_the_score_claimed() {
    for (instance, best) in solved(1, 4, SMALL) {
        let (request, catalogue) = (&instance.request, &instance.catalogue);
        let report = check(&best.agenda, request, catalogue);
        assert!(report.is_valid(), "{:?}", report.violations);
        assert!(craft::review(&best.agenda, request, catalogue).is_clean());
        assert!((total(&best.agenda, request, catalogue) - best.score).abs() < 1e-9);
        assert_eq!(best.agenda.minutes(), request.minutes());
    }
}

#[test]
fn the_bounds_never_lose_the_optimum() {
    for (instance, best) in solved(2, 3, TINY) {
        let every = oracle::best_without_cuts(&instance.request, &instance.catalogue).unwrap();
        assert!((every.score - best.score).abs() < 1e-9, "{} against {}", best.score, every.score);
    }
}

#[test]
fn an_enumerator_over_the_clock_finds_the_same_optimum() {
    for (instance, best) in solved(3, 6, TINY) {
        let found = Enumerator::new(&instance.request, &instance.catalogue).best();
        let (agenda, found) = found.expect("the enumerator finds an agenda where the oracle does");
        assert!(
            (found - best.score).abs() < 1e-9,
            "oracle {} against enumerator {found}:\n{}\n{}",
            best.score,
            best.agenda.to_yaml(),
            agenda.to_yaml()
        );
    }
}

#[test]
fn the_planner_never_scores_above_the_optimum_with_a_clean_agenda() {
    for (instance, best) in solved(4, 5, SMALL) {
        let plan = Planner::new(&instance.catalogue).plan(&instance.request).unwrap();
        let clean = craft::review(&plan.agenda, &instance.request, &instance.catalogue).is_clean();
        let planned = total(&plan.agenda, &instance.request, &instance.catalogue);
        assert!(!clean || planned <= best.score + 1e-9, "planner {planned}, optimum {}", best.score);
    }
}

#[test]
fn naming_fewer_objectives_than_a_method_serves_never_changes_the_score() {
    for (instance, best) in solved(6, 4, SMALL) {
        let (request, catalogue) = (&instance.request, &instance.catalogue);
        let plan = Planner::new(catalogue).plan(request).unwrap();
        for agenda in [&best.agenda, &plan.agenda] {
            let whole = total(agenda, request, catalogue);
            for (index, slot) in agenda.slots.iter().enumerate().filter(|(_, s)| s.is_method()) {
                for keep in 0..slot.objectives.len() {
                    let mut fewer = agenda.clone();
                    fewer.slots[index].objectives = slot.objectives[..keep].to_vec();
                    assert_eq!(total(&fewer, request, catalogue), whole, "{:?} naming {keep}", slot.method);
                }
            }
        }
    }
}

#[test]
fn a_split_method_counts_once_however_many_parts_it_runs_in() {
    let request = Request::builder("Forum")
        .time("09:00", "12:00")
        .participants(40)
        .facilitators(2)
        .objective("share-practices")
        .objective("network-partners")
        .include(facilitation::MethodId::new("world-cafe").unwrap())
        .profile(facilitation::Profile::Users)
        .build()
        .unwrap();
    let catalogue = Catalogue::builtin();
    let agenda = Planner::new(catalogue).plan(&request).unwrap().agenda;
    let at = agenda.slots.iter().position(|s| s.method.as_ref().is_some_and(|m| m.as_str() == "world-cafe"));
    let at = at.expect("the café is included");
    let mut whole = agenda.clone();
    whole.slots.retain(|s| s.part.is_none() || s.method.as_ref().is_none_or(|m| m.as_str() != "world-cafe"));
    let minutes: u32 =
        agenda.slots.iter().filter(|s| s.method == agenda.slots[at].method).map(|s| s.minutes).sum();
    whole.slots[at].minutes = minutes;
    let mut parted = whole.clone();
    let mut second = whole.slots[at].clone();
    (parted.slots[at].minutes, second.minutes, second.part) = (minutes / 2, minutes - minutes / 2, Some(2));
    parted.slots.insert(at + 1, second);
    let of = |agenda: &Agenda| score::score(agenda, &agenda.objectives, true, catalogue);
    let (one, two) = (of(&whole), of(&parted));
    for component in score::Component::ALL.into_iter().filter(|c| *c != score::Component::Pace) {
        assert_eq!(one.get(component), two.get(component), "{component:?}");
    }
}

#[test]
fn a_day_through_midday_gets_a_real_lunch() {
    let request = Request::builder("Journée courte")
        .time("10:30", "14:30")
        .participants(20)
        .facilitators(2)
        .objective("share-practices")
        .build()
        .unwrap();
    let ids =
        ["meteo", "world-cafe", "plan-action-qqoqcp", "roti", "un-mot-pour-finir", "appreciative-interviews"];
    let mut catalogue = Catalogue::default();
    for id in ids.iter().filter_map(|id| Catalogue::builtin().get(id)) {
        catalogue.insert(id.clone());
    }
    let solved = oracle::solve(&request, &catalogue, Duration::from_secs(60), true);
    let (agenda, _) = solved.best.expect("a short day with lunch has an agenda");
    let lunch = agenda.slots.iter().find(|slot| slot.kind == SlotKind::Lunch).expect("a lunch");
    assert!((45..=75).contains(&lunch.minutes));
    assert!(lunch.start >= ClockTime::at(11, 45) && lunch.start <= ClockTime::at(13, 0));
    assert!(check(&agenda, &request, &catalogue).is_valid());
}

#[test]
fn a_search_out_of_time_says_it_did_not_finish() {
    let mut rng = ChaCha8Rng::seed_from_u64(5);
    let instance = instances::instance(&mut rng, instances::REALISTIC).expect("an instance");
    let solved = oracle::solve(&instance.request, &instance.catalogue, Duration::ZERO, true);
    assert!(!solved.finished);
}

/// An enumerator that shares nothing with the oracle: it grows agendas slot by slot over
/// the clock (a welcome, then any method slot in any of its phases with any labelling and
/// any length on the five-minute marks, any break or lunch), and keeps the best one that
/// the checker accepts and the craft review finds clean. Only the methods' own ranges
/// prune it.
struct Enumerator<'a> {
    request: &'a Request,
    catalogue: &'a Catalogue,
    objectives: Vec<Objective>,
    methods: Vec<&'a Method>,
    end: u32,
    best: Option<(Agenda, f64)>,
}

impl<'a> Enumerator<'a> {
    fn new(request: &'a Request, catalogue: &'a Catalogue) -> Self {
        let n = request.participants;
        let methods = catalogue
            .iter()
            .filter(|m| m.participants.contains(n) && m.formats.contains(&request.format))
            .collect();
        let end = request.start.minutes() + request.minutes();
        Enumerator {
            request,
            catalogue,
            objectives: request.analyse().objectives(),
            methods,
            end,
            best: None,
        }
    }

    fn best(mut self) -> Option<(Agenda, f64)> {
        for welcome in (5..=30).step_by(5) {
            let mut slots = vec![Slot::new(
                SlotKind::Welcome,
                self.request.start,
                at(self.request.start.minutes() + welcome),
            )];
            self.grow(&mut slots);
        }
        self.best
    }

    fn grow(&mut self, slots: &mut Vec<Slot>) {
        let now = slots.last().map_or(self.request.start.minutes(), |slot| slot.end.minutes());
        if now == self.end {
            self.judge(slots);
            return;
        }
        let last = slots.last().map(|slot| slot.kind);
        if last == Some(SlotKind::Method) {
            let lunch = needs_lunch(self.request.start, at(self.end))
                && !slots.iter().any(|s| s.kind == SlotKind::Lunch);
            let lunches = if lunch { (45..=75).step_by(5).collect() } else { Vec::new() };
            let pauses = [10, 15, 20]
                .map(|m| (SlotKind::Break, m))
                .into_iter()
                .chain(lunches.into_iter().map(|m| (SlotKind::Lunch, m)));
            for (kind, minutes) in pauses {
                if now + minutes <= self.end {
                    slots.push(Slot::new(kind, at(now), at(now + minutes)));
                    self.grow(slots);
                    slots.pop();
                }
            }
        }
        for method in self.methods.clone() {
            let used = slots.iter().any(|s| s.method.as_ref() == Some(&method.id));
            if used && !method.split {
                continue;
            }
            let range = method.minutes_for(self.request.participants);
            let (least, most) = if method.split { (MIN_PART, range.max) } else { (range.min, range.max) };
            for minutes in (5..=self.end - now).step_by(5).filter(|m| (least..=most).contains(m)) {
                for phase in &method.phases {
                    for labels in subsets(&self.objectives, method) {
                        let mut slot = Slot::new(SlotKind::Method, at(now), at(now + minutes));
                        slot.method = Some(method.id.clone());
                        slot.phase = Some(*phase);
                        slot.objectives = labels;
                        let parts =
                            slots.iter().filter(|s| s.method.as_ref() == Some(&method.id)).count() as u32;
                        slot.part = (parts > 0).then_some(parts + 1);
                        slots.push(slot);
                        self.grow(slots);
                        slots.pop();
                    }
                }
            }
        }
    }

    /// The space's phase order, stated on the slots: the first method opens (or opens
    /// itself), then phases never go back, but for one opening right after the lunch, and
    /// only the last method closes. The checker and the review alone would also let a
    /// closing method run mid-session (see `docs-quality.md`).
    fn in_phase_order(&self, slots: &[Slot]) -> bool {
        let method = |slot: &Slot| slot.method.as_ref().and_then(|id| self.catalogue.get(id.as_str()));
        let mut previous: Option<Phase> = None;
        let mut reopened = false;
        let mut closings = 0;
        for (i, slot) in slots.iter().enumerate().filter(|(_, s)| s.kind == SlotKind::Method) {
            let Some(phase) = slot.phase else { return false };
            let after_lunch = i > 0 && slots[i - 1].kind == SlotKind::Lunch;
            let allowed = match previous {
                None => phase == Phase::Opening || method(slot).is_some_and(|m| m.opens_itself),
                Some(_) if phase == Phase::Opening => after_lunch && !std::mem::replace(&mut reopened, true),
                Some(before) => phase >= before,
            };
            closings += usize::from(phase == Phase::Closing);
            if !allowed || closings > 1 {
                return false;
            }
            previous = Some(phase);
        }
        previous == Some(Phase::Closing)
    }

    fn judge(&mut self, slots: &[Slot]) {
        if !self.in_phase_order(slots) {
            return;
        }
        let agenda = Agenda {
            title: self.request.title.clone(),
            date: None,
            start: self.request.start,
            end: at(self.end),
            participants: self.request.participants,
            facilitators: self.request.facilitators,
            format: self.request.format,
            breakout_rooms: self.request.breakout_rooms,
            objectives: self.objectives.clone(),
            seed: None,
            slots: slots.to_vec(),
            team: Vec::new(),
        };
        if !check(&agenda, self.request, self.catalogue).is_valid()
            || !craft::review(&agenda, self.request, self.catalogue).is_clean()
        {
            return;
        }
        let total = total(&agenda, self.request, self.catalogue);
        if self.best.as_ref().is_none_or(|(_, best)| total > *best) {
            self.best = Some((agenda, total));
        }
    }
}

fn at(minutes: u32) -> ClockTime {
    ClockTime::from_minutes(minutes).unwrap()
}

/// Every subset of the request's objectives that `method` serves, in priority order.
fn subsets(objectives: &[Objective], method: &Method) -> Vec<Vec<Objective>> {
    let served: Vec<Objective> = objectives.iter().copied().filter(|o| method.serves(*o)).collect();
    (0..1u32 << served.len())
        .map(|bits| {
            served.iter().enumerate().filter(|(i, _)| bits & (1 << i) != 0).map(|(_, o)| *o).collect()
        })
        .collect()
}
