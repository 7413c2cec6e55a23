//! Measures the planner against an exact optimum and a random baseline, side by side.
//!
//! ```text
//! cargo run --release --example quality                 # 200 instances, seed 2026
//! cargo run --release --example quality -- --instances 500 --seed 7
//! ```
//!
//! On each random small instance (a sub-catalogue of 10 to 14 methods, a session of 1 to
//! 3 hours), it plans with the planner, finds the optimum with the exhaustive oracle of
//! `oracle.rs`, and draws a Retromat-style agenda (one random method per phase, stretched
//! to fill the time, nothing checked). The last lines are `key = value`.

mod instances;
mod oracle;

use clap::Parser;
use facilitation::{
    Agenda, Catalogue, ClockTime, Method, Phase, Planner, Request, Slot, SlotKind, check, craft, score,
};
use rand::seq::IndexedRandom;
use rand::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::time::{Duration, Instant};

/// Compares the planner with the exact optimum and a random baseline.
#[derive(Parser)]
#[command(about)]
struct Args {
    /// Feasible instances to measure.
    #[arg(long, default_value_t = 200)]
    instances: usize,
    /// The seed of the instances.
    #[arg(long, default_value_t = 2026)]
    seed: u64,
    /// Print, for every instance below 0.99, both agendas and their score components.
    #[arg(long)]
    verbose: bool,
}

/// What one instance measured.
struct Measure {
    ratio: f64,
    /// Sequences the oracle enumerated, and complete timings it scored.
    oracle_work: (usize, u64),
    speedup: f64,
    planner_valid: bool,
    /// The planner's agenda keeps every craft rule (C1–C11).
    planner_craft: bool,
    baseline_valid: bool,
}

fn main() {
    let args = Args::parse();
    println!("seed = {}", args.seed);
    let mut rng = ChaCha8Rng::seed_from_u64(args.seed);
    let mut measures = Vec::new();
    let mut infeasible = 0;
    let mut planner_time = Duration::ZERO;
    let mut oracle_time = Duration::ZERO;
    while measures.len() < args.instances && infeasible < 50 * args.instances {
        let instance = instances::instance(&mut rng);
        let started = Instant::now();
        let Some(best) = oracle::best(&instance.request, &instance.catalogue) else {
            infeasible += 1;
            continue;
        };
        let oracle_elapsed = started.elapsed();
        let (planned, planner_elapsed) = plan(&instance.request, &instance.catalogue);
        if planned.is_none() && args.verbose {
            let ids: Vec<&str> = instance.catalogue.iter().map(|m| m.id.as_str()).collect();
            println!("  request: {}", serde_json::to_string(&instance.request).unwrap_or_default());
            println!("  methods: {}", ids.join(" "));
        }
        let baseline = baseline(&instance.request, &instance.catalogue, &mut rng);
        let planner_valid = planned
            .as_ref()
            .is_some_and(|agenda| check(agenda, &instance.request, &instance.catalogue).is_valid());
        let planner_score = match (&planned, planner_valid) {
            (Some(agenda), true) => total(agenda, &instance.request, &instance.catalogue),
            _ => 0.0,
        };
        let measure = Measure {
            ratio: planner_score / best.score,
            oracle_work: (best.sequences, best.timings),
            speedup: oracle_elapsed.as_secs_f64() / planner_elapsed.as_secs_f64().max(1e-9),
            planner_valid,
            planner_craft: planned.as_ref().is_some_and(|agenda| {
                craft::review(agenda, &instance.request, &instance.catalogue).is_clean()
            }),
            baseline_valid: check(&baseline, &instance.request, &instance.catalogue).is_valid(),
        };
        if args.verbose && measure.ratio < 0.99 {
            let parts = |agenda: &Agenda| {
                score::score(agenda, &agenda.objectives, instance.request.with_users(), &instance.catalogue)
            };
            println!("  planner {:?}", planned.as_ref().map(parts));
            println!("  optimum {:?}", parts(&best.agenda));
            for (name, agenda) in [("planner", planned.as_ref()), ("optimum", Some(&best.agenda))] {
                let line: Vec<String> = agenda
                    .iter()
                    .flat_map(|a| a.slots.iter())
                    .map(|s| {
                        format!(
                            "{}{}:{}",
                            s.method.as_ref().map_or("-", |m| m.as_str()),
                            s.phase.map_or(String::new(), |p| format!("/{p}")),
                            s.minutes
                        )
                    })
                    .collect();
                println!("  {name}: {}", line.join(" "));
            }
        }
        if measure.ratio < 0.97 {
            println!(
                "instance {}: planner {planner_score:.2}, optimum {:.2} ({} min, {} people, {} methods)",
                measures.len(),
                best.score,
                instance.request.minutes(),
                instance.request.participants,
                instance.catalogue.len()
            );
        }
        planner_time += planner_elapsed;
        oracle_time += oracle_elapsed;
        measures.push(measure);
    }
    report(&measures, infeasible, planner_time, oracle_time);
}

/// The planner's agenda and the time it took (the best of three runs, to leave out the
/// first run's cold caches).
fn plan(request: &Request, catalogue: &Catalogue) -> (Option<Agenda>, Duration) {
    let planner = Planner::new(catalogue);
    let mut fastest = Duration::MAX;
    let mut agenda = None;
    for _ in 0..3 {
        let started = Instant::now();
        let planned = planner.plan(request);
        fastest = fastest.min(started.elapsed());
        agenda = match planned {
            Ok(plan) => Some(plan.agenda),
            Err(error) => {
                eprintln!("the planner refused an instance the oracle solved: {error}");
                None
            }
        };
    }
    (agenda, fastest)
}

fn total(agenda: &Agenda, request: &Request, catalogue: &Catalogue) -> f64 {
    score::score(agenda, &agenda.objectives, request.with_users(), catalogue).total()
}

/// A Retromat-style agenda: a 10-minute welcome, then one random method for each phase,
/// stretched in proportion to its typical length to fill the session; no rule is checked.
fn baseline(request: &Request, catalogue: &Catalogue, rng: &mut impl RngCore) -> Agenda {
    let n = request.participants;
    let picks: Vec<(&Method, Phase)> = Phase::ALL
        .iter()
        .filter_map(|phase| {
            let serving: Vec<&Method> = catalogue.iter().filter(|m| m.has_phase(*phase)).collect();
            serving.choose(rng).map(|m| (*m, *phase))
        })
        .collect();
    let welcome = 10;
    let room = request.minutes().saturating_sub(welcome);
    let typical: u32 = picks.iter().map(|(m, _)| m.typical_minutes_for(n).max(1)).sum::<u32>().max(1);
    let mut clock = request.start;
    let mut slots = vec![slot(SlotKind::Welcome, &mut clock, welcome)];
    let mut given = 0;
    for (i, (method, phase)) in picks.iter().enumerate() {
        let minutes = if i + 1 == picks.len() {
            room - given
        } else {
            room * method.typical_minutes_for(n).max(1) / typical
        };
        given += minutes;
        let mut s = slot(SlotKind::Method, &mut clock, minutes);
        s.method = Some(method.id.clone());
        s.phase = Some(*phase);
        s.objectives = method.objectives.iter().copied().take(1).collect();
        slots.push(s);
    }
    Agenda {
        title: request.title.clone(),
        date: None,
        start: request.start,
        end: clock,
        participants: n,
        facilitators: request.facilitators,
        format: request.format,
        objectives: request.analyse().objectives(),
        seed: None,
        slots,
        team: Vec::new(),
    }
}

fn slot(kind: SlotKind, clock: &mut ClockTime, minutes: u32) -> Slot {
    let start = *clock;
    *clock = clock.plus(minutes).unwrap_or(ClockTime::END_OF_DAY);
    Slot::new(kind, start, *clock)
}

fn report(measures: &[Measure], infeasible: usize, planner_time: Duration, oracle_time: Duration) {
    let count = measures.len().max(1) as f64;
    let share = |f: fn(&Measure) -> bool| measures.iter().filter(|m| f(m)).count() as f64 / count;
    let ratios: Vec<f64> = measures.iter().map(|m| m.ratio).collect();
    let mut speedups: Vec<f64> = measures.iter().map(|m| m.speedup).collect();
    speedups.sort_by(f64::total_cmp);
    let median = speedups.get(speedups.len() / 2).copied().unwrap_or(0.0);
    println!("instances = {}", measures.len());
    let sequences: usize = measures.iter().map(|m| m.oracle_work.0).sum();
    let timings: u64 = measures.iter().map(|m| m.oracle_work.1).sum();
    println!("oracle_sequences_mean = {:.0}", sequences as f64 / count);
    println!("oracle_timings_scored_mean = {:.0}", timings as f64 / count);
    println!("infeasible_skipped = {infeasible}");
    println!("planner_seconds = {:.4}", planner_time.as_secs_f64());
    println!("oracle_seconds = {:.4}", oracle_time.as_secs_f64());
    println!("score_ratio_max = {:.4}", ratios.iter().copied().fold(0.0, f64::max));
    println!("score_ratio_mean = {:.4}", ratios.iter().sum::<f64>() / count);
    println!("score_ratio_min = {:.4}", ratios.iter().copied().fold(f64::INFINITY, f64::min));
    println!("speedup = {median:.1}");
    println!("baseline_valid = {:.3}", share(|m| m.baseline_valid));
    println!("planner_valid = {}", share(|m| m.planner_valid));
    println!("planner_craft_kept = {:.3}", share(|m| m.planner_craft));
}
