//! Hostile inputs: what translators, publishers and copy-paste accidents can put in a site.
//!
//! Each rejected input is written into its own copy of the shipped site after a first good
//! build, and the next `build` must exit with status 1 (an error, not a crash), print the
//! error code with the file and position (worked out here from the file as it was broken),
//! and leave `public/` byte-for-byte as it was, with no staging folder left behind.
//! Inputs that must be *accepted* (BOM, CRLF, an empty Fluent file, `<script>` in Markdown,
//! markup in Fluent strings...) are built and their output inspected.
//!
//! tests/errors.rs holds the ordinary mistakes (YAML syntax and types, unknown tiers, Fluent
//! and template syntax, non-UTF-8...); nothing here repeats them.

use std::os::unix::fs::symlink;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::rejection::*;
use crate::common::*;

/// Builds a good copy, changes it, and checks that the build still succeeds.
fn accepted(name: &str, change: impl FnOnce(&TempSite)) -> (TempSite, Run) {
    let site = TempSite::new(name);
    change(&site);
    let run = site.run(&["build"]);
    assert_eq!(
        run.code,
        0,
        "{name}: the build must succeed\n{}",
        run.describe()
    );
    assert_no_leftovers(&site, name);
    (site, run)
}

/// Appends `extra` to a site file (on a line of its own); returns the new text.
fn append(site: &TempSite, rel: &str, extra: &str) -> String {
    let mut text = site.read(rel);
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(extra);
    site.write(rel, &text);
    text
}

/// Inserts `line` after the first line of a site file (inside a page's front matter).
fn insert_second_line(site: &TempSite, rel: &str, line: &str) -> String {
    let text = site.read(rel);
    let first = text.find('\n').unwrap() + 1;
    let new = format!("{}{line}\n{}", &text[..first], &text[first..]);
    site.write(rel, &new);
    new
}

/// A page with a title and a body.
fn page(title: &str, body: &str) -> String {
    format!("---\ntitle: {title}\n---\n\n{body}\n")
}

/// Runs the binary with a time limit; `None` if it had to be killed.
fn run_within(site: &TempSite, args: &[&str], limit: Duration) -> Option<Run> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_polydocs"))
        .arg("--root")
        .arg(&site.root)
        .args(args)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run polydocs");
    // Drain the pipes on threads so that a talkative run cannot block on a full pipe.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut s).ok();
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut s).ok();
        s
    });
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(Run {
                code: status.code().unwrap_or(-1),
                stdout: String::from_utf8_lossy(&out.join().unwrap()).into_owned(),
                stderr: String::from_utf8_lossy(&err.join().unwrap()).into_owned(),
            });
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Every HTML file of `public/` with its text.
fn html_files(site: &TempSite) -> Vec<(String, String)> {
    snapshot(&site.public())
        .into_iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p, String::from_utf8_lossy(&b).into_owned()))
        .collect()
}

/// The attribute names of every start tag (lowercase), for finding `on*` handlers.
fn attribute_names(html: &str) -> Vec<String> {
    let mut names = Vec::new();
    let bytes = html.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' || !bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
            continue;
        }
        while i < bytes.len() && !matches!(bytes[i], b' ' | b'\n' | b'\t' | b'>') {
            i += 1;
        }
        loop {
            while i < bytes.len() && matches!(bytes[i], b' ' | b'\n' | b'\t' | b'\r' | b'/') {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == b'>' {
                break;
            }
            let start = i;
            while i < bytes.len() && !matches!(bytes[i], b' ' | b'\n' | b'\t' | b'>' | b'=' | b'/')
            {
                i += 1;
            }
            names.push(html[start..i].to_ascii_lowercase());
            if i < bytes.len() && bytes[i] == b'=' {
                i += 1;
                if i < bytes.len() && matches!(bytes[i], b'"' | b'\'') {
                    let q = bytes[i] as char;
                    i += 1;
                    i += html[i..].find(q).map_or(html.len() - i, |e| e + 1);
                } else {
                    while i < bytes.len() && !matches!(bytes[i], b' ' | b'>') {
                        i += 1;
                    }
                }
            }
        }
    }
    names
}

const HOURS_EN: &str = "content/en/hours.md";
const HOURS_FR: &str = "content/fr/hours.md";
const HOURS_ZH: &str = "content/zh-TW/hours.md";
const RESOURCES: &str = "content/resources.yaml";
const COMPARISON: &str = "content/comparison.yaml";
const TIERS: &str = "content/tiers.yaml";
const SITE: &str = "site.yaml";

// ---------------------------------------------------------------------------------------------
// Addresses in Markdown: only http, https, mailto and relative ones (code unsafe-link; the
// position is the start of the link or image).

fn unsafe_link(name: &str, file: &'static str, markdown: &str, needle: &str) {
    rejected(name, |site| {
        let text = append(site, file, &format!("\n{markdown}\n"));
        vec![Want::at("unsafe-link", file, &text, needle)]
    });
}

#[test]
fn markdown_javascript_link() {
    unsafe_link(
        "md-javascript",
        HOURS_EN,
        "See [this page](javascript:alert(document.cookie)).",
        "[this page]",
    );
}

#[test]
fn markdown_javascript_link_in_mixed_case() {
    unsafe_link(
        "md-mixed-case",
        HOURS_FR,
        "Voir [ici](JaVaScRiPt:alert(1)).",
        "[ici]",
    );
}

#[test]
fn markdown_data_image() {
    unsafe_link(
        "md-data-image",
        HOURS_ZH,
        "![圖](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![圖]",
    );
}

#[test]
fn markdown_data_link() {
    unsafe_link(
        "md-data-link",
        HOURS_EN,
        "[open](data:text/html,<script>alert(1)</script>)",
        "[open]",
    );
}

#[test]
fn markdown_vbscript_link() {
    unsafe_link(
        "md-vbscript",
        HOURS_FR,
        "[x](vbscript:msgbox(1))",
        "[x](vbscript",
    );
}

#[test]
fn markdown_link_with_entity_encoded_scheme() {
    // `&#106;` is `j`: the address is `javascript:` once decoded.
    unsafe_link(
        "md-entity",
        HOURS_EN,
        "[x](&#106;avascript:alert(1))",
        "[x](&#106;",
    );
}

#[test]
fn markdown_link_with_tab_inside_the_scheme() {
    // Browsers drop tabs from addresses: `java\tscript:` runs as `javascript:`. (The report
    // prints the tab as spaces, so the line is not compared.)
    rejected("md-tab", |site| {
        let text = append(site, HOURS_EN, "\n[x](<java\tscript:alert(1)>)\n");
        let (line, col) = locate(&text, "[x](<java");
        vec![Want::Near {
            code: "unsafe-link",
            file: HOURS_EN.into(),
            lines: line..=line,
            cols: col..=col,
        }]
    });
}

#[test]
fn markdown_autolink_to_javascript() {
    unsafe_link(
        "md-autolink",
        HOURS_FR,
        "Cliquez <javascript:alert(1)> ici.",
        "<javascript:",
    );
}

#[test]
fn markdown_reference_definition_to_javascript() {
    unsafe_link(
        "md-reference",
        HOURS_EN,
        "Read [the notes][n] first.\n\n[n]: javascript:alert(1)",
        "[the notes][n]",
    );
}

// ---------------------------------------------------------------------------------------------
// Addresses in plan data (code bad-url, at the value).

#[test]
fn resource_javascript_url() {
    rejected("resource-javascript", |site| {
        let text = site.replace_once(
            RESOURCES,
            "url: https://training.adobe.com/training/",
            "url: javascript:alert(document.cookie)",
        );
        vec![Want::at("bad-url", RESOURCES, &text, "javascript:alert")]
    });
}

#[test]
fn resource_data_url_for_one_language() {
    rejected("resource-data", |site| {
        let text = site.replace_once(
            RESOURCES,
            "fr: https://experienceleague.adobe.com/?lang=fr",
            "fr: \"data:text/html,<script>alert(1)</script>\"",
        );
        // A quoted value is pointed at from its opening quote.
        vec![Want::at("bad-url", RESOURCES, &text, "\"data:text/html")]
    });
}

#[test]
fn resource_url_that_would_close_its_attribute() {
    rejected("resource-quote", |site| {
        let text = site.replace_once(
            RESOURCES,
            "url: https://status.adobe.com/",
            "url: 'https://status.example/\"><script>alert(1)</script>'",
        );
        vec![Want::at(
            "bad-url",
            RESOURCES,
            &text,
            "'https://status.example",
        )]
    });
}

// ---------------------------------------------------------------------------------------------
// Limits: alias expansion, nesting, line length, file size.

/// `[&a [lol x9], &b [*a x9], ... &j [*i x9]]`: 9^10 nodes once expanded.
fn billion_laughs() -> String {
    let mut items = vec!["&a [lol, lol, lol, lol, lol, lol, lol, lol, lol]".to_string()];
    for (prev, name) in ('a'..'j').zip('b'..='j') {
        items.push(format!(
            "&{name} [{}]",
            vec![format!("*{prev}"); 9].join(", ")
        ));
    }
    format!("[{}]", items.join(", "))
}

#[test]
fn billion_laughs_in_front_matter() {
    // Keys a translation platform writes are accepted and ignored: serde still has to walk
    // the value, which is where the aliases would expand.
    let run = rejected("laughs-front-matter", |site| {
        let line = format!("ht-degree: {}", billion_laughs());
        let text = insert_second_line(site, HOURS_FR, &line);
        let (l, _) = locate(&text, "ht-degree:");
        vec![Want::Near {
            code: "yaml-limit",
            file: HOURS_FR.into(),
            lines: l..=l,
            cols: 1..=line.chars().count() + 1,
        }]
    });
    assert!(
        run.stderr.len() < 20_000,
        "a short report: {}",
        run.stderr.len()
    );
}

#[test]
fn billion_laughs_in_site_yaml() {
    // `fallback:` is one code or a list: serde buffers the value to try both.
    rejected("laughs-site", |site| {
        let line = format!("    fallback: {}", billion_laughs());
        let text = site.replace_once(
            SITE,
            "    name: Français\n",
            &format!("    name: Français\n{line}\n"),
        );
        let (l, _) = locate(&text, "    fallback:");
        vec![Want::Near {
            code: "yaml-limit",
            file: SITE.into(),
            lines: l..=l,
            cols: 1..=line.chars().count() + 1,
        }]
    });
}

#[test]
fn ten_thousand_nested_brackets() {
    rejected("deep-flow", |site| {
        let brackets = "[".repeat(10_000);
        let text = site.replace_once(
            COMPARISON,
            "tiers: { business: included }",
            &format!("tiers: {{ business: {brackets} }}"),
        );
        let (l, c) = locate(&text, "[[[");
        vec![Want::Near {
            code: "yaml-limit",
            file: COMPARISON.into(),
            lines: l..=l,
            cols: c..=c + 10_000,
        }]
    });
}

#[test]
fn two_thousand_nested_block_sequences() {
    rejected("deep-block", |site| {
        let nested: String = (0..2000)
            .map(|i| format!("{}- \n", " ".repeat(i)))
            .collect();
        let text = insert_second_line(site, HOURS_EN, &format!("ht-degree:\n{nested}"));
        let (first, _) = locate(&text, "ht-degree:");
        vec![Want::Near {
            code: "yaml-limit",
            file: HOURS_EN.into(),
            lines: first..=first + 2000,
            cols: 1..=2002,
        }]
    });
}

#[test]
fn error_at_the_end_of_a_four_mib_line() {
    let run = rejected("huge-line", |site| {
        let long = "a".repeat(4 << 20);
        let text = site.replace_once(TIERS, "paid-banner: ", &format!("paid-banner: {long}: x "));
        // `a: b: c`: the second colon, right after the long run of `a`.
        let (l, c) = locate(&text, "a: x ");
        vec![Want::Near {
            code: "yaml-syntax",
            file: TIERS.into(),
            lines: l..=l,
            cols: c + 1..=c + 1,
        }]
    });
    // The line is shown around the caret, not whole.
    assert!(
        run.stderr.len() < 5_000,
        "stderr holds {} bytes",
        run.stderr.len()
    );
}

#[test]
fn twenty_mib_page() {
    rejected("big-page", |site| {
        let line = format!("{}\n", "x".repeat(1023));
        let text = format!("---\ntitle: Big\n---\n{}", line.repeat(20 << 10));
        site.write("content/fr/big.md", &text);
        vec![Want::file("file-too-large", "content/fr/big.md")]
    });
}

#[test]
fn seventeen_mib_data_file() {
    rejected("big-data", |site| {
        let mut text = site.read("content/regions.yaml");
        text.push_str(&format!("# {}\n", "x".repeat(17 << 20)));
        site.write("content/regions.yaml", &text);
        vec![Want::file("file-too-large", "content/regions.yaml")]
    });
}

#[test]
fn fluent_with_a_hundred_thousand_nested_placeables() {
    // Must be a positioned error, not a stack overflow.
    rejected("deep-fluent", |site| {
        let text = append(
            site,
            "locales/fr/ui.ftl",
            &format!("nested-trap = {}\n", "{ ".repeat(100_000)),
        );
        let (l, _) = locate(&text, "nested-trap =");
        vec![Want::Near {
            code: "*",
            file: "locales/fr/ui.ftl".into(),
            lines: l..=l + 1,
            cols: 1..=200_001,
        }]
    });
}

// ---------------------------------------------------------------------------------------------
// Symbolic links: reported, never followed (code symlink, naming the link).

#[test]
fn symbolic_link_loops_in_content() {
    rejected("symlink-loop", |site| {
        symlink("loop.md", site.path("content/en/loop.md")).unwrap();
        symlink("b", site.path("content/en/docs/a")).unwrap();
        symlink("a", site.path("content/en/docs/b")).unwrap();
        vec![
            Want::file("symlink", "content/en/loop.md"),
            Want::file("symlink", "content/en/docs/a"),
            Want::file("symlink", "content/en/docs/b"),
        ]
    });
}

#[test]
fn symbolic_link_to_etc_passwd_in_content() {
    let run = rejected("symlink-passwd-content", |site| {
        symlink("/etc/passwd", site.path("content/en/docs/passwd.md")).unwrap();
        vec![Want::file("symlink", "content/en/docs/passwd.md")]
    });
    assert!(
        !run.stderr.contains("root:"),
        "nothing of the file is shown\n{}",
        run.stderr
    );
}

#[test]
fn symbolic_link_to_etc_passwd_in_locales() {
    let run = rejected("symlink-passwd-locales", |site| {
        symlink("/etc/passwd", site.path("locales/fr/passwd.ftl")).unwrap();
        vec![Want::file("symlink", "locales/fr/passwd.ftl")]
    });
    assert!(
        !run.stderr.contains("root:"),
        "nothing of the file is shown\n{}",
        run.stderr
    );
}

#[test]
fn language_folder_that_is_a_link_to_etc() {
    let run = rejected("symlink-language-folder", |site| {
        std::fs::remove_dir_all(site.path("content/fr")).unwrap();
        symlink("/etc", site.path("content/fr")).unwrap();
        vec![Want::file("symlink", "content/fr")]
    });
    // The link itself is reported; what it leads to is not walked.
    let others: Vec<_> = diagnostics(&run.stderr)
        .into_iter()
        .filter(|(_, loc)| loc.starts_with("content/fr/"))
        .collect();
    assert!(
        others.is_empty(),
        "files behind the link were read: {others:?}\n{}",
        run.stderr
    );
}

#[test]
fn symbolic_link_to_a_page_inside_the_site_is_a_warning() {
    let (site, run) = accepted("symlink-inside", |site| {
        symlink("../hours.md", site.path("content/en/docs/hours-again.md")).unwrap();
    });
    assert!(
        run.stderr.contains("warning[symlink]")
            && run.stderr.contains("content/en/docs/hours-again.md"),
        "the link is reported\n{}",
        run.stderr
    );
    assert!(
        !site.public().join("en/docs/hours-again").exists(),
        "a link is not followed"
    );
}

#[test]
fn static_folder_linked_outside_the_site_is_not_published() {
    let site = TempSite::new("symlink-static");
    let outside = site.base().join("outside");
    copy_recursive(&site.path("static"), &outside);
    std::fs::write(outside.join("secret.txt"), "SECRET-NOT-TO-PUBLISH\n").unwrap();
    std::fs::remove_dir_all(site.path("static")).unwrap();
    symlink(&outside, site.path("static")).unwrap();
    let run = site.run(&["build"]);
    let published = snapshot(&site.public())
        .into_iter()
        .any(|(_, bytes)| String::from_utf8_lossy(&bytes).contains("SECRET-NOT-TO-PUBLISH"));
    assert!(
        !published,
        "a file outside the site was published\n{}",
        run.describe()
    );
    assert!(
        run.stderr.contains("symlink") && run.stderr.contains("static"),
        "the link is reported\n{}",
        run.describe()
    );
}

#[test]
fn symbolic_link_inside_static_is_reported_and_not_published() {
    let (site, run) = accepted("symlink-static-inside", |site| {
        symlink("../site.yaml", site.path("static/site-copy.yaml")).unwrap();
    });
    assert!(
        run.stderr.contains("warning[symlink]") && run.stderr.contains("static/site-copy.yaml"),
        "the link is reported\n{}",
        run.stderr
    );
    assert!(!site.public().join("static/site-copy.yaml").exists());
}

#[test]
fn site_yaml_linked_outside_the_site() {
    let run = rejected("symlink-site-yaml", |site| {
        let outside = site.base().join("elsewhere.yaml");
        std::fs::rename(site.path(SITE), &outside).unwrap();
        symlink(&outside, site.path(SITE)).unwrap();
        vec![Want::file("symlink", SITE)]
    });
    assert!(run.stderr.contains("outside the site"), "{}", run.stderr);
}

#[test]
fn plan_file_linked_to_etc_passwd() {
    let run = rejected("symlink-plan", |site| {
        std::fs::remove_file(site.path(TIERS)).unwrap();
        symlink("/etc/passwd", site.path(TIERS)).unwrap();
        vec![Want::file("symlink", TIERS)]
    });
    assert!(!run.stderr.contains("root:"), "{}", run.stderr);
}

#[test]
fn plan_file_that_is_a_dangling_link() {
    rejected("symlink-plan-dangling", |site| {
        std::fs::remove_file(site.path(RESOURCES)).unwrap();
        symlink("nowhere.yaml", site.path(RESOURCES)).unwrap();
        vec![Want::file("symlink", RESOURCES)]
    });
}

#[test]
fn plan_file_linked_inside_the_site_is_read() {
    // A named file may be a link to another file of the site: it stays inside.
    let (site, _) = accepted("symlink-plan-inside", |site| {
        std::fs::rename(site.path(TIERS), site.path("content/tiers-source.yaml")).unwrap();
        symlink("tiers-source.yaml", site.path(TIERS)).unwrap();
    });
    assert!(site.page("en/index.html").contains("Business"));
}

#[test]
fn mark_does_not_write_through_a_link_outside_the_site() {
    let site = TempSite::new("symlink-lock");
    let outside = site.base().join("outside.lock");
    std::fs::write(&outside, "# not polydocs\n").unwrap();
    let _ = std::fs::remove_file(site.path("locales/fr/translations.lock"));
    symlink(&outside, site.path("locales/fr/translations.lock")).unwrap();
    let run = site.run(&["mark", "fr", "--all"]);
    assert_eq!(run.code, 1, "{}", run.describe());
    assert!(
        run.stderr.contains("locales/fr/translations.lock") && run.stderr.contains("symlink"),
        "{}",
        run.describe()
    );
    assert_eq!(
        std::fs::read_to_string(&outside).unwrap(),
        "# not polydocs\n",
        "the file outside the site is untouched"
    );
}

// ---------------------------------------------------------------------------------------------
// Page names and addresses.

fn bad_page_name(name: &str, rel: &str) {
    rejected(name, |site| {
        let path = site.path(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, page("A page", "Body.")).unwrap();
        vec![Want::file("bad-page-name", rel)]
    });
}

#[test]
fn page_name_with_uppercase() {
    bad_page_name("name-upper", "content/en/docs/Setup.md");
}

#[test]
fn folder_name_with_uppercase() {
    bad_page_name("name-upper-folder", "content/fr/Guides/a.md");
}

#[test]
fn page_name_with_a_space() {
    bad_page_name("name-space", "content/en/my page.md");
}

#[test]
fn page_names_made_of_dots() {
    bad_page_name("name-dot", "content/en/..md");
    bad_page_name("name-dots-folder", "content/en/.../x.md");
}

#[test]
fn page_name_with_unicode() {
    bad_page_name("name-unicode", "content/zh-TW/docs/指南.md");
}

#[test]
fn two_pages_at_one_address() {
    let run = rejected("collision", |site| {
        std::fs::write(site.path("content/en/docs/a.md"), page("A", "One.")).unwrap();
        std::fs::create_dir_all(site.path("content/en/docs/a")).unwrap();
        std::fs::write(site.path("content/en/docs/a/_index.md"), page("A", "Two.")).unwrap();
        vec![Want::File {
            code: "page-collision",
            files: vec![
                "content/en/docs/a.md".into(),
                "content/en/docs/a/_index.md".into(),
            ],
        }]
    });
    assert!(run.stderr.contains("docs/a.md") && run.stderr.contains("docs/a/_index.md"));
}

// ---------------------------------------------------------------------------------------------
// site.yaml.

/// Replaces `from` by `to` (a `key: value` line) and expects `code` at the new value.
fn bad_site(name: &str, from: &str, to: &str, code: &'static str) -> Run {
    rejected(name, |site| {
        let text = site.replace_once(SITE, from, to);
        vec![Want::at_value(code, SITE, &text, to.trim_start())]
    })
}

#[test]
fn language_prefix_dot_dot() {
    bad_site(
        "prefix-dotdot",
        "prefix: zh-tw",
        "prefix: \"..\"",
        "bad-prefix",
    );
}

#[test]
fn language_prefix_static() {
    // `static/` holds the site's own files.
    bad_site(
        "prefix-static",
        "prefix: zh-tw",
        "prefix: static",
        "duplicate-prefix",
    );
}

#[test]
fn language_prefix_uppercase() {
    bad_site("prefix-upper", "prefix: zh-tw", "prefix: ZH", "bad-prefix");
}

#[test]
fn language_prefix_taken_twice() {
    bad_site(
        "prefix-twice",
        "prefix: zh-tw",
        "prefix: fr",
        "duplicate-prefix",
    );
}

#[test]
fn language_code_with_a_slash() {
    // The code is also the default prefix, so `bad-prefix` is reported at the same place.
    let run = rejected("code-slash", |site| {
        let text = site.replace_once(SITE, "- code: fr\n", "- code: ../fr\n");
        let (line, col) = locate(&text, "../fr");
        vec![Want::Near {
            code: "bad-language-code",
            file: SITE.into(),
            lines: line..=line,
            cols: col..=col,
        }]
    });
    assert!(
        run.stderr.contains("`../fr` is not a usable language code"),
        "{}",
        run.stderr
    );
}

/// `init` and `new-language` refuse a code that is no BCP 47 tag: site.yaml refuses it too.
#[test]
fn language_code_that_is_no_bcp47_tag() {
    let run = rejected("code-no-tag", |site| {
        let text = site.replace_once(SITE, "- code: fr\n", "- code: fr-abc\n");
        let (line, col) = locate(&text, "fr-abc");
        vec![Want::Near {
            code: "bad-language-code",
            file: SITE.into(),
            lines: line..=line,
            cols: col..=col,
        }]
    });
    assert!(
        run.stderr
            .contains("`fr-abc` is not a usable language code"),
        "{}",
        run.stderr
    );
}

#[test]
fn language_tag_with_markup() {
    bad_site(
        "tag-markup",
        "tag: zh-Hant-TW",
        "tag: \"zh\\\"><script>\"",
        "bad-language-tag",
    );
}

#[test]
fn base_url_javascript() {
    bad_site(
        "base-url-js",
        "base_url: https://support.example.com/plans/",
        "base_url: javascript:alert(1)",
        "bad-base-url",
    );
}

#[test]
fn language_listed_twice() {
    rejected("language-twice", |site| {
        let text = append(
            site,
            SITE,
            "  - code: fr\n    tag: fr\n    name: Encore\n    prefix: fr2\n",
        );
        let second = text.rfind("  - code: fr\n").unwrap() + "  - code: ".len();
        let (line, col) = position_of_offset(&text, second);
        vec![Want::At {
            code: "duplicate-language",
            file: SITE.into(),
            line,
            col,
            source_line: "  - code: fr".into(),
        }]
    });
}

#[test]
fn default_language_not_listed() {
    bad_site(
        "default-missing",
        "default_language: en",
        "default_language: de",
        "unknown-language",
    );
}

#[test]
fn empty_site_yaml() {
    rejected("site-empty", |site| {
        site.write(SITE, "");
        vec![Want::At {
            code: "yaml-type",
            file: SITE.into(),
            line: 1,
            col: 1,
            source_line: String::new(),
        }]
    });
}

#[test]
fn site_yaml_that_is_a_list() {
    rejected("site-list", |site| {
        let text = "- code: en\n  tag: en\n- code: fr\n";
        site.write(SITE, text);
        vec![Want::at("yaml-type", SITE, text, "- code: en")]
    });
}

#[test]
fn site_yaml_with_old_mac_line_endings() {
    // A lone CR ends a line for YAML and for editors: the error must point at a line that
    // exists, and show it.
    rejected("site-cr", |site| {
        let text = site
            .read(SITE)
            .replace("default_language: en", "default_language: de")
            .replace('\n', "\r");
        site.write(SITE, &text);
        let lines: Vec<&str> = text.split('\r').collect();
        let line = lines
            .iter()
            .position(|l| l.starts_with("default_language"))
            .unwrap()
            + 1;
        vec![Want::At {
            code: "unknown-language",
            file: SITE.into(),
            line,
            col: "default_language: ".len() + 1,
            source_line: "default_language: de".into(),
        }]
    });
}

// ---------------------------------------------------------------------------------------------
// Front matter and templates.

#[test]
fn tier_page_for_a_tier_that_does_not_exist() {
    rejected("tier-nope", |site| {
        let rel = "content/fr/tiers/online.md";
        let text = site.replace_once(rel, "tier: online", "tier: nope");
        vec![Want::at(
            "unknown-tier",
            "content/fr/tiers/online.md",
            &text,
            "nope",
        )]
    });
}

#[test]
fn template_path_leaving_the_templates_folder() {
    rejected("template-traversal", |site| {
        let rel = "content/en/docs/_index.md";
        let text = insert_second_line(site, rel, "template: ../../etc/passwd");
        vec![Want::at("unknown-template", rel, &text, "../../etc/passwd")]
    });
}

#[test]
fn template_that_does_not_exist() {
    rejected("template-missing", |site| {
        let rel = "content/zh-TW/docs/_index.md";
        let text = insert_second_line(site, rel, "template: nope.html");
        vec![Want::at("unknown-template", rel, &text, "nope.html")]
    });
}

#[test]
fn nul_byte_in_front_matter() {
    rejected("nul-front-matter", |site| {
        let text =
            site.read(HOURS_EN)
                .replacen("title: Regional hours", "title: Regional\0hours", 1);
        site.write(HOURS_EN, &text);
        let offset = text.find('\0').unwrap();
        let (line, col) = position_of_offset(&text, offset);
        // The report shows the NUL as a visible symbol, so the line is not compared.
        vec![Want::Near {
            code: "yaml-syntax",
            file: HOURS_EN.into(),
            lines: line..=line,
            cols: col..=col,
        }]
    });
}

#[test]
fn template_that_includes_itself() {
    rejected("template-include-loop", |site| {
        site.write(
            "templates/partials/loop.html",
            "x{% include \"partials/loop.html\" %}\n",
        );
        site.replace_once(
            "templates/page.html",
            "<h1>{{ page.title }}</h1>",
            "<h1>{{ page.title }}</h1>{% include \"partials/loop.html\" %}",
        );
        vec![Want::Near {
            code: "*",
            file: "templates/partials/loop.html".into(),
            lines: 1..=1,
            cols: 1..=40,
        }]
    });
}

#[test]
fn templates_that_include_each_other() {
    let run = rejected("template-include-pair", |site| {
        site.write(
            "templates/partials/a.html",
            "a{% include \"partials/b.html\" %}\n",
        );
        let b = "b\n  {% include \"partials/a.html\" %}\n";
        site.write("templates/partials/b.html", b);
        site.replace_once(
            "templates/page.html",
            "<h1>{{ page.title }}</h1>",
            "<h1>{{ page.title }}</h1>{% include \"partials/a.html\" %}",
        );
        // The include that closes the loop, wherever Tera starts following it.
        vec![]
    });
    let found = diagnostics(&run.stderr);
    assert!(
        found.iter().any(|(code, loc)| code == "template-cycle"
            && (loc == "templates/partials/b.html:2:3" || loc == "templates/partials/a.html:1:2")),
        "{}",
        run.stderr
    );
}

#[test]
fn template_including_a_missing_template() {
    rejected("template-include-missing", |site| {
        let text = site.replace_once(
            "templates/page.html",
            "<h1>{{ page.title }}</h1>",
            "<h1>{{ page.title }}</h1>{% include \"partials/nope.html\" %}",
        );
        vec![Want::at(
            "template-not-found",
            "templates/page.html",
            &text,
            "\"partials/nope.html\"",
        )]
    });
}

#[test]
fn template_that_extends_itself() {
    rejected("template-extends-loop", |site| {
        site.replace_once(
            "templates/page.html",
            "{% extends \"base.html\" %}",
            "{% extends \"page.html\" %}",
        );
        vec![Want::Near {
            code: "*",
            file: "templates/page.html".into(),
            lines: 1..=1,
            cols: 1..=30,
        }]
    });
}

#[test]
fn template_asking_for_an_unknown_message() {
    rejected("template-unknown-message", |site| {
        let text = site.replace_once(
            "templates/page.html",
            "<h1>{{ page.title }}</h1>",
            "<h1>{{ page.title }}</h1><p>{{ t(id=\"no-such-message\") }}</p>",
        );
        vec![Want::at(
            "unknown-message",
            "templates/page.html",
            &text,
            "no-such-message",
        )]
    });
}

// ---------------------------------------------------------------------------------------------
// Fluent.

#[test]
fn message_used_by_data_defined_only_with_a_syntax_error() {
    rejected("fluent-broken-definition", |site| {
        let rel = "locales/en/plan.ftl";
        let text = site.replace_once(
            rel,
            "tier-online = Online support\n",
            "tier-online = Online { support\n",
        );
        // The placeable is not closed: the error points at its `{`, not at the next line
        // where the parser gave up.
        let offset =
            text.find("tier-online = Online { support\n").unwrap() + "tier-online = Online ".len();
        let (line, col) = position_of_offset(&text, offset);
        vec![Want::At {
            code: "fluent-syntax",
            file: rel.into(),
            line,
            col,
            source_line: line_of(&text, line).to_string(),
        }]
    });
}

/// A hundred thousand nested calls: the Fluent parser recurses once per level and would
/// overflow the stack; the file is refused at the call that nests too deep, not parsed.
#[test]
fn a_hundred_thousand_nested_function_calls() {
    rejected("fluent-deep-calls", |site| {
        let rel = "locales/fr/ui.ftl";
        let calls = "NUMBER(".repeat(100_000);
        let text = site.replace_once(
            rel,
            "footer-note = Ce site est proposé en plusieurs langues.\n",
            &format!("footer-note = {{ {calls} }}\n"),
        );
        let (line, _) = locate(&text, "footer-note = {");
        vec![Want::Near {
            code: "fluent-too-deep",
            file: rel.into(),
            lines: line..=line,
            cols: 1..=800_000,
        }]
    });
}

#[test]
fn message_that_refers_to_itself() {
    rejected("fluent-cycle", |site| {
        let text = site.replace_once(
            "locales/fr/ui.ftl",
            "\nfooter-note = ",
            "\nfooter-note = { footer-note }\nold-footer-note = ",
        );
        // At the message, where the translator can mend it (not at a template using it).
        vec![Want::at(
            "message-cycle",
            "locales/fr/ui.ftl",
            &text,
            "footer-note = { footer-note }",
        )]
    });
}

#[test]
fn messages_that_refer_to_each_other() {
    rejected("fluent-cycle-pair", |site| {
        let text = append(
            site,
            "locales/zh-TW/ui.ftl",
            "ping = { pong }\npong = { ping }\n",
        );
        vec![
            Want::at("message-cycle", "locales/zh-TW/ui.ftl", &text, "ping = "),
            Want::at("message-cycle", "locales/zh-TW/ui.ftl", &text, "pong = "),
        ]
    });
}

#[test]
fn message_that_expands_exponentially() {
    rejected("fluent-laughs", |site| {
        let mut lols = String::from("lol0 = lol lol lol lol lol lol lol lol lol lol\n");
        for i in 1..10 {
            lols.push_str(&format!(
                "lol{i} = {}\n",
                format!("{{ lol{} }}", i - 1).repeat(10)
            ));
        }
        site.replace_once(
            "locales/fr/ui.ftl",
            "\nfooter-note = ",
            "\nfooter-note = { lol9 }\nold-footer-note = ",
        );
        let text = append(site, "locales/fr/ui.ftl", &lols);
        vec![
            Want::at("message-too-large", "locales/fr/ui.ftl", &text, "lol9 = "),
            Want::at(
                "message-too-large",
                "locales/fr/ui.ftl",
                &text,
                "footer-note = { lol9 }",
            ),
        ]
    });
}

// ---------------------------------------------------------------------------------------------
// Accepted: escaped, sanitized, or simply fine.

#[test]
fn script_in_markdown_is_sanitized() {
    let (site, _) = accepted("md-script", |site| {
        append(
            site,
            HOURS_EN,
            "\n<script>alert('from-markdown')</script>\n\n\
             <img src=x onerror=\"alert('img')\"> <p onclick=\"alert('p')\">hi</p> \
             <a href=\"javascript:alert('a')\">raw link</a> <iframe src=\"https://evil.example/\"></iframe>\n\n\
             ## Heading {#kept-id onmouseover=alert(1)}\n",
        );
    });
    let html = site.page("en/hours/index.html");
    // The theme's inline script in <head> (the colour scheme) is its own, as written.
    let scheme = html
        .find("<script>{let r=document.documentElement.dataset,k=\"scheme\";")
        .expect("the scheme script");
    let scheme_end = scheme + html[scheme..].find("</script>").unwrap() + "</script>".len();
    assert!(scheme_end < html.find("<body>").unwrap());
    let html = format!("{}{}", &html[..scheme], &html[scheme_end..]);
    // The only other script is the site's own search (under its fingerprinted name).
    let own = r#"<script src="../../static/search."#;
    let at = html.find(own).expect("the site's search script");
    let end = at + html[at..].find("</script>").unwrap() + "</script>".len();
    assert!(html[at..end].ends_with(r#".js" defer></script>"#));
    let html = format!("{}{}", &html[..at], &html[end..]);
    assert!(!html.contains("<script"), "{html}");
    assert!(
        !html.contains("from-markdown"),
        "the script's text is dropped too"
    );
    assert!(!html.contains("<iframe"), "{html}");
    assert!(!html.to_ascii_lowercase().contains("javascript:"), "{html}");
    let handlers: Vec<String> = attribute_names(&html)
        .into_iter()
        .filter(|a| a.starts_with("on"))
        .collect();
    assert!(
        handlers.is_empty(),
        "event attributes published: {handlers:?}"
    );
    assert!(html.contains("id=\"kept-id\""), "the heading keeps its id");
    assert!(html.contains(">raw link</a>"), "the link's text stays");
}

#[test]
fn raw_html_allowed_for_a_language_is_kept() {
    let (site, _) = accepted("md-raw-html", |site| {
        site.replace_once(
            SITE,
            "    name: Français\n",
            "    name: Français\n    raw_html: true\n",
        );
        append(
            site,
            HOURS_FR,
            "\n<div class=\"widget\" onclick=\"track()\">widget</div>\n",
        );
        append(
            site,
            HOURS_EN,
            "\n<div class=\"widget\" onclick=\"track()\">widget</div>\n",
        );
    });
    let fr = site.page("fr/hours/index.html");
    assert!(
        fr.contains("<div class=\"widget\" onclick=\"track()\">widget</div>"),
        "{fr}"
    );
    let en = site.page("en/hours/index.html");
    assert!(
        en.contains(">widget</div>") && !en.contains("onclick"),
        "{en}"
    );
}

#[test]
fn markup_in_fluent_strings_and_front_matter_is_escaped() {
    const MARKUP: &str = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";
    let (site, _) = accepted("fluent-markup", |site| {
        for (rel, id) in [
            ("locales/en/ui.ftl", "footer-note"),
            ("locales/en/ui.ftl", "site-description"),
            ("locales/en/ui.ftl", "language-switcher-label"),
            ("locales/en/ui.ftl", "table-label"),
            ("locales/en/plan.ftl", "tier-online"),
        ] {
            let text = site.read(rel);
            let start = text.find(&format!("\n{id} = ")).unwrap() + 1;
            let end = start + text[start..].find('\n').unwrap();
            site.write(
                rel,
                &format!("{}{id} = {MARKUP}{}", &text[..start], &text[end..]),
            );
        }
        site.replace_once(
            HOURS_EN,
            "title: Regional hours",
            &format!("title: '{MARKUP}'"),
        );
        append(site, HOURS_EN, "\n| a | b |\n|---|---|\n| 1 | 2 |\n");
    });
    for (path, html) in html_files(&site) {
        if !path.starts_with("en/") {
            continue;
        }
        assert!(
            !html.contains("<img src=x"),
            "{path}: markup from a string opened a tag"
        );
        assert!(
            !html.contains("<script>alert(1)"),
            "{path}: a string opened a script"
        );
        let handlers: Vec<String> = attribute_names(&html)
            .into_iter()
            .filter(|a| a.starts_with("on"))
            .collect();
        assert!(handlers.is_empty(), "{path}: event attributes {handlers:?}");
    }
    let hours = site.page("en/hours/index.html");
    assert!(
        hours.contains("&lt;script&gt;"),
        "the text is shown, escaped"
    );
    assert!(
        hours.contains("aria-label=\"&lt;script&gt;"),
        "the table label is escaped in its attribute"
    );
}

#[test]
fn byte_order_marks_and_crlf_line_endings_work() {
    let (site, _) = accepted("bom-crlf", |site| {
        for rel in [
            SITE,
            TIERS,
            COMPARISON,
            "locales/fr/ui.ftl",
            "locales/en/plan.ftl",
            HOURS_FR,
            "content/en/docs/_index.md",
            "templates/page.html",
        ] {
            let text = site.read(rel).replace('\n', "\r\n");
            site.write(rel, &format!("\u{feff}{text}"));
        }
    });
    for (path, html) in html_files(&site) {
        assert!(
            !html.contains('\u{feff}'),
            "{path}: a byte-order mark was published"
        );
    }
    let fr = site.page("fr/hours/index.html");
    assert!(
        text_of(&fr).contains("Horaires"),
        "the page of a BOM+CRLF file"
    );
    let en = site.page("en/compare/index.html");
    assert!(
        text_of(&en).contains("Online support"),
        "plan data read from a BOM+CRLF file"
    );
}

#[test]
fn nul_byte_in_a_page_body_is_not_published() {
    let (site, _) = accepted("nul-body", |site| {
        append(site, HOURS_EN, "A NUL \0 byte in the text.\n");
    });
    let html = site.page("en/hours/index.html");
    assert!(!html.contains('\0'), "NUL published");
    assert!(html.contains("A NUL"), "the paragraph is there");
}

#[test]
fn empty_fluent_file_works() {
    accepted("empty-ftl", |site| {
        site.write("locales/fr/empty.ftl", "");
        site.write("locales/zh-TW/blank.ftl", "\n\n   \n");
    });
}

#[test]
fn deep_markdown_nesting_is_refused_in_bounded_time() {
    let site = TempSite::new("md-deep");
    site.build_ok();
    let before = snapshot(&site.public());
    let text = append(
        &site,
        HOURS_EN,
        &format!(
            "\n{} deep quote\n\n{}deep list\n\n{}numbered\n",
            ">".repeat(100_000),
            "- ".repeat(100_000),
            "1. ".repeat(50_000)
        ),
    );
    let run = run_within(&site, &["build"], Duration::from_secs(60))
        .expect("the build did not finish within 60 s");
    assert_eq!(run.code, 1, "{}", run.describe());
    // The first level past the limit, inside the run of `>`.
    let (line, _) = locate(&text, ">>>>");
    check_want(
        "md-deep",
        &run.stderr,
        &Want::Near {
            code: "markdown-too-deep",
            file: HOURS_EN.into(),
            lines: line..=line,
            cols: 100..=140,
        },
    );
    assert_same_tree(&before, &snapshot(&site.public()), "md-deep");
}

#[test]
fn nesting_at_the_limit_still_builds() {
    // 60 nested lists are 120 levels (list and item), under the limit of 128.
    let (site, _) = accepted("md-nesting-ok", |site| {
        let mut list = String::from("\n");
        for level in 0..60 {
            list.push_str(&format!("{}- level {level}\n", "  ".repeat(level)));
        }
        append(site, HOURS_EN, &list);
    });
    assert!(site.page("en/hours/index.html").contains("level 59"));
}

#[test]
fn deep_markdown_nesting_with_raw_html_builds_in_bounded_time() {
    // With raw HTML the page goes through the sanitizer, which must not take time in the
    // square of the nesting depth.
    let site = TempSite::new("md-deep-html");
    site.build_ok();
    let before = snapshot(&site.public());
    append(
        &site,
        HOURS_EN,
        &format!("\n{} deep <b>bold</b>\n", ">".repeat(100_000)),
    );
    let run = run_within(&site, &["build"], Duration::from_secs(30));
    let Some(run) = run else {
        assert_same_tree(
            &before,
            &snapshot(&site.public()),
            "md-deep-html: after the kill",
        );
        panic!("the build of a 100 KB page did not finish within 30 s");
    };
    // A clear error for a page nested too deep would do as well as a build.
    assert!(run.code == 0 || run.code == 1, "{}", run.describe());
    if run.code == 1 {
        check_want(
            "md-deep-html",
            &run.stderr,
            &Want::Near {
                code: "*",
                file: HOURS_EN.into(),
                lines: 1..=10_000,
                cols: 1..=100_100,
            },
        );
    }
}

#[test]
fn check_reports_unsafe_links_as_build_does() {
    let site = TempSite::new("check-unsafe-link");
    let text = append(&site, HOURS_EN, "\n[x](javascript:alert(1))\n");
    let (line, col) = locate(&text, "[x](javascript");
    let run = site.run(&["check"]);
    assert_eq!(
        run.code,
        1,
        "`check` must find what `build` refuses\n{}",
        run.describe()
    );
    assert_diagnostic(
        &run.stderr,
        "unsafe-link",
        HOURS_EN,
        line,
        col,
        line_of(&text, line),
    );
}

// ---------------------------------------------------------------------------------------------
// Regressions found by fuzzing (fuzz/), on the library directly.

mod fuzz_regressions {
    use polydocs::source::SourceFile;

    /// fuzz target `site_config`: serde-saphyr counts a lone `\r` as a line break and
    /// `SourceFile` did not, so the error pointed past the end of the file with an empty excerpt.
    #[test]
    fn position_in_a_file_with_lone_carriage_returns() {
        let src = SourceFile::from_text(
            "site.yaml",
            "base_url: /\rdefault_language: de\rlanguages:\r  - {code: en, tag: en, name: English}\r",
        );
        let errors = polydocs::config::parse(&src).unwrap_err();
        let d = &errors[0];
        assert_eq!(d.code, polydocs::diagnostic::Code::UnknownLanguage);
        let (line, _) = d.excerpt.clone().unwrap();
        assert_eq!(
            line,
            "default_language: de",
            "the diagnostic at {} shows the line it points at",
            d.location()
        );
    }
}
