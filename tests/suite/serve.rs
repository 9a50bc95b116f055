//! `polydocs serve`: the real binary on a free port against a temporary copy of the site,
//! spoken to with plain HTTP/1.1 over std's TcpStream; and the partial rebuilds checked
//! against full builds of the same sources.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::{TempDir, TempSite};
use polydocs::serve::changes::Changes;
use polydocs::serve::output::Output;
use polydocs::serve::rebuild::Builder;

/// How long an edit may take to show. Rebuilds take milliseconds; this is for a busy machine.
const EDIT_WAIT: Duration = Duration::from_secs(10);
/// How long serve may take to build the site and start listening.
const START_WAIT: Duration = Duration::from_secs(60);

/// A running `polydocs serve`, killed on drop.
struct Serve {
    child: Child,
    /// `127.0.0.1:40123`
    addr: String,
    stdout: Arc<Mutex<String>>,
    stderr: Arc<Mutex<String>>,
}

impl Serve {
    fn start(site: &TempSite) -> Serve {
        Serve::start_with(&site.root, &["--port", "0"])
    }

    fn start_with(root: &Path, args: &[&str]) -> Serve {
        let mut child = Command::new(env!("CARGO_BIN_EXE_polydocs"))
            .arg("--root")
            .arg(root)
            .arg("serve")
            .args(args)
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start polydocs serve");
        let (lines, received) = channel();
        let stdout = collect(child.stdout.take().unwrap(), Some(lines));
        let stderr = collect(child.stderr.take().unwrap(), None);
        let mut serve = Serve {
            child,
            addr: String::new(),
            stdout,
            stderr,
        };
        serve.addr = serve.wait_for_address(&received);
        serve
    }

    fn wait_for_address(&mut self, lines: &Receiver<String>) -> String {
        let deadline = Instant::now() + START_WAIT;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            let Ok(line) = lines.recv_timeout(left) else {
                break;
            };
            if let Some(rest) = line.strip_prefix("Serving http://") {
                assert!(
                    line.ends_with("— press Ctrl-C to stop"),
                    "unexpected serving line: {line}"
                );
                let addr = rest.split('/').next().unwrap().to_string();
                assert!(addr.starts_with("127.0.0.1:"), "{line}");
                return addr;
            }
        }
        panic!("serve did not print its address\n{}", self.output());
    }

    fn output(&self) -> String {
        format!(
            "--- stdout ---\n{}\n--- stderr ---\n{}",
            self.stdout.lock().unwrap(),
            self.stderr.lock().unwrap()
        )
    }

    fn get(&self, path: &str) -> Response {
        request(&self.addr, "GET", path)
    }

    fn status(&self) -> String {
        let r = self.get("/__polydocs/status");
        assert_eq!(r.status, 200);
        r.body
    }

    /// Polls until `ok` holds, or fails with `what` and serve's output.
    fn wait_until(&self, what: &str, mut ok: impl FnMut(&Serve) -> bool) {
        let deadline = Instant::now() + EDIT_WAIT;
        loop {
            if ok(self) {
                return;
            }
            if Instant::now() > deadline {
                panic!(
                    "{what}: not within {EDIT_WAIT:?}\nstatus: {}\n{}",
                    self.status(),
                    self.output()
                );
            }
            std::thread::sleep(Duration::from_millis(25));
        }
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn collect(
    pipe: impl Read + Send + 'static,
    lines: Option<std::sync::mpsc::Sender<String>>,
) -> Arc<Mutex<String>> {
    let text = Arc::new(Mutex::new(String::new()));
    let sink = Arc::clone(&text);
    std::thread::spawn(move || {
        for line in BufReader::new(pipe).lines() {
            let Ok(line) = line else { break };
            sink.lock().unwrap().push_str(&format!("{line}\n"));
            if let Some(tx) = &lines {
                let _ = tx.send(line);
            }
        }
    });
    text
}

#[derive(Debug)]
struct Response {
    status: u16,
    head: String,
    body: String,
}

impl Response {
    fn header(&self, name: &str) -> Option<String> {
        self.head.lines().skip(1).find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
        })
    }
}

/// One request, sent as it is written (no normalization of the path), on its own connection.
fn request(addr: &str, method: &str, path: &str) -> Response {
    let head = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    raw_request(addr, head.as_bytes(), Duration::from_secs(10))
        .unwrap_or_else(|e| panic!("{method} {path}: {e}"))
}

/// One request of any bytes; an error if no whole response came within `wait`.
fn raw_request(addr: &str, head: &[u8], wait: Duration) -> std::io::Result<Response> {
    let deadline = Instant::now() + wait;
    let mut stream = TcpStream::connect(addr)?;
    stream.set_write_timeout(Some(wait))?;
    stream.write_all(head)?;
    let mut raw = Vec::new();
    let mut buffer = [0u8; 8192];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(std::io::ErrorKind::TimedOut.into());
        }
        stream.set_read_timeout(Some(left))?;
        match stream.read(&mut buffer)? {
            0 => break,
            n => raw.extend_from_slice(&buffer[..n]),
        }
    }
    let text = String::from_utf8_lossy(&raw).into_owned();
    let Some((head, body)) = text.split_once("\r\n\r\n") else {
        let e = format!("no response head: {text:?}");
        return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, e));
    };
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("bad status line: {head}"));
    Ok(Response {
        status,
        head: head.to_string(),
        body: body.to_string(),
    })
}

/// An open `/__polydocs/events` stream.
struct Events {
    reader: BufReader<TcpStream>,
}

impl Events {
    fn open(addr: &str) -> Events {
        Events::open_path(addr, "/__polydocs/events")
    }

    /// The stream as the script of the page in `file` opens it, naming its file.
    fn open_for(addr: &str, file: &str) -> Events {
        Events::open_path(
            addr,
            &format!("/__polydocs/events?file={}", file.replace('/', "%2F")),
        )
    }

    fn open_path(addr: &str, path: &str) -> Events {
        let mut stream = TcpStream::connect(addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_millis(200)))
            .unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        let mut reader = BufReader::new(stream);
        let mut head = String::new();
        let deadline = Instant::now() + EDIT_WAIT;
        while !head.ends_with("\r\n\r\n") && Instant::now() < deadline {
            let _ = reader.read_line(&mut head);
        }
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        assert!(head.contains("Content-Type: text/event-stream"), "{head}");
        Events { reader }
    }

    /// The next `data:` message, if one comes within `wait`.
    fn next(&mut self, wait: Duration) -> Option<String> {
        let deadline = Instant::now() + wait;
        let mut line = String::new();
        while Instant::now() < deadline {
            match self.reader.read_line(&mut line) {
                Ok(0) => return None,
                Ok(_) if line.ends_with('\n') => {
                    if let Some(data) = line.trim_end().strip_prefix("data: ") {
                        return Some(data.to_string());
                    }
                    line.clear();
                }
                _ => {}
            }
        }
        None
    }

    /// The first message within [`EDIT_WAIT`] for which `ok` holds.
    fn until(&mut self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + EDIT_WAIT;
        let mut seen = Vec::new();
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            if let Some(message) = self.next(left) {
                if ok(&message) {
                    return message;
                }
                seen.push(message);
            }
        }
        panic!("{what}: no such event within {EDIT_WAIT:?}; got {seen:#?}");
    }

    /// Every message up to and including the first for which `ok` holds.
    fn through(&mut self, what: &str, ok: impl Fn(&str) -> bool) -> Vec<String> {
        let deadline = Instant::now() + EDIT_WAIT;
        let mut seen = Vec::new();
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            if let Some(message) = self.next(left) {
                let done = ok(&message);
                seen.push(message);
                if done {
                    return seen;
                }
            }
        }
        panic!("{what}: no such event within {EDIT_WAIT:?}; got {seen:#?}");
    }
}

/// Saves a site file in one step, as editors that write a copy and rename it do: the server
/// sees the new text whole, in one batch of changes.
fn save_whole(site: &TempSite, rel: &str, text: &str) {
    let staged = site.path("staged-edit.tmp");
    std::fs::write(&staged, text).unwrap();
    std::fs::rename(&staged, site.path(rel)).unwrap();
}

/// Whether a message of the event stream lists `file` among the changed files.
fn names(message: &str, file: &str) -> bool {
    message.contains(&format!("\"{file}\""))
}

const SCRIPT_TAG: &str = "<script src=\"/__polydocs/live.js\"";

#[test]
fn every_language_is_served_at_the_published_urls_with_content_types() {
    let site = TempSite::new("serve-pages");
    let before = crate::common::snapshot(&site.root);
    let serve = Serve::start(&site);

    for (prefix, tag) in [("en", "en"), ("fr", "fr"), ("zh-tw", "zh-Hant-TW")] {
        for path in [
            format!("/{prefix}/"),
            format!("/{prefix}/compare/"),
            format!("/{prefix}/docs/contacting-support/chat-and-phone/"),
        ] {
            let r = serve.get(&path);
            assert_eq!(r.status, 200, "{path}\n{}", serve.output());
            assert_eq!(
                r.header("Content-Type").as_deref(),
                Some("text/html; charset=utf-8")
            );
            assert!(r.body.contains(&format!("<html lang=\"{tag}\"")), "{path}");
            assert!(
                r.body.contains(SCRIPT_TAG),
                "{path} has no live-reload script"
            );
            assert_eq!(r.header("Cache-Control").as_deref(), Some("no-store"));
        }
    }
    // The language chooser at the root, and the site's other files.
    let chooser = serve.get("/");
    assert_eq!(chooser.status, 200);
    assert!(chooser.body.contains("hreflang=\"zh-Hant-TW\""));
    for (path, content_type) in [
        ("/static/style.css", "text/css; charset=utf-8"),
        ("/static/icons/chat.svg", "image/svg+xml"),
        ("/sitemap.xml", "application/xml; charset=utf-8"),
        ("/robots.txt", "text/plain; charset=utf-8"),
        ("/__polydocs/live.js", "text/javascript; charset=utf-8"),
        ("/__polydocs/status", "application/json; charset=utf-8"),
    ] {
        let r = serve.get(path);
        assert_eq!(r.status, 200, "{path}");
        assert_eq!(
            r.header("Content-Type").as_deref(),
            Some(content_type),
            "{path}"
        );
        assert!(
            !r.body.contains(SCRIPT_TAG),
            "{path} must not get the script"
        );
    }
    // HEAD: the same head, no body.
    let head = request(&serve.addr, "HEAD", "/fr/");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_ne!(head.header("Content-Length").as_deref(), Some("0"));
    assert_eq!(request(&serve.addr, "POST", "/fr/").status, 405);

    // A folder without its slash is redirected, as static hosts do.
    let r = serve.get("/fr/docs");
    assert_eq!(r.status, 301);
    assert_eq!(r.header("Location").as_deref(), Some("/fr/docs/"));

    // Missing pages: the language's 404 page, else the default language's. No listings.
    let r = serve.get("/fr/no-such-page/");
    assert_eq!(r.status, 404);
    assert!(r.body.contains("<html lang=\"fr\""), "{}", r.body);
    assert!(r.body.contains(SCRIPT_TAG));
    let r = serve.get("/zh-tw/nope.html");
    assert_eq!(r.status, 404);
    assert!(r.body.contains("<html lang=\"zh-Hant-TW\""));
    for path in [
        "/no-such-page/",
        "/static/",
        "/static/icons/",
        "/en/docs/missing",
    ] {
        let r = serve.get(path);
        assert_eq!(r.status, 404, "{path}");
        assert!(r.body.contains("<html lang=\"en\""), "{path}: {}", r.body);
        assert!(!r.body.contains("style.css</a>"), "{path} lists a folder");
    }

    drop(serve);
    // Serve built into memory: the site folder, public/ included, is as it was.
    assert!(!site.public().exists(), "serve created public/");
    crate::common::assert_same_tree(&before, &crate::common::snapshot(&site.root), "serve");
}

#[test]
fn path_traversal_gets_404() {
    let site = TempSite::new("serve-traversal");
    let serve = Serve::start(&site);
    for path in [
        "/../site.yaml",
        "/%2e%2e/site.yaml",
        "/%2E%2E/%2E%2E/sentinel.txt",
        "/en/..%2f..%2fsite.yaml",
        "/en/../../site.yaml",
        "/..\\site.yaml",
        "/static/..%5c..%5csite.yaml",
        "/static/%2e%2e/locales/fr/ui.ftl",
        "//etc/passwd",
        "/etc/passwd",
        "/site.yaml",
        "/locales/fr/ui.ftl",
        "/content/en/_index.md",
        "/en/%00/index.html",
        "/C:/Windows/win.ini",
        "site.yaml",
    ] {
        let r = serve.get(path);
        assert_eq!(r.status, 404, "{path}: {}", r.head);
        assert!(!r.body.contains("base_url"), "{path} leaked site.yaml");
        assert!(!r.body.contains("footer-note"), "{path} leaked a locale");
    }
}

/// A request line that is not UTF-8 is a bad request, answered as one; header values may hold
/// such bytes (RFC 9110's obs-text), and are not read anyway.
#[test]
fn a_path_that_is_not_utf8_gets_400() {
    let site = TempSite::new("serve-not-utf8");
    let serve = Serve::start(&site);
    for (head, status) in [
        (&b"GET /\xff HTTP/1.1\r\nHost: x\r\n\r\n"[..], 400),
        (b"GET /fr/\xff\xfe HTTP/1.1\r\n\r\n", 400),
        (b"GET /fr/ HTTP/1.1\r\nX-Name: caf\xe9\r\n\r\n", 200),
    ] {
        let r = raw_request(&serve.addr, head, EDIT_WAIT)
            .unwrap_or_else(|e| panic!("{}: {e}", String::from_utf8_lossy(head)));
        assert_eq!(r.status, status, "{}", r.head);
    }
}

/// How long a normal GET may take while the server is under attack.
const PROMPT: Duration = Duration::from_secs(2);

/// Slow clients cannot stall the server: 300 connections that send their request head a byte
/// every 3 s, and one that sends a byte every 50 ms, all from the probe's own address (so
/// over the cap per address), while a normal GET of `/` is answered promptly, during the
/// attack and after it. A page's event stream, open through it all, is not evicted, and
/// outlives the deadline for a request head.
#[test]
fn slow_clients_do_not_stall_the_server() {
    let site = TempSite::new("serve-slow");
    let serve = Serve::start(&site);
    let mut events = Events::open(&serve.addr);
    let opened = Instant::now();
    assert!(events.next(EDIT_WAIT).is_some(), "the current state");
    let attack = SlowAttack::start(&serve.addr, 300);
    let probe = |when: &str| {
        let start = Instant::now();
        let head = format!("GET / HTTP/1.1\r\nHost: {}\r\n\r\n", serve.addr);
        let r = raw_request(&serve.addr, head.as_bytes(), Duration::from_secs(5));
        let took = start.elapsed();
        eprintln!(
            "GET / {when}: {took:?} ({:?})",
            r.as_ref().map(|r| r.status)
        );
        let r = r.unwrap_or_else(|e| panic!("GET / {when}: {e} after {took:?}"));
        assert_eq!(r.status, 200, "GET / {when}: {}", r.head);
        assert!(took < PROMPT, "GET / {when} took {took:?}");
    };
    std::thread::sleep(Duration::from_millis(300));
    probe("at the start of the attack");
    std::thread::sleep(Duration::from_millis(3500));
    probe("after the slow clients sent more");
    attack.stop();
    probe("after the attack");

    // Past the 10 s deadline for a request head, the stream still tells of an edit.
    std::thread::sleep(Duration::from_secs(11).saturating_sub(opened.elapsed()));
    site.replace_once(
        "locales/fr/ui.ftl",
        "footer-note = Ce site est proposé en plusieurs langues.",
        "footer-note = Toujours là.",
    );
    events.until("a reload event after the attack", |m| {
        names(m, "fr/index.html")
    });
}

/// `count` connections that send `GET / HTTP/1.1\r\n` a byte every 3 s, and one that sends
/// it a byte every 50 ms, from one thread, until stopped. Writes that fail (the server closed
/// the connection) are ignored.
struct SlowAttack {
    stop: std::sync::mpsc::Sender<()>,
    thread: std::thread::JoinHandle<()>,
}

impl SlowAttack {
    fn start(addr: &str, count: usize) -> SlowAttack {
        let mut slow: Vec<TcpStream> = (0..count)
            .filter_map(|_| TcpStream::connect(addr).ok())
            .collect();
        assert!(slow.len() > 256, "only {} connections opened", slow.len());
        let mut drip = TcpStream::connect(addr).unwrap();
        for stream in slow.iter().chain([&drip]) {
            stream
                .set_write_timeout(Some(Duration::from_millis(10)))
                .unwrap();
        }
        let (stop, stopped) = channel();
        let thread = std::thread::spawn(move || {
            let text = b"GET / HTTP/1.1\r\nHost: slow\r\n";
            let mut tick = 0usize;
            while stopped.recv_timeout(Duration::from_millis(50)).is_err() {
                let byte = &text[tick % text.len()..][..1];
                let _ = drip.write(byte);
                if tick.is_multiple_of(60) {
                    let byte = &text[(tick / 60) % text.len()..][..1];
                    for stream in &mut slow {
                        let _ = stream.write(byte);
                    }
                }
                tick += 1;
            }
        });
        SlowAttack { stop, thread }
    }

    fn stop(self) {
        let _ = self.stop.send(());
        self.thread.join().unwrap();
    }
}

#[test]
fn an_ftl_edit_shows_within_a_bounded_wait() {
    let site = TempSite::new("serve-ftl");
    let serve = Serve::start(&site);
    let english = serve.get("/en/").body;
    let mut events = Events::open(&serve.addr);
    let first = events
        .next(EDIT_WAIT)
        .expect("the current state on connecting");
    assert!(first.contains("\"errors\":[]"), "{first}");

    site.replace_once(
        "locales/fr/ui.ftl",
        "footer-note = Ce site est proposé en plusieurs langues.",
        "footer-note = Aperçu modifié en direct.",
    );
    serve.wait_until("the French footer shows the edit", |s| {
        s.get("/fr/").body.contains("Aperçu modifié en direct.")
    });
    // The French pages changed; the English ones did not.
    let news = events.until("a reload event for the French pages", |m| {
        m.contains("\"fr/index.html\"")
    });
    assert!(!news.contains("\"en/index.html\""), "{news}");
    assert_eq!(
        strip_script(&serve.get("/en/").body),
        strip_script(&english)
    );
    assert!(
        serve
            .get("/fr/docs/")
            .body
            .contains("Aperçu modifié en direct.")
    );
}

#[test]
fn an_open_page_reloads_before_the_rest_of_its_language_is_rendered() {
    let site = TempSite::new("serve-open-first");
    let serve = Serve::start(&site);
    let open = "fr/hours/index.html";
    let mut events = Events::open_for(&serve.addr, open);
    let first = events.next(EDIT_WAIT).expect("the current state");
    assert!(first.contains("\"errors\":[]"), "{first}");

    let ftl = "locales/fr/ui.ftl";
    let text = site.read(ftl).replacen(
        "footer-note = Ce site est proposé en plusieurs langues.",
        "footer-note = Vu en premier.",
        1,
    );
    save_whole(&site, ftl, &text);
    // The whole language is rendered once the home page is.
    let seen = events.through("the French pages rendered", |m| names(m, "fr/index.html"));
    let early: Vec<&String> = seen.iter().filter(|m| names(m, open)).collect();
    assert_eq!(early.len(), 1, "one reload for the open page: {seen:#?}");
    let early = early[0];
    let whole = seen.last().unwrap();
    assert!(
        !std::ptr::eq(early, whole),
        "the open page came with the rest: {seen:#?}"
    );
    // The open page came alone, before the other French pages.
    for other in [
        "fr/index.html",
        "fr/docs/index.html",
        "fr/channels/index.html",
    ] {
        assert!(!names(early, other), "{other} came early: {early}");
        assert!(names(whole, other), "{other} was not rendered: {whole}");
    }
    assert!(!names(whole, open), "the open page reloaded twice: {whole}");
    // The event that makes the page reload follows the one it was served with.
    assert!(early.contains("\"errors\":[]"), "{early}");
    for path in ["/fr/hours/", "/fr/", "/fr/docs/"] {
        assert!(serve.get(path).body.contains("Vu en premier."), "{path}");
    }
    assert!(!serve.get("/en/hours/").body.contains("Vu en premier."));
}

#[test]
fn a_build_that_fails_after_its_page_was_published_early_is_taken_back() {
    let site = TempSite::new("serve-early-failed");
    let serve = Serve::start(&site);
    let open = "fr/hours/index.html";
    let mut events = Events::open_for(&serve.addr, open);
    events.next(EDIT_WAIT).expect("the current state");
    let good = serve.get("/fr/hours/").body;

    // The page renders, so it is published early; its broken link fails the build.
    let page = "content/fr/hours.md";
    let text = site.read(page);
    save_whole(
        &site,
        page,
        &format!("{text}\nUn lien [cassé](pas-de-page/).\n"),
    );
    let seen = events.through("the broken link reported", |m| m.contains("broken-link"));
    let reloads: Vec<&String> = seen.iter().filter(|m| names(m, open)).collect();
    assert_eq!(
        reloads.len(),
        2,
        "the page is published early, then taken back: {seen:#?}"
    );
    assert!(reloads.iter().all(|m| m.contains("\"errors\":[]")));
    // The last good build is served again, with the error over it.
    assert_eq!(
        strip_script(&serve.get("/fr/hours/").body),
        strip_script(&good)
    );
    assert!(serve.status().contains("broken-link"));
    // The terminal is written after the failed state is published: wait for it.
    serve.wait_until("the terminal shows the error at its file", |s| {
        s.stderr.lock().unwrap().contains("content/fr/hours.md:")
    });

    // Fixed: the page shows the edit, and the error is gone.
    save_whole(
        &site,
        page,
        &format!("{text}\nUn lien [réparé](../channels/).\n"),
    );
    serve.wait_until("the fixed page is served", |s| {
        s.get("/fr/hours/").body.contains("réparé")
    });
    events.until("the news that all is well", |m| m.contains("\"errors\":[]"));
}

#[test]
fn a_markdown_edit_shows_on_its_page_and_its_title_in_the_lists() {
    let site = TempSite::new("serve-md");
    let serve = Serve::start(&site);
    let path = "content/zh-TW/hours.md";
    let text = site.read(path);
    site.write(path, &format!("{text}\n新增的段落，用於測試即時預覽。\n"));
    serve.wait_until("the page shows the new paragraph", |s| {
        s.get("/zh-tw/hours/")
            .body
            .contains("新增的段落，用於測試即時預覽。")
    });

    site.replace_once(
        "content/en/docs/choosing-a-priority.md",
        "title: Choosing a priority",
        "title: Picking a priority level",
    );
    serve.wait_until("the docs section lists the new title", |s| {
        s.get("/en/docs/").body.contains("Picking a priority level")
    });
    assert!(
        serve
            .get("/en/docs/choosing-a-priority/")
            .body
            .contains("Picking a priority level")
    );
}

#[test]
fn broken_edits_keep_the_server_answering_and_show_the_error_until_fixed() {
    let site = TempSite::new("serve-broken");
    let serve = Serve::start(&site);
    let mut events = Events::open(&serve.addr);
    events
        .next(EDIT_WAIT)
        .expect("the current state on connecting");

    // A Fluent syntax error.
    let ftl = "locales/fr/ui.ftl";
    let good = site.read(ftl);
    let broken = good.replacen(
        "footer-note = Ce site est proposé en plusieurs langues.",
        "footer-note = { $",
        1,
    );
    assert_ne!(good, broken);
    site.write(ftl, &broken);
    let (line, col) = crate::common::locate(&broken, "footer-note = { $");
    let location = format!("{ftl}:{line}:");
    serve.wait_until("the status shows the Fluent error", |s| {
        s.status().contains(&location)
    });
    let status = serve.status();
    assert!(status.contains("error[fluent-syntax]"), "{status}");
    assert!(status.contains("^"), "the report has a caret: {status}");
    let news = events.until("the error pushed to open pages", |m| m.contains(&location));
    assert!(news.contains("fluent-syntax"), "{news}");
    assert!(col >= 1);
    // The last good build is still served, and a page opened now gets the script (which
    // shows the error it reads from the stream).
    let page = serve.get("/fr/");
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains("Ce site est proposé en plusieurs langues.")
    );
    assert!(page.body.contains(SCRIPT_TAG));
    let mut late = Events::open(&serve.addr);
    let state = late.next(EDIT_WAIT).unwrap();
    assert!(state.contains(&location), "{state}");
    assert!(
        serve.stderr.lock().unwrap().contains(&location),
        "the terminal shows the error\n{}",
        serve.output()
    );

    // Fixed: the error clears and the edit shows.
    site.write(
        ftl,
        &good.replacen(
            "footer-note = Ce site est proposé en plusieurs langues.",
            "footer-note = Réparé.",
            1,
        ),
    );
    serve.wait_until("the fixed Fluent file is served", |s| {
        s.get("/fr/").body.contains("Réparé.")
    });
    assert!(serve.status().contains("\"errors\":[]"));
    events.until("the news that all is well", |m| m.contains("\"errors\":[]"));

    // A YAML error in the plan data, then its fix.
    let yaml = "content/tiers.yaml";
    let good = site.read(yaml);
    site.write(yaml, &format!("{good}\n  broken: [\n"));
    serve.wait_until("the status shows the YAML error", |s| {
        s.status().contains("content/tiers.yaml:")
    });
    assert!(serve.status().contains("error[yaml-indent]"));
    assert_eq!(serve.get("/en/compare/").status, 200);
    site.write(yaml, &good);
    serve.wait_until("the YAML error clears", |s| {
        s.status().contains("\"errors\":[]")
    });

    // A broken front matter, then its fix.
    let page = "content/en/hours.md";
    let good = site.read(page);
    site.write(page, &good.replacen("---\n", "---\ntitle: [\n", 1));
    serve.wait_until("the status shows the front matter error", |s| {
        s.status().contains("content/en/hours.md:")
    });
    assert_eq!(serve.get("/en/hours/").status, 200);
    site.write(page, &good);
    serve.wait_until("the front matter error clears", |s| {
        s.status().contains("\"errors\":[]")
    });
}

#[test]
fn the_script_is_served_only_by_serve_never_built() {
    let site = TempSite::new("serve-build-output");
    site.build_ok();
    for page in [
        "index.html",
        "en/index.html",
        "fr/404.html",
        "zh-tw/hours/index.html",
    ] {
        assert!(
            !site.page(page).contains("__polydocs"),
            "build output {page} has the live-reload script"
        );
    }
    // Serve leaves a published build exactly as it was.
    let published = crate::common::snapshot(&site.public());
    let serve = Serve::start(&site);
    site.replace_once(
        "locales/en/ui.ftl",
        "footer-note = This site is available in several languages.",
        "footer-note = Previewed.",
    );
    serve.wait_until("the edit shows", |s| {
        s.get("/en/").body.contains("Previewed.")
    });
    drop(serve);
    crate::common::assert_same_tree(
        &published,
        &crate::common::snapshot(&site.public()),
        "public/",
    );
}

#[test]
fn a_taken_port_or_a_missing_site_is_an_error() {
    let site = TempSite::new("serve-port");
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let run = site.run(&["serve", "--port", &port]);
    assert_eq!(run.code, 1, "{}", run.describe());
    assert!(
        run.stderr.contains("cannot listen on 127.0.0.1:"),
        "{}",
        run.describe()
    );

    let empty = TempDir::new("serve-no-site");
    let out = Command::new(env!("CARGO_BIN_EXE_polydocs"))
        .arg("--root")
        .arg(&empty.path)
        .args(["serve", "--port", "0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no site.yaml"));
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_cleanly() {
    let site = TempSite::new("serve-ctrl-c");
    let mut serve = Serve::start(&site);
    let killed = Command::new("kill")
        .args(["-INT", &serve.child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let deadline = Instant::now() + EDIT_WAIT;
    let status = loop {
        if let Some(status) = serve.child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "serve did not stop on Ctrl-C");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0), "{}", serve.output());
    std::thread::sleep(Duration::from_millis(100));
    assert!(serve.stdout.lock().unwrap().contains("Stopped."));
    assert!(!site.public().exists());
}

fn strip_script(html: &str) -> String {
    html.lines()
        .filter(|l| !l.starts_with(SCRIPT_TAG))
        .collect::<Vec<_>>()
        .join("\n")
}

// ---------------------------------------------------------------------------------------------
// Partial rebuilds: after each edit, what serve re-rendered must equal a full build.

fn full_build(root: &Path) -> Output {
    let mut builder = Builder::new(root);
    builder
        .build(&Changes::everything(), Arc::new(Output::default()))
        .unwrap_or_else(|ds| panic!("full build failed: {ds:#?}"))
        .output
}

fn changes(paths: &[&str]) -> Changes {
    let mut c = Changes::default();
    for p in paths {
        c.add(Path::new(p));
    }
    c
}

fn assert_same_output(partial: &Output, full: &Output, what: &str) {
    if partial == full {
        return;
    }
    let mut differ: Vec<&str> = full
        .paths()
        .into_iter()
        .chain(partial.paths())
        .filter(|p| partial.get(p) != full.get(p))
        .collect();
    differ.sort_unstable();
    differ.dedup();
    panic!("{what}: the partial rebuild differs from a full build in {differ:?}");
}

#[test]
fn partial_rebuilds_equal_full_builds() {
    let site = TempSite::new("serve-partial");
    let root = site.root.canonicalize().unwrap();
    let mut builder = Builder::new(&root);
    let mut current = Arc::new(
        builder
            .build(&Changes::everything(), Arc::new(Output::default()))
            .unwrap()
            .output,
    );

    type Edit = Box<dyn Fn(&TempSite)>;
    let steps: Vec<(&str, Vec<&str>, &str, Edit)> = vec![
        (
            "a French message",
            vec!["locales/fr/ui.ftl"],
            "the fr pages",
            Box::new(|s: &TempSite| {
                s.replace_once(
                    "locales/fr/ui.ftl",
                    "footer-note = Ce site est proposé en plusieurs langues.",
                    "footer-note = Modifié.",
                );
            }),
        ),
        (
            "a French message removed: French falls back to English for it",
            vec!["locales/fr/ui.ftl"],
            "the fr pages",
            Box::new(|s: &TempSite| {
                s.replace_once("locales/fr/ui.ftl", "footer-note = Modifié.\n", "");
            }),
        ),
        (
            "an English message, which every language falls back to",
            vec!["locales/en/ui.ftl"],
            "the en, fr, zh-TW pages",
            Box::new(|s: &TempSite| {
                s.replace_once(
                    "locales/en/ui.ftl",
                    "footer-note = This site is available in several languages.",
                    "footer-note = Shown in French too.",
                );
            }),
        ),
        (
            "a page body",
            vec!["content/zh-TW/hours.md"],
            "1 page",
            Box::new(|s: &TempSite| {
                let text = s.read("content/zh-TW/hours.md");
                s.write("content/zh-TW/hours.md", &format!("{text}\n新段落。\n"));
            }),
        ),
        (
            "a page title",
            vec!["content/en/docs/choosing-a-priority.md"],
            "the en pages and 2 pages",
            Box::new(|s: &TempSite| {
                s.replace_once(
                    "content/en/docs/choosing-a-priority.md",
                    "title: Choosing a priority",
                    "title: Picking a priority",
                );
            }),
        ),
        (
            "a page removed (French falls back to English)",
            vec!["content/fr/docs/contacting-support/named-contacts.md"],
            "everything",
            Box::new(|s: &TempSite| {
                std::fs::remove_file(
                    s.path("content/fr/docs/contacting-support/named-contacts.md"),
                )
                .unwrap();
            }),
        ),
        (
            "the body of a page other languages fall back to",
            vec!["content/en/docs/contacting-support/named-contacts.md"],
            "2 pages",
            Box::new(|s: &TempSite| {
                let p = "content/en/docs/contacting-support/named-contacts.md";
                let text = s.read(p);
                s.write(p, &format!("{text}\nOne more paragraph.\n"));
            }),
        ),
        (
            "static files added and changed",
            vec!["static/extra.txt", "static/style.css"],
            "static files",
            Box::new(|s: &TempSite| {
                s.write("static/extra.txt", "extra\n");
                let css = s.read("static/style.css");
                s.write("static/style.css", &format!("{css}\n.x {{}}\n"));
            }),
        ),
        (
            "a static file removed",
            vec!["static/extra.txt"],
            "static files",
            Box::new(|s: &TempSite| {
                std::fs::remove_file(s.path("static/extra.txt")).unwrap();
            }),
        ),
        (
            "a message and a page at once",
            vec!["locales/zh-TW/ui.ftl", "content/fr/hours.md"],
            "the zh-TW pages and 1 page",
            Box::new(|s: &TempSite| {
                s.replace_once(
                    "locales/zh-TW/ui.ftl",
                    "footer-note = 本網站提供多種語言版本。",
                    "footer-note = 已修改。",
                );
                let text = s.read("content/fr/hours.md");
                s.write("content/fr/hours.md", &format!("{text}\nUn paragraphe.\n"));
            }),
        ),
        (
            "an editor's temporary file beside a page",
            vec!["content/en/hours.md", "content/en/sedX1b2c3"],
            "3 pages",
            Box::new(|s: &TempSite| {
                let text = s.read("content/en/hours.md");
                s.write("content/en/hours.md", &format!("{text}\nSaved by sed.\n"));
            }),
        ),
    ];
    for (what, paths, scope, edit) in steps {
        edit(&site);
        let built = builder
            .build(&changes(&paths), Arc::clone(&current))
            .unwrap_or_else(|ds| panic!("{what}: {ds:#?}"));
        let full = full_build(&root);
        assert_same_output(&built.output, &full, what);
        if what.starts_with("an English message") {
            let fr = String::from_utf8_lossy(full.get("fr/index.html").unwrap()).into_owned();
            assert!(fr.contains("Shown in French too."), "French falls back");
        }
        // The changed list is exactly the difference from the previous build.
        let mut expected: Vec<String> = full
            .paths()
            .into_iter()
            .chain(current.paths())
            .filter(|p| full.get(p) != current.get(p))
            .map(str::to_string)
            .collect();
        expected.sort();
        expected.dedup();
        assert_eq!(built.changed, expected, "{what}: changed files");
        assert!(!built.changed.is_empty(), "{what}: nothing changed");
        // Checked last, so that a wrong output is reported as such first.
        assert_eq!(
            built.scope, scope,
            "{what}: rendered more or less than expected"
        );
        current = Arc::new(built.output);
    }
}

#[test]
fn a_translator_sees_the_findings_of_check_while_serving() {
    let site = TempSite::new("serve-findings");
    let serve = Serve::start(&site);
    let text = site.replace_once(
        "locales/fr/ui.ftl",
        "footer-note = Ce site est proposé en plusieurs langues.",
        "footer-note = Ce site est proposé en { $nombre } langues.",
    );
    let (line, column) = crate::common::locate(&text, "nombre");
    let location = format!("locales/fr/ui.ftl:{line}:{column}");
    serve.wait_until("the unknown variable is reported in the terminal", |s| {
        let err = s.stderr.lock().unwrap();
        err.contains("unknown-variable") && err.contains(&location)
    });
    // The preview goes on: the page is served, the rest of the message shows.
    assert!(serve.get("/fr/").body.contains("Ce site est proposé en"));
}

#[test]
fn drafts_are_previewed_with_a_mark() {
    let site = TempSite::new("serve-drafts");
    site.write(
        "content/en/docs/upcoming.md",
        "---\ntitle: Upcoming\ndraft: true\n---\n\nThe quokkaphone ships soon.\n",
    );
    let serve = Serve::start(&site);
    let page = serve.get("/en/docs/upcoming/");
    assert_eq!(page.status, 200, "{}", serve.output());
    assert!(page.body.contains("quokkaphone"), "{}", page.body);
    assert!(
        page.body.contains("Draft: this page is not published yet."),
        "{}",
        page.body
    );
    assert!(serve.get("/en/docs/").body.contains("Upcoming"));
}

/// One error among many warnings: the overlay's news counts them apart, sends the error
/// first and the warnings cut short per code and language, and the terminal caps them as
/// `build` does.
#[test]
fn one_error_among_many_warnings_is_counted_apart_and_shown_first() {
    let site = TempSite::new("serve-error-and-warnings");
    // Twenty English messages revised: forty outdated translations (fr and zh-TW).
    let en = site.read("locales/en/ui.ftl");
    let mut revised = 0;
    let lines: Vec<String> = en
        .lines()
        .map(|l| {
            let simple = l.split_once(" = ").is_some_and(|(id, value)| {
                !id.is_empty()
                    && id.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                    && value.starts_with(|c: char| c.is_ascii_uppercase())
                    && !value.contains('{')
            });
            if simple && revised < 20 {
                revised += 1;
                format!("{l} (revised)")
            } else {
                l.to_string()
            }
        })
        .collect();
    assert_eq!(revised, 20);
    site.write("locales/en/ui.ftl", &(lines.join("\n") + "\n"));
    // An English page revised: its translations are outdated, in files listed before...
    let compare = site.read("content/en/compare.md");
    site.write(
        "content/en/compare.md",
        &format!("{compare}\nOne more sentence.\n"),
    );
    // ...the one error: a link to no page.
    let page = site.read("content/zh-TW/hours.md");
    let broken = format!("{page}\n[無處](../nowhere/)\n");
    site.write("content/zh-TW/hours.md", &broken);
    let (line, _) = crate::common::locate(&broken, "[無處]");
    let location = format!("content/zh-TW/hours.md:{line}:");

    let serve = Serve::start(&site);
    serve.wait_until("the failed build is shown", |s| {
        s.status().contains(&location)
    });
    let state: serde_json::Value = serde_json::from_str(&serve.status()).unwrap();
    assert_eq!(state["counts"]["errors"], 1, "{state}");
    let warnings = state["counts"]["warnings"].as_u64().unwrap();
    assert!(warnings >= 42, "{state}");
    let shown = state["errors"].as_array().unwrap();
    assert_eq!(
        shown[0]["severity"], "error",
        "the error comes first: {state}"
    );
    assert!(
        shown[0]["summary"].as_str().unwrap().starts_with(&location),
        "{state}"
    );
    assert!(
        shown[1..].iter().all(|e| e["severity"] == "warning"),
        "{state}"
    );
    let outdated = |lang: &str| {
        shown
            .iter()
            .filter(|e| {
                let s = e["summary"].as_str().unwrap();
                s.contains("[outdated-message]") && s.starts_with(&format!("locales/{lang}/"))
            })
            .count()
    };
    assert_eq!((outdated("fr"), outdated("zh-TW")), (3, 3), "{state}");
    let more: Vec<&str> = state["more"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    assert!(
        more.contains(
            &"… and 17 more `outdated-message` warnings in zh-TW: `polydocs check --lang zh-TW` lists them all."
        ),
        "{more:?}"
    );

    // The terminal: the same cap as `build`, and the counts apart.
    serve.wait_until("the terminal says how the build failed", |s| {
        s.stderr
            .lock()
            .unwrap()
            .contains("The build failed with 1 error")
    });
    let err = serve.stderr.lock().unwrap().clone();
    assert!(
        err.contains("… and 17 more `outdated-message` warnings in zh-TW"),
        "{err}"
    );
    assert_eq!(err.matches("warning[outdated-message]").count(), 6, "{err}");
    assert!(
        err.contains(&format!("{warnings} warnings besides")),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------------
// Translate mode (`serve --translate LANG`).

/// A POST to translate mode, with its headers as given.
fn post(addr: &str, path: &str, headers: &[(&str, &str)], body: &str) -> Response {
    let mut head = format!(
        "POST {path} HTTP/1.1\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    head.push_str(body);
    raw_request(addr, head.as_bytes(), Duration::from_secs(30))
        .unwrap_or_else(|e| panic!("POST {path}: {e}"))
}

/// The token translate mode gives its pages.
fn token_of(page: &str) -> String {
    let at = page
        .find("data-token=\"")
        .expect("the page has the editor's script")
        + 12;
    page[at..].split('"').next().unwrap().to_string()
}

fn json(r: &Response) -> serde_json::Value {
    serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", r.body))
}

/// A missing French message: the page marks it missing, the panel's details name its files,
/// a typed mistake is refused, and a save writes exactly that message where the source
/// orders it (here: the file as it was before the message was taken out), after which the
/// page shows it. Requests from another host, another origin or without the token write
/// nothing.
#[test]
fn translate_mode_saves_a_missing_message_into_its_file_and_nothing_else() {
    let site = TempSite::new("translate-message");
    let original = site.read("locales/fr/ui.ftl");
    let entry = "footer-note = Ce site est proposé en plusieurs langues.\n";
    site.write("locales/fr/ui.ftl", &original.replacen(entry, "", 1));
    let serve = Serve::start_with(&site.root, &["--port", "0", "--translate", "fr"]);
    let host = serve.addr.clone();

    let page = serve.get("/fr/");
    assert_eq!(page.status, 200, "{}", serve.output());
    assert!(
        page.body.contains("data-pd-m=\"footer-note\""),
        "the message is marked"
    );
    assert!(
        !page.body.contains('\u{E010}'),
        "no mark is left in the page"
    );
    let token = token_of(&page.body);
    let state = json(&serve.get("/__polydocs/translate/page?path=%2Ffr%2F"));
    assert_eq!(state["messages"]["footer-note"], "missing", "{state}");
    assert_eq!(state["messages"]["skip-link"], "translated", "{state}");
    let details = json(&serve.get("/__polydocs/translate/message?id=footer-note"));
    assert_eq!(details["file"], "locales/fr/ui.ftl");
    assert_eq!(details["source_file"], "locales/en/ui.ftl");
    assert_eq!(
        details["source"],
        "This site is available in several languages."
    );
    assert!(details["translation"].is_null(), "{details}");
    let base = details["base"].as_str().unwrap().to_string();
    // The translator's home queues it, linked into the first page that shows it.
    let home = serve.get("/__polydocs/translate/").body;
    assert!(
        home.contains("<a href=\"/fr/#pd-m=footer-note\"><code>footer-note</code></a>"),
        "{home}"
    );
    assert!(
        home.contains("on 15 pages"),
        "every French page shows the footer: {home}"
    );

    let headers = |token: &str, host: &str| {
        vec![
            ("Host".to_string(), host.to_string()),
            ("Content-Type".to_string(), "application/json".to_string()),
            ("X-Polydocs-Token".to_string(), token.to_string()),
        ]
    };
    let send = |path: &str, h: &[(String, String)], body: &serde_json::Value| {
        let h: Vec<(&str, &str)> = h.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        post(&serve.addr, path, &h, &body.to_string())
    };
    let edit =
        |value: &str| serde_json::json!({ "id": "footer-note", "value": value, "base": base });

    // A typed mistake: the check says where, and a save is refused.
    let checked = send(
        "/__polydocs/translate/check",
        &headers(&token, &host),
        &edit("Ce site { $"),
    );
    assert_eq!(checked.status, 200, "{}", checked.body);
    let problems = json(&checked)["problems"].clone();
    assert_eq!(problems[0]["severity"], "error", "{problems}");
    assert_eq!(problems[0]["line"], 1, "in the value as typed: {problems}");
    let refused = send(
        "/__polydocs/translate/save",
        &headers(&token, &host),
        &edit("Ce site { $"),
    );
    assert_eq!(refused.status, 422, "{}", refused.body);
    // Not from the preview's own page: refused, whatever they send.
    let good = edit("Ce site est proposé en plusieurs langues.");
    for (h, why) in [
        (headers("guess", &host), "a wrong token"),
        (
            headers(&token, "evil.example:80"),
            "another host (DNS rebinding)",
        ),
    ] {
        assert_eq!(
            send("/__polydocs/translate/save", &h, &good).status,
            403,
            "{why}"
        );
    }
    let mut cross = headers(&token, &host);
    cross.push(("Origin".to_string(), "http://evil.example".to_string()));
    assert_eq!(
        send("/__polydocs/translate/save", &cross, &good).status,
        403
    );
    assert_eq!(
        site.read("locales/fr/ui.ftl"),
        original.replacen(entry, "", 1)
    );

    let saved = send("/__polydocs/translate/save", &headers(&token, &host), &good);
    assert_eq!(saved.status, 200, "{}", saved.body);
    assert_eq!(json(&saved)["outcome"], "saved");
    assert_eq!(
        site.read("locales/fr/ui.ftl"),
        original,
        "only that message was added, where it was"
    );
    serve.wait_until("the page shows the saved message", |s| {
        s.get("/fr/")
            .body
            .contains("Ce site est proposé en plusieurs langues.")
    });
    let state = json(&serve.get("/__polydocs/translate/page?path=%2Ffr%2F"));
    assert_eq!(state["messages"]["footer-note"], "translated", "{state}");
    // The same save again is a conflict: the file changed since the panel opened.
    let again = send("/__polydocs/translate/save", &headers(&token, &host), &good);
    assert_eq!(again.status, 409, "{}", again.body);
    assert_eq!(json(&again)["disk"], original);
}

/// An outdated paragraph of a translated page: its block is marked outdated with the source's
/// change, and a save replaces that block of the translation and nothing else.
#[test]
fn translate_mode_saves_an_outdated_paragraph_into_its_block() {
    let site = TempSite::new("translate-block");
    site.replace_once(
        "content/en/hours.md",
        "Adobe support is organised into four regions",
        "Adobe support is organised into four support regions",
    );
    let serve = Serve::start_with(&site.root, &["--port", "0", "--translate", "fr"]);
    let page = serve.get("/fr/hours/");
    assert_eq!(page.status, 200, "{}", serve.output());
    let token = token_of(&page.body);
    let state = json(&serve.get("/__polydocs/translate/page?path=%2Ffr%2Fhours%2F"));
    let blocks = state["blocks"].as_array().unwrap();
    let outdated: Vec<&serde_json::Value> =
        blocks.iter().filter(|b| b["state"] == "outdated").collect();
    assert_eq!(outdated.len(), 1, "{state}");
    let block = outdated[0];
    assert!(
        block["text"]
            .as_str()
            .unwrap()
            .starts_with("L’assistance Adobe s’organise")
    );
    assert!(
        block["diff"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["kind"] == "added" && p["text"] == "support "),
        "the change is shown word by word: {block}"
    );
    let n = block["n"].as_u64().unwrap();
    assert!(
        page.body.contains(&format!("data-pd-block=\"{n}\"")),
        "the block is marked"
    );

    let before = site.read("content/fr/hours.md");
    let old = block["text"].as_str().unwrap();
    let new = "L’assistance Adobe s’organise en quatre régions d’assistance.";
    let body = serde_json::json!({
        "page": "/fr/hours/", "block": n, "value": new, "base": state["base"],
    });
    let saved = post(
        &serve.addr,
        "/__polydocs/translate/save",
        &[
            ("Host", &serve.addr),
            ("Content-Type", "application/json"),
            ("X-Polydocs-Token", &token),
        ],
        &body.to_string(),
    );
    assert_eq!(saved.status, 200, "{}", saved.body);
    assert_eq!(
        site.read("content/fr/hours.md"),
        before.replacen(old, new, 1)
    );
    serve.wait_until("the page shows the new paragraph", |s| {
        s.get("/fr/hours/")
            .body
            .contains("quatre régions d’assistance.")
    });
}

#[test]
fn translate_mode_is_loopback_only_and_for_a_language_of_the_site() {
    let site = TempSite::new("translate-bind");
    for (args, said) in [
        (
            vec![
                "serve",
                "--translate",
                "fr",
                "--bind",
                "0.0.0.0",
                "--port",
                "0",
            ],
            "loopback",
        ),
        (
            vec!["serve", "--translate", "xx", "--port", "0"],
            "unknown language `xx`",
        ),
    ] {
        let run = site.run(&args);
        assert_ne!(run.code, 0, "{}", run.describe());
        assert!(run.stderr.contains(said), "{}", run.describe());
    }
}

/// A page not translated yet: translating one of its blocks creates the page from its source
/// with that block translated, and its title is a field of its front matter, set on its line.
#[test]
fn translate_mode_creates_an_untranslated_page_and_sets_its_title() {
    let site = TempSite::new("translate-new-page");
    std::fs::remove_file(site.path("content/fr/channels.md")).unwrap();
    let serve = Serve::start_with(&site.root, &["--port", "0", "--translate", "fr"]);
    let page = serve.get("/fr/channels/");
    assert_eq!(page.status, 200, "{}", serve.output());
    let token = token_of(&page.body);
    let state = json(&serve.get("/__polydocs/translate/page?path=%2Ffr%2Fchannels%2F"));
    assert_eq!(state["page"]["state"], "missing", "{state}");
    let blocks = state["blocks"].as_array().unwrap();
    assert!(blocks.iter().all(|b| b["state"] == "missing"), "{state}");
    let first = blocks.iter().find(|b| b["field"].is_null()).unwrap();
    let source = site.read("content/en/channels.md");
    let headers = [
        ("Host", serve.addr.as_str()),
        ("Content-Type", "application/json"),
        ("X-Polydocs-Token", token.as_str()),
    ];
    let paragraph = "Le support client d’Adobe propose de l’aide en ligne.";
    let body = serde_json::json!({
        "page": "/fr/channels/", "block": first["n"], "value": paragraph, "base": "",
    });
    let saved = post(
        &serve.addr,
        "/__polydocs/translate/save",
        &headers,
        &body.to_string(),
    );
    assert_eq!(saved.status, 200, "{}", saved.body);
    let created = site.read("content/fr/channels.md");
    assert_eq!(
        created,
        source.replacen(first["text"].as_str().unwrap(), paragraph, 1),
        "the source page with that block translated"
    );

    serve.wait_until("the page is translated", |s| {
        json(&s.get("/__polydocs/translate/page?path=%2Ffr%2Fchannels%2F"))["page"]["translated"]
            == true
    });
    let state = json(&serve.get("/__polydocs/translate/page?path=%2Ffr%2Fchannels%2F"));
    let body = serde_json::json!({
        "page": "/fr/channels/", "field": "title", "value": "Canaux : assistance", "base": state["base"],
    });
    let saved = post(
        &serve.addr,
        "/__polydocs/translate/save",
        &headers,
        &body.to_string(),
    );
    assert_eq!(saved.status, 200, "{}", saved.body);
    assert_eq!(
        site.read("content/fr/channels.md"),
        created.replacen(
            "title: Support channels\n",
            "title: \"Canaux : assistance\"\n",
            1
        )
    );
}
