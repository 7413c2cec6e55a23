//! French and English usage on every printed document: clock times (« 9 h 30 »), dates in
//! words (« jeudi 18 mars 2027 »), plurals without « (s) », and the spaces French puts
//! before « : ; ! ? » and inside « guillemets » (English has none, and “quotes”).
//!
//! ```
//! use facilitation::{render::typography, ClockTime, Lang};
//! let start: ClockTime = "09:30".parse()?;
//! assert_eq!(typography::clock(start, Lang::Fr), "9\u{a0}h\u{a0}30");
//! assert_eq!(typography::date("2027-03-18", Lang::Fr).as_deref(), Some("jeudi 18\u{a0}mars 2027"));
//! assert_eq!(typography::typeset("Objet : « Forum » !", Lang::Fr), "Objet\u{a0}: «\u{202f}Forum\u{202f}»\u{202f}!");
//! assert_eq!(typography::typeset("Objet : « Forum » !", Lang::En), "Objet: “Forum”!");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use super::document::{Block, Document, Span};
use crate::clock::ClockTime;
use crate::text::Lang;

/// The no-break space French puts before a colon and between a figure and its unit.
pub const NBSP: char = '\u{a0}';
/// The narrow no-break space French puts before « ; ! ? » and inside « guillemets ».
pub const NNBSP: char = '\u{202f}';

const DAYS: [(&str, &str); 7] = [
    ("lundi", "Monday"),
    ("mardi", "Tuesday"),
    ("mercredi", "Wednesday"),
    ("jeudi", "Thursday"),
    ("vendredi", "Friday"),
    ("samedi", "Saturday"),
    ("dimanche", "Sunday"),
];

const MONTHS: [(&str, &str); 12] = [
    ("janvier", "January"),
    ("février", "February"),
    ("mars", "March"),
    ("avril", "April"),
    ("mai", "May"),
    ("juin", "June"),
    ("juillet", "July"),
    ("août", "August"),
    ("septembre", "September"),
    ("octobre", "October"),
    ("novembre", "November"),
    ("décembre", "December"),
];

/// A clock time as written in running text: « 9 h 30 », « 14 h » in French; « 9:30 » in
/// English.
pub fn clock(time: ClockTime, lang: Lang) -> String {
    time.written(lang)
}

/// From one time to another: « 9 h 30 – 12 h 30 », « 9:30–12:30 ».
pub fn span(start: ClockTime, end: ClockTime, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{}{NBSP}– {}", clock(start, lang), clock(end, lang)),
        Lang::En => format!("{}–{}", clock(start, lang), clock(end, lang)),
    }
}

/// A length of time: « 45 min », « 1 h 30 », « 2 h ».
pub fn duration(minutes: u32, lang: Lang) -> String {
    let sep = lang.pick(NBSP, ' ');
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m}{sep}min"),
        (h, 0) => format!("{h}{sep}h"),
        (h, m) => format!("{h}{sep}h{sep}{m:02}"),
    }
}

/// A `YYYY-MM-DD` date in words: « jeudi 18 mars 2027 », « lundi 1er mars 2027 »,
/// « Thursday 18 March 2027 »; `None` when it is not a date.
pub fn date(iso: &str, lang: Lang) -> Option<String> {
    let mut parts = iso.split('-').map(|part| part.parse::<u32>().ok());
    let (year, month, day) = (parts.next()??, parts.next()??, parts.next()??);
    if parts.next().is_some() || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let (day_fr, day_en) = DAYS[weekday(year, month, day)];
    let (month_fr, month_en) = MONTHS[(month - 1) as usize];
    Some(match lang {
        Lang::Fr if day == 1 => format!("{day_fr} 1er {month_fr} {year}"),
        Lang::Fr => format!("{day_fr} {day}{NBSP}{month_fr} {year}"),
        Lang::En => format!("{day_en} {day}{NBSP}{month_en} {year}"),
    })
}

/// Monday = 0 (Sakamoto's method, Gregorian calendar).
fn weekday(year: u32, month: u32, day: u32) -> usize {
    const SHIFT: [u32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if month < 3 { year.saturating_sub(1) } else { year };
    let sunday_first = (y + y / 4 - y / 100 + y / 400 + SHIFT[(month - 1) as usize] + day) % 7;
    ((sunday_first + 6) % 7) as usize
}

/// A count with its noun in the right number: « 1 facilitateur », « 3 facilitateurs ».
/// French puts the singular on 0 and 1, English on 1 alone.
pub fn count(n: u32, singular: &str, plural: &str, lang: Lang) -> String {
    let one = match lang {
        Lang::Fr => n <= 1,
        Lang::En => n == 1,
    };
    format!("{n}{}{}", lang.pick(NBSP, ' '), if one { singular } else { plural })
}

/// Items joined as a sentence says them: « a, b et c », « a, b and c ».
pub fn and_list(items: &[&str], lang: Lang) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} {} {last}", rest.join(", "), lang.pick("et", "and")),
    }
}

/// A quotation: « texte » with narrow no-break spaces, “text” in English.
pub fn quoted(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("«{NNBSP}{}{NNBSP}»", text.trim()),
        Lang::En => format!("“{}”", text.trim()),
    }
}

/// A text with the language's punctuation spaces: in French a no-break space before « : »
/// and a narrow one before « ; ! ? » and inside « »; in English none, and “quotes”.
/// A colon or question mark inside a word or a figure (`09:30`, `https://`) is left alone.
pub fn typeset(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => french(text),
        Lang::En => english(text),
    }
}

fn is_space(c: char) -> bool {
    c == ' ' || c == NBSP || c == NNBSP
}

/// Whether `c` at `i` ends a clause (a space or the end follows) rather than sitting in a
/// word or a figure.
fn ends_clause(chars: &[char], i: usize) -> bool {
    chars.get(i + 1).is_none_or(|next| next.is_whitespace() || matches!(next, ')' | '»' | '*'))
}

fn french(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        match c {
            ':' | ';' | '!' | '?' if ends_clause(&chars, i) || out.ends_with(' ') => {
                let before = out.trim_end_matches(is_space).len();
                // A punctuation mark opening the text, or following another, stays as is.
                // A mark right after another (« ?! ») takes no space of its own.
                let spaced = before < out.len();
                let after_word = match out[..before].chars().last() {
                    Some(previous) => spaced || !matches!(previous, ':' | ';' | '!' | '?'),
                    None => spaced,
                };
                if after_word {
                    out.truncate(before);
                    out.push(if c == ':' { NBSP } else { NNBSP });
                }
                out.push(c);
            }
            '«' => {
                out.push('«');
                out.push(NNBSP);
            }
            '»' => {
                let before = out.trim_end_matches(is_space).len();
                out.truncate(before);
                out.push(NNBSP);
                out.push('»');
            }
            _ if is_space(c) && out.trim_end_matches(is_space).ends_with('«') => {}
            _ => out.push(c),
        }
    }
    out
}

fn english(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            ':' | ';' | '!' | '?' => {
                let before = out.trim_end_matches(is_space).len();
                if before > 0 {
                    out.truncate(before);
                }
                out.push(c);
            }
            '«' => out.push('“'),
            '»' => {
                let before = out.trim_end_matches(is_space).len();
                out.truncate(before);
                out.push('”');
            }
            _ if is_space(c) && out.ends_with('“') => {}
            _ => out.push(c),
        }
    }
    out
}

/// Applies [`typeset`] to every text of `document`, in the document's language.
pub fn typeset_document(document: &mut Document) {
    let lang = document.lang;
    document.title = typeset(&document.title, lang);
    for block in &mut document.blocks {
        typeset_block(block, lang);
    }
}

fn typeset_block(block: &mut Block, lang: Lang) {
    let fix = |text: &mut String| *text = typeset(text, lang);
    match block {
        Block::Heading { text, .. } => fix(text),
        Block::Paragraph(line) => line.iter_mut().for_each(|span| typeset_span(span, lang)),
        Block::List(items) | Block::Numbered(items) => {
            items.iter_mut().flatten().for_each(|span| typeset_span(span, lang))
        }
        Block::Table { head, rows } => {
            head.iter_mut().for_each(fix);
            rows.iter_mut().flat_map(|row| row.cells.iter_mut()).for_each(fix);
        }
        Block::Timeline(segments) => segments.iter_mut().for_each(|segment| fix(&mut segment.label)),
        Block::Keep(blocks) => blocks.iter_mut().for_each(|block| typeset_block(block, lang)),
        Block::Figure { caption, .. } => fix(caption),
    }
}

fn typeset_span(span: &mut Span, lang: Lang) {
    match span {
        Span::Plain(text) | Span::Strong(text) | Span::Emphasis(text) | Span::Link { text, .. } => {
            *text = typeset(text, lang)
        }
    }
}

/// `text` trimmed, with its first letter in capitals: the start of a sentence.
pub(super) fn capitalised(text: &str) -> String {
    let mut chars = text.trim().chars();
    chars.next().map_or(String::new(), |first| first.to_uppercase().chain(chars).collect())
}

/// `text` with its first letter in lower case: a sentence that goes on after a colon.
pub(super) fn uncapitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or(String::new(), |first| first.to_lowercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_match_the_calendar() {
        assert_eq!(date("2027-03-18", Lang::Fr).as_deref(), Some("jeudi 18\u{a0}mars 2027"));
        assert_eq!(date("2027-02-04", Lang::En).as_deref(), Some("Thursday 4\u{a0}February 2027"));
        assert_eq!(date("2024-02-29", Lang::Fr).as_deref(), Some("jeudi 29\u{a0}février 2024"));
        assert_eq!(date("2027-03-01", Lang::Fr).as_deref(), Some("lundi 1er mars 2027"));
        assert_eq!(date("2027-13-01", Lang::Fr), None);
    }

    #[test]
    fn figures_and_links_keep_their_colons() {
        assert_eq!(typeset("à 09:30, voir https://paris.fr", Lang::Fr), "à 09:30, voir https://paris.fr");
        assert_eq!(
            typeset("Note : ok ; oui ? non !", Lang::Fr),
            "Note\u{a0}: ok\u{202f}; oui\u{202f}? non\u{202f}!"
        );
        assert_eq!(typeset("Note : ok ; « oui » ?", Lang::En), "Note: ok; “oui”?");
    }

    #[test]
    fn typesetting_twice_changes_nothing() {
        for text in ["Note : « a » ; b ?", "Objet\u{a0}: x", "a ?! b", "« »"] {
            for lang in [Lang::Fr, Lang::En] {
                let once = typeset(text, lang);
                assert_eq!(typeset(&once, lang), once, "{text:?}");
            }
        }
    }

    #[test]
    fn plurals_follow_the_count() {
        assert_eq!(count(1, "facilitateur", "facilitateurs", Lang::Fr), "1\u{a0}facilitateur");
        assert_eq!(count(3, "facilitateur", "facilitateurs", Lang::Fr), "3\u{a0}facilitateurs");
        assert_eq!(count(0, "person", "people", Lang::En), "0 people");
    }
}
