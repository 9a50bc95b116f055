//! Drafts: pages marked `draft: true` are left out of `build` (pages, sitemap, search,
//! navigation), with their translations when they are written in the default language;
//! `build --drafts` publishes them, marked; `check`, `status` and `build` count them apart;
//! a link to a draft from a published page is an error naming the draft.

use polydocs::search;

use crate::common::*;

const DRAFT: &str =
    "---\ntitle: Upcoming quokkas\ndraft: true\n---\n\nThe quokkaphone ships soon.\n";
const TRANSLATION: &str = "---\ntitle: Quokkas à venir\n---\n\nLe quokkaphone arrive bientôt.\n";
const MARK: &str = "Draft: this page is not published yet.";

fn site_with_a_draft(name: &str) -> TempSite {
    let site = TempSite::new(name);
    site.write("content/en/docs/upcoming.md", DRAFT);
    site.write("content/fr/docs/upcoming.md", TRANSLATION);
    site
}

#[test]
fn drafts_are_left_out_of_the_build_with_their_translations() {
    let site = site_with_a_draft("drafts-build");
    let run = site.build_ok();
    assert!(
        run.stdout.contains("2 drafts, not published"),
        "{}",
        run.describe()
    );
    for lang in ["en", "fr", "zh-tw"] {
        assert!(
            !site.public().join(lang).join("docs/upcoming").exists(),
            "{lang}: a draft (or the translation of one, or its fallback) is not published"
        );
        let section = site.page(&format!("{lang}/docs/index.html"));
        assert!(
            !section.contains("upcoming") && !section.contains("quokka"),
            "{lang}: the section does not list the draft"
        );
    }
    let sitemap = site.page("sitemap.xml");
    assert!(!sitemap.contains("upcoming"), "{sitemap}");
    let en = search_index_files(&site.public(), "en");
    assert!(search::lookup(&en, "quokkaphone").is_empty());
    // Nothing about the draft's missing translations either: it is not a page of the site.
    assert!(!run.stderr.contains("upcoming"), "{}", run.describe());

    let check = site.run(&["check"]);
    assert_eq!(check.code, 0, "{}", check.describe());
    assert!(
        check.stdout.contains("; 2 drafts, not published"),
        "{}",
        check.describe()
    );
    let status = site.run(&["status"]);
    assert!(
        status.stdout.contains(
            "2 drafts, not published: content/en/docs/upcoming.md, content/fr/docs/upcoming.md"
        ),
        "{}",
        status.describe()
    );
}

#[test]
fn build_drafts_publishes_them_marked() {
    let site = site_with_a_draft("drafts-included");
    let run = site.run(&["build", "--drafts"]);
    assert_eq!(run.code, 0, "{}", run.describe());
    assert!(
        !run.stdout.contains("drafts, not published"),
        "{}",
        run.stdout
    );
    let page = site.page("en/docs/upcoming/index.html");
    assert!(page.contains(MARK), "the draft is marked: {page}");
    assert!(page.contains("quokkaphone"));
    let translated = site.page("fr/docs/upcoming/index.html");
    assert!(translated.contains("quokkaphone"), "{translated}");
    assert!(
        !translated.contains("Brouillon"),
        "the translation itself is not a draft: {translated}"
    );
    assert!(site.page("sitemap.xml").contains("docs/upcoming/"));
    let other = site.page("en/docs/choosing-a-priority/index.html");
    assert!(!other.contains(MARK), "published pages are not marked");
}

#[test]
fn a_link_to_a_draft_is_an_error_naming_the_draft() {
    let site = site_with_a_draft("drafts-link");
    let page = "content/en/docs/choosing-a-priority.md";
    let text = site.read(page);
    let text = format!("{text}\nSee [what is coming](../upcoming/).\n");
    site.write(page, &text);
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.describe());
    let (line, col) = locate(&text, "[what is coming]");
    assert_diagnostic(
        &run.stderr,
        "broken-link",
        page,
        line,
        col,
        line_of(&text, line),
    );
    assert!(
        run.stderr
            .contains("leads to the draft `content/en/docs/upcoming.md`, which is not published"),
        "{}",
        run.describe()
    );
    // With the drafts published, the link works.
    let run = site.run(&["build", "--drafts"]);
    assert_eq!(run.code, 0, "{}", run.describe());
}

#[test]
fn a_draft_in_another_language_leaves_the_source_shown_in_its_place() {
    let site = TempSite::new("drafts-translation");
    site.write(
        "content/en/docs/upcoming.md",
        "---\ntitle: Upcoming\n---\n\nSoon.\n",
    );
    site.write(
        "content/fr/docs/upcoming.md",
        "---\ntitle: À venir\ndraft: true\n---\n\nBientôt, en brouillon.\n",
    );
    let run = site.build_ok();
    assert!(
        run.stdout.contains("1 draft, not published"),
        "{}",
        run.describe()
    );
    let fr = site.page("fr/docs/upcoming/index.html");
    assert!(
        !fr.contains("Bientôt"),
        "the draft translation is not shown"
    );
    assert!(fr.contains("Soon."), "the English page stands in: {fr}");
}
