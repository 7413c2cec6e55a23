//! How fast the crate answers: loading the catalogue, planning ordinary sessions and the
//! longest days, refusing, checking an agenda, and planning with catalogues of 100 to
//! 10,000 methods.
//!
//! `cargo bench` runs them; CI only builds them (`cargo bench --no-run`).

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use facilitation::{Catalogue, Fixed, Planner, Request, check};
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

/// 08:00–18:00 with lunch: the longest workshop day the planner builds.
fn ten_hours() -> Request {
    long_day("18:00")
}

/// 08:00–20:00 with lunch: the longest day the planner builds (`rules::LONGEST_SESSION`).
fn twelve_hours() -> Request {
    long_day("20:00")
}

/// A day from 08:00 to `end` for fifty people and three objectives.
fn long_day(end: &str) -> Request {
    Request::builder("Journée longue")
        .time("08:00", end)
        .participants(50)
        .facilitators(3)
        .objective("share-practices")
        .objective("generate-ideas")
        .objective("action-plan")
        .build()
        .expect("a valid request")
}

/// Five objectives in forty-five minutes: refused, with the minutes needed.
fn too_short() -> Request {
    Request::builder("Trop court")
        .time("14:00", "14:45")
        .participants(20)
        .facilitators(2)
        .objective("review")
        .objective("vision")
        .objective("prioritize")
        .objective("action-plan")
        .objective("decide")
        .build()
        .expect("a valid request")
}

/// A closing fixed 40 minutes before the end: no agenda keeps it, and the refusal says
/// where it would fit (every level of the search fails, then the starts are tried).
fn fixed_closing_too_early() -> Request {
    let closing = Fixed {
        kind: None,
        method: Some("tour-engagements".parse().expect("a method id")),
        start: Some("16:05".parse().expect("a time")),
        minutes: Some(10),
        title: None,
        who: None,
    };
    Request::builder("Atelier")
        .time("14:00", "16:45")
        .participants(31)
        .facilitators(2)
        .breakout_rooms(true)
        .objective("generate-ideas")
        .objective("action-plan")
        .objective("build-trust")
        .fixed(closing)
        .build()
        .expect("a valid request")
}

fn load(c: &mut Criterion) {
    c.bench_function("the built-in catalogue ready (embedded)", |b| {
        b.iter(|| Catalogue::builtin_uncached().expect("the built-in catalogue"))
    });
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../methods");
    c.bench_function("load and check the built-in YAML files", |b| {
        b.iter(|| Catalogue::from_dir(black_box(&dir)).expect("the built-in files load"))
    });
    let folder = trainer_folder(10_000);
    let mut group = c.benchmark_group("a trainer's folder");
    group.sample_size(10);
    group.bench_function("10,000 method files", |b| {
        b.iter(|| Catalogue::from_dir(black_box(folder.path())).expect("the files load"))
    });
    group.finish();
}

/// A temporary folder of `count` method files: copies of the built-in ones under new ids.
fn trainer_folder(count: usize) -> TempFolder {
    let folder = TempFolder::new();
    let sources: Vec<(String, String)> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../methods"))
            .expect("methods/")
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
            .map(|path| {
                let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
                (stem, std::fs::read_to_string(&path).expect("readable"))
            })
            .collect();
    for i in 0..count {
        let (stem, source) = &sources[i % sources.len()];
        let id = format!("{stem}-{i}");
        // The file's `id:` line, whatever its quoting, names the copy.
        let source: String = source
            .lines()
            .map(|line| if line.starts_with("id:") { format!("id: {id}") } else { line.to_string() })
            .collect::<Vec<_>>()
            .join("\n");
        std::fs::write(folder.path().join(format!("{id}.yaml")), source).expect("writable");
    }
    folder
}

/// A folder removed when dropped.
struct TempFolder(std::path::PathBuf);

impl TempFolder {
    fn new() -> Self {
        let path = std::env::temp_dir().join(format!("facilitation-bench-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("a temporary folder");
        TempFolder(path)
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempFolder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn plan(c: &mut Criterion) {
    let catalogue = Catalogue::builtin();
    let planner = Planner::new(catalogue);
    for (name, request) in [
        ("plan a 90-minute team meeting", team_meeting()),
        ("plan a half-day forum for 80", half_day_forum()),
        ("plan a full-day seminar with lunch", full_day_seminar()),
        ("plan a 10-hour day", ten_hours()),
        ("plan a 12-hour day", twelve_hours()),
        ("refuse a request too short for its objectives", too_short()),
        ("refuse a fixed closing that leaves no agenda", fixed_closing_too_early()),
    ] {
        c.bench_function(name, |b| b.iter(|| planner.plan(black_box(&request))));
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

// ---- Copies of built-in methods (the oracle and search-quality work, issue 11) ----
//
// Adding copies of the built-in methods under new ids to `--methods` must cost less than
// twice the planning time: the pool keeps one method of each kind, so copies never widen
// the search. Compare each `with N copies` line with its `built-in` line.

/// The built-in catalogue with `copies` copies of every method under new ids.
fn with_copies(copies: usize) -> Catalogue {
    let mut catalogue = Catalogue::builtin().clone();
    for n in 1..=copies {
        for method in Catalogue::builtin().iter() {
            let mut copy = method.clone();
            copy.id = format!("{}-copie-{n}", method.id).parse().expect("a valid id");
            // A copy of the network's own method is no method of the network (C11).
            copy.network = false;
            catalogue.insert(copy);
        }
    }
    catalogue
}

fn copies(c: &mut Criterion) {
    let catalogues =
        [("built-in", with_copies(0)), ("with 1 copy", with_copies(1)), ("with 8 copies", with_copies(8))];
    for (name, request) in [("team meeting", team_meeting()), ("full-day seminar", full_day_seminar())] {
        let mut group = c.benchmark_group(format!("plan a {name}, catalogue"));
        for (size, catalogue) in &catalogues {
            group.bench_with_input(BenchmarkId::from_parameter(size), catalogue, |b, catalogue| {
                b.iter(|| Planner::new(catalogue).plan(black_box(&request)).expect("plans"))
            });
        }
        group.finish();
    }
}

criterion_group!(copies_of_methods, copies);
criterion_main!(benches, copies_of_methods);
