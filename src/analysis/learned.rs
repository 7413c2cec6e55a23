//! Reading from examples: the labelled sentences of `examples.yaml` (how project leads
//! wrote their objectives, and what a facilitator read in them) stand for the long tail of
//! wordings the lexicon has no cue for. A sentence is compared with every example by the
//! words they share (Snowball stems and pairs of neighbouring stems, rare words counting
//! more: TF-IDF and cosine similarity), and the objectives of its nearest examples are read,
//! each with the share of the neighbours' likeness that points to it.

use super::words::Stems;
use crate::vocabulary::Objective;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// How the examples are weighed; the figures were chosen by cross-validation on the
/// examples (see `docs-analysis.md`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Settings {
    /// How many nearest examples vote.
    pub neighbours: usize,
    /// What a pair of neighbouring stems weighs beside a single stem.
    pub pair: f32,
    /// What the English stem of a word weighs beside its French one.
    pub english: f32,
    /// What an objective an example lists as "also right" weighs beside its readings.
    pub also: f32,
    /// The least share of the votes an objective needs to be read when the lexicon reads
    /// nothing.
    pub least_share: f32,
    /// The least likeness of the nearest example for the examples to be heard at all.
    pub least_likeness: f32,
    /// The share of the votes from which the examples overrule an unsure lexicon reading
    /// (above 1: never).
    pub overrule: f32,
    /// Below this share of the votes, an objective the lexicon reads unsurely beside a sure
    /// one is dropped, when the examples' first objective is among the lexicon's.
    pub prune: f32,
    /// The least share of the votes for a second objective to be read from the examples.
    pub second: f32,
    /// The least share of the votes for an objective to be read beside the main one,
    /// relative to the share of the examples' first objective.
    pub margin: f32,
    /// The most words of a sentence short enough for every objective it names with a
    /// clear cue to be read, whatever the examples' votes.
    pub short: usize,
}

/// The settings of the built-in reader.
pub(crate) const SETTINGS: Settings = Settings {
    neighbours: 7,
    pair: 0.7,
    english: 0.5,
    also: 0.25,
    least_share: 0.25,
    least_likeness: 0.15,
    overrule: 0.7,
    prune: 0.3,
    second: 0.4,
    margin: 0.5,
    short: 10,
};

/// A labelled sentence: what a facilitator reads in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Example {
    /// The sentence, as a project lead wrote it.
    pub text: String,
    /// The objectives a facilitator reads in it; at least one must be read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub read: Vec<Objective>,
    /// Objectives a facilitator would not call wrong if they were read too.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Objective>,
    /// No workshop objective: nothing must be read.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub refuse: bool,
    /// The fresh batch the sentence came from (written by someone who never saw the
    /// reader, measured before it was added), if any: the leave-one-batch-out measure reads
    /// each batch with a reader that learned from every other example.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch: Option<String>,
}

impl Example {
    /// A sentence with the objectives a facilitator reads in it (none: to refuse).
    pub fn new(text: impl Into<String>, read: Vec<Objective>) -> Example {
        let refuse = read.is_empty();
        Example { text: text.into(), read, also: Vec::new(), refuse, batch: None }
    }

    /// The same sentence, with objectives a facilitator would not call wrong if they were
    /// read too.
    pub fn with_also(mut self, also: Vec<Objective>) -> Example {
        self.also = also;
        self
    }

    /// The same sentence labelled strictly: only its `read` objectives count as right.
    pub fn strict(&self) -> Example {
        Example { also: Vec::new(), ..self.clone() }
    }

    /// Whether `found` reads the sentence right: one of its objectives read and nothing a
    /// facilitator would call wrong; for a sentence to refuse, nothing read.
    pub fn read_right(&self, found: &[Objective]) -> bool {
        if self.refuse {
            return found.is_empty();
        }
        found.iter().any(|o| self.read.contains(o))
            && found.iter().all(|o| self.read.contains(o) || self.also.contains(o))
    }
}

/// The examples file's shape.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    sentences: Vec<Example>,
}

/// The examples embedded in the crate.
const SOURCE: &str = include_str!("examples.yaml");

/// Parses an examples file (`sentences:` followed by the labelled sentences).
pub(crate) fn parse(source: &str) -> Result<Vec<Example>, serde_yaml::Error> {
    serde_yaml::from_str::<File>(source).map(|file| file.sentences)
}

/// The labelled sentences embedded in the crate (`src/analysis/examples.yaml`).
pub fn examples() -> &'static [Example] {
    static EXAMPLES: std::sync::OnceLock<Vec<Example>> = std::sync::OnceLock::new();
    // The file is part of the crate and a test parses it; without examples the reader
    // falls back on its lexicon alone.
    EXAMPLES.get_or_init(|| parse(SOURCE).unwrap_or_default())
}

/// A word of a sentence as the learned reading sees it: where it stands, its stems.
pub(crate) struct Content {
    pub at: usize,
    pub stems: Stems,
}

/// A term of a sentence: a stem or a pair of stems, the words it comes from, its weight.
struct Term {
    key: String,
    at: Vec<usize>,
    weight: f32,
}

/// The terms of a sentence's content words, in order.
fn terms(content: &[Content], settings: &Settings) -> Vec<Term> {
    let mut terms = Vec::new();
    for (k, word) in content.iter().enumerate() {
        terms.push(Term { key: format!("f:{}", word.stems.fr), at: vec![word.at], weight: 1.0 });
        if settings.english > 0.0 {
            terms.push(Term {
                key: format!("e:{}", word.stems.en),
                at: vec![word.at],
                weight: settings.english,
            });
        }
        if let Some(next) = content.get(k + 1).filter(|_| settings.pair > 0.0) {
            let key = format!("p:{} {}", word.stems.fr, next.stems.fr);
            terms.push(Term { key, at: vec![word.at, next.at], weight: settings.pair });
        }
    }
    terms
}

/// What an example says, as the reading uses it.
#[derive(Debug)]
struct Known {
    votes: Vec<(Objective, f32)>,
    refuse: bool,
    /// Its terms and their weights, sorted by term.
    vector: Vec<(u32, f32)>,
}

/// The examples, ready to compare a sentence with.
#[derive(Debug, Default)]
pub(crate) struct Learned {
    settings: Option<Settings>,
    index: HashMap<String, u32>,
    rarity: Vec<f32>,
    /// By term: the examples that have it, with its weight there.
    postings: Vec<Vec<(u32, f32)>>,
    known: Vec<Known>,
}

/// What the examples nearest to a sentence say of it.
#[derive(Debug, Default)]
pub(crate) struct Guess {
    /// The objectives, most voted first, with their share of the votes (0 to 1) and the
    /// sentence's words that led to them.
    pub objectives: Vec<(Objective, f32, Vec<usize>)>,
    /// The share of the votes that says "no workshop objective".
    pub refuse: f32,
    /// How alike the sentence and its nearest example are (cosine, 0 to 1).
    pub likeness: f32,
}

impl Learned {
    /// Learns from labelled sentences, each given by its content words.
    pub fn train<'a>(
        examples: impl Iterator<Item = (&'a Example, Vec<Content>)>,
        settings: Settings,
    ) -> Learned {
        let mut learned = Learned { settings: Some(settings), ..Learned::default() };
        let mut counted: Vec<(Vec<(u32, f32)>, &Example)> = Vec::new();
        for (example, content) in examples {
            let mut vector: HashMap<u32, f32> = HashMap::new();
            for term in terms(&content, &settings) {
                let next = u32::try_from(learned.index.len()).unwrap_or(u32::MAX);
                let id = *learned.index.entry(term.key).or_insert(next);
                *vector.entry(id).or_default() += term.weight;
            }
            counted.push((vector.into_iter().collect(), example));
        }
        let mut seen = vec![0_u32; learned.index.len()];
        counted.iter().flat_map(|(vector, _)| vector).for_each(|(id, _)| seen[*id as usize] += 1);
        let total = counted.len() as f32;
        learned.rarity = seen.iter().map(|&df| ((1.0 + total) / (1.0 + df as f32)).ln() + 1.0).collect();
        learned.postings = vec![Vec::new(); learned.index.len()];
        for (n, (vector, example)) in counted.into_iter().enumerate() {
            let mut vector: Vec<(u32, f32)> =
                vector.into_iter().map(|(id, w)| (id, w * learned.rarity[id as usize])).collect();
            normalise(&mut vector);
            vector.sort_by_key(|(id, _)| *id);
            let n = u32::try_from(n).unwrap_or(u32::MAX);
            vector.iter().for_each(|(id, w)| learned.postings[*id as usize].push((n, *w)));
            learned.known.push(Known { votes: votes(example, &settings), refuse: example.refuse, vector });
        }
        learned
    }

    /// What the nearest examples say of a sentence given by its content words.
    pub fn guess(&self, content: &[Content]) -> Guess {
        let Some(settings) = self.settings.filter(|_| !self.known.is_empty()) else {
            return Guess::default();
        };
        let query = self.query(content, &settings);
        let mut likeness = vec![0.0_f32; self.known.len()];
        for (id, weight, _) in &query {
            for (n, w) in id.map_or(&[][..], |id| &self.postings[id as usize][..]) {
                likeness[*n as usize] += weight * w;
            }
        }
        let mut nearest: Vec<usize> = (0..likeness.len()).filter(|&n| likeness[n] > 0.0).collect();
        nearest.sort_by(|&a, &b| likeness[b].total_cmp(&likeness[a]).then(a.cmp(&b)));
        nearest.truncate(settings.neighbours);
        let total: f32 = nearest.iter().map(|&n| likeness[n]).sum();
        if total <= 0.0 {
            return Guess::default();
        }
        let mut guess = Guess { likeness: likeness[nearest[0]], ..Guess::default() };
        let mut words: HashMap<Objective, HashMap<usize, f32>> = HashMap::new();
        for &n in &nearest {
            let known = &self.known[n];
            let share = likeness[n] / total;
            if known.refuse {
                guess.refuse += share;
            }
            for (objective, vote) in &known.votes {
                match guess.objectives.iter_mut().find(|(o, ..)| o == objective) {
                    Some(entry) => entry.1 += share * vote,
                    None => guess.objectives.push((*objective, share * vote, Vec::new())),
                }
                let led = words.entry(*objective).or_default();
                for (id, weight, at) in &query {
                    let shared = id.and_then(|id| known.vector.binary_search_by_key(&id, |(i, _)| *i).ok());
                    if let Some(k) = shared {
                        at.iter()
                            .for_each(|a| *led.entry(*a).or_default() += weight * known.vector[k].1 * vote);
                    }
                }
            }
        }
        guess.objectives.sort_by(|a, b| b.1.total_cmp(&a.1));
        for (objective, _, at) in &mut guess.objectives {
            *at = leading_words(words.remove(objective).unwrap_or_default());
        }
        guess
    }

    /// A sentence's terms as a normalised vector: known terms by id, unknown ones counted in
    /// the norm only (a sentence made mostly of words no example has is little alike).
    fn query(&self, content: &[Content], settings: &Settings) -> Vec<(Option<u32>, f32, Vec<usize>)> {
        let rarest = self.rarity.iter().copied().fold(1.0, f32::max);
        let mut query: Vec<(Option<u32>, f32, Vec<usize>)> = Vec::new();
        for term in terms(content, settings) {
            let id = self.index.get(&term.key).copied();
            let weight = term.weight * id.map_or(rarest, |id| self.rarity[id as usize]);
            match query.iter_mut().find(|(known, ..)| known.is_some() && *known == id) {
                Some(entry) => entry.1 += weight,
                None => query.push((id, weight, term.at)),
            }
        }
        let norm = query.iter().map(|(_, w, _)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            query.iter_mut().for_each(|entry| entry.1 /= norm);
        }
        query
    }
}

/// What one example votes for: its readings in full, its "also right" in part.
fn votes(example: &Example, settings: &Settings) -> Vec<(Objective, f32)> {
    let also = example.also.iter().filter(|o| !example.read.contains(o)).map(|o| (*o, settings.also));
    example.read.iter().map(|o| (*o, 1.0)).chain(also.filter(|(_, w)| *w > 0.0)).collect()
}

/// The words that weigh at least a third of the weightiest, in the order of the sentence.
fn leading_words(weights: HashMap<usize, f32>) -> Vec<usize> {
    let top = weights.values().copied().fold(0.0, f32::max);
    let mut at: Vec<usize> =
        weights.into_iter().filter(|(_, w)| *w > 0.0 && *w >= top / 3.0).map(|(a, _)| a).collect();
    at.sort_unstable();
    at
}

fn normalise(vector: &mut [(u32, f32)]) {
    let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        vector.iter_mut().for_each(|(_, w)| *w /= norm);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_examples_file_is_valid() {
        assert!(parse(SOURCE).is_ok(), "{:?}", parse(SOURCE).err());
    }

    #[test]
    fn an_example_to_refuse_is_read_right_only_by_nothing() {
        let example = Example::new("réserver la salle", vec![]);
        assert!(example.read_right(&[]));
        assert!(!example.read_right(&[Objective::Review]));
    }
}
