//! A province's year of workshops, generated: forty sessions in twenty
//! districts of Ubon Ratchathani through 2024, each district met twice, the
//! second workshop made `--from` the first (its open actions followed up and
//! settled four ways). Items recur across sessions typed three different
//! ways (spacing, `ํา`, a word changed); every session also has items of
//! its own that differ only in a number. Four sessions are in English.
//! Tests (`tests/across.rs`) and the benchmark (`benches/across.rs`, any
//! number of sessions) share it.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDate};
use wethi::session::followup::followups_of;
use wethi::session::template::{builtin, instantiate};
use wethi::session::{
    Action, FollowUpStatus, Note, Quadrant, Session, SwotItem, Timestamp, to_json,
};
use wethi::text::Lang;

/// The day the tests take for today (`WETHI_TEST_CLOCK`).
pub const TODAY: &str = "2025-01-15T09:00:00+07:00";

pub const DISTRICTS: [&str; 20] = [
    "อำเภอเมืองอุบลราชธานี",
    "อำเภอวารินชำราบ",
    "อำเภอเดชอุดม",
    "อำเภอพิบูลมังสาหาร",
    "อำเภอตระการพืชผล",
    "อำเภอเขื่องใน",
    "อำเภอม่วงสามสิบ",
    "อำเภอศรีเมืองใหม่",
    "อำเภอโขงเจียม",
    "อำเภอกุดข้าวปุ้น",
    "อำเภอเขมราฐ",
    "อำเภอนาจะหลวย",
    "อำเภอน้ำยืน",
    "อำเภอบุณฑริก",
    "อำเภอตาลสุม",
    "อำเภอโพธิ์ไทร",
    "อำเภอสำโรง",
    "อำเภอดอนมดแดง",
    "อำเภอสิรินธร",
    "อำเภอทุ่งศรีอุดม",
];

/// The items that recur, each typed three ways, with the quadrant they belong to.
pub const RECURRING: [(Quadrant, [&str; 3]); 5] = [
    (
        Quadrant::Weaknesses,
        [
            "ขาดงบประมาณในการพัฒนา",
            "ขาด งบประมาณ ในการพัฒนา",
            "ขาดงบประมาณสำหรับการพัฒนา",
        ],
    ),
    (
        Quadrant::Weaknesses,
        [
            "ผู้นำชุมชนขาดความรู้ด้านการจัดทำแผน",
            "ผู้นำชุมชนขาดความรู้ด้านการจัดท\u{0E4D}\u{0E32}แผน",
            "ผู้นำชุมชน ขาดความรู้ ด้านการจัดทำแผน",
        ],
    ),
    (
        Quadrant::Strengths,
        [
            "มีเครือข่ายอาสาสมัครเข้มแข็ง",
            "มีเครือข่ายอาสาสมัคร เข้มแข็ง",
            "มีเครือข่ายอาสาสมัครที่เข้มแข็ง",
        ],
    ),
    (
        Quadrant::Opportunities,
        [
            "มีแหล่งท่องเที่ยวเชิงวัฒนธรรม",
            "มีแหล่งท่องเที่ยว เชิงวัฒนธรรม",
            "มีแหล่งท่องเที่ยวเชิงวัฒนธรรมหลายแห่ง",
        ],
    ),
    (
        Quadrant::Threats,
        ["ภัยแล้งซ้ำซาก", "ภัยแล้ง ซ้ำซาก", "ภัยแล้งซ้ำซากทุกปี"],
    ),
];

/// How the follow-up workshop of district `k` settles the first one's open actions.
pub fn settled(k: usize) -> FollowUpStatus {
    [
        FollowUpStatus::Done,
        FollowUpStatus::Carried,
        FollowUpStatus::Dropped,
        FollowUpStatus::Open,
    ][k % 4]
}

/// Owners, typed the same way or with extra spaces.
const OWNERS: [&str; 4] = [
    "เลขานุการ ศอช.อ.",
    "พัฒนากรประจำตำบล",
    "เลขานุการ  ศอช.อ.",
    "ปลัดอำเภอ",
];

fn time(day: NaiveDate) -> Timestamp {
    let text = format!("{day}T09:00:00+07:00");
    chrono::DateTime::parse_from_rfc3339(&text).expect("a time")
}

/// The day of workshop `i`: every nine days from 8 January 2024.
pub fn day_of(i: usize) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 8).expect("a day") + Duration::days(9 * (i as i64 % 40))
}

/// Workshop `i` of `n` (districts repeat every twenty; from the twentieth
/// on, a workshop follows up the one twenty before it).
fn workshop(i: usize, earlier: Option<&Session>) -> Session {
    let k = i % 20;
    let day = day_of(i);
    let english = matches!(i, 5 | 13 | 27 | 33);
    let lang = if english { Lang::En } else { Lang::Th };
    let title = if english {
        format!("District workshop {}", i + 1)
    } else {
        format!("เวทีประชาคม{} ครั้งที่ {}", DISTRICTS[k], i / 20 + 1)
    };
    let template = builtin().expect("the built-in template");
    let mut s = instantiate(template, &title, time(day), lang);
    s.id = format!("ws-{i:04}");
    s.meta.date = Some(day);
    s.meta.district = DISTRICTS[k].into();
    s.meta.province = "จังหวัดอุบลราชธานี".into();
    s.meta.venue = format!("ศาลาประชาคม{}", DISTRICTS[k]);
    let at = time(day);
    let mut n = 0;
    let mut item = |q: Quadrant, text: String, votes: u32| {
        n += 1;
        let mut it = SwotItem::new(format!("i-{n}"), text, at);
        it.votes = votes;
        s.swot.items_mut(q).push(it);
    };
    for (r, (q, ways)) in RECURRING.iter().enumerate() {
        // Every item in most workshops, the way it is typed changing.
        if (i + r) % 5 != 4 {
            item(*q, ways[(i + r) % 3].into(), ((i * 7 + r * 3) % 6) as u32);
        }
    }
    if english {
        let ways = [
            "Drought every year",
            "drought  every year",
            "Droughts every year",
        ];
        item(Quadrant::Threats, ways[i % 3].into(), 2);
    }
    item(
        Quadrant::Weaknesses,
        format!("ถนนสายหลักหมู่ {} ชำรุด", i + 1),
        1,
    );
    item(
        Quadrant::Opportunities,
        format!("ตลาดนัดชุมชนหมู่ {}", i + 1),
        0,
    );
    s.stages[0].notes.push(Note {
        id: "n-1".into(),
        text: format!("ที่ประชุมเห็นว่าน้ำไม่พอใช้ในหน้าแล้ง ({})", DISTRICTS[k]),
        created_at: at,
        group: None,
        extra: Default::default(),
    });
    let action = |id: &str, text: String, owner: &str, due: NaiveDate, done: bool| Action {
        id: id.into(),
        text,
        owner: owner.into(),
        due: Some(due),
        done,
        group: None,
        extra: Default::default(),
    };
    s.actions.push(action(
        &format!("a-{i}-1"),
        format!("ส่งรายชื่อคณะทำงาน{}", DISTRICTS[k]),
        OWNERS[k % 4],
        day + Duration::days(30),
        false,
    ));
    s.actions.push(action(
        &format!("a-{i}-2"),
        "จัดทำรายงานสรุปผลการประชุม".into(),
        OWNERS[(k + 1) % 4],
        day + Duration::days(14),
        i.is_multiple_of(3),
    ));
    if let Some(first) = earlier {
        s.followups = followups_of(first);
        for f in &mut s.followups {
            f.status = settled(k);
        }
        // A new action due after today: open, not overdue.
        s.actions.push(action(
            &format!("a-{i}-3"),
            format!("ติดตามผลการจัดทำแผนพัฒนา{}", DISTRICTS[k]),
            OWNERS[k % 4],
            NaiveDate::from_ymd_opt(2025, 3, 31).expect("a day"),
            false,
        ));
    }
    s.updated_at = at;
    s
}

/// `n` workshops (forty make the province's year; more repeat it with new ids).
pub fn workshops(n: usize) -> Vec<Session> {
    let mut all: Vec<Session> = Vec::with_capacity(n);
    for i in 0..n {
        let earlier = (i % 40 >= 20).then(|| &all[i - 20]);
        let mut s = workshop(i, earlier);
        if i >= 40 {
            s.meta.date = s
                .meta
                .date
                .map(|d| d + Duration::days(366 * (i as i64 / 40)));
        }
        all.push(s);
    }
    all
}

/// Writes `n` workshops into `dir`, one file each; returns their paths.
pub fn write_workshops(dir: &Path, n: usize) -> Vec<PathBuf> {
    workshops(n)
        .iter()
        .map(|s| {
            let path = dir.join(format!("{}.json", s.id));
            std::fs::write(&path, to_json(s).expect("JSON")).expect("write a workshop");
            path
        })
        .collect()
}
