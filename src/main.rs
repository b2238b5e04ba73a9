//! The command line: parse, dispatch, turn errors into one sentence and an exit code.
//! Each command's work lives in the library's `cli` module.

use std::process::ExitCode;

use wethi::cli::args::{Command, PhotosCommand};
use wethi::cli::{
    Context, Failure, across, compare, completions, export, help, list, manual, photos, screens,
    sessions, show,
};
use wethi::text::date::Digits;

fn main() -> ExitCode {
    completions::answer_if_asked(help::ui_lang(&std::env::args_os().collect::<Vec<_>>()));
    let cli = help::parse();
    let ctx = Context::new(&cli);
    match run(&ctx, cli.command) {
        Ok(code) => code,
        Err(failure) => {
            eprintln!("wethi: {}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}

fn run(ctx: &Context, command: Option<Command>) -> Result<ExitCode, Failure> {
    let Some(command) = command else {
        return screens::home(ctx);
    };
    match command {
        Command::New {
            title,
            template,
            from,
            no_open,
        } => sessions::new(
            ctx,
            title.as_deref(),
            template.as_deref(),
            from.as_deref(),
            no_open,
        ),
        Command::Open {
            file,
            room,
            port,
            bind,
        } => screens::open(ctx, &file, room, port, bind),
        Command::View { file } => screens::edit(ctx, &ctx.resolve(&file), true),
        Command::Template => Ok(sessions::print_template()),
        Command::Validate { files } => Ok(sessions::validate(ctx, &files)),
        Command::Backups { file } => sessions::backups(ctx, &file),
        Command::Restore { backup } => sessions::restore(ctx, &backup),
        Command::List { json } => list::list(ctx, json),
        Command::Show { file, board, width } => show::show(ctx, &file, board, width),
        Command::Diff { old, new } => compare::diff(ctx, &old, &new),
        Command::Merge {
            files,
            out,
            group_names,
            title,
            force,
        } => compare::merge(ctx, &files, &out, group_names, title.as_deref(), force),
        Command::Photos { command } => match command {
            PhotosCommand::Add {
                file,
                images,
                caption,
            } => photos::add(ctx, &file, &images, caption.as_deref()),
            PhotosCommand::List { file } => photos::list(ctx, &file),
        },
        Command::Export {
            file,
            format,
            output,
            thai_digits,
        } => {
            let digits = if thai_digits {
                Digits::Thai
            } else {
                Digits::Arabic
            };
            export::export_report(ctx, &file, format, output.as_deref(), digits)
        }
        Command::Search { query, json } => across::search(ctx, &query, json),
        Command::Actions {
            overdue,
            owner,
            all,
            json,
            format,
        } => {
            let filter = across::ActionsFilter {
                overdue,
                owner: owner.as_deref(),
                all,
            };
            across::actions(ctx, filter, json, format)
        }
        Command::Insights {
            since,
            until,
            format,
            output,
        } => across::insights(
            ctx,
            across::InsightsRequest {
                since: since.as_deref(),
                until: until.as_deref(),
                format,
                output: output.as_deref(),
            },
        ),
        Command::Completions { shell } => completions::script(shell),
        Command::Man => manual::print(),
    }
}
