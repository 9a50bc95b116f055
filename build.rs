//! Embeds files of the repository into the binary, so that an installed `polydocs` needs
//! nothing beside it: the default theme (`templates/`, `static/`), the shipped site for
//! `polydocs init --example` (`site.yaml`, `content/`, `locales/`) and the starter text of
//! `polydocs init` (`src/cmd/init/starter/`).
//!
//! Each list is generated from the folders as they are, so a file added to the theme is
//! carried without anyone updating a list by hand; cargo runs this again whenever one of
//! the folders changes.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    let starter = Path::new("src/cmd/init/starter");
    for watched in ["templates", "static", "site.yaml", "content", "locales"] {
        println!("cargo:rerun-if-changed={watched}");
    }
    println!("cargo:rerun-if-changed={}", starter.display());

    let mut theme = String::new();
    // Only what the loader reads as templates (html, xml, txt).
    list(
        &mut theme,
        "THEME_TEMPLATES",
        &root,
        "templates",
        Kind::Text,
        true,
    );
    list(
        &mut theme,
        "THEME_STATIC",
        &root,
        "static",
        Kind::Bytes,
        false,
    );
    write(&out.join("theme.rs"), &theme);

    let mut example = String::new();
    example.push_str("pub static EXAMPLE_SITE: &[(&str, &[u8])] = &[\n");
    entry(&mut example, &root, "site.yaml", "site.yaml", Kind::Bytes);
    example.push_str("];\n");
    list(
        &mut example,
        "EXAMPLE_CONTENT",
        &root,
        "content",
        Kind::Bytes,
        false,
    );
    list(
        &mut example,
        "EXAMPLE_LOCALES",
        &root,
        "locales",
        Kind::Bytes,
        false,
    );
    write(&out.join("example.rs"), &example);

    let mut starter_list = String::new();
    list(
        &mut starter_list,
        "STARTER",
        &root,
        &starter.display().to_string(),
        Kind::Text,
        true,
    );
    write(&out.join("starter.rs"), &starter_list);
}

#[derive(Clone, Copy)]
enum Kind {
    Text,
    Bytes,
}

/// `pub static NAME: &[(&str, &str or &[u8])]`: every file under `dir`, sorted, named by its
/// path relative to `dir` (`relative`) or to the repository (`static/style.css`).
fn list(out: &mut String, name: &str, root: &Path, dir: &str, kind: Kind, relative: bool) {
    let ty = match kind {
        Kind::Text => "&str",
        Kind::Bytes => "&[u8]",
    };
    writeln!(out, "pub static {name}: &[(&str, {ty})] = &[").unwrap();
    let mut files = Vec::new();
    walk(&root.join(dir), &mut files);
    files.sort();
    if dir == "templates" {
        files.retain(|p| {
            p.extension()
                .is_some_and(|x| x == "html" || x == "xml" || x == "txt")
        });
    }
    for path in files {
        let rel = path
            .strip_prefix(root)
            .expect("under the root")
            .to_string_lossy()
            .replace('\\', "/");
        let shown = if relative {
            rel.strip_prefix(&format!("{dir}/"))
                .unwrap_or(&rel)
                .to_string()
        } else {
            rel.clone()
        };
        entry(out, root, &shown, &rel, kind);
    }
    out.push_str("];\n");
}

fn entry(out: &mut String, root: &Path, name: &str, rel: &str, kind: Kind) {
    let macro_name = match kind {
        Kind::Text => "include_str",
        Kind::Bytes => "include_bytes",
    };
    let path = root.join(rel);
    writeln!(
        out,
        "    ({name:?}, {macro_name}!({:?})),",
        path.display().to_string()
    )
    .unwrap();
}

/// Every regular file under `dir`; symbolic links and hidden files are left out, as the
/// site loader leaves them out.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(&path, out);
        } else if kind.is_file() {
            out.push(path);
        }
    }
}

fn write(path: &Path, text: &str) {
    // Written only when changed, so that an unchanged list recompiles nothing.
    if std::fs::read_to_string(path).is_ok_and(|old| old == text) {
        return;
    }
    std::fs::write(path, text).expect("write the embedded file list");
}
