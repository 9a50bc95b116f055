//! One module per command, as mdBook does: each parses nothing itself and prints its outcome.

pub mod build;
pub mod check;
pub mod explain;
pub mod fix;
pub mod init;
pub mod mark;
pub mod move_page;
pub mod new_language;
pub mod progress;
pub mod serve;
pub mod status;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Report};

/// The site a command run from `start` works on: the nearest folder holding a `site.yaml`,
/// from `start` up (as cargo finds Cargo.toml), so `polydocs check` works from
/// `content/fr/`. Without one, `start` itself, where loading then says there is no site.
pub fn site_root(start: &Path) -> PathBuf {
    let absolute = std::path::absolute(start).unwrap_or_else(|_| start.to_path_buf());
    absolute
        .ancestors()
        .find(|dir| dir.join(crate::config::CONFIG_FILE).is_file())
        .map_or_else(|| start.to_path_buf(), relative_to(start, &absolute))
}

/// A function giving `dir`, an ancestor of `absolute`, as a path relative to the current
/// folder when `start` was relative (`../..`), so messages show short paths.
fn relative_to<'a>(start: &'a Path, absolute: &'a Path) -> impl Fn(&Path) -> PathBuf + 'a {
    move |dir: &Path| {
        if start.is_absolute() {
            return dir.to_path_buf();
        }
        let up = absolute.components().count() - dir.components().count();
        if up == 0 {
            start.to_path_buf()
        } else {
            std::iter::repeat_n("..", up).collect()
        }
    }
}

/// Prints diagnostics to standard error, with colour on a terminal, then one line saying how
/// to learn more about their codes.
pub(crate) fn print_diagnostics(diagnostics: &[Diagnostic]) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for d in diagnostics {
        eprintln!("{}\n", d.render(color));
    }
    if let Some(first) = diagnostics.first() {
        eprintln!("{}", explain_line(first.code.as_str()));
    }
}

/// Points at `polydocs explain`, with a code of the run as the example.
fn explain_line(code: &str) -> String {
    format!("For more about a code, run `polydocs explain {code}` (or any code in brackets above).")
}

/// Prints every error, and the warnings with long runs of one code in one language cut short
/// (the first few shown, the rest counted, with the command that lists them).
pub(crate) fn print_warnings(diagnostics: &[Diagnostic]) {
    let capped = crate::diagnostic::cap_warnings(diagnostics);
    print_diagnostics(&capped.shown);
    for line in &capped.more {
        eprintln!("{line}");
    }
}

/// The errors of a report, its warnings left out: what `--quiet` shows.
pub(crate) fn errors_only(report: Report) -> Report {
    let mut errors = Report::default();
    errors.extend(report.sorted().into_iter().filter(Diagnostic::is_error));
    errors
}

/// Prints the problems of a failed run, each once, then the closing line counting the errors
/// printed (the same error met by every page of a language is shown and counted once).
pub(crate) fn print_failure(report: Report, what: &str) {
    let diagnostics = report.sorted();
    print_warnings(&diagnostics);
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let plural = if errors == 1 { "" } else { "s" };
    eprintln!("{what} failed with {errors} error{plural}; nothing was written.");
}
