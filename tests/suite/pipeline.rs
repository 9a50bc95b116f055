//! `build`, `check` and `serve` run one pipeline: what `check` calls an error, `build`
//! refuses (strict or not), in one run, each problem once, at its place.

use crate::common::rejection::{Want, diagnostics, rejected_by_build_and_check};
use crate::common::*;
use serde_json::Value;

const PAGE: &str = "content/fr/docs/choosing-a-priority.md";

/// Appends a paragraph to the French page and returns the page as broken.
fn append_to_page(site: &TempSite, paragraph: &str) -> String {
    let text = format!("{}\n{paragraph}\n", site.read(PAGE));
    site.write(PAGE, &text);
    text
}

/// Runs a command and asserts it failed naming `code` at `file:line:col`.
fn fails_at(site: &TempSite, args: &[&str], want: &Want) {
    let run = site.run(args);
    assert_eq!(
        run.code,
        1,
        "`{}` must fail\n{}",
        args.join(" "),
        run.describe()
    );
    rejection::check_want(&args.join(" "), &run.stderr, want);
}

#[test]
fn a_link_to_a_missing_page_fails_build_and_check_strict_or_not() {
    let run = rejected_by_build_and_check("pipeline-broken-link", |site| {
        let text = append_to_page(site, "Voir les [délais](../nowhere/).");
        let want = Want::at("broken-link", PAGE, &text, "[délais]");
        fails_at(site, &["build", "--strict"], &want);
        fails_at(site, &["check", "--strict"], &want);
        vec![want]
    });
    assert!(
        run.stderr
            .contains("no page is published at /fr/docs/nowhere/"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_link_to_a_missing_heading_fails_build_and_check() {
    let run = rejected_by_build_and_check("pipeline-broken-fragment", |site| {
        // A fragment of the page itself, one of another page, and two that exist (a heading
        // of the page, an id the hours template gives its table's caption).
        let text = append_to_page(
            site,
            "Voir [ici](#no-such-heading),\n[les conseils](#conseils-pour-bien-choisir),\n\
             [les horaires](../../hours/#pas-d-horaires)\net [le tableau](../../hours/#hours-caption).",
        );
        vec![
            Want::at("broken-link", PAGE, &text, "[ici]"),
            Want::at("broken-link", PAGE, &text, "[les horaires]"),
        ]
    });
    assert!(
        run.stderr.contains("build failed with 2 errors"),
        "only the two missing anchors are errors\n{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("/fr/hours/ has no heading or element with the id `pas-d-horaires`"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_near_miss_of_a_heading_is_named() {
    rejected_by_build_and_check("pipeline-fragment-typo", |site| {
        let text = append_to_page(site, "Voir [les conseils](#conseils-pour-bien-chosir).");
        vec![Want::at("broken-link", PAGE, &text, "[les conseils]")]
    })
    .stderr
    .contains("did you mean `#conseils-pour-bien-choisir`?")
    .then_some(())
    .expect("the closest heading is suggested");
}

#[test]
fn a_broken_link_is_reported_with_the_errors_of_other_files() {
    // A wrong time in the data and a broken link in a page: one run names both.
    rejected_by_build_and_check("pipeline-link-and-data", |site| {
        let text = append_to_page(site, "Voir les [délais](../nowhere/).");
        let regions = site.replace_once("content/regions.yaml", "\"17:30\"", "\"25:30\"");
        vec![
            Want::at("broken-link", PAGE, &text, "[délais]"),
            Want::at("bad-time", "content/regions.yaml", &regions, "\"25:30\""),
        ]
    });
}

/// `check --format json` findings as `(code, file, line, column)`.
fn json_findings(site: &TempSite, extra: &[&str]) -> (i32, Value) {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(extra);
    let run = site.run(&args);
    let json = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", run.describe()));
    (run.code, json)
}

#[test]
fn build_and_check_report_the_same_findings() {
    let site = TempSite::new("pipeline-same-findings");
    // An error in a page, an error and warnings in a locale file.
    append_to_page(&site, "Voir [ici](#nulle-part).");
    site.replace_once("locales/fr/ui.ftl", "skip-link =", "skip-lien =");
    site.replace_once(
        "locales/fr/ui.ftl",
        "footer-note = Ce site",
        "footer-note = { $inconnue } Ce site",
    );
    let build = site.run(&["build"]);
    let check = site.run(&["check"]);
    assert_eq!(build.code, 1, "{}", build.describe());
    assert_eq!(check.code, 1, "{}", check.describe());
    let (from_build, from_check) = (diagnostics(&build.stderr), diagnostics(&check.stderr));
    assert_eq!(from_build.len(), 2, "{from_build:?}");
    assert_eq!(from_build, from_check, "build and check disagree on errors");
    let warnings = |stderr: &str| -> Vec<String> {
        stderr
            .lines()
            .filter(|l| l.starts_with("warning["))
            .map(str::to_string)
            .collect()
    };
    // `skip-lien` is one warning: a misspelling of `skip-link`.
    assert!(
        warnings(&build.stderr)
            .iter()
            .any(|w| w.starts_with("warning[misspelt-message]")),
        "{}",
        build.stderr
    );
    assert_eq!(
        warnings(&build.stderr),
        warnings(&check.stderr),
        "build and check disagree on warnings"
    );
}

#[test]
fn a_new_language_gets_one_finding_per_missing_message() {
    let site = TempSite::new("pipeline-new-language");
    let yaml = site.read("site.yaml");
    site.write(
        "site.yaml",
        &format!("{yaml}  - code: ar\n    tag: ar\n    name: العربية\n    direction: rtl\n"),
    );
    std::fs::create_dir_all(site.path("locales/ar")).unwrap();
    site.write(
        "locales/ar/ui.ftl",
        "skip-link = تخطَّ إلى المحتوى\nnav-label = التنقل الرئيسي\nfooter-note = ملاحظة\n",
    );
    let (code, json) = json_findings(&site, &["--lang", "ar"]);
    assert_eq!(code, 0, "missing translations are warnings: {json}");
    let findings = json["findings"].as_array().unwrap();
    let messages: Vec<&str> = findings
        .iter()
        .filter(|f| f["code"] == "missing-message")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    let en = site.read("locales/en/ui.ftl") + &site.read("locales/en/plan.ftl");
    let source_messages = en
        .lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()) && l.contains(" ="))
        .count();
    assert_eq!(
        messages.len(),
        source_messages - 3,
        "one finding per message not translated"
    );
    assert!(
        findings.iter().all(|f| f["code"] != "fallback"),
        "no second finding for the same missing string"
    );
    let pages = findings
        .iter()
        .filter(|f| f["code"] == "missing-page")
        .count();
    assert_eq!(pages, site.page_keys().len(), "one finding per page");

    // The text summary counts per language and code.
    let run = site.run(&["check", "--lang", "ar"]);
    let line = run
        .stderr
        .lines()
        .find(|l| l.trim_start().starts_with("ar:"))
        .unwrap_or_else(|| panic!("no summary line for ar\n{}", run.describe()));
    assert!(
        line.contains(&format!("{} missing-message", messages.len()))
            && line.contains(&format!("{pages} missing-page")),
        "{line}"
    );
    // An unknown language is an error, not an empty report.
    let run = site.run(&["check", "--lang", "de"]);
    assert_eq!(run.code, 2, "{}", run.describe());
    assert!(run.stderr.contains("en, fr, zh-TW, ar"), "{}", run.stderr);
}

#[test]
fn a_new_tier_without_targets_or_labels_is_reported_whole_in_one_run() {
    rejected_by_build_and_check("pipeline-fifth-tier", |site| {
        let tiers = format!(
            "{}  - id: premier\n    name: tier-premier\n    summary: tier-premier-summary\n    paid: true\n",
            site.read("content/tiers.yaml")
        );
        site.write("content/tiers.yaml", &tiers);
        let targets = site.read("content/response-targets.yaml");
        let mut wants: Vec<Want> = ["p1", "p2", "p3", "p4"]
            .iter()
            .map(|p| {
                Want::at_value(
                    "missing-target",
                    "content/response-targets.yaml",
                    &targets,
                    &format!("id: {p}"),
                )
            })
            .collect();
        wants.push(Want::at_value(
            "unknown-message",
            "content/tiers.yaml",
            &tiers,
            "name: tier-premier",
        ));
        wants.push(Want::at_value(
            "unknown-message",
            "content/tiers.yaml",
            &tiers,
            "summary: tier-premier-summary",
        ));
        wants
    });
}

#[test]
fn built_in_templates_are_used_until_a_site_overrides_them() {
    let site = TempSite::new("pipeline-builtin-templates");
    site.build_ok();
    let robots = std::fs::read_to_string(site.public().join("robots.txt")).unwrap();
    assert_eq!(
        robots,
        format!(
            "User-agent: *\nAllow: /\nSitemap: {}sitemap.xml\n",
            site.base_url()
        )
    );
    site.write(
        "templates/robots.txt",
        "User-agent: *\nDisallow: /pseudo/\nSitemap: {{ base_url | safe }}sitemap.xml\n",
    );
    site.write(
        "templates/sitemap.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n{% for entry in entries %}<url><loc>{{ entry.loc }}</loc></url>\n{% endfor %}</urlset>\n",
    );
    site.build_ok();
    let robots = std::fs::read_to_string(site.public().join("robots.txt")).unwrap();
    assert!(robots.contains("Disallow: /pseudo/"), "{robots}");
    let sitemap = std::fs::read_to_string(site.public().join("sitemap.xml")).unwrap();
    assert!(
        !sitemap.contains("xhtml:link"),
        "the site's own sitemap: {sitemap}"
    );
    assert_eq!(
        sitemap.matches("<url>").count(),
        3 * site.page_keys().len(),
        "{sitemap}"
    );
}

/// What `check --format json` reports, and what serve's builder reports, as
/// `(code, file, line)`; serve must refuse the site.
fn check_and_serve_findings(
    site: &TempSite,
) -> [std::collections::BTreeSet<(String, String, Option<u64>)>; 2] {
    use polydocs::serve::changes::Changes;
    use polydocs::serve::output::Output;
    use polydocs::serve::rebuild::Builder;

    let (code, json) = json_findings(site, &[]);
    assert_eq!(code, 1, "{json}");
    let from_check = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let text = |k: &str| f[k].as_str().unwrap_or("").to_string();
            (text("code"), text("file"), f["line"].as_u64())
        })
        .collect();
    let root = site.root.canonicalize().unwrap();
    let Err(found) = Builder::new(&root).build(
        &Changes::everything(),
        std::sync::Arc::new(Output::default()),
    ) else {
        panic!("serve built a site that check rejects");
    };
    let from_serve = found
        .iter()
        .map(|d| {
            let file = d.file.clone().unwrap_or_default();
            (
                d.code.as_str().to_string(),
                file,
                d.position.map(|p| p.line as u64),
            )
        })
        .collect();
    [from_check, from_serve]
}

/// `serve` loads and checks a site as `check` does: with a file that does not load in each
/// stage (a page's front matter, plan data, a template, a locale file, a link), the findings
/// about everything else are still reported, by both, the same ones at the same places.
#[test]
fn serve_reports_what_check_reports_on_a_site_that_does_not_load_whole() {
    // A page that does not load, a missing heading in another, a message with an unknown
    // variable.
    let site = TempSite::new("pipeline-serve-same");
    site.replace_once(
        "content/fr/hours.md",
        "title: Horaires régionaux",
        "title: [Horaires régionaux",
    );
    append_to_page(&site, "Voir [ici](#nulle-part).");
    site.replace_once(
        "locales/fr/ui.ftl",
        "footer-note = Ce site",
        "footer-note = { $inconnue } Ce site",
    );
    let [from_check, from_serve] = check_and_serve_findings(&site);
    for code in ["yaml-type", "broken-link"] {
        assert!(
            from_check.iter().any(|(c, _, _)| c == code),
            "check reports no {code}: {from_check:#?}"
        );
    }
    assert!(
        from_check.iter().any(|(_, f, _)| f == "locales/fr/ui.ftl"),
        "check reports nothing in locales/fr/ui.ftl: {from_check:#?}"
    );
    assert_eq!(from_serve, from_check, "serve and check disagree");

    // Plan data and a template that do not load, and a broken Fluent entry.
    let site = TempSite::new("pipeline-serve-same-data");
    site.replace_once("content/regions.yaml", "regions:", "regions: [");
    site.replace_once(
        "templates/hours.html",
        "{% block main %}",
        "{% block main %}{% if x %}",
    );
    site.replace_once(
        "locales/fr/ui.ftl",
        "footer-note = Ce site",
        "footer-note = { Ce site",
    );
    let [from_check, from_serve] = check_and_serve_findings(&site);
    for file in [
        "content/regions.yaml",
        "templates/hours.html",
        "locales/fr/ui.ftl",
    ] {
        assert!(
            from_check.iter().any(|(_, f, _)| f == file),
            "check reports nothing in {file}: {from_check:#?}"
        );
    }
    assert_eq!(from_serve, from_check, "serve and check disagree");
}
