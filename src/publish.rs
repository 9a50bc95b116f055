//! The publish stage: build into a fresh sibling folder, then swap it in whole.
//!
//! A failed build leaves the previous output byte-for-byte as it was, and polydocs never
//! deletes a folder it did not create: the output folder must be empty, missing, or carry the
//! marker file that polydocs writes into every output. Folders that would hold or be the
//! sources (the site root, an ancestor of it, `content/`, ...), `/` and the home folder are
//! refused outright.

use std::path::{Component, Path, PathBuf};

use crate::diagnostic::{Code, Diagnostic};

/// Written into every output folder; its presence is what allows replacing the folder.
pub(crate) const MARKER: &str = ".polydocs-output";

/// A checked output location.
pub struct Output {
    /// The folder visitors' files end up in.
    pub(crate) dir: PathBuf,
}

/// Held while a build writes beside the output: a second build of the same output at the
/// same time stops with a clear message instead of interleaving its files.
pub(crate) struct BuildLock {
    path: PathBuf,
}

impl Drop for BuildLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// A build folder next to the output, removed unless it is committed.
pub struct Staging {
    pub dir: PathBuf,
    target: PathBuf,
    committed: bool,
}

/// Lexically normalizes a path (`a/./b/../c` → `a/c`) without touching the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The absolute, symlink-resolved form of a path that may not exist yet.
fn resolve(path: &Path) -> PathBuf {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let abs = normalize(&abs);
    // Canonicalize the longest existing ancestor, then append the rest.
    let mut existing = abs.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (
            existing.file_name().map(|n| n.to_os_string()),
            existing.parent(),
        ) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut resolved = existing.canonicalize().unwrap_or(existing);
    for name in rest.into_iter().rev() {
        resolved.push(name);
    }
    resolved
}

/// Checks that `output` (relative to the site root unless absolute) is safe to replace.
pub fn check_output(root: &Path, output: &Path) -> Result<Output, Diagnostic> {
    let root = resolve(root);
    let dir = resolve(&root.join(output));
    let shown = output.display().to_string();
    let refuse = |why: String, hint: &str| {
        Diagnostic::error(
            Code::UnsafeOutput,
            format!("refusing to use `{shown}` as the output folder: {why}"),
        )
        .in_file("site.yaml")
        .hint(hint)
    };
    let home = std::env::var_os("HOME").map(|h| resolve(Path::new(&h)));
    if dir.parent().is_none() {
        return Err(refuse(
            "it is the root of the file system".into(),
            "set `output:` in site.yaml to a folder such as `public`",
        ));
    }
    if home.as_ref().is_some_and(|h| *h == dir) {
        return Err(refuse(
            "it is your home folder".into(),
            "set `output:` in site.yaml to a folder such as `public`",
        ));
    }
    if root.starts_with(&dir) {
        return Err(refuse(
            "it is the site folder or holds it".into(),
            "set `output:` to a folder inside the site, such as `public`",
        ));
    }
    for source in ["content", "locales", "templates", "static", "site.yaml"] {
        if dir.starts_with(root.join(source)) {
            return Err(refuse(
                format!("it is inside the site's `{source}`"),
                "set `output:` to a folder outside the sources, such as `public`",
            ));
        }
    }
    if dir.exists() {
        if !dir.is_dir() {
            return Err(refuse(
                "it is a file".into(),
                "remove the file or choose another `output:`",
            ));
        }
        let empty = std::fs::read_dir(&dir)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty && !dir.join(MARKER).is_file() {
            return Err(refuse(
                "it is not empty and was not created by polydocs".into(),
                "choose another `output:`, or empty that folder yourself if its files may go",
            ));
        }
    }
    Ok(Output { dir })
}

impl Output {
    fn sibling(&self, tag: &str) -> PathBuf {
        let name = self
            .dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.dir
            .with_file_name(format!(".{name}.{tag}-{}", std::process::id()))
    }

    /// Takes the lock of this output folder. A lock left by a build that was killed (its
    /// process is gone) is taken over.
    pub(crate) fn lock(&self) -> Result<BuildLock, Diagnostic> {
        let path = self.sibling_named("lock");
        if let Some(parent) = path.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        match crate::source::take_pid_file(&path) {
            Ok(Ok(())) => Ok(BuildLock { path }),
            Ok(Err(crate::source::Held(pid))) => Err(Diagnostic::error(
                Code::OutputLocked,
                format!(
                    "another build (process {}) is writing {} right now",
                    pid.map_or_else(|| "unknown".to_string(), |p| p.to_string()),
                    self.dir.display()
                ),
            )
            .hint(format!(
                "wait for it to finish; if no build is running, delete {}",
                path.display()
            ))),
            Err(e) => Err(Diagnostic::error(
                Code::WriteFailed,
                format!("cannot create {}: {e}", path.display()),
            )
            .hint("check that the output folder's parent is writable")),
        }
    }

    /// `.<output name>.<tag>` beside the output.
    fn sibling_named(&self, tag: &str) -> PathBuf {
        let name = self
            .dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.dir.with_file_name(format!(".{name}.{tag}"))
    }

    /// Creates a fresh staging folder beside the output, after clearing leftovers of killed
    /// builds. Call it while holding [`Output::lock`], so that no live build's folder is taken
    /// for a leftover.
    pub fn stage(&self) -> Result<Staging, Diagnostic> {
        self.remove_leftovers();
        let dir = self.sibling("building");
        let fail = |e: std::io::Error| {
            Diagnostic::error(
                Code::WriteFailed,
                format!("cannot create {}: {e}", dir.display()),
            )
            .hint("check that the output folder's parent exists and is writable")
        };
        if let Some(parent) = dir.parent() {
            std::fs::create_dir_all(parent).map_err(fail)?;
        }
        std::fs::create_dir(&dir).map_err(fail)?;
        std::fs::write(
            dir.join(MARKER),
            b"This folder is written by polydocs and replaced on every build.\n",
        )
        .map_err(fail)?;
        Ok(Staging {
            dir,
            target: self.dir.clone(),
            committed: false,
        })
    }

    /// Staging folders of earlier builds that were killed (they carry the marker, or are empty).
    fn remove_leftovers(&self) {
        let (Some(parent), Some(name)) = (self.dir.parent(), self.dir.file_name()) else {
            return;
        };
        let prefix = format!(".{}.", name.to_string_lossy());
        let Ok(entries) = std::fs::read_dir(parent) else {
            return;
        };
        let mut entries: Vec<_> = entries.flatten().collect();
        // A build killed between the two renames of a swap left the previous output aside
        // and none in place: it goes back first, so that it is not removed below.
        if std::fs::symlink_metadata(&self.dir).is_err()
            && let Some(i) = entries.iter().position(|e| {
                let n = e.file_name().to_string_lossy().into_owned();
                n.starts_with(&prefix)
                    && n.contains(".previous-")
                    && e.path().join(MARKER).is_file()
            })
            && std::fs::rename(entries[i].path(), &self.dir).is_ok()
        {
            entries.remove(i);
        }
        for entry in entries {
            let n = entry.file_name().to_string_lossy().into_owned();
            if leftover_pid(&n, &prefix).is_none() {
                continue;
            }
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            if is_dir && entry.path().join(MARKER).is_file() {
                remove_written(&entry.path());
            } else if is_dir {
                // A build killed between creating its staging folder and writing the marker
                // in it left it empty: removing an empty folder loses nothing (and fails on
                // one that is not empty).
                let _ = std::fs::remove_dir(entry.path());
            }
        }
    }
}

/// The process number in the name of a staging folder or a set-aside previous output of the
/// output whose sibling names begin with `prefix` (`.public.building-1234` →
/// 1234), or `None` for any other name.
fn leftover_pid(name: &str, prefix: &str) -> Option<u32> {
    let rest = name.strip_prefix(prefix)?;
    let pid = rest
        .strip_prefix("building-")
        .or_else(|| rest.strip_prefix("previous-"))?;
    (!pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
        .then(|| pid.parse().ok())
        .flatten()
}

/// Removes a folder polydocs wrote (a staging folder or a previous output), its marker last:
/// a build killed halfway leaves a folder that still says it is polydocs', which the next
/// build removes.
fn remove_written(dir: &Path) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            if entry.file_name() == MARKER {
                continue;
            }
            let path = entry.path();
            let _ = if entry.file_type().is_ok_and(|t| t.is_dir()) {
                std::fs::remove_dir_all(&path)
            } else {
                std::fs::remove_file(&path)
            };
            fault_point("removing-previous");
        }
    }
    let _ = std::fs::remove_file(dir.join(MARKER));
    let _ = std::fs::remove_dir(dir);
}

/// Where a test stops the process as `kill -9` would: `POLYDOCS_FAULT=<name>` aborts here.
/// Read once; costs nothing when unset.
fn fault_point(name: &str) {
    static FAULT: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    let fault = FAULT.get_or_init(|| std::env::var("POLYDOCS_FAULT").ok());
    if fault.as_deref() == Some(name) {
        std::process::abort();
    }
}

impl Staging {
    /// Swaps the staging folder in place of the output; the previous output is then removed.
    pub fn commit(mut self) -> Result<(), Diagnostic> {
        let previous = {
            let name = self
                .target
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            self.target
                .with_file_name(format!(".{name}.previous-{}", std::process::id()))
        };
        let fail = |e: std::io::Error| {
            Diagnostic::error(
                Code::WriteFailed,
                format!("cannot replace {}: {e}", self.target.display()),
            )
            .hint("check that no other program holds the output folder open")
        };
        let had_previous = self.target.exists();
        if had_previous && exchange(&self.dir, &self.target).is_ok() {
            // The staging name now holds the previous output; a build killed before it is
            // removed leaves it as a leftover for the next build to remove.
            self.committed = true;
            remove_written(&self.dir);
            return Ok(());
        }
        // Without an atomic exchange (another system, a file system that cannot), two renames:
        // a build killed between them leaves the previous output under `.previous-`, which the
        // next build puts back before anything else.
        if had_previous {
            std::fs::rename(&self.target, &previous).map_err(fail)?;
        }
        if let Err(e) = std::fs::rename(&self.dir, &self.target) {
            if had_previous {
                let _ = std::fs::rename(&previous, &self.target);
            }
            return Err(fail(e));
        }
        self.committed = true;
        if had_previous {
            remove_written(&previous);
        }
        Ok(())
    }
}

/// Exchanges two paths in one step (Linux `renameat2` with `RENAME_EXCHANGE`), so that a web
/// server or a reader of the output folder sees the old site or the new one, never none.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let a = std::ffi::CString::new(a.as_os_str().as_bytes())?;
    let b = std::ffi::CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both are valid NUL-terminated paths that live across the call; renameat2 only
    // reads them.
    let done = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if done == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            remove_written(&self.dir);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leftovers_are_named_by_the_output_a_stage_and_a_process() {
        assert_eq!(leftover_pid(".public.building-42", ".public."), Some(42));
        assert_eq!(leftover_pid(".public.previous-7", ".public."), Some(7));
        for name in [
            ".public.building-",
            ".public.building-4x",
            ".public.lock",
            "public",
            ".other.building-1",
        ] {
            assert_eq!(leftover_pid(name, ".public."), None, "{name}");
        }
    }

    #[test]
    fn normalize_removes_dots() {
        assert_eq!(normalize(Path::new("/a/./b/../c")), PathBuf::from("/a/c"));
    }
}
