//! A message and a page missing in a language: shown from English with a notice, listed on
//! stderr, and refused by `--strict` without touching the previous output.

use crate::common::*;

use polydocs::config;
use polydocs::l10n::Locales;
use polydocs::source::SourceFile;

const PAGE_KEY: &str = "docs/choosing-a-priority.md";

/// Removes the `footer-note` message of French and the zh-TW translation of one page.
fn site_with_fallbacks(name: &str) -> TempSite {
    let site = TempSite::new(name);
    let ftl = site.read("locales/fr/ui.ftl");
    let kept: Vec<&str> = ftl
        .lines()
        .filter(|l| !l.starts_with("footer-note ="))
        .collect();
    assert_eq!(
        kept.len() + 1,
        ftl.lines().count(),
        "fr/ui.ftl defines footer-note on one line"
    );
    site.write("locales/fr/ui.ftl", &(kept.join("\n") + "\n"));
    std::fs::remove_file(site.path(&format!("content/zh-TW/{PAGE_KEY}"))).unwrap();
    site
}

/// The front matter title of a page.
fn title_of(markdown: &str) -> String {
    markdown
        .lines()
        .find_map(|l| l.strip_prefix("title:"))
        .expect("a title")
        .trim()
        .trim_matches('"')
        .to_string()
}

/// The zh-TW fallback notice, formatted by the site's own Fluent files.
fn zh_notice(site: &TempSite, language_name: &str) -> String {
    let src = SourceFile::read(&site.root, &site.path("site.yaml")).unwrap();
    let cfg = config::parse(&src).expect("site.yaml parses");
    let (locales, _) = Locales::load(&site.root, &cfg);
    let zh = cfg.language_index("zh-TW").unwrap();
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("language", language_name.to_string());
    locales
        .format(zh, "fallback-notice", Some(&args))
        .expect("zh-TW fallback-notice formats")
}

#[test]
fn fallbacks_are_published_listed_and_linked() {
    let site = site_with_fallbacks("fallback");
    let run = site.run(&["build"]);
    assert_eq!(
        run.code,
        0,
        "a build with fallbacks succeeds\n{}",
        run.describe()
    );

    // stderr names the missing message once: language, ID, and where the ID is used.
    let base = site.read("templates/base.html");
    let (line, col) = locate(&base, "t(id=\"footer-note\")");
    let used_at = format!("templates/base.html:{line}:{}", col + "t(id=\"".len());
    let message_line = run
        .stderr
        .lines()
        .find(|l| l.contains("`footer-note`"))
        .unwrap_or_else(|| panic!("stderr does not list footer-note\n{}", run.describe()));
    assert!(
        message_line.contains("warning[missing-message]")
            && message_line.contains("not translated into fr"),
        "{message_line}"
    );
    assert_eq!(
        run.stderr.matches("`footer-note`").count(),
        1,
        "one finding for one missing message\n{}",
        run.stderr
    );
    assert!(
        message_line.contains(&used_at),
        "the fallback of footer-note names where it is used ({used_at}): {message_line}"
    );
    assert!(
        message_line.contains("en"),
        "it says which language it falls back to: {message_line}"
    );
    // ... and the page fallback for zh-TW.
    let page_line = run
        .stderr
        .lines()
        .find(|l| l.contains(PAGE_KEY))
        .unwrap_or_else(|| panic!("stderr does not list the page fallback\n{}", run.describe()));
    assert!(
        page_line.contains("warning[missing-page]") && page_line.contains("into zh-TW"),
        "{page_line}"
    );
    assert!(page_line.contains("en"), "{page_line}");
    assert!(
        !run.stderr
            .lines()
            .any(|l| l.contains("into fr") && l.contains(PAGE_KEY)),
        "French still has the page\n{}",
        run.stderr
    );

    // The French footer now shows the English sentence.
    let en_footer = {
        let ftl = site.read("locales/en/ui.ftl");
        ftl.lines()
            .find_map(|l| l.strip_prefix("footer-note = "))
            .unwrap()
            .to_string()
    };
    let fr_home = site.page("fr/index.html");
    assert!(
        fr_home.contains(&format!("<p><span lang=\"en\">{en_footer}</span></p>")),
        "fr pages show the English footer-note, marked as English"
    );

    // The zh-TW page exists, in English, with the zh-TW notice.
    let rel = "zh-tw/docs/choosing-a-priority/index.html";
    let html = site.page(rel);
    let en_title = title_of(&site.read(&format!("content/en/{PAGE_KEY}")));
    assert!(
        html.contains(&format!("<h1>{en_title}</h1>")),
        "the zh-TW fallback shows the English page"
    );
    assert!(
        html.contains("<html lang=\"zh-Hant-TW\" dir=\"ltr\">"),
        "the page chrome stays zh-TW"
    );
    assert!(
        html.contains("lang=\"en\""),
        "the English text is marked lang=\"en\""
    );
    // The language's name is English text inside the zh-TW notice: marked as such.
    let notice = zh_notice(&site, "<span lang=\"en\">English</span>");
    assert!(
        notice.contains("English"),
        "the notice names the language: {notice}"
    );
    assert!(
        html.contains(&notice),
        "the zh-TW page carries the notice {notice:?}"
    );
    // Not on translated pages.
    assert!(!site.page("zh-tw/docs/index.html").contains(&notice));
    assert!(
        !site
            .page("fr/docs/choosing-a-priority/index.html")
            .contains(&notice)
    );

    // Its switcher still works, and every switcher that offers it leads to a file.
    let url = site.base_url();
    let public = site.public();
    let links = hreflang_links(&html);
    assert_eq!(links.len(), 3, "{links:?}");
    for (tag, href) in &links {
        let target = resolve_link(&public, rel, href, &url).unwrap();
        assert!(
            target.is_file(),
            "{rel}: {tag} link {href} is broken ({})",
            target.display()
        );
    }
    for page in ["en", "fr"].map(|p| format!("{p}/docs/choosing-a-priority/index.html")) {
        for (tag, href) in hreflang_links(&site.page(&page)) {
            let target = resolve_link(&public, &page, &href, &url).unwrap();
            assert!(target.is_file(), "{page}: {tag} link {href} is broken");
        }
    }
    // A fallback copy is not offered to search engines as a translation.
    let sitemap = site.page("sitemap.xml");
    assert!(
        !sitemap.contains(&format!("{url}zh-tw/docs/choosing-a-priority/")),
        "the sitemap lists only real translations"
    );
    assert!(sitemap.contains(&format!("{url}fr/docs/choosing-a-priority/")));
}

#[test]
fn strict_build_refuses_fallbacks_and_keeps_previous_output() {
    let site = site_with_fallbacks("fallback-strict");
    site.build_ok();
    let before = snapshot(&site.public());

    let run = site.run(&["build", "--strict"]);
    assert_eq!(
        run.code,
        1,
        "--strict fails on fallbacks\n{}",
        run.describe()
    );
    assert!(
        run.stderr.contains("error[missing-message]") && run.stderr.contains("error[missing-page]"),
        "{}",
        run.describe()
    );
    assert!(
        run.stderr
            .lines()
            .any(|l| l.contains("error[") && l.contains("`footer-note`") && l.contains("fr")),
        "the strict error names fr's footer-note\n{}",
        run.stderr
    );
    assert!(
        run.stderr
            .lines()
            .any(|l| l.contains("error[") && l.contains(PAGE_KEY) && l.contains("zh-TW")),
        "the strict error names zh-TW's page\n{}",
        run.stderr
    );
    assert_same_tree(
        &before,
        &snapshot(&site.public()),
        "public/ after a refused --strict build",
    );

    // `check --strict` refuses them too, and `check` alone does not.
    let check = site.run(&["check", "--strict"]);
    assert_eq!(check.code, 1, "{}", check.describe());
    assert!(
        check.stderr.contains("`footer-note`"),
        "{}",
        check.describe()
    );
    let check = site.run(&["check"]);
    assert_eq!(check.code, 0, "{}", check.describe());
    assert_same_tree(&before, &snapshot(&site.public()), "public/ after check");
}

#[test]
fn shipped_site_has_no_fallback_and_builds_strict() {
    let site = TempSite::new("strict-clean");
    let run = site.run(&["build", "--strict"]);
    assert_eq!(run.code, 0, "{}", run.describe());
    assert!(
        !run.stderr.contains("fallback"),
        "the shipped site is fully translated\n{}",
        run.describe()
    );
}

/// The hours cell of the first region (the Americas) of a language's hours page, as HTML.
fn americas_hours(site: &TempSite, prefix: &str) -> String {
    let page = site.page(&format!("{prefix}/hours/index.html"));
    let row = page
        .split("<tr")
        .find(|row| row.contains("<td") && (row.contains("AM") || row.contains("ص")))
        .unwrap_or_else(|| panic!("{prefix}: no hours row in\n{page}"));
    // Times hold no-break spaces ("6:00\u{202f}AM"): compared as spaces.
    row.replace(['\u{202f}', '\u{a0}'], " ")
}

/// On a right-to-left page, the values inside a message (times here) are isolated, so that
/// the browser keeps each in its own order and the message's order between them; a message
/// falling back to English is English whole, its times included. Left-to-right pages stay as
/// they were, without isolates.
#[test]
fn right_to_left_pages_isolate_the_values_of_their_messages() {
    let site = TempSite::new("fallback-rtl-values");
    let run = site.run(&["new-language", "ar", "--name", "العربية"]);
    assert_eq!(run.code, 0, "{}", run.describe());
    site.build_ok();
    // Untranslated: the English range, times as English writes them, in an English span.
    let fallback = americas_hours(&site, "ar");
    assert!(
        fallback.contains(
            "<span lang=\"en\" dir=\"ltr\"><bdi>6:00 AM</bdi> – <bdi>5:30 PM</bdi></span>"
        ),
        "{fallback}"
    );
    assert!(!americas_hours(&site, "en").contains("<bdi>"));
    // Translated: Arabic times, each isolated inside the Arabic sentence.
    let ui = site.read("locales/ar/ui.ftl");
    site.write(
        "locales/ar/ui.ftl",
        &format!("{ui}\nhours-range = من {{ $opens }} إلى {{ $closes }}\n"),
    );
    site.build_ok();
    let translated = americas_hours(&site, "ar");
    assert!(
        translated.contains("من <bdi>6:00 ص</bdi> إلى <bdi>5:30 م</bdi>"),
        "{translated}"
    );
    let cell = &translated[translated.find("<td").unwrap()..];
    assert!(!cell.contains("lang=\"en\""), "{translated}");
}
