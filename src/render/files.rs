//! Writing output files, and reading `static/` to publish it.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Code, Diagnostic};
use crate::source::display_path;

/// Writes a file, creating its folders.
pub(crate) fn write(path: &Path, bytes: &[u8]) -> Result<u64, Diagnostic> {
    let fail = |e: std::io::Error| {
        Diagnostic::error(
            Code::WriteFailed,
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

/// Reads each of `files` (the site's `static/` files, listed when loading), with its output
/// path (`static/icons/chat.svg`).
pub(crate) fn read_static(
    root: &Path,
    files: &[PathBuf],
) -> Result<Vec<(String, Vec<u8>)>, Diagnostic> {
    files
        .iter()
        .map(|path| {
            let shown = display_path(root, path);
            let data = std::fs::read(path).map_err(|e| {
                Diagnostic::error(Code::UnreadableFile, format!("cannot read {shown}: {e}"))
                    .in_file(&shown)
                    .hint("check that the file exists and that you may read it")
            })?;
            Ok((shown, data))
        })
        .collect()
}
