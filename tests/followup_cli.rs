//! `wethi new --from PAST` and `wethi new --template FILE` through the real
//! binary: what a new session takes from a past one, and what it never takes.

mod common;

use std::path::{Path, PathBuf};

use common::{Sandbox, assert_valid_session, printed_path, read_json, write_json};
use serde_json::{Value, json};

fn new_session(sb: &Sandbox, args: &[&str], file: &Path) -> PathBuf {
    let out = sb
        .wethi()
        .args(["new", "--no-open"])
        .args(args)
        .arg(file)
        .output()
        .expect("wethi runs");
    assert!(
        out.status.success(),
        "wethi new {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = printed_path(&out.stdout);
    assert_valid_session(&path);
    path
}

fn len(v: &Value) -> usize {
    v.as_array().map_or(usize::MAX, Vec::len)
}

/// Nothing a workshop writes: no items, votes, notes, strategies,
/// recommendations or actions, and no progress.
fn assert_nothing_written(doc: &Value) {
    for q in ["strengths", "weaknesses", "opportunities", "threats"] {
        assert_eq!(len(&doc["swot"][q]), 0, "swot.{q}");
    }
    for p in ["so", "wo", "st", "wt"] {
        assert_eq!(len(&doc["strategies"][p]), 0, "strategies.{p}");
    }
    assert_eq!(len(&doc["recommendations"]), 0);
    assert_eq!(len(&doc["actions"]), 0);
    assert_eq!(len(&doc["notes"]["role_review"]), 0);
    assert_eq!(len(&doc["notes"]["experience_exchange"]), 0);
    for stage in doc["stages"].as_array().unwrap() {
        assert_eq!(len(&stage["notes"]), 0, "notes of {}", stage["id"]);
        assert_eq!(stage["done"], false);
        assert_eq!(stage["elapsed_seconds"], 0);
        assert_eq!(stage["running_since"], Value::Null);
    }
    for point in doc["guidance"].as_array().unwrap() {
        assert_eq!(len(&point["notes"]), 0, "notes of {}", point["id"]);
        for item in point["items"].as_array().unwrap() {
            assert_eq!(item["discussed"], false);
        }
    }
}

/// The stage and guidance ids, to compare structures.
fn structure(doc: &Value) -> Vec<String> {
    let ids = |key: &str| -> Vec<String> {
        doc[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_str().unwrap().to_owned())
            .collect()
    };
    [ids("stages"), ids("guidance")].concat()
}

#[test]
fn from_a_past_session_carries_its_details_and_open_actions_only() {
    let sb = Sandbox::new();
    let mut past = read_json(&common::example_path());
    past["meta"]["time"] = json!({"start": "08:30", "end": "16:30"});
    let past_file = sb.home.path().join("past.json");
    write_json(&past_file, &past);
    // The past session has photos of its own day: they stay with it.
    let image = sb.home.path().join("p.jpg");
    std::fs::write(&image, wethi::photos::sample::phone_jpeg(20, 10, 1)).unwrap();
    common::run(
        sb.wethi()
            .args(["photos", "add"])
            .arg(&past_file)
            .arg(&image),
    );
    assert_eq!(
        read_json(&past_file)["photos"].as_array().map(Vec::len),
        Some(1)
    );
    let path = new_session(&sb, &["--title", "ครั้งที่ 2", "--from"], &past_file);
    let doc = read_json(&path);
    assert!(doc.get("photos").is_none(), "no photos carried");
    assert!(!path.with_extension("photos").exists());

    assert_eq!(doc["title"], "ครั้งที่ 2");
    assert_ne!(doc["id"], past["id"]);
    assert_eq!(doc["lang"], past["lang"]);
    for field in [
        "venue",
        "district",
        "province",
        "organiser",
        "facilitator",
        "participants",
        "project",
        "objective",
        "presided_by",
        "facilitator_position",
        "team",
        "headline",
        "tagline",
        "credit",
    ] {
        assert_eq!(doc["meta"][field], past["meta"][field], "meta.{field}");
        assert!(!past["meta"][field].is_null(), "the example has {field}");
    }
    assert!(doc["meta"].get("time").is_none(), "not the time of day");
    assert_ne!(doc["meta"]["date"], past["meta"]["date"], "today's date");
    assert_eq!(structure(&doc), structure(&past));
    assert_nothing_written(&doc);

    let open: Vec<&Value> = past["actions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["done"] == false)
        .collect();
    assert!(!open.is_empty() && open.len() < len(&past["actions"]));
    let followups = doc["followups"].as_array().expect("follow-ups are written");
    assert_eq!(followups.len(), open.len(), "only the open actions");
    for (f, a) in followups.iter().zip(&open) {
        assert_eq!(f["id"], a["id"]);
        assert_eq!(f["text"], a["text"]);
        assert_eq!(f["owner"], a["owner"]);
        assert_eq!(f["due"], a["due"]);
        assert_eq!(f["status"], "open");
        assert_eq!(f["from_session"], past["id"]);
        assert_eq!(f["from_title"], past["title"]);
    }
}

#[test]
fn follow_ups_still_open_are_carried_again_and_settled_ones_are_not() {
    let sb = Sandbox::new();
    let second = new_session(
        &sb,
        &["--title", "second", "--from"],
        &common::example_path(),
    );
    let mut doc = read_json(&second);
    let carried = doc["followups"][0].clone();
    // In the second session: the old action is carried on, two more are
    // settled, and one new action is agreed (one done).
    doc["followups"] = json!([
        carried.clone(),
        {"id": "a-x", "text": "settled", "owner": "", "due": null, "status": "done",
         "from_session": "s0", "from_title": "zero"},
        {"id": "a-y", "text": "dropped", "owner": "", "due": null, "status": "dropped",
         "from_session": "s0", "from_title": "zero"}
    ]);
    doc["followups"][0]["status"] = json!("carried");
    doc["actions"] = json!([
        {"id": "a-new", "text": "ใหม่", "owner": "อบต.", "due": "2026-02-01", "done": false},
        {"id": "a-fin", "text": "เสร็จ", "owner": "", "due": null, "done": true}
    ]);
    write_json(&second, &doc);
    assert_valid_session(&second);

    let third = read_json(&new_session(&sb, &["--title", "third", "--from"], &second));
    let ids: Vec<&str> = third["followups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [carried["id"].as_str().unwrap(), "a-new"]);
    let first_title = read_json(&common::example_path())["title"].clone();
    assert_eq!(
        third["followups"][0]["from_title"], first_title,
        "agreed in the first"
    );
    assert_eq!(third["followups"][0]["status"], "open");
    assert_eq!(third["followups"][1]["from_title"], "second");
}

#[test]
fn a_past_session_as_template_gives_only_its_structure() {
    let sb = Sandbox::new();
    let past = read_json(&common::example_path());
    let path = new_session(
        &sb,
        &["--title", "T", "--template"],
        &common::example_path(),
    );
    let doc = read_json(&path);
    assert_eq!(structure(&doc), structure(&past));
    assert_nothing_written(&doc);
    assert!(doc.get("followups").is_none(), "no follow-ups");
    assert_eq!(doc["meta"]["venue"], "", "no details");
    assert_eq!(doc["meta"]["organiser"], "");
    assert_eq!(
        doc["meta"]["participants"]["groups"], past["meta"]["participants"]["groups"],
        "the groups are structure"
    );
    // Which workshop it is stays; who ran it, when and the news do not.
    for kept in ["project", "objective"] {
        assert_eq!(doc["meta"][kept], past["meta"][kept], "meta.{kept}");
    }
    for gone in [
        "presided_by",
        "facilitator_position",
        "team",
        "headline",
        "tagline",
        "credit",
        "time",
    ] {
        assert!(doc["meta"].get(gone).is_none(), "meta.{gone}");
    }
}

#[test]
fn a_template_file_keeps_its_language_unless_lang_is_given() {
    let sb = Sandbox::new();
    // The sandbox's UI speaks English; the example is Thai.
    let path = new_session(&sb, &["--template"], &common::example_path());
    let doc = read_json(&path);
    assert_eq!(doc["lang"], "th");
    assert!(
        doc["title"].as_str().unwrap().starts_with("เวที "),
        "the default title in the session's language: {}",
        doc["title"]
    );
    let path = new_session(
        &sb,
        &["--lang", "en", "--template"],
        &common::example_path(),
    );
    let doc = read_json(&path);
    assert_eq!(doc["lang"], "en");
    assert!(doc["title"].as_str().unwrap().starts_with("Workshop "));
}

#[test]
fn a_template_with_follow_ups_does_not_pass_them_on() {
    let sb = Sandbox::new();
    let first = new_session(&sb, &["--title", "1", "--from"], &common::example_path());
    let path = new_session(&sb, &["--title", "2", "--template"], &first);
    assert!(read_json(&path).get("followups").is_none());
}

#[test]
fn from_and_template_conflict() {
    let sb = Sandbox::new();
    let example = common::example_path();
    let out = sb
        .wethi()
        .args(["new", "--no-open", "--from"])
        .arg(&example)
        .arg("--template")
        .arg(&example)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--from") && stderr.contains("--template"),
        "{stderr}"
    );
    assert!(common::tree(sb.data_dir()).is_empty(), "nothing written");
}

#[test]
fn from_a_missing_file_names_it() {
    let sb = Sandbox::new();
    let missing = sb.home.path().join("no-such-past.json");
    let out = sb
        .wethi()
        .args(["new", "--no-open", "--from"])
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no-such-past.json"), "{stderr}");
    assert!(common::tree(sb.data_dir()).is_empty(), "nothing written");
}

#[test]
fn new_help_mentions_from() {
    let sb = Sandbox::new();
    let out = sb.bare().args(["new", "--help"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("--from"));
}
