//! `polydocs status`: how far each language is translated, as a table, JSON or an HTML report.

use std::fmt::Write as _;
use std::path::Path;

use crate::escape::markup as escape;
use crate::site;
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
        if let Err(e) = std::fs::write(path, html_report(&status)) {
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
/// of missing and outdated messages and pages.
pub fn html_report(status: &[LanguageStatus]) -> String {
    let mut rows = String::new();
    let mut details = String::new();
    for s in status {
        let _ = writeln!(
            rows,
            "<tr><th scope=\"row\">{} <span lang=\"{}\">({})</span></th><td>{}/{}</td><td>{}</td><td>{}</td><td>{:.1}%</td><td>{}/{}</td><td>{}</td><td>{}</td><td>{:.1}%</td></tr>",
            escape(&s.code),
            escape(&s.code),
            escape(&s.name),
            s.messages.translated,
            s.messages.total,
            s.messages.missing,
            s.messages.outdated,
            s.messages.percent_done(),
            s.pages.translated,
            s.pages.total,
            s.pages.missing,
            s.pages.outdated,
            s.pages.percent_done()
        );
        if s.default {
            continue;
        }
        let list = |title: &str, items: &[String]| {
            if items.is_empty() {
                return String::new();
            }
            let lis: String = items
                .iter()
                .map(|i| format!("<li><code>{}</code></li>", escape(i)))
                .collect();
            format!("<h3>{title} ({})</h3><ul>{lis}</ul>", items.len())
        };
        let _ = writeln!(
            details,
            "<section><h2>{}</h2>{}{}{}{}</section>",
            escape(&s.code),
            list("Missing messages", &s.missing_messages),
            list("Outdated messages", &s.outdated_messages),
            list("Missing pages", &s.missing_pages),
            list("Outdated pages", &s.outdated_pages)
        );
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Translation status</title>\n<style>body{{font:1rem/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}table{{border-collapse:collapse}}th,td{{border:1px solid #ccc;padding:.25rem .5rem;text-align:end}}th[scope=row]{{text-align:start}}</style>\n</head>\n<body>\n<h1>Translation status</h1>\n<table>\n<caption>Messages and pages translated, missing and outdated, per language</caption>\n<thead><tr><th scope=\"col\">Language</th><th scope=\"col\">Messages</th><th scope=\"col\">Missing</th><th scope=\"col\">Outdated</th><th scope=\"col\">Done</th><th scope=\"col\">Pages</th><th scope=\"col\">Missing</th><th scope=\"col\">Outdated</th><th scope=\"col\">Done</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n{details}</body>\n</html>\n"
    )
}
