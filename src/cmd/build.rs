//! `polydocs build`: the pipeline into a staging folder, published whole when nothing is wrong.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::check;
use crate::diagnostic::{Code, Diagnostic, Report};
use crate::index::Published;
use crate::pipeline::{self, Progress, Stage};
use crate::publish;
use crate::render::{Folder, Scope, Written};
use crate::site::LoadOptions;

#[derive(Debug, Default, Clone)]
pub struct BuildOptions {
    /// Fail on any fallback (a message or page shown from another language).
    pub strict: bool,
    /// Overrides `output:` of site.yaml.
    pub output: Option<PathBuf>,
    /// Adds the pseudo-language, and writes into [`pseudo_output`] instead of the published
    /// folder.
    pub pseudo: bool,
    /// Publish the pages marked `draft: true` too.
    pub drafts: bool,
    /// Replaces `base_url` of site.yaml.
    pub base_url: Option<String>,
    /// Marks every page `noindex` (a preview deploy).
    pub noindex: bool,
}

/// What a successful build did.
pub struct Built {
    pub(crate) written: Written,
    pub output: PathBuf,
    pub(crate) languages: usize,
    /// Pages left out as drafts.
    pub(crate) drafts: usize,
    pub(crate) warnings: Vec<Diagnostic>,
}

/// Builds the site in `root`. On failure nothing in the output folder has changed, and the
/// report holds every finding (the same as `check` with the same options).
pub fn build(root: &Path, options: &BuildOptions) -> Result<Built, Report> {
    build_observed(root, options, &Progress::default())
}

/// [`build`], telling `progress` how far it has got.
pub(crate) fn build_observed(
    root: &Path,
    options: &BuildOptions,
    progress: &Progress,
) -> Result<Built, Report> {
    let (site, report) = pipeline::load(
        root,
        &LoadOptions {
            pseudo: options.pseudo,
            drafts: options.drafts,
            base_url: options.base_url.clone(),
            noindex: options.noindex,
            mark_messages: false,
        },
    );
    let Some(site) = site else {
        return Err(report);
    };
    let checks = check::Options {
        strict: options.strict,
    };
    let output = match &options.output {
        Some(output) => output.clone(),
        None if options.pseudo => pseudo_output(&site.config.output),
        None => site.config.output.clone(),
    };
    let publishing = refuse_pseudo_in_published(root, &site.config.output, &output, options)
        .and_then(|()| publish::check_output(root, &output))
        .and_then(|target| {
            let lock = target.lock()?;
            let staging = target.stage()?;
            Ok((lock, staging))
        });
    let (_lock, staging) = match publishing {
        Ok(ready) => ready,
        Err(d) => {
            // The folder cannot be written: everything else is still checked and reported.
            let mut report = pipeline::check_all(&site, report, checks, progress);
            report.push(d);
            return Err(report);
        }
    };
    let outcome = pipeline::process_observed(
        &site,
        report,
        checks,
        &Scope::All,
        &Folder(&staging.dir),
        Published::default(),
        progress,
    );
    let pipeline::Outcome {
        index,
        mut report,
        written,
        published,
    } = outcome;
    let (Some(written), false) = (written, report.has_errors()) else {
        return Err(report);
    };
    progress.enter(Stage::Publishing);
    if let Err(d) = staging.commit() {
        report.push(d);
        return Err(report);
    }
    let languages = site.config.languages.len();
    let drafts = site.drafts.len();
    // Freeing a large site's pages, index and published facts takes a tenth of a second that
    // nobody needs to wait for: it is done on a thread of its own, which the end of the
    // command may cut short.
    std::thread::spawn(move || drop((site, index, published)));
    Ok(Built {
        written,
        output,
        languages,
        drafts,
        warnings: report.sorted(),
    })
}

/// Where `build --pseudo` writes when no `--output` is given: beside the published folder,
/// never in it (`public` → `public-pseudo`). A pseudo build is a test of the templates and the
/// layouts; one upload of the published folder must never show it to visitors, nor name it in
/// the chooser, the switcher, the sitemap or `hreflang`.
pub(crate) fn pseudo_output(published: &Path) -> PathBuf {
    let mut name = published
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_else(|| "public".into());
    name.push("-pseudo");
    published.with_file_name(name)
}

/// A pseudo build into the published folder (by `--output`) is refused.
fn refuse_pseudo_in_published(
    root: &Path,
    published: &Path,
    output: &Path,
    options: &BuildOptions,
) -> Result<(), Diagnostic> {
    let same = |a: &Path, b: &Path| {
        let (a, b) = (root.join(a), root.join(b));
        a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(a), Ok(b)) if a == b)
    };
    if options.pseudo && same(published, output) {
        return Err(Diagnostic::error(
            Code::PseudoOutput,
            format!(
                "`build --pseudo` would write the pseudo-language into `{}`, the folder the site is published from",
                output.display()
            ),
        )
        .in_file("site.yaml")
        .hint(format!(
            "leave out --output (the pseudo build goes to `{}`), or give another folder",
            pseudo_output(published).display()
        )));
    }
    Ok(())
}

/// The command: prints the outcome and returns the exit code. With `quiet`, only errors:
/// nothing at all when the build succeeds.
pub fn run(root: &Path, options: &BuildOptions, quiet: bool) -> i32 {
    let started = Instant::now();
    let progress = Progress::default();
    let result = super::progress::while_running(&progress, super::progress::wanted(quiet), || {
        build_observed(root, options, &progress)
    });
    match result {
        Ok(_) if quiet => 0,
        Err(report) if quiet => {
            super::print_failure(super::errors_only(report), "build");
            1
        }
        Ok(built) => {
            super::print_warnings(&built.warnings);
            println!(
                "Built {} page{} in {} language{} ({} files, {:.1} KiB, {} assets fingerprinted) into {} in {} ms.{}",
                built.written.pages,
                if built.written.pages == 1 { "" } else { "s" },
                built.languages,
                if built.languages == 1 { "" } else { "s" },
                built.written.files,
                built.written.bytes as f64 / 1024.0,
                built.written.fingerprinted,
                built.output.display(),
                started.elapsed().as_millis(),
                super::check::drafts_line(built.drafts).map_or(String::new(), |d| format!(
                    " {} (`build --drafts` publishes them).",
                    capitalized(&d)
                ))
            );
            0
        }
        Err(report) => {
            super::print_failure(report, "build");
            1
        }
    }
}

/// `text` with its first letter in capitals.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}
