//! The reader measured on the development set `tests/data/objective-sentences.yaml`:
//! sentences written the way project leads write, labelled with what a facilitator reads.
//! Run `cargo test --test reading -- --nocapture` to see the accuracy and every miss.

use facilitation::Objective;
use facilitation::analysis::resolve;
use serde::Deserialize;

/// The share of sentences that must be read right.
const LEAST_ACCURACY: f64 = 0.90;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Set {
    sentences: Vec<Sentence>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Sentence {
    text: String,
    #[serde(default)]
    read: Vec<Objective>,
    #[serde(default)]
    also: Vec<Objective>,
    #[serde(default)]
    refuse: bool,
}

impl Sentence {
    /// Right when one expected objective is read and nothing a facilitator would call
    /// wrong; for a sentence to refuse, when nothing is read.
    fn read_right(&self, found: &[Objective]) -> bool {
        if self.refuse {
            return found.is_empty();
        }
        found.iter().any(|o| self.read.contains(o))
            && found.iter().all(|o| self.read.contains(o) || self.also.contains(o))
    }
}

fn development_set() -> Vec<Sentence> {
    let source = include_str!("data/objective-sentences.yaml");
    let set: Set = serde_yaml::from_str(source).expect("the development set parses");
    set.sentences
}

#[test]
fn the_development_set_is_large_and_labelled() {
    let set = development_set();
    assert!(set.len() >= 200, "{} sentences", set.len());
    for sentence in &set {
        assert!(sentence.refuse == sentence.read.is_empty(), "label `{}`: read or refuse", sentence.text);
    }
    let refused = set.iter().filter(|s| s.refuse).count();
    assert!(refused >= 5, "only {refused} sentences to refuse");
}

#[test]
fn reads_at_least_ninety_percent_of_the_development_set_right() {
    let set = development_set();
    let mut misses = Vec::new();
    for sentence in &set {
        let line = resolve(&sentence.text);
        if !sentence.read_right(&line.objectives) {
            let read: Vec<String> =
                line.readings.iter().map(|r| format!("{} ({})", r.objective, r.words.join(" "))).collect();
            let want: Vec<&str> = sentence.read.iter().map(|o| o.id()).collect();
            misses.push(format!("« {} »: read [{}], expected {want:?}", sentence.text, read.join(", ")));
        }
    }
    let accuracy = 1.0 - misses.len() as f64 / set.len() as f64;
    println!("objective reader: {:.1} % of {} sentences read right", accuracy * 100.0, set.len());
    for miss in &misses {
        println!("  miss: {miss}");
    }
    assert!(
        accuracy >= LEAST_ACCURACY,
        "accuracy {:.1} % below {:.0} %",
        accuracy * 100.0,
        LEAST_ACCURACY * 100.0
    );
}
