//! `polydocs serve`: the live preview (see [`crate::serve`]), and what it prints.

use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::Path;

use crate::serve::{self, Progress};

#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// 0 picks a free port.
    pub port: u16,
    pub bind: IpAddr,
    /// Translate mode for this language (`--translate`).
    pub translate: Option<String>,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            port: 8000,
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            translate: None,
        }
    }
}

/// The command: serves until Ctrl-C and returns the exit code.
pub fn run(root: &Path, options: &ServeOptions) -> i32 {
    if !options.bind.is_loopback() {
        eprintln!(
            "warning: serving on {}: other machines on your network may reach the preview, \
             including pages not yet published. Leave out --bind to serve on 127.0.0.1 only.",
            options.bind
        );
    }
    let serve_options = serve::Options {
        root: root.to_path_buf(),
        bind: options.bind,
        port: options.port,
        translate: options.translate.as_deref().map(|code| {
            let mark: std::sync::Arc<serve::translate::Mark> = std::sync::Arc::new(mark_one);
            std::sync::Arc::new(serve::translate::Desk::new(code, mark))
        }),
    };
    if let Some(code) = &options.translate {
        let known = crate::site::load(root)
            .map(|(site, _)| {
                site.config
                    .language_index(code)
                    .map(|_| ())
                    .ok_or(site.config.codes().join(", "))
            })
            .unwrap_or(Ok(()));
        if let Err(codes) = known {
            eprintln!("error: unknown language `{code}` for --translate; the site has {codes}");
            return 2;
        }
    }
    let translating = options.translate.clone();
    let mut terminal = Terminal::default();
    let mut print = |p: Progress| {
        if let (Progress::Serving(address), Some(code)) = (&p, &translating) {
            println!(
                "Translating {code}: open {}__polydocs/translate/ for what is left to do, or any page to translate it in place.",
                url(*address)
            );
        }
        terminal.print(p)
    };
    match serve::run(&serve_options, &mut print) {
        Ok(()) => 0,
        Err(d) => {
            super::print_diagnostics(&[d]);
            1
        }
    }
}

/// "Mark as up to date" of translate mode: `polydocs mark` for one message or page, under the
/// lock of the site's sources.
fn mark_one(
    root: &Path,
    code: &str,
    target: serve::translate::MarkTarget,
    force: bool,
) -> Result<String, String> {
    let _lock = crate::source::SourceLock::take(root)?;
    let site = super::mark::load_for(root, code).ok_or_else(|| {
        "the site does not load; fix its errors first (see the terminal)".to_string()
    })?;
    let target = match target {
        serve::translate::MarkTarget::Message(id) => super::mark::Target::Message(id),
        serve::translate::MarkTarget::Page(key) => super::mark::Target::Page(key),
    };
    let options = super::mark::Options {
        force,
        ..super::mark::Options::default()
    };
    let outcome = super::mark::mark(&site, code, &target, options)?;
    if outcome.left > 0 {
        return Err(outcome.summary);
    }
    Ok(outcome.summary)
}

/// What was last printed, so that a rebuild repeats no warning it already showed.
#[derive(Default)]
struct Terminal {
    warnings: Vec<crate::diagnostic::Diagnostic>,
}

impl Terminal {
    fn print(&mut self, progress: Progress) {
        if let Progress::Built(built, _) = &progress
            && built.warnings != self.warnings
        {
            super::print_warnings(&built.warnings);
            self.warnings = built.warnings.clone();
        }
        print(progress);
    }
}

fn print(progress: Progress) {
    match progress {
        Progress::Built(built, None) => {
            println!(
                "Built {} pages ({} files, {:.1} KiB) in {:.0} ms.",
                built.written.pages,
                built.written.files,
                built.written.bytes as f64 / 1024.0,
                built.load_ms + built.render_ms
            );
        }
        Progress::Built(built, Some(changes)) => {
            let files = match built.changed.len() {
                0 => "no file changed".to_string(),
                1 => "1 file changed".to_string(),
                n => format!("{n} files changed"),
            };
            println!(
                "{} saved: rendered {} in {:.0} ms (load {:.0} ms, render {:.0} ms); {files}.",
                changes.describe(),
                built.scope,
                built.load_ms + built.render_ms,
                built.load_ms,
                built.render_ms
            );
        }
        Progress::Failed(errors, changes) => {
            super::print_warnings(errors);
            let warnings = errors.iter().filter(|d| !d.is_error()).count();
            let errors = errors.len() - warnings;
            let plural = if errors == 1 { "" } else { "s" };
            if warnings > 0 {
                eprintln!(
                    "{warnings} warning{} besides (`polydocs check` lists them all).",
                    if warnings == 1 { "" } else { "s" }
                );
            }
            match changes {
                Some(changes) => eprintln!(
                    "The build failed after {} saved, with {errors} error{plural}; the last good \
                     build is still served, with the error{plural} shown over its pages. Fix and \
                     save to reload.",
                    changes.describe()
                ),
                None => eprintln!(
                    "The build failed with {errors} error{plural}; until it is fixed, pages show \
                     the error{plural}. Fix and save to build again."
                ),
            }
        }
        Progress::Serving(address) => {
            println!("Serving {} — press Ctrl-C to stop", url(address));
        }
        Progress::Stopped => println!("Stopped."),
    }
    let _ = std::io::stdout().flush();
}

/// The address to open in a browser: an unspecified bind address (`0.0.0.0`) is reached on
/// the loopback address.
fn url(address: SocketAddr) -> String {
    let ip = match address.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(std::net::Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    format!("http://{}/", SocketAddr::new(ip, address.port()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_to_open() {
        let at = |s: &str| url(s.parse().unwrap());
        assert_eq!(at("127.0.0.1:8000"), "http://127.0.0.1:8000/");
        assert_eq!(at("0.0.0.0:8000"), "http://127.0.0.1:8000/");
        assert_eq!(at("[::1]:8000"), "http://[::1]:8000/");
        assert_eq!(at("192.168.1.5:80"), "http://192.168.1.5:80/");
    }
}
