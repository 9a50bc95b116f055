//! Checking and saving one edit: a message's value or a page's block, written into exactly
//! that place of its file, every other byte kept.
//!
//! A save holds the site's source lock (the one `mark` and `new-language` hold), reads the
//! file again, refuses when it changed since the panel showed it (the translator is given the
//! version on disk), checks the file as it would be, and replaces it atomically. It writes
//! only under `locales/<code>/` and `content/<code>/` of the language being translated.

use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::details::{self, base, read};
use super::validate::{self, Problem};
use super::workbench::Workbench;
use crate::translation::{blocks, edit};

/// What the panel sends: the text typed for a message or a block, and the fingerprint of the
/// file it was shown from.
#[derive(Debug, Clone, Deserialize)]
pub struct Edit {
    /// A message ID, or none for a block.
    pub(crate) id: Option<String>,
    /// For a block: the page's address and the block's number, or the front matter field
    /// (`title`, `description`).
    pub(crate) page: Option<String>,
    pub(crate) block: Option<usize>,
    pub(crate) field: Option<String>,
    pub(crate) value: String,
    #[serde(default)]
    pub(crate) base: String,
}

/// What became of a check or a save.
#[derive(Debug, Serialize)]
#[serde(tag = "outcome", rename_all = "kebab-case")]
pub enum Outcome {
    /// The checks' findings; nothing was written.
    Checked { problems: Vec<Problem> },
    /// Written; `problems` holds the warnings.
    Saved {
        file: String,
        problems: Vec<Problem>,
    },
    /// Not written: the edit has errors.
    Refused { problems: Vec<Problem> },
    /// Not written: the file changed on disk since the panel showed it.
    Conflict { file: String, disk: Option<String> },
}

/// A file as it would be after an edit, with what the checks found.
struct Candidate {
    file: String,
    /// The file's text now (`None`: it does not exist yet).
    disk: Option<String>,
    text: String,
    problems: Vec<Problem>,
}

/// Checks `edit` without writing anything.
pub fn check(wb: &Workbench, default: usize, edit: &Edit) -> Result<Outcome, String> {
    let c = candidate(wb, default, edit)?;
    Ok(Outcome::Checked {
        problems: c.problems,
    })
}

/// Checks `edit` and, without errors and when its file is as the panel saw it, writes it.
pub(crate) fn save(wb: &Workbench, default: usize, edit: &Edit) -> Result<Outcome, String> {
    let _lock = crate::source::SourceLock::take(&wb.root)?;
    let c = candidate(wb, default, edit)?;
    if base(c.disk.as_deref()) != edit.base {
        return Ok(Outcome::Conflict {
            file: c.file,
            disk: c.disk,
        });
    }
    if c.problems.iter().any(|p| p.severity == "error") {
        return Ok(Outcome::Refused {
            problems: c.problems,
        });
    }
    let path = writable(&wb.root, &c.file, &wb.code)?;
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", c.file))?;
    }
    crate::source::replace_file(&path, c.text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", c.file))?;
    Ok(Outcome::Saved {
        file: c.file,
        problems: c.problems,
    })
}

fn candidate(wb: &Workbench, default: usize, e: &Edit) -> Result<Candidate, String> {
    match (&e.id, &e.page, e.block) {
        (Some(id), _, _) => message_candidate(wb, id, &e.value),
        (None, Some(page), _) if e.field.is_some() => {
            let field = e.field.as_deref().unwrap_or_default();
            field_candidate(wb, default, page, field, &e.value)
        }
        (None, Some(page), Some(n)) => block_candidate(wb, default, page, n, &e.value),
        _ => Err("say which message (`id`) or which block (`page` and `block`)".to_string()),
    }
}

/// The language's file with message `id` set to `value`.
fn message_candidate(wb: &Workbench, id: &str, value: &str) -> Result<Candidate, String> {
    let m = (wb.messages.get(id)).ok_or_else(|| format!("no message `{id}`"))?;
    let disk = read(&wb.root, &m.file)?;
    let source = read(&wb.root, &m.source_file)?.unwrap_or_default();
    let crlf = disk.as_deref().is_some_and(|t| t.contains("\r\n"));
    let existing =
        (disk.as_deref()).and_then(|t| edit::message_range(t, id).map(|r| t[r].to_string()));
    let entry = edit::entry_text(id, value, existing.as_deref(), crlf);
    let text = match (&disk, &existing) {
        (Some(d), Some(_)) => edit::replace_message(d, id, &entry).unwrap_or_default(),
        // A template `new-language` wrote (`# id = source`) is where the translation goes.
        (Some(d), None) => edit::replace_template(d, id, &entry)
            .unwrap_or_else(|| edit::insert_message(disk.as_deref(), &source, id, &entry)),
        _ => edit::insert_message(disk.as_deref(), &source, id, &entry),
    };
    // Where the entry is in the file as it would be: the checks' findings there are the edit's.
    let written = entry.trim_end_matches(['\n', '\r']);
    let start = (text.find(written))
        .or_else(|| edit::message_range(&text, id).map(|r| r.start))
        .unwrap_or(0);
    let first = line_at(&text, start);
    let last = line_at(&text, start + written.len());
    let mut problems: Vec<Problem> = edit::syntax_errors(&text)
        .into_iter()
        .filter(|s| (first..=last).contains(&s.line))
        .map(|s| Problem {
            severity: "error",
            code: "fluent-syntax",
            message: s.message,
            line: Some(s.line - first + 1),
            column: Some(s.column),
            hint: None,
        })
        .collect();
    if problems.is_empty() {
        let path = wb.root.join(&m.file);
        problems = validate::message(&wb.light, &wb.code, &path, &text, id, first..=last);
    }
    for p in &mut problems {
        p.column = p.column.map(|c| in_value(id, p.line, c));
    }
    Ok(Candidate {
        file: m.file.clone(),
        disk,
        text,
        problems,
    })
}

/// A page file as an edit of it starts: the language's file, or for a page not translated
/// yet the source's, read with line feeds (written back with its own line endings).
struct PageFile<'w> {
    page: &'w super::workbench::Page,
    /// The language's file as it is on disk (`None` until the page is translated).
    disk: Option<String>,
    /// The file the edit starts from, and its language.
    from_file: &'w str,
    lang: usize,
    text: String,
    crlf: bool,
}

impl<'w> PageFile<'w> {
    fn read(wb: &'w Workbench, default: usize, address: &str) -> Result<PageFile<'w>, String> {
        let page = wb
            .page_at(address)
            .ok_or_else(|| format!("no page of {} at {address}", wb.code))?;
        let disk = if page.translated {
            read(&wb.root, &page.file)?
        } else {
            None
        };
        let (from_file, lang) = if page.translated {
            (page.file.as_str(), wb.lang)
        } else {
            (page.source_file.as_str(), default)
        };
        let written = read(&wb.root, from_file)?.ok_or_else(|| format!("{from_file} is gone"))?;
        Ok(PageFile {
            page,
            disk,
            from_file,
            lang,
            crlf: written.contains("\r\n"),
            text: written.replace("\r\n", "\n"),
        })
    }

    /// The language's page as `text` (line feeds), checked at `lines` against its source.
    fn candidate(
        self,
        wb: &Workbench,
        default: usize,
        text: String,
        lines: std::ops::RangeInclusive<usize>,
    ) -> Result<Candidate, String> {
        let page = self.page;
        let source_text = read(&wb.root, &page.source_file)?.unwrap_or_default();
        let source = details::parse(default, &page.key, &page.source_file, &source_text)?;
        let problems = match details::parse(wb.lang, &page.key, &page.file, &text) {
            Ok(candidate) => validate::block(&wb.light, source, candidate, lines),
            Err(e) => vec![Problem {
                severity: "error",
                code: "front-matter",
                message: e,
                line: None,
                column: None,
                hint: None,
            }],
        };
        Ok(Candidate {
            file: page.file.clone(),
            disk: self.disk,
            text: if self.crlf {
                text.replace('\n', "\r\n")
            } else {
                text
            },
            problems,
        })
    }
}

/// The language's page with block `n` set to `value`; for a page not translated yet, the
/// source's page with that block translated (its other blocks stay the source's, and the
/// checks report them as not translated).
fn block_candidate(
    wb: &Workbench,
    default: usize,
    address: &str,
    n: usize,
    value: &str,
) -> Result<Candidate, String> {
    let file = PageFile::read(wb, default, address)?;
    let shown = details::parse(file.lang, &file.page.key, file.from_file, &file.text)?;
    let body = shown.body();
    let ranges = blocks::body_ranges(body);
    let (_, range) = (ranges.get(n))
        .ok_or_else(|| format!("{} has no block {n}; reload the page", file.from_file))?;
    let start = shown.body_start + range.start;
    let end = start + body[range.clone()].trim_end().len();
    let value = value.replace("\r\n", "\n");
    let value = value.trim_end();
    let text = format!("{}{value}{}", &file.text[..start], &file.text[end..]);
    let first = line_at(&text, start);
    let last = first + value.matches('\n').count();
    file.candidate(wb, default, text, first..=last)
}

/// The language's page with its front matter field `name` (`title`, `description`) set to
/// `value`, written on one line; for a page not translated yet, the source's page with that
/// field translated.
fn field_candidate(
    wb: &Workbench,
    default: usize,
    address: &str,
    name: &str,
    value: &str,
) -> Result<Candidate, String> {
    if !matches!(name, "title" | "description") {
        return Err(format!("`{name}` is not a field translate mode edits"));
    }
    let file = PageFile::read(wb, default, address)?;
    let (range, toml) = field_range(&file.text, name).ok_or_else(|| {
        format!(
            "{} has no `{name}` line in its front matter; write it in the file",
            file.from_file
        )
    })?;
    // One line; a no-break space the translator typed (before « : ») is kept.
    let value = value.replace(['\r', '\n'], " ");
    let value = value.trim_matches([' ', '\t']);
    let line = if toml {
        format!("{name} = {}\n", quoted(value))
    } else {
        format!("{name}: {}\n", yaml_scalar(value))
    };
    let text = format!(
        "{}{line}{}",
        &file.text[..range.start],
        &file.text[range.end..]
    );
    let first = line_at(&text, range.start);
    file.candidate(wb, default, text, first..=first)
}

/// Where field `name` is written in a page's front matter (its line, and the indented lines
/// that continue it), and whether the front matter is TOML (`+++`).
fn field_range(text: &str, name: &str) -> Option<(std::ops::Range<usize>, bool)> {
    let mut lines = text.split_inclusive('\n');
    let fence = lines.next()?.trim_end();
    let toml = match fence {
        "---" => false,
        "+++" => true,
        _ => return None,
    };
    let mut at = fence.len() + 1;
    let mut found: Option<std::ops::Range<usize>> = None;
    for line in lines {
        if line.trim_end() == fence {
            break;
        }
        match &mut found {
            Some(range) if line.starts_with([' ', '\t']) => range.end = at + line.len(),
            Some(_) => break,
            None => {
                let rest = line.strip_prefix(name).unwrap_or("");
                let starts = if toml {
                    rest.trim_start().starts_with('=')
                } else {
                    rest.starts_with(':')
                };
                if line.starts_with(name) && starts {
                    found = Some(at..at + line.len());
                }
            }
        }
        at += line.len();
    }
    found.map(|r| (r, toml))
}

/// A string as a double-quoted scalar, which YAML and TOML read alike.
fn quoted(value: &str) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// A YAML scalar for `value`: as it is when YAML reads it back as that text, else quoted.
fn yaml_scalar(value: &str) -> String {
    let plain = !value.is_empty()
        && !value.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`".contains(c))
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.ends_with(':')
        && !matches!(
            value.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "~"
        )
        && value.parse::<f64>().is_err();
    if plain {
        value.to_string()
    } else {
        quoted(value)
    }
}

/// A column of the entry `id = value` (its first line `id = `, the others indented by four
/// spaces, as [`edit::entry_text`] writes them) as a column of the value the translator typed.
fn in_value(id: &str, line: Option<usize>, column: usize) -> usize {
    let indent = if line == Some(1) {
        id.chars().count() + 3
    } else {
        4
    };
    column.saturating_sub(indent).max(1)
}

/// The 1-based line of byte `at` of `text`.
fn line_at(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].matches('\n').count() + 1
}

/// `file` (relative to the site) as a path a save may write: inside `locales/<code>/` or
/// `content/<code>/`, with no `..`, and not through a symbolic link to elsewhere.
pub(crate) fn writable(root: &Path, file: &str, code: &str) -> Result<PathBuf, String> {
    let relative = Path::new(file);
    let inside = [format!("locales/{code}/"), format!("content/{code}/")]
        .iter()
        .any(|prefix| file.starts_with(prefix.as_str()));
    let plain = relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)));
    if !inside || !plain {
        return Err(format!(
            "{file} is not a file of language {code}: translate mode writes only under \
             locales/{code}/ and content/{code}/"
        ));
    }
    let path = root.join(relative);
    let real_root = root.canonicalize().map_err(|e| e.to_string())?;
    let mut folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
    while !folder.exists() {
        folder = match folder.parent() {
            Some(p) => p.to_path_buf(),
            None => break,
        };
    }
    let real = folder.canonicalize().map_err(|e| e.to_string())?;
    if !real.starts_with(&real_root) {
        return Err(format!("{file} leads outside the site"));
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_front_matter_field_is_found_with_its_continuation_lines() {
        let page = "---\ntitle: Horaires\ndescription: >\n  Deux\n  lignes\nweight: 5\n---\nBody\n";
        let (title, toml) = field_range(page, "title").unwrap();
        assert_eq!((&page[title], toml), ("title: Horaires\n", false));
        let (description, _) = field_range(page, "description").unwrap();
        assert_eq!(&page[description], "description: >\n  Deux\n  lignes\n");
        assert!(field_range(page, "titles").is_none());
        assert!(field_range("---\nweight: 1\n---\ntitle: no\n", "title").is_none());
        let toml = "+++\ntitle = \"A\"\n+++\n";
        assert_eq!(field_range(toml, "title").unwrap(), (4..16, true));
    }

    #[test]
    fn a_scalar_is_quoted_only_when_yaml_would_misread_it() {
        assert_eq!(yaml_scalar("Horaires régionaux"), "Horaires régionaux");
        assert_eq!(yaml_scalar("Note : un titre"), "\"Note : un titre\"");
        assert_eq!(yaml_scalar("Étape: une"), "\"Étape: une\"");
        assert_eq!(yaml_scalar("#1 choix"), "\"#1 choix\"");
        assert_eq!(yaml_scalar("yes"), "\"yes\"");
        assert_eq!(yaml_scalar("2024"), "\"2024\"");
        assert_eq!(yaml_scalar("« Elite »"), "« Elite »");
    }

    #[test]
    fn findings_point_into_the_value_as_typed() {
        // `footer-note = Ce site : x`: the space before `:` is column 22 of the file's line,
        // column 8 of the value.
        assert_eq!(in_value("footer-note", Some(1), 22), 8);
        // A continuation line is indented by four spaces in the file.
        assert_eq!(in_value("n", Some(2), 9), 5);
        assert_eq!(in_value("n", Some(1), 2), 1);
    }

    #[test]
    fn only_the_languages_own_folders_are_writable() {
        let root = std::env::temp_dir().join(format!("pd-writable-{}", std::process::id()));
        std::fs::create_dir_all(root.join("locales/fr")).unwrap();
        assert!(writable(&root, "locales/fr/ui.ftl", "fr").is_ok());
        assert!(writable(&root, "content/fr/new/page.md", "fr").is_ok());
        for bad in [
            "locales/en/ui.ftl",
            "site.yaml",
            "locales/fr/../en/ui.ftl",
            "/etc/passwd",
            "content/frx/a.md",
        ] {
            assert!(writable(&root, bad, "fr").is_err(), "{bad}");
        }
        std::fs::remove_dir_all(&root).unwrap();
    }
}
