//! `wethi diff` and `wethi merge` through the real binary, on sessions built
//! in each test, plus a property of merging.

mod common;

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use serde_json::Value;

use common::{Sandbox, assert_valid_session, read_json, run, snapshot};
use wethi::export::merge::{Source, merge};
use wethi::session::template::{builtin, instantiate};
use wethi::session::{
    Action, Quadrant, Session, Strategy as TowsStrategy, SwotItem, Timestamp, TowsPair, to_json,
};
use wethi::text::Lang;

fn ts(s: &str) -> Timestamp {
    chrono::DateTime::parse_from_rfc3339(s).expect("timestamp")
}

fn item(id: &str, text: &str, votes: u32) -> SwotItem {
    SwotItem {
        votes,
        ..SwotItem::new(id, text, ts("2021-01-13T09:00:00+07:00"))
    }
}

fn strategy(id: &str, text: &str, links: &[&str]) -> TowsStrategy {
    TowsStrategy {
        id: id.into(),
        text: text.into(),
        links: links.iter().map(|l| (*l).to_owned()).collect(),
        group: None,
        extra: Default::default(),
    }
}

fn action(id: &str, text: &str, owner: &str) -> Action {
    Action {
        id: id.into(),
        text: text.into(),
        owner: owner.into(),
        due: None,
        done: false,
        group: None,
        extra: Default::default(),
    }
}

/// A session from the built-in template, with no items.
fn session(title: &str) -> Session {
    let base = builtin().expect("built-in template");
    let mut s = instantiate(base, title, ts("2021-01-13T08:00:00+07:00"), Lang::Th);
    s.meta.participants.groups.clear();
    s
}

fn write(dir: &Path, name: &str, s: &Session) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, to_json(s).expect("serialisable")).expect("writable");
    path
}

// ---- diff ----

/// The old and new sessions of the golden diff.
fn before_and_after() -> (Session, Session) {
    let mut old = session("เวทีเช้า");
    old.swot.strengths.push(item("s1", "ถนนดี", 2));
    old.swot.strengths.push(item("s2", "ผู้นำเข้มแข็ง", 0));
    old.swot
        .weaknesses
        .push(item("w1", "ท\u{0E4D}\u{0E32}งานไม่ต่อเนื่อง", 1));
    old.swot.threats.push(item("t1", "น้ำท่วม", 0));
    old.swot.opportunities.push(item("o1", "งบจังหวัด", 0));
    old.strategies
        .so
        .push(strategy("tw1", "ใช้ถนนขนส่งผลผลิต", &["s1", "o1"]));
    old.actions.push(action("a1", "ส่งรายชื่อ", "นก"));
    let mut new = old.clone();
    new.title = "เวทีบ่าย".into();
    // Renamed text.
    new.swot.strengths[0].text = "ถนนดีทุกหมู่บ้าน".into();
    // Moved quadrant, with a vote change.
    let leader = new.swot.strengths.remove(1);
    new.swot.opportunities.push(SwotItem { votes: 4, ..leader });
    // The same text retyped with ำ under a new id: no change.
    new.swot.weaknesses[0] = item("w9", "ท\u{0E33}งานไม่ต่อเนื่อง", 1);
    // Gone, and new.
    new.swot.threats.clear();
    new.swot.threats.push(item("t2", "ภัยแล้ง", 3));
    new.strategies.so[0].links = vec!["s1".into()];
    new.actions[0].done = true;
    (old, new)
}

const GOLDEN_EN: &str = "\
Session details
  ~ Title: เวทีเช้า → เวทีบ่าย

SWOT
  ~ Strengths: ถนนดีทุกหมู่บ้าน (was ถนนดี)
  ~ Opportunities: ผู้นำเข้มแข็ง (moved from Strengths; votes 0 → 4)
  + Threats: ภัยแล้ง (votes 3)
  - Threats: น้ำท่วม

Strategies
  ~ SO Aggressive: ใช้ถนนขนส่งผลผลิต (links S1, O1 → S1)

Action items
  ~ ส่งรายชื่อ (open → done)
";

#[test]
fn diff_piped_is_plain_text_grouped_by_section() {
    let sb = Sandbox::new();
    let (old, new) = before_and_after();
    let a = write(sb.data_dir(), "old.json", &old);
    let b = write(sb.data_dir(), "new.json", &new);
    // Without NO_COLOR too: stdout is a pipe, so no colour.
    let r = run(sb
        .wethi()
        .env_remove("NO_COLOR")
        .arg("diff")
        .arg(&a)
        .arg(&b));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(r.stdout, GOLDEN_EN);
    assert!(!r.stdout.contains('\x1b'));
}

#[test]
fn diff_speaks_thai_with_lang_th() {
    let sb = Sandbox::new();
    let (old, new) = before_and_after();
    let a = write(sb.data_dir(), "old.json", &old);
    let b = write(sb.data_dir(), "new.json", &new);
    let r = run(sb.wethi().args(["--lang", "th", "diff"]).arg(&a).arg(&b));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stdout
            .starts_with("ข้อมูลเวที\n  ~ ชื่อเวที: เวทีเช้า → เวทีบ่าย\n")
    );
    assert!(
        r.stdout
            .contains("  ~ โอกาส: ผู้นำเข้มแข็ง (ย้ายมาจาก จุดแข็ง; คะแนน 0 → 4)\n"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("  - อุปสรรค: น้ำท่วม\n"));
}

#[test]
fn diff_of_a_file_with_itself_says_nothing_changed() {
    let sb = Sandbox::new();
    let (old, _) = before_and_after();
    let a = write(sb.data_dir(), "old.json", &old);
    let r = run(sb.wethi().arg("diff").arg(&a).arg(&a));
    assert_eq!((r.code, r.stdout.as_str()), (Some(0), "No changes.\n"));
    let r = run(sb.wethi().args(["--lang", "th", "diff"]).arg(&a).arg(&a));
    assert_eq!(r.stdout, "ไม่มีความเปลี่ยนแปลง\n");
}

#[test]
fn diff_of_a_missing_or_broken_file_exits_1_naming_it() {
    let sb = Sandbox::new();
    let (old, _) = before_and_after();
    let a = write(sb.data_dir(), "old.json", &old);
    let missing = sb.data_dir().join("missing.json");
    let broken = sb.data_dir().join("broken.json");
    fs::write(&broken, "{ \"format\": ").expect("writable");
    for bad in [&missing, &broken] {
        let r = run(sb.wethi().arg("diff").arg(&a).arg(bad));
        assert_eq!(r.code, Some(1), "{}", r.stderr);
        assert!(
            r.stderr.contains(&bad.display().to_string()),
            "{}",
            r.stderr
        );
        assert!(r.stdout.is_empty());
    }
}

#[test]
fn diff_never_prints_raw_control_characters() {
    let sb = Sandbox::new();
    let old = session("a");
    let mut new = session("a");
    new.swot
        .strengths
        .push(item("x", "bad \u{1b}[2J\u{202e}text", 0));
    let a = write(sb.data_dir(), "a.json", &old);
    let b = write(sb.data_dir(), "b.json", &new);
    let r = run(sb.wethi().arg("diff").arg(&a).arg(&b));
    assert!(!r.stdout.chars().any(common::is_unsafe), "{:?}", r.stdout);
    assert!(r.stdout.contains("bad ␛[2Jtext"), "{:?}", r.stdout);
}

// ---- merge ----

/// A breakout group's session: its head count and its first strength.
fn group(title: &str, people: u32, strength: SwotItem) -> Session {
    let mut s = session(title);
    s.meta.participants.total = Some(people);
    s.swot.strengths.push(strength);
    s
}

/// Three groups' sessions: one item all three share (typed with ํา and ำ),
/// linked strategies, notes and actions.
fn three_groups(dir: &Path) -> [PathBuf; 3] {
    let mut g1 = group("กลุ่ม 1", 10, item("g1-s1", "ท\u{0E4D}\u{0E32}งานเป็นทีม", 2));
    g1.swot.opportunities.push(item("g1-o1", "งบจังหวัด", 1));
    g1.strategies
        .so
        .push(strategy("g1-tw", "ทีมขอรับงบ", &["g1-s1", "g1-o1"]));
    g1.actions.push(action("g1-a", "ทำหนังสือขอรับงบ", "นก"));
    g1.stages[0].elapsed_seconds = 600;
    let mut g2 = group("กลุ่ม 2", 12, item("g2-s1", "ท\u{0E33}งานเป็นทีม", 3));
    g2.swot.weaknesses.push(item("g2-w1", "ขาดงบ", 4));
    g2.strategies
        .wo
        .push(strategy("g2-tw", "หางบเพิ่ม", &["g2-w1", "g2-s1"]));
    g2.stages[0].elapsed_seconds = 300;
    g2.stages[0].done = true;
    let mut g3 = group("กลุ่ม 3", 8, item("g3-s1", "  ทำงานเป็นทีม ", 1));
    // The same id as group 1's item, other text: must not clash.
    g3.swot.threats.push(item("g1-s1", "ภัยแล้ง", 5));
    g3.actions.push(action("g1-a", "ซ่อมฝาย", "ดาว"));
    [
        write(dir, "g1.json", &g1),
        write(dir, "g2.json", &g2),
        write(dir, "g3.json", &g3),
    ]
}

fn merge_cmd(sb: &Sandbox, inputs: &[PathBuf], out: &Path) -> assert_cmd::Command {
    let mut cmd = sb.wethi();
    cmd.arg("merge").args(inputs).arg("-o").arg(out);
    cmd
}

fn texts_and_groups(list: &Value) -> Vec<(String, String)> {
    list.as_array()
        .expect("array")
        .iter()
        .map(|x| {
            (
                x["text"].as_str().unwrap_or_default().to_owned(),
                x["group"].as_str().unwrap_or("-").to_owned(),
            )
        })
        .collect()
}

/// Every `id` in the document, with how often it occurs.
fn all_ids(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            if let Some(Value::String(id)) = map.get("id") {
                out.push(id.clone());
            }
            map.values().for_each(|x| all_ids(x, out));
        }
        Value::Array(xs) => xs.iter().for_each(|x| all_ids(x, out)),
        _ => {}
    }
}

fn swot_ids(v: &Value) -> HashSet<String> {
    ["strengths", "weaknesses", "opportunities", "threats"]
        .iter()
        .flat_map(|q| v["swot"][q].as_array().cloned().unwrap_or_default())
        .map(|x| x["id"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn three_way_merge_tags_groups_adds_votes_and_remaps_links() {
    let sb = Sandbox::new();
    let inputs = three_groups(sb.data_dir());
    let out = sb.data_dir().join("merged.json");
    let r = run(&mut merge_cmd(&sb, &inputs, &out));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stdout.contains("Merged 3 files"), "{}", r.stdout);
    assert_valid_session(&out);
    let m = read_json(&out);
    let v = run(sb.wethi().arg("validate").arg(&out));
    assert_eq!(v.code, Some(0), "{}", v.stderr);

    assert!(
        m["title"]
            .as_str()
            .expect("title")
            .contains("กลุ่ม 1, กลุ่ม 2, กลุ่ม 3")
    );
    // The shared item once, votes 2 + 3 + 1, every group listed.
    let strengths = &m["swot"]["strengths"];
    assert_eq!(
        texts_and_groups(strengths),
        vec![(
            "ท\u{0E4D}\u{0E32}งานเป็นทีม".to_owned(),
            "กลุ่ม 1, กลุ่ม 2, กลุ่ม 3".to_owned()
        )]
    );
    assert_eq!(strengths[0]["votes"], 6);
    assert_eq!(
        texts_and_groups(&m["swot"]["threats"]),
        vec![("ภัยแล้ง".to_owned(), "กลุ่ม 3".to_owned())]
    );
    assert_eq!(m["swot"]["weaknesses"][0]["group"], "กลุ่ม 2");

    // Links point at the merged items.
    let shared = strengths[0]["id"].as_str().expect("id");
    let funds = m["swot"]["opportunities"][0]["id"].as_str().expect("id");
    let lacks = m["swot"]["weaknesses"][0]["id"].as_str().expect("id");
    assert_eq!(
        m["strategies"]["so"][0]["links"],
        serde_json::json!([shared, funds])
    );
    assert_eq!(
        m["strategies"]["wo"][0]["links"],
        serde_json::json!([lacks, shared])
    );
    assert_eq!(m["strategies"]["wo"][0]["group"], "กลุ่ม 2");
    let swot = swot_ids(&m);
    for pair in ["so", "wo", "st", "wt"] {
        for s in m["strategies"][pair].as_array().expect("array") {
            for l in s["links"].as_array().expect("links") {
                assert!(swot.contains(l.as_str().expect("id")), "{l} dangles");
            }
        }
    }

    // Actions carried, tagged, ids unique everywhere.
    assert_eq!(
        texts_and_groups(&m["actions"]),
        vec![
            ("ทำหนังสือขอรับงบ".to_owned(), "กลุ่ม 1".to_owned()),
            ("ซ่อมฝาย".to_owned(), "กลุ่ม 3".to_owned())
        ]
    );
    let mut ids = Vec::new();
    all_ids(&m, &mut ids);
    let unique: HashSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate ids in {ids:?}");

    // Participants added up; one group per file that had none.
    assert_eq!(m["meta"]["participants"]["total"], 30);
    let labels: Vec<&str> = m["meta"]["participants"]["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .map(|g| g["label"].as_str().expect("label"))
        .collect();
    assert_eq!(labels, ["กลุ่ม 1", "กลุ่ม 2", "กลุ่ม 3"]);
    // The first stage: time summed, done in one group so done.
    assert_eq!(m["stages"][0]["elapsed_seconds"], 900);
    assert_eq!(m["stages"][0]["done"], true);
    // A fresh session id.
    let firsts = read_json(&inputs[0]);
    assert_ne!(m["id"], firsts["id"]);
}

#[test]
fn group_names_replace_the_titles_and_must_match_the_file_count() {
    let sb = Sandbox::new();
    let inputs = three_groups(sb.data_dir());
    let out = sb.data_dir().join("merged.json");
    let r = run(merge_cmd(&sb, &inputs, &out).args(["--group-names", "ก,ข"]));
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(r.stderr.contains("--group-names"), "{}", r.stderr);
    assert!(!out.exists());

    let r = run(merge_cmd(&sb, &inputs, &out).args(["--group-names", "ก,ข,ค"]));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let m = read_json(&out);
    assert_eq!(m["swot"]["strengths"][0]["group"], "ก, ข, ค");
    assert_eq!(m["actions"][1]["group"], "ค");
    assert_valid_session(&out);
}

#[test]
fn merge_title_names_the_session_and_the_whole_room_is_kept_not_added() {
    let sb = Sandbox::new();
    // Three groups' files that each carry the room's 55 people and its facts.
    let example = read_json(&common::example_path());
    let inputs: Vec<PathBuf> = (1..=3)
        .map(|n| {
            let path = sb.data_dir().join(format!("g{n}.json"));
            let mut doc = example.clone();
            doc["id"] = Value::from(format!("group-{n}"));
            fs::write(&path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
            path
        })
        .collect();
    let out = sb.data_dir().join("plenary.json");
    let r = run(merge_cmd(&sb, &inputs, &out).args(["--lang", "en", "--title", "เวทีรวม ศอช.จ."]));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stderr.contains("every file says 55 people took part")
            && r.stderr.contains("keeps 55, not their sum"),
        "{}",
        r.stderr
    );
    let m = read_json(&out);
    assert_eq!(m["title"], "เวทีรวม ศอช.จ.");
    assert_eq!(m["meta"]["participants"], example["meta"]["participants"]);
    // The facts are the first file's.
    for fact in [
        "project",
        "objective",
        "presided_by",
        "team",
        "headline",
        "credit",
    ] {
        assert_eq!(m["meta"][fact], example["meta"][fact], "{fact}");
    }
    assert_valid_session(&out);
    // Different totals are the groups' own: added, and no warning.
    let plain = sb.data_dir().join("plain.json");
    let groups = three_groups(sb.data_dir());
    let r = run(&mut merge_cmd(&sb, &groups, &plain));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    let m = read_json(&plain);
    assert_eq!(m["meta"]["participants"]["total"], 30);
    assert!(m["title"].as_str().unwrap().contains("กลุ่ม 1, กลุ่ม 2, กลุ่ม 3"));
    // An empty title is a usage error.
    let r = run(merge_cmd(&sb, &groups, &sb.data_dir().join("x.json")).args(["--title", " "]));
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(r.stderr.contains("--title"), "{}", r.stderr);
}

#[test]
fn diff_names_each_changed_fact() {
    let sb = Sandbox::new();
    let old = read_json(&common::example_path());
    let mut new = old.clone();
    new["meta"]["time"] = serde_json::json!({"start": "08:30", "end": "16:30"});
    new["meta"]["presided_by"]["position"] = Value::from("รองผู้ว่าราชการจังหวัด");
    new["meta"]["credit"] = Value::from("");
    new["meta"]["objective"] = Value::from("เพื่อทบทวนบทบาท");
    let a = sb.data_dir().join("old.json");
    let b = sb.data_dir().join("new.json");
    fs::write(&a, serde_json::to_string_pretty(&old).unwrap()).unwrap();
    fs::write(&b, serde_json::to_string_pretty(&new).unwrap()).unwrap();
    let r = run(sb.wethi().args(["--lang", "en", "diff"]).arg(&a).arg(&b));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    for line in [
        "  ~ Objective: เพื่อสร้างความรู้ความเข้าใจแก่",
        "→ เพื่อทบทวนบทบาท\n",
        "  ~ Time (start–end): (empty) → 08:30–16:30\n",
        "  ~ Their position: พัฒนาการจังหวัดอุบลราชธานี → รองผู้ว่าราชการจังหวัด\n",
        "  ~ News credit: งานประชาสัมพันธ์ สพจ.อุบลราชธานี…ภาพข่าว/รายงาน → (empty)\n",
    ] {
        assert!(r.stdout.contains(line), "{line:?} in\n{}", r.stdout);
    }
    assert!(!r.stdout.contains("Presided by"), "{}", r.stdout);
}

#[test]
fn an_input_is_never_overwritten_whatever_path_names_it() {
    let sb = Sandbox::new();
    let inputs = three_groups(sb.data_dir());
    let before: Vec<_> = inputs.iter().map(|p| snapshot(p)).collect();
    let dir = sb.data_dir();
    fs::create_dir(dir.join("sub")).expect("mkdir");
    // Only Unix adds a name (a symlink) below.
    #[cfg_attr(not(unix), allow(unused_mut))]
    let mut aliases = vec![
        inputs[1].clone(),
        dir.join("sub").join("..").join("g2.json"),
    ];
    #[cfg(unix)]
    {
        let link = dir.join("link.json");
        std::os::unix::fs::symlink(&inputs[2], &link).expect("symlink");
        aliases.push(link);
    }
    for out in &aliases {
        let r = run(merge_cmd(&sb, &inputs, out).arg("--force"));
        assert_eq!(r.code, Some(1), "{}", r.stderr);
        assert!(r.stderr.contains("input"), "{}", r.stderr);
    }
    let after: Vec<_> = inputs.iter().map(|p| snapshot(p)).collect();
    assert_eq!(before, after);
}

#[test]
fn an_existing_output_needs_force() {
    let sb = Sandbox::new();
    let inputs = three_groups(sb.data_dir());
    let out = sb.data_dir().join("merged.json");
    fs::write(&out, "keep me").expect("writable");
    let r = run(&mut merge_cmd(&sb, &inputs, &out));
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(r.stderr.contains("--force"), "{}", r.stderr);
    assert_eq!(fs::read_to_string(&out).expect("readable"), "keep me");
    let r = run(merge_cmd(&sb, &inputs, &out).arg("--force"));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_valid_session(&out);
}

#[test]
fn merge_needs_two_files_and_names_a_bad_one() {
    let sb = Sandbox::new();
    let inputs = three_groups(sb.data_dir());
    let out = sb.data_dir().join("merged.json");
    let r = run(&mut merge_cmd(&sb, &inputs[..1], &out));
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    let broken = sb.data_dir().join("broken.json");
    fs::write(&broken, "[]").expect("writable");
    let r = run(&mut merge_cmd(
        &sb,
        &[inputs[0].clone(), broken.clone()],
        &out,
    ));
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(
        r.stderr.contains(&broken.display().to_string()),
        "{}",
        r.stderr
    );
    assert!(!out.exists());
}

#[test]
fn merged_file_diffed_against_a_group_shows_the_other_groups_items() {
    let sb = Sandbox::new();
    let inputs = three_groups(sb.data_dir());
    let out = sb.data_dir().join("merged.json");
    assert_eq!(run(&mut merge_cmd(&sb, &inputs, &out)).code, Some(0));
    let r = run(sb.wethi().arg("diff").arg(&inputs[0]).arg(&out));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stdout.contains("  + Threats: ภัยแล้ง (votes 5)\n"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("votes 2 → 6"), "{}", r.stdout);
}

// ---- the property ----

fn quadrant() -> impl Strategy<Value = Quadrant> {
    prop::sample::select(Quadrant::ALL.to_vec())
}

prop_compose! {
    /// A session with items of distinct texts (distinct after normalising),
    /// strategies linking some of them, and an action.
    fn any_session()(
        entries in prop::collection::vec((quadrant(), "[ก-ฮa-z ]{0,12}", 0u32..50), 0..12),
        picks in prop::collection::vec((0usize..4, prop::collection::vec(0usize..12, 0..4)), 0..4),
    ) -> Session {
        let mut s = session("กลุ่ม");
        let mut seen = HashSet::new();
        for (n, (q, text, votes)) in entries.into_iter().enumerate() {
            let text = format!("{text} {n}");
            if seen.insert(wethi::export::matching::text_key(&text)) {
                s.swot.items_mut(q).push(item(&format!("sw-{n}"), &text, votes));
            }
        }
        let ids: Vec<String> = Quadrant::ALL
            .iter()
            .flat_map(|q| s.swot.items(*q).iter().map(|i| i.id.clone()))
            .collect();
        for (k, (pair, links)) in picks.into_iter().enumerate() {
            let mut links: Vec<&str> = links
                .iter()
                .filter_map(|i| ids.get(*i).map(String::as_str))
                .collect();
            links.dedup();
            let mut once = HashSet::new();
            links.retain(|l| once.insert(*l));
            s.strategies
                .items_mut(TowsPair::ALL[pair])
                .push(strategy(&format!("tw-{k}"), "กลยุทธ์", &links));
        }
        s.actions.push(action("a-1", "งาน", "นก"));
        s
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn merging_a_session_with_a_copy_of_itself(s in any_session()) {
        let sources = [
            Source { group: "ก".into(), session: s.clone() },
            Source { group: "ข".into(), session: s.clone() },
        ];
        let m = merge(&sources, None, ts("2021-01-13T17:00:00+07:00")).expect("merged");
        for q in Quadrant::ALL {
            let (mine, merged) = (s.swot.items(q), m.swot.items(q));
            prop_assert_eq!(mine.len(), merged.len());
            for (a, b) in mine.iter().zip(merged) {
                prop_assert_eq!(&a.text, &b.text);
                prop_assert_eq!(b.votes, a.votes * 2);
                prop_assert_eq!(b.group.as_deref(), Some("ก, ข"));
            }
        }
        let swot: HashSet<&str> = Quadrant::ALL
            .iter()
            .flat_map(|q| m.swot.items(*q).iter().map(|i| i.id.as_str()))
            .collect();
        prop_assert_eq!(m.strategies.total(), 2 * s.strategies.total());
        for p in TowsPair::ALL {
            let (mine, merged) = (s.strategies.items(p), m.strategies.items(p));
            for (a, b) in mine.iter().chain(mine).zip(merged) {
                prop_assert_eq!(a.links.len(), b.links.len());
                prop_assert!(b.links.iter().all(|l| swot.contains(l.as_str())));
            }
        }
        // Valid against the schema, ids unique.
        let json: Value = serde_json::from_str(&to_json(&m).expect("json")).expect("JSON");
        prop_assert_eq!(common::schema_errors(&json), "");
        let mut ids = Vec::new();
        all_ids(&json, &mut ids);
        prop_assert_eq!(ids.iter().collect::<HashSet<_>>().len(), ids.len());
    }
}

#[test]
fn help_describes_both_commands() {
    let sb = Sandbox::new();
    for (command, needle) in [("diff", "OLD"), ("merge", "--group-names")] {
        let r = run(sb.wethi().args([command, "--help"]));
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        assert!(r.stdout.contains(needle), "{}", r.stdout);
    }
    let r = run(sb.wethi().arg("--help"));
    assert!(r.stdout.contains("diff") && r.stdout.contains("merge"));
}

#[test]
fn an_empty_group_name_is_a_usage_error() {
    let sb = Sandbox::new();
    let inputs = three_groups(sb.data_dir());
    let out = sb.data_dir().join("merged.json");
    let r = run(merge_cmd(&sb, &inputs, &out).args(["--group-names", "ก,,ค"]));
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(!out.exists());
}

// ---- photos ----

/// `s` with a photo `file` captioned `caption`, its image written into the
/// photo folder beside `path`.
fn with_photo(path: &Path, s: &mut Session, id: &str, file: &str, caption: &str) {
    let image = wethi::photos::sample::phone_jpeg(20, 10, 1);
    wethi::store::photos::write_photo(path, file, &image).expect("the image is written");
    s.photos.push(wethi::session::Photo {
        id: id.into(),
        file: file.into(),
        caption: caption.into(),
        group: None,
        added_at: ts("2021-01-13T10:00:00+07:00"),
        bytes: image.len() as u64,
        width: 20,
        height: 10,
        extra: Default::default(),
    });
}

#[test]
fn merge_copies_the_groups_photos_tagged_and_diff_names_them() {
    let sb = Sandbox::new();
    let dir = sb.home.path();
    let (p1, p2) = (dir.join("g1.json"), dir.join("g2.json"));
    let mut g1 = session("กลุ่ม 1");
    with_photo(&p1, &mut g1, "ph-a", "ph-a.jpg", "ฟลิปชาร์ตกลุ่ม 1");
    let mut g2 = session("กลุ่ม 2");
    // The same id and file name in both groups: neither may overwrite the other.
    with_photo(&p2, &mut g2, "ph-a", "ph-a.jpg", "ฟลิปชาร์ตกลุ่ม 2");
    write(dir, "g1.json", &g1);
    write(dir, "g2.json", &g2);
    let out = dir.join("plenary.json");
    let r = run(&mut merge_cmd(&sb, &[p1.clone(), p2.clone()], &out));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_valid_session(&out);
    let merged = read_json(&out);
    let photos = merged["photos"].as_array().expect("photos merged");
    let seen: Vec<(&str, &str, &str)> = photos
        .iter()
        .map(|p| {
            let s = |k: &str| p[k].as_str().unwrap_or_default();
            (s("caption"), s("group"), s("file"))
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("ฟลิปชาร์ตกลุ่ม 1", "กลุ่ม 1", "ph-a.jpg"),
            ("ฟลิปชาร์ตกลุ่ม 2", "กลุ่ม 2", "ph-a-2.jpg"),
        ]
    );
    assert_ne!(photos[0]["id"], photos[1]["id"]);
    let folder = out.with_extension("photos");
    for (_, _, file) in &seen {
        assert!(folder.join(file).is_file(), "{file} copied");
    }
    assert!(
        p1.with_extension("photos").join("ph-a.jpg").is_file(),
        "the groups keep theirs"
    );
    run(sb.wethi().arg("validate").arg(&out));

    let r = run(sb.wethi().arg("diff").arg(&p1).arg(&out));
    assert!(
        r.stdout.contains("Photos\n  + ฟลิปชาร์ตกลุ่ม 2 (ph-a-2.jpg)"),
        "{}",
        r.stdout
    );
    let r = run(sb.wethi().args(["--lang", "en", "show"]).arg(&out));
    assert!(r.stdout.contains("Photos\n------"), "{}", r.stdout);
    assert!(
        r.stdout.contains("1. ฟลิปชาร์ตกลุ่ม 1 (group: กลุ่ม 1)"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("ph-a-2.jpg"), "{}", r.stdout);

    // A group whose image is missing: one sentence naming it, no output.
    fs::remove_file(p2.with_extension("photos").join("ph-a.jpg")).unwrap();
    let again = dir.join("again.json");
    let r = run(&mut merge_cmd(&sb, &[p1, p2], &again));
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.contains("ph-a.jpg"), "{}", r.stderr);
    assert!(!again.exists() && !again.with_extension("photos").exists());
}
