//! The catalogue of methods: the built-in one embedded in the crate, a trainer's folder,
//! lookups and queries.

use crate::error::{LoadError, Problem, ProblemKind};
use crate::load::{in_parallel, parse_method, read_limited};
use crate::method::{Method, MethodId};
use crate::vocabulary::{Format, Level, Objective, Phase};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/builtin_methods.rs"));

/// The most method files a folder may hold.
pub const MAX_FILES: usize = 10_000;

/// A set of methods, in id order.
///
/// ```
/// use facilitation::{Catalogue, Phase, Query};
/// let catalogue = Catalogue::builtin();
/// assert!(catalogue.get("world-cafe").is_some());
/// let openings = catalogue.query(&Query::new().phase(Phase::Opening).participants(40));
/// assert!(openings.count() >= 3);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Catalogue {
    methods: BTreeMap<MethodId, Method>,
}

impl Catalogue {
    /// The methods of the crate's `methods/` folder, embedded at build time and parsed once.
    pub fn builtin() -> &'static Catalogue {
        static BUILTIN: OnceLock<Catalogue> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            Catalogue::builtin_uncached().unwrap_or_else(|| {
                // The crate's tests check every built-in file, so this cannot fail in a
                // release; the YAML loader says where a file is wrong.
                let yaml = BUILTIN_METHOD_FILES.iter().map(|(file, yaml, _)| (*file, *yaml));
                Catalogue::from_files(yaml)
                    .unwrap_or_else(|error| panic!("the built-in catalogue is broken: {error}"))
            })
        })
    }

    /// The built-in methods from the JSON that `build.rs` made of their YAML files; `None`
    /// when anything is off, so that the YAML loader can say what and where. The loader's
    /// rules are not checked again here: the crate's tests check that this catalogue is the
    /// one the loader reads from the YAML files, rules and all.
    ///
    /// [`Catalogue::builtin`] builds it once per process; this builds it anew each call
    /// (for benchmarks, or a tool that wants its own copy).
    pub fn builtin_uncached() -> Option<Catalogue> {
        let mut methods = BTreeMap::new();
        for (file, _, json) in BUILTIN_METHOD_FILES {
            let method: Method = serde_json::from_str(json).ok()?;
            if method.id.as_str() != crate::load::stem(file) {
                return None;
            }
            if methods.insert(method.id.clone(), method).is_some() {
                return None;
            }
        }
        Some(Catalogue { methods })
    }

    /// The built-in methods read from their YAML files by the loader, as a trainer's
    /// files are: the same catalogue as [`Catalogue::builtin`], for tests and tools that
    /// want every problem located.
    pub fn builtin_from_yaml() -> Result<Catalogue, LoadError> {
        Catalogue::from_files(BUILTIN_METHOD_FILES.iter().map(|(file, yaml, _)| (*file, *yaml)))
    }

    /// An empty catalogue.
    pub fn new() -> Self {
        Self::default()
    }

    /// Loads method files given as `(file name, contents)`. Every problem of every file is
    /// reported at once.
    pub fn from_files<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Self, LoadError> {
        let files: Vec<(&str, &str)> = files.into_iter().collect();
        // Files are parsed on several threads, then taken in their order: the problems and
        // which of two files with the same id comes first do not depend on the threads.
        let parsed = in_parallel(&files, |(file, source)| parse_method(file, source));
        let mut methods: BTreeMap<MethodId, Method> = BTreeMap::new();
        let mut origins: BTreeMap<MethodId, &str> = BTreeMap::new();
        let mut problems = Vec::new();
        for ((file, source), parsed) in files.into_iter().zip(parsed) {
            match parsed {
                Ok(method) => {
                    if let Some(first) = origins.get(&method.id) {
                        problems.push(duplicate(file, source, &method.id, first));
                    } else {
                        origins.insert(method.id.clone(), file);
                        methods.insert(method.id.clone(), method);
                    }
                }
                Err(found) => problems.extend(found),
            }
        }
        if problems.is_empty() { Ok(Catalogue { methods }) } else { Err(LoadError::Invalid(problems)) }
    }

    /// Loads every `*.yaml` and `*.yml` file of a folder (a trainer's own methods).
    pub fn from_dir(path: impl AsRef<Path>) -> Result<Self, LoadError> {
        let path = path.as_ref();
        let io = |source| LoadError::Io { path: path.to_path_buf(), source };
        let mut files = Vec::new();
        for entry in std::fs::read_dir(path).map_err(io)? {
            let entry = entry.map_err(io)?;
            let file = entry.path();
            let is_yaml = file.extension().is_some_and(|ext| ext == "yaml" || ext == "yml");
            // The folder's listing tells a regular file without asking the system again;
            // a link is followed, as `is_file` does.
            let is_file = |file: &Path| match entry.file_type() {
                Ok(kind) if !kind.is_symlink() => kind.is_file(),
                _ => file.is_file(),
            };
            if is_yaml && is_file(&file) {
                files.push(file);
            }
        }
        if files.len() > MAX_FILES {
            return Err(LoadError::TooManyFiles {
                path: path.to_path_buf(),
                count: files.len(),
                limit: MAX_FILES,
            });
        }
        // The files of one folder differ by name only: their paths' bytes sort them as
        // their components do, without splitting each path.
        files.sort_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
        let mut sources = Vec::new();
        let mut problems = Vec::new();
        let read = in_parallel(&files, |file| read_limited(file));
        for (file, read) in files.into_iter().zip(read) {
            let name = file.display().to_string();
            match read {
                Ok(Ok(source)) => sources.push((name, source)),
                Ok(Err(kind)) => {
                    problems.push(Problem { file: name, location: None, field: String::new(), kind })
                }
                Err(source) => return Err(LoadError::Io { path: file, source }),
            }
        }
        let loaded =
            Catalogue::from_files(sources.iter().map(|(name, source)| (name.as_str(), source.as_str())));
        match loaded {
            Ok(catalogue) if problems.is_empty() => Ok(catalogue),
            Ok(_) => Err(LoadError::Invalid(problems)),
            Err(LoadError::Invalid(more)) => {
                problems.extend(more);
                Err(LoadError::Invalid(problems))
            }
            Err(other) => Err(other),
        }
    }

    /// The built-in catalogue plus the methods of each folder, in order (a trainer's file
    /// whose id is built in replaces that method). Problems of every folder are reported at
    /// once.
    pub fn builtin_with_dirs<P: AsRef<Path>>(dirs: &[P]) -> Result<Self, LoadError> {
        let mut catalogue = Catalogue::builtin().clone();
        let mut problems = Vec::new();
        for dir in dirs {
            match Catalogue::from_dir(dir) {
                Ok(more) => catalogue.extend(more),
                Err(LoadError::Invalid(found)) => problems.extend(found),
                Err(other) => return Err(other),
            }
        }
        if problems.is_empty() { Ok(catalogue) } else { Err(LoadError::Invalid(problems)) }
    }

    /// Adds the methods of `other`, replacing those with the same id.
    pub fn extend(&mut self, other: Catalogue) {
        self.methods.extend(other.methods);
    }

    /// Adds or replaces one method.
    pub fn insert(&mut self, method: Method) {
        self.methods.insert(method.id.clone(), method);
    }

    /// The method with this id.
    pub fn get(&self, id: &str) -> Option<&Method> {
        self.methods.get(id)
    }

    /// Every method, in id order.
    pub fn iter(&self) -> impl Iterator<Item = &Method> {
        self.methods.values()
    }

    /// How many methods it holds.
    pub fn len(&self) -> usize {
        self.methods.len()
    }

    /// Whether it holds no method.
    pub fn is_empty(&self) -> bool {
        self.methods.is_empty()
    }

    /// The methods that match every criterion of `query`, in id order.
    pub fn query<'a>(&'a self, query: &Query) -> impl Iterator<Item = &'a Method> + use<'a> {
        let query = query.clone();
        self.iter().filter(move |method| query.matches(method))
    }
}

/// A catalogue of the given methods, a later one replacing an earlier one of the same id.
impl FromIterator<Method> for Catalogue {
    fn from_iter<I: IntoIterator<Item = Method>>(methods: I) -> Self {
        let mut catalogue = Catalogue { methods: Default::default() };
        Extend::extend(&mut catalogue, methods);
        catalogue
    }
}

/// Adds methods, each replacing the method of the same id.
impl Extend<Method> for Catalogue {
    fn extend<I: IntoIterator<Item = Method>>(&mut self, methods: I) {
        for method in methods {
            self.insert(method);
        }
    }
}

impl<'a> IntoIterator for &'a Catalogue {
    type Item = &'a Method;
    type IntoIter = std::collections::btree_map::Values<'a, MethodId, Method>;
    fn into_iter(self) -> Self::IntoIter {
        self.methods.values()
    }
}

fn duplicate(file: &str, source: &str, id: &MethodId, first: &str) -> Problem {
    Problem {
        file: file.to_string(),
        location: crate::load::locate(source, "id"),
        field: "id".to_string(),
        kind: ProblemKind::DuplicateId { id: id.to_string(), other_file: first.to_string() },
    }
}

/// Criteria to find methods: every criterion set must match.
///
/// ```
/// use facilitation::{Catalogue, Format, Objective, Query};
/// let query = Query::new().objective(Objective::Prioritize).participants(30).format(Format::Remote);
/// for method in Catalogue::builtin().query(&query) {
///     assert!(method.serves(Objective::Prioritize));
/// }
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct Query {
    /// Serves this phase.
    pub phase: Option<Phase>,
    /// Serves this objective.
    pub objective: Option<Objective>,
    /// Works with this many participants.
    pub participants: Option<u32>,
    /// Can run within this many minutes (for `participants` people when given).
    pub minutes: Option<u32>,
    /// Runs in this format.
    pub format: Option<Format>,
    /// Runnable by facilitators of this level (methods of this level or below).
    pub level: Option<Level>,
}

impl Query {
    /// A query that matches every method.
    pub fn new() -> Self {
        Self::default()
    }

    /// Keeps methods that serve `phase`.
    pub fn phase(mut self, phase: Phase) -> Self {
        self.phase = Some(phase);
        self
    }

    /// Keeps methods that serve `objective`.
    pub fn objective(mut self, objective: Objective) -> Self {
        self.objective = Some(objective);
        self
    }

    /// Keeps methods that work with `n` participants.
    pub fn participants(mut self, n: u32) -> Self {
        self.participants = Some(n);
        self
    }

    /// Keeps methods that can run within `minutes`.
    pub fn minutes(mut self, minutes: u32) -> Self {
        self.minutes = Some(minutes);
        self
    }

    /// Keeps methods that run in `format`.
    pub fn format(mut self, format: Format) -> Self {
        self.format = Some(format);
        self
    }

    /// Keeps methods that facilitators of `level` can run.
    pub fn level(mut self, level: Level) -> Self {
        self.level = Some(level);
        self
    }

    /// Whether `method` matches every criterion.
    pub fn matches(&self, method: &Method) -> bool {
        let size = self.participants.unwrap_or(0);
        self.phase.is_none_or(|phase| method.has_phase(phase))
            && self.objective.is_none_or(|objective| method.serves(objective))
            && self.participants.is_none_or(|n| method.participants.contains(n))
            && self.minutes.is_none_or(|minutes| method.minutes_for(size).min <= minutes)
            && self.format.is_none_or(|format| method.formats.contains(&format))
            && self.level.is_none_or(|level| method.level <= level)
    }
}
