//! The search index of the shipped site: a page of each language found by a word in another
//! form than the one it is written in, files that are there and small, and `search: false`.

use polydocs::search;

use crate::common::*;

/// The files of a language's `search/` folder, paths relative to it.
fn index_files(site: &TempSite, prefix: &str) -> Vec<(String, Vec<u8>)> {
    search_index_files(&site.public(), prefix)
}

/// The addresses of the pages `query` finds, best first.
fn found(files: &[(String, Vec<u8>)], _tag: &str, query: &str) -> Vec<String> {
    search::lookup(files, query)
        .into_iter()
        .map(|id| {
            let page = search::page_text(files, id).expect("every page id has its text");
            page["u"].as_str().unwrap().to_string()
        })
        .collect()
}

#[test]
fn each_language_finds_its_pages_by_other_forms_of_their_words() {
    let site = TempSite::new("search-shipped");
    site.build_ok();

    let fr = index_files(&site, "fr");
    // Written « remontées » (plural, accented): found singular, and without accents.
    for query in ["remontée", "remontees", "REMONTEE"] {
        assert_eq!(
            found(&fr, "fr", query).first().map(String::as_str),
            Some("tiers/business/"),
            "{query}"
        );
    }
    // « régionaux » and « régional » are one word.
    assert!(found(&fr, "fr", "regional").contains(&"docs/".to_string()));

    let en = index_files(&site, "en");
    // Written "priority": found by its plural. The page whose title holds the word comes
    // first; then, among pages that only mention it, those holding the plural itself (exact
    // words rank above other forms).
    let plural = found(&en, "en", "priorities");
    assert_eq!(
        plural.first().map(String::as_str),
        Some("docs/choosing-a-priority/"),
        "{plural:?}"
    );
    assert!(
        ["", "response-targets/"].contains(&plural.get(1).map_or("-", String::as_str)),
        "{plural:?}"
    );
    // Words of the plan's data, which only the rendered page shows, find their pages.
    for (query, page) in [
        ("P1", "compare/"),
        ("field service activities", "compare/"),
        ("escalation management", "compare/"),
    ] {
        let pages = found(&en, "en", query);
        assert!(pages.contains(&page.to_string()), "{query}: {pages:?}");
    }
    assert!(found(&en, "en", "phone").contains(&"channels/".to_string()));
    // A long word whose stem loses five letters ("escalation" → "escal").
    assert!(!found(&en, "en", "escalation").is_empty());
    assert_eq!(
        found(&en, "en", "Choosing priorities")
            .first()
            .map(String::as_str),
        Some("docs/choosing-a-priority/")
    );

    let zh = index_files(&site, "zh-tw");
    // No spaces: the query is cut into words as the pages were.
    assert_eq!(
        found(&zh, "zh-Hant-TW", "優先順序")
            .first()
            .map(String::as_str),
        Some("docs/choosing-a-priority/")
    );
    assert!(found(&zh, "zh-Hant-TW", "降級").contains(&"docs/choosing-a-priority/".to_string()));
    assert!(found(&zh, "zh-Hant-TW", "沒有這個詞彙").is_empty());
}

#[test]
fn the_index_files_are_there_and_small() {
    let site = TempSite::new("search-files");
    site.build_ok();
    for prefix in ["en", "fr", "zh-tw"] {
        let files = index_files(&site, prefix);
        let meta = files
            .iter()
            .find(|(n, _)| n == "meta.json")
            .expect("meta.json");
        let meta: serde_json::Value = serde_json::from_slice(&meta.1).unwrap();
        let shards = meta["shards"].as_u64().unwrap();
        let pages = meta["pages"].as_u64().unwrap();
        assert!(pages >= 15, "{prefix}: {pages} pages");
        for n in 0..shards {
            assert!(
                files.iter().any(|(f, _)| *f == format!("t/{n}.json.gz")),
                "{prefix} t/{n}.json"
            );
        }
        for id in 0..pages {
            let text = search::page_text(&files, id as u32);
            assert!(
                text.is_some_and(|t| t["u"].is_string() && t["t"].is_string()),
                "{prefix}: the text of page {id}"
            );
        }
        // Page texts come in bundles, not a file a page.
        let bundles = files.iter().filter(|(f, _)| f.starts_with("p/")).count() as u64;
        assert_eq!(
            bundles,
            pages.div_ceil(search::PAGES_PER_BUNDLE as u64),
            "{prefix}"
        );
        let total: usize = files.iter().map(|(_, b)| b.len()).sum();
        let largest = files.iter().map(|(_, b)| b.len()).max().unwrap();
        assert!(total < 200 * 1024, "{prefix}: {total} bytes in all");
        assert!(largest < 64 * 1024, "{prefix}: a file of {largest} bytes");
        // Every page links to the script and has the box, hidden until the script runs.
        let home = site.page(&format!("{prefix}/index.html"));
        assert!(
            home.contains(r#"<div class="site-search" role="search" hidden data-search="#),
            "{home}"
        );
        // Both scripts under their fingerprinted names (`search.1a2b3c4d.js`).
        let script = start_tags(&home, "script")
            .into_iter()
            .find_map(|tag| attr(tag, "src"))
            .unwrap_or_default();
        assert!(
            script.starts_with("../static/search.") && script.ends_with(".js"),
            "{script}"
        );
        assert_eq!(
            script.len(),
            "../static/search.12345678.js".len(),
            "{script}"
        );
        let client = home
            .split(r#"data-client=""#)
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_default();
        assert!(
            client.starts_with("../static/search-client.") && client.ends_with(".js"),
            "{home}"
        );
    }
    // A page loads a few lines up front; the client comes when the box is focused.
    let boot = std::fs::read(site.public().join("static/search.js")).unwrap();
    assert!(boot.len() < 1536, "search.js: {} bytes", boot.len());
    let client = std::fs::read(site.public().join("static/search-client.js")).unwrap();
    assert!(
        client.len() < 16 * 1024,
        "search-client.js: {} bytes",
        client.len()
    );
}

#[test]
fn search_false_writes_no_index_and_no_box() {
    let site = TempSite::new("search-off");
    site.replace_once(
        "site.yaml",
        "output: public\n",
        "output: public\nsearch: false\n",
    );
    site.build_ok();
    for prefix in ["en", "fr", "zh-tw"] {
        assert!(
            !site.public().join(prefix).join("search").exists(),
            "{prefix}"
        );
        let home = site.page(&format!("{prefix}/index.html"));
        assert!(
            !home.contains("site-search") && !home.contains("search.js"),
            "{home}"
        );
    }
}
