//! Every YAML file polydocs reads (site.yaml, plan data, front matter), broken the ways people
//! break them: each error in the user's words, at the fault.

use super::*;
use crate::plan::{self, raw};

const SITE: &str = include_str!("../../site.yaml");
const PAGE: &str = include_str!("../../content/en/docs/choosing-a-priority.md");

/// `text` with the first `from` replaced by `to`.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "no `{from}` in\n{text}");
    text.replacen(from, to, 1)
}

/// The 1-based line and column of the first `needle` in `text`, `shift` characters on.
fn at(text: &str, needle: &str, shift: usize) -> (usize, usize) {
    let offset = text.find(needle).unwrap_or_else(|| panic!("no `{needle}`"));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1 + shift)
}

fn site(text: &str) -> Diagnostic {
    let src = SourceFile::from_text("site.yaml", text);
    let mut ds = crate::config::parse(&src).expect_err("site.yaml is refused");
    assert_eq!(ds.len(), 1, "{ds:#?}");
    ds.remove(0)
}

fn page(text: &str) -> Diagnostic {
    let src = SourceFile::from_text("content/en/docs/a.md", text);
    *crate::content::parse_page(0, "docs/a.md".into(), src).expect_err("the page is refused")
}

fn tiers(text: &str) -> Diagnostic {
    let src = SourceFile::from_text(plan::TIERS_FILE, text);
    *parse_with::<raw::TiersFile>(&src, &raw::VOCABULARY).expect_err("the file is refused")
}

/// The diagnostic has this code, place, message and hint.
fn assert_says(d: &Diagnostic, code: Code, place: (usize, usize), message: &str, hint: &str) {
    assert_eq!(d.code, code, "{d}");
    let p = d.position.unwrap_or_else(|| panic!("no position: {d}"));
    assert_eq!((p.line, p.column), place, "{d}");
    assert_eq!(d.message, message, "{d}");
    assert_eq!(d.hint.as_deref(), Some(hint), "{d}");
}

const LIST_HINT: &str = "write the items in brackets, like `[a, b]`, or one per line after `- `";

#[test]
fn text_where_a_list_belongs() {
    let text = edit(SITE, "languages:\n", "languages: en\nlanguages-list:\n");
    assert_says(
        &site(&text),
        Code::YamlType,
        at(&text, "languages: en", "languages: ".len()),
        "expected a list after `languages:`; found `en`",
        LIST_HINT,
    );
}

#[test]
fn an_unknown_key_lists_the_keys_of_its_entry() {
    let text = edit(SITE, "output: public\n", "output: public\ncolour: red\n");
    assert_says(
        &site(&text),
        Code::YamlType,
        at(&text, "colour", 0),
        "`colour` is not a key of this file; the keys here are: title, base_url, default_language, output, languages, search, edit_url, extra",
        "check the spelling of the key, or remove the line",
    );
    let text = edit(
        SITE,
        "    name: English\n",
        "    name: English\n    colour: red\n",
    );
    assert_eq!(
        site(&text).message,
        "`colour` is not a key of an entry of `languages:`; the keys here are: code, tag, prefix, name, direction, title, fallback, raw_html"
    );
    let text = edit(PAGE, "weight: 1\n", "weight: 1\nowner: me\n");
    assert_says(
        &page(&text),
        Code::YamlType,
        at(&text, "owner", 0),
        "`owner` is not a key of the front matter; the keys here are: title, description, weight, template, tier, draft, aliases",
        "check the spelling of the key, or remove the line",
    );
}

#[test]
fn a_missing_key_is_named_at_its_entry() {
    let text = edit(SITE, "    tag: en\n", "");
    assert_says(
        &site(&text),
        Code::YamlType,
        at(&text, "code: en", 0),
        "this entry of `languages:` needs a `tag:` key",
        "add a `tag:` line to this entry of `languages:`, lined up with its other keys",
    );
    let text = edit(PAGE, "title: Choosing a priority\n", "");
    assert_says(
        &page(&text),
        Code::YamlType,
        (2, 1),
        "the front matter needs a `title:` key",
        "add a `title:` line to the front matter, lined up with its other keys",
    );
}

#[test]
fn a_word_outside_its_choices_lists_them() {
    let text = edit(
        SITE,
        "    name: English\n",
        "    name: English\n    direction: up\n",
    );
    assert_says(
        &site(&text),
        Code::YamlType,
        at(&text, "up\n", 0),
        "`direction:` cannot be `up`; it takes one of: ltr, rtl",
        "write one of: ltr, rtl",
    );
}

#[test]
fn a_value_of_the_wrong_kind_says_which_kind() {
    let text = edit(
        SITE,
        "    name: English\n",
        "    name: English\n    raw_html: maybe\n",
    );
    assert_says(
        &site(&text),
        Code::YamlType,
        at(&text, "maybe", 0),
        "`raw_html:` takes `true` or `false`, not `maybe`",
        "write `true` or `false`",
    );
    let text = edit(PAGE, "weight: 1", "weight: heavy");
    assert_says(
        &page(&text),
        Code::YamlType,
        at(&text, "heavy", 0),
        "`weight:` takes a whole number, not `heavy`",
        "write a whole number, like `3`",
    );
    let text = edit(PAGE, "title: Choosing a priority", "title: [a, b]");
    assert_says(
        &page(&text),
        Code::YamlType,
        at(&text, "[a, b]", 0),
        "expected a single value after `title:`; found a list",
        "write one value; put it in quotes if it starts with `[`, `{` or `-`, or holds `: `",
    );
    let text = edit(PAGE, "title: Choosing a priority", "title:");
    assert_says(
        &page(&text),
        Code::YamlType,
        at(&text, "title:", "title".len()),
        "`title:` has no value",
        "write its value after the colon, or remove the line if it is optional",
    );
    let text = edit(
        SITE,
        "    tag: en\n",
        "    tag: en\n    fallback: { a: b }\n",
    );
    assert_says(
        &site(&text),
        Code::YamlType,
        at(&text, "{ a: b }", 0),
        "`fallback:` cannot be `key: value` lines",
        "see what this key takes in the comments at the top of the file or in the README",
    );
}

#[test]
fn an_entry_written_as_a_word() {
    let text = edit(
        include_str!("../../content/tiers.yaml"),
        "  - id: online\n    name: tier-online\n    summary: tier-online-summary\n    paid: false\n",
        "  - online\n",
    );
    assert_says(
        &tiers(&text),
        Code::YamlType,
        at(&text, "online", 0),
        "expected a tier, written as `key: value` lines; found `online`",
        "write it as `key: value` lines indented under its key, like the entries around it",
    );
}

#[test]
fn a_key_written_twice() {
    let text = edit(SITE, "    tag: en\n", "    tag: en\n    tag: fr\n");
    assert_says(
        &site(&text),
        Code::YamlDuplicateKey,
        at(&text, "tag: fr", 0),
        "`tag` is written twice in this entry of `languages:`",
        "keep one `tag:` line and remove the other",
    );
}

#[test]
fn tabs_are_named_on_their_line_in_every_file() {
    let text = edit(SITE, "    tag: en\n", "\ttag: en\n");
    assert_says(
        &site(&text),
        Code::YamlIndent,
        at(&text, "\ttag", 0),
        "YAML indents with spaces, not tabs",
        "replace the tab with spaces",
    );
    let text = edit(
        PAGE,
        "description: How to pick",
        "description:\n\tHow to pick",
    );
    assert_says(
        &page(&text),
        Code::YamlIndent,
        at(&text, "\tHow", 0),
        "YAML indents with spaces, not tabs",
        "replace the tab with spaces",
    );
}

#[test]
fn uneven_indentation_is_named_on_its_line() {
    let text = edit(SITE, "    tag: zh-Hant-TW\n", "     tag: zh-Hant-TW\n");
    assert_says(
        &site(&text),
        Code::YamlIndent,
        at(&text, "tag: zh-Hant-TW", 0),
        "this line is indented 5 spaces, but the entries around it use 4: YAML nests by indentation, so keys of one mapping must line up",
        "indent it by 4 spaces, like the entries around it",
    );
    let text = edit(SITE, "  - code: fr\n", "   - code: fr\n");
    assert_says(
        &site(&text),
        Code::YamlIndent,
        at(&text, "- code: fr", 0),
        "this `- ` entry is indented 3 spaces, but the entries around it use 2: YAML nests by indentation, so the `- ` entries of one list must line up",
        "indent it by 2 spaces, like the entries around it",
    );
}

#[test]
fn a_layout_problem_after_the_first_error_leaves_it_first() {
    // A wrong value on line 2, an uneven key further down: the reader stops at line 2.
    let text = "paid-banner: [a]\ntiers:\n  - id: a\n    name: b\n   summary: c\n";
    let d = tiers(text);
    assert_eq!(
        (d.code, d.position.unwrap().line),
        (Code::YamlType, 1),
        "{d}"
    );
}

#[test]
fn syntax_errors_say_what_to_fix() {
    let text = edit(SITE, "default_language: en", "default_language: en: fr");
    assert_says(
        &site(&text),
        Code::YamlSyntax,
        at(&text, ": fr", 0),
        "a second `: ` on this line: YAML reads it as the start of another key",
        "put the value in quotes if it holds `: `, like `label: \"a: b\"`",
    );
    let text = edit(SITE, "default_language: en", "default_language: \"en");
    assert_eq!(site(&text).code, Code::YamlSyntax);
}

#[test]
fn an_empty_file_names_the_key_it_needs() {
    let d = tiers("# nothing yet\n");
    assert_says(
        &d,
        Code::YamlType,
        (1, 1),
        "this file is empty: it needs a `paid-banner:` key",
        "write its `key: value` lines; the README lists them",
    );
}

/// Words of Rust and serde that must never reach the person editing a file.
const FORBIDDEN: [&str; 12] = [
    "untagged",
    "enum",
    "variant",
    "struct ",
    "u32",
    "i64",
    "sequence",
    "a map",
    "invalid type",
    "Spanned",
    "ValueEntry",
    "Entry",
];

/// What is wrong with the words of `d`, if anything.
fn unplain(d: &Diagnostic) -> Option<String> {
    for text in [Some(d.message.as_str()), d.hint.as_deref()]
        .into_iter()
        .flatten()
    {
        for word in FORBIDDEN {
            let found = if word.chars().any(char::is_uppercase) {
                text.contains(word)
            } else {
                text.to_lowercase().contains(word)
            };
            if found {
                return Some(format!(
                    "`{word}` in: [{}] {} ({:?})",
                    d.code.as_str(),
                    d.message,
                    d.hint
                ));
            }
        }
    }
    let hint = d.hint.as_deref().unwrap_or("");
    if d.code != Code::YamlSyntax && hint.contains("syntax") {
        return Some(format!(
            "a syntax hint for [{}] {}",
            d.code.as_str(),
            d.message
        ));
    }
    None
}

/// Ways to break one line: each wrong value in place of the line's value, the line removed,
/// written twice, indented one space less and more, a tab before it, an unknown key after it.
/// Every field is broken once: a key written on many lines at the same indentation (each
/// feature's `label:`) is broken on its first line only.
fn variants(text: &str) -> Vec<String> {
    const VALUES: [&str; 12] = [
        "[a, b]",
        "{ a: b }",
        "",
        "2.5",
        "-3",
        "true",
        "x",
        "\"\"",
        "99999999999",
        "- a",
        "*nowhere",
        "a: b",
    ];
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = Vec::new();
    let with = |i: usize, line: Option<String>| -> String {
        let mut v: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        match line {
            Some(l) => v[i] = l,
            None => {
                v.remove(i);
            }
        }
        v.join("\n")
    };
    let mut seen = std::collections::BTreeSet::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed == "---" {
            continue;
        }
        let field = line.split(':').next().unwrap_or(line);
        if !seen.insert(field.to_string()) {
            continue;
        }
        let indent = line.len() - trimmed.len();
        if let Some(colon) = line
            .find(": ")
            .or_else(|| line.strip_suffix(':').map(|l| l.len()))
        {
            for value in VALUES {
                out.push(with(i, Some(format!("{}: {value}", &line[..colon]))));
            }
        }
        out.push(with(i, None));
        out.push(with(i, Some(format!("{line}\n{line}"))));
        if indent > 0 {
            out.push(with(i, Some(line[1..].to_string())));
        }
        out.push(with(i, Some(format!(" {line}"))));
        out.push(with(i, Some(format!("\t{trimmed}"))));
        out.push(with(
            i,
            Some(format!("{line}\n{}unknown-key: x", " ".repeat(indent))),
        ));
    }
    out
}

/// The error of reading plan file `index` of [`plan::FILES`], if any.
fn plan_file_error(index: usize, src: &SourceFile) -> Option<Diagnostic> {
    fn read<T: serde::de::DeserializeOwned>(src: &SourceFile) -> Option<Diagnostic> {
        parse_with::<T>(src, &raw::VOCABULARY).err().map(|d| *d)
    }
    match index {
        0 => read::<raw::TiersFile>(src),
        1 => read::<raw::ComparisonFile>(src),
        2 => read::<raw::ResponseTargetsFile>(src),
        3 => read::<raw::ChannelsFile>(src),
        4 => read::<raw::ResourcesFile>(src),
        _ => read::<raw::RegionsFile>(src),
    }
}

#[test]
fn no_message_speaks_rust_or_serde() {
    let ctx = plan::Context {
        language_codes: vec!["en", "fr", "zh-TW"],
        icons: ["chat", "forums", "journeys", "phone", "portal", "webinar"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
    };
    let shipped = [
        include_str!("../../content/tiers.yaml"),
        include_str!("../../content/comparison.yaml"),
        include_str!("../../content/response-targets.yaml"),
        include_str!("../../content/channels.yaml"),
        include_str!("../../content/resources.yaml"),
        include_str!("../../content/regions.yaml"),
    ];
    let mut checked = 0;
    let mut wrong = std::collections::BTreeSet::new();
    for (index, text) in shipped.iter().enumerate() {
        for broken in variants(text) {
            // The file alone first: most variants stop there, and resolving reads all six.
            let src = SourceFile::from_text(plan::FILES[index], broken.clone());
            if let Some(d) = plan_file_error(index, &src) {
                wrong.extend(unplain(&d));
                checked += 1;
                continue;
            }
            // The file against the tiers it refers to; the others are reported missing.
            let tiers = if index == 0 {
                broken.as_str()
            } else {
                shipped[0]
            };
            let with = |i: usize, text: &str| {
                (i == 0 || i == index).then(|| SourceFile::from_text(plan::FILES[i], text))
            };
            let sources = plan::PlanSources {
                tiers: with(0, tiers),
                comparison: with(1, &broken),
                response_targets: with(2, &broken),
                channels: with(3, &broken),
                resources: with(4, &broken),
                regions: with(5, &broken),
            };
            let (_, diags) = plan::resolve(&sources, &ctx);
            for d in &diags {
                wrong.extend(unplain(d));
                checked += 1;
            }
        }
    }
    for broken in variants(SITE) {
        let src = SourceFile::from_text("site.yaml", broken.clone());
        if let Err(ds) = crate::config::parse(&src) {
            for d in &ds {
                wrong.extend(unplain(d));
                checked += 1;
            }
        }
    }
    let front_end = PAGE[4..].find("\n---\n").unwrap() + 4;
    for broken in variants(&PAGE[4..front_end]) {
        let text = format!("---\n{broken}\n---\n{}", &PAGE[front_end + 5..]);
        let src = SourceFile::from_text("content/en/docs/a.md", text.clone());
        if let Err(d) = crate::content::parse_page(0, "docs/a.md".into(), src) {
            wrong.extend(unplain(&d));
            checked += 1;
        }
    }
    assert!(
        wrong.is_empty(),
        "{}",
        wrong.into_iter().collect::<Vec<_>>().join("\n")
    );
    assert!(checked > 1000, "only {checked} diagnostics checked");
}
