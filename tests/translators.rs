//! The translators' tools, end to end: `check` findings with their exact positions, outdated
//! translations and `mark`, `status`, a language added without code, and `build --pseudo`.

mod common;

use common::{TempSite, locate};
use serde_json::Value;

/// A finding as (code, file, line, column).
type Finding = (String, String, u64, u64);

/// `check --format json`, parsed: the exit code, every finding, and the whole document.
fn findings(site: &TempSite, extra: &[&str]) -> (i32, Vec<Finding>, Value) {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(extra);
    let run = site.run(&args);
    let json: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", run.describe()));
    let list = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["file"].as_str().unwrap_or("").to_string(),
                f["line"].as_u64().unwrap_or(0),
                f["column"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    (run.code, list, json)
}

fn at(code: &str, file: &str, text: &str, needle: &str) -> Finding {
    let (line, column) = locate(text, needle);
    (
        code.to_string(),
        file.to_string(),
        line as u64,
        column as u64,
    )
}

/// Adds the fixture language `de` (German plural rules: one, other) to a copy of the site,
/// with its Fluent files copied from English and one problem of each kind put in.
fn fixture_language() -> (TempSite, Vec<Finding>) {
    let site = TempSite::new("translators-fixture");
    let yaml = site.read("site.yaml");
    site.write(
        "site.yaml",
        &format!("{yaml}  - code: de\n    tag: de\n    name: Deutsch\n"),
    );
    std::fs::create_dir_all(site.path("locales/de")).unwrap();
    std::fs::copy(
        site.path("locales/en/plan.ftl"),
        site.path("locales/de/plan.ftl"),
    )
    .unwrap();

    // The source gains an attribute and a message nothing uses.
    let en = site.read("locales/en/ui.ftl");
    let en = en.replacen(
        "breadcrumb-label = Breadcrumb\n",
        "breadcrumb-label = Breadcrumb\n    .title = Where you are\n",
        1,
    );
    let en = format!("{en}\nnever-used = Nobody shows this\n");
    site.write("locales/en/ui.ftl", &en);

    let mut de = en.clone();
    let edits: &[(&str, &str)] = &[
        // A variable renamed: unknown and dropped.
        (
            "its original language ({ $language })",
            "its original language ({ $sprache })",
        ),
        // A reference to nothing.
        ("footer-note = ", "footer-note = { no-such-message } "),
        // An empty value.
        ("skip-link = Skip to main content", "skip-link = { \"\" }"),
        // The attribute left out, and an attribute the source does not have.
        (
            "breadcrumb-label = Breadcrumb\n    .title = Where you are\n",
            "breadcrumb-label = Brotkrumen\n",
        ),
        (
            "section-nav-label = ",
            "section-nav-label = In diesem Abschnitt\n    .title = Extra\nsection-nav-label-unused-placeholder = ",
        ),
    ];
    for (from, to) in edits {
        assert!(
            de.contains(from),
            "the English ui.ftl changed: {from:?} not found"
        );
        de = de.replacen(from, to, 1);
    }
    // `[1]` where `[one]` is meant, so `one` is missing too.
    let hours_start = de.find("duration-hours = ").unwrap();
    let hours_end = hours_start + de[hours_start..].find("\n}\n").unwrap() + 3;
    de.replace_range(
        hours_start..hours_end,
        "duration-hours = { $count ->\n    [1] eine Stunde\n   *[other] { $count } Stunden\n}\n",
    );
    // A message removed, a message the source does not have, a duplicate, a syntax error.
    let nav = de.find("nav-label = ").unwrap();
    let nav_end = nav + de[nav..].find('\n').unwrap() + 1;
    de.replace_range(nav..nav_end, "");
    de.push_str("old-message = Veraltet\nsite-title = Zweimal\nbroken-entry = {\n");
    site.write("locales/de/ui.ftl", &de);

    // A page with a link to a page that does not exist.
    std::fs::create_dir_all(site.path("content/de/docs")).unwrap();
    let page = "---\ntitle: Priorität wählen\n---\n\nSiehe [die Ziele](../../response-targets/) und [nichts](../../nowhere/).\n";
    site.write("content/de/docs/choosing-a-priority.md", page);
    // Words written into a template.
    let page_html = site.read("templates/page.html");
    site.write(
        "templates/page.html",
        &page_html.replacen("<h1>", "<p>Hello translators</p>\n<h1>", 1),
    );

    let en_file = "locales/en/ui.ftl";
    let de_file = "locales/de/ui.ftl";
    let page_file = "content/de/docs/choosing-a-priority.md";
    let expected = vec![
        at("unknown-variable", de_file, &de, "sprache"),
        at("dropped-variable", de_file, &de, "fallback-notice"),
        at("unknown-reference", de_file, &de, "no-such-message"),
        at("empty-value", de_file, &de, "skip-link"),
        at("missing-attribute", de_file, &de, "breadcrumb-label"),
        at("obsolete-attribute", de_file, &de, "title = Extra"),
        at("numeric-plural-key", de_file, &de, "1] eine"),
        at("missing-plural-category", de_file, &de, "duration-hours"),
        at(
            "obsolete-message",
            de_file,
            &de,
            "section-nav-label-unused-placeholder",
        ),
        at("obsolete-message", de_file, &de, "old-message"),
        at("duplicate-message", de_file, &de, "site-title = Zweimal"),
        at("fluent-syntax", de_file, &de, "\n").clone(),
        at("missing-message", en_file, &en, "nav-label = "),
        at("unused-message", en_file, &en, "never-used"),
        at("broken-link", page_file, page, "[nichts]"),
        at(
            "literal-template-text",
            "templates/page.html",
            &site.read("templates/page.html"),
            "Hello translators",
        ),
    ];
    // The syntax error's position is computed below from the file itself.
    let mut expected = expected;
    // The placeable is never closed: the error points at its `{`.
    let (line, column) = common::position_of_offset(&de, de.len() - "{\n".len());
    expected[11] = (
        "fluent-syntax".into(),
        de_file.into(),
        line as u64,
        column as u64,
    );
    (site, expected)
}

#[test]
fn check_reports_each_translation_problem_at_its_position() {
    let (site, expected) = fixture_language();
    let (code, found, json) = findings(&site, &[]);
    assert_eq!(code, 1, "errors must fail the check: {json}");
    for e in &expected {
        assert!(
            found.contains(e),
            "expected finding {e:?}\nfound:\n{found:#?}"
        );
    }
    // Nothing else is said about the fixture language's own files.
    let extra: Vec<_> = found
        .iter()
        .filter(|f| f.1.starts_with("locales/de/") || f.1.starts_with("content/de/"))
        .filter(|f| !expected.contains(f))
        .filter(|f| f.0 != "fallback")
        .collect();
    assert!(extra.is_empty(), "unexpected findings: {extra:#?}");
    // missing-message names the file the translator should add it to.
    let hint = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| {
            f["code"] == "missing-message" && f["message"].as_str().unwrap().contains("`nav-label`")
        })
        .map(|f| f["hint"].as_str().unwrap().to_string())
        .unwrap();
    assert!(hint.contains("locales/de/ui.ftl"), "{hint}");
}

#[test]
fn check_text_output_and_exit_codes() {
    let site = TempSite::new("translators-clean");
    let run = site.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.describe());
    assert!(
        run.stdout.contains("0 errors, 0 warnings"),
        "{}",
        run.describe()
    );

    // A warning alone passes, and fails with --deny-warnings.
    site.write("locales/en/extra.ftl", "unused-here = Nobody\n");
    let run = site.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.describe());
    assert!(
        run.stderr.contains("warning[unused-message]"),
        "{}",
        run.describe()
    );
    assert!(
        run.stderr.contains("--> locales/en/extra.ftl:1:1"),
        "{}",
        run.describe()
    );
    let run = site.run(&["check", "--deny-warnings"]);
    assert_eq!(run.code, 1, "{}", run.describe());
}

#[test]
fn outdated_pages_are_reported_shown_and_cleared_by_mark() {
    let site = TempSite::new("translators-outdated-page");
    let key = "docs/choosing-a-priority.md";
    let run = site.run(&["mark", "fr", "--all"]);
    assert_eq!(run.code, 0, "{}", run.describe());
    assert!(
        site.read(&format!("content/fr/{key}"))
            .contains("source-hash: ")
    );
    let (_, found, _) = findings(&site, &[]);
    assert!(
        !found.iter().any(|f| f.0.starts_with("outdated")),
        "{found:?}"
    );

    // The English source changes: the French translation is outdated.
    let en = site.read(&format!("content/en/{key}"));
    site.write(
        &format!("content/en/{key}"),
        &format!("{en}\nOne more sentence in the source.\n"),
    );
    let (_, found, _) = findings(&site, &[]);
    assert!(
        found.contains(&("outdated-page".into(), format!("content/fr/{key}"), 1, 1)),
        "{found:?}"
    );
    let status = site.run(&["status", "--format", "json"]);
    let json: Value = serde_json::from_str(&status.stdout).unwrap();
    let fr = json
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["code"] == "fr")
        .unwrap();
    assert_eq!(fr["pages"]["outdated"], 1, "{fr}");
    assert_eq!(fr["outdated_pages"][0], key);

    site.build_ok();
    let page = site.page("fr/docs/choosing-a-priority/index.html");
    assert!(
        page.contains("Cette traduction n’est peut-être plus à jour"),
        "the visitor is told"
    );
    assert!(
        !site
            .page("zh-tw/docs/choosing-a-priority/index.html")
            .contains("notice"),
        "zh-TW is not tracked, so not outdated"
    );

    let run = site.run(&["mark", "fr", "--page", key]);
    assert_eq!(run.code, 0, "{}", run.describe());
    let (_, found, _) = findings(&site, &[]);
    assert!(!found.iter().any(|f| f.0 == "outdated-page"), "{found:?}");
    site.build_ok();
    assert!(
        !site
            .page("fr/docs/choosing-a-priority/index.html")
            .contains("plus à jour")
    );
}

#[test]
fn outdated_messages_are_reported_and_cleared_by_mark() {
    let site = TempSite::new("translators-outdated-message");
    assert_eq!(site.run(&["mark", "zh-TW", "--all"]).code, 0);
    assert!(
        site.read("locales/zh-TW/translations.lock")
            .contains("footer-note ")
    );
    let (_, found, _) = findings(&site, &[]);
    assert!(
        !found.iter().any(|f| f.0 == "outdated-message"),
        "{found:?}"
    );

    site.replace_once("locales/en/ui.ftl", "footer-note = ", "footer-note = Now: ");
    let (_, found, _) = findings(&site, &[]);
    let zh = site.read("locales/zh-TW/ui.ftl");
    assert!(
        found.contains(&at(
            "outdated-message",
            "locales/zh-TW/ui.ftl",
            &zh,
            "footer-note"
        )),
        "{found:?}"
    );
    // A comment or a layout change in the source outdates nothing.
    site.replace_once(
        "locales/en/ui.ftl",
        "footer-note = ",
        "# A new comment.\nfooter-note = ",
    );
    let (_, found, _) = findings(&site, &[]);
    assert_eq!(
        found.iter().filter(|f| f.0 == "outdated-message").count(),
        1,
        "{found:?}"
    );

    let status = site.run(&["status"]);
    assert!(status.stdout.contains("zh-TW"), "{}", status.describe());
    assert_eq!(
        site.run(&["mark", "zh-TW", "--message", "footer-note"])
            .code,
        0
    );
    let (_, found, _) = findings(&site, &[]);
    assert!(
        !found.iter().any(|f| f.0 == "outdated-message"),
        "{found:?}"
    );
}

#[test]
fn status_reports_counts_as_table_json_and_html() {
    let site = TempSite::new("translators-status");
    std::fs::remove_file(site.path("content/fr/hours.md")).unwrap();
    site.replace_once("locales/fr/ui.ftl", "footer-note = ", "footer-note-gone = ");
    let report = site.root.join("report.html");
    let run = site.run(&[
        "status",
        "--format",
        "json",
        "--html",
        report.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.describe());
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    let fr = json
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["code"] == "fr")
        .unwrap();
    assert_eq!(fr["pages"]["missing"], 1);
    assert_eq!(fr["missing_pages"][0], "hours.md");
    assert_eq!(fr["messages"]["missing"], 1);
    assert_eq!(fr["missing_messages"][0], "footer-note");
    let en = json
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["code"] == "en")
        .unwrap();
    assert_eq!(en["messages"]["missing"], 0);
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(
        html.contains("<code>hours.md</code>") && html.contains("<code>footer-note</code>"),
        "{html}"
    );
    let table = site.run(&["status"]).stdout;
    let fr_line = table.lines().find(|l| l.starts_with("fr ")).unwrap();
    assert!(fr_line.contains("14/15"), "{table}");
}

#[test]
fn a_language_added_without_code_builds_and_falls_back() {
    let site = TempSite::new("translators-new-language");
    let yaml = site.read("site.yaml");
    site.write(
        "site.yaml",
        &format!("{yaml}  - code: ar\n    tag: ar\n    name: العربية\n    direction: rtl\n  - code: fr-CA\n    tag: fr-CA\n    name: Français (Canada)\n    fallback: fr\n"),
    );
    std::fs::create_dir_all(site.path("locales/ar")).unwrap();
    site.write("locales/ar/ui.ftl", "skip-link = تخطَّ إلى المحتوى\n");
    let run = site.build_ok();
    // Over a hundred missing messages in ar: the build shows a few and says how to see all.
    assert!(
        run.stderr.contains(
            "more `missing-message` warnings in ar: `polydocs check --lang ar` lists them all"
        ),
        "{}",
        run.describe()
    );
    let (_, _, json) = findings(&site, &["--lang", "ar"]);
    let footer: Vec<&serde_json::Value> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["message"].as_str().unwrap().contains("`footer-note`"))
        .collect();
    assert_eq!(
        footer.len(),
        1,
        "one finding for one missing message: {footer:?}"
    );
    assert_eq!(footer[0]["code"], "missing-message");
    assert_eq!(footer[0]["language"], "ar");
    assert!(
        footer[0]["message"]
            .as_str()
            .unwrap()
            .contains("ar pages show the en text (used at templates/base.html:"),
        "{footer:?}"
    );
    let (_, _, json) = findings(&site, &["--lang", "fr-CA"]);
    assert!(
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["message"].as_str().unwrap().contains(
                "`footer-note` is not translated into fr-CA: fr-CA pages show the fr text"
            )),
        "{json}"
    );
    assert!(
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["language"] == "fr-CA"),
        "--lang shows one language: {json}"
    );
    let ar = site.page("ar/compare/index.html");
    assert!(ar.contains("<html lang=\"ar\" dir=\"rtl\">"), "{ar}");
    assert!(ar.contains("تخطَّ إلى المحتوى"), "its own string is used");
    assert!(
        ar.contains("What each tier includes"),
        "the rest falls back to English"
    );
    let fr_ca = site.page("fr-ca/compare/index.html");
    assert!(
        fr_ca.contains("Ce que comprend chaque offre"),
        "fr-CA falls back to French first"
    );
    assert!(
        fr_ca.contains("dans sa langue d’origine (Français)"),
        "and says so on the page"
    );
    assert_eq!(site.run(&["build", "--strict"]).code, 1);
}

#[test]
fn pseudo_build_shows_only_pseudo_text_where_strings_are_translated() {
    let site = TempSite::new("translators-pseudo");
    let run = site.run(&["build", "--pseudo"]);
    assert_eq!(run.code, 0, "{}", run.describe());
    assert!(
        !run.stderr.contains("fallback"),
        "the pseudo-language is not a fallback: {}",
        run.describe()
    );
    let page = site.page("pseudo/compare/index.html");
    assert!(page.contains("lang=\"en-XA\""), "{page}");
    let en_ui = site.read("locales/en/ui.ftl");
    let en_plan = site.read("locales/en/plan.ftl");
    // Every plain message that the page shows in English is shown accented instead.
    for (id, file) in [
        ("skip-link", &en_ui),
        ("footer-note", &en_ui),
        ("comparison-caption", &en_ui),
        ("tier-business", &en_plan),
        ("feature-named-support-contacts", &en_plan),
        ("value-included", &en_ui),
    ] {
        let line = file
            .lines()
            .find(|l| l.starts_with(&format!("{id} = ")))
            .unwrap();
        let english = &line[id.len() + 3..];
        assert!(
            site.page("en/compare/index.html").contains(english),
            "{english} is on the English page"
        );
        assert!(
            !page.contains(english),
            "`{english}` ({id}) is not pseudo-localized"
        );
    }
    assert!(page.contains("Ẇħaaŧ"), "accented, longer text");
    // The published languages are unchanged.
    assert!(
        site.page("en/compare/index.html")
            .contains("What each tier includes")
    );
}

#[test]
fn an_unclosed_brace_is_reported_at_the_brace_and_does_not_hide_the_next_message() {
    let site = TempSite::new("translators-unclosed-brace");
    let file = "locales/fr/ui.ftl";
    // `nav-label` follows on the next line: the parser, looking for the `}`, reads into it.
    let text = site.replace_once(
        file,
        "skip-link = Aller au contenu principal\nnav-label = ",
        "skip-link = Aller au contenu {\nnav-label = ",
    );
    let (line, column) = common::locate(&text, "{\nnav-label");

    let (code, found, json) = findings(&site, &[]);
    assert_eq!(code, 1, "a syntax error fails the check: {json}");
    let syntax: Vec<_> = found.iter().filter(|f| f.0 == "fluent-syntax").collect();
    assert_eq!(
        syntax,
        [&(
            "fluent-syntax".to_string(),
            file.to_string(),
            line as u64,
            column as u64
        )],
        "{json}"
    );
    let message = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "fluent-syntax")
        .map(|f| f["message"].as_str().unwrap().to_string())
        .unwrap();
    assert_eq!(
        message,
        "this `{` is never closed: a placeable ends with `}`"
    );
    // Neither the message that follows nor the broken one is called untranslated, and
    // nothing else is said about the French file.
    let missing: Vec<_> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "missing-message")
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect();
    assert!(
        !missing
            .iter()
            .any(|m| m.contains("`nav-label`") || m.contains("`skip-link`")),
        "{missing:#?}"
    );
    let about_french: Vec<_> = found
        .iter()
        .filter(|f| f.1 == file && f.0 != "fluent-syntax")
        .collect();
    assert!(about_french.is_empty(), "{about_french:#?}");

    // `build` refuses, naming the same position, with the line and a caret under the `{`.
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.describe());
    common::assert_diagnostic(
        &run.stderr,
        "fluent-syntax",
        file,
        line,
        column,
        common::line_of(&text, line),
    );
    assert!(run.stderr.contains("never closed"), "{}", run.describe());
}
