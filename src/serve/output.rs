//! The built site in memory: what `serve` answers requests from.
//!
//! Serve keeps the site in memory rather than in a folder, so a preview never writes next to
//! (or over) a published build and leaves nothing behind when it stops. A build renders into a
//! [`Collector`] — empty for a full build, a copy of the previous output for a partial one —
//! and the result replaces the served [`Output`] whole, so a request sees one build or the
//! other, never a mix, and a failed build leaves the previous one served.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

use crate::diagnostic::Diagnostic;
use crate::render::Sink;

/// One file's bytes, shared between successive outputs that did not change it.
pub(crate) type Bytes = Arc<[u8]>;

/// Every file of a build, by its path in the site (`fr/docs/index.html`, `static/style.css`).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Output {
    files: HashMap<String, Bytes>,
}

impl Output {
    pub fn get(&self, path: &str) -> Option<&Bytes> {
        self.files.get(path)
    }

    pub(crate) fn contains(&self, path: &str) -> bool {
        self.files.contains_key(path)
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.files.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Every path, sorted.
    pub fn paths(&self) -> Vec<&str> {
        let mut paths: Vec<&str> = self.files.keys().map(String::as_str).collect();
        paths.sort_unstable();
        paths
    }

    /// The paths whose content differs between `self` and `other` (in one only, or in both
    /// with other bytes), sorted.
    pub(crate) fn differences(&self, other: &Output) -> Vec<String> {
        let mut changed: BTreeSet<String> = self
            .files
            .iter()
            .filter(|(path, bytes)| {
                !other
                    .files
                    .get(*path)
                    .is_some_and(|o| Arc::ptr_eq(o, bytes) || **o == ***bytes)
            })
            .map(|(path, _)| path.clone())
            .collect();
        changed.extend(
            other
                .files
                .keys()
                .filter(|path| !self.files.contains_key(*path))
                .cloned(),
        );
        changed.into_iter().collect()
    }
}

/// A [`Sink`] that builds the next [`Output`] from the previous one.
pub(crate) struct Collector {
    previous: Arc<Output>,
    files: Mutex<HashMap<String, Bytes>>,
}

impl Collector {
    /// Starts empty: every file must be rendered again, and files not rendered are gone.
    pub(crate) fn fresh(previous: Arc<Output>) -> Collector {
        Collector {
            previous,
            files: Mutex::new(HashMap::new()),
        }
    }

    /// Starts from the previous output; rendered files replace theirs. Files under any of
    /// `drop_prefixes` are left out first, so that a folder rendered again loses the files it
    /// no longer has (`static/`).
    pub(crate) fn copy_of(previous: Arc<Output>, drop_prefixes: &[&str]) -> Collector {
        let files = previous
            .files
            .iter()
            .filter(|(path, _)| !drop_prefixes.iter().any(|p| path.starts_with(p)))
            .map(|(path, bytes)| (path.clone(), Arc::clone(bytes)))
            .collect();
        Collector {
            previous,
            files: Mutex::new(files),
        }
    }

    /// The new output, and the paths whose content differs from the previous output (added,
    /// changed or removed), sorted.
    pub(crate) fn finish(self) -> (Output, Vec<String>) {
        let files = self.files.into_inner().unwrap_or_else(|e| e.into_inner());
        let output = Output { files };
        let changed = output.differences(&self.previous);
        (output, changed)
    }
}

impl Sink for Collector {
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<u64, Diagnostic> {
        let size = bytes.len() as u64;
        // Unchanged files keep the previous allocation: cheap to compare and to keep.
        let bytes: Bytes = match self.previous.files.get(path) {
            Some(old) if **old == *bytes => Arc::clone(old),
            _ => bytes.into(),
        };
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_string(), bytes);
        Ok(size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn output(files: &[(&str, &str)]) -> Arc<Output> {
        let c = Collector::fresh(Arc::new(Output::default()));
        for (p, b) in files {
            c.put(p, b.as_bytes().to_vec()).unwrap();
        }
        Arc::new(c.finish().0)
    }

    #[test]
    fn a_fresh_build_reports_added_changed_and_removed_files() {
        let before = output(&[("a.html", "a"), ("b.html", "b"), ("gone.html", "x")]);
        let c = Collector::fresh(Arc::clone(&before));
        c.put("a.html", b"a".to_vec()).unwrap();
        c.put("b.html", b"B".to_vec()).unwrap();
        c.put("new.html", b"n".to_vec()).unwrap();
        let (after, changed) = c.finish();
        assert_eq!(changed, ["b.html", "gone.html", "new.html"]);
        assert_eq!(after.len(), 3);
        assert!(!after.contains("gone.html"));
    }

    #[test]
    fn a_copy_keeps_what_was_not_rendered_again_except_dropped_folders() {
        let before = output(&[
            ("a.html", "a"),
            ("static/x.css", "x"),
            ("static/y.css", "y"),
        ]);
        let c = Collector::copy_of(Arc::clone(&before), &["static/"]);
        c.put("static/x.css", b"x".to_vec()).unwrap();
        let (after, changed) = c.finish();
        assert_eq!(changed, ["static/y.css"]);
        assert_eq!(after.get("a.html").unwrap().as_ref(), b"a");
        assert!(Arc::ptr_eq(
            after.get("static/x.css").unwrap(),
            before.get("static/x.css").unwrap()
        ));
    }
}
