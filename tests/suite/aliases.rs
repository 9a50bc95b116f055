//! Aliases: a page's old addresses (`aliases: [/en/docs/priorities/]`, from the site's root,
//! the base path added by polydocs) are published as redirect pages; addresses outside the
//! site, of other pages or of what the build writes are errors at their position; a page's
//! aliases are bounded.

use crate::common::*;

const EN: &str = "content/en/docs/choosing-a-priority.md";
const FR: &str = "content/fr/docs/choosing-a-priority.md";

#[test]
fn old_addresses_are_redirect_pages_to_the_new_one() {
    let site = TempSite::new("aliases-build");
    site.replace_once(
        EN,
        "---\n",
        "---\naliases: [/en/docs/priorities/, /plans/en/old-priority.html, /zh-tw/docs/priorities/]\n",
    );
    site.replace_once(FR, "---\n", "---\naliases:\n  - /fr/docs/priorites/\n");
    site.build_ok();
    for (file, target, canonical) in [
        (
            "en/docs/priorities/index.html",
            "../choosing-a-priority/",
            "en/docs/choosing-a-priority/",
        ),
        (
            "en/old-priority.html",
            "docs/choosing-a-priority/",
            "en/docs/choosing-a-priority/",
        ),
        (
            "fr/docs/priorites/index.html",
            "../choosing-a-priority/",
            "fr/docs/choosing-a-priority/",
        ),
        // An old address of another language leads to the page in that language.
        (
            "zh-tw/docs/priorities/index.html",
            "../choosing-a-priority/",
            "zh-tw/docs/choosing-a-priority/",
        ),
    ] {
        let html = site.page(file);
        for wanted in [
            format!("<meta http-equiv=\"refresh\" content=\"0; url={target}\">"),
            format!("<a href=\"{target}\">"),
            format!(
                "<link rel=\"canonical\" href=\"https://support.example.com/plans/{canonical}\">"
            ),
            "<meta name=\"robots\" content=\"noindex\">".to_string(),
        ] {
            assert!(html.contains(&wanted), "{file}: no {wanted}\n{html}");
        }
        // The redirect leads to a published page.
        let folder = site.public().join(file);
        let folder = folder.parent().unwrap();
        assert!(
            folder.join(target).join("index.html").is_file(),
            "{file} → {target}"
        );
    }
    assert!(
        site.page("fr/docs/priorites/index.html")
            .contains("<html lang=\"fr\">")
    );
    assert!(!site.page("sitemap.xml").contains("priorities"));

    // A link to an old address is reported with the new one.
    site.write(
        "content/en/docs/old-link.md",
        "---\ntitle: Old link\n---\n\nSee [priorities](../priorities/).\n",
    );
    let run = site.run(&["check"]);
    assert!(
        run.stderr
            .contains("link to the page's address, `../choosing-a-priority/`"),
        "{}",
        run.describe()
    );
}

#[test]
fn aliases_that_cannot_be_published_are_errors_at_their_position() {
    let site = TempSite::new("aliases-refused");
    let text = site.replace_once(
        EN,
        "---\n",
        "---\naliases: [../up/, //evil.example/x/, \"javascript:alert(1)\", /en/hours/, /sitemap.xml, /en/docs/page/2/, /en/a b/]\n",
    );
    site.replace_once(FR, "---\n", "---\naliases: [/fr/hours-old/]\n");
    site.replace_once(
        "content/en/hours.md",
        "---\n",
        "---\naliases: [/fr/hours-old/]\n",
    );
    let run = site.run(&["build"]);
    assert_ne!(run.code, 0, "{}", run.describe());
    let line = line_of(&text, 2);
    for (needle, message) in [
        (
            "../up/",
            "the alias `../up/` is not an address of this site",
        ),
        (
            "//evil",
            "the alias `//evil.example/x/` is not an address of this site",
        ),
        (
            "javascript",
            "the alias `javascript:alert(1)` is not an address of this site",
        ),
        (
            "/en/hours/",
            "the alias `/en/hours/` is the address of the page content/en/hours.md",
        ),
        (
            "/sitemap.xml",
            "the alias `/sitemap.xml` is the address of a file of the site's root",
        ),
        (
            "/en/docs/page/2/",
            "is the address of a section's later list page",
        ),
        ("/en/a b/", "the alias `/en/a b/` holds ` `"),
    ] {
        let col = line.find(needle).unwrap() + 1;
        assert_diagnostic(&run.stderr, "bad-alias", EN, 2, col, line);
        assert!(
            run.stderr.contains(message),
            "no {message:?}\n{}",
            run.describe()
        );
    }
    // Two pages with the same old address: the second is told which page has it.
    assert!(
        run.stderr
            .contains("the alias `/fr/hours-old/` is already an alias of"),
        "{}",
        run.describe()
    );
    assert!(!site.public().join("en/docs/priorities").exists());
}

#[test]
fn ten_thousand_aliases_are_refused_with_one_error() {
    let site = TempSite::new("aliases-many");
    let list: Vec<String> = (0..10_000).map(|i| format!("/en/old/{i}/")).collect();
    site.replace_once(
        EN,
        "---\n",
        &format!("---\naliases: [{}]\n", list.join(", ")),
    );
    let started = std::time::Instant::now();
    let run = site.run(&["check"]);
    assert_ne!(run.code, 0, "{}", run.describe());
    assert!(
        started.elapsed() < std::time::Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(
        run.stderr.matches("error[bad-alias]").count(),
        1,
        "{}",
        run.describe()
    );
    assert!(
        run.stderr.contains(
            "the page has more than 100 aliases: this one and the 9899 after it are left out"
        ),
        "{}",
        run.describe()
    );
}
