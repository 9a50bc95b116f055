//! Broken sources: each run fails with exit code 1, points at the file, line and column
//! (worked out here from the text that was broken), prints the line with a caret, and leaves
//! the previous output byte-for-byte as it was.

mod common;

use common::*;

/// One diagnostic the run must print.
struct Expect {
    code: &'static str,
    file: &'static str,
    line: usize,
    col: usize,
    /// The text of that line in the broken file.
    source_line: String,
}

impl Expect {
    /// Points at `needle` in `text` (the file after breaking it), `shift` characters further.
    fn at(
        code: &'static str,
        file: &'static str,
        text: &str,
        needle: &str,
        shift: usize,
    ) -> Expect {
        let (line, col) = locate(text, needle);
        Expect {
            code,
            file,
            line,
            col: col + shift,
            source_line: line_of(text, line).to_string(),
        }
    }
}

/// Builds a good copy, breaks it, and checks that `build` (and `check`, if `check_too`) fail
/// with every expected diagnostic and leave `public/` untouched.
fn assert_rejected(
    name: &str,
    check_too: bool,
    break_it: impl FnOnce(&TempSite) -> Vec<Expect>,
) -> Run {
    let site = TempSite::new(name);
    site.build_ok();
    let before = snapshot(&site.public());
    assert!(before.len() > 50, "the first build wrote the site");

    let expected = break_it(&site);
    let run = site.run(&["build"]);
    assert_eq!(
        run.code,
        1,
        "{name}: the build must fail\n{}",
        run.describe()
    );
    for e in &expected {
        assert_diagnostic(&run.stderr, e.code, e.file, e.line, e.col, &e.source_line);
    }
    assert!(
        run.stderr.contains(&format!(
            "build failed with {} error",
            run.stderr.matches("\nerror[").count() + usize::from(run.stderr.starts_with("error["))
        )),
        "{name}: the closing line counts the errors\n{}",
        run.stderr
    );
    assert_same_tree(
        &before,
        &snapshot(&site.public()),
        &format!("{name}: public/ after the failed build"),
    );
    let leftovers: Vec<String> = std::fs::read_dir(&site.root)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public."))
        .collect();
    assert!(
        leftovers.is_empty(),
        "{name}: staging folders were left behind: {leftovers:?}"
    );

    if check_too {
        let check = site.run(&["check"]);
        assert_eq!(
            check.code,
            1,
            "{name}: `check` must fail too\n{}",
            check.describe()
        );
        for e in &expected {
            assert_diagnostic(&check.stderr, e.code, e.file, e.line, e.col, &e.source_line);
        }
        assert_same_tree(
            &before,
            &snapshot(&site.public()),
            &format!("{name}: public/ after check"),
        );
    }
    run
}

const COMPARISON: &str = "content/comparison.yaml";
const TIERS: &str = "content/tiers.yaml";
const REGIONS: &str = "content/regions.yaml";
const FR_UI: &str = "locales/fr/ui.ftl";
const PAGE_TEMPLATE: &str = "templates/page.html";

fn break_yaml_syntax(site: &TempSite) -> Expect {
    // `a: b: c` — the second colon is not allowed in a plain scalar.
    let text = site.replace_once(
        COMPARISON,
        "label: group-assigned-experts\n",
        "label: group-assigned-experts: x\n",
    );
    Expect::at(
        "yaml-syntax",
        COMPARISON,
        &text,
        "group-assigned-experts: x",
        "group-assigned-experts".len(),
    )
}

fn break_paid_type(site: &TempSite) -> Expect {
    let text = site.replace_once(TIERS, "paid: false", "paid: maybe");
    Expect::at("yaml-type", TIERS, &text, "paid: maybe", "paid: ".len())
}

fn break_fluent_syntax(site: &TempSite) -> Expect {
    // The `=` is missing: the parser expects it where `Aller` starts.
    let text = site.replace_once(FR_UI, "\nskip-link = ", "\nskip-link ");
    let offset = text.find("\nskip-link ").unwrap() + "\nskip-link ".len();
    let (line, col) = position_of_offset(&text, offset);
    Expect {
        code: "fluent-syntax",
        file: FR_UI,
        line,
        col,
        source_line: line_of(&text, line).to_string(),
    }
}

fn break_template_syntax(site: &TempSite) -> Expect {
    // A new second line `{% if %}`: the condition is missing where `%}` stands, column 7.
    let text = site.read(PAGE_TEMPLATE);
    let first_line_end = text.find('\n').unwrap() + 1;
    let broken = format!(
        "{}{{% if %}}\n{}",
        &text[..first_line_end],
        &text[first_line_end..]
    );
    site.write(PAGE_TEMPLATE, &broken);
    Expect {
        code: "template-syntax",
        file: PAGE_TEMPLATE,
        line: 2,
        col: 7,
        source_line: "{% if %}".into(),
    }
}

fn break_time(site: &TempSite) -> Expect {
    let text = site.replace_once(REGIONS, "opens: \"09:00\"", "opens: \"25:00\"");
    // The value starts at its opening quote.
    Expect::at("bad-time", REGIONS, &text, "\"25:00\"", 0)
}

#[test]
fn yaml_syntax_error() {
    assert_rejected("yaml-syntax", true, |site| vec![break_yaml_syntax(site)]);
}

#[test]
fn wrong_type() {
    let run = assert_rejected("yaml-type", true, |site| vec![break_paid_type(site)]);
    assert!(run.stderr.contains("boolean"), "{}", run.stderr);
}

#[test]
fn unknown_tier_in_comparison() {
    assert_rejected("unknown-tier", true, |site| {
        let text = site.replace_once(
            COMPARISON,
            "tiers: { business: included }",
            "tiers: { busines: included }",
        );
        vec![Expect::at(
            "unknown-tier",
            COMPARISON,
            &text,
            "busines: included",
            0,
        )]
    });
}

#[test]
fn duplicate_tier_id() {
    let run = assert_rejected("duplicate-tier", true, |site| {
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
        vec![Expect {
            code: "duplicate-id",
            file: TIERS,
            line,
            col,
            source_line: "  - id: online".into(),
        }]
    });
    assert!(run.stderr.contains("`online`"), "{}", run.stderr);
}

#[test]
fn duplicate_yaml_key() {
    let run = assert_rejected("duplicate-key", true, |site| {
        let text = site.replace_once(
            TIERS,
            "    name: tier-online\n",
            "    name: tier-online\n    name: tier-business\n",
        );
        vec![Expect::at(
            "yaml-duplicate-key",
            TIERS,
            &text,
            "name: tier-business",
            0,
        )]
    });
    assert!(
        run.stderr.contains("duplicate mapping key: name"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("DuplicateKeyPolicy"), "{}", run.stderr);
}

#[test]
fn region_closes_before_it_opens() {
    assert_rejected("closes-before-opens", true, |site| {
        let text = site.replace_once(REGIONS, "closes: \"17:30\"", "closes: \"05:00\"");
        vec![Expect::at(
            "closes-before-opens",
            REGIONS,
            &text,
            "\"05:00\"",
            0,
        )]
    });
}

#[test]
fn impossible_time() {
    let run = assert_rejected("bad-time", true, |site| vec![break_time(site)]);
    assert!(run.stderr.contains("25:00"), "{}", run.stderr);
}

#[test]
fn fluent_syntax_error() {
    assert_rejected("fluent-syntax", true, |site| {
        vec![break_fluent_syntax(site)]
    });
}

#[test]
fn message_id_no_locale_defines() {
    let run = assert_rejected("unknown-message", true, |site| {
        let text = site.replace_once(
            COMPARISON,
            "label: feature-case-reviews\n",
            "label: feature-case-reviewz\n",
        );
        vec![Expect::at(
            "unknown-message",
            COMPARISON,
            &text,
            "feature-case-reviewz",
            0,
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
    assert_rejected("template-syntax", false, |site| {
        vec![break_template_syntax(site)]
    });
}

#[test]
fn file_that_is_not_utf8() {
    assert_rejected("not-utf8", true, |site| {
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
        vec![Expect {
            code: "not-utf8",
            file: "content/fr/compare.md",
            line,
            col,
            source_line: text[title_start..title_end].to_string(),
        }]
    });
}

#[test]
fn front_matter_with_unknown_key() {
    let run = assert_rejected("front-matter", true, |site| {
        let rel = "content/fr/docs/choosing-a-priority.md";
        let text = site.read(rel);
        let title_start = text.find("\ntitle:").unwrap() + 1;
        let title_end = title_start + text[title_start..].find('\n').unwrap() + 1;
        let broken = format!("{}author: moi\n{}", &text[..title_end], &text[title_end..]);
        site.write(rel, &broken);
        vec![Expect::at(
            "yaml-type",
            "content/fr/docs/choosing-a-priority.md",
            &broken,
            "author: moi",
            0,
        )]
    });
    assert!(run.stderr.contains("`author`"), "{}", run.stderr);
}

#[test]
fn errors_in_two_files_are_reported_together() {
    let run = assert_rejected("two-files", true, |site| {
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
    assert_rejected("two-data-files", true, |site| {
        vec![break_yaml_syntax(site), break_time(site)]
    });
}

#[test]
fn template_error_is_reported_with_a_data_error() {
    assert_rejected("template-and-data", false, |site| {
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
    assert_diagnostic(&run.stderr, e.code, e.file, e.line, e.col, &e.source_line);
    assert!(!site.public().exists(), "check writes nothing");
}

#[test]
fn check_writes_nothing() {
    let site = TempSite::new("check-clean");
    let run = site.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.describe());
    assert!(!site.public().exists(), "check writes nothing");
}
