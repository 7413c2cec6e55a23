//! The register: what the network decided and did, in one SQLite file (feature
//! `register`): the roster's facilitators and quotas, requests (waiting, staffed, held),
//! teams and the days each intervention costs.
//!
//! - Every write is one transaction begun `IMMEDIATE`: two coordinators confirming at
//!   once are served one after the other, and the quota is checked inside the
//!   transaction, so nobody can be pushed over it.
//! - The file is in WAL mode with full synchronisation: a process killed mid-write loses
//!   nothing that was committed and leaves nothing half-written.
//! - Schema migrations are numbered ([`MIGRATIONS`], `PRAGMA user_version`); a file
//!   written by a newer version is refused, not damaged.
//! - RGPD: the file is created readable by its owner only (0600 on Unix); it holds no
//!   contact or reason of unavailability; [`Register::erase`] removes a facilitator and
//!   anonymises their past interventions; [`Register::person`] exports all that is held
//!   about one person; [`Register::export`] and [`Register::import`] back everything up
//!   as YAML.
//!
//! ```
//! use facilitation::register::Register;
//! let dir = std::env::temp_dir().join(format!("register-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir)?;
//! let register = Register::open(dir.join("register.db"))?;
//! assert_eq!(register.report(2027)?.waiting.len(), 0);
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::agenda::{Role, TeamMember};
use crate::mobilise::{Need, Usage, days};
use crate::roster::Roster;
use crate::text::{Lang, Localize};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The schema, one migration per version (version = index + 1).
pub const MIGRATIONS: &[&str] = &[
    // 1: facilitators, quotas, requests and their teams.
    "CREATE TABLE facilitators (
         id TEXT PRIMARY KEY, name TEXT NOT NULL, subdirectorate TEXT NOT NULL, promotion INTEGER NOT NULL);
     CREATE TABLE quotas (
         facilitator TEXT NOT NULL, year INTEGER NOT NULL, quarters INTEGER NOT NULL,
         PRIMARY KEY (facilitator, year));
     CREATE TABLE requests (
         id INTEGER PRIMARY KEY, title TEXT NOT NULL, date TEXT NOT NULL DEFAULT '', year INTEGER NOT NULL,
         subdirectorate TEXT NOT NULL DEFAULT '',
         status TEXT NOT NULL CHECK (status IN ('waiting', 'staffed', 'held')), held_on TEXT,
         UNIQUE (title, date));
     CREATE TABLE assignments (
         request INTEGER NOT NULL REFERENCES requests(id), facilitator TEXT NOT NULL, role TEXT NOT NULL,
         year INTEGER NOT NULL, quarters INTEGER NOT NULL, PRIMARY KEY (request, facilitator));",
    // 2: erasures (right to erasure) and the index of the quota check.
    "CREATE TABLE erasures (id INTEGER PRIMARY KEY, pseudonym TEXT NOT NULL UNIQUE);
     CREATE INDEX assignments_by_person ON assignments (facilitator, year);",
];

/// How long a writer waits for another coordinator's transaction to end.
const BUSY_WAIT: Duration = Duration::from_secs(30);

/// What can go wrong with the register.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RegisterError {
    /// The database itself failed.
    #[error("the register's database failed: {0}")]
    Database(#[from] rusqlite::Error),
    /// The file could not be created or read.
    #[error("cannot open {}: {source}; check the folder exists and is writable", .path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
    },
    /// The file was written by a newer version of the crate.
    #[error(
        "the register is at schema version {found}, newer than this program's {known}: update the program"
    )]
    NewerSchema {
        /// The file's version.
        found: u32,
        /// The newest this program knows.
        known: u32,
    },
    /// Confirming would push a facilitator over their yearly quota.
    #[error(
        "{id} has {left} day(s) left in {year}, fewer than the {cost} this intervention costs: propose the team again"
    )]
    OverQuota {
        /// The facilitator.
        id: String,
        /// The year.
        year: u32,
        /// Days left.
        left: f64,
        /// Days the intervention costs.
        cost: f64,
    },
    /// The request already has a team.
    #[error("the request \"{title}\" (#{id}) already has a team")]
    AlreadyStaffed {
        /// Its number.
        id: i64,
        /// Its title.
        title: String,
    },
    /// No request or facilitator of that id.
    #[error("nothing in the register is called {what}")]
    NotFound {
        /// What was looked for.
        what: String,
    },
    /// An import into a register that already holds data.
    #[error("the register already holds data: import into a new file")]
    NotEmpty,
    /// An export that cannot be read back.
    #[error("the export cannot be read: {0}")]
    Export(String),
}

impl Localize for RegisterError {
    fn text(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            RegisterError::Database(error) => format!("La base du registre a échoué : {error}"),
            RegisterError::Io { path, source } => {
                format!(
                    "Impossible d'ouvrir {} : {source} ; vérifiez que le dossier existe et est accessible en écriture.",
                    path.display()
                )
            }
            RegisterError::NewerSchema { found, known } => format!(
                "Le registre est au schéma {found}, plus récent que celui de ce programme ({known}) : mettez le programme à jour."
            ),
            RegisterError::OverQuota { id, year, left, cost } => format!(
                "{id} n'a plus que {left} jour(s) en {year}, moins que les {cost} de cette intervention : relancez la proposition d'équipe."
            ),
            RegisterError::AlreadyStaffed { id, title } => {
                format!("La demande « {title} » (n° {id}) a déjà une équipe.")
            }
            RegisterError::NotFound { what } => format!("Rien ne s'appelle {what} dans le registre."),
            RegisterError::NotEmpty => {
                "Le registre contient déjà des données : importez dans un nouveau fichier.".into()
            }
            RegisterError::Export(message) => format!("L'export ne peut pas être relu : {message}"),
        }
    }
}

/// The register, open on one file.
#[derive(Debug)]
pub struct Register {
    conn: Connection,
}

impl Register {
    /// Opens the register at `path`, creating it (mode 0600 on Unix) and migrating its
    /// schema to the newest version.
    pub fn open(path: impl AsRef<Path>) -> Result<Register, RegisterError> {
        let path = path.as_ref();
        create_private(path).map_err(|source| RegisterError::Io { path: path.to_path_buf(), source })?;
        let conn = Connection::open(path)?;
        conn.busy_timeout(BUSY_WAIT)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        let mut register = Register { conn };
        register.migrate(MIGRATIONS.len())?;
        Ok(register)
    }

    /// The schema version of the file.
    pub fn version(&self) -> Result<u32, RegisterError> {
        Ok(self.conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
    }

    /// Applies the migrations after the file's version, up to `target`, each in its own
    /// transaction with the version it sets.
    fn migrate(&mut self, target: usize) -> Result<(), RegisterError> {
        let found = self.version()?;
        let known = MIGRATIONS.len() as u32;
        if found > known {
            return Err(RegisterError::NewerSchema { found, known });
        }
        for (index, sql) in MIGRATIONS.iter().enumerate().take(target).skip(found as usize) {
            let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            // Another process may have migrated while this one waited for the lock.
            let now: u32 = tx.pragma_query_value(None, "user_version", |row| row.get(0))?;
            if now as usize <= index {
                tx.execute_batch(sql)?;
                tx.pragma_update(None, "user_version", index as u32 + 1)?;
            }
            tx.commit()?;
        }
        Ok(())
    }

    /// Days used per facilitator in `year` (staffed and held interventions).
    pub fn usage(&self, year: u32) -> Result<Usage, RegisterError> {
        let mut usage = Usage::default();
        let mut query = self.conn.prepare(
            "SELECT facilitator, SUM(quarters) FROM assignments WHERE year = ?1 GROUP BY facilitator",
        )?;
        let rows = query.query_map([year], |row| Ok((row.get::<_, String>(0)?, row.get::<_, u32>(1)?)))?;
        for row in rows {
            let (id, quarters) = row?;
            usage.add(&id, quarters);
        }
        Ok(usage)
    }

    /// Records a team for a request, checking every member's quota inside the
    /// transaction; returns the request's number. The roster is recorded too (names,
    /// sub-directorates, quotas of its year), for the year's report.
    pub fn confirm(
        &mut self,
        roster: &Roster,
        need: &Need,
        team: &[TeamMember],
    ) -> Result<i64, RegisterError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        sync_roster(&tx, roster)?;
        let request = upsert_request(&tx, need, "staffed")?;
        for member in team {
            let used: u32 = tx.query_row(
                "SELECT COALESCE(SUM(quarters), 0) FROM assignments WHERE facilitator = ?1 AND year = ?2",
                params![member.id, need.year],
                |row| row.get(0),
            )?;
            let quota: u32 = tx
                .query_row(
                    "SELECT quarters FROM quotas WHERE facilitator = ?1 AND year = ?2",
                    params![member.id, need.year],
                    |row| row.get(0),
                )
                .optional()?
                .ok_or_else(|| RegisterError::NotFound { what: member.id.clone() })?;
            if used + need.cost > quota {
                let left = days(quota.saturating_sub(used));
                return Err(RegisterError::OverQuota {
                    id: member.id.clone(),
                    year: need.year,
                    left,
                    cost: days(need.cost),
                });
            }
            tx.execute(
                "INSERT INTO assignments (request, facilitator, role, year, quarters) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![request, member.id, role_id(member.role), need.year, need.cost],
            )?;
        }
        tx.commit()?;
        Ok(request)
    }

    /// Records a request no team could be found for, as waiting; returns its number.
    pub fn wait(&mut self, roster: &Roster, need: &Need) -> Result<i64, RegisterError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        sync_roster(&tx, roster)?;
        let request = upsert_request(&tx, need, "waiting")?;
        tx.commit()?;
        Ok(request)
    }

    /// Records that the intervention of a staffed request took place on `date`.
    pub fn held(&mut self, request: i64, date: &str) -> Result<(), RegisterError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let changed = tx.execute(
            "UPDATE requests SET status = 'held', held_on = ?2 WHERE id = ?1 AND status IN ('staffed', 'held')",
            params![request, date],
        )?;
        if changed == 0 {
            return Err(RegisterError::NotFound { what: format!("#{request} (staffed)") });
        }
        tx.commit()?;
        Ok(())
    }

    /// The network's year: days per facilitator, interventions per sub-directorate,
    /// requests waiting.
    pub fn report(&self, year: u32) -> Result<YearReport, RegisterError> {
        let usage = self.usage(year)?;
        let mut query = self.conn.prepare(
            "SELECT f.id, f.name, f.subdirectorate, q.quarters,
                    (SELECT COUNT(*) FROM assignments a WHERE a.facilitator = f.id AND a.year = q.year)
             FROM facilitators f JOIN quotas q ON q.facilitator = f.id WHERE q.year = ?1 ORDER BY f.id",
        )?;
        let facilitators = query
            .query_map([year], |row| {
                let (id, quota): (String, u32) = (row.get(0)?, row.get(3)?);
                let used = usage.quarters(&id);
                Ok(FacilitatorYear {
                    name: row.get(1)?,
                    subdirectorate: row.get(2)?,
                    days: days(quota),
                    days_used: days(used),
                    days_left: days(quota.saturating_sub(used)),
                    interventions: row.get(4)?,
                    id,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut query = self.conn.prepare(
            "SELECT subdirectorate, SUM(status = 'staffed'), SUM(status = 'held') FROM requests
             WHERE year = ?1 AND status != 'waiting' GROUP BY subdirectorate ORDER BY subdirectorate",
        )?;
        let subdirectorates = query
            .query_map([year], |row| {
                Ok(SubdirectorateYear {
                    subdirectorate: row.get(0)?,
                    staffed: row.get(1)?,
                    held: row.get(2)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut query = self.conn.prepare(
            "SELECT id, title, date, subdirectorate FROM requests WHERE year = ?1 AND status = 'waiting' ORDER BY date, id",
        )?;
        let waiting = query
            .query_map([year], |row| {
                Ok(Waiting {
                    id: row.get(0)?,
                    title: row.get(1)?,
                    date: row.get(2)?,
                    subdirectorate: row.get(3)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(YearReport { year, facilitators, subdirectorates, waiting })
    }

    /// Erases a facilitator (right to erasure): their name, sub-directorate, promotion and
    /// quotas go; their past interventions stay, under a pseudonym that says nothing
    /// about them. Returns the pseudonym.
    pub fn erase(&mut self, id: &str) -> Result<String, RegisterError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let known: bool =
            tx.query_row("SELECT COUNT(*) > 0 FROM facilitators WHERE id = ?1", [id], |row| row.get(0))?;
        if !known {
            return Err(RegisterError::NotFound { what: id.to_string() });
        }
        let number: i64 =
            tx.query_row("SELECT COALESCE(MAX(id), 0) + 1 FROM erasures", [], |row| row.get(0))?;
        let pseudonym = format!("anonyme-{number}");
        tx.execute("INSERT INTO erasures (id, pseudonym) VALUES (?1, ?2)", params![number, pseudonym])?;
        tx.execute("UPDATE assignments SET facilitator = ?2 WHERE facilitator = ?1", params![id, pseudonym])?;
        tx.execute("DELETE FROM quotas WHERE facilitator = ?1", [id])?;
        tx.execute("DELETE FROM facilitators WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(pseudonym)
    }

    /// Everything the register holds about one facilitator (right of access).
    pub fn person(&self, id: &str) -> Result<Person, RegisterError> {
        let export = self.export()?;
        let facilitator = export.facilitators.into_iter().find(|f| f.id == id);
        let Some(facilitator) = facilitator else {
            return Err(RegisterError::NotFound { what: id.to_string() });
        };
        let quotas = export.quotas.into_iter().filter(|q| q.facilitator == id).collect();
        let assignments: Vec<AssignmentRow> =
            export.assignments.into_iter().filter(|a| a.facilitator == id).collect();
        let requests =
            export.requests.into_iter().filter(|r| assignments.iter().any(|a| a.request == r.id)).collect();
        Ok(Person { facilitator, quotas, assignments, requests })
    }

    /// Everything in the register, to back it up as YAML.
    pub fn export(&self) -> Result<Export, RegisterError> {
        let facilitators =
            self.rows("SELECT id, name, subdirectorate, promotion FROM facilitators ORDER BY id", |row| {
                Ok(FacilitatorRow {
                    id: row.get(0)?,
                    name: row.get(1)?,
                    subdirectorate: row.get(2)?,
                    promotion: row.get(3)?,
                })
            })?;
        let quotas = self
            .rows("SELECT facilitator, year, quarters FROM quotas ORDER BY facilitator, year", |row| {
                Ok(QuotaRow { facilitator: row.get(0)?, year: row.get(1)?, quarters: row.get(2)? })
            })?;
        let requests = self.rows(
            "SELECT id, title, date, year, subdirectorate, status, held_on FROM requests ORDER BY id",
            |row| {
                Ok(RequestRow {
                    id: row.get(0)?,
                    title: row.get(1)?,
                    date: row.get(2)?,
                    year: row.get(3)?,
                    subdirectorate: row.get(4)?,
                    status: row.get(5)?,
                    held_on: row.get(6)?,
                })
            },
        )?;
        let assignments = self.rows(
            "SELECT request, facilitator, role, year, quarters FROM assignments ORDER BY request, facilitator",
            |row| {
                Ok(AssignmentRow {
                    request: row.get(0)?,
                    facilitator: row.get(1)?,
                    role: row.get(2)?,
                    year: row.get(3)?,
                    quarters: row.get(4)?,
                })
            },
        )?;
        let erasures = self.rows("SELECT pseudonym FROM erasures ORDER BY id", |row| row.get(0))?;
        Ok(Export { version: self.version()?, facilitators, quotas, requests, assignments, erasures })
    }

    /// Restores an export into this register, which must be empty; all or nothing.
    pub fn import(&mut self, export: &Export) -> Result<(), RegisterError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let used: i64 = tx.query_row(
            "SELECT (SELECT COUNT(*) FROM facilitators) + (SELECT COUNT(*) FROM requests)",
            [],
            |row| row.get(0),
        )?;
        if used > 0 {
            return Err(RegisterError::NotEmpty);
        }
        for f in &export.facilitators {
            tx.execute(
                "INSERT INTO facilitators VALUES (?1, ?2, ?3, ?4)",
                params![f.id, f.name, f.subdirectorate, f.promotion],
            )?;
        }
        for q in &export.quotas {
            tx.execute("INSERT INTO quotas VALUES (?1, ?2, ?3)", params![q.facilitator, q.year, q.quarters])?;
        }
        for r in &export.requests {
            tx.execute(
                "INSERT INTO requests (id, title, date, year, subdirectorate, status, held_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![r.id, r.title, r.date, r.year, r.subdirectorate, r.status, r.held_on],
            )?;
        }
        for a in &export.assignments {
            tx.execute(
                "INSERT INTO assignments VALUES (?1, ?2, ?3, ?4, ?5)",
                params![a.request, a.facilitator, a.role, a.year, a.quarters],
            )?;
        }
        for (i, pseudonym) in export.erasures.iter().enumerate() {
            tx.execute(
                "INSERT INTO erasures (id, pseudonym) VALUES (?1, ?2)",
                params![i as i64 + 1, pseudonym],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    fn rows<T>(
        &self,
        sql: &str,
        read: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, RegisterError> {
        let mut query = self.conn.prepare(sql)?;
        let rows = query.query_map([], read)?.collect::<Result<Vec<T>, _>>()?;
        Ok(rows)
    }
}

/// Creates the file readable and writable by its owner only, when it does not exist.
fn create_private(path: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(error) => Err(error),
    }
}

fn sync_roster(tx: &rusqlite::Transaction<'_>, roster: &Roster) -> Result<(), RegisterError> {
    for f in &roster.facilitators {
        tx.execute(
            "INSERT INTO facilitators VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (id) DO UPDATE SET name = ?2, subdirectorate = ?3, promotion = ?4",
            params![f.id, f.name, f.subdirectorate().unwrap_or_default(), f.promotion],
        )?;
        tx.execute(
            "INSERT INTO quotas VALUES (?1, ?2, ?3) ON CONFLICT (facilitator, year) DO UPDATE SET quarters = ?3",
            params![f.id, roster.year, f.quota_quarters()],
        )?;
    }
    Ok(())
}

/// Finds or records the request; a request that already has a team is refused.
fn upsert_request(tx: &rusqlite::Transaction<'_>, need: &Need, status: &str) -> Result<i64, RegisterError> {
    let date = need.date.clone().unwrap_or_default();
    let found: Option<(i64, String)> = tx
        .query_row(
            "SELECT id, status FROM requests WHERE title = ?1 AND date = ?2",
            params![need.title, date],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    match found {
        Some((id, old)) if old != "waiting" => {
            Err(RegisterError::AlreadyStaffed { id, title: need.title.clone() })
        }
        Some((id, _)) => {
            tx.execute("UPDATE requests SET status = ?2 WHERE id = ?1", params![id, status])?;
            Ok(id)
        }
        None => {
            tx.execute(
                "INSERT INTO requests (title, date, year, subdirectorate, status) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![need.title, date, need.year, need.subdirectorate.clone().unwrap_or_default(), status],
            )?;
            Ok(tx.last_insert_rowid())
        }
    }
}

/// The kebab-case id of a role, as in agenda files.
fn role_id(role: Role) -> &'static str {
    match role {
        Role::Lead => "lead",
        Role::CoFacilitator => "co-facilitator",
        Role::TimeKeeper => "time-keeper",
        Role::RemoteHost => "remote-host",
    }
}

/// One facilitator's year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FacilitatorYear {
    /// Their id.
    pub id: String,
    /// Their name.
    pub name: String,
    /// Their sub-directorate's id.
    pub subdirectorate: String,
    /// Their quota.
    pub days: f64,
    /// Days used (staffed and held interventions).
    pub days_used: f64,
    /// Days left.
    pub days_left: f64,
    /// Interventions they were part of.
    pub interventions: u32,
}

/// Interventions in one sub-directorate (the requester's).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubdirectorateYear {
    /// The sub-directorate's id (empty when the request named none).
    pub subdirectorate: String,
    /// Interventions with a team, not yet held.
    pub staffed: u32,
    /// Interventions held.
    pub held: u32,
}

/// A request waiting for a team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Waiting {
    /// Its number.
    pub id: i64,
    /// Its title.
    pub title: String,
    /// Its date (empty when unknown).
    pub date: String,
    /// The requester's sub-directorate.
    pub subdirectorate: String,
}

/// The network's year (`register report`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct YearReport {
    /// The year.
    pub year: u32,
    /// Days used and left per facilitator.
    pub facilitators: Vec<FacilitatorYear>,
    /// Interventions per sub-directorate.
    pub subdirectorates: Vec<SubdirectorateYear>,
    /// Requests waiting for a team.
    pub waiting: Vec<Waiting>,
}

/// A facilitator as the register holds them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacilitatorRow {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Sub-directorate id.
    pub subdirectorate: String,
    /// Promotion.
    pub promotion: u32,
}

/// A yearly quota, in quarter days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuotaRow {
    /// Facilitator id.
    pub facilitator: String,
    /// Year.
    pub year: u32,
    /// Quarter days.
    pub quarters: u32,
}

/// A request as the register holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestRow {
    /// Number.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Date (empty when unknown).
    pub date: String,
    /// Year whose days it uses.
    pub year: u32,
    /// Requester's sub-directorate id.
    pub subdirectorate: String,
    /// `waiting`, `staffed` or `held`.
    pub status: String,
    /// When it was held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_on: Option<String>,
}

/// One member of one request's team, and what it cost them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignmentRow {
    /// Request number.
    pub request: i64,
    /// Facilitator id (or pseudonym after erasure).
    pub facilitator: String,
    /// Role id (`lead`, `co-facilitator`...).
    pub role: String,
    /// Year.
    pub year: u32,
    /// Quarter days.
    pub quarters: u32,
}

/// Everything in the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Export {
    /// Schema version it was written at.
    pub version: u32,
    /// Facilitators.
    pub facilitators: Vec<FacilitatorRow>,
    /// Quotas.
    pub quotas: Vec<QuotaRow>,
    /// Requests.
    pub requests: Vec<RequestRow>,
    /// Team members.
    pub assignments: Vec<AssignmentRow>,
    /// Pseudonyms of erased facilitators.
    pub erasures: Vec<String>,
}

impl Export {
    /// Reads an export written by [`Export::to_yaml`].
    pub fn from_yaml(source: &str) -> Result<Export, RegisterError> {
        serde_yaml::from_str(source).map_err(|error| RegisterError::Export(error.to_string()))
    }

    /// Writes the export as YAML.
    pub fn to_yaml(&self) -> String {
        serde_yaml::to_string(self).unwrap_or_default()
    }
}

/// Everything held about one facilitator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Who they are in the register.
    pub facilitator: FacilitatorRow,
    /// Their quotas.
    pub quotas: Vec<QuotaRow>,
    /// Their interventions.
    pub assignments: Vec<AssignmentRow>,
    /// The requests they were part of.
    pub requests: Vec<RequestRow>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_one_file_is_migrated_without_losing_its_rows() {
        let dir = std::env::temp_dir().join(format!("register-migrate-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("v1.db");
        let _ = std::fs::remove_file(&path);
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(MIGRATIONS[0]).unwrap();
            conn.pragma_update(None, "user_version", 1).unwrap();
            conn.execute("INSERT INTO facilitators VALUES ('f01', 'Ilan', 'sante', 2023)", []).unwrap();
        }
        let register = Register::open(&path).unwrap();
        assert_eq!(register.version().unwrap(), MIGRATIONS.len() as u32);
        assert_eq!(register.export().unwrap().facilitators.len(), 1);
        drop(register);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_file_from_a_newer_version_is_refused() {
        let dir = std::env::temp_dir().join(format!("register-newer-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("new.db");
        let _ = std::fs::remove_file(&path);
        Connection::open(&path).unwrap().pragma_update(None, "user_version", 99).unwrap();
        assert!(matches!(Register::open(&path), Err(RegisterError::NewerSchema { found: 99, .. })));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
