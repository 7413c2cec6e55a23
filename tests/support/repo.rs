//! The repository's files, found from anywhere: the tests are a package of their own in
//! `tests/` and run with that folder, not the repository root, as working directory.

use std::path::{Path, PathBuf};

/// `relative`, a path from the repository root such as `examples/requests`, made absolute.
pub fn file(relative: impl AsRef<Path>) -> PathBuf {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR"));
    tests.parent().expect("the tests' package lies in the repository").join(relative)
}

/// The sample requests of `examples/requests/` that plan a whole session on their own (the
/// others are variants of these, for negotiation), read by the render, kit and steps tests.
#[allow(dead_code)] // each test file includes this module; not all read the samples
pub const SAMPLES: [&str; 6] = [
    "forum-rsa.yaml",
    "forum-ouvert-ehpad.yaml",
    "irritants-semaine-management.yaml",
    "spda-lancement.yaml",
    "journee-actions-collectives.yaml",
    "equipe-a-distance.yaml",
];
