//! Writing output files, and reading `static/` to publish it as it is.

use std::path::Path;

use walkdir::WalkDir;

use crate::diagnostic::Diagnostic;

/// Writes a file, creating its folders.
pub fn write(path: &Path, bytes: &[u8]) -> Result<u64, Diagnostic> {
    let fail = |e: std::io::Error| {
        Diagnostic::error(
            "write-failed",
            format!("cannot write {}: {e}", path.display()),
        )
        .hint("check free disk space and permissions of the output folder")
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(fail)?;
    }
    std::fs::write(path, bytes).map_err(fail)?;
    Ok(bytes.len() as u64)
}

/// Reads every file of `static/` in path order and hands it to `put` with its output path
/// (`static/icons/chat.svg`), one file at a time. Symbolic links are not followed, so nothing
/// outside `static/` is ever published.
pub fn for_each_static(
    root: &Path,
    mut put: impl FnMut(&str, Vec<u8>) -> Result<u64, Diagnostic>,
) -> Result<(usize, u64), Diagnostic> {
    let from = root.join("static");
    if !from.is_dir() {
        return Ok((0, 0));
    }
    let mut count = 0;
    let mut bytes = 0;
    let mut entries: Vec<_> = WalkDir::new(&from)
        .follow_links(false)
        .follow_root_links(false)
        .into_iter()
        .collect::<Result<_, _>>()
        .map_err(|e| {
            Diagnostic::error("unreadable-file", format!("cannot read static/: {e}"))
                .hint("check the static/ folder")
        })?;
    entries.sort_by(|a, b| a.path().cmp(b.path()));
    for entry in entries {
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(&from).unwrap_or(entry.path());
        let data = std::fs::read(entry.path()).map_err(|e| {
            Diagnostic::error(
                "unreadable-file",
                format!("cannot read {}: {e}", entry.path().display()),
            )
            .hint("check that the file exists and that you may read it")
        })?;
        let rel = rel.to_string_lossy().replace('\\', "/");
        bytes += put(&format!("static/{rel}"), data)?;
        count += 1;
    }
    Ok((count, bytes))
}
