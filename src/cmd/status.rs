//! `polydocs status`: how far each language is translated, as a table, JSON or an HTML report.

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::site::{self, Site};
use crate::templates::STATUS_REPORT;
use crate::translation::{self, LanguageStatus};

pub fn run(root: &Path, json: bool, html: Option<&Path>) -> i32 {
    let site = match site::load(root) {
        Ok((site, _)) => site,
        Err(report) => {
            super::print_failure(report, "status");
            return 1;
        }
    };
    let status = match translation::status(&site) {
        Ok(s) => s,
        Err(d) => {
            super::print_diagnostics(&[*d]);
            return 1;
        }
    };
    if let Some(path) = html {
        let report = match html_report(&site, &status) {
            Ok(r) => r,
            Err(d) => {
                super::print_diagnostics(&[d]);
                return 1;
            }
        };
        if let Err(e) = std::fs::write(path, report) {
            eprintln!("cannot write {}: {e}", path.display());
            return 1;
        }
        eprintln!("Wrote the translation report to {}.", path.display());
    }
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&status).unwrap_or_default()
        );
    } else {
        print!("{}", table(&status));
    }
    0
}

/// The terminal table: one row per language.
pub fn table(status: &[LanguageStatus]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<8} {:>10} {:>8} {:>9} {:>7}   {:>10} {:>8} {:>9} {:>7}",
        "language",
        "messages",
        "missing",
        "outdated",
        "done",
        "pages",
        "missing",
        "outdated",
        "done"
    );
    for s in status {
        let _ = writeln!(
            out,
            "{:<8} {:>10} {:>8} {:>9} {:>6.1}%   {:>10} {:>8} {:>9} {:>6.1}%",
            s.code,
            format!("{}/{}", s.messages.translated, s.messages.total),
            s.messages.missing,
            s.messages.outdated,
            s.messages.percent_done(),
            format!("{}/{}", s.pages.translated, s.pages.total),
            s.pages.missing,
            s.pages.outdated,
            s.pages.percent_done(),
        );
    }
    out
}

/// A standalone HTML page a translation lead can open: the table and, per language, the lists
/// of missing and outdated messages and pages. Rendered from the `translation-status.html`
/// template (built in; a site may override it).
pub fn html_report(site: &Site, status: &[LanguageStatus]) -> Result<String, Diagnostic> {
    #[derive(Serialize)]
    struct List<'a> {
        title: &'static str,
        items: &'a [String],
    }
    #[derive(Serialize)]
    struct Row<'a> {
        #[serde(flatten)]
        status: &'a LanguageStatus,
        messages_done: String,
        pages_done: String,
        lists: [List<'a>; 4],
    }
    let rows: Vec<Row> = status
        .iter()
        .map(|s| Row {
            status: s,
            messages_done: format!("{:.1}", s.messages.percent_done()),
            pages_done: format!("{:.1}", s.pages.percent_done()),
            lists: [
                List {
                    title: "Missing messages",
                    items: &s.missing_messages,
                },
                List {
                    title: "Outdated messages",
                    items: &s.outdated_messages,
                },
                List {
                    title: "Missing pages",
                    items: &s.missing_pages,
                },
                List {
                    title: "Outdated pages",
                    items: &s.outdated_pages,
                },
            ],
        })
        .collect();
    let mut ctx = tera::Context::new();
    ctx.insert("languages", &rows);
    let tera = site.tera.as_ref().ok_or_else(|| {
        Diagnostic::error("template-syntax", "the templates do not compile")
            .hint("run `polydocs check` to see where")
    })?;
    tera.render(STATUS_REPORT, &ctx)
        .map_err(|e| site.templates.diagnostic(&e))
}
