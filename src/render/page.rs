//! What one page's template is given: its text, its notices, its place in the site and the
//! same page in the other languages.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::config::Language;
use crate::content::{HOME, PageSource};
use crate::diagnostic::{Code, Diagnostic};
use crate::index::{self, Index, Route, paths};
use crate::l10n::html::{self, HtmlArgs};
use crate::l10n::messages;
use crate::markdown;
use crate::site::Site;

use super::navigation::{self, Link, LocalNav, Navigation, Neighbours, Pagination};

/// A page gets its "On this page" contents from this many headings on.
pub(crate) const TOC_MIN_HEADINGS: usize = 3;

#[derive(Debug, Serialize)]
pub(crate) struct LanguageView {
    pub(crate) code: String,
    pub(crate) tag: String,
    pub(crate) prefix: String,
    pub(crate) name: String,
    pub(crate) dir: &'static str,
}

impl LanguageView {
    pub(crate) fn new(l: &Language) -> LanguageView {
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
pub(crate) struct SwitcherEntry<'a> {
    pub(crate) name: &'a str,
    pub(crate) tag: &'a str,
    /// The name's direction, when it differs from the page's.
    pub(crate) dir: Option<&'static str>,
    pub(crate) href: String,
    pub(crate) current: bool,
}

#[derive(Debug, Serialize)]
pub(crate) struct Alternate<'a> {
    pub(crate) hreflang: &'a str,
    pub(crate) href: String,
}

/// A page ready for its template.
pub(crate) struct PageContext {
    pub(crate) template: String,
    pub(crate) context: tera::Context,
    /// The Markdown's link addresses, by byte offset in the body.
    pub(crate) links: Vec<(usize, String)>,
    /// The addresses left out as unsafe (`javascript:`, `file:`), by byte offset in the body.
    pub(crate) refused: Vec<(usize, String)>,
    /// The ids of the Markdown's headings.
    pub(crate) heading_ids: Vec<String>,
    /// The page's text, when asked for (for the search index), from the same parse.
    pub(crate) text: Option<markdown::PageText>,
    /// The code blocks left plain by a limit of the highlighter, by byte offset in the body.
    pub(crate) not_highlighted: Vec<(usize, String, crate::highlight::Limit)>,
    /// Another tool's markup in the body, published as written ([`markdown::Foreign`]).
    pub(crate) foreign: Vec<(usize, usize, markdown::Foreign)>,
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
///
/// Each part of the context comes from a function of its own ([`Subject`]'s methods,
/// [`Place::of`], [`table_of_contents`]), so that a feature of the page's template is added
/// beside the part it belongs to; this function only gathers them, in the order their errors
/// are reported (the body, then the notices, then the edit link).
#[allow(clippy::too_many_arguments)]
pub(crate) fn context(
    site: &Site,
    index: &Index,
    navigation: &Navigation,
    key: &str,
    route: Route,
    number: usize,
    with_text: bool,
    assets: &BTreeMap<String, String>,
) -> Result<PageContext, Diagnostic> {
    let subject = Subject::new(site, index, key, route, number);
    let page = subject.page;
    let rendered = subject.body(with_text, assets)?;
    let fallback_notice = subject.fallback_notice()?;
    let outdated_notice = subject.outdated_notice()?;
    let edit = subject.edit_link(fallback_notice.is_some())?;
    let place = Place::of(&subject, navigation);
    let heading_ids = rendered.headings.iter().map(|h| h.id.clone()).collect();
    let toc = table_of_contents(&rendered.headings);
    let lang = route.lang;
    let view = PageView {
        key,
        title: &page.front.title,
        description: page.front.description.as_deref(),
        content: rendered.html,
        headings: rendered.headings,
        canonical: subject.canonical(),
        tier: (page.front.tier.as_ref()).and_then(|t| site.tier_index(&t.value)),
        fallback_notice,
        outdated_notice,
        draft: page.front.draft,
        content_lang: &subject.source_language.tag,
        content_dir: subject.source_language.direction.as_str(),
        nav_key: place.nav_key,
        section_tree: place.section_tree,
        has_children: page.is_section() && index.children[lang].contains_key(key),
        local_nav: place.local_nav,
        children: subject.children(navigation),
        pagination: navigation.pagination(key, lang, number),
        toc,
        neighbours: navigation.neighbours(key, lang),
        edit,
    };
    Ok(PageContext {
        template: crate::templates::page_template(page, site.plan.is_some()).to_string(),
        context: subject.template_context(navigation, &view),
        links: rendered.links,
        refused: rendered.refused,
        heading_ids,
        text: rendered.text,
        not_highlighted: rendered.not_highlighted,
        foreign: rendered.foreign,
    })
}

/// The page a context is made for, with what every part of the context reads of it. Made
/// once a page and borrowing the site's data (only `root` is its own), so that splitting the
/// context into parts costs no copy.
struct Subject<'a> {
    site: &'a Site,
    index: &'a Index,
    key: &'a str,
    route: Route,
    /// The list page: 1 for the page's own address.
    number: usize,
    /// The page whose text is shown: the translation, or on a fallback another language's.
    page: &'a PageSource,
    /// The language that text is written in.
    source_language: &'a Language,
    /// Whether the text is shown from another language.
    fallback: bool,
    /// The way from the page back to the site's root (`../../`).
    root: String,
}

impl<'a> Subject<'a> {
    /// List page `number` of page `key` in `route`'s language.
    fn new(
        site: &'a Site,
        index: &'a Index,
        key: &'a str,
        route: Route,
        number: usize,
    ) -> Subject<'a> {
        let config = &site.config;
        let page = &site.pages[route.page];
        // A list page after the first sits two folders deeper: `page/<n>/`.
        let extra_depth = if number > 1 { 2 } else { 0 };
        Subject {
            site,
            index,
            key,
            route,
            number,
            page,
            source_language: &config.languages[page.lang],
            fallback: route.is_fallback(&site.pages),
            root: "../".repeat(paths::depth(config, key, route.lang) + extra_depth),
        }
    }

    /// The language the page is published in (the visitor's).
    fn language(&self) -> &'a Language {
        &self.site.config.languages[self.route.lang]
    }

    /// The page's Markdown as HTML, in the words of the visitor's language (table and alert
    /// labels), its links made to work from where the page is published
    /// ([`published_address`]); an error where it nests too deep to be rendered.
    fn body(
        &self,
        with_text: bool,
        assets: &BTreeMap<String, String>,
    ) -> Result<markdown::Rendered, Diagnostic> {
        let (site, config, lang) = (self.site, &self.site.config, self.route.lang);
        let page = self.page;
        let table_label =
            (site.locales.format(lang, messages::TABLE_LABEL, None)).unwrap_or_default();
        let alert_label = |alert: markdown::Alert| {
            site.locales
                .format(lang, alert.message_id(), None)
                .unwrap_or_else(|_| alert.english().to_string())
        };
        let base_path = paths::base_path(&config.base_url);
        let from = paths::site_path(config, self.key, lang);
        let address = |url: &str| published_address(url, &base_path, &from, &self.root, assets);
        let block_starts = config.mark_messages.then(|| block_starts(page));
        let labels = markdown::Labels {
            table: &table_label,
            alert: &alert_label,
            address: Some(&address),
            block_starts: block_starts.as_ref(),
        };
        let raw_html = self.source_language.raw_html;
        let rendered = markdown::render_page(page.body(), raw_html, &labels, with_text);
        match rendered.too_deep {
            Some(offset) => Err(markdown::too_deep(&page.source, page.body_start + offset)
                .in_language(&self.source_language.code)
                .about_page(&page.key)),
            None => Ok(rendered),
        }
    }

    /// The notice of a page shown from another language, naming it. The pseudo-language shows
    /// the default language's pages by design: it gets none.
    fn fallback_notice(&self) -> Result<Option<String>, Diagnostic> {
        if !self.fallback || self.language().pseudo {
            return Ok(None);
        }
        self.notice(messages::FALLBACK_NOTICE, self.page.lang)
            .map(Some)
    }

    /// The notice of a translation made from an older version of the default language's page
    /// than the one published, naming the default language.
    fn outdated_notice(&self) -> Result<Option<String>, Diagnostic> {
        let (site, default) = (self.site, self.site.config.default);
        let source = (self.index.routes.get(self.key, default)).map(|r| &site.pages[r.page]);
        let outdated = source.is_some_and(|source| {
            !self.fallback && crate::translation::is_outdated(self.page, source)
        });
        if !outdated {
            return Ok(None);
        }
        self.notice(messages::OUTDATED_NOTICE, default).map(Some)
    }

    /// Notice `id` in the visitor's language, naming the language `other` ([`notice`]).
    fn notice(&self, id: &str, other: usize) -> Result<String, Diagnostic> {
        notice(self.site, self.route.lang, id, other)
    }

    /// The "Edit this page" link, when site.yaml sets `edit_url`: to the file of the text
    /// shown, since that is where a correction goes. A page shown with a fallback notice names
    /// that file's language, where the visitor's language has words for it.
    fn edit_link(&self, fallback_shown: bool) -> Result<Option<EditLink>, Diagnostic> {
        let Some(url) = &self.site.config.edit_url else {
            return Ok(None);
        };
        let (locales, lang) = (&self.site.locales, self.route.lang);
        let file = format!("content/{}/{}", self.source_language.code, self.key);
        let href = format!("{url}{}", encode_path(&file));
        let named = fallback_shown && locales.resolve(lang, messages::EDIT_FALLBACK).is_some();
        let fallback_label = if named {
            Some(self.notice(messages::EDIT_FALLBACK, self.page.lang)?)
        } else {
            None
        };
        Ok(Some(EditLink {
            href,
            fallback_label,
        }))
    }

    /// The page's canonical address: on a fallback, the page's in its own language, since the
    /// text is that page's.
    fn canonical(&self) -> String {
        let config = &self.site.config;
        let lang = if self.fallback {
            self.page.lang
        } else {
            self.route.lang
        };
        let path = navigation::list_page_path(config, self.key, lang, self.number);
        format!("{}{path}", config.base_url)
    }

    /// The children a section's list page shows; none for a page.
    fn children(&self, navigation: &Navigation<'a>) -> Vec<Link<'a>> {
        if self.page.is_section() {
            navigation.children_page(self.key, self.route.lang, self.number)
        } else {
            Vec::new()
        }
    }

    /// The `hreflang` alternates: the languages that really have the page (translations, not
    /// fallbacks), and `x-default` for the default language's when there are others. Later
    /// list pages list what each language's section holds: they have none.
    fn alternates(&self) -> Vec<Alternate<'a>> {
        let config = &self.site.config;
        let (key, number, default) = (self.key, self.number, config.default);
        let translated = self.index.routes.translated(key, &self.site.pages);
        let mut alternates: Vec<Alternate> = (translated.iter())
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
        alternates
    }

    /// The language switcher: the page in every language that shows it (fallbacks included),
    /// each named in its own language, with addresses relative to the page.
    fn switcher(&self) -> Vec<SwitcherEntry<'a>> {
        let (config, lang, root) = (&self.site.config, self.route.lang, &self.root);
        (config.languages.iter().enumerate())
            .filter(|(l, _)| self.index.routes.get(self.key, *l).is_some())
            .map(|(l, other)| SwitcherEntry {
                name: &other.name,
                tag: &other.tag,
                dir: navigation::foreign_dir(&config.languages, lang, l),
                href: format!("{root}{}", paths::site_path(config, self.key, l)),
                current: l == lang,
            })
            .collect()
    }

    /// What the template is given: the page's `view`, and beside it what every template
    /// reads at the top level (the ways back to the site's and the language's roots, the
    /// breadcrumbs, the language switcher and the `hreflang` alternates).
    fn template_context(&self, navigation: &Navigation<'a>, view: &PageView) -> tera::Context {
        let root = &self.root;
        let mut ctx = tera::Context::new();
        ctx.insert("page", view);
        ctx.insert("root", root);
        ctx.insert("lang_root", &format!("{root}{}/", self.language().prefix));
        ctx.insert(
            "breadcrumbs",
            &navigation.breadcrumbs(self.key, self.route.lang),
        );
        ctx.insert("switcher", &self.switcher());
        ctx.insert("alternates", &self.alternates());
        ctx
    }
}

/// Where a page sits in the site's navigation: which top-level entry its templates mark as
/// current, and which side navigation they show.
struct Place<'a> {
    /// The key of the top-level navigation entry the page belongs to.
    nav_key: Option<&'a str>,
    /// The top-level section whose whole tree the language's `section_trees` holds.
    section_tree: Option<&'a str>,
    /// The side navigation of a top-level section too large for `section_trees`.
    local_nav: Option<LocalNav<'a>>,
}

impl<'a> Place<'a> {
    /// The place of the subject's page, from the keys of its ancestors.
    fn of(subject: &Subject<'a>, navigation: &Navigation<'a>) -> Place<'a> {
        let (key, lang) = (subject.key, subject.route.lang);
        let ancestors = index::ancestors(key);
        let top = (ancestors.get(1).map(String::as_str)).or((key != HOME).then_some(key));
        // The entry of the top-level navigation itself: the same key, outliving `ancestors`.
        let top_level = subject.index.top_level(lang);
        let nav_key = top.and_then(|k| top_level.iter().find(|x| *x == k).map(String::as_str));
        let top_section = nav_key.filter(|k| crate::content::PageKind::of(k).is_section());
        let section_tree = top_section.filter(|k| navigation.shows_whole_tree(lang, k));
        let local_nav = match (top_section, section_tree) {
            (Some(top), None) => Some(navigation.local(key, lang, top)),
            _ => None,
        };
        Place {
            nav_key,
            section_tree,
            local_nav,
        }
    }
}

/// The page's "On this page" contents: its h2 and h3 headings, when there are
/// [`TOC_MIN_HEADINGS`] or more (a shorter page is read without).
fn table_of_contents(headings: &[markdown::Heading]) -> Vec<markdown::Heading> {
    let in_toc = |h: &&markdown::Heading| matches!(h.level, 2 | 3);
    if headings.iter().filter(in_toc).count() >= TOC_MIN_HEADINGS {
        headings.iter().filter(in_toc).cloned().collect()
    } else {
        Vec::new()
    }
}

/// Where each block of the page's body starts → its number, as block tracking numbers them:
/// in translate mode each block is marked with it.
fn block_starts(page: &PageSource) -> HashMap<usize, usize> {
    let ranges = crate::translation::blocks::body_ranges(page.body());
    (ranges.iter().enumerate())
        .map(|(n, (_, r))| (r.start, n))
        .collect()
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
    assets: &BTreeMap<String, String>,
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
