//! The pages someone is looking at, first: before a rebuild runs the whole pipeline (the
//! checks over the whole site, the link checks, every page of its scope, the search index), it
//! renders the few pages that a reload is waiting for, so that they can be published at once.
//!
//! Which pages: for a rebuild of some pages (a Markdown edit), those pages, in every language
//! that shows them; for a rebuild of a language or of everything (a Fluent edit, a template),
//! the [open pages](super::open) it contains. Nothing else: no checks, no search index, no
//! site files (the sitemap of a large site alone takes longer than a page), no static files
//! unless the whole site is rendered (its pages may name new fingerprinted files).
//!
//! What the early output may show: it is the last good build with those pages rendered again
//! from sources that loaded without errors, and it is made only when those pages render
//! without errors. It is provisional. The rebuild goes on from it through the same pipeline as
//! `build` and `check`, which alone reports findings and decides: when it succeeds its output
//! is published, and a page rendered early whose bytes it did not change again is not told to
//! reload twice; when it fails, the last good build is served again whole (the early pages
//! reload back to it) and the errors are shown as for any failed build. So the early output
//! never outlives the build it came from, and a failed build never stays published.

use std::collections::BTreeSet;
use std::sync::Arc;

use super::open::OpenPages;
use super::output::{Collector, Output};
use crate::index::{Index, paths};
use crate::render::{self, Scope};
use crate::site::Site;

/// The early output over `previous` for a rebuild of `scope`, and the files it changed; `None`
/// when nothing is worth rendering first or those pages do not render.
pub(crate) fn render_first(
    site: &Site,
    scope: &Scope,
    open: &OpenPages,
    previous: Arc<Output>,
) -> Option<(Output, Vec<String>)> {
    if previous.is_empty() {
        // The first build: no page is served yet, so none is waiting to reload.
        return None;
    }
    let index = Index::of(site);
    let first = first_scope(site, &index, scope, open)?;
    let collector = Collector::copy_of(previous, &[]);
    let (_, errors) = render::render(site, &index, &first, &collector);
    if !errors.is_empty() {
        return None;
    }
    if *scope == Scope::All {
        // The pages name the static files by fingerprint: a changed file has a new name.
        let (_, errors) = render::render(site, &index, &Scope::Static, &collector);
        if !errors.is_empty() {
            return None;
        }
    }
    Some(collector.finish())
}

/// The part of `scope` to render first: see the module's documentation.
fn first_scope(site: &Site, index: &Index, scope: &Scope, open: &OpenPages) -> Option<Scope> {
    match scope {
        Scope::Static => None,
        Scope::Pages(pages) | Scope::PagesOnly(pages) => Some(Scope::PagesOnly(pages.clone())),
        Scope::Languages(_) | Scope::All => {
            if open.is_empty() {
                return None;
            }
            let wanted: BTreeSet<String> = open.files().map(first_list_page).collect();
            let pages: BTreeSet<usize> = index
                .routes
                .all()
                .filter(|(_, route)| scope.includes(*route))
                .filter(|(key, route)| {
                    let file = format!(
                        "{}index.html",
                        paths::site_path(&site.config, key, route.lang)
                    );
                    wanted.contains(&file)
                })
                .map(|(_, route)| route.page)
                .collect();
            (!pages.is_empty()).then(|| Scope::PagesOnly(pages.into_iter().collect()))
        }
    }
}

/// The file of a section's first list page for a file of any of its list pages
/// (`fr/docs/page/3/index.html` → `fr/docs/index.html`); other files are themselves.
fn first_list_page(file: &str) -> String {
    let later = file
        .strip_suffix("/index.html")
        .and_then(|rest| rest.rsplit_once('/'))
        .and_then(|(folder, number)| {
            let section = folder.strip_suffix("page")?;
            let number_ok = !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit());
            (number_ok && section.ends_with('/')).then_some(section)
        });
    match later {
        Some(section) => format!("{section}index.html"),
        None => file.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::first_list_page;

    #[test]
    fn a_later_list_page_is_its_sections_page() {
        assert_eq!(first_list_page("fr/docs/index.html"), "fr/docs/index.html");
        assert_eq!(
            first_list_page("fr/docs/page/3/index.html"),
            "fr/docs/index.html"
        );
        assert_eq!(first_list_page("fr/page/12/index.html"), "fr/index.html");
        assert_eq!(first_list_page("fr/x.html"), "fr/x.html");
        assert_eq!(first_list_page("fr/page/index.html"), "fr/page/index.html");
        assert_eq!(
            first_list_page("fr/docs/mypage/2/index.html"),
            "fr/docs/mypage/2/index.html"
        );
    }
}
