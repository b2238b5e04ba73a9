//! Across sessions over a thousand session files (README: Performance):
//! what `wethi search`, `wethi actions` and `wethi insights` do, reading
//! included, against `list` reading the same files. The files are the
//! generated province of the tests (`tests/common/workshops.rs`), a year
//! of forty workshops repeated with new ids.
//!
//! `WETHI_BENCH_FOLDER=DIR cargo bench --bench across` writes the thousand
//! files into DIR and stops, for timing the binary against `jq .` with
//! `perf stat` or `hyperfine`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group};

use wethi::across::Folder;
use wethi::across::actions::tracked;
use wethi::across::insights::Insights;
use wethi::across::search::{Query, search};
use wethi::export::insights::{InsightsFormat, write};
use wethi::store;
use wethi::text::Lang;

#[path = "../tests/common/workshops.rs"]
mod workshops;

const FILES: usize = 1_000;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2025, 1, 15).expect("a day")
}

fn across(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    workshops::write_workshops(dir.path(), FILES);
    let path = dir.path();
    let mut group = c.benchmark_group("across_1000_files");
    group.sample_size(10);
    group.bench_function("list (reading alone)", |b| {
        b.iter(|| store::list_sessions(black_box(path)).expect("list"))
    });
    group.bench_function("read into digests", |b| b.iter(|| load(path)));
    group.bench_function("search", |b| {
        let query = Query::new("ขาด งบประมาณ").expect("a query");
        b.iter(|| {
            let folder = load(path);
            black_box(search(&folder.sessions, &query).len())
        })
    });
    group.bench_function("actions", |b| {
        b.iter(|| {
            let folder = load(path);
            let all: Vec<_> = folder.sessions.iter().collect();
            black_box(tracked(&all, today()).len())
        })
    });
    group.bench_function("insights md", |b| {
        b.iter(|| {
            let folder = load(path);
            let all = folder.between(None, None);
            let insights = Insights::new(&all, today());
            let mut out = Vec::new();
            write(InsightsFormat::Md, &mut out, &insights, Lang::Th).expect("written");
            black_box(out.len())
        })
    });
    group.finish();
}

fn load(path: &Path) -> Folder {
    Folder::load(path).expect("read")
}

criterion_group!(benches, across);

fn main() {
    if let Some(dir) = std::env::var_os("WETHI_BENCH_FOLDER") {
        let dir = Path::new(&dir);
        std::fs::create_dir_all(dir).expect("the folder");
        workshops::write_workshops(dir, FILES);
        println!("{FILES} session files in {}", dir.display());
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
