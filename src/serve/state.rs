//! What the builder and the connections share: the served build, its version, the errors of a
//! failed build, and the open pages waiting for news (and which files they show).
//!
//! All of it sits behind one lock, so that a page is always served with the version of the
//! build it came from (the live-reload script compares it with the news it gets) and a page
//! that subscribes never misses a build published in between.
//!
//! A build may be published in two steps (see [`super::early`]): first the open pages it
//! renders before the rest, [`Shared::published_early`], which leaves the errors shown as they
//! are, since only the whole build can say whether they are fixed; then the whole build,
//! [`Shared::succeeded`], or, when it fails, the last good build again, [`Shared::restored`].

use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, MutexGuard};

use super::open::OpenPages;
use super::output::Output;
use crate::diagnostic::Diagnostic;

/// More changed files than this, and pages are told "everything changed" instead of a list;
/// a page that named its files is told those of them that changed and the files that are not
/// pages, if they are fewer (see [`Inner::announce`]).
const MAX_LISTED: usize = 200;

/// One error or warning of a failed build, as the terminal shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ErrorView {
    /// `file:line:col: error[code]: message (hint: ...)`.
    pub(crate) summary: String,
    /// The report with the source line and a caret.
    pub(crate) report: String,
    /// An error, not a warning.
    pub(crate) error: bool,
}

impl ErrorView {
    pub(crate) fn new(d: &Diagnostic) -> ErrorView {
        ErrorView {
            summary: d.to_string(),
            report: d.render(false),
            error: d.is_error(),
        }
    }
}

/// What the pages of a failed build show: its errors first, then its warnings cut short per
/// code and language as `build` prints them, and how many of each there are.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Failure {
    pub(crate) shown: Vec<ErrorView>,
    /// One line per run of warnings cut short.
    pub(crate) more: Vec<String>,
    pub(crate) errors: usize,
    pub(crate) warnings: usize,
}

impl Failure {
    pub(crate) fn new(diagnostics: &[Diagnostic]) -> Failure {
        let (errors, warnings): (Vec<&Diagnostic>, Vec<&Diagnostic>) =
            diagnostics.iter().partition(|d| d.is_error());
        let ordered: Vec<Diagnostic> = errors.into_iter().chain(warnings).cloned().collect();
        let capped = crate::diagnostic::cap_warnings(&ordered);
        Failure {
            shown: capped.shown.iter().map(ErrorView::new).collect(),
            more: capped.more,
            errors: capped.errors,
            warnings: capped.warnings,
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.shown.is_empty() && self.more.is_empty()
    }
}

/// What a request is answered from.
pub(crate) struct Snapshot {
    pub(crate) output: Arc<Output>,
    pub(crate) version: String,
}

pub(crate) struct Shared {
    inner: Mutex<Inner>,
    /// Translate mode's state, when serving in translate mode.
    pub(crate) desk: Option<Arc<super::translate::Desk>>,
}

struct Inner {
    output: Arc<Output>,
    /// Tells this run of serve from an earlier one, whose build numbers start over.
    instance: String,
    build: u64,
    errors: Failure,
    subscribers: Vec<Subscriber>,
    /// The files the subscribed pages show.
    open: OpenPages,
}

impl Inner {
    fn version(&self) -> String {
        format!("{}.{}", self.instance, self.build)
    }

    /// The news as JSON: the version, the one before it and what changed in between (`null`:
    /// anything may have), and the errors of a failed build.
    fn state(&self, previous: Option<&str>, changed: Option<&[String]>) -> String {
        let errors: Vec<serde_json::Value> = (self.errors.shown.iter())
            .map(|e| {
                serde_json::json!({
                    "summary": e.summary,
                    "report": e.report,
                    "severity": if e.error { "error" } else { "warning" },
                })
            })
            .collect();
        serde_json::json!({
            "version": self.version(),
            "previous": previous,
            "changed": changed,
            "errors": errors,
            "counts": { "errors": self.errors.errors, "warnings": self.errors.warnings },
            "more": self.errors.more,
        })
        .to_string()
    }

    fn broadcast(&mut self, message: String) {
        let message: Arc<str> = message.into();
        self.subscribers
            .retain(|s| s.news.send(Arc::clone(&message)).is_ok());
    }

    /// Tells every page that the build went from `previous` to the current version, changing
    /// `changed`. A list too long to send (a language re-rendered) is sent as `null`, "reload",
    /// except to a page that named its files: it gets the changed files it shows and those
    /// that are not pages (what a page loads), so that a page rendered early, and not changed
    /// since, is not reloaded a second time.
    fn announce(&mut self, previous: &str, changed: &[String]) {
        if changed.len() <= MAX_LISTED {
            let message = self.state(Some(previous), Some(changed));
            self.broadcast(message);
            return;
        }
        let everything: Arc<str> = self.state(Some(previous), None).into();
        let subscribers = std::mem::take(&mut self.subscribers);
        for subscriber in subscribers {
            let message = if subscriber.files.is_empty() {
                Arc::clone(&everything)
            } else {
                let concerning: Vec<String> = changed
                    .iter()
                    .filter(|p| !p.ends_with(".html") || subscriber.files.contains(p))
                    .take(MAX_LISTED + 1)
                    .cloned()
                    .collect();
                if concerning.len() > MAX_LISTED {
                    Arc::clone(&everything)
                } else {
                    self.state(Some(previous), Some(&concerning)).into()
                }
            };
            if subscriber.news.send(message).is_ok() {
                self.subscribers.push(subscriber);
            }
        }
    }

    /// Serves `output` from now on and tells pages which files changed, if any did. Returns
    /// whether pages were told.
    fn publish(&mut self, output: Output, changed: &[String]) -> bool {
        self.output = Arc::new(output);
        if changed.is_empty() {
            return false;
        }
        let previous = self.version();
        self.build += 1;
        self.announce(&previous, changed);
        true
    }
}

/// A page listening for news, and the files it named.
struct Subscriber {
    news: Sender<Arc<str>>,
    files: Vec<String>,
}

/// A page's subscription to the news: the state when it subscribed, then every change. The
/// files it named count as open until it is dropped.
pub(crate) struct Subscription<'a> {
    shared: &'a Shared,
    files: Vec<String>,
    pub(crate) first: String,
    pub(crate) news: Receiver<Arc<str>>,
}

impl Drop for Subscription<'_> {
    fn drop(&mut self) {
        let mut inner = self.shared.lock();
        for file in &self.files {
            inner.open.close(file);
        }
    }
}

impl Default for Shared {
    fn default() -> Self {
        Shared::new()
    }
}

impl Shared {
    pub(crate) fn new() -> Shared {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        Shared {
            inner: Mutex::new(Inner {
                output: Arc::new(Output::default()),
                instance: format!("{:x}", nanos ^ u128::from(std::process::id())),
                build: 0,
                errors: Failure::default(),
                subscribers: Vec::new(),
                open: OpenPages::default(),
            }),
            desk: None,
        }
    }

    /// A server in translate mode ([`super::translate`]).
    pub(crate) fn translating(desk: Arc<super::translate::Desk>) -> Shared {
        Shared {
            desk: Some(desk),
            ..Shared::new()
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn snapshot(&self) -> Snapshot {
        let inner = self.lock();
        Snapshot {
            output: Arc::clone(&inner.output),
            version: inner.version(),
        }
    }

    pub(crate) fn output(&self) -> Arc<Output> {
        Arc::clone(&self.lock().output)
    }

    /// A build succeeded. Pages are told when files changed, or when they show errors that are
    /// now fixed. Returns whether pages were told.
    pub(crate) fn succeeded(&self, output: Output, changed: &[String]) -> bool {
        let mut inner = self.lock();
        let had_errors = !std::mem::take(&mut inner.errors).is_empty();
        if inner.publish(output, changed) {
            return true;
        }
        if had_errors {
            let version = inner.version();
            let message = inner.state(Some(&version), Some(&[]));
            inner.broadcast(message);
        }
        had_errors
    }

    /// The pages a build renders first are ready: pages showing them reload, while the rest
    /// is built. The errors shown stay until the whole build says whether they are fixed.
    pub(crate) fn published_early(&self, output: Output, changed: &[String]) -> bool {
        self.lock().publish(output, changed)
    }

    /// The build whose first pages were [published early](Self::published_early) failed:
    /// `last_good` is served again, and the pages that differ from it reload back to it.
    pub(crate) fn restored(&self, last_good: Arc<Output>) {
        let mut inner = self.lock();
        let changed = inner.output.differences(&last_good);
        inner.output = last_good;
        if !changed.is_empty() {
            let previous = inner.version();
            inner.build += 1;
            inner.announce(&previous, &changed);
        }
    }

    /// The files the subscribed pages show, each once.
    pub(crate) fn open_pages(&self) -> OpenPages {
        self.lock().open.clone()
    }

    /// A build failed: the previous build stays served, and pages show the errors.
    pub(crate) fn failed(&self, errors: Failure) {
        let mut inner = self.lock();
        if inner.errors == errors {
            return;
        }
        inner.errors = errors;
        let version = inner.version();
        let message = inner.state(Some(&version), Some(&[]));
        inner.broadcast(message);
    }

    /// The current state, as `/__polydocs/status` answers it.
    pub(crate) fn status(&self) -> String {
        self.lock().state(None, None)
    }

    /// A page's subscription: the current state first, then every change. `files` are the
    /// files the page shows, open until the subscription is dropped.
    pub(crate) fn subscribe(&self, files: Vec<String>) -> Subscription<'_> {
        let (tx, rx) = channel();
        let mut inner = self.lock();
        inner.subscribers.push(Subscriber {
            news: tx,
            files: files.clone(),
        });
        for file in &files {
            inner.open.open(file);
        }
        Subscription {
            shared: self,
            files,
            first: inner.state(None, None),
            news: rx,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_hear_of_changes_errors_and_fixes() {
        let shared = Shared::new();
        let subscription = shared.subscribe(Vec::new());
        let (first, rx) = (&subscription.first, &subscription.news);
        let first: serde_json::Value = serde_json::from_str(first).unwrap();
        assert!(
            first["previous"].is_null() && first["changed"].is_null(),
            "{first}"
        );
        assert_eq!(first["errors"], serde_json::json!([]), "{first}");
        let v0 = shared.snapshot().version;

        assert!(shared.succeeded(Output::default(), &["fr/index.html".into()]));
        let news = rx.try_recv().unwrap();
        assert!(news.contains(&format!("\"previous\":\"{v0}\"")), "{news}");
        assert!(news.contains("\"changed\":[\"fr/index.html\"]"), "{news}");
        let v1 = shared.snapshot().version;
        assert_ne!(v0, v1);

        // Nothing changed and nothing to clear: no news.
        assert!(!shared.succeeded(Output::default(), &[]));
        assert!(rx.try_recv().is_err());

        shared.failed(Failure {
            shown: vec![ErrorView {
                summary: "locales/fr/ui.ftl:3:1: error[fluent-syntax]: \"bad\"".into(),
                report: "error".into(),
                error: true,
            }],
            errors: 1,
            ..Failure::default()
        });
        let news = rx.try_recv().unwrap();
        assert!(news.contains("locales/fr/ui.ftl:3:1"), "{news}");
        assert!(news.contains("\\\"bad\\\""), "{news}");
        assert!(shared.status().contains("fluent-syntax"));
        assert_eq!(shared.snapshot().version, v1);

        // Fixed back to the same output: pages are told, to clear the error.
        assert!(shared.succeeded(Output::default(), &[]));
        let news = rx.try_recv().unwrap();
        assert!(news.contains("\"errors\":[]"), "{news}");
        assert!(shared.status().contains("\"errors\":[]"));
    }

    fn output(files: &[(&str, &str)]) -> Output {
        use crate::render::Sink;
        let c = super::super::output::Collector::fresh(Arc::new(Output::default()));
        for (p, b) in files {
            c.put(p, b.as_bytes().to_vec()).unwrap();
        }
        c.finish().0
    }

    #[test]
    fn subscribed_files_are_open_until_the_subscription_ends() {
        let shared = Shared::new();
        let a = shared.subscribe(vec!["fr/index.html".into()]);
        let b = shared.subscribe(vec!["fr/index.html".into(), "en/index.html".into()]);
        let c = shared.subscribe(Vec::new());
        let files =
            |s: &Shared| -> Vec<String> { s.open_pages().files().map(str::to_string).collect() };
        assert_eq!(files(&shared), ["en/index.html", "fr/index.html"]);
        drop(b);
        assert_eq!(files(&shared), ["fr/index.html"]);
        drop(c);
        drop(a);
        assert!(shared.open_pages().is_empty());
    }

    #[test]
    fn an_early_publish_keeps_the_errors_and_a_failure_restores_the_last_good_build() {
        let shared = Shared::new();
        let last_good = Arc::new(output(&[
            ("fr/a/index.html", "a"),
            ("fr/b/index.html", "b"),
        ]));
        shared.succeeded((*last_good).clone(), &["fr/a/index.html".into()]);
        let sub = shared.subscribe(vec!["fr/a/index.html".into()]);
        shared.failed(Failure {
            shown: vec![ErrorView {
                summary: "old error".into(),
                report: "old error".into(),
                error: true,
            }],
            errors: 1,
            ..Failure::default()
        });
        assert!(sub.news.try_recv().unwrap().contains("old error"));

        // The open page first: it is served and announced; the error is still shown.
        let early = output(&[("fr/a/index.html", "A"), ("fr/b/index.html", "b")]);
        assert!(shared.published_early(early, &["fr/a/index.html".into()]));
        let news = sub.news.try_recv().unwrap();
        assert!(news.contains("\"changed\":[\"fr/a/index.html\"]"), "{news}");
        assert!(news.contains("old error"), "{news}");
        assert_eq!(
            shared
                .snapshot()
                .output
                .get("fr/a/index.html")
                .unwrap()
                .as_ref(),
            b"A"
        );

        // The whole build failed: the last good build is back, and the page reloads to it.
        let version = shared.snapshot().version;
        shared.restored(Arc::clone(&last_good));
        let news = sub.news.try_recv().unwrap();
        assert!(
            news.contains(&format!("\"previous\":\"{version}\"")),
            "{news}"
        );
        assert!(news.contains("\"changed\":[\"fr/a/index.html\"]"), "{news}");
        assert_eq!(*shared.output(), *last_good);
        // Restoring what is served already is no news.
        shared.restored(Arc::clone(&last_good));
        assert!(sub.news.try_recv().is_err());
    }

    #[test]
    fn a_page_that_named_its_file_hears_of_it_even_among_thousands() {
        let shared = Shared::new();
        let named = shared.subscribe(vec!["fr/p7/index.html".into()]);
        let anonymous = shared.subscribe(Vec::new());
        let _ = (named.news.try_recv(), anonymous.news.try_recv());
        let mut many: Vec<String> = (0..500).map(|i| format!("fr/p{i}/index.html")).collect();
        many.push("fr/search/meta.json".into());
        many.sort();

        assert!(shared.succeeded(Output::default(), &many));
        let news = anonymous.news.try_recv().unwrap();
        assert!(news.contains("\"changed\":null"), "{news}");
        let news = named.news.try_recv().unwrap();
        assert!(
            news.contains("\"changed\":[\"fr/p7/index.html\",\"fr/search/meta.json\"]"),
            "{news}"
        );

        // Its page rendered early and not changed since: the list leaves it out.
        many.retain(|p| p != "fr/p7/index.html");
        assert!(shared.succeeded(Output::default(), &many));
        let news = named.news.try_recv().unwrap();
        assert!(
            news.contains("\"changed\":[\"fr/search/meta.json\"]"),
            "{news}"
        );
        assert!(
            anonymous
                .news
                .try_recv()
                .unwrap()
                .contains("\"changed\":null")
        );
    }
}
