//! Shared helpers of the integration tests: a temporary copy of the shipped site, running the
//! real `polydocs` binary against it, snapshots of output trees, positions in source files,
//! and a minimal HTML reader for tables and links.
//!
//! std only. Set `POLYDOCS_KEEP_TEMP=1` to keep the temporary sites for inspection, and
//! `POLYDOCS_TEST_SITE=<dir>` to run the suite against another copy of the site.

#![allow(dead_code)]

pub mod rejection;

use std::path::{Component, Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// What the shipped site is made of; `public/` and `target/` are never copied.
pub const SITE_PARTS: &[&str] = &["site.yaml", "content", "locales", "templates", "static"];

/// The three languages of the shipped site: folder code, URL prefix, BCP 47 tag.
pub const LANGUAGES: &[(&str, &str, &str)] = &[
    ("en", "en", "en"),
    ("fr", "fr", "fr"),
    ("zh-TW", "zh-tw", "zh-Hant-TW"),
];

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// The repository root, where the shipped site lives. `POLYDOCS_TEST_SITE` names another
/// site folder to copy instead (to check that the tests catch a broken site).
pub fn shipped_root() -> PathBuf {
    match std::env::var_os("POLYDOCS_TEST_SITE") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")),
    }
}

/// A fresh, unique folder under the system temp dir, removed on drop.
pub struct TempDir {
    pub path: PathBuf,
}

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let path = std::env::temp_dir().join(format!(
            "polydocs-test-{name}-{}-{}-{nanos}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::create_dir_all(&path).expect("create temp dir");
        TempDir { path }
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        if std::env::var_os("POLYDOCS_KEEP_TEMP").is_none() {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}

/// A temporary copy of the shipped site. The site root is `<base>/site`, so that `..` of the
/// site is a folder the test owns too (with a sentinel file in it).
pub struct TempSite {
    pub dir: TempDir,
    pub root: PathBuf,
}

/// The result of one run of the binary.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `polydocs <args>` in `dir`, with no `--root`: as a person in a terminal there.
pub fn polydocs_in(dir: &Path, args: &[&str]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_polydocs"));
    cmd.current_dir(dir).args(args).env("NO_COLOR", "1");
    Run::of(cmd)
}

impl Run {
    /// Runs a command to its end and keeps what it printed.
    pub fn of(mut cmd: Command) -> Run {
        let out = cmd.output().expect("run polydocs");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    pub fn describe(&self) -> String {
        format!(
            "exit code {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

impl TempSite {
    pub fn new(name: &str) -> TempSite {
        let dir = TempDir::new(name);
        let root = dir.path.join("site");
        std::fs::create_dir_all(&root).unwrap();
        let shipped = shipped_root();
        for part in SITE_PARTS {
            copy_recursive(&shipped.join(part), &root.join(part));
        }
        std::fs::write(
            dir.path.join("sentinel.txt"),
            b"next to the site; must survive\n",
        )
        .unwrap();
        TempSite { dir, root }
    }

    /// The folder holding the site root (what `--output ..` names).
    pub fn base(&self) -> &Path {
        &self.dir.path
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    pub fn public(&self) -> PathBuf {
        self.root.join("public")
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("cannot read {rel}: {e}"))
    }

    pub fn write(&self, rel: &str, text: &str) {
        std::fs::write(self.path(rel), text).unwrap_or_else(|e| panic!("cannot write {rel}: {e}"));
    }

    /// Replaces the first occurrence of `from` in a site file; returns the new text.
    pub fn replace_once(&self, rel: &str, from: &str, to: &str) -> String {
        let text = self.read(rel);
        assert!(
            text.contains(from),
            "{rel} does not contain {from:?}; the shipped site changed?"
        );
        let new = text.replacen(from, to, 1);
        self.write(rel, &new);
        new
    }

    /// Reads a published file (`en/compare/index.html`).
    pub fn page(&self, rel: &str) -> String {
        let path = self.public().join(rel);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read public/{rel}: {e}"))
    }

    /// Runs `polydocs --root <site> <args>`.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with_env(args, &[])
    }

    pub fn run_with_env(&self, args: &[&str], env: &[(&str, &Path)]) -> Run {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_polydocs"));
        cmd.arg("--root")
            .arg(&self.root)
            .args(args)
            .env("NO_COLOR", "1");
        for (k, v) in env {
            cmd.env(k, v);
        }
        Run::of(cmd)
    }

    /// `build`, which must succeed.
    pub fn build_ok(&self) -> Run {
        let run = self.run(&["build"]);
        assert_eq!(
            run.code,
            0,
            "build of the site should succeed\n{}",
            run.describe()
        );
        run
    }

    /// The base URL of site.yaml (absolute, or a path), ending with `/`.
    pub fn base_url(&self) -> String {
        let text = self.read("site.yaml");
        let line = text
            .lines()
            .find(|l| l.starts_with("base_url:") || l.starts_with("base-url:"))
            .expect("site.yaml has base_url");
        let url = line["base_url:".len()..]
            .trim()
            .trim_matches(['"', '\''])
            .to_string();
        if url.ends_with('/') {
            url
        } else {
            format!("{url}/")
        }
    }

    /// Every page key of every language (`docs/setup.md`), as the content folders hold them.
    pub fn page_keys(&self) -> Vec<String> {
        let mut keys = Vec::new();
        for (code, _, _) in LANGUAGES {
            let dir = self.path(&format!("content/{code}"));
            for file in files_under(&dir) {
                if file.ends_with(".md") && !keys.contains(&file) {
                    keys.push(file);
                }
            }
        }
        keys.sort();
        keys
    }
}

/// `docs/setup.md` → `docs/setup/`, `docs/_index.md` → `docs/`, `_index.md` → ``.
pub fn url_path(key: &str) -> String {
    let stem = key.strip_suffix(".md").unwrap_or(key);
    match stem.strip_suffix("_index") {
        Some(folder) => folder.to_string(),
        None => format!("{stem}/"),
    }
}

pub fn copy_recursive(from: &Path, to: &Path) {
    let meta = std::fs::symlink_metadata(from)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", from.display()));
    if meta.is_dir() {
        std::fs::create_dir_all(to).unwrap();
        let mut entries: Vec<_> = std::fs::read_dir(from).unwrap().flatten().collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            copy_recursive(&entry.path(), &to.join(entry.file_name()));
        }
    } else if meta.is_file() {
        std::fs::copy(from, to).unwrap_or_else(|e| panic!("cannot copy {}: {e}", from.display()));
    }
}

/// Relative paths (with `/`) of every file under `dir`, sorted.
pub fn files_under(dir: &Path) -> Vec<String> {
    snapshot(dir).into_iter().map(|(p, _)| p).collect()
}

/// Every file under `dir` with its bytes, sorted by relative path. Empty folders are listed
/// with a trailing `/` so that they count too.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut any = false;
        for entry in entries.flatten() {
            any = true;
            let path = entry.path();
            let rel = path
                .strip_prefix(base)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let ft = entry.file_type().unwrap();
            if ft.is_dir() {
                walk(base, &path, out);
            } else if ft.is_symlink() {
                let target = std::fs::read_link(&path).unwrap();
                out.push((rel, format!("symlink -> {}", target.display()).into_bytes()));
            } else {
                out.push((rel, std::fs::read(&path).unwrap()));
            }
        }
        if !any && dir != base {
            let rel = dir
                .strip_prefix(base)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push((format!("{rel}/"), Vec::new()));
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// Asserts two snapshots are identical, naming the files that differ.
pub fn assert_same_tree(before: &[(String, Vec<u8>)], after: &[(String, Vec<u8>)], what: &str) {
    if before == after {
        return;
    }
    let mut diffs = Vec::new();
    for (path, bytes) in before {
        match after.iter().find(|(p, _)| p == path) {
            None => diffs.push(format!("removed: {path}")),
            Some((_, b)) if b != bytes => diffs.push(format!("changed: {path}")),
            _ => {}
        }
    }
    for (path, _) in after {
        if !before.iter().any(|(p, _)| p == path) {
            diffs.push(format!("added: {path}"));
        }
    }
    diffs.truncate(30);
    panic!("{what}: the tree changed\n{}", diffs.join("\n"));
}

/// The 1-based line and column (in characters) where `needle` first occurs in `text`.
pub fn locate(text: &str, needle: &str) -> (usize, usize) {
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not found"));
    position_of_offset(text, offset)
}

pub fn position_of_offset(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..offset].chars().count() + 1)
}

/// The text of a 1-based line.
pub fn line_of(text: &str, line: usize) -> &str {
    text.split('\n')
        .nth(line - 1)
        .unwrap_or("")
        .trim_end_matches('\r')
}

/// Asserts that `stderr` holds `error[code]` pointing at `file:line:col`, followed by the source
/// line and a caret under that column. `source_line` is the text of the line in the file.
pub fn assert_diagnostic(
    stderr: &str,
    code: &str,
    file: &str,
    line: usize,
    col: usize,
    source_line: &str,
) {
    let lines: Vec<&str> = stderr.lines().collect();
    let location = format!("--> {file}:{line}:{col}");
    let Some(at) = lines.iter().position(|l| l.trim() == location) else {
        panic!(
            "stderr does not point at `{file}:{line}:{col}` for error[{code}]\n--- stderr ---\n{stderr}"
        );
    };
    assert!(
        at > 0 && lines[at - 1].starts_with(&format!("error[{code}]")),
        "the diagnostic at {file}:{line}:{col} is not error[{code}]: {:?}\n--- stderr ---\n{stderr}",
        lines.get(at.wrapping_sub(1))
    );
    // The source line, then the caret line, within the next few lines.
    let gutter = format!("{line} |");
    let Some(src) =
        (at + 1..(at + 5).min(lines.len())).find(|&i| lines[i].trim_start().starts_with(&gutter))
    else {
        panic!("no source line `{line} | ...` after {location}\n--- stderr ---\n{stderr}");
    };
    let shown = lines[src];
    let bar = shown.find('|').unwrap();
    let shown_text = shown[bar + 1..].strip_prefix(' ').unwrap_or("");
    assert_eq!(
        shown_text.trim_end(),
        source_line.trim_end(),
        "the printed source line is not line {line} of {file}\n--- stderr ---\n{stderr}"
    );
    let caret_line = lines.get(src + 1).copied().unwrap_or("");
    let Some(caret_bar) = caret_line.find('|') else {
        panic!("no caret line after the source line\n--- stderr ---\n{stderr}");
    };
    let after_bar = &caret_line[caret_bar + 1..];
    assert!(
        after_bar.trim_start().starts_with('^'),
        "no caret line after the source line\n--- stderr ---\n{stderr}"
    );
    // Where the caret points, when the line before the column is plain ASCII (one cell a char).
    let prefix: String = source_line.chars().take(col - 1).collect();
    if prefix.is_ascii() && caret_bar == bar {
        let caret_col = after_bar.chars().position(|c| c == '^').unwrap(); // 1 space + col-1
        assert_eq!(
            caret_col, col,
            "the caret is not under column {col} of {file}:{line}\n--- stderr ---\n{stderr}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// A minimal HTML reader: enough for the tables and links polydocs writes.

/// Removes tags, decodes the few entities an escaper writes, turns the no-break spaces ICU
/// puts in times into plain spaces, and collapses whitespace.
pub fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let decoded = decode_entities(&out);
    normalize_spaces(&decoded)
}

pub fn normalize_spaces(s: &str) -> String {
    s.replace(['\u{202f}', '\u{a0}'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn decode_entities(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&#x2F;", "/")
        .replace("&#x2f;", "/")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

/// The value of an attribute in a start tag (`<td class="x">` → `class` → `x`).
pub fn attr(tag: &str, name: &str) -> Option<String> {
    let needle = format!(" {name}=\"");
    let start = tag.find(&needle)? + needle.len();
    let end = tag[start..].find('"')? + start;
    Some(decode_entities(&tag[start..end]))
}

/// Whether an element's class attribute holds `class` as one of its words.
pub fn has_class(tag: &str, class: &str) -> bool {
    attr(tag, "class").is_some_and(|c| c.split_whitespace().any(|w| w == class))
}

/// Every start tag `<name ...>` of the document, in order.
pub fn start_tags<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name}");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = html[from..].find(&open) {
        let at = from + i;
        let next = html[at + open.len()..].chars().next();
        from = at + open.len();
        if !matches!(next, Some(' ' | '>' | '\n' | '\t' | '/')) {
            continue;
        }
        let Some(end) = html[at..].find('>') else {
            break;
        };
        out.push(&html[at..=at + end]);
    }
    out
}

#[derive(Debug, Clone)]
pub struct Cell {
    /// `th` or `td`.
    pub tag: String,
    /// The start tag, attributes included.
    pub start: String,
    pub html: String,
    pub text: String,
}

impl Cell {
    pub fn has_class(&self, class: &str) -> bool {
        has_class(&self.start, class)
    }
}

#[derive(Debug, Clone)]
pub struct Row {
    pub start: String,
    pub cells: Vec<Cell>,
}

impl Row {
    pub fn texts(&self) -> Vec<String> {
        self.cells.iter().map(|c| c.text.clone()).collect()
    }
}

/// The rows of the first `<table>` whose class holds `class`.
pub fn table(html: &str, class: &str) -> Vec<Row> {
    let start = start_tags(html, "table")
        .into_iter()
        .find(|t| has_class(t, class))
        .unwrap_or_else(|| panic!("no <table class=\"{class}\"> in the page"));
    let at = html.find(start).unwrap();
    let end = html[at..].find("</table>").map_or(html.len(), |e| at + e);
    let body = &html[at..end];
    let mut rows = Vec::new();
    let mut from = 0;
    while let Some(i) = find_tag(&body[from..], "tr") {
        let row_start = from + i;
        let tag_end = row_start + body[row_start..].find('>').unwrap() + 1;
        let row_end = body[tag_end..]
            .find("</tr>")
            .map_or(body.len(), |e| tag_end + e);
        let inner = &body[tag_end..row_end];
        rows.push(Row {
            start: body[row_start..tag_end].to_string(),
            cells: cells(inner),
        });
        from = row_end;
    }
    rows
}

fn find_tag(html: &str, name: &str) -> Option<usize> {
    let open = format!("<{name}");
    let mut from = 0;
    while let Some(i) = html[from..].find(&open) {
        let at = from + i;
        if matches!(
            html[at + open.len()..].chars().next(),
            Some(' ' | '>' | '\n' | '\t')
        ) {
            return Some(at);
        }
        from = at + open.len();
    }
    None
}

fn cells(row: &str) -> Vec<Cell> {
    let mut out = Vec::new();
    let mut from = 0;
    loop {
        let th = find_tag(&row[from..], "th").map(|i| (i, "th"));
        let td = find_tag(&row[from..], "td").map(|i| (i, "td"));
        let next = match (th, td) {
            (Some(a), Some(b)) => Some(if a.0 < b.0 { a } else { b }),
            (a, b) => a.or(b),
        };
        let Some((i, tag)) = next else { break };
        let at = from + i;
        let tag_end = at + row[at..].find('>').unwrap() + 1;
        let close = format!("</{tag}>");
        let end = row[tag_end..]
            .find(&close)
            .map_or(row.len(), |e| tag_end + e);
        let html = &row[tag_end..end];
        out.push(Cell {
            tag: tag.to_string(),
            start: row[at..tag_end].to_string(),
            html: html.to_string(),
            text: text_of(html),
        });
        from = (end + close.len()).min(row.len());
    }
    out
}

/// The rows of a table that hold data: at least one `td`, not the group or banner rows.
pub fn data_rows(rows: &[Row]) -> Vec<&Row> {
    rows.iter()
        .filter(|r| r.cells.iter().any(|c| c.tag == "td") && !has_class(&r.start, "banner"))
        .collect()
}

/// The header row of a table: the row whose cells are all `th scope="col"`.
pub fn header_row(rows: &[Row]) -> &Row {
    rows.iter()
        .find(|r| {
            !r.cells.is_empty()
                && r.cells
                    .iter()
                    .all(|c| attr(&c.start, "scope").as_deref() == Some("col"))
        })
        .expect("a header row of column headers")
}

/// The `href` of every `<a>` that carries `hreflang` (language switchers and choosers).
pub fn hreflang_links(html: &str) -> Vec<(String, String)> {
    start_tags(html, "a")
        .into_iter()
        .filter_map(|t| Some((attr(t, "hreflang")?, attr(t, "href")?)))
        .collect()
}

/// Resolves a link found in `public/<page>` to a file of `public/`, or `None` for links that
/// leave the site (other schemes, other hosts). `/...` links are taken from the base path.
pub fn resolve_link(public: &Path, page: &str, href: &str, base_url: &str) -> Option<PathBuf> {
    let href = href.split(['#', '?']).next().unwrap_or("");
    // `https://host/sub/` → `/sub/`; a path-only base URL is its own path.
    let base_path = base_url
        .split_once("://")
        .map(|(_, rest)| rest.find('/').map_or("/", |i| &rest[i..]))
        .unwrap_or(base_url);
    let site_relative = if let Some(rest) = href.strip_prefix(base_url) {
        rest.to_string()
    } else if href.contains("://") || href.starts_with("mailto:") || href.starts_with("//") {
        return None;
    } else if let Some(abs) = href.strip_prefix('/') {
        let abs = format!("/{abs}");
        abs.strip_prefix(base_path)
            .map(str::to_string)
            .unwrap_or_else(|| format!("<outside the base path>{abs}"))
    } else {
        let folder = Path::new(page)
            .parent()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default();
        if folder.is_empty() {
            href.to_string()
        } else {
            format!("{folder}/{href}")
        }
    };
    let mut parts: Vec<String> = Vec::new();
    for c in Path::new(&site_relative).components() {
        match c {
            Component::ParentDir if parts.pop().is_none() => {
                parts.push("<above the site root>".into());
            }
            Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    let mut path = public.to_path_buf();
    for p in &parts {
        path.push(p);
    }
    if href.is_empty() || href.ends_with('/') || site_relative.is_empty() {
        path.push("index.html");
    }
    Some(path)
}

/// `../shared/bench/gen_site.py`: the synthetic multilingual site of the benchmarks.
pub fn site_generator() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/gen_site.py")
}

/// Writes the synthetic site of `pages` pages in each of three languages into `root`, with the
/// bench templates; `false` (and why, for the test log) when the generator is missing.
pub fn generate_site(root: &Path, pages: usize, test: &str) -> bool {
    let generator = site_generator();
    if !generator.is_file() {
        eprintln!(
            "SKIPPED {test}: {} does not exist (the synthetic site cannot be generated)",
            generator.display()
        );
        return false;
    }
    let out = std::process::Command::new("python3")
        .arg(&generator)
        .args([
            "--layout",
            "neutral",
            "--pages",
            &pages.to_string(),
            "--out",
        ])
        .arg(root)
        .output()
        .expect("run python3");
    assert!(
        out.status.success(),
        "gen_site.py failed\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    copy_recursive(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/templates"),
        &root.join("templates"),
    );
    true
}

/// The files of a language's `search/` folder in a built site's output, paths relative to it.
pub fn search_index_files(public: &Path, prefix: &str) -> Vec<(String, Vec<u8>)> {
    let dir = public.join(prefix).join("search");
    files_under(&dir)
        .into_iter()
        .map(|f| {
            let bytes = std::fs::read(dir.join(&f)).unwrap();
            (f, bytes)
        })
        .collect()
}
