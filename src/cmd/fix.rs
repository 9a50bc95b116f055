//! `polydocs fix`: writes what the typography check asks for — no-break spaces in French
//! (« : », « 6 h 00 »), full-width punctuation beside Chinese characters — into the messages
//! and pages, keeping every other byte of each file. `check` only ever reports; this is the
//! one command that rewrites text, and it says each change it makes.

use std::collections::BTreeMap;
use std::path::Path;

use crate::check::{self, Fix};
use crate::site;

/// The command: fixes the typography of language `lang` (every language without it), or with
/// `dry_run` only says what it would fix. Returns the exit code.
pub fn run(root: &Path, lang: Option<&str>, dry_run: bool) -> i32 {
    // Read and written under the lock of the site's sources, as `mark` does.
    let _lock = match crate::source::SourceLock::take(root) {
        Ok(lock) => lock,
        Err(message) => {
            eprintln!("error: {message}");
            return 1;
        }
    };
    // A file with errors elsewhere (another language's broken message) does not stop the
    // fixes: what could not be read is left as it is, and said so.
    let (site, report) = site::load_partial(root, &site::LoadOptions::default());
    let Some(site) = site else {
        super::print_failure(report, "fix");
        return 1;
    };
    let errors: Vec<crate::diagnostic::Diagnostic> = report
        .sorted()
        .into_iter()
        .filter(|d| d.is_error())
        .collect();
    if !errors.is_empty() {
        super::print_diagnostics(&errors);
        eprintln!(
            "fix leaves what these {} error(s) keep from being read as it is, and fixes the rest.",
            errors.len()
        );
    }
    let only = match lang {
        None => None,
        Some(code) => match site.config.language_index(code) {
            Some(l) => Some(l),
            None => {
                let codes = site.config.codes().join(", ");
                eprintln!("error: unknown language `{code}`; the site has {codes}");
                return 2;
            }
        },
    };
    let mut by_file: BTreeMap<String, Vec<Fix>> = BTreeMap::new();
    for fix in check::typography_fixes(&site, only) {
        by_file.entry(fix.file.clone()).or_default().push(fix);
    }
    let mut fixed = 0;
    let mut files = 0;
    for (file, fixes) in &by_file {
        match fix_file(root, file, fixes, dry_run) {
            Ok(n) => {
                fixed += n;
                files += 1;
            }
            Err(message) => {
                eprintln!("error: {message}");
                return 1;
            }
        }
    }
    let verb = if dry_run { "Would fix" } else { "Fixed" };
    match fixed {
        0 => println!("No typography slip to fix."),
        _ => println!("{verb} {fixed} typography slip(s) in {files} file(s)."),
    }
    0
}

/// Applies `fixes` to one file (prints each); returns how many were applied.
fn fix_file(root: &Path, file: &str, fixes: &[Fix], dry_run: bool) -> Result<usize, String> {
    let path = root.join(file);
    let raw = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {file}: {e}"))?;
    // Offsets are those of the text as read: without a byte-order mark, line endings as
    // written (a lone carriage return is read as a line feed, one byte for one).
    let bom = if raw.starts_with('\u{feff}') {
        "\u{feff}"
    } else {
        ""
    };
    let fixed = apply(&raw[bom.len()..], fixes)
        .ok_or_else(|| format!("{file} changed while it was read; run fix again"))?;
    let done = if dry_run { "would fix" } else { "fixed" };
    for fix in fixes {
        println!(
            "{file}:{}:{}: {} → {done}",
            fix.position.line, fix.position.column, fix.message
        );
    }
    if !dry_run {
        let out = format!("{bom}{fixed}");
        crate::source::replace_file(&path, out.as_bytes())
            .map_err(|e| format!("cannot write {file}: {e}"))?;
    }
    Ok(fixes.len())
}

/// `text` with each fix's range replaced by what it writes; `None` when a range does not fall
/// on the text's characters (the file is not the one the fixes were found in).
fn apply(text: &str, fixes: &[Fix]) -> Option<String> {
    let mut ordered: Vec<&Fix> = fixes.iter().collect();
    ordered.sort_by_key(|f| f.range.start);
    let mut out = String::with_capacity(text.len() + fixes.len() * 2);
    let mut at = 0;
    for fix in ordered {
        if fix.range.start < at {
            continue; // overlaps the one before: that one's rewrite covers it
        }
        out.push_str(text.get(at..fix.range.start)?);
        text.get(fix.range.clone())?;
        out.push_str(&fix.write);
        at = fix.range.end;
    }
    out.push_str(text.get(at..)?);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(range: std::ops::Range<usize>, write: &str) -> Fix {
        Fix {
            file: "a.ftl".into(),
            range,
            write: write.into(),
            message: String::new(),
            position: crate::source::Position { line: 1, column: 1 },
        }
    }

    #[test]
    fn fixes_replace_their_ranges_and_nothing_else() {
        let text = "a = Examens : 2\nb = 6 h 00\n";
        let fixes = [fix(23..24, "\u{a0}"), fix(11..13, "\u{a0}:")];
        assert_eq!(
            apply(text, &fixes).unwrap(),
            "a = Examens\u{a0}: 2\nb = 6 h\u{a0}00\n"
        );
        assert_eq!(apply("é", &[fix(1..2, "x")]), None);
    }
}
