//! The links every page of a language shares: the main navigation, each top-level section's
//! tree, each section's children and each tier's page. Computed once per language from the
//! index and put into the language's global template context, so a page's own context holds
//! only what is its own.
//!
//! A page's weight must not grow with the site: a top-level section's whole tree is shown
//! beside its pages only while it is short ([`WHOLE_TREE_LIMIT`]); past that a page shows its
//! section path and a window of its own section's pages ([`LocalNav`]), and a section lists
//! its children [`PER_PAGE`] at a time over numbered pages ([`Pagination`]). Every page stays
//! reachable from its language's home: home → section → its pages, page by page.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::content::PageKind;
use crate::index::{self, Index, paths};
use crate::site::Site;

/// A link to a page, by its path from the site root (templates prefix it with `root`), so
/// that one list serves every page of a language whatever its depth.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Link<'a> {
    key: &'a str,
    title: &'a str,
    path: String,
    depth: usize,
    description: Option<&'a str>,
    /// The language tag of the linked page's text when it is shown from another language.
    lang: Option<&'a str>,
    /// Its direction, when that differs from the language's (`dir` isolates it as well).
    dir: Option<&'static str>,
}

/// The links every page of one language shares, computed once per language.
#[derive(Debug, Default, Serialize)]
pub(crate) struct LanguageLinks<'a> {
    /// The home page's children: the main navigation.
    pub(crate) nav: Vec<Link<'a>>,
    /// Top-level section key → its whole subtree, depth first (a side navigation).
    pub(crate) section_trees: BTreeMap<String, Vec<Link<'a>>>,
    /// Section key → its direct children, in display order.
    pub(crate) section_children: BTreeMap<String, Vec<Link<'a>>>,
    /// Tier ID → path of the tier's page (empty when the tier has no page).
    pub(crate) tier_links: BTreeMap<String, String>,
}

/// Past this many links, a top-level section's tree is not put on each of its pages.
pub(crate) const WHOLE_TREE_LIMIT: usize = 60;
/// How many pages of its own section a page's side navigation shows around itself, when the
/// tree is cut.
pub(crate) const NEARBY: usize = 15;
/// How many children a section page lists; more go on numbered pages after it.
pub(crate) const PER_PAGE: usize = 50;

/// The side navigation of a page in a section too large to show whole: the sections from the
/// top-level one down to the page's own, then a window of the pages of its own section, and a
/// link to the section's full list when the window does not hold them all.
#[derive(Debug, Serialize)]
pub(crate) struct LocalNav<'a> {
    pub(crate) trail: Vec<Link<'a>>,
    pub(crate) items: Vec<Link<'a>>,
    pub(crate) more: Option<More>,
}

/// A link to the whole list of a section's pages.
#[derive(Debug, Serialize)]
pub(crate) struct More {
    pub(crate) path: String,
    pub(crate) count: usize,
    pub(crate) depth: usize,
}

/// The previous and next pages of a page's section, in display order.
#[derive(Debug, Default, Serialize)]
pub(crate) struct Neighbours<'a> {
    pub(crate) prev: Option<Link<'a>>,
    pub(crate) next: Option<Link<'a>>,
}

/// Where a section page is among the pages listing its children.
#[derive(Debug, Serialize)]
pub(crate) struct Pagination {
    /// 1-based.
    pub(crate) current: usize,
    pub(crate) total: usize,
    /// Paths from the site root of the previous and next list pages.
    pub(crate) prev: Option<String>,
    pub(crate) next: Option<String>,
    /// The numbered links shown: the first, the last and those around the current page;
    /// `None` stands for a gap.
    pub(crate) pages: Vec<Option<PageNumber>>,
}

#[derive(Debug, Serialize)]
pub(crate) struct PageNumber {
    pub(crate) number: usize,
    pub(crate) path: String,
    pub(crate) current: bool,
}

/// Builds links of one language.
pub(crate) struct Navigation<'a> {
    site: &'a Site,
    index: &'a Index,
    /// Per language: top-level section key → how many links its whole tree holds.
    tree_sizes: Vec<BTreeMap<String, usize>>,
    /// Per language: page key → where it is among its section's children. Looked up for every
    /// page's neighbours and window: searching the list would cost each page the length of
    /// its section, and a build the square of it.
    places: Vec<HashMap<&'a str, usize>>,
}

impl<'a> Navigation<'a> {
    pub(crate) fn new(site: &'a Site, index: &'a Index) -> Navigation<'a> {
        let tree_sizes = (0..site.config.languages.len())
            .map(|lang| {
                index
                    .top_level(lang)
                    .iter()
                    .filter(|k| PageKind::of(k).is_section())
                    .map(|k| (k.clone(), subtree_size(index, lang, k)))
                    .collect()
            })
            .collect();
        let places = index
            .children
            .iter()
            .map(|sections| {
                sections
                    .values()
                    .flat_map(|keys| keys.iter().enumerate().map(|(i, k)| (k.as_str(), i)))
                    .collect()
            })
            .collect();
        Navigation {
            site,
            index,
            tree_sizes,
            places,
        }
    }

    /// Where page `key` is in `siblings`, the children of its section in language `lang`.
    fn place(&self, lang: usize, key: &str, siblings: &[String]) -> Option<usize> {
        self.places[lang]
            .get(key)
            .copied()
            .filter(|&i| siblings.get(i).is_some_and(|k| k == key))
    }

    /// Whether the whole tree of top-level section `top` is shown beside its pages.
    pub(crate) fn shows_whole_tree(&self, lang: usize, top: &str) -> bool {
        self.tree_sizes[lang]
            .get(top)
            .is_some_and(|n| *n <= WHOLE_TREE_LIMIT)
    }

    /// The side navigation of page `key` in a top-level section too large to show whole.
    pub(crate) fn local(&self, key: &str, lang: usize, top: &str) -> LocalNav<'a> {
        let is_section = PageKind::of(key).is_section();
        let mut sections: Vec<String> = index::ancestors(key)
            .into_iter()
            .skip_while(|k| k != top)
            .collect();
        if is_section {
            sections.push(key.to_string());
        }
        let trail: Vec<Link<'a>> = sections
            .iter()
            .enumerate()
            .filter_map(|(depth, k)| self.link(k, lang, depth))
            .collect();
        let own = sections.last().map_or(top, String::as_str);
        let children = self.index.children(lang, own);
        let at = self.place(lang, key, children).unwrap_or(0);
        let start = at
            .saturating_sub(NEARBY / 2)
            .min(children.len().saturating_sub(NEARBY));
        let window = &children[start..children.len().min(start + NEARBY)];
        let depth = trail.len();
        let items = window
            .iter()
            .filter_map(|k| self.link(k, lang, depth))
            .collect();
        let more = (window.len() < children.len()).then(|| More {
            path: paths::site_path(&self.site.config, own, lang),
            count: children.len(),
            depth,
        });
        LocalNav { trail, items, more }
    }

    /// How many list pages a section has in a language (1 for any other page).
    pub(crate) fn list_pages(&self, key: &str, lang: usize) -> usize {
        if !PageKind::of(key).is_section() {
            return 1;
        }
        self.index
            .children(lang, key)
            .len()
            .div_ceil(PER_PAGE)
            .max(1)
    }

    /// The children a section lists on its list page `number` (1-based).
    pub(crate) fn children_page(&self, key: &str, lang: usize, number: usize) -> Vec<Link<'a>> {
        self.index
            .children(lang, key)
            .iter()
            .skip((number - 1) * PER_PAGE)
            .take(PER_PAGE)
            .filter_map(|k| self.link(k, lang, 0))
            .collect()
    }

    /// Where list page `number` of section `key` is among its list pages, when it has several.
    pub(crate) fn pagination(&self, key: &str, lang: usize, number: usize) -> Option<Pagination> {
        let total = self.list_pages(key, lang);
        if total < 2 {
            return None;
        }
        let path = |n: usize| list_page_path(&self.site.config, key, lang, n);
        let mut pages = Vec::new();
        for n in 1..=total {
            let near = n == 1 || n == total || n.abs_diff(number) <= 2;
            if near {
                pages.push(Some(PageNumber {
                    number: n,
                    path: path(n),
                    current: n == number,
                }));
            } else if pages.last().is_some_and(Option::is_some) {
                pages.push(None);
            }
        }
        Some(Pagination {
            current: number,
            total,
            prev: (number > 1).then(|| path(number - 1)),
            next: (number < total).then(|| path(number + 1)),
            pages,
        })
    }

    /// The pages before and after page `key` among its section's children, in display order,
    /// for a page inside a section (the home page's children are the main navigation, a
    /// series of their own; they get none).
    pub(crate) fn neighbours(&self, key: &str, lang: usize) -> Neighbours<'a> {
        let Some(section) =
            crate::content::parent_section(key).filter(|s| s != crate::content::HOME)
        else {
            return Neighbours::default();
        };
        let siblings = self.index.children(lang, &section);
        let Some(at) = self.place(lang, key, siblings) else {
            return Neighbours::default();
        };
        Neighbours {
            prev: at
                .checked_sub(1)
                .and_then(|i| self.link(&siblings[i], lang, 0)),
            next: siblings.get(at + 1).and_then(|k| self.link(k, lang, 0)),
        }
    }

    /// The link to a page in a language, if the language shows it.
    pub(crate) fn link(&self, key: &str, lang: usize, depth: usize) -> Option<Link<'a>> {
        let route = self.index.routes.get(key, lang)?;
        let p = &self.site.pages[route.page];
        Some(Link {
            // The same key: a route shows the page of that key in some language.
            key: p.key.as_str(),
            title: p.front.title.as_str(),
            path: paths::site_path(&self.site.config, key, lang),
            depth,
            description: p.front.description.as_deref(),
            lang: (p.lang != lang).then(|| self.site.config.languages[p.lang].tag.as_str()),
            dir: foreign_dir(&self.site.config.languages, lang, p.lang),
        })
    }

    /// The sections above a page that the language shows, from the home page down.
    pub(crate) fn breadcrumbs(&self, key: &str, lang: usize) -> Vec<Link<'a>> {
        index::ancestors(key)
            .iter()
            .filter_map(|k| self.link(k, lang, 0))
            .collect()
    }

    /// The language-wide links, for the language's global template context.
    pub(crate) fn language_links(&self, lang: usize) -> LanguageLinks<'a> {
        let top = self.index.top_level(lang);
        let nav = top.iter().filter_map(|k| self.link(k, lang, 0)).collect();
        let mut section_trees = BTreeMap::new();
        for key in top
            .iter()
            .filter(|k| PageKind::of(k).is_section() && self.shows_whole_tree(lang, k))
        {
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

    fn walk(&self, key: &str, lang: usize, depth: usize, out: &mut Vec<Link<'a>>) {
        let Some(link) = self.link(key, lang, depth) else {
            return;
        };
        out.push(link);
        for child in self.index.children(lang, key) {
            self.walk(child, lang, depth + 1, out);
        }
    }
}

/// How many links the tree of `key` holds: itself and everything below it.
fn subtree_size(index: &Index, lang: usize, key: &str) -> usize {
    1 + index
        .children(lang, key)
        .iter()
        .map(|c| subtree_size(index, lang, c))
        .sum::<usize>()
}

/// The path from the site root of list page `number` of a section: the section itself for the
/// first, `page/<n>/` under it for the others.
pub(crate) fn list_page_path(
    config: &crate::config::SiteConfig,
    key: &str,
    lang: usize,
    number: usize,
) -> String {
    let first = paths::site_path(config, key, lang);
    if number <= 1 {
        first
    } else {
        format!("{first}page/{number}/")
    }
}

/// The direction of text in language `text` shown on a page of language `page`, when the two
/// differ (an element with `dir` is isolated from the text around it).
pub(crate) fn foreign_dir(
    languages: &[crate::config::Language],
    page: usize,
    text: usize,
) -> Option<&'static str> {
    let dir = languages[text].direction;
    (dir != languages[page].direction).then(|| dir.as_str())
}
