//! The JSON Schema of a session file, generated from the types in
//! `model.rs` (their serde attributes and doc comments), so the schema and
//! the reader cannot disagree. The committed copy,
//! `sessions/session.schema.json`, is checked against it by
//! `tests/schema.rs`, which also rewrites it (see docs/FORMAT.md).

use serde_json::{Map, Value};

use super::model::Session;

/// Where the schema says it lives; no server answers there.
pub const SCHEMA_ID: &str = "https://wethi.invalid/session.schema.json";

/// The schema as a JSON value (draft 2020-12).
pub fn schema() -> Value {
    let generated = schemars::generate::SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<Session>()
        .to_value();
    let Value::Object(mut rest) = generated else {
        return generated;
    };
    // What a reader looks for first goes first.
    let mut root = Map::new();
    root.insert("$id".into(), Value::from(SCHEMA_ID));
    for key in ["$schema", "title", "description"] {
        if let Some(value) = rest.remove(key) {
            root.insert(key.into(), value);
        }
    }
    root.append(&mut rest);
    let mut schema = Value::Object(root);
    unwrap_descriptions(&mut schema);
    schema
}

/// The bytes of `sessions/session.schema.json`: two-space JSON and a newline.
pub fn schema_json() -> String {
    let mut out = serde_json::to_string_pretty(&schema()).unwrap_or_default();
    out.push('\n');
    out
}

/// Doc comments are wrapped at 100 columns; a description is one line.
fn unwrap_descriptions(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                match v {
                    Value::String(text) if key == "description" => {
                        *text = text.split('\n').collect::<Vec<_>>().join(" ");
                    }
                    _ => unwrap_descriptions(v),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(unwrap_descriptions),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_are_one_line_and_the_header_comes_first() {
        let text = schema_json();
        let schema = schema();
        let keys: Vec<&String> = schema.as_object().unwrap().keys().take(4).collect();
        assert_eq!(keys, ["$id", "$schema", "title", "description"]);
        let followups = &schema["properties"]["followups"]["description"];
        assert!(
            followups
                .as_str()
                .unwrap()
                .contains("and what became of each")
        );
        assert!(text.ends_with("}\n"));
    }
}
