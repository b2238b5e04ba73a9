//! `wethi man`: the manual page, in roff for `man -l -`. One page holds
//! everything: the global flags, then each command with its own. It is in
//! English: groff drops the marks above and below Thai letters (ที่ comes
//! out as ท), so a Thai page would not read; `wethi --help` is Thai.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Command;
use clap_mangen::Man;
use clap_mangen::roff::{Roff, roman};

use super::{Failure, help};
use crate::text::Lang;

pub fn print() -> Result<ExitCode, Failure> {
    page()
        .and_then(|page| io::stdout().write_all(&page))
        .map_err(|e| Failure::invalid(e.to_string()))?;
    Ok(ExitCode::SUCCESS)
}

/// The whole page.
pub fn page() -> io::Result<Vec<u8>> {
    let cmd = help::command(Lang::En);
    let man = Man::new(cmd.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    let mut heading = Roff::new();
    heading.control("SH", ["COMMANDS"]);
    heading.to_writer(&mut out)?;
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        command_section(sub, &mut out)?;
    }
    man.render_extra_section(&mut out)?;
    man.render_version_section(&mut out)?;
    Ok(out)
}

/// One command: a subsection named as it is typed, what it does, its
/// synopsis and its own flags (the global ones are on the page once).
fn command_section(sub: &Command, out: &mut Vec<u8>) -> io::Result<()> {
    let name = sub.get_bin_name().unwrap_or_else(|| sub.get_name());
    let mut roff = Roff::new();
    roff.control("SS", [name]);
    if let Some(about) = sub.get_about() {
        roff.text([roman(about.to_string())]);
    }
    roff.control("PP", []);
    roff.to_writer(&mut *out)?;
    let own = sub
        .clone()
        .mut_args(|a| match a.is_global_set() || a.get_id() == "help" {
            true => a.hide(true),
            false => a,
        });
    let man = Man::new(own);
    let mut parts = Vec::new();
    man.render_synopsis_section(&mut parts)?;
    man.render_options_section(&mut parts)?;
    // Within a command the section headings (SYNOPSIS, OPTIONS) would end
    // its subsection: its lines follow the name instead.
    let text = String::from_utf8_lossy(&parts);
    for line in text.lines().filter(|l| !l.starts_with(".SH")) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}
