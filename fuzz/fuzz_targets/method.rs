//! The method-file reader: no panic; a method it accepts answers every group size.
#![no_main]

use facilitation::{Catalogue, Lang, Localize};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match Catalogue::from_files([("methods/x.yaml", text)]) {
        Ok(catalogue) => {
            for method in catalogue.iter() {
                for n in [1, 12, 2000, u32::MAX] {
                    let _ = (method.minutes_for(n), method.facilitators_for(n));
                }
            }
        }
        Err(error) => assert!(!error.text(Lang::Fr).is_empty()),
    }
});
