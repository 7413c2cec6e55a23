#![forbid(unsafe_code)]
#![deny(missing_docs)]
// Errors carry the file, line, field and fix a facilitator needs; they are returned once
// per input, never in a loop, so their size costs nothing worth boxing for.
#![allow(clippy::result_large_err)]
//! # facilitation
//!
//! A typed catalogue of facilitation methods and a planner that turns a request (a
//! *saisine*) into a valid agenda (a *déroulé*), for Facilit'Ensemble, the network of
//! volunteer facilitators in collective intelligence of the City of Paris's
//! social-services directorate (DSol).
//!
//! ```
//! use facilitation::{check, Catalogue, Lang, Planner, Request};
//!
//! let catalogue = Catalogue::builtin();
//! let request = Request::builder("Forum RSA : bilan et perspectives")
//!     .time("09:30", "12:30")
//!     .participants(60)
//!     .facilitators(3)
//!     .objective("review")
//!     .objective("co-construire des perspectives avec les partenaires")
//!     .build()?;
//! let plan = Planner::new(catalogue).seed(42).plan(&request)?;
//! assert!(check(&plan.agenda, &request, catalogue).is_valid());
//! for slot in plan.agenda.method_slots() {
//!     println!("{}–{} {}", slot.start, slot.end, slot.method.as_ref().unwrap());
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! - [`Catalogue`]: the methods of `methods/` (one YAML file each, embedded at build
//!   time), plus a trainer's own folder with [`Catalogue::builtin_with_dirs`].
//! - [`Request`]: the saisine; [`Request::analyse`] maps objective sentences to ids and
//!   [`Request::clarify`] lists the questions to ask back.
//! - [`Planner`]: builds an [`Agenda`] that keeps every rule, with the reasons of its
//!   choices; [`check()`] judges any agenda against the hard rules and [`craft::review`]
//!   against the craft rules C1–C15 (points to watch).
//! - [`design`]: the data contracts and the rules, as other tools rely on them; [`rules`]
//!   holds every figure of the rules, once.
//! - Negotiation: a request's `fixed` moments ([`Fixed`]: a talk, a lunch, a method at a
//!   time) are planned around; [`Planner::replan`] re-plans with the least change from an
//!   agreed agenda (its `locked` slots kept exactly); [`Planner::variants`] offers
//!   near-best alternatives; [`retime`] fits the rest of a session on the day.
//! - [`roster`], [`mobilise`]: the network's volunteers for a year and the team of a
//!   request (quota of days, transversality, pairing of promotions), chosen exactly and
//!   explained; with the `register` feature, `register` keeps what was decided in a
//!   SQLite file (days used, interventions, requests waiting).
//! - [`render`]: the printable déroulé of a plan and method cards, as Markdown or as a
//!   self-contained HTML page ([`Plan::to_markdown`], [`Plan::to_html`]).
//! - [`evaluate`]: the questionnaire derived from a request, the answers read back, the
//!   impact per objective and across interventions, with SVG charts.
//!
//! Method, request and agenda files follow the contracts of the [`design`] notes. Where
//! they are silent, this crate extends them with optional fields only: on a method, `groupings` (how
//! participants are grouped) and `writing` (how much reading and writing it asks: service
//! users often have little of either); on a material, `per` (one item per N participants)
//! or `count` (a fixed number); on a step, its [`Shape`] (`fixed`, `elastic` within
//! `floor`/`ceiling`, `share` of `each` minutes per `group`, `rounds` of at least `floor`
//! minutes), its [`Frame`] (the method's own `welcome`, `closing` or `action` steps, run
//! only where the method sits at that point of the session) and the day's figures in its
//! text (`{count}`, `{rounds}`, `{minutes}`...); on a
//! method, `roles` when the usual ones do not fit and `remote.steps` where they differ; on a
//! duration, `per_participant_up_to`. Everything that can go wrong in an input is reported as a
//! [`Problem`] naming the file, the line and the field; nothing panics.

pub mod agenda;
pub mod analysis;
pub mod catalogue;
pub mod check;
pub mod clock;
pub mod craft;
pub mod design;
pub mod directorate;
pub mod error;
pub mod evaluate;
pub mod limits;
mod load;
pub mod method;
pub mod mobilise;
pub mod planner;
#[cfg(feature = "register")]
pub mod register;
pub mod render;
pub mod request;
pub mod retime;
pub mod roster;
pub mod rules;
#[cfg(feature = "schema")]
pub mod schema;
pub mod score;
pub mod text;
pub mod vocabulary;

pub use agenda::{Agenda, Role, Slot, SlotKind, TeamMember};
pub use analysis::{Analysis, Question, ResolvedObjective};
pub use catalogue::{Catalogue, MAX_FILES, Query};
pub use check::{Breach, Report, Violation, check};
pub use clock::{ClockTime, InvalidClockTime};
pub use error::{AgendaError, LoadError, Location, Problem, ProblemKind, RequestError};
pub use load::MAX_FILE_BYTES;
pub use method::{
    DurationRange, Facilitators, Frame, InvalidMethodId, Material, Method, MethodId, MinuteRange, Origin,
    Participants, Plenary, Remote, RoundCount, Shape, Step,
};
pub use planner::{Plan, PlanError, PlanOptions, Planner, Reason};
pub use request::{Fixed, FixedKind, Request, RequestBuilder, Requester};
pub use score::Score;
pub use text::{Lang, Localize, Text};
pub use vocabulary::{
    Condition, Energy, Format, Grouping, Level, Objective, Phase, Product, Profile, UnknownWord, Writing,
};
