//! One module per command, as mdBook does: each parses nothing itself and prints its outcome.

pub mod build;
pub mod check;
pub mod explain;
pub mod mark;
pub mod serve;
pub mod status;

use std::io::IsTerminal;

use crate::diagnostic::{Diagnostic, Report};

/// Prints diagnostics to standard error, with colour on a terminal, then one line saying how
/// to learn more about their codes.
pub fn print_diagnostics(diagnostics: &[Diagnostic]) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for d in diagnostics {
        eprintln!("{}\n", d.render(color));
    }
    if let Some(first) = diagnostics.first() {
        eprintln!("{}", explain_line(first.code));
    }
}

/// Points at `polydocs explain`, with a code of the run as the example.
fn explain_line(code: &str) -> String {
    format!("For more about a code, run `polydocs explain {code}` (or any code in brackets above).")
}

/// Prints the problems of a failed run, each once, then the closing line counting the errors
/// printed (the same error met by every page of a language is shown and counted once).
pub fn print_failure(report: Report, what: &str) {
    let diagnostics = report.sorted();
    print_diagnostics(&diagnostics);
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let plural = if errors == 1 { "" } else { "s" };
    eprintln!("{what} failed with {errors} error{plural}; nothing was written.");
}
