//! The one pipeline: load → index → check → render, which `build`, `check` and `serve` all run.
//!
//! They differ only in where rendered files go (a staging folder that `build` publishes whole,
//! nowhere for `check`, memory for `serve`) and in what they do with the findings, so they
//! cannot disagree about what is wrong: `check` is `build` without writing.
//!
//! Stages report together: the checks run on whatever loaded, so a file that does not parse
//! hides nothing about the files that did. When loading or the checks found errors, rendering
//! still runs, into nothing, as far as it can, so that the links of every page that renders
//! are checked in the same run (its own errors are then left out: on a site with errors they
//! would mostly repeat them).

use std::path::Path;

use crate::check;
use crate::diagnostic::Report;
use crate::index::{Index, Published};
use crate::render::{self, Discard, Scope, Sink, Written};
use crate::site::{self, LoadOptions, Site};

/// What a run of the pipeline produced.
pub struct Outcome {
    pub index: Index,
    /// Every finding of every stage.
    pub report: Report,
    /// What was rendered, when rendering ran and succeeded.
    pub written: Option<Written>,
    /// The anchors and links of every page rendered so far (a partial build keeps those of
    /// the pages it did not render again).
    pub published: Published,
}

impl Outcome {
    /// Whether anything is wrong enough that nothing may be published.
    pub fn failed(&self) -> bool {
        self.report.has_errors() || self.written.is_none()
    }
}

/// Loads a site folder as far as its errors allow.
pub fn load(root: &Path, options: &LoadOptions) -> (Option<Site>, Report) {
    site::load_partial(root, options)
}

/// Indexes, checks and renders a loaded site. `report` holds the findings of loading;
/// `previous` the anchors and links of an earlier build of the same site (for a partial
/// `scope`). Files go to `sink` only when nothing is wrong.
pub fn process(
    site: &Site,
    mut report: Report,
    options: check::Options,
    scope: &Scope,
    sink: &dyn Sink,
    previous: Published,
) -> Outcome {
    let index = Index::build(site);
    report.extend(check::check(site, &index, options));
    let mut outcome = Outcome {
        index,
        report,
        written: None,
        published: previous,
    };
    if site.tera.is_none() {
        return outcome;
    }
    let clean = !outcome.report.has_errors();
    let sink = if clean { sink } else { &Discard };
    let (rendered, errors) = render::render(site, &outcome.index, scope, sink);
    outcome.published.retain_routes(&outcome.index.routes);
    outcome.published.update(rendered.published);
    outcome.report.extend(check::links::check(
        site,
        &outcome.index,
        &outcome.published,
    ));
    if clean {
        outcome.written = errors.is_empty().then_some(rendered.written);
        outcome.report.extend(errors);
    }
    outcome
}
