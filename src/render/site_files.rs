//! The files that are not content pages: the language chooser, the 404 page of each language,
//! the sitemap and robots.txt. Each comes from a template (the site's own, or polydocs'
//! built-in one of the same name), so a site can change any of them.

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::index::{Index, paths};
use crate::l10n::{html, messages};
use crate::site::Site;

use super::page::{Alternate, SwitcherEntry};

/// Renders the site files with each language's template set; returns them with their paths.
pub(crate) fn render(
    site: &Site,
    index: &Index,
    teras: &[tera::Tera],
) -> Result<Vec<(String, Vec<u8>)>, Diagnostic> {
    let config = &site.config;
    let mut files = Vec::new();
    // The chooser is written when the site has a template for it.
    if site.templates.contains("languages.html") {
        let html = teras[config.default]
            .render("languages.html", &chooser_context(site))
            .map_err(|e| site.templates.diagnostic(&e))?;
        files.push(("index.html".to_string(), html.into_bytes()));
    }
    for (l, lang) in config.languages.iter().enumerate() {
        let html = teras[l]
            .render("404.html", &not_found_context(site, l))
            .map_err(|e| site.templates.diagnostic(&e))?;
        if l == config.default {
            files.push(("404.html".to_string(), html.clone().into_bytes()));
        }
        files.push((format!("{}/404.html", lang.prefix), html.into_bytes()));
    }
    let tera = &teras[config.default];
    // A sitemap's addresses must be absolute: none without a host (a warning says so).
    let absolute = config.sitemap;
    if absolute {
        let sitemap = tera
            .render("sitemap.xml", &sitemap_context(site, index))
            .map_err(|e| site.templates.diagnostic(&e))?;
        files.push(("sitemap.xml".to_string(), sitemap.into_bytes()));
    }
    let mut ctx = tera::Context::new();
    ctx.insert("base_url", &config.base_url);
    // robots.txt's `Sitemap:` line, empty when no sitemap is written.
    let sitemap_url = if absolute {
        format!("{}sitemap.xml", config.base_url)
    } else {
        String::new()
    };
    ctx.insert("sitemap_url", &sitemap_url);
    let robots = tera
        .render("robots.txt", &ctx)
        .map_err(|e| site.templates.diagnostic(&e))?;
    files.push(("robots.txt".to_string(), robots.into_bytes()));
    files.extend(alias_pages(site, index));
    if config.noindex {
        for (path, bytes) in &mut files {
            if path.ends_with(".html") {
                *bytes = super::noindex(std::mem::take(bytes));
            }
        }
    }
    Ok(files)
}

/// A page's old addresses (its `aliases:`), each a small page sending the visitor on: a meta
/// refresh and a link to the page's new address (relative, so it works under any base path),
/// its canonical address, and `noindex`, so that search engines keep the new one. The aliases
/// that cannot be published are errors of the checks.
pub(crate) fn alias_pages(site: &Site, index: &Index) -> Vec<(String, Vec<u8>)> {
    let config = &site.config;
    index
        .aliases
        .iter()
        .filter_map(|alias| alias.outcome.as_ref().ok())
        .filter_map(|redirect| {
            let route = index.routes.get(&redirect.key, redirect.lang)?;
            let page = &site.pages[route.page];
            let target = paths::site_path(config, &redirect.key, redirect.lang);
            let href = crate::escape::html(&paths::relative(redirect.folder(), &target));
            let canonical = crate::escape::html(&paths::absolute(config, &redirect.key, redirect.lang));
            let title = crate::escape::html(&page.front.title);
            let tag = crate::escape::html(&config.languages[page.lang].tag);
            let html = format!(
                "<!DOCTYPE html>\n<html lang=\"{tag}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<link rel=\"canonical\" href=\"{canonical}\">\n<meta name=\"robots\" content=\"noindex\">\n<meta http-equiv=\"refresh\" content=\"0; url={href}\">\n</head>\n<body>\n<p><a href=\"{href}\">{title}</a></p>\n</body>\n</html>\n"
            );
            Some((redirect.file.clone(), html.into_bytes()))
        })
        .collect()
}

fn chooser_context(site: &Site) -> tera::Context {
    let config = &site.config;
    #[derive(Serialize)]
    struct Choice<'a> {
        name: &'a str,
        tag: &'a str,
        prefix: &'a str,
        dir: &'static str,
        href: String,
        /// The site's title in this language (text, for `<title>`).
        title: String,
        /// The same as HTML: marked with its own language where it falls back.
        title_html: String,
        /// "Choose a language", in this language, as HTML marked like `title_html`.
        prompt: String,
    }
    let choices: Vec<Choice> = config
        .languages
        .iter()
        .enumerate()
        .map(|(l, lang)| Choice {
            name: &lang.name,
            tag: &lang.tag,
            prefix: &lang.prefix,
            dir: lang.direction.as_str(),
            href: format!("{}/", lang.prefix),
            title: super::site_title(site, l),
            title_html: super::site_title_html(site, l),
            prompt: html::message_html(&site.locales, l, messages::LANGUAGE_CHOOSER_TITLE, None)
                .unwrap_or_default(),
        })
        .collect();
    let mut ctx = tera::Context::new();
    // Tags and prefixes are validated to [A-Za-z0-9-], so they need no escaping in a script.
    let list = |items: Vec<&str>| format!("[\"{}\"]", items.join("\",\""));
    ctx.insert(
        "redirect_tags",
        &list(choices.iter().map(|c| c.tag).collect()),
    );
    ctx.insert(
        "redirect_prefixes",
        &list(choices.iter().map(|c| c.prefix).collect()),
    );
    ctx.insert("choices", &choices);
    ctx.insert("root", "");
    ctx.insert("default_prefix", &config.default_language().prefix);
    ctx.insert("canonical", &config.base_url);
    ctx
}

/// 404 pages are served from any address, so their links start at the site's base path.
fn not_found_context(site: &Site, l: usize) -> tera::Context {
    let config = &site.config;
    let base_path = paths::base_path(&config.base_url);
    let mut ctx = tera::Context::new();
    ctx.insert("root", &base_path);
    ctx.insert(
        "lang_root",
        &format!("{base_path}{}/", config.languages[l].prefix),
    );
    let switcher: Vec<SwitcherEntry> = config
        .languages
        .iter()
        .enumerate()
        .map(|(o, other)| SwitcherEntry {
            name: &other.name,
            tag: &other.tag,
            dir: super::navigation::foreign_dir(&config.languages, l, o),
            // The other languages' home pages: their 404 page would say the same thing again.
            href: format!("{base_path}{}/", other.prefix),
            current: o == l,
        })
        .collect();
    ctx.insert("switcher", &switcher);
    #[derive(Serialize)]
    struct NotFound {
        key: &'static str,
        title: String,
        description: Option<String>,
        canonical: Option<String>,
        fallback_notice: Option<String>,
        outdated_notice: Option<String>,
        nav_key: Option<String>,
        section_tree: Option<String>,
        has_children: bool,
        tier: Option<usize>,
        pagination: Option<()>,
        local_nav: Option<()>,
    }
    let title = site
        .locales
        .format(l, messages::NOT_FOUND_TITLE, None)
        .unwrap_or_default();
    ctx.insert(
        "page",
        &NotFound {
            key: "404",
            title,
            description: None,
            canonical: None,
            fallback_notice: None,
            outdated_notice: None,
            nav_key: None,
            section_tree: None,
            has_children: false,
            tier: None,
            pagination: None,
            local_nav: None,
        },
    );
    ctx.insert("breadcrumbs", &Vec::<super::navigation::Link>::new());
    ctx.insert("alternates", &Vec::<Alternate>::new());
    ctx
}

/// Every translated page with its `hreflang` alternates (fallback copies are left out).
fn sitemap_context(site: &Site, index: &Index) -> tera::Context {
    let config = &site.config;
    #[derive(Serialize)]
    struct Entry<'a> {
        loc: String,
        alternates: Vec<Alternate<'a>>,
    }
    let mut entries = Vec::new();
    for key in index.routes.by_key.keys() {
        let translated = index.routes.translated(key, &site.pages);
        for &l in &translated {
            let alternates = if translated.len() > 1 {
                translated
                    .iter()
                    .map(|&other| Alternate {
                        hreflang: &config.languages[other].tag,
                        href: paths::absolute(config, key, other),
                    })
                    .collect()
            } else {
                Vec::new()
            };
            entries.push(Entry {
                loc: paths::absolute(config, key, l),
                alternates,
            });
        }
    }
    let mut ctx = tera::Context::new();
    ctx.insert("entries", &entries);
    ctx
}
