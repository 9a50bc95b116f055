//! Fingerprinted static files and what a page's head tells link previews and browsers: the
//! names a host may cache for a year, the references that lead to them, and the Open Graph
//! metadata of every language.

use std::collections::BTreeSet;

use crate::common::rejection::*;
use crate::common::*;

/// Whether `file` (a name under `static/`) has the fingerprint: `.` and eight lowercase hex
/// digits before its extension.
fn is_hashed(file: &str) -> bool {
    let parts: Vec<&str> = file.rsplit('.').collect();
    parts.len() >= 3
        && parts[1].len() == 8
        && parts[1]
            .chars()
            .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
}

/// The published name of a static file (`style.css` → `static/style.1e4fb668.css`).
fn hashed_name(site: &TempSite, inner: &str) -> String {
    let (stem, ext) = inner.rsplit_once('.').unwrap();
    let found: Vec<String> = files_under(&site.public().join("static"))
        .into_iter()
        .filter(|f| {
            f.strip_prefix(stem)
                .and_then(|rest| rest.strip_prefix('.'))
                .and_then(|rest| rest.strip_suffix(ext))
                .is_some_and(|hash| hash.len() == 9)
                && is_hashed(f)
        })
        .collect();
    assert_eq!(found.len(), 1, "one fingerprinted {inner}: {found:?}");
    format!("static/{}", found[0])
}

/// Every address in a page's `href`, `src` and `data-client` (the search script loaded on
/// demand) attributes that leads into `static/`.
fn static_references(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in [" href=\"", " src=\"", " data-client=\""] {
        for (at, found) in html.match_indices(attr) {
            let rest = &html[at + found.len()..];
            let value = &rest[..rest.find('"').unwrap()];
            if value.contains("static/") {
                out.push(value.to_string());
            }
        }
    }
    out
}

/// The `content` of every `<meta property="...">` of this name, in order.
fn meta(html: &str, property: &str) -> Vec<String> {
    start_tags(html, "meta")
        .into_iter()
        .filter(|tag| {
            attr(tag, "property").as_deref() == Some(property)
                || attr(tag, "name").as_deref() == Some(property)
        })
        .map(|tag| decode_entities(&attr(tag, "content").unwrap_or_default()))
        .collect()
}

#[test]
fn pages_name_only_fingerprinted_files_and_every_one_is_published() {
    let site = TempSite::new("assets-published");
    let run = site.build_ok();
    let public = site.public();
    // Each stylesheet, script, icon and image of static/ under its fingerprinted name, and
    // under its plain name for links written by hand.
    let sources = files_under(&site.path("static"));
    for inner in &sources {
        let hashed = hashed_name(&site, inner);
        assert!(public.join(format!("static/{inner}")).is_file(), "{inner}");
        // Stylesheets are published minified, and scripts that are certainly safe to
        // shorten (static/copy.js, static/toc.js: see src/render/minify.rs).
        if !inner.ends_with(".css") && !matches!(inner.as_str(), "copy.js" | "toc.js") {
            assert_eq!(
                std::fs::read(public.join(&hashed)).unwrap(),
                std::fs::read(site.path(&format!("static/{inner}"))).unwrap(),
                "{hashed} holds the bytes of static/{inner}"
            );
        }
    }
    // The summary says how many.
    assert!(
        run.stdout
            .contains(&format!("{} assets fingerprinted", sources.len())),
        "{}",
        run.describe()
    );
    // No page names a plain static file; every name leads to a published file.
    let mut named = BTreeSet::new();
    let base = site.base_url();
    for page in files_under(&public).iter().filter(|f| f.ends_with(".html")) {
        let html = site.page(page);
        for href in static_references(&html) {
            let file = href.rsplit('/').next().unwrap();
            assert!(is_hashed(file), "{page} names {href}, not fingerprinted");
            let target = resolve_link(&public, page, &href, &base)
                .unwrap_or_else(|| panic!("{page}: {href} leads nowhere"));
            assert!(target.is_file(), "{page}: {href} is not published");
            named.insert(file.to_string());
        }
    }
    for inner in [
        "style.css",
        "search.js",
        "search-client.js",
        "favicon.svg",
        "icons/chat.svg",
    ] {
        let hashed = hashed_name(&site, inner);
        let file = hashed.rsplit('/').next().unwrap();
        assert!(named.contains(file), "no page names {hashed}");
    }
    // The search script still finds its language's index.
    let fr = site.page("fr/index.html");
    assert!(fr.contains("data-search=\"../fr/search/\""));
    assert!(public.join("fr/search/meta.json").is_file());
}

#[test]
fn a_name_changes_when_its_file_changes_and_only_then() {
    let site = TempSite::new("assets-stable");
    // A stylesheet naming an icon: the reference is rewritten to its fingerprinted name.
    let css = site.read("static/style.css");
    site.write(
        "static/style.css",
        &format!("{css}\n/* url(not-a-file.png) */\n.chat {{ background: url(\"icons/chat.svg\") no-repeat; }}\n"),
    );
    site.build_ok();
    let style = hashed_name(&site, "style.css");
    let search = hashed_name(&site, "search.js");
    let chat = hashed_name(&site, "icons/chat.svg");
    let phone = hashed_name(&site, "icons/phone.svg");
    let published = site.page(&style);
    assert!(
        published.contains(&format!(
            "url(\"{}\")",
            chat.strip_prefix("static/").unwrap()
        )),
        "the stylesheet names the fingerprinted icon"
    );
    assert_eq!(
        site.page("static/style.css"),
        published,
        "the plain copy too"
    );

    // The same input: the same names.
    site.build_ok();
    assert_eq!(hashed_name(&site, "style.css"), style);
    assert_eq!(hashed_name(&site, "search.js"), search);

    // The icon changes: its name, and the name of the stylesheet naming it, change.
    let icon = site.read("static/icons/chat.svg");
    site.write("static/icons/chat.svg", &icon.replace("1.5", "2"));
    site.build_ok();
    let new_chat = hashed_name(&site, "icons/chat.svg");
    let new_style = hashed_name(&site, "style.css");
    assert_ne!(new_chat, chat);
    assert_ne!(new_style, style);
    assert_eq!(hashed_name(&site, "search.js"), search);
    assert_eq!(hashed_name(&site, "icons/phone.svg"), phone);
    let channels = site.page("en/channels/index.html");
    assert!(channels.contains(&format!("../{new_chat}")), "pages follow");
    assert!(channels.contains(&format!("../{new_style}")));
    assert!(!channels.contains(&chat) && !channels.contains(&style));
}

#[test]
fn a_template_naming_a_missing_static_file_is_an_error_there() {
    rejected_by_build_and_check("assets-missing-in-template", |site| {
        let text = site.replace_once(
            "templates/base.html",
            "asset(path=\"style.css\")",
            "asset(path=\"styles.css\")",
        );
        vec![Want::at(
            "template-render",
            "templates/base.html",
            &text,
            "asset(path=\"styles.css\")",
        )]
    });
    // A name built from the plan data: the error names the template and the file.
    let run = rejected("assets-missing-icon", |site| {
        let text = site.replace_once(
            "templates/channels.html",
            "channel.icon ~ \".svg\"",
            "channel.icon ~ \".png\"",
        );
        vec![Want::at(
            "template-render",
            "templates/channels.html",
            &text,
            "asset(path=\"icons/\"",
        )]
    });
    assert!(
        run.stderr.contains("there is no file static/icons/") && run.stderr.contains(".png"),
        "{}",
        run.describe()
    );
}

#[test]
fn a_stylesheet_naming_a_missing_file_is_an_error_there() {
    rejected_by_build_and_check("assets-missing-in-css", |site| {
        let css = site.read("static/style.css");
        let text = format!("{css}.logo {{ background: url(icons/logo.svg); }}\n");
        site.write("static/style.css", &text);
        vec![Want::at(
            "missing-asset",
            "static/style.css",
            &text,
            "icons/logo.svg",
        )]
    });
}

#[test]
fn every_language_tells_link_previews_its_locale_and_the_others() {
    let site = TempSite::new("assets-sharing");
    site.replace_once(
        "content/en/hours.md",
        "description: Which support region applies to you and the local business hours in each one.",
        "description: 'Which <support> & \"region\" applies'",
    );
    site.build_ok();
    let base = site.base_url();
    let locales = [("en", "en_US"), ("fr", "fr_FR"), ("zh-tw", "zh_TW")];
    for (prefix, locale) in locales {
        let html = site.page(&format!("{prefix}/index.html"));
        assert_eq!(meta(&html, "og:locale"), [locale], "{prefix}");
        let others: Vec<&str> = locales
            .iter()
            .filter(|(p, _)| *p != prefix)
            .map(|(_, l)| *l)
            .collect();
        assert_eq!(meta(&html, "og:locale:alternate"), others, "{prefix}");
        assert_eq!(meta(&html, "og:url"), [format!("{base}{prefix}/")]);
        assert_eq!(meta(&html, "og:type"), ["website"]);
        assert_eq!(meta(&html, "twitter:card"), ["summary"]);
        let title = text_of(&html[html.find("<title>").unwrap()..html.find("</title>").unwrap()]);
        assert_eq!(meta(&html, "og:site_name"), [title.trim()], "{prefix}");
        assert_eq!(meta(&html, "og:title").len(), 1);
        assert_eq!(meta(&html, "og:description").len(), 1);
        // The colours of the theme's header, light and dark.
        let colours: Vec<(String, String)> = start_tags(&html, "meta")
            .into_iter()
            .filter(|t| attr(t, "name").as_deref() == Some("theme-color"))
            .map(|t| (attr(t, "content").unwrap(), attr(t, "media").unwrap()))
            .collect();
        assert_eq!(
            colours,
            [
                ("#f4f6f9".into(), "(prefers-color-scheme: light)".into()),
                ("#1d2128".into(), "(prefers-color-scheme: dark)".into())
            ]
        );
        let icons: Vec<String> = start_tags(&html, "link")
            .into_iter()
            .filter(|t| attr(t, "rel").as_deref() == Some("icon"))
            .filter_map(|t| attr(t, "href"))
            .collect();
        assert_eq!(icons.len(), 2, "{prefix}: {icons:?}");
        assert!(icons.iter().any(|i| i.ends_with(".svg")));
    }
    let css = site.read("static/style.css");
    assert!(css.contains("--panel: #f4f6f9") && css.contains("--panel: #1d2128"));
    // Values are escaped.
    let hours = site.page("en/hours/index.html");
    assert!(
        hours.contains(
            "property=\"og:description\" content=\"Which &lt;support&gt; &amp; &quot;region&quot;"
        ),
        "{}",
        &hours[..2000]
    );
    assert_eq!(meta(&hours, "og:type"), ["article"]);
    assert_eq!(meta(&hours, "og:title"), ["Regional hours"]);
}

#[test]
fn a_site_may_replace_the_head_metadata() {
    let site = TempSite::new("assets-override");
    site.write(
        "templates/partials/head-meta.html",
        "<meta name=\"generator-note\" content=\"{{ site_title }}\">\n",
    );
    site.build_ok();
    let html = site.page("fr/index.html");
    assert!(html.contains("<meta name=\"generator-note\""));
    assert!(meta(&html, "og:locale").is_empty());
}
