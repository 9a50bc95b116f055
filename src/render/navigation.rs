//! The links every page of a language shares: the main navigation, each top-level section's
//! tree, each section's children and each tier's page. Computed once per language from the
//! index and put into the language's global template context, so a page's own context holds
//! only what is its own.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::index::{self, Index, paths};
use crate::site::Site;

/// A link to a page, by its path from the site root (templates prefix it with `root`), so
/// that one list serves every page of a language whatever its depth.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    key: String,
    title: String,
    path: String,
    depth: usize,
    description: Option<String>,
    /// The language tag of the linked page's text when it is shown from another language.
    lang: Option<String>,
    /// Its direction, when that differs from the language's (`dir` isolates it as well).
    dir: Option<&'static str>,
}

/// The links every page of one language shares, computed once per language.
#[derive(Debug, Default, Serialize)]
pub struct LanguageLinks {
    /// The home page's children: the main navigation.
    pub nav: Vec<Link>,
    /// Top-level section key → its whole subtree, depth first (a side navigation).
    pub section_trees: BTreeMap<String, Vec<Link>>,
    /// Section key → its direct children, in display order.
    pub section_children: BTreeMap<String, Vec<Link>>,
    /// Tier ID → path of the tier's page (empty when the tier has no page).
    pub tier_links: BTreeMap<String, String>,
}

/// Builds links of one language.
pub struct Navigation<'a> {
    site: &'a Site,
    index: &'a Index,
}

impl<'a> Navigation<'a> {
    pub fn new(site: &'a Site, index: &'a Index) -> Navigation<'a> {
        Navigation { site, index }
    }

    /// The link to a page in a language, if the language shows it.
    pub fn link(&self, key: &str, lang: usize, depth: usize) -> Option<Link> {
        let route = self.index.routes.get(key, lang)?;
        let p = &self.site.pages[route.page];
        Some(Link {
            key: key.to_string(),
            title: p.front.title.clone(),
            path: paths::site_path(&self.site.config, key, lang),
            depth,
            description: p.front.description.clone(),
            lang: (p.lang != lang).then(|| self.site.config.languages[p.lang].tag.clone()),
            dir: foreign_dir(&self.site.config.languages, lang, p.lang),
        })
    }

    /// The sections above a page that the language shows, from the home page down.
    pub fn breadcrumbs(&self, key: &str, lang: usize) -> Vec<Link> {
        index::ancestors(key)
            .iter()
            .filter_map(|k| self.link(k, lang, 0))
            .collect()
    }

    /// The language-wide links, for the language's global template context.
    pub fn language_links(&self, lang: usize) -> LanguageLinks {
        let top = self.index.top_level(lang);
        let nav = top.iter().filter_map(|k| self.link(k, lang, 0)).collect();
        let mut section_trees = BTreeMap::new();
        for key in top.iter().filter(|k| k.ends_with("_index.md")) {
            let mut tree = Vec::new();
            self.walk(key, lang, 0, &mut tree);
            section_trees.insert(key.clone(), tree);
        }
        let section_children = self.index.children[lang]
            .iter()
            .map(|(section, keys)| {
                (
                    section.clone(),
                    keys.iter().filter_map(|k| self.link(k, lang, 0)).collect(),
                )
            })
            .collect();
        let mut tier_links: BTreeMap<String, String> = self
            .site
            .tiers()
            .iter()
            .map(|t| (t.id.clone(), String::new()))
            .collect();
        for (tier, key) in &self.index.tier_pages[lang] {
            tier_links.insert(tier.clone(), paths::site_path(&self.site.config, key, lang));
        }
        LanguageLinks {
            nav,
            section_trees,
            section_children,
            tier_links,
        }
    }

    fn walk(&self, key: &str, lang: usize, depth: usize, out: &mut Vec<Link>) {
        let Some(link) = self.link(key, lang, depth) else {
            return;
        };
        out.push(link);
        for child in self.index.children(lang, key) {
            self.walk(child, lang, depth + 1, out);
        }
    }
}

/// The direction of text in language `text` shown on a page of language `page`, when the two
/// differ (an element with `dir` is isolated from the text around it).
pub fn foreign_dir(
    languages: &[crate::config::Language],
    page: usize,
    text: usize,
) -> Option<&'static str> {
    let dir = languages[text].direction;
    (dir != languages[page].direction).then(|| dir.as_str())
}
