//! What a file may hold before it is parsed: how deep its lists and maps nest, how many
//! aliases it uses, and no YAML tag.
//!
//! The YAML reader takes time that grows with the square of the nesting, and an alias
//! (`*name`) copies its anchor's value each time it is used: a 140 KB file could expand to
//! gigabytes. So every method, request and agenda file is scanned once, in linear time,
//! before the reader sees it, and refused with the place of the first excess. Together
//! with [`MAX_FILE_BYTES`](crate::MAX_FILE_BYTES), these limits bound the time and memory
//! any input can cost.
//!
//! ```
//! use facilitation::{ProblemKind, Request};
//! let deep = format!("title: {}", "[".repeat(10_000));
//! let error = Request::from_yaml("deep.yaml", &deep).unwrap_err();
//! assert!(matches!(error.problems()[0].kind, ProblemKind::TooDeep { .. }));
//! ```

use crate::error::{Location, ProblemKind};

/// The deepest nesting of lists and maps a file may have, as serde_json's recursion limit.
pub const MAX_DEPTH: usize = 128;

/// The most aliases (`*name`) any file may use.
pub const MAX_ALIASES: usize = 64;

/// The most bytes a file's aliases may expand to. Anchors mark single values, so each
/// alias expands to less than the file's size: a file may use at most this many bytes
/// divided by its size aliases (and never more than [`MAX_ALIASES`]).
pub const MAX_EXPANDED_BYTES: usize = 1024 * 1024;

/// The aliases a file of `bytes` may use.
pub fn aliases_allowed(bytes: usize) -> usize {
    MAX_ALIASES.min(MAX_EXPANDED_BYTES / bytes.max(1))
}

/// Scans `source` for the first excess: nesting deeper than [`MAX_DEPTH`], more aliases
/// than [`aliases_allowed`], an anchor on a list or a map, a tag.
///
/// The scan follows YAML's tokens closely enough for the crate's files (quotes, comments,
/// flow and block collections, block scalars); where it is unsure it counts more, never
/// less, so a file it accepts is within the limits.
pub(crate) fn scan(source: &str) -> Result<(), (Location, ProblemKind)> {
    let mut scanner = Scanner { allowed: aliases_allowed(source.len()), ..Scanner::default() };
    for (index, line) in source.split('\n').enumerate() {
        scanner.line(index + 1, line.strip_suffix('\r').unwrap_or(line))?;
    }
    Ok(())
}

#[derive(Default)]
struct Scanner {
    /// The quote of a quoted text still open at the end of the previous line.
    quote: Option<char>,
    /// Open `[` and `{`.
    flow: usize,
    /// The indentations of the enclosing block collections.
    blocks: Vec<usize>,
    /// The indentation of the line that opened a block scalar (`|`, `>`) still running.
    block_scalar: Option<usize>,
    aliases: usize,
    allowed: usize,
    /// The characters of the line being scanned, a buffer kept from line to line.
    chars: Vec<char>,
}

/// Where a token may start: `[`, `{`, a quote, an anchor, an alias or a tag open one only
/// there, not inside a plain text (`l'avis`, `a*b`).
#[derive(Clone, Copy, PartialEq)]
enum At {
    TokenStart,
    Plain,
    AfterToken,
}

impl Scanner {
    fn line(&mut self, number: usize, line: &str) -> Result<(), (Location, ProblemKind)> {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let blank = line.trim().is_empty() || line.trim_start().starts_with('#');
        if let Some(parent) = self.block_scalar {
            if blank || indent > parent {
                return Ok(());
            }
            self.block_scalar = None;
        }
        if self.quote.is_none() && self.flow == 0 && !blank {
            while self.blocks.last().is_some_and(|&top| top > indent) {
                self.blocks.pop();
            }
            if self.blocks.last().is_none_or(|&top| top < indent) {
                self.blocks.push(indent);
                self.deep(0, Location { line: number, column: indent + 1 })?;
            }
        }
        let mut chars = std::mem::take(&mut self.chars);
        chars.clear();
        chars.extend(line.chars());
        let mut dashes = 0;
        let mut at = At::TokenStart;
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            let next_blank = chars.get(i + 1).is_none_or(|n| n.is_whitespace());
            let place = || Location { line: number, column: i + 1 };
            if let Some(quote) = self.quote {
                match c {
                    '\\' if quote == '"' => i += 1,
                    '\'' if quote == '\'' && chars.get(i + 1) == Some(&'\'') => i += 1,
                    _ if c == quote => {
                        self.quote = None;
                        at = At::AfterToken;
                    }
                    _ => {}
                }
                i += 1;
                continue;
            }
            if c.is_whitespace() {
                i += 1;
                continue;
            }
            let after_space = i == 0 || chars[i - 1].is_whitespace();
            match (at, c) {
                (_, '#') if after_space => break,
                (_, ':') if next_blank => at = At::TokenStart,
                (At::TokenStart | At::AfterToken, '?') if next_blank => {}
                (_, ',') if self.flow > 0 => at = At::TokenStart,
                (_, ']' | '}') if self.flow > 0 || at != At::Plain => {
                    self.flow = self.flow.saturating_sub(1);
                    at = At::AfterToken;
                }
                (At::Plain, _) => {}
                (_, '[' | '{') => {
                    self.flow += 1;
                    self.deep(dashes, place())?;
                    at = At::TokenStart;
                }
                (At::TokenStart, '-') if next_blank => {
                    dashes += 1;
                    self.deep(dashes, place())?;
                }
                (At::TokenStart, '\'' | '"') => self.quote = Some(c),
                (At::TokenStart, '|' | '>') if self.flow == 0 => {
                    self.block_scalar = Some(indent);
                    break;
                }
                (At::TokenStart, '&') => {
                    let end = name_end(&chars, i + 1);
                    let next = chars[end..].iter().position(|c| !c.is_whitespace()).map(|at| end + at);
                    let opens = |at: usize| {
                        matches!(chars[at], '[' | '{' | '#' | '|' | '>')
                            || (chars[at] == '-' && chars.get(at + 1).is_none_or(|c| c.is_whitespace()))
                    };
                    if next.is_none_or(opens) {
                        return Err((place(), ProblemKind::AnchorOnCollection));
                    }
                    i = end;
                    continue;
                }
                (At::TokenStart, '*') => {
                    self.aliases += 1;
                    if self.aliases > self.allowed {
                        let kind = ProblemKind::TooManyAliases { count: self.aliases, limit: self.allowed };
                        return Err((place(), kind));
                    }
                    i = name_end(&chars, i + 1);
                    at = At::AfterToken;
                    continue;
                }
                (At::TokenStart, '!') => {
                    let tag = chars[i..name_end(&chars, i + 1)].iter().collect();
                    return Err((place(), ProblemKind::Tag { tag }));
                }
                _ => at = At::Plain,
            }
            i += 1;
        }
        self.chars = chars;
        Ok(())
    }

    /// Refuses nesting deeper than [`MAX_DEPTH`] at `place`.
    fn deep(&self, dashes: usize, place: Location) -> Result<(), (Location, ProblemKind)> {
        if self.blocks.len() + dashes + self.flow > MAX_DEPTH {
            return Err((place, ProblemKind::TooDeep { limit: MAX_DEPTH }));
        }
        Ok(())
    }
}

/// The index after an anchor's, alias's or tag's name.
fn name_end(chars: &[char], from: usize) -> usize {
    chars[from..]
        .iter()
        .position(|c| c.is_whitespace() || matches!(c, ',' | '[' | ']' | '{' | '}'))
        .map_or(chars.len(), |offset| from + offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(source: &str) -> Option<ProblemKind> {
        scan(source).err().map(|(_, kind)| kind)
    }

    #[test]
    fn plain_texts_with_quotes_brackets_and_stars_pass() {
        let source = "title: l'avis des [usagers] *vraiment* !\nobjectives:\n  - \"a [b\"\n  - 'c '' ]]'\n";
        assert_eq!(kind(source), None);
    }

    #[test]
    fn block_scalars_are_skipped() {
        let source = format!("title: |\n  {}\nend: x\n", "[".repeat(500));
        assert_eq!(kind(&source), None);
    }

    #[test]
    fn brackets_inside_quotes_do_not_hide_nesting() {
        let source = format!("a: {}\n", "[ \"]\", ".repeat(200));
        assert_eq!(kind(&source), Some(ProblemKind::TooDeep { limit: MAX_DEPTH }));
    }

    #[test]
    fn compact_sequences_count_as_nesting() {
        let source = "- ".repeat(MAX_DEPTH + 1) + "x";
        assert_eq!(kind(&source), Some(ProblemKind::TooDeep { limit: MAX_DEPTH }));
    }

    #[test]
    fn deep_block_maps_are_refused() {
        let source: String = (0..MAX_DEPTH + 1).map(|level| format!("{}k:\n", " ".repeat(level))).collect();
        assert_eq!(kind(&source), Some(ProblemKind::TooDeep { limit: MAX_DEPTH }));
    }

    #[test]
    fn anchors_on_lists_are_refused() {
        assert_eq!(kind("a: &x [1, 2]\nb: *x\n"), Some(ProblemKind::AnchorOnCollection));
        assert_eq!(kind("a: &x\n  - 1\nb: *x\n"), Some(ProblemKind::AnchorOnCollection));
        assert_eq!(kind("a: &x 1\nb: *x\n"), None);
    }
}
