//! The command line as a publisher meets it: run from anywhere inside a site, and shell
//! completions.

use crate::common::*;

#[test]
fn a_command_run_inside_a_site_finds_its_site_yaml_above() {
    let site = TempSite::new("cli-walk-up");
    let run = polydocs_in(&site.path("content/fr/docs"), &["check"]);
    assert_eq!(run.code, 0, "{}", run.describe());
    assert!(
        run.stdout.contains("0 errors, 0 warnings"),
        "{}",
        run.describe()
    );
    // The build writes the site's own output folder, not one under the current folder.
    let run = polydocs_in(&site.path("content/fr"), &["build"]);
    assert_eq!(run.code, 0, "{}", run.describe());
    assert!(site.public().join("fr/index.html").is_file());
    assert!(!site.path("content/fr/public").exists());
}

#[test]
fn outside_any_site_the_error_says_so() {
    let dir = TempDir::new("cli-no-site");
    let run = polydocs_in(&dir.path, &["check"]);
    assert_eq!(run.code, 1, "{}", run.describe());
    assert!(run.stderr.contains("error[no-site]"), "{}", run.describe());
}

#[test]
fn completions_are_printed_for_each_shell() {
    let dir = TempDir::new("cli-completions");
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef polydocs"),
        ("fish", "complete -c polydocs"),
    ] {
        let run = polydocs_in(&dir.path, &["completions", shell]);
        assert_eq!(run.code, 0, "{shell}: {}", run.describe());
        assert!(run.stdout.contains(marker), "{shell}: {}", run.stdout);
        assert!(
            run.stdout.contains("build") && run.stdout.contains("explain"),
            "{shell}"
        );
    }
}
