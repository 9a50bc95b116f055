//! The render stage: every page × every language, through Tera, into a folder.
//!
//! Templates are parsed once; each language gets a clone of the parsed set whose global
//! context holds what every page of that language shares (the localized plan, the language,
//! the navigation). Pages are then rendered in parallel and written as soon as they are
//! rendered, so memory holds a page at a time per thread, never the whole site.

pub mod context;
pub mod files;
pub mod view;

use std::path::Path;
use std::sync::Arc;

use fluent_bundle::FluentArgs;
use rayon::prelude::*;
use tera::{Kwargs, State, Tera, TeraResult};

use crate::diagnostic::Diagnostic;
use crate::l10n::Locales;
use crate::site::Site;
use crate::validate::Validated;
use context::PageContexts;

/// What a build wrote.
#[derive(Debug, Default, Clone, Copy)]
pub struct Written {
    pub pages: usize,
    pub files: usize,
    pub bytes: u64,
}

/// Where rendered files go: `build` writes them into a folder, `serve` keeps them in memory.
pub trait Sink: Sync {
    /// Stores one file; `path` is relative to the site's root, with `/` separators
    /// (`fr/docs/index.html`). Returns the number of bytes stored.
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<u64, Diagnostic>;
}

/// A folder on disk, sub-folders created as needed.
pub struct Folder<'a>(pub &'a Path);

impl Sink for Folder<'_> {
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<u64, Diagnostic> {
        files::write(&self.0.join(path), &bytes)
    }
}

/// Which part of the site to render. `build` renders it all; `serve` re-renders only what an
/// edit can have changed, into a copy of the previous output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every page, the site files (language chooser, 404 pages, sitemap, robots.txt) and `static/`.
    All,
    /// Every page of these languages (indices into `config.languages`), and the site files.
    Languages(Vec<usize>),
    /// These source pages (indices into `Site::pages`) in every language that shows them, and
    /// the site files.
    Pages(Vec<usize>),
    /// `static/` only.
    Static,
}

/// Renders the whole site into `out`, which must exist and be empty.
pub fn render(site: &Site, validated: &Validated, out: &Path) -> Result<Written, Vec<Diagnostic>> {
    render_to(site, validated, &Scope::All, &Folder(out))
}

/// Renders the part of the site that `scope` names into `sink`.
pub fn render_to(
    site: &Site,
    validated: &Validated,
    scope: &Scope,
    sink: &dyn Sink,
) -> Result<Written, Vec<Diagnostic>> {
    let mut written = Written::default();
    if *scope == Scope::Static {
        let (count, bytes) = copy_static(site, sink).map_err(|d| vec![d])?;
        written.files += count;
        written.bytes += bytes;
        return Ok(written);
    }
    let tera = &site.tera;

    let contexts = PageContexts::new(site, validated);
    // One Tera per language, its global context holding the language-wide data.
    let mut per_language = Vec::new();
    let mut errors = Vec::new();
    for (lang, language) in site.config.languages.iter().enumerate() {
        let view = site
            .plan
            .as_ref()
            .map(|p| view::build(p, &site.locales, lang))
            .transpose();
        match view {
            Ok(plan) => {
                let mut t = tera.clone();
                let global = t.global_context();
                global.insert("lang_index", &lang);
                global.insert("lang", &context::LanguageView::new(language));
                global.insert("plan", &plan);
                let links = contexts.language_links(lang);
                global.insert("nav", &links.nav);
                global.insert("section_trees", &links.section_trees);
                global.insert("section_children", &links.section_children);
                global.insert("tier_links", &links.tier_links);
                global.insert("site_title", &site_title(site, lang));
                per_language.push(t);
            }
            Err(es) => errors.extend(es.into_iter().map(|e| format_diagnostic(site, lang, e))),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    let routes: Vec<_> = validated
        .routes
        .all()
        .filter(|(_, route)| match scope {
            Scope::All => true,
            Scope::Languages(langs) => langs.contains(&route.lang),
            Scope::Pages(pages) => pages.contains(&route.page),
            Scope::Static => false,
        })
        .collect();
    let results: Vec<Result<u64, Diagnostic>> = routes
        .par_iter()
        .map(|(key, route)| {
            let (template, ctx) = contexts.page(key, *route)?;
            let html = per_language[route.lang]
                .render(&template, &ctx)
                .map_err(|e| site.templates.diagnostic(&e))?;
            sink.put(&contexts.output_path(key, route.lang), html.into_bytes())
        })
        .collect();
    for r in results {
        match r {
            Ok(bytes) => {
                written.pages += 1;
                written.files += 1;
                written.bytes += bytes;
            }
            Err(d) => errors.push(d),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    // The pages that are not content: language chooser, 404s, sitemap, robots.txt, static files.
    let extra = contexts.site_files(&per_language).map_err(|d| vec![d])?;
    for (path, bytes) in extra {
        written.bytes += sink.put(&path, bytes).map_err(|d| vec![d])?;
        written.files += 1;
    }
    if *scope == Scope::All {
        let (count, bytes) = copy_static(site, sink).map_err(|d| vec![d])?;
        written.files += count;
        written.bytes += bytes;
    }
    Ok(written)
}

fn copy_static(site: &Site, sink: &dyn Sink) -> Result<(usize, u64), Diagnostic> {
    files::for_each_static(&site.root, &site.static_files, |path, bytes| {
        sink.put(path, bytes)
    })
}

/// `t(id="...", name=value...)`: a message in the page's language, escaped like any text.
pub fn register_functions(tera: &mut Tera, locales: Arc<Locales>) {
    tera.register_function(
        "t",
        move |kwargs: Kwargs, state: &State| -> TeraResult<String> {
            let id: &str = kwargs.must_get("id")?;
            let lang = state
                .get::<u64>("lang_index")?
                .ok_or_else(|| tera::Error::message("t() is used outside a language"))?
                as usize;
            let mut args = FluentArgs::new();
            for (key, value) in kwargs.iter() {
                let Some(name) = key.as_str() else { continue };
                if name == "id" {
                    continue;
                }
                if let Some(n) = value.as_i64() {
                    args.set(name.to_string(), n);
                } else if let Some(n) = value.as_f64() {
                    args.set(name.to_string(), n);
                } else if let Some(s) = value.as_str() {
                    args.set(name.to_string(), s.to_string());
                } else {
                    args.set(name.to_string(), value.to_string());
                }
            }
            locales
                .format(lang, id, Some(&args))
                .map_err(|e| tera::Error::message(e.to_string()))
        },
    );
}

fn format_diagnostic(site: &Site, lang: usize, error: crate::l10n::FormatError) -> Diagnostic {
    let code = &site.config.languages[lang].code;
    let d = Diagnostic::error("message-format", format!("{error} (language {code})"));
    match &error {
        crate::l10n::FormatError::Broken { id, .. } => match site.locales.definition(lang, id) {
            Some((file, position)) => {
                match crate::source::SourceFile::read(&site.root, &site.root.join(file)) {
                    Ok(src) => d.spanning(&src, position, id.chars().count()),
                    Err(_) => d.in_file(file),
                }
            }
            None => d,
        }
        .hint("check the variables and references this message uses"),
        crate::l10n::FormatError::Missing { id } => d.hint(format!(
            "add `{id} = ...` to locales/{}/",
            site.config.default_language().code
        )),
    }
}

/// The site's name in a language: the `site-title` message, else `title` of site.yaml.
pub fn site_title(site: &Site, lang: usize) -> String {
    site.locales
        .format(lang, "site-title", None)
        .ok()
        .or_else(|| site.config.languages[lang].title.clone())
        .unwrap_or_default()
}
