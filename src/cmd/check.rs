//! `polydocs check`: the build without writing — every finding of the pipeline, printed for a
//! person or as JSON, for one language or all.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use crate::check;
use crate::diagnostic::{Diagnostic, Severity};
use crate::pipeline::{self, Progress};
use crate::site::LoadOptions;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Reports with the source line and a caret, for people.
    #[default]
    Text,
    /// One JSON document, for CI and editors.
    Json,
}

#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Count missing translations that visitors would see as errors, as `build --strict` does.
    pub strict: bool,
    /// Count warnings as errors.
    pub deny_warnings: bool,
    pub format: Format,
    /// Show only the findings about this language (its code in site.yaml).
    pub lang: Option<String>,
    /// Show only the findings of these codes (none: every code).
    pub codes: Vec<String>,
}

/// Every finding of a check, in a stable order: exactly what `build` with the same options
/// would report, since both run the same pipeline.
pub fn check(root: &Path, options: &CheckOptions) -> Vec<Diagnostic> {
    check_observed(root, options, &Progress::default())
}

/// [`check`], telling `progress` how far it has got.
pub(crate) fn check_observed(
    root: &Path,
    options: &CheckOptions,
    progress: &Progress,
) -> Vec<Diagnostic> {
    check_counted(root, options, progress).0
}

/// [`check_observed`], with the number of drafts left out of the check as they are of the
/// build (pages marked `draft: true`, and the translations of those of the default language).
pub(crate) fn check_counted(
    root: &Path,
    options: &CheckOptions,
    progress: &Progress,
) -> (Vec<Diagnostic>, usize) {
    // Rendered with marks (and forgotten), so that a finding about a message names the pages
    // that show it.
    let options_load = LoadOptions {
        mark_messages: true,
        ..LoadOptions::default()
    };
    let (site, report) = pipeline::load(root, &options_load);
    let Some(site) = site else {
        return (report.sorted(), 0);
    };
    let checks = check::Options {
        strict: options.strict,
    };
    let drafts = site.drafts.len();
    (
        pipeline::check_all(&site, report, checks, progress).sorted(),
        drafts,
    )
}

/// "2 drafts, not published", or nothing when there are none.
pub(crate) fn drafts_line(drafts: usize) -> Option<String> {
    match drafts {
        0 => None,
        1 => Some("1 draft, not published".to_string()),
        n => Some(format!("{n} drafts, not published")),
    }
}

/// The command: prints the findings and returns the exit code. With `quiet`, the text report
/// holds only what fails the check (errors, and warnings under `--deny-warnings`): nothing
/// at all when it passes. JSON, asked for by a tool, is printed whole.
pub fn run(root: &Path, options: &CheckOptions, quiet: bool) -> i32 {
    let started = std::time::Instant::now();
    let progress = Progress::default();
    let show = options.format == Format::Text && super::progress::wanted(quiet);
    let (mut findings, drafts) =
        super::progress::while_running(&progress, show, || check_counted(root, options, &progress));
    if let Some(code) = &options.lang {
        if let Some(unknown) = unknown_language(root, code) {
            eprintln!("error: {unknown}");
            return 2;
        }
        findings.retain(|d| d.language() == Some(code.as_str()));
    }
    for code in &options.codes {
        if crate::diagnostic::codes::find(code).is_none() {
            let close = crate::diagnostic::codes::closest(code, 3);
            eprintln!(
                "error: `{code}` is not a finding code; did you mean {}? (`polydocs explain` lists them all)",
                close
                    .iter()
                    .map(|c| format!("`{c}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            return 2;
        }
    }
    if !options.codes.is_empty() {
        findings.retain(|d| options.codes.iter().any(|c| c == d.code.as_str()));
    }
    let errors = findings.iter().filter(|d| d.is_error()).count();
    let warnings = findings.len() - errors;
    let failed = errors > 0 || (options.deny_warnings && warnings > 0);
    match options.format {
        Format::Json => println!("{}", to_json(&findings, errors, warnings, drafts)),
        Format::Text if quiet => {
            findings.retain(|d| d.is_error() || options.deny_warnings);
            super::print_diagnostics(&findings);
            if failed {
                eprintln!(
                    "check failed: {errors} error{}, {warnings} warning{}.",
                    plural(errors),
                    plural(warnings)
                );
            }
        }
        Format::Text => {
            super::print_diagnostics(&findings);
            for line in summary(&findings) {
                eprintln!("{line}");
            }
            let summary = format!(
                "{errors} error{}, {warnings} warning{} in the site at `{}`{}{}{} ({} ms).",
                plural(errors),
                plural(warnings),
                root.display(),
                options
                    .lang
                    .as_ref()
                    .map_or(String::new(), |l| format!(" for {l}")),
                if options.codes.is_empty() {
                    String::new()
                } else {
                    format!(" of code {}", options.codes.join(", "))
                },
                drafts_line(drafts).map_or(String::new(), |d| format!("; {d}")),
                started.elapsed().as_millis()
            );
            if failed {
                eprintln!("check failed: {summary}")
            } else {
                println!("{summary}")
            }
        }
    }
    i32::from(failed)
}

/// `--lang` must name a language of the site: a typo would otherwise show "0 errors".
fn unknown_language(root: &Path, code: &str) -> Option<String> {
    let source = crate::source::SourceFile::read(root, &root.join(crate::config::CONFIG_FILE));
    let config = crate::config::parse(&source.ok()?).ok()?;
    if config.language_index(code).is_some() {
        return None;
    }
    let codes = config.codes();
    Some(format!(
        "`{code}` is not a language of this site; its languages are {}",
        codes.join(", ")
    ))
}

/// How many findings of each code each language has: one line per language.
pub(crate) fn summary(findings: &[Diagnostic]) -> Vec<String> {
    let mut counts: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for d in findings {
        *counts
            .entry(d.language().unwrap_or("site"))
            .or_default()
            .entry(d.code.as_str())
            .or_default() += 1;
    }
    if counts.is_empty() {
        return Vec::new();
    }
    let mut lines = vec!["Findings by language:".to_string()];
    for (lang, codes) in counts {
        let list: Vec<String> = codes.iter().map(|(c, n)| format!("{n} {c}")).collect();
        lines.push(format!("  {lang}: {}", list.join(", ")));
    }
    lines
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    severity: &'static str,
    code: &'a str,
    message: &'a str,
    language: Option<&'a str>,
    file: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
    hint: Option<&'a str>,
    /// For a finding about a message: the pages that show it (`/fr/hours/`).
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pages: &'a [String],
}

/// `{"errors": n, "warnings": n, "findings": [...]}`
pub(crate) fn to_json(
    findings: &[Diagnostic],
    errors: usize,
    warnings: usize,
    drafts: usize,
) -> String {
    let list: Vec<JsonFinding> = findings
        .iter()
        .map(|d| JsonFinding {
            severity: match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            code: d.code.as_str(),
            message: &d.message,
            language: d.language(),
            file: d.file.as_deref(),
            line: d.position.map(|p| p.line),
            column: d.position.map(|p| p.column),
            hint: d.hint.as_deref(),
            pages: &d.pages,
        })
        .collect();
    serde_json::json!({ "errors": errors, "warnings": warnings, "drafts": drafts, "findings": list })
        .to_string()
}
