//! `polydocs mark <code>`: records that translations are up to date with their source, so
//! that nobody edits fingerprints by hand. One page (`--page docs/a.md`), one message
//! (`--message id`), or everything the language has translated (`--all`).
//!
//! Marking keeps the source text it certifies (messages in `translations.lock`, pages in
//! `pages.lock`), so that when the source changes, `check` and `status` show what changed.
//! A translation identical to its source is a copy, not a translation: it is marked only
//! with `--include-identical` (for a name that is the same in every language).
//!
//! Marking also keeps the translation's own fingerprint, so that a translation nobody
//! touched since its source changed is not certified by accident: `mark` of one such page or
//! message refuses and shows what changed in the source; `mark --all` leaves them out and
//! lists them. `--force` certifies them as they are (the change needed no new wording).

use std::path::Path;

use crate::content::PageSource;
use crate::site::{self, Site};
use crate::translation::blocks::{identical_blocks, page_blocks};
use crate::translation::{
    Lock, LockEntry, change_summary, fingerprint, is_outdated, message_texts, page_fingerprint,
    page_is_copy, page_text, stamp_page,
};

pub enum Target {
    Page(String),
    Message(String),
    All,
}

/// How `mark` may certify what it is asked to.
#[derive(Debug, Default, Clone, Copy)]
pub struct Options {
    /// Also mark translations identical to their source (`--include-identical`).
    pub include_identical: bool,
    /// Also mark outdated translations that did not change since they were last marked
    /// (`--force`).
    pub force: bool,
}

/// What `mark` without a target prints: its three forms.
pub(crate) fn usage(code: &str) -> String {
    format!(
        "say what to mark as up to date in {code}:\n  \
         polydocs mark {code} --all                      every translated page and message\n  \
         polydocs mark {code} --page content/{code}/hours.md  one page (also `{code}/hours.md` or `hours.md`)\n  \
         polydocs mark {code} --message footer-note      one message\n\
         Add --include-identical to also mark translations identical to their source on purpose (a name),\n\
         and --force to mark outdated translations that did not change since their source did."
    )
}

pub fn run(root: &Path, code: &str, target: Option<&Target>, options: Options) -> i32 {
    let Some(target) = target else {
        eprintln!("error: {}", usage(code));
        return 2;
    };
    // Read under the lock of the site's sources, so that what is certified is what is on
    // disk while the lock files and pages are rewritten.
    let _lock = match crate::source::SourceLock::take(root) {
        Ok(lock) => lock,
        Err(message) => {
            eprintln!("error: {message}");
            return 1;
        }
    };
    let Some(site) = load_for(root, code) else {
        return 1;
    };
    match mark(&site, code, target, options) {
        // What was left unmarked fails the run, so that a script or CI notices.
        Ok(outcome) if outcome.left > 0 => {
            println!("{}", outcome.summary);
            eprintln!(
                "mark left {} translation(s) of {code} unmarked (listed above), so it exits with status 1.",
                outcome.left
            );
            1
        }
        Ok(outcome) => {
            println!("{}", outcome.summary);
            0
        }
        Err(message) => {
            eprintln!("error: {message}");
            1
        }
    }
}

/// The site, for marking language `code`: errors in the files of another language (a
/// colleague's broken German file) are said and left alone, since marking French reads only
/// French and the source; an error anywhere else stops it, as it did before. `None` when it
/// stops (the errors printed).
pub(crate) fn load_for(root: &Path, code: &str) -> Option<Site> {
    let (site, report) = site::load_partial(root, &site::LoadOptions::default());
    let default = site
        .as_ref()
        .map(|s| s.config.default_language().code.clone());
    let errors: Vec<crate::diagnostic::Diagnostic> = (report.diagnostics.iter())
        .filter(|d| d.is_error())
        .cloned()
        .collect();
    let elsewhere = |d: &crate::diagnostic::Diagnostic| {
        d.language()
            .is_some_and(|l| l != code && Some(l) != default.as_deref())
    };
    if site.is_none() || !errors.iter().all(elsewhere) {
        super::print_failure(report, "mark");
        return None;
    }
    if !errors.is_empty() {
        super::print_diagnostics(&errors);
        eprintln!(
            "mark goes on: these {} error(s) are in other languages' files, which marking {code} does not read.",
            errors.len()
        );
    }
    site
}

/// A page as a translator names it: `content/fr/docs/a.md`, `fr/docs/a.md` or `docs/a.md`
/// (a path into the source language's folder is accepted too) → `docs/a.md`.
pub(crate) fn page_key(site: &Site, code: &str, page: &str) -> String {
    let page = page.replace('\\', "/");
    let mut key = page.trim_start_matches("./");
    key = key.strip_prefix("content/").unwrap_or(key);
    let default = &site.config.default_language().code;
    for prefix in [code, default.as_str()] {
        if let Some(rest) = key.strip_prefix(prefix).and_then(|r| r.strip_prefix('/')) {
            key = rest;
            break;
        }
    }
    key.to_string()
}

/// What a run of `mark` did: its summary, and how many translations it left unmarked (copies
/// without `--include-identical`, unchanged outdated ones without `--force`).
pub struct Outcome {
    pub(crate) summary: String,
    pub(crate) left: usize,
}

/// Marks translations of `code` up to date; returns what was done.
pub fn mark(site: &Site, code: &str, target: &Target, options: Options) -> Result<Outcome, String> {
    let Options {
        include_identical,
        force,
    } = options;
    let lang = site.config.language_index(code).ok_or_else(|| {
        let codes = site.config.codes();
        format!(
            "unknown language `{code}`; the site has {}",
            codes.join(", ")
        )
    })?;
    if lang == site.config.default {
        return Err(format!(
            "`{code}` is the default language: its pages and messages are the source"
        ));
    }
    // Both lock files are read before anything is written: one that cannot be read leaves
    // every file as it was.
    let pages_lock = match target {
        Target::Page(_) | Target::All => {
            Some(Lock::read_pages(&site.root, code).map_err(|d| d.to_string())?)
        }
        Target::Message(_) => None,
    };
    let messages_lock = match target {
        Target::Message(_) | Target::All => {
            Some(Lock::read(&site.root, code).map_err(|d| d.to_string())?)
        }
        Target::Page(_) => None,
    };
    let request = Request {
        site,
        code,
        lang,
        target,
        include_identical,
        force,
    };
    let mut marked = Marked::default();
    if let Some(lock) = pages_lock {
        request.mark_pages(lock, &mut marked)?;
    }
    if let Some(lock) = messages_lock {
        request.mark_messages(lock, &mut marked)?;
    }
    Ok(Outcome {
        summary: marked.summary(code, &site.config.default_language().code),
        left: marked.skipped.len() + marked.unchanged.len(),
    })
}

/// What to mark: the language (by its code and index), the target, and whether copies are
/// marked too.
struct Request<'a> {
    site: &'a Site,
    code: &'a str,
    lang: usize,
    target: &'a Target,
    include_identical: bool,
    /// Certify outdated translations that did not change since they were last marked.
    force: bool,
}

/// What a run marked, and the copies it left unmarked (`page docs/a.md`, `message id`).
#[derive(Default)]
struct Marked {
    pages: usize,
    messages: usize,
    skipped: Vec<String>,
    /// Outdated translations that did not change since they were last marked, with what
    /// changed in their source: (name, diff).
    unchanged: Vec<(String, String)>,
}

impl Request<'_> {
    /// Stamps the pages with their source's fingerprint and records the source text in the
    /// pages' lock file.
    fn mark_pages(&self, mut lock: Lock, marked: &mut Marked) -> Result<(), String> {
        let (site, code) = (self.site, self.code);
        let default = site.config.default;
        let wanted = match self.target {
            Target::Page(p) => Some(page_key(site, code, p)),
            _ => None,
        };
        let by_key = crate::translation::pages_by_key(site);
        let kept = crate::check::kept_terms(site, code);
        for page in site.pages.iter().filter(|p| p.lang == self.lang) {
            if wanted.as_ref().is_some_and(|key| &page.key != key) {
                continue;
            }
            let Some(source) = by_key.get(&(default, page.key.as_str())) else {
                continue;
            };
            self.mark_page(page, source, &mut lock, marked, wanted.is_some(), &kept)?;
        }
        if let Some(key) = &wanted
            && marked.pages == 0
        {
            return Err(self.page_not_marked(key, marked));
        }
        if marked.pages > 0 {
            lock.write_pages(&site.root, code)
                .map_err(|e| format!("cannot write the pages' lock file of {code}: {e}"))?;
        }
        Ok(())
    }

    /// Marks one translated page, or leaves it out (a copy, or a translation unchanged since
    /// its source changed). `one` is for `--page`, which refuses the latter instead.
    fn mark_page(
        &self,
        page: &PageSource,
        source: &PageSource,
        lock: &mut Lock,
        marked: &mut Marked,
        one: bool,
        kept: &[String],
    ) -> Result<(), String> {
        let identical = page_is_copy(page, source);
        let certified = lock
            .entries
            .get(&page.key)
            .is_some_and(|e| e.identical && e.hash == page_fingerprint(source));
        if identical && !self.include_identical && !certified {
            marked.skipped.push(format!("page {}", page.key));
            return Ok(());
        }
        let own = fingerprint(&page_text(page));
        let previous = lock.entries.get(&page.key);
        if let Some(diff) = self.unchanged_since_marked(page, source, previous, &own) {
            if one {
                return Err(self.unchanged_page(page, &diff));
            }
            marked.unchanged.push((format!("page {}", page.key), diff));
            return Ok(());
        }
        let hash = page_fingerprint(source);
        stamp(self.site, page, &hash)?;
        let same_blocks = self.same_blocks(page, source, previous, kept);
        lock.entries.insert(
            page.key.clone(),
            LockEntry {
                hash,
                identical,
                text: Some(page_text(source)),
                translation: Some(own),
                same_blocks,
            },
        );
        marked.pages += 1;
        Ok(())
    }

    /// What changed in the source of an outdated translation that is still the text last
    /// marked (`own` is its fingerprint): marking it would certify it by accident. `None`
    /// with `--force`, or when the translation is not such a one.
    fn unchanged_since_marked(
        &self,
        page: &PageSource,
        source: &PageSource,
        previous: Option<&LockEntry>,
        own: &str,
    ) -> Option<String> {
        let recorded = page.front.source_hash.as_deref();
        let unchanged = !self.force
            && is_outdated(page, source)
            && previous.is_some_and(|e| {
                Some(e.hash.as_str()) == recorded && e.translation.as_deref() == Some(own)
            });
        unchanged.then(|| change_summary(previous, recorded.unwrap_or(""), &page_text(source)))
    }

    /// `mark --page` of a translation unchanged since its source changed: what changed, and
    /// the two ways on.
    fn unchanged_page(&self, page: &PageSource, diff: &str) -> String {
        let code = self.code;
        let default_code = &self.site.config.default_language().code;
        format!(
            "content/{code}/{key} did not change since its {default_code} source changed, \
             so it is not marked up to date.\n  \
             What changed in content/{default_code}/{key}: {diff}\n\
             Update the translation, or run again with --force if it still says the same.",
            key = page.key
        )
    }

    /// Blocks identical to their source, by fingerprint: certified with
    /// --include-identical, and kept certified when they were before.
    fn same_blocks(
        &self,
        page: &PageSource,
        source: &PageSource,
        previous: Option<&LockEntry>,
        kept: &[String],
    ) -> Vec<String> {
        let (source_blocks, own_blocks) = (page_blocks(source), page_blocks(page));
        let copied = identical_blocks(&source_blocks, &own_blocks, kept);
        let same_blocks: std::collections::BTreeSet<String> = copied
            .iter()
            .map(|b| fingerprint(&b.text))
            .filter(|f| {
                self.include_identical || previous.is_some_and(|e| e.same_blocks.contains(f))
            })
            .collect();
        same_blocks.into_iter().collect()
    }

    /// Why `mark --page` marked nothing: the page is a copy, or there is no such page with a
    /// source.
    fn page_not_marked(&self, key: &str, marked: &Marked) -> String {
        let code = self.code;
        let default_code = &self.site.config.default_language().code;
        if !marked.skipped.is_empty() {
            return format!(
                "content/{code}/{key} is the {default_code} page copied, not a translation; \
                 translate it, or add --include-identical if it is the same on purpose"
            );
        }
        format!("no page `{key}` in content/{code}/ with a source in content/{default_code}/")
    }

    /// Records the messages' source texts and fingerprints in the messages' lock file.
    fn mark_messages(&self, mut lock: Lock, marked: &mut Marked) -> Result<(), String> {
        let (site, code) = (self.site, self.code);
        let source = message_texts(&site.locales, site.config.default);
        let own = message_texts(&site.locales, self.lang);
        let mut copied = false;
        for (id, text) in &source {
            if let Target::Message(m) = self.target
                && m != id
            {
                continue;
            }
            let Some(translation) = own.get(id) else {
                continue;
            };
            let identical = translation.text == text.text && text.has_words;
            // A copy certified identical for this very source stays certified.
            let certified = lock
                .entries
                .get(id)
                .is_some_and(|e| e.identical && e.hash == text.fingerprint());
            if identical && !self.include_identical && !certified {
                marked.skipped.push(format!("message {id}"));
                copied = true;
                continue;
            }
            let own = translation.fingerprint();
            let previous = lock.entries.get(id);
            if !self.force
                && previous.is_some_and(|e| {
                    e.hash != text.fingerprint() && e.translation.as_deref() == Some(&own)
                })
            {
                let diff = change_summary(
                    previous,
                    previous.map_or("", |e| e.hash.as_str()),
                    &text.text,
                );
                if let Target::Message(_) = self.target {
                    let default_code = &site.config.default_language().code;
                    return Err(format!(
                        "`{id}` in {code} did not change since its {default_code} source changed, \
                         so it is not marked up to date.\n  \
                         What changed in the {default_code} source: {diff}\n\
                         Update the translation, or run again with --force if it still says the same."
                    ));
                }
                marked.unchanged.push((format!("message {id}"), diff));
                continue;
            }
            lock.entries.insert(
                id.clone(),
                LockEntry {
                    hash: text.fingerprint(),
                    identical,
                    text: Some(text.text.clone()),
                    translation: Some(own),
                    same_blocks: Vec::new(),
                },
            );
            marked.messages += 1;
        }
        if let Target::Message(id) = self.target
            && marked.messages == 0
        {
            if copied {
                let default_code = &site.config.default_language().code;
                return Err(format!(
                    "`{id}` in {code} is the {default_code} text copied, not a translation; \
                     translate it, or add --include-identical if it is the same on purpose (a name)"
                ));
            }
            return Err(format!(
                "`{id}` is not both in the default language and translated into {code}"
            ));
        }
        lock.write(&site.root, code)
            .map_err(|e| format!("cannot write the lock file of {code}: {e}"))
    }
}

/// Writes the source's fingerprint into a page's front matter; a page that has it already is
/// not written (its file keeps its modification time).
fn stamp(site: &Site, page: &PageSource, hash: &str) -> Result<(), String> {
    let stamped = stamp_page(&page.source.text, hash);
    if stamped != page.source.text {
        let path = site.root.join(&page.source.display);
        crate::source::replace_file(&path, stamped.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}

impl Marked {
    fn summary(&self, code: &str, default_code: &str) -> String {
        let (pages, messages) = (self.pages, self.messages);
        let mut summary =
            format!("Marked {pages} page(s) and {messages} message(s) of {code} as up to date.");
        if !self.skipped.is_empty() {
            summary.push_str(&format!(
                "\nLeft {} unmarked: identical to {default_code}, so copied rather than translated ({}). \
                 Translate them, or run again with --include-identical if they are the same on purpose.",
                self.skipped.len(),
                shown(&self.skipped)
            ));
        }
        if !self.unchanged.is_empty() {
            summary.push_str(&format!(
                "\nLeft {} unmarked: outdated, and not changed since they were last marked, so their \
                 source changed but they did not:",
                self.unchanged.len()
            ));
            for (name, diff) in &self.unchanged {
                summary.push_str(&format!("\n  {name}: {diff}"));
            }
            summary.push_str(&format!(
                "\nUpdate them, or certify them as they are with `polydocs mark {code} --page PAGE --force`, \
                 `polydocs mark {code} --message ID --force`, or `polydocs mark {code} --all --force`."
            ));
        }
        summary
    }
}

/// The first few names of a list, and how many more.
fn shown(names: &[String]) -> String {
    const SHOWN: usize = 8;
    let mut out = names
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > SHOWN {
        out.push_str(&format!(" and {} more", names.len() - SHOWN));
    }
    out
}
