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

/// The page being moved, as each step of the plan sees it.
struct Moving<'s> {
    site: &'s Site,
    old_key: String,
    new_key: String,
    /// The page's own files: one per language that has it.
    pages: Vec<&'s PageSource>,
}

/// Works out everything the move writes, and checks it, before anything is written: a step
/// that fails leaves every file as it was.
fn plan(site: &Site, request: &Move) -> Result<Plan, String> {
    let (old_key, new_key) = keys(site, request)?;
    let moving = Moving {
        site,
        pages: pages_of(site, &old_key)?,
        old_key,
        new_key,
    };
    let index = crate::index::Index::of(site);
    moving.check_free(&index)?;
    let aliases = moving.old_addresses(&index);
    let mut files = moving.files(&aliases)?;
    let reread = reread(site, &files)?;
    let locks = restamp(
        site,
        (&moving.old_key, &moving.new_key),
        &mut files,
        &reread,
    )?;
    Ok(Plan {
        old_key: moving.old_key,
        new_key: moving.new_key,
        files,
        locks,
    })
}

/// The old and new keys of the page, as `mark --page` reads them: both must name a page's
/// file, the new one must make a valid address, and they must differ.
fn keys(site: &Site, request: &Move) -> Result<(String, String), String> {
    let default_code = &site.config.default_language().code;
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
    Ok((old_key, new_key))
}

/// The page's files in every language; when no language has it, the error suggests the
/// nearest key of the default language (a typo is the likely cause).
fn pages_of<'s>(site: &'s Site, old_key: &str) -> Result<Vec<&'s PageSource>, String> {
    let pages: Vec<&PageSource> = site.pages.iter().filter(|p| p.key == old_key).collect();
    if !pages.is_empty() {
        return Ok(pages);
    }
    let near = site
        .pages
        .iter()
        .filter(|p| p.lang == site.config.default)
        .map(|p| {
            (
                crate::diagnostic::edit_distance(old_key, &p.key),
                p.key.as_str(),
            )
        })
        .min();
    Err(match near {
        Some((_, key)) => {
            format!("no language has the page `{old_key}`; did you mean `{key}`?")
        }
        None => format!("no language has the page `{old_key}`"),
    })
}

/// Each new text must read back as the same page, with the new aliases: a front matter the
/// edit would break stops the move before anything is written.
fn reread(site: &Site, files: &[Written]) -> Result<Vec<PageSource>, String> {
    let mut reread = Vec::new();
    for file in files {
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
    Ok(reread)
}

impl Moving<'_> {
    /// The new address must be free in every language: no file at the new path, and no other
    /// page served there.
    fn check_free(&self, index: &crate::index::Index) -> Result<(), String> {
        let site = self.site;
        let config = &site.config;
        for (lang, language) in config.languages.iter().enumerate() {
            if language.pseudo {
                continue;
            }
            let path = site
                .root
                .join("content")
                .join(&language.code)
                .join(&self.new_key);
            if std::fs::symlink_metadata(&path).is_ok() {
                return Err(format!(
                    "{} already exists: remove it first, or move the page to another name",
                    crate::source::display_path(&site.root, &path)
                ));
            }
            let address = paths::site_path(config, &self.new_key, lang);
            if let Some((_, key)) = index.page_at(config, &address)
                && key != self.old_key
            {
                return Err(format!(
                    "/{address} is the address of the page `{key}`: move the page to another name"
                ));
            }
        }
        Ok(())
    }

    /// The old addresses, as aliases to add, per file of [`Moving::pages`]: each language
    /// that shows the page had one. A language with its own file keeps its alias there; the
    /// others (shown from another language) in the default language's file, whose aliases
    /// lead to the page in the language they name.
    fn old_addresses(&self, index: &crate::index::Index) -> Vec<Vec<String>> {
        let config = &self.site.config;
        let mut aliases: Vec<Vec<String>> = vec![Vec::new(); self.pages.len()];
        if url_path(&self.old_key) == url_path(&self.new_key) {
            return aliases;
        }
        let owner = |lang: usize| {
            self.pages
                .iter()
                .position(|p| p.lang == lang)
                .or_else(|| self.pages.iter().position(|p| p.lang == config.default))
                .unwrap_or(0)
        };
        for (lang, language) in config.languages.iter().enumerate() {
            if language.pseudo || index.routes.get(&self.old_key, lang).is_none() {
                continue;
            }
            aliases[owner(lang)].push(format!(
                "/{}",
                paths::site_path(config, &self.old_key, lang)
            ));
        }
        aliases
    }

    /// The new site path of a link's target that led to the page before the move (in any
    /// language); `None` for any other target.
    fn moved_to(&self, target: &str) -> Option<String> {
        let config = &self.site.config;
        let folder = target.trim_end_matches('/');
        (0..config.languages.len()).find_map(|l| {
            (paths::site_path(config, &self.old_key, l).trim_end_matches('/') == folder)
                .then(|| paths::site_path(config, &self.new_key, l))
        })
    }

    /// Every file the move writes: the page's own files, moved, and the pages whose links to
    /// it change. Every link to the page, in every page, leads to its new address; the page's
    /// own relative links lead where they did from its new address.
    fn files(&self, aliases: &[Vec<String>]) -> Result<Vec<Written>, String> {
        let mut files = Vec::new();
        for page in &self.site.pages {
            if self.site.config.languages[page.lang].pseudo {
                continue;
            }
            if let Some(file) = self.written(page, aliases)? {
                files.push(file);
            }
        }
        Ok(files)
    }

    /// What the move writes for one page: `None` for a page it leaves as it is.
    fn written(
        &self,
        page: &PageSource,
        aliases: &[Vec<String>],
    ) -> Result<Option<Written>, String> {
        let config = &self.site.config;
        let moving = page.key == self.old_key;
        let folder = self
            .site
            .root
            .join("content")
            .join(&config.languages[page.lang].code);
        let from = paths::site_path(config, &page.key, page.lang);
        let to = if moving {
            paths::site_path(config, &self.new_key, page.lang)
        } else {
            from.clone()
        };
        let base_path = paths::base_path(&config.base_url);
        let body = relinked(page.body(), &base_path, &from, &to, &|t| self.moved_to(t));
        if !moving && body == page.body() {
            return Ok(None);
        }
        let mut text = [&page.source.text[..page.body_start], &body].concat();
        let mut added = Vec::new();
        let mut beside = Vec::new();
        if moving {
            let mut wanted = aliases[self
                .pages
                .iter()
                .position(|p| p.lang == page.lang)
                .unwrap_or(0)]
            .clone();
            wanted.retain(|a| !page.front.aliases.iter().any(|w| &w.value == a));
            text = with_aliases(&text, &wanted)
                .map_err(|why| format!("{}: {why}", page.source.display))?;
            added = wanted;
            beside = self.bundle_files(page, &folder)?;
        }
        let key = if moving { &self.new_key } else { &page.key };
        Ok(Some(Written {
            lang: page.lang,
            key: key.clone(),
            from: folder.join(&page.key),
            to: folder.join(key),
            text,
            aliases: added,
            beside,
        }))
    }

    /// The other files of a moved page bundle's folder (from, to), which move with it: only
    /// into another bundle, since a plain page has no folder to keep them in.
    fn bundle_files(
        &self,
        page: &PageSource,
        folder: &Path,
    ) -> Result<Vec<(PathBuf, PathBuf)>, String> {
        let Some(old_folder) = content::bundle_folder(&self.old_key) else {
            return Ok(Vec::new());
        };
        let old_dir = folder.join(old_folder);
        let (found, _) = crate::source::walk(&self.site.root, &old_dir, &[]);
        let others: Vec<PathBuf> = found
            .into_iter()
            .filter(|p| p.file_name().is_none_or(|n| n != content::BUNDLE_FILE))
            .collect();
        if !others.is_empty() && !content::is_bundle(&self.new_key) {
            return Err(format!(
                "{} is a page bundle with {} other file(s): move it to another bundle (`…/index.md`) so they move with it",
                page.source.display,
                others.len()
            ));
        }
        let new_dir = folder.join(content::bundle_folder(&self.new_key).unwrap_or_default());
        Ok(others
            .into_iter()
            .map(|from| {
                let inner = from.strip_prefix(&old_dir).unwrap_or(&from).to_path_buf();
                (from, new_dir.join(inner))
            })
            .collect())
    }
}

/// A source page whose text the move changes (its links were rewritten): its translations'
/// fingerprints follow it.
struct Changed {
    /// The page's key after the move.
    key: String,
    old_hash: String,
    new_hash: String,
    /// The page's new text, as the lock records it.
    text: String,
}

/// Rewritten links change a source page's text, so its fingerprint: a translation that was
/// up to date stays so, stamped with the new fingerprint, and its lock entry records the new
/// source text (and its own new fingerprint, when it was certified as it was). Returns the
/// locks to write (the moved page's entries under its new key).
fn restamp(
    site: &Site,
    keys: (&str, &str),
    files: &mut Vec<Written>,
    reread: &[PageSource],
) -> Result<Vec<(String, Lock)>, String> {
    let changed = changed_sources(site, keys, files, reread);
    let extra = restamp_translations(site, keys, &changed, files);
    let mut locks = Vec::new();
    for (lang, language) in site.config.languages.iter().enumerate() {
        if lang == site.config.default || language.pseudo {
            continue;
        }
        let mut lock = Lock::read_pages(&site.root, &language.code).map_err(|d| d.to_string())?;
        let written: Vec<&Written> = files.iter().chain(&extra).collect();
        if restamp_lock(site, keys, lang, &mut lock, &changed, &written) {
            locks.push((language.code.clone(), lock));
        }
    }
    files.extend(extra);
    Ok(locks)
}

/// The page a file was before the move (`new_key` was `old_key`).
fn original<'s>(
    site: &'s Site,
    (old_key, new_key): (&str, &str),
    lang: usize,
    key: &str,
) -> Option<&'s PageSource> {
    let key = if key == new_key { old_key } else { key };
    site.pages.iter().find(|p| p.lang == lang && p.key == key)
}

/// The source pages (default language) whose fingerprint the rewritten text changes.
fn changed_sources(
    site: &Site,
    keys: (&str, &str),
    files: &[Written],
    reread: &[PageSource],
) -> Vec<Changed> {
    let default = site.config.default;
    let mut changed = Vec::new();
    for (file, page) in files.iter().zip(reread) {
        if file.lang != default {
            continue;
        }
        if let Some(before) = original(site, keys, default, &file.key) {
            let (old_hash, new_hash) = (page_fingerprint(before), page_fingerprint(page));
            if old_hash != new_hash {
                changed.push(Changed {
                    key: file.key.clone(),
                    old_hash,
                    new_hash,
                    text: page_text(page),
                });
            }
        }
    }
    changed
}

/// Stamps the up-to-date translations of the changed sources with their new fingerprint: in
/// the text the move already writes, or in a file written for it alone (returned).
fn restamp_translations(
    site: &Site,
    (old_key, new_key): (&str, &str),
    changed: &[Changed],
    files: &mut [Written],
) -> Vec<Written> {
    let mut extra = Vec::new();
    for source in changed {
        let key = &source.key;
        for page in site.pages.iter().filter(|p| p.lang != site.config.default) {
            // The translations of the moved page are under its old key.
            let same = page.key == *key || (key == new_key && page.key == old_key);
            if !same || page.front.source_hash.as_deref() != Some(source.old_hash.as_str()) {
                continue;
            }
            match files
                .iter_mut()
                .find(|f| f.lang == page.lang && f.key == *key)
            {
                Some(file) => file.text = stamp_page(&file.text, &source.new_hash),
                None => {
                    let path = site.root.join(&page.source.display);
                    extra.push(Written {
                        lang: page.lang,
                        key: key.clone(),
                        from: path.clone(),
                        to: path,
                        text: stamp_page(&page.source.text, &source.new_hash),
                        aliases: Vec::new(),
                        beside: Vec::new(),
                    });
                }
            }
        }
    }
    extra
}

/// Updates one language's pages.lock: the moved page's entry under its new key, and the
/// entries of changed sources that were up to date restamped. Returns whether it changed.
fn restamp_lock(
    site: &Site,
    (old_key, new_key): (&str, &str),
    lang: usize,
    lock: &mut Lock,
    changed: &[Changed],
    written: &[&Written],
) -> bool {
    let mut touched = false;
    if let Some(entry) = lock.entries.remove(old_key) {
        lock.entries.insert(new_key.to_string(), entry);
        touched = true;
    }
    for source in changed {
        let key = &source.key;
        let Some(entry) = lock.entries.get_mut(key) else {
            continue;
        };
        if entry.hash != source.old_hash {
            continue;
        }
        let before = original(site, (old_key, new_key), lang, key);
        let after = written
            .iter()
            .find(|f| f.lang == lang && f.key == *key)
            .and_then(|f| {
                content::parse_page(
                    lang,
                    key.clone(),
                    crate::source::SourceFile::from_text("", f.text.clone()),
                )
                .ok()
            });
        entry.hash = source.new_hash.clone();
        entry.text = Some(source.text.clone());
        if let (Some(before), Some(after)) = (before, after)
            && entry.translation.as_deref() == Some(fingerprint(&page_text(before)).as_str())
        {
            entry.translation = Some(fingerprint(&page_text(&after)));
        }
        touched = true;
    }
    touched
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
