//! The resolver from strings: the shipped data as the baseline, one file changed at a time,
//! each problem asserted by its code, file, line and column.

use super::*;

const SHIPPED: [(&str, &str); 6] = [
    (TIERS_FILE, include_str!("../../content/tiers.yaml")),
    (
        COMPARISON_FILE,
        include_str!("../../content/comparison.yaml"),
    ),
    (
        RESPONSE_TARGETS_FILE,
        include_str!("../../content/response-targets.yaml"),
    ),
    (CHANNELS_FILE, include_str!("../../content/channels.yaml")),
    (RESOURCES_FILE, include_str!("../../content/resources.yaml")),
    (REGIONS_FILE, include_str!("../../content/regions.yaml")),
];

const ICONS: [&str; 6] = ["chat", "forums", "journeys", "phone", "portal", "webinar"];

fn shipped(file: &str) -> &'static str {
    SHIPPED.iter().find(|(f, _)| *f == file).unwrap().1
}

fn sources(texts: &[(&str, &str)]) -> PlanSources {
    let source = |file: &str| {
        texts
            .iter()
            .find(|(f, _)| *f == file)
            .map(|(f, t)| SourceFile::from_text(*f, *t))
    };
    PlanSources {
        tiers: source(TIERS_FILE),
        comparison: source(COMPARISON_FILE),
        response_targets: source(RESPONSE_TARGETS_FILE),
        channels: source(CHANNELS_FILE),
        resources: source(RESOURCES_FILE),
        regions: source(REGIONS_FILE),
    }
}

fn context() -> Context<'static> {
    Context {
        language_codes: vec!["en", "fr", "zh-TW"],
        icons: ICONS.iter().map(|s| s.to_string()).collect(),
    }
}

/// Resolves the shipped data with `file` replaced by `text`.
fn resolve_with(file: &str, text: &str) -> (Option<Plan>, Vec<Diagnostic>) {
    let (resolved, diags) = resolve_all(file, text);
    (resolved.plan, diags)
}

/// As [`resolve_with`], with the labels the data names.
fn resolve_all(file: &str, text: &str) -> (Resolved, Vec<Diagnostic>) {
    let texts: Vec<(&str, &str)> = SHIPPED
        .iter()
        .map(|&(f, t)| if f == file { (f, text) } else { (f, t) })
        .collect();
    resolve(&sources(&texts), &context())
}

/// The shipped `file` with the first `from` replaced by `to`.
fn edited(file: &str, from: &str, to: &str) -> String {
    let text = shipped(file);
    assert!(text.contains(from), "{file} has no `{from}`");
    text.replacen(from, to, 1)
}

/// The 1-based line and column of the first `needle` in `text`, `shift` characters on.
fn at(text: &str, needle: &str, shift: usize) -> (usize, usize) {
    let offset = text.find(needle).unwrap_or_else(|| panic!("no `{needle}`"));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1
        + shift;
    (line, column)
}

/// Exactly one diagnostic, an error, with this code at this place; it is returned.
fn one(diags: &[Diagnostic], code: Code, file: &str, place: (usize, usize)) -> Diagnostic {
    assert_eq!(diags.len(), 1, "{diags:#?}");
    let d = &diags[0];
    assert!(d.is_error());
    assert_eq!(d.code, code, "{d}");
    assert_eq!(d.file.as_deref(), Some(file), "{d}");
    let p = d.position.expect("a position");
    assert_eq!((p.line, p.column), place, "{d}");
    d.clone()
}

/// Breaks `file` by replacing `from` with `to`, and expects one `code` error at `needle`
/// (its first occurrence in the broken text, `shift` characters on).
fn rejects(file: &str, from: &str, to: &str, code: Code, needle: &str, shift: usize) -> Diagnostic {
    let text = edited(file, from, to);
    let (plan, diags) = resolve_with(file, &text);
    assert!(plan.is_none(), "a plan with errors: {diags:#?}");
    one(&diags, code, file, at(&text, needle, shift))
}

#[test]
fn the_shipped_data_resolves() {
    let (plan, diags) = resolve_with(TIERS_FILE, shipped(TIERS_FILE));
    assert!(diags.is_empty(), "{diags:#?}");
    let plan = plan.unwrap();
    assert_eq!(plan.tiers.len(), 4);
    assert_eq!(plan.priorities.len(), 4);
    assert!(plan.priorities.iter().all(|p| p.targets.len() == 4));
}

#[test]
fn no_data_file_is_a_site_of_documentation_only() {
    let (Resolved { plan, .. }, diags) = resolve(&PlanSources::default(), &context());
    assert!(plan.is_none());
    assert!(diags.is_empty(), "{diags:#?}");
}

#[test]
fn some_data_files_need_all_of_them() {
    let (Resolved { plan, .. }, diags) = resolve(&sources(&SHIPPED[..2]), &context());
    assert!(plan.is_none());
    let missing: Vec<&str> = diags.iter().filter_map(|d| d.file.as_deref()).collect();
    assert_eq!(missing, FILES[2..]);
    assert!(diags.iter().all(|d| d.code == Code::UnreadableFile
        && d.message.ends_with("is missing: a site with plan data needs all of content/tiers.yaml, content/comparison.yaml, content/response-targets.yaml, content/channels.yaml, content/resources.yaml, content/regions.yaml")));
}

#[test]
fn an_unknown_tier_is_named_where_it_is_used() {
    let d = rejects(
        COMPARISON_FILE,
        "tiers: { business: included }",
        "tiers: { busines: included }",
        Code::UnknownTier,
        "busines:",
        0,
    );
    assert_eq!(d.message, "unknown tier `busines`");
    rejects(
        RESOURCES_FILE,
        "  # The French page links to the French terms",
        "    tiers: [business, gold]\n  # The French page links to the French terms",
        Code::UnknownTier,
        "gold]",
        0,
    );
    rejects(
        RESPONSE_TARGETS_FILE,
        "      elite: { coverage: 24x7, within: 15 min }",
        "      elite: { coverage: 24x7, within: 15 min }\n      gold: { coverage: 24x7, within: 15 min }",
        Code::UnknownTier,
        "gold:",
        0,
    );
}

#[test]
fn a_fifth_tier_without_targets_is_missing_from_every_priority() {
    let text = format!(
        "{}  - id: premier\n    name: tier-premier\n    summary: tier-premier-summary\n    paid: true\n",
        shipped(TIERS_FILE)
    );
    let (plan, diags) = resolve_with(TIERS_FILE, &text);
    assert!(plan.is_none());
    let targets = shipped(RESPONSE_TARGETS_FILE);
    let found: Vec<(Code, &str, usize, usize)> = diags
        .iter()
        .map(|d| {
            let p = d.position.unwrap();
            (d.code, d.file.as_deref().unwrap(), p.line, p.column)
        })
        .collect();
    let want: Vec<(Code, &str, usize, usize)> = ["p1", "p2", "p3", "p4"]
        .iter()
        .map(|id| {
            let (line, column) = at(targets, &format!("- id: {id}\n"), "- id: ".len());
            (Code::MissingTarget, RESPONSE_TARGETS_FILE, line, column)
        })
        .collect();
    assert_eq!(found, want);
    assert_eq!(diags[0].message, "priority `p1` has no target for premier");
}

#[test]
fn a_duration_must_have_a_number_and_a_unit() {
    let d = rejects(
        RESPONSE_TARGETS_FILE,
        "online: { coverage: 24x7, within: 1 h }",
        "online: { coverage: 24x7, within: soon }",
        Code::BadDuration,
        "soon",
        0,
    );
    assert_eq!(d.message, "`soon` does not start with a whole number");
}

#[test]
fn a_time_must_be_a_time_of_day() {
    let d = rejects(
        REGIONS_FILE,
        "opens: \"09:00\"",
        "opens: \"25:00\"",
        Code::BadTime,
        "\"25:00\"",
        0,
    );
    assert_eq!(d.message, "`25:00` is not a time of day (00:00 to 24:00)");
}

#[test]
fn a_region_closes_after_it_opens() {
    let d = rejects(
        REGIONS_FILE,
        "closes: \"17:30\"",
        "closes: \"05:00\"",
        Code::ClosesBeforeOpens,
        "\"05:00\"",
        0,
    );
    assert_eq!(
        d.message,
        "region `americas` closes at 05:00, not after it opens at 06:00"
    );
}

#[test]
fn a_region_names_notes_of_its_file() {
    rejects(
        REGIONS_FILE,
        "notes: [japan-languages,",
        "notes: [japan-language,",
        Code::UnknownNote,
        "japan-language,",
        0,
    );
}

#[test]
fn a_channel_names_an_icon_that_exists() {
    let d = rejects(
        CHANNELS_FILE,
        "icon: forums",
        "icon: forum",
        Code::MissingIcon,
        "forum\n",
        0,
    );
    assert_eq!(d.message, "no icon static/icons/forum.svg");
    rejects(
        CHANNELS_FILE,
        "icon: forums",
        "icon: ../forums",
        Code::MissingIcon,
        "../forums",
        0,
    );
}

#[test]
fn an_address_must_be_safe_to_follow() {
    let d = rejects(
        RESOURCES_FILE,
        "url: https://status.adobe.com/",
        "url: javascript:alert(1)",
        Code::BadUrl,
        "javascript:",
        0,
    );
    assert_eq!(
        d.message,
        "`javascript:alert(1)` is not an http, https or mailto address"
    );
}

#[test]
fn an_id_is_used_once() {
    let d = rejects(
        CHANNELS_FILE,
        "  - id: office-hours",
        "  - id: community-forums",
        Code::DuplicateId,
        "- id: community-forums\n    icon: webinar",
        "- id: ".len(),
    );
    assert_eq!(d.message, "channel ID `community-forums` is used twice");
}

#[test]
fn a_tier_value_is_included_a_count_or_a_coverage() {
    const WANT: &str = "is not a tier value: write `included`, a whole number like `4`, or a coverage: 24x7, 24x5, business-hours, business-days";
    for (written, shown) in [
        ("2.5", "`2.5`"),
        ("-3", "`-3`"),
        ("true", "`true`"),
        ("4 seats", "`4 seats`"),
        ("[a, b]", "a list"),
        ("{ a: b }", "a group of `key: value` pairs"),
        ("\"\"", "an empty value"),
        ("99999999999", "`99999999999`"),
    ] {
        let d = rejects(
            COMPARISON_FILE,
            "tiers: { enterprise: 2, elite: 4 }",
            &format!("tiers: {{ enterprise: {written}, elite: 4 }}"),
            Code::BadTierValue,
            &format!("{written}, elite"),
            0,
        );
        assert_eq!(d.message, format!("{shown} {WANT}"));
        assert_eq!(
            d.hint.as_deref(),
            Some("a tier that does not include the feature is left out of its `tiers:`")
        );
    }
}

#[test]
fn a_count_in_quotes_is_a_count() {
    let text = edited(
        COMPARISON_FILE,
        "tiers: { enterprise: 2, elite: 4 }",
        "tiers: { enterprise: \"2\", elite: 4 }",
    );
    let (plan, diags) = resolve_with(COMPARISON_FILE, &text);
    assert!(diags.is_empty(), "{diags:#?}");
    assert!(plan.is_some());
}

#[test]
fn text_where_a_list_belongs_says_which_list() {
    for (file, from, to, message) in [
        (
            RESOURCES_FILE,
            "  # The French page links to the French terms",
            "    tiers: business\n  # The French page links to the French terms",
            "expected a list of tier IDs, like `[business, elite]`; found `business`",
        ),
        (
            REGIONS_FILE,
            "notes: [japan-languages, commerce-japanese, japan-business-hours]",
            "notes: n1",
            "expected a list of note IDs, like `[japan-languages]`; found `n1`",
        ),
        (
            TIERS_FILE,
            "    highlights:\n",
            "    highlights: x\n",
            "expected a list of highlights, each with `- title:` and `description:`; found `x`",
        ),
    ] {
        let mut text = edited(file, from, to);
        if file == TIERS_FILE {
            // Without its items: `x` is the whole value.
            let items = text.find("highlights: x\n").unwrap() + "highlights: x\n".len();
            let end = text.find("  - id: enterprise").unwrap();
            text.replace_range(items..end, "");
        }
        let value = to.split(": ").nth(1).unwrap().split('\n').next().unwrap();
        let (plan, diags) = resolve_with(file, &text);
        assert!(plan.is_none());
        let d = one(
            &diags,
            Code::YamlType,
            file,
            at(&text, to, to.find(value).unwrap()),
        );
        assert_eq!(d.message, message);
        assert_eq!(
            d.hint.as_deref(),
            Some("write the items in brackets, like `[a, b]`, or one per line after `- `")
        );
    }
}

#[test]
fn a_tab_is_reported_on_its_own_line() {
    let text = edited(REGIONS_FILE, "    closes: \"17:00\"", "\tcloses: \"17:00\"");
    let (_, diags) = resolve_with(REGIONS_FILE, &text);
    let d = one(
        &diags,
        Code::YamlIndent,
        REGIONS_FILE,
        at(&text, "\tcloses", 0),
    );
    assert_eq!(d.message, "YAML indents with spaces, not tabs");
    assert_eq!(d.hint.as_deref(), Some("replace the tab with spaces"));
}

#[test]
fn an_uneven_key_is_reported_on_its_own_line() {
    for (indent, spaces) in [("   ", 3), ("     ", 5)] {
        let text = edited(
            TIERS_FILE,
            "    summary: tier-enterprise-summary",
            &format!("{indent}summary: tier-enterprise-summary"),
        );
        let (_, diags) = resolve_with(TIERS_FILE, &text);
        let d = one(
            &diags,
            Code::YamlIndent,
            TIERS_FILE,
            at(&text, "summary: tier-enterprise-summary", 0),
        );
        assert_eq!(
            d.message,
            format!(
                "this line is indented {spaces} spaces, but the entries around it use 4: YAML nests by indentation, so keys of one mapping must line up"
            )
        );
        assert_eq!(
            d.hint.as_deref(),
            Some("indent it by 4 spaces, like the entries around it")
        );
    }
}

#[test]
fn keys_are_named_with_the_entry_they_belong_to() {
    let d = rejects(
        TIERS_FILE,
        "    paid: false\n",
        "    paid: false\n    colour: red\n",
        Code::YamlType,
        "colour",
        0,
    );
    assert_eq!(
        d.message,
        "`colour` is not a key of a tier; the keys here are: id, name, summary, paid, highlights"
    );
    let d = rejects(
        TIERS_FILE,
        "    summary: tier-online-summary\n",
        "",
        Code::YamlType,
        "id: online",
        0,
    );
    assert_eq!(d.message, "this tier needs a `summary:` key");
    assert_eq!(
        d.hint.as_deref(),
        Some("add a `summary:` line to this tier, lined up with its other keys")
    );
    let d = rejects(
        RESPONSE_TARGETS_FILE,
        "online: { coverage: 24x7, within: 1 h }",
        "online: { coverage: 24x7 }",
        Code::YamlType,
        "{ coverage: 24x7 }",
        0,
    );
    assert_eq!(
        d.message,
        "the response target of `online` needs a `within:` key"
    );
}

#[test]
fn errors_in_several_files_are_reported_together() {
    let texts = [
        (TIERS_FILE, edited(TIERS_FILE, "paid: false", "paid: maybe")),
        (
            REGIONS_FILE,
            edited(REGIONS_FILE, "opens: \"09:00\"", "opens: \"25:00\""),
        ),
    ];
    let all: Vec<(&str, &str)> = SHIPPED
        .iter()
        .map(|&(f, t)| {
            texts
                .iter()
                .find(|(g, _)| *g == f)
                .map_or((f, t), |(g, x)| (*g, x.as_str()))
        })
        .collect();
    let (Resolved { plan, .. }, diags) = resolve(&sources(&all), &context());
    assert!(plan.is_none());
    let codes: Vec<Code> = diags.iter().map(|d| d.code).collect();
    assert_eq!(codes, [Code::YamlType, Code::BadTime]);
}
