//! Checks of the Markdown pages: links to pages that do not exist in the page's language,
//! and translations whose source page has changed since they were marked up to date.

use std::collections::HashSet;

use pulldown_cmark::{Event, Parser, Tag};

use crate::content::{PageSource, url_path};
use crate::diagnostic::Diagnostic;
use crate::routes::Routes;
use crate::site::Site;
use crate::translation::{Lock, is_outdated, message_fingerprints};

pub fn lint(site: &Site, routes: &Routes) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // Every published address, `<prefix>/<path>`, looked up once per link.
    let published: HashSet<String> = routes
        .all()
        .map(|(key, r)| format!("{}/{}", site.config.languages[r.lang].prefix, url_path(key)))
        .collect();
    for page in &site.pages {
        links(site, &published, page, &mut out);
        let source = routes
            .get(&page.key, site.config.default)
            .map(|r| &site.pages[r.page]);
        if source.is_some_and(|source| is_outdated(page, source)) {
            let code = &site.config.languages[page.lang].code;
            let default = &site.config.default_language().code;
            out.push(
                Diagnostic::warning(
                    "outdated-page",
                    format!("the {default} page `{}` has changed since this translation was marked up to date", page.key),
                )
                .at(&page.source, crate::source::Position { line: 1, column: 1 })
                .hint(format!("update the translation, then run `polydocs mark {code} --page {}`", page.key)),
            );
        }
    }
    outdated_messages(site, &mut out);
    out
}

/// Relative links in the body must lead to a published page (or a static file).
fn links(site: &Site, published: &HashSet<String>, page: &PageSource, out: &mut Vec<Diagnostic>) {
    let language = &site.config.languages[page.lang];
    let body = page.body();
    let mut depth = crate::markdown::Depth::default();
    for (event, range) in Parser::new_ext(body, crate::markdown::options()).into_offset_iter() {
        if depth.too_deep_after(&event) {
            out.push(crate::markdown::too_deep(
                &page.source,
                page.body_start + range.start,
            ));
            return;
        }
        let (Event::Start(Tag::Link { dest_url, .. }) | Event::Start(Tag::Image { dest_url, .. })) =
            event
        else {
            continue;
        };
        let url = dest_url.as_ref();
        if !crate::markdown::is_safe_address(url) {
            let at = page.body_start + range.start;
            out.push(crate::markdown::unsafe_link(&page.source, at, url));
            continue;
        }
        let path = url.split(['#', '?']).next().unwrap_or("");
        if path.is_empty() || url.contains(':') || url.starts_with('/') || url.starts_with("//") {
            continue;
        }
        let from = format!("{}/{}", language.prefix, url_path(&page.key));
        let Some(target) = resolve(&from, path) else {
            out.push(broken(page, range.start, url, "it leads outside the site"));
            continue;
        };
        let exists = target
            .strip_prefix("static/")
            .is_some_and(|f| site.root.join("static").join(f).is_file())
            || published.contains(&target)
            || published.contains(&format!("{target}/"));
        if !exists {
            out.push(broken(
                page,
                range.start,
                url,
                &format!("no page is published at /{target}"),
            ));
        }
    }
}

fn broken(page: &PageSource, offset: usize, url: &str, why: &str) -> Diagnostic {
    let at = page.body_start + offset;
    Diagnostic::error("broken-link", format!("link `{url}` is broken: {why}"))
        .at_range(&page.source, at..at + 1)
        .hint("link to a page of this language with a relative address such as `../hours/`")
}

/// Resolves a relative URL path against a folder path (`fr/docs/a/`), `None` if it climbs out.
fn resolve(from: &str, relative: &str) -> Option<String> {
    let mut parts: Vec<&str> = from.split('/').filter(|p| !p.is_empty()).collect();
    for part in relative.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    let mut path = parts.join("/");
    if relative.ends_with('/') && !path.is_empty() {
        path.push('/');
    }
    Some(path)
}

/// Messages whose source changed after their translation was marked up to date.
fn outdated_messages(site: &Site, out: &mut Vec<Diagnostic>) {
    let source = message_fingerprints(&site.locales, site.config.default);
    for (lang, language) in site.config.languages.iter().enumerate() {
        if lang == site.config.default || language.pseudo {
            continue;
        }
        let lock = match Lock::read(&site.root, &language.code) {
            Ok(lock) => lock,
            Err(d) => {
                out.push(*d);
                continue;
            }
        };
        for (id, recorded) in &lock.entries {
            let Some(current) = source.get(id) else {
                continue;
            };
            if current == recorded || !site.locales.defines(lang, id) {
                continue;
            }
            let d = Diagnostic::warning(
                "outdated-message",
                format!("the source of `{id}` has changed since its {} translation was marked up to date", language.code),
            )
            .hint(format!("update the translation, then run `polydocs mark {} --message {id}`", language.code));
            out.push(match site.locales.definition(lang, id) {
                Some((file, position)) => {
                    match crate::source::SourceFile::read(&site.root, &site.root.join(file)) {
                        Ok(src) => d.spanning(&src, position, id.chars().count()),
                        Err(_) => d.in_file(file),
                    }
                }
                None => d,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::resolve;

    #[test]
    fn relative_links_resolve_against_the_page_folder() {
        assert_eq!(
            resolve("fr/docs/a/", "../../hours/").as_deref(),
            Some("fr/hours/")
        );
        assert_eq!(
            resolve("fr/docs/a/", "../b/").as_deref(),
            Some("fr/docs/b/")
        );
        assert_eq!(resolve("fr/", "../../x/"), None);
    }
}
