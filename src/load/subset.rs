//! A fast reader for the plain YAML that method files are written in: block mappings and
//! sequences, one-line flow lists and maps, plain and one-line quoted scalars, comments.
//!
//! It reads a file into [`Node`]s or gives up: anything it is not sure to read exactly as
//! the full YAML parser does (a multi-line scalar, an anchor, a tag, a block scalar, an
//! escape other than `\"`, `\\`, `\/`, `\n`, `\t`, a character the YAML parser refuses...)
//! returns `None`, and the caller falls back on the full parser, whose messages and
//! locations are the only ones a user ever sees. The tests check that wherever it reads
//! a file, it yields what the full parser yields.

use std::borrow::Cow;

/// A YAML value as the subset writes it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node<'s> {
    /// A scalar: its text, and whether it was plain (unquoted), which decides whether it
    /// may read as a number, a boolean or null.
    Scalar { text: Cow<'s, str>, plain: bool },
    /// A sequence.
    Seq(Vec<Node<'s>>),
    /// A mapping, its keys plain words, in the file's order.
    Map(Vec<(&'s str, Node<'s>)>),
}

/// Deeper nesting than this is left to the full parser (and its limits).
const MAX_NESTING: usize = 32;

/// The characters that cannot start a plain scalar in the subset (YAML's indicators, and
/// `-`, `?`, `:` which may start one only in forms the subset does not need).
const NOT_PLAIN_START: &[char] =
    &['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`'];

/// The source as a tree of nodes, or `None` when it is not within the subset.
pub(crate) fn read(source: &str) -> Option<Node<'_>> {
    if !all_printable(source) {
        return None;
    }
    let lines = meaningful_lines(source)?;
    let mut reader = Reader { lines, at: 0 };
    if reader.lines.first()?.indent != 0 {
        return None;
    }
    let node = reader.map(0, 0)?;
    (reader.at == reader.lines.len()).then_some(node)
}

/// Whether every character is [`printable`], decoding only the non-ASCII ones: most of a
/// method file is ASCII, and this runs on every byte.
fn all_printable(source: &str) -> bool {
    source.bytes().enumerate().all(|(at, byte)| match byte {
        b'\n' | b' '..=b'~' => true,
        // A continuation byte belongs to the character its lead byte decoded.
        0x80..=0xbf => true,
        0xc0.. => source[at..].chars().next().is_some_and(printable),
        _ => false,
    })
}

/// The characters the subset reads as the full parser does: printable ones that YAML does
/// not take for a line break or a byte-order mark, no tab, no carriage return. No space
/// but the plain one either: the [limits](crate::limits) scan takes any Unicode space for
/// a blank, so that in the subset it sees the tokens the subset reads, and never an alias,
/// an anchor or a tag (see `read_yaml`, which skips it for a file the subset reads).
fn printable(c: char) -> bool {
    match c {
        '\n' => true,
        ' '..='~' => true,
        '\u{a0}'..='\u{d7ff}' => !c.is_whitespace(),
        '\u{e000}'..='\u{fffd}' => c != '\u{feff}',
        '\u{10000}'..='\u{10ffff}' => true,
        _ => false,
    }
}

/// A line with content: its indentation and its text after the indentation, trailing
/// spaces dropped.
#[derive(Debug, Clone, Copy)]
struct Line<'s> {
    indent: usize,
    text: &'s str,
}

impl Line<'_> {
    /// An item of a block sequence: `-` then a space or nothing.
    fn is_item(&self) -> bool {
        self.text == "-" || self.text.starts_with("- ")
    }
}

/// The lines that are neither blank nor comments; `None` on a document marker or a
/// directive, which the subset does not read.
fn meaningful_lines(source: &str) -> Option<Vec<Line<'_>>> {
    let mut lines = Vec::new();
    for line in source.split('\n') {
        let text = line.trim_start_matches(' ');
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        if line.starts_with("---") || line.starts_with("...") || line.starts_with('%') {
            return None;
        }
        lines.push(Line { indent: line.len() - text.len(), text: text.trim_end_matches(' ') });
    }
    Some(lines)
}

struct Reader<'s> {
    lines: Vec<Line<'s>>,
    at: usize,
}

impl<'s> Reader<'s> {
    /// The block node whose first line is the current one, at `indent`.
    fn block(&mut self, indent: usize, depth: usize) -> Option<Node<'s>> {
        let line = self.lines.get(self.at)?;
        if line.indent != indent || depth > MAX_NESTING {
            return None;
        }
        if line.is_item() { self.seq(indent, depth) } else { self.map(indent, depth) }
    }

    /// A block mapping at `indent`: `key: value` or `key:` and a nested block.
    fn map(&mut self, indent: usize, depth: usize) -> Option<Node<'s>> {
        let mut entries: Vec<(&str, Node)> = Vec::new();
        while let Some(line) = self.lines.get(self.at).copied() {
            if line.indent < indent || (line.indent == indent && line.is_item()) {
                break;
            }
            if line.indent > indent {
                return None;
            }
            let (key, rest) = key_and_rest(line.text)?;
            if entries.iter().any(|(seen, _)| *seen == key) {
                return None;
            }
            let value = if rest.is_empty() {
                self.at += 1;
                self.nested(indent, depth)?
            } else {
                self.at += 1;
                inline(rest, depth)?
            };
            entries.push((key, value));
        }
        Some(Node::Map(entries))
    }

    /// The block under a `key:` at `indent`: more indented, or a sequence at the key's
    /// own indentation.
    fn nested(&mut self, indent: usize, depth: usize) -> Option<Node<'s>> {
        let next = self.lines.get(self.at)?;
        if next.indent > indent || (next.indent == indent && next.is_item()) {
            self.block(next.indent, depth + 1)
        } else {
            None
        }
    }

    /// A block sequence at `indent`: `- value`, or `- key: value` opening a mapping.
    fn seq(&mut self, indent: usize, depth: usize) -> Option<Node<'s>> {
        let mut items = Vec::new();
        while let Some(line) = self.lines.get(self.at).copied() {
            if line.indent < indent || (line.indent == indent && !line.is_item()) {
                break;
            }
            if line.indent > indent || line.text == "-" {
                return None;
            }
            let after = &line.text[1..];
            let rest = after.trim_start_matches(' ');
            let inner = indent + 1 + (after.len() - rest.len());
            if rest.starts_with('-') {
                return None;
            }
            if key_and_rest(rest).is_some() {
                // The item's first key stands where the dash's text starts.
                self.lines[self.at] = Line { indent: inner, text: rest };
                items.push(self.map(inner, depth + 1)?);
            } else {
                self.at += 1;
                items.push(inline(rest, depth)?);
            }
        }
        Some(Node::Seq(items))
    }
}

/// `key: rest` or `key:` (rest empty), the key a plain word.
fn key_and_rest(text: &str) -> Option<(&str, &str)> {
    let end = text.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))?;
    let (key, rest) = text.split_at(end);
    let rest = rest.strip_prefix(':')?;
    if key.is_empty() || key.starts_with('-') {
        return None;
    }
    match rest.strip_prefix(' ') {
        Some(value) => Some((key, value.trim_start_matches(' '))),
        None if rest.is_empty() => Some((key, rest)),
        None => None,
    }
}

/// A value written on its key's or dash's line: a flow collection, a quoted or a plain
/// scalar, maybe followed by a comment.
fn inline(text: &str, depth: usize) -> Option<Node<'_>> {
    if !text.starts_with(['[', '{', '"', '\'']) {
        return block_plain(text);
    }
    let mut cursor = Cursor { rest: text };
    let node = cursor.node(depth + 1)?;
    let after = cursor.rest;
    (after.is_empty() || (after.starts_with(' ') && after.trim_start_matches(' ').starts_with('#')))
        .then_some(node)
}

/// A plain scalar that fills the rest of its line.
fn block_plain(text: &str) -> Option<Node<'_>> {
    if text.is_empty() || text.starts_with(NOT_PLAIN_START) {
        return None;
    }
    if text.contains(": ") || text.contains(" #") || text.ends_with(':') {
        return None;
    }
    Some(Node::Scalar { text: Cow::Borrowed(text), plain: true })
}

/// A reader of flow collections and quoted scalars, within one line.
struct Cursor<'s> {
    rest: &'s str,
}

impl<'s> Cursor<'s> {
    fn skip_spaces(&mut self) {
        self.rest = self.rest.trim_start_matches(' ');
    }

    fn eat(&mut self, c: char) -> bool {
        match self.rest.strip_prefix(c) {
            Some(rest) => {
                self.rest = rest;
                true
            }
            None => false,
        }
    }

    fn node(&mut self, depth: usize) -> Option<Node<'s>> {
        if depth > MAX_NESTING {
            return None;
        }
        if self.eat('[') {
            self.flow_seq(depth)
        } else if self.eat('{') {
            self.flow_map(depth)
        } else if self.eat('"') {
            self.double_quoted()
        } else if self.eat('\'') {
            self.single_quoted()
        } else {
            self.flow_plain()
        }
    }

    /// The items of `[a, b]` after its `[`.
    fn flow_seq(&mut self, depth: usize) -> Option<Node<'s>> {
        let mut items = Vec::new();
        self.skip_spaces();
        if self.eat(']') {
            return Some(Node::Seq(items));
        }
        loop {
            items.push(self.node(depth + 1)?);
            self.skip_spaces();
            if self.eat(']') {
                return Some(Node::Seq(items));
            }
            if !self.eat(',') {
                return None;
            }
            self.skip_spaces();
        }
    }

    /// The entries of `{a: 1, b: 2}` after its `{`.
    fn flow_map(&mut self, depth: usize) -> Option<Node<'s>> {
        let mut entries: Vec<(&str, Node)> = Vec::new();
        self.skip_spaces();
        if self.eat('}') {
            return Some(Node::Map(entries));
        }
        loop {
            let end = self.rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))?;
            let (key, rest) = self.rest.split_at(end);
            self.rest = rest.strip_prefix(": ")?;
            if key.is_empty() || key.starts_with('-') || entries.iter().any(|(seen, _)| *seen == key) {
                return None;
            }
            self.skip_spaces();
            entries.push((key, self.node(depth + 1)?));
            self.skip_spaces();
            if self.eat('}') {
                return Some(Node::Map(entries));
            }
            if !self.eat(',') {
                return None;
            }
            self.skip_spaces();
        }
    }

    /// A plain scalar inside a flow collection, up to the next `,`, `]` or `}`.
    fn flow_plain(&mut self) -> Option<Node<'s>> {
        let end = self.rest.find([',', '[', ']', '{', '}']).unwrap_or(self.rest.len());
        let text = self.rest[..end].trim_end_matches(' ');
        if text.is_empty() || text.starts_with(NOT_PLAIN_START) || text.contains([':', '#']) {
            return None;
        }
        self.rest = &self.rest[end..];
        Some(Node::Scalar { text: Cow::Borrowed(text), plain: true })
    }

    /// The text of `"..."` after its opening quote, closed on the same line.
    fn double_quoted(&mut self) -> Option<Node<'s>> {
        let close = self.rest.find('"')?;
        if !self.rest[..close].contains('\\') {
            let text = &self.rest[..close];
            self.rest = &self.rest[close + 1..];
            return Some(Node::Scalar { text: Cow::Borrowed(text), plain: false });
        }
        let end = self.rest.find('\\')?;
        let mut text = String::from(&self.rest[..end]);
        let mut chars = self.rest[end..].char_indices();
        while let Some((at, c)) = chars.next() {
            match c {
                '"' => {
                    self.rest = &self.rest[end + at + 1..];
                    return Some(Node::Scalar { text: Cow::Owned(text), plain: false });
                }
                '\\' => text.push(match chars.next()?.1 {
                    '"' => '"',
                    '\\' => '\\',
                    '/' => '/',
                    'n' => '\n',
                    't' => '\t',
                    _ => return None,
                }),
                _ => text.push(c),
            }
        }
        None
    }

    /// The text of `'...'` after its opening quote (`''` for a quote), closed on the same
    /// line.
    fn single_quoted(&mut self) -> Option<Node<'s>> {
        let mut text = String::new();
        loop {
            let end = self.rest.find('\'')?;
            text.push_str(&self.rest[..end]);
            self.rest = &self.rest[end + 1..];
            if !self.eat('\'') {
                return Some(Node::Scalar { text: Cow::Owned(text), plain: false });
            }
            text.push('\'');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::nodes::from_node;
    use crate::method::Method;

    /// The crate's method files, as `(file name, YAML)`, read from the folder (the module
    /// names nothing of the catalogue, which uses it).
    fn method_files() -> Vec<(String, String)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("methods");
        let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
            .filter_map(|path| Some((path.display().to_string(), std::fs::read_to_string(&path).ok()?)))
            .collect();
        files.sort();
        assert!(files.len() > 30, "the method files are missing");
        files
    }

    /// What the full parser reads, when it reads anything.
    fn full<T: serde::de::DeserializeOwned>(source: &str) -> Option<T> {
        serde_yaml::from_str(source).ok()
    }

    #[test]
    fn every_built_in_file_is_read_by_the_subset_as_by_the_full_parser() {
        for (file, yaml) in method_files() {
            let node = read(&yaml).unwrap_or_else(|| panic!("{file} is not within the subset"));
            let fast: Method =
                from_node(&node).unwrap_or_else(|| panic!("{file}: the subset cannot type it"));
            assert_eq!(Some(fast), full::<Method>(&yaml), "{file}");
        }
    }

    /// A node as the full parser's untyped value, every scalar a text (the cases have no
    /// number, boolean or null).
    fn texts(node: &Node) -> serde_yaml::Value {
        use serde_yaml::Value;
        match node {
            Node::Scalar { text, .. } => Value::String(text.to_string()),
            Node::Seq(items) => Value::Sequence(items.iter().map(texts).collect()),
            Node::Map(entries) => Value::Mapping(
                entries.iter().map(|(key, value)| (Value::String(key.to_string()), texts(value))).collect(),
            ),
        }
    }

    #[test]
    fn scalars_read_as_the_full_parser_reads_them() {
        let cases = [
            "a: plain words, with [brackets] and {braces}",
            "a: 'it''s'",
            "a: \"quote \\\" backslash \\\\ slash \\/ tab \\t line \\n\"",
            "a: [one, 'two', \"three\", l'avis]",
            "a: {b: c, d: [e, f], g: {}}",
            "a: []",
            "a:\n- b\n- c\nd: e",
            "a:\n  - b: c\n    d: e\n  -   f: g\n      h: i",
            "# comment\na: [b] # comment\n\nc: \"d\"  # comment",
            "a: 14:00",
            "a: é ü 日本 😀",
        ];
        for case in cases {
            let node = read(case).unwrap_or_else(|| panic!("{case:?} is not within the subset"));
            assert_eq!(Some(texts(&node)), full::<serde_yaml::Value>(case), "{case:?}");
        }
    }

    #[test]
    fn typed_scalars_read_as_the_full_parser_reads_them() {
        #[derive(Debug, PartialEq, serde::Deserialize)]
        struct Typed {
            n: Option<u32>,
            i: Option<i32>,
            f: Option<f64>,
            b: Option<bool>,
            s: Option<String>,
        }
        let values =
            ["0", "12", "012", "-3", "1.5", "-0.25", "1e3", "0x1f", "+5", "true", "True", "null", "~", "'7'"];
        for value in values {
            for field in ["n", "i", "f", "b", "s"] {
                let case = format!("{field}: {value}");
                let fast = read(&case).and_then(|node| from_node::<Typed>(&node));
                if let Some(fast) = fast {
                    assert_eq!(Some(fast), full::<Typed>(&case), "{case:?}");
                }
            }
        }
    }

    #[test]
    fn what_the_subset_is_not_sure_of_is_left_to_the_full_parser() {
        let cases = [
            "a: b\n  continued",
            "a: \"open\n  quote\"",
            "a: &x b\nc: *x",
            "a: !tag b",
            "a: |\n  block",
            "a: >\n  folded",
            "a: \"\\u00e9\"",
            "---\na: b",
            "a: b\r\n",
            "a:\tb",
            "a: [b,\n  c]",
            "a: b: c",
            "a:",
            "\"a\": b",
            "a: b\na: c",
            "a: [b, c,]",
            "a: {b: c: d}",
            "- a",
            "a: b\n- c",
            "a: \u{85}",
            "a: \u{a0}*x",
            "a: b\u{2028}c",
        ];
        for case in cases {
            assert_eq!(read(case), None, "{case:?}");
        }
    }

    /// A built-in file with one line changed: `insert` at the value's start, at the line's
    /// end, or in place of the value.
    fn variations(yaml: &str, line: usize, insert: &str) -> [String; 3] {
        let lines: Vec<&str> = yaml.lines().collect();
        let changed = |edit: &dyn Fn(&str) -> String| {
            let mut lines: Vec<String> = lines.iter().map(|line| line.to_string()).collect();
            lines[line] = edit(lines[line].as_str());
            lines.join("\n")
        };
        let value_start =
            |text: &str| text.find(": ").or_else(|| text.find("- ")).map_or(text.len(), |at| at + 2);
        [
            changed(&|text| format!("{}{insert}{}", &text[..value_start(text)], &text[value_start(text)..])),
            changed(&|text| format!("{text}{insert}")),
            changed(&|text| format!("{}{insert}", &text[..value_start(text)])),
        ]
    }

    #[test]
    fn variations_the_subset_reads_are_read_alike_and_within_the_limits() {
        let inserts = [
            "*a ",
            "&a ",
            "!t ",
            "\u{a0}",
            "\u{a0}*a",
            "\u{202f}",
            ": ",
            ":",
            " #c",
            "#",
            "'",
            "\"",
            "\\",
            "[",
            "]",
            "{",
            "}",
            ",",
            "- ",
            "? ",
            "|",
            ">",
            "012",
            "0x1f",
            "null",
            "~",
            "-1",
            "1.5",
            "1e3",
            "true",
            "",
            "\t",
            "x: y",
            "\\n",
            "''",
            "\"\\u00e9\"",
            "[a, *b]",
            "{a: &b c}",
            "\n  x",
            "\n- x",
            "\n---",
        ];
        let mut read_alike = 0;
        for (file, yaml) in method_files().into_iter().step_by(3) {
            let count = yaml.lines().count();
            for line in (0..count).step_by(4) {
                for insert in inserts {
                    for text in variations(&yaml, line, insert) {
                        let Some(fast) = read(&text).and_then(|node| from_node::<Method>(&node)) else {
                            continue;
                        };
                        assert!(crate::limits::scan(&text).is_ok(), "{file}, line {line}, {insert:?}");
                        assert_eq!(Some(fast), full::<Method>(&text), "{file}, line {line}, {insert:?}");
                        read_alike += 1;
                    }
                }
            }
        }
        assert!(read_alike > 1000, "only {read_alike} variations read by the subset");
    }
}
