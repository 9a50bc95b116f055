//! The load stage: every input of a site, read and parsed, in one value.
//!
//! Loading reads files and parses them; it never formats or renders. Each loader reports
//! its own problems, and all of them are gathered so a run shows every error at once.

use std::path::{Path, PathBuf};

use crate::config::{self, SiteConfig};
use crate::content::{self, PageSource};
use crate::diagnostic::{Code, Diagnostic, Report};
use crate::l10n::Locales;
use crate::plan::{self, Plan};
use crate::source::SourceFile;
use crate::templates::TemplateSources;

pub struct Site {
    pub(crate) root: PathBuf,
    pub config: SiteConfig,
    /// The plan data; `None` for a documentation site without any, or when it has errors.
    pub plan: Option<Plan>,
    /// Whether the plan data has errors (reported when loading): checks that need the plan,
    /// such as a page's tier, are then left out rather than reported against every page.
    pub(crate) plan_failed: bool,
    /// Every label the plan data names, also when it has errors (then the labels of the
    /// parts that could be read), so that missing labels are reported with them.
    pub(crate) plan_labels: Vec<plan::MessageRef>,
    pub(crate) locales: std::sync::Arc<Locales>,
    pub pages: Vec<PageSource>,
    /// The pages left out as drafts ([`content::split_drafts`]): none when drafts are
    /// published ([`LoadOptions::drafts`]).
    pub(crate) drafts: Vec<PageSource>,
    /// The pages that could not be read (language, key), reported when loading: a link to
    /// one is not reported broken as well.
    pub(crate) unread_pages: Vec<(usize, String)>,
    pub(crate) templates: TemplateSources,
    /// The files under `static/`, published as they are (symbolic links left out, and
    /// reported when loading).
    pub(crate) static_files: Vec<PathBuf>,
    /// The files under `root/`, published as they are at the output's root: each with the
    /// path it is published at (`CNAME`, `.well-known/security.txt`). Those that would
    /// replace a generated file are left out, and reported when loading.
    pub(crate) root_files: Vec<(PathBuf, String)>,
    /// The files of the language folders that are not pages (page bundles' images), each
    /// with the path it is published at ([`content::other_files`]).
    pub(crate) content_files: Vec<(PathBuf, String)>,
    /// The theme's static files the site does not replace, by the path they are published
    /// at (`static/style.css`): a site without a `static/` folder still gets its stylesheet.
    pub(crate) theme_static: Vec<(&'static str, &'static [u8])>,
    /// The templates, compiled once with the functions they may call; `None` when they have
    /// errors (reported when loading), so that the other checks still run.
    pub(crate) tera: Option<tera::Tera>,
}

/// How to load a site beyond what its files say.
#[derive(Debug, Default, Clone)]
pub struct LoadOptions {
    /// Add the pseudo-language of `build --pseudo`.
    pub pseudo: bool,
    /// Publish the pages marked `draft: true` (`build --drafts`, `serve`).
    pub(crate) drafts: bool,
    /// Replaces `base_url` of site.yaml (`build --base-url`, for a preview deploy).
    pub(crate) base_url: Option<String>,
    /// Keeps the build out of search engines (`build --noindex`, for a preview deploy).
    pub(crate) noindex: bool,
    /// Marks where each text of a page comes from (`serve --translate`).
    pub(crate) mark_messages: bool,
}

/// Loads a site folder. On error, the report holds every problem found.
pub fn load(root: &Path) -> Result<(Site, Report), Report> {
    load_with(root, &LoadOptions::default())
}

/// Loads a site folder with options.
pub(crate) fn load_with(root: &Path, options: &LoadOptions) -> Result<(Site, Report), Report> {
    match load_partial(root, options) {
        (Some(site), report) if !report.has_errors() => Ok((site, report)),
        (_, report) => Err(report),
    }
}

/// Loads as much of a site as its errors allow: a site comes back whenever its configuration
/// could be read, even with errors elsewhere (the plan is then `None` if its data has errors,
/// a broken Fluent entry or page is left out, the templates are `None` if they do not
/// compile), so that the checks of everything that did load still run.
pub fn load_partial(root: &Path, options: &LoadOptions) -> (Option<Site>, Report) {
    let mut report = Report::default();
    let Some(mut config) = read_config(root, options, &mut report) else {
        return (None, report);
    };
    if options.pseudo {
        crate::l10n::pseudo::add_language(&mut config);
    }
    config.noindex = options.noindex;
    config.mark_messages = options.mark_messages;
    let site = load_sources(root, options, config, &mut report);
    (Some(site), report)
}

/// Reads and checks site.yaml, with `--base-url` in place of its `base_url`; `None` when it
/// cannot be used, the reasons in `report`. A folder without site.yaml is no site at all,
/// which says more than "cannot read".
fn read_config(root: &Path, options: &LoadOptions, report: &mut Report) -> Option<SiteConfig> {
    let config_path = root.join(config::CONFIG_FILE);
    let src = match SourceFile::read(root, &config_path) {
        Ok(src) => src,
        Err(d) => {
            let d = if std::fs::symlink_metadata(&config_path).is_ok() {
                *d
            } else {
                Diagnostic::error(
                    Code::NoSite,
                    format!("no {} in {}", config::CONFIG_FILE, root.display()),
                )
                .hint("run polydocs in a site folder, or pass the folder with --root")
            };
            report.push(d);
            return None;
        }
    };
    let mut c = match config::parse(&src) {
        Ok(c) => c,
        Err(ds) => {
            report.extend(ds);
            return None;
        }
    };
    match &options.base_url {
        Some(url) => match config::override_base_url(&mut c, url) {
            Ok(()) => report.extend(config::base_url_warnings(&c, &src)),
            Err(d) => report.push(*d),
        },
        None => report.extend(config::base_url_warnings(&c, &src)),
    }
    Some(c)
}

/// Loads every source of the site but its configuration, each reporting its own errors in
/// `report`: the plan data, the messages, the pages, the templates and the static files.
fn load_sources(
    root: &Path,
    options: &LoadOptions,
    config: SiteConfig,
    report: &mut Report,
) -> Site {
    let codes = config.codes();
    let (resolved, ds) = plan::load(root, codes);
    let plan_failed = ds.iter().any(Diagnostic::is_error);
    let plan::Resolved { plan, labels } = resolved;
    report.extend(ds);
    let (locales, ds) = Locales::load(root, &config);
    report.extend(ds);
    let (pages, unread_pages, ds) = content::load_all(root, &config);
    report.extend(ds);
    let (pages, drafts) = if options.drafts {
        (pages, Vec::new())
    } else {
        content::split_drafts(pages, config.default)
    };
    let (content_files, ds) = content::other_files(root, &config);
    report.extend(ds);
    let (templates, ds) = TemplateSources::load(root);
    report.extend(ds);
    let (static_files, ds) = static_files(root);
    report.extend(ds);
    let theme_static = theme_static(root, &static_files);
    let (root_files, ds) = root_files(root, &config);
    report.extend(ds);

    // Templates are compiled here, not when rendering, so that a run with other errors
    // reports template errors too.
    let locales = std::sync::Arc::new(locales);
    let tera = templates
        .compile(&locales)
        .map_err(|ds| report.extend(ds))
        .ok();
    Site {
        root: root.to_path_buf(),
        config,
        plan,
        plan_failed,
        plan_labels: labels,
        locales,
        pages,
        drafts,
        unread_pages,
        templates,
        static_files,
        root_files,
        content_files,
        theme_static,
        tera,
    }
}

/// The files of `static/`, listed like every other source, so that a symbolic link there is
/// reported (an error when it leads outside the site) and never published.
pub(crate) fn static_files(root: &Path) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    crate::source::walk(root, &root.join(STATIC_DIR), &[])
}

/// The folder whose files are published at the output's root, as they are.
pub(crate) const ROOT_DIR: &str = "root";

/// The files of `root/` with the path each is published at. A file that would replace or
/// hide what the build writes — the sitemap, `robots.txt`, the 404 page, the home page, a
/// language's folder, `static/` — is refused with an error; symbolic links are reported and
/// never published, as everywhere.
pub(crate) fn root_files(
    root: &Path,
    config: &SiteConfig,
) -> (Vec<(PathBuf, String)>, Vec<Diagnostic>) {
    let dir = root.join(ROOT_DIR);
    let (files, mut diags) = crate::source::walk(root, &dir, &[]);
    let mut kept = Vec::new();
    for file in files {
        let shown = crate::source::display_path(root, &file);
        let Some(published) = published_at(&dir, &file) else {
            diags.push(
                Diagnostic::error(
                    Code::RootFileCollision,
                    format!("{shown} cannot be published at the site's root"),
                )
                .in_file(&shown)
                .hint("give it a plain name of letters, digits, `.`, `-` and `_`"),
            );
            continue;
        };
        if let Some(generated) = generated_at(config, &published) {
            diags.push(
                Diagnostic::error(
                    Code::RootFileCollision,
                    format!("{shown} would be published at /{published}, where the build writes {generated}"),
                )
                .in_file(&shown)
                .hint(
                    "remove or rename it: what the build writes comes from the site's pages, settings and templates",
                ),
            );
            continue;
        }
        kept.push((file, published));
    }
    (kept, diags)
}

/// The output path of `file` under `dir` (`/`-separated), if each part of it is a plain name.
fn published_at(dir: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(dir).ok()?;
    let mut parts = Vec::new();
    for part in relative.components() {
        match part {
            std::path::Component::Normal(name) => parts.push(name.to_str()?),
            _ => return None,
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// What the build writes at `published` (or under its first folder), if anything: compared
/// without case, as file systems of macOS and Windows do.
fn generated_at(config: &SiteConfig, published: &str) -> Option<String> {
    let lower = published.to_ascii_lowercase();
    let first = lower.split('/').next().unwrap_or_default();
    let file = match lower.as_str() {
        "sitemap.xml" => Some("the sitemap"),
        "robots.txt" => Some("robots.txt"),
        "404.html" => Some("the 404 page"),
        "index.html" => Some("the home page (the language chooser)"),
        ".polydocs-output" => Some("the mark of its output folder"),
        _ => None,
    };
    if let Some(file) = file {
        return Some(file.to_string());
    }
    if let Some(lang) = config
        .languages
        .iter()
        .find(|l| l.prefix.eq_ignore_ascii_case(first))
    {
        return Some(format!("the pages of {} (/{}/)", lang.name, lang.prefix));
    }
    if first == STATIC_DIR {
        return Some("the theme's and the site's static files (/static/)".to_string());
    }
    // The preview server's own addresses.
    if first == "__polydocs" {
        return Some("the preview server's own addresses (/__polydocs/)".to_string());
    }
    None
}

/// The theme's static files that no file of the site's `static/` replaces (a site file of
/// the same path wins, as with templates).
pub(crate) fn theme_static(
    root: &Path,
    site_files: &[PathBuf],
) -> Vec<(&'static str, &'static [u8])> {
    let own: std::collections::HashSet<String> = site_files
        .iter()
        .map(|p| crate::source::display_path(root, p))
        .collect();
    crate::theme::THEME_STATIC
        .iter()
        .filter(|(path, _)| !own.contains(*path))
        .copied()
        .collect()
}

/// The folder whose files are published as they are, under the same name.
pub(crate) const STATIC_DIR: &str = "static";

impl Site {
    /// The tiers of the plan (none for a site without plan data).
    pub(crate) fn tiers(&self) -> &[plan::Tier] {
        self.plan.as_ref().map_or(&[], |p| p.tiers.as_slice())
    }

    pub(crate) fn tier_index(&self, id: &str) -> Option<usize> {
        self.plan.as_ref().and_then(|p| p.tier_index(id))
    }
}
