//! The check stage: every finding about the loaded site that is not a file's own syntax, each
//! with a stable code, a position and a hint.
//!
//! `build`, `check` and `serve` all run these checks (through the pipeline), so they
//! agree: whatever `check` calls an error, `build` refuses. One module a concern:
//! [`references`] (IDs, tiers, templates, addresses), [`translations`] (missing and outdated
//! translations), [`fluent`] (each language's files against the source's), [`templates`]
//! (text written outside `t()`), [`slips`] (pages saved under a wrong name, misspelt message
//! IDs), [`words`] (typography and the glossary's terms), [`untranslated`] (blocks
//! copied from the source and sentences left in its language), and [`links`], which runs after rendering because it checks
//! links against the anchors really published.

mod fluent;
pub mod links;
mod references;
mod slips;
mod templates;
mod translations;
mod untranslated;
mod uses;
mod words;

pub use fluent::plural_categories;
pub use words::{Fix, TermHint, kept_terms, terms_in, typography_fixes};

use crate::diagnostic::Diagnostic;
use crate::index::Index;
use crate::site::Site;

/// How strict the checks are.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// A missing translation that a visitor would see (a message or a page shown from another
    /// language) is an error instead of a warning.
    pub(crate) strict: bool,
}

/// Every finding of the checks that run before rendering.
pub fn check(site: &Site, index: &Index, options: Options) -> Vec<Diagnostic> {
    let uses = uses::Uses::collect(site, index);
    let mut out = Vec::new();
    references::check(site, index, &uses, &mut out);
    translations::check(site, index, &uses, options.strict, &mut out);
    // Unused messages are only reported when the plan data loaded: a broken plan file would
    // make every label it holds look unused.
    let used = uses.all_ids();
    let counts = slips::counts(site);
    fluent::lint(
        site,
        (!site.plan_failed).then_some(&used),
        &counts,
        &mut out,
    );
    templates::lint(&site.templates, &mut out);
    slips::stray_pages(site, &mut out);
    slips::markup_in_attributes(site, &mut out);
    words::check(site, &mut out);
    untranslated::check(site, &mut out);
    // A misspelt ID is one slip, where the other checks see an obsolete message and a
    // missing one: they meet here and become one finding.
    slips::merge_typos(site, &slips::typos(site), &mut out);
    out
}
