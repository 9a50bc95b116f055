//! Text shown in another language than the page's carries its own `lang` (and `dir` where
//! the direction differs): a message a language lacks, a plan label, a notice, the names in
//! the language switcher and the chooser. Lists of names follow each language's CLDR pattern.

use crate::common::*;

/// The shipped site with a right-to-left language `ar` that has only a few messages and no
/// page of its own.
fn site_with_arabic(name: &str) -> TempSite {
    let site = TempSite::new(name);
    // `languages:` is the last key of site.yaml: the new language goes last.
    let text = site.read("site.yaml");
    assert!(text.trim_end().ends_with("name: 繁體中文"), "{text}");
    site.write(
        "site.yaml",
        &format!(
            "{}
  - code: ar\n    tag: ar\n    name: العربية\n    direction: rtl\n",
            text.trim_end()
        ),
    );
    std::fs::create_dir_all(site.path("locales/ar")).unwrap();
    site.write(
        "locales/ar/ui.ftl",
        "site-title = خطط الدعم\nskip-link = انتقل إلى المحتوى الرئيسي\nnav-label = التنقل الرئيسي\n\
         comparison-feature-column = الميزة\n",
    );
    site
}

#[test]
fn english_fallbacks_on_an_arabic_page_carry_their_own_lang_and_dir() {
    let site = site_with_arabic("foreign-ar");
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.describe());
    let page = site.page("ar/compare/index.html");
    assert!(page.contains("<html lang=\"ar\" dir=\"rtl\">"), "{page}");
    // Messages Arabic has: as they are, unmarked.
    assert!(page.contains(">انتقل إلى المحتوى الرئيسي</a>"), "{page}");
    assert!(page.contains("<th scope=\"col\">الميزة</th>"), "{page}");
    // Messages it lacks, through t(): English, marked and isolated.
    for english in [
        "What each tier includes",
        "This site is available in several languages.",
    ] {
        assert!(
            page.contains(&format!("<span lang=\"en\" dir=\"ltr\">{english}</span>")),
            "`{english}` is not marked as English\n{page}"
        );
    }
    // Plan labels of the view: marked the same way.
    assert!(
        page.contains("<span lang=\"en\" dir=\"ltr\">Business support</span>"),
        "{page}"
    );
    // The fallback notice (which Arabic lacks too) is marked as a whole, once.
    let notice = page
        .split("<p class=\"notice\" role=\"note\">")
        .nth(1)
        .and_then(|rest| rest.split("</p>").next())
        .expect("a fallback notice");
    assert!(
        notice.starts_with("<span lang=\"en\" dir=\"ltr\">This page has not been translated yet"),
        "{notice}"
    );
    assert!(
        !notice.contains("<span lang=\"en\" dir=\"ltr\">English"),
        "{notice}"
    );
    // The switcher names each language in itself: left-to-right names are isolated.
    assert!(
        page.contains("lang=\"en\" hreflang=\"en\" dir=\"ltr\">English</a>"),
        "{page}"
    );
    assert!(
        page.contains("lang=\"ar\" hreflang=\"ar\" aria-current=\"page\">العربية</a>"),
        "{page}"
    );
    // Attributes hold text only.
    assert!(!page.contains("aria-label=\"<"), "{page}");
    assert!(page.contains("aria-label=\"Language\""), "{page}");

    // On an English page, the Arabic switcher entry is marked right-to-left.
    let en = site.page("en/compare/index.html");
    assert!(
        en.contains("lang=\"ar\" hreflang=\"ar\" dir=\"rtl\">العربية</a>"),
        "{en}"
    );
    assert!(!en.contains("<span lang="), "{en}");

    // The chooser: the Arabic entry's English prompt is not marked as Arabic.
    let chooser = site.page("index.html");
    assert!(
        chooser.contains(
            "<span lang=\"ar\" dir=\"rtl\"><span lang=\"en\" dir=\"ltr\">Choose a language</span></span>"
        ),
        "{chooser}"
    );
    assert!(
        chooser.contains("<span class=\"language-site\">خطط الدعم</span>"),
        "{chooser}"
    );
}

#[test]
fn the_shipped_site_marks_nothing_as_foreign_in_its_own_text() {
    let site = TempSite::new("foreign-shipped");
    site.build_ok();
    for rel in ["fr/compare/index.html", "zh-tw/tiers/business/index.html"] {
        let page = site.page(rel);
        assert!(
            !page.contains("<span lang="),
            "public/{rel} marks a fragment\n{page}"
        );
    }
}

#[test]
fn lists_of_tiers_follow_each_language() {
    let site = TempSite::new("foreign-lists");
    site.replace_once(
        "content/resources.yaml",
        "    description: resource-business-support-site-description\n",
        "    description: resource-business-support-site-description\n    tiers: [business, elite]\n",
    );
    site.build_ok();
    let note = |rel: &str| {
        let page = site.page(rel);
        page.split("<span class=\"tier-note\">")
            .skip(1)
            .map(|rest| rest.split("</span>").next().unwrap().to_string())
            .find(|s| s.contains("Elite") || s.contains("菁英"))
            .unwrap_or_else(|| panic!("no tier note with two tiers in {rel}"))
    };
    assert_eq!(
        note("en/resources/index.html"),
        "Only for Business support and Elite support"
    );
    assert_eq!(
        note("fr/resources/index.html"),
        "Réservé à\u{a0}: Assistance commerciale et Assistance Elite"
    );
    let zh = note("zh-tw/resources/index.html");
    assert!(zh.starts_with("僅限商務支援和"), "{zh}");
    assert!(!zh.contains(", "), "{zh}");
}

#[test]
fn a_message_in_an_attribute_without_plain_is_reported() {
    let site = TempSite::new("foreign-attribute");
    let text = site.replace_once(
        "templates/base.html",
        "t(id=\"nav-label\", plain=true)",
        "t(id=\"nav-label\")",
    );
    let run = site.run(&["check"]);
    let (line, column) = locate(&text, "t(id=\"nav-label\")");
    assert!(
        run.stderr.contains("warning[markup-in-attribute]")
            && run
                .stderr
                .contains(&format!("templates/base.html:{line}:{column}")),
        "{}",
        run.describe()
    );
}

#[test]
fn a_tier_page_shown_in_english_keeps_its_translated_labels_out_of_the_english_text() {
    let site = TempSite::new("foreign-tier-fallback");
    std::fs::remove_file(site.path("content/zh-TW/tiers/business.md")).unwrap();
    site.build_ok();
    let page = site.page("zh-tw/tiers/business/index.html");
    // The English title and text are marked English; the zh-TW summary of the plan data is
    // not inside them.
    assert!(
        page.contains("<div class=\"intro prose\">\n<h1 lang=\"en\" dir=\"ltr\">"),
        "{page}"
    );
    assert!(page.contains("<div lang=\"en\" dir=\"ltr\">"), "{page}");
    let lead = page
        .split("<p class=\"lead\">")
        .nth(1)
        .and_then(|rest| rest.split("</p>").next())
        .expect("a lead paragraph");
    assert!(
        !lead.contains("<span"),
        "the zh-TW summary is zh-TW: {lead}"
    );
    assert!(!lead.is_ascii(), "{lead}");
}
