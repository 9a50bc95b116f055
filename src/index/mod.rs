//! The index stage: what every later stage needs to know about the site's pages, computed
//! once from the loaded site (as Zola's `Library`): which page is published where in each
//! language, each section's children in display order, the sections above each page, the page
//! of each tier, and the addresses of it all.
//!
//! Nothing here reads a file or formats a word; checks, rendering and `serve` read the index
//! and never work these out again.

pub mod aliases;
pub mod paths;
pub mod routes;

use std::collections::{BTreeMap, HashMap};

use crate::config::SiteConfig;
use crate::content::{PageSource, parent_section};
use crate::site::Site;
pub use routes::{Route, Routes};

pub struct Index {
    pub(crate) routes: Routes,
    /// Per language: section key → the keys of its pages and sub-sections, in display order
    /// (by `weight`, then title, then key).
    pub(crate) children: Vec<BTreeMap<String, Vec<String>>>,
    /// Per language: tier ID → key of the tier's page in that language.
    pub(crate) tier_pages: Vec<BTreeMap<String, String>>,
    /// Every page's aliases (old addresses), resolved.
    pub(crate) aliases: Vec<aliases::Alias>,
}

impl Index {
    /// Indexes a loaded site.
    pub fn of(site: &Site) -> Index {
        Index::build(&site.config, &site.pages)
    }

    /// Indexes the pages of a site: pure, so it is tested from strings.
    pub fn build(config: &SiteConfig, pages: &[PageSource]) -> Index {
        let routes = Routes::build(config, pages);
        let n = config.languages.len();
        let mut children: Vec<BTreeMap<String, Vec<String>>> = vec![BTreeMap::new(); n];
        let mut tier_pages: Vec<BTreeMap<String, String>> = vec![BTreeMap::new(); n];
        for (key, route) in routes.all() {
            if let Some(parent) = parent_section(key)
                && routes.get(&parent, route.lang).is_some()
            {
                children[route.lang]
                    .entry(parent)
                    .or_default()
                    .push(key.to_string());
            }
            if let Some(tier) = &pages[route.page].front.tier {
                tier_pages[route.lang].insert(tier.value.clone(), key.to_string());
            }
        }
        for (lang, map) in children.iter_mut().enumerate() {
            for keys in map.values_mut() {
                keys.sort_by_cached_key(|k| {
                    let p = &pages[routes.get(k, lang).map_or(0, |r| r.page)];
                    (
                        p.front.weight.unwrap_or(i64::MAX),
                        p.front.title.clone(),
                        k.clone(),
                    )
                });
            }
        }
        let aliases = aliases::resolve(config, pages, &routes);
        Index {
            routes,
            children,
            tier_pages,
            aliases,
        }
    }

    /// The home page's children in a language: the main navigation.
    pub(crate) fn top_level(&self, lang: usize) -> &[String] {
        self.children(lang, crate::content::HOME)
    }

    /// The page published at a path from the site root (`fr/docs/a/`, with or without the
    /// trailing slash), as its language and key.
    pub(crate) fn page_at(&self, config: &SiteConfig, path: &str) -> Option<(usize, &str)> {
        self.routes.page_at(config, path)
    }

    /// A section's children in a language, in display order.
    pub(crate) fn children(&self, lang: usize, section: &str) -> &[String] {
        self.children[lang].get(section).map_or(&[], Vec::as_slice)
    }
}

/// The keys of the sections above a page, from the home page down (the page excluded): its
/// breadcrumbs.
pub(crate) fn ancestors(key: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = key.to_string();
    while let Some(parent) = parent_section(&current) {
        out.push(parent.clone());
        current = parent;
    }
    out.reverse();
    out
}

/// What one rendered page publishes that links elsewhere can point at or depend on: the
/// `id`s of its elements (headings, and whatever its template marks), and the links its
/// Markdown makes, by byte offset in the page's body; and what the search index holds of it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct PageFacts {
    /// The ids, each followed by a newline: one allocation a page, as most are never looked
    /// up (only a `#fragment` link to the page looks).
    pub(crate) anchors: Anchors,
    pub(crate) links: Vec<(usize, String)>,
    /// The addresses left out of the page as unsafe (`javascript:`, `file:`), by byte offset
    /// in the body: each is an error, reported with the page's broken links.
    pub(crate) refused: Vec<(usize, String)>,
    /// The page's terms and text for its language's search index (`None` without one). Kept
    /// with the other facts so that a partial rebuild in `serve` writes a language's whole
    /// index from the pages it rendered and the facts of the others, without reading the
    /// others again: at thousands of pages, re-reading them was most of a one-page rebuild.
    pub(crate) search: Option<crate::search::Document>,
}

/// The ids of a page's elements, kept as one text.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Anchors(String);

impl Anchors {
    pub(crate) fn contains(&self, id: &str) -> bool {
        self.iter().any(|a| a == id)
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.lines()
    }
}

impl<'a> FromIterator<&'a str> for Anchors {
    fn from_iter<I: IntoIterator<Item = &'a str>>(ids: I) -> Self {
        let mut text = String::new();
        for id in ids.into_iter().filter(|id| !id.contains('\n')) {
            text.push_str(id);
            text.push('\n');
        }
        Anchors(text)
    }
}

/// The facts of every rendered page, by language and key. Rendering fills it; the link
/// checks read it, so that a `#fragment` is checked against the ids really published.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Published {
    pub(crate) pages: HashMap<(usize, String), PageFacts>,
}

impl Published {
    /// Takes the facts of `newer`, keeping those of pages it did not render (a partial build).
    pub(crate) fn update(&mut self, newer: Published) {
        self.pages.extend(newer.pages);
    }

    /// Leaves out pages that are no longer published.
    pub(crate) fn retain_routes(&mut self, routes: &Routes) {
        self.pages
            .retain(|(lang, key), _| routes.get(key, *lang).is_some());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config;
    use crate::content::parse_page;
    use crate::span::SourceFile;

    /// A site of two languages (fr falls back to en) from page texts.
    fn index(pages: &[(usize, &str, &str)]) -> (SiteConfig, Index) {
        let yaml = "default_language: en\nbase_url: /\noutput: public\nlanguages:\n  - code: en\n    tag: en\n    name: English\n  - code: fr\n    tag: fr\n    name: Français\n";
        let config = config::parse(&SourceFile::from_text("site.yaml", yaml)).unwrap();
        let pages: Vec<PageSource> = pages
            .iter()
            .map(|(lang, key, text)| {
                let source = SourceFile::from_text(format!("content/{key}"), *text);
                parse_page(*lang, key.to_string(), source).unwrap()
            })
            .collect();
        let index = Index::build(&config, &pages);
        (config, index)
    }

    #[test]
    fn sections_list_their_children_by_weight_then_title_in_each_language() {
        let (config, index) = index(&[
            (0, "_index.md", "---\ntitle: Home\n---\n"),
            (0, "docs/_index.md", "---\ntitle: Docs\n---\n"),
            (0, "docs/b.md", "---\ntitle: B\nweight: 1\n---\n"),
            (0, "docs/a.md", "---\ntitle: A\nweight: 2\n---\n"),
            (0, "docs/c.md", "---\ntitle: C\nweight: 2\n---\n"),
            (1, "docs/a.md", "---\ntitle: A (fr)\ntier: business\n---\n"),
        ]);
        assert_eq!(index.top_level(0), ["docs/_index.md"]);
        assert_eq!(
            index.children(0, "docs/_index.md"),
            ["docs/b.md", "docs/a.md", "docs/c.md"]
        );
        // French shows every page, its own or fallen back.
        assert_eq!(index.children(1, "docs/_index.md").len(), 3);
        assert_eq!(
            index.tier_pages[1].get("business").map(String::as_str),
            Some("docs/a.md")
        );
        assert!(index.tier_pages[0].is_empty());
        assert_eq!(index.page_at(&config, "fr/docs/a/"), Some((1, "docs/a.md")));
        assert_eq!(
            index.page_at(&config, "fr/docs"),
            Some((1, "docs/_index.md"))
        );
        assert_eq!(index.page_at(&config, "en/"), Some((0, "_index.md")));
        assert_eq!(index.page_at(&config, "de/docs/a/"), None);
        assert_eq!(index.page_at(&config, "en/docs/nowhere/"), None);
    }

    #[test]
    fn ancestors_from_home_down() {
        assert_eq!(
            ancestors("docs/a/b.md"),
            ["_index.md", "docs/_index.md", "docs/a/_index.md"]
        );
        assert_eq!(ancestors("_index.md"), Vec::<String>::new());
    }
}
