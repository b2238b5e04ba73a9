use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::Event;

use super::{tree, write_docx};
use crate::export::report;
use crate::session::template;
use crate::session::{Quadrant, Session, TowsPair};
use crate::text::Lang;
use crate::text::date::Digits;

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
    streamed_with(s, lang, Digits::Arabic)
}

fn streamed_with(s: &Session, lang: Lang, digits: Digits) -> Vec<u8> {
    let mut out = Vec::new();
    write_docx(
        &mut out,
        &report::build_with(s, lang, digits),
        &mut crate::export::Photos::none(),
    )
    .expect("written");
    out
}

/// The parts docx-rs packs, the page numbers' format added as the stream
/// adds it (docx-rs cannot write it).
fn docx_rs(s: &Session, lang: Lang, digits: Digits) -> Vec<(String, Vec<u8>)> {
    let mut out = Cursor::new(Vec::new());
    tree::build(&report::build_with(s, lang, digits))
        .pack(&mut out)
        .expect("packed");
    parts(out.into_inner())
        .into_iter()
        .map(|(name, data)| {
            if name != super::DOCUMENT {
                return (name, data);
            }
            let xml = String::from_utf8(data).expect("UTF-8");
            (
                name,
                super::page_format(&xml, digits).into_owned().into_bytes(),
            )
        })
        .collect()
}

/// One part of the package, as text.
fn part(docx: &[(String, Vec<u8>)], name: &str) -> String {
    let (_, data) = docx
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no {name}"));
    String::from_utf8(data.clone()).expect("UTF-8")
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
        for (lang, digits) in [
            (Lang::Th, Digits::Arabic),
            (Lang::En, Digits::Arabic),
            (Lang::Th, Digits::Thai),
        ] {
            let ours = parts(streamed_with(&s, lang, digits));
            let theirs = docx_rs(&s, lang, digits);
            let names =
                |p: &[(String, Vec<u8>)]| p.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
            assert_eq!(names(&ours), names(&theirs));
            for ((name, a), (_, b)) in ours.iter().zip(&theirs) {
                // docx-rs cannot set the document's title and author.
                if name == super::CORE {
                    continue;
                }
                // Nor mark a table's header row to repeat on every page.
                let a = without_para_ids(a).replace("<w:tblHeader />", "");
                assert_eq!(a, without_para_ids(b), "{lang:?}: {name}");
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

/// [`document_text`] without the invisible marks for line breakers
/// (U+200B, U+2060): the text as a reader reads it.
fn read_text(xml: &[u8]) -> String {
    document_text(xml).replace(['\u{200B}', '\u{2060}'], "")
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
        let text = read_text(xml);
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

#[test]
fn the_document_says_what_it_is_who_wrote_it_and_when() {
    let docx = parts(streamed(&example(), Lang::Th));
    let core = part(&docx, super::CORE);
    // Well-formed, whatever the title holds.
    document_text(core.as_bytes());
    for want in [
        "<dc:title>ประชุมเชิงปฏิบัติการ ศอช.จ. อุบลราชธานี (ตัวอย่าง: รายการ SWOT สมมุติเพื่อสาธิต)</dc:title>",
        "<dc:creator>สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี</dc:creator>",
        "<dc:language>th-TH</dc:language>",
        // 08:30 in Bangkok, as the session was made.
        r#"<dcterms:created xsi:type="dcterms:W3CDTF">2021-01-13T01:30:00Z</dcterms:created>"#,
        r#"<dcterms:modified xsi:type="dcterms:W3CDTF">2021-01-13T09:05:00Z</dcterms:modified>"#,
    ] {
        assert!(core.contains(want), "{want} in {core}");
    }
    assert!(
        !core.contains("unknown") && !core.contains("1970"),
        "{core}"
    );
    // Without an organiser the facilitator wrote it; markup stays text.
    let mut s = example();
    s.meta.organiser.clear();
    s.meta.facilitator = "นาง <ก> & ข".into();
    let core = part(&parts(streamed(&s, Lang::En)), super::CORE);
    assert!(
        core.contains("<dc:creator>นาง &lt;ก&gt; &amp; ข</dc:creator>"),
        "{core}"
    );
}

#[test]
fn page_numbers_are_a_field_from_page_two_in_thai_digits_when_asked() {
    for (digits, shown) in [(Digits::Arabic, ">2<"), (Digits::Thai, ">๒<")] {
        let docx = parts(streamed_with(&example(), Lang::Th, digits));
        let document = part(&docx, "word/document.xml");
        assert!(
            document.contains("<w:titlePg />"),
            "a first page of its own"
        );
        // Word's own Thai page numbers: the section's format, which its
        // PAGE fields follow (a `\* ThaiArabic` switch would print Thai
        // letters in LibreOffice).
        let thai = r#"<w:pgNumType w:fmt="thaiNumbers" /><w:cols "#;
        assert_eq!(
            document.contains(thai),
            digits == Digits::Thai,
            "{digits:?}"
        );
        let first = document
            .split("<w:headerReference w:type=\"first\" r:id=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("a first-page header");
        let default = document
            .split("<w:headerReference w:type=\"default\" r:id=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("a default header");
        let rels = part(&docx, "word/_rels/document.xml.rels");
        let target = |id: &str| {
            rels.split(&format!("Id=\"{id}\""))
                .nth(1)
                .and_then(|rest| rest.split("Target=\"").nth(1))
                .and_then(|rest| rest.split('"').next())
                .map(|t| format!("word/{t}"))
                .expect("a header part")
        };
        let numbered = part(&docx, &target(default));
        let first_page = part(&docx, &target(first));
        assert!(!first_page.contains("PAGE"), "page 1 has no number");
        assert!(numbered.contains(r#"<w:jc w:val="center" />"#), "centred");
        assert!(
            numbered.contains("<w:instrText>PAGE</w:instrText>"),
            "{numbered}"
        );
        let text = document_text(numbered.as_bytes());
        assert_eq!(
            text.replace('\n', ""),
            format!("- {} -", &shown[1..shown.len() - 1])
        );
    }
}

#[test]
fn the_signature_block_names_the_reporter_in_parentheses() {
    let docx = parts(streamed(&example(), Lang::Th));
    let text = read_text(part(&docx, "word/document.xml").as_bytes());
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .rposition(|l| l.starts_with("ลงชื่อ "))
        .expect("a line to sign on");
    assert_eq!(
        &lines[at..at + 4],
        [
            "ลงชื่อ ................................ ผู้รายงาน",
            "(นางกนกอร โพธิ์สิงห์)",
            "ตำแหน่ง ผู้อำนวยการกลุ่มงานส่งเสริมการพัฒนาชุมชน",
            "วันที่ 13 มกราคม 2564",
        ]
    );
    // Thai digits everywhere in the text, a blank line to fill where the
    // session does not know.
    let mut s = example();
    s.meta.facilitator_position.clear();
    let text = read_text(
        part(
            &parts(streamed_with(&s, Lang::Th, Digits::Thai)),
            "word/document.xml",
        )
        .as_bytes(),
    );
    assert!(
        text.contains("ตำแหน่ง ................................"),
        "{text}"
    );
    assert!(text.contains("วันที่ ๑๓ มกราคม ๒๕๖๔"), "{text}");
    assert!(
        text.contains("๒๙ ม.ค. ๖๔"),
        "short dates in the table: {text}"
    );
    assert!(!text.contains(|c: char| c.is_ascii_digit()), "{text}");
}

#[test]
fn the_signature_block_is_never_on_a_page_of_its_own() {
    let document = part(&parts(streamed(&example(), Lang::Th)), "word/document.xml");
    let signature = document.find("ลงชื่อ").expect("the signature block");
    let table_end = document[..signature]
        .rfind("</w:tbl>")
        .expect("the actions");
    let last_row = document[..table_end].rfind("<w:tr>").expect("a row");
    // Every paragraph of the actions' last row keeps with the next, and
    // no row before it (a long table still breaks across pages).
    let row = &document[last_row..table_end];
    assert_eq!(row.matches("<w:p ").count(), 4, "{row}");
    assert_eq!(row.matches("<w:keepNext />").count(), 4, "{row}");
    let table_start = document[..table_end].rfind("<w:tbl>").expect("a table");
    assert!(!document[table_start..last_row].contains("<w:keepNext />"));
}

#[test]
fn a_table_s_header_row_repeats_on_every_page_it_runs_on_to() {
    let mut s = example();
    s.followups.push(crate::session::FollowUp {
        id: "f1".into(),
        text: "ติดตามแผนพัฒนาตำบล".into(),
        owner: String::new(),
        due: None,
        status: crate::session::FollowUpStatus::Carried,
        from_session: "past".into(),
        from_title: "เวทีครั้งก่อน".into(),
        extra: Default::default(),
    });
    let document = part(&parts(streamed(&s, Lang::Th)), "word/document.xml");
    // The actions and the follow-ups: a header row each, and only those.
    assert_eq!(document.matches("<w:tblHeader />").count(), 2);
    for table in document.split("<w:tbl>").skip(1) {
        let rows: Vec<&str> = table.split("<w:tr>").skip(1).collect();
        let headed = rows
            .iter()
            .filter(|r| r.contains("<w:tblHeader />"))
            .count();
        if headed > 0 {
            assert!(
                rows[0].contains("<w:tblHeader />"),
                "the first row: {table}"
            );
            assert_eq!(headed, 1, "{table}");
        }
    }
}

#[test]
fn no_tick_boxes_and_no_latin_commas_in_thai() {
    let text =
        read_text(part(&parts(streamed(&example(), Lang::Th)), "word/document.xml").as_bytes());
    assert!(!text.contains(['☑', '☐']), "{text}");
    assert!(text.contains("ได้มอบแนวทางการขับเคลื่อนงาน ดังนี้"), "{text}");
    assert!(text.contains("(เชื่อมโยง: S1 และ O1)"), "{text}");
    for line in text.lines() {
        // A comma only inside what was typed (none in the example's text).
        assert!(!line.contains(", "), "{line}");
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

/// The example with `n` photos (every third without a caption, every other
/// from a group, the first with markup in its caption); `ph-N.jpg`, 1600 ×
/// 1200 but for the second, upright (1200 × 1600).
fn with_photos(n: usize) -> Session {
    let mut s = example();
    for i in 1..=n {
        s.photos.push(crate::session::Photo {
            id: format!("ph-{i}"),
            file: format!("ph-{i}.jpg"),
            caption: match i {
                1 => "กลุ่ม <1> & \"ฟลิปชาร์ต\"".to_owned(),
                i if i % 3 == 0 => String::new(),
                i => format!("ภาพที่ {i}"),
            },
            group: (i % 2 == 0).then(|| format!("กลุ่ม {i}")),
            added_at: s.created_at,
            bytes: 10,
            width: if i == 2 { 1200 } else { 1600 },
            height: if i == 2 { 1600 } else { 1200 },
            extra: Default::default(),
        });
    }
    s
}

/// A stand-in for an image: a JPEG's first bytes and its file name.
fn fake_jpeg(file: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xD8, 0xFF, 0xE0];
    bytes.extend_from_slice(file.as_bytes());
    bytes
}

/// The Word report of `s`, its images read from [`fake_jpeg`]; the names
/// read, in order.
fn with_images(s: &Session) -> (Vec<(String, Vec<u8>)>, Vec<String>) {
    let mut read = Vec::new();
    let mut out = Vec::new();
    let mut photos = crate::export::Photos::new("", |file: &str| {
        read.push(file.to_owned());
        Ok(fake_jpeg(file))
    });
    write_docx(
        &mut out,
        &report::build_with(s, Lang::Th, Digits::Arabic),
        &mut photos,
    )
    .expect("written");
    drop(photos);
    (parts(out), read)
}

#[test]
fn photos_end_the_document_two_a_row_embedded_with_their_captions() {
    let s = with_photos(3);
    let (docx, read) = with_images(&s);
    assert_eq!(
        read,
        ["ph-1.jpg", "ph-2.jpg", "ph-3.jpg"],
        "each once, in order"
    );
    // Each image is a part of its own, as it was handed over, named by a
    // relationship of the document.
    let rels = part(&docx, "word/_rels/document.xml.rels");
    document_text(rels.as_bytes());
    for n in 1..=3 {
        let (_, media) = docx
            .iter()
            .find(|(name, _)| *name == format!("word/media/photo{n}.jpeg"))
            .expect("the image's part");
        assert_eq!(*media, fake_jpeg(&format!("ph-{n}.jpg")));
        assert!(
            rels.contains(&format!(
                r#"<Relationship Id="rIdPhoto{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/photo{n}.jpeg" />"#
            )),
            "{rels}"
        );
    }
    let types = part(&docx, "[Content_Types].xml");
    assert!(
        types.contains(r#"<Default ContentType="image/jpeg" Extension="jpeg" />"#),
        "{types}"
    );
    let document = part(&docx, "word/document.xml");
    let text = read_text(document.as_bytes());
    // After the signature, on a page of its own.
    let signed = text.rfind("วันที่ 13 มกราคม 2564").expect("the signature");
    let heading = text.find("ภาพกิจกรรม\n").expect("the heading");
    assert!(heading > signed, "{text}");
    assert!(
        document.contains(r#"<w:r><w:br w:type="page" /></w:r><w:r>"#),
        "a new page"
    );
    // Each photo's paragraph (a picture, no text), its caption under it
    // with the group (none for the third), the empty cell beside the
    // third, the body's last paragraph.
    let paragraphs: Vec<&str> = text[heading..].lines().skip(1).collect();
    assert_eq!(
        paragraphs,
        [
            "",
            "กลุ่ม <1> & \"ฟลิปชาร์ต\"",
            "",
            "ภาพที่ 2 (กลุ่ม: กลุ่ม 2)",
            "",
            "",
            "",
            ""
        ]
    );
    // Drawings in line, one per photo, sized on the page with their aspect.
    let grid = &document[document.rfind("<w:tbl>").expect("the photos' table")..];
    let rows: Vec<&str> = grid.split("<w:tr>").skip(1).collect();
    assert_eq!(rows.len(), 2, "two a row");
    assert_eq!(rows[0].matches("<w:drawing>").count(), 2);
    assert_eq!(rows[1].matches("<w:drawing>").count(), 1);
    assert!(
        rows.iter().all(|r| r.contains("<w:cantSplit />")),
        "never split"
    );
    assert!(!grid.contains("<w:tblBorders>"), "no borders");
    for (n, extent) in [
        (1, r#"<wp:extent cx="2664000" cy="1998000" />"#),
        (2, r#"<wp:extent cx="2664000" cy="3552000" />"#),
        (3, r#"<wp:extent cx="2664000" cy="1998000" />"#),
    ] {
        let drawing = grid
            .split(&format!(r#"<a:blip r:embed="rIdPhoto{n}" />"#))
            .next()
            .and_then(|before| before.rsplit("<w:drawing>").next())
            .expect("a drawing");
        assert!(drawing.contains(extent), "{n}: {drawing}");
        assert!(
            drawing.contains(&format!(r#"<wp:docPr id="{n}" "#)),
            "{drawing}"
        );
    }
    assert!(
        grid.contains(r#"descr="กลุ่ม &lt;1&gt; &amp; &quot;ฟลิปชาร์ต&quot;""#),
        "the caption describes the picture"
    );
    // The body ends with a paragraph too small to take a page of its own.
    let tail = document.rsplit("</w:tbl>").next().expect("after the table");
    assert!(
        tail.starts_with("<w:p ") && tail.contains(r#"w:line="20" w:lineRule="exact""#),
        "{tail}"
    );
}

#[test]
fn without_photos_nothing_is_read_or_added_and_an_image_that_fails_stops_it() {
    let (docx, read) = with_images(&example());
    assert!(read.is_empty());
    assert!(!docx.iter().any(|(n, _)| n.starts_with("word/media/")));
    let text = read_text(part(&docx, "word/document.xml").as_bytes());
    assert!(!text.contains("ภาพกิจกรรม"), "{text}");
    let mut photos = crate::export::Photos::new("", |file: &str| {
        Err(std::io::Error::other(format!("{file}: gone")))
    });
    let err = write_docx(
        &mut Vec::new(),
        &report::build(&with_photos(2), Lang::Th),
        &mut photos,
    )
    .expect_err("an image is missing");
    assert_eq!(err.to_string(), "ph-1.jpg: gone");
}
