//! Reading method files: YAML to [`Method`], then the rules of the [design notes](crate::design) ("Rules, checked
//! when a catalogue loads"), each broken rule reported as a [`Problem`] that names the file,
//! the line and the field.

use crate::error::{Location, Problem, ProblemKind};
use crate::method::{Frame, Method, MethodId, Plenary, Shape, Step};
use crate::text::Text;
use std::collections::HashSet;
use std::fmt::Display;

mod nodes;
mod subset;

/// The largest method file the loader reads: a real one is under 20 KiB.
pub const MAX_FILE_BYTES: u64 = 256 * 1024;

/// Parses and checks one method file. `file` is the name used in problems
/// (`methods/world-cafe.yaml`); the id must equal its stem.
pub(crate) fn parse_method(file: &str, source: &str) -> Result<Method, Vec<Problem>> {
    let report = |field: &str, kind: ProblemKind| Problem {
        file: file.to_string(),
        location: locate(source, field),
        field: field.to_string(),
        kind,
    };
    let method: Method = read_yaml(file, source).map_err(|problem| vec![problem])?;
    let problems: Vec<Problem> =
        rule_problems(&method, stem(file)).into_iter().map(|(field, kind)| report(&field, kind)).collect();
    if problems.is_empty() { Ok(method) } else { Err(problems) }
}

/// The most threads that read and parse a folder's files.
const MAX_READERS: usize = 8;

/// Below this many files, one thread reads them: starting others would cost more.
const PARALLEL_FROM: usize = 32;

/// `f` applied to every item, on up to [`MAX_READERS`] threads (as many as the machine
/// runs at once), each taking a run of consecutive items; the results come in the items'
/// order whatever thread finishes first. A thread the system refuses to start leaves its
/// run to the calling one.
pub(crate) fn in_parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    // Asking the system reads cgroup files each time: once per process is enough.
    static THREADS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let threads =
        *THREADS.get_or_init(|| std::thread::available_parallelism().map_or(1, usize::from).min(MAX_READERS));
    if threads < 2 || items.len() < PARALLEL_FROM {
        return items.iter().map(&f).collect();
    }
    let f = &f;
    let run = move |chunk: &[T]| chunk.iter().map(f).collect::<Vec<R>>();
    std::thread::scope(|scope| {
        let started: Vec<_> = items
            .chunks(items.len().div_ceil(threads))
            .map(|chunk| (chunk, std::thread::Builder::new().spawn_scoped(scope, move || run(chunk))))
            .collect();
        let mut results = Vec::with_capacity(items.len());
        for (chunk, thread) in started {
            match thread.map(|thread| thread.join()) {
                Ok(Ok(done)) => results.extend(done),
                // A panic on a thread goes on on the caller's, as without threads.
                Ok(Err(panic)) => std::panic::resume_unwind(panic),
                Err(_) => results.extend(run(chunk)),
            }
        }
        results
    })
}

/// Reads a text file of at most [`MAX_FILE_BYTES`]: the outer error when the system cannot
/// read it, the inner one when it cannot be one of the crate's files (not a regular file,
/// too large, not UTF-8). The size is checked before reading and the read is bounded, so
/// a FIFO, a device or a huge file never hangs or fills memory. A UTF-8 byte-order mark
/// is dropped.
pub(crate) fn read_limited(file: &std::path::Path) -> std::io::Result<Result<String, ProblemKind>> {
    use std::io::Read;
    let metadata = std::fs::metadata(file)?;
    if !metadata.is_file() {
        return Ok(Err(ProblemKind::NotAFile));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Ok(Err(ProblemKind::TooLarge { bytes: metadata.len(), limit: MAX_FILE_BYTES }));
    }
    // Room for the whole file and one byte more: one read fills it, the next finds the
    // end, where growing from empty would take a dozen reads.
    let mut raw = Vec::with_capacity(usize::try_from(metadata.len()).map_or(0, |len| len.saturating_add(1)));
    std::fs::File::open(file)?.take(MAX_FILE_BYTES + 1).read_to_end(&mut raw)?;
    if raw.len() as u64 > MAX_FILE_BYTES {
        return Ok(Err(ProblemKind::TooLarge { bytes: raw.len() as u64, limit: MAX_FILE_BYTES }));
    }
    let text = String::from_utf8(raw).map_err(|_| ProblemKind::NotText);
    Ok(text.map(|text| text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text)))
}

/// Reads a file with [`read_limited`], each failure as the caller's error type.
pub(crate) fn read_source<E>(
    path: &std::path::Path,
    io: impl FnOnce(std::io::Error) -> E,
    invalid: impl FnOnce(Problem) -> E,
) -> Result<String, E> {
    match read_limited(path) {
        Ok(Ok(source)) => Ok(source),
        Ok(Err(kind)) => Err(invalid(Problem {
            file: path.display().to_string(),
            location: None,
            field: String::new(),
            kind,
        })),
        Err(source) => Err(io(source)),
    }
}

/// Reads any of the crate's YAML inputs (method, request, agenda), turning the parser's
/// error into a located [`Problem`]. JSON is read too, being YAML. The source is first
/// held to the [limits](crate::limits), so no input costs more than a bounded time and
/// memory.
pub(crate) fn read_yaml<T: serde::de::DeserializeOwned>(file: &str, source: &str) -> Result<T, Problem> {
    let whole = |location: Option<Location>, kind: ProblemKind| Problem {
        file: file.to_string(),
        location,
        field: String::new(),
        kind,
    };
    if source.len() as u64 > MAX_FILE_BYTES {
        let kind = ProblemKind::TooLarge { bytes: source.len() as u64, limit: MAX_FILE_BYTES };
        return Err(whole(None, kind));
    }
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    // A file the subset reads is within the limits (no alias, anchor or tag where the scan
    // looks for one, nesting bounded) and no JSON, whose surrogates would need joining.
    if let Some(value) = subset::read(source).and_then(|node| nodes::from_node(&node)) {
        return Ok(value);
    }
    crate::limits::scan(source).map_err(|(location, kind)| whole(Some(location), kind))?;
    let source = &join_surrogates(source);
    // The full parser, and only on an error the path tracker, which costs as much again.
    serde_yaml::from_str(source).or_else(|_| {
        let deserializer = serde_yaml::Deserializer::from_str(source);
        serde_path_to_error::deserialize(deserializer)
            .map_err(|error| from_yaml(file, source, &field_path(error.path()), error.inner()))
    })
}

/// The field path as the problems write it (`slots[1].start`), from the path the
/// deserializer tracked: no reading of the YAML crate's wording, which may change.
fn field_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Unknown => break,
        }
    }
    out
}

/// JSON writes a character beyond the first plane as two escapes (`"\ud83d\ude00"`), which
/// YAML refuses: in a JSON document, where every escape is inside a string, each such pair
/// becomes the one escape YAML reads (`\U0001f600`).
fn join_surrogates(source: &str) -> std::borrow::Cow<'_, str> {
    let json = source.trim_start().starts_with(['{', '[']);
    if !json || !source.contains("\\u") {
        return source.into();
    }
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(at) = rest.find("\\u") {
        out.push_str(&rest[..at]);
        let escape = &rest[at..];
        let unit = |text: &str| text.get(2..6).and_then(|hex| u32::from_str_radix(hex, 16).ok());
        let next = escape.get(6..).filter(|next| next.starts_with("\\u"));
        let pair = unit(escape).zip(next.and_then(unit));
        // After an odd run of backslashes this one is itself escaped: a `u` follows as text.
        let escaped = out.chars().rev().take_while(|c| *c == '\\').count() % 2 == 1;
        match pair.filter(|_| !escaped) {
            Some((high @ 0xD800..=0xDBFF, low @ 0xDC00..=0xDFFF)) => {
                let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                out.push_str(&format!("\\U{code:08x}"));
                rest = &escape[12..];
            }
            _ => {
                out.push_str("\\u");
                rest = &escape[2..];
            }
        }
    }
    out.push_str(rest);
    out.into()
}

/// The message of a title written `null`, `~` or left empty.
const NULL_TEXT: &str = "a title is expected, not null";

/// Reads a title that must be written: `title: null` or `title:` is refused rather than
/// read as the word "null" or as nothing.
pub(crate) fn title<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    use serde::Deserialize;
    Option::<String>::deserialize(deserializer)?.ok_or_else(|| serde::de::Error::custom(NULL_TEXT))
}

/// The file name without folders and extension.
pub(crate) fn stem(file: &str) -> &str {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

/// Turns a YAML error into a problem, keeping the field path and position the parser knows.
/// Errors raised while converting a value (a bad time, a bad method id) come without a
/// useful position: they are placed at their field.
fn from_yaml(file: &str, source: &str, path: &str, error: &serde_yaml::Error) -> Problem {
    let text = error.to_string();
    let message = text.rsplit_once(" at line ").map_or(text.as_str(), |(head, _)| head);
    let (field, kind) = classify(path, message);
    let parsed = error.location().map(|at| Location { line: at.line(), column: at.column() });
    let value = match &kind {
        ProblemKind::InvalidTime { value } => Some(value.as_str()),
        ProblemKind::InvalidId { id } => Some(id.as_str()),
        _ => None,
    };
    let (field, location) = match value.and_then(|value| value_place(source, &field, value)) {
        Some((field, found)) => (field, Some(found)),
        None if matches!(kind, ProblemKind::NullText) => (field.clone(), locate(source, &field).or(parsed)),
        None => (field, parsed),
    };
    Problem { file: file.to_string(), location, field, kind }
}

/// The field and place of a value the parser could read but not convert (a bad time, a
/// bad method id): the parser names only the enclosing field (`slots[1]`, or none), so
/// the value is looked for from that field's line on, and its key completes the path.
fn value_place(source: &str, field: &str, value: &str) -> Option<(String, Location)> {
    let from = if field.is_empty() { 0 } else { locate(source, field).map_or(0, |at| at.line - 1) };
    let (i, line) = source.lines().enumerate().skip(from).find(|(_, line)| line.contains(value))?;
    let at = line.find(value).unwrap_or(0);
    let column = line[..at].chars().count() + 1;
    let key = line[..at]
        .rsplit_once(':')
        .map(|(head, _)| head.rsplit(['{', ',', '-', ' ']).next().unwrap_or("").trim().to_string())
        .filter(|key| !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
    let last = field.rsplit('.').next().and_then(|last| last.split('[').next()).unwrap_or("");
    let field = match key {
        Some(key) if field.is_empty() => key,
        Some(key) if key != last => format!("{field}.{key}"),
        _ => field.to_string(),
    };
    Some((field, Location { line: i + 1, column }))
}

/// The phrases serde itself writes (`serde::de::Error`'s provided methods), and the
/// crate's own: whatever the YAML parser writes before them is its copy of the path.
const PHRASES: [&str; 7] = [
    "unknown field",
    "unknown variant",
    "missing field",
    "invalid type",
    "invalid value",
    "invalid length",
    NULL_TEXT,
];

/// Recognises serde's messages to give a problem a user can act on.
fn classify(path: &str, message: &str) -> (String, ProblemKind) {
    let message = PHRASES.iter().find_map(|phrase| message.find(phrase)).map_or(message, |at| &message[at..]);
    let quoted = quoted_words(message);
    // An unknown key is already the path's last segment; a missing one is not.
    let join = |field: &str| match path {
        "" => field.to_string(),
        _ if path == field || path.ends_with(&format!(".{field}")) => path.to_string(),
        _ => format!("{path}.{field}"),
    };
    if let Some(word) = quoted.first().filter(|_| message.starts_with("unknown field")) {
        let expected = quoted[1..].to_vec();
        return (join(word), ProblemKind::UnknownField { field: word.clone(), expected });
    }
    if let Some(word) = quoted.first().filter(|_| message.starts_with("unknown variant")) {
        let expected = quoted[1..].to_vec();
        return (path.to_string(), ProblemKind::UnknownValue { value: word.clone(), expected });
    }
    if let Some(word) = quoted.first().filter(|_| message.starts_with("missing field")) {
        return (join(word), ProblemKind::MissingField { field: word.clone() });
    }
    if message.contains("is not a valid method id") {
        let id = quoted.first().cloned().unwrap_or_default();
        let field = if path.is_empty() { "id" } else { path };
        return (field.to_string(), ProblemKind::InvalidId { id });
    }
    if message.contains("is not a time of day") {
        let value = quoted.first().cloned().unwrap_or_default();
        return (path.to_string(), ProblemKind::InvalidTime { value });
    }
    if message.starts_with(NULL_TEXT) {
        return (path.to_string(), ProblemKind::NullText);
    }
    if message.starts_with("invalid") {
        return (path.to_string(), ProblemKind::WrongType { message: message.to_string() });
    }
    (path.to_string(), ProblemKind::Syntax { message: message.to_string() })
}

/// The words between backquotes, in order.
fn quoted_words(message: &str) -> Vec<String> {
    message.split('`').skip(1).step_by(2).map(str::to_string).collect()
}

/// Every rule that the YAML types alone do not enforce.
fn rule_problems(method: &Method, stem: &str) -> Vec<(String, ProblemKind)> {
    let mut problems = Vec::new();
    let mut add = |field: &str, kind: ProblemKind| problems.push((field.to_string(), kind));
    if method.id.as_str() != stem {
        if MethodId::new(stem).is_ok() {
            add("id", ProblemKind::IdMismatch { id: method.id.to_string(), stem: stem.to_string() });
        } else {
            add("id", ProblemKind::InvalidId { id: stem.to_string() });
        }
    }
    check_texts(method, &mut add);
    check_lists(method, &mut add);
    check_numbers(method, &mut add);
    problems
}

fn check_texts(method: &Method, add: &mut impl FnMut(&str, ProblemKind)) {
    // A field's name is only written out for a problem: most texts have none.
    let mut blank = |field: &dyn Fn() -> String, text: &Text| {
        if text.fr.trim().is_empty() {
            add(&format!("{}.fr", field()), ProblemKind::BlankText);
        }
    };
    blank(&|| "name".into(), &method.name);
    blank(&|| "summary".into(), &method.summary);
    blank(&|| "setup".into(), &method.setup);
    for (i, step) in method.steps.iter().enumerate() {
        blank(&|| format!("steps[{i}].text"), &step.text);
    }
    for (i, role) in method.roles.iter().enumerate() {
        blank(&|| format!("roles[{i}]"), role);
    }
    if let Some(remote) = &method.remote {
        blank(&|| "remote.setup".into(), &remote.setup);
        for (i, step) in remote.steps.iter().enumerate() {
            blank(&|| format!("remote.steps[{i}].text"), &step.text);
        }
    }
    if let Some(plenary) = plenary_of(method) {
        blank(&|| "remote.plenary.setup".into(), &plenary.setup);
        for (i, step) in plenary.steps.iter().enumerate() {
            blank(&|| format!("remote.plenary.steps[{i}].text"), &step.text);
        }
    }
    for (i, _) in method.tips.iter().enumerate().filter(|(_, tip)| tip.fr.trim().is_empty()) {
        add(&format!("tips[{i}].fr"), ProblemKind::BlankText);
    }
    let remote = method.remote.as_ref().map_or(&[][..], |remote| &remote.materials[..]);
    let plenary = plenary_of(method).map_or(&[][..], |plenary| &plenary.materials[..]);
    let materials = method.materials.iter().map(|m| ("materials", m)).enumerate();
    let remote = remote.iter().map(|m| ("remote.materials", m)).enumerate();
    let plenary = plenary.iter().map(|m| ("remote.plenary.materials", m)).enumerate();
    for (i, (list, material)) in materials.chain(remote).chain(plenary) {
        if material.fr.trim().is_empty() {
            add(&format!("{list}[{i}].fr"), ProblemKind::BlankText);
        }
        if material.per.is_some() && material.count.is_some() {
            add(&format!("{list}[{i}]"), ProblemKind::TwoQuantities);
        }
        if material.per == Some(0) || material.count == Some(0) {
            add(&format!("{list}[{i}]"), ProblemKind::NotPositive { value: "0".into() });
        }
    }
}

fn check_lists(method: &Method, add: &mut impl FnMut(&str, ProblemKind)) {
    non_empty_unique("phases", &method.phases, add);
    non_empty_unique("objectives", &method.objectives, add);
    non_empty_unique("formats", &method.formats, add);
    if method.steps.is_empty() {
        add("steps", ProblemKind::EmptyList);
    }
    unique("groupings", &method.groupings, add);
    unique("needs", &method.needs, add);
    unique("gives", &method.gives, add);
    unique("takes", &method.takes, add);
    unique("develops", &method.develops, add);
    for product in method.develops.iter().filter(|p| method.takes.contains(p)) {
        add("develops", ProblemKind::TakesAndDevelops { product: product.to_string() });
    }
    unique("alike", &method.alike, add);
    let opens = method.opens_itself || method.has_phase(crate::vocabulary::Phase::Opening);
    if opens && !method.takes.is_empty() {
        add("takes", ProblemKind::TakesAtStart);
    }
}

fn non_empty_unique<T: Display + Eq + std::hash::Hash>(
    field: &str,
    values: &[T],
    add: &mut impl FnMut(&str, ProblemKind),
) {
    if values.is_empty() {
        add(field, ProblemKind::EmptyList);
    }
    unique(field, values, add);
}

fn unique<T: Display + Eq + std::hash::Hash>(
    field: &str,
    values: &[T],
    add: &mut impl FnMut(&str, ProblemKind),
) {
    let mut seen = HashSet::new();
    for value in values {
        if !seen.insert(value) {
            add(field, ProblemKind::RepeatedValue { value: value.to_string() });
        }
    }
}

fn check_numbers(method: &Method, add: &mut impl FnMut(&str, ProblemKind)) {
    let d = &method.duration;
    if d.min == 0 || d.min > d.typical || d.typical > d.max {
        add("duration", ProblemKind::DurationOrder { min: d.min, typical: d.typical, max: d.max });
    }
    if !(d.per_participant >= 0.0 && d.per_participant.is_finite()) {
        add("duration.per_participant", ProblemKind::NotPositive { value: d.per_participant.to_string() });
    }
    let p = &method.participants;
    if p.min == 0 {
        add("participants.min", ProblemKind::NotPositive { value: "0".into() });
    }
    if p.min > p.max {
        add("participants", ProblemKind::ParticipantsOrder { min: p.min, max: p.max });
    }
    if method.facilitators.min == 0 {
        add("facilitators.min", ProblemKind::NotPositive { value: "0".into() });
    }
    if method.facilitators.per == Some(0) {
        add("facilitators.per", ProblemKind::NotPositive { value: "0".into() });
    }
    let everyone = method.participants.max;
    check_steps("steps", &method.steps, method, everyone, add);
    let said = [("say", method.say.as_ref()), ("say_with_users", method.say_with_users.as_ref())];
    for (name, text) in said.into_iter().filter_map(|(name, text)| Some((name, text?))) {
        check_placeholders(&|| name.to_string(), text, &[&Method::SESSION_PLACEHOLDERS], add);
    }
    if let Some(remote) = method.remote.as_ref().filter(|remote| !remote.steps.is_empty()) {
        check_steps("remote.steps", &remote.steps, method, everyone, add);
    }
    if let Some(plenary) = plenary_of(method) {
        check_plenary(plenary, method, add);
    }
}

fn plenary_of(method: &Method) -> Option<&Plenary> {
    method.remote.as_ref()?.plenary.as_ref()
}

/// A plenary variant by video: a size within the method's range, no sub-groups, and steps
/// that hold for every group up to that size.
fn check_plenary(plenary: &Plenary, method: &Method, add: &mut impl FnMut(&str, ProblemKind)) {
    let p = method.participants;
    if !(p.min..=p.max).contains(&plenary.up_to) {
        add(
            "remote.plenary.up_to",
            ProblemKind::PlenarySize { up_to: plenary.up_to, min: p.min, max: p.max },
        );
    }
    non_empty_unique("remote.plenary.groupings", &plenary.groupings, add);
    for grouping in plenary.groupings.iter().filter(|g| g.needs_subgroups()) {
        add("remote.plenary.groupings", ProblemKind::PlenarySubgroups { grouping: grouping.to_string() });
    }
    if plenary.steps.is_empty() {
        add("remote.plenary.steps", ProblemKind::EmptyList);
    }
    check_steps("remote.plenary.steps", &plenary.steps, method, plenary.up_to, add);
}

/// A list of steps: each step's figures, their sum at the typical duration, and the range
/// they allow against the declared one.
fn check_steps(
    field: &str,
    steps: &[Step],
    method: &Method,
    up_to: u32,
    add: &mut impl FnMut(&str, ProblemKind),
) {
    for (i, step) in steps.iter().enumerate() {
        check_step(&|| format!("{field}[{i}]"), step, add);
    }
    let sum = steps.iter().fold(0u32, |sum, step| sum.saturating_add(step.minutes));
    if !steps.is_empty() && sum != method.duration.typical {
        add(field, ProblemKind::StepsSum { sum, typical: method.duration.typical });
    }
    if let Some(kind) = range_problem(method, steps, up_to) {
        add(field, kind);
    }
    check_frames(field, steps, add);
}

/// The method's own welcome steps come first and its closing steps last, around at least
/// one step of work.
fn check_frames(field: &str, steps: &[Step], add: &mut impl FnMut(&str, ProblemKind)) {
    let work = |step: &&Step| step.frame.is_none();
    let (Some(first), Some(last)) =
        (steps.iter().position(|s| work(&s)), steps.iter().rposition(|s| work(&s)))
    else {
        if let Some(frame) = steps.first().and_then(|step| step.frame) {
            add(&format!("{field}[0].frame"), ProblemKind::FrameOrder { frame: frame_word(frame) });
        }
        return;
    };
    for (i, step) in steps.iter().enumerate() {
        let misplaced = match step.frame {
            Some(Frame::Welcome) => i > first,
            Some(Frame::Closing) => i < last,
            Some(Frame::Action) => i < first,
            _ => false,
        };
        if let Some(frame) = step.frame.filter(|_| misplaced) {
            add(&format!("{field}[{i}].frame"), ProblemKind::FrameOrder { frame: frame_word(frame) });
        }
    }
}

fn frame_word(frame: Frame) -> String {
    serde_yaml::to_string(&frame).unwrap_or_default().trim().to_string()
}

fn check_step(field: &dyn Fn() -> String, step: &Step, add: &mut impl FnMut(&str, ProblemKind)) {
    let mut need = |missing: &str| {
        let shape = serde_yaml::to_string(&step.shape).unwrap_or_default().trim().to_string();
        add(&format!("{}.{missing}", field()), ProblemKind::StepShape { shape, field: missing.to_string() });
    };
    match step.shape {
        Shape::Share if step.each.is_none_or(|each| !(each.is_finite() && each > 0.0)) => need("each"),
        Shape::Rounds if step.rounds.is_none() => need("rounds"),
        Shape::Rounds if step.floor.is_none() => need("floor"),
        _ => {}
    }
    if step.minutes == 0 && step.shape != Shape::Share {
        add(&format!("{}.minutes", field()), ProblemKind::NotPositive { value: "0".into() });
    }
    if let Some(rounds) = step.rounds.filter(|r| r.min == 0 || r.min > r.typical || r.typical > r.max) {
        add(
            &format!("{}.rounds", field()),
            ProblemKind::DurationOrder { min: rounds.min, typical: rounds.typical, max: rounds.max },
        );
    }
    if let Some((floor, ceiling)) = step.floor.zip(step.ceiling).filter(|(f, c)| f > c) {
        add(
            &format!("{}.floor", field()),
            ProblemKind::DurationOrder { min: floor, typical: floor, max: ceiling },
        );
    }
    if step.crowded.is_some() && step.group.is_none() {
        add(&format!("{}.group", field()), ProblemKind::MissingField { field: "group".into() });
    }
    // Groups that join two by two into groups of `joins_into`: pairs into fours.
    match (step.joins_into, step.speakers) {
        (Some(_), None) => {
            add(&format!("{}.speakers", field()), ProblemKind::MissingField { field: "speakers".into() });
        }
        (Some(into), Some(size)) if size > 0 && into != size * 2 => add(
            &format!("{}.joins_into", field()),
            ProblemKind::UnknownValue { value: into.to_string(), expected: vec![(size * 2).to_string()] },
        ),
        _ => {}
    }
    let counts = [("group", step.group), ("most", step.most), ("speakers", step.speakers)];
    for zero in counts.iter().filter(|(_, v)| *v == Some(0)) {
        add(&format!("{}.{}", field(), zero.0), ProblemKind::NotPositive { value: "0".into() });
    }
    let texts = [
        ("text", Some(&step.text)),
        ("crowded", step.crowded.as_ref()),
        ("with_users", step.with_users.as_ref()),
    ];
    for (name, text) in texts.into_iter().filter_map(|(name, text)| Some((name, text?))) {
        check_placeholders(
            &|| format!("{}.{name}", field()),
            text,
            &[&Step::PLACEHOLDERS, &Method::SESSION_PLACEHOLDERS],
            add,
        );
    }
}

/// The placeholders of a text: only those the `allowed` lists name (a step's text may name
/// the day's figures and the session's words; what is said aloud, only the session's).
fn check_placeholders(
    field: &dyn Fn() -> String,
    text: &crate::text::Text,
    allowed: &[&[&str]],
    add: &mut impl FnMut(&str, ProblemKind),
) {
    for (lang, text) in [("fr", Some(&text.fr)), ("en", text.en.as_ref())] {
        for word in text.into_iter().flat_map(|text| placeholders(text)) {
            if !allowed.iter().any(|names| names.contains(&word)) {
                let expected =
                    allowed.iter().flat_map(|names| names.iter()).map(|p| format!("{{{p}}}")).collect();
                add(
                    &format!("{}.{lang}", field()),
                    ProblemKind::UnknownValue { value: format!("{{{word}}}"), expected },
                );
            }
        }
    }
}

/// The words between braces in a step's text.
fn placeholders(text: &str) -> impl Iterator<Item = &str> {
    text.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(word, _)| word))
}

/// The first group size where the declared range and the steps disagree: the steps need
/// more than the declared minimum, or cannot fill the declared maximum. Sizes are checked
/// one by one up to 2,000 above the minimum, then at the maximum; the first one only when
/// no figure depends on the size.
fn range_problem(method: &Method, steps: &[Step], up_to: u32) -> Option<ProblemKind> {
    let p = method.participants;
    let most = p.max.min(up_to).max(p.min);
    let sizes = (p.min..=most.min(p.min.saturating_add(2000))).chain(std::iter::once(most));
    let sizes = sizes.take(if same_for_every_size(method, steps) { 1 } else { usize::MAX });
    sizes.into_iter().find_map(|participants| {
        let declared = method.minutes_for(participants);
        let (need, most) = method.steps_range(steps, participants);
        if need > declared.min {
            Some(ProblemKind::StepsNeedMore { participants, need, min: declared.min })
        } else {
            most.filter(|most| *most < declared.max).map(|most| ProblemKind::StepsFillLess {
                participants,
                most,
                max: declared.max,
            })
        }
    })
}

/// Whether the declared range and the steps' range are the same for every group size: no
/// minutes per participant (`DurationRange::scaling` counts only a positive rate) and no
/// step shared out among the participants.
fn same_for_every_size(method: &Method, steps: &[Step]) -> bool {
    method.duration.per_participant.max(0.0) == 0.0 && steps.iter().all(|step| step.shape != Shape::Share)
}

/// Finds the line of a field path (`duration.min`, `steps[2].minutes`) in a YAML source:
/// the top-level key's line, then the nested key's line below it when written in block
/// style. Good enough to send a reader to the right place; `None` when not found.
pub(crate) fn locate(source: &str, field: &str) -> Option<Location> {
    let mut keys = field.split('.').map(|key| match key.split_once('[') {
        Some((name, index)) => (name, index.trim_end_matches(']').parse::<usize>().ok()),
        None => (key, None),
    });
    let (top, index) = keys.next().filter(|(key, _)| !key.is_empty())?;
    let lines: Vec<&str> = source.lines().collect();
    let start = lines.iter().position(|line| key_column(line, top) == Some(0))?;
    let mut found = Location { line: start + 1, column: 1 };
    found = index.and_then(|index| item_line(&lines, found, index)).unwrap_or(found);
    for (key, index) in keys {
        let section = lines[found.line - 1..]
            .iter()
            .enumerate()
            .take_while(|(i, line)| *i == 0 || !starts_top_level(line));
        match section.filter_map(|(i, line)| key_column(line, key).map(|col| (i, col))).next() {
            Some((i, column)) => found = Location { line: found.line + i, column: column + 1 },
            None => break,
        }
        found = index.and_then(|index| item_line(&lines, found, index)).unwrap_or(found);
    }
    Some(found)
}

/// The line of the `index`-th item (from 0) of the block list under the key at `key`:
/// the lines that open with `- ` at the first item's indentation.
fn item_line(lines: &[&str], key: Location, index: usize) -> Option<Location> {
    let below = lines.get(key.line..)?;
    let indent_of = |line: &str| line.len() - line.trim_start().len();
    let first = below.iter().find(|line| !line.trim().is_empty())?;
    if !first.trim_start().starts_with("- ") || indent_of(first) + 1 < key.column {
        return None;
    }
    let indent = indent_of(first);
    below
        .iter()
        .enumerate()
        .take_while(|(_, line)| line.trim().is_empty() || indent_of(line) >= indent)
        .filter(|(_, line)| indent_of(line) == indent && line.trim_start().starts_with("- "))
        .nth(index)
        .map(|(i, _)| Location { line: key.line + i + 1, column: indent + 1 })
}

fn starts_top_level(line: &str) -> bool {
    line.chars().next().is_some_and(|c| !c.is_whitespace() && c != '#' && c != '-')
}

/// The column where `key:` starts on `line`, as a key (at the line start, after `- `, `{`
/// or `, `).
fn key_column(line: &str, key: &str) -> Option<usize> {
    let pattern = format!("{key}:");
    line.match_indices(&pattern).map(|(at, _)| at).find(|&at| {
        let before = line[..at].trim_end();
        before.is_empty() || before.ends_with('{') || before.ends_with(',') || before.ends_with('-')
    })
}
