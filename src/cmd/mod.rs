//! One module per command, as mdBook does: each parses nothing itself and prints its outcome.

pub mod build;
pub mod check;
pub mod mark;
pub mod serve;
pub mod status;

use std::io::IsTerminal;

use crate::diagnostic::Diagnostic;

/// Prints diagnostics to standard error, with colour on a terminal.
pub fn print_diagnostics(diagnostics: &[Diagnostic]) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for d in diagnostics {
        eprintln!("{}\n", d.render(color));
    }
}

/// The closing line of a failed run.
pub fn print_failure(errors: usize, what: &str) {
    let plural = if errors == 1 { "" } else { "s" };
    eprintln!("{what} failed with {errors} error{plural}; nothing was written.");
}
