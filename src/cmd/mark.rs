//! `polydocs mark <code>`: records that translations are up to date with their source, so
//! that nobody edits fingerprints by hand. One page (`--page docs/a.md`), one message
//! (`--message id`), or everything the language has translated (`--all`).

use std::path::Path;

use crate::site::{self, Site};
use crate::translation::{Lock, message_fingerprints, page_fingerprint, stamp_page};

pub enum Target {
    Page(String),
    Message(String),
    All,
}

pub fn run(root: &Path, code: &str, target: &Target) -> i32 {
    let site = match site::load(root) {
        Ok((site, _)) => site,
        Err(report) => {
            super::print_failure(report, "mark");
            return 1;
        }
    };
    match mark(&site, code, target) {
        Ok(summary) => {
            println!("{summary}");
            0
        }
        Err(message) => {
            eprintln!("error: {message}");
            1
        }
    }
}

/// Marks translations of `code` up to date; returns what was done.
pub fn mark(site: &Site, code: &str, target: &Target) -> Result<String, String> {
    let lang = site.config.language_index(code).ok_or_else(|| {
        let codes: Vec<&str> = site
            .config
            .languages
            .iter()
            .map(|l| l.code.as_str())
            .collect();
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
    let (mut pages, mut messages) = (0, 0);
    if let Target::Page(_) | Target::All = target {
        let by_key = crate::translation::pages_by_key(site);
        for page in site.pages.iter().filter(|p| p.lang == lang) {
            if let Target::Page(key) = target
                && &page.key != key
            {
                continue;
            }
            let Some(source) = by_key.get(&(site.config.default, page.key.as_str())) else {
                continue;
            };
            let stamped = stamp_page(&page.source.text, &page_fingerprint(source));
            if stamped != page.source.text {
                let path = site.root.join(&page.source.display);
                crate::source::replace_file(&path, stamped.as_bytes())
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            }
            pages += 1;
        }
        if let Target::Page(key) = target
            && pages == 0
        {
            return Err(format!(
                "no page `{key}` in content/{code}/ with a source in the default language"
            ));
        }
    }
    if let Target::Message(_) | Target::All = target {
        let source = message_fingerprints(&site.locales, site.config.default);
        let mut lock = Lock::read(&site.root, code).map_err(|d| d.to_string())?;
        for (id, hash) in &source {
            let wanted = match target {
                Target::Message(m) => m == id,
                _ => true,
            };
            if wanted && site.locales.defines(lang, id) {
                lock.entries.insert(id.clone(), hash.clone());
                messages += 1;
            }
        }
        if let Target::Message(id) = target
            && messages == 0
        {
            return Err(format!(
                "`{id}` is not both in the default language and translated into {code}"
            ));
        }
        lock.write(&site.root, code)
            .map_err(|e| format!("cannot write the lock file of {code}: {e}"))?;
    }
    Ok(format!(
        "Marked {pages} page(s) and {messages} message(s) of {code} as up to date."
    ))
}
