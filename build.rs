//! Embeds every `methods/*.yaml` file in the crate, so that tools depending on
//! `facilitation` need no method files at run time; and each file's contents once more as
//! JSON, which the built-in catalogue reads some twenty times faster than YAML at start-up.
//! The YAML stays the source: the crate's tests check that both give the same catalogue,
//! and a file the conversion cannot read is left to the YAML loader, which says where it
//! is wrong.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo::rerun-if-changed=methods");
    let dir =
        Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR")).join("methods");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
                .collect()
        })
        .unwrap_or_default();
    // Sorted, so the generated file (and the crate) is the same on every machine.
    files.sort();
    let mut out =
        String::from("/// Every method file of `methods/`, as `(file name, YAML, JSON or \"\")`.\n");
    out.push_str("pub(crate) static BUILTIN_METHOD_FILES: &[(&str, &str, &str)] = &[\n");
    for path in &files {
        println!("cargo::rerun-if-changed={}", path.display());
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let json = fs::read_to_string(path)
            .ok()
            .and_then(|yaml| serde_yaml::from_str::<serde_json::Value>(&yaml).ok())
            .and_then(|value| serde_json::to_string(&value).ok())
            .unwrap_or_default();
        out.push_str(&format!(
            "    ({:?}, include_str!({:?}), {:?}),\n",
            format!("methods/{name}"),
            path.display().to_string(),
            json
        ));
    }
    out.push_str("];\n");
    let target = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("builtin_methods.rs");
    fs::write(target, out).expect("OUT_DIR is writable");
}
