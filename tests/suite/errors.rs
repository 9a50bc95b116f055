//! Broken sources: each run fails with exit code 1, points at the file, line and column
//! (worked out here from the text that was broken), prints the line with a caret, and leaves
//! the previous output byte-for-byte as it was.

use crate::common::rejection::*;
use crate::common::*;

const COMPARISON: &str = "content/comparison.yaml";
const TIERS: &str = "content/tiers.yaml";
const REGIONS: &str = "content/regions.yaml";
const RESOURCES: &str = "content/resources.yaml";
const FR_UI: &str = "locales/fr/ui.ftl";
const PAGE_TEMPLATE: &str = "templates/page.html";

fn break_yaml_syntax(site: &TempSite) -> Want {
    // `a: b: c` — the second colon is not allowed in a plain scalar.
    let text = site.replace_once(
        COMPARISON,
        "label: group-assigned-experts\n",
        "label: group-assigned-experts: x\n",
    );
    Want::at(
        "yaml-syntax",
        COMPARISON,
        &text,
        "group-assigned-experts: x",
    )
    .shifted("group-assigned-experts".len())
}

fn break_paid_type(site: &TempSite) -> Want {
    let text = site.replace_once(TIERS, "paid: false", "paid: maybe");
    Want::at("yaml-type", TIERS, &text, "paid: maybe").shifted("paid: ".len())
}

fn break_fluent_syntax(site: &TempSite) -> Want {
    // The `=` is missing: the parser expects it where `Aller` starts.
    let text = site.replace_once(FR_UI, "\nskip-link = ", "\nskip-link ");
    let offset = text.find("\nskip-link ").unwrap() + "\nskip-link ".len();
    let (line, col) = position_of_offset(&text, offset);
    Want::At {
        code: "fluent-syntax",
        file: FR_UI.into(),
        line,
        col,
        source_line: line_of(&text, line).to_string(),
    }
}

fn break_template_syntax(site: &TempSite) -> Want {
    // A new second line `{% if %}`: the condition is missing where `%}` stands, column 7.
    let text = site.read(PAGE_TEMPLATE);
    let first_line_end = text.find('\n').unwrap() + 1;
    let broken = format!(
        "{}{{% if %}}\n{}",
        &text[..first_line_end],
        &text[first_line_end..]
    );
    site.write(PAGE_TEMPLATE, &broken);
    Want::At {
        code: "template-syntax",
        file: PAGE_TEMPLATE.into(),
        line: 2,
        col: 7,
        source_line: "{% if %}".into(),
    }
}

fn break_time(site: &TempSite) -> Want {
    let text = site.replace_once(REGIONS, "opens: \"09:00\"", "opens: \"25:00\"");
    // The value starts at its opening quote.
    Want::at("bad-time", REGIONS, &text, "\"25:00\"")
}

#[test]
fn yaml_syntax_error() {
    rejected_by_build_and_check("yaml-syntax", |site| vec![break_yaml_syntax(site)]);
}

#[test]
fn wrong_type() {
    let run = rejected_by_build_and_check("yaml-type", |site| vec![break_paid_type(site)]);
    assert!(
        run.stderr
            .contains("`paid:` takes `true` or `false`, not `maybe`"),
        "{}",
        run.stderr
    );
}

#[test]
fn unknown_tier_in_comparison() {
    rejected_by_build_and_check("unknown-tier", |site| {
        let text = site.replace_once(
            COMPARISON,
            "tiers: { business: included }",
            "tiers: { busines: included }",
        );
        vec![Want::at(
            "unknown-tier",
            COMPARISON,
            &text,
            "busines: included",
        )]
    });
}

#[test]
fn duplicate_tier_id() {
    let run = rejected_by_build_and_check("duplicate-tier", |site| {
        let mut text = site.read(TIERS);
        if !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(
            "  - id: online\n    name: tier-online\n    summary: tier-online-summary\n    paid: true\n",
        );
        site.write(TIERS, &text);
        // The second `id: online`, at the value.
        let second = text.rfind("  - id: online\n").unwrap();
        let (line, col) = position_of_offset(&text, second + "  - id: ".len());
        vec![Want::At {
            code: "duplicate-id",
            file: TIERS.into(),
            line,
            col,
            source_line: "  - id: online".into(),
        }]
    });
    assert!(run.stderr.contains("`online`"), "{}", run.stderr);
}

#[test]
fn duplicate_yaml_key() {
    let run = rejected_by_build_and_check("duplicate-key", |site| {
        let text = site.replace_once(
            TIERS,
            "    name: tier-online\n",
            "    name: tier-online\n    name: tier-business\n",
        );
        vec![Want::at(
            "yaml-duplicate-key",
            TIERS,
            &text,
            "name: tier-business",
        )]
    });
    assert!(
        run.stderr.contains("`name` is written twice in this tier"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("DuplicateKeyPolicy"), "{}", run.stderr);
}

#[test]
fn region_closes_before_it_opens() {
    rejected_by_build_and_check("closes-before-opens", |site| {
        let text = site.replace_once(REGIONS, "closes: \"17:30\"", "closes: \"05:00\"");
        vec![Want::at("closes-before-opens", REGIONS, &text, "\"05:00\"")]
    });
}

#[test]
fn impossible_time() {
    let run = rejected_by_build_and_check("bad-time", |site| vec![break_time(site)]);
    assert!(run.stderr.contains("25:00"), "{}", run.stderr);
}

/// The printed hint of a type or layout error never sends the reader to fix the syntax.
fn assert_no_syntax_hint(stderr: &str) {
    assert!(!stderr.contains("YAML syntax"), "{stderr}");
}

#[test]
fn tier_value_that_is_not_one() {
    let run = rejected_by_build_and_check("bad-tier-value", |site| {
        let text = site.replace_once(
            COMPARISON,
            "tiers: { enterprise: 2, elite: 4 }",
            "tiers: { enterprise: 2.5, elite: 4 }",
        );
        vec![Want::at("bad-tier-value", COMPARISON, &text, "2.5, elite")]
    });
    assert!(
        run.stderr.contains(
            "`2.5` is not a tier value: write `included`, a whole number like `4`, or a coverage: 24x7, 24x5, business-hours, business-days"
        ),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("untagged"), "{}", run.stderr);
}

#[test]
fn tier_value_that_is_a_list() {
    let run = rejected_by_build_and_check("tier-value-list", |site| {
        let text = site.replace_once(
            COMPARISON,
            "tiers: { enterprise: 2, elite: 4 }",
            "tiers: { enterprise: [2], elite: 4 }",
        );
        vec![Want::at("bad-tier-value", COMPARISON, &text, "[2], elite")]
    });
    assert!(
        run.stderr.contains("a list is not a tier value"),
        "{}",
        run.stderr
    );
}

#[test]
fn text_where_a_list_of_tiers_belongs() {
    let run = rejected_by_build_and_check("tiers-not-a-list", |site| {
        let text = site.replace_once(
            RESOURCES,
            "    description: resource-business-support-site-description\n",
            "    description: resource-business-support-site-description\n    tiers: business\n",
        );
        vec![Want::at_value(
            "yaml-type",
            RESOURCES,
            &text,
            "tiers: business",
        )]
    });
    assert!(
        run.stderr
            .contains("expected a list of tier IDs, like `[business, elite]`; found `business`"),
        "{}",
        run.stderr
    );
    assert_no_syntax_hint(&run.stderr);
}

#[test]
fn tab_in_the_indentation() {
    let run = rejected_by_build_and_check("tab", |site| {
        let text = site.replace_once(REGIONS, "    closes: \"17:00\"", "\tcloses: \"17:00\"");
        let (line, col) = locate(&text, "\tcloses");
        // The report prints a tab as four spaces.
        vec![Want::At {
            code: "yaml-indent",
            file: REGIONS.into(),
            line,
            col,
            source_line: "    closes: \"17:00\"".into(),
        }]
    });
    assert!(
        run.stderr.contains("YAML indents with spaces, not tabs"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("replace the tab with spaces"),
        "{}",
        run.stderr
    );
}

#[test]
fn key_indented_one_space_short() {
    let run = rejected_by_build_and_check("indent-3", |site| {
        let text = site.replace_once(
            TIERS,
            "    summary: tier-enterprise-summary",
            "   summary: tier-enterprise-summary",
        );
        vec![Want::at(
            "yaml-indent",
            TIERS,
            &text,
            "summary: tier-enterprise-summary",
        )]
    });
    assert!(
        run.stderr.contains(
            "this line is indented 3 spaces, but the entries around it use 4: YAML nests by indentation, so keys of one mapping must line up"
        ),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("missing"), "{}", run.stderr);
    assert_no_syntax_hint(&run.stderr);
}

#[test]
fn fluent_syntax_error() {
    rejected_by_build_and_check("fluent-syntax", |site| vec![break_fluent_syntax(site)]);
}

#[test]
fn message_id_no_locale_defines() {
    let run = rejected_by_build_and_check("unknown-message", |site| {
        let text = site.replace_once(
            COMPARISON,
            "label: feature-case-reviews\n",
            "label: feature-case-reviewz\n",
        );
        vec![Want::at(
            "unknown-message",
            COMPARISON,
            &text,
            "feature-case-reviewz",
        )]
    });
    assert!(
        run.stderr.contains("feature-case-reviewz"),
        "{}",
        run.stderr
    );
}

#[test]
fn template_syntax_error() {
    // `check` is left out here: see `check_reports_template_syntax_errors`.
    rejected("template-syntax", |site| vec![break_template_syntax(site)]);
}

#[test]
fn file_that_is_not_utf8() {
    rejected_by_build_and_check("not-utf8", |site| {
        let rel = "content/fr/compare.md";
        let text = site.read(rel);
        let title_start = text.find("\ntitle:").unwrap() + 1;
        let title_end = title_start + text[title_start..].find('\n').unwrap();
        let mut bytes = text.as_bytes()[..title_end].to_vec();
        bytes.extend_from_slice(&[0xff, 0xfe]);
        bytes.extend_from_slice(&text.as_bytes()[title_end..]);
        std::fs::write(site.path(rel), bytes).unwrap();
        // The first bad byte comes right after the title line's text.
        let (line, col) = position_of_offset(&text, title_end);
        vec![Want::At {
            code: "not-utf8",
            file: "content/fr/compare.md".into(),
            line,
            col,
            source_line: text[title_start..title_end].to_string(),
        }]
    });
}

#[test]
fn front_matter_with_unknown_key() {
    let run = rejected_by_build_and_check("front-matter", |site| {
        let rel = "content/fr/docs/choosing-a-priority.md";
        let text = site.read(rel);
        let title_start = text.find("\ntitle:").unwrap() + 1;
        let title_end = title_start + text[title_start..].find('\n').unwrap() + 1;
        let broken = format!("{}auteur: moi\n{}", &text[..title_end], &text[title_end..]);
        site.write(rel, &broken);
        vec![Want::at(
            "yaml-type",
            "content/fr/docs/choosing-a-priority.md",
            &broken,
            "auteur: moi",
        )]
    });
    assert!(run.stderr.contains("`auteur`"), "{}", run.stderr);
}

#[test]
fn errors_in_two_files_are_reported_together() {
    let run = rejected_by_build_and_check("two-files", |site| {
        vec![break_paid_type(site), break_fluent_syntax(site)]
    });
    assert!(
        run.stderr.contains("build failed with 2 errors"),
        "{}",
        run.stderr
    );
}

#[test]
fn errors_in_two_data_files_are_reported_together() {
    // A syntax error in one data file must not hide a wrong time in another.
    rejected_by_build_and_check("two-data-files", |site| {
        vec![break_yaml_syntax(site), break_time(site)]
    });
}

#[test]
fn template_error_is_reported_with_a_data_error() {
    rejected("template-and-data", |site| {
        vec![break_paid_type(site), break_template_syntax(site)]
    });
}

#[test]
fn check_reports_template_syntax_errors() {
    let site = TempSite::new("check-template");
    let e = break_template_syntax(&site);
    let run = site.run(&["check"]);
    assert_eq!(
        run.code,
        1,
        "`check` must find the template error that `build` finds\n{}",
        run.describe()
    );
    check_want("check-template", &run.stderr, &e);
    assert!(!site.public().exists(), "check writes nothing");
}

#[test]
fn check_writes_nothing() {
    let site = TempSite::new("check-clean");
    let run = site.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.describe());
    assert!(!site.public().exists(), "check writes nothing");
}

/// Runs `polydocs <args>` outside any site.
fn polydocs(args: &[&str]) -> Run {
    polydocs_in(&std::env::temp_dir(), args)
}

#[test]
fn explain_says_what_a_code_means_with_an_example_and_the_fix() {
    let run = polydocs(&["explain", "broken-link"]);
    assert_eq!(run.code, 0, "{}", run.describe());
    let text = &run.stdout;
    assert!(text.starts_with("broken-link (error, pages)\n"), "{text}");
    assert!(
        text.contains("A link or image in a page leads to no published page, file or heading."),
        "{text}"
    );
    // The whole explanation, however it is wrapped.
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let code = polydocs::diagnostic::codes::find("broken-link").unwrap();
    assert!(flat(text).contains(&flat(code.explanation)), "{text}");
    assert!(text.contains("For example, in content/"), "{text}");
    assert!(
        text.contains("\n    Voir ["),
        "the example is indented: {text}"
    );
    assert!(text.contains("\nFix: "), "{text}");
    // As pasted from a report.
    let pasted = polydocs(&["explain", "error[broken-link]"]);
    assert_eq!(pasted.stdout, run.stdout);
}

#[test]
fn explain_of_an_unknown_code_fails_naming_the_closest_codes() {
    let run = polydocs(&["explain", "brokn-link"]);
    assert_eq!(run.code, 2, "{}", run.describe());
    assert!(run.stdout.is_empty(), "{}", run.describe());
    assert!(
        run.stderr.contains("`brokn-link` is not a diagnostic code"),
        "{}",
        run.describe()
    );
    assert!(run.stderr.contains("`broken-link`"), "{}", run.describe());

    let run = polydocs(&["explain", "nonsense"]);
    assert_eq!(run.code, 2, "{}", run.describe());
    let named: Vec<&str> = polydocs::diagnostic::codes::CODES
        .iter()
        .map(|c| c.name)
        .filter(|name| run.stderr.contains(&format!("`{name}`")))
        .collect();
    assert!(!named.is_empty(), "no code named:\n{}", run.describe());
    assert!(
        run.stderr.contains("`polydocs explain`"),
        "{}",
        run.describe()
    );
}

#[test]
fn explain_without_a_code_lists_every_code_with_its_summary() {
    let run = polydocs(&["explain"]);
    assert_eq!(run.code, 0, "{}", run.describe());
    for code in polydocs::diagnostic::codes::CODES {
        let line = run
            .stdout
            .lines()
            .find(|l| l.split_whitespace().next() == Some(code.name))
            .unwrap_or_else(|| panic!("{} is not listed:\n{}", code.name, run.stdout));
        assert!(line.ends_with(code.summary), "{line}");
    }
    assert!(
        run.stdout.contains("Messages (locales/<code>/*.ftl)\n"),
        "codes are grouped by area:\n{}",
        run.stdout
    );
}

#[test]
fn a_failed_run_ends_by_pointing_at_explain() {
    let site = TempSite::new("explain-pointer");
    break_fluent_syntax(&site);
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.describe());
    let lines: Vec<&str> = run.stderr.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("run `polydocs explain fluent-syntax`"))
        .unwrap_or_else(|| panic!("no pointer at explain:\n{}", run.stderr));
    assert!(
        lines[at + 1..].iter().all(|l| !l.contains("error[")),
        "the pointer comes after the findings, once:\n{}",
        run.stderr
    );
    let check = site.run(&["check"]);
    assert!(
        check
            .stderr
            .contains("run `polydocs explain fluent-syntax`"),
        "{}",
        check.describe()
    );
}
