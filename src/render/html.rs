//! Writes a [`Document`] as one self-contained HTML page, for the screen and for A4 paper.

use super::document::{Block, Document, Line, Segment, Span};
use crate::text::Lang;
use crate::vocabulary::Phase;
use std::fmt::Write;

/// The page's style: readable on screen, printed on A4 without cutting a row or a method
/// in two, phases in the same colours in the timeline and in the table.
const STYLE: &str = r#"
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Marianne", "Segoe UI", Arial, sans-serif; color: #1e1e1e; line-height: 1.45;
  max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; font-size: 11pt; }
h1 { font-size: 1.7rem; margin: 0 0 .6rem; color: #000091; }
h2 { font-size: 1.25rem; margin: 1.6rem 0 .5rem; border-bottom: 2px solid #000091; padding-bottom: .15rem; }
h3 { font-size: 1.05rem; margin: 1.1rem 0 .4rem; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
ul, ol { padding-left: 1.4rem; margin: .3rem 0; }
li { margin: .15rem 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .92em; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #c9c9d6; padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #ececf6; }
.keep { break-inside: avoid; page-break-inside: avoid; }
.timeline { display: flex; width: 100%; height: 3.2rem; border: 1px solid #c9c9d6; margin: .6rem 0 .3rem;
  break-inside: avoid; }
.timeline div { overflow: hidden; padding: .15rem .25rem; font-size: .7rem; line-height: 1.15;
  border-right: 1px solid #fff; }
.timeline div:last-child { border-right: 0; }
.timeline b { display: block; font-weight: 600; }
.legend { font-size: .8rem; margin: 0 0 .6rem; }
.legend span { display: inline-block; padding: .05rem .45rem; margin: .1rem .2rem .1rem 0; border-radius: .2rem; }
.p-none { background: #e5e5e5; }
.p-opening { background: #fde8a8; }
.p-divergence { background: #fcc9a2; }
.p-emergence { background: #c8e6c0; }
.p-convergence { background: #bcd5f2; }
.p-action { background: #d9c8ef; }
.p-closing { background: #b9e4e0; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media print { body { margin: 0; padding: 0; max-width: none; font-size: 10pt; } }
"#;

/// Style added to pages that hold charts.
const FIGURE_STYLE: &str = r#"
figure { margin: .8rem 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: .85rem; color: #3a3a3a; margin-top: .2rem; }
"#;

/// Style added for large type (questionnaires on paper, FALC).
pub(crate) const LARGE_TYPE: &str = r#"
body { font-size: 15pt; line-height: 1.6; max-width: 52rem; }
table { font-size: 1em; }
th, td { padding: .55rem .5rem; }
td:nth-child(2) { width: 38%; }
td:nth-child(n+3) { text-align: center; font-size: 1.4em; }
@media print { body { font-size: 14pt; } }
"#;

/// Style added to forms filled in by hand: room to write in every empty cell.
pub(crate) const FORM: &str = r#"
td:empty { height: 2.4rem; }
td:empty::after { content: ""; }
"#;

/// The whole page; `extra_style` follows the page's style.
pub(crate) fn write(document: &Document, extra_style: &str) -> String {
    let lang = document.lang;
    let has_figure = document.blocks.iter().any(|block| matches!(block, Block::Figure { .. }));
    let figure_style = if has_figure { FIGURE_STYLE } else { "" };
    let mut out = String::from("<!DOCTYPE html>\n");
    let _ = write!(
        out,
        "<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}{figure_style}{extra_style}</style>\n</head>\n<body>\n<h1>{title}</h1>\n",
        title = escape(&document.title),
        code = lang.pick("fr", "en")
    );
    for block in &document.blocks {
        block_to(&mut out, block, lang);
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn block_to(out: &mut String, block: &Block, lang: Lang) {
    match block {
        Block::Heading { level, text } => {
            let level = level.clamp(&2, &6);
            let _ = writeln!(out, "<h{level}>{}</h{level}>", escape(text));
        }
        Block::Paragraph(line) => {
            let _ = writeln!(out, "<p>{}</p>", inline(line));
        }
        Block::List(items) => list(out, "ul", items),
        Block::Numbered(items) => list(out, "ol", items),
        Block::Table { head, rows } => {
            out.push_str("<table>\n<thead><tr>");
            for title in head {
                let _ = write!(out, "<th>{}</th>", escape(title));
            }
            out.push_str("</tr></thead>\n<tbody>\n");
            for row in rows {
                let _ = write!(out, "<tr class=\"{}\">", phase_class(row.phase));
                for cell in &row.cells {
                    let _ = write!(out, "<td>{}</td>", escape(cell));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table>\n");
        }
        Block::Timeline(segments) => timeline(out, segments, lang),
        Block::Figure { caption, svg } => {
            let _ = writeln!(
                out,
                "<figure>{}<figcaption>{}</figcaption></figure>",
                svg.as_str(),
                escape(caption)
            );
        }
        Block::Keep(blocks) => {
            out.push_str("<section class=\"keep\">\n");
            blocks.iter().for_each(|block| block_to(out, block, lang));
            out.push_str("</section>\n");
        }
    }
}

fn list(out: &mut String, tag: &str, items: &[Line]) {
    let _ = writeln!(out, "<{tag}>");
    for item in items {
        let _ = writeln!(out, "<li>{}</li>", inline(item));
    }
    let _ = writeln!(out, "</{tag}>");
}

fn timeline(out: &mut String, segments: &[Segment], lang: Lang) {
    out.push_str("<div class=\"timeline\">");
    for segment in segments {
        let _ = write!(
            out,
            "<div class=\"{}\" style=\"flex: {} 1 0\" title=\"{} {}\"><b>{}</b>{}</div>",
            phase_class(segment.phase),
            segment.minutes.max(1),
            escape(&segment.start),
            escape(&segment.label),
            escape(&segment.start),
            escape(&segment.label)
        );
    }
    out.push_str("</div>\n<p class=\"legend\">");
    for phase in Phase::ALL.iter().filter(|phase| segments.iter().any(|s| s.phase == Some(**phase))) {
        let _ =
            write!(out, "<span class=\"{}\">{}</span>", phase_class(Some(*phase)), escape(phase.label(lang)));
    }
    out.push_str("</p>\n");
}

fn phase_class(phase: Option<Phase>) -> String {
    format!("p-{}", phase.map_or("none", Phase::id))
}

fn inline(line: &Line) -> String {
    line.iter()
        .map(|span| match span {
            Span::Plain(text) => escape(text),
            Span::Strong(text) => format!("<strong>{}</strong>", escape(text)),
            Span::Emphasis(text) => format!("<em>{}</em>", escape(text)),
            Span::Link { text, href } if Span::is_local(href) => {
                format!("<a href=\"{}\">{}</a>", escape(href), escape(text))
            }
            Span::Link { text, .. } => escape(text),
        })
        .collect()
}

/// Escapes the five characters that could open markup, so no file can inject any, and
/// drops control characters (ESC, BEL, NUL...), which no page shows and some terminals obey.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\t' => out.push(c),
            _ if c.is_control() => {}
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
