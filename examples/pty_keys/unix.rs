//! The measurement itself: Unix pseudo-terminals, read with poll(2).

use std::io::Write;
use std::os::fd::RawFd;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const COLS: u16 = 200;
const ROWS: u16 = 60;
/// What is typed, over and over: Thai with marks above and below, and Latin.
const TEXT: &str = "ประชุมกลุ่มย่อยเรื่องน้ำ meeting notes ผู้นำชุมชนที่เข้มแข็ง water 2564 ";
/// No output for this long after a key: the program has finished its frame.
const QUIET: Duration = Duration::from_millis(25);
/// No output for this long at start-up or after a setup key: settled.
const SETTLED: Duration = Duration::from_millis(400);
/// A key that brings no output at all within this long is a failure.
const NO_ANSWER: Duration = Duration::from_secs(5);

/// One program to measure.
struct Target {
    label: String,
    /// Keys typed before measuring (open the text box), each waited out.
    setup: Vec<String>,
    /// `{session}` in it stands for a fresh copy of `session` per run and
    /// `{dir}` for that run's folder, so that no run sees what an earlier
    /// one left (a draft, a lock).
    argv: Vec<String>,
    session: Option<PathBuf>,
}

/// The per-key numbers of one target, over every round.
#[derive(Default)]
struct Samples {
    ms: Vec<f64>,
    bytes: Vec<usize>,
    /// The program's time on the CPU while typing, in ms, and the keys typed.
    cpu_ms: f64,
    keys: usize,
}

impl Samples {
    fn cpu_per_key(&self) -> f64 {
        self.cpu_ms / self.keys.max(1) as f64
    }
}

pub fn main() {
    if let Err(why) = run() {
        eprintln!("pty_keys: {why}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let mut rounds = 3;
    let mut keys = 200;
    let mut setup = Vec::new();
    let mut wethis = Vec::new();
    let mut args = std::env::args().skip(1);
    let mut argv = Vec::new();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--rounds" => rounds = number(args.next())?,
            "--keys" => keys = number(args.next())?,
            "--setup" => setup.push(unescape(&args.next().ok_or("--setup needs keys")?)),
            "--wethi" => wethis.push(PathBuf::from(args.next().ok_or("--wethi needs a path")?)),
            "--" => argv.extend(args.by_ref()),
            other => {
                return Err(format!(
                    "unknown argument {other:?} (see examples/pty_keys/main.rs)"
                ));
            }
        }
    }
    let home = tempfile::tempdir().map_err(|e| e.to_string())?;
    let targets = if argv.is_empty() {
        if wethis.is_empty() {
            wethis.push(sibling_wethi()?);
        }
        default_targets(&wethis, home.path())?
    } else {
        vec![Target {
            label: argv.join(" "),
            setup,
            argv,
            session: None,
        }]
    };
    let mut samples: Vec<Samples> = targets.iter().map(|_| Samples::default()).collect();
    for round in 1..=rounds {
        for (target, samples) in targets.iter().zip(&mut samples) {
            let run = measure(target, keys, home.path())?;
            eprintln!(
                "round {round}: {:<26} median {:.3} ms, CPU {:.3} ms, {:.1} bytes/key",
                target.label,
                median(&run.ms),
                run.cpu_per_key(),
                mean(&run.bytes)
            );
            samples.ms.extend(run.ms);
            samples.bytes.extend(run.bytes);
            samples.cpu_ms += run.cpu_ms;
            samples.keys += run.keys;
        }
    }
    report(&targets, &samples);
    Ok(())
}

fn number(arg: Option<String>) -> Result<usize, String> {
    arg.and_then(|a| a.parse().ok())
        .filter(|n| *n > 0)
        .ok_or_else(|| "--rounds and --keys need a positive number".to_owned())
}

/// `\t`, `\r`, `\e` and `\\` in a setup argument.
fn unescape(keys: &str) -> String {
    keys.replace("\\t", "\t")
        .replace("\\r", "\r")
        .replace("\\e", "\x1b")
        .replace("\\\\", "\\")
}

/// Each wethi on 12 and 10,000 items (Tab Tab: the SWOT view; `a`: its
/// text box, empty) and vim on 10,000 lines, typing on a new line (`O`).
fn default_targets(wethis: &[PathBuf], dir: &Path) -> Result<Vec<Target>, String> {
    let mut targets = Vec::new();
    let sessions = [12, 10_000].map(|items| (items, dir.join(format!("s{items}.json"))));
    for (items, file) in &sessions {
        big_session(*items, file)?;
    }
    for (wethi, (items, file)) in wethis
        .iter()
        .flat_map(|w| sessions.iter().map(move |s| (w, s)))
    {
        let name = wethi.file_name().unwrap_or_default().to_string_lossy();
        targets.push(Target {
            label: format!("{name}, {items} items"),
            setup: vec!["\t".into(), "\t".into(), "a".into()],
            argv: vec![
                wethi.display().to_string(),
                "--data-dir".into(),
                "{dir}".into(),
                "open".into(),
                "{session}".into(),
            ],
            session: Some(file.clone()),
        });
    }
    let lines = dir.join("lines.txt");
    let text: String = (1..=10_000)
        .map(|i| format!("{i} {}\n", TEXT.trim()))
        .collect();
    std::fs::write(&lines, text).map_err(|e| e.to_string())?;
    targets.push(Target {
        label: "vim, 10,000 lines".into(),
        setup: vec!["O".into()],
        argv: vec![
            "/usr/bin/vim".into(),
            "-u".into(),
            "NONE".into(),
            "-N".into(),
            "-n".into(),
            lines.display().to_string(),
        ],
        session: None,
    });
    Ok(targets)
}

/// The release `wethi` beside this example (`cargo build --release`).
fn sibling_wethi() -> Result<PathBuf, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let wethi = exe
        .parent()
        .and_then(Path::parent)
        .map(|dir| dir.join("wethi"))
        .filter(|p| p.is_file())
        .ok_or("no wethi binary beside the example: run `cargo build --release` first")?;
    Ok(wethi)
}

fn big_session(items: usize, to: &Path) -> Result<(), String> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/big_session.py");
    let out = Command::new("python3")
        .arg(&script)
        .arg(items.to_string())
        .output()
        .map_err(|e| format!("python3 {}: {e}", script.display()))?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    std::fs::write(to, out.stdout).map_err(|e| format!("{}: {e}", to.display()))
}

/// One run of `target` in a fresh pty: `keys` characters typed.
fn measure(target: &Target, keys: usize, home: &Path) -> Result<Samples, String> {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .map_err(|e| e.to_string())?;
    let run_dir = tempfile::tempdir_in(home).map_err(|e| e.to_string())?;
    let copy = run_dir.path().join("session.json");
    if let Some(session) = &target.session {
        std::fs::copy(session, &copy).map_err(|e| format!("{}: {e}", session.display()))?;
    }
    let argv: Vec<String> = target
        .argv
        .iter()
        .map(|a| {
            a.replace("{session}", &copy.display().to_string())
                .replace("{dir}", &run_dir.path().display().to_string())
        })
        .collect();
    let mut command = CommandBuilder::new(&argv[0]);
    command.args(&argv[1..]);
    command.env_clear();
    for (key, value) in [
        ("HOME", home.display().to_string()),
        ("LANG", "C.UTF-8".into()),
        ("LC_ALL", "C.UTF-8".into()),
        ("TERM", "xterm-256color".into()),
        ("PATH", "/usr/bin:/bin".into()),
    ] {
        command.env(key, value);
    }
    command.cwd(home);
    let mut child = pty
        .slave
        .spawn_command(command)
        .map_err(|e| format!("{}: {e}", target.argv[0]))?;
    drop(pty.slave);
    let pid = child.process_id().unwrap_or(0);
    let fd = pty
        .master
        .as_raw_fd()
        .ok_or("the pty has no file descriptor")?;
    let mut writer = pty.master.take_writer().map_err(|e| e.to_string())?;
    let mut typing = || -> Result<Samples, String> {
        drain(fd, SETTLED)?;
        for key in &target.setup {
            send(&mut writer, key)?;
            drain(fd, SETTLED)?;
        }
        let mut samples = Samples::default();
        let cpu_before = cpu_ms(pid);
        for c in TEXT.chars().cycle().take(keys) {
            let start = Instant::now();
            send(&mut writer, c.encode_utf8(&mut [0; 4]))?;
            let first = wait_readable(fd, NO_ANSWER)?
                .then(|| start.elapsed())
                .ok_or_else(|| format!("{}: no output after typing {c:?}", target.label))?;
            samples.ms.push(first.as_secs_f64() * 1000.0);
            samples.bytes.push(drain(fd, QUIET)?);
        }
        samples.cpu_ms = cpu_ms(pid) - cpu_before;
        samples.keys = keys;
        Ok(samples)
    };
    let result = typing();
    let _ = child.kill();
    let _ = child.wait();
    result
}

/// The time all threads of process `pid` spent on a CPU so far, in ms
/// (`/proc/PID/task/*/schedstat`, in ns); 0 where that cannot be read.
fn cpu_ms(pid: u32) -> f64 {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return 0.0;
    };
    let ns: u64 = tasks
        .flatten()
        .filter_map(|task| std::fs::read_to_string(task.path().join("schedstat")).ok())
        .filter_map(|stat| stat.split_whitespace().next()?.parse::<u64>().ok())
        .sum();
    ns as f64 / 1e6
}

fn send(writer: &mut impl Write, keys: &str) -> Result<(), String> {
    writer
        .write_all(keys.as_bytes())
        .and_then(|()| writer.flush())
        .map_err(|e| e.to_string())
}

/// Whether `fd` has something to read within `timeout`.
fn wait_readable(fd: RawFd, timeout: Duration) -> Result<bool, String> {
    let mut poll = libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    };
    let ms = libc::c_int::try_from(timeout.as_millis()).unwrap_or(libc::c_int::MAX);
    loop {
        // SAFETY: one valid pollfd, and its count, for the duration of the call.
        let n = unsafe { libc::poll(&mut poll, 1, ms) };
        if n >= 0 {
            return Ok(n > 0 && poll.revents & libc::POLLIN != 0);
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(e.to_string());
        }
    }
}

/// Reads until nothing more comes for `quiet`; returns the bytes read.
fn drain(fd: RawFd, quiet: Duration) -> Result<usize, String> {
    let mut total = 0;
    let mut buf = [0u8; 65536];
    while wait_readable(fd, quiet)? {
        // SAFETY: reads into a buffer of the length given.
        let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
        if n <= 0 {
            return Err("the program closed its terminal".into());
        }
        total += n as usize;
    }
    Ok(total)
}

fn median(ms: &[f64]) -> f64 {
    percentile(ms, 0.5)
}

fn percentile(ms: &[f64], p: f64) -> f64 {
    let mut sorted = ms.to_vec();
    sorted.sort_by(f64::total_cmp);
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(at).copied().unwrap_or(f64::NAN)
}

fn mean(bytes: &[usize]) -> f64 {
    bytes.iter().sum::<usize>() as f64 / bytes.len().max(1) as f64
}

fn report(targets: &[Target], samples: &[Samples]) {
    println!(
        "{COLS}×{ROWS} pty, {} keys per target\n",
        samples.first().map_or(0, |s| s.ms.len())
    );
    println!("| | median ms per key | p90 ms | CPU ms per key | bytes per typed character |");
    println!("|---|---|---|---|---|");
    for (target, s) in targets.iter().zip(samples) {
        println!(
            "| {} | {:.3} | {:.3} | {:.3} | {:.1} |",
            target.label,
            median(&s.ms),
            percentile(&s.ms, 0.9),
            s.cpu_per_key(),
            mean(&s.bytes)
        );
    }
    let Some((vim, wethis)) = samples.split_last() else {
        return;
    };
    println!();
    for (pair, labels) in wethis.chunks(2).zip(targets.chunks(2)) {
        if let [small, big] = pair {
            let name = labels[0].label.split(',').next().unwrap_or_default();
            let (small, big) = (median(&small.ms), median(&big.ms));
            println!("{name}: 10,000 : 12 items = {:.2}", big / small);
            println!("{name}: 10,000 items : vim = {:.2}", big / median(&vim.ms));
        }
    }
}
