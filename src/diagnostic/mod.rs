//! Errors and warnings as values: what went wrong, where, and what to do about it.
//!
//! Loaders and validators never print; they return [`Diagnostic`]s, so one run can report every
//! problem at once and `main` decides how to show them. Each diagnostic keeps the source line it
//! points at, so it can be shown with a caret without reading the file again. Its code is a
//! [`Code`], registered in [`codes::CODES`], where `polydocs explain` finds what it means.

pub mod codes;

pub use codes::Code;

use std::fmt;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

use crate::span::{Position, SourceFile};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Severity {
    Error,
    Warning,
}

/// One finding about the site's sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub(crate) severity: Severity,
    /// A stable, short name for the kind of problem (`yaml-syntax`, `unknown-tier`, ...).
    pub code: Code,
    pub(crate) message: String,
    /// The file, relative to the site root.
    pub file: Option<String>,
    pub position: Option<Position>,
    /// The source line at `position` and how many characters the caret spans.
    pub excerpt: Option<(String, usize)>,
    /// What the user should do.
    pub(crate) hint: Option<String>,
    /// What the finding is about, as the check that made it knows it.
    pub(crate) subject: Subject,
    /// For a finding about a message: the pages of its language that show it (`/fr/hours/`),
    /// where a translator sees it; empty when not known.
    pub(crate) pages: Vec<String>,
}

/// What a finding is about (its language, message, page), set by the check that makes it:
/// merges, filters and summaries read this, never the finding's wording, so rewording a
/// message changes nothing else.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Subject {
    /// The code of the language the finding is about (a missing translation is about the
    /// language that lacks it, though it points at the source's file).
    pub(crate) language: Option<String>,
    /// The ID of the Fluent message or term the finding is about.
    pub(crate) message: Option<String>,
    /// The page the finding is about, by its key under `content/<code>/` (`docs/setup.md`).
    pub(crate) page: Option<String>,
}

impl Diagnostic {
    /// An error; `code` must be registered as an error (or as either).
    pub fn error(code: Code, message: impl Into<String>) -> Self {
        Diagnostic::new(Severity::Error, code, message)
    }

    /// A warning; `code` must be registered as a warning (or as either).
    pub(crate) fn warning(code: Code, message: impl Into<String>) -> Self {
        Diagnostic::new(Severity::Warning, code, message)
    }

    /// A finding whose severity depends on the run (`--strict` makes some warnings errors);
    /// `code` must be registered at that level.
    pub(crate) fn new(severity: Severity, code: Code, message: impl Into<String>) -> Self {
        debug_assert!(
            code.level().allows(severity),
            "diagnostic code `{}` is given as {severity:?} but registered as {:?}",
            code.as_str(),
            code.level()
        );
        let message = message.into();
        Diagnostic {
            severity,
            code,
            message,
            file: None,
            position: None,
            excerpt: None,
            hint: None,
            subject: Subject::default(),
            pages: Vec::new(),
        }
    }

    /// Says which language the finding is about.
    pub(crate) fn in_language(mut self, code: &str) -> Self {
        self.subject.language = Some(code.to_string());
        self
    }

    /// Says which message (by its ID) the finding is about.
    pub(crate) fn about_message(mut self, id: &str) -> Self {
        self.subject.message = Some(id.to_string());
        self
    }

    /// Says which page (by its key under `content/<code>/`) the finding is about.
    pub(crate) fn about_page(mut self, key: &str) -> Self {
        self.subject.page = Some(key.to_string());
        self
    }

    /// The language the finding is about: the one its check gave it, else the language
    /// folder of its file (`locales/fr/…`, `content/fr/…`) for the findings of the readers,
    /// which see a file before anyone knows its language, else none (site-wide files).
    pub(crate) fn language(&self) -> Option<&str> {
        self.subject.language.as_deref().or_else(|| {
            let file = self.file.as_deref()?;
            let rest = file
                .strip_prefix("locales/")
                .or_else(|| file.strip_prefix("content/"))?;
            rest.split_once('/').map(|(code, _)| code)
        })
    }

    /// Names the file without a position (the whole file is concerned).
    pub(crate) fn in_file(mut self, file: &str) -> Self {
        self.file = Some(file.to_string());
        self
    }

    /// Points at a position in a source file, keeping its line for the caret.
    pub(crate) fn at(self, source: &SourceFile, position: Position) -> Self {
        self.spanning(source, position, 1)
    }

    /// Points at `width` characters from `position`.
    pub fn spanning(mut self, source: &SourceFile, position: Position, width: usize) -> Self {
        self.file = Some(source.display.clone());
        self.position = Some(position);
        self.excerpt = Some((source.line_text(position.line).to_string(), width.max(1)));
        self
    }

    /// Points at a byte range of a source file.
    pub(crate) fn at_range(self, source: &SourceFile, range: std::ops::Range<usize>) -> Self {
        let position = source.position(range.start);
        let end = range.end.min(source.text.len()).max(range.start);
        let width = source
            .text
            .get(range.start..end)
            .map_or(1, |s| s.split('\n').next().unwrap_or("").chars().count());
        self.spanning(source, position, width)
    }

    pub(crate) fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column`, or as much of it as is known.
    pub fn location(&self) -> String {
        match (&self.file, self.position) {
            (Some(f), Some(p)) => format!("{f}:{}:{}", p.line, p.column),
            (Some(f), None) => f.clone(),
            _ => String::new(),
        }
    }

    /// The diagnostic as a terminal report with the source line and a caret.
    pub fn render(&self, color: bool) -> String {
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let title = level.primary_title(&self.message).id(self.code.as_str());
        let group = match (&self.file, self.position, &self.excerpt) {
            (Some(file), Some(pos), Some((line, width))) => {
                let start = char_to_byte(line, pos.column - 1);
                let end = char_to_byte(line, pos.column - 1 + width).max(start);
                let end = if end == start {
                    (start + 1).min(line.len())
                } else {
                    end
                };
                let label = self.hint.as_deref().unwrap_or("");
                title.element(
                    Snippet::source(line.as_str())
                        .line_start(pos.line)
                        .path(file.as_str())
                        .fold(false)
                        .annotation(AnnotationKind::Primary.span(start..end).label(label)),
                )
            }
            (Some(file), _, _) => {
                let mut group = title.element(annotate_snippets::Origin::path(file.as_str()));
                if let Some(hint) = &self.hint {
                    group = group.element(Level::HELP.message(hint.as_str()));
                }
                group
            }
            _ => {
                let mut group = annotate_snippets::Group::with_title(title);
                if let Some(hint) = &self.hint {
                    group = group.element(Level::HELP.message(hint.as_str()));
                }
                group
            }
        };
        let group = match self.shown_on() {
            Some(shown) => group.element(Level::NOTE.message(shown)),
            None => group,
        };
        renderer.render(&[group])
    }

    /// "shown on /fr/, /fr/compare/ and 13 more pages", when the pages are known.
    pub(crate) fn shown_on(&self) -> Option<String> {
        const LISTED: usize = 3;
        let (first, more) = self.pages.split_at(self.pages.len().min(LISTED));
        let listed = first.join(", ");
        match more.len() {
            _ if first.is_empty() => None,
            0 => Some(format!("shown on {listed}")),
            1 => Some(format!("shown on {listed} and 1 more page")),
            n => Some(format!("shown on {listed} and {n} more pages")),
        }
    }
}

impl fmt::Display for Diagnostic {
    /// One line: `file:line:col: error[code]: message (hint)`, for logs and tests.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let location = self.location();
        if !location.is_empty() {
            write!(f, "{location}: ")?;
        }
        write!(f, "{kind}[{}]: {}", self.code.as_str(), self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " (hint: {hint})")?;
        }
        Ok(())
    }
}

fn char_to_byte(line: &str, chars: usize) -> usize {
    line.char_indices()
        .nth(chars)
        .map_or(line.len(), |(i, _)| i)
}

/// The number of single-character edits between two words (Levenshtein), to suggest the name
/// a typo was meant to be.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Past this many warnings of one code in one language, a run's output (`build`, `serve`'s
/// terminal and its overlay) shows a few and counts the rest: a new language's hundred
/// missing messages must not bury a real problem. `check --lang CODE` lists them all.
pub(crate) const SHOWN_PER_GROUP: usize = 10;

/// How many warnings of a group cut short are still shown.
const SHOWN_OF_LONG_GROUP: usize = 3;

/// Diagnostics as a run shows them: every error, and the warnings with long runs of one code
/// in one language cut short.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Capped {
    /// What is shown, in the order given.
    pub(crate) shown: Vec<Diagnostic>,
    /// One line per group cut short: how many more, and the command that lists them.
    pub(crate) more: Vec<String>,
    /// Every error given.
    pub(crate) errors: usize,
    /// Every warning given, shown or not.
    pub(crate) warnings: usize,
}

/// Cuts long runs of warnings of one code in one language short (see [`SHOWN_PER_GROUP`]).
pub(crate) fn cap_warnings(diagnostics: &[Diagnostic]) -> Capped {
    use std::collections::BTreeMap;
    let mut groups: BTreeMap<(Option<&str>, &str), usize> = BTreeMap::new();
    for d in diagnostics.iter().filter(|d| !d.is_error()) {
        *groups.entry((d.language(), d.code.as_str())).or_default() += 1;
    }
    let mut counted: BTreeMap<(Option<&str>, &str), usize> = BTreeMap::new();
    let shown: Vec<Diagnostic> = diagnostics
        .iter()
        .filter(|d| {
            if d.is_error() || groups[&(d.language(), d.code.as_str())] <= SHOWN_PER_GROUP {
                return true;
            }
            let n = counted.entry((d.language(), d.code.as_str())).or_default();
            *n += 1;
            *n <= SHOWN_OF_LONG_GROUP
        })
        .cloned()
        .collect();
    let more = groups
        .iter()
        .filter(|(_, n)| **n > SHOWN_PER_GROUP)
        .map(|((lang, code), count)| {
            let (of, option) = match lang {
                Some(lang) => (format!(" in {lang}"), format!(" --lang {lang}")),
                None => (String::new(), String::new()),
            };
            format!(
                "… and {} more `{code}` warnings{of}: `polydocs check{option}` lists them all.",
                count - SHOWN_OF_LONG_GROUP
            )
        })
        .collect();
    let warnings = groups.values().sum();
    Capped {
        shown,
        more,
        errors: diagnostics.len() - warnings,
        warnings,
    }
}

/// Diagnostics of one run, gathered from every stage.
#[derive(Debug, Default)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub(crate) fn push(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    pub(crate) fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.diagnostics.extend(ds);
    }

    pub(crate) fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Sorted by file and position so that output is stable from run to run.
    pub(crate) fn sorted(mut self) -> Vec<Diagnostic> {
        self.diagnostics.sort_by(|a, b| {
            (&a.file, a.position, a.severity, &a.message)
                .cmp(&(&b.file, b.position, b.severity, &b.message))
        });
        self.diagnostics.dedup();
        self.diagnostics
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance("tier-busines", "tier-business"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn the_language_of_a_finding() {
        let d = Diagnostic::warning(Code::EmptyValue, "y").in_file("locales/fr/ui.ftl");
        assert_eq!(d.language(), Some("fr"));
        assert_eq!(d.clone().in_language("de").language(), Some("de"));
        let about = d.in_language("fr").about_message("nav-label");
        assert_eq!(
            about.subject,
            Subject {
                language: Some("fr".into()),
                message: Some("nav-label".into()),
                page: None,
            }
        );
        let site_wide = Diagnostic::warning(Code::MissingLocale, "y").in_file("site.yaml");
        assert_eq!(site_wide.language(), None);
    }

    #[test]
    fn renders_file_line_column_caret_and_hint() {
        let src = SourceFile::from_text("content/tiers.yaml", "tiers:\n  - id: gold\n");
        let d = Diagnostic::error(Code::UnknownTier, "unknown tier `gold`")
            .spanning(&src, Position { line: 2, column: 9 }, 4)
            .hint("use one of the tier IDs in content/tiers.yaml");
        let text = d.render(false);
        assert!(text.contains("content/tiers.yaml:2:9"), "{text}");
        assert!(text.contains("  - id: gold"), "{text}");
        assert!(text.contains("^^^^"), "{text}");
        assert!(text.contains("use one of the tier IDs"), "{text}");
        assert_eq!(
            d.to_string(),
            "content/tiers.yaml:2:9: error[unknown-tier]: unknown tier `gold` (hint: use one of the tier IDs in content/tiers.yaml)"
        );
    }
}
