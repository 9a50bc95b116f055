//! The one pipeline: load → index → check → render, which `build`, `check` and `serve` all run.
//!
//! They differ only in where rendered files go (a staging folder that `build` publishes whole,
//! nowhere for `check`, memory for `serve`) and in what they do with the findings, so they
//! cannot disagree about what is wrong: `check` is `build` without writing.
//!
//! Stages report together: the checks run on whatever loaded, so a file that does not parse
//! hides nothing about the files that did. Rendering runs beside the checks, as far as it can
//! (into nothing when loading failed), so that the links of every page that renders are
//! checked in the same run; on a site with other errors its own errors are left out, as they
//! would mostly repeat the others.

use std::path::Path;
use std::sync::atomic::{AtomicU8, Ordering};

use rayon::prelude::*;

use crate::check;
use crate::diagnostic::{Diagnostic, Report};
use crate::index::{Index, Published};
use crate::render::{self, Counter, Discard, Scope, Sink, Written};
use crate::search;
use crate::site::{self, LoadOptions, Site};

/// What a run of the pipeline produced.
pub struct Outcome {
    pub index: Index,
    /// Every finding of every stage.
    pub(crate) report: Report,
    /// What was rendered, when rendering ran and succeeded.
    pub(crate) written: Option<Written>,
    /// The anchors and links of every page rendered so far (a partial build keeps those of
    /// the pages it did not render again).
    pub(crate) published: Published,
}

impl Outcome {
    /// Whether anything is wrong enough that nothing may be published.
    pub(crate) fn failed(&self) -> bool {
        self.report.has_errors() || self.written.is_none()
    }
}

/// A stage of a run, as a person waiting for it would name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Stage {
    Loading,
    Indexing,
    /// Rendering every page, the checks running beside it.
    Rendering,
    /// Checking the links of the rendered pages.
    Linking,
    /// Writing the search index.
    Searching,
    /// Swapping the new output folder in (done by `build`, after the pipeline).
    Publishing,
}

/// How far a run has got: the pipeline writes it as it goes, and a command may read it from
/// another thread to show a long build's progress. The pipeline itself never prints: what to
/// show, where and when is the command's business.
#[derive(Debug, Default)]
pub(crate) struct Progress {
    stage: AtomicU8,
    /// Pages rendered of pages to render.
    pub(crate) pages: Counter,
}

impl Progress {
    pub(crate) fn enter(&self, stage: Stage) {
        self.stage.store(stage as u8, Ordering::Relaxed);
    }

    pub(crate) fn stage(&self) -> Stage {
        const STAGES: [Stage; 6] = [
            Stage::Loading,
            Stage::Indexing,
            Stage::Rendering,
            Stage::Linking,
            Stage::Searching,
            Stage::Publishing,
        ];
        STAGES[usize::from(self.stage.load(Ordering::Relaxed)).min(STAGES.len() - 1)]
    }
}

/// Loads a site folder as far as its errors allow.
pub(crate) fn load(root: &Path, options: &LoadOptions) -> (Option<Site>, Report) {
    site::load_partial(root, options)
}

/// The whole site through every stage, written nowhere: what `check` reports, and what
/// `build` reports when it cannot write.
pub(crate) fn check_all(
    site: &Site,
    report: Report,
    options: check::Options,
    progress: &Progress,
) -> Report {
    // A site rendered with marks tells which pages show each message: the findings about a
    // message then name them.
    let shown = render::Shown::default();
    let sink: &dyn Sink = if site.config.mark_messages {
        &shown
    } else {
        &Discard
    };
    let mut report = process_observed(
        site,
        report,
        options,
        &Scope::All,
        sink,
        Published::default(),
        progress,
    )
    .report;
    if site.config.mark_messages {
        name_pages(site, &shown, &mut report);
    }
    report
}

/// Which pages show each message: the site at `root` loaded with marks and rendered into
/// [`render::Shown`] (no check runs, nothing is kept). `None` when it does not load or
/// render (`status` then reports without pages).
pub(crate) fn shown_pages(root: &Path) -> Option<render::Shown> {
    let options = LoadOptions {
        mark_messages: true,
        ..LoadOptions::default()
    };
    let (site, _) = site::load_partial(root, &options);
    let site = site?;
    let index = Index::of(&site);
    let shown = render::Shown::default();
    let (_, errors) = render::render(&site, &index, &Scope::All, &shown);
    errors.is_empty().then_some(shown)
}

/// Gives each finding about a message of a language (missing, outdated, copied) the pages of
/// that language that show the message.
fn name_pages(site: &Site, shown: &render::Shown, report: &mut Report) {
    use crate::diagnostic::Code;
    for d in &mut report.diagnostics {
        if !matches!(
            d.code,
            Code::MissingMessage | Code::OutdatedMessage | Code::SameAsSource
        ) {
            continue;
        }
        let (Some(id), Some(code)) = (d.subject.message.clone(), d.language().map(str::to_string))
        else {
            continue;
        };
        let Some(language) = site.config.languages.iter().find(|l| l.code == code) else {
            continue;
        };
        d.pages = shown.pages_of(&format!("/{}/", language.prefix), &id);
    }
}

/// Indexes, checks and renders a loaded site. `report` holds the findings of loading;
/// `previous` the anchors and links of an earlier build of the same site (for a partial
/// `scope`). Files go to `sink` when the site loaded without errors; they may be published
/// only when the outcome has not [failed](Outcome::failed).
pub(crate) fn process(
    site: &Site,
    report: Report,
    options: check::Options,
    scope: &Scope,
    sink: &dyn Sink,
    previous: Published,
) -> Outcome {
    process_observed(
        site,
        report,
        options,
        scope,
        sink,
        previous,
        &Progress::default(),
    )
}

/// [`process`], telling `progress` which stage it is in and how many pages it has rendered.
pub(crate) fn process_observed(
    site: &Site,
    mut report: Report,
    options: check::Options,
    scope: &Scope,
    sink: &dyn Sink,
    previous: Published,
    progress: &Progress,
) -> Outcome {
    let loaded = !report.has_errors();
    progress.enter(Stage::Indexing);
    let index = Index::of(site);
    progress.enter(Stage::Rendering);
    // The checks and rendering need only the index: they run side by side. Rendering goes
    // to the sink only when loading went well; whether the checks went well is known after,
    // and a caller publishes nothing then (the staging folder or the preview is dropped).
    let sink = if loaded { sink } else { &Discard };
    let (findings, (rendered, errors)) = rayon::join(
        || check::check(site, &index, options),
        || render::render_counted(site, &index, scope, sink, &progress.pages),
    );
    report.extend(findings);
    let checked = !report.has_errors();
    let mut published = previous;
    if published.pages.is_empty() {
        published = rendered.published;
    } else {
        published.retain_routes(&index.routes);
        published.update(rendered.published);
    }
    let mut written = None;
    let mut rendering_errors = Vec::new();
    if checked {
        // On a site with other errors, rendering errors mostly repeat them: left out.
        written = errors.is_empty().then_some(rendered.written);
        rendering_errors = errors;
    }
    // Links are checked while the search index is written: both only read what was
    // published, and each is mostly one thread's work.
    progress.enter(if written.is_some() {
        Stage::Searching
    } else {
        Stage::Linking
    });
    let (links, search) = rayon::join(
        || {
            let mut links = Vec::new();
            check::links::check(site, &index, &published, &mut links);
            links
        },
        || {
            written
                .is_some()
                .then(|| write_search(site, &published, &rendered.searched, sink))
        },
    );
    report.extend(links);
    report.extend(rendered.warnings);
    report.extend(rendering_errors);
    match (search, &mut written) {
        (Some(Ok(more)), Some(done)) => done.add(more),
        (Some(Err(d)), _) => {
            report.push(d);
            written = None;
        }
        _ => {}
    }
    Outcome {
        index,
        report,
        written,
        published,
    }
}

/// Writes the search index of each language of `languages` into `<prefix>/search/` (see
/// [`search`]), the languages side by side, from what `published` holds of every page of the
/// language: the pages just rendered and, in a partial rebuild, those kept from before. Only
/// the languages rendered get one (a rendering of `static/` alone leaves the index as it was).
fn write_search(
    site: &Site,
    published: &Published,
    languages: &[usize],
    sink: &dyn Sink,
) -> Result<Written, Diagnostic> {
    let mut documents: Vec<Vec<&search::Document>> = vec![Vec::new(); site.config.languages.len()];
    for ((lang, _), facts) in &published.pages {
        if let Some(document) = &facts.search {
            documents[*lang].push(document);
        }
    }
    let per_language: Vec<Result<Written, Diagnostic>> = documents
        .into_par_iter()
        .enumerate()
        .filter(|(lang, docs)| languages.contains(lang) && !docs.is_empty())
        .map(|(lang, docs)| {
            let language = &site.config.languages[lang];
            let segmented = search::Analyzer::for_tag(&language.tag).segments();
            let mut written = Written::default();
            for (name, bytes) in search::build(docs, segmented) {
                written.bytes += sink.put(&format!("{}/search/{name}", language.prefix), bytes)?;
                written.files += 1;
            }
            Ok(written)
        })
        .collect();
    let mut written = Written::default();
    for w in per_language {
        written.add(w?);
    }
    Ok(written)
}
