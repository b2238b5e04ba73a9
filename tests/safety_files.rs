//! Safety of the files: meaning checked as well as shape,
//! with line and column; hostile and huge files; private files saved
//! through links; backups listed and restored; numbers that cannot wrap.

mod common;

use std::fs;
use std::path::Path;

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serde_json::{Value, json};

use common::{Sandbox, read_json, write_json};
use wethi::app::{Action, App, View};
use wethi::session::{self, Problem, parse};
use wethi::store;
use wethi::text::Lang;
use wethi::ui::{self, SaveState, Status, Theme, ThemeName, UiState};

fn example() -> Value {
    read_json(&common::example_path())
}

fn pretty(doc: &Value) -> String {
    let mut text = serde_json::to_string_pretty(doc).unwrap();
    text.push('\n');
    text
}

/// `wethi validate FILE` fails with exit code 1 and one line on stderr
/// naming the file and saying each of `says`.
fn validate_rejects(sb: &Sandbox, name: &str, text: &str, says: &[&str]) -> String {
    let path = sb.data_dir().join(name);
    fs::write(&path, text).unwrap();
    validate_rejects_file(sb, &path, says)
}

fn validate_rejects_file(sb: &Sandbox, path: &Path, says: &[&str]) -> String {
    let name = path.display().to_string();
    let out = sb.wethi().arg("validate").arg(path).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr:?}");
    assert!(stderr.contains(&path.display().to_string()), "{stderr}");
    for part in says {
        assert!(stderr.contains(part), "{stderr:?} says {part:?}");
    }
    stderr
}

/// 1-based line and column of the `n`th (0-based) occurrence of `needle`.
fn position_of(text: &str, needle: &str, n: usize) -> (usize, usize) {
    let at = text.match_indices(needle).nth(n).expect("present").0;
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap().chars().count() + 1;
    (line, col)
}

// ---------------------------------------------------------------------------
// Meaning, not only shape
// ---------------------------------------------------------------------------

#[test]
fn validate_rejects_an_id_used_twice_naming_line_and_column() {
    let sb = Sandbox::new();
    let mut doc = example();
    let first = doc["swot"]["strengths"][0]["id"].clone();
    doc["swot"]["threats"][1]["id"] = first.clone();
    let text = pretty(&doc);
    let needle = format!("\"id\": {first}");
    let (line, col) = position_of(&text, &needle, 1);
    // The column of the value, after `"id": `.
    let at = format!("line {line}, column {}", col + 6);
    validate_rejects(
        &sb,
        "dup.json",
        &text,
        &[
            "swot.threats[1].id",
            &at,
            "used twice",
            "swot.strengths[0].id",
        ],
    );
}

#[test]
fn validate_rejects_an_empty_id_and_version_zero() {
    let sb = Sandbox::new();
    let mut doc = example();
    doc["actions"][0]["id"] = json!("");
    validate_rejects(
        &sb,
        "empty.json",
        &pretty(&doc),
        &["actions[0].id", "empty", "line "],
    );
    let mut doc = example();
    doc["version"] = json!(0);
    validate_rejects(
        &sb,
        "v0.json",
        &pretty(&doc),
        &["version", "line 3, column 14"],
    );
}

#[test]
fn validate_rejects_a_link_to_an_item_that_does_not_exist() {
    let sb = Sandbox::new();
    let mut doc = example();
    doc["strategies"]["so"][0]["links"] = json!(["sw-does-not-exist"]);
    validate_rejects(
        &sb,
        "link.json",
        &pretty(&doc),
        &["strategies.so[0].links[0]", "sw-does-not-exist", "line "],
    );
}

#[test]
fn shape_errors_give_line_and_column_as_well_as_the_path() {
    let sb = Sandbox::new();
    let mut doc = example();
    doc["swot"]["weaknesses"][0]["votes"] = json!(-2);
    let text = pretty(&doc);
    let (line, col) = position_of(&text, "\"votes\": -2", 0);
    let at = format!("line {line}, column {}", col + 9);
    validate_rejects(
        &sb,
        "negative.json",
        &text,
        &["swot.weaknesses[0].votes", &at, "-2"],
    );
    let mut doc = example();
    doc["meta"]["participants"]["total"] = json!(-40);
    validate_rejects(
        &sb,
        "count.json",
        &pretty(&doc),
        &["meta.participants.total", "line "],
    );
}

#[test]
fn duplicate_keys_deep_nesting_and_huge_numbers_get_clear_errors() {
    let sb = Sandbox::new();
    // A key given twice: serde_json would silently keep the last one.
    let text = pretty(&example()).replacen("\"title\":", "\"title\": \"first\",\n  \"title\":", 1);
    let (line, col) = position_of(&text, "\"title\":", 1);
    validate_rejects(
        &sb,
        "twice.json",
        &text,
        &["\"title\"", "twice", &format!("line {line}, column {col}")],
    );
    // Deep nesting stops at serde_json's limit with a sentence, not a crash.
    let deep = format!(
        "{{\"format\": \"wethi.session\", \"x\": {}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    validate_rejects(
        &sb,
        "deep.json",
        &deep,
        &["nested more than 128 levels", "line 1"],
    );
    // Numbers beyond every integer type.
    for (name, huge) in [
        ("e400.json", "1e400"),
        ("big.json", "99999999999999999999999"),
    ] {
        let text = pretty(&example()).replacen("\"votes\": 0", &format!("\"votes\": {huge}"), 1);
        assert_ne!(text, pretty(&example()));
        validate_rejects(&sb, name, &text, &["line "]);
    }
}

// ---------------------------------------------------------------------------
// Numbers from a file never wrap or panic
// ---------------------------------------------------------------------------

#[test]
fn huge_timers_votes_and_timeboxes_saturate() {
    let mut doc = example();
    doc["stages"][0]["elapsed_seconds"] = json!(u64::MAX);
    doc["stages"][0]["running_since"] = json!("1970-01-01T00:00:00+00:00");
    doc["stages"][0]["timebox_minutes"] = json!(u32::MAX);
    doc["swot"]["strengths"][0]["votes"] = json!(u32::MAX);
    let loaded = parse(Path::new("huge.json"), pretty(&doc).as_bytes()).unwrap();
    let mut app = App::new(loaded.session, Lang::En, None);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let status = Status {
        save: &SaveState::Saved,
        now: session::now(),
        theme: Theme::new(ThemeName::Dark, true),
    };
    let mut state = UiState::default();
    for view in [View::Agenda, View::Swot, View::Summary] {
        app.show_view(view);
        terminal
            .draw(|f| ui::draw(f, &app, &status, &mut state))
            .unwrap();
    }
    app.show_view(View::Swot);
    app.update(Action::Vote(1), session::now());
    assert_eq!(app.session().swot.strengths[0].votes, u32::MAX);
    // Stopping the running timer adds its time: saturated, not wrapped.
    app.show_view(View::Agenda);
    app.update(Action::Tick, session::now());
    app.update(Action::Timebox(1), session::now());
    for _ in 0..2 {
        app.update(Action::ToggleTimer, session::now());
    }
    assert_eq!(app.session().stages[0].elapsed_seconds, u64::MAX);
    terminal
        .draw(|f| ui::draw(f, &app, &status, &mut state))
        .unwrap();
}

// ---------------------------------------------------------------------------
// Hostile and huge files
// ---------------------------------------------------------------------------

/// Loading never panics: a valid session, or an error naming the file.
fn load_is_safe(bytes: &[u8]) -> Result<(), TestCaseError> {
    match parse(Path::new("hostile.json"), bytes) {
        Ok(loaded) => {
            // What loads is a session whose meaning holds.
            prop_assert!(session::validate::check(&loaded.session).is_ok());
        }
        Err(e) => {
            let message = e.message(Lang::En);
            prop_assert!(message.starts_with("hostile.json: "), "{}", message);
            prop_assert!(!message.contains('\n'));
            prop_assert!(!e.message(Lang::Th).is_empty());
        }
    }
    Ok(())
}

fn example_bytes() -> Vec<u8> {
    fs::read(common::example_path()).unwrap()
}

/// One change to a file's bytes: a byte replaced, a range removed, bytes
/// inserted, or the file cut short.
#[derive(Debug, Clone)]
enum Mutation {
    Set(usize, u8),
    Remove(usize, usize),
    Insert(usize, Vec<u8>),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let interesting = prop_oneof![
        any::<u8>(),
        Just(b'"'),
        Just(b'{'),
        Just(b'}'),
        Just(b'['),
        Just(b','),
        Just(b'-'),
        Just(b'9'),
        Just(b'\\'),
        Just(0xff),
    ];
    prop_oneof![
        (any::<usize>(), interesting).prop_map(|(i, b)| Mutation::Set(i, b)),
        (any::<usize>(), 1usize..64).prop_map(|(i, n)| Mutation::Remove(i, n)),
        (
            any::<usize>(),
            prop_oneof![
                proptest::collection::vec(any::<u8>(), 1..16),
                Just(b"\"id\": \"\", ".to_vec()),
                Just(b"99999999999999999999".to_vec()),
                Just(b"[[[[[[[[[[".to_vec()),
            ]
        )
            .prop_map(|(i, b)| Mutation::Insert(i, b)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len().max(1);
    match m {
        Mutation::Set(i, b) => {
            let i = i % len;
            if i < bytes.len() {
                bytes[i] = *b;
            }
        }
        Mutation::Remove(i, n) => {
            let i = i % len;
            let end = (i + n).min(bytes.len());
            bytes.drain(i.min(end)..end);
        }
        Mutation::Insert(i, b) => {
            let i = i % (bytes.len() + 1);
            bytes.splice(i..i, b.iter().copied());
        }
        Mutation::Truncate(i) => bytes.truncate(i % len),
    }
}

/// A session's JSON with one value swapped for another of any kind: the
/// shape errors and meaning errors a hand edit makes.
fn mutate_value(doc: &mut Value, pick: usize, with: &Value) {
    fn count(v: &Value) -> usize {
        1 + match v {
            Value::Array(a) => a.iter().map(count).sum(),
            Value::Object(o) => o.values().map(count).sum(),
            _ => 0,
        }
    }
    fn nth(v: &mut Value, n: &mut usize, with: &Value) -> bool {
        if *n == 0 {
            *v = with.clone();
            return true;
        }
        *n -= 1;
        match v {
            Value::Array(a) => a.iter_mut().any(|c| nth(c, n, with)),
            Value::Object(o) => o.values_mut().any(|c| nth(c, n, with)),
            _ => false,
        }
    }
    let mut n = pick % count(doc);
    nth(doc, &mut n, with);
}

fn any_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        ".{0,8}".prop_map(Value::from),
        Just(json!("")),
        Just(json!([])),
        Just(json!({})),
        Just(json!("sw-000000000001")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_bytes_never_panic_the_loader(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        load_is_safe(&bytes)?;
    }

    #[test]
    fn mutated_session_bytes_never_panic_the_loader(
        mutations in proptest::collection::vec(mutation(), 1..6)
    ) {
        let mut bytes = example_bytes();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        load_is_safe(&bytes)?;
    }

    #[test]
    fn mutated_session_values_load_or_fail_clearly(
        changes in proptest::collection::vec((any::<usize>(), any_value()), 1..4)
    ) {
        let mut doc = example();
        for (pick, with) in &changes {
            mutate_value(&mut doc, *pick, with);
        }
        load_is_safe(pretty(&doc).as_bytes())?;
    }
}

/// A session whose SWOT board holds `n` items, written without building
/// `Value`s for them (fast enough for CI).
fn session_with_items(n: usize) -> String {
    let text = pretty(&example());
    let mut items = String::with_capacity(n * 160);
    for i in 0..n {
        if i > 0 {
            items.push(',');
        }
        items.push_str(&format!(
            "{{\"id\":\"sw-big{i}\",\"text\":\"ข้อที่ {i}\",\"votes\":{},\"created_at\":\"2021-01-13T09:00:00+07:00\",\"updated_at\":\"2021-01-13T09:00:00+07:00\"}}",
            i % 7
        ));
    }
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    // After the example's own items, which strategies link to.
    doc["swot"]["opportunities"]
        .as_array_mut()
        .unwrap()
        .push(json!("@@ITEMS@@"));
    pretty(&doc).replace("\"@@ITEMS@@\"", &items)
}

#[test]
fn a_session_of_a_million_items_fails_with_a_clear_message() {
    let sb = Sandbox::new();
    let path = sb.data_dir().join("million.json");
    fs::write(&path, session_with_items(1_000_000)).unwrap();
    let started = std::time::Instant::now();
    let err = store::load(&path).expect_err("over the size a session may be");
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    assert!(matches!(err.problem, Problem::TooLarge(_)), "{err}");
    let message = err.message(Lang::En);
    assert!(
        message.starts_with(&path.display().to_string()),
        "{message}"
    );
    assert!(
        message.contains("MB") && message.contains("not opened"),
        "{message}"
    );
    // The CLI says the same in one line, and so does the home listing.
    validate_rejects_file(&sb, &path, &["not opened"]);
    let out = sb.wethi().arg("list").output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("million.json"));
}

#[test]
fn a_hundred_thousand_items_open_and_a_duplicate_among_them_is_found() {
    let sb = Sandbox::new();
    let path = sb.data_dir().join("many.json");
    let text = session_with_items(100_000);
    fs::write(&path, &text).unwrap();
    let started = std::time::Instant::now();
    let loaded = store::load(&path).expect("many items load");
    eprintln!("100 000 items loaded in {:?}", started.elapsed());
    let own = example()["swot"]["opportunities"].as_array().unwrap().len();
    assert_eq!(loaded.session.swot.opportunities.len(), own + 100_000);
    let text = text.replacen("\"sw-big99999\"", "\"sw-big5\"", 1);
    fs::write(&path, &text).unwrap();
    let err = store::load(&path).unwrap_err();
    let want = format!("swot.opportunities[{}].id", own + 99_999);
    assert!(
        matches!(err.problem, Problem::Meaning { ref path, .. } if *path == want),
        "{err}"
    );
}

#[test]
fn a_50_megabyte_file_fails_with_a_clear_message() {
    let sb = Sandbox::new();
    let path = sb.data_dir().join("big.json");
    // 50 MB of note text in one field of an otherwise fine session.
    let mut doc = example();
    doc["title"] = json!("@@BIG@@");
    let text = pretty(&doc).replace("@@BIG@@", &"ก".repeat(50 * 1024 * 1024 / 3));
    fs::write(&path, &text).unwrap();
    assert!(fs::metadata(&path).unwrap().len() >= 50 * 1024 * 1024);
    // It is a session, just a big one: it opens.
    let loaded = store::load(&path).expect("a big but valid file loads");
    assert!(loaded.session.title.len() > 50_000_000);
    // 50 MB that are not JSON: one sentence naming the file.
    fs::write(&path, vec![b'x'; 50 * 1024 * 1024]).unwrap();
    let err = store::load(&path).unwrap_err();
    let message = err.message(Lang::En);
    assert!(
        message.starts_with(&path.display().to_string()),
        "{message}"
    );
    assert!(message.contains("line 1, column 1"), "{message}");
}

// ---------------------------------------------------------------------------
// Permissions and links
// ---------------------------------------------------------------------------

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn new_sessions_are_private_in_a_private_data_folder() {
    let sb = Sandbox::new();
    let data = sb.data_dir().join("made-by-wethi");
    let out = sb
        .bare()
        .arg("--data-dir")
        .arg(&data)
        .args(["new", "--no-open", "--title", "Private"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = common::printed_path(&out.stdout);
    assert_eq!(mode(&data), 0o700, "the data folder wethi made");
    assert_eq!(mode(&path), 0o600, "the session file");
}

// ---------------------------------------------------------------------------
// Backups you can use
// ---------------------------------------------------------------------------

#[test]
fn backups_are_listed_newest_first_and_one_can_be_restored() {
    let sb = Sandbox::new();
    let path = sb.data_dir().join("s.json");
    let mut doc = example();
    write_json(&path, &doc);
    store::backup(&path, "20260101T090000000").unwrap();
    doc["actions"] = json!([]);
    write_json(&path, &doc);
    store::backup(&path, "20260102T090000000").unwrap();
    doc["title"] = json!("now");
    write_json(&path, &doc);

    let out = sb.wethi().arg("backups").arg(&path).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listing = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = listing.lines().collect();
    assert_eq!(lines.len(), 2, "{listing}");
    assert!(
        lines[0].contains("20260102T090000000") && lines[0].contains("2 January 2026 09:00:00"),
        "{listing}"
    );
    assert!(lines[1].contains("20260101T090000000"), "{listing}");
    let full = store::load(&common::example_path()).unwrap().session;
    assert!(
        lines[1].contains(&format!("{} SWOT items", full.swot.total())),
        "{listing}"
    );

    // Restoring the older one: the current file is backed up first.
    let older = sb.data_dir().join(".backups/s.20260101T090000000.json");
    let out = sb.wethi().arg("restore").arg(&older).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(read_json(&path), read_json(&older));
    let backups = store::backups::list_backups(&path).unwrap();
    assert_eq!(backups.len(), 3);
    assert_eq!(
        read_json(&backups[0].path)["title"],
        "now",
        "the replaced file is kept"
    );

    // Not a backup, or a session another wethi has open: refused.
    let out = sb.wethi().arg("restore").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a backup"));
    let _lock = store::SessionLock::try_acquire(&path).unwrap().unwrap();
    let out = sb.wethi().arg("restore").arg(&older).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("another wethi"));
}

#[test]
fn the_trash_refuses_a_session_another_wethi_has_open() {
    let sb = Sandbox::new();
    let path = sb.new_session("Open elsewhere");
    let lock = store::SessionLock::try_acquire(&path).unwrap().unwrap();
    let err = store::move_to_trash(&path).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::ResourceBusy);
    assert!(path.exists());
    drop(lock);
    let moved = store::move_to_trash(&path).unwrap();
    assert!(moved.exists() && !path.exists());
}
