//! The translators' checks that `polydocs check` runs on top of loading and validation.
//!
//! Each finding has a stable code (`missing-message`, `unknown-variable`, `broken-link`, ...),
//! a file, line and column, and a hint: the output of a linter a translator can act on.

mod fluent;
mod pages;
mod templates;

use std::collections::BTreeSet;

use crate::diagnostic::Diagnostic;
use crate::render::view::{BUILTIN_MESSAGES, OPTIONAL_MESSAGES};
use crate::site::Site;
use crate::validate::Validated;

/// Every finding of the translators' checks. `complete` says whether the whole site loaded
/// without errors: unused messages are only reported then (a broken plan file would make
/// every label it holds look unused).
pub fn lint(site: &Site, validated: &Validated, complete: bool) -> Vec<Diagnostic> {
    let mut used: BTreeSet<String> = site
        .templates
        .message_uses()
        .into_iter()
        .map(|(id, _, _)| id)
        .collect();
    used.extend(
        BUILTIN_MESSAGES
            .iter()
            .chain(OPTIONAL_MESSAGES)
            .map(|s| s.to_string()),
    );
    if let Some(plan) = &site.plan {
        used.extend(plan.message_refs().into_iter().map(|r| r.id.clone()));
    }
    let mut out = fluent::lint(site, complete.then_some(&used));
    out.extend(pages::lint(site, &validated.routes));
    out.extend(templates::lint(&site.templates));
    out
}

/// The errors among the translators' Fluent findings. A page fails to render when a message
/// uses a variable or a reference that does not exist; the template position alone does not
/// tell the translator which line of their file to fix, so a failed build adds these.
pub fn translation_errors(site: &Site) -> Vec<Diagnostic> {
    fluent::lint(site, None)
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect()
}
