//! Rendering for people: the documents around a workshop (the facilitators' déroulé, the
//! project lead's programme, the participants' invitation, the harvest sheet, gathered by
//! [`kit()`]) and method cards, in French or English, as Markdown or as a self-contained
//! HTML page, with French typography ([`typography`]).
//!
//! Rendering never plans or checks anything: a builder reads a plan, an agenda or a method
//! and says what the page holds as a [`Document`]; the Markdown and HTML writers only
//! lay it out.

mod card;
mod deroule;
mod document;
mod exhibit;
mod harvest;
mod html;
mod invitation;
mod kit;
mod markdown;
mod plan_b;
mod programme;
mod session;
mod steps;
mod team;
pub mod typography;
mod variant;
mod wording;

pub use card::card;
pub use deroule::{GROUND_RULES, agenda_document, deroule};
pub use document::{Block, Document, Line, Row, Segment, Span, Svg};
pub use harvest::harvest;
pub(crate) use html::escape;
pub use invitation::{invitation, is_easy_to_read};
pub use kit::{KIT_MARK, KitFile, kit, kit_file_names};
pub use plan_b::DELAYS;
pub use programme::programme;
pub use steps::{
    Place, TimedStep, ask_rounds, step_text, steps_at_stations, steps_for_users, steps_in_place, timed_steps,
};

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

/// Joins the labels of vocabulary words with commas, as a list reads in a sentence: « En petits groupes, en mouvement, en plénière ». The labels
/// start with a common word, never a name or an acronym.
fn labels<T: Copy>(words: &[T], lang: Lang, label: impl Fn(T, Lang) -> &'static str) -> String {
    let lower = |text: &str| {
        let mut chars = text.chars();
        chars.next().map_or(String::new(), |first| first.to_lowercase().chain(chars).collect())
    };
    let mut said: Vec<String> = words.iter().map(|word| lower(label(*word, lang))).collect();
    if let Some(first) = said.first_mut() {
        *first = label(words[0], lang).to_string();
    }
    said.join(", ")
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
