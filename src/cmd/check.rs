//! `polydocs check`: load, validate and run the translators' checks; write nothing.

use std::path::Path;

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity};
use crate::lint;
use crate::site;
use crate::validate;

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
    /// Count fallbacks as errors.
    pub strict: bool,
    /// Count warnings as errors.
    pub deny_warnings: bool,
    pub format: Format,
}

/// Every finding of a check, in a stable order.
pub fn check(root: &Path, options: &CheckOptions) -> Vec<Diagnostic> {
    let (site, mut report) = site::load_partial(root, &site::LoadOptions::default());
    let Some(site) = site else {
        return report.sorted();
    };
    let validated = validate::validate(&site);
    if report.has_errors() {
        // Cross-checks on a partly loaded site would only repeat the load errors
        // differently; the translators' checks still run on what could be read.
        report.extend(lint::lint(&site, &validated, site.plan.is_some()));
        return report.sorted();
    }
    report.extend(validated.diagnostics.iter().cloned());
    report.extend(lint::lint(&site, &validated, true));
    for f in &validated.fallbacks {
        let d = if options.strict {
            Diagnostic::error("fallback", f.to_string())
        } else {
            Diagnostic::warning("fallback", f.to_string())
        };
        report.push(d.hint("translate it; `build` shows it from the other language until then"));
    }
    report.sorted()
}

pub fn run(root: &Path, options: &CheckOptions) -> i32 {
    let started = std::time::Instant::now();
    let findings = check(root, options);
    let errors = findings.iter().filter(|d| d.is_error()).count();
    let warnings = findings.len() - errors;
    let failed = errors > 0 || (options.deny_warnings && warnings > 0);
    match options.format {
        Format::Json => println!("{}", to_json(&findings, errors, warnings)),
        Format::Text => {
            super::print_diagnostics(&findings);
            let summary = format!(
                "{errors} error{}, {warnings} warning{} in the site at `{}` ({} ms).",
                plural(errors),
                plural(warnings),
                root.display(),
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

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    severity: &'static str,
    code: &'a str,
    message: &'a str,
    file: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
    hint: Option<&'a str>,
}

/// `{"errors": n, "warnings": n, "findings": [...]}`
pub fn to_json(findings: &[Diagnostic], errors: usize, warnings: usize) -> String {
    let list: Vec<JsonFinding> = findings
        .iter()
        .map(|d| JsonFinding {
            severity: match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            code: d.code,
            message: &d.message,
            file: d.file.as_deref(),
            line: d.position.map(|p| p.line),
            column: d.position.map(|p| p.column),
            hint: d.hint.as_deref(),
        })
        .collect();
    serde_json::json!({ "errors": errors, "warnings": warnings, "findings": list }).to_string()
}
