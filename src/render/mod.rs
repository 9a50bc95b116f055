//! The render stage: every page × every language, through Tera, into a [`Sink`].
//!
//! Templates are parsed once; each language gets a clone of the parsed set whose global
//! context holds what every page of that language shares (the localized plan, the language,
//! the navigation). Pages are then rendered in parallel and handed to the sink as soon as they
//! are rendered, so memory holds a page at a time per thread, never the whole site.
//!
//! One module a job: [`view`] formats the plan in a language, [`navigation`] builds the
//! links a language shares, [`page`] a page's own context, [`site_files`] the chooser, 404
//! pages, sitemap and robots.txt, [`sharing`] the Open Graph locales, [`assets`] gives static files their fingerprinted names,
//! and [`files`] writes and reads files.

pub mod assets;
pub mod files;
pub mod minify;
pub mod navigation;
pub mod page;
pub mod sharing;
pub mod site_files;
pub mod view;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::diagnostic::{Code, Diagnostic};
use crate::index::{Index, PageFacts, Published, Route};
use crate::l10n::messages;
use crate::site::Site;
use navigation::Navigation;

/// What a build wrote.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Written {
    pub(crate) pages: usize,
    pub(crate) files: usize,
    pub(crate) bytes: u64,
    /// Static files published under a fingerprinted name.
    pub(crate) fingerprinted: usize,
}

impl Written {
    pub(crate) fn add(&mut self, other: Written) {
        self.pages += other.pages;
        self.files += other.files;
        self.bytes += other.bytes;
        self.fingerprinted += other.fingerprinted;
    }
}

/// What rendering produced: the count of what was written, and what each rendered page
/// publishes (its anchors and links), for the link checks.
#[derive(Debug, Default)]
pub struct Rendered {
    pub(crate) written: Written,
    pub(crate) published: Published,
    /// The languages whose search index is to be written again (by index in site.yaml): those
    /// with a page rendered, when the site has search. The index itself is written from the
    /// [`PageFacts`] of every page of the language, the new ones and those kept from before.
    pub(crate) searched: Vec<usize>,
    /// Findings that do not stop a build (code blocks too large to highlight).
    pub(crate) warnings: Vec<Diagnostic>,
}

/// Where rendered files go: `build` writes them into a folder, `serve` keeps them in memory,
/// `check` counts and forgets them.
pub trait Sink: Sync {
    /// Stores one file; `path` is relative to the site's root, with `/` separators
    /// (`fr/docs/index.html`). Returns the number of bytes stored.
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<u64, Diagnostic>;

    /// Whether the files are kept. A sink that forgets them (`check`) is given no search
    /// index: making one finds nothing to report, and was a fifth of `check`'s time.
    fn keeps_files(&self) -> bool {
        true
    }
}

/// A folder on disk, sub-folders created as needed.
pub struct Folder<'a>(pub &'a Path);

impl Sink for Folder<'_> {
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<u64, Diagnostic> {
        files::write(&self.0.join(path), &bytes)
    }
}

/// Keeps nothing: `check` renders every page, as `build` does, and writes none.
pub(crate) struct Discard;

impl Sink for Discard {
    fn put(&self, _path: &str, bytes: Vec<u8>) -> Result<u64, Diagnostic> {
        Ok(bytes.len() as u64)
    }

    fn keeps_files(&self) -> bool {
        false
    }
}

/// Forgets every file, as [`Discard`] does, keeping for each page the messages it shows: a
/// site rendered with marks ([`crate::marks`]) tells `check` where a translator sees each
/// message.
#[derive(Default)]
pub(crate) struct Shown {
    /// Page address (`/fr/hours/`) → the IDs of the messages it shows, sorted, once each.
    pages: std::sync::Mutex<BTreeMap<String, Vec<String>>>,
}

impl Sink for Shown {
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<u64, Diagnostic> {
        if let Some(folder) = path.strip_suffix("index.html") {
            let mut ids: Vec<String> = (crate::marks::message_ids(&bytes).into_iter())
                .map(str::to_string)
                .collect();
            ids.sort_unstable();
            ids.dedup();
            if let Ok(mut pages) = self.pages.lock() {
                pages.insert(format!("/{folder}"), ids);
            }
        }
        Ok(bytes.len() as u64)
    }

    fn keeps_files(&self) -> bool {
        false
    }
}

impl Shown {
    /// The pages that show message `id` among those of `prefix` (`/fr/`), in address order.
    pub(crate) fn pages_of(&self, prefix: &str, id: &str) -> Vec<String> {
        let Ok(pages) = self.pages.lock() else {
            return Vec::new();
        };
        (pages.iter())
            .filter(|(address, ids)| {
                address.starts_with(prefix) && ids.binary_search_by(|i| i.as_str().cmp(id)).is_ok()
            })
            .map(|(address, _)| address.clone())
            .collect()
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
    /// These source pages in every language that shows them, and nothing else (no site
    /// files): what `serve` renders first, for the pages a reload is waiting for.
    PagesOnly(Vec<usize>),
    /// `static/` only.
    Static,
}

impl Scope {
    /// Whether this scope renders the page at `route`.
    pub(crate) fn includes(&self, route: Route) -> bool {
        match self {
            Scope::All => true,
            Scope::Languages(langs) => langs.contains(&route.lang),
            Scope::Pages(pages) | Scope::PagesOnly(pages) => pages.contains(&route.page),
            Scope::Static => false,
        }
    }
}

/// How many pages of how many have been rendered so far. Rendering counts them as it goes
/// (from every thread), and another thread may read the count at any time: a command shows it
/// on a terminal during a long build. Counting costs one atomic add a page.
#[derive(Debug, Default)]
pub(crate) struct Counter {
    total: AtomicUsize,
    done: AtomicUsize,
}

impl Counter {
    /// Pages rendered (or being rendered), and pages to render (0 before rendering has
    /// listed them).
    pub(crate) fn get(&self) -> (usize, usize) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }
}

/// Renders the part of the site that `scope` names into `sink`, as far as it can: the errors
/// come back with what was rendered (a page that fails is left out, and the site files are
/// then not rendered), so that the links of the pages that did render can still be checked.
pub fn render(
    site: &Site,
    index: &Index,
    scope: &Scope,
    sink: &dyn Sink,
) -> (Rendered, Vec<Diagnostic>) {
    render_counted(site, index, scope, sink, &Counter::default())
}

/// [`render`], counting the pages in `counter` as they are rendered.
///
/// The stages are functions of their own, in the order they run: the static files
/// ([`read_assets`]), one Tera a language ([`language_teras`]), the pages to render
/// ([`page_routes`]), the pages and the site files side by side ([`Pages::render_all`],
/// [`site_files::render`]), what the pages gave ([`Rendered::add_pages`]), then the site files
/// written ([`write_site_files`]).
pub(crate) fn render_counted(
    site: &Site,
    index: &Index,
    scope: &Scope,
    sink: &dyn Sink,
    counter: &Counter,
) -> (Rendered, Vec<Diagnostic>) {
    // Every page names the static files by their fingerprinted names: they are read first.
    let assets = match read_assets(site) {
        Ok(assets) => assets,
        Err(ds) => return (Rendered::default(), ds),
    };
    if *scope == Scope::Static {
        return render_static(site, assets, sink);
    }
    let mut rendered = Rendered::default();
    let mut errors = Vec::new();
    let Some(tera) = &site.tera else {
        return (rendered, errors);
    };
    let asset_paths = Arc::new(assets.paths());
    let navigation = Navigation::new(site, index);
    let per_language = language_teras(site, tera, &asset_paths, &navigation, &mut errors);
    let routes = page_routes(index, &navigation, scope);
    counter.total.store(routes.len(), Ordering::Relaxed);
    let searching = site.config.search && sink.keeps_files();
    let analyzers = analyzers(site, searching);
    let pages = Pages {
        site,
        index,
        navigation: &navigation,
        teras: &per_language,
        analyzers: &analyzers,
        assets: &asset_paths,
        sink,
        counter,
    };
    // The site's own files (the sitemap lists every page) are rendered beside the pages,
    // on whichever thread is free: alone after them, they kept one core idle.
    let whole = !matches!(scope, Scope::PagesOnly(_));
    let (outcomes, site_files) = rayon::join(
        || pages.render_all(&routes),
        || whole.then(|| site_files::render(site, index, &per_language)),
    );
    if searching {
        rendered.searched = searched_languages(&routes);
    }
    rendered.add_pages(&routes, outcomes, &mut errors);
    let Some(site_files) = site_files.filter(|_| errors.is_empty()) else {
        return (rendered, errors);
    };
    // A whole build publishes `static/` and `root/` with the site files.
    let whole_build = (*scope == Scope::All).then_some(assets);
    if let Err(d) = write_site_files(site, site_files, whole_build, sink, &mut rendered.written) {
        errors.push(d);
    }
    (rendered, errors)
}

/// One page to render: its key, its route, and which of its list pages (1 for the page's own
/// address, more for the pages listing the rest of a section's children).
type PageRoute<'a> = (&'a str, Route, usize);

/// `static/` and the files of `root/`: all a [`Scope::Static`] render writes.
fn render_static(
    site: &Site,
    assets: assets::Assets,
    sink: &dyn Sink,
) -> (Rendered, Vec<Diagnostic>) {
    let written = copy_static(assets, sink).and_then(|mut written| {
        written.add(copy_root_files(site, sink)?);
        Ok(written)
    });
    match written {
        Ok(written) => {
            let rendered = Rendered {
                written,
                ..Rendered::default()
            };
            (rendered, Vec::new())
        }
        Err(d) => (Rendered::default(), vec![d]),
    }
}

/// One Tera per language, each a clone of the site's templates `tera` whose `asset()` gives
/// `asset_paths` and whose global context holds what every page of the language shares (the
/// localized plan, the language, its navigation, the site's title): made once a language,
/// not once a page. The plan's messages that fail to format go into `errors`.
fn language_teras(
    site: &Site,
    tera: &tera::Tera,
    asset_paths: &Arc<BTreeMap<String, String>>,
    navigation: &Navigation,
    errors: &mut Vec<Diagnostic>,
) -> Vec<tera::Tera> {
    let mut tera = tera.clone();
    crate::templates::register_asset(&mut tera, asset_paths.clone());
    let og_locales = sharing::og_locales(&site.config.languages);
    let mut per_language = Vec::new();
    for (lang, language) in site.config.languages.iter().enumerate() {
        let plan = site.plan.as_ref().map(|p| {
            let (view, failed) = view::build(p, &site.locales, lang);
            errors.extend(failed.into_iter().map(|e| format_diagnostic(site, lang, e)));
            view
        });
        let mut t = tera.clone();
        let global = t.global_context();
        global.insert("lang_index", &lang);
        global.insert("lang", &page::LanguageView::new(language));
        global.insert("plan", &plan);
        let links = navigation.language_links(lang);
        global.insert("nav", &links.nav);
        global.insert("section_trees", &links.section_trees);
        global.insert("section_children", &links.section_children);
        global.insert("tier_links", &links.tier_links);
        global.insert("site_title", &site_title(site, lang));
        global.insert("site_title_html", &site_title_html(site, lang));
        global.insert("search_enabled", &site.config.search);
        global.insert("og_locales", &og_locales);
        // The site's own settings: `config.extra.<name>`.
        global.insert("config", &serde_json::json!({ "extra": site.config.extra }));
        per_language.push(t);
    }
    per_language
}

/// Each page in scope, and each further list page of a section with many children.
fn page_routes<'a>(index: &'a Index, navigation: &Navigation, scope: &Scope) -> Vec<PageRoute<'a>> {
    (index.routes.all())
        .filter(|(_, route)| scope.includes(*route))
        .flat_map(|(key, route)| {
            (1..=navigation.list_pages(key, route.lang)).map(move |n| (key, route, n))
        })
        .collect()
}

/// One search analyzer per language when the search index is `searching`, none otherwise.
fn analyzers(site: &Site, searching: bool) -> Vec<crate::search::Analyzer> {
    if !searching {
        return Vec::new();
    }
    (site.config.languages.iter())
        .map(|l| crate::search::Analyzer::for_tag(&l.tag))
        .collect()
}

/// The languages with a page among `routes`, once each, in order: their search index is
/// written again.
fn searched_languages(routes: &[PageRoute]) -> Vec<usize> {
    let mut langs: Vec<usize> = routes.iter().map(|(_, r, _)| r.lang).collect();
    langs.sort_unstable();
    langs.dedup();
    langs
}

impl Rendered {
    /// Adds what rendering each of `routes` gave (`outcomes`, in the same order): its facts,
    /// its warnings and its count, and its error to `errors`. A page's facts come back even
    /// when its template fails (its links are then checked against the anchors of its
    /// Markdown alone), so a failed run still checks every link.
    fn add_pages(
        &mut self,
        routes: &[PageRoute],
        outcomes: Vec<PageOutcome>,
        errors: &mut Vec<Diagnostic>,
    ) {
        for ((key, route, number), (facts, result, warnings)) in routes.iter().zip(outcomes) {
            self.warnings.extend(warnings);
            // A later list page repeats its section's text: its facts are the first page's.
            if let Some(facts) = facts.filter(|_| *number == 1) {
                let page = (route.lang, key.to_string());
                self.published.pages.insert(page, facts);
            }
            match result {
                Ok(bytes) => self.written.add(Written {
                    pages: 1,
                    files: 1,
                    bytes,
                    fingerprinted: 0,
                }),
                Err(d) => errors.push(d),
            }
        }
    }
}

/// The pages that are not content (chooser, 404s, sitemap, robots.txt), as
/// [`site_files::render`] made them, and, for a whole build, `static/` (`assets`) and the
/// files of `root/`.
fn write_site_files(
    site: &Site,
    site_files: Result<Vec<(String, Vec<u8>)>, Diagnostic>,
    assets: Option<assets::Assets>,
    sink: &dyn Sink,
    written: &mut Written,
) -> Result<(), Diagnostic> {
    for (path, bytes) in site_files? {
        written.bytes += sink.put(&path, bytes)?;
        written.files += 1;
    }
    if let Some(assets) = assets {
        written.add(copy_static(assets, sink)?);
        written.add(copy_root_files(site, sink)?);
    }
    Ok(())
}

/// The most pages one thread renders without offering the rest to the others. Left to
/// itself, rayon stops splitting after a few halvings and hands a thread hundreds of pages
/// at once: at 2 000 pages a language, one core then rendered alone for the last 0.1 s.
const PAGES_PER_JOB: usize = 16;

/// How many pages are rendered between two returns of freed memory to the system.
const TRIM_EVERY: usize = 512;

/// Gives the pages of freed memory back to the system. Each page leaves its facts and search
/// document behind, small blocks scattered among the freed buffers of its rendering, and
/// glibc's allocator keeps those buffers' memory: at 5 000 pages a language the process held
/// about 390 MB for about 135 MB of live data. A trim returns the free pages of every arena
/// (a few milliseconds).
fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory the allocator owns; no pointer is touched.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// What rendering a page needs, shared by the threads that render them.
struct Pages<'a> {
    site: &'a Site,
    index: &'a Index,
    navigation: &'a Navigation<'a>,
    /// One Tera per language.
    teras: &'a [tera::Tera],
    /// One analyzer per language when the site is searched, none otherwise.
    analyzers: &'a [crate::search::Analyzer],
    /// The path each file under `static/` is published at (fingerprinted when it can be).
    assets: &'a std::collections::BTreeMap<String, String>,
    sink: &'a dyn Sink,
    counter: &'a Counter,
}

impl Pages<'_> {
    /// Renders and writes every page of `routes`, on every thread, [`PAGES_PER_JOB`] at most
    /// at a time; what each gave comes back in the order of `routes`.
    fn render_all(&self, routes: &[PageRoute]) -> Vec<PageOutcome> {
        routes
            .par_iter()
            .with_max_len(PAGES_PER_JOB)
            .map(|route| self.render(route))
            .collect()
    }

    /// Renders list page `number` of page `key` in the language of `route`, and writes it.
    ///
    /// The parts are functions of their own: the count ([`Pages::count_page`]), the page's
    /// context ([`page::context`]), the warnings about its text ([`Pages::text_warnings`]), its
    /// HTML as published ([`Pages::published_html`]) and its search document
    /// ([`Pages::search_document`]).
    fn render(&self, &(key, route, number): &PageRoute) -> PageOutcome {
        let site = self.site;
        self.count_page();
        // A later list page repeats its section's text: only the first is indexed, and
        // its code blocks reported.
        let with_text = !self.analyzers.is_empty() && number == 1;
        let mut page = match page::context(
            site,
            self.index,
            self.navigation,
            key,
            route,
            number,
            with_text,
            self.assets,
        ) {
            Ok(page) => page,
            Err(d) => return (None, Err(d), Vec::new()),
        };
        let document = (page.text.take())
            .and_then(|text| page_document(site, self.index, self.analyzers, key, route, &text));
        let warnings = self.text_warnings(route, number, &page);
        // Links are checked where the page is written, in its own language.
        let (links, refused) = if route.is_fallback(&site.pages) {
            (Vec::new(), Vec::new())
        } else {
            (page.links, page.refused)
        };
        // Rendered as bytes, as they are written: a String would check them all again
        // for UTF-8 (Tera writes only strings).
        let mut html = Vec::with_capacity(PAGE_CAPACITY);
        if let Err(e) = self.teras[route.lang].render_to(&page.template, &page.context, &mut html) {
            let facts = PageFacts {
                anchors: page.heading_ids.iter().map(String::as_str).collect(),
                links,
                refused,
                search: document,
            };
            return (Some(facts), Err(site.templates.diagnostic(&e)), warnings);
        }
        let html = self.published_html(&html);
        let facts = PageFacts {
            anchors: anchors(&html).collect(),
            links,
            refused,
            search: self.search_document(document, &page.template, &html, key, route),
        };
        let path = navigation::list_page_path(&site.config, key, route.lang, number);
        let path = format!("{path}index.html");
        (Some(facts), self.sink.put(&path, html), warnings)
    }

    /// Counts a page as rendered, and every [`TRIM_EVERY`] pages gives freed memory back to
    /// the system ([`release_freed_memory`]).
    fn count_page(&self) {
        let done = self.counter.done.fetch_add(1, Ordering::Relaxed);
        if done % TRIM_EVERY == TRIM_EVERY - 1 {
            release_freed_memory();
        }
    }

    /// The warnings about a page's text: its code blocks left plain and another tool's
    /// markup in it. Each is reported once: on the first list page, in its own language.
    fn text_warnings(
        &self,
        route: Route,
        number: usize,
        page: &page::PageContext,
    ) -> Vec<Diagnostic> {
        if number != 1 || route.is_fallback(&self.site.pages) {
            return Vec::new();
        }
        let source = &self.site.pages[route.page];
        let mut warnings = not_highlighted(self.site, source, &page.not_highlighted);
        warnings.extend(page.foreign.iter().map(|&markup| {
            crate::markdown::foreign_markup(
                &source.source,
                source.body_start,
                source.body(),
                markup,
            )
        }));
        warnings
    }

    /// The page's HTML as it is published: minified, and on a `--noindex` build kept out of
    /// search engines.
    fn published_html(&self, html: &[u8]) -> Vec<u8> {
        let html = minify::html(html);
        if self.site.config.noindex {
            noindex(html)
        } else {
            html
        }
    }

    /// What the search index holds of a page: `document`, made from its Markdown, or for a
    /// template that shows more than that ([`shows_data`]), made again from the `html` it
    /// rendered.
    fn search_document(
        &self,
        document: Option<crate::search::Document>,
        template: &str,
        html: &[u8],
        key: &str,
        route: Route,
    ) -> Option<crate::search::Document> {
        match document {
            Some(_) if shows_data(template) => {
                let text = crate::search::html_text::main_text(&String::from_utf8_lossy(html));
                page_document(self.site, self.index, self.analyzers, key, route, &text)
            }
            document => document,
        }
    }
}

/// What rendering one page gives: its facts (none when its context could not be made), the
/// bytes written or the error, and the warnings about its text.
type PageOutcome = (Option<PageFacts>, Result<u64, Diagnostic>, Vec<Diagnostic>);

/// The index's view of a page with the text `text` (`analyzers` empty: no index).
fn page_document(
    site: &Site,
    index: &Index,
    analyzers: &[crate::search::Analyzer],
    key: &str,
    route: Route,
    text: &crate::markdown::PageText,
) -> Option<crate::search::Document> {
    let page = &site.pages[route.page];
    // A page shown in another language is analyzed in its own: its words are stemmed as
    // the words they are, and found from the index of the language it is published under.
    let analyzer = analyzers.get(page.lang)?;
    let section = crate::content::parent_section(key)
        .filter(|parent| parent != crate::content::HOME)
        .and_then(|parent| index.routes.get(&parent, route.lang))
        .map_or("", |r| site.pages[r.page].front.title.as_str());
    let url = crate::content::url_path(key);
    Some(crate::search::document(
        analyzer,
        &page.front.title,
        section,
        &url,
        text,
    ))
}

/// Whether a template shows more than its page's Markdown (the plan's tables, cards and
/// lists): such a page is indexed from what it renders, not from its Markdown alone. The
/// templates of prose pages are not, so that a documentation site's pages are read once.
fn shows_data(template: &str) -> bool {
    !matches!(template, "page.html" | "section.html")
}

/// The warnings for a page's code blocks left plain by a limit of the highlighter.
fn not_highlighted(
    site: &Site,
    page: &crate::content::PageSource,
    blocks: &[(usize, String, crate::highlight::Limit)],
) -> Vec<Diagnostic> {
    let code = &site.config.languages[page.lang].code;
    blocks
        .iter()
        .map(|(at, language, limit)| {
            crate::highlight::not_highlighted(&page.source, page.body_start + at, language, *limit)
                .in_language(code)
                .about_page(&page.key)
        })
        .collect()
}

/// The values of the `id` attributes of an HTML page: the anchors a `#fragment` can name.
fn anchors(html: &[u8]) -> impl Iterator<Item = &str> {
    const ATTRIBUTE: &[u8] = b" id=\"";
    memchr::memmem::find_iter(html, ATTRIBUTE).filter_map(|at| {
        let rest = &html[at + ATTRIBUTE.len()..];
        let end = memchr::memchr(b'"', rest)?;
        std::str::from_utf8(&rest[..end]).ok()
    })
}

/// `html` with `<meta name="robots" content="noindex">` first in its `<head>` (`build
/// --noindex`): written into what the templates made, so a site's own templates get it too.
pub(crate) fn noindex(html: Vec<u8>) -> Vec<u8> {
    const META: &[u8] = b"<meta name=\"robots\" content=\"noindex\">";
    let Some(at) = memchr::memmem::find(&html, b"<head>") else {
        return html;
    };
    if memchr::memmem::find(&html, META).is_some() {
        return html;
    }
    let at = at + b"<head>".len();
    let mut out = Vec::with_capacity(html.len() + META.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(META);
    out.extend_from_slice(&html[at..]);
    out
}

/// What a page's HTML is first given room for: most pages of the shipped theme are 10-30 KB.
const PAGE_CAPACITY: usize = 32 * 1024;

/// The site's `static/` files and the theme's it does not replace, read and fingerprinted.
pub(crate) fn read_assets(site: &Site) -> Result<assets::Assets, Vec<Diagnostic>> {
    let mut files = files::read_static(&site.root, &site.static_files).map_err(|d| vec![d])?;
    files.extend(
        site.theme_static
            .iter()
            .map(|(path, bytes)| (path.to_string(), bytes.to_vec())),
    );
    assets::Assets::of(files)
}

/// The files of `root/`, at the output's root as they are (checked when loading: none
/// replaces a file the build writes).
/// The files beside the pages (page bundles' images) are copied with them.
fn copy_root_files(site: &Site, sink: &dyn Sink) -> Result<Written, Diagnostic> {
    let mut written = Written::default();
    let all: Vec<&(std::path::PathBuf, String)> =
        site.root_files.iter().chain(&site.content_files).collect();
    let sources: Vec<std::path::PathBuf> = all.iter().map(|(p, _)| p.clone()).collect();
    let files = files::read_static(&site.root, &sources)?;
    for ((_, published), (_, bytes)) in all.into_iter().zip(files) {
        written.bytes += sink.put(published, bytes)?;
        written.files += 1;
    }
    Ok(written)
}

fn copy_static(assets: assets::Assets, sink: &dyn Sink) -> Result<Written, Diagnostic> {
    let mut written = Written {
        fingerprinted: assets.names.len(),
        ..Written::default()
    };
    for (path, bytes) in assets.files {
        written.bytes += sink.put(&path, bytes)?;
        written.files += 1;
    }
    Ok(written)
}

fn format_diagnostic(site: &Site, lang: usize, error: crate::l10n::FormatError) -> Diagnostic {
    let code = &site.config.languages[lang].code;
    let d = Diagnostic::error(Code::MessageFormat, format!("{error} (language {code})"));
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

/// The site's title as HTML for a page in `lang` (see [`site_title`]): marked with its own
/// language when it falls back to another one.
pub(crate) fn site_title_html(site: &Site, lang: usize) -> String {
    if let Some(title) = yaml_title(site, lang) {
        return crate::escape::html(title);
    }
    crate::l10n::html::message_html(&site.locales, lang, messages::SITE_TITLE, None)
        .unwrap_or_default()
}

/// The site's name in a language: the `site-title` message where the site's locales write
/// it, else `title` of site.yaml, else the theme's own word for it ("Documentation").
pub(crate) fn site_title(site: &Site, lang: usize) -> String {
    yaml_title(site, lang)
        .map(str::to_string)
        .or_else(|| site.locales.format(lang, messages::SITE_TITLE, None).ok())
        .unwrap_or_default()
}

/// site.yaml's `title` for `lang`, where no locale file of the site writes `site-title`.
fn yaml_title(site: &Site, lang: usize) -> Option<&str> {
    if site.locales.written(lang, messages::SITE_TITLE) {
        return None;
    }
    site.config.languages[lang].title.as_deref()
}

#[cfg(test)]
mod tests {
    use super::anchors;

    #[test]
    fn anchors_are_the_id_attributes() {
        let html = r#"<h2 id="a">A</h2><p data-id="x"><span id="b-1" class="c">"#;
        assert_eq!(anchors(html.as_bytes()).collect::<Vec<_>>(), ["a", "b-1"]);
    }
}
