//! `sessions/session.schema.json` is generated from the model
//! (`wethi::session::schema`): this test fails when the committed file is
//! stale, and rewrites it when asked to.

mod common;

use std::fs;
use std::io::Write;

use serde_json::{Value, json};
use wethi::session::schema::schema_json;

/// Set to rewrite the committed schema from the model instead of comparing.
const REWRITE: &str = "WETHI_WRITE_SCHEMA";

#[test]
fn the_committed_schema_is_the_one_the_model_generates() {
    let path = common::schema_path();
    let generated = schema_json();
    if std::env::var_os(REWRITE).is_some() {
        // Whole or not at all: a reader never sees half a file.
        let dir = path.parent().expect("the schema lives in a folder");
        let mut temp = tempfile::NamedTempFile::new_in(dir).expect("a temporary file beside it");
        temp.write_all(generated.as_bytes())
            .expect("the schema file is writable");
        temp.persist(&path).expect("the schema file is replaced");
        return;
    }
    let committed = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "sessions/session.schema.json is stale: the session types in src/session/model.rs \
         changed. Regenerate it with `{REWRITE}=1 cargo test --test schema`, read the diff \
         and commit it."
    );
}

/// The generated schema keeps what the model's serde attributes say: the
/// fields a file may leave out, and unknown fields kept.
#[test]
fn the_schema_follows_the_serde_attributes() {
    let schema: Value = serde_json::from_str(&schema_json()).unwrap();
    let required = |v: &Value| -> Vec<String> {
        v["required"]
            .as_array()
            .map(|r| {
                r.iter()
                    .filter_map(|s| s.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let top = required(&schema);
    for field in ["format", "version", "id", "swot", "notes"] {
        assert!(top.contains(&field.to_owned()), "{field} is required");
    }
    assert!(
        !top.contains(&"followups".to_owned()),
        "followups may be absent"
    );
    assert!(!required(&schema["$defs"]["SwotItem"]).contains(&"group".to_owned()));
    assert_eq!(
        schema["properties"]["format"]["const"],
        json!("wethi.session")
    );
    assert_eq!(schema["$defs"]["Lang"]["enum"], json!(["th", "en"]));
    assert_eq!(
        schema["additionalProperties"],
        json!(true),
        "unknown fields are kept"
    );
    assert_eq!(
        schema["$schema"],
        json!("https://json-schema.org/draft/2020-12/schema")
    );
}

/// Files the validator must turn away: the generated schema is not looser
/// than the reader where it matters (ids, versions, kinds of values).
#[test]
fn the_schema_rejects_empty_ids_version_zero_and_a_wrong_status() {
    let good = common::read_json(&common::example_path());
    assert_eq!(common::schema_errors(&good), "");
    let mut empty_id = good.clone();
    empty_id["swot"]["strengths"][0]["id"] = json!("");
    assert_ne!(common::schema_errors(&empty_id), "", "an empty id");
    let mut empty_link = good.clone();
    empty_link["strategies"]["so"][0]["links"] = json!([""]);
    assert_ne!(common::schema_errors(&empty_link), "", "an empty link");
    let mut zero = good.clone();
    zero["version"] = json!(0);
    assert_ne!(common::schema_errors(&zero), "", "version 0");
    let mut format = good.clone();
    format["format"] = json!("trello.board");
    assert_ne!(common::schema_errors(&format), "", "another format");
    let mut lang = good;
    lang["lang"] = json!("fr");
    assert_ne!(
        common::schema_errors(&lang),
        "",
        "a language wethi does not speak"
    );
}
