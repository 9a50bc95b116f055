//! `polydocs build`: the pipeline into a staging folder, published whole when nothing is wrong.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::check;
use crate::diagnostic::{Diagnostic, Report};
use crate::index::Published;
use crate::pipeline;
use crate::publish;
use crate::render::{Discard, Folder, Scope, Written};
use crate::site::LoadOptions;

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
    pub warnings: Vec<Diagnostic>,
}

/// Builds the site in `root`. On failure nothing in the output folder has changed, and the
/// report holds every finding (the same as `check` with the same options).
pub fn build(root: &Path, options: &BuildOptions) -> Result<Built, Report> {
    let (site, report) = pipeline::load(
        root,
        &LoadOptions {
            pseudo: options.pseudo,
        },
    );
    let Some(site) = site else {
        return Err(report);
    };
    let checks = check::Options {
        strict: options.strict,
    };
    let output = options
        .output
        .clone()
        .unwrap_or_else(|| site.config.output.clone());
    let publishing = publish::check_output(root, &output).and_then(|target| {
        let lock = target.lock()?;
        let staging = target.stage()?;
        Ok((lock, staging))
    });
    let (_lock, staging) = match publishing {
        Ok(ready) => ready,
        Err(d) => {
            // The folder cannot be written: everything else is still checked and reported.
            let mut outcome = pipeline::process(
                &site,
                report,
                checks,
                &Scope::All,
                &Discard,
                Published::default(),
            );
            outcome.report.push(d);
            return Err(outcome.report);
        }
    };
    let outcome = pipeline::process(
        &site,
        report,
        checks,
        &Scope::All,
        &Folder(&staging.dir),
        Published::default(),
    );
    let (Some(written), false) = (outcome.written, outcome.report.has_errors()) else {
        return Err(outcome.report);
    };
    let mut report = outcome.report;
    if let Err(d) = staging.commit() {
        report.push(d);
        return Err(report);
    }
    Ok(Built {
        written,
        output,
        languages: site.config.languages.len(),
        warnings: report.sorted(),
    })
}

/// The command: prints the outcome and returns the exit code.
pub fn run(root: &Path, options: &BuildOptions) -> i32 {
    let started = Instant::now();
    match build(root, options) {
        Ok(built) => {
            super::print_warnings(&built.warnings);
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
