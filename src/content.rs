//! Markdown pages: `content/<code>/**/*.md`, each with YAML front matter.
//!
//! A page is known by its key, its path inside the language folder (`docs/setup.md`); the same
//! key in two languages is the same page translated. A folder's `_index.md` is its list page.
//! Loading only splits and checks front matter: Markdown is rendered later, page by page, so
//! that no stage holds every rendered page at once.

use std::path::Path;

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_saphyr::Spanned;

use crate::config::SiteConfig;
use crate::diagnostic::{Code, Diagnostic};
use crate::plan::is_slug;
use crate::source::{Position, SourceFile, display_path};
use crate::yaml;

/// Front matter, the YAML between the `---` lines at the top of a page.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FrontMatter {
    pub title: String,
    #[serde(default)]
    pub(crate) description: Option<String>,
    /// Orders pages in navigation and lists (lower first; then by title).
    #[serde(default)]
    pub(crate) weight: Option<i64>,
    /// The template to render the page with, instead of the default for its kind.
    #[serde(default)]
    pub template: Option<Spanned<String>>,
    /// Makes this page the page of a tier of the plan data (and renders it with `tier.html`).
    #[serde(default)]
    pub tier: Option<Spanned<String>>,
    /// A page being written: left out of `build` (with its translations, for a page of the
    /// default language), published by `build --drafts` and shown by `serve`, marked.
    #[serde(default)]
    pub(crate) draft: bool,
    /// Old addresses of the page, from the site's root (`/en/docs/setup/`): each is published
    /// as a page that sends the visitor on to this one.
    #[serde(default)]
    pub(crate) aliases: Vec<Spanned<String>>,
    /// Hash of the default-language page this translation was made from.
    #[serde(default)]
    pub source_hash: Option<String>,
    // Translation metadata written by translation platforms; accepted and not used.
    #[serde(default)]
    #[allow(dead_code)]
    source_git_commit: Option<IgnoredAny>,
    #[serde(default)]
    #[allow(dead_code)]
    workflow_type: Option<IgnoredAny>,
    #[serde(default)]
    #[allow(dead_code)]
    source_wordcount: Option<IgnoredAny>,
    #[serde(default)]
    #[allow(dead_code)]
    ht_degree: Option<IgnoredAny>,
}

/// One Markdown file of one language.
#[derive(Debug)]
pub struct PageSource {
    /// Index of the language whose folder holds the file.
    pub(crate) lang: usize,
    /// Path inside the language folder, with `/` separators (`docs/_index.md`).
    pub(crate) key: String,
    pub source: SourceFile,
    pub front: FrontMatter,
    /// Byte offset where the Markdown body starts.
    pub body_start: usize,
    /// Number of lines before the body (for positions inside it).
    pub body_line: usize,
    /// Keys of other site generators in the front matter (read past), with the byte offset
    /// of each in the file.
    pub(crate) foreign_keys: Vec<(&'static str, usize)>,
}

impl PageSource {
    pub fn body(&self) -> &str {
        &self.source.text[self.body_start..]
    }

    /// The page's URL path inside its language, with a trailing slash (`docs/setup/`), or `""`
    /// for the language's home page.
    pub fn url_path(&self) -> String {
        url_path(&self.key)
    }

    pub(crate) fn is_section(&self) -> bool {
        PageKind::of(&self.key).is_section()
    }

    pub(crate) fn kind(&self) -> PageKind {
        PageKind::of(&self.key)
    }

    pub fn position_of(&self, spanned: &Spanned<String>) -> Position {
        yaml::spanned_position(spanned, 1)
    }
}

/// The file name of a section's own page, as Hugo and Zola name it: its list page, and for the
/// top folder of a language, the language's home.
const SECTION_FILE: &str = "_index.md";
/// The file name of a page bundle's page.
pub(crate) const BUNDLE_FILE: &str = "index.md";

/// The key of a language's home page: the top section's own page.
pub(crate) const HOME: &str = SECTION_FILE;

/// What a page is, read from its key once here: it decides the page's address, its place in
/// the navigation and whether it lists other pages. Being a draft or having old addresses
/// (`aliases:`) is a page's state and extra routes, not a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PageKind {
    /// `_index.md`: the language's home, the top section's list page.
    Home,
    /// `docs/_index.md`: a section's list page.
    Section,
    /// `docs/faq/index.md`: a page bundle, its folder's page, published with the folder's
    /// other files.
    Bundle,
    /// `docs/setup.md`: a page of its section.
    Leaf,
}

impl PageKind {
    pub(crate) fn of(key: &str) -> PageKind {
        let name = key.rsplit_once('/').map_or(key, |(_, name)| name);
        match name {
            SECTION_FILE if name.len() == key.len() => PageKind::Home,
            SECTION_FILE => PageKind::Section,
            BUNDLE_FILE if name.len() < key.len() => PageKind::Bundle,
            _ => PageKind::Leaf,
        }
    }

    /// Whether the page lists the pages of its folder (the home or a section).
    pub(crate) fn is_section(self) -> bool {
        matches!(self, PageKind::Home | PageKind::Section)
    }
}

/// The folder of a page bundle's key, with its slash (`docs/faq/index.md` → `docs/faq/`).
pub(crate) fn bundle_folder(key: &str) -> Option<&str> {
    (PageKind::of(key) == PageKind::Bundle).then(|| &key[..key.len() - BUNDLE_FILE.len()])
}

/// The key of the section page of `folder` (`docs` → `docs/_index.md`; `""` → the home).
pub(crate) fn section_key(folder: &str) -> String {
    if folder.is_empty() {
        HOME.to_string()
    } else {
        format!("{folder}/{SECTION_FILE}")
    }
}

/// The keys a page published at `folder` (`docs/faq`, not empty) may have: a leaf page, a
/// section or a page bundle.
pub(crate) fn keys_at(folder: &str) -> [String; 3] {
    [
        format!("{folder}.md"),
        section_key(folder),
        format!("{folder}/{BUNDLE_FILE}"),
    ]
}

/// `docs/setup.md` → `docs/setup/`, `docs/_index.md` → `docs/`, `_index.md` → ``, and a page
/// bundle's `docs/faq/index.md` → `docs/faq/` (the folder's page, as Hugo's leaf bundles).
pub(crate) fn url_path(key: &str) -> String {
    let (folder, slash) = url_folder(key);
    [folder, slash].concat()
}

/// [`url_path`] in two borrowed parts: the folder, and the slash a page (not a section) adds.
pub(crate) fn url_folder(key: &str) -> (&str, &'static str) {
    let stem = key.strip_suffix(".md").unwrap_or(key);
    if let Some(folder) = stem.strip_suffix("_index") {
        return (folder, "");
    }
    match stem.strip_suffix("/index") {
        Some(folder) => (&stem[..=folder.len()], ""),
        None => (stem, "/"),
    }
}

/// Whether `key` is a page bundle's page (`docs/faq/index.md`): the page of its folder, whose
/// other files are published beside it.
pub(crate) fn is_bundle(key: &str) -> bool {
    PageKind::of(key) == PageKind::Bundle
}

/// The key of the section a page belongs to (`docs/_index.md` for `docs/setup.md`), if any.
pub(crate) fn parent_section(key: &str) -> Option<String> {
    let own_folder = key
        .strip_suffix("_index.md")
        .or_else(|| key.strip_suffix("/index.md"));
    let folder = if let Some(dir) = own_folder {
        let dir = dir.trim_end_matches('/');
        if dir.is_empty() {
            return None;
        }
        dir.rsplit_once('/').map_or("", |(p, _)| p).to_string()
    } else {
        key.rsplit_once('/').map_or("", |(p, _)| p).to_string()
    };
    Some(section_key(&folder))
}

/// Splits the drafts out of `pages`: every page marked `draft: true`, and the translations of
/// a draft of the default language `default`. Returns the published pages and the drafts.
pub(crate) fn split_drafts(
    pages: Vec<PageSource>,
    default: usize,
) -> (Vec<PageSource>, Vec<PageSource>) {
    let drafted: std::collections::HashSet<String> = pages
        .iter()
        .filter(|p| p.front.draft && p.lang == default)
        .map(|p| p.key.clone())
        .collect();
    pages
        .into_iter()
        .partition(|p| !p.front.draft && !drafted.contains(&p.key))
}

/// Reads every language's pages. Pages with errors are left out and reported.
pub(crate) fn load(root: &Path, config: &SiteConfig) -> (Vec<PageSource>, Vec<Diagnostic>) {
    let (pages, _, diags) = load_all(root, config);
    (pages, diags)
}

/// [`load`], also giving the pages left out for their errors (language, key), so that the
/// links to them are not reported broken as well.
pub(crate) fn load_all(
    root: &Path,
    config: &SiteConfig,
) -> (Vec<PageSource>, Vec<(usize, String)>, Vec<Diagnostic>) {
    use rayon::prelude::*;
    let mut diags = Vec::new();
    let mut files = Vec::new();
    for (lang, language) in config.languages.iter().enumerate() {
        let dir = root.join("content").join(&language.code);
        if !dir.is_dir() {
            continue;
        }
        let (found, walk_diags) = crate::source::walk(root, &dir, &["md"]);
        diags.extend(walk_diags);
        files.extend(
            found
                .into_iter()
                .map(|path| (lang, display_path(&dir, &path), path)),
        );
    }
    // Pages are read and parsed side by side (a large site's front matter is a fifth of its
    // loading), and kept in the order of the walk.
    let loaded: Vec<Result<PageSource, (Diagnostic, usize, String)>> = files
        .into_par_iter()
        .map(|(lang, key, path)| {
            load_page(root, lang, &key, &path).map_err(|d| {
                let d = d.in_language(&config.languages[lang].code).about_page(&key);
                (d, lang, key)
            })
        })
        .collect();
    let mut pages = Vec::with_capacity(loaded.len());
    let mut failed = Vec::new();
    for page in loaded {
        match page {
            Ok(page) => pages.push(page),
            Err((d, lang, key)) => {
                diags.push(d);
                failed.push((lang, key));
            }
        }
    }
    diags.extend(foreign_key_warnings(&pages, config));
    (pages, failed, diags)
}

/// The files of the language folders that are not pages (a page bundle's images, a
/// section's diagrams), each with the path it is published at: `content/en/docs/faq/map.png`
/// at `en/docs/faq/map.png`, beside the page `docs/faq/index.md`, so that the page names it
/// `map.png`. A language without its own copy of a file of the default language gets the
/// default's, so that a translated page (or one shown from the default language) finds it
/// where the default page does. Files whose address the build uses itself (an `index.html`,
/// the `404.html` and `search/` of a language) are refused; names starting with `.` are left
/// out.
pub(crate) fn other_files(
    root: &Path,
    config: &SiteConfig,
) -> (Vec<(std::path::PathBuf, String)>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    // Per language: path inside the language folder → file.
    let mut per_language: Vec<std::collections::BTreeMap<String, std::path::PathBuf>> =
        vec![Default::default(); config.languages.len()];
    for (lang, language) in config.languages.iter().enumerate() {
        let dir = root.join("content").join(&language.code);
        if language.pseudo || !dir.is_dir() {
            continue;
        }
        // Symbolic links were reported by the walk of the pages.
        let (found, _) = crate::source::walk(root, &dir, &[]);
        for path in found {
            if path.extension().is_some_and(|e| e == "md") {
                continue;
            }
            let inner = display_path(&dir, &path);
            if inner.split('/').any(|part| part.starts_with('.')) {
                continue;
            }
            let lower = inner.to_ascii_lowercase();
            let first = lower.split('/').next().unwrap_or_default();
            if lower == "index.html"
                || lower.ends_with("/index.html")
                || lower == "404.html"
                || first == "search"
            {
                let shown = display_path(root, &path);
                diags.push(
                    Diagnostic::error(
                        Code::PageCollision,
                        format!(
                            "{shown} would be published at /{}/{inner}, where the build writes a page or the search index",
                            language.prefix
                        ),
                    )
                    .in_file(&shown)
                    .hint("rename it: the files beside a page may have any name but `index.html`"),
                );
                continue;
            }
            per_language[lang].insert(inner, path);
        }
    }
    let mut out = Vec::new();
    for (lang, language) in config.languages.iter().enumerate() {
        let own = &per_language[lang];
        let borrowed = per_language[config.default]
            .iter()
            .filter(|(inner, _)| !own.contains_key(*inner));
        let mut files: Vec<(&String, &std::path::PathBuf)> = own.iter().chain(borrowed).collect();
        files.sort();
        out.extend(
            files
                .into_iter()
                .map(|(inner, path)| (path.clone(), format!("{}/{inner}", language.prefix))),
        );
    }
    (out, diags)
}

/// Reads and parses the page `key` of language `lang`, at `path`.
fn load_page(root: &Path, lang: usize, key: &str, path: &Path) -> Result<PageSource, Diagnostic> {
    let source = SourceFile::read(root, path).map_err(|d| *d)?;
    if let Some(bad) = key
        .trim_end_matches(".md")
        .split('/')
        .find(|part| !(is_slug(part) || *part == "_index"))
    {
        return Err(Diagnostic::error(
            Code::BadPageName,
            format!("`{bad}` cannot be part of a page address"),
        )
        .in_file(&source.display)
        .hint("rename the file or folder with lowercase letters, digits and hyphens"));
    }
    parse_page(lang, key.to_string(), source).map_err(|d| *d)
}

/// Splits front matter from the body and parses it.
pub fn parse_page(
    lang: usize,
    key: String,
    source: SourceFile,
) -> Result<PageSource, Box<Diagnostic>> {
    let fenced = fences(&source)?;
    let (front, foreign_keys) = front_matter(&source, &fenced)?;
    check_title(&source, &front)?;
    let body_start = fenced.body_start;
    let body_line = source.text[..body_start].matches('\n').count();
    Ok(PageSource {
        lang,
        key,
        source,
        front,
        body_start,
        body_line,
        foreign_keys,
    })
}

/// Where a page's front matter is, in bytes of its file (after a byte order mark).
struct Fenced<'t> {
    /// `---` (YAML) or `+++` (TOML), which opens and closes it.
    fence: &'t str,
    /// Its text, between the two fence lines.
    yaml_start: usize,
    yaml_end: usize,
    /// After the closing fence line.
    body_start: usize,
}

/// Finds the front matter's fences: `---` opens YAML front matter; `+++` TOML, as Zola and
/// Hugo write it. The same line must close it.
fn fences(source: &SourceFile) -> Result<Fenced<'_>, Box<Diagnostic>> {
    let text = source.text.strip_prefix('\u{feff}').unwrap_or(&source.text);
    let bom = source.text.len() - text.len();
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    let fence = text[..first_line_end].trim_end();
    if fence != "---" && fence != "+++" {
        return Err(Box::new(
            Diagnostic::error(
                Code::MissingFrontMatter,
                "the page does not start with front matter",
            )
            .at(source, Position { line: 1, column: 1 })
            .hint("begin the file with a `---` line, `title: ...`, and a closing `---` line"),
        ));
    }
    let yaml_start = bom + first_line_end;
    let mut offset = yaml_start;
    for line in source.text[yaml_start..].split_inclusive('\n') {
        if line.trim_end() == fence {
            return Ok(Fenced {
                fence,
                yaml_start,
                yaml_end: offset,
                body_start: offset + line.len(),
            });
        }
        offset += line.len();
    }
    Err(Box::new(
        Diagnostic::error(
            Code::UnclosedFrontMatter,
            format!("the front matter has no closing `{fence}` line"),
        )
        .at(source, Position { line: 1, column: 1 })
        .hint(format!(
            "add a line with only `{fence}` after the front matter"
        )),
    ))
}

/// Parses the front matter (TOML read as YAML), with the keys of other site generators it
/// held and where they are in the file; an empty one is refused, as every page needs a title.
fn front_matter(
    source: &SourceFile,
    fenced: &Fenced,
) -> Result<(FrontMatter, ForeignKeys), Box<Diagnostic>> {
    let Fenced {
        fence,
        yaml_start,
        yaml_end,
        ..
    } = *fenced;
    let (yaml_text, foreign_keys) = if fence == "+++" {
        toml_as_yaml(source, yaml_start, yaml_end)?
    } else {
        without_foreign_keys(&source.text[yaml_start..yaml_end])
    };
    let foreign_keys: ForeignKeys = foreign_keys
        .into_iter()
        .map(|(key, at)| (key, yaml_start + at))
        .collect();
    let yaml_text = yaml_text.as_str();
    if yaml_text.trim().is_empty() {
        return Err(Box::new(
            Diagnostic::error(Code::MissingTitle, "the front matter is empty")
                .at(source, Position { line: 2, column: 1 })
                .hint("every page needs at least `title: ...`"),
        ));
    }
    let front: FrontMatter = yaml::parse_str(source, yaml_text, 1)?;
    Ok((front, foreign_keys))
}

/// The title must say something, and neither it nor the description may hold a control
/// character or a direction override ([`forbidden_in_title`]): both are shown in every
/// place that names the page.
fn check_title(source: &SourceFile, front: &FrontMatter) -> Result<(), Box<Diagnostic>> {
    if front.title.trim().is_empty() {
        return Err(Box::new(
            Diagnostic::error(Code::MissingTitle, "the page title is empty")
                .at(source, Position { line: 2, column: 1 })
                .hint("write the page's title after `title:`"),
        ));
    }
    let fields = [Some(&front.title), front.description.as_ref()];
    if let Some((text, c)) = fields
        .into_iter()
        .flatten()
        .find_map(|t| t.chars().find(|&c| forbidden_in_title(c)).map(|c| (t, c)))
    {
        return Err(Box::new(
            Diagnostic::error(
                Code::ControlCharacter,
                format!(
                    "`{}` holds the character U+{:04X}, which no title or description may",
                    text.escape_debug(),
                    c as u32
                ),
            )
            .at(source, Position { line: 2, column: 1 })
            .hint("remove it from the front matter"),
        ));
    }
    Ok(())
}

/// Keys other site generators write in front matter (Hugo, Zola, Jekyll, Docusaurus,
/// Starlight), each with what polydocs offers instead, if anything.
pub(crate) const FOREIGN_KEYS: &[(&str, &str)] = &[
    ("date", "polydocs does not date pages"),
    ("lastmod", "polydocs does not date pages"),
    ("updated", "polydocs does not date pages"),
    (
        "publishDate",
        "polydocs does not date pages; `draft: true` keeps a page out of the build",
    ),
    ("expiryDate", "polydocs does not date pages"),
    ("last_update", "polydocs does not date pages"),
    ("lastUpdated", "polydocs does not date pages"),
    (
        "slug",
        "a page's address is its file's path: rename the file (`polydocs move` keeps the old address as an alias)",
    ),
    (
        "url",
        "a page's address is its file's path: rename the file (`polydocs move` keeps the old address as an alias)",
    ),
    (
        "permalink",
        "a page's address is its file's path: rename the file (`polydocs move` keeps the old address as an alias)",
    ),
    (
        "path",
        "a page's address is its file's path: rename the file (`polydocs move` keeps the old address as an alias)",
    ),
    ("id", "a page's address is its file's path"),
    ("redirect_from", "write the old addresses as `aliases:`"),
    (
        "redirect_to",
        "polydocs publishes redirects from a page's `aliases:` only",
    ),
    ("linkTitle", "the navigation shows the page's `title:`"),
    ("sidebar_label", "the navigation shows the page's `title:`"),
    ("sidebar_position", "order pages with `weight:`"),
    (
        "sidebar",
        "order pages with `weight:`; the navigation shows their titles",
    ),
    (
        "menu",
        "the navigation lists every page of a section, ordered by `weight:`",
    ),
    ("tags", "polydocs has no tags or categories"),
    ("categories", "polydocs has no tags or categories"),
    ("taxonomies", "polydocs has no tags or categories"),
    ("keywords", "the search index is made from the page's text"),
    ("summary", "write the summary as `description:`"),
    ("excerpt", "write the summary as `description:`"),
    ("author", "polydocs does not show authors"),
    ("authors", "polydocs does not show authors"),
    ("layout", "choose a template with `template:`"),
    ("type", "choose a template with `template:`"),
    (
        "toc",
        "a page gets its contents from three h2/h3 headings on",
    ),
    (
        "hide_table_of_contents",
        "a page gets its contents from three h2/h3 headings on",
    ),
    (
        "tableOfContents",
        "a page gets its contents from three h2/h3 headings on",
    ),
    ("hide_title", "the page's template decides what it shows"),
    (
        "images",
        "the theme's `head-meta.html` template sets the sharing image",
    ),
    (
        "image",
        "the theme's `head-meta.html` template sets the sharing image",
    ),
    ("extra", "polydocs front matter has no extra values"),
    ("params", "polydocs front matter has no extra values"),
    ("published", "`draft: true` keeps a page out of the build"),
    ("unlisted", "`draft: true` keeps a page out of the build"),
    (
        "in_search_index",
        "every published page is in the search index",
    ),
    ("pagefind", "every published page is in the search index"),
    ("sort_by", "order pages with `weight:`"),
    ("custom_edit_url", "set `edit_url:` in site.yaml"),
    ("editUrl", "set `edit_url:` in site.yaml"),
    (
        "translationKey",
        "translations are matched by their file's path",
    ),
];

/// `yaml` (front matter) with the blocks of other generators' keys ([`FOREIGN_KEYS`]) blanked
/// out (every character but line breaks made a space, so positions stay), and those keys
/// with the byte offset of each. Only keys at the start of a line are seen.
fn without_foreign_keys(yaml: &str) -> (String, Vec<(&'static str, usize)>) {
    let mut found = Vec::new();
    let mut out = String::with_capacity(yaml.len());
    let mut blanking = false;
    let mut offset = 0;
    for line in yaml.split_inclusive('\n') {
        let indented = line.starts_with([' ', '\t']) || line.trim().is_empty();
        if !indented || !blanking {
            blanking = false;
            let key = line.split_once(':').map(|(k, _)| k);
            if let Some(&(name, _)) = key.and_then(|k| FOREIGN_KEYS.iter().find(|(n, _)| *n == k)) {
                found.push((name, offset));
                blanking = true;
            }
        }
        if blanking {
            out.extend(
                line.chars()
                    .map(|c| if c == '\n' || c == '\r' { c } else { ' ' }),
            );
        } else {
            out.push_str(line);
        }
        offset += line.len();
    }
    (out, found)
}

/// Front matter as YAML text, and the other generators' keys left out of it with their offsets.
type Stripped = (String, ForeignKeys);

/// Keys of other site generators, each with its byte offset (in the front matter's text, or
/// in the file).
type ForeignKeys = Vec<(&'static str, usize)>;

/// TOML front matter (`source.text[start..end]`, between `+++` lines) as the YAML the rest
/// reads: each top-level key on the line the TOML writes it on (`title = "A"` → `title: "A"`),
/// its value as JSON (which YAML reads), other lines blank, so that every position keeps its
/// line. Other generators' keys ([`FOREIGN_KEYS`]) are left out, with their offsets.
fn toml_as_yaml(
    source: &SourceFile,
    start: usize,
    end: usize,
) -> Result<Stripped, Box<Diagnostic>> {
    let toml = &source.text[start..end];
    let doc = toml_edit::Document::parse(toml).map_err(|e| {
        let at = start + e.span().map_or(0, |s| s.start);
        Box::new(
            Diagnostic::error(
                Code::YamlSyntax,
                format!("the TOML front matter does not parse: {}", e.message()),
            )
            .at_range(source, at..at + 1)
            .hint("write `key = value` lines between the `+++` lines, strings in quotes"),
        )
    })?;
    let mut lines: Vec<String> = vec![String::new(); toml.split('\n').count()];
    let mut foreign = Vec::new();
    let table = doc.as_table();
    for (key, item) in table.iter() {
        let at = table
            .get_key_value(key)
            .and_then(|(k, _)| k.span())
            .map_or(0, |s| s.start);
        if let Some(&(name, _)) = FOREIGN_KEYS.iter().find(|(n, _)| *n == key) {
            foreign.push((name, at));
            continue;
        }
        let line = toml[..at].matches('\n').count();
        let bare = !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        let name = if bare {
            key.to_string()
        } else {
            serde_json::Value::from(key).to_string()
        };
        lines[line] = format!("{name}: {}", toml_item(item));
    }
    Ok((lines.join("\n"), foreign))
}

fn toml_item(item: &toml_edit::Item) -> serde_json::Value {
    use serde_json::Value as J;
    match item {
        toml_edit::Item::None => J::Null,
        toml_edit::Item::Value(v) => toml_value(v),
        toml_edit::Item::Table(t) => J::Object(
            t.iter()
                .map(|(k, i)| (k.to_string(), toml_item(i)))
                .collect(),
        ),
        toml_edit::Item::ArrayOfTables(a) => J::Array(
            a.iter()
                .map(|t| {
                    J::Object(
                        t.iter()
                            .map(|(k, i)| (k.to_string(), toml_item(i)))
                            .collect(),
                    )
                })
                .collect(),
        ),
    }
}

fn toml_value(value: &toml_edit::Value) -> serde_json::Value {
    use serde_json::Value as J;
    use toml_edit::Value as T;
    match value {
        T::String(s) => J::from(s.value().as_str()),
        T::Integer(i) => J::from(*i.value()),
        T::Float(f) => J::from(*f.value()),
        T::Boolean(b) => J::from(*b.value()),
        T::Datetime(d) => J::from(d.value().to_string()),
        T::Array(a) => J::Array(a.iter().map(toml_value).collect()),
        T::InlineTable(t) => J::Object(
            t.iter()
                .map(|(k, v)| (k.to_string(), toml_value(v)))
                .collect(),
        ),
    }
}

/// One warning a key name of [`FOREIGN_KEYS`] for the whole run, at its first page, saying in
/// how many other pages it is.
pub(crate) fn foreign_key_warnings(pages: &[PageSource], config: &SiteConfig) -> Vec<Diagnostic> {
    let mut first: Vec<(&'static str, &PageSource, usize, usize)> = Vec::new();
    for page in pages {
        for &(key, at) in &page.foreign_keys {
            match first.iter_mut().find(|(k, ..)| *k == key) {
                Some(entry) => entry.3 += 1,
                None => first.push((key, page, at, 0)),
            }
        }
    }
    first
        .into_iter()
        .map(|(key, page, at, others)| {
            let also = match others {
                0 => String::new(),
                1 => " (and in 1 other page)".to_string(),
                n => format!(" (and in {n} other pages)"),
            };
            let instead = FOREIGN_KEYS
                .iter()
                .find(|(k, _)| *k == key)
                .map_or("", |(_, h)| *h);
            Diagnostic::warning(
                Code::ForeignFrontMatter,
                format!("`{key}` is a key of other site generators; polydocs reads past it{also}"),
            )
            .at_range(&page.source, at..at + key.len())
            .in_language(&config.languages[page.lang].code)
            .about_page(&page.key)
            .hint(format!(
                "{instead}; remove the line when the page no longer needs it"
            ))
        })
        .collect()
}

/// Characters a one-line title or description may not hold: controls (NUL, line breaks,
/// escapes) and the bidirectional embeddings and overrides that reorder what follows them.
fn forbidden_in_title(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_refuse_control_characters_and_overrides() {
        for title in ["\"a\\0b\"", "\"a\\u202Eb\"", "\"a\\nb\"", "\"a\\x1bb\""] {
            let d = page(&format!("---\ntitle: {title}\n---\nText.\n")).unwrap_err();
            assert_eq!(d.code, Code::ControlCharacter, "{title}");
        }
        assert!(page("---\ntitle: \"عنوان \\u2067x\\u2069\"\n---\nText.\n").is_ok());
    }

    fn page(text: &str) -> Result<PageSource, Box<Diagnostic>> {
        parse_page(
            0,
            "docs/a.md".into(),
            SourceFile::from_text("content/en/docs/a.md", text),
        )
    }

    #[test]
    fn url_paths_are_pretty() {
        assert_eq!(PageKind::of("_index.md"), PageKind::Home);
        assert_eq!(PageKind::of("docs/_index.md"), PageKind::Section);
        assert_eq!(PageKind::of("docs/faq/index.md"), PageKind::Bundle);
        assert_eq!(PageKind::of("docs/setup.md"), PageKind::Leaf);
        // A name that ends like a section's or a bundle's is a leaf page.
        assert_eq!(PageKind::of("docs/my_index.md"), PageKind::Leaf);
        assert_eq!(PageKind::of("docs/reindex.md"), PageKind::Leaf);
        assert_eq!(PageKind::of("index.md"), PageKind::Leaf);
        assert_eq!(section_key("docs"), "docs/_index.md");
        assert_eq!(bundle_folder("docs/faq/index.md"), Some("docs/faq/"));
        assert_eq!(bundle_folder("docs/faq.md"), None);
        assert_eq!(section_key(""), HOME);
        assert_eq!(url_path("_index.md"), "");
        assert_eq!(url_path("docs/_index.md"), "docs/");
        assert_eq!(url_path("docs/a/b.md"), "docs/a/b/");
        assert_eq!(url_path("docs/faq/index.md"), "docs/faq/");
        assert_eq!(url_path("index.md"), "index/");
        assert_eq!(
            parent_section("docs/faq/index.md").as_deref(),
            Some("docs/_index.md")
        );
    }

    #[test]
    fn parent_sections() {
        assert_eq!(parent_section("_index.md"), None);
        assert_eq!(parent_section("compare.md").as_deref(), Some("_index.md"));
        assert_eq!(
            parent_section("docs/_index.md").as_deref(),
            Some("_index.md")
        );
        assert_eq!(
            parent_section("docs/x/_index.md").as_deref(),
            Some("docs/_index.md")
        );
        assert_eq!(
            parent_section("docs/x/y.md").as_deref(),
            Some("docs/x/_index.md")
        );
    }

    #[test]
    fn toml_front_matter_is_read_as_yaml_is() {
        let p = page("+++\ntitle = \"Hello\"\nweight = 3\ndate = 2024-01-02\naliases = [\"/en/old/\"]\n+++\n# Body\n").unwrap();
        assert_eq!(p.front.title, "Hello");
        assert_eq!(p.front.weight, Some(3));
        assert_eq!(p.front.aliases[0].value, "/en/old/");
        assert_eq!(p.foreign_keys, [("date", 31)]);
        assert_eq!(p.body(), "# Body\n");
        let d = page("+++\ntitle = \"Hello\"\nwieght = 3\n+++\n").unwrap_err();
        assert_eq!(d.location(), "content/en/docs/a.md:3:1");
        let d = page("+++\ntitle = Hello\n+++\n").unwrap_err();
        assert_eq!(d.code, Code::YamlSyntax);
    }

    #[test]
    fn front_matter_and_body_split() {
        let p = page("---\ntitle: Hello\nweight: 3\n---\n# Body\n").unwrap();
        assert_eq!(p.front.title, "Hello");
        assert_eq!(p.front.weight, Some(3));
        assert_eq!(p.body(), "# Body\n");
        assert_eq!(p.body_line, 4);
    }

    #[test]
    fn front_matter_errors_point_into_the_file() {
        let d = page("---\ntitle: Hello\nwieght: 3\n---\n").unwrap_err();
        assert_eq!(d.code, Code::YamlType);
        assert_eq!(d.location(), "content/en/docs/a.md:3:1");
        let d = page("# no front matter\n").unwrap_err();
        assert_eq!(d.code, Code::MissingFrontMatter);
        let d = page("---\ntitle: x\n").unwrap_err();
        assert_eq!(d.code, Code::UnclosedFrontMatter);
    }
}
