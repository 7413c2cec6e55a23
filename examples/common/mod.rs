//! What every example does alike: load the catalogue and the request, speak the user's
//! language, and print without panicking when the reader goes away (`| head`).

#![allow(dead_code)] // each example uses its own part of this module

use facilitation::{Agenda, Catalogue, Lang, Localize, Request};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The options every example takes.
#[derive(clap::Args)]
pub struct Shared {
    /// Language of the output (fr or en).
    #[arg(long, default_value = "fr")]
    pub lang: Lang,
    /// A folder of method files to add to the built-in catalogue (repeatable).
    #[arg(long = "methods", value_name = "DIR")]
    pub methods: Vec<PathBuf>,
}

impl Shared {
    /// The built-in catalogue with the trainer's folders, or the exit.
    pub fn catalogue(&self) -> Result<Catalogue, ExitCode> {
        catalogue(&self.methods, self.lang)
    }

    /// The catalogue, the request and the agenda an example works on, or the exit.
    pub fn catalogue_request_agenda(
        &self,
        request: &Path,
        agenda: &Path,
    ) -> Result<(Catalogue, Request, Agenda), ExitCode> {
        let catalogue = self.catalogue()?;
        let request = self::request(request, self.lang)?;
        let agenda = Agenda::from_file(agenda).map_err(|error| fail(&error.text(self.lang), 2))?;
        Ok((catalogue, request, agenda))
    }
}

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
