//! Reading CSV as form tools and spreadsheets export it: a byte-order mark, `;`, `,` or
//! tab between cells, quoted cells with `""` inside and line breaks, blank lines.

/// One record of the file and the line it starts on (from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record {
    pub line: usize,
    pub cells: Vec<String>,
}

/// A quoted cell that never closes, with the line it opens on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct UnclosedQuote {
    pub line: usize,
}

/// Splits `source` into records; blank lines are skipped.
pub(crate) fn records(source: &str) -> Result<Vec<Record>, UnclosedQuote> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let delimiter = delimiter(source);
    let mut records = Vec::new();
    let mut chars = source.chars().peekable();
    let mut line = 1;
    while chars.peek().is_some() {
        let start = line;
        let mut cells = Vec::new();
        let mut cell = String::new();
        loop {
            match chars.next() {
                None => break,
                Some('"') if cell.trim().is_empty() => {
                    cell.clear();
                    quoted(&mut chars, &mut cell, &mut line).map_err(|_| UnclosedQuote { line: start })?;
                }
                Some(c) if c == delimiter => cells.push(std::mem::take(&mut cell)),
                Some('\r') => {}
                Some('\n') => {
                    line += 1;
                    break;
                }
                Some(c) => cell.push(c),
            }
        }
        cells.push(cell);
        if cells.iter().any(|cell| !cell.trim().is_empty()) {
            records.push(Record { line: start, cells });
        }
    }
    Ok(records)
}

/// Reads a quoted cell up to its closing quote; the text after it, up to the next
/// separator, is kept as written.
fn quoted(
    chars: &mut std::iter::Peekable<std::str::Chars>,
    cell: &mut String,
    line: &mut usize,
) -> Result<(), ()> {
    loop {
        match chars.next() {
            None => return Err(()),
            Some('"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            Some('"') => return Ok(()),
            Some(c) => {
                if c == '\n' {
                    *line += 1;
                }
                cell.push(c);
            }
        }
    }
}

/// The separator of the header line: the most frequent of `;`, `,` and tab outside quotes
/// (`,` when none appears, a file of one column).
fn delimiter(source: &str) -> char {
    let mut counts = [(';', 0), (',', 0), ('\t', 0)];
    let mut in_quotes = false;
    for c in source.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\n' if !in_quotes => break,
            _ if !in_quotes => counts.iter_mut().filter(|(d, _)| *d == c).for_each(|(_, n)| *n += 1),
            _ => {}
        }
    }
    counts.iter().filter(|(_, n)| *n > 0).max_by_key(|(_, n)| *n).map_or(',', |(d, _)| *d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(source: &str) -> Vec<Vec<String>> {
        records(source).map(|records| records.into_iter().map(|r| r.cells).collect()).unwrap_or_default()
    }

    #[test]
    fn semicolons_win_over_commas_inside_quotes() {
        assert_eq!(cells("a;b\n\"1,5\";2\n"), vec![vec!["a", "b"], vec!["1,5", "2"]]);
    }

    #[test]
    fn quoted_cells_keep_quotes_and_line_breaks() {
        let records =
            records("\u{feff}q1,q2\r\n\"il a dit \"\"oui\"\"\",\"deux\nlignes\"\r\n\r\nx,y\n").unwrap();
        assert_eq!(records[1].cells, vec!["il a dit \"oui\"", "deux\nlignes"]);
        assert_eq!(records[2].line, 5);
        assert_eq!(records[0].cells[0], "q1");
    }

    #[test]
    fn an_unclosed_quote_names_its_line() {
        assert_eq!(records("q1\n\"open\n"), Err(UnclosedQuote { line: 2 }));
    }
}
