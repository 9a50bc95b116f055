//! The live-reload script, and adding it to the HTML pages serve answers with.
//!
//! The script is added when a page is served, never when it is rendered, so a built site
//! cannot carry it. It is loaded from the server rather than inlined, so that a site whose
//! Content-Security-Policy forbids inline scripts still reloads.

use crate::escape::html as attribute;

/// Where the script is served.
pub(crate) const SCRIPT_PATH: &str = "/__polydocs/live.js";
/// The server-sent events stream the script listens to.
pub(crate) const EVENTS_PATH: &str = "/__polydocs/events";
/// The current version and errors, as JSON, for tools and tests.
pub(crate) const STATUS_PATH: &str = "/__polydocs/status";

/// The script itself.
pub(crate) const SCRIPT: &str = include_str!("live.js");

/// `html` with the script tag added before its last `</body>` (or at the end). `version` is
/// the build the page comes from and `file` the page's file in the site, so the script can tell
/// whether a rebuild concerns it.
pub(crate) fn inject(html: &[u8], version: &str, file: &str) -> Vec<u8> {
    let tag = format!(
        "<script src=\"{SCRIPT_PATH}\" data-version=\"{}\" data-file=\"{}\"></script>\n",
        attribute(version),
        attribute(file)
    );
    let at = rfind_ascii_case_insensitive(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn rfind_ascii_case_insensitive(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    (0..=haystack.len().checked_sub(needle.len())?)
        .rev()
        .find(|&i| haystack[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_closing_body_tag() {
        let html = b"<html><body><p>x</p></BODY>\n</html>\n";
        let out = String::from_utf8(inject(html, "v.1", "fr/index.html")).unwrap();
        assert_eq!(
            out,
            "<html><body><p>x</p><script src=\"/__polydocs/live.js\" data-version=\"v.1\" \
             data-file=\"fr/index.html\"></script>\n</BODY>\n</html>\n"
        );
    }

    #[test]
    fn a_page_without_a_body_tag_gets_it_at_the_end() {
        let out = String::from_utf8(inject(b"<p>x</p>", "v", "a\"b.html")).unwrap();
        assert!(out.starts_with("<p>x</p><script "), "{out}");
        assert!(out.contains("data-file=\"a&quot;b.html\""), "{out}");
    }
}
