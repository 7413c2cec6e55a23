//! Reading a sentence of the project lead: which objectives it names, from which words,
//! and how surely.
//!
//! The sentence is cut into words, folded and stemmed (`words`); framing phrases
//! (« faire en sorte que », « repartir avec ») and stop words are set aside; words one slip
//! of the keyboard away from the lexicon are corrected; the sentence's small words tell
//! whether to compare French or English stems; then the lexicon's cues are found, longest
//! and tightest first, each word serving one cue only (so that « mobiliser les
//! partenaires » is the partner network, not a remobilisation), and a cue shortly after a
//! negation (« sans décider ») is not read. Objectives add up their cues' weights; a plain
//! word beside a clearly named objective is taken as the sentence's topic.

use super::lexicon::{Cue, Kind, Lexicon, READ, SURE, Token, letter_triples};
use super::words::{Word, one_slip_apart, words};
use super::{Reading, Situation};
use crate::text::Lang;
use crate::vocabulary::Objective;

/// The most words read in one sentence: an objective is a sentence, not a report, and
/// the bound keeps the reading linear whatever is pasted.
pub const MOST_WORDS: usize = 300;
/// How many words may come between two words of a phrase (« plan d'action » also reads
/// « plan global d'action »).
const GAP: usize = 2;
/// How many words (stop words not counted) may come between a negation and what it
/// negates: « pas encore un séminaire de réflexion ».
const NEGATION_REACH: usize = 2;
/// The shortest word corrected as a typo: shorter ones are too often other words.
const SHORTEST_TYPO: usize = 6;
/// What a typo costs in confidence.
const TYPO_DISCOUNT: f32 = 0.75;
/// How many nearest objectives a question offers.
const NEAREST: usize = 3;

/// The reading of one sentence.
#[derive(Debug, Clone, Default)]
pub(crate) struct Read {
    pub readings: Vec<Reading>,
    pub situation: Option<Situation>,
    pub nearest: Vec<Objective>,
}

/// A word of the sentence being read.
struct Slot {
    word: Word,
    skip: bool,
    typo: bool,
    used: bool,
}

/// A cue found at some words.
struct Found {
    cue: usize,
    at: Vec<usize>,
}

/// Reads a sentence.
pub(crate) fn read(text: &str) -> Read {
    let lexicon = Lexicon::get();
    let mut slots: Vec<Slot> = words(text, MOST_WORDS)
        .into_iter()
        .map(|word| Slot { word, skip: false, typo: false, used: false })
        .collect();
    set_aside(&mut slots, lexicon);
    correct_typos(&mut slots, lexicon);
    let lang = lexicon.language(slots.iter().map(|slot| slot.word.folded.as_str()));
    let found = find_cues(&mut slots, lexicon, lang);
    let mut read = weigh(&found, &slots, lexicon);
    if read.readings.is_empty() && read.situation != Some(Situation::Logistics) {
        read.nearest = nearest(&found, &slots, lexicon);
    }
    read
}

/// Marks stop words and framing phrases, which carry no objective.
fn set_aside(slots: &mut [Slot], lexicon: &Lexicon) {
    for slot in slots.iter_mut() {
        slot.skip = lexicon.stop.contains(&slot.word.folded);
    }
    for i in 0..slots.len() {
        for phrase in &lexicon.intents {
            if starts_at(slots, i, phrase) {
                slots[i..i + phrase.len()].iter_mut().for_each(|slot| slot.skip = true);
            }
        }
    }
}

/// Whether the folded words of `phrase` start at `i`.
fn starts_at(slots: &[Slot], i: usize, phrase: &[String]) -> bool {
    i + phrase.len() <= slots.len() && phrase.iter().zip(&slots[i..]).all(|(p, slot)| *p == slot.word.folded)
}

/// Replaces an unknown word one edit away from a lexicon word by that word's stems.
fn correct_typos(slots: &mut [Slot], lexicon: &Lexicon) {
    for slot in slots.iter_mut().filter(|slot| !slot.skip) {
        let folded = &slot.word.folded;
        if folded.chars().count() < SHORTEST_TYPO || lexicon.knows(&slot.word.stems) {
            continue;
        }
        let close = lexicon.vocabulary.iter().find(|(known, _)| {
            known.chars().count() >= SHORTEST_TYPO
                && known.len().abs_diff(folded.len()) <= 1
                && one_slip_apart(known, folded)
        });
        if let Some((_, stems)) = close {
            slot.word.stems = stems.clone();
            slot.typo = true;
        }
    }
}

/// Finds the cues, longest first; each word serves one cue.
fn find_cues(slots: &mut [Slot], lexicon: &Lexicon, lang: Option<Lang>) -> Vec<Found> {
    let content: Vec<usize> = (0..slots.len()).filter(|&i| !slots[i].skip).collect();
    let mut candidates: Vec<Found> = Vec::new();
    for (k, &i) in content.iter().enumerate() {
        for cue in lexicon.starting_with(&slots[i].word.stems, lang) {
            if let Some(at) = match_rest(slots, &content[k..], &lexicon.cues[cue], lang) {
                candidates.push(Found { cue, at });
            }
        }
    }
    for &cue in &lexicon.expressions {
        for start in 0..slots.len() {
            if let Some(at) = match_expression(slots, start, &lexicon.cues[cue], lang) {
                candidates.push(Found { cue, at });
            }
        }
    }
    // Longest first, then the tightest (« se mettre d'accord » before « mettre … en
    // commun »), then the weightiest.
    let weight = |found: &Found| lexicon.cues[found.cue].reads.iter().map(|(_, w)| *w).fold(0.0, f32::max);
    let span = |found: &Found| found.at[found.at.len() - 1] - found.at[0];
    candidates.sort_by(|a, b| {
        b.at.len()
            .cmp(&a.at.len())
            .then(span(a).cmp(&span(b)))
            .then(weight(b).total_cmp(&weight(a)))
            .then(a.at[0].cmp(&b.at[0]))
    });
    let mut kept = Vec::new();
    for found in candidates {
        if found.at.iter().all(|&i| !slots[i].used) {
            found.at.iter().for_each(|&i| slots[i].used = true);
            kept.push(found);
        }
    }
    kept.retain(|found| !negated(slots, found.at[0], lexicon));
    kept
}

/// The positions of an expression read word for word from `start`, if it is there.
fn match_expression(slots: &[Slot], start: usize, cue: &Cue, lang: Option<Lang>) -> Option<Vec<usize>> {
    let pieces = cue.exact.as_ref()?;
    let words = slots.get(start..start + pieces.len())?;
    let fits = pieces.iter().zip(words).all(|(piece, slot)| match piece {
        Token::Small(folded) => *folded == slot.word.folded,
        Token::Word(stems) => !slot.skip && slot.word.stems.meets(stems, lang),
    });
    fits.then(|| (start..start + pieces.len()).collect())
}

/// The positions of a cue's words from the first content word of `content`, each within
/// [`GAP`] content words of the previous one.
fn match_rest(slots: &[Slot], content: &[usize], cue: &Cue, lang: Option<Lang>) -> Option<Vec<usize>> {
    let mut at = vec![content[0]];
    let mut k = 0;
    for stems in &cue.words[1..] {
        let next = (k + 1..content.len().min(k + 2 + GAP))
            .find(|&j| slots[content[j]].word.stems.meets(stems, lang))?;
        at.push(content[next]);
        k = next;
    }
    Some(at)
}

/// Whether a negation (« sans », « ne pas », « not ») comes shortly before word `i`.
fn negated(slots: &[Slot], i: usize, lexicon: &Lexicon) -> bool {
    let mut content = 0;
    for end in (0..i).rev() {
        if lexicon
            .negations
            .iter()
            .any(|phrase| end + 1 >= phrase.len() && starts_at(slots, end + 1 - phrase.len(), phrase))
        {
            return true;
        }
        if !slots[end].skip {
            content += 1;
            if content > NEGATION_REACH {
                return false;
            }
        }
    }
    false
}

/// Adds up the cues' weights into readings, and names the situation. Informing only
/// counts when nothing else is read; organising (« préparer les chevalets ») wins over
/// objectives read without confidence.
fn weigh(found: &[Found], slots: &[Slot], lexicon: &Lexicon) -> Read {
    let kind = |f: &&Found| lexicon.cues[f.cue].kind;
    let organises = found.iter().any(|f| kind(&f) == Kind::Logistics);
    let asked: Vec<&Found> =
        found.iter().filter(|f| matches!(kind(f), Kind::Objective | Kind::Conflict)).collect();
    let read = readings(&asked, slots, lexicon);
    let sure = read.iter().any(|reading| reading.confidence >= 1.0);
    if !read.is_empty() && (sure || !organises) {
        let conflict = asked.iter().any(|f| kind(f) == Kind::Conflict);
        return Read {
            readings: read,
            situation: conflict.then_some(Situation::Conflict),
            nearest: Vec::new(),
        };
    }
    let informs: Vec<&Found> = found.iter().filter(|f| kind(f) == Kind::Inform).collect();
    if !informs.is_empty() && !organises {
        return Read {
            readings: readings(&informs, slots, lexicon),
            situation: Some(Situation::Inform),
            nearest: Vec::new(),
        };
    }
    Read { readings: Vec::new(), situation: organises.then_some(Situation::Logistics), nearest: Vec::new() }
}

/// The objectives the cues add up to, in the order of the sentence.
fn readings(found: &[&Found], slots: &[Slot], lexicon: &Lexicon) -> Vec<Reading> {
    let mut tally: Vec<(Objective, f32, Vec<usize>)> = Vec::new();
    for f in found {
        let typo = f.at.iter().any(|&i| slots[i].typo);
        for (objective, weight) in &lexicon.cues[f.cue].reads {
            let weight = if typo { weight * TYPO_DISCOUNT } else { *weight };
            match tally.iter_mut().find(|(o, ..)| o == objective) {
                Some(entry) => {
                    entry.1 += weight;
                    entry.2.extend(&f.at);
                }
                None => tally.push((*objective, weight, f.at.clone())),
            }
        }
    }
    // A plain word beside a clearly named objective is the sentence's topic, not a second
    // objective (« partager une vision commune » is a vision).
    let top = tally.iter().map(|(_, score, _)| *score).fold(0.0, f32::max);
    let mut readings: Vec<(usize, Reading)> = tally
        .into_iter()
        .filter(|(_, score, _)| *score >= READ * TYPO_DISCOUNT && (*score >= SURE || *score > top / 2.0))
        .map(|(objective, score, mut at)| {
            at.sort_unstable();
            at.dedup();
            let words = at.iter().map(|&i| slots[i].word.surface.clone()).collect();
            (at[0], Reading { objective, words, confidence: (score / SURE).min(1.0) })
        })
        .collect();
    readings.sort_by_key(|(first, _)| *first);
    readings.into_iter().map(|(_, reading)| reading).collect()
}

/// The objectives nearest to a sentence nothing was read in: those its weak cues point
/// to first, then those whose cue words share the most letter triples with its words.
fn nearest(found: &[Found], slots: &[Slot], lexicon: &Lexicon) -> Vec<Objective> {
    let mut closeness: Vec<(Objective, f32)> = Objective::ALL.iter().map(|o| (*o, 0.0)).collect();
    for f in found {
        for (objective, weight) in &lexicon.cues[f.cue].reads {
            if let Some(entry) = closeness.iter_mut().find(|(o, _)| o == objective) {
                entry.1 += weight * 10.0;
            }
        }
    }
    let sentence = letter_triples(slots.iter().filter(|s| !s.skip).map(|s| s.word.folded.as_str()));
    for (objective, score) in closeness.iter_mut() {
        *score += lexicon.likeness(*objective, &sentence);
    }
    closeness.sort_by(|a, b| b.1.total_cmp(&a.1));
    // Two at least, so that the question offers a choice; a third when it is close at all.
    let third_close = closeness.get(2).is_some_and(|(_, s)| *s > 0.0);
    closeness.into_iter().take(if third_close { NEAREST } else { 2 }).map(|(o, _)| o).collect()
}
