use std::path::PathBuf;

use clap::{Parser, Subcommand};

use polydocs::cmd;

/// Builds a static support-plan site in every language of site.yaml.
#[derive(Parser)]
#[command(name = "polydocs", version)]
struct Cli {
    /// The site folder (the one holding site.yaml).
    #[arg(long, global = true, default_value = ".")]
    root: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (public/ by default).
    Build {
        /// Fail when any message or page falls back to another language.
        #[arg(long)]
        strict: bool,
        /// Write here instead of the `output:` of site.yaml.
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Check every source for errors without writing anything.
    Check {
        /// Count fallbacks as errors.
        #[arg(long)]
        strict: bool,
    },
}

fn main() {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Build { strict, output } => {
            cmd::build::run(&cli.root, &cmd::build::BuildOptions { strict, output })
        }
        Command::Check { strict } => cmd::check::run(&cli.root, strict),
    };
    std::process::exit(code);
}
