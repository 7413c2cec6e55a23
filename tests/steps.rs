//! Steps that keep their sense at any length: for every method (and its remote variant),
//! every sample request and twenty sizes drawn at random, the minutes of the steps add up
//! to the slot, instructions keep their minutes, share-outs give every group its minutes
//! and say the real count, and rounds keep their minimum (fewer rounds, not shorter ones).

use facilitation::render::{Place, TimedStep, steps_in_place, timed_steps};
use facilitation::{Catalogue, ClockTime, Method, Planner, Request, Shape, Slot, SlotKind, Step, rules};
use proptest::prelude::*;
#[path = "support/repo.rs"]
mod repo;

use repo::SAMPLES;

/// The onsite steps and, when the method has them, its remote ones.
fn step_lists(method: &Method) -> Vec<&[Step]> {
    let remote = method.remote.as_ref().map(|remote| &remote.steps[..]).filter(|steps| !steps.is_empty());
    std::iter::once(&method.steps[..]).chain(remote).collect()
}

fn slots(parts: &[u32]) -> Vec<Slot> {
    let mut clock: ClockTime = "08:00".parse().unwrap();
    parts
        .iter()
        .enumerate()
        .map(|(i, minutes)| {
            let end = clock.plus(*minutes).unwrap();
            let mut slot = Slot::new(SlotKind::Method, clock, end);
            slot.part = (i > 0).then_some(i as u32 + 1);
            clock = end.plus(15).unwrap();
            slot
        })
        .collect()
}

/// Every promise of a step's shape, for a method given `parts` minutes (within its range)
/// for `n` people; `Err` names the first broken one.
fn keeps_its_shape(method: &Method, steps: &[Step], parts: &[u32], n: u32) -> Result<(), String> {
    let slots = slots(parts);
    let refs: Vec<&Slot> = slots.iter().collect();
    let timed = timed_steps(method, steps, &refs, n);
    let id = &method.id;
    for (slot, lines) in slots.iter().zip(&timed) {
        let sum: u32 = lines.iter().map(|line| line.minutes).sum();
        if sum != slot.minutes {
            return Err(format!("{id} ({n} people, {parts:?}): steps sum to {sum}, not {}", slot.minutes));
        }
    }
    for line in timed.iter().flatten() {
        let step = &steps[line.step];
        let cut_by_a_pause = timed.iter().flatten().any(|other| other.step == line.step && other.continued);
        line_keeps_its_shape(step, line, n, cut_by_a_pause)
            .map_err(|why| format!("{id} ({n} people, {parts:?}): {why}"))?;
    }
    for (i, step) in steps.iter().enumerate().filter(|(_, step)| step.shape != Shape::Rounds) {
        let minutes: u32 =
            timed.iter().flatten().filter(|line| line.step == i).map(|line| line.minutes).sum();
        if minutes > 0 && minutes < step.turns_floor() {
            return Err(format!("{id} ({n} people, {parts:?}): step {i}'s speakers get only {minutes} min"));
        }
        let shares = step.minutes + step.share_minutes(n);
        if step.shape == Shape::Share && minutes > 0 && minutes < shares {
            return Err(format!("{id} ({n} people, {parts:?}): share-out {i} has {minutes} min in all"));
        }
    }
    let rounds: Vec<(usize, u32)> =
        timed.iter().flatten().filter_map(|line| line.rounds.map(|rounds| (line.step, rounds))).collect();
    for (i, step) in steps.iter().enumerate().filter(|(_, step)| step.shape == Shape::Rounds) {
        let run: u32 = rounds.iter().filter(|(at, _)| *at == i).map(|(_, rounds)| rounds).sum();
        let allowed = step.rounds.unwrap();
        // A pause may leave room for fewer whole rounds than the method's usual minimum.
        let fewest = if parts.len() > 1 { 1 } else { allowed.min };
        if run < fewest || run > allowed.max {
            return Err(format!("{id} ({n} people, {parts:?}): {run} rounds, outside {allowed:?}"));
        }
    }
    Ok(())
}

fn line_keeps_its_shape(step: &Step, line: &TimedStep, n: u32, cut_by_a_pause: bool) -> Result<(), String> {
    for text in [Some(&line.text.fr), line.text.en.as_ref()].into_iter().flatten() {
        if let Some(word) = Step::PLACEHOLDERS.iter().find(|word| text.contains(&format!("{{{word}}}"))) {
            return Err(format!("step {} still says {{{word}}}", line.step));
        }
    }
    match step.shape {
        Shape::Fixed if line.minutes < step.minutes => {
            Err(format!("fixed step {} cut to {} min", line.step, line.minutes))
        }
        Shape::Share => {
            let (_, count) = step.sharing(n);
            let needed = step.minutes + step.share_minutes(n);
            // A share-out cut by a pause is checked over its pieces (`keeps_its_shape`).
            if line.minutes < needed && !cut_by_a_pause {
                return Err(format!("share-out {} has {} min for {count} shares", line.step, line.minutes));
            }
            let says = step.text.fr.contains("{count}");
            if says && !line.text.fr.contains(&count.to_string()) {
                return Err(format!("share-out {} does not say its {count} shares", line.step));
            }
            Ok(())
        }
        Shape::Rounds => {
            let rounds = line.rounds.unwrap_or(0);
            let floor = step.floor.unwrap_or(1);
            if rounds == 0 || line.minutes < rounds * floor {
                return Err(format!("{rounds} rounds of step {} in {} min", line.step, line.minutes));
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// Twenty sizes spread at random over the method's range (a fixed seed, so a failure
/// repeats), with its ends.
fn sizes(method: &Method) -> Vec<u32> {
    let (min, max) = (method.participants.min, method.participants.max.min(2000));
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15 ^ u64::from(min * 31 + max);
    let mut sizes = vec![min, max];
    for _ in 0..20 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        sizes.push(min + (state % u64::from(max - min + 1)) as u32);
    }
    sizes
}

#[test]
fn every_method_keeps_its_step_shapes_at_twenty_sizes_and_any_length_in_its_range() {
    let mut broken = Vec::new();
    for method in Catalogue::builtin().iter() {
        for steps in step_lists(method) {
            for n in sizes(method) {
                let range = method.minutes_for(n);
                let typical = method.typical_minutes_for(n).clamp(range.min, range.max);
                for minutes in [range.min, typical, range.max, (range.min + range.max) / 2] {
                    broken.extend(keeps_its_shape(method, steps, &[minutes], n).err());
                }
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn every_sample_request_gets_steps_that_keep_their_shape() {
    let catalogue = Catalogue::builtin();
    for sample in SAMPLES {
        let path = repo::file("examples/requests").join(sample);
        let request = Request::from_file(path).unwrap();
        let plan = Planner::new(catalogue).plan(&request).unwrap();
        let agenda = &plan.agenda;
        for slot in agenda.method_slots().filter(|slot| slot.part.is_none()) {
            let method = catalogue.get(slot.method.as_ref().unwrap().as_str()).unwrap();
            let parts: Vec<u32> =
                agenda.method_slots().filter(|s| s.method == slot.method).map(|s| s.minutes).collect();
            for steps in step_lists(method) {
                let kept = keeps_its_shape(method, steps, &parts, agenda.participants);
                assert!(kept.is_ok(), "{sample}: {}", kept.unwrap_err());
            }
        }
    }
}

#[test]
fn a_short_shift_and_share_runs_fewer_rounds_not_shorter_ones() {
    let method = Catalogue::builtin().get("shift-and-share").unwrap();
    let step = method.steps.iter().find(|step| step.rounds.is_some()).unwrap();
    let least = step.floor.unwrap_or(1);
    let range = method.minutes_for(40);
    let rounds = |minutes: u32| {
        let slots = slots(&[minutes]);
        let refs: Vec<&Slot> = slots.iter().collect();
        let timed = timed_steps(method, &method.steps, &refs, 40);
        timed[0].iter().find_map(|line| line.rounds.map(|rounds| (rounds, line.minutes / rounds))).unwrap()
    };
    let (few, length) = rounds(range.min);
    assert!(length >= least, "rounds of {length} minutes");
    let (many, _) = rounds(range.max);
    assert!(many > few, "{few} rounds at {} min, {many} at {} min", range.min, range.max);
}

#[test]
fn a_world_cafe_runs_three_rounds_of_twenty_minutes_or_more_whatever_its_length() {
    let cafe = Catalogue::builtin().get("world-cafe").unwrap();
    for minutes in [90, 120] {
        let slots = slots(&[minutes]);
        let refs: Vec<&Slot> = slots.iter().collect();
        let timed = timed_steps(cafe, &cafe.steps, &refs, 40);
        let (rounds, length) = timed[0]
            .iter()
            .find_map(|line| line.rounds.map(|rounds| (rounds, line.minutes / rounds)))
            .unwrap();
        assert_eq!(rounds, 3, "{minutes} min");
        assert!(length >= 20, "{minutes} min: rounds of {length} minutes");
    }
}

#[test]
fn a_pause_cuts_a_method_in_rounds_once_the_tables_have_turned_and_before_its_last_round() {
    let catalogue = Catalogue::builtin();
    let mut cut = 0;
    for sample in SAMPLES {
        let request = Request::from_file(repo::file("examples/requests").join(sample)).unwrap();
        for seed in 0..3 {
            let agenda = Planner::new(catalogue).seed(seed).plan(&request).unwrap().agenda;
            for slot in agenda.method_slots().filter(|slot| slot.part == Some(2)) {
                let method = catalogue.get(slot.method.as_ref().unwrap().as_str()).unwrap();
                let Some((first, last)) = rules::split_parts(method, agenda.participants) else { continue };
                let parts: Vec<&Slot> = agenda.method_slots().filter(|s| s.method == slot.method).collect();
                let minutes: Vec<u32> = parts.iter().map(|part| part.minutes).collect();
                let at = format!("{sample}, seed {seed}, {}: parts {minutes:?}", method.id);
                assert!(minutes[0] >= first && minutes[minutes.len() - 1] >= last, "{at}");
                let steps = steps_in_place(&method.steps, Place::INSIDE);
                let timed = timed_steps(method, &steps, &parts, agenda.participants);
                let rounds = |part: &[TimedStep]| part.iter().filter_map(|line| line.rounds).sum::<u32>();
                let fewest = method.steps.iter().find_map(|step| step.rounds).map_or(0, |count| count.min);
                assert!(rounds(&timed[0]) >= rules::rounds_before_pause(fewest), "{at}: {timed:?}");
                let after = rules::rounds_after_pause(fewest);
                assert!(
                    rounds(&timed[timed.len() - 1]) >= after,
                    "{at}: the harvest comes back cold: {timed:#?}"
                );
                cut += 1;
            }
        }
    }
    assert!(cut > 0, "no sample splits a method in rounds: the test reads nothing");
}

/// The steps of a forum ouvert for 90 people over parts of `minutes`, inside a day that has
/// its own plan of action and closing (the forum's frame steps are left out).
fn forum_day(minutes: &[u32]) -> Vec<Vec<TimedStep>> {
    let forum = Catalogue::builtin().get("forum-ouvert").unwrap();
    let steps: Vec<Step> =
        steps_in_place(&forum.steps, Place::INSIDE).into_iter().filter(|step| step.frame.is_none()).collect();
    let slots = slots(minutes);
    let refs: Vec<&Slot> = slots.iter().collect();
    timed_steps(forum, &steps, &refs, 90)
}

#[test]
fn a_forum_ouvert_over_a_day_runs_sessions_of_one_length_before_and_after_lunch() {
    // The full day of the network's forum: opening and marketplace, then 90 minutes of
    // sessions, lunch, 90 more, a pause and the last 65 with the convergence; the day's
    // own plan of action and closing follow the forum (its frame steps are left out).
    let timed = forum_day(&[55, 90, 90, 65]);
    let lengths: Vec<u32> =
        timed.iter().flatten().filter_map(|line| Some(line.minutes / line.rounds?)).collect();
    let (short, long) = (lengths.iter().min().unwrap(), lengths.iter().max().unwrap());
    assert!(long - short <= 5, "a grid of créneaux of one length, not {lengths:?}: {timed:#?}");
    let last = &timed[3];
    assert!(last.iter().any(|line| line.rounds.is_some()), "the last part holds a session: {timed:#?}");
    assert!(
        last.iter().any(|line| line.rounds.is_none() && line.minutes >= 15),
        "and its convergence: {last:#?}"
    );
}

#[test]
fn a_forum_ouvert_gives_its_convergence_its_time_and_its_sessions_one_length_whatever_the_parts() {
    // Ninety people read twenty reports and more before they vote: the convergence keeps
    // its floor and does not swell past its ceiling, whichever way the day is cut.
    let forum = Catalogue::builtin().get("forum-ouvert").unwrap();
    let convergence =
        forum.steps.iter().find(|step| step.shape != Shape::Rounds && step.minutes == 45).unwrap();
    let ceiling = convergence.ceiling.unwrap();
    for parts in [[55, 90, 90, 65], [55, 90, 90, 60], [55, 90, 90, 90], [55, 60, 60, 85], [45, 75, 75, 75]] {
        let timed = forum_day(&parts);
        let last = timed[3].iter().find(|line| line.rounds.is_none()).unwrap();
        assert!((convergence.floor.unwrap_or(0)..=ceiling).contains(&last.minutes), "{parts:?}: {timed:#?}");
        let lengths: Vec<u32> =
            timed.iter().flatten().filter_map(|line| Some(line.minutes / line.rounds?)).collect();
        let (short, long) = (lengths.iter().min().unwrap(), lengths.iter().max().unwrap());
        assert!(long - short <= 5, "{parts:?}: créneaux of one length, not {lengths:?}");
    }
}

#[test]
fn everyone_says_their_sentence_at_the_close_up_to_twenty_five_people_and_twelve_voices_beyond() {
    let close = Catalogue::builtin().get("tour-engagements").unwrap();
    let round = close.steps.iter().find(|step| step.shape == Shape::Share).unwrap();
    assert_eq!(round.sharing(16), (16, 16), "a workshop of sixteen: nobody left out");
    assert_eq!(round.sharing(25).1, 25);
    assert_eq!(round.sharing(26).1, 12, "twenty-six: twelve voices, the others post their card");
    assert_eq!(round.sharing(60).1, 12, "sixty: twelve voices");
    let range = close.minutes_for(16);
    assert!(
        range.min >= 16 / 2,
        "the method's range makes room for sixteen sentences of twenty seconds: {range}"
    );
}

#[test]
fn a_share_out_says_how_many_groups_present_and_gives_each_its_minutes() {
    let timeline = Catalogue::builtin().get("frise-chronologique").unwrap();
    let n = 60;
    let minutes = timeline.minutes_for(n).min;
    let slots = slots(&[minutes]);
    let timed = timed_steps(timeline, &timeline.steps, &[&slots[0]], n);
    let share = timed[0].iter().find(|line| line.sharing.is_some()).unwrap();
    assert_eq!(share.sharing, Some(12));
    assert!(share.text.fr.contains("les 12 groupes présentent chacun leurs enseignements en 2 minutes"));
    assert!(share.minutes >= 24);
}

#[test]
fn a_fixed_instruction_keeps_its_minutes_when_the_round_takes_longer() {
    let round = Catalogue::builtin().get("tour-de-table").unwrap();
    let minutes = round.minutes_for(12).max;
    let slots = slots(&[minutes]);
    let timed = timed_steps(round, &round.steps, &[&slots[0]], 12);
    assert_eq!(timed[0][0].minutes, 2, "the question is stated in two minutes");
    assert_eq!(timed[0][1].minutes, 1, "the facilitator answers in one minute");
}

proptest! {
    #[test]
    fn a_split_method_keeps_its_rounds_whole_and_at_their_minimum(
        index in 0usize..80,
        n in 5u32..200,
        cut in 0.3f64..0.7,
        stretch in 0.0f64..1.0,
    ) {
        let splits: Vec<&Method> = Catalogue::builtin().iter().filter(|m| m.split).collect();
        let method = splits[index % splits.len()];
        let n = n.clamp(method.participants.min, method.participants.max);
        let range = method.minutes_for(n);
        let total = range.min + ((range.max - range.min) as f64 * stretch) as u32;
        let first = ((total as f64 * cut) as u32).max(20);
        prop_assume!(total >= first + 20);
        for steps in step_lists(method) {
            let kept = keeps_its_shape(method, steps, &[first, total - first], n);
            prop_assert!(kept.is_ok(), "{}", kept.unwrap_err());
        }
    }
}

/// A method file whose steps are shaped: an instruction, a share-out per participant and
/// a discussion; its declared range follows from them.
const SHAPED: &str = r#"id: tour-rapide
name: {fr: "Tour rapide", en: "Quick round"}
summary: {fr: "Chacun dit un mot.", en: "Everyone says a word."}
phases: [opening]
objectives: [build-trust]
participants: {min: 2, max: 30}
duration: {min: 5, typical: 10, max: 20, per_participant: 0.5}
formats: [onsite]
energy: low
level: beginner
setup: {fr: "En cercle.", en: "In a circle."}
steps:
  - minutes: 2
    shape: fixed
    text: {fr: "Vous posez la question.", en: "You ask the question."}
  - minutes: 1
    shape: share
    each: 0.5
    text: {fr: "Les {count} personnes répondent.", en: "The {count} people answer."}
  - minutes: 7
    floor: 2
    text: {fr: "Vous reliez les réponses.", en: "You link the answers."}
sources: ["Pratique du réseau"]
"#;

fn problems(source: &str) -> Vec<facilitation::Problem> {
    match Catalogue::from_files([("methods/tour-rapide.yaml", source)]) {
        Ok(_) => Vec::new(),
        Err(error) => error.problems().to_vec(),
    }
}

#[test]
fn a_file_whose_range_follows_from_its_steps_loads() {
    assert!(problems(SHAPED).is_empty(), "{:#?}", problems(SHAPED));
}

#[test]
fn a_declared_minimum_shorter_than_the_steps_is_refused_with_its_line_and_the_fix() {
    let source = SHAPED.replace("per_participant: 0.5}", "per_participant: 0.1}");
    let found = problems(&source);
    assert_eq!(found.len(), 1, "{found:#?}");
    let problem = &found[0];
    assert!(matches!(problem.kind, facilitation::ProblemKind::StepsNeedMore { .. }), "{problem:?}");
    assert_eq!((problem.field.as_str(), problem.location.map(|at| at.line)), ("steps", Some(12)));
    assert!(problem.to_string().contains("raise `duration.min`"), "{problem}");
}

#[test]
fn a_declared_maximum_the_steps_cannot_fill_is_refused() {
    let source = SHAPED.replace("    floor: 2\n", "    floor: 2\n    ceiling: 8\n");
    let found = problems(&source);
    assert!(
        found.iter().any(|p| matches!(p.kind, facilitation::ProblemKind::StepsFillLess { .. })),
        "{found:#?}"
    );
}

#[test]
fn a_share_out_without_its_minutes_each_or_an_unknown_figure_is_refused() {
    let source = SHAPED.replace("    each: 0.5\n", "").replace("{count} personnes", "{people} personnes");
    let fields: Vec<String> = problems(&source).into_iter().map(|p| p.field).collect();
    assert!(fields.contains(&"steps[1].each".to_string()), "{fields:?}");
    assert!(fields.contains(&"steps[1].text.fr".to_string()), "{fields:?}");
}

/// A small method file whose steps are `steps` (YAML, adding up to 10 minutes) and whose
/// tips are `tips`.
fn method_file(steps: &str, tips: &str) -> String {
    format!(
        r#"id: tour-rapide
name: {{fr: "Tour rapide", en: "Quick round"}}
summary: {{fr: "Chacun dit un mot.", en: "Everyone says a word."}}
phases: [opening, closing]
objectives: [build-trust, feedback]
participants: {{min: 2, max: 30}}
duration: {{min: 10, typical: 10, max: 20}}
formats: [onsite, remote]
energy: low
level: beginner
setup: {{fr: "En cercle.", en: "In a circle."}}
steps:
{steps}
tips:
{tips}
sources: ["Pratique du réseau"]
"#
    )
}

const TIP: &str = r#"  - {fr: "Un conseil.", en: "A tip."}"#;

#[test]
fn a_welcome_step_after_a_step_of_work_is_refused_at_its_line() {
    let steps = r#"  - {minutes: 5, text: {fr: "Chacun répond."}}
  - {minutes: 5, frame: welcome, text: {fr: "Accueil."}}"#;
    let found = problems(&method_file(steps, TIP));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].field, "steps[1].frame");
    assert_eq!(found[0].location.map(|at| at.line), Some(14));
    assert!(matches!(&found[0].kind, facilitation::ProblemKind::FrameOrder { frame } if frame == "welcome"));
}

#[test]
fn a_method_whose_every_step_is_a_frame_is_refused() {
    let steps = r#"  - {minutes: 5, frame: welcome, text: {fr: "Accueil."}}
  - {minutes: 5, frame: closing, text: {fr: "Clôture."}}"#;
    assert_eq!(problems(&method_file(steps, TIP))[0].field, "steps[0].frame");
}

#[test]
fn welcome_and_closing_steps_around_the_work_load() {
    let steps = r#"  - {minutes: 2, frame: welcome, text: {fr: "Accueil."}}
  - {minutes: 6, text: {fr: "Chacun répond."}}
  - {minutes: 2, frame: closing, text: {fr: "Clôture."}}"#;
    let tips = r#"  - {fr: "À distance, ...", en: "Remotely, ...", when: [remote, hybrid]}"#;
    assert!(problems(&method_file(steps, tips)).is_empty());
}

#[test]
fn a_tip_condition_that_does_not_exist_is_refused_with_the_words_that_do() {
    let steps = r#"  - {minutes: 10, text: {fr: "Chacun répond."}}"#;
    let tips = r#"  - {fr: "Le soir, ...", when: [evening]}"#;
    let found = problems(&method_file(steps, tips));
    assert_eq!(found.len(), 1, "{found:?}");
    let said = found[0].to_string();
    assert!(said.contains("evening") && said.contains("afternoon"), "{said}");
}

#[test]
fn a_step_where_each_of_four_speaks_in_turn_needs_four_minutes_and_the_file_must_allow_them() {
    let steps = r#"  - {minutes: 2, text: {fr: "Chacun note ses idées."}}
  - {minutes: 8, speakers: 4, text: {fr: "À quatre, chacun dit ses idées."}}"#;
    let file = method_file(steps, TIP);
    assert!(problems(&file).is_empty(), "{:?}", problems(&file));
    // At 3 minutes, the steps in proportion would leave the four 2 minutes: the file must
    // say that the method needs at least 4.
    let short = file.replace("duration: {min: 10,", "duration: {min: 3,");
    let found = problems(&short);
    assert!(
        found.iter().any(|p| matches!(p.kind, facilitation::ProblemKind::StepsNeedMore { need: 4, .. })),
        "{found:?}"
    );
    let none = file.replace("speakers: 4", "speakers: 0");
    assert!(problems(&none).iter().any(|p| p.field == "steps[1].speakers"), "{:?}", problems(&none));
}

#[test]
fn one_two_four_all_gives_its_pairs_and_its_fours_their_turns_at_any_length() {
    let method = Catalogue::builtin().get("1-2-4-all").unwrap();
    let pairs = method.steps.iter().find(|step| step.speakers == Some(2)).unwrap();
    let fours = method.steps.iter().find(|step| step.speakers == Some(4)).unwrap();
    assert_eq!((pairs.turns_floor(), fours.turns_floor()), (2, 4));
    for minutes in method.minutes_for(24).min..=method.minutes_for(24).max {
        keeps_its_shape(method, &method.steps, &[minutes], 24).unwrap();
    }
}

#[test]
fn a_step_that_presents_the_question_reads_the_calling_question_or_names_it() {
    use facilitation::render::ask_rounds;
    let catalogue = Catalogue::builtin();
    for id in ["1-2-4-all", "photolangage", "min-specs", "appreciative-interviews", "triz"] {
        let method = catalogue.get(id).unwrap();
        let mut slot = Slot::new(SlotKind::Method, "10:00".parse().unwrap(), "11:00".parse().unwrap());
        slot.method = Some(id.parse().unwrap());
        let mut timed = timed_steps(method, &method.steps, &[&slot], 20);
        let unknown = timed[0][0].text.fr.clone();
        assert!(unknown.contains("la question d'appel"), "{id}: {unknown}");
        ask_rounds(&method.steps, &mut timed, &["Comment travaillons-nous à distance ?"], 20);
        let asked = &timed[0][0].text.fr;
        assert!(asked.contains("Comment travaillons-nous à distance"), "{id}: {asked}");
        assert!(!asked.contains("accueil"), "{id}: an example off the subject: {asked}");
    }
}

#[test]
fn an_action_step_before_any_step_of_work_is_refused_at_its_line() {
    let steps = r#"  - {minutes: 5, frame: action, text: {fr: "Chacun s'inscrit à un chantier."}}
  - {minutes: 5, text: {fr: "Chacun répond."}}"#;
    let found = problems(&method_file(steps, TIP));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].field, "steps[0].frame");
    assert!(matches!(&found[0].kind, facilitation::ProblemKind::FrameOrder { frame } if frame == "action"));
}

#[test]
fn an_action_step_between_the_work_and_the_closing_loads() {
    let steps = r#"  - {minutes: 5, text: {fr: "Chacun répond."}}
  - {minutes: 3, frame: action, text: {fr: "Chacun s'inscrit à un chantier."}}
  - {minutes: 2, frame: closing, text: {fr: "Clôture."}}"#;
    let found = problems(&method_file(steps, TIP));
    assert!(found.is_empty(), "{found:?}");
}
