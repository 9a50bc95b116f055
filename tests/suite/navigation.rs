//! A page's weight does not grow with the site: long sections list their pages over numbered
//! pages, a large section's pages show a window of their neighbours instead of the whole tree,
//! and every page stays reachable from its language's home.

use std::collections::{BTreeSet, VecDeque};
use std::path::Path;

use crate::common::*;

/// How many pages the generated section holds: more than one list page's worth, and a tree
/// too large to show beside each page.
const MANY: usize = 120;

/// The shipped site with a section of [`MANY`] English pages under docs/many/.
fn large_site(name: &str) -> TempSite {
    let site = TempSite::new(name);
    std::fs::create_dir_all(site.path("content/en/docs/many")).unwrap();
    site.write(
        "content/en/docs/many/_index.md",
        "---\ntitle: Many pages\nweight: 9\n---\n\nA long section.\n",
    );
    for i in 0..MANY {
        site.write(
            &format!("content/en/docs/many/page-{i:03}.md"),
            &format!(
                "---\ntitle: Page {i:03}\nweight: {i}\n---\n\n## About page {i:03}\n\nText of page {i}. See [the section](../).\n"
            ),
        );
    }
    site
}

fn html_files(dir: &Path) -> Vec<String> {
    files_under(dir)
        .into_iter()
        .filter(|f| f.ends_with(".html"))
        .collect()
}

/// The `href`s of the `<a>` elements inside the first element that starts with `open`.
fn links_in(html: &str, open: &str) -> Vec<String> {
    let Some(start) = html.find(open) else {
        return Vec::new();
    };
    let end = html[start..]
        .find("</nav>")
        .map_or(html.len(), |e| start + e);
    start_tags(&html[start..end], "a")
        .iter()
        .filter_map(|tag| attr(tag, "href"))
        .collect()
}

#[test]
fn long_sections_are_listed_over_numbered_pages() {
    let site = large_site("nav-pagination");
    site.build_ok();
    let first = site.page("en/docs/many/index.html");
    let second = site.page("en/docs/many/page/2/index.html");
    let third = site.page("en/docs/many/page/3/index.html");
    let listed = |html: &str| start_tags(html, "li").len();
    assert!(listed(&first) >= 50, "the first page lists 50 children");
    assert!(
        first.contains(r#"<link rel="next" href="../../../en/docs/many/page/2/">"#),
        "{first}"
    );
    assert!(
        second.contains(r#"<link rel="prev" href="../../../../../en/docs/many/">"#),
        "{second}"
    );
    assert!(second.contains(r#"<link rel="next" href="../../../../../en/docs/many/page/3/">"#));
    assert!(third.contains(r#"rel="prev""#) && !third.contains(r#"rel="next""#));
    assert!(third.contains(r#"aria-current="page">3</a>"#), "{third}");
    assert!(!site.public().join("en/docs/many/page/4").exists());

    // Each child is listed on exactly one list page.
    let mut seen = BTreeSet::new();
    for html in [&first, &second, &third] {
        let start = html
            .find(r#"<ul class="card-list">"#)
            .expect("a list of children");
        let end = start + html[start..].find("</ul>").unwrap();
        for tag in start_tags(&html[start..end], "a") {
            let href = attr(tag, "href").unwrap();
            assert!(seen.insert(href.clone()), "{href} listed twice");
        }
    }
    assert_eq!(seen.len(), MANY, "every child is listed once");
}

#[test]
fn a_page_of_a_large_section_shows_its_neighbours_not_the_whole_tree() {
    let site = large_site("nav-window");
    site.build_ok();
    let page = site.page("en/docs/many/page-060/index.html");
    let nav = links_in(&page, r#"<nav class="section-nav""#);
    assert!(
        nav.len() <= 25,
        "the side navigation stays short: {} links",
        nav.len()
    );
    assert!(
        nav.iter().any(|h| h.ends_with("docs/many/page-060/")),
        "{nav:?}"
    );
    assert!(
        nav.iter().any(|h| h.ends_with("docs/many/page-059/")),
        "{nav:?}"
    );
    assert!(page.contains("All 120 pages of this section"), "{page}");
    assert!(
        page.contains(r#"aria-current="page">Page 060</a>"#),
        "{page}"
    );
}

#[test]
fn pages_stay_small_and_reachable_from_home() {
    let site = large_site("nav-reach");
    site.build_ok();
    let public = site.public();
    let css = std::fs::metadata(public.join("static/style.css"))
        .unwrap()
        .len();
    for file in html_files(&public) {
        let size = std::fs::metadata(public.join(&file)).unwrap().len();
        assert!(
            size + css < 40 * 1024,
            "{file}: {size} bytes of HTML + {css} of CSS is over 40 KB"
        );
    }

    // Follow links from the English home page; every English page must be reached.
    let mut reached = BTreeSet::new();
    let mut queue = VecDeque::from(["en/".to_string()]);
    while let Some(dir) = queue.pop_front() {
        if !reached.insert(dir.clone()) {
            continue;
        }
        let Ok(html) = std::fs::read_to_string(public.join(&dir).join("index.html")) else {
            continue;
        };
        for tag in start_tags(&html, "a") {
            let Some(href) = attr(tag, "href") else {
                continue;
            };
            if href.contains(':') || href.starts_with('#') || !href.ends_with('/') {
                continue;
            }
            let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
            for part in href.split('/') {
                match part {
                    "" | "." => {}
                    ".." => {
                        parts.pop();
                    }
                    p => parts.push(p),
                }
            }
            let target = format!("{}/", parts.join("/"));
            if target.starts_with("en/") && !reached.contains(&target) {
                queue.push_back(target);
            }
        }
    }
    let english: Vec<String> = html_files(&public.join("en"))
        .into_iter()
        .filter(|f| f.ends_with("/index.html") || f == "index.html")
        .map(|f| format!("en/{}", f.trim_end_matches("index.html")))
        .collect();
    let unreached: Vec<&String> = english.iter().filter(|p| !reached.contains(*p)).collect();
    assert!(
        unreached.is_empty(),
        "not reachable from /en/: {unreached:?}"
    );
}
