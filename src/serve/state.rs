//! What the builder and the connections share: the served build, its version, the errors of a
//! failed build, and the open pages waiting for news.
//!
//! All of it sits behind one lock, so that a page is always served with the version of the
//! build it came from (the live-reload script compares it with the news it gets) and a page
//! that subscribes never misses a build published in between.

use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, MutexGuard};

use super::json;
use super::output::Output;
use crate::diagnostic::Diagnostic;

/// More changed files than this, and pages are told "everything changed" instead of a list.
const MAX_LISTED: usize = 200;

/// One error of a failed build, as the terminal shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorView {
    /// `file:line:col: error[code]: message (hint: ...)`.
    pub summary: String,
    /// The report with the source line and a caret.
    pub report: String,
}

impl ErrorView {
    pub fn new(d: &Diagnostic) -> ErrorView {
        ErrorView {
            summary: d.to_string(),
            report: d.render(false),
        }
    }
}

/// What a request is answered from.
pub struct Snapshot {
    pub output: Arc<Output>,
    pub version: String,
}

pub struct Shared {
    inner: Mutex<Inner>,
}

struct Inner {
    output: Arc<Output>,
    /// Tells this run of serve from an earlier one, whose build numbers start over.
    instance: String,
    build: u64,
    errors: Vec<ErrorView>,
    subscribers: Vec<Sender<Arc<str>>>,
}

impl Inner {
    fn version(&self) -> String {
        format!("{}.{}", self.instance, self.build)
    }

    /// The news as JSON: the version, the one before it and what changed in between (`null`:
    /// anything may have), and the errors of a failed build.
    fn state(&self, previous: Option<&str>, changed: Option<&[String]>) -> String {
        let errors: Vec<String> = self
            .errors
            .iter()
            .map(|e| {
                format!(
                    "{{\"summary\":{},\"report\":{}}}",
                    json::string(&e.summary),
                    json::string(&e.report)
                )
            })
            .collect();
        format!(
            "{{\"version\":{},\"previous\":{},\"changed\":{},\"errors\":[{}]}}",
            json::string(&self.version()),
            previous.map_or("null".into(), json::string),
            changed.map_or("null".into(), json::strings),
            errors.join(",")
        )
    }

    fn broadcast(&mut self, message: String) {
        let message: Arc<str> = message.into();
        self.subscribers
            .retain(|s| s.send(Arc::clone(&message)).is_ok());
    }
}

impl Default for Shared {
    fn default() -> Self {
        Shared::new()
    }
}

impl Shared {
    pub fn new() -> Shared {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        Shared {
            inner: Mutex::new(Inner {
                output: Arc::new(Output::default()),
                instance: format!("{:x}", nanos ^ u128::from(std::process::id())),
                build: 0,
                errors: Vec::new(),
                subscribers: Vec::new(),
            }),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn snapshot(&self) -> Snapshot {
        let inner = self.lock();
        Snapshot {
            output: Arc::clone(&inner.output),
            version: inner.version(),
        }
    }

    pub fn output(&self) -> Arc<Output> {
        Arc::clone(&self.lock().output)
    }

    /// A build succeeded. Pages are told when files changed, or when they show errors that are
    /// now fixed. Returns whether pages were told.
    pub fn succeeded(&self, output: Output, changed: &[String]) -> bool {
        let mut inner = self.lock();
        inner.output = Arc::new(output);
        let had_errors = !std::mem::take(&mut inner.errors).is_empty();
        if changed.is_empty() && !had_errors {
            return false;
        }
        let previous = inner.version();
        if !changed.is_empty() {
            inner.build += 1;
        }
        let listed = (changed.len() <= MAX_LISTED).then_some(changed);
        let message = inner.state(Some(&previous), listed);
        inner.broadcast(message);
        true
    }

    /// A build failed: the previous build stays served, and pages show the errors.
    pub fn failed(&self, errors: Vec<ErrorView>) {
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
    pub fn status(&self) -> String {
        self.lock().state(None, None)
    }

    /// A page's subscription: the current state first, then every change.
    pub fn subscribe(&self) -> (String, Receiver<Arc<str>>) {
        let (tx, rx) = channel();
        let mut inner = self.lock();
        inner.subscribers.push(tx);
        (inner.state(None, None), rx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_hear_of_changes_errors_and_fixes() {
        let shared = Shared::new();
        let (first, rx) = shared.subscribe();
        assert!(first.contains("\"previous\":null,\"changed\":null,\"errors\":[]"));
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

        shared.failed(vec![ErrorView {
            summary: "locales/fr/ui.ftl:3:1: error[fluent-syntax]: \"bad\"".into(),
            report: "error".into(),
        }]);
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
}
