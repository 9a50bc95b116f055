//! The pages open in a browser: each page's live-reload script names its file when it
//! subscribes to the event stream (`/__polydocs/events?file=fr/docs/index.html`), and the
//! file is forgotten when the stream closes.
//!
//! A rebuild of a whole language or of the whole site renders these pages first, so that the
//! tabs someone is looking at reload before the thousands of pages nobody is (see
//! [`super::early`]). The set only orders work: a file named wrongly, or a tab closed but not
//! yet noticed, costs rendering one page early, never a wrong page.

use std::collections::BTreeMap;

use super::live::EVENTS_PATH;
use super::resolve::resolve;

/// The most files one subscription may name: a tab has one page, a tool a few.
const MAX_FILES: usize = 16;

/// A multiset of files: two tabs on one page keep it open until both are closed.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct OpenPages {
    counts: BTreeMap<String, usize>,
}

impl OpenPages {
    pub(crate) fn open(&mut self, file: &str) {
        *self.counts.entry(file.to_string()).or_insert(0) += 1;
    }

    /// Forgets one opening of `file`; the file stays open while another tab has it.
    pub(crate) fn close(&mut self, file: &str) {
        if let Some(count) = self.counts.get_mut(file) {
            *count -= 1;
            if *count == 0 {
                self.counts.remove(file);
            }
        }
    }

    #[cfg(test)]
    pub(crate) fn contains(&self, file: &str) -> bool {
        self.counts.contains_key(file)
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// Every open file once, sorted.
    pub(crate) fn files(&self) -> impl Iterator<Item = &str> {
        self.counts.keys().map(String::as_str)
    }
}

/// The files an event stream request names (`file=` in its query, as the script writes it),
/// each one a file of the site as [`resolve`] accepts it; anything else is left out.
pub(crate) fn requested_files(target: &str) -> Vec<String> {
    let Some((path, query)) = target.split_once('?') else {
        return Vec::new();
    };
    if path != EVENTS_PATH {
        return Vec::new();
    }
    let mut files: Vec<String> = query
        .split('&')
        .filter_map(|pair| pair.strip_prefix("file="))
        .filter_map(|value| {
            // A file name is checked as the path of a request for it would be.
            let request = resolve(&format!(
                "/{}",
                value.replace("%2F", "/").replace("%2f", "/")
            ))?;
            (!request.folder && request.file.ends_with(".html")).then_some(request.file)
        })
        .take(MAX_FILES)
        .collect();
    files.sort();
    files.dedup();
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_stays_open_until_its_last_tab_closes() {
        let mut open = OpenPages::default();
        assert!(open.is_empty());
        open.open("fr/index.html");
        open.open("fr/index.html");
        open.open("en/docs/index.html");
        assert_eq!(
            open.files().collect::<Vec<_>>(),
            ["en/docs/index.html", "fr/index.html"]
        );
        open.close("fr/index.html");
        assert!(open.contains("fr/index.html"));
        open.close("fr/index.html");
        assert!(!open.contains("fr/index.html"));
        // Closing what is not open changes nothing.
        open.close("fr/index.html");
        open.close("zh-tw/index.html");
        assert_eq!(open.files().collect::<Vec<_>>(), ["en/docs/index.html"]);
        open.close("en/docs/index.html");
        assert!(open.is_empty());
    }

    #[test]
    fn the_stream_request_names_its_pages() {
        assert_eq!(
            requested_files("/__polydocs/events?file=fr%2Fdocs%2Fx%2Findex.html"),
            ["fr/docs/x/index.html"]
        );
        assert_eq!(
            requested_files("/__polydocs/events?file=fr/index.html&x=1&file=404.html"),
            ["404.html", "fr/index.html"]
        );
        // Non-ASCII names arrive percent-encoded.
        assert_eq!(
            requested_files("/__polydocs/events?file=zh-tw%2F%E5%B8%B8%E8%A6%8B%2Findex.html"),
            ["zh-tw/常見/index.html"]
        );
        for refused in [
            "/__polydocs/events",
            "/__polydocs/events?file=",
            "/__polydocs/events?file=..%2Fsite.yaml",
            "/__polydocs/events?file=fr%2F..%2F..%2Fx.html",
            "/__polydocs/events?file=static%2Fstyle.css",
            "/__polydocs/events?file=fr%2F",
            "/__polydocs/events?file=%zz",
            "/fr/?file=fr%2Findex.html",
        ] {
            assert!(requested_files(refused).is_empty(), "{refused}");
        }
    }
}
