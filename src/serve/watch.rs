//! Watching the site's sources, and gathering an editor's save into one batch of changes.
//!
//! Only edits count: reading a file (as every build does) reports access events, which are
//! ignored, or the preview would rebuild itself forever. An editor saves in several steps
//! (write a temporary file, rename, change attributes), so events are gathered until the
//! folder has been quiet for a moment, and the batch is built once.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use notify::event::{EventKind, MetadataKind, ModifyKind};
use notify::{RecommendedWatcher, RecursiveMode, Watcher as _};

use super::changes::{Changes, WATCHED};

/// What the serve loop waits for: file events, or the user's Ctrl-C.
pub(crate) enum Signal {
    Files(notify::Result<notify::Event>),
    Stop,
}

/// What waiting produced.
pub(crate) enum Next {
    Changes(Changes),
    /// The time ran out with no change.
    Quiet,
    Stop,
}

pub(crate) struct Watcher {
    inner: RecommendedWatcher,
    root: PathBuf,
}

impl Watcher {
    /// Watches `root` (canonical) itself, for `site.yaml` and source folders that appear, and
    /// each source folder with everything in it. Events go to `signals`.
    pub(crate) fn start(root: &Path, signals: Sender<Signal>) -> notify::Result<Watcher> {
        let inner = notify::recommended_watcher(move |event| {
            let _ = signals.send(Signal::Files(event));
        })?;
        let mut watcher = Watcher {
            inner,
            root: root.to_path_buf(),
        };
        watcher.inner.watch(root, RecursiveMode::NonRecursive)?;
        for name in WATCHED {
            watcher.watch_folder(Path::new(name));
        }
        Ok(watcher)
    }

    /// Watches a source folder of the root with everything in it, if it is one and exists. A
    /// folder created (or removed and created again) while serving is watched from then on.
    fn watch_folder(&mut self, rel: &Path) {
        let mut parts = rel.components();
        let (Some(first), None) = (parts.next(), parts.next()) else {
            return;
        };
        let name = first.as_os_str();
        if name != "site.yaml" && WATCHED.iter().any(|w| name == *w) {
            let dir = self.root.join(name);
            if dir.is_dir() {
                let _ = self.inner.watch(&dir, RecursiveMode::Recursive);
            }
        }
    }

    /// Blocks until the sources change, then gathers further changes until none came for
    /// `quiet` (or `longest` has passed since the first, so a busy folder still gets built).
    pub(crate) fn next(
        &mut self,
        signals: &Receiver<Signal>,
        quiet: Duration,
        longest: Duration,
    ) -> Next {
        let mut changes = Changes::default();
        loop {
            match signals.recv() {
                Ok(Signal::Files(event)) => {
                    self.add(&mut changes, event);
                }
                Ok(Signal::Stop) | Err(_) => return Next::Stop,
            }
            if !changes.is_empty() {
                break;
            }
        }
        let first = Instant::now();
        match self.gather(signals, &mut changes, quiet, first + longest) {
            Some(Next::Stop) => Next::Stop,
            _ => Next::Changes(changes),
        }
    }

    /// Waits up to `quiet` for more changes, then keeps gathering like [`Watcher::next`].
    pub(crate) fn more(
        &mut self,
        signals: &Receiver<Signal>,
        quiet: Duration,
        longest: Duration,
    ) -> Next {
        let mut changes = Changes::default();
        match self.gather(signals, &mut changes, quiet, Instant::now() + longest) {
            Some(Next::Stop) => Next::Stop,
            _ if changes.is_empty() => Next::Quiet,
            _ => Next::Changes(changes),
        }
    }

    /// Adds events to `changes` until `quiet` passes without a relevant one, or `deadline`.
    /// `Some(Next::Stop)` on Ctrl-C.
    fn gather(
        &mut self,
        signals: &Receiver<Signal>,
        changes: &mut Changes,
        quiet: Duration,
        deadline: Instant,
    ) -> Option<Next> {
        let mut until = Instant::now() + quiet;
        loop {
            let now = Instant::now();
            let wait = until.min(deadline).saturating_duration_since(now);
            if wait.is_zero() {
                return None;
            }
            match signals.recv_timeout(wait) {
                Ok(Signal::Files(event)) => {
                    if self.add(changes, event) {
                        until = Instant::now() + quiet;
                    }
                }
                Ok(Signal::Stop) | Err(RecvTimeoutError::Disconnected) => {
                    return Some(Next::Stop);
                }
                Err(RecvTimeoutError::Timeout) => return None,
            }
        }
    }

    /// Adds one event; returns whether it concerned a source.
    fn add(&mut self, changes: &mut Changes, event: notify::Result<notify::Event>) -> bool {
        let event = match event {
            Ok(e) => e,
            // The watcher lost track (e.g. too many events): rebuild everything.
            Err(_) => {
                changes.merge(Changes::everything());
                return true;
            }
        };
        if event.need_rescan() {
            changes.merge(Changes::everything());
            return true;
        }
        if !is_edit(&event.kind) {
            return false;
        }
        let mut relevant = false;
        for path in &event.paths {
            let Ok(rel) = path.strip_prefix(&self.root) else {
                continue;
            };
            relevant |= changes.add(rel);
            if matches!(event.kind, EventKind::Create(_) | EventKind::Modify(_)) {
                self.watch_folder(rel);
            }
        }
        relevant
    }
}

/// Whether an event is an edit. Reads are not: every build reads the watched files.
fn is_edit(kind: &EventKind) -> bool {
    !matches!(
        kind,
        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime))
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{AccessKind, AccessMode, CreateKind, DataChange};

    #[test]
    fn reads_are_not_edits() {
        assert!(!is_edit(&EventKind::Access(AccessKind::Read)));
        assert!(!is_edit(&EventKind::Access(AccessKind::Close(
            AccessMode::Read
        ))));
        assert!(!is_edit(&EventKind::Modify(ModifyKind::Metadata(
            MetadataKind::AccessTime
        ))));
        assert!(is_edit(&EventKind::Modify(ModifyKind::Data(
            DataChange::Content
        ))));
        assert!(is_edit(&EventKind::Create(CreateKind::File)));
        assert!(is_edit(&EventKind::Any));
    }
}
