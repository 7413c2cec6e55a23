//! Impact across interventions: the network's year read from a folder of result files
//! (the JSON of [`Report::to_json`]), pooled per objective, per ground rule, per method,
//! per sub-directorate, per quarter and per point of the follow-ups. A group with fewer
//! than [`BREAKDOWN_BELOW`] respondents is never shown.

use super::report::{BREAKDOWN_BELOW, Report, Summary};
use crate::vocabulary::Objective;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The largest result file read.
pub const MAX_RESULT_BYTES: u64 = 4 * 1024 * 1024;

/// The pooled figures of one group of interventions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// What the group is: an objective id, a rule, a method id, a service, a quarter.
    pub group: String,
    /// Interventions in it.
    pub interventions: usize,
    /// Respondents, added up.
    pub respondents: usize,
    /// The pooled answers; none when fewer than [`BREAKDOWN_BELOW`] people answered.
    pub summary: Option<Summary>,
    /// The pooled ROTI mean, under the same rule.
    pub roti_mean: Option<f64>,
}

/// One intervention's mean for one objective, for the small multiples.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Point {
    /// The session's date or, without one, its title.
    pub label: String,
    /// The mean of the answers to the objective's items.
    pub mean: f64,
}

/// The network's figures across interventions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Network {
    /// Participants' evaluations read.
    pub interventions: usize,
    /// Follow-ups read.
    pub follow_ups: usize,
    /// Respondents to the participants' questionnaires, added up.
    pub respondents: usize,
    /// Per objective type.
    pub objectives: Vec<Group>,
    /// Per ground rule.
    pub frame: Vec<Group>,
    /// Per method used (the objectives' answers of the interventions that used it).
    pub methods: Vec<Group>,
    /// Per requesting sub-directorate.
    pub services: Vec<Group>,
    /// Per quarter (`2027-T1`), in order.
    pub periods: Vec<Group>,
    /// Per point of the follow-ups.
    pub follow_up: Vec<Group>,
    /// Per objective, each intervention with at least [`BREAKDOWN_BELOW`] respondents.
    pub series: BTreeMap<Objective, Vec<Point>>,
}

/// A result file that cannot be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum NetworkError {
    /// The folder or a file cannot be read.
    #[error("cannot read {}: {source}; check that the path exists and is readable", .path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
    },
    /// A file is not a result file.
    #[error("{}, line {line}, column {column}: not a result file of `evaluate report --format json` ({message})", .path.display())]
    NotAResult {
        /// The file.
        path: PathBuf,
        /// Where the reading stopped.
        line: usize,
        /// Where the reading stopped.
        column: usize,
        /// The parser's words.
        message: String,
    },
    /// A file is too large to be a result file.
    #[error("{} is {bytes} bytes, more than the {limit} a result file may have", .path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
}

impl crate::text::Localize for NetworkError {
    fn text(&self, lang: crate::text::Lang) -> String {
        use crate::text::Lang;
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (NetworkError::Io { path, source }, Lang::Fr) => format!(
                "impossible de lire {} : {source} ; vérifiez que le chemin existe et peut être lu",
                path.display()
            ),
            (NetworkError::NotAResult { path, line, column, message }, Lang::Fr) => format!(
                "{}, ligne {line}, colonne {column} : ce n'est pas un fichier de résultats de `evaluate report --format json` ({message})",
                path.display()
            ),
            (NetworkError::TooLarge { path, bytes, limit }, Lang::Fr) => format!(
                "{} fait {bytes} octets, plus que les {limit} permis pour un fichier de résultats",
                path.display()
            ),
        }
    }
}

/// Reads every `*.json` file of `dir` (in name order) as a result file.
///
/// A `--register DB` would give the same list of reports from the network's register.
pub fn read_results(dir: impl AsRef<Path>) -> Result<Vec<Report>, NetworkError> {
    let dir = dir.as_ref();
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| NetworkError::Io { path, source }
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io(dir))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        // A pipe or a device named `*.json` is no result file, and reading it could hang.
        .filter(|path| std::fs::metadata(path).is_ok_and(|metadata| metadata.is_file()))
        .collect();
    paths.sort();
    let mut reports = Vec::new();
    for path in paths {
        let bytes = std::fs::metadata(&path).map_err(io(&path))?.len();
        if bytes > MAX_RESULT_BYTES {
            return Err(NetworkError::TooLarge { path, bytes, limit: MAX_RESULT_BYTES });
        }
        let mut source = String::new();
        let file = std::fs::File::open(&path).map_err(io(&path))?;
        std::io::Read::read_to_string(&mut std::io::Read::take(file, MAX_RESULT_BYTES + 1), &mut source)
            .map_err(io(&path))?;
        let report = serde_json::from_str(&source).map_err(|error| NetworkError::NotAResult {
            line: error.line(),
            column: error.column(),
            message: error.to_string(),
            path: path.clone(),
        })?;
        reports.push(report);
    }
    Ok(reports)
}

impl Network {
    /// Pools the reports: participants' evaluations and follow-ups alike.
    pub fn of(reports: &[Report]) -> Network {
        let (follow_ups, evaluations): (Vec<&Report>, Vec<&Report>) =
            reports.iter().partition(|report| !report.follow_up.is_empty());
        let objective_groups = pooled(&evaluations, |report| {
            report.objectives.iter().map(|o| (o.objective.id().to_string(), vec![&o.summary])).collect()
        });
        let overall = |key: fn(&Report) -> Vec<String>| {
            pooled(&evaluations, move |report| {
                let answers: Vec<&Summary> = report.objectives.iter().map(|o| &o.summary).collect();
                key(report).into_iter().map(|group| (group, answers.clone())).collect()
            })
        };
        Network {
            interventions: evaluations.len(),
            follow_ups: follow_ups.len(),
            respondents: evaluations.iter().map(|report| report.respondents).sum(),
            objectives: objective_groups,
            frame: pooled(&evaluations, |report| {
                report.frame.iter().map(|rule| (rule.point.clone(), vec![&rule.summary])).collect()
            }),
            methods: overall(|report| report.intervention.methods.clone()),
            services: overall(|report| report.intervention.service.iter().cloned().collect()),
            periods: sorted(overall(|report| vec![quarter(report.intervention.date.as_deref())])),
            follow_up: pooled(&follow_ups, |report| {
                report.follow_up.iter().map(|point| (point.point.clone(), vec![&point.summary])).collect()
            }),
            series: series(&evaluations),
        }
    }
}

fn sorted(mut groups: Vec<Group>) -> Vec<Group> {
    groups.sort_by(|a, b| a.group.cmp(&b.group));
    groups
}

/// `2027-T1` for a date in January to March; `sans date` without one.
fn quarter(date: Option<&str>) -> String {
    let month = date.and_then(|date| date.get(5..7)).and_then(|month| month.parse::<u32>().ok());
    match (date.and_then(|date| date.get(0..4)), month) {
        (Some(year), Some(month @ 1..=12)) => format!("{year}-T{}", month.div_ceil(3)),
        _ => "sans date".to_string(),
    }
}

/// Pools, per group, the answers each report gives to it; groups in first-seen order.
fn pooled<'a>(
    reports: &[&'a Report],
    groups: impl Fn(&'a Report) -> Vec<(String, Vec<&'a Summary>)>,
) -> Vec<Group> {
    let mut pools: Vec<(String, Pool)> = Vec::new();
    for report in reports {
        for (group, summaries) in groups(report) {
            let index = match pools.iter().position(|(name, _)| *name == group) {
                Some(index) => index,
                None => {
                    pools.push((group, Pool::default()));
                    pools.len() - 1
                }
            };
            pools[index].1.add(report, &summaries);
        }
    }
    pools.into_iter().map(|(group, pool)| pool.group(group)).collect()
}

#[derive(Default)]
struct Pool {
    interventions: usize,
    respondents: usize,
    distribution: [usize; 5],
    roti: [usize; 5],
}

impl Pool {
    fn add(&mut self, report: &Report, summaries: &[&Summary]) {
        self.interventions += 1;
        // An objective's respondents are those of the report who answered it.
        self.respondents += summaries.iter().map(|summary| summary.responses).max().unwrap_or(0);
        for summary in summaries {
            add_to(&mut self.distribution, &summary.distribution);
        }
        if let Some(roti) = &report.roti {
            add_to(&mut self.roti, &roti.distribution);
        }
    }

    fn group(self, group: String) -> Group {
        let shown = self.respondents >= BREAKDOWN_BELOW;
        let summary = shown.then(|| Summary::from_distribution(self.distribution, self.respondents));
        let roti_mean = shown.then(|| Summary::from_distribution(self.roti, self.respondents).mean).flatten();
        Group { group, interventions: self.interventions, respondents: self.respondents, summary, roti_mean }
    }
}

fn add_to(total: &mut [usize; 5], counts: &[usize; 5]) {
    total.iter_mut().zip(counts).for_each(|(total, count)| *total += count);
}

fn series(reports: &[&Report]) -> BTreeMap<Objective, Vec<Point>> {
    let mut ordered: Vec<&&Report> = reports.iter().collect();
    ordered.sort_by(|a, b| a.intervention.date.cmp(&b.intervention.date));
    let mut series: BTreeMap<Objective, Vec<Point>> = BTreeMap::new();
    for report in ordered {
        let label = report.intervention.date.clone().unwrap_or_else(|| report.intervention.title.clone());
        for result in &report.objectives {
            if let (Some(mean), true) = (result.summary.mean, result.summary.responses >= BREAKDOWN_BELOW) {
                series.entry(result.objective).or_default().push(Point { label: label.clone(), mean });
            }
        }
    }
    series
}
