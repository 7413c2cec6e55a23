//! The register: quotas hold under concurrent processes, a killed process loses nothing,
//! backups round-trip, RGPD rights, and the year's report adds up.

use facilitation::mobilise::{Allocator, Need, Usage};
use facilitation::register::{Export, Register, RegisterError};
use facilitation::roster::Roster;
use facilitation::{Format, Request, Requester, Role, TeamMember};
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};

const ROSTER: &str = include_str!("../examples/rosters/reseau-2027.yaml");
/// Set in a child process: what it must do (`confirm` or `write`) and on which file.
const CHILD: &str = "FACILITATION_REGISTER_CHILD";

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("facilitation-register-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("register.db")
}

fn roster() -> Roster {
    Roster::from_yaml("reseau-2027.yaml", ROSTER).unwrap()
}

fn need(title: &str, date: &str, service: &str, size: u32, format: Format, minutes: u32) -> Need {
    let mut request = Request::builder(title)
        .start_for("09:30", minutes)
        .date(date)
        .participants(20)
        .facilitators(size)
        .format(format)
        .objective("review")
        .build()
        .unwrap();
    request.requester = Some(Requester { name: String::new(), service: service.into() });
    Need::from_request(&request, 2027).unwrap()
}

fn solo(id: &str) -> Vec<TeamMember> {
    vec![TeamMember { id: id.into(), name: String::new(), role: Role::Lead }]
}

/// Runs this test binary again as a child doing `task`; the parent reads its stdout (the
/// harness may print `test child_process_entry ... ` before the first line).
fn child(task: &str, db: &std::path::Path) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["child_process_entry", "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD, format!("{task}|{}", db.display()))
        .stdout(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Not a test of its own: the body of the child processes of the tests below (it does
/// nothing unless started by them).
#[test]
fn child_process_entry() {
    let Ok(order) = std::env::var(CHILD) else { return };
    let (task, db) = order.split_once('|').unwrap();
    let roster = roster();
    let mut register = Register::open(db).unwrap();
    let pid = std::process::id();
    match task {
        "confirm" => {
            for i in 0..6 {
                let need =
                    need(&format!("Atelier {pid}-{i}"), "2027-05-04", "autonomie", 1, Format::Onsite, 180);
                match register.confirm(&roster, &need, &solo("f02")) {
                    Ok(_) => println!("confirmed"),
                    Err(RegisterError::OverQuota { .. }) => println!("refused"),
                    Err(other) => panic!("{other}"),
                }
            }
        }
        _ => {
            for i in 0.. {
                let id = format!("f{:02}", 2 + i % 40);
                let need = need(&format!("Écriture {i}"), "2027-06-10", "autonomie", 1, Format::Onsite, 60);
                match register.confirm(&roster, &need, &solo(&id)) {
                    Ok(_) | Err(RegisterError::OverQuota { .. }) => println!("committed {i}"),
                    Err(other) => panic!("{other}"),
                }
            }
        }
    }
}

#[test]
fn coordinators_confirming_at_once_never_push_anyone_over_quota() {
    let db = scratch("concurrent");
    drop(Register::open(&db).unwrap());
    let children: Vec<_> = (0..4).map(|_| child("confirm", &db)).collect();
    let mut confirmed = 0;
    for mut process in children {
        let out = BufReader::new(process.stdout.take().unwrap());
        confirmed += out.lines().map_while(Result::ok).filter(|line| line.ends_with("confirmed")).count();
        assert!(process.wait().unwrap().success());
    }
    // f02 has 6 days; a half-day workshop costs 0.75: exactly 8 of the 24 attempts fit.
    let register = Register::open(&db).unwrap();
    assert_eq!(register.usage(2027).unwrap().quarters("f02"), 24);
    assert_eq!(confirmed, 8);
}

#[test]
fn a_process_killed_mid_write_loses_no_committed_intervention() {
    let db = scratch("crash");
    drop(Register::open(&db).unwrap());
    let mut process = child("write", &db);
    let out = BufReader::new(process.stdout.take().unwrap());
    let mut last = None;
    for line in out.lines().map_while(Result::ok) {
        if let Some(n) = line.split("committed ").nth(1) {
            last = n.parse::<usize>().ok();
            if last >= Some(30) {
                process.kill().unwrap();
                break;
            }
        }
    }
    process.wait().unwrap();
    let register = Register::open(&db).unwrap();
    let export = register.export().unwrap();
    let committed = last.unwrap() + 1;
    assert!(export.requests.len() >= committed, "{} < {committed}", export.requests.len());
    // All or nothing: every staffed request has its member.
    let staffed = export.requests.iter().filter(|r| r.status == "staffed").count();
    assert_eq!(staffed, export.assignments.len());
}

#[test]
fn an_export_imports_back_into_an_identical_register() {
    let db = scratch("export");
    let mut register = Register::open(&db).unwrap();
    let roster = roster();
    let first = need("Forum", "2027-03-18", "insertion", 1, Format::Onsite, 180);
    let number = register.confirm(&roster, &first, &solo("f01")).unwrap();
    register.held(number, "2027-03-18").unwrap();
    register.wait(&roster, &need("Séminaire", "2027-09-02", "sante", 2, Format::Onsite, 420)).unwrap();
    register.erase("f45").unwrap();
    let export = register.export().unwrap();
    let copy = scratch("import");
    let mut restored = Register::open(&copy).unwrap();
    restored.import(&Export::from_yaml(&export.to_yaml()).unwrap()).unwrap();
    assert_eq!(restored.export().unwrap(), export);
    assert!(matches!(restored.import(&export), Err(RegisterError::NotEmpty)));
}

#[test]
fn an_erased_facilitator_leaves_anonymous_interventions_and_nothing_else() {
    let db = scratch("erase");
    let mut register = Register::open(&db).unwrap();
    let roster = roster();
    let forum = need("Forum", "2027-03-18", "insertion", 1, Format::Onsite, 180);
    register.confirm(&roster, &forum, &solo("f07")).unwrap();
    let person = register.person("f07").unwrap();
    assert_eq!((person.facilitator.name.as_str(), person.assignments.len()), ("Gwenola", 1));
    let pseudonym = register.erase("f07").unwrap();
    let yaml = register.export().unwrap().to_yaml();
    assert!(!yaml.contains("Gwenola") && !yaml.contains("f07"), "{yaml}");
    assert!(yaml.contains(&pseudonym));
    assert_eq!(register.report(2027).unwrap().subdirectorates[0].staffed, 1);
    assert!(matches!(register.person("f07"), Err(RegisterError::NotFound { .. })));
}

#[cfg(unix)]
#[test]
fn the_register_file_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let db = scratch("mode");
    drop(Register::open(&db).unwrap());
    assert_eq!(std::fs::metadata(&db).unwrap().permissions().mode() & 0o777, 0o600);
}

#[test]
fn a_year_of_80_requests_keeps_every_hard_rule_and_the_report_adds_up() {
    let db = scratch("year");
    let mut register = Register::open(&db).unwrap();
    let roster = roster();
    let services = ["autonomie", "enfance", "insertion", "sante", "ressources", "pilotage"];
    let formats = [Format::Onsite, Format::Onsite, Format::Remote, Format::Hybrid];
    let mut expected = Usage::default();
    let mut staffed = 0;
    for i in 0..80u32 {
        let date = format!("2027-{:02}-{:02}", 1 + i % 12, 1 + (i * 7) % 28);
        let minutes = [120, 180, 420][(i % 3) as usize];
        let need = need(
            &format!("Demande {i}"),
            &date,
            services[(i % 6) as usize],
            1 + i % 3,
            formats[(i % 4) as usize],
            minutes,
        );
        let usage = register.usage(2027).unwrap();
        assert_eq!(usage, expected);
        match Allocator::new(&roster, &usage, &need).allocate() {
            Ok(allocation) => {
                for member in &allocation.team {
                    let f = roster.get(&member.id).unwrap();
                    assert!(usage.quarters(&f.id) + need.cost <= f.quota_quarters(), "quota of {}", f.id);
                    assert_ne!(f.subdirectorate(), need.subdirectorate.as_deref(), "transversality");
                    assert!(f.available_on(&date) && f.formats.contains(&need.format));
                    expected.add(&f.id, need.cost);
                }
                register.confirm(&roster, &need, &allocation.team).unwrap();
                staffed += 1;
            }
            Err(_) => {
                register.wait(&roster, &need).unwrap();
            }
        }
    }
    let report = register.report(2027).unwrap();
    assert_eq!(report.facilitators.len(), 45);
    for line in &report.facilitators {
        let quota = roster.get(&line.id).unwrap().days;
        assert_eq!(line.days_used, f64::from(expected.quarters(&line.id)) / 4.0);
        assert_eq!(line.days_used + line.days_left, quota);
    }
    let counted: u32 = report.subdirectorates.iter().map(|s| s.staffed + s.held).sum();
    assert_eq!(counted, staffed);
    assert_eq!(report.waiting.len(), 80 - staffed as usize);
    assert!(staffed > 40, "only {staffed} of 80 requests staffed");
}
