//! How fast the crate answers: loading the catalogue, planning three ordinary sessions,
//! checking an agenda, and planning with catalogues of 100 to 10,000 methods.
//!
//! `cargo bench` runs them; CI only builds them (`cargo bench --no-run`).

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use facilitation::{Catalogue, Planner, Request, check};
use std::hint::black_box;
use std::path::Path;

/// A 90-minute team meeting on irritants, for 12 agents and one facilitator.
fn team_meeting() -> Request {
    Request::builder("Réunion d'équipe : les irritants du quotidien")
        .time("14:00", "15:30")
        .participants(12)
        .facilitators(1)
        .objective("resolve-irritants")
        .objective("action-plan")
        .build()
        .expect("a valid request")
}

/// A half-day forum for 80 agents and partners, with three facilitators.
fn half_day_forum() -> Request {
    Request::builder("Forum partenarial")
        .time("09:00", "12:30")
        .participants(80)
        .facilitators(3)
        .objective("share-practices")
        .objective("network-partners")
        .objective("generate-ideas")
        .build()
        .expect("a valid request")
}

/// A full-day seminar with lunch, for 40 people and two facilitators.
fn full_day_seminar() -> Request {
    Request::builder("Séminaire de service")
        .time("09:30", "16:30")
        .participants(40)
        .facilitators(2)
        .objective("vision")
        .objective("prioritize")
        .objective("action-plan")
        .build()
        .expect("a valid request")
}

/// `size` methods made from the built-in ones with new ids and shifted figures, so that
/// none is a copy of another.
fn synthetic_catalogue(size: usize) -> Catalogue {
    let builtin: Vec<_> = Catalogue::builtin().iter().collect();
    let mut catalogue = Catalogue::default();
    for i in 0..size {
        let mut method = builtin[i % builtin.len()].clone();
        method.id = format!("{}-{i}", method.id).parse().expect("a valid id");
        let shift = (i % 5) as u32 * 5;
        let d = &mut method.duration;
        d.typical = (d.typical + shift).min(d.max);
        d.min = d.min.min(d.typical);
        catalogue.insert(method);
    }
    catalogue
}

fn load(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("methods");
    c.bench_function("load the built-in catalogue (66 files)", |b| {
        b.iter(|| Catalogue::from_dir(black_box(&dir)).expect("the built-in files load"))
    });
}

fn plan(c: &mut Criterion) {
    let catalogue = Catalogue::builtin();
    let planner = Planner::new(catalogue);
    for (name, request) in [
        ("plan a 90-minute team meeting", team_meeting()),
        ("plan a half-day forum for 80", half_day_forum()),
        ("plan a full-day seminar with lunch", full_day_seminar()),
    ] {
        c.bench_function(name, |b| b.iter(|| planner.plan(black_box(&request)).expect("plans")));
    }
}

fn check_agenda(c: &mut Criterion) {
    let catalogue = Catalogue::builtin();
    let request = full_day_seminar();
    let agenda = Planner::new(catalogue).plan(&request).expect("plans").agenda;
    c.bench_function("check a full-day agenda", |b| {
        b.iter(|| check(black_box(&agenda), &request, catalogue))
    });
}

fn scaling(c: &mut Criterion) {
    let request = half_day_forum();
    let mut group = c.benchmark_group("plan a half-day forum, catalogue of");
    for size in [100, 1_000, 10_000] {
        let catalogue = synthetic_catalogue(size);
        group.throughput(Throughput::Elements(size as u64));
        group.bench_with_input(BenchmarkId::from_parameter(size), &catalogue, |b, catalogue| {
            b.iter(|| Planner::new(catalogue).plan(black_box(&request)).expect("plans"))
        });
    }
    group.finish();
}

criterion_group!(benches, load, plan, check_agenda, scaling);
criterion_main!(benches);
