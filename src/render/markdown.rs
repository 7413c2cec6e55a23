//! Writes a [`Document`] as Markdown.

use super::document::{Block, Document, Line, Span};
use std::fmt::Write;

/// The whole document, blocks separated by blank lines.
pub(crate) fn write(document: &Document) -> String {
    let mut out = format!("# {}\n", one_line(&document.title).trim());
    for block in &document.blocks {
        block_to(&mut out, block);
    }
    out
}

fn block_to(out: &mut String, block: &Block) {
    match block {
        Block::Heading { level, text } => {
            let _ =
                write!(out, "\n{} {}\n", "#".repeat(usize::from(*level).clamp(2, 6)), one_line(text).trim());
        }
        Block::Paragraph(line) => {
            let _ = write!(out, "\n{}\n", inline(line));
        }
        Block::List(items) => {
            out.push('\n');
            for item in items {
                let _ = writeln!(out, "- {}", inline(item));
            }
        }
        Block::Numbered(items) => {
            out.push('\n');
            for (i, item) in items.iter().enumerate() {
                let _ = writeln!(out, "{}. {}", i + 1, inline(item));
            }
        }
        Block::Table { head, rows } => {
            let _ = write!(out, "\n| {} |\n", head.iter().map(|h| cell(h)).collect::<Vec<_>>().join(" | "));
            let _ = writeln!(out, "|{}", "---|".repeat(head.len()));
            for row in rows {
                let _ = writeln!(
                    out,
                    "| {} |",
                    row.cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")
                );
            }
        }
        // The table beside it says the same in words.
        Block::Timeline(_) | Block::Figure { .. } => {}
        Block::Keep(blocks) => blocks.iter().for_each(|block| block_to(out, block)),
    }
}

fn inline(line: &Line) -> String {
    line.iter()
        .map(|span| match span {
            Span::Plain(text) => one_line(text),
            Span::Strong(text) => marked("**", text),
            Span::Emphasis(text) => marked("*", text),
            Span::Link { text, href } if Span::is_local(href) => {
                format!("[{}]({href})", one_line(text).replace(['[', ']'], ""))
            }
            Span::Link { text, .. } => one_line(text),
        })
        .collect()
}

/// Wraps a text in `mark`, leaving its outer spaces outside (`** x**` is not bold).
fn marked(mark: &str, text: &str) -> String {
    let line = one_line(text);
    let inner = line.trim();
    if inner.is_empty() {
        return line;
    }
    let before = if line.starts_with(' ') { " " } else { "" };
    let after = if line.ends_with(' ') { " " } else { "" };
    format!("{before}{mark}{inner}{mark}{after}")
}

/// Keeps a text on one line, so that it cannot break a list or a table; a space at either
/// end stays, because spans are written one after the other. Control characters are
/// dropped, and the characters that open raw HTML, links, images and code (`<`, `>`, `[`,
/// `]`, `` ` ``, `\\`) are escaped, so a title or a sentence shows as written and runs nothing.
fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        // No-break spaces are typography (« 9 h 30 », « Note : »), kept as they are.
        if c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}') {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
            continue;
        }
        in_space = false;
        match c {
            _ if c.is_control() => {}
            '<' | '>' | '[' | ']' | '`' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Keeps a text inside one table cell.
fn cell(text: &str) -> String {
    one_line(text).trim().replace('|', "\\|")
}
