use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand};

use polydocs::cmd;

/// Builds a static support-plan site in every language of site.yaml.
#[derive(Parser)]
#[command(name = "polydocs", version)]
struct Cli {
    /// The site folder (the one holding site.yaml). Without it, the nearest folder holding a
    /// site.yaml, from the current folder up, as cargo finds Cargo.toml.
    #[arg(long, global = true)]
    root: Option<PathBuf>,
    /// For `build` and `check`: print only errors (no warnings, no summary, no progress), so
    /// nothing at all when they succeed. Other commands print what they always do.
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (public/ by default).
    Build(BuildArgs),
    /// Check every source for errors without writing anything: what a translator's linter checks.
    Check(CheckArgs),
    /// Show how far each language is translated: messages and pages translated, missing, outdated.
    Status {
        /// `text` for a table, `json` for tools.
        #[arg(long, value_enum, default_value_t)]
        format: cmd::check::Format,
        /// Also write an HTML report to this file.
        #[arg(long)]
        html: Option<PathBuf>,
    },
    /// Preview the site while you edit: build it into memory, serve it, rebuild on each save
    /// and reload open pages. Never writes into the output folder.
    Serve(ServeArgs),
    /// Write what the typography check asks for into the messages and pages: no-break
    /// spaces in French, full-width punctuation beside Chinese characters. Every other byte of
    /// each file is kept, and each change is listed.
    Fix {
        /// Only this language (its code).
        #[arg(long)]
        lang: Option<String>,
        /// Say what would be fixed, and write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Mark translations of a language as up to date with their source: `--all`, one
    /// `--page` or one `--message`.
    Mark(MarkArgs),
    /// Rename a page in every language at once, with its translation records, leaving an
    /// alias at each old address: `polydocs move docs/setup.md docs/install.md`.
    Move {
        /// The page's path as `mark --page` takes it: `docs/setup.md` (or
        /// `content/<code>/docs/setup.md`).
        old: String,
        /// Its new path: `docs/install.md`.
        new: String,
    },
    /// Add a language to the site: its entry in site.yaml (comments and layout kept) and
    /// locales/<code>/*.ftl to translate, every message shown in the source language as a
    /// comment. Nothing counts as translated until it is.
    NewLanguage(NewLanguageArgs),
    /// Start a new site in DIR (created if missing; it must be empty): site.yaml, a home page,
    /// a docs section with a guide, and the messages of every language. It builds at once
    /// with `polydocs build --strict`; the theme comes with polydocs.
    Init(InitArgs),
    /// Explain a diagnostic code: what it means, an example, the fix. Without a code, list
    /// every code. Exits with 2 for a code that does not exist.
    Explain {
        /// The code, as shown in brackets in a report: `polydocs explain broken-link`.
        code: Option<String>,
    },
    /// Print a completion script for a shell: `polydocs completions bash > /etc/bash_completion.d/polydocs`.
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
}

#[derive(Args)]
struct BuildArgs {
    /// Fail when any message or page falls back to another language.
    #[arg(long)]
    strict: bool,
    /// Write here instead of the `output:` of site.yaml. A relative path is taken from the
    /// site's folder (`--root`), as `output:` is, not from the current folder.
    #[arg(long)]
    output: Option<PathBuf>,
    /// Build with a pseudo-language (accented, longer text) under /pseudo/, to find text
    /// the templates do not translate and layouts that break with longer words. Written
    /// to public-pseudo/ (or --output), never to the published folder.
    #[arg(long)]
    pseudo: bool,
    /// Publish the pages marked `draft: true` too (for a preview deploy); without it they
    /// are left out, with their translations.
    #[arg(long)]
    drafts: bool,
    /// Publish for this address instead of `base_url` of site.yaml (a preview deploy):
    /// canonical links, `hreflang`, the sitemap and robots.txt use it.
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// Keep this build out of search engines (a preview deploy): every page gets
    /// `<meta name="robots" content="noindex">`.
    #[arg(long)]
    noindex: bool,
}

#[derive(Args)]
struct CheckArgs {
    /// Count missing translations that visitors would see as errors (as `build --strict`).
    #[arg(long)]
    strict: bool,
    /// Show only the findings about one language (its code in site.yaml).
    #[arg(long, value_name = "CODE")]
    lang: Option<String>,
    /// Show only the findings of this code (`outdated-page`; repeat for several), as
    /// `--lang` shows one language's: the exit status and the counts are theirs.
    #[arg(long = "code", value_name = "CODE")]
    codes: Vec<String>,
    /// Count warnings as errors (exit 1 on any finding).
    #[arg(long)]
    deny_warnings: bool,
    /// `text` for people, `json` for CI and editors.
    #[arg(long, value_enum, default_value_t)]
    format: cmd::check::Format,
}

#[derive(Args)]
struct ServeArgs {
    /// The port to listen on; 0 picks a free one.
    #[arg(long, default_value_t = 8000)]
    port: u16,
    /// The address to listen on. Anything but a loopback address makes the preview
    /// reachable from other machines.
    #[arg(long, default_value = "127.0.0.1")]
    bind: std::net::IpAddr,
    /// Translate in the page: every text of the preview is marked with where it comes
    /// from and its state in this language, and can be edited and saved in place. Loopback
    /// only.
    #[arg(long, value_name = "LANG")]
    translate: Option<String>,
}

#[derive(Args)]
struct MarkArgs {
    /// The language's code (its folder under locales/ and content/).
    language: String,
    /// Mark one page: `content/<code>/docs/setup.md`, `<code>/docs/setup.md` or `docs/setup.md`.
    #[arg(long, conflicts_with_all = ["message", "all"])]
    page: Option<String>,
    /// Mark one message, by its ID.
    #[arg(long, conflicts_with_all = ["page", "all"])]
    message: Option<String>,
    /// Mark every translated page and message of the language (not those identical to
    /// their source, unless --include-identical).
    #[arg(long)]
    all: bool,
    /// Also mark translations identical to their source, as identical on purpose (a name
    /// such as "Experience League"); otherwise they count as copied, not translated.
    #[arg(long)]
    include_identical: bool,
    /// Also mark outdated translations that did not change since they were last marked
    /// (the source's change needed no new wording); otherwise they are left outdated.
    #[arg(long)]
    force: bool,
}

#[derive(Args)]
struct NewLanguageArgs {
    /// The language's code, used for its folders: `de`, `pt-BR`, `zh-TW`.
    code: String,
    /// The language's name in itself, as the language switcher shows it (`Deutsch`).
    #[arg(long)]
    name: Option<String>,
    /// Its BCP 47 tag for lang="" and hreflang, when it differs from the code (`zh-Hant-TW`).
    #[arg(long)]
    tag: Option<String>,
    /// `rtl` for a right-to-left language.
    #[arg(long, value_enum)]
    direction: Option<cmd::new_language::Direction>,
    /// Languages to borrow from, in order, before the default language (repeat or use commas).
    #[arg(long, value_delimiter = ',')]
    fallback: Vec<String>,
}

#[derive(Args)]
struct InitArgs {
    /// The folder of the new site (default: the current folder).
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// The site's language codes, comma-separated: `en,fr,ar`. Starter text exists in
    /// en, fr, de, es, ar, zh-TW and ja; other languages get messages to translate.
    #[arg(long, value_delimiter = ',', conflicts_with = "example")]
    languages: Option<Vec<String>>,
    /// The default language, the source of translations (default: the first one).
    #[arg(long, value_name = "CODE", conflicts_with = "example")]
    default: Option<String>,
    /// The address the site is published at: `https://docs.example.com/`.
    #[arg(long, conflicts_with = "example")]
    base_url: Option<String>,
    /// Write the full support-plan example site (plan data, pages in three languages,
    /// and a copy of the theme) instead of a starter site.
    #[arg(long)]
    example: bool,
}

fn main() {
    let cli = Cli::parse();
    let root = cli.root.unwrap_or_else(|| cmd::site_root(Path::new(".")));
    std::process::exit(run(cli.command, &root, cli.quiet));
}

/// Runs one subcommand on the site at `root` and gives its exit status. Each subcommand's
/// options are turned into its module's own options in one place, so a new flag is a field
/// of its `…Args` and a line of its `run`.
fn run(command: Command, root: &Path, quiet: bool) -> i32 {
    match command {
        Command::Build(args) => args.run(root, quiet),
        Command::Check(args) => args.run(root, quiet),
        Command::Status { format, html } => {
            cmd::status::run(root, format == cmd::check::Format::Json, html.as_deref())
        }
        Command::Serve(args) => args.run(root),
        Command::Mark(args) => args.run(root),
        Command::Fix { lang, dry_run } => cmd::fix::run(root, lang.as_deref(), dry_run),
        Command::Move { old, new } => cmd::move_page::run(root, &cmd::move_page::Move { old, new }),
        Command::NewLanguage(args) => args.run(root),
        Command::Init(args) => args.run(),
        Command::Explain { code } => cmd::explain::run(code.as_deref()),
        Command::Completions { shell } => completions(shell),
    }
}

impl BuildArgs {
    /// `polydocs build`: `--quiet` keeps only its errors.
    fn run(self, root: &Path, quiet: bool) -> i32 {
        let options = cmd::build::BuildOptions {
            strict: self.strict,
            output: self.output,
            pseudo: self.pseudo,
            drafts: self.drafts,
            base_url: self.base_url,
            noindex: self.noindex,
        };
        cmd::build::run(root, &options, quiet)
    }
}

impl CheckArgs {
    /// `polydocs check`: `--quiet` keeps only its errors.
    fn run(self, root: &Path, quiet: bool) -> i32 {
        let options = cmd::check::CheckOptions {
            strict: self.strict,
            deny_warnings: self.deny_warnings,
            format: self.format,
            lang: self.lang,
            codes: self.codes,
        };
        cmd::check::run(root, &options, quiet)
    }
}

impl ServeArgs {
    /// `polydocs serve`: runs until it is stopped.
    fn run(self, root: &Path) -> i32 {
        let options = cmd::serve::ServeOptions {
            port: self.port,
            bind: self.bind,
            translate: self.translate,
        };
        cmd::serve::run(root, &options)
    }
}

impl MarkArgs {
    /// `polydocs mark`: clap lets at most one of `--page`, `--message` and `--all` through;
    /// with none, `mark` itself says what it needs.
    fn run(self, root: &Path) -> i32 {
        let target = match (self.page, self.message, self.all) {
            (Some(p), _, _) => Some(cmd::mark::Target::Page(p)),
            (_, Some(m), _) => Some(cmd::mark::Target::Message(m)),
            (_, _, true) => Some(cmd::mark::Target::All),
            _ => None,
        };
        let options = cmd::mark::Options {
            include_identical: self.include_identical,
            force: self.force,
        };
        cmd::mark::run(root, &self.language, target.as_ref(), options)
    }
}

impl NewLanguageArgs {
    /// `polydocs new-language`.
    fn run(self, root: &Path) -> i32 {
        let language = cmd::new_language::NewLanguage {
            code: self.code,
            name: self.name,
            tag: self.tag,
            direction: self.direction,
            fallback: self.fallback,
        };
        cmd::new_language::run(root, &language)
    }
}

impl InitArgs {
    /// `polydocs init`: it makes a site, so it takes no `--root`.
    fn run(self) -> i32 {
        cmd::init::run(cmd::init::InitOptions {
            dir: self.dir,
            languages: self.languages,
            default: self.default,
            base_url: self.base_url,
            example: self.example,
        })
    }
}

/// `polydocs completions SHELL`: the script is made from the same definitions as the parser,
/// so it never lags behind a new flag.
fn completions(shell: clap_complete::Shell) -> i32 {
    let mut command = <Cli as clap::CommandFactory>::command();
    clap_complete::generate(shell, &mut command, "polydocs", &mut std::io::stdout());
    0
}
