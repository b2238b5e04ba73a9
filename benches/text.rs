//! How long wrapping a large session's worth of Thai text takes, with and
//! without a warm `WrapCache`: a redraw wraps every visible entry. And how
//! long finding the printed marks of the same texts takes (where the HTML
//! and Word reports let a Thai line end and where not): a report marks
//! every text it prints, each once.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use wethi::text::printed::marks;
use wethi::text::wrap::{WrapCache, wrap};

const ITEMS: usize = 10_000;
const WIDTH: usize = 40;

/// Clauses of a Thai community-development workshop, recombined into items.
const PHRASES: &[&str] = &[
    "สร้างความรู้ความเข้าใจวัตถุประสงค์ภารกิจหน้าที่",
    "และโครงสร้างของคณะกรรมการศูนย์ประสานงานองค์การชุมชน",
    "ทบทวนบทบาทภารกิจหน้าที่และระเบียบกฎหมายที่เกี่ยวข้อง",
    "ระเบียบกระทรวงมหาดไทยว่าด้วยการดำเนินงานศูนย์ประสานงานองค์การชุมชน พ.ศ. 2551",
    "การจัดทำแผนและประสานแผนพัฒนาพื้นที่ในระดับอำเภอและตำบล",
    "แนวทางการสนับสนุนแผนพัฒนาชุมชนและแผนพัฒนาตำบล",
    "ที่สามารถแก้ไขปัญหาความต้องการของประชาชนได้",
    "เชื่อมโยงกับแผนพัฒนาท้องถิ่น แผนพัฒนาอำเภอ และแผนพัฒนาจังหวัด",
    "จัดกิจกรรมแลกเปลี่ยนองค์ความรู้",
    "ฝึกปฏิบัติการวิเคราะห์โครงการหรือกิจกรรมที่เชื่อมโยงสู่แผนในระดับต่าง ๆ",
    "การจัดทำแผนหมู่บ้าน แผนชุมชน แผนตำบล แผนอำเภอ ตามห้วงเวลา",
    "สนับสนุนการจัดทำระบบฐานข้อมูลต่าง ๆ เช่น จปฐ. กชช.2ค",
    "ข้อมูลหมู่บ้านชุมชน ครัวเรือนยากจน TPMAP",
    "ร่วมเวทีประชาคม",
    "สนับสนุนกิจกรรมการมีส่วนร่วมของประชาชน",
    "การป้องกันแก้ไขปัญหายาเสพติด",
    "แก้ไขความขัดแย้งในชุมชน",
    "การป้องกันปราบปรามการทุจริตมิชอบ",
    "กิจกรรมสาธารณประโยชน์ เป็นต้น",
    "สนับสนุนกิจกรรมส่งเสริมการดำเนินงานตามปรัชญาของเศรษฐกิจพอเพียง",
    "สัมมาชีพชุมชน โคกหนองนาโมเดล หมู่บ้านเศรษฐกิจพอเพียง",
    "จุดแข็ง จุดอ่อน โอกาส และอุปสรรค",
    "ข้อเสนอแนะการดำเนินงานของ ศอช. ในปัจจุบัน",
    "แลกเปลี่ยนประสบการณ์ในการขับเคลื่อนงานหรือภารกิจที่สำคัญของคณะทำงานฯ",
    "ภาคีเครือข่ายสำคัญที่จะร่วมขับเคลื่อนงานพัฒนาชุมชนในพื้นที่",
    "ได้อย่างมีประสิทธิภาพและประสิทธิผลต่อไป",
];

/// A fixed pseudo-random sequence, so every run wraps the same items.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % below as u64) as usize
    }
}

/// One item of 40–200 characters made of `PHRASES`, sometimes
/// separated by a space and sometimes run together as Thai writers do.
fn item(rng: &mut Lcg) -> String {
    let target = 40 + rng.next(161);
    let mut text = String::new();
    while text.chars().count() < target {
        if !text.is_empty() && rng.next(3) == 0 {
            text.push(' ');
        }
        text.push_str(PHRASES[rng.next(PHRASES.len())]);
    }
    text.chars().take(target).collect()
}

fn thai_items() -> Vec<String> {
    let mut rng = Lcg(0x5EED);
    (0..ITEMS).map(|_| item(&mut rng)).collect()
}

fn wrap_10000_thai_items(c: &mut Criterion) {
    let items = thai_items();
    let mut group = c.benchmark_group("wrap_10000_thai_items");
    group.sample_size(10);
    group.bench_function("no_cache", |b| {
        b.iter(|| {
            for text in &items {
                black_box(wrap(black_box(text), WIDTH));
            }
        })
    });
    // The default bound (4096) is sized for one session, not 10,000 items.
    let cache = WrapCache::with_bound(2 * ITEMS);
    for text in &items {
        cache.lines(text, WIDTH);
    }
    group.bench_function("warm_cache", |b| {
        b.iter(|| {
            for text in &items {
                black_box(cache.lines(black_box(text), WIDTH));
            }
        })
    });
    group.finish();
}

fn marks_10000_thai_items(c: &mut Criterion) {
    let items = thai_items();
    let mut group = c.benchmark_group("printed_marks_10000_thai_items");
    group.sample_size(10);
    group.bench_function("marks", |b| {
        b.iter(|| {
            for text in &items {
                black_box(marks(black_box(text)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, wrap_10000_thai_items, marks_10000_thai_items);
criterion_main!(benches);
