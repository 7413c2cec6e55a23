//! The request reader, then the planner and the checker on what it accepts: no panic, and a
//! planned agenda keeps every rule.
#![no_main]

use facilitation::{Catalogue, Lang, Localize, Planner, Request, check};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match Request::from_yaml("demande.yaml", text) {
        Ok(request) => {
            let catalogue = Catalogue::builtin();
            if let Ok(plan) = Planner::new(catalogue).plan(&request) {
                assert!(check(&plan.agenda, &request, catalogue).is_valid());
            }
        }
        Err(error) => assert!(!error.text(Lang::Fr).is_empty()),
    }
});
