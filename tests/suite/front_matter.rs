//! Front matter brought from other generators: their keys (`date`, `slug`, `linkTitle`, ...)
//! are read past with one warning per key name per run, a misspelt key of ours gets a
//! did-you-mean, and only the keys a publisher writes are listed as allowed.

use crate::common::*;

#[test]
fn other_generators_keys_warn_once_per_name() {
    let site = TempSite::new("front-matter-foreign");
    let first = "---\ntitle: From Hugo\ndate: 2024-01-02\nslug: from-hugo\ntags:\n  - setup\n  - install\nlinkTitle: Hugo\n---\n\nText.\n";
    site.write("content/en/docs/from-hugo.md", first);
    for i in 0..3 {
        site.write(
            &format!("content/en/docs/from-zola-{i}.md"),
            "---\ntitle: From Zola\ndate: 2024-01-03\n---\n\nText.\n",
        );
    }
    let run = site.build_ok();
    let count = run.stderr.matches("warning[foreign-front-matter]").count();
    assert_eq!(count, 4, "one warning a key name: {}", run.describe());
    assert!(
        run.stderr.contains(
            "`date` is a key of other site generators; polydocs reads past it (and in 3 other pages)"
        ),
        "{}",
        run.describe()
    );
    let (line, col) = locate(first, "slug:");
    let location = format!("--> content/en/docs/from-hugo.md:{line}:{col}");
    assert!(run.stderr.contains(&location), "{}", run.describe());
    assert!(
        run.stderr.contains("a page's address is its file's path"),
        "{}",
        run.describe()
    );
    assert!(
        site.page("en/docs/from-hugo/index.html")
            .contains("From Hugo")
    );
}

#[test]
fn a_misspelt_key_gets_a_did_you_mean_and_the_list_is_a_publishers() {
    let site = TempSite::new("front-matter-typo");
    let text = "---\ntitle: Typo\nwieght: 2\n---\n\nText.\n";
    site.write("content/en/docs/typo.md", text);
    site.write(
        "content/en/docs/unknown.md",
        "---\ntitle: Unknown\nowner: docs-team\n---\n\nText.\n",
    );
    let run = site.run(&["check"]);
    assert_ne!(run.code, 0, "{}", run.describe());
    assert_diagnostic(
        &run.stderr,
        "yaml-type",
        "content/en/docs/typo.md",
        3,
        1,
        "wieght: 2",
    );
    assert!(
        run.stderr
            .contains("`wieght` is not a key of the front matter; did you mean `weight`?"),
        "{}",
        run.describe()
    );
    assert!(
        run.stderr.contains(
            "`owner` is not a key of the front matter; the keys here are: title, description, weight, template, tier, draft, aliases\n"
        ),
        "{}",
        run.describe()
    );
    assert!(!run.stderr.contains("ht-degree"), "{}", run.describe());
}

#[test]
fn toml_front_matter_is_read() {
    let site = TempSite::new("front-matter-toml");
    site.write(
        "content/en/docs/from-zola.md",
        "+++\ntitle = \"From Zola\"\nweight = 5\ndate = 2024-01-02\n\n[extra]\nlead = true\n+++\n\nText from Zola.\n",
    );
    let run = site.build_ok();
    assert!(
        site.page("en/docs/from-zola/index.html")
            .contains("<h1>From Zola</h1>")
    );
    assert!(
        run.stderr
            .contains("`date` is a key of other site generators")
            && run
                .stderr
                .contains("`extra` is a key of other site generators"),
        "{}",
        run.describe()
    );
    site.write(
        "content/en/docs/from-zola.md",
        "+++\ntitle = \"From Zola\"\nwieght = 5\n+++\n\nText.\n",
    );
    let run = site.run(&["check"]);
    assert_diagnostic(
        &run.stderr,
        "yaml-type",
        "content/en/docs/from-zola.md",
        3,
        1,
        "wieght = 5",
    );
    assert!(
        run.stderr.contains("did you mean `weight`?"),
        "{}",
        run.describe()
    );
}
