//! What every example does alike: load the catalogue and the request, speak the user's
//! language, and print without panicking when the reader goes away (`| head`).

#![allow(dead_code)] // each example uses its own part of this module

use facilitation::{Catalogue, Lang, Localize, Request};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The built-in catalogue with the trainer's folders (`--methods DIR`), or the exit.
pub fn catalogue(dirs: &[PathBuf], lang: Lang) -> Result<Catalogue, ExitCode> {
    Catalogue::builtin_with_dirs(dirs).map_err(|error| fail(&error.text(lang), 2))
}

/// The request file, or the exit.
pub fn request(path: &Path, lang: Lang) -> Result<Request, ExitCode> {
    Request::from_file(path).map_err(|error| fail(&error.text(lang), 2))
}

/// Prints `text` on standard output; a closed pipe ends the example quietly.
pub fn print(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(74),
    }
}

/// Prints `message` on standard error (even when it is closed) and returns `code`.
pub fn fail(message: &str, code: u8) -> ExitCode {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{message}");
    ExitCode::from(code)
}
