//! Where a page is published, as a file and as addresses.
//!
//! Links between pages are relative (`../../fr/compare/`), so the site works under any
//! sub-path and from a plain file server; only `canonical`, `hreflang` and the sitemap use the
//! absolute base URL, as search engines require.

use crate::config::SiteConfig;

/// The path from the site root to a page's folder: `fr/docs/setup/`.
pub fn site_path(config: &SiteConfig, key: &str, lang: usize) -> String {
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
pub fn absolute(config: &SiteConfig, key: &str, lang: usize) -> String {
    format!("{}{}", config.base_url, site_path(config, key, lang))
}

/// How many folders deep a page is, so `"../".repeat(depth)` leads back to the site root.
pub fn depth(config: &SiteConfig, key: &str, lang: usize) -> usize {
    site_path(config, key, lang).matches('/').count()
}

/// The path part of the base URL (`/support/` for `https://example.com/support/`).
pub fn base_path(base_url: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

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
