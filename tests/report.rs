//! The reports rendered from the example session: `show` text, Markdown and
//! HTML as golden files (Thai and English), and the properties every format
//! must keep: every text of the session is there, and none of it is taken
//! for markup.

mod common;

use wethi::export::report::build;
use wethi::export::text::{TextStyle, write_text};
use wethi::session::{FollowUp, FollowUpStatus, Session};
use wethi::store;
use wethi::text::Lang;

fn example() -> Session {
    store::load(&common::example_path())
        .expect("the example loads")
        .session
}

fn show(s: &Session, lang: Lang) -> String {
    let mut out = Vec::new();
    let style = TextStyle {
        width: 100,
        bold: false,
    };
    write_text(&mut out, &build(s, lang), style).expect("writes");
    String::from_utf8(out).expect("UTF-8")
}

/// The example with what merged and follow-up sessions add: groups on every
/// kind of entry, follow-ups of each status, and text that looks like markup.
pub fn rich() -> Session {
    let mut s = example();
    s.swot.strengths.push(s.swot.strengths[0].clone());
    let item = s.swot.strengths.last_mut().unwrap();
    item.id = "sw-hostile".into();
    item.text = "<b>x</b> & *not* _em_ # [link](javascript:x) `code` | pipe".into();
    item.group = Some("กลุ่ม <3>".into());
    s.recommendations[0].group = Some("กลุ่ม 2".into());
    s.stages[0].notes[0].group = Some("กลุ่ม 1".into());
    s.strategies.so[0].group = Some("กลุ่ม 1".into());
    s.actions[1].group = Some("กลุ่ม 2".into());
    let statuses = [
        FollowUpStatus::Open,
        FollowUpStatus::Done,
        FollowUpStatus::Carried,
        FollowUpStatus::Dropped,
    ];
    for (i, status) in statuses.into_iter().enumerate() {
        s.followups.push(FollowUp {
            id: format!("f-{i}"),
            text: format!("ติดตามงานข้อ {i}"),
            owner: if i == 0 {
                String::new()
            } else {
                format!("ผู้รับผิดชอบ {i}")
            },
            due: chrono::NaiveDate::from_ymd_opt(2020, 12, 1 + i as u32),
            status,
            from_session: "past".into(),
            from_title: "เวทีครั้งที่แล้ว".into(),
            extra: Default::default(),
        });
    }
    s
}

#[test]
fn show_example_th() {
    insta::assert_snapshot!(show(&example(), Lang::Th));
}

#[test]
fn show_example_en() {
    insta::assert_snapshot!(show(&example(), Lang::En));
}

#[test]
fn show_has_groups_and_follow_ups() {
    let out = show(&rich(), Lang::En);
    assert!(out.contains("Follow-up of earlier actions"), "{out}");
    for status in ["not yet reviewed", "done", "carried on", "dropped"] {
        assert!(
            out.contains(&format!("status: {status}")),
            "{status}:\n{out}"
        );
    }
    assert!(out.contains("from: เวทีครั้งที่แล้ว"), "{out}");
    assert!(out.contains("(group: กลุ่ม 2)"), "{out}");
    assert!(out.contains("(group: กลุ่ม 1)"), "{out}");
    assert!(out.contains("S4 <b>x</b>"), "{out}");
}
