//! Which page is published where, in which language, from which source file.
//!
//! Every language gets the union of all page keys its fallback chain can supply: its own
//! translation when there is one, otherwise the first language of its chain that has the page
//! (shown with a notice). The switcher and `hreflang` links are built from this table only,
//! so they never point at a page that is not written.

use std::collections::BTreeMap;

use crate::config::SiteConfig;
use crate::content::{PageSource, url_path};

/// One page as published in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Route {
    pub(crate) lang: usize,
    /// Index of the source page in `Site::pages`.
    pub(crate) page: usize,
}

impl Route {
    pub(crate) fn is_fallback(&self, pages: &[PageSource]) -> bool {
        pages[self.page].lang != self.lang
    }
}

/// Per page key (in key order), the route in each language (`None` where the page is absent).
pub struct Routes {
    pub(crate) by_key: BTreeMap<String, Vec<Option<Route>>>,
}

impl Routes {
    pub fn build(config: &SiteConfig, pages: &[PageSource]) -> Routes {
        let n = config.languages.len();
        let mut own: BTreeMap<&str, Vec<Option<usize>>> = BTreeMap::new();
        for (i, p) in pages.iter().enumerate() {
            own.entry(p.key.as_str()).or_insert_with(|| vec![None; n])[p.lang] = Some(i);
        }
        let by_key = own
            .into_iter()
            .map(|(key, sources)| {
                let routes = config
                    .languages
                    .iter()
                    .enumerate()
                    .map(|(lang, language)| {
                        language
                            .chain
                            .iter()
                            .find_map(|&l| sources[l])
                            .map(|page| Route { lang, page })
                    })
                    .collect();
                (key.to_string(), routes)
            })
            .collect();
        Routes { by_key }
    }

    /// All routes, language by language, in key order.
    pub(crate) fn all(&self) -> impl Iterator<Item = (&str, Route)> {
        self.by_key
            .iter()
            .flat_map(|(key, routes)| routes.iter().flatten().map(move |r| (key.as_str(), *r)))
    }

    /// The page published at a path from the site root (`fr/docs/a/`, with or without the
    /// trailing slash), as its language and key.
    pub(crate) fn page_at(&self, config: &SiteConfig, path: &str) -> Option<(usize, &str)> {
        let (prefix, rest) = path.split_once('/').unwrap_or((path, ""));
        let lang = config.languages.iter().position(|l| l.prefix == prefix)?;
        let folder = rest.trim_end_matches('/');
        let candidates = if folder.is_empty() {
            vec![crate::content::HOME.to_string()]
        } else {
            crate::content::keys_at(folder).to_vec()
        };
        candidates.into_iter().find_map(|key| {
            let (key, routes) = self.by_key.get_key_value(&key)?;
            routes[lang].map(|_| (lang, key.as_str()))
        })
    }

    pub(crate) fn get(&self, key: &str, lang: usize) -> Option<Route> {
        self.by_key.get(key).and_then(|r| r[lang])
    }

    /// The languages that have a page of their own under `key` (translations, not fallbacks),
    /// in site order: what `hreflang` alternates and the sitemap list.
    pub(crate) fn translated(&self, key: &str, pages: &[PageSource]) -> Vec<usize> {
        self.by_key.get(key).map_or_else(Vec::new, |routes| {
            routes
                .iter()
                .flatten()
                .filter(|r| !r.is_fallback(pages))
                .map(|r| r.lang)
                .collect()
        })
    }

    /// Keys whose URL paths are the same (`a.md` and `a/_index.md`), which would overwrite each other.
    pub(crate) fn collisions(&self) -> Vec<(&str, &str)> {
        let mut seen: BTreeMap<String, &str> = BTreeMap::new();
        let mut out = Vec::new();
        for key in self.by_key.keys() {
            let path = url_path(key).to_lowercase();
            if let Some(first) = seen.get(&path) {
                out.push((*first, key.as_str()));
            } else {
                seen.insert(path, key);
            }
        }
        out
    }
}
