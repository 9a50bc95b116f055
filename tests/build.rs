//! The shipped site, built by the real binary: which files it writes, what every page carries
//! in its head, where its links lead, and what the tables say in each language.

mod common;

use std::collections::BTreeSet;

use common::*;

/// Builds a fresh copy of the shipped site once per test.
fn built(name: &str) -> TempSite {
    let site = TempSite::new(name);
    site.build_ok();
    site
}

/// Every HTML file of `public/`, relative to it.
fn html_files(site: &TempSite) -> Vec<String> {
    files_under(&site.public())
        .into_iter()
        .filter(|f| f.ends_with(".html"))
        .collect()
}

#[test]
fn shipped_site_builds_every_file_in_every_language() {
    let site = TempSite::new("shipped");
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.describe());
    assert!(
        !run.stderr.contains("error["),
        "a clean build prints no error\n{}",
        run.describe()
    );

    let files: BTreeSet<String> = files_under(&site.public()).into_iter().collect();
    for f in [
        "index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
        "static/style.css",
        ".polydocs-output",
    ] {
        assert!(
            files.contains(f),
            "public/{f} is missing; written: {files:#?}"
        );
    }
    // Every icon of static/icons/ is published.
    let icons = files_under(&site.path("static/icons"));
    assert!(!icons.is_empty(), "the shipped site has icons");
    for icon in &icons {
        assert!(icon.ends_with(".svg"));
        assert!(
            files.contains(&format!("static/icons/{icon}")),
            "static/icons/{icon} is not published"
        );
    }

    // Every page key, in every language (a translation or a fallback, but always a page).
    let keys = site.page_keys();
    assert!(
        keys.len() >= 15,
        "the shipped site has its 15 pages: {keys:?}"
    );
    for (_, prefix, _) in LANGUAGES {
        assert!(
            files.contains(&format!("{prefix}/404.html")),
            "{prefix}/404.html is missing"
        );
        for key in &keys {
            let out = format!("{prefix}/{}index.html", url_path(key));
            assert!(
                files.contains(&out),
                "page {key} is missing in {prefix}: public/{out}"
            );
        }
    }
    for known in [
        "fr/response-targets/index.html",
        "zh-tw/tiers/business/index.html",
        "en/compare/index.html",
        "en/hours/index.html",
        "fr/docs/contacting-support/named-contacts/index.html",
        "zh-tw/index.html",
    ] {
        assert!(files.contains(known), "public/{known} is missing");
    }

    let robots = site.page("robots.txt");
    assert!(
        robots.contains(&format!("Sitemap: {}sitemap.xml", site.base_url())),
        "robots.txt names the sitemap: {robots}"
    );
}

#[test]
fn sitemap_lists_every_page_with_hreflang_alternates() {
    let site = built("sitemap");
    let base = site.base_url();
    let xml = site.page("sitemap.xml");
    assert!(xml.starts_with("<?xml"), "{xml}");
    assert!(
        xml.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""),
        "{xml}"
    );
    let locs: Vec<&str> = xml
        .split("<loc>")
        .skip(1)
        .map(|s| s.split("</loc>").next().unwrap())
        .collect();
    let keys = site.page_keys();
    assert_eq!(
        locs.len(),
        keys.len() * LANGUAGES.len(),
        "one <url> per page and language"
    );
    for (_, prefix, tag) in LANGUAGES {
        for key in &keys {
            let url = format!("{base}{prefix}/{}", url_path(key));
            assert!(locs.contains(&url.as_str()), "sitemap lacks {url}");
            let alternate =
                format!("<xhtml:link rel=\"alternate\" hreflang=\"{tag}\" href=\"{url}\"/>");
            assert!(xml.contains(&alternate), "sitemap lacks {alternate}");
        }
    }
    // Every address of the sitemap is a file that was written.
    for loc in locs {
        let path = resolve_link(&site.public(), "sitemap.xml", loc, &base).expect("a site address");
        assert!(
            path.is_file(),
            "sitemap lists {loc}, but {} does not exist",
            path.display()
        );
    }
}

#[test]
fn every_page_declares_its_language_canonical_and_alternates() {
    let site = built("heads");
    let base = site.base_url();
    let keys = site.page_keys();
    for (_, prefix, tag) in LANGUAGES {
        for key in &keys {
            let rel = format!("{prefix}/{}index.html", url_path(key));
            let html = site.page(&rel);
            assert!(
                html.contains(&format!("<html lang=\"{tag}\" dir=\"ltr\">")),
                "public/{rel} lacks <html lang=\"{tag}\" dir=\"ltr\">"
            );
            let canonical = format!(
                "<link rel=\"canonical\" href=\"{base}{prefix}/{}\">",
                url_path(key)
            );
            assert!(html.contains(&canonical), "public/{rel} lacks {canonical}");
            for (_, other, other_tag) in LANGUAGES {
                let alt = format!(
                    "<link rel=\"alternate\" hreflang=\"{other_tag}\" href=\"{base}{other}/{}\">",
                    url_path(key)
                );
                assert!(html.contains(&alt), "public/{rel} lacks {alt}");
            }
            let x_default = format!(
                "<link rel=\"alternate\" hreflang=\"x-default\" href=\"{base}en/{}\">",
                url_path(key)
            );
            assert!(html.contains(&x_default), "public/{rel} lacks {x_default}");
        }
    }
    // The language chooser at the root.
    let root = site.page("index.html");
    assert!(root.contains("<html lang=\"en\" dir=\"ltr\">"), "{root}");
    assert!(
        root.contains(&format!("<link rel=\"canonical\" href=\"{base}\">")),
        "{root}"
    );
    for (_, prefix, tag) in LANGUAGES {
        let alt = format!("<link rel=\"alternate\" hreflang=\"{tag}\" href=\"{base}{prefix}/\">");
        assert!(root.contains(&alt), "index.html lacks {alt}");
    }
    // 404 pages are in their language too.
    for (_, prefix, tag) in LANGUAGES {
        let html = site.page(&format!("{prefix}/404.html"));
        assert!(
            html.contains(&format!("<html lang=\"{tag}\" dir=\"ltr\">")),
            "{prefix}/404.html"
        );
    }
}

#[test]
fn language_switchers_and_alternates_only_link_to_existing_pages() {
    let site = built("switcher");
    let base = site.base_url();
    let public = site.public();
    let mut checked = 0;
    for page in html_files(&site) {
        let html = site.page(&page);
        let links = hreflang_links(&html);
        if page != "index.html" && !page.ends_with("404.html") {
            let tags: Vec<&str> = links.iter().map(|(t, _)| t.as_str()).collect();
            for (_, _, tag) in LANGUAGES {
                assert!(
                    tags.contains(tag),
                    "the switcher of {page} has no {tag} entry: {links:?}"
                );
            }
        }
        for (tag, href) in &links {
            let target = resolve_link(&public, &page, href, &base)
                .unwrap_or_else(|| panic!("{page}: switcher link {href} leaves the site"));
            assert!(
                target.is_file(),
                "{page}: the {tag} link {href} leads to {}, which does not exist",
                target.display()
            );
            // And it leads to that language's folder.
            let prefix = LANGUAGES.iter().find(|l| l.2 == tag).map(|l| l.1).unwrap();
            let rel = target
                .strip_prefix(&public)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            assert!(
                rel.starts_with(&format!("{prefix}/")),
                "{page}: the {tag} link leads to {rel}"
            );
            checked += 1;
        }
        // <link rel="alternate" hreflang> and canonical addresses are published files too.
        for tag in start_tags(&html, "link") {
            let rel = attr(tag, "rel").unwrap_or_default();
            if rel == "alternate" || rel == "canonical" {
                let href = attr(tag, "href").unwrap();
                let target = resolve_link(&public, &page, &href, &base)
                    .unwrap_or_else(|| panic!("{page}: {rel} {href} is not under {base}"));
                assert!(
                    target.is_file(),
                    "{page}: {rel} {href} is not a published page"
                );
            }
        }
    }
    assert!(checked > 100, "only {checked} switcher links were found");
}

#[test]
fn every_relative_link_and_image_resolves() {
    let site = built("links");
    let base = site.base_url();
    let public = site.public();
    for page in html_files(&site) {
        let html = site.page(&page);
        let mut refs: Vec<String> = Vec::new();
        for t in start_tags(&html, "a")
            .into_iter()
            .chain(start_tags(&html, "link"))
        {
            refs.extend(attr(t, "href"));
        }
        for t in start_tags(&html, "img") {
            refs.extend(attr(t, "src"));
        }
        for href in refs {
            if href.starts_with('#') {
                continue;
            }
            if let Some(target) = resolve_link(&public, &page, &href, &base) {
                assert!(
                    target.is_file(),
                    "{page}: {href} leads to {}, which does not exist",
                    target.display()
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Tables, per language.

const TIERS_EN: [&str; 4] = [
    "Online support",
    "Business support",
    "Enterprise support",
    "Elite support",
];
const TIERS_FR: [&str; 4] = [
    "Assistance en ligne",
    "Assistance commerciale",
    "Assistance aux entreprises",
    "Assistance Elite",
];
const TIERS_ZH: [&str; 4] = ["標準支援", "商務支援", "企業支援", "菁英支援"];

/// The four tier cells of a data row (the row header left out).
fn tier_cells(row: &Row) -> Vec<String> {
    let tds: Vec<String> = row
        .cells
        .iter()
        .filter(|c| c.tag == "td")
        .map(|c| c.text.clone())
        .collect();
    assert_eq!(
        tds.len(),
        4,
        "a row has one cell per tier: {:?}",
        row.texts()
    );
    tds
}

fn tier_header(rows: &[Row]) -> Vec<String> {
    let header = header_row(rows);
    header
        .cells
        .iter()
        .skip(1)
        .map(|c| c.text.clone())
        .collect()
}

#[test]
fn response_targets_table_in_each_language() {
    let site = built("targets");

    let en = table(&site.page("en/response-targets/index.html"), "sla");
    assert_eq!(tier_header(&en), TIERS_EN);
    let rows = data_rows(&en);
    assert_eq!(rows.len(), 4, "four priorities");
    assert!(
        rows[0].cells[0].text.starts_with("Priority 1"),
        "{:?}",
        rows[0].texts()
    );
    assert_eq!(
        tier_cells(rows[0]),
        [
            "24x7 1 hour",
            "24x7 1 hour",
            "24x7 30 minutes",
            "24x7 15 minutes"
        ]
    );
    assert_eq!(
        tier_cells(rows[1]),
        [
            "Business hours 4 hours",
            "Business hours 2 hours",
            "24x5 1 hour",
            "24x5 30 minutes"
        ]
    );
    assert_eq!(
        tier_cells(rows[3]),
        [
            "Business days 3 days",
            "Business days 1 day",
            "Business days 1 day",
            "Business days 1 day"
        ]
    );

    let fr = table(&site.page("fr/response-targets/index.html"), "sla");
    assert_eq!(tier_header(&fr), TIERS_FR);
    let rows = data_rows(&fr);
    assert_eq!(rows.len(), 4);
    assert_eq!(
        tier_cells(rows[0]),
        [
            "24x7 1 heure",
            "24x7 1 heure",
            "24x7 30 minutes",
            "24x7 15 minutes"
        ]
    );
    let p2 = tier_cells(rows[1]);
    assert!(p2[0].ends_with(" 4 heures"), "fr P2 online: {p2:?}");
    assert!(p2[1].ends_with(" 2 heures"), "fr P2 business: {p2:?}");
    let p4 = tier_cells(rows[3]);
    assert!(p4[0].ends_with(" 3 jours"), "fr P4 online: {p4:?}");
    assert!(p4[1].ends_with(" 1 jour"), "fr P4 business: {p4:?}");
    // The coverage agrees in number with the duration ("Jours ouvrables" / "Jour ouvrable").
    assert_eq!(p4[0], "Jours ouvrables 3 jours");
    assert_eq!(p4[1], "Jour ouvrable 1 jour");

    let zh = table(&site.page("zh-tw/response-targets/index.html"), "sla");
    assert_eq!(tier_header(&zh), TIERS_ZH);
    let rows = data_rows(&zh);
    assert_eq!(rows.len(), 4);
    let p1 = tier_cells(rows[0]);
    assert!(p1[0].ends_with(" 1 小時"), "zh-TW P1 online: {p1:?}");
    assert!(p1[2].ends_with(" 30 分鐘"), "zh-TW P1 enterprise: {p1:?}");
    let p4 = tier_cells(rows[3]);
    assert!(p4[0].ends_with(" 3 天"), "zh-TW P4 online: {p4:?}");
}

#[test]
fn comparison_table_in_each_language() {
    let site = built("compare");
    let cases = [
        (
            "en",
            TIERS_EN,
            "Named support contacts",
            "Included",
            "Not included",
        ),
        (
            "fr",
            TIERS_FR,
            "Contacts d’assistance nommés",
            "Inclus",
            "Non inclus",
        ),
        ("zh-tw", TIERS_ZH, "指定的支援聯絡人", "包含", "不包含"),
    ];
    for (prefix, tiers, contacts, included, not_included) in cases {
        let html = site.page(&format!("{prefix}/compare/index.html"));
        let rows = table(&html, "comparison");
        assert_eq!(
            tier_header(&rows),
            tiers,
            "{prefix}: tier names in the header row"
        );
        let data = data_rows(&rows);
        let row = data
            .iter()
            .find(|r| r.cells[0].text.starts_with(contacts))
            .unwrap_or_else(|| panic!("{prefix}: no row {contacts:?}"));
        assert_eq!(
            tier_cells(row),
            ["4", "6", "10", "15"],
            "{prefix}: named support contacts"
        );

        // Included features: a mark for the eye, the localized word for screen readers.
        let mut included_cells = 0;
        let mut none_cells = 0;
        for row in &data {
            for cell in row.cells.iter().filter(|c| c.tag == "td") {
                if cell.has_class("included") {
                    included_cells += 1;
                    assert!(
                        cell.html.contains(&format!(
                            "<span class=\"visually-hidden\">{included}</span>"
                        )),
                        "{prefix}: an included cell says {included:?} to screen readers: {}",
                        cell.html
                    );
                    assert!(cell.text.ends_with(included), "{prefix}: {:?}", cell.text);
                }
                if cell.has_class("none") {
                    none_cells += 1;
                    assert!(
                        cell.html.contains(&format!(
                            "<span class=\"visually-hidden\">{not_included}</span>"
                        )),
                        "{prefix}: a cell without the feature says {not_included:?}: {}",
                        cell.html
                    );
                }
                assert!(
                    !cell.has_class("current"),
                    "{prefix}: the compare page marks no tier as current"
                );
            }
        }
        assert!(
            included_cells >= 10 && none_cells >= 10,
            "{prefix}: {included_cells} included, {none_cells} none"
        );
        // P1 support is included in every tier.
        let p1 = data
            .iter()
            .find(|r| {
                r.cells
                    .iter()
                    .filter(|c| c.tag == "td")
                    .all(|c| c.has_class("included"))
            })
            .unwrap_or_else(|| panic!("{prefix}: no feature included in every tier"));
        assert_eq!(tier_cells(p1).len(), 4);
    }
}

#[test]
fn hours_table_writes_times_the_way_each_language_does() {
    let site = built("hours");
    let cases = [
        ("en", "Americas", "6:00 AM", "5:30 PM"),
        ("fr", "Amériques", "6 h 00", "17 h 30"),
        ("zh-tw", "美洲", "上午 6:00", "下午 5:30"),
    ];
    for (prefix, americas, opens, closes) in cases {
        let rows = table(&site.page(&format!("{prefix}/hours/index.html")), "hours");
        let data = data_rows(&rows);
        assert_eq!(data.len(), 4, "{prefix}: four regions");
        let row = data[0];
        assert!(
            row.cells[0].text.starts_with(americas),
            "{prefix}: {:?}",
            row.texts()
        );
        let hours = &row.cells[1].text;
        let o = hours
            .find(opens)
            .unwrap_or_else(|| panic!("{prefix}: {hours:?} lacks {opens:?}"));
        let c = hours
            .find(closes)
            .unwrap_or_else(|| panic!("{prefix}: {hours:?} lacks {closes:?}"));
        assert!(o < c, "{prefix}: opening before closing in {hours:?}");
    }
    let fr = table(&site.page("fr/hours/index.html"), "hours");
    assert_eq!(data_rows(&fr)[0].cells[1].text, "6 h 00 à 17 h 30");
    let en = table(&site.page("en/hours/index.html"), "hours");
    assert_eq!(data_rows(&en)[0].cells[1].text, "6:00 AM – 5:30 PM");
}

#[test]
fn tier_page_marks_its_own_column() {
    let site = built("tier-page");
    let html = site.page("en/tiers/business/index.html");
    let rows = table(&html, "comparison");
    let header = header_row(&rows);
    let current: Vec<(usize, &Cell)> = header
        .cells
        .iter()
        .enumerate()
        .filter(|(_, c)| c.has_class("current"))
        .collect();
    assert_eq!(
        current.len(),
        1,
        "one column is the current tier: {:?}",
        header.texts()
    );
    let (column, th) = current[0];
    assert_eq!(column, 2, "Business is the second tier column");
    assert_eq!(th.text, "Business support (this tier)");
    assert!(
        th.html
            .contains("<span class=\"current-tag\">(this tier)</span>"),
        "{}",
        th.html
    );

    let data = data_rows(&rows);
    assert!(data.len() >= 10);
    for row in &data {
        assert_eq!(row.cells.len(), 5, "{:?}", row.texts());
        for (i, cell) in row.cells.iter().enumerate() {
            assert_eq!(
                cell.has_class("current"),
                i == 2,
                "column {i} of {:?}: class {:?}",
                row.cells[0].text,
                attr(&cell.start, "class")
            );
        }
    }
    // The other tier pages mark their own column, in every language.
    for (prefix, tier, column) in [
        ("fr", "online", 1),
        ("zh-tw", "elite", 4),
        ("en", "enterprise", 3),
    ] {
        let rows = table(
            &site.page(&format!("{prefix}/tiers/{tier}/index.html")),
            "comparison",
        );
        let marked: Vec<usize> = header_row(&rows)
            .cells
            .iter()
            .enumerate()
            .filter(|(_, c)| c.has_class("current"))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(marked, [column], "{prefix}/tiers/{tier}");
    }
}

#[test]
fn two_builds_are_byte_identical() {
    let site = built("determinism");
    let first = snapshot(&site.public());
    assert!(first.len() > 50);
    site.build_ok();
    let second = snapshot(&site.public());
    assert_same_tree(&first, &second, "a second build of the same sources");
}
