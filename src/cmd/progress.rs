//! The progress line of a long `build` or `check`: one line on standard error, rewritten about
//! ten times a second (`rendering 4 210/15 033 pages`) and cleared when the work is done, so
//! that what stays on the screen is the usual report.
//!
//! It shows only on a terminal, and only after a second: a short build looks as it always
//! did, and a CI log (standard error not a terminal) gets no carriage returns. The pipeline
//! knows nothing of it: it fills a [`Progress`], which a thread of this module reads.

use std::io::{IsTerminal, Write};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use crate::pipeline::{Progress, Stage};

/// How long a run goes before its progress shows. Overridden by this environment variable,
/// in milliseconds: for tests, which need the line on a build that takes less than a second.
const AFTER: Duration = Duration::from_secs(1);
pub(crate) const AFTER_VARIABLE: &str = "POLYDOCS_PROGRESS_AFTER_MS";

/// How often the line is rewritten.
const TICK: Duration = Duration::from_millis(100);

/// Whether a command not asked to be quiet shows progress: only when a person is watching.
pub(crate) fn wanted(quiet: bool) -> bool {
    !quiet && std::io::stderr().is_terminal()
}

/// Runs `work`, showing how far it has got from `progress` when `show` is true and `work`
/// takes longer than the delay; the line is cleared before this returns.
pub(crate) fn while_running<T>(progress: &Progress, show: bool, work: impl FnOnce() -> T) -> T {
    if !show {
        return work();
    }
    let after = std::env::var(AFTER_VARIABLE)
        .ok()
        .and_then(|ms| ms.parse().ok())
        .map_or(AFTER, Duration::from_millis);
    let (done, finished) = mpsc::channel::<()>();
    std::thread::scope(|scope| {
        scope.spawn(move || tick(progress, &finished, after));
        let result = work();
        // Dropping the sender wakes the thread at once; the scope waits until it has
        // cleared its line.
        drop(done);
        result
    })
}

/// Waits `after`, then rewrites the line every [`TICK`] until `finished` says the work is
/// done, and clears it.
fn tick(progress: &Progress, finished: &mpsc::Receiver<()>, after: Duration) {
    if finished.recv_timeout(after) != Err(RecvTimeoutError::Timeout) {
        return;
    }
    let mut width = 0;
    loop {
        let line = describe(progress);
        // Padding covers what a longer line before left; no escape codes, so that any
        // terminal shows it right. Standard error is locked for one write at a time only:
        // anything else printing meanwhile waits a moment, never until the end.
        let mut stderr = std::io::stderr().lock();
        let _ = write!(stderr, "\r{line:<width$}");
        let _ = stderr.flush();
        drop(stderr);
        width = width.max(line.chars().count());
        if finished.recv_timeout(TICK) != Err(RecvTimeoutError::Timeout) {
            break;
        }
    }
    let mut stderr = std::io::stderr().lock();
    let _ = write!(stderr, "\r{:width$}\r", "");
    let _ = stderr.flush();
}

/// What the line says: the stage, and while rendering, the pages rendered of the total.
pub(crate) fn describe(progress: &Progress) -> String {
    match progress.stage() {
        Stage::Loading => "loading the site".to_string(),
        Stage::Indexing => "indexing pages".to_string(),
        Stage::Rendering => match progress.pages.get() {
            (_, 0) => "rendering".to_string(),
            (done, total) => format!(
                "rendering {}/{} pages",
                grouped(done.min(total)),
                grouped(total)
            ),
        },
        Stage::Linking => "checking links".to_string(),
        Stage::Searching => "writing the search index".to_string(),
        Stage::Publishing => "publishing".to_string(),
    }
}

/// A count with its thousands apart, so that a long number reads at a glance: `15 033`.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(4210), "4 210");
        assert_eq!(grouped(15033), "15 033");
        assert_eq!(grouped(1234567), "1 234 567");
    }

    #[test]
    fn the_line_names_the_stage() {
        let progress = Progress::default();
        assert_eq!(describe(&progress), "loading the site");
        progress.enter(Stage::Rendering);
        assert_eq!(describe(&progress), "rendering");
        progress.enter(Stage::Publishing);
        assert_eq!(describe(&progress), "publishing");
    }

    #[test]
    fn nothing_shows_when_not_wanted() {
        let progress = Progress::default();
        assert_eq!(while_running(&progress, false, || 7), 7);
    }
}
