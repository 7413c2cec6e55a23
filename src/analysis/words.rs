//! Words as the reader sees them: split on anything that is not a letter or a digit
//! (so elisions such as « l'équipe » and hyphens come apart), lowercased, and reduced to
//! their French and English Snowball stems with accents folded, so that « partenaires »,
//! « partenariat » and « partenaire » meet, and « equipe » typed without its accent too.

use crate::text::Lang;
use rust_stemmers::{Algorithm, Stemmer};
use std::sync::OnceLock;

/// The longest word read, in letters: longer runs of letters are no word of a request,
/// and are cut so that a pasted blob costs no more than a word.
const LONGEST_WORD: usize = 40;

/// The two stems of a word, accents folded.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Stems {
    pub fr: String,
    pub en: String,
}

impl Stems {
    /// Whether two words are of one family in a sentence written in `lang` (`None` when
    /// the sentence does not tell: then either stem may be shared).
    pub fn meets(&self, other: &Stems, lang: Option<Lang>) -> bool {
        match lang {
            Some(Lang::Fr) => self.fr == other.fr,
            Some(Lang::En) => self.en == other.en,
            None => self.fr == other.fr || self.en == other.en,
        }
    }
}

/// One word of a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Word {
    /// As written, for showing which words led to a reading.
    pub surface: String,
    /// Lowercased, accents folded.
    pub folded: String,
    pub stems: Stems,
}

/// The words of `text`, at most `limit` of them.
pub(crate) fn words(text: &str, limit: usize) -> Vec<Word> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|piece| !piece.is_empty())
        .take(limit)
        .map(word)
        .collect()
}

/// One word (cut at [`LONGEST_WORD`] letters), folded and stemmed.
pub(crate) fn word(surface: &str) -> Word {
    let surface = match surface.char_indices().nth(LONGEST_WORD) {
        Some((cut, _)) => &surface[..cut],
        None => surface,
    };
    let lower: String = surface.chars().flat_map(char::to_lowercase).collect();
    let lower = lower.replace('œ', "oe").replace('æ', "ae");
    let (fr, en) = stemmers();
    let stems = Stems { fr: fold(&french_stem(fr, &lower)), en: fold(&en.stem(&lower)) };
    Word { surface: surface.to_string(), folded: fold(&lower), stems }
}

/// The shortest verb in « -ent » read as a third person plural.
const SHORTEST_PLURAL_VERB: usize = 7;

/// The French stem. Snowball keeps the « -ent » of a verb's third person plural (it cannot
/// tell it from « moment »); requests are full of them (« que les équipes partagent »), so
/// a long word it leaves whole in « -ent » is stemmed as its infinitive.
fn french_stem(stemmer: &Stemmer, lower: &str) -> String {
    let stem = stemmer.stem(lower).into_owned();
    match lower.strip_suffix("ent") {
        Some(root) if stem == lower && lower.chars().count() >= SHORTEST_PLURAL_VERB => {
            stemmer.stem(&format!("{root}er")).into_owned()
        }
        _ => stem,
    }
}

fn stemmers() -> &'static (Stemmer, Stemmer) {
    static STEMMERS: OnceLock<(Stemmer, Stemmer)> = OnceLock::new();
    STEMMERS.get_or_init(|| (Stemmer::create(Algorithm::French), Stemmer::create(Algorithm::English)))
}

/// Removes accents from a lowercased word.
pub(crate) fn fold(word: &str) -> String {
    word.chars().map(fold_char).collect()
}

/// A lowercased letter without its accent.
pub(crate) fn fold_char(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' | 'á' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' => 'i',
        'ô' | 'ö' | 'ó' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ç' => 'c',
        'ÿ' => 'y',
        other => other,
    }
}

/// Whether two words are one slip of the keyboard apart: a letter dropped or doubled, or
/// two neighbours swapped. A changed letter is not counted: it too often makes another
/// real word (« recours », « retours »).
pub(crate) fn one_slip_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    let start = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    match long.len() - short.len() {
        0 => {
            start + 1 < short.len()
                && short[start] == long[start + 1]
                && short[start + 1] == long[start]
                && short[start + 2..] == long[start + 2..]
        }
        1 => short[start..] == long[start + 1..],
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elisions_and_hyphens_come_apart() {
        let read: Vec<String> = words("L'équipe co-construit", 10).into_iter().map(|w| w.folded).collect();
        assert_eq!(read, ["l", "equipe", "co", "construit"]);
    }

    #[test]
    fn a_word_family_shares_a_stem() {
        let fr = Some(Lang::Fr);
        assert!(word("partenaires").stems.meets(&word("partenaire").stems, fr));
        assert!(word("harmoniser").stems.meets(&word("harmonisation").stems, fr));
        assert!(word("équipe").stems.meets(&word("equipe").stems, fr));
        assert!(!word("bilan").stems.meets(&word("plan").stems, None));
    }

    #[test]
    fn a_verb_in_the_plural_meets_its_infinitive() {
        assert!(word("partagent").stems.meets(&word("partager").stems, Some(Lang::Fr)));
        assert!(word("travaillent").stems.meets(&word("travailler").stems, Some(Lang::Fr)));
    }

    #[test]
    fn a_french_word_is_compared_by_its_french_stem() {
        assert!(word("usage").stems.meets(&word("usagers").stems, Some(Lang::En)));
        assert!(!word("usage").stems.meets(&word("usagers").stems, Some(Lang::Fr)));
    }

    #[test]
    fn slips_of_the_keyboard_are_recognised() {
        assert!(one_slip_apart("acitons", "actions"));
        assert!(one_slip_apart("experinces", "experiences"));
        assert!(one_slip_apart("acion", "action"));
        assert!(one_slip_apart("irritants", "irritans"));
    }

    #[test]
    fn other_words_are_no_slips() {
        assert!(!one_slip_apart("recours", "retours"));
        assert!(!one_slip_apart("bilan", "plan"));
        assert!(!one_slip_apart("sens", "sensible"));
        assert!(!one_slip_apart("actions", "actions"));
    }

    #[test]
    fn a_huge_word_is_cut() {
        assert_eq!(word(&"é".repeat(10_000)).folded, "e".repeat(LONGEST_WORD));
    }

    #[test]
    fn the_number_of_words_read_is_bounded() {
        let long = "mot ".repeat(10_000);
        assert_eq!(words(&long, 300).len(), 300);
    }
}
