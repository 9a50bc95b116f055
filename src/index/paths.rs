//! Where a page is published, as a file and as addresses.
//!
//! Links between pages are relative (`../../fr/compare/`), so the site works under any
//! sub-path and from a plain file server; only `canonical`, `hreflang` and the sitemap use the
//! absolute base URL, as search engines require.

use crate::config::SiteConfig;

/// The path from the site root to a page's folder: `fr/docs/setup/`.
pub(crate) fn site_path(config: &SiteConfig, key: &str, lang: usize) -> String {
    // One allocation: every link of every page is made here.
    let prefix = &config.languages[lang].prefix;
    let (folder, slash) = crate::content::url_folder(key);
    let mut path = String::with_capacity(prefix.len() + folder.len() + 2);
    path.push_str(prefix);
    path.push('/');
    path.push_str(folder);
    path.push_str(slash);
    path
}

/// The page's absolute address, under the base URL.
pub(crate) fn absolute(config: &SiteConfig, key: &str, lang: usize) -> String {
    format!("{}{}", config.base_url, site_path(config, key, lang))
}

/// How many folders deep a page is, so `"../".repeat(depth)` leads back to the site root.
pub(crate) fn depth(config: &SiteConfig, key: &str, lang: usize) -> usize {
    site_path(config, key, lang).matches('/').count()
}

/// The path part of the base URL (`/support/` for `https://example.com/support/`).
pub(crate) fn base_path(base_url: &str) -> String {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    rest.find('/')
        .map_or("/".to_string(), |i| rest[i..].to_string())
}

/// Resolves a relative URL path against a folder path (`fr/docs/a/`); `None` when it climbs
/// out of the site.
pub fn resolve(from: &str, relative: &str) -> Option<String> {
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

/// Whether a link's address leads to another site: it names a scheme (`https:`, `mailto:`)
/// or a host (`//example.com/`).
pub(crate) fn is_external(url: &str) -> bool {
    let first = url.split(['/', '?', '#']).next().unwrap_or_default();
    first.contains(':') || url.starts_with("//")
}

/// The site path (`en/docs/setup/`) that the path part of a link's address leads to from the
/// page at `from`, as a browser follows it: relative to the page, or, for a root-absolute
/// address (`/en/docs/setup/`), from the site's root, the site being at `base_path` (an
/// address that already starts with the base path is read without it). `None` when it climbs
/// out of the site.
pub(crate) fn link_target(base_path: &str, from: &str, path: &str) -> Option<String> {
    match path.strip_prefix('/') {
        Some(rest) => {
            let inside = base_path
                .strip_prefix('/')
                .filter(|b| !b.is_empty())
                .and_then(|b| rest.strip_prefix(b))
                .unwrap_or(rest);
            resolve("", inside)
        }
        None => resolve(from, path),
    }
}

/// The relative address of site path `to` from the page at site path `from` (a folder,
/// `fr/docs/a/`): `../b/` for `fr/docs/b/`.
pub(crate) fn relative(from: &str, to: &str) -> String {
    let from_parts: Vec<&str> = from.split('/').filter(|p| !p.is_empty()).collect();
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_parts
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let common = common.min(to_parts.len().saturating_sub(1));
    let mut out = "../".repeat(from_parts.len() - common);
    out.push_str(&to_parts[common..].join("/"));
    if out.is_empty() {
        out.push_str("./");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_absolute_links_resolve_from_the_base_path() {
        assert_eq!(
            link_target("/", "en/docs/a/", "/en/docs/b/").as_deref(),
            Some("en/docs/b/")
        );
        assert_eq!(
            link_target("/support/", "en/", "/support/static/x.png").as_deref(),
            Some("static/x.png")
        );
        assert_eq!(
            link_target("/support/", "en/", "/static/x.png").as_deref(),
            Some("static/x.png")
        );
        assert_eq!(link_target("/", "en/", "/../x/"), None);
        assert!(is_external("https://example.com/a:b"));
        assert!(is_external("//example.com/"));
        assert!(!is_external("../a:b/"));
    }

    #[test]
    fn relative_addresses_between_site_paths() {
        assert_eq!(relative("fr/docs/a/", "fr/docs/b/"), "../b/");
        assert_eq!(
            relative("fr/docs/a/", "static/x.png"),
            "../../../static/x.png"
        );
        assert_eq!(relative("fr/", "fr/docs/"), "docs/");
        assert_eq!(relative("fr/docs/", "fr/docs/"), "./");
    }

    #[test]
    fn base_paths() {
        assert_eq!(base_path("https://example.com/"), "/");
        assert_eq!(
            base_path("https://example.com/support/plans/"),
            "/support/plans/"
        );
    }

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
