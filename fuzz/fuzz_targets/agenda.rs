//! The agenda reader, then the checker against a fixed request: no panic.
#![no_main]

use facilitation::{Agenda, Catalogue, Lang, Request, check};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(agenda) = Agenda::from_yaml("agenda.yaml", text) else { return };
    let Ok(request) = Request::builder("Atelier").time("09:00", "12:00").objective("review").build() else {
        return;
    };
    let report = check(&agenda, &request, Catalogue::builtin());
    let _ = report.to_text(&agenda, Lang::Fr);
    let _ = agenda.to_yaml();
});
