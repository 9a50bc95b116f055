//! From a request's path to a file of the built site, refusing anything that could name a
//! file outside it.
//!
//! The site is served from memory, so a path can only ever name one of its files; the checks
//! here still refuse every form of traversal (`..`, `%2e%2e`, an encoded `/` or `\`, a NUL,
//! an empty segment as in `//etc/passwd`, a drive letter) rather than normalizing it, so that
//! such a request is a plain 404 whatever the site holds and whatever the platform.

/// What a request path asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The file to answer with (`fr/docs/index.html` for `/fr/docs/`).
    pub(crate) file: String,
    /// The decoded first segment (`fr`), to choose the language of a 404 page.
    pub(crate) first_segment: String,
    /// Whether the path names a folder (ends with `/`), so `file` is its `index.html`.
    pub(crate) folder: bool,
}

/// Decodes and checks a request target (`/fr/docs/?x=1`). `None` for anything that is not a
/// plain path inside the site.
pub fn resolve(target: &str) -> Option<Request> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    let rest = path.strip_prefix('/')?;
    let folder = rest.is_empty() || rest.ends_with('/');
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    let mut segments = Vec::new();
    if !rest.is_empty() {
        for raw in rest.split('/') {
            segments.push(segment(raw)?);
        }
    }
    let first_segment = segments.first().cloned().unwrap_or_default();
    let mut file = segments.join("/");
    if folder {
        if !file.is_empty() {
            file.push('/');
        }
        file.push_str("index.html");
    }
    Some(Request {
        file,
        first_segment,
        folder,
    })
}

/// One percent-decoded path segment, or `None` when it could step outside its folder or
/// carries characters no published file name has.
fn segment(raw: &str) -> Option<String> {
    let decoded = String::from_utf8(percent_decode(raw)?).ok()?;
    let bad = decoded.is_empty()
        || decoded == "."
        || decoded == ".."
        || decoded
            .chars()
            .any(|c| matches!(c, '/' | '\\' | ':') || c.is_control());
    (!bad).then_some(decoded)
}

/// `%XX` escapes to bytes; `None` on a malformed escape.
fn percent_decode(s: &str) -> Option<Vec<u8>> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(target: &str) -> Option<String> {
        resolve(target).map(|r| r.file)
    }

    #[test]
    fn folders_are_their_index_pages() {
        assert_eq!(file("/").as_deref(), Some("index.html"));
        assert_eq!(file("/fr/").as_deref(), Some("fr/index.html"));
        assert_eq!(
            file("/fr/docs/?q=1#x").as_deref(),
            Some("fr/docs/index.html")
        );
        assert_eq!(
            file("/static/style.css").as_deref(),
            Some("static/style.css")
        );
        assert_eq!(resolve("/zh-tw/hours/").unwrap().first_segment, "zh-tw");
    }

    #[test]
    fn percent_encoded_names_are_decoded() {
        assert_eq!(file("/a%20b.txt").as_deref(), Some("a b.txt"));
        assert_eq!(file("/%E4%B8%AD/").as_deref(), Some("中/index.html"));
    }

    #[test]
    fn traversal_in_any_spelling_is_refused() {
        for bad in [
            "/../site.yaml",
            "/en/../../site.yaml",
            "/%2e%2e/site.yaml",
            "/%2E%2E/site.yaml",
            "/.%2e/site.yaml",
            "/en/..%2f..%2fsite.yaml",
            "/en/%2f",
            "/..\\site.yaml",
            "/%5c..%5csite.yaml",
            "/./index.html",
            "//etc/passwd",
            "/en//index.html",
            "/c:/windows/win.ini",
            "/en/%00.html",
            "/bad%zz",
            "/%ff.html",
            "site.yaml",
            "http://example.com/",
            "",
        ] {
            assert_eq!(resolve(bad), None, "{bad}");
        }
    }
}
