//! The tests and the benches are packages of their own (`tests/Cargo.toml`,
//! `benches/Cargo.toml`), which list their files one by one: Cargo does not discover them in
//! a package's own folder. A file left out of the list would never run; these tests fail
//! instead.

use std::collections::BTreeSet;
use std::path::Path;
#[path = "support/repo.rs"]
mod repo;

/// The `path = "..."` values of the `[[test]]` or `[[bench]]` entries of `folder/Cargo.toml`.
fn declared(folder: &Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(folder.join("Cargo.toml")).expect("the manifest");
    text.lines()
        .filter_map(|line| line.trim().strip_prefix("path = \""))
        .filter_map(|rest| rest.strip_suffix('"'))
        .map(str::to_owned)
        .collect()
}

/// The names of the `.rs` files directly in `folder`.
fn rust_files(folder: &Path) -> BTreeSet<String> {
    std::fs::read_dir(folder)
        .expect("the folder")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.is_file() && path.extension().is_some_and(|ext| ext == "rs"))
        .filter_map(|path| path.file_name()?.to_str().map(str::to_owned))
        .collect()
}

/// The files of `folder` that its manifest does not declare, and the declared files that
/// do not exist.
fn undeclared_and_stale(folder: &Path) -> (Vec<String>, Vec<String>) {
    let (declared, files) = (declared(folder), rust_files(folder));
    (files.difference(&declared).cloned().collect(), declared.difference(&files).cloned().collect())
}

#[test]
fn every_test_file_is_a_test_target_of_the_tests_package() {
    let (undeclared, stale) = undeclared_and_stale(&repo::file("tests"));
    assert!(undeclared.is_empty(), "add a [[test]] entry to tests/Cargo.toml for {undeclared:?}");
    assert!(stale.is_empty(), "tests/Cargo.toml declares files that do not exist: {stale:?}");
}

#[test]
fn every_bench_file_is_a_bench_target_of_the_benches_package() {
    let (undeclared, stale) = undeclared_and_stale(&repo::file("benches"));
    assert!(undeclared.is_empty(), "add a [[bench]] entry to benches/Cargo.toml for {undeclared:?}");
    assert!(stale.is_empty(), "benches/Cargo.toml declares files that do not exist: {stale:?}");
}
