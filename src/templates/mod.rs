//! Tera templates: `templates/**/*.html`, parsed once for the whole build, over the default
//! theme the binary carries ([`crate::theme`]) and the built-in templates (sitemap, robots.txt, a
//! plain 404 page, the translation status report). A site overrides any of them by writing a
//! template of the same name, as Zola does: the site's file first, then the theme's, then the
//! built-in one.
//!
//! Template errors come back from Tera with a span; they are turned into the same positioned
//! diagnostics as every other input error. Each template is also parsed on its own when the
//! set fails, so that all syntax errors of a run are reported, not only the first.

mod asset;
mod translate;

pub use asset::register as register_asset;

use std::path::Path;
use std::sync::Arc;

use crate::content::PageSource;
use crate::diagnostic::{Code, Diagnostic};
use crate::l10n::Locales;
use crate::source::{Position, SourceFile, display_path};
use crate::theme;

/// The templates polydocs brings, by name: a site template of the same name replaces one.
pub(crate) const BUILTIN: &[(&str, &str)] = &[
    ("sitemap.xml", include_str!("builtin/sitemap.xml")),
    ("robots.txt", include_str!("builtin/robots.txt")),
    ("404.html", include_str!("builtin/404.html")),
    (
        STATUS_REPORT,
        include_str!("builtin/translation-status.html"),
    ),
];

/// The template of `polydocs status --html`.
pub(crate) const STATUS_REPORT: &str = "translation-status.html";

/// The template sources, keyed by their name relative to `templates/` (`partials/nav.html`).
pub(crate) struct TemplateSources {
    /// The site's own templates.
    pub(crate) files: Vec<(String, SourceFile)>,
    /// The theme's templates the site does not replace (named `theme:templates/...`). The
    /// site's checks of template text (untranslated words, markup in attributes) leave them
    /// out: they are polydocs's to keep right, not the site's.
    pub(crate) theme: Vec<(String, SourceFile)>,
}

impl TemplateSources {
    pub(crate) fn load(root: &Path) -> (TemplateSources, Vec<Diagnostic>) {
        let dir = root.join("templates");
        let mut diags = Vec::new();
        let (paths, walk_diags) = crate::source::walk(root, &dir, &["html", "xml", "txt"]);
        diags.extend(walk_diags);
        let mut files = Vec::new();
        for path in paths {
            match SourceFile::read(root, &path) {
                Ok(src) => files.push((display_path(&dir, &path), src)),
                Err(d) => diags.push(*d),
            }
        }
        let theme = fitting_theme(&files)
            .into_iter()
            .map(|(name, text)| {
                (
                    name.to_string(),
                    SourceFile::from_text(theme::display(name), text),
                )
            })
            .collect();
        (TemplateSources { files, theme }, diags)
    }

    /// Whether a template of this name exists, the site's own or the theme's.
    pub(crate) fn contains(&self, name: &str) -> bool {
        self.all().any(|(n, _)| n == name)
    }

    pub fn source(&self, name: &str) -> Option<&SourceFile> {
        self.all().find(|(n, _)| n == name).map(|(_, s)| s)
    }

    /// The site's templates, then the theme's it does not replace.
    fn all(&self) -> impl Iterator<Item = &(String, SourceFile)> {
        self.files.iter().chain(&self.theme)
    }

    /// Compiles every template into one Tera instance, with `t()` formatting messages of
    /// `locales` and `asset()` (Tera checks while compiling that every function a template
    /// calls exists; the renderer gives `asset()` the static files).
    pub(crate) fn compile(&self, locales: &Arc<Locales>) -> Result<tera::Tera, Vec<Diagnostic>> {
        let locales = Arc::clone(locales);
        self.compile_with(&move |t| {
            translate::register(t, Arc::clone(&locales));
            asset::register(t, Arc::default());
        })
    }

    /// Compiles every template; `setup` registers the functions and filters they use.
    fn compile_with(&self, setup: &dyn Fn(&mut tera::Tera)) -> Result<tera::Tera, Vec<Diagnostic>> {
        let mut tera = tera::Tera::new();
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.set_escape_fn(crate::escape::html_into);
        setup(&mut tera);
        let builtin = BUILTIN
            .iter()
            .filter(|(name, _)| !self.contains(name))
            .map(|(name, text)| (*name, *text));
        let all = builtin.chain(
            self.all()
                .map(|(name, src)| (name.as_str(), src.text.as_str())),
        );
        match tera.add_raw_templates(all) {
            Ok(()) => Ok(tera),
            Err(whole) => {
                let mut diags = Vec::new();
                for (name, src) in self.all() {
                    let mut alone = tera::Tera::new();
                    setup(&mut alone);
                    if let Err(e) = alone.add_raw_template(name, &src.text)
                        && matches!(e.kind(), tera::ErrorKind::SyntaxError(_))
                    {
                        // Tera sees an unclosed tag where a closer does not match it (or at
                        // the end): the tag left open is where the mistake is.
                        // Only when Tera stumbled at that closer (or at the end): an error
                        // before it is another mistake, at Tera's position.
                        let stumbled = match e.kind() {
                            tera::ErrorKind::SyntaxError(report) => Some(src.offset(Position {
                                line: report.span().start_line.max(1),
                                column: report.span().start_col + 1,
                            })),
                            _ => None,
                        };
                        let d = match unclosed_tag(&src.text).filter(|open| {
                            let from = open
                                .closer
                                .as_ref()
                                .map_or(src.text.trim_end().len(), |(at, _)| *at);
                            stumbled.is_some_and(|at| at >= from)
                        }) {
                            Some(open) => open.diagnostic(src),
                            None => self.diagnostic(&e),
                        };
                        diags.push(d);
                    }
                }
                if diags.is_empty() {
                    diags = self.reference_diagnostics(&whole);
                }
                if diags.is_empty() {
                    diags.push(self.diagnostic(&whole));
                }
                Err(diags)
            }
        }
    }

    /// A Tera error as a diagnostic pointing into the template source: one function per kind
    /// of error, each finding the template and tag it is about.
    pub fn diagnostic(&self, error: &tera::Error) -> Diagnostic {
        match error.kind() {
            tera::ErrorKind::SyntaxError(report) => {
                self.report_diagnostic(Code::TemplateSyntax, report)
            }
            tera::ErrorKind::RenderingError(report) => {
                self.report_diagnostic(Code::TemplateRender, report)
            }
            tera::ErrorKind::MissingParent { current, parent } => {
                self.missing_parent(current, parent)
            }
            tera::ErrorKind::CircularExtend {
                tpl,
                inheritance_chain,
            } => self.circular_extend(tpl, inheritance_chain),
            tera::ErrorKind::CircularInclude { include_chain, .. } => {
                self.circular_include(include_chain)
            }
            tera::ErrorKind::TemplateNotFound(name) => self.template_not_found(name),
            _ => Diagnostic::error(Code::Template, format!("template error: {error}"))
                .hint("fix the templates under templates/"),
        }
    }

    /// A syntax or rendering error, which Tera reports with the span it is at.
    fn report_diagnostic(&self, code: Code, report: &tera::ReportError) -> Diagnostic {
        let d = Diagnostic::error(code, format!("template error: {}", report.message()))
            .hint("fix the template at this position");
        match self.source(report.filename()) {
            Some(src) => {
                let span = report.span();
                let position = Position {
                    line: span.start_line.max(1),
                    column: span.start_col + 1,
                };
                let width = if span.end_line == span.start_line {
                    span.end_col.saturating_sub(span.start_col).max(1)
                } else {
                    1
                };
                d.spanning(src, position, width)
            }
            None => d.in_file(&format!("templates/{}", report.filename())),
        }
    }

    /// `{% extends %}` names a template that does not exist: at that tag.
    fn missing_parent(&self, current: &str, parent: &str) -> Diagnostic {
        self.at_tag(
            Diagnostic::error(
                Code::TemplateMissingParent,
                format!("template `{current}` extends `{parent}`, which does not exist"),
            )
            .hint(format!(
                "add templates/{parent} or fix the name in `{{% extends %}}`"
            )),
            current,
            "extends",
            parent,
        )
    }

    /// Templates that extend each other in a loop. The chain lists the parents of `tpl` up to
    /// the one seen twice; the template before that one in [tpl, parents...] holds the
    /// `extends` closing the loop, so the error points there.
    fn circular_extend(&self, tpl: &String, inheritance_chain: &[String]) -> Diagnostic {
        let full: Vec<&String> = std::iter::once(tpl).chain(inheritance_chain).collect();
        let (closer, target) = closing_link(&full);
        self.at_tag(
            Diagnostic::error(
                Code::TemplateCycle,
                format!(
                    "templates extend each other in a loop: {}",
                    join_chain(&full, "extends")
                ),
            )
            .hint("a template cannot extend itself, directly or through its parents"),
            closer,
            "extends",
            target,
        )
    }

    /// Templates that include each other in a loop: at the include closing it.
    fn circular_include(&self, include_chain: &[String]) -> Diagnostic {
        let full: Vec<&String> = include_chain.iter().collect();
        let (closer, target) = closing_link(&full);
        self.at_tag(
            Diagnostic::error(
                Code::TemplateCycle,
                format!(
                    "templates include each other in a loop: {}",
                    join_chain(&full, "includes")
                ),
            )
            .hint("remove the include that leads back to a template already included"),
            closer,
            "include",
            target,
        )
    }

    /// An included template that does not exist. Tera does not say which template asked for
    /// it: the error points at the first include naming it.
    fn template_not_found(&self, name: &str) -> Diagnostic {
        let d = Diagnostic::error(
            Code::TemplateNotFound,
            format!("template `{name}` does not exist"),
        )
        .hint(format!(
            "add templates/{name} or use the name of an existing template"
        ));
        match self
            .all()
            .find_map(|(n, src)| find_tag(src, "include", Some(name)).map(|_| n.as_str()))
        {
            Some(includer) => self.at_tag(d, includer, "include", name),
            None => d,
        }
    }

    /// Tera checks the names a template uses (filters, functions, tests, included templates,
    /// blocks) once all are loaded, and reports every unknown one in a single message made of
    /// rendered reports (`error: Unknown template `x`` then `--> name:line:col`). Each report
    /// becomes a diagnostic of its own, pointing into its template.
    fn reference_diagnostics(&self, error: &tera::Error) -> Vec<Diagnostic> {
        let tera::ErrorKind::Msg(text) = error.kind() else {
            return Vec::new();
        };
        let lines: Vec<&str> = text.lines().collect();
        let mut out = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let Some(message) = line.strip_prefix("error: ") else {
                continue;
            };
            let Some(location) = lines.get(i + 1).and_then(|l| l.trim().strip_prefix("--> "))
            else {
                continue;
            };
            let mut parts = location.rsplitn(3, ':');
            let (Some(column), Some(line), Some(name)) = (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            let (Ok(line), Ok(column)) = (line.parse::<usize>(), column.parse::<usize>()) else {
                continue;
            };
            let (code, hint) = if message.starts_with("Unknown template") {
                (
                    Code::TemplateNotFound,
                    "add the template under templates/ or use the name of an existing one",
                )
            } else if message.starts_with("Block") {
                (
                    Code::TemplateReference,
                    "define the block in the parent template, or remove it here",
                )
            } else {
                (
                    Code::TemplateReference,
                    "check the spelling: templates may use Tera's built-ins and t()",
                )
            };
            let d = Diagnostic::error(code, format!("template error: {message}")).hint(hint);
            out.push(match self.source(name) {
                Some(src) => {
                    let position = Position {
                        line: line.max(1),
                        column: column.max(1),
                    };
                    // The span of an included name holds its quotes.
                    let quotes = if code == Code::TemplateNotFound { 2 } else { 0 };
                    let width = message
                        .split('`')
                        .nth(1)
                        .map_or(1, |quoted| quoted.chars().count() + quotes);
                    d.spanning(src, position, width)
                }
                None => d.in_file(&format!("templates/{name}")),
            });
        }
        out
    }

    /// Points `d` at the `{% keyword "target" %}` tag of template `name`, or at the file
    /// when the tag cannot be found (a name built at run time).
    fn at_tag(&self, d: Diagnostic, name: &str, keyword: &str, target: &str) -> Diagnostic {
        let Some(src) = self.source(name) else {
            return d.in_file(&format!("templates/{name}"));
        };
        match find_tag(src, keyword, Some(target)).or_else(|| find_tag(src, keyword, None)) {
            Some(range) => d.at_range(src, range),
            None => d.in_file(&src.display),
        }
    }

    /// Every literal `t(id="...")` call, with where it is, for checking message IDs: in the
    /// site's templates, and in the theme's templates that `pages` are rendered with (with
    /// those they extend and include). A site without plan data needs no label of the
    /// theme's tier pages.
    pub(crate) fn message_uses(
        &self,
        pages: &[PageSource],
        has_plan: bool,
    ) -> Vec<(String, &SourceFile, Position)> {
        let used = self.theme_in_use(pages, has_plan);
        let mut uses = Vec::new();
        let theme = self
            .theme
            .iter()
            .filter(|(name, _)| used.contains(name.as_str()));
        for (_, src) in self.files.iter().chain(theme) {
            let text = &src.text;
            let mut from = 0;
            while let Some(found) = text[from..].find("t(id=") {
                let at = from + found;
                from = at + 5;
                if at > 0
                    && text[..at]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_')
                {
                    continue;
                }
                let rest = &text[from..];
                let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                    continue;
                };
                let Some(len) = rest[1..].find(quote) else {
                    continue;
                };
                let id = rest[1..1 + len].to_string();
                uses.push((id, src, src.position(from + 1)));
            }
        }
        uses
    }
}

/// The template a page is rendered with: its `template:`, else the theme's template for its
/// kind of page (a tier, the home page, a section, a page). The home page shows the support
/// plan's tiers only where the site has plan data: a docs site's root `_index.md` is the
/// section of all its pages.
pub(crate) fn page_template(page: &PageSource, has_plan: bool) -> &str {
    if let Some(t) = &page.front.template {
        &t.value
    } else if page.front.tier.is_some() {
        "tier.html"
    } else if page.kind() == crate::content::PageKind::Home && has_plan {
        "home.html"
    } else if page.is_section() {
        "section.html"
    } else {
        "page.html"
    }
}

/// Templates every site renders whatever its pages: the 404 page and the language chooser.
const ALWAYS_RENDERED: &[&str] = &["404.html", "languages.html"];

impl TemplateSources {
    /// The names of the theme templates a build renders: those of `pages` and of every site,
    /// those the site's own templates name, and what these extend, include or import.
    fn theme_in_use(
        &self,
        pages: &[PageSource],
        has_plan: bool,
    ) -> std::collections::BTreeSet<&str> {
        let mut wanted: Vec<&str> = pages.iter().map(|p| page_template(p, has_plan)).collect();
        wanted.extend(ALWAYS_RENDERED);
        for (_, src) in &self.files {
            wanted.extend(named_templates(&src.text));
        }
        let mut seen = std::collections::BTreeSet::new();
        while let Some(name) = wanted.pop() {
            let Some((name, src)) = self.theme.iter().find(|(n, _)| n == name) else {
                continue;
            };
            if seen.insert(name.as_str()) {
                wanted.extend(named_templates(&src.text));
            }
        }
        seen
    }
}

/// The theme's templates that fill in for those the site does not write, and fit with those
/// it does. A theme template extending one of the site's (`page.html` extending the site's
/// own `base.html`) is left out when that parent lacks a block it fills: it was written for
/// the theme's layout, and a site with a layout of its own then gets the built-in 404 page
/// rather than an error in a file it never wrote. A page that needs a template left out is
/// reported as naming a template that does not exist.
fn fitting_theme(files: &[(String, SourceFile)]) -> Vec<(&'static str, &'static str)> {
    let mut kept: Vec<(&'static str, &'static str)> = theme::THEME_TEMPLATES
        .iter()
        .filter(|(name, _)| !files.iter().any(|(n, _)| n == name))
        .copied()
        .collect();
    loop {
        let text_of = |name: &str| -> Option<&str> {
            files
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, s)| s.text.as_str())
                .or_else(|| kept.iter().find(|(n, _)| *n == name).map(|(_, t)| *t))
        };
        let fits = |text: &str| -> bool {
            let mut parent = find_tag_name(text, "extends");
            if parent.is_none() {
                return true; // a layout of its own: its blocks are its own to define
            }
            let mut defined: Vec<&str> = Vec::new();
            // A chain longer than this is a loop, which Tera reports itself.
            for _ in 0..32 {
                let Some(name) = parent else { break };
                let Some(parent_text) = text_of(name) else {
                    return false;
                };
                defined.extend(block_names(parent_text, false));
                parent = find_tag_name(parent_text, "extends");
            }
            block_names(text, true).iter().all(|b| defined.contains(b))
        };
        let before = kept.len();
        let fitting: Vec<bool> = kept.iter().map(|(_, text)| fits(text)).collect();
        let mut flags = fitting.into_iter();
        kept.retain(|_| flags.next().unwrap_or(true));
        if kept.len() == before {
            return kept;
        }
    }
}

/// The name in the first `{% keyword "name" %}` tag of a template.
fn find_tag_name<'a>(text: &'a str, keyword: &str) -> Option<&'a str> {
    tag_names(text, &[keyword]).into_iter().next()
}

/// The names of the `{% block name %}` tags of a template, every one or (`outer`) only
/// those outside any other block: a block nested in another is new, not one of the parent's.
fn block_names(text: &str, outer: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    let mut depth = 0usize;
    while let Some(found) = text[from..].find("{%") {
        from += found + 2;
        let rest = text[from..].strip_prefix('-').unwrap_or(&text[from..]);
        let rest = rest.trim_start();
        if let Some(rest) = rest.strip_prefix("block ") {
            let name: &str = rest
                .trim_start()
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .next()
                .unwrap_or("");
            if !name.is_empty() && (!outer || depth == 0) {
                out.push(name);
            }
            depth += 1;
        } else if rest.starts_with("endblock") {
            depth = depth.saturating_sub(1);
        }
    }
    out
}

/// The templates a template names in `{% extends %}`, `{% include %}` and `{% import %}`.
fn named_templates(text: &str) -> Vec<&str> {
    tag_names(text, &["extends", "include", "import"])
}

/// The quoted names of the tags with one of `keywords`, in order.
fn tag_names<'a>(text: &'a str, keywords: &[&str]) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find("{%") {
        from += found + 2;
        let rest = text[from..].strip_prefix('-').unwrap_or(&text[from..]);
        let rest = rest.trim_start();
        let Some(rest) = keywords.iter().find_map(|k| rest.strip_prefix(k)) else {
            continue;
        };
        let rest = rest.trim_start();
        let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        if let Some(len) = rest[1..].find(quote) {
            out.push(&rest[1..1 + len]);
        }
    }
    out
}

/// The last link of a cycle `[a, b, ..., x, b]`: the template `x` and the one it names.
fn closing_link<'a>(chain: &[&'a String]) -> (&'a str, &'a str) {
    match chain {
        [.., closer, target] => (closer.as_str(), target.as_str()),
        [only] => (only.as_str(), only.as_str()),
        [] => ("", ""),
    }
}

/// `a.html extends b.html extends a.html`.
fn join_chain(chain: &[&String], verb: &str) -> String {
    let names: Vec<&str> = chain.iter().map(|s| s.as_str()).collect();
    names.join(&format!(" {verb} "))
}

/// The byte range of the first `{% keyword "target" %}` tag (`{%-` and either quote
/// accepted) in a template, from `{%` to the closing quote; any target when `None`.
fn find_tag(
    src: &SourceFile,
    keyword: &str,
    target: Option<&str>,
) -> Option<std::ops::Range<usize>> {
    let text = &src.text;
    let mut from = 0;
    while let Some(found) = text[from..].find("{%") {
        let start = from + found;
        from = start + 2;
        let rest = text[from..].strip_prefix('-').unwrap_or(&text[from..]);
        let rest = rest.trim_start();
        let Some(rest) = rest.strip_prefix(keyword) else {
            continue;
        };
        let rest = rest.trim_start();
        let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        let Some(len) = rest[1..].find(quote) else {
            continue;
        };
        let named = &rest[1..1 + len];
        if target.is_none_or(|t| t == named) {
            let end = text.len() - rest.len() + len + 2;
            return Some(start..end);
        }
    }
    None
}

/// A block tag (`{% if %}`, `{% for %}`, `{% block %}`, ...) left open: where it starts, its
/// name, and the closer met in its place (its name and offset), if any before the end.
#[derive(Debug, PartialEq, Eq)]
struct Unclosed {
    at: usize,
    name: String,
    closer: Option<(usize, String)>,
}

impl Unclosed {
    fn diagnostic(&self, src: &SourceFile) -> Diagnostic {
        let name = &self.name;
        let opened = src.position(self.at);
        let message = match &self.closer {
            Some((at, closer)) => format!(
                "`{{% {name} %}}` is not closed: `{{% {closer} %}}` on line {} ends an enclosing tag first",
                src.position(*at).line
            ),
            None => format!("`{{% {name} %}}` is not closed before the end of the template"),
        };
        let width = src.text[self.at..].find("%}").map_or(2, |end| {
            src.text[self.at..self.at + end + 2].chars().count()
        });
        Diagnostic::error(Code::TemplateSyntax, message)
            .spanning(src, opened, width)
            .hint(format!(
                "close it with `{{% end{name} %}}` where its part of the template ends"
            ))
    }
}

/// The first block tag of `text` left open, found by following the tags (comments and
/// `{% raw %}` sections skipped); `None` when every tag is closed by its own closer.
fn unclosed_tag(text: &str) -> Option<Unclosed> {
    const OPENERS: &[&str] = &["if", "for", "block", "macro", "filter", "raw"];
    let mut open: Vec<(usize, &str)> = Vec::new();
    let mut i = 0;
    while let Some(found) = text[i..].find('{') {
        let at = i + found;
        let rest = &text[at..];
        if rest.starts_with("{#") {
            i = rest.find("#}").map_or(text.len(), |e| at + e + 2);
            continue;
        }
        if !rest.starts_with("{%") {
            i = at + 1;
            continue;
        }
        let end = rest.find("%}").map_or(text.len(), |e| at + e + 2);
        let inner = text[at + 2..end.saturating_sub(2).max(at + 2)]
            .trim_matches(['-', ' ', '\t', '\n', '\r']);
        let word = inner.split_whitespace().next().unwrap_or("");
        i = end;
        if OPENERS.contains(&word) {
            open.push((at, word));
            if word == "raw" {
                // Everything up to `{% endraw %}` is text.
                match text[i..].find("endraw") {
                    Some(e) => {
                        i += e;
                        open.pop();
                    }
                    None => {
                        return Some(Unclosed {
                            at,
                            name: "raw".into(),
                            closer: None,
                        });
                    }
                }
            }
        } else if let Some(closed) = word.strip_prefix("end").filter(|c| OPENERS.contains(c)) {
            match open.last() {
                Some((_, top)) if *top == closed => {
                    open.pop();
                }
                Some(&(top_at, top)) => {
                    return Some(Unclosed {
                        at: top_at,
                        name: top.to_string(),
                        closer: Some((at, word.to_string())),
                    });
                }
                None => return None,
            }
        }
    }
    open.pop().map(|(at, name)| Unclosed {
        at,
        name: name.to_string(),
        closer: None,
    })
}

#[cfg(test)]
mod unclosed_tests {
    use super::*;

    #[test]
    fn the_tag_left_open_is_found() {
        let text = "{% block main %}\n<h1>{% if x %}{{ x }}</h1>\n{% for a in b %}{% endfor %}\n{% endblock main %}\n";
        let u = unclosed_tag(text).unwrap();
        assert_eq!(u.name, "if");
        assert_eq!(u.at, text.find("{% if").unwrap());
        assert_eq!(u.closer.as_ref().map(|(_, n)| n.as_str()), Some("endblock"));
        assert_eq!(
            unclosed_tag("{% if a %}{% else %}{# {% if %} #}{% endif %}"),
            None
        );
        let u = unclosed_tag("{% for a in b %}\n").unwrap();
        assert_eq!((u.name.as_str(), u.closer), ("for", None));
        assert_eq!(unclosed_tag("{% raw %}{% if %}{% endraw %}"), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[(&str, &str)]) -> Vec<(String, SourceFile)> {
        files
            .iter()
            .map(|(n, t)| {
                (
                    n.to_string(),
                    SourceFile::from_text(format!("templates/{n}"), *t),
                )
            })
            .collect()
    }

    fn names(files: &[(String, SourceFile)]) -> Vec<&'static str> {
        fitting_theme(files).into_iter().map(|(n, _)| n).collect()
    }

    #[test]
    fn the_theme_fills_in_where_it_fits_the_site_templates() {
        let all = names(&[]);
        assert!(
            all.contains(&"base.html") && all.contains(&"404.html"),
            "{all:?}"
        );

        // A layout of the site's own, without the theme's blocks: the theme's pages that
        // extend it are left out; a template extending nothing still fills in.
        let own = names(&site(&[(
            "base.html",
            "<main>{% block main %}{% endblock main %}</main>",
        )]));
        assert!(!own.contains(&"base.html"));
        assert!(!own.contains(&"404.html"), "{own:?}");
        assert!(own.contains(&"languages.html"), "{own:?}");

        // The theme's layout, changed: every theme template still fits it.
        let base = theme::THEME_TEMPLATES
            .iter()
            .find(|(n, _)| *n == "base.html")
            .map(|(_, t)| t.replace("<footer", "<footer data-mine"))
            .unwrap();
        let changed = names(&site(&[("base.html", &base)]));
        assert_eq!(changed.len(), all.len() - 1, "{changed:?}");
    }

    #[test]
    fn named_templates_and_blocks_are_read_from_tags() {
        let text = "{% extends \"base.html\" %}{%- block main %}{% include 'partials/a.html' %}{% endblock main %}";
        assert_eq!(named_templates(text), ["base.html", "partials/a.html"]);
        assert_eq!(block_names(text, true), ["main"]);
        let nested = "{% block main %}{% block inner %}{% endblock inner %}{% endblock main %}{% block foot %}{% endblock foot %}";
        assert_eq!(block_names(nested, true), ["main", "foot"]);
        assert_eq!(block_names(nested, false), ["main", "inner", "foot"]);
        assert_eq!(find_tag_name(text, "extends"), Some("base.html"));
    }
}
