//! Checks shared by the fuzz targets: every diagnostic must render, and point inside its file;
//! published HTML must carry no script.

#![allow(dead_code)]

use polydocs::diagnostic::Diagnostic;
use polydocs::source::SourceFile;

/// An empty site folder for one target of this process, in memory where `/dev/shm` exists
/// (libFuzzer exits without destructors: `run_all.sh` removes these folders after a run).
pub fn scratch_site(target: &str) -> std::path::PathBuf {
    let base = if std::path::Path::new("/dev/shm").is_dir() {
        std::path::PathBuf::from("/dev/shm")
    } else {
        std::env::temp_dir()
    };
    let root = base.join(format!("polydocs-fuzz-{target}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).unwrap();
    root
}

/// Renders a diagnostic (the caret code slices the source line by characters), and
/// checks that its position exists in `source` when it names that file.
pub fn check_diagnostic(d: &Diagnostic, source: Option<&SourceFile>) {
    let _ = d.render(false);
    let _ = d.to_string();
    let (Some(pos), Some(src)) = (d.position, source) else {
        return;
    };
    if d.file.as_deref() != Some(src.display.as_str()) {
        return;
    }
    assert!(pos.line >= 1 && pos.column >= 1, "{d}: position below 1:1");
    let lines = src.text.split('\n').count();
    assert!(
        pos.line <= lines,
        "{d}: line {} of a file of {lines} lines",
        pos.line
    );
    let line_chars = src.line_text(pos.line).chars().count();
    assert!(
        pos.column <= line_chars + 2,
        "{d}: column {} of a line of {line_chars} characters",
        pos.column
    );
}

pub fn check_all(ds: &[Diagnostic], source: Option<&SourceFile>) {
    for d in ds {
        check_diagnostic(d, source);
    }
}

/// Decodes the entities an HTML serializer writes in attribute values.
fn decode(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest.find(';').filter(|&e| e < 12) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let c = match entity {
            "amp" => Some('&'),
            "quot" => Some('"'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// What a browser makes of a URL attribute before looking at its scheme.
fn scheme_of(value: &str) -> String {
    let v: String = decode(value)
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let v = v.trim_start_matches(|c: char| c <= ' ');
    match v.find([':', '/', '?', '#']) {
        Some(i) if v[i..].starts_with(':') => v[..i].to_ascii_lowercase(),
        _ => String::new(),
    }
}

/// Panics when `html` holds a `<script>` element, an `on*` event attribute, or a link or
/// source whose address runs script or embeds data.
pub fn assert_no_script(html: &str, input: &str) {
    let lower = html.to_ascii_lowercase();
    assert!(
        !lower.contains("<script"),
        "a <script> element was published\n--- input ---\n{input}\n--- html ---\n{html}"
    );
    let bytes = html.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' || !bytes.get(i + 1).is_some_and(|b| b.is_ascii_alphabetic()) {
            i += 1;
            continue;
        }
        // A start tag: read its name, then its attributes.
        i += 1;
        while i < bytes.len() && !matches!(bytes[i], b' ' | b'\t' | b'\n' | b'>' | b'/') {
            i += 1;
        }
        loop {
            while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r' | b'/') {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == b'>' {
                break;
            }
            let name_start = i;
            while i < bytes.len()
                && !matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r' | b'>' | b'=' | b'/')
            {
                i += 1;
            }
            let name = html[name_start..i].to_ascii_lowercase();
            let mut value = "";
            if i < bytes.len() && bytes[i] == b'=' {
                i += 1;
                if i < bytes.len() && (bytes[i] == b'"' || bytes[i] == b'\'') {
                    let q = bytes[i];
                    let start = i + 1;
                    let end = html[start..]
                        .find(q as char)
                        .map_or(html.len(), |e| start + e);
                    value = &html[start..end];
                    i = (end + 1).min(bytes.len());
                } else {
                    let start = i;
                    while i < bytes.len() && !matches!(bytes[i], b' ' | b'\t' | b'\n' | b'>') {
                        i += 1;
                    }
                    value = &html[start..i];
                }
            }
            assert!(
                !name.starts_with("on"),
                "an event attribute `{name}` was published\n--- input ---\n{input}\n--- html ---\n{html}"
            );
            if matches!(
                name.as_str(),
                "href" | "src" | "action" | "formaction" | "xlink:href" | "srcset" | "poster"
            ) {
                let scheme = scheme_of(value);
                assert!(
                    !matches!(scheme.as_str(), "javascript" | "vbscript" | "data"),
                    "a `{scheme}:` address was published in `{name}`\n--- input ---\n{input}\n--- html ---\n{html}"
                );
            }
        }
    }
}
