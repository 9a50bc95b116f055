//! What each page's template is given: its text, its place in the site and its links.
//!
//! All links between pages are relative (`../../fr/compare/`), so the site works under any
//! sub-path and from a plain file server; only `canonical`, `hreflang` and the sitemap use
//! the absolute base URL, as search engines require.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::config::Language;
use crate::content::{PageSource, parent_section, url_path};
use crate::diagnostic::Diagnostic;
use crate::markdown;
use crate::routes::Route;
use crate::site::Site;
use crate::validate::Validated;

#[derive(Debug, Serialize)]
pub struct LanguageView {
    pub code: String,
    pub tag: String,
    pub prefix: String,
    pub name: String,
    pub dir: &'static str,
}

impl LanguageView {
    pub fn new(l: &Language) -> LanguageView {
        LanguageView {
            code: l.code.clone(),
            tag: l.tag.clone(),
            prefix: l.prefix.clone(),
            name: l.name.clone(),
            dir: l.direction.as_str(),
        }
    }
}

#[derive(Debug, Serialize)]
struct PageView<'a> {
    key: &'a str,
    title: &'a str,
    description: Option<&'a str>,
    content: String,
    headings: Vec<markdown::Heading>,
    canonical: String,
    /// The tier this page presents (index into `plan.tiers`).
    tier: Option<usize>,
    /// Set when the page is shown from another language: the notice in the visitor's language.
    fallback_notice: Option<String>,
    /// Set when the translation is older than its source: the notice in the visitor's language.
    outdated_notice: Option<String>,
    /// The language the text is written in (differs from the page's on a fallback).
    content_lang: &'a str,
    content_dir: &'static str,
    /// The key of the top-level navigation entry this page belongs to.
    nav_key: Option<&'a str>,
    /// The key of the top-level section whose tree `section_trees` holds, if any.
    section_tree: Option<&'a str>,
    /// Whether `section_children` has an entry for this page.
    has_children: bool,
}

/// A link to a page, by its path from the site root (templates prefix it with `root`), so
/// that one list serves every page of a language whatever its depth.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    key: String,
    title: String,
    path: String,
    depth: usize,
    description: Option<String>,
    /// The language tag of the linked page's text when it is shown from another language.
    lang: Option<String>,
}

#[derive(Debug, Serialize)]
struct SwitcherEntry<'a> {
    name: &'a str,
    tag: &'a str,
    href: String,
    current: bool,
}

#[derive(Debug, Serialize)]
struct Alternate<'a> {
    hreflang: &'a str,
    href: String,
}

/// The links every page of one language shares, computed once per language.
#[derive(Debug, Default, Serialize)]
pub struct LanguageLinks {
    /// The home page's children: the main navigation.
    pub nav: Vec<Link>,
    /// Top-level section key → its whole subtree, depth first (a side navigation).
    pub section_trees: BTreeMap<String, Vec<Link>>,
    /// Section key → its direct children, in display order.
    pub section_children: BTreeMap<String, Vec<Link>>,
    /// Tier ID → path of the tier's page (empty when the tier has no page).
    pub tier_links: BTreeMap<String, String>,
}

pub struct PageContexts<'a> {
    site: &'a Site,
    validated: &'a Validated,
    /// Per language: section key → its child keys in display order.
    children: Vec<BTreeMap<String, Vec<String>>>,
}

impl<'a> PageContexts<'a> {
    pub fn new(site: &'a Site, validated: &'a Validated) -> PageContexts<'a> {
        let n = site.config.languages.len();
        let mut children: Vec<BTreeMap<String, Vec<String>>> = vec![BTreeMap::new(); n];
        for (key, route) in validated.routes.all() {
            if let Some(parent) = parent_section(key)
                && validated.routes.get(&parent, route.lang).is_some()
            {
                children[route.lang]
                    .entry(parent)
                    .or_default()
                    .push(key.to_string());
            }
        }
        for (lang, map) in children.iter_mut().enumerate() {
            for keys in map.values_mut() {
                keys.sort_by_cached_key(|k| {
                    let p = &site.pages[validated.routes.get(k, lang).map(|r| r.page).unwrap_or(0)];
                    (
                        p.front.weight.unwrap_or(i64::MAX),
                        p.front.title.clone(),
                        k.clone(),
                    )
                });
            }
        }
        PageContexts {
            site,
            validated,
            children,
        }
    }

    fn language(&self, lang: usize) -> &Language {
        &self.site.config.languages[lang]
    }

    /// `fr/docs/setup/index.html`
    pub fn output_path(&self, key: &str, lang: usize) -> String {
        format!("{}/{}index.html", self.language(lang).prefix, url_path(key))
    }

    /// The path from the site root to a page's folder (`fr/docs/setup/`).
    fn site_path(&self, key: &str, lang: usize) -> String {
        format!("{}/{}", self.language(lang).prefix, url_path(key))
    }

    fn absolute(&self, key: &str, lang: usize) -> String {
        format!("{}{}", self.site.config.base_url, self.site_path(key, lang))
    }

    fn link(&self, key: &str, lang: usize, depth: usize) -> Option<Link> {
        let route = self.validated.routes.get(key, lang)?;
        let p = &self.site.pages[route.page];
        Some(Link {
            key: key.to_string(),
            title: p.front.title.clone(),
            path: self.site_path(key, lang),
            depth,
            description: p.front.description.clone(),
            lang: (p.lang != lang).then(|| self.language(p.lang).tag.clone()),
        })
    }

    fn top_level(&self, lang: usize) -> &[String] {
        self.children[lang]
            .get("_index.md")
            .map_or(&[], Vec::as_slice)
    }

    /// The language-wide links, for the language's global template context.
    pub fn language_links(&self, lang: usize) -> LanguageLinks {
        let nav = self
            .top_level(lang)
            .iter()
            .filter_map(|k| self.link(k, lang, 0))
            .collect();
        let mut section_trees = BTreeMap::new();
        for key in self
            .top_level(lang)
            .iter()
            .filter(|k| k.ends_with("_index.md"))
        {
            let mut tree = Vec::new();
            self.walk(key, lang, 0, &mut tree);
            section_trees.insert(key.clone(), tree);
        }
        let section_children = self.children[lang]
            .iter()
            .map(|(section, keys)| {
                (
                    section.clone(),
                    keys.iter().filter_map(|k| self.link(k, lang, 0)).collect(),
                )
            })
            .collect();
        let mut tier_links: BTreeMap<String, String> = self
            .site
            .tiers()
            .iter()
            .map(|t| (t.id.clone(), String::new()))
            .collect();
        for (key, route) in self.validated.routes.all().filter(|(_, r)| r.lang == lang) {
            if let Some(tier) = &self.site.pages[route.page].front.tier {
                tier_links.insert(tier.value.clone(), self.site_path(key, lang));
            }
        }
        LanguageLinks {
            nav,
            section_trees,
            section_children,
            tier_links,
        }
    }

    /// The template a page is rendered with.
    fn template(&self, page: &PageSource) -> String {
        if let Some(t) = &page.front.template {
            t.value.clone()
        } else if page.front.tier.is_some() {
            "tier.html".into()
        } else if page.key == "_index.md" {
            "home.html".into()
        } else if page.is_section() {
            "section.html".into()
        } else {
            "page.html".into()
        }
    }

    pub fn page(&self, key: &str, route: Route) -> Result<(String, tera::Context), Diagnostic> {
        let site = self.site;
        let lang = route.lang;
        let language = self.language(lang);
        let page = &site.pages[route.page];
        let source_language = self.language(page.lang);
        let depth = self.site_path(key, lang).matches('/').count();
        let root = "../".repeat(depth);

        let table_label = site
            .locales
            .format(lang, "table-label", None)
            .unwrap_or_default();
        let rendered = markdown::render_with(page.body(), source_language.raw_html, &table_label);
        if let Some((offset, url)) = rendered.refused.first() {
            return Err(markdown::unsafe_link(
                &page.source,
                page.body_start + offset,
                url,
            ));
        }
        if let Some(offset) = rendered.too_deep {
            return Err(markdown::too_deep(&page.source, page.body_start + offset));
        }
        let fallback = route.is_fallback(&site.pages);
        // The pseudo-language shows the default language's pages by design: no notice.
        let fallback_notice = if fallback && !language.pseudo {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("language", source_language.name.clone());
            Some(
                site.locales
                    .format(lang, "fallback-notice", Some(&args))
                    .map_err(|e| {
                        Diagnostic::error("message-format", e.to_string())
                            .hint("check the message `fallback-notice`")
                    })?,
            )
        } else {
            None
        };
        let default = site.config.default;
        let source_page = self
            .validated
            .routes
            .get(key, default)
            .map(|r| &site.pages[r.page]);
        let outdated_notice = match source_page {
            Some(source) if !fallback && crate::translation::is_outdated(page, source) => {
                let mut args = fluent_bundle::FluentArgs::new();
                args.set("language", self.language(default).name.clone());
                Some(
                    site.locales
                        .format(lang, "outdated-notice", Some(&args))
                        .map_err(|e| {
                            Diagnostic::error("message-format", e.to_string())
                                .hint("check the message `outdated-notice`")
                        })?,
                )
            }
            _ => None,
        };

        // Languages that really have this page (translations, not fallbacks), for hreflang.
        let translated: Vec<usize> = (0..site.config.languages.len())
            .filter(|&l| {
                self.validated
                    .routes
                    .get(key, l)
                    .is_some_and(|r| !r.is_fallback(&site.pages))
            })
            .collect();
        let canonical = self.absolute(key, if fallback { page.lang } else { lang });
        let mut alternates: Vec<Alternate> = translated
            .iter()
            .map(|&l| Alternate {
                hreflang: &self.language(l).tag,
                href: self.absolute(key, l),
            })
            .collect();
        if translated.contains(&site.config.default) && translated.len() > 1 {
            alternates.push(Alternate {
                hreflang: "x-default",
                href: self.absolute(key, site.config.default),
            });
        }
        let switcher: Vec<SwitcherEntry> = site
            .config
            .languages
            .iter()
            .enumerate()
            .filter(|(l, _)| self.validated.routes.get(key, *l).is_some())
            .map(|(l, other)| SwitcherEntry {
                name: &other.name,
                tag: &other.tag,
                href: format!("{root}{}", self.site_path(key, l)),
                current: l == lang,
            })
            .collect();

        let ancestors = ancestors(key);
        let top = ancestors
            .get(1)
            .map(String::as_str)
            .or((key != "_index.md").then_some(key));
        let nav_key = top.filter(|k| self.top_level(lang).iter().any(|x| x == k));
        let section_tree = nav_key.filter(|k| k.ends_with("_index.md"));
        let breadcrumbs: Vec<Link> = ancestors
            .iter()
            .filter_map(|k| self.link(k, lang, 0))
            .collect();

        let view = PageView {
            key,
            title: &page.front.title,
            description: page.front.description.as_deref(),
            content: rendered.html,
            headings: rendered.headings,
            canonical,
            tier: page
                .front
                .tier
                .as_ref()
                .and_then(|t| site.tier_index(&t.value)),
            fallback_notice,
            outdated_notice,
            content_lang: &source_language.tag,
            content_dir: source_language.direction.as_str(),
            nav_key,
            section_tree,
            has_children: page.is_section() && self.children[lang].contains_key(key),
        };
        let mut ctx = tera::Context::new();
        ctx.insert("page", &view);
        ctx.insert("root", &root);
        ctx.insert("lang_root", &format!("{root}{}/", language.prefix));
        ctx.insert("breadcrumbs", &breadcrumbs);
        ctx.insert("switcher", &switcher);
        ctx.insert("alternates", &alternates);
        Ok((self.template(page), ctx))
    }

    fn walk(&self, key: &str, lang: usize, depth: usize, out: &mut Vec<Link>) {
        let Some(link) = self.link(key, lang, depth) else {
            return;
        };
        out.push(link);
        for child in self.children[lang].get(key).into_iter().flatten() {
            self.walk(child, lang, depth + 1, out);
        }
    }

    /// The language chooser, the 404 pages, the sitemap and robots.txt.
    pub fn site_files(&self, teras: &[tera::Tera]) -> Result<Vec<(String, Vec<u8>)>, Diagnostic> {
        let site = self.site;
        let config = &site.config;
        let mut files = Vec::new();
        let base_path = base_path(&config.base_url);

        #[derive(Serialize)]
        struct Choice<'a> {
            name: &'a str,
            tag: &'a str,
            prefix: &'a str,
            dir: &'static str,
            href: String,
            title: String,
            /// "Choose a language", in this language.
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
                prompt: site
                    .locales
                    .format(l, "language-chooser-title", None)
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
        // The chooser and the 404 pages are written when the site has templates for them.
        if site.templates.contains("languages.html") {
            let html = teras[config.default]
                .render("languages.html", &ctx)
                .map_err(|e| site.templates.diagnostic(&e))?;
            files.push(("index.html".to_string(), html.into_bytes()));
        }

        // 404 pages are served from any address, so their links start at the site's base path.
        let not_found = site.templates.contains("404.html");
        for (l, lang) in config.languages.iter().enumerate().filter(|_| not_found) {
            let mut ctx = tera::Context::new();
            ctx.insert("root", &base_path);
            ctx.insert("lang_root", &format!("{base_path}{}/", lang.prefix));
            let switcher: Vec<SwitcherEntry> = config
                .languages
                .iter()
                .enumerate()
                .map(|(o, other)| SwitcherEntry {
                    name: &other.name,
                    tag: &other.tag,
                    href: format!("{base_path}{}/404.html", other.prefix),
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
            }
            let title = site
                .locales
                .format(l, "not-found-title", None)
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
                },
            );
            ctx.insert("breadcrumbs", &Vec::<Link>::new());
            ctx.insert("alternates", &Vec::<Alternate>::new());
            let html = teras[l]
                .render("404.html", &ctx)
                .map_err(|e| site.templates.diagnostic(&e))?;
            if l == config.default {
                files.push(("404.html".to_string(), html.clone().into_bytes()));
            }
            files.push((format!("{}/404.html", lang.prefix), html.into_bytes()));
        }

        files.push(("sitemap.xml".to_string(), self.sitemap().into_bytes()));
        files.push((
            "robots.txt".to_string(),
            format!(
                "User-agent: *\nAllow: /\nSitemap: {}sitemap.xml\n",
                config.base_url
            )
            .into_bytes(),
        ));
        Ok(files)
    }

    /// Every translated page with its `hreflang` alternates (fallback copies are left out).
    fn sitemap(&self) -> String {
        let site = self.site;
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
        );
        for (key, routes) in &self.validated.routes.by_key {
            let translated: Vec<usize> = routes
                .iter()
                .flatten()
                .filter(|r| !r.is_fallback(&site.pages))
                .map(|r| r.lang)
                .collect();
            for &l in &translated {
                xml.push_str("  <url>\n    <loc>");
                xml.push_str(&crate::escape::markup(&self.absolute(key, l)));
                xml.push_str("</loc>\n");
                if translated.len() > 1 {
                    for &other in &translated {
                        xml.push_str(&format!(
                            "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                            crate::escape::markup(&self.language(other).tag),
                            crate::escape::markup(&self.absolute(key, other))
                        ));
                    }
                }
                xml.push_str("  </url>\n");
            }
        }
        xml.push_str("</urlset>\n");
        xml
    }
}

/// The keys of the sections above a page, from the home page down (the page excluded).
fn ancestors(key: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = key.to_string();
    while let Some(parent) = parent_section(&current) {
        out.push(parent.clone());
        current = parent;
    }
    out.reverse();
    out
}

/// The path part of the base URL (`/support/` for `https://example.com/support/`).
fn base_path(base_url: &str) -> String {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    rest.find('/')
        .map_or("/".to_string(), |i| rest[i..].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_paths() {
        assert_eq!(base_path("https://example.com/"), "/");
        assert_eq!(
            base_path("https://example.com/support/plans/"),
            "/support/plans/"
        );
    }

    #[test]
    fn ancestors_from_home_down() {
        assert_eq!(
            ancestors("docs/a/b.md"),
            ["_index.md", "docs/_index.md", "docs/a/_index.md"]
        );
        assert_eq!(ancestors("_index.md"), Vec::<String>::new());
    }
}
