//! `polydocs check`: load and validate everything, write nothing.

use std::path::Path;

use crate::site;
use crate::validate;

pub fn run(root: &Path, strict: bool) -> i32 {
    let (site, mut report) = match site::load(root) {
        Ok(loaded) => loaded,
        Err(report) => {
            let errors = report.error_count();
            super::print_diagnostics(&report.sorted());
            super::print_failure(errors, "check");
            return 1;
        }
    };
    let validated = validate::validate(&site);
    report.extend(validated.diagnostics);
    super::build::print_fallbacks(&validated.fallbacks);
    let failed = report.has_errors() || (strict && !validated.fallbacks.is_empty());
    let errors = report.error_count() + if strict { validated.fallbacks.len() } else { 0 };
    super::print_diagnostics(&report.sorted());
    if failed {
        super::print_failure(errors, "check");
        1
    } else {
        println!("No errors found in the site at `{}`.", root.display());
        0
    }
}
