//! The words files of the analysis (`care.yaml`, `stories.yaml`, `needs.yaml`): one list of lower-case
//! words under one key, data a facilitator reviews, embedded in the crate.

use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The words under `key` in a words file's `source`; an error when the file does not read
/// or has no such list (a test of each file parses it).
pub(super) fn parse(source: &str, key: &str) -> Result<Vec<String>, String> {
    let lists: BTreeMap<String, Vec<String>> =
        serde_yaml::from_str(source).map_err(|error| error.to_string())?;
    match (lists.get(key), lists.len()) {
        (Some(words), 1) => Ok(words.clone()),
        _ => Err(format!("a words file holds the one list `{key}`")),
    }
}

/// The words under `key` in `source`, read once into `cell`. The files are part of the
/// crate and a test parses each: no words is the safe reading if one were ever broken (the
/// request is then read as any other).
pub(super) fn cached(cell: &'static OnceLock<Vec<String>>, source: &str, key: &str) -> &'static [String] {
    cell.get_or_init(|| parse(source, key).unwrap_or_default())
}

/// Whether `text`, lower case, holds any of `words`.
pub(super) fn holds_any(text: &str, words: &[String]) -> bool {
    words.iter().any(|word| text.contains(word.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_words_file_parses_and_names_words_in_lower_case() {
        let files = [
            (include_str!("care.yaml"), "disability", 10),
            (include_str!("stories.yaml"), "story", 5),
            (include_str!("needs.yaml"), "needs", 5),
        ];
        for (source, key, least) in files {
            let words = parse(source, key).unwrap();
            assert!(words.len() >= least, "{key}: {words:?}");
            assert!(words.iter().all(|word| *word == word.to_lowercase()), "{words:?}");
        }
        assert!(parse("story: [a]\nother: [b]\n", "story").is_err());
    }
}
