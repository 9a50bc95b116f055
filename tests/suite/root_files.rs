//! `root/`: files published as they are at the output's root (`CNAME`, `_redirects`,
//! `.well-known/...`), for hosts and crawlers that read them there only; refused where they
//! would replace what the build writes.

use crate::common::*;

#[test]
fn root_files_are_published_at_the_output_root_as_they_are() {
    let site = TempSite::new("root-files");
    let files: &[(&str, &[u8])] = &[
        ("CNAME", b"docs.example.com\n"),
        ("_redirects", b"/old/ /en/ 301\n"),
        (
            "_headers",
            b"/static/*\n  Cache-Control: max-age=31536000\n",
        ),
        ("llms.txt", b"# Support plans\n"),
        (
            ".well-known/security.txt",
            b"Contact: mailto:security@example.com\n",
        ),
        ("logo.png", &[0x89, b'P', b'N', b'G', 0, 1, 2, 255]),
    ];
    for (path, bytes) in files {
        let at = site.path(&format!("root/{path}"));
        std::fs::create_dir_all(at.parent().unwrap()).unwrap();
        std::fs::write(at, bytes).unwrap();
    }
    site.build_ok();
    for (path, bytes) in files {
        let published = std::fs::read(site.public().join(path))
            .unwrap_or_else(|e| panic!("{path} is published at the root: {e}"));
        assert_eq!(&published, bytes, "{path} is published as it is");
    }
    assert!(
        !site.public().join("static/CNAME").exists() && !site.public().join("root").exists(),
        "nothing of root/ lands elsewhere"
    );
    // The sitemap, the chooser and the languages are the build's, untouched.
    assert!(site.page("sitemap.xml").contains("<urlset"));
    assert!(site.page("en/index.html").contains("<html"));
}

#[test]
fn a_root_file_that_would_replace_a_generated_one_is_refused() {
    for (path, what) in [
        ("sitemap.xml", "the sitemap"),
        ("robots.txt", "robots.txt"),
        ("404.html", "the 404 page"),
        ("index.html", "the home page"),
        ("Sitemap.XML", "the sitemap"),
        ("fr/extra.txt", "the pages of Français (/fr/)"),
        ("zh-tw", "the pages of 繁體中文 (/zh-tw/)"),
        ("static/style.css", "static files (/static/)"),
    ] {
        let site = TempSite::new("root-files-collision");
        site.build_ok();
        let before = snapshot(&site.public());
        let at = site.path(&format!("root/{path}"));
        std::fs::create_dir_all(at.parent().unwrap()).unwrap();
        std::fs::write(&at, "mine\n").unwrap();
        let run = site.run(&["build"]);
        assert_eq!(run.code, 1, "{path}: {}", run.describe());
        assert!(
            run.stderr.contains(&format!(
                "error[root-file-collision]: root/{path} would be published at /{path}, where the build writes"
            )) && run.stderr.contains(what),
            "{path}: {}",
            run.describe()
        );
        assert!(
            run.stderr.contains(&format!("--> root/{path}")),
            "{}",
            run.describe()
        );
        assert_same_tree(
            &before,
            &snapshot(&site.public()),
            "a refused build writes nothing",
        );
        let check = site.run(&["check"]);
        assert_eq!(check.code, 1, "check reports it too: {}", check.describe());
    }
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_in_root_is_not_followed() {
    let site = TempSite::new("root-files-link");
    std::fs::create_dir_all(site.path("root")).unwrap();
    std::os::unix::fs::symlink(
        site.base().join("sentinel.txt"),
        site.path("root/secret.txt"),
    )
    .unwrap();
    let run = site.run(&["build"]);
    assert!(run.stderr.contains("root/secret.txt"), "{}", run.describe());
    assert!(!site.public().join("secret.txt").exists());
}
