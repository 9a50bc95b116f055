//! What a long build shows while it runs, and what `--quiet` leaves out.
//!
//! The progress line shows only on a terminal and only after a second;
//! `POLYDOCS_PROGRESS_AFTER_MS` lowers the delay so that a test of a site of a few hundred
//! pages sees it. The terminal is a real pseudo-terminal, from `script` (util-linux).

use std::path::PathBuf;
use std::process::Command;

use crate::common::*;

const AFTER: &str = "POLYDOCS_PROGRESS_AFTER_MS";

/// Runs the binary in `site` with the progress shown at once.
fn run_at_once(site: &TempSite, args: &[&str]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_polydocs"));
    cmd.arg("--root")
        .arg(&site.root)
        .args(args)
        .env("NO_COLOR", "1")
        .env(AFTER, "0");
    Run::of(cmd)
}

#[test]
fn progress_is_never_written_into_a_log() {
    let site = TempSite::new("progress-log");
    for args in [&["build"][..], &["check"]] {
        let run = run_at_once(&site, args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.describe());
        for text in [&run.stdout, &run.stderr] {
            assert!(
                !text.contains('\r') && !text.contains("rendering") && !text.contains("loading"),
                "{args:?} printed progress although standard error is not a terminal\n{}",
                run.describe()
            );
        }
    }
}

#[test]
fn quiet_prints_nothing_when_all_is_well() {
    let site = TempSite::new("progress-quiet-ok");
    // A page left untranslated: a warning, which --quiet does not print.
    std::fs::remove_file(site.path("content/zh-TW/hours.md")).unwrap();
    let loud = site.run(&["build"]);
    assert_eq!(loud.code, 0, "{}", loud.describe());
    assert!(
        loud.stderr.contains("warning[missing-page]"),
        "{}",
        loud.describe()
    );
    for args in [
        &["--quiet", "build"][..],
        &["build", "--quiet"],
        &["build", "-q"],
        &["--quiet", "check"],
        &["check", "-q"],
    ] {
        let run = run_at_once(&site, args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.describe());
        assert_eq!(
            (run.stdout.as_str(), run.stderr.as_str()),
            ("", ""),
            "{args:?} should print nothing on success"
        );
    }
    assert!(site.public().join("en/hours/index.html").is_file());
}

#[test]
fn quiet_still_shows_every_error_and_no_warning() {
    let site = TempSite::new("progress-quiet-error");
    std::fs::remove_file(site.path("content/zh-TW/hours.md")).unwrap();
    let ftl = site.read("locales/fr/ui.ftl");
    site.write(
        "locales/fr/ui.ftl",
        &format!("{ftl}\nbroken message = {{\n"),
    );
    for command in ["build", "check"] {
        let run = site.run(&["--quiet", command]);
        assert_eq!(run.code, 1, "{command}: {}", run.describe());
        assert!(
            run.stderr.contains("error[") && run.stderr.contains("locales/fr/ui.ftl:"),
            "{command} --quiet names the error and where it is\n{}",
            run.describe()
        );
        assert!(
            !run.stderr.contains("warning["),
            "{command} --quiet leaves warnings out\n{}",
            run.describe()
        );
        assert!(
            run.stderr.contains(&format!("{command} failed")),
            "{}",
            run.describe()
        );
        assert_eq!(run.stdout, "", "{command}: {}", run.describe());
    }
    // Warnings that fail the check are what it must show.
    site.write("locales/fr/ui.ftl", &ftl);
    let run = site.run(&["--quiet", "check", "--deny-warnings"]);
    assert_eq!(run.code, 1, "{}", run.describe());
    assert!(
        run.stderr.contains("warning[missing-page]"),
        "{}",
        run.describe()
    );
}

#[test]
fn completions_offer_quiet() {
    let dir = TempDir::new("progress-completions");
    for shell in ["bash", "zsh", "fish"] {
        let run = polydocs_in(&dir.path, &["completions", shell]);
        assert_eq!(run.code, 0, "{shell}: {}", run.describe());
        assert!(
            run.stdout.contains("quiet"),
            "{shell} completions lack --quiet\n{}",
            run.stdout
        );
    }
}

/// A site of 100 pages in each of three languages, with the bench templates; `None` (and
/// why) when it cannot be made.
fn synthetic(dir: &TempDir) -> Option<PathBuf> {
    let root = dir.path.join("site");
    generate_site(&root, 100, "progress").then_some(root)
}

/// `script` runs a command on a pseudo-terminal: whether it is here.
fn has_script() -> bool {
    Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn a_terminal_sees_the_progress_line_then_the_summary() {
    if !has_script() {
        eprintln!("SKIPPED: `script` (util-linux) is not installed: no pseudo-terminal");
        return;
    }
    let dir = TempDir::new("progress-tty");
    let Some(root) = synthetic(&dir) else {
        return;
    };
    let line = format!(
        "'{}' --root '{}' build",
        env!("CARGO_BIN_EXE_polydocs"),
        root.display()
    );
    let out = Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .env(AFTER, "0")
        .env("NO_COLOR", "1")
        .output()
        .expect("run script");
    let screen = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "build on a terminal failed\n{screen}");
    // Each rewrite starts with a carriage return; the counts go up to the total.
    let states: Vec<&str> = screen.split('\r').map(str::trim_end).collect();
    let counts: Vec<(usize, usize)> = states
        .iter()
        .filter_map(|s| s.strip_prefix("rendering ")?.strip_suffix(" pages"))
        .filter_map(|s| {
            let (done, total) = s.split_once('/')?;
            let number = |n: &str| n.replace(' ', "").parse::<usize>().ok();
            Some((number(done)?, number(total)?))
        })
        .collect();
    assert!(
        !counts.is_empty(),
        "no `rendering N/M pages` line on the terminal\n{screen:?}"
    );
    let total = counts[0].1;
    assert!(total >= 300, "{total} pages to render: {counts:?}");
    assert!(
        counts.iter().all(|(done, t)| *t == total && done <= t),
        "{counts:?}"
    );
    assert!(
        counts.windows(2).all(|w| w[0].0 <= w[1].0),
        "the count never goes back: {counts:?}"
    );
    // The line is blanked and the cursor put back at its start before the report, which is
    // what stays on the screen.
    let clear = screen
        .rfind(" \r")
        .unwrap_or_else(|| panic!("the progress line is never cleared\n{screen:?}"));
    let blank_from = screen[..clear].rfind('\r').unwrap_or(0) + 1;
    let blank = &screen[blank_from..=clear];
    let widest = screen[..blank_from]
        .split('\r')
        .map(|s| s.trim_end().chars().count())
        .max()
        .unwrap_or(0);
    assert!(
        blank.trim().is_empty() && blank.len() >= widest,
        "the clearing blank {blank:?} is narrower than a progress line ({widest})"
    );
    let report = screen[clear + 2..].replace("\r\n", "\n");
    assert!(
        report.contains("Built ") && !report.contains('\r'),
        "the report follows the cleared line\n{report:?}"
    );

    // --quiet never shows it.
    let quiet = Command::new("script")
        .args(["-qec", &format!("{line} --quiet"), "/dev/null"])
        .env(AFTER, "0")
        .output()
        .expect("run script");
    let screen = String::from_utf8_lossy(&quiet.stdout);
    assert!(quiet.status.success(), "{screen}");
    assert_eq!(screen.trim(), "", "--quiet on a terminal prints nothing");
}
