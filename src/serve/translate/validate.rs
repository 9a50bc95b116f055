//! Checking one edit before it is written: the file as it would be, read in place of the file
//! on disk, through the same checks `check` runs, keeping the findings about the edited
//! message or block. Only the language files (for a message) or the page and its source (for
//! a block) are loaded with the edit, so that a check takes milliseconds whatever the size
//! of the site.

use std::path::Path;
use std::sync::Arc;

use serde::Serialize;

use crate::check;
use crate::config::SiteConfig;
use crate::content::PageSource;
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::index::Index;
use crate::l10n::{Locales, Overlay};
use crate::site::Site;
use crate::templates::TemplateSources;

/// What an edit's checks need of the site, kept from the last build.
pub(crate) struct Light {
    root: std::path::PathBuf,
    config: SiteConfig,
    plan: Option<crate::plan::Plan>,
    plan_failed: bool,
    plan_labels: Vec<crate::plan::MessageRef>,
}

impl Light {
    pub(crate) fn of(site: &Site) -> Light {
        Light {
            root: site.root.clone(),
            config: site.config.clone(),
            plan: site.plan.clone(),
            plan_failed: site.plan_failed,
            plan_labels: site.plan_labels.clone(),
        }
    }

    /// The glossary's terms each of `texts` (source texts) holds, with how `code` writes them.
    pub(crate) fn terms(&self, code: &str, texts: &[String]) -> Vec<Vec<crate::check::TermHint>> {
        check::terms_in(&self.root, &self.config, code, texts)
    }

    /// A site with these locales and pages and nothing else (no templates, no other page).
    fn site(&self, locales: Locales, pages: Vec<PageSource>) -> Site {
        Site {
            root: self.root.clone(),
            config: self.config.clone(),
            plan: self.plan.clone(),
            plan_failed: self.plan_failed,
            plan_labels: self.plan_labels.clone(),
            locales: Arc::new(locales),
            pages,
            drafts: Vec::new(),
            unread_pages: Vec::new(),
            templates: TemplateSources {
                files: Vec::new(),
                theme: Vec::new(),
            },
            static_files: Vec::new(),
            root_files: Vec::new(),
            content_files: Vec::new(),
            theme_static: Vec::new(),
            tera: None,
        }
    }
}

/// One finding about an edit, for the panel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// `error` (the edit cannot be saved) or `warning`.
    pub(crate) severity: &'static str,
    pub(crate) code: &'static str,
    pub(crate) message: String,
    /// Line and column in the edited text (the value or the block), 1-based.
    pub(crate) line: Option<usize>,
    pub(crate) column: Option<usize>,
    pub(crate) hint: Option<String>,
}

impl Problem {
    /// `d`, with its position made relative to the edit, which starts at line `first` of
    /// its file.
    fn of(d: &Diagnostic, first: usize) -> Problem {
        let position = d.position.filter(|p| p.line >= first);
        Problem {
            severity: match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            code: d.code.as_str(),
            message: d.message.clone(),
            line: position.map(|p| p.line - first + 1),
            column: position.map(|p| p.column),
            hint: d.hint.clone(),
        }
    }
}

/// Findings that speak of the site around an edit rather than of the edit: left out.
fn is_about_the_edit(d: &Diagnostic) -> bool {
    !matches!(
        d.code,
        Code::UnusedMessage | Code::OutdatedMessage | Code::OutdatedPage
    )
}

/// The findings of the checks about message `id` of language `code`, with `path` (a file
/// of the site) holding `text` in place of what is on disk; `lines` are the lines of the
/// message's entry in `text`.
pub(crate) fn message(
    light: &Light,
    code: &str,
    path: &Path,
    text: &str,
    id: &str,
    lines: std::ops::RangeInclusive<usize>,
) -> Vec<Problem> {
    let overlay = Overlay {
        path: path.to_path_buf(),
        text: text.to_string(),
    };
    let (locales, mut found) = Locales::load_with(&light.root, &light.config, Some(&overlay));
    let site = light.site(locales, Vec::new());
    let index = Index::build(&site.config, &site.pages);
    found.extend(check::check(&site, &index, check::Options::default()));
    let display = crate::source::display_path(&light.root, path);
    let first = *lines.start();
    found
        .iter()
        .filter(|d| is_about_the_edit(d))
        .filter(|d| {
            let here = d.file.as_deref() == Some(display.as_str())
                && d.position.is_some_and(|p| lines.contains(&p.line));
            let about = d.subject.message.as_deref() == Some(id)
                && d.language() == Some(code)
                && d.code != Code::MissingMessage;
            here || about
        })
        .map(|d| Problem::of(d, first))
        .collect()
}

/// The findings of the checks about the block at `lines` of `page` (the language's page as
/// it would be), checked against `source` (the default language's).
pub(crate) fn block(
    light: &Light,
    source: PageSource,
    page: PageSource,
    lines: std::ops::RangeInclusive<usize>,
) -> Vec<Problem> {
    let (locales, _) = Locales::load(&light.root, &light.config);
    let display = page.source.display.clone();
    let site = light.site(locales, vec![source, page]);
    let index = Index::build(&site.config, &site.pages);
    let found = check::check(&site, &index, check::Options::default());
    let first = *lines.start();
    found
        .iter()
        .filter(|d| is_about_the_edit(d))
        .filter(|d| {
            d.file.as_deref() == Some(display.as_str())
                && d.position.is_some_and(|p| lines.contains(&p.line))
        })
        .map(|d| Problem::of(d, first))
        .collect()
}
