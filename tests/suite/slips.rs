//! A translator's slips that the other checks see only half of: a page saved under a wrong
//! name, a misspelt message ID, a plural variant a published number needs; and a pseudo build,
//! which must never change what is published.

use crate::common::*;

#[test]
fn a_page_under_a_name_the_source_lacks_is_named_with_the_closest_source_page() {
    let site = TempSite::new("slips-stray");
    std::fs::rename(
        site.path("content/fr/channels.md"),
        site.path("content/fr/channel.md"),
    )
    .unwrap();
    for command in [&["check"][..], &["build"]] {
        let run = site.run(command);
        assert_eq!(run.code, 0, "a warning, not an error\n{}", run.describe());
        let out = format!("{}{}", run.stdout, run.stderr);
        assert!(
            out.contains("warning[stray-page]") && out.contains("content/fr/channel.md"),
            "{command:?} names the stray file\n{}",
            run.describe()
        );
        assert!(
            out.contains("content/fr/channels.md"),
            "{command:?} names the page it was meant to translate\n{}",
            run.describe()
        );
    }
}

#[test]
fn a_misspelt_message_id_is_one_finding_with_the_right_id() {
    let site = TempSite::new("slips-typo");
    site.replace_once("locales/fr/plan.ftl", "tier-business = ", "tier-busines = ");
    let run = site.run(&["check", "--lang", "fr"]);
    let out = format!("{}{}", run.stdout, run.stderr);
    assert!(
        out.contains("warning[misspelt-message]")
            && out.contains(
                "`tier-busines` is not in the source (en): did you mean `tier-business`?"
            ),
        "{}",
        run.describe()
    );
    assert!(
        !out.contains("[obsolete-message]") && !out.contains("[missing-message]"),
        "the typo is not also reported as an obsolete and a missing message\n{}",
        run.describe()
    );
    assert!(
        out.contains("locales/fr/plan.ftl:13:1"),
        "it points at the misspelt ID\n{}",
        run.describe()
    );
    // Under --strict the fallback is visible: the one finding is an error.
    let run = site.run(&["check", "--strict", "--lang", "fr"]);
    assert_eq!(run.code, 1, "{}", run.describe());
    let out = format!("{}{}", run.stdout, run.stderr);
    assert!(
        out.contains("error[misspelt-message]"),
        "{}",
        run.describe()
    );
}

#[test]
fn a_plural_variant_a_published_number_needs_stops_the_build() {
    let site = TempSite::new("slips-plural");
    site.build_ok();
    let before = snapshot(&site.public());
    site.write("locales/fr/ui.ftl", &{
        let text = site.read("locales/fr/ui.ftl");
        text.replace(
            "duration-days = { $count ->\n    [one] { $count }\u{a0}jour\n   *[other] { $count }\u{a0}jours\n}",
            "duration-days = { $count ->\n   *[other] { $count }\u{a0}jours\n}",
        )
    });
    assert!(
        !site
            .read("locales/fr/ui.ftl")
            .contains("[one] { $count }\u{a0}jour\n")
    );
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1, "\"1 jours\" must not ship\n{}", run.describe());
    let out = format!("{}{}", run.stdout, run.stderr);
    assert!(
        out.contains("error[missing-plural-category]") && out.contains("`duration-days`"),
        "{}",
        run.describe()
    );
    assert_same_tree(
        &before,
        &snapshot(&site.public()),
        "public/ after a refused build",
    );

    // A category no published number selects stays a warning.
    let site = TempSite::new("slips-plural-unused");
    site.replace_once(
        "locales/fr/ui.ftl",
        "not-found-title = ",
        "plural-probe = { $count ->\n   *[other] { $count } choses\n}\nnot-found-title = ",
    );
    let run = site.run(&["check", "--lang", "fr"]);
    let out = format!("{}{}", run.stdout, run.stderr);
    assert!(
        !out.contains("error[missing-plural-category]"),
        "{}",
        run.describe()
    );
}

#[test]
fn a_pseudo_build_never_touches_the_published_folder() {
    let site = TempSite::new("slips-pseudo");
    site.build_ok();
    let before = snapshot(&site.public());
    let run = site.run(&["build", "--pseudo"]);
    assert_eq!(run.code, 0, "{}", run.describe());
    assert_same_tree(
        &before,
        &snapshot(&site.public()),
        "public/ after build --pseudo",
    );
    let pseudo = site.path("public-pseudo");
    assert!(
        pseudo.join("pseudo/index.html").is_file(),
        "{}",
        run.describe()
    );
    for rel in [
        "index.html",
        "sitemap.xml",
        "en/index.html",
        "fr/compare/index.html",
    ] {
        let published = site.page(rel);
        assert!(
            !published.contains("pseudo") && !published.contains("en-XA"),
            "public/{rel} names the pseudo-language"
        );
    }
    // Naming the published folder with --output is refused, and changes nothing.
    let run = site.run(&["build", "--pseudo", "--output", "public"]);
    assert_eq!(run.code, 1, "{}", run.describe());
    assert!(run.stderr.contains("[pseudo-output]"), "{}", run.describe());
    assert_same_tree(
        &before,
        &snapshot(&site.public()),
        "public/ after a refused pseudo build",
    );
}
