//! A small printable document: what a déroulé or a method card says, built once and then
//! written as Markdown or as an HTML page.

use crate::text::Lang;
use crate::vocabulary::Phase;
use serde::{Deserialize, Serialize};

/// A piece of a line of text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Span {
    /// Ordinary text.
    Plain(String),
    /// Text in bold.
    Strong(String),
    /// Text in italics.
    Emphasis(String),
    /// A link to a file beside the page (a kit's other documents); a target that is not a
    /// plain file name is written as text.
    Link {
        /// The words shown.
        text: String,
        /// The file's name, relative to the page.
        href: String,
    },
}

impl Span {
    /// Whether `href` is a plain file name beside the page (no scheme, no folder).
    pub(crate) fn is_local(href: &str) -> bool {
        !href.is_empty()
            && !href.starts_with('.')
            && href.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
    }
}

/// A line of text: spans written one after the other.
pub type Line = Vec<Span>;

/// A plain line.
pub(crate) fn plain(text: impl Into<String>) -> Line {
    vec![Span::Plain(text.into())]
}

/// A line starting with a label in bold.
pub(crate) fn labelled(label: impl Into<String>, text: impl Into<String>) -> Line {
    vec![Span::Strong(label.into()), Span::Plain(text.into())]
}

/// One part of a session as drawn on the timeline: a label, its minutes, its phase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    /// The clock time it starts at.
    pub start: String,
    /// What happens.
    pub label: String,
    /// Its length.
    pub minutes: u32,
    /// The phase it serves (none for welcome, breaks and lunch).
    pub phase: Option<Phase>,
}

/// A row of a table, coloured by phase in HTML.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    /// The cells, in the order of the header.
    pub cells: Vec<String>,
    /// The phase the row belongs to, if any.
    pub phase: Option<Phase>,
}

/// A block of the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Block {
    /// A section title (level 2 or 3; the document's title is level 1).
    Heading {
        /// 2 or 3.
        level: u8,
        /// The title.
        text: String,
    },
    /// A paragraph.
    Paragraph(Line),
    /// A bulleted list.
    List(Vec<Line>),
    /// A numbered list.
    Numbered(Vec<Line>),
    /// A table with a header row.
    Table {
        /// The column titles.
        head: Vec<String>,
        /// The rows.
        rows: Vec<Row>,
    },
    /// The session drawn as a bar of segments (HTML only; the table says the same).
    Timeline(Vec<Segment>),
    /// Blocks kept together on one printed page when they fit.
    Keep(Vec<Block>),
    /// A chart (HTML only; a table beside it says the same, for screen readers and
    /// Markdown).
    Figure {
        /// What the chart shows, printed under it and read by screen readers.
        caption: String,
        /// The chart; never read from a file.
        #[serde(skip_deserializing)]
        svg: Svg,
    },
}

/// A chart as SVG markup. Only the crate draws one (its text escaped), and it is never
/// deserialized, so no input can put markup into a page.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Svg(String);

impl Svg {
    /// Wraps markup drawn by the crate.
    pub(crate) fn new(markup: String) -> Svg {
        Svg(markup)
    }

    /// The markup.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A printable document in one language.
///
/// ```
/// use facilitation::{render, Catalogue, Lang};
/// let cafe = Catalogue::builtin().get("world-cafe").unwrap();
/// let card = render::card(cafe, Lang::En);
/// assert!(card.to_markdown().starts_with("# World Café"));
/// assert!(card.to_html().contains("<h1>World Café</h1>"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The language it is written in.
    pub lang: Lang,
    /// Its title.
    pub title: String,
    /// Its blocks, in order.
    pub blocks: Vec<Block>,
}

impl Document {
    /// An empty document.
    pub fn new(lang: Lang, title: impl Into<String>) -> Self {
        Document { lang, title: title.into(), blocks: Vec::new() }
    }

    /// Adds a block.
    pub fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    /// Adds a section title.
    pub fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.push(Block::Heading { level, text: text.into() });
    }

    /// Writes it as Markdown (CommonMark with GitHub tables).
    pub fn to_markdown(&self) -> String {
        super::markdown::write(self)
    }

    /// Writes it as one self-contained HTML page: inline style, no script, no link out.
    pub fn to_html(&self) -> String {
        super::html::write(self, "")
    }

    /// Writes it as [`Document::to_html`] does, in large type: for forms filled in on
    /// paper, and for readers who see less well.
    pub fn to_large_html(&self) -> String {
        super::html::write(self, super::html::LARGE_TYPE)
    }
}
