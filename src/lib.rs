#![forbid(unsafe_code)]
#![deny(missing_docs)]
//! # facilitation
//!
//! A typed catalogue of facilitation methods for Facilit'Ensemble, the network of
//! volunteer facilitators in collective intelligence of the City of Paris's social-services
//! directorate (DSol).
//!
//! ```
//! use facilitation::{Catalogue, Format, Lang, Objective, Phase, Query};
//!
//! let catalogue = Catalogue::builtin();
//! let query = Query::new()
//!     .phase(Phase::Convergence)
//!     .objective(Objective::Prioritize)
//!     .participants(40)
//!     .format(Format::Onsite);
//! for method in catalogue.query(&query) {
//!     println!("{} — {}", method.id, method.name.get(Lang::Fr));
//! }
//! ```
//!
//! Method files follow the contract of `DESIGN.md` (one YAML file per method in
//! `methods/`), embedded in the crate at build time; [`Catalogue::from_dir`] adds a
//! trainer's own folder. Where the contract is silent, this crate extends it with optional
//! fields only: `groupings` (how participants are grouped), `writing` (how much reading and
//! writing a method asks: service users often have little of either) and, on a material,
//! `per` (one item per N participants) or `count` (a fixed number).

pub mod catalogue;
pub mod error;
mod load;
pub mod method;
pub mod render;
pub mod text;
pub mod vocabulary;

pub use catalogue::{Catalogue, MAX_FILES, Query};
pub use error::{LoadError, Location, Problem, ProblemKind};
pub use load::MAX_FILE_BYTES;
pub use method::{
    DurationRange, Facilitators, InvalidMethodId, Material, Method, MethodId, MinuteRange, Origin,
    Participants, Step,
};
pub use text::{Lang, Text};
pub use vocabulary::{Energy, Format, Grouping, Level, Objective, Phase, Profile, UnknownWord, Writing};
