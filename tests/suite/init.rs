//! `polydocs init` and the theme the binary carries: a new site builds at once, strictly, in
//! the languages asked for; bad input writes nothing; `--example` is the shipped site; a
//! site without templates/ or static/ gets the theme's, and its own files replace them.

use std::path::{Path, PathBuf};

use crate::common::{
    Run, SITE_PARTS, TempDir, TempSite, assert_same_tree, files_under, polydocs_in, shipped_root,
    snapshot,
};

/// Runs `polydocs init mysite <args>` in a fresh folder; returns the folder and the site.
fn init(name: &str, args: &[&str]) -> (TempDir, PathBuf, Run) {
    let dir = TempDir::new(name);
    let mut all = vec!["init", "mysite"];
    all.extend(args);
    let run = polydocs_in(&dir.path, &all);
    let site = dir.path.join("mysite");
    (dir, site, run)
}

fn ok(run: &Run, what: &str) {
    assert_eq!(run.code, 0, "{what} should succeed\n{}", run.describe());
}

/// Builds strictly, and checks with every warning counted as an error — but the one that
/// says a site made without `--base-url` has no address yet (and so no sitemap).
fn builds_strictly(site: &Path) {
    ok(&polydocs_in(site, &["build", "--strict"]), "build --strict");
    let yaml = read(&site.join("site.yaml"));
    if yaml.lines().any(|l| l.trim() == "base_url: /") {
        let check = polydocs_in(site, &["check", "--strict", "--format", "json"]);
        ok(&check, "check --strict");
        let codes: Vec<&str> = check
            .stdout
            .split("\"code\":\"")
            .skip(1)
            .map(|rest| &rest[..rest.find('"').unwrap()])
            .collect();
        assert_eq!(codes, ["relative-base-url"], "{}", check.describe());
    } else {
        ok(
            &polydocs_in(site, &["check", "--strict", "--deny-warnings"]),
            "check --strict --deny-warnings",
        );
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

#[test]
fn an_english_site_builds_at_once_with_the_theme_of_the_binary() {
    let (_dir, site, run) = init("init-en", &["--languages", "en"]);
    ok(&run, "init");
    assert!(run.stdout.contains("cd "), "{}", run.stdout);
    assert!(run.stdout.contains("polydocs serve"), "{}", run.stdout);
    assert!(
        run.stdout.contains("polydocs build --strict"),
        "{}",
        run.stdout
    );
    assert!(!site.join("templates").exists(), "the theme is not copied");
    assert!(!site.join("static").exists(), "the theme is not copied");
    let yaml = read(&site.join("site.yaml"));
    assert!(yaml.starts_with("# "), "site.yaml is commented:\n{yaml}");
    assert!(yaml.contains("default_language: en"), "{yaml}");
    builds_strictly(&site);
    let home = read(&site.join("public/en/index.html"));
    assert!(home.contains("<html lang=\"en\" dir=\"ltr\">"), "{home}");
    assert!(home.contains("static/style."), "{home}");
    let guide = read(&site.join("public/en/docs/getting-started/index.html"));
    assert!(guide.contains("<h1>Getting started</h1>"), "{guide}");
    assert_eq!(
        std::fs::read(site.join("public/static/style.css")).unwrap(),
        polydocs::render::minify::css(&read(&shipped_root().join("static/style.css"))).into_bytes(),
        "the theme's stylesheet is published (minified)"
    );
}

#[test]
fn english_french_and_arabic_are_translated_and_arabic_reads_right_to_left() {
    let (_dir, site, run) = init(
        "init-en-fr-ar",
        &[
            "--languages",
            "en,fr,ar",
            "--base-url",
            "https://docs.example.com/",
        ],
    );
    ok(&run, "init");
    let yaml = read(&site.join("site.yaml"));
    assert!(
        yaml.contains("base_url: https://docs.example.com/"),
        "{yaml}"
    );
    assert!(yaml.contains("direction: rtl"), "{yaml}");
    for code in ["fr", "ar"] {
        assert!(
            site.join(format!("locales/{code}/translations.lock"))
                .is_file()
        );
        assert!(site.join(format!("locales/{code}/pages.lock")).is_file());
        let guide = read(&site.join(format!("content/{code}/docs/getting-started.md")));
        assert!(
            guide.contains("source-hash:"),
            "marked as translated:\n{guide}"
        );
    }
    builds_strictly(&site);
    for page in [
        "index.html",
        "docs/index.html",
        "docs/getting-started/index.html",
    ] {
        let html = read(&site.join("public/ar").join(page));
        assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"), "ar/{page}");
    }
    let guide = read(&site.join("public/fr/docs/getting-started/index.html"));
    assert!(guide.contains("<h1>Premiers pas</h1>"), "{guide}");
    let sitemap = read(&site.join("public/sitemap.xml"));
    assert!(
        sitemap.contains("https://docs.example.com/ar/docs/getting-started/"),
        "{sitemap}"
    );
    let status = polydocs_in(&site, &["status"]);
    ok(&status, "status");
}

#[test]
fn german_and_japanese_with_japanese_as_the_source() {
    let (_dir, site, run) = init("init-de-ja", &["--languages", "de,ja", "--default", "ja"]);
    ok(&run, "init");
    assert!(read(&site.join("site.yaml")).contains("default_language: ja"));
    builds_strictly(&site);
    let ja = read(&site.join("public/ja/docs/getting-started/index.html"));
    assert!(ja.contains("<h1>はじめに</h1>"), "{ja}");
    let de = read(&site.join("public/de/docs/getting-started/index.html"));
    assert!(de.contains("<h1>Erste Schritte</h1>"), "{de}");
}

#[test]
fn a_language_without_starter_text_gets_messages_to_translate() {
    let (_dir, site, run) = init("init-nl", &["--languages", "en,nl"]);
    ok(&run, "init");
    assert!(run.stdout.contains("--strict"), "{}", run.stdout);
    assert!(run.stdout.contains("polydocs status"), "{}", run.stdout);
    let ui = read(&site.join("locales/nl/ui.ftl"));
    assert!(ui.contains("# skip-link = Skip to main content"), "{ui}");
    assert!(
        !site.join("content/nl").exists(),
        "no page pretends to be translated"
    );

    let build = polydocs_in(&site, &["build"]);
    ok(&build, "build");
    let page = read(&site.join("public/nl/docs/getting-started/index.html"));
    assert!(page.contains("<html lang=\"nl\""), "{page}");
    assert!(
        page.contains("class=\"notice\""),
        "the fallback is visible:\n{page}"
    );

    let strict = polydocs_in(&site, &["build", "--strict"]);
    assert_ne!(strict.code, 0, "{}", strict.describe());
    assert!(
        strict.stderr.contains("missing-message")
            && strict.stderr.contains("not translated into nl"),
        "{}",
        strict.stderr
    );
}

#[test]
fn every_refusal_writes_nothing() {
    let cases: &[(&[&str], &str)] = &[
        (&["--languages", "en,../x"], "init-language"),
        (&["--languages", "a/b"], "init-language"),
        (&["--languages", "en,x1"], "init-language"),
        (&["--languages", "en-abc"], "init-language"),
        (
            &["--languages", "en,fr", "--default", "de"],
            "init-language",
        ),
        (&["--base-url", "ftp://docs.example.com/"], "init-base-url"),
        (&["--base-url", "docs.example.com"], "init-base-url"),
    ];
    for (args, code) in cases {
        let (dir, site, run) = init("init-refused", args);
        assert_eq!(run.code, 1, "{args:?}\n{}", run.describe());
        assert!(
            run.stderr.contains(&format!("[{code}]")),
            "{args:?}\n{}",
            run.stderr
        );
        assert!(run.stderr.contains("Nothing was written"), "{}", run.stderr);
        assert!(!site.exists(), "{args:?} created {}", site.display());
        assert!(files_under(&dir.path).is_empty(), "{args:?}");
        assert!(!dir.path.join("x").exists() && !dir.path.join("a").exists());
    }

    let dir = TempDir::new("init-not-empty");
    let site = dir.path.join("mysite");
    std::fs::create_dir_all(&site).unwrap();
    std::fs::write(site.join("notes.txt"), "mine\n").unwrap();
    let before = snapshot(&dir.path);
    let run = polydocs_in(&dir.path, &["init", "mysite"]);
    assert_eq!(run.code, 1, "{}", run.describe());
    assert!(run.stderr.contains("[init-not-empty]"), "{}", run.stderr);
    assert_same_tree(
        &before,
        &snapshot(&dir.path),
        "init into a non-empty folder",
    );
}

#[test]
fn an_empty_existing_folder_and_the_current_folder_are_accepted() {
    let dir = TempDir::new("init-here");
    ok(
        &polydocs_in(&dir.path, &["init"]),
        "init in the current folder",
    );
    builds_strictly(&dir.path);
}

#[test]
fn the_example_is_the_shipped_site_and_builds_identically() {
    let dir = TempDir::new("init-example");
    let run = polydocs_in(&dir.path, &["init", "example", "--example"]);
    ok(&run, "init --example");
    let site = dir.path.join("example");
    let shipped = shipped_root();
    for part in SITE_PARTS {
        assert_same_tree(
            &snapshot(&shipped.join(part)),
            &snapshot(&site.join(part)),
            &format!("{part} of the example"),
        );
    }
    let copy = TempSite::new("init-example-shipped");
    copy.build_ok();
    ok(
        &polydocs_in(&site, &["build", "--strict"]),
        "build --strict",
    );
    assert_same_tree(
        &snapshot(&copy.public()),
        &snapshot(&site.join("public")),
        "the example's output",
    );
}

#[test]
fn check_finds_the_site_from_a_language_folder() {
    let (_dir, site, run) = init("init-subfolder", &["--languages", "en,fr"]);
    ok(&run, "init");
    let run = polydocs_in(&site.join("content/fr"), &["check", "--strict"]);
    ok(&run, "check from content/fr/");
    assert!(
        run.stderr.contains("0 errors") || run.stdout.contains("0 errors"),
        "{}",
        run.describe()
    );
}

#[test]
fn a_site_without_templates_or_static_uses_the_theme_and_its_own_files_win() {
    let full = TempSite::new("theme-full");
    full.build_ok();
    let bare = TempSite::new("theme-bare");
    std::fs::remove_dir_all(bare.path("templates")).unwrap();
    std::fs::remove_dir_all(bare.path("static")).unwrap();
    let run = bare.run(&["build", "--strict"]);
    ok(&run, "build without templates/ and static/");
    assert_same_tree(
        &snapshot(&full.public()),
        &snapshot(&bare.public()),
        "the theme's output",
    );

    // One file of the site replaces the theme's, the others still come from the theme.
    std::fs::create_dir_all(bare.path("static")).unwrap();
    bare.write("static/style.css", "body { color: teal }\n");
    std::fs::create_dir_all(bare.path("templates")).unwrap();
    let page = read(&shipped_root().join("templates/page.html")).replace(
        "<h1>{{ page.title }}</h1>",
        "<h1 class=\"mine\">{{ page.title }}</h1>",
    );
    bare.write("templates/page.html", &page);
    bare.build_ok();
    assert_eq!(
        bare.read("public/static/style.css"),
        polydocs::render::minify::css("body { color: teal }\n")
    );
    assert!(bare.path("public/static/search.js").is_file());
    let guide = bare.read("public/en/docs/choosing-a-priority/index.html");
    assert!(guide.contains("<h1 class=\"mine\">"), "{guide}");
}

/// Two `init`s of one folder at once: one writes the site, the other waits for it, finds the
/// folder full, says so and writes nothing into the winner's site.
#[test]
fn two_inits_of_one_folder_leave_one_whole_site() {
    let dir = TempDir::new("init-race");
    for round in 0..5 {
        let target = dir.path.join(format!("site{round}"));
        let children: Vec<std::process::Child> = [("en,fr", "a"), ("de,es", "b")]
            .iter()
            .map(|(languages, _)| {
                std::process::Command::new(env!("CARGO_BIN_EXE_polydocs"))
                    .arg("init")
                    .arg(&target)
                    .args([
                        "--languages",
                        languages,
                        "--base-url",
                        "https://docs.example.com/",
                    ])
                    .stdin(std::process::Stdio::null())
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let outs: Vec<_> = children
            .into_iter()
            .map(|c| c.wait_with_output().unwrap())
            .collect();
        let won: Vec<usize> = (0..2).filter(|&i| outs[i].status.success()).collect();
        assert_eq!(
            won.len(),
            1,
            "round {round}: exactly one init writes the site"
        );
        let lost = &outs[1 - won[0]];
        assert!(
            String::from_utf8_lossy(&lost.stderr).contains("init-not-empty"),
            "{}",
            String::from_utf8_lossy(&lost.stderr)
        );
        // The folder holds the winner's languages only, and no lock.
        let (mine, theirs) = if won[0] == 0 {
            ("fr", "de")
        } else {
            ("de", "fr")
        };
        assert!(target.join("locales").join(mine).is_dir(), "round {round}");
        assert!(
            !target.join("locales").join(theirs).exists(),
            "round {round}"
        );
        assert!(!target.join(".polydocs.lock").exists());
        let run = polydocs_in(&target, &["--quiet", "build", "--strict"]);
        assert_eq!(run.code, 0, "{}", run.describe());
    }
}
