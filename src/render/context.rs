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
    /// Set when the page is shown from another language: the notice, and that language's tag.
    fallback_notice: Option<String>,
    content_lang: &'a str,
    content_dir: &'static str,
    /// The key of the top-level navigation entry this page belongs to.
    nav_key: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct Link {
    key: String,
    title: String,
    href: String,
    current: bool,
    depth: usize,
    description: Option<String>,
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

pub struct PageContexts<'a> {
    site: &'a Site,
    validated: &'a Validated,
    /// Per language: section key → its child keys in display order.
    children: Vec<BTreeMap<String, Vec<String>>>,
    /// Per language: tier ID → key of the tier's page.
    tier_pages: Vec<BTreeMap<String, String>>,
}

impl<'a> PageContexts<'a> {
    pub fn new(site: &'a Site, validated: &'a Validated) -> PageContexts<'a> {
        let n = site.config.languages.len();
        let mut children: Vec<BTreeMap<String, Vec<String>>> = vec![BTreeMap::new(); n];
        let mut tier_pages: Vec<BTreeMap<String, String>> = vec![BTreeMap::new(); n];
        for (key, route) in validated.routes.all() {
            let page = &site.pages[route.page];
            if let Some(parent) = parent_section(key)
                && validated.routes.get(&parent, route.lang).is_some()
            {
                children[route.lang]
                    .entry(parent)
                    .or_default()
                    .push(key.to_string());
            }
            if let Some(tier) = &page.front.tier {
                tier_pages[route.lang].insert(tier.value.clone(), key.to_string());
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
            tier_pages,
        }
    }

    fn language(&self, lang: usize) -> &Language {
        &self.site.config.languages[lang]
    }

    fn source(&self, key: &str, lang: usize) -> Option<&PageSource> {
        self.validated
            .routes
            .get(key, lang)
            .map(|r| &self.site.pages[r.page])
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
        let href = |k: &str, l: usize| format!("{root}{}", self.site_path(k, l));

        let rendered = markdown::render(page.body());
        let fallback = route.is_fallback(&site.pages);
        let fallback_notice = if fallback {
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
                href: href(key, l),
                current: l == lang,
            })
            .collect();

        let nav: Vec<Link> = self.children[lang]
            .get("_index.md")
            .into_iter()
            .flatten()
            .filter_map(|k| {
                let p = self.source(k, lang)?;
                Some(Link {
                    key: k.to_string(),
                    title: p.front.title.clone(),
                    href: href(k, lang),
                    current: false,
                    depth: 0,
                    description: None,
                })
            })
            .collect();
        let ancestors = ancestors(key);
        let nav_key = ancestors
            .get(1)
            .map(String::as_str)
            .or((depth > 1).then_some(key));
        let nav_key = nav_key.filter(|k| {
            self.children[lang]
                .get("_index.md")
                .is_some_and(|c| c.iter().any(|x| x == k))
        });

        let breadcrumbs: Vec<Link> = ancestors
            .iter()
            .filter_map(|k| {
                let p = self.source(k, lang)?;
                Some(Link {
                    key: k.to_string(),
                    title: p.front.title.clone(),
                    href: href(k, lang),
                    current: false,
                    depth: 0,
                    description: None,
                })
            })
            .collect();

        // The subtree of the top-level section the page is in, for a side navigation.
        let mut section_nav = Vec::new();
        if let Some(top) = nav_key.filter(|k| k.ends_with("_index.md")) {
            self.walk(top, lang, 0, key, &href, &mut section_nav);
        }
        let children: Vec<Link> = if page.is_section() {
            self.children[lang]
                .get(key)
                .into_iter()
                .flatten()
                .filter_map(|k| {
                    let p = self.source(k, lang)?;
                    Some(Link {
                        key: k.to_string(),
                        title: p.front.title.clone(),
                        href: href(k, lang),
                        current: false,
                        depth: 0,
                        description: p.front.description.clone(),
                    })
                })
                .collect()
        } else {
            Vec::new()
        };

        let tier = page
            .front
            .tier
            .as_ref()
            .and_then(|t| site.plan.tier_index(&t.value));
        let tier_links: BTreeMap<&str, String> = self.tier_pages[lang]
            .iter()
            .map(|(id, k)| (id.as_str(), href(k, lang)))
            .collect();

        let view = PageView {
            key,
            title: &page.front.title,
            description: page.front.description.as_deref(),
            content: rendered.html,
            headings: rendered.headings,
            canonical,
            tier,
            fallback_notice,
            content_lang: &source_language.tag,
            content_dir: source_language.direction.as_str(),
            nav_key,
        };
        let mut ctx = tera::Context::new();
        ctx.insert("page", &view);
        ctx.insert("root", &root);
        ctx.insert("lang_root", &format!("{root}{}/", language.prefix));
        ctx.insert("nav", &nav);
        ctx.insert("breadcrumbs", &breadcrumbs);
        ctx.insert("section_nav", &section_nav);
        ctx.insert("children", &children);
        ctx.insert("switcher", &switcher);
        ctx.insert("alternates", &alternates);
        ctx.insert("tier_links", &tier_links);
        Ok((self.template(page), ctx))
    }

    fn walk(
        &self,
        key: &str,
        lang: usize,
        depth: usize,
        current: &str,
        href: &dyn Fn(&str, usize) -> String,
        out: &mut Vec<Link>,
    ) {
        let Some(p) = self.source(key, lang) else {
            return;
        };
        out.push(Link {
            key: key.to_string(),
            title: p.front.title.clone(),
            href: href(key, lang),
            current: key == current,
            depth,
            description: None,
        });
        for child in self.children[lang].get(key).into_iter().flatten() {
            self.walk(child, lang, depth + 1, current, href, out);
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
                title: site
                    .locales
                    .format(l, "site-title", None)
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
        let html = teras[config.default]
            .render("languages.html", &ctx)
            .map_err(|e| site.templates.diagnostic(&e))?;
        files.push(("index.html".to_string(), html.into_bytes()));

        // 404 pages are served from any address, so their links start at the site's base path.
        for (l, lang) in config.languages.iter().enumerate() {
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
                nav_key: Option<String>,
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
                    nav_key: None,
                    tier: None,
                },
            );
            ctx.insert("breadcrumbs", &Vec::<Link>::new());
            ctx.insert("nav", &Vec::<Link>::new());
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
                xml.push_str(&xml_escape(&self.absolute(key, l)));
                xml.push_str("</loc>\n");
                if translated.len() > 1 {
                    for &other in &translated {
                        xml.push_str(&format!(
                            "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                            xml_escape(&self.language(other).tag),
                            xml_escape(&self.absolute(key, other))
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

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
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
