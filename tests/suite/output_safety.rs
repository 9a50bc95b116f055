//! Output folders that would destroy something are refused, and nothing is deleted; a folder
//! polydocs wrote before (it carries `.polydocs-output`) is replaced whole.

use std::path::Path;

use crate::common::*;

/// Runs `build --output <output>` and asserts it is refused with exit 1 and that nothing in
/// the folder around the site (`base`) changed.
fn assert_refused(site: &TempSite, output: &str, env: &[(&str, &Path)], watch: &[&Path]) -> Run {
    let before: Vec<_> = watch.iter().map(|p| snapshot(p)).collect();
    let run = site.run_with_env(&["build", "--output", output], env);
    assert_eq!(
        run.code,
        1,
        "--output {output} must be refused\n{}",
        run.describe()
    );
    assert!(
        run.stderr.contains("error[unsafe-output]"),
        "--output {output}: {}",
        run.describe()
    );
    assert!(
        run.stderr.contains("refusing"),
        "--output {output}: {}",
        run.describe()
    );
    for (path, before) in watch.iter().zip(&before) {
        assert_same_tree(
            before,
            &snapshot(path),
            &format!("{} after --output {output}", path.display()),
        );
    }
    run
}

#[test]
fn site_root_is_refused() {
    let site = TempSite::new("out-root");
    site.build_ok();
    let base = site.base().to_path_buf();
    assert_refused(&site, ".", &[], &[&base]);
    assert_refused(&site, "public/..", &[], &[&base]);
    let root = site.root.to_string_lossy().into_owned();
    assert_refused(&site, &root, &[], &[&base]);
    assert!(site.path("site.yaml").is_file());
}

#[test]
fn folder_holding_the_site_is_refused() {
    let site = TempSite::new("out-parent");
    let base = site.base().to_path_buf();
    assert_refused(&site, "..", &[], &[&base]);
    assert!(
        base.join("sentinel.txt").is_file(),
        "the folder next to the site is intact"
    );
}

#[test]
fn file_system_root_is_refused() {
    let site = TempSite::new("out-slash");
    let base = site.base().to_path_buf();
    assert_refused(&site, "/", &[], &[&base]);
    assert!(Path::new("/").read_dir().unwrap().next().is_some());
}

#[test]
fn source_folders_are_refused() {
    let site = TempSite::new("out-sources");
    site.build_ok();
    let base = site.base().to_path_buf();
    for output in [
        "content",
        "content/en",
        "locales",
        "templates",
        "static",
        "site.yaml",
    ] {
        assert_refused(&site, output, &[], &[&base]);
    }
}

#[test]
fn non_empty_folder_not_made_by_polydocs_is_refused() {
    let site = TempSite::new("out-foreign");
    let foreign = site.base().join("mine");
    std::fs::create_dir_all(&foreign).unwrap();
    std::fs::write(foreign.join("keep.txt"), b"precious\n").unwrap();
    let base = site.base().to_path_buf();
    assert_refused(&site, "../mine", &[], &[&base]);
    assert_eq!(
        std::fs::read(foreign.join("keep.txt")).unwrap(),
        b"precious\n"
    );

    // Inside the site too.
    let inside = site.path("mine");
    std::fs::create_dir_all(&inside).unwrap();
    std::fs::write(inside.join("keep.txt"), b"precious\n").unwrap();
    assert_refused(&site, "mine", &[], &[&base]);
    assert!(inside.join("keep.txt").is_file(), "keep.txt still exists");
    // And the same folder named by an absolute path.
    assert_refused(&site, &inside.to_string_lossy(), &[], &[&base]);
    assert!(inside.join("keep.txt").is_file(), "keep.txt still exists");
}

#[test]
fn home_folder_is_refused() {
    let site = TempSite::new("out-home");
    let base = site.base().to_path_buf();
    // An empty home: only the home rule stands between it and the build.
    let home = base.join("home");
    std::fs::create_dir_all(&home).unwrap();
    let home_str = home.to_string_lossy().into_owned();
    assert_refused(&site, &home_str, &[("HOME", &home)], &[&base]);
    assert!(home.is_dir(), "the home folder still exists");

    // A home with files in it.
    std::fs::write(home.join(".profile"), b"export X=1\n").unwrap();
    assert_refused(&site, &home_str, &[("HOME", &home)], &[&base]);
    assert!(home.join(".profile").is_file());
}

#[cfg(unix)]
#[test]
fn symlink_to_the_site_is_refused() {
    let site = TempSite::new("out-symlink");
    let link = site.base().join("link-to-site");
    std::os::unix::fs::symlink(&site.root, &link).unwrap();
    let base = site.base().to_path_buf();
    assert_refused(&site, &link.to_string_lossy(), &[], &[&base]);
    assert!(site.path("site.yaml").is_file());
}

#[test]
fn folder_written_by_polydocs_is_replaced() {
    let site = TempSite::new("out-replace");
    let out = site.base().join("out");
    let out_str = out.to_string_lossy().into_owned();

    // A missing folder is created.
    let run = site.run(&["build", "--output", &out_str]);
    assert_eq!(run.code, 0, "{}", run.describe());
    assert!(
        out.join(".polydocs-output").is_file(),
        "the marker is written"
    );
    assert!(out.join("en/compare/index.html").is_file());
    let first = snapshot(&out);

    // A file left in it by hand goes with the old build: the folder is replaced whole.
    std::fs::write(out.join("stale.html"), b"old\n").unwrap();
    let run = site.run(&["build", "--output", &out_str]);
    assert_eq!(
        run.code,
        0,
        "a folder with the marker is replaced\n{}",
        run.describe()
    );
    assert!(
        !out.join("stale.html").exists(),
        "the previous output is replaced whole"
    );
    assert_same_tree(&first, &snapshot(&out), "the replaced output");

    // No staging or previous copies are left beside it.
    let siblings: Vec<String> = std::fs::read_dir(site.base())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".out."))
        .collect();
    assert!(siblings.is_empty(), "left beside the output: {siblings:?}");

    // The default output, `public/`, is replaced the same way.
    site.build_ok();
    std::fs::write(site.public().join("stale.html"), b"old\n").unwrap();
    site.build_ok();
    assert!(!site.public().join("stale.html").exists());
}

#[test]
fn empty_folder_is_used() {
    let site = TempSite::new("out-empty");
    let out = site.base().join("empty");
    std::fs::create_dir_all(&out).unwrap();
    let run = site.run(&["build", "--output", &out.to_string_lossy()]);
    assert_eq!(run.code, 0, "{}", run.describe());
    assert!(out.join("index.html").is_file());
    assert!(out.join(".polydocs-output").is_file());
}

/// A relative `--output` is taken from the site's folder, as `output:` of site.yaml is, not
/// from the folder polydocs runs in (`build --help` says so).
#[test]
fn relative_output_is_taken_from_the_site_folder() {
    let site = TempSite::new("out-relative");
    let root = site.path("");
    let args = [
        "--root",
        &root.to_string_lossy(),
        "build",
        "--output",
        "rel",
    ];
    let run = polydocs_in(site.base(), &args);
    assert_eq!(run.code, 0, "{}", run.describe());
    assert!(
        site.path("rel/en/compare/index.html").is_file(),
        "written under the site's folder\n{}",
        run.describe()
    );
    assert!(
        !site.base().join("rel").exists(),
        "nothing is written in the folder polydocs runs in"
    );
}
