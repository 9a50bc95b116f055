//! No silent traps around the site's address: without a host in `base_url` no sitemap or
//! `Sitemap:` line is written with relative addresses, and a warning (not an error, even
//! under `--strict`) says how to set it; a `base_url` on localhost or ending in a file name is
//! a warning; `build --base-url` publishes for another address; counts read well.

use std::path::Path;

use crate::common::*;

fn init_site(dir: &TempDir, args: &[&str]) -> std::path::PathBuf {
    let mut all = vec!["init", "mysite", "--languages"];
    all.extend(args);
    let run = polydocs_in(&dir.path, &all);
    assert_eq!(run.code, 0, "{}", run.describe());
    dir.path.join("mysite")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

#[test]
fn a_site_without_an_address_builds_strictly_without_a_relative_sitemap_and_says_how_to_set_it() {
    let dir = TempDir::new("traps-base-url");
    let site = init_site(&dir, &["en"]);
    let yaml = read(&site.join("site.yaml"));
    let (line, col) = locate(&yaml, "base_url: /");
    let run = polydocs_in(&site, &["build", "--strict"]);
    assert_eq!(
        run.code,
        0,
        "the quick start still builds: {}",
        run.describe()
    );
    assert!(
        run.stderr.contains("warning[relative-base-url]")
            && run
                .stderr
                .contains(&format!("site.yaml:{line}:{}", col + "base_url: ".len()))
            && run.stderr.contains("--base-url URL"),
        "{}",
        run.describe()
    );
    assert!(
        run.stdout.contains("in 1 language ("),
        "one language, not \"1 languages\": {}",
        run.stdout
    );
    let public = site.join("public");
    assert!(
        !public.join("sitemap.xml").exists(),
        "no sitemap of relative addresses"
    );
    let robots = read(&public.join("robots.txt"));
    assert!(!robots.contains("Sitemap:"), "{robots}");
    assert!(robots.contains("User-agent: *"), "{robots}");
    let check = polydocs_in(&site, &["check", "--strict"]);
    assert_eq!(check.code, 0, "{}", check.describe());
    assert!(
        check.stderr.contains("relative-base-url"),
        "{}",
        check.describe()
    );

    // A preview deploy gets its own address, site.yaml untouched.
    let run = polydocs_in(
        &site,
        &["build", "--base-url", "https://preview.example.com/pr-12"],
    );
    assert_eq!(run.code, 0, "{}", run.describe());
    assert!(!run.stderr.contains("base-url"), "{}", run.describe());
    let sitemap = read(&public.join("sitemap.xml"));
    assert!(
        sitemap.contains("<loc>https://preview.example.com/pr-12/en/</loc>"),
        "{sitemap}"
    );
    assert!(
        read(&public.join("robots.txt"))
            .contains("Sitemap: https://preview.example.com/pr-12/sitemap.xml")
    );
    let home = read(&public.join("en/index.html"));
    assert!(
        home.contains("href=\"https://preview.example.com/pr-12/en/\""),
        "canonical link: {home}"
    );
    assert_eq!(read(&site.join("site.yaml")), yaml);

    // A bad override writes nothing.
    let before = snapshot(&public);
    let run = polydocs_in(&site, &["build", "--base-url", "preview.example.com"]);
    assert_eq!(run.code, 1, "{}", run.describe());
    assert!(
        run.stderr.contains("error[bad-base-url]")
            && run
                .stderr
                .contains("`preview.example.com` given with --base-url"),
        "{}",
        run.describe()
    );
    assert_same_tree(
        &before,
        &snapshot(&public),
        "a refused build writes nothing",
    );
}

#[test]
fn a_base_url_on_localhost_or_ending_in_a_file_name_is_a_warning() {
    for (url, says) in [
        ("http://localhost:8000/", "is on this computer (localhost)"),
        ("http://127.0.0.1/docs/", "is on this computer (127.0.0.1)"),
        (
            "https://docs.example.com/index.html",
            "ends in a file name (`index.html`)",
        ),
    ] {
        let site = TempSite::new("traps-doubtful");
        let yaml = site.read("site.yaml");
        let old = yaml
            .lines()
            .find(|l| l.starts_with("base_url:"))
            .unwrap()
            .to_string();
        let yaml = site.replace_once("site.yaml", &old, &format!("base_url: {url}"));
        let run = site.run(&["build", "--strict"]);
        assert_eq!(run.code, 0, "{url}: {}", run.describe());
        let (line, _) = locate(&yaml, "base_url:");
        assert!(
            run.stderr.contains("warning[doubtful-base-url]")
                && run.stderr.contains(says)
                && run.stderr.contains(&format!("site.yaml:{line}:11")),
            "{url}: {}",
            run.describe()
        );
    }
    // A real address is not doubted.
    let site = TempSite::new("traps-fine");
    let run = site.build_ok();
    assert!(!run.stderr.contains("base-url"), "{}", run.describe());
    assert!(site.page("robots.txt").contains("Sitemap: https://"));
}

/// A docs site brought as it is: a site.yaml with a `title:` per language, Markdown pages, a
/// root `_index.md` without `template:`, and neither `locales/` nor `templates/`. The theme's
/// own words carry it (`--strict` passes in every language), the root page is a docs home
/// listing its sections (not the support plan's home and its tier messages), and the site's
/// name is site.yaml's, since no locale file writes `site-title`.
#[test]
fn a_docs_site_without_locales_builds_strictly_with_a_docs_home_and_its_own_title() {
    let dir = TempDir::new("traps-standalone");
    let site = dir.path.join("docs");
    let write = |rel: &str, text: &str| {
        let path = site.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write(
        "site.yaml",
        "base_url: https://docs.example.com/\ndefault_language: en\nlanguages:\n  \
         - code: en\n    tag: en\n    name: English\n    title: Acme handbook\n  \
         - code: fr\n    tag: fr\n    name: Français\n    title: Manuel Acme\n    fallback: en\n",
    );
    write(
        "content/en/_index.md",
        "---\ntitle: Acme handbook\n---\n\nEverything about Acme.\n",
    );
    write(
        "content/en/setup/_index.md",
        "---\ntitle: Setting up\ndescription: First steps.\n---\n\nStart here.\n",
    );
    write(
        "content/en/setup/install.md",
        "---\ntitle: Install\n---\n\nRun the installer.\n",
    );
    write(
        "content/fr/_index.md",
        "---\ntitle: Manuel Acme\n---\n\nTout sur Acme.\n",
    );
    write(
        "content/fr/setup/_index.md",
        "---\ntitle: Installation\n---\n\nCommencez ici.\n",
    );
    write(
        "content/fr/setup/install.md",
        "---\ntitle: Installer\n---\n\nLancez l’installateur.\n",
    );
    let run = polydocs_in(&site, &["build", "--strict"]);
    assert_eq!(run.code, 0, "{}", run.describe());
    assert!(!run.stderr.contains("error["), "{}", run.stderr);
    for (lang, name) in [("en", "Acme handbook"), ("fr", "Manuel Acme")] {
        let home = read(&site.join(format!("public/{lang}/index.html")));
        let brand = start_tags(&home, "a")
            .into_iter()
            .find(|t| has_class(t, "brand"))
            .expect("the site's name links home");
        let after = &home[home.find(brand).unwrap() + brand.len()..];
        assert!(after.starts_with(name), "{lang}: {after:.80}");
        assert!(
            home.contains(&format!("<title>{name}</title>")),
            "{lang}: the home page's title is the site's name, once"
        );
        // A docs home: the sections, linked, and no support-plan tier cards.
        assert!(home.contains("setup/\""), "{lang}: no link to the section");
        assert!(
            !home.contains("tier-card"),
            "{lang}: a tier card on a docs home"
        );
    }
    let page = read(&site.join("public/en/setup/install/index.html"));
    assert!(
        page.contains("<title>Install · Acme handbook</title>"),
        "{page:.400}"
    );
}

/// An unclosed `{% if %}` is reported at its own line, named, not as the closer Tera meets
/// later in its place.
#[test]
fn an_unclosed_tag_is_reported_where_it_opens() {
    let site = TempSite::new("traps-unclosed-if");
    let text = site.replace_once(
        "templates/page.html",
        "<h1>{{ page.title }}</h1>",
        "<h1>{% if page.title %}{{ page.title }}</h1>",
    );
    let run = site.run(&["check"]);
    assert_ne!(run.code, 0, "{}", run.describe());
    let (line, col) = locate(&text, "{% if page.title %}");
    assert_diagnostic(
        &run.stderr,
        "template-syntax",
        "templates/page.html",
        line,
        col,
        line_of(&text, line),
    );
    let closer = text
        .lines()
        .position(|l| l.contains("{% endblock main %}"))
        .unwrap()
        + 1;
    assert!(
        run.stderr.contains(&format!(
            "`{{% if %}}` is not closed: `{{% endblock %}}` on line {closer} ends an enclosing tag first"
        )),
        "{}",
        run.describe()
    );
    assert!(
        run.stderr.contains("close it with `{% endif %}`"),
        "{}",
        run.describe()
    );
}
