//! `polydocs move OLD NEW`: renames a page in every language at once (`docs/setup.md` →
//! `docs/install.md`), with its entries in each language's `pages.lock`, and leaves an alias
//! at each old address, so that links and bookmarks to it still lead to the page.
//!
//! Everything is worked out and checked before anything is written: a page that does not
//! exist, a new name taken in any language, or a front matter that cannot take the alias
//! leaves every file as it was.

use std::path::{Path, PathBuf};

use crate::content::{self, PageSource, url_path};
use crate::index::paths;
use crate::site::{self, LoadOptions, Site};
use crate::translation::{Lock, fingerprint, page_fingerprint, page_text, stamp_page};

/// What to move: page paths as `mark --page` takes them.
pub struct Move {
    pub old: String,
    pub new: String,
}

pub fn run(root: &Path, request: &Move) -> i32 {
    let _lock = match crate::source::SourceLock::take(root) {
        Ok(lock) => lock,
        Err(message) => {
            eprintln!("error: {message}");
            return 1;
        }
    };
    // Drafts are pages too: they move with the rest.
    let options = LoadOptions {
        drafts: true,
        ..LoadOptions::default()
    };
    let site = match site::load_with(root, &options) {
        Ok((site, _)) => site,
        Err(report) => {
            super::print_failure(report, "move");
            return 1;
        }
    };
    match plan(&site, request).and_then(|plan| plan.apply(&site.root).map(|()| plan)) {
        Ok(plan) => {
            println!("{}", plan.summary(&site));
            0
        }
        Err(message) => {
            eprintln!("error: {message}");
            1
        }
    }
}

/// One file the move writes: a moved page (`from` ≠ `to`), or a page whose links to the
/// moved page were rewritten (`from` = `to`).
struct Written {
    lang: usize,
    key: String,
    from: PathBuf,
    to: PathBuf,
    /// The file's new text.
    text: String,
    /// The old addresses this file's front matter gains.
    aliases: Vec<String>,
    /// Other files of a bundle's folder, moved with it (from, to).
    beside: Vec<(PathBuf, PathBuf)>,
}

/// Everything `move` will write.
struct Plan {
    old_key: String,
    new_key: String,
    files: Vec<Written>,
    /// Languages whose pages.lock changes, and the lock to write.
    locks: Vec<(String, Lock)>,
}

fn plan(site: &Site, request: &Move) -> Result<Plan, String> {
    let config = &site.config;
    let default_code = &config.default_language().code;
    let old_key = super::mark::page_key(site, default_code, &request.old);
    let new_key = super::mark::page_key(site, default_code, &request.new);
    for key in [&old_key, &new_key] {
        if !key.ends_with(".md") {
            return Err(format!(
                "`{key}` is not a page's file: name it as `mark --page` does, such as `docs/setup.md`"
            ));
        }
    }
    if let Some(bad) = new_key
        .trim_end_matches(".md")
        .split('/')
        .find(|part| !(crate::plan::is_slug(part) || *part == "_index"))
    {
        return Err(format!(
            "`{bad}` cannot be part of a page address: use lowercase letters, digits and hyphens"
        ));
    }
    if old_key == new_key {
        return Err(format!("`{old_key}` is already the page's name"));
    }
    let pages: Vec<&PageSource> = site.pages.iter().filter(|p| p.key == old_key).collect();
    if pages.is_empty() {
        let near = site
            .pages
            .iter()
            .filter(|p| p.lang == config.default)
            .map(|p| {
                (
                    crate::diagnostic::edit_distance(&old_key, &p.key),
                    p.key.as_str(),
                )
            })
            .min();
        return Err(match near {
            Some((_, key)) => {
                format!("no language has the page `{old_key}`; did you mean `{key}`?")
            }
            None => format!("no language has the page `{old_key}`"),
        });
    }
    let old_bundle = content::is_bundle(&old_key);
    let new_bundle = content::is_bundle(&new_key);
    let index = crate::index::Index::of(site);
    // The new address must be free in every language.
    for (lang, language) in config.languages.iter().enumerate() {
        if language.pseudo {
            continue;
        }
        let path = site
            .root
            .join("content")
            .join(&language.code)
            .join(&new_key);
        if std::fs::symlink_metadata(&path).is_ok() {
            return Err(format!(
                "{} already exists: remove it first, or move the page to another name",
                crate::source::display_path(&site.root, &path)
            ));
        }
        let address = paths::site_path(config, &new_key, lang);
        if let Some((_, key)) = index.page_at(config, &address)
            && key != old_key
        {
            return Err(format!(
                "/{address} is the address of the page `{key}`: move the page to another name"
            ));
        }
    }
    // The old addresses: each language that shows the page had one. A language with its own
    // file keeps its alias there; the others (shown from another language) in the default
    // language's file, whose aliases lead to the page in the language they name.
    let same_address = url_path(&old_key) == url_path(&new_key);
    let owner = |lang: usize| {
        pages
            .iter()
            .position(|p| p.lang == lang)
            .or_else(|| pages.iter().position(|p| p.lang == config.default))
            .unwrap_or(0)
    };
    let mut aliases: Vec<Vec<String>> = vec![Vec::new(); pages.len()];
    if !same_address {
        for (lang, language) in config.languages.iter().enumerate() {
            if language.pseudo || index.routes.get(&old_key, lang).is_none() {
                continue;
            }
            aliases[owner(lang)].push(format!("/{}", paths::site_path(config, &old_key, lang)));
        }
    }
    // Every link to the page, in every page, leads to its new address; the page's own
    // relative links lead where they did from its new address.
    let base_path = paths::base_path(&config.base_url);
    let moved_to = |target: &str| {
        let folder = target.trim_end_matches('/');
        (0..config.languages.len()).find_map(|l| {
            (paths::site_path(config, &old_key, l).trim_end_matches('/') == folder)
                .then(|| paths::site_path(config, &new_key, l))
        })
    };
    let mut files = Vec::new();
    for page in &site.pages {
        let moving = page.key == old_key;
        let language = &config.languages[page.lang];
        if language.pseudo {
            continue;
        }
        let folder = site.root.join("content").join(&language.code);
        let from = paths::site_path(config, &page.key, page.lang);
        let to = if moving {
            paths::site_path(config, &new_key, page.lang)
        } else {
            from.clone()
        };
        let body = relinked(page.body(), &base_path, &from, &to, &moved_to);
        if !moving && body == page.body() {
            continue;
        }
        let mut text = [&page.source.text[..page.body_start], &body].concat();
        let mut added = Vec::new();
        let mut beside = Vec::new();
        if moving {
            let mut wanted =
                aliases[pages.iter().position(|p| p.lang == page.lang).unwrap_or(0)].clone();
            wanted.retain(|a| !page.front.aliases.iter().any(|w| &w.value == a));
            text = with_aliases(&text, &wanted)
                .map_err(|why| format!("{}: {why}", page.source.display))?;
            added = wanted;
            if old_bundle {
                let old_dir = folder.join(old_key.trim_end_matches("index.md"));
                let (found, _) = crate::source::walk(&site.root, &old_dir, &[]);
                let others: Vec<PathBuf> = found
                    .into_iter()
                    .filter(|p| p.file_name().is_none_or(|n| n != "index.md"))
                    .collect();
                if !others.is_empty() && !new_bundle {
                    return Err(format!(
                        "{} is a page bundle with {} other file(s): move it to another bundle (`…/index.md`) so they move with it",
                        page.source.display,
                        others.len()
                    ));
                }
                let new_dir = folder.join(new_key.trim_end_matches("index.md"));
                for from in others {
                    let inner = from.strip_prefix(&old_dir).unwrap_or(&from).to_path_buf();
                    beside.push((from, new_dir.join(inner)));
                }
            }
        }
        files.push(Written {
            lang: page.lang,
            key: if moving {
                new_key.clone()
            } else {
                page.key.clone()
            },
            from: folder.join(&page.key),
            to: folder.join(if moving { &new_key } else { &page.key }),
            text,
            aliases: added,
            beside,
        });
    }
    // Each new text must read back as the same page, with the new aliases.
    let mut reread = Vec::new();
    for file in &files {
        let shown = crate::source::display_path(&site.root, &file.to);
        let page = content::parse_page(
            file.lang,
            file.key.clone(),
            crate::source::SourceFile::from_text(shown.clone(), file.text.clone()),
        )
        .map_err(|d| {
            format!(
                "{shown}: the move would break its front matter ({})",
                d.message
            )
        })?;
        if !file
            .aliases
            .iter()
            .all(|a| page.front.aliases.iter().any(|w| &w.value == a))
        {
            return Err(format!(
                "{shown}: the aliases could not be added to its `aliases:`; add {} by hand and move the file",
                file.aliases.join(", ")
            ));
        }
        reread.push(page);
    }
    let locks = restamp(site, (&old_key, &new_key), &mut files, &reread)?;
    Ok(Plan {
        old_key,
        new_key,
        files,
        locks,
    })
}

/// Rewritten links change a source page's text, so its fingerprint: a translation that was
/// up to date stays so, stamped with the new fingerprint, and its lock entry records the new
/// source text (and its own new fingerprint, when it was certified as it was). Returns the
/// locks to write (the moved page's entries under its new key).
fn restamp(
    site: &Site,
    (old_key, new_key): (&str, &str),
    files: &mut Vec<Written>,
    reread: &[PageSource],
) -> Result<Vec<(String, Lock)>, String> {
    let config = &site.config;
    let default = config.default;
    // The page a file was before the move.
    let original = |lang: usize, key: &str| {
        let key = if key == new_key { old_key } else { key };
        site.pages.iter().find(|p| p.lang == lang && p.key == key)
    };
    // Per source page whose text changes: its key (new), old and new fingerprints and text.
    let mut changed: Vec<(String, String, String, String)> = Vec::new();
    for (file, page) in files.iter().zip(reread) {
        if file.lang != default {
            continue;
        }
        if let Some(before) = original(default, &file.key) {
            let (old_hash, new_hash) = (page_fingerprint(before), page_fingerprint(page));
            if old_hash != new_hash {
                changed.push((file.key.clone(), old_hash, new_hash, page_text(page)));
            }
        }
    }
    // Translations not written yet but whose source changed are written, restamped.
    let mut extra = Vec::new();
    for (key, old_hash, new_hash, _) in &changed {
        for page in site.pages.iter().filter(|p| p.lang != default) {
            // The translations of the moved page are under its old key.
            let same = page.key == *key || (key == new_key && page.key == old_key);
            if !same || page.front.source_hash.as_deref() != Some(old_hash.as_str()) {
                continue;
            }
            match files
                .iter_mut()
                .find(|f| f.lang == page.lang && f.key == *key)
            {
                Some(file) => file.text = stamp_page(&file.text, new_hash),
                None => {
                    let path = site.root.join(&page.source.display);
                    extra.push(Written {
                        lang: page.lang,
                        key: key.clone(),
                        from: path.clone(),
                        to: path,
                        text: stamp_page(&page.source.text, new_hash),
                        aliases: Vec::new(),
                        beside: Vec::new(),
                    });
                }
            }
        }
    }
    let mut locks = Vec::new();
    for (lang, language) in config.languages.iter().enumerate() {
        if lang == default || language.pseudo {
            continue;
        }
        let mut lock = Lock::read_pages(&site.root, &language.code).map_err(|d| d.to_string())?;
        let mut touched = false;
        if let Some(entry) = lock.entries.remove(old_key) {
            lock.entries.insert(new_key.to_string(), entry);
            touched = true;
        }
        for (key, old_hash, new_hash, text) in &changed {
            let Some(entry) = lock.entries.get_mut(key) else {
                continue;
            };
            if entry.hash != *old_hash {
                continue;
            }
            let before = original(lang, key);
            let after = files
                .iter()
                .chain(&extra)
                .find(|f| f.lang == lang && f.key == *key)
                .and_then(|f| {
                    content::parse_page(
                        lang,
                        key.clone(),
                        crate::source::SourceFile::from_text("", f.text.clone()),
                    )
                    .ok()
                });
            entry.hash = new_hash.clone();
            entry.text = Some(text.clone());
            if let (Some(before), Some(after)) = (before, after)
                && entry.translation.as_deref() == Some(fingerprint(&page_text(before)).as_str())
            {
                entry.translation = Some(fingerprint(&page_text(&after)));
            }
            touched = true;
        }
        if touched {
            locks.push((language.code.clone(), lock));
        }
    }
    files.extend(extra);
    Ok(locks)
}

impl Plan {
    /// Writes the new files, moves the bundles' other files, removes the old files (and the
    /// folders they leave empty), and writes the locks.
    fn apply(&self, root: &Path) -> Result<(), String> {
        let fail = |path: &Path, e: std::io::Error| {
            format!(
                "cannot write {}: {e}",
                crate::source::display_path(root, path)
            )
        };
        for file in &self.files {
            if let Some(parent) = file.to.parent() {
                std::fs::create_dir_all(parent).map_err(|e| fail(parent, e))?;
            }
            crate::source::replace_file(&file.to, file.text.as_bytes())
                .map_err(|e| fail(&file.to, e))?;
            for (from, to) in &file.beside {
                if let Some(parent) = to.parent() {
                    std::fs::create_dir_all(parent).map_err(|e| fail(parent, e))?;
                }
                std::fs::rename(from, to).map_err(|e| fail(to, e))?;
            }
            if file.from == file.to {
                continue;
            }
            std::fs::remove_file(&file.from).map_err(|e| fail(&file.from, e))?;
            // The folders the move emptied, up to the language's folder.
            let mut dir = file.from.parent();
            while let Some(d) = dir {
                if d.file_name().is_none() || std::fs::remove_dir(d).is_err() {
                    break;
                }
                dir = d.parent();
            }
        }
        for (code, lock) in &self.locks {
            lock.write_pages(root, code)
                .map_err(|e| format!("cannot write locales/{code}/pages.lock: {e}"))?;
        }
        Ok(())
    }

    fn summary(&self, site: &Site) -> String {
        let config = &site.config;
        let codes: Vec<&str> = self
            .files
            .iter()
            .filter(|f| f.from != f.to)
            .map(|f| config.languages[f.lang].code.as_str())
            .collect();
        let mut out = format!(
            "Moved {} to {} in {} ({}).",
            self.old_key,
            self.new_key,
            if codes.len() == 1 {
                "1 language".to_string()
            } else {
                format!("{} languages", codes.len())
            },
            codes.join(", ")
        );
        for file in self.files.iter().filter(|f| !f.aliases.is_empty()) {
            out.push_str(&format!(
                "\nOld addresses kept as aliases in {}: {}",
                crate::source::display_path(&site.root, &file.to),
                file.aliases.join(", ")
            ));
        }
        let relinked: Vec<String> = self
            .files
            .iter()
            .filter(|f| f.from == f.to)
            .map(|f| crate::source::display_path(&site.root, &f.to))
            .collect();
        if !relinked.is_empty() {
            out.push_str(&format!(
                "\nLinks to the page (or translation fingerprints) updated in {} other file{}: {}",
                relinked.len(),
                if relinked.len() == 1 { "" } else { "s" },
                relinked.join(", ")
            ));
        }
        if !self.locks.is_empty() {
            let codes: Vec<&str> = self.locks.iter().map(|(c, _)| c.as_str()).collect();
            out.push_str(&format!(
                "\nTranslation records updated in {}.",
                codes
                    .iter()
                    .map(|c| format!("locales/{c}/pages.lock"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        out
    }
}

/// `body` (Markdown) of the page moving from site path `from` to `to` (the same for a page
/// that stays) with its link and image addresses rewritten: relative ones written from the
/// new address (`../hours/` from `en/docs/a/` is `../../hours/` from `en/docs/b/c/`), and
/// those leading to a page that `moved` gives a new site path for leading there. Other sites,
/// fragments, reference definitions and addresses written with escapes stay as they are.
fn relinked(
    body: &str,
    base_path: &str,
    from: &str,
    to: &str,
    moved: &dyn Fn(&str) -> Option<String>,
) -> String {
    use pulldown_cmark::{Event, Parser, Tag};
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    for (event, range) in Parser::new_ext(body, crate::markdown::options()).into_offset_iter() {
        let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = event else {
            continue;
        };
        let url = dest_url.as_ref();
        if url.is_empty() || url.starts_with('#') || paths::is_external(url) {
            continue;
        }
        let cut = url.find(['?', '#']).unwrap_or(url.len());
        let (path, rest) = url.split_at(cut);
        let Some(target) = paths::link_target(base_path, from, path) else {
            continue;
        };
        let absolute = path.starts_with('/');
        let new_target = moved(&target);
        if new_target.is_none() && (absolute || from == to) {
            continue;
        }
        let target = new_target.unwrap_or(target);
        let new = if absolute {
            format!("/{target}{rest}")
        } else {
            format!("{}{rest}", paths::relative(to, &target))
        };
        if new == url {
            continue;
        }
        // The address as written in an inline link: `](url`.
        let written = &body[range.clone()];
        if let Some(at) = written.rfind(&format!("]({url}")) {
            let start = range.start + at + 2;
            edits.push((start, start + url.len(), new));
        }
    }
    let mut out = body.to_string();
    for (start, end, new) in edits.into_iter().rev() {
        out.replace_range(start..end, &new);
    }
    out
}

/// `text` (a page with front matter) with `aliases` added to its `aliases:` list, or a new
/// `aliases:` line before the front matter's closing `---`. The rest of the file is kept as it
/// is, byte for byte.
fn with_aliases(text: &str, aliases: &[String]) -> Result<String, String> {
    if aliases.is_empty() {
        return Ok(text.to_string());
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let close = lines
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, l)| l.trim_end() == "---")
        .map(|(i, _)| i)
        .ok_or("the front matter has no closing `---` line")?;
    let newline = if lines[0].ends_with("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let key = (1..close).find(|&i| lines[i].starts_with("aliases:"));
    let Some(key) = key else {
        let line = format!("aliases: [{}]{newline}", aliases.join(", "));
        let mut out: String = lines[..close].concat();
        out.push_str(&line);
        out.push_str(&lines[close..].concat());
        return Ok(out);
    };
    let rest = lines[key]["aliases:".len()..].trim();
    if let Some(inner) = rest.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        let mut items: Vec<&str> = inner
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        items.extend(aliases.iter().map(String::as_str));
        let line = format!("aliases: [{}]{newline}", items.join(", "));
        let mut out: String = lines[..key].concat();
        out.push_str(&line);
        out.push_str(&lines[key + 1..].concat());
        return Ok(out);
    }
    if !rest.is_empty() {
        return Err("its `aliases:` is not a list".to_string());
    }
    // A block list: the new items after the last, indented as the first.
    let items: Vec<usize> = (key + 1..close)
        .take_while(|&i| lines[i].trim_start().starts_with("- "))
        .collect();
    let indent = items.first().map_or("  ", |&i| {
        let line = lines[i];
        &line[..line.len() - line.trim_start().len()]
    });
    let after = items.last().map_or(key + 1, |&i| i + 1);
    let added: String = aliases
        .iter()
        .map(|a| format!("{indent}- {a}{newline}"))
        .collect();
    let mut out: String = lines[..after].concat();
    out.push_str(&added);
    out.push_str(&lines[after..].concat());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::{relinked, with_aliases};

    #[test]
    fn relative_links_are_rewritten_for_the_new_address() {
        let body = "See [hours](../../hours/#open), ![a](../../../static/a.png), [b](/en/b/), [c](https://x.org/), [d](#top).\n";
        let none = |_: &str| None;
        assert_eq!(
            relinked(body, "/", "en/docs/x/a/", "en/docs/b/", &none),
            "See [hours](../hours/#open), ![a](../../static/a.png), [b](/en/b/), [c](https://x.org/), [d](#top).\n"
        );
        let moved = |t: &str| (t == "en/b/").then(|| "en/docs/c/".to_string());
        assert_eq!(
            relinked(
                "[b](/en/b/) [b2](../b/#x) [h](../hours/)",
                "/",
                "en/a/",
                "en/a/",
                &moved
            ),
            "[b](/en/docs/c/) [b2](../docs/c/#x) [h](../hours/)"
        );
    }

    #[test]
    fn aliases_are_added_to_any_form_of_the_list() {
        let add = |text: &str| with_aliases(text, &["/en/old/".to_string()]).unwrap();
        assert_eq!(
            add("---\ntitle: A\n---\nBody\n"),
            "---\ntitle: A\naliases: [/en/old/]\n---\nBody\n"
        );
        assert_eq!(
            add("---\ntitle: A\naliases: [/en/a/]\n---\n"),
            "---\ntitle: A\naliases: [/en/a/, /en/old/]\n---\n"
        );
        assert_eq!(
            add("---\naliases: []\ntitle: A\n---\n"),
            "---\naliases: [/en/old/]\ntitle: A\n---\n"
        );
        assert_eq!(
            add("---\naliases:\n    - /en/a/\ntitle: A\n---\n"),
            "---\naliases:\n    - /en/a/\n    - /en/old/\ntitle: A\n---\n"
        );
        assert_eq!(
            add("---\r\ntitle: A\r\n---\r\n"),
            "---\r\ntitle: A\r\naliases: [/en/old/]\r\n---\r\n"
        );
        assert!(with_aliases("---\naliases: /x/\n---\n", &["/y/".into()]).is_err());
    }
}
