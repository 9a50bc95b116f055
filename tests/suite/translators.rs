//! The translators' tools, end to end: `check` findings with their exact positions, outdated
//! translations and `mark`, `status`, a language added without code, and `build --pseudo`.

use crate::common::{TempSite, locate};
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
    let (line, column) = crate::common::position_of_offset(&de, de.len() - "{\n".len());
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
        .filter(|f| f.0 != "fallback" && f.0 != "same-as-source")
        .collect();
    assert!(extra.is_empty(), "unexpected findings: {extra:#?}");
    // The messages copied from English are copies, not translations.
    let plan = site.read("locales/de/plan.ftl");
    assert!(
        found.contains(&at(
            "same-as-source",
            "locales/de/plan.ftl",
            &plan,
            "tier-business ="
        )),
        "{found:#?}"
    );
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
    // The new paragraph goes after the translation of the last one.
    let fr = site.read(&format!("content/fr/{key}"));
    let last = locate(&fr, "La priorité et votre offre").0 as u64;
    let (_, found, _) = findings(&site, &[]);
    assert!(
        found.contains(&("outdated-page".into(), format!("content/fr/{key}"), last, 1)),
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
        site.page("zh-tw/docs/choosing-a-priority/index.html")
            .contains("class=\"notice\""),
        "zh-TW is tracked from the start, so outdated too"
    );

    // The French page did not follow the source: marking it needs the translator's word.
    let run = site.run(&["mark", "fr", "--page", key]);
    assert_eq!(run.code, 1, "{}", run.describe());
    let fr = site.read(&format!("content/fr/{key}"));
    site.write(
        &format!("content/fr/{key}"),
        &format!("{fr}\nUne phrase de plus dans la source.\n"),
    );
    // A colleague's broken Chinese file does not keep French from being marked; it is said.
    let zh = site.replace_once("locales/zh-TW/ui.ftl", "footer-note = ", "footer-note = { ");
    let run = site.run(&["mark", "fr", "--page", key]);
    assert_eq!(run.code, 0, "{}", run.describe());
    assert!(
        run.stderr
            .contains("mark goes on: these 1 error(s) are in other languages' files"),
        "{}",
        run.describe()
    );
    site.write(
        "locales/zh-TW/ui.ftl",
        &zh.replacen("footer-note = { ", "footer-note = ", 1),
    );
    // A broken French file still stops marking French.
    let broken = site.replace_once("locales/fr/ui.ftl", "footer-note = ", "footer-note = { ");
    assert_eq!(site.run(&["mark", "fr", "--page", key]).code, 1);
    site.write(
        "locales/fr/ui.ftl",
        &broken.replacen("footer-note = { ", "footer-note = ", 1),
    );
    let (_, found, _) = findings(&site, &[]);
    assert!(
        !found
            .iter()
            .any(|f| f.0 == "outdated-page" && f.1.starts_with("content/fr/")),
        "{found:?}"
    );
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
        found
            .iter()
            .filter(|f| f.0 == "outdated-message" && f.1.starts_with("locales/zh-TW/"))
            .count(),
        1,
        "{found:?}"
    );

    let status = site.run(&["status"]);
    assert!(status.stdout.contains("zh-TW"), "{}", status.describe());
    site.replace_once(
        "locales/zh-TW/ui.ftl",
        "footer-note = ",
        "footer-note = 現在：",
    );
    let run = site.run(&["mark", "zh-TW", "--message", "footer-note"]);
    assert_eq!(run.code, 0, "{}", run.describe());
    let (_, found, _) = findings(&site, &[]);
    assert!(
        !found
            .iter()
            .any(|f| f.0 == "outdated-message" && f.1.starts_with("locales/zh-TW/")),
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
    // The pseudo build goes to its own folder, never into the published one.
    let read =
        |rel: &str| std::fs::read_to_string(site.path(&format!("public-pseudo/{rel}"))).unwrap();
    let page = read("pseudo/compare/index.html");
    assert!(page.contains("lang=\"en-XA\""), "{page}");
    assert!(
        !site.public().join("pseudo").exists(),
        "nothing pseudo is published"
    );
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
            read("en/compare/index.html").contains(english),
            "{english} is on the English page"
        );
        assert!(
            !page.contains(english),
            "`{english}` ({id}) is not pseudo-localized"
        );
    }
    assert!(page.contains("Ẇħaaŧ"), "accented, longer text");
    // The other languages of the pseudo build are the published ones.
    assert!(read("en/compare/index.html").contains("What each tier includes"));
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
    let (line, column) = crate::common::locate(&text, "{\nnav-label");

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
    crate::common::assert_diagnostic(
        &run.stderr,
        "fluent-syntax",
        file,
        line,
        column,
        crate::common::line_of(&text, line),
    );
    assert!(run.stderr.contains("never closed"), "{}", run.describe());
}

/// `status --format json`, the entry of one language.
fn status_of(site: &TempSite, code: &str) -> Value {
    let run = site.run(&["status", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.describe());
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .find(|l| l["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {json}"))
        .clone()
}

/// The row of `status` (the table) of one language.
fn status_row(site: &TempSite, code: &str) -> String {
    let table = site.run(&["status"]).stdout;
    table
        .lines()
        .find(|l| l.starts_with(&format!("{code} ")))
        .unwrap_or_else(|| panic!("no {code} row in\n{table}"))
        .to_string()
}

/// Uncomments a message of a translation template and gives it `text`.
fn translate(site: &TempSite, file: &str, id: &str, text: &str) {
    let ftl = site.read(file);
    let start = ftl
        .find(&format!("\n# {id} = "))
        .unwrap_or_else(|| panic!("{id} is not in {file}"))
        + 1;
    let end = start + ftl[start..].find('\n').unwrap();
    let mut new = ftl.clone();
    new.replace_range(start..end, &format!("{id} = {text}"));
    site.write(file, &new);
}

#[test]
fn a_new_language_starts_at_zero_with_visible_fallbacks() {
    let site = TempSite::new("translators-new-language-command");
    let yaml = site.read("site.yaml");
    let run = site.run(&["new-language", "de", "--name", "Deutsch"]);
    assert_eq!(run.code, 0, "{}", run.describe());
    // site.yaml: the entry appended, every other line as it was (comments included).
    let new_yaml = site.read("site.yaml");
    assert_eq!(
        new_yaml,
        format!("{yaml}  - code: de\n    tag: de\n    name: Deutsch\n"),
    );
    // Templates: every message shown in English as a comment, none defined; no page copied.
    let ui = site.read("locales/de/ui.ftl");
    assert!(
        ui.contains("\n# footer-note = This site is available in several languages.\n"),
        "{ui}"
    );
    assert!(
        ui.contains("# Shown at the top of a page that is not available"),
        "the source's comments are kept"
    );
    assert!(!ui.lines().any(|l| l.starts_with("footer-note")), "{ui}");
    assert!(site.path("locales/de/plan.ftl").is_file());
    assert!(!site.path("content/de").exists(), "no content is copied");

    let de = status_of(&site, "de");
    let total = de["messages"]["total"].as_u64().unwrap();
    assert_eq!(de["messages"]["translated"], 0, "{de}");
    assert_eq!(de["messages"]["missing"], total, "{de}");
    assert_eq!(de["pages"]["missing"], de["pages"]["total"], "{de}");
    assert_eq!(de["tracked"], false);
    let row = status_row(&site, "de");
    assert!(
        row.contains(&format!(" 0/{total} ")) && row.contains("untracked") && row.contains("0.0%"),
        "{row}"
    );

    // The build succeeds, with the fallbacks reported; check lists every missing message.
    let built = site.build_ok();
    assert!(
        built.stderr.contains("missing-message"),
        "{}",
        built.describe()
    );
    let page = site.page("de/compare/index.html");
    assert!(page.contains("<html lang=\"de\""), "{page}");
    let (_, found, json) = findings(&site, &["--lang", "de"]);
    let missing = found.iter().filter(|f| f.0 == "missing-message").count();
    assert_eq!(missing as u64, total, "{json}");
    // Each missing message points at its commented template in the new language's file.
    let (line, _) = crate::common::locate(&ui, "# footer-note = ");
    let footer = (json["findings"].as_array().unwrap().iter())
        .find(|f| {
            f["code"] == "missing-message"
                && f["message"].as_str().unwrap().contains("`footer-note`")
        })
        .unwrap();
    assert_eq!(
        footer["hint"],
        format!(
            "translate its template at locales/de/ui.ftl:{line}: remove the `# ` before its lines and write the Deutsch text after `=` (until then it falls back)"
        ),
        "{footer}"
    );
    // ...and names the pages that show it: every German page has the footer.
    let pages: Vec<&str> = (footer["pages"].as_array().unwrap().iter())
        .map(|p| p.as_str().unwrap())
        .collect();
    assert_eq!(pages.len(), 15, "{footer}");
    assert!(
        pages.contains(&"/de/") && pages.contains(&"/de/hours/"),
        "{footer}"
    );
    let tier = (json["findings"].as_array().unwrap().iter())
        .find(|f| {
            f["code"] == "missing-message"
                && f["message"].as_str().unwrap().starts_with("`tier-online`")
        })
        .unwrap();
    assert!(
        tier["pages"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p == "/de/compare/"),
        "a label of the plan data is shown where the plan is: {tier}"
    );
    let text = site.run(&["check", "--lang", "de", "--code", "missing-message"]);
    assert!(
        text.stderr
            .contains("= note: shown on /de/, /de/channels/, /de/compare/ and 12 more pages"),
        "{}",
        text.stderr
    );
    let status = site.run(&["status", "--format", "json"]);
    let languages: Value = serde_json::from_str(&status.stdout).unwrap();
    let de = (languages.as_array().unwrap().iter())
        .find(|l| l["code"] == "de")
        .unwrap();
    assert_eq!(
        de["message_pages"]["footer-note"].as_array().map(Vec::len),
        Some(15),
        "status lists the pages of each message left to do: {de}"
    );
    assert!(
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["language"] == "de"),
        "{json}"
    );

    // Ten messages translated: ten counted, no more.
    for (i, id) in [
        "site-title",
        "skip-link",
        "nav-label",
        "language-switcher-label",
        "breadcrumb-label",
        "section-nav-label",
        "footer-note",
        "value-included",
        "value-not-included",
        "comparison-feature-column",
    ]
    .iter()
    .enumerate()
    {
        translate(
            &site,
            "locales/de/ui.ftl",
            id,
            &format!("Deutscher Text {i}"),
        );
    }
    let de = status_of(&site, "de");
    assert_eq!(de["messages"]["translated"], 10, "{de}");
    assert_eq!(de["messages"]["same_as_source"], 0, "{de}");
    assert_eq!(de["messages"]["untracked"], 10, "{de}");
    let (_, found, _) = findings(&site, &["--lang", "de"]);
    assert_eq!(
        found.iter().filter(|f| f.0 == "missing-message").count() as u64,
        total - 10
    );
    site.build_ok();
    assert!(
        site.page("de/compare/index.html")
            .contains("Deutscher Text 0")
    );
}

#[test]
fn new_language_refuses_what_it_cannot_add_and_writes_nothing() {
    let site = TempSite::new("translators-new-language-refusals");
    let yaml = site.read("site.yaml");
    for (args, says) in [
        (vec!["new-language", "fr"], "already has the language `fr`"),
        (vec!["new-language", "FR"], "already has the language `fr`"),
        (vec!["new-language", "../x"], "not a language code"),
        (vec!["new-language", "de/../../x"], "not a language code"),
        (vec!["new-language", "deutsch"], "not a language code"),
        (vec!["new-language", "x1"], "not a language code"),
        (vec!["new-language", "en-abc"], "not a language code"),
        (vec!["new-language", "de", "--tag", "not a tag"], "BCP 47"),
        (
            vec!["new-language", "de", "--fallback", "xx"],
            "fallback `xx`",
        ),
    ] {
        let run = site.run(&args);
        assert_eq!(run.code, 1, "{args:?}: {}", run.describe());
        assert!(run.stderr.contains(says), "{args:?}: {}", run.describe());
        assert!(
            run.stderr.contains("Nothing was written"),
            "{}",
            run.describe()
        );
        assert_eq!(site.read("site.yaml"), yaml, "{args:?}");
        assert!(!site.path("locales/de").exists(), "{args:?}");
        assert!(!site.base().join("x").exists(), "{args:?}");
    }
    // A right-to-left language borrowing from French first.
    let run = site.run(&[
        "new-language",
        "ar",
        "--name",
        "العربية",
        "--direction",
        "rtl",
        "--fallback",
        "fr",
    ]);
    assert_eq!(run.code, 0, "{}", run.describe());
    assert!(site.read("site.yaml").ends_with(
        "  - code: ar\n    tag: ar\n    name: العربية\n    direction: rtl\n    fallback: fr\n"
    ));
    site.build_ok();
    let page = site.page("ar/compare/index.html");
    assert!(page.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(
        page.contains("Ce que comprend chaque offre"),
        "falls back to French first"
    );
}

#[test]
fn copied_text_is_counted_same_as_source_not_translated() {
    let site = TempSite::new("translators-copied");
    // What the README used to say: copy locales/en/ to locales/de/.
    let yaml = site.read("site.yaml");
    site.write(
        "site.yaml",
        &format!("{yaml}  - code: de\n    tag: de\n    name: Deutsch\n"),
    );
    std::fs::create_dir_all(site.path("locales/de")).unwrap();
    std::fs::create_dir_all(site.path("content/de")).unwrap();
    for file in ["ui.ftl", "plan.ftl"] {
        std::fs::copy(
            site.path(&format!("locales/en/{file}")),
            site.path(&format!("locales/de/{file}")),
        )
        .unwrap();
    }
    std::fs::copy(
        site.path("content/en/hours.md"),
        site.path("content/de/hours.md"),
    )
    .unwrap();

    let de = status_of(&site, "de");
    let total = de["messages"]["total"].as_u64().unwrap();
    let same = de["messages"]["same_as_source"].as_u64().unwrap();
    // Only messages without a word to translate (`{ $coverage } / { $duration }`) count as
    // translated: they are the same in every language.
    assert!(same + 5 >= total, "{de}");
    assert_eq!(
        de["messages"]["translated"].as_u64().unwrap(),
        total - same,
        "{de}"
    );
    assert!(
        de["untracked_messages"]
            .as_array()
            .unwrap()
            .contains(&Value::from("response-target"))
    );
    assert_eq!(de["pages"]["same_as_source"], 1, "{de}");
    assert_eq!(de["same_as_source_pages"][0], "hours.md");
    assert!(
        de["same_as_source_messages"]
            .as_array()
            .unwrap()
            .contains(&Value::from("footer-note"))
    );
    let row = status_row(&site, "de");
    assert!(row.contains(&format!(" {same} ")), "{row}");

    let (_, found, json) = findings(&site, &["--lang", "de"]);
    let ui = site.read("locales/de/ui.ftl");
    assert!(
        found.contains(&at(
            "same-as-source",
            "locales/de/ui.ftl",
            &ui,
            "footer-note ="
        )),
        "{json}"
    );
    assert!(
        found.contains(&("same-as-source".into(), "content/de/hours.md".into(), 1, 1)),
        "{json}"
    );
    // Under --strict, copied text a visitor reads is an error, as a fallback is.
    let (code, _, _) = findings(&site, &["--strict", "--lang", "de"]);
    assert_eq!(code, 1);

    // `mark --all` does not certify copies, and says so with its exit status...
    let run = site.run(&["mark", "de", "--all"]);
    assert_eq!(run.code, 1, "{}", run.describe());
    assert!(
        run.stderr
            .contains("unmarked (listed above), so it exits with status 1"),
        "{}",
        run.describe()
    );
    assert!(
        run.stdout.contains("--include-identical"),
        "{}",
        run.describe()
    );
    let lock = site.read("locales/de/translations.lock");
    assert!(!lock.contains("\nfooter-note "), "{lock}");
    assert!(!site.read("content/de/hours.md").contains("source-hash"));
    let run = site.run(&["mark", "de", "--message", "footer-note"]);
    assert_eq!(run.code, 1, "{}", run.describe());
    assert!(run.stderr.contains("copied"), "{}", run.describe());
    assert_eq!(status_of(&site, "de")["messages"]["same_as_source"], same);

    // ...unless told they are identical on purpose: then they count, and the lock says so.
    let run = site.run(&[
        "mark",
        "de",
        "--message",
        "channel-experience-league",
        "--include-identical",
    ]);
    assert_eq!(run.code, 0, "{}", run.describe());
    let lock = site.read("locales/de/translations.lock");
    assert!(
        lock.contains("\nchannel-experience-league ") && lock.contains(" same-as-source "),
        "{lock}"
    );
    let de = status_of(&site, "de");
    assert_eq!(de["messages"]["same_as_source"], same - 1, "{de}");
    let (_, found, _) = findings(&site, &["--lang", "de"]);
    assert!(
        !found.iter().any(|f| f.0 == "same-as-source"
            && f.2
                == locate(
                    &site.read("locales/de/plan.ftl"),
                    "channel-experience-league ="
                )
                .0 as u64
            && f.1 == "locales/de/plan.ftl"),
        "{found:?}"
    );
}

#[test]
fn shipped_translations_are_tracked_and_outdated_ones_show_what_changed() {
    let site = TempSite::new("translators-tracked");
    for code in ["fr", "zh-TW"] {
        let s = status_of(&site, code);
        assert_eq!(s["tracked"], true, "{s}");
        for kind in ["messages", "pages"] {
            for count in ["missing", "same_as_source", "outdated", "untracked"] {
                assert_eq!(s[kind][count], 0, "{code} {kind} {count}: {s}");
            }
        }
    }
    // The shipped site is clean, strict or not.
    let (code, found, _) = findings(&site, &["--strict"]);
    assert_eq!((code, found.len()), (0, 0), "{found:?}");

    // An English edit: both languages are outdated at once, with what changed.
    site.replace_once(
        "locales/en/ui.ftl",
        "footer-note = This site is available in several languages.",
        "footer-note = This site is available in three languages.",
    );
    let page = site.read("content/en/hours.md");
    site.write(
        "content/en/hours.md",
        &format!("{page}\nHolidays follow the local calendar.\n"),
    );
    let status = site.run(&["status"]);
    for code in ["fr", "zh-TW"] {
        let row = status_row(&site, code);
        let cells: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(cells[4], "1", "one outdated message: {row}");
        assert_eq!(cells[10], "1", "one outdated page: {row}");
    }
    assert!(
        status
            .stdout
            .contains("message footer-note: …site is available in [-several-]{+three+} languages."),
        "{}",
        status.describe()
    );
    assert!(
        status
            .stdout
            .contains("page hours.md: …{+Holidays follow the local calendar.+}")
            || status
                .stdout
                .contains("{+. Holidays follow the local calendar+}")
            || status.stdout.contains("Holidays follow the local calendar"),
        "{}",
        status.describe()
    );
    let (_, _, json) = findings(&site, &["--lang", "fr"]);
    let messages: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("`footer-note`") && m.contains("[-several-]{+three+}")),
        "{messages:#?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("`hours.md`") && m.contains("{+") && m.contains("Holidays")),
        "{messages:#?}"
    );
    let report = site.root.join("report.html");
    let run = site.run(&["status", "--html", report.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.describe());
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(
        html.contains("<del>several</del><ins>three</ins>"),
        "{html}"
    );

    // A page added and never marked is untracked, not up to date.
    std::fs::remove_file(site.path("content/zh-TW/resources.md")).unwrap();
    let fr_page = site.read("content/fr/resources.md");
    let unmarked: String = fr_page
        .lines()
        .filter(|l| !l.starts_with("source-hash:"))
        .map(|l| format!("{l}\n"))
        .collect();
    site.write("content/zh-TW/resources.md", &unmarked);
    let zh = status_of(&site, "zh-TW");
    assert_eq!(zh["pages"]["untracked"], 1, "{zh}");
    assert_eq!(zh["untracked_pages"][0], "resources.md");
}

#[test]
fn mark_explains_its_forms_and_takes_the_page_path_a_translator_has() {
    let site = TempSite::new("translators-mark-forms");
    let run = site.run(&["mark", "fr"]);
    assert_eq!(run.code, 2, "{}", run.describe());
    for form in ["--all", "--page", "--message"] {
        assert!(run.stderr.contains(form), "{}", run.describe());
    }
    let page = site.read("content/en/compare.md");
    let translation = site.read("content/fr/compare.md");
    for (n, path) in [
        "content/fr/compare.md",
        "fr/compare.md",
        "compare.md",
        "./content/fr/compare.md",
    ]
    .iter()
    .enumerate()
    {
        site.write("content/en/compare.md", &format!("{page}\nEdit {n}.\n"));
        site.write(
            "content/fr/compare.md",
            &format!("{translation}\nModification {n}.\n"),
        );
        assert_eq!(status_of(&site, "fr")["pages"]["outdated"], 1, "{path}");
        let run = site.run(&["mark", "fr", "--page", path]);
        assert_eq!(run.code, 0, "{path}: {}", run.describe());
        assert_eq!(status_of(&site, "fr")["pages"]["outdated"], 0, "{path}");
    }
    let run = site.run(&["mark", "fr", "--page", "content/fr/nowhere.md"]);
    assert_eq!(run.code, 1, "{}", run.describe());
    assert!(
        run.stderr.contains("no page `nowhere.md`"),
        "{}",
        run.describe()
    );
}

/// What `mark` certifies is a translator's work: an outdated translation that nobody changed
/// since its source did is refused alone, left out of `--all` and listed, unless `--force`.
#[test]
fn mark_does_not_certify_a_translation_nobody_changed_since_its_source_did() {
    let site = TempSite::new("translators-mark-unchanged");
    site.replace_once(
        "locales/en/ui.ftl",
        "footer-note = This site is available in several languages.",
        "footer-note = This site is available in three languages.",
    );
    let lock_before = site.read("locales/zh-TW/translations.lock");
    let run = site.run(&["mark", "zh-TW", "--message", "footer-note"]);
    assert_eq!(run.code, 1, "{}", run.describe());
    assert!(
        run.stderr
            .contains("`footer-note` in zh-TW did not change since its en source changed"),
        "{}",
        run.describe()
    );
    assert!(
        run.stderr.contains("[-several-]{+three+}") && run.stderr.contains("--force"),
        "the source's change and the way out are shown: {}",
        run.describe()
    );
    assert!(!run.stdout.contains("Marked"), "{}", run.describe());
    assert_eq!(site.read("locales/zh-TW/translations.lock"), lock_before);
    assert_eq!(status_of(&site, "zh-TW")["messages"]["outdated"], 1);

    // Two pages and a message changed in English; French follows one page and the message.
    for key in ["hours.md", "compare.md"] {
        let en = site.read(&format!("content/en/{key}"));
        site.write(
            &format!("content/en/{key}"),
            &format!("{en}\nHolidays follow the local calendar.\n"),
        );
    }
    let fr = site.read("content/fr/hours.md");
    site.write(
        "content/fr/hours.md",
        &format!("{fr}\nLes jours fériés suivent le calendrier local.\n"),
    );
    site.replace_once(
        "locales/fr/ui.ftl",
        "footer-note = Ce site est proposé en plusieurs langues.",
        "footer-note = Ce site est proposé en trois langues.",
    );
    let compare_before = site.read("content/fr/compare.md");
    let run = site.run(&["mark", "fr", "--all"]);
    assert_eq!(
        run.code,
        1,
        "what it left unmarked fails the run: {}",
        run.describe()
    );
    assert!(
        run.stdout
            .contains("Left 1 unmarked: outdated, and not changed since"),
        "{}",
        run.describe()
    );
    assert!(
        run.stdout.contains("\n  page compare.md: ")
            && run.stdout.contains("Holidays follow the local calendar"),
        "{}",
        run.describe()
    );
    assert!(
        run.stdout.contains("polydocs mark fr --all --force"),
        "{}",
        run.describe()
    );
    assert_eq!(site.read("content/fr/compare.md"), compare_before);
    let fr = status_of(&site, "fr");
    assert_eq!(fr["pages"]["outdated"], 1, "{fr}");
    assert_eq!(fr["outdated_pages"][0], "compare.md", "{fr}");
    assert_eq!(fr["messages"]["outdated"], 0, "{fr}");

    // --force certifies them as they are.
    let run = site.run(&["mark", "zh-TW", "--message", "footer-note", "--force"]);
    assert_eq!(run.code, 0, "{}", run.describe());
    assert_eq!(status_of(&site, "zh-TW")["messages"]["outdated"], 0);
    let run = site.run(&["mark", "fr", "--page", "compare.md", "--force"]);
    assert_eq!(run.code, 0, "{}", run.describe());
    assert_eq!(status_of(&site, "fr")["pages"]["outdated"], 0);

    // A lock file written before translations were fingerprinted still reads, and marks.
    let old: String = site
        .read("locales/fr/translations.lock")
        .lines()
        .map(|l| match l.find(" translation=") {
            Some(i) => format!("{}\n", &l[..i]),
            None => format!("{l}\n"),
        })
        .collect();
    site.write("locales/fr/translations.lock", &old);
    assert_eq!(status_of(&site, "fr")["messages"]["outdated"], 0);
    site.replace_once(
        "locales/en/ui.ftl",
        "footer-note = This site is available in three languages.",
        "footer-note = This site is available in four languages.",
    );
    let run = site.run(&["mark", "fr", "--message", "footer-note"]);
    assert_eq!(
        run.code,
        0,
        "nothing says it did not change: {}",
        run.describe()
    );
}

#[test]
fn a_pages_lock_file_that_does_not_read_is_reported_where_it_is_wrong() {
    let site = TempSite::new("translators-bad-pages-lock");
    let text = site.read("locales/fr/pages.lock");
    site.write("locales/fr/pages.lock", &format!("{text}<<<<<<< HEAD\n"));
    let line = text.lines().count() as u64 + 1;
    let (code, found, _) = findings(&site, &[]);
    assert_eq!(code, 1);
    assert!(
        found.contains(&(
            "bad-lock-file".into(),
            "locales/fr/pages.lock".into(),
            line,
            1
        )),
        "{found:?}"
    );
}

/// Commands that rewrite sources take turns: twenty pairs of `new-language` run at once, and
/// every language ends up in `site.yaml` with its folder (without the lock, one of a pair
/// was lost two times in three).
#[test]
fn new_languages_added_at_once_are_all_kept() {
    let site = TempSite::new("translators-new-language-race");
    let codes: Vec<String> = (b'a'..=b't')
        .flat_map(|c| [format!("q{}", c as char), format!("r{}", c as char)])
        .collect();
    for pair in codes.chunks(2) {
        let children: Vec<std::process::Child> = pair
            .iter()
            .map(|code| {
                std::process::Command::new(env!("CARGO_BIN_EXE_polydocs"))
                    .arg("--root")
                    .arg(&site.root)
                    .args(["new-language", code])
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    let yaml = site.read("site.yaml");
    for code in &codes {
        assert!(
            yaml.contains(&format!("- code: {code}\n")),
            "{code} in\n{yaml}"
        );
        assert!(
            site.path(&format!("locales/{code}/ui.ftl")).is_file(),
            "{code}"
        );
    }
    assert!(
        !site.path(".polydocs.lock").exists(),
        "the lock goes with the command"
    );
}

/// A syntax error in one language's files breaks that language only: `status` reports every
/// other language in full, shows the broken one as broken with the error at its position,
/// and fails at the end.
#[test]
fn one_broken_file_leaves_every_other_language_reported() {
    let site = TempSite::new("translators-status-broken");
    let run = site.run(&["new-language", "de", "--name", "Deutsch"]);
    assert_eq!(run.code, 0, "{}", run.describe());
    translate(
        &site,
        "locales/de/ui.ftl",
        "footer-note",
        "Diese Seite gibt es in { ",
    );
    let de = site.read("locales/de/ui.ftl");
    let (line, _) = locate(&de, "footer-note = ");
    let run = site.run(&["status"]);
    assert_eq!(run.code, 1, "{}", run.describe());
    for code in ["en", "fr", "zh-TW"] {
        let row = run
            .stdout
            .lines()
            .find(|l| l.starts_with(&format!("{code} ")))
            .unwrap_or_else(|| panic!("no {code} row: {}", run.describe()));
        assert!(!row.ends_with("broken"), "{row}");
    }
    let de_row = run
        .stdout
        .lines()
        .find(|l| l.starts_with("de "))
        .unwrap_or_else(|| panic!("no de row: {}", run.describe()));
    assert!(de_row.ends_with("broken"), "{de_row}");
    let at_line = format!("locales/de/ui.ftl:{line}:");
    assert!(
        run.stdout.contains("de: broken:") && run.stdout.contains(&at_line),
        "the error is shown with its file:line:column: {}",
        run.describe()
    );
    assert!(
        run.stderr.contains("de reported as broken") && !run.stderr.contains("nothing was written"),
        "{}",
        run.describe()
    );

    let run = site.run(&["status", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.describe());
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    let languages = json.as_array().unwrap();
    assert_eq!(languages.len(), 4, "{json}");
    for l in languages {
        let errors = l["errors"].as_array().unwrap();
        if l["code"] == "de" {
            assert_eq!(errors.len(), 1, "{l}");
            assert!(errors[0].as_str().unwrap().starts_with(&at_line), "{l}");
        } else {
            assert!(errors.is_empty(), "{l}");
            assert_eq!(l["messages"]["missing"], 0, "{l}");
        }
    }
}

/// A rewritten paragraph and a new list item in an English page: each is named at its line in
/// the source and at the translation's corresponding block, with its whole diff; `status`
/// gives the old and new text of each block whole, and its HTML report sets old source, new
/// source and translation side by side.
#[test]
fn a_rewritten_paragraph_and_a_new_list_item_are_shown_block_by_block() {
    let site = TempSite::new("translators-blocks");
    let key = "docs/choosing-a-priority.md";
    let (en_file, fr_file) = (format!("content/en/{key}"), format!("content/fr/{key}"));
    let old_paragraph = "Every case you open carries a priority. It tells Adobe how seriously your business is affected, and it sets the initial response target that applies to the case. Picking the right level helps the most urgent problems get attention first.";
    let new_paragraph = "Every case you open carries a priority. It tells Adobe how seriously your business is affected, and it sets the initial response target that applies to the case. Picking the right level, which you can change later, helps the most urgent problems reach an engineer first.";
    let new_item = "- If you are unsure, start with Priority 3 and explain why in the case.";
    site.replace_once(&en_file, old_paragraph, new_paragraph);
    site.replace_once(
        &en_file,
        "- A general question about current",
        &format!("{new_item}\n- A general question about current"),
    );
    let en = site.read(&en_file);
    let fr = site.read(&fr_file);

    let (_, found, json) = findings(&site, &["--lang", "fr"]);
    let paragraph_fr = locate(&fr, "Chaque cas que vous ouvrez").0 as u64;
    // The new item goes after the translation of the item before it in the source.
    let before_fr = locate(&fr, "- La priorité 1 concerne").0 as u64;
    let outdated: Vec<&Finding> = found.iter().filter(|f| f.0 == "outdated-page").collect();
    assert_eq!(
        outdated,
        vec![
            &(
                "outdated-page".to_string(),
                fr_file.clone(),
                paragraph_fr,
                1
            ),
            &("outdated-page".to_string(), fr_file.clone(), before_fr, 1),
        ],
        "{found:?}"
    );
    let messages: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "outdated-page")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    let paragraph_en = locate(&en, "Every case you open").0;
    let item_en = locate(&en, new_item).0;
    assert!(
        messages[0].contains(&format!("paragraph changed at {en_file}:{paragraph_en}: "))
            && messages[0].contains(
                "Picking the right level{+, which you can change later,+} helps the most urgent problems [-get attention-]{+reach an engineer+} first."
            )
            && messages[0].contains("Every case you open carries a priority."),
        "the whole paragraph's diff: {messages:#?}"
    );
    assert!(
        messages[1].contains(&format!(
            "new list item at {en_file}:{item_en}, to translate after this block: {{+{new_item}+}}"
        )),
        "{messages:#?}"
    );

    // status: the old and new text of each block whole, as a table and as JSON.
    let table = site.run(&["status"]).stdout;
    assert!(
        table.contains(&format!("      was:  {old_paragraph}\n")),
        "{table}"
    );
    assert!(
        table.contains(&format!("      now:  {new_paragraph}\n")),
        "{table}"
    );
    assert!(
        table.contains(&format!(
            "    list item added at {en_file}:{item_en} (its translation goes after {fr_file}:{before_fr}):\n      now:  {new_item}\n"
        )),
        "{table}"
    );
    let fr_status = status_of(&site, "fr");
    let blocks = fr_status["changes"][0]["blocks"].as_array().unwrap();
    assert_eq!(blocks.len(), 2, "{fr_status}");
    assert_eq!(blocks[0]["change"], "changed");
    assert_eq!(blocks[0]["kind"], "paragraph");
    assert_eq!(blocks[0]["old"], old_paragraph);
    assert_eq!(blocks[0]["new"], new_paragraph);
    assert_eq!(blocks[0]["source_line"], paragraph_en);
    assert_eq!(blocks[0]["translation_line"], paragraph_fr);
    assert!(
        blocks[0]["translation"]
            .as_str()
            .unwrap()
            .starts_with("Chaque cas que vous ouvrez")
    );
    assert_eq!(blocks[1]["change"], "added");
    assert_eq!(blocks[1]["kind"], "list item");
    assert_eq!(blocks[1]["new"], new_item);
    assert_eq!(blocks[1]["old"], Value::Null);

    // The HTML report: old source, new source and the current translation side by side.
    let report = site.root.join("report.html");
    let run = site.run(&["status", "--html", report.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.describe());
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(
        html.contains("<h4>Old source</h4>")
            && html.contains("<h4>New source</h4>")
            && html.contains("<h4>Current translation</h4>"),
        "{html}"
    );
    assert!(html.contains("<del>get attention</del>"), "{html}");
    assert!(html.contains("<ins>reach an engineer</ins>"), "{html}");
    assert!(
        html.contains("<div class=\"text\" lang=\"fr\">Chaque cas que vous ouvrez"),
        "{html}"
    );
    assert!(html.contains("not yet translated"), "{html}");
    // Three columns that shrink with the window, and a table no wider than it.
    assert!(html.contains("grid-template-columns:repeat(3,minmax(0,1fr))"));
    assert!(html.contains("table-layout:fixed"));
}

/// A lock entry written before block tracking, or without the certified text: the page is
/// reported whole, as before, and a page of 50 000 blocks costs no quadratic search.
#[test]
fn pages_without_a_recorded_source_are_reported_whole_and_huge_pages_stay_bounded() {
    let site = TempSite::new("translators-blocks-fallback");
    let key = "hours.md";
    // The recorded source text is taken out of the lock entry (an older lock file).
    let lock = site.read("locales/fr/pages.lock");
    let kept: String = {
        let mut out = String::new();
        let mut inside = false;
        for line in lock.lines() {
            if line.starts_with(key) {
                inside = true;
            } else if !line.starts_with("  |") {
                inside = false;
            }
            if !(inside && line.starts_with("  |")) {
                out.push_str(line);
                out.push('\n');
            }
        }
        out
    };
    site.write("locales/fr/pages.lock", &kept);
    let en = site.read(&format!("content/en/{key}"));
    site.write(
        &format!("content/en/{key}"),
        &format!("{en}\nA new paragraph.\n"),
    );
    let (_, found, json) = findings(&site, &["--lang", "fr"]);
    assert!(
        found.contains(&("outdated-page".into(), format!("content/fr/{key}"), 1, 1)),
        "{found:?}"
    );
    assert!(json.to_string().contains("was not recorded"), "{json}");

    // 50 000 paragraphs rewritten: a bounded number of findings, quickly.
    let page = "docs/_index.md";
    let big: String = (0..50_000).map(|i| format!("Paragraph {i}.\n\n")).collect();
    let en = site.read(&format!("content/en/{page}"));
    let front_end = en[3..].find("---").unwrap() + 6;
    site.write(
        &format!("content/en/{page}"),
        &format!("{}\n{big}", &en[..front_end]),
    );
    let started = std::time::Instant::now();
    let (_, found, _) = findings(&site, &["--lang", "fr"]);
    let shown = found
        .iter()
        .filter(|f| f.0 == "outdated-page" && f.1 == format!("content/fr/{page}"))
        .count();
    assert!(shown <= 10, "{shown} findings for one page");
    assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed());
}

/// English left in translated pages: a paragraph copied from the source is `same-as-source`
/// at its line (until certified identical), an English sentence pasted into a French
/// paragraph or left in a Chinese table cell is `untranslated-sentence` at its first
/// character, and a short cell, a name or code is left alone.
#[test]
fn english_left_in_translated_pages_is_found_at_its_line() {
    let site = TempSite::new("translators-untranslated");
    let (code, found, _) = findings(&site, &["--strict"]);
    assert_eq!(
        (code, found.len()),
        (0, 0),
        "the shipped site is clean: {found:?}"
    );

    // French: an English sentence at the end of a paragraph, and the source's paragraph
    // pasted in whole.
    let en = site.read("content/en/hours.md");
    let en_paragraph = en
        .lines()
        .rfind(|l| !l.trim().is_empty())
        .unwrap()
        .to_string();
    let fr_file = "content/fr/hours.md";
    let fr = site.read(fr_file);
    let pasted =
        "The notes on Japan, about languages and case priorities, are listed under the table.";
    let fr = fr.replacen(
        "figurent sous le tableau.",
        &format!("figurent sous le tableau. {pasted}"),
        1,
    );
    let fr = format!(
        "{fr}\n{en_paragraph}\n\n## Navigation principale (Main navigation)\n\n`hexo server --port 5000`\n"
    );
    site.write(fr_file, &fr);
    // Chinese: a table cell left in English, and a short one.
    let zh_file = "content/zh-TW/docs/choosing-a-priority.md";
    let cell = "Business functions suffer a serious service degradation or possible data loss, or a major feature is affected.";
    site.replace_once(
        zh_file,
        "業務功能嚴重降級、可能遺失資料，或主要功能受影響。",
        cell,
    );
    site.replace_once(zh_file, "| 優先順序 2 |", "| Priority two |");
    let zh = site.read(zh_file);

    let (_, found, json) = findings(&site, &[]);
    let copied_line = locate(&fr, &en_paragraph[..30]).0 as u64;
    assert!(
        found.contains(&("same-as-source".into(), fr_file.into(), copied_line, 1)),
        "{found:?}"
    );
    assert!(
        found.contains(&at("untranslated-sentence", fr_file, &fr, pasted)),
        "{found:?}"
    );
    assert!(
        found.contains(&at("untranslated-sentence", zh_file, &zh, cell)),
        "{found:?}"
    );
    let sentences: Vec<&Finding> = found
        .iter()
        .filter(|f| f.0 == "untranslated-sentence")
        .collect();
    assert_eq!(
        sentences.len(),
        2,
        "the copied paragraph is reported once (as copied), the short cell and the code not at all: {found:?}"
    );
    let text = json.to_string();
    assert!(
        text.contains(
            "this paragraph of `hours.md` in fr is the en text copied, not a translation"
        ),
        "{text}"
    );
    assert!(
        text.contains("is still in English: “The notes on Japan"),
        "{text}"
    );

    // Certified identical on purpose: the copied blocks are quiet, the sentence is not.
    let run = site.run(&["mark", "fr", "--page", "hours.md", "--include-identical"]);
    assert_eq!(run.code, 0, "{}", run.describe());
    assert!(
        site.read("locales/fr/pages.lock")
            .lines()
            .any(|l| l.starts_with("hours.md ") && l.contains(" same-blocks=")),
        "{}",
        site.read("locales/fr/pages.lock")
    );
    let (_, found, _) = findings(&site, &["--lang", "fr"]);
    assert!(!found.iter().any(|f| f.0 == "same-as-source"), "{found:?}");
    assert!(
        found.contains(&at("untranslated-sentence", fr_file, &fr, pasted)),
        "{found:?}"
    );
}

/// Two slips of a translator's day: a message written into another file than its source's
/// (named with the file it belongs in), and a plural template entry uncommented on its first
/// line only (told to uncomment its variant lines, not to add a `}`).
#[test]
fn a_message_in_the_wrong_file_and_a_half_uncommented_plural_are_named_for_what_they_are() {
    let site = TempSite::new("translators-slips-files");
    // tier-enterprise moves from fr plan.ftl to fr ui.ftl.
    let plan = site.read("locales/fr/plan.ftl");
    let line = plan
        .lines()
        .find(|l| l.starts_with("tier-enterprise = "))
        .unwrap()
        .to_string();
    site.write(
        "locales/fr/plan.ftl",
        &plan.replacen(&format!("{line}\n"), "", 1),
    );
    let ui = format!("{}\n{line}\n", site.read("locales/fr/ui.ftl"));
    site.write("locales/fr/ui.ftl", &ui);
    let (_, found, json) = findings(&site, &[]);
    assert!(
        found.contains(&at(
            "message-in-wrong-file",
            "locales/fr/ui.ftl",
            &ui,
            "tier-enterprise = "
        )),
        "{found:?}"
    );
    assert!(
        json.to_string().contains(
            "`tier-enterprise` is defined in locales/fr/ui.ftl, but its source is in locales/en/plan.ftl: it belongs in locales/fr/plan.ftl"
        ),
        "{json}"
    );

    // A new language's template: the plural's first line uncommented, its variants not.
    let run = site.run(&["new-language", "de", "--name", "Deutsch"]);
    assert_eq!(run.code, 0, "{}", run.describe());
    let de = site.read("locales/de/ui.ftl");
    let de = de.replacen(
        "# duration-days = { $count ->",
        "duration-days = { $count ->",
        1,
    );
    site.write("locales/de/ui.ftl", &de);
    let run = site.run(&["check", "--lang", "de"]);
    assert!(
        run.stdout
            .contains("this `{` opens a select whose variant lines are still commented out")
            || run
                .stderr
                .contains("this `{` opens a select whose variant lines are still commented out"),
        "{}",
        run.describe()
    );
    assert!(
        (run.stdout.clone() + &run.stderr).contains("uncomment its variant lines too"),
        "{}",
        run.describe()
    );
    assert!(
        !(run.stdout.clone() + &run.stderr).contains("add the `}`"),
        "{}",
        run.describe()
    );
}

/// `check --code` shows the findings of one code (or several), with their counts and exit
/// status; a code that does not exist is refused with the closest ones.
#[test]
fn check_shows_the_findings_of_one_code() {
    let site = TempSite::new("translators-check-code");
    let page = site.read("content/en/hours.md");
    site.write(
        "content/en/hours.md",
        &format!("{page}\nHolidays follow the local calendar.\n"),
    );
    site.replace_once(
        "locales/en/ui.ftl",
        "footer-note = This site is available in several languages.",
        "footer-note = This site is available in three languages.",
    );
    let (_, all, _) = findings(&site, &[]);
    assert!(all.iter().any(|f| f.0 == "outdated-message"), "{all:?}");
    let (code, only, json) = findings(&site, &["--code", "outdated-page"]);
    assert_eq!(code, 0);
    assert!(
        !only.is_empty() && only.iter().all(|f| f.0 == "outdated-page"),
        "{only:?}"
    );
    assert_eq!(json["warnings"], only.len(), "{json}");
    let (_, both, _) = findings(
        &site,
        &["--code", "outdated-page", "--code", "outdated-message"],
    );
    assert!(both.iter().any(|f| f.0 == "outdated-message"), "{both:?}");
    let run = site.run(&["check", "--code", "outdated-pages"]);
    assert_eq!(run.code, 2, "{}", run.describe());
    assert!(
        run.stderr
            .contains("`outdated-pages` is not a finding code; did you mean `outdated-page`"),
        "{}",
        run.describe()
    );
    let text = site.run(&["check", "--code", "outdated-page", "--lang", "fr"]);
    assert!(
        text.stdout.contains("for fr of code outdated-page"),
        "{}",
        text.describe()
    );
}
