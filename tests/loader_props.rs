//! The loader never panics, whatever the bytes, and every refusal names the file; it reads
//! every file as the full YAML parser does, whether its fast reader or the parser reads it.

use facilitation::{Catalogue, LoadError, Method, ProblemKind};
use proptest::prelude::*;
#[path = "support/repo.rs"]
mod repo;

fn method_files() -> Vec<(String, String)> {
    let dir = repo::file("methods");
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

fn assert_names_file(result: Result<Catalogue, LoadError>, file: &str) {
    if let Err(error) = result {
        assert!(!error.problems().is_empty(), "no problem listed: {error}");
        for problem in error.problems() {
            assert_eq!(problem.file, file);
        }
        assert!(error.to_string().contains(file));
    }
}

#[derive(Debug, Clone)]
enum Mutation {
    Delete { at: usize, len: usize },
    Insert { at: usize, text: String },
    Replace { at: usize, byte: u8 },
    SwapLines { a: usize, b: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1usize..40).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (
            any::<usize>(),
            prop::sample::select(vec![
                "-", ":", " ", "\n", "{", "[", "'", "\"", "#", "0", "-1", "&a", "*a", "!!"
            ])
        )
            .prop_map(|(at, text)| Mutation::Insert { at, text: text.to_string() }),
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Replace { at, byte }),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines { a, b }),
    ]
}

fn apply(source: &str, mutations: &[Mutation]) -> String {
    let mut bytes = source.as_bytes().to_vec();
    for mutation in mutations {
        let len = bytes.len().max(1);
        match mutation {
            Mutation::Delete { at, len: n } => {
                let start = at % len;
                let end = (start + n).min(bytes.len());
                bytes.drain(start.min(end)..end);
            }
            Mutation::Insert { at, text } => {
                let at = at % len;
                bytes.splice(at.min(bytes.len())..at.min(bytes.len()), text.bytes());
            }
            Mutation::Replace { at, byte } => {
                if !bytes.is_empty() {
                    bytes[at % len] = *byte;
                }
            }
            Mutation::SwapLines { a, b } => {
                let text = String::from_utf8_lossy(&bytes).to_string();
                let mut lines: Vec<&str> = text.lines().collect();
                if !lines.is_empty() {
                    let n = lines.len();
                    lines.swap(a % n, b % n);
                }
                bytes = lines.join("\n").into_bytes();
            }
        }
    }
    String::from_utf8_lossy(&bytes).to_string()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics_and_errors_name_the_file(source in ".{0,400}") {
        assert_names_file(Catalogue::from_files([("methods/fuzz.yaml", source.as_str())]), "methods/fuzz.yaml");
    }

    #[test]
    fn mutated_method_files_never_panic_and_errors_name_the_file(
        pick in any::<prop::sample::Index>(),
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let files = method_files();
        let (name, source) = &files[pick.index(files.len())];
        let mutated = apply(source, &mutations);
        let file = format!("methods/{name}");
        assert_names_file(Catalogue::from_files([(file.as_str(), mutated.as_str())]), &file);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn arbitrary_bytes_in_a_folder_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let dir = std::env::temp_dir().join(format!("facilitation-bytes-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("fuzz.yaml");
        std::fs::write(&file, &bytes).unwrap();
        let result = Catalogue::from_dir(&dir);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_names_file(result, &file.display().to_string());
    }
}

/// Scalars that read differently by type or quoting, or that the fast reader leaves to
/// the full parser.
const TRICKY: [&str; 38] = [
    "012",
    "0x1f",
    "+5",
    "-3",
    "1.5",
    "1e3",
    ".inf",
    "null",
    "~",
    "Null",
    "",
    "true",
    "True",
    "yes",
    "'7'",
    "\"7\"",
    "\"a \\\" b\"",
    "\"\\u00e9\"",
    "'it''s'",
    "a: b",
    "a #c",
    "#c",
    "- x",
    "[a, b]",
    "{a: 1}",
    "[a,]",
    "&a x",
    "*a",
    "!t x",
    "|",
    "\u{a0}x",
    "x\u{a0}",
    "14:00",
    "[]",
    "{}",
    "[opening, closing]",
    "{min: 1, max: 2}",
    "99999999999999999999",
];

/// The source with the value of its `line`-th line (modulo the count) replaced.
fn with_value(source: &str, line: usize, value: &str) -> String {
    let mut lines: Vec<String> = source.lines().map(str::to_string).collect();
    let at = line % lines.len();
    let keep = lines[at].find(": ").map_or(lines[at].len(), |colon| colon + 2);
    lines[at] = format!("{}{value}", &lines[at][..keep]);
    lines.join("\n")
}

/// The problems as fields and kinds, without their places.
fn kinds(error: &LoadError) -> Vec<String> {
    error.problems().iter().map(|problem| format!("{} {:?}", problem.field, problem.kind)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// What the loader makes of a file is what the full YAML parser makes of it: the same
    /// method, or a refusal when the parser refuses it, or the same broken rules.
    #[test]
    fn the_loader_reads_a_file_as_the_full_yaml_parser_does(
        pick in any::<prop::sample::Index>(),
        line in any::<usize>(),
        value in prop::sample::select(TRICKY.to_vec()),
        mutations in prop::collection::vec(mutation(), 0..3),
    ) {
        let files = method_files();
        let (name, source) = &files[pick.index(files.len())];
        let text = apply(&with_value(source, line, value), &mutations);
        let file = format!("methods/{name}");
        let loaded = Catalogue::from_files([(file.as_str(), text.as_str())]);
        match (loaded, serde_yaml::from_str::<Method>(&text)) {
            (Ok(catalogue), full) => prop_assert_eq!(catalogue.iter().next().cloned(), full.ok()),
            (Err(error), Ok(method)) => {
                // The limits look at the text before any rule: a file they refuse is
                // refused for them alone, whatever rules its method breaks.
                let by_limits = error.problems().iter().all(|problem| matches!(
                    problem.kind,
                    ProblemKind::Tag { .. } | ProblemKind::TooManyAliases { .. } | ProblemKind::AnchorOnCollection
                ));
                // Otherwise it breaks the rules the same method written as JSON breaks.
                let json = serde_json::to_string(&method).unwrap();
                match Catalogue::from_files([(file.as_str(), json.as_str())]) {
                    Err(again) if !by_limits => prop_assert_eq!(kinds(&error), kinds(&again)),
                    _ => prop_assert!(by_limits, "{:?}", kinds(&error)),
                }
            }
            (Err(_), Err(_)) => {}
        }
    }
}
