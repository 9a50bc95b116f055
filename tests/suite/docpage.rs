//! The parts of a documentation page around its text: "On this page" contents for a long
//! page, the previous and next page of its section, and "Edit this page" when `site.yaml`
//! names where the sources are edited.

use crate::common::rejection::*;
use crate::common::*;

const PAGE: &str = "en/docs/choosing-a-priority/index.html";
const EDIT: &str = "https://github.com/acme/support/edit/main/";

/// The part of `html` from the first `open` to the end of the element's `</nav>`.
fn nav<'a>(html: &'a str, open: &str) -> Option<&'a str> {
    let start = html.find(open)?;
    let end = html[start..]
        .find("</nav>")
        .map_or(html.len(), |e| start + e);
    Some(&html[start..end])
}

/// The `(href, rel, text)` of each link in `html`.
fn links(html: &str) -> Vec<(String, Option<String>, String)> {
    html.split("<a ")
        .skip(1)
        .map(|rest| {
            let tag = &rest[..rest.find('>').unwrap()];
            let text = &rest[tag.len() + 1..rest.find("</a>").unwrap()];
            let tag = format!("<a {tag}>");
            (
                attr(&tag, "href").unwrap(),
                attr(&tag, "rel"),
                normalize_spaces(&text_of(text)),
            )
        })
        .collect()
}

#[test]
fn long_pages_list_their_headings_and_short_ones_do_not() {
    let site = TempSite::new("docpage-toc");
    site.write(
        "content/en/docs/levels.md",
        "---\ntitle: Levels\n---\n\nIntro.\n\n## First\n\nA.\n\n### Detail {#custom}\n\nB.\n\n#### Too deep\n\nC.\n\n## First\n\nSame words again.\n",
    );
    site.build_ok();

    let html = site.page("en/docs/levels/index.html");
    // Each heading is listed twice: folded under the title (phones) and beside the text
    // (wide screens), in two navigation elements of which the style sheet shows one.
    let toc = nav(&html, r#"<nav class="toc toc-fold-nav""#)
        .expect("a page with three headings has contents");
    assert!(toc.contains(r#"aria-label="On this page""#), "{toc}");
    assert!(toc.contains("<summary>On this page</summary>"), "{toc}");
    let wide = nav(&html, r#"<nav class="toc toc-wide""#).expect("contents beside the text");
    assert_eq!(links(wide), links(toc));
    let listed = links(toc);
    let folded: Vec<_> = listed
        .iter()
        .map(|(h, _, t)| (h.as_str(), t.as_str()))
        .collect();
    assert_eq!(
        folded,
        [
            ("#first", "First"),
            ("#custom", "Detail"),
            ("#first-1", "First")
        ],
        "h2 and h3 in order, h4 left out, with the ids the headings carry"
    );
    for (href, _, _) in &listed {
        let id = &href[1..];
        assert!(
            html.contains(&format!(r#"<h2 id="{id}">"#))
                || html.contains(&format!(r#"<h3 id="{id}">"#)),
            "no heading with id {id}"
        );
    }

    // The shipped page with three h2: contents, in French and Chinese too.
    let shipped = site.page(PAGE);
    for (href, _, _) in links(nav(&shipped, r#"<nav class="toc toc-fold-nav""#).unwrap()) {
        assert!(
            shipped.contains(&format!(r#" id="{}""#, &href[1..])),
            "{href}"
        );
    }
    assert!(
        site.page("fr/docs/choosing-a-priority/index.html")
            .contains("<summary>Sur cette page</summary>")
    );
    assert!(
        site.page("zh-tw/docs/choosing-a-priority/index.html")
            .contains("<summary>本頁內容</summary>")
    );

    // Two headings are not worth contents.
    let section = site.page("en/docs/index.html");
    assert!(section.contains("<h2 id="), "the section has headings");
    assert!(
        !section.contains(r#"class="toc""#),
        "two headings get no contents"
    );
}

#[test]
fn pages_link_their_neighbours_in_the_section() {
    let site = TempSite::new("docpage-prev-next");
    site.build_ok();
    let pager = |rel: &str| {
        let html = site.page(rel);
        nav(&html, r#"<nav class="prev-next""#).map(links)
    };
    let en = site.read("content/en/docs/contacting-support/named-contacts.md");
    assert!(en.contains("title: Named support contacts"));

    // contacting-support holds named-contacts, then chat-and-phone (by weight).
    let first = pager("en/docs/contacting-support/named-contacts/index.html").unwrap();
    assert_eq!(
        first.len(),
        1,
        "the first page has no previous page: {first:?}"
    );
    assert_eq!(
        first[0].0,
        "../../../../en/docs/contacting-support/chat-and-phone/"
    );
    assert_eq!(first[0].1.as_deref(), Some("next"));
    assert_eq!(first[0].2, "Next Chat and phone");
    let last = pager("en/docs/contacting-support/chat-and-phone/index.html").unwrap();
    assert_eq!(last.len(), 1, "the last page has no next page: {last:?}");
    assert_eq!(last[0].1.as_deref(), Some("prev"));
    assert_eq!(last[0].2, "Previous Named support contacts");

    // In the page's language.
    let fr = pager("fr/docs/contacting-support/chat-and-phone/index.html").unwrap();
    assert!(fr[0].2.starts_with("Précédent "), "{fr:?}");
    let zh = pager("zh-tw/docs/contacting-support/named-contacts/index.html").unwrap();
    assert!(zh[0].2.starts_with("下一篇 "), "{zh:?}");

    // A sub-section is a page of its parent section.
    let sub = pager("en/docs/contacting-support/index.html").unwrap();
    assert_eq!(sub.len(), 1);
    assert_eq!(sub[0].1.as_deref(), Some("prev"));
    assert_eq!(sub[0].2, "Previous Choosing a priority");

    // The main navigation's pages (the home page's children) and tier pages have none.
    for rel in [
        "en/compare/index.html",
        "en/docs/index.html",
        "en/tiers/business/index.html",
    ] {
        assert!(pager(rel).is_none(), "{rel} has no previous/next links");
    }
}

#[test]
fn neighbours_shown_from_another_language_are_marked_and_list_pages_keep_their_rel() {
    let site = TempSite::new("docpage-prev-next-fallback");
    // chat-and-phone falls back to English in French.
    std::fs::remove_file(site.path("content/fr/docs/contacting-support/chat-and-phone.md"))
        .unwrap();
    // A section long enough for numbered list pages, with a sibling page before it.
    std::fs::create_dir_all(site.path("content/en/docs/contacting-support/many")).unwrap();
    site.write(
        "content/en/docs/contacting-support/many/_index.md",
        "---\ntitle: Many\nweight: 99\n---\n\nA long list.\n",
    );
    for i in 0..60 {
        site.write(
            &format!("content/en/docs/contacting-support/many/p{i:02}.md"),
            &format!("---\ntitle: Page {i:02}\nweight: {i}\n---\n\nText.\n"),
        );
    }
    site.build_ok();

    let fr = site.page("fr/docs/contacting-support/named-contacts/index.html");
    let pager = nav(&fr, r#"<nav class="prev-next""#).unwrap();
    assert!(
        pager.contains(r#"<span class="prev-next-title" lang="en">Chat and phone</span>"#),
        "an English title on a French page is marked: {pager}"
    );

    // The list page links its previous sibling without rel (its <head> names its list pages).
    let list = site.page("en/docs/contacting-support/many/index.html");
    // Every rel="next" (in <head> and in the list's numbered links) names list page 2.
    let nexts: Vec<_> = list
        .match_indices(r#"rel="next""#)
        .map(|(at, _)| {
            let start = list[..at].rfind('<').unwrap();
            let tag = &list[start..start + list[start..].find('>').unwrap() + 1];
            attr(tag, "href").unwrap()
        })
        .collect();
    assert!(
        !nexts.is_empty() && nexts.iter().all(|h| h.ends_with("/many/page/2/")),
        "{nexts:?}"
    );
    let pager = links(nav(&list, r#"<nav class="prev-next""#).unwrap());
    assert_eq!(pager.len(), 1);
    assert_eq!(pager[0].1, None, "{pager:?}");
    assert_eq!(pager[0].2, "Previous Chat and phone");
    assert!(
        !list.contains(r#"rel="prev""#),
        "the first list page has no previous list page"
    );

    // A page in the long section: neighbours as usual.
    let p = site.page("en/docs/contacting-support/many/p01/index.html");
    let around = links(nav(&p, r#"<nav class="prev-next""#).unwrap());
    assert_eq!(
        around.iter().map(|l| l.2.as_str()).collect::<Vec<_>>(),
        ["Previous Page 00", "Next Page 02"]
    );
}

#[test]
fn edit_links_open_the_file_of_the_text_shown() {
    let site = TempSite::new("docpage-edit");
    site.build_ok();
    assert!(
        !site.page(PAGE).contains("edit-page"),
        "no edit link without edit_url"
    );

    site.replace_once(
        "site.yaml",
        "output: public\n",
        "output: public\nedit_url: https://github.com/acme/support/edit/main\n",
    );
    // zh-TW shows this page from English.
    std::fs::remove_file(site.path("content/zh-TW/docs/contacting-support/named-contacts.md"))
        .unwrap();
    site.build_ok();
    let edit = |rel: &str| {
        let html = site.page(rel);
        let start = html
            .find(r#"<p class="edit-page">"#)
            .unwrap_or_else(|| panic!("{rel} has no edit link"));
        let p = &html[start..start + html[start..].find("</p>").unwrap()];
        links(p).remove(0)
    };
    assert_eq!(
        edit(PAGE),
        (
            format!("{EDIT}content/en/docs/choosing-a-priority.md"),
            None,
            "Edit this page".into()
        )
    );
    assert_eq!(
        edit("fr/docs/choosing-a-priority/index.html"),
        (
            format!("{EDIT}content/fr/docs/choosing-a-priority.md"),
            None,
            "Modifier cette page".into()
        )
    );
    assert_eq!(
        edit("zh-tw/docs/index.html").0,
        format!("{EDIT}content/zh-TW/docs/_index.md")
    );

    // A page shown untranslated links to its original, and says so in the visitor's language.
    let (href, _, text) = edit("zh-tw/docs/contacting-support/named-contacts/index.html");
    assert_eq!(
        href,
        format!("{EDIT}content/en/docs/contacting-support/named-contacts.md")
    );
    assert_eq!(text, "編輯此頁的原文（English）");
    assert!(
        site.page("zh-tw/docs/contacting-support/named-contacts/index.html")
            .contains(r#"（<span lang="en">English</span>）"#)
    );

    // Pages of other templates link their Markdown file too: a tier, the home page.
    assert_eq!(
        edit("fr/tiers/business/index.html").0,
        format!("{EDIT}content/fr/tiers/business.md")
    );
    assert_eq!(
        edit("en/index.html").0,
        format!("{EDIT}content/en/_index.md")
    );
    assert_eq!(
        edit("en/compare/index.html").0,
        format!("{EDIT}content/en/compare.md")
    );
    // The 404 page has no Markdown file.
    assert!(!site.page("en/404.html").contains("edit-page"));
}

#[test]
fn edit_url_must_be_an_absolute_address() {
    for (name, value) in [
        (
            "docpage-edit-relative",
            "github.com/acme/support/edit/main/",
        ),
        ("docpage-edit-js", "javascript:alert(1)"),
    ] {
        rejected_by_build_and_check(name, |site| {
            let line = format!("edit_url: {value}");
            let text = site.replace_once(
                "site.yaml",
                "output: public\n",
                &format!("output: public\n{line}\n"),
            );
            vec![Want::at_value("bad-edit-url", "site.yaml", &text, &line)]
        });
    }
}
