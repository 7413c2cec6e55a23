//! Impact out: per objective of the request, per ground rule and per point of the
//! follow-up, the responses, mean, distribution and share agreeing; the ROTI; the open
//! answers grouped, with a warning when one seems to name a person.

use super::answers::{Answer, Answers};
use super::bank::bank;
use super::questionnaire::{Item, Measure, Questionnaire};
use crate::agenda::Agenda;
use crate::request::Request;
use crate::text::Text;
use crate::vocabulary::Objective;
use serde::{Deserialize, Serialize};

/// Under this many respondents, figures come with a caution: one person moves them a lot.
pub const CAUTION_BELOW: usize = 10;
/// Under this many respondents, no breakdown is shown (per service, method, period...).
pub const BREAKDOWN_BELOW: usize = 5;

/// The figures of answers on a five-point scale.
///
/// `mean` is the mean of every answer (blank cells ignored) and `agree_share` the share
/// of answers at 4 or 5, both rounded to two decimals; `responses` counts the
/// respondents who answered at least one of the items, `answers` the answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Respondents who answered at least one of the items.
    pub responses: usize,
    /// Answers given (a respondent answers each item once).
    pub answers: usize,
    /// The mean answer, from 1 to 5; none without answers.
    pub mean: Option<f64>,
    /// The share of answers at 4 or 5, from 0 to 1; none without answers.
    pub agree_share: Option<f64>,
    /// How many answers at 1, 2, 3, 4 and 5.
    pub distribution: [usize; 5],
}

/// The figures of one item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemResult {
    /// Its column (`q3`).
    pub id: String,
    /// Its key in the item bank.
    pub key: String,
    /// Its wording.
    pub text: Text,
    /// Its figures.
    #[serde(flatten)]
    pub summary: Summary,
}

/// The figures of one objective of the request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ObjectiveResult {
    /// The objective.
    pub objective: Objective,
    /// All the answers to its items.
    #[serde(flatten)]
    pub summary: Summary,
    /// Each item.
    pub items: Vec<ItemResult>,
}

/// The figures of one ground rule, or of one point of the follow-up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PointResult {
    /// The rule (`ecoute`) or the point (`actions`).
    pub point: String,
    /// All the answers to its items.
    #[serde(flatten)]
    pub summary: Summary,
    /// Each item.
    pub items: Vec<ItemResult>,
}

/// The answers to one open question, identical ones counted together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenResult {
    /// The question's column.
    pub id: String,
    /// The question.
    pub question: Text,
    /// The answers, most frequent first, as written.
    pub answers: Vec<OpenAnswer>,
}

/// One open answer as written, and how many gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenAnswer {
    /// The text, as the first respondent wrote it.
    pub text: String,
    /// How many respondents wrote it (case and spaces ignored).
    pub count: usize,
    /// Whether it seems to name a person: the report warns before it is shared.
    pub names_person: bool,
}

/// The session evaluated, so that results can be compared across interventions.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Intervention {
    /// The request's title.
    pub title: String,
    /// The session's date, `YYYY-MM-DD`, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The requesting sub-directorate (`requester.service`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// The request's objectives, in priority order.
    #[serde(default)]
    pub objectives: Vec<Objective>,
    /// The methods of the agenda run, when given.
    #[serde(default)]
    pub methods: Vec<String>,
}

/// The evaluation of one intervention: the result shape of the [design notes](crate::design)
/// `{"objectives": [...], "frame": [...], "roti": {...}, "open": [...]}` with the
/// intervention, the respondents and the follow-up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The session evaluated.
    pub intervention: Intervention,
    /// Respondents: rows with at least one answer.
    pub respondents: usize,
    /// Whether fewer than [`CAUTION_BELOW`] people answered.
    pub caution: bool,
    /// Per objective of the request, in priority order.
    pub objectives: Vec<ObjectiveResult>,
    /// Per ground rule.
    pub frame: Vec<PointResult>,
    /// The ROTI (none in a follow-up).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roti: Option<Summary>,
    /// The open answers, per question.
    pub open: Vec<OpenResult>,
    /// Per point of the project lead's follow-up.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_up: Vec<PointResult>,
}

impl Summary {
    /// The figures of a distribution of answers at 1 to 5, given by `responses` people.
    pub fn from_distribution(distribution: [usize; 5], responses: usize) -> Summary {
        let answers: usize = distribution.iter().sum();
        let total: usize = distribution.iter().zip(1..).map(|(count, value)| count * value).sum();
        let share = |part: usize| (answers > 0).then(|| round2(part as f64 / answers as f64));
        Summary {
            responses,
            answers,
            mean: share(total),
            agree_share: share(distribution[3] + distribution[4]),
            distribution,
        }
    }

    /// The figures of the answers of every respondent to the items at `columns`.
    fn of(answers: &Answers, columns: &[usize]) -> Summary {
        let mut distribution = [0; 5];
        let mut responses = 0;
        for respondent in &answers.respondents {
            let mut answered = false;
            for column in columns {
                if let Some(Answer::Scale(value @ 1..=5)) = respondent.answers.get(*column) {
                    distribution[usize::from(*value) - 1] += 1;
                    answered = true;
                }
            }
            responses += usize::from(answered);
        }
        Summary::from_distribution(distribution, responses)
    }
}

/// Rounds to two decimals, as results are printed and exchanged.
fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

impl Report {
    /// Computes the report of `answers` to `questionnaire`, the questionnaire of `request`.
    pub fn new(request: &Request, questionnaire: &Questionnaire, answers: &Answers) -> Report {
        let respondents = answers.respondents.len();
        let mut report = Report {
            intervention: Intervention {
                title: request.title.clone(),
                date: request.date.clone(),
                service: request.requester.as_ref().map(|r| r.service.clone()).filter(|s| !s.is_empty()),
                objectives: request.analyse().objectives(),
                methods: Vec::new(),
            },
            respondents,
            caution: respondents < CAUTION_BELOW,
            objectives: Vec::new(),
            frame: Vec::new(),
            roti: None,
            open: Vec::new(),
            follow_up: Vec::new(),
        };
        for (measure, columns) in measures(questionnaire) {
            let items = || item_results(questionnaire, answers, &columns);
            let summary = || Summary::of(answers, &columns);
            match measure {
                Measure::Objective(objective) => {
                    report.objectives.push(ObjectiveResult { objective, summary: summary(), items: items() })
                }
                Measure::Frame(point) => {
                    report.frame.push(PointResult { point, summary: summary(), items: items() })
                }
                Measure::FollowUp(point) => {
                    report.follow_up.push(PointResult { point, summary: summary(), items: items() })
                }
                Measure::Roti => report.roti = Some(summary()),
                Measure::Open => {
                    report.open.extend(columns.iter().map(|c| open_result(answers, questionnaire, *c)))
                }
            }
        }
        report
    }

    /// Records the methods of the agenda that was run, for the comparison per method.
    pub fn with_agenda(mut self, agenda: &Agenda) -> Report {
        let mut methods: Vec<String> = Vec::new();
        for id in agenda.method_slots().filter_map(|slot| slot.method.as_ref()) {
            if !methods.iter().any(|known| known == id.as_str()) {
                methods.push(id.to_string());
            }
        }
        self.intervention.methods = methods;
        self
    }

    /// The report as JSON, the file the comparison across interventions reads.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).map(|json| json + "\n").unwrap_or_default()
    }
}

/// The questionnaire's measures in order, each with the columns of its items.
fn measures(questionnaire: &Questionnaire) -> Vec<(Measure, Vec<usize>)> {
    let mut groups: Vec<(Measure, Vec<usize>)> = Vec::new();
    for (column, item) in questionnaire.items.iter().enumerate() {
        match groups.iter_mut().find(|(measure, _)| *measure == item.measures) {
            Some((_, columns)) => columns.push(column),
            None => groups.push((item.measures.clone(), vec![column])),
        }
    }
    groups
}

fn item_results(questionnaire: &Questionnaire, answers: &Answers, columns: &[usize]) -> Vec<ItemResult> {
    columns
        .iter()
        .map(|column| {
            let item: &Item = &questionnaire.items[*column];
            ItemResult {
                id: item.id.clone(),
                key: item.key.clone(),
                text: item.text.clone(),
                summary: Summary::of(answers, &[*column]),
            }
        })
        .collect()
}

fn open_result(answers: &Answers, questionnaire: &Questionnaire, column: usize) -> OpenResult {
    let item = &questionnaire.items[column];
    let mut grouped: Vec<(String, OpenAnswer)> = Vec::new();
    for respondent in &answers.respondents {
        let Some(Answer::Text(text)) = respondent.answers.get(column) else { continue };
        let folded = super::answers::fold(text);
        match grouped.iter_mut().find(|(key, _)| *key == folded) {
            Some((_, answer)) => answer.count += 1,
            None => grouped.push((
                folded,
                OpenAnswer { text: text.clone(), count: 1, names_person: names_person(text) },
            )),
        }
    }
    // A stable sort keeps answers of equal count in the order they came.
    grouped.sort_by_key(|(_, answer)| std::cmp::Reverse(answer.count));
    OpenResult {
        id: item.id.clone(),
        question: item.text.clone(),
        answers: grouped.into_iter().map(|(_, answer)| answer).collect(),
    }
}

/// Whether an open answer seems to name a person: a title (« Mme », « M. ») before a
/// capitalised word, or a capitalised word inside a sentence that is not a known place,
/// institution or pronoun. A warning, so it errs on the side of flagging.
pub fn names_person(text: &str) -> bool {
    let bank = bank();
    let words: Vec<&str> = text.split_whitespace().collect();
    words.iter().enumerate().any(|(i, word)| {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '.');
        let after_title = i > 0 && bank.titles.iter().any(|title| title.eq_ignore_ascii_case(words[i - 1]));
        let sentence_start = i == 0 || words[i - 1].ends_with(['.', '!', '?', ':', '«', '"']);
        let capitalised = is_capitalised(bare.trim_end_matches('.'));
        let known = bank.not_names.iter().any(|name| name == bare.trim_end_matches('.'));
        capitalised && !known && (after_title || !sentence_start)
    })
}

/// `Camille`, `Dupont`: an upper-case letter followed by lower-case ones only (not `RSA`).
fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && word.chars().count() > 1
        && chars.all(|c| c.is_lowercase() || c == '-' || c == '\'')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_name_inside_a_sentence_is_flagged() {
        assert!(names_person("Merci à Camille pour l'animation"));
        assert!(names_person("Mme Durand a bien résumé"));
    }

    #[test]
    fn places_acronyms_and_sentence_starts_are_not_names() {
        assert!(!names_person("Très utile pour notre travail à Paris avec le RSA."));
        assert!(!names_person("Plus de temps. Moins de post-it."));
    }

    #[test]
    fn the_mean_and_share_come_from_the_distribution() {
        let summary = Summary::from_distribution([1, 0, 1, 1, 2], 5);
        assert_eq!(summary.mean, Some(3.6));
        assert_eq!(summary.agree_share, Some(0.6));
        assert_eq!(Summary::from_distribution([0; 5], 0).mean, None);
    }
}
