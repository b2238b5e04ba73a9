//! `wethi show` and `wethi export` through the real binary: as a git textconv
//! driver, to stdout and to files, in either language, and with bad input.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command as Process;

use common::{Sandbox, read_json, snapshot, write_json};

/// `git ARGS` in `repo` with no user or system configuration.
fn git(repo: &Path, home: &Path, args: &[&str]) -> std::process::Output {
    Process::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
        .args(args)
        .current_dir(repo)
        .env("HOME", home)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("LANG", "en_US.UTF-8")
        .env("LC_ALL", "en_US.UTF-8")
        .env("NO_COLOR", "1")
        .env_remove("WETHI_DATA_DIR")
        .output()
        .expect("git runs")
}

fn git_ok(repo: &Path, home: &Path, args: &[&str]) -> String {
    let out = git(repo, home, args);
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn git_diff_reads_sessions_as_text_through_show() {
    if Process::new("git").arg("--version").output().is_err() {
        eprintln!("git is not installed: skipping the textconv test");
        return;
    }
    let sb = Sandbox::new();
    let repo = sb.data_dir();
    let home = sb.home.path();
    git_ok(repo, home, &["init", "-q"]);
    let wethi = env!("CARGO_BIN_EXE_wethi");
    // The two lines the README gives, with the binary's full path.
    git_ok(
        repo,
        home,
        &["config", "diff.wethi.textconv", &format!("'{wethi}' show")],
    );
    fs::write(repo.join(".gitattributes"), "*.json diff=wethi\n").unwrap();
    let file = repo.join("ubon.json");
    fs::copy(common::example_path(), &file).unwrap();
    git_ok(repo, home, &["add", "-A"]);
    git_ok(repo, home, &["commit", "-q", "-m", "first"]);

    let mut doc = read_json(&file);
    doc["swot"]["strengths"][0]["text"] = serde_json::json!("คณะกรรมการมีประสบการณ์มาก");
    doc["swot"]["strengths"][0]["votes"] = serde_json::json!(12);
    write_json(&file, &doc);

    let diff = git_ok(repo, home, &["diff", "--no-color"]);
    assert!(
        diff.contains("-    S1 คณะกรรมการมีประสบการณ์ทำงานในพื้นที่"),
        "{diff}"
    );
    assert!(diff.contains("+    S1 คณะกรรมการมีประสบการณ์มาก"), "{diff}");
    assert!(diff.contains("12 votes"), "{diff}");
    assert!(
        !diff.contains("\"votes\""),
        "no raw JSON in the diff:\n{diff}"
    );

    git_ok(repo, home, &["commit", "-q", "-am", "second"]);
    let log = git_ok(repo, home, &["log", "-p", "--no-color", "-1"]);
    assert!(log.contains("+    S1 คณะกรรมการมีประสบการณ์มาก"), "{log}");
}

#[test]
fn show_prints_the_whole_session_plain_when_piped() {
    let sb = Sandbox::new();
    let out = sb
        .wethi()
        .args(["--lang", "en", "show"])
        .arg(common::example_path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\u{1b}'), "no escape codes in a pipe");
    for part in [
        "Method and stages",
        "62 of 60 min",
        "[x] Village (development) plan",
        "ศอช.ต. ทุกแห่งทบทวนแผนชุมชน",
        "9 votes",
        "(draws on: S1, O1)",
        "Owner: เลขานุการ ศอช.จ. · Due: 13 January 2021 · done",
        "ผู้แทนอำเภอเล่าประสบการณ์",
    ] {
        assert!(text.contains(part), "{part:?} in:\n{text}");
    }
}

#[test]
fn show_never_touches_the_file() {
    let sb = Sandbox::new();
    let file = sb.data_dir().join("s.json");
    fs::copy(common::example_path(), &file).unwrap();
    let before = snapshot(&file);
    sb.wethi().arg("show").arg(&file).output().unwrap();
    assert_eq!(snapshot(&file), before);
}
