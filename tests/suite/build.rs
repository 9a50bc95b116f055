//! The shipped site, built by the real binary: which files it writes, what every page carries
//! in its head, where its links lead, and what the tables say in each language.

use std::collections::BTreeSet;

use crate::common::*;

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
            // A resource whose only address is a page in another language links out of the
            // site with that page's hreflang: text, not the switcher.
            if href.contains("://") && !href.starts_with(&*base) {
                continue;
            }
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
                        cell.html
                            .contains(&format!("<span class=visually-hidden>{included}</span>")),
                        "{prefix}: an included cell says {included:?} to screen readers: {}",
                        cell.html
                    );
                    assert!(cell.text.ends_with(included), "{prefix}: {:?}", cell.text);
                }
                if cell.has_class("none") {
                    none_cells += 1;
                    assert!(
                        cell.html.contains(&format!(
                            "<span class=visually-hidden>{not_included}</span>"
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
        ("zh-tw", "美洲", "上午 6 點", "下午 5:30"),
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
    // No-break spaces inside a French time, so that "6 h 00" never breaks across lines.
    assert!(
        site.page("fr/hours/index.html")
            .contains("6\u{a0}h\u{a0}00 à 17\u{a0}h\u{a0}30"),
        "a French time holds no-break spaces"
    );
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

// ---------------------------------------------------------------------------------------------
// What the pages say about the plan, checked against the plan data itself (read here with a
// few lines of parsing, independently of polydocs).

/// One feature row of content/comparison.yaml: its label's message ID and, per tier ID, the
/// value written there (`included`, a number, a coverage keyword).
struct FeatureRow {
    id: String,
    label: String,
    values: Vec<(String, String)>,
}

impl FeatureRow {
    fn value(&self, tier: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(t, _)| t == tier)
            .map(|(_, v)| v.as_str())
    }
}

/// The `{ a: b, c: d }` map of a flow-style YAML line.
fn flow_map(line: &str) -> Vec<(String, String)> {
    let inner = line
        .split_once('{')
        .and_then(|(_, rest)| rest.rsplit_once('}'))
        .map(|(inner, _)| inner)
        .unwrap_or_else(|| panic!("not a flow map: {line}"));
    inner
        .split(',')
        .filter_map(|pair| pair.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

fn comparison_rows(site: &TempSite) -> Vec<FeatureRow> {
    let text = site.read("content/comparison.yaml");
    let mut rows = Vec::new();
    let (mut id, mut label) = (String::new(), String::new());
    for line in text.lines() {
        let t = line.trim();
        if let Some(v) = t.strip_prefix("- id:") {
            id = v.trim().to_string();
        } else if let Some(v) = t.strip_prefix("label:") {
            label = v.trim().to_string();
        } else if t.starts_with("tiers:") {
            rows.push(FeatureRow {
                id: id.clone(),
                label: label.clone(),
                values: flow_map(t),
            });
        }
    }
    assert!(rows.len() >= 15, "content/comparison.yaml has its 17 rows");
    rows
}

/// Tier IDs in the order of content/tiers.yaml.
fn tier_ids(site: &TempSite) -> Vec<String> {
    let ids: Vec<String> = site
        .read("content/tiers.yaml")
        .lines()
        .filter_map(|l| l.strip_prefix("  - id:"))
        .map(|v| v.trim().to_string())
        .collect();
    assert_eq!(ids.len(), 4, "{ids:?}");
    ids
}

/// The value of a one-line Fluent message of `locales/<code>/<file>`.
fn ftl_message(site: &TempSite, code: &str, file: &str, id: &str) -> String {
    let text = site.read(&format!("locales/{code}/{file}"));
    let line = text
        .lines()
        .find(|l| l.starts_with(&format!("{id} =")))
        .unwrap_or_else(|| panic!("locales/{code}/{file} has no message {id}"));
    let value = line[id.len() + 2..].trim();
    assert!(
        !value.is_empty() && !value.contains('{'),
        "{id} in {code} is not a plain one-line message: {line}"
    );
    // As the pages are read: no-break spaces as plain ones.
    normalize_spaces(value)
}

/// How much a comparison value gives: a count, or a coverage's breadth.
fn amount(value: &str) -> Option<u32> {
    const BREADTH: [&str; 4] = ["business-days", "business-hours", "24x5", "24x7"];
    value
        .parse()
        .ok()
        .or_else(|| BREADTH.iter().position(|c| *c == value).map(|i| i as u32))
}

/// What a comparison value reads as on a page of a language.
fn shown_value(site: &TempSite, code: &str, value: &str) -> String {
    if value.parse::<u32>().is_ok() {
        value.to_string()
    } else {
        ftl_message(site, code, "ui.ftl", &format!("coverage-{value}"))
    }
}

/// The list items of the `<section aria-labelledby="{id}">` of a page, and its heading.
fn section_list(html: &str, id: &str) -> Option<(String, Vec<String>)> {
    let start = html.find(&format!("<section aria-labelledby=\"{id}\">"))?;
    let end = start + html[start..].find("</section>").expect("a closed section");
    let section = &html[start..end];
    let heading = section
        .split_once("<h2")
        .and_then(|(_, rest)| rest.split_once("</h2>"))
        .map(|(h, _)| text_of(&format!("<h2{h}")))
        .unwrap_or_default();
    let items = section
        .split("<li>")
        .skip(1)
        .map(|li| text_of(li.split("</li>").next().unwrap()))
        .collect();
    Some((heading, items))
}

/// One expected item of a tier's list of differences.
#[derive(Debug)]
struct Expected {
    feature: String,
    label: String,
    /// The value shown next to the label, if any.
    value: Option<String>,
    /// The other tier's name and value, where both tiers have some of the feature.
    other: Option<(String, String)>,
}

#[test]
fn tier_pages_list_what_each_tier_adds_and_drops_from_the_comparison_data() {
    let site = built("differences");
    let rows = comparison_rows(&site);
    let tiers = tier_ids(&site);
    let mut enterprise_drops_seen = 0;
    for (code, prefix, _) in LANGUAGES {
        let label = |row: &FeatureRow| ftl_message(&site, code, "plan.ftl", &row.label);
        let name = |tier: &str| ftl_message(&site, code, "plan.ftl", &format!("tier-{tier}"));
        for (i, tier) in tiers.iter().enumerate() {
            let page = format!("{prefix}/tiers/{tier}/index.html");
            let html = site.page(&page);
            let mut adds = Vec::new();
            let mut drops = Vec::new();
            for row in &rows {
                let now = row.value(tier);
                let before = i.checked_sub(1).and_then(|p| row.value(&tiers[p]));
                let shown = |v: &str| (v != "included").then(|| shown_value(&site, code, v));
                let expected = |v: &str, other: Option<&str>| Expected {
                    feature: row.id.clone(),
                    label: label(row),
                    value: shown(v),
                    other: other.map(|o| (name(&tiers[i - 1]), shown_value(&site, code, o))),
                };
                match (before, now) {
                    (None, Some(v)) => adds.push(expected(v, None)),
                    (Some(v), None) => drops.push(expected(v, None)),
                    (Some(b), Some(n)) if b != n => {
                        let (b_amount, n_amount) = (amount(b), amount(n));
                        if n_amount > b_amount || b_amount.is_none() || n_amount.is_none() {
                            adds.push(expected(n, Some(b)));
                        }
                        if n_amount < b_amount || b_amount.is_none() || n_amount.is_none() {
                            drops.push(expected(n, Some(b)));
                        }
                    }
                    _ => {}
                }
            }

            let (heading, shown_adds) =
                section_list(&html, "adds").unwrap_or_else(|| panic!("{page}: no adds section"));
            assert!(
                heading.contains(&name(tier)),
                "{page}: the heading names the tier: {heading}"
            );
            check_items(&page, "adds", &shown_adds, &adds);
            let drops_section = section_list(&html, "drops");
            if i == 0 {
                assert!(
                    drops_section.is_none(),
                    "{page}: the first tier compares itself with nothing"
                );
                continue;
            }
            let previous = name(&tiers[i - 1]);
            assert!(
                heading.contains(&previous),
                "{page}: the adds heading names {previous}: {heading}"
            );
            let (heading, shown_drops) =
                drops_section.unwrap_or_else(|| panic!("{page}: no drops section"));
            assert!(
                heading.contains(&name(tier)) && heading.contains(&previous),
                "{page}: the drops heading names both tiers: {heading}"
            );
            check_items(&page, "drops", &shown_drops, &drops);
            if drops.is_empty() {
                let none = site
                    .read(&format!("locales/{code}/ui.ftl"))
                    .lines()
                    .find_map(|l| l.strip_prefix("tier-drops-none = "))
                    .expect("tier-drops-none")
                    .replace("{ $tier }", &name(tier))
                    .replace("{ $previous }", &previous);
                let none = normalize_spaces(&none);
                assert!(
                    text_of(&html).contains(&none),
                    "{page}: says the tier drops nothing ({none:?})"
                );
            }
            if tier == "enterprise" {
                // The case that motivated the list: Enterprise has no account support lead.
                assert!(
                    drops.iter().any(|d| d.feature == "account-support-lead"),
                    "{page}: the data says Enterprise has no account support lead"
                );
                enterprise_drops_seen += 1;
            }
        }
    }
    assert_eq!(enterprise_drops_seen, LANGUAGES.len());
}

/// The shown items of a list match the expected ones, one for one and in table order.
fn check_items(page: &str, list: &str, shown: &[String], expected: &[Expected]) {
    assert_eq!(
        shown.len(),
        expected.len(),
        "{page}: the {list} list has one item per difference in the data\nshown: {shown:#?}\nexpected: {expected:#?}"
    );
    for (item, want) in shown.iter().zip(expected) {
        assert!(
            item.starts_with(&want.label),
            "{page}: {list} item {item:?} should be about {:?}",
            want.label
        );
        let rest = &item[want.label.len()..];
        // What this tier gets comes first; the other tier's name and value, if any, after it.
        let (own, other) = match &want.other {
            Some((tier, _)) => rest.split_once(tier.as_str()).unwrap_or_else(|| {
                panic!("{page}: {list} item {item:?} names {tier:?} beside its value")
            }),
            None => (rest, ""),
        };
        match &want.value {
            None => assert!(
                rest.is_empty(),
                "{page}: {list} item {item:?} is the label of an included feature"
            ),
            Some(value) => assert!(
                own.contains(value.as_str()),
                "{page}: {list} item {item:?} shows {value:?}"
            ),
        }
        match &want.other {
            Some((tier, value)) => assert!(
                other.contains(value.as_str()),
                "{page}: {list} item {item:?} shows {tier:?}'s {value:?} beside it"
            ),
            None => assert!(
                !rest.contains('('),
                "{page}: {list} item {item:?} compares with nothing"
            ),
        }
    }
}

#[test]
fn french_tables_use_the_publishers_labels() {
    let site = built("french-labels");
    let publisher = [
        "Assistance principale du compte",
        "Gestion des remontées d’informations",
        "Version, migration, mise à niveau et examen de la feuille de route du produit",
        "Activités du service de terrain",
        "Examens de service par an",
    ];
    for page in ["fr/compare/index.html", "fr/tiers/enterprise/index.html"] {
        let rows = table(&site.page(page), "comparison");
        let labels: Vec<String> = data_rows(&rows)
            .iter()
            .map(|r| r.cells[0].text.clone())
            .collect();
        for label in publisher {
            assert!(
                labels.iter().any(|l| l == label),
                "{page}: no row {label:?} in {labels:#?}"
            );
        }
    }
    let resources = table(&site.page("fr/resources/index.html"), "resources");
    assert!(
        data_rows(&resources)
            .iter()
            .any(|r| r.cells[0].text == "Problèmes de production et panne du système"),
        "{:?}",
        data_rows(&resources)
            .iter()
            .map(|r| r.texts())
            .collect::<Vec<_>>()
    );
    let hours = site.page("fr/hours/index.html");
    assert!(
        hours.contains(
            "<h2>Portée régionale de l’assistance Adobe, heures d’ouverture locales et langues</h2>"
        ),
        "the regions heading keeps the publisher's wording"
    );
    // The words the publisher does not use are gone from every French page.
    for page in html_files(&site)
        .into_iter()
        .filter(|p| p.starts_with("fr/"))
    {
        let text = text_of(&site.page(&page)).to_lowercase();
        for old in ["responsable de l’assistance du compte", "escalade"] {
            assert!(!text.contains(old), "{page} still says {old:?}");
        }
    }
}

/// The published Business support page closes on three headings with nothing under them:
/// the page shows them as they are, and writes no meaning of its own under them.
#[test]
fn business_page_carries_the_three_closing_points_in_every_language() {
    let site = built("business-points");
    let points = [
        (
            "en",
            [
                "Unmatched expertise",
                "Accelerated support",
                "Strategic advice",
            ],
        ),
        (
            "fr",
            [
                "Une expertise inégalée",
                "Une assistance accélérée",
                "Des conseils stratégiques",
            ],
        ),
        ("zh-tw", ["無與倫比的專業知識", "加速支援", "策略性建議"]),
    ];
    for (prefix, titles) in points {
        let page = format!("{prefix}/tiers/business/index.html");
        let html = site.page(&page);
        let items: Vec<String> = html
            .split("<li>")
            .skip(1)
            .map(|li| text_of(li.split("</li>").next().unwrap()))
            .collect();
        for title in titles {
            assert!(
                items.iter().any(|i| i == title),
                "{page}: the point {title:?} stands alone, as published: {items:#?}"
            );
            assert!(
                html.contains(&format!("<strong>{title}</strong>")),
                "{page}: {title:?} stands out"
            );
        }
    }
}

/// The text of a page split at block elements, plus its meta description: each piece holds
/// whole sentences.
fn text_blocks(html: &str) -> Vec<String> {
    const BLOCKS: &[&str] = &[
        "p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "div", "caption", "title",
        "section", "ul", "ol", "tr", "table", "nav", "header", "footer", "main", "br",
    ];
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let Some(end) = rest[i..].find('>') else {
            break;
        };
        let tag = &rest[i + 1..i + end];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if BLOCKS.contains(&name.to_ascii_lowercase().as_str()) {
            out.push('\n');
        }
        rest = &rest[i + end + 1..];
    }
    out.push_str(rest);
    let mut blocks: Vec<String> = out
        .lines()
        .map(|l| normalize_spaces(&decode_entities(l)))
        .filter(|l| !l.is_empty())
        .collect();
    for meta in start_tags(html, "meta") {
        if attr(meta, "name").as_deref() == Some("description")
            || attr(meta, "property").is_some_and(|p| p.ends_with("description"))
        {
            blocks.extend(attr(meta, "content"));
        }
    }
    blocks
}

/// The sentences of a piece of text, in any of the three languages.
fn sentences(text: &str) -> Vec<String> {
    text.split(['.', '!', '?', ';', '。', '；', '！', '？'])
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Whether a sentence says field service activities come per year.
fn ties_field_services_to_a_year(sentence: &str) -> bool {
    let s = sentence.to_lowercase();
    let field = [
        "field service activit",
        "service de terrain",
        "現場服務活動",
    ]
    .iter()
    .any(|w| s.contains(w));
    let year = [
        "per year",
        "each year",
        "every year",
        "a year",
        "yearly",
        "annual",
        "par an",
        "chaque année",
        "par année",
        "annuel",
        "tous les ans",
        "每年",
        "年度",
    ]
    .iter()
    .any(|w| s.contains(w));
    field && year
}

#[test]
fn no_sentence_ties_field_service_activities_to_a_year() {
    // The comparison says "Service reviews per year" and "Expert sessions per year", but only
    // "Field service activities": their count is not per year.
    assert!(ties_field_services_to_a_year(
        "Each year brings four service reviews and four field service activities"
    ));
    assert!(ties_field_services_to_a_year(
        "每年包含四次服務審查、四次專家諮詢與四次現場服務活動"
    ));
    assert!(!ties_field_services_to_a_year("Field service activities"));

    let site = built("field-services");
    let mut checked = 0;
    for page in html_files(&site) {
        for block in text_blocks(&site.page(&page)) {
            for sentence in sentences(&block) {
                checked += 1;
                assert!(
                    !ties_field_services_to_a_year(&sentence),
                    "{page}: {sentence:?}"
                );
            }
        }
    }
    assert!(checked > 1000, "only {checked} sentences read");
    // And every string of every language, shown or not.
    for (code, _, _) in LANGUAGES {
        for file in ["plan.ftl", "ui.ftl"] {
            let text = site.read(&format!("locales/{code}/{file}"));
            for line in text.lines().filter(|l| !l.starts_with('#')) {
                for sentence in sentences(line) {
                    assert!(
                        !ties_field_services_to_a_year(&sentence),
                        "locales/{code}/{file}: {sentence:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn home_page_claims_about_the_paid_tiers_hold_in_the_data() {
    let site = built("home-claims");
    let rows = comparison_rows(&site);
    let tiers = tier_ids(&site);
    let row = |id: &str| rows.iter().find(|r| r.id == id).unwrap();

    // "Each one allows more named support contacts per product than the tier below it."
    let contacts: Vec<u32> = tiers
        .iter()
        .map(|t| {
            row("named-support-contacts")
                .value(t)
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect();
    assert!(
        contacts.windows(2).all(|w| w[1] > w[0]),
        "named support contacts grow with every tier: {contacts:?}"
    );

    // "... and shortens the initial response targets of some priorities"; the response
    // targets page: "never longer or narrower".
    let targets = site.read("content/response-targets.yaml");
    let minutes = |within: &str| -> u32 {
        let (n, unit) = within.split_once(' ').unwrap();
        let n: u32 = n.parse().unwrap();
        match unit {
            "min" => n,
            "h" => n * 60,
            "day" | "days" => n * 24 * 60,
            other => panic!("unit {other}"),
        }
    };
    let mut per_priority: Vec<Vec<(u32, u32)>> = Vec::new();
    for line in targets.lines() {
        let t = line.trim();
        if t.starts_with("targets:") {
            per_priority.push(Vec::new());
        } else if let Some((tier, rest)) = t.split_once(": {") {
            let map = flow_map(&format!("{{{rest}"));
            let get = |k: &str| map.iter().find(|(key, _)| key == k).unwrap().1.clone();
            let cov = amount(&get("coverage")).unwrap();
            assert_eq!(
                tiers[per_priority.last().unwrap().len()],
                tier,
                "targets in tier order"
            );
            per_priority
                .last_mut()
                .unwrap()
                .push((minutes(&get("within")), cov));
        }
    }
    assert_eq!(per_priority.len(), 4);
    for i in 1..tiers.len() {
        let mut shorter = 0;
        for p in &per_priority {
            let (before, now) = (p[i - 1], p[i]);
            assert!(
                now.0 <= before.0 && now.1 >= before.1,
                "{} is never slower or narrower than {}: {p:?}",
                tiers[i],
                tiers[i - 1]
            );
            shorter += usize::from(now.0 < before.0);
        }
        assert!(shorter > 0, "{} shortens some target", tiers[i]);
    }

    // "The assigned experts change from tier to tier": what each paid tier has.
    let experts = |tier: &str| -> Vec<&str> {
        [
            "account-support-lead",
            "named-support-engineer",
            "technical-account-manager",
        ]
        .into_iter()
        .filter(|id| row(id).value(tier).is_some())
        .collect()
    };
    assert_eq!(experts("business"), ["account-support-lead"]);
    assert_eq!(experts("enterprise"), ["named-support-engineer"]);
    assert_eq!(
        experts("elite"),
        ["named-support-engineer", "technical-account-manager"]
    );
    // The home pages name each paid tier's experts, and no longer claim more of them.
    for (code, prefix, _) in LANGUAGES {
        let text = text_of(&site.page(&format!("{prefix}/index.html"))).to_lowercase();
        for id in [
            "account-support-lead",
            "named-support-engineer",
            "technical-account-manager",
        ] {
            let label = ftl_message(&site, code, "plan.ftl", &format!("feature-{id}"));
            assert!(
                text.contains(&label.to_lowercase()),
                "{prefix}/index.html names {label:?}"
            );
        }
        for claim in [
            "more assigned experts",
            "davantage d’experts assignés",
            "指派的專家越多",
        ] {
            assert!(!text.contains(claim), "{prefix}/index.html: {claim:?}");
        }
    }
}
