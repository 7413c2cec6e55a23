//! The loader never panics, whatever the bytes, and every refusal names the file.

use facilitation::{Catalogue, LoadError};
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
