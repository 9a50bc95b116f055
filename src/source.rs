//! Reading source files: every input polydocs reads, checked the same way.
//!
//! Every input polydocs reads goes through [`SourceFile::read`], so that an unreadable or
//! non-UTF-8 file is reported the same way everywhere, and so that any byte offset a parser
//! gives back can be turned into the line and column a person looks for in an editor.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Code, Diagnostic};
pub use crate::span::{Position, SourceFile};

impl SourceFile {
    /// Reads `path`; `root` is only used to make the displayed path relative.
    ///
    /// A file named by the site (`site.yaml`, a plan file) may be a symbolic link to another
    /// file of the site; one that loops, dangles or leads outside the site is refused, so a
    /// build never publishes a file from elsewhere on the machine.
    pub fn read(root: &Path, path: &Path) -> Result<SourceFile, Box<Diagnostic>> {
        let display = display_path(root, path);
        if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
            && let Link::Broken(d) | Link::Outside(d) = follow(root, path, &display)
        {
            return Err(Box::new(d.in_file(&display)));
        }
        if let Ok(meta) = std::fs::metadata(path)
            && meta.len() > MAX_FILE_SIZE
        {
            {
                return Err(Box::new(
                    Diagnostic::error(
                        Code::FileTooLarge,
                        format!(
                            "{display} is {} bytes; sources are limited to {} MiB ({} bytes)",
                            meta.len(),
                            MAX_FILE_SIZE >> 20,
                            MAX_FILE_SIZE
                        ),
                    )
                    .in_file(&display)
                    .hint("split the file, or move large data out of the site's sources"),
                ));
            }
        }
        let bytes = std::fs::read(path).map_err(|e| {
            Box::new(
                Diagnostic::error(Code::UnreadableFile, format!("cannot read {display}: {e}"))
                    .in_file(&display)
                    .hint("check that the file exists and that you may read it"),
            )
        })?;
        match String::from_utf8(bytes) {
            Ok(mut text) => {
                // A byte-order mark is not part of the text (Fluent and Tera would choke on it).
                if text.starts_with('\u{feff}') {
                    text.drain(..'\u{feff}'.len_utf8());
                }
                Ok(SourceFile::from_text(display, text))
            }
            Err(e) => {
                let offset = e.utf8_error().valid_up_to();
                let valid = String::from_utf8_lossy(&e.as_bytes()[..offset]).into_owned();
                let partial = SourceFile::from_text(display.clone(), valid);
                let pos = partial.position(offset);
                Err(Box::new(
                    Diagnostic::error(
                        Code::NotUtf8,
                        format!("{display} is not valid UTF-8 (first bad byte at offset {offset})"),
                    )
                    .at(&partial, pos)
                    .hint("save the file as UTF-8 in your editor"),
                ))
            }
        }
    }
}

/// Files bigger than this are refused: no source of a documentation site is this large, and
/// reading one whole could exhaust memory.
pub(crate) const MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

/// The regular files under `dir` (sorted) whose names end with one of `extensions` (all files
/// when empty). Symbolic links are never followed: each one is reported, as an error when it
/// loops, dangles or leads outside the site, as a warning otherwise.
pub(crate) fn walk(
    root: &Path,
    dir: &Path,
    extensions: &[&str],
) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut diags = Vec::new();
    if !dir.is_dir() {
        return (files, diags);
    }
    for entry in walkdir::WalkDir::new(dir)
        .follow_links(false)
        .follow_root_links(false)
        .sort_by_file_name()
    {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let shown = e.path().map(|p| display_path(root, p)).unwrap_or_default();
                diags.push(
                    Diagnostic::error(Code::UnreadableFile, format!("cannot read {shown}: {e}"))
                        .in_file(&shown)
                        .hint("check the permissions of this folder"),
                );
                continue;
            }
        };
        let path = entry.path();
        let wanted = extensions.is_empty()
            || path
                .extension()
                .is_some_and(|x| extensions.iter().any(|e| x == *e));
        if entry.path_is_symlink() {
            let shown = display_path(root, path);
            let d = match follow(root, path, &shown) {
                Link::Broken(d) | Link::Outside(d) => d,
                Link::Inside => Diagnostic::warning(
                    Code::Symlink,
                    format!("{shown} is a symbolic link; it is not followed"),
                )
                .hint("replace the link with the file itself"),
            };
            if wanted || entry.file_type().is_dir() || path.is_dir() || !path.exists() {
                diags.push(d.in_file(&shown));
            }
            continue;
        }
        if entry.file_type().is_file() && wanted {
            files.push(entry.into_path());
        }
    }
    (files, diags)
}

/// Where a symbolic link leads, as far as the site is concerned.
enum Link {
    /// It loops or its target does not exist.
    Broken(Diagnostic),
    /// Its target is outside the site folder.
    Outside(Diagnostic),
    Inside,
}

fn follow(root: &Path, path: &Path, shown: &str) -> Link {
    let site = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    match path.canonicalize() {
        Err(_) => Link::Broken(
            Diagnostic::error(
                Code::Symlink,
                format!("{shown} is a symbolic link that loops or leads nowhere"),
            )
            .hint("replace the link with the file itself"),
        ),
        Ok(target) if !target.starts_with(&site) => Link::Outside(
            Diagnostic::error(
                Code::Symlink,
                format!(
                    "{shown} is a symbolic link to {}, outside the site",
                    target.display()
                ),
            )
            .hint("copy the file into the site instead of linking to it"),
        ),
        Ok(_) => Link::Inside,
    }
}

/// The lock every command that rewrites a site's sources (`new-language`, `mark`) holds
/// while it reads and writes them: `.polydocs.lock` in the site folder, holding the process
/// number. A second command waits for the first (up to [`SourceLock::WAIT`]) and then reads
/// the files again, so that two `new-language` runs at once both land in `site.yaml`. A lock
/// whose process is gone (a killed command) is taken over.
pub(crate) struct SourceLock {
    path: PathBuf,
}

impl SourceLock {
    /// How long a command waits for another one to finish.
    pub(crate) const WAIT: std::time::Duration = std::time::Duration::from_secs(30);
    /// The lock's file name, in the site folder.
    pub(crate) const FILE: &'static str = ".polydocs.lock";

    pub(crate) fn take(root: &Path) -> Result<SourceLock, String> {
        let path = root.join(Self::FILE);
        let deadline = std::time::Instant::now() + Self::WAIT;
        loop {
            match take_pid_file(&path) {
                Ok(Ok(())) => return Ok(SourceLock { path }),
                Ok(Err(Held(pid))) => {
                    if std::time::Instant::now() > deadline {
                        return Err(format!(
                            "another polydocs command (process {}) has been changing this site's \
                             files for {} seconds; wait for it, or delete {} if none is running",
                            pid.map_or_else(|| "unknown".to_string(), |p| p.to_string()),
                            Self::WAIT.as_secs(),
                            path.display()
                        ));
                    }
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                Err(e) => return Err(format!("cannot create {}: {e}", path.display())),
            }
        }
    }
}

/// Who holds a lock file that could not be taken: its process number, if the file gives one.
pub(crate) struct Held(pub Option<u32>);

/// Creates the lock file `path` holding this process's number, unless a running process holds
/// it: the one lock of polydocs, for the output folder (taken when publishing) and the sources
/// ([`SourceLock`]). A file whose process is gone (a killed command), or whose text is not a
/// number, is taken over; an empty one may be another command's being written, and is held.
pub(crate) fn take_pid_file(path: &Path) -> std::io::Result<Result<(), Held>> {
    for _ in 0..2 {
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
        {
            Ok(mut file) => {
                use std::io::Write;
                let _ = writeln!(file, "{}", std::process::id());
                return Ok(Ok(()));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                let holder = std::fs::read_to_string(path).unwrap_or_default();
                let pid: Option<u32> = holder.trim().parse().ok();
                let alive = pid.is_some_and(|p| Path::new(&format!("/proc/{p}")).exists());
                if alive || pid.is_none() && holder.is_empty() {
                    return Ok(Err(Held(pid)));
                }
                let _ = std::fs::remove_file(path);
            }
            Err(e) => return Err(e),
        }
    }
    Ok(Err(Held(None)))
}

impl Drop for SourceLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Replaces a source file's content (`mark` stamping a page) so that a reader or a crash sees
/// the old file or the new one, never half of it: the text goes to a sibling file first,
/// which is then renamed over the original (replacing a symbolic link, not writing through it)
/// with the original's mode, owner and group. A file its owner made read-only is refused, not
/// replaced behind their back.
pub(crate) fn replace_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let original = std::fs::metadata(path).ok();
    if original
        .as_ref()
        .is_some_and(|m| m.permissions().readonly())
    {
        return Err(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            format!("{} is read-only; make it writable first", path.display()),
        ));
    }
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temporary = path.with_file_name(format!(".{name}.polydocs-{}", std::process::id()));
    let written = std::fs::write(&temporary, bytes).and_then(|()| {
        if let Some(meta) = &original {
            std::fs::set_permissions(&temporary, meta.permissions())?;
            keep_owner(&temporary, meta);
        }
        std::fs::rename(&temporary, path)
    });
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

/// Gives `path` the owner and group of `original` where this process may (as root, or the
/// group for a member of it); elsewhere the file keeps the writer's, as any editor's save does.
#[cfg(unix)]
fn keep_owner(path: &Path, original: &std::fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    let _ = std::os::unix::fs::chown(path, Some(original.uid()), Some(original.gid()));
}

#[cfg(not(unix))]
fn keep_owner(_: &Path, _: &std::fs::Metadata) {}

/// A path as shown to the user: relative to the site root when it is inside it.
pub(crate) fn display_path(root: &Path, path: &Path) -> String {
    let shown: PathBuf = path
        .strip_prefix(root)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf());
    shown.to_string_lossy().replace('\\', "/")
}
