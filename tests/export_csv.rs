//! The CSV export through the library: the example session's CSV in both
//! languages (golden), read back with the `csv` crate to the same entries,
//! the byte-order mark, and hostile text (quotes, commas, line breaks,
//! formulas) coming back unchanged.

mod common;

use proptest::prelude::*;
use wethi::export::csv::{self, BOM, Row, section};
use wethi::session::{FollowUp, FollowUpStatus, Quadrant, Session, parse};
use wethi::text::Lang;

fn example() -> Session {
    let path = common::example_path();
    let bytes = std::fs::read(&path).expect("the example is readable");
    parse(&path, &bytes).expect("the example parses").session
}

fn csv_text(s: &Session, lang: Lang) -> String {
    let mut out = Vec::new();
    csv::write(s, lang, &mut out).expect("CSV is written");
    String::from_utf8(out).expect("CSV is UTF-8")
}

fn rows_of(s: &Session, lang: Lang) -> Vec<Row> {
    let mut out = Vec::new();
    csv::write(s, lang, &mut out).expect("CSV is written");
    csv::read(out.as_slice()).expect("CSV reads back")
}

fn section_rows<'a>(rows: &'a [Row], name: &str) -> Vec<&'a Row> {
    rows.iter().filter(|r| r.section == name).collect()
}

#[test]
fn the_example_as_csv_in_thai() {
    let text = csv_text(&example(), Lang::Th);
    insta::assert_snapshot!("example_th", text.trim_start_matches(BOM));
}

#[test]
fn the_example_as_csv_in_english() {
    let text = csv_text(&example(), Lang::En);
    insta::assert_snapshot!("example_en", text.trim_start_matches(BOM));
}

#[test]
fn the_file_starts_with_a_bom_and_an_english_header_and_ends_rows_with_crlf() {
    let text = csv_text(&example(), Lang::Th);
    assert!(text.starts_with(BOM), "no byte-order mark");
    let header = text[BOM.len()..].split("\r\n").next().unwrap();
    assert_eq!(
        header,
        "session_id,date,section,quadrant,position,text,votes,group,owner,due,done,created_at,links,status,id"
    );
    assert!(text.ends_with("\r\n"));
}

#[test]
fn a_plain_csv_reader_gets_every_entry_back() {
    let s = example();
    let text = csv_text(&s, Lang::En);
    let mut reader = ::csv::Reader::from_reader(&text.as_bytes()[BOM.len()..]);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let records: Vec<::csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert!(records.iter().all(|r| r.len() == header.len()));
    let of = |sec: &str| -> Vec<&::csv::StringRecord> {
        records
            .iter()
            .filter(|r| &r[col("section")] == sec)
            .collect()
    };

    let swot = of(section::SWOT);
    assert_eq!(swot.len(), s.swot.total());
    for q in Quadrant::ALL {
        for (i, item) in s.swot.items(q).iter().enumerate() {
            let row = swot
                .iter()
                .find(|r| r[col("id")] == item.id)
                .unwrap_or_else(|| panic!("{} missing", item.id));
            assert_eq!(&row[col("text")], item.text);
            assert_eq!(row[col("votes")].parse::<u32>().unwrap(), item.votes);
            assert_eq!(row[col("position")].parse::<usize>().unwrap(), i + 1);
            assert_eq!(&row[col("quadrant")], csv::quadrant_key(q));
            assert_eq!(&row[col("session_id")], s.id);
            assert_eq!(&row[col("date")], "2021-01-13");
        }
    }

    let actions = of(section::ACTION);
    assert_eq!(actions.len(), s.actions.len());
    for (row, a) in actions.iter().zip(&s.actions) {
        assert_eq!(&row[col("text")], a.text);
        assert_eq!(&row[col("owner")], a.owner);
        assert_eq!(
            row[col("due")].to_owned(),
            a.due.map(|d| d.to_string()).unwrap_or_default()
        );
        assert_eq!(&row[col("done")], a.done.to_string());
    }

    let stage_notes: Vec<&str> = of(section::STAGE_NOTE)
        .iter()
        .map(|r| r.get(col("text")).unwrap())
        .collect();
    let want: Vec<&str> = s
        .stages
        .iter()
        .flat_map(|st| st.notes.iter().map(|n| n.text.as_str()))
        .collect();
    assert_eq!(stage_notes, want);
}

#[test]
fn every_note_and_strategy_reads_back_through_the_library() {
    let s = example();
    let rows = rows_of(&s, Lang::Th);
    let texts = |name: &str| -> Vec<String> {
        section_rows(&rows, name)
            .iter()
            .map(|r| r.text.clone())
            .collect()
    };
    let notes = |list: &[wethi::session::Note]| -> Vec<String> {
        list.iter().map(|n| n.text.clone()).collect()
    };
    let guidance: Vec<String> = s.guidance.iter().flat_map(|p| notes(&p.notes)).collect();
    assert_eq!(texts(section::GUIDANCE_NOTE), guidance);
    assert_eq!(texts(section::RECOMMENDATION), notes(&s.recommendations));
    assert_eq!(texts(section::ROLE_REVIEW), notes(&s.notes.role_review));
    assert_eq!(
        texts(section::EXPERIENCE_EXCHANGE),
        notes(&s.notes.experience_exchange)
    );
    let items: usize = s.guidance.iter().map(|p| p.items.len()).sum();
    assert_eq!(section_rows(&rows, section::GUIDANCE_ITEM).len(), items);

    // Strategies name their SWOT items by board number.
    let strategies = section_rows(&rows, section::STRATEGY);
    assert_eq!(strategies.len(), s.strategies.total());
    for (row, st) in strategies.iter().zip(
        wethi::session::TowsPair::ALL
            .iter()
            .flat_map(|p| s.strategies.items(*p)),
    ) {
        assert_eq!(row.text, st.text);
        let want: Vec<String> = st
            .links
            .iter()
            .filter_map(|id| s.board_number(id))
            .collect();
        assert_eq!(row.links, want.join(";"));
        assert!(!row.links.is_empty(), "the example's strategies link items");
    }
}

#[test]
fn guidance_sub_items_follow_the_language() {
    let s = example();
    let th = rows_of(&s, Lang::Th);
    let en = rows_of(&s, Lang::En);
    let label = |rows: &[Row]| section_rows(rows, section::GUIDANCE_ITEM)[0].text.clone();
    let item = &s.guidance[0].items[0].label;
    assert_eq!(label(&th), item.th);
    assert_eq!(label(&en), item.en);
    assert_ne!(item.th, item.en);
}

#[test]
fn follow_ups_carry_their_status() {
    let mut s = example();
    s.followups = vec![FollowUp {
        id: "a-9".into(),
        text: "ติดตามงบ".into(),
        owner: "อบต.".into(),
        due: None,
        status: FollowUpStatus::Carried,
        from_session: "session-past".into(),
        from_title: "เวทีครั้งก่อน".into(),
        extra: Default::default(),
    }];
    let rows = rows_of(&s, Lang::Th);
    let f = section_rows(&rows, section::FOLLOWUP);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].status, "carried");
    assert_eq!(f[0].done, Some(false));
    assert_eq!(f[0].quadrant, "session-past");
    assert_eq!(f[0].text, "ติดตามงบ");
}

const HOSTILE: &[&str] = &[
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2",
    "@SUM(A1:A9)",
    "'already quoted",
    "say \"hello\", then leave",
    "line one\nline two\r\nline three",
    "\ttabbed",
    "ที่ประชุม, \"ศอช.จ.\"\nบรรทัดสอง",
];

/// A session whose every text cell is `text`.
fn hostile(text: &str) -> Session {
    let mut s = example();
    s.swot.strengths[0].text = text.to_owned();
    s.swot.strengths[0].group = Some(text.to_owned());
    s.actions[0].text = text.to_owned();
    s.actions[0].owner = text.to_owned();
    s.recommendations[0].text = text.to_owned();
    s.stages[0].notes[0].text = text.to_owned();
    s.strategies.so[0].text = text.to_owned();
    s
}

fn assert_round_trip(text: &str) {
    let s = hostile(text);
    let rows = rows_of(&s, Lang::Th);
    let swot = &section_rows(&rows, section::SWOT)[0];
    assert_eq!(swot.text, text);
    assert_eq!(swot.group, text);
    let action = &section_rows(&rows, section::ACTION)[0];
    assert_eq!(action.text, text);
    assert_eq!(action.owner, text);
    assert_eq!(section_rows(&rows, section::RECOMMENDATION)[0].text, text);
    assert_eq!(section_rows(&rows, section::STAGE_NOTE)[0].text, text);
    assert_eq!(section_rows(&rows, section::STRATEGY)[0].text, text);
    // Nothing shifted: every other row is as the example's.
    assert_eq!(rows.len(), rows_of(&example(), Lang::Th).len());
}

#[test]
fn hostile_text_round_trips() {
    for text in HOSTILE {
        assert_round_trip(text);
    }
}

#[test]
fn no_raw_cell_starts_like_a_formula() {
    for text in HOSTILE {
        let csv_text = csv_text(&hostile(text), Lang::En);
        let mut reader = ::csv::Reader::from_reader(&csv_text.as_bytes()[BOM.len()..]);
        for record in reader.records() {
            for cell in record.unwrap().iter() {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{cell:?} would run in a spreadsheet"
                );
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_text_round_trips(text in "\\PC*|[=+@'\"\t\r\n,-]{0,4}\\PC{0,12}") {
        assert_round_trip(&text);
    }
}
