//! The pipeline runs one way: each top-level module may use only the modules of the layers
//! below it, so no stage imports a later one and no two modules import each other.

use std::collections::BTreeSet;
use std::path::Path;

/// Lowest first. A module may use modules of earlier layers only.
const LAYERS: &[&[&str]] = &[
    &["span", "escape", "theme", "marks"],
    &["diagnostic"],
    &["source"],
    &["highlight"],
    &["yaml", "markdown"],
    &["search"],
    &["config"],
    &["plan"],
    &["l10n"],
    &["content"],
    &["templates"],
    &["site"],
    &["translation"],
    &["index"],
    &["check"],
    &["render"],
    &["publish"],
    &["pipeline"],
    &["serve"],
    &["cmd"],
];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// The top-level modules a file names as `crate::<module>`.
fn uses(text: &str) -> BTreeSet<String> {
    text.match_indices("crate::")
        .map(|(at, found)| {
            text[at + found.len()..]
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
                .collect()
        })
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Each file under `src/` that ships, by its path from `src/`, with the code that ships: its
/// text before an inline test module (which comes last in a file). Files named `tests.rs` are
/// left out: tests may use any module to build their inputs.
fn shipped_sources() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files
        .into_iter()
        .map(|file| {
            let rel = file
                .strip_prefix(&src)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, file)
        })
        .filter(|(rel, _)| !rel.ends_with("/tests.rs"))
        .map(|(rel, file)| {
            let text = std::fs::read_to_string(&file).unwrap();
            let shipped = text.split("#[cfg(test)]\nmod tests {").next().unwrap_or("");
            (rel, shipped.to_string())
        })
        .collect()
}

#[test]
fn no_module_uses_a_later_stage() {
    let mut wrong = Vec::new();
    for (rel, shipped) in shipped_sources() {
        let module = rel
            .split('/')
            .next()
            .unwrap()
            .trim_end_matches(".rs")
            .to_string();
        if module == "main" || module == "lib" {
            continue;
        }
        let own = layer(&module).unwrap_or_else(|| {
            panic!("src/{rel}: module `{module}` has no layer in tests/architecture.rs")
        });
        for used in uses(&shipped) {
            if used == module {
                continue;
            }
            match layer(&used) {
                Some(l) if l < own => {}
                _ => wrong.push(format!("src/{rel} ({module}) uses {used}")),
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "uses against the pipeline's direction:\n{}",
        wrong.join("\n")
    );
}

/// What a page is (home, section, bundle, leaf) is read from its file name in one place,
/// `content::PageKind`: no other shipped code names `_index.md` or `index.md`, so that a new
/// kind of page or a change of names touches one module.
#[test]
fn only_the_content_module_reads_page_file_names() {
    let mut named = Vec::new();
    for (rel, shipped) in shipped_sources() {
        // The registry's explanations show users example trees: text, not code.
        if rel == "content.rs" || rel == "diagnostic/codes.rs" {
            continue;
        }
        for (n, line) in shipped.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if code.contains("_index.md\"")
                || code.contains("\"index.md\"")
                || code.contains("/index.md\"")
            {
                named.push(format!("src/{rel}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(
        named.is_empty(),
        "page file names outside src/content.rs (use content::PageKind, HOME, section_key):\n{}",
        named.join("\n")
    );
}
