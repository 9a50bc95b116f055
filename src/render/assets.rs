//! Fingerprinted static files: stylesheets, scripts, images, icons and fonts are published
//! under a name that holds a hash of their bytes (`static/style.3f2a9c1e.css`), so that a host
//! may let browsers keep them for a year: a changed file gets a new name, and the pages, whose
//! own URLs never change (and which are cached briefly), name the new file.
//!
//! The name is the file's name with `.` and eight lowercase hex digits inserted before its
//! last extension (`icons/chat.svg` → `icons/chat.5be1c0d2.svg`); the digits are a 32-bit
//! FNV-1a fold of the published bytes, so they are the same on every run and every machine.
//! A stylesheet's `url(...)` references to other static files are rewritten to their
//! fingerprinted names first, and the stylesheet hashed after, so that an icon's change
//! reaches the name of the stylesheet that uses it. Stylesheets are minified (see
//! [`minify`](super::minify)) before they are hashed: the name is the hash of what is served.
//!
//! Every static file is also published under its plain name. Pages made by templates never
//! use it (`asset()` gives the fingerprinted name), but a link written by hand, in Markdown or
//! on another site, to `static/guide.pdf` or `static/icons/chat.svg` keeps working, and the
//! link checks, which accept any file of `static/`, stay true. Those plain names must not be
//! cached for long: only names matching the fingerprint pattern may be.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::{Code, Diagnostic};
use crate::source::SourceFile;

/// The extensions of the files published under a fingerprinted name (compared in lowercase).
pub(crate) const FINGERPRINTED: &[&str] = &[
    "css", "js", "mjs", "svg", "png", "jpg", "jpeg", "gif", "webp", "avif", "ico", "woff", "woff2",
    "ttf", "otf",
];

/// Every static file as it is published, and the fingerprinted name of each that has one.
#[derive(Debug, Default)]
pub(crate) struct Assets {
    /// Output path (`static/...`) and bytes of every file to publish: each fingerprinted file
    /// twice (its fingerprinted name, then its plain one), any other file once.
    pub(crate) files: Vec<(String, Vec<u8>)>,
    /// Path under `static/` (`icons/chat.svg`) → fingerprinted path from the site's root
    /// (`static/icons/chat.5be1c0d2.svg`).
    pub(crate) names: BTreeMap<String, String>,
}

impl Assets {
    /// Fingerprints `files`: each is a path relative to the site (`static/style.css`) with its
    /// bytes, as read from `static/`. A stylesheet's `url()` naming a static file that does not
    /// exist is an error at its position.
    ///
    /// The steps are functions of their own: the files other than stylesheets are named
    /// ([`sort_out`]), then the stylesheets, after the files they name ([`hash_stylesheets`]);
    /// a name taken twice is refused ([`collisions`]) and each file is listed under its names
    /// ([`published_files`]).
    pub(crate) fn of(files: Vec<(String, Vec<u8>)>) -> Result<Assets, Vec<Diagnostic>> {
        let known: BTreeSet<String> = files
            .iter()
            .filter_map(|(path, _)| path.strip_prefix("static/").map(str::to_string))
            .collect();
        let mut names = BTreeMap::new();
        let mut published: BTreeMap<String, Vec<u8>> = BTreeMap::new();
        let stylesheets = sort_out(files, &known, &mut names, &mut published)?;
        hash_stylesheets(stylesheets, &mut names, &mut published);
        let collisions = collisions(&names, &published);
        if !collisions.is_empty() {
            return Err(collisions);
        }
        let files = published_files(published, &names);
        Ok(Assets { files, names })
    }

    /// The fingerprinted path (from the site's root) of a file under `static/`.
    #[cfg(test)]
    pub(crate) fn name(&self, inner: &str) -> Option<&str> {
        self.names.get(inner).map(String::as_str)
    }

    /// What a template's `asset()` gives for each file under `static/`: the path from the
    /// site's root of its fingerprinted name, or of its plain name when it has no other.
    pub(crate) fn paths(&self) -> BTreeMap<String, String> {
        let hashed: BTreeSet<&String> = self.names.values().collect();
        let mut paths = self.names.clone();
        for (path, _) in &self.files {
            if let Some(inner) = path.strip_prefix("static/")
                && !hashed.contains(path)
            {
                paths
                    .entry(inner.to_string())
                    .or_insert_with(|| path.clone());
            }
        }
        paths
    }
}

/// A stylesheet to fingerprint: its path under `static/`, its text as written and its
/// references to other static files.
type Stylesheet = (String, String, Vec<Reference>);

/// Puts each of `files` in `published`, scripts minified, and the fingerprinted name of each
/// fingerprinted one in `names`, except the stylesheets: those come back, with their
/// references (`known` holds every path under `static/`), to be hashed once the files they
/// name have their names. A reference to no file of `static/` is an error.
fn sort_out(
    files: Vec<(String, Vec<u8>)>,
    known: &BTreeSet<String>,
    names: &mut BTreeMap<String, String>,
    published: &mut BTreeMap<String, Vec<u8>>,
) -> Result<Vec<Stylesheet>, Vec<Diagnostic>> {
    let mut stylesheets = Vec::new();
    let mut errors = Vec::new();
    for (path, bytes) in files {
        let Some(inner) = path.strip_prefix("static/").map(str::to_string) else {
            published.insert(path, bytes);
            continue;
        };
        if !is_fingerprinted(&inner) {
            published.insert(path, bytes);
        } else if extension(&inner) == "css" && std::str::from_utf8(&bytes).is_ok() {
            let text = String::from_utf8(bytes).unwrap_or_default();
            let found = references(&path, &text, known);
            errors.extend(found.iter().filter_map(|r| r.missing.clone()));
            stylesheets.push((inner, text, found));
        } else {
            let bytes = match std::str::from_utf8(&bytes) {
                Ok(text) if extension(&inner) == "js" => super::minify::js(text).into_bytes(),
                _ => bytes,
            };
            names.insert(inner.clone(), fingerprinted_name(&inner, &bytes));
            published.insert(path, bytes);
        }
    }
    if errors.is_empty() {
        Ok(stylesheets)
    } else {
        Err(errors)
    }
}

/// Rewrites each stylesheet to name the fingerprinted files, then names it after the hash of
/// what is published, into `names` and `published`. A stylesheet that imports another is
/// hashed after it; a loop of imports keeps the plain names inside the loop (they are
/// published too).
fn hash_stylesheets(
    mut stylesheets: Vec<Stylesheet>,
    names: &mut BTreeMap<String, String>,
    published: &mut BTreeMap<String, Vec<u8>>,
) {
    let mut pending: BTreeSet<String> = stylesheets.iter().map(|(n, _, _)| n.clone()).collect();
    while !stylesheets.is_empty() {
        let ready = stylesheets.iter().position(|(_, _, refs)| {
            refs.iter()
                .all(|r| !pending.contains(&r.target) || names.contains_key(&r.target))
        });
        let at = ready.unwrap_or(0);
        let (inner, text, refs) = stylesheets.remove(at);
        // Published without comments and layout white space (see `minify`), and hashed as
        // published; positions in errors were found in the text as written.
        let bytes = super::minify::css(&rewrite(&inner, &text, &refs, names)).into_bytes();
        names.insert(inner.clone(), fingerprinted_name(&inner, &bytes));
        pending.remove(&inner);
        published.insert(format!("static/{inner}"), bytes);
    }
}

/// The files of `static/` placed by hand under another file's fingerprinted name: such a file
/// would be silently replaced by the other (or replace it), and neither may win.
fn collisions(
    names: &BTreeMap<String, String>,
    published: &BTreeMap<String, Vec<u8>>,
) -> Vec<Diagnostic> {
    names
        .iter()
        .filter(|(inner, hashed)| {
            published.contains_key(hashed.as_str()) && **hashed != format!("static/{inner}")
        })
        .map(|(inner, hashed)| {
            Diagnostic::error(
                Code::AssetCollision,
                format!("{hashed} is a file of static/ and the fingerprinted name of static/{inner}"),
            )
            .in_file(hashed.as_str())
            .hint(format!(
                "rename {hashed}: a name of the form `<name>.<8 hex digits>.<extension>` is polydocs' own"
            ))
        })
        .collect()
}

/// Every file to publish, in path order: a fingerprinted file under its fingerprinted name
/// first, then under its plain one.
fn published_files(
    published: BTreeMap<String, Vec<u8>>,
    names: &BTreeMap<String, String>,
) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for (path, bytes) in published {
        let inner = path.strip_prefix("static/").unwrap_or(&path);
        if let Some(hashed) = names.get(inner) {
            out.push((hashed.clone(), bytes.clone()));
        }
        out.push((path, bytes));
    }
    out
}

/// Whether a file under `static/` is published under a fingerprinted name.
pub(crate) fn is_fingerprinted(inner: &str) -> bool {
    let ext = extension(inner);
    let file = inner.rsplit('/').next().unwrap_or(inner);
    // A dot file or one without a name before its extension (`.css`) keeps its name.
    !file.starts_with('.') && FINGERPRINTED.contains(&ext.as_str())
}

fn extension(inner: &str) -> String {
    let file = inner.rsplit('/').next().unwrap_or(inner);
    file.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

/// `static/` + the path with `.` and the hash of `bytes` before its last extension.
pub(crate) fn fingerprinted_name(inner: &str, bytes: &[u8]) -> String {
    let hash = format!("{:08x}", fingerprint(bytes));
    match inner.rsplit_once('.') {
        Some((stem, ext)) if !stem.ends_with('/') => format!("static/{stem}.{hash}.{ext}"),
        _ => format!("static/{inner}.{hash}"),
    }
}

/// FNV-1a over the bytes, its two halves folded together: eight hex digits, the same on
/// every run (a cache key, not a defence against forgery).
pub(crate) fn fingerprint(bytes: &[u8]) -> u32 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    ((hash >> 32) ^ hash) as u32
}

/// One `url(...)` of a stylesheet that names a static file.
#[derive(Debug)]
struct Reference {
    /// Byte range of the address inside the parentheses (quotes excluded).
    range: std::ops::Range<usize>,
    /// The file it names, under `static/`.
    target: String,
    /// What follows the path (`?v=2`, `#icon`), kept as it is.
    suffix: String,
    /// The error when no such file exists.
    missing: Option<Diagnostic>,
}

/// The `url()` references of a stylesheet to files of the site (not `data:`, not another
/// site, not an absolute path), outside comments.
fn references(path: &str, text: &str, known: &BTreeSet<String>) -> Vec<Reference> {
    let dir = path
        .strip_prefix("static/")
        .and_then(|p| p.rsplit_once('/'))
        .map_or("", |(d, _)| d);
    let mut out = Vec::new();
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while from < text.len() {
        let comment = lower[from..].find("/*").map(|i| from + i);
        let call = lower[from..].find("url(").map(|i| from + i);
        let at = match (comment, call) {
            (Some(c), Some(u)) if c < u => {
                from = lower[c + 2..]
                    .find("*/")
                    .map_or(text.len(), |e| c + 2 + e + 2);
                continue;
            }
            (_, Some(u)) => u,
            _ => break,
        };
        from = at + 4;
        // `url(` must start a token: not the end of an identifier such as `myurl(`.
        if lower[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_')
        {
            continue;
        }
        let rest = &text[from..];
        let skipped = rest.len() - rest.trim_start().len();
        let rest = rest.trim_start();
        let (start, len) = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => match rest[1..].find(q) {
                Some(len) => (from + skipped + 1, len),
                None => continue,
            },
            _ => match rest.find(')') {
                Some(len) => (from + skipped, rest[..len].trim_end().len()),
                None => continue,
            },
        };
        let address = &text[start..start + len];
        from = start + len;
        if address.is_empty()
            || address.starts_with('#')
            || address.starts_with('/')
            || address.contains(':')
        {
            continue;
        }
        let cut = address.find(['?', '#']).unwrap_or(address.len());
        let (file, suffix) = address.split_at(cut);
        let target = resolve(dir, file);
        let missing = match &target {
            Some(t) if known.contains(t) => None,
            _ => {
                let src = SourceFile::from_text(path, text);
                Some(
                    Diagnostic::error(
                        Code::MissingAsset,
                        format!("`url({address})` names no file of static/"),
                    )
                    .at_range(&src, start..start + len.max(1))
                    .hint("add the file under static/, or correct the address (it is relative to the stylesheet)"),
                )
            }
        };
        out.push(Reference {
            range: start..start + len,
            target: target.unwrap_or_default(),
            suffix: suffix.to_string(),
            missing,
        });
    }
    out
}

/// `file` relative to the folder `dir` (both under `static/`); `None` when it leaves `static/`.
fn resolve(dir: &str, file: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for part in file.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

/// The stylesheet with each reference replaced by the fingerprinted name of its file, relative
/// to the stylesheet's own folder.
fn rewrite(
    inner: &str,
    text: &str,
    refs: &[Reference],
    names: &BTreeMap<String, String>,
) -> String {
    let dir: Vec<&str> = inner.split('/').collect();
    let dir = &dir[..dir.len() - 1];
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for r in refs {
        let Some(hashed) = names.get(&r.target) else {
            continue;
        };
        out.push_str(&text[last..r.range.start]);
        let hashed: Vec<&str> = hashed.split('/').skip(1).collect();
        let (file, folders) = hashed.split_last().unwrap_or((&"", &[]));
        let common = dir.iter().zip(folders).take_while(|(a, b)| a == b).count();
        out.push_str(&"../".repeat(dir.len() - common));
        for folder in &folders[common..] {
            out.push_str(folder);
            out.push('/');
        }
        out.push_str(file);
        out.push_str(&r.suffix);
        last = r.range.end;
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assets(files: &[(&str, &str)]) -> Result<Assets, Vec<Diagnostic>> {
        Assets::of(
            files
                .iter()
                .map(|(p, t)| (p.to_string(), t.as_bytes().to_vec()))
                .collect(),
        )
    }

    fn published<'a>(a: &'a Assets, path: &str) -> &'a str {
        let (_, bytes) = a.files.iter().find(|(p, _)| p == path).unwrap();
        std::str::from_utf8(bytes).unwrap()
    }

    #[test]
    fn a_file_under_another_files_fingerprinted_name_is_refused() {
        let hashed = fingerprinted_name("evil.svg", b"<svg/>");
        let found = assets(&[("static/evil.svg", "<svg/>"), (&hashed, "<svg></svg>")]);
        let errors = found.expect_err("a collision");
        assert_eq!(errors[0].code, Code::AssetCollision);
    }

    #[test]
    fn names_hold_the_hash_before_the_extension() {
        let name = fingerprinted_name("icons/chat.svg", b"<svg/>");
        assert!(name.starts_with("static/icons/chat."), "{name}");
        assert!(name.ends_with(".svg"));
        assert_eq!(name.len(), "static/icons/chat.12345678.svg".len());
        assert_eq!(name, fingerprinted_name("icons/chat.svg", b"<svg/>"));
        assert_ne!(name, fingerprinted_name("icons/chat.svg", b"<svg />"));
    }

    #[test]
    fn stylesheets_name_the_fingerprinted_files() {
        let a = assets(&[
            ("static/css/site.css", "a{background:url( \"../icons/a.svg?x#y\" )} /* url(nope.png) */ b{src:url(font.woff2)} c{background:url(data:image/png;base64,AA)}"),
            ("static/css/font.woff2", "font"),
            ("static/icons/a.svg", "<svg/>"),
            ("static/notes.txt", "plain"),
        ])
        .unwrap();
        let icon = a.name("icons/a.svg").unwrap();
        let font = a.name("css/font.woff2").unwrap();
        let css = a.name("css/site.css").unwrap();
        let text = published(&a, css);
        assert!(
            text.contains(&format!("\"../{}?x#y\"", &icon[7..])),
            "{text}"
        );
        assert!(text.contains(&format!("url({})", &font[11..])), "{text}");
        // A comment names nothing (and is not published); `data:` is left alone.
        assert!(!text.contains("nope.png") && text.contains("url(data:"));
        assert_eq!(published(&a, "static/css/site.css"), text);
        assert!(a.name("notes.txt").is_none());
        assert_eq!(published(&a, "static/notes.txt"), "plain");
    }

    #[test]
    fn a_changed_icon_renames_the_stylesheet_using_it() {
        let before = assets(&[("static/s.css", "a{b:url(i.svg)}"), ("static/i.svg", "1")]);
        let after = assets(&[("static/s.css", "a{b:url(i.svg)}"), ("static/i.svg", "2")]);
        assert_ne!(
            before.unwrap().name("s.css").map(str::to_string),
            after.unwrap().name("s.css").map(str::to_string)
        );
    }

    #[test]
    fn imported_stylesheets_are_hashed_first() {
        let a = assets(&[
            ("static/a.css", "@import url(\"b.css\");"),
            ("static/b.css", "x{}"),
        ])
        .unwrap();
        let b = a.name("b.css").unwrap();
        assert!(published(&a, a.name("a.css").unwrap()).contains(&b[7..]));
    }

    #[test]
    fn a_missing_file_is_an_error_at_its_position() {
        let errors = assets(&[("static/s.css", "a{}\nb{background:url(gone.png)}")]).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].location(), "static/s.css:2:18");
    }
}
