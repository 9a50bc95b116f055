//! `polydocs move OLD NEW`: a page renamed in every language at once, with its translation
//! records, and an alias left at each old address.

use crate::common::*;

#[test]
fn a_page_moves_in_every_language_with_its_locks_and_old_addresses() {
    let site = TempSite::new("move-page");
    let run = site.run(&[
        "move",
        "docs/contacting-support/named-contacts.md",
        "docs/contacts.md",
    ]);
    assert_eq!(run.code, 0, "{}", run.describe());
    assert!(
        run.stdout.starts_with(
            "Moved docs/contacting-support/named-contacts.md to docs/contacts.md in 3 languages (en, fr, zh-TW)."
        ),
        "{}",
        run.describe()
    );
    for (code, prefix) in [("en", "en"), ("fr", "fr"), ("zh-TW", "zh-tw")] {
        assert!(
            !site
                .path(&format!(
                    "content/{code}/docs/contacting-support/named-contacts.md"
                ))
                .exists()
        );
        let text = site.read(&format!("content/{code}/docs/contacts.md"));
        assert!(
            text.contains(&format!(
                "aliases: [/{prefix}/docs/contacting-support/named-contacts/]\n"
            )),
            "{code}: {text}"
        );
    }
    for code in ["fr", "zh-TW"] {
        let lock = site.read(&format!("locales/{code}/pages.lock"));
        assert!(lock.contains("\ndocs/contacts.md "), "{code}: {lock}");
        assert!(!lock.contains("named-contacts.md"), "{code}: {lock}");
    }
    // Links to the page lead to its new address, and its own links still lead where they did;
    // the translations are still up to date.
    for code in ["en", "fr", "zh-TW"] {
        let section = site.read(&format!("content/{code}/docs/contacting-support/_index.md"));
        assert!(section.contains("](../contacts/)"), "{code}: {section}");
        let moved = site.read(&format!("content/{code}/docs/contacts.md"));
        assert!(moved.contains("](../../compare/)"), "{code}: {moved}");
    }
    let check = site.run(&["check"]);
    assert_eq!(check.code, 0, "{}", check.describe());
    for finding in ["stray-page", "outdated", "broken-link"] {
        assert!(!check.stderr.contains(finding), "{}", check.describe());
    }
    site.build_ok();
    let redirect = site.page("fr/docs/contacting-support/named-contacts/index.html");
    assert!(redirect.contains("url=../../contacts/"), "{redirect}");
    assert!(
        site.page("fr/docs/contacts/index.html")
            .contains("<html lang=\"fr\"")
    );
}

#[test]
fn a_move_to_a_taken_name_changes_nothing() {
    let site = TempSite::new("move-taken");
    let before = snapshot(&site.path("content"));
    let locks = snapshot(&site.path("locales"));
    let run = site.run(&["move", "docs/choosing-a-priority.md", "content/en/hours.md"]);
    assert_eq!(run.code, 1, "{}", run.describe());
    assert!(
        run.stderr
            .contains("error: content/en/hours.md already exists"),
        "{}",
        run.describe()
    );
    let run = site.run(&["move", "docs/choosing-a-priorty.md", "docs/priorities.md"]);
    assert!(
        run.stderr
            .contains("did you mean `docs/choosing-a-priority.md`?"),
        "{}",
        run.describe()
    );
    assert_same_tree(&before, &snapshot(&site.path("content")), "content/");
    assert_same_tree(&locks, &snapshot(&site.path("locales")), "locales/");
}
