//! The state of each translation, as findings: what a language has not translated (and where
//! that shows the text of another language), what it copied from the source instead of
//! translating (`same-as-source`), and what it translated from a source that has changed
//! since (with what changed, word by word).
//!
//! A missing translation is one finding per language and message (or page), whatever the
//! number of places that show it: a new language with few messages gives one line per
//! message to translate, not one per message and use. With `--strict`, a missing translation
//! that a visitor would see is an error.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use fluent_syntax::ast;

use crate::content::PageSource;
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::index::{Index, paths};
use crate::site::Site;
use crate::span::{Position, SourceFile};
use crate::translation::{
    BlockChange, Lock, block_changes, change_summary, is_outdated, message_is_uncertified_copy,
    message_text, message_texts, messages, page_is_uncertified_copy, page_text, recorded_page_text,
};

use super::uses::Uses;

pub fn check(site: &Site, index: &Index, uses: &Uses, strict: bool, out: &mut Vec<Diagnostic>) {
    missing_messages(site, uses, strict, out);
    missing_pages(site, index, strict, out);
    outdated_pages(site, index, out);
    // Each language's messages lock, read once (one that does not read is reported once, and
    // counts as empty).
    let locks: Vec<Lock> = site
        .config
        .languages
        .iter()
        .enumerate()
        .map(|(lang, language)| {
            if lang == site.config.default || language.pseudo {
                return Lock::default();
            }
            Lock::read(&site.root, &language.code).unwrap_or_else(|d| {
                out.push(*d);
                Lock::default()
            })
        })
        .collect();
    outdated_messages(site, &locks, out);
    same_as_source(site, index, uses, &locks, strict, out);
}

/// The severity of a missing translation: visible ones are errors under `--strict`.
fn severity(strict: bool, visible: bool) -> Severity {
    if strict && visible {
        Severity::Error
    } else {
        Severity::Warning
    }
}

/// A language's files as sources, by their displayed path, made when a finding first points
/// into them.
struct Sources<'a> {
    site: &'a Site,
    lang: usize,
    made: HashMap<&'a str, SourceFile>,
}

impl<'a> Sources<'a> {
    fn new(site: &'a Site, lang: usize) -> Sources<'a> {
        Sources {
            site,
            lang,
            made: HashMap::new(),
        }
    }

    /// `d` pointing at `width` characters from `position` of the file `display`.
    fn point(
        &mut self,
        d: Diagnostic,
        display: &str,
        position: Position,
        width: usize,
    ) -> Diagnostic {
        let file = self.site.locales.files[self.lang]
            .iter()
            .find(|f| f.display == display);
        match file {
            Some(file) => {
                let src = self
                    .made
                    .entry(file.display.as_str())
                    .or_insert_with(|| file.source());
                d.spanning(src, position, width)
            }
            None => d.in_file(display),
        }
    }
}

/// Messages of the default language that a language does not define.
fn missing_messages(site: &Site, uses: &Uses, strict: bool, out: &mut Vec<Diagnostic>) {
    let default = site.config.default;
    let default_code = &site.config.default_language().code;
    let mut files = Sources::new(site, default);
    for (lang, language) in site.config.languages.iter().enumerate() {
        if lang == default || language.pseudo {
            continue;
        }
        let code = &language.code;
        let templates = commented_templates(site, lang);
        // A message written but broken is reported where it is written, as a syntax error.
        let broken: BTreeSet<&str> = site.locales.files[lang]
            .iter()
            .flat_map(|f| f.broken.iter().map(String::as_str))
            .collect();
        for (id, definition) in &site.locales.defined[default] {
            if site.locales.defines(lang, id) || broken.contains(id.as_str()) {
                continue;
            }
            let from = site
                .locales
                .resolve(lang, id)
                .map_or(default_code.as_str(), |l| &site.config.languages[l].code);
            let places = uses.required.get(id.as_str());
            let message = match places {
                Some(places) => format!(
                    "`{id}` is not translated into {code}: {code} pages show the {from} text (used at {})",
                    places
                        .iter()
                        .map(|p| p.location())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                None => format!("`{id}` is not translated into {code}"),
            };
            let file_name = definition.file.rsplit('/').next().unwrap_or("");
            let d = Diagnostic::new(
                severity(strict, places.is_some()),
                Code::MissingMessage,
                message,
            )
            .hint(match templates.get(id.as_str()) {
                Some((file, line)) => format!(
                    "translate its template at {file}:{line}: remove the `# ` before its lines \
                     and write the {} text after `=` (until then it falls back)",
                    language.name
                ),
                None => format!("add it to locales/{code}/{file_name} (until then it falls back)"),
            })
            .in_language(code)
            .about_message(id);
            out.push(files.point(d, &definition.file, definition.position, id.chars().count()));
        }
    }
}

/// The messages a language's files hold as commented-out templates (`# id = source text`,
/// as `polydocs new-language` writes them), with the file and line of each: where a missing
/// message is to be translated.
fn commented_templates(
    site: &Site,
    lang: usize,
) -> std::collections::HashMap<String, (String, usize)> {
    let mut out = std::collections::HashMap::new();
    for file in &site.locales.files[lang] {
        let src = file.source();
        for (n, line) in src.text.lines().enumerate() {
            let Some(rest) = line.strip_prefix("# ") else {
                continue;
            };
            let id: &str = rest
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .next()
                .unwrap_or("");
            let is_entry = !id.is_empty()
                && id.starts_with(|c: char| c.is_ascii_alphabetic())
                && rest[id.len()..].trim_start().starts_with('=');
            if is_entry {
                out.entry(id.to_string())
                    .or_insert_with(|| (file.display.clone(), n + 1));
            }
        }
    }
    out
}

/// Pages a language shows from another language.
fn missing_pages(site: &Site, index: &Index, strict: bool, out: &mut Vec<Diagnostic>) {
    for (key, route) in index.routes.all() {
        let language = &site.config.languages[route.lang];
        if !route.is_fallback(&site.pages) || language.pseudo {
            continue;
        }
        let page = &site.pages[route.page];
        let from = &site.config.languages[page.lang].code;
        let code = &language.code;
        out.push(
            Diagnostic::new(
                severity(strict, true),
                Code::MissingPage,
                format!(
                    "page `{key}` is not translated into {code}: /{} shows the {from} page",
                    paths::site_path(&site.config, key, route.lang)
                ),
            )
            .in_file(&page.source.display)
            .in_language(code)
            .about_page(key)
            .hint(format!("translate it as content/{code}/{key}")),
        );
    }
}

/// At most this many outdated-page findings a page, one a changed block; the last counts
/// the rest (`status` lists them all).
const BLOCKS_SHOWN: usize = 10;

/// Translated pages whose source page changed since they were marked up to date: one
/// finding for each block that changed, was added or removed (at the translation's
/// corresponding block, naming the source's line, with the block's whole diff), or one for
/// the page when the certified source was not recorded.
fn outdated_pages(site: &Site, index: &Index, out: &mut Vec<Diagnostic>) {
    // Each language's pages lock is read once, and only for a language with an outdated page.
    let mut locks: HashMap<usize, Lock> = HashMap::new();
    for page in &site.pages {
        let source = index
            .routes
            .get(&page.key, site.config.default)
            .map(|r| &site.pages[r.page]);
        let Some(source) = source.filter(|source| is_outdated(page, source)) else {
            continue;
        };
        let code = &site.config.languages[page.lang].code;
        let lock = locks
            .entry(page.lang)
            .or_insert_with(|| Lock::read_pages(&site.root, code).unwrap_or_default());
        outdated_page(site, page, source, lock, out);
    }
}

/// The findings about the translation `page`, whose `source` changed since the translation
/// was marked up to date: what changed, block by block, when `lock` holds the source text it
/// was marked against (the first [`BLOCKS_SHOWN`] blocks, so that one rewritten page does
/// not bury the other findings), else only that the page changed.
fn outdated_page(
    site: &Site,
    page: &PageSource,
    source: &PageSource,
    lock: &Lock,
    out: &mut Vec<Diagnostic>,
) {
    let default = &site.config.default_language().code;
    let code = &site.config.languages[page.lang].code;
    let hint = format!(
        "update the translation, then run `polydocs mark {code} --page {}`",
        page.key
    );
    let changes = recorded_page_text(lock, page)
        .map(|old| block_changes(old, source, page))
        .unwrap_or_default();
    let finding = |what: String, line: usize| {
        Diagnostic::warning(
            Code::OutdatedPage,
            format!(
                "the {default} page `{}` has changed since this translation was marked up to date: {what}",
                page.key
            ),
        )
        .at(&page.source, Position { line, column: 1 })
        .in_language(code)
        .about_page(&page.key)
        .hint(hint.clone())
    };
    if changes.is_empty() {
        let changed = change_summary(
            lock.entries.get(&page.key),
            page.front.source_hash.as_deref().unwrap_or(""),
            &page_text(source),
        );
        out.push(finding(changed, 1));
        return;
    }
    let total = changes.len();
    for (n, change) in changes.iter().take(BLOCKS_SHOWN).enumerate() {
        let more = if n + 1 == BLOCKS_SHOWN && total > BLOCKS_SHOWN {
            format!(
                " (and {} more changed blocks in this page: `polydocs status` lists them all)",
                total - BLOCKS_SHOWN
            )
        } else {
            String::new()
        };
        let what = changed_block(change, &source.source.display);
        let line = change.translation_line.unwrap_or(1);
        out.push(finding(format!("{what}: {}{more}", change.diff), line));
    }
}

/// What happened to one block of the source page `src`, as an outdated-page finding says
/// it: where to find the block in the source, and when the translation has no block in its
/// place, that too (the translator then writes one rather than looking for it).
fn changed_block(change: &BlockChange, src: &str) -> String {
    let what = match (change.change, change.source_line) {
        ("added", Some(line)) => format!(
            "new {} at {src}:{line}, to translate after this block",
            change.kind
        ),
        ("removed", _) => format!("{} removed from {src}", change.kind),
        (_, Some(line)) => format!("{} changed at {src}:{line}", change.kind),
        (_, None) => format!("{} changed in {src}", change.kind),
    };
    if change.translation_line.is_none() && change.change != "added" {
        format!(
            "{what} (the translation has no {} in its place)",
            change.kind
        )
    } else {
        what
    }
}

/// Messages whose source changed after their translation was marked up to date, with what
/// changed in it.
fn outdated_messages(site: &Site, locks: &[Lock], out: &mut Vec<Diagnostic>) {
    // The source's texts are computed only once a language has a lock file to compare.
    let mut source = None;
    for (lang, language) in site.config.languages.iter().enumerate() {
        let lock = &locks[lang];
        if lock.entries.is_empty() {
            continue;
        }
        let source =
            source.get_or_insert_with(|| message_texts(&site.locales, site.config.default));
        let mut files = Sources::new(site, lang);
        for (id, recorded) in &lock.entries {
            let Some(current) = source.get(id) else {
                continue;
            };
            if current.fingerprint() == recorded.hash || !site.locales.defines(lang, id) {
                continue;
            }
            let changed = change_summary(Some(recorded), &recorded.hash, &current.text);
            let d = Diagnostic::warning(
                Code::OutdatedMessage,
                format!(
                    "the source of `{id}` has changed since its {} translation was marked up to date: {changed}",
                    language.code
                ),
            )
            .in_language(&language.code)
            .about_message(id)
            .hint(format!(
                "update the translation, then run `polydocs mark {} --message {id}`",
                language.code
            ));
            out.push(match site.locales.defined[lang].get(id) {
                Some(def) => files.point(d, &def.file, def.position, id.chars().count()),
                None => d,
            });
        }
    }
}

/// Messages and pages whose text is the source's own: copied, not translated. Visitors read
/// the source language under the language's `lang`, so `--strict` counts the ones they see
/// as errors, as it does fallbacks.
fn same_as_source(
    site: &Site,
    index: &Index,
    uses: &Uses,
    locks: &[Lock],
    strict: bool,
    out: &mut Vec<Diagnostic>,
) {
    let default = site.config.default;
    // The source's messages are gathered once, when a language is first compared with them.
    let mut source = None;
    for (lang, language) in site.config.languages.iter().enumerate() {
        if lang == default || language.pseudo {
            continue;
        }
        // A messages lock file that does not read is reported by `check`; the
        // pages' one here (`outdated_pages` reads it only for outdated pages).
        let pages_lock = match Lock::read_pages(&site.root, &language.code) {
            Ok(lock) => lock,
            Err(d) => {
                out.push(*d);
                Lock::default()
            }
        };
        let source = source.get_or_insert_with(|| messages(&site.locales, default));
        let copies = Copies { site, lang, strict };
        copies.messages(source, uses, &locks[lang], out);
        copies.pages(index, &pages_lock, out);
    }
}

/// The copies of the source in one language, found against what its lock files certify as
/// identical on purpose (`mark --include-identical`).
struct Copies<'a> {
    site: &'a Site,
    lang: usize,
    strict: bool,
}

impl Copies<'_> {
    /// Messages whose text is the `source` message's, not certified in the messages `lock`:
    /// an error under `--strict` when a page shows them (they are in `uses`).
    fn messages(
        &self,
        source: &BTreeMap<&str, &ast::Message<&str>>,
        uses: &Uses,
        lock: &Lock,
        out: &mut Vec<Diagnostic>,
    ) {
        let site = self.site;
        let code = &site.config.languages[self.lang].code;
        let default_code = &site.config.default_language().code;
        let mut files = Sources::new(site, self.lang);
        for (id, own) in messages(&site.locales, self.lang) {
            // Only a message written the same way as its source can be a copy: compared as
            // parsed first, as text (comments left out) only then.
            let Some(src) = source
                .get(id)
                .filter(|s| s.value == own.value && s.attributes == own.attributes)
            else {
                continue;
            };
            if !message_is_uncertified_copy(
                &message_text(own),
                &message_text(src),
                lock.entries.get(id),
            ) {
                continue;
            }
            let d = Diagnostic::new(
                severity(self.strict, uses.required.contains_key(id)),
                Code::SameAsSource,
                format!(
                    "`{id}` in {code} is the {default_code} text copied, not a translation"
                ),
            )
            .in_language(code)
            .about_message(id)
            .hint(format!(
                "translate it; if it is the same in {code} on purpose (a name), run `polydocs mark {code} --message {id} --include-identical`"
            ));
            out.push(match site.locales.defined[self.lang].get(id) {
                Some(def) => files.point(d, &def.file, def.position, id.chars().count()),
                None => d,
            });
        }
    }

    /// Pages that are their source page copied, not certified in the pages' lock: pages are
    /// always shown, so each is an error under `--strict`.
    fn pages(&self, index: &Index, pages_lock: &Lock, out: &mut Vec<Diagnostic>) {
        let site = self.site;
        let default = site.config.default;
        let code = &site.config.languages[self.lang].code;
        let default_code = &site.config.default_language().code;
        for page in site.pages.iter().filter(|p| p.lang == self.lang) {
            let Some(source) = index
                .routes
                .get(&page.key, default)
                .map(|r| &site.pages[r.page])
                .filter(|s| s.lang == default)
            else {
                continue;
            };
            if !page_is_uncertified_copy(page, source, pages_lock) {
                continue;
            }
            out.push(
                Diagnostic::new(
                    severity(self.strict, true),
                    Code::SameAsSource,
                    format!(
                        "page `{}` in {code} is the {default_code} page copied, not a translation",
                        page.key
                    ),
                )
                .at(&page.source, Position { line: 1, column: 1 })
                .in_language(code)
                .about_page(&page.key)
                .hint(format!(
                    "translate it; if it is the same in {code} on purpose, run `polydocs mark {code} --page {} --include-identical`",
                    page.key
                )),
            );
        }
    }
}
