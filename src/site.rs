//! The load stage: every input of a site, read and parsed, in one value.
//!
//! Loading reads files and parses them; it never formats or renders. Each loader reports
//! its own problems, and all of them are gathered so a run shows every error at once.

use std::path::{Path, PathBuf};

use crate::config::{self, SiteConfig};
use crate::content::{self, PageSource};
use crate::diagnostic::{Diagnostic, Report};
use crate::l10n::Locales;
use crate::plan::{self, Plan};
use crate::source::SourceFile;
use crate::templates::TemplateSources;

pub struct Site {
    pub root: PathBuf,
    pub config: SiteConfig,
    /// The plan data; `None` for a documentation site without any.
    pub plan: Option<Plan>,
    pub locales: std::sync::Arc<Locales>,
    pub pages: Vec<PageSource>,
    pub templates: TemplateSources,
    /// The files under `static/`, published as they are (symbolic links left out, and
    /// reported when loading).
    pub static_files: Vec<PathBuf>,
    /// The templates, compiled once with the functions they may call.
    pub tera: tera::Tera,
}

/// How to load a site beyond what its files say.
#[derive(Debug, Default, Clone)]
pub struct LoadOptions {
    /// Add the pseudo-language of `build --pseudo`.
    pub pseudo: bool,
}

/// Loads a site folder. On error, the report holds every problem found.
pub fn load(root: &Path) -> Result<(Site, Report), Report> {
    load_with(root, &LoadOptions::default())
}

/// Loads a site folder with options.
pub fn load_with(root: &Path, options: &LoadOptions) -> Result<(Site, Report), Report> {
    match load_partial(root, options) {
        (Some(site), report) if !report.has_errors() => Ok((site, report)),
        (_, report) => Err(report),
    }
}

/// Loads as much of a site as its errors allow, for `check`: a site comes back whenever its
/// configuration and templates could be read, even with errors elsewhere (the plan is then
/// `None` if its data has errors, and a broken Fluent entry is left out), so that the
/// translators' checks still run.
pub fn load_partial(root: &Path, options: &LoadOptions) -> (Option<Site>, Report) {
    let mut report = Report::default();
    let config_path = root.join(config::CONFIG_FILE);
    let config = match SourceFile::read(root, &config_path) {
        Ok(src) => match config::parse(&src) {
            Ok(c) => Some(c),
            Err(ds) => {
                report.extend(ds);
                None
            }
        },
        Err(d) => {
            let d = if std::fs::symlink_metadata(&config_path).is_ok() {
                *d
            } else {
                Diagnostic::error(
                    "no-site",
                    format!("no {} in {}", config::CONFIG_FILE, root.display()),
                )
                .hint("run polydocs in a site folder, or pass the folder with --root")
            };
            report.push(d);
            None
        }
    };
    let Some(mut config) = config else {
        return (None, report);
    };
    if options.pseudo {
        config.add_pseudo_language();
    }

    let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
    let (plan, ds) = plan::load(root, codes);
    report.extend(ds);
    let (locales, ds) = Locales::load(root, &config);
    report.extend(ds);
    let (pages, ds) = content::load(root, &config);
    report.extend(ds);
    let (templates, ds) = TemplateSources::load(root);
    report.extend(ds);
    let (static_files, ds) = static_files(root);
    report.extend(ds);

    // Templates are compiled here, not when rendering, so that `check` and a run with other
    // errors report template errors too.
    let locales = std::sync::Arc::new(locales);
    let functions = std::sync::Arc::clone(&locales);
    let tera = templates
        .compile(&|t| crate::render::register_functions(t, std::sync::Arc::clone(&functions)))
        .map_err(|ds| report.extend(ds))
        .ok();
    let site = tera.map(|tera| Site {
        root: root.to_path_buf(),
        config,
        plan,
        locales,
        pages,
        templates,
        static_files,
        tera,
    });
    (site, report)
}

/// The files of `static/`, listed like every other source, so that a symbolic link there is
/// reported (an error when it leads outside the site) and never published.
pub fn static_files(root: &Path) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    crate::source::walk(root, &root.join(STATIC_DIR), &[])
}

/// The folder whose files are published as they are, under the same name.
pub const STATIC_DIR: &str = "static";

impl Site {
    /// The tiers of the plan (none for a site without plan data).
    pub fn tiers(&self) -> &[plan::Tier] {
        self.plan.as_ref().map_or(&[], |p| p.tiers.as_slice())
    }

    pub fn tier_index(&self, id: &str) -> Option<usize> {
        self.plan.as_ref().and_then(|p| p.tier_index(id))
    }
}
