//! A method's steps given the minutes the planner gave it, for the group on the day: each
//! with its own clock times and real figures, and cut across the parts of a split method.
//!
//! Steps keep their shape ([`Shape`]): an instruction keeps its minutes, a share-out takes
//! its minutes per group for the real number of groups, rounds keep at least their floor
//! (fewer rounds when time is short), and discussions absorb the rest within their floor
//! and ceiling. The minutes of each part always add up to the part.

use crate::agenda::Slot;
use crate::clock::ClockTime;
use crate::method::{Frame, Method, RoundCount, Shape, Step};
use crate::rules::{self, SHARE_ROUND_MOST};
use crate::text::{Lang, Text, in_words};
use serde::{Deserialize, Serialize};

/// One step as it will run on the day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TimedStep {
    /// The index of the step in the list it comes from.
    pub step: usize,
    /// When it starts.
    pub start: ClockTime,
    /// When it ends.
    pub end: ClockTime,
    /// Its minutes (`end - start`).
    pub minutes: u32,
    /// Whether it carries on a step begun before a break.
    pub continued: bool,
    /// The rounds it runs, for a repeated step.
    pub rounds: Option<u32>,
    /// The number of its first round among all the rounds of its step (1 for the first),
    /// counted across the parts of a split method.
    pub first_round: Option<u32>,
    /// The groups (or people) who share, for a share-out.
    pub sharing: Option<u32>,
    /// Its text with the day's figures filled in.
    pub text: Text,
}

/// The steps of `method` (its own, or its remote variant's `steps`) over its slots (one
/// slot, or the parts of a split method in order) for `participants` people: one list per
/// slot, whose minutes add up to that slot's minutes.
///
/// A split method's steps are cut between its parts at the step (or round) boundaries that
/// best match the parts' lengths, so that no round is broken by a pause. With fewer steps
/// than parts, the last steps run on across the pause, marked as continued.
///
/// ```
/// use facilitation::{render, Catalogue, Slot, SlotKind, ClockTime};
/// let cafe = Catalogue::builtin().get("world-cafe").unwrap();
/// let mut slot = Slot::new(SlotKind::Method, "10:00".parse()?, "12:00".parse()?);
/// slot.method = Some(cafe.id.clone());
/// let steps = &render::timed_steps(cafe, &cafe.steps, &[&slot], 40)[0];
/// assert_eq!(steps.iter().map(|s| s.minutes).sum::<u32>(), 120);
/// assert_eq!(steps[0].start.to_string(), "10:00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn timed_steps(
    method: &Method,
    steps: &[Step],
    slots: &[&Slot],
    participants: u32,
) -> Vec<Vec<TimedStep>> {
    let (units, cuts) = match even_rounds(method, steps, slots, participants) {
        Some(layout) => layout,
        None => closest_cuts(method, steps, slots, participants),
    };
    // No cut at a step's end gives each part its steps' minimums (a long workshop split by
    // a pause at its own rhythm): a discussion or a share-out may then stop for the pause
    // and go on after it.
    let straddle = !fits(&units, slots, &cuts) && pauses_in_discussions(&units, slots);
    let pieces: Vec<Vec<UnitShare>> = if units.len() < slots.len() || straddle {
        run_on(&units, slots)
    } else {
        let parts = slots.iter().zip(cuts.windows(2)).zip(part_minutes(&units, slots, &cuts));
        parts
            .map(|((_, c), minutes)| {
                minutes
                    .into_iter()
                    .enumerate()
                    .map(|(i, minutes)| UnitShare { unit: c[0] + i, minutes, continued: false })
                    .collect()
            })
            .collect()
    };
    let mut parts: Vec<Vec<TimedStep>> = slots
        .iter()
        .zip(pieces)
        .map(|(slot, part)| lines(steps, &units, &part, slot, participants))
        .collect();
    number_rounds(&mut parts);
    parts
}

/// The units and the cuts of the parts, the cut before each part closest to the share of
/// the method's time that precedes it. A pause may leave no room for a whole round in a
/// part: then one round fewer.
fn closest_cuts(
    method: &Method,
    steps: &[Step],
    slots: &[&Slot],
    participants: u32,
) -> (Vec<Unit>, Vec<usize>) {
    let total = slots.iter().map(|slot| slot.minutes).sum();
    let mut units = units(method, steps, total, participants, None);
    let mut cuts = cuts(&units, slots, steps);
    let natural = round_count(&units);
    for fewer in 1..=units.len() as u32 {
        if fits(&units, slots, &cuts) || natural == 0 {
            break;
        }
        let fewer_units =
            self::units(method, steps, total, participants, Some(natural.saturating_sub(fewer)));
        if fewer_units.len() == units.len() || fewer_units.len() < slots.len() {
            break;
        }
        units = fewer_units;
        cuts = self::cuts(&units, slots, steps);
    }
    if natural == 0 {
        cuts = least_beyond(&units, slots, cuts);
    }
    (units, cuts)
}

/// For a method without rounds, the cuts that stretch its steps least beyond their
/// ceilings, then closest to `closest`: a pause falls between the steps that let each part
/// hold its steps at their own length (an hour and a half of sharing at tables because the
/// pause came before the dream reads as padding).
fn least_beyond(units: &[Unit], slots: &[&Slot], closest: Vec<usize>) -> Vec<usize> {
    if slots.len() < 2 || !fits(units, slots, &closest) || beyond(units, slots, &closest) == 0 {
        return closest;
    }
    let drift = |cuts: &[usize]| cuts.iter().zip(&closest).map(|(a, b)| a.abs_diff(*b)).sum::<usize>();
    let layouts = all_cuts(units.len(), slots.len()).into_iter().filter(|cuts| fits(units, slots, cuts));
    layouts.min_by_key(|cuts| (beyond(units, slots, cuts), drift(cuts))).unwrap_or(closest)
}

/// The minutes the steps of a layout run beyond their ceilings.
fn beyond(units: &[Unit], slots: &[&Slot], cuts: &[usize]) -> u32 {
    let minutes = part_minutes(units, slots, cuts).into_iter().flatten();
    units.iter().zip(minutes).map(|(unit, m)| m.saturating_sub(unit.max.unwrap_or(m))).sum()
}

/// Rounds of one length all day, when a method in rounds runs over several parts (C3, C4):
/// the grid of a forum ouvert reads « créneaux de 45 minutes », not two rounds of 45 before
/// lunch and one of 90 after it. Among the numbers of rounds the step allows and the cuts
/// that give each part its minimums and keep its pauses between rounds
/// ([`pause_between_rounds`]), the layout that stretches its steps least beyond their
/// ceilings, then whose rounds differ least in length (within [`EVEN`] minutes), then with
/// the number of rounds closest to the one the time calls for, then with the cuts closest
/// to each part's share. `None` for a method without rounds, in one part, or when no
/// layout fits.
fn even_rounds(
    method: &Method,
    steps: &[Step],
    slots: &[&Slot],
    participants: u32,
) -> Option<(Vec<Unit>, Vec<usize>)> {
    let rounds = steps.iter().find(|step| step.shape == Shape::Rounds)?.rounds?;
    if slots.len() < 2 {
        return None;
    }
    let total = slots.iter().map(|slot| slot.minutes).sum();
    let natural = units(method, steps, total, participants, None);
    let wanted = round_count(&natural);
    let closest = cuts(&natural, slots, steps);
    let layouts = (rounds.min.max(1)..=rounds.max.max(rounds.min)).flat_map(|n| {
        let units = units(method, steps, total, participants, Some(n));
        let all = all_cuts(units.len(), slots.len());
        all.into_iter().map(move |cuts| (n, units.clone(), cuts))
    });
    let kept = layouts.filter(|(_, units, cuts)| {
        fits(units, slots, cuts) && pauses_between_rounds(units, cuts, rounds.min)
    });
    let keyed = kept.filter_map(|(n, units, cuts)| {
        let (beyond, spread) = unevenness(&units, slots, &cuts)?;
        let drift: usize = cuts.iter().zip(&closest).map(|(a, b)| a.abs_diff(*b)).sum();
        Some(((beyond, spread.saturating_sub(EVEN), n.abs_diff(wanted), drift), units, cuts))
    });
    keyed.min_by_key(|(key, _, _)| *key).map(|(_, units, cuts)| (units, cuts))
}

/// For a layout: the minutes its steps run beyond their ceilings, and the difference
/// between its longest and its shortest round (`None` without rounds).
fn unevenness(units: &[Unit], slots: &[&Slot], cuts: &[usize]) -> Option<(u32, u32)> {
    let minutes: Vec<u32> = part_minutes(units, slots, cuts).into_iter().flatten().collect();
    let rounds = || units.iter().zip(&minutes).filter(|(unit, _)| unit.is_round()).map(|(_, m)| *m);
    let spread = rounds().max()? - rounds().min()?;
    Some((beyond(units, slots, cuts), spread))
}

/// Rounds that differ by this many minutes or fewer read as one length on the day.
const EVEN: u32 = 5;

/// Every way to cut `units` units into `parts` parts of one unit or more, as the index of
/// each part's first unit plus the end.
fn all_cuts(units: usize, parts: usize) -> Vec<Vec<usize>> {
    fn extend(
        from: usize,
        units: usize,
        parts_left: usize,
        cuts: &mut Vec<usize>,
        out: &mut Vec<Vec<usize>>,
    ) {
        if parts_left == 1 {
            cuts.push(units);
            out.push(cuts.clone());
            cuts.pop();
            return;
        }
        for next in from + 1..=units.saturating_sub(parts_left - 1) {
            cuts.push(next);
            extend(next, units, parts_left - 1, cuts, out);
            cuts.pop();
        }
    }
    let mut out = Vec::new();
    if parts > 0 && units >= parts {
        extend(0, units, parts, &mut vec![0], &mut out);
    }
    out
}

/// Whether every pause of `cuts` falls where [`pause_between_rounds`] allows it.
fn pauses_between_rounds(units: &[Unit], cuts: &[usize], fewest: u32) -> bool {
    let pauses = cuts.len().saturating_sub(2);
    cuts[1..cuts.len() - 1]
        .iter()
        .enumerate()
        .all(|(j, &cut)| pause_between_rounds(units, cut, fewest, j == 0, (pauses - 1 - j) as u32))
}

/// Each part's minutes shared among its units ([`allocate`]); then, when the parts that
/// hold nothing but rounds give them one length, the rounds of the other parts take that
/// length too, or up to [`EVEN`] minutes less when the rest of their part needs it to give
/// its other units their usual length, as long as it can give them their minimums (the
/// harvest after the last round takes what the round does not need).
fn part_minutes(units: &[Unit], slots: &[&Slot], cuts: &[usize]) -> Vec<Vec<u32>> {
    let parts: Vec<(&[Unit], u32)> =
        slots.iter().zip(cuts.windows(2)).map(|(slot, c)| (&units[c[0]..c[1]], slot.minutes)).collect();
    let mut minutes: Vec<Vec<u32>> = parts.iter().map(|(units, total)| allocate(units, *total)).collect();
    let pure: Vec<u32> = parts
        .iter()
        .zip(&minutes)
        .filter(|((units, _), _)| units.iter().all(Unit::is_round))
        .flat_map(|(_, minutes)| minutes.iter().copied())
        .collect();
    let (Some(&short), Some(&long)) = (pure.iter().min(), pure.iter().max()) else { return minutes };
    if long - short > EVEN {
        return minutes;
    }
    for ((units, total), shares) in parts.iter().zip(&mut minutes) {
        let rounds = round_count(units);
        let others: Vec<Unit> = units.iter().filter(|unit| !unit.is_round()).copied().collect();
        if rounds == 0 || others.is_empty() {
            continue;
        }
        // The rounds may run up to EVEN minutes shorter than the others, to leave the
        // harvest its usual length (a forum's convergence is where the day's choice is made).
        // Never below a round's own floor, though.
        let usual: u32 = others.iter().map(|u| u.typical).sum();
        let floor = units.iter().filter(|u| u.is_round()).map(|u| u.min).max().unwrap_or(0);
        let round =
            (total.saturating_sub(usual) / rounds).max(short.saturating_sub(EVEN).max(floor)).min(short);
        let rest = total.checked_sub(rounds * round);
        let Some(rest) = rest.filter(|rest| others.iter().map(|u| u.min).sum::<u32>() <= *rest) else {
            continue;
        };
        let mut other_minutes = allocate(&others, rest).into_iter();
        for (unit, share) in units.iter().zip(shares.iter_mut()) {
            *share = if unit.is_round() { round } else { other_minutes.next().unwrap_or(0) };
        }
    }
    minutes
}

/// Numbers each line's first round among the rounds of its step, across the parts.
fn number_rounds(parts: &mut [Vec<TimedStep>]) {
    let mut done: Vec<(usize, u32)> = Vec::new();
    for line in parts.iter_mut().flatten() {
        let Some(rounds) = line.rounds else { continue };
        let before = done.iter().find(|(step, _)| *step == line.step).map_or(0, |(_, n)| *n);
        line.first_round = Some(before + 1);
        done.retain(|(step, _)| *step != line.step);
        done.push((line.step, before + rounds));
    }
}

/// The steps as said to the group on the day: a step's `with_users` consigne replaces its
/// text when service users take part.
///
/// ```
/// use facilitation::{render, Catalogue};
/// let close = Catalogue::builtin().get("tour-engagements").unwrap();
/// let with_users = render::steps_for_users(&close.steps, true);
/// assert_ne!(with_users[0].text, close.steps[0].text);
/// assert_eq!(render::steps_for_users(&close.steps, false), close.steps);
/// ```
pub fn steps_for_users(steps: &[Step], users: bool) -> Vec<Step> {
    let said = |step: &Step| match (&step.with_users, users) {
        (Some(text), true) => Step { text: text.clone(), ..step.clone() },
        _ => step.clone(),
    };
    steps.iter().map(said).collect()
}

/// The steps of a method that shows earlier work, for the day's stations: its rounds are
/// `visits` (each group sees every station but its own) at their usual length, when its
/// file allows that many (beyond, the time decides as for any walk), and its
/// share-outs by small group count the `groups` that made the pieces, not one group per
/// `group` people. A share-out for the whole room (a choice timed per twenty people)
/// keeps its count.
///
/// ```
/// use facilitation::{render, Catalogue};
/// let gallery = Catalogue::builtin().get("gallery-walk").unwrap();
/// let steps = render::steps_at_stations(&gallery.steps, 5, 5, 22);
/// let visits = steps.iter().find_map(|step| step.rounds).unwrap();
/// assert_eq!((visits.min, visits.max), (5, 5));
/// assert_eq!(steps.iter().filter_map(|s| s.group.map(|_| s.sharing(22).1)).next(), Some(5));
/// // Twelve posters: more than a walk visits; the time decides, as for any walk.
/// let crowded = render::steps_at_stations(&gallery.steps, 12, 11, 45);
/// let own = gallery.steps.iter().find_map(|step| step.rounds);
/// assert_eq!(crowded.iter().find_map(|step| step.rounds), own);
/// ```
pub fn steps_at_stations(steps: &[Step], groups: u32, visits: u32, participants: u32) -> Vec<Step> {
    let groups = groups.max(1);
    let size = participants.div_ceil(groups);
    let at_stations = |step: &Step| match (step.shape, step.rounds, step.group) {
        // More stations than a walk can visit: nobody sees them all, the time decides how
        // many each group sees (the method's tip splits the walk in two circuits).
        (Shape::Rounds, Some(rounds), _) if visits <= rounds.max => Step {
            rounds: Some(RoundCount { min: visits, typical: visits, max: visits }),
            minutes: step.round_minutes() * visits,
            ..step.clone()
        },
        // One share per group: groups of `size` people (rounded up) make `groups` of them.
        (Shape::Share, _, Some(group)) if group > 1 && group <= 2 * size => {
            Step { group: Some(size), ..step.clone() }
        }
        _ => step.clone(),
    };
    steps.iter().map(at_stations).collect()
}

/// Fills `{question}` in the lines that ask it: the rounds take `questions` in order, one
/// per round, the last question for the rounds left (the Forum's first round on the
/// review, the next ones on the perspectives); a step that is not a round (the instruction
/// that presents the question) takes them all. No question: the text is left as
/// [`timed_steps`] filled it (« la question du tour », « la question d'appel »).
pub fn ask_rounds(steps: &[Step], parts: &mut [Vec<TimedStep>], questions: &[&str], participants: u32) {
    for line in parts.iter_mut().flatten() {
        let Some(step) = steps.get(line.step) else { continue };
        if !step_text(step, participants).fr.contains("{question}") {
            continue;
        }
        if questions.is_empty() {
            // The calling question is still to be written with the project lead: its rounds
            // keep their angles, or four rounds turn on the same words.
            if let (Some(first), Some(rounds), false) =
                (line.first_round, line.rounds, step.angles.is_empty())
            {
                let asked: Vec<(u32, Option<&str>)> =
                    (first..first + rounds).map(|round| (round, None)).collect();
                line.text = fill(step, line, participants, &|lang| round_angles(&asked, &step.angles, lang));
            }
            continue;
        }
        let asked: Vec<(u32, &str)> = match (line.first_round, line.rounds) {
            (Some(first), Some(rounds)) => (first..first + rounds)
                .map(|round| (round, questions[(round as usize - 1).min(questions.len() - 1)]))
                .collect(),
            _ => questions.iter().map(|question| (0, *question)).collect(),
        };
        // Rounds on the first question take its angles, even when later rounds move on.
        let on_first = asked.iter().all(|(_, question)| *question == questions[0]);
        let angled = on_first && !step.angles.is_empty() && line.rounds.is_some();
        let said = |lang: Lang| match angled {
            true => {
                let asked: Vec<(u32, Option<&str>)> = asked.iter().map(|(r, q)| (*r, Some(*q))).collect();
                round_angles(&asked, &step.angles, lang)
            }
            false => round_questions(&asked, lang),
        };
        line.text = fill(step, line, participants, &said);
    }
}

/// « la question « Q » », or for rounds on different questions « la question de son tour
/// (tour 1 : « Q1 » ; tours 2 et 3 : « Q2 ») ».
fn round_questions(asked: &[(u32, &str)], lang: Lang) -> String {
    let mut runs: Vec<(Vec<u32>, &str)> = Vec::new();
    for (round, question) in asked {
        match runs.last_mut() {
            Some((rounds, known)) if known == question => rounds.push(*round),
            _ => runs.push((vec![*round], question)),
        }
    }
    if let [(_, question)] = runs.as_slice() {
        return format!("{} {}", lang.pick("la question", "the question"), quoted(question, lang));
    }
    if asked.iter().all(|(round, _)| *round == 0) {
        let questions: Vec<String> = runs.iter().map(|(_, question)| quoted(question, lang)).collect();
        let questions: Vec<&str> = questions.iter().map(String::as_str).collect();
        return format!(
            "{} {}",
            lang.pick("les questions", "the questions"),
            super::typography::and_list(&questions, lang)
        );
    }
    let runs: Vec<String> = runs
        .iter()
        .map(|(rounds, question)| {
            let numbers: Vec<String> = rounds.iter().map(u32::to_string).collect();
            let (one, many) = crate::method::Called::usual(lang);
            let word = if rounds.len() > 1 { many } else { one };
            let numbers =
                super::typography::and_list(&numbers.iter().map(String::as_str).collect::<Vec<_>>(), lang);
            format!("{word} {numbers}{}{}", lang.pick(" : ", ": "), quoted(question, lang))
        })
        .collect();
    format!(
        "{} ({})",
        lang.pick("la question de son tour", "the question of its round"),
        runs.join(lang.pick(" ; ", "; "))
    )
}

/// « la question « Q », sous l'angle de son tour (tour 1 : ce qui marche ; tour 2 : …) »:
/// one question, each round (numbered across the parts) taking its angle, the last angle
/// for the rounds left; « la question d'appel, sous l'angle… » when the question is still
/// to be written (`None`).
fn round_angles(asked: &[(u32, Option<&str>)], angles: &[Text], lang: Lang) -> String {
    let question = match asked.first().and_then(|(_, question)| *question) {
        Some(question) => format!("{} {}", lang.pick("la question", "the question"), quoted(question, lang)),
        None => lang.pick("la question d'appel", "the calling question").to_string(),
    };
    format!(
        "{question}{}{})",
        lang.pick(", sous l'angle de son tour (", ", from its round's angle ("),
        angles_of(asked.iter().map(|(round, _)| *round), angles, lang)
    )
}

/// « tour 1 : ce qui marche déjà ; tour 2 : ce qui manque encore »: each of `rounds`
/// (numbered from 1) with its angle, the last angle for the rounds left.
pub(super) fn angles_of(rounds: impl Iterator<Item = u32>, angles: &[Text], lang: Lang) -> String {
    let Some(last) = angles.len().checked_sub(1) else { return String::new() };
    let word = crate::method::Called::usual(lang).0;
    let runs: Vec<String> = rounds
        .map(|round| {
            let angle = angles[(round.max(1) as usize - 1).min(last)].get(lang);
            format!("{word} {round}{}{angle}", lang.pick(" : ", ": "))
        })
        .collect();
    runs.join(lang.pick(" ; ", "; "))
}

fn quoted(text: &str, lang: Lang) -> String {
    super::typography::quoted(text, lang)
}

/// Where a method sits in the session, which decides which of its framed steps it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Place {
    /// Nothing but pauses comes before it: it welcomes the group itself.
    pub opens: bool,
    /// No sequence comes after it: it closes the session itself.
    pub closes: bool,
    /// A convergence or action method comes later in the session: that method draws the
    /// result, and the group does not turn to action before it.
    pub result_after: bool,
    /// An earlier sequence turned the group towards the future (it serves a vision, new
    /// ideas or the will to go on): rounds take their `angles_ahead`.
    pub after_ahead: bool,
    /// The sequence itself counts for new ideas: with no look ahead before it, its rounds
    /// take their `angles_ideas`.
    pub seeks_ideas: bool,
}

impl Place {
    /// The method is the whole session: every step runs.
    pub const ALONE: Place =
        Place { opens: true, closes: true, result_after: false, after_ahead: false, seeks_ideas: false };
    /// Between other sequences, with no action method after it.
    pub const INSIDE: Place =
        Place { opens: false, closes: false, result_after: false, after_ahead: false, seeks_ideas: false };
}

/// The steps a method runs where it sits in the session: its own welcome steps
/// ([`Frame::Welcome`]) only when it opens the session (nothing before it), its own
/// closing steps only when it closes it (no method after it), its own action steps
/// ([`Frame::Action`]) only when no convergence or action method follows. The steps left out give their
/// minutes to the others, since [`timed_steps`] shares the slot's minutes among the steps
/// it is given.
///
/// ```
/// use facilitation::{render, Catalogue};
/// use facilitation::render::Place;
/// let cafe = Catalogue::builtin().get("world-cafe").unwrap();
/// let inside = render::steps_in_place(&cafe.steps, Place::INSIDE);
/// assert!(inside.len() < cafe.steps.len());
/// assert_eq!(render::steps_in_place(&cafe.steps, Place::ALONE), cafe.steps);
/// ```
pub fn steps_in_place(steps: &[Step], place: Place) -> Vec<Step> {
    let kept = |step: &&Step| match step.frame {
        Some(Frame::Welcome) => place.opens,
        Some(Frame::Closing) => place.closes,
        Some(Frame::Action) => !place.result_after,
        _ => true,
    };
    let kept: Vec<Step> = steps.iter().filter(kept).cloned().collect();
    // A file the loader did not check may frame every step: then run them all.
    let kept = if kept.is_empty() { steps.to_vec() } else { kept };
    kept.into_iter().map(|step| looking_ahead(step, place)).collect()
}

/// The step with its `angles_ahead` for angles once the group has looked ahead, or its
/// `angles_ideas` when the sequence itself looks for new ideas.
fn looking_ahead(step: Step, place: Place) -> Step {
    if place.after_ahead && !step.angles_ahead.is_empty() {
        return Step { angles: step.angles_ahead.clone(), ..step };
    }
    match place.seeks_ideas && !step.angles_ideas.is_empty() {
        true => Step { angles: step.angles_ideas.clone(), ..step },
        false => step,
    }
}

/// The minutes a unit takes in one part.
#[derive(Debug, Clone, Copy)]
struct UnitShare {
    unit: usize,
    minutes: u32,
    continued: bool,
}

/// How many of `units` are rounds.
fn round_count(units: &[Unit]) -> u32 {
    units.iter().filter(|unit| unit.is_round()).count() as u32
}

/// One indivisible piece of a method's time: a step, or one round of a repeated step.
#[derive(Debug, Clone, Copy)]
struct Unit {
    step: usize,
    shape: Shape,
    min: u32,
    typical: u32,
    max: Option<u32>,
}

impl Unit {
    fn is_round(&self) -> bool {
        self.shape == Shape::Rounds
    }
}

/// Whether every part can give each of its units its minimum.
fn fits(units: &[Unit], slots: &[&Slot], cuts: &[usize]) -> bool {
    let parts = slots.iter().zip(cuts.windows(2));
    parts
        .into_iter()
        .all(|(slot, c)| units[c[0]..c[1]].iter().map(|unit| unit.min).sum::<u32>() <= slot.minutes)
}

/// The units of the steps for `total` minutes: rounds expanded into as many rounds as fit,
/// or into `count` rounds when it is given, at least one.
fn units(method: &Method, steps: &[Step], total: u32, participants: u32, count: Option<u32>) -> Vec<Unit> {
    let ranges: Vec<(u32, Option<u32>)> =
        steps.iter().map(|step| step.range(&method.duration, participants)).collect();
    // What the steps other than the rounds usually take: the rounds get the rest, not the
    // time a convergence after them needs (a forum ouvert's sessions of an hour, not
    // four of half an hour and a convergence of an hour and a half).
    let usual = |(step, (min, _)): (&Step, &(u32, Option<u32>))| match step.shape {
        Shape::Elastic => step.minutes.max(*min),
        _ => *min,
    };
    let mut units = Vec::new();
    for (i, (step, (min, max))) in steps.iter().zip(&ranges).enumerate() {
        let unit = Unit { step: i, shape: step.shape, min: *min, typical: *min, max: *max };
        match (step.shape, step.rounds) {
            (Shape::Rounds, Some(rounds)) => {
                let floor = step.round_floor().max(1);
                let typical = step.round_minutes().max(floor);
                let others: u32 =
                    steps.iter().zip(&ranges).filter(|(other, _)| *other != step).map(usual).sum();
                let room = total.saturating_sub(others);
                let fitting = if room < typical * rounds.typical {
                    // Short of time: rounds close to their usual length, fewer of them.
                    let nearest = (room + typical / 2) / typical;
                    nearest.min(room / floor).clamp(rounds.min, rounds.typical)
                } else {
                    (room / typical).clamp(rounds.typical, rounds.max)
                };
                let round = Unit { min: floor, typical, max: step.ceiling, ..unit };
                units.extend(std::iter::repeat_n(round, count.unwrap_or(fitting).max(1) as usize));
            }
            (Shape::Fixed | Shape::Share, _) => units.push(unit),
            _ => units.push(Unit { typical: step.minutes.max(*min), ..unit }),
        }
    }
    units
}

/// Where each part begins in the list of units (plus the end): the boundary closest to the
/// share of the method's time that precedes the part, each part keeping at least one unit,
/// preferably one where the part's units can take its minutes.
fn cuts(units: &[Unit], slots: &[&Slot], steps: &[Step]) -> Vec<usize> {
    let fewest = steps
        .iter()
        .find(|step| step.shape == Shape::Rounds)
        .and_then(|step| step.rounds)
        .map_or(0, |r| r.min);
    let weights: Vec<f64> = units.iter().map(|unit| f64::from(unit.typical.max(1))).collect();
    let weight: f64 = weights.iter().sum();
    let total: f64 = slots.iter().map(|slot| f64::from(slot.minutes)).sum::<f64>().max(1.0);
    let mut cuts = vec![0];
    let mut before = 0.0;
    for (j, slot) in slots.iter().enumerate().take(slots.len() - 1) {
        before += f64::from(slot.minutes);
        let target = before / total * weight;
        let lowest = cuts[j] + 1;
        let highest = units.len() - (slots.len() - 1 - j);
        let at = |cut: usize| (weights[..cut].iter().sum::<f64>() - target).abs();
        let mins = |from: usize, to: usize| units[from..to].iter().map(|unit| unit.min).sum::<u32>();
        let rest: u32 = slots[j + 1..].iter().map(|slot| slot.minutes).sum();
        // Prefer a cut where both this part and the rest can give every unit its minimum,
        // and that a pause may cut (between rounds, the rotation begun: C3).
        let fits = |cut: &usize| mins(cuts[j], *cut) <= slot.minutes && mins(*cut, units.len()) <= rest;
        let later = (slots.len() - 2 - j) as u32;
        let between_rounds = |cut: &usize| pause_between_rounds(units, *cut, fewest, j == 0, later);
        // And one whose units can take this part's minutes without stretching a fixed step
        // (a five-minute introduction is not stretched to the half hour before a pause).
        let holds = |cut: &usize| {
            let most = units[cuts[j]..*cut].iter().map(|unit| unit.max).sum::<Option<u32>>();
            most.is_none_or(|most| most >= slot.minutes)
        };
        let closest = |cuts: &mut dyn Iterator<Item = usize>| cuts.min_by(|&a, &b| at(a).total_cmp(&at(b)));
        let best = closest(&mut (lowest..=highest).filter(fits).filter(between_rounds).filter(holds))
            .or_else(|| closest(&mut (lowest..=highest).filter(fits).filter(between_rounds)))
            .or_else(|| closest(&mut (lowest..=highest).filter(fits)))
            .or_else(|| closest(&mut (lowest..=highest)))
            .unwrap_or(lowest);
        cuts.push(best);
    }
    cuts.push(units.len());
    cuts
}

/// Whether a pause may fall before the unit `cut` of a method that runs at least `fewest`
/// rounds (C3, see [`rules::split_parts`]): the `first` pause once its rotation has begun,
/// with a round left for each of the `later` pauses (the parts between them hold rounds)
/// and, in a method of many rounds, one more for the last part before its harvest
/// ([`rules::rounds_after_pause`]). Any cut will do in a method with no rounds.
fn pause_between_rounds(units: &[Unit], cut: usize, fewest: u32, first: bool, later: u32) -> bool {
    let rounds = round_count(units);
    let before = round_count(&units[..cut]);
    rounds == 0
        || ((!first || before >= rules::rounds_before_pause(fewest))
            && rounds - before.min(rounds) >= later + rules::rounds_after_pause(fewest))
}

/// Whether sharing the method's minutes as one run puts every pause between two units or
/// inside a discussion or a share-out (the last groups present after the pause), never
/// inside an instruction or a round.
fn pauses_in_discussions(units: &[Unit], slots: &[&Slot]) -> bool {
    let total = slots.iter().map(|slot| slot.minutes).sum();
    let pauses: Vec<u32> = slots
        .iter()
        .scan(0u32, |end, slot| {
            *end += slot.minutes;
            Some(*end)
        })
        .take(slots.len().saturating_sub(1))
        .collect();
    let mut start = 0;
    units.iter().zip(allocate(units, total)).all(|(unit, minutes)| {
        let end = start + minutes;
        let cut = pauses.iter().any(|&pause| pause > start && pause < end);
        start = end;
        !cut || matches!(unit.shape, Shape::Elastic | Shape::Share)
    })
}

/// Shares the method's minutes over all its parts as one run, cutting units at the pauses.
fn run_on(units: &[Unit], slots: &[&Slot]) -> Vec<Vec<UnitShare>> {
    let total = slots.iter().map(|slot| slot.minutes).sum();
    let mut shares = allocate(units, total).into_iter().enumerate();
    let mut left: Option<(usize, u32, bool)> = None;
    slots
        .iter()
        .map(|slot| {
            let mut part = Vec::new();
            let mut room = slot.minutes;
            while room > 0 {
                let (unit, minutes, continued) = match left.take() {
                    Some(piece) => piece,
                    None => match shares.next() {
                        Some((unit, minutes)) => (unit, minutes, false),
                        None => break,
                    },
                };
                let taken = minutes.min(room);
                part.push(UnitShare { unit, minutes: taken, continued });
                if minutes > taken {
                    left = Some((unit, minutes - taken, true));
                }
                room -= taken;
            }
            part
        })
        .collect()
}

/// Shares `total` minutes among units: each gets its minimum, then the units below their
/// typical length catch up, then the discussions and rounds stretch up to their ceiling
/// (rounds of a step together, so that they stay equal), then beyond it. When the minimums
/// do not fit (a slot shorter than the method's range), every unit shrinks in proportion.
fn allocate(units: &[Unit], total: u32) -> Vec<u32> {
    let mins: Vec<u32> = units.iter().map(|unit| unit.min).collect();
    let needed: u32 = mins.iter().sum();
    if needed > total || units.is_empty() {
        let weights = if needed > 0 { mins } else { units.iter().map(|u| u.typical).collect() };
        return in_proportion(&weights, total);
    }
    let mut given = mins;
    let mut left = total - needed;
    while left > 0 {
        let Some(group) = next_group(units, &given, left) else { break };
        for i in group {
            given[i] += 1;
            left -= 1;
        }
    }
    if left > 0 {
        // Only rounds remain, and fewer minutes than rounds: the first rounds take them.
        for i in (0..units.len()).cycle().take(left as usize) {
            given[i] += 1;
        }
    }
    given
}

/// The units that take the next minute: a lone step, or all the rounds of one step.
fn next_group(units: &[Unit], given: &[u32], left: u32) -> Option<Vec<usize>> {
    let mut best: Option<(u8, f64, Vec<usize>)> = None;
    let mut i = 0;
    while i < units.len() {
        let unit = units[i];
        let len = if unit.shape == Shape::Rounds {
            units[i..].iter().take_while(|u| u.step == unit.step && u.shape == Shape::Rounds).count()
        } else {
            1
        };
        let group: Vec<usize> = (i..i + len).collect();
        i += len;
        if len as u32 > left {
            continue;
        }
        let now = given[group[0]];
        let stretches = matches!(unit.shape, Shape::Elastic | Shape::Rounds);
        let ratio = f64::from(now) / f64::from(unit.typical.max(1));
        let (tier, key) = if now < unit.typical {
            (0, ratio)
        } else if stretches && unit.max.is_none_or(|max| now < max) {
            (1, ratio)
        } else if stretches {
            (2, ratio)
        } else {
            (3, ratio)
        };
        if best.as_ref().is_none_or(|(t, k, _)| (tier, key) < (*t, *k)) {
            best = Some((tier, key, group));
        }
    }
    best.map(|(_, _, group)| group)
}

/// Shares `total` in proportion to `weights`, the shares adding up to `total` exactly
/// (Hamilton's largest-remainder method; ties go to the earlier unit).
fn in_proportion(weights: &[u32], total: u32) -> Vec<u32> {
    let weight: u64 = weights.iter().map(|w| u64::from(*w)).sum();
    if weights.is_empty() {
        return Vec::new();
    }
    if weight == 0 {
        let mut shares = vec![0; weights.len()];
        shares[0] = total;
        return shares;
    }
    let exact: Vec<u64> = weights.iter().map(|w| u64::from(*w) * u64::from(total)).collect();
    let mut shares: Vec<u32> = exact.iter().map(|e| u32::try_from(e / weight).unwrap_or(u32::MAX)).collect();
    let given: u32 = shares.iter().sum();
    let mut by_remainder: Vec<usize> = (0..weights.len()).collect();
    by_remainder.sort_by_key(|&i| std::cmp::Reverse(exact[i] % weight));
    for &i in by_remainder.iter().cycle().take(total.saturating_sub(given) as usize) {
        shares[i] += 1;
    }
    shares
}

/// The lines of one part: consecutive rounds of a step become one line; pieces given no
/// minute are left out.
fn lines(
    steps: &[Step],
    units: &[Unit],
    pieces: &[UnitShare],
    slot: &Slot,
    participants: u32,
) -> Vec<TimedStep> {
    let mut lines: Vec<TimedStep> = Vec::new();
    let mut clock = slot.start;
    for piece in pieces.iter().filter(|piece| piece.minutes > 0) {
        let Some(unit) = units.get(piece.unit) else { continue };
        let start = clock;
        clock = clock.plus(piece.minutes).unwrap_or(slot.end);
        let rounds = unit.shape == Shape::Rounds;
        if let Some(line) =
            lines.last_mut().filter(|line| line.step == unit.step && rounds && !piece.continued)
        {
            line.end = clock;
            line.minutes += piece.minutes;
            line.rounds = line.rounds.map(|rounds| rounds + 1);
            continue;
        }
        let sharing =
            steps.get(unit.step).filter(|_| unit.shape == Shape::Share).map(|s| s.sharing(participants).1);
        lines.push(TimedStep {
            step: unit.step,
            start,
            end: clock,
            minutes: piece.minutes,
            continued: piece.continued,
            rounds: rounds.then_some(1),
            first_round: None,
            sharing,
            text: Text::fr(""),
        });
    }
    for line in &mut lines {
        if let Some(step) = steps.get(line.step) {
            let round = line.rounds.is_some();
            line.text = fill(step, line, participants, &|lang| match round {
                true => lang.pick("la question du tour", "the round's question").to_string(),
                false => lang.pick("la question d'appel", "the calling question").to_string(),
            });
        }
    }
    lines
}

/// The step's text with the day's figures: `{count}`, `{groups}`, `{each}`, `{rounds}`,
/// `{minutes}`, and `{question}` as `question` says it.
fn fill(step: &Step, line: &TimedStep, participants: u32, question: &dyn Fn(Lang) -> String) -> Text {
    let (groups, count) = step.sharing(participants);
    let rounds = line.rounds.unwrap_or(1).max(1);
    let one = |lang: Lang, text: &str| {
        let each = step.each.map(|each| number(each, lang)).unwrap_or_default();
        // One round of a step split by a pause is its minutes, not « 1 × 60 minutes ».
        let text = if rounds == 1 { text.replace("{rounds} × ", "") } else { text.to_string() };
        let text = text
            .replace("{count}", &count.to_string())
            .replace("{groups}", &groups.to_string())
            .replace("{each}", &each)
            .replace("{rounds}", &rounds.to_string())
            .replace("{minutes}", &(line.minutes / rounds).to_string());
        if !text.contains("{question}") {
            return text;
        }
        let question = question(lang);
        text.replace("de {question}", &contracted("de", &question))
            .replace("à {question}", &contracted("à", &question))
            .replace("{question}", &question)
    };
    let text = step_text(step, participants);
    let fall = |lang: Lang| match (step.speakers, step.joins_into) {
        (Some(size), Some(into)) => joined_fall(participants, size, into, lang),
        (Some(size), None) => groups_fall(participants, size, lang),
        _ => None,
    };
    let one = |lang: Lang, text: &str| match fall(lang) {
        Some(fall) => format!("{} {fall}", one(lang, text)),
        None => one(lang, text),
    };
    Text { fr: one(Lang::Fr, &text.fr), en: text.en.as_deref().map(|en| one(Lang::En, en)) }
}

/// How `participants` people fall into groups of `size` when they do not divide evenly, as
/// the facilitator announces it before the group forms (fourteen people never make « 4
/// groupes de quatre »): pairs and trios take the one or two left over (an odd number
/// makes one trio among the pairs), larger groups run one short (fourteen in fours: two
/// fours and two threes). `None` when the groups fall evenly, or nobody is left to group.
fn groups_fall(participants: u32, size: u32, lang: Lang) -> Option<String> {
    let (full, others, other_size) = uneven_groups(participants, size)?;
    let part = |count: u32, size: u32| group_words(count, size, lang);
    let made = match full {
        0 => part(others, other_size),
        _ => format!("{}{}{}", part(full, size), lang.pick(" et ", " and "), part(others, other_size)),
    };
    Some(match lang {
        Lang::Fr => format!("Avec {participants} personnes, cela fait {made}."),
        Lang::En => format!("With {participants} people, that makes {made}."),
    })
}

/// How `participants` people fall into groups of `size` that later join two by two into
/// groups of `into` (the pairs of a 1-2-4-All into fours): as the joined groups fall
/// ([`uneven_groups`]), each of them made of two groups of `size`, one of them holding the
/// one left over (a five: a pair and a trio), or kept whole when it has fewer than two
/// `size`s of people (a trio stays a trio). `None` when they fall evenly, or when `into`
/// is not twice `size`.
fn joined_fall(participants: u32, size: u32, into: u32, lang: Lang) -> Option<String> {
    if into != size * 2 {
        return groups_fall(participants, size, lang);
    }
    let (full, others, other_size) = uneven_groups(participants, into)?;
    // Each joined group, by its size: how many groups of `size` and of one more it holds.
    let split = |members: u32| match members {
        m if m < size * 2 => (0, 1),
        m if m == size * 2 => (2, 0),
        _ => (1, 1),
    };
    let ((a, b), (c, d)) = (split(into), split(other_size));
    let (small, large) = (full * a + others * c, full * b + others * d);
    let part = |count: u32, size: u32| group_words(count, size, lang);
    let made = match (small, large) {
        (0, 0) => return None,
        (_, 0) => part(small, size),
        (0, _) => part(large, size + 1),
        _ => format!("{}{}{}", part(small, size), lang.pick(" et ", " and "), part(large, size + 1)),
    };
    Some(match lang {
        Lang::Fr => format!("Avec {participants} personnes, cela fait {made}."),
        Lang::En => format!("With {participants} people, that makes {made}."),
    })
}

/// The groups of `size` that `participants` people make, the other groups and their size,
/// when they do not fall evenly: those left over join groups one each (pairs and trios), or
/// some groups run one short (fours and more).
fn uneven_groups(participants: u32, size: u32) -> Option<(u32, u32, u32)> {
    if size < 2 || participants <= size || participants % size == 0 {
        return None;
    }
    let (groups, left) = (participants / size, participants % size);
    let joined = (left <= groups).then(|| (groups - left, left, size + 1));
    let (groups, short) = (participants.div_ceil(size), size - left);
    let shorter = (short <= groups).then(|| (groups - short, short, size - 1));
    if size <= 3 { joined.or(shorter) } else { shorter.or(joined) }
}

/// « 2 groupes de quatre », « un trio », « 6 binômes ».
fn group_words(count: u32, size: u32, lang: Lang) -> String {
    let plural = if count > 1 { "s" } else { "" };
    let number = if count > 1 { count.to_string() } else { lang.pick("un", "one").to_string() };
    let noun = match (lang, size) {
        (Lang::Fr, 2) => format!("binôme{plural}"),
        (Lang::Fr, 3) => format!("trio{plural}"),
        (Lang::Fr, _) => format!("groupe{plural} de {}", in_words(size, lang)),
        (Lang::En, 2) => format!("pair{plural}"),
        (Lang::En, _) => format!("group{plural} of {}", in_words(size, lang)),
    };
    format!("{number} {noun}")
}

/// `preposition` before `phrase`, contracted as French writes it before an article: « des
/// questions », « aux questions », « du thème », never « de les questions ».
fn contracted(preposition: &str, phrase: &str) -> String {
    let contraction = |article: &str| match (preposition, article) {
        ("de", "les") => Some("des"),
        ("de", "le") => Some("du"),
        ("à", "les") => Some("aux"),
        ("à", "le") => Some("au"),
        _ => None,
    };
    let contracted = phrase.split_once(' ').and_then(|(article, rest)| Some((contraction(article)?, rest)));
    match contracted {
        Some((contraction, rest)) => format!("{contraction} {rest}"),
        None => format!("{preposition} {phrase}"),
    }
}

/// What `step` says for `participants` people: its `crowded` consigne when its groups are
/// more than [`SHARE_ROUND_MOST`] to be heard one by one, or more than the `most` it lets
/// speak (eight groups of which six speak are drawn by lot), else its text.
///
/// ```
/// use facilitation::{render, Catalogue};
/// let qqoqcp = Catalogue::builtin().get("plan-action-qqoqcp").unwrap();
/// let step = qqoqcp.steps.iter().find(|step| step.crowded.is_some()).unwrap();
/// assert_eq!(render::step_text(step, 20), &step.text);
/// assert_ne!(render::step_text(step, 80), &step.text);
/// ```
pub fn step_text(step: &Step, participants: u32) -> &Text {
    let groups = step.group.map_or(0, |group| participants.div_ceil(group.max(1)));
    let most = step.most.unwrap_or(SHARE_ROUND_MOST).min(SHARE_ROUND_MOST);
    match &step.crowded {
        Some(crowded) if groups > most => crowded,
        _ => &step.text,
    }
}

/// A number of minutes as written in `lang`: `1,5` in French, `1.5` in English.
fn number(value: f64, lang: Lang) -> String {
    let text = format!("{value}");
    if lang == Lang::Fr { text.replace('.', ",") } else { text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_that_join_into_fours_fall_as_the_fours_will_with_the_trios_kept_whole() {
        let joined = |participants| joined_fall(participants, 2, 4, Lang::Fr);
        let fours = |participants| groups_fall(participants, 4, Lang::Fr);
        // 18 pairs make 9 fours; the 3 trios stay trios: the two counts follow.
        assert_eq!(joined(45).as_deref(), Some("Avec 45 personnes, cela fait 18 binômes et 3 trios."));
        assert_eq!(
            fours(45).as_deref(),
            Some("Avec 45 personnes, cela fait 9 groupes de quatre et 3 trios.")
        );
        assert_eq!(joined(14).as_deref(), Some("Avec 14 personnes, cela fait 4 binômes et 2 trios."));
        // A group of five is a pair and a trio.
        assert_eq!(joined(5).as_deref(), Some("Avec 5 personnes, cela fait un binôme et un trio."));
        assert_eq!(joined(16), None);
        // Groups that do not join two by two fall on their own.
        assert_eq!(joined_fall(15, 2, 6, Lang::Fr), groups_fall(15, 2, Lang::Fr));
    }

    #[test]
    fn uneven_groups_are_announced_as_they_fall_pairs_take_a_trio_and_fours_run_one_short() {
        let fall = |participants, size| groups_fall(participants, size, Lang::Fr);
        assert_eq!(
            fall(14, 4).as_deref(),
            Some("Avec 14 personnes, cela fait 2 groupes de quatre et 2 trios.")
        );
        assert_eq!(
            fall(18, 4).as_deref(),
            Some("Avec 18 personnes, cela fait 3 groupes de quatre et 2 trios.")
        );
        assert_eq!(fall(15, 2).as_deref(), Some("Avec 15 personnes, cela fait 6 binômes et un trio."));
        assert_eq!(
            fall(14, 3).as_deref(),
            Some("Avec 14 personnes, cela fait 2 trios et 2 groupes de quatre.")
        );
        assert_eq!(fall(5, 4).as_deref(), Some("Avec 5 personnes, cela fait un groupe de cinq."));
        assert_eq!(fall(5, 3).as_deref(), Some("Avec 5 personnes, cela fait un trio et un binôme."));
        assert_eq!(fall(16, 4), None, "sixteen make four fours");
        for (participants, size) in (3..200).flat_map(|p| (2..9).map(move |size| (p, size))) {
            if let Some((full, others, other)) = uneven_groups(participants, size) {
                assert_eq!(full * size + others * other, participants, "{participants} in {size}");
                assert!(other.abs_diff(size) == 1 && other >= 2, "{participants} in {size}");
            }
        }
        assert_eq!(fall(3, 4), None, "fewer than a group");
        assert_eq!(
            groups_fall(7, 2, Lang::En).as_deref(),
            Some("With 7 people, that makes 2 pairs and one group of three.")
        );
    }

    #[test]
    fn a_preposition_before_the_question_contracts_with_its_article() {
        assert_eq!(contracted("de", "les questions « A » et « B »"), "des questions « A » et « B »");
        assert_eq!(contracted("à", "les questions « A »"), "aux questions « A »");
        assert_eq!(contracted("de", "le thème"), "du thème");
        assert_eq!(contracted("de", "la question « A »"), "de la question « A »");
        assert_eq!(contracted("à", "l'objectif"), "à l'objectif");
    }

    fn unit(shape: Shape, min: u32, typical: u32, max: Option<u32>) -> Unit {
        Unit { step: 0, shape, min, typical, max }
    }

    #[test]
    fn shares_add_up_to_the_total() {
        let weights = [15, 25, 25, 25, 30];
        for total in [1, 7, 59, 60, 61, 120, 333] {
            assert_eq!(in_proportion(&weights, total).iter().sum::<u32>(), total, "{total}");
        }
    }

    #[test]
    fn a_fixed_step_keeps_its_minutes_when_a_discussion_can_stretch() {
        let units = [unit(Shape::Fixed, 2, 2, Some(2)), unit(Shape::Elastic, 10, 20, Some(40))];
        assert_eq!(allocate(&units, 40), vec![2, 38]);
    }

    #[test]
    fn a_discussion_below_its_typical_length_catches_up_first() {
        let units = [unit(Shape::Elastic, 5, 10, None), unit(Shape::Elastic, 10, 10, None)];
        assert_eq!(allocate(&units, 20), vec![10, 10]);
    }

    #[test]
    fn a_slot_too_short_for_the_minimums_shrinks_every_unit() {
        let units = [unit(Shape::Fixed, 10, 10, Some(10)), unit(Shape::Fixed, 10, 10, Some(10))];
        assert_eq!(allocate(&units, 10), vec![5, 5]);
    }
}
