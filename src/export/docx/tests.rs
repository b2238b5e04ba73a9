use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::Event;

use super::{tree, write_docx};
use crate::export::report;
use crate::session::template;
use crate::session::{Quadrant, Session, TowsPair};
use crate::text::Lang;

fn example() -> Session {
    template::example().expect("the example session")
}

fn parts(bytes: Vec<u8>) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).expect("a part");
            let mut data = Vec::new();
            f.read_to_end(&mut data).expect("readable");
            (f.name().to_owned(), data)
        })
        .collect()
}

fn streamed(s: &Session, lang: Lang) -> Vec<u8> {
    let mut out = Vec::new();
    write_docx(&mut out, &report::build(s, lang)).expect("written");
    out
}

fn docx_rs(s: &Session, lang: Lang) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    tree::build(&report::build(s, lang))
        .pack(&mut out)
        .expect("packed");
    out.into_inner()
}

/// docx-rs numbers paragraphs from a counter shared by every document made
/// on the thread, so ids are compared by order, not by value.
fn without_para_ids(xml: &[u8]) -> String {
    let xml = std::str::from_utf8(xml).expect("UTF-8");
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(at) = rest.find("w14:paraId=\"") {
        let value = at + "w14:paraId=\"".len();
        out.push_str(&rest[..value]);
        out.push('#');
        rest = &rest[value + 8..];
    }
    out.push_str(rest);
    out
}

/// Text, breaks, quotes and markup in every kind of entry; an empty
/// quadrant, an empty strategy list, a stage without notes.
fn hostile() -> Session {
    let mut s = example();
    let nasty = "a & b <c> \"q\" 'x'\r\nline two\u{7}\n\nafter a blank line";
    s.title = format!("{} & <co>", s.title);
    s.swot.strengths[0].text = nasty.into();
    s.swot.strengths[1].group = Some("กลุ่ม <3>".into());
    s.swot.weaknesses.clear();
    s.strategies.wt.clear();
    s.stages[0].notes.clear();
    s.stages[1].notes[0].text = nasty.into();
    s.actions[0].text = nasty.into();
    s.recommendations[0].text = nasty.into();
    s
}

#[test]
fn the_streamed_document_is_what_docx_rs_builds_and_the_other_parts_the_same() {
    for s in [example(), hostile()] {
        for lang in [Lang::Th, Lang::En] {
            let ours = parts(streamed(&s, lang));
            let theirs = parts(docx_rs(&s, lang));
            let names =
                |p: &[(String, Vec<u8>)]| p.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
            assert_eq!(names(&ours), names(&theirs));
            for ((name, a), (_, b)) in ours.iter().zip(&theirs) {
                assert_eq!(without_para_ids(a), without_para_ids(b), "{lang:?}: {name}");
            }
        }
    }
}

/// The text of every `w:t`, breaks as newlines, each paragraph on a line;
/// panics unless the XML is well formed.
fn document_text(xml: &[u8]) -> String {
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().check_end_names = true;
    let mut open: Vec<Vec<u8>> = Vec::new();
    let mut text = String::new();
    let mut buf = Vec::new();
    loop {
        let event = reader.read_event_into(&mut buf).expect("well-formed XML");
        let in_t = open.last().is_some_and(|n| n == b"w:t");
        match event {
            Event::Start(e) => open.push(e.name().as_ref().to_vec()),
            Event::End(_) => {
                let closed = open.pop();
                if closed.is_some_and(|n| n == b"w:p") {
                    text.push('\n');
                }
            }
            Event::Empty(e) if e.name().as_ref() == b"w:br" => text.push('\n'),
            Event::Text(t) if in_t => text.push_str(&t.decode().expect("UTF-8")),
            Event::GeneralRef(r) if in_t => {
                let name = r.decode().expect("UTF-8");
                let ch = match name.as_ref() {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" => '\'',
                    other => panic!("unknown entity &{other};"),
                };
                text.push(ch);
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    assert!(open.is_empty(), "unclosed: {open:?}");
    text
}

fn items(s: &Session) -> Vec<String> {
    let mut out: Vec<String> = Quadrant::ALL
        .into_iter()
        .flat_map(|q| s.swot.items(q).iter().map(|i| i.text.clone()))
        .collect();
    for p in TowsPair::ALL {
        out.extend(s.strategies.items(p).iter().map(|st| st.text.clone()));
    }
    out.extend(s.recommendations.iter().map(|n| n.text.clone()));
    out.extend(s.actions.iter().map(|a| a.text.clone()));
    for st in &s.stages {
        out.extend(st.notes.iter().map(|n| n.text.clone()));
    }
    out.extend(s.notes.role_review.iter().map(|n| n.text.clone()));
    out.extend(s.notes.experience_exchange.iter().map(|n| n.text.clone()));
    out
}

#[test]
fn the_document_is_well_formed_and_carries_every_item() {
    for s in [example(), hostile()] {
        let docx = parts(streamed(&s, Lang::Th));
        let (_, xml) = docx
            .iter()
            .find(|(n, _)| n == "word/document.xml")
            .expect("word/document.xml");
        // The invisible break marks aside, every item reads as it was.
        let text = document_text(xml).replace(['\u{200B}', '\u{2060}'], "");
        let all = items(&s);
        assert!(all.len() >= 12, "the example has items: {}", all.len());
        for item in all {
            for line in item.lines() {
                // The bell is dropped as unsafe to show; the rest stays.
                let line = line.replace('\u{7}', "");
                assert!(text.contains(&line), "{line:?} missing");
            }
        }
    }
}

/// Word's and LibreOffice's breakers are told where a Thai line may end
/// (U+200B) and where it must not (U+2060), and nothing else changes.
#[test]
fn thai_is_marked_for_the_word_processor_s_line_breaker() {
    let mut s = example();
    s.swot.strengths[0].text = "ร่วมขับเคลื่อนงาน รวบรวมช่องทางติดต่อ Plan B".into();
    let docx = parts(streamed(&s, Lang::Th));
    let (_, xml) = docx
        .iter()
        .find(|(n, _)| n == "word/document.xml")
        .expect("word/document.xml");
    let text = document_text(xml);
    assert!(text.contains("ร่วม\u{200B}ขับ\u{2060}เคลื่อน"), "{text}");
    assert!(text.contains("ช่อง\u{2060}ทาง"), "{text}");
    assert!(text.contains(" Plan B"), "{text}");
}
