//! Crash safety on a large synthetic site (`../shared/bench/gen_site.py`, 2000 pages in each
//! of three languages): a build killed with SIGKILL at any moment leaves `public/` byte for
//! byte as it was and the sources untouched, and the next build succeeds and clears what the
//! killed one left beside `public/`; two builds started at once never corrupt `public/`.
//!
//! The tests are skipped, with a message, where the generator is not there. The sites are
//! written to `/dev/shm` when it exists (a disk makes each test several times slower).

use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;

/// A generated site in its own temporary folder (`<tmp>/site`).
struct Synthetic {
    _dir: ScratchDir,
    root: PathBuf,
}

/// A folder in memory (`/dev/shm`) when the system has one: the site and its output are
/// about 130 MB, and a disk makes every build several times slower. Removed on drop unless
/// `POLYDOCS_KEEP_TEMP` is set.
struct ScratchDir {
    path: PathBuf,
}

impl ScratchDir {
    fn new(name: &str) -> ScratchDir {
        let shm = Path::new("/dev/shm");
        let base = if shm.is_dir() {
            shm.to_path_buf()
        } else {
            std::env::temp_dir()
        };
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let path = base.join(format!(
            "polydocs-test-{name}-{}-{nanos}",
            std::process::id()
        ));
        std::fs::create_dir_all(&path).unwrap();
        ScratchDir { path }
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        if std::env::var_os("POLYDOCS_KEEP_TEMP").is_none() {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}

/// Generates the site with the bench templates, or `None` (and says why) when the generator
/// is missing.
fn synthetic(name: &str) -> Option<Synthetic> {
    let dir = ScratchDir::new(name);
    let root = dir.path.join("site");
    generate_site(&root, 2000, name).then_some(Synthetic { _dir: dir, root })
}

impl Synthetic {
    fn command(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_polydocs"));
        cmd.arg("--root")
            .arg(&self.root)
            .arg("build")
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd
    }

    fn spawn(&self) -> Child {
        self.command().spawn().expect("start polydocs")
    }

    /// A build run to its end; returns the run and how long it took.
    fn build(&self) -> (Run, Duration) {
        let started = Instant::now();
        let out = self.command().output().expect("run polydocs");
        let run = Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        };
        (run, started.elapsed())
    }

    fn public(&self) -> PathBuf {
        self.root.join("public")
    }

    /// What a build leaves beside `public/` (`.public.building-*`, `.public.lock`...).
    fn leftovers(&self) -> Vec<String> {
        std::fs::read_dir(&self.root)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".public."))
            .collect()
    }

    /// The staging folder of a running build, if there is one.
    fn staging(&self) -> Option<PathBuf> {
        std::fs::read_dir(&self.root)
            .ok()?
            .flatten()
            .find(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with(".public.building-")
            })
            .map(|e| e.path())
    }

    /// Every source of the site with its bytes.
    fn sources(&self) -> Vec<(String, Vec<u8>)> {
        let mut all = snapshot(&self.root.join("content"));
        all.extend(snapshot(&self.root.join("templates")));
        all.push((
            "site.yaml".into(),
            std::fs::read(self.root.join("site.yaml")).unwrap(),
        ));
        all
    }
}

/// When to kill a build.
#[derive(Debug, Clone, Copy)]
enum Moment {
    /// This long after it started (loading, for the short ones).
    After(Duration),
    /// As soon as its staging folder exists.
    StagingCreated,
    /// When its staging folder holds this fraction of the files the first build wrote: while
    /// it writes pages, whatever else the machine is doing (a fraction of a time measured on a
    /// busy machine let the builds end before it).
    Written(f64),
}

/// How many files are under `dir` now (names only: the build is writing them).
fn count_files(dir: &Path) -> usize {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .count()
}

/// What happened to one build that was to be killed.
#[derive(Debug)]
#[allow(dead_code)] // printed
struct Killed {
    moment: Moment,
    /// Whether SIGKILL ended it (it may have finished first).
    killed: bool,
    at: Duration,
    /// Whether its staging folder existed when it was killed (it was writing pages).
    writing: bool,
}

/// Starts a build and kills it with SIGKILL at `moment` (`took`: the first build's duration).
fn kill_at(site: &Synthetic, moment: Moment, took: Duration, files: usize) -> Killed {
    let limit = took * 3;
    let mut child = site.spawn();
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(
                status.success(),
                "{moment:?}: the build ended on its own but failed: {status:?}"
            );
            return Killed {
                moment,
                killed: false,
                at: started.elapsed(),
                writing: false,
            };
        }
        let now = started.elapsed();
        let due = match moment {
            Moment::After(d) => now >= d,
            Moment::StagingCreated => site.staging().is_some(),
            Moment::Written(f) => site
                .staging()
                .is_some_and(|dir| count_files(&dir) as f64 >= files as f64 * f),
        } || now >= limit;
        if due {
            let writing = site.staging().is_some();
            child.kill().unwrap(); // SIGKILL
            let status = child.wait().unwrap();
            return Killed {
                moment,
                killed: status.signal() == Some(9),
                at: now,
                writing,
            };
        }
        std::thread::sleep(Duration::from_millis(1));
    }
}

/// Builds the site, kills builds at each moment (checking `public/` and the sources after each
/// kill), then checks that a build succeeds, gives the same output, and leaves nothing beside
/// `public/`.
fn kills_leave_public_intact(name: &str, moments: &[Moment]) {
    let Some(site) = synthetic(name) else {
        return;
    };
    let (first, cold) = site.build();
    assert_eq!(
        first.code,
        0,
        "the synthetic site builds\n{}",
        first.describe()
    );
    // Moments are fractions of a build's time: take a warm build's, as the builds to kill
    // are warm too (a cold first build would put every moment after their end).
    let (second, warm) = site.build();
    assert_eq!(second.code, 0, "{}", second.describe());
    let took = cold.min(warm);
    let public = snapshot(&site.public());
    assert!(
        public.len() > 6000,
        "the first build wrote {} files",
        public.len()
    );
    let sources = site.sources();

    let mut killed = Vec::new();
    for &moment in moments {
        let k = kill_at(&site, moment, took, public.len());
        assert_same_tree(
            &public,
            &snapshot(&site.public()),
            &format!("{name}: public/ after {k:?}"),
        );
        killed.push(k);
        assert!(
            site.public().join(".polydocs-output").is_file(),
            "public/ is still a polydocs output"
        );
    }
    assert_same_tree(&sources, &site.sources(), &format!("{name}: the sources"));
    eprintln!("{name}: first build {took:?}; {killed:?}");
    assert!(
        killed.iter().filter(|k| k.killed).count() >= moments.len().saturating_sub(1),
        "{name}: the builds were meant to be killed mid-way: {killed:?}"
    );

    let (next, _) = site.build();
    assert_eq!(
        next.code,
        0,
        "the build after the kills\n{}",
        next.describe()
    );
    assert!(
        site.leftovers().is_empty(),
        "{name}: left beside public/ after a good build: {:?}",
        site.leftovers()
    );
    assert_same_tree(
        &public,
        &snapshot(&site.public()),
        &format!("{name}: public/ after the next build (same sources, same output)"),
    );
}

#[test]
fn builds_killed_while_loading_leave_public_intact() {
    kills_leave_public_intact(
        "kill-loading",
        &[
            Moment::After(Duration::from_millis(20)),
            Moment::After(Duration::from_millis(80)),
            Moment::After(Duration::from_millis(200)),
            Moment::StagingCreated,
        ],
    );
}

#[test]
fn builds_killed_while_writing_leave_public_intact() {
    kills_leave_public_intact(
        "kill-writing",
        &[Moment::Written(0.3), Moment::Written(0.8)],
    );
}

#[test]
fn two_builds_at_once_do_not_corrupt_public() {
    let Some(site) = synthetic("two-builds") else {
        return;
    };
    let (first, _) = site.build();
    assert_eq!(first.code, 0, "{}", first.describe());
    let public = snapshot(&site.public());

    for round in 0..2 {
        let a = site.spawn();
        let b = site.spawn();
        let runs: Vec<Run> = [a, b]
            .into_iter()
            .map(|c| {
                let out = c.wait_with_output().unwrap();
                Run {
                    code: out.status.code().unwrap_or(-1),
                    stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
                    stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
                }
            })
            .collect();
        let ok = runs.iter().filter(|r| r.code == 0).count();
        eprintln!(
            "two-builds round {round}: exit codes {:?}; {}",
            runs.iter().map(|r| r.code).collect::<Vec<_>>(),
            runs.iter()
                .find(|r| r.code != 0)
                .map_or("both succeeded", |r| r.stderr.lines().next().unwrap_or(""))
        );
        assert!(
            ok >= 1,
            "round {round}: one build at least succeeds\n{}\n{}",
            runs[0].describe(),
            runs[1].describe()
        );
        for r in runs.iter().filter(|r| r.code != 0) {
            assert_eq!(
                r.code,
                1,
                "round {round}: a clean failure, not a crash\n{}",
                r.describe()
            );
            assert!(
                r.stderr.contains("another build"),
                "round {round}: the second build says another build is running\n{}",
                r.describe()
            );
        }
        // Whatever the order, public/ is one complete build: the same as before.
        assert_same_tree(
            &public,
            &snapshot(&site.public()),
            &format!("round {round}: public/ after two builds at once"),
        );
        assert!(
            site.leftovers().is_empty(),
            "round {round}: left beside public/: {:?}",
            site.leftovers()
        );
    }
}

#[test]
fn a_build_killed_between_the_renames_of_a_swap_loses_nothing() {
    // Where the output cannot be exchanged in one step, a swap is two renames; a build killed
    // between them leaves the previous output aside and no public/. The next build puts it
    // back first, so even when that build fails the previous site is there, unchanged.
    let site = TempSite::new("killed-mid-swap");
    site.build_ok();
    let before = snapshot(&site.public());
    let aside = site.root.join(".public.previous-4194304");
    std::fs::rename(site.public(), &aside).unwrap();
    // A page error found while rendering: the build gets as far as the output folder.
    let page = site.read("content/en/hours.md");
    site.write(
        "content/en/hours.md",
        &format!("{page}\n[x](javascript:alert(1))\n"),
    );
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.describe());
    assert!(!aside.exists(), "the previous output was put back");
    assert_same_tree(&before, &snapshot(&site.public()), "public/ after recovery");
    site.write("content/en/hours.md", &page);
    site.build_ok();
    assert_same_tree(&before, &snapshot(&site.public()), "public/ rebuilt");
}

#[test]
fn a_staging_folder_left_empty_by_a_kill_is_removed_and_a_folder_with_files_is_not() {
    // A build killed between creating its staging folder and writing the marker in it leaves
    // an empty folder: the next build removes it. A folder of that name holding files without
    // the marker is not polydocs' to remove.
    let site = TempSite::new("killed-before-marker");
    site.build_ok();
    let empty = site.root.join(".public.building-4194304");
    std::fs::create_dir(&empty).unwrap();
    let kept = site.root.join(".public.building-4194305");
    std::fs::create_dir(&kept).unwrap();
    std::fs::write(kept.join("notes.txt"), "mine").unwrap();
    site.build_ok();
    assert!(!empty.exists(), "the empty staging folder is removed");
    assert_eq!(
        std::fs::read_to_string(kept.join("notes.txt")).unwrap(),
        "mine"
    );
}

/// A build killed while it removes the previous output (after the swap) leaves that output
/// under its staging name with the marker still in it, whatever order the file system lists
/// its files in: the marker goes last. The next build removes it, whatever its size.
#[test]
fn a_build_killed_while_removing_the_previous_output_is_cleaned_up_by_the_next() {
    let site = TempSite::new("kill-removing");
    site.build_ok();
    let parent = site.public().parent().unwrap().to_path_buf();
    let leftovers = || -> Vec<String> {
        std::fs::read_dir(&parent)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".public.building-") || n.starts_with(".public.previous-"))
            .collect()
    };
    let killed = site.run_with_env(
        &["build"],
        &[("POLYDOCS_FAULT", Path::new("removing-previous"))],
    );
    assert_ne!(
        killed.code,
        0,
        "the fault point stops the build: {}",
        killed.describe()
    );
    let left = leftovers();
    assert_eq!(left.len(), 1, "the previous output is left aside: {left:?}");
    assert!(
        parent.join(&left[0]).join(".polydocs-output").is_file(),
        "the marker is the last file removed"
    );
    // The new output is in place, whole.
    assert!(site.public().join("en/index.html").is_file());
    site.build_ok();
    assert_eq!(
        leftovers(),
        Vec::<String>::new(),
        "the next build removes what was left"
    );
}
