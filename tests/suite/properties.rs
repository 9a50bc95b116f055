//! Property tests (proptest) of the loaders and of the small functions other code relies on.
//!
//! The loaders get arbitrary text and text made of the pieces their formats are made of (keys,
//! indentation, brackets, anchors, link syntax...), which reaches further than random
//! characters: none may panic, and every error must point inside the file. The round trips:
//! `slugify` is idempotent, `SourceFile::position` and `offset` are inverse, `stamp_page`
//! touches nothing but its own line. Inputs are kept short so that the suite stays fast;
//! fuzz/ runs the same loaders for longer.

use std::collections::BTreeSet;
use std::path::PathBuf;

use polydocs::diagnostic::Diagnostic;
use polydocs::plan::raw;
use polydocs::source::{Position, SourceFile};
use proptest::prelude::*;

// ---------------------------------------------------------------------------------------------
// Strategies.

/// Text made of the pieces of YAML documents, with the keys polydocs' files use.
fn yaml_like() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        "\n",
        "\n",
        "\n  ",
        "\n    ",
        "\n      ",
        "- ",
        "  - ",
        ": ",
        ":",
        " ",
        "  ",
        "[",
        "]",
        "{",
        "}",
        ", ",
        "\"",
        "'",
        "#",
        "&a ",
        "*a",
        "&b ",
        "*b",
        "<<: ",
        "!!str ",
        "|\n",
        ">\n",
        "---\n",
        "...\n",
        "~",
        "null",
        "true",
        "maybe",
        "0",
        "4",
        "-1",
        "1e999",
        "99999999999",
        "\r\n",
        "\r",
        "\t",
        "\u{feff}",
        "é",
        "繁",
        "\0",
        "base_url",
        "default_language",
        "languages",
        "code",
        "tag",
        "name",
        "prefix",
        "fallback",
        "raw_html",
        "direction",
        "rtl",
        "output",
        "title",
        "en",
        "fr",
        "zh-TW",
        "https://example.com/",
        "/sub",
        "paid-banner",
        "tiers",
        "id",
        "summary",
        "paid",
        "highlights",
        "description",
        "groups",
        "label",
        "features",
        "included",
        "24x7",
        "business-hours",
        "priorities",
        "targets",
        "coverage",
        "within",
        "15 min",
        "4 h",
        "3 days",
        "channels",
        "icon",
        "kind",
        "footnote",
        "resources",
        "url",
        "urls",
        "javascript:alert(1)",
        "intro",
        "global-services",
        "regions",
        "opens",
        "closes",
        "\"09:00\"",
        "\"25:00\"",
        "notes",
        "text",
        "online",
        "business",
    ];
    prop_oneof![
        prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|v| v.concat()),
        "\\PC{0,120}",
        any::<String>().prop_map(|s| s.chars().take(120).collect()),
    ]
}

/// A page: front matter (sometimes broken), then a body.
fn page_like() -> impl Strategy<Value = String> {
    const FRONT: &[&str] = &[
        "title: T",
        "title: ",
        "title: \"\"",
        "title: [a]",
        "description: d",
        "weight: 3",
        "weight: x",
        "template: page.html",
        "template: ../x",
        "tier: online",
        "tier: [x]",
        "source-hash: 0123456789abcdef",
        "source-git-commit: abc",
        "ht-degree: [&a [1], *a]",
        "workflow-type: {a: b}",
        "unknown: 1",
        "  indented: 1",
        "title: T\ntitle: U",
        "- list",
        "---",
        " ---",
        "--- ",
        "...",
        "#",
        "\t",
        "\0",
    ];
    (
        prop::sample::select(&["---\n", "\u{feff}---\n", "---\r\n", "--\n", "", "---"][..]),
        prop::collection::vec(prop::sample::select(FRONT), 0..6),
        prop::sample::select(&["---\n", "---\r\n", "--- \n", "", "---"][..]),
        markdown_like(),
    )
        .prop_map(|(open, front, close, body)| {
            let mut s = open.to_string();
            for line in front {
                s.push_str(line);
                s.push('\n');
            }
            s.push_str(close);
            s.push_str(&body);
            s
        })
}

/// Markdown made of link, HTML, heading-attribute and block syntax.
fn markdown_like() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        "\n",
        "\n\n",
        " ",
        "text",
        "é",
        "繁",
        "[",
        "]",
        "(",
        ")",
        "<",
        ">",
        "](",
        "![",
        "[x]: ",
        "javascript:alert(1)",
        "JaVaScRiPt:",
        "java\tscript:",
        "vbscript:",
        "data:text/html,",
        "&#106;",
        "&#x6A;",
        "&colon;",
        "https://example.com/",
        "mailto:a@b",
        "../x/",
        "#frag",
        "<script>",
        "</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:x\">",
        "<p onclick=\"x\">",
        "<iframe>",
        "<svg onload=x>",
        "<style>",
        "<!--",
        "-->",
        "<b>",
        "</b>",
        "# ",
        "## ",
        "{#id}",
        "{.c}",
        "{onclick=alert(1)}",
        "{#a onmouseover=x}",
        "> ",
        "- ",
        "1. ",
        "* ",
        "```",
        "`",
        "    ",
        "| a | b |\n|---|---|\n",
        "|",
        "[^1]",
        "[^1]: n",
        "~~",
        "**",
        "_",
        "- [x] ",
        "\\",
        "\"",
        "'",
        "\0",
        "\r\n",
        "\r",
    ];
    prop_oneof![
        3 => prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat()),
        1 => "\\PC{0,100}",
    ]
}

/// Fluent made of its syntax, nested at most a few dozen levels (deeper nesting overflows the
/// stack of fluent-syntax's parser: see tests/hostile.rs).
fn fluent_like() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        "\n",
        "\n",
        "\n    ",
        " ",
        "msg",
        "-term",
        "a-b_c",
        " = ",
        "=",
        "{ ",
        " }",
        "{",
        "}",
        "$count",
        "$x",
        " ->",
        "\n   *[other] ",
        "\n    [one] ",
        "[1]",
        "\"str\"",
        "NUMBER(",
        ")",
        "\n    .attr = ",
        ".attr",
        "# ",
        "## ",
        "### ",
        "text",
        "é",
        "繁",
        "<script>",
        "\\",
        "\\u0041",
        "\"\\u{10FFFF}\"",
        "\r\n",
        "\t",
        "\0",
        "{ msg }",
        "{ -term }",
        "{ msg.attr }",
    ];
    prop_oneof![
        3 => prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat()),
        1 => "\\PC{0,100}",
    ]
}

// ---------------------------------------------------------------------------------------------
// Checks.

/// Every diagnostic renders, and a positioned one points at a line of its file (YAML counts a
/// lone `\r` as a line break and `SourceFile` does not — see tests/hostile.rs — so such text
/// is left out of the position check).
fn check_diagnostics(ds: &[Diagnostic], src: &SourceFile) {
    for d in ds {
        let _ = d.render(false);
        let _ = d.to_string();
        let Some(pos) = d.position else { continue };
        if d.file.as_deref() != Some(src.display.as_str()) {
            continue;
        }
        assert!(pos.line >= 1 && pos.column >= 1, "{d}");
        if src.text.replace("\r\n", "\n").contains('\r') {
            continue;
        }
        let lines = src.text.split('\n').count();
        assert!(pos.line <= lines, "{d}: line {} of {lines}", pos.line);
        let chars = src.line_text(pos.line).chars().count();
        assert!(
            pos.column <= chars + 2,
            "{d}: column {} of {chars}",
            pos.column
        );
    }
}

fn parse_raw<T: serde::de::DeserializeOwned>(src: &SourceFile) {
    if let Err(d) = polydocs::yaml::parse::<T>(src) {
        check_diagnostics(&[*d], src);
    }
}

/// The attributes of every start tag: lowercase name, raw value.
fn attributes(html: &str) -> Vec<(String, String)> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' || !b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
            continue;
        }
        while i < b.len() && !matches!(b[i], b' ' | b'\n' | b'\t' | b'>') {
            i += 1;
        }
        loop {
            while i < b.len() && matches!(b[i], b' ' | b'\n' | b'\t' | b'\r' | b'/') {
                i += 1;
            }
            if i >= b.len() || b[i] == b'>' {
                break;
            }
            let start = i;
            while i < b.len() && !matches!(b[i], b' ' | b'\n' | b'\t' | b'>' | b'=' | b'/') {
                i += 1;
            }
            let name = html[start..i].to_ascii_lowercase();
            let mut value = String::new();
            if i < b.len() && b[i] == b'=' {
                i += 1;
                if i < b.len() && matches!(b[i], b'"' | b'\'') {
                    let q = b[i] as char;
                    i += 1;
                    let end = html[i..].find(q).map_or(html.len(), |e| i + e);
                    value = html[i..end].to_string();
                    i = (end + 1).min(b.len());
                } else {
                    let start = i;
                    while i < b.len() && !matches!(b[i], b' ' | b'>') {
                        i += 1;
                    }
                    value = html[start..i].to_string();
                }
            }
            out.push((name, value));
        }
    }
    out
}

/// An attribute value as a browser reads it (the entities a serializer writes, decoded).
fn decoded(value: &str) -> String {
    value
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn scheme(address: &str) -> String {
    let cleaned: String = address
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let cleaned = cleaned.trim_start_matches(|c: char| c <= ' ');
    match cleaned.find([':', '/', '?', '#']) {
        Some(i) if cleaned[i..].starts_with(':') => cleaned[..i].to_ascii_lowercase(),
        _ => String::new(),
    }
}

/// A site folder per test for the Fluent loader (English only).
fn fluent_site(name: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!(
        "polydocs-prop-{name}-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("locales/en")).unwrap();
    root
}

fn one_language() -> polydocs::config::SiteConfig {
    polydocs::config::parse(&SourceFile::from_text(
        "site.yaml",
        "base_url: /\ndefault_language: en\nlanguages:\n  - {code: en, tag: en, name: English}\n",
    ))
    .unwrap()
}

// ---------------------------------------------------------------------------------------------
// No panic, errors inside the file.

/// Failures are printed with their input; nothing is written next to the tests.
fn config() -> ProptestConfig {
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn site_config_never_panics(text in yaml_like()) {
        let src = SourceFile::from_text("site.yaml", text);
        match polydocs::config::parse(&src) {
            Ok(config) => {
                prop_assert!(config.base_url.ends_with('/'));
                prop_assert!(config.default < config.languages.len());
                let mut prefixes = BTreeSet::new();
                for lang in &config.languages {
                    prop_assert!(prefixes.insert(lang.prefix.clone()), "prefix {} twice", lang.prefix);
                    prop_assert!(lang.prefix != "static" && !lang.prefix.contains(['/', '.']));
                }
            }
            Err(ds) => {
                prop_assert!(!ds.is_empty());
                check_diagnostics(&ds, &src);
            }
        }
    }

    #[test]
    fn plan_files_never_panic(text in yaml_like(), which in 0..6usize) {
        let src = SourceFile::from_text("content/data.yaml", text);
        match which {
            0 => parse_raw::<raw::TiersFile>(&src),
            1 => parse_raw::<raw::ComparisonFile>(&src),
            2 => parse_raw::<raw::ResponseTargetsFile>(&src),
            3 => parse_raw::<raw::ChannelsFile>(&src),
            4 => parse_raw::<raw::ResourcesFile>(&src),
            _ => parse_raw::<raw::RegionsFile>(&src),
        }
    }

    #[test]
    fn pages_never_panic(text in page_like()) {
        let src = SourceFile::from_text("content/en/docs/a.md", text.clone());
        match polydocs::content::parse_page(0, "docs/a.md".into(), src.clone()) {
            Err(d) => check_diagnostics(&[*d], &src),
            Ok(page) => {
                prop_assert!(!page.front.title.trim().is_empty());
                // Against the text as read (a lone CR is a line break there).
                prop_assert!(src.text.ends_with(page.body()));
                prop_assert_eq!(page.body_line, src.text[..page.body_start].matches('\n').count());
            }
        }
    }

    #[test]
    fn markdown_never_panics_nor_publishes_script(text in markdown_like(), raw_html in any::<bool>()) {
        let r = polydocs::markdown::render_with(&text, raw_html, "T\"<>");
        for (offset, _) in &r.refused {
            prop_assert!(*offset <= text.len() && text.is_char_boundary(*offset));
        }
        let ids: BTreeSet<&str> = r.headings.iter().map(|h| h.id.as_str()).collect();
        prop_assert_eq!(ids.len(), r.headings.len(), "heading ids are unique");
        if !raw_html {
            prop_assert!(!r.html.to_ascii_lowercase().contains("<script"), "{}", r.html);
            prop_assert!(!r.html.contains('\0'));
            for (name, value) in attributes(&r.html) {
                prop_assert!(!name.starts_with("on"), "`{}` in {}", name, r.html);
                if matches!(name.as_str(), "href" | "src" | "action" | "formaction" | "srcset") {
                    let s = scheme(&decoded(&value));
                    prop_assert!(
                        !matches!(s.as_str(), "javascript" | "vbscript" | "data"),
                        "`{}` in {}", value, r.html
                    );
                }
            }
        }
    }

    #[test]
    fn fluent_files_never_panic(text in fluent_like()) {
        let root = fluent_site("fluent");
        std::fs::write(root.join("locales/en/x.ftl"), &text).unwrap();
        let config = one_language();
        let (locales, diags) = polydocs::l10n::Locales::load(&root, &config);
        let src = SourceFile::from_text("locales/en/x.ftl", text);
        check_diagnostics(&diags, &src);
        for (id, def) in &locales.defined[0] {
            prop_assert_eq!(&def.file, "locales/en/x.ftl");
            prop_assert!(def.position.line <= src.text.split('\n').count(), "{} at {:?}", id, def.position);
            let _ = locales.format(0, id, None);
            let _ = locales.format_count(0, id, 3);
        }
        let _ = std::fs::remove_dir_all(&root);
    }
}

// ---------------------------------------------------------------------------------------------
// Round trips.

proptest! {
    #![proptest_config(config())]

    #[test]
    fn slugify_is_idempotent(text in prop_oneof![
        "\\PC{0,40}",
        // Letters whose lowercase is longer, or not a letter (`İ` → `i` + a combining dot).
        prop::collection::vec(prop::sample::select(&["İ", "ẞ", "Σ", "ǅ", "ﬁ", "Ω", "K", "a", " ", "-", "1"][..]), 0..12)
            .prop_map(|v| v.concat()),
    ]) {
        let once = polydocs::markdown::slugify(&text);
        prop_assert_eq!(polydocs::markdown::slugify(&once), once.clone(), "slug of {:?}", text);
    }

    #[test]
    fn slugify_of_ascii_is_a_plain_anchor(text in "[ -~]{0,40}") {
        let slug = polydocs::markdown::slugify(&text);
        prop_assert!(slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
        prop_assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"));
    }

    #[test]
    fn position_and_offset_are_inverse(
        text in prop::collection::vec(prop::sample::select(&["a", "é", "繁", "😀", "\n", "\r\n", "\r", "\t", " "][..]), 0..60)
            .prop_map(|v| v.concat()),
        pick in any::<prop::sample::Index>(),
    ) {
        let src = SourceFile::from_text("x", text.clone());
        let boundaries: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        let offset = boundaries[pick.index(boundaries.len())];
        let pos = src.position(offset);
        prop_assert_eq!(src.offset(pos), offset, "offset of {:?}", pos);
        prop_assert_eq!(src.position(src.offset(pos)), pos);
        // And the other way, from a position that exists.
        let line = pos.line;
        let chars = src.text.split('\n').nth(line - 1).unwrap().chars().count();
        let col = 1 + pick.index(chars + 1);
        let p = Position { line, column: col };
        prop_assert_eq!(src.position(src.offset(p)), p);
    }

    #[test]
    fn stamp_page_changes_only_its_own_line(
        front in prop::collection::vec(prop::sample::select(&[
            "title: T", "description: d", "weight: 2", "source-hash: aaaaaaaaaaaaaaaa",
            "tier: online", "# comment", "", "  nested: x",
        ][..]), 0..6),
        body in prop::collection::vec(prop::sample::select(&[
            "text", "---", "source-hash: bbbbbbbbbbbbbbbb", "", "# h", "é",
        ][..]), 0..6),
        crlf in any::<bool>(),
    ) {
        let nl = if crlf { "\r\n" } else { "\n" };
        let mut text = format!("---{nl}");
        for l in &front {
            text.push_str(l);
            text.push_str(nl);
        }
        text.push_str(&format!("---{nl}"));
        let body_text: String = body.iter().map(|l| format!("{l}{nl}")).collect();
        text.push_str(&body_text);

        let hash = "0123456789abcdef";
        let stamped = polydocs::translation::stamp_page(&text, hash);
        let line = format!("source-hash: {hash}{nl}");
        // The body is kept byte for byte.
        prop_assert!(stamped.ends_with(&body_text));
        let head = &stamped[..stamped.len() - body_text.len()];
        let lines: Vec<&str> = head.split_inclusive(nl).collect();
        prop_assert_eq!(lines.first().copied(), Some(&*format!("---{nl}")));
        prop_assert_eq!(lines.last().copied(), Some(&*format!("---{nl}")));
        let inner = &lines[1..lines.len() - 1];
        prop_assert_eq!(inner.iter().filter(|l| **l == line).count(), 1, "one stamp in {:?}", stamped);
        // Every other front matter line is there, in order: the first old stamp is the one
        // replaced, or the new line is added last.
        let mut expected: Vec<String> = front.iter().map(|l| format!("{l}{nl}")).collect();
        match expected.iter().position(|l| l.starts_with("source-hash:")) {
            Some(i) => expected[i] = line.clone(),
            None => expected.push(line.clone()),
        }
        prop_assert_eq!(inner.iter().map(|l| l.to_string()).collect::<Vec<_>>(), expected);
        // Stamping again changes nothing.
        prop_assert_eq!(polydocs::translation::stamp_page(&stamped, hash), stamped.clone());
        // A page that loaded still loads, with the stamp and the same title and body.
        let before = polydocs::content::parse_page(0, "a.md".into(), SourceFile::from_text("a.md", text.clone()));
        if let Ok(before) = before {
            let after = polydocs::content::parse_page(0, "a.md".into(), SourceFile::from_text("a.md", stamped.clone()))
                .map_err(|d| d.to_string());
            prop_assert!(after.is_ok(), "{:?}", after.as_ref().err());
            let after = after.unwrap();
            prop_assert_eq!(after.front.source_hash.as_deref(), Some(hash));
            prop_assert_eq!(&after.front.title, &before.front.title);
            prop_assert_eq!(after.body(), before.body());
        }
    }
}
