//! `polydocs build`: load, validate, render into a staging folder, and publish it whole.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::diagnostic::{Diagnostic, Report};
use crate::publish;
use crate::render::{self, Written};
use crate::site;
use crate::validate::{self, Fallback};

#[derive(Debug, Default, Clone)]
pub struct BuildOptions {
    /// Fail on any fallback (a message or page shown from another language).
    pub strict: bool,
    /// Overrides `output:` of site.yaml.
    pub output: Option<PathBuf>,
    /// Adds the pseudo-language.
    pub pseudo: bool,
}

/// What a successful build did.
pub struct Built {
    pub written: Written,
    pub output: PathBuf,
    pub languages: usize,
    pub fallbacks: Vec<Fallback>,
    pub warnings: Vec<Diagnostic>,
}

/// Builds the site in `root`. On failure nothing in the output folder has changed.
pub fn build(root: &Path, options: &BuildOptions) -> Result<Built, Report> {
    let (site, mut report) = site::load_with(
        root,
        &site::LoadOptions {
            pseudo: options.pseudo,
        },
    )?;
    let validated = validate::validate(&site);
    report.extend(validated.diagnostics.iter().cloned());
    if options.strict {
        for f in &validated.fallbacks {
            report.push(
                Diagnostic::error("fallback", format!("strict build: {f}"))
                    .hint("translate it, or build without --strict to publish with the fallback"),
            );
        }
    }
    if report.has_errors() {
        return Err(report);
    }
    let output = options
        .output
        .clone()
        .unwrap_or_else(|| site.config.output.clone());
    let target = publish::check_output(root, &output).map_err(|d| with(&mut report, d))?;
    let _lock = target.lock().map_err(|d| with(&mut report, d))?;
    let staging = target.stage().map_err(|d| with(&mut report, d))?;
    let written = render::render(&site, &validated, &staging.dir).map_err(|ds| {
        report.extend(ds);
        report.extend(crate::lint::translation_errors(&site));
        std::mem::take(&mut report)
    })?;
    staging.commit().map_err(|d| with(&mut report, d))?;
    Ok(Built {
        written,
        output,
        languages: site.config.languages.len(),
        fallbacks: validated.fallbacks,
        warnings: report.sorted(),
    })
}

fn with(report: &mut Report, d: Diagnostic) -> Report {
    report.push(d);
    std::mem::take(report)
}

/// The command: prints the outcome and returns the exit code.
pub fn run(root: &Path, options: &BuildOptions) -> i32 {
    let started = Instant::now();
    match build(root, options) {
        Ok(built) => {
            super::print_diagnostics(&built.warnings);
            print_fallbacks(&built.fallbacks);
            println!(
                "Built {} pages in {} languages ({} files, {:.1} KiB) into {} in {} ms.",
                built.written.pages,
                built.languages,
                built.written.files,
                built.written.bytes as f64 / 1024.0,
                built.output.display(),
                started.elapsed().as_millis()
            );
            0
        }
        Err(report) => {
            super::print_failure(report, "build");
            1
        }
    }
}

/// The fallback summary: every message and page a language borrows, and where it is used.
pub fn print_fallbacks(fallbacks: &[Fallback]) {
    if fallbacks.is_empty() {
        return;
    }
    eprintln!(
        "{} fallback{} (shown from another language):",
        fallbacks.len(),
        if fallbacks.len() == 1 { "" } else { "s" }
    );
    for f in fallbacks {
        eprintln!("  {f}");
    }
    eprintln!("Translate them, or run `build --strict` to make any fallback an error.\n");
}
