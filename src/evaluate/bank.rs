//! The item bank (`items.yaml`, embedded): every statement a questionnaire may hold, in
//! fixed wording, with the words of the answer scale.

use crate::text::Text;
use crate::vocabulary::Objective;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The bank's source, embedded so that tools need no file at run time.
pub(crate) const ITEMS_YAML: &str = include_str!("items.yaml");

/// The whole bank, as written in `items.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Bank {
    pub scale: Vec<ScalePoint>,
    pub no_answer: Vec<String>,
    pub objectives: BTreeMap<Objective, Vec<Statement>>,
    pub frame: Vec<FrameStatement>,
    pub roti: Roti,
    pub open: Vec<Statement>,
    pub follow_up: Vec<FollowUpStatement>,
    pub follow_up_points: BTreeMap<String, Text>,
    pub titles: Vec<String>,
    pub not_names: Vec<String>,
}

/// One point of the agreement scale and the words that mean it in answer files.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ScalePoint {
    pub value: u8,
    pub label: Text,
    pub words: Vec<String>,
}

/// A statement or a question, with its wording for service users.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Statement {
    pub key: String,
    pub text: Text,
    #[serde(default)]
    pub falc: Option<Text>,
}

/// A statement on one of the network's ground rules.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FrameStatement {
    pub rule: String,
    pub name: Text,
    pub key: String,
    pub text: Text,
    pub falc: Option<Text>,
}

/// The ROTI question and the meaning of its five points.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Roti {
    pub key: String,
    pub text: Text,
    pub falc: Option<Text>,
    pub scale: Vec<Text>,
}

/// An item of the project lead's follow-up questionnaire.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FollowUpStatement {
    pub key: String,
    pub measures: String,
    pub level: u8,
    pub text: Text,
}

/// The bank, read once.
pub(crate) fn bank() -> &'static Bank {
    static BANK: OnceLock<Bank> = OnceLock::new();
    BANK.get_or_init(|| {
        // The crate's tests read the embedded bank, so this cannot fail in a release.
        serde_yaml::from_str(ITEMS_YAML)
            .unwrap_or_else(|error| panic!("the embedded item bank is broken: {error}"))
    })
}

/// The wording for this audience: the FALC one when service users take part.
pub(crate) fn wording<'a>(text: &'a Text, falc: &'a Option<Text>, easy: bool) -> &'a Text {
    match (falc, easy) {
        (Some(falc), true) => falc,
        _ => text,
    }
}
