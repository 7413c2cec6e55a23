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
//!
//! Where the lexicon reads nothing, or reads only unsure cues, the labelled examples speak
//! (`learned`): the objectives of the examples most alike are read, with a confidence that
//! shows them to the facilitator as readings to check. Beside the main objective, another
//! is read only on evidence of its own: words that are not all the main one's, and a clear
//! cue in a short sentence or enough of the examples' votes in a long one.
//!
//! ```
//! use facilitation::analysis::reader::Reader;
//! use facilitation::analysis::Example;
//! use facilitation::Objective;
//! let reader = Reader::new(&[Example::new("retrouver le plaisir de venir au travail", vec![Objective::Remobilize])]);
//! assert_eq!(reader.resolve("retrouver le plaisir du travail en équipe").objectives, [Objective::Remobilize]);
//! ```

use super::learned::{self, Content, Example, Guess, Learned, SETTINGS, Settings};
use super::lexicon::{Cue, Kind, Lexicon, READ, SURE, Token, letter_triples};
use super::words::{Word, one_slip_apart, words};
use super::{Reading, ResolvedObjective, Situation};
use crate::text::{Lang, Localize};
use crate::vocabulary::Objective;
use std::sync::OnceLock;

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
/// The fewest words a reading from the examples alone comes from: one common word
/// (« mieux ») is no reading.
const LEAST_WORDS_HEARD: usize = 2;
/// What a reading from the examples alone is trusted, times its share of the votes: below
/// [`super::UNSURE_BELOW`] whatever the share, so that the facilitator checks it.
const HEARD_TRUST: f32 = 0.7;

/// A reader of the project lead's sentences: a lexicon for the precise cues, negations and
/// what is no objective, labelled examples for the long tail.
#[derive(Debug)]
pub struct Reader {
    lexicon: Lexicon,
    learned: Learned,
    settings: Settings,
}

/// A lexicon file that does not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the lexicon file is not valid: {message}")]
#[non_exhaustive]
pub struct LexiconError {
    /// The parser's words.
    pub message: String,
}

impl Localize for LexiconError {
    fn text(&self, lang: Lang) -> String {
        lang.pick("Le fichier du lexique n'est pas valide : {m}", "The lexicon file is not valid: {m}")
            .replace("{m}", &self.message)
    }
}

impl Reader {
    /// The built-in reader: the crate's lexicon and its examples (`examples.yaml`).
    pub fn builtin() -> &'static Reader {
        static READER: OnceLock<Reader> = OnceLock::new();
        READER.get_or_init(|| Reader::new(learned::examples()))
    }

    /// A reader with the built-in lexicon that learns from `examples`.
    pub fn new(examples: &[Example]) -> Reader {
        Reader::build(Lexicon::builtin(), examples, SETTINGS)
    }

    /// A reader with another lexicon file (a facilitator's draft, an older version) that
    /// learns from `examples`.
    pub fn with_lexicon(lexicon: &str, examples: &[Example]) -> Result<Reader, LexiconError> {
        let lexicon = Lexicon::parse(lexicon).map_err(|e| LexiconError { message: e.to_string() })?;
        Ok(Reader::build(lexicon, examples, SETTINGS))
    }

    pub(crate) fn build(lexicon: Lexicon, examples: &[Example], settings: Settings) -> Reader {
        let prepared: Vec<(&Example, Vec<Content>)> = examples
            .iter()
            .map(|example| (example, content(&prepare(&example.text, &lexicon), &lexicon)))
            .collect();
        let learned = Learned::train(prepared.into_iter(), settings);
        Reader { lexicon, learned, settings }
    }

    /// Resolves one line: an objective id, or a sentence read through the lexicon and the
    /// examples.
    pub fn resolve(&self, text: &str) -> ResolvedObjective {
        if let Ok(objective) = text.trim().parse::<Objective>() {
            let reading = Reading { objective, words: vec![text.trim().to_string()], confidence: 1.0 };
            return ResolvedObjective {
                text: text.to_string(),
                objectives: vec![objective],
                exact: true,
                readings: vec![reading],
                situation: None,
                nearest: vec![],
            };
        }
        let read = self.read(text);
        ResolvedObjective {
            text: text.to_string(),
            objectives: read.readings.iter().map(|reading| reading.objective).collect(),
            exact: false,
            readings: read.readings,
            situation: read.situation,
            nearest: read.nearest,
        }
    }

    /// Reads a sentence.
    fn read(&self, text: &str) -> Read {
        let lexicon = &self.lexicon;
        let mut slots = prepare(text, lexicon);
        let guess = self.learned.guess(&content(&slots, lexicon));
        let lang = lexicon.language(slots.iter().map(|slot| slot.word.folded.as_str()));
        let found = find_cues(&mut slots, lexicon, lang);
        let mut read = weigh(&found, &slots, lexicon);
        self.hear(&mut read, &guess, &slots);
        keep_strong(&mut read, &guess, &self.settings, slots.len());
        if read.readings.is_empty() && read.situation != Some(Situation::Logistics) {
            read.nearest = nearest(&found, &slots, lexicon, &guess);
        }
        read
    }

    /// Lets the examples speak where the lexicon reads nothing or only unsure cues, and
    /// overrule an unsure reading they clearly contradict. Beside a sure objective they
    /// agree on, they drop an unsure one they give few votes to (a sentence's topic more
    /// often than a second objective). A sure reading stands: measured on fresh sentences,
    /// overruling or trimming it lost about as many sentences as it won.
    fn hear(&self, read: &mut Read, guess: &Guess, slots: &[Slot]) {
        let settings = &self.settings;
        let sure = read.readings.iter().any(|reading| reading.confidence >= 1.0);
        if read.situation.is_some() || guess.likeness < settings.least_likeness {
            return;
        }
        let share = |objective: Objective| {
            guess.objectives.iter().find(|(o, ..)| *o == objective).map_or(0.0, |(_, share, _)| *share)
        };
        if sure {
            let has_top = guess
                .objectives
                .first()
                .is_some_and(|(top, ..)| read.readings.iter().any(|r| r.objective == *top));
            if has_top && read.readings.len() > 1 {
                read.readings.retain(|reading| {
                    reading.confidence >= 1.0 || share(reading.objective) >= settings.prune
                });
            }
            return;
        }
        let overruled = guess.objectives.first().is_some_and(|(top, share, _)| {
            *share >= settings.overrule && !read.readings.iter().any(|r| r.objective == *top)
        });
        if read.readings.is_empty() || overruled {
            read.readings = heard(guess, settings, slots);
        }
    }
}

/// Keeps beside the main objective (the surest, the examples' votes breaking ties) only the
/// objectives whose evidence is strong on its own: words of their own, not only some of the
/// main one's (« des tensions » beside « la cohésion »), and either a clear cue in a short
/// sentence (« partager nos pratiques et bâtir un plan d'action ») or, where the examples
/// are alike enough to speak, a share of their votes of at least [`Settings::margin`] times
/// the first objective's. A cue that names two objectives at once (« sortir du conflit »)
/// keeps both. Measured on fresh batches left out of the examples, a second objective read
/// on weaker evidence in a long sentence was more often an extra one than a right one.
fn keep_strong(read: &mut Read, guess: &Guess, settings: &Settings, words: usize) {
    let (readings, paired) = (&mut read.readings, &read.paired);
    if readings.len() < 2 {
        return;
    }
    let share = |objective: Objective| {
        guess.objectives.iter().find(|(o, ..)| *o == objective).map_or(0.0, |(_, share, _)| *share)
    };
    let first = guess.objectives.first().map_or(0.0, |(_, share, _)| *share);
    let heard = guess.likeness >= settings.least_likeness && first > 0.0;
    let evidence = |reading: &Reading| reading.confidence + share(reading.objective);
    let main = (1..readings.len())
        .fold(0, |best, k| if evidence(&readings[k]) > evidence(&readings[best]) { k } else { best });
    let main_words = &readings[main].words;
    let keep: Vec<bool> = readings
        .iter()
        .enumerate()
        .map(|(k, reading)| {
            // Only some of the main one's words: the sentence's topic, not a second aim.
            let own = reading.words.iter().any(|w| !main_words.contains(w))
                || main_words.iter().all(|w| reading.words.contains(w));
            let clear = reading.confidence >= 1.0 && words <= settings.short;
            k == main
                || paired.contains(&reading.objective)
                || (own && (clear || !heard || share(reading.objective) >= settings.margin * first))
        })
        .collect();
    let mut keep = keep.into_iter();
    readings.retain(|_| keep.next().unwrap_or(true));
}

/// The readings the examples give on their own: the first objective when it has enough of
/// the votes, others when they have many, unless more votes say the sentence is no
/// objective; each from two words at least.
fn heard(guess: &Guess, settings: &Settings, slots: &[Slot]) -> Vec<Reading> {
    let top = guess.objectives.first().map_or(0.0, |(_, share, _)| *share);
    if guess.refuse >= top || top < settings.least_share {
        return Vec::new();
    }
    guess
        .objectives
        .iter()
        .enumerate()
        .filter(|(k, (_, share, at))| (*k == 0 || *share >= settings.second) && at.len() >= LEAST_WORDS_HEARD)
        .map(|(_, (objective, share, at))| Reading {
            objective: *objective,
            words: at.iter().filter_map(|&i| slots.get(i)).map(|slot| slot.word.surface.clone()).collect(),
            confidence: (share * HEARD_TRUST).min(1.0),
        })
        .collect()
}

/// The reading of one sentence.
#[derive(Debug, Clone, Default)]
pub(crate) struct Read {
    pub readings: Vec<Reading>,
    pub situation: Option<Situation>,
    pub nearest: Vec<Objective>,
    /// The objectives read only from a cue that names several at once (« sortir du
    /// conflit »): the cue's own reading, kept whatever the examples' votes.
    pub paired: Vec<Objective>,
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

/// A sentence's words, stop words and framing phrases set aside, typos corrected.
fn prepare(text: &str, lexicon: &Lexicon) -> Vec<Slot> {
    let mut slots: Vec<Slot> = words(text, MOST_WORDS)
        .into_iter()
        .map(|word| Slot { word, skip: false, typo: false, used: false })
        .collect();
    set_aside(&mut slots, lexicon);
    correct_typos(&mut slots, lexicon);
    slots
}

/// The words the examples are compared by: those not set aside nor negated.
fn content(slots: &[Slot], lexicon: &Lexicon) -> Vec<Content> {
    (0..slots.len())
        .filter(|&i| !slots[i].skip && !negated(slots, i, lexicon))
        .map(|i| Content { at: i, stems: slots[i].word.stems.clone() })
        .collect()
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

/// Adds up the cues' weights into readings, and names the situation. Organising
/// (« préparer les chevalets ») and informing (« présenter le nouveau règlement aux
/// équipes ») named first win over objectives read without confidence, and over objectives
/// read from one word each after them, their topic (« mettre à jour l'annuaire des
/// partenaires », « présenter aux familles … »); informing otherwise counts only when
/// nothing else is read.
fn weigh(found: &[Found], slots: &[Slot], lexicon: &Lexicon) -> Read {
    let kind = |f: &&Found| lexicon.cues[f.cue].kind;
    let organises = found.iter().any(|f| kind(&f) == Kind::Logistics);
    let asked: Vec<&Found> =
        found.iter().filter(|f| matches!(kind(f), Kind::Objective | Kind::Conflict)).collect();
    let (read, paired) = readings(&asked, slots, lexicon);
    let first = |kinds: &[Kind]| {
        found.iter().filter(|f| kinds.contains(&kind(f))).map(|f| f.at[0]).min().unwrap_or(usize::MAX)
    };
    let aims = first(&[Kind::Objective, Kind::Conflict]);
    let errand_first = first(&[Kind::Logistics]) < aims;
    let inform_first = first(&[Kind::Inform]) < aims;
    let sure = read.iter().any(|reading| {
        reading.confidence >= 1.0 && (reading.words.len() > 1 || !(errand_first || inform_first))
    });
    if !read.is_empty() && (sure || !(organises || inform_first)) {
        let conflict = asked.iter().any(|f| kind(f) == Kind::Conflict);
        return Read {
            readings: read,
            situation: conflict.then_some(Situation::Conflict),
            nearest: Vec::new(),
            paired,
        };
    }
    let informs: Vec<&Found> = found.iter().filter(|f| kind(f) == Kind::Inform).collect();
    if !informs.is_empty() && !organises {
        return Read {
            readings: readings(&informs, slots, lexicon).0,
            situation: Some(Situation::Inform),
            ..Read::default()
        };
    }
    Read { situation: organises.then_some(Situation::Logistics), ..Read::default() }
}

/// The objectives the cues add up to, in the order of the sentence, and those read only
/// from cues that name several objectives at once. Such an objective is dropped when another
/// is named with confidence by cues of its own: « retrouver la confiance après le conflit »
/// is trust, the conflict its context; « sortir du conflit » is trust, then irritants.
fn readings(found: &[&Found], slots: &[Slot], lexicon: &Lexicon) -> (Vec<Reading>, Vec<Objective>) {
    let mut tally: Vec<(Objective, f32, Vec<usize>)> = Vec::new();
    let mut own: Vec<(Objective, f32)> = Vec::new();
    for f in found {
        let typo = f.at.iter().any(|&i| slots[i].typo);
        let reads = &lexicon.cues[f.cue].reads;
        for (objective, weight) in reads {
            let weight = if typo { weight * TYPO_DISCOUNT } else { *weight };
            match tally.iter_mut().find(|(o, ..)| o == objective) {
                Some(entry) => {
                    entry.1 += weight;
                    entry.2.extend(&f.at);
                }
                None => tally.push((*objective, weight, f.at.clone())),
            }
            if reads.len() == 1 {
                own.push((*objective, weight));
            }
        }
    }
    let own_score =
        |objective: Objective| own.iter().filter(|(o, _)| *o == objective).map(|(_, w)| w).sum::<f32>();
    let paired: Vec<Objective> = tally.iter().map(|(o, ..)| *o).filter(|o| own_score(*o) == 0.0).collect();
    if tally.iter().any(|(o, ..)| own_score(*o) >= SURE) {
        tally.retain(|(o, ..)| !paired.contains(o));
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
    (readings.into_iter().map(|(_, reading)| reading).collect(), paired)
}

/// The objectives nearest to a sentence nothing was read in: those its weak cues and its
/// nearest examples point to first, then those whose cue words share the most letter triples with its words.
fn nearest(found: &[Found], slots: &[Slot], lexicon: &Lexicon, guess: &Guess) -> Vec<Objective> {
    let mut closeness: Vec<(Objective, f32)> = Objective::ALL.iter().map(|o| (*o, 0.0)).collect();
    for (objective, share, _) in &guess.objectives {
        if let Some(entry) = closeness.iter_mut().find(|(o, _)| o == objective) {
            entry.1 += share * 10.0;
        }
    }
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
