//! The reader's lexicon: `lexicon.yaml`, data a facilitator reviews, embedded in the crate
//! and parsed once.

use super::words::{Stems, Word, word, words};
use crate::text::Lang;
use crate::vocabulary::Objective;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The lexicon file, as written by the network.
pub(crate) const SOURCE: &str = include_str!("lexicon.yaml");

/// How much a cue weighs towards its objectives: a strong cue is read with confidence on
/// its own, a plain one is read but deserves a confirmation, a weak one only counts with
/// others (and to suggest the nearest objectives).
const STRONG: f32 = 2.0;
const PLAIN: f32 = 1.0;
const WEAK: f32 = 0.5;

/// The file's shape.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct File {
    stop: StopWords,
    unread: Vec<String>,
    negations: Vec<String>,
    intents: Vec<String>,
    objectives: BTreeMap<Objective, Cues>,
    situations: Situations,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct StopWords {
    fr: Vec<String>,
    en: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Cues {
    #[serde(default)]
    strong: Vec<String>,
    #[serde(default)]
    plain: Vec<String>,
    #[serde(default)]
    weak: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Situations {
    conflict: Situation,
    inform: Situation,
    logistics: Situation,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Situation {
    #[serde(default)]
    reads: Vec<Objective>,
    cues: Vec<String>,
}

/// What a cue says about a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// It names objectives.
    Objective,
    /// Two teams or people in conflict.
    Conflict,
    /// Only informing.
    Inform,
    /// Practical organisation, no workshop objective.
    Logistics,
}

/// A word or a phrase of the lexicon and what it weighs.
#[derive(Debug, Clone)]
pub(crate) struct Cue {
    pub words: Vec<Stems>,
    /// For an expression whose small words matter (« se projeter », « ce qui ne va pas »):
    /// every word, to be found in a row, small words as written and others by family.
    pub exact: Option<Vec<Token>>,
    pub reads: Vec<(Objective, f32)>,
    pub kind: Kind,
}

/// A word of an expression read word for word.
#[derive(Debug, Clone)]
pub(crate) enum Token {
    /// A stop word, folded.
    Small(String),
    /// Another word, by its stems.
    Word(Stems),
}

/// The lexicon, ready to read with.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    pub stop: HashSet<String>,
    /// Stop words of one language only, which tell the language of a sentence.
    only_fr: HashSet<String>,
    only_en: HashSet<String>,
    pub negations: Vec<Vec<String>>,
    pub intents: Vec<Vec<String>>,
    pub cues: Vec<Cue>,
    /// Cues by the stems of their first word (`fr:` or `en:` prefixed).
    index: HashMap<String, Vec<usize>>,
    /// The cues read word for word.
    pub expressions: Vec<usize>,
    /// Every word of the cues, folded, with its stems: what a typo is corrected to.
    pub vocabulary: Vec<(String, Stems)>,
    known: HashSet<String>,
    /// The letter triples of each objective's cue words, to find the nearest objectives.
    triples: HashMap<Objective, HashSet<[char; 3]>>,
}

impl Lexicon {
    /// The built-in lexicon.
    pub fn builtin() -> Lexicon {
        // The file is part of the crate and a test parses it; an empty lexicon (every
        // sentence refused with a question) is the safe reading if it were ever broken.
        Lexicon::parse(SOURCE).unwrap_or_else(|_| Lexicon::empty())
    }

    /// Parses a lexicon file.
    pub fn parse(source: &str) -> Result<Lexicon, serde_yaml::Error> {
        let file: File = serde_yaml::from_str(source)?;
        Ok(Lexicon::build(file))
    }

    fn empty() -> Lexicon {
        Lexicon::build(File {
            stop: StopWords::default(),
            unread: vec![],
            negations: vec![],
            intents: vec![],
            objectives: BTreeMap::new(),
            situations: Situations {
                conflict: Situation { reads: vec![], cues: vec![] },
                inform: Situation { reads: vec![], cues: vec![] },
                logistics: Situation { reads: vec![], cues: vec![] },
            },
        })
    }

    fn build(file: File) -> Lexicon {
        let fold_all = |list: &[String]| -> HashSet<String> { list.iter().map(|w| word(w).folded).collect() };
        let (fr, en) = (fold_all(&file.stop.fr), fold_all(&file.stop.en));
        let only_fr = fr.difference(&en).cloned().collect();
        let only_en = en.difference(&fr).cloned().collect();
        // Words never read are set aside like stop words, without telling a language.
        let stop: HashSet<String> = fr.union(&en).cloned().chain(fold_all(&file.unread)).collect();
        let folded = |phrase: &String| words(phrase, usize::MAX).into_iter().map(|w| w.folded).collect();
        let mut lexicon = Lexicon {
            negations: file.negations.iter().map(folded).collect(),
            intents: file.intents.iter().map(folded).collect(),
            stop,
            only_fr,
            only_en,
            cues: Vec::new(),
            index: HashMap::new(),
            expressions: Vec::new(),
            vocabulary: Vec::new(),
            known: HashSet::new(),
            triples: HashMap::new(),
        };
        for (objective, cues) in &file.objectives {
            for (phrases, weight) in [(&cues.strong, STRONG), (&cues.plain, PLAIN), (&cues.weak, WEAK)] {
                for phrase in phrases {
                    lexicon.add(phrase, vec![(*objective, weight)], Kind::Objective);
                }
            }
        }
        let situations = &file.situations;
        for (situation, kind, weight) in [
            (&situations.conflict, Kind::Conflict, STRONG),
            (&situations.inform, Kind::Inform, PLAIN),
            (&situations.logistics, Kind::Logistics, PLAIN),
        ] {
            let reads: Vec<(Objective, f32)> = situation.reads.iter().map(|o| (*o, weight)).collect();
            for phrase in &situation.cues {
                lexicon.add(phrase, reads.clone(), kind);
            }
        }
        lexicon
    }

    fn add(&mut self, phrase: &str, reads: Vec<(Objective, f32)>, kind: Kind) {
        let (phrase, forced) = match phrase.strip_prefix('=') {
            Some(rest) => (rest, true),
            None => (phrase, false),
        };
        let all = words(phrase, usize::MAX);
        let content: Vec<&Word> = all.iter().filter(|w| !self.stop.contains(&w.folded)).collect();
        let at = self.cues.len();
        // A phrase left with one word or none once its small words are dropped would say
        // something else (« se projeter » is not « projet »): it is read word for word, as
        // is a phrase marked with a leading `=` (« faire équipe », not « faire … équipes »).
        let exact = (forced || (content.len() < all.len() && content.len() <= 1)).then(|| {
            all.iter()
                .map(|w| match self.stop.contains(&w.folded) {
                    true => Token::Small(w.folded.clone()),
                    false => Token::Word(w.stems.clone()),
                })
                .collect()
        });
        match (&exact, content.first()) {
            (Some(_), _) => self.expressions.push(at),
            (None, Some(first)) => {
                for key in keys(&first.stems, None) {
                    self.index.entry(key).or_default().push(at);
                }
            }
            (None, None) => return,
        }
        for w in &content {
            if self.known.insert(w.folded.clone()) {
                self.vocabulary.push((w.folded.clone(), w.stems.clone()));
            }
            self.known.insert(format!("fr:{}", w.stems.fr));
            self.known.insert(format!("en:{}", w.stems.en));
            for (objective, _) in reads.iter().filter(|_| kind == Kind::Objective) {
                self.triples.entry(*objective).or_default().extend(triples(&w.folded));
            }
        }
        let words = content.into_iter().map(|w| w.stems.clone()).collect();
        self.cues.push(Cue { words, exact, reads, kind });
    }

    /// The cues whose first word is of the family of `stems`, each once.
    pub fn starting_with(&self, stems: &Stems, lang: Option<Lang>) -> Vec<usize> {
        let mut found: Vec<usize> =
            keys(stems, lang).iter().filter_map(|key| self.index.get(key)).flatten().copied().collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// The language of some words, told by their stop words (`None` when they do not tell).
    pub fn language(&self, folded: impl Iterator<Item = impl AsRef<str>>) -> Option<Lang> {
        let (mut fr, mut en) = (0, 0);
        for word in folded {
            fr += usize::from(self.only_fr.contains(word.as_ref()));
            en += usize::from(self.only_en.contains(word.as_ref()));
        }
        match fr.cmp(&en) {
            std::cmp::Ordering::Greater => Some(Lang::Fr),
            std::cmp::Ordering::Less => Some(Lang::En),
            std::cmp::Ordering::Equal => None,
        }
    }

    /// Whether a word's family appears in some cue.
    pub fn knows(&self, stems: &Stems) -> bool {
        keys(stems, None).iter().any(|key| self.known.contains(key))
    }

    #[cfg(test)]
    /// The phrases of the file that leave no word once stop words are dropped, by
    /// objective or situation: they could never be read.
    pub fn empty_phrases(source: &str) -> Result<Vec<String>, serde_yaml::Error> {
        let file: File = serde_yaml::from_str(source)?;
        let lexicon = Lexicon::parse(source)?;
        let mut phrases: Vec<&String> = Vec::new();
        for cues in file.objectives.values() {
            phrases.extend(cues.strong.iter().chain(&cues.plain).chain(&cues.weak));
        }
        let s = &file.situations;
        phrases.extend(s.conflict.cues.iter().chain(&s.inform.cues).chain(&s.logistics.cues));
        Ok(phrases
            .into_iter()
            .filter(|phrase| words(phrase, usize::MAX).iter().all(|w| lexicon.stop.contains(&w.folded)))
            .cloned()
            .collect())
    }

    #[cfg(test)]
    /// The objectives with fewer than `least` cues of their own.
    pub fn thin_objectives(&self, least: usize) -> Vec<Objective> {
        Objective::ALL
            .iter()
            .copied()
            .filter(|objective| {
                let own = self.cues.iter().filter(|cue| {
                    cue.kind == Kind::Objective && cue.reads.iter().any(|(o, _)| o == objective)
                });
                own.count() < least
            })
            .collect()
    }

    /// How much a sentence's words look like an objective's cue words: the share of the
    /// objective's letter triples found among the sentence's (see [`letter_triples`]).
    pub fn likeness(&self, objective: Objective, sentence: &HashSet<[char; 3]>) -> f32 {
        let Some(own) = self.triples.get(&objective) else { return 0.0 };
        let shared = sentence.iter().filter(|t| own.contains(*t)).count();
        shared as f32 / (own.len() as f32).sqrt().max(1.0)
    }
}

/// The letter triples of some words, to compare with an objective's.
pub(crate) fn letter_triples<'a>(words: impl Iterator<Item = &'a str>) -> HashSet<[char; 3]> {
    words.flat_map(triples).collect()
}

/// The letter triples of a word, with its ends marked so that short words count too.
fn triples(word: &str) -> Vec<[char; 3]> {
    let chars: Vec<char> = std::iter::once(' ').chain(word.chars()).chain(std::iter::once(' ')).collect();
    chars.windows(3).map(|w| [w[0], w[1], w[2]]).collect()
}

fn keys(stems: &Stems, lang: Option<Lang>) -> Vec<String> {
    let fr = format!("fr:{}", stems.fr);
    let en = format!("en:{}", stems.en);
    match lang {
        Some(Lang::Fr) => vec![fr],
        Some(Lang::En) => vec![en],
        None => vec![fr, en],
    }
}

/// The weight at which a cue's objectives are read with confidence.
pub(crate) const SURE: f32 = STRONG;
/// The weight from which an objective is read at all.
pub(crate) const READ: f32 = PLAIN;
