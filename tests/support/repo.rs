//! The repository's files, found from anywhere: the tests are a package of their own in
//! `tests/` and run with that folder, not the repository root, as working directory.

use std::path::{Path, PathBuf};

/// `relative`, a path from the repository root such as `examples/requests`, made absolute.
pub fn file(relative: impl AsRef<Path>) -> PathBuf {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR"));
    tests.parent().expect("the tests' package lies in the repository").join(relative)
}
