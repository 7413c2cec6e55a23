//! The JSON Schema of a method file, generated from the Rust types, for editors that
//! complete and check YAML as it is typed (the committed copy is `methods/schema.json`).
//!
//! Only with the `schema` feature.

use crate::method::Method;
use schemars::generate::SchemaSettings;

/// The JSON Schema of a method file, pretty-printed with a final newline.
///
/// It follows draft 07, the version every YAML editor plugin understands.
///
/// ```
/// let schema = facilitation::schema::method_file_schema();
/// assert!(schema.contains("\"participants\""));
/// ```
pub fn method_file_schema() -> String {
    let mut schema = SchemaSettings::draft07().into_generator().into_root_schema_for::<Method>();
    schema.insert("title".into(), "Fiche méthode Facilit'Ensemble / Facilitation method file".into());
    schema.insert(
        "description".into(),
        "Une méthode d'animation du catalogue : un fichier YAML dans `methods/`, nommé d'après son `id`. \
         / One facilitation method of the catalogue: one YAML file in `methods/`, named after its `id`."
            .into(),
    );
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
