//! Which sources changed, sorted by what they can affect.
//!
//! The watcher hands over paths; this module decides, from the path alone, how much has to be
//! loaded again. It errs toward doing more: anything it does not recognize reloads the whole
//! site, so a missed case costs time, never a stale page.

use std::collections::BTreeSet;
use std::path::{Component, Path};

/// What a batch of edits asks the preview to reload.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Load and render everything: `site.yaml`, templates, plan data, a folder appearing or
    /// disappearing, or anything not recognized.
    pub(crate) everything: bool,
    /// Folder codes of `locales/<code>/` holding a changed file.
    pub(crate) locales: BTreeSet<String>,
    /// Changed paths under `content/<code>/`: Markdown pages, or folders of them.
    pub(crate) pages: BTreeSet<String>,
    /// Something in `static/` changed.
    pub(crate) static_files: bool,
    /// The changed files, relative to the site root, for the terminal.
    pub(crate) files: BTreeSet<String>,
}

/// The sources a site is built from; nothing else of the site folder is watched.
pub(crate) const WATCHED: &[&str] = &[
    "site.yaml",
    "content",
    "locales",
    "templates",
    "static",
    "root",
];

impl Changes {
    pub fn everything() -> Changes {
        Changes {
            everything: true,
            ..Changes::default()
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        !self.everything && self.locales.is_empty() && self.pages.is_empty() && !self.static_files
    }

    /// Adds a changed path, relative to the site root. Returns whether it is a source of the
    /// site (and not, say, `public/` or an editor's swap file).
    pub fn add(&mut self, rel: &Path) -> bool {
        let parts: Vec<String> = rel
            .components()
            .map(|c| match c {
                Component::Normal(s) => s.to_string_lossy().into_owned(),
                _ => String::new(),
            })
            .collect();
        let Some(first) = parts.first() else {
            return false;
        };
        if !WATCHED.contains(&first.as_str())
            || parts.iter().any(String::is_empty)
            || parts.last().is_some_and(|name| is_editor_scratch(name))
        {
            return false;
        }
        match (first.as_str(), parts.len()) {
            ("static", n) if n > 1 => self.static_files = true,
            ("locales", n) if n > 2 => {
                self.locales.insert(parts[1].clone());
            }
            // content/<code>/... : pages. content/<file>.yaml : plan data.
            ("content", 2) if !is_yaml(&parts[1]) => {
                self.pages.insert(parts.join("/"));
            }
            // A file beside the pages (a bundle's image), published as it is: the whole site
            // is loaded again, as for `root/`.
            ("content", n) if n > 2 && is_beside_pages(&parts[n - 1]) => self.everything = true,
            ("content", n) if n > 2 => {
                self.pages.insert(parts.join("/"));
            }
            _ => self.everything = true,
        }
        self.files.insert(parts.join("/"));
        true
    }

    pub(crate) fn merge(&mut self, other: Changes) {
        self.everything |= other.everything;
        self.locales.extend(other.locales);
        self.pages.extend(other.pages);
        self.static_files |= other.static_files;
        self.files.extend(other.files);
    }

    /// `content/fr/hours.md`, or `3 files` when there are several, for the terminal.
    pub(crate) fn describe(&self) -> String {
        match self.files.len() {
            0 => "the site".to_string(),
            1 => self.files.iter().next().cloned().unwrap_or_default(),
            n => format!("{n} files"),
        }
    }
}

fn is_yaml(name: &str) -> bool {
    name.ends_with(".yaml") || name.ends_with(".yml")
}

/// Files that editors write beside the one being saved (Vim's swap files and its `4913`
/// probe, Emacs' lock and backup files). They never hold a source, so they trigger nothing.
fn is_editor_scratch(name: &str) -> bool {
    name == "4913"
        || name.ends_with('~')
        || name.starts_with(".#")
        || (name.starts_with('#') && name.ends_with('#'))
        || [".swp", ".swo", ".swx"]
            .iter()
            .any(|ext| name.starts_with('.') && name.ends_with(ext))
}

/// Whether a name under `content/<code>/` is a file published beside the pages (it has an
/// extension, and is not Markdown), not a page or a folder of pages.
fn is_beside_pages(name: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(stem, ext)| !stem.is_empty() && !ext.eq_ignore_ascii_case("md"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changes(paths: &[&str]) -> Changes {
        let mut c = Changes::default();
        for p in paths {
            c.add(Path::new(p));
        }
        c
    }

    #[test]
    fn sources_are_sorted_by_what_they_affect() {
        let c = changes(&["locales/fr/ui.ftl", "locales/zh-TW/plan.ftl"]);
        assert!(!c.everything && c.pages.is_empty() && !c.static_files);
        assert_eq!(c.locales.iter().collect::<Vec<_>>(), ["fr", "zh-TW"]);

        let c = changes(&["content/fr/hours.md", "content/en/docs/_index.md"]);
        assert!(!c.everything && c.locales.is_empty());
        assert_eq!(
            c.pages.iter().collect::<Vec<_>>(),
            ["content/en/docs/_index.md", "content/fr/hours.md"]
        );
        assert!(!changes(&["content/en"]).pages.is_empty());
        // A bundle's image reloads everything; a folder of pages is pages.
        assert!(changes(&["content/en/docs/faq/map.png"]).everything);
        assert!(!changes(&["content/en/docs/faq"]).everything);

        assert!(changes(&["static/icons/chat.svg"]).static_files);
        for everything in [
            "site.yaml",
            "templates/base.html",
            "templates/partials/sla.html",
            "content/tiers.yaml",
            "content",
            "locales",
            "locales/fr",
            "static",
        ] {
            assert!(changes(&[everything]).everything, "{everything}");
        }
    }

    #[test]
    fn other_files_and_editor_scratch_files_are_not_sources() {
        let mut c = Changes::default();
        for p in [
            "public/index.html",
            "target/debug/polydocs",
            "Cargo.toml",
            "locales/fr/.ui.ftl.swp",
            "locales/fr/4913",
            "content/fr/hours.md~",
            "content/fr/.#hours.md",
            "templates/#base.html#",
        ] {
            assert!(!c.add(Path::new(p)), "{p}");
        }
        assert!(c.is_empty());
        assert_eq!(c.describe(), "the site");
    }

    #[test]
    fn batches_merge() {
        let mut a = changes(&["locales/fr/ui.ftl"]);
        a.merge(changes(&["content/fr/hours.md"]));
        assert_eq!(a.pages.len(), 1);
        assert_eq!(a.describe(), "2 files");
    }
}
