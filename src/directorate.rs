//! The DSol's sub-directorates and their services: what transversality refers to.
//!
//! A facilitator of the network intervenes *en transversalité*, never in their own
//! sub-directorate. Requests and rosters name services as people write them
//! ("Bureau du RSA", "Sous-direction de l'autonomie"); [`Directorate::find`] maps such a
//! name to its sub-directorate, ignoring case, accents and punctuation. The organisation
//! is data (`src/directorate.yaml`, embedded), not code.
//!
//! ```
//! use facilitation::directorate::Directorate;
//! let dsol = Directorate::builtin();
//! let rsa = dsol.find("bureau du rsa").unwrap();
//! assert_eq!(rsa.id, "insertion");
//! assert!(dsol.find("Service des espaces verts").is_none());
//! ```

use crate::text::Text;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

const BUILTIN: &str = include_str!("directorate.yaml");

/// One sub-directorate and the services it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Subdirectorate {
    /// A short id (`autonomie`), stored in the register.
    pub id: String,
    /// Its full name.
    pub name: Text,
    /// The services it holds, as people write them.
    pub services: Vec<String>,
}

/// The directorate's organisation: every sub-directorate and its services.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Directorate {
    /// The sub-directorates.
    pub subdirectorates: Vec<Subdirectorate>,
}

impl Directorate {
    /// The organisation embedded in the crate (`src/directorate.yaml`).
    pub fn builtin() -> &'static Directorate {
        static BUILT: OnceLock<Directorate> = OnceLock::new();
        // The embedded file is checked by the tests; an unreadable one gives an empty
        // organisation, whose every service is then a question, never a panic.
        BUILT.get_or_init(|| serde_yaml::from_str(BUILTIN).unwrap_or(Directorate { subdirectorates: vec![] }))
    }

    /// The sub-directorate a service (or a sub-directorate's own name or id) belongs to.
    pub fn find(&self, service: &str) -> Option<&Subdirectorate> {
        let wanted = fold(service);
        if wanted.is_empty() {
            return None;
        }
        self.subdirectorates.iter().find(|sub| {
            fold(&sub.id) == wanted
                || fold(&sub.name.fr) == wanted
                || sub.name.en.as_deref().is_some_and(|en| fold(en) == wanted)
                || sub.services.iter().any(|name| fold(name) == wanted)
        })
    }

    /// The sub-directorate of that id.
    pub fn get(&self, id: &str) -> Option<&Subdirectorate> {
        self.subdirectorates.iter().find(|sub| sub.id == id)
    }

    /// The full names of the sub-directorates in French, to suggest in a question.
    pub fn names(&self) -> Vec<String> {
        self.subdirectorates.iter().map(|sub| sub.name.fr.clone()).collect()
    }
}

/// Lowercase words without accents or punctuation, joined by single spaces.
fn fold(text: &str) -> String {
    let plain: String = text
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        })
        .collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_organisation_reads_and_has_unique_ids_and_services() {
        let dsol: Directorate = serde_yaml::from_str(BUILTIN).expect("directorate.yaml reads");
        assert!(dsol.subdirectorates.len() >= 5);
        let mut names: Vec<String> = dsol
            .subdirectorates
            .iter()
            .flat_map(|sub| sub.services.iter().map(|s| fold(s)).chain([fold(&sub.id), fold(&sub.name.fr)]))
            .collect();
        let count = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), count, "a service name belongs to two sub-directorates");
    }

    #[test]
    fn a_service_is_found_whatever_its_case_accents_and_apostrophes() {
        let dsol = Directorate::builtin();
        let found = dsol.find("SOUS-DIRECTION DE L’AUTONOMIE").map(|sub| sub.id.as_str());
        assert_eq!(found, Some("autonomie"));
        assert_eq!(
            dsol.find("Service de l'aide sociale a l'enfance").map(|s| s.id.as_str()),
            Some("enfance")
        );
        assert!(dsol.find("   ").is_none());
    }
}
