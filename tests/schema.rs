//! `methods/schema.json` is the schema of the current method type, and agrees with the
//! files it describes.

use facilitation::schema::method_file_schema;
use std::path::PathBuf;
#[path = "support/repo.rs"]
mod repo;

fn committed_path() -> PathBuf {
    repo::file("methods/schema.json")
}

#[test]
fn committed_schema_matches_the_rust_types() {
    let generated = method_file_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(committed_path(), &generated).unwrap();
    }
    let committed = std::fs::read_to_string(committed_path()).unwrap_or_default();
    assert!(
        committed == generated,
        "methods/schema.json is stale: run `UPDATE_SCHEMA=1 cargo test --test schema` and commit it"
    );
}

#[test]
fn schema_requires_the_fields_every_method_file_has() {
    let schema: serde_json::Value = serde_json::from_str(&method_file_schema()).unwrap();
    let required: Vec<&str> =
        schema["required"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    for field in ["id", "name", "summary", "phases", "objectives", "participants", "duration", "steps"] {
        assert!(required.contains(&field), "{field} is not required");
    }
    assert_eq!(schema["additionalProperties"], false, "unknown fields must be refused");
}

#[test]
fn schema_knows_every_field_used_in_the_method_files() {
    let schema: serde_json::Value = serde_json::from_str(&method_file_schema()).unwrap();
    let properties = schema["properties"].as_object().unwrap();
    let dir = repo::file("methods");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|ext| ext != "yaml") {
            continue;
        }
        let file: serde_yaml::Mapping =
            serde_yaml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for key in file.keys() {
            let key = key.as_str().unwrap();
            assert!(properties.contains_key(key), "{}: `{key}` is not in the schema", path.display());
        }
    }
}

#[test]
fn schema_lists_every_vocabulary_word_with_its_labels() {
    let schema = method_file_schema();
    for objective in facilitation::Objective::ALL {
        assert!(schema.contains(&format!("\"const\": \"{}\"", objective.id())), "{objective}");
        assert!(schema.contains(objective.label(facilitation::Lang::Fr)), "{objective}");
    }
}
