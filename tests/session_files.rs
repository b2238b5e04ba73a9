//! The session file as a contract (docs/FORMAT.md): what wethi writes reads
//! back the same, unknown fields survive, every file validates against the
//! schema, bad files get a clear error and are never touched, saves are atomic.

mod common;

use std::fs;
use std::path::Path;

use chrono::{FixedOffset, NaiveDate, NaiveTime, TimeZone};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

use common::{Sandbox, assert_schema_valid, read_json, schema_errors, snapshot, tree};
use wethi::session::{
    self, Action, Bilingual, ClosingNotes, FollowUp, FollowUpStatus, GuidanceItem, GuidancePoint,
    Meta, Note, ParticipantGroup, Participants, Person, Photo, Problem, Session, Stage, Strategies,
    Strategy as TowsStrategy, Swot, SwotItem, TimeOfDay, Timestamp, parse, template, to_json,
};
use wethi::store;
use wethi::text::Lang;

fn parse_ok(what: &str, bytes: &[u8]) -> session::Loaded {
    parse(Path::new(what), bytes).unwrap_or_else(|e| panic!("{what} does not load: {e}"))
}

/// `to_json(parse(bytes)) == bytes`, with a readable diff on failure.
fn assert_reserialises_identically(what: &str, bytes: &[u8]) {
    let loaded = parse_ok(what, bytes);
    let again = to_json(&loaded.session).expect("serialisable");
    let original = std::str::from_utf8(bytes).expect("UTF-8");
    if again != original {
        let line = original
            .lines()
            .zip(again.lines())
            .position(|(a, b)| a != b)
            .map_or_else(
                || "(length differs)".to_owned(),
                |i| format!("line {}", i + 1),
            );
        panic!("{what} does not re-serialise byte for byte; first difference at {line}");
    }
}

// ---------------------------------------------------------------------------
// Round trips
// ---------------------------------------------------------------------------

#[test]
fn template_file_reserialises_byte_identical() {
    let bytes = fs::read(common::template_path()).unwrap();
    assert_reserialises_identically("the template", &bytes);
    // The embedded copy is the file itself.
    assert_eq!(template::BUILTIN_JSON.as_bytes(), bytes.as_slice());
}

#[test]
fn the_embedded_example_is_the_example_file_and_loads() {
    let file = fs::read_to_string(common::example_path()).unwrap();
    assert_eq!(template::EXAMPLE_JSON, file);
    let example = template::example().expect("the embedded example loads");
    assert_eq!(example.id, "example-ubon-2021-01-13");
}

#[test]
fn example_files_reserialise_byte_identical() {
    let files = common::example_files();
    assert!(
        !files.is_empty(),
        "sessions/examples/ holds at least one example"
    );
    for file in files {
        let bytes = fs::read(&file).unwrap();
        assert_reserialises_identically(&file.display().to_string(), &bytes);
    }
}

#[test]
fn session_written_by_wethi_new_loads_and_saves_back_byte_identical() {
    let sb = Sandbox::new();
    let path = sb.new_session("ประชุม ศอช.จ. ทดสอบ \"quotes\" \\ back");
    let bytes = fs::read(&path).unwrap();
    assert!(bytes.ends_with(b"}\n"), "the file ends with a newline");
    assert_reserialises_identically(&path.display().to_string(), &bytes);

    // Through the store as well: load, save, and the bytes are unchanged.
    let loaded = store::load(&path).unwrap();
    assert!(!loaded.newer_version);
    store::save_session(&path, &loaded.session).unwrap();
    assert_eq!(fs::read(&path).unwrap(), bytes);
}

#[test]
fn instantiated_template_saves_and_loads_back_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    let builtin = template::builtin().expect("the built-in template loads");
    let new = template::instantiate(builtin, "เวทีทดสอบ ที่ทำการ", session::now(), Lang::Th);
    store::save_session(&path, &new).unwrap();
    let first = fs::read(&path).unwrap();
    assert_eq!(first, to_json(&new).unwrap().into_bytes());

    let loaded = store::load(&path).unwrap();
    assert_eq!(loaded.session, new);
    store::save_session(&path, &loaded.session).unwrap();
    assert_eq!(
        fs::read(&path).unwrap(),
        first,
        "a second save changes nothing"
    );
}

// ---------------------------------------------------------------------------
// Unknown fields
// ---------------------------------------------------------------------------

/// JSON pointers of objects in the example, each given one unknown field.
const UNKNOWN_FIELD_PLACES: &[&str] = &[
    "",
    "/meta",
    "/meta/participants",
    "/meta/participants/groups/0",
    "/stages/0",
    "/stages/0/title",
    "/stages/0/text",
    "/stages/0/notes/0",
    "/guidance/0",
    "/guidance/0/title",
    "/guidance/0/items/0",
    "/guidance/0/items/0/label",
    "/guidance/0/notes/0",
    "/swot",
    "/swot/strengths/0",
    "/swot/threats/2",
    "/strategies",
    "/strategies/so/0",
    "/recommendations/0",
    "/actions/0",
    "/notes",
    "/notes/role_review/0",
    "/notes/experience_exchange/0",
];

fn unknown_value(i: usize) -> Value {
    json!({
        "place": i,
        "nested": {"deeper": [1, -2, 2.5, null, true, "ข้อความ ที่ทำการ"], "empty": {}},
        "list": [[], [null], {"k": u64::MAX}],
        "number": -7,
        "nothing": null,
        "flag": false,
        "text": "\u{1b}[31m \"quoted\" \\",
    })
}

#[test]
fn unknown_fields_survive_load_and_save_everywhere() {
    let mut doc = read_json(&common::example_path());
    let mut added = Vec::new();
    for (i, place) in UNKNOWN_FIELD_PLACES.iter().enumerate() {
        let target = doc
            .pointer_mut(place)
            .unwrap_or_else(|| panic!("the example has an object at {place:?}"));
        let object = target
            .as_object_mut()
            .unwrap_or_else(|| panic!("{place:?} is an object"));
        let key = format!("x_future_{i}");
        object.insert(key.clone(), unknown_value(i));
        added.push((*place, key, unknown_value(i)));
    }
    // Plain values too, not only objects.
    let top = doc.as_object_mut().unwrap();
    top.insert("x_number".into(), json!(42));
    top.insert("x_null".into(), Value::Null);
    top.insert("x_array".into(), json!([1, "two", {"three": 3}]));
    added.push(("", "x_number".into(), json!(42)));
    added.push(("", "x_null".into(), Value::Null));
    added.push(("", "x_array".into(), json!([1, "two", {"three": 3}])));

    let text = serde_json::to_string_pretty(&doc).unwrap();
    let loaded = parse_ok("with-unknown-fields.json", text.as_bytes());
    let written = to_json(&loaded.session).unwrap();
    let reread: Value = serde_json::from_str(&written).unwrap();
    for (place, key, value) in &added {
        let object = reread.pointer(place).and_then(Value::as_object);
        assert_eq!(
            object.and_then(|o| o.get(key)),
            Some(value),
            "unknown field {key:?} at {place:?} was lost or changed"
        );
    }
    assert_eq!(reread, doc, "nothing else changed either");

    // And a second round keeps them, byte for byte.
    let again = to_json(&parse_ok("second round", written.as_bytes()).session).unwrap();
    assert_eq!(again, written);
}

// ---------------------------------------------------------------------------
// Schema
// ---------------------------------------------------------------------------

#[test]
fn template_validates_against_the_schema() {
    assert_schema_valid("the built-in template", template::BUILTIN_JSON);
}

#[test]
fn every_example_validates_against_the_schema() {
    for file in common::example_files() {
        assert_schema_valid(
            &file.display().to_string(),
            &fs::read_to_string(&file).unwrap(),
        );
    }
}

#[test]
fn files_written_by_wethi_validate_against_the_schema() {
    let sb = Sandbox::new();
    let path = sb.new_session("SWOT ศอช.จ. \u{1b}[31m");
    assert_schema_valid(
        "wethi new --no-open output",
        &fs::read_to_string(&path).unwrap(),
    );

    let untitled = sb.wethi().args(["new", "--no-open"]).output().unwrap();
    assert!(untitled.status.success());
    let path = common::printed_path(&untitled.stdout);
    assert_schema_valid(
        "wethi new --no-open (no title)",
        &fs::read_to_string(&path).unwrap(),
    );

    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("saved.json");
    let new = template::instantiate(template::builtin().unwrap(), "x", session::now(), Lang::En);
    store::save_session(&saved, &new).unwrap();
    assert_schema_valid("save_session output", &fs::read_to_string(&saved).unwrap());
}

/// The checks above mean something only if the validator rejects bad files,
/// formats included.
#[test]
fn schema_validator_rejects_bad_sessions_and_checks_formats() {
    let good = read_json(&common::example_path());
    assert_eq!(schema_errors(&good), "");

    let mut votes = good.clone();
    votes["swot"]["strengths"][0]["votes"] = json!("3");
    assert_ne!(schema_errors(&votes), "", "votes as a string is invalid");

    // Matches the pattern, but 30 February does not exist: only `format` catches it.
    let mut date_time = good.clone();
    date_time["created_at"] = json!("2021-02-30T08:30:00+07:00");
    assert_ne!(schema_errors(&date_time), "", "format checks are on");

    let mut date = good.clone();
    date["meta"]["date"] = json!("2021-13-01");
    assert_ne!(schema_errors(&date), "", "format date is checked");

    let mut missing = good;
    missing.as_object_mut().unwrap().remove("meta");
    assert_ne!(schema_errors(&missing), "", "meta is required");
}

// ---------------------------------------------------------------------------
// Property test: arbitrary sessions
// ---------------------------------------------------------------------------

/// Pieces of text a facilitator's file may hold: Thai with stacked marks and
/// both spellings of ำ, emoji sequences, controls (C0, DEL, C1), quotes,
/// backslashes, bidi controls.
const PIECES: &[&str] = &[
    "ที่",
    "ทำ",
    "ํา",
    "ำ",
    "กั้",
    "ก่ิ์",
    "ปฏิบัติ",
    "ศอช.จ.",
    "น้ำ",
    "ฤๅ",
    "๕๕",
    " ",
    "👩\u{200d}👩\u{200d}👧",
    "🇹🇭",
    "👍🏽",
    "e\u{301}",
    "\u{0}",
    "\u{1b}",
    "\u{1b}[31m",
    "\u{7f}",
    "\u{85}",
    "\u{9b}",
    "\u{202e}",
    "\u{feff}",
    "\"",
    "\\",
    "\\\"",
    "\n",
    "\r\n",
    "\t",
    "/",
    "</script>",
    "{}",
    "%s",
];

fn piece() -> BoxedStrategy<String> {
    prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(str::to_owned),
        2 => "[a-zA-Z0-9 .,-]{1,6}",
        1 => any::<char>().prop_map(String::from),
    ]
    .boxed()
}

fn joined(pieces: Vec<String>) -> String {
    let text: String = pieces.concat();
    text.chars().take(2000).collect()
}

fn text() -> BoxedStrategy<String> {
    prop_oneof![
        2 => Just(String::new()),
        8 => proptest::collection::vec(piece(), 0..10).prop_map(joined),
        1 => proptest::collection::vec(piece(), 300..900).prop_map(joined),
    ]
    .boxed()
}

/// Ids are never empty (the schema says so).
fn id() -> BoxedStrategy<String> {
    (piece(), proptest::collection::vec(piece(), 0..4))
        .prop_map(|(first, rest)| format!("{first}{}", rest.concat()))
        .boxed()
}

/// Any second of years 0001–9999 with an offset in whole minutes, no fraction.
fn timestamp() -> BoxedStrategy<Timestamp> {
    const FIRST: i64 = -62_135_596_800 + 2 * 86_400; // 0001-01-03
    const LAST: i64 = 253_402_300_799 - 2 * 86_400; // 9999-12-29
    (FIRST..=LAST, -(14 * 60)..=(14 * 60))
        .prop_map(|(secs, minutes)| {
            FixedOffset::east_opt(minutes * 60)
                .unwrap()
                .timestamp_opt(secs, 0)
                .unwrap()
        })
        .boxed()
}

fn date() -> BoxedStrategy<Option<NaiveDate>> {
    proptest::option::of(
        (1..=3_652_059i32).prop_map(|d| NaiveDate::from_num_days_from_ce_opt(d).unwrap()),
    )
    .boxed()
}

fn json_value() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        text().prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::vec(("[a-z]{1,5}", inner), 0..4)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
    .boxed()
}

/// Unknown fields: keys no version of the format uses.
fn extra() -> BoxedStrategy<Map<String, Value>> {
    prop_oneof![
        3 => Just(Map::new()),
        1 => proptest::collection::vec(("x-[a-z]{1,6}", json_value()), 1..3)
            .prop_map(|kv| kv.into_iter().collect()),
    ]
    .boxed()
}

fn lang() -> BoxedStrategy<Lang> {
    prop_oneof![Just(Lang::Th), Just(Lang::En)].boxed()
}

fn vec_of<T: std::fmt::Debug + 'static>(s: BoxedStrategy<T>, max: usize) -> BoxedStrategy<Vec<T>> {
    proptest::collection::vec(s, 0..=max).boxed()
}

fn bilingual() -> BoxedStrategy<Bilingual> {
    (text(), text(), extra())
        .prop_map(|(th, en, extra)| Bilingual { th, en, extra })
        .boxed()
}

fn note() -> BoxedStrategy<Note> {
    (id(), text(), timestamp(), group(), extra())
        .prop_map(|(id, text, created_at, group, extra)| Note {
            id,
            text,
            created_at,
            group,
            extra,
        })
        .boxed()
}

fn participants() -> BoxedStrategy<Participants> {
    let group =
        (text(), proptest::option::of(any::<u32>()), extra()).prop_map(|(label, count, extra)| {
            ParticipantGroup {
                label,
                count,
                extra,
            }
        });
    (
        proptest::option::of(any::<u32>()),
        vec_of(group.boxed(), 4),
        extra(),
    )
        .prop_map(|(total, groups, extra)| Participants {
            total,
            groups,
            extra,
        })
        .boxed()
}

fn meta() -> BoxedStrategy<Meta> {
    let details = (
        date(),
        text(),
        text(),
        text(),
        text(),
        text(),
        participants(),
        extra(),
    );
    // The facts added later: optional, left out of the file when empty.
    let facts = (
        text(),
        text(),
        proptest::option::of(time_of_day()),
        proptest::option::of(person()),
        text(),
        text(),
        text(),
        text(),
        text(),
    );
    (details, facts)
        .prop_map(
            |(
                (date, venue, district, province, organiser, facilitator, participants, extra),
                (
                    project,
                    objective,
                    time,
                    presided_by,
                    facilitator_position,
                    team,
                    headline,
                    tagline,
                    credit,
                ),
            )| Meta {
                date,
                venue,
                district,
                province,
                organiser,
                facilitator,
                participants,
                project,
                objective,
                time,
                presided_by,
                facilitator_position,
                team,
                headline,
                tagline,
                credit,
                extra,
            },
        )
        .boxed()
}

/// A time of day that ends after it starts, or has no end (as `validate` wants).
fn time_of_day() -> BoxedStrategy<TimeOfDay> {
    let clock = |minute: u32| NaiveTime::from_hms_opt(minute / 60, minute % 60, 0);
    (0u32..24 * 60, proptest::option::of(1u32..24 * 60), extra())
        .prop_map(move |(start, length, extra)| TimeOfDay {
            start: clock(start).expect("a valid time"),
            end: length.and_then(|l| clock(start + l)),
            extra,
        })
        .boxed()
}

/// Who presided always has a name (as `validate` wants).
fn person() -> BoxedStrategy<Person> {
    (text(), text(), extra())
        .prop_filter("a name", |(name, ..)| !name.trim().is_empty())
        .prop_map(|(name, position, extra)| Person {
            name,
            position,
            extra,
        })
        .boxed()
}

fn stage() -> BoxedStrategy<Stage> {
    (
        id(),
        bilingual(),
        bilingual(),
        any::<u32>(),
        any::<u64>(),
        proptest::option::of(timestamp()),
        any::<bool>(),
        vec_of(note(), 3),
        extra(),
    )
        .prop_map(
            |(
                id,
                title,
                text,
                timebox_minutes,
                elapsed_seconds,
                running_since,
                done,
                notes,
                extra,
            )| Stage {
                id,
                title,
                text,
                timebox_minutes,
                elapsed_seconds,
                running_since,
                done,
                notes,
                extra,
            },
        )
        .boxed()
}

fn guidance_point() -> BoxedStrategy<GuidancePoint> {
    let item =
        (id(), bilingual(), any::<bool>(), extra()).prop_map(|(id, label, discussed, extra)| {
            GuidanceItem {
                id,
                label,
                discussed,
                extra,
            }
        });
    (
        id(),
        bilingual(),
        bilingual(),
        vec_of(item.boxed(), 5),
        vec_of(note(), 3),
        extra(),
    )
        .prop_map(|(id, title, text, items, notes, extra)| GuidancePoint {
            id,
            title,
            text,
            items,
            notes,
            extra,
        })
        .boxed()
}

fn swot_item() -> BoxedStrategy<SwotItem> {
    (
        id(),
        text(),
        any::<u32>(),
        timestamp(),
        timestamp(),
        proptest::option::of(text()),
        extra(),
    )
        .prop_map(
            |(id, text, votes, created_at, updated_at, group, extra)| SwotItem {
                id,
                text,
                votes,
                created_at,
                updated_at,
                group,
                extra,
            },
        )
        .boxed()
}

fn swot() -> BoxedStrategy<Swot> {
    (
        vec_of(swot_item(), 6),
        vec_of(swot_item(), 6),
        vec_of(swot_item(), 6),
        vec_of(swot_item(), 6),
        extra(),
    )
        .prop_map(
            |(strengths, weaknesses, opportunities, threats, extra)| Swot {
                strengths,
                weaknesses,
                opportunities,
                threats,
                extra,
            },
        )
        .boxed()
}

fn strategies() -> BoxedStrategy<Strategies> {
    let strategy = || {
        (id(), text(), vec_of(id(), 4), group(), extra())
            .prop_map(|(id, text, links, group, extra)| TowsStrategy {
                id,
                text,
                links,
                group,
                extra,
            })
            .boxed()
    };
    (
        vec_of(strategy(), 3),
        vec_of(strategy(), 3),
        vec_of(strategy(), 3),
        vec_of(strategy(), 3),
        extra(),
    )
        .prop_map(|(so, wo, st, wt, extra)| Strategies {
            so,
            wo,
            st,
            wt,
            extra,
        })
        .boxed()
}

fn action() -> BoxedStrategy<Action> {
    (
        id(),
        text(),
        text(),
        date(),
        any::<bool>(),
        group(),
        extra(),
    )
        .prop_map(|(id, text, owner, due, done, group, extra)| Action {
            id,
            text,
            owner,
            due,
            done,
            group,
            extra,
        })
        .boxed()
}

fn group() -> BoxedStrategy<Option<String>> {
    proptest::option::of(text()).boxed()
}

fn followup() -> BoxedStrategy<FollowUp> {
    let status = prop_oneof![
        Just(FollowUpStatus::Open),
        Just(FollowUpStatus::Done),
        Just(FollowUpStatus::Carried),
        Just(FollowUpStatus::Dropped),
    ];
    (
        (id(), text(), text(), date()),
        (status, id(), text(), extra()),
    )
        .prop_map(
            |((id, text, owner, due), (status, from_session, from_title, extra))| FollowUp {
                id,
                text,
                owner,
                due,
                status,
                from_session,
                from_title,
                extra,
            },
        )
        .boxed()
}

fn photo() -> BoxedStrategy<Photo> {
    (
        (id(), "[A-Za-z0-9][A-Za-z0-9._-]{0,20}", text(), group()),
        (
            timestamp(),
            any::<u64>(),
            any::<u32>(),
            any::<u32>(),
            extra(),
        ),
    )
        .prop_map(
            |((id, file, caption, group), (added_at, bytes, width, height, extra))| Photo {
                id,
                file,
                caption,
                group,
                added_at,
                bytes,
                width,
                height,
                extra,
            },
        )
        .boxed()
}

fn arb_session() -> BoxedStrategy<Session> {
    let head = (
        prop_oneof![3 => Just(1u32), 1 => 1u32..=u32::MAX],
        id(),
        text(),
        timestamp(),
        timestamp(),
        lang(),
    );
    let body = (
        meta(),
        vec_of(stage(), 5),
        vec_of(guidance_point(), 4),
        swot(),
        strategies(),
        vec_of(note(), 4),
        (vec_of(action(), 4), vec_of(followup(), 3)),
        (vec_of(note(), 3), vec_of(note(), 3), extra()).prop_map(
            |(role_review, experience_exchange, extra)| ClosingNotes {
                role_review,
                experience_exchange,
                extra,
            },
        ),
        (vec_of(photo(), 3), extra()),
    );
    (head, body)
        .prop_map(
            |(
                (version, id, title, created_at, updated_at, lang),
                (
                    meta,
                    stages,
                    guidance,
                    swot,
                    strategies,
                    recommendations,
                    (actions, followups),
                    notes,
                    (photos, extra),
                ),
            )| Session {
                format: session::FORMAT.to_owned(),
                version,
                id,
                title,
                created_at,
                updated_at,
                lang,
                meta,
                stages,
                guidance,
                swot,
                strategies,
                recommendations,
                actions,
                followups,
                notes,
                photos,
                extra,
            },
        )
        .prop_map(meaningful)
        .boxed()
}

/// What loading checks beyond shape: every id non-empty and used once,
/// every link pointing at a SWOT item. The random ids get a running number;
/// the random links are pointed at the generated items.
fn meaningful(mut s: Session) -> Session {
    let mut n = 0;
    let mut fresh = |id: &mut String| {
        n += 1;
        id.push_str(&format!("~{n}"));
    };
    fresh(&mut s.id);
    for stage in &mut s.stages {
        fresh(&mut stage.id);
        s_notes(&mut stage.notes, &mut fresh);
    }
    for point in &mut s.guidance {
        fresh(&mut point.id);
        point.items.iter_mut().for_each(|i| fresh(&mut i.id));
        s_notes(&mut point.notes, &mut fresh);
    }
    for q in session::Quadrant::ALL {
        s.swot
            .items_mut(q)
            .iter_mut()
            .for_each(|i| fresh(&mut i.id));
    }
    let items: Vec<String> = session::Quadrant::ALL
        .iter()
        .flat_map(|q| s.swot.items(*q).iter().map(|i| i.id.clone()))
        .collect();
    for p in session::TowsPair::ALL {
        for st in s.strategies.items_mut(p) {
            fresh(&mut st.id);
            if items.is_empty() {
                st.links.clear();
            }
            for (j, link) in st.links.iter_mut().enumerate() {
                *link = items[j % items.len().max(1)].clone();
            }
        }
    }
    s_notes(&mut s.recommendations, &mut fresh);
    s.actions.iter_mut().for_each(|a| fresh(&mut a.id));
    s.followups.iter_mut().for_each(|f| fresh(&mut f.id));
    s_notes(&mut s.notes.role_review, &mut fresh);
    s_notes(&mut s.notes.experience_exchange, &mut fresh);
    s.photos.iter_mut().for_each(|p| fresh(&mut p.id));
    s
}

fn s_notes(notes: &mut [Note], fresh: &mut impl FnMut(&mut String)) {
    notes.iter_mut().for_each(|n| fresh(&mut n.id));
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 128,
        // Keep the repository clean: no regression files beside the tests.
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_sessions_round_trip_and_validate(s in arb_session()) {
        let json = to_json(&s).expect("serialisable");
        prop_assert!(json.ends_with("}\n"), "ends with a newline");
        let loaded = parse(Path::new("arbitrary.json"), json.as_bytes())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(loaded.newer_version, s.version > session::VERSION);
        prop_assert_eq!(&loaded.session, &s);
        // Stable: writing what was read gives the same bytes.
        prop_assert_eq!(to_json(&loaded.session).unwrap(), json.clone());
        let value: Value = serde_json::from_str(&json).unwrap();
        let errors = schema_errors(&value);
        prop_assert!(errors.is_empty(), "schema errors:\n{}", errors);
    }
}

// ---------------------------------------------------------------------------
// Bad input: a clear error, and the file untouched
// ---------------------------------------------------------------------------

/// Loads `bytes` from a file named `name` with the library and with the CLI
/// (`validate` and `show`), expecting a failure whose one-sentence message
/// names the file and contains each of `expect`. Returns the library error.
fn assert_rejected(name: &str, bytes: &[u8], expect: &[&str]) -> Problem {
    let sb = Sandbox::new();
    let path = sb.data_dir().join(name);
    fs::write(&path, bytes).unwrap();
    let before = snapshot(&path);
    let shown = path.display().to_string();

    let err = store::load(&path).expect_err("a bad file does not load");
    assert_eq!(err.path, path, "the error names the file");
    let english = err.message(Lang::En);
    assert!(english.contains(&shown), "{english:?} names {shown:?}");
    for part in expect {
        assert!(english.contains(part), "{english:?} says {part:?}");
    }
    assert!(!english.contains('\n'), "one sentence: {english:?}");
    let thai = err.message(Lang::Th);
    assert!(thai.contains(&shown), "{thai:?} names {shown:?}");
    assert_ne!(thai, english, "the Thai message is in Thai");

    for command in ["validate", "show"] {
        let out = sb.wethi().arg(command).arg(&path).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(1),
            "wethi {command} {name}: {stderr}"
        );
        let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(
            lines.len(),
            1,
            "wethi {command}: one line on stderr, got {stderr:?}"
        );
        assert!(
            lines[0].contains(&shown),
            "wethi {command}: {stderr:?} names {shown:?}"
        );
        for part in expect {
            assert!(
                lines[0].contains(part),
                "wethi {command}: {stderr:?} says {part:?}"
            );
        }
        if command == "show" {
            assert!(
                out.stdout.is_empty(),
                "show prints no summary of a bad file"
            );
        }
    }
    assert_eq!(snapshot(&path), before, "{name} was left exactly as it was");
    assert_eq!(
        tree(sb.data_dir()),
        vec![name.to_owned()],
        "nothing else was written"
    );
    err.problem
}

fn example_text() -> String {
    fs::read_to_string(common::example_path()).unwrap()
}

/// The example with one change made to its JSON.
fn example_with(change: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut doc = read_json(&common::example_path());
    change(&mut doc);
    let mut text = serde_json::to_string_pretty(&doc).unwrap();
    text.push('\n');
    text.into_bytes()
}

#[test]
fn empty_file_is_rejected() {
    let problem = assert_rejected("empty.json", b"", &["empty"]);
    assert_eq!(problem, Problem::Empty);
}

#[test]
fn whitespace_only_file_is_rejected() {
    let problem = assert_rejected("blank.json", b"  \n\t\r\n   \n", &["empty"]);
    assert_eq!(problem, Problem::Empty);
}

#[test]
fn truncated_json_names_line_and_column() {
    // Cut the example in the middle of an ASCII line, as a crash mid-write would.
    let text = example_text();
    let cut_line = text
        .lines()
        .position(|l| l.trim_start().starts_with("\"timebox_minutes\""))
        .expect("the example has a timebox");
    let lines: Vec<&str> = text.lines().collect();
    let partial = &lines[cut_line][..lines[cut_line].len() - 8];
    let truncated = format!("{}\n{partial}", lines[..cut_line].join("\n"));
    let line = cut_line + 1;
    let column = partial.chars().count();
    // serde_json points at the last character read; one past it is as good.
    let at = format!("line {line}, column {column}");
    let after = format!("line {line}, column {}", column + 1);

    let sb = Sandbox::new();
    let path = sb.data_dir().join("truncated.json");
    fs::write(&path, &truncated).unwrap();
    let message = store::load(&path).unwrap_err().message(Lang::En);
    assert!(
        message.contains(&at) || message.contains(&after),
        "{message:?} names {at:?}"
    );
    let problem = assert_rejected(
        "truncated.json",
        truncated.as_bytes(),
        &["not valid JSON", &format!("line {line},")],
    );
    assert!(matches!(problem, Problem::Syntax { line: l, .. } if l == line));
}

#[test]
fn syntax_error_after_thai_text_gives_the_column_in_characters() {
    // A facilitator's editor counts characters, not UTF-8 bytes.
    let text = example_text();
    let venue = "\"venue\": \"โรงแรมรีเจ้นท์ พาเลซ\",";
    assert!(text.contains(venue));
    let broken = text.replacen(venue, "\"venue\": \"โรงแรมรีเจ้นท์ พาเลซ\" oops,", 1);
    let line_index = broken.lines().position(|l| l.contains("oops")).unwrap();
    let line_text = broken.lines().nth(line_index).unwrap();
    let column = line_text[..line_text.find("oops").unwrap()].chars().count() + 1;
    let expected = format!("line {}, column {column}", line_index + 1);
    let problem = assert_rejected("thai-syntax.json", broken.as_bytes(), &[&expected]);
    assert!(matches!(problem, Problem::Syntax { .. }));
}

#[test]
fn invalid_utf8_names_line_and_column() {
    let mut bytes = "{\n  \"format\": \"wethi.session\",\n  \"title\": \"ที่ab"
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(b"\xff\xfe");
    bytes.extend_from_slice(b"\"\n}\n");
    let problem = assert_rejected("latin1.json", &bytes, &["UTF-8", "line 3, column 18"]);
    // The column counts characters: ที่ is three.
    assert_eq!(
        problem,
        Problem::NotUtf8 {
            line: 3,
            column: 18
        }
    );
}

#[test]
fn utf8_bom_is_accepted_and_the_file_left_alone() {
    let sb = Sandbox::new();
    let path = sb.data_dir().join("bom.json");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(example_text().as_bytes());
    fs::write(&path, &bytes).unwrap();
    let before = snapshot(&path);

    let loaded = store::load(&path).expect("a BOM is harmless");
    assert_eq!(loaded.session.id, "example-ubon-2021-01-13");
    for command in ["validate", "show"] {
        let out = sb.wethi().arg(command).arg(&path).output().unwrap();
        assert!(
            out.status.success(),
            "wethi {command}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(snapshot(&path), before);
}

#[test]
fn json_array_is_rejected() {
    let problem = assert_rejected("array.json", b"[1, 2, 3]\n", &["array"]);
    assert!(matches!(problem, Problem::NotAnObject { .. }));
}

#[test]
fn json_string_is_rejected() {
    let problem = assert_rejected("string.json", b"\"wethi.session\"\n", &["string"]);
    assert!(matches!(problem, Problem::NotAnObject { .. }));
}

#[test]
fn wrong_format_is_rejected() {
    let bytes = example_with(|d| d["format"] = json!("trello.board"));
    let problem = assert_rejected(
        "wrong-format.json",
        &bytes,
        &["trello.board", "wethi.session"],
    );
    assert_eq!(
        problem,
        Problem::WrongFormat {
            found: Some("trello.board".into())
        }
    );
}

#[test]
fn missing_format_is_rejected() {
    let bytes = example_with(|d| {
        d.as_object_mut().unwrap().remove("format");
    });
    let problem = assert_rejected("no-format.json", &bytes, &["\"format\""]);
    assert_eq!(problem, Problem::WrongFormat { found: None });
}

#[test]
fn votes_as_a_string_names_the_path() {
    let bytes = example_with(|d| d["swot"]["strengths"][0]["votes"] = json!("3"));
    let problem = assert_rejected("votes.json", &bytes, &["swot.strengths[0].votes"]);
    assert!(
        matches!(problem, Problem::Shape { ref path, .. } if path == "swot.strengths[0].votes")
    );
}

#[test]
fn stages_as_an_object_names_the_path() {
    let bytes = example_with(|d| d["stages"] = json!({"S1": {}}));
    let problem = assert_rejected("stages.json", &bytes, &["stages", "sequence"]);
    assert!(matches!(problem, Problem::Shape { ref path, .. } if path == "stages"));
}

#[test]
fn title_as_a_number_names_the_path() {
    let bytes = example_with(|d| d["title"] = json!(2564));
    let problem = assert_rejected("title.json", &bytes, &["title", "2564"]);
    assert!(matches!(problem, Problem::Shape { ref path, .. } if path == "title"));
}

#[test]
fn deep_wrong_type_names_the_path() {
    let bytes = example_with(|d| d["guidance"][1]["items"][0]["label"]["en"] = json!(["x"]));
    let problem = assert_rejected("deep.json", &bytes, &["guidance[1].items[0].label.en"]);
    assert!(matches!(problem, Problem::Shape { .. }));
}

#[test]
fn missing_meta_is_rejected() {
    let bytes = example_with(|d| {
        d.as_object_mut().unwrap().remove("meta");
    });
    let problem = assert_rejected("no-meta.json", &bytes, &["missing field", "meta"]);
    assert!(matches!(problem, Problem::Shape { .. }));
}

/// Loading `path` fails with `problem`, and so do `wethi validate` and
/// `wethi show` (exit code 1, one line on stderr); every message names the
/// file and says `says`.
fn assert_cannot_load(sb: &Sandbox, path: &Path, problem: Problem, says: &str) {
    let err = store::load(path).unwrap_err();
    assert_eq!(err.problem, problem);
    let message = err.message(Lang::En);
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(message.contains(says), "{message}");
    for command in ["validate", "show"] {
        let out = sb.wethi().arg(command).arg(path).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr:?}");
        assert!(stderr.contains(&path.display().to_string()), "{stderr:?}");
        assert!(stderr.contains(says), "{stderr:?}");
    }
}

#[test]
fn missing_file_is_reported_and_not_created() {
    let sb = Sandbox::new();
    let path = sb.data_dir().join("nowhere.json");
    assert_cannot_load(&sb, &path, Problem::NotFound, "no such file");
    assert!(!path.exists());
    assert!(tree(sb.data_dir()).is_empty());
}

#[test]
fn directory_instead_of_a_file_is_reported_and_left_alone() {
    let sb = Sandbox::new();
    let path = sb.data_dir().join("folder.json");
    fs::create_dir(&path).unwrap();
    fs::write(path.join("inside.txt"), "keep me").unwrap();
    assert_cannot_load(&sb, &path, Problem::IsDirectory, "folder");
    assert_eq!(
        tree(sb.data_dir()),
        vec![
            "folder.json".to_owned(),
            "folder.json/inside.txt".to_owned()
        ]
    );
    assert_eq!(
        fs::read_to_string(path.join("inside.txt")).unwrap(),
        "keep me"
    );
}

#[test]
fn newer_version_loads_read_only() {
    let sb = Sandbox::new();
    let path = sb.data_dir().join("future.json");
    fs::write(&path, example_with(|d| d["version"] = json!(2))).unwrap();
    let before = snapshot(&path);
    let loaded = store::load(&path).expect("a newer file still loads");
    assert!(loaded.newer_version);
    assert_eq!(loaded.session.version, 2);

    let current = store::load(&common::example_path()).unwrap();
    assert!(!current.newer_version);

    let out = sb.wethi().arg("validate").arg(&path).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("newer"));
    let out = sb.wethi().arg("show").arg(&path).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("read-only"));
    assert_eq!(snapshot(&path), before);
}

// ---------------------------------------------------------------------------
// Atomic saves
// ---------------------------------------------------------------------------

fn sample_session(title: &str) -> Session {
    template::instantiate(
        template::builtin().unwrap(),
        title,
        session::now(),
        Lang::Th,
    )
}

#[test]
fn several_saves_leave_no_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    let mut s = sample_session("first");
    for i in 0..6 {
        s.title = format!("save {i}");
        store::save_session(&path, &s).unwrap();
        assert_eq!(
            tree(dir.path()),
            vec!["s.json".to_owned()],
            "after save {i}"
        );
    }
    assert_eq!(store::load(&path).unwrap().session.title, "save 5");
    store::write_atomic(&path, to_json(&s).unwrap().as_bytes()).unwrap();
    assert_eq!(tree(dir.path()), vec!["s.json".to_owned()]);
}

#[test]
fn save_into_a_folder_replaced_by_a_plain_file_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("sub");
    fs::create_dir(&folder).unwrap();
    let target = folder.join("s.json");
    let s = sample_session("old");
    store::save_session(&target, &s).unwrap();

    // The folder moves away and a plain file takes its name.
    let moved = dir.path().join("sub-moved");
    fs::rename(&folder, &moved).unwrap();
    fs::write(&folder, "a plain file").unwrap();
    let old = snapshot(&moved.join("s.json"));
    let plain = snapshot(&folder);

    let err =
        store::save_session(&target, &sample_session("new")).expect_err("cannot save into a file");
    assert_eq!(err.path, target);
    let message = err.message(Lang::En);
    assert!(message.contains(&target.display().to_string()), "{message}");
    assert!(
        err.message(Lang::Th)
            .contains(&target.display().to_string())
    );
    assert_eq!(
        snapshot(&moved.join("s.json")),
        old,
        "the old file is as it was"
    );
    assert_eq!(snapshot(&folder), plain);
    assert_eq!(
        tree(dir.path()),
        vec![
            "sub".to_owned(),
            "sub-moved".to_owned(),
            "sub-moved/s.json".to_owned()
        ],
        "no temporary file is left"
    );
}

#[test]
fn save_over_a_non_empty_folder_fails_and_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let old_path = dir.path().join("s.json");
    store::save_session(&old_path, &sample_session("old")).unwrap();
    let target = dir.path().join("blocked.json");
    fs::create_dir(&target).unwrap();
    fs::write(target.join("keep.txt"), "keep").unwrap();
    let old = snapshot(&old_path);
    let before = tree(dir.path());

    let err =
        store::save_session(&target, &sample_session("new")).expect_err("a folder is in the way");
    assert_eq!(err.path, target);
    let message = err.message(Lang::En);
    assert!(message.contains(&target.display().to_string()), "{message}");
    assert!(!message.contains('\n'), "{message}");
    assert_eq!(snapshot(&old_path), old);
    assert_eq!(fs::read_to_string(target.join("keep.txt")).unwrap(), "keep");
    assert_eq!(tree(dir.path()), before, "no temporary file is left");
}
