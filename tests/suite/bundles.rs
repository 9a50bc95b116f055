//! Page bundles: `docs/faq/index.md` is the page `/<lang>/docs/faq/`, the files beside it are
//! published beside the page (so `![Map](map.png)` works from it), translations use the
//! source bundle's files unless they have their own, and `index.md` beside `_index.md` is a
//! `page-collision`.

use crate::common::*;

const EN_MAP: &[u8] = b"\x89PNG english map";
const ZH_MAP: &[u8] = b"\x89PNG traditional chinese map";

fn site_with_a_bundle(name: &str) -> TempSite {
    let site = TempSite::new(name);
    std::fs::create_dir_all(site.path("content/en/docs/faq")).unwrap();
    std::fs::create_dir_all(site.path("content/fr/docs/faq")).unwrap();
    std::fs::create_dir_all(site.path("content/zh-TW/docs/faq")).unwrap();
    site.write(
        "content/en/docs/faq/index.md",
        "---\ntitle: Questions\n---\n\n![The map of the offices](map.png)\n\nSee also [the levels](../choosing-a-priority/).\n",
    );
    std::fs::write(site.path("content/en/docs/faq/map.png"), EN_MAP).unwrap();
    site.write(
        "content/fr/docs/faq/index.md",
        "---\ntitle: Questions fréquentes\n---\n\n![Le plan des bureaux](map.png)\n",
    );
    // Chinese has its own map, and no translation of the page.
    std::fs::write(site.path("content/zh-TW/docs/faq/map.png"), ZH_MAP).unwrap();
    site
}

#[test]
fn a_bundle_is_its_folders_page_with_its_files_beside_it() {
    let site = site_with_a_bundle("bundles-build");
    site.build_ok();
    let public = site.public();
    for lang in ["en", "fr", "zh-tw"] {
        let page = site.page(&format!("{lang}/docs/faq/index.html"));
        assert!(page.contains("src=\"map.png\""), "{lang}: {page}");
        assert!(
            !public.join(lang).join("docs/faq/index").exists(),
            "{lang}: the bundle is not published as a page named index"
        );
        let section = site.page(&format!("{lang}/docs/index.html"));
        assert!(
            section.contains(&format!("href=\"../../{lang}/docs/faq/\"")),
            "{lang}: the section links the bundle's page: {section}"
        );
    }
    let read = |rel: &str| std::fs::read(public.join(rel)).unwrap();
    assert_eq!(read("en/docs/faq/map.png"), EN_MAP);
    // French has no map of its own: it gets the English one, where its page looks for it.
    assert_eq!(read("fr/docs/faq/map.png"), EN_MAP);
    assert_eq!(read("zh-tw/docs/faq/map.png"), ZH_MAP);
    assert!(
        site.page("fr/docs/faq/index.html")
            .contains("Questions fréquentes")
    );

    // A bundle's image is checked as any link: a typo gets the near file.
    let text = site.replace_once("content/en/docs/faq/index.md", "(map.png)", "(mpa.png)");
    let run = site.run(&["check"]);
    assert_ne!(run.code, 0, "{}", run.describe());
    let (line, col) = locate(&text, "![The map");
    assert_diagnostic(
        &run.stderr,
        "broken-link",
        "content/en/docs/faq/index.md",
        line,
        col,
        line_of(&text, line),
    );
    assert!(
        run.stderr.contains("did you mean `map.png`?"),
        "{}",
        run.describe()
    );
}

#[test]
fn a_bundle_beside_a_section_page_collides() {
    let site = site_with_a_bundle("bundles-collision");
    site.write(
        "content/en/docs/faq/_index.md",
        "---\ntitle: FAQ section\n---\n",
    );
    let run = site.run(&["build"]);
    assert_ne!(run.code, 0, "{}", run.describe());
    assert!(
        run.stderr.contains(
            "error[page-collision]: content/en/docs/faq/index.md and content/en/docs/faq/_index.md would be published at the same address, /en/docs/faq/"
        ),
        "{}",
        run.describe()
    );
    // A file beside the pages may not take a page's place.
    site.write("content/en/docs/faq/_index.md", "");
    std::fs::remove_file(site.path("content/en/docs/faq/_index.md")).unwrap();
    site.write("content/en/docs/faq/index.html", "<p>hand-made</p>");
    let run = site.run(&["check"]);
    assert!(
        run.stderr.contains("error[page-collision]: content/en/docs/faq/index.html would be published at /en/docs/faq/index.html"),
        "{}",
        run.describe()
    );
}
