//! The command line as a contract (README: Commands): what a user types and what
//! they see. Every run gets its own data folder and a fake home folder.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use chrono::Local;
use serde_json::{Value, json};

use common::{Run, Sandbox, printed_path, read_json, run, snapshot, swot_item, tree, write_json};

const SUBCOMMANDS: &[&str] = &["new", "template", "validate", "list", "show", "photos"];

fn ok(cmd: &mut assert_cmd::Command) -> String {
    let r = run(cmd);
    assert_eq!(r.code, Some(0), "expected success; stderr: {}", r.stderr);
    r.stdout
}

/// Non-empty lines of stderr.
fn stderr_lines(r: &Run) -> Vec<&str> {
    r.stderr.lines().filter(|l| !l.trim().is_empty()).collect()
}

/// Checks that `r` failed with exit code 1 and one line on stderr that
/// names `path`; returns that line.
fn the_error_line<'a>(r: &'a Run, path: &Path) -> &'a str {
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    let lines = stderr_lines(r);
    assert_eq!(lines.len(), 1, "{:?}", r.stderr);
    assert!(
        lines[0].contains(&path.display().to_string()),
        "{:?}",
        r.stderr
    );
    lines[0]
}

fn today_range() -> [String; 2] {
    let a = Local::now().date_naive().format("%Y-%m-%d").to_string();
    // A test running over midnight may see either day.
    let b = (Local::now().date_naive() + chrono::Days::new(1))
        .format("%Y-%m-%d")
        .to_string();
    [a, b]
}

// ---------------------------------------------------------------------------
// Help, version, usage errors
// ---------------------------------------------------------------------------

#[test]
fn help_works_on_the_top_level_and_every_subcommand() {
    let sb = Sandbox::new();
    for flag in ["--help", "-h"] {
        let top = ok(sb.bare().arg(flag));
        assert!(top.contains("Usage"), "{top}");
        for sub in SUBCOMMANDS {
            assert!(top.contains(sub), "top-level help lists {sub}: {top}");
        }
    }
    let via_help = ok(sb.bare().arg("help"));
    assert!(via_help.contains("Usage"), "{via_help}");
    for sub in SUBCOMMANDS {
        let text = ok(sb.bare().args([sub, "--help"]));
        assert!(text.contains("Usage"), "{sub} --help: {text}");
        assert!(
            text.contains(&format!("wethi {sub}")),
            "{sub} --help names the command: {text}"
        );
        let again = ok(sb.bare().args(["help", sub]));
        assert!(
            again.contains(&format!("wethi {sub}")),
            "help {sub}: {again}"
        );
    }
    let new_help = ok(sb.bare().args(["new", "--help"]));
    for flag in ["--title", "--template", "--no-open", "--data-dir", "--lang"] {
        assert!(new_help.contains(flag), "new --help mentions {flag}");
    }
    assert!(ok(sb.bare().args(["list", "--help"])).contains("--json"));
}

#[test]
fn version_prints_the_version() {
    let sb = Sandbox::new();
    let out = ok(sb.bare().arg("--version"));
    assert_eq!(out.trim(), format!("wethi {}", env!("CARGO_PKG_VERSION")));
    assert!(ok(sb.bare().arg("-V")).contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn unknown_commands_and_flags_exit_2() {
    let sb = Sandbox::new();
    let cases: &[&[&str]] = &[
        &["frobnicate"],
        &["--frobnicate"],
        &["list", "--frobnicate"],
        &["new", "--no-open", "--colour", "red"],
        &["validate"],
        &["show"],
        &["--lang", "fr", "list"],
        &["list", "--lang", "de"],
    ];
    for args in cases {
        let r = run(sb.wethi().args(*args));
        assert_eq!(
            r.code,
            Some(2),
            "wethi {args:?} is a usage error; stderr: {}",
            r.stderr
        );
        assert!(
            !r.stderr.trim().is_empty(),
            "wethi {args:?} says what is wrong"
        );
        assert!(
            r.stdout.is_empty(),
            "wethi {args:?} prints nothing on stdout"
        );
    }
    assert!(tree(sb.data_dir()).is_empty(), "usage errors write nothing");
}

// ---------------------------------------------------------------------------
// Language
// ---------------------------------------------------------------------------

/// `show` of the example under `locale`, with `--lang LANG` before and
/// after the subcommand: the output holds `date` and is the same both ways.
fn assert_lang_either_side(sb: &Sandbox, locale: &str, lang: &str, date: &str) {
    let example = common::example_path();
    let before = ok(sb
        .wethi_with_locale(locale)
        .args(["--lang", lang, "show"])
        .arg(&example));
    let after = ok(sb
        .wethi_with_locale(locale)
        .arg("show")
        .arg(&example)
        .args(["--lang", lang]));
    assert!(before.contains(date), "{before}");
    assert_eq!(before, after);
}

#[test]
fn lang_is_accepted_before_and_after_the_subcommand() {
    let sb = Sandbox::new();
    // The locale says the opposite, so only the flag can explain the output.
    assert_lang_either_side(&sb, "th_TH.UTF-8", "en", "13 January 2021");
    assert_lang_either_side(&sb, "en_US.UTF-8", "th", "13 มกราคม 2564");

    // And --data-dir after the subcommand too.
    let r = ok(sb
        .bare()
        .args(["list", "--lang", "en", "--data-dir"])
        .arg(sb.data_dir()));
    assert!(r.contains("No sessions"), "{r}");
}

#[test]
fn locale_picks_the_language_when_no_flag_is_given() {
    let sb = Sandbox::new();
    let example = common::example_path();
    let th = ok(sb
        .wethi_with_locale("th_TH.UTF-8")
        .arg("validate")
        .arg(&example));
    assert!(th.contains("ถูกต้อง"), "{th}");
    let en = ok(sb
        .wethi_with_locale("C.UTF-8")
        .arg("validate")
        .arg(&example));
    assert!(en.contains("valid"), "{en}");
    // `show` speaks the session's language instead, whatever the locale.
    let shown = ok(sb.wethi_with_locale("C.UTF-8").arg("show").arg(&example));
    assert!(shown.contains("13 มกราคม 2564"), "{shown}");
}

// ---------------------------------------------------------------------------
// Help in the UI language, completions, the manual
// ---------------------------------------------------------------------------

#[test]
fn help_speaks_the_ui_language_by_flag_or_locale() {
    let sb = Sandbox::new();
    let thai = ok(sb.bare_with_locale("th_TH.UTF-8").arg("--help"));
    for want in [
        "วิธีใช้: wethi",
        "คำสั่ง:",
        "ตัวเลือก:",
        "เริ่มเวทีใหม่จากแม่แบบ",
        "แสดงวิธีใช้นี้",
        "[ค่าเริ่มต้น: dark]",
        "ถ้าไม่ระบุคำสั่ง wethi จะเปิดหน้าแรก",
    ] {
        assert!(thai.contains(want), "{want:?} in:\n{thai}");
    }
    for english in ["Usage", "Commands:", "Options:", "Print help", "[default"] {
        assert!(!thai.contains(english), "{english:?} in:\n{thai}");
    }
    // Every way of asking for a command's help, with --lang anywhere.
    let asks: &[&[&str]] = &[
        &["--lang", "th", "new", "--help"],
        &["new", "--help", "--lang", "th"],
        &["--lang=th", "new", "-h"],
        &["--lang", "th", "help", "new"],
    ];
    for args in asks {
        let text = ok(sb.bare().args(*args));
        for want in ["วิธีใช้: wethi new", "ชื่อเวที", "ตัวเลือก:"]
        {
            assert!(text.contains(want), "wethi {args:?}: {want:?} in:\n{text}");
        }
    }
    let open = ok(sb.bare_with_locale("th_TH.UTF-8").args(["open", "--help"]));
    assert!(open.contains("ค่าที่ระบุ:\n  <FILE>  ไฟล์เวที"), "{open}");
    // The flag beats the locale, both ways.
    let english = ok(sb
        .bare_with_locale("th_TH.UTF-8")
        .args(["--lang", "en", "--help"]));
    assert!(english.contains("Usage: wethi"), "{english}");
    assert!(english.contains("Start a new session"), "{english}");
}

/// bash itself loads the script, registers the function and completes
/// through it: a command, a session in the data folder (`WETHI_DATA_DIR`,
/// or `--data-dir` typed on the line), a flag's values.
#[cfg(unix)]
#[test]
fn bash_completion_loads_and_completes_commands_and_session_files() {
    let sb = Sandbox::new();
    fs::copy(
        common::example_path(),
        sb.data_dir().join("ubon-2021-01-13.json"),
    )
    .unwrap();
    let other = sb.home.path().join("other");
    fs::create_dir(&other).unwrap();
    fs::copy(common::example_path(), other.join("ubon-b.json")).unwrap();
    let script = r#"
        # macOS's own bash, 3.2, reads nothing from `source <(…)`.
        if (( BASH_VERSINFO[0] >= 4 )); then
            source <("$WETHI" completions bash) || exit 1
        else
            eval "$("$WETHI" completions bash)" || exit 1
        fi
        complete -p wethi
        ask() {
            COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 ))
            COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
            _clap_complete_wethi wethi "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            echo "$*|${COMPREPLY[*]}"
        }
        ask wethi sh
        ask wethi open ub
        ask wethi --data-dir "$OTHER" view ub
        ask wethi export x --format ""
    "#;
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(script)
        .env("WETHI", env!("CARGO_BIN_EXE_wethi"))
        .env("OTHER", &other)
        .env("WETHI_DATA_DIR", sb.data_dir())
        .env("HOME", sb.home.path())
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .current_dir(sb.home.path())
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        lines[0].starts_with("complete ") && lines[0].ends_with("-F _clap_complete_wethi wethi"),
        "{stdout}"
    );
    let other = other.display();
    assert_eq!(
        lines[1..],
        [
            "wethi sh|show".to_owned(),
            "wethi open ub|ubon-2021-01-13.json".to_owned(),
            format!("wethi --data-dir {other} view ub|ubon-b.json"),
            "wethi export x --format |md html docx csv post".to_owned(),
        ],
        "{stdout}"
    );
}

/// What each shell's script asks wethi, answered without the shell: the
/// descriptions zsh, fish and PowerShell show are in the UI language.
#[test]
fn every_shell_gets_a_script_and_wethi_answers_what_it_asks() {
    let sb = Sandbox::new();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = ok(sb.bare().args(["completions", shell]));
        assert!(script.contains("WETHI_COMPLETE"), "{shell}: {script}");
        assert!(script.contains("wethi"), "{shell}: {script}");
    }
    assert_eq!(run(sb.bare().args(["completions", "tcsh"])).code, Some(2));
    let answer = |locale: &str| {
        ok(sb
            .bare_with_locale(locale)
            .env("WETHI_COMPLETE", "fish")
            .args(["--", "wethi", "sh"]))
    };
    assert_eq!(
        answer("C.UTF-8").trim(),
        "show\tThe whole session as text (a git textconv driver too)"
    );
    assert_eq!(
        answer("th_TH.UTF-8").trim(),
        "show\tแสดงเวทีทั้งหมดเป็นข้อความ (ใช้เป็นตัวแปลง textconv ของ git ได้)"
    );
}

/// `wethi man` is a roff page clap_mangen wrote: only its requests start a
/// line, and every command of `wethi --help` has its own part.
#[test]
fn the_manual_is_roff_and_names_every_command() {
    let sb = Sandbox::new();
    let page = ok(sb.bare().arg("man"));
    assert!(
        page.lines().any(|l| l.starts_with(".TH wethi 1 ")),
        "{page}"
    );
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH OPTIONS",
        ".SH COMMANDS",
        ".SH VERSION",
    ] {
        assert!(page.lines().any(|l| l == section), "{section} in:\n{page}");
    }
    let requests = [
        "ie", "el", "TH", "SH", "SS", "TP", "PP", "RS", "RE", "IP", "br",
    ];
    for line in page
        .lines()
        .filter(|l| l.starts_with('.') || l.starts_with('\''))
    {
        let request = line[1..].split_whitespace().next().unwrap_or("");
        assert!(
            requests.contains(&request),
            "not a request of the page: {line:?}"
        );
    }
    let help = ok(sb.bare().arg("--help"));
    let commands: Vec<&str> = help
        .lines()
        .skip_while(|l| *l != "Commands:")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    assert!(commands.len() >= 14, "{help}");
    for command in commands {
        assert!(
            page.contains(&format!(".SS \"wethi {command}\"")),
            "{command} has no part of its own in the manual"
        );
    }
    // English whatever the locale: groff drops Thai marks above and below.
    assert_eq!(ok(sb.bare_with_locale("th_TH.UTF-8").arg("man")), page);
}

// ---------------------------------------------------------------------------
// new
// ---------------------------------------------------------------------------

/// The `id` of each entry of a list.
fn ids(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["id"].as_str().unwrap())
        .collect()
}

#[test]
fn new_writes_a_valid_session_from_the_template_into_the_data_folder() {
    let sb = Sandbox::new();
    let r = run(sb.wethi().args(["new", "--no-open", "--title", "SWOT day"]));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let path = printed_path(r.stdout.as_bytes());
    assert_eq!(
        path.parent(),
        Some(sb.data_dir()),
        "{} is in the data folder",
        path.display()
    );
    assert!(path.is_file());
    assert_eq!(path.extension().and_then(|e| e.to_str()), Some("json"));

    let v = ok(sb.wethi().arg("validate").arg(&path));
    assert!(v.contains(&path.display().to_string()), "{v}");

    let doc = read_json(&path);
    assert_eq!(doc["format"], "wethi.session");
    assert_eq!(doc["title"], "SWOT day");
    assert_eq!(ids(&doc["stages"]), ["S1", "S2", "S3", "S4"]);
    assert_eq!(ids(&doc["guidance"]), ["G1", "G2", "G3", "G4"]);
    let template = read_json(&common::template_path());
    assert_eq!(
        doc["stages"], template["stages"],
        "the stages are the template's"
    );
    assert_eq!(
        doc["guidance"], template["guidance"],
        "the guidance is the template's"
    );
    let date = doc["meta"]["date"].as_str().expect("meta.date is set");
    assert!(
        today_range().iter().any(|d| d == date),
        "meta.date {date} is today"
    );
    assert_ne!(doc["id"], template["id"], "the session has its own id");
    assert_eq!(doc["lang"], "en", "--lang/locale English");
}

#[test]
fn thai_title_gives_a_readable_single_component_file_name() {
    let sb = Sandbox::new();
    let title = "ประชุมเชิงปฏิบัติการ ศอช.จ. อุบลราชธานี";
    let path = sb.new_session(title);
    let name = path
        .file_name()
        .unwrap()
        .to_str()
        .expect("a UTF-8 file name");
    for word in ["ประชุมเชิงปฏิบัติการ", "ศอช", "อุบลราชธานี"]
    {
        assert!(name.contains(word), "{name} contains {word}");
    }
    assert_eq!(read_json(&path)["title"], title);

    // Hostile titles still give one plain file in the data folder.
    let long = "ที่ทำการ".repeat(100);
    for nasty in [
        "../../etc/passwd",
        "a/b\\c:d*e?f\"g<h>i|j",
        "\u{1b}[31mแดง\u{7}\u{7f}",
        ".hidden",
        "",
        "   ",
        long.as_str(),
    ] {
        let path = sb.new_session(nasty);
        assert_eq!(
            path.parent(),
            Some(sb.data_dir()),
            "{nasty:?} -> {}",
            path.display()
        );
        let name = path.file_name().unwrap().to_str().expect("UTF-8");
        assert!(!name.starts_with('.'), "{name:?} is not hidden");
        assert!(name.ends_with(".json"), "{name:?}");
        assert!(
            !name
                .chars()
                .any(|c| c.is_control() || "/\\:*?\"<>|".contains(c)),
            "{name:?}"
        );
        assert!(name.len() <= 255, "{name:?} fits every file system");
        assert!(path.is_file());
        assert_eq!(
            read_json(&path)["title"],
            nasty,
            "the title itself is kept as typed"
        );
    }
    let red = tree(sb.data_dir());
    assert!(red.iter().any(|n| n.contains("แดง")), "{red:?}");
}

#[test]
fn same_title_twice_gives_two_files() {
    let sb = Sandbox::new();
    let first = sb.new_session("ทบทวนบทบาท");
    let first_bytes = fs::read(&first).unwrap();
    let second = sb.new_session("ทบทวนบทบาท");
    assert_ne!(first, second);
    assert!(first.is_file() && second.is_file());
    assert_eq!(
        fs::read(&first).unwrap(),
        first_bytes,
        "the first session is untouched"
    );
    assert_ne!(read_json(&first)["id"], read_json(&second)["id"]);
    assert_eq!(tree(sb.data_dir()).len(), 2);
}

#[test]
fn new_with_template_file_uses_its_stages() {
    let sb = Sandbox::new();
    let mut template = read_json(&common::template_path());
    template["stages"] = json!([{
        "id": "X1",
        "title": {"th": "ขั้นตอนทดลอง", "en": "Trial stage"},
        "text": {"th": "ทดลอง", "en": "A trial."},
        "timebox_minutes": 25,
        "elapsed_seconds": 600,
        "running_since": "2021-01-13T09:00:00+07:00",
        "done": true,
        "notes": [],
        "x_custom": {"kept": true}
    }]);
    let file = sb.home.path().join("my-template.json");
    write_json(&file, &template);

    let r = run(sb
        .wethi()
        .args(["new", "--no-open", "--title", "Custom"])
        .arg("--template")
        .arg(&file));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let path = printed_path(r.stdout.as_bytes());
    let doc = read_json(&path);
    assert_eq!(doc["title"], "Custom");
    let stages = doc["stages"].as_array().unwrap();
    assert_eq!(stages.len(), 1, "only the template file's stage");
    assert_eq!(stages[0]["id"], "X1");
    assert_eq!(stages[0]["title"]["en"], "Trial stage");
    assert_eq!(stages[0]["timebox_minutes"], 25);
    assert_eq!(stages[0]["x_custom"], json!({"kept": true}));
    // A new session starts with no progress.
    assert_eq!(stages[0]["elapsed_seconds"], 0);
    assert_eq!(stages[0]["done"], false);
    assert_eq!(stages[0]["running_since"], Value::Null);
    ok(sb.wethi().arg("validate").arg(&path));
}

#[test]
fn new_with_a_bad_template_file_exits_1_naming_it() {
    let sb = Sandbox::new();
    let bad = sb.home.path().join("bad-template.json");
    fs::write(&bad, "{ \"format\": \"wethi.session\", ").unwrap();
    let before = snapshot(&bad);
    let r = run(sb
        .wethi()
        .args(["new", "--no-open"])
        .arg("--template")
        .arg(&bad));
    the_error_line(&r, &bad);
    assert!(
        r.stdout.trim().is_empty(),
        "no path is printed: {:?}",
        r.stdout
    );
    assert!(
        !sb.data_dir().exists() || tree(sb.data_dir()).is_empty(),
        "no session was written"
    );
    assert_eq!(snapshot(&bad), before);

    let missing = sb.home.path().join("no-such-template.json");
    let r = run(sb
        .wethi()
        .args(["new", "--no-open"])
        .arg("--template")
        .arg(&missing));
    assert_eq!(r.code, Some(1));
    assert!(
        r.stderr.contains(&missing.display().to_string()),
        "{:?}",
        r.stderr
    );
}

#[test]
fn data_folder_can_come_from_wethi_data_dir() {
    let sb = Sandbox::new();
    let dir = sb.data_dir().join("from-env");
    let r = run(sb.bare().env("WETHI_DATA_DIR", &dir).args([
        "new",
        "--no-open",
        "--title",
        "env folder",
    ]));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let path = printed_path(r.stdout.as_bytes());
    assert_eq!(path.parent(), Some(dir.as_path()));
    assert!(path.is_file());
    let listed = ok(sb.bare().env("WETHI_DATA_DIR", &dir).arg("list"));
    assert!(listed.contains("env folder"), "{listed}");
    // Nothing went to the (fake) home folder.
    assert!(!sb.home.path().join("xdg-data").exists());
}

// ---------------------------------------------------------------------------
// template
// ---------------------------------------------------------------------------

#[test]
fn template_prints_the_built_in_template() {
    let sb = Sandbox::new();
    let out = ok(sb.wethi().arg("template"));
    let file = fs::read_to_string(common::template_path()).unwrap();
    assert_eq!(out, file);
    let loaded = wethi::session::parse(Path::new("<stdout>"), out.as_bytes()).expect("a session");
    assert_eq!(loaded.session.stages.len(), 4);
    assert_eq!(loaded.session.guidance.len(), 4);
}

// ---------------------------------------------------------------------------
// validate
// ---------------------------------------------------------------------------

#[test]
fn validate_accepts_several_good_files() {
    let sb = Sandbox::new();
    let a = sb.new_session("one");
    let b = sb.new_session("two");
    let r = run(sb
        .wethi()
        .arg("validate")
        .arg(&a)
        .arg(&b)
        .arg(common::example_path())
        .arg(common::template_path()));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    for file in [&a, &b] {
        assert!(
            r.stdout.contains(&file.display().to_string()),
            "{}",
            r.stdout
        );
    }
}

#[test]
fn validate_with_one_bad_file_exits_1_and_names_it() {
    let sb = Sandbox::new();
    let a = sb.new_session("good one");
    let b = sb.new_session("good two");
    let bad = sb.data_dir().join("bad.json");
    let mut doc = read_json(&a);
    doc["swot"]["strengths"] = json!([{"id": "s1", "text": "x", "votes": "3",
        "created_at": "2021-01-13T09:00:00+07:00", "updated_at": "2021-01-13T09:00:00+07:00"}]);
    write_json(&bad, &doc);
    let before = snapshot(&bad);

    let r = run(sb.wethi().arg("validate").arg(&a).arg(&bad).arg(&b));
    let line = the_error_line(&r, &bad);
    assert!(line.contains("swot.strengths[0].votes"), "{:?}", r.stderr);
    for good in [&a, &b] {
        assert!(
            !r.stderr.contains(&good.display().to_string()),
            "{good:?} is not blamed"
        );
        assert!(
            r.stdout.contains(&good.display().to_string()),
            "{good:?} is reported valid"
        );
    }
    assert!(
        !r.stdout.contains(&bad.display().to_string()),
        "bad file not reported valid"
    );
    assert_eq!(snapshot(&bad), before);
}

// ---------------------------------------------------------------------------
// list
// ---------------------------------------------------------------------------

#[test]
fn list_on_an_empty_folder_says_there_are_no_sessions() {
    let sb = Sandbox::new();
    let en = run(sb.wethi().arg("list"));
    assert_eq!(en.code, Some(0), "{}", en.stderr);
    assert!(en.stdout.contains("No sessions"), "{}", en.stdout);
    let th = ok(sb.wethi().args(["--lang", "th", "list"]));
    assert!(th.contains("ยังไม่มีเวที"), "{th}");
    let json_out = ok(sb.wethi().args(["list", "--json"]));
    assert_eq!(serde_json::from_str::<Value>(&json_out).unwrap(), json!([]));

    // A data folder that does not exist yet is just empty.
    let r = ok(sb
        .bare()
        .arg("--data-dir")
        .arg(sb.data_dir().join("not-yet"))
        .arg("list"));
    assert!(r.contains("No sessions"), "{r}");
}

/// Creates a session with `wethi new`, then sets its date, venue and SWOT counts.
fn make_session(sb: &Sandbox, title: &str, date: &str, venue: &str, counts: [usize; 4]) -> PathBuf {
    let path = sb.new_session(title);
    let mut doc = read_json(&path);
    doc["meta"]["date"] = json!(date);
    doc["meta"]["venue"] = json!(venue);
    for (q, n) in ["strengths", "weaknesses", "opportunities", "threats"]
        .iter()
        .zip(counts)
    {
        let items: Vec<Value> = (0..n)
            .map(|i| swot_item(&format!("{q}-{i}"), &format!("{q} {i}")))
            .collect();
        doc["swot"][q] = Value::Array(items);
    }
    write_json(&path, &doc);
    path
}

/// Three sessions, created in an order that differs from their dates.
fn three_sessions(sb: &Sandbox) -> [PathBuf; 3] {
    let middle = make_session(sb, "Ubon SWOT", "2021-01-13", "Regent Palace", [1, 2, 3, 4]);
    let oldest = make_session(
        sb,
        "Khon Kaen review",
        "2020-11-30",
        "Town hall",
        [0, 0, 0, 0],
    );
    let newest = make_session(sb, "เวทีศรีสะเกษ", "2022-03-15", "ศาลากลาง", [5, 0, 2, 1]);
    [newest, middle, oldest]
}

fn position(haystack: &str, needle: &str) -> usize {
    haystack
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} is listed in:\n{haystack}"))
}

fn line_with<'a>(text: &'a str, needle: &str) -> &'a str {
    text.lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("a line with {needle:?} in:\n{text}"))
}

#[test]
fn list_shows_sessions_newest_first_with_date_title_venue_and_counts() {
    let sb = Sandbox::new();
    three_sessions(&sb);

    let en = ok(sb.wethi().arg("list"));
    let order = [
        position(&en, "เวทีศรีสะเกษ"),
        position(&en, "Ubon SWOT"),
        position(&en, "Khon Kaen review"),
    ];
    assert!(
        order[0] < order[1] && order[1] < order[2],
        "newest first:\n{en}"
    );
    let line = line_with(&en, "Ubon SWOT");
    for part in ["13 Jan 2021", "Regent Palace", "S1 W2 O3 T4"] {
        assert!(line.contains(part), "{line:?} shows {part:?}");
    }
    let line = line_with(&en, "เวทีศรีสะเกษ");
    for part in ["15 Mar 2022", "ศาลากลาง", "S5 W0 O2 T1"] {
        assert!(line.contains(part), "{line:?} shows {part:?}");
    }
    let line = line_with(&en, "Khon Kaen review");
    for part in ["30 Nov 2020", "Town hall", "S0 W0 O0 T0"] {
        assert!(line.contains(part), "{line:?} shows {part:?}");
    }

    let th = ok(sb.wethi().args(["list", "--lang", "th"]));
    assert!(line_with(&th, "Ubon SWOT").contains("13 ม.ค. 64"), "{th}");
    assert!(line_with(&th, "เวทีศรีสะเกษ").contains("15 มี.ค. 65"), "{th}");
    assert!(
        line_with(&th, "Khon Kaen review").contains("30 พ.ย. 63"),
        "{th}"
    );
    assert!(!th.contains("2021"), "Thai dates are Buddhist era:\n{th}");
}

#[test]
fn list_of_the_example_shows_its_thai_short_date() {
    let sb = Sandbox::new();
    fs::create_dir_all(sb.data_dir()).unwrap();
    fs::copy(common::example_path(), sb.data_dir().join("ubon.json")).unwrap();
    let th = ok(sb.wethi().args(["--lang", "th", "list"]));
    assert!(th.contains("13 ม.ค. 64"), "{th}");
    let en = ok(sb.wethi().args(["--lang", "en", "list"]));
    assert!(en.contains("13 Jan 2021"), "{en}");
}

#[test]
fn list_json_gives_an_array_newest_first() {
    let sb = Sandbox::new();
    let [newest, middle, oldest] = three_sessions(&sb);
    let out = ok(sb.wethi().args(["list", "--json"]));
    let list: Value = serde_json::from_str(&out).expect("list --json prints JSON");
    let rows = list.as_array().expect("an array");
    assert_eq!(rows.len(), 3);
    let expected = [
        (&newest, "เวทีศรีสะเกษ", "2022-03-15", [5, 0, 2, 1]),
        (&middle, "Ubon SWOT", "2021-01-13", [1, 2, 3, 4]),
        (&oldest, "Khon Kaen review", "2020-11-30", [0, 0, 0, 0]),
    ];
    for (row, (path, title, date, counts)) in rows.iter().zip(expected) {
        assert_eq!(row["path"], path.display().to_string());
        assert_eq!(row["title"], title);
        assert_eq!(row["date"], date);
        assert_eq!(
            row["counts"],
            json!({"strengths": counts[0], "weaknesses": counts[1], "opportunities": counts[2], "threats": counts[3]})
        );
        assert_eq!(row["id"], read_json(path)["id"]);
    }
}

#[test]
fn list_reports_a_broken_file_and_still_lists_the_others() {
    let sb = Sandbox::new();
    three_sessions(&sb);
    let broken = sb.data_dir().join("broken.json");
    fs::write(&broken, "{\"format\": \"wethi.session\",\n").unwrap();
    let before = snapshot(&broken);

    let r = run(sb.wethi().arg("list"));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stderr.contains("broken.json"), "{:?}", r.stderr);
    for title in ["เวทีศรีสะเกษ", "Ubon SWOT", "Khon Kaen review"] {
        assert!(
            r.stdout.contains(title),
            "{title} still listed:\n{}",
            r.stdout
        );
    }
    assert!(
        !r.stdout.contains("broken.json"),
        "the broken file is not listed as a session"
    );

    let r = run(sb.wethi().args(["list", "--json"]));
    assert_eq!(r.code, Some(0));
    assert!(r.stderr.contains("broken.json"), "{:?}", r.stderr);
    let list: Value = serde_json::from_str(&r.stdout).expect("stdout stays pure JSON");
    assert_eq!(list.as_array().unwrap().len(), 3);
    assert_eq!(snapshot(&broken), before, "the broken file is left alone");
}

// ---------------------------------------------------------------------------
// show
// ---------------------------------------------------------------------------

/// The number at the end of the line that starts with `name`.
fn count_after(text: &str, name: &str) -> usize {
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with(name))
        .unwrap_or_else(|| panic!("a line for {name:?} in:\n{text}"));
    let digits: String = line
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("a count at the end of {line:?}"))
}

/// `wethi ARGS EXAMPLE`: a summary that shows each of `parts`, 55 on the
/// `participants` line, every stage, and 3 items for each of `quadrants`.
fn show_the_example(
    args: &[&str],
    parts: [&str; 4],
    participants: &str,
    quadrants: [&str; 4],
) -> String {
    let sb = Sandbox::new();
    let out = ok(sb.wethi().args(args).arg(common::example_path()));
    for part in parts {
        assert!(out.contains(part), "shows {part:?}:\n{out}");
    }
    assert!(line_with(&out, participants).contains("55"), "{out}");
    for stage in ["S1", "S2", "S3", "S4"] {
        line_with(&out, stage);
    }
    for quadrant in quadrants {
        assert_eq!(count_after(&out, quadrant), 3, "{quadrant}:\n{out}");
    }
    out
}

#[test]
fn show_summarises_the_example_in_thai() {
    let out = show_the_example(
        &["--lang", "th", "show"],
        [
            "ประชุมเชิงปฏิบัติการ ศอช.จ. อุบลราชธานี",
            "13 มกราคม 2564",
            "โรงแรมรีเจ้นท์ พาเลซ",
            "บทบาทและโครงสร้าง ศอช.จ.",
        ],
        "ผู้เข้าร่วม",
        ["จุดแข็ง", "จุดอ่อน", "โอกาส", "อุปสรรค"],
    );
    assert!(
        !out.contains("Strengths"),
        "no English quadrant names:\n{out}"
    );
}

#[test]
fn show_summarises_the_example_in_english() {
    let out = show_the_example(
        &["show", "--lang", "en"],
        [
            "ประชุมเชิงปฏิบัติการ ศอช.จ. อุบลราชธานี",
            "13 January 2021",
            "โรงแรมรีเจ้นท์ พาเลซ",
            "ศอช.จ. mandate, structure and roles",
        ],
        "Participants",
        ["Strengths", "Weaknesses", "Opportunities", "Threats"],
    );
    assert!(!out.contains("จุดแข็ง"), "no Thai quadrant names:\n{out}");
    // The session's own Thai notes may say 2564; the dates wethi writes may not.
    assert!(
        !line_with(&out, "Date:").contains("2564"),
        "no Buddhist-era year in English:\n{out}"
    );
}

#[test]
fn show_counts_each_quadrant_separately() {
    let sb = Sandbox::new();
    let path = make_session(&sb, "Counts", "2021-01-13", "Hall", [1, 2, 0, 4]);
    let en = ok(sb.wethi().args(["--lang", "en", "show"]).arg(&path));
    assert_eq!(count_after(&en, "Strengths"), 1, "{en}");
    assert_eq!(count_after(&en, "Weaknesses"), 2, "{en}");
    assert_eq!(count_after(&en, "Opportunities"), 0, "{en}");
    assert_eq!(count_after(&en, "Threats"), 4, "{en}");
    let th = ok(sb.wethi().args(["--lang", "th", "show"]).arg(&path));
    assert_eq!(count_after(&th, "จุดแข็ง"), 1, "{th}");
    assert_eq!(count_after(&th, "จุดอ่อน"), 2, "{th}");
    assert_eq!(count_after(&th, "โอกาส"), 0, "{th}");
    assert_eq!(count_after(&th, "อุปสรรค"), 4, "{th}");
}

/// No raw ESC, BEL, CSI or DEL in what `command` printed.
fn assert_no_raw_controls(text: &str, command: &str) {
    for raw in ['\u{1b}', '\u{7}', '\u{9b}', '\u{7f}'] {
        assert!(!text.contains(raw), "no raw {raw:?} in {command}'s output");
    }
}

#[test]
fn control_characters_from_a_file_never_reach_the_terminal_raw() {
    let sb = Sandbox::new();
    let path = sb.new_session("placeholder");
    let mut doc = read_json(&path);
    doc["title"] = json!("Evil\u{1b}[2J\u{1b}]0;pwned\u{7}title");
    doc["meta"]["venue"] = json!("Hall\u{9b}31m\u{7f}");
    write_json(&path, &doc);

    let show = run(sb.wethi().args(["--lang", "en", "show"]).arg(&path));
    assert_eq!(show.code, Some(0), "{}", show.stderr);
    assert!(
        show.stdout.contains("Evil␛[2J␛]0;pwned"),
        "ESC shows as ␛:\n{}",
        show.stdout
    );
    assert_no_raw_controls(&show.stdout, "show");

    let list = run(sb.wethi().arg("list"));
    assert_eq!(list.code, Some(0), "{}", list.stderr);
    assert!(list.stdout.contains("Evil␛"), "{}", list.stdout);
    assert_no_raw_controls(&list.stdout, "list");
}

#[test]
fn error_messages_never_carry_raw_control_characters_from_the_file() {
    let sb = Sandbox::new();
    let template = read_json(&common::template_path());
    let cases = [
        ("format", json!("\u{1b}]0;pwned\u{7}\u{1b}[2J")),
        ("lang", json!("\u{1b}[31mth")),
        ("id", json!(["\u{1b}[31m"])),
        ("version", json!("\u{1b}[31m")),
    ];
    let mut raw = Vec::new();
    for (field, value) in cases {
        let path = sb.data_dir().join(format!("evil-{field}.json"));
        fs::create_dir_all(sb.data_dir()).unwrap();
        let mut doc = template.clone();
        doc[field] = value;
        write_json(&path, &doc);
        for command in ["validate", "show"] {
            let r = run(sb.wethi().arg(command).arg(&path));
            assert_eq!(r.code, Some(1), "{}", r.stderr);
            assert!(
                r.stderr.contains(&path.display().to_string()),
                "{:?}",
                r.stderr
            );
            if r.stderr.contains(['\u{1b}', '\u{7}']) {
                raw.push(format!(
                    "wethi {command} with a bad {field:?}: {:?}",
                    r.stderr
                ));
            }
        }
    }
    assert!(
        raw.is_empty(),
        "raw control characters on stderr:\n{}",
        raw.join("\n")
    );
}

#[test]
fn show_missing_file_exits_1_with_one_line_naming_it() {
    let sb = Sandbox::new();
    let r = run(sb.wethi().args(["show", "missing.json"]));
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(r.stdout.is_empty(), "{:?}", r.stdout);
    assert_eq!(r.stderr.lines().count(), 1, "one line: {:?}", r.stderr);
    assert!(r.stderr.contains("missing.json"), "{:?}", r.stderr);

    let th = run(sb.wethi().args(["--lang", "th", "show", "missing.json"]));
    assert_eq!(th.code, Some(1));
    assert_eq!(th.stderr.lines().count(), 1, "{:?}", th.stderr);
    assert!(th.stderr.contains("missing.json"), "{:?}", th.stderr);
    assert!(
        th.stderr.contains("ไม่พบ"),
        "the Thai message is Thai: {:?}",
        th.stderr
    );
}

#[test]
fn show_separates_every_label_from_its_value() {
    let sb = Sandbox::new();
    for lang in ["en", "th"] {
        let out = ok(sb
            .wethi()
            .args(["--lang", lang, "show"])
            .arg(common::example_path()));
        for line in out.lines() {
            if let Some((_, value)) = line.split_once(':') {
                assert!(
                    value.is_empty() || value.starts_with(' '),
                    "--lang {lang}: a space after the label in {line:?}"
                );
            }
        }
    }
}

#[test]
fn list_never_prints_raw_control_characters_from_file_names() {
    // File names in the data folder come from anywhere (a shared drive, an
    // unzipped archive); an ESC in one must not drive the terminal.
    let sb = Sandbox::new();
    fs::create_dir_all(sb.data_dir()).unwrap();
    fs::copy(
        common::example_path(),
        sb.data_dir().join("evil\u{1b}[2J.json"),
    )
    .unwrap();
    fs::write(sb.data_dir().join("bad\u{1b}]0;pwned\u{7}.json"), "{").unwrap();
    let r = run(sb.wethi().arg("list"));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stdout.contains("13 Jan 2021"),
        "the good file is listed: {}",
        r.stdout
    );
    for (stream, text) in [("stdout", &r.stdout), ("stderr", &r.stderr)] {
        assert!(
            !text.contains(['\u{1b}', '\u{7}']),
            "raw control characters on {stream}: {text:?}"
        );
    }
}

// ---------------------------------------------------------------------------
// Photos
// ---------------------------------------------------------------------------

mod photo_files {
    use super::*;
    use wethi::photos::sample;

    /// A phone's sideways photo with GPS (`phone.jpg`) and a PNG (`plan.png`)
    /// in `dir`.
    fn images(dir: &Path) -> (PathBuf, PathBuf) {
        let phone = dir.join("phone.jpg");
        fs::write(&phone, sample::phone_jpeg(80, 40, 6)).unwrap();
        let png = dir.join("plan.png");
        let mut bytes = Vec::new();
        image::DynamicImage::ImageRgb8(image::RgbImage::new(30, 20))
            .write_to(
                &mut std::io::Cursor::new(&mut bytes),
                image::ImageFormat::Png,
            )
            .unwrap();
        fs::write(&png, bytes).unwrap();
        (phone, png)
    }

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn photos_add_stores_each_image_upright_and_without_gps_and_list_names_them() {
        let sb = Sandbox::new();
        let path = sb.new_session("เวทีภาพ");
        let (phone, png) = images(sb.home.path());
        let out = ok(sb
            .wethi()
            .args(["photos", "add"])
            .arg(&path)
            .args([&phone, &png])
            .args(["--caption", "ป้ายนิทรรศการ\u{1b}[31m"]));
        assert!(out.contains("2 photo(s) added"), "{out}");
        common::assert_valid_session(&path);
        let json = read_json(&path);
        let photos = json["photos"].as_array().expect("a photos list");
        assert_eq!(photos.len(), 2);
        let folder = path.with_extension("photos");
        assert_eq!(
            (photos[0]["width"].as_u64(), photos[0]["height"].as_u64()),
            (Some(40), Some(80)),
            "turned upright"
        );
        assert_eq!(photos[0]["caption"], "ป้ายนิทรรศการ␛[31m");
        for p in photos {
            let image = folder.join(p["file"].as_str().unwrap());
            let bytes = fs::read(&image).unwrap();
            assert_eq!(p["bytes"].as_u64(), Some(bytes.len() as u64));
            assert!(!sample::contains(&bytes, sample::GPS_MARK));
            assert!(bytes.starts_with(&[0xFF, 0xD8, 0xFF]), "stored as JPEG");
            #[cfg(unix)]
            assert_eq!(mode(&image), 0o600);
        }
        #[cfg(unix)]
        assert_eq!(mode(&folder), 0o700);
        let listed = ok(sb.wethi().args(["photos", "list"]).arg(&path));
        let lines: Vec<&str> = listed.lines().collect();
        assert_eq!(lines.len(), 2, "{listed}");
        assert!(
            lines[0].starts_with("1. ป้ายนิทรรศการ␛[31m — ph-"),
            "{listed}"
        );
        assert!(lines[0].contains(", 40 × 80, "), "{listed}");
        assert!(lines[1].contains(", 30 × 20, "), "{listed}");
        ok(sb.wethi().arg("validate").arg(&path));
    }

    #[test]
    fn one_bad_image_is_named_and_nothing_is_stored() {
        let sb = Sandbox::new();
        let path = sb.new_session("เวทีภาพ");
        let before = snapshot(&path);
        let (phone, _) = images(sb.home.path());
        let text = sb.home.path().join("notes.jpg");
        fs::write(&text, "not a photo").unwrap();
        let bomb = sb.home.path().join("bomb.png");
        fs::write(&bomb, sample::png_claiming(100_000, 100_000)).unwrap();
        for (bad, why) in [
            (&text, "not a JPEG, PNG or WebP image"),
            (&bomb, "too large to open (100000 × 100000 pixels)"),
        ] {
            let r = run(sb
                .wethi()
                .args(["photos", "add"])
                .arg(&path)
                .args([&phone, bad]));
            let line = the_error_line(&r, bad);
            assert!(line.contains(why), "{line}");
        }
        let r = run(sb
            .wethi()
            .args(["photos", "add"])
            .arg(&path)
            .arg(sb.home.path().join("gone.jpg")));
        assert!(the_error_line(&r, &sb.home.path().join("gone.jpg")).contains("cannot be read"));
        assert_eq!(snapshot(&path), before);
        assert!(!path.with_extension("photos").exists());
    }

    #[test]
    fn photos_are_not_added_to_a_session_another_wethi_is_editing() {
        let sb = Sandbox::new();
        let path = sb.new_session("เวทีภาพ");
        let before = snapshot(&path);
        let (phone, _) = images(sb.home.path());
        let lock = wethi::store::SessionLock::try_acquire(&path).unwrap();
        assert!(lock.is_some());
        let r = run(sb.wethi().args(["photos", "add"]).arg(&path).arg(&phone));
        assert!(
            the_error_line(&r, &path).contains("another wethi has this session open"),
            "{}",
            r.stderr
        );
        assert_eq!(snapshot(&path), before);
        drop(lock);
        ok(sb.wethi().args(["photos", "add"]).arg(&path).arg(&phone));
    }

    #[test]
    fn validate_names_a_photo_whose_image_is_missing() {
        let sb = Sandbox::new();
        let path = sb.new_session("เวทีภาพ");
        let (phone, _) = images(sb.home.path());
        ok(sb.wethi().args(["photos", "add"]).arg(&path).arg(&phone));
        let file = read_json(&path)["photos"][0]["file"]
            .as_str()
            .unwrap()
            .to_owned();
        fs::remove_file(path.with_extension("photos").join(&file)).unwrap();
        let r = run(sb.wethi().arg("validate").arg(&path));
        let line = the_error_line(&r, &path);
        assert!(line.contains(&file) && line.contains("photos[0]"), "{line}");
    }

    /// The images of the session at `path`, in its order.
    fn stored_images(path: &Path) -> Vec<(PathBuf, Vec<u8>)> {
        let folder = path.with_extension("photos");
        read_json(path)["photos"]
            .as_array()
            .expect("photos")
            .iter()
            .map(|p| {
                let image = folder.join(p["file"].as_str().expect("a file"));
                let bytes = fs::read(&image).expect("stored");
                (image, bytes)
            })
            .collect()
    }

    fn assert_clean_and_upright(bytes: &[u8], size: (u32, u32)) {
        assert!(!sample::contains(bytes, sample::GPS_MARK), "no GPS");
        assert!(!sample::contains(bytes, b"Exif\0\0"), "no EXIF block");
        assert!(!sample::contains(bytes, sample::XMP_MARK), "no XMP");
        let image = image::load_from_memory(bytes).expect("an image");
        assert_eq!((image.width(), image.height()), size);
    }

    #[test]
    fn every_report_carries_the_photos_upright_and_without_gps_from_where_it_is() {
        let sb = Sandbox::new();
        let path = sb.new_session("เวทีภาพ");
        let (phone, png) = images(sb.home.path());
        ok(sb
            .wethi()
            .args(["photos", "add"])
            .arg(&path)
            .arg(&phone)
            .args(["--caption", "กลุ่ม 1 นำเสนอ"]));
        ok(sb.wethi().args(["photos", "add"]).arg(&path).arg(&png));
        let stored = stored_images(&path);
        let out = sb.home.path().join("รายงาน");
        fs::create_dir(&out).unwrap();
        // Word: each image a part of the package, as stored.
        let docx = out.join("r.docx");
        ok(sb
            .wethi()
            .arg("export")
            .arg(&path)
            .args(["--format", "docx", "-o"])
            .arg(&docx));
        let mut zip = zip::ZipArchive::new(fs::File::open(&docx).unwrap()).unwrap();
        for (n, (_, bytes)) in stored.iter().enumerate() {
            let mut media = Vec::new();
            std::io::Read::read_to_end(
                &mut zip
                    .by_name(&format!("word/media/photo{}.jpeg", n + 1))
                    .unwrap(),
                &mut media,
            )
            .unwrap();
            assert_eq!(&media, bytes);
        }
        assert_clean_and_upright(&stored[0].1, (40, 80));
        assert_clean_and_upright(&stored[1].1, (30, 20));
        // HTML: the same bytes as data URIs.
        let html = out.join("r.html");
        ok(sb
            .wethi()
            .arg("export")
            .arg(&path)
            .args(["--format", "html", "-o"])
            .arg(&html));
        let html = fs::read_to_string(&html).unwrap();
        let embedded: Vec<Vec<u8>> = html
            .split("src=\"data:image/jpeg;base64,")
            .skip(1)
            .map(|rest| {
                use base64::Engine;
                let data = rest.split('"').next().unwrap();
                base64::engine::general_purpose::STANDARD
                    .decode(data)
                    .unwrap()
            })
            .collect();
        assert_eq!(
            embedded,
            stored.iter().map(|(_, b)| b.clone()).collect::<Vec<_>>()
        );
        // Markdown elsewhere: its links lead from its folder to the images.
        let md = out.join("r.md");
        ok(sb
            .wethi()
            .arg("export")
            .arg(&path)
            .args(["--format", "md", "-o"])
            .arg(&md));
        let md = fs::read_to_string(&md).unwrap();
        let links: Vec<&str> = md
            .lines()
            .filter_map(|l| l.strip_prefix('!'))
            .filter_map(|l| l.split("](").nth(1))
            .map(|l| l.trim_end_matches('\\').trim_end_matches(')'))
            .collect();
        assert_eq!(links.len(), 2, "{md}");
        for (link, (image, _)) in links.iter().zip(&stored) {
            assert!(link.starts_with("../"), "{link}");
            let found = out
                .join(link)
                .canonicalize()
                .expect("the link leads somewhere");
            assert_eq!(found, image.canonicalize().unwrap());
        }
        // The post on stdout names them from here (the current folder).
        let post = ok(sb
            .wethi()
            .arg("export")
            .arg(&path)
            .args(["--format", "post"]));
        let listed: Vec<&str> = post
            .lines()
            .filter_map(|l| l.strip_prefix("1) ").or_else(|| l.strip_prefix("2) ")))
            .map(|l| l.split(" (").next().unwrap())
            .collect();
        assert_eq!(listed.len(), 2, "{post}");
        for (file, (image, _)) in listed.iter().zip(&stored) {
            let found = sb.home.path().join(file).canonicalize().expect("named");
            assert_eq!(found, image.canonicalize().unwrap());
        }
        assert!(post.contains("(กลุ่ม 1 นำเสนอ)"), "{post}");
    }

    #[test]
    fn search_finds_a_photo_by_its_caption() {
        let sb = Sandbox::new();
        let path = sb.new_session("เวทีภาพ");
        let (phone, _) = images(sb.home.path());
        ok(sb
            .wethi()
            .args(["photos", "add"])
            .arg(&path)
            .arg(&phone)
            .args(["--caption", "ป้ายนิทรรศการโคกหนองนา"]));
        let rows: Value =
            serde_json::from_str(&ok(sb.wethi().args(["search", "--json", "โคกหนองนา"]))).unwrap();
        assert_eq!(rows[0]["field"], "photos[0].caption", "{rows}");
        assert_eq!(rows[0]["text"], "ป้ายนิทรรศการโคกหนองนา");
        let shown = ok(sb.wethi().args(["search", "โคกหนองนา"]));
        assert!(shown.contains("Photos"), "{shown}");
    }

    #[test]
    fn a_report_whose_image_is_missing_is_refused_naming_it_and_nothing_is_written() {
        let sb = Sandbox::new();
        let path = sb.new_session("เวทีภาพ");
        let (phone, _) = images(sb.home.path());
        ok(sb.wethi().args(["photos", "add"]).arg(&path).arg(&phone));
        let (image, _) = stored_images(&path).remove(0);
        fs::remove_file(&image).unwrap();
        let file = image.file_name().unwrap().to_string_lossy().into_owned();
        for format in ["docx", "html", "md"] {
            let out = sb.home.path().join(format!("r.{format}"));
            let r = run(sb
                .wethi()
                .arg("export")
                .arg(&path)
                .args(["--format", format, "-o"])
                .arg(&out));
            let line = the_error_line(&r, &path);
            assert!(
                line.contains(&format!("the image {file} of photo 1 is not in "))
                    && line.contains("delete that photo in the Photos view"),
                "{line}"
            );
            assert!(!out.exists(), "{format}");
        }
        // The post only names the photos: it is written.
        ok(sb
            .wethi()
            .arg("export")
            .arg(&path)
            .args(["--format", "post"]));
    }
}

#[test]
fn restore_leaves_the_photo_folder_so_either_version_finds_its_photos() {
    let sb = Sandbox::new();
    let path = sb.new_session("เวทีภาพ");
    let image = sb.home.path().join("p.jpg");
    fs::write(&image, wethi::photos::sample::phone_jpeg(20, 10, 1)).unwrap();
    // `photos add` keeps a backup of the session as it was, without the photo.
    ok(sb.wethi().args(["photos", "add"]).arg(&path).arg(&image));
    let backups = |dir: &Path| -> Vec<PathBuf> {
        let mut all: Vec<PathBuf> = fs::read_dir(dir.join(".backups"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        all.sort();
        all
    };
    let dir = path.parent().unwrap();
    let before = backups(dir);
    assert_eq!(before.len(), 1);
    let folder = path.with_extension("photos");
    let images = || fs::read_dir(&folder).unwrap().count();
    assert_eq!(images(), 1);
    ok(sb.wethi().arg("restore").arg(&before[0]));
    assert!(read_json(&path).get("photos").is_none());
    assert_eq!(images(), 1, "restore leaves the images");
    // The session with the photo was backed up first: put it back.
    let with_photo = backups(dir)
        .into_iter()
        .find(|b| !before.contains(b))
        .unwrap();
    ok(sb.wethi().arg("restore").arg(&with_photo));
    assert_eq!(read_json(&path)["photos"].as_array().map(Vec::len), Some(1));
    ok(sb.wethi().arg("validate").arg(&path));
}
