//! Translate mode (`serve --translate LANG`): the preview of language LANG with every text
//! marked by where it comes from (a message, a block of a page) and its state, a panel to
//! edit it beside the page, and a translator's home listing what is left to do.
//!
//! One module a job: [`annotate`] turns the marks a page is rendered with into attributes,
//! [`workbench`] holds what a build says of the language, [`details`] reads what the panel
//! shows, [`validate`] and [`save`] check and write an edit, [`api`] answers the panel, and
//! [`home`] is the translator's home page.
//!
//! The preview is a local tool that writes files, so translate mode is loopback only, and
//! every request must name the loopback address as its `Host` (and `Origin`, when sent): a
//! page of another site cannot reach it through DNS rebinding. Writes also carry a token that
//! only the preview's own pages are given, so another site open in the same browser cannot
//! post edits.

pub mod annotate;
pub mod api;
pub mod details;
pub mod home;
pub mod save;
pub mod validate;
pub mod workbench;

use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::{Arc, RwLock};

use workbench::Workbench;

/// Where translate mode's own files and requests are served.
pub(crate) const PREFIX: &str = "/__polydocs/translate/";

/// What the panel's "Mark as up to date" does: `polydocs mark` for one message or one page
/// (with `--force` when the bool says so), given by the command (which owns `mark`).
pub(crate) type Mark =
    dyn Fn(&std::path::Path, &str, MarkTarget, bool) -> Result<String, String> + Send + Sync;

/// What to mark up to date.
pub(crate) enum MarkTarget {
    Message(String),
    Page(String),
}

/// Translate mode's state, shared by the build loop and the server.
pub(crate) struct Desk {
    /// The language translated.
    pub(crate) code: String,
    /// Given to the preview's pages; required on every write.
    pub(crate) token: String,
    /// The port served on, for the `Host` check (set once listening).
    port: AtomicU16,
    workbench: RwLock<Option<Arc<Workbench>>>,
    default: RwLock<usize>,
    mark: Arc<Mark>,
}

impl Desk {
    pub(crate) fn new(code: &str, mark: Arc<Mark>) -> Desk {
        Desk {
            code: code.to_string(),
            token: token(),
            port: AtomicU16::new(0),
            workbench: RwLock::new(None),
            default: RwLock::new(0),
            mark,
        }
    }

    pub(crate) fn listening_on(&self, port: u16) {
        self.port.store(port, Ordering::SeqCst);
    }

    /// What a build's sources say of the language, as soon as they are loaded (before any page
    /// of the build is published, so that a reloaded page shows its new states).
    pub(crate) fn built(&self, site: &crate::site::Site, index: &crate::index::Index) {
        let Some(lang) = site.config.language_index(&self.code) else {
            return;
        };
        let wb = Workbench::of(site, index, lang);
        if let Ok(mut d) = self.default.write() {
            *d = site.config.default;
        }
        if let Ok(mut w) = self.workbench.write() {
            *w = Some(Arc::new(wb));
        }
    }

    pub(crate) fn workbench(&self) -> Option<Arc<Workbench>> {
        self.workbench.read().ok().and_then(|w| w.clone())
    }

    fn default_language(&self) -> usize {
        self.default.read().map(|d| *d).unwrap_or(0)
    }

    /// Whether a request's `Host` (and `Origin`, when it has one) is this server on the
    /// loopback address.
    pub(crate) fn allows(&self, host: Option<&str>, origin: Option<&str>) -> bool {
        let port = self.port.load(Ordering::SeqCst);
        let ours = |h: &str| {
            ["127.0.0.1", "localhost", "[::1]"]
                .iter()
                .any(|name| h.eq_ignore_ascii_case(&format!("{name}:{port}")))
        };
        let host_ok = host.is_some_and(ours);
        let origin_ok = origin.is_none_or(|o| o.strip_prefix("http://").is_some_and(ours));
        host_ok && origin_ok
    }
}

/// A token no other site can guess: 128 bits from the system's random source.
fn token() -> String {
    use std::io::Read;
    let mut bytes = [0u8; 16];
    let read = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut bytes));
    if read.is_err() {
        // No random source: the time and the process, hashed (still unknown to a web page).
        let seed = format!("{:?}{}", std::time::SystemTime::now(), std::process::id());
        bytes[..8].copy_from_slice(&crate::translation::fingerprint(&seed).as_bytes()[..8]);
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_this_server_on_the_loopback_address_is_answered() {
        let desk = Desk::new(
            "fr",
            Arc::new(|_: &std::path::Path, _: &str, _, _| Ok(String::new())),
        );
        desk.listening_on(8123);
        assert!(desk.allows(Some("127.0.0.1:8123"), None));
        assert!(desk.allows(Some("localhost:8123"), Some("http://localhost:8123")));
        assert!(desk.allows(Some("[::1]:8123"), Some("http://127.0.0.1:8123")));
        assert!(!desk.allows(None, None));
        assert!(!desk.allows(Some("evil.example:8123"), None));
        assert!(!desk.allows(Some("127.0.0.1:8123"), Some("http://evil.example")));
        assert!(!desk.allows(Some("127.0.0.1:9999"), None));
        assert!(!desk.allows(Some("127.0.0.1:8123"), Some("null")));
        assert_eq!(desk.token.len(), 32);
        assert_ne!(desk.token, Desk::new("fr", Arc::clone(&desk.mark)).token);
    }
}
