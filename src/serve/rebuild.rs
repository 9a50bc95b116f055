//! Building the preview: the whole site first, then for each batch of edits only what the
//! edits can have changed.
//!
//! What depends on what:
//! - `site.yaml`, templates and plan data reach every page: everything is loaded and rendered.
//! - A `.ftl` file of language L reaches the pages of every language whose fallback chain
//!   holds L (the default language's reach every language): only the locales are loaded
//!   again, and those languages rendered.
//! - A Markdown page's body appears on that page only, in every language that shows it (its
//!   own, and those that fall back to it): only that page is rendered. Its front matter
//!   (title, description, weight, template, tier) also appears in the navigation, section
//!   lists and breadcrumbs of its language: those languages are rendered. A page added or
//!   removed changes the routes: everything is rendered.
//! - `static/` is copied again, and nothing rendered unless a fingerprinted file changed (its
//!   new name is in every page): then everything is rendered.
//!
//! Partial builds always start from the last good build, whose site is kept loaded; after a
//! failed build the next one is full. Validation always runs on the whole site (it is cheap),
//! and the site files (language chooser, 404 pages, sitemap) are rendered with any change.
//!
//! Before the pipeline runs, the pages a reload waits for may be rendered and published first
//! ([`super::early`]); the pipeline then builds on that early output.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use super::changes::Changes;
use super::early;
use super::open::OpenPages;
use super::output::{Collector, Output};
use crate::check;
use crate::content::{self, PageSource};
use crate::diagnostic::{Diagnostic, Report};
use crate::index::{Index, Published};
use crate::l10n::Locales;
use crate::pipeline;
use crate::render::{Scope, Written};
use crate::site::{self, Site};
use crate::source::SourceFile;

/// Pages are served from the root of the preview server, whatever `base_url` the site is
/// published under: canonical links and the 404 pages' links start at `/`.
const PREVIEW_BASE_URL: &str = "/";

/// What a successful build produced.
pub struct Built {
    pub output: Output,
    /// Files that differ from the previous output.
    pub changed: Vec<String>,
    /// Files that differ from the early output, when there was one (else `changed`): what
    /// pages are told when `output` is published, the early pages having been told already.
    pub(crate) news: Vec<String>,
    pub(crate) written: Written,
    /// What was rendered: `everything`, `the fr pages`, `2 pages`, `static files`, `nothing`.
    pub scope: String,
    /// Every warning of the build: the same findings `check` reports.
    pub(crate) warnings: Vec<Diagnostic>,
    /// Time spent reading what changed, then checking and rendering it.
    pub(crate) load_ms: f64,
    pub(crate) render_ms: f64,
}

pub struct Builder {
    root: PathBuf,
    /// Translate mode: pages are rendered with their marks ([`crate::marks`]), and the
    /// desk learns what each build says of the language before any page reloads.
    desk: Option<Arc<super::translate::Desk>>,
    /// The last good build: its site, to load only what changes, its index, to know which
    /// languages show an edited page, and what its pages publish, for the link checks of a
    /// partial build.
    good: Option<Good>,
}

/// Where a build publishes the pages it renders first ([`early`]).
pub(crate) struct First<'a> {
    /// The files open in a browser.
    pub(crate) open: &'a OpenPages,
    /// Publishes the early output and the files it changed, and returns the output as served,
    /// which the rest of the build starts from.
    pub(crate) publish: &'a mut dyn FnMut(Output, &[String]) -> Arc<Output>,
}

struct Good {
    site: Site,
    index: Index,
    published: Published,
}

/// How the Markdown pages differ between two loads.
#[derive(Debug, PartialEq, Eq)]
enum PageDiff {
    /// A page was added, removed or renamed.
    Routes,
    /// Indices (into the new pages) of pages whose front matter changed, and of pages whose
    /// body alone changed.
    Pages { front: Vec<usize>, body: Vec<usize> },
}

impl Builder {
    pub fn new(root: &Path) -> Builder {
        Builder {
            root: root.to_path_buf(),
            desk: None,
            good: None,
        }
    }

    /// A builder for translate mode ([`super::translate`]).
    pub(crate) fn translating(mut self, desk: Option<Arc<super::translate::Desk>>) -> Builder {
        self.desk = desk;
        self
    }

    /// Builds what `changes` affects on top of `previous`, the output of the last good build,
    /// through the same pipeline as `build` and `check`. On error the diagnostics are sorted,
    /// and the next build will be a full one.
    pub fn build(
        &mut self,
        changes: &Changes,
        previous: Arc<Output>,
    ) -> Result<Built, Vec<Diagnostic>> {
        self.build_first(changes, previous, None)
    }

    /// [`build`](Self::build), first rendering and publishing through `first` the pages a
    /// reload waits for. When the build then fails, the early output must not stay served.
    pub(crate) fn build_first(
        &mut self,
        changes: &Changes,
        previous: Arc<Output>,
        first: Option<First>,
    ) -> Result<Built, Vec<Diagnostic>> {
        let started = Instant::now();
        let mut report = Report::default();
        let (loaded, published) = self.load(changes, &mut report);
        let Some((site, scopes)) = loaded else {
            return Err(report.sorted());
        };
        let scope = scope_of(&scopes, &site, &previous);
        // The states a reloaded page shows come from the sources just loaded, before any
        // page is published.
        if let Some(desk) = &self.desk
            && !report.has_errors()
        {
            desk.built(&site, &Index::of(&site));
        }
        let load_ms = ms(started);
        let rendering = Instant::now();
        let last_good = Arc::clone(&previous);
        let (previous, published_early) = match first {
            Some(first) if !report.has_errors() => publish_first(&site, &scope, first, previous),
            _ => (previous, false),
        };
        let (outcome, collector) = render(&site, report, &scope, previous, published)?;
        let render_ms = ms(rendering);
        let (output, news) = collector.finish();
        let changed = if published_early {
            output.differences(&last_good)
        } else {
            news.clone()
        };
        let describe = describe(&scopes, &site);
        let written = outcome.written.unwrap_or_default();
        self.good = Some(Good {
            site,
            index: outcome.index,
            published: outcome.published,
        });
        Ok(Built {
            output,
            changed,
            news,
            written,
            scope: describe,
            warnings: outcome.report.sorted(),
            load_ms,
            render_ms,
        })
    }

    /// The site with `changes` applied, and the scopes they touch: reloaded in part from the
    /// last good build, or whole (after a failed build, or when everything changed). The
    /// addresses published so far go with a partial load only.
    fn load(
        &mut self,
        changes: &Changes,
        report: &mut Report,
    ) -> (Option<(Site, Vec<Scope>)>, Published) {
        match self.good.take() {
            Some(good) if !changes.everything => {
                let published = good.published;
                (
                    partial_load(good.site, &good.index, changes, report),
                    published,
                )
            }
            _ => (
                full_load(&self.root, self.desk.is_some(), report),
                Published::default(),
            ),
        }
    }
}

/// The one scope the pipeline renders for a batch of edits. A static change whose files got
/// new fingerprinted names renders every page, since the pages name them.
fn scope_of(scopes: &[Scope], site: &Site, previous: &Output) -> Scope {
    let scope = if scopes.contains(&Scope::All) {
        Scope::All
    } else {
        // One partial scope at a time through the pipeline; several are rare (a batch
        // editing a locale and a page): render the languages and pages together.
        merge(scopes)
    };
    if scope == Scope::Static && !same_asset_names(site, previous) {
        Scope::All
    } else {
        scope
    }
}

/// Renders and publishes the pages open in a browser before the rest; gives the output the
/// rest of the build starts from, and whether anything was published early.
fn publish_first(
    site: &Site,
    scope: &Scope,
    first: First,
    previous: Arc<Output>,
) -> (Arc<Output>, bool) {
    match early::render_first(site, scope, first.open, Arc::clone(&previous)) {
        Some((output, changed)) => ((first.publish)(output, &changed), true),
        None => (previous, false),
    }
}

/// Renders `scope` through the pipeline of `build`, on top of `previous`: a partial scope
/// keeps the rest of it (all but `static/` for a static change), a full one starts afresh.
fn render(
    site: &Site,
    report: Report,
    scope: &Scope,
    previous: Arc<Output>,
    published: Published,
) -> Result<(pipeline::Outcome, Collector), Vec<Diagnostic>> {
    let collector = match scope {
        Scope::All => Collector::fresh(previous),
        Scope::Static => Collector::copy_of(previous, &["static/"]),
        _ => Collector::copy_of(previous, &[]),
    };
    let outcome = pipeline::process(
        site,
        report,
        check::Options::default(),
        scope,
        &collector,
        published,
    );
    if outcome.failed() {
        return Err(outcome.report.sorted());
    }
    Ok((outcome, collector))
}

/// Whether every fingerprinted name of the static files as they are now was published by the
/// previous build: then no page names a file differently, and copying `static/` again is
/// enough. A changed stylesheet, script or image gets a new name, which the pages must name.
fn same_asset_names(site: &Site, previous: &Output) -> bool {
    crate::render::read_assets(site)
        .is_ok_and(|assets| assets.names.values().all(|name| previous.contains(name)))
}

/// The scopes of one batch of edits as one: the union of the languages and of the pages (a
/// static change alone renders no page; with others, `static/` is copied again too).
fn merge(scopes: &[Scope]) -> Scope {
    let mut languages = Vec::new();
    let mut pages = Vec::new();
    let mut statics = false;
    for scope in scopes {
        match scope {
            Scope::Languages(ls) => languages.extend(ls),
            Scope::Pages(ps) | Scope::PagesOnly(ps) => pages.extend(ps),
            Scope::Static => statics = true,
            Scope::All => return Scope::All,
        }
    }
    match (languages.is_empty(), pages.is_empty(), statics) {
        (true, true, true) => Scope::Static,
        (_, _, true) => Scope::All,
        (false, false, _) => Scope::All,
        (true, false, _) => Scope::Pages(pages),
        (_, true, _) => Scope::Languages(languages),
    }
}

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

/// Loads the whole site as `build` and `check` do, as far as its errors allow: with an error
/// in one file, the checks of everything else still run, so that the preview reports what
/// `check` reports (a strict load here once hid every check behind the first load error).
fn full_load(root: &Path, mark_messages: bool, report: &mut Report) -> Option<(Site, Vec<Scope>)> {
    // Drafts are previewed, marked as such.
    let options = site::LoadOptions {
        drafts: true,
        mark_messages,
        ..site::LoadOptions::default()
    };
    let (site, loaded) = pipeline::load(root, &options);
    report.extend(loaded.diagnostics);
    let mut site = site?;
    site.config.base_url = PREVIEW_BASE_URL.to_string();
    Some((site, vec![Scope::All]))
}

/// Loads again what `changes` names into the last good site, and says what to render.
fn partial_load(
    mut site: Site,
    index: &Index,
    changes: &Changes,
    report: &mut Report,
) -> Option<(Site, Vec<Scope>)> {
    let mut scopes = Vec::new();
    if !changes.locales.is_empty() {
        site = reload_locales(site, report)?;
        let changed: Vec<usize> = changes
            .locales
            .iter()
            .filter_map(|code| site.config.language_index(code))
            .collect();
        let languages = site
            .config
            .languages
            .iter()
            .enumerate()
            .filter(|(_, l)| l.chain.iter().any(|c| changed.contains(c)))
            .map(|(i, _)| i)
            .collect();
        scopes.push(Scope::Languages(languages));
    }
    if !changes.pages.is_empty() {
        scopes.extend(reload_pages(&mut site, index, &changes.pages, report)?);
    }
    if changes.static_files {
        let (files, ds) = site::static_files(&site.root);
        let failed = ds.iter().any(Diagnostic::is_error);
        report.extend(ds);
        if failed {
            return None;
        }
        site.theme_static = site::theme_static(&site.root, &files);
        site.static_files = files;
        scopes.push(Scope::Static);
    }
    Some((site, scopes))
}

/// Reads again the pages `paths` names into `site`, and says what to render: the pages
/// edited (and the translations that say whether they are older than an edited source), the
/// languages whose navigation shows an edited front matter, or everything when pages were
/// added or removed. `None` when a page does not load.
fn reload_pages(
    site: &mut Site,
    index: &Index,
    paths: &BTreeSet<String>,
    report: &mut Report,
) -> Option<Vec<Scope>> {
    let mut scopes = Vec::new();
    let diff = match edited_pages(site, paths) {
        Some(edited) => reread_pages(site, edited, report)?,
        None => {
            let (pages, ds) = content::load(&site.root, &site.config);
            let failed = ds.iter().any(Diagnostic::is_error);
            report.extend(ds);
            if failed {
                return None;
            }
            let diff = diff_pages(&site.pages, &pages);
            site.pages = pages;
            diff
        }
    };
    match diff {
        PageDiff::Routes => scopes.push(Scope::All),
        PageDiff::Pages { front, mut body } => {
            // A translation says whether it is older than its source: an edit of a source
            // page re-renders the pages translated from it.
            let default = site.config.default;
            let edited: Vec<&str> = front
                .iter()
                .chain(&body)
                .map(|&i| &site.pages[i])
                .filter(|p| p.lang == default)
                .map(|p| p.key.as_str())
                .collect();
            let translations: Vec<usize> = site
                .pages
                .iter()
                .enumerate()
                .filter(|(_, p)| p.lang != default && edited.contains(&p.key.as_str()))
                .map(|(i, _)| i)
                .filter(|i| !body.contains(i))
                .collect();
            body.extend(translations);
            if !front.is_empty() {
                // The languages that show these pages; routes are unchanged, as no page
                // was added or removed.
                let languages: BTreeSet<usize> = index
                    .routes
                    .all()
                    .filter(|(_, r)| front.contains(&r.page))
                    .map(|(_, r)| r.lang)
                    .collect();
                scopes.push(Scope::Languages(languages.into_iter().collect()));
            }
            if !body.is_empty() {
                scopes.push(Scope::Pages(body));
            }
        }
    }
    Some(scopes)
}

/// The site with its locales read again, and its templates compiled against them (the `t()`
/// function holds the locales it formats with).
fn reload_locales(mut site: Site, report: &mut Report) -> Option<Site> {
    let (locales, ds) = Locales::load(&site.root, &site.config);
    let failed = ds.iter().any(Diagnostic::is_error);
    report.extend(ds);
    if failed {
        return None;
    }
    let locales = Arc::new(locales);
    site.tera = Some(
        site.templates
            .compile(&locales)
            .map_err(|ds| report.extend(ds))
            .ok()?,
    );
    site.locales = locales;
    Some(site)
}

/// When the changed paths only edit pages the site already has: the index of each such page
/// with its file. Paths that cannot hold a page (an editor's temporary file, gone by now) are
/// left out. `None` when a page or a folder of pages may have been added, removed or renamed,
/// which only loading every page again reveals.
fn edited_pages(site: &Site, paths: &BTreeSet<String>) -> Option<Vec<(usize, PathBuf)>> {
    let mut edited = Vec::new();
    for rel in paths {
        let (code, key) = rel.strip_prefix("content/")?.split_once('/')?;
        let Some(lang) = site.config.language_index(code) else {
            continue; // not a language of the site: its pages are not loaded
        };
        let path = site.root.join(rel);
        if path.is_dir() {
            return None;
        }
        if key.ends_with(".md") {
            let index = site
                .pages
                .iter()
                .position(|p| p.lang == lang && p.key == key)?;
            edited.push((path.is_file().then_some(index)?, path));
        } else {
            let folder = format!("{key}/");
            if site
                .pages
                .iter()
                .any(|p| p.lang == lang && p.key.starts_with(&folder))
            {
                return None;
            }
        }
    }
    Some(edited)
}

/// Reads the edited pages again, in place, and tells front matter edits from body edits.
fn reread_pages(
    site: &mut Site,
    edited: Vec<(usize, PathBuf)>,
    report: &mut Report,
) -> Option<PageDiff> {
    let mut front = Vec::new();
    let mut body = Vec::new();
    for (index, path) in edited {
        let old = &site.pages[index];
        let page = SourceFile::read(&site.root, &path)
            .and_then(|source| content::parse_page(old.lang, old.key.clone(), source))
            .map_err(|d| report.push(*d))
            .ok()?;
        match page_edit(old, &page) {
            Some(Edit::Front) => front.push(index),
            Some(Edit::Body) => body.push(index),
            None => {}
        }
        site.pages[index] = page;
    }
    Some(PageDiff::Pages { front, body })
}

enum Edit {
    Front,
    Body,
}

/// What changed between two versions of a page, if anything.
fn page_edit(old: &PageSource, new: &PageSource) -> Option<Edit> {
    if old.source.text == new.source.text {
        None
    } else if old.source.text[..old.body_start] == new.source.text[..new.body_start] {
        Some(Edit::Body)
    } else {
        Some(Edit::Front)
    }
}

/// Compares two loads of the pages by language and key, then by text.
fn diff_pages(old: &[PageSource], new: &[PageSource]) -> PageDiff {
    let index = |pages: &[PageSource]| -> BTreeMap<(usize, String), usize> {
        pages
            .iter()
            .enumerate()
            .map(|(i, p)| ((p.lang, p.key.clone()), i))
            .collect()
    };
    let (old_index, new_index) = (index(old), index(new));
    if old.len() != new.len() || !old_index.keys().eq(new_index.keys()) {
        return PageDiff::Routes;
    }
    let mut front = Vec::new();
    let mut body = Vec::new();
    for (key, &n) in &new_index {
        match page_edit(&old[old_index[key]], &new[n]) {
            Some(Edit::Front) => front.push(n),
            Some(Edit::Body) => body.push(n),
            None => {}
        }
    }
    PageDiff::Pages { front, body }
}

fn describe(scopes: &[Scope], site: &Site) -> String {
    let parts: Vec<String> = scopes
        .iter()
        .map(|s| match s {
            Scope::All => "everything".to_string(),
            Scope::Languages(ls) if ls.is_empty() => "the site files".to_string(),
            Scope::Languages(ls) => {
                let codes: Vec<&str> = ls
                    .iter()
                    .map(|&l| site.config.languages[l].code.as_str())
                    .collect();
                format!("the {} pages", codes.join(", "))
            }
            Scope::Pages(ps) | Scope::PagesOnly(ps) if ps.len() == 1 => {
                format!("{} page", ps.len())
            }
            Scope::Pages(ps) | Scope::PagesOnly(ps) => format!("{} pages", ps.len()),
            Scope::Static => "static files".to_string(),
        })
        .collect();
    if parts.is_empty() {
        "nothing".to_string()
    } else {
        parts.join(" and ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config;

    fn pages(files: &[(&str, &str)]) -> Vec<PageSource> {
        let yaml = "default_language: en\nbase_url: /\noutput: public\nlanguages:\n  - code: en\n    tag: en\n    name: English\n";
        let config = config::parse(&SourceFile::from_text("site.yaml", yaml)).unwrap();
        static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "polydocs-serve-diff-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
        ));
        for (key, text) in files {
            let path = dir.join("content/en").join(key);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let (pages, ds) = content::load(&dir, &config);
        let _ = std::fs::remove_dir_all(&dir);
        assert!(ds.is_empty(), "{ds:?}");
        pages
    }

    #[test]
    fn page_edits_are_told_apart() {
        let a = "---\ntitle: A\n---\nBody\n";
        let b = "---\ntitle: B\n---\nBody\n";
        let before = pages(&[("_index.md", a), ("x.md", b)]);
        assert_eq!(
            diff_pages(&before, &pages(&[("_index.md", a), ("x.md", b)])),
            PageDiff::Pages {
                front: vec![],
                body: vec![]
            }
        );
        assert_eq!(
            diff_pages(
                &before,
                &pages(&[("_index.md", a), ("x.md", "---\ntitle: B\n---\nNew body\n")])
            ),
            PageDiff::Pages {
                front: vec![],
                body: vec![1]
            }
        );
        assert_eq!(
            diff_pages(
                &before,
                &pages(&[("_index.md", "---\ntitle: A2\n---\nBody\n"), ("x.md", b)])
            ),
            PageDiff::Pages {
                front: vec![0],
                body: vec![]
            }
        );
        assert_eq!(
            diff_pages(&before, &pages(&[("_index.md", a), ("y.md", b)])),
            PageDiff::Routes
        );
        assert_eq!(
            diff_pages(&before, &pages(&[("_index.md", a)])),
            PageDiff::Routes
        );
    }
}
