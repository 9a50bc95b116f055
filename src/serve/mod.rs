//! `serve`: a live preview. Builds the site into memory, serves it over HTTP, rebuilds what
//! each saved edit affects, and tells open pages to reload (or to show the build's errors).
//!
//! One module a job: [`watch`] turns file events into batches of [`changes`], [`rebuild`]
//! builds a batch into an [`output`] held in memory, [`state`] publishes it to the
//! [`http`] server and to the pages' event streams, and [`live`] is the script in those pages.
//! The server's [`slots`] cap its connections so that no client can keep the others out.
//! With `--translate`, [`translate`] marks every translatable text of the pages for the
//! in-page editor.
//! Serve writes no file at all, so it can never touch a published build, and stopping it
//! leaves nothing behind.
//!
//! A reload waits for as little as it can: each page's script names its file when it
//! subscribes ([`open`]), and a rebuild first renders the pages it must reload (the edited
//! pages, or the open pages of a language or of the site) and publishes them ([`early`]),
//! then runs the whole pipeline and publishes its output. The early output is provisional:
//! it is made only from sources that loaded and pages that rendered without errors, and if
//! the whole build then fails, the last good build is served again and the pages rendered
//! early reload back to it, so that a failed build is never left published; its errors are
//! reported as for any failed build, the same findings `check` reports.
//!
//! This module reports progress through a callback and never prints: `cmd::serve` does.

pub mod changes;
pub mod early;
pub mod http;
pub mod live;
pub mod mime;
pub mod open;
pub mod output;
pub mod rebuild;
pub mod resolve;
pub mod slots;
pub mod state;
pub mod translate;
pub mod watch;

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use crate::config::CONFIG_FILE;
use crate::diagnostic::{Code, Diagnostic};
use changes::Changes;
use output::Output;
use rebuild::{Builder, Built, First};
use state::{Failure, Shared};
use watch::{Next, Signal, Watcher};

/// An editor's save is over when the sources have been quiet this long. Editors write a file
/// in steps well under this apart; a longer wait would only delay every reload.
const QUIET: Duration = Duration::from_millis(20);
/// A batch is built at the latest this long after its first event, even if edits go on.
const LONGEST: Duration = Duration::from_millis(300);
/// A failed build is shown only once the sources have been quiet this long after it: a file
/// caught mid-save is usually what fails, and the rest of the save fixes it.
const ERROR_QUIET: Duration = Duration::from_millis(100);

pub struct Options {
    pub(crate) root: PathBuf,
    pub(crate) bind: IpAddr,
    /// 0 picks a free port.
    pub(crate) port: u16,
    /// Translate mode for a language ([`translate`]), loopback only.
    pub(crate) translate: Option<Arc<translate::Desk>>,
}

/// What happened, for the command to print.
pub(crate) enum Progress<'a> {
    /// A build succeeded; `changes` is `None` for the first build.
    Built(&'a Built, Option<&'a Changes>),
    /// A build failed; the previous build stays served.
    Failed(&'a [Diagnostic], Option<&'a Changes>),
    /// The server is listening.
    Serving(SocketAddr),
    /// The user pressed Ctrl-C.
    Stopped,
}

/// Builds and serves `options.root` until Ctrl-C. Errors are the ones that prevent serving at
/// all (no site there, the port is taken); a broken site is served anyway, with its errors.
pub(crate) fn run(options: &Options, progress: &mut dyn FnMut(Progress)) -> Result<(), Diagnostic> {
    let root = site_root(&options.root)?;
    let (listener, address) = listen(options)?;
    let (mut watcher, received) = watch(&root)?;
    let shared = Arc::new(match &options.translate {
        Some(desk) => Shared::translating(Arc::clone(desk)),
        None => Shared::new(),
    });
    let mut builder = Builder::new(&root).translating(options.translate.clone());
    if let Err(errors) = build(
        &mut builder,
        &shared,
        &Changes::everything(),
        None,
        progress,
    ) {
        show_failure(&shared, &errors, None, progress);
    }
    let server = Arc::clone(&shared);
    std::thread::Builder::new()
        .name("polydocs-accept".into())
        .spawn(move || http::run(listener, server))
        .map_err(|e| {
            Diagnostic::error(Code::ServeFailed, format!("cannot start the server: {e}"))
        })?;
    progress(Progress::Serving(address));
    rebuild_on_edits(&mut watcher, &received, &mut builder, &shared, progress);
    progress(Progress::Stopped);
    Ok(())
}

/// Binds the address to serve on, and tells translate mode its port. Translate mode writes
/// the site's files, so it refuses any address but a loopback one.
fn listen(options: &Options) -> Result<(TcpListener, SocketAddr), Diagnostic> {
    if options.translate.is_some() && !options.bind.is_loopback() {
        return Err(Diagnostic::error(
            Code::ServeFailed,
            format!(
                "translate mode writes the site's files, so it serves on the loopback address only, not on {}",
                options.bind
            ),
        )
        .hint("leave out --bind (or use --bind 127.0.0.1) with --translate"));
    }
    let address = SocketAddr::new(options.bind, options.port);
    let listener = TcpListener::bind(address).map_err(|e| {
        Diagnostic::error(
            Code::CannotListen,
            format!("cannot listen on {address}: {e}"),
        )
        .hint("choose another --port, or --port 0 for any free port")
    })?;
    let address = listener.local_addr().unwrap_or(address);
    if let Some(desk) = &options.translate {
        desk.listening_on(address.port());
    }
    Ok((listener, address))
}

/// Starts watching the site and Ctrl-C, both sending to the returned receiver. Watching
/// starts before the first build, so that an edit made during it is not lost.
fn watch(root: &Path) -> Result<(Watcher, Receiver<Signal>), Diagnostic> {
    let (signals, received) = channel();
    let stop = signals.clone();
    ctrlc::set_handler(move || {
        let _ = stop.send(Signal::Stop);
    })
    .map_err(|e| Diagnostic::error(Code::ServeFailed, format!("cannot handle Ctrl-C: {e}")))?;
    let watcher = Watcher::start(root, signals).map_err(|e| {
        Diagnostic::error(
            Code::ServeFailed,
            format!("cannot watch {}: {e}", root.display()),
        )
        .hint("on Linux, raise fs.inotify.max_user_watches if it is exhausted")
    })?;
    Ok((watcher, received))
}

/// Builds each batch of edits until Ctrl-C. A failed build is shown once the save has
/// settled; when edits go on, they are merged and built again instead.
fn rebuild_on_edits(
    watcher: &mut Watcher,
    received: &Receiver<Signal>,
    builder: &mut Builder,
    shared: &Shared,
    progress: &mut dyn FnMut(Progress),
) {
    let mut pending: Option<Changes> = None;
    loop {
        let mut changes = match pending.take() {
            Some(changes) => changes,
            None => match watcher.next(received, QUIET, LONGEST) {
                Next::Changes(changes) => changes,
                Next::Quiet => continue,
                Next::Stop => break,
            },
        };
        let Err(errors) = build(builder, shared, &changes, Some(&changes), progress) else {
            continue;
        };
        // Wait for the save to settle before showing the errors; build again if it goes on.
        match watcher.more(received, ERROR_QUIET, LONGEST) {
            Next::Changes(more) => {
                changes.merge(more);
                pending = Some(changes);
            }
            Next::Quiet => show_failure(shared, &errors, Some(&changes), progress),
            Next::Stop => break,
        }
    }
}

/// Runs one build, publishing first the pages a reload waits for, and, if it succeeded,
/// publishes it. If it failed after publishing pages early, the last good build is served
/// again.
fn build(
    builder: &mut Builder,
    shared: &Shared,
    changes: &Changes,
    shown: Option<&Changes>,
    progress: &mut dyn FnMut(Progress),
) -> Result<(), Vec<Diagnostic>> {
    let last_good = shared.output();
    let open = shared.open_pages();
    let mut published_early = false;
    let mut publish = |output: Output, changed: &[String]| {
        shared.published_early(output, changed);
        published_early = true;
        shared.output()
    };
    let first = First {
        open: &open,
        publish: &mut publish,
    };
    let mut built = match builder.build_first(changes, Arc::clone(&last_good), Some(first)) {
        Ok(built) => built,
        Err(errors) => {
            if published_early {
                shared.restored(last_good);
            }
            return Err(errors);
        }
    };
    let output = std::mem::take(&mut built.output);
    shared.succeeded(output, &built.news);
    progress(Progress::Built(&built, shown));
    Ok(())
}

/// Shows a failed build's errors in the terminal and over the open pages.
fn show_failure(
    shared: &Shared,
    errors: &[Diagnostic],
    changes: Option<&Changes>,
    progress: &mut dyn FnMut(Progress),
) {
    shared.failed(Failure::new(errors));
    progress(Progress::Failed(errors, changes));
}

/// The canonical site folder, which must hold `site.yaml`.
fn site_root(root: &Path) -> Result<PathBuf, Diagnostic> {
    let no_site = || {
        Diagnostic::error(
            Code::NoSite,
            format!("no {CONFIG_FILE} in {}", root.display()),
        )
        .hint("run polydocs in a site folder, or pass the folder with --root")
    };
    let root = root.canonicalize().map_err(|_| no_site())?;
    if !root.join(CONFIG_FILE).is_file() {
        return Err(no_site());
    }
    Ok(root)
}
