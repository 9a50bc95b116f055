//! `polydocs status`: how far each language is translated, as a table, JSON or an HTML report.

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use crate::diagnostic::{Code, Diagnostic};
use crate::site::{self, Site};
use crate::templates::STATUS_REPORT;
use crate::translation::{self, Counts, LanguageStatus};

pub fn run(root: &Path, json: bool, html: Option<&Path>) -> i32 {
    // Every language that can be read is reported: an error in one language's files marks
    // that language broken rather than hiding the others.
    let (site, report) = site::load_partial(root, &site::LoadOptions::default());
    let Some(site) = site else {
        super::print_failure(report, "status");
        return 1;
    };
    let (mut status, lock_errors) = translation::status(&site);
    let mut errors: Vec<Diagnostic> = report
        .sorted()
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect();
    for d in &errors {
        if let Some(s) = d
            .language()
            .and_then(|code| status.iter_mut().find(|s| s.code == code))
        {
            s.errors.push(d.to_string());
        }
    }
    errors.extend(lock_errors);
    // Where a translator sees each message left to do: the pages that show it.
    if let Some(shown) = crate::pipeline::shown_pages(root) {
        for s in &mut status {
            let Some(language) = site.config.languages.iter().find(|l| l.code == s.code) else {
                continue;
            };
            let prefix = format!("/{}/", language.prefix);
            let ids = (s.missing_messages.iter())
                .chain(&s.same_as_source_messages)
                .chain(&s.outdated_messages);
            s.message_pages = ids
                .map(|id| (id.clone(), shown.pages_of(&prefix, id)))
                .filter(|(_, pages)| !pages.is_empty())
                .collect();
        }
    }
    let code = finish(&site, &status, json, html);
    if errors.is_empty() {
        return code;
    }
    super::print_diagnostics(&errors);
    eprintln!("{}", failure_line(&status, errors.len()));
    1
}

/// The last line of a `status` that met errors: how many, and which languages they broke.
fn failure_line(status: &[LanguageStatus], errors: usize) -> String {
    let broken: Vec<&str> = status
        .iter()
        .filter(|s| s.broken())
        .map(|s| s.code.as_str())
        .collect();
    let plural = if errors == 1 { "" } else { "s" };
    if broken.is_empty() {
        format!(
            "status met {errors} error{plural} outside the translations; the languages are reported above."
        )
    } else {
        format!(
            "status met {errors} error{plural}: {} reported as broken (counts without what could not be read), \
             every other language in full.",
            broken.join(", ")
        )
    }
}

/// Writes the report asked for; the exit code.
fn finish(site: &Site, status: &[LanguageStatus], json: bool, html: Option<&Path>) -> i32 {
    if let Some(path) = html {
        let report = match html_report(site, status) {
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
            serde_json::to_string_pretty(status).unwrap_or_default()
        );
    } else {
        print!("{}", table(status));
        // Drafts are left out of the counts above, as they are of the site.
        if let Some(line) = super::check::drafts_line(site.drafts.len()) {
            let files: Vec<&str> = site
                .drafts
                .iter()
                .map(|d| d.source.display.as_str())
                .collect();
            println!("\n{line}: {}", files.join(", "));
        }
    }
    0
}

/// The terminal table: one row per language, then, per language, what changed in the
/// source of each outdated translation and what is not tracked.
pub(crate) fn table(status: &[LanguageStatus]) -> String {
    let mut out = String::new();
    write_header(&mut out);
    for s in status {
        write_row(&mut out, s);
    }
    let default = status
        .iter()
        .find(|s| s.default)
        .map_or("the source", |s| s.code.as_str());
    for s in status.iter().filter(|s| s.broken()) {
        write_broken(&mut out, s);
    }
    for s in status.iter().filter(|s| !s.default) {
        write_copied(&mut out, s, default);
        write_tracking(&mut out, s);
        write_changes(&mut out, s, default);
    }
    out
}

/// The column names, aligned with [`write_row`]'s cells: messages first, then pages.
fn write_header(out: &mut String) {
    let _ = writeln!(
        out,
        "{:<8} {:>10} {:>7} {:>5} {:>9} {:>9} {:>6}   {:>7} {:>7} {:>5} {:>9} {:>9} {:>6}",
        "language",
        "messages",
        "missing",
        "same",
        "outdated",
        "untracked",
        "done",
        "pages",
        "missing",
        "same",
        "outdated",
        "untracked",
        "done"
    );
}

/// The same, outdated and untracked cells of one count: `-` for the default language, which
/// translates nothing, and `untracked` as its outdated count for a language never marked.
fn cells(s: &LanguageStatus, c: &Counts) -> [String; 3] {
    if s.default {
        ["-".to_string(), "-".to_string(), "-".to_string()]
    } else {
        [
            c.same_as_source.to_string(),
            if s.tracked {
                c.outdated.to_string()
            } else {
                "untracked".to_string()
            },
            c.untracked.to_string(),
        ]
    }
}

/// One language's row; `broken` at its end when part of the language could not be read.
fn write_row(out: &mut String, s: &LanguageStatus) {
    let [m_same, m_outdated, m_untracked] = cells(s, &s.messages);
    let [p_same, p_outdated, p_untracked] = cells(s, &s.pages);
    let _ = writeln!(
        out,
        "{:<8} {:>10} {:>7} {:>5} {:>9} {:>9} {:>5.1}%   {:>7} {:>7} {:>5} {:>9} {:>9} {:>5.1}%",
        s.code,
        format!("{}/{}", s.messages.translated, s.messages.total),
        s.messages.missing,
        m_same,
        m_outdated,
        m_untracked,
        s.messages.percent_done(),
        format!("{}/{}", s.pages.translated, s.pages.total),
        s.pages.missing,
        p_same,
        p_outdated,
        p_untracked,
        s.pages.percent_done(),
    );
    if s.broken() {
        out.pop();
        out.push_str("   broken\n");
    }
}

/// Why a language is broken: its counts leave out what could not be read, so the errors
/// come with them.
fn write_broken(out: &mut String, s: &LanguageStatus) {
    let _ = writeln!(
        out,
        "\n{}: broken: part of it could not be read, so its counts leave that part out; fix:",
        s.code
    );
    for error in &s.errors {
        let _ = writeln!(out, "  {error}");
    }
}

/// Translations that are the source text copied, counted apart from translated ones.
fn write_copied(out: &mut String, s: &LanguageStatus, default: &str) {
    let code = &s.code;
    let same = s.messages.same_as_source + s.pages.same_as_source;
    if same > 0 {
        let _ = writeln!(
            out,
            "\n{code}: {} message(s) and {} page(s) are the {default} text copied, not translated \
             (`polydocs check --lang {code}` lists them).",
            s.messages.same_as_source, s.pages.same_as_source
        );
    }
}

/// What is not tracked: the whole language when nothing was ever marked, else the first ten
/// messages and pages never marked.
fn write_tracking(out: &mut String, s: &LanguageStatus) {
    let code = &s.code;
    if !s.tracked {
        let _ = writeln!(
            out,
            "\n{code}: untracked: nothing was ever marked, so no translation can be called outdated. \
             Once its translations are reviewed, run `polydocs mark {code} --all`."
        );
    } else if s.messages.untracked + s.pages.untracked > 0 {
        let mut names: Vec<&str> = s.untracked_messages.iter().map(String::as_str).collect();
        names.extend(s.untracked_pages.iter().map(String::as_str));
        let _ = writeln!(
            out,
            "\n{code}: never marked, so not tracked: {}{}",
            names
                .iter()
                .take(10)
                .copied()
                .collect::<Vec<_>>()
                .join(", "),
            if names.len() > 10 {
                format!(" and {} more", names.len() - 10)
            } else {
                String::new()
            }
        );
    }
}

/// The outdated translations, each with what changed in its source since it was marked: a
/// message's diff on its line, a page's changed blocks below it.
fn write_changes(out: &mut String, s: &LanguageStatus, default: &str) {
    if s.changes.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "\n{}: outdated, with what changed in the {default} source since it was marked:",
        s.code
    );
    for change in &s.changes {
        if change.blocks.is_empty() {
            let _ = writeln!(out, "  {} {}: {}", change.kind, change.key, change.diff);
        } else {
            let _ = writeln!(out, "  {} {}:", change.kind, change.key);
            for block in &change.blocks {
                write_block(out, change, block);
            }
        }
    }
}

/// One changed block of an outdated page: where it is in the source and the translation,
/// its certified and current source text whole, and its diff.
fn write_block(out: &mut String, change: &translation::Change, block: &translation::BlockChange) {
    let source = change.source_file.as_deref().unwrap_or("");
    let translation = change.translation_file.as_deref().unwrap_or("");
    let at = match block.source_line {
        Some(line) => format!("at {source}:{line}"),
        None => format!("from {source}"),
    };
    let place = match (block.change, block.translation_line) {
        ("added", Some(line)) => format!("its translation goes after {translation}:{line}"),
        (_, Some(line)) => format!("translated at {translation}:{line}"),
        (_, None) => format!("no block in its place in {translation}"),
    };
    let _ = writeln!(out, "    {} {} {at} ({place}):", block.kind, block.change);
    let indented = |text: &str| text.replace('\n', "\n           ");
    if let Some(old) = &block.old {
        let _ = writeln!(out, "      was:  {}", indented(old));
    }
    if let Some(new) = &block.new {
        let _ = writeln!(out, "      now:  {}", indented(new));
    }
    if block.change == "changed" {
        let _ = writeln!(out, "      diff: {}", block.diff);
    }
}

/// A standalone HTML page a translation lead can open: the table and, per language, the lists
/// of missing, copied, outdated and untracked messages and pages, and what changed in the
/// source of each outdated one. Rendered from the `translation-status.html` template (built
/// in; a site may override it).
pub(crate) fn html_report(site: &Site, status: &[LanguageStatus]) -> Result<String, Diagnostic> {
    #[derive(Serialize)]
    struct List<'a> {
        title: &'static str,
        items: &'a [String],
        /// For a list of messages: the pages that show each.
        pages: Option<&'a std::collections::BTreeMap<String, Vec<String>>>,
    }
    #[derive(Serialize)]
    struct Row<'a> {
        #[serde(flatten)]
        status: &'a LanguageStatus,
        messages_done: String,
        pages_done: String,
        lists: [List<'a>; 8],
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
                    pages: Some(&s.message_pages),
                },
                List {
                    title: "Messages copied from the source (same as source)",
                    items: &s.same_as_source_messages,
                    pages: Some(&s.message_pages),
                },
                List {
                    title: "Outdated messages",
                    items: &s.outdated_messages,
                    pages: Some(&s.message_pages),
                },
                List {
                    title: "Untracked messages (never marked)",
                    items: &s.untracked_messages,
                    pages: None,
                },
                List {
                    title: "Missing pages",
                    items: &s.missing_pages,
                    pages: None,
                },
                List {
                    title: "Pages copied from the source (same as source)",
                    items: &s.same_as_source_pages,
                    pages: None,
                },
                List {
                    title: "Outdated pages",
                    items: &s.outdated_pages,
                    pages: None,
                },
                List {
                    title: "Untracked pages (never marked)",
                    items: &s.untracked_pages,
                    pages: None,
                },
            ],
        })
        .collect();
    let mut ctx = tera::Context::new();
    ctx.insert("languages", &rows);
    let tera = site.tera.as_ref().ok_or_else(|| {
        Diagnostic::error(Code::TemplateSyntax, "the templates do not compile")
            .hint("run `polydocs check` to see where")
    })?;
    tera.render(STATUS_REPORT, &ctx)
        .map_err(|e| site.templates.diagnostic(&e))
}
