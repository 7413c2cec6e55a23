//! Rendering for people: the déroulé of a plan and method cards, in French or English,
//! as Markdown or as a self-contained HTML page.
//!
//! Rendering never plans or checks anything: a builder reads a plan, an agenda or a method
//! and says what the page holds as a [`Document`]; the Markdown and HTML writers only
//! lay it out.

mod card;
mod deroule;
mod document;
mod html;
mod markdown;
mod steps;
mod variant;

pub use card::card;
pub use deroule::{GROUND_RULES, agenda_document, deroule};
pub use document::{Block, Document, Line, Row, Segment, Span, Svg};
pub(crate) use html::escape;
pub use steps::{TimedStep, timed_steps};

use crate::method::Method;
use crate::text::Lang;
use crate::vocabulary::{Format, Grouping, Objective, Phase};

impl Method {
    /// Its card as Markdown.
    pub fn card_markdown(&self, lang: Lang) -> String {
        card(self, lang).to_markdown()
    }

    /// Its card as one self-contained HTML page.
    pub fn card_html(&self, lang: Lang) -> String {
        card(self, lang).to_html()
    }
}

/// Joins the labels of vocabulary words with commas.
fn labels<T: Copy>(words: &[T], lang: Lang, label: impl Fn(T, Lang) -> &'static str) -> String {
    words.iter().map(|word| label(*word, lang)).collect::<Vec<_>>().join(", ")
}

/// Labels of phases, joined.
fn phase_labels(phases: &[Phase], lang: Lang) -> String {
    labels(phases, lang, Phase::label)
}

/// Labels of objectives, joined.
fn objective_labels(objectives: &[Objective], lang: Lang) -> String {
    labels(objectives, lang, Objective::label)
}

/// Labels of formats, joined.
fn format_labels(formats: &[Format], lang: Lang) -> String {
    labels(formats, lang, Format::label)
}

/// Labels of groupings, joined.
fn grouping_labels(groupings: &[Grouping], lang: Lang) -> String {
    labels(groupings, lang, Grouping::label)
}
