//! Which translations are up to date: fingerprints of source pages and messages, the lock
//! file that records them per language, and the state of every translation.
//!
//! A translated page records in its front matter (`source-hash:`) the fingerprint of the
//! default-language page it was translated from; a translated message is recorded in
//! `locales/<code>/translations.lock`. When the source changes, its fingerprint no longer
//! matches and the translation is *outdated*. `polydocs mark` writes the fingerprints, so
//! nobody edits hashes by hand.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use fluent_syntax::ast;

use crate::content::PageSource;
use crate::diagnostic::Diagnostic;
use crate::l10n::Locales;
use crate::site::Site;

/// The lock file of a language, inside its locale folder.
pub const LOCK_FILE: &str = "translations.lock";

/// A short, stable fingerprint (64-bit FNV-1a, hex): the same text gives the same value on
/// every machine and every version of polydocs.
pub fn fingerprint(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.as_bytes() {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// What a translator translates of a page: its title, description and body.
pub fn page_fingerprint(page: &PageSource) -> String {
    let description = page.front.description.as_deref().unwrap_or("");
    fingerprint(&format!(
        "{}\n{}\n{}",
        page.front.title,
        description,
        page.body()
    ))
}

/// The fingerprint of every message of a language, from its normalized syntax (comments and
/// layout left out, so rewrapping a file or editing a comment outdates nothing).
pub fn message_fingerprints(locales: &Locales, lang: usize) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for file in &locales.files[lang] {
        for entry in file.resource.entries() {
            if let ast::Entry::Message(m) = entry {
                let mut m = m.clone();
                m.comment = None;
                let text = fluent_syntax::serializer::serialize(&ast::Resource {
                    body: vec![ast::Entry::Message(m)],
                });
                out.entry(entry_id(entry).to_string())
                    .or_insert_with(|| fingerprint(&text));
            }
        }
    }
    out
}

fn entry_id<'a>(entry: &'a ast::Entry<&str>) -> &'a str {
    match entry {
        ast::Entry::Message(m) => m.id.name,
        ast::Entry::Term(t) => t.id.name,
        _ => "",
    }
}

/// `locales/<code>/translations.lock`: message ID → source fingerprint when marked done.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Lock {
    pub entries: BTreeMap<String, String>,
}

impl Lock {
    pub fn path(root: &Path, code: &str) -> PathBuf {
        root.join("locales").join(code).join(LOCK_FILE)
    }

    /// Reads a lock file; a missing file is an empty lock.
    pub fn read(root: &Path, code: &str) -> Result<Lock, Box<Diagnostic>> {
        let path = Lock::path(root, code);
        if std::fs::symlink_metadata(&path).is_err() {
            return Ok(Lock::default());
        }
        let src = crate::source::SourceFile::read(root, &path)?;
        let mut entries = BTreeMap::new();
        for (n, line) in src.text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            match line.split_once(char::is_whitespace) {
                Some((id, hash)) if hash.trim().len() == 16 => {
                    entries.insert(id.to_string(), hash.trim().to_string());
                }
                _ => {
                    return Err(Box::new(
                        Diagnostic::error(
                            "bad-lock-file",
                            "this line is not `message-id fingerprint`",
                        )
                        .at(
                            &src,
                            crate::source::Position {
                                line: n + 1,
                                column: 1,
                            },
                        )
                        .hint(format!(
                            "delete the line and run `polydocs mark {code} --all` again"
                        )),
                    ));
                }
            }
        }
        Ok(Lock { entries })
    }

    pub fn write(&self, root: &Path, code: &str) -> std::io::Result<()> {
        let mut text = String::from(
            "# Source fingerprint of each message when its translation was marked up to date.\n# Written by `polydocs mark`; do not edit by hand.\n",
        );
        for (id, hash) in &self.entries {
            text.push_str(&format!("{id} {hash}\n"));
        }
        crate::source::replace_file(&Lock::path(root, code), text.as_bytes())
    }
}

/// Counts of one kind of translation in one language.
#[derive(Debug, Default, Clone, serde::Serialize)]
pub struct Counts {
    pub total: usize,
    pub translated: usize,
    pub missing: usize,
    pub outdated: usize,
}

impl Counts {
    /// Share of the source that is translated and up to date, in percent.
    pub fn percent_done(&self) -> f64 {
        if self.total == 0 {
            100.0
        } else {
            (self.translated - self.outdated) as f64 * 100.0 / self.total as f64
        }
    }
}

/// The translation state of one language.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LanguageStatus {
    pub code: String,
    pub name: String,
    pub default: bool,
    pub messages: Counts,
    pub pages: Counts,
    pub missing_messages: Vec<String>,
    pub outdated_messages: Vec<String>,
    pub missing_pages: Vec<String>,
    pub outdated_pages: Vec<String>,
}

/// Whether a translation's recorded source fingerprint differs from its source page's.
/// A translation that records none is not tracked, so not reported outdated.
pub fn is_outdated(translation: &PageSource, source: &PageSource) -> bool {
    translation.lang != source.lang
        && translation
            .front
            .source_hash
            .as_ref()
            .is_some_and(|recorded| *recorded != page_fingerprint(source))
}

/// The pages of a site by language and key, for lookups in loops over many pages.
pub fn pages_by_key(site: &Site) -> std::collections::HashMap<(usize, &str), &PageSource> {
    site.pages
        .iter()
        .map(|p| ((p.lang, p.key.as_str()), p))
        .collect()
}

/// The state of every language (the pseudo-language left out).
pub fn status(site: &Site) -> Result<Vec<LanguageStatus>, Box<Diagnostic>> {
    let default = site.config.default;
    let source_messages = message_fingerprints(&site.locales, default);
    let source_pages: Vec<&PageSource> = site.pages.iter().filter(|p| p.lang == default).collect();
    let by_key = pages_by_key(site);
    let mut out = Vec::new();
    for (lang, language) in site
        .config
        .languages
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.pseudo)
    {
        let lock = Lock::read(&site.root, &language.code)?;
        let mut messages = Counts {
            total: source_messages.len(),
            ..Counts::default()
        };
        let (mut missing_messages, mut outdated_messages) = (Vec::new(), Vec::new());
        for (id, hash) in &source_messages {
            if !site.locales.defines(lang, id) {
                messages.missing += 1;
                missing_messages.push(id.clone());
                continue;
            }
            messages.translated += 1;
            if lang != default
                && lock
                    .entries
                    .get(id)
                    .is_some_and(|recorded| recorded != hash)
            {
                messages.outdated += 1;
                outdated_messages.push(id.clone());
            }
        }
        let mut pages = Counts {
            total: source_pages.len(),
            ..Counts::default()
        };
        let (mut missing_pages, mut outdated_pages) = (Vec::new(), Vec::new());
        for source in &source_pages {
            match by_key.get(&(lang, source.key.as_str())) {
                None => {
                    pages.missing += 1;
                    missing_pages.push(source.key.clone());
                }
                Some(page) => {
                    pages.translated += 1;
                    if is_outdated(page, source) {
                        pages.outdated += 1;
                        outdated_pages.push(page.key.clone());
                    }
                }
            }
        }
        out.push(LanguageStatus {
            code: language.code.clone(),
            name: language.name.clone(),
            default: lang == default,
            messages,
            pages,
            missing_messages,
            outdated_messages,
            missing_pages,
            outdated_pages,
        });
    }
    Ok(out)
}

/// Sets `source-hash:` in a page's front matter, keeping every other line as it is.
pub fn stamp_page(text: &str, hash: &str) -> String {
    let line = format!("source-hash: {hash}");
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    let close = lines
        .iter()
        .skip(1)
        .position(|l| l.trim_end() == "---")
        .map(|i| i + 1);
    let Some(close) = close else {
        return text.to_string();
    };
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let replacement = format!("{line}{newline}");
    if let Some(i) = (1..close).find(|&i| lines[i].starts_with("source-hash:")) {
        lines[i] = &replacement;
        lines.concat()
    } else {
        lines.insert(close, &replacement);
        lines.concat()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable() {
        assert_eq!(fingerprint(""), "cbf29ce484222325");
        assert_eq!(fingerprint("a"), "af63dc4c8601ec8c");
    }

    #[test]
    fn stamping_replaces_or_inserts_the_line() {
        let page = "---\ntitle: T\n---\nBody\n";
        let stamped = stamp_page(page, "0123456789abcdef");
        assert_eq!(
            stamped,
            "---\ntitle: T\nsource-hash: 0123456789abcdef\n---\nBody\n"
        );
        assert_eq!(
            stamp_page(&stamped, "fedcba9876543210"),
            "---\ntitle: T\nsource-hash: fedcba9876543210\n---\nBody\n"
        );
    }
}
