//! A preview deploy and a site's own settings: `build --noindex` keeps every page out of
//! search engines; `extra:` in site.yaml reaches templates as `config.extra`.

use crate::common::*;

const NOINDEX: &str = "<meta name=\"robots\" content=\"noindex\">";

#[test]
fn build_noindex_marks_every_page() {
    let site = TempSite::new("preview-noindex");
    site.build_ok();
    assert!(!site.page("en/hours/index.html").contains(NOINDEX));
    let run = site.run(&[
        "build",
        "--base-url",
        "https://preview.example.com/pr-7/",
        "--noindex",
    ]);
    assert_eq!(run.code, 0, "{}", run.describe());
    for page in [
        "en/hours/index.html",
        "fr/docs/index.html",
        "index.html",
        "404.html",
        "zh-tw/404.html",
    ] {
        let html = site.page(page);
        assert_eq!(html.matches(NOINDEX).count(), 1, "{page}: {html}");
        let head = html.find("<head>").unwrap();
        assert!(
            html[head..].starts_with(&format!("<head>{NOINDEX}")),
            "{page}"
        );
    }
}

#[test]
fn extra_settings_reach_the_templates() {
    let site = TempSite::new("preview-extra");
    let yaml = site.read("site.yaml");
    site.write(
        "site.yaml",
        &format!("{yaml}extra:\n  support_email: help@example.com\n  regions: [emea, apac]\n"),
    );
    let partial = site.read("templates/partials/head-meta.html");
    site.write(
        "templates/partials/head-meta.html",
        &format!(
            "{partial}<meta name=\"support\" content=\"{{{{ config.extra.support_email }}}} {{{{ config.extra.regions | length }}}}\">\n"
        ),
    );
    site.build_ok();
    let html = site.page("fr/hours/index.html");
    assert!(
        html.contains("<meta name=\"support\" content=\"help@example.com 2\">"),
        "{html}"
    );

    site.write("site.yaml", &format!("{yaml}extra: [a, b]\n"));
    let run = site.run(&["check"]);
    assert_ne!(run.code, 0, "{}", run.describe());
    let line = yaml.lines().count() + 1;
    assert_diagnostic(
        &run.stderr,
        "yaml-type",
        "site.yaml",
        line,
        1,
        "extra: [a, b]",
    );
    assert!(
        run.stderr
            .contains("`extra:` must hold `name: value` lines"),
        "{}",
        run.describe()
    );
}
