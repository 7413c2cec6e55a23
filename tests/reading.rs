//! The reader measured on its examples, `src/analysis/examples.yaml`: sentences written the
//! way project leads write, labelled with what a facilitator reads. The examples are also
//! what the reader learns from, so each is read by a reader that never saw it: ten-fold
//! cross-validation. Run `cargo test --test reading -- --nocapture` to see the accuracy
//! and every miss.

use facilitation::Objective;
use facilitation::analysis::{Example, Reader, examples};
use serde::Deserialize;

/// The share of sentences that must be read right.
const LEAST_ACCURACY: f64 = 0.90;
/// How many parts the examples are cut into: each is read by a reader that learned from
/// the others.
const FOLDS: usize = 10;

#[test]
fn the_development_set_is_large_and_labelled() {
    let set = examples();
    assert!(set.len() >= 200, "{} sentences", set.len());
    for sentence in set {
        assert!(sentence.refuse == sentence.read.is_empty(), "label `{}`: read or refuse", sentence.text);
    }
    let refused = set.iter().filter(|s| s.refuse).count();
    assert!(refused >= 5, "only {refused} sentences to refuse");
}

/// The misses of a reader on some examples.
fn misses<'a>(reader: &Reader, set: impl Iterator<Item = &'a Example>) -> Vec<String> {
    let mut misses = Vec::new();
    for sentence in set {
        let line = reader.resolve(&sentence.text);
        if !sentence.read_right(&line.objectives) {
            let read: Vec<String> =
                line.readings.iter().map(|r| format!("{} ({})", r.objective, r.words.join(" "))).collect();
            let want: Vec<&str> = sentence.read.iter().map(|o| o.id()).collect();
            misses.push(format!("« {} »: read [{}], expected {want:?}", sentence.text, read.join(", ")));
        }
    }
    misses
}

#[test]
fn reads_at_least_ninety_percent_of_the_examples_right_cross_validated() {
    let set = examples();
    let mut missed = Vec::new();
    for fold in 0..FOLDS {
        let learned: Vec<Example> =
            set.iter().enumerate().filter(|(i, _)| i % FOLDS != fold).map(|(_, e)| e.clone()).collect();
        let reader = Reader::new(&learned);
        missed.extend(misses(
            &reader,
            set.iter().enumerate().filter(|(i, _)| i % FOLDS == fold).map(|(_, e)| e),
        ));
    }
    let accuracy = 1.0 - missed.len() as f64 / set.len() as f64;
    println!(
        "objective reader: {:.1} % of {} sentences read right ({FOLDS}-fold cross-validation)",
        accuracy * 100.0,
        set.len()
    );
    for miss in &missed {
        println!("  miss: {miss}");
    }
    assert!(
        accuracy >= LEAST_ACCURACY,
        "accuracy {:.1} % below {:.0} %",
        accuracy * 100.0,
        LEAST_ACCURACY * 100.0
    );
}

#[test]
fn a_reader_that_learned_nothing_reads_with_its_lexicon_alone() {
    let reader = Reader::new(&[]);
    assert_eq!(reader.resolve("faire le bilan de l'année").objectives, [Objective::Review]);
    assert!(reader.resolve("les zorglubs et les bidulons").objectives.is_empty());
}

#[test]
fn reads_a_sentence_like_an_example_the_lexicon_has_no_cue_for() {
    // Made-up words: no cue of the lexicon can read them.
    let text = "les zorglubs et les bidulons";
    let taught = Reader::new(&[Example::new("zorglubs et bidulons, encore", vec![Objective::Remobilize])]);
    let line = taught.resolve(text);
    assert_eq!(line.objectives, [Objective::Remobilize]);
    assert!(line.unsure(), "a reading from the examples alone is shown to be checked");
    assert!(line.readings[0].words.iter().any(|w| w == "zorglubs"), "{:?}", line.readings[0].words);
}

#[test]
fn a_sentence_like_examples_to_refuse_stays_refused() {
    let taught = Reader::new(&[
        Example::new("zorglubs et bidulons pour le buffet", vec![]),
        Example::new("zorglubs et bidulons à commander", vec![]),
        Example::new("zorglubs, bidulons et gobelets", vec![Objective::Decide]),
    ]);
    let line = taught.resolve("les zorglubs et les bidulons");
    assert!(line.objectives.is_empty(), "{:?}", line.objectives);
    assert!(!line.nearest.is_empty(), "a refusal still offers the nearest objectives");
}

#[test]
fn one_common_word_shared_with_an_example_is_no_reading() {
    let taught = Reader::new(&[Example::new("que les zorglubs aillent mieux", vec![Objective::BuildTrust])]);
    assert!(taught.resolve("que tout se passe pour le mieux").objectives.is_empty());
}

/// A batch written by people who never saw the lexicon: a list of `{text, objectives}`,
/// `objectives` empty for a sentence to refuse.
#[derive(Debug, Deserialize)]
struct Fresh {
    text: String,
    #[serde(default)]
    objectives: Vec<Objective>,
}

/// Measures the reader on fresh batches, before anyone reads them: `FRESH=/work/blind cargo
/// test --test reading fresh -- --ignored --nocapture` prints each batch's accuracy only
/// (`SHOW_MISSES=1` lists the misses too, once the figure is recorded). Strict: every
/// objective read must be among the batch's labels.
#[test]
#[ignore = "needs fresh batches in the folder named by FRESH"]
fn measures_fresh_batches() {
    let folder = std::env::var("FRESH").expect("FRESH names the folder of fresh batches");
    let mut paths: Vec<_> =
        std::fs::read_dir(&folder).expect("FRESH is a folder").flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths.iter().filter(|p| p.extension().is_some_and(|e| e == "yaml")) {
        let source = std::fs::read_to_string(path).expect("a readable batch");
        let batch: Vec<Fresh> = serde_yaml::from_str(&source).expect("a batch parses");
        let batch: Vec<Example> =
            batch.into_iter().map(|fresh| Example::new(fresh.text, fresh.objectives)).collect();
        let missed = misses(Reader::builtin(), batch.iter());
        let main = batch
            .iter()
            .filter(|e| e.refuse || Reader::builtin().resolve(&e.text).objectives.contains(&e.read[0]))
            .count();
        let accuracy = 1.0 - missed.len() as f64 / batch.len() as f64;
        println!(
            "{}: {:.1} % of {} read right ({:.1} % with the main objective among those read)",
            path.display(),
            accuracy * 100.0,
            batch.len(),
            main as f64 * 100.0 / batch.len() as f64
        );
        if std::env::var("SHOW_MISSES").is_ok() {
            missed.iter().for_each(|miss| println!("  miss: {miss}"));
        }
    }
}

/// An examples file: `sentences:` and the labelled sentences.
#[derive(Debug, Deserialize)]
struct Examples {
    sentences: Vec<Example>,
}

fn read_examples(path: &std::path::Path) -> Vec<Example> {
    let source = std::fs::read_to_string(path).expect("a readable examples file");
    serde_yaml::from_str::<Examples>(&source).expect("an examples file parses").sentences
}

/// Replays past fresh batches: `REPLAY=dir cargo test --test reading replay -- --ignored
/// --nocapture`, where each folder of `dir` holds the `lexicon.yaml` and the examples
/// (`train.yaml`) of the time a batch (`batch.yaml`) was written, read with the lexicon
/// alone and with the examples (see `docs-analysis.md`).
#[test]
#[ignore = "needs past batches in the folder named by REPLAY"]
fn replays_past_batches() {
    let folder = std::env::var("REPLAY").expect("REPLAY names the folder of past batches");
    let mut folders: Vec<_> =
        std::fs::read_dir(&folder).expect("REPLAY is a folder").flatten().map(|e| e.path()).collect();
    folders.sort();
    let (mut alone, mut with, mut total) = (0, 0, 0);
    for dir in folders.iter().filter(|dir| dir.is_dir()) {
        let lexicon = std::fs::read_to_string(dir.join("lexicon.yaml")).expect("a readable lexicon");
        let batch = read_examples(&dir.join("batch.yaml"));
        let right = |reader: &Reader| batch.len() - misses(reader, batch.iter()).len();
        let lexicon_alone = right(&Reader::with_lexicon(&lexicon, &[]).expect("the lexicon parses"));
        let examples = read_examples(&dir.join("train.yaml"));
        let both = right(&Reader::with_lexicon(&lexicon, &examples).expect("the lexicon parses"));
        println!("{}: {lexicon_alone} then {both} of {} read right", dir.display(), batch.len());
        (alone, with, total) = (alone + lexicon_alone, with + both, total + batch.len());
    }
    let share = |n: usize| n as f64 * 100.0 / total.max(1) as f64;
    println!("lexicon alone {:.1} %, with the examples {:.1} % of {total}", share(alone), share(with));
}
