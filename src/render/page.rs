//! What one page's template is given: its text, its notices, its place in the site and the
//! same page in the other languages.

use serde::Serialize;

use crate::config::Language;
use crate::diagnostic::{Code, Diagnostic};
use crate::index::{self, Index, Route, paths};
use crate::l10n::html::{self, HtmlArgs};
use crate::l10n::messages;
use crate::markdown;
use crate::site::Site;

use super::navigation::{self, Link, LocalNav, Navigation, Neighbours, Pagination};

/// A page gets its "On this page" contents from this many headings on.
pub const TOC_MIN_HEADINGS: usize = 3;

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
    /// A draft (`draft: true`), published only by `serve` and `build --drafts`: marked.
    draft: bool,
    /// The language the text is written in (differs from the page's on a fallback).
    content_lang: &'a str,
    content_dir: &'static str,
    /// The key of the top-level navigation entry this page belongs to.
    nav_key: Option<&'a str>,
    /// The key of the top-level section whose tree `section_trees` holds, if any.
    section_tree: Option<&'a str>,
    /// Whether `section_children` has an entry for this page.
    has_children: bool,
    /// The side navigation, when the top-level section is too large for `section_trees`.
    local_nav: Option<LocalNav<'a>>,
    /// The children this list page shows (a section's, [`PER_PAGE`](super::navigation::PER_PAGE)
    /// at a time).
    children: Vec<Link<'a>>,
    /// Where this list page is among the section's list pages, when there are several.
    pagination: Option<Pagination>,
    /// The h2 and h3 headings of the text, when there are [`TOC_MIN_HEADINGS`] or more: the
    /// page's "On this page" contents.
    toc: Vec<markdown::Heading>,
    /// The pages before and after this one in its section.
    neighbours: Neighbours<'a>,
    /// Where the Markdown file of the text shown can be edited, when `edit_url` is set.
    edit: Option<EditLink>,
}

/// The "Edit this page" link.
#[derive(Debug, Serialize)]
struct EditLink {
    href: String,
    /// On a page shown from another language: a label (HTML) naming the language of the file
    /// the link opens, since that is the text a correction goes into.
    fallback_label: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct SwitcherEntry<'a> {
    pub name: &'a str,
    pub tag: &'a str,
    /// The name's direction, when it differs from the page's.
    pub dir: Option<&'static str>,
    pub href: String,
    pub current: bool,
}

#[derive(Debug, Serialize)]
pub struct Alternate<'a> {
    pub hreflang: &'a str,
    pub href: String,
}

/// A page ready for its template.
pub struct PageContext {
    pub template: String,
    pub context: tera::Context,
    /// The Markdown's link addresses, by byte offset in the body.
    pub links: Vec<(usize, String)>,
    /// The addresses left out as unsafe (`javascript:`, `file:`), by byte offset in the body.
    pub refused: Vec<(usize, String)>,
    /// The ids of the Markdown's headings.
    pub heading_ids: Vec<String>,
    /// The page's text, when asked for (for the search index), from the same parse.
    pub text: Option<markdown::PageText>,
    /// The code blocks left plain by a limit of the highlighter, by byte offset in the body.
    pub not_highlighted: Vec<(usize, String, crate::highlight::Limit)>,
    /// Another tool's markup in the body, published as written ([`markdown::Foreign`]).
    pub foreign: Vec<(usize, usize, markdown::Foreign)>,
}

/// A notice for a page in `lang`, as HTML, naming the language `other` as `$language` (in
/// its own words, so marked with its own `lang`); the notice itself is marked too when the
/// language lacks it and it falls back.
fn notice(site: &Site, lang: usize, id: &str, other: usize) -> Result<String, Diagnostic> {
    let mut args = HtmlArgs::new();
    let name = crate::escape::html(&site.config.languages[other].name);
    // Marked against the notice's own language (a notice falling back to English does not
    // mark "English" again).
    let notice_lang = site.locales.resolve(lang, id).unwrap_or(lang);
    args.html(
        "language",
        html::mark(&site.locales, notice_lang, other, name),
    );
    html::message_html(&site.locales, lang, id, Some(&args)).map_err(|e| {
        Diagnostic::error(Code::MessageFormat, e.to_string())
            .hint(format!("check the message `{id}`"))
    })
}

/// The context of page `key` in `route`'s language; for a section, of its list page `number`
/// (1 for the section's own address, more for the pages listing the rest of its children).
/// `with_text` asks for the page's text as well; `assets` gives the fingerprinted name of
/// each file under `static/` (`images/a.png` → `static/images/a.0c1d2e3f.png`).
#[allow(clippy::too_many_arguments)]
pub fn context(
    site: &Site,
    index: &Index,
    navigation: &Navigation,
    key: &str,
    route: Route,
    number: usize,
    with_text: bool,
    assets: &std::collections::BTreeMap<String, String>,
) -> Result<PageContext, Diagnostic> {
    let config = &site.config;
    let lang = route.lang;
    let language = &config.languages[lang];
    let page = &site.pages[route.page];
    let source_language = &config.languages[page.lang];
    // A list page after the first sits two folders deeper: `page/<n>/`.
    let extra_depth = if number > 1 { 2 } else { 0 };
    let root = "../".repeat(paths::depth(config, key, lang) + extra_depth);

    let table_label = site
        .locales
        .format(lang, messages::TABLE_LABEL, None)
        .unwrap_or_default();
    let alert_label = |alert: markdown::Alert| {
        site.locales
            .format(lang, alert.message_id(), None)
            .unwrap_or_else(|_| alert.english().to_string())
    };
    let base_path = paths::base_path(&config.base_url);
    let from = paths::site_path(config, key, lang);
    let address = |url: &str| published_address(url, &base_path, &from, &root, assets);
    // In translate mode each block of the body is marked with its number, as block tracking
    // numbers them.
    let block_starts: Option<std::collections::HashMap<usize, usize>> =
        config.mark_messages.then(|| {
            let ranges = crate::translation::blocks::body_ranges(page.body());
            (ranges.iter().enumerate())
                .map(|(n, (_, r))| (r.start, n))
                .collect()
        });
    let labels = markdown::Labels {
        table: &table_label,
        alert: &alert_label,
        address: Some(&address),
        block_starts: block_starts.as_ref(),
    };
    let mut rendered =
        markdown::render_page(page.body(), source_language.raw_html, &labels, with_text);
    if let Some(offset) = rendered.too_deep {
        return Err(markdown::too_deep(&page.source, page.body_start + offset)
            .in_language(&source_language.code)
            .about_page(&page.key));
    }
    let fallback = route.is_fallback(&site.pages);
    // The pseudo-language shows the default language's pages by design: no notice.
    let fallback_notice = if fallback && !language.pseudo {
        Some(notice(site, lang, messages::FALLBACK_NOTICE, page.lang)?)
    } else {
        None
    };
    let default = config.default;
    let source_page = index.routes.get(key, default).map(|r| &site.pages[r.page]);
    let outdated_notice = match source_page {
        Some(source) if !fallback && crate::translation::is_outdated(page, source) => {
            Some(notice(site, lang, messages::OUTDATED_NOTICE, default)?)
        }
        _ => None,
    };

    // Languages that really have this page (translations, not fallbacks), for hreflang.
    let translated = index.routes.translated(key, &site.pages);
    let canonical_lang = if fallback { page.lang } else { lang };
    let canonical = format!(
        "{}{}",
        config.base_url,
        navigation::list_page_path(config, key, canonical_lang, number)
    );
    // Later list pages list what each language's section holds: no alternates for them.
    let mut alternates: Vec<Alternate> = translated
        .iter()
        .filter(|_| number == 1)
        .map(|&l| Alternate {
            hreflang: &config.languages[l].tag,
            href: paths::absolute(config, key, l),
        })
        .collect();
    if number == 1 && translated.contains(&default) && translated.len() > 1 {
        alternates.push(Alternate {
            hreflang: "x-default",
            href: paths::absolute(config, key, default),
        });
    }
    let switcher: Vec<SwitcherEntry> = config
        .languages
        .iter()
        .enumerate()
        .filter(|(l, _)| index.routes.get(key, *l).is_some())
        .map(|(l, other)| SwitcherEntry {
            name: &other.name,
            tag: &other.tag,
            dir: super::navigation::foreign_dir(&config.languages, lang, l),
            href: format!("{root}{}", paths::site_path(config, key, l)),
            current: l == lang,
        })
        .collect();

    let ancestors = index::ancestors(key);
    let top = ancestors
        .get(1)
        .map(String::as_str)
        .or((key != crate::content::HOME).then_some(key));
    let nav_key = top.filter(|k| index.top_level(lang).iter().any(|x| x == k));
    let top_section = nav_key.filter(|k| crate::content::PageKind::of(k).is_section());
    let section_tree = top_section.filter(|k| navigation.shows_whole_tree(lang, k));
    let local_nav = match (top_section, section_tree) {
        (Some(top), None) => Some(navigation.local(key, lang, top)),
        _ => None,
    };

    let heading_ids = rendered.headings.iter().map(|h| h.id.clone()).collect();
    let in_toc = |h: &&markdown::Heading| matches!(h.level, 2 | 3);
    let toc: Vec<markdown::Heading> =
        if rendered.headings.iter().filter(in_toc).count() >= TOC_MIN_HEADINGS {
            rendered.headings.iter().filter(in_toc).cloned().collect()
        } else {
            Vec::new()
        };
    let edit = match &config.edit_url {
        Some(url) => Some(EditLink {
            href: format!(
                "{url}{}",
                encode_path(&format!("content/{}/{key}", source_language.code))
            ),
            fallback_label: if fallback_notice.is_some()
                && site
                    .locales
                    .resolve(lang, messages::EDIT_FALLBACK)
                    .is_some()
            {
                Some(notice(site, lang, messages::EDIT_FALLBACK, page.lang)?)
            } else {
                None
            },
        }),
        None => None,
    };
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
        draft: page.front.draft,
        content_lang: &source_language.tag,
        content_dir: source_language.direction.as_str(),
        nav_key,
        section_tree,
        has_children: page.is_section() && index.children[lang].contains_key(key),
        local_nav,
        children: if page.is_section() {
            navigation.children_page(key, lang, number)
        } else {
            Vec::new()
        },
        pagination: navigation.pagination(key, lang, number),
        toc,
        neighbours: navigation.neighbours(key, lang),
        edit,
    };
    let mut ctx = tera::Context::new();
    ctx.insert("page", &view);
    ctx.insert("root", &root);
    ctx.insert("lang_root", &format!("{root}{}/", language.prefix));
    ctx.insert("breadcrumbs", &navigation.breadcrumbs(key, lang));
    ctx.insert("switcher", &switcher);
    ctx.insert("alternates", &alternates);
    Ok(PageContext {
        template: crate::templates::page_template(page, site.plan.is_some()).to_string(),
        context: ctx,
        links: rendered.links,
        refused: rendered.refused,
        heading_ids,
        text: rendered.text.take(),
        not_highlighted: rendered.not_highlighted,
        foreign: rendered.foreign,
    })
}

/// The address a Markdown link is published with, when not as written: a root-absolute
/// address (`/en/docs/setup/`, `/static/images/a.png`), read from the site's root at
/// `base_path`, becomes relative to the page (`root` leads from the page back to the site's
/// root), so that the site works under any sub-path and from a plain file server; a link to a
/// file of `static/` names its fingerprinted file. `from` is the page's own site path.
fn published_address(
    url: &str,
    base_path: &str,
    from: &str,
    root: &str,
    assets: &std::collections::BTreeMap<String, String>,
) -> Option<String> {
    if url.is_empty() || url.starts_with('#') || paths::is_external(url) {
        return None;
    }
    let cut = url.find(['?', '#']).unwrap_or(url.len());
    let (path, rest) = url.split_at(cut);
    let absolute = path.starts_with('/');
    let target = paths::link_target(base_path, from, path)?;
    let fingerprinted = target
        .strip_prefix("static/")
        .and_then(|inner| assets.get(inner));
    match fingerprinted {
        Some(name) => Some(format!("{root}{name}{rest}")),
        None if absolute => Some(format!("{root}{target}{rest}")),
        None => None,
    }
}

/// A file's path from the site root as a URL path: bytes other than letters, digits, `-._~`
/// and `/` percent-encoded (a space or a `#` in a file name must not end the address).
fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn root_absolute_and_static_addresses_are_published_relative() {
        let assets = [(
            "images/a.png".to_string(),
            "static/images/a.0c1d2e3f.png".to_string(),
        )]
        .into_iter()
        .collect();
        let publish =
            |url: &str| super::published_address(url, "/", "en/docs/x/", "../../../", &assets);
        assert_eq!(
            publish("/en/docs/y/#top").as_deref(),
            Some("../../../en/docs/y/#top")
        );
        assert_eq!(
            publish("/static/images/a.png").as_deref(),
            Some("../../../static/images/a.0c1d2e3f.png")
        );
        assert_eq!(
            publish("../../../static/images/a.png?v=1").as_deref(),
            Some("../../../static/images/a.0c1d2e3f.png?v=1")
        );
        assert_eq!(publish("../y/"), None);
        assert_eq!(publish("https://example.com/"), None);
        assert_eq!(publish("//example.com/x"), None);
        assert_eq!(publish("#top"), None);
        let under = super::published_address("/docs/en/", "/docs/", "en/", "../", &assets);
        assert_eq!(under.as_deref(), Some("../en/"));
    }

    #[test]
    fn edit_paths_are_percent_encoded() {
        assert_eq!(
            super::encode_path("content/zh-TW/docs/a b#c.md"),
            "content/zh-TW/docs/a%20b%23c.md"
        );
        assert_eq!(
            super::encode_path("content/fr/é.md"),
            "content/fr/%C3%A9.md"
        );
    }
}
