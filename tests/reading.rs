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

/// The misses of ten-fold cross-validation: each tenth of the examples read by a reader
/// that learned from the nine others.
fn cross_validated(set: &[Example]) -> Vec<String> {
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
    missed
}

/// One fresh batch read by a reader that learned from every example but the batch's.
struct LeftOut {
    batch: String,
    size: usize,
    strict: Vec<String>,
    lenient: Vec<String>,
}

/// Each fresh batch of the examples (`batch:`) read by a reader that learned from every
/// other example; the lexicon stays as is (it was partly tuned after batches A and B were
/// measured, so the figure still flatters a little).
fn leave_one_batch_out(set: &[Example]) -> Vec<LeftOut> {
    let mut batches: Vec<&str> = set.iter().filter_map(|e| e.batch.as_deref()).collect();
    batches.sort_unstable();
    batches.dedup();
    batches
        .into_iter()
        .map(|batch| {
            let learned: Vec<Example> =
                set.iter().filter(|e| e.batch.as_deref() != Some(batch)).cloned().collect();
            let reader = Reader::new(&learned);
            let held: Vec<&Example> = set.iter().filter(|e| e.batch.as_deref() == Some(batch)).collect();
            let strict: Vec<Example> = held.iter().map(|e| e.strict()).collect();
            LeftOut {
                batch: batch.to_string(),
                size: held.len(),
                strict: misses(&reader, strict.iter()),
                lenient: misses(&reader, held.iter().copied()),
            }
        })
        .collect()
}

fn percent(missed: usize, total: usize) -> f64 {
    100.0 - missed as f64 * 100.0 / total.max(1) as f64
}

#[test]
fn reads_at_least_ninety_percent_of_the_examples_right_cross_validated() {
    let set = examples();
    let missed = cross_validated(set);
    let accuracy = percent(missed.len(), set.len());
    println!(
        "objective reader: {accuracy:.1} % of {} sentences read right ({FOLDS}-fold cross-validation)",
        set.len()
    );
    for miss in &missed {
        println!("  miss: {miss}");
    }
    assert!(
        accuracy >= LEAST_ACCURACY * 100.0,
        "accuracy {accuracy:.1} % below {:.0} %",
        LEAST_ACCURACY * 100.0
    );
}

/// The leave-one-batch-out accuracy (strict labels) below which the reader has lost ground
/// on sentences it never saw, in percent: the 90 % the reader must reach (90.2 % over
/// batches A–J; batch G, with its requests to inform, is the hardest).
const LEAST_LEFT_OUT: f64 = 90.0;

#[test]
fn reads_each_fresh_batch_left_out_of_its_examples() {
    let set = examples();
    let left_out = leave_one_batch_out(set);
    assert!(left_out.len() >= 4, "{} fresh batches in the examples", left_out.len());
    let total: usize = left_out.iter().map(|b| b.size).sum();
    let strict: usize = left_out.iter().map(|b| b.strict.len()).sum();
    let lenient: usize = left_out.iter().map(|b| b.lenient.len()).sum();
    let cross = percent(cross_validated(set).len(), set.len());
    println!(
        "objective reader: {:.1} % strict, {:.1} % with `also`, of {total} fresh sentences \
         (leave-one-batch-out), beside {cross:.1} % by {FOLDS}-fold cross-validation",
        percent(strict, total),
        percent(lenient, total)
    );
    for batch in &left_out {
        println!(
            "  batch {}: {:.1} % strict, {:.1} % with `also`, of {}",
            batch.batch,
            percent(batch.strict.len(), batch.size),
            percent(batch.lenient.len(), batch.size),
            batch.size
        );
        batch.strict.iter().for_each(|miss| println!("    miss: {miss}"));
    }
    assert!(percent(strict, total) >= LEAST_LEFT_OUT, "leave-one-batch-out {:.1} %", percent(strict, total));
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

#[test]
fn in_a_long_sentence_a_second_objective_needs_the_examples_votes() {
    // Twelve words: « territoire » alone names the partner network, which no example like
    // the sentence reads.
    let text = "relancer la dynamique des zorglubs et des bidulons de tout le territoire";
    let taught = Reader::new(&[
        Example::new("relancer la dynamique des zorglubs", vec![Objective::Remobilize]),
        Example::new("la dynamique des bidulons à relancer", vec![Objective::Remobilize]),
    ]);
    assert_eq!(taught.resolve(text).objectives, [Objective::Remobilize]);
    let untaught = Reader::new(&[]);
    assert_eq!(untaught.resolve(text).objectives, [Objective::Remobilize, Objective::NetworkPartners]);
}

/// A batch written by people who never saw the lexicon: a list of `{text, objectives}`,
/// `objectives` (or `read`) empty for a sentence to refuse, and `also` the objectives a
/// facilitator would not call wrong if they were read too (as in `examples.yaml`).
#[derive(Debug, Deserialize)]
struct Fresh {
    text: String,
    #[serde(default, alias = "read")]
    objectives: Vec<Objective>,
    #[serde(default)]
    also: Vec<Objective>,
}

/// Measures the reader on fresh batches, before anyone reads them: `FRESH=/work/blind cargo
/// test --test reading fresh -- --ignored --nocapture` prints each batch's accuracy only
/// (`SHOW_MISSES=1` lists the misses too, once the figure is recorded), twice: strict
/// (every objective read must be among the batch's labels) and the facilitator's (labels
/// and `also`).
#[test]
#[ignore = "needs fresh batches in the folder named by FRESH"]
fn measures_fresh_batches() {
    let folder = std::env::var("FRESH").expect("FRESH names the folder of fresh batches");
    let mut paths: Vec<_> =
        std::fs::read_dir(&folder).expect("FRESH is a folder").flatten().map(|e| e.path()).collect();
    paths.sort();
    let (mut strict, mut lenient, mut total, mut informs) = (0, 0, 0, 0);
    for path in paths.iter().filter(|p| p.extension().is_some_and(|e| e == "yaml")) {
        let source = std::fs::read_to_string(path).expect("a readable batch");
        let batch: Vec<Fresh> = serde_yaml::from_str(&source).expect("a batch parses");
        let batch: Vec<Example> = batch
            .into_iter()
            .map(|fresh| Example::new(fresh.text, fresh.objectives).with_also(fresh.also))
            .collect();
        let labels_only: Vec<Example> = batch.iter().map(Example::strict).collect();
        let missed = misses(Reader::builtin(), labels_only.iter());
        let missed_lenient = misses(Reader::builtin(), batch.iter());
        let main = batch
            .iter()
            .filter(|e| e.refuse || Reader::builtin().resolve(&e.text).objectives.contains(&e.read[0]))
            .count();
        println!(
            "{}: {:.1} % of {} read right strict, {:.1} % with `also` ({:.1} % with the main objective among those read)",
            path.display(),
            percent(missed.len(), batch.len()),
            batch.len(),
            percent(missed_lenient.len(), batch.len()),
            percent(batch.len() - main, batch.len())
        );
        if std::env::var("SHOW_MISSES").is_ok() {
            missed.iter().for_each(|miss| println!("  miss: {miss}"));
        }
        let informing = batch.iter().filter(|e| e.refuse && only_informs(&e.text)).count();
        (strict, lenient, total, informs) =
            (strict + missed.len(), lenient + missed_lenient.len(), total + batch.len(), informs + informing);
    }
    println!(
        "all fresh batches: {:.1} % strict, {:.1} % with `also`, of {total}; {informs} labelled \
         to refuse only inform: planned, with the question whether a workshop is needed (issue \
         14); counted right, {:.1} % with `also`",
        percent(strict, total),
        percent(lenient, total),
        percent(lenient - informs, total)
    );
}

/// Whether the reader reads `text` as only informing (« présenter la réforme »), which it
/// plans with a question rather than refuse.
fn only_informs(text: &str) -> bool {
    Reader::builtin().resolve(text).situation == Some(facilitation::analysis::Situation::Inform)
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
/// alone and with the examples, with the batch's `also` and strictly (labels only; see
/// `docs-analysis.md`).
#[test]
#[ignore = "needs past batches in the folder named by REPLAY"]
fn replays_past_batches() {
    let folder = std::env::var("REPLAY").expect("REPLAY names the folder of past batches");
    let mut folders: Vec<_> =
        std::fs::read_dir(&folder).expect("REPLAY is a folder").flatten().map(|e| e.path()).collect();
    folders.sort();
    let (mut alone, mut with, mut strict, mut total) = (0, 0, 0, 0);
    for dir in folders.iter().filter(|dir| dir.is_dir()) {
        let lexicon = std::fs::read_to_string(dir.join("lexicon.yaml")).expect("a readable lexicon");
        let batch = read_examples(&dir.join("batch.yaml"));
        let labels_only: Vec<Example> = batch.iter().map(Example::strict).collect();
        let right = |reader: &Reader, batch: &[Example]| batch.len() - misses(reader, batch.iter()).len();
        let lexicon_alone = right(&Reader::with_lexicon(&lexicon, &[]).expect("the lexicon parses"), &batch);
        let examples = read_examples(&dir.join("train.yaml"));
        let reader = Reader::with_lexicon(&lexicon, &examples).expect("the lexicon parses");
        let (both, both_strict) = (right(&reader, &batch), right(&reader, &labels_only));
        println!(
            "{}: {lexicon_alone} then {both} ({both_strict} strict) of {} read right",
            dir.display(),
            batch.len()
        );
        alone += lexicon_alone;
        with += both;
        strict += both_strict;
        total += batch.len();
    }
    let share = |n: usize| n as f64 * 100.0 / total.max(1) as f64;
    println!(
        "lexicon alone {:.1} %, with the examples {:.1} % ({:.1} % strict) of {total}",
        share(alone),
        share(with),
        share(strict)
    );
}
