//! Links as a browser follows them: root-absolute links and images (`/en/hours/`,
//! `/static/icons/chat.svg`) are checked like relative ones and published relative, so the
//! site works under its sub-path and from a plain file server; links to `static/` files name
//! the fingerprinted files; every link error of every page comes in one run, with hints that
//! fit what the link points at.

use crate::common::*;

const PAGE: &str = "content/en/docs/contacting-support/paths.md";

/// The published name of a static file (`icons/chat.svg` → `icons/chat.1a2b3c4d.svg`).
fn fingerprinted(site: &TempSite, dir: &str, stem: &str, ext: &str) -> String {
    let names: Vec<String> = std::fs::read_dir(site.public().join("static").join(dir))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n.starts_with(&format!("{stem}."))
                && n.ends_with(&format!(".{ext}"))
                && n.len() == stem.len() + ext.len() + 10
        })
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    format!("{dir}/{}", names[0])
}

#[test]
fn root_absolute_links_are_checked_and_published_relative() {
    let site = TempSite::new("links-absolute");
    // The shipped site lives under /plans/: a site path may be written with or without it.
    site.write(
        PAGE,
        "---\ntitle: Paths\n---\n\nSee [the levels](/en/docs/choosing-a-priority/#the-four-levels),\n\
         [compare](/plans/en/compare/) and [named contacts](../named-contacts/).\n\n\
         ![Chat](/static/icons/chat.svg)\n\n[The phone icon](../../../../static/icons/phone.svg)\n",
    );
    site.build_ok();
    let html = site.page("en/docs/contacting-support/paths/index.html");
    let chat = fingerprinted(&site, "icons", "chat", "svg");
    let phone = fingerprinted(&site, "icons", "phone", "svg");
    for wanted in [
        "href=\"../../../../en/docs/choosing-a-priority/#the-four-levels\"".to_string(),
        "href=\"../../../../en/compare/\"".to_string(),
        "href=\"../named-contacts/\"".to_string(),
        format!("src=\"../../../../static/{chat}\""),
        format!("href=\"../../../../static/{phone}\""),
    ] {
        assert!(html.contains(&wanted), "{wanted} not in the page:\n{html}");
    }
    // Each leads to a published file, as a plain file server would serve it.
    let folder = site.public().join("en/docs/contacting-support/paths");
    for target in [
        "../../../../en/docs/choosing-a-priority/index.html".to_string(),
        "../../../../en/compare/index.html".to_string(),
        format!("../../../../static/{chat}"),
    ] {
        assert!(folder.join(&target).is_file(), "{target} is not published");
    }

    // A root-absolute link to nothing is a broken link, as a relative one is.
    let text = site.replace_once(
        PAGE,
        "/en/docs/choosing-a-priority/#the-four-levels",
        "/en/nope/",
    );
    let run = site.run(&["build"]);
    assert_ne!(run.code, 0, "{}", run.describe());
    let (line, col) = locate(&text, "[the levels]");
    assert_diagnostic(
        &run.stderr,
        "broken-link",
        PAGE,
        line,
        col,
        line_of(&text, line),
    );
    assert!(
        run.stderr
            .contains("link `/en/nope/` is broken: no page is published at /en/nope/"),
        "{}",
        run.describe()
    );
    let text = site.replace_once(PAGE, "/en/nope/", "/../outside/");
    let run = site.run(&["check"]);
    let (line, col) = locate(&text, "[the levels]");
    assert_diagnostic(
        &run.stderr,
        "broken-link",
        PAGE,
        line,
        col,
        line_of(&text, line),
    );
    assert!(
        run.stderr.contains("it leads outside the site"),
        "{}",
        run.describe()
    );
}

#[test]
fn every_link_error_of_every_page_is_reported_in_one_run_with_fitting_hints() {
    let site = TempSite::new("links-all-at-once");
    let text = "---\ntitle: Paths\n---\n\n\
        A [script](javascript:alert(1)) and a [file](file:///etc/passwd).\n\n\
        See [named contacts](../named-contacts.md),\n[the hours](/en/hour/),\n\
        [chat](../chat-and-fone/) and\n[the section](/en/docs/contacting-support/_index.md).\n\n\
        ![A diagram](../../images/diagram.png)\n\n![The chat icon](/static/icons/chta.svg)\n\n\
        The page with the error, [linked](../../broken-yaml/), has its own error only.\n";
    site.write(PAGE, text);
    // Another page's front matter does not parse: it hides nothing about this one.
    site.write(
        "content/en/docs/broken-yaml.md",
        "---\ntitle: [unclosed\n---\nText.\n",
    );
    let run = site.run(&["check"]);
    assert_ne!(run.code, 0, "{}", run.describe());
    let count = |code: &str| run.stderr.matches(&format!("error[{code}]")).count();
    assert_eq!(count("unsafe-link"), 2, "{}", run.describe());
    assert_eq!(count("broken-link"), 6, "{}", run.describe());
    assert_eq!(
        count("yaml-type") + count("yaml-syntax"),
        1,
        "{}",
        run.describe()
    );
    for (needle, code) in [
        ("[script]", "unsafe-link"),
        ("[file]", "unsafe-link"),
        ("[named contacts]", "broken-link"),
        ("[the hours]", "broken-link"),
        ("[chat]", "broken-link"),
        ("[the section]", "broken-link"),
        ("![A diagram]", "broken-link"),
        ("![The chat icon]", "broken-link"),
    ] {
        let (line, col) = locate(text, needle);
        assert_diagnostic(&run.stderr, code, PAGE, line, col, line_of(text, line));
    }
    for hint in [
        // A page written as its Markdown file.
        "did you mean `../named-contacts/`? Pages are published as folders",
        "did you mean `/en/docs/contacting-support/`? Pages are published as folders",
        // Near pages, written as the link was (from the root, or relative).
        "did you mean `/en/hours/`?",
        "did you mean `../chat-and-phone/`?",
        // Images get an image's hint.
        "did you mean `/static/icons/chat.svg`?",
        "put the image under `static/`",
    ] {
        assert!(
            run.stderr.contains(hint),
            "no hint {hint:?}\n{}",
            run.describe()
        );
    }
    assert!(
        !run.stderr
            .contains("no page is published at /en/docs/images/diagram.png"),
        "an image is a file, not a page: {}",
        run.describe()
    );
}
